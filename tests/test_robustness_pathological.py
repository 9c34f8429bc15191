"""Pathological texts that must take time in proportion to their length: lists of names,
repeated sentences, one unpunctuated sentence. Each case here once took seconds to minutes
on a few hundred characters (timed in benchmarks/bench_long.py's --pathological)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

# a list of names opening a text ("Jenin, Jenin, …", a scraped tag line): the dateline
# pattern once split it in 2^n ways (40 s at 25 names, minutes at 30)
NAME_LISTS = ["Jenin, " * 40, "GAZA, " * 40, "Jenin,  " * 30, "Jenin ,\t" * 30,
              "Al Quds, " * 30 + "June 3"]


@pytest.mark.parametrize("text", NAME_LISTS)
def test_a_list_of_names_is_no_slow_dateline(text):
    from geoevents.events.dates import find_dateline

    started = time.process_time()
    assert find_dateline(text, date(2025, 6, 10)) is None
    assert time.process_time() - started < 0.5


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Gaza Strip", "Rafah", "Khan Younis", "Palestine"]),
                min_size=0, max_size=4))
def test_a_dateline_with_any_number_of_regions_is_found(regions):
    """The place part of a dateline still takes every region after the city."""
    from geoevents.events.dates import find_dateline

    place = ", ".join(["GAZA CITY", *regions])
    line = find_dateline(f"{place}, June 3 (AFP) — Shelling hit a school.", date(2025, 6, 10))
    assert line is not None and line.date == date(2025, 6, 3)
    assert line.text.startswith(place) and line.place_end == len(place)


@pytest.fixture(scope="module")
def nlp(gaz):
    from geoevents.pipeline import geoparser

    return geoparser().nlp


RUN_ONS = ["troops raided jenin and hebron near the market " * 300,  # no punctuation
           "Jenin, " * 2000,  # a list of names
           "Troops Raided Jenin And Hebron " * 300 + ". Then they left."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2200), st.sampled_from(".!?;\n")), max_size=6))
def test_run_ons_are_found_only_from_where_they_begin_and_as_before(runs):
    """The run-on pattern is tried only where a stretch without a stop begins: the same
    stretches as the plain pattern tried at every character (which read each sentence
    from each of its characters), none of them starting inside another."""
    import re

    from geoevents.textprep import _RUN_ON, MAX_RUN_ON

    text = "".join("word " * (n // 5) + "x" * (n % 5) + stop for n, stop in runs)
    plain = re.compile(rf"[^.!?;\n]{{{MAX_RUN_ON + 1},}}")
    found = [m.span() for m in _RUN_ON.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    assert all(start == 0 or text[start - 1] in ".!?;\n" for start, _ in found)


@pytest.mark.parametrize("text", RUN_ONS)
def test_a_run_on_sentence_is_cut_into_bounded_sentences(nlp, text):
    """Every sentence-level step looks over the whole sentence of each trigger: a run-on
    of n words cost O(n²) (a 46 KB unpunctuated sentence took 63 s, 186 KB minutes)."""
    from geoevents.textprep import MAX_RUN_ON

    doc = nlp(text)
    assert doc.text == text
    sentences = list(doc.sents)
    assert len(sentences) >= len(text) // MAX_RUN_ON
    assert max(len(s.text) for s in sentences) <= MAX_RUN_ON + 100


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["Shelling hit Gaza on Monday.", "Troops left Jenin,",
                                 "residents said", "\n", "(AFP) —", "Protesters marched."]),
                max_size=60).map(" ".join))
def test_ordinary_sentences_are_left_to_the_parser(nlp, text):
    """Text with sentence punctuation now and then gets no boundary from the tokenizer."""
    doc = nlp.tokenizer(text)
    assert not any(t.is_sent_start for t in doc[1:])


# -- characters that are no text -------------------------------------------------------------


def test_a_lone_surrogate_is_an_input_error_not_a_crash(gaz):
    """A str can hold a lone surrogate (json.loads('"\\\\ud800"')); spaCy cannot hash it.
    parse says so as an InputError, and a batch records it for that document only."""
    import json

    from geoevents import pipeline
    from geoevents.errors import InputError

    text = json.loads('"Troops raided Jenin \\ud800 on Monday."')
    with pytest.raises(InputError, match=r"lone surrogate \(U\+D800\) at character 20"):
        pipeline.parse(text)
    out = list(pipeline.parse_many(["Troops left Jenin.", text, "Troops left Hebron."]))
    assert len(out) == 3 and out[0].toponyms and out[2].toponyms
    assert not out[1].toponyms and "lone surrogate" in out[1].error


# -- malformed corpora ------------------------------------------------------------------------


def test_a_deeply_nested_jsonl_line_is_one_bad_record(tmp_path):
    """json.loads raises RecursionError, not JSONDecodeError, on deep nesting: the
    line is one bad record, and the records around it are read."""
    from geoevents.corpus import read_corpus

    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "Troops left Jenin."}\n' + "[" * 100_000
                    + "]" * 100_000 + "\n" + '{"id": "b", "text": "x", "n": ' + '{"a": ' * 50_000
                    + "\n" + '{"id": "c", "text": "Troops left Hebron."}\n', encoding="utf-8")
    records = list(read_corpus(path))
    assert [r.id for r in records][::3] == ["a", "c"] and len(records) == 4
    assert records[0].error is None and records[3].error is None
    assert records[1].error == records[2].error == "bad JSON: nested too deeply"


# -- maps of bad files ----------------------------------------------------------------------


def _features(coords):
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {
            "event_type": "Battles", "sub_event_type": "Armed clash", "date": "2025-01-01",
            "doc_id": f"d{i}", "location_text": "<script>alert(1)</script>"},
         "geometry": {"type": "Point", "coordinates": list(xy)}}
        for i, xy in enumerate(coords)]}


def test_a_map_leaves_impossible_coordinates_unlocated(tmp_path):
    """NaN, infinite and out-of-range coordinates (hand-edited or foreign files) are no
    place on a map: those events count as unlocated; the map still renders."""
    import json

    from geoevents.cli import main

    path = tmp_path / "bad.geojson"
    text = json.dumps(_features([(35.3, 32.46), (1e9, 95.0), (-1e9, 0.0), (35.0, 32.0)]))
    path.write_text(text.replace("1000000000.0", "NaN").replace("-NaN", "Infinity"),
                    encoding="utf-8")
    out = tmp_path / "bad.html"
    main(["map", str(path), "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    from geoevents.export import read
    from geoevents.maps import payload

    events, _ = read(path)
    content = payload.build(events, None, title="t")
    assert content["stats"] == {"events": 4, "located": 2, "documents": 4}


@pytest.mark.parametrize("body", ["[" * 100_000 + "]" * 100_000, "", "[1]", "{\"type\": 5}"])
def test_a_map_of_a_malformed_geojson_is_a_clear_error(tmp_path, capsys, body):
    from geoevents.cli import main

    path = tmp_path / "bad.geojson"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["map", str(path), "-o", str(tmp_path / "bad.html")])
    assert exit_info.value.code != 0
    err = capsys.readouterr().err
    assert f"cannot read {path}" in err and "unexpected" not in err


# -- scraped text: any characters at all --------------------------------------------------------

SCRAPED = st.lists(
    st.one_of(
        st.sampled_from(["Jenin", "Gaza", "GAZA CITY", "Troops raided ", "killed 3 ", "#Gaza",
                         "@IDF", " on Monday. ", ", ", "\n", "JÃ©nin", "â€”", "\u200d",
                         "\u202e", "\u2066", "\ufeff", "\x00", "\x1b[31m", "\r", "\u2028"]),
        st.characters(blacklist_categories=["Cs"])),
    max_size=40).map("".join)


@settings(max_examples=40, deadline=None)
@given(SCRAPED)
@example("\ue433\x00Gaza")  # a NUL between a sign and a name once glued them into one
@example("\x9bGaza")  # a cp1252 byte read as latin-1 became "›", once glued to the name
@example("Gaza\x9e")  # ... and "ž", a letter: the name reads "Gazaž" where the text has \x9e
def test_scraped_text_parses_with_every_offset_in_place(gaz, text):
    """Mojibake, control and format characters, hashtags and capitals never crash the
    pipeline, and everything it finds stands where it says in the text (a name reads as
    prepared: a cp1252 byte read as latin-1 in it, "Gaza\x9e", reads as its character)."""
    from geoevents import pipeline
    from geoevents.textprep import prepare

    document = pipeline.parse(text, published="2025-06-10")
    assert document.text == text
    for toponym in document.toponyms:
        assert prepare(text[toponym.start:toponym.end]).text.strip() == toponym.text.strip()
        assert toponym.text.strip()
    for event in document.events:
        assert text[event.trigger_start:event.trigger_end] == event.trigger


def test_markup_and_control_characters_leave_no_fragment_names(gaz):
    """A scraped page's tags glued to a name once made the place "Jenin</script><script",
    and an escape code after every word left a document with no event at all."""
    from geoevents import pipeline

    tagged = pipeline.parse('Troops killed two men in "Jenin</script><script>alert(4)'
                            '</script>" on Monday.', published="2025-06-10")
    assert [t.text for t in tagged.toponyms] == ["Jenin"]
    assert [e.location_text for e in tagged.events] == ["Jenin"]
    escaped = pipeline.parse("Israeli\x1b air\x1b strikes\x1b killed\x1b 12\x1b people\x1b in"
                             "\x1b Rafah\x1b on\x1b Thursday.", published="2025-06-10")
    assert "Rafah" in [t.text for t in escaped.toponyms]
    assert [e.trigger for e in escaped.events] == ["strikes"]


def test_control_characters_between_words_are_no_part_of_a_name(gaz):
    """A control character is a token of its own, counted as punctuation: the name
    steps trim it off ("\\x01 Ramallah \\x01" was a place and an event's location)."""
    from geoevents import pipeline

    text = ("Israeli air strikes killed at least 12 people in Khan Younis on Thursday, health "
            "officials said. Protesters marched in Ramallah against the raids, and clashes "
            "erupted near Jenin where troops arrested three men.").replace(" ", " \x01 ")
    document = pipeline.parse(text, published="2025-06-10")
    names = [t.text for t in document.toponyms] + [e.location_text or "" for e in document.events]
    assert "Ramallah" in names
    assert not any("\x01" in name for name in names)
