"""The sub-event type of a trigger, from the trigger word and its arguments.

Order of decisions (each leaves a reason):

1. the trigger's lexicon sub-types, keeping those whose required arguments are present
   ("captured" needs a place or territory noun, "declared" a curfew, "call" a phone);
2. generic violence ("attacked", "strike", "killed", "opened fire") takes its sub-type from
   the weapon named nearest to it (chemical, suicide, grenade, aircraft, artillery,
   explosives), else from the target and the actors (protesters → protest sub-types,
   civilians → Attack, armed men → Armed clash, sites hit by a state military → Air/drone
   strike);
3. context refines it: who takes a place (state → Government regains territory, non-state
   → Non-state actor overtakes territory), what happens at a protest (dispersal →
   intervention, killings → excessive force, stones and arson → violent demonstration,
   read from who did what to whom: the police's storming or a violent crackdown is no
   riot, a crowd dispersing by itself no intervention, a demand's object no outcome),
   crime vocabulary (cartel, drugs, gang → Organised crime).

:func:`main_event` picks a text's principal event (used for the CASE 2021 evaluation).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from geoevents.events.arguments import Arguments, preposition_objects
from geoevents.events.ontology import (
    GENERIC,
    VIOLENT_EVENT_TYPES,
    WEAPON_EVENT_TYPE,
    Ontology,
)
from geoevents.events.tokens import doc_words, span_words
from geoevents.events.triggers import (
    RULES_ONLY,
    TIME_ENTITIES,
    Trigger,
    lemma,
    lemma_forms,
)
from geoevents.nlp import PerDocument, doc_sentences, doc_text, span_text
from geoevents.wordlists import ROAD_VEHICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from geoevents.events.learned import Prediction
    from geoevents.events.tokens import Word
    from geoevents.model import Event

# weapons decide the sub-type of generic violence, most specific first
WEAPON_ORDER = ("Chemical weapon", "Suicide bomb", "Grenade", "Air/drone strike",
                "Shelling/artillery/missile attack", "Remote explosive/landmine/IED")
# generic triggers that are no event without a weapon or a violent target
WEAK_GENERIC = frozenset({"land", "hit", "launch", "die", "destroy", "hurt", "fire", "pound",
                          "violence", "incident", "operation", "blast", "wound",
                          "injure", "maim"})
CONSEQUENCES = frozenset({"kill", "die", "wound", "injure", "hurt", "maim", "destroy",
                          "damage", "dead"})
# harm that makes force against protesters excessive whatever the weapon
_HARM = frozenset({"kill", "dead", "death", "die", "wound", "injure", "beat"})
_RIOT = frozenset({"riot", "rioter", "stone", "rock", "brick", "molotov", "petrol",
                   "firebomb", "vandalize", "vandalise", "torch", "smash", "loot", "pelt",
                   "hurl", "barricade", "tyre", "tire", "arson", "violent", "throw",
                   "ransack", "storm", "clash", "confront", "aggressive", "violence",
                   "firework", "fireworks", "ablaze", "unrest", "ugly", "rampage"})
# an explosion with these words and none of _ATTACK_WORDS is an industrial accident
_ATTACK_WORDS = frozenset({"attack", "bomber", "militant", "terrorist", "terror", "insurgent",
                           "claim", "ied", "suicide", "gunman", "rebel", "jihadist", "target",
                           "detonate", "plant", "planted", "device", "car bomb", "bomb"})
_FIGHTING = frozenset({"fight", "fighting", "clash", "battle", "kill", "attack", "assault",
                       "storm", "overrun", "shell", "shelling", "bomb", "airstrike", "dead",
                       "wound", "combat", "offensive", "gunfire", "firefight", "killing",
                       "fire"})
# a speech act that rejects an accusation is a denial of responsibility, not a statement
_DENIAL_VERBS = frozenset({"reject", "deny", "dismiss", "refute", "rebuff"})
_ACCUSATIONS = frozenset({"accusation", "allegation", "claim", "charge", "responsibility",
                          "involvement", "blame", "report"})
_MOB = frozenset({"mob", "vigilante", "lynch", "crowd"})
# (not "raid": a raid with no aircraft named is made on the ground, by troops, police or
# armed men, "troops killed five militants in raids on hideouts"; an air raid names the air)
_AIR_DEFAULT = frozenset({"strike", "target", "bomb", "hit", "pound"})
_MILITARY_SITES = frozenset({"site", "target", "position", "stronghold", "hideout", "depot",
                             "tunnel", "launcher", "facility", "infrastructure", "compound",
                             "headquarters", "base", "post", "bunker", "arsenal", "camp"})
# where armed men hide or hold out: a raid on them is fought with them
_HIDEOUTS = frozenset({"hideout", "stronghold", "den", "bunker", "base", "position"})
_CIVIL_PLACES = frozenset({"village", "town", "city", "home", "house", "hospital", "school",
                           "market", "mosque", "church", "bus", "car", "shop", "neighbourhood",
                           "neighborhood", "district", "hotel", "restaurant", "vehicle",
                           "residence", "temple", "wedding", "funeral", "gathering"})


@dataclass
class Typing:
    """The decided sub-event type, a confidence in [0, 1] and the reason."""

    sub_event_type: str
    confidence: float
    reason: str
    # the parse says who did what to whom (demonstrators fighting the police, a crowd
    # dispersing by itself, a protest that ended peacefully): the model, which reads
    # words, does not move it to another outcome of the protest
    decisive: bool = False


def _has(words: set[str], vocab) -> bool:
    return not words.isdisjoint(vocab)


def _cue_hit(cues: tuple[str, ...], words: set[str], text: str) -> str | None:
    """The first of ``cues`` among ``words``, or (a phrase) in ``text``."""
    for cue, padded in _padded(cues):
        if (padded is not None and padded in text) or cue in words:
            return cue
    return None


@lru_cache(maxsize=1024)
def _padded(cues: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """Each cue with the form a phrase has in a text padded with spaces (None for a
    word)."""
    return tuple((cue, f" {cue} " if " " in cue else None) for cue in cues)


# heads that count or group the people of their 'of' ("hundreds of protesters")
_QUANTITY_HEADS = frozenset({"hundred", "thousand", "dozen", "score", "ten", "million",
                             "group", "number", "handful", "some", "many", "several",
                             "gathering", "band"})


@lru_cache(maxsize=1024)
def _cue_words(cues: tuple[str, ...]
               ) -> tuple[frozenset[str], tuple[frozenset[str], ...], frozenset[str]]:
    """(the one-word cues, the words of each phrase cue, the words of all phrase cues)
    of ``cues``."""
    phrases = tuple(frozenset(c.split()) for c in cues if " " in c)
    return (frozenset(c for c in cues if " " not in c), phrases,
            frozenset().union(*phrases))


def _may_hit(cues: tuple[str, ...], words: set[str]) -> bool:
    """Whether :func:`_cue_hit` can find one of ``cues`` in a text made of ``words``: a
    one-word cue among them, or every word of a phrase cue (none when no word of any
    phrase cue is among them)."""
    single, phrases, phrase_words = _cue_words(cues)
    return not single.isdisjoint(words) or (
        not phrase_words.isdisjoint(words) and any(p <= words for p in phrases))


def _token_class(token, onto: Ontology) -> str | None:
    """civilian / armed / protester / None for an argument head (the people counted by a
    quantity: "hundreds of protesters" are protesters; a date is nobody: "March" is no
    marchers)."""
    if token is None or token.ent_type_ in TIME_ENTITIES:
        return None
    if lemma(token) in _QUANTITY_HEADS or token.ent_type_ == "CARDINAL":
        counted = preposition_objects(token, ("of",))
        if counted:
            token = counted[0]
    forms = set(lemma_forms(token))
    if _has(forms, onto.words("protester")):
        return "protester"
    if _has(forms, onto.words("armed")) or _has(forms, onto.words("non_state")):
        return "armed"
    if token.ent_type_ == "PERSON" or _has(forms, onto.words("civilian")):
        return "civilian"
    return None


people_class = _token_class  # for the one-attack rules of :mod:`geoevents.events.extract`


def _actor_side(token, onto: Ontology) -> str | None:
    """'state' or 'non-state' for an actor head, from its words."""
    if token is None:
        return None
    words = {t.lower_ for t in token.subtree} | set(lemma_forms(token))
    non_state = _has(words, onto.words("non_state"))
    state = _has(words, onto.words("government"))
    if non_state and not (state and ("pro-government" in words or "government" in words)):
        return "non-state"
    if state:
        return "state"
    return None


# what is recovered of the dead
_THE_DEAD = frozenset({"body", "corpse", "remains"})


def _requirement_met(required: tuple[str, ...], trigger: Trigger, args: Arguments,
                     onto: Ontology) -> bool:
    around = args.near - set(lemma_forms(trigger.token))  # "call" is no phone of its own
    doers = _doers(trigger.token) if trigger.pos == "NOUN" else set()
    if "person_noun" in required and trigger.pos == "VERB" and args.target is not None and \
            _has(set(lemma_forms(args.target)), _HELD_THINGS | _GATHERINGS):
        return False  # a verb that needs a person: "held a vigil" arrests no one
    if "person_noun" in required and trigger.pos == "VERB" and any(
            c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ != "PERSON" and
            (not _people(c, onto) or _has(set(lemma_forms(c)), _held_places(onto)))
            for c in trigger.token.children):
        return False  # what it is done to is no person: "fighters held a checkpoint"
    if trigger.lemma == "hold" and trigger.token.dep_ == "conj" and \
            lemma(trigger.token.head) in _SEIZING:
        return False  # "abducted the administrator and held him for a night": the keeping
        # of whom the first verb took, no detention of its own
    if trigger.pos == "VERB" and trigger.lemma == "fall" and not _fallen_place(
            trigger.token, onto):
        return False  # "charges dropped from drones fell inside the base": what fell is
        # no town or post, whatever the place it fell in
    if "territory" in required and trigger.pos == "VERB" and any(
            c.dep_ == "dobj" and lemma(c) in _THE_DEAD for c in trigger.token.children):
        return False  # "residents recovered four more bodies from the ravines around the
        # village": the toll of a happening told before, no place taken back
    if "for_of" in required and not _blamed_for_violence(trigger.token, onto):
        return False  # "accused Israel of undermining the ceasefire": blame for no
        # violence claims no violent act
    if "weapon" in required and trigger.pos == "VERB" and lemma(trigger.token) not in \
            _DISARMING and _people(args.target, onto):
        return False  # "drones neutralised a group of terrorists": people, no weapon, were
        # stopped (military wording for killing them)
    for name in required:
        if name == "person_noun" and _has(around, _person_words(onto)):
            return True
        if name == "protester_or_people" and trigger.pos == "VERB" and \
                _unarmed_group(trigger.token, onto):
            return True
        if name == "blocked_way":
            if trigger.pos == "VERB" and _way_blocked(trigger.token, onto):
                return True
            continue
        if name == "property" and _has(around, ROAD_VEHICLES):
            return True  # "a gang burned a minibus": a vehicle is property too
        if name == "GPE" and args.has_place:
            return True
        if name == "PERSON" and args.target is not None and args.target.ent_type_ == "PERSON":
            return True
        if name == "STATE_SUBJECT" and any(  # "China urged …": a country speaks as a state
                child.dep_ == "nsubj" and child.ent_type_ == "GPE"
                for child in trigger.token.children):
            return True
        if _has(around, onto.words(name)):
            return True
        if name in _DOER_CLASSES and _has(doers, onto.words(name)):
            return True
    return False


# what marks people as fighters whatever they are called ("armed men", "masked men")
_ARMED_LOOKS = frozenset({"armed", "masked", "hooded", "gun-toting", "gun-wielding"})


def _unarmed_group(verb: Word, onto: Ontology) -> bool:
    """Whether the subject of a verb is a group of people of any kind but fighters ("about
    60 war veterans marched", "pensioners marched", not "troops marched into the town"):
    a plural noun, no armed, non-state or weapon word in it ("armed men"). Of two
    subjects the parse gives, the one nearest before the verb ("Near Shahba, some 20
    kilometres to the north, several hundred young men blocked the highway", where
    "Shahba" is parsed as a subject too)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subject = max((c for c in subjects if c.i < verb.i), key=lambda c: c.i,
                  default=subjects[0] if subjects else None)
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NNS":
        return False
    words = {form for t in subject.subtree for form in lemma_forms(t)}
    return not _has(words, _ARMED_LOOKS | onto.words("armed") | onto.words("non_state") |
                    onto.words("weapon") | onto.words("vessel") | onto.words("aircraft"))


def _way_blocked(verb: Word, onto: Ontology) -> bool:
    """Whether people of any kind but fighters blocked a way ("residents blocked Avenida
    La Limpia", "farmers blocked the highway"): a protest's blockade, not a veto ("lawmakers
    blocked the bill") nor a checkpoint ("soldiers blocked the road"). Not in a relative
    clause: "police fired tear gas to disperse young men who had blocked the road" says
    who the crowd was, whose protest the dispersal tells."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and verb.dep_ != "relcl" and _unarmed_group(verb, onto) and (
        obj.pos_ == "PROPN" or _has(set(lemma_forms(obj)), onto.words("blocked_way")))


# relative pronouns: the subject of "which fell" is the noun the clause describes
_RELATIVES = frozenset({"which", "that", "who"})
# the prepositions that name what someone is blamed for (the ontology's ``for_of``)
_BLAMED_FOR = frozenset({"for", "of", "over"})


def _fallen_place(verb: Word, onto: Ontology) -> bool:
    """Whether the subject of "fall" is a place that can change hands ("the town fell",
    "Kidal, which fell to the rebels"), not ordnance or people ("shells fell on the
    market", "two soldiers fell")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in _RELATIVES and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None:
        return False
    return subject.ent_type_ in ("GPE", "LOC", "FAC") or _has(
        set(lemma_forms(subject)), onto.words("territory") | onto.words("base"))


def _blamed_for_violence(trigger: Word, onto: Ontology) -> bool:
    """Whether what a blame word blames someone for is violence ("blamed the army for
    the attack", "accused rebels of killing civilians"), or is not said; an accusation
    of something else ("of undermining the ceasefire", "of corruption") is politics."""
    heads = [trigger] + [c for c in trigger.children if c.dep_ == "dobj"]  # the parse
    # may hang the act on whom it blames: "accused (the mayor of Goma of corruption)"
    blamed = [g for h in heads for c in h.children if c.dep_ == "prep" and
              c.lower_ in _BLAMED_FOR for g in c.subtree if g is not c]
    if not blamed:
        return True
    for tok in blamed:
        form = lemma(tok)
        types = onto.noun_index.get(form, ()) + onto.verb_index.get(form, ())
        if form in CONSEQUENCES or form in _FIGHTING or any(
                t == GENERIC or onto.event_type_of(t) in VIOLENT_EVENT_TYPES
                for t in types):
            return True
    return False


# a verb whose object is who gives weapons up: people disarmed are a weapons use disrupted
_DISARMING = frozenset({"disarm"})
_COUNTS = frozenset({"dozen", "dozens", "scores", "hundreds", "several", "many", "some"})


# verbs of taking people: a "held" joined to one keeps whom it took
_SEIZING = frozenset({"abduct", "kidnap", "snatch", "seize", "capture", "arrest", "detain",
                      "take"})


def _held_places(onto: Ontology) -> frozenset[str]:
    """Places and posts, which armed men hold without holding anyone ("a checkpoint")."""
    return onto.words("territory") | onto.words("base")


def _gathering(target: Word) -> bool:
    """Whether a held thing is a gathering of people's own ("held a vigil", "held a
    rally"), not a rite or a meeting a gathering word is part of ("funeral prayers",
    "memorial service", "prayer meeting")."""
    if not _has(set(lemma_forms(target)), _GATHERINGS):
        return False
    return not any(child.dep_ in ("compound", "amod") and
                   _has(set(lemma_forms(child)), _HELD_THINGS) for child in target.children)


def _people(target: Word | None, onto: Ontology) -> bool:
    """Whether a verb's object (or doer) is people or a group of them ("a group of
    terrorists", "dozens", "five militants", "armed youths"), with no weapon named in it."""
    if target is None:
        return False
    words = {form for t in target.subtree for form in lemma_forms(t)}
    if _has(words, onto.words("weapon")):
        return False
    return target.like_num or target.lower_ in _COUNTS or _has(
        words, _person_words(onto) | onto.words("armed") | onto.words("non_state"))


# the word classes of who demonstrates: an event noun takes them from the subject of the
# verb it completes (see _doers); officials and armed men as subjects were tried too, and
# made phantom statements and meetings on the golden reports
_DOER_CLASSES = frozenset({"protester", "protester_or_people", "labour"})


def _doers(noun: Word) -> set[str]:
    """Lemmas of who does what an event noun names, as the subject of the verb the noun
    completes: its object or a preposition's object on it ("2,000 *people* took part in a
    march", "*demonstrators* marked the day with a silent march")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return set()
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {form for child in verb.children if child.dep_ == "nsubj"
            for tok in child.subtree for form in lemma_forms(tok)}


def _person_words(onto: Ontology) -> frozenset[str]:
    """Nouns for people: the person nouns and the words for civilians and demonstrators
    ("police beat *marchers*", "gunmen snatched two *passengers*")."""
    return onto.words("person_noun") | onto.words("civilian") | \
        (onto.words("protester") - _GATHERINGS)


# what is held without anyone being arrested: meetings, votes and what people carry ...
_HELD_THINGS = frozenset({"meeting", "talk", "conference", "election", "session",
                          "referendum", "celebration", "festival", "placard", "banner", "sign",
                          "picture", "photograph", "photo", "portrait", "flag", "candle",
                          "poster", "image", "funeral", "ceremony", "service"})
# ... and the gatherings people hold in public, which are their protest ("held a vigil")
_GATHERINGS = frozenset({"protest", "demonstration", "rally", "march", "sit-in", "vigil",
                         "picket", "strike", "prayer", "memorial", "gathering", "procession",
                         "commemoration"})


def _weapon(trigger: Trigger, args: Arguments, sentence: set[str], text: str,
            onto: Ontology) -> tuple[str, str, str] | None:
    """(sub-type, cue, scope) of the nearest weapon named around a violence trigger."""
    # (not a weapon that only another clause with a subject of its own names)
    for scope, words in (("trigger phrase", args.near - args.apart),
                         ("clause", args.clause - args.apart),
                         ("sentence", sentence - args.apart)):
        named = _weapon_named(words, onto, text if scope == "sentence" and not args.apart
                              else None)
        if named:
            return *named, scope
    return None


def _weapon_of_another_clause(name: str, args: Arguments, onto: Ontology) -> bool:
    """Whether the weapon of sub-type ``name`` is named only by clauses of the sentence
    other than the trigger's (``args.apart``: "… while a drone struck a fuel depot and
    the army said it had repelled an assault"): the model, which reads the sentence
    whole, took another happening's weapon for the trigger's."""
    named = _weapon_named(set(args.apart), onto) if args.apart else None
    return named is not None and named[0] == name


def _weapon_named(words: set[str], onto: Ontology, text: str | None = None
                  ) -> tuple[str, str] | None:
    """(sub-type, cue) of the first weapon in :data:`WEAPON_ORDER` whose cue ``words``
    name, phrases found in ``text`` (by default the words as a text, made when a cue can
    match)."""
    for name in WEAPON_ORDER:
        cues = onto.sub_types[name].cues
        if text is None:
            if not _may_hit(cues, words):
                continue
            text = f" {' '.join(sorted(words))} "
        cue = _cue_hit(cues, words, text)
        if cue:
            return name, cue
    return None


def _fought_back(trigger: Trigger, onto: Ontology) -> str | None:
    """The battle sub-type of the verb whose object a violence noun is, when the lexicon
    types that verb as a battle only ("the army said it had repelled an assault near Ad
    Douiem": those who repelled it fought its doers); else None."""
    tok = trigger.token
    if trigger.pos != "NOUN" or tok.dep_ != "dobj" or tok.head.pos_ != "VERB":
        return None
    kinds = onto.verb_index.get(lemma(tok.head), ())
    return kinds[0] if len(kinds) == 1 and kinds[0] in onto.sub_types and \
        onto.event_type_of(kinds[0]) == "Battles" else None


def _violence(trigger: Trigger, args: Arguments, sentence: set[str], text: str,
              onto: Ontology) -> Typing | None:
    """The sub-type of generic violence, or None when it is not an event on its own."""
    thrown = _thrown(trigger, args)
    if thrown is not None and _has(set(lemma_forms(thrown)), _RIOT_PROJECTILES) and \
            not _is_state_force(args.actor1_token):
        return Typing("Violent demonstration", 0.6,
                      f"{thrown.text!r} fired or thrown: what rioters throw, not a weapon "
                      f"(whatever weapon word describes it: 'mortar-type fireworks')")
    weapon = _weapon(trigger, args, sentence, text, onto)
    # force on protesters is told by whom it is aimed at ("opened fire on protesters",
    # "fired tear gas at the crowd"), whatever the parse made the object
    target_class = "protester" if _targets_protesters(trigger, args, onto) else \
        _token_class(args.target if args.target is not None else args.actor2_token, onto)
    actor_class = _token_class(args.actor1_token, onto)
    side = _actor_side(args.actor1_token, onto)
    lem = trigger.lemma
    if weapon and weapon[2] != "sentence":
        name, cue, scope = weapon
        if name == "Grenade" and _has(args.clause | args.near, _SMALL_ARMS) and \
                _armed_target(args, onto):
            # "militants attacked a Frontier Corps camp with guns and grenades": an
            # assault fought with hand weapons against armed people is a battle
            return Typing("Armed clash", 0.6, f"an assault on an armed target with guns and "
                          f"{cue!r}: a battle")
        return Typing(name, 0.75, f"weapon {cue!r} in the {scope}")
    fought = _fought_back(trigger, onto)
    if fought is not None:
        return Typing(fought, 0.6, f"the object of {trigger.token.head.text!r}: an attack "
                      f"fought back is a battle with those who fought it")
    if actor_class == "protester" or _has(args.near, {"rioter", "mob"}):
        name = "Mob violence" if _has(args.near, _MOB) else "Violent demonstration"
        return Typing(name, 0.6, "violence by protesters or a crowd")
    if target_class == "protester" and _crowd_attacked(trigger, args, onto):
        return Typing("Attack", 0.6, "armed men of no state force used violence on a crowd: "
                      "an attack on civilians, not force used on a protest")
    if target_class == "protester" or _crowd_control(trigger, args, onto):
        return _force_against_protesters(trigger, args, onto)
    if weapon:
        name, cue, scope = weapon
        return Typing(name, 0.55, f"weapon {cue!r} in the {scope}")
    if _has(args.near, _MOB) and lem in ("attack", "kill", "beat", "lynch", "assault"):
        return Typing("Mob violence", 0.55, "violence by a mob or crowd")
    target_words = set(lemma_forms(args.target)) if args.target is not None else set()
    if (_has(target_words, _MILITARY_SITES) or (lem == "strike" and target_class == "armed")) \
            and lem in _AIR_DEFAULT and side != "non-state":
        return Typing("Air/drone strike", 0.45,
                      "strike on military sites or armed men by a state or unnamed actor, no "
                      "weapon named (most such strikes are from the air)")
    # (what a raid was on, also where the parse hangs it from the verb the raid's noun
    # completes: "killed six gunmen in raids on their hideouts")
    tok = trigger.token
    holders = [tok, tok.head.head] if tok.dep_ == "pobj" else [tok]
    raided = target_words | {form for holder in holders
                             for place in preposition_objects(holder, ("on",))
                             for form in lemma_forms(place)}
    if lem == "raid" and _has(raided, _HIDEOUTS):
        return Typing("Armed clash", 0.5, "a raid on hideouts or strongholds, no weapon "
                      "named: fought on the ground with the armed men there")
    if target_class == "armed" or (actor_class == "armed" and _token_class(
            args.actor2_token, onto) == "armed"):
        return Typing("Armed clash", 0.6, "violence between armed actors")
    if (lem == "strike" and trigger.pos == "NOUN") or _done_by_a_strike(trigger):
        # a strike is told by how it is delivered, whoever it hits ("the strike hit the
        # market"): most strikes with no weapon named are from the air
        return Typing("Air/drone strike", 0.4, "'strike' with no weapon named")
    if target_class == "civilian" or _has(target_words, _CIVIL_PLACES):
        return Typing("Attack", 0.6, "violence against civilians or civilian places")
    if lem in WEAK_GENERIC:
        return None
    if actor_class == "armed" and lem in ("attack", "assault", "raid") and \
            _has(target_words, _MILITARY_SITES | {"checkpoint", "convoy", "patrol"}):
        return Typing("Armed clash", 0.5, "armed actor attacks a military target")
    if lem in ("explosion", "blast", "bombing", "bomb"):
        return Typing("Remote explosive/landmine/IED", 0.5, "explosion, no weapon named")
    if lem in ("kill", "shoot", "stab", "killing", "shooting", "murder", "assault", "attack",
               "open", "raid"):
        return Typing("Attack", 0.4, "violence with no armed target named")
    return None


# the arms of a gunfight ("with guns and grenades")
_SMALL_ARMS = frozenset({"gun", "rifle", "firearm", "gunfire", "kalashnikov", "ak-47",
                         "pistol", "machine gun"})
_BANDS = frozenset({"group", "band", "crowd"})
_BY_HAND = frozenset({"beat", "lynch", "stone", "punch", "kick"})


def _band(verb: Word) -> Word | None:
    """The band of people that is the subject of a verb, also when the parser hung it as
    an apposition on a place fronted before it ("In Čačak, a group of around 20 men, …,
    attacked students"), and of the verb a participle of manner tells more of."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return subject if lemma(subject) in _BANDS else None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i != verb.i:
        return _band(verb.head)  # "…, beating them with sticks": the band that attacked
    return next((t for t in doc_words(verb.doc)[verb.sent.start:verb.i]
                 if t.dep_ == "appos" and lemma(t) in _BANDS and t.head.dep_ == "pobj" and
                 t.head.head.head.i == verb.i), None)


def _beaten_by_a_band(trigger: Trigger, onto: Ontology) -> bool:
    """Whether an attack is a beating by a band of people of no armed kind ("a group of
    around 20 men, some wearing hoods, attacked students …, beating them with sticks"):
    unorganised violence by hand is a mob's, not an armed group's attack."""
    actor = _band(trigger.token)
    if actor is None:
        return False
    # (the band's own word is no sign of arms: "group" is a non-state word, "armed group")
    words = {form for t in actor.subtree if t.i != actor.i for form in lemma_forms(t)}
    if _has(words, _ARMED_LOOKS | onto.words("armed") | onto.words("non_state") |
            onto.words("weapon") | onto.words("government")):
        return False
    return any(lemma(t) in _BY_HAND for t in trigger.token.subtree if t.i != actor.i)


def _done_by_a_strike(trigger: Trigger) -> bool:
    """Whether a verb of violence tells what a strike did ("the strike hit a car", "the
    strike killed three"): the strike's own telling, not an attack of its own."""
    return trigger.pos == "VERB" and any(
        child.dep_ == "nsubj" and lemma(child) in ("strike", "airstrike")
        for child in trigger.token.children)


# words of harm that count a disaster's toll as well as violence's
_TOLL_WORDS = frozenset({"kill", "die", "wound", "injure", "hurt", "maim", "destroy", "dead"})
# natural hazards whose toll a report counts ("14 people were killed, most of them by
# falling trees"); not diseases, which kill without a single happening
_HAZARD_EXCLUDED = frozenset({"outbreak", "epidemic"})
# words that name an attacker or a weapon: then the harm is violence's
_VIOLENCE_WORDS = _ATTACK_WORDS | frozenset({"shoot", "shooting", "stab", "gunfire",
                                             "crossfire", "bullet", "airstrike", "shelling",
                                             "massacre", "murder", "execute", "abduct"})


def _paragraph_sentences(token: Word, before: int, after: int) -> list[Span]:
    """The sentences from ``before`` sentences before the token's to ``after`` after it
    that lie in the token's paragraph (no line break between them and the token), in
    text order."""
    sentences, starts = doc_sentences(token.doc)
    i = bisect_right(starts, token.i) - 1
    text = doc_text(token.doc)
    return [sent for sent in sentences[max(0, i - before): i + after + 1]
            if "\n" not in text[min(sent.end_char, token.idx): max(sent.start_char, token.idx)]]


def _disaster_toll(trigger: Trigger, args: Arguments, sentence: set[str],
                   onto: Ontology) -> str:
    """The natural hazard (earthquake, cyclone, flood …) whose toll a word of harm counts
    ("At least 14 people were killed, most of them by falling trees", "more than 300 people
    had been injured" after "The quake hit at 11:42 p.m."), or '': the hazard named as a
    noun in the trigger's paragraph (up to four sentences before it, one after), and no attacker,
    armed actor or weapon in the trigger's sentence. Disasters have no armed violence; the
    deaths they cause are their toll, not an attack."""
    if trigger.lemma not in _TOLL_WORDS:
        return ""
    if _has(sentence, _VIOLENCE_WORDS | onto.words("armed") | onto.words("weapon") |
            onto.words("attack") | onto.words("crime")):
        return ""
    hazards = set(onto.sub_types["Natural disaster"].nouns) - _HAZARD_EXCLUDED
    for sent in _paragraph_sentences(trigger.token, 4, 1):
        for t in span_words(sent):
            if t.pos_ in ("NOUN", "PROPN") and lemma(t) in hazards:
                return lemma(t)
    return ""


# what rioters fire or throw: fireworks fired at police are no shells, stones no weapon
_RIOT_PROJECTILES = frozenset({"firework", "fireworks", "firecracker", "stone", "rock",
                               "brick", "bottle", "molotov", "cocktail", "flare"})


def _thrown(trigger: Trigger, args: Arguments) -> Word | None:
    """What a firing or throwing verb fired or threw: its object ("fired fireworks at
    police"), the noun its participle describes ("fireworks fired at police") or the
    subject of its passive ("stones were thrown")."""
    if trigger.lemma not in _FIRING:
        return None
    token = trigger.token
    if token.dep_ == "acl" and not any(c.dep_ == "nsubj" for c in token.children):
        return token.head
    return next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)


# shots, lethal unless what was fired is non-lethal ("rubber bullets", "tear gas")
_SHOTS = frozenset({"shoot", "bullet", "gunfire"})
# what 'live' describes when it means lethal rounds ("live ammunition", "live fire")
_ROUNDS = frozenset({"ammunition", "round", "bullet", "fire", "shot", "munition"})


def _live_rounds(token: Word) -> bool:
    """Whether ``token`` is the 'live' of live ammunition, not the verb or 'live
    television'."""
    return token.lower_ == "live" and token.dep_ in ("amod", "compound") and \
        lemma(token.head) in _ROUNDS


# what force used on a crowd is when the crowd is protesters
_FORCE_ON_A_CROWD = frozenset({"Excessive force against protesters", "Protest with intervention"})
# who attacks: the doers an attack is told by, whatever side they are on
_ATTACKERS = frozenset({"assailant", "attacker", "gunman", "raider"})


def _armed_attackers(doer: Word | None, onto: Ontology) -> bool:
    """Whether a doer is armed men who are no state force ("the assailants opened fire on
    the crowd", "jihadists fired on worshippers"): force used on protests is the state's
    (police, soldiers) or a crowd's; armed men firing on a crowd attack civilians."""
    if doer is None or _actor_side(doer, onto) == "state":
        return False
    return _actor_side(doer, onto) == "non-state" or \
        _has(set(lemma_forms(doer)), _ATTACKERS)


def _crowd_attacked(trigger: Trigger, args: Arguments, onto: Ontology) -> bool:
    """Whether armed men of no state force (:func:`_armed_attackers`) used violence on a
    crowd its sentence tells no protest of ("opened fire on the crowd, on market day"):
    people gathered, not protesters."""
    if not _armed_attackers(args.actor1_token, onto):
        return False
    if not _targets_protesters(trigger, args, onto) and _token_class(
            args.target if args.target is not None else args.actor2_token, onto) != "protester":
        return False
    sentence = {lemma(t) for t in span_words(trigger.token.sent)}
    return not _has(sentence - {"crowd"}, protest_words(onto))


def _force_against_protesters(trigger: Trigger, args: Arguments,
                              onto: Ontology) -> Typing:
    """Violence whose target is protesters: excessive force when it kills or injures
    severely or fires live rounds, else an intervention in their protest."""
    lem = trigger.lemma
    harm = _has(args.clause, _HARM | onto.words("severe_injury")) or lem == "kill"
    shots = _has(args.clause, _SHOTS) or lem == "shoot"
    lethal = harm or any(_live_rounds(t) for t in span_words(trigger.token.sent)) or (
        shots and not _has(args.clause, onto.words("non_lethal")))
    name = "Excessive force against protesters" if lethal else "Protest with intervention"
    force = "lethal" if lethal else "non-lethal"
    return Typing(name, 0.65, f"force used against protesters ({force})")


# verbs whose object is what is fired, never whom it is aimed at ("fired buckshot at …")
_FIRING = frozenset({"fire", "throw", "hurl", "lob", "launch"})
# what is fired or thrown, not whom it is aimed at ("fired tear gas at protesters")
_PROJECTILES = frozenset({"gas", "round", "bullet", "shot", "canister", "pellet", "cannon",
                          "spray", "fire"})


def _crowd_control(trigger: Trigger, args: Arguments, onto: Ontology) -> bool:
    """Whether what was fired is a crowd-control weapon ("riot officers fired tear gas to
    clear hundreds of street vendors"): it is fired at a crowd, whoever the crowd is."""
    if trigger.lemma not in _FIRING or args.target is None:
        return False
    fired = set(lemma_forms(args.target))
    return _has(fired, _PROJECTILES) and \
        _has(fired | {lemma(c) for c in args.target.children}, onto.words("non_lethal"))


def _patient(trigger: Trigger, args: Arguments, onto: Ontology) -> Word | None:
    """Who or what an act is done to: its target, unless that is what was fired or part
    of the trigger ("opened fire on protesters", "fired tear gas at the crowd": then the
    second actor), or for an event noun with no target the 'of' of its patient ("the
    shooting of protesters")."""
    target = args.target
    if target is not None and (lemma(target) in (trigger.phrase or ()) or
                               (trigger.lemma in _FIRING and target.dep_ == "dobj") or _has(
            set(lemma_forms(target)), onto.words("weapon") | onto.words("non_lethal") |
            _PROJECTILES)):
        target = None
    if target is None and args.actor2_token is None and trigger.pos == "NOUN":
        target = next(iter(preposition_objects(trigger.token, ("of",))), None)
    return target if target is not None else args.actor2_token


def _targets_protesters(trigger: Trigger, args: Arguments, onto: Ontology) -> bool:
    """Whether an act is done to protesters (:func:`_patient`): people named as
    protesters, or people told protesting in the same clause ("students marching to the
    ministry", "beat students as they marched")."""
    patient = _patient(trigger, args, onto)
    if _token_class(patient, onto) == "protester":
        return True
    if patient is None:
        return False
    protest = protest_words(onto)
    if any(c.dep_ in ("acl", "relcl") and lemma(c) in protest for c in patient.children):
        return True
    return any(c.dep_ == "advcl" and lemma(c) in protest and any(
        s.dep_ == "nsubj" and s.lower_ == "they" for s in c.children)
        for c in trigger.token.children)


def protest_words(onto: Ontology) -> frozenset[str]:
    """Protesters and the one-word verbs and nouns of a peaceful protest (made once per
    ontology: the typing asks for them several times per document)."""
    held = _PROTEST_WORDS
    if held and held[0][0] is onto:
        return held[0][1]
    protest = onto.sub_types["Peaceful protest"]
    words = onto.words("protester") | {w for w in protest.verbs + protest.nouns
                                       if " " not in w}
    _PROTEST_WORDS[:] = [(onto, words)]
    return words


# the ontology :func:`protest_words` last read, and its words
_PROTEST_WORDS: list[tuple[Ontology, frozenset[str]]] = []


def _refine_territory(typing: Typing, trigger: Trigger, args: Arguments, onto: Ontology,
                      around: set[str]) -> Typing:
    """A taking of territory typed by who takes it and whether anyone fought for it;
    ``around`` holds the lemmas of the trigger's sentence and its neighbours. The other
    side's withdrawal (word class ``withdrawal``) followed by a takeover with no fighting
    is a non-violent transfer (ACLED's distinction between the two); a side that
    "retreated under fire" was fought. The subject of a withdrawal word the model typed
    as the taking ("seized Tessit after soldiers pulled out") is the side that left, not
    the one that took: it says nothing of who took the place."""
    raid = _raid(trigger, args)
    if raid:
        return Typing("Armed clash", typing.confidence, f"{typing.reason}; {raid}")
    side = None if _withdrawing(trigger, onto) else _actor_side(args.actor1_token, onto)
    name, reason = typing.sub_event_type, typing.reason
    if name == "Non-state actor overtakes territory" and side == "state":
        name, reason = "Government regains territory", f"{reason}; the actor is a state force"
    elif name == "Government regains territory" and side == "non-state":
        name, reason = ("Non-state actor overtakes territory",
                        f"{reason}; the actor is a non-state group")
    if _has(args.near, {"peacefully", "unopposed", "handover", "handed"}):
        name, reason = "Non-violent transfer of territory", f"{reason}; without fighting"
    elif (_has(around, onto.words("withdrawal")) or
          ("pull" in around and _has(around, {"out", "back"}))) and \
            not _has(around | {trigger.lemma}, _FIGHTING):
        name, reason = ("Non-violent transfer of territory",
                        f"{reason}; taken after the other side withdrew, with no fighting "
                        f"reported")
    return Typing(name, typing.confidence, reason)


def _withdrawing(trigger: Trigger, onto: Ontology) -> bool:
    """Whether the trigger is a word of leaving a place ("withdrew", "pulled out")."""
    return trigger.lemma in onto.words("withdrawal") or (
        trigger.lemma == "pull" and trigger.phrase is not None and
        bool(set(trigger.phrase) & {"out", "back"}))


# a taking told as brief is a raid: the place was fought for, not held
_BRIEF = frozenset({"briefly", "temporarily", "momentarily"})
# armed posts: to overrun one is to defeat its garrison, not to take a place
_ARMED_POSTS = frozenset({"checkpoint", "post", "outpost", "barracks", "garrison"})


def _raid(trigger: Trigger, args: Arguments) -> str | None:
    """Why a taking is an armed clash rather than a change of territory, or None: told as
    brief ("briefly seized control of the town": a raid, no place held), or an armed post
    overrun ("overran several checkpoints": its garrison beaten, no place taken)."""
    if any(lemma(c) in _BRIEF for c in trigger.token.children if c.dep_ == "advmod"):
        return "taken only briefly: a raid, fought for, no place held"
    target = args.target
    if trigger.lemma == "overrun" and target is not None and \
            set(lemma_forms(target)) & _ARMED_POSTS:
        return f"an armed post overrun ({target.text!r}): fought for, no place taken"
    return None


# verbs of a forcible entry: an assault, a taking of territory only when the text says
# the place was taken ("stormed Er Rahad and took control of it")
_FORCED_ENTRY = frozenset({"storm"})
# verbs and nouns that say a place changed hands, with a place or territory as object
_TAKING = frozenset({"seize", "capture", "take", "overrun", "occupy", "hold", "conquer",
                     "control", "takeover"})
# verbs of driving the other side out of a place ("stormed Najarah and expelled all ISIS
# fighters"), with armed men as object
_DRIVING_OUT = frozenset({"expel", "drive", "oust", "dislodge", "evict", "flush", "rout"})
# places people live in: stormed by an army, fought for unless its people were killed
_SETTLEMENTS = frozenset({"village", "town", "city", "district", "neighbourhood",
                          "neighborhood"})


def _territory_taken(sent: Span, onto: Ontology) -> bool:
    """Whether a sentence says a place was taken: 'control' ("took control of it", "now
    controls the town"), a verb of taking whose object is a place or territory ("seized
    the base", not "seized weapons and two vehicles"), or one of driving armed men out
    ("expelled all ISIS fighters")."""
    for t in span_words(sent):
        low = lemma(t)
        if low == "control" or low == "takeover":
            return True
        if low in _TAKING and any(
                c.dep_ in ("dobj", "nsubjpass") and (
                    c.ent_type_ in ("GPE", "LOC", "FAC") or
                    _has(set(lemma_forms(c)), onto.words("territory")))
                for c in t.children):
            return True
        if low in _DRIVING_OUT and any(c.dep_ in ("dobj", "nsubjpass") and _token_class(
                c, onto) == "armed" for c in t.children):
            return True
    return False


# what is done to people in an assault or an ambush: the consequences, and shooting and
# carrying people off ("stormed the settlement, shooting residents and carrying away
# eleven persons")
_HARMING = CONSEQUENCES | {"shoot", "abduct", "kidnap", "behead", "rape", "massacre"}


def _ambushed_civilians(trigger: Trigger, onto: Ontology) -> bool:
    """Whether an ambush harmed only civilians: the people its clause says were killed,
    hurt or carried off ("gunmen ambushed a pickup truck on the road, killing two
    traders") are civilians and none armed. ACLED codes an ambush on civilians as an
    attack on them; one that hits soldiers or police, or an armed escort, is a battle."""
    verb = trigger.token
    harmed = [obj for tok in verb.subtree if lemma(tok) in _HARMING and tok.pos_ == "VERB"
              for obj in tok.children if obj.dep_ in ("dobj", "nsubjpass")]
    # (what was ambushed counts when it is people: a vehicle is no one's side)
    harmed += [obj for obj in verb.children if obj.dep_ == "dobj"
               and _token_class(obj, onto) is not None and lemma(obj) != "vehicle"]
    classes = {_token_class(person, onto) for noun in harmed
               for person in [noun, *noun.conjuncts]}
    return "civilian" in classes and "armed" not in classes


def _assault(typing: Typing, trigger: Trigger, args: Arguments, onto: Ontology) -> Typing:
    """A forcible entry with no place taken, typed by what was stormed and who was hurt:
    a police station, a base or an army camp is fought for (Armed clash); a mosque, a
    home or a station, or a village whose people were killed, is an attack on civilians
    (Attack); a village or a hill stormed by an army or an armed group with no civilians
    killed is fought for (Armed clash)."""
    target = args.target
    words = set(lemma_forms(target)) if target is not None else set()
    if target is not None:
        words |= {form for c in target.children if c.dep_ in ("compound", "amod", "prep")
                  for t in c.subtree for form in lemma_forms(t)}
    armed = onto.words("armed") - {"vehicle", "tank", "unit", "division", "coalition",
                                   "opposition"}
    if target is not None and (_has(words, armed) or _token_class(target, onto) == "armed"):
        return Typing("Armed clash", typing.confidence, f"{typing.reason}; an assault on an "
                      f"armed site ({target.text!r}), no place said to be taken")
    on = f" on {target.text!r}" if target is not None else ""
    civilians_killed = _has(args.clause, _HARMING) and _has(
        args.clause, onto.words("civilian") | {"persons", "worshipper", "passenger"})
    if civilians_killed or _has(words, _CIVIL_PLACES - _SETTLEMENTS) or \
            _token_class(target, onto) == "civilian":
        return Typing("Attack", typing.confidence, f"{typing.reason}; an assault{on} that "
                      f"struck civilians, no place said to be taken")
    if _token_class(args.actor1_token, onto) == "armed" or _actor_side(
            args.actor1_token, onto) is not None:
        return Typing("Armed clash", typing.confidence, f"{typing.reason}; an assault{on} by "
                      f"armed forces, fought for, no place said to be taken")
    return Typing("Attack", typing.confidence, f"{typing.reason}; an assault{on}, no place "
                  f"said to be taken")


# verbs of what a protest is about: "rallied to mourn the demonstrators killed in July",
# "marched, demanding justice for ..."
_GRIEVANCE_VERBS = frozenset({"mourn", "commemorate", "remember", "honour", "honor", "mark",
                              "demand", "call", "denounce", "condemn", "decry", "protest",
                              "demonstrate", "seek"})
_GRIEVANCE_PREPS = frozenset({"over", "against", "about"})


# verbs whose subject caused what they govern ("the killing sparked protests")
_CAUSE_VERBS = frozenset({"spark", "trigger", "prompt", "provoke", "ignite", "fuel", "cause",
                          "touch", "unleash"})
# what demonstrators carry is no outcome ("holding photographs of the dead")
_CARRY_VERBS = frozenset({"hold", "carry", "display", "wave", "brandish", "raise", "bear",
                          "chant", "sing", "shout"})


_TIME_UNITS = frozenset({"hour", "day", "week", "month", "year", "night", "weekend"})


def _earlier(clause: Word) -> bool:
    """Whether a clause tells what happened a measured time before ("rallied on Saturday,
    a day after police used tear gas to break up a smaller gathering"): another
    happening, not what happened at this one."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("after", "since") for c in clause.children) and \
        any(c.dep_ == "npadvmod" and lemma(c) in _TIME_UNITS for c in clause.children)


def _grievance(token: Word) -> set[int]:
    """Indices of the tokens that say what a protest is about (a purpose clause, a
    demand, 'over …', 'against …', the object of a verb of demanding or denouncing, the
    subject of what sparked it) or what happened a measured time before it: their deaths
    and arrests are the grievance, not what happened at the protest."""
    found: set[int] = set()
    voiced = lemma(token) in _GRIEVANCE_VERBS  # "demanding the release of …"
    for child in token.children:
        purpose = child.dep_ in ("advcl", "xcomp") and (
            lemma(child) in _GRIEVANCE_VERBS or
            any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children))
        preps = _GRIEVANCE_PREPS | ({"for"} if voiced else set())
        said = (voiced and child.dep_ in ("dobj", "ccomp", "xcomp")) or \
            (child.dep_ == "prep" and child.lower_ in preps)
        if purpose or said or _earlier(child):
            found.update(t.i for t in child.subtree)
    if token.dep_ in ("dobj", "nsubjpass") and lemma(token.head) in _CAUSE_VERBS:
        for child in token.head.children:  # "the killing of a student sparked protests"
            if child.dep_ in ("nsubj", "csubj"):
                found.update(t.i for t in child.subtree)
    return found


def _protesters_described(token: Word, onto: Ontology) -> set[int]:
    """Indices of the clauses that describe who holds a protest ("mothers of protesters
    killed by the army in 2019 staged a sit-in"): the participles and relative clauses
    inside the subject of the protest verb (or of the verb whose object the protest
    noun is) tell who they are, not what happened at the protest. A word for protesters
    holds no protest: the subject of its verb is whoever acts on them ("Police, who
    fired live rounds, dispersed protesters")."""
    if lemma(token) in onto.words("protester"):
        return set()
    verb = token if token.pos_ == "VERB" else token.head if token.dep_ == "dobj" else None
    if verb is None:
        return set()
    found: set[int] = set()
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for t in subject.subtree:
            if t.dep_ in ("acl", "relcl") and t.i != subject.i:
                found.update(x.i for x in t.subtree)
    return found


def _only_said_of_someone(token: Word, words: frozenset[str]) -> bool:
    """Whether the sentence names ``words`` only in relative clauses that say who someone
    is ("arrested three journalists who had reported on the market strike"): what those
    people did, not where the trigger happened. A clause whose own verb is the protest
    ("arrested 40 people who had protested") still tells of the protest."""
    found = [t for t in span_words(token.sent) if _has(set(lemma_forms(t)), words)]
    return bool(found) and all(any(
        a.dep_ == "relcl" and any(c.lower_ in _WHO for c in a.children)
        for a in t.ancestors) for t in found)


_WHO = frozenset({"who", "whom", "whose"})


def _describes_the_arrested(token: Word, onto: Ontology) -> bool:
    """Whether ``token`` is an arrest participle that describes someone ("in support of
    the arrested opposition leader"), not an arrest at the protest; other participles
    ("dozens of injured protesters") still tell what happened."""
    if token.tag_ != "VBN" or lemma(token) not in onto.sub_types["Arrests"].verbs:
        return False
    return token.dep_ == "amod" or (
        token.dep_ == "acl" and lemma(token.head) not in onto.words("protester"))


# per document: (sentence start, ontology id) -> the sentence's protest background
_BACKGROUNDS: PerDocument[dict[tuple[int, int], frozenset[int]]] = PerDocument(lambda doc: {})


def _protest_background(sent: Span, onto: Ontology) -> frozenset[int]:
    """Indices of the tokens of ``sent`` that tell what its protests are about or who
    protests (:func:`_grievance`, :func:`_protesters_described` of every protest word),
    computed once per sentence: each protest word walks the sentence."""
    held = _BACKGROUNDS(sent.doc)
    key = (sent.start, id(onto))
    if key not in held:
        protest = protest_words(onto)
        held[key] = frozenset().union(*(
            _grievance(t) | _protesters_described(t, onto) for t in span_words(sent)
            if lemma(t) in protest))
    return held[key]


def forget_backgrounds(doc: Doc) -> None:
    """Drop the protest backgrounds kept for the sentences of ``doc`` and the years kept
    for its words (done with it)."""
    _BACKGROUNDS.forget(doc)
    _YEARS.forget(doc)


def protest_background(token: Word, onto: Ontology) -> bool:
    """Whether ``token`` tells what a protest of its sentence is about or who protests
    rather than a happening of its own: inside a protest's grievance ("to protest the
    detention of two colleagues") or the description of its protesters, or an arrest
    participle that describes someone ("in support of the arrested opposition leader")."""
    protest = protest_words(onto)
    if not any(lemma(t) in protest and t.i != token.i for t in span_words(token.sent)):
        return False
    return _describes_the_arrested(token, onto) or token.i in _protest_background(
        token.sent, onto)


def _years_told(token: Word) -> frozenset[str]:
    """The years named by the dates of ``token`` and of the words it hangs from ("the
    unrest of September 2023", "opening fire on a crowd on 2 September 2023, when rallies
    turned violent"): a year names the time of what it dates and of what that governs.
    Kept per word for the document (:data:`_YEARS`): a word's years are its own and its
    head's, so each word's dates are read once rather than once per word below it."""
    held = _YEARS(token.doc)
    told = held.get(token.i)
    if told is not None:
        return told
    path = [token]  # the words up to the root or to the first whose years are kept
    while True:
        node = path[-1]
        if node.head.i == node.i:
            told = frozenset()
            break
        told = held.get(node.head.i)
        if told is not None:
            break
        path.append(node.head)
    for node in reversed(path):
        own = _own_years(node)
        told = held[node.i] = told | own if own else told
    return told


def _own_years(node: Word) -> frozenset[str]:
    """The years named by the dates of ``node`` itself and of its time phrases ("during
    the unrest of 2023")."""
    dates = [c for c in node.children if c.ent_type_ == "DATE"] + [
        c for c in node.children if c.dep_ == "prep" and c.lower_ in _WHEN]
    return frozenset(w.text for d in dates for w in d.subtree
                     if w.ent_type_ == "DATE" and _YEAR.fullmatch(w.text))


# per document: word index -> the years of :func:`_years_told`
_YEARS: PerDocument[dict[int, frozenset[str]]] = PerDocument(lambda doc: {})


_YEAR = re.compile(r"(19|20)\d\d")
_WHEN = frozenset({"in", "on", "during", "since", "after", "before", "until", "amid"})


def _another_year(sent: Span, years: frozenset[str]) -> set[int]:
    """Indices of the words of ``sent`` dated to a year other than ``years`` (those of the
    protest's own words): what happened at a protest of another year ("the unrest of
    September 2023", "when rival rallies turned violent" on a day of 2023) is no outcome
    of this one."""
    words = span_words(sent)
    if not any(w.ent_type_ == "DATE" and _YEAR.fullmatch(w.text) for w in words):
        return set()  # (no year in the sentence: nothing is dated to another one)
    return {t.i for t in words if (told := _years_told(t)) and told.isdisjoint(years)}


def _not_outcome(sent) -> set[int]:
    """Indices of the tokens of a sentence that tell no outcome of a protest: what the
    demonstrators carry or chant ("holding photographs of the dead"), a crowd that
    disperses of its own accord ("the crowd dispersed peacefully") and what happened
    elsewhere ("the protest came as violence flared elsewhere in the district")."""
    found: set[int] = set()
    for t in span_words(sent):
        low = lemma(t)
        if any(c.dep_ == "advmod" and c.lower_ == "elsewhere" for c in t.children):
            found.update(x.i for x in t.subtree)
            if t.dep_ in ("acl", "relcl"):  # "as violence flared elsewhere"
                found.add(t.head.i)
        elif low in _CARRY_VERBS and t.pos_ == "VERB":
            for child in t.children:
                if child.dep_ == "dobj":
                    found.update(x.i for x in child.subtree)
        elif _disperses_itself(t) or (low in _RIOT and _done_by_the_state(t)):
            found.add(t.i)
    return found


# the state's use of force, which words of violence may describe ("a violent crackdown")
_STATE_ACTS = frozenset({"crackdown", "repression", "dispersal", "response", "raid",
                         "suppression", "beating", "force", "assault", "attack", "eviction"})


_STATE_DOERS = frozenset({"police", "troop", "force", "soldier", "security", "officer",
                          "policeman", "gendarme", "gendarmerie", "authority", "army",
                          "military", "guard", "state", "regime", "government"})


def _is_state_force(token) -> bool:
    """Whether ``token`` names the police, the army or the state."""
    return token is not None and lemma(token) in _STATE_DOERS


def _done_by_the_state(token) -> bool:
    """Whether a word of violence tells what state forces did, not demonstrators: its
    subject is the police or the army ("police stormed the square", "troops threw stun
    grenades"), or it describes the state's act or the state ("a violent crackdown",
    "police violence", "violence by security forces", "police violently dispersed")."""
    head = token.head
    if token.pos_ == "VERB":
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None and token.dep_ in ("conj", "xcomp", "advcl") and head.pos_ == "VERB":
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        agent = next((g for c in token.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj"), None)
        return _is_state_force(agent if agent is not None else subject)
    if token.dep_ in ("amod", "advmod") and (
            lemma(head) in _STATE_ACTS or _is_state_force(head) or
            any(c.dep_ == "nsubj" and _is_state_force(c) for c in head.children)):
        return True
    return any((c.dep_ in ("compound", "amod", "poss") and _is_state_force(c)) or
               (c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from") and
                any(_is_state_force(g) for g in c.children)) or
               (c.dep_ == "prep" and c.lower_ == "against" and
                any(lemma(g) in _DEMONSTRATORS for g in c.children))
               for c in token.children)


_DEMONSTRATORS = frozenset({"protester", "protestor", "demonstrator", "crowd", "marcher",
                            "demonstration", "protest", "rally", "march"})


def _disperses_itself(token) -> bool:
    """Whether ``token`` is 'disperse' or 'break up' with no one dispersing anybody:
    intransitive, not passive (nor the conjunct of a passive: "marchers were stopped at
    a roadblock and dispersed with tear gas") and not the purpose of another act ("the
    crowd dispersed peacefully", "the demonstration broke up at noon", but not "police
    moved in to disperse them" or "the march was dispersed")."""
    dispersal = lemma(token) == "disperse" or (lemma(token) == "break" and any(
        c.dep_ == "prt" and c.lower_ == "up" for c in token.children))
    passive = ("dobj", "nsubjpass", "auxpass", "agent")
    return dispersal and token.pos_ == "VERB" and not any(
        c.dep_ in passive for c in token.children) and not (
        token.dep_ == "conj" and any(c.dep_ in ("nsubjpass", "auxpass")
                                     for c in token.head.children)) and \
        token.dep_ not in ("xcomp", "advcl", "acl", "amod")


def _outcome_lemmas(trigger: Trigger, onto: Ontology) -> set[str]:
    """The lemmas of the trigger's sentence and its neighbours that can tell what happened
    at a protest: without what any protest of those sentences is about (its grievance),
    the descriptions of who protests, what demonstrators carry, arrest participles that
    describe someone ("the arrested leader"), the 'riot' of the police's equipment ("riot
    police", "riot gear"), a 'live' that is not live rounds and what is reported absent
    ("no arrests were made", "no injuries")."""
    token = trigger.token
    sentences, starts = doc_sentences(token.doc)
    i = bisect_right(starts, token.i) - 1
    protest = protest_words(onto)
    found: set[str] = set()
    years = _years_told(token)
    for sent in sentences[max(0, i - 1): i + 2]:
        # what any protest of the sentence is about, and who protests, is no outcome
        skip = _not_outcome(sent) | _protest_background(sent, onto) | \
            _another_year(sent, years) | _blockade_made_of(sent)
        if sent.start <= token.i < sent.end and lemma(token) not in protest:
            skip |= _grievance(token) | _protesters_described(token, onto)
        for t in span_words(sent):
            if t.i in skip or t.ent_type_ in TIME_ENTITIES or t.ent_type_ == "PERSON" or \
                    _describes_the_arrested(t, onto):
                continue
            if t.lower_ == "riot" and t.dep_ in ("compound", "amod", "nmod") and \
                    lemma(t.head) not in _RIOT:
                continue
            if t.lower_ == "live" and not _live_rounds(t):  # "who live nearby"
                continue
            if t.lower_ == "storm" and t.pos_ != "VERB":  # the weather, not a storming
                continue
            if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
                continue
            found.add(lemma(t))
            found.add(t.lower_)
    return found


# verbs of closing a road and of clearing what closed it
_BLOCKING = frozenset({"block", "barricade", "seal", "close", "obstruct"})
_CLEARING = frozenset({"remove", "clear", "dismantle"})


def _blockade_made_of(sent: Span) -> set[int]:
    """The words of what a road was blocked with or what was cleared from it ("blocked the
    highway with rocks", "with burning tyres", "removed the barricades"): the stuff of a
    blockade, a way of protesting, not violence of the protesters (ACLED codes a blockade
    by what else happened at it)."""
    out: set[int] = set()
    for verb in span_words(sent):
        if verb.pos_ != "VERB":
            continue
        if lemma(verb) in _BLOCKING:
            things = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                      for g in c.children if g.dep_ == "pobj"]
        elif lemma(verb) in _CLEARING:
            things = [c for c in verb.children if c.dep_ == "dobj"]
        else:
            continue
        out.update(t.i for thing in things for t in thing.subtree)
    return out


_STATE_FORCE = frozenset({"police", "troop", "force", "soldier", "security"})

# words that tell a protest was peaceful ("marched peacefully", "the rally was peaceful")
_PEACEFUL = frozenset({"peaceful", "peacefully", "nonviolent", "non-violent", "nonviolently",
                       "calm", "calmly", "orderly"})
# ... unless hedged: "largely peaceful", "initially peaceful", "otherwise peaceful"
_PEACE_HEDGES = frozenset({"largely", "mostly", "mainly", "initially", "otherwise", "partly",
                           "relatively", "generally", "not"})
# "ended without incident", "passed off without violence"
_INCIDENTS = frozenset({"incident", "violence", "trouble", "clash", "disturbance", "arrest",
                        "injury"})
# what breaks a protest's peace when told in a clause of time ("before police fired")
_BROKEN_PEACE = frozenset({"fire", "shoot", "police", "tear", "arrest", "beat",
                           "charge", "attack"})
# verbs that tell how a protest went or ended ("the protest ended peacefully")
_HOW_IT_WENT = frozenset({"be", "remain", "end", "pass", "conclude", "finish", "disperse",
                          "proceed", "go", "stay", "break"})
# people who protest: how they behaved is not how the protest went
_PROTESTING_PEOPLE = frozenset({"protester", "protestor", "demonstrator", "marcher", "crowd",
                                "striker", "people"})
# a protest named again in the next sentence is the same one when it is definite
_DEFINITE = frozenset({"the", "this", "that", "their", "its"})


def _peaceful_word(token: Word) -> bool:
    """Whether ``token`` says peaceful and is not hedged ("largely peaceful")."""
    return token.lower_ in _PEACEFUL and not any(
        c.dep_ in ("advmod", "neg") and c.lower_ in _PEACE_HEDGES for c in token.children)


def _without_incident(verb: Word) -> bool:
    """Whether ``verb`` has 'without incident' (or violence, trouble, arrests)."""
    return any(c.dep_ == "prep" and c.lower_ == "without" and any(
        lemma(g) in _INCIDENTS for g in c.children) for c in verb.children)


def _went_peacefully(verb: Word) -> bool:
    """Whether a clause tells that its subject went or ended peacefully ("was peaceful",
    "ended peacefully", "marched peacefully", "ended without incident"), with nothing
    that broke the peace told in it ("was peaceful until police fired", "before")."""
    said = _without_incident(verb) or any(
        c.dep_ in ("acomp", "advmod", "oprd") and _peaceful_word(c) for c in verb.children)
    if not said:
        return False
    for c in verb.children:
        marks = {c.lower_} | {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ in ("advcl", "prep") and marks & {"until", "till", "before", "when"} and (
                marks & {"until", "till"} or _has({lemma(t) for t in c.subtree},
                                                  _RIOT | _BROKEN_PEACE)):
            return False
    return True


def _told_peaceful(trigger: Trigger, onto: Ontology) -> str:
    """How the text says a protest was peaceful: 'whole' when the protest as a whole went
    peacefully ("marched peacefully", "the rally was peaceful", "the protest ended
    peacefully", "the march had ended without incident": the trigger's clause, or a
    definite protest noun of its sentence or the next two of its paragraph as the subject
    of how it went),
    'demonstrators' when a peaceful word only describes the protest ("a peaceful march":
    its people used no violence, though the police may still have broken it up), else
    ''. ACLED types a protest by what was done at it; a report that says it was peaceful
    has told what was done."""
    token = trigger.token
    clauses = [token]
    if token.pos_ == "VERB" and token.dep_ in ("advcl", "xcomp", "conj"):
        clauses.append(token.head)  # "blocked a road …, demanding …"
    if any(c.pos_ in ("VERB", "AUX") and _went_peacefully(c) for c in clauses):
        return "whole"
    protest = (protest_words(onto) | _GATHERINGS | {"blockade"}) - _PROTESTING_PEOPLE
    for sent in _paragraph_sentences(token, 0, 2):
        for t in span_words(sent):
            if t.dep_ == "nsubj" and lemma(t) in protest and t.head.pos_ in ("VERB", "AUX") \
                    and lemma(t.head) in _HOW_IT_WENT and (t.i == token.i or any(
                        c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE
                        for c in t.children)) and _went_peacefully(t.head):
                return "whole"
    if any(c.dep_ in ("amod", "advmod") and (_peaceful_word(c) or any(
            g.dep_ == "conj" and _peaceful_word(g) for g in c.children))
            for c in token.children):
        return "demonstrators"
    return ""


def _names_the_protest(trigger: Trigger, onto: Ontology) -> bool:
    """Whether a trigger typed as a protest names the protest itself ("marched", "the
    rally", "demanding protection") rather than what was done at it (a word of force or
    violence: "fired", "dispersed", "rioting")."""
    if lemma(trigger.token) in protest_words(onto):
        return True
    if trigger.lemma in _RIOT or trigger.lemma in _BROKEN_PEACE:
        return False
    # a word the model chose stands for its sentence: what its lexicon says it is decides
    lexicon = trigger.sub_types if trigger.learned is None else (
        onto.verb_index.get(trigger.lemma, ()) + onto.noun_index.get(trigger.lemma, ()))
    return not any(
        name == GENERIC or (name in PROTEST_OUTCOMES and name != "Peaceful protest") or
        onto.event_type_of(name) in ("Riots", "Violence against civilians", "Battles",
                                     WEAPON_EVENT_TYPE)
        for name in lexicon)


def _refine_protest(name: str, words: set[str], onto: Ontology,
                    riot: bool = True) -> tuple[str, str]:
    """A protest typed by its outcome, in ACLED's order: demonstrators who use violence
    make a riot (unless ``riot`` is False: the text says they were peaceful); lethal force
    or force that injures severely is excessive force (firing counts unless what was
    fired is non-lethal: tear gas, rubber bullets, water cannon, warning shots); a
    dispersal or arrests are an intervention. ``words``: the lemmas that tell what
    happened (:func:`_outcome_lemmas`)."""
    if riot and _has(words, _RIOT):
        return "Violent demonstration", "protesters used violence (stones, arson, clashes)"
    force = _has(words, _STATE_FORCE)
    if _has(words, {"kill", "dead", "death", "live"}) or (force and (
            _has(words, onto.words("severe_injury")) or (
                _has(words, {"shoot", "fire"}) and not _has(words, onto.words("non_lethal"))))):
        return "Excessive force against protesters", "lethal or severe force against protesters"
    if name == "Peaceful protest" and _has(words, onto.words("intervention")):
        return "Protest with intervention", "protest dispersed or suppressed"
    return name, ""


def classify(trigger: Trigger, args: Arguments, onto: Ontology, *, sentence: set[str],
             text: str, scene: set[str] | None = None) -> Typing | None:
    """The sub-event type of ``trigger`` or None when it is no event.

    ``sentence`` holds the lemmas of the trigger's sentence, ``text`` the sentence in
    lower case padded with spaces (for multiword cues), ``scene`` lemmas of the
    neighbouring sentences (protest outcomes are often told in the next sentence).
    The rules' typing and the learned classifier's reading of the sentence are combined
    by :func:`combine`.
    """
    from geoevents.events.learned import predict

    scene = scene or set()
    prediction = trigger.learned or predict(span_text(trigger.token.sent))
    if trigger.learned is not None:
        rules = None
    else:
        rules = _rule_typing(trigger, args, onto, sentence=sentence, text=text, scene=scene)
        if rules is None and trigger.lemma in RULES_ONLY:
            return None
    decided = combine(rules, prediction, generic=trigger.generic or trigger.learned is not None,
                      lexicon=trigger.sub_types, spoken=_told_by_a_speaker(trigger, onto))
    if rules is not None and decided is not None and decided.sub_event_type != \
            rules.sub_event_type and _weapon_of_another_clause(decided.sub_event_type, args,
                                                               onto):
        decided = Typing(rules.sub_event_type, rules.confidence,
                         f"{rules.reason}; {prediction.describe()}, but only another clause "
                         f"names its weapon")
    if decided is not None and decided.sub_event_type == "Man-made disaster" and \
            _fire_of_an_attack(trigger, onto):
        return None
    if rules is not None and decided is not None and decided.sub_event_type != \
            rules.sub_event_type:
        kept = _arguments_decide(rules, decided, trigger, args, onto)
        if kept:
            return Typing(rules.sub_event_type, rules.confidence,
                          f"{rules.reason}; {prediction.describe()}, but {kept}")
    if decided is None or (rules is not None and decided.sub_event_type ==
                           rules.sub_event_type):
        return decided
    # the model chose against the rules' typing, which already had the setting read into
    # it (and the model reads the sentence whole): only the actors and a chemical agent
    # named in the next sentence may still refine it
    # the setting is read into a type the model chose alone, except a protest outcome the
    # model is sure of: it read the whole sentence, while the outcome lemmas also catch what
    # the protest is about ("relatives of soldiers killed in the war held a sit-in")
    sure_outcome = decided.sub_event_type in PROTEST_OUTCOMES and \
        prediction.probability >= MODEL_KEEPS_OUTCOME
    refined = _refine(decided, trigger, args, onto, sentence, scene,
                      setting=rules is None and not sure_outcome)
    if rules is None and _speaking(trigger, onto) and not _speech_act(refined.sub_event_type):
        # words are no act: a verb of speaking the model alone typed is a statement or
        # nothing ("the governor, speaking in Springfield, said …", "recalling that
        # attacks on civilians are prohibited"), whatever its sentence tells
        return decided if _speech_act(decided.sub_event_type) else None
    return refined


_DISASTERS = frozenset({"Natural disaster", "Man-made disaster"})
# violence that may be aimed at armed people: fighting and remote violence
_FOUGHT = frozenset({"Battles", WEAPON_EVENT_TYPE})


def _arguments_decide(rules: Typing, decided: Typing, trigger: Trigger, args: Arguments,
                      onto: Ontology) -> str:
    """Why the trigger's own arguments keep the rules' type against the model's reading
    of the sentence ('' when they do not): an act of violence whose subject is people
    ("armed youths attacked a cattle camp") is no disaster, which has no doer; violence
    aimed at an armed site or armed people ("gunmen stormed an army post", "the strike
    killed three militants"), or a battle fought with them ("killed in a gunfight with
    security forces"), is a battle or remote violence, not violence against civilians
    (ACLED: both sides armed and organised); armed men of no state force firing on a
    crowd no protest is told of attack civilians, whatever the model reads of a crowd."""
    family = onto.event_type_of(rules.sub_event_type)
    doer, target = args.actor1_token, args.target
    if family in VIOLENT_EVENT_TYPES and decided.sub_event_type in _DISASTERS and \
            doer is not None and _people(doer, onto):
        return f"its doer is people ({doer.text!r}): an act, no disaster"
    if family in _FOUGHT and onto.event_type_of(decided.sub_event_type) == \
            "Violence against civilians" and target is not None and _armed_target(args, onto):
        return f"its target is armed ({target.text!r}): no violence against civilians"
    if rules.sub_event_type == "Attack" and decided.sub_event_type in _FORCE_ON_A_CROWD and \
            doer is not None and _crowd_attacked(trigger, args, onto):
        return f"its doers are armed men of no state force ({doer.text!r}) and no protest " \
               f"is told: an attack on a crowd"
    other = args.actor2_token
    if family == "Battles" and other is not None and onto.event_type_of(
            decided.sub_event_type) == "Violence against civilians" and \
            _token_class(other, onto) == "armed" and _token_class(doer, onto) in ("armed", None):
        return f"it is fought with armed people ({other.text!r}): a battle, whoever died"
    return ""


# sites held by armed people: military sites, and the posts of police or militias
_ARMED_SITES = _MILITARY_SITES | frozenset({"checkpoint", "barracks", "station"})


def _armed_target(args: Arguments, onto: Ontology) -> bool:
    """Whether the trigger's target is armed people or an armed site ("an army post",
    "a Frontier Corps post", "soldiers")."""
    target = args.target
    if target is None:
        return False
    if _token_class(target, onto) == "armed":
        return True
    words = set(lemma_forms(target)) | {form for c in target.children
                                        if c.dep_ in ("compound", "amod", "nmod", "poss")
                                        for t in c.subtree for form in lemma_forms(t)}
    return _has(words, _ARMED_SITES) and _has(words, onto.words("armed") |
                                               onto.words("non_state"))


# verbs of speaking besides the ontology's speakers' ("said", "told")
_SPEAKING = frozenset({"speak", "recall", "urge", "remind", "stress", "insist"})


def _speaking(trigger: Trigger, onto: Ontology) -> bool:
    """Whether the trigger is a verb of speaking ("speaking in Maroua", "recalling that")."""
    token = trigger.token
    return token.pos_ in ("VERB", "AUX") and (
        lemma(token) in _SPEAKING or lemma(token) in onto.words("speaker"))


# words of a fire, the damage an attack leaves as often as a disaster
_FIRE_WORDS = frozenset({"fire", "blaze", "inferno", "flame", "break out", "catch fire"})
# an attack told by its weapon or its verb ("drones struck an industrial enterprise")
_ATTACK_TOLD = frozenset({"strike", "airstrike", "attack", "shell", "shelling", "bomb",
                          "bombing", "bombardment", "missile", "rocket", "drone", "mortar",
                          "artillery", "hit"})


def _fire_of_an_attack(trigger: Trigger, onto: Ontology) -> bool:
    """Whether a fire is the damage of an attack told in its sentence or the one before in
    its paragraph ("Russian attack drones also struck an industrial enterprise … A fire
    broke out over about 300 square metres"): part of the attack, no disaster of its own."""
    if trigger.words not in _FIRE_WORDS:
        return False
    token = trigger.token
    for sent in _paragraph_sentences(token, 1, 0):
        if any(lemma(t) in _ATTACK_TOLD and t.i != token.i for t in span_words(sent)):
            return True
    return False


# The rules' typing weighs RULE_WEIGHT x its confidence on top of the model's probability
# of the same type; the model's best class (a type or "no event") wins otherwise.
RULE_WEIGHT = 0.6
# A trigger the rules reject becomes an event when the model is this sure (generic
# violence words such as "attack" or "strike" need less than specific ones).
MODEL_ALONE = 0.6
MODEL_ALONE_GENERIC = 0.5
# The model retypes a word the lexicon gives a sub-type only when this sure
MODEL_OVERRULES = 0.65
# A protest outcome the model alone chose (the rules gave no type) keeps it when the model
# is this sure: the outcome words around the trigger do not re-read it (and a claim of
# responsibility the model is this sure of is told by a speaker: see combine)
MODEL_KEEPS_OUTCOME = 0.7
# The model's "no event" drops a typed trigger only when it is this sure as well
NO_EVENT_DROPS = 0.85
# ... and a speech act (a statement, a claim, a denial) when it is this sure: words
# about events are news only when the sentence reads as news ("the meteorological
# department warned that heavy rain would continue" is a forecast, "rejects the
# accusation" a denial nobody codes)
NO_EVENT_DROPS_WORDS = 0.6


# The sub-types of a demonstration, told apart by what was done at it
PROTEST_OUTCOMES = frozenset({"Peaceful protest", "Protest with intervention",
                              "Excessive force against protesters", "Violent demonstration"})


def combine(rules: Typing | None, prediction: Prediction, *, generic: bool,
            lexicon: tuple[str, ...] = (), spoken: bool = False) -> Typing | None:
    """The rules' typing, the model's, or None (no event), with the reason why.

    ``lexicon`` holds the trigger word's sub-types in the ontology: a word that names its
    kind of event ("fighting", "captured") takes another sub-type from the model only when
    the model is very sure, since the model reads the whole sentence, not the word.
    ``spoken``: the trigger is told by a speaker ("said it carried out the assassination",
    "no group has claimed the attack"): a claim the model is sure of is no longer kept
    apart from the act by the trigger word, which names the act claimed.
    """
    from geoevents.events.learned import NO_EVENT

    said = prediction.describe()
    if rules is None:
        floor = MODEL_ALONE_GENERIC if generic else MODEL_ALONE
        if prediction.label == NO_EVENT or prediction.probability < floor:
            return None
        return Typing(prediction.label, round(0.9 * prediction.probability, 3),
                      f"{said}; the rules gave no type")
    probs = prediction.probabilities
    claimed = spoken and prediction.label == CLAIM and \
        prediction.probability >= MODEL_KEEPS_OUTCOME
    if prediction.label != NO_EVENT and not claimed and \
            _speech_act(rules.sub_event_type) != _speech_act(prediction.label):
        return Typing(rules.sub_event_type, rules.confidence,
                      f"{rules.reason}; {said}, but the trigger word decides between an "
                      f"act and words about it")
    if rules.sub_event_type == "Disrupted weapons use" and \
            _event_type(prediction.label) == WEAPON_EVENT_TYPE:
        return Typing(rules.sub_event_type, rules.confidence,
                      f"{rules.reason}; {said}, but the weapon was stopped, not used")
    if rules.decisive and prediction.label in PROTEST_OUTCOMES:
        return Typing(rules.sub_event_type, rules.confidence,
                      f"{rules.reason}; {said}, but the parse tells what happened at the "
                      f"protest")
    rule_score = probs.get(rules.sub_event_type, 0.0) + RULE_WEIGHT * rules.confidence
    if prediction.label == rules.sub_event_type or prediction.probability <= rule_score:
        agrees = "agrees" if prediction.label == rules.sub_event_type else "differs"
        return Typing(rules.sub_event_type, rules.confidence, f"{rules.reason}; {said} "
                      f"{agrees}, the rules decide")
    if not generic and prediction.label not in lexicon and prediction.label != NO_EVENT and \
            prediction.probability < MODEL_OVERRULES:
        return Typing(rules.sub_event_type, rules.confidence,
                      f"{rules.reason}; {said}, not sure enough to retype the word")
    if prediction.label == NO_EVENT:
        floor = NO_EVENT_DROPS_WORDS if _speech_act(rules.sub_event_type) else NO_EVENT_DROPS
        if prediction.probability >= floor:
            return None
        return Typing(rules.sub_event_type, rules.confidence * 0.8,
                      f"{rules.reason}; {said}, not sure enough to drop it")
    return Typing(prediction.label, round(0.9 * prediction.probability, 3),
                  f"{said} over the rules' {rules.sub_event_type!r} ({rules.reason})")


CLAIM = "Claim of responsibility"


def _told_by_a_speaker(trigger: Trigger, onto: Ontology) -> bool:
    """Whether the trigger is part of what a speech verb says or claims: its clause is the
    complement of one, or it is the verb's object ("said it carried out the bombing").
    Not when the speech is negated ("no group has claimed the attack": the attack is
    told, no claim)."""
    token = trigger.token
    while token.head.i != token.i:
        head = token.head
        if head.pos_ in ("VERB", "AUX") and lemma(head) in onto.words("speaker") and \
                token.dep_ in ("ccomp", "dobj", "xcomp"):
            return not any(c.dep_ == "neg" or (c.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children))
                for c in head.children)
        token = head
    return False


def _event_type(sub_event_type: str) -> str | None:
    """The event type of a sub-type (None for the model's `No event`)."""
    from geoevents.events.ontology import load_ontology

    onto = load_ontology()
    return onto.event_type_of(sub_event_type) if sub_event_type in onto.sub_types else None


def _speech_act(sub_event_type: str) -> bool:
    """Diplomacy and claims are words about events: a sentence that reports both a
    statement and an attack has a trigger for each, and the model's reading of the whole
    sentence does not move one into the other."""
    from geoevents.events.ontology import load_ontology

    return sub_event_type == CLAIM or \
        load_ontology().event_type_of(sub_event_type) == "Diplomacy"


def _rule_typing(trigger: Trigger, args: Arguments, onto: Ontology, *, sentence: set[str],
                 text: str, scene: set[str]) -> Typing | None:
    """The sub-event type the rules give ``trigger`` (see the module docstring)."""
    key = " ".join(trigger.phrase) if trigger.phrase else trigger.lemma
    specific = []
    for name in trigger.sub_types:
        if name == GENERIC:
            continue
        required = onto.sub_types[name].required_classes(key, trigger.pos)
        if name == "Non-violent transfer of territory" and trigger.lemma in _MOVING_IN and \
                not _has(sentence | scene, _HANDED_OVER | onto.words("withdrawal")):
            continue  # a raid's forces entering a camp: the raid's movement, no transfer
        if not required or _requirement_met(required, trigger, args, onto):
            specific.append(name)
    decided: Typing | None = None
    if specific and trigger.lemma in _FIRING and _crowd_control(trigger, args, onto):
        # "police lobbed tear gas canisters at protesters": what is lobbed decides, not
        # the word's grenade
        decided = _force_against_protesters(trigger, args, onto)
        fired = args.target.text if args.target is not None else trigger.words
        decided.reason = f"trigger {trigger.words!r}: {decided.reason}, a crowd-control " \
                         f"weapon ({fired!r}) fired"
    elif not specific and trigger.lemma == "hold" and args.target is not None and \
            _gathering(args.target):
        decided = Typing("Peaceful protest", 0.6, f"trigger {trigger.words!r} of a gathering "
                         f"({args.target.text!r}): the people's protest, not an arrest")
    elif specific:
        name = specific[0]
        why = f"trigger {trigger.words!r}"
        if len(specific) > 1:
            name, why = _choose(specific, trigger, args, onto, why)
        decided = Typing(name, 0.7 if trigger.phrase else 0.6, why)
        family = onto.sub_types[name].event_type
        doer = _doer_weapon(args, onto) if name in _DONE_BY_WEAPONS else None
        if doer is not None:
            name, family = doer[0], WEAPON_EVENT_TYPE
            decided = Typing(name, 0.7, f"{why}; done by a weapon ({doer[1]!r}), which "
                             f"decides the type")
        if family == WEAPON_EVENT_TYPE or name == "Attack":
            weapon = _weapon(trigger, args, sentence, text, onto)
            if weapon and weapon[0] != name and weapon[2] != "sentence" and \
                    WEAPON_ORDER.index(weapon[0]) < (WEAPON_ORDER.index(name)
                                                     if name in WEAPON_ORDER else 99):
                decided = Typing(weapon[0], 0.7, f"{why}; weapon {weapon[1]!r} nearby")
    elif trigger.generic:
        hazard = _disaster_toll(trigger, args, sentence, onto)
        if hazard:
            decided = Typing("Natural disaster", 0.6, f"trigger {trigger.words!r}: the toll "
                             f"of the {hazard} told around it, no attacker or weapon named")
        else:
            decided = _violence(trigger, args, sentence, text, onto)
        if decided is not None and not hazard:
            decided.reason = f"trigger {trigger.words!r} (violence): {decided.reason}"
    if decided is None:
        return None
    return _refine(decided, trigger, args, onto, sentence, scene)


# what people do to property or to weapons: done by a weapon ("Ukrainian drones set fire
# to an oil refinery", "shells destroyed houses"), it is the weapon's strike
_DONE_BY_WEAPONS = frozenset({"Looting/property destruction", "Disrupted weapons use"})


def _doer_weapon(args: Arguments, onto: Ontology) -> tuple[str, str] | None:
    """(sub-type, cue) of the weapon that is the trigger's doer, if one is."""
    if args.weapon_doer is None:
        return None
    return _weapon_named({form for tok in args.weapon_doer.subtree
                          for form in lemma_forms(tok)}, onto)


# verbs of moving into a place: a transfer of territory only when the place is handed
# over or left by the other side ("troops entered the town after the rebels withdrew"),
# not the entry of a raid ("forces entered the camp", "settlers entered the outskirts of
# the village and attacked residents")
_MOVING_IN = frozenset({"enter"})
_HANDED_OVER = frozenset({"handover", "hand", "handed", "unopposed", "peacefully",
                          "resistance", "control", "surrender", "cede", "agreement", "deal"})


def _choose(names: list[str], trigger: Trigger, args: Arguments, onto: Ontology,
            why: str) -> tuple[str, str]:
    """Pick among several lexicon sub-types with the actors and the target."""
    side = _actor_side(args.actor1_token, onto)
    if "Government regains territory" in names and "Non-state actor overtakes territory" \
            in names:
        if side == "state":
            return "Government regains territory", f"{why} by state forces"
        return "Non-state actor overtakes territory", f"{why} by a non-state or unnamed actor"
    own = set(trigger.phrase or ())  # "control" of "took control" is no place handed over
    if "Non-violent transfer of territory" in names and any(
            child.dep_ == "dobj" and child.lemma_.lower() not in own and (
                child.ent_type_ in ("GPE", "LOC", "FAC") or _has(
                    set(lemma_forms(child)), onto.words("territory")))
            for child in trigger.token.children):
        return "Non-violent transfer of territory", f"{why}: a place handed over"
    for name in names:  # a weapon or a person object decides between seizing and taking
        if name == "Disrupted weapons use" and _has(args.near, onto.words("weapon")):
            return name, f"{why} of weapons"
    return names[0], why


def _voiced_by_protesters(trigger: Trigger, args: Arguments, onto: Ontology) -> bool:
    """Whether a condemnation or demand comes from protesters ("Protesters denounced
    ...", "protesters demanding ...") or is what a protest is held for ("activists staged
    a demonstration to condemn ...", "thousands marched to denounce ..."): what a crowd
    voices in the street is a protest, not a government's statement."""
    token = trigger.token
    while token.dep_ == "conj" and token.head.pos_ == "VERB" and token.head.i != token.i:
        token = token.head  # "marched …, carrying flags and demanding …": the demand is
        # the march's as the first participle is
    head = token.head
    if _token_class(args.actor1_token, onto) == "protester" or (
            token.dep_ in ("acl", "relcl") and _token_class(head, onto) == "protester"):
        return True
    if token.dep_ not in ("advcl", "xcomp", "acl"):
        return False
    # the purpose of a protest: its head or the head's object is one
    protest = protest_words(onto)
    return _has(set(lemma_forms(head)), protest) or any(
        c.dep_ == "dobj" and _has(set(lemma_forms(c)), protest) for c in head.children)


def _done_by_protesters(trigger: Trigger, args: Arguments, onto: Ontology) -> bool:
    """Whether protesters are the grammatical agent of the trigger: its subject ("Protesters
    torched a police station") or the 'by' of its passive ("shops were looted by
    demonstrators"), not the noun a participle describes ("demonstrators shot by police")."""
    actor = args.actor1_token
    if actor is None or _token_class(actor, onto) != "protester":
        return False
    token = trigger.token
    passive = any(c.dep_ in ("agent", "auxpass") for c in token.children)
    return (actor.head == token and actor.dep_ == "nsubj" and not passive) or (
        actor.dep_ == "pobj" and actor.head.dep_ == "agent" and actor.head.head == token)


def _lodged_by_a_state(trigger: Trigger) -> bool:
    """Whether a protest comes from a state: a protest a country or a ministry lodges
    ("Pakistan lodged a strong protest with India") or makes an act of ("the foreign
    ministry summoned the charge d'affaires in protest": the idiom's bare noun, not the
    protests an act is part of), or the protest of a ministry, government or embassy
    ("the foreign ministry protested the remarks")."""
    token = trigger.token
    if trigger.pos == "VERB":
        return any(child.dep_ == "nsubj" and lemma(child) in _STATE_VOICES
                   for child in token.children)
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "in" and verb.dep_ == "prep":
        if token.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in token.children):
            return False  # "marched in the largest protests in months": their setting
        verb = verb.head  # "the foreign ministry summoned the ambassador in protest"
        if verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "pobj"):
            verb = verb.head  # (the parser may hang "in protest" on the object)
    elif not (token.dep_ == "dobj" and lemma(verb) in _LODGE):
        return False
    return any(
        child.dep_ == "nsubj" and (child.ent_type_ == "GPE" or lemma(child) in _STATE_VOICES)
        for child in verb.children)


_STATE_VOICES = frozenset({"ministry", "government", "embassy", "kremlin", "minister"})
_LODGE = frozenset({"lodge", "file", "register", "deliver", "send", "voice", "convey"})


# territory, agreements and a group's organisation are political events whoever the
# actor is: a cartel that takes a town is a non-state actor taking territory, not crime
# (a taking is refined by _refine_territory alone; the others skip the crime check)
TERRITORY_TAKEN = frozenset({"Non-state actor overtakes territory",
                             "Government regains territory"})
_POLITICAL_WHOEVER_ACTS = frozenset({
    "Non-violent transfer of territory", "Agreement", "Change to group/activity",
    "Headquarters or base established"})


def _refine(typing: Typing, trigger: Trigger, args: Arguments, onto: Ontology,
            sentence: set[str], scene: set[str], *, setting: bool = True) -> Typing:
    """``typing`` refined by the actors (who takes a place, who clashes, who voices a
    demand), a chemical agent named in or next to its sentence and, with ``setting``, by
    the words of its clause and scene (industry, crime, what happened at a protest) --
    words the model has read when its type is the one refined.

    A taking of territory is refined only by who takes it and whether anyone fought for
    it: none of the later checks (weapons, protests, industry, crime) concerns it. Other
    political sub-types are not made crime by crime vocabulary either
    (``_POLITICAL_WHOEVER_ACTS``)."""
    name = typing.sub_event_type
    if name in TERRITORY_TAKEN and trigger.lemma in _FORCED_ENTRY and \
            not _territory_taken(trigger.token.sent, onto):
        typing = _assault(typing, trigger, args, onto)
        name = typing.sub_event_type
    if name in TERRITORY_TAKEN:
        return _refine_territory(typing, trigger, args, onto, sentence | scene)
    if name == "Statement" and _voiced_by_protesters(trigger, args, onto):
        typing = Typing("Peaceful protest", typing.confidence,
                        f"{typing.reason}; voiced by protesters, so it is their protest")
        name = typing.sub_event_type
    if name == "Peaceful protest" and _lodged_by_a_state(trigger):
        typing = Typing("Statement", typing.confidence,
                        f"{typing.reason}; a protest lodged by a state is diplomatic")
        name = typing.sub_event_type
    if name == "Statement" and trigger.lemma in _DENIAL_VERBS and \
            _has(args.near, _ACCUSATIONS):
        return Typing("Claim of responsibility", typing.confidence,
                      f"{typing.reason}; it rejects an accusation (a denial of responsibility)")
    if name == "Armed clash" and trigger.lemma == "ambush" and \
            _ambushed_civilians(trigger, onto):
        return Typing("Attack", typing.confidence,
                      f"{typing.reason}; an ambush that struck civilians only")
    if name == "Armed clash" and _fought_by_crowds(trigger, args, onto, sentence):
        return Typing("Violent demonstration", typing.confidence,
                      f"{typing.reason}; fought by unarmed people (supporters, youths, "
                      f"workers) or with sticks and stones: a riot, not a battle")
    if name == "Armed clash" and (_token_class(args.actor1_token, onto) == "protester" or
                                  _token_class(args.actor2_token, onto) == "protester" or
                                  _has(args.near, onto.words("protester"))):
        sides = _token_class(args.actor1_token, onto) == "protester" or \
            _token_class(args.actor2_token, onto) == "protester"
        return Typing("Violent demonstration", typing.confidence,
                      f"{typing.reason}; a clash involving protesters", decisive=sides)
    if name in ("Attack", "Looting/property destruction") and \
            _done_by_protesters(trigger, args, onto):
        return Typing("Violent demonstration", typing.confidence,
                      f"{typing.reason}; done by protesters")
    if name == "Attack" and _beaten_by_a_band(trigger, onto):
        return Typing("Mob violence", typing.confidence,
                      f"{typing.reason}; a beating by a band of no armed kind: a mob's")
    if name == "Attack" and _targets_protesters(trigger, args, onto) and \
            not _crowd_attacked(trigger, args, onto):
        force = _force_against_protesters(trigger, args, onto)
        return Typing(force.sub_event_type, typing.confidence,
                      f"{typing.reason}; {force.reason}")
    if name in ("Protest with intervention", "Excessive force against protesters") and \
            _rioters_named(trigger, onto):
        return Typing("Violent demonstration", typing.confidence,
                      f"{typing.reason}; the crowd is called rioters: force used on a riot "
                      f"is the riot's")
    if onto.sub_types[name].event_type == WEAPON_EVENT_TYPE and \
            name != "Chemical weapon" and _has(sentence | scene, onto.words("chemical_agent")):
        return Typing("Chemical weapon", typing.confidence,
                      f"{typing.reason}; a chemical agent is named around it")
    peaceful = _told_peaceful(trigger, onto) if name in PROTEST_OUTCOMES and \
        _names_the_protest(trigger, onto) else ""
    if peaceful == "whole":
        return Typing("Peaceful protest", typing.confidence,
                      typing.reason if name == "Peaceful protest" else
                      f"{typing.reason}; but the report says the protest went peacefully",
                      decisive=True)
    if peaceful and name == "Violent demonstration":
        typing = Typing("Peaceful protest", typing.confidence,
                        f"{typing.reason}; but the report calls the protest peaceful")
        name = typing.sub_event_type
    if not setting:
        return typing
    # the gas of a chemical weapon is the weapon, not an industrial setting
    industrial = onto.words("industrial") - ({"gas"} if name == "Chemical weapon" else set())
    if name in ("Remote explosive/landmine/IED", "Chemical weapon") and \
            _has(args.clause, industrial) and not _has(
                args.clause - {"plant"} if "chemical" in args.clause else args.clause,
                _ATTACK_WORDS - {"plant"}):
        return Typing("Man-made disaster", typing.confidence,
                      f"{typing.reason}; an industrial setting and no attacker")
    if name == "Arrests" and _has(args.clause, protest_words(onto)) and \
            not _only_said_of_someone(trigger.token, protest_words(onto)):
        return Typing("Protest with intervention", typing.confidence,
                      f"{typing.reason}; arrests at a protest")
    if name == "Protest with intervention" and _disperses_itself(trigger.token):
        # the end of a protest told on its own: what happened at it is the protest's
        # telling's to say
        return Typing("Peaceful protest", typing.confidence,
                      f"{typing.reason}; the crowd dispersed of its own accord",
                      decisive=True)
    if name in ("Peaceful protest", "Protest with intervention"):
        refined, why = _refine_protest(name, _outcome_lemmas(trigger, onto), onto,
                                       riot=not peaceful)
        if refined != name:
            return Typing(refined, typing.confidence, f"{typing.reason}; {why}")
    if onto.event_type_of(name) in ("Battles", "Violence against civilians",
                                    "Strategic developments", WEAPON_EVENT_TYPE) and \
            name not in _POLITICAL_WHOEVER_ACTS and _has(args.clause | args.near,
                                                         onto.words("crime")) and \
            not (name in ("Attack", "Looting/property destruction") and
                 _community_killed(trigger)) and \
            not (name == "Armed clash" and _fought_by_the_state(args, onto)):
        return Typing("Organised crime", typing.confidence * 0.9,
                      f"{typing.reason}; crime vocabulary (drugs, cartel, gang)")
    return typing


def _fought_by_the_state(args: Arguments, onto: Ontology) -> bool:
    """Whether the state's forces are a side of a clash ("soldiers and police exchanged
    fire with members of a criminal gang", "a shootout between police and gang members"):
    ACLED codes the gang's fight with the state as an armed clash, not as crime."""
    return "state" in (_actor_side(args.actor1_token, onto),
                       _actor_side(args.actor2_token, onto))


# lemmas of a violence verb whose object is the place assaulted
_ASSAULT_VERBS = frozenset({"attack", "storm", "raid", "invade"})


def _community_killed(trigger: Trigger) -> bool:
    """Whether a trigger tells an armed assault on a community whose people were killed
    ("gang members stormed the village of Furcy, killing at least 11 people and setting
    fire to dozens of homes"), itself or as the clause it completes: violence against
    civilians whoever the attackers are, as ACLED codes gangs that act as armed groups; a
    gang's robbery, extortion or shooting of one man stays crime."""
    verb = trigger.token
    while verb.dep_ in ("advcl", "conj", "xcomp") and lemma(verb) not in _ASSAULT_VERBS:
        verb = verb.head
    return lemma(verb) in _ASSAULT_VERBS and any(
        child.dep_ == "dobj" and lemma(child) in _SETTLEMENTS for child in verb.children) \
        and any(lemma(tok) in ("kill", "dead", "massacre") for tok in verb.subtree)


def _rioters_named(trigger: Trigger, onto: Ontology) -> bool:
    """Whether the sentence of a protest outcome calls the crowd rioters ("used a water
    cannon and tear gas to disperse a crowd of rioters"): who the crowd is, so it holds
    when the model alone chose the outcome; ACLED codes violent demonstrators met with
    force as the riot. Not rioters a protest is about ("marched to demand the release of
    the rioters arrested in May")."""
    return any(lemma(t) == "rioter" and not protest_background(t, onto)
               for t in span_words(trigger.token.sent))


# people who fight in crowds, not in armed groups ("supporters of two rival parties
# clashed", "youths battled police")
_CROWD_PEOPLE = frozenset({"supporter", "youth", "fan", "worker", "student", "villager",
                           "resident", "trader", "vendor", "farmer", "herder", "mob"})
# what crowds fight with (what comes to hand: "groups armed with sticks and machetes
# fought in the streets"); firearms and armed groups make it a battle
_CROWD_WEAPONS = frozenset({"stick", "stone", "rock", "brick", "bottle", "club", "tyre",
                            "tire", "barricade", "catapult", "slingshot", "machete",
                            "cudgel", "rod"})
_NO_CROWD = frozenset({"gun", "rifle", "firearm", "gunfire", "gunman", "militant", "rebel",
                       "fighter", "insurgent", "militia", "militiaman", "jihadist",
                       "terrorist", "bandit", "soldier", "troop", "army", "shell", "rocket",
                       "bomb", "grenade", "artillery", "drone", "mortar"})


def _fought_by_crowds(trigger: Trigger, args: Arguments, onto: Ontology,
                      sentence: set[str]) -> bool:
    """Whether a clash is fought by unarmed people: a side named as supporters, youths,
    workers, villagers …, or fought with sticks and stones ("supporters of two rival
    parties clashed with sticks and stones", "running battles followed, where youths
    stoned passing vehicles"), with no firearm, artillery or armed group named in its
    clause (a noun's: its sentence). ACLED's Armed clash is between organised armed
    groups; crowds fighting each other or the police riot."""
    around = args.clause | args.near | (sentence if trigger.pos == "NOUN" else set())
    sides = [t for t in (args.actor1_token, args.actor2_token) if t is not None]
    if any(_armed_with_what_comes_to_hand(side) for side in sides) and \
            not _has(around, _NO_CROWD):
        return True
    if _has(around, _NO_CROWD | onto.words("non_state")):
        return False
    people = set()
    for side in sides:
        counted = preposition_objects(side, ("of",)) if lemma(side) in _QUANTITY_HEADS \
            else []
        people |= set(lemma_forms(counted[0] if counted else side))
    return _has(people, _CROWD_PEOPLE) or (_has(around, _CROWD_WEAPONS) and not any(
        _token_class(side, onto) == "armed" and not _is_state_force(side) for side in sides))


def _armed_with_what_comes_to_hand(side: Word) -> bool:
    """Whether a side is told as armed with crowd weapons only ("groups armed with sticks
    and machetes"): however "group" is read, people so armed are a crowd, not an armed
    group."""
    for child in side.children:
        if child.dep_ == "acl" and lemma(child) == "arm":
            weapons = [w for o in preposition_objects(child, ("with",))
                       for w in (o, *o.conjuncts)]
            return bool(weapons) and all(lemma(w) in _CROWD_WEAPONS for w in weapons)
    return False


# sub-types that are the point of a text when present: a claim is about an attack, a
# protest's outcome decides its type
_DOMINANT = {"Claim of responsibility": 0.3, "Violent demonstration": 0.15,
             "Excessive force against protesters": 0.12, "Protest with intervention": 0.1,
             "Man-made disaster": 0.05, "Natural disaster": 0.05}


# weight of the learned reading of the whole text in the choice of its main event
TEXT_WEIGHT = 0.8


def main_event(events: list[Event]) -> Event | None:
    """The principal event of a text: the most specific and confident one, earlier ones
    first; claims of responsibility and protest outcomes take precedence, and the learned
    classifier's reading of the events' sentences together says what the text is about."""
    from geoevents.events.learned import predict

    if not events:
        return None
    ordered = sorted(events, key=lambda e: e.trigger_start)
    first = ordered[0].trigger_start
    first_sentence = ordered[0].sentence
    about = predict(" ".join(dict.fromkeys(e.sentence for e in ordered))).probabilities

    def score(event: Event) -> float:
        value = event.confidence + _DOMINANT.get(event.sub_event_type, 0.0)
        value += TEXT_WEIGHT * about.get(event.sub_event_type, 0.0)
        if event.sentence == first_sentence:
            value += 0.1
        value -= 0.0002 * (event.trigger_start - first)
        return value

    return max(ordered, key=score)
