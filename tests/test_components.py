"""The spaCy components: add_pipe on a fresh pipeline gives exactly what geoevents.parse
gives; the config reaches the stages; spaCy finds the factories through the entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_PUBLISHED = "2023-07-05"  # as in conftest.py and `make demo`

SENTENCES = [
    ("Israeli jets struck targets near Khan Younis on Tuesday, killing three people.",
     "2024-05-14"),
    ("Protesters gathered outside the parliament in Beirut yesterday.", "2023-10-07"),
    ("Russian forces shelled Kharkiv and Izium overnight.", None),
]


@pytest.fixture(scope="module")
def nlp(gaz):
    """A freshly loaded spaCy pipeline (not geoevents' own) with both components added."""
    import spacy

    import geoevents.components  # noqa: F401  (the entry point does this for an installed package)
    from geoevents.nlp import model_name

    nlp = spacy.load(model_name())
    nlp.add_pipe("geoevents_toponyms")
    nlp.add_pipe("geoevents_events")
    return nlp


def run(nlp, text: str, published: str | None, doc_id: str):
    doc = nlp.make_doc(text)
    doc._.published, doc._.doc_id = published, doc_id
    return nlp(doc)


def toponym_rows(toponyms) -> list[tuple]:
    return [(t.start, t.end, t.text, t.place and t.place.id, round(t.confidence, 6), t.reason)
            for t in toponyms]


def test_add_pipe_gives_what_parse_gives_on_the_seed_article(nlp, seed_text):
    from geoevents import parse

    doc = run(nlp, seed_text, SEED_PUBLISHED, "seed")
    document = parse(seed_text, published=SEED_PUBLISHED, doc_id="seed")

    assert len(document.toponyms) > 20 and len(document.events) > 5
    assert toponym_rows(doc._.toponyms) == toponym_rows(document.toponyms)
    assert [e.to_dict() for e in doc._.events] == [e.to_dict() for e in document.events]


@pytest.mark.parametrize("text, published", SENTENCES)
def test_add_pipe_gives_what_parse_gives_on_sentences(nlp, text, published):
    from geoevents import parse

    doc = run(nlp, text, published, "s")
    document = parse(text, published=published, doc_id="s")

    assert doc._.toponyms and doc._.events  # every sentence names a place and an event
    assert toponym_rows(doc._.toponyms) == toponym_rows(document.toponyms)
    assert [e.to_dict() for e in doc._.events] == [e.to_dict() for e in document.events]


def test_the_publication_date_set_on_the_doc_dates_the_events(nlp):
    text = SENTENCES[1][0]  # "... yesterday."
    dated = run(nlp, text, "2023-10-07", "d")
    undated = run(nlp, text, None, "d")
    assert [e.date for e in dated._.events] == ["2023-10-06"]
    assert [e.date for e in undated._.events] == [None]


def test_the_orchestration_runs_the_same_components(gaz):
    from geoevents.components import EventStage, ToponymStage
    from geoevents.pipeline import geoparser

    parser = geoparser()
    assert isinstance(parser.toponym_stage, ToponymStage)
    assert isinstance(parser.event_stage, EventStage)
    document, doc = parser.analyse("Troops left Jenin.", published="2023-07-05", doc_id="j")
    assert doc is not None
    assert doc._.toponyms and [t.text for t in doc._.toponyms] == ["Jenin"]
    assert doc._.events == document.events and doc._.doc_id == "j"


def ranker_file(tmp_path: Path) -> Path:
    """A ranker JSON file: the hand-set weights with countries strongly penalised, so a
    name that is both a country and a state ("Georgia") resolves to the state."""
    from importlib.resources import files

    data = json.loads(files("geoevents.data").joinpath("rankers/hand-set.json").read_text())
    data["name"], data["trained_on"] = "no countries", "my-gold.xml"
    data["weights"]["is_country"] = -20.0
    path = tmp_path / "no-countries.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_config_values_reach_the_stages(gaz, tmp_path):
    import spacy

    import geoevents.components  # noqa: F401
    from geoevents.gazetteer.store import default_path
    from geoevents.nlp import model_name

    nlp = spacy.load(model_name(), exclude=["lemmatizer"])
    stage = nlp.add_pipe("geoevents_toponyms", config={
        "gazetteer": str(default_path()), "ranker": str(ranker_file(tmp_path)),
        "min_importance": 0.9, "min_confidence": 1.01})
    assert stage.gazetteer.path == default_path()
    assert stage.resolver.ranker.name == "no countries"
    assert stage.resolver.ranker.trained_on == "my-gold.xml"
    assert stage.recogniser.min_importance == 0.9
    assert stage.resolver.min_confidence == 1.01
    assert nlp.config["components"]["geoevents_toponyms"]["ranker"] == str(
        ranker_file(tmp_path))
    # no probability reaches 1.01: every name stays unresolved, with its candidates
    doc = nlp("Troops left Jenin and Hebron.")
    assert [t.text for t in doc._.toponyms] == ["Jenin", "Hebron"]
    assert all(t.place is None and t.candidates for t in doc._.toponyms)


def test_a_ranker_file_is_really_used(nlp, gaz, tmp_path):
    import spacy

    from geoevents.nlp import model_name

    text = "Troops left Georgia."
    default = nlp(text)._.toponyms[0].place  # the hand-set ranker
    assert (default.feature_code, default.country_code) == ("PCLI", "GE")
    own = spacy.load(model_name(), exclude=["lemmatizer"])
    own.add_pipe("geoevents_toponyms", config={"ranker": str(ranker_file(tmp_path))})
    place = own(text)._.toponyms[0].place
    assert (place.feature_code, place.country_code) == ("ADM1", "US")


def test_forced_spans_on_the_doc_are_resolved_instead(nlp):
    text = "Troops left Jenin; Hebron was calm."
    doc = nlp.make_doc(text)
    doc._.toponym_spans = [(12, 17)]
    doc = nlp(doc)
    assert [(t.text, t.place.country_code) for t in doc._.toponyms] == [("Jenin", "PS")]


def test_events_without_the_toponym_component_is_a_clear_error(gaz):
    import spacy

    import geoevents.components  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("geoevents_events")
    with pytest.raises(ValueError, match="add 'geoevents_toponyms' to the pipeline before"):
        nlp("Jets struck Gaza.")


def test_the_entry_point_names_the_registered_factories():
    """pyproject's spacy_factories entry points resolve to the factories spaCy registers."""
    import importlib

    import spacy

    import geoevents.components as components

    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = table["project"]["entry-points"]["spacy_factories"]
    assert set(entry_points) == {components.TOPONYMS, components.EVENTS}
    for name, target in entry_points.items():
        module, attr = target.split(":")
        factory = getattr(importlib.import_module(module), attr)
        assert spacy.registry.factories.get(name) is factory
        assert spacy.language.Language.has_factory(name)


def test_add_pipe_needs_no_import_of_geoevents(tmp_path: Path, gaz):
    """In a fresh interpreter that sees geoevents' entry points (a dist-info written from
    pyproject.toml, as an installed package has), add_pipe finds the components without
    the script importing geoevents, and gives what geoevents.parse gives."""
    from geoevents import parse
    from geoevents.nlp import model_name

    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = table["project"]["entry-points"]["spacy_factories"]
    dist = tmp_path / "geoevents_entry_points-0.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: geoevents-entry-points\n"
                                   "Version: 0.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        "[spacy_factories]\n" + "".join(f"{k} = {v}\n" for k, v in entry_points.items()),
        encoding="utf-8")
    script = f"""
import json, sys
import spacy
nlp = spacy.load({model_name()!r})  # spaCy imports the entry points' modules itself
nlp.add_pipe("geoevents_toponyms")
nlp.add_pipe("geoevents_events")
doc = nlp.make_doc(sys.argv[1])
doc._.published = sys.argv[2]
doc = nlp(doc)
print(json.dumps({{"toponyms": [t.to_dict() for t in doc._.toponyms],
                  "events": [e.to_dict() for e in doc._.events]}}))
"""
    text, published = SENTENCES[0]
    paths = [str(tmp_path), str(ROOT), os.environ.get("PYTHONPATH", "")]
    out = subprocess.run([sys.executable, "-c", script, text, published],
                         capture_output=True, text=True, timeout=300, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)})
    result = json.loads(out.stdout)
    document = parse(text, published=published)
    assert result["toponyms"] == json.loads(json.dumps([t.to_dict() for t in document.toponyms]))
    assert result["events"] == json.loads(json.dumps([e.to_dict() for e in document.events]))
    assert result["events"]


def test_a_pipeline_with_the_components_saves_and_loads_with_its_config(tmp_path, gaz):
    import spacy

    import geoevents.components  # noqa: F401
    from geoevents.nlp import model_name

    nlp = spacy.load(model_name(), exclude=["lemmatizer"])
    nlp.add_pipe("geoevents_toponyms", config={"ranker": str(ranker_file(tmp_path)),
                                               "min_confidence": 0.3})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    stage = loaded.get_pipe("geoevents_toponyms")
    assert stage.resolver.min_confidence == 0.3
    assert stage.resolver.ranker.name == "no countries"
    assert [t.text for t in loaded("Troops left Jenin.")._.toponyms] == ["Jenin"]
