"""Event dates resolve against the publication date, or stay unresolved."""

from __future__ import annotations

from datetime import date

import pytest

import geoevents
from geoevents.errors import InputError
from geoevents.events.dates import (
    YEAR_IN_TEXT,
    covered_until,
    parse_published,
    resolve_date,
    weekdays_named,
)

PUBLISHED = date(2025, 7, 10)  # a Thursday


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("on May 14", "2025-05-14", "day"),
    ("the evening of May 14", "2025-05-14", "day"),
    ("July 4", "2025-07-04", "day"),
    ("yesterday", "2025-07-09", "day"),
    ("last week", "2025-06-30", "week"),
    ("Earlier this month", "2025-07-01", "month"),
    ("on Tuesday", "2025-07-08", "day"),
    ("two days ago", "2025-07-08", "day"),
    ("11 December 2007", "2007-12-11", "day"),
    ("December 2001", "2001-12-01", "month"),
    ("last year", "2024-01-01", "year"),
])
def test_resolves_against_publication_date(text, expected, precision):
    info = resolve_date(text, PUBLISHED)
    assert (info.date, info.precision) == (expected, precision)
    assert info.text == text and info.reason


def test_day_after_publication_goes_to_previous_year():
    assert resolve_date("December 24", PUBLISHED).date == "2024-12-24"


@pytest.mark.parametrize("text", ["yesterday", "May 14", "last week", "earlier this month"])
def test_unresolved_without_publication_date(text):
    info = resolve_date(text, None)
    assert info.date is None and info.precision == "unresolved"
    assert "publication date" in info.reason


def test_absolute_dates_need_no_publication_date():
    assert resolve_date("Sept. 11, 2001", None).date == "2001-09-11"


@pytest.mark.parametrize("text", ["three days", "earlier", "the night before"])
def test_non_dates_stay_unresolved(text):
    assert resolve_date(text, PUBLISHED).precision == "unresolved"


def test_parse_published():
    assert parse_published("2025-07-10") == PUBLISHED
    assert parse_published(None) is None
    with pytest.raises(InputError):
        parse_published("not a date")


# -- datelines, the future, numbers that count ---------------------------------------------


@pytest.mark.parametrize(("text", "day", "place"), [
    ("KABUL, June 3 — A roadside bomb struck a minibus on Sunday.", "2025-06-03", "KABUL"),
    ("GOMA, Democratic Republic of Congo, Oct. 13 — M23 rebels seized a town.", "2024-10-13",
     "GOMA, Democratic Republic of Congo"),
    ("PORT-AU-PRINCE, Oct. 20 (AP) — Gang members attacked a town.", "2024-10-20",
     "PORT-AU-PRINCE"),
    # accented capitals open a dateline too
    ("ÉVORA, Portugal, May 2 — Farmers blocked a motorway.", "2025-05-02",
     "ÉVORA, Portugal"),
    # without a day: a dateline all the same, with no filing day
    ("KYIV — Russia launched a missile attack.", None, "KYIV"),
    ("BEIRUT (Reuters) - Israeli strikes killed three people.", None, "BEIRUT"),
    ("GAO, Mali — Gunmen ambushed a convoy.", None, "GAO, Mali"),
    # an apostrophe after the first capital ("N'DJAMENA" was read as no dateline)
    ("N'DJAMENA, May 19 - Seven soldiers were killed.", "2025-05-19", "N'DJAMENA"),
    ("N'DJAMENA (AFP) - Rebels attacked an army post.", None, "N'DJAMENA"),
    ("Lichinga — Armed insurgents attacked a village.", None, "Lichinga"),
    # after the headline (a short line without a full stop)
    ("Two men beheaded in Niassa\n\nLichinga — Armed insurgents attacked a village.", None,
     "Two men beheaded in Niassa\n\nLichinga"),
    ("A road and an old fear\n\nCHAIBASA, Jharkhand, June 9 - A blast hit a patrol.",
     "2025-06-09", "A road and an old fear\n\nCHAIBASA, Jharkhand"),
    # after the headline and an update note (recall20)
    ("Police raid leaves four dead\n\nUPDATED at 10:40 with the new toll\n\nRECIFE - Four "
     "men died.", None, "Police raid leaves four dead\n\nUPDATED at 10:40 with the new "
     "toll\n\nRECIFE"),
])
def test_dateline(text, day, place):
    from geoevents.events.dates import find_dateline

    line = find_dateline(text, date(2025, 6, 10))
    assert line is not None
    assert (line.date.isoformat() if line.date is not None else None) == day
    assert text[:line.place_end] == place
    assert text[line.end:line.end + 1].isalpha()  # the report proper


