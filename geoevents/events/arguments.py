"""Event arguments from the dependency parse: actors, target, quantities, casualties,
instruments.

- ``actor1`` — who acted: the subject of an active trigger, the ``by`` agent of a passive
  one, the possessor or nationality of an event noun ("Israel's strikes", "Israeli
  strikes"), or the subject of a support verb ("militants launched an attack").
- ``actor2`` — the target or counterpart: a person/group object, the owner of a targeted
  object ("sites belonging to Hamas"), the ``with``/``between`` partner of a clash or call.
- quantities — numbers attached to the target or the event noun ("five rockets" → "5
  rockets"); fatalities and injuries — the lowest figure the sentence reports, as ACLED
  codes them; instruments — weapons and systems ("Iron Dome defense system").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geoevents.events.ontology import Ontology
from geoevents.events.tokens import doc_words, span_words
from geoevents.events.triggers import (
    TokenWords,
    Trigger,
    document_words,
    lemma,
    lemma_forms,
)
from geoevents.nlp import PerDocument, PerToken, token_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span

    from geoevents.events.tokens import Word

_UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "hundred": 100, "thousand": 1000, "couple": 2, "pair": 2, "both": 2,
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}
_DEATH = frozenset({"kill", "die", "dead", "death", "fatality", "body", "corpse", "perish",
                    "massacre", "behead", "execute", "slay", "slain", "fatal", "life"})
_INJURY = frozenset({"wound", "injure", "hurt", "injury", "injured", "wounded", "casualty"})
_PRONOUNS = frozenset({"PRON"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_ENTITY_ACTORS = frozenset({"ORG", "NORP", "PERSON", "GPE"})
# verbs whose subject or object is the event itself ("clashes erupted", "the blast killed")
_OCCURRENCE = frozenset({"take", "occur", "happen", "erupt", "break", "continue", "resume",
                         "start", "begin", "end", "rock", "shake", "hit", "strike", "target",
                         "kill", "wound", "injure", "destroy", "damage", "leave", "claim",
                         "cause", "flare", "intensify", "escalate", "spread", "rage", "last",
                         "see", "witness", "report", "record", "be", "hold"})
_SYSTEM_HEADS = frozenset({"system", "dome", "battery", "defense", "defence", "interceptor",
                           "shield", "radar"})


@dataclass
class Arguments:
    """What the parse says about one trigger's participants."""

    actor1: str | None = None
    actor2: str | None = None
    actor1_token: Word | None = None
    actor2_token: Word | None = None
    target: Word | None = None  # the thing or people acted upon
    predicate: Word | None = None  # the verb carrying location/date for a noun trigger
    quantities: list[str] = field(default_factory=list)
    fatalities: int | None = None
    injuries: int | None = None
    instruments: list[str] = field(default_factory=list)
    # the weapon (not a defence system) that is the doer ("drones set fire to a refinery")
    weapon_doer: Word | None = None
    reasons: list[str] = field(default_factory=list)
    near: set[str] = field(default_factory=set)  # lemmas around the trigger
    clause: set[str] = field(default_factory=set)  # lemmas of the trigger's clause
    # lemmas only the sentence's other clauses with subjects of their own hold ("while a
    # drone struck a fuel depot"): another happening's words (see :func:`_apart`)
    apart: frozenset[str] = frozenset()
    has_place: bool = False  # a place entity among the trigger's objects
    # actor1 is the party that reported an agentless passive, not a doer the words name
    actor1_reported: bool = False


def number_value(token: Word) -> int | None:
    """The integer a number token denotes ("5", "1,200", "five", "dozens" → None)."""
    text = token.lower_.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return int(float(text))
    value = _UNITS.get(text)
    if value is None:
        return None
    # "two hundred", "three thousand": the multiplier is the next token
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in _MULTIPLIERS and nxt.head == token.head:
        value *= _MULTIPLIERS[nxt.lower_]
    return value


