"""GeoDataFrames and GIS files from parsed documents and events.

Two tables: **events** (one point per event, flat scalar properties, ``event_id``, ISO 8601
dates as strings in the GeoDataFrame) and **places** (every resolved place — the toponyms
of the documents and the events' locations — with its own geometry: point, border line or
region polygon, and how often it was mentioned). Python's :func:`write` and ``geoevents
extract`` write the same places.

On disk the places are split by geometry type, so that every layer has one geometry type
(GDAL reports ``Point``, ``MultiLineString``, ``MultiPolygon`` instead of ``Unknown``):
``places_points``, ``places_lines`` (borders, promoted to MultiLineString) and
``places_polygons`` (regions and countries, promoted to MultiPolygon). All three are always
written, empty or not. ``write()`` picks the format from the file extension:

=========== ============================================================================
``.geojson`` RFC 7946 (WGS84 lon/lat, no ``crs``, CCW outer rings, 6 decimals, string
             ``id`` = ``event_id``, ISO 8601 date strings); places in
             ``<stem>.places_points.geojson``, ``…places_lines…``, ``…places_polygons…``
``.gpkg``    GeoPackage with the layers ``events``, ``places_points``, ``places_lines``,
             ``places_polygons``; ``date``/``published`` are GeoPackage Date fields
``.parquet`` GeoParquet (``date``/``published`` as Arrow ``date32``); places in
             ``<stem>.places_points.parquet`` etc.
``.fgb``     FlatGeobuf (``date``/``published`` as DateTime); places in
             ``<stem>.places_points.fgb`` etc.
``.csv``     ``lon``/``lat`` columns, ISO dates; places in ``<stem>.places_points.csv`` etc.
             with a ``wkt`` column; every CSV has a GDAL ``.csvt`` sidecar naming the
             column types (String, Integer, Real, Date, CoordX/CoordY, WKT)
=========== ============================================================================

The precision of ``date`` (the first day of the day, week, month or year it names) is in
``date_precision``. Events without a location are kept, with an empty geometry.

``schema="acled"`` (``geoevents extract --schema acled``) writes one table with ACLED's
columns instead (.csv, .gpkg, .parquet; see :mod:`geoevents.acled`).

Every write is all or nothing: each file goes to a temporary file beside its target, is
flushed to disk and checked, and only then are all of them renamed over the targets. A
failure (disk full, file-size limit, permission) raises :class:`InputError` and leaves the
previous files byte-identical.
"""

from __future__ import annotations

import json
import math
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError
from geoevents.geojson import DECIMALS, feature_collection, geometry_dict, point
from geoevents.model import Document, Event, Place

if TYPE_CHECKING:
    import geopandas as gpd

EXTENSIONS = (".geojson", ".gpkg", ".parquet", ".fgb", ".csv")
SCHEMAS = ("geoevents", "acled")
ACLED_EXTENSIONS = (".csv", ".gpkg", ".parquet")
CRS = "EPSG:4326"
LIST_SEPARATOR = "; "
DATE_COLUMNS = ("date", "published")
# places layer (GPKG) or file suffix -> its geometry type, in output order
PLACE_LAYERS = {"places_points": "Point", "places_lines": "MultiLineString",
                "places_polygons": "MultiPolygon"}
_LEGACY_PLACES = "places"  # one mixed layer, as written before the split

