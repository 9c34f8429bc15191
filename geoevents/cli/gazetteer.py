"""``geoevents gazetteer build|info|import-geonames``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geoevents.cli.output import Format, emit_json

group = typer.Typer(help="Build, inspect and import gazetteers.", no_args_is_help=True)

OutputOption = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Where to write the gazetteer (default: $GEOEVENTS_GAZETTEER or "
    "the user cache directory).", show_default=False)]


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="gazetteer")


@group.command()
def build(
    output: OutputOption = None,
    if_missing: Annotated[bool, typer.Option(
        "--if-missing", help="Do nothing when the gazetteer already exists.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Build the embedded gazetteer from the PyPI-shipped sources and gazetteer/."""
    from geoevents.gazetteer.build import build_embedded, ensure_built
    from geoevents.gazetteer.store import default_path

    target = output or default_path()
    if if_missing:
        ensure_built(target, progress=not quiet)
    else:
        from filelock import FileLock

        target.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(target) + ".lock"):
            build_embedded(target, progress=not quiet)
    typer.echo(f"gazetteer ready: {target}", err=True)


@group.command()
def info(
    gazetteer: Annotated[Path | None, typer.Option("--gazetteer")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Counts of places per source and feature class."""
    from geoevents.gazetteer.store import Gazetteer

    data = Gazetteer.open(gazetteer).info()
    if fmt is not Format.text:
        emit_json(data)
        return
    typer.echo(f"{data['path']}  ({data['size_bytes'] / 1e6:.1f} MB, source: "
               f"{data['meta'].get('source')}, schema {data['meta'].get('schema_version')})")
    typer.echo(f"places: {data['places']:,}   names: {data['names']:,}")
    typer.echo("by source:")
    for key, count in sorted(data["by_source"].items()):
        typer.echo(f"  {key:32} {count:>9,}")
    typer.echo("by feature class:")
    for key, count in sorted(data["by_feature_class"].items()):
        typer.echo(f"  {key:32} {count:>9,}")
