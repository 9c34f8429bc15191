"""Self-contained HTML: every Leaflet/plugin script and stylesheet inlined, nothing fetched.

folium links its JavaScript and CSS from CDNs. :class:`OfflineFigure` replaces each of those
links, at render time, with the file's content taken from the asset table that the pinned
``folium-offline`` package ships (``offlinefolium.elements._res``, keyed by the same CDN
URLs folium uses). Stylesheets are cleaned of ``url(...)`` references to anything but
``data:`` URIs (icon images, web fonts), so the page cannot make a request for them either.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from branca.element import CssLink, Element, Figure, JavascriptLink

from geoevents.errors import GeoeventsError

_EXTERNAL_CSS_URL = re.compile(r"""url\(\s*(?!['"]?(?:data:|#))[^)]*\)""", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</(script)", re.IGNORECASE)
_STYLE_CLOSE = re.compile(r"</(style)", re.IGNORECASE)

# Leaflet itself; folium.Map also links jQuery, Bootstrap, Font Awesome and Awesome Markers,
# which these maps do not use (and whose web fonts folium-offline does not embed).
LEAFLET_JS = [("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")]
LEAFLET_CSS = [("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")]


@cache
def _table() -> dict[str, str]:
    from offlinefolium import elements

    table: dict[str, str] = elements._res
    return table


def asset(url: str) -> str:
    """The content of a JS/CSS file folium would link from ``url``."""
    try:
        return _table()[url]
    except KeyError:
        raise GeoeventsError(f"no offline copy of {url} in folium-offline; this map element "
                             "cannot be rendered self-contained") from None


def inline_script(code: str) -> str:
    """A ``<script>`` element whose content cannot end the element early."""
    return "<script>" + _SCRIPT_CLOSE.sub(r"<\\/\1", code) + "</script>"


def inline_style(css: str) -> str:
    """A ``<style>`` element with external ``url(...)`` references removed."""
    css = _EXTERNAL_CSS_URL.sub("none", css)
    return "<style>" + _STYLE_CLOSE.sub(r"<\\/\1", css) + "</style>"


class RawHTML(Element):
    """An element that renders its text verbatim (branca would compile it as a template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class OfflineFigure(Figure):
    """A branca Figure that inlines the JS/CSS links its elements add to the header."""

    def render(self, **kwargs: Any) -> str:
        for child in self._children.values():
            child.render(**kwargs)
        header = self.header._children
        for name, child in list(header.items()):
            if isinstance(child, JavascriptLink):
                header[name] = RawHTML(inline_script(asset(child.url)))
            elif isinstance(child, CssLink):
                header[name] = RawHTML(inline_style(asset(child.url)))
        html: str = self._template.render(this=self, kwargs=kwargs)
        return html
