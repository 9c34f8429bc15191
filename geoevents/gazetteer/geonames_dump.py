"""Importing a full GeoNames dump into a gazetteer file with the embedded build's schema.

The folder holds the files of https://download.geonames.org/export/dump/ as downloaded:
a places table (``allCountries.zip``, or ``cities500.zip`` … ``cities15000.zip``; the
extracted ``.txt`` works too), ``alternateNamesV2.zip``, ``admin1CodesASCII.txt`` and
``countryInfo.txt``.

Memory stays bounded however large the dump is: tables are streamed line by line, the
ids of kept places live in a bitmap (about 1.6 MB for the ~13 million GeoNames ids) and
alternate names wait in a scratch SQLite file next to the output. Three passes:

1. scan the places table: which rows pass the filters, and where the member places of
   every admin-1 division and country lie, so that divisions and countries the table
   lacks (``citiesN.zip`` has only populated places) can be added from the small tables;
2. stream the alternate names of kept places into the scratch file;
3. stream the places table again and write every kept place with all its names, so the
   writer's importance counts them.
"""

from __future__ import annotations

import io
import os
import sqlite3
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any, NamedTuple

from geoevents.errors import GazetteerError
from geoevents.gazetteer.schema import FEATURE_CLASSES
from geoevents.gazetteer.writer import GazetteerWriter
from geoevents.model import Place

DUMP_URL = "https://download.geonames.org/export/dump/"
# Places tables in order of preference: the first one present in the folder is imported.
PLACE_TABLES = ("allCountries", "cities500", "cities1000", "cities5000", "cities15000")
ALTERNATE_NAMES = "alternateNamesV2"
ADMIN1_CODES = "admin1CodesASCII"
COUNTRY_INFO = "countryInfo"
# Roads/railroads (R), undersea features (U) and vegetation (V) rarely make the news.
DEFAULT_FEATURE_CLASSES = frozenset("AHLPST")
# isolanguage values of alternate names that are codes or links, not names.
NON_NAME_LANGUAGES = frozenset(
    {"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc", "tcid"}
)

_GEONAME_COLUMNS = 19
_ALTERNATE_COLUMNS = 10
_ADMIN1_COLUMNS = 4
_COUNTRY_COLUMNS = 17  # up to geonameid; the trailing neighbours/fips columns may be absent
_BITMAP_LIMIT = 1 << 27  # ids below go into the bitmap (at most 16 MiB), others into a set
_PROGRESS_EVERY = 20_000
_WRITER_CACHE_KIB = 128 * 1024  # SQLite page cache (and sort memory) of the output file


