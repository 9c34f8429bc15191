"""Event triggers: the verbs and event nouns that announce an event, and their modality.

A trigger is a token whose lemma (or a short phrase around it: "pulled back", "opened fire",
"air strike", "exchange of fire") is in the ontology. Each trigger carries its modality:
``asserted``, ``uncertain`` ("may have been killed"), or one that makes it a non-event —
``negated`` ("did not attack", "no clashes"), ``future`` ("will strike"), ``hypothetical``
("may strike", "plans to attack", "if they attack", "possible strikes", "are evaluating
future steps").

A sentence without a lexicon trigger that the learned classifier
(:mod:`geoevents.events.learned`) reads as an event with confidence gets one trigger: the
noun or verb that weighs most for the predicted type ("Mount Merapi *erupted* …").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress
from typing import TYPE_CHECKING, NamedTuple, cast
from weakref import WeakKeyDictionary

from geoevents.events.ontology import GENERIC, Ontology
from geoevents.events.tokens import doc_words, span_words, word_table
from geoevents.nlp import PerLemmatizedDocument, span_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from geoevents.events.learned import Prediction
    from geoevents.events.tokens import Word

ASSERTED = "asserted"
UNCERTAIN = "uncertain"
NON_EVENTS = frozenset({"negated", "future", "hypothetical", "habitual", "state"})
# a plural event noun so qualified, with no date of its own, tells what tends to happen,
# not a happening ("the province has seen frequent assassinations")
_HABITUAL = frozenset({"frequent", "repeated", "regular", "routine", "occasional",
                       "sporadic", "recurrent", "recurring", "constant", "periodic"})
# entity labels of dates and times: their words ("March 9", "Friday prayers") are no
# event words
TIME_ENTITIES = frozenset({"DATE", "TIME"})

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# modals of what may or might be ("ca" is spaCy's "can" of "can't")
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca"})
_MODAL_AUX = MODALS | {"'d"}  # "they'd": "would" (or "had": only with its own auxiliaries)
# a tale passed on: what it tells is no happening the report tells
_RUMOURS = frozenset({"rumour", "rumor", "hearsay"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# "until the withdrawal is complete", "once the ceasefire takes effect": a time clause
# in the present tense is about the future
_TIME_MARKS = frozenset({"until", "till", "once", "before", "after"})
_NOUN_HEADS = ("NOUN", "PROPN")
# verbs that name something when they have a predicate complement ("what the organisers
# called the 'persecution' of Serbs", "a raid it termed a security operation")
_NAMING = frozenset({"call", "term", "dub", "label", "brand"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_FIRE_VERBS = frozenset({"open", "exchange", "return", "cease", "set", "come", "hold", "draw",
                         "trade", "under"})
_SUFFIXES = (("ies", "y"), ("ves", "f"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"),
             ("ed", ""), ("ing", "e"), ("ing", ""))


@dataclass
class Trigger:
    """A candidate event mention: the head token, its matched words and modality."""

    token: Word
    lemma: str
    pos: str  # "VERB" or "NOUN"
    phrase: tuple[str, ...] | None
    sub_types: tuple[str, ...]  # lexicon candidates; GENERIC = decided by the arguments
    modality: str = ASSERTED
    modality_reason: str = ""
    learned: Prediction | None = None  # set when the trigger comes from the model alone

    @property
    def generic(self) -> bool:
        return GENERIC in self.sub_types

    @property
    def start(self) -> int:
        return self.token.idx

    @property
    def end(self) -> int:
        return self.token.idx + len(self.token.text)

    @property
    def words(self) -> str:
        """The trigger as written: the word, or the phrase when it is one ("pulled back")."""
        return " ".join(self.phrase) if self.phrase else self.lemma


def lemma(token: Word) -> str:
    """The lower-case lemma (computed from the form when the lemmatizer did not run)."""
    word = token.lemma_
    return word.lower() if word else token.lower_


def lemma_forms(token: Word) -> tuple[str, ...]:
    """Candidate dictionary forms: the lemma, the lower-case form, a hyphenated compound
    ("cease-fire"), and crude de-inflections for what the lemmatizer missed."""
    return document_words(token.doc).forms[token.i]


class TokenWords:
    """The :func:`lemma`, lower-case form and :func:`lemma_forms` of every token of a
    document, by token index, whether it is part of a date, whether it is an event word
    of its sentence (see :meth:`sentence_words`), and whether the document's lemmas were
    set then."""

    def __init__(self, doc: Doc) -> None:
        held = word_table(doc)
        self.lemmatized: bool = held.lemmatized
        labels = held.ents
        # whether the token is part of a date or time ("March 9" is no march)
        self.dated = [label in TIME_ENTITIES for label in labels]
        # dates and people's names are no event words: "March 9" is no march, "Storm
        # Daniel" (which spaCy tags a person) no storming
        self.eventful = [label not in _NO_VERB_ENTITIES for label in labels]
        self.lowers: list[str] = held.lowers
        # (lemma, lower-case form, forms outside a compound) of each token, kept by its
        # lemma and lower-case form: the same words recur in every document
        keys = list(zip(held.lemmas, self.lowers, strict=True))
        found = list(map(_WORDS.get, keys))
        if None in found:
            for i, key in enumerate(keys):
                if found[i] is None:
                    lem = key[0].lower() if key[0] else key[1]  # (see lemma())
                    if len(_WORDS) >= _MAX_WORDS:
                        _WORDS.clear()
                    found[i] = _WORDS[key] = (lem, key[1], _forms(lem, key[1], None))
        entries = cast("list[tuple[str, str, tuple[str, ...]]]", found)  # all set now
        self.lemmas: list[str] = [f[0] for f in entries]
        self.forms: list[tuple[str, ...]] = [f[2] for f in entries]
        space = held.space
        hyphens = [i for i, low in enumerate(self.lowers) if low == "-"] \
            if "-" in self.lowers else []
        for i in hyphens:
            if 1 <= i < len(keys) - 1 and not space[i] and not space[i - 1]:  # "cease-fire"
                self.forms[i + 1] = _forms(self.lemmas[i + 1], self.lowers[i + 1],
                                           self.lowers[i - 1])
        self._pairs = list(zip(self.lemmas, self.lowers, strict=True))

    def sentence_words(self, start: int, end: int) -> set[str]:
        """The lemmas and lower-case forms of the event words of tokens ``start`` to
        ``end``."""
        return set(chain.from_iterable(compress(self._pairs[start:end],
                                                self.eventful[start:end])))


_MAX_WORDS = 65_536
_WORDS: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {}


# :class:`TokenWords` of a document: computed once per document (the event stage reads
# each token's forms many times: each trigger's subtree, clause and sentence), and once
# more when the lemmatizer has run on it since
document_words: PerLemmatizedDocument[TokenWords] = PerLemmatizedDocument(TokenWords)


# consonants English doubles before -ed/-ing ("stopped", "gunned", "teargassed")
_DOUBLED = frozenset("bdgmnprst")


@lru_cache(maxsize=65_536)
def _forms(lemma: str, low: str, compound: str | None) -> tuple[str, ...]:
    """The forms of :func:`lemma_forms` from the token's strings (cached: the same words
    recur in every sentence)."""
    forms = [lemma, low]
    if compound is not None:
        forms.insert(0, f"{compound}-{low}")
    for suffix, repl in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            forms.append(low[: -len(suffix)] + repl)
    for ending in ("ed", "ing"):  # a doubled last consonant: "stopped", "teargassing"
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 4 and stem[-1] == stem[-2] and \
                stem[-1] in _DOUBLED:
            forms.append(stem[:-1])
    return tuple(dict.fromkeys(forms))


def context_lemmas(token: Word, depth: int = 2) -> set[str]:
    """Lemmas of the token's children and, through prepositions, grandchildren."""
    found: set[str] = set()
    frontier = [token]
    for _ in range(depth):
        nxt = []
        for tok in frontier:
            for child in tok.children:
                found.update(lemma_forms(child))
                if child.dep_ in ("prep", "prt", "agent", "dobj", "pobj", "advmod", "acomp"):
                    nxt.append(child)
        frontier = nxt
    return found


