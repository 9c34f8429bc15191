"""Printing places as text, JSON or GeoJSON for the CLI."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from geoevents.model import Place


class Format(StrEnum):
    text = "text"
    json = "json"
    geojson = "geojson"


def emit_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def print_places(places: list[Place], fmt: Format) -> None:
    """Print places in the chosen format ('no match' on stderr for text when empty)."""
    if fmt is Format.json:
        emit_json([p.to_dict() for p in places])
    elif fmt is Format.geojson:
        from geoevents.geojson import feature_collection, place_feature

        emit_json(feature_collection([place_feature(p) for p in places]))
    else:
        for p in places:
            kind = f"{p.feature_class}.{p.feature_code}"
            pop = f"pop {p.population:,}" if p.population else ""
            print(f"{p.display_name}\t{p.lat:.5f}, {p.lon:.5f}\t{kind}\t{p.id}\t{pop}".rstrip())
