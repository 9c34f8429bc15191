"""Two of spaCy's rule components, made cheaper with the same annotations.

The English models' ``attribute_ruler`` (179 Matcher patterns mapping fine tags to
coarse tags and morphology, plus a few word exceptions) costs about as much as the
dependency parser: spaCy's ``Matcher`` tries every pattern at every token, evaluating
the ``IN``/``NOT_IN``/``REGEX`` conditions in Python, about 2.5 ms for a news paragraph
of 80 words. Yet which single-token patterns match a token depends only on the token's
values of the few attributes the patterns read (the tag, the lower-case form, the
dependency label, ...), and the same values recur in every document.
:class:`FastAttributeRuler` therefore keeps, for each combination of those values, the
patterns spaCy's own ``Matcher`` matched on a token that had it (the Matcher runs only
on a one-token span when a combination is new), finds the patterns of several tokens
(fixed length, no operators) from their tokens' conditions, and assigns the matches'
attributes in spaCy's order with spaCy's ``set_token_attrs``.

The ``lemmatizer`` walks the document in Python, building a ``Token`` and looking up its
lemma for every word; :class:`FastLemmatizer` reads the words' forms, parts of speech
and morphology as columns, asks the lemmatizer only once per combination of the three
(which is all that its rule and lookup modes read) and writes the lemmas back as one
column.

:func:`install` switches the two components of a pipeline to these classes (subclasses
of spaCy's: their patterns, tables, settings and serialisation stay spaCy's); a pipeline
whose components are of other classes, or whose patterns use operators or extension
attributes, keeps spaCy's code. Documents get the same tokens' attributes either way
(``tests/test_fastpipes.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["FastAttributeRuler", "FastLemmatizer", "install"]

# a memo is cleared when it holds this many combinations (~300 bytes each; the 400
# benchmark documents, 33,000 tokens, give 8,730 to the ruler): memory stays bounded in a
# long-running server, and filling it again costs a fraction of a second
MAX_MEMO = 50_000

# what the patterns say of a token with given attribute values: the one-token patterns it
# matches, the tokens of longer patterns it matches, those of them that start a pattern
_State = tuple[tuple[int, ...], frozenset[int], tuple[int, ...]]


class _Compiled:
    """An attribute ruler's patterns, ready for matching token by token.

    ``attrs`` are the attribute ids the patterns read; ``matcher`` holds every one-token
    pattern under its pattern's number + 1, and each token of a longer pattern as a
    pattern of its own (labelled from ``patterns`` + 1 on); ``longer`` lists the longer
    patterns as (pattern number, labels of its tokens, index of the token that gets the
    attributes).
    """

    def __init__(self, ruler: AttributeRuler, attrs: list[int]) -> None:
        self.attrs: list[int | str] = list(attrs)
        self.matcher = Matcher(ruler.vocab)
        self.patterns = len(ruler.attrs)
        # the longer patterns by the label of their first token
        self.longer: dict[int, list[tuple[int, tuple[int, ...], int]]] = {}
        self.memo: dict[tuple[int, ...], _State] = {}
        self.states: dict[_State, _State] = {}  # one object per distinct state (few)
        label = self.patterns
        for number in range(self.patterns):
            for pattern in ruler.matcher.get(str(number))[1]:
                if len(pattern) == 1:
                    self.matcher.add(number + 1, [pattern])
                    continue
                labels = []
                for spec in pattern:
                    label += 1
                    labels.append(label)
                    self.matcher.add(label, [[spec]])
                self.longer.setdefault(labels[0], []).append(
                    (number, tuple(labels), ruler.indices[number] % len(pattern)))

    def matched(self, doc: Doc, i: int, key: tuple[int, ...]) -> _State:
        """The one-token patterns matching token ``i`` (whose attribute values are
        ``key``), the tokens of longer patterns it matches, and those of them that start
        a pattern, from spaCy's Matcher."""
        if len(self.memo) >= MAX_MEMO:
            self.memo.clear()
            self.states.clear()
        found = {label for label, _, _ in
                 self.matcher(doc[i:i + 1], allow_missing=True, as_spans=False)}
        value = (tuple(sorted(label - 1 for label in found if label <= self.patterns)),
                 frozenset(label for label in found if label > self.patterns),
                 tuple(sorted(label for label in found if label in self.longer)))
        value = self.memo[key] = self.states.setdefault(value, value)
        return value


