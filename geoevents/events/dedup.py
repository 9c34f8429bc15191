"""Deduplication across the documents of a run, and the rules that both it and the
in-document merge (:mod:`geoevents.events.extract`) use to decide that two mentions tell
one happening.

Two reports describe the same event when they are of the same kind (:func:`merge_key`:
the event type for battles, explosions, protests and riots, whose sub-type reports often
disagree on; natural and man-made disasters together; the sub-event type otherwise),
their actors are compatible once normalised (:func:`actor_key`: "Russian forces",
"Russia's army" and "Russian troops" are all Russia's military), their places are within
:data:`DISTANCE_KM` of each other (geodesic distance on the WGS84 ellipsoid) or one
contains the other (a city inside the province or country another report names,
:func:`contains`, when both reports are dated), and they fall on the same day (or a date
one of them does not know). They collapse into the first report, which lists every
report's document in ``sources``. Events without coordinates are never merged across
documents: nothing says they happened at the same place.

Each report is compared only with the kept reports of its kind in the grid cells around
its place (:class:`_Grid`) and, when it is dated, with the reports of that kind and month
in its country placed at a containing division (or, for a report placed at a division,
placed inside it), so a run of n located events costs about n times the number of
reports near each one, not n².
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache

from geoevents import geodesy
from geoevents.model import Event, Place

DISTANCE_KM = 25.0
# event types whose sub-types reports often disagree on ("shelled" / "struck" by
# missiles / "bombed"; a clash / the capture it ended in; a protest / its outcome); the
# sub-types of the other types are different acts (an abduction, then an execution)
FAMILY_MERGED = frozenset({"Battles", "Explosions/Remote violence", "Protests", "Riots"})
# protests and riots are one kind of happening: the sub-type says how it went; a fire or
# a collapse may be read as a natural or a man-made disaster: one kind too
_SAME_KIND = {"Riots": "Protests", "Man-made disaster": "Disaster",
              "Natural disaster": "Disaster"}
# feature codes of places that contain others: countries, territories, divisions, regions
_CONTAINERS = frozenset({"PCLI", "PCLD", "PCLS", "PCLF", "PCL", "TERR", "ADM1", "ADM2",
                         "ADMD", "RGN", "AREA"})
# the role an actor noun names; the rest of the phrase says whose it is
ROLES: dict[str, tuple[str, ...]] = {
    "police": ("police", "policemen", "gendarmes", "gendarmerie", "security forces"),
    "military": ("force", "forces", "troop", "troops", "army", "armies", "military",
                 "soldier", "soldiers", "navy", "air force", "jets", "warplanes",
                 "artillery", "drones", "unit", "units", "marines", "paratroopers"),
    "government": ("government", "authorities", "ministry", "administration", "junta"),
}


def distance_km(a: Event, b: Event) -> float:
    """Geodesic distance between two located events, in km."""
    assert a.location is not None and b.location is not None
    return geodesy.distance_km(a.location.lat, a.location.lon, b.location.lat, b.location.lon)


def _norm(actor: str | None) -> str | None:
    return " ".join(actor.lower().split()) if actor else None


@cache
def country_words() -> dict[str, str]:
    """Demonyms and country names (lower case) → ISO country code."""
    from geoevents.recognise import demonyms

    table: dict[str, str] = {}
    for entry in demonyms().values():
        if entry.country:
            table[entry.form.lower()] = entry.country
            table[entry.place.lower()] = entry.country
    return table


def actor_key(actor: str | None) -> tuple[str | None, str | None] | None:
    """(country code, role) an actor phrase names — ("RU", "military") for "Russian
    forces", "Russia's army" and "Russian troops" — or None when it names neither."""
    text = _norm(actor)
    if not text:
        return None
    words = re.findall(r"[\w-]+", re.sub(r"['’]s\b", "", text))
    countries = country_words()
    country = None
    for n in (3, 2, 1):  # the longest name first ("south sudanese", "united states")
        for i in range(len(words) - n + 1):
            country = countries.get(" ".join(words[i:i + n]))
            if country:
                break
        if country:
            break
    padded = f" {' '.join(words)} "
    role = next((name for name, nouns in ROLES.items()
                 if any(f" {noun} " in padded for noun in nouns)), None)
    return (country, role) if country or role else None


