"""The data a map embeds: events, places, areas and the basemap, compactly encoded.

Events are stored column-wise; repeated strings (actors, sub-types, places, document ids)
live once in a string table and the columns hold indexes into it (-1 = none), while
mostly distinct ones (sentences, event ids) are stored as they are. The page
builds every label with ``textContent``, so no string in here is ever parsed as HTML.
Payloads above :data:`GZIP_THRESHOLD` bytes are gzipped and base64-encoded (the browser
inflates them with ``DecompressionStream``); smaller ones are plain JSON with ``<``, ``>``
and ``&`` escaped, so neither form can end the ``<script>`` element that holds it.
"""

from __future__ import annotations

import base64
import gzip
import json
from functools import cache
from typing import Any

from geoevents.maps import basemap
from geoevents.maps.style import ordered_types, style_for

GZIP_THRESHOLD = 1_000_000
GZIP_LEVEL = 3  # level 6 is ~3x slower for ~10% less
COORD_DECIMALS = 5  # ~1 m: plenty for a web map
BASEMAP_TOLERANCE = 0.05  # degrees; Natural Earth 10m countries simplified for the basemap


class StringTable:
    """Distinct strings, each stored once; columns refer to them by index."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self._index: dict[str, int] = {}

    def add(self, value: str) -> int:
        index = self._index.get(value)
        if index is None:
            index = self._index[value] = len(self.strings)
            self.strings.append(value)
        return index

    def codes(self, values: Any) -> list[int]:
        """Indexes of a column's values; -1 for missing or empty."""
        import numpy as np
        import pandas as pd

        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        add = self.add
        lookup = np.array([add(u) if u else -1 for u in np.asarray(uniques, dtype=str).tolist()]
                          + [-1])
        mapped: list[int] = lookup[codes].tolist()  # code -1 picks the trailing -1
        return mapped


def build(events: Any, places: Any | None, *, title: str,
          documents: int | None = None) -> dict[str, Any]:
    """The payload dict for an events GeoDataFrame and an optional places GeoDataFrame.

    ``documents`` is how many documents the events came from (default: distinct doc ids).
    """
    table = StringTable()
    located_mask = on_earth(events.geometry.values)
    located = events[located_mask]
    ev, types = _events(located, table)
    place_frame = places if places is not None and len(places) else None
    pl, areas = _places(place_frame, located, table)
    known = [d for d in ev["day"] if d >= 0]
    # fit the view to the events; to the places when there are none
    lats, lons = (ev["lat"], ev["lon"]) if ev["lat"] else (pl["lat"], pl["lon"])
    if documents is None:
        documents = int(_column(events, "doc_id").dropna().nunique())
    bounds = [[min(lats), min(lons)], [max(lats), max(lons)]] if lats else None
    box = basemap.extent(bounds)
    return {
        "title": title,
        "strings": table.strings,
        "types": types,
        "days": [min(known), max(known)] if known else None,
        "events": ev,
        "places": pl,
        "areas": areas,
        "countries": basemap_countries(),
        "labels": basemap.place_labels(box),
        "lines": basemap.basemap_lines(box),
        "bounds": bounds,
        "stats": {"events": len(events), "located": len(located),
                  "documents": documents},
    }


def on_earth(geoms: Any) -> Any:
    """A boolean array: which geometries are present, not empty, and lie within the
    longitudes and latitudes of the Earth (NaN, infinite or out-of-range coordinates from
    a hand-edited or foreign file are no place on a map: their events count as
    unlocated)."""
    import numpy as np
    import shapely

    with np.errstate(invalid="ignore"):
        bounds = shapely.bounds(geoms)  # NaN for missing and empty geometries
        return ((bounds[:, 0] >= -180) & (bounds[:, 2] <= 180) & (bounds[:, 1] >= -90)
                & (bounds[:, 3] <= 90))


