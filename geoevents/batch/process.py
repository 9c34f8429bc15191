"""The unit of work of a batch run: records in, event and place tables out.

:func:`process_records` runs in whichever process does the work — the main process, a
worker of the local process pool, or a Dask worker. Each process keeps one pipeline (spaCy
model, recogniser, resolver, read-only gazetteer) for its whole life, through
:func:`geoevents.pipeline.geoparser`; a lock keeps a multi-threaded Dask worker from using
it from two threads at once.

The records go through the one orchestration, :meth:`geoevents.pipeline.Geoparser.run`,
which isolates errors per record: when spaCy fails on an ``nlp.pipe`` batch, the batch is
retried one record at a time, and an exception in resolution or event extraction only
costs the record that raised it. The records that failed come back as :class:`ErrorEntry`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geoevents.corpus import Record
from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.pipeline import make_item

if TYPE_CHECKING:
    import geopandas as gpd

    from geoevents.pipeline import Item

# Document metadata added to every event row (the export layer has doc_id only).
METADATA_COLUMNS = ("published", "url", "title")

_lock = threading.Lock()


@dataclass(frozen=True)
class Settings:
    """What every worker needs to build its pipeline (small, picklable)."""

    model: str | None = None
    gazetteer: str | None = None
    batch_size: int = 64
    published: str | None = None  # for records without a publication date
    min_confidence: float | None = None  # the pipeline's min_confidence (None: default)


@dataclass(frozen=True)
class ErrorEntry:
    """A record that could not be processed: one line of the errors file."""

    id: str
    reason: str
    source: str = ""
    stage: str = "read"  # "read": the corpus reader rejected it; "process": the pipeline

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "reason": self.reason, "source": self.source}


@dataclass
class Result:
    """The outcome of processing ``records`` consecutive records of shard ``shard``."""

    shard: int
    records: int
    documents: int
    events: gpd.GeoDataFrame
    places: gpd.GeoDataFrame
    errors: list[ErrorEntry] = field(default_factory=list)

    @property
    def event_count(self) -> int:
        return len(self.events)


def process_records(shard: int, records: list[Record], settings: Settings) -> Result:
    """Parse ``records`` into documents with events, as event and place tables."""
    with _lock:
        return _process(shard, records, settings)


def _process(shard: int, records: list[Record], settings: Settings) -> Result:
    import pandas as pd

    from geoevents.export import to_geodataframes

    # what goes wrong per record, by position, so errors keep corpus order
    failed: dict[int, ErrorEntry] = {}
    todo: list[tuple[int, Record, Item]] = []
    for i, record in enumerate(records):
        if record.error is not None:
            failed[i] = ErrorEntry(record.id, record.error, record.source)
            continue
        try:
            item = make_item(record.text, doc_id=record.id,
                             published=record.published or settings.published)
        except InputError as exc:
            failed[i] = ErrorEntry(record.id, str(exc), record.source)
            continue
        todo.append((i, record, item))
    parsed: list[Document] = []
    if todo:
        from geoevents.pipeline import geoparser

        parser = geoparser(settings.model, settings.gazetteer,
                           min_confidence=settings.min_confidence)
        documents = parser.run((item for _, _, item in todo), level="full",
                               batch_size=settings.batch_size, errors="record")
        for (i, record, _), (document, _doc) in zip(todo, documents, strict=True):
            if document.error is not None:
                failed[i] = ErrorEntry(record.id, document.error, record.source,
                                       stage="process")
                continue
            document.text = ""  # not needed downstream; keeps results small
            parsed.append(document)
    events, places = to_geodataframes(parsed)
    # event rows come document by document, in order
    meta = [r for i, r in enumerate(records) if i not in failed]
    for position, column in enumerate(METADATA_COLUMNS, start=2):
        if column in events.columns:  # the export layer's own column (published)
            continue
        values = [document.published if column == "published" else getattr(record, column)
                  for record, document in zip(meta, parsed, strict=True)
                  for _ in document.events]
        events.insert(position, column, pd.Series(values, dtype=object))
    errors = [failed[i] for i in sorted(failed)]
    return Result(shard, len(records), len(parsed), events, places, errors)
