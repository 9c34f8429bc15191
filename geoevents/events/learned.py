"""The learned event-type classifier: sub-event type and "is this a reportable event".

A multinomial logistic regression over TF-IDF word (1–2) and character (3–5, within
words) n-grams, trained by ``training/train_event_types.py`` on sentences written for
geoevents (``training/event_types/``). One of its classes, :data:`NO_EVENT`, holds the
sentences that look like events and are not (sports, metaphors, agencies named like
events, planned or negated events, background history), so the probability of the other
classes is the probability that a sentence reports an event.

A model file may also hold a bagged ensemble (``train_event_types.py --members N``):
several regressions over one vocabulary, each fitted on a bootstrap sample of the rows,
whose softmax probabilities are averaged. The shipped model is one fit on all rows (the
ensembles measured were steadier but scored lower: ``docs/history/events.md``, typing8).

The model ships as ``geoevents/data/models/event_types.npz``: plain arrays (labels,
feature strings, idf weights, the members' coefficients side by side, their intercepts)
read with ``allow_pickle=False`` and scored with numpy, so neither scikit-learn nor pickle
is needed at run time. It is loaded once per process, on first use.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

NO_EVENT = "No event"
MODEL_FILE = "models/event_types.npz"  # inside the geoevents.data package

_WORD = re.compile(r"[a-z0-9]+")
_DIGITS = re.compile(r"[0-9]+")
CHAR_NGRAMS = (3, 5)


def _words(text: str) -> list[str]:
    return [_DIGITS.sub("0", w) for w in _WORD.findall(text.lower())]


def _char_ngrams(word: str) -> list[str]:
    low, high = CHAR_NGRAMS
    padded = f" {word} "
    return [f"c:{padded[i:i + n]}" for n in range(low, min(high, len(padded)) + 1)
            for i in range(len(padded) - n + 1)]


def features(text: str) -> list[str]:
    """The n-gram features of a text: words and word pairs (numbers as ``0``) and the
    character 3- to 5-grams of each word padded with spaces.

    Training and prediction share this function, so the shipped model and the code that
    scores it cannot drift apart.
    """
    words = _words(text)
    out = [f"w:{w}" for w in words]
    out.extend(f"b:{a} {b}" for a, b in pairwise(words))
    for w in dict.fromkeys(words):  # first-seen order: the same on every run
        out.extend(_char_ngrams(w))
    return out


@dataclass(frozen=True)
class Prediction:
    """The model's reading of a text."""

    label: str  # the most probable class (a sub-event type or NO_EVENT)
    probability: float  # of ``label``
    event_probability: float  # 1 - P(NO_EVENT): the text reports an event
    best_event: str  # the most probable sub-event type
    best_event_probability: float
    probabilities: dict[str, float]

    def describe(self) -> str:
        """A short human-readable account for an event's ``reason``."""
        if self.label == NO_EVENT:
            return (f"model: no event (p={self.probability:.2f}; best type "
                    f"{self.best_event!r} p={self.best_event_probability:.2f})")
        return f"model: {self.label!r} (p={self.probability:.2f})"


class EventTypeModel:
    """Scores texts with the shipped coefficients (see the module docstring).

    ``coef`` is (features, members × classes) and ``intercept`` (members × classes): the
    columns of member ``m`` are ``m * len(labels)`` to ``(m + 1) * len(labels)``.
    """

    def __init__(self, labels: list[str], vocabulary: list[str], idf: np.ndarray,
                 coef: np.ndarray, intercept: np.ndarray, meta: dict) -> None:
        self.labels = labels
        self.index = {f: i for i, f in enumerate(vocabulary)}
        self.idf = idf
        self.coef = coef
        self.intercept = intercept
        self.meta = meta
        self.members = intercept.size // len(labels)
        self._word_cache: dict[str, tuple[int | None, tuple[int, ...]]] = {}

    @classmethod
    def load(cls, path=None) -> EventTypeModel:
        """The model in ``path`` (default: the one shipped with geoevents)."""
        import numpy as np

        source = path if path is not None else files("geoevents.data").joinpath(MODEL_FILE)
        with source.open("rb") as fh, np.load(fh, allow_pickle=False) as data:
            return cls(labels=[str(x) for x in data["labels"]],
                       vocabulary=[str(x) for x in data["vocabulary"]],
                       idf=data["idf"].astype(np.float32),
                       coef=data["coef"].astype(np.float32),
                       intercept=data["intercept"].astype(np.float32),
                       meta=json.loads(str(data["meta"])))

    _WORD_CACHE = 200_000  # words whose feature ids are kept

    def feature_ids(self, text: str) -> Counter[int]:
        """Counts of the vocabulary ids of :func:`features` (the same multiset, computed
        word by word with each word's ids cached)."""
        words = _words(text)
        counts: Counter[int] = Counter()
        for word, n in Counter(words).items():
            own, chars = self._word_ids(word)
            if own is not None:
                counts[own] += n
            counts.update(chars)
        index = self.index
        for a, b in pairwise(words):
            i = index.get(f"b:{a} {b}")
            if i is not None:
                counts[i] += 1
        return counts

    def _word_ids(self, word: str) -> tuple[int | None, tuple[int, ...]]:
        ids = self._word_cache.get(word)
        if ids is None:
            if len(self._word_cache) >= self._WORD_CACHE:
                self._word_cache.clear()
            index = self.index
            ids = (index.get(f"w:{word}"),
                   tuple(index[f] for f in _char_ngrams(word) if f in index))
            self._word_cache[word] = ids
        return ids

    def probabilities(self, text: str) -> dict[str, float]:
        """P(class | text) for every class: the mean of the members' softmax."""
        import numpy as np

        counts = self.feature_ids(text)
        logits = self.intercept.astype(np.float64)
        if counts:
            n = len(counts)
            idx = np.fromiter(counts.keys(), dtype=np.intp, count=n)
            x = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=n))) \
                * self.idf[idx]
            x /= np.sqrt(x @ x)
            logits = logits + x @ self.coef[idx]
        logits = logits.reshape(self.members, len(self.labels))
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        return dict(zip(self.labels, p.mean(axis=0).tolist(), strict=True))

    def word_weight(self, word: str, label: str) -> float:
        """How much the single word ``word`` (lower case) speaks for ``label``."""
        i = self.index.get(f"w:{_DIGITS.sub('0', word)}")
        if i is None:
            return 0.0
        k = len(self.labels)
        column = self.labels.index(label)
        return float(self.coef[i, column::k].mean() * self.idf[i])

    def predict(self, text: str) -> Prediction:
        """The most probable class of ``text`` and the probability of an event."""
        probs = self.probabilities(text)
        label = max(probs, key=probs.__getitem__)
        events = {k: v for k, v in probs.items() if k != NO_EVENT}
        best = max(events, key=events.__getitem__)
        return Prediction(label=label, probability=probs[label],
                          event_probability=1.0 - probs[NO_EVENT], best_event=best,
                          best_event_probability=events[best], probabilities=probs)


@lru_cache(maxsize=1)
def load_model() -> EventTypeModel:
    """The shipped model, loaded once per process."""
    return EventTypeModel.load()


@lru_cache(maxsize=4096)
def predict(text: str) -> Prediction:
    """The shipped model's prediction for ``text`` (cached: triggers of one sentence
    share it)."""
    return load_model().predict(text)


def is_reportable(text: str, threshold: float = 0.5) -> tuple[bool, float]:
    """Whether ``text`` reports an event at all (sports, metaphors, agencies named like
    events, planned, negated and historical events do not), and the model's probability."""
    p = predict(text).event_probability
    return p >= threshold, p