def _count(noun: Word) -> int | None:
    """The number attached to a noun ("five rockets" → 5, "a soldier" → 1, "no one" →
    0)."""
    if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "none") for c in noun.children) \
            or noun.lower_ in ("nobody", "none"):
        return 0
    for child in noun.children:
        if child.dep_ == "nummod" or (child.like_num and child.dep_ in ("amod", "quantmod")):
            value = number_value(child)
            if value is not None:
                return value
    if noun.like_num:
        return number_value(noun)
    if noun.lower_ in ("total", "tally"):
        return None  # "killing a total of 11": a sum over happenings, not one's count
    if noun.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one")
                                          for c in noun.children):
        return 1
    return None


def phrase(token: Word) -> str:
    """The noun phrase headed by ``token``, without leading determiners or clauses."""
    doc = token.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("det", "predet", "punct", "cc", "nummod", "quantmod") and \
                child.i == start - 1 and child.dep_ != "compound":
            continue
        if child.dep_ in ("compound", "amod", "nmod", "poss", "det", "predet", "nummod"):
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nmod") or (
                child.dep_ == "prep" and child.lower_ == "of"
                and any(g.pos_ == "PROPN" for g in child.children)):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "appos" and child.i == end + 1 and doc_words(doc)[end].text == "(":
            end = max(end, child.right_edge.i + 2)
    kept = doc_words(doc)[start:end]
    while kept and (kept[0].dep_ in ("det", "predet", "nummod", "quantmod", "punct", "case")
                    or kept[0].lower_ in ("all", "the", "a", "an", "some", "both")):
        kept.pop(0)
    while kept and kept[-1].dep_ in ("punct", "case") and not (
            kept[-1].text == ")" and any(w.text == "(" for w in kept)):
        kept.pop()  # (the bracket closing an acronym stays: "Israel Defense Forces (IDF)")
    if not kept:
        return token.text
    return token_text(doc, kept[0].i, kept[-1].i + 1).strip()


def _is_actor(token: Word, onto: Ontology) -> bool:
    """A person, group, organisation or state rather than a thing."""
    if token.ent_type_ in _ENTITY_ACTORS:
        return True
    forms = lemma_forms(token)
    return any(not onto.words(actor).isdisjoint(forms) for actor in _ACTOR_CLASSES)


# the ontology's word classes of actors
_ACTOR_CLASSES = ("civilian", "armed", "non_state", "government", "person_noun", "protester")


def _resolve_pronoun(token: Word) -> Word | None:
    """The antecedent of a relative pronoun ("militants who attacked" → militants)."""
    if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    if token.pos_ in _PRONOUNS:
        return None
    return token


def _owner(token: Word, onto: Ontology) -> Word | None:
    """The actor owning a targeted thing ("Hamas sites", "sites belonging to Hamas")."""
    for child in token.children:
        if child.dep_ in ("poss", "compound") and child.ent_type_ in _ENTITY_ACTORS:
            return child
        if child.dep_ == "amod" and child.ent_type_ == "NORP":
            return child
        if child.dep_ == "acl" and lemma(child) in ("belong", "hold", "control", "use",
                                                    "run", "operate", "own"):
            for gchild in child.subtree:
                if gchild.dep_ == "pobj" and _is_actor(gchild, onto):
                    return gchild
        if child.dep_ == "prep" and child.lower_ in ("of", "belonging"):
            for gchild in child.children:
                if gchild.dep_ == "pobj" and _is_actor(gchild, onto):
                    return gchild
    return None


# prepositions whose participle shares the subject of the clause it modifies
_ADJUNCT_PREPS = frozenset({"after", "before", "while", "upon", "on", "since", "without"})