@pytest.mark.parametrize("text", ["Gunmen killed 12 villagers, June 3 — police said.",
                                  "In June 3 days of talks ended.", "No dateline here.",
                                  # a place in capitals is a dateline's, not a sentence
                                  # that opens with an acronym
                                  "UN troops in Goma, June 3 — rebels seized a town.",
                                  "AU envoys met in Addis Ababa, 3 June - talks went on.",
                                  # a title-case name before a hyphen, or a sentence
                                  "Kyiv - Paris talks went on.",
                                  "The Latest — Gunmen killed five.",
                                  "Gunmen killed five in Goma.\n\nKYIV — Russia struck.",
                                  # three header lines: the third is the report's
                                  "One\n\nTwo\n\nThree\n\nKYIV — Russia struck."])
def test_no_dateline(text):
    from geoevents.events.dates import find_dateline

    assert find_dateline(text, date(2025, 6, 10)) is None


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("tomorrow", "2025-07-11", "day"),
    ("next week", "2025-07-14", "week"),
    ("next Saturday", "2025-07-12", "day"),
    ("next month", "2025-08-01", "month"),
])
def test_future_expressions_resolve_after_the_report(text, expected, precision):
    info = resolve_date(text, PUBLISHED)
    assert (info.date, info.precision) == (expected, precision)


def _events(text: str, published: str):
    import geoevents

    return geoevents.parse(text, published=published).events


def test_a_dateline_anchors_relative_days():
    text = ("KABUL, June 3 — A roadside bomb struck a minibus carrying government employees "
            "in western Kabul on Sunday, killing four people, police said.")
    events = _events(text, "2025-06-10")  # published a week after it was filed
    bomb = next(e for e in events if e.event_type == "Explosions/Remote violence")
    assert (bomb.date, bomb.date_precision) == ("2025-06-01", "day")
    assert bomb.actor1 != "KABUL"  # the dateline is no actor


@pytest.mark.parametrize("dash", [" - ", " -- ", " – ", " — "])
def test_a_dateline_is_cut_from_the_first_sentence_whatever_its_dash(dash):
    """A hyphen after the dateline's day ("Sept 15 - A soldier …") would make the parser
    read the day and the sentence's subject as one noun phrase and lose the toll: every
    dash ends the dateline as its own sentence."""
    text = (f"JAYAPURA, Indonesia, Sept 15{dash}A soldier was killed and another wounded "
            "when separatist rebels opened fire on a military post on Sunday.")
    from geoevents.pipeline import analyse

    doc = analyse(text, published="2026-09-15")[1]
    first = next(iter(doc.sents)).text.strip()
    assert first == f"JAYAPURA, Indonesia, Sept 15{dash}".strip()
    clash = next(e for e in _events(text, "2026-09-15") if e.event_type == "Battles")
    assert (clash.fatalities, clash.date) == (1, "2026-09-13")


def test_a_stretch_the_recogniser_misses_counts_back_from_the_sentence_day():
    """"a day after two drivers were shot dead": the shooting is a day before the
    stoppage the sentence dates, even when the entity recogniser does not mark "a day"."""
    text = ("CHILPANCINGO, Gro., May 20 — Chilpancingo was left without public transport on "
            "Tuesday as drivers of colectivos and urban taxis stopped work to demand "
            "security, a day after two drivers were shot dead in the south of the city.")
    events = _events(text, "2026-05-20")
    shooting = next(e for e in events if e.trigger == "shot")
    protest = next(e for e in events if e.event_type == "Protests")
    assert (shooting.date, protest.date) == ("2026-05-18", "2026-05-19")
    assert shooting.fatalities == 2  # "two drivers were shot dead"


def test_numbers_that_count_are_not_years():
    events = _events("Floods displaced 2000 families in Maiduguri last week, officials said.",
                     "2025-09-16")
    assert events
    assert all(e.date is None or not e.date.startswith("2000") for e in events)
    flood = next(e for e in events if e.sub_event_type == "Natural disaster")
    assert (flood.date, flood.date_precision) == ("2025-09-08", "week")


