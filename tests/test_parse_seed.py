"""The seed article's done criteria: the places an analyst expects, resolved right."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def seed_doc(gaz, seed_text):
    from geoevents import parse

    return parse(seed_text)


def resolved(doc, text: str, kind: str = "name") -> set[str]:
    return {t.place.id for t in doc.toponyms
            if t.text == text and t.kind == kind and t.place is not None}


def test_jenin_is_the_west_bank_city(seed_doc):
    jenin = [t for t in seed_doc.toponyms if t.text == "Jenin" and t.kind == "name"]
    assert len(jenin) == 4
    assert {(t.place.country_code, t.place.feature_class) for t in jenin} == {("PS", "P")}
    assert all(abs(t.place.lat - 32.46) < 0.1 and abs(t.place.lon - 35.30) < 0.1 for t in jenin)


def test_gaza_strip_is_the_territory(seed_doc, gaz):
    strip = resolved(seed_doc, "Gaza Strip")
    assert len(strip) == 1
    place = gaz.get(strip.pop())
    assert place.country_code == "PS" and place.feature_class == "A"


def test_gaza_follows_the_strip_named_in_the_text(seed_doc):
    assert resolved(seed_doc, "Gaza") == resolved(seed_doc, "Gaza Strip")


def test_border_with_egypt_is_the_egypt_israel_border(seed_doc):
    borders = [t for t in seed_doc.toponyms if t.kind == "border" and "Egypt" in t.text]
    assert [(t.text, t.place.id) for t in borders] == [("border with Egypt", "ne:border:EG-IL")]
    assert borders[0].place.geometry.geom_type in ("LineString", "MultiLineString")


@pytest.mark.parametrize("name, code", [
    ("Israel", "IL"), ("Palestine", "PS"), ("Iran", "IR"), ("Egypt", "EG"),
])
def test_countries_resolve_to_the_countries(seed_doc, gaz, name, code):
    ids = resolved(seed_doc, name)
    assert len(ids) == 1
    country = gaz.get(ids.pop())
    assert country.country_code == code and country.feature_code.startswith("PCL")


def test_moscow_is_russias_capital(seed_doc, gaz):
    [moscow] = resolved(seed_doc, "Moscow")
    assert gaz.get(moscow).feature_code == "PPLC" and gaz.get(moscow).country_code == "RU"


def test_middle_east_and_africa(seed_doc, gaz):
    [middle_east] = resolved(seed_doc, "Middle East")
    [africa] = resolved(seed_doc, "Africa")
    assert gaz.get(middle_east).feature_code == "RGN"
    assert gaz.get(africa).feature_code == "CONT"


def test_demonyms_point_to_their_countries(seed_doc):
    assert resolved(seed_doc, "Israeli", "demonym") == resolved(seed_doc, "Israel")
    assert resolved(seed_doc, "Palestinian", "demonym") == resolved(seed_doc, "Palestine")


def test_cli_parse_json(seed_path, capsys, gaz):
    from geoevents.cli import main

    main(["parse", str(seed_path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    spans = {(t["text"], t["kind"]): t for t in data["toponyms"]}
    assert spans[("border with Egypt", "border")]["place"]["id"] == "ne:border:EG-IL"
    text = seed_path.read_text(encoding="utf-8")
    assert all(text[t["start"]:t["end"]] == t["text"] for t in data["toponyms"])
