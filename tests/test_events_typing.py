"""Event typing on reports nobody tuned on (issue 12 items 1, 3, 4): what a protest report
says about how the protest went, disasters, what was fired, whether territory changed
hands, and the day of a claim."""

from __future__ import annotations

import pytest

import geoevents


def types(text: str, published: str = "2026-09-15") -> list[str]:
    return [e.sub_event_type for e in geoevents.extract_events(text, published=published)]


@pytest.mark.parametrize("text", [
    # the protest told as a whole peaceful: violence or force told around it is another
    # happening's (a clash on another day, a killing the day before)
    ("The clash followed a large and peaceful march on Saturday, when about 3,000 people "
     "walked through uptown Charlotte. Police did not intervene, and organisers said the "
     "march had ended without incident at a park near the county courthouse."),
    ("On Monday, several hundred students rallied outside the state capitol in Raleigh to "
     "call on the governor to stop cooperating with immigration officers. The rally was "
     "peaceful.\n\nIn Washington, a spokeswoman said agents had been assaulted by rioters."),
    ("On Saturday, a farmers' leader was shot dead on the outskirts of Apatzingan. On "
     "Sunday, several hundred lime growers blocked the highway for six hours to demand "
     "protection; the blockade ended peacefully after talks with state officials."),
    ("On Monday, several hundred villagers blocked a road in Satkhira district for two "
     "hours, demanding the repair of an embankment breached during the storm. The protest "
     "ended peacefully after local officials promised that repair work would start."),
    ("Relatives of the victims, who had gathered outside the courthouse in Guayaquil since "
     "Tuesday morning holding photographs of their dead, applauded when the verdict was "
     "read. The gathering was peaceful, and police officers stood by at a distance."),
    # the crowd that disperses by itself ends the protest; the model reading "dispersed"
    # does not make it an intervention
    ("Hundreds of Yazidis marched through Sinjar on Monday to demand compensation. The "
     "gathering was peaceful and dispersed at midday."),
])
def test_a_protest_told_peaceful_is_peaceful(text):
    protests = [e.sub_event_type for e in geoevents.extract_events(text, published="2026-09-15")
                if e.event_type in ("Protests", "Riots") and "rioters" not in e.sentence]
    assert protests and set(protests) == {"Peaceful protest"}


def test_peace_broken_in_the_same_clause_is_no_peaceful_protest():
    found = types("Thousands marched in Nairobi on Tuesday. The protest was peaceful until "
                  "police fired tear gas and live rounds, killing two.")
    assert "Peaceful protest" not in found


def test_a_peaceful_march_may_still_be_broken_up():
    # "peaceful" on the noun says the marchers used no violence, not that nobody
    # intervened
    found = types("Police fired tear gas and water cannon at a peaceful march of students "
                  "in Dhaka on Sunday.")
    assert "Protest with intervention" in found and "Violent demonstration" not in found


@pytest.mark.parametrize("text", [
    ("DHAKA, Nov 2 — Cyclone Arnab crossed the coast near Kuakata in Patuakhali district on "
     "Saturday night, flattening mud houses and uprooting trees. At least 14 people were "
     "killed, most of them by falling trees and collapsing walls, the ministry said."),
    ("The magnitude 6.1 quake hit at 11:42 p.m. about 35 km west of Herat. Zindajan and "
     "Ghoryan districts were the worst affected. An initial toll of 23 dead was given on "
     "Tuesday by the provincial disaster management department, which said more than 300 "
     "people had been injured and some 1,700 houses destroyed or damaged."),
])
def test_a_disaster_toll_is_no_attack(text):
    found = types(text, "2026-11-25")
    assert "Natural disaster" in found and "Attack" not in found


def test_killings_in_a_disaster_area_with_an_attacker_stay_violence():
    found = geoevents.extract_events("Floods have displaced thousands in Borno this month. On "
                                     "Monday, gunmen killed six farmers near Konduga, "
                                     "residents said.", published="2026-09-15")
    assert [e.sub_event_type for e in found if e.trigger == "killed"] == ["Attack"]


@pytest.mark.parametrize("text", [
    ("About fifty youths gathered near the shopping centre in Vaulx-en-Velin on Monday. They "
     "set fire to 14 cars and fired mortar-type fireworks at police and firefighters."),
    "Burned cars, fireworks fired at police: the Mas du Taureau neighbourhood of Lyon went "
    "through a night of violence on Monday.",
])
def test_fireworks_fired_at_police_are_a_riot_not_shelling(text):
    found = types(text, "2026-11-04")
    assert "Violent demonstration" in found
    assert not {"Shelling/artillery/missile attack", "Armed clash"} & set(found)


