"""The event-location fallback chain (parse link → another place of the sentence → the
paragraph's place → the document's main place), its reasons and ACLED geo-precisions, and
the places that are never an event's location (datelines, statement sources, actors'
countries, owners, the end of another verb's path)."""

from __future__ import annotations

import pytest
from test_events_location import located  # the location step alone, as the evaluation runs it

import geoevents
from geoevents.geodesy import distance_km


def event(text: str, trigger: str):
    events = geoevents.extract_events(text)
    found = [e for e in events if e.trigger == trigger]
    assert found, [(e.trigger, e.location_text) for e in events]
    return found[0]


def location_reason(e) -> str:
    return e.reason.split("Location:")[1].split(". Date")[0]


# -- the chain, step by step ----------------------------------------------------------------


def test_a_place_the_parse_links_comes_first_at_its_own_precision():
    e = event("Gunmen killed five villagers in Jos on Monday, officials in Abuja said.",
              "killed")
    assert (e.location_text, e.geo_precision) == ("Jos", 1)
    assert "the trigger" in location_reason(e)
    assert e.location_role == "site"


def test_another_place_of_the_sentence_when_the_parse_links_none():
    # the mission is the jet's, not the shooting's: nothing links Lebanon to "shot down"
    e = event("A fighter jet flying a bombing mission over Lebanon was shot down.",
              "shot down")
    assert e.location is not None and e.location.country_code == "LB"
    assert e.geo_precision == 3  # only a country is given
    assert "another place of the same sentence" in location_reason(e)


def test_the_paragraphs_event_places_an_event_of_its_next_sentence():
    e = event("Fighting raged in Mosul on Monday. The army said gunmen kidnapped two traders.",
              "kidnapped")
    assert e.location is not None and e.location.name == "Mosul"
    assert e.geo_precision == 2  # inferred, never finer than 2
    assert "the paragraph's place" in location_reason(e)
    assert "'Fighting'" in location_reason(e)


def test_another_paragraph_gives_only_the_documents_main_place():
    # a line break ends the paragraph: the kidnapping is not carried over from the
    # fighting, only placed at the document's main place, at precision 3
    e = event("Fighting raged in Mosul on Monday.\nGunmen kidnapped two traders on Tuesday.",
              "kidnapped")
    assert e.location is not None and e.location.name == "Mosul"
    assert e.geo_precision == 3
    assert "the document's main place" in location_reason(e)


def test_the_place_the_paragraph_names_without_a_located_event():
    e = event("The governor of Kano State spoke on Monday. Gunmen kidnapped two traders.",
              "kidnapped")
    assert e.location is not None and e.location.country_code == "NG"
    assert e.geo_precision == 3  # a state: only a province is given
    assert "the place the paragraph names" in location_reason(e)


def test_a_text_naming_no_place_leaves_the_event_unlocated():
    e = event("Militants attacked a police checkpoint, killing two officers.", "attacked")
    assert e.location is None and e.location_text is None and e.geo_precision is None
    assert "no place linked" in location_reason(e)


def test_a_name_the_gazetteer_lacks_keeps_its_name_at_the_paragraphs_place():
    e = event("Fighting raged in Maiduguri on Monday. Gunmen abducted ten girls in the "
              "village of Ngwazabari.", "abducted")
    assert e.location_text == "Ngwazabari"
    assert e.location is not None and e.location.name == "Maiduguri"
    assert e.geo_precision == 2
    assert "not in the gazetteer" in location_reason(e)


def test_a_name_the_gazetteer_lacks_with_only_a_sources_place_is_placed_there():
    e = event("According to a military source in the Idlib Governorate, the rebels stormed "
              "the Zarzour Ghazal District on Friday.", "stormed")
    assert e.location_text == "Zarzour Ghazal District"
    assert e.location is not None and e.location.country_code == "SY"
    assert e.geo_precision == 3
    assert "source" in location_reason(e)


