"""The Dask engine on a LocalCluster of 2 worker processes (127.0.0.1, no dashboard): the
same events as the single-process run, readable by dask_geopandas, and resumable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from geoevents.batch import BatchOptions, run
from geoevents.batch.synthetic import write_jsonl

pytest.importorskip("distributed")
pytest.importorskip("dask_geopandas")

SHARD = 25
BAD_LINES = b'{"id": "broken", "text": \n' + json.dumps({"id": "blank", "text": ""}).encode()


def events_of(out: Path):
    import geopandas as gpd

    return gpd.read_parquet(out).sort_values(["doc_id", "event_id"]).reset_index(drop=True)


def places_of(out: Path):
    import geopandas as gpd

    frame = gpd.read_parquet(out.with_name(out.name + ".places.parquet"))
    return frame.sort_values("place_id").reset_index(drop=True)


def errors_of(out: Path) -> list[dict]:
    lines = (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted((json.loads(line) for line in lines), key=lambda e: e["source"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dask") / "news.jsonl"
    write_jsonl(path, 110, seed=3)
    with path.open("ab") as fh:
        fh.write(BAD_LINES + b"\n")
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dask-reference") / "out"
    run([corpus], out, BatchOptions(shard_size=SHARD))
    return out


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local:
        yield local


def test_dask_cluster_gives_the_single_process_events(corpus: Path, reference: Path,
                                                      cluster, tmp_path: Path) -> None:
    import dask_geopandas
    from geopandas.testing import assert_geodataframe_equal

    out = tmp_path / "out"
    summary = run([corpus], out, BatchOptions(engine="dask",
                                              scheduler=cluster.scheduler_address,
                                              shard_size=SHARD))

    assert (summary.records, summary.documents, summary.errors) == (112, 110, 2)
    assert_geodataframe_equal(events_of(out), events_of(reference))
    assert_geodataframe_equal(places_of(out), places_of(reference))
    assert errors_of(out) == errors_of(reference)
    # partitioned GeoParquet: one partition per shard, read back by dask-geopandas
    frame = dask_geopandas.read_parquet(out)
    assert frame.npartitions == 5
    computed = frame.compute().sort_values(["doc_id", "event_id"]).reset_index(drop=True)
    # dask infers a string dtype for a column that is null in every shard (geopandas: object)
    assert_geodataframe_equal(computed, events_of(reference), check_less_precise=True,
                              check_dtype=False)
    assert computed.crs == "EPSG:4326"


def test_dask_resumes_a_run_of_the_local_engine(corpus: Path, reference: Path, cluster,
                                               tmp_path: Path) -> None:
    """Shards are engine-independent: a local run cut short can be finished on Dask."""
    from geopandas.testing import assert_geodataframe_equal

    out = tmp_path / "out"
    shutil.copytree(reference, out)
    manifest_path = out / "_state" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest.update(complete=False, shards=manifest["shards"][:2],
                    errors_file=str((out / "_errors.jsonl").absolute()), errors_bytes=0)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    (out / "_errors.jsonl").write_text("", encoding="utf-8")

    summary = run([corpus], out, BatchOptions(engine="dask", resume=True,
                                              scheduler=cluster.scheduler_address,
                                              shard_size=SHARD))

    assert summary.resumed == 2 * SHARD
    assert_geodataframe_equal(events_of(out), events_of(reference))
    assert errors_of(out) == errors_of(reference)


def test_cli_starts_its_own_local_cluster(tmp_path: Path, capsys) -> None:
    from geoevents.cli import main

    corpus = write_jsonl(tmp_path / "small.jsonl", 12, seed=5)
    out = tmp_path / "out"

    main(["extract", str(corpus), "-o", str(out), "--engine", "dask", "--processes", "2",
          "--shard-size", "4", "--no-progress"])

    assert "from 12 documents" in capsys.readouterr().err
    events = events_of(out)
    assert events["doc_id"].nunique() >= 10
    assert sorted(p.name for p in out.glob("part-*.parquet")) == [
        "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
