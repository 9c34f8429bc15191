"""Writing gazetteer files: temporary files of killed writers do not pile up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from geoevents.gazetteer.writer import GazetteerWriter, remove_stale_temp_files
from geoevents.model import Place


def _dead_pid() -> int:
    """The id of a process that has exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temp_files_of_killed_writers_are_removed_by_the_next(tmp_path: Path):
    target = tmp_path / "gaz.sqlite"
    dead = _dead_pid()
    stale = [tmp_path / f".gaz.sqlite.{dead}.tmp", tmp_path / f".gaz.sqlite.{dead}.names.tmp"]
    alive = tmp_path / f".gaz.sqlite.{os.getppid()}.tmp"   # a running writer's file
    other = tmp_path / f".other.sqlite.{dead}.tmp"         # another gazetteer's file
    for path in (*stale, alive, other):
        path.write_bytes(b"x" * 100)
    with GazetteerWriter(target, source_label="test") as writer:
        writer.add(Place(id="t:1", name="Somewhere", lat=1.0, lon=2.0,
                         feature_class="P", feature_code="PPL"))
        writer.finish()
    assert not any(p.exists() for p in stale)
    assert alive.exists() and other.exists() and target.exists()
    assert remove_stale_temp_files(target) == []