def test_the_paragraphs_province_gives_way_to_its_district_named_with_it():
    # "Pattani's Nong Chik district": both names of one tier, the province only says
    # where the district is (the gazetteer's admin link), so the district is the place
    e = event("PATTANI, Thailand, Sept 13 — A third person has died from wounds sustained "
              "in Friday's bombing outside a tea shop in Pattani's Nong Chik district, "
              "officials said.\n\nIn neighbouring Yala province, a bomb disposal team "
              "defused a pipe bomb on Saturday.", "bombing")
    assert e.location is not None and e.location.name == "Amphoe Nong Chik"
    assert "the place the paragraph names" in location_reason(e)


def test_a_round_ups_item_label_places_the_items_unknown_place():
    # "PAARL:" opens the item: Paarl East, which the gazetteer lacks, is placed at Paarl,
    # not at the first item's Athlone
    text = ("CAPE TOWN, Oct. 5 — Weekend round-up.\n\nATHLONE: A guard was wounded on "
            "Saturday when armed men attacked a cash-in-transit vehicle on Klipfontein "
            "Road.\n\nPAARL: Residents of an informal settlement in Paarl East blocked "
            "the main road with burning tyres on Sunday to protest against power cuts.\n")
    e = next(e for e in geoevents.extract_events(text) if e.location_text == "Paarl East")
    assert e.location is not None and e.location.name == "Paarl"


# -- never an event's place -----------------------------------------------------------------


def test_a_dateline_is_not_where_the_event_happened():
    e = event("KANO, Nigeria, March 3 — Gunmen attacked a village, killing five.",
              "attacked")
    assert e.location is None


@pytest.mark.parametrize("text", [
    # without a day, or with the agency
    "KYIV — Russia launched a missile attack across Ukraine overnight, killing five.",
    "KYIV (Reuters) — Russia launched a missile attack across Ukraine, killing five.",
])
def test_a_dateline_without_a_day_is_not_where_the_event_happened(text):
    e = event(text, "launched")
    assert e.location_text == "Ukraine"


@pytest.mark.parametrize("text", [
    # a dateline in title case, after the report's headline
    "Insurgents return to the north, two men beheaded\n\nLichinga — Armed men beheaded "
    "two farmers yesterday.",
    "A market town in mourning\n\nKANO, Nigeria, March 3 — Gunmen beheaded two farmers.",
])
def test_a_dateline_after_the_headline_is_not_where_the_event_happened(text):
    e = event(text, "beheaded")
    assert e.location is None, e.location_text


def test_an_unknown_village_is_not_placed_at_the_dateline_after_the_headline():
    # (placed at the dateline's Chaibasa, "the nearest place the sentence names", before;
    # told again only as where the police spoke)
    e = event("A road and an old fear\n\nCHAIBASA, Jharkhand - A pressure IED went off under "
              "a patrol near Chhotanagra on Monday, injuring three jawans, police said. \"The "
              "search continues,\" the district police chief told reporters in Chaibasa.",
              "went off")
    assert e.location is None and "Chhotanagra" in e.location_text


def test_the_datelines_words_are_no_place_the_parse_links():
    # "Ghana" of the dateline was the trigger's npadvmod, "not in the gazetteer"
    e = event("BAWKU, Ghana, July 6 — Gunmen opened fire on a market on Saturday, "
              "killing four people.", "opened")
    assert e.location is None and not e.location_text


@pytest.mark.parametrize("text", [
    "Officials said in Washington that gunmen had killed five people.",
    "The ministry told reporters in Kabul that gunmen had killed five people.",
    # where a statement came out, before or after the verb of saying
    "In a statement released in Mogadishu on Thursday, the ministry said gunmen had "
    "killed five people.",
    "The ministry said in a statement issued in Kabul that gunmen had killed five people.",
])
def test_the_source_of_a_statement_is_not_the_reported_events_place(text):
    e = event(text, "killed")
    assert e.location is None, e.location_text


def test_a_statement_keeps_the_place_it_was_made_in():
    # the condemnation itself happened where the statement came out
    e = event("President Bola Tinubu condemned the mosque attack in a statement from Abuja.",
              "condemned")
    assert e.location is not None and e.location.name == "Abuja"


