"""Actors, quantities, fatalities and instruments from the parse."""

from __future__ import annotations

import geoevents


def first(text: str, **kw):
    events = geoevents.extract_events(text, **kw)
    assert events, text
    return events[0]


def test_active_actor_and_target():
    e = first("Boko Haram militants killed 12 farmers in Borno on Sunday.")
    assert e.actor1 == "Boko Haram militants"
    assert e.actor2 == "farmers"
    assert e.fatalities == 12


def test_passive_agent_and_quantity():
    e = first("Five rockets were fired toward Israeli territory from the Gaza Strip by "
              "militants.")
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert e.actor1 == "militants"
    assert e.quantities == ["5 rockets"]


def test_lowest_fatality_figure():
    e = first("At least 14 people were killed in Raga when fighting erupted, and later "
              "reports said 20 people were killed.")
    assert e.fatalities == 14


def test_owner_of_the_target_is_actor2():
    e = first("Two military sites belonging to Hamas in the Gaza Strip were targeted.")
    assert e.actor2 == "Hamas"
    assert "2 military sites" in e.quantities


def test_instrument_of_an_interception():
    e = first("All five projectiles were intercepted by the Iron Dome defense system.")
    assert e.sub_event_type == "Disrupted weapons use"
    assert "Instrument: Iron Dome defense system" in e.reason


def test_call_between_two_people():
    e = first("On July 4, a call took place between Deputy Foreign Minister Mikhail "
              "Bogdanov and Musa Abu Marzuk.", published="2025-07-10")
    assert (e.event_type, e.sub_event_type) == ("Diplomacy", "Call")
    assert e.actor1 == "Deputy Foreign Minister Mikhail Bogdanov"
    assert e.actor2 == "Musa Abu Marzuk"
    assert (e.date, e.date_precision) == ("2025-07-04", "day")


def test_actor_keeps_the_bracket_closing_its_acronym():
    e = first("The Rapid Support Forces (RSF) attacked a market in El Fasher on Monday, "
              "killing 12 people.")
    assert e.actor1 == "Rapid Support Forces (RSF)"


def test_a_participle_adjunct_shares_the_clause_subject_with_its_own_voice():
    """'after being beaten by police': the beaten are the clause's subject, the police the
    agent; 'after killing three villagers': the gunmen are the killers."""
    import geoevents

    beaten = geoevents.extract_events(
        "Dozens of anti-government protesters were hospitalised after being beaten by "
        "police in Tbilisi.")
    assert [(e.sub_event_type, e.actor1) for e in beaten] == [
        ("Excessive force against protesters", "police")]
    killed = geoevents.extract_events(
        "The gunmen fled after killing three villagers in Zamfara.")
    assert killed[0].actor1 == "gunmen"


def test_a_counted_toll_told_as_a_participle():
    e = first("Jihadists attacked the Sokolo camp on Sunday. The army put its toll at three "
              "soldiers killed and five wounded.", published="2026-01-21")
    assert e.fatalities == 3


def test_one_person_told_among_a_toll_is_no_count_of_its_own():
    # "a girl killed when a shell struck" is one of the eight told before, not a toll
    found = geoevents.extract_events(
        "At least eight people were killed in Tripoli on Monday when rival armed groups "
        "fought. Among the dead was a 12-year-old girl killed when a shell struck her "
        "family's home in Tajoura.", published="2026-10-20")
    assert sum(e.fatalities or 0 for e in found) == 8
