"""``geoevents gazetteer build|info|import-geonames|add-country|check``."""

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
    meta = data["meta"]
    release = f", release {meta['embedded_release']}" if meta.get("embedded_release") else ""
    typer.echo(f"{data['path']}  ({data['size_bytes'] / 1e6:.1f} MB, source: "
               f"{meta.get('source')}, schema {meta.get('schema_version')}{release})")
    typer.echo(f"places: {data['places']:,}   names: {data['names']:,}")
    typer.echo("by source:")
    for key, count in sorted(data["by_source"].items()):
        typer.echo(f"  {key:32} {count:>9,}")
    typer.echo("by feature class:")
    for key, count in sorted(data["by_feature_class"].items()):
        typer.echo(f"  {key:32} {count:>9,}")


@group.command("import-geonames")
def import_geonames(
    folder: Annotated[Path, typer.Argument(
        help="Folder with the GeoNames dump files: allCountries.zip (or cities500.zip … "
        "cities15000.zip), alternateNamesV2.zip, admin1CodesASCII.txt, countryInfo.txt.",
        show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write the gazetteer (default: geonames.sqlite next "
        "to the default gazetteer).", show_default=False)] = None,
    min_population: Annotated[int, typer.Option(
        "--min-population", min=0,
        help="Skip populated places (class P) with fewer inhabitants.")] = 0,
    feature_classes: Annotated[str, typer.Option(
        "--feature-classes", help="GeoNames feature classes to keep, comma-separated; "
        "R (roads), U (undersea) and V (vegetation) are skipped by default.")] = "A,H,L,P,S,T",
    languages: Annotated[str | None, typer.Option(
        "--languages", help="Keep alternate names in these languages only, e.g. en,ar,he "
        "(names without a language tag are always kept; default: all).",
        show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Import a full GeoNames dump downloaded from https://download.geonames.org/export/dump/."""
    import shlex

    from geoevents.gazetteer.geonames_dump import import_geonames as run_import
    from geoevents.gazetteer.store import default_path

    report = run_import(
        folder, output or default_path().with_name("geonames.sqlite"),
        min_population=min_population, feature_classes=feature_classes.split(","),
        languages=languages.split(",") if languages else None, progress=not quiet)
    typer.echo(f"gazetteer ready: {report.path} ({report.places:,} places, "
               f"{report.alternate_names:,} alternate names, {report.seconds:.0f} s)", err=True)
    if report.skipped:
        details = ", ".join(f"{name} {count:,}" for name, count in sorted(report.skipped.items()))
        typer.echo(f"skipped {sum(report.skipped.values()):,} malformed rows ({details})",
                   err=True)
    path = shlex.quote(str(report.path))
    typer.echo(f"use it with: export GEOEVENTS_GAZETTEER={path}   "
               f"or   geoevents geocode --gazetteer {path} QUERY", err=True)


@group.command("add-country")
def add_country(
    archive: Annotated[Path, typer.Argument(
        help="One country's file from the GeoNames dump (e.g. NG.zip, or the extracted "
        "NG.txt): the columns of allCountries.txt.", show_default=False)],
    gazetteer: Annotated[Path | None, typer.Option(
        "--gazetteer", help="The gazetteer to add to (default: $GEOEVENTS_GAZETTEER or the "
        "embedded one, built first if missing).", show_default=False)] = None,
    min_population: Annotated[int, typer.Option(
        "--min-population", min=0,
        help="Skip populated places (class P) with fewer inhabitants.")] = 0,
    feature_classes: Annotated[str, typer.Option(
        "--feature-classes", help="GeoNames feature classes to keep, comma-separated.")
    ] = "A,H,L,P,S,T",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Add every place of one country's GeoNames file to a gazetteer (villages, camps,
    quarters, hills ... that the embedded data lacks); GeoNames' points replace the
    points of places the gazetteer has already."""
    from geoevents.gazetteer.build import ensure_built
    from geoevents.gazetteer.geonames_dump import add_country as run_add
    from geoevents.gazetteer.store import default_path

    target = gazetteer or ensure_built(default_path(), progress=not quiet)
    report = run_add(archive, target, min_population=min_population,
                     feature_classes=feature_classes.split(","), progress=not quiet)
    typer.echo(f"{report.path}: added {report.added:,} places of {report.country or '-'}, "
               f"updated {report.updated:,} ({report.seconds:.0f} s)", err=True)
    if report.skipped:
        typer.echo(f"skipped {report.skipped:,} malformed rows", err=True)


@group.command()
def check(
    gazetteer: Annotated[Path | None, typer.Option("--gazetteer")] = None,
    details: Annotated[bool, typer.Option(
        "--details", help="List every finding (tab-separated), not only the counts.")] = False,
) -> None:
    """Division points that lie outside their country, share one point with other
    admin-2 divisions, or lie far from their namesake town, counted per source."""
    from geoevents.gazetteer.check import check_divisions, summary
    from geoevents.gazetteer.store import Gazetteer

    findings = check_divisions(Gazetteer.open(gazetteer).path)
    for key, counts in sorted(summary(findings).items()):
        typer.echo(f"{key:14} {sum(counts.values()):>6,}  " + ", ".join(
            f"{source} {n:,}" for source, n in sorted(counts.items())))
    if details:
        for f in findings:
            typer.echo("\t".join(str(v) for v in (
                f.feature_code, f.problem, f.detail, f.place_id, f.name, f.country_code,
                f.admin1 or "", f.source, f"{f.lat:.5f}", f"{f.lon:.5f}")))
