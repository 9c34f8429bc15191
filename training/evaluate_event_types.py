"""Event typing on wire-style reports that no model was trained on.

``training/event_types/heldout_reports.tsv`` holds ~520 news snippets (``label``, ``text``)
written for geoevents in the style of wire copy — datelines, attributions, photo captions,
a second sentence of context, passive voice, headlines, several regions — one or more per
sub-event type plus non-events. ``train_event_types.py`` never reads it, so it measures how
the typing generalises to text written apart from the training data, without touching
``../shared/eval``.

Two figures: the whole pipeline (``geoevents.parse`` then the text's main event, as for
CASE 2021; a text without events counts as ``No event``) and the learned classifier alone
(its most probable class for the whole text). Weighted and macro F1 over the labels, with
per-label figures under ``--per-label``.

Usage: ``python training/evaluate_event_types.py [--limit N] [--per-label] [PATH]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "training" / "event_types" / "heldout_reports.tsv"
SEED = 12


def read(path: Path) -> list[tuple[str, str]]:
    """(label, text) rows of a TSV with the columns ``label`` and ``text``."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["label"], r["text"]) for r in csv.DictReader(fh, delimiter="\t")]


def evaluate(rows: list[tuple[str, str]]) -> dict[str, dict]:
    """Classification reports of the pipeline and of the model alone on ``rows``."""
    import geoevents
    from geoevents.evaluation.events import classification_report
    from geoevents.events.classify import main_event
    from geoevents.events.learned import load_model

    model = load_model()
    gold = [label for label, _ in rows]
    pipeline, alone = [], []
    for _, text in rows:
        event = main_event(geoevents.parse(text).events)
        pipeline.append("No event" if event is None else event.sub_event_type)
        alone.append(model.predict(text).label)
    return {"pipeline": classification_report(gold, pipeline),
            "model": classification_report(gold, alone)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=HELDOUT)
    ap.add_argument("--limit", type=int, help="a random subset of N rows (for tests)")
    ap.add_argument("--per-label", action="store_true", help="print per-label F1")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    rows = read(args.path)
    if args.limit is not None:
        rows = random.Random(SEED).sample(rows, min(args.limit, len(rows)))
    reports = evaluate(rows)
    for name, report in reports.items():
        print(f"{name:8s} {report['examples']} texts  weighted F1 {report['weighted_f1']:.3f}  "
              f"macro F1 {report['macro_f1']:.3f}  accuracy {report['accuracy']:.3f}")
    if args.per_label:
        per_model = reports["model"]["per_class"]
        print(f"{'label':40s} pipeline  model     n")
        for label, scores in reports["pipeline"]["per_class"].items():
            print(f"{label:40s} {scores['f1']:8.2f} {per_model[label]['f1']:6.2f} "
                  f"{scores['support']:5d}")


if __name__ == "__main__":
    main()
