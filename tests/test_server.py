"""The HTTP API in-process (TestClient): Nominatim's formats and fields, errors, limits,
hostile input, the API key, and /extract and /map."""

from __future__ import annotations

import asyncio
import math
import re
import threading
from typing import Any

import pytest
import shapely
from fastapi.testclient import TestClient

from geoevents.server import create_app, nominatim
from geoevents.server import extract as extract_module

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


HOSTILE = [
    "' OR 1=1 --",
    "\"; DROP TABLE places; --",
    "Jenin') UNION SELECT sql FROM sqlite_master --",
    "<script>alert(1)</script>",
    "%", "_", "*", "\\", "..%2f..%2fetc%2fpasswd", "../../etc/passwd",
    "\x00", "Jenin\x00", "\u202eniné\u202c", "\ufeff", "😀" * 50, "a\u0301" * 140,
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "{{7*7}}", "${jndi:ldap://x}", " " * 50, "\n\r\t", "x" * 5000,
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("param", ["q", "city", "state", "country", "countrycodes",
                                   "viewbox", "exclude_place_ids", "accept-language"])
def test_hostile_search_input_never_errors_500(client, param, value):
    params = {param: value}
    if param not in ("q", "city", "state", "country"):
        params["q"] = "Jenin"
    response = client.get("/search", params=params)
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert_error(response, 400)
    else:
        assert isinstance(response.json(), list)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_lookup_and_reverse_input(client, value):
    assert client.get("/lookup", params={"osm_ids": value}).status_code in (200, 400)
    assert_error(client.get("/reverse", params={"lat": value, "lon": value}), 400)


def test_injection_leaves_the_gazetteer_intact(client):
    for value in HOSTILE[:3]:
        assert isinstance(get(client, "/search", q=value), list)
    assert get(client, "/search", q="Jenin", limit=1)[0]["geoevents_id"] == JENIN
    body = get(client, "/search", q="<script>alert(1)</script>", format="geocodejson")
    assert body["geocoding"]["query"] == "<script>alert(1)</script>"  # JSON, not HTML


def test_raw_invalid_query_strings(client):
    for raw in ("q=%ff%fe", "q=%00", "q=%", "q=Jenin&limit=1&limit=2", "lat=1e999&lon=0",
                "q=" + "%41" * 400):
        response = client.get(f"/search?{raw}")
        assert response.status_code in (200, 400), (raw, response.text)


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
    ({"text": "a\x00b"}, ("NUL",)),
    ({"text": "a", "published": "yesterday"}, ("ISO 8601",)),
    ({"documents": [{"id": "1"}]}, ("missing", "text")),
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


@pytest.mark.parametrize("body", [
    b"[" * 400_000,  # nesting deeper than the JSON parser's recursion limit
    b'{"text": "\xff\xfe"}',  # not UTF-8
    b'{"text": "a\x01b"}',  # a raw control character
    b'{"text": "\\ud800 lone surrogate"}',
    b'{"text": "a", "id": "\\udfff"}',
])
def test_extract_hostile_bodies_are_client_errors(client, body):
    response = client.post("/extract", content=body,
                           headers={"Content-Type": "application/json"})
    assert_error(response, response.status_code)
    assert response.status_code in (400, 422)
    if b"\\ud" in body:
        assert "unicode" in response.json()["error"]["message"].lower()


def test_extract_time_budget(gaz, monkeypatch):
    """A request over its budget gets 503 and the abandoned work stops."""
    stopped = threading.Event()

    def slow(items, stop):
        stop.wait(5)
        stopped.set()
        raise RuntimeError("abandoned")

    monkeypatch.setattr(extract_module, "_check_available", lambda: None)
    monkeypatch.setattr(extract_module, "_parse_all", slow)
    with TestClient(create_app(gaz, extract_timeout_s=0.2)) as client:
        response = client.post("/extract", json={"text": "Shelling in Gaza."})
        assert_error(response, 503, "0.2 s time budget")
    assert stopped.wait(2)


def test_extractor_runs_requests_one_at_a_time(monkeypatch):
    monkeypatch.setattr(extract_module, "_check_available", lambda: None)
    extractor = extract_module.Extractor(timeout_s=5)
    running, peak = [0], [0]
    lock = threading.Lock()

    def work(_stop):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        threading.Event().wait(0.05)
        with lock:
            running[0] -= 1
        return True

    async def main():
        return await asyncio.gather(*(extractor._run(work) for _ in range(4)))

    try:
        assert asyncio.run(main()) == [True] * 4
    finally:
        extractor.close()
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
