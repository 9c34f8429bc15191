"""Event evaluation on bounded subsets of ../shared/eval/events (skipped when absent).

The floors are well under the full-run figures (README): they catch regressions, not
tune the rules.
"""

from __future__ import annotations

import pytest

from geoevents.evaluation.events import (
    classification_report,
    evaluate_case,
    evaluate_locations,
    read_case,
    read_event_locations,
)


def test_readers_and_metric_helpers(tmp_path):
    path = tmp_path / "loc.jsonl"
    path.write_text('{"id": 1, "text": "Troops clashed in Goma.", "verb": [7, 14], '
                    '"locations": [[18, 22]]}\n', encoding="utf-8")
    (example,) = read_event_locations(path)
    assert example.verb == (7, 14) and example.locations == ((18, 22),)
    report = classification_report(["A", "A", "B"], ["A", "B", "B"])
    assert report["per_class"]["A"]["precision"] == 1.0
    assert report["per_class"]["B"]["recall"] == 1.0
    assert report["weighted_f1"] == pytest.approx((2 * 2 / 3 + 2 / 3) / 3)


@pytest.mark.slow
def test_event_location_subset(eval_dir):
    examples = read_event_locations(eval_dir / "events" / "event_location_dev.jsonl",
                                    limit=300)
    result = evaluate_locations(examples)
    assert result["examples"] == 300
    assert result["accuracy"] >= 0.65
    assert result["precision"] >= 0.70


@pytest.mark.slow
def test_case2021_subset(eval_dir):
    examples = read_case(eval_dir / "events" / "case2021_task2_dev.tsv", limit=150)
    result = evaluate_case(examples)
    assert result["weighted_f1"] >= 0.50
    assert set(result["per_class"]) == {e.label for e in examples}


def test_toponym_recall_and_events_located_counts():
    from geoevents.evaluation.events import EventsLocated, ToponymRecall, gold_spans
    from geoevents.model import Place, Toponym

    place = Place("x:1", "Goma", -1.7, 29.2, "P", "PPL")
    near_goma = Place("derived:near x:1", "Kibati (near Goma)", -1.7, 29.2, "L", "AREA")
    recall = ToponymRecall()
    recall.add([(0, 4), (10, 14), (20, 24), (30, 36)],
               [Toponym(0, 4, "Goma", place), Toponym(11, 13, "Bu"),
                Toponym(30, 36, "Kibati", near_goma)])
    # a name only placed near the text's local place is no reading of the gazetteer
    assert recall.result() == {"gold_toponyms": 4, "toponym_recall": 3 / 4,
                               "toponym_recall_resolved": 1 / 4,
                               "toponym_recall_placed_by_context": 1 / 4}
    assert EventsLocated().result()["events_located"] == 0.0
    example = read_event_locations.__globals__["LocationExample"](
        "1", "In Goma.", (0, 2), ((3, 7), (5, 5), (6, 99)))
    assert gold_spans(example) == [(3, 7)]


def _sentencized(text: str):  # type: ignore[no-untyped-def]
    """``text`` as a blank spaCy doc split into sentences (no parser needed)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def _clash_at(start: int, place):  # type: ignore[no-untyped-def]
    """An armed clash whose trigger starts at ``start``, located at ``place`` (or not)."""
    from geoevents.model import Event

    return Event(id=str(start), event_type="Battles", sub_event_type="Armed clash",
                 trigger="x", trigger_start=start, trigger_end=start + 1, sentence="",
                 location=place)


def test_events_located_counts_sentences_naming_a_place_not_nationalities():
    from geoevents.evaluation.events import EventsLocated
    from geoevents.model import Place
    from geoevents.recognise import Mention

    text = "Syrian troops attacked. Gunmen struck Goma. Rebels fled."
    doc = _sentencized(text)
    syria = Place("x:1", "Syria", 35.0, 38.0, "A", "PCLI")
    goma = Place("x:2", "Goma", -1.7, 29.2, "P", "PPL")
    toponyms = [Mention(0, 6, "Syrian", syria, kind="demonym"),
                Mention(38, 42, "Goma", goma)]

    located = EventsLocated()
    # unlocated in the nationality's sentence, located in Goma's, none in the last
    located.add(doc, [_clash_at(14, None), _clash_at(31, goma), _clash_at(51, None)], toponyms)
    result = located.result()
    assert (result["events_in_placed_sentences"], result["events_located"]) == (1, 1.0)
    assert (result["events_in_sentences_with_demonyms"],
            result["events_located_with_demonyms"]) == (2, 0.5)


def test_events_located_over_sentences_whose_gold_place_was_resolved():
    from geoevents.evaluation.events import EventsLocated
    from geoevents.model import Place
    from geoevents.recognise import Mention

    # a country named as an actor counts as naming a place, but the gold gives the first
    # sentence no place; only the second sentence's gold place (Goma) was resolved
    text = "Turkey shot down a jet. Gunmen struck Goma. Rebels fled."
    doc = _sentencized(text)
    turkey = Place("x:1", "Turkey", 39.0, 35.0, "A", "PCLI")
    goma = Place("x:2", "Goma", -1.7, 29.2, "P", "PPL")
    toponyms = [Mention(0, 6, "Turkey", turkey), Mention(38, 42, "Goma", goma)]

    located = EventsLocated()
    located.add(doc, [_clash_at(7, None), _clash_at(31, goma), _clash_at(35, None)],
                toponyms, [(38, 42)])
    result = located.result()
    assert (result["events_in_placed_sentences"], result["events_located"]) == (3, 1 / 3)
    assert (result["events_in_gold_placed_sentences"],
            result["events_located_gold"]) == (2, 0.5)


def test_span_rows_say_where_each_gold_name_is_lost(gaz):
    from geoevents.evaluation.events import SPAN_COLUMNS, LocationExample, span_rows
    from geoevents.model import Place, Toponym

    text = "Shells hit Jenin, Kafr Zuwaybiq and Binnish."
    spans = tuple((text.index(n), text.index(n) + len(n))
                  for n in ("Jenin", "Kafr Zuwaybiq", "Binnish"))
    example = LocationExample("7", text, (7, 10), spans)
    jenin = Place("geonames:283506", "Janīn", 32.46, 35.3, "P", "PPL", country_code="PS")
    toponyms = [Toponym(*spans[0], "Jenin", jenin, confidence=0.9, reason="why"),
                Toponym(*spans[1], "Kafr Zuwaybiq", reason="unresolved: no place")]
    rows = span_rows(example, toponyms, gaz)
    assert [r["status"] for r in rows] == ["resolved", "unresolved", "missed"]
    assert [r["gazetteer"] for r in rows] == ["exact", "none", "exact"]
    assert rows[0]["place_id"] == "geonames:283506" and rows[0]["confidence"] == 0.9
    assert rows[1]["reason"] == "unresolved: no place" and rows[2]["toponym"] == ""
    assert all(set(r) == set(SPAN_COLUMNS) for r in rows)
