"""The local engine: the main process alone, or a pool of worker processes.

Work is cut into chunks of ``batch_size`` records (one ``nlp.pipe`` batch each) that never
straddle a shard. With ``processes > 1`` the chunks go to a ``spawn`` process pool — one
pipeline and one read-only gazetteer per worker — with a bounded number in flight, so
memory does not grow with the corpus. Results come back in corpus order, one per chunk;
the driver (:mod:`geoevents.batch.engine`) combines the chunks of a shard.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future

from geoevents.batch.process import Result, Settings, process_records
from geoevents.corpus import Record
from geoevents.errors import GeoeventsError

# chunks in flight per worker: enough to keep workers busy while the main process writes
_IN_FLIGHT_PER_WORKER = 3


def run_local(shards: Iterable[tuple[int, list[Record]]], settings: Settings,
              processes: int) -> Iterator[Result]:
    """Process shards with ``processes`` processes; yield one Result per chunk, in order."""
    chunks = _chunks(shards, settings.batch_size)
    if processes <= 1:
        for shard, records in chunks:
            yield process_records(shard, records, settings)
    else:
        yield from _pooled(chunks, settings, processes)


def _pooled(chunks: Iterator[tuple[int, list[Record]]], settings: Settings,
            processes: int) -> Iterator[Result]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)
    pending: deque[Future[Result]] = deque()
    try:
        for shard, records in chunks:
            pending.append(pool.submit(process_records, shard, records, settings))
            if len(pending) >= processes * _IN_FLIGHT_PER_WORKER:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[Result]) -> Result:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise GeoeventsError("a worker process died (out of memory?); run the same command "
                             "with --resume to continue") from exc


def _worker_init() -> None:
    """Leave Ctrl-C to the main process, which stops the pool cleanly, and exit when the
    main process dies (``kill -9``) instead of waiting for work forever."""
    import multiprocessing
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    from multiprocessing.connection import wait

    wait([sentinel])
    os._exit(1)


def _chunks(shards: Iterable[tuple[int, list[Record]]],
            size: int) -> Iterator[tuple[int, list[Record]]]:
    """``(shard, records)`` pieces of at most ``size`` records, shard by shard."""
    for shard, records in shards:
        for start in range(0, len(records), size):
            yield shard, records[start:start + size]