def test_background_history_and_planned_events_are_not_events():
    text = ("Protesters marched through Yerevan on Sunday. The opposition plans another rally "
            "next Sunday in Gyumri. In 2018, mass protests in Yerevan forced the prime "
            "minister to resign.")
    events = _events(text, "2025-04-29")
    assert [e.date for e in events] == ["2025-04-27"]


# -- labels, stretches counted back, seasons, years that name a thing ----------------------


@pytest.mark.parametrize(("text", "day"), [
    # a label opens the dateline ("ANALYSIS —"), or the day comes before the month
    ("ANALYSIS — NIAMEY, Feb. 3 — The junta has ruled for two years.", "2025-02-03"),
    ("GAROWE, 4 March — Clan militias fought over a well.", "2025-03-04"),
    ("LA PAZ, Bolivia, 12 April 2025 — Miners blocked roads.", "2025-04-12"),
])
def test_dateline_forms(text, day):
    from geoevents.events.dates import find_dateline

    line = find_dateline(text, date(2025, 6, 10))
    assert line is not None and line.date is not None and line.date.isoformat() == day


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("the summer of 2019", "2019-01-01", "year"),
    ("in the winter of 2022", "2022-01-01", "year"),
    ("in the current year", "2025-01-01", "year"),
])
def test_seasons_and_the_current_year(text, expected, precision):
    info = resolve_date(text, PUBLISHED)
    assert (info.date, info.precision) == (expected, precision)


def test_line_labels_date_the_entries_under_them():
    from geoevents.events.dates import line_headings

    text = ("Round-up\n09:30 — Shots were heard.\nTuesday: A bomb went off.\n"
            "- 3 July: Troops arrived.\nNo label here: nothing.")
    got = {text[start:start + 5]: (info.date, info.precision)
           for start, info in line_headings(text, PUBLISHED).items()}
    assert got == {"09:30": ("2025-07-10", "day"), "Tuesd": ("2025-07-08", "day"),
                   "- 3 J": ("2025-07-03", "day")}
    assert line_headings(text, None) == {}


def test_a_round_up_dates_each_incident_by_its_label():
    text = ("MOGADISHU, July 10 — Weekly security digest.\n\n"
            "Monday: A roadside bomb hit a police truck in Afgoye, wounding three officers.\n\n"
            "Wednesday: Gunmen shot dead a tax collector in Baidoa.\n\n"
            "10:40 — Militants fired mortars at the port in Kismayo.")
    events = _events(text, "2025-07-12")
    days = {e.location.name.split(",")[0] if e.location else None: e.date for e in events
            if e.event_type != "Diplomacy"}
    assert days.get("Afgooye") == "2025-07-07"
    assert days.get("Baidoa") == "2025-07-09"
    assert days.get("Kismayo") == "2025-07-10"


@pytest.mark.parametrize("label, day", [
    ("7 November:", "2026-11-07"),  # NER tags only "November": the label dates the item
    ("Saturday, 7 November -", "2026-11-07"),  # a weekday before the date, a dash after
    ("Friday 6 November:", "2026-11-06"),  # NER's date keeps the colon
    ("Monday:", "2026-11-09"),
])
def test_a_round_up_label_of_a_weekday_and_a_date_dates_its_item(label, day):
    text = ("ABECHE, Chad, Nov 9 - A weekly round-up of the violence in the province.\n\n"
            f"{label} a cattle trader was shot dead in Adré.")
    events = _events(text, "2026-11-09")
    assert [e.date for e in events if e.event_type != "Diplomacy"] == [day]


@pytest.mark.parametrize(("text", "published", "day", "precision"), [
    ("The toll rose to nine on Friday, officials said, three days after gunmen attacked "
     "a checkpoint in Gao.", "2025-07-11", "2025-07-08", "day"),
    ("Five years after soldiers shot dozens of protesters in Conakry, the families still "
     "wait for a trial.", "2025-07-11", "2020-01-01", "year"),
])
def test_a_stretch_after_which_the_news_comes_counts_back(text, published, day, precision):
    from geoevents.events.dates import event_date
    from geoevents.nlp import load

    parsed = load()(text)
    trigger = next(t for t in parsed if t.lemma_ in ("attack", "shoot"))
    info = event_date(trigger, None, parsed[:], parse_published(published))
    assert (info.date, info.precision) == (day, precision)
    # the main clause's own event is not counted back
    rose = next(t for t in parsed if t.lemma_ in ("rise", "wait"))
    assert event_date(rose, None, parsed[:], parse_published(published)).date != day


