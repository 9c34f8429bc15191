"""Throughput of event extraction against bare spaCy on the same documents.

Documents: the CASE 2021 snippets and the event-location sentences (grouped by ten into
news-sized documents) from ``../shared/eval/events``, or the seed articles when that is
absent. Two kinds of run over the same texts and the same model:

* bare spaCy — ``nlp.pipe`` with every component of the model, loaded by spaCy alone
  (:func:`plain_spacy`: spaCy's own tokenizer, attribute ruler and lemmatizer);
* with events — ``nlp.pipe`` of the geoparser's copy of the model (through
  ``parser.docs``, on each text as ``textprep.prepare`` makes it, as ``parse`` reads
  it), and on each document as it comes out the ``geoevents_toponyms`` and
  ``geoevents_events`` components (what ``geoevents extract`` does per document). Each
  of the two stages is timed on its own, document by document, inside this run.

Each figure is the best of ``--repeat`` runs, the bare and full runs alternating in order.
Throughput is computed from the process's CPU time, which the other jobs of a shared
machine disturb much less than wall-clock time (the wall-clock ratio is printed too).

Two ratios are printed. The whole-run ratio (bare run ÷ full run) carries the noise of
spaCy's own time, which swings by ±0.5 ms per document between runs of the same work on
a shared machine: as a difference of two best-of runs, "the rest" was 1.1–4.3 ms for the
same code. The stage ratio, bare ÷ (bare + toponym stage + event stage), puts the two
stages' own CPU time, measured directly, beside the bare run; it is the steadier figure,
but it leaves out what the geoparser's copy of the model saves on spaCy's own work
(:mod:`geoevents.fastpipes`), which the whole-run ratio counts. "spaCy in the full run"
(full run minus the two stages) is that copy's time, below the bare run by what it
saves (and by the noise of the machine's load), and the time spent in
Python's garbage collector is printed for each full run: a full (generation-2)
collection of the model's and the caches' objects costs ~0.1 s, 0.2–0.3 ms per document
of a 400-document run, and falls in some runs and not in others.

Usage: ``python benchmarks/bench_events.py [--limit N] [--repeat R] [--eval DIR]``. The
issues' target (11, 12): documents/s with toponyms and events ≥ 80% of bare spaCy.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "events"


def documents(limit: int, folder: Path = EVAL) -> list[str]:
    texts: list[str] = []
    case = folder / "case2021_task2_dev.tsv"
    loc = folder / "event_location_dev.jsonl"
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


def plain_spacy():  # type: ignore[no-untyped-def]
    """A copy of the model loaded by spaCy alone: its own tokenizer and components (the
    geoparser's copy has its tokenizer wrapped by :mod:`geoevents.textprep` and two rule
    components switched by :mod:`geoevents.fastpipes`)."""
    import spacy

    from geoevents.nlp import model_name

    return spacy.load(model_name())


def options(description: str, *, limit: int, repeat: int) -> argparse.Namespace:
    """The command line of a benchmark over :func:`documents`: --limit, --repeat, --eval."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--limit", type=int, default=limit)
    ap.add_argument("--repeat", type=int, default=repeat)
    ap.add_argument("--eval", type=Path, default=EVAL,
                    help="folder of the event evaluation files (default ../shared/eval/events)")
    return ap.parse_args()


