"""The one orchestration of geoevents: text → spaCy → toponyms → events → Document.

Every entry point — :func:`parse`, :func:`parse_many`, :func:`extract_events`, the batch
engine (local processes and Dask), the command line, the HTTP server and the evaluation —
goes through :meth:`Geoparser.run`, which

1. checks each input (:func:`make_item`: a string of at most :data:`MAX_CHARS`
   characters, a readable publication date, forced spans inside the text) and prepares
   its text (:func:`geoevents.textprep.prepare`: character references decoded, control
   and format characters made language; the offsets of the output are mapped back to
   the text given; a text with forced spans is read as it is);
2. runs the spaCy model with ``nlp.pipe`` (``n_process`` processes, ``batch_size`` texts a
   batch), cutting texts longer than :data:`CHUNK_CHARS` characters, or of more than
   about :data:`CHUNK_TOKENS` tokens, into pieces at line or sentence ends;
3. runs the two geoevents components of :mod:`geoevents.components` on each ``Doc``:
   ``geoevents_toponyms`` (recognition and resolution) and ``geoevents_events``;
4. returns a :class:`~geoevents.model.Document` (and the spaCy ``Doc``).

The ``level`` of a run chooses the spaCy components: ``full`` (everything; toponyms and
events), ``toponyms`` (no lemmatizer: toponyms only, faster) or ``tokens`` (the tokenizer
only: enough to resolve forced spans).

A long text streams: each piece's ``Doc`` goes through the components on its own and is
dropped, and the pieces' toponyms and events, their character offsets shifted to the
whole text, make one Document (with no spaCy ``Doc``: None). Time and memory so grow
linearly with the text. The trade-off: the context of one piece does not reach the next —
a name is resolved with the places of its own piece (up to :data:`CHUNK_CHARS`
characters, several reports' worth), one sense per discourse applies within a piece,
relative dates anchor on the piece's own dateline, and two tellings of one happening in
different pieces stay two events. A text with forced spans (tokenizer only, cheap) is
still joined into one ``Doc``, so a span may cross a cut. Texts up to
:data:`CHUNK_CHARS` are processed whole, as before, unless they hold more than
:data:`CHUNK_TOKENS` tokens: spaCy's memory grows with the tokens it reads at once (about
12 KB each), and a text of punctuation or of one-character words ("([{" nested a
thousand deep, CJK) has five times the tokens of news text of its length.

A bad input either raises (:func:`parse`) or, in a batch (:func:`parse_many`, the batch
engine), yields a Document whose ``error`` says why, logged with the document's id, and
the batch goes on.
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import logging
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import islice
from numbers import Integral, Real
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from geoevents.errors import GeoeventsError, InputError, shown
from geoevents.model import Document, Event, Toponym
from geoevents.textprep import Prepared, prepare

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from geoevents.gazetteer.store import Gazetteer
    from geoevents.recognise import Mention, Recogniser
    from geoevents.resolve import Ranker, Resolver

__all__ = ["CHUNK_CHARS", "LEVELS", "MAX_CHARS", "Geoparser", "Item", "analyse",
           "extract_events", "geoparser", "make_item", "parse", "parse_many"]

MAX_CHARS = 5_000_000
CHUNK_CHARS = 100_000
# the most tokens (as :data:`_TOKEN` counts them) of one piece: 100,000 characters of news
# text are about 20,000
CHUNK_TOKENS = 25_000
_TOKEN = re.compile(r"\w+|[^\w\s]")
MAX_PROCESSES = 1024  # sanity limits of the n_process and batch_size settings
MAX_BATCH_SIZE = 1_000_000
LEVELS = ("tokens", "toponyms", "full")
log = logging.getLogger("geoevents")

Spans = Sequence[tuple[int, int]]
Errors = Literal["raise", "record"]


@dataclass
class Item:
    """One checked input of a run (see :func:`make_item`), or the reason it cannot be
    processed (``error``: then ``text`` is empty). ``text`` is what the pipeline reads;
    ``prepared``, when set, maps it back to the text given."""

    text: str
    doc_id: str | None = None
    published: date | None = None
    spans: list[tuple[int, int]] | None = None  # forced toponym spans
    error: str | None = None
    prepared: Prepared | None = None


def make_item(text: object, *, doc_id: object = None, published: object = None,
              toponyms: object = None) -> Item:
    """A checked :class:`Item`; InputError for a non-string or too long text, an id that
    is not a string, an unreadable publication date (or one that is neither text nor a
    date), or spans that are not integer pairs inside the text."""
    from geoevents.events.dates import parse_published

    checked = check_text(text)
    if doc_id is not None and not isinstance(doc_id, str):
        raise InputError(f"doc_id must be a string, got {type(doc_id).__name__}")
    if published is not None and not isinstance(published, str | date):
        raise InputError(f"published must be a date or YYYY-MM-DD text, got "
                         f"{type(published).__name__}")
    spans = check_spans(checked, toponyms)
    prepared = prepare(checked) if spans is None else None
    if prepared is None or not prepared.edits:
        return Item(checked, doc_id, parse_published(published), spans)
    return Item(prepared.text, doc_id, parse_published(published), spans, prepared=prepared)


class Geoparser:
    """A spaCy model and the two geoevents components, sharing one gazetteer.

    Build one per process (see :func:`geoparser`); its components cache gazetteer lookups
    across documents, so reusing it is much faster than building a new one per text.
    ``ranker``, ``min_importance`` and ``min_confidence`` are the settings of the
    ``geoevents_toponyms`` component (:data:`geoevents.components.TOPONYM_DEFAULTS`).
    """

    def __init__(self, *, model: str | None = None, gazetteer: Gazetteer | None = None,
                 ranker: Ranker | None = None, min_importance: float | None = None,
                 min_confidence: float | None = None) -> None:
        from geoevents import fastpipes, textprep
        from geoevents import nlp as nlp_module
        from geoevents.components import TOPONYM_DEFAULTS, EventStage, ToponymStage
        from geoevents.geocoding import default_gazetteer

        if min_confidence is not None:
            check_confidence(min_confidence)
        # linear tokenizing; the attribute ruler and the lemmatizer cheaper, same output
        self.nlp: Language = fastpipes.install(textprep.install(nlp_module.load(model)))
        self.nlp.max_length = max(self.nlp.max_length, CHUNK_CHARS + 1)
        self.gazetteer = gazetteer or default_gazetteer()
        self.toponym_stage = ToponymStage(
            self.gazetteer, ranker=ranker,
            min_importance=TOPONYM_DEFAULTS["min_importance"] if min_importance is None
            else min_importance,
            min_confidence=TOPONYM_DEFAULTS["min_confidence"] if min_confidence is None
            else min_confidence)
        self.event_stage = EventStage(self.nlp)
        self.skip_for_toponyms = nlp_module.unused_for_toponyms(self.nlp)

    @property
    def recogniser(self) -> Recogniser:
        return self.toponym_stage.recogniser

    @property
    def resolver(self) -> Resolver:
        return self.toponym_stage.resolver

    def with_min_confidence(self, min_confidence: float) -> Geoparser:
        """This parser resolving only names whose best candidate has at least
        ``min_confidence`` (0..1); the others stay unresolved. The copy shares the model,
        the gazetteer and the lookup caches, so it costs nothing to make per request."""
        check_confidence(min_confidence)
        variant = copy.copy(self)
        variant.toponym_stage = copy.copy(self.toponym_stage)
        variant.toponym_stage.resolver = copy.copy(self.resolver)
        variant.toponym_stage.resolver.min_confidence = float(min_confidence)
        return variant

    # -- the orchestration ---------------------------------------------------------------

    def run(self, items: Iterable[Item], *, level: str = "full", n_process: int = 1,
            batch_size: int = 64, errors: Errors = "raise"
            ) -> Iterator[tuple[Document, Doc | None]]:
        """A Document and the spaCy ``Doc`` for each item, in order (see the module doc).

        Events are extracted at ``level="full"`` for items without forced spans. With
        ``errors="record"`` an item that fails yields a Document with ``error`` set (and
        the ``Doc``, or None when spaCy failed or never ran) instead of raising; with one
        process, a spaCy failure on a batch is retried text by text, so it costs only the
        text that caused it. Bad settings raise InputError at once, before any work.
        """
        check_choice("level", level, LEVELS)
        check_choice("errors", errors, ("raise", "record"))
        check_count("n_process", n_process, MAX_PROCESSES, all_cpus=True)
        check_count("batch_size", batch_size, MAX_BATCH_SIZE)
        return self._run(iter(items), level, n_process, batch_size, errors)

    def _run(self, stream: Iterator[Item], level: str, n_process: int, batch_size: int,
             errors: Errors) -> Iterator[tuple[Document, Doc | None]]:
        if n_process == 1:
            while group := list(islice(stream, batch_size)):
                # (whether a text streams is asked once: a text of 25,000 to 100,000
                # characters has its tokens counted to know)
                streams = [_streams(i) for i in group]
                whole = [i for i, s in zip(group, streams, strict=True) if not s]
                docs = iter(self._docs_or_reasons(whole, level, batch_size)
                            if errors == "record" else
                            self._docs([_text_of(i) for i in whole], level, 1, batch_size,
                                       cut=_cut_again(whole)))
                for item, streamed in zip(group, streams, strict=True):
                    if streamed:
                        yield self._streamed(item, level, errors), None
                        continue
                    doc = next(docs)
                    if item.error is not None or isinstance(doc, str):
                        yield _failed(item, item.error or str(doc), errors), None
                    else:
                        yield self._finish(item, doc, level, errors), doc
            return
        pending: deque[Item] = deque()

        def texts() -> Iterator[str]:
            for item in stream:
                pending.append(item)
                yield _text_of(item)

        # several processes: a long text's pieces are parsed in the workers' batches, and
        # the components still run piece by piece here (see the module docstring)
        combined: _Combined | None = None
        joined: list[Doc] = []
        for doc, offset, last in self._pieces(texts(), level, n_process, batch_size):
            item = pending[0]
            if not _streams(item):
                joined.append(doc)
                if last:
                    pending.popleft()
                    parsed = _joined(joined)
                    joined = []
                    if item.error is not None:
                        yield _failed(item, item.error, errors), None
                    else:
                        yield self._finish(item, parsed, level, errors), parsed
                continue
            combined = combined or _Combined(item)
            combined.add(self._finish(_piece(item, doc.text), doc, level, errors), offset,
                         len(doc))
            if last:
                pending.popleft()
                yield combined.document(errors), None
                combined = None

    def _streamed(self, item: Item, level: str, errors: Errors) -> Document:
        """The Document of a long text whose pieces are parsed one at a time (see the
        module docstring); a spaCy failure fails the document (or, ``errors="raise"``,
        raises). The objects alive when it starts are set aside from the garbage
        collector until it ends (:func:`_set_aside`)."""
        combined = _Combined(item)
        with _set_aside():
            try:
                for doc, offset, _ in self._pieces([item.text], level, 1, 1):
                    combined.add(self._finish(_piece(item, doc.text), doc, level, errors),
                                 offset, len(doc))
            except Exception as exc:
                if errors == "raise":
                    raise
                return _failed(item, f"spaCy failed: {_describe(exc)}", errors)
            return combined.document(errors)

    def document(self, doc: Doc, item: Item | None = None, *,
                 events: bool = False) -> Document:
        """The Document of an already processed spaCy ``doc``: the geoevents components
        run on it with the item's metadata (events only when asked and no spans are
        forced)."""
        item = item or Item(doc.text)
        doc._.doc_id, doc._.published = item.doc_id, item.published
        doc._.toponym_spans = item.spans
        self.toponym_stage(doc)
        if events and item.spans is None and doc.text.strip():
            self.event_stage(doc)
        return Document(text=item.text, doc_id=item.doc_id, published=_iso(item.published),
                        toponyms=self._placed(doc._.toponyms), events=list(doc._.events or []))

    def _placed(self, toponyms: list[Mention]) -> list[Toponym]:
        """The document's toponyms, its unknown names placed near the text's nearest local
        place, else town or city (:func:`geoevents.resolve.place_by_context`), unless this
        parser's ``min_confidence`` asks for more than such a guess has."""
        from geoevents.resolve import CITY_CONTEXT_CONFIDENCE, CONTEXT_CONFIDENCE, place_by_context

        if self.resolver.min_confidence > CONTEXT_CONFIDENCE:
            return list(toponyms)
        return place_by_context(
            toponyms, cities=self.resolver.min_confidence <= CITY_CONTEXT_CONFIDENCE)

    def _finish(self, item: Item, doc: Doc, level: str, errors: Errors) -> Document:
        try:
            try:
                return _in_original(self.document(doc, item, events=level == "full"), item)
            except OverflowError as exc:
                if item.published is None:
                    raise
                # date arithmetic from a publication date at the ends of the calendar
                raise InputError(f"dates relative to the publication date "
                                 f"{_iso(item.published)} fall outside the calendar") from exc
        except Exception as exc:
            if errors == "raise":
                raise
            reason = str(exc) if isinstance(exc, GeoeventsError) \
                else f"processing failed: {_describe(exc)}"
            return _failed(item, reason, errors)

    def _docs_or_reasons(self, items: list[Item], level: str,
                         batch_size: int) -> list[Doc | str]:
        """spaCy's Doc of each item, or why spaCy failed on it."""
        try:
            return list(self._docs([_text_of(i) for i in items], level, 1, batch_size,
                                   cut=_cut_again(items)))
        except Exception as exc:
            if len(items) == 1:
                return [f"spaCy failed: {_describe(exc)}"]
            # find the text that broke the batch; the others still get processed
            return [out for item in items for out in self._docs_or_reasons([item], level, 1)]

    # -- spaCy ---------------------------------------------------------------------------

    def docs(self, texts: Iterable[str], *, level: str = "toponyms", n_process: int = 1,
             batch_size: int = 64) -> Iterator[Doc]:
        """spaCy ``Doc`` of each text, in order, with the components of ``level`` (see the
        module docstring) — the geoevents components are not run. A long text is parsed
        in pieces whose ``Doc`` objects are joined into one.

        Each text is read as given, not as :func:`~geoevents.textprep.prepare` makes it:
        the ``Doc``'s text is the text, so offsets into it (gold spans) stay valid, and
        :meth:`run` passes texts already prepared (preparing is not idempotent:
        "&amp;quot;"). A caller that wants what :meth:`parse` reads prepares first."""
        return self._docs(texts, level, n_process, batch_size)

    def _docs(self, texts: Iterable[str], level: str, n_process: int, batch_size: int, *,
              cut: bool = True) -> Iterator[Doc]:
        """:meth:`docs`; ``cut=False``: texts known to be one piece each (see
        :func:`_cut_again`), which are not cut (nor their tokens counted) again."""
        pending: list[Doc] = []
        for doc, _, last in self._pieces(texts, level, n_process, batch_size, cut=cut):
            pending.append(doc)
            if last:
                yield _joined(pending)
                pending = []

    def _pieces(self, texts: Iterable[str], level: str, n_process: int,
                batch_size: int, *, cut: bool = True) -> Iterator[tuple[Doc, int, bool]]:
        """spaCy's ``Doc`` of each piece of each text (:func:`_chunks`; with ``cut=False``
        each text is one piece), with the piece's character offset in its text and
        whether it is the text's last piece."""
        if level == "full":
            disable: list[str] = []
        elif level == "toponyms":
            disable = self.skip_for_toponyms
        elif level == "tokens":
            disable = list(self.nlp.pipe_names)
        else:
            check_choice("level", level, LEVELS)

        def pieces() -> Iterator[tuple[str, tuple[int, bool]]]:
            for text in texts:
                offset = 0
                chunks = _chunks(text, CHUNK_CHARS) if cut else [text]
                for n, chunk in enumerate(chunks, 1):
                    yield chunk, (offset, n == len(chunks))
                    offset += len(chunk)

        for doc, (offset, last) in self.nlp.pipe(pieces(), as_tuples=True, disable=disable,
                                                 n_process=n_process, batch_size=batch_size):
            yield doc, offset, last

    def toponyms(self, doc: Doc, spans: Spans | None = None) -> list[Mention]:
        """Recognised (or, with ``spans``, the given) mentions of ``doc``, resolved."""
        doc._.toponym_spans = None if spans is None else list(spans)
        return list(self.toponym_stage(doc)._.toponyms)

    # -- single texts and streams ---------------------------------------------------------

    def parse(self, text: str, *, toponyms: Spans | None = None,
              published: str | date | None = None, doc_id: str | None = None,
              events: bool = True) -> Document:
        """See :func:`geoevents.pipeline.parse`; ``events=False``: toponyms only (faster)."""
        return self.analyse(text, toponyms=toponyms, published=published, doc_id=doc_id,
                            events=events)[0]

    def analyse(self, text: str, *, toponyms: Spans | None = None,
                published: str | date | None = None, doc_id: str | None = None,
                events: bool = True) -> tuple[Document, Doc | None]:
        """:meth:`parse`, also returning the spaCy ``Doc`` (None for a blank text), which is
        of the text as :func:`~geoevents.textprep.prepare` made it (the Document's offsets
        are into ``text``)."""
        item = make_item(text, doc_id=doc_id, published=published, toponyms=toponyms)
        if not item.text.strip():
            return _in_original(Document(text=item.text, doc_id=doc_id,
                                         published=_iso(item.published)), item), None
        level = "tokens" if item.spans is not None else "full" if events else "toponyms"
        return next(self.run([item], level=level))

    def parse_many(self, items: Iterable[str | Mapping[str, Any]], *, n_process: int = 1,
                   batch_size: int = 64, events: bool = True,
                   progress: bool | None = False) -> Iterator[Document]:
        """See :func:`geoevents.pipeline.parse_many`."""
        if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
            raise InputError(f"items must be an iterable of texts or records (a list, a "
                             f"generator), got {type(items).__name__}")
        check_flag("events", events)
        check_flag("progress", progress, optional=True)
        total = len(items) if isinstance(items, Sized) else None
        documents = self.run((_item(raw) for raw in items),
                             level="full" if events else "toponyms", n_process=n_process,
                             batch_size=batch_size, errors="record")
        return _logged(documents, total, progress)


