"""From text to a :class:`~geoevents.model.Document`: spaCy, recognition, resolution.

``parse`` and ``parse_many`` are the public API. ``analyse`` also returns the spaCy
``Doc`` (with every component of the model run, lemmas included), so that a later stage —
event extraction — reuses the same parse instead of running spaCy twice. ``parse`` runs
only the components the toponym stage needs.

Texts longer than :data:`CHUNK_CHARS` are processed in chunks cut at line or sentence
ends and joined into one ``Doc``; texts longer than :data:`MAX_CHARS` are refused with an
:class:`~geoevents.errors.InputError`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError
from geoevents.model import Document, Event

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from geoevents.gazetteer.store import Gazetteer
    from geoevents.recognise import Mention, Recogniser
    from geoevents.resolve import Ranker, Resolver

__all__ = ["CHUNK_CHARS", "MAX_CHARS", "Geoparser", "analyse", "extract_events", "geoparser",
           "parse", "parse_many"]

MAX_CHARS = 5_000_000
CHUNK_CHARS = 100_000
log = logging.getLogger("geoevents")

Spans = Sequence[tuple[int, int]]


class Geoparser:
    """A spaCy model, a recogniser and a resolver sharing one gazetteer.

    Build one per process (see :func:`geoparser`); it caches gazetteer lookups across
    documents, so reusing it is much faster than building a new one per text.
    """

    def __init__(self, *, model: str | None = None, gazetteer: Gazetteer | None = None,
                 ranker: Ranker | None = None) -> None:
        from geoevents import nlp as nlp_module
        from geoevents import textprep
        from geoevents.geocoding import default_gazetteer
        from geoevents.recognise import Recogniser
        from geoevents.resolve import Resolver

        self.nlp: Language = textprep.install(nlp_module.load(model))  # linear tokenizing
        self.nlp.max_length = max(self.nlp.max_length, CHUNK_CHARS + 1)
        self.gazetteer = gazetteer or default_gazetteer()
        self.recogniser: Recogniser = Recogniser(self.gazetteer)
        self.resolver: Resolver = Resolver(self.gazetteer, ranker=ranker)
        self.skip_for_toponyms = nlp_module.unused_for_toponyms(self.nlp)

    # -- spaCy ---------------------------------------------------------------------------

    def docs(self, texts: Iterable[str], *, level: str = "toponyms", n_process: int = 1,
             batch_size: int = 64) -> Iterator[Doc]:
        """spaCy ``Doc`` of each text (chunked when long), in order.

        ``level`` chooses the components run: ``toponyms`` (what recognition needs),
        ``full`` (every component of the model) or ``tokens`` (the tokenizer only: enough
        to resolve given spans).
        """
        from spacy.tokens import Doc

        if level == "full":
            disable: list[str] = []
        elif level == "toponyms":
            disable = self.skip_for_toponyms
        elif level == "tokens":
            disable = list(self.nlp.pipe_names)
        else:
            raise ValueError(f"unknown level {level!r}")

        def pieces() -> Iterator[tuple[str, int]]:
            for text in texts:
                chunks = _chunks(text, CHUNK_CHARS)
                for chunk in chunks:
                    yield chunk, len(chunks)

        pending: list[Doc] = []
        for doc, n in self.nlp.pipe(pieces(), as_tuples=True, disable=disable,
                                    n_process=n_process, batch_size=batch_size):
            if n == 1:
                yield doc
                continue
            pending.append(doc)
            if len(pending) == n:
                yield Doc.from_docs(pending, ensure_whitespace=False)
                pending = []

    # -- toponyms ------------------------------------------------------------------------

    def toponyms(self, doc: Doc, spans: Spans | None = None) -> list[Mention]:
        """Recognised (or, with ``spans``, the given) mentions of ``doc``, resolved."""
        mentions = self.recogniser(doc) if spans is None else self.recogniser.given(doc, spans)
        return self.resolver(mentions, doc.text)

    def document(self, doc: Doc, *, toponyms: Spans | None = None,
                 published: str | date | None = None, doc_id: str | None = None) -> Document:
        """The Document of an already processed spaCy ``doc``."""
        return Document(text=doc.text, doc_id=doc_id, published=_iso(published),
                        toponyms=list(self.toponyms(doc, toponyms)))

    def parse(self, text: str, *, toponyms: Spans | None = None,
              published: str | date | None = None, doc_id: str | None = None) -> Document:
        """See :func:`geoevents.pipeline.parse`."""
        text = check_text(text)
        spans = check_spans(text, toponyms)
        if not text.strip():
            return Document(text=text, doc_id=doc_id, published=_iso(published))
        doc = next(self.docs([text], level="toponyms" if spans is None else "tokens"))
        return self.document(doc, toponyms=spans, published=published, doc_id=doc_id)


_lock = threading.Lock()
_parsers: dict[tuple[str | None, str | None], Geoparser] = {}


def geoparser(model: str | None = None, gazetteer: str | Path | None = None) -> Geoparser:
    """The process-wide :class:`Geoparser` for a model and gazetteer path (defaults)."""
    key = (model, str(gazetteer) if gazetteer else None)
    parser = _parsers.get(key)
    if parser is None:
        with _lock:
            parser = _parsers.get(key)
            if parser is None:
                from geoevents.geocoding import default_gazetteer

                parser = _parsers[key] = Geoparser(
                    model=model, gazetteer=default_gazetteer(gazetteer))
    return parser


def analyse(text: str, *, toponyms: Spans | None = None, published: str | date | None = None,
            doc_id: str | None = None) -> tuple[Document, Doc]:
    """Parse ``text`` with every component of the spaCy model; return the Document and
    the spaCy Doc (for stages that need the full linguistic analysis)."""
    text = check_text(text)
    spans = check_spans(text, toponyms)
    parser = geoparser()
    doc = next(parser.docs([text], level="full"))
    return parser.document(doc, toponyms=spans, published=published, doc_id=doc_id), doc


def parse(text: str, *, toponyms: Spans | None = None, published: str | date | None = None,
          doc_id: str | None = None) -> Document:
    """Find and resolve the toponyms of ``text``.

    ``toponyms=[(start, end), ...]`` forces those character spans (resolution only).
    Raises :class:`~geoevents.errors.InputError` for a non-string, a text longer than
    :data:`MAX_CHARS`, or spans outside the text.

    Without forced spans, the document's events are extracted too (``Document.events``).
    """
    if toponyms is not None:
        return geoparser().parse(text, toponyms=toponyms, published=published, doc_id=doc_id)
    document, doc = analyse(text, published=published, doc_id=doc_id)
    document.events = _events(doc, document, published)
    return document


def extract_events(text: str, *, published: str | date | None = None) -> list[Event]:
    """The events of ``text`` (see :mod:`geoevents.events`); relative dates resolve
    against ``published`` (a date or ``YYYY-MM-DD``), else stay unresolved."""
    return parse(text, published=published).events


def _events(doc: Doc, document: Document, published: str | date | None) -> list[Event]:
    from geoevents.events.extract import extract

    return extract(doc, document.toponyms, published=published, doc_id=document.doc_id,
                   nlp=geoparser().nlp)


def parse_many(items: Iterable[str | Mapping[str, Any]], *, n_process: int = 1,
               batch_size: int = 64, events: bool = True) -> Iterator[Document]:
    """Parse many texts, streaming; yields one Document per item, in order.

    Items are strings or records (mappings) with ``text`` and optionally ``id`` (or
    ``doc_id``), ``published`` and ``toponyms`` (forced spans). A bad item is logged and
    yields an empty Document with its id, so one bad record never stops a batch. Like
    :func:`parse`, items without forced spans get their events too, unless
    ``events=False`` (toponyms only, with fewer spaCy components: faster).
    """
    parser = geoparser()
    records: list[tuple[str | None, str | date | None, Spans | None]] = []

    def texts() -> Iterator[str]:
        for n, item in enumerate(items):
            try:
                text, doc_id, published, spans = _record(item)
            except InputError as exc:
                log.warning("skipping item %d: %s", n, exc)
                text, doc_id, published, spans = "", _item_id(item), None, None
            records.append((doc_id, published, spans))
            yield text

    level = "full" if events else "toponyms"
    for doc in parser.docs(texts(), level=level, n_process=n_process, batch_size=batch_size):
        doc_id, published, spans = records.pop(0)
        document = parser.document(doc, toponyms=spans, published=published, doc_id=doc_id)
        if events and spans is None and document.text.strip():
            document.events = _events(doc, document, published)
        yield document


# -- input checks ------------------------------------------------------------------------


def check_text(text: object) -> str:
    """The text if it is a processable string, else an InputError saying why."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError(f"text has {len(text):,} characters, more than the limit of "
                         f"{MAX_CHARS:,}; split it into smaller documents")
    return text


