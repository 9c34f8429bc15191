"""Candidate generation: the gazetteer places a mention may refer to.

Names are looked up exactly, then transliteration-tolerantly (the gazetteer's skeleton
key), then fuzzily; upper-case datelines are title-cased, news abbreviations ("Calif.",
"U.S.", "NSW") expanded, and demonyms mapped to their country or region. Results are
cached per name (up to :data:`CACHE_SIZE` names, least recently used dropped first), so a
corpus pays for each distinct name once and a long-running server stays bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from geoevents.errors import QueryError
from geoevents.gazetteer.names import normalize, same_but_articles
from geoevents.gazetteer.query import alpha3_codes
from geoevents.gazetteer.store import COUNTRY_CODES
from geoevents.geodesy import distance_km
from geoevents.resolve.acceptance import is_loose
from geoevents.wordlists import (
    COMPASS_ADJECTIVES,
    COMPASS_POINTS,
    DIVISION_NOUNS,
    NAME_TAILS,
    NAMED_AFTER_WORDS,
    PLACE_WORDS,
    POSSESSIVE_ENDINGS,
    abbreviations,
    demonyms,
    word_tokens,
)

if TYPE_CHECKING:
    from geoevents.gazetteer.store import Gazetteer, Match
    from geoevents.model import Place
    from geoevents.recognise import Mention

DEFAULT_LIMIT = 30  # candidates asked of the gazetteer per name
CACHE_SIZE = 20_000  # distinct names whose candidates one generator keeps (~35 MB)
# :func:`~geoevents.gazetteer.names.normalize` of the place and division names the
# resolver compares in every document (the same few recur), cached
normalized = lru_cache(maxsize=8192)(normalize)


@dataclass(frozen=True)
class Candidate:
    """A place a mention may refer to, with how its name matched."""

    place: Place
    match: str  # exact | skeleton | generic | fuzzy | abbreviation | demonym | part
    similarity: float
    primary: bool
    prior: float  # the gazetteer's score: importance adjusted for the kind of match
    name: str = ""  # the place's name (normalised) that matched


# division nouns that name an area larger than a town, never one of its quarters
ABOVE_TOWN_NOUNS = frozenset({"province", "provinces", "governorate", "governorates",
                              "state", "oblast", "region", "regions", "prefecture",
                              "county"})


# a city this many times more populous than every division of its name, none of them
# within :data:`CITY_AREA_KM` of it, is what "the X region" or "the X area" is around
_CITY_AREA_RATIO = 5
CITY_AREA_KM = 100.0


def _city_area(found: tuple[Candidate, ...], divisions: tuple[Candidate, ...]) -> bool:
    """Whether a division noun after a name speaks of a big city's surroundings, not of
    a division: "the Houston region" is around Houston, Texas, not Houston County,
    Georgia. It does when the name's most populous settlement dwarfs every division so
    named and none lies near it ("the Donetsk region" is Donetsk's own oblast)."""
    towns = [c.place for c in found if c.place.feature_class == "P" and c.match == "exact"]
    if not towns or not divisions:
        return False
    city = max(towns, key=lambda p: p.population)
    return all(city.population >= _CITY_AREA_RATIO * max(d.place.population, 1) and
               distance_km(city.lat, city.lon, d.place.lat, d.place.lon) > CITY_AREA_KM
               for d in divisions)


class CandidateGenerator:
    """Looks up mentions in a gazetteer; one instance caches across documents."""

    def __init__(self, gazetteer: Gazetteer, *, limit: int = DEFAULT_LIMIT,
                 cache_size: int = CACHE_SIZE) -> None:
        self.gaz = gazetteer
        self.limit = limit
        self._abbreviations = abbreviations()
        self.for_name = lru_cache(maxsize=cache_size)(self._for_name)
        self._demonym = lru_cache(maxsize=cache_size)(self._demonym_candidates)
        self._named = lru_cache(maxsize=cache_size)(self._name_candidates)

    def __call__(self, mention: Mention) -> list[Candidate]:
        if mention.kind == "demonym":
            return list(self._demonym(mention.lookup, mention.country))
        return list(self._named(mention.lookup, mention.text,
                                getattr(mention, "feature_class", None)))

    def _name_candidates(self, lookup: str, text: str,
                         wanted: str | None) -> tuple[Candidate, ...]:
        """The candidates of a name mention (cached: they depend on these three only)."""
        found = self.for_name(lookup or text)
        if not found and lookup and lookup != text:
            found = self.for_name(text)
        if all(is_loose(c) for c in found):
            found = self._in_demonym_country(lookup or text) or found
        words = (lookup or text).split()
        if all(c.match == "fuzzy" for c in found) and len(words) > 1 and \
                words[-1].lower() in DIVISION_NOUNS:
            # "Maysan province", "Okha village": the name without its noun (not a fuzzy
            # match of the whole: "Hama province" is not Hatay)
            found = self.for_name(" ".join(words[:-1])) or found
            wanted = wanted or DIVISION_NOUNS[words[-1].lower()] or None
        if wanted and lookup and lookup != text and not any(
                c.place.feature_class == wanted for c in found):
            # "the Deir Ezzor Governorate": the division the bare name misses ("Deir
            # Ezzor" finds the city only) may carry the name as written
            whole = tuple(c for c in self.for_name(text) if c.place.feature_class == wanted)
            found = whole or found
        if wanted:  # "Biu district": the division; "Okha village": the settlement
            # with no such reading, a province is never a town's quarter ("Salahuddin
            # province" is not Aleppo's Salaheddine), though a city's district may be
            # ("Yaqshid district" of Mogadishu)
            above = words[-1].lower() in ABOVE_TOWN_NOUNS
            kept = tuple(c for c in found if c.place.feature_class == wanted
                         and c.match != "fuzzy")
            if wanted == "A" and _city_area(found, kept):
                return tuple(_seats_over_divisions(found))
            return kept or tuple(
                c for c in found if not (above and c.place.feature_code == "PPLX"))
        return tuple(_seats_over_divisions(found))

    def _in_demonym_country(self, name: str) -> tuple[Candidate, ...]:
        """A name the gazetteer lacks that opens with a country's demonym names the place
        of the rest in that country ("Indian Kashmir": Jammu and Kashmir, not the
        Kashmir region; "Pakistani Punjab", "Syrian Golan"): the rest's exact readings
        there, none when it has none there ("Turkish Cyprus" stays unknown)."""
        words = name.split()
        for n in (1, 2):  # "Indian", "Sri Lankan"
            entry = demonyms().get(word_tokens(" ".join(words[:n])))
            if entry is not None and entry.country and len(words) > n:
                return tuple(c for c in self.for_name(" ".join(words[n:]))
                             if c.match == "exact" and c.place.country_code == entry.country)
        return ()

    def _for_name(self, name: str) -> tuple[Candidate, ...]:
        """Candidates for a place name, best prior first (cached as :meth:`for_name`)."""
        return tuple(self._name(name))

    def _name(self, name: str) -> list[Candidate]:
        text = name.strip().rstrip(",;:")
        entries = self._abbreviations.get(text)
        if not entries and "." in text and text[-1:].isalpha():
            entries = self._abbreviations.get(text + ".")  # "N.Y" for "N.Y."
        if entries:
            out: list[Candidate] = []
            for entry in entries:
                out.extend(self._query(entry.name, entry.country, "abbreviation"))
            if out:
                return sorted(out, key=lambda c: -c.prior)
        variants = [text]
        if text.isupper() and len(text) > 3:
            variants.append(text.title())  # datelines: "BOWLING GREEN"
        if text.endswith("."):
            variants.append(text[:-1])
        loose: list[Candidate] = []
        for variant in variants:
            found = self._query(variant, None, None)
            if found and not all(is_loose(c) for c in found):
                return self._with_expanded(variant, found)
            loose = loose or found
        # only loose hits (another spelling, a longer name) or none: the spellings news
        # use for the name may be an exact name ("St. Marc": Saint-Marc, not St Mary)
        for variant in _spelling_variants(text):
            found = self._query(variant, None, None, fuzzy=False)
            if found and not (loose and all(is_loose(c) for c in found)):
                return found
        # a similar spelling of the whole name is a guess at a typo; a compass word
        # before a town's exact name ("North Dallas", not Dallesport) names a part of
        # that town, and comes first (a lake or river named after a town may lie far
        # from it, so a look-alike still goes before those)
        town = named_after(text)
        if loose and not (town is not None and _compass_part(text)
                          and all(c.match == "fuzzy" for c in loose)):
            return loose
        if town is not None:
            found = [replace(c, match="part") for c in self.for_name(town)
                     if not is_loose(c) and _named_after_kind(c, text)]
            if found:
                return found
        if loose:
            return loose
        for stem in inhabitant_stems(text):
            found = [c for c in self._query(stem, None, "demonym", fuzzy=False)
                     if c.place.feature_class in ("P", "A") and c.primary]
            if found:
                return found
        return []

    def _with_expanded(self, name: str, found: list[Candidate]) -> list[Candidate]:
        """The hits of a name with an abbreviated generic word ("Mt. Pleasant", "Ft.
        Worth") and the exact hits of its spelled-out form: a gazetteer holds the
        abbreviation as an alternate name of only some of the places so called. (Not for
        "St.": news write it for the saint of places named after one, "St. Cloud", whose
        spelled-out namesakes abroad, Saint-Cloud, France, they mean less often.)"""
        expanded = _expanded(name, saints=False)
        if expanded is None:
            return found
        known = {c.place.id for c in found}
        more = [c for c in self._query(expanded, None, None, fuzzy=False)
                if c.match == "exact" and c.place.id not in known]
        if not more:
            return found
        return sorted([*found, *more], key=lambda c: -c.prior)[:self.limit]

    def _demonym_candidates(self, place: str, country: str | None) -> tuple[Candidate, ...]:
        hits = self._query(place, country, "demonym", fuzzy=False)
        if country:
            hits = [c for c in hits if c.place.feature_code in COUNTRY_CODES] or hits
        return tuple(hits[:3])

    def _query(self, name: str, country: str | None, match: str | None, *,
               fuzzy: bool = True) -> list[Candidate]:
        try:
            hits = self.gaz.matches(name, country=country, limit=self.limit, fuzzy=fuzzy)
        except QueryError:
            return []
        capitals, generic = name.isupper(), _generic_only(name)
        return [Candidate(h.place, match or _kind(name, h), h.similarity, h.primary, h.score,
                          h.name) for h in hits if (capitals or not _by_code(h))
                and not (generic and not (h.kind == "exact" and h.primary))]


def _generic_only(name: str) -> bool:
    """Whether a name is only generic words ("City", "State", "County"): such a name is
    a reading only of a place whose own name it is, not of one that carries it as a
    shortened or alternate name ("City Airport", "State Airport")."""
    words = normalize(name).split()
    return bool(words) and all(w in PLACE_WORDS or w in NAME_TAILS for w in words)


def _by_code(hit: Match) -> bool:
    """Whether a country matched by its ISO 3166-1 alpha-3 code, which the gazetteer
    holds as a name: in text only a code in capitals is one ("the Sur area" is no
    mention of Suriname, SUR)."""
    place = hit.place
    return place.feature_code in COUNTRY_CODES and \
        hit.name == alpha3_codes().get(place.country_code or "", "").lower()


def _kind(query: str, hit: Match) -> str:
    """How a hit matched; a transliteration hit that differs only in the spelling of its
    Arabic articles ("Al-Rai" for Ar Rā‘ī) is the same name, an exact match."""
    if hit.kind == "skeleton" and same_but_articles(query, hit.name):
        return "exact"
    return hit.kind


def _seats_over_divisions(found: tuple[Candidate, ...]) -> list[Candidate]:
    """Without a division word, a name that only another name of a first-level division
    shares with a town inside it ("Mykolaiv": Mykolaivska oblast and the city of
    Mykolayiv) is the town: news call the division "X oblast/province/region"."""
    towns = {(c.place.country_code, normalized(c.place.admin1 or "")) for c in found
             if c.place.feature_class == "P" and c.match in ("exact", "skeleton")}
    return [c for c in found if not (
        c.place.feature_code == "ADM1" and not c.primary
        and (c.place.country_code, normalized(c.place.name)) in towns)]


def _spelling_variants(name: str) -> list[str]:
    """Other spellings news use for the same name, tried when the name itself is unknown:
    an article after "of" ("Republic of Congo" / "Republic of the Congo"), "St." for
    "Saint", "Greater X" for the metropolitan area of X (placed at X), "Town of X" (and
    city, village, borough, township) for X, and abbreviated generic words ("Co.",
    "Twp.", "Mt.", "Ft."). A name given with the words
    around it (:func:`_bare`: "the U.S.", "Quebec's", "the Dallas area") is tried bare,
    and so are that bare name's own variants."""
    bare = _bare(name)
    if bare is not None:
        return [bare, *_spelling_variants(bare)]
    out: list[str] = []
    words = name.split()
    if " of " in name and " of the " not in name:
        out.append(name.replace(" of ", " of the ", 1))
    elif " of the " in name:
        out.append(name.replace(" of the ", " of ", 1))
    if len(words) > 1 and words[0] in ("Greater", "greater"):
        out.append(" ".join(words[1:]))
    if len(words) > 2 and words[1] == "of" and words[0].lower() in _MUNICIPALITY_WORDS:
        out.append(" ".join(words[2:]))  # "Town of Groton", "City of Lancaster"
    expanded = _expanded(name)
    if expanded is not None:
        out.append(expanded)
    return out


# the words after a town's name that make it the town with its surroundings ("the Dallas
# area", "the Houston metro area", "Atlanta-area"), placed at the town as "Greater X" is
_AREA_WORDS = ("metropolitan area", "metro area", "area")


def _bare(name: str) -> str | None:
    """``name`` without the words a caller's span may hold around a place name, or None
    when it holds none: a leading article ("the U.S.", "the Houston region": the
    gazetteer's names that take one, "The Hague", are found before this is tried), a
    possessive ending ("Quebec's", "Kansas’s"; "Texas'"), and an area word after it
    ("the Dallas area", "Atlanta-area")."""
    text = name
    words = text.split()
    if len(words) > 1 and words[0] in ("the", "The"):
        text = " ".join(words[1:])
    ending = next((e for e in POSSESSIVE_ENDINGS if text.endswith(e)), None)
    if ending is not None and len(text) > len(ending) + 1:
        text = text[: -len(ending)]
    # lower-case: "Bay Area" is a name
    tail = next((t for t in _AREA_WORDS if text.endswith((" " + t, "-" + t))
                 and len(text) > len(t) + 2), None)
    if tail is not None:
        text = text[: -len(tail) - 1]
    text = text.strip()
    named = any(w[:1].isupper() for w in text.split())  # not "the area"
    return text if named and text != name else None


def _expanded(name: str, *, saints: bool = True) -> str | None:
    """The name with its abbreviated words spelled out ("Mt. Pleasant": "Mount Pleasant",
    "St. Marc": "Saint Marc"; only a leading "St." is a saint: a trailing one, a street,
    stays as written), or None when it has none; with ``saints=False`` only generic words
    ("Mt.", "Co.")."""
    words = name.split()
    expanded = [_WORD_ABBREVIATIONS.get(w, w) for w in words]
    if saints and len(words) > 1 and words[0] in _SAINTS:
        expanded[0] = _SAINTS[words[0]]
    return " ".join(expanded) if expanded != words else None


def named_after(name: str) -> str | None:
    """The town a name the gazetteer lacks is made from, by a word for a feature or part
    of it (:data:`NAMED_AFTER_WORDS`: "Lake Hartwell", "Sacramento River", "Greer
    Station") or a compass word before it ("South Los Angeles"); None for other names."""
    words = name.split()
    if len(words) < 2:
        return None
    first, last = words[0].lower(), words[-1].lower().rstrip(".")
    if words[0][:1].isupper() and first in _COMPASS_WORDS:
        rest = words[1:]
    elif last in NAMED_AFTER_WORDS:
        rest = words[:-1]
    elif first in _LEADING_FEATURES:
        rest = words[1:]
    else:
        return None
    return " ".join(rest) if rest and not _generic_only(" ".join(rest)) else None


def _compass_part(name: str) -> bool:
    """Whether ``name`` is a compass word before a name ("South Los Angeles")."""
    return name.split()[0].lower() in _COMPASS_WORDS


def _named_after_kind(candidate: Candidate, name: str) -> bool:
    """Whether a place can give its name to the feature or part ``name`` of it: a town or
    county for "Lake X", "X River"; any place for a compass part ("South Los Angeles",
    "Northern Syria")."""
    place = candidate.place
    if _compass_part(name):
        return True
    return place.feature_class == "P" or place.feature_code in ("ADM2", "ADM3")


_COMPASS_WORDS = COMPASS_POINTS | COMPASS_ADJECTIVES
# the feature words that come before the town's name ("Lake Hartwell", "River Lune")
_LEADING_FEATURES = frozenset({"lake", "river"})

# Endings of the names of a place's inhabitants, and what the place's name ends in instead
# ("Ontarians": Ontario, "Richmondites": Richmond, "New Londoners": New London)
_INHABITANT_ENDINGS = (("ians", ("ia", "io", "")), ("ian", ("ia", "io", "")),
                       ("ites", ("", "e")), ("ite", ("", "e")), ("ers", ("",)),
                       ("er", ("",)), ("ans", ("a", "")), ("an", ("a",)))


def inhabitant_stems(name: str) -> list[str]:
    """Place names an inhabitants' name not in the demonym list may come from, tried
    (exactly, main names of towns and divisions only) when nothing else matches:
    "Ontarians" -> Ontario, "Richmondites" -> Richmond, "New Londoners" -> New London."""
    if not name[:1].isupper() or not all(w.isalpha() for w in name.split()):
        return []
    head, _, last = name.rpartition(" ")
    for ending, replacements in _INHABITANT_ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= 3:
            stem = last[: -len(ending)]
            return [f"{head} {stem}{r}".strip() for r in replacements]
    return []


# "Town of X": the municipality named X
_MUNICIPALITY_WORDS = frozenset({"town", "city", "village", "borough", "township"})

# Abbreviated generic words of US news place names ("Loudon Co.", "Mt. Vernon")
_WORD_ABBREVIATIONS = {"Co.": "County", "Twp.": "Township", "Mt.": "Mount", "Ft.": "Fort",
                       "Pt.": "Point"}
_SAINTS = {"St.": "Saint", "St": "Saint", "Ste.": "Sainte", "Ste": "Sainte"}