def _logged(documents: Iterator[tuple[Document, Doc | None]], total: int | None,
            progress: bool | None) -> Iterator[Document]:
    """The documents of a :meth:`Geoparser.parse_many` run, each failure logged, with a
    progress bar when asked."""
    from geoevents.progress import Progress

    with Progress("documents", total=total, enabled=progress, counts=True) as bar:
        for n, (document, _) in enumerate(documents):
            if document.error is not None:
                log.warning("skipping item %d%s: %s", n,
                            f" ({document.doc_id})" if document.doc_id else "",
                            document.error)
            bar.advance(events=len(document.events), errors=document.error is not None)
            yield document


_lock = threading.Lock()
_parsers: dict[tuple[str | None, str | None], Geoparser] = {}


@contextmanager
def _set_aside() -> Iterator[None]:
    """Set the objects alive now (the model, the word lists, the caches: a million
    references) aside from Python's garbage collector while a long text is parsed
    (``gc.freeze``), and give them back after (``gc.unfreeze``). Each piece's tables
    outlive the young generations and so trigger about three full collections per piece,
    each of which would walk every object of the process (~0.1 s: ~4 s of a 1 MB text, a
    tenth of its parse). Nothing is collected differently: only the objects older than
    the parse are skipped, and only until it ends. Left alone when something else (a
    server before forking) has frozen objects: unfreezing would undo that."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def geoparser(model: str | None = None, gazetteer: str | Path | None = None, *,
              min_confidence: float | None = None) -> Geoparser:
    """The process-wide :class:`Geoparser` for a model and gazetteer path (defaults);
    with ``min_confidence``, a copy of it that leaves names whose best candidate is less
    likely unresolved (see :meth:`Geoparser.with_min_confidence`)."""
    if min_confidence is not None:
        return geoparser(model, gazetteer).with_min_confidence(min_confidence)
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


# -- the public API ----------------------------------------------------------------------


def parse(text: str, *, toponyms: Spans | None = None, published: str | date | None = None,
          doc_id: str | None = None) -> Document:
    """Find and resolve the toponyms of ``text``, and extract its events.

    ``toponyms=[(start, end), ...]`` forces those character spans (resolution only: no
    events). Relative dates resolve against ``published`` (a date or ``YYYY-MM-DD``).
    Raises :class:`~geoevents.errors.InputError` for a non-string, a text longer than
    :data:`MAX_CHARS`, an unreadable publication date, or spans outside the text.
    """
    return geoparser().parse(text, toponyms=toponyms, published=published, doc_id=doc_id)


def analyse(text: str, *, toponyms: Spans | None = None, published: str | date | None = None,
            doc_id: str | None = None) -> tuple[Document, Doc | None]:
    """:func:`parse`, also returning the spaCy ``Doc`` with every component of the model
    run (for stages that need the full linguistic analysis; None for a blank text)."""
    return geoparser().analyse(text, toponyms=toponyms, published=published, doc_id=doc_id)


def extract_events(text: str, *, published: str | date | None = None) -> list[Event]:
    """The events of ``text`` (see :mod:`geoevents.events`); relative dates resolve
    against ``published`` (a date or ``YYYY-MM-DD``), else stay unresolved."""
    return parse(text, published=published).events


def parse_many(items: Iterable[str | Mapping[str, Any]], *, n_process: int = 1,
               batch_size: int = 64, events: bool = True,
               progress: bool | None = False) -> Iterator[Document]:
    """Parse many texts, streaming; yields one Document per item, in order.

    Items are strings or records (mappings) with ``text`` and optionally ``id`` (or
    ``doc_id``), ``published`` and ``toponyms`` (forced spans). A bad item — not a string
    or record, an unreadable publication date, a date the event stage cannot compute with,
    a failure in any stage — is logged with its id and yields a Document with the reason
    in ``error`` (and no toponyms or events), so one bad record never stops a batch. Like
    :func:`parse`, items without forced spans get their events too, unless
    ``events=False`` (toponyms only, with fewer spaCy components: faster).
    ``progress=True`` shows a progress bar on stderr (None: when stderr is a terminal).
    ``n_process`` is a number of processes (-1: one per CPU) and ``batch_size`` a number
    of texts per spaCy batch; wrong settings, or ``items`` that are not an iterable of
    texts or records (a lone string, a mapping), raise InputError at once.
    """
    return geoparser().parse_many(items, n_process=n_process, batch_size=batch_size,
                                  events=events, progress=progress)


# -- input checks ------------------------------------------------------------------------


def check_text(text: object) -> str:
    """The text if it is a processable string, else an InputError saying why."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError(f"text has {len(text):,} characters, more than the limit of "
                         f"{MAX_CHARS:,}; split it into smaller documents")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, e.g. from JSON's "\ud800"
        raise InputError(f"text contains invalid Unicode: a lone surrogate "
                         f"(U+{ord(text[exc.start]):04X}) at character {exc.start}") from None
    return text


