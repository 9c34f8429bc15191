"""The toponym evaluation harness on tiny hand-made corpora in both XML formats."""

from __future__ import annotations

import json

import pytest

from geoevents.errors import InputError
from geoevents.evaluation.toponyms import (
    MAX_ERROR_KM,
    GoldToponym,
    Outcome,
    distance_km,
    evaluate,
    read_corpus,
    score,
)
from geoevents.model import Place

LGL_TEXT = "Floods hit Paris, Texas and Dallas. Texans fled."
GEOVIRUS_TEXT = "Cholera spread from Nairobi to Kisumu in Kenya."


def lgl_corpus(tmp_path):
    path = tmp_path / "tiny_lgl.xml"
    path.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="a1">
    <text>{LGL_TEXT}</text>
    <toponyms>
      <toponym><start>11</start><end>16</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><fclass>P</fclass><fcode>PPL</fcode>
          <lat>33.66094</lat><lon>-95.55551</lon></gaztag></toponym>
      <toponym><start>18</start><end>23</end><phrase>Texas</phrase>
        <gaztag geonameid="4736286"><lat>31.25044</lat><lon>-99.25061</lon></gaztag></toponym>
      <toponym><start>28</start><end>34</end><phrase>Dallas</phrase>
        <gaztag geonameid="4684888"><lat>32.78306</lat><lon>-96.80667</lon></gaztag></toponym>
      <toponym><start>36</start><end>42</end><phrase>Texans</phrase></toponym>
    </toponyms>
  </article>
</articles>
""", encoding="utf-8")
    return path


def geovirus_corpus(tmp_path):
    path = tmp_path / "tiny_geovirus.xml"
    # GeoVirus offsets count from 1: "Nairobi" is text[20:27], written as 21..28
    path.write_text(f"""<articles>
    <article>
        <source>https://example.org/cholera</source>
        <text>{GEOVIRUS_TEXT}</text>
        <locations>
            <location><name>Nairobi</name><start>21</start><end>28</end>
                <lat>-1.28</lat><lon>36.82</lon><page>x</page></location>
            <location><name>Kisumu</name><start>32</start><end>38</end>
                <lat>-0.1</lat><lon>34.75</lon><page>x</page></location>
            <location><name>Kenya</name><start>42</start><end>47</end>
                <lat>1.0</lat><lon>38.0</lon><page>x</page></location>
        </locations>
    </article>
