"""``geoevents extract`` and ``geoevents eval events`` from the command line."""

from __future__ import annotations

import json


def test_extract_skips_bad_records(tmp_path, cli):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Gunmen killed five villagers in Kano on Monday.", '
        '"published": "2024-03-06"}\n'
        '{"id": "b", "text": \n'
        '{"id": "c", "text": "Police arrested 20 people in Lagos."}\n'
        '{"id": "d", "text": "Protesters marched in Accra.", "published": "soon"}\n',
        encoding="utf-8")
    out = tmp_path / "events.geojson"
    code, _, err = cli("extract", str(corpus), "-o", str(out))
    assert code == 0
    assert "corpus.jsonl:2" in err and "skipped d" in err
    data = json.loads(out.read_text(encoding="utf-8"))
    docs = {f["properties"]["doc_id"] for f in data["features"]}
    assert docs == {"a", "c"}
    kano = next(f for f in data["features"] if f["properties"]["doc_id"] == "a")
    assert kano["properties"]["date"] == "2024-03-04"


def test_extract_bad_output_is_one_sentence(tmp_path, cli):
    text = tmp_path / "a.txt"
    text.write_text("Gunmen killed five villagers in Kano.", encoding="utf-8")
    code, _, err = cli("extract", str(text), "-o", str(tmp_path / "x.docx"))
    assert code != 0
    assert err.startswith("geoevents: error:") and "Traceback" not in err


def test_eval_events_json(eval_dir, cli):
    code, out, _ = cli("eval", "events", str(eval_dir / "events"), "--limit", "20",
                       "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["location"]["examples"] == 20
    assert 0.0 <= report["case"]["weighted_f1"] <= 1.0


def test_a_missing_input_leaves_the_previous_output_alone(tmp_path, cli):
    good = tmp_path / "a.txt"
    good.write_text("Gunmen killed five villagers in Kano on Monday.", encoding="utf-8")
    out = tmp_path / "events.geojson"
    before = b'{"type": "FeatureCollection", "features": []}  (earlier results)'
    out.write_bytes(before)
    for args in ([str(tmp_path / "missing.txt")], [str(good), str(tmp_path / "typo.txt")],
                 ["/dev/null"]):
        code, _, err = cli("extract", *args, "-o", str(out))
        assert code == 1
        assert err.startswith("geoevents: error: cannot read ") and err.count("\n") == 1
        assert "nothing was written" in err
        assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "events.geojson"]


def test_cli_writes_every_place_like_python(tmp_path, cli):
    """``geoevents extract`` and ``geoevents.write`` write the same places layers."""
    from geoevents.export import places_path
    from geoevents.pipeline import parse

    text = ("Gunmen killed five villagers in Kano on Monday. The governor of Lagos "
            "condemned the attack.")
    source = tmp_path / "a.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "cli.geojson"
    code, _, err = cli("extract", str(source), "--published", "2024-03-06",
                       "-o", str(out))
    assert code == 0, err
    import geoevents

    doc = parse(text, published="2024-03-06", doc_id=str(source))
    geoevents.write([doc], tmp_path / "py.geojson")
    for layer in ("places_points", "places_lines", "places_polygons"):
        cli = json.loads(places_path(out, layer).read_text(encoding="utf-8"))
        py = json.loads(places_path(tmp_path / "py.geojson", layer).read_text(encoding="utf-8"))
        assert [f["id"] for f in cli["features"]] == [f["id"] for f in py["features"]]
    names = {f["properties"]["name"] for f in json.loads(
        places_path(out, "places_points").read_text(encoding="utf-8"))["features"]}
    assert "Lagos" in names  # mentioned without an event: still a place


def test_extract_acled_schema(tmp_path, cli):
    source = tmp_path / "a.txt"
    source.write_text("Gunmen killed five villagers in Kano on Monday.", encoding="utf-8")
    out = tmp_path / "acled.csv"
    code, _, err = cli("extract", str(source), "--published", "2024-03-06",
                       "--schema", "acled", "-o", str(out))
    assert code == 0, err
    import pandas as pd

    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    row = table.iloc[0]
    assert row["country"] == "Nigeria" and row["admin1"] == "Kano"
    assert row["admin2"] == "Kano Municipal"  # the GeoNames hierarchy of the place
    assert row["event_date"] == "2024-03-04" and row["fatalities"] == "5"
    assert row["notes"].startswith("Gunmen killed") and row["source"] == str(source)
    code, _, err = cli("extract", str(source), "--schema", "acled",
                       "-o", str(tmp_path / "x.fgb"))
    assert code == 1 and "--schema acled" in err


def test_python_m_geoevents_and_version():
    import os
    import subprocess
    import sys
    from pathlib import Path

    import geoevents

    done = subprocess.run([sys.executable, "-m", "geoevents", "--version"], capture_output=True,
                          text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert done.returncode == 0 and done.stdout == f"geoevents {geoevents.__version__}\n"


def test_dir_lists_the_lazy_public_api():
    import geoevents

    names = dir(geoevents)
    for name in ("geocode", "reverse", "Gazetteer", "parse", "parse_many", "extract_events",
                 "write", "read", "render_map", "to_geodataframe"):
        assert name in names and name in geoevents.__all__
    assert set(geoevents.__all__) == set(geoevents._EXPORTS)
    assert "import_module" not in names and "TYPE_CHECKING" not in names


def test_every_command_help_has_an_example(cli):
    import typer

    from geoevents.cli import app

    def commands(group, prefix: str = "") -> list[str]:
        out = []
        for name, command in group.commands.items():
            if hasattr(command, "commands"):  # a group of sub-commands
                out += commands(command, f"{prefix}{name} ")
            else:
                out.append(f"{prefix}{name}")
        return out

    every = commands(typer.main.get_command(app))
    assert "eval golden" in every and "map" in every
    for command in ["", *every]:
        code, out, _ = cli(*command.split(), "--help")
        assert code == 0 and "Example: geoevents" in out, command


def test_eval_events_details_one_row_per_gold_span(tmp_path, cli):
    data = tmp_path / "loc.jsonl"
    data.write_text('{"id": 1, "text": "Troops clashed in Goma and Kafr Nabuda.", '
                    '"verb": [7, 14], "locations": [[18, 22], [27, 38]]}\n', encoding="utf-8")
    details = tmp_path / "spans.csv"
    code, _, _ = cli("eval", "events", str(data), "--details", str(details))
    assert code == 0
    lines = details.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,start,end,text,status") and len(lines) == 3
    assert lines[1].startswith("1,18,22,Goma,resolved,Goma,")
    case = tmp_path / "case.tsv"
    case.write_text("id\tEventSnippet\tSubType\n1\tTroops clashed.\tARMED_CLASH\n",
                    encoding="utf-8")
    code, _, err = cli("eval", "events", str(case), "--details", str(details))
    assert code != 0 and "location" in err
