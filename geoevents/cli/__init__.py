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
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (geocoding, gazetteer, serve, maps, parse, extract, evaluate):
    module.register(app)


def fail(message: str, code: int = 1) -> None:
    """Print one error sentence to stderr and exit."""
    sys.stderr.write(f"geoevents: error: {message}\n")
    raise SystemExit(code)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    from geoevents.errors import GeoeventsError

    try:
        code = app(args=argv, standalone_mode=False)
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