@dataclass(frozen=True)
class DumpFiles:
    """The GeoNames dump files found in a folder."""

    places: Path
    alternate_names: Path
    admin1: Path
    countries: Path


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote and what it skipped."""

    path: Path
    places: int
    alternate_names: int
    skipped: dict[str, int] = field(default_factory=dict)  # malformed rows per file
    seconds: float = 0.0


class _Geoname(NamedTuple):
    """The columns of one row of the geoname table that the gazetteer keeps."""

    geonameid: int
    name: str
    asciiname: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    population: int
    alternatenames: str = ""


class _Country(NamedTuple):
    iso: str
    iso3: str
    name: str
    population: int
    geonameid: int


class _Admin1(NamedTuple):
    name: str
    geonameid: int


def import_geonames(
    folder: str | Path,
    output: str | Path,
    *,
    min_population: int = 0,
    feature_classes: Iterable[str] = DEFAULT_FEATURE_CLASSES,
    languages: Iterable[str] | None = None,
    progress: bool = True,
) -> ImportReport:
    """Import the GeoNames dump in ``folder`` into a new gazetteer file at ``output``.

    Keeps features of ``feature_classes`` (GeoNames class letters) and drops populated
    places (class P) with fewer than ``min_population`` inhabitants. ``languages``
    (ISO 639 codes) limits alternate names to those languages plus untagged names.
    Malformed rows are skipped and counted in the report. On any error the previous
    file at ``output`` stays as it was.
    """
    started = time.perf_counter()
    files = locate_dump(Path(folder).expanduser())
    classes = _check_classes(feature_classes)
    wanted_languages = _check_languages(languages)
    if min_population < 0:
        raise GazetteerError(f"the minimum population must be 0 or more, got {min_population}")
    target = Path(output).expanduser()
    skipped: Counter[str] = Counter()
    countries = _read_countries(files.countries, skipped)
    admin1 = _read_admin1(files.admin1, skipped)
    shapes = _country_shapes() if "A" in classes else {}
    try:
        with _Progress(progress) as bar, \
                GazetteerWriter(target, source_label="geonames-dump",
                                remember_ids=False) as writer, \
                _NameStore(target) as store:
            writer.db.execute(f"PRAGMA cache_size = {-_WRITER_CACHE_KIB}")
            scan = _scan_places(files.places, classes, min_population, bar)
            extra = _missing_divisions(scan, admin1, countries, shapes) if "A" in classes else []
            for place, _ in extra:
                scan.kept.add(int(place.geonameid or 0))
            n_names = store.load(_alternate_names(
                files.alternate_names, scan.kept, wanted_languages, bar, skipped))
            n_places = _write_places(files.places, scan.kept, writer, store, admin1,
                                     countries, shapes, extra, bar, skipped)
            task = bar.start("indexing", None)
            seconds = time.perf_counter() - started
            writer.finish({
                "places_file": files.places.name,
                "feature_classes": ",".join(sorted(classes)),
                "min_population": str(min_population),
                "languages": ",".join(sorted(wanted_languages)) or "all",
                "skipped_rows": ", ".join(f"{k}: {v}" for k, v in sorted(skipped.items()))
                or "0",
                "built_seconds": f"{seconds:.1f}",
            })
            bar.update(task, 1, total=1)
    except sqlite3.Error as exc:
        raise GazetteerError(f"writing the gazetteer {target} failed: {exc}") from exc
    return ImportReport(target, n_places, n_names, dict(skipped), time.perf_counter() - started)


def locate_dump(folder: Path) -> DumpFiles:
    """Find the dump files in ``folder``; one error names everything that is missing."""
    if not folder.is_dir():
        raise GazetteerError(f"{folder} is not a folder; download the GeoNames dump files "
                             f"from {DUMP_URL} into one folder")
    places = next(filter(None, (_find(folder, t) for t in PLACE_TABLES)), None)
    alternates, admin1, countries = (
        _find(folder, t) for t in (ALTERNATE_NAMES, ADMIN1_CODES, COUNTRY_INFO))
    if places is None or alternates is None or admin1 is None or countries is None:
        missing = [label for label, path in (
            ("allCountries.zip (or cities500.zip … cities15000.zip)", places),
            (f"{ALTERNATE_NAMES}.zip", alternates), (f"{ADMIN1_CODES}.txt", admin1),
            (f"{COUNTRY_INFO}.txt", countries)) if path is None]
        raise GazetteerError(f"{folder} lacks {' and '.join(missing)}; download "
                             f"{'it' if len(missing) == 1 else 'them'} from {DUMP_URL}")
    files = DumpFiles(places, alternates, admin1, countries)
    for path in (places, alternates, admin1, countries):
        if path.suffix == ".zip":
            _check_zip(path)
    return files


def _find(folder: Path, table: str) -> Path | None:
    """``table.zip`` or the extracted ``table.txt`` in ``folder``."""
    for suffix in (".zip", ".txt"):
        path = folder / f"{table}{suffix}"
        if path.is_file():
            return path
    return None


def _check_zip(path: Path) -> None:
    member = f"{path.stem}.txt"
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"{path} is not a readable zip archive ({exc}); "
                             f"download it again from {DUMP_URL}") from exc
    if member not in names:
        raise GazetteerError(f"{path} does not contain {member}; is it a GeoNames dump file?")


def _check_classes(classes: Iterable[str]) -> frozenset[str]:
    wanted = frozenset(c.strip().upper() for c in classes if c.strip())
    unknown = sorted(wanted - FEATURE_CLASSES)
    if unknown or not wanted:
        raise GazetteerError(
            f"unknown GeoNames feature class {', '.join(map(repr, unknown)) or '(none)'}; "
            f"use some of {', '.join(sorted(FEATURE_CLASSES))}")
    return wanted


def _check_languages(languages: Iterable[str] | None) -> frozenset[str]:
    wanted = frozenset(lang.strip().lower() for lang in languages or () if lang.strip())
    bad = sorted(lang for lang in wanted if not lang.replace("-", "").replace("_", "").isalnum())
    if bad:
        raise GazetteerError(f"invalid language code {bad[0]!r}; use ISO 639 codes like en,ar")
    return wanted


# -- reading the tables ---------------------------------------------------------------


def _rows(path: Path, bar: _Progress, label: str) -> Iterator[list[str]]:
    """Tab-separated rows of a dump table, streamed from its zip (or the extracted .txt).

    GeoNames tables have no quoting or escaping, so a row is its line split on tabs.
    """
    try:
        with ExitStack() as stack:
            raw: IO[bytes]
            if path.suffix == ".zip":
                archive = stack.enter_context(zipfile.ZipFile(path))
                member = f"{path.stem}.txt"
                size = archive.getinfo(member).file_size
                raw = stack.enter_context(archive.open(member))
            else:
                size = path.stat().st_size
                raw = stack.enter_context(path.open("rb"))
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
            task = bar.start(label, size)
            for count, line in enumerate(text, 1):
                yield line.rstrip("\r\n").split("\t")
                if count % _PROGRESS_EVERY == 0:
                    bar.update(task, raw.tell())
            bar.update(task, size)
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path} is not UTF-8 text ({exc.reason}); "
                             f"download it again from {DUMP_URL}") from exc
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise GazetteerError(f"cannot read {path} ({exc}); the file is damaged or truncated, "
                             f"download it again from {DUMP_URL}") from exc


def _parse_geoname(row: list[str]) -> _Geoname | None:
    """The kept columns of a geoname row, or None when the row is malformed."""
    if len(row) != _GEONAME_COLUMNS or not row[1]:
        return None
    try:
        gid, lat, lon = int(row[0]), float(row[4]), float(row[5])
        population = int(row[14] or 0)
    except ValueError:
        return None
    if gid <= 0 or population < 0 or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return _Geoname(gid, row[1], row[2], lat, lon, row[6], row[7], row[8], row[10], population,
                    row[3])


def _read_countries(path: Path, skipped: Counter[str]) -> dict[str, _Country]:
    """countryInfo.txt by ISO code (lines starting with ``#`` are comments)."""
    countries: dict[str, _Country] = {}
    for row in _rows(path, _Progress(False), ""):
        if not row[0] or row[0].startswith("#"):
            continue
        try:
            if len(row) < _COUNTRY_COLUMNS or len(row[0]) != 2:
                raise ValueError
            countries[row[0]] = _Country(row[0], row[1], row[4], int(row[7] or 0), int(row[16]))
        except ValueError:
            skipped[_member(path)] += 1
    return countries


def _read_admin1(path: Path, skipped: Counter[str]) -> dict[str, _Admin1]:
    """admin1CodesASCII.txt by code ``CC.A1``."""
    codes: dict[str, _Admin1] = {}
    for row in _rows(path, _Progress(False), ""):
        if row == [""]:
            continue
        try:
            if len(row) != _ADMIN1_COLUMNS or "." not in row[0] or not row[1]:
                raise ValueError
            codes[row[0]] = _Admin1(row[1], int(row[3]))
        except ValueError:
            skipped[_member(path)] += 1
    return codes


def _member(path: Path) -> str:
    """The table's file name as users know it (``cities500.txt``)."""
    return f"{path.stem}.txt"


def _country_shapes() -> dict[str, tuple[Any, float, float]]:
    """Natural Earth country polygons by ISO code: (union of the shapes, lat, lon of the
    country's point as the embedded build places it)."""
    import shapely

    from geoevents.gazetteer.build import country_point
    from geoevents.gazetteer.sources import natural_earth_countries

    frame = natural_earth_countries()
    shapes: dict[str, tuple[Any, float, float]] = {}
    for iso, rows in frame.groupby("iso"):
        shape = shapely.union_all(list(rows.geometry))
        shapes[str(iso)] = (shape, *country_point(shape))
    return shapes


# -- pass 1: which places to keep ----------------------------------------------------


class _IdSet:
    """A set of GeoNames ids: a bitmap that grows with the largest id, plus a set for ids
    too large for it."""

    def __init__(self) -> None:
        self._bits = bytearray()
        self._large: set[int] = set()

    def add(self, gid: int) -> None:
        if gid >= _BITMAP_LIMIT:
            self._large.add(gid)
            return
        index = gid >> 3
        if index >= len(self._bits):
            self._bits.extend(bytes(index + 1 - len(self._bits) + (1 << 20)))
        self._bits[index] |= 1 << (gid & 7)

    def __contains__(self, gid: int) -> bool:
        if gid >= _BITMAP_LIMIT:
            return gid in self._large
        index = gid >> 3
        return 0 <= index < len(self._bits) and bool(self._bits[index] >> (gid & 7) & 1)


class _Centre:
    """Centre (plain mean, as the embedded build places divisions) and total population of
    the member places of a division or country."""

    __slots__ = ("count", "lat", "lon", "population")

    def __init__(self) -> None:
        self.lat = self.lon = 0.0
        self.count = self.population = 0

    def add(self, lat: float, lon: float, population: int) -> None:
        self.count += 1
        self.lat += lat
        self.lon += lon
        self.population += population

    def point(self) -> tuple[float, float]:
        return self.lat / self.count, self.lon / self.count


@dataclass
class _Scan:
    kept: _IdSet = field(default_factory=_IdSet)
    admin1_centres: dict[str, _Centre] = field(default_factory=dict)
    country_centres: dict[str, _Centre] = field(default_factory=dict)


def _scan_places(path: Path, classes: frozenset[str], min_population: int,
                 bar: _Progress) -> _Scan:
    scan = _Scan()
    for row in _rows(path, bar, f"scanning {_member(path)}"):
        g = _parse_geoname(row)
        if g is None or g.feature_class not in classes:
            continue
        if g.feature_class == "P":
            if g.population < min_population:
                continue
            if g.country_code:
                scan.country_centres.setdefault(g.country_code, _Centre()).add(
                    g.lat, g.lon, g.population)
                if g.admin1_code:
                    scan.admin1_centres.setdefault(
                        f"{g.country_code}.{g.admin1_code}", _Centre()).add(
                        g.lat, g.lon, g.population)
        scan.kept.add(g.geonameid)
    return scan


def _missing_divisions(scan: _Scan, admin1: dict[str, _Admin1],
                       countries: dict[str, _Country],
                       shapes: dict[str, tuple[Any, float, float]]
                       ) -> list[tuple[Place, list[str]]]:
    """Countries and admin-1 divisions the places table lacks, placed from the small
    tables: countries where the embedded build puts them (the area centre of their main
    landmass; else the centre of their places), divisions at the centre of their places
    (skipped when they have none)."""
    extra: list[tuple[Place, list[str]]] = []
    for country in countries.values():
        if country.geonameid in scan.kept:
            continue
        shape = shapes.get(country.iso)
        centre = scan.country_centres.get(country.iso)
        if shape is not None:
            lat, lon = shape[1], shape[2]
        elif centre is not None:
            lat, lon = centre.point()
        else:
            continue
        extra.append((Place(
            id=f"geonames:{country.geonameid}", geonameid=country.geonameid, name=country.name,
            lat=lat, lon=lon, feature_class="A", feature_code="PCLI", country_code=country.iso,
            population=country.population, source="geonames",
        ), []))
    for code, division in admin1.items():
        centre = scan.admin1_centres.get(code)
        if division.geonameid in scan.kept or centre is None:
            continue
        lat, lon = centre.point()
        extra.append((Place(
            id=f"geonames:{division.geonameid}", geonameid=division.geonameid,
            name=division.name, lat=lat, lon=lon, feature_class="A", feature_code="ADM1",
            country_code=code.split(".", 1)[0], population=centre.population,
            source="geonames",
        ), []))
    return extra


# -- pass 2: alternate names ---------------------------------------------------------


def _alternate_names(path: Path, kept: _IdSet, languages: frozenset[str], bar: _Progress,
                     skipped: Counter[str]) -> Iterator[tuple[int, str]]:
    """(geonameid, name) of kept places: no historic names, no codes or links, and only
    the wanted languages (untagged names always) when ``languages`` is not empty."""
    for row in _rows(path, bar, f"reading {_member(path)}"):
        if len(row) != _ALTERNATE_COLUMNS:
            skipped[_member(path)] += 1
            continue
        try:
            gid = int(row[1])
        except ValueError:
            skipped[_member(path)] += 1
            continue
        lang, name = row[2].lower(), row[3]
        if gid not in kept or not name or row[7] == "1" or lang in NON_NAME_LANGUAGES:
            continue
        if languages and lang and lang not in languages and lang.split("-")[0] not in languages:
            continue
        yield gid, name


class _NameStore:
    """Alternate names of kept places, in a scratch SQLite file next to the output."""

    def __init__(self, target: Path) -> None:
        self.path = target.with_name(f".{target.name}.{os.getpid()}.names.tmp")
        try:
            self.path.unlink(missing_ok=True)
            self.db = sqlite3.connect(self.path)
            self.db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                "CREATE TABLE alt (geonameid INTEGER NOT NULL, name TEXT NOT NULL);")
        except (OSError, sqlite3.Error) as exc:
            raise GazetteerError(f"cannot write scratch data in {target.parent}: {exc}") from exc

    def __enter__(self) -> _NameStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)

    def load(self, rows: Iterable[tuple[int, str]]) -> int:
        """Store the names and index them by geonameid; returns how many were stored."""
        count = self.db.executemany("INSERT INTO alt VALUES (?, ?)", rows).rowcount
        self.db.execute("CREATE INDEX alt_geonameid ON alt (geonameid, name)")
        self.db.commit()
        return max(count, 0)

    def names(self, gid: int) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM alt WHERE geonameid = ?",
                                              (gid,))]


