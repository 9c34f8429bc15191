"""Does one heavy request block the server? ``/status`` latency under hostile load.

Run: ``.venv/bin/python benchmarks/bench_server_load.py``

Starts ``geoevents serve`` (one uvicorn worker, one extraction process) on a free loopback
port and measures the latency of ``GET /status``:

1. idle (the baseline, same run);
2. while one ``POST /extract {"text": ")" * 20000}`` is processed (before the worker pool
   and the tokenizer guard: 37 s of frozen server);
3. while 8 concurrent ``/lookup`` requests ask for the 50 largest shapes with
   ``polygon_geojson=1&polygon_text=1`` (before the vertex budget: 19.7 MB each, 12 s of
   frozen server).

Target: ``/status`` latency <= 1 s during 2 and 3. The extraction process loads the spaCy
model once before the measurement (a warm-up request), as a running server would have.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_server import free_port, start_server

from geoevents.geocoding import default_gazetteer

TARGET_S = 1.0


def status_latency(base: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(f"{base}/status", timeout=120) as response:
        assert response.read() == b"OK"
    return time.perf_counter() - started


def poll_status(base: str, busy: threading.Event) -> list[float]:
    """/status latencies, every 50 ms, while ``busy`` is set."""
    latencies = []
    while busy.is_set():
        latencies.append(status_latency(base))
        time.sleep(0.05)
    return latencies


def post_json(url: str, body: object, timeout: float = 300) -> tuple[int, bytes, float]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), time.perf_counter() - started
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), time.perf_counter() - started


def get(url: str) -> tuple[int, int, float]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as response:
        size = len(response.read())
        return response.status, size, time.perf_counter() - started


def under_load(base: str, work: list) -> tuple[list[float], list]:
    """Run the callables in ``work`` concurrently; /status latencies meanwhile."""
    busy = threading.Event()
    busy.set()
    results: list = [None] * len(work)

    def run(i: int) -> None:
        results[i] = work[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for t in threads:
        t.start()
    time.sleep(0.1)  # let the work reach the server first
    poller_result: list[list[float]] = []
    poller = threading.Thread(target=lambda: poller_result.append(poll_status(base, busy)))
    poller.start()
    for t in threads:
        t.join()
    busy.clear()
    poller.join()
    return poller_result[0], results


def describe(label: str, latencies: list[float], idle: float) -> bool:
    worst = max(latencies)
    ok = worst <= TARGET_S
    print(f"{label:<46}{len(latencies):>6}{statistics.median(latencies) * 1000:>10.1f}"
          f"{worst * 1000:>10.1f}{worst / idle:>10.0f}x  {'met' if ok else 'MISSED'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text-chars", type=int, default=20_000,
                        help="length of the ')' run posted to /extract")
    args = parser.parse_args()
    gaz = default_gazetteer()
    largest = [row[0] for row in gaz._db.execute(
        "SELECT id FROM places WHERE geometry IS NOT NULL "
        "ORDER BY length(geometry) DESC LIMIT 50")]
    port = free_port()
    proc = start_server(port, 1, gaz)
    base = f"http://127.0.0.1:{port}"
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    try:
        warm = post_json(f"{base}/extract", {"text": "Shelling hit Gaza on Monday."})
        print(f"warm-up /extract (spawns the worker, loads the model): {warm[2]:.1f} s")
        idle = [status_latency(base) for _ in range(40)]
        idle_median = statistics.median(idle)

        latencies, (extract,) = under_load(base, [lambda: post_json(
            f"{base}/extract", {"text": ")" * args.text_chars})])
        lookup_url = (f"{base}/lookup?osm_ids={','.join(largest)}"
                      "&polygon_geojson=1&polygon_text=1")
        lookup_latencies, lookups = under_load(base, [lambda: get(lookup_url)] * 8)
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    print(f"\n{'/status while ...':<46}{'n':>6}{'p50 ms':>10}{'max ms':>10}{'max/idle':>11}")
    print(f"{'idle (baseline)':<46}{len(idle):>6}{idle_median * 1000:>10.1f}"
          f"{max(idle) * 1000:>10.1f}")
    met = describe(f"/extract of ')' x {args.text_chars:,}", latencies, idle_median)
    met &= describe("8 x /lookup of the 50 largest shapes", lookup_latencies, idle_median)
    status, body, seconds = extract
    print(f"\n/extract of ')' x {args.text_chars:,}: status {status}, {seconds:.2f} s, "
          f"{len(body):,} bytes")
    sizes = [size for _, size, _ in lookups]
    print(f"/lookup of 50 shapes: status {sorted({s for s, _, _ in lookups})}, "
          f"{statistics.median(sizes) / 1e6:.2f} MB each, "
          f"{statistics.median(t for _, _, t in lookups):.2f} s median")
    print(f"target: /status <= {TARGET_S:g} s under load: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
