"""Event evaluation: readers and metrics for the two event data sets.

**Event location** (``event_location_dev.jsonl``, derived from Halterman 2019): one news
sentence per line with ``verb`` (the event trigger) and ``locations`` (gold character spans
of the place where that event happened, empty when the sentence does not say). For the
extracted event whose trigger overlaps ``verb`` — or, when no extracted event has that
trigger, for the location step run on the given verb — the prediction is right when the
chosen location overlaps a gold span, or when no location is chosen and the gold is empty.
Reported: accuracy, precision (right among the located predictions), recall (right among
the examples with a gold location) and trigger coverage.

Gold spans are character offsets into the sentence.

With ``details`` (``geoevents eval events --task location --details spans.csv``) each
gold location span also gives one row (:data:`SPAN_COLUMNS`, :func:`span_rows`): whether
a toponym with a place overlaps it (``resolved``), only toponyms without one
(``unresolved``) or none (``missed``); that toponym, its place, confidence and reason; and
what the gazetteer holds for the span's own text (``exact``, a loose ``skeleton`` or
``fuzzy`` match, or ``none``): where the gold names that get no place are lost.

Also reported, for the conflict geography the events sit in: **toponym recall** — the
share of gold location spans overlapped by a recognised toponym (``toponym_recall``) and
by a resolved one (``toponym_recall_resolved``: read in the gazetteer; a name only placed
near the text's local place is counted apart, ``toponym_recall_placed_by_context``); and
**events located** — among the extracted events whose sentence names a resolved place, the
share that got a location (``events_located``). A nationality ("Syrian troops") resolves
to a country but names an actor's origin, never an event's place, so it does not count as
naming a place; the share counting it too is reported as ``events_located_with_demonyms``.
A country named as an actor ("Turkey shot down a Russian jet", "Germany's Luftwaffe")
still counts as naming a place there, although the text gives no place for the event; so
the share is also reported over the sentences where the annotators' place of the event was
resolved (``events_located_gold``: the text supports a location and the gazetteer found
it).

**CASE 2021 task 2** (``case2021_task2_dev.tsv``: ``id``, ``EventSnippet``, ``SubType``):
the snippet's main event (:func:`geoevents.events.classify.main_event`) is mapped to a
CASE label through the ontology; a snippet without events counts as ``OTHER``. Reported:
weighted F1 (weights = gold support), macro F1, accuracy and per-class P/R/F1.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from geoevents.gazetteer.store import Gazetteer
    from geoevents.model import Document, Event, Toponym

NO_EVENT_LABEL = "OTHER"


@dataclass(frozen=True)
class LocationExample:
    """One sentence of the event-location data set."""

    id: str
    text: str
    verb: tuple[int, int]
    locations: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class CaseExample:
    """One CASE 2021 snippet and its gold sub-event type."""

    id: str
    text: str
    label: str


def read_event_locations(path: str | Path, *, limit: int | None = None
                         ) -> list[LocationExample]:
    """Examples of an event-location JSON-lines file."""
    path = Path(path)
    out: list[LocationExample] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"no event-location file at {path}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            verb = (int(row["verb"][0]), int(row["verb"][1]))
            locations = tuple((int(s), int(e)) for s, e in row.get("locations", []))
            out.append(LocationExample(str(row.get("id", n)), row["text"], verb, locations))
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise InputError(f"{path}:{n}: not an event-location record ({exc})") from None
        if limit is not None and len(out) >= limit:
            break
    return out


def read_case(path: str | Path, *, limit: int | None = None) -> list[CaseExample]:
    """Examples of a CASE 2021 task 2 TSV file (``id``, ``EventSnippet``, ``SubType``)."""
    path = Path(path)
    out: list[CaseExample] = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if not reader.fieldnames or not {"EventSnippet", "SubType"} <= set(
                    reader.fieldnames):
                raise InputError(f"{path}: expected the columns id, EventSnippet, SubType")
            for row in reader:
                text, label = row.get("EventSnippet"), row.get("SubType")
                if not text or not label:
                    continue
                out.append(CaseExample(str(row.get("id", len(out))), text, label.strip()))
                if limit is not None and len(out) >= limit:
                    break
    except FileNotFoundError:
        raise InputError(f"no CASE 2021 file at {path}") from None
    return out


# -- event location ------------------------------------------------------------------------


def gold_spans(example: LocationExample) -> list[tuple[int, int]]:
    """Gold spans as character offsets, empty and out-of-range spans left out."""
    n = len(example.text)
    return [(s, e) for s, e in example.locations if 0 <= s < e <= n]


def _overlaps(span: tuple[int, int] | None, gold: list[tuple[int, int]]) -> bool:
    return span is not None and any(span[0] < e and s < span[1] for s, e in gold)


def _scores(predicted: list[tuple[int, int] | None], golds: list[list[tuple[int, int]]]
            ) -> dict[str, float]:
    right = located = located_right = with_gold = found_gold = 0
    for pred, gold in zip(predicted, golds, strict=True):
        hit = _overlaps(pred, gold)
        right += hit or (pred is None and not gold)
        if pred is not None:
            located += 1
            located_right += hit
        if gold:
            with_gold += 1
            found_gold += hit
    n = len(predicted)
    precision = located_right / located if located else 0.0
    recall = found_gold / with_gold if with_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": right / n if n else 0.0, "precision": precision, "recall": recall,
            "f1": f1}


def _analysed(examples: Sequence[LocationExample | CaseExample], label: str,
              progress: bool | None) -> Iterator[tuple[Document, Doc]]:
    """Each example's Document (toponyms and events) and spaCy Doc, through the
    pipeline every entry point uses."""
    from geoevents.pipeline import geoparser, make_item
    from geoevents.progress import Progress

    items = [make_item(e.text, doc_id=e.id) for e in examples]
    with Progress(label, total=len(items), enabled=progress) as bar:
        for document, doc in geoparser().run(items, level="full"):
            assert doc is not None  # errors raise
            bar.advance()
            yield document, doc


SPAN_COLUMNS = ("id", "start", "end", "text", "status", "toponym", "place_id", "place",
                "feature_code", "country_code", "confidence", "gazetteer", "reason")


def span_rows(example: LocationExample, toponyms: list[Toponym], gaz: Gazetteer
              ) -> list[dict[str, Any]]:
    """One row (:data:`SPAN_COLUMNS`) per gold location span of ``example``: ``status``
    ``resolved`` (a toponym with a place overlaps it), ``unresolved`` (only toponyms
    without one) or ``missed``; the overlapping toponym (a placed one first), its place,
    confidence and reason; and ``gazetteer``, the best kind of match a lookup of the
    span's own text finds (``exact``, ``skeleton``, ``fuzzy``) or ``none``."""
    rows = []
    for start, end in gold_spans(example):
        over = sorted((t for t in toponyms if t.start < end and start < t.end),
                      key=lambda t: t.place is None)
        top = over[0] if over else None
        place = top.place if top is not None else None
        text = example.text[start:end]
        kinds = {m.kind for m in gaz.matches(text, limit=5)}
        rows.append({
            "id": example.id, "start": start, "end": end, "text": text,
            "status": "missed" if top is None else "unresolved" if place is None
            else "resolved",
            "toponym": top.text if top is not None else "",
            "place_id": place.id if place else "",
            "place": place.display_name if place else "",
            "feature_code": place.feature_code if place else "",
            "country_code": (place.country_code or "") if place else "",
            "confidence": "" if top is None or top.confidence is None
            else round(top.confidence, 3),
            "gazetteer": next((k for k in ("exact", "skeleton", "fuzzy") if k in kinds),
                              "none"),
            "reason": (top.reason or "") if top is not None else ""})
    return rows