def test_a_year_that_names_a_happening_makes_it_history():
    text = ("Police fired tear gas at students in Dhaka on Monday. The deadliest day remains "
            "the 2013 Shapla Square incident, in which 58 protesters died.")
    events = _events(text, "2025-07-09")
    assert events
    assert all(e.date is None or e.date >= "2025" for e in events)
    assert sum(e.fatalities or 0 for e in events) == 0


def test_a_count_the_tagger_took_into_a_date_is_left_out():
    assert resolve_date("15 May three", date(2025, 5, 20)).date == "2025-05-15"
    assert resolve_date("May 14", date(2025, 5, 20)).date == "2025-05-14"


def test_the_day_an_onset_tells_is_the_first_day_of_the_happening():
    text = ("KIDAL, Oct. 9 — Soldiers regained control of the town early on Wednesday, the "
            "army said. The fighting broke out on Monday night and lasted two days.")
    events = _events(text, "2025-10-09")  # a Thursday
    battles = [e for e in events if e.event_type == "Battles"]
    assert [e.date for e in battles] == ["2025-10-06"]


def test_a_later_dateline_anchors_the_days_after_it():
    # two parts filed a day apart: "on Tuesday" in the part filed from Belgrade on June 9
    # (a Tuesday) is June 9, not the Tuesday before the first dateline's June 8
    text = ("ZVECAN, Kosovo, June 8 — A grenade exploded at a police station in Zvecan late "
            "on Sunday, injuring two officers, police said.\n\n"
            "BELGRADE, June 9 — Several thousand people rallied peacefully in central "
            "Belgrade on Tuesday against the arrests of Serbs in Kosovo.")
    events = _events(text, "2026-06-09")
    grenade = next(e for e in events if e.event_type == "Explosions/Remote violence")
    rally = next(e for e in events if e.event_type == "Protests")
    assert (grenade.date, rally.date) == ("2026-06-07", "2026-06-09")


def test_a_later_dateline_is_found_only_at_a_paragraph_start():
    from geoevents.events.dates import later_datelines

    text = ("GOMA, Oct. 13 — Rebels seized a town.\n\nKINSHASA, Oct. 14 — The government "
            "protested.\n\nPolice in Goma, Oct. 12 — the day before — arrested two men.")
    found = later_datelines(text, date(2024, 10, 20))
    assert [(d.date.isoformat(), text[d.start:d.place_end]) for d in found if d.date] == [
        ("2024-10-14", "KINSHASA")]


@pytest.mark.parametrize("text", [
    # a number the tagger put in a name or a sum is no year (the event is not history)
    "Gunmen attacked the Route 1960 bus station in Kano, killing two guards.",
    "Gunmen attacked the Hotel 2000 in Kano, killing two guards.",
    "Gunmen shot dead a trader in Kano over a debt of $1950, police said.",
])
def test_numbers_in_names_and_sums_are_not_years(text):
    events = _events(text, "2025-05-12")
    assert events
    assert all(e.date is None or e.date >= "2025" for e in events)


def test_a_stretch_after_a_clause_counts_back_from_the_sentence_day():
    # "two days after" counts back from the day the rest of the sentence tells (Friday
    # 9 May), not from the report's day (Monday 12 May)
    for text in ["On Friday, two days after rival groups fought in the market of Kano, "
                 "police arrested 20 people.",
                 "Two days after rival groups fought in the market of Kano, police "
                 "arrested 20 people on Friday."]:
        fight = next(e for e in _events(text, "2025-05-12") if e.trigger == "fought")
        assert fight.date == "2025-05-07", text
    # without a day of its own, the sentence is told from the report's day
    text = "Two days after rival groups fought in the market of Kano, the governor resigned."
    fight = next(e for e in _events(text, "2025-05-12") if e.trigger == "fought")
    assert fight.date == "2025-05-10"