def check_spans(text: str, spans: object) -> list[tuple[int, int]] | None:
    """Validated ``(start, end)`` character spans inside ``text``."""
    if spans is None:
        return None
    wrong = InputError("toponyms must be a list of (start, end) integer pairs")
    if isinstance(spans, str | bytes | Mapping) or not isinstance(spans, Iterable):
        raise wrong
    out = []
    for span in spans:
        if isinstance(span, str | bytes | Mapping) or not isinstance(span, Iterable):
            raise wrong
        pair = tuple(islice(span, 3))
        if len(pair) != 2 or not all(isinstance(i, Integral) and not isinstance(i, bool)
                                     for i in pair):
            raise wrong
        start, end = int(pair[0]), int(pair[1])
        if not 0 <= start < end <= len(text):
            raise InputError(f"toponym span ({shown(start)}, {shown(end)}) is outside the "
                             f"text (length {len(text)})")
        out.append((start, end))
    return out


def check_count(name: str, value: object, most: int, *, all_cpus: bool = False) -> int:
    """An integer setting from 1 to ``most`` (with ``all_cpus``, -1 too: one per CPU, as
    in spaCy)."""
    if isinstance(value, bool) or not isinstance(value, Integral) or \
            not (1 <= int(value) <= most or (all_cpus and int(value) == -1)):
        extra = " or -1 (one per CPU)" if all_cpus else ""
        raise InputError(f"{name} must be an integer from 1 to {most:,}{extra}, got "
                         f"{shown(value)}")
    return int(value)