def compatible_actors(a: str | None, b: str | None) -> bool:
    """Whether two actor phrases can name one actor: one unknown, equal, one inside the
    other, or the same country and the same role (or a role only one names) once
    normalised. A role without a country ("the Rapid Support Forces") matches only
    itself: it may be any force."""
    na, nb = _norm(a), _norm(b)
    if na is None or nb is None or na == nb or na in nb or nb in na:
        return True
    ka, kb = actor_key(a), actor_key(b)
    if ka is None or kb is None or ka[0] is None or ka[0] != kb[0]:
        return False
    return ka[1] is None or kb[1] is None or ka[1] == kb[1]


def _named(actor: str) -> bool:
    """Whether an actor phrase names an organisation or force ("Israel Defense Forces
    (IDF)", "the RSF", "Hamas") rather than a common noun ("soldiers", "its troops"): an
    acronym, a capitalised word after the first, or a capitalised word that is no role
    noun (a sentence's first word is capitalised whatever it is: "Troops returned
    fire")."""
    words = re.findall(r"[\w-]+", actor)
    if any(len(w) > 1 and w.isupper() for w in words) or \
            any(w[0].isupper() for w in words[1:]):
        return True
    roles = {noun for nouns in ROLES.values() for noun in nouns}
    return bool(words) and words[0][0].isupper() and words[0].lower() not in roles


def finer_actor(kept: str | None, other: str | None) -> str | None:
    """The actor a merged event keeps of two tellings' actors: the first telling's,
    unless it is unknown, or a common noun and the other names the organisation or force
    in that role ("soldiers" told again as "the Israel Defense Forces (IDF)"; not the
    other side: "the federal army" stays against "Fano fighters")."""
    if kept is None or other is None:
        return kept or other
    if not kept.islower() or not _named(other):
        return kept
    ka, kb = actor_key(kept), actor_key(other)
    same_role = ka is not None and kb is not None and ka[1] is not None and \
        ka[1] == kb[1] and ka[0] in (None, kb[0])
    return other if same_role else kept


def merge_key(event: Event) -> str:
    """The kind of happening two mentions must share to be merged (see the module doc)."""
    if event.event_type in FAMILY_MERGED:
        return _SAME_KIND.get(event.event_type, event.event_type)
    return _SAME_KIND.get(event.sub_event_type, event.sub_event_type)


def contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` is a country or division containing ``inner``, by the
    gazetteer's country code and admin-1 name."""
    if outer.id == inner.id or outer.feature_code not in _CONTAINERS or \
            not outer.country_code or outer.country_code != inner.country_code:
        return False
    if outer.feature_code.startswith("PCL") or outer.feature_code == "TERR":
        return True
    return bool(inner.admin1) and inner.admin1 == outer.name


def nested(a: Place, b: Place) -> bool:
    """One place, or one containing the other."""
    return a.id == b.id or contains(a, b) or contains(b, a)


def same_place(a: Place, b: Place, *, distance: float = DISTANCE_KM) -> bool:
    """One place, places within ``distance`` km, or one containing the other."""
    if nested(a, b):
        return True
    return geodesy.distance_km(a.lat, a.lon, b.lat, b.lon) <= distance


def _same_day(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.date_precision == b.date_precision == "day":
        return a.date == b.date
    return a.date[:7] == b.date[:7]  # coarser dates: at least the same month


def same_event(a: Event, b: Event, *, distance: float = DISTANCE_KM) -> bool:
    """Whether two events (from different documents) report one occurrence."""
    if merge_key(a) != merge_key(b) or a.location is None or b.location is None:
        return False
    if not (compatible_actors(a.actor1, b.actor1) and compatible_actors(a.actor2, b.actor2)):
        return False
    if not _same_day(a, b):
        return False
    la, lb = a.location, b.location
    if la.id == lb.id or geodesy.distance_km(la.lat, la.lon, lb.lat, lb.lon) <= distance:
        return True
    # a city inside the province or country another report names: only when both are
    # dated (one report's region and another's undated city say too little)
    return a.date is not None and b.date is not None and (contains(la, lb) or
                                                          contains(lb, la))


class _Grid:
    """Kept located events by kind (:func:`merge_key`) and latitude/longitude cell, with
    their rank among the kept events. Cells are ``distance`` tall; the longitude cells searched
    around a point widen towards the poles so that every event within ``distance`` is
    found."""

    # a degree of latitude is 110.6-111.7 km: rounded down, cells err on the large side
    KM_PER_DEGREE = 110.0

    def __init__(self, distance: float) -> None:
        self.size = max(distance, 1.0) / self.KM_PER_DEGREE  # cell size in degrees
        self.columns = math.ceil(360.0 / self.size)
        self.cells: dict[tuple[str | None, int, int], list[tuple[int, Event]]] = defaultdict(list)
        # dated events by (kind, country, month): those placed at a containing division,
        # and all of them (what a report placed at a division may contain)
        self.containers: dict[tuple, list[tuple[int, Event]]] = defaultdict(list)
        self.by_country: dict[tuple, list[tuple[int, Event]]] = defaultdict(list)

    @staticmethod
    def _region_key(event: Event) -> tuple | None:
        assert event.location is not None
        if event.date is None or not event.location.country_code:
            return None
        return merge_key(event), event.location.country_code, event.date[:7]

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.size), math.floor((lon + 180.0) / self.size) % self.columns

    def add(self, event: Event, rank: int) -> None:
        assert event.location is not None
        row, column = self._cell(event.location.lat, event.location.lon)
        self.cells[merge_key(event), row, column].append((rank, event))
        self.add_dated(event, rank)

    def add_dated(self, event: Event, rank: int) -> None:
        """Index a kept event by country and month (again when a merge dated it)."""
        assert event.location is not None
        region = self._region_key(event)
        if region is not None:
            self.by_country[region].append((rank, event))
            if event.location.feature_code in _CONTAINERS:
                self.containers[region].append((rank, event))

    def near(self, event: Event) -> Iterator[tuple[int, Event]]:
        """Kept events of the same kind in the cells around ``event``'s place, and the
        dated ones of its country and month that may contain it or lie inside it."""
        assert event.location is not None
        key = merge_key(event)
        region = self._region_key(event)
        if region is not None:
            yield from self.containers.get(region, ())
            if event.location.feature_code in _CONTAINERS:
                yield from self.by_country.get(region, ())
        row, column = self._cell(event.location.lat, event.location.lon)
        # the narrowest longitude degree within reach: at the row edge nearest a pole;
        # next to a pole every column is within reach
        lat = max(abs((row - 1) * self.size), abs((row + 2) * self.size))
        width = math.cos(math.radians(min(lat, 90.0)))
        near_pole = lat + 2 * self.size >= 90.0
        reach = self.columns if near_pole else min(self.columns, math.ceil(1.05 / width) + 1)
        columns = {(column + d) % self.columns for d in range(-reach, reach + 1)}
        for r in (row - 1, row, row + 1):
            for c in columns:
                yield from self.cells.get((key, r, c), ())


def deduplicate(events: Iterable[Event], *, distance: float = DISTANCE_KM) -> list[Event]:
    """The events with reports of one occurrence merged; the first report is kept, with
    the union of ``sources``, the lowest fatality figure and the finest date."""
    kept: list[Event] = []
    grid = _Grid(distance)
    for event in events:
        sources = event.sources or ([event.doc_id] if event.doc_id else [])
        twin = None
        if event.location is not None:
            matches = [(rank, k) for rank, k in grid.near(event) if k.doc_id != event.doc_id
                       and same_event(k, event, distance=distance)]
            twin_rank, twin = min(matches, key=lambda m: m[0]) if matches else (-1, None)
        if twin is None:
            event.sources = list(dict.fromkeys(sources))
            kept.append(event)
            if event.location is not None:
                grid.add(event, len(kept) - 1)
            continue
        twin.sources = list(dict.fromkeys(twin.sources + sources))
        if event.fatalities is not None:
            twin.fatalities = event.fatalities if twin.fatalities is None else min(
                twin.fatalities, event.fatalities)
        if twin.date_precision != "day" and event.date_precision == "day":
            undated = twin.date is None
            twin.date, twin.date_precision, twin.date_text = (
                event.date, event.date_precision, event.date_text)
            if undated and twin.location is not None:
                grid.add_dated(twin, twin_rank)
        twin.actor1 = finer_actor(twin.actor1, event.actor1)
        twin.actor2 = finer_actor(twin.actor2, event.actor2)
        twin.reason += f" Also reported in {event.doc_id!r} ({event.trigger!r})."
    return kept
