"""The seed article's done-criteria (issue 4)."""

from __future__ import annotations

import pytest
from conftest import SEED_PUBLISHED

import geoevents


@pytest.fixture(scope="module")
def events(seed_text):
    return geoevents.parse(seed_text, published=SEED_PUBLISHED, doc_id="seed").events


def find(events, sub_type, trigger=None):
    found = [e for e in events if e.sub_event_type == sub_type
             and (trigger is None or e.trigger.startswith(trigger))]
    assert found, f"no {sub_type} event ({trigger})"
    return found[0]


def test_every_event_has_evidence(events, seed_text):
    assert events
    for e in events:
        assert seed_text[e.trigger_start:e.trigger_end] == e.trigger
        assert e.trigger in e.sentence and e.sentence in seed_text
        assert e.reason and e.id.startswith("ev-")


def test_end_of_operation_in_jenin(events):
    e = find(events, "Change to group/activity")
    assert e.event_type == "Strategic developments"
    assert e.location is not None and e.location.name in ("Janīn", "Jenin")
    assert e.geo_precision == 1
    # "their operation" in what the IDF declared is the IDF's; the retelling's
    # "soldiers" does not replace the named force
    assert e.actor1 == "Israel Defense Forces (IDF)"


def test_clash_near_the_border_with_egypt(events):
    e = find(events, "Armed clash", "clash")
    assert e.event_type == "Battles"
    assert e.location is not None and e.location.id == "ne:border:EG-IL"
    assert e.date_precision == "month" and e.date == "2023-07-01"


def test_strike_on_two_hamas_sites(events):
    e = next(e for e in events if e.trigger == "targeted")
    assert e.event_type == "Explosions/Remote violence"
    assert e.location is not None and e.location.name == "Gaza Strip"
    assert e.actor2 == "Hamas"
    assert any(q.startswith("2 ") for q in e.quantities)
    assert (e.date, e.date_precision) == ("2023-05-14", "day")


def test_five_rockets(events):
    e = find(events, "Shelling/artillery/missile attack", "fired")
    assert "5 rockets" in e.quantities
    assert e.location is not None and e.location.country_code == "IL"
    assert e.location_role == "destination"


def test_interception_by_iron_dome(events):
    e = find(events, "Disrupted weapons use", "intercepted")
    assert "Iron Dome" in e.reason
    assert any("Iron Dome" in i for i in e.instruments)


def test_july_4_call(events):
    e = find(events, "Call")
    assert e.event_type == "Diplomacy"
    assert "Bogdanov" in e.actor1 and "Abu Marzuk" in e.actor2
    assert e.date == "2023-07-04"


def test_evaluating_future_steps_is_not_an_event(events, seed_text):
    start = seed_text.index("In related developments")
    assert not [e for e in events if e.trigger_start >= start]


def test_ids_are_stable(seed_text, events):
    again = geoevents.parse(seed_text, published=SEED_PUBLISHED, doc_id="seed").events
    assert [e.id for e in again] == [e.id for e in events]
    assert len({e.id for e in events}) == len(events)
