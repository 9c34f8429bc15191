"""Text prepared for spaCy's tokenizer, so that pathological input costs linear time.

spaCy's tokenizer splits prefixes and suffixes off a whitespace-delimited chunk one at a
time, matching its regular expressions against the rest of the chunk each time: a chunk of
n punctuation characters costs O(n²) (``")" * 20000`` takes minutes, ``"!?.,;:" * 2000``
half a minute). :func:`tokenizer_safe` breaks such chunks up with spaces and keeps the
length, so every character offset stays valid; :class:`SafeTokenizer` wraps a spaCy
tokenizer so that it tokenizes the safe text but returns a ``Doc`` of the ORIGINAL text
(each replaced character becomes a token of its own). Ordinary text passes through
untouched, to the same tokens.

A run-on "sentence" (a scraped list of names, a megabyte without punctuation) costs every
sentence-level step of the pipeline O(n²): each event trigger looks over its whole
sentence. The tokenizer therefore opens a new sentence every :data:`MAX_RUN_ON` characters
of a stretch with no sentence punctuation or line break (the parser keeps boundaries set
before it); ordinary sentences are far shorter and are left to the parser.

The layout of a text also ends sentences that the parser, which reads a line break as a
space, runs together (:func:`_layout_cut`): a line that opens with a list mark ("- ",
"• ", "* ", "2) ") is an item of its own, and a heading line (letters, none of them
lower case: "KEY POINTS") is a sentence of its own, neither the end of the one above it
nor the first words of the one under it; the line after an item or a heading opens a
sentence. A situation update's key points would otherwise be one "sentence" with its
header and first incident, and share their places and days. (A blank line alone is left
to the parser: a headline's words told again in the lead belong to the lead's sentence.)

Scraped text carries invisible Unicode format characters (category Cf: bidi embeddings
and marks, zero-width spaces and joiners, soft hyphens, byte-order marks). Glued to a word
("\u202aIdlib") they make a token that neither NER nor the gazetteer knows, so the safe
text has a space in place of each one that is not inside a word: the word is tokenized
as if the character were not there, and the character becomes a token of its own (the
offsets stay valid). One between two letters or digits stays (a zero-width non-joiner
inside a Persian word is spelling).

Control characters (C0 and C1, other than the whitespace ones) are never spelling: an
escape code or a cp1252 byte read as latin-1 glued to every word ("Khan\x1b Younis\x1b")
left no name to find. Markup glued to a word ("<b>Khan Younis</b>", "Jenin</a>",
"Gaza&nbsp;City") made tokens such as "Younis</b" that became place names of their own.
The safe text has a space in place of each control character and of the delimiters of
HTML markup (the angle brackets of a tag, the "&" and ";" of a character reference): the
words inside and around the markup are tokenized as the words they are. A control or
format character counts as punctuation (:func:`is_punct`), so that the steps that trim
punctuation off a name trim it off too ("\x01 Ramallah \x01").

Before any of that, :func:`prepare` rewrites what a scraped text carries that is no
language, into a text of its own with a map back to the text given (:class:`Prepared`):
HTML character references are decoded (``html.unescape``: "the &quot;Hama&quot;
countryside", "Khan&nbsp;Younis", "Israel&#8217;s"); a C1 control character, which is a
cp1252 byte read as latin-1, becomes the cp1252 character ("\x93Hama\x94", "Israel\x92s");
the other control characters are removed ("Khan\x00 Younis", a UTF-16 text's NULs, "Ga\x00za"),
but those that separate like a space (vertical tab, form feed, the information separators)
become a space between two words ("Gaza\x0bRafah"), and so does any control character
between a sign and a word, which it does not join into one name ("\ue433\x00Gaza"); a
format character inside a word is removed ("Mari\u00adupol", "Kh\u200ban Younis"), but a
zero-width joiner or non-joiner beside a letter of a script that spells with it (Persian,
Devanagari) stays, and one outside a word is left to the tokenizer (below).
The pipeline reads the prepared text; every offset of its output is mapped back
(:meth:`Prepared.start`, :meth:`Prepared.end`), so it points into the text given. A text
with no "&" and no control or format character is its own prepared text, at the cost of
one scan.

Unicode space separators other than the space (category Zs: the no-break space U+00A0,
the thin and narrow no-break spaces U+2009 and U+202F, the ideographic space …) are
spaces in the ``Doc``: each becomes U+0020, one character for one, so every offset stays
valid. spaCy can only hold U+0020 as the space after a token; any other character is a
token of its own, between words that every reader takes as adjacent (NER, the parser,
the "parts of X" and "the district of X" cues). The ``Doc`` therefore keeps the plain
space, not the original character: a name's text reads with a plain space
("Deir ez-Zor"), its offsets are those of the original text.
"""