# -- pass 3: writing -----------------------------------------------------------------


def _write_places(path: Path, kept: _IdSet, writer: GazetteerWriter, store: _NameStore,
                  admin1: dict[str, _Admin1], countries: dict[str, _Country],
                  shapes: dict[str, tuple[Any, float, float]],
                  extra: list[tuple[Place, list[str]]], bar: _Progress,
                  skipped: Counter[str]) -> int:
    """Write every kept place of the table, then the added countries and divisions."""
    import shapely

    country_ids = {c.geonameid: c for c in countries.values()}
    written = _IdSet()
    count = 0

    def add(place: Place, names: list[str]) -> None:
        nonlocal count
        gid = int(place.geonameid or 0)
        country = country_ids.get(gid)
        if country is not None and country.iso == place.country_code:
            names = [*names, country.name, country.iso3]
            shape = shapes.get(country.iso)
            if shape is not None:
                place.geometry_wkb = shapely.to_wkb(shape[0])
        writer.add(place, names + store.names(gid))
        written.add(gid)
        count += 1

    for row in _rows(path, bar, f"writing {_member(path)}"):
        g = _parse_geoname(row)
        if g is None:
            skipped[_member(path)] += 1
            continue
        if g.geonameid not in kept or g.geonameid in written:
            continue
        division = admin1.get(f"{g.country_code}.{g.admin1_code}") if g.admin1_code else None
        add(Place(
            id=f"geonames:{g.geonameid}", geonameid=g.geonameid, name=g.name,
            lat=g.lat, lon=g.lon, feature_class=g.feature_class, feature_code=g.feature_code,
            country_code=g.country_code or None, admin1=division.name if division else None,
            population=g.population, source="geonames",
        ), [g.asciiname])
    for place, names in extra:
        if int(place.geonameid or 0) not in written:
            add(place, names)
    return count


