"""The word lists: one definition each, loaded from geoevents/data/wordlists.json."""

from __future__ import annotations

import ast
from pathlib import Path

import geoevents
from geoevents import wordlists


def test_lists_and_tables_load():
    assert "al" in wordlists.ARABIC_ARTICLES
    assert wordlists.COMPASS_BEARINGS["south"] == 180.0
    assert wordlists.DISTANCE_UNITS["miles"] == 1.609344
    assert wordlists.DIVISION_NOUNS["district"] == "A"
    assert wordlists.DIVISION_NOUNS["village"] == "P"
    assert "street" in wordlists.PLACE_WORDS  # street words are place words too


def test_no_module_redefines_a_shared_list():
    """The lists of wordlists.json are not spelled out again in the stage modules."""
    package = Path(geoevents.__file__).parent
    shared = [wordlists.ARABIC_ARTICLES, wordlists.COMPASS_POINTS,
              frozenset(wordlists.DISTANCE_UNITS), wordlists.BORDER_WORDS]
    for path in [package / "recognise.py", package / "events" / "location.py",
                 package / "gazetteer" / "names.py", package / "resolve" / "__init__.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Set | ast.List | ast.Tuple):
                words = {e.value for e in node.elts
                         if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                for listed in shared:
                    assert len(words & listed) < 6, f"{path.name} repeats a word list"


def test_resolver_does_not_import_the_recogniser():
    package = Path(geoevents.__file__).parent
    for path in (package / "resolve").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "geoevents.recognise":
                assert any(a.name == "Mention" for a in node.names), path.name