def by_trigger(text: str, published: str = "2026-03-17") -> dict[str, str]:
    return {e.trigger: e.sub_event_type
            for e in geoevents.extract_events(text, published=published)}


@pytest.mark.parametrize("text, expected", [
    # a forcible entry takes no territory unless the text says the place was taken
    ("Militants stormed a police post in the Lakki Marwat district late on Tuesday, "
     "killing four policemen in a gunbattle that lasted several hours, police said.",
     "Armed clash"),
    ("In a statement, the group said its fighters had stormed the camp of the army at dawn, "
     "seized weapons and burned three vehicles.", "Armed clash"),
    ("Gunmen stormed the mountain village of Furcy, above Kenscoff, before dawn on Sunday, "
     "killing at least 11 people and setting fire to dozens of homes.", "Attack"),
    # a village stormed by an army with no one killed is fought for; one whose people
    # were killed is attacked
    ("Government troops of the Syrian army stormed the village of Rasm Al-Abed in "
     "Aleppo province on Monday.", "Armed clash"),
    ("Over 100 herdsmen stormed five villages in Logo Local Government Area of Benue State "
     "on Friday, killing nine persons.", "Attack"),
    ("The RSF said that its fighters had stormed Er Rahad, a railway town south-east of El "
     "Obeid, on Monday morning and taken control of it after several hours of fighting.",
     "Non-state actor overtakes territory"),
])
def test_a_storming_takes_territory_only_when_the_place_is_taken(text, expected):
    assert by_trigger(text)["stormed"] == expected


@pytest.mark.parametrize("text", [
    "The operation started on 6 May, when Israeli forces, supported by a drone and "
    "bulldozers, entered the camp on the eastern edge of Tulkarm city.",
    "Fighters of the Allied Democratic Forces entered the village of Kaliyata on Sunday "
    "evening and attacked residents with machetes and guns.",
])
def test_the_entry_of_a_raid_is_no_transfer_of_territory(text):
    assert "Non-violent transfer of territory" not in types(text, "2026-05-14")


def test_entering_a_town_the_other_side_left_is_a_transfer():
    assert "Non-violent transfer of territory" in types(
        "Government troops entered the town of Kidal on Friday after the rebels withdrew "
        "overnight.", "2026-05-14")


def test_a_fire_an_attack_started_is_no_disaster():
    text = ("Russian attack drones also struck an industrial enterprise in Zaporizhzhia city "
            "shortly after 4 a.m. today. A fire broke out over about 300 square metres; no "
            "one was hurt, and firefighters put it out within two hours.")
    assert "Man-made disaster" not in types(text, "2026-03-18")
    assert "Man-made disaster" in types("A fire broke out in a garment factory in Gazipur on "
                                        "Monday night, and firefighters battled the blaze "
                                        "for six hours.", "2026-03-18")


def test_talks_derailed_are_no_train_derailed():
    assert "Man-made disaster" not in types(
        "Armenia on Wednesday rejected an accusation by Azerbaijan, calling it "
        "disinformation aimed at derailing a peace process.", "2026-10-21")
    assert "Man-made disaster" in types("A freight train derailed near Gyumri on Tuesday, "
                                        "spilling fuel.", "2026-10-21")


def test_the_day_a_toll_was_told_is_not_the_day_of_the_disaster():
    events = geoevents.extract_events(
        "DHAKA, Nov 2 — Cyclone Arnab crossed the coast near Kuakata in Patuakhali district "
        "on Saturday night, flattening mud houses. At least 14 people were killed, most of "
        "them by falling trees, the disaster management ministry said on Sunday.",
        published="2026-11-02")
    assert [(e.sub_event_type, e.date) for e in events] == [("Natural disaster", "2026-10-31")]


def test_a_claim_published_a_day_later_dates_the_attack_it_claims_by_the_attack():
    events = geoevents.extract_events(
        "BAMAKO, June 23 — JNIM said it killed more than 20 soldiers in an attack on an "
        "army post at Konna, in central Mali's Mopti region, on Sunday. "
        "In a statement posted on its media channel on Monday, the group said its fighters "
        "had stormed the camp of the army at dawn, seized weapons and burned three vehicles.",
        published="2026-06-23")
    assert {e.date for e in events if e.event_type == "Battles"} == {"2026-06-21"}


