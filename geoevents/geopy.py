"""A geopy geocoder backed by the local gazetteer.

``GazetteerGeocoder`` follows geopy's conventions, so code written for Nominatim or
Photon works unchanged and offline::

    from geoevents.geopy import GazetteerGeocoder
    from geopy.extra.rate_limiter import RateLimiter
    geocode = RateLimiter(GazetteerGeocoder().geocode, min_delay_seconds=0)
    geocode("Jenin")            # Location('Janīn, Jenin, PS', (32.459, 35.301, 0.0))

It also plugs into ``geopandas.tools.geocode(names, provider=GazetteerGeocoder)``.

Errors follow geopy's contract: an invalid query raises ``GeocoderQueryError`` and an
unreadable gazetteer ``GeocoderServiceError``, so code that catches ``GeopyError``
catches them; the geoevents error is kept as the ``__cause__``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from geopy.exc import GeocoderQueryError, GeocoderServiceError
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geoevents.errors import GazetteerError, QueryError
from geoevents.gazetteer.query import structured_text
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
            with _geopy_errors():
                self.gazetteer = default_gazetteer(gazetteer)
        self.country_codes = country_codes

    def geocode(self, query: str | Mapping[str, Any], *, exactly_one: bool = True,
                limit: int | None = None, country_codes: str | list[str] | None = None,
                featuretype: str | None = None, timeout: float | None = None,
                **_: Any) -> Location | list[Location] | None:
        """Forward geocoding; ``query`` may be a string or a structured dict
        (``{"city": "Moscow", "state": "Idaho", "country": "US"}``). Each Location's
        ``raw["match"]`` says how it matched (exact, alias, qualifier, …)."""
        with _geopy_errors():
            text = structured_text(query) if isinstance(query, Mapping) else query
            codes = country_codes if country_codes is not None else self.country_codes
            country = ",".join(codes) if isinstance(codes, (list, tuple)) else codes
            fclass = _FEATURE_TYPES.get(featuretype or "")
            count = 1 if exactly_one else _limit(limit)
            places = self.gazetteer.search(text, country=country or None,
                                           feature_class=fclass, limit=count)
        if not places:
            return None
        locations = [_location(p) for p in places]
        return locations[0] if exactly_one else locations

    def reverse(self, query: Any, *, exactly_one: bool = True,
                timeout: float | None = None, **_: Any) -> Location | list[Location] | None:
        """Reverse geocoding of ``"lat, lon"``, ``(lat, lon)`` or a geopy ``Point``."""
        with _geopy_errors():
            try:
                point = Point(query)
            except (TypeError, ValueError) as exc:
                raise QueryError(f"not a coordinate pair: {query!r}") from exc
            place = self.gazetteer.reverse(point.latitude, point.longitude)
        if place is None:
            return None
        location = _location(place)
        return location if exactly_one else [location]


# Nominatim's featureType values -> GeoNames feature classes
_FEATURE_TYPES = {"country": "A", "state": "A", "city": "P", "settlement": "P"}


@contextmanager
def _geopy_errors() -> Iterator[None]:
    """geoevents errors as geopy's: bad queries and unreadable gazetteers."""
    try:
        yield
    except QueryError as exc:
        raise GeocoderQueryError(str(exc)) from exc
    except GazetteerError as exc:
        raise GeocoderServiceError(str(exc)) from exc


def _limit(limit: object) -> int:
    if limit is None:
        return 10
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise QueryError(f"limit must be a positive integer, got {limit!r}")
    return limit


def _location(place: Place) -> Location:
    return Location(place.display_name, Point(place.lat, place.lon), place.to_dict())
