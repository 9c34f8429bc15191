"""Reading a gazetteer file: name search (exact, transliteration-tolerant, fuzzy),
lookup by id, and reverse geocoding.

The store is one SQLite file opened read-only; each thread gets its own connection, so
one :class:`Gazetteer` can serve a threaded web server.
"""

from __future__ import annotations

import math
import numbers
import os
import re
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from geoevents.errors import GazetteerError, QueryError, shown
from geoevents.gazetteer.names import MAX_QUERY_CHARS, head_key, normalize, skeleton
from geoevents.gazetteer.query import (
    QueryReader,
    Reading,
    country_codes,
    fuzzy_allowed,
    lookup_text,
    structured_text,
)
from geoevents.gazetteer.schema import (
    EMBEDDED_RELEASE,
    FEATURE_CLASSES,
    NAME_ABBREVIATION,
    NAME_PRIMARY,
    PLACE_COLUMNS,
    SCHEMA_VERSION,
    fuzzy_block,
)
from geoevents.geodesy import distance_km
from geoevents.model import Place
from geoevents.wordlists import DIVISION_NOUNS

ENV_PATH = "GEOEVENTS_GAZETTEER"
_P_COLUMNS = ", ".join(f"p.{c.strip()}" for c in PLACE_COLUMNS.split(","))
# where the names table's columns follow the place's in a name lookup's rows
_NAME_KIND = len(PLACE_COLUMNS.split(","))
_NAME_NORM = _NAME_KIND + 1
COUNTRY_CODES = ("PCLI", "PCLD", "PCLIX", "PCLS", "PCLF", "PCL", "TERR")

# Score adjustments by how a name matched; importance (0..~1.1) is added to these.
_PRIMARY_BONUS = 0.05
# "JFK Airport", "LHR International Airport", "Airport EGLL": an IATA (three letters) or
# ICAO (four) code in capitals that the words around it say is an airport's; the codes
# table is read only then, never for a bare word ("JFK" the man, "LHR" in a list)
_AIRPORT_CODE = re.compile(r"^(?:(?P<code>[A-Z]{3,4})\s+(?i:international\s+)?(?i:airport)"
                           r"|(?i:airport)\s+(?P<after>[A-Z]{3,4}))$")
# An alias that abbreviates the place's own name ("Gaza" for the Gaza Strip) is weaker
# evidence than a full name: other places carry it as their whole name.
_ABBREVIATION_PENALTY = 0.1
_TIER_PENALTY = {"exact": 0.0, "skeleton": 0.08, "generic": 0.08, "fuzzy": 0.15}
# In search(): fuzzy candidates are looked for beside exact ones only when the best exact
# one is this weak, and rank above it only when their score is higher by the margin.
_FUZZY_BESIDE_EXACT_BELOW = 0.5
_FUZZY_MARGIN = 0.25
# how a result matched, by lookup tier (Pelias' match_type)
_MATCH_BY_TIER = {"skeleton": "transliteration", "generic": "alias", "fuzzy": "fuzzy"}
# the shortest transliteration key looked up as the head of longer names ("Incirlik" of
# "Incirlik Air Base")
_GENERIC_MIN_KEY = 5
_GENERIC_FETCH = 200
# places fetched before qualifiers ("Paris, Texas") filter them
_QUALIFIED_FETCH = 250
DEFAULT_CACHE_SIZE = 8192  # fuzzy-name blocks (a few hundred names each) kept per process
_REVERSE_RADII_DEG = (0.05, 0.2, 0.8)
_REVERSE_MAX_KM = 50.0
MAX_LIMIT = 10_000  # results one search may ask for
_MAX_SQLITE_INT = 2**63 - 1


# Nearest populated place inside a box, ranked by squared equirectangular distance (k is
# the cosine of the latitude): cheap, and monotonic enough to rank close neighbours.
_NEAREST_SQL = f"""
SELECT {_P_COLUMNS} FROM place_points r JOIN places p ON p.rowid = r.place
WHERE r.min_lat >= :s AND r.max_lat <= :n AND r.min_lon >= :w AND r.max_lon <= :e
ORDER BY (r.min_lat - :lat) * (r.min_lat - :lat)
       + (r.min_lon - :lon) * (r.min_lon - :lon) * :k * :k
LIMIT 1
"""