def _subject(verb: Word) -> tuple[Word | None, bool]:
    """(subject, passive) of a verb, inherited from the head verb of a conjunction or an
    open clausal complement when it has none, or from the clause a participle adjunct
    modifies ("fled after killing three villagers")."""
    tok = verb
    for _ in range(3):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return child, passive
        if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "attr") and \
                tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "Moscow indicated a readiness to facilitate talks"
            continue
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
            if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
                break
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ in _ADJUNCT_PREPS and \
                tok.head.head.pos_ in ("VERB", "AUX"):
            # "were hospitalised after being beaten (and arrested) by police": a participle
            # adjunct shares the clause's subject, with the participle's own voice
            head = tok.head.head
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")),
                           None)
            return subject, passive
        break
    return None, any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def preposition_objects(token: Word, preps: tuple[str, ...]) -> list[Word]:
    """The objects of the token's prepositions (and passive agents) that are ``preps``, in
    text order ("hundreds *of* protesters", "shot *by* police")."""
    out: list[Word] = []
    for word, objects in _prepositions(token):
        if word in preps:
            out.extend(objects)
    return out


def _prepositions_of(token: Word) -> list[tuple[str, list[Word]]]:
    """The prepositions (and passive agents) of a token with their objects."""
    return [(child.lower_, [g for g in child.children if g.dep_ == "pobj"])
            for child in token.children if child.dep_ in ("prep", "agent")]


# kept for the document being processed (the arguments of a trigger ask for them many times)
_prepositions: PerToken[Word, list[tuple[str, list[Word]]]] = PerToken(_prepositions_of)


def _with_conjuncts(tokens: list[Word]) -> list[Word]:
    out = []
    for tok in tokens:
        out.append(tok)
        out.extend(c for c in tok.conjuncts if c.i > tok.i)
    return out


def _lemmas(tokens) -> set[str]:
    """The lemmas of ``tokens`` but dates' ("March 9" is no march)."""
    found: set[str] = set()
    words: TokenWords | None = None
    for tok in tokens:
        if words is None:
            words = document_words(tok.doc)
        if not words.dated[tok.i]:
            found.update(words.forms[tok.i])
    return found


def _subtree_lemmas_of(token: Word) -> frozenset[str]:
    """:func:`_lemmas` of the token's subtree."""
    words = document_words(token.doc)
    found: set[str] = set()
    for i in token.subtree_indices():
        if not words.dated[i]:
            found.update(words.forms[i])
    return frozenset(found)


# kept for the document being processed (the triggers of a sentence share clauses and
# subtrees)
_subtree_lemmas: PerToken[Word, frozenset[str]] = PerToken(_subtree_lemmas_of)


def forget_words(doc: Doc) -> None:
    """Drop what this module keeps for the tokens of ``doc`` (its words: see
    :func:`geoevents.events.tokens.release`)."""
    _prepositions.forget(doc)
    _subtree_lemmas.forget(doc)
    _clauses.forget(doc)
    _aparts.forget(doc)


def _predicate(trigger: Word, onto: Ontology) -> tuple[Word | None, Word | None]:
    """(support verb, predicate) of a noun trigger: "militants launched an attack" →
    (launched, launched); "a call took place" → (None, took)."""
    head = trigger.head
    if head.i == trigger.i or head.pos_ not in ("VERB", "AUX"):
        return None, None
    if trigger.dep_ in ("dobj", "nsubjpass") and lemma(head) in onto.words("support_verb"):
        return head, head
    if trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and lemma(head) in _OCCURRENCE:
        return None, head
    return None, None


