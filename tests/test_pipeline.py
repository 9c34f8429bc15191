"""parse / parse_many / analyse: input checks, forced spans, batches, long texts."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from geoevents import pipeline
from geoevents.errors import InputError


@pytest.fixture(autouse=True)
def _gazetteer(gaz):
    """Every test here needs the embedded gazetteer."""


def test_empty_text_has_no_toponyms():
    doc = pipeline.parse("   \n")
    assert doc.toponyms == [] and doc.text == "   \n"


@pytest.mark.parametrize("bad", [None, b"Jenin", 42, ["Jenin"]])
def test_non_string_is_an_input_error(bad):
    with pytest.raises(InputError, match="must be a string"):
        pipeline.parse(bad)


def test_text_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_CHARS", 20)
    with pytest.raises(InputError, match="limit of 20"):
        pipeline.parse("Jenin " * 10)


def test_forced_spans_are_resolved_only():
    text = "Troops left Jenin; Hebron was calm."
    doc = pipeline.parse(text, toponyms=[(12, 17)], published=date(2024, 5, 14), doc_id="x")
    assert [(t.text, t.place.country_code) for t in doc.toponyms] == [("Jenin", "PS")]
    assert doc.published == "2024-05-14" and doc.doc_id == "x"


@pytest.mark.parametrize("spans, message", [
    ([(5, 3)], "outside the text"),
    ([(0, 999)], "outside the text"),
    ([("a", 3)], "integer pairs"),
    ([1, 2], "integer pairs"),
])
def test_bad_spans_are_input_errors(spans, message):
    with pytest.raises(InputError, match=message):
        pipeline.parse("Troops left Jenin.", toponyms=spans)


def test_parse_many_streams_records_and_survives_bad_ones(caplog):
    items = [
        "Rockets were fired at Sderot.",
        {"id": 7, "text": "Talks in Cairo.", "published": "2024-05-01"},
        {"id": "bad", "body": "no text field"},
        12345,
        {"text": "Jets over Beirut.", "toponyms": [(10, 16)]},
        {"id": "garbage", "text": "Jets struck Gaza.", "published": "garbage"},
        {"id": "year-1", "text": "Jets struck Gaza yesterday.", "published": "0001-01-01"},
        {"id": "number", "text": 42},
        {"id": "spans", "text": "Jets over Beirut.", "toponyms": [(10, 99)]},
        {"id": "last", "text": "Jets struck Gaza yesterday.", "published": "2024-05-02"},
    ]
    with caplog.at_level(logging.WARNING, logger="geoevents"):
        docs = list(pipeline.parse_many(items, batch_size=2))
    assert len(docs) == len(items)
    assert [t.text for t in docs[0].toponyms] == ["Sderot"]
    assert docs[1].doc_id == "7" and docs[1].published == "2024-05-01"
    assert [t.text for t in docs[4].toponyms] == ["Beirut"]
    errors = {d.doc_id: d.error for d in docs if d.error is not None}
    assert errors == {
        "bad": "record has no 'text' field",
        None: "item must be a string or a mapping with 'text', got int",
        "garbage": "cannot read the publication date 'garbage' (use YYYY-MM-DD)",
        "year-1": "dates relative to the publication date 0001-01-01 fall outside the "
                  "calendar",
        "number": "text must be a string, got int",
        "spans": "toponym span (10, 99) is outside the text (length 17)",
    }
    assert all(d.toponyms == [] and d.events == [] for d in docs if d.error is not None)
    # the batch goes on after them
    assert [e.date for e in docs[-1].events] == ["2024-05-01"]
    logged = [r.message for r in caplog.records if "skipping item" in r.message]
    assert len(logged) == 6
    assert "skipping item 6 (year-1): dates relative" in logged[3]


def test_parse_many_records_a_stage_failure_and_goes_on(monkeypatch):
    from geoevents.components import ToponymStage

    real = ToponymStage.__call__

    def poisoned(self, doc):
        if "POISON" in doc.text:
            raise IndexError("list index out of range")
        return real(self, doc)

    monkeypatch.setattr(ToponymStage, "__call__", poisoned)
    docs = list(pipeline.parse_many(["Troops left Jenin.", "POISON in Hebron.",
                                     "Talks in Cairo."]))
    assert [d.error for d in docs] == [
        None, "processing failed: IndexError: list index out of range", None]
    assert [t.text for t in docs[2].toponyms] == ["Cairo"]


def test_parse_many_shows_a_progress_bar_when_asked(capsys):
    list(pipeline.parse_many(["Troops left Jenin.", 12], progress=True))
    err = capsys.readouterr().err
    assert "documents" in err and "2/2" in err and "1 errors" in err
    list(pipeline.parse_many(["Troops left Jenin."]))
    assert capsys.readouterr().err == ""


def test_long_text_is_processed_in_chunks(monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 200)
    sentence = "Rockets were fired at Sderot from Gaza on Tuesday. "
    text = sentence * 12
    doc, spacy_doc = pipeline.analyse(text)
    assert spacy_doc is None  # streamed piece by piece
    sderot = [t for t in doc.toponyms if t.text == "Sderot"]
    assert len(sderot) == 12
    assert all(text[t.start:t.end] == "Sderot" for t in sderot)


def test_long_text_sets_older_objects_aside_from_the_collector_while_it_streams(
        monkeypatch):
    import gc

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 200)
    frozen = []
    stage = pipeline.Geoparser.document

    def document(self, doc, item=None, *, events=False):
        frozen.append(gc.get_freeze_count())
        return stage(self, doc, item, events=events)

    monkeypatch.setattr(pipeline.Geoparser, "document", document)
    doc, _ = pipeline.analyse("Rockets were fired at Sderot from Gaza on Tuesday. " * 12)
    assert len(frozen) > 1 and all(frozen)  # each piece runs with the older objects aside
    assert gc.get_freeze_count() == 0  # and they are given back after
    assert len([t for t in doc.toponyms if t.text == "Sderot"]) == 12


def test_set_aside_leaves_objects_frozen_by_someone_else_frozen():
    import gc

    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with pipeline._set_aside():
            pass
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()


def test_chunks_join_back_into_the_text():
    text = "word " * 100 + "\n" + "x" * 300
    pieces = pipeline._chunks(text, 120)
    assert "".join(pieces) == text
    assert all(len(p) <= 120 for p in pieces)


def test_analyse_returns_the_full_spacy_parse():
    doc, spacy_doc = pipeline.analyse("Israeli jets struck targets near Khan Younis.")
    assert any(t.lemma_ == "strike" for t in spacy_doc)
    assert any(t.text == "Khan Younis" for t in doc.toponyms)


def test_parse_many_gives_what_parse_gives(seed_text):
    from geoevents.pipeline import parse, parse_many

    records = [{"id": "seed", "text": seed_text, "published": "2023-07-05"}, "", None]
    many = list(parse_many(records))
    one = parse(seed_text, published="2023-07-05", doc_id="seed")
    assert [e.id for e in many[0].events] == [e.id for e in one.events] and one.events
    assert [(t.start, t.end, t.place and t.place.id) for t in many[0].toponyms] == [
        (t.start, t.end, t.place and t.place.id) for t in one.toponyms]
    assert many[1].toponyms == [] and many[1].events == [] and many[2].events == []
    quick = next(parse_many([seed_text], events=False))
    assert quick.events == [] and len(quick.toponyms) == len(one.toponyms)


@pytest.mark.slow
def test_parse_many_in_two_processes_gives_what_one_gives():
    items = ["Rockets were fired at Sderot.", {"id": "g", "text": "Jets over Gaza.",
                                               "published": "garbage"},
             "Talks in Cairo.", 7, "Jets struck Gaza yesterday."] * 2

    def summary(docs):
        return [(d.doc_id, d.error, [t.text for t in d.toponyms], [e.id for e in d.events])
                for d in docs]

    two = summary(pipeline.parse_many(items, n_process=2, batch_size=2))
    assert two == summary(pipeline.parse_many(items, batch_size=2))
    assert [bool(d[1]) for d in two] == [False, True, False, True, False] * 2
