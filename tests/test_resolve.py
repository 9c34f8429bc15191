"""Resolution with document context: qualifiers, countries and regions in the text,
metonymy, one sense per discourse, borders, confidence, and the ranker itself."""

from __future__ import annotations

import json

import numpy as np
import pytest

from geoevents.errors import InputError
from geoevents.evaluation.train_ranker import fit, log_likelihood
from geoevents.model import Place, Toponym
from geoevents.resolve import (
    Ranker,
    Resolver,
    place_by_context,
    placed_by_context,
    town_owns_name,
)
from geoevents.resolve.borders import border_id
from geoevents.resolve.candidates import Candidate
from geoevents.resolve.features import FEATURES, HAND_SET, shipped


def own_place(toponym):
    """The gazetteer place a toponym resolved to: None for a name the gazetteer could not
    place, even when the document places it near another place of its text
    (:func:`geoevents.resolve.place_by_context`)."""
    place = toponym.place
    return None if place is None or placed_by_context(place) else place


def places(parser, text: str) -> dict[str, list]:
    """Mention text -> resolved places (in text order)."""
    out: dict[str, list] = {}
    for t in parser.parse(text).toponyms:
        out.setdefault(t.text, []).append(t.place)
    return out


def test_qualifier_picks_the_named_region(parser):
    found = places(parser, "He drove from Paris, Texas to Moscow, Idaho.")
    assert found["Paris"][0].admin1 == "Texas"
    assert found["Moscow"][0].admin1 == "Idaho"


def test_without_context_the_prominent_place_wins(parser):
    found = places(parser, "Moscow indicated a readiness to mediate.")
    assert found["Moscow"][0].country_code == "RU"
    assert found["Moscow"][0].feature_code == "PPLC"


@pytest.mark.parametrize("text, country, code", [
    ("Fighting broke out near Tbilisi, and Georgia asked for help.", None, "PCLI"),
    ("Officials in Atlanta said Georgia would expand the program.", "US", "ADM1"),
])
def test_context_decides_georgia(parser, text, country, code):
    georgia = places(parser, text)["Georgia"][0]
    assert georgia.feature_code == code
    assert georgia.country_code == (country or "GE")


def test_one_sense_per_discourse(parser):
    found = places(parser, "Paris, Texas held a fair. Later, Paris hosted a parade.")
    assert {p.id for p in found["Paris"]} == {found["Paris"][0].id}
    assert found["Paris"][0].admin1 == "Texas"


def test_short_name_after_the_full_one_refers_to_it(parser):
    found = places(parser, "Jets struck the Gaza Strip. Militants in Gaza fired rockets.")
    assert found["Gaza"][0].id == found["Gaza Strip"][0].id


def test_border_with_one_named_country_takes_the_other_from_the_sentence(parser):
    text = "The Israeli military reported a clash near the country's border with Egypt."
    border = next(t for t in parser.parse(text).toponyms if t.kind == "border")
    assert border.place.id == border_id("IL", "EG") == "ne:border:EG-IL"
    assert "IL" in border.reason


def test_border_of_two_named_countries(parser):
    text = "Talks on the border between Israel and Lebanon resumed."
    border = next(t for t in parser.parse(text).toponyms if t.kind == "border")
    assert border.place.id == "ne:border:IL-LB"


def test_every_resolved_toponym_has_a_reason_and_confidence(parser):
    doc = parser.parse("Talks in Cairo and Amman followed strikes in Jenin and Nablus.")
    assert doc.toponyms
    for t in doc.toponyms:
        assert t.place is not None and t.reason and 0.0 < t.confidence <= 1.0
        assert t.place in t.candidates


def test_low_confidence_stays_unresolved(gaz, parser):
    cautious = Resolver(gaz, min_confidence=0.99)
    doc = next(parser.docs(["The meeting took place in Springfield."]))
    springfield = next(m for m in cautious(parser.recogniser(doc), doc.text)
                       if m.text == "Springfield")
    assert springfield.place is None
    assert springfield.reason.startswith("unresolved")
    assert len(springfield.candidates) > 1


def test_unknown_name_that_does_not_look_like_a_place_is_dropped(parser):
    doc = next(parser.docs(["Saakashvili spoke on Main Street in Tbilisi."]))
    texts = {m.text for m in parser.toponyms(doc)}
    assert "Tbilisi" in texts
    assert "Saakashvili" not in texts


def test_shipped_rankers_load_and_round_trip(tmp_path):
    assert HAND_SET in shipped()
    ranker = Ranker.load(HAND_SET)
    assert ranker.weights.shape == (len(FEATURES),)
    path = tmp_path / "r.json"
    path.write_text(ranker.to_json())
    again = Ranker.load(path)
    assert np.allclose(again.weights, ranker.weights)
    assert json.loads(path.read_text())["name"] == ranker.name


def test_bad_ranker_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no ranker"):
        Ranker.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(InputError, match="not valid JSON"):
        Ranker.load(bad)


def test_fit_learns_the_feature_that_separates_right_candidates():
    rng = np.random.default_rng(0)
    signal = FEATURES.index("colocated")
    data = []
    for _ in range(200):
        x = rng.normal(size=(4, len(FEATURES)))
        right = np.zeros(4, bool)
        right[int(np.argmax(x[:, signal]))] = True
        data.append((x, right))
    prior = np.zeros(len(FEATURES))
    weights = fit(data, prior, steps=300)
    assert weights[signal] > 1.0
    assert weights[signal] == max(weights)
    assert log_likelihood(data, weights) > log_likelihood(data, prior)


@pytest.mark.parametrize("text, name, code, country", [
    # a bare country or state name means the country or state, even in a text about
    # another country (which otherwise pulls towards its homonymous towns)
    ("Cases were reported in Texas, Ohio and New Jersey, and later in Mexico.",
     "Mexico", "PCLI", "MX"),
    ("Flights from Mexico City resumed, and Mexico reported fewer cases.", "Mexico",
     "PCLI", "MX"),
    ("Farmers in Iowa and Nebraska said Kansas had a dry spring.", "Kansas", "ADM1", "US"),
])
def test_a_country_or_state_name_beats_its_namesake_towns(parser, text, name, code, country):
    place = places(parser, text)[name][0]
    assert (place.feature_code, place.country_code) == (code, country)


def test_a_qualifier_still_picks_the_namesake_town(parser):
    place = places(parser, "The plant in Mexico, Missouri closed.")["Mexico"][0]
    assert (place.feature_class, place.admin1) == ("P", "Missouri")


@pytest.mark.parametrize("text, qualified", [
    ("Bees died in California, Oklahoma, Pennsylvania and Wisconsin.", []),
    ("He drove from Paris, Texas, to Moscow, Idaho.", ["paris", "moscow"]),
])
def test_list_items_do_not_qualify_each_other(parser, text, qualified):
    doc = next(parser.docs([text]))
    mentions = [m for m in parser.recogniser(doc) if m.kind == "name"]
    groups, _ = parser.resolver.groups(mentions, text)
    assert sorted(g.key for g in groups if g.qualifier_of) == sorted(qualified)


@pytest.mark.parametrize("name, country", [
    ("Democratic Republic of Congo", "CD"), ("Republic of Congo", "CG")])
