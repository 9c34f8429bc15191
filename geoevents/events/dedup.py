"""Deduplication across the documents of a run.

Two reports describe the same event when they have the same sub-event type, compatible
actors (equal, or one unknown), places within :data:`DISTANCE_KM` of each other (geodesic
distance on the WGS84 ellipsoid) and the same day (or a date one of them does not know).
They collapse into the first report, which lists every report's document in ``sources``.
Events without coordinates are never merged: nothing says they happened at the same place.

Each report is compared only with the kept reports of its sub-event type in the grid
cells around its place (:class:`_Grid`), so a run of n located events costs about n times
the number of reports near each one, not n².
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator

from geoevents import geodesy
from geoevents.model import Event

DISTANCE_KM = 25.0


def distance_km(a: Event, b: Event) -> float:
    """Geodesic distance between two located events, in km."""
    assert a.location is not None and b.location is not None
    return geodesy.distance_km(a.location.lat, a.location.lon, b.location.lat, b.location.lon)


def _norm(actor: str | None) -> str | None:
    return " ".join(actor.lower().split()) if actor else None


def _compatible_actor(a: str | None, b: str | None) -> bool:
    a, b = _norm(a), _norm(b)
    return a is None or b is None or a == b or a in b or b in a


def _same_day(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.date_precision == b.date_precision == "day":
        return a.date == b.date
    return a.date[:7] == b.date[:7]  # coarser dates: at least the same month


def same_event(a: Event, b: Event, *, distance: float = DISTANCE_KM) -> bool:
    """Whether two events (from different documents) report one occurrence."""
    if a.sub_event_type != b.sub_event_type or a.location is None or b.location is None:
        return False
    if not (_compatible_actor(a.actor1, b.actor1) and _compatible_actor(a.actor2, b.actor2)):
        return False
    if not _same_day(a, b):
        return False
    return a.location.id == b.location.id or distance_km(a, b) <= distance


class _Grid:
    """Kept located events by sub-event type and latitude/longitude cell, with their rank
    among the kept events. Cells are ``distance`` tall; the longitude cells searched
    around a point widen towards the poles so that every event within ``distance`` is
    found."""

    # a degree of latitude is 110.6-111.7 km: rounded down, cells err on the large side
    KM_PER_DEGREE = 110.0

    def __init__(self, distance: float) -> None:
        self.size = max(distance, 1.0) / self.KM_PER_DEGREE  # cell size in degrees
        self.columns = math.ceil(360.0 / self.size)
        self.cells: dict[tuple[str | None, int, int], list[tuple[int, Event]]] = defaultdict(list)

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.size), math.floor((lon + 180.0) / self.size) % self.columns

    def add(self, event: Event, rank: int) -> None:
        assert event.location is not None
        row, column = self._cell(event.location.lat, event.location.lon)
        self.cells[event.sub_event_type, row, column].append((rank, event))

    def near(self, event: Event) -> Iterator[tuple[int, Event]]:
        """Kept events of the same sub-event type in the cells around ``event``'s place."""
        assert event.location is not None
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
                yield from self.cells.get((event.sub_event_type, r, c), ())


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
            twin = min(matches, key=lambda m: m[0])[1] if matches else None
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
            twin.date, twin.date_precision, twin.date_text = (
                event.date, event.date_precision, event.date_text)
        twin.actor1 = twin.actor1 or event.actor1
        twin.actor2 = twin.actor2 or event.actor2
        twin.reason += f" Also reported in {event.doc_id!r} ({event.trigger!r})."
    return kept
