"""One attack, one event: tellings of one attack as different kinds of political violence
(a car bomb and the assault it opened, a raid and the exchange of fire it became, an
army's communique and the attackers' claim) are one event; separate acts at one place and
time stay apart (issue 12 item 2)."""

from __future__ import annotations

import pytest

import geoevents

_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def violent(text: str, published: str = "2025-05-15"):
    return [e for e in geoevents.extract_events(text, published=published)
            if e.event_type in _VIOLENCE]


def test_a_car_bomb_and_the_assault_it_opened_are_one_battle():
    found = violent(
        "MOGADISHU, May 15 — Al-Shabaab fighters attacked an army base in Afgooye on "
        "Wednesday night, officials said. A suicide car bomb exploded at the gate of the "
        "base first, killing three soldiers. The defence ministry said on Thursday that two "
        "soldiers had died in the fighting.")
    assert len(found) == 1
    attack = found[0]
    # the lead's type holds: the car bomb opened the assault (and a telling naming it
    # does not make the battle an explosion)
    assert attack.event_type == "Battles"
    assert attack.fatalities == 2  # the lowest account, never 3 + 2
    assert {"attacked", "bomb"} <= {m["trigger"] for m in attack.mentions}
    assert attack.location is not None and attack.location.name == "Afgooye"


def test_a_raid_and_the_exchange_of_fire_it_became_are_one_battle():
    found = violent(
        "JENIN, West Bank, May 15 — Israeli troops raided the town of Tammun on Tuesday. "
        "Two Palestinian gunmen were killed in an exchange of fire, the army said.")
    assert [(e.event_type, e.date, e.fatalities) for e in found] == [
        ("Battles", "2025-05-13", 2)]


def test_a_communique_read_the_next_day_tells_the_attack_of_the_day_before():
    found = violent(
        "NIAMEY, May 15 — Jihadists stormed a military post in Bankilare on Tuesday, the "
        "army said. In a communique read on Wednesday, the defence ministry said the "
        "attackers had been repelled after two hours of fighting and that five soldiers "
        "were killed.")
    assert len(found) == 1
    assert found[0].event_type == "Battles" and found[0].date == "2025-05-13"
    assert found[0].fatalities == 5


def test_a_clause_coordinated_with_a_reported_one_is_reported_too():
    # "had been neutralised" is the ministry's reported past, not a happening before the
    # narrative's
    found = violent(
        "NIAMEY, May 15 — Jihadists attacked a military post near Bankilare on Tuesday, "
        "the army said. The defence ministry said on Wednesday that five soldiers were "
        "killed and that 23 assailants had been neutralised.")
    assert [(e.event_type, e.date, e.fatalities) for e in found] == [
        ("Battles", "2025-05-13", 5)]


@pytest.mark.parametrize("text", [
    # told as separate
    "MOGADISHU, May 15 — Al-Shabaab fighters attacked an army base in Afgooye on "
    "Wednesday night, officials said. Separately, a car bomb exploded at a checkpoint in "
    "Afgooye on Wednesday, killing three civilians.",
    # what came next: the army's answer to the attack
    "BAMAKO, May 15 — Jihadists attacked an army post in Konna on Sunday, killing six "
    "soldiers. The army said its drones then struck the attackers near Konna on Sunday, "
    "killing several of them.",
    # done during another happening: artillery on a market during a battle
    "PORT SUDAN, May 15 — Fighting between the army and the Rapid Support Forces broke "
    "out in Dilling on Sunday, killing 15 people. Residents said RSF artillery shelled the "
    "market in Dilling during the clashes on Sunday, killing four civilians.",
    # two tellings with places of their own: a bomb at a market is not the assault
    "MOGADISHU, May 15 — Al-Shabaab fighters attacked an army base in Afgooye on "
    "Wednesday night, officials said. A car bomb exploded at a market in Afgooye on "
    "Wednesday, killing three civilians.",
    # two towns
    "KABUL, May 15 — A roadside bomb exploded under a police vehicle in Kunduz on Monday. "
    "Gunmen attacked a checkpoint in Herat on Monday, killing two soldiers.",
    # two days
    "KABUL, May 15 — A roadside bomb exploded under a police vehicle in Kunduz on Monday. "
    "Gunmen attacked a checkpoint in Kunduz on Tuesday, killing two soldiers.",
    "JENIN, West Bank, May 15 — Israeli troops raided the town of Tammun on Tuesday. Two "
    "Palestinian gunmen were killed in an exchange of fire in Tubas on Wednesday, the army "
    "said.",
])
def test_separate_acts_at_one_place_or_time_stay_apart(text):
    assert len(violent(text)) == 2


