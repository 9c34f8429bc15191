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