@pytest.mark.parametrize("text, day", [
    # a date fronted before the verb of telling sets the sentence's time
    ("Gunmen attacked a bus near Moirang on Monday. Early on Tuesday, the Assam Rifles said "
     "it had arrested two cadres of the PLA in Thoubal district.", "2026-05-26"),
    # a happening reported on a day happened that day
    ("Gunmen attacked a bus near Moirang on Monday. Fighting was also reported on Tuesday "
     "near Sugnu, where militants attacked army positions.", "2026-05-26"),
])
def test_a_date_of_its_own_sentence_is_kept(text, day):
    events = geoevents.extract_events(text, published="2026-05-27")
    assert day in {e.date for e in events if e.sentence.startswith(("Early", "Fighting"))}


@pytest.mark.parametrize("text", [
    "In Chattogram's Rangunia upazila, at least 12 people were injured yesterday afternoon "
    "when supporters of two rival political parties clashed with sticks and stones over "
    "the control of a local bus terminal, police said.",
    "Running battles followed for several hours in the Free Area and Pangani areas of "
    "Nakuru, where youths stoned passing vehicles and set fire to a police post.",
])
def test_crowds_fighting_with_sticks_and_stones_riot(text):
    found = types(text, "2026-09-03")
    assert "Violent demonstration" in found and "Armed clash" not in found


def test_armed_groups_fighting_is_still_a_battle():
    assert "Armed clash" in types("Militants clashed with soldiers near Kidal on Sunday, "
                                  "and villagers said the gunfire lasted two hours.",
                                  "2026-09-03")


def test_tear_gas_lobbed_at_protesters_is_no_grenade():
    found = types("In the Central Business District of Nairobi, police lobbed tear gas "
                  "canisters at hundreds of young protesters who tried to march towards "
                  "Parliament Buildings.", "2026-07-08")
    assert "Grenade" not in found and "Protest with intervention" in found


def test_a_protest_a_ministry_makes_is_diplomatic():
    found = types("Baghdad's foreign ministry summoned the Turkish charge d'affaires in "
                  "protest on Sunday.", "2026-08-03")
    assert not {"Peaceful protest", "Excessive force against protesters",
                "Protest with intervention"} & set(found)


def test_a_weapon_of_a_coordinated_clause_does_not_type_a_murder():
    found = by_trigger("In Michoacan's Tierra Caliente, armed groups again used drones "
                       "against rural communities on Monday and a leader of lime growers "
                       "was murdered.", "2026-02-16")
    assert found.get("murdered") == "Attack"


def test_a_round_up_filed_on_a_monday_dates_its_monday_line_the_week_before():
    text = ("PATTANI, Aug. 10 — Deep South security round-up, August 3-9.\n\n"
            "Monday: A bomb hidden in a parked motorcycle exploded at a fresh market in "
            "Bannang Sata district, Yala, wounding four people.\n\n"
            "Tuesday: Two gunmen shot dead a village headman in Sai Buri district, Pattani.")
    dates = {e.trigger: e.date for e in geoevents.extract_events(text, published="2026-08-10")}
    assert dates["exploded"] == "2026-08-03" and dates["shot"] == "2026-08-04"


def test_the_issue_line_of_an_update_dates_no_event():
    text = ("BURKINA FASO — Protection Update No. 31\nReporting period: 3 to 9 August 2026\n"
            "Issued by the Protection Working Group, 14 August 2026\n\n"
            "On 5 August, members of a non-state armed group attacked a position of the "
            "volunteers in the village of Tanwalbougou, east of Fada N'Gourma.")
    events = geoevents.extract_events(text, published="2026-08-14")
    assert events and {e.date for e in events} == {"2026-08-05"}


@pytest.mark.parametrize("text, trigger, expected", [
    # a taking told as brief is a raid, and an armed post overrun is its garrison beaten:
    # both fought for, no place held
    ("Insurgents briefly seized the market town of Kuda on Friday before soldiers drove "
     "them out, the army said.", "seized", "Armed clash"),
    ("Gunmen overran two police checkpoints on the highway overnight, killing six "
     "officers, officials said.", "overran", "Armed clash"),
    # a place taken and held stays a change of territory
    ("Insurgents seized the market town of Kuda on Friday after two days of fighting, "
     "the army said.", "seized", "Non-state actor overtakes territory"),
    ("Rebels overran the town of Kuda on Friday and raised their flag over the town hall.",
     "overran", "Non-state actor overtakes territory"),
])
def test_a_raid_is_fought_for_not_a_change_of_territory(text, trigger, expected):
    assert by_trigger(text)[trigger] == expected


