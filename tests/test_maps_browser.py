"""The maps in a real browser: headless Debian Chromium driven by Playwright, network blocked.

Every request that is not ``file:`` or ``data:`` is aborted and recorded; the tests assert
that none was attempted, that the console stayed free of errors, and that the layers,
popups, time slider and search behave. ``make demo`` saves the seed map's screenshot to
``maps/`` (``GEOEVENTS_MAP_SCREENSHOT``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from test_maps import HOSTILE, hostile_documents, located, seed_documents

from geoevents.maps import render_map

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync",
               "--disable-dev-shm-usage"]


@dataclass
class PageLog:
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


def open_map(browser: Any, path: Path) -> tuple[Any, PageLog]:
    """Open a map with the network blocked; wait until its layers are drawn."""
    log = PageLog()
    page = browser.new_page(viewport={"width": 1280, "height": 800})

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort()

    page.route("**/*", route)
    page.on("requestfailed", lambda r: log.failed.append(r.url))
    page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_function("window.geoevents && window.geoevents.ready === true",
                           timeout=30_000)
    return page, log


def wait_ready(page: Any) -> None:
    page.wait_for_function("window.geoevents.ready === true", timeout=30_000)


def type_markers(page: Any, k: int) -> int:
    """Event markers of type ``k`` and clusters holding some, in the page."""
    count: int = page.locator(f".ge-marker.ge-t{k}, .ge-cluster.ge-has-t{k}").count()
    return count


def layer_checkbox(page: Any, name: str) -> Any:
    label = page.locator(".leaflet-control-layers-overlays label", has_text=name)
    return label.locator("input[type=checkbox]")


@pytest.fixture(scope="module")
def seed_map(seed_text, tmp_path_factory) -> tuple[Path, list[Any]]:
    docs = seed_documents(seed_text)
    path = tmp_path_factory.mktemp("maps") / "seed.html"
    render_map(docs, title="geoevents: seed article").save(str(path))
    return path, docs


def test_seed_map_in_chromium(browser, seed_map, tmp_path):
    path, docs = seed_map
    events = located(docs)
    page, log = open_map(browser, path)
    try:
        types: list[dict[str, Any]] = page.evaluate("geoevents.data.types")
        assert {t["name"] for t in types} == {e.event_type for e in events}

        # markers of every event type are drawn
        for k in range(len(types)):
            assert type_markers(page, k) > 0, types[k]["name"]
        assert page.locator("path.ge-place").count() > 0
        assert page.locator("path.ge-area").count() > 0
        # `make demo` asks for the screenshot in maps/; a test run leaves the repo alone
        shot = Path(os.environ.get("GEOEVENTS_MAP_SCREENSHOT") or tmp_path / "seed_map.png")
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000

        # toggling a layer hides its markers and only those
        first, rest = types[0]["name"], range(1, len(types))
        shown = page.evaluate("geoevents.visibleCount")
        layer_checkbox(page, first).uncheck()
        wait_ready(page)
        assert type_markers(page, 0) == 0
        assert all(type_markers(page, k) > 0 for k in rest)
        assert page.evaluate("geoevents.visibleCount") == shown - types[0]["count"]
        layer_checkbox(page, first).check()
        wait_ready(page)
        assert type_markers(page, 0) > 0
        assert page.evaluate("geoevents.visibleCount") == shown

        # a popup opens on click, with the sentence as text and the trigger highlighted
        index, event = next((i, e) for i, e in enumerate(events) if e.trigger in e.sentence)
        page.evaluate("""i => new Promise(done => geoevents.showEvent(i, m => {
            geoevents.map.closePopup();
            m._icon.setAttribute('data-test', 'target');
            done();
        }))""", index)
        page.click("[data-test=target]")
        popup = page.locator(".leaflet-popup-content", has_text=event.trigger)
        popup.wait_for()
        assert popup.locator(".ge-sentence").inner_text() == event.sentence
        assert popup.locator("mark.ge-trigger").inner_text() == event.trigger
        assert event.event_type in popup.inner_text()
        assert "Geo-precision" in popup.inner_text() and "seed" in popup.inner_text()

        # the time slider exists because events have dates, and it filters
        sliders = page.locator(".ge-time input[type=range]")
        assert sliders.count() == 2
        total = page.evaluate("geoevents.visibleCount")
        page.locator(".ge-time-undated input").uncheck()
        wait_ready(page)
        dated = page.evaluate("geoevents.visibleCount")
        assert dated == sum(1 for e in events if e.date) < total
        page.evaluate("""() => { const to = document.querySelector('.ge-time-to');
            to.value = 0; to.dispatchEvent(new Event('change')); }""")
        wait_ready(page)
        first_day = min(e.date[:10] for e in events if e.date)
        assert page.evaluate("geoevents.visibleCount") == sum(
            1 for e in events if e.date and e.date[:10] == first_day)

        # search by place name
        page.fill(".ge-search input", "gaza")
        page.locator(".ge-search-results li").first.click()
        page.locator(".leaflet-popup-content", has_text="Mentions").wait_for()
        assert "Gaza" in page.locator(".leaflet-popup-content", has_text="Mentions").inner_text()

        # the heat map is off by default and draws when switched on
        assert page.locator("canvas.leaflet-heatmap-layer").count() == 0
        layer_checkbox(page, "Heat map").check()
        assert page.locator("canvas.leaflet-heatmap-layer").count() == 1

        # the fullscreen control and the mini map are there
        assert page.locator(".leaflet-control-zoom-fullscreen").count() == 1
        assert page.locator(".leaflet-control-minimap").count() == 1
    finally:
        page.close()
    assert log.blocked == []
    assert log.failed == []
    assert log.errors == []
    assert log.dialogs == []


def test_hostile_text_stays_text(browser, gaz, tmp_path):
    path = tmp_path / "hostile.html"
    render_map(hostile_documents(gaz), title=f"Title {HOSTILE}").save(str(path))
    page, log = open_map(browser, path)
    try:
        label = page.locator(".leaflet-control-layers-overlays label", has_text="Battles")
        assert HOSTILE in label.inner_text()
        assert HOSTILE in page.locator(".ge-info").inner_text()
        page.evaluate("i => new Promise(done => geoevents.showEvent(i, () => done()))", 0)
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        text = popup.inner_text()
        assert f"Militants attacked {HOSTILE} the town." in text
        assert "</script><script>alert(2)</script>" in text
        assert popup.locator("img, script").count() == 0
        page.fill(".ge-search input", "evil")
        assert HOSTILE in page.locator(".ge-search-results li").first.inner_text()
        assert page.locator("img[src=x]").count() == 0
        page.wait_for_timeout(200)  # give any injected handler a chance to fire
    finally:
        page.close()
    assert log.dialogs == []
    assert log.errors == []
    assert log.blocked == []


def test_no_time_slider_without_dates(browser, gaz, tmp_path):
    docs = hostile_documents(gaz)
    for event in docs[0].events:
        event.date = None
    path = tmp_path / "undated.html"
    render_map(docs).save(str(path))
    page, log = open_map(browser, path)
    try:
        assert page.locator(".ge-time").count() == 0
        assert page.evaluate("geoevents.visibleCount") == 2
    finally:
        page.close()
    assert log.errors == [] and log.blocked == []
