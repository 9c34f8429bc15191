"""Whether a loose candidate is the place a name means: the acceptance model.

A name the gazetteer does not hold exactly ("Sheikh Meskin", "Qunteitra", "Kwatas")
gets candidates from the looser lookup tiers: a transliteration key ("skeleton"), the
head of a longer name with generic words ("generic": "Incirlik" of "Incirlik Air Base")
or one or two edits ("fuzzy"). Some are other spellings of the intended place (Shaykh
Miskīn, Al Qunayţirah); others are unrelated places that happen to look alike (Quetta
for the Nigerian village Kwatas, Karachi for "Al-Qarassi"). A logistic model over how
alike the two names are as transliterations (:data:`FEATURES`: whole-name, skeleton and
consonant-frame similarity, first letter, length, word counts), how they matched, how
prominent the place is, how many equally similar places other countries have, and
whether the rest of the text points to its country or a neighbouring one gives
the probability that a loose candidate is right (gradient-boosted trees, evaluated here
with numpy). Candidates below the model's threshold are no candidates at all; the
others are ranked as usual and the mention's confidence is the ranker's probability
times this one. A loose candidate whose name holds other numbers ("Highway 11" for
"Highway 1") is never right.

The model is trained on data generated from the gazetteer itself
(``training/acceptance/generate.py``, ``make train-acceptance``): spelling variants of
real names as they are transliterated (positives: the place they were made from) and
names looked up with their own place removed from the index (negatives: what a wrong
look-alike hit is). Exact matches are not judged by it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from typing import TYPE_CHECKING

import numpy as np

from geoevents.gazetteer.names import consonant_key, core_words, skeleton

if TYPE_CHECKING:
    from geoevents.gazetteer.store import Gazetteer
    from geoevents.resolve.candidates import Candidate

LOOSE_MATCHES = frozenset({"skeleton", "generic", "fuzzy"})
FEATURES = (
    "bias", "core_ratio", "skeleton_ratio", "consonant_ratio", "same_consonants",
    "same_first", "key_length", "word_gap", "skeleton", "generic", "fuzzy", "primary",
    "importance", "log_population", "agree", "neighbour", "disagree", "rivals",
)
MODEL_FILE = "models/acceptance.json"
_DIGITS = re.compile(r"\d+")


def is_loose(candidate: Candidate) -> bool:
    """Whether a candidate matched its name only loosely (see the module docstring)."""
    return candidate.match in LOOSE_MATCHES


@cache
def _name_keys(name: str) -> tuple[str, str, str, int]:
    core = core_words(name)
    joined = " ".join(core)
    return joined, skeleton(joined), consonant_key(name), len(core)


def features(query: str, candidate: Candidate, context: Collection[str],
             rivals: int = 0, around: Collection[str] = ()) -> np.ndarray:
    """The feature vector (:data:`FEATURES`) of a loose candidate for name ``query``;
    ``context`` holds the country codes the rest of the text points to, ``around`` their
    neighbours (:func:`neighbours`), ``rivals`` is the number of plausible rivals in
    other countries (:func:`rivals`)."""
    from rapidfuzz import fuzz

    q_core, q_skel, q_cons, q_words = _name_keys(query)
    c_core, c_skel, c_cons, c_words = _name_keys(candidate.name or candidate.place.name)
    place = candidate.place
    agree = bool(place.country_code) and place.country_code in context
    neighbour = not agree and bool(place.country_code) and place.country_code in around
    return np.array([
        1.0,
        fuzz.ratio(q_core, c_core) / 100.0,
        fuzz.ratio(q_skel, c_skel) / 100.0,
        fuzz.ratio(q_cons, c_cons) / 100.0,
        float(q_cons == c_cons),
        float(q_skel[:1] == c_skel[:1]),
        min(len(q_skel), 12) / 12.0,
        float(min(abs(q_words - c_words), 2)),
        float(candidate.match == "skeleton"),
        float(candidate.match == "generic"),
        float(candidate.match == "fuzzy"),
        float(candidate.primary),
        float(place.importance),
        math.log10(1 + max(place.population, 0)) / 7.0,
        float(agree),
        float(neighbour),
        float(bool(context) and not agree and not neighbour),
        math.log1p(rivals),
    ])


def neighbours(gaz: Gazetteer) -> dict[str, frozenset[str]]:
    """Each country's neighbours: the countries it shares a land border with in the
    gazetteer (``ne:border:XX-YY`` lines)."""
    return _neighbours(gaz)


@cache
def _neighbours(gaz: Gazetteer) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for (pid,) in gaz._rows("SELECT id FROM places WHERE id > 'ne:border:' AND "
                            "id < 'ne:border:~'"):
        pair = pid.rsplit(":", 1)[-1].split("-")
        if len(pair) == 2 and all(len(c) == 2 for c in pair):
            found.setdefault(pair[0], set()).add(pair[1])
            found.setdefault(pair[1], set()).add(pair[0])
    return {k: frozenset(v) for k, v in found.items()}


@dataclass(frozen=True)
class _Forest:
    """The trees of the model as padded arrays (tree x node), walked level by level for
    all trees at once; a leaf's children are the leaf itself."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int

    @classmethod
    def of(cls, trees: list[dict]) -> _Forest:
        width = max(len(t["feature"]) for t in trees)
        shape = (len(trees), width)
        feature, left, right = (np.zeros(shape, int) for _ in range(3))
        threshold, value = np.zeros(shape), np.zeros(shape)
        for i, t in enumerate(trees):
            n = len(t["feature"])
            leaf = np.array(t["feature"]) < 0
            own = np.arange(n)
            feature[i, :n] = np.where(leaf, 0, t["feature"])
            threshold[i, :n] = t["threshold"]
            left[i, :n] = np.where(leaf, own, t["left"])
            right[i, :n] = np.where(leaf, own, t["right"])
            value[i, :n] = t["value"]
        return cls(feature, threshold, left, right, value, _depth(trees))

    def leaves(self, x: np.ndarray) -> list[float]:
        """The value of the leaf each tree gives ``x``, in tree order."""
        return self.leaves_of(x[None, :])[0]

    @cached_property
    def _flat(self) -> tuple[np.ndarray, ...]:
        """Each tree's root, and the features, thresholds and children of every node, as
        indexes into the flattened arrays (made once: the model is asked per document)."""
        trees, width = self.feature.shape
        first = np.arange(trees) * width  # each tree's root in the flattened arrays
        return (first, self.feature.ravel(), self.threshold.ravel(),
                (self.left + first[:, None]).ravel(), (self.right + first[:, None]).ravel())

    def leaves_of(self, xs: np.ndarray) -> list[list[float]]:
        """:meth:`leaves` of each row of ``xs`` (one walk for all rows and trees; nodes
        are indexes into the flattened arrays, which ``take`` reads faster than an index
        pair)."""
        first, feature, threshold, left, right = self._flat
        node = np.broadcast_to(first, (len(xs), len(first)))  # (each row at the roots)
        offsets = np.arange(len(xs))[:, None] * xs.shape[1]  # each sample's row in xs
        for _ in range(self.depth):
            go_left = xs.take(feature.take(node) + offsets) <= threshold.take(node)
            node = np.where(go_left, left.take(node), right.take(node))
        return self.value.ravel().take(node).tolist()


