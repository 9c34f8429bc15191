"""Long documents: time and peak memory of parse + events as a document grows.

Run: ``.venv/bin/python benchmarks/bench_long.py [--sizes 10,50,100,200,1000]
[--pathological]`` (sizes in KB).

Each document is built from the project's own texts (the seed article and the golden
reports under ``tests/golden/``), concatenated in a rotating order until it reaches the
size, so it reads like a long digest of many reports. Each size runs in a fresh process
(peak RSS is per process) and times, on the same text:

* **parse**: ``geoevents.parse`` (spaCy, toponym recognition and resolution, events),
  run first, so that the peak RSS printed is that of the model and the parse;
* **spacy**: the bare spaCy pipeline with every component, over the same pieces the
  pipeline cuts, one at a time, each ``Doc`` dropped (the baseline);
* **events**: event extraction alone, on each piece's ``Doc`` with its toponyms, as the
  pipeline runs it.

With ``--pathological`` it times ``geoevents.parse`` instead on texts built to find steps
that grow faster than the text (CPU ms per KB should stay flat as the size grows): one
unpunctuated run-on sentence, a list of place names ("Jenin, Jenin, …"), one sentence
repeated, one place name repeated without punctuation, and one 1 MB word.

Printed: seconds (CPU time of the process, less disturbed by other jobs than wall time),
the ratio parse ÷ spacy, seconds per 100 KB, peak RSS, and the growth of each time from
one size to the next against the growth in size (linear = the size ratio). Targets: parse
time at 200 KB ÷ 50 KB ≤ 5, peak RSS at 1 MB ≤ 1.2 GB.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = "2025-06-10"


def source_texts() -> list[str]:
    """The seed article and the golden reports' texts, in a fixed order."""
    import yaml

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "tests" / "golden").rglob("*.yaml")):
        texts.append(yaml.safe_load(path.read_text(encoding="utf-8"))["text"])
    return texts


def document(size: int) -> str:
    """A document of about ``size`` characters made of the source texts in rotation."""
    texts = source_texts()
    parts: list[str] = []
    total = n = 0
    while total < size:
        text = texts[n % len(texts)].strip()
        parts.append(text)
        total += len(text) + 2
        n += 1
    return "\n\n".join(parts)[:size]


def measure(size: int) -> dict[str, float]:
    """Time the three sides on one document in this process; return the figures."""
    from geoevents.pipeline import CHUNK_CHARS, _chunks, geoparser, parse

    text = document(size)
    parser = geoparser()
    parse("Warm-up: gunmen attacked Kano on Monday.", published=PUBLISHED)

    def timed(func) -> tuple[float, float]:
        cpu, wall = time.process_time(), time.perf_counter()
        func()
        return time.process_time() - cpu, time.perf_counter() - wall

    result: dict = {}
    parse_cpu, parse_wall = timed(lambda: result.setdefault(
        "doc", parse(text, published=PUBLISHED)))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    chunks = _chunks(text, CHUNK_CHARS)
    spacy_cpu, spacy_wall = timed(lambda: deque(parser.nlp.pipe(chunks, batch_size=1),
                                                maxlen=0))
    events_cpu = 0.0
    for doc in parser.nlp.pipe(chunks, batch_size=1):
        doc._.published = PUBLISHED
        parser.toponym_stage(doc)
        events_cpu += timed(lambda doc=doc: parser.event_stage(doc))[0]
    return {"size": len(text), "spacy": spacy_cpu, "parse": parse_cpu, "events": events_cpu,
            "spacy_wall": spacy_wall, "parse_wall": parse_wall, "peak_mb": peak_kb / 1024,
            "toponyms": len(result["doc"].toponyms), "n_events": len(result["doc"].events)}


PATHOLOGICAL = {
    "run-on": "troops raided jenin and hebron and nablus near the market ",
    "name list": "Jenin, ",
    "sentence": "Israeli forces raided Jenin on Tuesday and killed two men. ",
    "one name": "Jenin ",
    "one word": "a",
}


def measure_pathological(kind: str, size: int) -> dict[str, float]:
    """CPU seconds of ``parse`` on ``size`` characters of the repeated ``kind`` text."""
    from geoevents.pipeline import parse

    unit = PATHOLOGICAL[kind]
    text = (unit * (size // len(unit) + 1))[:size]
    parse("Warm-up: gunmen attacked Kano on Monday.", published=PUBLISHED)
    cpu = time.process_time()
    document = parse(text, published=PUBLISHED)
    return {"size": len(text), "parse": time.process_time() - cpu,
            "toponyms": len(document.toponyms), "n_events": len(document.events)}


def pathological(sizes: list[int]) -> None:
    """Print ms per KB of each pathological text at each size (each in a fresh process)."""
    for kind in PATHOLOGICAL:
        for kb in sizes:
            out = subprocess.run([sys.executable, __file__, "--kind", kind, "--one",
                                  str(kb * 1000)], capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{kind:10s} {r['size'] / 1000:6.0f} KB  parse {r['parse']:7.2f} s "
                  f"({1000 * r['parse'] / (r['size'] / 1000):6.1f} ms/KB)  "
                  f"{r['toponyms']:,} toponyms, {r['n_events']:,} events", flush=True)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--sizes", default="10,50,100,200,1000",
                      help="Document sizes in KB, comma-separated.")
    args.add_argument("--pathological", action="store_true",
                      help="Time parse on pathological texts instead (see above).")
    args.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    args.add_argument("--kind", choices=PATHOLOGICAL, help=argparse.SUPPRESS)
    opts = args.parse_args()
    if opts.one:
        print(json.dumps(measure_pathological(opts.kind, opts.one) if opts.kind
                         else measure(opts.one)))
        return
    if opts.pathological:
        pathological([int(s) for s in opts.sizes.split(",")])
        return
    rows = []
    for kb in (int(s) for s in opts.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(kb * 1000)],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"{r['size'] / 1000:7.0f} KB  spacy {r['spacy']:7.1f} s  parse {r['parse']:7.1f} s"
              f" ({r['parse'] / r['spacy']:.2f}× spacy, {100_000 * r['parse'] / r['size']:.1f} s"
              f"/100 KB)  events {r['events']:6.2f} s  peak RSS {r['peak_mb']:6.0f} MB  "
              f"{r['toponyms']:,} toponyms, {r['n_events']:,} events", flush=True)
    for a, b in itertools.pairwise(rows):
        print(f"{b['size'] / 1000:.0f} KB ÷ {a['size'] / 1000:.0f} KB (size ×"
              f"{b['size'] / a['size']:.1f}): spacy ×{b['spacy'] / a['spacy']:.1f}, parse ×"
              f"{b['parse'] / a['parse']:.1f}, events ×{b['events'] / max(a['events'], 1e-9):.1f}")


if __name__ == "__main__":
    main()
