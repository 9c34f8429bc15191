"""The tokens of a parsed document as plain Python objects, for the event stage.

The event rules walk the dependency tree many times per trigger (heads, children,
subtrees) and read each token's forms and labels again and again. A spaCy ``Token`` builds
a new object for every ``.head`` and child and looks each label up in the string store on
every read (0.2–1 µs each). :class:`Word` holds the same values as plain attributes, read
once per document from ``Doc.to_array``; :func:`doc_words` gives the words of a document
(one object per token, so ``==``, hashing and ``is`` behave as for the document's tokens),
and :func:`word` the word of a spaCy token. The names and behaviour of the attributes are
those of ``spacy.tokens.Token`` for what the event stage reads; the rest is not copied.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from geoevents.nlp import (
    PerLemmatizedDocument,
    sentence_of,
    token_lowers,
    token_spaces,
    token_starts,
    token_texts,
)
from geoevents.nlp import strings as _strings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_IOB = ("", "I", "O", "B")


class Word:
    """One token of a parsed document (see the module docstring)."""

    __slots__ = (
        "_held",
        "children",
        "dep_",
        "doc",
        "ent_type_",
        "head",
        "i",
        "lemma_",
        "lower_",
        "pos_",
        "text",
    )

    doc: Doc
    i: int
    text: str
    lower_: str
    lemma_: str
    pos_: str
    dep_: str
    ent_type_: str
    head: Word
    children: list[Word]  # in text order (spaCy's is a generator: only iterate it)
    _held: _Words

    # read less often: kept by the document, not copied into each word
    @property
    def idx(self) -> int:
        return self._held.idx[self.i]

    @property
    def tag_(self) -> str:
        return self._held.tags[self.i]

    @property
    def ent_iob_(self) -> str:
        return _IOB[self._held.iob[self.i]]

    @property
    def like_num(self) -> bool:
        return self._held.num[self.i] == 1

    @property
    def whitespace_(self) -> str:
        return " " if self._held.space[self.i] else ""

    @property
    def _words(self) -> list[Word]:
        return self._held.words

    @property
    def lefts(self) -> Iterator[Word]:
        return (c for c in self.children if c.i < self.i)

    @property
    def rights(self) -> Iterator[Word]:
        return (c for c in self.children if c.i > self.i)

    @property
    def subtree(self) -> list[Word]:
        """The token's subtree in spaCy's order: left children's subtrees, the token,
        right children's subtrees."""
        found: list[Word] = []
        stack = [(self, False)]  # (word, whether to add it, else to open it)
        while stack:
            word, add = stack.pop()
            if add:
                found.append(word)
                continue
            stack.extend((c, False) for c in reversed(word.children) if c.i > word.i)
            stack.append((word, True))
            stack.extend((c, False) for c in reversed(word.children) if c.i < word.i)
        return found

    def subtree_indices(self) -> list[int]:
        """The indices of the tokens of :attr:`subtree`, in no particular order."""
        found: list[int] = []
        stack = [self]
        while stack:
            word = stack.pop()
            found.append(word.i)
            stack.extend(word.children)
        return found

    @property
    def ancestors(self) -> Iterator[Word]:
        word, n = self, 0
        while word.head is not word and n < len(self._words):
            word = word.head
            yield word
            n += 1

    @property
    def conjuncts(self) -> tuple[Word, ...]:
        """The coordinated tokens without the token itself, as spaCy finds them."""
        start = self
        while start.head is not start and start.dep_ == "conj":
            start = start.head
        queue = [start]
        output = [start]
        for word in queue:
            for child in word.rights:
                if child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w.i != self.i)

    @property
    def left_edge(self) -> Word:
        return self._words[self.doc[self.i].left_edge.i]

    @property
    def right_edge(self) -> Word:
        return self._words[self.doc[self.i].right_edge.i]

    @property
    def sent(self) -> Span:
        return sentence_of(self)  # type: ignore[arg-type]

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    @property
    def is_stop(self) -> bool:
        return self.doc[self.i].is_stop

    def nbor(self, i: int = 1) -> Word:
        if not 0 <= self.i + i < len(self._words):
            raise IndexError(f"no token at {self.i + i}")
        return self._words[self.i + i]

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def __hash__(self) -> int:
        return hash((self.doc, self.i))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Word):
            return self.doc is other.doc and self.i == other.i
        if other is not None and type(other).__name__ == "Token":
            raise TypeError("a Word compared with a spaCy Token: convert it with word()")
        return False

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __lt__(self, other: Word) -> bool:
        return self.idx < other.idx

    def __gt__(self, other: Word) -> bool:
        return self.idx > other.idx


