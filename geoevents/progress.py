"""One progress bar for every long run (batches, ``parse_many``, evaluations): rich, on stderr.

::

    with Progress("articles", total=len(articles)) as bar:
        for article in articles:
            ...
            bar.advance()

The bar shows the items done (of the total, when known), optionally events and errors,
the rate, the elapsed time and an ETA. ``enabled=None`` (the default) shows it only when
stderr is a terminal, so logs and pipes stay clean; a disabled bar costs nothing. The total
can also be counted in a background thread (``count_total``), so a large corpus starts at
once and the ETA appears when the count is known.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any


class Progress:
    """A rich progress bar on stderr, or nothing (see the module docstring)."""

    def __init__(self, label: str = "documents", *, total: int | None = None,
                 enabled: bool | None = None, done: int = 0, counts: bool = False,
                 count_total: Callable[[], int] | None = None) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.total = total
        self.counts = counts  # show the events and errors
        self.events = 0
        self.errors = 0
        self._done = done
        self._count_total = count_total
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        columns: list[Any] = [TextColumn(self.label), BarColumn(), MofNCompleteColumn()]
        if self.counts:
            columns.append(TextColumn(
                "{task.fields[events]:,} events, {task.fields[errors]:,} errors"))
        columns += [_rate_column(self.label), TimeElapsedColumn(), TextColumn("ETA"),
                    TimeRemainingColumn()]
        self._bar = RichProgress(*columns, console=Console(stderr=True), transient=False)
        self._bar.start()
        self._task = self._bar.add_task(self.label, total=self.total, completed=self._done,
                                        events=0, errors=0)
        if self._count_total is not None:
            threading.Thread(target=self._set_total, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def advance(self, items: int = 1, *, events: int = 0, errors: int = 0) -> None:
        """Count ``items`` more done, with their events and errors."""
        self.events += events
        self.errors += errors
        if self._bar is not None:
            self._bar.update(self._task, advance=items, events=self.events,
                             errors=self.errors)

    def _set_total(self) -> None:
        assert self._count_total is not None
        try:
            total = self._count_total()
        except Exception:  # a corpus that cannot be counted only loses its ETA
            return
        if self._bar is not None:
            self._bar.update(self._task, total=total)


def _rate_column(label: str) -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Items per second, averaged over the last 30 s."""

        def render(self, task: Any) -> Text:
            speed = task.speed
            return Text(f"- {label}/s" if speed is None else f"{speed:,.1f} {label}/s")

    return RateColumn()
