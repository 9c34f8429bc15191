"""Tuning and check halves of a development file, by example id.

Whoever tunes on a development file reads only the errors of its ``tune`` half and reports
the ``check`` half separately: the check half estimates how a gain holds on data nobody
looked at. The half of an example depends only on its id (the parity of the SHA-1 of the
id), so the split is the same in every run, on every machine and for every file format.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

SPLITS = ("all", "tune", "check")

T = TypeVar("T")


def half(example_id: str) -> str:
    """``tune`` or ``check``: the half the example with this id belongs to."""
    digest = hashlib.sha1(str(example_id).encode("utf-8")).digest()
    return "tune" if digest[-1] % 2 == 0 else "check"


def select(examples: Iterable[T], split: str, key: Callable[[T], str]) -> list[T]:
    """The examples of ``split`` (``all``, ``tune`` or ``check``), in their order."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    items = list(examples)
    if split == "all":
        return items
    return [x for x in items if half(key(x)) == split]