class _Words:
    """The :class:`Word` objects of a document, the columns they read from, and whether
    the document's lemmas were set."""

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import (
            DEP,
            ENT_IOB,
            ENT_TYPE,
            HEAD,
            IS_PUNCT,
            IS_SPACE,
            LEMMA,
            LIKE_NUM,
            POS,
            TAG,
        )
        from spacy.parts_of_speech import NAMES

        self.lemmatized: bool = doc.has_annotation("LEMMA")
        self.words: list[Word] = []
        # the string columns, kept for :class:`geoevents.events.triggers.TokenWords` (the
        # lower-case forms are the document's own, which the recogniser has read)
        self.lowers: list[str] = []
        self.lemmas: list[str] = []
        self.ents: list[str] = []
        self.space: list[int] = []
        if not len(doc):
            return
        columns: Any = doc.to_array([LEMMA, DEP, ENT_TYPE, POS, TAG, ENT_IOB, LIKE_NUM,
                                     IS_PUNCT, IS_SPACE]).T.tolist()
        lem, dep, ent, pos, tag, self.iob, self.num, punct, blank = columns
        # the offsets and space flags the recogniser and the character lookups have read
        self.space, self.idx = token_spaces(doc), token_starts(doc)
        # punctuation or whitespace: a childless one is the root of a span only when
        # nothing else can be (see :func:`root_word`)
        self.filler = [p or b for p, b in zip(punct, blank, strict=True)]
        head = doc.to_array(HEAD).astype("int64").tolist()  # offsets, negative ones too
        self.tags = _strings(doc, tag)
        self.lowers = token_lowers(doc)
        self.lemmas = _strings(doc, lem)
        self.ents = _strings(doc, ent)
        words = self.words
        for i, text, low, lemma, dep_, ent_type, pos_id in zip(
                range(len(pos)), token_texts(doc), self.lowers, self.lemmas,
                _strings(doc, dep), self.ents, pos, strict=True):
            w = Word()  # (one statement per slot: the fastest way)
            w.doc = doc
            w.i = i
            w.text = text
            w.lower_ = low
            w.lemma_ = lemma
            w.pos_ = NAMES[pos_id]
            w.dep_ = dep_
            w.ent_type_ = ent_type
            w.children = []
            w._held = self
            words.append(w)
        for w, offset in zip(words, head, strict=True):
            h = words[w.i + offset]
            w.head = h
            if h is not w:
                h.children.append(w)

    def release(self) -> None:
        """Unlink the words (heads, children, this table): they form reference cycles,
        which only a garbage collection frees, and a full collection walks every object
        of the process. A released word has no ``head`` nor ``children`` left."""
        for w in self.words:
            del w.head, w.children
        self.words = []


_doc_words: PerLemmatizedDocument[_Words] = PerLemmatizedDocument(_Words)


def release(doc: Doc) -> None:
    """Forget the words of ``doc`` and unlink them (see :meth:`_Words.release`), when the
    event stage is done with the document: they are freed at once rather than at the next
    collection. A later :func:`doc_words` of the document builds new ones."""
    held = _doc_words.forget(doc)
    if held is not None:
        held.release()


def word_table(doc: Doc) -> _Words:
    """The words of ``doc`` with the columns they were read from (see :func:`doc_words`)."""
    return _doc_words(doc)


def doc_words(doc: Doc) -> list[Word]:
    """The :class:`Word` of each token of ``doc``, built once per document (and again
    when its lemmas have been set since)."""
    return _doc_words(doc).words


def word(token: Token | Word) -> Word:
    """The :class:`Word` of a spaCy token (a Word is returned as it is)."""
    if isinstance(token, Word):
        return token
    return doc_words(token.doc)[token.i]


def span_words(span: Span) -> list[Word]:
    """The words of a span (or of a whole document)."""
    if hasattr(span, "start"):
        return doc_words(span.doc)[span.start:span.end]
    return doc_words(span)  # type: ignore[arg-type]


def span_root(span: Span) -> Word:
    """``span.root`` as a :class:`Word`."""
    return doc_words(span.doc)[span.root.i]


def root_word(doc: Doc, start: int, end: int) -> Word:
    """``doc[start:end].root`` as a :class:`Word`, found on the words (spaCy's rule: a
    sentence root inside the span, else the word headed from outside it with the fewest
    steps to its sentence root, the first of equals, a childless punctuation mark or space
    counted as ``len(doc) - 1`` steps), without the Tokens spaCy builds for the span."""
    held = _doc_words(doc)
    inside = held.words[start:end]
    for w in inside:
        if w.head is w:
            return w
    n = len(held.words)
    best, root = n, inside[0]
    for w in inside:
        if start <= w.head.i < end:
            continue
        if not w.children and held.filler[w.i]:
            steps = n - 1
        else:
            steps, up = 0, w
            while up.head is not up:
                up = up.head
                steps += 1
                if steps >= n:
                    raise RuntimeError(f"the heads of token {w.i} form a cycle")
        if steps < best:
            best, root = steps, w
    return root