def _depth(trees: list[dict]) -> int:
    """The number of levels below the root of the deepest tree."""
    def below(t: dict, node: int) -> int:
        if t["feature"][node] < 0:
            return 0
        return 1 + max(below(t, t["left"][node]), below(t, t["right"][node]))

    return max(below(t, 0) for t in trees)


@dataclass(frozen=True)
class AcceptanceModel:
    """Gradient-boosted regression trees over :data:`FEATURES` (log-odds), and how they
    were trained (``about``)."""

    base: float
    learning_rate: float
    trees: _Forest
    threshold: float
    about: dict

    @classmethod
    def load(cls) -> AcceptanceModel:
        """The model shipped in ``geoevents/data/models/acceptance.json``."""
        return _shipped()

    def scores(self, xs: np.ndarray) -> list[float]:
        """P(right) of each row of ``xs``."""
        return [1.0 / (1.0 + math.exp(-(self.base + self.learning_rate * sum(leaves))))
                for leaves in self.trees.leaves_of(xs)]

    def probability(self, query: str, candidates: list[Candidate],
                    context: Collection[str], around: Collection[str] = ()) -> np.ndarray:
        """P(right) of each candidate: 1 for exact matches, the model's for loose ones
        (``context``: the countries the rest of the text points to; ``around``: their
        neighbours)."""
        out = np.ones(len(candidates))
        loose = [i for i, cand in enumerate(candidates) if is_loose(cand)]
        if not loose:
            return out
        counts = rival_counts(query, candidates)
        scored: list[int] = []
        rows: list[np.ndarray] = []
        for i in loose:
            cand = candidates[i]
            if same_numbers(query, cand.name or cand.place.name):
                scored.append(i)
                rows.append(features(query, cand, context, counts[i], around))
            else:
                out[i] = 0.0
        if rows:
            out[scored] = self.scores(np.array(rows))
        return out


def rivals(query: str, candidate: Candidate, candidates: list[Candidate]) -> int:
    """How many other loose candidates of the name, in other countries, are spelled at
    least as much like it (consonant frame) as ``candidate``."""
    return rival_counts(query, [candidate, *candidates])[0]


def rival_counts(query: str, candidates: list[Candidate]) -> list[int]:
    """:func:`rivals` of each of ``candidates`` among them, from one fuzzy ratio per
    candidate."""
    from rapidfuzz import fuzz

    cons = _name_keys(query)[2]
    ratios = [fuzz.ratio(cons, _name_keys(c.name or c.place.name)[2]) for c in candidates]
    loose = [(c.place.country_code, ratio) for c, ratio in zip(candidates, ratios, strict=True)
             if is_loose(c)]
    return [sum(1 for country, ratio in loose
                if country != c.place.country_code and ratio >= own - 2)
            for c, own in zip(candidates, ratios, strict=True)]


def same_numbers(query: str, name: str) -> bool:
    """Whether two names hold the same numbers ("Highway 1" is not "Highway 11")."""
    return _DIGITS.findall(query) == _DIGITS.findall(name)


@cache
def _shipped() -> AcceptanceModel:
    data = json.loads(files("geoevents.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE} was trained on other features; retrain it with "
                         f"'make train-acceptance'")
    trees = _Forest.of(data["trees"])
    about = {k: v for k, v in data.items() if k not in ("trees", "features")}
    return AcceptanceModel(float(data["base"]), float(data["learning_rate"]), trees,
                           float(data["threshold"]), about)