def _match_phrase(token: Word, head: str, pos: str, onto: Ontology
                  ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The longest multiword trigger around ``token`` and its sub-types, if any."""
    table = onto.verb_phrases if pos == "VERB" else onto.noun_phrases
    options = table.get(head)
    if not options:
        return None
    if pos == "VERB":
        around = context_lemmas(token)
    else:
        doc = token.doc
        first = max(token.sent.start, token.i - 3)
        left = [t for t in doc_words(doc)[first:token.i] if t.text != "-"]
        around = {f for t in left for f in lemma_forms(t)}
        around |= context_lemmas(token)
    best: tuple[str, ...] | None = None
    subs: list[str] = []
    for words, sub in options:
        others = [w for w in words if w != head and w != "of"]
        if all(w in around for w in others) and (best is None or len(words) == len(best)):
            best = words
            subs.append(sub)
    return (best, tuple(dict.fromkeys(subs))) if best else None


def _governing_verb(token: Word) -> Word:
    """The verb a noun trigger depends on ("launched an attack" → launched)."""
    tok = token
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _own_verb(token: Word, verb: Word, onto: Ontology) -> bool:
    """Whether ``verb`` states the event of ``token`` itself: the trigger verb, or the
    support verb of a trigger noun ("No group *claimed* responsibility", "no one carried
    out an attack"), so that a subject with "no" negates the event."""
    if verb.i == token.i:
        return True
    return token.dep_ == "dobj" and token.head.i == verb.i and (
        lemma(verb) in onto.words("support_verb") or lemma(token) in onto.words(
            "responsibility"))


# prepositions of the setting of a verb, not its content: a trigger under one is not what
# an intention word intends ("discussed the deal in a phone call", "at a meeting"); time
# prepositions name what came before or around it ("ordered the closure of schools *after*
# the attacks", "stopped work to demand security *after* an attack on a colleague")
_SETTING_PREPS = frozenset({"in", "at", "during", "by", "via", "after", "before", "since",
                            "following", "amid", "amidst", "throughout"})
# prepositions of the means and the time of a verb, never of what a hedge word seeks
_MEANS_PREPS = frozenset({"with", "using", "by", "via", "during", "after", "before", "since",
                          "following", "amid", "amidst", "throughout"})
# participles of what is arranged to come ("the talks scheduled for May")
_SCHEDULED = frozenset({"schedule", "scheduled", "set", "slate", "slated", "due", "announce",
                        "announced", "call", "called"})
# participles after a noun that make it a plan, not a happening ("a truce *proposed* by
# the United States", "the strike *planned* for next week")
_PLANNED = frozenset({"propose", "plan", "schedule", "slate", "expect", "threaten"})
_ACCEPTING = frozenset({"accept", "approve", "endorse", "adopt", "implement", "respect",
                        "observe", "violate", "break", "breach", "welcome"})
# intention words that deny what is under them ("denied that its troops attacked"): what
# they hold is never told as done
_DENYING = frozenset({"deny", "refuse", "fail", "avoid", "prevent", "foil", "thwart", "avert"})


def _setting(prep: Word, onto: Ontology) -> bool:
    """Whether ``prep`` sets the scene of its head rather than naming what the head is
    about: 'in' after a verb of taking part is its content ("take part in attacks",
    "engage in fighting")."""
    if prep.lower_ not in _SETTING_PREPS:
        return False
    head = prep.head
    verb = lemma(head)
    if any(c.dep_ == "dobj" and c.lower_ == "part" for c in head.children):
        verb += " part"
    return verb not in onto.words("participation")


def _auxiliaries(verb: Word) -> set[str]:
    """The auxiliaries of ``verb``, lower-cased ("will", "has", "been", "to")."""
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _told_as_done(clause: Word) -> bool:
    """Whether a clause under an intention word is told as having happened, not as what is
    intended: an adverbial clause in the past or a participle beside the verb ("reservists
    were called up *as the army began* a mobilisation", "refused food, *saying* their sons
    had been held"), or a reported clause in the past or perfect ("aid workers warned that
    armed groups *have started* recruiting")."""
    auxes = _auxiliaries(clause)
    if auxes & (FUTURE_AUX | _MODAL_AUX) or "to" in auxes:
        return False
    perfect = bool(auxes & {"have", "has", "had"})
    if clause.dep_ == "advcl":
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in clause.children):
            return False
        return clause.tag_ == "VBD" or perfect or (clause.tag_ == "VBG" and not auxes and not any(
            c.dep_ == "mark" for c in clause.children))
    if clause.dep_ == "ccomp" and lemma(clause.head) not in _DENYING:
        return (clause.tag_ == "VBD" and not _mandated(clause)) or perfect
    return False


# verbs whose "that" clause, in the base form, is what is required of someone
_MANDATIVE = frozenset({"demand", "urge", "ask", "request", "require", "recommend", "propose"})


def _mandated(clause: Word) -> bool:
    """Whether a "that" clause under a verb of demanding is in the mandative subjunctive,
    the bare verb whatever its subject ("demanded that the army *set* up a base", "urged
    that the governor *put* an end to the raids"), which the tagger may read as a past
    with a verb whose past is its base form: what is wanted, not what was done."""
    return lemma(clause.head) in _MANDATIVE and clause.lower_ == lemma(clause) and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _done_by_its_own_clause(noun: Word, onto: Ontology) -> bool:
    """Whether an event noun tells by its own participle or relative clause that it
    happened, whatever the tense of the clause it sits in ("under a deal *reached* on
    Sunday, the militants will leave", "the truce *that was signed* in May will be
    extended"); a participle of intent tells the opposite ("the strike *planned* for next
    week")."""
    ahead = onto.words("intention") | onto.words("hedge_noun") | _SCHEDULED
    for child in noun.children:
        if lemma(child) in ahead or child.lower_ in ahead:
            continue
        auxes = _auxiliaries(child)
        if child.dep_ == "acl" and child.tag_ == "VBN" and not auxes:
            return True
        if child.dep_ == "relcl" and not auxes & (FUTURE_AUX | _MODAL_AUX) and (
                child.tag_ == "VBD" or (child.tag_ == "VBN" and auxes & {
                    "was", "were", "had", "has", "have"})):
            return True
    return False


def _content_of(below: Word) -> bool:
    """Whether a word tells what the noun above it is about, not what happened beside it:
    an infinitive ("an offensive *to retake* Jilib") or a preposition ("a campaign *of*
    strikes"); a relative clause ("the attack, in which gunmen killed 12") is told as done."""
    return below.dep_ == "prep" or (below.dep_ == "acl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in below.children))


def _noun_ahead(noun: Word, onto: Ontology) -> tuple[str, str] | None:
    """Whether a noun above a trigger tells what is to come, so that the trigger it
    holds does too: hedged ("a *planned* offensive to retake Jilib") or the subject of
    a verb in the future or with a modal ("an offensive to retake Jilib *would begin*")."""
    hedges = onto.words("hedge_noun")
    if any(c.dep_ in ("amod", "compound", "nmod") and lemma(c) in hedges
           for c in noun.children):
        return "hypothetical", f"under the hedged noun {noun.text!r}"
    if noun.dep_ in ("nsubj", "nsubjpass"):
        lows = _auxiliaries(noun.head)
        if lows & FUTURE_AUX:
            return "future", f"{noun.text!r}, the subject of a verb in the future"
        if lows & _MODAL_AUX and not lows & {"have", "has", "been"}:
            return "hypothetical", f"{noun.text!r}, the subject of a verb with a modal"
    return None


# punctuation that ends a clause: what stands before it is no content of a verb after it
_CLAUSE_BREAKS = frozenset({";", ":"})


def _cut_off(clause: Word) -> bool:
    """Whether a clause the parse hung under a later verb is cut off from it by a semicolon
    or a colon: two clauses side by side, as in headlines ("Britain expels Russian
    diplomats; Moscow promises response"), the first no content of the second's verb."""
    head = clause.head
    return clause.i < head.i and any(
        t.text in _CLAUSE_BREAKS for t in clause.doc[clause.right_edge.i + 1:head.i])


# participles that tell what a thing is for: "a crossing used to smuggle arms", "a
# drone designed to carry explosives", "a tunnel built to move fighters"
_SERVING = frozenset({"use", "design", "build", "intend", "mean", "equip"})


def _serves_for(verb: Word) -> tuple[str, str] | None:
    """A verb that tells what a thing serves for, or what someone used to do, not a
    happening: a to-infinitive under a participle on a noun ("a crossing used to smuggle
    arms"), or under "used" with no object ("militants used to attack the market", the
    habitual past; "police used tear gas to disperse the crowd" is a happening)."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if head.dep_ == "acl" and head.tag_ == "VBN" and lemma(head) in _SERVING:
        return "state", f"what a thing is for ('{head.text} to {verb.text}')"
    if head.lower_ == "used" and head.tag_ == "VBD" and not any(
            c.dep_ in ("dobj", "auxpass") for c in head.children):
        return "habitual", f"the habitual past ('used to {verb.text}')"
    return None


def _rumoured(clause: Word) -> Word | None:
    """The rumour whose content a clause is ("after a rumour spread that a youth had been
    beaten", "rumours that soldiers had killed a boy sparked riots"): a tale that set off
    what the report tells, not a happening it tells. None when it is no such clause."""
    if clause.dep_ == "acl" and lemma(clause.head) in _RUMOURS:
        return clause.head
    if clause.dep_ == "ccomp":
        return next((c for c in clause.head.children
                     if c.dep_ == "nsubj" and lemma(c) in _RUMOURS), None)
    return None


def modality(token: Word, onto: Ontology) -> tuple[str, str]:
    """(modality, reason) of a trigger token; see the module docstring for the values."""
    if token.pos_ == "VERB" and token.dep_ in _NOMINAL_DEPS:
        verb = _governing_verb(token.head)  # a noun the tagger took for a verb ("that
        # attacks on shipping would continue": the subject of "continue")
    elif token.pos_ == "VERB" and token.dep_ in ("amod", "compound"):
        verb = _governing_verb(token.head)  # a participle on a noun is told in the noun's
        # clause ("he would raise it at an EU-mediated meeting next week")
    else:
        verb = token if token.pos_ == "VERB" else _governing_verb(token)
    # conjoined verbs share the first verb's auxiliaries ("will attack and destroy")
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    heads = [token] + [t for t in (verb, clause) if t.i != token.i]
    for tok in heads:
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return "negated", f"negated by {child.text!r}"
            if child.dep_ in ("nsubj", "nsubjpass") and _own_verb(token, tok, onto) and any(
                    c.dep_ == "det" and c.lower_ == "no" for c in child.children):
                return "negated", f"no subject ('no {child.text}')"
            if child.dep_ == "advmod" and child.lower_ in ("never", "longer") and any(
                    c.lower_ == "no" for c in child.children):
                return "negated", f"negated by 'no {child.text}'"
            if child.lower_ == "never":
                return "negated", "negated by 'never'"
    if clause.dep_ == "xcomp" and clause.head.pos_ in ("VERB", "AUX"):
        # an infinitive's subject is its controlling verb's: "no vehicle would be allowed
        # to enter or leave Niono" tells no one leaving
        for child in clause.head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                    c.dep_ == "det" and c.lower_ == "no" for c in child.children):
                return "negated", f"no subject ('no {child.text}') of {clause.head.text!r}"
    if token.dep_ in ("pcomp", "pobj") and token.head.lower_ == "without":
        # "destroyed a laboratory without meeting any resistance", "withdrew without a
        # fight": what did not happen
        return "negated", "negated by 'without'"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in token.head.head.children):
        # "observed no signs of an exchange of fire", "no reports of clashes"
        return "negated", f"negated by 'no {token.head.head.text} of'"
    if token.pos_ in _NOUN_HEADS and _done_by_its_own_clause(token, onto):
        return ASSERTED, ""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "ahead":
        # "told residents to leave ahead of new strikes", "troops deployed ahead of the
        # march": what the clause is done before has not come yet
        return "future", "what is to come ('ahead of')"
    rumour = _rumoured(clause)
    if rumour is not None:
        return "hypothetical", f"what the {rumour.text!r} told"
    for tok in (verb, clause):
        lows = _auxiliaries(tok)
        if lows & FUTURE_AUX:
            return "future", f"future tense ({'/'.join(sorted(lows & FUTURE_AUX))})"
        modal = lows & _MODAL_AUX
        if modal:
            if modal <= {"would", "'d"} and "have" in lows:
                return "hypothetical", "'would have' + participle: what did not happen"
            if "have" in lows or "has" in lows or "been" in lows:
                return UNCERTAIN, f"hedged with {'/'.join(sorted(modal))} + perfect"
            return "hypothetical", f"modal {'/'.join(sorted(modal))}"
        # to come: "going to strike", "agreed to meet", "were to withdraw"
        if tok.dep_ == "xcomp" and (tok.head.lower_ in ("going", "about", "set", "due") or
                                    lemma(tok.head) in ("agree", "be")):
            return "future", f"'{tok.head.text} to' + verb"
    # intention or attempt words above the trigger ("plans to attack", "warned of strikes")
    intention = onto.words("intention")
    tok = token
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        if tok.dep_ in ("conj", "cc"):
            tok = tok.head
            continue
        if tok.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "pcomp",
                            "nsubjpass", "attr", "relcl"):
            break
        if tok.dep_ == "prep" and _setting(tok, onto):
            break  # "discussed the deal in a phone call": the call is where it was said
        if tok.pos_ in ("VERB", "AUX") and _told_as_done(tok):
            break
        if tok.dep_ == "ccomp" and _cut_off(tok):
            break
        below, tok = tok, tok.head
        if lemma(tok) in intention and tok.i != token.i:
            return "hypothetical", f"under the intention/expectation word {tok.text!r}"
        if tok.pos_ in _NOUN_HEADS and tok.i != token.i and below.dep_ == "acl" and \
                _content_of(below) and lemma(tok) in onto.sub_types["Agreement"].nouns:
            return "future", f"what the {tok.text!r} commits to ('an agreement to withdraw')"
        if tok.pos_ in _NOUN_HEADS and tok.i != token.i and _content_of(below):
            ahead = _noun_ahead(tok, onto)
            if ahead:
                return ahead
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in tok.children):
            return "hypothetical", "in a conditional clause"
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ROOT",):
            break
    for tok in {verb, clause}:
        for child in tok.children:
            if child.dep_ == "mark" and child.lower_ in _CONDITIONAL_MARKS:
                return "hypothetical", f"in a conditional clause ({child.text!r})"
            if child.dep_ == "mark" and child.lower_ in _TIME_MARKS and tok.tag_ in (
                    "VBZ", "VBP"):
                return "future", f"a time clause in the present ({child.text!r} … " \
                    f"{tok.text!r}) tells what is to come"
    purpose = _serves_for(verb)
    if purpose:
        return purpose
    if token.pos_ == "VERB" and token.dep_ == "acl" and token.head.pos_ in _NOUN_HEADS and \
            _content_of(token):
        # "respected the right to protest", "a call to march on parliament": what the
        # noun is about, not a happening told
        return "hypothetical", f"what the {token.head.text!r} is about " \
            f"('{token.head.text} to {token.text}')"
    if token.pos_ == "VERB" and token.dep_ == "relcl" and [
            c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")] in (
            ["is"], ["are"]):
        return "state", "a present passive relative clause says what holds ('which is held by')"
    # "frequent assassinations and bombings": a conjunct shares the first noun's adjective
    plural = [t for t in (token, token.head if token.dep_ == "conj" else None)
              if t is not None and t.tag_ in ("NNS", "NNPS")]
    if len(plural) == 1 + (token.dep_ == "conj") and not any(
            t.ent_type_ in TIME_ENTITIES for t in plural[-1].subtree) and any(
            c.dep_ == "amod" and c.lower_ in _HABITUAL for c in plural[-1].children):
        return "habitual", f"what tends to happen ('{token.text}' qualified as habitual)"
    if token.pos_ in _NOUN_HEADS:
        hedges = onto.words("hedge_noun")
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and lemma(child) in hedges:
                return "hypothetical", f"hedged noun ('{child.text} {token.text}')"
            if child.dep_ == "acl" and child.tag_ == "VBN" and lemma(child) in _PLANNED and \
                    lemma(_governing_verb(token)) not in _ACCEPTING | onto.words(
                        "agreement_ctx"):  # "accepted a truce proposed by Qatar" is made
                return "hypothetical", f"a planned noun ('{token.text} {child.text}')"
        # what a hedge word seeks follows "for", "of", "to" ("a push for talks",
        # "appealed for an end to …"), not the means or the setting ("pushed back with
        # batons")
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and \
                token.head.lower_ not in _MEANS_PREPS and lemma(token.head.head) in hedges:
            return "hypothetical", f"'{token.head.head.text} {token.head.text} …'"
    return ASSERTED, ""


class LemmaTables(NamedTuple):
    """The lemmatizer's irregular verb forms ("shot" → "shoot", "took" → "take"), its
    verbs, and the words it knows as nouns or adjectives: to read a word as a verb
    whatever its tag."""

    exceptions: dict[str, list[str]]
    verbs: frozenset[str]
    nominal: frozenset[str]


# the tables of each lemmatizer read so far (a pipeline's own, see lemma_tables)
_tables: WeakKeyDictionary[object, LemmaTables] = WeakKeyDictionary()
_NO_TABLES = LemmaTables({}, frozenset(), frozenset())


def lemma_tables(nlp: Language) -> LemmaTables:
    """The :class:`LemmaTables` of the pipeline the documents come from (read once per
    lemmatizer); empty when it has no rule lemmatizer with those tables."""
    from spacy.pipeline import Lemmatizer

    pipe = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if not isinstance(pipe, Lemmatizer):
        return _NO_TABLES
    held = _tables.get(pipe)
    if held is not None:
        return held
    tables = pipe.lookups
    if not tables.has_table("lemma_exc") or not tables.has_table("lemma_index"):
        return _NO_TABLES
    index = tables.get_table("lemma_index")
    held = _tables[pipe] = LemmaTables(
        dict(tables.get_table("lemma_exc").get("verb", {})),
        frozenset(index.get("verb", ())),
        frozenset(chain(index.get("noun", ()), index.get("adj", ()))))
    return held


def _verb_only(token: Word, forms: tuple[str, ...], tables: LemmaTables) -> str | None:
    """The verb of a past form no noun or adjective shares ("overran", "KIDNAPPED"),
    whatever the tag: an irregular form or an -ed form of a known verb."""
    exceptions, verbs, nominal = tables
    low = token.lower_
    if low in nominal or not (low in exceptions or low.endswith("ed")):
        return None
    return next((f for f in forms if f != low and (f in verbs or low in exceptions)), None)


# tags a verb is misread as, and entities no verb is part of
_MISREAD_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})
_NO_VERB_ENTITIES = TIME_ENTITIES | {"PERSON"}


def _misread_verb(token: Word, onto: Ontology, tables: LemmaTables
                  ) -> tuple[str, tuple[str, ...] | None, tuple[str, ...]] | None:
    """(verb, phrase, sub-types) of a word the tagger took for a noun or adjective that
    the words right after it make a listed verb phrase: a verb with its particle or
    resultative ("gunmen on a motorcycle *shot dead* a leader", where "shot" is read as
    the object of "on"), which no noun is followed by; or a past form that is only a
    verb (see :func:`_verb_only`)."""
    doc = token.doc
    low = token.lower_
    forms = (*tables.exceptions.get(low, ()), *document_words(doc).forms[token.i])
    end = -1  # (the sentence's end, found when a verb phrase starts with a form)
    for form in dict.fromkeys(forms):
        for words, _ in onto.verb_phrases.get(form, ()):
            rest = words[1:]
            if not rest:
                continue
            if end < 0:
                end = token.sent.end
            if token.i + len(words) > end:
                continue
            if tuple(t.lower_ for t in doc[token.i + 1:token.i + len(words)]) == rest:
                subs = tuple(dict.fromkeys(sub for w, sub in onto.verb_phrases[form]
                                           if w == words))
                return form, words, subs
    # a participle read as an adjective describes ("return the abducted children")
    verb = _verb_only(token, forms, tables) if token.pos_ in _NOUN_HEADS else None
    if verb is not None and verb in onto.verb_index:
        return verb, None, onto.verb_index[verb]
    return None


def find_triggers(sent: Span, onto: Ontology, tables: LemmaTables) -> list[Trigger]:
    """All lexicon triggers of a sentence, in text order, with their modality (``tables``:
    :func:`lemma_tables` of the pipeline the document came from)."""
    found: list[Trigger] = []
    forms_of = document_words(sent.doc).forms
    for token in span_words(sent):
        tag = token.pos_
        misread = _misread_verb(token, onto, tables) if tag in _MISREAD_TAGS and \
            token.ent_type_ not in _NO_VERB_ENTITIES else None
        if misread is not None:
            mod, why = modality(token, onto)
            found.append(Trigger(token=token, lemma=misread[0], pos="VERB", phrase=misread[1],
                                 sub_types=misread[2], modality=mod, modality_reason=why))
            continue
        if tag == "VERB":
            pos = "VERB"
            index = onto.verb_index
            phrases = onto.verb_phrases
        elif tag in _NOUN_HEADS and token.dep_ != "compound":
            pos = "NOUN"
            index = onto.noun_index
            phrases = onto.noun_phrases
        else:
            continue
        if token.ent_type_ in TIME_ENTITIES:
            continue  # "NIAMEY, March 24": a month, not a march
        if pos == "NOUN" and token.lower_ == "fire" and lemma(token.head) in _FIRE_VERBS:
            continue  # "opened fire", "exchanged fire": part of a verb phrase
        if pos == "VERB" and lemma(token) in _NAMING and \
                any(c.dep_ == "oprd" for c in token.children):
            continue  # "against what the organisers called the 'persecution'": a name
        hit: tuple[str, tuple[str, ...] | None, tuple[str, ...]] | None = None
        for form in forms_of[token.i]:
            phrase = _match_phrase(token, form, pos, onto) if form in phrases else None
            if phrase:
                hit = (form, phrase[0], phrase[1])
                break
            if form in index:
                hit = (form, None, index[form])
                break
        if hit is None:
            continue
        mod, why = modality(token, onto)
        found.append(Trigger(token=token, lemma=hit[0], pos=pos, phrase=hit[1],
                             sub_types=hit[2], modality=mod, modality_reason=why))
    if all(t.modality in NON_EVENTS or t.lemma in RULES_ONLY for t in found):
        # no lexicon word tells a happening, only what is to come or was asked: the
        # sentence may still tell one the model reads ("the junta ordered the expulsion of
        # three French diplomats", "Police used a water cannon in an attempt to disperse
        # the rioters") -- but not the one who intends ("The militia intends to take part
        # in attacks": its subject is no happening)
        learned = learned_trigger(sent, onto)
        if learned is not None and all(t.token.i != learned.token.i for t in found) and \
                not (found and learned.token.dep_ == "nsubj" and
                     lemma(learned.token.head) in onto.words("intention")):
            found.append(learned)
            found.sort(key=lambda t: t.token.i)
    return found


# trigger words that are an event only as the rules read them (see classify): "block" is
# a protest when a crowd blocks a way, while the model, reading the sentence, would type
# any blockade in it (a checkpoint, the road a dispersed crowd had blocked); a sentence
# with no other trigger is still read by the model (see learned_trigger)
RULES_ONLY = frozenset({"block"})
# the model alone makes a trigger when it is at least this sure of the type and the event
LEARNED_TRIGGER_TYPE = 0.5
LEARNED_TRIGGER_EVENT = 0.8


# event types that need someone armed: a sentence the lexicon has no trigger for is one
# of them only when it names who fought or took the place
_FOUGHT = frozenset({"Battles"})
_FIGHTER_CLASSES = ("armed", "non_state", "government", "attack")


def _names_a_fighter(sent: Span, onto: Ontology) -> bool:
    """Whether a sentence names an armed actor: a word for soldiers, militants or
    attackers, or an organisation or nationality that does something (a subject or in
    one: "al-Shabaab took the town", "Russian forces")."""
    fighters = frozenset().union(*(onto.words(c) for c in _FIGHTER_CLASSES))
    return any(fighters & set(lemma_forms(t)) or (
        t.ent_type_ in ("ORG", "NORP") and "nsubj" in (t.dep_, t.head.dep_))
        for t in span_words(sent))


def learned_trigger(sent: Span, onto: Ontology) -> Trigger | None:
    """A trigger for a sentence the lexicon has none for, when the learned classifier is
    sure that it reports an event: the noun or verb with the most weight for that type."""
    from geoevents.events.learned import load_model, predict

    pred = predict(span_text(sent))
    if pred.event_probability < LEARNED_TRIGGER_EVENT or \
            pred.best_event_probability < LEARNED_TRIGGER_TYPE or \
            pred.best_event not in onto.sub_types:
        return None
    if onto.event_type_of(pred.best_event) in _FOUGHT and not _names_a_fighter(sent, onto):
        return None  # "Most residents fled into the bush": flight, nobody fought or took
    model = load_model()
    weighed: list[tuple[float, int, Word]] = []
    for token in span_words(sent):
        if token.pos_ not in ("VERB", "NOUN") or token.dep_ == "compound" or \
                token.ent_type_ in TIME_ENTITIES:
            continue
        weight = max(model.word_weight(form, pred.best_event)
                     for form in (token.lower_, lemma(token)))
        if weight > 0:
            weighed.append((-weight, token.i, token))
    if not weighed:
        return None
    ranked = [token for _, _, token in sorted(weighed, key=lambda w: w[:2])]
    token = ranked[0]
    mod, why = _learned_modality(token, onto)
    if mod in NON_EVENTS:
        # the heaviest word is what is to come or was refused ("gang members shot dead a
        # shopkeeper who had refused to pay extortion money"): the next word that tells a
        # happening, not a subject (the doer of a planned act reads as told: "delegations
        # are due to meet")
        told = ((t, *_learned_modality(t, onto)) for t in ranked[1:]
                if t.dep_ not in ("nsubj", "nsubjpass"))
        token, mod, why = next((t for t in told if t[1] not in NON_EVENTS),
                               (token, mod, why))
    return Trigger(token=token, lemma=lemma(token), pos="VERB" if token.pos_ == "VERB"
                   else "NOUN", phrase=None, sub_types=(pred.best_event,), modality=mod,
                   modality_reason=why, learned=pred)


def _learned_modality(token: Word, onto: Ontology) -> tuple[str, str]:
    """The modality of a word the model weighs most, which may be no argument of a verb
    of its own: within the clause of a verb of intention that governs an infinitive
    ("drivers' associations *have threatened to* halt transport", "youth leaders
    *threatened to* block the highway"), the sentence tells what is intended, not done."""
    mod, why = modality(token, onto)
    if mod in NON_EVENTS:
        return mod, why
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    while (verb.dep_ in ("xcomp", "conj") or _infinitive(verb)) and verb.head.i != verb.i \
            and lemma(verb) not in _INTENDING:
        verb = verb.head
    if lemma(verb) in _INTENDING and any(
            c.dep_ == "xcomp" or _infinitive(c) for c in verb.children):
        return "hypothetical", f"in the clause of the intention word {verb.text!r}"
    return mod, why


def _infinitive(verb: Word) -> bool:
    """Whether a verb is a to-infinitive the parse hung as an adverbial clause
    ("threatened on Sunday *to barricade* the road")."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                        for c in verb.children)


# verbs of intention whose infinitive tells what is to come, whoever is its doer
_INTENDING = frozenset({"threaten", "vow", "plan", "intend", "promise", "pledge", "warn",
                        "prepare"})
