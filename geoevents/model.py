"""The data classes every pipeline stage passes along: Place, Toponym, Event, Document.

They are plain dataclasses with ``to_dict()`` for JSON output. ``Place.geometry`` is
decoded from WKB on first access so that geocoding never has to import shapely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry


@dataclass(eq=False)
class Place:
    """A gazetteer entry: a populated place, division, country, region, border, sea, …"""

    id: str
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str | None = None
    admin1: str | None = None
    population: int = 0
    geonameid: int | None = None
    source: str = ""
    importance: float = 0.0
    geometry_wkb: bytes | None = field(default=None, repr=False)
    # how a geocoding query matched this place: exact, alias, transliteration, qualifier
    # or fuzzy (set by Gazetteer.search; None for places found otherwise)
    match: str | None = None
    # the area centre (equal-area projection) of a place with an extent whose point
    # (lat, lon) is a reference point (GeoNames' for a country); None when it has none
    centre_lat: float | None = None
    centre_lon: float | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def geometry(self) -> BaseGeometry | None:
        """The shape (polygon, border line) when the gazetteer has one, else None."""
        if self.geometry_wkb is None:
            return None
        import shapely

        return shapely.from_wkb(self.geometry_wkb)

    @property
    def centre(self) -> tuple[float, float] | None:
        """(lat, lon) of the area centre of the place's shape, for maps that place a
        country or region in the middle of its land; None when the gazetteer has none."""
        if self.centre_lat is None or self.centre_lon is None:
            return None
        return self.centre_lat, self.centre_lon

    @property
    def display_name(self) -> str:
        """A readable label: name, admin-1, country code ("Gaza, Gaza Strip, PS")."""
        parts = [self.name]
        if self.admin1 and self.admin1 != self.name:
            parts.append(self.admin1)
        if self.country_code and self.feature_code not in ("PCLI", "CONT"):
            parts.append(self.country_code)
        return ", ".join(parts)

    def to_dict(self, *, with_geometry: bool = False) -> dict[str, Any]:
        """A JSON-ready dict; the geometry as GeoJSON when asked for and present."""
        data: dict[str, Any] = {
            "id": self.id,
            "geonameid": self.geonameid,
            "name": self.name,
            "display_name": self.display_name,
            "lat": round(self.lat, 6),
            "lon": round(self.lon, 6),
            "feature_class": self.feature_class,
            "feature_code": self.feature_code,
            "country_code": self.country_code,
            "admin1": self.admin1,
            "population": self.population,
            "importance": round(self.importance, 4),
            "source": self.source,
        }
        if self.match is not None:
            data["match"] = self.match
        if self.centre is not None:
            data["centre_lat"] = round(self.centre[0], 6)
            data["centre_lon"] = round(self.centre[1], 6)
        if with_geometry and self.geometry_wkb is not None:
            import shapely

            data["geometry"] = shapely.geometry.mapping(self.geometry)
        return data


@dataclass
class Toponym:
    """A place mention in a text: its character span and the place it resolved to."""

    start: int
    end: int
    text: str
    place: Place | None = None
    candidates: list[Place] = field(default_factory=list)
    confidence: float = 0.0
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "place": self.place.to_dict() if self.place else None,
            "candidates": [c.id for c in self.candidates],
            "confidence": round(self.confidence, 3),
            "reason": self.reason,
        }


@dataclass
class Event:
    """Who did what, where and when: one event with its evidence and reasons."""

    id: str
    event_type: str
    sub_event_type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    actor1: str | None = None
    actor2: str | None = None
    quantities: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    fatalities: int | None = None
    date: str | None = None
    date_precision: str = "unresolved"
    date_text: str | None = None
    location: Place | None = None
    location_text: str | None = None
    location_start: int | None = None
    location_end: int | None = None
    location_role: str | None = None
    geo_precision: int | None = None
    confidence: float = 0.0
    reason: str = ""
    doc_id: str | None = None
    sources: list[str] = field(default_factory=list)
    # every telling of this happening in the document: trigger, start, end, sentence
    mentions: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "location"}
        data["location"] = self.location.to_dict() if self.location else None
        return data


@dataclass
class Document:
    """A parsed text: its toponyms and events.

    ``error`` says why a document of a batch (:func:`geoevents.parse_many`) could not be
    processed; such a document has no toponyms and no events.
    """

    text: str
    doc_id: str | None = None
    published: str | None = None
    toponyms: list[Toponym] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {
            "doc_id": self.doc_id,
            "published": self.published,
            "toponyms": [t.to_dict() for t in self.toponyms],
            "events": [e.to_dict() for e in self.events],
        }
        if self.error is not None:
            data["error"] = self.error
        return data
