"""Checks on the input paths of a command, made before any output is touched: a typo in
an input name must never cost the previous output (``geoevents extract missing.txt -o
existing.geojson`` stops with an error and leaves ``existing.geojson`` as it was)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from geoevents.errors import InputError


def check_inputs(paths: list[Path]) -> None:
    """InputError (one sentence) unless every path is a readable file or folder."""
    for path in paths:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            raise InputError(f"cannot read {path}: no such file or directory; "
                             "nothing was written") from None
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}; nothing was "
                             "written") from None
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise InputError(f"cannot read {path}: not a regular file or folder; nothing "
                             "was written")
        if not os.access(path, os.R_OK | (os.X_OK if stat.S_ISDIR(mode) else 0)):
            raise InputError(f"cannot read {path}: permission denied; nothing was written")