def test_a_source_set_before_the_verb_is_the_scene():
    # "In Jericho, officials said …": a place fronted before the verb sets the scene
    loc = located("In Jericho, hospital officials said soldiers shot dead a man.", "shot")
    assert loc.toponym is not None and loc.toponym.text == "Jericho"


@pytest.mark.parametrize("text, trigger", [
    ("The council said a ceasefire had been agreed with the mediation of elders from "
     "Zintan.", "mediation"),
    ("Residents from Kafr Nabl were killed in an air strike on Monday.", "killed"),
])
def test_where_people_come_from_is_not_where_they_act(text, trigger):
    loc = located(text, trigger)
    assert loc.toponym is None, loc.reason


def test_a_place_described_by_its_distance_from_another_is_the_place():
    # the apposition says what Er Rahad is and where: the event is at Er Rahad
    e = event("The RSF said its fighters had stormed Er Rahad, a railway town about 70 km "
              "south-east of El Obeid, on Monday.", "stormed")
    assert e.location_text == "Er Rahad", e.reason
    assert "locates" in location_reason(e)


def test_what_is_reported_somewhere_happened_there():
    # the event noun is the passive subject of a verb of telling: its place is the event's
    e = event("Fighting was also reported on Sunday on the southern outskirts of Debre "
              "Markos, the capital of East Gojjam zone.", "Fighting")
    assert e.location is not None and e.location.name == "Debre Mark’os", e.reason


def test_a_country_as_the_subject_is_an_actor_not_a_place():
    e = event("Turkey shot down a Russian jet on Tuesday.", "shot down")
    assert e.location is None


# -- step 6: the state its own sentence shows acting ---------------------------------------


@pytest.mark.parametrize("text, trigger, country", [
    ("Moscow rejected the proposal on Friday.", "rejected", "RU"),  # the subject
    ("Russia agreed to a ceasefire on Monday.", "agreed", "RU"),
    # the country whose own body the sentence tells of
    ("Two journalists were arrested after they reported on abuses by Uganda's police.",
     "arrested", "UG"),
    # the country the sentence says something is, also for violence
    ("Somalia remains the most dangerous country for journalists, after two reporters "
     "were shot dead last week.", "shot", "SO"),
])
def test_a_text_with_no_other_place_gives_the_state_at_the_lowest_precision(
        text, trigger, country):
    e = event(text, trigger)
    assert e.location is not None and e.location.country_code == country, e.reason
    assert e.geo_precision == 3
    assert "no place of its own in the text" in location_reason(e)


@pytest.mark.parametrize("text, trigger", [
    # a state's act of force is done where its forces are, often abroad
    ("Germany's air force shot down the bomber on May 13, 1944.", "shot down"),
    ("Israel captured the eastern sector of the city in 1967.", "captured"),
    # a nationality, a person's origin, a country's happening, the end of another path
    ("He was captured after throwing the grenade that killed the U.S. soldier.",
     "captured"),
    ("Protesters denounced Israel's war against Hezbollah on Sunday.", "denounced"),
    ("His home was later burned down, and he moved his family to London.", "burned"),
    # a dateline is never the place (cut from the sentence: unnamed "officials" who
    # condemn make no statement there, with or without a dateline, so a named speaker)
    ("KABUL, Afghanistan -- The government condemned the attack on Sunday.", "condemned"),
])
def test_no_state_is_given_where_the_text_does_not_support_it(text, trigger):
    e = event(text, trigger)
    assert e.location is None, e.reason


# -- step 7: the country of ordinary people who do it, by their nationality ------------------


@pytest.mark.parametrize("text, trigger, country", [
    ("Around 800 Nicaraguan agricultural workers protested outside the U.S. Embassy on "
     "Tuesday.", "protested", "NI"),  # the owner of the site is no place
    ("Hundreds of Lebanese protested against the visit on Monday.", "protested", "LB"),
    ("Thousands of Iranian students marched on Monday.", "marched", "IR"),
])
def test_ordinary_people_act_in_the_country_of_their_nationality(text, trigger, country):
    e = event(text, trigger)
    assert e.location is not None and e.location.country_code == country, e.reason
    assert e.geo_precision == 3
    assert "the country of its doers" in location_reason(e)


