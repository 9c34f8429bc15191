"""Events of one parsed document: triggers → type → arguments → date → location → Event.

:func:`extract` works on a spaCy ``Doc`` (the same parse the toponym stage used) and the
document's resolved toponyms. Within a sentence, consequences ("…, killing three
soldiers") and repeated mentions of one event ("Israeli jets struck … in an air strike")
merge into one event; across the document, an event told again ("soldiers have pulled
back from the Jenin area") merges into the first telling, and a bare anaphoric noun ("The
interception underscored …") is not a new event.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from geoevents.events.arguments import Arguments, casualties, extract_arguments
from geoevents.events.classify import CONSEQUENCES, Typing, classify
from geoevents.events.dates import DateInfo, event_date, parse_published
from geoevents.events.location import NOWHERE, Location, document_focus, locate
from geoevents.events.ontology import Ontology, load_ontology
from geoevents.events.triggers import NON_EVENTS, UNCERTAIN, Trigger, find_triggers, lemma
from geoevents.model import Event

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from geoevents.model import Toponym

_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence",
                            "Violence against civilians", "Riots"})
_LINKS = frozenset({"advcl", "conj", "xcomp", "nsubj", "nsubjpass", "dobj", "pobj", "relcl",
                    "acl", "prep", "ccomp", "agent"})
_CARRY_SENTENCES = 2
_UNPLACED_MERGE_CHARS = 600  # unplaced events of one type this close are one event
# event types whose place is not where the text's other places are (a call, a statement)
_NO_FALLBACK = frozenset({"Diplomacy", "Other incidents"})
# event types that do not take the sentence's setting when the parse links no place
_NO_SETTING = frozenset({"Diplomacy"})


@dataclass
class _Candidate:
    trigger: Trigger
    args: Arguments
    typing: Typing
    sentence: int
    merged: list[_Candidate] = field(default_factory=list)
    location: Location = field(default_factory=lambda: NOWHERE)
    date: DateInfo | None = None


def ensure_lemmas(doc: Doc, nlp: Language | None = None) -> None:
    """Run the model's lemmatizer on ``doc`` when the parse skipped it."""
    if doc.has_annotation("LEMMA") or len(doc) == 0:
        return
    if nlp is None:
        from geoevents import nlp as nlp_module

        nlp = nlp_module.load()
    if "lemmatizer" in nlp.pipe_names:
        nlp.get_pipe("lemmatizer")(doc)


def event_id(doc_id: str | None, trigger_start: int, trigger_end: int, sub_type: str) -> str:
    """A stable id: the same document, trigger and type always give the same id."""
    key = f"{doc_id or ''}|{trigger_start}|{trigger_end}|{sub_type}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _lemma_set(span: Span) -> set[str]:
    return {lemma(t) for t in span} | {t.lower_ for t in span}


def _clause_head(token):
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _linked(a: Trigger, b: Trigger) -> bool:
    ta, tb = _clause_head(a.token), _clause_head(b.token)
    if ta.i == tb.i:
        return True
    return (ta.head.i == tb.i and ta.dep_ in _LINKS) or (
        tb.head.i == ta.i and tb.dep_ in _LINKS) or (
        ta.head.i == tb.head.i and ta.head.i != ta.i and "conj" in (ta.dep_, tb.dep_))


def _merge_sentence(cands: list[_Candidate], onto: Ontology) -> list[_Candidate]:
    """Fold consequences and same-type repeats into the event they belong to."""
    keep = list(cands)
    changed = True
    while changed:
        changed = False
        for a in keep:
            for b in keep:
                if a is b or not _linked(a.trigger, b.trigger):
                    continue
                a_cons = a.trigger.lemma in CONSEQUENCES
                b_cons = b.trigger.lemma in CONSEQUENCES
                same = onto.event_type_of(a.typing.sub_event_type) == onto.event_type_of(
                    b.typing.sub_event_type)
                violent_b = onto.event_type_of(b.typing.sub_event_type) in _VIOLENT_TYPES
                if (a_cons and not b_cons and violent_b) or (
                        same and a_cons == b_cons and a.trigger.start > b.trigger.start):
                    if same and a.typing.confidence > b.typing.confidence:
                        b.typing = a.typing  # the more specific reading of the event
                    b.merged.append(a)
                    b.merged.extend(a.merged)
                    keep.remove(a)
                    changed = True
                    break
            if changed:
                break
    return keep


