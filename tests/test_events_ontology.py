"""The event ontology data file: complete, consistent, mapped to CASE 2021."""

from __future__ import annotations

from geoevents.events.ontology import GENERIC, load_ontology, validate

ACLED_SUB_TYPES = [
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
    "Grenade", "Suicide bomb", "Chemical weapon", "Attack", "Abduction/forced disappearance",
    "Sexual violence", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other",
]
CASE_LABELS = [
    "ARMED_CLASH", "AIR_STRIKE", "ART_MISS_ATTACK", "DISR_WEAP", "PEACE_PROTEST",
    "VIOL_DEMONSTR", "GRENADE", "DIPLO", "MAN_MADE_DISASTER", "SUIC_BOMB", "REM_EXPLOS",
    "CHEM_WEAP", "GOV_REGAINS_TERIT", "ORG_CRIME", "NATURAL_DISASTER",
    "FORCE_AGAINST_PROTEST", "CHANGE_TO_GROUP_ACT", "ATTRIB", "ARREST", "SEX_VIOL",
    "HQ_ESTABLISHED", "AGREEMENT", "NON_STATE_ACTOR_OVERTAKES_TER", "ATTACK",
    "PROTEST_WITH_INTER", "NON_VIOL_TERRIT_TRANSFER", "PROPERTY_DISTRUCT", "ABDUCT_DISSAP",
    "MOB_VIOL", "OTHER",
]


def test_data_file_is_consistent():
    assert validate() == []


def test_every_acled_sub_type_and_diplomacy_is_defined():
    onto = load_ontology()
    for name in ACLED_SUB_TYPES:
        assert name in onto.sub_types, name
        assert onto.sub_types[name].acled
        assert onto.sub_types[name].definition
    diplomacy = [s for s in onto.sub_types.values() if s.event_type == "Diplomacy"]
    assert {"Call", "Meeting", "Visit", "Statement", "Mediation offer"} <= {
        s.name for s in diplomacy}
    assert not any(s.acled for s in diplomacy)
    assert set(onto.event_types) >= {"Battles", "Explosions/Remote violence",
                                     "Violence against civilians", "Protests", "Riots",
                                     "Strategic developments", "Diplomacy"}


def test_case2021_labels_map_both_ways():
    onto = load_ontology()
    for label in CASE_LABELS:
        ours = onto.from_case2021(label)
        assert ours, label
        assert all(onto.to_case2021(name) == label for name in ours)


def test_trigger_indexes():
    onto = load_ontology()
    assert "Change to group/activity" in dict(
        (w, s) for w, s in onto.verb_phrases["pull"])[("pull", "back")]
    assert "Disrupted weapons use" in onto.verb_index["intercept"]
    assert GENERIC in onto.verb_index["fire"]
    assert "Armed clash" in onto.noun_index["clash"]
    assert onto.event_type_of("Call") == "Diplomacy"


def test_surrenders_are_agreements_and_every_type_has_training_data():
    """ACLED codes a surrender as an Agreement; the classifier knows every type that has
    words in the ontology (all but the catch-all Other)."""
    from geoevents.events.learned import NO_EVENT, load_model

    onto = load_ontology()
    assert "Agreement" in onto.verb_index["surrender"]
    assert "Change to group/activity" not in onto.verb_index["surrender"]
    assert onto.sub_types["Agreement"].required_classes("surrender", "VERB") == ("armed",)
    labels = set(load_model().labels)
    assert labels == (set(onto.sub_types) - {"Other"}) | {NO_EVENT}
