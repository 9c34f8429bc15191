"""Hostile input, property-based where it fits: pathological text for the tokenizer,
arbitrary bytes in corpora, arbitrary queries over HTTP, wrong argument types in the
Python API, and clients that never finish their request headers."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoevents.errors import QueryError
from geoevents.textprep import (
    FORMAT_CHARACTERS,
    MAX_PUNCT_RUN,
    MAX_WORD,
    SPACE_SEPARATORS,
    SafeTokenizer,
    tokenizer_safe,
)

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
# text rich in what breaks tokenizers: punctuation runs, long words, odd whitespace
HOSTILE_TEXT = st.text(
    alphabet=st.sampled_from([*")(!?.,;:'\"-_/\\[]{}<>#@&*%$", "a", "B", "7", "é", "ي", " ",
                              "\n", "\t", "\u00a0", "\u202a", "\u200b", "\u00ad", "\x00",
                              "\x1b", "\x96"]),
    max_size=600)


# -- textprep --------------------------------------------------------------------------------


@FAST
@given(HOSTILE_TEXT)
def test_tokenizer_safe_keeps_length_and_bounds_runs(text):
    safe = tokenizer_safe(text)
    assert len(safe) == len(text)  # offsets stay valid
    assert all(a == b or b == " " for a, b in zip(text, safe, strict=True))
    assert not re.search(rf"[^\w\s]{{{MAX_PUNCT_RUN + 1},}}", safe)
    assert not re.search(rf"\S{{{MAX_WORD + 1},}}", safe)
    assert tokenizer_safe(safe) == safe  # nothing left to break


@FAST
@given(st.lists(st.sampled_from(["Shelling", "hit", "Gaza", "on", "Monday.", "(AFP)", "--",
                                 "?!", "\n", "U.S.-backed", "https://example.org/a/b"]),
                max_size=40).map(" ".join))
def test_ordinary_text_is_left_alone(text):
    assert tokenizer_safe(text) is text


@pytest.fixture(scope="module")
def blank_tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


@FAST
@given(text=HOSTILE_TEXT)
def test_safe_tokenizer_returns_the_original_text(blank_tokenizer, text):
    doc = SafeTokenizer(blank_tokenizer)(text)
    spaced = re.sub(f"[{SPACE_SEPARATORS}]", " ", text)  # but with plain spaces
    assert doc.text == spaced
    for token in doc:
        assert spaced[token.idx:token.idx + len(token)] == token.text


def test_format_characters_are_unicode_category_cf():
    import sys
    import unicodedata

    cf = {chr(i) for i in range(sys.maxunicode + 1) if unicodedata.category(chr(i)) == "Cf"}
    assert cf == set(re.findall(f"[{FORMAT_CHARACTERS}]", "".join(sorted(cf))))
    assert not re.search(f"[{FORMAT_CHARACTERS}]", "Aleppo \u00a0 \t\n -’")


def test_space_separators_are_unicode_category_zs_but_the_space():
    import sys
    import unicodedata

    zs = {chr(i) for i in range(sys.maxunicode + 1) if unicodedata.category(chr(i)) == "Zs"}
    assert zs - {" "} == set(re.findall(f"[{SPACE_SEPARATORS}]", "".join(sorted(zs))))


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u3000"])
def test_a_space_separator_is_a_space_between_tokens(blank_tokenizer, space):
    # 81 of the 2,617 location sentences of the events evaluation hold a no-break space
    text = f"Shelling hit parts{space}of Bustan Al-Basha."
    doc = SafeTokenizer(blank_tokenizer)(text)
    assert [t.text for t in doc][:4] == ["Shelling", "hit", "parts", "of"]
    assert doc.text == text.replace(space, " ") and doc[3].idx == text.index("of")


def test_format_characters_glued_to_a_name_become_tokens_of_their_own(blank_tokenizer):
    # scraped text: a bidi embedding before "Hmeymim" and "Idlib", a zero-width space and
    # a byte-order mark; a zero-width non-joiner inside a word is spelling and stays
    text = ("downed on the way to the\u00a0\u202aHmeymim\u00a0airbase in the \u202aIdlib\u202c "
            "province, \u200bnear \ufeffHama and in Mehr\u200cabad")
    doc = SafeTokenizer(blank_tokenizer)(text)
    assert doc.text == text.replace("\u00a0", " ")
    words = [t.text for t in doc]
    assert {"Hmeymim", "Idlib", "near", "Hama", "\u202a", "\u202c"} <= set(words)
    assert "Mehr\u200cabad" in words
    assert tokenizer_safe("Shelling hit Idlib.") == "Shelling hit Idlib."


def test_control_characters_and_markup_glued_to_words_become_tokens_of_their_own(
        blank_tokenizer):
    """Escape codes, cp1252 bytes read as latin-1, HTML tags and character references
    glued to a word made tokens such as "Younis\x1b", "Younis</b" and "&quot;Jenin&quot"."""
    text = ('Strikes\x1b hit Khan\x1b Younis\x96and <b>Khan Younis</b>, <a href="/x">Jenin</a>'
            '</a<b>, &quot;Hebron&quot; and Gaza&#8212;Rafah.')
    doc = SafeTokenizer(blank_tokenizer)(text)
    assert doc.text == text
    words = [t.text for t in doc]
    assert words.count("Younis") == 2 and words.count("Khan") == 2
    assert {"Strikes", "Jenin", "Hebron", "Gaza", "Rafah", "b", "/b", "quot", "8212",
            "\x1b", "\x96", "<", ">", "&", ";"} <= set(words)
    safe = tokenizer_safe(text)
    assert not re.search(r"[<>&\x1b\x96]", safe) and tokenizer_safe(safe) == safe
    for ordinary in ("Casualties < 5, 3 > 2 & 1; AT&T and Q&A;", "Marib\tcity\r\n\x0c"):
        assert tokenizer_safe(ordinary) is ordinary


def test_safe_tokenizer_is_linear_on_the_issue_inputs(blank_tokenizer):
    """The inputs that took spaCy 30 s to minutes: each token stays small, so the
    work is linear (timed in benchmarks/bench_textprep.py)."""
    tokenizer = SafeTokenizer(blank_tokenizer)
    for text in (")" * 20_000, "!?.,;:" * 2_000, "a" * 100_000):
        doc = tokenizer(text)
        assert doc.text == text
        assert max(len(t) for t in doc) <= MAX_WORD


# -- corpora of arbitrary bytes ----------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(st.lists(st.binary(max_size=80).filter(lambda b: b"\n" not in b and b"\r" not in b),
                min_size=1, max_size=12))
def test_any_jsonl_bytes_give_one_record_or_error_per_line(tmp_path_factory, lines):
    from geoevents.corpus import count_records, read_corpus

    path = tmp_path_factory.mktemp("c") / "c.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    records = list(read_corpus(path, max_chars=40))
    # a byte-order mark opening the file marks the encoding; it is no content of its own
    lines = [lines[0].removeprefix(b"\xef\xbb\xbf"), *lines[1:]]
    assert len(records) == sum(1 for line in lines if line.strip()) == count_records(path)
    for record in records:
        assert (record.error is None) == bool(record.text)
        assert record.error is None or isinstance(record.error, str)
        record.id.encode("utf-8")  # ids are always writable


# -- the HTTP API on arbitrary queries -------------------------------------------------------


@pytest.fixture(scope="module")
def client(gaz):
    from fastapi.testclient import TestClient

    from geoevents.server import create_app

    with TestClient(create_app(gaz)) as client:
        yield client


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=320))
def test_search_answers_exactly_by_the_query_rules(client, q):
    response = client.get("/search", params={"q": q, "limit": 2})
    text = q.strip()
    if "\x00" in q:
        expected = "query contains a NUL byte"
    elif not text:
        expected = "query is empty"
    elif len(text) > 300:
        expected = "query is longer than 300 characters"
    else:
        expected = None
    if expected is None:
        assert response.status_code == 200, response.text
        assert isinstance(response.json(), list) and len(response.json()) <= 2
    else:
        assert response.status_code == 400
        assert response.json()["error"]["message"].startswith(expected)


# -- wrong argument types in the Python API ---------------------------------------------------


@pytest.mark.parametrize(("call", "words"), [
    (lambda g: g.geocode(123), "query must be a string"),
    (lambda g: g.geocode("Jenin", country=5), "country must be a string"),
    (lambda g: g.geocode("Jenin", feature_class=["P"]), "feature_class must be a string"),
    (lambda g: g.geocode("Jenin", fuzzy="no"), "fuzzy must be True or False"),
    (lambda g: g.geocode("Jenin", gazetteer=5), "gazetteer must be a path"),
    (lambda g: g.reverse("a", "b"), "coordinates must be numbers"),
    (lambda g: g.reverse(True, 0), "coordinates must be numbers"),
    (lambda g: g.reverse(10**400, 0), "out of range"),
    (lambda g: g.reverse(91.0, 0), "latitude must be between -90 and 90"),
])
def test_wrong_argument_types_raise_query_error(call, words):
    import geoevents.geocoding as geocoding

    with pytest.raises(QueryError, match=re.escape(words)):
        call(geocoding)


def test_numpy_coordinates_are_numbers():
    import numpy as np

    import geoevents.geocoding as geocoding

    place = geocoding.reverse(np.float32(31.5), np.float32(34.47))
    assert place is not None and place.name == "Gaza"


# -- clients that never finish ----------------------------------------------------------------


@pytest.fixture(params=["HttpProtocol", "H11WithHeaderDeadline"])
def live_server(request, gaz, monkeypatch):
    """A real uvicorn server (with the header deadline at 0.5 s) on a free port, with the
    default protocol (httptools when installed) and with h11."""
    import uvicorn

    from geoevents.server import create_app, protocol

    monkeypatch.setattr(protocol, "HEADER_TIMEOUT_S", 0.5)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(gaz), host="127.0.0.1", port=port, log_level="error",
                            http=getattr(protocol, request.param), timeout_keep_alive=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join(10)


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    sock.settimeout(seconds)
    try:
        return sock.recv(1024) == b""
    except (TimeoutError, ConnectionResetError):
        return False


def test_incomplete_headers_are_cut_off(live_server):
    with socket.create_connection(("127.0.0.1", live_server)) as slow:
        slow.sendall(b"GET /status HTTP/1.1\r\nHost: localhost\r\n")  # never finished
        started = time.monotonic()
        for _ in range(3):  # a byte now and then does not keep it open
            time.sleep(0.1)
            slow.sendall(b"X")
        assert _closed_within(slow, 3)
        assert time.monotonic() - started < 2.5
    with socket.create_connection(("127.0.0.1", live_server)) as ok:
        ok.sendall(b"GET /status HTTP/1.1\r\nHost: localhost\r\n\r\n")
        ok.settimeout(5)
        assert ok.recv(4096).startswith(b"HTTP/1.1 200")
        # an idle keep-alive connection is closed too
        assert _closed_within(ok, 5)


def test_serve_refuses_bad_options_before_starting(tmp_path, capsys):
    from geoevents.cli import main
    from geoevents.cli.serve import default_hosts

    for args, words in (
            (["--api-key-file", str(tmp_path / "missing")], "cannot read the API key file"),
            (["--allowed-host", "a*b.org"], "--allowed-host")):
        with pytest.raises(SystemExit) as exit_info:
            main(["serve", *args])
        assert exit_info.value.code != 0
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err
    assert set(default_hosts("127.0.0.1")) == {"localhost", "127.0.0.1", "::1", "[::1]"}
    assert socket.gethostname() in default_hosts("0.0.0.0")


def test_extract_body_is_json_only(client):
    """Bodies in other shapes get 422 with the same error format (no 500)."""
    for body in (b"null", b"1e999", b'"text"', json.dumps({"text": ["a"]}).encode()):
        response = client.post("/extract", content=body,
                               headers={"Content-Type": "application/json"})
        assert response.status_code == 422, (body, response.text)
        assert set(response.json()) == {"error"}


def test_paths_in_messages(tmp_path: Path):
    """Error records name the input, never a traceback."""
    from geoevents.corpus import read_corpus

    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"id": 1, "text": 5}\n')
    [record] = read_corpus(path)
    assert record.error == "'text' must be a string, got int"


def test_bad_json_lines_say_where_once(tmp_path: Path):
    """A control character in a string, or a record cut short (the file's last line), is
    a bad JSON line whose reason reads "... at column N", not "... at at column N"."""
    from geoevents.corpus import read_corpus

    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Troops\x01 left"}\n{"id": "b", "text": "cut')
    assert [r.error for r in read_corpus(path)] == [
        "bad JSON: Invalid control character at column 28",
        "bad JSON: Unterminated string starting at column 21"]


# -- scraped text: character references, control characters, encodings -------------------------

# the same report as it reaches us clean and as scrapers and old encodings leave it
CLEAN_AND_SCRAPED = [
    ("Israeli strikes killed 12 people in Khan Younis, in the southern Gaza Strip, on Tuesday.",
     "Israeli strikes killed 12 people in Khan&nbsp;Younis, in the southern Gaza&#160;Strip, "
     "on Tuesday."),
    ("Israeli strikes killed 12 people in Khan Younis, in the southern Gaza Strip, on Tuesday.",
     "Israeli strikes killed 12 people in Khan\x00 Younis, in the southern Gaza\x1b Strip, "
     "on Tuesday."),
    ("Israeli strikes killed 12 people in Khan Younis, in the southern Gaza Strip, on Tuesday.",
     "Israeli strikes killed 12 people in Kh\u200ban Younis, in the \u202asouthern Gaza "
     "Strip\u202c, on Tuesday."),
    ('Government airstrikes hit the "Hama" countryside on Monday, killing three civilians.',
     "Government airstrikes hit the &quot;Hama&quot; countryside on Monday, killing three "
     "civilians."),
    ("Government airstrikes hit the \u201cHama\u201d countryside on Monday, killing three "
     "civilians.",
     "Government airstrikes hit the \x93Hama\x94 countryside on Monday, killing three "
     "civilians."),
    ("Shelling hit Deir ez-Zor on Monday, killing two soldiers.",
     "Shelling hit Deir\x0b ez-Zor on Monday, killing two soldiers."),
    ("Russian shelling hit Mariupol\u2019s port on Monday, killing two people.",
     "Russian shelling hit Mari\u00adupol&#8217;s port on Monday, killing two people."),
    ("Russian shelling hit Mariupol\u2019s port on Monday, killing two people.",
     "Russian shelling hit Mari&shy;upol&#x2019;s port on Monday, killing two people."),
]


@pytest.mark.parametrize(("text", "prepared"), [
    ("the &quot;Hama&quot; countryside", 'the "Hama" countryside'),
    ("Khan&nbsp;Younis", "Khan\u00a0Younis"),
    ("Israel&#8217;s and Israel&#x2019;s", "Israel\u2019s and Israel\u2019s"),
    ("AT&amp;T, AT&T, &unknown; and &amp;quot;", "AT&T, AT&T, &unknown; and &quot;"),
    ("Khan\x00 Younis\x00", "Khan Younis"),
    ("Deir\x0b ez-Zor, Gaza\x0bRafah", "Deir ez-Zor, Gaza Rafah"),
    ("Mari\u00adupol, Kh\u200ban Younis", "Mariupol, Khan Younis"),
    # outside a word, a format character is left to the tokenizer (a token of its own)
    ("\ufeff\u202aIdlib\u202c \u200b", "\ufeff\u202aIdlib\u202c \u200b"),
    ("\x93Hama\x94 and Israel\x92s \x81", "\u201cHama\u201d and Israel\u2019s "),
    # a zero-width non-joiner is Persian spelling
    ("\u0645\u06cc\u200c\u0634\u0648\u062f \U0001f468\u200d\U0001f469",
     "\u0645\u06cc\u200c\u0634\u0648\u062f \U0001f468\u200d\U0001f469"),
])
def test_prepare_decodes_references_and_removes_controls(text, prepared):
    from geoevents.textprep import prepare

    assert prepare(text).text == prepared


def test_prepare_leaves_ordinary_text_alone():
    from geoevents.textprep import prepare

    text = "Shelling hit Gaza on Monday (AFP) \u2014 \u201cthree\u201d killed; Q&A at 5."
    assert prepare(text).text is text and not prepare(text).edits


@FAST
@given(st.lists(st.sampled_from([
    "Khan", "Younis", " ", "&quot;", "&nbsp;", "&#8217;", "&#x2019;", "&#97;", "&amp;",
    "&bogus;", "&", ";", "\x00", "\x0b", "\x1c", "\x93", "\x81", "\u00ad", "\u200b",
    "\u200c", "\u202a", "\ufeff", "\u0634", "\U0001f600", "\n"]), max_size=40).map("".join))
def test_prepared_offsets_point_into_the_text_given(text):
    """Every word of the prepared text maps back to the span of the text given that
    prepares to it."""
    from geoevents.textprep import prepare

    prepared = prepare(text)
    for word in re.finditer(r"[A-Za-z]+", prepared.text):
        start, end = prepared.start(word.start()), prepared.end(word.end())
        assert 0 <= start < end <= len(text)
        assert prepare(text[start:end]).text == word.group()


def _facts(document):
    return ([(t.text, t.place.id if t.place else None) for t in document.toponyms],
            [(e.sub_event_type, e.trigger, e.location.id if e.location else None,
              e.fatalities) for e in document.events])


@pytest.mark.parametrize(("clean", "scraped"), CLEAN_AND_SCRAPED)
def test_scraped_text_reads_as_the_clean_text(parser, clean, scraped):
    """The same toponyms and events as the clean text, with every offset (names,
    sentences, triggers, locations, mentions) into the text given."""
    from geoevents.textprep import prepare

    document = parser.parse(scraped, doc_id="s")
    assert document.text == scraped
    assert _facts(document) == _facts(parser.parse(clean, doc_id="s"))
    assert document.events and any(t.place for t in document.toponyms)

    def read(start, end):
        return prepare(scraped[start:end]).text.replace("\u00a0", " ")

    for toponym in document.toponyms:
        assert read(toponym.start, toponym.end) == toponym.text
        sentence = read(*toponym.sentence)
        assert toponym.text in sentence and sentence.endswith(".")
    for event in document.events:
        assert read(event.trigger_start, event.trigger_end) == event.trigger
        assert event.location_start is not None and event.location_end is not None
        assert read(event.location_start, event.location_end) == event.location_text
        for mention in event.mentions:
            assert read(mention["start"], mention["end"]) == mention["trigger"]


def test_a_long_scraped_text_maps_its_pieces_back(parser):
    """A text parsed in pieces (longer than CHUNK_CHARS) has its offsets shifted to the
    whole prepared text, then mapped back to the text given."""
    from geoevents.pipeline import CHUNK_CHARS

    filler = "The&nbsp;talks went on.\x00 " * (CHUNK_CHARS // 20)
    text = filler + CLEAN_AND_SCRAPED[0][1]
    document = parser.parse(text)
    assert document.text == text
    [event] = document.events
    assert text[event.location_start:event.location_end] == "Khan&nbsp;Younis"
    assert text[event.trigger_start:event.trigger_end] == "strikes"


def test_forced_spans_read_the_text_as_given(parser):
    text = "Fighting near Khan&nbsp;Younis and Jenin."
    document = parser.parse(text, toponyms=[(35, 40)])
    assert [(t.start, t.end, t.text) for t in document.toponyms] == [(35, 40, "Jenin")]


# one bad document among good ones: (record, what its error says, or None: good)
GOOD = "Israeli strikes killed 12 people in Khan Younis on Tuesday."
BATCH = [
    ({"id": "good", "text": GOOD}, None),
    ({"id": "number", "text": 5}, "text must be a string"),
    ({"id": "surrogate", "text": "Gaza \ud800"}, "lone surrogate"),
    ({"id": "huge", "text": "x" * 5_000_001}, "more than the limit"),
    ({"id": "line", "text": "Kh" * 2_500_000}, None),  # 5 MB without a space
    ({"id": "html", "text": "<div>" * 20_000 + GOOD + "</div>" * 20_000}, None),
    ({"id": "rtl", "text": "\u200f\u202b" + GOOD + " \U0001f622\U0001f1f5\U0001f1f8\u202c"},
     None),
    ({"id": "nul", "text": GOOD.replace(" ", "\x00 ")}, None),
    ({"id": "no text"}, "no 'text' field"),
    ("a string, not a record: " + GOOD, None),
]


def test_one_bad_document_never_kills_a_python_batch(parser):
    import geoevents

    expected = _facts(parser.parse(GOOD))[1]
    documents = list(geoevents.parse_many([record for record, _ in BATCH]))
    assert len(documents) == len(BATCH)
    for document, (record, error) in zip(documents, BATCH, strict=True):
        if isinstance(record, dict) and record["id"] != "no text":
            assert document.doc_id == record["id"]
        if error is not None:
            assert document.error is not None and error in document.error
            assert not document.events
        elif document.doc_id == "line":
            assert document.error is None and not document.events
        else:
            assert document.error is None, document.error
            assert _facts(document)[1] == expected, document.doc_id


def test_one_bad_document_never_kills_a_cli_batch(tmp_path, cli):
    """Text files in UTF-16 with a byte-order mark are read; cp1252 and latin-1 files, a
    file with NULs (binary, or UTF-16 without its mark) and bad JSON Lines lines are
    skipped, each named; the good documents' events come out."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "cp1252.txt").write_bytes(("\u201cAir strike\u201d: " + GOOD).encode("cp1252"))
    (folder / "latin1.txt").write_bytes(("Caf\u00e9 owner says: " + GOOD).encode("latin-1"))
    (folder / "nul.txt").write_bytes(GOOD.replace(" ", "\x00 ").encode("utf-8"))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b"\n".join([
        json.dumps({"id": "j1", "text": GOOD}).encode(),
        b'{"id": "j2", "text": ',
        b"\xff\xfe binary junk \x00\x01",
        json.dumps({"id": "j4", "text": "&quot;" + GOOD + "&quot;"}).encode(),
        json.dumps({"id": "j5", "text": ["not", "text"]}).encode(),
        json.dumps({"id": "j6", "text": GOOD}, ensure_ascii=False).encode("utf-8"),
    ]) + b"\n")
    out = tmp_path / "events.geojson"
    code, _, err = cli("extract", str(folder), str(corpus), "-o", str(out), "--no-dedup")
    assert code == 0, err
    for named in ("cp1252.txt", "latin1.txt", "nul.txt", "corpus.jsonl:2", "corpus.jsonl:3",
                  "j5"):
        assert named in err, (named, err)
    assert "Traceback" not in err
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    events = {f["properties"]["doc_id"] for f in features
              if f["properties"].get("event_type")}
    assert events == {"utf16.txt", "j1", "j4", "j6"}