def _anchors(cand: _Candidate, onto: Ontology) -> list:
    pred = cand.args.predicate
    anchors = []
    if pred is not None and pred.i != cand.trigger.token.i and \
            lemma(pred) not in onto.words("speaker"):
        anchors.append(pred)
    for other in cand.merged:
        anchors.append(other.trigger.token)
    return anchors


def _reason(cand: _Candidate) -> str:
    parts = [f"Type: {cand.typing.reason}."]
    if cand.trigger.modality == UNCERTAIN:
        parts.append(f"Uncertain: {cand.trigger.modality_reason}.")
    parts.extend(f"{r[0].upper()}{r[1:]}." for r in cand.args.reasons)
    if cand.args.instruments:
        parts.append(f"Instrument: {', '.join(cand.args.instruments)}.")
    parts.append(f"Location: {cand.location.reason}.")
    if cand.date is not None:
        parts.append(f"Date: {cand.date.reason}.")
    if cand.merged:
        words = ", ".join(repr(m.trigger.token.text) for m in cand.merged)
        parts.append(f"Also mentioned as {words}.")
    return " ".join(parts)


def _same_event(a: Event, b: Event) -> bool:
    if a.sub_event_type != b.sub_event_type:
        return False
    if a.location is None and b.location is None:
        if abs(a.trigger_start - b.trigger_start) > _UNPLACED_MERGE_CHARS:
            return False
    elif a.location is None or b.location is None or a.location.id != b.location.id:
        return False
    if a.date and b.date and a.date != b.date and "unresolved" not in (
            a.date_precision, b.date_precision) and a.date_precision == b.date_precision:
        return False
    if bool(a.quantities) != bool(b.quantities) or (
            a.quantities and not set(a.quantities) & set(b.quantities)):
        return False
    return not (a.actor1 and b.actor1 and a.actor1.lower() != b.actor1.lower())


def _is_repeat_mention(cand: _Candidate) -> bool:
    """A definite event noun with nothing of its own: "The interception underscored …"."""
    tok = cand.trigger.token
    if cand.trigger.pos != "NOUN" or (cand.location.toponym is not None
                                      and cand.location.linked):
        return False  # a place of its own (the sentence's setting is not)
    determiners = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
    own = cand.args.quantities or cand.args.actor1 or cand.args.actor2 or (
        cand.date is not None and cand.date.text)
    return bool(determiners & {"the", "this", "that", "these", "those"}) and not own


def extract(doc: Doc, toponyms: list[Toponym], *, published: str | date | None = None,
            doc_id: str | None = None, nlp: Language | None = None) -> list[Event]:
    """The events of a parsed document, in text order."""
    onto = load_ontology()
    ensure_lemmas(doc, nlp)
    base = parse_published(published)
    sentences = list(doc.sents)
    sentence_lemmas = [_lemma_set(s) for s in sentences]
    found: list[_Candidate] = []
    for i, sent in enumerate(sentences):
        text = f" {' '.join(t.lower_ for t in sent)} "
        scene = set().union(*sentence_lemmas[max(0, i - 1): i + 2])
        cands = []
        for trig in find_triggers(sent, onto):
            if trig.modality in NON_EVENTS:
                continue
            args = extract_arguments(trig, onto)
            typing = classify(trig, args, onto, sentence=sentence_lemmas[i], text=text,
                              scene=scene)
            if typing is not None:
                cands.append(_Candidate(trig, args, typing, i))
        if not cands:
            continue
        cands = _merge_sentence(cands, onto)
        dead, hurt = casualties(sent, onto)
        for cand in cands:
            if onto.event_type_of(cand.typing.sub_event_type) in _VIOLENT_TYPES | {
                    "Protests", "Other incidents"}:
                cand.args.fatalities = dead
                if hurt is not None:
                    cand.args.quantities.append(f"{hurt} injured")
            cand.location = locate(cand.trigger.token, _anchors(cand, onto), sent, toponyms)
            if not cand.location.linked and onto.event_type_of(
                    cand.typing.sub_event_type) in _NO_SETTING:
                cand.location = NOWHERE  # "Moscow offered to mediate as tensions around
                # Jenin remain": a diplomatic act does not happen in the sentence's setting
            cand.date = event_date(cand.trigger.token, cand.args.predicate, sent, base)
        found.extend(cands)
    events: list[Event] = []
    focus = document_focus(doc, toponyms)
    previous: _Candidate | None = None
    for cand in found:
        family = onto.event_type_of(cand.typing.sub_event_type)
        if _is_repeat_mention(cand) and any(e.event_type == family for e in events):
            continue
        if cand.location.toponym is None and family not in _NO_FALLBACK:
            if previous is not None and cand.sentence - previous.sentence <= _CARRY_SENTENCES \
                    and onto.event_type_of(previous.typing.sub_event_type) not in _NO_FALLBACK:
                prev = previous.location
                cand.location = Location(
                    prev.toponym, prev.role, max(prev.precision or 2, 2),
                    f"no place in the sentence; carried over from the previous event "
                    f"({previous.trigger.token.text!r} at {prev.toponym.text!r})"
                    if prev.toponym else "")
            elif focus is not None:
                cand.location = Location(focus, "site", 3,
                                         f"no place in the sentence; the document's main "
                                         f"place {focus.text!r} (lower precision)")
        if cand.location.toponym is None:
            cand.location = NOWHERE
        else:
            previous = cand
        events.append(_to_event(cand, doc, doc_id, onto))
    return _merge_document(events)


