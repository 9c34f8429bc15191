"""Training the resolver's ranker on a gold-annotated corpus of your own, reproducibly.

geoevents ships one ranker, ``hand-set`` (weights set by hand, not fitted to any corpus).
This module is for users who have their own gold-annotated corpus in the LGL or GeoVirus
XML format and want weights fitted to their kind of text; pass the file it writes to
``geoevents eval toponyms --ranker FILE``, ``Geoparser(ranker=Ranker.load(FILE))`` or the
spaCy component's ``ranker`` setting. It lives beside the evaluation, which reads the same
corpora, so that the resolver package (:mod:`geoevents.resolve`) depends on neither the
pipeline nor the evaluation.

The model is a conditional logit (softmax over each name's candidates) fitted by
full-batch gradient ascent, regularised towards the hand-set weights shipped in
``geoevents/data/rankers/hand-set.json`` (a Gaussian prior), so the same corpus and
gazetteer always give the same weights and features the corpus says little about keep
their hand-set value. Context features depend on the weights themselves (they use the
other names' probabilities), so training alternates a few times between computing
features with the current weights and refitting.

A candidate is right when it has the gold GeoNames id, or, for gold without an id, lies
within 161 km of the gold point. Report scores only on documents the ranker was *not*
trained on (hold out part of your corpus); the ranker file records the training corpus
and its SHA-256, and ``geoevents eval toponyms`` warns when they match.

    python -m geoevents.evaluation.train_ranker my-gold/train.xml -o my-ranker.json
    geoevents eval toponyms my-gold/held-out.xml --ranker my-ranker.json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from geoevents.evaluation.toponyms import sha256
from geoevents.resolve.features import FEATURES, HAND_SET, Ranker, feature_matrices

Example = tuple[np.ndarray, np.ndarray]  # candidate features, mask of right candidates
L2 = 0.02


def examples(path: str | Path, ranker: Ranker) -> list[Example]:
    """One example per gold toponym with a point and at least two candidates."""
    from geoevents.evaluation.toponyms import near_gold, read_corpus
    from geoevents.pipeline import geoparser

    parser = geoparser()
    articles = read_corpus(path)
    out: list[Example] = []
    docs = parser.docs((a.text for a in articles), level="tokens")
    for article, doc in zip(articles, docs, strict=True):
        gold = {(g.start, g.end): g for g in article.toponyms}
        mentions = parser.recogniser.given(doc, list(gold))
        groups, members = parser.resolver.groups(mentions, doc.text)
        matrices = feature_matrices(groups, ranker.rounds, ranker.weights)
        for group, mentions_of, matrix in zip(groups, members, matrices, strict=False):
            if len(group.candidates) < 2:
                continue
            for m in mentions_of:
                g = gold[(m.start, m.end)]
                if not g.has_point:
                    continue
                if g.geonameid is not None:
                    right = [c.place.geonameid == g.geonameid for c in group.candidates]
                else:
                    right = [near_gold(g, c.place) for c in group.candidates]
                if any(right) and not all(right):
                    out.append((matrix, np.array(right)))
    return out


def fit(data: list[Example], prior: np.ndarray, *, l2: float = L2, steps: int = 800,
        rate: float = 0.05) -> np.ndarray:
    """Maximise the mean log-probability of the right candidates minus an L2 penalty on
    the distance to the ``prior`` weights (Adam, full batch): where the corpus says little
    about a feature, its weight stays near the hand-set value."""
    x, right, starts, owner = _stack(data)
    w = prior.astype(float).copy()
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        p, q = _probabilities(x, right, starts, owner, w)
        grad = ((q - p) @ x) / len(data) - l2 * (w - prior)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w += rate * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def log_likelihood(data: list[Example], w: np.ndarray) -> float:
    """Mean log-probability of the right candidates."""
    x, right, starts, owner = _stack(data)
    s = x @ w
    s = s - np.maximum.reduceat(s, starts)[owner]
    e = np.exp(s)
    return float(np.mean(np.log(np.add.reduceat(e * right, starts))
                         - np.log(np.add.reduceat(e, starts))))


def _stack(data: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    x = np.concatenate([d[0] for d in data])
    right = np.concatenate([d[1] for d in data]).astype(float)
    sizes = np.array([len(d[1]) for d in data])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    owner = np.repeat(np.arange(len(data)), sizes)
    return x, right, starts, owner


def _probabilities(x: np.ndarray, right: np.ndarray, starts: np.ndarray, owner: np.ndarray,
                   w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Softmax over each example's candidates, and the same restricted to right ones."""
    s = x @ w
    e = np.exp(s - np.maximum.reduceat(s, starts)[owner])
    p = e / np.add.reduceat(e, starts)[owner]
    r = e * right
    q = r / np.add.reduceat(r, starts)[owner]
    return p, q


def train(path: str | Path, *, start: Ranker | None = None, iterations: int = 3,
          log: bool = True) -> Ranker:
    """A ranker trained on the corpus at ``path`` (LGL or GeoVirus format)."""
    prior = start or Ranker.load(HAND_SET)
    ranker = prior
    for it in range(iterations):
        data = examples(path, ranker)
        weights = fit(data, prior.weights)
        ranker = Ranker(weights, ranker.rounds, f"trained on {Path(path).name}",
                        Path(path).name, sha256(path))
        if log:
            print(f"iteration {it + 1}: {len(data)} examples, mean log-likelihood "
                  f"{log_likelihood(data, weights):.4f}", file=sys.stderr)
    return ranker


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="LGL- or GeoVirus-style XML corpus")
    parser.add_argument("-o", "--output", required=True, help="ranker JSON file to write")
    parser.add_argument("--iterations", type=int, default=3)
    args = parser.parse_args(argv)
    ranker = train(args.corpus, iterations=args.iterations)
    Path(args.output).write_text(ranker.to_json(), encoding="utf-8")
    weights = zip(FEATURES, ranker.weights, strict=True)
    print(" ".join(f"{f}={w:.2f}" for f, w in weights), file=sys.stderr)


if __name__ == "__main__":
    main()