def test_one_bad_document_never_kills_a_server_batch(gaz):
    """/extract answers per document: the good ones extracted, each bad one an entry of
    'errors' naming it."""
    from fastapi.testclient import TestClient

    from geoevents.server import create_app

    documents = [
        {"id": "good", "text": GOOD},
        {"id": "number", "text": 5},
        {"id": "empty", "text": ""},
        {"id": "surrogate", "text": "Gaza \ud800"},
        {"id": "nul", "text": GOOD.replace(" ", "\x00 ")},
        {"id": "html", "text": "<div>" * 2_000 + GOOD + "</div>" * 2_000},
        {"id": "rtl", "text": "\u200f" + GOOD + " \U0001f622"},
        {"id": "entities", "text": GOOD.replace(" ", "&nbsp;")},
        "not a document",
        {"id": "extra", "text": GOOD, "colour": "red"},
        {"id": "calendar", "text": "Shelling hit Gaza yesterday.", "published": "0001-01-01"},
    ]
    body = json.dumps({"documents": documents}).encode()  # (json.dumps keeps "\ud800")
    with TestClient(create_app(gaz, extract_timeout_s=300)) as client:  # (a cold worker)
        response = client.post("/extract", content=body,
                               headers={"Content-Type": "application/json"})
        # a lone bad text is still an error of the request
        lone = client.post("/extract", json=documents[-1])
    assert lone.status_code == 422 and "outside the calendar" in lone.text
    assert response.status_code == 200, response.text
    answer = response.json()
    errors = {e["index"]: e for e in answer["errors"]}
    assert set(errors) == {1, 2, 3, 8, 9, 10}
    for index, words in ((1, "'documents.1.text': Input should be a valid string"),
                         (2, "'documents.2.text': String should have at least 1 character"),
                         (3, "'documents.3.text'"), (8, "'documents.8': Input should be a "
                                                        "valid dictionary"),
                         (9, "'documents.9.colour'"), (10, "outside the calendar")):
        assert words in errors[index]["error"]
        assert errors[index]["id"] == (None if index == 8 else documents[index]["id"])
    located = {f["properties"]["doc_id"] for f in answer["features"]
               if f["properties"]["layer"] == "event" and f["geometry"]}
    assert located == {"good", "nul", "html", "rtl", "entities"}
