"""The golden set (tests/golden/): the scorer can fail, and geoevents passes its gates.

The reports are written for this project (see tests/golden/README.md). ``dev`` reports
were used while improving event extraction; ``heldout`` (h*), ``heldout2`` (x*),
``heldout14`` (n*), ``heldout19`` (f*) and ``heldout22`` (b*) reports were written before
the changes they check and not looked at while tuning: their gates are looser.
``tune5`` (v*), ``tune6`` (w*), ``tune7`` (u*) and ``tune8`` (t*) were held-out parts
(heldout5-heldout8) until session 12, ``tune9`` (y*) and ``tune10`` (z*) (heldout3,
heldout4) until session 13, ``tune11`` (s*) (heldout9) until session 14, ``tune12``
(r*) (heldout10) until session 15, ``tune13`` (q*) (heldout11) until session 16,
``tune14`` (o*) (heldout13) until session 17, ``tune15`` (m*) (heldout15) until
session 18, ``tune16`` (p*) (heldout12) until session 19, ``tune17`` (j*) (heldout17)
until session 20, ``tune18`` (k*) (heldout16) until session 21, ``tune19`` (g*)
(heldout18) until session 22, ``tune20`` (e*) (heldout20) until session 23 and ``tune21``
(c*) (heldout21) until session 24, which made them tuning data:
their errors may be read, and their gates are the ones they had as held-out parts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geoevents.errors import InputError
from geoevents.evaluation import golden
from geoevents.model import Event, Place

GOLDEN = Path(__file__).parent / "golden"
# precision / recall reached when the gates were set (see the README's events table)
# (heldout3, heldout4: regression guards only — see tests/golden/README.md for their history;
# heldout4's: its first run at e254ef3 was 0.417 / 0.625; after the session's merges
# (2227041) 0.511 / 0.719, minus 0.05; heldout5's: its first run, on main at 9b21bd3,
# 0.567 / 0.756, minus 0.05; after its blind annotation review (7c4f506) 0.569 / 0.750 —
# the same gates; heldout6's: its first run, on main at 65ef139 with the reports committed
# blind (50dffe6), 0.316 / 0.571; after its blind annotation review (e4038e4) 0.338 / 0.581,
# minus 0.05; heldout7's: its first run, on main at 0ef3b42 with the reports committed
# blind (38a05b9), 0.388 / 0.760 (19 of 25 required events), minus 0.05; heldout8's: its
# first run, on main at cceb02c with the reports committed blind (63bc4bd), 0.476 / 0.625
# (20 of 32 required events), minus 0.05; heldout9's: its first run, on main at f3216bf
# with the reports committed blind (33f174f), 0.458 / 0.667 (22 of 33 required events),
# minus about 0.05; heldout10's: its first run, on main at 1971ac9 with the reports
# committed blind (4b6ce79), 0.341 / 0.483 (14 of 29 required events); after its blind
# annotation review (06f38c9), on the same code, 0.359 / 0.483, minus about 0.05;
# heldout11's: its first run, on main's code at 60a6b9a with the reports committed blind
# (4fde81e) and blindly reviewed (8cc6eef), 0.405 / 0.531 (17 of 32 required events),
# minus about 0.05; heldout12's: its first run, on main's code at df56fe1 with the reports
# committed blind (f50a091) and blindly reviewed (0b56103), 0.632 / 0.774 (24 of 31
# required events), minus about 0.05; heldout13's: its first run, on main's code at 7c859a9
# with the reports committed blind (f00f256) and blindly reviewed (4fabf6d), 0.559 / 0.760
# (19 of 25 required events), minus about 0.05; heldout14's: its first run, on main's code
# at 54efd81 with the reports committed blind (558476c) and blindly reviewed (f969dbc),
# 0.743 / 0.788 (26 of 33 required events), minus about 0.05; heldout15's: its first run,
# on main's code at 2ffa5e9 with the reports committed blind (2ee8bc1) and blindly reviewed
# (165a5cb), 0.462 / 0.514 (18 of 35 required events), minus about 0.05; heldout16's: its
# first run, on main's code at 0f8b8d8 with the reports committed blind (7d994b8) and
# blindly reviewed (f0a14d9), 0.694 / 0.962 (25 of 26 required events), minus about 0.05;
# heldout17's: its first run, on main's code at 2ef70fb with the reports committed blind
# (0d8c87a) and blindly reviewed (7a2c5ec), 0.514 / 0.613 (19 of 31 required events),
# minus about 0.05; heldout18's: its first run, on main's code at f45fc90 (the same code
# as 891d438) with the reports committed blind (5f1d10c) and blindly reviewed (abf7660),
# 0.694 / 0.833 (25 of 30 required events), minus about 0.05; heldout19's: its first run, on
# main's code at 8c5067e (the same code as 36eeb16) with the reports committed blind
# (3ba2fbf) and blindly reviewed (232d6e2), 0.703 / 0.839 (26 of 31 required events), minus
# about 0.05; heldout20's: its first run, on main's code at 009baa1 (the same code as
# f57f720) with the reports committed blind (b6e47c7) and blindly reviewed (1c937ec),
# 0.585 / 0.800 (24 of 30 required events), minus about 0.05; heldout21's: its first run, on
# main's code at 27bbf40 (the same code as ee89608) with the reports committed blind
# (81c182f) and blindly reviewed (f6e7e71), 0.541 / 0.571 (20 of 35 required events), minus
# about 0.05; heldout22's: its first run, on main's code at f92437a (the same code as
# 070d7d0) with the reports committed blind (7c02e9f) and blindly reviewed (3a230f8),
# 0.605 / 0.719 (23 of 32 required events), minus about 0.05)
# (dev: 72 reports since d57-d72 were added, written in styles the first 56 lack and
# committed before geoevents was run on them — 0.388 / 0.594 then; the first 56 keep their
# own gate, FIRST_DEV_GATE)
# (dev d73-d84: 12 reports in styles and regions the dev set had least of, committed
# before geoevents was run on them — 0.351 / 0.619 and 12 failed checks then; they have
# their own gate, LATEST_DEV_GATE, and the "dev" gate stays on the 72 it was set on)
GATES = {"dev": (0.82, 0.90), "heldout": (0.83, 0.97), "heldout2": (0.59, 0.86),
         "tune9": (0.65, 0.74), "tune10": (0.72, 0.82), "tune5": (0.88, 0.90),
         "tune6": (0.49, 0.64), "tune7": (0.66, 0.83),
         "tune8": (0.70, 0.73), "tune11": (0.50, 0.68), "tune12": (0.31, 0.43),
         "tune13": (0.35, 0.48), "tune16": (0.58, 0.72),
         "tune14": (0.51, 0.71), "heldout14": (0.69, 0.73),
         "tune15": (0.41, 0.46), "tune18": (0.64, 0.91),
         "tune17": (0.46, 0.56), "tune19": (0.64, 0.78),
         "heldout19": (0.65, 0.79), "tune20": (0.53, 0.75),
         "tune21": (0.49, 0.52), "heldout22": (0.55, 0.67)}
FIRST_DEV = "d57"  # report ids below this one: the first 56 dev reports
FIRST_DEV_GATE = (0.92, 0.95)
LATEST_DEV = "d73"  # report ids from this one on: the latest dev reports (d73-d84)
LATEST_DEV_GATE = (0.50, 0.65)
# (dev d85-d92: 8 reports in styles the dev set lacked (an updated story, a feature, a
# police press note, a markets report, world briefs, two accounts of one killing, a
# timeline, a video verification), committed (020fd7c) before geoevents was run on them —
# 0.211 / 0.286 and 5 failed checks then, 0.267 / 0.286 and 4 after the session's
# precision work; their own gate, minus about 0.05)
NEWEST_DEV = "d85"
NEWEST_DEV_GATE = (0.21, 0.23)
# failed must-not checks on the held-out reports when the gates were set (heldout2: 5 when
# its reports were frozen; 6 after the merge of the location fallback chain and the new
# typing, which added one (a planned meeting's place given to a statement) — counted here,
# not tuned on; 3 after issue 12's one-happening and phantom-event work; heldout3: 8 on main
# at f47e935 after its annotation review, 7 after this session's merges (0.476 / 0.682);
# heldout2: 2 after the dating work that came with d57-d72 (counted, not read);
# heldout4: 10 on main at e254ef3, the first run on its reports; 5 after the session's
# merges (2227041), counted, not read; heldout5: 6 on main at 9b21bd3, the first run on its
# reports, and 6 after its annotation review; 5 after the merge of general13, counted, not read;
# heldout6: 12 on main at 65ef139, the first run on its reports, 11 after the blind annotation
# review e4038e4, counted, not read; 10 after session 9's precision work (a course of
# action "since" a time is no happening), counted, not read; heldout7: 7 on main at 0ef3b42,
# the first run on its reports (committed blind, 38a05b9), counted, not read; heldout8: 6 on
# main at cceb02c, the first run on its reports (committed blind, 63bc4bd), 5 after its blind
# annotation review df470d4, counted, not read; session 10's phantom-event work: heldout2 2 → 1,
# heldout3 7 → 6, heldout6 10 → 9, counted, not read; heldout9: 7 on main at f3216bf, the
# first run on its reports (committed blind, 33f174f), counted, not read; heldout10: 11 on
# main at 1971ac9, the first run on its reports (committed blind, 4b6ce79), 8 after its
# blind annotation review 06f38c9 on the same code, counted, not read; session 12's merges:
# heldout3 6 → 5, heldout9 7 → 6, counted, not read; heldout11: 10 on the code of main at
# 60a6b9a, the first run on its reports (committed blind, 4fde81e, reviewed blind, 8cc6eef),
# counted, not read; session 13's merges: heldout9 6 → 5, heldout10 8 → 6, heldout11
# 10 → 9, counted, not read; heldout12: 7 on the code of main at df56fe1, the first run on
# its reports (committed blind, f50a091, reviewed blind, 0b56103), counted, not read;
# session 14's merges: heldout11 9 → 8, heldout12 7 → 6, counted, not read; heldout13: 8 on
# the code of main at 7c859a9, the first run on its reports (committed blind, f00f256,
# reviewed blind, 4fabf6d), counted, not read; session 15's merges: heldout2 1 → 0,
# heldout11 8 → 7, counted, not read; heldout14: 5 on the code of main at 54efd81, the
# first run on its reports (committed blind, 558476c, reviewed blind, f969dbc), counted,
# not read; heldout15: 5 on the code of main at 2ffa5e9, the first run on its reports
# (committed blind, 2ee8bc1, reviewed blind, 165a5cb), counted, not read; session 17's
# merges: heldout12 6 → 4, counted, not read; heldout16: 7 on the code of main at 0f8b8d8,
# the first run on its reports (committed blind, 7d994b8, reviewed blind, f0a14d9), counted,
# not read; session 18's merges: heldout16 7 → 8, counted, not read — precision and recall
# unchanged, one must-not check more: recorded, not tuned away; heldout17: 4 on the code
# of main at 2ef70fb, the first run on its reports (committed blind, 0d8c87a, reviewed
# blind, 7a2c5ec), counted, not read; session 19's merges: heldout17 4 → 3, counted, not
# read; heldout18: 2 on the code of main at f45fc90, the first run on its reports
# (committed blind, 5f1d10c, reviewed blind, abf7660), counted, not read; heldout19: 3 on the
# code of main at 8c5067e, the first run on its reports (committed blind, 3ba2fbf, reviewed
# blind, 232d6e2), counted, not read; heldout20: 10 on the code of main at 009baa1, the
# first run on its reports (committed blind, b6e47c7, reviewed blind, 1c937ec), counted,
# not read; heldout21: 5 on the code of main at 27bbf40, the first run on its reports
# (committed blind, 81c182f, reviewed blind, f6e7e71), counted, not read; session 23's
# merges: heldout19 3 → 2, counted, not read; heldout22: 4 on the code of main at f92437a,
# the first run on its reports (committed blind, 7c02e9f, reviewed blind, 3a230f8), counted,
# not read)
HELDOUT_ERRORS = {"heldout": 0, "heldout2": 0, "heldout14": 5, "heldout19": 2,
                  "heldout22": 4}
# failed must-not checks of the former held-out parts that became tuning data in session 12
# (heldout5-heldout8 then: 5, 9, 7, 5 at its start; the counts after its merges). Their
# gates above are the end-of-session-12 figures (0.837 / 0.932, 0.482 / 0.628,
# 0.600 / 0.840, 0.686 / 0.750) minus about 0.05.
# (heldout3 and heldout4 became tune9 and tune10 at the start of session 13, with 5 and 5.)
# Session 13's merges: 0, 4, 1, 3, 0, 0; the tune gates above are its end figures
# (0.933 / 0.955, 0.545 / 0.698, 0.710 / 0.880, 0.758 / 0.781, 0.700 / 0.795,
# 0.778 / 0.875) minus about 0.05.
# (heldout9 became tune11 at the start of session 14, with 5 failed checks and
# 0.556 / 0.735, its last blind figures; its gate keeps the held-out gate's margin.)
# Session 14's merges: tune6 4 → 0, tune11 5 → 0.
# (heldout10 became tune12 at the start of session 15, with 6 failed checks and
# 0.389 / 0.483, its last blind figures; its gate keeps the held-out gate.)
# Session 15's merges: tune12 6 → 2.
# (heldout11 became tune13 at the start of session 16, with 7 failed checks and
# 0.450 / 0.562, its last blind figures; its gate keeps the held-out gate.)
# Session 16: tune13 7 → 2 (precision11: second tellings merged, speech verbs no protest, a
# week's total no event; recall7: the day a telling names is not the narrative's day);
# tune7 1 → 0: u12's fatality cap sums only political events, as the golden set counts a
# disaster's dead everywhere else.
# (heldout13 became tune14 at the start of session 17, with 8 failed checks and
# 0.583 / 0.840, its last blind figures; its gate keeps the held-out gate.)
# Session 17: tune14 8 → 1 (merge14: tellings of one fight, an abduction told twice, a
# ministry's total of the incidents told; phantom13: a 2014 massacre in a trial story);
# tune8 1 → 0 (merge14: a key point's toll no longer added to the detailed killings);
# tune12 1 → 0 and tune14's last one (precision13: a hyphen dateline cut from its sentence,
# a drone named by another clause).
# (heldout15 became tune15 at the start of session 18, with 5 failed checks and
# 0.439 / 0.514, its last blind figures; its gate keeps the held-out gate.)
# Session 18: tune15 5 → 0 (place18: no event at a stray reading abroad or at a road's far
# end; tellings18: the army's telling of a drone strike joins it, so its toll is no second
# one; typing18: a vigil typed by the unrest of another year).
# (heldout12 became tune16 at the start of session 19, with 4 failed checks and
# 0.676 / 0.806, its last blind figures; its gate keeps the held-out gate.)
# Session 19: tune16 4 → 0 (precision20: the army's and JNIM's tellings of one battle, a
# rumour's content, a bare toll at a march, a party's toll of a riot, a date read as a
# protester).
# (heldout17 became tune17 at the start of session 20, with 3 failed checks and
# 0.500 / 0.613, its last blind figures; its gate keeps the held-out gate.)
# (heldout16 became tune18 at the start of session 21, with 8 failed checks and
# 0.694 / 0.962, its last blind figures; its gate keeps the held-out gate.)
# (heldout18 became tune19 at the start of session 22, with 2 failed checks and
# 0.694 / 0.833, its last blind figures; its gate keeps the held-out gate.)
# (heldout20 became tune20 at the start of session 23, with 10 failed checks and
# 0.610 / 0.833, its last blind figures; its gate keeps the held-out gate.)
# (heldout21 became tune21 at the start of session 24, with 5 failed checks and
# 0.541 / 0.571, its last blind figures; its gate keeps the held-out gate.)
# Session 23: tune18 5 → 2, tune19 2 → 0, tune20 10 → 7 (precision24: a day's sum and a
# plural lede are no events of their own, what a witness tells a court is no new event,
# an announced protest is still to come; location24: a site named again places its
# sentence's events).
# Session 24: tune20 7 → 4, tune21 5 → 2 (precision25: a running toll, a speaker's account
# told again, a demanded act; events25: a raid with no aircraft named is no air strike, an
# IED and the day-before air strike stay two events).
# Session 21: tune17 3 → 1, tune18 8 → 5 (precision22: violence a trial is about is
# history, a speaker's seat is not where the dead were killed, civilians leaving are no
# change of a group's activity).
TUNE_ERRORS = {"tune5": 0, "tune6": 0, "tune7": 0, "tune8": 0, "tune9": 0, "tune10": 0,
               "tune11": 0, "tune12": 0, "tune13": 0, "tune14": 0, "tune15": 0,
               "tune16": 0, "tune17": 1, "tune18": 2, "tune19": 0, "tune20": 4,
               "tune21": 2}
# must-not checks of the dev reports that still fail, each with the event that makes it
# fail now (a substring of the error line): the same check failing for another reason is
# a new error. d73-d84 (first run 12 failed checks; 2 left): a rally outside a court typed
# as force against protesters (and placed by the paragraph's village), a "clash between
# party supporters" as an armed clash ("a pretext for more arrests" in a sentence about a
# rally, read as a protest, is no event since session 24)
KNOWN_DEV_ERRORS = {
    ("d76-guatemala-rabinal-tribunal",
     "the massacre is placed in Rabinal and dated in 1982; no event at Rabinal now"):
        # typed right since typing4 (the photographs of the dead are carried, no outcome);
        # still placed at Rabinal, where the massacre was, not at the court
        "Peaceful protest ('gathered')",
    ("d79-nepal-election-day", "one blast in Rolpa, one clash in Janakpur"):
        "Armed clash ('clash')",
    # d85-d92 (first run 5 failed checks; 4 left, all places): the market attack and the
    # checkpoint shooting in Bawku placed at Bolgatanga, where families fled to; the
    # encounter and the IED near Bijapur placed at Durg, read from 'DRG' (the District
    # Reserve Guard)
    ("d86-ghana-bawku-feature", "families leaving for Bolgatanga is no event"):
        "at Bolgatanga",
    ("d87-india-bijapur-press-note",
     "the injured jawans were flown to Raipur; nothing happened there"): "at Durg",
}


def _place(name: str, lat: float, lon: float) -> Place:
    return Place(f"test:{name}", name, lat, lon, "P", "PPL", country_code="NG")


def _event(event_type: str, sub: str, place: Place | None, day: str | None,
           fatalities: int | None = None) -> Event:
    return Event(id=f"e-{sub}-{day}", event_type=event_type, sub_event_type=sub,
                 trigger="x", trigger_start=0, trigger_end=1, sentence="x", location=place,
                 date=day, date_precision="day" if day else "unresolved",
                 fatalities=fatalities)


@pytest.fixture(scope="module")
def kwatas() -> golden.GoldReport:
    return golden.load_report(GOLDEN / "dev" / "d03_benue_kwatas.yaml", "dev")


def test_every_report_loads_and_is_substantial():
    reports = golden.load_dir(GOLDEN)
    assert len(reports) >= 50
    assert {r.part for r in reports} == {"dev", "heldout", "heldout2", "tune9",
                                           "tune10", "tune5", "tune6", "tune7", "tune8",
                                           "tune11", "tune12", "tune13", "tune14",
                                           "tune15", "tune16", "heldout14",
                                           "tune18", "tune17", "tune19",
                                           "heldout19", "tune20", "tune21",
                                           "heldout22"}
    for report in reports:
        assert report.text.count("\n\n") >= 2, f"{report.id}: fewer than three paragraphs"
        assert report.events or report.must_not
        for gold in report.events:
            assert gold.optional or gold.lat is not None, f"{report.id}: {gold.place}"


def test_right_events_score_perfectly(kwatas):
    benue = _place("Benue", 7.35, 8.78)
    right = [_event("Violence against civilians", "Attack", benue, "2025-04-12", 12)]
    score = golden.score(kwatas, right)
    assert (score.matched, score.required, score.scored_predictions) == (1, 1, 1)
    assert score.fatalities_right == score.fatalities_gold == 1
    assert not score.errors


@pytest.mark.parametrize("wrong", [
    _event("Battles", "Armed clash", _place("Benue", 7.35, 8.78), "2025-04-12"),  # type
    _event("Violence against civilians", "Attack", _place("Kano", 12.0, 8.52),
           "2025-04-12"),  # 550 km away
    _event("Violence against civilians", "Attack", _place("Benue", 7.35, 8.78),
           "2025-04-10"),  # another day
    _event("Violence against civilians", "Attack", None, "2025-04-12"),  # unlocated
])
def test_a_wrong_prediction_fails(kwatas, wrong):
    score = golden.score(kwatas, [wrong])
    assert score.matched == 0 and score.missed and score.false
    result = golden.GoldenResult([score])
    assert result.precision() == 0.0 and result.recall() == 0.0


def test_must_not_checks_catch_double_counting_and_phantoms(kwatas):
    benue = _place("Benue", 7.35, 8.78)
    twice = [_event("Violence against civilians", "Attack", benue, "2025-04-12", 12),
             _event("Violence against civilians", "Attack", None, None, 12)]
    errors = golden.score(kwatas, twice).errors
    assert any("fatalities add up to 24" in e for e in errors)
    assert any("2 events of Violence against civilians > 1" in e for e in errors)
    background = golden.load_report(GOLDEN / "dev" / "d02_california_wildfire.yaml")
    old = [_event("Other incidents", "Man-made disaster", None, "2018-01-01")]
    assert any("background" in e for e in golden.score(background, old).errors)


def test_a_fatality_cap_sums_only_the_events_its_filters_select():
    quake = golden.load_report(GOLDEN / "tune7" / "u12_afghanistan_herat_quake.yaml")
    herat = _place("Herat", 34.35, 62.2)
    disaster = [_event("Other incidents", "Natural disaster", herat, "2026-11-24", 48)]
    assert not any("fatalities add up" in e for e in golden.score(quake, disaster).errors)
    hurt = [*disaster,
            _event("Protests", "Protest with intervention", herat, "2026-11-24", 1)]
    assert any("fatalities add up to 1 > 0" in e for e in golden.score(quake, hurt).errors)


@pytest.mark.parametrize(("place", "located", "near"), [
    (_place("Benue", 7.35, 8.78), 1.0, 1.0),
    (_place("Kano", 12.0, 8.52), 1.0, 0.0),  # on the map, 550 km away
    (None, 0.0, 0.0),  # not on the map
])
def test_the_main_event_is_on_the_map_and_near(kwatas, place, located, near):
    events = [_event("Violence against civilians", "Attack", place, "2025-04-12", 12),
              _event("Battles", "Armed clash", _place("Benue", 7.35, 8.78), "2025-04-12")]
    result = golden.GoldenResult([golden.score(kwatas, events)])
    assert result.main_located() == located
    assert result.main_located(within_km=golden.MAIN_NEAR_KM) == near
    assert result.to_dict()["summary"]["all"]["main_within_25km"] == near


def test_optional_events_are_neither_missed_nor_false(kwatas):
    makurdi = _place("Makurdi", 7.73, 8.52)
    arrests = _event("Strategic developments", "Arrests", makurdi, "2025-04-14")
    score = golden.score(kwatas, [arrests])
    assert score.scored_predictions == 0 and score.required == 1 and score.matched == 0
    assert not score.false


def test_a_week_matches_a_day_inside_it():
    gold = golden.GoldEvent(("Protests",), None, "x", None, None, 25, date(2025, 9, 10),
                            None, False)
    week = _event("Protests", "Peaceful protest", None, "2025-09-08")
    week.date_precision = "week"
    assert golden.matches(gold, week)
    week.date = "2025-09-15"
    assert not golden.matches(gold, week)


def test_bad_report_files_are_input_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\npublished: 2025-01-01\n", encoding="utf-8")
    with pytest.raises(InputError, match="text"):
        golden.load_report(bad)
    bad.write_text("text: a\npublished: 2025-01-01\nmust_not:\n  - check: nonsense\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match="unknown check"):
        golden.load_report(bad)
    with pytest.raises(InputError):
        golden.load_dir(tmp_path / "missing")


@pytest.fixture(scope="module")
def result() -> golden.GoldenResult:
    return golden.evaluate(golden.load_dir(GOLDEN))


@pytest.mark.slow
@pytest.mark.parametrize("part", sorted(GATES))
def test_precision_and_recall_gates(result, part):
    precision, recall = GATES[part]
    scored = golden.GoldenResult([s for s in result.reports if s.part == part and not (
        part == "dev" and s.id >= LATEST_DEV)])
    assert scored.precision() >= precision
    assert scored.recall() >= recall


@pytest.mark.slow
def test_the_latest_dev_reports_keep_their_gate(result):
    latest = golden.GoldenResult([s for s in result.reports
                                  if s.part == "dev" and LATEST_DEV <= s.id < NEWEST_DEV])
    assert len(latest.reports) == 12
    precision, recall = LATEST_DEV_GATE
    assert latest.precision() >= precision
    assert latest.recall() >= recall


@pytest.mark.slow
def test_the_newest_dev_reports_keep_their_gate(result):
    newest = golden.GoldenResult([s for s in result.reports
                                  if s.part == "dev" and s.id >= NEWEST_DEV])
    assert len(newest.reports) == 8
    precision, recall = NEWEST_DEV_GATE
    assert newest.precision() >= precision
    assert newest.recall() >= recall


@pytest.mark.slow
def test_the_first_dev_reports_keep_their_gate(result):
    first = golden.GoldenResult([s for s in result.reports
                                 if s.part == "dev" and s.id < FIRST_DEV])
    assert len(first.reports) == 56
    precision, recall = FIRST_DEV_GATE
    assert first.precision() >= precision
    assert first.recall() >= recall


@pytest.mark.slow
def test_no_phantom_or_double_counted_events(result):
    """On the dev reports, background history, future events, numbers read as dates,
    statements read as violence and double-counted fatalities never occur: the only
    errors left are the known ones, caused by the known event. The held-out reports'
    errors are counted, not read (they were not used for tuning)."""
    reports = {r.id: r for r in golden.load_dir(GOLDEN)}
    unexpected = []
    for score in result.reports:
        if score.part != "dev":
            continue
        whys = [c.why for c in reports[score.id].must_not if c.why]
        for error in score.errors:
            why = next((w for w in whys if w in error), None)
            culprit = KNOWN_DEV_ERRORS.get((score.id, why))
            if culprit is None or culprit not in error:
                unexpected.append(f"{score.id}: {error}")
    assert not unexpected, "\n".join(unexpected)
    # A count, not the list: pytest must not print held-out errors when this fails.
    for part, allowed in (HELDOUT_ERRORS | TUNE_ERRORS).items():
        failed = len(result.errors(part))
        assert failed <= allowed, f"{part}: {failed} failed checks (at most {allowed})"


def test_held_out_errors_are_hidden_unless_asked(tmp_path, cli):
    """`eval golden` prints the failed checks of dev parts but only the totals of
    held-out parts, so that nobody reads (and tunes on) held-out errors by accident."""
    import yaml

    report = yaml.safe_load((GOLDEN / "dev" / "d03_benue_kwatas.yaml").read_text())
    report["must_not"] = [{"check": "max_events", "count": 0, "why": "always fails"}]
    for part, rid in (("dev", "tuning-report"), ("heldout9", "secret-report")):
        (tmp_path / part).mkdir()
        (tmp_path / part / f"{rid}.yaml").write_text(yaml.safe_dump({**report, "id": rid}))
    code, out, _ = cli("eval", "golden", str(tmp_path), "-v")
    assert code == 0
    assert "error: tuning-report" in out and "secret-report" not in out
    assert "heldout9" in out and "errors 1" in out.split("heldout9")[1].splitlines()[0]
    code, out, _ = cli("eval", "golden", str(tmp_path), "--held-out-details")
    assert "error: secret-report" in out
