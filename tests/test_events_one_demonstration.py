"""One happening, one event, for demonstrations and disasters told in phases (issue 12
item 2): a gathering, its stone-throwing and the police's fire in one place and day are
one demonstration coded once (ACLED's sub-type says how it went); demonstrations in other
towns, or an attack marked as separate, stay apart."""

from __future__ import annotations

import geoevents

_CROWD = {"Protests", "Riots", "Violence against civilians"}


def crowd_events(text: str, published: str = "2025-07-08"):
    return [e for e in geoevents.extract_events(text, published=published)
            if e.event_type in _CROWD]


def test_the_scene_set_in_the_past_perfect_is_the_same_demonstration():
    found = crowd_events(
        "LAGOS, July 8 — Police opened fire on protesters in Ibadan on Monday, killing one "
        "student, hospital staff said.\n\n"
        "Several hundred students had gathered outside the state secretariat in Ibadan on "
        "Monday morning, chanting slogans and burning tyres on the road to the campus.")
    assert len(found) == 1
    event = found[0]
    assert event.event_type in ("Protests", "Riots")
    assert event.location is not None and event.location.name == "Ibadan"
    assert event.fatalities == 1
    assert {"opened", "gathered", "burning"} <= {m["trigger"] for m in event.mentions}


def test_people_shot_as_police_dispersed_a_march_are_force_on_that_march():
    found = crowd_events(
        "LAGOS, July 8 — Three demonstrators were shot dead in Ibadan on Monday as police "
        "fired tear gas and live rounds to disperse a march against fuel prices, a rights "
        "group said.")
    assert len(found) == 1
    assert found[0].event_type == "Protests"
    assert found[0].sub_event_type == "Excessive force against protesters"


def test_demonstrations_in_other_towns_stay_apart():
    found = crowd_events(
        "LAGOS, July 8 — Police opened fire on protesters in Ibadan on Monday, killing one "
        "student. In Kano, several hundred traders marched peacefully to the emirate "
        "palace on Monday.")
    assert sorted(e.location.name for e in found if e.location) == ["Ibadan", "Kano"]


def test_demonstrations_in_neighbouring_towns_stay_apart():
    # Ruiru is 20 km from central Nairobi, Callao 12 km from central Lima: each town its
    # own demonstration, however near
    for text, towns in [
        ("NAIROBI, July 8 — Police fired tear gas at hundreds of protesters in central "
         "Nairobi on Monday and arrested 30 of them. In Ruiru, youths blocked the Thika "
         "highway with burning tyres on Monday.", ["Nairobi", "Ruiru"]),
        ("LIMA, July 8 — Police fired tear gas at hundreds of protesters in central Lima on "
         "Monday. In Callao, dock workers blocked the port gates with burning tyres on "
         "Monday.", ["Callao", "Lima"])]:
        found = crowd_events(text)
        assert sorted(e.location.name for e in found if e.location) == towns
        assert {e.date for e in found} == {"2025-07-07"}


def test_a_clause_in_another_town_is_another_demonstration():
    found = crowd_events(
        "LAGOS, July 8 — Police fired tear gas at protesters in Ibadan on Monday, while in "
        "Kano several hundred traders marched peacefully to the emirate palace.")
    assert sorted((e.location.name, e.sub_event_type) for e in found if e.location) == [
        ("Ibadan", "Protest with intervention"), ("Kano", "Peaceful protest")]


def test_an_undated_telling_in_a_towns_paragraph_joins_the_happening_there():
    # "Rioters" has no date and no place of its own: its paragraph places it at Abéché,
    # so it tells the riot told there, not the peaceful protest in Bria told before it
    found = crowd_events(
        "BANGUI, March 8 — In Bria, traders demonstrated peacefully in front of the "
        "prefecture on 4 March against new checkpoint taxes.\n\n"
        "In Abéché, students rioted on 6 March after a classmate was arrested. Rioters "
        "burned tyres and threw stones at the police station.", published="2026-03-08")
    assert sorted((e.location.name, e.sub_event_type) for e in found if e.location) == [
        ("Abéché", "Violent demonstration"), ("Bria", "Peaceful protest")]


def test_a_mob_attacking_protesters_is_a_happening_of_its_own():
    # the men who beat the students are no phase of the students' demonstration
    found = crowd_events(
        "BELGRADE, Oct. 25 — Police detained students who were protesting in Čačak on "
        "Saturday. In Čačak, a group of around 20 men attacked students who were putting "
        "up a tent in the town's main square, beating them with sticks.",
        published="2026-10-25")
    assert "Mob violence" in {e.sub_event_type for e in found}
    assert any(e.event_type == "Protests" for e in found)


