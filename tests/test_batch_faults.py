"""A document that kills its worker process does not end a batch run: the local engine
finds it by running the chunks in flight again in a fresh worker, halving the one that
kills it, and records that document as an error."""

from __future__ import annotations

import os

import geopandas as gpd

from geoevents.batch.local import run_local
from geoevents.batch.process import Result, Settings
from geoevents.corpus import Record

KILL = "KILL-THE-WORKER"


def _dies_on_the_marker(shard: int, records: list[Record], settings: Settings) -> Result:
    """A stand-in for process_records that is fast and exits the worker process, as a
    crash in native code would, when a record holds the marker."""
    if any(KILL in r.text for r in records):
        os._exit(1)
    events = gpd.GeoDataFrame({"doc_id": [r.id for r in records]})
    return Result(shard, len(records), len(records), events, gpd.GeoDataFrame())


def _corpus(kill: set[str]) -> list[tuple[int, list[Record]]]:
    records = [Record(id=f"d{i}", text=KILL if f"d{i}" in kill else f"Text {i}.")
               for i in range(12)]
    return [(0, records[:6]), (1, records[6:])]


def test_a_document_that_kills_its_worker_is_an_error_and_the_run_goes_on() -> None:
    results = list(run_local(_corpus({"d7"}), Settings(batch_size=4), processes=2,
                             work=_dies_on_the_marker))

    done = [doc for r in results for doc in r.events.get("doc_id", [])]
    errors = [e for r in results for e in r.errors]
    assert done == [f"d{i}" for i in range(12) if i != 7]  # corpus order kept
    assert [(e.id, e.stage) for e in errors] == [("d7", "process")]
    assert "worker process died" in errors[0].reason
    # every record is accounted for, shard by shard
    by_shard: dict[int, int] = {}
    for r in results:
        by_shard[r.shard] = by_shard.get(r.shard, 0) + r.records
    assert by_shard == {0: 6, 1: 6}
    assert [r.shard for r in results] == sorted(r.shard for r in results)


def test_two_killers_in_one_chunk_are_both_found() -> None:
    results = list(run_local(_corpus({"d1", "d2"}), Settings(batch_size=6), processes=2,
                             work=_dies_on_the_marker))
    assert sorted(e.id for r in results for e in r.errors) == ["d1", "d2"]
    assert sum(r.records for r in results) == 12
