"""Exports: RFC 7946 GeoJSON and round-trips of every format through pyogrio."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pyogrio
import pytest
import shapely

from geoevents.errors import InputError
from geoevents.export import (
    EXTENSIONS,
    PLACE_LAYERS,
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
              "with Egypt.", actor1="Israeli military", date="2024-07-01",
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
    assert gdf["date"].tolist()[:2] == ["2024-07-05", "2024-07-01"]
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
    # a country's area centre is a column beside its point; a town has none
    egypt = places["egypt"]
    assert gdf.loc[egypt.id, ["centre_lat", "centre_lon"]].tolist() == pytest.approx(
        list(egypt.centre), abs=1e-6)
    assert pd.isna(gdf.loc[places["jenin"].id, "centre_lat"])


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
    assert written == [path, *(tmp_path / f"events.{layer}.geojson" for layer in PLACE_LAYERS)]
    data = json.loads(path.read_text(encoding="utf-8"))
    layers = [json.loads(p.read_text(encoding="utf-8")) for p in written[1:]]
    places_data = {"features": [f for layer in layers for f in layer["features"]]}
    for collection in (data, *layers):
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
    assert features["ev-2"]["properties"]["date"] == "2024-07-01"
    assert features["ev-2"]["properties"]["published"] == "2024-07-10"

    by_id = {f["id"]: f for f in places_data["features"]}
    assert by_id[places["border"].id]["geometry"]["type"] == "MultiLineString"
    assert by_id[places["egypt"].id]["geometry"]["type"] == "MultiPolygon"
    assert by_id[places["jenin"].id]["geometry"]["type"] == "Point"


def _read_back(path: Path, layer: str | None = None):
    """Read a written file with pyogrio (GeoParquet through geopandas if GDAL lacks it)."""
    if path.suffix == ".parquet" and "Parquet" not in pyogrio.list_drivers():
        import geopandas

        return geopandas.read_parquet(path)
    # the .csvt sidecar tells GDAL the column types, coordinates (CoordX/Y) and WKT
    return pyogrio.read_dataframe(path, layer=None if path.suffix != ".gpkg" else layer)


def _same_geometries(left, right) -> bool:
    for a, b in zip(left, right, strict=True):
        if a is None or b is None or a.is_empty or b.is_empty:
            if not ((a is None or a.is_empty) and (b is None or b.is_empty)):
                return False
        elif a.geom_type.removeprefix("Multi") != b.geom_type.removeprefix("Multi") or \
                shapely.hausdorff_distance(a, b) > 1e-5:
            return False
    return True


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_round_trip(documents, tmp_path, ext):
    events, place_frame = to_geodataframes(documents)
    path = tmp_path / f"out{ext}"
    write(documents, path)

    got = _read_back(path, "events")
    assert list(got["event_id"]) == list(events["event_id"])
    assert _same_geometries(list(got.geometry), list(events.geometry))
    assert list(got["sentence"]) == list(events["sentence"])
    assert list(got["event_type"]) == list(events["event_type"])
    fatalities = [None if pd.isna(v) or v == "" else int(v) for v in got["fatalities"]]
    assert fatalities == [None, 3, 0, None]

    parts = [_read_back(path if ext == ".gpkg" else places_path(path, layer), layer)
             for layer in PLACE_LAYERS]
    got_places = pd.concat(parts, ignore_index=True).set_index("place_id")
    assert set(got_places.index) == set(place_frame["place_id"])
    expected = place_frame.set_index("place_id").loc[got_places.index]
    assert _same_geometries(list(got_places.geometry), list(expected.geometry))
    assert [int(m) for m in got_places["mentions"]] == list(expected["mentions"])


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_read_returns_events_and_places(documents, tmp_path, ext):
    path = tmp_path / f"out{ext}"
    write(documents, path)
    events, place_frame = read(path)
    assert list(events["event_id"]) == ["ev-1", "ev-2", "ev-3", "ev-4"]
    assert events.loc[1, "date"] == "2024-07-01"
    assert events.loc[0, "published"] == "2024-07-10"
    assert place_frame is not None and len(place_frame) == 4


def test_gpkg_has_one_geometry_type_per_layer(documents, tmp_path):
    path = tmp_path / "out.gpkg"
    write(documents, path)
    write(documents, path)  # overwriting works
    assert [list(layer) for layer in pyogrio.list_layers(path)] == [
        ["events", "Point"], ["places_points", "Point"],
        ["places_lines", "MultiLineString"], ["places_polygons", "MultiPolygon"]]
    assert pyogrio.read_info(path, layer="events")["crs"] == "EPSG:4326"


@pytest.mark.parametrize("ext", [".fgb", ".geojson", ".csv"])
def test_single_layer_formats_split_places_by_geometry(documents, tmp_path, ext):
    path = tmp_path / f"out{ext}"
    write(documents, path)
    for layer, kind in PLACE_LAYERS.items():
        sibling = places_path(path, layer)
        if ext == ".csv":  # GDAL cannot declare a WKT column's type: check the values
            wkt = pd.read_csv(sibling)["wkt"]
            assert len(wkt) and all(w.startswith(kind.upper() + " ") for w in wkt)
        else:
            assert pyogrio.read_info(sibling)["geometry_type"] == kind
    assert pyogrio.read_info(path)["geometry_type"] == "Point"


@pytest.mark.parametrize("ext", [".gpkg", ".fgb"])
def test_dates_are_typed_in_gis_formats(documents, tmp_path, ext):
    path = tmp_path / f"out{ext}"
    write(documents, path)
    info = pyogrio.read_info(path, layer="events")
    dtypes = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert dtypes["date"].startswith("datetime64") and dtypes["published"].startswith(
        "datetime64")
    assert dtypes["date_precision"] == "object"
    got = pyogrio.read_dataframe(path, layer="events")
    assert str(got.loc[1, "date"].date()) == "2024-07-01"
    assert pd.isna(got.loc[3, "date"])


def test_parquet_dates_are_arrow_dates(documents, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "out.parquet"
    write(documents, path)
    schema = pq.read_schema(path)
    assert schema.field("date").type == pa.date32()
    assert schema.field("published").type == pa.date32()


def test_csv_has_type_sidecars(documents, tmp_path):
    path = tmp_path / "out.csv"
    written = write(documents, path)
    assert path.with_suffix(".csvt") in written
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    types = path.with_suffix(".csvt").read_text().strip().split(",")
    assert len(types) == len(header)
    typed = dict(zip(header, (t.strip('"') for t in types), strict=True))
    assert typed["date"] == "Date" and typed["fatalities"] == "Integer64"
    assert typed["lon"] == "CoordX" and typed["confidence"] == "Real"
    got = pyogrio.read_dataframe(path)
    assert str(got.loc[0, "date"])[:10] == "2024-07-05"
    places_types = places_path(path, "places_lines").with_suffix(".csvt").read_text()
    assert '"WKT"' in places_types


def test_write_rejects_bad_paths(documents, tmp_path):
    with pytest.raises(InputError, match=r"unknown extension '\.shp'"):
        write(documents, tmp_path / "out.shp")
    with pytest.raises(InputError, match="does not exist"):
        write(documents, tmp_path / "missing" / "out.geojson")
    (tmp_path / "dir.gpkg").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        write(documents, tmp_path / "dir.gpkg")
    with pytest.raises(InputError, match="must be a string or a path, got int"):
        write(documents, 5)  # type: ignore[arg-type]


def test_bad_input(tmp_path):
    with pytest.raises(InputError, match="expected Documents or Events"):
        to_geodataframe("some text")
    with pytest.raises(InputError, match="expected Documents or Events, got int"):
        to_geodataframe([1])
    places_file = tmp_path / "p.places_points.geojson"
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
    assert len(pyogrio.read_dataframe(path, layer="places_polygons")) == 0


# --- all-or-nothing writes ----------------------------------------------------------------

_WRITE_UNDER_LIMIT = """
import resource, sys
from shapely import Polygon, to_wkb
from geoevents.errors import InputError
from geoevents.export import write
from geoevents.model import Event, Place

