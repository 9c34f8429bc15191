"""CPU time of each geoevents stage per document, on documents spaCy has already parsed.

The documents of ``bench_events.py`` are parsed once (every component of the model);
then the recogniser, the resolver and the event stage run on each of them in turn,
each timed on its own, document by document. The first pass fills the caches
(gazetteer lookups, the event typing model's) and is not counted; the figure of each
stage is the best of the ``--repeat`` passes after it.

These figures do not contain spaCy's time, so they move much less with the machine's
load than the whole-pipeline ratio of ``bench_events.py``: to compare two versions of the
code, run this script for each at the same time, two processes started together (in
each checkout, ``PYTHONPATH=. python benchmarks/bench_stages.py &``), so that both meet
the same load; runs one after the other on a shared machine differ by 10–30 % for the
same code.

Usage: ``python benchmarks/bench_stages.py [--limit N] [--repeat R] [--eval DIR]``.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench_events import documents, options


def main() -> None:
    args = options(__doc__.splitlines()[0], limit=400, repeat=4)

    import geoevents
    from geoevents.nlp import doc_text
    from geoevents.pipeline import geoparser
    from geoevents.textprep import prepare

    parser = geoparser()
    texts = (prepare(text).text for text in documents(args.limit, args.eval))  # as parse
    docs = list(parser.docs(texts, level="full", batch_size=64))
    recogniser, resolver, event_stage = parser.recogniser, parser.resolver, parser.event_stage
    clock = time.process_time
    best = [float("inf")] * 3
    for n_pass in range(args.repeat + 1):
        spent = [0.0, 0.0, 0.0]
        for doc in docs:
            start = clock()
            mentions = recogniser(doc)
            recognised = clock()
            doc._.toponyms = resolver(mentions, doc_text(doc))
            resolved = clock()
            doc._.published = "2024-01-01"
            event_stage(doc)
            spent[0] += recognised - start
            spent[1] += resolved - recognised
            spent[2] += clock() - resolved
        if n_pass:  # the first pass fills the caches
            best = [min(b, s) for b, s in zip(best, spent, strict=True)]
    n = len(docs)
    ms = [1000 * b / n for b in best]
    print(f"code {Path(geoevents.__file__).parents[1]}, {n} documents, best of {args.repeat}")
    print(f"CPU ms per document: recogniser {ms[0]:.3f}, resolver {ms[1]:.3f}, "
          f"event stage {ms[2]:.3f}, together {sum(ms):.3f}")


if __name__ == "__main__":
    main()
