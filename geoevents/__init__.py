"""geoevents: turn news text into mapped events, offline.

The public API is imported lazily, so ``import geoevents`` (and the CLI) starts fast and
heavy libraries (spaCy, geopandas, folium) load only when a function needs them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Gazetteer": "geoevents.gazetteer.store",
    "Place": "geoevents.model",
    "Toponym": "geoevents.model",
    "Event": "geoevents.model",
    "Document": "geoevents.model",
    "GeoeventsError": "geoevents.errors",
    "QueryError": "geoevents.errors",
    "GazetteerError": "geoevents.errors",
    "InputError": "geoevents.errors",
    "geocode": "geoevents.geocoding",
    "reverse": "geoevents.geocoding",
    "parse": "geoevents.pipeline",
    "parse_many": "geoevents.pipeline",
    "extract_events": "geoevents.pipeline",
    "to_geodataframe": "geoevents.export",
    "to_geodataframes": "geoevents.export",
    "places_geodataframe": "geoevents.export",
    "write": "geoevents.export",
    "read": "geoevents.export",
    "render_map": "geoevents.maps",
}

__all__ = [
    "Document",
    "Event",
    "Gazetteer",
    "GazetteerError",
    "GeoeventsError",
    "InputError",
    "Place",
    "QueryError",
    "Toponym",
    "extract_events",
    "geocode",
    "parse",
    "parse_many",
    "places_geodataframe",
    "read",
    "render_map",
    "reverse",
    "to_geodataframe",
    "to_geodataframes",
    "write",
]

if TYPE_CHECKING:
    from geoevents.errors import GazetteerError, GeoeventsError, InputError, QueryError
    from geoevents.export import (
        places_geodataframe,
        read,
        to_geodataframe,
        to_geodataframes,
        write,
    )
    from geoevents.gazetteer.store import Gazetteer
    from geoevents.geocoding import geocode, reverse
    from geoevents.maps import render_map
    from geoevents.model import Document, Event, Place, Toponym
    from geoevents.pipeline import extract_events, parse, parse_many


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geoevents' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public API (loaded lazily) with the module's own names, for tab completion."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})