def check_flag(name: str, value: object, *, optional: bool = False) -> None:
    """InputError unless ``value`` is True or False (or, when ``optional``, None)."""
    if not (isinstance(value, bool) or (optional and value is None)):
        raise InputError(f"{name} must be True or False{' or None' if optional else ''}, "
                         f"got {shown(value)}")


def check_confidence(value: object) -> float:
    """A ``min_confidence`` setting: a number from 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, Real) or \
            not 0 <= value <= 1:  # type: ignore[operator]  # no float(): 10**400 overflows
        raise InputError(f"min_confidence must be a number from 0 to 1, got {shown(value)}")
    return float(value)


def check_choice(name: str, value: object, choices: Sequence[str]) -> None:
    """InputError unless ``value`` is one of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        raise InputError(f"unknown {name} {shown(value)}; use one of {', '.join(choices)}")


def _item(raw: object) -> Item:
    """The Item of a string or record; an Item with ``error`` when it is unusable."""
    try:
        if isinstance(raw, str):
            return make_item(raw)
        if isinstance(raw, Mapping):
            if "text" not in raw:
                raise InputError("record has no 'text' field")
            return make_item(raw["text"], doc_id=_item_id(raw), published=raw.get("published"),
                             toponyms=raw.get("toponyms"))
        raise InputError(f"item must be a string or a mapping with 'text', got "
                         f"{type(raw).__name__}")
    except InputError as exc:
        return Item("", doc_id=_item_id(raw, strict=False), error=str(exc))


