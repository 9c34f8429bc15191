"""``geoevents gazetteer import-geonames``: a small dump in the exact GeoNames formats."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from geoevents.cli import main
from geoevents.errors import GazetteerError
from geoevents.gazetteer.geonames_dump import import_geonames
from geoevents.gazetteer.store import Gazetteer

# geoname table, 19 tab-separated columns: geonameid, name, asciiname, alternatenames,
# latitude, longitude, feature class, feature code, country code, cc2, admin1 code,
# admin2 code, admin3 code, admin4 code, population, elevation, dem, timezone, modified.
# The alternatenames column is not imported (alternateNamesV2 is): it lists "Engannim"
# and "Jenin" here, but only the second may become searchable.
GEONAMES = [
    "283506\tJanīn\tJanin\tDjenin,Dschenin,Dzhenin,Engannim,Janin,Janīn,Jenin,Jenine,Jinin,"
    "Jénine,gnyn,jnyn,Дженин,גנין,جنين\t32.45943\t35.30086\tP\tPPLA\tPS\t\tWE\t7828733\t\t\t"
    "34730\t\t178\tAsia/Hebron\t2023-01-24",
    "3097228\tJenin\tJenin\tGennin,Jenin\t52.69647\t15.09796\tP\tPPL\tPL\t\t76\t0808\t080805\t\t"
    "1100\t\t48\tEurope/Warsaw\t2010-10-30",
    "282615\tNablus\tNablus\tNablus,Naplouse,Shechem,نابلس\t32.22111\t35.25444\tP\tPPLA\tPS\t\t"
    "WE\t7870555\t\t\t130326\t\t570\tAsia/Hebron\t2023-01-24",
    "524901\tMoscow\tMoscow\tMOW,Maskva,Moscou,Moscow,Moskau,Moskva,Москва,موسكو\t55.75222\t"
    "37.61556\tP\tPPLC\tRU\t\t48\t\t\t\t10381222\t\t144\tEurope/Moscow\t2022-12-10",
    "5601538\tMoscow\tMoscow\tHog Heaven,Moscow,Moskva,Москва\t46.73239\t-117.00017\tP\tPPL\tUS\t"
    "\tID\t057\t\t\t25060\t786\t788\tAmerica/Los_Angeles\t2017-03-09",
    "5596512\tIdaho\tIdaho\tAidaho,Idaho,Айдахо\t44.50026\t-114.25118\tA\tADM1\tUS\t\tID\t\t\t\t"
    "1839106\t\t1662\tAmerica/Boise\t2022-06-16",
    "6254930\tPalestine\tPalestine\tPalestina,Palestine,فلسطين\t31.92157\t35.20329\tA\tPCLI\tPS"
    "\t\t00\t\t\t\t5483450\t\t783\tAsia/Hebron\t2023-01-24",
    "294640\tRoute 90\tRoute 90\t\t31.5\t35.4\tR\tRD\tIL\t\t00\t\t\t\t0\t\t-300\tAsia/Jerusalem\t"
    "2012-01-01",
    # malformed: 18 columns, and a latitude that is not a number
    "111\tShort Row\tShort Row\t\t10.0\t10.0\tP\tPPL\tXX\t\t\t\t\t\t5\t\t1\tUTC",
    "112\tBad Latitude\tBad Latitude\t\tnorth\t10.0\tP\tPPL\tXX\t\t\t\t\t\t5\t\t1\tUTC\t2020-01-01",
]

# alternateNamesV2: alternateNameId, geonameid, isolanguage, alternate name,
# isPreferredName, isShortName, isColloquial, isHistoric, from, to.
ALTERNATE_NAMES = [
    "1620\t283506\ten\tJenin\t1\t\t\t\t\t",
    "1621\t283506\tar\tجنين\t1\t\t\t\t\t",
    "1622\t283506\t\tJinin\t\t\t\t\t\t",
    "1623\t283506\the\tג'נין\t\t\t\t\t\t",
    "1624\t283506\t\tEngannim\t\t\t\t1\t\t",
    "1625\t283506\tlink\thttps://en.wikipedia.org/wiki/Jenin\t\t\t\t\t\t",
    "1626\t283506\twkdt\tQ192245\t\t\t\t\t\t",
    "1627\t524901\tru\tМосква\t1\t\t\t\t\t",
    "1628\t524901\tiata\tMOW\t\t\t\t\t\t",
    "1629\t282615\t\tJabal an-Nar\t\t\t1\t\t\t",
    "1630\t2017370\ten\tRussian Federation\t\t\t\t\t\t",
    "1631\t524894\ten\tGorod Moskva\t\t\t\t\t\t",
    "1632\t294640\ten\tHighway 90\t\t\t\t\t\t",
    "1633\t9999999\ten\tNowhere\t\t\t\t\t\t",
    # malformed: 9 columns, and a geonameid that is not a number
    "1634\t283506\ten\tJenine\t\t\t\t\t",
    "1635\tx\ten\tNowhere\t\t\t\t\t\t",
]

ADMIN1 = [
    "PS.GZ\tGaza Strip\tGaza Strip\t281132",
    "PS.WE\tWest Bank\tWest Bank\t285153",
    "PL.76\tLubusz\tLubusz\t3337494",
    "RU.48\tMoscow\tMoscow\t524894",
    "US.ID\tIdaho\tIdaho\t5596512",
]

COUNTRY_INFO = [
    "# GeoNames.org Country Information",
    "# ================================",
    "#",
    "# CountryCodes:",
    "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent\ttld"
    "\tCurrencyCode\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages\t"
    "geonameid\tneighbours\tEquivalentFipsCode",
    "PL\tPOL\t616\tPL\tPoland\tWarsaw\t312685\t37978548\tEU\t.pl\tPLN\tZloty\t48\t##-###\t"
    r"^\d{2}-\d{3}$" "\tpl\t798544\tDE,LT,SK,CZ,BY,UA,RU\t",
    "PS\tPSE\t275\tWE\tPalestinian Territory\tEast Jerusalem\t5970\t4569087\tAS\t.ps\tILS\t"
    "Shekel\t970\t\t\tar-PS\t6254930\tJO,IL,EG\tGZ,WE",
    "RU\tRUS\t643\tRS\tRussia\tMoscow\t17100000\t144478050\tEU\t.ru\tRUB\tRuble\t7\t######\t"
    r"^(\d{6})$" "\tru,tt,xal\t2017370\tGE,CN,BY,UA,KZ\t",
    "US\tUSA\t840\tUS\tUnited States\tWashington\t9629091\t327167434\tNA\t.us\tUSD\tDollar\t1\t"
    r"#####-####" "\t" r"^\d{5}(-\d{4})?$" "\ten-US,es-US\t6252001\tCA,MX,CU\t",
]


def _lines(rows: list[str]) -> str:
    return "".join(f"{row}\n" for row in rows)


def _zip(path: Path, member: str, text: str, method: int = zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        archive.writestr(member, text.encode("utf-8"))


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    folder = tmp_path / "dump"
    folder.mkdir()
    _zip(folder / "cities500.zip", "cities500.txt", _lines(GEONAMES))
    with zipfile.ZipFile(folder / "alternateNamesV2.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("alternateNamesV2.txt", _lines(ALTERNATE_NAMES).encode("utf-8"))
        archive.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tName\n")
    (folder / "admin1CodesASCII.txt").write_text(_lines(ADMIN1), encoding="utf-8")
    (folder / "countryInfo.txt").write_text(_lines(COUNTRY_INFO), encoding="utf-8")
    return folder


@pytest.fixture()
def imported(dump: Path, tmp_path: Path):
    out = tmp_path / "out" / "geonames.sqlite"
    report = import_geonames(dump, out, progress=False)
    return report, Gazetteer.open(out)


def _ids(gaz: Gazetteer, name: str) -> list[str]:
    return [p.id for p in gaz.search(name, fuzzy=False)]


def test_import_resolves_places_with_alternate_names_and_admin1(imported) -> None:
    report, gaz = imported
    jenin = gaz.search("Jenin")[0]
    assert (jenin.id, jenin.geonameid, jenin.name) == ("geonames:283506", 283506, "Janīn")
    assert (jenin.country_code, jenin.admin1, jenin.population) == ("PS", "West Bank", 34730)
    assert (jenin.feature_class, jenin.feature_code, jenin.source) == ("P", "PPLA", "geonames")
    assert jenin.lat == pytest.approx(32.45943) and jenin.lon == pytest.approx(35.30086)
    assert "geonames:3097228" in _ids(gaz, "Jenin")  # the Polish village is a candidate
    for name in ("جنين", "ג'נין", "Jinin"):
        assert _ids(gaz, name)[0] == "geonames:283506", name
    assert _ids(gaz, "Jabal an-Nar") == ["geonames:282615"]  # colloquial names are kept
    assert _ids(gaz, "Moscow")[0] == "geonames:524901"
    idaho = gaz.search("Moscow, Idaho")[0]
    assert (idaho.id, idaho.admin1, idaho.country_code) == ("geonames:5601538", "Idaho", "US")
    assert gaz.meta["source"] == "geonames-dump"
    # 7 table rows (not the road) + Poland, Russia, the US + 3 admin-1 divisions
    assert report.places == gaz.info()["places"] == 13
    assert gaz.info()["by_source"] == {"geonames": 13}


def test_historic_names_codes_links_and_unwanted_classes_are_left_out(imported) -> None:
    _, gaz = imported
    for name in ("Engannim", "MOW", "Q192245", "https://en.wikipedia.org/wiki/Jenin",
                 "Route 90", "Highway 90", "Nowhere"):
        assert _ids(gaz, name) == [], name
    assert gaz.get("geonames:294640") is None  # class R is not imported by default


def test_countries_get_natural_earth_shapes_and_missing_ones_are_added(imported) -> None:
    _, gaz = imported
    palestine = gaz.get("geonames:6254930")
    assert palestine is not None and palestine.geometry is not None
    assert _ids(gaz, "Palestinian Territory")[0] == "geonames:6254930"
    assert _ids(gaz, "PSE")[0] == "geonames:6254930"
    at_jenin = gaz.country_at(32.46, 35.30)
    assert at_jenin is not None and at_jenin.id == "geonames:6254930"
    # Russia is only in countryInfo.txt: added with its shape and its alternate names
    assert _ids(gaz, "Russian Federation") == ["geonames:2017370"]
    at_moscow = gaz.country_at(55.75, 37.62)
    assert at_moscow is not None and at_moscow.id == "geonames:2017370"
    assert at_moscow.feature_code == "PCLI" and at_moscow.population == 144478050


def test_missing_admin1_divisions_are_placed_at_their_places(imported) -> None:
    _, gaz = imported
    moscow_city = gaz.get("geonames:524894")
    assert moscow_city is not None and moscow_city.feature_code == "ADM1"
    assert moscow_city.lat == pytest.approx(55.75222) and moscow_city.country_code == "RU"
    assert _ids(gaz, "Gorod Moskva") == ["geonames:524894"]
    west_bank = gaz.get("geonames:285153")
    # the plain mean of its places (Jenin, Nablus), as the embedded build places divisions
    assert west_bank is not None
    assert west_bank.lat == pytest.approx((32.45943 + 32.22111) / 2)
    assert gaz.get("geonames:281132") is None  # Gaza Strip: no member places in the dump
    idaho = [p for p in gaz.search("Idaho", fuzzy=False) if p.feature_code == "ADM1"]
    assert [p.id for p in idaho] == ["geonames:5596512"]  # from the table, not added twice


def test_malformed_rows_are_skipped_and_counted(imported) -> None:
    report, gaz = imported
    assert report.skipped == {"cities500.txt": 2, "alternateNamesV2.txt": 2}
    assert report.alternate_names == 8  # of 14 well-formed rows: no historic/code/link rows
    assert _ids(gaz, "Short Row") == [] and _ids(gaz, "Bad Latitude") == []
    assert gaz.meta["skipped_rows"] == "alternateNamesV2.txt: 2, cities500.txt: 2"


def test_filters_population_classes_and_languages(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "filtered.sqlite"
    import_geonames(dump, out, min_population=30_000, languages=["en"], progress=False)
    gaz = Gazetteer.open(out)
    assert _ids(gaz, "Moscow") == ["geonames:524901", "geonames:524894"]  # Idaho's is gone
    assert gaz.get("geonames:5596512") is not None  # divisions are not population-filtered
    assert _ids(gaz, "Jenin") == ["geonames:283506"]
    assert _ids(gaz, "Jinin") == ["geonames:283506"]  # untagged names are kept
    assert _ids(gaz, "جنين") == [] and _ids(gaz, "Москва") == []

    only_p = tmp_path / "p.sqlite"
    import_geonames(dump, only_p, feature_classes=["P"], progress=False)
    gaz = Gazetteer.open(only_p)
    assert {r[0] for r in gaz._db.execute("SELECT DISTINCT feature_class FROM places")} == {"P"}
    assert gaz.country_at(55.75, 37.62) is None


def test_extracted_txt_files_are_read_too(dump: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(dump / "cities500.zip") as archive:
        archive.extract("cities500.txt", dump)
    (dump / "cities500.zip").unlink()
    report = import_geonames(dump, tmp_path / "txt.sqlite", progress=False)
    assert Gazetteer.open(report.path).search("Jenin")[0].id == "geonames:283506"


def test_allcountries_is_preferred_over_cities(dump: Path, tmp_path: Path) -> None:
    _zip(dump / "allCountries.zip", "allCountries.txt", _lines(GEONAMES[5:7]))
    report = import_geonames(dump, tmp_path / "all.sqlite", progress=False)
    gaz = Gazetteer.open(report.path)
    assert gaz.meta["places_file"] == "allCountries.zip"
    assert gaz.get("geonames:283506") is None and gaz.get("geonames:5596512") is not None


def test_cli_imports_and_says_how_to_use_the_file(dump: Path, tmp_path: Path,
                                                  capsys, monkeypatch) -> None:
    monkeypatch.setenv("GEOEVENTS_GAZETTEER", str(tmp_path / "cache" / "gazetteer-v1.sqlite"))
    main(["gazetteer", "import-geonames", str(dump), "--languages", "en,ar", "--quiet"])
    out = tmp_path / "cache" / "geonames.sqlite"
    err = capsys.readouterr().err
    assert f"gazetteer ready: {out}" in err
    assert "skipped 4 malformed rows (alternateNamesV2.txt 2, cities500.txt 2)" in err
    assert f"GEOEVENTS_GAZETTEER={out}" in err and f"--gazetteer {out}" in err
    gaz = Gazetteer.open(out)
    assert gaz.search("جنين")[0].id == "geonames:283506"
    assert _ids(gaz, "Москва") == [] and gaz.meta["languages"] == "ar,en"


def test_progress_bar_goes_to_stderr(dump: Path, tmp_path: Path, capsys) -> None:
    import_geonames(dump, tmp_path / "bar.sqlite", progress=True)
    captured = capsys.readouterr()
    assert "writing cities500.txt" in captured.err and captured.out == ""


def _cli_error(args: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(["gazetteer", "import-geonames", *args, "--quiet"])
    assert exit_info.value.code not in (0, None)
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.startswith("geoevents: error: ")
    assert err.count("\n") == 1
    return err


def test_cli_missing_file_or_folder_is_one_clear_error(dump: Path, tmp_path: Path,
                                                       capsys) -> None:
    (dump / "admin1CodesASCII.txt").unlink()
    (dump / "cities500.zip").unlink()
    err = _cli_error([str(dump), "-o", str(tmp_path / "x.sqlite")], capsys)
    assert "allCountries.zip (or cities500.zip" in err and "admin1CodesASCII.txt" in err
    assert "download.geonames.org" in err
    err = _cli_error([str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.sqlite")], capsys)
    assert "is not a folder" in err
    assert not (tmp_path / "x.sqlite").exists()


def test_cli_rejects_unknown_feature_class(dump: Path, tmp_path: Path, capsys) -> None:
    err = _cli_error([str(dump), "-o", str(tmp_path / "x.sqlite"), "--feature-classes", "P,Q"],
                     capsys)
    assert "unknown GeoNames feature class 'Q'" in err


def _previous(tmp_path: Path, dump: Path) -> tuple[Path, bytes]:
    out = tmp_path / "keep" / "geonames.sqlite"
    import_geonames(dump, out, progress=False)
    return out, out.read_bytes()


def test_corrupt_zip_leaves_the_previous_gazetteer_intact(dump: Path, tmp_path: Path,
                                                          capsys) -> None:
    out, before = _previous(tmp_path, dump)
    (dump / "cities500.zip").write_bytes(b"PK\x03\x04 this is not a zip archive")
    err = _cli_error([str(dump), "-o", str(out)], capsys)
    assert "cities500.zip is not a readable zip archive" in err
    assert out.read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["geonames.sqlite"]


def test_damaged_data_mid_import_rolls_back(dump: Path, tmp_path: Path, capsys) -> None:
    """A CRC error surfaces only at the end of the stream, after writing has begun."""
    out, before = _previous(tmp_path, dump)
    _zip(dump / "alternateNamesV2.zip", "alternateNamesV2.txt", _lines(ALTERNATE_NAMES),
         zipfile.ZIP_STORED)
    data = (dump / "alternateNamesV2.zip").read_bytes()
    assert data.count(b"Jabal") == 1
    (dump / "alternateNamesV2.zip").write_bytes(data.replace(b"Jabal", b"Jebel"))
    err = _cli_error([str(dump), "-o", str(out)], capsys)
    assert "alternateNamesV2.zip" in err and "damaged or truncated" in err
    assert out.read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["geonames.sqlite"]
    Gazetteer.open(out).close()


def test_unwritable_output_is_a_gazetteer_error(dump: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(GazetteerError, match="cannot write the gazetteer"):
        import_geonames(dump, blocker / "geonames.sqlite", progress=False)
