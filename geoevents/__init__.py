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
    "write": "geoevents.export",
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
    "render_map",
    "reverse",
    "to_geodataframe",
    "write",
]

if TYPE_CHECKING:
    from geoevents.errors import GazetteerError, GeoeventsError, InputError, QueryError
    from geoevents.gazetteer.store import Gazetteer
    from geoevents.geocoding import geocode, reverse
    from geoevents.model import Document, Event, Place, Toponym


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geoevents' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