# -- progress ------------------------------------------------------------------------


class _Progress:
    """Rich progress bars on stderr, or nothing at all when disabled."""

    def __init__(self, enabled: bool) -> None:
        self._bar: Any = None
        if enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
                TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True))

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()

    def start(self, label: str, total: float | None) -> Any:
        return self._bar.add_task(label, total=total) if self._bar is not None else None

    def update(self, task: Any, completed: float, *, total: float | None = None) -> None:
        if self._bar is not None:
            if total is not None:
                self._bar.update(task, total=total)
            self._bar.update(task, completed=completed)


# -- adding one country's file to an existing gazetteer ------------------------------


@dataclass(frozen=True)
class AddCountryReport:
    """What ``add_country`` changed."""

    path: Path
    country: str
    added: int          # new places
    updated: int        # places the gazetteer had already: GeoNames' point and names
    skipped: int        # malformed rows
    seconds: float = 0.0


def add_country(
    archive: str | Path,
    gazetteer: str | Path,
    *,
    min_population: int = 0,
    feature_classes: Iterable[str] = DEFAULT_FEATURE_CLASSES,
    progress: bool = True,
) -> AddCountryReport:
    """Add one country's GeoNames file (``XX.zip`` of the dump, or its ``XX.txt``; the
    columns of ``allCountries.txt``) to the gazetteer at ``gazetteer``.

    Every feature the gazetteer lacks is added with the names of the file's
    ``alternatenames`` column (codes such as IATA "MOW" and links left out). A place it
    has already (same GeoNames id) gets those names too, and GeoNames' point (its area
    centre, if it had one, stays in ``centre_lat``/``centre_lon``). The file is changed
    atomically under the build's file lock; on any error it stays as it was.
    """
    from filelock import FileLock

    started = time.perf_counter()
    path = Path(archive).expanduser()
    if not path.is_file():
        raise GazetteerError(f"{path} does not exist; download the country's file "
                             f"(e.g. NG.zip) from {DUMP_URL}")
    if path.suffix == ".zip":
        _check_zip(path)
    classes = _check_classes(feature_classes)
    target = Path(gazetteer).expanduser()
    if not target.is_file():
        raise GazetteerError(f"no gazetteer at {target}; build one with "
                             "'geoevents gazetteer build' first")
    if min_population < 0:
        raise GazetteerError(f"the minimum population must be 0 or more, got {min_population}")
    with _Progress(progress) as bar:
        # the file's own first-level divisions name the admin-1 of its places
        admin1 = {g.admin1_code: g.name for g in _country_rows(path, classes, 0, bar)
                  if g is not None and g.feature_code == "ADM1" and g.admin1_code}
        countries: set[str] = set()
        added = updated = skipped = 0
        try:
            with FileLock(str(target) + ".lock"), \
                    GazetteerWriter(target, source_label="", append=True) as writer:
                for g in _country_rows(path, classes, min_population, bar):
                    if g is None:
                        skipped += 1
                        continue
                    countries.add(g.country_code)
                    rowid = writer.ids.get(f"geonames:{g.geonameid}")
                    if rowid is None:
                        writer.add(Place(
                            id=f"geonames:{g.geonameid}", geonameid=g.geonameid, name=g.name,
                            lat=g.lat, lon=g.lon, feature_class=g.feature_class,
                            feature_code=g.feature_code, country_code=g.country_code or None,
                            admin1=admin1.get(g.admin1_code), population=g.population,
                            source=f"geonames:{path.stem}",
                        ), _column_names(g))
                        added += 1
                        continue
                    writer.db.execute("UPDATE places SET lat = ?, lon = ? WHERE rowid = ?",
                                      (g.lat, g.lon, rowid))
                    writer.db.execute(
                        "UPDATE place_points SET min_lat = ?, max_lat = ?, min_lon = ?, "
                        "max_lon = ? WHERE place = ?", (g.lat, g.lat, g.lon, g.lon, rowid))
                    writer.update_names(rowid, _column_names(g))
                    updated += 1
                previous = writer.db.execute(
                    "SELECT value FROM meta WHERE key = 'added_countries'").fetchone()
                listed = {c for c in (previous[0].split(",") if previous else []) if c}
                writer.finish({"added_countries": ",".join(sorted(listed | countries - {""}))})
        except sqlite3.Error as exc:
            raise GazetteerError(f"adding {path.name} to {target} failed: {exc}") from exc
    return AddCountryReport(target, ",".join(sorted(countries - {""})), added, updated,
                            skipped, time.perf_counter() - started)


def _country_rows(path: Path, classes: frozenset[str], min_population: int,
                  bar: _Progress) -> Iterator[_Geoname | None]:
    """The kept rows of a country file; None for a malformed row."""
    for row in _rows(path, bar, f"reading {_member(path)}"):
        g = _parse_geoname(row)
        if g is None:
            yield None
        elif g.feature_class in classes and not (
                g.feature_class == "P" and g.population < min_population):
            yield g


def _column_names(g: _Geoname) -> list[str]:
    """The names of a place in its row's ``alternatenames`` column, without the codes
    (all-capital abbreviations such as IATA "MOW") and links that column mixes in."""
    names = [g.asciiname]
    for name in g.alternatenames.split(","):
        name = name.strip()
        if not name or "://" in name or (name.isupper() and name.isascii() and len(name) <= 4
                                        and name != g.name):
            continue
        names.append(name)
    return names
