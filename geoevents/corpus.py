"""Streaming corpus readers: a folder of ``.txt`` files, JSON Lines, CSV, single ``.txt`` files.

Every reader yields :class:`Record` objects one at a time, so a corpus is never held in
memory. A record that cannot be processed — bad encoding, a malformed JSON line, a missing
or empty text, a text longer than ``max_chars`` — is yielded with ``error`` set (and no
text) instead of raising, so a batch run can log it and go on. Only problems with the
corpus as a whole (no such file, unknown format, a CSV without the text column) raise
:class:`~geoevents.errors.InputError`.

========================== ============================================================
input                      records
========================== ============================================================
folder                     every ``*.txt`` below it, sorted; id = path relative to it
``.jsonl`` / ``.ndjson``   one JSON object a line: ``id``, ``text``, optional
                           ``published``, ``url``, ``title`` (id defaults to ``file:line``)
``.csv`` / ``.tsv``        one row a record: ``--text-column`` (default ``text``),
                           ``--id-column`` (default ``id`` when present, else ``file:row``),
                           ``published``, ``url``, ``title`` when present
``.txt``                   one record; id = the path as given
========================== ============================================================

``.gz`` variants of JSON Lines and CSV are read transparently. Nothing is read whole: a
text file is read up to the size ``max_chars`` allows, and JSON Lines and CSV files a line
at a time with the same bound, so a 1 GB line or ``/dev/zero`` costs no more memory than
one record (and a file with no line end in sight is refused with an
:class:`~geoevents.errors.InputError`). A UTF-8 byte order mark is ignored.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from geoevents.errors import InputError

DEFAULT_MAX_CHARS = 200_000
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
TEXT_SUFFIX = ".txt"
METADATA_FIELDS = ("published", "url", "title")
BOM = b"\xef\xbb\xbf"
UTF8_MAX_BYTES = 4  # per character
# A line longer than its limit is skipped, reading on (a piece at a time) to its end;
# after this many bytes without a line end, the file is refused (/dev/zero, a binary file).
MAX_SKIPPED_LINE_BYTES = 256 * 2**20


@dataclass(frozen=True, slots=True)
class Record:
    """One document of a corpus, or the reason it cannot be processed (``error``)."""

    id: str
    text: str = ""
    published: str | None = None
    url: str | None = None
    title: str | None = None
    source: str = ""  # where it came from: "corpus.jsonl:17", "articles/a.txt"
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def corpus_format(path: Path) -> str:
    """``folder``, ``jsonl``, ``csv`` or ``txt`` for a corpus path; InputError otherwise.

    A missing ``.txt`` file is not an error here: it becomes an error record, like any
    document that cannot be read.
    """
    if path.is_dir():
        return "folder"
    suffix = _suffix(path)
    if suffix == TEXT_SUFFIX:
        return "txt"
    if not path.exists():
        raise InputError(f"cannot read {path}: no such file or directory")
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    raise InputError(f"cannot read {path}: unknown corpus format {suffix or '(no extension)'!r}; "
                     "use a folder of .txt files, .jsonl, .csv or .txt")


def is_corpus(path: Path) -> bool:
    """Whether ``path`` names many documents (a folder, JSON Lines or CSV)."""
    return path.is_dir() or _suffix(path) in (*JSONL_SUFFIXES, *CSV_SUFFIXES)


def _suffix(path: Path) -> str:
    """The format suffix, lower case, looking through ``.gz``."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_corpus(
    paths: Path | str | Iterable[Path | str],
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    text_column: str = "text",
    id_column: str | None = None,
) -> Iterator[Record]:
    """The records of one or more corpora, in order. See the module docstring."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if max_chars < 1:
        raise InputError(f"--max-chars must be at least 1, got {max_chars}")
    checked = [(Path(p), corpus_format(Path(p))) for p in paths]  # fail before reading
    for path, fmt in checked:
        if fmt == "folder":
            yield from _read_folder(path, max_chars)
        elif fmt == "jsonl":
            yield from _read_jsonl(path, max_chars)
        elif fmt == "csv":
            yield from _read_csv(path, max_chars, text_column, id_column)
        else:
            yield _read_text_file(path, str(path), max_chars)


def count_records(paths: Path | str | Iterable[Path | str], *, text_column: str = "text",
                  id_column: str | None = None) -> int:
    """How many records :func:`read_corpus` will yield (a cheap pass for the progress bar)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    limit = _jsonl_line_limit(DEFAULT_MAX_CHARS)
    total = 0
    for p in paths:
        path = Path(p)
        fmt = corpus_format(path)
        if fmt == "folder":
            total += sum(1 for _ in _text_files(path))
        elif fmt == "jsonl":
            with _open_binary(path) as fh:
                total += sum(1 for _, line, _ in _bounded_lines(fh, limit, path)
                             if line is None or line.strip())
        elif fmt == "csv":
            with _open_csv(path, limit) as (_, reader, _too_long, _quotes):
                total += sum(1 for row in _rows(reader) if row)
        else:
            total += 1
    return total