def test_spelling_variants_of_official_names(parser, name, country):
    place = places(parser, f"Aid reached the {name} on Monday.")[name][0]
    assert place.country_code == country


def test_spelling_variants_are_tried_only_for_unknown_names():
    from geoevents.resolve.candidates import _spelling_variants

    assert _spelling_variants("Republic of Congo") == ["Republic of the Congo"]
    assert _spelling_variants("St. Marc") == ["Saint Marc"]
    assert _spelling_variants("Loudon Co.") == ["Loudon County"]
    assert _spelling_variants("Greater Mumbai") == ["Mumbai"]
    assert "Groton" in _spelling_variants("Town of Groton")
    assert _spelling_variants("Jenin") == []
    assert _spelling_variants("the greater Houston area") == ["greater Houston", "Houston"]


@pytest.mark.parametrize("name, bare", [
    ("the U.S.", "U.S."), ("Quebec's", "Quebec"), ("Kansas’s", "Kansas"), ("Texas'", "Texas"),
    ("the Dallas area", "Dallas"), ("Atlanta-area", "Atlanta"),
    ("the Houston metro area", "Houston"), ("the area", None), ("Bay Area", None),
    ("Jenin", None)])
def test_a_name_is_tried_without_the_words_around_it(name, bare):
    from geoevents.resolve.candidates import _bare

    assert _bare(name) == bare


@pytest.mark.parametrize("text, span, name, code", [
    ("Police in the Dallas area said the storm hit.", "the Dallas area", "Dallas", "PPL"),
    ("Quebec's premier said the storm hit.", "Quebec's", "Québec", None),
    ("Texas's governor said the storm hit.", "Texas's", "Texas", "ADM1"),
    ("Troops of the U.S. arrived.", "the U.S.", "United States", "PCLI"),
])
def test_a_given_span_with_the_words_around_a_name_is_the_place(parser, text, span, name,
                                                                code):
    start = text.index(span)
    (toponym,) = parser.parse(text, toponyms=[(start, start + len(span))]).toponyms
    assert toponym.place is not None and toponym.place.name == name
    assert code is None or toponym.place.feature_code == code


def test_the_ap_abbreviation_of_washington_is_the_state(parser):
    found = places(parser, "Officials in Wash. said the fire spread.")
    assert found["Wash."][0].feature_code == "ADM1"


def test_a_country_s_demonym_before_a_name_the_gazetteer_lacks_keeps_its_readings_there(
        parser, gaz):
    from geoevents.resolve.candidates import CandidateGenerator

    found = places(parser, "Militants threw a grenade into a hotel in Indian Kashmir.")
    kashmir = found["Indian Kashmir"][0]
    assert kashmir is not None and kashmir.country_code == "IN"
    assert kashmir.feature_code == "ADM1"
    generate = CandidateGenerator(gaz)
    # no reading of the rest in the demonym's country: none (Cyprus is no Turkish place)
    assert generate._in_demonym_country("Turkish Cyprus") == ()
    assert {c.place.country_code for c in generate._in_demonym_country("Pakistani Punjab")} \
        == {"PK"}


def test_an_abbreviated_word_also_finds_the_places_spelled_out(parser):
    # the gazetteer holds "Mt. Pleasant" as a name of some places called Mount Pleasant,
    # not of the Iowa town; "St. Marc" is only a similar spelling of St Mary, Jersey
    found = parser.resolver.candidates.for_name("Mt. Pleasant")
    assert any(c.place.admin1 == "Iowa" and c.match == "exact" for c in found)
    assert parser.resolver.candidates.for_name("St. Marc")[0].place.country_code == "HT"


def test_an_abbreviated_word_lets_the_text_choose_the_place(parser):
    found = places(parser, "Mt. Pleasant and Burlington, Iowa, closed schools.")
    assert found["Mt. Pleasant"][0].admin1 == "Iowa"


def test_inhabitants_names_point_to_their_place():
    from geoevents.resolve.candidates import inhabitant_stems

    assert "Ontario" in inhabitant_stems("Ontarians")
    assert inhabitant_stems("Richmondites")[0] == "Richmond"
    assert inhabitant_stems("New Londoners") == ["New London"]
    assert inhabitant_stems("Yankees") == [] and inhabitant_stems("residents") == []


@pytest.mark.parametrize("text, name, expected", [
    ("Ontarians voted on Thursday; Toronto and Ottawa counted late.", "Ontarians",
     ("CA", "ADM1")),
    ("Richmondites lined the streets of Richmond, Virginia.", "Richmondites", ("US", "PPL")),
    ("Rain fell on Albany, N.Y on Sunday.", "N.Y", ("US", "ADM1")),
    ("Two Sinhalese villages near Galle were flooded.", "Sinhalese", ("LK", "PCLI")),
])
def test_names_the_gazetteer_lacks_in_that_form(parser, text, name, expected):
    spans = [(text.index(name), text.index(name) + len(name))]
    [t] = parser.parse(text, toponyms=spans).toponyms
    assert t.place is not None, t.reason
    assert (t.place.country_code, t.place.feature_code) == expected, t.reason


def test_a_fuzzy_match_needs_support_from_the_text(parser):
    alone = parser.parse("Troops entered Nabuls on Monday.", toponyms=[(15, 21)]).toponyms[0]
    assert alone.place is None and "not in the gazetteer" in alone.reason
    text = "Troops entered Nabuls and Jenin in the West Bank on Monday."
    near = parser.parse(text, toponyms=[(15, 21), (26, 31), (39, 48)]).toponyms[0]
    assert near.place is not None and near.place.name == "Nablus"


@pytest.mark.parametrize("text, name, code, country", [
    # namesake towns of one state ("Egypt" and "Lebanon", Ohio) do not vouch for each
    # other, and names of one level come together
    ("Cases rose in Egypt, Bulgaria, Nicaragua and Lebanon, and in Ohio and Wisconsin.",
     "Lebanon", "PCLI", "LB"),
    ("Cases rose in Egypt, Bulgaria, Nicaragua and Lebanon, and in Ohio and Wisconsin.",
     "Egypt", "PCLI", "EG"),
    ("The pistachios were sold in Missouri, California, Louisiana, Nevada and Texas.",
     "Nevada", "ADM1", "US"),
    ("Stores in British Columbia, Alberta, Manitoba and Ontario pulled the melons.",
     "Ontario", "ADM1", "CA"),
])
def test_names_of_one_level_come_together(parser, text, name, code, country):
    place = places(parser, text)[name][0]
    assert (place.feature_code, place.country_code) == (code, country)


def test_a_variant_spelling_does_not_take_a_bigger_place_s_name(parser):
    found = places(parser, "Children in Los Angeles, San Diego and Pittsburgh were studied.")
    assert found["Pittsburgh"][0].admin1 == "Pennsylvania"
    # an alternate name of a more prominent place is still that place
    medina = places(parser, "Thousands of pilgrims arrived in Medina on Friday.")["Medina"][0]
    assert medina.country_code == "SA"


