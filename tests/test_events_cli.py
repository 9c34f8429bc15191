"""``geoevents extract`` and ``geoevents eval events`` from the command line."""

from __future__ import annotations

import json

from geoevents.cli import main


def run(capsys, *argv):
    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_skips_bad_records(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Gunmen killed five villagers in Kano on Monday.", '
        '"published": "2024-03-06"}\n'
        '{"id": "b", "text": \n'
        '{"id": "c", "text": "Police arrested 20 people in Lagos."}\n'
        '{"id": "d", "text": "Protesters marched in Accra.", "published": "soon"}\n',
        encoding="utf-8")
    out = tmp_path / "events.geojson"
    code, _, err = run(capsys, "extract", str(corpus), str(tmp_path / "missing.txt"),
                       "-o", str(out))
    assert code == 0
    assert "corpus.jsonl:2" in err and "missing.txt" in err and "skipped d" in err
    data = json.loads(out.read_text(encoding="utf-8"))
    docs = {f["properties"]["doc_id"] for f in data["features"]}
    assert docs == {"a", "c"}
    kano = next(f for f in data["features"] if f["properties"]["doc_id"] == "a")
    assert kano["properties"]["date"] == "2024-03-04"


def test_extract_bad_output_is_one_sentence(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("Gunmen killed five villagers in Kano.", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(text), "-o", str(tmp_path / "x.docx"))
    assert code != 0
    assert err.startswith("geoevents: error:") and "Traceback" not in err


def test_eval_events_json(eval_dir, capsys):
    code, out, _ = run(capsys, "eval", "events", str(eval_dir / "events"), "--limit", "20",
                       "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["location"]["examples"] == 20
    assert 0.0 <= report["case"]["weighted_f1"] <= 1.0