_LARGEST_SQL = f"""
SELECT {_P_COLUMNS} FROM place_points r JOIN places p ON p.rowid = r.place
WHERE r.min_lat >= :s AND r.max_lat <= :n AND r.min_lon >= :w AND r.max_lon <= :e
ORDER BY p.population DESC
LIMIT :limit
"""


def default_path() -> Path:
    """Where the embedded gazetteer lives: ``$GEOEVENTS_GAZETTEER`` or the user cache dir."""
    env = os.environ.get(ENV_PATH)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    name = f"gazetteer-v{SCHEMA_VERSION}.{EMBEDDED_RELEASE}.sqlite"
    return Path(user_cache_dir("geoevents")) / name


@dataclass(frozen=True)
class Match:
    """A candidate place for a name, with how the name matched and its ranking score."""

    place: Place
    kind: str  # exact | skeleton | fuzzy
    similarity: float  # 1.0 for exact/skeleton matches, rapidfuzz ratio/100 for fuzzy
    primary: bool
    score: float
    # how a user would say it matched: exact (the place's name), alias (another of its
    # names or a code), transliteration, qualifier ("Paris, Texas"), fuzzy
    match: str = "exact"
    name: str = ""  # the stored name (normalised) that matched


def check_coordinates(lat: object, lon: object) -> tuple[float, float]:
    """Validate a WGS84 coordinate pair of real numbers (numpy's too, not bools or text);
    raises QueryError naming the bad value."""
    if not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in (lat, lon)):
        raise QueryError(f"coordinates must be numbers, got {shown(lat)}, {shown(lon)}")
    try:
        lat_f, lon_f = float(lat), float(lon)  # type: ignore[arg-type]
    except (OverflowError, ValueError):  # an int beyond any float
        raise QueryError(f"coordinates out of range: {shown(lat)}, {shown(lon)}") from None
    if not (math.isfinite(lat_f) and -90.0 <= lat_f <= 90.0):
        raise QueryError(f"latitude must be between -90 and 90, got {shown(lat)}")
    if not (math.isfinite(lon_f) and -180.0 <= lon_f <= 180.0):
        raise QueryError(f"longitude must be between -180 and 180, got {shown(lon)}")
    return lat_f, lon_f


def check_query(query: object) -> str:
    """Validate a free-text query; returns it stripped, raises QueryError otherwise."""
    if not isinstance(query, str):
        raise QueryError(f"query must be a string, got {type(query).__name__}")
    if "\x00" in query:
        raise QueryError("query contains a NUL byte")
    text = query.strip()
    if not text:
        raise QueryError("query is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query is longer than {MAX_QUERY_CHARS} characters ({len(text)})")
    return text


def check_limit(limit: object) -> int:
    """Validate a number of results: an integer from 1 to :data:`MAX_LIMIT`."""
    if isinstance(limit, bool) or not isinstance(limit, numbers.Integral):
        raise QueryError(f"limit must be an integer, got {type(limit).__name__}")
    if not 1 <= int(limit) <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT:,}, got {shown(limit)}")
    return int(limit)


def check_option(name: str, value: object, kind: type, *, optional: bool = True) -> Any:
    """``value`` if it is of ``kind`` (str or bool) or, when ``optional``, None; else
    QueryError naming it."""
    if isinstance(value, kind) or (optional and value is None):
        return value
    wanted = "True or False" if kind is bool else "a string"
    raise QueryError(f"{name} must be {wanted}, got {type(value).__name__}")