def _item_id(item: object, *, strict: bool = True) -> str | None:
    """A record's ``id`` (or ``doc_id``) as text. An id with no text form (an integer of
    thousands of digits) is an InputError, or with ``strict=False`` no id."""
    if isinstance(item, Mapping):
        value = item.get("id", item.get("doc_id"))
        try:
            return None if value is None else str(value)
        except ValueError:
            if strict:
                raise InputError(f"id has no text form: {shown(value)}") from None
            return None
    return None


def _failed(item: Item, reason: str, errors: Errors) -> Document:
    """The Document of an item that cannot be processed (or, ``errors="raise"``, the
    InputError)."""
    if errors == "raise":
        raise InputError(reason)
    return Document(text=item.prepared.original if item.prepared else item.text,
                    doc_id=item.doc_id, published=_iso(item.published), error=reason)


def _text_of(item: Item) -> str:
    return "" if item.error is not None else item.text


def _iso(published: date | None) -> str | None:
    return None if published is None else published.isoformat()


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".strip().rstrip(":")


def _streams(item: Item) -> bool:
    """Whether the item's text is parsed piece by piece (see the module docstring)."""
    return item.error is None and item.spans is None and (len(item.text) > CHUNK_CHARS or (
        len(item.text) > CHUNK_TOKENS and len(_chunks(item.text, CHUNK_CHARS)) > 1))


