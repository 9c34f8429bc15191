"""The maps in a real browser: headless Debian Chromium driven by Playwright, network blocked.

Every request that is not ``file:`` or ``data:`` is aborted and recorded; the tests assert
that none was attempted, that the console stayed free of errors, and that the layers,
popups, filter panel, timeline and search behave. ``make demo`` saves the seed map's screenshot to
``maps/`` (``GEOEVENTS_MAP_SCREENSHOT``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from test_maps import HOSTILE, hostile_documents, located, seed_documents

from geoevents.maps import render_map
from geoevents.model import Document, Event

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


def area_at(page: Any, lat: float, lon: float) -> bool:
    """Whether a shape of the areas layer is drawn at a point (centred at zoom 5)."""
    page.evaluate("([lat, lon]) => { geoevents.map.setView([lat, lon], 5, {animate: false}); }",
                  [lat, lon])
    page.wait_for_timeout(300)
    hit: bool = page.evaluate("""([lat, lon]) => {
        const map = geoevents.map, p = map.latLngToContainerPoint([lat, lon]);
        const box = map.getContainer().getBoundingClientRect();
        return document.elementsFromPoint(box.left + p.x, box.top + p.y)
            .some(e => e.classList && e.classList.contains('ge-area'));
    }""", [lat, lon])
    return hit


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

        # the filter panel's date range and its undated switch filter the markers
        total = page.evaluate("geoevents.visibleCount")
        page.locator(".ge-filter-undated").uncheck()
        wait_ready(page)
        dated = page.evaluate("geoevents.visibleCount")
        assert dated == sum(1 for e in events if e.date) < total
        first_day = min(e.date[:10] for e in events if e.date)
        page.fill(".ge-filter-to", first_day)
        page.locator(".ge-filter-to").dispatch_event("change")
        wait_ready(page)
        assert page.evaluate("geoevents.visibleCount") == sum(
            1 for e in events if e.date and e.date[:10] == first_day)
        page.click(".ge-filter-reset")
        wait_ready(page)
        assert page.evaluate("geoevents.visibleCount") == total

        # search by place name
        page.fill(".ge-search input", "gaza")
        page.locator(".ge-search-results li").first.click()
        page.locator(".leaflet-popup-content", has_text="Mentions").wait_for()
        assert "Gaza" in page.locator(".leaflet-popup-content", has_text="Mentions").inner_text()

        # the heat map is off by default and draws when switched on
        assert page.locator("canvas.leaflet-heatmap-layer").count() == 0
        layer_checkbox(page, "Heat map").check()
        assert page.locator("canvas.leaflet-heatmap-layer").count() == 1

        # the areas layer paints Egypt (named as a place) but not Russia, which the
        # article only names by its demonym ("Russian") and where no event is
        russia = [t.text for d in docs for t in d.toponyms
                  if t.place is not None and t.place.feature_code == "PCLI"
                  and t.place.country_code == "RU"]
        assert russia and all(text.startswith("Russian") for text in russia)
        assert area_at(page, 30.04, 31.24)  # Cairo
        assert not area_at(page, 55.75, 37.62)  # Moscow

        # town zoom: the basemap names the villages around Jenin
        page.evaluate("() => { geoevents.map.setView([32.46, 35.30], 12, {animate: false}); }")
        page.wait_for_timeout(300)
        names = page.locator(".ge-label").all_inner_texts()
        assert len(names) >= 5 and any("Jenin" in n or "Janīn" in n for n in names)
        assert page.locator(".leaflet-control-layers-overlays label",
                            has_text="Place names").count() == 1

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


def test_no_timeline_without_dates(browser, gaz, tmp_path):
    docs = hostile_documents(gaz)
    for event in docs[0].events:
        event.date = None
    path = tmp_path / "undated.html"
    render_map(docs).save(str(path))
    page, log = open_map(browser, path)
    try:
        assert page.locator(".ge-timeline").count() == 0
        assert page.locator(".ge-filter-from").count() == 0
        assert page.evaluate("geoevents.visibleCount") == 2
    finally:
        page.close()
    assert log.errors == [] and log.blocked == []


def filter_documents(gaz) -> list[Document]:
    """60 events over 90 days: three actors, two countries, sub-types and fatalities vary."""
    places = [gaz.search("Jenin")[0], gaz.search("Rafah", country="PS")[0],
              gaz.search("Haifa")[0], gaz.search("Eilat")[0]]
    kinds = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air or drone strike"),
             ("Protests", "Peaceful protest")]
    actors = ["Israeli forces", "Hamas militants", "Protesters"]
    events = []
    for i in range(60):
        etype, sub = kinds[i % 3]
        day = date(2024, 1, 1) + timedelta(days=(i * 7) % 90)
        events.append(Event(
            id=f"ev-{i}", event_type=etype, sub_event_type=sub, trigger="hit",
            trigger_start=0, trigger_end=3, sentence=f"hit number {i}", actor1=actors[i % 3],
            actor2=actors[(i + 1) % 3] if i % 5 == 0 else None,
            fatalities=[None, 0, 2, 12, 60][i % 5], date=day.isoformat(),
            date_precision="day", location=places[i % 4], geo_precision=1, doc_id="d"))
    return [Document(text="", doc_id="d", events=events)]


def test_filters_change_markers_counts_and_heat(browser, gaz, tmp_path):
    docs = filter_documents(gaz)
    events = docs[0].events
    path = tmp_path / "filters.html"
    render_map(docs).save(str(path))
    page, log = open_map(browser, path)

    def shown() -> tuple[int, int]:
        wait_ready(page)
        return (page.evaluate("geoevents.visibleCount"),
                page.evaluate("geoevents.cluster.getLayers().length"))

    try:
        assert shown() == (60, 60)
        # actor (either side, any case)
        page.fill(".ge-filter-actor", "hamas")
        expected = sum(1 for e in events if "Hamas" in (e.actor1 or "") + (e.actor2 or ""))
        assert shown() == (expected, expected) and expected < 60
        # the legend counts follow the filter
        label = page.locator(".leaflet-control-layers-overlays label", has_text="Protests")
        protests = sum(1 for e in events if e.event_type == "Protests" and "Hamas" in (
            (e.actor1 or "") + (e.actor2 or "")))
        assert f"({protests} of 20)" in label.inner_text()
        page.fill(".ge-filter-actor", "")
        assert shown() == (60, 60)
        # sub-type
        page.select_option(".ge-filter-sub", label="Air or drone strike")
        assert shown() == (20, 20)
        page.select_option(".ge-filter-sub", "-1")
        # minimum fatalities
        page.fill(".ge-filter-fatalities", "10")
        page.locator(".ge-filter-fatalities").dispatch_event("change")
        assert shown() == (24, 24)
        page.fill(".ge-filter-fatalities", "0")
        page.locator(".ge-filter-fatalities").dispatch_event("change")
        # country and admin-1
        options = page.locator(".ge-filter-area option").all_inner_texts()
        assert any(o.startswith("PS (30)") for o in options)
        page.select_option(".ge-filter-area", "IL")
        assert shown() == (30, 30)
        page.select_option(".ge-filter-area", "")
        assert shown() == (60, 60)
        # the heat map follows the filter
        layer_checkbox(page, "Heat map").check()
        page.select_option(".ge-filter-area", "PS")
        assert shown() == (30, 30)
        assert page.evaluate("geoevents.heat._latlngs.length") == 30
        page.select_option(".ge-filter-area", "")
        shown()
        # markers grow with the fatalities
        sizes = page.evaluate(
            "geoevents.markers.map(m => m.options.icon.options.iconSize[0])")
        assert sizes[4] > sizes[3] > sizes[2] > sizes[0] == sizes[1]
        # brushing the timeline (daily bars over 90 days) selects a date range
        chart = page.locator(".ge-timeline-chart")
        assert "per day" in page.locator(".ge-timeline-title").inner_text()
        box = chart.bounding_box()
        page.mouse.move(box["x"] + 2, box["y"] + 20)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + 20, steps=5)
        page.mouse.up()
        visible, clustered = shown()
        window = page.evaluate("[geoevents.filter.from, geoevents.filter.to]")
        first = (date(2024, 1, 1) - date(1970, 1, 1)).days
        assert window[0] == first and first + 20 <= window[1] <= first + 35
        expected = sum(1 for e in events
                       if window[0] <= (date.fromisoformat(e.date) - date(1970, 1, 1)).days
                       <= window[1])
        assert visible == clustered == expected and 0 < expected < 60
        assert page.locator(".ge-filter-to").input_value() == (
            date(1970, 1, 1) + timedelta(days=window[1])).isoformat()
        assert page.locator(".ge-bar.ge-bar-on").count() < page.locator(".ge-bar").count()
        # a click without a drag selects all dates again
        page.mouse.click(box["x"] + 50, box["y"] + 20)
        assert shown() == (60, 60)
    finally:
        page.close()
    assert log.errors == [] and log.blocked == []


def test_popup_source_link_and_reason_stay_inert(browser, gaz, tmp_path):
    from geoevents.export import to_geodataframes

    docs = hostile_documents(gaz)
    docs[0].events[0].reason = f"Because {HOSTILE}"
    events, places = to_geodataframes(docs)
    events["title"] = [f"Title {HOSTILE}", "Plain title"]
    events["url"] = ['https://example.org/a?q="><script>alert(3)</script>',
                     "javascript:alert(4)"]
    path = tmp_path / "links.html"
    render_map(events, places=places).save(str(path))
    page, log = open_map(browser, path)
    try:
        page.evaluate("i => new Promise(done => geoevents.showEvent(i, () => done()))", 0)
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        link = popup.locator("a.ge-source")
        assert link.inner_text() == f"Title {HOSTILE}"
        assert link.get_attribute("href") == 'https://example.org/a?q="><script>alert(3)</script>'
        assert link.get_attribute("rel") == "noopener noreferrer"
        assert popup.locator(".ge-reason").inner_text() == f"Why: Because {HOSTILE}"
        assert popup.locator("img, script").count() == 0
        page.evaluate("() => { geoevents.map.closePopup(); }")
        page.evaluate("i => new Promise(done => geoevents.showEvent(i, () => done()))", 1)
        popup = page.locator(".leaflet-popup-content", has_text="Plain title")
        popup.wait_for()
        assert popup.locator("a").count() == 0  # a javascript: URL is never a link
        page.wait_for_timeout(200)
    finally:
        page.close()
    assert log.dialogs == [] and log.errors == [] and log.blocked == []
