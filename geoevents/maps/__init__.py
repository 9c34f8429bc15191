"""Layered, self-contained interactive HTML maps of events (folium + Leaflet, offline)."""

from __future__ import annotations

from geoevents.maps.render import render_map

__all__ = ["render_map"]