def test_a_stretch_never_dates_a_clause_that_names_its_own_day():
    # "on Sunday evening" is the abduction's day even where the parse hangs it on the
    # road; "a day after" counts back from the raid, not from the report (o04)
    text = ("The raid came a day after suspected separatist fighters abducted five people, "
            "including a council worker and a primary school teacher, on the Muyuka–Ekona "
            "road on Sunday evening.")
    abduction = next(e for e in _events(text, "2026-06-09") if e.trigger == "abducted")
    assert abduction.date == "2026-06-07"


def test_that_year_is_the_year_told_before():
    # "In May of that year" is May 2023, the year told before it: history, no event now
    text = ("ZVECAN, Kosovo, June 8 — A grenade exploded at a police station in Zvecan late "
            "on Sunday, injuring two officers, police said.\n\n"
            "The north has been tense since September 2023, when about 30 armed Serbs "
            "attacked Kosovo police near the village of Banjska, killing one officer, in a "
            "shoot-out in which three of the attackers also died. In May of that year, dozens "
            "of KFOR soldiers were injured in clashes with Serb protesters outside municipal "
            "buildings in Zvecan.")
    assert [e.date for e in _events(text, "2026-06-09")] == ["2026-06-07"]


def test_a_told_year_is_written_out():
    from geoevents.events.dates import with_told_year
    from geoevents.pipeline import analyse

    _, doc = analyse("Rebels took the town in 2019. The following year, they lost it.",
                     published="2025-05-12")
    ent = next(e for e in doc.ents if "year" in e.text)
    assert with_told_year(ent) == "2020"


def test_a_line_holding_only_the_issue_date_dates_no_event():
    # an update's title and the day it was issued, then the attack it reports: one event,
    # on the day the text gives it
    text = ("CHAD: Attack on Tchoukoutalia, Lac Province\nFlash Update No. 1\n15 July 2026\n\n"
            "In the early hours of 13 July, members of an armed group arriving by canoe "
            "attacked Tchoukoutalia, an island village about 15 km west of Bol, killing 12 "
            "people.")
    found = [e for e in _events(text, "2026-07-15") if e.event_type != "Diplomacy"]
    assert [e.date for e in found] == ["2026-07-13"]


def test_issue_lines():
    from geoevents.events.dates import issue_lines

    text = "Statement No. 14\n11 May 2026\nOn 9 May 2026 our forces attacked.\nMay 9, 2026\n"
    assert [text[a:b] for a, b in issue_lines(text)] == ["11 May 2026", "May 9, 2026"]


@pytest.mark.parametrize("text", ["Guests of the Hotel 2000 fled. The following year, they "
                                  "lost it.",
                                  "Raiders killed 1990 cattle. The following year, they "
                                  "lost it."])
def test_a_told_year_is_a_year_told_as_a_date(text):
    from geoevents.events.dates import with_told_year
    from geoevents.pipeline import analyse

    _, doc = analyse(text, published="2025-05-12")
    ent = next(e for e in doc.ents if "year" in e.text)
    assert with_told_year(ent) == ent.text


@pytest.mark.parametrize(("text", "day"), [
    ("Kyiv, Ukraine, March 3 (Reuters) - Russian drones struck the city.", "2025-03-03"),
    ("Gaza City, July 5 \u2014 Israeli strikes hit a school.", "2024-07-05"),
])
def test_a_title_case_dateline(text, day):
    from geoevents.events.dates import find_dateline

    line = find_dateline(text, date(2025, 6, 10))
    assert line is not None and line.date is not None and line.date.isoformat() == day


@pytest.mark.parametrize(("text", "day"), [
    ("14.02.2026", "2026-02-14"),
    ("on 05.02.2026", "2026-02-05"),  # day first: not 2 May
    ("1.3.2025", "2025-03-01"),
])
def test_a_day_in_figures_with_dots_is_a_day_not_a_year(text, day):
    info = resolve_date(text, PUBLISHED)
    assert (info.date, info.precision) == (day, "day")


def test_a_number_with_dots_that_is_no_day_is_not_read_as_one():
    assert resolve_date("31.02.2026", PUBLISHED).precision != "day"