</articles>
""", encoding="utf-8")
    return path


def place(lat: float, lon: float, geonameid: int | None = None) -> Place:
    return Place(id=f"test:{lat},{lon}", name="x", lat=lat, lon=lon, feature_class="P",
                 feature_code="PPL", geonameid=geonameid)


def test_lgl_reader_keeps_offsets_ids_and_missing_points(tmp_path):
    [article] = read_corpus(lgl_corpus(tmp_path))
    assert article.doc_id == "a1"
    assert [g.text for g in article.toponyms] == ["Paris", "Texas", "Dallas", "Texans"]
    assert article.toponyms[0].geonameid == 4717560
    assert not article.toponyms[3].has_point


def test_geovirus_reader_converts_one_based_offsets(tmp_path):
    [article] = read_corpus(geovirus_corpus(tmp_path))
    assert [g.text for g in article.toponyms] == ["Nairobi", "Kisumu", "Kenya"]
    assert article.toponyms[0].geonameid is None
    assert article.doc_id == "https://example.org/cholera"


def test_reader_errors_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no corpus"):
        read_corpus(tmp_path / "absent.xml")
    broken = tmp_path / "broken.xml"
    broken.write_text("<articles><article>")
    with pytest.raises(InputError, match="not well-formed"):
        read_corpus(broken)
    odd = tmp_path / "odd.xml"
    odd.write_text("<articles><article><text>x</text></article></articles>")
    with pytest.raises(InputError, match="article 1"):
        read_corpus(odd)


def test_distance_is_geodesic():
    # one degree of latitude at the equator is 110.574 km on WGS84
    assert distance_km(0, 0, 1, 0) == pytest.approx(110.574, abs=0.01)


def test_metrics_on_hand_made_outcomes():
    g = [GoldToponym(0, 1, "a", 0.0, 0.0, 1), GoldToponym(2, 3, "b", 0.0, 0.0, 2),
         GoldToponym(4, 5, "c", 0.0, 0.0, None), GoldToponym(6, 7, "d", 0.0, 0.0, None)]
    right, far = place(0.0, 1.0, 1), place(0.0, 3.0, 99)  # ~111 km and ~334 km away
    outcomes = [
        Outcome(g[0], right, [right], distance_km(0, 0, 0, 1), contained=True),
        Outcome(g[1], far, [far], distance_km(0, 0, 0, 3), contained=True),
        Outcome(g[2], None, [right], MAX_ERROR_KM, contained=True),
        Outcome(g[3], right, [right], distance_km(0, 0, 0, 1), contained=False),
    ]
    report = score(outcomes, corpus="t", mode="gold", articles=1, gold_toponyms=4)
    assert report.accuracy_161 == 0.5
    assert report.exact_match == 0.5 and report.exact_match_n == 2
    assert report.unresolved == 1
    # right place among candidates: g0 (same id), g2 (within 161 km); g1 not; g3 not counted
    assert report.candidate_recall == pytest.approx(2 / 3) and report.candidate_recall_n == 3
    errors = [o.error_km for o in outcomes]
    assert report.mean_error_km == pytest.approx(sum(errors) / 4)
    # sorted errors: 111, 111, 334, 20039 km -> median halfway between 111 and 334
    assert report.median_error_km == pytest.approx((errors[0] + errors[1]) / 2)
    # AUC by hand: ln(1 + km) / ln(20039) for 111.3, 111.3, 334.0 and 20039 km is
    # 4.7213 / 9.9055 = 0.4766 (twice), 5.8139 / 9.9055 = 0.5870 and 1.0000; mean 0.6351
    assert report.auc == pytest.approx(0.6351, abs=1e-4)


def test_recognition_scores():
    report = score([], corpus="t", mode="e2e", articles=1, gold_toponyms=10,
                   recognition=(6, 8, 10))
    assert report.precision == 0.75 and report.recall == 0.6
    assert report.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_gold_mode_resolves_the_given_spans(gaz, tmp_path):
    report = evaluate(lgl_corpus(tmp_path), mode="gold")
    assert report.scored == 3  # "Texans" has no point
    assert report.accuracy_161 == 1.0 and report.exact_match == 1.0
    assert report.candidate_recall == 1.0 and report.unresolved == 0


def test_e2e_mode_scores_recognition_too(gaz, tmp_path):
    report = evaluate(geovirus_corpus(tmp_path), mode="e2e")
    assert report.true_positives == 3 and report.recall == 1.0
    assert report.accuracy_161 is not None and report.notes


def test_bad_mode_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="mode"):
        evaluate(lgl_corpus(tmp_path), mode="fast")


def test_cli_prints_json_and_text(gaz, tmp_path, capsys):
    from geoevents.cli import main

    corpus = str(geovirus_corpus(tmp_path))
    main(["eval", "toponyms", corpus, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "gold" and data["scored"] == 3
    main(["eval", "toponyms", corpus, "--mode", "e2e"])
    out = capsys.readouterr().out
    assert "recognition P/R/F1" in out and "A@161" in out


def test_details_list_every_gold_toponym_and_spurious_names(gaz, tmp_path, capsys):
    import csv

    from geoevents.cli import main

    out = tmp_path / "details.csv"
    main(["eval", "toponyms", str(lgl_corpus(tmp_path)), "--details", str(out)])
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["text"], r["status"]) for r in rows] == [
        ("Paris", "scored"), ("Texas", "scored"), ("Dallas", "scored"), ("Texans", "no point")]
    paris = rows[0]
    assert paris["gold_geonameid"] == paris["place_id"].split(":")[1] == "4717560"
    assert paris["within_161_km"] == "True" and float(paris["error_km"]) < 161
    assert paris["reason"] and float(paris["confidence"]) > 0

    # end to end, a gold span the recogniser misses and a name no gold span has
    corpus = tmp_path / "e2e.xml"
    corpus.write_text(f"""<articles><article><source>s</source>
        <text>{GEOVIRUS_TEXT}</text><locations>
        <location><name>Nairobi</name><start>21</start><end>28</end>
            <lat>-1.28</lat><lon>36.82</lon></location>
        <location><name>Kisumu in</name><start>32</start><end>41</end>
            <lat>-0.1</lat><lon>34.75</lon></location>
        </locations></article></articles>""", encoding="utf-8")
    main(["eval", "toponyms", str(corpus), "--mode", "e2e", "--details", str(out)])
    statuses = {(r["text"], r["status"]) for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert statuses == {("Nairobi", "scored"), ("Kisumu in", "not recognised"),
                        ("Kisumu", "spurious"), ("Kenya", "spurious")}
    capsys.readouterr()


def test_details_to_an_unwritable_path_fails_before_evaluating(gaz, tmp_path, capsys,
                                                                monkeypatch):
    from geoevents.cli import main
    from geoevents.evaluation import toponyms

    monkeypatch.setattr(toponyms, "evaluate", lambda *a, **k: pytest.fail("evaluated"))
    with pytest.raises(SystemExit) as exc:
        main(["eval", "toponyms", str(lgl_corpus(tmp_path)),
              "--details", str(tmp_path / "missing" / "details.csv")])
    assert exc.value.code != 0
    assert "cannot write" in capsys.readouterr().err