def _cut_again(whole: list[Item]) -> bool:
    """Whether the texts of items that do not stream (:func:`_streams`) are to be cut into
    pieces (and so their tokens counted again): only when one has forced spans, whose
    text may be long (see the module docstring); any other is one piece."""
    return any(item.spans is not None for item in whole)


def _piece(item: Item, text: str) -> Item:
    """The item of one piece of a streamed item's text."""
    return Item(text, doc_id=item.doc_id, published=item.published)


def _joined(docs: list[Doc]) -> Doc:
    """One ``Doc`` of the pieces of a text."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


class _Combined:
    """The Document of a streamed text, gathered from its pieces' Documents."""

    def __init__(self, item: Item) -> None:
        self.item = item
        self.toponyms: list[Toponym] = []
        self.events: list[Event] = []
        self.error: str | None = None
        self.tokens = 0  # tokens of the pieces so far

    def add(self, piece: Document, offset: int, tokens: int) -> None:
        """Add the toponyms and events of the piece starting at character ``offset``
        (with ``tokens`` tokens)."""
        if piece.error is not None:
            self.error = self.error or piece.error
            return

        def on(i: int) -> int:
            return i + offset

        self.events.extend(_moved(piece.toponyms, piece.events, on, on, self.tokens))
        self.tokens += tokens
        self.toponyms.extend(piece.toponyms)

    def document(self, errors: Errors) -> Document:
        """The whole text's Document (a failed one when a piece failed)."""
        if self.error is not None:
            return _failed(self.item, self.error, errors)
        return _in_original(Document(text=self.item.text, doc_id=self.item.doc_id,
                                     published=_iso(self.item.published),
                                     toponyms=self.toponyms, events=self.events), self.item)


