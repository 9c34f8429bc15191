"""The Dask engine: shards as tasks on a Dask cluster.

Each shard of the corpus becomes one task (a partition of ``shard_size`` records) that a
Dask worker runs with :func:`~geoevents.batch.process.process_records` — the same code as
the local engine, with one pipeline per worker process cached for the worker's lifetime.
The client reads the corpus and keeps only a few partitions per worker in flight, so
neither the client nor the scheduler ever holds the whole corpus; the workers send back
event and place tables, and the client writes the GeoParquet shards. Workers therefore
need geoevents, the spaCy model and a gazetteer, but no access to the corpus or the output.

Without ``scheduler`` a :class:`distributed.LocalCluster` of ``workers`` single-threaded
worker processes is started on 127.0.0.1 (no dashboard) and stopped at the end.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from geoevents.batch.process import Result, Settings, process_records
from geoevents.corpus import Record
from geoevents.errors import GeoeventsError

_IN_FLIGHT_PER_WORKER = 2


def run_dask(shards: Iterable[tuple[int, list[Record]]], settings: Settings, *,
             scheduler: str | None, workers: int) -> Iterator[Result]:
    """Process shards on a Dask cluster; yield one Result per shard as each completes."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise GeoeventsError("--engine dask needs Dask: pip install 'geoevents[dask]'") from exc
    run = uuid.uuid4().hex[:8]
    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(_connect(Client, scheduler))
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True,
                host="127.0.0.1", dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        running = as_completed()
        for shard, records in shards:
            running.add(client.submit(process_records, shard, records, settings,
                                      key=f"geoevents-shard-{shard}-{run}"))
            while running.count() >= n_workers * _IN_FLIGHT_PER_WORKER:
                yield _result(next(running))
        for future in running:
            yield _result(future)


def _result(future: Any) -> Result:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as exc:
        raise GeoeventsError(f"Dask workers died while processing {future.key} (out of "
                             "memory?); run the same command with --resume to continue") \
            from exc


def _connect(client_class: Any, scheduler: str) -> Any:
    try:
        return client_class(scheduler, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise GeoeventsError(f"cannot connect to the Dask scheduler at {scheduler}: "
                             f"{exc}") from exc
