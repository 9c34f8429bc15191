"""Parsing throughput: the full toponym pipeline against bare spaCy, on the GeoVirus texts.

Run: ``.venv/bin/python benchmarks/bench_parse.py [CORPUS.xml] [--repeat 3]``
(default corpus: ``../shared/eval/toponyms/GeoVirus.xml``).

Both sides use the same spaCy model with the same components (those the toponym stage
runs), in the same process:

* **bare**: ``nlp.pipe(texts, batch_size=64)`` of the model loaded by spaCy alone
  (``bench_events.plain_spacy``: spaCy's own tokenizer and components, where the
  geoparser's copy has a wrapped tokenizer and a cheaper attribute ruler);
* **cold**: ``parse_many(texts, events=False)`` (spaCy, then the ``geoevents_toponyms``
  component) with a fresh geoparser, its gazetteer caches empty;
* **warm**: the same again (caches filled, as in a long batch);
* **stage**: recognition and resolution alone, on already parsed documents (cold caches):
  the cost the toponym stage adds to spaCy.

Each figure is the best of ``--repeat`` runs, alternating sides. Throughput is computed
from the process's CPU time, which other jobs on a shared machine disturb much less than
wall-clock time (shown too). Target: the full pipeline keeps at least 80% of bare spaCy's
throughput.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BATCH = 64  # as parse_many
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "toponyms" / "GeoVirus.xml"


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    args.add_argument("--repeat", type=int, default=3)
    opts = args.parse_args()
    if not opts.corpus.exists():
        sys.exit(f"no corpus at {opts.corpus}")

    from bench_events import plain_spacy

    from geoevents.evaluation.toponyms import read_corpus
    from geoevents.geocoding import default_gazetteer
    from geoevents.pipeline import Geoparser

    texts = [a.text for a in read_corpus(opts.corpus)]
    words = sum(len(t.split()) for t in texts)
    gaz = default_gazetteer()
    parser = Geoparser(gazetteer=gaz)
    nlp, disable = plain_spacy(), parser.skip_for_toponyms  # spaCy as it comes
    list(nlp.pipe(texts[:10], disable=disable))  # warm up the model

    def bare() -> None:
        for _ in nlp.pipe(texts, disable=disable, batch_size=BATCH):
            pass

    def full(geoparser: Geoparser) -> int:
        documents = geoparser.parse_many(texts, events=False, batch_size=BATCH)
        return sum(len(document.toponyms) for document in documents)

    cpu = {"bare": float("inf"), "cold": float("inf"), "warm": float("inf"),
           "stage": float("inf")}
    wall = dict(cpu)
    toponyms = 0
    for n in range(opts.repeat):
        if n % 2 == 0:  # alternate the order: spaCy itself speeds up as a run goes on
            _keep(cpu, wall, "bare", _timed(bare))
        fresh = Geoparser(gazetteer=gaz)
        _keep(cpu, wall, "cold", _timed(lambda p=fresh: full(p)))
        _keep(cpu, wall, "warm", _timed(lambda p=fresh: full(p)))
        if n % 2 == 1:
            _keep(cpu, wall, "bare", _timed(bare))
        docs = list(fresh.docs(texts))
        fresh = Geoparser(gazetteer=gaz)
        _keep(cpu, wall, "stage", _timed(lambda p=fresh, d=docs: [p.document(x) for x in d]))
        toponyms = sum(len(fresh.document(x).toponyms) for x in docs)

    print(f"corpus: {opts.corpus.name}: {len(texts)} documents, {words:,} words, "
          f"{toponyms:,} toponyms; model {nlp.meta['name']} {nlp.meta['version']} "
          f"({', '.join(n for n in nlp.pipe_names if n not in disable)})")
    print(f"{'':6} {'cpu s':>7} {'docs/s':>8} {'words/s':>9} {'vs bare':>8} {'wall s':>8}")
    for name, seconds in cpu.items():
        if name == "stage":
            print(f"toponym stage alone: {seconds:.2f} s CPU = {seconds / cpu['bare']:.0%} of "
                  f"bare spaCy's time, {1000 * seconds / len(texts):.1f} ms per document "
                  f"({wall[name]:.2f} s wall); spaCy + stage keeps "
                  f"{cpu['bare'] / (cpu['bare'] + seconds):.0%} of bare throughput")
            continue
        print(f"{name:6} {seconds:7.2f} {len(texts) / seconds:8.1f} {words / seconds:9,.0f} "
              f"{cpu['bare'] / seconds:8.0%} {wall[name]:8.2f}")


def _timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(CPU seconds, wall seconds) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def _keep(cpu: dict[str, float], wall: dict[str, float], name: str,
          times: tuple[float, float]) -> None:
    cpu[name] = min(cpu[name], times[0])
    wall[name] = min(wall[name], times[1])


if __name__ == "__main__":
    main()
