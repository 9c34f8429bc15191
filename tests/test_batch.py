"""The batch engine with the real pipeline: errors, resume after kill -9, 2 processes = 1,
single-file outputs, and a 10,000-document corpus end to end with bounded memory."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geoevents.batch import BatchOptions, run
from geoevents.batch.synthetic import write_jsonl
from geoevents.errors import GeoeventsError, InputError
from geoevents.export import read

SHARD = 25
BATCH = 8
N_DOCS = 120
BAD_LINES = [
    b"{not json\n",
    json.dumps({"id": "empty", "text": "   "}).encode() + b"\n",
    json.dumps({"id": "bad-date", "text": "Shelling in Kharkiv.", "published": "soon"}).encode()
    + b"\n",
    b'{"id": "latin1", "text": "caf\xe9 in Aleppo"}\n',
]
CLI = [sys.executable, "-c", "from geoevents.cli import main; main()"]


def events_of(out: Path):
    """The events of a sharded output, in a canonical order."""
    import geopandas as gpd

    frame = gpd.read_parquet(out)
    return frame.sort_values(["doc_id", "event_id"]).reset_index(drop=True)


def places_of(out: Path):
    import geopandas as gpd

    frame = gpd.read_parquet(out.with_name(out.name + ".places.parquet"))
    return frame.sort_values("place_id").reset_index(drop=True)


def errors_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def manifest_of(out: Path) -> dict:
    return json.loads((out / "_state" / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """120 synthetic documents with four bad records spread through them."""
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    write_jsonl(path, N_DOCS)
    lines = path.read_bytes().splitlines(keepends=True)
    for i, bad in enumerate(BAD_LINES):
        lines.insert(10 + i * 30, bad)
    path.write_bytes(b"".join(lines))
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory) -> Path:
    """An uninterrupted single-process run of ``corpus``."""
    out = tmp_path_factory.mktemp("reference") / "out"
    summary = run([corpus], out, BatchOptions(shard_size=SHARD, batch_size=BATCH))
    assert (summary.records, summary.documents, summary.errors) == (124, 120, 4)
    assert summary.events > N_DOCS  # every synthetic document reports events
    return out


def test_reference_output_layout(reference: Path, corpus: Path) -> None:
    parts = sorted(p.name for p in reference.glob("part-*.parquet"))
    assert parts == [f"part-{i:05d}.parquet" for i in range(5)]
    manifest = manifest_of(reference)
    assert manifest["complete"] is True
    assert [s["records"] for s in manifest["shards"]] == [25, 25, 25, 25, 24]
    events = events_of(reference)
    assert events["event_id"].is_unique
    assert set(events["doc_id"]) <= {f"syn-{i:06d}" for i in range(N_DOCS)}
    first = events[events["doc_id"] == "syn-000000"].iloc[0]
    assert first["published"] == "2024-12-15"  # carried from the record to its events
    assert first["title"].startswith("Clashes broke out")
    assert events["location_id"].notna().any()
    places = places_of(reference)
    assert places["place_id"].is_unique
    assert places.loc[places["name"] == "Aleppo", "documents"].iloc[0] > 1


def test_errors_file_lists_bad_records_and_the_run_goes_on(reference: Path,
                                                           corpus: Path) -> None:
    errors = errors_of(reference / "_errors.jsonl")
    by_id = {e["id"]: e for e in errors}
    assert list(by_id) == ["news.jsonl:11", "empty", "bad-date", "latin1"]
    assert by_id["news.jsonl:11"]["reason"].startswith("bad JSON")
    assert by_id["news.jsonl:11"]["source"] == f"{corpus}:11"
    assert by_id["empty"]["reason"] == "empty text"
    assert by_id["bad-date"]["reason"].startswith("cannot read the publication date 'soon'")
    assert by_id["latin1"]["reason"] == "bad encoding: text is not valid UTF-8"


def test_pipeline_failures_are_isolated(tmp_path: Path, monkeypatch) -> None:
    """An exception in spaCy or in a later stage costs only the record that caused it."""
    from geoevents.pipeline import Geoparser

    corpus = tmp_path / "c.jsonl"
    texts = {"ok-1": "Israeli jets struck Rafah on Tuesday.",
             "spacy-poison": "POISON-SPACY Shelling in Kharkiv.",
             "ok-2": "Protesters gathered in Cairo on Friday.",
             "stage-poison": "POISON-STAGE Clashes in Jenin.",
             "ok-3": "Militants attacked a convoy near Mosul."}
    corpus.write_text("".join(json.dumps({"id": k, "text": v, "published": "2024-05-01"})
                              + "\n" for k, v in texts.items()), encoding="utf-8")
    real_docs, real_document = Geoparser._docs, Geoparser.document

    def docs(self, texts, *args, **kw):  # (what Geoparser.run has spaCy parse)
        texts = list(texts)
        if any(t.startswith("POISON-SPACY") for t in texts):
            raise ValueError("[E1041] spaCy choked")
        return real_docs(self, texts, *args, **kw)

    def document(self, doc, *args, **kw):
        if doc.text.startswith("POISON-STAGE"):
            raise IndexError("list index out of range")
        return real_document(self, doc, *args, **kw)

    monkeypatch.setattr(Geoparser, "_docs", docs)
    monkeypatch.setattr(Geoparser, "document", document)

    summary = run([corpus], tmp_path / "out", BatchOptions(batch_size=5))

    assert (summary.documents, summary.errors) == (3, 2)
    assert errors_of(tmp_path / "out" / "_errors.jsonl") == [
        {"id": "spacy-poison", "reason": "spaCy failed: ValueError: [E1041] spaCy choked",
         "source": f"{corpus}:2"},
        {"id": "stage-poison", "reason": "processing failed: IndexError: list index out of "
         "range", "source": f"{corpus}:4"},
    ]
    assert set(events_of(tmp_path / "out")["doc_id"]) == {"ok-1", "ok-2", "ok-3"}


def test_records_with_unusable_dates_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    records = [{"id": "year-1", "text": "Jets struck Gaza yesterday.", "published": "0001-01-01"},
               {"id": "garbage", "text": "Jets struck Gaza.", "published": "garbage"},
               {"id": "ok", "text": "Jets struck Gaza yesterday.", "published": "2024-05-02"}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    summary = run([corpus], tmp_path / "out", BatchOptions(batch_size=5))

    assert (summary.documents, summary.errors) == (1, 2)
    assert errors_of(tmp_path / "out" / "_errors.jsonl") == [
        {"id": "year-1", "reason": "dates relative to the publication date 0001-01-01 fall "
         "outside the calendar", "source": f"{corpus}:1"},
        {"id": "garbage", "reason": "cannot read the publication date 'garbage' (use "
         "YYYY-MM-DD)", "source": f"{corpus}:2"},
    ]
    assert list(events_of(tmp_path / "out")["date"]) == ["2024-05-01"]


def test_a_pipeline_that_always_fails_stops_the_run(tmp_path: Path, monkeypatch) -> None:
    import geoevents.events.extract as extract_module

    def broken(*args, **kwargs):
        raise AttributeError("'NoneType' object has no attribute 'sents'")

    monkeypatch.setattr(extract_module, "extract", broken)
    corpus = write_jsonl(tmp_path / "c.jsonl", 30)
    with pytest.raises(GeoeventsError, match="failed on each of the first 20 records"):
        run([corpus], tmp_path / "out", BatchOptions(batch_size=10))


def test_two_processes_equal_one_process(corpus: Path, reference: Path,
                                         tmp_path: Path) -> None:
    from geopandas.testing import assert_geodataframe_equal

    out = tmp_path / "out"
    summary = run([corpus], out, BatchOptions(processes=2, shard_size=SHARD,
                                              batch_size=BATCH))

    assert (summary.documents, summary.errors) == (120, 4)
    assert_geodataframe_equal(events_of(out), events_of(reference))
    assert_geodataframe_equal(places_of(out), places_of(reference))
    assert errors_of(out / "_errors.jsonl") == errors_of(reference / "_errors.jsonl")


def _children(pid: int) -> list[int]:
    import psutil

    return [p.pid for p in psutil.Process(pid).children(recursive=True)]


def _wait_for_shards(out: Path, proc: subprocess.Popen, count: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else "run ended early"
        manifest = out / "_state" / "manifest.json"
        if manifest.is_file() and len(manifest_of(out)["shards"]) >= count:
            return
        time.sleep(0.02)
    pytest.fail(f"no {count} shards committed within {timeout} s")


@pytest.mark.parametrize("processes", [1, 2])
def test_resume_after_kill_gives_identical_events(corpus: Path, reference: Path,
                                                  tmp_path: Path, processes: int) -> None:
    """kill -9 mid-run, then --resume: no document lost, none duplicated."""
    import psutil
    from geopandas.testing import assert_geodataframe_equal

    out = tmp_path / "out"
    args = [*CLI, "extract", str(corpus), "-o", str(out), "--shard-size", str(SHARD),
            "--batch-size", str(BATCH), "--processes", str(processes), "--no-progress"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for_shards(out, proc, 2, timeout=300)
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    done = len(manifest_of(out)["shards"])
    assert 2 <= done < 5 and not manifest_of(out)["complete"]
    # pool workers notice that the main process is gone and exit
    psutil.wait_procs([psutil.Process(p) for p in workers if psutil.pid_exists(p)], timeout=30)
    assert not [p for p in workers if psutil.pid_exists(p)
                and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]

    with pytest.raises(InputError, match="already exists; pass --resume"):
        run([corpus], out, BatchOptions(shard_size=SHARD))
    with pytest.raises(InputError, match="shard_size was 25, now 10"):
        run([corpus], out, BatchOptions(shard_size=10, resume=True))
    resumed = subprocess.run([*args, "--resume"], capture_output=True, text=True, timeout=600)

    assert resumed.returncode == 0, resumed.stderr
    assert f"{done * SHARD:,} from the interrupted run" in resumed.stderr
    assert_geodataframe_equal(events_of(out), events_of(reference))
    assert_geodataframe_equal(places_of(out), places_of(reference))
    assert errors_of(out / "_errors.jsonl") == errors_of(reference / "_errors.jsonl")
    assert not list(out.rglob("*.tmp"))


def test_resume_of_a_finished_run_does_nothing(reference: Path, corpus: Path,
                                               tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(reference, out)
    manifest = manifest_of(out)
    manifest["errors_file"] = str((out / "_errors.jsonl").absolute())
    (out / "_state" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    summary = run([corpus], out, BatchOptions(shard_size=SHARD, resume=True))

    assert (summary.resumed, summary.documents, summary.errors) == (124, 120, 4)
    assert len(events_of(out)) == len(events_of(reference))


def test_resume_redoes_damaged_shards_of_a_moved_folder(reference: Path, corpus: Path,
                                                        tmp_path: Path) -> None:
    """--resume checks each shard against the manifest's checksums: a deleted, truncated
    or replaced shard is processed again (its errors not duplicated), and the manifest's
    relative paths let a moved output folder resume."""
    import shutil

    from geopandas.testing import assert_geodataframe_equal

    out = tmp_path / "moved" / "out"
    shutil.copytree(reference, out)  # another folder than the one the run wrote
    assert manifest_of(out)["errors_file"] == "_errors.jsonl"
    (out / "part-00001.parquet").unlink()
    truncated = out / "part-00003.parquet"
    truncated.write_bytes(truncated.read_bytes()[:100])
    shutil.copy(out / "_state" / "places-00000.feather", out / "_state" / "places-00002.feather")

    summary = run([corpus], out, BatchOptions(shard_size=SHARD, batch_size=BATCH, resume=True))

    assert summary.resumed == 124 - 3 * SHARD  # shards 1, 2 and 3 were done again
    assert (summary.records, summary.documents, summary.errors) == (124, 120, 4)
    assert_geodataframe_equal(events_of(out), events_of(reference))
    assert_geodataframe_equal(places_of(out), places_of(reference))
    by_id = sorted(errors_of(out / "_errors.jsonl"), key=lambda e: e["id"])
    assert by_id == sorted(errors_of(reference / "_errors.jsonl"), key=lambda e: e["id"])
    manifest = manifest_of(out)
    assert manifest["complete"] and len(manifest["shards"]) == 5
    assert manifest["errors_bytes"] == (out / "_errors.jsonl").stat().st_size


def test_single_file_output_is_deduplicated(corpus: Path, reference: Path,
                                            tmp_path: Path) -> None:
    """-o FILE: shards while running, then one GeoPackage with duplicates merged."""
    import pyogrio

    out = tmp_path / "events.gpkg"
    summary = run([corpus], out, BatchOptions(shard_size=SHARD, batch_size=BATCH))

    events = pyogrio.read_dataframe(out, layer="events")
    places = read(out)[1]  # the places_points, places_lines and places_polygons layers
    raw = events_of(reference)
    assert summary.files == [out] and summary.events == len(events) < len(raw)
    assert not (tmp_path / "events.gpkg.parts").exists()
    assert (tmp_path / "events.errors.jsonl").is_file()
    assert set(events["event_id"]) < set(raw["event_id"])
    merged = events[events["sources"].str.contains(";", na=False)]
    assert len(merged) > 0  # the synthetic corpus repeats events across documents
    assert len(places) == len(places_of(reference))


def test_batch_options_are_checked(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--processes must be at least 1"):
        run([corpus], tmp_path / "o", BatchOptions(processes=0))
    with pytest.raises(InputError, match="--scheduler needs --engine dask"):
        run([corpus], tmp_path / "o", BatchOptions(scheduler="tcp://127.0.0.1:1"))
    with pytest.raises(InputError, match="unknown engine 'spark'"):
        run([corpus], tmp_path / "o", BatchOptions(engine="spark"))
    with pytest.raises(InputError, match=r"unknown extension '\.docx'"):
        run([corpus], tmp_path / "o.docx", BatchOptions())
    with pytest.raises(InputError, match="no such file"):
        run([tmp_path / "nope.jsonl"], tmp_path / "o", BatchOptions())
    with pytest.raises(InputError, match="cannot read the publication date 'later'"):
        run([corpus], tmp_path / "o", BatchOptions(published="later"))


def test_cli_routes_corpora_to_the_batch_engine(tmp_path: Path, capsys) -> None:
    from geoevents.cli import main

    folder = tmp_path / "articles"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "a.txt").write_text("Israeli jets struck Rafah on Tuesday.")
    (folder / "b.txt").write_text("")
    out = tmp_path / "out"

    main(["extract", str(folder), "-o", str(out), "--published", "2024-05-01",
          "--progress"])

    err = capsys.readouterr().err
    assert "geoevents: skipped b.txt: empty text" in err
    assert "from 1 documents (1 skipped" in err
    assert "documents" in err.splitlines()[0]  # the progress bar
    events = events_of(out)
    assert set(events["doc_id"]) == {"2024/a.txt"}
    assert set(events["published"]) == {"2024-05-01"}


@pytest.mark.slow
def test_ten_thousand_documents_end_to_end_with_bounded_memory(tmp_path: Path) -> None:
    """10,000 synthetic documents (plus bad records) through the CLI with 2 processes."""
    import psutil

    corpus = write_jsonl(tmp_path / "big.jsonl", 10_000, seed=11)
    with corpus.open("ab") as fh:
        fh.write(b"".join(BAD_LINES))
    out = tmp_path / "out"
    started = time.monotonic()
    proc = subprocess.Popen([*CLI, "extract", str(corpus), "-o", str(out), "--processes", "2",
                             "--no-progress"], stderr=subprocess.PIPE, text=True)
    peak: dict[int, int] = {}
    main = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            for p in [main, *main.children(recursive=True)]:
                peak[p.pid] = max(peak.get(p.pid, 0), p.memory_info().rss)
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.5)
    stderr = proc.stderr.read() if proc.stderr else ""
    seconds = time.monotonic() - started

    assert proc.returncode == 0, stderr
    manifest = manifest_of(out)
    assert manifest["complete"] and len(manifest["shards"]) == 11
    assert sum(s["documents"] for s in manifest["shards"]) == 10_000
    assert sum(s["errors"] for s in manifest["shards"]) == len(BAD_LINES)
    events = events_of(out)
    assert events["event_id"].is_unique
    assert events["doc_id"].nunique() > 9_900  # nearly every document reports an event
    mb = {pid: rss / 2**20 for pid, rss in peak.items()}
    others = sorted(round(v) for pid, v in mb.items() if pid != proc.pid)
    print(f"\n10,000 documents in {seconds:.0f} s; peak RSS MB: main "
          f"{mb[proc.pid]:.0f}, other processes {others}")
    assert mb[proc.pid] < 1024  # the main process streams: it never holds the corpus
    assert max(mb.values()) < 1536  # and no process exceeds 1.5 GB


def test_a_text_column_empty_in_the_first_shard_keeps_its_values_in_later_ones(tmp_path):
    import geopandas as gpd
    import shapely

    from geoevents.batch.store import _write_frame

    for i, value in enumerate([None, "Iron Dome"]):
        frame = gpd.GeoDataFrame({"event_id": [f"e{i}"], "instruments": [value]},
                                 geometry=[shapely.Point(34.4, 31.5)], crs="EPSG:4326")
        _write_frame(frame, tmp_path / f"part-{i:05d}.parquet")
    read = gpd.read_parquet(tmp_path).sort_values("event_id")
    assert list(read["instruments"].fillna("")) == ["", "Iron Dome"]