from __future__ import annotations

import bisect
import heapq
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["FORMAT_CHARACTERS", "LIST_ITEM", "MAX_PUNCT_RUN", "MAX_RUN_ON", "MAX_WORD",
           "SPACE_SEPARATORS", "Prepared", "SafeTokenizer", "install", "prepare",
           "tokenizer_safe"]

# A run of this many punctuation or symbol characters without a space costs spaCy about
# 0.1 ms; 20,000 of them cost minutes. Real text has runs of a few ("?!", "...", "--").
MAX_PUNCT_RUN = 32
# Longer whitespace-free chunks (long URLs are the longest real ones) are cut every
# MAX_WORD characters.
MAX_WORD = 200

# Characters without sentence punctuation or a line break after which a sentence is cut
# (the longest sentences of news reports run to about 600).
MAX_RUN_ON = 1500

# the characters of Unicode category Cf (format), as a regular-expression class (Unicode
# 14; tests/test_textprep.py checks it against unicodedata)
FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f")
_FORMAT = re.compile(f"[{FORMAT_CHARACTERS}]")
# the characters of Unicode category Zs (space separators) but the space itself
SPACE_SEPARATORS = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACE_SEPARATOR = re.compile(f"[{SPACE_SEPARATORS}]")
# a format character that is not between two word characters
_LOOSE_FORMAT = re.compile(f"(?<!\\w)[{FORMAT_CHARACTERS}]|[{FORMAT_CHARACTERS}](?!\\w)")
# control characters that are not whitespace (str.isspace: \t \n \x0b-\x0d \x1c-\x1f \x85)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# an HTML tag ("<b>", "</a>", '<a href="x">'), whose angle brackets are replaced (also any
# inside it: "</a<b>"), and a character reference ("&quot;", "&#8212;", "&#x2014;"), whose
# "&" and ";" are; the tags first, so that the result has none of either left
_TAG = re.compile(r"</?[A-Za-z][^>\n]{0,300}>")
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,7}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# what :func:`prepare` rewrites: a character reference, a control character that is not a
# tab, a line feed or a carriage return, a format character
_UNUSUAL = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{FORMAT_CHARACTERS}]")
_TO_PREPARE = re.compile(
    rf"&(?:[A-Za-z][A-Za-z0-9]{{1,31}}|#[0-9]{{1,7}}|#[xX][0-9A-Fa-f]{{1,6}});|{_UNUSUAL.pattern}")
# control characters that separate words as a space does (str.isspace)
_SEPARATING = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f")
_JOINERS = frozenset("\u200c\u200d")
_PUNCT_RUN = re.compile(rf"[^\w\s]{{{MAX_PUNCT_RUN + 1},}}")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
# (a run is tried only where one begins, at the text's start or after a stop: tried at
# every character, the pattern read each sentence to its stop from each of its
# characters, O(n²) in a sentence's length: ~0.1 ms for a news text of 2,000 characters)
_RUN_ON = re.compile(rf"(?<![^.!?;\n])[^.!?;\n]{{{MAX_RUN_ON + 1},}}")
# the mark that opens a list item's line: a bullet or a number ("2)", "3."), then a space
LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2013\u2022\u2023\u2043\u25e6]|\d+[.)])[ \t]")