def _in_original(document: Document, item: Item) -> Document:
    """The Document of an item's prepared text with the text given and offsets into it."""
    prepared = item.prepared
    if prepared is None:
        return document
    events = _moved(document.toponyms, document.events, prepared.start, prepared.end)
    return dataclasses.replace(document, text=prepared.original, events=events)


def _moved(toponyms: list[Toponym], events: list[Event], start: Callable[[int], int],
           end: Callable[[int], int], tokens: int = 0) -> list[Event]:
    """Move toponyms (in place) and events (new ones, returned) to other character
    offsets, a span's start through ``start`` and its end through ``end``, and (a
    recogniser's Mention) ``tokens`` tokens on."""
    from geoevents.events.extract import event_id
    from geoevents.recognise import Mention

    moved: set[int] = set()
    for toponym in toponyms:  # composites share their parts with the list
        for mention in (toponym, *getattr(toponym, "parts", ())):
            if id(mention) in moved:
                continue
            moved.add(id(mention))
            mention.start, mention.end = start(mention.start), end(mention.end)
            if isinstance(mention, Mention):
                mention.sentence = (start(mention.sentence[0]), end(mention.sentence[1]))
                mention.token_start += tokens
                mention.token_end += tokens
    out = []
    for event in events:
        first, last = start(event.trigger_start), end(event.trigger_end)
        out.append(dataclasses.replace(
            event, id=event_id(event.doc_id, first, last, event.sub_event_type),
            trigger_start=first, trigger_end=last,
            location_start=None if event.location_start is None else start(event.location_start),
            location_end=None if event.location_end is None else end(event.location_end),
            mentions=[{**m, "start": start(m["start"]), "end": end(m["end"])}
                      for m in event.mentions]))
    return out


def _chunks(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters and
    :data:`CHUNK_TOKENS` tokens, at line ends, sentence ends or spaces when possible; the
    pieces join back into ``text``."""
    if len(text) <= min(size, CHUNK_TOKENS):
        return [text]
    pieces = []
    start = 0
    while True:
        window = text[start:start + size]
        tokens = sum(1 for _ in _TOKEN.finditer(window))
        while tokens > CHUNK_TOKENS:  # a dense text: a piece of fewer characters
            window = window[:len(window) * CHUNK_TOKENS // tokens]
            tokens = sum(1 for _ in _TOKEN.finditer(window))
        if start + len(window) >= len(text):
            break
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind(" "))
        end = start + (cut + 1 if cut > len(window) // 2 else len(window))
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
