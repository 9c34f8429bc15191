"""Choose the constants that combine the typing rules with the classifier on our own
validation set.

The rules and the learned classifier are combined by a handful of constants
(``classify.combine``'s floors, the rules' weight, the weight of the text's reading in the
choice of the main event, the learned trigger's thresholds). They are chosen here on the
validation files of ``training/event_types/`` — snippets written for geoevents that no model
is trained on (:data:`VALIDATION`, CC0 like the rest of the folder) — and never on
``../shared/eval``, whose CASE file stays a test.

Each text is parsed once; for each candidate value the event stage runs again on the parsed
documents and the main event's type is scored (accuracy, then weighted F1, pooled over the
files). The constants are swept one at a time from the shipped values, in
:data:`GRID`'s order, for ``--passes`` rounds; a value replaces the current one only when it
gets at least ``--margin`` more texts right, so ties and one-text wobbles keep what is
shipped. The script prints each sweep and the chosen values; it changes no file.

The score is one label per text, the type of its main event: it cannot see an event too
many. A constant that lets the classifier make events the rules reject (``MODEL_ALONE``,
``NO_EVENT_DROPS``, the learned trigger's thresholds) must also hold on the golden tune
parts (``geoevents eval golden``), which count false events, before it is changed.

Usage: ``python training/tune_combination.py [--passes N] [--margin M] [--limit N]
[PATH ...]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "training" / "event_types"
# the files no model is trained on (training/event_types/README.md)
VALIDATION = ("heldout_reports.tsv", "wire_snippets.tsv", "protest_outcomes.tsv",
              "varied.tsv", "varied2.tsv", "confusable.tsv", "crime_and_policing.tsv",
              "wire_types.tsv", "contrasts.tsv")
SEED = 12

# (module, constant) -> candidate values, swept in this order
GRID: dict[tuple[str, str], tuple[float, ...]] = {
    ("classify", "RULE_WEIGHT"): (0.4, 0.6, 0.8),
    ("classify", "MODEL_OVERRULES"): (0.3, 0.4, 0.5, 0.6, 0.65),
    ("classify", "MODEL_ALONE"): (0.2, 0.3, 0.4, 0.5, 0.6),
    ("classify", "MODEL_ALONE_GENERIC"): (0.2, 0.3, 0.4, 0.5),
    ("classify", "MODEL_KEEPS_OUTCOME"): (0.5, 0.7, 0.9),
    ("classify", "NO_EVENT_DROPS"): (0.6, 0.75, 0.85, 0.95),
    ("classify", "NO_EVENT_DROPS_WORDS"): (0.4, 0.6, 0.8),
    ("classify", "TEXT_WEIGHT"): (0.4, 0.8, 1.2, 1.6),
    ("triggers", "LEARNED_TRIGGER_EVENT"): (0.5, 0.6, 0.7, 0.8),
    ("triggers", "LEARNED_TRIGGER_TYPE"): (0.3, 0.4, 0.5),
}


def read(path: Path) -> list[tuple[str, str]]:
    """(label, text) rows of a TSV with the columns ``label`` and ``text``."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["label"], r["text"]) for r in csv.DictReader(fh, delimiter="\t")]


def scorer(texts: list[str]) -> Callable[[], list[str]]:
    """A function that types the main event of each text with the constants as they are
    now set (``No event`` when a text has none); the texts are parsed once."""
    from geoevents.events import learned
    from geoevents.events.classify import main_event
    from geoevents.pipeline import geoparser, make_item

    # every sentence's and text's reading kept: the sweep asks for them again and again
    learned.predict = lru_cache(maxsize=None)(learned.predict.__wrapped__)
    parser = geoparser()
    items = [make_item(text) for text in texts]  # the text prepared as parse() reads it
    docs = list(parser.docs([item.text for item in items], level="full"))
    for item, doc in zip(items, docs, strict=True):
        parser.document(doc, item)  # the toponyms, which no constant here changes

    def run() -> list[str]:
        labels = []
        for doc in docs:
            event = main_event(parser.event_stage(doc)._.events)
            labels.append("No event" if event is None else event.sub_event_type)
        return labels

    return run


def module(name: str):
    """The module that holds a constant of :data:`GRID`."""
    from geoevents.events import classify, triggers

    return {"classify": classify, "triggers": triggers}[name]


Score = tuple[int, float]  # texts right, weighted F1


def sweep(measure: Callable[[], Score], passes: int, margin: int) -> tuple[dict[str, float],
                                                                           Score]:
    """The constants of :data:`GRID` swept one at a time (see the module docstring) and
    the score they reach; the constants are left as they were."""
    shipped = {name: getattr(module(where), name) for where, name in GRID}
    best = measure()
    print(f"shipped constants: {best[0]} right, weighted F1 {best[1]:.4f}", flush=True)
    try:
        for _ in range(passes):
            for (where, name), values in GRID.items():
                mod = module(where)
                current = getattr(mod, name)
                scores = {current: best}
                for value in values:
                    if value != current:
                        setattr(mod, name, value)
                        scores[value] = measure()
                top = max(scores, key=scores.__getitem__)
                choice = top if scores[top][0] >= best[0] + margin else current
                setattr(mod, name, choice)
                best = scores[choice]
                print(f"{name:22s} " + "  ".join(f"{v}: {r} ({f:.4f})" for v, (r, f)
                                                 in sorted(scores.items()))
                      + f"  -> {choice}", flush=True)
        return {name: getattr(module(where), name) for where, name in GRID}, best
    finally:
        for (where, name), value in zip(GRID, shipped.values(), strict=True):
            setattr(module(where), name, value)


def main(argv: list[str] | None = None) -> dict[str, float]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[DATA / f for f in VALIDATION])
    ap.add_argument("--passes", type=int, default=1, help="rounds over the constants")
    ap.add_argument("--margin", type=int, default=3,
                    help="texts a value must gain over the current one to replace it")
    ap.add_argument("--limit", type=int, help="a random subset of N texts (for tests)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from geoevents.evaluation.events import classification_report

    rows = [row for path in args.paths for row in read(path)]
    if args.limit is not None:
        rows = random.Random(SEED).sample(rows, min(args.limit, len(rows)))
    gold = [label for label, _ in rows]
    run = scorer([text for _, text in rows])

    def measure() -> Score:
        report = classification_report(gold, run())
        return round(report["accuracy"] * len(gold)), report["weighted_f1"]

    print(f"{len(gold)} texts", flush=True)
    chosen, best = sweep(measure, args.passes, args.margin)
    print("chosen: " + ", ".join(f"{name} = {value}" for name, value in chosen.items()))
    print(f"{best[0]} of {len(gold)} right, weighted F1 {best[1]:.4f}")
    return chosen


if __name__ == "__main__":
    main()
