"""HTTP server benchmark: ``/search`` and ``/reverse`` under load from ``wrk``.

Run: ``.venv/bin/python benchmarks/bench_server.py [--workers 2] [--duration 10] [--repeat 3]``
(needs ``wrk``: ``apt-get install wrk``).

Starts ``geoevents serve`` on a free loopback port (nothing else is ever targeted), drives
each endpoint for ``--duration`` seconds at 1 and at 32 connections with a Lua script that
rotates through realistic queries (names from news, ambiguous and misspelled names, other
scripts, structured and filtered queries, no-match queries; coordinates of sampled places
and of open sea), and prints requests/s and p50/p99 latency.

Baselines measured in the same run: ``/status`` through the same server (the web stack
with no gazetteer work) and bare in-process ``Gazetteer.search``/``reverse`` calls/s on
one core; the ratios show what HTTP costs. Target: >= 1,000 requests/s and p99 <= 50 ms
at 32 connections. The load average at the start of each run is printed: on a machine
shared with other work, p99 follows it (even for ``/status``), so ``--repeat`` reports
medians.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from geoevents.gazetteer.store import Gazetteer
from geoevents.geocoding import default_gazetteer

SEED = 7
TARGET_RPS = 1_000
TARGET_P99_MS = 50.0

NEWS_NAMES = [
    "Jenin", "Gaza", "Gaza Strip", "Khan Younis", "Khan Yunis", "Rafah", "Hebron", "Nablus",
    "Ramallah", "Tulkarm", "Deir el-Balah", "Beit Lahia", "Jabalia", "West Bank", "Israel",
    "Tel Aviv", "Jerusalem", "Ashkelon", "Sderot", "Beirut", "Tyre", "Damascus", "Aleppo",
    "Idlib", "Amman", "Cairo", "Sinai", "Egypt", "Iran", "Tehran", "Isfahan", "Baghdad",
    "Mosul", "Erbil", "Sanaa", "Aden", "Hodeidah", "Riyadh", "Doha", "Ankara", "Istanbul",
    "Kyiv", "Kharkiv", "Odesa", "Bakhmut", "Mariupol", "Zaporizhzhia", "Moscow", "Belgorod",
    "Kursk", "Khartoum", "El Fasher", "Tripoli", "Benghazi", "Kabul", "Kandahar", "Mogadishu",
    "Goma", "Bamako", "Niamey", "Washington", "New York", "London", "Paris", "Brussels",
    "Middle East", "Africa", "Europe", "Moscow, Idaho", "Paris, Texas", "Alexandria, Louisiana",
    "jenin", "GAZA", "Khan Younes", "Jenine", "Mosocw", "Kharkov", "Kiev", "غزة", "Москва",
    "Qqqxzzy", "Nowhereville Upon Sea",
]
SEARCH_VARIANTS = [  # extra parameters some clients send
    "", "", "", "&limit=1", "&format=json&limit=1", "&addressdetails=1",
    "&countrycodes=ps,il", "&format=geojson", "&featureType=city", "&namedetails=1",
]
OPEN_SEA = [(0.0, -30.0), (-40.0, -120.0), (35.0, 160.0), (-60.0, 60.0)]


@dataclass
class Run:
    label: str
    connections: int
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    load: float  # 1-minute load average when the run started

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def sampled_places(gaz: Gazetteer, n: int) -> list[tuple[str, float, float]]:
    """Deterministic sample of populated places: (name, lat, lon)."""
    rows = gaz._db.execute(
        "SELECT name, lat, lon FROM places WHERE feature_class = 'P' AND rowid % 997 = 3 "
        "LIMIT ?", (n,)).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def search_paths(gaz: Gazetteer, rng: random.Random) -> list[str]:
    names = NEWS_NAMES + [name for name, _, _ in sampled_places(gaz, 80)]
    paths = []
    for name in names:
        variant = rng.choice(SEARCH_VARIANTS)
        paths.append(f"/search?q={urllib.parse.quote(name)}{variant}")
    paths += ["/search?city=Moscow&state=Idaho", "/search?city=Paris&country=France",
              "/search?country=Russia"]
    rng.shuffle(paths)
    return paths


def reverse_points(gaz: Gazetteer, rng: random.Random) -> list[tuple[float, float]]:
    points = [(lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05))
              for _, lat, lon in sampled_places(gaz, 150)]
    points = [(max(-90.0, min(90.0, lat)), max(-180.0, min(180.0, lon)))
              for lat, lon in points] + OPEN_SEA
    rng.shuffle(points)
    return points


def reverse_paths(points: list[tuple[float, float]]) -> list[str]:
    return [f"/reverse?lat={lat:.5f}&lon={lon:.5f}" for lat, lon in points]


LUA = """
local paths = {%s}
local requests = {}
local counter = 0
init = function(args)
  for i, path in ipairs(paths) do requests[i] = wrk.format("GET", path) end