def evaluate_locations(examples: list[LocationExample], *,
                       progress: bool | None = False,
                       details: Callable[[dict[str, Any]], None] | None = None
                       ) -> dict[str, Any]:
    """Event-location accuracy, precision and recall, conflict toponym recall and the
    share of located events (see the module docstring); ``details``, when given,
    receives one row per gold location span (:func:`span_rows`)."""
    from geoevents.events.extract import locate_trigger
    from geoevents.geocoding import default_gazetteer

    predicted: list[tuple[int, int] | None] = []
    golds: list[list[tuple[int, int]]] = []
    covered = 0
    recall = ToponymRecall()
    located = EventsLocated()
    for example, (document, doc) in zip(examples, _analysed(examples, "sentences", progress),
                                        strict=True):
        vs, ve = example.verb
        gold = gold_spans(example)
        recall.add(gold, document.toponyms)
        if details is not None:
            for row in span_rows(example, document.toponyms, default_gazetteer()):
                details(row)
        located.add(doc, document.events, document.toponyms, gold)
        event = next((e for e in document.events
                      if e.trigger_start < ve and vs < e.trigger_end), None)
        span: tuple[int, int] | None = None
        if event is not None:
            covered += 1
            if event.location_start is not None and event.location_end is not None:
                span = (event.location_start, event.location_end)
        else:
            verb = doc.char_span(vs, ve, alignment_mode="expand")
            loc = locate_trigger(verb.root, document.toponyms) if verb is not None and len(verb) \
                else None
            span = (loc.toponym.start, loc.toponym.end) \
                if loc is not None and loc.toponym is not None else None
        predicted.append(span)
        golds.append(gold)
    result: dict[str, Any] = {"examples": len(examples),
                              "with_gold_location": sum(1 for g in golds if g)}
    result.update(_scores(predicted, golds))
    result["trigger_coverage"] = covered / len(examples) if examples else 0.0
    result.update(recall.result())
    result.update(located.result())
    return result