# Column name -> pandas dtype of the events layer, in output order (geometry last);
# strings are plain ``object`` columns (str or None).
EVENT_COLUMNS: dict[str, str] = {
    "event_id": "object", "doc_id": "object", "published": "object", "event_type": "object",
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
    "mentions": "Int64", "named_mentions": "Int64", "events": "Int64", "documents": "Int64",
    "mention_texts": "object",
    "lon": "float64", "lat": "float64", "centre_lon": "float64", "centre_lat": "float64",
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


def write(items: Document | Event | Iterable[Document | Event], path: str | Path, *,
          schema: str = "geoevents") -> list[Path]:
    """Write events and places to ``path`` (format from the extension); return the files.

    ``schema="acled"`` writes one ACLED-shaped table (.csv, .gpkg or .parquet) instead.
    """
    check_output_path(path, schema=schema)
    return write_frames(*to_geodataframes(items), path, schema=schema)


def write_frames(events: gpd.GeoDataFrame, places: gpd.GeoDataFrame, path: str | Path, *,
                 schema: str = "geoevents") -> list[Path]:
    """Write ready-made event and place tables (as :func:`to_geodataframes` returns them)
    to ``path``, the format from the extension, all or nothing; return the files written."""
    from pyarrow import ArrowException

    target, ext = check_output_path(path, schema=schema)
    if schema == "acled":
        from geoevents.acled import acled_frame

        jobs = _acled_jobs(acled_frame(events), target, ext)
    else:
        jobs = _JOBS[ext](events, split_places(places), target)
    try:
        with atomic_outputs([t for t, _ in jobs]) as temps:
            for tmp, (_, job) in zip(temps, jobs, strict=True):
                job(tmp)
    except (OSError, RuntimeError, ArrowException) as exc:
        raise InputError(f"cannot write {target}: {_failure(exc)}; no output file was "
                         "changed") from exc
    return [t for t, _ in jobs]


def _failure(exc: BaseException) -> str:
    """Why a write failed, in a few words (GDAL's and Arrow's messages can quote SQL)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    detail = " ".join(str(exc).split()).rstrip(".")
    if isinstance(exc, OSError):
        return detail
    for known in ("File too large", "No space left on device", "Permission denied",
                  "Read-only file system", "Disk quota exceeded"):
        if known.casefold() in detail.casefold():
            return known
    return ("the GIS library stopped writing (is the disk full or a file-size limit "
            f"reached?): {detail.split(':')[0][:120]}")


def places_path(path: str | Path, layer: str = "places_points") -> Path:
    """The sibling file of a places layer: ``ev.geojson`` -> ``ev.places_points.geojson``."""
    p = Path(path)
    return p.with_name(f"{p.stem}.{layer}{p.suffix}")


def places_paths(path: str | Path) -> list[Path]:
    """The sibling files of the three places layers of a single-layer format."""
    return [places_path(path, layer) for layer in PLACE_LAYERS]


def check_output_path(path: str | Path, *, schema: str = "geoevents") -> tuple[Path, str]:
    """The path and its (lower-case) extension, or InputError when it cannot be written."""
    if not isinstance(path, (str, os.PathLike)):
        raise InputError(f"the output path must be a string or a path, got "
                         f"{type(path).__name__}")
    target = Path(path)
    ext = target.suffix.lower()
    if ext not in EXTENSIONS:
        raise InputError(f"cannot write {str(target)!r}: unknown extension {ext or '(none)'!r}; "
                         f"use one of {', '.join(EXTENSIONS)}")
    if schema not in SCHEMAS:
        raise InputError(f"unknown schema {schema!r}; use one of {', '.join(SCHEMAS)}")
    if schema == "acled" and ext not in ACLED_EXTENSIONS:
        raise InputError(f"cannot write {target} with --schema acled: use one of "
                         f"{', '.join(ACLED_EXTENSIONS)}")
    parent = target.parent
    if not parent.is_dir():
        raise InputError(f"cannot write {target}: directory {parent} does not exist")
    if target.is_dir():
        raise InputError(f"cannot write {target}: it is a directory")
    if not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise InputError(f"cannot write {target}: permission denied")
    return target, ext


def split_places(places: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    """The places table as one table per geometry type (:data:`PLACE_LAYERS`); lines and
    polygons promoted to their multi-part types, places without a geometry left out."""
    import numpy as np
    import shapely

    geoms = places.geometry.values
    dims = shapely.get_dimensions(geoms)  # -1 for missing and empty geometries
    dims = np.where(shapely.is_empty(geoms), -1, dims)
    out = {}
    for layer, dim in zip(PLACE_LAYERS, (0, 1, 2), strict=True):
        part = places[dims == dim].reset_index(drop=True)
        if dim == 1:
            part = part.set_geometry(_multi(part.geometry.values, shapely.multilinestrings))
        elif dim == 2:
            part = part.set_geometry(_multi(part.geometry.values, shapely.multipolygons))
        out[layer] = part.rename_geometry("geometry") if part.geometry.name != "geometry" \
            else part
    return out


def _multi(geoms: Any, build: Callable[[Any], Any]) -> Any:
    import geopandas as gpd
    import shapely

    multi = [g if g.geom_type.startswith("Multi") else build(shapely.get_parts(g))
             for g in geoms]
    return gpd.GeoSeries(multi, crs=CRS)


def read(path: str | Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame | None]:
    """Read an events file written by :func:`write` and its places (all layers in one
    table) when present. Dates come back as ISO 8601 strings. An ACLED-shaped table
    (``schema="acled"``, or ACLED's own export) comes back in the events columns (see
    :func:`geoevents.acled.events_from_acled`), without places."""
    import geopandas as gpd
    import pandas as pd
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
            parts = [_read_one(source, layer=name) for name in (*PLACE_LAYERS, _LEGACY_PLACES)
                     if name in layers]
        else:
            events = _read_one(source)
            siblings = [p for p in places_paths(source) if p.is_file()] or [
                p for p in [places_path(source, _LEGACY_PLACES)] if p.is_file()]
            parts = [_read_one(p) for p in siblings]
    except (OSError, ValueError, DataSourceError, DataLayerError, ArrowException) as exc:
        raise InputError(f"cannot read {source}: {exc}") from exc
    if not isinstance(events, gpd.GeoDataFrame) or "event_type" not in events.columns:
        raise InputError(f"{source} has no 'event_type' column or no geometry; expected an "
                         "events file written by geoevents")
    if "event_id_cnty" in events.columns:  # an ACLED-shaped table (ours or ACLED's own)
        from geoevents.acled import events_from_acled

        return events_from_acled(events), None
    places = None
    if parts:
        parts = [p.rename_geometry("geometry") if p.geometry.name != "geometry" else p
                 for p in parts]
        places = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry",
                                  crs=CRS)
    return _iso_dates(events), places


# --- collecting rows -------------------------------------------------------------------

@dataclass
class _PlaceCount:
    place: Place
    mentions: int = 0
    named: int = 0  # mentions by the place's name (not a demonym such as "Russian")
    events: int = 0
    documents: set[str] = field(default_factory=set)
    texts: dict[str, None] = field(default_factory=dict)  # ordered set


@dataclass
class _Collected:
    """Events (with the doc id they belong to) and per-place counts."""

    events: list[tuple[Event, str | None, str | None]] = field(default_factory=list)
    places: dict[str, _PlaceCount] = field(default_factory=dict)

    def count(self, place: Place, text: str | None, doc_id: str | None, *,
              mention: bool, event: bool, named: bool = False) -> None:
        entry = self.places.setdefault(place.id, _PlaceCount(place))
        entry.mentions += mention
        entry.named += named
        entry.events += event
        if doc_id:
            entry.documents.add(doc_id)
        if text:
            entry.texts[text] = None

    def events_frame(self) -> gpd.GeoDataFrame:
        events = [e for e, _, _ in self.events]
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
                    out.count(t.place, t.text, item.doc_id, mention=True, event=False,
                              named=getattr(t, "kind", "name") != "demonym")
            for e in item.events:
                doc_id = e.doc_id or item.doc_id
                out.events.append((e, doc_id, item.published))
                if e.location is not None:
                    out.count(e.location, None, doc_id, mention=False, event=True)
        elif isinstance(item, Event):
            out.events.append((item, item.doc_id, None))
            if item.location is not None:
                # a bare event stands for its own location mention
                out.count(item.location, item.location_text, item.doc_id, mention=True,
                          event=True, named=True)
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


def _event_columns(rows: list[tuple[Event, str | None, str | None]]) -> dict[str, list[Any]]:
    """The events table column by column (much faster than row dicts for large inputs)."""
    events = [e for e, _, _ in rows]
    locations = [e.location for e in events]
    columns: dict[str, list[Any]] = {"doc_id": [doc_id for _, doc_id, _ in rows],
                                     "published": [published for _, _, published in rows]}
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
        "named_mentions": c.named, "events": c.events, "documents": len(c.documents),
        "mention_texts": _joined(list(c.texts)), "lon": round(p.lon, DECIMALS),
        "lat": round(p.lat, DECIMALS),
        "centre_lon": round(p.centre[1], DECIMALS) if p.centre else None,
        "centre_lat": round(p.centre[0], DECIMALS) if p.centre else None,
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
#
# Each format turns (events, places by layer, target) into jobs: (final path, a function
# that writes that file's content to the temporary path it is given).

_Job = tuple[Path, Callable[[Path], None]]


@contextmanager
def atomic_outputs(targets: list[Path]) -> Iterator[list[Path]]:
    """Temporary paths beside ``targets`` to write to; after the block they are flushed to
    disk and renamed over the targets together. On any error they are removed and no
    target is touched."""
    token = secrets.token_hex(4)
    temps = [t.with_name(f".{t.stem}.{token}.tmp{t.suffix}") for t in targets]
    try:
        yield temps
        for tmp in temps:
            _fsync(tmp)
    except BaseException:
        for tmp in temps:
            for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in _SQLITE_SIDECARS)):
                leftover.unlink(missing_ok=True)
        raise
    for tmp, target in zip(temps, targets, strict=True):
        os.replace(tmp, target)
    _fsync(targets[0].parent)


_SQLITE_SIDECARS = ("-journal", "-wal", "-shm")


def _fsync(path: Path) -> None:
    """Flush a file (or a folder's entries) to the disk; errors surface as OSError."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        if not path.is_dir():  # some file systems cannot sync a folder; files must sync
            raise
    finally:
        os.close(fd)


def _geojson_jobs(events: Any, places: dict[str, Any], path: Path) -> list[_Job]:
    jobs: list[_Job] = [(path, partial(_dump_geojson, events, id_column="event_id"))]
    for layer, frame in places.items():
        jobs.append((places_path(path, layer), partial(_dump_geojson, frame,
                                                       id_column="place_id")))
    return jobs


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
    if hasattr(value, "isoformat"):  # a date
        return value.isoformat()[:10]
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def _geometry(geom: Any) -> dict[str, Any] | None:
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type == "Point":
        return point(geom.y, geom.x)
    return geometry_dict(geom)


def _ogr(frame: Any, path: Path, *, driver: str, layer: str, geometry_type: str,
         **options: str) -> None:
    """Write one layer with GDAL (dates as Date fields) and check every row arrived."""
    import pyogrio

    pyogrio.write_dataframe(_typed_dates(frame), path, layer=layer, driver=driver,
                            geometry_type=geometry_type, use_arrow=True, **options)
    stored = pyogrio.read_info(path, layer=layer, force_feature_count=True)["features"]
    if stored != len(frame):
        raise OSError(f"incomplete write: {stored} of {len(frame)} rows in layer {layer}")


def _gpkg_jobs(events: Any, places: dict[str, Any], path: Path) -> list[_Job]:
    def write_all(tmp: Path) -> None:
        _ogr(events, tmp, driver="GPKG", layer="events", geometry_type="Point")
        for layer, frame in places.items():
            _ogr(frame, tmp, driver="GPKG", layer=layer, geometry_type=PLACE_LAYERS[layer])

    return [(path, write_all)]


def _fgb_jobs(events: Any, places: dict[str, Any], path: Path) -> list[_Job]:
    # no spatial index: it would drop events that have no location
    jobs: list[_Job] = [(path, partial(_fgb, events, "events", "Point"))]
    for layer, frame in places.items():
        jobs.append((places_path(path, layer), partial(_fgb, frame, layer,
                                                       PLACE_LAYERS[layer])))
    return jobs


def _fgb(frame: Any, layer: str, geometry_type: str, path: Path) -> None:
    _ogr(frame, path, driver="FlatGeobuf", layer=layer, geometry_type=geometry_type,
         SPATIAL_INDEX="NO")


def _parquet_jobs(events: Any, places: dict[str, Any], path: Path) -> list[_Job]:
    jobs: list[_Job] = [(path, partial(_parquet, events))]
    for layer, frame in places.items():
        jobs.append((places_path(path, layer), partial(_parquet, frame)))
    return jobs


def _parquet(frame: Any, path: Path) -> None:
    import pyarrow.parquet as pq

    _typed_dates(frame).to_parquet(path, index=False)
    stored = pq.read_metadata(path).num_rows
    if stored != len(frame):
        raise OSError(f"incomplete write: {stored} of {len(frame)} rows")


def _csv_jobs(events: Any, places: dict[str, Any], path: Path) -> list[_Job]:
    geoms = events.geometry.values
    table = events.drop(columns=events.geometry.name)
    table["lon"] = [None if g is None else round(g.x, DECIMALS) for g in geoms]
    table["lat"] = [None if g is None else round(g.y, DECIMALS) for g in geoms]
    jobs = _csv_pair(table, path, coordinates=True)
    for layer, frame in places.items():
        jobs += _csv_pair(_with_wkt(frame), places_path(path, layer), coordinates=False)
    return jobs


def _with_wkt(frame: Any) -> Any:
    import shapely

    table = frame.drop(columns=frame.geometry.name)
    table["wkt"] = shapely.to_wkt(frame.geometry.values, rounding_precision=DECIMALS)
    return table


def _csv_pair(table: Any, path: Path, *, coordinates: bool) -> list[_Job]:
    """The CSV and its ``.csvt`` sidecar (GDAL's column types, one per column)."""
    types = ",".join(f'"{_csv_type(table[c], c, coordinates)}"' for c in table.columns)
    return [(path, lambda tmp: table.to_csv(tmp, index=False)),
            (path.with_suffix(".csvt"), lambda tmp: tmp.write_text(types + "\n"))]


def _csv_type(column: Any, name: str, coordinates: bool) -> str:
    import pandas as pd

    if coordinates and name in ("lon", "longitude"):
        return "CoordX"
    if coordinates and name in ("lat", "latitude"):
        return "CoordY"
    if name == "wkt":
        return "WKT"
    if name in DATE_COLUMNS or name == "event_date":
        return "Date"
    if pd.api.types.is_bool_dtype(column):
        return "String"
    if pd.api.types.is_integer_dtype(column):
        return "Integer64"
    if pd.api.types.is_float_dtype(column):
        return "Real"
    return "String"


def _acled_jobs(table: Any, path: Path, ext: str) -> list[_Job]:
    if ext == ".csv":
        return _csv_pair(table.drop(columns=table.geometry.name), path, coordinates=True)
    if ext == ".gpkg":
        return [(path, partial(_ogr, table, driver="GPKG", layer="events",
                               geometry_type="Point"))]
    return [(path, partial(_parquet, table))]


def _typed_dates(frame: Any) -> Any:
    """A copy with the ISO date columns as ``datetime.date`` values (Date in GIS formats)."""
    import pandas as pd

    columns = [c for c in (*DATE_COLUMNS, "event_date") if c in frame.columns]
    if not columns:
        return frame
    out = frame.copy()
    for column in columns:
        values = pd.to_datetime(out[column].astype(object), errors="coerce", format="ISO8601")
        out[column] = pd.Series(values.dt.date, index=out.index, dtype=object).where(
            values.notna(), None)
    return out


def _iso_dates(frame: Any) -> Any:
    """Date columns read from a GIS file back as ISO 8601 strings, as the writer got them."""
    import pandas as pd

    for column in DATE_COLUMNS:
        if column in frame.columns and not pd.api.types.is_string_dtype(frame[column]):
            values = pd.to_datetime(frame[column], errors="coerce")
            frame[column] = pd.Series(values.dt.strftime("%Y-%m-%d"), index=frame.index,
                                      dtype=object).where(values.notna(), None)
    return frame


_JOBS: dict[str, Callable[[Any, dict[str, Any], Path], list[_Job]]] = {
    ".geojson": _geojson_jobs, ".gpkg": _gpkg_jobs, ".parquet": _parquet_jobs,
    ".fgb": _fgb_jobs, ".csv": _csv_jobs,
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
            try:
                data = json.load(fh)
            except RecursionError:  # json's decoder recurses once per level of nesting
                raise ValueError("JSON nested too deeply") from None
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise ValueError("not a GeoJSON FeatureCollection")
        if not data["features"]:
            return gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs=CRS), crs=CRS)
        return gpd.GeoDataFrame.from_features(data["features"], crs=CRS)
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
            x, y = ("lon", "lat") if "lon" in table.columns else ("longitude", "latitude")
            if x not in table.columns or y not in table.columns:
                raise ValueError("no 'wkt' column and no 'lon'/'lat' columns")
            lon = pd.to_numeric(table[x], errors="coerce")
            lat = pd.to_numeric(table[y], errors="coerce")
            geoms = gpd.GeoSeries(gpd.points_from_xy(lon, lat), crs=CRS)
            geoms[lon.isna() | lat.isna()] = None
        return gpd.GeoDataFrame(table, geometry=geoms, crs=CRS)
    if layer is None and not len(pyogrio.list_layers(path)):  # (pyogrio: an IndexError)
        raise ValueError("no layer in it (a truncated file?)")
    return pyogrio.read_dataframe(path, layer=layer)