def encode(payload: dict[str, Any]) -> tuple[str, str]:
    """``(encoding, text)`` for the ``<script type="application/json">`` element."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if len(text) > GZIP_THRESHOLD:
        packed = gzip.compress(text.encode("utf-8"), compresslevel=GZIP_LEVEL, mtime=0)
        return "gzip-base64", base64.b64encode(packed).decode("ascii")
    safe = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return "json", safe


def decode(encoding: str, text: str) -> dict[str, Any]:
    """The inverse of :func:`encode` (for tests and tools that read a map back)."""
    if encoding == "gzip-base64":
        text = gzip.decompress(base64.b64decode(text)).decode("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _column(frame: Any, name: str) -> Any:
    import pandas as pd

    if name in frame.columns:
        return frame[name]
    return pd.Series([None] * len(frame), index=frame.index, dtype=object)


def _numbers(frame: Any, name: str, *, integer: bool = True) -> list[Any]:
    """A numeric column as JSON-ready ints (or 3-decimal floats), None where missing."""
    import numpy as np
    import pandas as pd

    values = pd.to_numeric(_column(frame, name), errors="coerce").to_numpy(
        dtype=float, na_value=np.nan)
    values = np.round(values, 0 if integer else 3)
    if integer:
        return [None if v != v else int(v) for v in values.tolist()]
    return [None if v != v else v for v in values.tolist()]


def _rounded(values: Any) -> list[float]:
    import numpy as np

    rounded: list[float] = np.round(np.asarray(values, dtype=float), COORD_DECIMALS).tolist()
    return rounded


def _events(frame: Any, table: StringTable) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    import shapely

    geoms = frame.geometry.values
    type_names = _column(frame, "event_type").fillna("Unknown").astype(str).replace("", "Unknown")
    names = ordered_types(type_names.tolist())
    type_index = {name: i for i, name in enumerate(names)}
    types = []
    for name in names:
        style = style_for(name)
        types.append({"name": name, "color": style.color, "icon": style.svg,
                      "count": int((type_names == name).sum())})

    sentences = _texts(_column(frame, "sentence"))
    triggers = _texts(_column(frame, "trigger"))
    tpos = [_trigger_position(s, t) for s, t in zip(sentences, triggers, strict=True)]
    location = _column(frame, "location_name").fillna(_column(frame, "location_text"))
    events = {
        "lat": _rounded(shapely.get_y(geoms)),
        "lon": _rounded(shapely.get_x(geoms)),
        "type": [type_index[t] for t in type_names.tolist()],
        "day": _days(_column(frame, "date")),
        "id": _texts(_column(frame, "event_id")),
        "doc": table.codes(_column(frame, "doc_id")),
        "title": table.codes(_column(frame, "title")),
        "url": table.codes(_column(frame, "url").map(_web_url, na_action="ignore")),
        "sub": table.codes(_column(frame, "sub_event_type")),
        "date": table.codes(_column(frame, "date")),
        "prec": table.codes(_column(frame, "date_precision")),
        "dtext": table.codes(_column(frame, "date_text")),
        "a1": table.codes(_column(frame, "actor1")),
        "a2": table.codes(_column(frame, "actor2")),
        "qty": table.codes(_column(frame, "quantities")),
        "fat": _numbers(frame, "fatalities"),
        "loc": table.codes(location),
        "ltext": table.codes(_column(frame, "location_text")),
        "role": table.codes(_column(frame, "location_role")),
        "cc": table.codes(_column(frame, "country_code")),
        "adm1": table.codes(_column(frame, "admin1")),
        "geo": _numbers(frame, "geo_precision"),
        "sent": sentences,
        "tpos": [p for p, _ in tpos],
        "tlen": [n for _, n in tpos],
        "reason": _texts(_column(frame, "reason").replace("", None)),
        "conf": _numbers(frame, "confidence", integer=False),
    }
    return events, types


def _days(dates: Any) -> list[int]:
    """Days since 1970-01-01 of ISO dates (or date values); -1 where there is none."""
    import numpy as np
    import pandas as pd

    parsed = pd.to_datetime(dates.astype(object), errors="coerce", format="ISO8601")
    days = (parsed.to_numpy(dtype="datetime64[D]", na_value=np.datetime64("NaT"))
            .astype("int64"))
    days[parsed.isna().to_numpy()] = -1
    out: list[int] = days.tolist()
    return out


def _web_url(value: Any) -> str | None:
    """An http(s) URL to link to; anything else (``javascript:``, ``data:``) is dropped."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def _texts(values: Any) -> list[str | None]:
    """A column of mostly distinct strings, as is (None where missing)."""
    texts: list[str | None] = values.astype(object).where(values.notna(), None).tolist()
    return texts


def _trigger_position(sentence: Any, trigger: Any) -> tuple[int, int]:
    """Where the trigger is in the sentence, for highlighting: (start, length) or (-1, 0)."""
    if not isinstance(sentence, str) or not isinstance(trigger, str) or not trigger:
        return -1, 0
    start = sentence.find(trigger)
    if start < 0:
        start = sentence.casefold().find(trigger.casefold())
        if len(sentence.casefold()) != len(sentence):
            start = -1  # case folding changed offsets; do not guess
    return (start, len(trigger)) if start >= 0 else (-1, 0)


