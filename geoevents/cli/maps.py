"""``geoevents map``: a self-contained interactive HTML map from texts or events files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

EVENT_FILE_EXTENSIONS = (".geojson", ".gpkg", ".parquet", ".fgb", ".csv")
BATCH_PART_GLOB = "part-*.parquet"


def register(app: typer.Typer) -> None:
    app.command("map")(map_command)


def map_command(
    inputs: Annotated[list[Path], typer.Argument(
        help="Texts to parse — .txt files, folders of .txt files, .jsonl or .csv corpora "
             "(as for 'geoevents extract') — or events written by 'geoevents extract': "
             "files (.geojson .gpkg .parquet .fgb, or a .csv with an event_type column; "
             "their places layers are read too) or batch output folders.",
        show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    online_tiles: Annotated[bool, typer.Option(
        "--online-tiles", help="Add OpenStreetMap and Esri imagery tile layers (fetched "
        "when viewed); without it the map makes no network request.")] = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date of the texts (ISO 8601), for relative dates.")
    ] = None,
    title: Annotated[str, typer.Option("--title", help="Title shown on the map.")] = "",
    text_column: Annotated[str, typer.Option(
        "--text-column", help="CSV corpus column with the text.")] = "text",
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", show_default=False,
        help="Progress bar on stderr while parsing (default: when stderr is a terminal).")
    ] = None,
) -> None:
    """Render events and places as a layered, self-contained HTML map."""
    from geoevents.cli.inputs import check_inputs
    from geoevents.errors import InputError
    from geoevents.export import atomic_outputs

    if output.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"the map output must be an .html file, not {output.name!r}")
    if not output.parent.is_dir():
        raise InputError(f"cannot write {output}: directory {output.parent} does not exist")
    check_inputs(inputs)  # before anything is parsed or written
    data, places = _load(inputs, published, text_column, progress)

    from geoevents.maps import render_map

    fmap = render_map(data, places=places, offline=not online_tiles,
                      title=title or _default_title(inputs))
    html = fmap.get_root().render()
    try:
        with atomic_outputs([output]) as (tmp,):
            tmp.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}; no output file was "
                         "changed") from exc
    size = output.stat().st_size / 1e6
    typer.echo(f"wrote {output} ({size:.1f} MB)")


def _load(inputs: list[Path], published: str | None, text_column: str,
          progress: bool | None) -> tuple[Any, Any]:
    """(events or documents, places or None) from the command-line inputs."""
    from geoevents.errors import InputError

    sources = [p for p in inputs if _is_event_source(p)]
    if not sources:
        return _documents(inputs, published, text_column, progress), None
    if len(sources) < len(inputs):
        raise InputError("give either texts or events files, not both")
    frames = [_read_events(p) for p in sources]
    if len(frames) == 1:
        return frames[0]
    return _concat([e for e, _ in frames]), _concat(
        [p for _, p in frames if p is not None], key="place_id")


def _is_event_source(path: Path) -> bool:
    """An events file or a batch output folder, rather than texts to parse."""
    if path.is_dir():
        return any(path.glob(BATCH_PART_GLOB))
    ext = path.suffix.lower()
    if ext == ".csv":  # a corpus or an events table: the header decides
        with path.open(encoding="utf-8", errors="replace") as fh:
            return "event_type" in fh.readline().split(",")
    return ext in EVENT_FILE_EXTENSIONS


def _read_events(path: Path) -> tuple[Any, Any]:
    from geoevents.export import read

    if not path.is_dir():
        return read(path)
    import geopandas as gpd

    events = _concat([gpd.read_parquet(p) for p in sorted(path.glob(BATCH_PART_GLOB))])
    sibling = path.with_name(path.name + ".places.parquet")  # see geoevents.batch.store
    return events, gpd.read_parquet(sibling) if sibling.is_file() else None


def _concat(frames: list[Any], key: str | None = None) -> Any:
    import geopandas as gpd
    import pandas as pd

    if not frames:
        return None
    frame = pd.concat(frames, ignore_index=True)
    if key is not None:
        frame = frame.drop_duplicates(key)
    return gpd.GeoDataFrame(frame, geometry=frames[0].geometry.name, crs=frames[0].crs)


def _documents(paths: list[Path], published: str | None, text_column: str,
               progress: bool | None) -> list[Any]:
    """Parse every record of the corpora into a Document; bad records are reported and
    skipped."""
    from geoevents.corpus import count_records, read_corpus
    from geoevents.pipeline import parse_many
    from geoevents.progress import Progress

    def records() -> Iterator[dict[str, Any]]:
        for record in read_corpus(paths, text_column=text_column):
            if record.error is not None:
                sys.stderr.write(f"geoevents: skipped {record.id}: {record.error}\n")
                continue
            yield {"id": record.id, "text": record.text,
                   "published": record.published or published}

    documents = []
    with Progress("documents", enabled=progress,
                  count_total=lambda: count_records(paths, text_column=text_column)) as bar:
        for document in parse_many(records()):
            documents.append(document)
            bar.advance()
    return documents


def _default_title(inputs: list[Path]) -> str:
    names = ", ".join(p.name for p in inputs[:3])
    return f"geoevents: {names}" + (f" and {len(inputs) - 3} more" if len(inputs) > 3 else "")
