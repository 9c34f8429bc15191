"""The HTTP API in-process (TestClient): Nominatim's formats and fields, errors, limits,
hostile input, the API key, and /extract and /map."""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import shapely
from fastapi.testclient import TestClient

from geoevents.server import create_app, nominatim

JENIN = "geonames:283506"
GAZA_CITY = "geonames:281133"
MOSCOW = "geonames:524901"


@pytest.fixture(scope="module")
def app(gaz):
    return create_app(gaz)


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as client:
        yield client


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def assert_error(response, status: int, *words: str) -> str:
    """A Nominatim-format error with this status whose message contains ``words``."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == status
    message = body["error"]["message"]
    assert isinstance(message, str) and message
    for word in words:
        assert word in message, message
    assert "Traceback" not in message and "/work/" not in message and ".py" not in message
    return message


# -- /search --------------------------------------------------------------------------------


def test_search_json_has_nominatim_fields_and_types(client):
    results = get(client, "/search", q="Jenin", format="json", limit=3)
    first = results[0]
    assert first["geoevents_id"] == JENIN
    assert isinstance(first["place_id"], int) and first["place_id"] == 283506
    assert "GeoNames" in first["licence"]
    assert isinstance(first["lat"], str) and isinstance(first["lon"], str)
    assert abs(float(first["lat"]) - 32.46) < 0.05 and abs(float(first["lon"]) - 35.30) < 0.05
    assert first["class"] == "place" and "category" not in first
    assert first["type"] in ("city", "town") and first["addresstype"] == first["type"]
    assert isinstance(first["place_rank"], int) and 16 <= first["place_rank"] <= 18
    assert isinstance(first["importance"], float)
    assert first["name"] == "Janīn"
    assert first["display_name"] == "Janīn, Jenin, Palestinian Territory"
    south, north, west, east = (float(v) for v in first["boundingbox"])
    assert all(isinstance(v, str) for v in first["boundingbox"])
    assert south < float(first["lat"]) < north and west < float(first["lon"]) < east
    assert "address" not in first  # only with addressdetails=1


def test_jsonv2_is_the_default_and_uses_category(client):
    first = get(client, "/search", q="Jenin")[0]
    assert first["category"] == "place" and "class" not in first


def test_addressdetails_namedetails_extratags(client):
    first = get(client, "/search", q="Jenin", addressdetails=1, namedetails=1,
                extratags=1, limit=1)[0]
    assert first["address"] == {first["addresstype"]: "Janīn", "state": "Jenin",
                                "country": "Palestinian Territory", "country_code": "ps"}
    assert first["namedetails"] == {"name": "Janīn"}
    assert first["extratags"]["geonames:id"] == "283506"
    assert int(first["extratags"]["population"]) > 10_000


def test_several_moscows_with_russia_first_and_limit(client):
    results = get(client, "/search", q="Moscow", limit=10, addressdetails=1)
    assert len(results) == 10
    assert results[0]["geoevents_id"] == MOSCOW
    assert results[0]["address"]["country_code"] == "ru"
    moscows = [r for r in results if r["name"] == "Moscow"]
    assert {r["address"]["country_code"] for r in moscows} >= {"ru", "us"}
    assert len(get(client, "/search", q="Moscow", limit=2)) == 2


def test_country_and_class_mapping(client):
    russia = get(client, "/search", q="Russia", limit=1, addressdetails=1)[0]
    assert (russia["category"], russia["type"], russia["addresstype"], russia["place_rank"]) \
        == ("boundary", "administrative", "country", 4)
    assert russia["address"] == {"country": "Russia", "country_code": "ru"}
    idaho = get(client, "/search", q="Idaho", limit=1)[0]
    assert (idaho["addresstype"], idaho["place_rank"]) == ("state", 8)
    border = get(client, "/lookup", osm_ids="ne:border:EG-IL")[0]
    assert border["category"] == "boundary" and border["type"] == "border"
    # physical features: their own types, and a box that is more than a point's
    himalayas = get(client, "/search", q="Himalayas", limit=1)[0]
    assert (himalayas["category"], himalayas["type"]) == ("natural", "mountain_range")
    south, north = (float(x) for x in himalayas["boundingbox"][:2])
    assert north - south >= 0.5
    assert get(client, "/search", q="Java", limit=1)[0]["type"] == "island"


def test_countrycodes_restricts_results(client):
    results = get(client, "/search", q="Moscow", countrycodes="us,ca", addressdetails=1)
    assert results and {r["address"]["country_code"] for r in results} <= {"us", "ca"}
    assert results[0]["address"]["state"] == "Idaho"


def test_structured_search(client):
    idaho = get(client, "/search", city="Moscow", state="Idaho", addressdetails=1)
    assert idaho and all(r["address"]["state"] == "Idaho" for r in idaho)
    assert idaho[0]["address"]["country_code"] == "us"
    russia = get(client, "/search", city="Moscow", country="Russia")
    assert russia[0]["geoevents_id"] == MOSCOW
    by_code = get(client, "/search", country="RU")
    assert by_code[0]["addresstype"] == "country" and by_code[0]["name"] == "Russia"
    state = get(client, "/search", state="Idaho", country="us")
    assert [r["addresstype"] for r in state] == ["state"]
    assert get(client, "/search", city="Moscow", country="Atlantis") == []
    assert get(client, "/search", state="7") == get(client, "/search", q="12") == []


def test_free_text_qualifier(client):
    first = get(client, "/search", q="Moscow, Idaho", addressdetails=1)[0]
    assert first["address"]["state"] == "Idaho"


def test_feature_type(client):
    states = get(client, "/search", q="Jenin", featureType="state")
    assert states and all(r["addresstype"] == "state" for r in states)
    cities = get(client, "/search", q="Moscow", featureType="city")
    assert cities and all(14 <= r["place_rank"] <= 16 for r in cities)
    countries = get(client, "/search", q="Israel", featureType="country")
    assert [r["addresstype"] for r in countries] == ["country"]


def test_viewbox_prefers_and_bounded_restricts(client):
    egypt_side = "34.20,31.26,34.241,31.29"  # lon,lat corners around Egyptian Rafah
    preferred = get(client, "/search", q="Rafah", viewbox=egypt_side, addressdetails=1)
    assert preferred[0]["address"]["country_code"] == "eg"
    assert any(r["address"]["country_code"] == "ps" for r in preferred)
    bounded = get(client, "/search", q="Rafah", viewbox=egypt_side, bounded=1,
                  addressdetails=1)
    assert bounded and {r["address"]["country_code"] for r in bounded} == {"eg"}


def test_exclude_place_ids(client):
    results = get(client, "/search", q="Jenin", exclude_place_ids="283506")
    assert results and JENIN not in [r["geoevents_id"] for r in results]


def test_no_match_is_an_empty_list(client):
    assert get(client, "/search", q="Qqqxzzyqq Vvvwwq") == []
    assert get(client, "/search", q="Qqqxzzyqq Vvvwwq", format="geojson")["features"] == []


def test_place_ids_are_stable_and_distinct(client):
    local = get(client, "/lookup", osm_ids="local:gaza-strip,ne:border:EG-IL")
    ids = [r["place_id"] for r in local]
    assert len(set(ids)) == 2 and all(2**40 <= i < 2**53 for i in ids)
    assert ids == [r["place_id"] for r in get(client, "/lookup",
                                              osm_ids="local:gaza-strip,ne:border:EG-IL")]


# -- GeoJSON and GeocodeJSON ---------------------------------------------------------------


def _decimals(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1]) if "." in text else 0


def test_geojson_is_rfc7946(client):
    body = get(client, "/search", q="Moscow", format="geojson", limit=3, addressdetails=1)
    assert body["type"] == "FeatureCollection" and "crs" not in body
    assert len(body["features"]) == 3
    feature = body["features"][0]
    props = feature["properties"]
    assert props["geoevents_id"] == MOSCOW and props["category"] == "place"
    assert props["address"]["country_code"] == "ru"
    lon, lat = feature["geometry"]["coordinates"]
    assert feature["geometry"]["type"] == "Point"
    assert abs(lat - 55.75) < 0.1 and abs(lon - 37.62) < 0.1
    assert _decimals(lon) <= 6 and _decimals(lat) <= 6
    west, south, east, north = feature["bbox"]
    assert west < lon < east and south < lat < north


def test_polygon_geojson_returns_the_shape_counter_clockwise(client):
    body = get(client, "/lookup", osm_ids="local:gaza-strip", format="geojson",
               polygon_geojson=1)
    geometry = body["features"][0]["geometry"]
    assert geometry["type"] in ("Polygon", "MultiPolygon")
    shape = shapely.geometry.shape(geometry)
    polygons = shape.geoms if shape.geom_type == "MultiPolygon" else [shape]
    assert all(p.exterior.is_ccw for p in polygons)
    assert shape.contains(shapely.Point(34.45, 31.5))
    simplified = get(client, "/lookup", osm_ids="geonames:2017370", format="json",
                     polygon_geojson=1, polygon_threshold=0.5)[0]["geojson"]
    assert simplified["type"] in ("Polygon", "MultiPolygon")
    text = get(client, "/search", q="Gaza Strip", polygon_text=1, limit=1)[0]["geotext"]
    assert text.startswith(("POLYGON", "MULTIPOLYGON"))


def test_geocodejson(client):
    body = get(client, "/search", q="Jenin", format="geocodejson", limit=2)
    assert body["type"] == "FeatureCollection"
    assert body["geocoding"]["version"] == "0.1.0" and body["geocoding"]["query"] == "Jenin"
    props = body["features"][0]["properties"]["geocoding"]
    assert props["label"] == "Janīn, Jenin, Palestinian Territory"
    assert props["type"] == "city" and props["country_code"] == "ps"
    assert props["admin"]["level2"] == "Palestinian Territory"
    assert body["features"][0]["geometry"]["type"] == "Point"


# -- /reverse, /lookup, /status -------------------------------------------------------------


def test_reverse_names_gaza(client):
    body = get(client, "/reverse", lat=31.50, lon=34.47)
    assert body["geoevents_id"] == GAZA_CITY and body["name"] == "Gaza"
    assert body["address"]["country_code"] == "ps"  # addressdetails defaults to 1 here
    assert "Gaza" in body["display_name"]
    assert get(client, "/reverse", lat=31.50, lon=34.47, addressdetails=0).get("address") \
        is None


def test_reverse_zoom_levels(client):
    country = get(client, "/reverse", lat=31.50, lon=34.47, zoom=3)
    assert country["addresstype"] == "country" and country["address"]["country_code"] == "ps"
    state = get(client, "/reverse", lat=55.75, lon=37.62, zoom=6)
    assert state["addresstype"] == "state" and state["address"]["country_code"] == "ru"
    assert get(client, "/reverse", lat=55.75, lon=37.62, zoom=10)["geoevents_id"] == MOSCOW


def test_reverse_open_sea_is_unable_to_geocode(client):
    assert get(client, "/reverse", lat=0, lon=-30) == {"error": "Unable to geocode"}


def test_reverse_geojson_and_geocodejson(client):
    body = get(client, "/reverse", lat=31.50, lon=34.47, format="geojson")
    assert [f["properties"]["name"] for f in body["features"]] == ["Gaza"]
    body = get(client, "/reverse", lat=31.50, lon=34.47, format="geocodejson")
    assert body["features"][0]["properties"]["geocoding"]["name"] == "Gaza"


def test_lookup_by_our_ids_and_geonames_ids(client):
    results = get(client, "/lookup", osm_ids="geonames:283506,G281133,local:gaza-strip,N123")
    assert [r["geoevents_id"] for r in results] == [JENIN, GAZA_CITY, "local:gaza-strip"]
    assert get(client, "/lookup", osm_ids="geonames:999999999") == []


def test_status(client):
    response = client.get("/status")
    assert response.status_code == 200 and response.text == "OK"
    body = get(client, "/status", format="json")
    assert body["status"] == 0 and body["message"] == "OK"
    assert body["software_version"] and body["data_updated"]


def test_php_aliases_docs_and_cors(client):
    assert get(client, "/search.php", q="Jenin", limit=1)[0]["geoevents_id"] == JENIN
    response = client.get("/search", params={"q": "Jenin"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["content-type"].startswith("application/json")
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/search", "/reverse", "/lookup", "/status", "/extract", "/map"} <= set(paths)
    search_params = {p["name"] for p in paths["/search"]["get"]["parameters"]}
    assert {"q", "city", "limit", "featureType", "accept-language", "format"} <= search_params


# -- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "params", "words"), [
    ("/search", {"q": "Jenin", "limit": 0}, ("limit",)),
    ("/search", {"q": "Jenin", "limit": 41}, ("limit", "40")),
    ("/search", {"q": "Jenin", "limit": "ten"}, ("limit",)),
    ("/search", {"q": "Jenin", "format": "xml"}, ("format",)),
    ("/search", {"q": ""}, ("empty",)),
    ("/search", {"q": "x" * 301}, ("longer than 300",)),
    ("/search", {}, ("missing query",)),
    ("/search", {"q": "Moscow", "city": "Moscow"}, ("cannot be combined",)),
    ("/search", {"q": "Jenin", "countrycodes": "Palestine"}, ("countrycodes",)),
    ("/search", {"q": "Jenin", "viewbox": "1,2,3"}, ("viewbox",)),
    ("/search", {"q": "Jenin", "viewbox": "200,0,210,10"}, ("viewbox",)),
    ("/search", {"q": "Jenin", "viewbox": "nan,0,1,1"}, ("viewbox",)),
    ("/search", {"q": "Jenin", "exclude_place_ids": "a,b"}, ("exclude_place_ids",)),
    ("/search", {"q": "Jenin", "polygon_svg": 1}, ("polygon_svg",)),
    ("/search", {"q": "Jenin", "featureType": "street"}, ("featureType",)),
    ("/reverse", {"lat": 91, "lon": 0}, ("latitude",)),
    ("/reverse", {"lat": 0, "lon": -180.5}, ("longitude",)),
    ("/reverse", {"lat": "nan", "lon": 0}, ("latitude",)),
    ("/reverse", {"lat": "inf", "lon": 0}, ("latitude",)),
    ("/reverse", {"lat": "abc", "lon": 0}, ("lat",)),
    ("/reverse", {"lat": 31.5}, ("missing parameter 'lon'",)),
    ("/reverse", {"lat": 31.5, "lon": 34.47, "zoom": 19}, ("zoom",)),
    ("/lookup", {}, ("missing parameter 'osm_ids'",)),
    ("/lookup", {"osm_ids": "Jenin"}, ("osm_ids",)),
    ("/lookup", {"osm_ids": ",".join(f"G{i}" for i in range(51))}, ("at most 50",)),
    ("/status", {"format": "xml"}, ("format",)),
])
def test_bad_parameters_are_400_with_a_clear_message(client, path, params, words):
    assert_error(client.get(path, params=params), 400, *words)


def test_unknown_paths_and_methods_use_the_error_format(client):
    assert_error(client.get("/nope"), 404, "/docs")
    assert_error(client.post("/search"), 405)


# Hostile values, each with a name, sent to every parameter below.
HOSTILE = {
    "sql-or": "' OR 1=1 --",
    "sql-drop": "\"; DROP TABLE places; --",
    "sql-union": "Jenin') UNION SELECT sql FROM sqlite_master --",
    "script": "<script>alert(1)</script>",
    "percent": "%", "underscore": "_", "star": "*", "backslash": "\\",
    "encoded-path": "..%2f..%2fetc%2fpasswd", "path": "../../etc/passwd",
    "nul": "\x00", "nul-suffix": "Jenin\x00",
    "bidi": "\u202eniné\u202c", "bom": "\ufeff", "emoji": "😀" * 50,
    "combining-280": "a\u0301" * 140,
    "replacement": "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "template": "{{7*7}}", "jndi": "${jndi:ldap://x}",
    "spaces": " " * 50, "control-space": "\n\r\t", "long-5000": "x" * 5000,
}
BLANK = {"spaces", "control-space"}
WITH_NUL = {"nul", "nul-suffix"}
FREE_TEXT = ("q", "city", "state", "country")


def expected_search(param: str, name: str) -> tuple[int, str | None]:
    """(status, a word of the error message) that ``/search`` must answer for the hostile
    value ``name`` in ``param`` (the other parameters: ``q=Jenin``, or none)."""
    if param in FREE_TEXT:
        if name in WITH_NUL:
            return 400, "query contains a NUL byte"
        if name in BLANK:  # a blank q is an empty query; a blank structured field is absent
            return 400, "query is empty" if param == "q" else "missing query"
        if name == "long-5000":
            return 400, "longer than 300 characters (5000)"
        return 200, None
    if param == "accept-language":  # accepted and ignored, up to 200 characters
        return (400, "at most 200") if len(HOSTILE[name]) > 200 else (200, None)
    if name in BLANK and param != "viewbox":  # an empty list of codes or ids
        return 200, None
    return 400, {"countrycodes": "ISO 3166-1 alpha-2", "viewbox": "four numbers",
                 "exclude_place_ids": "place_id integers"}[param]


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("param", [*FREE_TEXT, "countrycodes", "viewbox", "exclude_place_ids",
                                   "accept-language"])
def test_hostile_search_input_gets_its_exact_answer(client, param, name):
    params = {param: HOSTILE[name]}
    if param not in FREE_TEXT:
        params["q"] = "Jenin"
    response = client.get("/search", params=params)
    status, words = expected_search(param, name)
    if status == 400:
        assert_error(response, 400, *(words,))
        if param not in FREE_TEXT and param != "accept-language":
            assert param in response.json()["error"]["message"]
        return
    assert response.status_code == 200, response.text
    results = response.json()
    assert isinstance(results, list)
    if param not in FREE_TEXT:  # the hostile value did not disturb the query itself
        assert results[0]["geoevents_id"] == JENIN
    else:  # nothing leaks back but places: no SQL error rows, no echoed markup
        assert all(set(r) >= {"place_id", "lat", "lon", "geoevents_id"} for r in results)


def expected_lookup(name: str) -> tuple[int, str | None]:
    if name in BLANK:
        return 400, "osm_ids is empty"
    if name in WITH_NUL or name in ("long-5000", "combining-280"):
        return 400, "osm_ids contains an invalid id"  # NUL, or longer than 200 characters
    if name == "jndi":  # has a ':' so it is a well-formed geoevents id: unknown, skipped
        return 200, None
    return 400, "is not an id"


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_lookup_and_reverse_input(client, name):
    value = HOSTILE[name]
    status, words = expected_lookup(name)
    response = client.get("/lookup", params={"osm_ids": value})
    if status == 200:
        assert response.status_code == 200 and response.json() == []
    else:
        assert_error(response, 400, *(words,))
    assert_error(client.get("/reverse", params={"lat": value, "lon": value}), 400,
                 "parameter 'lat'")


def test_injection_leaves_the_gazetteer_intact(client):
    for value in list(HOSTILE.values())[:3]:
        assert isinstance(get(client, "/search", q=value), list)
    assert get(client, "/search", q="Jenin", limit=1)[0]["geoevents_id"] == JENIN
    body = get(client, "/search", q="<script>alert(1)</script>", format="geocodejson")
    assert body["geocoding"]["query"] == "<script>alert(1)</script>"  # JSON, not HTML


@pytest.mark.parametrize(("raw", "status", "words"), [
    ("q=%ff%fe", 200, None),  # undecodable bytes become U+FFFD: no match, not an error
    ("q=%", 200, None),  # a lone '%' is kept literally
    ("q=%00", 400, "NUL byte"),
    ("lat=1e999&lon=0", 400, "missing query"),  # /search ignores lat and lon
    ("q=" + "%41" * 400, 400, "longer than 300 characters (400)"),
])
def test_raw_invalid_query_strings(client, raw, status, words):
    response = client.get(f"/search?{raw}")
    if status == 400:
        assert_error(response, 400, words)
    else:
        assert response.status_code == 200 and response.json() == []


def test_repeated_parameter_takes_the_last_value(client):
    assert len(get(client, "/search", q="Moscow", limit=[1, 2])) == 2


def test_internal_errors_do_not_leak_details(gaz, monkeypatch):
    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("secret /work/main/geoevents/gazetteer/store.py detail")

    monkeypatch.setattr(nominatim, "search", broken)
    with TestClient(create_app(gaz), raise_server_exceptions=False) as client:
        response = client.get("/search", params={"q": "Jenin"})
    assert response.json() == {"error": {"code": 500, "message": "internal server error"}}


# -- limits and the API key -----------------------------------------------------------------


@pytest.fixture(scope="module")
def strict_client(gaz):
    with TestClient(create_app(gaz, api_key="s3cret", max_body_bytes=2_000)) as client:
        yield client


def test_oversized_body_is_413(strict_client):
    headers = {"X-API-Key": "s3cret"}
    response = strict_client.post("/extract", json={"text": "x" * 5_000}, headers=headers)
    assert_error(response, 413, "2,000 bytes")

    def chunks():  # streamed without Content-Length
        for _ in range(10):
            yield b"x" * 1_000

    response = strict_client.post("/extract", content=chunks(), headers=headers)
    assert_error(response, 413)
    assert_error(strict_client.request("GET", "/search", params={"q": "Jenin"},
                                       content=b"x" * 3_000), 413)


def test_default_body_limit_is_one_megabyte(client):
    response = client.post("/extract", content=b"{" + b" " * 1_000_001 + b"}",
                           headers={"Content-Type": "application/json"})
    assert_error(response, 413, "1,000,000 bytes")


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}, {"X-API-Key": ""}])
def test_api_key_is_required_for_extract_and_map(strict_client, headers):
    for path in ("/extract", "/map"):
        assert_error(strict_client.post(path, json={"text": "x"}, headers=headers), 401,
                     "API key")


def test_api_key_is_not_needed_for_geocoding(strict_client):
    assert get(strict_client, "/search", q="Jenin", limit=1)[0]["geoevents_id"] == JENIN


@pytest.mark.parametrize(("body", "words"), [
    ({}, ("either 'text' or 'documents'",)),
    ({"text": "a", "documents": []}, ("either",)),
    ({"text": "a", "published": "yesterday"}, ("ISO 8601",)),
    ({"documents": [{"text": "a"}] * 1001}, ("documents",)),
    ({"text": "a", "colour": "red"}, ("colour",)),
    ({"text": 5}, ("text",)),
    ({"text": "a", "id": "x" * 201}, ("id", "200")),
    ([], ("JSON object",)),
])
def test_extract_body_validation_is_422(client, body, words):
    assert_error(client.post("/extract", json=body), 422, *words)


def test_extract_invalid_json_is_422(client):
    response = client.post("/extract", content=b"{not json",
                           headers={"Content-Type": "application/json"})
    assert_error(response, 422, "not valid JSON")
    response = client.post("/extract", content=b'{"text": "a"}',
                           headers={"Content-Type": "text/plain"})
    assert_error(response, 422, "JSON object")


@pytest.mark.parametrize(("body", "words"), [
    (b"[" * 400_000, "nested too deeply"),  # deeper than the JSON parser's recursion limit
    (b'{"text": "\xff\xfe"}', "not UTF-8"),
    (b'{"text": "a\x01b"}', "not valid JSON"),  # a raw control character
    (b'{"text": "\\ud800 lone surrogate"}', "invalid Unicode (a lone surrogate)"),
    (b'{"text": "a", "id": "\\udfff"}', "body field 'id'"),
])
def test_extract_hostile_bodies_are_422(client, body, words):
    response = client.post("/extract", content=body,
                           headers={"Content-Type": "application/json"})
    assert_error(response, 422, words)


def test_api_key_is_checked_before_the_body_is_read(gaz):
    """Without the right key the answer is 401 and the body is never received."""
    app = create_app(gaz, api_key="s3cret")

    async def receive():
        raise AssertionError("the body was read")

    sent = []

    async def send(message):
        sent.append(message)

    for headers in ([], [(b"x-api-key", b"wrong")]):
        scope = {"type": "http", "method": "POST", "path": "/extract", "raw_path": b"/extract",
                 "query_string": b"", "root_path": "", "scheme": "http", "http_version": "1.1",
                 "server": ("testserver", 80), "client": ("test", 1),
                 "headers": [(b"host", b"testserver"), (b"content-length", b"999999"),
                             *headers]}
        sent.clear()
        asyncio.run(app(scope, receive, send))
        assert sent[0]["status"] == 401
        body = b"".join(m.get("body", b"") for m in sent[1:])
        assert b"API key" in body


def test_slow_body_gets_408(gaz):
    app = create_app(gaz, body_timeout_s=0.2)

    async def receive():
        await asyncio.sleep(5)  # a client that never finishes its body
        return {"type": "http.request", "body": b"", "more_body": False}

    sent = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/extract", "raw_path": b"/extract",
             "query_string": b"", "root_path": "", "scheme": "http", "http_version": "1.1",
             "server": ("testserver", 80), "client": ("test", 1),
             "headers": [(b"host", b"testserver"), (b"content-type", b"application/json")]}
    started = time.monotonic()
    asyncio.run(app(scope, receive, send))
    assert time.monotonic() - started < 3
    assert sent[0]["status"] == 408
    assert b"did not arrive within 0.2 s" in sent[1]["body"]


def test_host_header_allow_list(gaz):
    app = create_app(gaz, allowed_hosts=["localhost", "127.0.0.1"])
    with TestClient(app, base_url="http://localhost:8080") as client:
        assert client.get("/status").text == "OK"
    with TestClient(app, base_url="http://attacker.example") as client:
        response = client.get("/status")
        assert response.status_code == 400 and response.text == "Invalid host header"


def test_api_key_from_file_or_environment(tmp_path, monkeypatch):
    from geoevents.errors import InputError
    from geoevents.server.app import API_KEY_ENV, read_api_key

    monkeypatch.delenv(API_KEY_ENV, raising=False)
    assert read_api_key() is None
    monkeypatch.setenv(API_KEY_ENV, "from-env")
    assert read_api_key() == "from-env"
    key_file = tmp_path / "key"
    key_file.write_text("from-file\nignored\n")
    assert read_api_key(key_file) == "from-file"  # the file wins over the environment
    key_file.write_text("\n")
    with pytest.raises(InputError, match="is empty"):
        read_api_key(key_file)
    with pytest.raises(InputError, match="cannot read the API key file"):
        read_api_key(tmp_path / "missing")
    if Path("/dev/zero").exists():  # an endless file is read only up to a bound
        assert read_api_key("/dev/zero") == "\x00" * 4096


def test_geometry_responses_have_a_vertex_budget(client, gaz):
    """/lookup of the 50 largest shapes stays within the response's vertex budget."""
    from geoevents.server.app import MAX_RESPONSE_VERTICES

    ids = [row[0] for row in gaz._db.execute(
        "SELECT id FROM places WHERE geometry IS NOT NULL "
        "ORDER BY length(geometry) DESC LIMIT 50")]
    response = client.get("/lookup", params={"osm_ids": ",".join(ids),
                                             "polygon_geojson": 1, "polygon_text": 1})
    assert response.status_code == 200
    results = response.json()
    assert len(results) == 50
    vertices = sum(shapely.get_num_coordinates(shapely.geometry.shape(r["geojson"]))
                   for r in results)
    assert vertices <= MAX_RESPONSE_VERTICES
    assert len(response.content) < 6_000_000
    first = gaz.get(ids[0])
    shape = shapely.geometry.shape(results[0]["geojson"])
    assert shape.is_valid and shapely.get_num_coordinates(first.geometry) > \
        shapely.get_num_coordinates(shape)
    # still the same place: the simplified shape covers most of the original
    assert shape.intersection(first.geometry).area > 0.9 * first.geometry.area
    small = get(client, "/lookup", osm_ids="local:gaza-strip", polygon_geojson=1)[0]
    original = gaz.get("local:gaza-strip").geometry
    assert shapely.get_num_coordinates(shapely.geometry.shape(small["geojson"])) == \
        shapely.get_num_coordinates(original)  # small shapes are left as they are


