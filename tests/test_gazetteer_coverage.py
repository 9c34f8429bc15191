"""Coverage users expect of the embedded gazetteer: former states with their extent,
dependent and remote territories, airports (codes kept apart from names), rivers and
mountains; and the area centre stored beside the point."""

from __future__ import annotations

import pytest
import shapely

from geoevents.gazetteer.build import (
    _island_names,
    airport_names,
    first_part,
    military_airfield_names,
)


def _contains(place, lat: float, lon: float) -> bool:
    return place.geometry is not None and place.geometry.contains(shapely.Point(lon, lat))


@pytest.mark.parametrize("query, expected, inside", [
    ("Soviet Union", "local:soviet-union", [(55.75, 37.62), (41.30, 69.24), (50.45, 30.52)]),
    ("USSR", "local:soviet-union", [(56.95, 24.11)]),
    ("Yugoslavia", "local:yugoslavia", [(44.79, 20.45), (46.05, 14.51), (41.99, 21.43)]),
    ("Czechoslovakia", "local:czechoslovakia", [(50.08, 14.44), (48.15, 17.11)]),
    ("Netherlands Antilles", "local:netherlands-antilles", [(12.12, -68.93)]),
])
def test_former_states_have_the_extent_of_their_members(gaz, query, expected, inside):
    state = gaz.search(query)[0]
    assert state.id == expected and state.feature_code == "PCLH"
    assert all(_contains(state, lat, lon) for lat, lon in inside)
    assert not _contains(state, 52.23, 21.01)  # Warsaw was in none of them
    assert _contains(state, state.lat, state.lon)  # its point lies in its extent


def test_east_and_west_germany_are_not_germany(gaz):
    assert gaz.search("East Germany")[0].id == "local:east-germany"
    assert gaz.search("German Democratic Republic")[0].id == "local:east-germany"
    assert gaz.search("West Germany")[0].id == "local:west-germany"
    assert gaz.search("Germany")[0].feature_code == "PCLI"


@pytest.mark.parametrize("query, country", [
    ("Clipperton Island", "FR"), ("Ashmore and Cartier Islands", "AU"),
    ("Coral Sea Islands", "AU"), ("Akrotiri", "GB"), ("Bir Tawil", None),
])
def test_dependent_and_remote_territories(gaz, query, country):
    place = gaz.search(query)[0]
    assert place.id.startswith("ne:admin0:") and place.country_code == country
    assert _contains(place, place.lat, place.lon) or place.geometry.distance(
        shapely.Point(place.lon, place.lat)) < 0.05


def test_a_territory_is_no_longer_an_alias_of_its_sovereign(gaz):
    assert all(p.feature_code != "PCLI" for p in gaz.search("Clipperton Island", limit=5))
    assert gaz.search("Heard Island")[0].country_code == "HM"


def test_island_names_are_spelled_out():
    assert _island_names("Clipperton I.") == ["Clipperton Island"]
    assert _island_names("Heard I. and McDonald Is.") == [
        "Heard Island and McDonald Islands", "Heard Island", "McDonald Islands"]
    assert _island_names("France") == []


def test_airport_names():
    main, aliases = airport_names("London Heathrow Airport", "London")
    assert main == "Heathrow Airport"
    assert {"London Heathrow Airport", "Heathrow", "Heathrow International Airport"} <= set(
        aliases)
    main, aliases = airport_names("John F Kennedy International Airport", "New York")
    assert main == "John F Kennedy International Airport"
    assert "John F Kennedy" not in aliases  # a person's name is no place name on its own
    assert airport_names("Amsterdam Airport Schiphol", "Amsterdam")[0] == "Schiphol Airport"


def test_airports_are_found_by_name_and_their_codes_are_no_names(gaz):
    heathrow = gaz.search("Heathrow Airport")[0]
    assert heathrow.id == "airport:EGLL" and heathrow.feature_code == "AIRP"
    assert gaz.search("Heathrow")[0].id == "airport:EGLL"
    assert gaz.search("John F Kennedy International Airport")[0].id == "airport:KJFK"
    for code in ("LHR", "EGLL", "JFK", "jfk airport"):
        assert all(p.feature_code != "AIRP" for p in gaz.search(code, fuzzy=False)), code
    codes = dict(gaz._db.execute(
        "SELECT c.scheme, c.code FROM codes c JOIN places p ON p.rowid = c.place "
        "WHERE p.id = 'airport:EGLL'").fetchall())
    assert codes == {"iata": "LHR", "icao": "EGLL"}


