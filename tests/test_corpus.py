"""Streaming corpus readers: folders, JSON Lines, CSV, single files, and bad records."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from geoevents.corpus import corpus_format, count_records, is_corpus, read_corpus
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
