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
the manifest, which lists the committed shards (with the SHA-256 of their files and the
byte range of their errors) and the errors file's length, is replaced atomically. After a
crash at any point, :class:`ShardStore` opened with ``resume=True`` deletes shard files
that the manifest does not list and truncates the errors file to the recorded length, so
the resumed run neither duplicates nor loses a document. It also checks every listed
shard against its checksums: a shard whose files were deleted, truncated or changed is
dropped (its errors taken out of the errors file) and processed again.

Paths in the manifest are relative to the output folder when they lie beside or inside
it, so a moved output folder (with its errors file) can still be resumed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd

    from geoevents.batch.process import Result

log = logging.getLogger("geoevents")

MANIFEST_VERSION = 2
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
    part_sha256: str = ""  # of the event shard
    places_sha256: str = ""  # of its places file
    errors_start: int = 0  # its lines in the errors file: bytes [start, end)
    errors_end: int = 0


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
            raise InputError(f"cannot resume: {self.manifest_path} was written by another "
                             "version of geoevents; start the run again without --resume")
        previous = manifest.get("fingerprint", {})
        changed = sorted(k for k in {*previous, *self.fingerprint}
                         if previous.get(k) != self.fingerprint.get(k))
        if changed:
            details = "; ".join(f"{k} was {previous.get(k)!r}, now {self.fingerprint.get(k)!r}"
                                for k in changed)
            raise InputError(f"cannot resume {self.root}: the run differs ({details})")
        recorded = self.root / str(manifest.get("errors_file"))  # an absolute one stays
        if recorded.resolve() != self.errors_path.resolve():
            raise InputError(f"cannot resume {self.root}: its errors file was "
                             f"{recorded}, not {self.errors_path}")
        self.shards = {s["index"]: ShardInfo(**s) for s in manifest["shards"]}
        self._discard_uncommitted(int(manifest["errors_bytes"]))
        self._drop_damaged()

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

    def _drop_damaged(self) -> None:
        """Forget the shards whose files no longer match the manifest, so that they are
        processed again: delete their files and take their lines out of the errors file."""
        damaged = {}
        for index, shard in self.shards.items():
            for path, digest in ((self.root / part_name(index), shard.part_sha256),
                                 (self.state / _places_name(index), shard.places_sha256)):
                reason = _damage(path, digest)
                if reason:
                    damaged[index] = f"{path.name} {reason}"
                    break
        if not damaged:
            return
        for index, reason in sorted(damaged.items()):
            log.warning("shard %d will be processed again: %s", index, reason)
            (self.root / part_name(index)).unlink(missing_ok=True)
            (self.state / _places_name(index)).unlink(missing_ok=True)
        dropped = [self.shards.pop(i) for i in damaged]
        self._remove_errors([(s.errors_start, s.errors_end) for s in dropped])
        self._save(complete=False)

    def _remove_errors(self, ranges: list[tuple[int, int]]) -> None:
        """Cut byte ranges out of the errors file (streamed) and shift the kept shards'
        ranges to match."""
        ranges = sorted(r for r in ranges if r[1] > r[0])
        if not ranges:
            return
        tmp = self.errors_path.with_name(self.errors_path.name + ".tmp")
        with self.errors_path.open("rb") as src, tmp.open("wb") as dst:
            position = 0
            for start, end in ranges:
                _copy(src, dst, start - position)
                src.seek(end)
                position = end
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, self.errors_path)
        for shard in self.shards.values():
            shift = sum(end - start for start, end in ranges if end <= shard.errors_start)
            shard.errors_start -= shift
            shard.errors_end -= shift

    # -- writing -----------------------------------------------------------------------------

    def commit(self, result: Result) -> None:
        """Write one finished shard durably and record it in the manifest."""
        part = self.root / part_name(result.shard)
        places = self.state / _places_name(result.shard)
        _write_frame(result.events, part)
        _write_frame(merge_places([result.places]), places)
        errors_start = self.errors_path.stat().st_size
        if result.errors:
            lines = "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n"
                            for e in result.errors)
            with self.errors_path.open("ab") as fh:
                fh.write(lines.encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
        self.shards[result.shard] = ShardInfo(
            result.shard, result.records, result.documents, result.event_count,
            len(result.errors), part_sha256=_sha256(part), places_sha256=_sha256(places),
            errors_start=errors_start, errors_end=self.errors_path.stat().st_size)
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
            "errors_file": _relative(self.errors_path, self.root),
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


def _sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _damage(path: Path, digest: str) -> str | None:
    """Why ``path`` is not the file the manifest recorded, or None."""
    try:
        actual = _sha256(path)
    except FileNotFoundError:
        return "is missing"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    return None if actual == digest else "differs from the committed file (truncated or changed)"


def _copy(src: Any, dst: Any, size: int) -> None:
    while size > 0:
        chunk = src.read(min(size, 1 << 20))
        if not chunk:
            return
        dst.write(chunk)
        size -= len(chunk)


def _relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when it lies in ``root``'s folder (so that moving
    that folder keeps it valid), else absolute."""
    base = root.absolute().parent
    try:
        path.absolute().relative_to(base)
    except ValueError:
        return str(path.absolute())
    return os.path.relpath(path.absolute(), root.absolute())


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
