"""Train the event-type classifier shipped as ``geoevents/data/models/event_types.npz``.

Data: ``training/event_types/generated.tsv`` (templated, from ``generate.py``),
``training/event_types/handwritten.tsv`` (free sentences) and
``training/event_types/snippets.tsv`` (free multi-sentence news snippets), all written for
geoevents.
Nothing from ``../shared/eval`` is read, nor the validation files on which
``tune_combination.py`` chooses how the rules and the classifier combine.

Model: TF-IDF over :func:`geoevents.events.learned.features` (word 1–2-grams and
character 3–5-grams, sublinear tf, min_df=2) and a multinomial logistic regression fitted
on all rows. ``--members N`` fits N regressions over the same vocabulary instead, each on a
seeded bootstrap sample of the rows (``--subsample F``: a share F drawn without
replacement), whose probabilities the scorer averages: steadier across retrains, but lower
on every dev set when measured (``docs/history/events.md``, typing8), so not the default. The
fitted arrays are written with ``numpy.savez_compressed`` (no pickle), and
:class:`geoevents.events.learned.EventTypeModel` scores them with numpy alone.

``--compare`` first measures a few methods with the templated data for training and the
hand-written sentences as test set (a test of generalising beyond the templates). Needs
scikit-learn (the ``dev`` extra).

Usage: ``python training/train_event_types.py [--compare] [--limit N] [--members M]
[--seed S] [--subsample F] [-C C] [-o PATH]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "training" / "event_types"
OUTPUT = ROOT / "geoevents" / "data" / "models" / "event_types.npz"
HANDWRITTEN_WEIGHT = 3.0  # free sentences count more than one template filling
C = 10.0
MIN_DF = 2
SEED = 12
MEMBERS = 1  # one fit on all rows; more: bootstrap fits averaged (see the docstring)
# the free-written training files (sentences, snippets), in this order; the wire-style
# reports of heldout_reports.tsv are never trained on (evaluate_event_types.py)
FREE_FILES = ("handwritten.tsv", "snippets.tsv")


def read(path: Path) -> list[tuple[str, str]]:
    """(label, text) rows of a training TSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["label"], r["text"]) for r in csv.DictReader(fh, delimiter="\t")]