@pytest.mark.parametrize("text, trigger", [
    # a state's forces and bodies act abroad too
    ("Russian troops shelled the village on Monday.", "shelled"),
    ("French peacekeepers were shot by snipers on Friday.", "shot"),
    # the people an act is done to may be foreigners
    ("Two Chinese workers were kidnapped by gunmen on Tuesday.", "kidnapped"),
    ("Police freed the Chinese workers kidnapped by gunmen on Tuesday.", "kidnapped"),
    # two countries' nationalities: which one's?
    ("Iranian and Iraqi students protested on Monday.", "protested"),
])
def test_no_country_is_given_by_a_nationality_that_may_be_abroad(text, trigger):
    e = event(text, trigger)
    assert e.location is None, e.reason


def test_an_unknown_part_of_a_known_place_places_the_paragraph():
    # "the Subúrbio of Salvador": Salvador holds the unknown district, and the report's
    # dateline alone would place nothing
    e = event("SALVADOR - Seven people died during an operation of the Military Police in "
              "the Valéria neighbourhood, in the Subúrbio of Salvador, on Tuesday morning. "
              "Six of the dead were suspects who opened fire on the officers when they "
              "entered the area.", "opened")
    assert e.location is not None and e.location_text == "Salvador", e.reason
    assert "the place the paragraph names" in location_reason(e)


def test_the_states_place_comes_after_the_documents():
    # another sentence names a place: the paragraph's, not the state acting, is the place
    e = event("Clashes erupted in Aleppo on Monday. Moscow rejected the proposal on "
              "Friday.", "rejected")
    assert e.location is not None and e.location.name == "Aleppo", e.reason


def test_a_country_that_owns_a_site_is_its_owner():
    e = event("Militants attacked a U.S. military base in northern Syria.", "attacked")
    assert e.location is not None and e.location.country_code == "SY"


def test_the_end_of_another_verbs_path_is_not_the_place():
    loc = located("He was captured in December and shipped to Guantanamo.", "captured")
    assert loc.toponym is None
    loc = located("He was captured in Kandahar and shipped to Guantanamo.", "captured")
    assert loc.toponym is not None and loc.toponym.text == "Kandahar"


def test_a_place_told_by_its_distance_away_is_not_the_scene():
    # the writer measures how far Bolgatanga is from the scene: the families went there,
    # the shooting was not there
    e = event("Gunmen on motorbikes opened fire on traders at the market on Saturday, "
              "killing four people. Many families sent their children to relatives in "
              "Bolgatanga, about 70 kilometres away.", "opened")
    assert e.location is None


def test_a_place_that_locates_a_refuge_is_not_the_scene():
    # the families fled to a clinic; the town the clinic is in is where they went, not
    # where the gunmen shot
    e = event("Gunmen on motorbikes opened fire on traders at the market on Saturday, "
              "killing four people. Many families fled to a clinic in Bolgatanga, which "
              "now shelters the displaced.", "opened")
    assert e.location is None


# -- descriptive locations and ACLED precision ----------------------------------------------


def test_distance_and_bearing_is_the_point_that_far_at_precision_two():
    e = event("Gunmen killed five villagers 15 km north of Kano on Monday.", "killed")
    kano = geoevents.geocode("Kano", country="NG")
    assert e.location is not None and kano is not None
    assert e.geo_precision == 2 and e.location_role == "near"
    assert distance_km(e.location.lat, e.location.lon, kano.lat, kano.lon) == \
        pytest.approx(15, abs=1)
    assert e.location.lat > kano.lat


def test_a_district_is_precision_two_and_a_state_three():
    assert event("Gunmen killed five villagers in Biu district on Monday.",
                 "killed").geo_precision == 2
    assert event("Soldiers clashed with rebels in Borno State.", "clashed").geo_precision == 3


