"""``render_map``: a layered, self-contained folium map of events and places."""

from __future__ import annotations

import html
from collections.abc import Iterable
from importlib import resources
from typing import Any

import folium
from folium.elements import JSCSSMixin
from folium.plugins import Fullscreen
from folium.template import Template

from geoevents.errors import InputError
from geoevents.maps import payload as payload_mod
from geoevents.maps.assets import (
    LEAFLET_CSS,
    LEAFLET_JS,
    OfflineFigure,
    inline_script,
    inline_style,
)

DEFAULT_TITLE = "geoevents map"
MAX_ZOOM = 16  # each zoom level costs the clustering time; 16 shows streets
ONLINE_TILES = [("OpenStreetMap", "OpenStreetMap"),
                ("Esri.WorldImagery", "Esri World Imagery")]


def render_map(data: Any, *, offline: bool = True, places: Any = None,
               title: str = DEFAULT_TITLE) -> folium.Map:
    """A folium map of events: one overlay per event type, places, areas, heat map, a filter
    panel with a timeline.

    ``data`` is Documents or Events, or an events GeoDataFrame (from ``to_geodataframe`` or
    ``geoevents.export.read``; pass its places layer as ``places``). The HTML it saves is
    self-contained; ``offline=False`` only adds online tile layers as base maps.
    """
    events, place_frame, documents = _frames(data, places)
    content = payload_mod.build(events, place_frame, title=title, documents=documents)

    fmap = folium.Map(location=[20, 0], zoom_start=2, tiles=None, control_scale=True)
    fmap.options.update(max_zoom=MAX_ZOOM, min_zoom=2)  # clustering needs a maximum zoom
    fmap.default_js = list(LEAFLET_JS)
    fmap.default_css = list(LEAFLET_CSS)
    OfflineFigure(title=html.escape(title)).add_child(fmap)
    if not offline:
        for tiles, name in ONLINE_TILES:
            folium.TileLayer(tiles, name=name).add_to(fmap)

    groups: dict[str, Any] = {"types": [
        folium.FeatureGroup(name=_label(f"ge-swatch ge-t{k}", t["name"], t["count"], t["icon"],
                                        count_class=f"ge-count-t{k}"))
        .add_to(fmap) for k, t in enumerate(content["types"])]}
    layers = [
        ("places", "ge-swatch ge-swatch-place", "Places (size: mentions)", True),
        ("areas", "ge-swatch ge-swatch-area", "Areas: regions and borders", True),
        ("heat", "ge-swatch ge-swatch-heat", "Heat map", False),
        ("labels", "ge-swatch ge-swatch-label", "Place names (GeoNames)", True),
        ("countries", "ge-swatch ge-swatch-country", "Countries, lakes and rivers", offline),
    ]
    if (content["lines"] or {}).get("admin1") is not None:
        layers.append(("admin1", "ge-swatch ge-swatch-admin1",
                       "Admin-1 boundaries (Natural Earth)", True))
    for key, swatch, name, show in layers:
        groups[key] = folium.FeatureGroup(name=_label(swatch, name), show=show).add_to(fmap)
    Fullscreen(position="topleft").add_to(fmap)
    runtime = MapRuntime(content, groups)
    runtime.add_to(fmap)
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    # the encoded payload (title included) already stands for the content: no second dump
    _stable_ids(fmap.get_root(), seed=runtime.data)
    return fmap


def _stable_ids(root: Any, seed: str) -> None:
    """Replace folium's random element ids with ids derived from ``seed`` and each
    element's position in the tree: the same map saves as the same HTML (no churn in
    version control), and different maps still get different ids."""
    import hashlib

    seed = hashlib.sha256(seed.encode()).hexdigest()
    counter = 0

    def visit(element: Any) -> None:
        nonlocal counter
        for child in element._children.values():
            counter += 1
            child._id = hashlib.sha256(f"{seed}\n{counter}".encode()).hexdigest()[:32]
            visit(child)
        element._children = type(element._children)(
            (child.get_name(), child) for child in element._children.values())

    visit(root)


def _frames(data: Any, places: Any) -> tuple[Any, Any, int | None]:
    """(events, places, number of documents or None) in WGS84 for any accepted input."""
    from geoevents.export import to_geodataframes
    from geoevents.model import Document, Event

    if type(data).__name__ == "GeoDataFrame":
        if "event_type" not in data.columns:
            raise InputError("the GeoDataFrame has no 'event_type' column; pass the events "
                             "from geoevents.to_geodataframe() or geoevents.export.read()")
        return _wgs84(data), None if places is None else _wgs84(places), None
    items = [data] if isinstance(data, (Document, Event)) else data
    if isinstance(items, Iterable) and not isinstance(items, (str, bytes)):
        items = list(items)
    events, derived = to_geodataframes(items)
    documents = sum(isinstance(item, Document) for item in items) or None
    return events, derived if places is None else _wgs84(places), documents


def _wgs84(frame: Any) -> Any:
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        return frame.to_crs(4326)
    return frame


def _label(swatch_class: str, name: str, count: int | None = None, icon: str = "",
           count_class: str = "") -> str:
    """A layer-control entry (it doubles as the legend): swatch, escaped name, count (the
    page updates it to the events that pass the filters)."""
    count_html = (f' <span class="ge-count {count_class}">({count:,})</span>'
                  if count is not None else "")
    return f'<span class="{swatch_class}">{icon}</span>{html.escape(name)}{count_html}'


def _static(name: str) -> str:
    return resources.files("geoevents.maps").joinpath("static", name).read_text("utf-8")


class MapRuntime(JSCSSMixin):
    """The embedded data and the script that turns it into layers (``static/geoevents.js``)."""

    _template = Template("""
        {% macro header(this, kwargs) %}{{ this.head }}{% endmacro %}
        {% macro html(this, kwargs) %}<script type="application/json" id="geoevents-data" \
data-encoding="{{ this.encoding }}">{{ this.data }}</script>{% endmacro %}
        {% macro script(this, kwargs) %}
            geoevents.start({{ this._parent.get_name() }}, {{ this.groups|tojavascript }});
        {% endmacro %}
    """)
    default_js: list[tuple[str, str]] = [  # noqa: RUF012 (folium API)
        ("markerclusterjs", "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/"
                            "1.1.0/leaflet.markercluster.js"),
        ("leaflet-heat.js", "https://cdn.jsdelivr.net/gh/python-visualization/folium@main/"
                            "folium/templates/leaflet_heat.min.js"),
        ("Control_MiniMap_js", "https://cdnjs.cloudflare.com/ajax/libs/leaflet-minimap/3.6.1/"
                               "Control.MiniMap.js"),
    ]
    default_css: list[tuple[str, str]] = [  # noqa: RUF012 (folium API)
        ("markerclustercss", "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/"
                             "1.1.0/MarkerCluster.css"),
        ("Control_MiniMap_css", "https://cdnjs.cloudflare.com/ajax/libs/leaflet-minimap/3.6.1/"
                                "Control.MiniMap.css"),
    ]

    def __init__(self, content: dict[str, Any], groups: dict[str, Any]) -> None:
        super().__init__()
        self._name = "GeoeventsRuntime"
        self.encoding, self.data = payload_mod.encode(content)
        self.groups = groups
        colors = "".join(f".ge-t{k}{{--ge-color:{t['color']}}}"
                         for k, t in enumerate(content["types"]))
        self.head = inline_style(colors + _static("geoevents.css")) + inline_script(
            _static("geoevents.js"))
