"""Deduplication across documents: same type, actors, nearby place, same day."""

from __future__ import annotations

import pytest

import geoevents
from geoevents.events.dedup import deduplicate, finer_actor


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


# -- normalised actors and place hierarchy ---------------------------------------------------


def test_actor_names_normalise_to_country_and_force():
    from geoevents.events.dedup import actor_key, compatible_actors

    for name in ("Russian forces", "Russia's army", "Russian troops", "the Russian military"):
        assert actor_key(name) == ("RU", "military")
    assert compatible_actors("Russian forces", "Russia's army")
    assert not compatible_actors("Russian troops", "Ukrainian troops")
    assert not compatible_actors("the Rapid Support Forces", "Sudanese army")
    assert compatible_actors("police", None)


def _report(doc_id, actor, place, day="2025-11-17", fatalities=5, sub="Shelling/artillery/"
            "missile attack"):
    from geoevents.model import Event

    return Event(id=f"{doc_id}-e", event_type="Explosions/Remote violence",
                 sub_event_type=sub, trigger="shelled", trigger_start=0, trigger_end=7,
                 sentence="", actor1=actor, location=place, date=day, date_precision="day",
                 fatalities=fatalities, doc_id=doc_id, sources=[doc_id])


def test_three_reports_of_one_shelling_merge():
    """Worded differently ("Russian forces", "Russia's army", "Russian troops"), typed
    differently, placed at the city and at its province: one event, lowest toll."""
    from geoevents.model import Place

    city = Place("geonames:687700", "Zaporizhzhya", 47.85167, 35.11714, "P", "PPL",
                 country_code="UA", admin1="Zaporizka oblast")
    oblast = Place("geonames:687699", "Zaporizka oblast", 47.5, 35.5, "A", "ADM1",
                   country_code="UA", admin1="Zaporizka oblast")
    kyiv = Place("geonames:703448", "Kyiv", 50.45466, 30.5238, "P", "PPLC", country_code="UA",
                 admin1="Kyiv")
    reports = [_report("a", "Russian forces", city, fatalities=5),
               _report("b", "Russia's army", oblast, fatalities=6,
                       sub="Air/drone strike"),
               _report("c", "Russian troops", city, fatalities=6),
               _report("d", "Ukrainian troops", city),  # another actor
               _report("e", "Russian forces", kyiv),  # another city, 440 km away
               _report("f", "Russian forces", city, day="2025-11-16")]  # another day
    merged = deduplicate(reports)
    assert [e.sources for e in merged] == [["a", "b", "c"], ["d"], ["e"], ["f"]]
    assert merged[0].fatalities == 5


def test_one_happening_told_three_times_in_a_document_is_one_event():
    text = ("MAKURDI, Nigeria, April 14 — Gunmen killed 12 villagers in an attack on Kwatas "
            "in Benue state on Saturday, local officials said. The attack on Kwatas, which "
            "left 12 dead, was condemned by the governor. Residents said the gunmen also "
            "burned houses.")
    events = geoevents.parse(text, published="2025-04-15", doc_id="k").events
    attacks = [e for e in events if e.event_type == "Violence against civilians"]
    assert len(attacks) == 1
    attack = attacks[0]
    assert attack.fatalities == 12  # the lowest figure, never 24
    assert attack.date == "2025-04-12"
    assert len(attack.mentions) >= 3
    assert {m["trigger"] for m in attack.mentions} >= {"killed", "attack"}
    assert sum(e.fatalities or 0 for e in events) == 12


def test_a_statement_about_a_massacre_is_no_second_massacre():
    text = ("In Berlin, the German foreign ministry condemned the massacre in Kwatas on "
            "Wednesday. Gunmen killed 12 villagers in the attack on Saturday, according to "
            "local officials.")
    events = geoevents.parse(text, published="2025-04-16").events
    assert [e.event_type for e in events].count("Violence against civilians") == 1
    statement = next(e for e in events if e.event_type == "Diplomacy")
    assert statement.location is not None and statement.location.name == "Berlin"


def test_indexed_dedup_with_regions_matches_comparing_every_pair(monkeypatch):
    """Reports placed at provinces and countries are found by the cities inside them (and
    the other way round), also after a merge dated them: the index keeps exactly what
    comparing every kept report keeps."""
    import copy
    import random

    from geoevents.events import dedup
    from geoevents.model import Event, Place

    rng = random.Random(11)
    places = [Place(f"c{i}", f"city{i}", 10 + rng.uniform(-3, 3), 20 + rng.uniform(-3, 3),
                    "P", "PPL", country_code=rng.choice("AB"), admin1=rng.choice("XY"))
              for i in range(60)]
    places += [Place(f"r{cc}{a}", a, 10.0, 20.0, "A", "ADM1", country_code=cc, admin1=a)
               for cc in "AB" for a in "XY"]
    places += [Place(f"n{cc}", f"country {cc}", 12.0, 22.0, "A", "PCLI", country_code=cc)
               for cc in "AB"]
    items = [Event(id=f"e{n}", event_type="Battles", sub_event_type="Armed clash",
                   trigger="t", trigger_start=0, trigger_end=1, sentence="",
                   location=rng.choice(places), date=rng.choice(["2025-01-01", "2025-01-02",
                                                                 None]),
                   date_precision="day", doc_id=f"d{n % 30}", sources=[f"d{n % 30}"])
             for n in range(800)]
    for e in items:
        if e.date is None:
            e.date_precision = "unresolved"
    indexed = [e.id for e in deduplicate(copy.deepcopy(items))]
    # the same run with every kept report as a candidate
    monkeypatch.setattr(dedup._Grid, "near", lambda self, event: [
        entry for cell in self.cells.values() for entry in cell])
    every = [e.id for e in deduplicate(copy.deepcopy(items))]
    assert indexed == every
    assert 10 < len(every) < 700


def test_a_fire_read_as_natural_or_man_made_is_one_kind_of_happening():
    from geoevents.events.dedup import merge_key
    from geoevents.model import Event

    def disaster(sub: str) -> Event:
        return Event(id=sub, event_type="Other incidents", sub_event_type=sub, trigger="fire",
                     trigger_start=0, trigger_end=4, sentence="x")

    assert merge_key(disaster("Natural disaster")) == merge_key(disaster("Man-made disaster"))
    assert merge_key(disaster("Natural disaster")) != merge_key(disaster("Organised crime"))


@pytest.mark.parametrize(("kept", "other", "expected"), [
    ("soldiers", "Israel Defense Forces (IDF)", "Israel Defense Forces (IDF)"),
    ("its troops", "the Sudanese Armed Forces (SAF)", "the Sudanese Armed Forces (SAF)"),
    ("police", "the Kenya Police Service", "the Kenya Police Service"),
    ("federal army", "Fano fighters", "federal army"),  # the other side
    ("Israeli forces", "the Egyptian Army", "Israeli forces"),
    (None, "soldiers", "soldiers"),
    ("Israeli forces", "soldiers", "Israeli forces"),
    ("soldiers", "Troops", "soldiers"),  # a sentence's first word, no name
    ("Hamas", "Israel Defense Forces (IDF)", "Hamas"),  # the first named actor stays
])
def test_a_merged_event_keeps_the_named_actor(kept, other, expected):
    assert finer_actor(kept, other) == expected
