"""``/extract`` and ``/map``: the event pipeline on posted texts, within a time budget.

Extraction runs on one background thread per server process (spaCy is CPU-bound, so more
threads would not finish sooner); a request that cannot finish within the budget is
answered with 503 and the work stops before the next document.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from geoevents.model import Document

if TYPE_CHECKING:
    from geoevents.server.schemas import DocumentIn

T = TypeVar("T")
# shapes in responses are simplified to 1/1000 of their extent, at least this (degrees,
# about 500 m), so that country polygons do not turn a response into megabytes
SHAPE_TOLERANCE_DEG = 0.005


class ExtractionUnavailable(Exception):
    """The event pipeline cannot be imported in this installation."""


class ExtractionTimeout(Exception):
    """The request did not finish within the time budget."""


class _Stopped(Exception):
    """Raised on the worker thread when a timed-out request is abandoned."""


class Extractor:
    """Runs the pipeline for the server: one worker thread, a per-request time budget."""

    def __init__(self, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self._pool: ThreadPoolExecutor | None = None  # started on first use, after close()

    async def parse(self, items: list[DocumentIn]) -> list[Document]:
        return await self._run(lambda stop: _parse_all(items, stop))

    async def map_html(self, items: list[DocumentIn]) -> str:
        def render(stop: threading.Event) -> str:
            from geoevents.maps import render_map

            documents = _parse_all(items, stop)
            return str(render_map(documents).get_root().render())

        return await self._run(render)

    async def _run(self, work: Callable[[threading.Event], T]) -> T:
        _check_available()
        stop = threading.Event()
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1,
                                            thread_name_prefix="geoevents-extract")
        future = asyncio.get_running_loop().run_in_executor(self._pool, work, stop)
        try:
            return await asyncio.wait_for(future, self.timeout_s)
        except TimeoutError:
            stop.set()
            raise ExtractionTimeout(
                f"extraction did not finish within the {self.timeout_s:g} s time budget; "
                "send shorter texts or fewer documents per request") from None

    def close(self) -> None:
        """Stop the worker thread (a later request starts a new one)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _check_available() -> None:
    try:
        import geoevents.maps
        import geoevents.pipeline  # noqa: F401
    except ImportError as exc:
        raise ExtractionUnavailable(
            "event extraction is not available in this installation "
            f"(cannot import {exc.name or 'a required module'})") from None


def _parse_all(items: list[DocumentIn], stop: threading.Event) -> list[Document]:
    from geoevents.pipeline import parse

    documents = []
    for item in items:
        if stop.is_set():
            raise _Stopped
        documents.append(parse(item.text, published=item.published, doc_id=item.id))
    return documents


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