@dataclass(frozen=True)
class Prepared:
    """A text as the pipeline reads it (:func:`prepare`) and the way back to the text
    given: ``edits`` are ``(original_start, original_end, start, end)`` spans, in order,
    where ``original[original_start:original_end]`` became ``text[start:end]`` (one per
    reference or character: adjacent ones stay apart, so that a span maps to no more of
    the original than its own characters came from)."""

    text: str
    original: str
    edits: tuple[tuple[int, int, int, int], ...] = ()

    def start(self, i: int) -> int:
        """The offset in the original text of a span that starts at ``i`` of ``text``
        (after a removed character, at the start of a decoded one)."""
        k = bisect.bisect_right(self._starts, i) - 1
        if k < 0:
            return i
        original_start, original_end, _, end = self.edits[k]
        return original_start if i < end else original_end + i - end

    def end(self, i: int) -> int:
        """The offset in the original text of a span that ends at ``i`` of ``text``
        (before a removed character, at the end of a decoded one)."""
        k = bisect.bisect_left(self._starts, i) - 1
        if k < 0:
            return i
        _, original_end, _, end = self.edits[k]
        return original_end if i <= end else original_end + i - end

    @cached_property
    def _starts(self) -> list[int]:
        return [edit[2] for edit in self.edits]


def prepare(text: str) -> Prepared:
    """``text`` with its character references decoded and its control and format
    characters made language (see the module docstring), and the map back to it."""
    if "&" not in text and not _UNUSUAL.search(text):
        return Prepared(text, text)
    pieces: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    position = length = 0
    for match in _TO_PREPARE.finditer(text):
        found = match.group()
        new = _plain(html.unescape(found) if len(found) > 1 else found, text, match)
        if new == found:
            continue
        pieces.append(text[position:match.start()])
        start = length + match.start() - position
        pieces.append(new)
        length = start + len(new)
        edits.append((match.start(), match.end(), start, length))
        position = match.end()
    if not edits:
        return Prepared(text, text)
    pieces.append(text[position:])
    return Prepared("".join(pieces), text, tuple(edits))


def _plain(found: str, text: str, match: re.Match[str]) -> str:
    """What a decoded reference or a control or format character ``found`` becomes, in
    the place of ``match`` in ``text``."""
    if len(found) != 1 or not _UNUSUAL.match(found):
        return found
    before = text[match.start() - 1:match.start()]
    after = text[match.end():match.end() + 1]
    if "\x80" <= found <= "\x9f":
        from geoevents.gazetteer.names import windows_1252_controls

        return windows_1252_controls(found)  # (none: removed)
    between_words = bool(before and after) and not before.isspace() and not after.isspace()
    if found in _SEPARATING:
        return " " if between_words else ""
    if _CONTROL.match(found) and between_words and not (before.isalnum() and after.isalnum()):
        return " "  # it parts a sign from a word ("\ue433\x00Gaza"): no name of the two
    if _LOOSE_FORMAT.match(text, match.start()):
        return found  # not inside a word: a token of its own (:func:`tokenizer_safe`)
    if found in _JOINERS and any(ord(c) > 0x24F for c in (before, after)):
        return found  # spelling (Persian, Devanagari)
    return ""


