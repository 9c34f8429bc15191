"""Trigger detection: negated, future and hypothetical events are not events."""

from __future__ import annotations

import pytest

import geoevents


def types(text: str) -> list[str]:
    return [e.sub_event_type for e in geoevents.extract_events(text)]


@pytest.mark.parametrize("text", [
    "The army did not attack the village of Kafr Nabl.",
    "There were no clashes in Aleppo on Monday.",
    # "no" on the noun the happening is of
    "Monitors in the area observed no signs of an exchange of fire near Sotk on Wednesday.",
    "Police said there were no reports of clashes in Tbilisi overnight.",
    "Rebels will attack the town of Idlib next week.",
    "Officials said the militants may strike Kabul again.",
    "The group threatened to bomb the airport in Mogadishu.",
    "If the talks fail, troops could attack Mosul.",
    "Western governments are evaluating future steps regarding Iran's nuclear program.",
    "Analysts warned of possible strikes on Tehran.",
    # 'in' after a verb of taking part is what is taken part in, not the setting
    "The group plans to take part in attacks on the city.",
    "The militia intends to participate in attacks on Goma.",
    "Rebels are preparing to engage in fighting around Bunia.",
    # a trigger inside a noun that is planned or to come ("a planned offensive to retake")
    "Officials said a planned offensive to retake Jilib would begin after the rainy season.",
    "Officials said an offensive to retake Jilib could start soon.",
    # 'be to' + verb: what was or is arranged to happen
    "Under the deal, Israeli troops were to withdraw from southern Lebanon within 60 days.",
    "The rebels are to hand over their weapons in Goma next week.",
    "A campaign of air strikes on Kidal would begin next week, officials said.",
])
def test_non_events_are_dropped(text):
    assert types(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The army attacked rebel positions near Idlib on Monday.", "Armed clash"),
    ("Militants fired three rockets at Sderot.", "Shelling/artillery/missile attack"),
    ("Police arrested 20 people in Lagos.", "Arrests"),
    ("Thousands protested in Santiago against the pension reform.", "Peaceful protest"),
    ("Police fired tear gas to disperse protesters in Nairobi.", "Protest with intervention"),
    ("A roadside bomb exploded near a convoy in Kandahar.", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at a checkpoint in Kabul.", "Suicide bomb"),
    ("Gunmen kidnapped three aid workers in Maiduguri.", "Abduction/forced disappearance"),
    ("Troops withdrew from the town of Kherson.", "Change to group/activity"),
    ("The air defence intercepted two drones over Kyiv.", "Disrupted weapons use"),
])
def test_typed_events(text, expected):
    assert expected in types(text)


def test_a_relative_clause_in_a_noun_to_come_is_told_as_done():
    # the killing happened; only the reprisals it may spark are to come
    assert types("The attack, in which gunmen killed 12 villagers in Kidal on Monday, could "
                 "spark reprisals.") == ["Attack"]


def test_uncertain_events_are_kept_with_lower_confidence():
    sure = geoevents.extract_events("Ten people were killed by gunmen in Jos.")
    hedged = geoevents.extract_events("Ten people may have been killed by gunmen in Jos.")
    assert sure and hedged
    assert hedged[0].confidence < sure[0].confidence
    assert "Uncertain" in hedged[0].reason


def test_forms_follow_the_lemmatizer_run_after_a_first_read():
    """A document parsed without the lemmatizer: its tokens' forms are read from their
    words, and from their lemmas once ensure_lemmas has run on the same document."""
    from geoevents import nlp as nlp_module
    from geoevents.events.extract import ensure_lemmas
    from geoevents.events.triggers import lemma_forms

    model = nlp_module.load()
    doc = model("Gunmen stormed the villages.", disable=["lemmatizer"])
    assert lemma_forms(doc[1])[0] == "stormed"
    ensure_lemmas(doc, model)
    assert lemma_forms(doc[1])[:2] == ("storm", "stormed")
    assert lemma_forms(doc[3])[:2] == ("village", "villages")


@pytest.mark.parametrize("word, base", [
    ("stopped", "stop"), ("teargassed", "teargas"), ("teargassing", "teargas"),
    ("gunned", "gun"), ("shelled", "shell")])
def test_a_doubled_consonant_before_ed_or_ing_gives_the_base_form(word, base):
    from geoevents.events.triggers import _forms

    assert base in _forms(word, word, None)