@pytest.mark.parametrize("text, trigger", [
    # a weapon stopped: the model reads the weapon's words, the rules that it was stopped
    ("An anti-aircraft battery brought down a surveillance drone over the border district, "
     "the army said.", "brought down"),
    ("Security forces foiled a suicide attack on a mosque in Quetta, police said.", "foiled"),
    ("Deminers cleared 300 anti-personnel mines from fields near the village.", "cleared"),
])
def test_a_weapon_stopped_is_disrupted_weapons_use(text, trigger):
    assert by_trigger(text)[trigger] == "Disrupted weapons use"


def test_an_attack_foiled_did_not_happen():
    assert types("Security forces foiled a suicide attack on a mosque in Quetta on Friday, "
                 "police said.") == ["Disrupted weapons use"]


@pytest.mark.parametrize("text, trigger", [
    # crime of any kind, whatever the weapon: a grenade thrown by a gang, an arrest
    # over a theft
    ("Members of a drug gang threw a grenade at the house of a rival, injuring his wife "
     "and son, police said.", "injuring"),
    ("Police arrested a former minister and two businessmen over the theft of money meant "
     "for hospitals.", "arrested"),
])
def test_crime_vocabulary_makes_violence_and_arrests_organised_crime(text, trigger):
    assert by_trigger(text)[trigger] == "Organised crime"


@pytest.mark.parametrize("text, expected", [
    # a weapon as the doer of a destruction decides its type: the weapon's strike
    ("Ukrainian drones set fire to an oil depot in Tambov overnight into Tuesday, the "
     "governor said, adding that the blaze had been put out by morning.", "Air/drone strike"),
    ("Russian shells destroyed five houses in Kupiansk on Tuesday, local officials said.",
     "Shelling/artillery/missile attack"),
])
def test_a_weapon_that_destroys_decides_the_type(text, expected):
    assert types(text) == [expected]


@pytest.mark.parametrize("text, kept", [
    # people burning property is property destruction; a defence system downing a drone
    # is a weapons use stopped
    ("Armed men set fire to 20 fuel tankers near Kati on Saturday, drivers said.",
     "Looting/property destruction"),
    ("An air defence battery destroyed three drones over Belgorod on Tuesday, the ministry "
     "said.", "Disrupted weapons use"),
])
def test_people_or_defences_that_destroy_keep_their_type(text, kept):
    assert kept in types(text)


@pytest.mark.parametrize("text", [
    # what is held is a place or post, not people
    "Rebel fighters briefly held a checkpoint near Debre Markos on Sunday before withdrawing.",
    # a rite, not the people's protest
    "Funeral prayers for the four policemen were held at the police lines in Bannu on Monday.",
])
def test_holding_no_one_is_no_arrest_nor_protest(text):
    assert not {"Arrests", "Peaceful protest", "Excessive force against protesters",
                "Protest with intervention"} & set(types(text))


def test_holding_whom_an_abduction_took_is_no_arrest_of_its_own():
    text = ("On Thursday, rebel fighters abducted the administrator of a rural district "
            "near Merawi and held him for a night before releasing him, a local official "
            "said.")
    assert "Arrests" not in types(text)
    assert "Abduction/forced disappearance" in types(text)


@pytest.mark.parametrize("text, expected", [
    ("Police held 30 students at a station in Bahir Dar on Monday.", "Arrests"),
    ("About 150 students held a peaceful rally outside the governor's office in Pattani on "
     "Thursday.", "Peaceful protest"),
])
def test_holding_people_or_a_rally_stays_an_event(text, expected):
    assert expected in types(text)


@pytest.mark.parametrize("text, expected", [
    # a protest named only in what the arrested had done is no protest at the arrest
    ("Police in Adama arrested three journalists on Wednesday who had reported on the "
     "market strike, the media council said.", "Arrests"),
    # ... but a clause whose verb is the protest still tells of it
    ("Police arrested 40 people who had protested outside the ministry in Nairobi on "
     "Tuesday.", "Protest with intervention"),
])
def test_a_protest_in_what_the_arrested_had_done(text, expected):
    found = types(text)
    assert expected in found
    if expected == "Arrests":
        assert "Protest with intervention" not in found


