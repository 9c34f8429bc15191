"""Does memory stay flat over many distinct geocoding queries? RSS of the server and of
the Python API while 200,000 different queries go through them.

Run: ``.venv/bin/python benchmarks/bench_server_memory.py [--queries 200000]``

1. **Server**: starts ``geoevents serve`` (one uvicorn worker) on a free loopback port and
   sends ``--queries`` distinct queries over keep-alive connections: three quarters
   ``/search`` (a third real place names, alone or with their country, two thirds made-up
   names, which go through the fuzzy tier), a quarter ``/reverse`` at random points. The
   RSS of the server process (and any children) is sampled every ``--every`` queries.
2. **Python API**: the same queries in this process through ``Gazetteer.search`` /
   ``Gazetteer.reverse`` and the pipeline's per-name lookups (``Recogniser.known``,
   ``CandidateGenerator.for_name``), sampling this process's RSS and the number of
   entries in each cache.

Each series is printed with its ratio last / first-after-warm-up (the sample at
``--warmup`` queries): flat is about 1.0; a cache without a bound grows with the number
of distinct queries. The baseline is the same process's RSS after warm-up, measured in
the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import string
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_server import free_port, start_server

from geoevents.gazetteer.store import Gazetteer
from geoevents.geocoding import default_gazetteer

MB = 1024 * 1024
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]

Query = tuple[str, Any]  # ("search", name) or ("reverse", (lat, lon))


def real_names(gaz: Gazetteer, n: int) -> list[tuple[str, str]]:
    """Distinct (name, country code) of populated places, spread over the table."""
    rows = gaz._db.execute(
        "SELECT DISTINCT name, country_code FROM places WHERE feature_class = 'P' "
        "AND country_code IS NOT NULL AND rowid % 7 = 1 LIMIT ?", (n,)).fetchall()
    return [(name, cc) for name, cc in rows]


def queries(gaz: Gazetteer, total: int, seed: int = 7) -> list[Query]:
    """``total`` distinct queries in a fixed random order (see the module docstring)."""
    rng = random.Random(seed)
    n_search = total * 3 // 4
    n_real = n_search // 3
    places = real_names(gaz, n_real)
    real = [name for name, _ in places] + [f"{name}, {cc}" for name, cc in places]
    real = list(dict.fromkeys(real))[:n_real]
    made_up: set[str] = set()
    while len(made_up) < n_search - len(real):
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        made_up.add(word.capitalize() + rng.choice(["", "", "", "a", "ville", " " +
                                                    rng.choice(string.ascii_uppercase) * 2]))
    out: list[Query] = [("search", q) for q in real + sorted(made_up)]
    points = {(round(rng.uniform(-60, 75), 6), round(rng.uniform(-180, 180), 6))
              for _ in range(total - len(out))}
    out += [("reverse", p) for p in points]
    rng.shuffle(out)
    return out[:total]


def path_of(query: Query) -> str:
    kind, value = query
    if kind == "search":
        return f"/search?format=jsonv2&limit=5&q={urllib.parse.quote(value)}"
    lat, lon = value
    return f"/reverse?format=jsonv2&lat={lat}&lon={lon}"


def tree_rss(proc: psutil.Process) -> int:
    """RSS of a process and its children (extraction workers, if any started)."""
    total = proc.memory_info().rss
    for child in proc.children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):  # a child that just ended
            total += child.memory_info().rss
    return total


def in_blocks(items: list[Query], size: int) -> Iterator[list[Query]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def report(label: str, series: list[tuple[int, int, dict[str, int]]], warmup: int) -> float:
    """Print a series of (queries, RSS, cache entries) and return last / first after
    warm-up."""
    print(f"\n{label}")
    caches = list(series[0][2]) if series else []
    print(f"{'queries':>9}  {'RSS MB':>8}" + "".join(f"  {c:>16}" for c in caches))
    for n, rss, sizes in series:
        print(f"{n:>9,}  {rss / MB:>8.1f}" + "".join(f"  {sizes[c]:>16,}" for c in caches))
    base = next((rss for n, rss, _ in series if n >= warmup), series[0][1])
    ratio = series[-1][1] / base
    print(f"ratio last / first after {warmup:,} queries: {ratio:.3f} "
          f"({base / MB:.1f} MB -> {series[-1][1] / MB:.1f} MB)")
    return ratio


def bench_server(gaz: Gazetteer, work: list[Query], every: int,
                 threads: int) -> list[tuple[int, int, dict[str, int]]]:
    port = free_port()
    proc = start_server(port, 1, gaz)
    server = psutil.Process(proc.pid)
    local = threading.local()
    errors = [0]

    def send(query: Query) -> None:
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=f"http://127.0.0.1:{port}",
                                                 timeout=60)
        if client.get(path_of(query)).status_code != 200:
            errors[0] += 1

    series = [(0, tree_rss(server), {})]
    started = time.perf_counter()
    try:
        with ThreadPoolExecutor(threads) as pool:
            done = 0
            for block in in_blocks(work, every):
                list(pool.map(send, block))
                done += len(block)
                series.append((done, tree_rss(server), {}))
                rate = done / (time.perf_counter() - started)
                print(f"  server: {done:,} queries, {series[-1][1] / MB:.1f} MB, "
                      f"{rate:,.0f} queries/s", file=sys.stderr)
    finally:
        proc.terminate()
        proc.wait(10)
    print(f"\nserver: {len(work):,} queries in {time.perf_counter() - started:.0f} s, "
          f"{errors[0]} non-200 answers")
    return series


def cache_entries(owner: Any, *names: str) -> int:
    """Entries of the first of ``names`` that is a cache on ``owner`` (an lru_cache
    wrapper or a plain dict), so the benchmark reads both kinds."""
    for name in names:
        cache = getattr(owner, name, None)
        if hasattr(cache, "cache_info"):
            return int(cache.cache_info().currsize)
        if isinstance(cache, dict):
            return len(cache)
    return -1


def bench_api(gaz_path: Path, work: list[Query],
              every: int) -> list[tuple[int, int, dict[str, int]]]:
    from geoevents.recognise import Recogniser
    from geoevents.resolve.candidates import CandidateGenerator

    gaz = Gazetteer(gaz_path)  # fresh caches, default sizes
    recogniser = Recogniser(gaz)
    candidates = CandidateGenerator(gaz)
    me = psutil.Process()

    def sizes() -> dict[str, int]:
        return {"fuzzy blocks": cache_entries(gaz, "_fuzzy_block"),
                "area names": cache_entries(getattr(gaz, "reader", None), "_areas"),
                "recogniser": cache_entries(recogniser, "known", "_known"),
                "candidates": cache_entries(candidates, "for_name", "_cache")}

    steps: dict[str, Callable[[Any], Any]] = {
        "search": lambda name: (gaz.search(name, limit=5), recogniser.known(name),
                                candidates.for_name(name)),
        "reverse": lambda point: gaz.reverse(*point)}
    series = [(0, me.memory_info().rss, sizes())]
    started = time.perf_counter()
    done = 0
    for block in in_blocks(work, every):
        for kind, value in block:
            steps[kind](value)
        done += len(block)
        series.append((done, me.memory_info().rss, sizes()))
        print(f"  api: {done:,} queries, {series[-1][1] / MB:.1f} MB", file=sys.stderr)
    print(f"\nPython API: {len(work):,} queries in {time.perf_counter() - started:.0f} s")
    return series


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200_000)
    parser.add_argument("--every", type=int, default=10_000, help="queries between samples")
    parser.add_argument("--warmup", type=int, default=20_000,
                        help="queries before the sample the ratio is taken against")
    parser.add_argument("--threads", type=int, default=4, help="client connections")
    parser.add_argument("--skip-server", action="store_true")
    parser.add_argument("--skip-api", action="store_true")
    args = parser.parse_args()

    gaz = default_gazetteer()
    work = queries(gaz, args.queries)
    searches = sum(kind == "search" for kind, _ in work)
    print(f"{len(work):,} distinct queries: {searches:,} /search, "
          f"{len(work) - searches:,} /reverse")
    ratios = {}
    if not args.skip_server:
        series = bench_server(gaz, work, args.every, args.threads)
        ratios["server"] = report("server process RSS", series, args.warmup)
    if not args.skip_api:
        series = bench_api(gaz.path, work, args.every)
        ratios["api"] = report("Python API (this process) RSS and cache entries", series,
                               args.warmup)
    print("\n" + ", ".join(f"{k}: {v:.3f}" for k, v in ratios.items())
          + "  (last / first after warm-up; flat = 1.0)")


if __name__ == "__main__":
    main()
