"""The progress bar of a batch run (rich, on stderr): documents, events, errors, rate, ETA.

The number of records is counted in a background thread while the run starts, so a large
corpus starts at once and the ETA appears when the count is known.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class Progress:
    """A rich progress bar, or nothing when ``enabled`` is false."""

    def __init__(self, *, enabled: bool, done: int = 0,
                 count_total: Callable[[], int] | None = None) -> None:
        self.enabled = enabled
        self._count_total = count_total
        self._done = done
        self._bar: Any = None
        self._task: Any = None
        self.events = 0
        self.errors = 0

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

        self._bar = RichProgress(
            TextColumn("documents"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[events]:,} events, {task.fields[errors]:,} errors"),
            _rate_column(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False)
        self._bar.start()
        self._task = self._bar.add_task("extract", total=None, completed=self._done,
                                        events=0, errors=0)
        if self._count_total is not None:
            threading.Thread(target=self._set_total, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, records: int, events: int, errors: int) -> None:
        self.events += events
        self.errors += errors
        if self._bar is not None:
            self._bar.update(self._task, advance=records, events=self.events,
                             errors=self.errors)

    def _set_total(self) -> None:
        assert self._count_total is not None
        try:
            total = self._count_total()
        except Exception:  # a corpus that cannot be counted only loses its ETA
            return
        self._bar.update(self._task, total=total)


def _rate_column() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Documents per second, averaged over the last 30 s."""

        def render(self, task: Any) -> Text:
            speed = task.speed
            return Text("- docs/s" if speed is None else f"{speed:,.1f} docs/s")

    return RateColumn()