def test_a_road_between_two_towns_is_a_point_between_them():
    e = event("Gunmen ambushed a convoy on the Gao-Kidal road on Monday.", "ambushed")
    gao, kidal = geoevents.geocode("Gao", country="ML"), geoevents.geocode("Kidal",
                                                                           country="ML")
    assert e.location is not None and gao is not None and kidal is not None
    assert e.geo_precision == 2
    assert min(gao.lat, kidal.lat) < e.location.lat < max(gao.lat, kidal.lat)


def test_an_event_carried_by_another_shares_its_place():
    # "launched" carries "offensive", which a relative clause places through "targeted":
    # one act told by three words, all at the districts' province
    found = geoevents.extract_events(
        "The army launched a massive offensive on Thursday that targeted the southern "
        "Aleppo districts.", published="2025-03-10")
    assert {e.trigger for e in found} >= {"launched", "offensive"}
    assert all(e.location is not None and e.location.name == "Ḩalab" for e in found)
    launched = next(e for e in found if e.trigger == "launched")
    assert "that the trigger tells with" in location_reason(launched)


def test_a_named_site_is_not_moved_by_a_later_telling_elsewhere():
    # the village (not in the gazetteer, placed in its district) is the raid's site; the
    # radio station a speaker talked to lies 90 km away and tells nothing finer about it
    text = ("Insurgents beheaded three men and burned houses in a raid on the village of "
            "Nankumi in Chiure district, in Mozambique's Cabo Delgado province, on Sunday, "
            "a local priest said.\n\nThe attackers looted shops before setting fire to the "
            "village, the priest told the diocese of Pemba's radio station.")
    events = geoevents.extract_events(text, published="2026-09-09")
    [raid] = [e for e in events if e.trigger == "beheaded"]
    assert raid.location_text == "Nankumi" and raid.location.name == "Chiure"
    assert "setting" in {m["trigger"] for m in raid.mentions}  # the telling still joins


@pytest.mark.parametrize("text, placed", [
    # a militia named after a town fights anywhere: the name is no home of a body ...
    ("Hooded gunmen shot dead two informers on Tuesday, hours after a missile killed a "
     "commander of the Jenin Brigades militia.", False),
    # ... as a local office's is
    ("Hooded gunmen shot dead two informers on Tuesday, hours after a missile killed the "
     "Jenin governor.", True),
])
def test_a_place_in_a_fighting_groups_name_is_no_home_of_a_body(text, placed):
    from geoevents.events.extract import extract
    from geoevents.pipeline import geoparser

    parser = geoparser()
    start = text.index("Jenin")
    doc = next(parser.docs([text], level="full"))
    [jenin] = parser.parse(text, toponyms=[(start, start + 5)]).toponyms  # forced: the
    # recogniser itself rarely keeps a place inside an organisation's name
    [shot] = [e for e in extract(doc, [jenin]) if e.trigger == "shot"]
    assert (shot.location_text == "Jenin") is placed, shot.reason


def test_a_movements_destination_is_not_the_paragraphs_place():
    # "withdrew towards the Shabelle river" says where the militants went; the car bomb
    # told in the paragraph is the attack on the base, not a happening at the river
    found = geoevents.extract_events(
        "MOGADISHU, May 21 — Al-Shabaab fighters attacked an army base in Afgooye late on "
        "Wednesday, officials said.\n\n"
        "The attack began with a suicide car bomb at the gate of the base, followed by an "
        "assault by dozens of gunmen. The fighting lasted three hours before the militants "
        "withdrew towards the Shabelle river.", published="2025-05-21")
    assert not any(e.location is not None and "Shabelle" in e.location.name
                   and e.event_type == "Explosions/Remote violence" for e in found)


