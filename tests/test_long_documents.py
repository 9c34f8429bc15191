"""Long texts stream through the pipeline piece by piece (see geoevents.pipeline): their
toponyms and events keep offsets into the whole text, and every piece is searched."""

from __future__ import annotations

import re

import pytest

from geoevents import pipeline

PLACES = ["Jenin", "Hebron", "Nablus", "Ramallah", "Tulkarm", "Qalqilya"]


@pytest.fixture(autouse=True)
def _gazetteer(gaz):
    """Every test here needs the embedded gazetteer."""


def long_text(chunk: int) -> str:
    """About 2.5 × ``chunk`` characters of reports, each naming its place twice."""
    reports = [f"Israeli forces raided {place} on Tuesday and arrested two men, residents "
               f"said. Clashes erupted near the market of {place}.\n" for place in PLACES]
    text = ""
    n = 0
    while len(text) < 2.5 * chunk:
        text += reports[n % len(reports)]
        n += 1
    return text


def names_near(text: str, at: int, width: int = 120) -> list[int]:
    """Offsets of the place names within ``width`` characters of ``at``."""
    return [m.start() for m in re.finditer("|".join(PLACES), text)
            if abs(m.start() - at) <= width]


def test_long_text_gives_toponyms_and_events_at_their_offsets(monkeypatch):
    chunk = 1500
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", chunk)
    text = long_text(chunk)
    pieces = pipeline._chunks(text, chunk)
    assert len(pieces) == 3

    document, spacy_doc = pipeline.analyse(text, published="2024-05-14", doc_id="long")

    assert spacy_doc is None  # streamed: no Doc of the whole text is held
    assert document.text == text
    for toponym in document.toponyms:
        assert text[toponym.start:toponym.end] == toponym.text
    starts = [t.start for t in document.toponyms]
    assert starts == sorted(starts)
    # every piece has its place names found
    offset = 0
    for piece in pieces:
        found = {t.text for t in document.toponyms if offset <= t.start < offset + len(piece)}
        assert found & set(PLACES), piece[:80]
        offset += len(piece)
    # the names of the reports that run over the cuts, on either side, are found where
    # they stand and resolved
    resolved = {t.start for t in document.toponyms if t.place is not None}
    for cut in (len(pieces[0]), len(pieces[0]) + len(pieces[1])):
        near = names_near(text, cut)
        assert any(n < cut for n in near) and any(n > cut for n in near)
        assert set(near) <= resolved

    assert len(document.events) >= 3
    ids = [e.id for e in document.events]
    assert len(set(ids)) == len(ids)
    for event in document.events:
        assert text[event.trigger_start:event.trigger_end] == event.trigger
        for mention in event.mentions:
            assert text[mention["start"]:mention["end"]] == mention["trigger"]
        if event.location_start is not None:
            assert text[event.location_start:event.location_end] == event.location_text
    last_piece_start = len(text) - len(pieces[-1])
    assert any(e.trigger_start >= last_piece_start and e.location_text in PLACES
               for e in document.events)


def test_long_text_matches_its_pieces_parsed_alone(monkeypatch):
    """A piece of a streamed text gives what the same piece gives as a text of its own,
    moved to the piece's offset."""
    chunk = 1500
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", chunk)
    text = long_text(chunk)
    first, second = pipeline._chunks(text, chunk)[:2]
    offset = len(first)
    whole = pipeline.parse(text, published="2024-05-14")
    alone = pipeline.parse(second, published="2024-05-14")
    inside = [(t.start - offset, t.end - offset, t.place and t.place.id)
              for t in whole.toponyms if offset <= t.start < offset + len(second)]
    assert inside == [(t.start, t.end, t.place and t.place.id) for t in alone.toponyms]
    events = [(e.trigger_start - offset, e.sub_event_type, e.location_text)
              for e in whole.events if offset <= e.trigger_start < offset + len(second)]
    assert events == [(e.trigger_start, e.sub_event_type, e.location_text)
                      for e in alone.events]


def test_long_text_streams_in_batches_too(monkeypatch):
    """parse_many (a batch that records errors) streams long texts as parse does, and
    keeps the order of the batch."""
    chunk = 1500
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", chunk)
    text = long_text(chunk)
    short = "Troops left Jenin on Monday."
    out = list(pipeline.parse_many([short, {"id": "long", "text": text}, short]))
    assert [d.doc_id for d in out] == [None, "long", None]
    assert out[1].toponyms == pipeline.parse(text).toponyms
    assert out[0].toponyms == out[2].toponyms == pipeline.parse(short).toponyms


def test_a_text_dense_with_tokens_streams_in_pieces_of_bounded_tokens(monkeypatch):
    """spaCy's memory grows with the tokens it reads at once: 100 KB of nested brackets
    ("([{" … a thousand deep, one token a character) peaked at 1.7 GB in one piece. A
    text of more than CHUNK_TOKENS tokens is cut into pieces of about that many, however
    few its characters; news text of the same length is left whole."""
    monkeypatch.setattr(pipeline, "CHUNK_TOKENS", 400)
    dense = "([{" * 300 + " Israeli forces raided Jenin on Tuesday. " + "}])" * 300
    pieces = pipeline._chunks(dense, pipeline.CHUNK_CHARS)
    assert "".join(pieces) == dense and len(pieces) >= 4
    assert all(len(pipeline._TOKEN.findall(p)) <= 400 for p in pieces)
    news = long_text(200)[:len(dense)]
    assert len(pipeline._TOKEN.findall(news)) < 400 < len(news)
    assert pipeline._chunks(news, pipeline.CHUNK_CHARS) == [news]

    document, spacy_doc = pipeline.analyse(dense, published="2024-05-14")
    assert spacy_doc is None  # streamed
    assert "Jenin" in [t.text for t in document.toponyms]
    assert all(dense[t.start:t.end] == t.text for t in document.toponyms)


def test_a_text_that_does_not_stream_has_its_tokens_counted_once(monkeypatch):
    """Whether a text of more than CHUNK_TOKENS characters streams takes counting its
    tokens; one that does not stream is one piece, read by spaCy without being cut (and
    counted) again — and a text with forced spans is still cut into pieces joined into
    one Doc, whatever its length."""
    monkeypatch.setattr(pipeline, "CHUNK_TOKENS", 400)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 2000)
    cut = pipeline._chunks
    texts: list[str] = []

    def counted(text, size):
        texts.append(text)
        return cut(text, size)

    monkeypatch.setattr(pipeline, "_chunks", counted)
    text = long_text(600)[:1500]
    assert len(text) > 400 and len(pipeline._TOKEN.findall(text)) < 400
    document, spacy_doc = pipeline.analyse(text, published="2024-05-14")
    assert texts == [text]  # asked once, whether it streams
    assert spacy_doc is not None and spacy_doc.text == text  # whole: one piece
    assert {t.text for t in document.toponyms} >= {"Jenin", "Hebron"}
    assert document.events

    texts.clear()
    longer = long_text(2000)
    jenin = longer.index("Jenin")
    document, spacy_doc = pipeline.analyse(longer, toponyms=[(jenin, jenin + 5)])
    assert texts == [longer] and len(cut(longer, 2000)) > 1  # cut for spaCy, joined
    assert spacy_doc is not None and spacy_doc.text == longer
    assert [t.text for t in document.toponyms] == ["Jenin"]
