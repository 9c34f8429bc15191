"""The event stage's copy of the tokens (geoevents.events.tokens) says what spaCy says."""

from __future__ import annotations

import pytest

from geoevents import nlp
from geoevents.events.tokens import Word, doc_words, root_word, span_root, span_words, word

TEXT = ("KABUL, March 9 — Taliban fighters and Afghan soldiers clashed near the cease-fire "
        "line in Helmand on Tuesday, killing 12 people, officials said. Protesters in "
        "Kandahar, who had gathered outside the governor's office, demanded an inquiry.")

_VALUES = ("i", "idx", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_",
           "ent_iob_", "like_num", "whitespace_", "text_with_ws", "is_stop")
_TOKENS = ("head", "left_edge", "right_edge")
_SEQUENCES = ("children", "lefts", "rights", "subtree", "ancestors", "conjuncts")


@pytest.fixture(scope="module")
def doc():
    return nlp.load()(TEXT)


def test_every_word_reads_what_its_token_reads(doc):
    words = doc_words(doc)
    assert len(words) == len(doc)
    for token, w in zip(doc, words, strict=True):
        for name in _VALUES:
            assert getattr(w, name) == getattr(token, name), (token.text, name)
        for name in _TOKENS:
            assert getattr(w, name).i == getattr(token, name).i, (token.text, name)
        for name in _SEQUENCES:
            assert [t.i for t in getattr(w, name)] == [t.i for t in getattr(token, name)], \
                (token.text, name)
        assert sorted(w.subtree_indices()) == [t.i for t in token.subtree]
        assert w.sent == token.sent
        assert hash(w) == hash(token)
        assert len(w) == len(token) and str(w) == str(token)


def test_one_word_per_token(doc):
    words = doc_words(doc)
    assert doc_words(doc) is words
    assert word(doc[5]) is words[5] and word(words[5]) is words[5]
    assert all(w.head is words[w.head.i] for w in words)
    sent = next(iter(doc.sents))
    assert span_words(sent) == words[sent.start:sent.end]
    assert span_root(sent) is words[sent.root.i]
    assert isinstance(words[0], Word)


def test_root_word_is_the_root_spacy_finds_for_every_span():
    """root_word(doc, a, b) is doc[a:b].root for every non-empty span of a parsed text
    with several sentences, punctuation and a line break (spans across sentences too)."""
    doc = nlp.load()(TEXT + "\n\n“Enough!” — they said. Gunmen fired on a bus near Gao.")
    words = doc_words(doc)
    for a in range(len(doc)):
        for b in range(a + 1, len(doc) + 1):
            assert root_word(doc, a, b) is words[doc[a:b].root.i], (a, b)


def test_a_word_never_passes_for_a_spacy_token(doc):
    with pytest.raises(TypeError, match="convert it with word"):
        _ = doc_words(doc)[3] == doc[3]


def test_words_are_rebuilt_when_the_lemmas_are_set_later():
    model = nlp.load()
    doc = model("Taliban fighters and Afghan soldiers clashed near Lashkar Gah.",
                disable=["lemmatizer"])
    assert not doc.has_annotation("LEMMA")
    assert doc_words(doc)[1].lemma_ == ""
    model.get_pipe("lemmatizer")(doc)
    assert doc_words(doc)[1].lemma_ == doc[1].lemma_ == "fighter"


def test_the_event_stage_frees_a_document_s_words_when_done():
    """extract releases the words of its document: no reference cycle is left for the
    garbage collector, a released word fails loudly, and the document's next words are new
    ones reading the same tokens."""
    import gc

    from geoevents.events.extract import extract

    doc = nlp.load()(TEXT)
    before = doc_words(doc)
    heads = [w.head.i for w in before]
    gc.collect()
    gc.disable()
    try:
        gc.set_debug(gc.DEBUG_SAVEALL)
        extract(doc, [], published="2024-03-09")
        gc.collect()
        cycles = [o for o in gc.garbage if isinstance(o, Word)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert cycles == []
    with pytest.raises(AttributeError):
        _ = before[3].head
    after = doc_words(doc)
    assert after is not before and after[3] is not before[3]
    assert [w.head.i for w in after] == heads