def test_gunmen_who_shot_at_a_march_commit_an_attack_of_their_own():
    found = crowd_events(
        "LAGOS, July 8 — Hundreds of people marched through Ibadan on Monday to demand "
        "the release of detained students. Separately, gunmen shot dead two farmers in "
        "Ibadan on Monday night, police said.")
    assert {e.event_type for e in found} == {"Protests", "Violence against civilians"}


def disasters(text: str, published: str = "2025-07-08"):
    return [e for e in geoevents.extract_events(text, published=published)
            if e.event_type == "Other incidents"]


def test_the_quake_named_again_at_its_epicentre_is_the_same_quake():
    found = disasters(
        "MANILA, July 8 — A magnitude 6.4 earthquake struck the central Philippines on "
        "Sunday night, killing at least nine people in Bogo, officials said on Monday.\n\n"
        "The quake hit at 9:59 p.m. local time, with its epicentre in the Camotes Sea "
        "about 20 km off the coast, the seismology institute said. Rescuers reached "
        "villages cut off by landslides on Monday as the toll rose to 12.")
    assert len(found) == 1
    quake = found[0]
    assert quake.date == "2025-07-06"
    assert quake.fatalities is not None and quake.fatalities <= 12  # one figure, no sum


def test_a_second_quake_is_another_event():
    found = disasters(
        "MANILA, July 8 — A magnitude 6.4 earthquake struck Bogo on Sunday night, killing "
        "nine people. A second earthquake struck Davao on Monday morning, damaging "
        "dozens of houses.")
    assert len(found) == 2


def test_houses_that_collapsed_in_a_town_near_the_quake_are_its_damage():
    """A quake placed at a point offshore and the town 78 km away, in its region, where
    houses collapsed, told right after it with no day of its own: one disaster. Not a
    town 300 km away in another region, nor one told on another day."""
    from types import SimpleNamespace

    from geoevents.events.extract import _struck_there
    from geoevents.model import Event, Place

    def told(place: Place, sentence: int, day: str | None, sub: str = "Natural disaster"):
        event = Event(id=place.name, event_type="Other incidents", sub_event_type=sub,
                      trigger="x", trigger_start=0, trigger_end=1, sentence="x",
                      location=place, location_role="site", date=day,
                      date_precision="day" if day else None)
        return event, SimpleNamespace(sentence=sentence)

    offshore = Place("test:sea", "40 km southwest of Chala", -16.12, -74.51, "L", "AREA",
                     country_code="PE", admin1="Arequipa")
    acari = Place("test:acari", "Acarí", -15.42, -74.61, "P", "PPL", country_code="PE",
                  admin1="Arequipa")
    cusco = Place("test:cusco", "Cusco", -13.53, -71.97, "P", "PPLA", country_code="PE",
                  admin1="Cusco")
    quake = told(offshore, 1, "2026-01-24")
    assert _struck_there(quake, told(acari, 2, None, "Man-made disaster"))
    assert not _struck_there(quake, told(cusco, 2, None))
    assert not _struck_there(quake, told(acari, 2, "2026-01-26"))
    assert not _struck_there(quake, told(acari, 6, None))  # told far from it


def test_a_disaster_in_another_region_of_the_country_is_another_event():
    # the first disaster's place is the country: a landslide far away on another day
    # does not join it
    found = disasters(
        "MANILA, Oct. 20 — Typhoon Kalmegi killed 14 people across the Philippines over "
        "the weekend, the disaster agency said on Monday.\n\n"
        "On Saturday a landslide buried six houses in a village outside Ormoc, killing "
        "five people. In Davao, floods forced 3,000 families from their homes on Sunday.")
    assert len(found) >= 2


def test_a_telling_in_a_protests_grievance_does_not_make_it_more_severe():
    """What a protest is about joins it but is no outcome of it: a raid on a sit-in that
    the marchers mourn leaves the march peaceful; force told at the protest still codes
    it by its most severe part."""
    from geoevents.events.extract import _absorb
    from geoevents.model import Event

    def told(sub: str, event_type: str = "Protests") -> Event:
        return Event(id=sub, event_type=event_type, sub_event_type=sub, trigger="t",
                     trigger_start=0, trigger_end=1, sentence="s")

    for sub in ("Excessive force against protesters", "Arrests"):
        march = told("Peaceful protest")
        _absorb(march, told(sub, "Strategic developments" if sub == "Arrests" else
                            "Protests"), set(), outcome=False)
        assert march.sub_event_type == "Peaceful protest"
    march = told("Peaceful protest")
    _absorb(march, told("Excessive force against protesters"), set())
    assert march.sub_event_type == "Excessive force against protesters"


