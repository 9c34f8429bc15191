"""Border expressions: "the border with Egypt", "the Lebanese border", "the Egypt-Israel
border" resolve to the shared boundary line of two countries (gazetteer ids
``ne:border:XX-YY``, codes in alphabetical order).

When the text names one country only, the other is taken from context: a country named in
the same sentence ("the Israeli military reported a clash near the country's border with
Egypt"), else the country the document mentions most, among the named country's
neighbours.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from geoevents.errors import QueryError
from geoevents.gazetteer.store import COUNTRY_CODES

if TYPE_CHECKING:
    from geoevents.gazetteer.store import Gazetteer
    from geoevents.model import Place
    from geoevents.recognise import Mention


def border_id(a: str, b: str) -> str:
    """The gazetteer id of the land border of two countries."""
    first, second = sorted((a.upper(), b.upper()))
    return f"ne:border:{first}-{second}"


def resolve_border(mention: Mention, resolved: list[Mention], gaz: Gazetteer) -> None:
    """Set ``mention.place`` to the border line it names, with a reason."""
    curated = _curated(mention.text, gaz)
    if curated is not None:
        _set(mention, curated, 0.9, f"{curated.name}: a border named in the gazetteer")
        return
    named = [c for c in (_country_of(p) for p in mention.parts) if c]
    if not named:
        mention.reason = "border of a place that is not resolved to a country"
        return
    if len(set(named)) >= 2:
        place = gaz.get(border_id(named[0], named[1]))
        if place is None:
            mention.reason = f"{named[0]} and {named[1]} share no land border in the gazetteer"
        else:
            _set(mention, place, 0.95, f"{place.name}: both countries named")
        return
    country = named[0]
    for other, why in _context_countries(mention, resolved, country):
        place = gaz.get(border_id(country, other))
        if place is not None:
            _set(mention, place, 0.8 if "sentence" in why else 0.6,
                 f"{place.name}: {country} named, {other} {why}")
            return
    mention.reason = f"border of {country}: no neighbouring country in the context"


def _set(mention: Mention, place: Place, confidence: float, reason: str) -> None:
    mention.place = place
    mention.candidates = [place]
    mention.confidence = confidence
    mention.reason = reason


def _curated(text: str, gaz: Gazetteer) -> Place | None:
    name = text[4:] if text.lower().startswith("the ") else text
    try:
        hits = gaz.matches(name, limit=3, fuzzy=False)
    except QueryError:
        return None
    return next((h.place for h in hits if h.place.feature_code == "BDR"), None)


def _country_of(m: Mention) -> str | None:
    place = m.place
    if place is None or not place.country_code:
        return None
    if m.kind == "demonym" or place.feature_code in COUNTRY_CODES or place.feature_class in "AP":
        return place.country_code
    return None


def _context_countries(mention: Mention, resolved: list[Mention],
                       named: str) -> list[tuple[str, str]]:
    """Other countries of the context, best first, with why they were chosen."""
    ordered: list[tuple[str, str]] = []
    in_sentence = sorted(
        (m for m in resolved if m.sentence == mention.sentence and m.place is not None),
        key=lambda m: abs(m.start - mention.start))
    for m in in_sentence:
        cc = _country_of(m)
        if cc and cc != named and all(cc != o for o, _ in ordered):
            ordered.append((cc, "named in the same sentence"))
    counts = Counter(c for c in (_country_of(m) for m in resolved) if c and c != named)
    for cc, _ in counts.most_common():
        if all(cc != o for o, _ in ordered):
            ordered.append((cc, "the country the text mentions most"))
    return ordered
