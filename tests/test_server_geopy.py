"""The real server (uvicorn on a free loopback port) used by the unmodified geopy
Nominatim client, as any script written for nominatim.openstreetmap.org would use it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from geopy.exc import GeocoderQueryError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from geoevents.server import create_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(gaz) -> Iterator[str]:
    """``host:port`` of a uvicorn server running the app in a background thread."""
    port = free_port()
    config = uvicorn.Config(create_app(gaz), host="127.0.0.1", port=port, log_level="warning",
                            access_log=False)
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not instance.started:
            assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        yield f"127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)
    assert not thread.is_alive()


@pytest.fixture(scope="module")
def nominatim(server: str) -> Nominatim:
    return Nominatim(domain=server, scheme="http", user_agent="geoevents-tests", timeout=10)


def test_geocode_jenin_is_the_west_bank_city(nominatim):
    location = nominatim.geocode("Jenin")
    assert location.raw["geoevents_id"] == "geonames:283506"
    assert abs(location.latitude - 32.46) < 0.05 and abs(location.longitude - 35.30) < 0.05
    assert "Palestinian Territory" in location.address
    details = nominatim.geocode("Jenin", addressdetails=True, language="en")
    assert details.raw["address"]["country_code"] == "ps"


def test_reverse_names_gaza(nominatim):
    location = nominatim.reverse("31.50, 34.47")
    assert location.raw["name"] == "Gaza"
    assert location.raw["address"]["city"] == "Gaza"
    assert location.raw["address"]["country_code"] == "ps"
    assert "Gaza" in location.address
    assert abs(location.latitude - 31.50) < 0.05 and abs(location.longitude - 34.47) < 0.05


def test_several_moscows_with_russia_first(nominatim):
    locations = nominatim.geocode("Moscow", exactly_one=False, addressdetails=True)
    moscows = [loc for loc in locations if loc.raw["name"] == "Moscow"]
    assert len(moscows) >= 3
    assert locations[0].raw["geoevents_id"] == "geonames:524901"
    assert locations[0].raw["address"]["country_code"] == "ru"
    assert {loc.raw["address"]["country_code"] for loc in moscows} >= {"ru", "us"}
    assert len(nominatim.geocode("Moscow", exactly_one=False, limit=3)) == 3


@pytest.mark.parametrize("query", [
    "Austin, TX", "Austin, US-TX, USA", {"city": "Austin", "state": "TX"},
    {"city": "Austin", "state": "Texas", "country": "USA"},
])
def test_query_forms_over_the_server_say_how_they_matched(nominatim, query):
    location = nominatim.geocode(query, addressdetails=True)
    assert location.raw["address"]["state"] == "Texas"
    assert location.raw["geoevents_match"] == "qualifier"


def test_structured_state_and_country_by_code(nominatim):
    state = nominatim.geocode({"state": "TX", "country": "US"})
    assert state.raw["name"] == "Texas" and state.raw["addresstype"] == "state"
    country = nominatim.geocode({"country": "USA"})
    assert country.raw["name"] == "United States" and country.raw["place_rank"] == 4
    assert nominatim.geocode("Jenin").raw["geoevents_match"] == "alias"  # "Janīn"
    assert "geoevents_match" not in nominatim.reverse("31.50, 34.47").raw


def test_rate_limiter_over_the_server(nominatim):
    geocode = RateLimiter(nominatim.geocode, min_delay_seconds=0.01, max_retries=0)
    names = ["Jenin", "Gaza", "Hebron", "Rafah", "Khan Younis", "Nablus", "Tel Aviv"]
    started = time.monotonic()
    locations = [geocode(name) for name in names]
    assert all(loc is not None for loc in locations)
    assert {loc.raw["geoevents_id"] for loc in locations[:2]} == {
        "geonames:283506", "geonames:281133"}
    assert time.monotonic() - started >= 0.01 * (len(names) - 1)
    reverse = RateLimiter(nominatim.reverse, min_delay_seconds=0)
    assert reverse((31.50, 34.47)).raw["name"] == "Gaza"


def test_geopy_options_pass_through(nominatim):
    idaho = nominatim.geocode({"city": "Moscow", "state": "Idaho"}, addressdetails=True)
    assert idaho.raw["address"]["country_code"] == "us"
    assert nominatim.geocode("Moscow", country_codes="us", addressdetails=True) \
        .raw["address"]["state"] == "Idaho"
    city = nominatim.geocode("Moscow", featuretype="city")
    assert city.raw["addresstype"] == "city"
    shape = nominatim.geocode("Gaza Strip", geometry="geojson", extratags=True,
                              namedetails=True)
    assert shape.raw["geojson"]["type"] in ("Polygon", "MultiPolygon")
    assert shape.raw["namedetails"]["name"] == "Gaza Strip"
    rafah = nominatim.geocode("Rafah", viewbox=[(31.26, 34.20), (31.29, 34.241)],
                              bounded=True, addressdetails=True)
    assert rafah.raw["address"]["country_code"] == "eg"
    assert nominatim.reverse((55.75, 37.62), zoom=3).raw["addresstype"] == "country"


def test_no_result_and_bad_input(nominatim):
    assert nominatim.geocode("Qqqxzzyqq Vvvwwq") is None
    assert nominatim.reverse("0, -30") is None  # open sea: "Unable to geocode"
    for bad in ("Jenin\x00", "x" * 400, " "):  # geopy maps our 400 to GeocoderQueryError
        with pytest.raises(GeocoderQueryError, match="400"):
            nominatim.geocode(bad)


def test_cli_serve_with_two_workers(tmp_path: Path, gaz):
    """``geoevents serve --workers 2`` answers on loopback and stops on SIGTERM."""
    port = free_port()
    cli = Path(sys.executable).with_name("geoevents")
    proc = subprocess.Popen(
        [str(cli), "serve", "--port", str(port), "--workers", "2", "--gazetteer",
         str(gaz.path), "--no-access-log"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2) as r:
                    assert r.read() == b"OK"
                    break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                assert time.monotonic() < deadline, "geoevents serve did not start"
                time.sleep(0.2)
        coder = Nominatim(domain=f"127.0.0.1:{port}", scheme="http", user_agent="tests")
        assert coder.geocode("Jenin").raw["geoevents_id"] == "geonames:283506"
    finally:
        proc.terminate()
        output = proc.communicate(timeout=30)[0].decode()
    assert "Uvicorn running on http://127.0.0.1" in output
    assert "Traceback" not in output
