"""Candidate generation: the gazetteer places a mention may refer to.

Names are looked up exactly, then transliteration-tolerantly (the gazetteer's skeleton
key), then fuzzily; upper-case datelines are title-cased, news abbreviations ("Calif.",
"U.S.", "NSW") expanded, and demonyms mapped to their country or region. Results are
cached per name, so a corpus pays for each distinct name once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from geoevents.errors import QueryError
from geoevents.gazetteer.store import COUNTRY_CODES
from geoevents.recognise import abbreviations

if TYPE_CHECKING:
    from geoevents.gazetteer.store import Gazetteer
    from geoevents.model import Place
    from geoevents.recognise import Mention

DEFAULT_LIMIT = 30


@dataclass(frozen=True)
class Candidate:
    """A place a mention may refer to, with how its name matched."""

    place: Place
    match: str  # exact | skeleton | fuzzy | abbreviation | demonym
    similarity: float
    primary: bool
    prior: float  # the gazetteer's score: importance adjusted for the kind of match


class CandidateGenerator:
    """Looks up mentions in a gazetteer; one instance caches across documents."""

    def __init__(self, gazetteer: Gazetteer, *, limit: int = DEFAULT_LIMIT) -> None:
        self.gaz = gazetteer
        self.limit = limit
        self._abbreviations = abbreviations()
        self._cache: dict[tuple[str, str | None], tuple[Candidate, ...]] = {}

    def __call__(self, mention: Mention) -> list[Candidate]:
        if mention.kind == "demonym":
            return list(self._demonym(mention.lookup, mention.country))
        found = self.for_name(mention.lookup or mention.text)
        if not found and mention.lookup and mention.lookup != mention.text:
            found = self.for_name(mention.text)
        return list(found)

    def for_name(self, name: str) -> tuple[Candidate, ...]:
        """Candidates for a place name, best prior first."""
        key = (name, None)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = tuple(self._name(name))
        return found

    def _name(self, name: str) -> list[Candidate]:
        text = name.strip().rstrip(",;:")
        entries = self._abbreviations.get(text)
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
        for variant in variants:
            found = self._query(variant, None, None)
            if found:
                return found
        return []

    def _demonym(self, place: str, country: str | None) -> tuple[Candidate, ...]:
        key = (place, country or "")
        found = self._cache.get(key)
        if found is None:
            hits = self._query(place, country, "demonym", fuzzy=False)
            if country:
                hits = [c for c in hits if c.place.feature_code in COUNTRY_CODES] or hits
            found = self._cache[key] = tuple(hits[:3])
        return found

    def _query(self, name: str, country: str | None, match: str | None, *,
               fuzzy: bool = True) -> list[Candidate]:
        try:
            hits = self.gaz.matches(name, country=country, limit=self.limit, fuzzy=fuzzy)
        except QueryError:
            return []
        return [Candidate(h.place, match or h.kind, h.similarity, h.primary, h.score)
                for h in hits]
