"""Geodesic distance on the WGS84 ellipsoid (pyproj), shared by every stage."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _geod() -> Any:
    from pyproj import Geod

    return Geod(ellps="WGS84")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance between two WGS84 points, in km."""
    return float(_geod().inv(lon1, lat1, lon2, lat2)[2]) / 1000.0