def comparison_point(tok: Word) -> bool:
    """Whether an event verb tells the earlier happening a comparison counts from ("the
    deadliest attack since July, when gunmen killed 40 people", "the first raid since
    militants stormed the town"): history the report recalls, not its news."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ in ("relcl", "advcl") and head.dep_ == "pobj" and \
        head.head.lower_ == "since"


def casualties(sent: Span, onto: Ontology, elsewhere: Callable[[Word], bool] | None = None
               ) -> tuple[int | None, int | None]:
    """(fatalities, injuries): the lowest figure the sentence gives for each, leaving out
    the words of death or injury that ``elsewhere`` says tell another happening."""
    deaths: list[int] = []
    injuries: list[int] = []
    forms_of = document_words(sent.doc).forms
    for tok in span_words(sent):
        forms = forms_of[tok.i]
        bucket = deaths if not _DEATH.isdisjoint(forms) else \
            injuries if not _INJURY.isdisjoint(forms) else None
        if bucket is None or comparison_point(tok) or (elsewhere and elsewhere(tok)):
            continue  # (the toll of an earlier happening recalled for comparison)
        if tok.lower_ == "life" and not any(lemma(t) in ("claim", "lose") for t in
                                            (tok.head, tok.head.head)):
            continue
        candidates: list[Word] = []
        if tok.pos_ == "VERB":
            candidates += [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
            if lemma(tok) in ("die", "perish"):
                candidates += [c for c in tok.children if c.dep_ == "nsubj"]
            # the counted dead a toll is put at ("put the army's toll at three soldiers
            # killed"), not any people a participle describes
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and _toll_put_at(tok.head):
                candidates.append(tok.head)
        elif tok.pos_ == "NOUN":
            candidates.append(tok)
            if lemma(tok) in ("death", "fatality", "casualty", "injury") and (
                    tok.dep_ == "compound" or lemma(tok.head) == "toll"):
                toll_verb = tok.head.head
                candidates += [g for c in toll_verb.children if c.dep_ == "prep"
                               for g in c.children if g.dep_ == "pobj"]
        elif tok.pos_ == "ADJ":  # "five dead", "leaving 14 people dead"
            candidates += [tok.head] if tok.head.like_num or tok.head.pos_ == "NOUN" else []
            # (and the subject of a passive: "two drivers were shot dead")
            candidates += [c for c in tok.head.children if c.dep_ in ("dobj", "nsubj") or (
                c.dep_ == "nsubjpass" and tok.dep_ == "oprd")]
            candidates += [c for c in tok.children if c.like_num]
        for cand in candidates:
            value = _count(cand)
            if value is not None and value < 1_000_000:
                bucket.append(value)
    return (min(deaths) if deaths else None, min(injuries) if injuries else None)


def _toll_put_at(noun: Word) -> bool:
    """Whether a counted noun is what a toll is put at ("put the army's toll at three
    soldiers killed"): the object of "at" on a verb whose object is a toll."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "at" and any(
        c.dep_ == "nummod" for c in noun.children) and any(
        c.dep_ == "dobj" and lemma(c) == "toll" for c in prep.head.children)


# the people of the state's forces, besides the force words of the ontology's "government"
_FORCES_PEOPLE = frozenset({"officer", "policeman", "policemen", "gendarme", "serviceman"})
# people named only by what they serve in ("army personnel", "security staff")
_STAFF = frozenset({"personnel", "member", "staff", "agent"})


def own_side_hurt(verb: Word, onto: Ontology) -> bool:
    """Whether an agentless passive's subject is the state's own forces ("the ministry
    said three police officers were injured", "the army said two soldiers were killed"):
    a government reporting its own hurt is no doer of the harm."""
    hurt = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if hurt is None:
        return False
    forces = onto.words("government")
    if set(lemma_forms(hurt)) & (forces | _FORCES_PEOPLE):
        return True
    # "two army personnel": people of no side named by the force they serve in; not
    # things the forces use or hold ("two military sites belonging to Hamas")
    return lemma(hurt) in _STAFF and any(
        set(lemma_forms(c)) & forces for c in hurt.children if c.dep_ in ("compound", "amod"))


def _speaker_owning(noun: Word, onto: Ontology) -> Word | None:
    """The speaker a possessive pronoun on a reported clause's subject names ("The
    Israel Defense Forces (IDF) have declared that *their* operation in Jenin has
    concluded": the IDF's operation), when the speaker is an actor."""
    clause = noun.head
    if noun.dep_ != "nsubj" or clause.dep_ != "ccomp" or \
            lemma(clause.head) not in onto.words("speaker") or not any(
            c.dep_ == "poss" and c.pos_ in _PRONOUNS for c in noun.children):
        return None
    speaker, passive = _subject(clause.head)
    return speaker if speaker is not None and not passive and _is_actor(speaker, onto) \
        else None


# the links of a clause told beside another, or reported
_SIDE_CLAUSES = frozenset({"advcl", "conj", "ccomp", "parataxis"})
# ... and the links of a clause that reports another or is reported by it
_REPORTED = frozenset({"ccomp", "parataxis"})
# the marks of an adverbial clause told beside its head ("while a drone struck …"); the
# others tell how its head's happening came about ("killed *when* forces used chlorine
# gas", "as a bomb exploded", "after a drone struck"): the same happening
_BESIDE = frozenset({"while", "whilst", "whereas", "meanwhile"})


def _clause_of(word: Word) -> Word:
    """The head of the clause that holds ``word``: its nearest ancestor (or itself) that
    is the sentence's root or a clause told beside another or reported
    (:data:`_SIDE_CLAUSES`; an adverbial clause only with a mark of :data:`_BESIDE`) with
    a subject of its own. Kept for every word climbed past (each trigger of a sentence
    asks for the clause of every word of it)."""
    memo = _clauses(word.doc)
    climbed = []
    head = memo.get(word.i)
    while head is None:
        climbed.append(word.i)
        if word.head.i == word.i or (
                word.dep_ in _SIDE_CLAUSES and word.pos_ in ("VERB", "AUX") and
                any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children) and
                (word.dep_ != "advcl" or any(c.lower_ in _BESIDE for c in word.children))):
            head = word.i
            break
        word = word.head
        head = memo.get(word.i)
    for i in climbed:
        memo[i] = head
    return doc_words(word.doc)[head]


