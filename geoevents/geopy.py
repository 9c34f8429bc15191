"""A geopy geocoder backed by the local gazetteer.

``GazetteerGeocoder`` follows geopy's conventions, so code written for Nominatim or
Photon works unchanged and offline::

    from geoevents.geopy import GazetteerGeocoder
    from geopy.extra.rate_limiter import RateLimiter
    geocode = RateLimiter(GazetteerGeocoder().geocode, min_delay_seconds=0)
    geocode("Jenin")            # Location('Janīn, Jenin, PS', (32.459, 35.301, 0.0))

It also plugs into ``geopandas.tools.geocode(names, provider=GazetteerGeocoder)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geoevents.gazetteer.store import Gazetteer
from geoevents.geocoding import default_gazetteer
from geoevents.model import Place

__all__ = ["GazetteerGeocoder"]


class GazetteerGeocoder(Geocoder):
    """geopy ``Geocoder`` over a geoevents gazetteer; never touches the network.

    :param gazetteer: a :class:`Gazetteer`, a path to a gazetteer file, or None for the
        embedded default.
    :param country_codes: default country filter (ISO alpha-2, str or list).
    """

    def __init__(self, gazetteer: Gazetteer | str | Path | None = None, *,
                 country_codes: str | list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if isinstance(gazetteer, Gazetteer):
            self.gazetteer = gazetteer
        else:
            self.gazetteer = default_gazetteer(gazetteer)
        self.country_codes = country_codes

    def geocode(self, query: str | dict[str, str], *, exactly_one: bool = True,
                limit: int | None = None, country_codes: str | list[str] | None = None,
                featuretype: str | None = None, timeout: float | None = None,
                **_: Any) -> Location | list[Location] | None:
        """Forward geocoding; ``query`` may be a string or a structured dict
        (``{"city": "Moscow", "state": "Idaho", "country": "US"}``)."""
        text = _query_text(query)
        codes = country_codes if country_codes is not None else self.country_codes
        country = ",".join(codes) if isinstance(codes, list) else codes
        fclass = _FEATURE_TYPES.get(featuretype or "")
        count = 1 if exactly_one else (limit or 10)
        places = self.gazetteer.search(text, country=country or None, feature_class=fclass,
                                       limit=count)
        if not places:
            return None
        locations = [_location(p) for p in places]
        return locations[0] if exactly_one else locations

    def reverse(self, query: Any, *, exactly_one: bool = True,
                timeout: float | None = None, **_: Any) -> Location | list[Location] | None:
        """Reverse geocoding of ``"lat, lon"``, ``(lat, lon)`` or a geopy ``Point``."""
        point = Point(query)
        place = self.gazetteer.reverse(point.latitude, point.longitude)
        if place is None:
            return None
        location = _location(place)
        return location if exactly_one else [location]


# Nominatim's featureType values -> GeoNames feature classes
_FEATURE_TYPES = {"country": "A", "state": "A", "city": "P", "settlement": "P"}


def _query_text(query: str | dict[str, str]) -> str:
    if isinstance(query, dict):
        order = ("street", "city", "county", "state", "country", "postalcode")
        return ", ".join(query[k] for k in order if query.get(k))
    return query


def _location(place: Place) -> Location:
    return Location(place.display_name, Point(place.lat, place.lon), place.to_dict())
