"""GeoDataFrames and GIS files from parsed documents and events.

Two layers: **events** (one point per event, flat scalar properties, ``event_id``, ISO 8601
dates as strings) and **places** (every resolved place with its own geometry — point,
border line or region polygon — and how often it was mentioned). ``write()`` picks the
format from the file extension:

=========== ============================================================================
``.geojson`` RFC 7946 (WGS84 lon/lat, no ``crs``, CCW outer rings, 6 decimals, string
             ``id`` = ``event_id``); places in ``<stem>.places.geojson``
``.gpkg``    GeoPackage with the layers ``events`` and ``places``
``.parquet`` GeoParquet; places in ``<stem>.places.parquet``
``.fgb``     FlatGeobuf; places in ``<stem>.places.fgb``
``.csv``     ``lon``/``lat`` columns; places in ``<stem>.places.csv`` (plus WKT geometry)
=========== ============================================================================

Events without a location are kept, with an empty geometry.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError
from geoevents.geojson import DECIMALS, feature_collection, geometry_dict, point
from geoevents.model import Document, Event, Place

if TYPE_CHECKING:
    import geopandas as gpd

EXTENSIONS = (".geojson", ".gpkg", ".parquet", ".fgb", ".csv")
CRS = "EPSG:4326"
LIST_SEPARATOR = "; "

# Column name -> pandas dtype of the events layer, in output order (geometry last);
# strings are plain ``object`` columns (str or None).
EVENT_COLUMNS: dict[str, str] = {
    "event_id": "object", "doc_id": "object", "event_type": "object",
    "sub_event_type": "object", "date": "object", "date_precision": "object",
    "date_text": "object", "actor1": "object", "actor2": "object", "fatalities": "Int64",
    "quantities": "object", "instruments": "object", "trigger": "object", "trigger_start": "Int64",
    "trigger_end": "Int64", "sentence": "object", "location_id": "object",
    "location_name": "object", "location_text": "object", "location_role": "object",
    "location_start": "Int64", "location_end": "Int64", "geo_precision": "Int64",
    "feature_code": "object", "country_code": "object", "admin1": "object",
    "geonameid": "Int64", "confidence": "float64", "reason": "object", "sources": "object",
}
PLACE_COLUMNS: dict[str, str] = {
    "place_id": "object", "name": "object", "display_name": "object",
    "feature_class": "object", "feature_code": "object", "country_code": "object",
    "admin1": "object", "population": "Int64", "geonameid": "Int64", "source": "object",
    "mentions": "Int64", "events": "Int64", "documents": "Int64", "mention_texts": "object",
    "lon": "float64", "lat": "float64",
}


def to_geodataframe(items: Document | Event | Iterable[Document | Event]) -> gpd.GeoDataFrame:
    """The events of documents (or bare events) as a GeoDataFrame of points in WGS84."""
    return _collect(items).events_frame()


def places_geodataframe(items: Document | Event | Iterable[Document | Event]) -> gpd.GeoDataFrame:
    """Every resolved place (toponyms and event locations) with its own geometry and counts."""
    return _collect(items).places_frame()


def to_geodataframes(
    items: Document | Event | Iterable[Document | Event],
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """``(events, places)`` in one pass over the input."""
    collected = _collect(items)
    return collected.events_frame(), collected.places_frame()


def write(items: Document | Event | Iterable[Document | Event], path: str | Path) -> list[Path]:
    """Write events and places to ``path`` (format from the extension); return the files."""
    check_output_path(path)
    return write_frames(*to_geodataframes(items), path)


def write_frames(events: gpd.GeoDataFrame, places: gpd.GeoDataFrame,
                 path: str | Path) -> list[Path]:
    """Write ready-made event and place tables (as :func:`to_geodataframes` returns them)
    to ``path``, the format from the extension; return the files written."""
    from pyogrio.errors import DataLayerError, DataSourceError

    target, ext = check_output_path(path)
    try:
        return _WRITERS[ext](events, places, target)
    except OSError as exc:
        raise InputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    except (DataSourceError, DataLayerError) as exc:
        raise InputError(f"cannot write {target}: {exc}") from exc


def places_path(path: str | Path) -> Path:
    """The sibling file of the places layer: ``ev.geojson`` -> ``ev.places.geojson``."""
    p = Path(path)
    return p.with_name(f"{p.stem}.places{p.suffix}")


def check_output_path(path: str | Path) -> tuple[Path, str]:
    """The path and its (lower-case) extension, or InputError when it cannot be written."""
    target = Path(path)
    ext = target.suffix.lower()
    if ext not in EXTENSIONS:
        raise InputError(f"cannot write {str(target)!r}: unknown extension {ext or '(none)'!r}; "
                         f"use one of {', '.join(EXTENSIONS)}")
    parent = target.parent
    if not parent.is_dir():
        raise InputError(f"cannot write {target}: directory {parent} does not exist")
    if target.is_dir():
        raise InputError(f"cannot write {target}: it is a directory")
    if not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise InputError(f"cannot write {target}: permission denied")
    return target, ext


def read(path: str | Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame | None]:
    """Read an events file written by :func:`write` and its places layer when present."""
    import geopandas as gpd
    import pyogrio
    from pyarrow import ArrowException
    from pyogrio.errors import DataLayerError, DataSourceError

    source = Path(path)
    ext = source.suffix.lower()
    if ext not in EXTENSIONS:
        raise InputError(f"cannot read {str(source)!r}: unknown extension {ext or '(none)'!r}; "
                         f"use one of {', '.join(EXTENSIONS)}")
    if not source.is_file():
        raise InputError(f"cannot read {source}: no such file")
    try:
        if ext == ".gpkg":
            layers = {name for name, _ in pyogrio.list_layers(source)}
            events = _read_one(source, layer="events" if "events" in layers else None)
            places = _read_one(source, layer="places") if "places" in layers else None
        else:
            sibling = places_path(source)
            events = _read_one(source)
            places = _read_one(sibling) if sibling.is_file() else None
    except (OSError, ValueError, DataSourceError, DataLayerError, ArrowException) as exc:
        raise InputError(f"cannot read {source}: {exc}") from exc
    if not isinstance(events, gpd.GeoDataFrame) or "event_type" not in events.columns:
        raise InputError(f"{source} has no 'event_type' column or no geometry; expected an "
                         "events file written by geoevents")
    return events, places


# --- collecting rows -------------------------------------------------------------------

@dataclass
class _PlaceCount:
    place: Place
    mentions: int = 0
    events: int = 0
    documents: set[str] = field(default_factory=set)
    texts: dict[str, None] = field(default_factory=dict)  # ordered set


@dataclass
class _Collected:
    """Events (with the doc id they belong to) and per-place counts."""

    events: list[tuple[Event, str | None]] = field(default_factory=list)
    places: dict[str, _PlaceCount] = field(default_factory=dict)

    def count(self, place: Place, text: str | None, doc_id: str | None, *,
              mention: bool, event: bool) -> None:
        entry = self.places.setdefault(place.id, _PlaceCount(place))
        entry.mentions += mention
        entry.events += event
        if doc_id:
            entry.documents.add(doc_id)
        if text:
            entry.texts[text] = None

    def events_frame(self) -> gpd.GeoDataFrame:
        events = [e for e, _ in self.events]
        return _frame(_event_columns(self.events), _points([e.location for e in events]),
                      EVENT_COLUMNS)

    def places_frame(self) -> gpd.GeoDataFrame:
        rows = [_place_row(c) for c in self.places.values()]
        columns = {name: [row[name] for row in rows] for name in PLACE_COLUMNS}
        geoms = _points([c.place for c in self.places.values()])
        for i, count in enumerate(self.places.values()):
            if count.place.geometry_wkb is not None:
                geoms[i] = count.place.geometry
        return _frame(columns, geoms, PLACE_COLUMNS)


def _collect(items: Document | Event | Iterable[Document | Event]) -> _Collected:
    if isinstance(items, (Document, Event)):
        items = [items]
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InputError(f"expected Documents or Events, got {type(items).__name__}")
    out = _Collected()
    for item in items:
        if isinstance(item, Document):
            for t in item.toponyms:
                if t.place is not None:
                    out.count(t.place, t.text, item.doc_id, mention=True, event=False)
            for e in item.events:
                doc_id = e.doc_id or item.doc_id
                out.events.append((e, doc_id))
                if e.location is not None:
                    out.count(e.location, None, doc_id, mention=False, event=True)
        elif isinstance(item, Event):
            out.events.append((item, item.doc_id))
            if item.location is not None:
                # a bare event stands for its own location mention
                out.count(item.location, item.location_text, item.doc_id, mention=True,
                          event=True)
        else:
            raise InputError(f"expected Documents or Events, got {type(item).__name__}")
    return out


# event column -> Event attribute, and event column -> attribute of the event's location
_EVENT_ATTRS = {
    "event_id": "id", "event_type": "event_type", "sub_event_type": "sub_event_type",
    "date": "date", "date_precision": "date_precision", "date_text": "date_text",
    "actor1": "actor1", "actor2": "actor2", "fatalities": "fatalities", "trigger": "trigger",
    "trigger_start": "trigger_start", "trigger_end": "trigger_end", "sentence": "sentence",
    "location_text": "location_text", "location_role": "location_role",
    "location_start": "location_start", "location_end": "location_end",
    "geo_precision": "geo_precision", "confidence": "confidence", "reason": "reason",
}
_LOCATION_ATTRS = {
    "location_id": "id", "location_name": "name", "feature_code": "feature_code",
    "country_code": "country_code", "admin1": "admin1", "geonameid": "geonameid",
}


def _event_columns(pairs: list[tuple[Event, str | None]]) -> dict[str, list[Any]]:
    """The events table column by column (much faster than row dicts for large inputs)."""
    events = [e for e, _ in pairs]
    locations = [e.location for e in events]
    columns: dict[str, list[Any]] = {"doc_id": [doc_id for _, doc_id in pairs]}
    for column, attr in _EVENT_ATTRS.items():
        columns[column] = [getattr(e, attr) for e in events]
    for column, attr in _LOCATION_ATTRS.items():
        columns[column] = [None if p is None else getattr(p, attr) for p in locations]
    columns["quantities"] = [_joined(e.quantities) for e in events]
    columns["instruments"] = [_joined(e.instruments) for e in events]
    columns["sources"] = [_joined(e.sources) for e in events]
    return columns


def _place_row(c: _PlaceCount) -> dict[str, Any]:
    p = c.place
    return {
        "place_id": p.id, "name": p.name, "display_name": p.display_name,
        "feature_class": p.feature_class, "feature_code": p.feature_code,
        "country_code": p.country_code, "admin1": p.admin1, "population": p.population,
        "geonameid": p.geonameid, "source": p.source, "mentions": c.mentions,
        "events": c.events, "documents": len(c.documents),
        "mention_texts": _joined(list(c.texts)), "lon": round(p.lon, DECIMALS),
        "lat": round(p.lat, DECIMALS),
    }


def _joined(values: list[str]) -> str | None:
    return LIST_SEPARATOR.join(values) if values else None


def _points(places: list[Place | None]) -> Any:
    """An array of shapely Points at the places (None where there is no place)."""
    import numpy as np
    import shapely

    coords = np.array([(p.lon, p.lat) if p is not None else (np.nan, np.nan) for p in places],
                      dtype=float).reshape(-1, 2)
    missing = np.isnan(coords[:, 0])
    coords[missing] = 0.0
    geoms = shapely.points(coords)
    geoms[missing] = None
    return geoms


def _frame(columns: dict[str, list[Any]], geoms: Any, dtypes: dict[str, str]) -> Any:
    import geopandas as gpd
    import pandas as pd

    data = pd.DataFrame({name: pd.Series(columns[name], dtype=dtype)
                         for name, dtype in dtypes.items()})
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=CRS), crs=CRS)


# --- writers ---------------------------------------------------------------------------

def _write_geojson(events: Any, places: Any, path: Path) -> list[Path]:
    sibling = places_path(path)
    _dump_geojson(events, path, id_column="event_id")
    _dump_geojson(places, sibling, id_column="place_id")
    return [path, sibling]


def _dump_geojson(frame: Any, path: Path, *, id_column: str) -> None:
    """Write an RFC 7946 FeatureCollection, one feature per line."""
    features = geojson_features(frame, id_column=id_column)
    header = json.dumps(feature_collection([]))[:-2]  # '{"type": ..., "features": ['
    with path.open("w", encoding="utf-8") as fh:
        fh.write(header + "\n")
        fh.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":"))
                            for f in features))
        fh.write("\n]}\n")


def geojson_features(frame: Any, *, id_column: str,
                     properties: dict[str, Any] | None = None,
                     shape: Callable[[Any], Any] | None = None) -> list[dict[str, Any]]:
    """RFC 7946 Feature dicts for a GeoDataFrame: string ids from ``id_column``, JSON-safe
    scalar properties (``properties`` first, when given), and each non-point geometry
    passed through ``shape`` (e.g. a simplification) when given."""
    columns = [c for c in frame.columns if c != frame.geometry.name]
    records = frame[columns].astype(object).to_dict("records")
    features = []
    for record, geom in zip(records, frame.geometry.values, strict=True):
        props = {**(properties or {}), **{k: _json_scalar(v) for k, v in record.items()}}
        fid = props.get(id_column)
        if shape is not None and geom is not None and geom.geom_type != "Point":
            geom = shape(geom)
        features.append({
            "type": "Feature",
            "id": None if fid is None else str(fid),
            "geometry": _geometry(geom),
            "properties": props,
        })
    return features


def _json_scalar(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def _geometry(geom: Any) -> dict[str, Any] | None:
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type == "Point":
        return point(geom.y, geom.x)
    return geometry_dict(geom)


def _write_gpkg(events: Any, places: Any, path: Path) -> list[Path]:
    import pyogrio

    path.unlink(missing_ok=True)
    pyogrio.write_dataframe(events, path, layer="events", driver="GPKG")
    pyogrio.write_dataframe(places, path, layer="places", driver="GPKG", append=False)
    return [path]


def _write_parquet(events: Any, places: Any, path: Path) -> list[Path]:
    sibling = places_path(path)
    events.to_parquet(path, index=False)
    places.to_parquet(sibling, index=False)
    return [path, sibling]


def _write_fgb(events: Any, places: Any, path: Path) -> list[Path]:
    import pyogrio

    sibling = places_path(path)
    for frame, target in ((events, path), (places, sibling)):
        target.unlink(missing_ok=True)
        # no spatial index: it would drop events that have no location
        pyogrio.write_dataframe(frame, target, driver="FlatGeobuf", SPATIAL_INDEX="NO")
    return [path, sibling]


def _write_csv(events: Any, places: Any, path: Path) -> list[Path]:
    import shapely

    sibling = places_path(path)
    geoms = events.geometry.values
    table = events.drop(columns=events.geometry.name)
    table["lon"] = [None if g is None else round(g.x, DECIMALS) for g in geoms]
    table["lat"] = [None if g is None else round(g.y, DECIMALS) for g in geoms]
    table.to_csv(path, index=False)
    place_table = places.drop(columns=places.geometry.name)
    place_table["wkt"] = shapely.to_wkt(places.geometry.values, rounding_precision=DECIMALS)
    place_table.to_csv(sibling, index=False)
    return [path, sibling]


_WRITERS = {
    ".geojson": _write_geojson, ".gpkg": _write_gpkg, ".parquet": _write_parquet,
    ".fgb": _write_fgb, ".csv": _write_csv,
}


# --- readers ---------------------------------------------------------------------------

def _read_one(path: Path, layer: str | None = None) -> Any:
    import geopandas as gpd
    import pandas as pd
    import pyogrio

    ext = path.suffix.lower()
    if ext == ".geojson":
        # our own format: read as JSON so ISO dates and ids stay exactly as written
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("type") != "FeatureCollection":
            raise ValueError("not a GeoJSON FeatureCollection")
        frame = gpd.GeoDataFrame.from_features(data["features"], crs=CRS)
        return frame
    if ext == ".parquet":
        return gpd.read_parquet(path)
    if ext == ".csv":
        table = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        for column, dtype in {**EVENT_COLUMNS, **PLACE_COLUMNS}.items():
            if column in table.columns and dtype != "object":
                table[column] = pd.to_numeric(table[column]).astype(dtype)
        if "wkt" in table.columns:
            geoms = gpd.GeoSeries.from_wkt(table.pop("wkt"), crs=CRS)
        else:
            lon = pd.to_numeric(table.get("lon"), errors="coerce")
            lat = pd.to_numeric(table.get("lat"), errors="coerce")
            geoms = gpd.GeoSeries(gpd.points_from_xy(lon, lat), crs=CRS)
            geoms[lon.isna() | lat.isna()] = None
        return gpd.GeoDataFrame(table, geometry=geoms, crs=CRS)
    return pyogrio.read_dataframe(path, layer=layer)
