"""``geoevents extract`` on corpora: when to use the batch engine, and what it prints.

``geoevents extract`` (:mod:`geoevents.cli.extract`) hands its inputs here when one of
them is a corpus (a folder, JSON Lines or CSV), when the output is a directory, or when a
batch option is given; a few text files with no batch option stay on the simple path.
"""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from geoevents.batch.engine import BatchOptions, is_directory
from geoevents.corpus import is_corpus

if TYPE_CHECKING:
    from geoevents.batch.engine import BatchSummary

SHOWN_ERRORS = 10
_NOT_BATCH_OPTIONS = frozenset({"published", "dedup", "progress", "model", "gazetteer",
                                "schema", "min_confidence"})


def wants_batch(inputs: list[Path], output: Path, options: BatchOptions) -> bool:
    """Whether ``geoevents extract`` should run the batch engine."""
    defaults = BatchOptions()
    changed = any(getattr(options, f.name) != getattr(defaults, f.name)
                  for f in fields(BatchOptions) if f.name not in _NOT_BATCH_OPTIONS)
    return changed or is_directory(output) or any(is_corpus(p) for p in inputs)


def run_from_cli(inputs: list[Path], output: Path, options: BatchOptions) -> int:
    """Run a batch, report on stderr, and return the exit code."""
    from geoevents.batch.engine import run

    summary = run(inputs, output, options)
    _report(summary)
    return 1 if summary.documents == 0 and summary.errors else 0


def _report(summary: BatchSummary) -> None:
    import json

    err = sys.stderr
    if summary.errors:
        with summary.errors_path.open(encoding="utf-8") as fh:
            for line, _ in zip(fh, range(SHOWN_ERRORS), strict=False):
                entry = json.loads(line)
                err.write(f"geoevents: skipped {entry['id']}: {entry['reason']}\n")
        if summary.errors > SHOWN_ERRORS:
            err.write(f"geoevents: ... and {summary.errors - SHOWN_ERRORS:,} more\n")
    resumed = f", {summary.resumed:,} from the interrupted run" if summary.resumed else ""
    skipped = (f" ({summary.errors:,} skipped, listed in {summary.errors_path})"
               if summary.errors else "")
    shown = ", ".join(map(str, summary.files))
    if len(summary.files) > 3 and is_directory(summary.output):  # shards, then places
        shown = f"{summary.output}/part-*.parquet ({summary.shards:,} shards), " \
                f"{summary.files[-1]}"
    err.write(f"geoevents: {summary.events:,} events from {summary.documents:,} documents"
              f"{skipped}{resumed}; {summary.rate:,.1f} documents/s -> {shown}\n")