@pytest.mark.parametrize("text, expected", [
    # the crowd dispersed is called rioters: force used on a riot is the riot's, also
    # where the model alone read the dispersal
    ("Police used a water cannon and tear gas on Saturday night in an attempt to break up "
     "a crowd of rioters in the centre of Marseille.", "Violent demonstration"),
    # rioters a protest is about are no crowd at it
    ("Hundreds of people marched in Lyon on Sunday to demand the release of the rioters "
     "arrested in May.", "Peaceful protest"),
])
def test_force_on_rioters_is_their_riot(text, expected):
    from geoevents.events.classify import main_event
    assert main_event(geoevents.extract_events(text, published="2026-09-15")) \
        .sub_event_type == expected


@pytest.mark.parametrize("text", [
    # a strike is told by how it was delivered, whoever it hit
    "A strike on a crowded market in the town of Sarmada killed nine civilians on Tuesday.",
    "A strike on a school in the village of Kafr Nabl killed six pupils on Monday.",
])
def test_a_strike_on_civilians_is_a_strike(text):
    found = types(text)
    assert "Air/drone strike" in found
    assert "Attack" not in found


@pytest.mark.parametrize("text, expected", [
    # armed men of a gang who assault a village and kill its people attack civilians ...
    ("Gang members raided the village of Mirebalais-Haut on Saturday, killing nine "
     "residents and burning houses, the mayor said.", "Attack"),
    ("Armed men from a gang coalition attacked the Bel-Air neighbourhood on Thursday "
     "night, killing at least six people.", "Attack"),
    # ... a gang's robbery, shooting or arson without an assault on a community is crime
    ("Gang members shot dead a shopkeeper during a robbery in the town on Monday.",
     "Organised crime"),
    ("Gang members set fire to a bus in the city on Monday.", "Organised crime"),
])
def test_a_gang_assault_on_a_community(text, expected):
    found = types(text)
    assert found and found[0] == expected
    if expected == "Attack":
        assert "Organised crime" not in found


def test_bodies_recovered_take_back_no_place():
    """The dead recovered around a village are a toll, not the village taken back."""
    found = types("The toll rose to 11 on Monday after residents recovered four more bodies "
                  "from the ravines around the village, a municipal official said.")
    assert "Government regains territory" not in found
    assert "Government regains territory" in types(
        "The army recovered the town of Kamba from the rebels on Monday.")


def test_a_band_beating_people_is_mob_violence():
    # a group of men of no armed kind beating students with sticks: a mob, not an armed
    # group's attack (also with the subject hung on the fronted place by the parser)
    import geoevents

    text = ("In Čačak, a group of around 20 men, some wearing hoods, attacked students who "
            "were putting up a tent in the town's main square, beating them with sticks, "
            "the local opposition council group said.")
    found = geoevents.parse(text, published="2026-10-25").events
    assert [e.sub_event_type for e in found] == ["Mob violence"]
    armed = ("In Čačak, a group of armed men attacked students in the main square, beating "
             "them with rifle butts.")
    assert "Mob violence" not in [e.sub_event_type for e in
                                  geoevents.parse(armed, published="2026-10-25").events]


def test_a_weapon_of_another_clause_types_neither_the_attack_nor_the_assault():
    """"… while a drone struck a fuel depot …": the drone is the strike's; the attack told
    beside it and the assault the army repelled (a battle with the army) are not drone
    strikes, by the rules or by the model that reads the sentence whole."""
    events = geoevents.extract_events(
        "PORT SUDAN, Sudan, March 11 — Sudan's paramilitary Rapid Support Forces (RSF) "
        "attacked a market town in White Nile state on Tuesday, killing at least eight "
        "civilians, while a drone struck a fuel depot in the state capital Kosti and the "
        "army said it had repelled an assault near Ad Douiem, officials and residents said.",
        published="2026-03-11")
    found = {e.trigger: e.sub_event_type for e in events}
    assert found.get("attacked") == "Attack"
    assert found.get("struck") == "Air/drone strike"
    assert found.get("repelled") == "Armed clash" and "assault" not in found
    # the assault is the battle's, not a second telling of the attack moved to Ad Douiem
    attack = next(e for e in events if e.trigger == "attacked")
    assert attack.location is not None and "Douiem" not in attack.location.name