# -- extraction in worker processes -------------------------------------------------------------


def test_extraction_over_budget_kills_its_worker(gaz, pipeline):
    """503 when over budget; the busy worker process is killed and a fresh one replaces
    it, so a runaway document cannot keep a CPU."""
    before = {p.pid for p in multiprocessing.active_children()}
    app = create_app(gaz, extract_timeout_s=0.3)  # less than loading the model takes
    with TestClient(app) as client:
        response = client.post("/extract", json={"text": "Shelling in Gaza."})
        assert_error(response, 503, "0.3 s time budget")
        extractor = app.state.extractor
        workers = [p for p in multiprocessing.active_children() if p.pid not in before]
        assert len(workers) == 1 and workers[0].pid in extractor.pids  # the replacement
    assert not [p for p in multiprocessing.active_children() if p.pid not in before]


def test_status_answers_while_extraction_runs(client, pipeline):
    """/status stays fast while a worker process is busy (here, loading the model and
    extracting a long punctuation run)."""
    result = {}

    def extract():
        result["response"] = client.post("/extract", json={"text": ")" * 20_000})

    thread = threading.Thread(target=extract)
    thread.start()
    latencies = []
    while thread.is_alive() and len(latencies) < 20:
        started = time.perf_counter()
        assert client.get("/status").text == "OK"
        latencies.append(time.perf_counter() - started)
        time.sleep(0.05)
    thread.join(60)
    assert result["response"].status_code == 200, result["response"].text
    assert result["response"].json()["features"] == []
    assert latencies and max(latencies) < 1.0