def test_context_features_of_namesakes_and_peers():
    from geoevents.model import Place
    from geoevents.resolve.candidates import Candidate
    from geoevents.resolve.features import Group, feature_matrices

    def cand(pid, name, code, cc, admin1=None, lat=0.0, lon=0.0, primary=True):
        place = Place(pid, name, lat, lon, "A" if code != "PPL" else "P", code, cc, admin1)
        return Candidate(place, "exact", 1.0, primary, 0.5)

    lebanon = Group("lebanon", [cand("lb", "Lebanon", "PCLI", "LB", lat=33.9, lon=35.9),
                                cand("oh1", "Lebanon", "PPL", "US", "Ohio", 39.4, -84.2)])
    egypt = Group("egypt", [cand("eg", "Egypt", "PCLI", "EG", lat=26.0, lon=30.0),
                            cand("oh2", "Egypt", "PPL", "US", "Ohio", 39.5, -84.3)])
    weights = np.array([1.0 if f == "prior" else 0.0 for f in FEATURES])
    m_lebanon, _ = feature_matrices([lebanon, egypt], 2, weights)
    col = {f: i for i, f in enumerate(FEATURES)}
    town, country = m_lebanon[1], m_lebanon[0]
    assert town[col["namesake"]] == 1.0
    assert town[col["colocated"]] == 0.0 and town[col["admin1_votes"]] == 0.0
    assert country[col["peers"]] > 0.0 and town[col["peers"]] == 0.0


def test_a_lone_name_gets_the_context_rounds_result_without_them():
    """feature_matrices skips the context rounds for a document with one distinct name;
    running them gives the same matrix (every context feature needs another name)."""
    from geoevents.model import Place
    from geoevents.resolve.candidates import Candidate
    from geoevents.resolve.features import Group, _DocFeatures, _probabilities, feature_matrices

    def cand(pid, code, cc, admin1, lat, lon, primary=True, prior=0.5):
        place = Place(pid, "Paris", lat, lon, "A" if code != "PPL" else "P", code, cc, admin1)
        return Candidate(place, "exact", 1.0, primary, prior)

    paris = Group("paris", [cand("fr", "PPLC", "FR", "Ile-de-France", 48.9, 2.35, prior=0.9),
                            cand("tx", "PPL", "US", "Texas", 33.7, -95.6),
                            cand("ky", "PPL", "US", "Kentucky", 38.2, -84.3, primary=False)],
                  weight=2.0)
    weights = np.array([0.5 if f in ("prior", "country_votes", "proximity") else 0.0
                        for f in FEATURES])
    doc = _DocFeatures([paris])
    for _ in range(2):
        doc.update_context([_probabilities(m, weights) for m in doc.matrices])
    (fast,) = feature_matrices([paris], 2, weights)
    assert np.array_equal(fast, doc.matrices[0])
    assert fast[:, FEATURES.index("prior")].tolist() == [0.9, 0.5, 0.5]


def test_border_named_after_a_part_is_that_part(gaz):
    """"the Gaza border": the pieces of the Israel–Palestinian Territory line next to
    the Gaza Strip, not the whole line (whose point lies near Jerusalem)."""
    from geoevents import parse
    from geoevents.geodesy import distance_km

    doc = parse("Israeli troops clashed with protesters along the Gaza border on Friday.")
    border = next(t for t in doc.toponyms if t.text == "Gaza border")
    whole = gaz.get("ne:border:IL-PS")
    assert border.place is not None and whole is not None
    assert border.place.geometry is not None
    assert border.place.geometry.length < whole.geometry.length
    gaza = gaz.get("local:gaza-strip")
    assert distance_km(border.place.lat, border.place.lon, gaza.lat, gaza.lon) < 40
    assert distance_km(whole.lat, whole.lon, gaza.lat, gaza.lon) > 40


def test_offset_relation_parsing():
    from geoevents.resolve import _offset

    assert _offset("20 km south of") == (20.0, "south")
    assert _offset("5 miles north-east of") == (5 * 1.609344, "north-east")
    assert _offset("north of") is None
    assert _offset("20 km beyond of") is None


def test_a_bare_name_beside_its_county_is_the_town(parser):
    text = ("Kingman County commissioners met on Monday. The Kingman police chief said "
            "the storm damaged three homes in Kingman. Wichita sent crews.")
    found = places(parser, text)
    assert {p.feature_code for p in found["Kingman County"]} == {"ADM2"}
    assert all(p.feature_class == "P" and p.admin1 == "Kansas" for p in found["Kingman"]), found


def test_a_county_s_short_name_is_the_county_not_the_seat_that_once_bore_it(parser):
    # Charleston and Beckley carry "Kanawha" and "Raleigh" as old names (the seats were
    # "Kanawha Court House" and "Raleigh Court House"); the bare name is the county's
    text = ("The West Virginia House passed the bill on Friday. Its sponsors were "
            "Delegates Ann Smith, D-Kanawha, and Tom Jones, R-Raleigh.")
    found = places(parser, text)
    assert [p.name for p in found["Kanawha"]] == ["Kanawha County"]
    assert [p.name for p in found["Raleigh"]] == ["Raleigh County"]


def test_seat_features():
    from geoevents.model import Place
    from geoevents.resolve.candidates import Candidate
    from geoevents.resolve.features import _static_rows

    def cand(pid, name, code, admin1, lat, lon, primary, prior, matched="kanawha"):
        place = Place(pid, name, lat, lon, "P" if code == "PPL" else "A", code, "US", admin1)
        return Candidate(place, "exact", 1.0, primary, prior, matched)

    county = cand("c", "Kanawha County", "ADM2", "West Virginia", 38.33, -81.57, False, 0.5)
    seat = cand("s", "Charleston", "PPL", "West Virginia", 38.35, -81.63, False, 0.7)
    iowa = cand("i", "Kanawha", "PPL", "Iowa", 42.93, -93.79, True, 0.56)
    col = {f: i for i, f in enumerate(FEATURES)}
    rows = _static_rows([seat, county, iowa])
    assert rows[0][col["borrowed"]] == 1.0 and rows[0][col["alternate"]] == 1.0
    assert rows[1][col["borrowed"]] == 0.0 and rows[1][col["alternate"]] == 0.0
    # without a town of the county carrying its name, the county's short name stays an
    # alternate one beside a town whose main name it is (Hamilton County beside Hamilton)
    rows = _static_rows([county, iowa])
    assert rows[0][col["alternate"]] == 1.0


def test_short_forms():
    from geoevents.resolve.features import _short_form

    assert _short_form("gaza", "gaza strip") and _short_form("york", "new york")
    assert not _short_form("kingman", "kingman county")
    assert not _short_form("jenin", "jenin governorate")


def test_a_country_code_in_text_is_one_only_in_capitals(gaz):
    from geoevents.resolve.candidates import CandidateGenerator

    generate = CandidateGenerator(gaz)
    # the gazetteer holds "SUR" as a name of Suriname, and "Sur" is a town in Oman
    assert "SR" not in {c.place.country_code for c in generate.for_name("Sur")}
    assert {c.place.country_code for c in generate.for_name("Sur")} >= {"OM"}
    assert [c.place.country_code for c in generate.for_name("GBR")][:1] == ["GB"]
    assert gaz.search("SUR")[0].country_code == "SR"  # a geocoding query reads codes


def test_a_generic_word_alone_is_no_reading_of_a_place_it_shortens(gaz):
    from geoevents.resolve.candidates import CandidateGenerator

    generate = CandidateGenerator(gaz)
    # the gazetteer keeps "City" and "State" as short names of "City Airport", "State
    # Airport"; alone in a text they name nothing
    assert generate.for_name("City") == () and generate.for_name("State") == ()
    assert [c.place.country_code for c in generate.for_name("Incirlik")] == ["TR"]


