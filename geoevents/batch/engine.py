"""The driver of a batch run: corpus → shards → engine → committed GeoParquet shards.

:func:`run` reads the corpus as a stream, cuts it into shards of ``shard_size`` records,
hands them to the local engine (:mod:`~geoevents.batch.local`) or the Dask engine
(:mod:`~geoevents.batch.cluster`), and commits each shard as soon as all its records are
back (:mod:`~geoevents.batch.store`). With ``resume=True`` the shards the manifest lists
are skipped. When the output is a single file (``.gpkg``, ``.geojson``, ``.parquet``,
``.fgb``, ``.csv``) the shards are kept in ``OUT.parts/`` during the run and written into
that file at the end, after cross-document deduplication (:mod:`~geoevents.batch.dedup`;
this needs the events in memory once); a directory output stays sharded, is never loaded
whole and is not deduplicated.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.batch.process import Result, Settings
from geoevents.batch.store import ERRORS_NAME, ShardStore
from geoevents.corpus import DEFAULT_MAX_CHARS, Record, corpus_format, count_records, read_corpus
from geoevents.errors import GeoeventsError, InputError
from geoevents.progress import Progress

if TYPE_CHECKING:
    import geopandas as gpd

ENGINES = ("local", "dask")
DEFAULT_BATCH_SIZE = 64
DEFAULT_SHARD_SIZE = 1000


@dataclass
class BatchOptions:
    """How to run a batch; the CLI options of ``geoevents extract`` map one to one."""

    processes: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    shard_size: int = DEFAULT_SHARD_SIZE
    max_chars: int = DEFAULT_MAX_CHARS
    text_column: str = "text"
    id_column: str | None = None
    errors: Path | None = None
    resume: bool = False
    engine: str = "local"
    scheduler: str | None = None
    progress: bool | None = False  # None: when stderr is a terminal
    published: str | None = None  # publication date of records without one
    min_confidence: float | None = None  # below it names stay unresolved (None: default)
    dedup: bool = True  # merge reports of one event (single-file outputs only)
    model: str | None = None
    gazetteer: Path | None = None
    schema: str = "geoevents"  # columns of a single-file output (geoevents.export.SCHEMAS)


@dataclass
class BatchSummary:
    """What a run did. Counts cover the whole corpus, including resumed shards; ``events``
    is the number written (after deduplication for a single file)."""

    output: Path
    files: list[Path]
    errors_path: Path
    records: int = 0
    documents: int = 0
    events: int = 0
    errors: int = 0
    resumed: int = 0  # records done by an earlier, interrupted run
    seconds: float = 0.0
    shards: int = 0

    @property
    def rate(self) -> float:
        """Records processed per second by this run."""
        return (self.records - self.resumed) / self.seconds if self.seconds > 0 else 0.0


@dataclass
class _Pending:
    """Chunks of one shard received so far (the local engine returns shards in pieces)."""

    size: int
    parts: list[Result] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return sum(p.records for p in self.parts) == self.size


@dataclass
class _FailureGuard:
    """Stops a run whose pipeline fails on every record (a broken install, not bad data)."""

    limit: int = 20
    documents: int = 0
    failures: int = 0

    def check(self, result: Result) -> None:
        self.documents += result.documents
        failed = [e for e in result.errors if e.stage == "process"]
        self.failures += len(failed)
        if self.documents == 0 and self.failures >= self.limit:
            raise GeoeventsError(f"the pipeline failed on each of the first {self.failures} "
                                 f"records, e.g. {failed[-1].id!r}: {failed[-1].reason}; "
                                 "stopping (fix the cause, then rerun with --resume)")


def is_directory(output: Path) -> bool:
    """Whether ``output`` is a directory of shards (an existing folder or a name without an
    extension) rather than one GIS file."""
    return output.is_dir() or not output.suffix


def run(inputs: Sequence[Path | str], output: Path | str,
        options: BatchOptions | None = None) -> BatchSummary:
    """Extract the events of a corpus into ``output``; see the module docstring."""
    options = options or BatchOptions()
    paths = [Path(p) for p in inputs]
    output = Path(output)
    _check(paths, options)
    if is_directory(output):
        root = output
        errors_path = options.errors or root / ERRORS_NAME
    else:
        from geoevents.export import check_output_path

        check_output_path(output, schema=options.schema)
        root = output.with_name(output.name + ".parts")
        errors_path = options.errors or output.with_name(f"{output.stem}.errors.jsonl")
    store = ShardStore(root, fingerprint=_fingerprint(paths, options),
                       errors_path=errors_path.absolute(), resume=options.resume)
    resumed = sum(s.records for s in store.shards.values())
    started = time.perf_counter()
    pending: dict[int, _Pending] = {}
    shards = _shards(read_corpus(paths, max_chars=options.max_chars,
                                 text_column=options.text_column, id_column=options.id_column),
                     options.shard_size, skip=set(store.shards), pending=pending)

    def total() -> int:
        return count_records(paths, text_column=options.text_column,
                             id_column=options.id_column)

    guard = _FailureGuard()
    with Progress("documents", enabled=options.progress, done=resumed, counts=True,
                  count_total=total) as progress:
        for result in _engine(shards, options):
            guard.check(result)
            progress.advance(result.records, events=result.event_count,
                             errors=len(result.errors))
            shard = pending[result.shard]
            shard.parts.append(result)
            if shard.complete:
                store.commit(_combine(pending.pop(result.shard).parts))
    files = [*store.event_files(), store.finish()]
    events = sum(s.events for s in store.shards.values())
    if root != output:
        files, events = _write_single_file(store, output, dedup=options.dedup,
                                           schema=options.schema)
        shutil.rmtree(root)
        store.places_path.unlink()
    return BatchSummary(
        output=output, files=files, errors_path=store.errors_path,
        records=sum(s.records for s in store.shards.values()),
        documents=sum(s.documents for s in store.shards.values()),
        events=events,
        errors=sum(s.errors for s in store.shards.values()),
        resumed=resumed, seconds=time.perf_counter() - started, shards=len(store.shards))


def _check(paths: list[Path], options: BatchOptions) -> None:
    if not paths:
        raise InputError("no corpus given")
    for path in paths:
        corpus_format(path)
    for name in ("processes", "batch_size", "shard_size", "max_chars"):
        if getattr(options, name) < 1:
            raise InputError(f"--{name.replace('_', '-')} must be at least 1, "
                             f"got {getattr(options, name)}")
    if options.engine not in ENGINES:
        raise InputError(f"unknown engine {options.engine!r}; use one of {', '.join(ENGINES)}")
    if options.scheduler and options.engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    if options.published:
        from geoevents.events.dates import parse_published

        parse_published(options.published)  # InputError now rather than on every record


def _fingerprint(paths: list[Path], options: BatchOptions) -> dict[str, Any]:
    """What must not change between a run and its resumption."""
    from geoevents.gazetteer.store import default_path
    from geoevents.nlp import model_name

    return {
        "inputs": [[str(p.resolve()), p.stat().st_size if p.is_file() else None]
                   for p in paths],
        "shard_size": options.shard_size,
        "max_chars": options.max_chars,
        "text_column": options.text_column,
        "id_column": options.id_column,
        "published": options.published,
        "min_confidence": options.min_confidence,
        "model": model_name(options.model),
        "gazetteer": _file_identity((options.gazetteer or default_path()).expanduser()),
    }


def _file_identity(path: Path) -> list[Any]:
    """Path, size and modification time: a rebuilt gazetteer is a different one."""
    if not path.is_file():
        return [str(path.resolve()), None, None]
    stat = path.stat()
    return [str(path.resolve()), stat.st_size, int(stat.st_mtime)]


def _shards(records: Iterator[Record], size: int, *, skip: set[int],
            pending: dict[int, _Pending]) -> Iterator[tuple[int, list[Record]]]:
    """``(index, records)`` for every shard not in ``skip``; registers each as pending."""
    index = 0
    while group := list(islice(records, size)):
        if index not in skip:
            pending[index] = _Pending(len(group))
            yield index, group
        index += 1


def _engine(shards: Iterable[tuple[int, list[Record]]],
            options: BatchOptions) -> Iterator[Result]:
    settings = Settings(
        model=options.model, batch_size=options.batch_size, published=options.published,
        min_confidence=options.min_confidence,
        gazetteer=str(options.gazetteer.expanduser().resolve()) if options.gazetteer else None)
    if options.engine == "dask":
        from geoevents.batch.cluster import run_dask

        return run_dask(shards, settings, scheduler=options.scheduler,
                        workers=options.processes)
    from geoevents.batch.local import run_local
    from geoevents.geocoding import default_gazetteer

    default_gazetteer(options.gazetteer)  # built (once) before the workers need it
    return run_local(shards, settings, options.processes)


def _combine(parts: list[Result]) -> Result:
    """The chunks of one shard as one Result."""
    if len(parts) == 1:
        return parts[0]
    import pandas as pd

    return Result(
        shard=parts[0].shard,
        records=sum(p.records for p in parts),
        documents=sum(p.documents for p in parts),
        events=pd.concat([p.events for p in parts], ignore_index=True),
        places=pd.concat([p.places for p in parts], ignore_index=True),
        errors=[e for p in parts for e in p.errors])


def _write_single_file(store: ShardStore, output: Path, *, dedup: bool,
                       schema: str = "geoevents") -> tuple[list[Path], int]:
    """Write all shards into ``output``; return the files and the number of events."""
    from geoevents.export import write_frames

    events = _read_events(store)
    if dedup:
        from geoevents.batch.dedup import deduplicate_frame

        events = deduplicate_frame(events)
    return write_frames(events, _read_places(store), output, schema=schema), len(events)


def _read_events(store: ShardStore) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import pandas as pd

    frames = [gpd.read_parquet(path) for path in store.event_files()]
    if not frames:
        from geoevents.export import to_geodataframe

        return to_geodataframe([])
    return pd.concat(frames, ignore_index=True)


def _read_places(store: ShardStore) -> gpd.GeoDataFrame:
    import geopandas as gpd

    return gpd.read_parquet(store.places_path)