def load(limit: int | None = None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(generated, hand-written) rows, the hand-written ones being the free sentences and
    the snippets; ``limit`` keeps a random subset of each (for tests)."""
    generated = read(DATA / "generated.tsv")
    handwritten = [row for name in FREE_FILES for row in read(DATA / name)]
    if limit is not None:
        rng = random.Random(SEED)
        generated = rng.sample(generated, min(limit, len(generated)))
        handwritten = rng.sample(handwritten, min(limit, len(handwritten)))
    return generated, handwritten


def vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from geoevents.events.learned import features

    return TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=MIN_DF,
                           dtype=_float32())


def _float32():
    import numpy as np

    return np.float32


def fit(rows: list[tuple[str, str]], weights: list[float], c: float = C,
        members: int = MEMBERS, seed: int = SEED, subsample: float | None = None):
    """A fitted vectorizer and its list of logistic regressions: one on all rows when
    ``members`` is 1, else one per bootstrap sample (row ``i`` counted as often as it was
    drawn, times its weight) or, with ``subsample``, per share of the rows drawn without
    replacement; the vocabulary and idf come from all rows."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    vec = vectorizer()
    x = vec.fit_transform([t for _, t in rows])
    labels = np.array([label for label, _ in rows])
    base = np.asarray(weights, dtype=np.float64)
    rng = np.random.default_rng(seed)
    models = []
    for _ in range(members):
        if members == 1:
            sample = base
        elif subsample is None:  # bootstrap: n draws with replacement
            sample = base * np.bincount(rng.integers(0, len(rows), len(rows)),
                                        minlength=len(rows))
        else:  # a share of the rows without replacement
            sample = base * (rng.random(len(rows)) < subsample)
        keep = sample > 0
        clf = LogisticRegression(C=c, max_iter=2000)
        # one BLAS thread: sums in a fixed order, so two runs give the same coefficients
        with threadpool_limits(limits=1):
            clf.fit(x[keep], labels[keep], sample_weight=sample[keep])
        models.append(clf)
    return vec, models


def _methods():
    """Candidate methods: name -> (pipeline factory)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import ComplementNB
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    from geoevents.events.learned import features

    def words_only(text):
        return [f for f in features(text) if not f.startswith("c:")]

    return {
        "tfidf word+char, logistic regression (C=20)": lambda: make_pipeline(
            vectorizer(), LogisticRegression(C=20, max_iter=2000)),
        "tfidf word+char, logistic regression (C=10)": lambda: make_pipeline(
            vectorizer(), LogisticRegression(C=10, max_iter=2000)),
        "tfidf word+char, logistic regression (C=1)": lambda: make_pipeline(
            vectorizer(), LogisticRegression(C=1, max_iter=2000)),
        "tfidf words only, logistic regression (C=10)": lambda: make_pipeline(
            TfidfVectorizer(analyzer=words_only, sublinear_tf=True, min_df=MIN_DF),
            LogisticRegression(C=10, max_iter=2000)),
        "tfidf word+char, linear SVM": lambda: make_pipeline(vectorizer(), LinearSVC(C=0.5)),
        "tfidf word+char, complement naive Bayes": lambda: make_pipeline(
            vectorizer(), ComplementNB(alpha=0.3)),
    }


def compare(generated, handwritten) -> None:
    """Print each method's accuracy and macro F1 on the hand-written sentences when it is
    trained on the templated ones: how far it generalises beyond the templates."""
    from sklearn.metrics import f1_score

    gold = [label for label, _ in handwritten]
    for name, make in _methods().items():
        start = time.perf_counter()
        model = make().fit([t for _, t in generated], [label for label, _ in generated])
        predicted = model.predict([t for _, t in handwritten])
        accuracy = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(gold)
        macro = f1_score(gold, predicted, average="macro")
        print(f"{name:48s} hand-written accuracy {accuracy:.3f}  macro F1 {macro:.3f}  "
              f"({time.perf_counter() - start:.0f} s)", flush=True)


def save(vec, models, path: Path, n_rows: int, c: float = C, seed: int = SEED) -> None:
    """Write the fitted arrays (vocabulary in column order, idf, the members'
    coefficients side by side and their intercepts)."""
    import numpy as np

    vocabulary = vec.get_feature_names_out()
    classes = list(models[0].classes_)
    assert all(list(m.classes_) == classes for m in models)
    meta = {"about": "geoevents event-type classifier; see training/train_event_types.py",
            "features": "geoevents.events.learned.features", "sublinear_tf": True,
            "norm": "l2", "C": c, "min_df": MIN_DF, "training_rows": n_rows,
            "members": len(models), "bootstrap_seed": seed}
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path, labels=np.array(classes, dtype=str),
        vocabulary=np.array(vocabulary, dtype=str), idf=vec.idf_.astype(np.float32),
        coef=np.hstack([m.coef_.T for m in models]).astype(np.float16),
        intercept=np.concatenate([m.intercept_ for m in models]).astype(np.float32),
        meta=np.array(json.dumps(meta)))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", action="store_true", help="measure candidate methods first")
    ap.add_argument("--limit", type=int, help="train on a random subset (for tests)")
    ap.add_argument("--members", type=int, default=MEMBERS,
                    help="bootstrap fits averaged (1: one fit on all rows)")
    ap.add_argument("--seed", type=int, default=SEED, help="seed of the bootstrap samples")
    ap.add_argument("--subsample", type=float, help="share of rows per member, drawn "
                    "without replacement (default: a bootstrap sample)")
    ap.add_argument("-C", type=float, default=C, help="inverse L2 regularisation strength")
    ap.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    generated, handwritten = load(args.limit)
    if args.compare:
        compare(generated, handwritten)
    rows = generated + handwritten
    weights = [1.0] * len(generated) + [HANDWRITTEN_WEIGHT] * len(handwritten)
    vec, models = fit(rows, weights, c=args.C, members=args.members, seed=args.seed,
                         subsample=args.subsample)
    save(vec, models, args.output, len(rows), c=args.C, seed=args.seed)
    print(f"{len(rows)} rows, {len(models[0].classes_)} classes, "
          f"{len(vec.get_feature_names_out())} features, {len(models)} member(s) "
          f"→ {args.output}")


if __name__ == "__main__":
    main()
