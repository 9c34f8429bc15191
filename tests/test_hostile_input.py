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
