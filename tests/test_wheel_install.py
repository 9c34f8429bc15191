"""The built wheel works outside the repository: packaged data, console script, geocoding."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_geocodes(tmp_path, gaz):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(wheels), str(ROOT)], check=True, timeout=300)
    wheel = next(wheels.glob("geoevents-*.whl"))

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    # Dependencies come from this test environment (no network); the package itself only
    # from the wheel: the new venv's site-packages precede the linked one on sys.path.
    new_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip()
    Path(new_site, "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    str(wheel)], check=True, timeout=300)

    # without PYTHONPATH, which may point at a source tree (a git worktree)
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
           "GEOEVENTS_GAZETTEER": str(gaz.path)}
    where = subprocess.run(
        [str(python), "-c", "import geoevents; from geoevents.gazetteer.build import curated_csv;"
         " print(geoevents.__file__); print(curated_csv())"],
        capture_output=True, text=True, check=True, cwd=tmp_path, env=env).stdout.split()
    assert all(p.startswith(str(venv)) for p in where), where
    assert Path(where[1]).is_file()

    result = subprocess.run([str(venv / "bin" / "geoevents"), "geocode", "Jenin", "--limit", "1"],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert ", PS" in result.stdout and "32.459" in result.stdout

    # spaCy finds the components through the installed package's entry points
    script = ("import spacy; nlp = spacy.blank('en'); nlp.add_pipe('geoevents_events'); "
              "import geoevents.components as c; print(c.__file__); "
              "from importlib.metadata import entry_points; "
              "print(sorted(e.name for e in entry_points(group='spacy_factories')))")
    result = subprocess.run([str(python), "-c", script], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    module, factories = result.stdout.splitlines()[:2]
    assert module.startswith(str(venv))
    assert "geoevents_toponyms" in factories and "geoevents_events" in factories