def tokenizer_safe(text: str) -> str:
    """``text`` with a space in place of each format character outside a word, of each
    control character, of the delimiters of HTML tags and character references, of every
    :data:`MAX_PUNCT_RUN`-th character of a longer run of punctuation, and of every
    :data:`MAX_WORD`-th character of a longer whitespace-free chunk. Same length as
    ``text`` (offsets stay valid); ``text`` itself when nothing needs changing."""
    if _FORMAT.search(text):
        text = _LOOSE_FORMAT.sub(" ", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    if _TAG.search(text):
        text = _TAG.sub(lambda m: re.sub("[<>]", " ", m.group()), text)
    if _REFERENCE.search(text):
        text = _REFERENCE.sub(lambda m: f" {m.group()[1:-1]} ", text)
    if len(text) <= MAX_PUNCT_RUN or max(map(len, text.split()), default=0) <= MAX_PUNCT_RUN:
        return text  # (both runs lie inside a whitespace-free chunk longer than that)
    text = _PUNCT_RUN.sub(lambda m: _break(m.group(), MAX_PUNCT_RUN), text)
    return _LONG_WORD.sub(lambda m: _break(m.group(), MAX_WORD), text)


def _break(run: str, every: int) -> str:
    """``run`` with its every ``every``-th character replaced by a space."""
    chars = list(run)
    chars[every - 1::every] = " " * len(range(every - 1, len(chars), every))
    return "".join(chars)


class SafeTokenizer:
    """A spaCy tokenizer that tokenizes :func:`tokenizer_safe` of the text.

    The ``Doc`` it returns has the original text, but for its space separators (plain
    spaces): the tokens of the safe text keep their offsets, and each character that the
    safe text replaced by a space is a token of its own. Text that needs no breaking goes
    to the wrapped tokenizer unchanged.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if _SPACE_SEPARATOR.search(text):  # spaces in the Doc (see the module docstring)
            text = _SPACE_SEPARATOR.sub(" ", text)
        safe = tokenizer_safe(text)
        if safe is text or safe == text:
            return _dateline_cut(_layout_cut(_run_ons_cut(self.tokenizer(text), text), text),
                                 text)
        return _dateline_cut(_layout_cut(_run_ons_cut(
            _with_original_text(self.tokenizer(safe), text, safe), text), text), text)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:  # vocab, rules, to_bytes, ... of the tokenizer
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def _run_ons_cut(doc: Doc, text: str) -> Doc:
    """``doc`` (of ``text``) with a sentence opened every :data:`MAX_RUN_ON` characters of
    each stretch longer than that without sentence punctuation or a line break."""
    if len(text) <= MAX_RUN_ON:
        return doc
    runs = list(_RUN_ON.finditer(text))
    if not runs:
        return doc
    starts = [t.idx for t in doc]
    opened: list[int] = []
    for run in runs:
        for at in range(run.start() + MAX_RUN_ON, run.end(), MAX_RUN_ON):
            i = bisect.bisect_left(starts, at)
            while i < len(doc) and doc[i].is_space:
                i += 1
            if 0 < i < len(doc):
                opened.append(i)
    return _sentence_starts_set(doc, opened)


def _layout_cut(doc: Doc, text: str) -> Doc:
    """``doc`` (of ``text``) with a sentence opened where the layout opens one that its
    punctuation does not: at a list item, at a heading, and at the line after a list item
    or a heading ("KEY POINTS\n- Attack on volunteers near Fada N'Gourma\n- Twelve women
    abducted …\n\nSECURITY INCIDENTS\nOn 5 August, …": each item, the heading and the
    paragraph under it are sentences of their own; see the module docstring)."""
    if "\n" not in text:
        return doc
    starts = [t.idx for t in doc]
    opened: list[int] = []
    closed: list[int] = []
    offset = 0
    after_item_or_heading = False
    for line in text.split("\n"):
        stripped = line.strip()
        at = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        if not stripped:
            continue
        item = LIST_ITEM.match(stripped) is not None
        heading = _heading(stripped)
        if after_item_or_heading or item or heading:
            i = bisect.bisect_left(starts, at)
            if 0 < i < len(doc) and starts[i] == at:
                opened.append(i)
                if item and i + 1 < len(doc):  # the item goes on after its mark
                    closed.append(i + 1)
        after_item_or_heading = item or heading
    return _sentence_starts_set(doc, opened, closed)


def _dateline_cut(doc: Doc, text: str) -> Doc:
    """``doc`` (of ``text``) with a sentence opened after the dateline that opens it
    ("JAYAPURA, Indonesia, Sept 15 - A soldier was killed …"), whichever dash ends the
    dateline (" - ", " -- ", "–", "—"): the parser would otherwise read the filing place
    and day as words of the first sentence (with a hyphen, "Sept 15 - A soldier" as one
    noun phrase, the sentence's subject lost)."""
    from geoevents.events.dates import find_dateline

    line = find_dateline(text, None)
    if line is None:
        return doc
    i = bisect.bisect_left([t.idx for t in doc], line.end)
    if not 0 < i < len(doc) or doc[i].idx != line.end:
        return doc
    return _sentence_starts_set(doc, [i])


def _sentence_starts_set(doc: Doc, opened: list[int], closed: list[int] | None = None) -> Doc:
    """``doc`` with the tokens ``opened`` starting a sentence and ``closed`` not, written in
    one array (setting ``Token.is_sent_start`` checks the whole document each time:
    quadratic on a long text with many cuts)."""
    if not opened:
        return doc
    from spacy.attrs import SENT_START

    column = doc.to_array([SENT_START]).astype("int64")
    column[opened] = 1
    if closed:
        column[closed] = -1
    doc.from_array([SENT_START], cast(Any, column.astype("uint64")))
    return doc


def _heading(line: str) -> bool:
    """Whether a line is a heading: it opens with a letter, has two letters or more, none
    of them lower case, and no sentence punctuation at its end ("KEY POINTS", "CONTEXT";
    not a wire's credit "(AFP) —")."""
    letters = [c for c in line if c.isalpha()]
    return line[0].isalpha() and len(letters) >= 2 and \
        not any(c.islower() for c in letters) and line[-1] not in ".!?;:,"


def _with_original_text(safe_doc: Doc, text: str, safe: str) -> Doc:
    """A Doc of ``text`` tokenized as ``safe_doc`` (of ``safe``, same length) was."""
    from spacy.tokens import Doc

    tokens = ((t.idx, t.idx + len(t)) for t in safe_doc if not t.is_space)
    # characters that were replaced by a space: one token each
    replaced = ((i, i + 1) for i in _replaced(text, safe))
    spans = heapq.merge(tokens, replaced)  # both in text order
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for start, end in spans:
        _add_gap(text[position:start], words, spaces)
        words.append(text[start:end])
        spaces.append(False)
        position = end
    _add_gap(text[position:], words, spaces)
    return Doc(safe_doc.vocab, words=words, spaces=spaces)


def _replaced(text: str, safe: str) -> Iterator[int]:
    return (i for i, (a, b) in enumerate(zip(text, safe, strict=True)) if a != b)


def _add_gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Whitespace between two tokens: one space after the previous token, the rest (if
    any) a whitespace token, as spaCy's own tokenizer does."""
    if not gap:
        return
    if words and not spaces[-1] and gap[0] == " ":
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


def install(nlp: Language) -> Language:
    """``nlp`` with its tokenizer wrapped in a :class:`SafeTokenizer` (once), and control
    and format characters counted as punctuation (:func:`is_punct`)."""
    from spacy.attrs import IS_PUNCT

    if not isinstance(nlp.tokenizer, SafeTokenizer):
        nlp.tokenizer = SafeTokenizer(nlp.tokenizer)
    cast(Any, nlp.vocab).lex_attr_getters[IS_PUNCT] = is_punct  # (not in the stubs)
    for lexeme in nlp.vocab:  # those already in the vocabulary
        if not lexeme.is_punct and is_punct(lexeme.orth_):
            lexeme.is_punct = True
    return nlp


def is_punct(text: str) -> bool:
    """spaCy's punctuation test, true also of a control or format character: a token of
    its own in a Doc of :class:`SafeTokenizer`, which the steps that trim punctuation off
    a name ("Ramallah \\x01") should trim off too."""
    from spacy.lang.lex_attrs import is_punct as spacy_is_punct

    return spacy_is_punct(text) or (len(text) == 1 and (
        _CONTROL.match(text) is not None or _FORMAT.match(text) is not None))
