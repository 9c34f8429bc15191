"""Resolution answers by default, with a confidence (issue 13, item 5), but never with a
guess at a name the gazetteer lacks (issue 11): an unsupported fuzzy match stays
unresolved with its candidates listed. ``min_confidence`` is tested through every entry
point in ``test_min_confidence.py``."""

from __future__ import annotations

import pytest

from geoevents.pipeline import geoparser
from geoevents.resolve import MIN_CONFIDENCE, Resolver

TEXT = "Farmers protested near Springfeld on Monday."
START = TEXT.index("Springfeld")
SPAN = [(START, START + len("Springfeld"))]


@pytest.fixture(scope="module")
def parser():
    return geoparser()


def resolve(parser, resolver: Resolver):
    doc = next(parser.docs([TEXT], level="tokens"))
    [mention] = resolver(parser.recogniser.given(doc, SPAN), TEXT)
    return mention


def test_the_default_answers_every_mention_with_candidates():
    assert MIN_CONFIDENCE == 0.0


@pytest.mark.parametrize("min_confidence", [0.0, 0.1])
def test_an_unsupported_fuzzy_guess_stays_unresolved_with_its_candidates(parser,
                                                                        min_confidence):
    mention = resolve(parser, Resolver(parser.gazetteer, ranker=parser.resolver.ranker,
                                       min_confidence=min_confidence))
    assert mention.place is None and mention.reason.startswith("unresolved")
    assert "not in the gazetteer" in mention.reason
    assert mention.candidates and mention.candidates[0].name == "Springfield"
    assert 0 < mention.confidence < 0.5
