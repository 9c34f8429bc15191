"""Shared fixtures: the embedded gazetteer, the seed article, the evaluation data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# On CI, property tests draw the same examples every run (a new random failure there would
# block a submission); locally they explore, and failures are replayed from .hypothesis/.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
# the evaluation data beside the repository, or where $GEOEVENTS_EVAL_DIR says (a git worktree)
EVAL_DIR = Path(os.environ.get("GEOEVENTS_EVAL_DIR") or ROOT.parent / "shared" / "eval")
# Publication date of the seed article (it reports the end of the IDF's Jenin operation,
# 5 July 2023); `make demo` passes the same date.
SEED_PUBLISHED = "2023-07-05"


@pytest.fixture(scope="session")
def gaz():
    """The embedded gazetteer (built on first use, then reused from the cache)."""
    from geoevents.geocoding import default_gazetteer

    return default_gazetteer()


@pytest.fixture(scope="session")
def parser(gaz):
    """A Geoparser on the embedded gazetteer (the recognition and resolution tests)."""
    from geoevents.pipeline import Geoparser

    return Geoparser(gazetteer=gaz)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return sorted(SEEDS.glob("*.txt"))[0]


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """``../shared/eval``; tests that need it skip cleanly when it is absent."""
    if not EVAL_DIR.is_dir():
        pytest.skip(f"evaluation data not found at {EVAL_DIR}")
    return EVAL_DIR


@pytest.fixture
def cli(capsys):
    """Run the ``geoevents`` command line in-process: ``cli(*argv)`` gives
    ``(exit code, stdout, stderr)``."""
    from geoevents.cli import main

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            main(list(argv))
            code = 0
        except SystemExit as exc:
            code = exc.code or 0
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="session")
def acled_row(gaz):
    """The ACLED row (:func:`geoevents.acled.acled_frame`) of one event at a gazetteer
    place, given its GeoNames id and the text that named it."""
    import geopandas as gpd
    import shapely

    from geoevents.acled import acled_frame

    def row(geonameid: int, text: str):
        place = gaz.by_geonameid(geonameid)
        events = gpd.GeoDataFrame(
            {"location_name": [place.name], "location_text": [text],
             "feature_code": [place.feature_code], "country_code": [place.country_code],
             "admin1": [place.admin1], "geonameid": [geonameid], "event_id": ["ev-1"]},
            geometry=[shapely.Point(place.lon, place.lat)], crs="EPSG:4326")
        return acled_frame(events, gaz).iloc[0]

    return row
