"""spaCy pipeline loading: model choice, one load per process, unused components."""

from __future__ import annotations

import pytest

from geoevents import nlp


def test_model_name_prefers_argument_then_environment(monkeypatch):
    monkeypatch.setenv(nlp.ENV_MODEL, "from_env_model")
    assert nlp.model_name("explicit_model") == "explicit_model"
    assert nlp.model_name() == "from_env_model"


def test_default_model_is_an_installed_english_model(monkeypatch):
    monkeypatch.delenv(nlp.ENV_MODEL, raising=False)
    assert nlp.model_name() in nlp.DEFAULT_MODELS


def test_load_returns_the_same_pipeline_each_time(monkeypatch):
    monkeypatch.delenv(nlp.ENV_MODEL, raising=False)
    first = nlp.load()
    assert nlp.load() is first
    assert {"ner", "tagger"} <= set(first.pipe_names)


def test_unknown_model_is_a_clear_error():
    with pytest.raises(nlp.ModelError, match="no_such_spacy_model"):
        nlp.load("no_such_spacy_model")


def test_toponym_stage_skips_the_lemmatizer_only():
    pipeline = nlp.load()
    unused = nlp.unused_for_toponyms(pipeline)
    assert "lemmatizer" in unused
    assert "ner" not in unused and "parser" not in unused


def test_importing_the_cli_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys, geoevents.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_a_per_document_value_is_made_once_per_document():
    """PerDocument computes its value again only for another document."""
    import spacy

    from geoevents.nlp import PerDocument

    nlp = spacy.blank("en")
    made: list[str] = []
    first_word = PerDocument(lambda doc: made.append(doc.text) or doc[0].text)
    one, two = nlp("Gaza is a city."), nlp("Jenin is a town.")
    assert [first_word(one), first_word(one), first_word(two), first_word(one)] == \
        ["Gaza", "Gaza", "Jenin", "Gaza"]
    assert made == ["Gaza is a city.", "Jenin is a town.", "Gaza is a city."]
    assert first_word.forget(two) is None  # (the value held is the first document's)
    assert first_word.forget(one) == "Gaza" and first_word.forget(one) is None
    assert first_word(one) == "Gaza" and len(made) == 4


def test_a_per_token_value_is_made_once_per_token():
    """PerToken computes a token's value once per document."""
    import spacy

    from geoevents.nlp import PerToken

    nlp = spacy.blank("en")
    made: list[tuple[str, int]] = []
    upper = PerToken(lambda t: made.append((t.doc.text, t.i)) or t.text.upper())
    one, two = nlp("Gaza is a city."), nlp("Jenin is a town.")
    assert [upper(one[0]), upper(one[0]), upper(one[3]), upper(two[0]), upper(one[0])] == \
        ["GAZA", "GAZA", "CITY", "JENIN", "GAZA"]
    assert made == [("Gaza is a city.", 0), ("Gaza is a city.", 3), ("Jenin is a town.", 0),
                    ("Gaza is a city.", 0)]
    upper.forget(one)
    assert upper(one[0]) == "GAZA" and made[-1] == ("Gaza is a city.", 0) and len(made) == 5


def test_doc_span_is_the_slice_spacy_gives():
    """doc_span(doc, a, b) is doc[a:b] for every pair of bounds, out of range and
    negative ones included."""
    import spacy

    from geoevents.nlp import doc_span

    doc = spacy.blank("en")("Fighting broke out near Gao, 20 km south of Kidal.")
    n = len(doc)
    for a in range(-n - 2, n + 3):
        for b in range(-n - 2, n + 3):
            want, got = doc[a:b], doc_span(doc, a, b)
            assert (got.start, got.end, got.text) == (want.start, want.end, want.text)


def test_token_text_is_the_text_of_the_tokens():
    """token_text(doc, a, b) is doc[a:b].text for every pair of bounds in range, with
    several spaces, a line break and a non-ASCII word between tokens."""
    import spacy

    from geoevents.nlp import token_text

    doc = spacy.blank("en")("Fighting broke out  near Gao,\n 20 km south of Ber’ Kidal. ")
    n = len(doc)
    assert any(t.is_space for t in doc)
    for a in range(n + 1):
        for b in range(a, n + 1):
            assert token_text(doc, a, b) == doc[a:b].text


def test_char_tokens_are_the_tokens_of_the_expanded_char_span():
    """char_tokens(doc, a, b) gives the bounds of doc.char_span(a, b, alignment_mode=
    "expand") for every pair of character offsets (None where that is None), in a text
    with several spaces, a line break and a trailing space."""
    import spacy

    from geoevents.nlp import char_tokens

    doc = spacy.blank("en")("Fighting broke out  near Gao,\n 20 km south of Ber’ Kidal. ")
    size = len(doc.text)
    for a in range(-1, size + 2):
        for b in range(a + 1, size + 2):
            span = doc.char_span(a, b, alignment_mode="expand")
            got = char_tokens(doc, a, b)
            assert got == (None if span is None else (span.start, span.end)), (a, b)


def test_sentence_of_is_the_token_s_sentence():
    """sentence_of(token) is token.sent for every token, in every sentence."""
    from geoevents.nlp import sentence_of

    doc = nlp.load()("Troops entered Gao. Fighting went on near Kidal.\n\nTwo died in Mopti.")
    assert len(list(doc.sents)) >= 3
    for token in doc:
        got, want = sentence_of(token), token.sent
        assert (got.start, got.end) == (want.start, want.end)


def test_entities_in_is_the_span_s_ents():
    """entities_in(span) is span.ents for every sentence and for spans that cut through
    an entity (the first entity running past the span's end stops the list)."""
    from spacy.tokens import Span

    from geoevents.nlp import entities_in

    doc = nlp.load()("On Monday, troops entered Gao. Fighting went on near Kidal until "
                     "Tuesday.\n\nTwo died in Mopti, Mali, on 3 May 2024.")
    # one entity across "On Monday ,", which the span doc[1:…] cuts
    doc.ents = [Span(doc, 0, 3, label="EVENT"), *(e for e in doc.ents if e.start >= 3)]
    spans = [*doc.sents, doc[0:2], doc[1:len(doc)], doc[2:len(doc) - 3], doc[0:len(doc)]]
    assert any(len(span.ents) > 1 for span in spans)
    for span in spans:
        assert [(e.start, e.end, e.label_) for e in entities_in(span)] == \
            [(e.start, e.end, e.label_) for e in span.ents]


def test_string_lookups_survive_the_memo_being_cleared_meanwhile(monkeypatch):
    """Another thread may clear the shared string memo while a document's strings are read
    into it: the strings returned are still every token's."""
    doc = nlp.load()("Shelling hit Kharkiv overnight.")
    ids = [t.orth for t in doc]

    class ClearedByAnotherThread(dict):
        def __setitem__(self, key, value):
            super().__setitem__(key, value)
            self.clear()  # as if another thread cleared it right after the insert

    monkeypatch.setattr(nlp, "_STRINGS", ClearedByAnotherThread())
    assert nlp.strings(doc, ids) == [t.text for t in doc]


def test_single_guillemets_are_split_off_a_word_like_double_ones():
    # a cp1252 byte read as latin-1 ("\x9b") becomes "›": glued to "Gaza" it made the
    # place name "›Gaza"
    tokens = [t.text for t in nlp.load()("›Gaza, ‹Jenin› and «Rafah»")]
    assert tokens == ["›", "Gaza", ",", "‹", "Jenin", "›", "and", "«", "Rafah", "»"]
