"""Incremental, resumable output: a directory of GeoParquet shards and a manifest.

Shard ``k`` holds the events of records ``k * shard_size`` to ``(k + 1) * shard_size - 1``
of the corpus, so shard boundaries depend only on the corpus and ``--shard-size``, never
on the engine or the number of processes. Layout of an output ``OUT``::

    OUT/part-00000.parquet   events of shard 0 (GeoParquet, one row per event and document)
    OUT/part-00001.parquet   ...
    OUT/_errors.jsonl        records that failed: {"id", "reason", "source"} a line
    OUT/_state/              manifest.json (the committed shards, for --resume) and the
                             places of each shard (Feather), merged at the end into
    OUT.places.parquet       the places layer, beside the directory (as ``export`` puts
                             ``events.places.parquet`` beside ``events.parquet``)

The only ``.parquet`` files in ``OUT`` are event shards, so ``geopandas.read_parquet(OUT)``
and ``dask_geopandas.read_parquet(OUT)`` read the events, one partition per shard.

A shard is committed in this order: its event and place files are written to temporary
names, flushed and renamed; its errors are appended to the errors file and flushed; then
the manifest, which lists the committed shards and the errors file's length, is replaced
atomically. After a crash at any point, :class:`ShardStore` opened with ``resume=True``
deletes shard files that the manifest does not list and truncates the errors file to the
recorded length, so the resumed run neither duplicates nor loses a document.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd

    from geoevents.batch.process import Result

MANIFEST_VERSION = 1
STATE_DIR = "_state"
MANIFEST_NAME = "manifest.json"
ERRORS_NAME = "_errors.jsonl"
_SUMMED = ("mentions", "named_mentions", "events", "documents")


@dataclass
class ShardInfo:
    """What the manifest records about a committed shard."""

    index: int
    records: int
    documents: int
    events: int
    errors: int


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


class ShardStore:
    """The shards of one batch run in directory ``root``: commit, resume, finish."""

    def __init__(self, root: Path, *, fingerprint: dict[str, Any], errors_path: Path,
                 resume: bool) -> None:
        self.root = root
        self.state = root / STATE_DIR
        self.places_path = root.with_name(root.name + ".places.parquet")
        self.manifest_path = self.state / MANIFEST_NAME
        self.errors_path = errors_path
        self.fingerprint = fingerprint
        self.shards: dict[int, ShardInfo] = {}
        if resume and self.manifest_path.is_file():
            self._reopen()
        else:
            self._create(resume)

    # -- opening -----------------------------------------------------------------------------

    def _create(self, resume: bool) -> None:
        if self.root.exists() and (not self.root.is_dir() or any(self.root.iterdir())):
            if resume:
                raise InputError(f"cannot resume {self.root}: it exists but holds no "
                                 f"{STATE_DIR}/{MANIFEST_NAME} of a batch run")
            raise InputError(f"{self.root} already exists; pass --resume to continue an "
                             "interrupted run into it, or remove it")
        try:
            self.state.mkdir(parents=True, exist_ok=True)
            self.errors_path.parent.mkdir(parents=True, exist_ok=True)
            self.errors_path.write_bytes(b"")
        except OSError as exc:
            raise InputError(f"cannot write {exc.filename}: {exc.strerror}") from exc
        self._save(complete=False)

    def _reopen(self) -> None:
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot resume: {self.manifest_path} is unreadable ({exc})") \
                from exc
        if manifest.get("version") != MANIFEST_VERSION:
            raise InputError(f"cannot resume: {self.manifest_path} has an unknown version")
        previous = manifest.get("fingerprint", {})
        changed = sorted(k for k in {*previous, *self.fingerprint}
                         if previous.get(k) != self.fingerprint.get(k))
        if changed:
            details = "; ".join(f"{k} was {previous.get(k)!r}, now {self.fingerprint.get(k)!r}"
                                for k in changed)
            raise InputError(f"cannot resume {self.root}: the run differs ({details})")
        if manifest.get("errors_file") != str(self.errors_path):
            raise InputError(f"cannot resume {self.root}: its errors file was "
                             f"{manifest.get('errors_file')}, not {self.errors_path}")
        self.shards = {s["index"]: ShardInfo(**s) for s in manifest["shards"]}
        self._discard_uncommitted(int(manifest["errors_bytes"]))

    def _discard_uncommitted(self, errors_bytes: int) -> None:
        """Remove what a killed run wrote after its last manifest update."""
        keep = {part_name(i) for i in self.shards} | {_places_name(i) for i in self.shards}
        for directory in (self.root, self.state):
            for path in directory.iterdir():
                stale = path.name.endswith(".tmp") or (
                    path.name.startswith(("part-", "places-")) and path.name not in keep)
                if stale:
                    path.unlink()
        self.places_path.unlink(missing_ok=True)
        with self.errors_path.open("ab") as fh:
            fh.truncate(errors_bytes)

    # -- writing -----------------------------------------------------------------------------

    def commit(self, result: Result) -> None:
        """Write one finished shard durably and record it in the manifest."""
        _write_frame(result.events, self.root / part_name(result.shard))
        _write_frame(merge_places([result.places]), self.state / _places_name(result.shard))
        if result.errors:
            lines = "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n"
                            for e in result.errors)
            with self.errors_path.open("ab") as fh:
                fh.write(lines.encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
        self.shards[result.shard] = ShardInfo(result.shard, result.records, result.documents,
                                              result.event_count, len(result.errors))
        self._save(complete=False)

    def finish(self) -> Path:
        """Merge the places of all shards into :attr:`places_path`; mark the run complete."""
        import geopandas as gpd

        frames = [gpd.read_feather(self.state / _places_name(i)) for i in sorted(self.shards)]
        _write_frame(merge_places(frames), self.places_path)
        self._save(complete=True)
        return self.places_path

    def event_files(self) -> list[Path]:
        """The committed event shards, in corpus order."""
        return [self.root / part_name(i) for i in sorted(self.shards)]

    def _save(self, *, complete: bool) -> None:
        manifest = {
            "version": MANIFEST_VERSION,
            "fingerprint": self.fingerprint,
            "errors_file": str(self.errors_path),
            "errors_bytes": self.errors_path.stat().st_size,
            "complete": complete,
            "shards": [asdict(self.shards[i]) for i in sorted(self.shards)],
        }
        _write_atomic(self.manifest_path,
                      json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8"))


def merge_places(frames: list[gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """One row per place: counts summed, mention texts united, in first-seen order.

    Documents are disjoint between frames, so summing per-frame document counts is exact.
    """
    import geopandas as gpd
    import pandas as pd

    from geoevents.export import places_geodataframe

    if not frames:
        return places_geodataframe([])
    frame = pd.concat(frames, ignore_index=True)
    if frame.empty:
        return frame
    grouped = frame.groupby("place_id", sort=False)
    merged = frame.drop_duplicates("place_id").set_index("place_id")
    for column in _SUMMED:
        merged[column] = grouped[column].sum()
    merged["mention_texts"] = grouped["mention_texts"].agg(_union)
    merged = merged.reset_index()[list(frame.columns)]
    return gpd.GeoDataFrame(merged, geometry=frame.geometry.name, crs=frame.crs)


def _union(texts: Any) -> Any:
    from geoevents.export import LIST_SEPARATOR

    seen: dict[str, None] = {}
    for value in texts.dropna():
        seen.update(dict.fromkeys(value.split(LIST_SEPARATOR)))
    return LIST_SEPARATOR.join(seen) if seen else None


def _places_name(index: int) -> str:
    return f"places-{index:05d}.feather"


def _write_frame(frame: gpd.GeoDataFrame, path: Path) -> None:
    """Write GeoParquet or (``.feather``) GeoArrow Feather, atomically and durably."""
    tmp = path.with_name(path.name + ".tmp")
    if path.suffix == ".feather":
        frame.to_feather(tmp)
    else:
        # Text columns as explicit strings: a column that is empty in one shard must not
        # get Parquet's null type there, or readers of the whole folder (pyarrow, dask),
        # which take the first file's schema, lose its values in the other shards.
        text = [c for c in frame.columns
                if c != frame.geometry.name and frame[c].dtype == object]
        frame.astype(dict.fromkeys(text, "string")).to_parquet(tmp, index=False)
    _sync(tmp)
    os.replace(tmp, path)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _sync(path.parent)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
