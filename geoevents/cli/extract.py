"""``geoevents extract``: events of text files or corpora, written as GIS data.

A few text files go through :func:`geoevents.parse_many`; corpora (folders, JSON Lines,
CSV), directory outputs and batch options go to the batch engine (:mod:`geoevents.batch`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geoevents.errors import InputError


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    inputs: Annotated[list[Path], typer.Argument(
        help="UTF-8 text files, .jsonl corpora with one record per line "
             "({'id', 'text', optional 'published'}), .csv corpora, or folders of .txt "
             "files.", show_default=False)],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Output file: .geojson .gpkg .parquet .fgb or .csv "
                               "(the places layer goes beside it or into it), or a "
                               "directory for GeoParquet shards.",
        show_default=False)],
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date (YYYY-MM-DD) for texts and records without "
                            "one; relative dates ('yesterday', 'May 14') resolve against it.",
        show_default=False)] = None,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Leave a name unresolved when its best place is less likely than this "
                 "(0-1; default 0: every name with candidates gets its best one).",
        show_default=False)] = None,
    no_dedup: Annotated[bool, typer.Option(
        "--no-dedup", help="Keep reports of one event from several documents apart.")
    ] = False,
    # batch options (geoevents.batch): used for corpora, directory outputs, or when given
    processes: Annotated[int, typer.Option(
        "--processes", "-p", min=1, rich_help_panel="Batch",
        help="Worker processes, each with its own pipeline (with --engine dask and no "
             "--scheduler: workers of a local Dask cluster).")] = 1,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, rich_help_panel="Batch",
        help="Documents per nlp.pipe batch.")] = 64,
    shard_size: Annotated[int, typer.Option(
        "--shard-size", min=1, rich_help_panel="Batch",
        help="Documents per output shard (one GeoParquet part file; a Dask partition).")
    ] = 1000,
    max_chars: Annotated[int, typer.Option(
        "--max-chars", min=1, rich_help_panel="Batch",
        help="Skip (and log) documents longer than this many characters.")] = 200_000,
    errors: Annotated[Path | None, typer.Option(
        "--errors", rich_help_panel="Batch", show_default=False,
        help="Errors file, JSON Lines {id, reason, source} (default: OUT/_errors.jsonl, or "
             "STEM.errors.jsonl beside a single output file).")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", rich_help_panel="Batch",
        help="Continue an interrupted run with the same inputs and OUT.")] = False,
    engine: Annotated[str, typer.Option(
        "--engine", rich_help_panel="Batch", help="local or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", rich_help_panel="Batch", show_default=False,
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local "
             "cluster).")] = None,
    text_column: Annotated[str, typer.Option(
        "--text-column", rich_help_panel="Batch", help="CSV column with the text.")
    ] = "text",
    id_column: Annotated[str | None, typer.Option(
        "--id-column", rich_help_panel="Batch", show_default=False,
        help="CSV column with the document id (default: 'id' if present, else file:line).")
    ] = None,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", rich_help_panel="Batch", show_default=False,
        help="Progress bar on stderr (default: when stderr is a terminal).")] = None,
    schema: Annotated[str, typer.Option(
        "--schema", help="Columns of the output: 'geoevents' (events and places layers) "
                         "or 'acled' (one table with ACLED's columns; .csv .gpkg .parquet; "
                         "see docs/maps.md).")] = "geoevents",
) -> None:
    """Extract who-did-what-where-when events and write them with their places."""
    import sys

    from geoevents.batch import BatchOptions
    from geoevents.batch.cli import run_from_cli, wants_batch
    from geoevents.cli.inputs import check_inputs
    from geoevents.export import check_output_path

    check_inputs(inputs)  # before any output is touched
    if output.suffix:
        check_output_path(output, schema=schema)
    elif schema != "geoevents":
        raise InputError("--schema acled needs a single .csv, .gpkg or .parquet output file")
    batch = BatchOptions(schema=schema,
        processes=processes, batch_size=batch_size, shard_size=shard_size,
        max_chars=max_chars, errors=errors, resume=resume, engine=engine,
        scheduler=scheduler, text_column=text_column, id_column=id_column,
        progress=progress, published=published, dedup=not no_dedup,
        min_confidence=min_confidence)
    if wants_batch(inputs, output, batch):
        code = run_from_cli(inputs, output, batch)
        if code:
            raise typer.Exit(code)
        return

    from geoevents.cli.parse import read_text_file
    from geoevents.events.dates import parse_published
    from geoevents.events.dedup import deduplicate
    from geoevents.export import write
    from geoevents.model import Document
    from geoevents.pipeline import Item, geoparser, make_item
    from geoevents.progress import Progress

    day = parse_published(published)  # a bad --published is an error before any work
    items: list[Item] = []
    failed = 0
    for path in inputs:
        try:
            items.append(make_item(read_text_file(path), doc_id=str(path), published=day))
        except InputError as exc:
            failed += 1
            sys.stderr.write(f"geoevents: skipped: {exc}\n")
    documents: list[Document] = []
    with Progress("documents", total=len(items), enabled=progress) as bar:
        parser = geoparser(min_confidence=min_confidence)
        for document, _ in parser.run(items, errors="record"):
            bar.advance()
            if document.error is not None:
                failed += 1
                sys.stderr.write(f"geoevents: skipped {document.doc_id}: {document.error}\n")
            else:
                documents.append(document)
    events = [e for d in documents for e in d.events]
    if not no_dedup:
        events = deduplicate(events)
        kept = {id(e) for e in events}
        for document in documents:  # every document's places are written, as write() does
            document.events = [e for e in document.events if id(e) in kept]
    if not documents:
        sys.stderr.write(f"geoevents: error: no document could be processed; {output} "
                         "was not written\n")
        raise typer.Exit(1)
    written = write(documents, output, schema=schema)
    sys.stderr.write(f"geoevents: {len(events)} events from {len(documents)} documents"
                     f"{f' ({failed} skipped)' if failed else ''} -> "
                     f"{', '.join(str(p) for p in written)}\n")
