"""Faults, found by property tests: events files cut short or overwritten anywhere, CSV
corpora with a quote that never closes, hostile text shapes through ``parse`` and the
server's ``/extract`` and ``/map``. Each answers or gives the project's clear error (an
InputError / an HTTP 4xx with a message); what it finds stays inside the text given; a
map never carries a hostile string unescaped."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoevents.errors import InputError

PUBLISHED = "2025-06-10"
TEXT = "Israeli forces raided Jenin on Monday and killed two men. Gunmen attacked Kano."
FORMATS = (".geojson", ".gpkg", ".fgb", ".parquet", ".csv")
QUICK = settings(max_examples=25, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def events_files(parser, tmp_path_factory) -> dict[str, bytes]:
    """The bytes of an events file (events layer only) in each format (a dict of its own
    type, so that a failing example does not print them)."""
    from geoevents import export

    folder = tmp_path_factory.mktemp("events")
    document = parser.parse(TEXT, published=PUBLISHED)
    assert document.events
    files = _Files()
    for ext in FORMATS:
        path = folder / f"ev{ext}"
        export.write(document, path)
        files[ext] = path.read_bytes()
    return files


class _Files(dict[str, bytes]):
    def __repr__(self) -> str:
        return f"<events files {', '.join(self)}>"


@QUICK
@given(ext=st.sampled_from(FORMATS), cut=st.floats(0, 1, exclude_max=True),
       damage=st.one_of(st.none(), st.binary(min_size=1, max_size=64)))
def test_an_events_file_cut_or_overwritten_anywhere_reads_or_says_why(
        events_files, tmp_path_factory, ext, cut, damage):
    """A truncated FlatGeobuf once raised an IndexError from inside pyogrio ("unexpected
    IndexError" from ``geoevents map``)."""
    from geoevents import export

    data = events_files[ext]
    at = int(cut * len(data))
    broken = data[:at] if damage is None else data[:at] + damage + data[at + len(damage):]
    path = tmp_path_factory.mktemp("broken") / f"ev{ext}"
    path.write_bytes(broken)
    try:
        events, _ = export.read(path)
    except InputError as exc:
        assert str(path) in str(exc)
    else:
        assert "event_type" in events.columns


def test_map_of_a_truncated_flatgeobuf_is_a_clear_error(events_files, tmp_path, cli):
    path = tmp_path / "ev.fgb"
    path.write_bytes(events_files[".fgb"][:1000])
    code, _, err = cli("map", str(path), "-o", str(tmp_path / "map.html"))
    assert code == 1
    assert f"cannot read {path}: no layer in it (a truncated file?)" in err
    assert not (tmp_path / "map.html").exists()


# -- CSV corpora with broken quoting ------------------------------------------------------------

def test_a_quote_that_never_closes_is_a_bad_row_not_a_swallowed_file(tmp_path):
    """The CSV reader takes everything after an unclosed quote as one field: the rows
    under it once vanished into one document's text without a word."""
    from geoevents.corpus import read_corpus

    path = tmp_path / "c.csv"
    path.write_text('id,text\na,Troops raided Jenin.\nb,"Shelling hit Gaza.\nc,Rafah\n'
                    'd,"Kano"\n', encoding="utf-8")
    records = list(read_corpus(path))
    assert [(r.id, r.text) for r in records if r.error is None] == [("a", "Troops raided Jenin.")]
    [bad] = [r for r in records if r.error is not None]
    assert bad.error == ("bad CSV row: a quote opened on line 3 is never closed (it runs to "
                         "the end of the file, line 5): close it")


def test_quoted_fields_over_several_lines_still_read(tmp_path):
    from geoevents.corpus import read_corpus

    path = tmp_path / "c.csv"
    path.write_text('id,text\na,"Troops raided ""Jenin""\non Monday."\nb,"Gaza" today\n',
                    encoding="utf-8")
    assert [(r.id, r.text, r.error) for r in read_corpus(path)] == [
        ("a", 'Troops raided "Jenin"\non Monday.', None), ("b", "Gaza today", None)]


@QUICK
@given(st.lists(st.text(st.sampled_from('ab,"\n '), max_size=12), min_size=1, max_size=6))
def test_any_csv_body_gives_records_or_errors(tmp_path_factory, rows):
    """Rows of quotes, commas and line breaks: records or errors, never an exception, and
    a quote left open is always reported (an odd number of quote marks in the file)."""
    from geoevents.corpus import read_corpus

    path = tmp_path_factory.mktemp("csv") / "c.csv"
    body = "\n".join(rows) + "\n"
    path.write_text("id,text\n" + body, encoding="utf-8")
    records = list(read_corpus(path))
    assert all(r.error is None or r.error.strip() for r in records)
    if body.count('"') % 2:
        assert any("is never closed" in (r.error or "") for r in records)


# -- hostile shapes of text through parse ------------------------------------------------------

SHAPES = st.one_of(
    st.builds(lambda n, w: "([{\"'" * n + f" {w} " + "'\"}])" * n, st.integers(1, 300),
              st.sampled_from(["Gaza", "Jenin", "killed"])),
    st.builds(lambda n: "( " * n + "Gaza " + ") " * n, st.integers(1, 500)),
    st.builds(lambda n, s: s * n, st.integers(1, 200), st.sampled_from(
        ["in Gaza, ", "\n", " \n\n\t", "GAZA, Jan 5 (AFP) - ", "جنين ", "加沙地带遭到空袭。",
         "💥👨‍👩‍👧 ", "Je\u0301nin ", "Z̴̢a̵l̸g̷o̶ ", "Ã©Ã¢â‚¬â„¢ ", "| 2024-03-01 | 12.5 |\n"])),
    st.builds(lambda s: s.encode("utf-8").decode("cp1252", errors="replace")
              .encode("utf-8").decode("cp1252", errors="replace"),
              st.sampled_from([TEXT, "Clashes in Deir ez-Zor — Aleppo’s “countryside”."])),
)


@QUICK
@given(st.lists(st.one_of(SHAPES, st.just(TEXT)), min_size=1, max_size=3).map(" ".join))
def test_hostile_shapes_parse_with_every_offset_in_place(parser, text):
    document = parser.parse(text, published=PUBLISHED)
    assert document.text == text
    for toponym in document.toponyms:
        assert 0 <= toponym.start < toponym.end <= len(text)
        assert text[toponym.start:toponym.end] == toponym.text
    for event in document.events:
        assert text[event.trigger_start:event.trigger_end] == event.trigger


# -- the server ------------------------------------------------------------------------------

HOSTILE = ['<script>alert(1)</script>', '"onerror=alert(2) x="', "<img src=x onerror=alert(3)>"]


@pytest.fixture(scope="module")
def client(gaz):
    from fastapi.testclient import TestClient

    from geoevents.server import create_app

    with TestClient(create_app(gaz, extract_timeout_s=300)) as client:
        yield client


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(SHAPES, st.text(max_size=60)),
       hostile=st.sampled_from(HOSTILE), doc_id=st.one_of(st.none(), st.sampled_from(HOSTILE)))
def test_extract_and_map_answer_hostile_text(client, text, hostile, doc_id):
    """Any text, with markup in a place name, an actor and the document id: /extract
    answers 200 with offsets inside the text or 4xx with a message; /map's HTML never holds
    the markup unescaped."""
    text = f"{text} {hostile} gunmen attacked the village of {hostile} near Jenin. {TEXT}"
    body = {"text": text, "published": PUBLISHED, **({"id": doc_id} if doc_id else {})}
    response = client.post("/extract", json=body)
    if response.status_code != 200:
        assert 400 <= response.status_code < 500 and response.json()["error"]["message"]
        return
    for feature in response.json()["features"]:
        props = feature["properties"]
        for start, end in ((props.get("trigger_start"), props.get("trigger_end")),
                           (props.get("location_start"), props.get("location_end"))):
            if start is not None:
                assert 0 <= start <= end <= len(text)
    page = client.post("/map", json=body)
    assert page.status_code == 200, page.text
    assert hostile not in page.text and "<script>alert" not in page.text