def test_extraction_pool_is_bounded(gaz, pipeline):
    """Concurrent requests share the configured number of worker processes."""
    before = {p.pid for p in multiprocessing.active_children()}
    app = create_app(gaz, extract_workers=1)
    peak = [0]
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            peak[0] = max(peak[0], len([p for p in multiprocessing.active_children()
                                        if p.pid not in before]))
            time.sleep(0.02)

    with TestClient(app) as client:
        watcher = threading.Thread(target=watch)
        watcher.start()
        responses = []
        threads = [threading.Thread(target=lambda i=i: responses.append(client.post(
            "/extract", json={"text": f"Troops clashed near Jenin on day {i}."})))
            for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        stop.set()
        watcher.join()
    assert [r.status_code for r in responses] == [200, 200, 200]
    assert peak[0] == 1


# -- /extract and /map with the real pipeline -------------------------------------------------


@pytest.fixture(scope="module")
def pipeline():
    try:
        import geoevents.pipeline  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"event pipeline not available yet ({exc})")


def test_extract_returns_events_and_places(client, pipeline, seed_text):
    response = client.post("/extract", json={"text": seed_text, "id": "seed",
                                             "published": "2023-10-07"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["type"] == "FeatureCollection"
    events = [f for f in body["features"] if f["properties"]["layer"] == "event"]
    places = [f for f in body["features"] if f["properties"]["layer"] == "place"]
    assert events and places
    for feature in events:
        assert feature["id"] == feature["properties"]["event_id"]
        assert all(not isinstance(v, (dict, list)) for v in feature["properties"].values())
        if feature["geometry"] is not None:
            lon, lat = feature["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert {f["id"] for f in places} >= {JENIN}
    assert all(f["id"] == f["properties"]["place_id"] for f in places)


def test_extract_documents_list(client, pipeline):
    body = client.post("/extract", json={"documents": [
        {"id": "a", "text": "An airstrike hit Khan Younis on Monday.", "published": "2024-01-08"},
        {"id": "b", "text": "Troops clashed near Jenin.", "published": "2024-01-09"},
    ]}).json()
    doc_ids = {f["properties"].get("doc_id") for f in body["features"]
               if f["properties"]["layer"] == "event"}
    assert doc_ids <= {"a", "b"}
    assert any(math.isfinite(f["geometry"]["coordinates"][0]) for f in body["features"]
               if f["geometry"])


def test_map_returns_html(client, pipeline, seed_text):
    try:
        import geoevents.maps  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"maps not available yet ({exc})")
    response = client.post("/map", json={"text": seed_text})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "<html" in response.text.lower() and "leaflet" in response.text.lower()


def test_api_docs_load_nothing_from_the_network(client):
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls and all(u.startswith(("/", "data:")) for u in urls), urls
    for url in urls:
        if url.startswith("/"):
            assert client.get(url).status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "geoevents"


def test_preloaded_extraction_workers_start_with_the_server(gaz, pipeline):
    """With ``preload_extraction`` the worker processes run before any request (and the
    first request is answered by one of them); by default none starts until a request."""
    lazy = create_app(gaz)
    with TestClient(lazy):
        assert lazy.state.extractor.pids == []
    app = create_app(gaz, preload_extraction=True)
    with TestClient(app) as client:
        started = app.state.extractor.pids
        assert len(started) == 1
        response = client.post("/extract", json={"text": "Shelling hit Gaza on Monday."})
        assert response.status_code == 200
        assert app.state.extractor.pids == started  # the same process, not a new one
    assert app.state.extractor.pids == []