# --- folder and single files -------------------------------------------------------------

def _text_files(root: Path) -> Iterator[Path]:
    """``*.txt`` files below ``root`` in sorted order, skipping hidden files and folders."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith(TEXT_SUFFIX) and not name.startswith("."):
                yield Path(dirpath) / name


def _read_folder(root: Path, max_chars: int) -> Iterator[Record]:
    for path in _text_files(root):
        yield _read_text_file(path, path.relative_to(root).as_posix(), max_chars)


# byte order marks, longest first (UTF-32 LE's starts with UTF-16 LE's), and the codec that
# decodes what follows them
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_text(data: bytes) -> str:
    """The text of a file's bytes: in the Unicode encoding its byte order mark names
    (UTF-8, UTF-16 or UTF-32, as Windows editors save them), else UTF-8;
    UnicodeDecodeError when the bytes are not that encoding."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec)
    return data.decode("utf-8")


def _read_text_file(path: Path, doc_id: str, max_chars: int) -> Record:
    source = str(path)
    try:
        data = _read_bounded(path, UTF8_MAX_BYTES * max_chars)
    except OSError as exc:
        return _error(doc_id, source, f"cannot read file: {exc.strerror or exc}")
    except _TooLarge as exc:
        return _error(doc_id, source, f"file of {exc} is longer than --max-chars {max_chars}")
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        return _error(doc_id, source, _decode_reason(exc))
    return _checked(Record(id=doc_id, text=text, source=source), max_chars)


class _TooLarge(Exception):
    """A file over its size limit; the message is its size ("1,000 bytes")."""


def _read_bounded(path: Path | None, max_bytes: int) -> bytes:
    """The bytes of ``path`` (None: standard input); _TooLarge when it has more than
    ``max_bytes``, read no further than that: a huge file or an endless device costs
    ``max_bytes`` at most."""
    with path.open("rb") if path is not None else os.fdopen(
            os.dup(sys.stdin.fileno()), "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if path is not None and path.is_file() and size > max_bytes:
            raise _TooLarge(f"{size} bytes")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _TooLarge(f"more than {max_bytes} bytes")
    return data


def read_text(path: Path | str, *, max_chars: int) -> str:
    """The text of the file at ``path`` (``-``: standard input; UTF-8, or the encoding
    its byte order mark names), read no further than ``max_chars`` allows;
    :class:`~geoevents.errors.InputError` saying what is wrong (missing, a directory, too
    long, not UTF-8, unreadable)."""
    path = Path(path)
    try:
        data = _read_bounded(None if str(path) == "-" else path, UTF8_MAX_BYTES * max_chars)
    except _TooLarge as exc:
        raise InputError(f"{path} ({exc}) is longer than the limit of {max_chars:,} "
                         "characters; split it into smaller documents") from None
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a text file") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") \
            from None
    if len(text) > max_chars:
        raise InputError(f"{path} has {len(text):,} characters, more than the limit of "
                         f"{max_chars:,}; split it into smaller documents")
    return text


# --- JSON Lines ------------------------------------------------------------------------------

