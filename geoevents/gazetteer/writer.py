"""Writing a gazetteer file: schema, bulk inserts, indexes, atomic publication.

Both the embedded build and the GeoNames import write through :class:`GazetteerWriter`.
It writes to a temporary file next to the target and renames it into place only when
everything succeeded, so readers never see a half-written gazetteer. Temporary files left
by a killed writer are removed by the next one. ``GazetteerWriter(..., append=True)``
adds places to a copy of an existing gazetteer (``gazetteer add-country``).
"""

from __future__ import annotations

import contextlib
import glob
import math
import os
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from geoevents.errors import GazetteerError
from geoevents.gazetteer.names import normalize, skeleton
from geoevents.gazetteer.schema import (
    INDEXES,
    NAME_ABBREVIATION,
    NAME_ALTERNATE,
    NAME_PRIMARY,
    SCHEMA,
    SCHEMA_VERSION,
    fuzzy_block,
)
from geoevents.model import Place

_BATCH = 20_000

# Base importance per GeoNames feature code; population adds to it (see importance()).
_CODE_BASE = {
    "CONT": 0.93,
    "PCLI": 0.90, "PCLD": 0.86, "PCLIX": 0.86, "PCLS": 0.86, "PCLF": 0.86, "PCL": 0.86,
    "TERR": 0.84, "PCLH": 0.6,
    "PPLC": 0.72,
    "RGN": 0.74, "ZN": 0.68,
    "ADM1": 0.55,
    "PPLG": 0.60, "PPLA": 0.52,
    "ADM2": 0.46, "PPLA2": 0.40,
    "SEA": 0.74, "GULF": 0.70, "BAY": 0.60, "OCN": 0.80, "STRT": 0.65,
    "BDR": 0.55,
}
_CLASS_BASE = {"A": 0.45, "P": 0.25, "L": 0.55, "H": 0.50, "T": 0.50, "S": 0.40}


def importance(feature_class: str, feature_code: str, population: int, n_names: int = 1) -> float:
    """Prior weight of a place for bare queries.

    Feature type sets the base (country > capital > region > admin-1 > city …), population
    adds about 0.065 per factor of ten for populated places (0.02 for other types), and
    notability — how many distinct names the place carries in the world's languages — adds
    up to 0.15, so Gaza City (dozens of names) outranks an obscure province called Gaza.
    """
    base = _CODE_BASE.get(feature_code, _CLASS_BASE.get(feature_class, 0.3))
    per_decade = 0.065 if feature_class == "P" and feature_code != "PPLC" else 0.02
    notability = min(1.0, math.log2(1 + max(n_names, 1)) / math.log2(101))
    return round(base + per_decade * math.log10(max(population, 0) + 1) + 0.15 * notability, 5)


def _name_kind(norm: str, primary: str) -> int:
    if norm == primary:
        return NAME_PRIMARY
    if primary.startswith(norm + " "):
        return NAME_ABBREVIATION
    return NAME_ALTERNATE