@pytest.mark.parametrize("text, name, town", [
    ("Kishwaukee College hosts a sale. MALTA – About 5,000 books", "MALTA", True),
    ("Elizabeth Fairfield, a Lebanon woman accused", "Lebanon", True),
    ("tryouts at the Jordan middle school on Monday", "Jordan", True),
    ("Palestine Independent School District Parent Involvement", "Palestine", True),
    ("The Church, 400 S. Locust St., Lebanon. Interment", "Lebanon", True),
    ("Israel's army entered Lebanon on Monday.", "Lebanon", False),
    ("a Lebanese woman went to Jordan with her family.", "Jordan", False),
    ("The Jordan family of Iowa", "Jordan", False),
    ("JORDAN'S king said", "JORDAN", False),
])
def test_a_name_used_as_a_towns(text, name, town):
    from geoevents.recognise import Mention
    from geoevents.resolve import _town_use

    start = text.index(name)
    assert _town_use(Mention(start=start, end=start + len(name), text=name), text) is town


@pytest.mark.parametrize("text, country", [
    ("Elizabeth Fairfield, a Lebanon woman, was charged on Monday.", "US"),
    ("Services will be held at the church, 400 S. Locust St., Lebanon, on Tuesday.", "US"),
    ("Israeli jets struck targets in Lebanon on Monday.", "LB"),
    ("Kishwaukee College hosts a sale. LEBANON – About 5,000 books are on sale.", "US"),
    # a dateline names the country when the text's other names point to it or its
    # neighbours (Israel)
    ("LEBANON — Israeli strikes killed three people in southern villages on Monday, "
     "the army said. Strikes on Lebanon continued.", "LB"),
])
def test_a_countrys_name_used_as_a_towns_is_the_town(parser, text, country):
    place = next(found for name, found in places(parser, text).items()
                 if name.lower() == "lebanon")[0]
    assert place.country_code == country
    assert (place.feature_code == "PPL") is (country == "US")


@pytest.mark.parametrize("text, name, governed", [
    ("Murmansk Governor Yury Yevdokimov resigned.", "Murmansk", True),
    ("He had served as Murmansk governor since 1996.", "Murmansk", True),
    ("the resolution of the Governor of Krasnodar", "Krasnodar", True),
    ("Kandahar's deputy governor was killed.", "Kandahar", True),
    ("He flew to Murmansk on Saturday.", "Murmansk", False),
    ("Gov. Sanford of South Carolina said", "South Carolina", False),
])
def test_a_governors_title_names_a_division(text, name, governed):
    from geoevents.recognise import Mention
    from geoevents.resolve import _governed

    start = text.index(name)
    assert _governed(Mention(start=start, end=start + len(name), text=name), text) is governed


def test_the_name_of_a_governors_office_is_the_division(parser):
    text = "Murmansk Governor Yury Yevdokimov resigned. He flew to Murmansk on Saturday."
    assert {p.feature_code for p in places(parser, text)["Murmansk"]} == {"ADM1"}
    assert places(parser, "He flew to Murmansk on Saturday.")["Murmansk"][0].feature_code == "PPL"


def test_a_name_made_from_a_town_s_name_finds_the_town():
    from geoevents.resolve.candidates import named_after

    assert named_after("Sacramento River") == "Sacramento"
    assert named_after("Lake Hartwell") == "Hartwell"
    assert named_after("Greer Station") == "Greer"
    assert named_after("South Los Angeles") == "Los Angeles"
    assert named_after("Lake District") is None  # nothing but generic words left
    assert named_after("Riverside") is None and named_after("Jordan") is None


@pytest.mark.parametrize("text, name, others, admin1", [
    ("Boaters crowded Lake Hartwell near Anderson, South Carolina, on Sunday.",
     "Lake Hartwell", ["Anderson", "South Carolina"], "Georgia"),
    ("Smoke drifted over South Los Angeles and Long Beach, California.",
     "South Los Angeles", ["Long Beach", "California"], "California"),
    # a compass part of a town before a look-alike of the whole name (North Dalles, an
    # old name of Dallesport, Washington)
    ("Mosquito spraying began in North Dallas and Fort Worth, Texas, this week.",
     "North Dallas", ["Fort Worth", "Texas"], "Texas"),
])
def test_a_feature_named_after_a_town_the_text_supports_is_placed_at_the_town(
        parser, text, name, others, admin1):
    spans = [(text.index(n), text.index(n) + len(n)) for n in [name, *others]]
    t = parser.parse(text, toponyms=spans).toponyms[0]
    assert t.place is not None and t.place.admin1 == admin1, t.reason
    assert f"named after {t.place.name}" in t.reason


@pytest.mark.parametrize("text, names, named_after", [
    # the text's town supports the town the bay is named after: same region
    ("Volunteers cleaned the beach at Timaru Bay near Christchurch, New Zealand.",
     ["Timaru Bay", "Christchurch", "New Zealand"], True),
    # the country alone does, when the text names no town
    ("Volunteers cleaned the beach at Timaru Bay, New Zealand.",
     ["Timaru Bay", "New Zealand"], True),
    # a town of the text 750 km away does not, though in the same country
    ("Volunteers cleaned the beach at Timaru Bay, a short ferry ride from Auckland, New "
     "Zealand.", ["Timaru Bay", "Auckland", "New Zealand"], False),
])
def test_a_feature_named_after_a_town_needs_the_texts_local_places(parser, text, names,
                                                                   named_after):
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    bay = parser.parse(text, toponyms=spans).toponyms[0]
    assert (own_place(bay) is not None and own_place(bay).name == "Timaru") is named_after, \
        bay.reason
    if not named_after:
        assert "far from the other places" in bay.reason, bay.reason


def test_a_feature_named_after_a_town_alone_in_its_text_stays_unresolved(parser):
    text = "Boaters crowded Lake Hartwell on Sunday."
    [t] = parser.parse(text, toponyms=[(16, 29)]).toponyms
    assert t.place is None and "supported by no other place" in t.reason, t.reason


def test_a_recognised_name_is_no_place_for_only_containing_a_town_s_name(parser):
    from geoevents.recognise import Mention

    text = "The South Bakersfield choir sang in Fresno, California."

    def mention(name: str, named: bool) -> Mention:
        start = text.index(name)
        return Mention(start=start, end=start + len(name), text=name, lookup=name,
                       source="ner:ORG", named=named)

    def resolve(named: bool) -> list[Mention]:
        return parser.resolver([mention("South Bakersfield", named), mention("Fresno", True),
                                mention("California", True)], text)

    kept = [m.text for m in resolve(named=False)]
    assert "South Bakersfield" not in kept and "Fresno" in kept
    [seen] = [m for m in resolve(named=True) if m.text == "South Bakersfield"]
    assert seen.place is not None and seen.place.name == "Bakersfield"