def test_a_weapon_of_the_clause_that_tells_how_it_happened_types_the_killing():
    """"killed when forces used chlorine gas": the 'when' clause tells how the killing
    came about, the same happening, so its weapon is the killing's."""
    found = by_trigger("Six people were killed when government forces used chlorine gas "
                       "south-west of the city of Saraqib, a monitoring group said Tuesday.")
    assert found.get("killed") == "Chemical weapon"


def test_an_assault_on_an_armed_post_is_a_battle():
    """Gunmen storming a gendarmerie post fight its garrison (ACLED: Battles, both sides
    armed and organised): the model reading "stormed" as an attack on civilians does not
    move the trigger whose target is armed."""
    assert types("Dozens of gunmen on motorcycles stormed a gendarmerie post near Menaka on "
                 "Sunday, the army said.") == ["Armed clash"]


def test_violence_done_by_people_is_no_disaster():
    """A disaster has no doer: "armed youths attacked a cattle camp" is an attack, whatever
    the model reads in the words of cattle and communal violence."""
    assert types("Armed youths attacked a cattle camp in Uror county in Jonglei state on "
                 "Monday, killing at least 14 people and driving off thousands of cattle, the "
                 "United Nations mission said, in the worst outbreak of communal violence in "
                 "the area this year.") == ["Attack"]


@pytest.mark.parametrize("text", [
    # the unrest of another year, told in the vigil's sentence
    ("The trial of four police officers accused of killing protesters during the riots of "
     "October 2019 opened in Nasiriyah on Tuesday, as about 200 relatives of the victims "
     "held a silent vigil outside the courthouse."),
    # violence told as elsewhere
    ("Dozens of families staged a sit-in outside the governor's office in Gwadar on "
     "Wednesday. The protest came as violence flared elsewhere in the province."),
])
def test_violence_of_another_year_or_place_makes_no_riot(text):
    """What happened at a protest of another year, or elsewhere, is no outcome of the
    protest told: no violent demonstration, no force against it."""
    assert types(text) == ["Peaceful protest"]


def test_a_passive_hit_with_no_doer_takes_the_weapon_of_its_sentence():
    """"… shelled the villages with mortars, and that a school was hit directly": the hit
    names no doer of its own, so the mortars of its sentence hit the school — one
    shelling, no attack on civilians beside it."""
    assert types("Officials said the militia shelled the villages of the district with "
                 "mortars on Monday, and that a school in Qataba was hit directly.") == [
        "Shelling/artillery/missile attack"]


@pytest.mark.parametrize("text", [
    "Hours earlier on Monday, militants attacked a Frontier Corps camp in Turbat, in Kech "
    "district, with guns and grenades.",
    "Gunmen attacked a police station in Kandahar with guns and grenades on Monday, killing "
    "two officers.",
])
def test_an_assault_with_guns_and_grenades_on_armed_people_is_a_battle(text):
    """Guns and grenades used against a camp or a police station: a battle with its
    garrison, not a grenade attack (a grenade thrown at a checkpoint stays one)."""
    assert types(text) == ["Armed clash"]
    assert types("A man threw a grenade at a police checkpoint in Srinagar on Monday, "
                 "wounding two officers.") == ["Grenade"]


@pytest.mark.parametrize("text", [
    # "a gathering of terrorists" is the terrorists, no gathering of civilians
    ("The army said on Monday that it had struck a gathering of terrorists in the Macina "
     "area, without giving a toll."),
    # the strike that killed militants is remote violence, not an attack on civilians
    "It said the strike killed three militants near Jilib on Sunday and that no civilians "
    "were harmed.",
])
def test_a_strike_on_armed_men_is_remote_violence(text):
    """A strike on armed men, with no weapon named, is a strike (most are from the air),
    whatever the model reads in its words: no violence against civilians."""
    assert types(text) == ["Air/drone strike"]


def test_a_date_is_no_side_of_a_clash():
    """"On 3 March, the armed forces … clashed with fighters …": the parse may hang the
    date's "March" as a side of the clash; a date is nobody, and no marchers make the
    battle a riot."""
    assert types("On 3 March, the Central African Armed Forces (FACA), supported by Russian "
                 "personnel of the Africa Corps, clashed with fighters of the Union pour la "
                 "Paix en Centrafrique (UPC) on the road between Bambari and Ippy.",
                 published="2026-03-06") == ["Armed clash"]