# the clause head of each word asked about (:func:`_clause_of`), for the document being
# processed
_clauses: PerDocument[dict[int, int]] = PerDocument(lambda doc: {})
# the lemmas apart (:func:`_apart`) of each sentence (its first token) and set of clause
# heads asked about, for the document being processed
_aparts: PerDocument[dict[tuple[int, frozenset[int]], frozenset[str]]] = \
    PerDocument(lambda doc: {})


def _apart(tok: Word, predicate: Word | None) -> frozenset[str]:
    """The lemmas that only the trigger's sentence's other clauses (:func:`_clause_of`)
    hold, those that report the trigger's clause or that it reports ("the army said …",
    "…, the commissioner said, accusing the army of targeting homes") left in: "RSF
    attacked a market town …, while *a drone struck* a fuel depot in Kosti and the army
    said it had repelled an assault" — the drone is the strike's, neither the attack's
    nor the assault's. A passive clause that names no doer ("and that the house was hit
    directly") has none apart from the sentence's: what hit it is what its sentence names
    (nothing is apart)."""
    if _done_by_no_one(tok):
        return frozenset()
    own = set()
    for word in (tok, predicate):
        clause = _clause_of(word) if word is not None else None
        while clause is not None:
            own.add(clause.i)
            clause = _clause_of(clause.head) if clause.dep_ in _REPORTED else None
    doc = tok.doc
    sent = tok.sent
    # (the triggers of a sentence mostly share their clauses: the lemmas apart are kept
    # for each sentence and set of clause heads)
    key = (sent.start, frozenset(own))
    memo = _aparts(doc)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _apart_from(doc, sent, own)
    return found