def test_towns_abroad_named_like_a_capital_of_a_named_country_are_namesakes():
    from geoevents.model import Place
    from geoevents.resolve.candidates import Candidate
    from geoevents.resolve.features import Group, feature_matrices

    def cand(pid, name, code, cc, admin1=None, lat=0.0, lon=0.0):
        place = Place(pid, name, lat, lon, "P" if code.startswith("PPL") else "A", code, cc,
                      admin1)
        return Candidate(place, "exact", 1.0, True, 0.5)

    def cairo() -> Group:
        return Group("cairo", [cand("eg-c", "Cairo", "PPLC", "EG", lat=30.0, lon=31.2),
                               cand("us-c", "Cairo", "PPL", "US", "Illinois", 37.0, -89.2)])

    egypt = Group("egypt", [cand("eg", "Egypt", "PCLI", "EG", lat=26.0, lon=30.0)])
    illinois = Group("illinois", [cand("il", "Illinois", "ADM1", "US", lat=40.0, lon=-89.0)])
    weights = np.array([1.0 if f == "prior" else 0.0 for f in FEATURES])
    col = {f: i for i, f in enumerate(FEATURES)}
    named, _, _ = feature_matrices([cairo(), egypt, illinois], 2, weights)
    assert named[1][col["namesake"]] == 1.0  # Cairo, Illinois, in a text naming Egypt
    assert named[0][col["namesake"]] == 0.0
    # nor does the text's state (Illinois) vote for it
    assert named[1][col["admin1_votes"]] == 0.0 and named[1][col["colocated"]] == 0.0
    unnamed, _ = feature_matrices([cairo(), illinois], 2, weights)
    assert unnamed[1][col["namesake"]] == 0.0


def test_a_capital_of_a_named_country_beats_namesakes_abroad(parser):
    text = ("Cases were confirmed in Texas, Ohio, Kentucky, Alabama and Tennessee, and "
            "health ministers met in Rome as Italy reported its first case.")
    assert places(parser, text)["Rome"][0].country_code == "IT"


def test_a_province_is_never_a_towns_quarter(gaz):
    from geoevents.recognise import Mention
    from geoevents.resolve.candidates import CandidateGenerator

    generate = CandidateGenerator(gaz)
    # the gazetteer's only "Salahuddin" is a quarter of Aleppo: no reading of a province
    assert [c.place.feature_code for c in generate.for_name("Salahuddin")] == ["PPLX"]
    assert generate(Mention(0, 19, "Salahuddin province")) == []
    # a city's district may be one of its quarters
    assert [c.place.feature_code for c in generate(
        Mention(0, 24, "Bustan Al-Basha District"))] == ["PPLX"]


@pytest.mark.parametrize("text, name", [
    # Arbin, France: the text is about the Damascus countryside
    ("In the province of Damascus, terrorists shelled the settlements of Arbin and "
     "Jobar.", "Arbin"),
    # Canaan, Connecticut (alternate name Kanaan): the text is about Diyala, Iraq
    ("Insurgents launched a coordinated offensive throughout the province, attacking "
     "Muqdadiyah, Balad Ruz, Kanaan, Khalis and the capital Baqubah.", "Kanaan"),
    # Mtubatuba, South Africa (alternate name Duk), 33,000 people: a county is no town
    ("In neighbouring Jonglei state, armed youth raided cattle camps in Duk county, "
     "killing five herders.", "Duk county"),
])
def test_a_small_namesake_abroad_stays_unresolved(parser, text, name):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert own_place(toponym) is None
    assert "none of the text's other places" in toponym.reason


@pytest.mark.parametrize("text, name, country", [
    # Conna, Ireland (alternate name Konna): the text is about central Mali
    ("Residents of Konna, reached by telephone, said the fighting in central Mali's Mopti "
     "region lasted more than two hours.", "Konna", "ML"),
    # Demirci, Turkey (alternate name Nasir); a continent is no evidence for any country
    ("Juba said the strike in Upper Nile followed two days of fighting around Nasir. "
     "An African Union envoy is expected in Juba next week.", "Nasir", "SS"),
    # Léré, France: a nationality ("French forces") names an actor, not where the text is
    ("Jihadists attacked the army camp at Léré, in Mali's Timbuktu region, on Saturday, "
     "a year after French forces left the area.", "Léré", "ML"),
    # Aţ Ţawīlah, Yemen: "the Saudi hospital" does not put Darfur next to Yemen
    ("A drone struck the market in Tawila, west of El Fasher, where the Saudi hospital "
     "was shelled last year.", "Tawila", "SD"),
])
def test_a_curated_small_town_wins_over_its_namesake_abroad(parser, text, name, country):
    """Towns cities500 lacks (gazetteer/places.csv) are found at home, not abroad."""
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    place = own_place(toponym)
    assert place is not None and place.source == "curated", toponym.reason
    assert place.country_code == country


@pytest.mark.parametrize("text, name, country", [
    ("Arbin is a village in the Savoie.", "Arbin", "FR"),  # nothing to judge it by
    ("Fighting was reported near Hebron and in the village of Beit Ummar.", "Hebron", "PS"),
    # an island territory's ties are across the sea
    ("The U.S. Virgin Islands were battered; on the island of St. Croix, a looter shot "
     "a man.", "St. Croix", "VI"),
])
def test_a_place_the_text_supports_or_cannot_judge_is_kept(parser, text, name, country):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert toponym.place is not None and toponym.place.country_code == country


def test_a_bigger_town_abroad_is_no_namesake(parser):
    # Oświęcim (34,000 people), by its German name, in a text about France
    text = "Thousands of Jews from Lyon, France, were deported to Auschwitz, where most died."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Lyon", "France", "Auschwitz")]
    toponym = parser.parse(text, toponyms=spans).toponyms[2]
    assert toponym.place is not None and toponym.place.country_code == "PL", toponym.reason


@pytest.mark.parametrize("text, name", [
    # Bambuí, Brazil (23,546 people): every other place of the text is in Cameroon
    ("BAMENDA — Separatist fighters abducted six pupils in Bambui, near Bamenda, on Monday. "
     "Schools in Ndop and Kumba, in Cameroon's North West and South West regions, stayed "
     "shut.", "Bambui"),
    # Tirat Karmel, Israel (27,822 people, alternate name Tirah): a report on Pakistan
    ("PESHAWAR — Security forces killed six militants in the Tirah valley of Khyber "
     "district, the military said. Gunmen attacked a convoy near Parachinar in Kurram, and "
     "a bomb went off in Bannu.", "Tirah"),
])
def test_a_text_about_one_country_refuses_bigger_namesakes_abroad(parser, text, name):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert own_place(toponym) is None, toponym.reason
    assert "none of the text's other places" in toponym.reason


def test_a_text_spread_over_countries_keeps_a_town_abroad(parser):
    text = "Cases rose in Lagos, Nairobi and Paris, and a clinic in Bambui reported its first."
    toponym = next(t for t in parser.parse(text).toponyms if t.text == "Bambui")
    assert toponym.place is not None and toponym.place.country_code == "BR", toponym.reason


@pytest.mark.parametrize("text, name, kept", [
    # Union Park, Florida (9,765 people): every other place of the text is in Illinois
    ("CHICAGO — About 2,000 people marched from Union Park to Federal Plaza in the Loop on "
     "Friday. Smaller rallies were held in Evanston, Aurora and Springfield.", "Union Park",
     False),
    # the text names the town's state: it supports the town
    ("CHICAGO — About 2,000 people marched in Evanston, Aurora and Springfield on Friday, "
     "led by a pastor from Star Lake, New York.", "Star Lake", True),
])
def test_a_text_about_one_state_refuses_far_small_namesakes(parser, text, name, kept):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert (own_place(toponym) is not None) == kept, toponym.reason
    if not kept:
        assert "another first-level division" in toponym.reason


