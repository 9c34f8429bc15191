"""Exports: RFC 7946 GeoJSON and round-trips of every format through pyogrio."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyogrio
import pytest
import shapely

from geoevents.errors import InputError
from geoevents.export import (
    EXTENSIONS,
    places_geodataframe,
    places_path,
    read,
    to_geodataframe,
    to_geodataframes,
    write,
)
from geoevents.model import Document, Event, Toponym

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def places(gaz):
    found = {
        "jenin": gaz.search("Jenin")[0],
        "border": gaz.get("ne:border:EG-IL"),
        "gaza": gaz.get("local:gaza-strip"),
        "egypt": gaz.search("Egypt")[0],
    }
    assert found["border"].geometry.geom_type == "LineString"
    assert found["egypt"].geometry.geom_type == "MultiPolygon"
    assert found["gaza"].geometry.geom_type in ("Polygon", "MultiPolygon")
    assert found["jenin"].geometry_wkb is None
    return found


@pytest.fixture(scope="module")
def documents(places):
    text = ("Troops withdrew from Jenin. A clash erupted near the border with Egypt. "
            f"Two sites were targeted in the Gaza Strip {HOSTILE}.")
    events = [
        Event(id="ev-1", event_type="Strategic developments",
              sub_event_type="Change to group/activity", trigger="withdrew", trigger_start=7,
              trigger_end=14, sentence="Troops withdrew from Jenin.", actor1="IDF",
              date="2024-07-05", date_precision="day", location=places["jenin"],
              location_text="Jenin", location_start=21, location_end=26, location_role="site",
              geo_precision=1, confidence=0.9, reason="trigger 'withdrew'"),
        Event(id="ev-2", event_type="Battles", sub_event_type="Armed clash", trigger="clash",
              trigger_start=30, trigger_end=35, sentence="A clash erupted near the border "
              "with Egypt.", actor1="Israeli military", date="2024-07",
              date_precision="month", location=places["border"],
              location_text="the border with Egypt", location_role="near", geo_precision=2,
              quantities=["two", "dozens"], fatalities=3, sources=["wire"]),
        Event(id="ev-3", event_type="Explosions/Remote violence",
              sub_event_type="Air or drone strike", trigger="targeted", trigger_start=85,
              trigger_end=93, sentence=f"Two sites were targeted in the Gaza Strip {HOSTILE}.",
              actor1=HOSTILE, location=places["gaza"], location_text="the Gaza Strip",
              geo_precision=3, fatalities=0),
        Event(id="ev-4", event_type="Diplomacy", sub_event_type="Call", trigger="call",
              trigger_start=0, trigger_end=4, sentence="A call took place."),
    ]
    toponyms = [Toponym(21, 26, "Jenin", places["jenin"]),
                Toponym(67, 72, "Egypt", places["egypt"]),
                Toponym(112, 122, "Gaza Strip", places["gaza"]),
                Toponym(130, 135, "Gaza", places["gaza"])]
    return [Document(text=text, doc_id="doc-1", published="2024-07-10", toponyms=toponyms,
                     events=events)]


def test_events_geodataframe(documents):
    gdf = to_geodataframe(documents)
    assert gdf.crs.to_epsg() == 4326
    assert list(gdf["event_id"]) == ["ev-1", "ev-2", "ev-3", "ev-4"]
    assert set(gdf["doc_id"]) == {"doc-1"}  # inherited from the document
    assert gdf["date"].tolist()[:2] == ["2024-07-05", "2024-07"]
    assert all(isinstance(d, str) for d in gdf["date"][:2]) and gdf["date"][2] is None
    assert gdf.loc[1, "quantities"] == "two; dozens"
    assert gdf.loc[1, "fatalities"] == 3
    # events are points at their place; an unlocated event keeps a null geometry
    assert gdf.geometry.iloc[0].equals(shapely.Point(35.30086, 32.45943))
    assert gdf.geometry.iloc[3] is None
    assert list(gdf.geom_type[:3]) == ["Point"] * 3
    # flat scalar properties only
    for column in gdf.columns.drop("geometry"):
        assert not any(isinstance(v, (list, dict, tuple)) for v in gdf[column])


def test_places_geodataframe_keeps_shapes_and_counts(documents, places):
    gdf = places_geodataframe(documents).set_index("place_id")
    assert gdf.loc[places["gaza"].id, "mentions"] == 2
    assert gdf.loc[places["gaza"].id, "events"] == 1
    assert gdf.loc[places["gaza"].id, "mention_texts"] == "Gaza Strip; Gaza"
    assert gdf.loc[places["border"].id, "mentions"] == 0  # only an event's location
    assert gdf.loc[places["border"].id, "events"] == 1
    types = gdf.geom_type.to_dict()
    assert types[places["jenin"].id] == "Point"
    assert types[places["border"].id] == "LineString"
    assert types[places["egypt"].id] == "MultiPolygon"


def test_bare_events_count_their_location_as_a_mention(documents, places):
    gdf = places_geodataframe(documents[0].events).set_index("place_id")
    assert gdf.loc[places["border"].id, ["mentions", "events"]].tolist() == [1, 1]


def _numbers(coords):
    if isinstance(coords, (int, float)):
        yield coords
    else:
        for c in coords:
            yield from _numbers(c)


def _rings(geometry):
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        yield from geometry["coordinates"]


def test_geojson_is_rfc7946(documents, places, tmp_path):
    path = tmp_path / "events.geojson"
    written = write(documents, path)
    assert written == [path, tmp_path / "events.places.geojson"]
    data = json.loads(path.read_text(encoding="utf-8"))
    places_data = json.loads(written[1].read_text(encoding="utf-8"))
    for collection in (data, places_data):
        assert collection["type"] == "FeatureCollection"
        assert "crs" not in collection
        for feature in collection["features"]:
            assert isinstance(feature["id"], str)
            assert all(not isinstance(v, (list, dict)) for v in feature["properties"].values())
            if feature["geometry"] is None:
                continue
            for x in _numbers(feature["geometry"]["coordinates"]):
                assert round(x, 6) == x
            for polygon in _rings(feature["geometry"]):
                exterior, *holes = polygon
                assert exterior[0] == exterior[-1]
                assert shapely.LinearRing(exterior).is_ccw
                assert all(not shapely.LinearRing(h).is_ccw for h in holes)

    features = {f["id"]: f for f in data["features"]}
    assert [f["properties"]["event_id"] for f in data["features"]] == list(features)
    jenin = features["ev-1"]["geometry"]["coordinates"]
    assert jenin == [round(places["jenin"].lon, 6), round(places["jenin"].lat, 6)]  # lon, lat
    assert features["ev-4"]["geometry"] is None
    assert features["ev-3"]["properties"]["actor1"] == HOSTILE
    assert features["ev-2"]["properties"]["date"] == "2024-07"

    by_id = {f["id"]: f for f in places_data["features"]}
    assert by_id[places["border"].id]["geometry"]["type"] == "LineString"
    assert by_id[places["egypt"].id]["geometry"]["type"] == "MultiPolygon"
    assert by_id[places["jenin"].id]["geometry"]["type"] == "Point"


def _read_back(path: Path, layer: str | None = None):
    """Read a written file with pyogrio (GeoParquet through geopandas if GDAL lacks it)."""
    if path.suffix == ".parquet" and "Parquet" not in pyogrio.list_drivers():
        import geopandas

        return geopandas.read_parquet(path)
    options = {"X_POSSIBLE_NAMES": "lon", "Y_POSSIBLE_NAMES": "lat"} \
        if path.suffix == ".csv" and layer != "places" else {}
    if path.suffix == ".csv" and layer == "places":
        options = {"GEOM_POSSIBLE_NAMES": "wkt", "KEEP_GEOM_COLUMNS": "NO"}
    return pyogrio.read_dataframe(path, layer=None if path.suffix != ".gpkg" else layer,
                                  **options)


def _same_geometries(left, right) -> bool:
    for a, b in zip(left, right, strict=True):
        if a is None or b is None or a.is_empty or b.is_empty:
            if not ((a is None or a.is_empty) and (b is None or b.is_empty)):
                return False
        elif not shapely.equals_exact(shapely.normalize(a), shapely.normalize(b), 1e-6):
            return False
    return True


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_round_trip(documents, tmp_path, ext):
    events, place_frame = to_geodataframes(documents)
    path = tmp_path / f"out{ext}"
    write(documents, path)
    sibling = path if ext == ".gpkg" else places_path(path)

    got = _read_back(path, "events")
    assert list(got["event_id"]) == list(events["event_id"])
    assert _same_geometries(list(got.geometry), list(events.geometry))
    assert list(got["sentence"]) == list(events["sentence"])
    assert list(got["event_type"]) == list(events["event_type"])
    fatalities = [None if pd.isna(v) or v == "" else int(v) for v in got["fatalities"]]
    assert fatalities == [None, 3, 0, None]

    got_places = _read_back(sibling, "places")
    assert list(got_places["place_id"]) == list(place_frame["place_id"])
    assert _same_geometries(list(got_places.geometry), list(place_frame.geometry))
    assert [int(m) for m in got_places["mentions"]] == list(place_frame["mentions"])


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_read_returns_events_and_places(documents, tmp_path, ext):
    path = tmp_path / f"out{ext}"
    write(documents, path)
    events, place_frame = read(path)
    assert list(events["event_id"]) == ["ev-1", "ev-2", "ev-3", "ev-4"]
    assert events.loc[1, "date"] == "2024-07"
    assert place_frame is not None and len(place_frame) == 4


def test_gpkg_has_two_layers(documents, tmp_path):
    path = tmp_path / "out.gpkg"
    write(documents, path)
    write(documents, path)  # overwriting works
    assert [name for name, _ in pyogrio.list_layers(path)] == ["events", "places"]
    assert pyogrio.read_info(path, layer="events")["crs"] == "EPSG:4326"


def test_write_rejects_bad_paths(documents, tmp_path):
    with pytest.raises(InputError, match=r"unknown extension '\.shp'"):
        write(documents, tmp_path / "out.shp")
    with pytest.raises(InputError, match="does not exist"):
        write(documents, tmp_path / "missing" / "out.geojson")
    (tmp_path / "dir.gpkg").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        write(documents, tmp_path / "dir.gpkg")


def test_bad_input(tmp_path):
    with pytest.raises(InputError, match="expected Documents or Events"):
        to_geodataframe("some text")
    with pytest.raises(InputError, match="expected Documents or Events, got int"):
        to_geodataframe([1])
    places_file = tmp_path / "p.places.geojson"
    places_file.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(InputError, match="no 'event_type' column"):
        read(places_file)
    broken = tmp_path / "broken.geojson"
    broken.write_text("{not json")
    with pytest.raises(InputError, match="cannot read"):
        read(broken)
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nothing.geojson")


def test_empty_input_writes_empty_layers(tmp_path):
    path = tmp_path / "empty.gpkg"
    write([], path)
    assert len(pyogrio.read_dataframe(path, layer="events")) == 0
