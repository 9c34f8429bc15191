"""A damaged or oddly named gazetteer file: clear GazetteerErrors, /status reports it,
geopy gets its own error types, and the caches stay bounded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from geopy.exc import GeocoderQueryError, GeocoderServiceError, GeopyError

from geoevents.errors import GazetteerError
from geoevents.gazetteer.names import normalize
from geoevents.gazetteer.schema import INDEXES, SCHEMA, SCHEMA_VERSION, fuzzy_block
from geoevents.gazetteer.store import Gazetteer
from geoevents.geopy import GazetteerGeocoder
from geoevents.server import create_app

N_PLACES = 3000


def build(path: Path) -> Path:
    """A gazetteer of N_PLACES villages "Village 0" … at distinct points."""
    con = sqlite3.connect(path)
    con.executescript(SCHEMA + INDEXES)
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
    for i in range(N_PLACES):
        name = f"Village {i}"
        con.execute("INSERT INTO places (rowid, id, name, lat, lon, feature_class, "
                    "feature_code, importance, source) VALUES (?, ?, ?, ?, ?, 'P', 'PPL', "
                    "0.3, 'test')", (i + 1, f"test:{i}", name, i / 100, i / 100))
        con.execute("INSERT INTO names VALUES (?, '', ?, 1)", (normalize(name), i + 1))
        con.execute("INSERT INTO fuzzy_names VALUES (?, ?)",
                    (fuzzy_block("vi", len(normalize(name))), normalize(name)))
    con.commit()
    con.close()
    return path


def damage(path: Path) -> None:
    """Overwrite the second half of the file's pages (the tables' leaves) with junk."""
    size = path.stat().st_size
    page = 4096
    start = (size // page // 2) * page
    with path.open("r+b") as handle:
        handle.seek(start)
        handle.write(b"\xa5" * (size - start))


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = build(tmp_path / "damaged.sqlite")
    damage(path)
    return path


def test_a_damaged_page_is_a_gazetteer_error_naming_file_and_remedy(damaged):
    gaz = Gazetteer(damaged)  # the first pages are intact: it opens
    with pytest.raises(GazetteerError) as info:
        for i in range(N_PLACES - 1, 0, -97):
            gaz.search(f"Village {i}")
    message = str(info.value)
    assert str(damaged) in message and "geoevents gazetteer build" in message
    assert isinstance(info.value.__cause__, sqlite3.DatabaseError)
    with pytest.raises(GazetteerError):
        gaz.check()  # remembered: /status reports it from now on


def test_status_reports_a_damaged_gazetteer(tmp_path):
    path = build(tmp_path / "g.sqlite")
    with TestClient(create_app(Gazetteer(path)), raise_server_exceptions=False) as client:
        assert client.get("/status").text == "OK"
        damage(path)  # while the server runs
        for i in range(N_PLACES - 1, 0, -97):
            client.get("/search", params={"q": f"Village {i}"})
        response = client.get("/status")
        assert response.status_code == 503 and "Database connection failed" in response.text
        assert client.get("/status", params={"format": "json"}).json()["status"] == 700


def test_geopy_gets_its_own_error_types(damaged, gaz):
    coder = GazetteerGeocoder(Gazetteer(damaged))
    with pytest.raises(GeocoderServiceError, match="not a readable gazetteer"):
        for i in range(N_PLACES - 1, 0, -97):
            coder.geocode(f"Village {i}")
    good = GazetteerGeocoder(gaz)
    for bad in ("", "x" * 400, 7, {"city": ["Moscow"]}, {"village": "x"}):
        with pytest.raises(GeocoderQueryError) as info:
            good.geocode(bad)
        assert isinstance(info.value, GeopyError)
    with pytest.raises(GeocoderQueryError, match="coordinate"):
        good.reverse("north of here")
    with pytest.raises(GeocoderQueryError, match="limit"):
        good.geocode("Gaza", exactly_one=False, limit=0)


@pytest.mark.parametrize("folder", ["a#b", "a?b", "a%20b", "a%b c"])
def test_uri_characters_in_the_path(tmp_path, folder):
    where = tmp_path / folder
    where.mkdir()
    path = build(where / "g.sqlite")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    gaz = Gazetteer(path)
    assert gaz.search("Village 7")[0].id == "test:7"
    gaz.close()
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # no stray files


def test_the_fuzzy_cache_is_bounded(tmp_path):
    gaz = Gazetteer(build(tmp_path / "g.sqlite"), cache_size=2)
    for query in ("Vilage 10", "Vilage 100", "Vilage 1000", "Villag 1"):
        gaz.search(query)
    info = gaz._fuzzy_block.cache_info()
    assert info.maxsize == 2 and info.currsize == 2 and info.misses > 2
