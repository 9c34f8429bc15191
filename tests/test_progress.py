"""The shared progress bar: off unless asked or on a terminal, counts what it is told."""

from __future__ import annotations

import sys

from geoevents.progress import Progress


def test_a_bar_counts_items_events_and_errors(capsys):
    with Progress("articles", total=3, enabled=True, counts=True) as bar:
        bar.advance(events=2)
        bar.advance(2, events=1, errors=1)
    err = capsys.readouterr().err
    assert "articles" in err and "3/3" in err and "3 events, 1 errors" in err
    assert (bar.events, bar.errors) == (3, 1)


def test_by_default_the_bar_follows_whether_stderr_is_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    with Progress("articles", total=1) as bar:
        bar.advance()
    assert not bar.enabled and capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert Progress("articles").enabled


def test_the_total_can_be_counted_in_the_background(capsys):
    import time

    with Progress("documents", enabled=True, count_total=lambda: 2) as bar:
        deadline = time.monotonic() + 5
        while bar._bar.tasks[0].total is None and time.monotonic() < deadline:
            time.sleep(0.01)
        bar.advance(2)
    assert "2/2" in capsys.readouterr().err
