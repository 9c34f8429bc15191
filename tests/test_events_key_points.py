"""A report's key points and its full account are one set of happenings: each list item
names a happening the report then tells in full (issue 12 item 2); and a layout's lines
(list items, headings) end sentences that carry no full stop."""

from __future__ import annotations

import pytest

import geoevents

_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}

UPDATE = (
    "NIGER — Protection Update No. 7\nReporting period: 2 to 8 March 2026\n\n"
    "KEY POINTS\n- Attack on a gendarmerie post near Tillaberi; six killed\n"
    "- Three herders abducted outside Ayorou\n\nINCIDENTS\n"
    "On 3 March, gunmen attacked the gendarmerie post of Sakoira, about 30 km south of "
    "Tillaberi, and six gendarmes were killed.\n"
    "On 5 March, armed men abducted three herders from a camp 4 km from Ayorou.\n")


def violent(text: str, published: str = "2026-03-10"):
    return [e for e in geoevents.extract_events(text, published=published)
            if e.event_type in _VIOLENCE]


@pytest.fixture(scope="module")
def nlp(gaz):
    from geoevents.pipeline import geoparser

    return geoparser().nlp


def test_list_items_and_the_line_after_a_heading_are_sentences(nlp):
    sentences = [s.text.strip() for s in nlp(UPDATE).sents]
    assert "- Attack on a gendarmerie post near Tillaberi; six killed" in sentences
    assert "- Three herders abducted outside Ayorou" in sentences
    assert any(s.startswith("On 3 March") for s in sentences)
    assert not any("KEY POINTS" in s and "Attack" in s for s in sentences)


def test_a_paragraph_wrapped_on_lines_is_not_cut(nlp):
    text = ("Gunmen attacked a gendarmerie post near Tillaberi on Monday\n"
            "and killed six gendarmes, officials said.")
    assert len(list(nlp(text).sents)) == 1


def test_each_key_point_joins_its_full_telling():
    found = violent(UPDATE)
    assert len(found) == 2, [(e.trigger, e.location_text, e.date) for e in found]
    attack = next(e for e in found if e.event_type != "Violence against civilians")
    # the full telling's day and village, not the item's undated town
    assert attack.date == "2026-03-03"
    assert {"Attack", "attacked"} <= {m["trigger"] for m in attack.mentions}
    abduction = next(e for e in found if e.event_type == "Violence against civilians")
    assert abduction.date == "2026-03-05"


def test_two_key_points_in_two_places_stay_two_events():
    text = ("KEY POINTS\n- Attack on a gendarmerie post near Tillaberi\n"
            "- Attack on a market in Ayorou\n\nINCIDENTS\n"
            "On 3 March, gunmen attacked the gendarmerie post of Tillaberi.\n")
    found = violent(text)
    assert len(found) == 2
    assert {e.location.name for e in found if e.location} >= {"Ayorou"}


def test_a_stretch_after_a_clause_with_its_own_day_is_not_its_date():
    found = violent(
        "MOGADISHU (May 21) — The attack came a day after mortar shells struck a "
        "residential area of Afgooye town on Tuesday afternoon, killing two children.",
        published="2026-05-21")
    shelling = next(e for e in found if e.event_type == "Explosions/Remote violence")
    assert shelling.date == "2026-05-19"  # Tuesday, not "a day" before the report


def test_a_stretch_after_a_clause_without_a_day_still_counts_back():
    found = violent(
        "MOGADISHU (May 21) — The attack came a day after mortar shells struck a "
        "residential area of Afgooye town, killing two children.", published="2026-05-21")
    shelling = next(e for e in found if e.event_type == "Explosions/Remote violence")
    assert shelling.date == "2026-05-20"


def test_a_numbered_issue_line_dates_no_event():
    from geoevents.events.dates import issue_lines

    text = ("CONGO: Attacks in Lubero territory\nFlash Update No. 3 — 14 April 2026\n\n"
            "KEY POINTS\n- At least 23 civilians killed in an attack on Butembo, Lubero "
            "territory, on 11 April.\n")
    start = text.index("Flash")
    assert (start, text.index("\n", start)) in issue_lines(text)
    found = violent(text, published="2026-04-14")
    dates = [e.date for e in found]
    assert "2026-04-11" in dates and "2026-04-14" not in dates


CLAIM = ("POPAYÁN, Colombia, June 23 — In a communiqué, the column said its fighters had "
         "attacked the police station in the town of Toribío in northern Cauca on Sunday "
         "night. According to the police, drones dropped explosives on the station in the "
         "town of {place} in northern Cauca on Sunday, killing a patrolman.")


def test_a_claim_and_the_police_account_are_one_attack():
    found = violent(CLAIM.format(place="Toribío"), published="2026-06-23")
    assert len(found) == 1
    # the account that says how it was done gives the type
    assert (found[0].event_type, found[0].sub_event_type) == (
        "Explosions/Remote violence", "Air/drone strike")
    assert found[0].fatalities == 1


def test_a_claim_and_an_account_elsewhere_stay_apart():
    found = violent(CLAIM.format(place="Corinto"), published="2026-06-23")
    assert len(found) == 2


def test_a_full_telling_placed_far_off_does_not_move_the_item():
    # the village is read as a namesake in France; the item and the full telling share
    # "near Beni", so the happening stays near Beni
    text = ("NORTH KIVU — Situation report (as of 20 February 2026)\n\nKEY POINTS\n"
            "- Attack on farmers south of Mbolakati, near Beni, on 18 February.\n"
            "- Some 900 households displaced towards Eringeti.\n\nSITUATION OVERVIEW\n"
            "On 18 February, armed men attacked farmers in fields near the village of Lyon, "
            "about 10 km south of Mbolakati near Beni, killing four civilians.\n")
    found = violent(text, "2026-02-20")
    assert [(e.location.country_code, e.date) for e in found] == [("CD", "2026-02-18")]
