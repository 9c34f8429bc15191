"""``geoevents parse``: the toponyms of text files, with spans and places."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class ParseFormat(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command()(parse)


def parse(
    files: Annotated[list[Path], typer.Argument(
        help="UTF-8 text files ('-' reads standard input).", show_default=False)],
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = ParseFormat.text,
    gazetteer: Annotated[Path | None, typer.Option(
        "--gazetteer", help="Gazetteer file (default: the embedded one).", show_default=False)
    ] = None,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Leave a name unresolved when its best place is less likely than this "
                 "(0-1; default 0: every name with candidates gets its best one).",
        show_default=False)] = None,
) -> None:
    """Find the place names of each file and resolve them to gazetteer places."""
    import sys

    from geoevents.cli.output import emit_json
    from geoevents.pipeline import geoparser

    parser = geoparser(gazetteer=gazetteer, min_confidence=min_confidence)
    results = []
    for path in files:
        text = read_text_file(path)
        doc_id = "-" if str(path) == "-" else str(path)
        document = parser.parse(text, doc_id=doc_id, events=False)
        if fmt is ParseFormat.json:
            results.append(document.to_dict())
            continue
        print(f"# {doc_id}: {len(document.toponyms)} toponyms")
        for t in document.toponyms:
            where = (f"{t.place.display_name}\t{t.place.lat:.5f}, {t.place.lon:.5f}\t"
                     f"{t.place.feature_code}\t{t.place.id}") if t.place else "unresolved"
            kind = getattr(t, "kind", "name")
            print(f"{t.start}-{t.end}\t{t.text}\t{kind}\t{where}\t{t.confidence:.2f}\t{t.reason}")
    if fmt is ParseFormat.json:
        emit_json(results[0] if len(results) == 1 else results)
    sys.stdout.flush()


def read_text_file(path: Path) -> str:
    """The text of a UTF-8 file ('-': standard input), read no further than the pipeline's
    limit; InputError naming what is wrong."""
    from geoevents.corpus import read_text
    from geoevents.pipeline import MAX_CHARS

    return read_text(path, max_chars=MAX_CHARS)  # never reads more than the limit