@pytest.mark.parametrize(("text", "expected"), [
    # an intention word does not reach past a time preposition, an adverbial clause told
    # as done, or a reported clause in the past or perfect
    ("The council demanded an inquiry after the bombing of the market in Maiduguri.",
     "Remote explosive/landmine/IED"),
    ("Residents tried to flee as gunmen attacked the village of Kipupu.", "Attack"),
    ("Aid agencies warned that armed groups have abducted dozens of children in Ituri.",
     "Abduction/forced disappearance"),
    # what a hedge word seeks is never its means ("pushed back … with batons")
    ("Riot police pushed back demonstrators with batons outside parliament in Accra.",
     "Protest with intervention"),
    # a person requirement is met by any word for people, property by a vehicle, and the
    # antecedent of a relative pronoun is the subject
    ("Police beat marchers in Tunis on Friday.", "Excessive force against protesters"),
    ("Bandits burned a lorry on the highway near Kaduna.", "Looting/property destruction"),
    ("Rescuers searched for a helicopter that crashed in the hills near Bukavu.",
     "Man-made disaster"),
    ("The junta suspended the activities of all opposition parties in Bamako.",
     "Change to group/activity"),
    # a protest noun's demonstrators may be the subject of the verb it completes
    ("Some 3,000 people took part in a march in Lusaka on Tuesday.", "Peaceful protest"),
    # an event noun told as done by its own participle or relative clause, whatever the
    # tense of the clause it sits in
    ("Under a ceasefire signed in Doha on Monday, the rebels will withdraw from Goma.",
     "Agreement"),
    ("The truce that was agreed in Addis Ababa will be extended to Tigray, officials said.",
     "Agreement"),
    # trigger lemmas that were missing: a verb of stabbing, a people-taking phrase, the
    # idioms of a labour strike
    ("A trader was knifed in a street in Kano on Monday.", "Attack"),
    ("Gunmen took away two teachers from a school near Kaduna.",
     "Abduction/forced disappearance"),
    ("Nurses downed tools at the main hospital in Harare on Monday.", "Peaceful protest"),
    # a crowd-control weapon is fired at a crowd, whoever the crowd is
    ("Soldiers fired tear gas to clear traders from the market in Harare.",
     "Protest with intervention"),
])
def test_rules_accept_fresh_wordings(text, expected):
    assert expected in types(text)


@pytest.mark.parametrize("text", [
    # a denial still denies what it holds, and an intention what is to come
    "The ministry denied that its troops had attacked the village of Kafr Nabl.",
    "The rebels threatened to attack the town of Beni after the rainy season.",
    "The ceasefire planned for next month will cover the whole of Darfur.",
    "Gunmen took away their weapons near Kaduna.",  # 'take away' needs a person
])
def test_denials_and_intentions_still_hold(text):
    assert types(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # headline clauses side by side: the second clause's intention word does not reach
    # back across the semicolon or colon into the first
    ("Poland expels Belarusian diplomats; Minsk promises response", "Diplomatic measure"),
    ("Canada throws out Iranian diplomats: Tehran vows retaliation", "Diplomatic measure"),
])
def test_a_clause_cut_off_by_a_semicolon_or_colon_is_told_on_its_own(text, expected):
    assert expected in types(text)


def test_a_clause_under_an_intention_word_stays_hypothetical():
    assert types("Warsaw promises to expel Belarusian diplomats") == []


def test_a_sentence_whose_lexicon_words_are_all_to_come_may_still_tell_a_happening():
    """The words found are only what was ordered ("the expulsion"), so the learned
    trigger reads the order itself; the subject of an intention is still no happening
    (see test_non_events_are_dropped)."""
    assert types("Burkina Faso's junta ordered the expulsion of three French diplomats "
                 "accused of subversive activities.") == ["Diplomatic measure"]


def test_lemma_tables_are_the_pipelines_own():
    """The verb tables come from the lemmatizer of the pipeline given; one without a
    rule lemmatizer has none."""
    import spacy

    from geoevents import nlp as nlp_module
    from geoevents.events.triggers import lemma_tables

    tables = lemma_tables(nlp_module.load())
    assert tables.exceptions["shot"] == ["shoot"]
    assert "kidnap" in tables.verbs and "village" in tables.nominal
    assert lemma_tables(nlp_module.load()) is tables  # read once per lemmatizer
    bare = lemma_tables(spacy.blank("en"))
    assert not bare.exceptions and not bare.verbs and not bare.nominal


def test_extract_with_its_pipeline_loads_no_model(monkeypatch):
    """Given the pipeline the document came from, event extraction loads no other
    model, and still reads a capitalised past form as the verb it is."""
    from geoevents import nlp as nlp_module
    from geoevents.events.extract import extract
    from geoevents.pipeline import geoparser

    parser = geoparser()
    doc = parser.nlp("HERDERS KIDNAPPED IN FOUNOUGO ON SUNDAY")
    parser.toponym_stage(doc)

    def no_load(*args, **kwargs):
        raise AssertionError("a second model load")

    monkeypatch.setattr(nlp_module, "load", no_load)
    events = extract(doc, doc._.toponyms, published="2026-10-05", nlp=parser.nlp)
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]