def test_a_site_named_again_is_where_it_was_named():
    """precision10: "the prison", named before as "the prison in Ambato", places what
    its sentence tells when the paragraph names no place (not the document's main place,
    the city the report names most)."""
    found = geoevents.extract_events(
        "QUITO, Ecuador, Nov. 23 — A riot inside the prison in Ambato killed six inmates on "
        "Sunday, the prison agency said.\n\nRelatives waited outside the gates through the "
        "night. Soldiers entered the prison on Monday and said they had regained control "
        "of all its wings.\n\nIn Guayaquil, gunmen shot dead two men at a market on "
        "Saturday. Police in Guayaquil arrested three suspects on Sunday.",
        published="2025-11-24")
    regained = [e for e in found if e.trigger == "regained"]
    assert [e.location_text for e in regained] == ["Ambato"]


def test_a_site_named_again_comes_before_a_later_sentence_s_place():
    """A claim whose next sentence names "the village" again is at the village the first
    paragraph named, not at the district of the other side's counter-claim told later in
    the paragraph."""
    found = geoevents.extract_events(
        "YEREVAN, May 6 — Armenia accused Azerbaijani forces on Tuesday of firing at houses "
        "in the border village of Movses in the Tavush province.\n\n"
        "According to Armenia's defence ministry, Azerbaijani units opened fire with mortars "
        "on Monday night. Two shells hit a barn on the edge of the village, and a shepherd "
        "was wounded. In Baku, the defence ministry said Armenian troops had fired on its "
        "positions in the Tovuz district on the same evening.", published="2025-05-06")
    opened = [e for e in found if e.trigger == "opened"]
    assert [e.location_text for e in opened] == ["Movses"], [e.reason for e in found]


def test_a_name_the_toponym_stage_passed_over_is_read_as_elsewhere():
    """precision10: "at Hodeidah port" in the army's entry, a name the toponym stage did
    not keep there, is the Hodeidah the report names in its headline: the army's strike
    is the strike told at 06:30, not one placed at the sea or in Israel."""
    found = geoevents.extract_events(
        "Live: Strikes on Yemen's Hodeidah port\n\n06:30 — Israeli jets struck Hodeidah "
        "port on Yemen's Red Sea coast overnight, Houthi television reported. It said two "
        "dock workers were killed.\n\n08:15 — The Israeli army says it hit \"military "
        "infrastructure\" at Hodeidah port in response to missile launches towards "
        "Israel.\n\n10:00 — The Houthis say they fired a missile at Ben Gurion airport "
        "near Tel Aviv this morning.", published="2025-09-08")
    strikes = [e for e in found if e.sub_event_type == "Air/drone strike"]
    assert [e.location.name for e in strikes] == ["Al Ḩudaydah"]


def test_where_the_hurt_were_cared_for_places_no_happening():
    """precision10: a blast at a place the gazetteer lacks is not placed at the town of
    the hospital its wounded were flown to ("died … at the Bokaro Institute of Medical
    Sciences in Ranchi, where the injured had been flown")."""
    found = geoevents.extract_events(
        "CHAIBASA, India - Maoist violence has declined in West Singhbhum district.\n\n"
        "A landmine went off under a police patrol near Bhalukpahari on Monday, injuring "
        "two officers. One of them died on Tuesday at the Bokaro Institute of Medical "
        "Sciences in Ranchi, where the injured had been flown.", published="2025-08-20")
    blasts = [e for e in found if e.event_type == "Explosions/Remote violence"]
    assert blasts and all(e.location is None or e.location.name != "Ranchi" for e in blasts)


# -- a name the gazetteer lacks, and the places the text ties it to ---------------------------


def test_a_lone_reading_abroad_is_a_stray():
    from geoevents.events.location import country_names, stray
    from geoevents.model import Place, Toponym

    def named(text: str, cc: str) -> Toponym:
        return Toponym(start=0, end=len(text), text=text,
                       place=Place(id=text, name=text, lat=0.0, lon=0.0, feature_class="P",
                                   feature_code="PPL", country_code=cc))

    hindi, lamu, nairobi = named("Hindi", "UA"), named("Lamu", "KE"), named("Nairobi", "KE")
    names = country_names([hindi, lamu, nairobi, named("Hindi", "UA")])
    assert stray(hindi, names)  # the same name twice vouches for nothing
    assert not stray(lamu, names)  # another name of the text is in Kenya
    # a text that names one other place abroad is about no country yet
    assert not stray(hindi, country_names([hindi, lamu]))
    assert not stray(hindi, {})  # no document to judge by