def test_the_namesake_cap_grows_with_the_text_s_focus():
    from geoevents.model import Place
    from geoevents.resolve import FOCUSED_CAP, SMALL_POPULATION, _namesake_cap

    def at(cc: str) -> Place:
        return Place(f"x:{cc}", cc, 0.0, 0.0, "P", "PPL", country_code=cc)

    assert _namesake_cap([at("CM")] * 2) == SMALL_POPULATION  # too few names to tell
    assert _namesake_cap([at("CM")] * 3) == 3 * SMALL_POPULATION
    assert _namesake_cap([at("CM")] * 9) == FOCUSED_CAP
    assert _namesake_cap([at("CM")] * 4 + [at("NG"), at("FR")]) == SMALL_POPULATION


@pytest.mark.parametrize("text, name, why", [
    # "Nakuru town" is the town (the name's other mentions too, the text calling no
    # mention of it by a division noun); "Nakuru county" is the county
    ("NAKURU — Police fought youths in Nakuru town, while in Molo and Naivasha, in Nakuru "
     "county, protesters marched peacefully.", "Nakuru town", "Nakuru, KE (PPL)"),
    # the region reading holds the document's other towns; "the outskirts of" names the
    # town in that mention
    ("Militants attacked a fuel convoy near Diéma, in the Kayes region of western Mali, and "
     "said they had destroyed it on the road to Bamako. Two days earlier, gunmen abducted "
     "two engineers from a cement plant on the outskirts of Kayes.", "outskirts of Kayes",
     "names the town here"),
    # a campus is named by its town
    ("Four rangers were wounded in a bombing in Pattani province. About 150 students held a "
     "rally at the Pattani campus of Prince of Songkla University.", "Pattani campus",
     "names the town here"),
])
def test_a_division_s_name_used_for_its_town_reads_as_the_town(parser, text, name, why):
    bare = name.replace(" town", "").replace(" campus", "").replace("outskirts of ", "")
    start = text.index(name) + name.index(bare)
    toponyms = parser.parse(text).toponyms
    [town] = [t for t in toponyms if t.start == start and t.text == bare]
    assert town.place is not None and town.place.feature_code == "PPL", town.reason
    assert why in town.reason, town.reason
    # a mention with no such cue keeps the division the text reads the name as
    assert any(t.text.startswith(bare) and t.place is not None
               and t.place.feature_code == "ADM1" for t in toponyms), \
        [(t.text, t.reason) for t in toponyms]


@pytest.mark.parametrize("text, name", [
    ("Jihadists attacked an army post in central Mali's Mopti region. Traders fled Mopti's "
     "main market, and the road between Mopti and Douentza was closed.", "Mopti"),
    ("Russian missiles struck Mykolaiv region overnight. A drone hit a house in Mykolaiv.",
     "Mykolaiv"),
    ("Fighting spread across the Tillaberi region. Gunmen attacked a post 30 km south of "
     "Tillaberi.", "Tillaberi"),
    # divisions named in another form than their seat: Kurskaya oblast', Tombouctou
    ("Drones struck the Kursk region overnight. A shell hit a school in Kursk.", "Kursk"),
    ("Jihadists attacked a camp in the Timbuktu region. Traders fled Timbuktu's market.",
     "Timbuktu"),
])
def test_a_division_s_name_in_a_point_s_slot_is_the_town(parser, text, name):
    first, *rest = [t for t in parser.parse(text).toponyms if t.text == name]
    assert first.place.feature_code == "ADM1", first.reason  # "Mopti region"
    assert rest and all(t.place.feature_class == "P" for t in rest), \
        [t.reason for t in rest]  # "Mopti's main market", "between Mopti and", "in Mykolaiv"


def test_a_lone_province_name_in_a_point_s_slot_is_its_town(parser):
    text = "Quebec's premier spoke on Monday. A fire broke out in Quebec overnight."
    _, second = [t for t in parser.parse(text).toponyms if t.text == "Quebec"]
    assert second.place.feature_class == "P", second.reason


@pytest.mark.parametrize("text, division", [
    # a count per province: each item of the list is a province
    ("Flu cases rose again: eleven in Ontario, four in Alberta, and two in Quebec.", True),
    ("Two cases were confirmed in Manitoba and one in Quebec.", True),
    # a clause of its own after the conjunction is no item of a list
    ("Cases were confirmed in Manitoba, and a newspaper in Quebec said more would follow.",
     False),
])
def test_a_province_listed_with_provinces_is_no_town(parser, text, division):
    names = [n for n in ("Ontario", "Alberta", "Manitoba", "Quebec") if n in text]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    quebec = parser.parse(text, toponyms=spans).toponyms[-1]
    assert quebec.place is not None, quebec.reason
    assert (quebec.place.feature_code == "ADM1") is division, quebec.reason


def _candidate(name: str, code: str, primary: bool) -> Candidate:
    place = Place(id=name, name=name, lat=0.0, lon=0.0, feature_class=code[0] if code ==
                  "PPL" else "A", feature_code=code, country_code="AA")
    return Candidate(place, "exact", 1.0, primary, 0.5)


@pytest.mark.parametrize("town, town_primary, division_primary, name, owns", [
    ("Janīn", False, True, "Jenin", True),  # a transliteration of the town's main name
    ("Mopti", True, True, "Mopti", True),  # the town's own main name
    ("Mormugao", False, True, "Goa", False),  # an alias only: the state keeps "in Goa"
    ("Mormugao", False, False, "Goa", True),  # the division's alias too: the town
    ("Montana City", False, True, "Montana", False),  # a longer name: the state
])
def test_a_town_owns_the_name_of_its_namesake_division(town, town_primary,
                                                      division_primary, name, owns):
    assert town_owns_name(_candidate(town, "PPL", town_primary),
                          _candidate(name, "ADM1", division_primary), name) is owns


def test_in_jenin_is_the_town_and_jenin_governorate_the_division(parser):
    text = ("Troops withdrew from Jenin governorate on Tuesday. Residents in Jenin said "
            "the streets were quiet.")
    division, town = [t for t in parser.parse(text).toponyms if t.text == "Jenin"]
    assert division.place.feature_code == "ADM1", division.reason
    assert town.place.feature_class == "P", town.reason


@pytest.mark.parametrize("text, name, division", [
    # the dateline and the last mention read the name as the city; the noun after the
    # second mention names the oblast
    ("KURSK, Russia, May 3 — Drones hit two villages in the Kursk region overnight, the "
     "governor said in Kursk.", "Kursk", "ADM1"),
    # no division of the city's name holds Chicago: the region around it is the city's
    ("Floods closed schools across the Chicago region. Police in Chicago rescued ten "
     "people.", "Chicago", None),
    # Houston County, Texas, lies 175 km from Houston: a county of the city's name in
    # its state that does not hold it is no region of the city
    ("Officials in Houston said nine people fell ill. Spraying began across the Houston "
     "region on Monday.", "Houston", None),
])
def test_a_division_noun_after_a_town_s_name_names_the_division(parser, text, name,
                                                                  division):
    toponyms = [t for t in parser.parse(text).toponyms if t.text.lower() == name.lower()]
    codes = [t.place.feature_code if t.place else None for t in toponyms]
    noun = text.index(" region") - len(name)
    assert codes == [division if t.start == noun and division else "PPL" for t in toponyms], \
        [t.reason for t in toponyms]