class GazetteerWriter:
    """Bulk writer of one gazetteer file; use as a context manager."""

    def __init__(self, target: Path, *, source_label: str, remember_ids: bool = True,
                 append: bool = False) -> None:
        """``remember_ids=False`` keeps memory flat for imports of millions of places:
        ``ids`` then stays empty and the caller must not add the same id twice.
        ``append=True`` starts from a copy of the gazetteer at ``target`` (which must
        exist) instead of an empty file; ``ids`` then holds its places' ids."""
        self.target = Path(target)
        self.source_label = source_label
        self.remember_ids = remember_ids
        self.append = append
        self.tmp = self.target.with_name(f".{self.target.name}.{os.getpid()}.tmp")
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temp_files(self.target)
            self.tmp.unlink(missing_ok=True)
            self.db = sqlite3.connect(self.tmp)
            if append:
                with sqlite3.connect(f"file:{self.target}?mode=ro", uri=True) as source:
                    source.backup(self.db)
        except (OSError, sqlite3.Error) as exc:
            with contextlib.suppress(OSError):
                self.tmp.unlink(missing_ok=True)
            raise GazetteerError(
                f"cannot write the gazetteer in {self.target.parent}: {exc}; "
                "set GEOEVENTS_GAZETTEER to a writable path"
            ) from exc
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        self._places: list[tuple[object, ...]] = []
        self._names: list[tuple[str, str, int, int]] = []
        self.ids: dict[str, int] = {}
        if append:
            columns = {row[1] for row in self.db.execute("PRAGMA table_info(places)")}
            for column in ("centre_lat", "centre_lon"):  # a file of an older release
                if column not in columns:
                    self.db.execute(f"ALTER TABLE places ADD COLUMN {column} REAL")
            self.ids = dict(self.db.execute("SELECT id, rowid FROM places"))
            self._next_rowid = max(self.ids.values(), default=0) + 1
        else:
            self.db.executescript("PRAGMA page_size=8192;" + SCHEMA)
            self._next_rowid = 1
        self._first_new_rowid = self._next_rowid

    def __enter__(self) -> GazetteerWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.abort()

    def add(self, place: Place, names: Iterable[str] = (), *,
            cap: float | None = None, centre: tuple[float, float] | None = None) -> int:
        """Queue a place and its alternate names; returns its row id.

        ``place.importance`` is computed unless set; ``cap`` bounds it from above.
        ``centre`` is the (lat, lon) area centre of a place with an extent, stored beside
        its point. Duplicate ids are skipped (only when ids are remembered, see
        ``__init__``).
        """
        if place.id in self.ids:
            return self.ids[place.id]
        rowid = self._next_rowid
        self._next_rowid += 1
        if self.remember_ids:
            self.ids[place.id] = rowid
        norms: dict[str, None] = {}
        for raw in (place.name, *names):
            norm = normalize(raw) if raw else ""
            if norm:
                norms.setdefault(norm)
        if not place.importance:
            place.importance = importance(
                place.feature_class, place.feature_code, place.population, len(norms))
        if cap is not None:
            place.importance = min(place.importance, cap)
        self._places.append((
            rowid, place.id, place.geonameid, place.name, place.lat, place.lon,
            place.feature_class, place.feature_code, place.country_code, place.admin1,
            place.population, place.importance, place.source, place.geometry_wkb,
            *(centre or (None, None)),
        ))
        primary = normalize(place.name)
        self._names.extend(
            (norm, skeleton(norm), rowid, _name_kind(norm, primary)) for norm in norms)
        if len(self._names) >= _BATCH:
            self._flush()
        return rowid

    def _flush(self) -> None:
        self.db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", self._places
        )
        self.db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", self._names)
        self._places.clear()
        self._names.clear()

    def add_codes(self, rowid: int, codes: dict[str, str]) -> None:
        """Record identifiers of a place that are not names, by scheme (``{"iata": "LHR",
        "icao": "EGLL"}``); empty codes are skipped."""
        self.db.executemany("INSERT OR IGNORE INTO codes VALUES (?, ?, ?)",
                            [(scheme, code.upper(), rowid)
                             for scheme, code in codes.items() if code])

    def update_names(self, rowid: int, names: Iterable[str]) -> None:
        """Give an existing place more alternate names (``append`` mode, or a place this
        writer added earlier)."""
        self._flush()
        primary = normalize(self.db.execute(
            "SELECT name FROM places WHERE rowid = ?", (rowid,)).fetchone()[0])
        self._names.extend((norm, skeleton(norm), rowid, _name_kind(norm, primary))
                           for norm in {normalize(n) for n in names if n} if norm)

    def finish(self, meta: dict[str, str] | None = None) -> Path:
        """Index, record metadata, and atomically move the file into place."""
        self._flush()
        db = self.db
        if not self.append:
            db.executescript(INDEXES)
        db.execute(
            "INSERT INTO place_points SELECT rowid, lat, lat, lon, lon FROM places "
            "WHERE feature_class = 'P' AND rowid >= ?", (self._first_new_rowid,)
        )
        db.executemany(
            "INSERT OR IGNORE INTO fuzzy_names VALUES (?, ?)",
            (
                (fuzzy_block(norm, len(norm)), norm)
                for (norm,) in db.execute("SELECT DISTINCT norm FROM names")
                if norm.isascii()
            ),
        )
        info = {"schema_version": SCHEMA_VERSION, "source": self.source_label, **(meta or {})}
        if self.append:
            info = meta or {}
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", info.items())
        db.commit()
        db.execute("ANALYZE")
        db.commit()
        db.close()
        try:
            os.replace(self.tmp, self.target)
        except OSError as exc:
            raise GazetteerError(f"cannot move the gazetteer to {self.target}: {exc}") from exc
        return self.target

    def abort(self) -> None:
        """Drop the temporary file; the previous gazetteer (if any) stays untouched."""
        try:
            self.db.close()
        finally:
            self.tmp.unlink(missing_ok=True)


_TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)(?:\.names)?\.tmp$")


def remove_stale_temp_files(target: Path) -> list[Path]:
    """Delete the temporary files that writers killed while writing ``target`` left
    behind (``.NAME.PID.tmp``, ``.NAME.PID.names.tmp`` of a process that is gone);
    returns what was removed."""
    removed = []
    for path in Path(target).parent.glob(f".{glob.escape(Path(target).name)}.*.tmp"):
        match = _TEMP_NAME.match(path.name)
        if match is None or match["target"] != Path(target).name:
            continue
        if int(match["pid"]) != os.getpid() and not _running(int(match["pid"])):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _running(pid: int) -> bool:
    """Whether a process with this id exists (on this machine)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # it exists but belongs to someone else, or the id is odd: keep it
    return True
