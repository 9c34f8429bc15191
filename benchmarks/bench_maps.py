"""Map benchmark: build time, HTML size and time until Chromium has drawn the map.

Run: ``.venv/bin/python benchmarks/bench_maps.py [--sizes 1000 10000 100000]``

Synthetic documents (10 events each) at real gazetteer places, with dates over a year and
a distinct ~140-character sentence per event. For each size it measures:

- **build**: ``render_map()`` plus rendering the HTML string and writing it;
- **size** of the HTML file;
- **drawn**: from navigation start until the page reports every layer drawn
  (``geoevents.ready``), in headless Debian Chromium with the network blocked;
- **filter**: how long the page takes to redraw after a filter change (fatalities ≥ 10).

Baselines from the same run: building the GeoDataFrames only (``to_geodataframes``), and
— up to ``--baseline-max`` events — a plain folium map with the same points as bare
``CircleMarker`` objects (assets inlined the same way), drawn when its ``load`` fires.
Targets for 100k events: build <= 10 s, HTML <= 30 MB, drawn <= 10 s.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from geoevents.export import to_geodataframes
from geoevents.geocoding import default_gazetteer
from geoevents.maps import render_map
from geoevents.maps.assets import OfflineFigure
from geoevents.model import Document, Event, Place, Toponym

SEED = 11
EVENTS_PER_DOC = 10
CHROMIUM = "/usr/bin/chromium"
TYPES = [
    ("Battles", "Armed clash"), ("Explosions/Remote violence", "Air or drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"), ("Strategic developments", "Disrupted weapons use"),
    ("Diplomacy", "Meeting"),
]
ACTORS = ["Government forces", "Rebel fighters", "Police", "Protesters", "Unidentified gunmen",
          "Military of Israel", "Hamas", "Civilians", "Local militia", "Security forces"]
VERBS = ["clashed with", "shelled positions of", "attacked", "marched against",
         "intercepted rockets fired by", "met representatives of", "detained members of"]


def place_pool(gaz: Any, rng: random.Random, size: int = 700) -> list[Place]:
    """Real places near random points in the Middle East, North Africa and Europe."""
    pool: dict[str, Place] = {}
    while len(pool) < size:
        place = gaz.reverse(rng.uniform(12, 55), rng.uniform(-10, 60))
        if place is not None:
            pool[place.id] = place
    shaped = [gaz.get("ne:border:EG-IL"), gaz.get("local:gaza-strip"),
              gaz.search("Israel")[0], gaz.search("Egypt")[0]]
    return list(pool.values()) + [p for p in shaped if p is not None]


def synthetic_documents(n_events: int, pool: list[Place], seed: int = SEED) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for d in range(0, n_events, EVENTS_PER_DOC):
        events, toponyms = [], []
        for i in range(d, min(d + EVENTS_PER_DOC, n_events)):
            place = rng.choice(pool)
            etype, sub = rng.choice(TYPES)
            a1, a2 = rng.sample(ACTORS, 2)
            verb = rng.choice(VERBS)
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            killed = rng.randint(0, 30)
            sentence = (f"On {day}, {a1.lower()} {verb} {a2.lower()} near {place.name}, "
                        f"leaving {killed} people dead according to report {i}.")
            trigger = verb.split()[0]
            start = sentence.index(trigger)
            events.append(Event(
                id=f"ev-{i}", event_type=etype, sub_event_type=sub, trigger=trigger,
                trigger_start=start, trigger_end=start + len(trigger), sentence=sentence,
                actor1=a1, actor2=a2, fatalities=killed, quantities=[f"{killed} people"],
                date=day if rng.random() > 0.1 else None, date_precision="day",
                location=place, location_text=place.name, location_role="site",
                geo_precision=rng.choice([1, 2, 3]), confidence=round(rng.random(), 2),
                doc_id=f"doc-{d // EVENTS_PER_DOC}"))
            toponyms.append(Toponym(0, len(place.name), place.name, place))
        docs.append(Document(text="", doc_id=f"doc-{d // EVENTS_PER_DOC}", events=events,
                             toponyms=toponyms))
    return docs


def build_map(docs: list[Document], path: Path) -> float:
    start = time.perf_counter()
    html = render_map(docs, title="benchmark").get_root().render()
    path.write_text(html, encoding="utf-8")
    return time.perf_counter() - start


def build_baseline(docs: list[Document], path: Path) -> float:
    """A plain folium map with one bare CircleMarker per event (libraries inlined)."""
    import folium

    start = time.perf_counter()
    fmap = folium.Map(location=[30, 30], zoom_start=4, tiles=None)
    OfflineFigure().add_child(fmap)
    for doc in docs:
        for e in doc.events:
            assert e.location is not None
            folium.CircleMarker([e.location.lat, e.location.lon], radius=3).add_to(fmap)
    path.write_text(fmap.get_root().render(), encoding="utf-8")
    return time.perf_counter() - start


def drawn_seconds(browser: Any, path: Path, *, ready: str,
                  filtered: list[float] | None = None) -> float:
    """Milliseconds from navigation start until ``ready`` is true, in seconds; when
    ``filtered`` is given, also the seconds a filter change (at least 10 killed) takes to
    redraw, appended to it."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    try:
        page.goto(path.as_uri(), timeout=300_000)
        page.wait_for_function(ready, timeout=300_000, polling=50)
        ms: float = page.evaluate("performance.now()")
        if filtered is not None:
            start = page.evaluate("performance.now()")
            page.evaluate("geoevents.setFilter({minFat: 10})")
            page.wait_for_function(ready, timeout=300_000, polling=50)
            filtered.append((page.evaluate("performance.now()") - start) / 1000)
    finally:
        page.close()
    if blocked:
        raise RuntimeError(f"the page tried to fetch {blocked[:3]}")
    return ms / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--baseline-max", type=int, default=10_000,
                        help="largest size for the plain-folium baseline (it is slow)")
    parser.add_argument("--no-browser", action="store_true", help="skip the drawn timings")
    args = parser.parse_args()

    rng = random.Random(SEED)
    pool = place_pool(default_gazetteer(), rng)
    render_map([])  # warm-up: imports and the cached Natural Earth basemap
    browser = None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                            "--disable-background-networking",
                                            "--disable-component-update", "--no-first-run",
                                            "--disable-sync", "--disable-dev-shm-usage"])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            docs = synthetic_documents(n, pool)
            start = time.perf_counter()
            to_geodataframes(docs)
            gdf_s = time.perf_counter() - start
            path = Path(tmp) / f"map_{n}.html"
            build_s = build_map(docs, path)
            size_mb = path.stat().st_size / 1e6
            filtered: list[float] = []
            drawn_s = drawn_seconds(browser, path, ready="window.geoevents && geoevents.ready",
                                    filtered=filtered) if browser else float("nan")
            filter_s = filtered[0] if filtered else float("nan")
            path.unlink()
            base = {"build": float("nan"), "size": float("nan"), "drawn": float("nan")}
            if n <= args.baseline_max:
                base_path = Path(tmp) / f"baseline_{n}.html"
                base["build"] = build_baseline(docs, base_path)
                base["size"] = base_path.stat().st_size / 1e6
                if browser:
                    base["drawn"] = drawn_seconds(
                        browser, base_path, ready="document.readyState === 'complete'")
                base_path.unlink()
            rows.append((n, build_s, size_mb, drawn_s, gdf_s, base))
            print(f"{n:>7,} events: build {build_s:6.2f} s (GeoDataFrames only {gdf_s:5.2f} s, "
                  f"{build_s / gdf_s:4.1f}x) | HTML {size_mb:6.1f} MB | drawn {drawn_s:6.2f} s"
                  f" | a filter change redrawn in {filter_s:5.2f} s"
                  f" | plain folium CircleMarkers: build {base['build']:6.2f} s, "
                  f"{base['size']:6.1f} MB, drawn {base['drawn']:6.2f} s", flush=True)
    if browser:
        browser.close()
        playwright.stop()

    print("\n| events | build s | HTML MB | drawn s | build / GeoDataFrames | "
          "build, MB, drawn vs plain folium |")
    print("|---:|---:|---:|---:|---:|---|")
    for n, build_s, size_mb, drawn_s, gdf_s, base in rows:
        versus = ("n/a (too slow)" if base["build"] != base["build"] else
                  f"{build_s / base['build']:.2f}x, {size_mb / base['size']:.2f}x, "
                  f"{drawn_s / base['drawn']:.2f}x")
        print(f"| {n:,} | {build_s:.2f} | {size_mb:.1f} | {drawn_s:.2f} | "
              f"{build_s / gdf_s:.1f}x | {versus} |")


if __name__ == "__main__":
    main()