def test_a_name_the_gazetteer_lacks_is_never_placed_at_a_stray_abroad():
    # "Hindi" reads as Mariupol, Ukraine, by an alternate name; Milimani and Kiunga are
    # not in the gazetteer: the bomb is in Kenya, not in Ukraine
    text = ("NAIROBI, July 9 — Three Kenyan police officers were killed on Tuesday when "
            "their vehicle struck a roadside bomb in Lamu county.\n\nThe officers were on "
            "patrol on the road between Hindi and Kiunga when the explosive device went off "
            "near Milimani, at the edge of the Boni forest in Lamu East, a police report "
            "said.")
    for e in geoevents.extract_events(text):
        assert e.location is None or e.location.country_code == "KE", e.reason


def test_a_separate_raid_takes_no_setting_of_the_other_clause():
    e = event("Three Kenyan police officers were killed on Tuesday when their vehicle struck "
              "a roadside bomb in Lamu county near the Somali border, and suspected "
              "al-Shabaab militants killed two villagers in a separate raid on Wednesday, "
              "officials said.", "raid")
    # (only the fallback chain may place it, at its lower precision)
    assert "the sentence's setting" not in location_reason(e)
    assert "no place of its own in the sentence" in location_reason(e)


def test_a_town_put_in_a_municipality_after_a_comma_lies_in_it():
    # the gazetteer's first Buenavista lies 250 km east of Buenavista Tomatlán
    e = event("A farmer was killed when he stepped on an improvised landmine while clearing "
              "an orchard near Buenavista, in the municipality of Buenavista Tomatlán, in "
              "Michoacán.", "killed")
    assert e.location is not None and e.location.name == "Buenavista Tomatlán", e.reason


def test_a_site_the_gazetteer_lacks_is_not_placed_at_the_far_end_of_its_road():
    text = ("COCHABAMBA, Bolivia, November 18 — Police used tear gas on Tuesday to clear a "
            "road blockade at Parotani, on the highway linking Cochabamba to Oruro and La "
            "Paz, as protests against fuel price increases entered their second day.\n\n"
            "In La Paz, the government spokesman said the fuel decree would not be "
            "withdrawn.")
    events = geoevents.extract_events(text)
    assert events
    for e in events:  # (the fallback chain may still give the paragraph's place)
        assert "placed at 'La Paz' (La Paz, BO), the nearest place" not in e.reason, e.reason


@pytest.mark.parametrize("text, kept", [
    # the traffic on a road is cut: its ends say nothing of where the paragraph's fighting was
    ("Traffic between Gimbi and Nejo remained suspended on 20 August.", False),
    ("Gunmen stopped a bus on the road linking Nejo to Gimbi.", False),
    ("Fighting between Gimbi and Nejo went on for hours.", True),
    ("Gunmen attacked a bus on the road near Gimbi.", True),
])
def test_the_ends_of_a_road_are_no_paragraphs_place(text, kept):
    from geoevents.events.location import context_places
    from geoevents.model import Place, Toponym
    from geoevents.nlp import load

    start = text.index("Gimbi")
    gimbi = Toponym(start, start + 5, "Gimbi",
                    Place("x:1", "Gimbi", 9.17, 35.83, "P", "PPL", country_code="ET"))
    assert bool(context_places(load()(text), [gimbi])) is kept