@pytest.mark.parametrize("text, name, code", [
    ("Airstrikes hit targets in the Idlib and Hama governorates on Tuesday.", "Idlib", "ADM1"),
    ("The attack occurred in Mohammad Agha District of Logar province.",
     "Mohammad Agha District", "ADM2"),
    ("Prices rose in Goa on Monday.", "Goa", "ADM1"),  # Mormugao is "Goa" by an alias only
])
def test_a_division_named_as_one_stays_the_division(parser, text, name, code):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert toponym.place.feature_code == code, toponym.reason


@pytest.mark.parametrize("text, name", [
    ("An IED went off in the Saranda forest of West Singhbhum district, Jharkhand.",
     "Saranda"),  # not Sarandë, Albania
    ("A group of UNIFIL patrolled the abandoned position of Beaufort Castle Friday morning.",
     "Beaufort"),  # not Beaufort, South Carolina
    ("Six militants were killed in the Tirah valley, the military said.",
     "Tirah"),  # not Tirat Karmel, Israel, by an alternate name
])
def test_a_feature_s_name_is_no_far_namesake_town(parser, text, name):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert own_place(toponym) is None and "feature" in toponym.reason, toponym.reason


@pytest.mark.parametrize("text, name, code", [
    # the bare name is only Gulf province, Papua New Guinea; "the Gulf" is the region
    ("A week after Iran captured 15 British naval personnel in the Gulf, the UN Security "
     "Council met.", "Gulf", "RGN"),
    # a division noun after it: the province
    ("Floods hit the Gulf province of Papua New Guinea.", "Gulf", "ADM1"),
])
def test_the_article_picks_a_feature_named_with_it(parser, text, name, code):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert toponym.place is not None and toponym.place.feature_code == code, toponym.reason


@pytest.mark.parametrize("text, name", [
    ("Transport stopped in Chilpancingo on Tuesday. Two taxi drivers were killed on Monday "
     "in the Emiliano Zapata neighbourhood.", "Emiliano Zapata"),  # not the town in Tabasco
    ("CHICAGO — Some 2,000 people marched from Union Park to the Loop on Friday.",
     "Union Park"),  # not the town in Florida
])
def test_a_quarter_s_name_is_no_far_namesake_town(parser, text, name):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert own_place(toponym) is None and "feature" in toponym.reason, toponym.reason


@pytest.mark.parametrize("text, name, admin1", [
    # a quarter named after a town the text's other places support, and a lone quarter
    ("Police patrolled the Acapulco neighbourhood of Chilpancingo, Guerrero.", "Acapulco",
     "Guerrero"),
    ("Some 2,000 people marched through Union Park on Friday.", "Union Park", "Florida"),
])
def test_a_quarter_s_name_keeps_a_supported_or_lone_reading(parser, text, name, admin1):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert toponym.place is not None and toponym.place.admin1 == admin1, toponym.reason


def test_a_feature_beside_its_town_is_read_at_the_town(parser):
    toponym = next(t for t in parser.parse("Refugees reached Kakuma camp in Turkana, Kenya.")
                   .toponyms if t.text == "Kakuma")
    assert toponym.place is not None and toponym.place.country_code == "KE"


def test_a_village_put_in_a_town_is_none_of_its_namesakes_elsewhere(parser):
    # four villages called Bagacay in Bicol and Central Visayas, none in Las Navas
    text = ("Three rebels were killed in a clash in the upland village of Bagacay, in Las "
            "Navas, Northern Samar, on Tuesday, the army said in Catarman.")
    bagacay = next(t for t in parser.parse(text).toponyms if t.text == "Bagacay")
    assert own_place(bagacay) is None
    assert "lies outside Las Navas" in bagacay.reason


def test_a_village_put_in_a_named_division_is_none_of_its_namesakes_elsewhere(parser):
    # the gazetteer's El Aguajes are in Veracruz, Guerrero and Nayarit
    text = ("MICHOACÁN. Drones dropped explosive devices on houses in the village of El "
            "Aguaje, in the municipality of Aguililla, residents said.")
    village = next(t for t in parser.parse(text).toponyms if t.text == "El Aguaje")
    assert own_place(village) is None, village.reason
    assert "lies outside Aguililla" in village.reason


def test_a_town_named_with_its_state_is_none_of_its_namesakes_elsewhere(parser):
    # the gazetteer's only Orient near a US name is Orient, New York
    text = "A fire destroyed a barn near Orient, Ohio, on Monday, the sheriff said."
    orient = next(t for t in parser.parse(text).toponyms if t.text == "Orient")
    assert orient.place is None, orient.reason
    assert "lies outside Ohio" in orient.reason


def test_an_unsure_qualifier_does_not_unresolve_the_name(parser):
    # "North" (a region of Cameroon) taken for a name after a police log's
    # "Kansas City, North ."
    text = "Bond was set in Kansas City, North . The man was held overnight."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Kansas City", "North")]
    city = parser.parse(text, toponyms=spans).toponyms[0]
    assert city.place is not None and city.place.country_code == "US", city.reason


@pytest.mark.parametrize("text, name, admin1", [
    ("The fair opened in Paris, Texas, on Friday.", "Paris", "Texas"),
    ("Flooding closed roads in Springfield, Missouri, on Monday.", "Springfield", "Missouri"),
])
def test_a_town_named_with_its_state_is_the_one_in_it(parser, text, name, admin1):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert toponym.place is not None and toponym.place.admin1 == admin1, toponym.reason


@pytest.mark.parametrize("text, name, admin1", [
    ("Gang members burned houses in Kenscoff, in the Ouest department, on Sunday.",
     "Kenscoff", "Ouest"),
    ("Soldiers clashed with militants in Butig, in Lanao del Sur, near Marawi, on "
     "Saturday.", "Butig", "Autonomous Region in Muslim Mindanao"),
])
def test_a_place_inside_the_place_the_text_puts_it_in_is_kept(parser, text, name, admin1):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert toponym.place is not None and toponym.place.admin1 == admin1, toponym.reason


@pytest.mark.parametrize("text, name, code", [
    # a lower-case noun of a first-level division or a settlement after a given name
    ("The cow was born in Canada and raised on a Washington state farm.",
     "Washington", "ADM1"),
    ("The cow was born in Canada and raised on a Washington farm.", "Washington", "PPLC"),
    ("A Kano state official said the roads were closed.", "Kano", "ADM1"),
    ("A Kano official said the roads were closed.", "Kano", "PPL"),
    ("Rain fell on Mexico city on Monday.", "Mexico", "PPLC"),
    ("Rain fell on Mexico on Monday.", "Mexico", "PCLI"),
])
def test_a_division_or_settlement_noun_after_a_given_name_reads_it_so(parser, text, name,
                                                                      code):
    start = text.index(name)
    t = parser.parse(text, toponyms=[(start, start + len(name))]).toponyms[0]
    assert t.place is not None and t.place.feature_code == code, t.reason


