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
per-label figures under ``--per-label``. ``--disagreements`` counts the texts on which the
pipeline and the classifier alone disagree by who is right (the pipeline, the model or
neither), apart for a disagreement inside one event type (Protests, Battles, ...) and
across types, and by the model's probability: which decisions the rules take that the
model alone would get right.

Usage: ``python training/evaluate_event_types.py [--limit N] [--per-label]
[--disagreements] [PATH ...]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
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
    pipeline, alone, sure = [], [], []
    for _, text in rows:
        event = main_event(geoevents.parse(text).events)
        pipeline.append("No event" if event is None else event.sub_event_type)
        prediction = model.predict(text)
        alone.append(prediction.label)
        sure.append(prediction.probability)
    reports = {"pipeline": classification_report(gold, pipeline),
               "model": classification_report(gold, alone)}
    reports["pipeline"]["predictions"] = pipeline
    reports["model"]["predictions"] = alone
    reports["model"]["probabilities"] = sure
    return reports


SURE = 0.5  # the model's probability that splits the disagreements in two


def disagreements(gold: list[str], pipeline: list[str], alone: list[str],
                  sure: list[float]) -> Counter[tuple[str, str, str]]:
    """Texts on which the pipeline and the model alone disagree, counted by (``within``
    one event type or ``across`` types — a ``No event`` on either side is across —, the
    model's probability below or from :data:`SURE`, who is right: ``pipeline``, ``model``
    or ``neither``)."""
    from geoevents.events.learned import NO_EVENT
    from geoevents.events.ontology import load_ontology

    onto = load_ontology()

    def family(label: str) -> str:
        return NO_EVENT if label == NO_EVENT else onto.event_type_of(label)

    counts: Counter[tuple[str, str, str]] = Counter()
    for g, p, m, q in zip(gold, pipeline, alone, sure, strict=True):
        if p == m:
            continue
        kind = "within" if family(p) == family(m) != NO_EVENT else "across"
        band = f"p>={SURE}" if q >= SURE else f"p<{SURE}"
        counts[kind, band, "pipeline" if p == g else "model" if m == g else "neither"] += 1
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[HELDOUT],
                    help="TSV files (label, text), scored together")
    ap.add_argument("--limit", type=int, help="a random subset of N rows (for tests)")
    ap.add_argument("--per-label", action="store_true", help="print per-label F1")
    ap.add_argument("--disagreements", action="store_true",
                    help="count who is right where the pipeline and the model disagree")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    rows = [row for path in args.paths for row in read(path)]
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
    if args.disagreements:
        counts = disagreements([label for label, _ in rows], reports["pipeline"]["predictions"],
                               reports["model"]["predictions"],
                               reports["model"]["probabilities"])
        print(f"{'disagreement':24s} pipeline right  model right  neither")
        for kind in ("within", "across"):
            for band in (f"p<{SURE}", f"p>={SURE}"):
                print(f"{kind + ' type, ' + band:24s} {counts[kind, band, 'pipeline']:14d} "
                      f"{counts[kind, band, 'model']:12d} {counts[kind, band, 'neither']:8d}")


if __name__ == "__main__":
    main()
