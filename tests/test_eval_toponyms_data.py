"""Gold-span and end-to-end scores on a slice of the development corpora (skipped when
../shared/eval is absent). The floors sit well under the full-run results in the README;
they catch regressions, not tuning."""

from __future__ import annotations

import pytest

from geoevents.evaluation.toponyms import evaluate

pytestmark = pytest.mark.slow


def test_lgl_gold_spans_first_100_articles(eval_dir, gaz):
    report = evaluate(eval_dir / "toponyms" / "lgl.xml", mode="gold", limit=100)
    assert report.scored > 700
    assert report.accuracy_161 >= 0.70
    assert report.exact_match >= 0.70
    assert report.candidate_recall >= 0.95


def test_geovirus_gold_spans_first_60_articles(eval_dir, gaz):
    report = evaluate(eval_dir / "toponyms" / "GeoVirus.xml", mode="gold", limit=60)
    assert report.scored > 400
    assert report.accuracy_161 >= 0.55
    assert report.candidate_recall >= 0.95


def test_lgl_end_to_end_first_40_articles(eval_dir, gaz):
    report = evaluate(eval_dir / "toponyms" / "lgl.xml", mode="e2e", limit=40)
    assert report.f1 >= 0.65