def place(i):
    ring = Polygon([(i % 50, 0), (i % 50 + 1, 0), (i % 50 + 1, 1)])
    return Place(id=f"p{i}", name=f"Place {i}", lat=0.5, lon=i % 50 + 0.5, feature_class="A",
                 feature_code="ADM1", geometry_wkb=to_wkb(ring) if i % 2 else None)

events = [Event(id=f"ev-{i}", event_type="Battles", sub_event_type="Armed clash",
                trigger="clash", trigger_start=0, trigger_end=5, date="2024-07-05",
                sentence="A clash " + "x" * 400 + f" number {i} {sys.argv[2]}.",
                location=place(i)) for i in range(int(sys.argv[3]))]
limit = int(sys.argv[4])
if limit:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    write(events, sys.argv[1])
except InputError as exc:
    print(exc, file=sys.stderr)
    sys.exit(1)
"""


def _write_in_subprocess(path: Path, tag: str, n: int, limit: int = 0):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", _WRITE_UNDER_LIMIT, str(path), tag, str(n),
                           str(limit)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_a_failed_write_leaves_previous_outputs_unchanged(tmp_path, ext):
    path = tmp_path / f"events{ext}"
    first = _write_in_subprocess(path, "first", 20)
    assert first.returncode == 0, first.stderr
    before = _snapshot(tmp_path)
    assert len(before) >= 2 if ext != ".gpkg" else len(before) == 1
    # a file-size limit far below what the new output needs: the write fails midway
    failed = _write_in_subprocess(path, "second", 2000, limit=64_000)
    assert failed.returncode == 1, failed.stderr
    message = failed.stderr.strip()
    assert message.startswith(f"cannot write {path}") and "no output file was changed" in message
    assert "\n" not in message and "Traceback" not in message
    assert _snapshot(tmp_path) == before  # byte-identical, and no temporary files left


def test_a_write_error_midway_changes_nothing(documents, tmp_path, monkeypatch):
    """The places layer fails after the events file was complete: neither is replaced."""
    from geoevents import export

    path = tmp_path / "events.geojson"
    write(documents, path)
    before = _snapshot(tmp_path)
    real = export._dump_geojson

    def failing(frame, target, *, id_column):
        if id_column == "place_id":
            raise OSError(28, "No space left on device")
        real(frame, target, id_column=id_column)

    monkeypatch.setattr(export, "_dump_geojson", failing)
    with pytest.raises(InputError, match="No space left on device; no output file was changed"):
        write(documents[0].events[:1], path)
    assert _snapshot(tmp_path) == before


def test_acled_schema(documents, tmp_path):
    from geoevents.acled import ACLED_COLUMNS

    path = tmp_path / "acled.csv"
    write(documents, path, schema="acled")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert tuple(table.columns) == ACLED_COLUMNS
    rows = table.set_index(table["notes"].str[:6])
    jenin = rows.loc["Troops"]
    assert jenin["event_id_cnty"].startswith("PSE") and jenin["iso"] == "275"
    assert jenin["event_date"] == "2024-07-05" and jenin["year"] == "2024"
    assert jenin["time_precision"] == "1" and jenin["geo_precision"] == "1"
    assert jenin["admin1"] == "West Bank" and jenin["admin2"] == "Jenin"
    assert jenin["location"] == "Janīn"
    assert jenin["source"] == "doc-1" and jenin["latitude"].startswith("32.45")
    clash = rows.loc["A clas"]
    assert clash["time_precision"] == "3" and clash["fatalities"] == "3"
    assert clash["admin1"]  # a border: the divisions at its point
    undated = rows.loc["A call"]
    assert undated["event_date"] == "" and undated["event_id_cnty"].startswith("XXX")
    types = path.with_suffix(".csvt").read_text()
    assert '"Date"' in types and '"CoordX"' in types
    with pytest.raises(InputError, match="--schema acled"):
        write(documents, tmp_path / "acled.geojson", schema="acled")
    gpkg = tmp_path / "acled.gpkg"
    write(documents, gpkg, schema="acled")
    info = pyogrio.read_info(gpkg, layer="events")
    assert tuple(info["fields"]) == ACLED_COLUMNS
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["event_date"].startswith(
        "datetime64")


@pytest.mark.parametrize(("geonameid", "text", "admin1", "admin2"), [
    (365137, "Omdurman", "Khartoum", "Omdurman"),  # no own link: the division it seats
    (170905, "east of Daraa", "Dar'ā", "Daraa District"),  # the short name in the text
    (2457163, "Gao", "Gao", "Gao Cercle"),  # the place's name within the division's
    (616052, "Yerevan", "Erevan", "Kentron District"),  # a division's point <= 3 km
    (5368361, "Los Angeles", "California", "Los Angeles County"),  # its own link
    (283506, "Jenin", "West Bank", "Jenin"),  # ACLED: territory, then governorate
    (6945291, "Old City", "West Bank", "Jerusalem"),  # GeoNames: West Bank; neighbours:
    # the governorate
    (53654, "Mogadishu", "Banaadir", "Banadir"),  # a capital: the division named like its
    (703448, "Kyiv", "Kyiv", "Pechersk Raion"),  # admin-1; else a division seat <= 3 km
    (2950159, "Berlin", "Berlin", "Berlin"),  # a city-state: its own admin-2
    (170063, "Aleppo", None, "Mount Simeon District"),  # its linked neighbours' division
    (2234942, "Ndop", "North-West", None),  # its division (Ngo-Ketunjia) has no known
    # place, so the one linked place 21 km away (Belo, in Boyo) does not decide
    (294640, "Israel", None, None),  # a country: ACLED codes no sub-national location
])
def test_acled_admin_divisions(acled_row, geonameid, text, admin1, admin2):
    """admin1/admin2 of a located event, inferred where GeoNames does not link the place
    to an admin-2 division itself."""
    row = acled_row(geonameid, text)
    if admin1 is not None:
        assert row["admin1"] == admin1
    assert (row["admin2"] if isinstance(row["admin2"], str) else None) == admin2


def _events_at(gaz, place_ids):
    """An events table with one region-level event at each gazetteer place."""
    import geopandas as gpd

    places = [gaz.get(i) for i in place_ids]
    return gpd.GeoDataFrame(
        {"location_id": list(place_ids), "location_name": [p.name for p in places],
         "location_text": [p.name for p in places],
         "feature_code": [p.feature_code for p in places],
         "country_code": [p.country_code for p in places],
         "admin1": [p.admin1 for p in places], "geonameid": [p.geonameid for p in places],
         "geo_precision": [3] * len(places),
         "event_id": [f"ev-{n}" for n in range(len(places))]},
        geometry=[shapely.Point(p.lon, p.lat) for p in places], crs="EPSG:4326")


def test_acled_codes_a_province_level_event_at_its_seat(gaz):
    """As ACLED codes an event that its report places only in a province or region: at
    the seat, with geo-precision 3, and admin1/admin2 from the seat; a country or a region
    of several countries gets no sub-national location; a region without a shape is coded
    at its own point. The native events table keeps the region (its point and code)."""
    from geoevents.acled import acled_frame

    ids = ["geonames:2347266", "geonames:1051823", "local:gaza-strip",
           "geonames:294640", "local:west-africa", "local:east-ghouta"]
    events = _events_at(gaz, ids)
    table = acled_frame(events, gaz)
    makurdi, pemba, gaza = (gaz.search(n, country=cc, limit=1)[0]
                            for n, cc in (("Makurdi", "NG"), ("Pemba", "MZ"), ("Gaza", "PS")))
    rows = table.set_index(events["location_name"])
    assert tuple(rows.loc["Benue", ["location", "admin1", "admin2"]]) == (
        "Makurdi", "Benue", "Markurdi")
    assert (rows.loc["Benue", "latitude"], rows.loc["Benue", "longitude"]) == (
        round(makurdi.lat, 6), round(makurdi.lon, 6))
    assert tuple(rows.loc["Cabo Delgado", ["location", "admin1", "admin2"]]) == (
        "Pemba", "Cabo Delgado", "Cidade de Pemba")
    assert rows.loc["Cabo Delgado", "latitude"] == round(pemba.lat, 6)
    assert tuple(rows.loc["Gaza Strip", ["location", "admin1", "admin2"]]) == (
        gaza.name, "Gaza Strip", "Gaza")
    # a region without a shape: at its own (representative) point, with its divisions
    assert tuple(rows.loc["East Ghouta", ["location", "admin1", "admin2"]]) == (
        "East Ghouta", "Rīf Dimashq", "Douma District")
    assert (table["geo_precision"] == 3).all()
    for name in ("Israel", "West Africa"):  # located, at their own point, no admin
        assert rows.loc[name, "location"] == name and pd.isna(rows.loc[name, "admin1"])
        assert pd.isna(rows.loc[name, "admin2"]) and not pd.isna(rows.loc[name, "latitude"])
    seat = table.geometry.iloc[0]
    assert (seat.y, seat.x) == (makurdi.lat, makurdi.lon)
    assert events.geometry.iloc[0] != seat  # the events table itself is unchanged
    assert events["location_name"].iloc[0] == "Benue"


def test_acled_between_two_countries_is_country_level(gaz):
    """The point halfway "between Israel and Palestine" is known only at country level
    (no admin1/admin2, as ACLED codes it); "between Bahir Dar and Gondar" is not."""
    import geopandas as gpd

    from geoevents.acled import acled_frame

    bahir_dar, gondar = (gaz.search(n, country="ET", limit=1)[0]
                         for n in ("Bahir Dar", "Gondar"))
    ids = ["derived:between geonames:294640 and geonames:6254930",
           f"derived:between {bahir_dar.id} and {gondar.id}"]
    events = gpd.GeoDataFrame(
        {"location_id": ids, "location_name": ["between Israel and Palestine",
                                               "between Bahir Dar and Gondar"],
         "feature_code": ["AREA", "AREA"], "country_code": ["IL", "ET"],
         "event_id": ["ev-1", "ev-2"]},
        geometry=[shapely.Point(35.07, 31.63),
                  shapely.Point((bahir_dar.lon + gondar.lon) / 2,
                                (bahir_dar.lat + gondar.lat) / 2)],
        crs="EPSG:4326")
    table = acled_frame(events, gaz)
    assert table["admin1"].isna().tolist() == [True, False]
    assert table["admin2"].iloc[0] is None or pd.isna(table["admin2"].iloc[0])
    assert table["latitude"].notna().all()


def test_acled_seat_is_the_ppla_where_the_gazetteer_has_feature_codes(gaz):
    """With a GeoNames import the seat is the PPLA even when a larger place lies in the
    admin-1 (New York -> Albany); the embedded gazetteer has no PPLA codes, so there the
    most populous place stands for it (New York City)."""
    import dataclasses

    from geoevents.acled import acled_frame

    class WithSeats:
        """The embedded gazetteer, with Albany coded as GeoNames codes it (PPLA)."""

        def __getattr__(self, name):
            return getattr(gaz, name)

        def by_geonameid(self, geonameid):
            place = gaz.by_geonameid(geonameid)
            if place is not None and place.geonameid == 5106834:
                return dataclasses.replace(place, feature_code="PPLA")
            return place

    events = _events_at(gaz, ["geonames:5128638"])
    assert acled_frame(events, WithSeats())["location"].iloc[0] == "Albany"
    assert acled_frame(events, gaz)["location"].iloc[0] == "New York City"


def test_acled_admin2_of_a_camp_is_its_towns(gaz):
    """A place without a GeoNames id (a camp) lies in the division of the town beside it,
    whose own division comes from its name (El Fasher -> Al Fasher)."""
    import geopandas as gpd

    from geoevents.acled import acled_frame

    camp = next(p for p in gaz.search("Abu Shouk", country="SD") if p.geonameid is None)
    events = gpd.GeoDataFrame(
        {"location_name": [camp.name], "location_text": ["Abu Shouk camp"],
         "feature_code": [camp.feature_code], "country_code": ["SD"],
         "admin1": [camp.admin1], "geonameid": [None], "event_id": ["ev-1"]},
        geometry=[shapely.Point(camp.lon, camp.lat)], crs="EPSG:4326")
    row = acled_frame(events, gaz).iloc[0]
    assert (row["admin1"], row["admin2"]) == ("North Darfur", "Al Fasher")