def _to_event(cand: _Candidate, doc: Doc, doc_id: str | None, onto: Ontology) -> Event:
    trig = cand.trigger
    sent = trig.token.sent
    loc = cand.location
    toponym = loc.toponym
    date_info = cand.date or DateInfo(None, "unresolved", None, "no date")
    confidence = cand.typing.confidence * (0.6 if trig.modality == UNCERTAIN else 1.0)
    if toponym is None:
        confidence *= 0.9
    elif not loc.linked:
        confidence *= 0.9  # the sentence's setting, not a parse link to the trigger
    end = trig.end
    if trig.phrase and trig.pos == "VERB":  # "pulled back": extend over an adjacent particle
        nxt = trig.token.i + 1
        if nxt < len(doc) and doc[nxt].dep_ == "prt":
            end = doc[nxt].idx + len(doc[nxt].text)
    sub = cand.typing.sub_event_type
    return Event(
        id=event_id(doc_id, trig.start, end, sub),
        event_type=onto.event_type_of(sub),
        sub_event_type=sub,
        trigger=doc.text[trig.start:end],
        trigger_start=trig.start,
        trigger_end=end,
        sentence=sent.text.strip(),
        actor1=cand.args.actor1,
        actor2=cand.args.actor2,
        quantities=list(dict.fromkeys(cand.args.quantities)),
        instruments=list(cand.args.instruments),
        fatalities=cand.args.fatalities,
        date=date_info.date,
        date_precision=date_info.precision,
        date_text=date_info.text,
        location=toponym.place if toponym is not None else None,
        location_text=toponym.text if toponym is not None else None,
        location_start=toponym.start if toponym is not None else None,
        location_end=toponym.end if toponym is not None else None,
        location_role=loc.role,
        geo_precision=loc.precision,
        confidence=round(confidence, 3),
        reason=_reason(cand),
        doc_id=doc_id,
        sources=[doc_id] if doc_id else [],
    )


def _merge_document(events: list[Event]) -> list[Event]:
    """Merge an event told again later in the document into its first telling."""
    kept: list[Event] = []
    for event in events:
        first = next((k for k in kept if _same_event(k, event)), None)
        if first is None:
            kept.append(event)
            continue
        first.quantities = list(dict.fromkeys(first.quantities + event.quantities))
        first.instruments = list(dict.fromkeys(first.instruments + event.instruments))
        if event.fatalities is not None:
            first.fatalities = event.fatalities if first.fatalities is None else min(
                first.fatalities, event.fatalities)
        first.actor1 = first.actor1 or event.actor1
        first.actor2 = first.actor2 or event.actor2
        if first.date is None and event.date is not None:
            first.date, first.date_precision, first.date_text = (
                event.date, event.date_precision, event.date_text)
        first.reason += f" Told again as {event.trigger!r}: {event.sentence[:80]!r}."
    return kept


def locate_trigger(token, toponyms: list[Toponym]) -> Location:
    """The place of the event a given word announces, whether or not the lexicon knows
    the word (evaluation data name their own trigger words)."""
    onto = load_ontology()
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
    trig = Trigger(token=token, lemma=lemma(token), pos=pos, phrase=None, sub_types=())
    args = extract_arguments(trig, onto)
    cand = _Candidate(trig, args, Typing("Other", 0.0, ""), 0)
    return locate(token, _anchors(cand, onto), token.sent, toponyms)
