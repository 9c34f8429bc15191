"""``geoevents parse``: the toponyms of text files, with spans and places."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from geoevents.errors import InputError


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
) -> None:
    """Find the place names of each file and resolve them to gazetteer places."""
    import sys

    from geoevents.cli.output import emit_json
    from geoevents.pipeline import geoparser

    parser = geoparser(gazetteer=gazetteer)
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
    """The text of a UTF-8 file ('-': standard input); InputError naming what is wrong."""
    import sys

    from geoevents.pipeline import check_text

    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a text file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    return check_text(text)