def test_only_fire_returned_makes_an_attack_a_battle():
    from geoevents.events.extract import _coded_as
    from geoevents.events.ontology import load_ontology
    from geoevents.model import Event

    def told(event_type: str, sub: str, actor2: str | None) -> Event:
        return Event(id=sub, event_type=event_type, sub_event_type=sub, trigger="t",
                     trigger_start=0, trigger_end=1, sentence="", actor2=actor2)

    onto = load_ontology()
    tear_gas = told("Explosions/Remote violence", "Grenade", "young protesters")
    assert not _coded_as(tear_gas, told("Battles", "Armed clash", None), onto)
    assert tear_gas.event_type == "Explosions/Remote violence"
    raid = told("Violence against civilians", "Attack", "the town")
    assert _coded_as(raid, told("Battles", "Armed clash", None), onto)
    assert (raid.event_type, raid.sub_event_type) == ("Battles", "Armed clash")
    # the lead's type holds otherwise: a bombing stays one when a killing is told after
    bombing = told("Explosions/Remote violence", "Remote explosive/landmine/IED", None)
    assert not _coded_as(bombing, told("Violence against civilians", "Attack", None), onto)
    assert not _coded_as(bombing, told("Battles", "Armed clash", None), onto)
    assert bombing.event_type == "Explosions/Remote violence"


def test_victims_who_died_in_hospital_elsewhere_belong_to_the_bombing():
    found = violent(
        "ABUJA, May 15 — A suicide bomber blew herself up at a crowded fish market in "
        "Gwoza, in Borno state, on Wednesday evening, killing nine people and wounding 20, "
        "a leader of the local militia said. \"We have counted nine dead, including the "
        "bomber's victims who died in hospital in Maiduguri,\" he said.")
    assert len(found) == 1
    assert found[0].location is not None and found[0].location.name == "Gwoza"
    assert found[0].fatalities == 9


def test_the_run_a_killing_is_the_latest_in_is_no_second_event():
    found = [e for e in geoevents.extract_events(
        "QUITO, May 15 — Fighting between rival gangs inside the prison in Esmeraldas "
        "killed 11 inmates on Tuesday, the prison agency said, the latest in a string of "
        "massacres in the country's jails.", published="2025-05-15")
        if e.event_type != "Strategic developments"]
    assert len(found) == 1
    assert found[0].fatalities == 11  # the run takes no figures; the fight does


def test_the_other_sides_toll_told_later_is_another_account_of_the_clash():
    found = violent(
        "MANILA, May 15 — Three rebels and a soldier were killed in a clash with New "
        "People's Army guerrillas in the village of Pambujan in Northern Samar on Tuesday, "
        "the army said.\n\nThe army said the fighting lasted 40 minutes. Troops recovered "
        "three rifles.\n\nIn a statement sent on Wednesday night, the guerrillas' "
        "regional command gave its own version: six soldiers were killed, it said.")
    assert [(e.event_type, e.date) for e in found] == [("Battles", "2025-05-13")]


def test_a_killing_marked_as_separate_stays_apart():
    found = violent(
        "QUETTA, May 15 — Militants attacked the Saryab police station in Quetta on "
        "Wednesday, police said.\n\n"
        "Officials said the operation was continuing. Schools stayed shut.\n\n"
        "In a separate incident, two labourers were shot dead in Quetta on Wednesday, "
        "police said.")
    assert len(found) == 2


def test_a_gunfight_the_next_day_is_not_the_killing_told_before_it():
    # "the next day" dates the gunfight to Monday, and the district named for Sunday's
    # killing does not place it: the later telling near Sugnu does
    found = violent(
        "IMPHAL, May 27 — Two farmers were shot dead in their fields in Bishnupur district "
        "on Sunday, and one suspected militant was killed in a gunfight with security "
        "forces the next day, as violence flared again in the foothills.\n\n"
        "On Monday, security forces exchanged fire with armed men near Sugnu for about an "
        "hour, police said. One militant was killed and a rifle was recovered.",
        published="2025-05-27")
    by_type = {e.event_type: e for e in found}
    assert len(found) == 2 and set(by_type) == {"Violence against civilians", "Battles"}
    assert by_type["Violence against civilians"].date == "2025-05-25"
    clash = by_type["Battles"]
    assert clash.date == "2025-05-26"
    assert clash.location is not None and clash.location.name != "Bishnupur"


