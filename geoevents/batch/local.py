"""The local engine: the main process alone, or a pool of worker processes.

Work is cut into chunks of ``batch_size`` records (one ``nlp.pipe`` batch each) that never
straddle a shard. With ``processes > 1`` the chunks go to a ``spawn`` process pool — one
pipeline and one read-only gazetteer per worker — with a bounded number in flight, so
memory does not grow with the corpus. Results come back in corpus order, one or more
per chunk; the driver (:mod:`geoevents.batch.engine`) combines the chunks of a shard.

A document that kills its worker (a crash in native code, the kernel's out-of-memory
killer) does not end the run: the chunks that were in flight are run again one at a time
in a fresh worker, a chunk that kills it again is halved until the document that does it
is found, and that document becomes an error record; the run then goes on with a new pool.
"""

from __future__ import annotations

import dataclasses
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from geoevents.batch.process import Result, Settings, process_records
from geoevents.corpus import Record

# what a worker runs on a chunk: process_records, or a stand-in in tests
Work = Callable[[int, list[Record], Settings], Result]

# chunks in flight per worker: enough to keep workers busy while the main process writes
_IN_FLIGHT_PER_WORKER = 3


def run_local(shards: Iterable[tuple[int, list[Record]]], settings: Settings,
              processes: int, work: Work = process_records) -> Iterator[Result]:
    """Process shards with ``processes`` processes; yield Results in corpus order."""
    chunks = _chunks(shards, settings.batch_size)
    if processes <= 1:
        for shard, records in chunks:
            yield work(shard, records, settings)
    else:
        yield from _pooled(chunks, settings, processes, work)


def _new_pool(processes: int) -> ProcessPoolExecutor:
    import multiprocessing

    return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)


def _pooled(chunks: Iterator[tuple[int, list[Record]]], settings: Settings,
            processes: int, work: Work) -> Iterator[Result]:
    from concurrent.futures.process import BrokenProcessPool

    pool = _new_pool(processes)
    pending: deque[tuple[int, list[Record], Future[Result]]] = deque()

    def drain(keep: int) -> Iterator[Result]:
        nonlocal pool
        while len(pending) > keep:
            future = pending[0][2]
            try:
                result = future.result()
            except BrokenProcessPool:
                # every chunk in flight is lost with the pool; the culprit is among them
                lost = [(s, r) for s, r, _ in pending]
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                yield from _isolate(lost, settings, work)
                pool = _new_pool(processes)
                return
            pending.popleft()
            yield result

    try:
        for shard, records in chunks:
            pending.append((shard, records, pool.submit(work, shard, records, settings)))
            yield from drain(processes * _IN_FLIGHT_PER_WORKER - 1)
        yield from drain(0)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolate(chunks: list[tuple[int, list[Record]]], settings: Settings,
             work: Work) -> Iterator[Result]:
    """Results of ``chunks`` run one at a time in a one-worker pool, halving any chunk
    that kills its worker; a single document that does is an error record."""
    from concurrent.futures.process import BrokenProcessPool

    todo = deque(chunks)
    pool = _new_pool(1)
    try:
        while todo:
            shard, records = todo.popleft()
            try:
                result = pool.submit(work, shard, records, settings).result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _new_pool(1)
                if len(records) == 1:
                    yield _killed_by(shard, records[0], settings)
                else:
                    half = len(records) // 2
                    todo.extendleft([(shard, records[half:]), (shard, records[:half])])
                continue
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _killed_by(shard: int, record: Record, settings: Settings) -> Result:
    """The Result of a record that kills the worker process processing it: an error."""
    died = dataclasses.replace(record, error="the worker process died on this document (a "
                               "crash or out of memory); the run went on without it")
    result = process_records(shard, [died], settings)
    result.errors = [dataclasses.replace(e, stage="process") for e in result.errors]
    return result


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
