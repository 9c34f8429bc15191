"""Deduplication across documents: same type, actors, nearby place, same day."""

from __future__ import annotations

import geoevents
from geoevents.events.dedup import deduplicate


def events(text: str, doc_id: str, published: str = "2024-03-06"):
    return geoevents.parse(text, published=published, doc_id=doc_id).events


def test_two_reports_of_one_event_merge():
    a = events("Gunmen killed five villagers in Kano on Monday.", "a")
    b = events("Five villagers were killed by gunmen in Kano on Monday, police said.", "b")
    merged = deduplicate(a + b)
    assert len(merged) == 1
    assert merged[0].sources == ["a", "b"]
    assert merged[0].fatalities == 5


def test_different_days_or_places_stay_apart():
    a = events("Gunmen killed five villagers in Kano on Monday.", "a")
    b = events("Gunmen killed five villagers in Kano on Tuesday.", "b", "2024-03-07")
    c = events("Gunmen killed five villagers in Lagos on Monday.", "c")
    assert len(deduplicate(a + b)) == 2
    assert len(deduplicate(a + c)) == 2


def test_events_of_one_document_are_not_merged_by_dedup():
    a = events("Gunmen killed five villagers in Kano on Monday.", "a")
    assert len(deduplicate(a + a)) == 2


def test_indexed_dedup_matches_comparing_every_pair():
    """The grid only skips reports that cannot match: on random reports around the globe
    (poles and the date line included) it keeps exactly what comparing all pairs keeps."""
    import copy
    import random

    from geoevents.events.dedup import same_event
    from geoevents.model import Event, Place

    def brute_force(items):
        kept = []
        for event in items:
            if not any(k.doc_id != event.doc_id and same_event(k, event) for k in kept):
                kept.append(event)
        return kept

    rng = random.Random(7)
    centres = [(0.0, 179.9), (0.0, -179.9), (89.9, 10.0), (-89.95, -120.0), (60.0, 30.0),
               (31.5, 34.4)]
    items = []
    for n in range(1500):
        lat, lon = rng.choice(centres)
        lat = max(-90.0, min(90.0, lat + rng.uniform(-0.4, 0.4)))
        lon = (lon + rng.uniform(-0.6, 0.6) + 180.0) % 360.0 - 180.0
        place = Place(f"p{n}", "x", lat, lon, "P", "PPL")
        family, sub_type = rng.choice([("Battles", "Armed clash"),
                                       ("Explosions/Remote violence", "Air/drone strike")])
        items.append(Event(id=f"e{n}", event_type=family, sub_event_type=sub_type,
                           trigger="t", trigger_start=0, trigger_end=1, sentence="",
                           location=place, doc_id=f"d{n % 40}",
                           sources=[f"d{n % 40}"]))
    expected = [e.id for e in brute_force(copy.deepcopy(items))]
    assert [e.id for e in deduplicate(copy.deepcopy(items))] == expected
    assert 100 < len(expected) < 1400  # the sample does merge, and not everything