class Gazetteer:
    """A read-only gazetteer file. Open with :meth:`Gazetteer.open`.

    ``cache_size`` bounds the per-process caches (fuzzy-name blocks, area names of
    qualifiers), so a long-running server does not grow without limit.
    """

    def __init__(self, path: Path, *, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._fuzzy_block = lru_cache(maxsize=cache_size)(self._load_fuzzy_block)
        self._countries: Any = None
        self._country_places: dict[str, Place | None] = {}
        self.reader = QueryReader(self._areas, cache_size=cache_size)
        self.failure: GazetteerError | None = None
        meta = dict(self._rows("SELECT key, value FROM meta"))
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise GazetteerError(
                f"{self.path} has gazetteer schema {meta.get('schema_version')!r}, "
                f"expected {SCHEMA_VERSION!r}; {self.remedy}"
            )
        self.meta = meta

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, build: bool = True,
             progress: bool = True, cache_size: int = DEFAULT_CACHE_SIZE) -> Gazetteer:
        """Open a gazetteer file; the default one is built on first use.

        An explicit ``path`` that does not exist is an error; the default path (user cache
        dir or ``$GEOEVENTS_GAZETTEER``) is built from the embedded sources when missing.
        """
        target = Path(path).expanduser() if path is not None else default_path()
        if not target.exists():
            if path is not None or not build:
                raise GazetteerError(
                    f"no gazetteer at {target}; build one with 'geoevents gazetteer build'"
                )
            from geoevents.gazetteer.build import ensure_built

            ensure_built(target, progress=progress)
        return cls(target, cache_size=cache_size)

    @property
    def _db(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            # a URI with the path percent-escaped: "#", "?" and "%" in a folder name are
            # part of the path, not URI syntax
            uri = self.path.absolute().as_uri() + "?mode=ro"
            try:
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                conn.execute("PRAGMA query_only = 1")
                conn.execute("SELECT 1 FROM meta LIMIT 1")
            except sqlite3.Error as exc:
                raise self._failed(exc) from exc
            self._local.conn = conn
        return conn

    @property
    def remedy(self) -> str:
        """The command that rebuilds this file."""
        if self.path == default_path():
            return "rebuild it with 'geoevents gazetteer build'"
        return f"rebuild it with 'geoevents gazetteer build --output {self.path}'"

    def _failed(self, exc: sqlite3.Error) -> GazetteerError:
        """The GazetteerError for an SQLite failure; remembered for :meth:`check`."""
        error = GazetteerError(
            f"{self.path} is not a readable gazetteer: the file is damaged or not a "
            f"gazetteer ({exc}); {self.remedy}")
        self.failure = error
        return error

    def _rows(self, sql: str, params: Any = ()) -> list[Any]:
        """All rows of a query; any SQLite error becomes a GazetteerError."""
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._failed(exc) from exc

    def check(self) -> None:
        """Raise GazetteerError when the file is unreadable or a lookup has met a corrupt
        page since it was opened; reads one row of every table otherwise."""
        if self.failure is not None:
            raise self.failure
        for table in ("meta", "places", "names", "fuzzy_names"):
            self._rows(f"SELECT * FROM {table} LIMIT 1")  # fixed table names

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- lookups -----------------------------------------------------------------------

    def get(self, place_id: str) -> Place | None:
        """The place with this id (``geonames:281133``, ``local:gaza-strip``, …); QueryError
        when ``place_id`` is not a string. ``geonames:N`` also finds a curated place that
        carries GeoNames id N (``geonames:281132`` is ``local:gaza-strip``)."""
        if not isinstance(place_id, str):
            raise QueryError(f"place id must be a string, got {type(place_id).__name__}")
        rows = self._rows(f"SELECT {PLACE_COLUMNS} FROM places WHERE id = ?", (place_id,))
        if rows:
            return _place(rows[0])
        digits = place_id.removeprefix("geonames:")
        if digits != place_id and digits.isascii() and digits.isdigit():
            return self.by_geonameid(int(digits))
        return None

    def by_geonameid(self, geonameid: int) -> Place | None:
        """The most important place with this GeoNames id; QueryError when it is not an
        integer."""
        if isinstance(geonameid, bool) or not isinstance(geonameid, numbers.Integral):
            raise QueryError(f"geonameid must be an integer, got {type(geonameid).__name__}")
        if not 0 <= geonameid <= _MAX_SQLITE_INT:
            return None  # no GeoNames id is negative or beyond SQLite's integers
        rows = self._rows(
            f"SELECT {PLACE_COLUMNS} FROM places WHERE geonameid = ? "
            "ORDER BY importance DESC LIMIT 1", (int(geonameid),))
        return _place(rows[0]) if rows else None

    def search(self, name: str | Mapping[str, Any], *, country: str | None = None,
               feature_class: str | None = None, limit: int = 10,
               fuzzy: bool = True) -> list[Place]:
        """Places named ``name``, best first; each says how it matched (``Place.match``).

        Reads the forms people send to Nominatim (see :mod:`geoevents.gazetteer.query`):
        "Austin, TX", "Springfield, Massachusetts, United States", "Vienna Austria", and
        countries by code or short form ("US", "UAE"); or a structured query
        (``{"city": "Norman", "state": "OK"}``). ``fuzzy=False`` keeps to exact and
        transliteration matches. A query that is not a string, is empty, holds a NUL or is
        longer than any name raises QueryError, as does an argument of the wrong type.
        """
        if not isinstance(name, str) and isinstance(name, Mapping):
            name = structured_text(name)
        query = check_query(name)
        found = self.matches(query, country=country, feature_class=feature_class,
                             limit=limit, fuzzy=fuzzy, forms=True)
        places = []
        for m in found:
            m.place.match = m.match  # each Match holds its own Place object
            places.append(m.place)
        return places

    def matches(self, name: str, *, country: str | None = None,
                feature_class: str | None = None, limit: int = 10,
                fuzzy: bool = True, forms: bool = False) -> list[Match]:
        """Candidate places for a name, as :class:`Match` objects with scores.

        This is the pipeline's lookup: a name that cannot be a place (empty, NUL, longer
        than any name) has no candidates instead of raising. "Moscow, Idaho" qualifiers
        are read; ``forms`` adds what :meth:`search` reads besides (country codes and
        short forms, a qualifier without a comma, the name before a division noun — "Biu
        district" —, fuzzy hits beside weak exact ones).
        """
        if not isinstance(name, str):
            raise QueryError(f"query must be a string, got {type(name).__name__}")
        limit = check_limit(limit)
        country = check_option("country", country, str)
        feature_class = check_option("feature_class", feature_class, str)
        fuzzy = check_option("fuzzy", fuzzy, bool, optional=False)
        query = lookup_text(name)
        if query is None:
            return []
        codes = self._country_filter(country) if country else None
        fclass = feature_class.upper() if feature_class else None
        if fclass is not None and fclass not in FEATURE_CLASSES:
            raise QueryError(f"unknown feature class {feature_class!r}; use one of "
                             f"{', '.join(sorted(FEATURE_CLASSES))}")
        found = self._lookup(query, codes, fclass, limit) or self._by_airport_code(
            query, codes, fclass)
        if forms:
            found = self._with_country_alias(query, found, codes, fclass)
        if not found and "," in query:
            found = self._read(self.reader.comma_readings(query), codes, fclass)
        if not found and forms and " " in query:
            found = self._read(self.reader.suffix_readings(query), codes, fclass)
        if not found and forms and " " in query:
            found = self._division_reading(query, codes, fclass, limit)
        if fuzzy and fuzzy_allowed(query):
            if not found:
                found = self._lookup(query, codes, fclass, limit, fuzzy=True)
            elif forms and found[0].score < _FUZZY_BESIDE_EXACT_BELOW:
                bar = found[0].score + _FUZZY_MARGIN
                similar = self._lookup(query, codes, fclass, limit, fuzzy=True)
                found = sorted(found + [m for m in similar if m.score >= bar],
                               key=lambda m: -m.score)
        return found[:limit]

    def _by_airport_code(self, query: str, codes: tuple[str, ...] | None,
                         fclass: str | None) -> list[Match]:
        """The airport whose IATA or ICAO code a query names with the word airport ("JFK
        Airport", see :data:`_AIRPORT_CODE`), as an ``alias`` match; else nothing."""
        hit = _AIRPORT_CODE.match(" ".join(query.split()))
        if hit is None:
            return []
        code = hit.group("code") or hit.group("after")
        rows = self._rows(
            f"SELECT {PLACE_COLUMNS} FROM codes JOIN places ON places.rowid = codes.place "
            "WHERE codes.scheme = ? AND codes.code = ?",
            ("iata" if len(code) == 3 else "icao", code))
        places = [_place(row) for row in rows]
        return [Match(place, "exact", 1.0, False, place.importance, "alias")
                for place in places if (not codes or place.country_code in codes)
                and (not fclass or place.feature_class == fclass)]

    def _division_reading(self, query: str, codes: tuple[str, ...] | None,
                          fclass: str | None, limit: int) -> list[Match]:
        """"Biu district", "Okha village": the name before a division or settlement noun,
        as the kind of place the noun says (before any fuzzy match of the whole: "Biu
        district" is not Ibb, Yemen)."""
        head, _, noun = query.rpartition(" ")
        wanted = DIVISION_NOUNS.get(noun.lower())
        if not head.strip() or wanted is None:
            return []
        found = self._lookup(head, codes, fclass or wanted or None, limit)
        return found or (self._lookup(head, codes, fclass, limit) if wanted else [])

    def _read(self, readings: list[Reading], codes: tuple[str, ...] | None,
              fclass: str | None) -> list[Match]:
        """Matches of the first reading ("Paris" in Texas) that finds any."""
        for reading in readings:
            wanted = reading.country_codes()
            if wanted is not None and codes:
                wanted = tuple(c for c in wanted if c in codes)
            elif wanted is None:
                wanted = codes
            if wanted is not None and not wanted:
                continue
            hits = self._lookup(reading.name, wanted, fclass, _QUALIFIED_FETCH)
            kept = [replace(m, match="qualifier") for m in hits if reading.accepts(m.place)]
            if kept:
                return kept
        return []

    def _with_country_alias(self, query: str, found: list[Match],
                            codes: tuple[str, ...] | None, fclass: str | None) -> list[Match]:
        """Add the country a query names by code or short form ("US", "UAE", "DRC")."""
        aliases = self.reader.country_alias(query)
        if not aliases:
            return found
        extra = []
        for code in aliases:
            if codes and code not in codes:
                continue
            rows = self._rows(
                f"SELECT {PLACE_COLUMNS} FROM places WHERE country_code = ? AND "
                f"feature_code IN ({','.join('?' * len(COUNTRY_CODES))}) "
                "ORDER BY importance DESC LIMIT 1", (code, *COUNTRY_CODES))
            if rows and (not fclass or rows[0][6] == fclass):
                place = _place(rows[0])
                extra.append(Match(place, "exact", 1.0, False,
                                   place.importance + _PRIMARY_BONUS, "alias"))
        ids = {m.place.id for m in extra}
        return sorted(extra + [m for m in found if m.place.id not in ids],
                      key=lambda m: -m.score)

    def country_codes(self, country: str) -> tuple[str, ...]:
        """ISO 3166-1 alpha-2 codes a country text names (codes, short forms, names in
        any language, comma-separated); empty when it names none."""
        return self._country_filter(country, strict=False)

    def _country_filter(self, country: str, *, strict: bool = True) -> tuple[str, ...]:
        """ISO codes for a country given as codes or names ("US", "us,ca", "USA", "UK",
        "Russia", "Österreich"); an unknown one ("ZZ") raises QueryError."""
        parts = [c.strip() for c in country.split(",") if c.strip()]
        codes: list[str] = []
        for part in parts:
            if len(part) == 2 and part.upper() in country_codes():
                codes.append(part.upper())
                continue
            found = sorted(self.reader.qualifier(part).countries)  # "UK", "Russia"
            if strict and not found:
                raise QueryError(f"unknown country {part!r}; use an ISO 3166-1 alpha-2 code")
            codes.extend(found)
        if strict and not codes:
            raise QueryError(f"unknown country {country!r}; use an ISO 3166-1 alpha-2 code")
        return tuple(dict.fromkeys(codes))

    def _areas(self, norm: str) -> Iterator[tuple[str, str, bool]]:
        """(country code, normalised name, is a country) of the countries and first-level
        divisions called ``norm`` (ISO 3166-2 codes are names too: "us tx")."""
        kinds = (*COUNTRY_CODES, "ADM1")
        for code, name, feature_code in self._rows(
                "SELECT p.country_code, p.name, p.feature_code FROM names n "
                "JOIN places p ON p.rowid = n.place WHERE n.norm = ? AND "
                f"p.feature_code IN ({','.join('?' * len(kinds))})", (norm, *kinds)):
            if code:
                yield code, normalize(name), feature_code in COUNTRY_CODES

    def _lookup(self, query: str, codes: tuple[str, ...] | None, fclass: str | None,
                limit: int, *, fuzzy: bool = False) -> list[Match]:
        """Exact, then transliteration-tolerant, then as the head of a longer name with
        generic words ("Incirlik Air Base"); with ``fuzzy`` only the fuzzy tier."""
        tiers = ("fuzzy",) if fuzzy else ("exact", "skeleton", "generic")
        for tier in tiers:
            found = self.tier(tier, query, codes, fclass, limit)
            if found:
                return found
        return []

    def tier(self, tier: str, query: str, codes: tuple[str, ...] | None = None,
             fclass: str | None = None, limit: int = 10) -> list[Match]:
        """Matches of one lookup tier (exact, skeleton, generic, fuzzy), best first."""
        norm = normalize(query)
        if not norm:
            return []
        if tier == "exact":
            return self._by_key("norm", [norm], codes, fclass, "exact", limit)
        if tier == "fuzzy":
            similar = self._fuzzy_norms(norm)
            if not similar:
                return []
            return self._by_key("norm", list(similar), codes, fclass, "fuzzy", limit,
                                similarity=similar)
        skel = skeleton(norm)
        if not skel:
            return []
        if tier == "skeleton":
            return self._by_key("skel", [skel], codes, fclass, "skeleton", limit,
                                query_norm=norm)
        return self._generic_heads(norm, skel, codes, fclass, limit)

    def _generic_heads(self, norm: str, skel: str, codes: tuple[str, ...] | None,
                       fclass: str | None, limit: int) -> list[Match]:
        """Names that are the query followed by generic words only ("Ingushetiya
        Respublika", "Incirlik Airport" for "Ingushetia", "Incirlik"): one indexed range
        scan of the transliteration keys starting with the query's."""
        if len(skel) < _GENERIC_MIN_KEY:
            return []
        rows = self._rows(
            "SELECT n.norm FROM names n WHERE n.skel > ? AND n.skel < ? AND n.skel != '' "
            "LIMIT ?", (skel, skel + "\uffff", _GENERIC_FETCH))
        heads = sorted({r[0] for r in rows if head_key(r[0]) == skel})
        if not heads:
            return []
        similarity = {h: _ratio(norm, h) for h in heads}
        return self._by_key("norm", heads, codes, fclass, "generic", limit,
                            similarity=similarity)

    def _by_key(self, column: str, keys: list[str], codes: tuple[str, ...] | None,
                fclass: str | None, kind: str, limit: int, *,
                similarity: dict[str, float] | None = None,
                query_norm: str | None = None) -> list[Match]:
        """Candidates whose ``column`` (norm or skel) is one of ``keys``, best first.

        Similarity is 1 for exact names, the rapidfuzz ratio of the query to the matched
        name for skeleton matches (given ``query_norm``), or taken from ``similarity``.
        """
        sql = (
            f"SELECT {_P_COLUMNS}, n.kind, n.norm FROM names n "
            f"JOIN places p ON p.rowid = n.place WHERE n.{column} IN "
            f"({','.join('?' * len(keys))})"
        )
        if column == "skel":
            sql += " AND n.skel != ''"  # lets SQLite use the partial index on skel
        params: list[object] = list(keys)
        if codes:
            sql += f" AND p.country_code IN ({','.join('?' * len(codes))})"
            params.extend(codes)
        if fclass:
            sql += " AND p.feature_class = ?"
            params.append(fclass)
        sql += " ORDER BY p.importance DESC LIMIT ?"
        params.append(limit * 2 + 10)
        tier_match = _MATCH_BY_TIER.get(kind)
        best: dict[int, Match] = {}
        for row in self._rows(sql, params):
            primary = row[_NAME_KIND] == NAME_PRIMARY
            if similarity is not None:
                sim = similarity.get(row[_NAME_NORM], 0.0)
            elif query_norm is not None:
                sim = _ratio(query_norm, row[_NAME_NORM])
            else:
                sim = 1.0
            score = (row[11] + (_PRIMARY_BONUS if primary else 0.0)
                     - _TIER_PENALTY[kind] - (1.0 - sim) * 0.5)
            if row[_NAME_KIND] == NAME_ABBREVIATION:
                score -= _ABBREVIATION_PENALTY
            if row[0] not in best or score > best[row[0]].score:
                match = tier_match or ("exact" if primary else "alias")
                best[row[0]] = Match(_place(row), kind, sim, primary, score, match, row[_NAME_NORM])
        return sorted(best.values(), key=lambda m: -m.score)

    def _fuzzy_norms(self, norm: str) -> dict[str, float]:
        """Stored names within one or two edits of ``norm`` (ASCII names only).

        Edits are counted as optimal string alignment (a transposition is one edit). The
        names scanned start with the query's first two letters, or with them swapped at
        the same length — a typo in the very first letter is not recovered ("Amazon" is
        not "Mazon").
        """
        if not norm.isascii() or len(norm) < 5:
            return {}
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        max_edits = 1 if len(norm) <= 8 else 2
        choices: list[str] = []
        for length in range(len(norm) - max_edits, len(norm) + max_edits + 1):
            choices.extend(self._fuzzy_block(fuzzy_block(norm[:2], length)))
        if norm[0] != norm[1]:
            choices.extend(self._fuzzy_block(fuzzy_block(norm[1] + norm[0], len(norm))))
        hits = process.extract(norm, choices, scorer=OSA.distance,
                               score_cutoff=max_edits, limit=8)
        return {choice: _ratio(norm, choice) for choice, _, _ in hits}

    def _load_fuzzy_block(self, block: str) -> list[str]:
        return [r[0] for r in self._rows(
            "SELECT norm FROM fuzzy_names WHERE block = ?", (block,))]

    # -- reverse -----------------------------------------------------------------------

    def reverse(self, lat: float, lon: float, *, max_km: float = _REVERSE_MAX_KM) -> Place | None:
        """The nearest populated place within ``max_km``, else the country containing
        the point, else None (open sea)."""
        lat, lon = check_coordinates(lat, lon)
        if isinstance(max_km, bool) or not isinstance(max_km, numbers.Real) or \
                not 0 <= max_km < math.inf:
            raise QueryError(f"max_km must be a distance in kilometres, got {shown(max_km)}")
        params = {"lat": lat, "lon": lon, "k": math.cos(math.radians(lat))}
        for radius in _REVERSE_RADII_DEG:
            rows = self._rows(_NEAREST_SQL, {
                **params, "s": lat - radius, "n": lat + radius,
                "w": lon - 2 * radius, "e": lon + 2 * radius,
            })
            if rows:
                row = rows[0]
                if distance_km(lat, lon, row[4], row[5]) <= max_km:
                    return _place(row)
                break
        return self.country_at(lat, lon)

    def populated_places(self, south: float, west: float, north: float, east: float, *,
                         limit: int = 1000) -> list[Place]:
        """The most populous places inside a bounding box (degrees), largest first."""
        rows = self._db.execute(_LARGEST_SQL, {"s": south, "n": north, "w": west, "e": east,
                                               "limit": int(limit)}).fetchall()
        return [_place(r) for r in rows]

    def country_at(self, lat: float, lon: float) -> Place | None:
        """The country whose Natural Earth polygon contains the point."""
        lat, lon = check_coordinates(lat, lon)
        tree, places = self._country_index()
        if tree is None:
            return None
        import shapely

        hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
        return places[int(hits[0])] if len(hits) else None

    def _country_index(self) -> tuple[Any, list[Place]]:
        if self._countries is None:
            import shapely

            rows = self._rows(
                f"SELECT {PLACE_COLUMNS} FROM places WHERE geometry IS NOT NULL AND "
                f"feature_code IN ({','.join('?' * len(COUNTRY_CODES))})", COUNTRY_CODES)
            places = [_place(r) for r in rows]
            geoms = [shapely.from_wkb(p.geometry_wkb) for p in places]
            tree = shapely.STRtree(geoms) if geoms else None
            self._countries = (tree, places)
        return self._countries

    # -- info --------------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        """Counts per source and feature class, number of names, file size, metadata."""
        by_source = dict(self._rows("SELECT source, count(*) FROM places GROUP BY source"))
        by_class = dict(self._rows(
            "SELECT feature_class, count(*) FROM places GROUP BY feature_class"))
        return {
            "path": str(self.path),
            "size_bytes": self.path.stat().st_size,
            "places": sum(by_source.values()),
            "names": self._rows("SELECT count(*) FROM names")[0][0],
            "by_source": by_source,
            "by_feature_class": by_class,
            "meta": self.meta,
        }


def _place(row: tuple[Any, ...]) -> Place:
    return Place(
        id=row[1], geonameid=row[2], name=row[3], lat=row[4], lon=row[5],
        feature_class=row[6], feature_code=row[7], country_code=row[8], admin1=row[9],
        population=row[10] or 0, importance=row[11], source=row[12], geometry_wkb=row[13],
        centre_lat=row[14], centre_lon=row[15],
    )


def _ratio(a: str, b: str) -> float:
    """Normalised similarity of two names (0..1)."""
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b)) / 100.0


