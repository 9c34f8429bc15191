"""RFC 7946 GeoJSON building blocks shared by the CLI, the exports and the server:
WGS84 lon/lat, counter-clockwise outer rings, 6 decimals, no ``crs`` member."""

from __future__ import annotations

from typing import Any

from geoevents.model import Place

DECIMALS = 6


def rounded(coords: Any) -> Any:
    """Coordinates (nested lists/tuples of numbers) rounded to 6 decimals, as lists."""
    if isinstance(coords, (int, float)):
        return round(float(coords), DECIMALS)
    return [rounded(c) for c in coords]


def geometry_dict(geom: Any) -> dict[str, Any]:
    """A shapely geometry as an RFC 7946 geometry object (CCW exteriors, CW holes)."""
    import shapely

    if geom.geom_type in ("Polygon", "MultiPolygon"):
        geom = shapely.orient_polygons(geom, exterior_cw=False)
    mapping = shapely.geometry.mapping(geom)
    return {"type": mapping["type"], "coordinates": rounded(mapping["coordinates"])}


def point(lat: float, lon: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, DECIMALS), round(lat, DECIMALS)]}


def place_feature(place: Place, *, with_geometry: bool = True) -> dict[str, Any]:
    """A Feature for a place: its shape when it has one (border line, territory), else its point."""
    if with_geometry and place.geometry_wkb is not None:
        geometry = geometry_dict(place.geometry)
    else:
        geometry = point(place.lat, place.lon)
    return {"type": "Feature", "id": place.id, "geometry": geometry, "properties": place.to_dict()}


def feature_collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}