def test_the_wounded_who_died_in_hospital_are_the_attacks_toll():
    # a live blog's later entry: the deaths in hospital belong to the attack, whatever
    # kind it was told as
    found = violent(
        "Live: attack on police station\n\n"
        "06:10 — Militants have attacked the Mandan police station on the outskirts of "
        "Bannu, police say. Residents report a large explosion followed by heavy gunfire.\n\n"
        "06:45 — Gunmen tried to enter the compound. Three policemen have been killed, "
        "according to an official.\n\n"
        "08:20 — The army says security forces have cleared the station.\n\n"
        "09:05 — The death toll has risen, officials say; two of the wounded died at the "
        "District Headquarters Hospital.", published="2025-08-18")
    told = [e for e in found if "died" in {m["trigger"] for m in e.mentions}]
    assert len(told) == 1 and told[0].event_type == "Battles"
    assert {"attacked", "died"} <= {m["trigger"] for m in told[0].mentions}


def test_a_reference_naming_its_place_is_about_the_happening_there():
    # "the attack on Toribío" (told as drones dropping explosives) is the attack on the
    # Toribío station, not the bomb of its own kind in Corinto, 25 km away
    found = violent(
        "POPAYÁN, Colombia, June 24 — Dissidents attacked the police station in the town "
        "of Toribío on Sunday night, the police said.\n\n"
        "On Monday morning, a motorcycle loaded with explosives blew up near the market "
        "square in Corinto, killing a fruit vendor.\n\n"
        "According to the police, the attack on Toribío began at about 10 p.m. on Sunday, "
        "when drones dropped explosives on the station.", published="2025-06-24")
    places = {e.location.name: {m["trigger"] for m in e.mentions}
              for e in found if e.location is not None}
    assert "attack" in places["Toribío"] and "attack" not in places["Corinto"]


def test_a_key_points_toll_is_the_incident_told_below_not_the_next_bullet():
    text = (
        "West Bank: Situation Update | 3-9 June 2025\n\n"
        "Key points\n"
        "- On 4 June, during an Israeli operation in Far'a refugee camp, in Tubas, two "
        "Palestinians were killed.\n"
        "- On 5 June, Israeli settlers attacked Duma village (Nablus), setting fire to "
        "three homes.\n\n"
        "Operation in Far'a camp\n"
        "On 4 June, Israeli forces entered Far'a camp. A 17-year-old boy was shot dead near "
        "the camp's entrance on 4 June, and a member of an armed group was killed in an "
        "exchange of fire.")
    found = violent(text, published="2025-06-10")
    duma = [e for e in found if "Duma" in (e.location_text or "")]
    assert len(duma) == 1 and duma[0].fatalities is None
    assert "killed" not in {m["trigger"] for m in duma[0].mentions}
    # the key point's toll joins the killing told below it: no third event at the camp
    assert len(found) == 3



def test_the_hurt_counted_next_to_a_later_telling_are_the_strikes_toll():
    # the count of the wounded is two sentences from the second telling of the strike,
    # three from its first: every telling of a happening is a place where it is told
    text = ("KHARTOUM, March 5 — An army airstrike on a market in Kabkabiya on Monday killed "
            "at least 12 people, residents said.\n\nTwo jets dropped four bombs on the market "
            "in a street of the town shortly before noon, witnesses said. Volunteers first "
            "counted eight bodies; by Tuesday evening the toll had risen to 12, after more "
            "bodies were found under the stalls. About 50 people were wounded, said a nurse "
            "at the clinic.")
    found = geoevents.extract_events(text, published="2025-03-05")
    assert [e.sub_event_type for e in found] == ["Air/drone strike"]


def test_a_bare_count_of_the_hurt_joins_the_happening_at_its_place():
    # a sentence that only counts the hurt ("Six other people were wounded") names no
    # doer, weapon or place: it is the toll of the strike told at the paragraph's place,
    # not an attack of its own, nor the toll of the fighting near a village elsewhere
    text = ("06:30 — Russian aircraft dropped glide bombs on Huliaipole this morning, the "
            "regional administration says. A man was killed when a bomb hit a school.\n\n"
            "08:10 — Ukrainian units repelled assaults near Dobropillia, the General Staff "
            "says.\n\n"
            "10:20 — Update on Huliaipole: the death toll has risen to two. A woman pulled "
            "from the rubble died, the governor says. Six other people were wounded.")
    found = geoevents.extract_events(text, published="2026-05-06")
    assert [e.sub_event_type for e in found] == ["Air/drone strike", "Armed clash"]
    assert found[0].location_text == "Huliaipole"