@pytest.mark.parametrize("text, names, qualified", [
    # a list of divisions: "Pennsylvania" is an item, not Washington's qualifier (which
    # made it Washington, Pennsylvania)
    ("Officials are investigating cases in Washington, Pennsylvania and California.",
     ["Washington", "Pennsylvania", "California"], False),
    # a town, its state, and another town: the state still qualifies the town
    ("The storm hit Paris, Texas and Dallas on Monday.", ["Paris", "Texas", "Dallas"], True),
])
def test_two_divisions_joined_after_a_comma_are_items_of_a_list(parser, text, names,
                                                                qualified):
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    t = parser.parse(text, toponyms=spans).toponyms[0]
    assert t.place is not None and (t.place.admin1 == names[1]) == qualified, t.reason


def test_the_article_reading_needs_a_gazetteer_name_with_the_article(parser):
    # "the Dallas" tried bare finds Dallas County, which is no name taking "the"
    assert parser.resolver._with_article("Dallas") == []
    assert [c.place.feature_code for c in parser.resolver._with_article("Gulf")] == ["RGN"]


def test_an_unknown_name_is_placed_near_the_texts_nearest_local_place(parser):
    text = ("Firefighters from Litchfield, Connecticut, were called to a barn fire in "
            "Harwinton on Sunday.")
    spans = [(text.index(n), text.index(n) + len(n))
             for n in ("Litchfield", "Connecticut", "Harwinton")]
    toponyms = {t.text: t for t in parser.parse(text, toponyms=spans).toponyms}
    litchfield, harwinton = toponyms["Litchfield"].place, toponyms["Harwinton"].place
    assert litchfield is not None and litchfield.admin1 == "Connecticut"
    assert harwinton is not None and harwinton.id == f"derived:near {litchfield.id}"
    assert (harwinton.lat, harwinton.lon) == (round(litchfield.lat, 6), round(litchfield.lon, 6))
    assert toponyms["Harwinton"].confidence == pytest.approx(0.1)
    assert toponyms["Harwinton"].reason.startswith("unresolved: 'Harwinton' is not in the")
    assert "placed near Litchfield, Connecticut" in toponyms["Harwinton"].reason


def test_an_unknown_name_without_a_local_place_is_placed_near_the_texts_city(parser):
    # a big city sets no local scale: the name is placed near it with less confidence
    text = "Officials in Chicago and the United States said Harwinton was spared."
    spans = [(text.index(n), text.index(n) + len(n))
             for n in ("Chicago", "United States", "Harwinton")]
    toponyms = {t.text: t for t in parser.parse(text, toponyms=spans).toponyms}
    chicago, harwinton = toponyms["Chicago"].place, toponyms["Harwinton"]
    assert chicago is not None and chicago.population > 1_000_000
    assert harwinton.place is not None and harwinton.place.id == f"derived:near {chicago.id}"
    assert harwinton.confidence == pytest.approx(0.05)
    assert "placed near Chicago, Illinois, US, the text's nearest town or city" in \
        harwinton.reason
    # a parser that asks for more than such a guess has still places it near no city
    cautious = parser.with_min_confidence(0.08)
    assert all(t.place is None for t in cautious.parse(text, toponyms=spans).toponyms
               if t.text == "Harwinton")


def test_an_unknown_name_stays_unresolved_without_a_town(parser):
    # a country sets no scale at all: the name may lie anywhere in it
    text = "Officials in the United States said Harwinton was spared."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("United States", "Harwinton")]
    harwinton = next(t for t in parser.parse(text, toponyms=spans).toponyms
                     if t.text == "Harwinton")
    assert harwinton.place is None


def test_a_city_abroad_named_in_passing_places_no_unknown_name(parser):
    # the text is about Kenya: London, named last before the unknown village, is no scale
    text = ("Kenya's health ministry said Nairobi hospitals were ready. A traveller from "
            "Mombasa had flown in from London before he reached Ndiwenyi, in Kenya.")
    names = ("Kenya", "Nairobi", "Mombasa", "London", "Ndiwenyi")
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    spans.append((text.rindex("Kenya"), text.rindex("Kenya") + 5))
    toponyms = {t.text: t for t in parser.parse(text, toponyms=spans).toponyms}
    village = toponyms["Ndiwenyi"]
    assert village.place is not None and village.place.country_code == "KE", village.reason
    assert "London" not in village.reason


def test_a_city_beside_the_texts_country_still_places_an_unknown_name(parser):
    # Rome lies beside the Vatican, which the text is about
    text = "The Vatican said pilgrims from Rome filled Cortile Nuovo, as the Vatican hoped."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Vatican", "Rome")]
    spans += [(text.index("Cortile Nuovo"), text.index("Cortile Nuovo") + 13),
              (text.rindex("Vatican"), text.rindex("Vatican") + 7)]
    toponyms = {t.text: t for t in parser.parse(text, toponyms=spans).toponyms}
    rome = toponyms["Rome"].place
    assert rome is not None and rome.country_code == "IT"
    court = toponyms["Cortile Nuovo"].place
    assert court is not None and court.id == f"derived:near {rome.id}"


@pytest.mark.parametrize(("anchor_confidence", "placed"), [(0.9, True), (0.3, False)])
def test_only_a_confident_reading_anchors_an_unknown_name(anchor_confidence, placed):
    town = Place(id="g:1", name="Litchfield", lat=41.75, lon=-73.19, feature_class="P",
                 feature_code="PPL", country_code="US", admin1="Connecticut", population=8000)
    anchor = Toponym(0, 10, "Litchfield", place=town, confidence=anchor_confidence)
    unknown = Toponym(30, 39, "Harwinton", reason="unresolved: not in the gazetteer")
    harwinton = place_by_context([anchor, unknown])[1]
    assert placed_by_context(harwinton.place) is placed
    assert unknown.place is None  # the toponyms given are not changed


def test_a_confident_parser_places_no_unknown_name_by_context(parser):
    text = "Firefighters from Litchfield were called to a barn fire in Harwinton."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Litchfield", "Harwinton")]
    strict = parser.with_min_confidence(0.2)
    harwinton = next(t for t in strict.parse(text, toponyms=spans).toponyms
                     if t.text == "Harwinton")
    assert harwinton.place is None


@pytest.mark.parametrize("text, name, code", [
    # the recogniser looks a name up without its own division noun ("Aleppo"): the noun
    # still says which reading the text means
    ("The militants used the ceasefire in the Aleppo Governorate to build up their forces.",
     "Aleppo Governorate", "ADM1"),
    ("The army captured hills in the Latakia Governorate’s northeastern countryside.",
     "Latakia Governorate", "ADM1"),
    ("The militants launched a major offensive inside Aleppo City on Wednesday.",
     "Aleppo City", "PPL"),
    # the bare name finds the city only; the division carries the name as written
    ("ISIS launched another large-scale offensive in the Deir Ezzor Governorate.",
     "Deir Ezzor Governorate", "ADM1"),
])
def test_a_division_or_settlement_noun_ending_a_name_reads_it_so(parser, text, name, code):
    toponym = next(t for t in parser.parse(text).toponyms if t.text == name)
    assert toponym.place is not None and toponym.place.feature_code == code, toponym.reason