def _open_binary(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _jsonl_line_limit(max_chars: int) -> int:
    # JSON escapes take at most 6 bytes a character ("\\u0627"); longer lines are skipped
    # unparsed, a bounded piece at a time
    return 6 * max_chars + 4096


def _read_jsonl(path: Path, max_chars: int) -> Iterator[Record]:
    max_line = _jsonl_line_limit(max_chars)
    with _open_binary(path) as fh:
        for lineno, raw, size in _bounded_lines(fh, max_line, path):
            if raw is not None and not raw.strip():
                continue
            source = f"{path}:{lineno}"
            default_id = f"{path.name}:{lineno}"
            if raw is None:
                yield _error(default_id, source, f"line of {size} bytes is longer than "
                             f"--max-chars {max_chars}")
                continue
            yield _jsonl_record(raw, default_id, source, max_chars)


def _bounded_lines(fh: IO[bytes], limit: int,
                   path: Path) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, size in bytes) of each line of ``fh``, a UTF-8 byte order mark
    removed; a line longer than ``limit`` bytes comes as None (and is never held whole).
    InputError when a line runs on for more than :data:`MAX_SKIPPED_LINE_BYTES`."""
    lineno = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if lineno == 1 and line.startswith(BOM):
            line = line[len(BOM):]
        if len(line) <= limit or line.endswith(b"\n"):
            yield lineno, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = fh.readline(limit)
            size += len(line)
            if not line:
                break
            if size > max(MAX_SKIPPED_LINE_BYTES, limit):
                raise InputError(f"cannot read {path}: line {lineno} runs on for more than "
                                 f"{size:,} bytes without a line end; is it a text corpus?")
        yield lineno, None, size


def _jsonl_record(raw: bytes, default_id: str, source: str, max_chars: int) -> Record:
    line = raw.decode("utf-8", errors="surrogateescape")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        # (json's messages "Invalid control character at", "Unterminated string starting
        # at" end with the "at" that the column follows)
        return _error(default_id, source,
                      f"bad JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}")
    except RecursionError:  # json's decoder recurses once per level of nesting
        return _error(default_id, source, "bad JSON: nested too deeply")
    if not isinstance(obj, dict):
        return _error(default_id, source, f"expected a JSON object, got {type(obj).__name__}")
    doc_id = _identifier(obj.get("id"), default_id)
    if doc_id is None:
        return _error(default_id, source, "'id' must be a string or a number")
    text = obj.get("text")
    if text is None:
        return _error(doc_id, source, "no 'text' field")
    if not isinstance(text, str):
        return _error(doc_id, source, f"'text' must be a string, got {type(text).__name__}")
    return _with_metadata(doc_id, text, source, obj, max_chars)


def _identifier(value: Any, default: str) -> str | None:
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return _printable(str(value))


# --- CSV -----------------------------------------------------------------------------------

@contextmanager
def _open_csv(path: Path, max_line: int
              ) -> Iterator[tuple[list[str], Any, list[tuple[int, int]], list[int]]]:
    """A CSV/TSV file opened for streaming:
    ``with _open_csv(p, max_line) as (header, rows, too_long, quotes)``. Lines longer than
    ``max_line`` bytes reach the CSV reader as blank lines; ``too_long`` collects their
    (line number, size) as the reader passes them; ``quotes[0]`` counts the quote marks of
    the lines it has read (a row that read an odd number of them opened a quote that no
    line closed: it ran to the end of the file)."""
    too_long: list[tuple[int, int]] = []
    quotes = [0]
    with _open_binary(path) as fh:
        def lines() -> Iterator[str]:
            for lineno, raw, size in _bounded_lines(fh, max_line, path):
                if raw is None:
                    too_long.append((lineno, size))
                    yield "\n"
                else:  # undecodable bytes survive as surrogates, reported per record
                    quotes[0] += raw.count(b'"')
                    yield raw.decode("utf-8", errors="surrogateescape")

        delimiter = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
        # a field spanning many lines is bounded too (process-wide setting)
        csv.field_size_limit(max_line)
        reader = csv.reader(lines(), delimiter=delimiter)
        try:
            header = next(reader, [])
        except csv.Error as exc:
            raise InputError(f"cannot read {path}: bad CSV header: {exc}") from exc
        yield header, reader, too_long, quotes


def _rows(reader: Any) -> Iterator[list[str]]:
    """The rows of a CSV reader, skipping rows it cannot parse (for counting)."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error:
            continue