def test_a_toll_revised_on_a_later_day_keeps_the_attacks_day():
    # the hurt who died two days later, in another town, are the attack's toll: no
    # attack of their own, and their day is not the attack's
    text = ("KEY POINTS\n- Five displaced people killed in an attack on the Kigonze camp, "
            "Irumu territory, on 16 March.\n\nOVERVIEW\nOn the night of 16 March, armed men "
            "attacked the Kigonze camp in Irumu territory with machetes. Five displaced "
            "people were killed and nine injured, according to the camp committee; an "
            "initial toll of three was revised upward on 18 March after two of the injured "
            "died in hospital in Bunia.")
    found = geoevents.extract_events(text, published="2026-03-20")
    assert [(e.sub_event_type, e.date) for e in found] == [("Attack", "2026-03-16")]


def test_a_total_that_adds_up_the_told_tolls_is_no_event_of_its_own():
    # the ministry's nine are the five, two and two told before it (o08's live blog): no
    # event of its own, and no telling of the last happening (an attack on a café: gunmen
    # attacking a checkpoint are a battle, which the merge rules fold into the clash told
    # for the same city and day)
    found = violent(
        "TRIPOLI, Sept 5 — Fighters of two armed groups clashed around Mitiga airport in "
        "Tripoli on Friday, killing five people. A rocket hit a house in the Abu Salim "
        "district on Friday, killing two children. Gunmen attacked a café in Janzour "
        "on Friday, killing two customers. The Ministry of Health said nine people were "
        "killed in Tripoli on Friday.", published="2025-09-06")
    assert sorted(e.fatalities for e in found) == [2, 2, 5]
    attack = next(e for e in found if e.trigger == "attacked")
    assert [m["trigger"] for m in attack.mentions] == ["attacked", "killing"]


def test_a_toll_above_what_one_happening_told_is_its_toll():
    # one happening told: the later toll is its account, not a sum of several
    found = violent(
        "TRIPOLI, Sept 5 — Fighters of two armed groups clashed around Mitiga airport in "
        "Tripoli on Friday, killing five people. The Ministry of Health said nine people "
        "were killed in Tripoli on Friday.", published="2025-09-06")
    assert len(found) == 1 and len(found[0].mentions) == 3


def test_a_telling_placed_between_two_towns_is_the_fight_in_a_town_on_the_way():
    # a "between" place is only known to half the distance of its ends: Debre Sina, on
    # the highway between Addis Ababa and Dessie, is where the gunfire was (o03)
    found = violent(
        "BAHIR DAR, May 15 — Heavy fighting took place on Thursday in the town of Debre "
        "Sina between the federal army and Fano militia fighters, residents said.\n\n"
        "The town, which lies on the main highway between Addis Ababa and Dessie, was the "
        "scene of gunfire from the morning until the afternoon.", published="2026-05-15")
    assert len(found) == 1
    assert {"fighting", "gunfire"} <= {m["trigger"] for m in found[0].mentions}


def test_tolls_told_together_are_the_toll_of_the_happening_one_of_them_joined():
    # the army's "destroyed" joins the fight it is another account of; "45 of them were
    # killed", in its sentence, is that fight's toll too, not an attack of its own
    found = violent(
        "BAHIR DAR, May 15 — Heavy fighting took place on Thursday in the town of Debre "
        "Sina between the federal army and Fano militia fighters, residents said.\n\n"
        "Shops stayed closed for the whole day. Residents stayed inside their houses.\n\n"
        "The army said in a statement that its units had destroyed a group of extremists "
        "who tried to enter Debre Sina and that 45 of them were killed.",
        published="2026-05-15")
    assert [(e.event_type, e.fatalities) for e in found] == [("Battles", 45)]


def test_hostages_still_held_are_the_abduction_told_before():
    # a state that goes on is dated by its telling, not a happening of that day (o04)
    found = violent(
        "BUEA, June 9 — Suspected separatist fighters abducted five people on the Muyuka "
        "road on Sunday evening. The kidnappers released two of them after their families "
        "paid a ransom; the three others were still being held in Muyuka on Monday, a "
        "local chief said.", published="2026-06-09")
    assert [(e.date, [m["trigger"] for m in e.mentions]) for e in found] == [
        ("2026-06-07", ["abducted", "held"])]


