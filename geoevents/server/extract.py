"""``/extract`` and ``/map``: the event pipeline on posted texts, in worker processes.

The pipeline is CPU-bound and holds the GIL, so it never runs in the server process: a
small pool of worker processes (:class:`Extractor`, one by default) does the work, each
loading the spaCy model and the gazetteer once, when it starts. The server process only
waits on a pipe, so it goes on answering other requests. A request has a wall-clock
budget that covers waiting for a free worker and the work itself; a worker still busy
when the budget runs out is killed (``SIGKILL``: a document stuck in spaCy cannot be
stopped more gently) and replaced by a fresh one, and the request gets 503.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from geoevents.errors import GeoeventsError
from geoevents.model import Document

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from geoevents.server.schemas import DocumentIn, Rejected

log = logging.getLogger("geoevents.server")

# shapes in responses are simplified to 1/1000 of their extent, at least this (degrees,
# about 500 m), so that country polygons do not turn a response into megabytes
SHAPE_TOLERANCE_DEG = 0.005
# requests allowed to wait for a busy worker, per worker; more get 503 at once
QUEUE_PER_WORKER = 4
WARM_UP_TEXT = "Shelling hit Gaza on Monday."
# what a worker is sent: the kind of job ("extract", "extract_text" for a lone text, or
# "map"), the documents of the request (or why one is not a document), min_confidence
Items = list["DocumentIn | Rejected"]
Job = tuple[str, Items, float | None]


class ExtractionUnavailable(Exception):
    """The event pipeline cannot run in this installation."""


class ExtractionTimeout(Exception):
    """The request did not finish within the time budget (or found no free worker)."""


class ExtractionFailed(Exception):
    """The pipeline failed on the posted texts (a bug, reported as 500)."""


class Extractor:
    """A pool of ``workers`` extraction processes with a per-request time budget.

    Processes start on the first request, or all at once with :meth:`start` (and are
    replaced when killed); ``close()`` stops them. ``gazetteer`` is the path the workers
    open (None: the default one).
    """

    def __init__(self, timeout_s: float, *, workers: int = 1,
                 gazetteer: str | None = None) -> None:
        if workers < 1:
            raise ValueError("an extractor needs at least one worker")
        self.timeout_s = timeout_s
        self.size = workers
        self.gazetteer = gazetteer
        self._idle: list[_Worker] = []
        self._started = 0  # processes alive (idle or busy)
        self._waiting = 0
        self._lock = threading.Lock()
        self._free: asyncio.Condition | None = None

    async def parse(self, items: Items, min_confidence: float | None = None, *,
                    lone: bool = False) -> bytes:
        """The JSON FeatureCollection (see :func:`feature_collection`) of ``items``; names
        whose best place is less likely than ``min_confidence`` stay unresolved. A
        document that is rejected or fails is an entry of the collection's ``errors``,
        but a ``lone`` text (a request's ``text``) that fails is an error of the request
        (GeoeventsError)."""
        result: bytes = await self._run(("extract_text" if lone else "extract", items,
                                         min_confidence))
        return result

    async def map_html(self, items: Items, min_confidence: float | None = None) -> str:
        """The self-contained HTML map of ``items`` (``min_confidence`` as in :meth:`parse`)."""
        result: str = await self._run(("map", items, min_confidence))
        return result

    async def _run(self, job: Job) -> Any:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout_s
        worker = await self._acquire(deadline)
        try:
            remaining = max(0.0, deadline - loop.time())
            reply = await asyncio.wait_for(asyncio.to_thread(worker.call, job), remaining)
        except TimeoutError:
            log.warning("extraction over its %g s budget: killing worker %s",
                        self.timeout_s, worker.pid)
            worker = await self._replace(worker)  # the new one warms up for the next request
            raise ExtractionTimeout(
                f"extraction did not finish within the {self.timeout_s:g} s time budget; "
                "send shorter texts or fewer documents per request") from None
        except (EOFError, OSError):
            log.error("extraction worker %s died", worker.pid)
            worker = await self._replace(worker)
            raise ExtractionFailed("the extraction worker stopped unexpectedly") from None
        finally:
            await self._release(worker)
        status, payload = reply
        if status == "ok":
            return payload
        if status == "invalid":
            raise GeoeventsError(payload)
        if status == "unavailable":
            raise ExtractionUnavailable(payload)
        raise ExtractionFailed(payload)

    async def _acquire(self, deadline: float) -> _Worker:
        if self._free is None:
            self._free = asyncio.Condition()
        loop = asyncio.get_running_loop()
        async with self._free:
            if not self._idle and self._started >= self.size and \
                    self._waiting >= QUEUE_PER_WORKER * self.size:
                raise ExtractionTimeout("all extraction workers are busy; try again later")
            self._waiting += 1
            try:
                while not self._idle and self._started >= self.size:
                    remaining = deadline - loop.time()
                    if remaining <= 0:
                        raise ExtractionTimeout(
                            "all extraction workers stayed busy for the whole "
                            f"{self.timeout_s:g} s time budget; try again later")
                    try:
                        await asyncio.wait_for(self._free.wait(), remaining)
                    except TimeoutError:
                        continue
            finally:
                self._waiting -= 1
            return self._idle.pop() if self._idle else self._spawn()

    async def _release(self, worker: _Worker) -> None:
        assert self._free is not None
        async with self._free:
            self._idle.append(worker)
            self._free.notify()

    def start(self) -> None:
        """Start the processes not yet running; each loads the model while the server goes
        on, so that the first requests do not wait for it (about 6 s on a quiet machine)."""
        self._idle.extend(self._spawn() for _ in range(self.size - self._started))

    def _spawn(self) -> _Worker:
        with self._lock:
            self._started += 1
        return _Worker(self.gazetteer)

    async def _replace(self, worker: _Worker) -> _Worker:
        """Kill ``worker`` and start a new process in its place."""
        await asyncio.to_thread(worker.kill)
        with self._lock:
            self._started -= 1
        return self._spawn()

    def close(self) -> None:
        """Stop the worker processes (a later request starts new ones)."""
        idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()
            worker.conn.close()
        with self._lock:
            self._started -= len(idle)
        self._free = None

    @property
    def pids(self) -> list[int]:
        """Process ids of the idle workers (for tests and monitoring)."""
        return [w.pid for w in self._idle if w.pid is not None]


class _Worker:
    """One extraction process and the pipe to it."""

    def __init__(self, gazetteer: str | None) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve, args=(child, gazetteer), name="geoevents-extract", daemon=True)
        self.process.start()
        child.close()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def call(self, job: Job) -> tuple[str, Any]:
        """Send a job and wait for its reply (EOFError when the process dies)."""
        try:
            self.conn.send(job)
            reply: tuple[str, Any] = self.conn.recv()
        except (EOFError, OSError):
            self.conn.close()
            raise
        return reply

    def kill(self) -> None:
        """Stop the process now; a thread blocked in :meth:`call` gets EOFError."""
        self.process.kill()
        self.process.join(5)


# -- the worker process -----------------------------------------------------------------------


def _serve(conn: Connection, gazetteer: str | None) -> None:
    """Main loop of a worker process: answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    if gazetteer:
        os.environ["GEOEVENTS_GAZETTEER"] = gazetteer
    jobs: dict[str, Callable[[Items, float | None], Any]] = {
        "extract": _extract_json, "extract_text": _extract_text_json, "map": _map_html}
    try:
        from geoevents.server.schemas import DocumentIn

        # loads the model now rather than during the first request
        _parse_all([DocumentIn(id=None, text=WARM_UP_TEXT, published=None)], None)
    except Exception:  # reported with the first job instead
        log.debug("warm-up failed", exc_info=True)
    while True:
        try:
            kind, items, min_confidence = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", jobs[kind](items, min_confidence))
        except ImportError as exc:
            reply = ("unavailable", "event extraction is not available in this installation "
                                    f"(cannot import {exc.name or 'a required module'})")
        except GeoeventsError as exc:
            reply = ("invalid", str(exc))
        except Exception as exc:  # the server answers 500 and logs it
            log.exception("extraction failed")
            reply = ("failed", f"extraction failed: {type(exc).__name__}")
        conn.send(reply)


def _extract_text_json(items: Items, min_confidence: float | None) -> bytes:
    return _extract_json(items, min_confidence, lone=True)


def _extract_json(items: Items, min_confidence: float | None, *, lone: bool = False) -> bytes:
    import orjson

    documents = _parse_all(items, min_confidence)
    if lone and documents[0].error is not None:
        raise GeoeventsError(documents[0].error)
    collection = feature_collection([d for d in documents if d.error is None])
    collection["errors"] = [{"index": n, "id": d.doc_id, "error": d.error}
                            for n, d in enumerate(documents) if d.error is not None]
    return orjson.dumps(collection)


def _map_html(items: Items, min_confidence: float | None) -> str:
    from geoevents.maps import render_map

    documents = _parse_all(items, min_confidence)
    failed = next((d for d in documents if d.error is not None), None)
    if failed is not None:  # a map has no place to tell it
        raise GeoeventsError(failed.error or "")
    return str(render_map(documents).get_root().render())


def _parse_all(items: Items, min_confidence: float | None) -> list[Document]:
    """The Document of each item, in order, as :func:`geoevents.parse_many` makes them
    (a document that fails has ``error`` set); a rejected item's Document has its
    reason as ``error``."""
    from geoevents.pipeline import geoparser
    from geoevents.server.schemas import Rejected

    parser = geoparser(min_confidence=min_confidence)
    records = [{"text": item.text, "id": item.id, "published": item.published}
               for item in items if not isinstance(item, Rejected)]
    parsed = iter(parser.parse_many(records))
    return [Document(text="", doc_id=item.id, error=item.error)
            if isinstance(item, Rejected) else next(parsed) for item in items]


# -- GeoJSON ---------------------------------------------------------------------------------


def feature_collection(documents: list[Document]) -> dict[str, Any]:
    """The two layers of :func:`geoevents.export.to_geodataframes` in one collection, told
    apart by the ``layer`` property: events (a Point, or a null geometry when unlocated;
    ``id`` = ``event_id``) and the places the texts mention (their shapes, simplified)."""
    from geoevents.export import geojson_features, to_geodataframes

    events, places = to_geodataframes(documents)
    return {"type": "FeatureCollection", "features": [
        *geojson_features(events, id_column="event_id", properties={"layer": "event"}),
        *geojson_features(places, id_column="place_id", properties={"layer": "place"},
                          shape=_simplified),
    ]}


def _simplified(shape: Any) -> Any:
    west, south, east, north = shape.bounds
    tolerance = max(SHAPE_TOLERANCE_DEG, max(east - west, north - south) / 1000)
    return shape.simplify(tolerance, preserve_topology=True)