def test_a_police_note_dates_its_events_by_days_in_figures():
    text = ("Press note. On 15.02.2026, while the team was returning from the operation, an "
            "IED planted by the Maoists exploded near Bijapur, injuring two jawans. The "
            "Maoists have called for a bandh in Bijapur on 20.02.2026.")
    events = _events(text, "2026-02-16")
    # the blast on its day; the bandh is to come, no event
    assert [(e.sub_event_type, e.date) for e in events] == [
        ("Remote explosive/landmine/IED", "2026-02-15")]


@pytest.mark.parametrize("text", [
    "On 14.02.2026 police arrested five people in Lahore.",
    "On 14.02.2026 gunmen attacked a bus in Quetta.",
])
def test_a_day_in_figures_before_a_plural_noun_dates_the_event(text):
    # "14.02.2026 police": the day is no count of the police
    events = _events(text, "2026-02-20")
    assert events
    assert {(e.date, e.date_precision) for e in events} == {("2026-02-14", "day")}


@pytest.mark.parametrize(("text", "years"), [
    ("In 2020, and again in 1998 (and 2001)", ["2020", "1998", "2001"]),
    ("2024", ["2024"]),
    ("Route 1960 bus", ["1960"]),
    ("A2020 x_2019 20201 2020a 19.95 1700", []),
    ("on 14.02.2026 at 07:30", ["2026"]),
    ("ﺎ2020 é1999 ٣2018", []),  # letters and digits of any script are word characters
])
def test_year_in_text_is_a_whole_word(text: str, years: list[str]) -> None:
    assert YEAR_IN_TEXT.findall(text) == years


def test_hours_later_counts_from_the_day_last_told_even_without_an_event():
    text = ("PESHAWAR, Oct. 6 — Militants stormed a checkpoint in Mir Ali on Sunday night, "
            "killing seven soldiers. Funeral prayers for the soldiers were held at the Bannu "
            "cantonment on Monday. Hours later, a suicide bomber rammed a car packed with "
            "explosives into the gate of a police station in Bannu, killing three policemen.")
    bombs = [e for e in _events(text, "2026-10-06") if e.sub_event_type == "Suicide bomb"]
    assert [e.date for e in bombs] == ["2026-10-05"]


def test_days_before_the_event_told_before():
    from geoevents.events.dates import days_after_before

    assert days_after_before("A day earlier, RSF fighters stormed the village.") == (
        -1, "a day earlier")
    assert days_after_before("Gunmen had attacked the post the previous night.") == (
        -1, "the previous night")
    assert days_after_before("Two days later, troops returned.") == (2, "two days later")
    assert days_after_before("Troops returned to the town.") is None


def test_a_day_earlier_counts_back_from_the_event_told_before():
    import geoevents

    events = geoevents.extract_events(
        "PORT SUDAN, March 9 — A drone strike hit a market in El Obeid on Sunday, killing "
        "seven people. A day earlier, RSF fighters stormed the village of Um Sumeima, about "
        "30 km west of El Obeid, killing 12 villagers.", published="2026-03-09")
    assert sorted(e.date for e in events if e.event_type != "Protests") == [
        "2026-03-07", "2026-03-08"]


def test_a_round_up_label_after_the_items_place():
    from geoevents.events.dates import line_headings

    text = ("DAMASCUS, Aug. 17 — Syria this week: incidents reported between August 10 "
            "and 16.\n\nDaraa — Monday: A bomb exploded in Tafas.\n\n"
            "Deir ez-Zor — Tuesday: Fighting broke out in Al-Busayrah.\n")
    headings = line_headings(text, date(2026, 8, 17))
    assert sorted(info.date for info in headings.values()) == ["2026-08-10", "2026-08-11"]