def test_the_armys_word_for_the_strike_told_next_is_the_same_strike():
    # residents' account, then the army's "had struck" with no day, no place and no
    # weapon of its own: one strike told by both, its toll the residents' eight
    found = violent(
        "BAMAKO, January 21 — On Monday, a drone strike hit the weekly fair of a village "
        "near Macina as traders were setting up their stalls. Residents said eight people "
        "were killed. The army said it had struck \"a gathering of terrorists\" in the area "
        "without giving a toll.", published="2026-01-21")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Air/drone strike", 8)]
    assert "struck" in {m["trigger"] for m in found[0].mentions}


def test_a_strike_told_with_its_own_day_is_not_the_strike_before():
    found = violent(
        "BAMAKO, January 21 — On Monday, a drone strike hit the weekly fair of a village "
        "near Macina. Residents said eight people were killed. On Tuesday, soldiers "
        "struck a camp near Niono, killing four militants.", published="2026-01-21")
    assert len(found) == 2


def test_an_untimed_strike_on_another_town_is_a_happening_of_its_own():
    # the day told town by town: the drone hitting a minibus at Marhanets, told with no
    # time of its own, is not the shelling of Nikopol dated Monday (19 km away)
    found = violent(
        "DNIPRO, Ukraine, October 20 — Russian artillery hit a bus stop in the centre of "
        "Nikopol on Monday, killing a man. A drone hit a minibus carrying workers on the "
        "outskirts of Marhanets, wounding six passengers.", published="2026-10-20")
    assert sorted(e.location.name for e in found if e.location is not None) == [
        "Marhanets", "Nikopol"]


def test_an_untimed_telling_in_a_district_of_the_city_is_the_citys_happening():
    # Saltivka lies within Kharkiv's built-up area: one strike, told twice
    found = violent(
        "KHARKIV, May 13 — A Russian guided bomb hit Kharkiv on Monday, killing three "
        "people. The bomb struck a residential building in Saltivka.",
        published="2025-05-13")
    assert len(found) == 1


def test_a_gang_toll_told_by_the_police_is_the_exchange_of_fire_told_before_it():
    # "suspected gang members were killed" reads as organised crime; told with no place
    # and no doer of its own right after the exchange of fire, it is that fight's toll
    events = geoevents.extract_events(
        "PORT-AU-PRINCE, May 15 — On Tuesday, police officers exchanged fire with gunmen "
        "on the road between Kenscoff and Pétion-Ville, a police spokesman said. Three "
        "suspected gang members were killed and one officer was wounded, he said.",
        published="2025-05-15")
    assert [(e.event_type, e.date, e.fatalities) for e in events] == [
        ("Battles", "2025-05-13", 3)]


def test_weapons_seized_from_a_gang_after_a_clash_are_part_of_it():
    events = geoevents.extract_events(
        "MEXICO CITY, May 15 — National Guard troops exchanged fire with gunmen on the "
        "outskirts of Chilapa on Wednesday. One gunman was killed and two were arrested; "
        "police said a rifle and two grenades were seized.", published="2025-05-15")
    assert [(e.event_type, e.fatalities) for e in events] == [("Battles", 1)]


def test_a_gang_toll_after_another_happening_is_not_the_attack_before_that():
    # the toll of the operation told just before it, not of the attack two sentences up
    events = geoevents.extract_events(
        "PORT-AU-PRINCE, May 15 — Armed men attacked the Solino neighbourhood on Monday "
        "night, killing at least five residents, officials said. On Tuesday, the police "
        "launched an operation to retake the area. A police spokesman said four gang "
        "members had been killed.", published="2025-05-15")
    attack = next(e for e in events if e.event_type == "Violence against civilians")
    assert attack.fatalities == 5


def test_a_telling_of_another_kind_on_the_day_before_is_another_happening():
    # the bomb's day is the day the source spoke; the strike told next, a day earlier, is
    # no earlier telling of the bomb
    text = ("KIDAL, Oct 14 — Two soldiers were killed when an explosive device went off "
            "beside their vehicle east of Anefis, a military source said yesterday, Tuesday. "
            "The day before, on Monday, army helicopters struck a hideout in the Adrar des "
            "Ifoghas, killing four militants, the army said.")
    found = {(e.sub_event_type, e.date) for e in geoevents.extract_events(
        text, published="2026-10-14")}
    assert found == {("Remote explosive/landmine/IED", "2026-10-13"),
                     ("Air/drone strike", "2026-10-12")}
