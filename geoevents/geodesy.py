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


def destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The WGS84 point ``km`` from (lat, lon) along ``bearing`` (degrees from north)."""
    lon2, lat2, _ = _geod().fwd(lon, lat, bearing, km * 1000.0)
    return float(lat2), float(lon2)


def midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """The point halfway along the geodesic between two WGS84 points."""
    azimuth, _, metres = _geod().inv(lon1, lat1, lon2, lat2)
    return destination(lat1, lon1, float(azimuth), float(metres) / 2000.0)