def test_a_place_told_by_its_bearing_from_the_place_before_is_measured_from_it():
    # Wadankou is not in the gazetteer (Macina is, since its cercle is found by that
    # name); the writer tells how far and which way it lies from Sokolo, where the
    # report's last event was
    text = ("BAMAKO, January 21 — Jihadist fighters attacked an army position at Sokolo on "
            "Sunday, killing three soldiers.\n\nOn Monday, a drone strike hit the weekly "
            "fair of a village near Wadankou, some 120 kilometres to the south-east, killing "
            "eight people.")
    e = event(text, "strike")
    assert e.location is not None and e.geo_precision == 2, e.reason
    sokolo = (14.7328, -6.1219)
    assert 110 < distance_km(*sokolo, e.location.lat, e.location.lon) < 130
    assert e.location.lat < sokolo[0] and e.location.lon > sokolo[1]  # south-east
    assert "120 km south-east of 'Sokolo'" in location_reason(e)


def test_a_bearing_needs_a_distance_and_a_compass_word():
    from geoevents.events.location import told_onward
    from geoevents.model import Toponym

    text = "a village near Macina, some 120 kilometres to the south-east, and more"
    macina = Toponym(15, 21, "Macina")
    assert told_onward(text, macina) == (120.0, "south-east")
    assert told_onward("near Macina, some 120 kilometres to the market", macina) is None
    assert told_onward("near Macina, where 120 people live", macina) is None


@pytest.mark.parametrize(("text", "place"), [
    # recall20: a town the clause names on its own is the point on the road
    ("Hundreds of angry youths blocked the Kaduna-Zaria road at the entrance of Zaria town "
     "with burning tyres on Monday.", "Zaria"),
    # the road's ends inside its name are no point on it
    ("Hundreds of angry youths blocked the Kaduna-Zaria road with burning tyres on Monday.",
     "Kaduna-Zaria road"),
])
def test_a_town_named_on_a_road_between_two_is_where_it_happened(text, place):
    found = geoevents.extract_events(text, published="2026-05-12")
    assert [e.location_text for e in found] == [place]


def test_a_village_placed_at_its_province_moves_to_the_local_place_named_in_it():
    # the gazetteer lacks "Magüí Payán"; Payán, named before, is a town of Nariño
    text = ("Hundreds of families have left Payán since October. On Sunday, fighting killed "
            "six people in a rural area of Magüí Payán, in Colombia's southwestern Nariño "
            "department.")
    e = event(text, "fighting")
    assert e.location_text == "Magüí Payán"
    assert e.location is not None and e.location.name == "Payán", location_reason(e)
    assert e.geo_precision == 2
    assert "nearest local place, 'Payán', in Nariño" in location_reason(e)


def test_a_local_place_of_another_province_leaves_the_village_at_its_province():
    text = ("Hundreds of families have left Piendamó since October. On Sunday, fighting killed "
            "six people in a rural area of Magüí Payán, in Colombia's southwestern Nariño "
            "department.")
    e = event(text, "fighting")
    assert e.location is not None and e.location.feature_code == "ADM1", location_reason(e)
    assert "nearest local place" not in location_reason(e)


@pytest.mark.parametrize("text, trigger", [
    pytest.param("The demonstrators also protested against the U.N. sanctions imposed on Libya "
                 "since 1992 for its refusal to hand over the two suspects in the 1988 bombing "
                 "of a Pan Am passenger jet over Lockerbie, Scotland, that killed 270 people.",
                 "protested", id="what a protest is against"),
    pytest.param("The demonstrators were protesting against the detention of Sabahattin "
                 "Suvagci, chairman of the Democratic People's Party in Hakkari province.",
                 "protesting", id="whom a protest is for"),
])
def test_a_place_the_sentence_gives_another_happening_is_no_fallback(text, trigger):
    e = event(text, trigger)
    assert e.location is None, location_reason(e)


def test_a_facility_named_again_with_a_time_on_it_is_where_it_was_named_before():
    # "the market" of the strike is the one "in Kutum" told before, although the parse
    # hangs the hour on it and the paragraph goes on to name Darfur
    e = event("The market in Kutum was busy as usual on Saturday.\n\nA shell struck the "
              "crowded grain section of the market at around 9 a.m., killing four people. "
              "Fighting also continued across Darfur.", "struck")
    assert e.location_text == "Kutum"
    assert "where 'the market' was named before" in location_reason(e)