def _places(places: Any | None, events: Any, table: StringTable) -> tuple[dict[str, Any], Any]:
    """Place markers (sized by mentions) and the areas layer (regions, borders)."""
    import pandas as pd
    import shapely

    if places is None:
        places = _places_from_events(events)
    geoms = places.geometry.values
    if {"lat", "lon"}.issubset(places.columns):
        lat = pd.to_numeric(places["lat"], errors="coerce")
        lon = pd.to_numeric(places["lon"], errors="coerce")
    else:
        points = shapely.point_on_surface(geoms)
        lat, lon = pd.Series(shapely.get_y(points)), pd.Series(shapely.get_x(points))
    keep = (lat.between(-90, 90) & lon.between(-180, 180)).to_numpy()  # no NaN, inf
    places, geoms = places[keep], geoms[keep]
    name = _column(places, "name")
    display = _column(places, "display_name").fillna(name)
    mentions = _numbers(places, "mentions")
    payload = {
        "lat": _rounded(lat[keep]),
        "lon": _rounded(lon[keep]),
        "name": table.codes(display),
        "id": table.codes(_column(places, "place_id")),
        "code": table.codes(_column(places, "feature_code")),
        "mentions": [m or 0 for m in mentions],
        "events": [e or 0 for e in _numbers(places, "events")],
    }
    areas = []
    drawn = _drawn_areas(places, geoms, events.geometry.values)
    for i, geom in enumerate(geoms):
        if not drawn[i]:
            continue
        areas.append({
            "type": "Feature",
            "geometry": _simplified(geom),
            "properties": {"place": i, "line": "LineString" in geom.geom_type},
        })
    return payload, {"type": "FeatureCollection", "features": areas}


def _drawn_areas(places: Any, geoms: Any, event_points: Any) -> list[bool]:
    """Which place shapes the areas layer draws: a region or country only where an event
    is located at it or inside it, or where a text names it as a place (a demonym such as
    "Russian" alone does not); a border line where an event is or a text names it."""
    import shapely

    events = _numbers(places, "events")
    named = (_numbers(places, "named_mentions") if "named_mentions" in places.columns
             else [None] * len(places))
    mentions = _numbers(places, "mentions")
    tree = shapely.STRtree(event_points[~shapely.is_missing(event_points)])
    drawn = []
    for i, geom in enumerate(geoms):
        if geom is None or geom.is_empty or geom.geom_type in ("Point", "MultiPoint"):
            drawn.append(False)
            continue
        named_here = (named[i] or 0) > 0 if named[i] is not None else (
            "LineString" in geom.geom_type and (mentions[i] or 0) > 0)
        drawn.append((events[i] or 0) > 0 or named_here or (
            "Polygon" in geom.geom_type and len(tree.query(geom, predicate="contains")) > 0))
    return drawn


def _places_from_events(events: Any) -> Any:
    """Places for an events table that came without its places layer: one per location."""
    import geopandas as gpd

    key = _column(events, "location_id").fillna(_column(events, "location_name"))
    frame = gpd.GeoDataFrame({
        "place_id": key, "name": _column(events, "location_name"),
        "feature_code": _column(events, "feature_code"),
    }, geometry=events.geometry.values, crs=events.crs)
    frame = frame[key.notna().to_numpy()]
    counts = frame.groupby("place_id").size()
    first = frame.drop_duplicates("place_id").set_index("place_id")
    first["mentions"] = first["events"] = counts
    return first.reset_index()


def _simplified(geom: Any) -> dict[str, Any]:
    """A shape small enough to embed: simplified to ~1/300 of its extent, 5 decimals."""
    import shapely

    minx, miny, maxx, maxy = geom.bounds
    tolerance = min(max(max(maxx - minx, maxy - miny) / 300, 0.0002), 0.02)
    small = shapely.set_precision(geom.simplify(tolerance, preserve_topology=True), 1e-5)
    mapping: dict[str, Any] = shapely.geometry.mapping(small)
    return mapping


@cache
def basemap_countries() -> dict[str, Any]:
    """Natural Earth country polygons, simplified, as a GeoJSON FeatureCollection."""
    import shapely

    from geoevents.gazetteer.sources import natural_earth_countries

    frame = natural_earth_countries()
    simple = shapely.set_precision(
        shapely.simplify(frame.geometry.values, BASEMAP_TOLERANCE, preserve_topology=True),
        0.001)
    features = [{"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(g)}
                for g in simple if g is not None and not g.is_empty]
    return {"type": "FeatureCollection", "features": features}
