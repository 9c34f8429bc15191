"""geoevents as spaCy pipeline components: ``geoevents_toponyms`` and ``geoevents_events``.

Add them to any English spaCy pipeline that has NER, a tagger and a parser (geoevents
registers them through spaCy's ``spacy_factories`` entry point, so no import is needed)::

    import spacy

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("geoevents_toponyms")   # recognition + resolution -> doc._.toponyms
    nlp.add_pipe("geoevents_events")     # event extraction        -> doc._.events
    doc = nlp("Israeli jets struck targets near Khan Younis on Tuesday.")

Settings come through spaCy's config (``nlp.add_pipe(name, config={...})`` or a
``config.cfg``); see :data:`TOPONYM_DEFAULTS`.

Doc extensions (all default to ``None``):

=========================== ========= =====================================================
``doc._.toponyms``          output    the resolved place mentions
                                      (:class:`~geoevents.recognise.Mention`, a
                                      :class:`~geoevents.model.Toponym`), in text order
``doc._.events``            output    the :class:`~geoevents.model.Event` objects
``doc._.published``         input     publication date (``date`` or ``YYYY-MM-DD``): relative
                                      dates ("yesterday") resolve against it
``doc._.doc_id``            input     document id, part of each event's stable id
``doc._.toponym_spans``     input     ``[(start, end), ...]`` character spans to resolve
                                      instead of recognising place names
=========================== ========= =====================================================

Inputs are set on the ``Doc`` before the components run::

    doc = nlp.make_doc(text)
    doc._.published, doc._.doc_id = "2023-07-05", "article-1"
    doc = nlp(doc)

:mod:`geoevents.pipeline` (``geoevents.parse`` and every other entry point) runs the same
two components on the same spaCy model, so both routes give the same toponyms and events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from geoevents.nlp import doc_text
from geoevents.recognise import MIN_IMPORTANCE, Recogniser
from geoevents.resolve import MIN_CONFIDENCE, Resolver

if TYPE_CHECKING:
    from geoevents.gazetteer.store import Gazetteer
    from geoevents.recognise import Mention
    from geoevents.resolve import Ranker

TOPONYMS = "geoevents_toponyms"
EVENTS = "geoevents_events"

# spaCy config of ``geoevents_toponyms``: ``gazetteer`` is a gazetteer file (null: the
# embedded one), ``ranker`` ``hand-set`` (the default, also when null) or a ranker JSON
# file (e.g. one trained on your own gold corpus with geoevents.evaluation.train_ranker),
# ``min_importance`` the least importance of a place the gazetteer matcher recognises on
# its own, ``min_confidence`` the least probability with which a name is resolved (below
# it, the name stays unresolved).
TOPONYM_DEFAULTS: dict[str, Any] = {
    "gazetteer": None,
    "ranker": None,
    "min_importance": MIN_IMPORTANCE,
    "min_confidence": MIN_CONFIDENCE,
}

_EXTENSIONS = ("toponyms", "events", "published", "doc_id", "toponym_spans")


def register_extensions() -> None:
    """Declare the ``doc._`` attributes the components read and write (idempotent)."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class ToponymStage:
    """Recognises the place mentions of a ``Doc`` and resolves them: ``doc._.toponyms``.

    With ``doc._.toponym_spans`` set, those character spans are resolved instead of the
    recognised ones.
    """

    def __init__(self, gazetteer: Gazetteer, *, ranker: Ranker | None = None,
                 min_importance: float = MIN_IMPORTANCE,
                 min_confidence: float = MIN_CONFIDENCE) -> None:
        register_extensions()
        self.gazetteer = gazetteer
        self.recogniser = Recogniser(gazetteer, min_importance=min_importance)
        self.resolver = Resolver(gazetteer, ranker=ranker, min_confidence=min_confidence)

    def __call__(self, doc: Doc) -> Doc:
        doc._.toponyms = self.toponyms(doc)
        return doc

    def toponyms(self, doc: Doc) -> list[Mention]:
        """The resolved mentions of ``doc`` (see the class docstring)."""
        spans = doc._.toponym_spans
        mentions = self.recogniser(doc) if spans is None else self.recogniser.given(doc, spans)
        return self.resolver(mentions, doc_text(doc))


class EventStage:
    """Extracts the events of a ``Doc`` whose toponyms are resolved: ``doc._.events``.

    ``nlp`` is the pipeline the ``Doc`` came from: its lemmatizer is run on documents
    parsed without it.
    """

    def __init__(self, nlp: Language | None = None) -> None:
        register_extensions()
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        from geoevents.events.extract import extract

        toponyms = doc._.toponyms
        if toponyms is None:
            raise ValueError(f"{EVENTS} needs the toponyms of the document: add "
                             f"{TOPONYMS!r} to the pipeline before it")
        doc._.events = extract(doc, toponyms, published=doc._.published,
                               doc_id=doc._.doc_id, nlp=self.nlp)
        return doc


@Language.factory(TOPONYMS, default_config=TOPONYM_DEFAULTS,
                  requires=["doc.ents", "doc.sents", "token.tag"],
                  assigns=["doc._.toponyms"])
def make_toponym_stage(nlp: Language, name: str, gazetteer: str | None, ranker: str | None,
                       min_importance: float, min_confidence: float) -> ToponymStage:
    """The ``geoevents_toponyms`` component from its config (see :data:`TOPONYM_DEFAULTS`)."""
    from geoevents.geocoding import default_gazetteer
    from geoevents.resolve import Ranker

    return ToponymStage(default_gazetteer(gazetteer),
                        ranker=Ranker.load(ranker) if ranker else None,
                        min_importance=min_importance, min_confidence=min_confidence)


@Language.factory(EVENTS, requires=["doc._.toponyms", "doc.sents", "token.dep"],
                  assigns=["doc._.events"])
def make_event_stage(nlp: Language, name: str) -> EventStage:
    """The ``geoevents_events`` component (it has no settings)."""
    return EventStage(nlp)


register_extensions()
