"""``geoevents geocode`` and ``geoevents reverse``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from geoevents.cli.output import Format, print_places

GazetteerOption = Annotated[
    Path | None,
    typer.Option("--gazetteer", help="Gazetteer file (default: $GEOEVENTS_GAZETTEER or the "
                 "embedded one in the user cache, built on first use).", show_default=False),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def register(app: typer.Typer) -> None:
    app.command()(geocode)
    # negative coordinates ("-33.87") are values, not options
    app.command(context_settings={"ignore_unknown_options": True})(reverse)


def geocode(
    query: Annotated[str, typer.Argument(
        help="Place name, e.g. 'Jenin', 'Moscow, Idaho', 'Austin, TX', 'Vienna Austria'.")],
    country: Annotated[str | None, typer.Option(
        "--country", "-c",
        help="Restrict to countries: ISO codes or names, e.g. US, USA, 'PS,IL', Austria.")
    ] = None,
    feature_class: Annotated[str | None, typer.Option(
        "--feature-class", help="GeoNames feature class: A, P, L, H, T, S.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=100)] = 5,
    no_fuzzy: Annotated[bool, typer.Option(
        "--no-fuzzy", help="Exact and transliteration matches only.")] = False,
    fmt: FormatOption = Format.text,
    gazetteer: GazetteerOption = None,
) -> None:
    """Find places by name, best match first."""
    from geoevents.geocoding import default_gazetteer

    places = default_gazetteer(gazetteer).search(
        query, country=country, feature_class=feature_class, limit=limit, fuzzy=not no_fuzzy)
    print_places(places, fmt)
    if not places:
        sys.stderr.write(f"geoevents: no place matches {query!r}\n")
        raise typer.Exit(1)


def reverse(
    lat: Annotated[float, typer.Argument(help="Latitude, WGS84 degrees.")],
    lon: Annotated[float, typer.Argument(help="Longitude, WGS84 degrees.")],
    fmt: FormatOption = Format.text,
    gazetteer: GazetteerOption = None,
) -> None:
    """Name the nearest populated place (or the country) at a coordinate."""
    from geoevents.geocoding import default_gazetteer

    place = default_gazetteer(gazetteer).reverse(lat, lon)
    print_places([place] if place else [], fmt)
    if place is None:
        sys.stderr.write(f"geoevents: nothing known near {lat}, {lon}\n")
        raise typer.Exit(1)
