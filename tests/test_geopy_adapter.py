"""geopy conventions of GazetteerGeocoder, and its use through RateLimiter and geopandas."""

from __future__ import annotations

import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geoevents.geopy import GazetteerGeocoder


@pytest.fixture(scope="module")
def coder(gaz):
    return GazetteerGeocoder(gaz)


def test_geocode_returns_a_geopy_location(coder):
    loc = coder.geocode("Jenin")
    assert isinstance(loc, Location)
    assert abs(loc.latitude - 32.46) < 0.05 and abs(loc.longitude - 35.30) < 0.05
    assert loc.raw["country_code"] == "PS" and "Jenin" in loc.address


def test_exactly_one_false_returns_a_list_and_no_match_returns_none(coder):
    moscows = coder.geocode("Moscow", exactly_one=False, limit=5)
    assert isinstance(moscows, list) and len(moscows) == 5
    assert moscows[0].raw["country_code"] == "RU"
    assert coder.geocode("Qqqxzzyqq Vvvwwq") is None


def test_country_codes_and_structured_queries(coder):
    assert coder.geocode("Moscow", country_codes="US").raw["admin1"] == "Idaho"
    assert coder.geocode({"city": "Moscow", "state": "Idaho"}).raw["country_code"] == "US"


def test_reverse_accepts_strings_and_tuples(coder):
    assert coder.reverse("31.50, 34.47").raw["name"] == "Gaza"
    assert coder.reverse((31.50, 34.47), exactly_one=False)[0].raw["country_code"] == "PS"


def test_rate_limiter_wraps_it(coder):
    geocode = RateLimiter(coder.geocode, min_delay_seconds=0)
    assert geocode("Gaza").raw["id"] == "geonames:281133"


def test_geopandas_geocode_with_the_provider_class(gaz):
    from geopandas.tools import geocode

    frame = geocode(["Jenin", "Moscow"], provider=GazetteerGeocoder)
    assert len(frame) == 2
    assert frame.geometry.iloc[0].y == pytest.approx(32.459, abs=0.01)
    assert frame.geometry.iloc[1].x == pytest.approx(37.618, abs=0.01)
