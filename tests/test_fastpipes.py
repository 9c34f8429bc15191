"""geoevents.fastpipes: the cheaper attribute ruler and lemmatizer give every token the
same attributes as spaCy's own components."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from conftest import ROOT
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from geoevents import fastpipes
from geoevents.evaluation.golden import load_dir
from geoevents.nlp import model_name

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]

# what the English model's exceptions are about: spaces (their own patterns), "there is"
# (a two-token pattern assigning its second token), got/gets (lemmas), do/have as main
# verbs, determiners used as pronouns, "that" as a conjunction
TEXTS = [
    "",
    " ",
    "\n\n",
    "Troops  raided Jenin \n\n on Monday.\t\tThere are reports that 3 were killed.",
    "There is no water. Is there a road? He got what he did not have, and she gets it.",
    "Do they have it? They did. That is all: those who have done that, did so.",
    "What happened in Kharkiv? Which of these was hit, and whose house burned?",
    "RT @user: Khan Younis ... #Gaza http://t.co/x 12:30 — 5,000 people (est.)",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[spacy.language.Language, spacy.language.Language]:
    """The model as spaCy has it, and a second copy with fastpipes installed."""
    name = model_name()
    return spacy.load(name), fastpipes.install(spacy.load(name))


def _annotations(doc: spacy.tokens.Doc) -> tuple:
    return (doc.to_array(ATTRS).tolist(), [t.lemma_ for t in doc], [str(t.morph) for t in doc],
            [t.pos_ for t in doc])


def _texts() -> list[str]:
    reports = load_dir(ROOT / "tests" / "golden" / "dev")
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return TEXTS + seeds + [r.text for r in reports[:30]]


def test_install_switches_both_components(pipelines) -> None:
    plain, fast = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler"), fastpipes.FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), fastpipes.FastLemmatizer)
    assert type(plain.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert fast.get_pipe("attribute_ruler").patterns == plain.get_pipe("attribute_ruler").patterns
    assert fastpipes.install(fast) is fast  # a second install changes nothing


def test_same_annotations_as_spacy(pipelines) -> None:
    plain, fast = pipelines
    texts = _texts()
    for _ in range(2):  # the second pass is answered from the memos
        for text, a, b in zip(texts, plain.pipe(texts), fast.pipe(texts), strict=True):
            assert _annotations(a) == _annotations(b), text[:60]
    ruler = fast.get_pipe("attribute_ruler")
    assert ruler._compiled is not None and ruler._compiled.memo
    assert ruler._compiled.longer  # the model has patterns of two tokens


@pytest.mark.filterwarnings("ignore:.*W108")  # (no POS without the attribute ruler)
def test_each_component_alone_on_the_same_input(pipelines) -> None:
    """The two rulers (and lemmatizers) given the same parsed document assign the same
    attributes, including where their input differs from the model's usual order."""
    plain, fast = pipelines
    text = TEXTS[3] + " " + TEXTS[4]
    for name in ("attribute_ruler", "lemmatizer"):
        a = plain(text, disable=[name, "ner"])
        b = fast(text, disable=[name, "ner"])
        assert _annotations(a) == _annotations(b)
        assert _annotations(plain.get_pipe(name)(a)) == _annotations(fast.get_pipe(name)(b))


def test_patterns_added_later_and_operators(pipelines) -> None:
    """Patterns added after install are used; a pattern with an operator makes the ruler
    fall back to spaCy's matching, with the same result."""
    name = model_name()
    plain, fast = spacy.load(name), fastpipes.install(spacy.load(name))
    text = "Gunmen attacked Kano and Jos on Monday; there were no arrests."
    for nlp in (plain, fast):
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": "kano"}, {"LOWER": "and"}]],
                                            {"LEMMA": "KANO-AND"}, index=-1)
    a, b = plain(text), fast(text)
    assert [t.lemma_ for t in b][3] == "KANO-AND"  # (index -1: the pattern's last token)
    assert _annotations(a) == _annotations(b)
    assert fast.get_pipe("attribute_ruler")._compiled is not None
    for nlp in (plain, fast):
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": "no"}, {"TAG": "NNS", "OP": "+"}]],
                                            {"LEMMA": "NONE"}, index=0)
    a, b = plain(text), fast(text)
    assert fast.get_pipe("attribute_ruler")._compiled is None
    assert "NONE" in [t.lemma_ for t in b]
    assert _annotations(a) == _annotations(b)


def test_lemmas(pipelines) -> None:
    _, fast = pipelines
    for _ in range(2):  # computed, then from the memo
        doc = fast("The soldiers were running; he got two.")
        assert [t.lemma_ for t in doc] == ["the", "soldier", "be", "run", ";", "he", "get",
                                           "two", "."]
        assert np.all(doc.to_array([LEMMA]) != 0)