@pytest.mark.parametrize("query, expected", [
    ("JFK International Airport", "airport:KJFK"), ("LHR Airport", "airport:EGLL"),
    ("Airport EGLL", "airport:EGLL"), ("ORD  airport", "airport:KORD"),
])
def test_an_airport_code_is_read_when_the_query_says_airport(gaz, query, expected):
    [airport] = gaz.search(query, limit=1)
    assert airport.id == expected and airport.match == "alias"
    assert gaz.search(query, country="FR") == []


def test_an_airport_named_by_its_code_in_text_is_that_airport():
    import geoevents

    text = "Flights from LHR were diverted after smoke was seen at JFK Airport."
    assert [(t.text, t.place and t.place.id) for t in geoevents.parse(text).toponyms] == [
        ("JFK Airport", "airport:KJFK")]


def test_military_airfield_names():
    main, aliases = military_airfield_names("Shayrat Air Base")
    assert main == "Shayrat Air Base"
    assert {"Shayrat Airbase", "Shayrat Military Airport", "Shayrat Airport"} <= set(aliases)
    assert military_airfield_names("Al Sahra Army Air Field")[0] == "Al Sahra Air Base"
    assert military_airfield_names("Adado Airport") is None  # a civil strip: left out


@pytest.mark.parametrize("query, expected", [
    ("Shayrat airbase", "airport:OS65"),  # airportsdata, no IATA code
    ("T-4 Military Airport", "local:tiyas-airbase"),  # curated, by the names news uses
    ("Kweires", "local:kuweires-airbase"),
    ("Mennagh Military Airport", "local:menagh-airbase"),
])
def test_military_air_bases_are_found_by_the_names_news_uses(gaz, query, expected):
    base = gaz.search(query)[0]
    assert base.id == expected and base.feature_code == "AIRB" and base.country_code == "SY"


def test_a_two_part_country_is_found_by_its_first_part():
    assert first_part("Bosnia and Herzegovina") == "Bosnia"
    assert first_part("Saint Vincent and the Grenadines") == "Saint Vincent"
    assert first_part("Bonaire, Sint Eustatius and Saba") is None
    assert first_part("France") is None


def test_first_parts_that_name_other_places_stay_theirs(gaz):
    assert gaz.search("Bosnia")[0].id == gaz.search("Bosnia and Herzegovina")[0].id
    assert gaz.search("Bosnia")[0].feature_code == "PCLI"
    # Trinidad is a town in Cuba and Bolivia, "Turks" a demonym: neither becomes a name
    # of its two-part country
    assert all(p.country_code != "TT" for p in gaz.search("Trinidad", limit=10, fuzzy=False))
    assert all(p.country_code != "TC" for p in gaz.search("Turks", limit=10, fuzzy=False))


@pytest.mark.parametrize("query, expected", [
    ("Amazon", "local:amazon-river"), ("Amazon River", "local:amazon-river"),
    ("Mount Everest", "local:mount-everest"), ("Everest", "local:mount-everest"),
    ("Yangtze", "local:yangtze"), ("Mont Blanc", "local:mont-blanc"),
])
def test_rivers_and_mountains(gaz, query, expected):
    assert gaz.search(query)[0].id == expected


def test_area_centre_is_kept_beside_the_point(gaz):
    # an archipelago's point is its published reference point, its centre the middle of
    # its main landmass; a country with a main landmass has the two together
    indonesia = gaz.search("Indonesia")[0]
    assert (indonesia.lat, indonesia.lon) == (-5.0, 120.0)
    assert indonesia.centre is not None and indonesia.centre != (-5.0, 120.0)
    canada = gaz.search("Canada")[0]
    assert canada.centre == pytest.approx((canada.lat, canada.lon))
    assert gaz.get("local:gaza-strip").centre is not None
    assert gaz.search("Jenin")[0].centre is None  # a point has no centre


def test_the_centre_is_a_property_of_json_and_geojson_output(gaz):
    from geoevents.geojson import place_feature

    indonesia = gaz.search("Indonesia")[0]
    data = indonesia.to_dict()
    assert (data["centre_lat"], data["centre_lon"]) == pytest.approx(indonesia.centre, abs=1e-6)
    properties = place_feature(indonesia)["properties"]
    assert properties["centre_lat"] == data["centre_lat"]
    assert "centre_lat" not in gaz.search("Jenin")[0].to_dict()


def test_a_division_word_reads_the_name_before_it_as_that_kind_of_place(gaz):
    # not a fuzzy match of the whole ("Biu district" is not Ibb, Yemen)
    biu = gaz.search("Biu district")[0]
    assert (biu.country_code, biu.feature_class) == ("NG", "A")
    assert all(p.feature_class == "P" for p in gaz.search("Okha village"))
    assert gaz.search("Idlib province")[0].feature_code == "ADM1"
