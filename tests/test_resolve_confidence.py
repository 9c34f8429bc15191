"""Resolution answers by default, with a confidence; ``min_confidence`` restores
abstention (issue 13, item 5)."""

from __future__ import annotations

import pytest

from geoevents.pipeline import geoparser
from geoevents.resolve import Resolver

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


def test_an_unsupported_fuzzy_guess_is_answered_with_a_low_confidence(parser):
    mention = resolve(parser, Resolver(parser.gazetteer, ranker=parser.resolver.ranker))
    assert mention.place is not None and mention.place.name == "Springfield"
    assert mention.reason.startswith("a guess") and mention.confidence < 0.5


def test_min_confidence_restores_abstention(parser):
    strict = Resolver(parser.gazetteer, ranker=parser.resolver.ranker, min_confidence=0.1)
    mention = resolve(parser, strict)
    assert mention.place is None and mention.reason.startswith("unresolved")
    assert mention.candidates and mention.candidates[0].name == "Springfield"
