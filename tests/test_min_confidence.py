"""``min_confidence`` restores abstention through every entry point: the spaCy component's
config, ``Geoparser``/``geoparser``, ``geoevents parse`` and ``geoevents extract`` (single
files and the batch engine), and the server's ``/extract``.

The text has an uncertain name (which Hamilton?) and a likely one (Accra); a threshold
between their confidences must leave the first unresolved — with its confidence and
candidates still reported — and keep the second, and the event at Hamilton loses its place.
"""

from __future__ import annotations

import json

import pytest

from geoevents.errors import InputError
from geoevents.pipeline import Geoparser, geoparser

TEXT = "Police arrested 20 people in Hamilton. Protesters marched in Accra."
UNCERTAIN, LIKELY = "Hamilton", "Accra"


@pytest.fixture(scope="module")
def default():
    """The default run (no abstention) and a threshold between the two confidences."""
    document = geoparser().parse(TEXT, published="2024-03-06")
    by_name = {t.text: t for t in document.toponyms}
    low, high = by_name[UNCERTAIN], by_name[LIKELY]
    assert low.place is not None and high.place is not None, "by default both are resolved"
    assert low.confidence < high.confidence
    return document, (low.confidence + high.confidence) / 2


def assert_abstains(toponyms, default_document):
    """The uncertain name is unresolved (same confidence, candidates kept), the other not."""
    before = {t.text: t for t in default_document.toponyms}
    after = {t.text: t for t in toponyms}
    assert after.keys() == before.keys()
    uncertain = after[UNCERTAIN]
    assert uncertain.place is None and uncertain.reason.startswith("unresolved")
    assert uncertain.confidence == pytest.approx(before[UNCERTAIN].confidence)
    assert uncertain.candidates and uncertain.candidates[0].id == before[UNCERTAIN].place.id
    assert after[LIKELY].place.id == before[LIKELY].place.id


def test_geoparser_argument_and_copy(default):
    document, threshold = default
    assert_abstains(Geoparser(min_confidence=threshold).parse(TEXT).toponyms, document)
    strict = geoparser(min_confidence=threshold)
    assert_abstains(strict.parse(TEXT).toponyms, document)
    base = geoparser()
    # the copy shares the model and the lookup caches, and leaves the shared parser alone
    assert strict.nlp is base.nlp and strict.resolver.candidates is base.resolver.candidates
    assert base.resolver.min_confidence == 0.0
    assert base.parse(TEXT).toponyms[0].place is not None


def test_events_lose_the_unresolved_place(default):
    document, threshold = default
    located = {e.location_text: e.location for e in document.events}
    assert located[UNCERTAIN] is not None and located[LIKELY] is not None
    strict = geoparser(min_confidence=threshold).parse(TEXT, published="2024-03-06")
    located = {e.location_text: e.location for e in strict.events}
    assert located[UNCERTAIN] is None and located[LIKELY] is not None


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan"), 10**400, True, "0.5", None])
def test_bad_thresholds_are_input_errors(bad):
    with pytest.raises(InputError, match="min_confidence must be a number from 0 to 1"):
        geoparser().with_min_confidence(bad)


def test_spacy_component_config(default):
    import spacy

    import geoevents.components  # noqa: F401  (registers the factories)
    from geoevents.nlp import model_name

    document, threshold = default
    nlp = spacy.load(model_name())
    nlp.add_pipe("geoevents_toponyms", config={"min_confidence": threshold})
    assert_abstains(nlp(TEXT)._.toponyms, document)


def test_cli_parse(default, tmp_path, cli):
    document, threshold = default
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, _ = cli("parse", str(path), "--format", "json")
    assert code == 0
    assert all(t["place"] for t in json.loads(out)["toponyms"])
    code, out, _ = cli("parse", str(path), "--format", "json",
                       "--min-confidence", str(threshold))
    assert code == 0
    places = {t["text"]: t["place"] for t in json.loads(out)["toponyms"]}
    assert places[UNCERTAIN] is None and places[LIKELY]["id"] == \
        next(t.place.id for t in document.toponyms if t.text == LIKELY)
    code, _, err = cli("parse", str(path), "--min-confidence", "2")
    assert code == 2 and "--min-confidence" in err


def located_events(path):
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["location_text"]: f["properties"]["location_id"] for f in features}


@pytest.mark.parametrize("corpus", [False, True], ids=["text-file", "batch-engine"])
def test_cli_extract(default, tmp_path, cli, corpus):
    _, threshold = default
    if corpus:
        source = tmp_path / "corpus.jsonl"
        source.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    else:
        source = tmp_path / "article.txt"
        source.write_text(TEXT, encoding="utf-8")
    everything, strict = tmp_path / "all.geojson", tmp_path / "strict.geojson"
    assert cli("extract", str(source), "-o", str(everything))[0] == 0
    assert cli("extract", str(source), "-o", str(strict),
               "--min-confidence", str(threshold))[0] == 0
    before, after = located_events(everything), located_events(strict)
    assert before[UNCERTAIN] and before[LIKELY]
    assert after[UNCERTAIN] is None and after[LIKELY] == before[LIKELY]


def test_server_extract(gaz, default):
    from fastapi.testclient import TestClient

    from geoevents.server import create_app

    _, threshold = default

    def located(response):
        assert response.status_code == 200, response.text
        return {f["properties"]["location_text"]: f["properties"]["location_id"]
                for f in response.json()["features"] if f["properties"]["layer"] == "event"}

    with TestClient(create_app(gaz)) as client:
        before = located(client.post("/extract", json={"text": TEXT}))
        after = located(client.post("/extract", json={"text": TEXT,
                                                      "min_confidence": threshold}))
        assert before[UNCERTAIN] and after[UNCERTAIN] is None
        assert after[LIKELY] == before[LIKELY]
        documents = client.post("/extract", json={"documents": [{"text": TEXT}],
                                                  "min_confidence": threshold})
        assert located(documents)[UNCERTAIN] is None
        for bad in (1.5, -1, "0.5", True):
            response = client.post("/extract", json={"text": TEXT, "min_confidence": bad})
            assert response.status_code == 422, response.text
            assert response.json()["error"]["message"].startswith(
                "invalid body field 'min_confidence'")