@pytest.mark.parametrize("text, expected", [
    # an ambush that killed only civilians is an attack on them ...
    ("On Monday, gunmen ambushed a minibus on the road between Bama and Konduga, killing "
     "the driver and four passengers, police said.", "Attack"),
    ("Bandits ambushed a group of traders returning from the market in Kankara on Friday, "
     "killing three of them.", "Attack"),
    # ... one that hit soldiers or their escort is a battle
    ("Militants ambushed an army patrol near Bama on Monday, killing three soldiers.",
     "Armed clash"),
    ("Gunmen ambushed a convoy carrying traders near Bama on Monday, killing two soldiers "
     "of the escort and a trader.", "Armed clash"),
])
def test_an_ambush_is_typed_by_whom_it_hit(text, expected):
    assert types(text, "2026-10-14")[:1] == [expected]


def test_a_settlement_stormed_and_its_people_shot_or_carried_off_is_an_attack():
    text = ("Bandits stormed the village of Dogon Daji on Monday, shooting farmers and "
            "carrying away twenty persons, residents said.")
    assert types(text, "2026-10-14")[:1] == ["Attack"]


@pytest.mark.parametrize("text", [
    ("On Thursday, soldiers killed six gunmen in raids on their hideouts in the hills west "
     "of Bama after the gunmen opened fire on them, the army said."),
    "Police raided a hideout of kidnappers in the Kuyello forest on Tuesday and killed four.",
])
def test_a_raid_on_hideouts_with_no_aircraft_named_is_no_air_strike(text):
    assert "Air/drone strike" not in types(text, "2026-10-14")


def test_a_raid_on_hideouts_is_fought_on_the_ground():
    text = "Police raided a hideout of kidnappers in the Kuyello forest on Tuesday and killed four."
    assert types(text, "2026-10-14") == ["Armed clash"]


def test_an_air_raid_is_an_air_strike():
    text = "An air raid on a market in Sanam killed nine people on Monday, residents said."
    assert types(text, "2026-10-14") == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    ("Two suspected insurgents were killed in a gunfight with security forces near Moreh on "
     "Tuesday, police said, hours before gunmen burned houses and shot dead a shopkeeper in "
     "a village north of the town."),
    ("Three rebels were killed in a firefight with soldiers near Bambari on Monday, hours "
     "before armed men shot dead two farmers in a village nearby."),
])
def test_a_battle_fought_with_armed_people_stays_a_battle(text):
    # (the model reads the sentence's other killing into the battle's type)
    assert types(text, "2026-10-14")[0] == "Armed clash"


def test_a_gang_fighting_the_state_s_forces_is_in_a_battle_not_a_crime():
    text = ("Police officers exchanged fire with gang members in the Maré favelas on Tuesday, "
            "killing three suspects.")
    assert types(text, "2026-10-14") == ["Armed clash"]


@pytest.mark.parametrize("text, expected", [
    # what a road is blocked with, or what the police cleared, is the blockade, no violence
    ("On Thursday, residents of Ilave blocked the highway with rocks for several hours "
     "before a police unit removed the barricades and detained three people.",
     "Protest with intervention"),
    ("On Monday, youths blocked the road through Marigat with burning tyres to protest the "
     "killing of a herder.", "Peaceful protest"),
    # stones thrown at people are the protesters' violence
    ("On Monday, youths blocked the road through Marigat with burning tyres and threw "
     "stones at passing cars.", "Violent demonstration"),
])
def test_a_blockade_is_typed_by_what_else_happened_at_it(text, expected):
    assert types(text, "2026-10-14")[:1] == [expected]


def test_armed_men_firing_on_a_crowd_with_no_protest_told_attack_civilians():
    text = ("The assailants entered Bangou Kirey at around 10 a.m., on market day, and opened "
            "fire on the crowd, killing 14 people.")
    assert types(text, "2026-10-14") == ["Attack"]


@pytest.mark.parametrize("text", [
    "Police opened fire on the crowd outside the governor's office, killing two protesters.",
    "Gunmen opened fire on protesters marching in Bamenda on Monday, killing three.",
])
def test_fire_on_protesters_is_force_against_them(text):
    assert types(text, "2026-10-14")[:1] == ["Excessive force against protesters"]


def test_armed_men_attacking_a_post_are_not_attacking_a_crowd():
    text = ("State media said two rioters had died and that several police officers were "
            "injured when separatist elements attacked a police station near the mosque.")
    assert "Attack" not in types(text, "2026-10-14")
