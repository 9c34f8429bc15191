"""Colour and icon of each event type (ACLED's types plus Diplomacy).

Icons are small inline SVGs drawn in white on a disc of the type's colour, so the map needs
no icon font or image. Types the table does not know get a colour from a spare palette,
picked by a hash of the name (the same on every map), and a plain dot. Everything here is
a constant: no document text ever ends up in these strings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

_SVG = ('<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="#fff" '
        'stroke="#fff" stroke-linecap="round" stroke-linejoin="round">{}</svg>')

ICONS = {
    "swords": '<path d="M3 3l10 10M13 3L3 13M2 10l4 4M10 14l4-4" fill="none" stroke-width="1.8"/>',
    "burst": '<path d="M8 1l1.8 4.5 4.7-1-3.3 3.5 3.3 3.5-4.7-1L8 15l-1.8-4.5-4.7 1L4.8 8 '
             '1.5 4.5l4.7 1z" stroke-width="0.5"/>',
    "alert": '<path d="M8 2v7.5" fill="none" stroke-width="2.4"/><circle cx="8" cy="13" r="1.5" '
             'stroke="none"/>',
    "flag": '<path d="M4 15V2" fill="none" stroke-width="1.8"/><path d="M4.5 2.5h8l-2 3 2 3h-8z"'
            ' stroke-width="0.8"/>',
    "flame": '<path d="M8 1c.8 3 4.5 4.5 4.5 8.5a4.5 4.5 0 0 1-9 0C3.5 7 5.5 6 6 3.5 7.2 4.8 '
             '7.6 6 7.6 6S9 4 8 1z" stroke-width="0.5"/>',
    "chevron": '<path d="M3 9l5-5 5 5M3 14l5-5 5 5" fill="none" stroke-width="2"/>',
    "bubble": '<path d="M2 3h12v8H7.5L4 14v-3H2z" stroke-width="0.8"/>',
    "dot": '<circle cx="8" cy="8" r="3.5" stroke="none"/>',
}


@dataclass(frozen=True)
class TypeStyle:
    color: str
    icon: str  # key of ICONS

    @property
    def svg(self) -> str:
        return _SVG.format(ICONS[self.icon])


# In legend order.
EVENT_TYPES: dict[str, TypeStyle] = {
    "Battles": TypeStyle("#c0392b", "swords"),
    "Explosions/Remote violence": TypeStyle("#e67e22", "burst"),
    "Violence against civilians": TypeStyle("#8e44ad", "alert"),
    "Protests": TypeStyle("#2471a3", "flag"),
    "Riots": TypeStyle("#6e2c00", "flame"),
    "Strategic developments": TypeStyle("#1e8449", "chevron"),
    "Diplomacy": TypeStyle("#117a8b", "bubble"),
}
SPARE_COLORS = ["#5d6d7e", "#b7950b", "#cb4335", "#17202a", "#a04000", "#1f618d"]
_KNOWN = {name.casefold(): name for name in EVENT_TYPES}


def ordered_types(names: list[str]) -> list[str]:
    """Distinct type names: known ACLED types in legend order, then the others sorted."""
    order = {name.casefold(): i for i, name in enumerate(EVENT_TYPES)}
    return sorted(set(names), key=lambda n: (order.get(n.casefold(), len(order)), n))


def style_for(name: str) -> TypeStyle:
    """The style of a type. Unknown types get a spare colour chosen by a hash of the name
    and a dot, so every type keeps its colour on every map."""
    canonical = _KNOWN.get(name.casefold())
    if canonical is not None:
        return EVENT_TYPES[canonical]
    digest = hashlib.sha256(name.casefold().encode("utf-8")).digest()
    return TypeStyle(SPARE_COLORS[digest[0] % len(SPARE_COLORS)], "dot")