def test_the_scene_timed_only_by_the_clock_is_the_same_demonstration():
    """precision11: "had gathered … by 6 p.m." names no day: it sets the scene of the
    demonstration told just before, not another one."""
    found = crowd_events(
        "CHICAGO, July 11 — Federal agents fired pepper balls and tear gas at protesters "
        "outside the immigration processing center in suburban Broadview on Friday evening.\n\n"
        "About 300 people had gathered outside the Broadview facility by 6 p.m. to protest "
        "a new wave of immigration arrests.", "2026-07-11")
    assert len(found) == 1
    assert {"fired", "gathered"} <= {m["trigger"] for m in found[0].mentions}


def test_a_gathering_timed_by_the_clock_elsewhere_stays_apart():
    """precision11: the clock joins a scene only at the same place."""
    found = crowd_events(
        "CHICAGO, July 11 — Federal agents fired pepper balls and tear gas at protesters "
        "outside the immigration processing center in suburban Broadview on Friday evening.\n\n"
        "About 300 people had gathered in Springfield by 6 p.m. to protest a new wave of "
        "immigration arrests.", "2026-07-11")
    assert len(found) == 2


def test_police_beating_people_near_a_later_telling_of_the_protest_is_its_force():
    """precision11: the beating is told two sentences after "The protest began …", which
    joins the protest told first: the people beaten are its crowd, coded once with it."""
    found = crowd_events(
        "TBILISI, Nov 11 — Georgian riot police used water cannon and pepper spray overnight "
        "to clear protesters from Tbilisi's Rustaveli Avenue, detaining 27 people, the "
        "interior ministry said on Wednesday.\n\n"
        "The opposition called the arrests an act of revenge. Officials said order had been "
        "restored.\n\n"
        "The protest began on Tuesday evening outside parliament, where a crowd of 2,000 "
        "gathered. Several protesters threw plastic bottles at the police line; a witness "
        "saw officers beat at least two people who had fallen to the ground.", "2026-11-11")
    assert [e.event_type for e in found] == ["Protests"]


def test_a_reference_to_the_protest_does_not_make_it_violent():
    # tellings18 (m06): "The protest came as violence flared elsewhere" refers to the
    # sit-in police cleared; the violence of its sentence is another happening's
    found = crowd_events(
        "TURBAT, February 13 — On Thursday, police moved in to clear the sit-in on the "
        "main road. Officers used batons and tear gas, and 11 protesters were detained. The "
        "protest came as violence flared elsewhere in the Kech district.", "2026-02-13")
    assert [e.sub_event_type for e in found] == ["Protest with intervention"]


def test_arrests_told_in_a_towns_paragraph_are_that_towns_protest():
    # tellings18 (o11): the detentions the Belgrade paragraph tells are not the march the
    # lead placed at Novi Sad through an anniversary phrase
    found = crowd_events(
        "BELGRADE, Oct. 25 — Tens of thousands of people marched in Serbian cities on "
        "Saturday, a week before the second anniversary of the collapse of a railway "
        "station canopy in Novi Sad.\n\n"
        "In Belgrade, a crowd filled the streets around the National Assembly in the "
        "afternoon. Police responded with tear gas and batons, and the interior ministry "
        "said 23 people were detained.", "2026-10-25")
    assert sorted(e.location.name for e in found if e.location is not None) == [
        "Belgrade", "Novi Sad"]


def test_a_bare_noun_in_another_towns_paragraph_may_name_the_attack_told_before():
    found = geoevents.extract_events(
        "IMPHAL, July 16 — Suspected militants fired on farmers working in paddy fields "
        "near Moirang on Wednesday, killing two men, police said.\n\n"
        "On Thursday, several thousand people took part in a rally in Churachandpur. "
        "Organisers said the rally was unrelated to Wednesday's attack.",
        published="2026-07-16")
    assert [e.event_type for e in found].count("Violence against civilians") == 1


def test_a_road_blocked_between_two_towns_is_one_blockade():
    # tellings18 (w13): the ends of the road are no two places of two blockades
    found = crowd_events(
        "LIMA, June 17 — In the southern region of Puno, several hundred informal gold "
        "miners blocked the main road between Juliaca and Puno for most of Tuesday.",
        "2026-06-17")
    assert len(found) == 1


def test_a_gathering_in_two_coordinated_towns_is_two_events():
    found = crowd_events(
        "TEHRAN, Oct 4 — On Saturday, hundreds of retirees gathered outside the social "
        "security offices in Rasht and Ahvaz to demand higher pensions.", "2026-10-04")
    assert sorted(e.location.name for e in found if e.location) == ["Ahvaz", "Rasht"]
