"""``geoevents map``: a self-contained interactive HTML map from texts or an events file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

EVENT_FILE_EXTENSIONS = (".geojson", ".gpkg", ".parquet", ".fgb", ".csv")


def register(app: typer.Typer) -> None:
    app.command("map")(map_command)


def map_command(
    inputs: Annotated[list[Path], typer.Argument(
        help="Text files to parse, or one events file written by 'geoevents extract' "
             "(.geojson .gpkg .parquet .fgb .csv; its places layer is read too).",
        show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    online_tiles: Annotated[bool, typer.Option(
        "--online-tiles", help="Add OpenStreetMap and Esri imagery tile layers (fetched "
        "when viewed); without it the map makes no network request.")] = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date of the texts (ISO 8601), for relative dates.")
    ] = None,
    title: Annotated[str, typer.Option("--title", help="Title shown on the map.")] = "",
) -> None:
    """Render events and places as a layered, self-contained HTML map."""
    from geoevents.errors import InputError

    if output.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"the map output must be an .html file, not {output.name!r}")
    if not output.parent.is_dir():
        raise InputError(f"cannot write {output}: directory {output.parent} does not exist")
    data, places = _load(inputs, published)

    from geoevents.maps import render_map

    fmap = render_map(data, places=places, offline=not online_tiles,
                      title=title or _default_title(inputs))
    try:
        fmap.save(str(output))
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from exc
    size = output.stat().st_size / 1e6
    typer.echo(f"wrote {output} ({size:.1f} MB)")


def _load(inputs: list[Path], published: str | None) -> tuple[Any, Any]:
    """(events or documents, places or None) from the command-line inputs."""
    from geoevents.errors import InputError

    event_files = [p for p in inputs if p.suffix.lower() in EVENT_FILE_EXTENSIONS]
    if event_files:
        if len(inputs) > 1:
            raise InputError("give either text files or one events file, not both or several")
        from geoevents.export import read

        return read(event_files[0])
    return _documents(inputs, published), None


def _documents(paths: list[Path], published: str | None) -> list[Any]:
    """Parse each text file into a Document with its toponyms and events."""
    from geoevents.cli.parse import read_text_file
    from geoevents.pipeline import parse

    return [parse(read_text_file(path), published=published, doc_id=path.stem)
            for path in paths]


def _default_title(inputs: list[Path]) -> str:
    names = ", ".join(p.name for p in inputs[:3])
    return f"geoevents: {names}" + (f" and {len(inputs) - 3} more" if len(inputs) > 3 else "")
