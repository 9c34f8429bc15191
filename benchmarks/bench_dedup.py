"""Cross-document deduplication: events/s of ``deduplicate`` against comparing every pair.

Run: ``.venv/bin/python benchmarks/bench_dedup.py [--sizes 2000 10000 100000]``

Synthetic reports, as a news corpus produces them: 40% of them cluster around ten hot
spots (a city each, within ~30 km), the rest are spread over the land of the world; four
sub-event types, dates over two months, one document per ten reports, and a quarter of
the reports repeat an earlier one from another document (the duplicates to merge).

Baseline from the same run, up to ``--baseline-max`` reports: the previous algorithm,
which compared each report with every kept one (:func:`same_event` over all pairs). The
two must keep the same reports; the script checks it.
"""

from __future__ import annotations

import argparse
import copy
import random
import time

from geoevents.events.dedup import deduplicate, same_event
from geoevents.model import Event, Place

SUB_TYPES = ["Armed clash", "Air/drone strike", "Attack", "Peaceful protest"]
HOT_SPOTS = [(31.50, 34.47), (32.46, 35.30), (48.00, 37.80), (12.00, 8.52), (15.55, 32.53),
             (33.51, 36.29), (34.53, 69.17), (2.05, 45.32), (-1.95, 30.06), (19.43, -99.13)]


def reports(n: int, seed: int = 1) -> list[Event]:
    rng = random.Random(seed)
    out: list[Event] = []
    for k in range(n):
        if out and rng.random() < 0.25:  # another document's report of an earlier event
            e = copy.copy(rng.choice(out))
            e.id, e.doc_id = f"e{k}", f"d{k // 10}"
            e.sources = [e.doc_id]
            out.append(e)
            continue
        if rng.random() < 0.4:
            lat, lon = rng.choice(HOT_SPOTS)
            lat, lon = lat + rng.gauss(0, 0.15), lon + rng.gauss(0, 0.15)
        else:
            lat, lon = rng.uniform(-55, 70), rng.uniform(-180, 180)
        day = 1 + rng.randrange(59)
        out.append(Event(
            id=f"e{k}", event_type="x", sub_event_type=rng.choice(SUB_TYPES), trigger="t",
            trigger_start=0, trigger_end=1, sentence="",
            date=f"2024-{1 + day // 30:02d}-{1 + day % 30:02d}", date_precision="day",
            location=Place(f"p{k}", "x", lat, lon, "P", "PPL"),
            doc_id=f"d{k // 10}", sources=[f"d{k // 10}"]))
    return out


def every_pair(items: list[Event]) -> list[Event]:
    """The previous algorithm: each report against every kept one."""
    kept: list[Event] = []
    for event in items:
        twin = next((k for k in kept if k.doc_id != event.doc_id and same_event(k, event)),
                    None)
        if twin is None:
            kept.append(event)
    return kept


def timed(function, items: list[Event]) -> tuple[float, list[str]]:
    items = copy.deepcopy(items)
    started = time.perf_counter()
    kept = function(items)
    return time.perf_counter() - started, [e.id for e in kept]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 100000])
    ap.add_argument("--baseline-max", type=int, default=10000)
    args = ap.parse_args()
    print(f"{'reports':>8} {'kept':>7} {'grid s':>8} {'reports/s':>10} "
          f"{'all pairs s':>12} {'speed-up':>9}")
    for n in args.sizes:
        items = reports(n)
        seconds, kept = timed(deduplicate, items)
        line = f"{n:>8,} {len(kept):>7,} {seconds:>8.2f} {n / seconds:>10,.0f}"
        if n <= args.baseline_max:
            base_seconds, base_kept = timed(every_pair, items)
            assert base_kept == kept, "the grid changed which reports are kept"
            line += f" {base_seconds:>12.2f} {base_seconds / seconds:>8.1f}x"
        print(line)


if __name__ == "__main__":
    main()
