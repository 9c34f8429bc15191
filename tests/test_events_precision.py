"""Precision of event extraction: words about events, policies, habits and targets are no
events; tellings of one happening make one event (issue 12, "No phantom events")."""

from __future__ import annotations

import pytest

import geoevents


def events(text: str, published: str = "2025-05-12"):
    return geoevents.extract_events(text, published=published)


def types(text: str) -> list[str]:
    return [e.sub_event_type for e in events(text)]


@pytest.mark.parametrize(("text", "not_expected"), [
    # a speech verb is no phone call: "call" does not meet its own requirement
    ("The opposition leader called for new elections in Harare on Monday.", "Call"),
    ("The bishop called the shooting a crime against the whole town.", "Call"),
    # a state of emergency is a legal status, not a change of what a group does
    ("The prime minister declared a state of emergency in Amhara on Friday.",
     "Change to group/activity"),
    # a ceasefire only wished for, or a point in time looked back from
    ("The envoy said neither side showed any interest in a truce.", "Agreement"),
    ("It was the third raid on the camp since a truce took effect in March.", "Agreement"),
    # a participant described by what it once did
    ("The foreign minister thanked the countries that brokered the ceasefire.", "Agreement"),
    # what a violent act hit is its target, not a meeting
    ("The army said it had struck a meeting of militant commanders in Kidal.", "Meeting"),
    # a month is no march
    ("KANO, March 3 — Gunmen killed four farmers in Kura on Saturday.", "Peaceful protest"),
])
def test_no_phantom_type(text, not_expected):
    assert not_expected not in types(text)


def test_habitual_plurals_are_no_happening():
    assert types("The province has seen frequent kidnappings and ambushes.") == []
    # a dated plural is a happening
    assert types("Repeated air strikes hit Saraqib on Monday, killing five people.")


def test_arrests_at_a_protest_are_its_intervention():
    found = events("Hundreds of teachers marched in Harare on Tuesday over unpaid wages, and "
                   "police arrested 14 of them.")
    assert [e.sub_event_type for e in found] == ["Protest with intervention"]
    # without a protest, arrests stand alone
    assert types("Police arrested 14 opposition activists in Harare on Tuesday.") == ["Arrests"]


def test_blaming_a_group_names_the_actor_of_the_event():
    found = events("Gunmen attacked a market in Bunia on Friday, killing nine people. The "
                   "governor blamed the ADF for the attack.")
    assert [e.event_type for e in found] == ["Violence against civilians"]
    assert len(found[0].mentions) >= 2


def test_a_present_passive_relative_clause_is_a_state():
    assert "Arrests" not in types("Fighting broke out near the Ashrafieh district, which is "
                                  "held by Kurdish fighters, on Monday.")


def test_arrests_elsewhere_are_no_intervention():
    found = events("Police arrested 20 people in Kumasi on Monday. Protesters marched in "
                   "Accra on Monday.")
    assert len(found) == 2 and found[0].sub_event_type == "Arrests"
