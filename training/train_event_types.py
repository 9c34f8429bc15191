"""Train the event-type classifier shipped as ``geoevents/data/models/event_types.npz``.

Data: ``training/event_types/generated.tsv`` (templated, from ``generate.py``),
``training/event_types/handwritten.tsv`` (free sentences) and
``training/event_types/snippets.tsv`` (free multi-sentence news snippets), all written for
geoevents.
Nothing from ``../shared/eval`` is read.

Model: TF-IDF over :func:`geoevents.events.learned.features` (word 1–2-grams and
character 3–5-grams, sublinear tf, min_df=2) and a multinomial logistic regression. The
fitted arrays are written with ``numpy.savez_compressed`` (no pickle), and
:class:`geoevents.events.learned.EventTypeModel` scores them with numpy alone.

``--compare`` first measures a few methods with the templated data for training and the
hand-written sentences as test set (a test of generalising beyond the templates). Needs
scikit-learn (the ``dev`` extra).

Usage: ``python training/train_event_types.py [--compare] [--limit N] [-o PATH]``.
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


def fit(rows: list[tuple[str, str]], weights: list[float], c: float = C):
    """A fitted (vectorizer, logistic regression) pair."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    vec = vectorizer()
    x = vec.fit_transform([t for _, t in rows])
    clf = LogisticRegression(C=c, max_iter=2000)
    # one BLAS thread: sums in a fixed order, so two runs give the same coefficients
    with threadpool_limits(limits=1):
        clf.fit(x, [label for label, _ in rows], sample_weight=weights)
    return vec, clf


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


def save(vec, clf, path: Path, n_rows: int) -> None:
    """Write the fitted arrays (vocabulary in column order, idf, coefficients)."""
    import numpy as np

    vocabulary = vec.get_feature_names_out()
    meta = {"about": "geoevents event-type classifier; see training/train_event_types.py",
            "features": "geoevents.events.learned.features", "sublinear_tf": True,
            "norm": "l2", "C": C, "min_df": MIN_DF, "training_rows": n_rows}
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path, labels=np.array(clf.classes_, dtype=str),
        vocabulary=np.array(vocabulary, dtype=str), idf=vec.idf_.astype(np.float32),
        coef=clf.coef_.T.astype(np.float16), intercept=clf.intercept_.astype(np.float32),
        meta=np.array(json.dumps(meta)))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", action="store_true", help="measure candidate methods first")
    ap.add_argument("--limit", type=int, help="train on a random subset (for tests)")
    ap.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    generated, handwritten = load(args.limit)
    if args.compare:
        compare(generated, handwritten)
    rows = generated + handwritten
    weights = [1.0] * len(generated) + [HANDWRITTEN_WEIGHT] * len(handwritten)
    vec, clf = fit(rows, weights)
    save(vec, clf, args.output, len(rows))
    print(f"{len(rows)} rows, {len(clf.classes_)} classes, "
          f"{len(vec.get_feature_names_out())} features → {args.output}")


if __name__ == "__main__":
    main()