def test_a_dateline_day_the_parse_runs_on_into_the_text_dates_no_event():
    # spaCy reads "8 July - Niger's" as one date: it starts in the dateline, so it is the
    # dateline's and the event keeps the day its own words give
    found = geoevents.extract_events(
        "NIAMEY, 8 July - Niger's soldiers repelled an attack by militants on their base "
        "in Bosso on Saturday.", published="2026-07-08")
    assert found and {e.date for e in found} == {"2026-07-04"}


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("THE WEEK IN SECURITY: 9-15 November\n\nA selection of incidents.", "2026-11-16",
     date(2026, 11, 15)),
    ("NIGER — Protection Update\nReporting period: 2 to 8 March 2026\n", "2026-03-10",
     date(2026, 3, 8)),
    # a period that ends after the report, or long before it, anchors nothing
    ("WEEKLY OUTLOOK: 16-22 November\n", "2026-11-16", None),
    ("REVIEW: 1-7 September\n", "2026-11-16", None),
    ("Gunmen killed 12 people on Sunday.", "2026-11-16", None),
    # a story's own sentence names days, not the period the report covers
    ("Clashes on 10-12 November killed nine people in Choloma, police said on Monday.",
     "2026-11-16", None),
])
def test_the_period_a_round_up_covers(text, published, expected):
    assert covered_until(text, parse_published(published)) == expected


def test_a_round_up_counts_its_weekdays_back_from_the_last_day_it_covers():
    text = ("THE WEEK IN SECURITY: 9-15 November\n\n"
            "CHOLOMA - Four members of one family were shot dead on Monday night inside their "
            "house in the Rivera Hernández neighbourhood.")
    found = geoevents.extract_events(text, published="2026-11-16")  # a Monday
    assert found and {e.date for e in found} == {"2026-11-09"}


def test_a_relative_clause_on_a_participant_does_not_date_the_trigger():
    # precision12: "last week" is when the rebels took positions, not when the fighting
    # told in the present happens
    found = geoevents.extract_events(
        "Residents say militias, supported by the army, are fighting M23 rebels who took "
        "positions on the hills above Luvungi last week.", published="2026-05-11")
    assert [(e.sub_event_type, e.date) for e in found] == [("Armed clash", None)]
    # the trigger inside the relative clause is dated by it
    found = geoevents.extract_events(
        "Gunmen who attacked Luvungi last week returned on Monday.", published="2026-05-11")
    assert [(e.trigger, e.date) for e in found] == [("attacked", "2026-05-04")]


def test_weekdays_named_whole_words_only():
    assert weekdays_named("clashes from Monday to WEDNESDAY, and on Sunday's march") == {0, 2, 6}
    assert weekdays_named("Sundays and mondayish days") == set()
    assert weekdays_named("the Tuesday-Thursday talks, Tuesday again") == {1, 3}


def test_a_day_without_a_year_keeps_the_year_its_paragraph_is_set_in():
    # "on August 15" after "In August 2014" is August 15, 2014: history, no event now;
    # a weekday in the sentence names the report's own week ("On Thursday (Feb. 12)")
    text = ("BAGHDAD, Sept. 23 — An Iraqi court on Tuesday sentenced a former commander to "
            "death for the 2014 massacre in Kocho.\n\n"
            "In August 2014, Islamic State fighters overran Sinjar and the surrounding "
            "villages. In Kocho, they separated the men from the women on August 15 and shot "
            "dead several hundred men outside the village, according to survivors.")
    assert not [e for e in _events(text, "2026-09-23") if e.event_type != "Diplomacy"]
    week = ("CULIACAN, Feb. 16 — In October 2025, a lime leader was killed near Apatzingán. "
            "On Sunday (Feb. 15), gunmen shot dead three farmers on the outskirts of "
            "Apatzingán.")
    assert [e.date for e in _events(week, "2026-02-16") if e.fatalities == 3] == ["2026-02-15"]


def test_a_stretch_after_a_reference_dates_it():
    # "twelve years after the attack": the attack is history, not this week's
    text = ("BAGHDAD, Sept. 23 — Yazidi groups said most of Sinjar's residents still live in "
            "camps in the Kurdistan region, twelve years after the attack.")
    assert not [e for e in _events(text, "2026-09-23") if e.sub_event_type == "Attack"]


def test_a_day_told_without_an_event_dates_what_follows():
    # the lead tells the hearing's day, but no event of it: the protest "during the
    # hearing", told with no time of its own, happened that day
    text = ("HARARE, May 6 — A magistrate in Mutare on Tuesday sentenced four former "
            "police officers to 20 years in prison for the killing of a vendor in 2021.\n\n"
            "Outside the court, about 50 vendors held a protest during the hearing, singing "
            "and waving placards.")
    protests = [e for e in _events(text, "2026-05-06") if e.event_type == "Protests"]
    assert [e.date for e in protests] == ["2026-05-05"]
