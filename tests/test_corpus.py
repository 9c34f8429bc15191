"""Streaming corpus readers: folders, JSON Lines, CSV, single files, and bad records."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from geoevents.corpus import corpus_format, count_records, is_corpus, read_corpus, read_text
from geoevents.errors import InputError


def _jsonl(path: Path, lines: list[object]) -> Path:
    with path.open("wb") as fh:
        for line in lines:
            fh.write(line if isinstance(line, bytes) else json.dumps(line).encode() + b"\n")
    return path


def test_folder_of_text_files_sorted_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Clashes in Jenin.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("\ufeffShelling near Gaza.", encoding="utf-8")  # BOM
    (tmp_path / "notes.md").write_text("not a document")
    (tmp_path / ".hidden.txt").write_text("skipped")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 in Paris")
    (tmp_path / "empty.txt").write_text("  \n")

    records = list(read_corpus(tmp_path))

    assert [r.id for r in records] == ["a.txt", "bad.txt", "empty.txt", "b/two.txt"]
    by_id = {r.id: r for r in records}
    assert by_id["a.txt"].text == "Shelling near Gaza."
    assert by_id["b/two.txt"].ok
    assert by_id["bad.txt"].error == "bad encoding: not UTF-8 (byte 0xe9 at offset 3)"
    assert by_id["empty.txt"].error == "empty text"
    assert count_records(tmp_path) == len(records)


def test_folder_order_is_stable_and_depth_first(tmp_path: Path) -> None:
    for name in ("z.txt", "a/y.txt", "a/b/x.txt", "m.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"text {name}")
    ids = [r.id for r in read_corpus(tmp_path)]
    assert ids == ["m.txt", "z.txt", "a/y.txt", "a/b/x.txt"]
    assert ids == [r.id for r in read_corpus(tmp_path)]


def test_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "news.jsonl", [
        {"id": "a1", "text": "Air strike on Rafah.", "published": "2024-05-01",
         "url": "https://example.org/a1", "title": "Rafah"},
        {"id": 7, "text": "Protest in Cairo."},
        b"{not json\n",
        b"\n",
        [1, 2],
        {"id": "no-text"},
        {"id": "num-text", "text": 12},
        {"id": "bad-date", "text": "x", "published": 2024},
        {"text": "No id here."},
        b'{"id": "latin1", "text": "caf\xe9"}\n',
        {"id": "empty", "text": ""},
        {"id": {"x": 1}, "text": "object id"},
    ])

    records = list(read_corpus(path))

    assert [r.id for r in records] == [
        "a1", "7", "news.jsonl:3", "news.jsonl:5", "no-text", "num-text", "bad-date",
        "news.jsonl:9", "latin1", "empty", "news.jsonl:12"]
    a1 = records[0]
    assert (a1.text, a1.published, a1.url, a1.title) == (
        "Air strike on Rafah.", "2024-05-01", "https://example.org/a1", "Rafah")
    assert a1.source == f"{path}:1"
    assert records[1].ok and records[1].published is None
    reasons = {r.id: r.error for r in records}
    assert reasons["news.jsonl:3"].startswith("bad JSON: ")
    assert reasons["news.jsonl:5"] == "expected a JSON object, got list"
    assert reasons["no-text"] == "no 'text' field"
    assert reasons["num-text"] == "'text' must be a string, got int"
    assert reasons["bad-date"] == "'published' must be a string, got int"
    assert records[7].ok and records[7].text == "No id here."
    assert reasons["latin1"] == "bad encoding: text is not valid UTF-8"
    assert reasons["empty"] == "empty text"
    assert reasons["news.jsonl:12"] == "'id' must be a string or a number"
    assert count_records(path) == len(records)


def test_max_chars_rejects_long_records_without_raising(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "c.jsonl", [
        {"id": "short", "text": "x" * 10},
        {"id": "long", "text": "x" * 11},
        {"id": "huge", "text": "y" * 10_000},  # line longer than 6 bytes a character
    ])
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "big.txt").write_text("z" * 100)

    records = list(read_corpus(path, max_chars=10))
    folder = list(read_corpus(tmp_path / "folder", max_chars=10))

    assert records[0].ok
    assert records[1].error == "text of 11 characters is longer than --max-chars 10"
    assert records[2].id == "c.jsonl:3"  # rejected before parsing: no id known
    assert records[2].error.endswith("is longer than --max-chars 10")
    assert folder[0].error == "file of 100 bytes is longer than --max-chars 10"


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g", "text": "Shelling in Kharkiv."}) + "\n")
    assert [(r.id, r.text) for r in read_corpus(path)] == [("g", "Shelling in Kharkiv.")]
    assert count_records(path) == 1


def test_csv_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        'doc,body,published,extra\n'
        'd1,"Clashes in Jenin,\nthen a curfew.",2024-05-01,x\n'
        ',Unnamed row,,y\n'
        'd3,,,\n'
        'd4,too,many,fields,here\n', encoding="utf-8")

    records = list(read_corpus(path, text_column="body", id_column="doc"))

    assert [r.id for r in records] == ["d1", "c.csv:4", "d3", "d4"]
    assert records[0].text == "Clashes in Jenin,\nthen a curfew."
    assert records[0].published == "2024-05-01"
    assert records[1].ok and records[1].published is None
    assert records[2].error == "empty text"
    assert records[3].error == "row has 5 fields, the header 4"
    assert count_records(path, text_column="body") == 4


def test_csv_default_id_column_and_bad_encoding(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"id,text\nx1,caf\xe9\nx2,fine\n")
    records = list(read_corpus(path))
    assert [(r.id, r.error) for r in records] == [
        ("x1", "bad encoding: text is not valid UTF-8"), ("x2", None)]


def test_tsv(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_text("id\ttext\nt1\tA raid near Hebron.\n", encoding="utf-8")
    assert [(r.id, r.text) for r in read_corpus(path)] == [("t1", "A raid near Hebron.")]


def test_csv_missing_columns_are_input_errors(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,body\n1,text\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no text column 'text'.*--text-column"):
        list(read_corpus(path))
    with pytest.raises(InputError, match="no id column 'doc'"):
        list(read_corpus(path, text_column="body", id_column="doc"))


def test_single_text_files_and_many_inputs(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Shelling in Donetsk.")
    lines = _jsonl(tmp_path / "c.jsonl", [{"id": "j", "text": "Strike on Sanaa."}])
    records = list(read_corpus([one, lines, tmp_path / "missing.txt"]))
    assert [(r.id, r.ok) for r in records] == [(str(one), True), ("j", True),
                                               (str(tmp_path / "missing.txt"), False)]
    assert records[2].error == "cannot read file: No such file or directory"
    assert count_records([one, lines]) == 2


def test_corpus_errors_raise_before_reading(tmp_path: Path) -> None:
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match="no such file"):
        read_corpus(tmp_path / "missing.jsonl").__next__()
    with pytest.raises(InputError, match=r"unknown corpus format '\.docx'"):
        corpus_format(tmp_path / "x.docx")
    with pytest.raises(InputError, match="--max-chars must be at least 1"):
        next(read_corpus(tmp_path, max_chars=0))


def test_is_corpus(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "c.jsonl").write_text("")
    assert is_corpus(tmp_path) and is_corpus(tmp_path / "c.jsonl")
    assert is_corpus(tmp_path / "news.csv.gz")
    assert not is_corpus(tmp_path / "a.txt")


def test_reading_is_streaming(tmp_path: Path) -> None:
    """The reader yields the first record before it has read the rest of the file."""
    path = _jsonl(tmp_path / "c.jsonl", [{"id": str(i), "text": "t"} for i in range(3)])
    records = read_corpus(path)
    assert next(records).id == "0"
    with path.open("ab") as fh:  # appended after the reader started: still seen
        fh.write(json.dumps({"id": "late", "text": "t"}).encode() + b"\n")
    assert [r.id for r in records] == ["1", "2", "late"]


# -- bounded reading ------------------------------------------------------------------------


def test_utf8_bom_keeps_the_first_jsonl_record(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "first", "text": "Gaza."}).encode()
                     + b"\n" + json.dumps({"id": "second", "text": "Jenin."}).encode() + b"\n")
    records = list(read_corpus(path))
    assert [(r.id, r.text, r.error) for r in records] == [
        ("first", "Gaza.", None), ("second", "Jenin.", None)]
    assert count_records(path) == 2
    csv_path = tmp_path / "bom.csv"
    csv_path.write_bytes(b"\xef\xbb\xbfid,text\nx,Rafah.\n")
    assert [(r.id, r.text) for r in read_corpus(csv_path)] == [("x", "Rafah.")]


def test_giant_lines_are_skipped_without_holding_them(tmp_path: Path) -> None:
    """A 20 MB line costs a bounded amount of memory and becomes one error record; the
    records after it are read."""
    import tracemalloc

    path = tmp_path / "giant.jsonl"
    with path.open("wb") as fh:
        fh.write(json.dumps({"id": "a", "text": "Gaza."}).encode() + b"\n")
        fh.write(b'{"id": "huge", "text": "' + b"x" * 20_000_000 + b'"}\n')
        fh.write(json.dumps({"id": "b", "text": "Jenin."}).encode() + b"\n")
    tracemalloc.start()
    try:
        records = list(read_corpus(path, max_chars=100_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r.id for r in records] == ["a", "giant.jsonl:2", "b"]
    assert records[1].error == "line of 20000027 bytes is longer than --max-chars 100000"
    assert peak < 5_000_000  # one line limit (600 kB) and change, not 20 MB
    csv_path = tmp_path / "giant.csv"
    with csv_path.open("wb") as fh:
        fh.write(b"id,text\na,Gaza.\nhuge," + b"y" * 5_000_000 + b"\nb,Jenin.\n")
    records = list(read_corpus(csv_path, max_chars=1000))
    assert [(r.id, r.error) for r in records] == [
        ("a", None), ("giant.csv:3", "line of 5000006 bytes is longer than --max-chars 1000"),
        ("b", None)]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_inputs_stop_at_the_limit(tmp_path: Path) -> None:
    from geoevents.corpus import read_text

    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    [record] = read_corpus(tmp_path / "zero.txt", max_chars=1000)
    assert record.error == "file of more than 4000 bytes is longer than --max-chars 1000"
    for name in ("zero.jsonl", "zero.csv"):
        with pytest.raises(InputError, match="without a line end; is it a text corpus"):
            list(read_corpus(tmp_path / name, max_chars=1000))
    with pytest.raises(InputError, match="is longer than the limit of 1,000 characters"):
        read_text(tmp_path / "zero.txt", max_chars=1000)


def test_read_text_reports_each_problem(tmp_path: Path) -> None:
    from geoevents.corpus import read_text

    (tmp_path / "ok.txt").write_bytes(b"\xef\xbb\xbfKhan Younis")
    assert read_text(tmp_path / "ok.txt", max_chars=11) == "Khan Younis"
    (tmp_path / "big.txt").write_bytes(b"x" * 5_000)
    cases = {
        tmp_path / "missing.txt": "no such file",
        tmp_path: "is a directory",
        tmp_path / "big.txt": "(5000 bytes) is longer than the limit of 1,000 characters",
    }
    for path, words in cases.items():
        with pytest.raises(InputError, match=re.escape(words)):
            read_text(path, max_chars=1000)
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9")
    with pytest.raises(InputError, match="is not UTF-8 text"):
        read_text(tmp_path / "latin.txt", max_chars=1000)
    (tmp_path / "chars.txt").write_text("é" * 600, encoding="utf-8")  # 1,200 bytes
    with pytest.raises(InputError, match="600 characters, more than the limit of 500"):
        read_text(tmp_path / "chars.txt", max_chars=500)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_text_files_with_a_byte_order_mark_are_read_in_their_encoding(
        tmp_path: Path, encoding: str) -> None:
    """A byte order mark says which Unicode encoding a file is in (Windows editors save
    UTF-16 with one): such a file is read, not refused as 'not UTF-8'."""
    import codecs

    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    text = "Shelling near Ḩalab and Gaza — 3 killed."
    data = boms.get(encoding, b"") + text.encode(encoding)
    (tmp_path / "a.txt").write_bytes(data)

    [record] = list(read_corpus(tmp_path))
    assert record.ok and record.text == text
    assert read_text(tmp_path / "a.txt", max_chars=1000) == text


def test_utf16_without_a_byte_order_mark_is_still_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Shelling near Gaza.".encode("utf-16-le"))
    [record] = list(read_corpus(tmp_path))
    assert not record.ok