def _apart_from(doc: Doc, sent: Span, own: set[int]) -> frozenset[str]:
    """The lemmas of :func:`_apart`: those only the words of ``sent`` outside the clauses
    headed at ``own`` (and the clauses they report) hold."""
    own |= {c.i for i in list(own) for c in doc_words(doc)[i].children
            if c.dep_ in _REPORTED and _clause_of(c).i == c.i}
    heads = _clauses(doc)  # (the clause heads found so far: _clause_of's memo, read inline)
    apart = [w for w in span_words(sent)
             if (heads[w.i] if w.i in heads else _clause_of(w).i) not in own]
    if not apart:
        return frozenset()
    words = document_words(doc)
    taken = {w.i for w in apart}
    held = {f for i in range(sent.start, sent.end) if i not in taken for f in words.forms[i]}
    return frozenset(f for w in apart for f in words.forms[w.i]) - held


def _done_by_no_one(verb: Word) -> bool:
    """Whether ``verb`` is a passive that names no doer ("the house was hit directly")."""
    children = verb.children
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in children) and not any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in children)


def extract_arguments(trigger: Trigger, onto: Ontology) -> Arguments:
    """Actors, target, quantities, instruments and context words of one trigger."""
    tok = trigger.token
    args = Arguments()
    weapons = onto.words("weapon")
    objects: list[Word] = []
    subject: Word | None = None
    passive = False
    if trigger.pos == "VERB":
        args.predicate = tok
        subject, passive = _subject(tok)
        agents = preposition_objects(tok, ("by",))
        if passive:
            if agents:
                args.actor1_token = agents[0]
            if subject is not None:
                objects.append(subject)
        elif subject is not None:
            args.actor1_token = subject
        direct = [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd")]
        objects += direct
        objects += preposition_objects(tok, ("on", "against", "at", "upon", "targeting"))
        for obj in direct:  # "opened fire on protesters"
            objects += preposition_objects(obj, ("on", "at", "against"))
        partners = preposition_objects(tok, ("with", "between"))
    else:
        support, args.predicate = _predicate(tok, onto)
        partners = preposition_objects(tok, ("between", "with"))
        if not partners and args.predicate is not None:
            partners = preposition_objects(args.predicate, ("between",))
        for child in tok.children:
            if child.dep_ == "poss" and child.pos_ not in _PRONOUNS:
                args.actor1_token = child
            elif child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "ORG",
                                                                            "GPE"):
                args.actor1_token = args.actor1_token or child
        by = preposition_objects(tok, ("by",))
        if by:
            args.actor1_token = by[0]
        if support is not None and args.actor1_token is None:
            subject, passive = _subject(support)
            agents = preposition_objects(support, ("by",)) if passive else []
            args.actor1_token = agents[0] if agents else (None if passive else subject)
        objects += preposition_objects(tok, ("on", "against", "at", "targeting"))
        if args.predicate is not None and tok.dep_ == "nsubj":
            # "the attack killed five soldiers": the predicate's object is the target
            objects += [c for c in args.predicate.children if c.dep_ == "dobj"]
    if partners and args.actor1_token is None and len(_with_conjuncts(partners)) >= 2 \
            and partners[0].head.lower_ == "between":
        both = _with_conjuncts(partners)
        args.actor1_token, partners = both[0], both[1:]
    if args.actor1_token is not None and args.actor1_token.ent_type_ in ("DATE", "TIME"):
        # a day the parse hung as a side ("Fighting … since 14 March has displaced …")
        # is no actor, however its word reads ("March")
        args.actor1_token = None
    if args.actor1_token is not None and set(lemma_forms(args.actor1_token)) & onto.words(
            "operation"):  # "their operation has concluded": the operation is no actor
        owner = _owner(args.actor1_token, onto)
        args.actor1_token = owner or _speaker_owning(args.actor1_token, onto)
    if args.actor1_token is not None:
        resolved = _resolve_pronoun(args.actor1_token)
        if resolved is None:
            args.reasons.append(f"actor1 is the pronoun {args.actor1_token.text!r}: left empty")
        args.actor1_token = resolved
    if args.actor1_token is not None and (lemma(args.actor1_token) in _SYSTEM_HEADS
                                          or set(lemma_forms(args.actor1_token)) & weapons):
        args.instruments.append(phrase(args.actor1_token))
        if lemma(args.actor1_token) not in _SYSTEM_HEADS:  # a defence system stops weapons
            args.weapon_doer = args.actor1_token
        args.actor1_token = None
    # agentless passive reported by a military or government ("X said sites were targeted")
    if trigger.pos == "VERB" and passive and args.actor1_token is None and \
            tok.dep_ == "ccomp" and lemma(tok.head) in onto.words("speaker"):
        speaker, _ = _subject(tok.head)
        if speaker is not None and set(lemma_forms(speaker)) & onto.words("government") \
                and not own_side_hurt(tok, onto):
            args.actor1_token, args.actor1_reported = speaker, True
            args.reasons.append(
                f"actor1 inferred from the reporting party {phrase(speaker)!r} of an "
                "agentless passive")
    # target, actor2
    objects = [o for o in (_resolve_pronoun(o) for o in objects) if o is not None]
    if objects:
        args.target = objects[0]
    for obj in objects + _with_conjuncts(partners):
        if _is_actor(obj, onto):
            args.actor2_token = obj
            break
        owner = _owner(obj, onto)
        if owner is not None:
            args.actor2_token = owner
            break
    if args.actor2_token is None and partners:
        args.actor2_token = partners[0]
    args.actor1 = phrase(args.actor1_token) if args.actor1_token is not None else None
    args.actor2 = phrase(args.actor2_token) if args.actor2_token is not None else None
    # quantities: numbers on the target and on the event noun itself
    counted = [tok] if trigger.pos == "NOUN" else []
    counted += objects
    for noun in counted:
        for child in noun.children:
            if child.dep_ == "nummod" or (child.like_num and child.dep_ == "quantmod"):
                value = number_value(child)
                if value is not None:
                    words = phrase(noun)
                    args.quantities.append(f"{value} {words}")
                    break
    # instruments: weapons named around the trigger
    for child in list(tok.children) + ([args.predicate] if args.predicate is not None else []):
        for obj in preposition_objects(child, ("with", "using")) if child.dep_ != "prep" else []:
            if set(lemma_forms(obj)) & weapons:
                args.instruments.append(phrase(obj))
    for obj in preposition_objects(tok, ("with", "using")):
        if set(lemma_forms(obj)) & (weapons | _SYSTEM_HEADS):
            args.instruments.append(phrase(obj))
    args.instruments = list(dict.fromkeys(args.instruments))
    # context words for typing
    near = set(_subtree_lemmas(tok))
    if args.predicate is not None and args.predicate.i != tok.i:
        near |= _lemmas([args.predicate])
        for c in args.predicate.children:
            if c.dep_ in ("dobj", "nsubj", "nsubjpass", "prep", "agent", "advcl"):
                near |= _subtree_lemmas(c)
    if subject is not None:
        near |= _subtree_lemmas(subject)
    if args.actor1_token is not None:  # "an airliner that crashed": the relative
        near |= set(lemma_forms(args.actor1_token))  # pronoun's antecedent is the subject
    args.near = near
    clause_head = tok if trigger.pos == "VERB" else (args.predicate or tok)
    # (a coordinated verb with a subject of its own is a clause of its own: "armed groups
    # used drones against communities and a leader was murdered")
    while clause_head.dep_ in ("conj", "xcomp", "advcl", "acl", "relcl", "pcomp", "prep",
                               "pobj") and clause_head.head.i != clause_head.i and not (
            clause_head.dep_ == "conj" and clause_head.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in clause_head.children)):
        clause_head = clause_head.head
    args.clause = set(_subtree_lemmas(clause_head))
    args.apart = _apart(tok, args.predicate)
    args.has_place = any(t.ent_type_ in ("GPE", "LOC", "FAC") for o in objects
                         for t in o.subtree)
    return args
