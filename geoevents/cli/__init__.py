"""The ``geoevents`` command line.

Each command group lives in its own module and registers itself on the Typer app; heavy
libraries are imported inside the commands, so ``geoevents geocode`` starts fast.
Errors are printed to stderr as one sentence with a non-zero exit code, never a traceback
(set ``GEOEVENTS_DEBUG=1`` to see one).
"""

from __future__ import annotations

import os
import sys

import typer

from geoevents.cli import evaluate, extract, gazetteer, geocoding, maps, parse, serve

app = typer.Typer(
    name="geoevents",
    help="Turn news text into mapped events, offline.",
    epilog="Example: geoevents extract article.txt -o events.gpkg && "
           "geoevents map events.gpkg -o map.html",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (geocoding, gazetteer, serve, maps, parse, extract, evaluate):
    module.register(app)

# One example per command, shown at the end of its --help.
EXAMPLES = {
    "geocode": "geoevents geocode Jenin --country PS --limit 3",
    "reverse": "geoevents reverse 31.5017 34.4668 --format json",
    "serve": "geoevents serve --port 8080   # then: curl 'localhost:8080/search?q=Rafah'",
    "map": "geoevents map events.gpkg -o map.html   # or: geoevents map news.jsonl -o map.html",
    "parse": "geoevents parse seeds/*.txt --format json",
    "extract": "geoevents extract news.jsonl --published 2024-07-05 -o events.gpkg",
    "gazetteer build": "geoevents gazetteer build --if-missing",
    "gazetteer info": "geoevents gazetteer info",
    "gazetteer import-geonames": "geoevents gazetteer import-geonames ~/geonames-dump "
                                 "--languages en,ar,he",
    "gazetteer add-country": "geoevents gazetteer add-country NG.zip --min-population 100",
    "gazetteer check": "geoevents gazetteer check --details > division-points.tsv",
    "eval toponyms": "geoevents eval toponyms lgl.xml --mode e2e --split check",
    "eval events": "geoevents eval events /work/shared/eval/events --split tune",
    "eval golden": "geoevents eval golden tests/golden --verbose",
}


def _add_examples(typer_app: typer.Typer, prefix: str = "") -> None:
    for info in typer_app.registered_commands:
        name = info.name or (info.callback.__name__ if info.callback else "")
        example = EXAMPLES.get(f"{prefix}{name.replace('_', '-')}")
        if example:
            info.epilog = f"Example: {example}"
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _add_examples(group.typer_instance, f"{prefix}{group.name} ")


_add_examples(app)


def _version(value: bool) -> None:
    if value:
        from geoevents import __version__

        typer.echo(f"geoevents {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Turn news text into mapped events, offline."""


def fail(message: str, code: int = 1) -> None:
    """Print one error sentence to stderr and exit."""
    sys.stderr.write(f"geoevents: error: {message}\n")
    raise SystemExit(code)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    from geoevents.errors import GeoeventsError

    try:
        code = app(args=argv, prog_name="geoevents", standalone_mode=False)
    except GeoeventsError as exc:
        fail(str(exc))
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except typer.TyperException as exc:  # usage errors, bad option values
        show = getattr(exc, "show", None)
        if not callable(show):
            fail(str(exc), 2)
        else:
            show()
        raise SystemExit(getattr(exc, "exit_code", 2)) from None
    except (typer.Abort, KeyboardInterrupt):
        fail("interrupted", 130)
    except BrokenPipeError:
        raise SystemExit(0) from None
    except Exception as exc:
        if os.environ.get("GEOEVENTS_DEBUG"):
            raise
        fail(f"unexpected {type(exc).__name__}: {exc} (set GEOEVENTS_DEBUG=1 for details)", 2)
    if isinstance(code, int) and code:
        raise SystemExit(code)
