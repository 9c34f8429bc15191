"""Border expressions: "the border with Egypt", "the Lebanese border", "the Egypt-Israel
border" resolve to the shared boundary line of two countries (gazetteer ids
``ne:border:XX-YY``, codes in alphabetical order).

When the text names one country only, the other is taken from context: a country named in
the same sentence ("the Israeli military reported a clash near the country's border with
Egypt"), else the country the document mentions most, among the named country's
neighbours.

A border named after one part of a country ("the Gaza border": the Gaza Strip, a part
of the Palestinian Territory) is the part of the boundary line next to it: of the
line's pieces, those nearest that place (within :data:`PART_SLACK_KM` of the nearest),
with their midpoint as the place's point. A gazetteer that already holds the boundary
split by parts answers the name directly (as a curated border).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from geoevents.errors import QueryError
from geoevents.gazetteer.store import COUNTRY_CODES
from geoevents.geodesy import distance_km
from geoevents.model import Place as _Place

if TYPE_CHECKING:
    from geoevents.gazetteer.store import Gazetteer
    from geoevents.model import Place
    from geoevents.recognise import Mention


# confidence of a border: named in the gazetteer / both countries named / the other
# country named in the same sentence / the other country the text mentions most
CURATED_CONFIDENCE = 0.9
BOTH_NAMED_CONFIDENCE = 0.95
SENTENCE_CONFIDENCE = 0.8
DOCUMENT_CONFIDENCE = 0.6
# pieces of a border line this much farther than the nearest one still belong to the part
PART_SLACK_KM = 10.0


def border_id(a: str, b: str) -> str:
    """The gazetteer id of the land border of two countries."""
    first, second = sorted((a.upper(), b.upper()))
    return f"ne:border:{first}-{second}"


def resolve_border(mention: Mention, resolved: list[Mention], gaz: Gazetteer) -> None:
    """Set ``mention.place`` to the border line it names, with a reason."""
    curated = _curated(mention.text, gaz)
    if curated is not None:
        _set(mention, curated, CURATED_CONFIDENCE,
             f"{curated.name}: a border named in the gazetteer")
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
            _set(mention, place, BOTH_NAMED_CONFIDENCE, f"{place.name}: both countries named")
        return
    country = named[0]
    for other, why in _context_countries(mention, resolved, country):
        place = gaz.get(border_id(country, other))
        if place is not None:
            reason = f"{place.name}: {country} named, {other} {why}"
            part = next((p.place for p in mention.parts if p.place is not None), None)
            if part is not None and part.feature_code not in COUNTRY_CODES and \
                    mention.parts[0].kind == "name":
                narrowed = part_of_border(place, part)
                if narrowed is not None:
                    place = narrowed
                    reason += f"; the part next to {part.name}"
            _set(mention, place, SENTENCE_CONFIDENCE if "sentence" in why
                 else DOCUMENT_CONFIDENCE, reason)
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


def part_of_border(border: Place, part: Place) -> Place | None:
    """The pieces of ``border``'s line next to ``part`` (a place inside one of the two
    countries), as a place of its own; None when the line has one piece or no shape."""
    from shapely.geometry import MultiLineString, Point
    from shapely.ops import nearest_points

    shape = border.geometry
    if shape is None or not hasattr(shape, "geoms") or len(shape.geoms) < 2:
        return None
    target = part.geometry or Point(part.lon, part.lat)
    distances = []
    for piece in shape.geoms:
        near, _ = nearest_points(piece, target)
        far = target if target.geom_type == "Point" else nearest_points(target, piece)[0]
        distances.append(distance_km(near.y, near.x, far.y, far.x))
    nearest = min(distances)
    pieces = [g for g, d in zip(shape.geoms, distances, strict=True)
              if d <= nearest + PART_SLACK_KM]
    if len(pieces) == len(shape.geoms):
        return None
    line = MultiLineString(pieces)
    point = pieces[0].interpolate(0.5, normalized=True) if len(pieces) == 1 else \
        line.representative_point()
    return _Place(id=f"{border.id}:{part.id}", name=f"{border.name} ({part.name} part)",
                  lat=round(point.y, 6), lon=round(point.x, 6),
                  feature_class=border.feature_class, feature_code=border.feature_code,
                  country_code=border.country_code, source=border.source,
                  importance=border.importance, geometry_wkb=line.wkb)