def check_spans(text: str, spans: object) -> list[tuple[int, int]] | None:
    """Validated ``(start, end)`` character spans inside ``text``."""
    if spans is None:
        return None
    out = []
    try:
        for start, end in spans:  # type: ignore[attr-defined]
            if not (isinstance(start, int) and isinstance(end, int)):
                raise TypeError
            if not 0 <= start < end <= len(text):
                raise InputError(f"toponym span ({start}, {end}) is outside the text "
                                 f"(length {len(text)})")
            out.append((start, end))
    except (TypeError, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError("toponyms must be a list of (start, end) integer pairs") from None
    return out


def _record(item: object) -> tuple[str, str | None, str | date | None, Spans | None]:
    if isinstance(item, str):
        return check_text(item), None, None, None
    if isinstance(item, Mapping):
        if "text" not in item:
            raise InputError("record has no 'text' field")
        text = check_text(item["text"])
        return (text, _item_id(item), item.get("published"),
                check_spans(text, item.get("toponyms")))
    raise InputError(f"item must be a string or a mapping with 'text', got "
                     f"{type(item).__name__}")


def _item_id(item: object) -> str | None:
    if isinstance(item, Mapping):
        value = item.get("id", item.get("doc_id"))
        return None if value is None else str(value)
    return None


def _iso(published: str | date | None) -> str | None:
    if published is None:
        return None
    if isinstance(published, date):
        return published.isoformat()
    return str(published)


def _chunks(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, at line ends, sentence
    ends or spaces when possible; the pieces join back into ``text``."""
    if len(text) <= size:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind(" "))
        end = start + (cut + 1 if cut > size // 2 else size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