@dataclass
class ToponymRecall:
    """Share of gold location spans overlapped by a recognised toponym, and by a
    resolved one."""

    gold: int = 0
    recognised: int = 0
    resolved: int = 0
    by_context: int = 0

    def add(self, gold: list[tuple[int, int]], toponyms: list[Toponym]) -> None:
        from geoevents.resolve import placed_by_context

        spans = [(t.start, t.end) for t in toponyms]
        read = [(t.start, t.end) for t in toponyms
                if t.place is not None and not placed_by_context(t.place)]
        near = [(t.start, t.end) for t in toponyms if placed_by_context(t.place)]
        for span in gold:
            self.gold += 1
            self.recognised += _overlaps(span, spans)
            self.resolved += _overlaps(span, read)
            self.by_context += not _overlaps(span, read) and _overlaps(span, near)

    def result(self) -> dict[str, Any]:
        n = self.gold
        return {"gold_toponyms": n,
                "toponym_recall": self.recognised / n if n else 0.0,
                "toponym_recall_resolved": self.resolved / n if n else 0.0,
                "toponym_recall_placed_by_context": self.by_context / n if n else 0.0}


@dataclass
class EventsLocated:
    """Among the extracted events whose sentence names a resolved place, the share that
    has a location; the same share over sentences with any resolved toponym, a
    nationality ("Syrian troops") included, and over sentences where a resolved toponym
    overlaps a gold location span."""

    events: int = 0
    located: int = 0
    events_any: int = 0
    located_any: int = 0
    events_gold: int = 0
    located_gold: int = 0

    def add(self, doc: Doc, events: list[Event], toponyms: list[Toponym],
            gold: list[tuple[int, int]] | None = None) -> None:
        from geoevents.resolve import placed_by_context

        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        placed = [t for t in toponyms
                  if t.place is not None and not placed_by_context(t.place)]
        named = [t for t in placed if getattr(t, "kind", "name") != "demonym"]
        found = [t for t in placed if _overlaps((t.start, t.end), gold or [])]
        for event in events:
            sent = next(((s, e) for s, e in sentences if s <= event.trigger_start < e), None)
            if sent is None or not any(sent[0] <= t.start < sent[1] for t in placed):
                continue
            self.events_any += 1
            self.located_any += event.location is not None
            if any(sent[0] <= t.start < sent[1] for t in named):
                self.events += 1
                self.located += event.location is not None
            if any(sent[0] <= t.start < sent[1] for t in found):
                self.events_gold += 1
                self.located_gold += event.location is not None

    def result(self) -> dict[str, Any]:
        n, n_any, n_gold = self.events, self.events_any, self.events_gold
        return {"events_in_placed_sentences": n,
                "events_located": self.located / n if n else 0.0,
                "events_in_sentences_with_demonyms": n_any,
                "events_located_with_demonyms": self.located_any / n_any if n_any else 0.0,
                "events_in_gold_placed_sentences": n_gold,
                "events_located_gold": self.located_gold / n_gold if n_gold else 0.0}


# -- CASE 2021 -------------------------------------------------------------------------------


def case_label(events: list[Event]) -> str:
    """The CASE 2021 label of a text's main event (``OTHER`` without events)."""
    from geoevents.events.classify import main_event
    from geoevents.events.ontology import load_ontology

    event = main_event(events)
    if event is None:
        return NO_EVENT_LABEL
    return load_ontology().to_case2021(event.sub_event_type)


def classification_report(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    """Per-class precision/recall/F1 and weighted and macro F1 over the gold classes."""
    support = Counter(gold)
    per_class: dict[str, dict[str, float]] = {}
    for label in sorted(support):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / support[label]
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1,
                            "support": support[label]}
    total = len(gold)
    weighted = sum(c["f1"] * c["support"] for c in per_class.values()) / total if total \
        else 0.0
    macro = sum(c["f1"] for c in per_class.values()) / len(per_class) if per_class else 0.0
    right = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    accuracy = right / total if total else 0.0
    return {"examples": total, "weighted_f1": weighted, "macro_f1": macro,
            "accuracy": accuracy, "per_class": per_class}


def evaluate_case(examples: list[CaseExample], *,
                  progress: bool | None = False) -> dict[str, Any]:
    """Weighted F1 of the main event's sub-type on CASE 2021 snippets."""
    predicted = [case_label(document.events)
                 for document, _ in _analysed(examples, "snippets", progress)]
    report = classification_report([e.label for e in examples], predicted)
    report["predictions"] = predicted
    return report
