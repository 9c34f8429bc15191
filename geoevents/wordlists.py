"""The word lists and small tables of the toponym and event-location stages.

Every list is defined once, in ``geoevents/data/`` — ``wordlists.json`` (with a note on
what each list is for), ``demonyms.csv`` and ``abbreviations.csv`` — and read here, once
per process. Modules take their lists from this one rather than from each other.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any


def _data_text(name: str) -> str:
    return files("geoevents.data").joinpath(name).read_text(encoding="utf-8")


@cache
def _lists() -> dict[str, dict]:
    data = json.loads(_data_text("wordlists.json"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def words(name: str) -> frozenset[str]:
    """The list ``name`` of ``wordlists.json`` (its words, or the keys of its table)."""
    entry = _lists()[name]
    return frozenset(entry["words"] if "words" in entry else entry["values"])


def table(name: str) -> dict[str, Any]:
    """The table ``name`` of ``wordlists.json`` (word -> value)."""
    return dict(_lists()[name]["values"])


ARABIC_ARTICLES = words("arabic_articles")
COMPASS_POINTS = words("compass_points")
COMPASS_BEARINGS: dict[str, float] = {k: float(v) for k, v in table("compass_points").items()}
COMPASS_ADJECTIVES = words("compass_adjectives")
DISTANCE_UNITS: dict[str, float] = {k: float(v) for k, v in table("distance_units").items()}
PERSONAL_TITLES = words("personal_titles")
LOCATIVE_PREPOSITIONS = words("locative_prepositions")
STATIC_LOCATIVES = words("static_locatives")
PATH_PREPOSITIONS = words("path_prepositions")
RELATIVE_HEADS = words("relative_heads")
SURROUNDINGS = words("surroundings")
BORDER_WORDS = words("border_words")
STREET_WORDS = words("street_words")
CIVIC_WORDS = words("civic_words")
DISEASE_WORDS = words("disease_words")
PLACE_WORDS = words("place_words") | STREET_WORDS
SETTLEMENT_NOUNS = words("settlement_nouns")
DIVISION_NOUNS: dict[str, str] = {k: str(v) for k, v in table("division_nouns").items()}
ROUTE_NOUNS = words("route_nouns")
ARABIC_PLACE_HEADS = words("arabic_place_heads")
SITE_NOUNS = words("site_nouns")
MUNICIPAL_BODIES = words("municipal_bodies")
RESIDENT_NOUNS = words("resident_nouns")
SPORT_WORDS = words("sport_words")
SPORT_REAL_HARM = words("sport_real_harm")
DELIBERATE_ADVERBS = words("deliberate_adverbs")
KNOWN_DOERS = words("known_doers")
CARE_VERBS = words("care_verbs")
CARE_PLACES = words("care_places")
NEWSGATHERING_VERBS = words("newsgathering_verbs")
COLLISION_VERBS = words("collision_verbs")
ROAD_VEHICLES = words("road_vehicles")
FEAST_NAMES = words("feast_names")
ORGANISATION_WORDS = words("organisation_words")
GROUP_HEADS = words("group_heads")
ARABIC_GROUP_HEADS = words("arabic_group_heads")
GROUP_PROVINCE_NAMES = words("group_province_names")
BODY_ACRONYMS = words("body_acronyms")
TERRITORIAL_VERB_STEMS = tuple(sorted(words("territorial_verb_stems")))
ASSAULT_VERB_STEMS = tuple(sorted(words("assault_verb_stems")))
DASHES = words("dashes")
POSSESSIVE_ENDINGS = tuple(sorted(words("possessive_endings")))
DIVISION_PLURALS: dict[str, str] = {k: str(v) for k, v in table("division_plurals").items()}
NAME_TAILS = words("name_tails") | frozenset(DIVISION_NOUNS)
NAMED_AFTER_WORDS = words("named_after_words")
FEATURE_NOUNS = words("feature_nouns")
QUARTER_NOUNS = words("quarter_nouns")
PLACE_OF_HEADS = words("place_of_heads")
APPOSITION_NOUNS = words("apposition_nouns")
ASSAULT_NOUNS = words("assault_nouns")


@dataclass(frozen=True)
class Demonym:
    """A demonym entry: the place it stands for (a country code or a name to look up)."""

    form: str
    place: str
    country: str | None


@dataclass(frozen=True)
class Abbreviation:
    """A news abbreviation of a place name ("Calif.", "U.S.", "NSW")."""

    form: str
    name: str
    country: str
    qualifier_only: bool


def _csv_rows(name: str) -> Iterator[dict[str, str]]:
    lines = [line for line in _data_text(name).splitlines()
             if line and not line.startswith("#")]
    yield from csv.DictReader(lines)


def word_tokens(text: str) -> tuple[str, ...]:
    """``text`` as word and punctuation tokens ("Sri Lankan" -> ("Sri", "Lankan"))."""
    return tuple(re.findall(r"\w+|[^\w\s]", text))


@cache
def demonyms() -> dict[tuple[str, ...], Demonym]:
    """Demonym forms of ``demonyms.csv`` keyed by their token tuple ("Sri", "Lankan")."""
    out: dict[tuple[str, ...], Demonym] = {}
    for row in _csv_rows("demonyms.csv"):
        for form in row["forms"].split("|"):
            form = form.strip()
            if form:
                out[word_tokens(form)] = Demonym(form, row["place"],
                                                 row["country_code"] or None)
    return out


@cache
def abbreviations() -> dict[str, list[Abbreviation]]:
    """Abbreviations of ``abbreviations.csv`` keyed by their exact form."""
    out: dict[str, list[Abbreviation]] = {}
    for row in _csv_rows("abbreviations.csv"):
        entry = Abbreviation(row["abbreviation"], row["name"], row["country_code"],
                             row["qualifier_only"] == "1")
        out.setdefault(entry.form, []).append(entry)
    return out