def _compile(ruler: AttributeRuler) -> _Compiled | None:
    """The ruler's patterns compiled (see :class:`_Compiled`), or None when a pattern uses
    what this matching does not reproduce: operators (variable length), extension
    attributes, an unknown attribute, or a target index outside the pattern."""
    attrs: list[int] = []
    for number in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(number))[1]:
            if not -len(pattern) <= ruler.indices[number] < len(pattern):
                return None
            for spec in pattern:
                for name in spec:
                    if not isinstance(name, str):
                        return None
                    upper = {"TEXT": "ORTH", "IS_SENT_START": "SENT_START"}.get(
                        name.upper(), name.upper())
                    attr = IDS.get(upper)
                    if upper in ("_", "OP") or attr is None:
                        return None
                    if attr not in attrs:
                        attrs.append(attr)
    return _Compiled(ruler, attrs)


class FastAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` assigning the same attributes in a fraction of the time
    (see the module docstring); patterns it cannot match this way go to spaCy's code."""

    _compiled: _Compiled | None
    _compiled_for: tuple[Any, ...] | None = None

    def __call__(self, doc: Doc) -> Doc:
        compiled = self._current()
        if compiled is None or not len(doc):
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            tokens = list(doc)
            for number, _, _, target in self._matches(doc, compiled):
                set_token_attrs(tokens[target], self.attrs[number])
            return doc
        except Exception as e:  # (as spaCy's own component)
            return error_handler(self.name, self, [doc], e)

    def _current(self) -> _Compiled | None:
        """The compiled patterns, compiled again when patterns were added or cleared."""
        state = (self.matcher, len(self.attrs), len(self.matcher))
        if self._compiled_for != state:
            self._compiled = _compile(self)
            self._compiled_for = state
        return self._compiled

    def _matches(self, doc: Doc, compiled: _Compiled) -> list[tuple[int, int, int, int]]:
        """``(pattern, start, end, target token)`` of every match, in the order spaCy's
        ruler assigns them (by pattern, then position)."""
        memo = compiled.memo
        rows = doc.to_array(compiled.attrs).tolist()
        states = []
        starts = []
        matches = []
        for i, row in enumerate(rows):
            key = tuple(row)
            state = memo.get(key)
            if state is None:
                state = compiled.matched(doc, i, key)
            states.append(state[1])
            for number in state[0]:
                matches.append((number, i, i + 1, i))
            if state[2]:
                starts.append((i, state[2]))
        n = len(rows)
        for start, firsts in starts:
            for first in firsts:
                for number, labels, index in compiled.longer[first]:
                    end = start + len(labels)
                    if end <= n and all(label in states[start + k]
                                        for k, label in enumerate(labels[1:], 1)):
                        matches.append((number, start, end, start + index))
        matches.sort()
        return matches


class FastLemmatizer(EnglishLemmatizer):
    """spaCy's English ``Lemmatizer`` asking for each combination of word, part of speech
    and morphology once (see the module docstring); other modes go to spaCy's code."""

    _memo: dict[tuple[int, int, int], str]
    _memo_for: tuple[Any, ...] = ()

    def __call__(self, doc: Doc) -> Doc:
        if self.mode not in ("rule", "lookup") or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self._assign(doc)
            return doc
        except Exception as e:  # (as spaCy's own component)
            error_handler(self.name, self, [doc], e)
            return doc

    def _assign(self, doc: Doc) -> None:
        held = self._memo_for  # (a memo made for other settings or tables is dropped)
        if not held or held[0] != self.mode or held[1] is not self.lookups or \
                held[2] is not self.cache:
            self._memo, self._memo_for = {}, (self.mode, self.lookups, self.cache)
        memo = self._memo
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3]
        add = doc.vocab.strings.add
        tokens: list | None = None
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            text = memo.get(key)
            if text is None:
                if len(memo) >= MAX_MEMO:
                    memo.clear()
                tokens = tokens or list(doc)
                text = memo[key] = self.lemmatize(tokens[i])[0]
            lemmas[i] = add(text)
            changed = True
        if changed:
            column: Any = np.ascontiguousarray(lemmas, dtype=np.uint64)
            doc.from_array([LEMMA], column)


def _swap(component: object, exact: type, fast: type) -> bool:
    """Make ``component`` (of class ``exact`` exactly) an instance of ``fast``."""
    if type(component) is exact:
        component.__class__ = fast
        return True
    return False


def install(nlp: Language) -> Language:
    """``nlp`` with its ``attribute_ruler`` and ``lemmatizer`` (when they are spaCy's
    own classes) switched to :class:`FastAttributeRuler` and :class:`FastLemmatizer`."""
    for _, component in nlp.pipeline:
        _swap(component, AttributeRuler, FastAttributeRuler) or \
            _swap(component, EnglishLemmatizer, FastLemmatizer)
    return nlp


