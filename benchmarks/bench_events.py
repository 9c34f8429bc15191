"""Throughput of event extraction against bare spaCy on the same documents.

Documents: the CASE 2021 snippets and the event-location sentences (grouped by ten into
news-sized documents) from ``../shared/eval/events``, or the seed articles when that is
absent. Three runs over the same texts and the same model:

* bare spaCy — ``nlp.pipe`` with every component of the model;
* with events — the same ``nlp.pipe``, then the ``geoevents_toponyms`` and
  ``geoevents_events`` components (what ``geoevents extract`` does per document);
* events only — the event component alone on the parsed documents and their toponyms.

Usage: ``python benchmarks/bench_events.py [--limit N] [--repeat R]``. The issue's target:
documents/s with events ≥ 70% of bare spaCy.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "events"


def documents(limit: int) -> list[str]:
    texts: list[str] = []
    case = EVAL / "case2021_task2_dev.tsv"
    loc = EVAL / "event_location_dev.jsonl"
    if case.exists() and loc.exists():
        from geoevents.evaluation.events import read_case

        texts += [e.text for e in read_case(case)]
        sentences = [json.loads(line)["text"].strip()
                     for line in loc.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts += [" ".join(sentences[i:i + 10]) for i in range(0, len(sentences), 10)]
    else:
        texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts[:limit]


def events(parser, doc) -> list:
    """The event component on a parsed Doc whose toponyms are resolved."""
    if doc._.toponyms is None:
        parser.toponym_stage(doc)
    doc._.published = "2024-01-01"
    return parser.event_stage(doc)._.events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()

    from geoevents.pipeline import geoparser

    texts = documents(args.limit)
    parser = geoparser()
    nlp = parser.nlp
    chars = sum(len(t) for t in texts)
    list(nlp.pipe(texts[:20]))  # warm up model, gazetteer caches, ontology, dateparser
    for doc in parser.docs(texts[:20], level="full"):
        events(parser, doc)

    best_bare = best_full = best_events = float("inf")
    n_events = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        best_bare = min(best_bare, time.perf_counter() - t0)

        t0 = time.perf_counter()
        parsed = []
        for doc in parser.docs(texts, level="full", batch_size=64):
            parsed.append(parser.toponym_stage(doc))
        t1 = time.perf_counter()
        n_events = sum(len(events(parser, doc)) for doc in parsed)
        t2 = time.perf_counter()
        best_full = min(best_full, t2 - t0)
        best_events = min(best_events, t2 - t1)

    n = len(texts)
    print(f"documents           {n} ({chars:,} characters), model {nlp.meta['name']}")
    print(f"bare spaCy          {n / best_bare:8.1f} docs/s  ({best_bare:.2f} s)")
    print(f"toponyms + events   {n / best_full:8.1f} docs/s  ({best_full:.2f} s)")
    print(f"event stage alone   {n / best_events:8.1f} docs/s  ({best_events:.2f} s, "
          f"{n_events} events)")
    print(f"ratio with events / bare spaCy: {best_bare / best_full:.2f}")
    print(f"ratio events-stage overhead only: "
          f"{best_bare / (best_bare + best_events):.2f} (spaCy + events vs spaCy)")


if __name__ == "__main__":
    main()