end
request = function()
  counter = counter + 1
  return requests[(counter %% #requests) + 1]
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def run_wrk(base: str, paths: list[str], connections: int, seconds: int,
            label: str) -> Run:
    load = os.getloadavg()[0]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % ", ".join(f'"{p}"' for p in paths))
    try:
        threads = 1 if connections == 1 else 2
        out = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s",
             "-s", script.name, base],
            check=True, capture_output=True, text=True, timeout=seconds + 30).stdout
    finally:
        os.unlink(script.name)
    match = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+)", out)
    if match is None:
        raise RuntimeError(f"unexpected wrk output:\n{out}")
    requests, duration_us, p50_us, p99_us, errors = map(int, match.groups())
    return Run(label, connections, requests, duration_us / 1e6, p50_us / 1000,
               p99_us / 1000, errors, load)


def in_process_rate(fn, items: list, min_seconds: float = 2.0) -> float:
    """Calls per second of ``fn`` over ``items`` (repeated for at least min_seconds)."""
    for item in items:
        fn(item)  # warm caches
    calls, start = 0, time.perf_counter()
    while time.perf_counter() - start < min_seconds:
        for item in items:
            fn(item)
        calls += len(items)
    return calls / (time.perf_counter() - start)


def start_server(port: int, workers: int, gaz: Gazetteer) -> subprocess.Popen[bytes]:
    cli = Path(sys.executable).with_name("geoevents")
    proc = subprocess.Popen(
        [str(cli), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers",
         str(workers), "--gazetteer", str(gaz.path), "--no-access-log"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2):
                return proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"geoevents serve did not start:\n{err}") from None
            time.sleep(0.2)


@dataclass
class Summary:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def _grouped(runs: list[Run]) -> dict[tuple[str, int], list[Run]]:
    groups: dict[tuple[str, int], list[Run]] = {}
    for r in runs:
        groups.setdefault((r.label, r.connections), []).append(r)
    return groups


def _median(runs: list[Run]) -> Summary:
    return Summary(statistics.median(r.rps for r in runs),
                   statistics.median(r.p50_ms for r in runs),
                   statistics.median(r.p99_ms for r in runs), sum(r.errors for r in runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of runs; medians are reported (for busy machines)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk not found; install it with 'apt-get install wrk'", file=sys.stderr)
        return 2

    gaz = default_gazetteer()
    rng = random.Random(SEED)
    searches = search_paths(gaz, rng)
    points = reverse_points(gaz, rng)
    reverses = reverse_paths(points)
    print(f"{len(searches)} search and {len(reverses)} reverse requests in rotation; "
          f"{args.workers} worker(s), {args.duration} s per run, {os.cpu_count()} cores "
          f"(load average {os.getloadavg()[0]:.1f} before the run)")

    names = [urllib.parse.parse_qs(urllib.parse.urlsplit(p).query).get("q", [None])[0]
             for p in searches]
    bare_search = in_process_rate(lambda n: gaz.search(n, limit=10), [n for n in names if n])
    bare_reverse = in_process_rate(lambda p: gaz.reverse(*p), points)

    port = free_port()
    proc = start_server(port, args.workers, gaz)
    base = f"http://127.0.0.1:{port}"
    endpoints = ((searches, "/search"), (reverses, "/reverse"), (["/status"], "/status"))
    runs: list[Run] = []
    try:
        for paths, label in endpoints:
            run_wrk(base, paths, 8, 2, label)  # warm up every worker
        for _ in range(args.repeat):  # rounds interleave, so load spikes spread out
            for paths, label in endpoints:
                for connections in (1, 32):
                    runs.append(run_wrk(base, paths, connections, args.duration, label))
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    print(f"\n{'endpoint':<10}{'conns':>6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
          f"{'load':>7}")
    for r in runs:
        print(f"{r.label:<10}{r.connections:>6}{r.rps:>10,.0f}{r.p50_ms:>9.2f}{r.p99_ms:>9.2f}"
              f"{r.errors:>8}{r.load:>7.1f}")
    summary = {key: _median(group) for key, group in _grouped(runs).items()}
    if args.repeat > 1:
        print(f"\nmedians of {args.repeat} runs:")
        for (label, connections), m in summary.items():
            print(f"{label:<10}{connections:>6}{m.rps:>10,.0f}{m.p50_ms:>9.2f}{m.p99_ms:>9.2f}"
                  f"{m.errors:>8}")
    status = {c: m.rps for (label, c), m in summary.items() if label == "/status"}
    print(f"\nbaselines: in-process Gazetteer.search {bare_search:,.0f} calls/s, "
          f"Gazetteer.reverse {bare_reverse:,.0f} calls/s (one core); "
          f"/status over HTTP {status[1]:,.0f} req/s at 1 and {status[32]:,.0f} at 32 "
          "connections")
    met = True
    for (label, connections), m in summary.items():
        if label == "/status":
            continue
        bare = bare_search if label == "/search" else bare_reverse
        line = (f"{label} at {connections}: {m.rps / status[connections]:.2f}x /status, "
                f"{m.rps / bare:.2f}x in-process calls")
        if connections == 32:
            ok = m.rps >= TARGET_RPS and m.p99_ms <= TARGET_P99_MS and m.errors == 0
            met &= ok
            line += (f"; target >= {TARGET_RPS:,} req/s and p99 <= {TARGET_P99_MS:.0f} ms: "
                     f"{'met' if ok else 'MISSED'}")
        print(line)
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