def main() -> None:
    args = options(__doc__.splitlines()[0], limit=600, repeat=1)

    from geoevents.pipeline import geoparser
    from geoevents.textprep import prepare

    texts = documents(args.limit, args.eval)
    parser = geoparser()
    nlp = plain_spacy()
    chars = sum(len(t) for t in texts)
    list(nlp.pipe(texts[:20]))  # warm up model, gazetteer caches, ontology, dateparser
    for doc in parser.docs(texts[:20], level="full"):
        events(parser, doc)

    def bare() -> None:
        for _doc in nlp.pipe(texts, batch_size=64):
            pass

    def full() -> int:
        found = 0
        toponyms = events_cpu = 0.0
        clock = time.process_time
        prepared = (prepare(text).text for text in texts)  # as parse reads them
        for doc in parser.docs(prepared, level="full", batch_size=64):
            start = clock()
            parser.toponym_stage(doc)
            middle = clock()
            found += len(events(parser, doc))
            toponyms += middle - start
            events_cpu += clock() - middle
        keep("toponyms", toponyms, 0.0)
        keep("events", events_cpu, 0.0)
        spent["stages"] = toponyms + events_cpu
        return found

    spent: dict[str, float] = {}
    in_gc: list[tuple[float, int]] = []  # per full run: CPU s in the collector, full collections
    best: dict[str, list[float]] = {}

    def keep(name: str, cpu: float, wall: float) -> None:
        old = best.setdefault(name, [float("inf"), float("inf")])
        old[0], old[1] = min(old[0], cpu), min(old[1], wall)

    def timed(name: str, fn) -> None:  # type: ignore[no-untyped-def]
        cpu, wall = time.process_time(), time.perf_counter()
        fn()
        keep(name, time.process_time() - cpu, time.perf_counter() - wall)

    collecting = {"since": 0.0, "cpu": 0.0, "full": 0}

    def collection(phase: str, info: dict) -> None:  # time in the garbage collector
        if phase == "start":
            collecting["since"] = time.process_time()
            return
        collecting["cpu"] += time.process_time() - collecting["since"]
        collecting["full"] += info["generation"] == 2

    n_events = 0
    gc.callbacks.append(collection)
    for r in range(args.repeat):
        if r % 2 == 0:  # alternate the order: the machine's load drifts during a run
            timed("bare", bare)
        cpu, wall = time.process_time(), time.perf_counter()
        collected, full_collections = collecting["cpu"], collecting["full"]
        n_events = full()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        keep("full", cpu, wall)
        keep("spacy in full", cpu - spent["stages"], 0.0)
        in_gc.append((collecting["cpu"] - collected, collecting["full"] - full_collections))
        if r % 2 == 1:
            timed("bare", bare)
    gc.callbacks.remove(collection)

    n = len(texts)
    (bare_cpu, bare_wall), (full_cpu, full_wall) = best["bare"], best["full"]
    top_cpu, ev_cpu, in_full = best["toponyms"][0], best["events"][0], best["spacy in full"][0]
    print(f"documents           {n} ({chars:,} characters), model {nlp.meta['name']}")
    print(f"bare spaCy          {n / bare_cpu:8.1f} docs/s  ({bare_cpu:.2f} s CPU, "
          f"{bare_wall:.2f} s wall)")
    print(f"toponyms + events   {n / full_cpu:8.1f} docs/s  ({full_cpu:.2f} s CPU, "
          f"{full_wall:.2f} s wall)")
    print(f"event stage alone   {n / ev_cpu:8.1f} docs/s  ({ev_cpu:.2f} s CPU, {n_events} events)")
    print(f"per document (CPU): spaCy {1000 * bare_cpu / n:.2f} ms (in the full run "
          f"{1000 * in_full / n:.2f} ms), toponym stage {1000 * top_cpu / n:.2f} ms, "
          f"event stage {1000 * ev_cpu / n:.2f} ms")
    print(f"ratio with events / bare spaCy: {bare_cpu / full_cpu:.2f} whole runs "
          f"(wall clock: {bare_wall / full_wall:.2f}); "
          f"{bare_cpu / (bare_cpu + top_cpu + ev_cpu):.3f} from the stages' own time")
    print("garbage collection in each full run: " + ", ".join(
        f"{1000 * cpu / n:.2f} ms/doc ({k} full)" for cpu, k in in_gc))
    print(f"ratio events-stage overhead only: "
          f"{bare_cpu / (bare_cpu + ev_cpu):.2f} (spaCy + events vs spaCy)")

if __name__ == "__main__":
    main()
