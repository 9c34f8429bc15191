"""Module-level geocoding on the default gazetteer: ``geocode()`` and ``reverse()``."""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from geoevents.errors import QueryError
from geoevents.gazetteer.store import Gazetteer
from geoevents.model import Place

_lock = threading.Lock()
_default: dict[str, Gazetteer] = {}


def default_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the embedded one), opened once per process."""
    key = str(path or "")
    gaz = _default.get(key)
    if gaz is None:
        with _lock:
            gaz = _default.get(key)
            if gaz is None:
                gaz = _default[key] = Gazetteer.open(path)
    return gaz


def geocode(query: str | Mapping[str, Any], *, country: str | None = None,
            feature_class: str | None = None, fuzzy: bool = True,
            gazetteer: str | Path | None = None) -> Place | None:
    """The best match for a place name ("Austin, TX", "Vienna Austria") or a structured
    query (``{"city": "Austin", "state": "TX"}``), or None; ``Place.match`` says how it
    matched. Raises QueryError on invalid input (of any argument, including its type)."""
    hits = _gazetteer(gazetteer).search(
        query, country=country, feature_class=feature_class, limit=1, fuzzy=fuzzy)
    return hits[0] if hits else None


def reverse(lat: float, lon: float, *, gazetteer: str | Path | None = None) -> Place | None:
    """The nearest populated place (or containing country) of a WGS84 point. Raises
    QueryError for anything but two numbers within range."""
    return _gazetteer(gazetteer).reverse(lat, lon)


def _gazetteer(path: object) -> Gazetteer:
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise QueryError(f"gazetteer must be a path, got {type(path).__name__}")
    return default_gazetteer(path)  # type: ignore[arg-type]