def _read_csv(path: Path, max_chars: int, text_column: str,
              id_column: str | None) -> Iterator[Record]:
    with _open_csv(path, _jsonl_line_limit(max_chars)) as (header, reader, too_long,
                                                            quotes):
        columns = {name.strip(): i for i, name in enumerate(header)}
        if text_column not in columns:
            found = ", ".join(repr(c) for c in columns) or "none"
            raise InputError(f"cannot read {path}: no text column {text_column!r} "
                             f"(columns: {found}); choose one with --text-column")
        if id_column is not None and id_column not in columns:
            raise InputError(f"cannot read {path}: no id column {id_column!r}")
        id_index = columns.get(id_column or "id")
        while True:
            line = reader.line_num + 1  # where the row starts (rows may span lines)
            source = f"{path}:{line}"
            default_id = f"{path.name}:{line}"
            quoted = quotes[0]
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield _error(default_id, source, f"bad CSV row: {exc}")
                continue
            if too_long:  # the row held (or was) a line too long to read
                for lineno, size in too_long:
                    yield _error(f"{path.name}:{lineno}", f"{path}:{lineno}",
                                 f"line of {size} bytes is longer than --max-chars {max_chars}")
                too_long.clear()
                continue
            if not row:  # a blank line
                continue
            if (quotes[0] - quoted) % 2:  # (the reader took the rest of the file as a field)
                yield _error(default_id, source, f"bad CSV row: a quote opened on line {line} "
                             f"is never closed (it runs to the end of the file, line "
                             f"{reader.line_num}): close it")
                continue
            yield _csv_record(row, columns, text_column, id_index, default_id, source,
                              max_chars)


def _csv_record(row: list[str], columns: dict[str, int], text_column: str,
                id_index: int | None, default_id: str, source: str, max_chars: int) -> Record:
    doc_id = default_id
    if id_index is not None and id_index < len(row) and row[id_index].strip():
        doc_id = _printable(row[id_index].strip())
    if len(row) != len(columns):
        return _error(doc_id, source, f"row has {len(row)} fields, the header {len(columns)}")
    fields = {name: row[i] for name, i in columns.items()}
    return _with_metadata(doc_id, fields[text_column], source, fields, max_chars)


# --- shared checks ---------------------------------------------------------------------------

def _with_metadata(doc_id: str, text: str, source: str, fields: dict[str, Any],
                   max_chars: int) -> Record:
    meta: dict[str, str | None] = {}
    for name in METADATA_FIELDS:
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            return _error(doc_id, source, f"{name!r} must be a string, got {type(value).__name__}")
        if value is not None and not _is_utf8(value):
            return _error(doc_id, source, f"bad encoding: {name!r} is not valid UTF-8")
        meta[name] = (value.strip() or None) if value is not None else None
    return _checked(Record(id=doc_id, text=text, source=source, **meta), max_chars)


def _checked(record: Record, max_chars: int) -> Record:
    """The record, or an error record when its text is unusable."""
    text = record.text
    reason = None
    if not text.strip():
        reason = "empty text"
    elif len(text) > max_chars:
        reason = f"text of {len(text)} characters is longer than --max-chars {max_chars}"
    elif not _is_utf8(text):
        reason = "bad encoding: text is not valid UTF-8"
    elif "\x00" in text:
        reason = "text contains NUL characters (a binary file?)"
    return record if reason is None else _error(record.id, record.source, reason)


def _error(doc_id: str, source: str, reason: str) -> Record:
    return Record(id=doc_id, source=source, error=reason)


def _decode_reason(exc: UnicodeDecodeError) -> str:
    byte = exc.object[exc.start:exc.start + 1].hex()
    return f"bad encoding: not UTF-8 (byte 0x{byte} at offset {exc.start})"


def _is_utf8(value: str) -> bool:
    """False when ``value`` holds undecodable bytes (surrogates) that UTF-8 cannot encode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(value: str) -> str:
    """An id safe to write as UTF-8 (undecodable bytes shown as escapes)."""
    return value.encode("utf-8", errors="backslashreplace").decode("utf-8")
