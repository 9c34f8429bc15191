"""Event location: the place an event happened, chosen among the sentence's toponyms.

A toponym is the event's place when the dependency parse links it to the trigger (or, for
an event noun, to the verb that carries it: "a call took place in Moscow"):

* through a preposition of the trigger — ``in/at/inside/on/against`` → role ``site``,
  ``near/outside/around`` → ``near``, ``from`` → ``origin``, ``into/toward/to`` →
  ``destination`` ("Five rockets were fired toward Israeli territory from the Gaza Strip":
  origin Gaza Strip, destination Israel; the event is placed at the destination) — but
  the ``to`` of a verb of giving or telling names a recipient, no place ("handed them
  over to the United States");
* as the trigger's object or passive subject ("captured Aleppo", "Gaza was shelled") or
  through them ("sites in the Gaza Strip were targeted", "the town of Raga");
* through the clause above a participle or infinitive trigger ("launched an assault in
  Hama, targeting …").
* as a subject its predicate makes the scene ("Jonglei was the scene of clashes", "Aleppo
  bore the brunt of the attacks", "Kaduna witnessed rioting");
* failing all of these in the trigger's own clause, as the antecedent of a relative
  clause of place holding the trigger ("…, into Afghanistan, where violence is rising",
  "Iraq, whose targets were bombed"), or of one whose relative word the trigger acts on
  ("a prison in Aleppo, which lies near the border and was stormed").

Among the linked places the most specific one wins. News phrases go from the specific
place to its wider area ("a checkpoint in Adhaim in northern Iraq", "the Zahra
neighbourhood of Jiddah", "Maimana, the capital of Faryab province"), so a place reached
through fewer containers is preferred; the "of" of a settlement noun names it ("the Syrian
city of Azaz", "the West Bank town of Jenin") while the "of" after a named unit is its
container ("the Shaab neighbourhood of Baghdad"); a landmark that locates another place
("Walungu, about 1,800 kilometres east of Kinshasa") gives way to that place.

When no place attaches to the trigger's clause, the event takes the sentence's setting: a
place in a static locative phrase (``in/at/near/outside/inside/around/across/throughout/
within``, or a place noun named by "of") anywhere in the sentence, the most specific and
then the nearest to the trigger in the tree — a news sentence usually reports one scene.
A landmark phrase there gives way to the place it locates, as on a parse link.
Reporting and cognition verbs ("said", "believed") have no setting of their own, and
paths of a motion ("from/to/into") or targets ("on") elsewhere in the sentence are not a
setting. The reason says when the place is the setting rather than a parse link. An act
told as unrealised — under a modal of possibility ("the toll could rise") or as the
complement of a verb of planning or talk ("has discussed protesting") — has happened
nowhere yet: it takes neither the setting nor another place of the sentence (a plan told
with "will" keeps them: "will patrol Athens").

Relative clauses, actors (the subject of an active verb, a nationality on an actor, a place
name modifying a person or thing: "the U.S. soldier", "Belgium's plans") and the owners of
sites ("the Israeli Embassy", "a U.S. military base") are never locations, nor is a place
named only as the source of a statement ("said in Washington", see
:func:`statement_source`), as where a person comes from ("a native of Guinea") or in a
coordinated clause told in another tense ("was captured in 2006 and is held in Gaza") or
in a clause of another phase ("Once the assault at Abu Raweel was repelled, …").
Names the toponym stage did not keep but that stand in a place's slot of the parse are
candidates too (see :func:`_unrecognised`).

**The fallback chain.** Every event gets the best location the text supports: (1) a
place linked by the parse, (2) the sentence's setting, (3) another place of the same
sentence (:func:`_other_place`, by :func:`place_tier`), then, in
:mod:`geoevents.events.extract`, (4) the paragraph's place — the nearest located event of
another sentence of the paragraph told before, else where a site its sentence names
again ("entered the prison", "on the edge of the village") was named before, else the
nearest located event told after, else the place the paragraph names
(:func:`main_place` over :func:`context_places`) — and (5) the document's main place, at
lower precisions, then (6) the state the sentence shows acting
(:func:`acting_state`) and (7) the country of its doers when the sentence names them as
ordinary people by their nationality (:func:`nationals_at_home`), at precision 3; the
reason says which step gave the place. A name the gazetteer lacks
is never placed at a :func:`stray` reading abroad nor at the far end of a road, and one
told by its bearing from the place told before it (:func:`told_onward`) is measured from
there before step 4, and one the steps leave at a province moves to the text's nearest
local place inside it (:func:`local_place_within`).

``geo_precision`` follows ACLED: 1 a town or a specific site, 2 near a town or a small
area (district, border, "the Jenin area"), 3 a region, province or country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from geoevents import geodesy
from geoevents.events.dedup import contains
from geoevents.events.tokens import doc_words, root_word, span_root, span_words
from geoevents.events.triggers import MODALS, lemma
from geoevents.nlp import (
    PerDocument,
    char_tokens,
    doc_span,
    doc_text,
    span_text,
    token_text,
)
from geoevents.resolve import CONTEXT_ID_PREFIX, DERIVED_SOURCE, derived_place, placed_by_context
from geoevents.wordlists import (
    ARABIC_ARTICLES,
    ASSAULT_NOUNS,
    COMPASS_BEARINGS,
    COMPASS_POINTS,
    DISTANCE_UNITS,
    DIVISION_NOUNS,
    ORGANISATION_WORDS,
    ROUTE_NOUNS,
    SITE_NOUNS,
    SURROUNDINGS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from geoevents.events.tokens import Word
    from geoevents.model import Place, Toponym

SITE, ORIGIN, DESTINATION, NEAR = "site", "origin", "destination", "near"
PREPOSITION_ROLES = {
    "in": SITE, "inside": SITE, "within": SITE, "at": SITE, "on": SITE, "across": SITE,
    "throughout": SITE, "over": SITE, "along": SITE, "upon": SITE, "through": SITE,
    "amid": SITE, "during": SITE, "under": SITE, "targeting": SITE, "of": SITE,
    "between": SITE, "among": SITE,
    "near": NEAR, "outside": NEAR, "around": NEAR, "close": NEAR, "off": NEAR, "by": NEAR,
    "beside": NEAR, "nearby": NEAR, "past": NEAR, "beyond": NEAR, "north": NEAR,
    "south": NEAR, "east": NEAR, "west": NEAR,
    "from": ORIGIN,
    "into": DESTINATION, "toward": DESTINATION, "towards": DESTINATION, "to": DESTINATION,
    "onto": DESTINATION,
}
# dependency relations a path from the trigger down to a place may use
_THROUGH = frozenset({"prep", "pobj", "compound", "conj", "appos", "nmod", "amod", "poss",
                      "npadvmod", "acl", "dobj", "pcomp", "cc", "punct", "flat", "nummod",
                      "nsubjpass", "nsubj", "attr", "oprd", "advmod", "prt", "agent"})
# prepositions that tell where a munition or an assault is aimed (see _role_of)
_AIMED = frozenset({"towards", "toward", "at", "into", "onto", "against", "over"})
# prepositions that may lead from an object or subject to its place ("sites in Gaza",
# "the zone between Georgia and South Ossetia", "villages, including Anyii")
_LOCATIVE_INNER = frozenset({"in", "at", "near", "of", "inside", "outside", "around", "on",
                             "across", "along", "within", "throughout", "off", "outskirts",
                             "through", "between", "including"})
# prepositions that name the parties of an act ("clashed with", "fighting between"): a
# place reached from a party through another preposition is the party's ("forces loyal to
# X", "rebels from X"), not the scene
_PARTY_PREPS = frozenset({"with", "against", "between", "among"})
# nouns of places: a nationality adjective on them names a place ("Israeli territory")
PLACE_NOUNS = frozenset({"territory", "town", "city", "village", "soil", "land", "airspace",
                         "side", "border", "area", "region", "coast", "capital", "province",
                         "district", "countryside", "waters", "port", "frontier", "state",
                         "governorate", "county", "neighbourhood", "neighborhood", "camp",
                         "island", "mainland", "enclave", "north", "south", "east", "west",
                         "part", "interior", "desert", "mountains", "highlands", "suburb",
                         "outskirts", "hinterland", "heartland", "base", "embassy",
                         "stronghold", "municipality", "quarter", "valley", "settlement",
                         "commune", "locality", "department", "prefecture", "oblast",
                         "republic", "kingdom", "axis", "road",
                         "highway", "airport", "airbase", "hill", "mountain", "river"})
# participles through which an object leads to its place ("sites located in Gaza")
_LOCATIVE_ACL = frozenset({"belong", "base", "locate", "station", "situate", "position",
                           "deploy", "hold", "control", "use", "run", "near", "border",
                           "surround", "lie", "overlook"})
# relations the trigger may climb to reach the clause that carries its place
_CLIMB = frozenset({"xcomp", "advcl", "conj", "acl", "pcomp", "pobj", "prep", "csubj"})
_AREA_WORDS = frozenset({"area", "vicinity", "outskirts", "surroundings", "environs",
                         "region", "countryside", "suburb", "suburbs", "outskirt", "border",
                         "periphery", "edge"})
_PRECISE_CODES = ("PPL", "S", "FAC", "AIRP", "AIRB", "CMP", "BLDG", "RSTN", "PRT", "MNMT", "PCLD")
_AREA_CODES = ("ADM2", "ADM3", "ADM4", "ADM5", "BDR", "ISL", "PRK", "MT", "VAL")
# objects that make "in/on/at …" a fixed phrase rather than a place
_NOT_SETTINGS = frozenset({"addition", "response", "order", "spite", "case", "favour", "favor",
                           "light", "wake", "retaliation", "support", "protest", "exchange",
                           "return", "lieu", "charge", "search", "solidarity", "memory",
                           "honour", "honor", "accordance", "line", "connection", "relation",
                           "view", "terms", "contrast", "comparison", "behalf", "aftermath",
                           "run-up", "lead-up", "face", "absence", "hope", "effort", "bid",
                           "attempt", "reaction", "revenge", "defiance", "anticipation",
                           "preparation", "request", "invitation", "name"})
# the prepositions that open those fixed phrases ("in line with", "on behalf of"); "across
# the line", "along the line" are places
_FIXED_PHRASE_PREPS = frozenset({"in", "on", "at", "for", "by", "with", "upon"})
# nouns of settlements: "the Syrian city of Azaz", "the West Bank town of Jenin" — the
# "of" phrase names the settlement and the words before the noun are its wider area
_SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "capital", "hamlet", "port",
                               "settlement", "resort", "township", "enclave", "stronghold",
                               "municipality", "commune", "locality", "kibbutz", "slum",
                               "cities", "towns", "villages", "hamlets", "island", "islands"})
# nouns of a line between two places: a place reached through one is a landmark
_LINE_NOUNS = frozenset({"border", "frontier", "boundary"})
# conjunctions that set a clause against the one before it (see _contrasted)
_CONTRAST = frozenset({"but", "yet", "whereas"})
# nouns of a named height, which names a site as a village does ("the strategic hilltop
# of Tal Sukeek")
_LANDFORM_NOUNS = frozenset({"hill", "hilltop", "mountain", "ridge", "heights"})
# nouns of a province-sized area: "the province of Damascus", "the east Homs countryside"
# name the area around a town, though the gazetteer resolves the name to the town
_PROVINCE_NOUNS = frozenset({"province", "governorate", "countryside", "region", "state",
                             "county", "oblast", "prefecture", "department", "provinces"})
# nouns of units inside a wider place: "the Zahra neighborhood of Jiddah" — the name before
# the noun is the unit and the "of" phrase its container. The division nouns of the
# recogniser (not its settlements: "the town of X" names the town, and so does "the
# municipality of X", a division for the recogniser) and the province nouns are among
# them, so that one list owns each word
_UNIT_NOUNS = _PROVINCE_NOUNS | frozenset(
    noun for noun, feature_class in DIVISION_NOUNS.items()
    if feature_class != "P" and noun not in _SETTLEMENT_NOUNS) | \
    frozenset({"neighbourhood", "neighborhood", "quarter", "suburb", "parish", "ward",
               "block", "colony", "camp", "valley"})
# feature codes of countries, regions and provinces: no fallback place for an event
_BROAD_CODES = ("PCL", "ADM1", "CONT", "RGN", "TERR", "OCN", "SEA")
# feature codes of places too big to be a unit inside another named place
_BIG_CODES = ("PCL", "ADM1", "PPLC", "PPLA")
_NATIONS = ("PCL", "CONT", "RGN")  # countries and wider
_SEAS = ("OCN", "SEA")
# words of a landmark phrase: "50 km south of Algiers", "205 km from Srinagar"
_DIRECTION_WORDS = COMPASS_POINTS
_DISTANCE_WORDS = frozenset(DISTANCE_UNITS)
# prepositions that lead from a place to its container ("a market in Baghdad")
_CONTAINER_PREPS = frozenset({"in", "inside", "within", "at", "on", "near", "outside",
                              "around", "across", "throughout", "along", "off", "by",
                              "beside", "outskirts", "into", "from", "to", "toward", "towards"})
# nouns of the edge of a landmark that a phrase set off by a comma after a place puts that
# place on ("Bosso, on the shore of Lake Chad", "Stanislav, on the coast of the estuary")
_EDGE_NOUNS = frozenset({"shore", "shores", "coast", "bank", "banks", "edge", "side",
                         "foot", "rim", "fringe", "fringes", "outskirts", "slopes"})
# prepositions of such a phrase ("…, near the border", "…, along the river")
_EDGE_PREPS = frozenset({"on", "at", "along", "by", "near", "beside"})
# words between a place and the landmark phrase that locates it ("X, about 50 km …")
_LEAD_INS = frozenset({",", "(", "about", "some", "nearly", "around", "roughly", "approximately",
                       "almost", "just", "only", "over", "less", "more", "than", "-", "–", "—"})
# sites a nationality owns rather than locates: "the Israeli Embassy in Buenos Aires"
_OWNED = frozenset({"embassy", "consulate", "base", "airbase", "camp", "checkpoint",
                    "outpost", "position", "post", "ship", "vessel", "warship", "company",
                    "office", "headquarters", "mission"})
# buildings a name before them locates ("his Amman home", "the Beijing office")
_DWELLINGS = frozenset({"home", "house", "residence", "apartment", "office", "building",
                        "hotel", "embassy", "consulate", "shop", "store", "restaurant",
                        "farm", "ranch", "compound", "court", "courthouse", "station"})
# prepositions whose proper-noun object is taken for a place name ("in Adhaim")
_NAME_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "into", "from",
                         "toward", "towards", "through", "across", "within", "to", "outskirts",
                         "throughout", "along", "over", "on", "like", "beyond",
                         "past", "via", "off"})
# verbs whose proper-noun object is a place ("captured Jabal al-Sayyid", "stormed Giza")
_TERRITORIAL = frozenset({"capture", "seize", "enter", "recapture", "retake", "liberate",
                          "storm", "overrun", "shell", "bomb", "besiege", "occupy", "reach",
                          "regain", "invade", "encircle", "surround", "evacuate", "bombard",
                          "raid", "target", "strike", "hit", "attack", "patrol", "control",
                          "defend", "take", "secure", "lose", "cross", "visit", "leave",
                          "flee", "embroil", "throng", "rock", "pound", "shake", "ravage",
                          "assault", "clear", "penetrate", "infiltrate", "sweep"})
# nouns of the parts and surroundings of a place: "the outskirts of X", "the streets of X"
_PART_NOUNS = frozenset({"outskirts", "outskirt", "fringe", "fringes", "vicinity", "part",
                         "parts", "half", "street", "streets", "centre", "center", "suburb",
                         "suburbs", "countryside", "corridor", "farm", "farms", "edge",
                         "heart", "entrance", "environs", "perimeter", "gate", "gates",
                         "surroundings", "periphery", "direction", "siege", "city", "town",
                         "village", "area", "areas", "villages", "towns", "cities",
                         "neighbourhoods", "neighborhoods", "districts", "mountaintop",
                         "hills", "plains", "plain", "territory", "province", "region"})
# nouns of sites that a name can qualify: "the Swat media center", "Kawkab army base"
_FACILITY_NOUNS = frozenset({"market", "marketplace", "airbase", "base", "hospital",
                            "checkpoint", "bridge", "square", "sector", "residence", "centre",
                            "center", "prison", "jail", "camp", "depot", "mosque", "church",
                            "temple", "shrine", "crossing", "plains", "station", "school",
                            "university", "college", "stadium", "hotel", "compound",
                            "headquarters", "airport", "refinery", "plant", "dam", "palace",
                            "barracks", "academy", "cemetery", "hill", "hilltop", "junction",
                            "roundabout", "street", "avenue", "road", "highway", "colony",
                            "block", "bazaar", "mall", "port", "harbour", "harbor", "valley",
                            "mountain", "mountains", "river", "lake", "canal", "gate",
                            "crossroads", "intersection", "park", "forest",
                            "countryside", "plateau", "front", "frontline", "axis", "suburb",
                            "suburbs", "outskirts", "district", "neighbourhood",
                            "neighborhood", "quarter", "zone", "field", "oilfield",
                            "village", "villages", "town", "towns", "city", "area",
                            "governorate", "province", "region", "county", "state",
                            "site", "installation", "facility", "post", "outpost"})
# every noun of a place or site ("the Maimbung township", "a market", "the outskirts")
_SITE_WORDS = PLACE_NOUNS | _FACILITY_NOUNS | _PART_NOUNS | _SETTLEMENT_NOUNS | _UNIT_NOUNS
# Arabic articles that start a name ("al-Bab", "el-Arish")
_ARTICLES = ARABIC_ARTICLES
# labels that are never a place; spaCy's small model often tags a place name NORP,
# LANGUAGE or PRODUCT ("Aleppo" NORP), so those only exclude real demonyms
_NEVER_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL",
                           "CARDINAL", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART"})
# reporting and cognition verbs: no setting of their own ("officials said", "believed")
_REPORTING = frozenset({
    "say", "tell", "state", "report", "announce", "confirm", "claim", "declare", "add",
    "note", "describe", "explain", "disclose", "reveal", "allege", "accord", "quote",
    "indicate", "write", "post", "publish", "show", "believe", "think", "accuse", "urge",
    "call", "warn", "deny", "insist", "estimate", "suggest", "argue", "know", "learn",
    "hear", "blame", "condemn", "criticize", "criticise", "praise", "welcome", "demand",
    "ask", "question", "investigate", "cite", "mention", "recall", "remember", "acknowledge",
    "admit", "predict", "expect", "hope", "fear", "want", "seem", "appear", "narrate",
    "update", "recount", "document", "analyze", "analyse", "discuss", "examine", "comment",
    "reiterate", "stress", "emphasize", "emphasise", "assert", "remark", "point"})
# static locative prepositions: their object sets the scene of the sentence's events
# wherever they attach ("from/to/into" are paths of a motion, "on" often a target)
_SCENE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across",
                          "throughout", "within", "outskirts"})


@dataclass(eq=False)
class Location:
    """The chosen place of an event and why."""

    toponym: Toponym | None
    role: str | None
    precision: int | None
    reason: str
    linked: bool = True  # False: the sentence's setting, not a parse link to the trigger
    # True: placed from another sentence (the paragraph's or the document's place)
    inferred: bool = False
    # True: the place only ends a route the event is on ("near the road to Addis Ababa")
    route_end: bool = False
    # True: a name the gazetteer lacks, placed by a place its own phrase names ("Kwatas in
    # Benue state"), not only by another place of its sentence (see _approximate)
    described: bool = False

    @property
    def place(self) -> Place | None:
        return self.toponym.place if self.toponym is not None else None


# the casefolded names of a document's resolved places, by country (see country_names)
CountryNames = dict[str, frozenset[str]]

NOWHERE = Location(None, None, None, "no place linked to the event")  # never mutated


def precision_of(place: Place | None, role: str, text: str) -> int:
    """ACLED geo-precision for a place used in ``role``."""
    if place is None or place.source.startswith(DERIVED_SOURCE):
        base = 2  # "20 km south of Gao", "between Gao and Kidal"
    elif place.feature_class == "P" or place.feature_code.startswith(_PRECISE_CODES):
        base = 1
    elif place.feature_code.startswith(_AREA_CODES) or place.feature_class in ("S", "T"):
        base = 2
    else:
        base = 3
    if base == 1 and (role == NEAR or set(text.lower().split()) & _AREA_WORDS):
        base = 2
    return base


def _down_path(anchor: Word, target: Word) -> list[Word] | None:
    """Tokens from just below ``anchor`` down to ``target`` if ``anchor`` dominates it."""
    path: list[Word] = []
    tok = target
    while tok.i != anchor.i:
        path.append(tok)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return list(reversed(path))


def _role_of(path: list[Word], mention: Toponym, own: bool = False
             ) -> tuple[str, str] | None:
    """(role, how) for a path from the anchor down to a toponym, None if not locative;
    ``own``: the anchor is the trigger itself."""
    shared = False
    while len(path) > 1 and path[0].pos_ == "VERB" and path[0].dep_ in ("conj", "xcomp"):
        # "was shot and left in a ditch": coordinated verbs share a place; "managed to
        # recapture X", "began to shell X": the act the trigger's complement tells
        if path[0].dep_ == "conj" and _tenses_differ(path[0].head, path[0]):
            return None  # "was captured in 2006 and is held in Gaza": a state now
        shared = shared or path[0].dep_ == "conj"
        path = path[1:]
    if own and len(path) > 2 and put_out_at(path[0]):
        path = path[1:]  # "a statement issued in Juba": where the words came out (for
        # the statement only, not for what a clause on it tells)
    first = path[0]
    if any(t.dep_ not in _THROUGH for t in path) or _origin_of_person(path[-1]):
        return None
    if any(t.dep_ == "acl" and lemma(t) not in _LOCATIVE_ACL for t in path):
        return None
    if len(path) > 2 and _doer(path[-1]):
        return None  # "sank six gunboats used by Iran": who used them, not where
    if any(t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "dobj" and not (
            lemma(t.head) in _TERRITORIAL and _placey(t))) for t in path[1:]):
        return None  # the place of another clause's participant (but "upon entering
        # Al-Fijah", "after storming the town": the territory a clause acts on)
    # "fired mortar shells towards the school", "carried out an airstrike over the Beit
    # Na'im area": where a munition or an assault is aimed is the place it hits
    aimed = first.dep_ in ("dobj", "nsubjpass") and len(path) > 2 and \
        path[1].dep_ == "prep" and path[1].lower_ in _AIMED and \
        (first.lower_ in ASSAULT_NOUNS or lemma(first) in ASSAULT_NOUNS)
    if first.dep_ != "prep" and any(t.dep_ == "prep" and t.lower_ not in _LOCATIVE_INNER
                                    for t in path[2 if aimed else 1:]):
        return None
    if first.dep_ == "prep" and len(path) > 1 and _fixed_phrase(path[1]):
        return None  # "in addition to", "in response to", "in retaliation for"
    if first.dep_ == "prep" and first.lower_ in _PARTY_PREPS and any(
            t.dep_ == "prep" and t.lower_ not in _LOCATIVE_INNER for t in path[1:]):
        return None  # "fighting between the army and forces loyal to the SPLA-IO"
    relation = getattr(mention, "relation", None)
    if first.dep_ == "prep" or first.dep_ == "agent":
        prep = first.lower_
        if first.dep_ == "agent":
            if len([t for t in path if t.dep_ == "pobj"]) < 2:
                return None  # "by militants" is an actor, not a place
            prep = "by"
        role = PREPOSITION_ROLES.get(prep)
        if prep == "by" and first.dep_ == "agent":
            role = SITE
        if role is None and prep in ("with", "against", "between"):
            # "clashed with rebels near Goma": the partner's place is the event's (but
            # not "protested against a war on Iraq")
            inner = next((t for t in path[1:] if t.dep_ == "prep"
                          and t.lower_ in PREPOSITION_ROLES and t.lower_ in _SCENE_PREPS),
                         None)
            if inner is not None:
                role = PREPOSITION_ROLES[inner.lower_]
        if role is None or (shared and role in (ORIGIN, DESTINATION)):
            return None  # "captured … and shipped to Guantanamo": the path of the motion
        if prep == "to" and _recipient_verb(first.head):
            return None  # "handed the suspects over to the United States": a recipient
        if relation or _route_end(path):
            role = NEAR
        return role, f"'{first.text} …' attached to the trigger"
    if first.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "npadvmod"):
        return (NEAR if relation else SITE), f"the trigger's {first.dep_}"
    if first.dep_ == "nsubj" and len(path) > 2 and path[1].dep_ == "prep" and \
            path[1].lower_ != "of" and not _speaks(first.head):
        # (not a speaker's: "officials in Abidjan declined to comment on the attack")
        return (NEAR if relation else SITE), "a place of the trigger's subject"
    if first.dep_ == "nsubj" and len(path) == 1 and _scene_subject(first):
        return (NEAR if relation else SITE), "the subject that its predicate makes the scene"
    if first.dep_ == "advmod" and len(path) == 1 and relation:
        # "struck fighters west of Bankilaré": a direction phrase on the verb, whose
        # head word is the whole relative mention's
        return NEAR, f"'{mention.text}' attached to the trigger"
    if first.dep_ in ("advmod", "prt") and len(path) > 2 and path[1].dep_ == "prep":
        role = PREPOSITION_ROLES.get(path[1].lower_)
        if role is None:
            return None
        return (NEAR if relation else role), f"'{first.text} {path[1].text} …' of the trigger"
    return None


# verbs of putting words out, whose place is where a statement noun came out
_PUT_OUT = frozenset({"issue", "release", "publish", "read", "deliver", "post", "send",
                      "distribute", "broadcast", "make"})


def put_out_at(verb: Word) -> bool:
    """A participle that puts out the statement noun it hangs on ("a statement issued
    in Juba", "a communiqué released in Bamako"): its place is the statement's own, so
    a Statement event told by the noun sits where its words came out (for any other
    event the same place is only the source, :func:`statement_source`)."""
    return verb.dep_ == "acl" and lemma(verb) in _PUT_OUT and \
        lemma(verb.head) in _STATEMENT_NOUNS


def _doer(root: Word) -> bool:
    """A place name that is itself the "by" agent of a passive verb ("gunboats used by
    Iran", "a town held by Turkey"): a state or body acting, by metonymy, not a place."""
    tok = root
    while tok.dep_ in ("compound", "appos", "conj", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


# verbs whose "to" phrase is who receives something, not where anyone goes: "handed
# them over to the United States", "communicate his concerns to Washington", "apply
# pressure to Hanoi"
_GIVING = frozenset({"hand", "give", "communicate", "apply", "pass", "sell", "offer",
                     "convey", "express", "present", "submit", "extend", "lend", "donate",
                     "pledge", "surrender", "complain", "appeal", "speak", "talk"})


def _recipient_verb(verb: Word) -> bool:
    """A verb of giving or telling, whose "to" phrase names a recipient (see
    :data:`_GIVING`; a reporting verb's is who is told)."""
    return lemma(verb) in _GIVING or lemma(verb) in _REPORTING


# nouns that make their subject the scene of a happening ("Jonglei was the scene of
# clashes", "the town became a battleground")
_SCENE_NOUNS = frozenset({"scene", "site", "theatre", "theater", "epicentre", "epicenter",
                          "battleground", "battlefield", "flashpoint", "hotspot", "venue"})
# verbs whose subject is where their object happens ("Aleppo witnessed heavy clashes",
# "Kaduna saw rioting") — a place undergoing, not an actor
_UNDERGO = frozenset({"witness", "see", "experience", "suffer", "endure"})


def _scene_subject(subject: Word) -> bool:
    """Whether a subject is made the scene by its predicate: "X was the scene (site,
    battleground …) of …", "X bore the brunt of …", "X witnessed (saw, suffered …)" a
    happening."""
    verb = subject.head
    word = lemma(verb)
    objects = [c for c in verb.children if c.dep_ in ("attr", "dobj")]
    if word in ("be", "become", "remain"):
        return any(lemma(o) in _SCENE_NOUNS for o in objects)
    if word == "bear":
        return any(o.lower_ == "brunt" for o in objects)
    return word in _UNDERGO and any(_happening(o) for o in objects)


def _finite_tag(verb: Word) -> str:
    """The tag of the finite word of a verb's clause: its first auxiliary's, else its
    own."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")), None)
    return (aux if aux is not None else verb).tag_


def _tenses_differ(first: Word, second: Word) -> bool:
    """Two coordinated verbs told one in the past, the other in the present ("was
    captured in 2006 and is believed to be held in Gaza"): an act and the state that
    followed, each at its own place."""
    if not any(c.dep_ in ("aux", "auxpass") for c in second.children):
        return False  # "have killed three and raped ten": the auxiliary is shared
    tags = {_finite_tag(first), _finite_tag(second)}
    return "VBD" in tags and bool(tags & {"VBZ", "VBP"})


def _in_another_tense(root: Word, trigger: Word) -> bool:
    """Whether a place is in a coordinated clause told in another tense than the one it
    is coordinated with, and the trigger is outside it (see :func:`_tenses_differ`)."""
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    return any(t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.i not in above
               and _tenses_differ(t.head, t) for t in root.ancestors)


def _in_another_act(root: Word, trigger: Word) -> bool:
    """Whether a place and the trigger are in two clauses set against each other by a
    contrasting conjunction, the second with a subject of its own (see
    :func:`_own_clause`), or the trigger is told apart (:func:`_told_apart`) and the place
    is outside its clause: "The 101st captured a bridge in nearby Eerde, but the British
    found themselves trapped in Arnhem" tells two acts, each at its own place, so Eerde is
    no setting for "found" (while "ten were killed and 11 others wounded in a mosque" is
    one happening)."""
    place_side = {root.i, *(t.i for t in root.ancestors)}
    trigger_side = {trigger.i, *(t.i for t in trigger.ancestors)}
    if _told_apart(trigger) and _clause_of(trigger).i not in place_side:
        return True
    return any(_contrasted(t) and t.i not in trigger_side for t in root.ancestors) or \
        any(_contrasted(t) and t.i not in place_side for t in [trigger, *trigger.ancestors])


# words that tell a happening apart from the one told before it ("in a separate raid")
_APART = frozenset({"separate", "unrelated", "another", "different"})


def _told_apart(trigger: Word) -> bool:
    """Whether an event noun is told as another happening than the one beside it ("…
    struck a roadside bomb in Lamu county near the Somali border, and militants killed
    two villagers in a separate raid on Wednesday"): the places of the other clause are
    not its setting."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "det") and c.lower_ in _APART for c in trigger.children)


def _contrasted(verb: Word) -> bool:
    """A coordinated clause with its own subject that "but" or "yet" sets against the
    clause before it."""
    return _own_clause(verb) and any(
        c.dep_ == "cc" and c.lower_ in _CONTRAST and c.i < verb.i for c in verb.head.children)


# nouns that say where a person comes from: "a native of Guinea" is a nationality
_ORIGIN_NOUNS = frozenset({"native", "citizen", "national", "descendant", "emigrant",
                           "immigrant"})


def _origin_of_person(root: Word) -> bool:
    """A place named as where a person comes from ("Diallo, a native of Guinea, was
    shot"; "a ceasefire agreed with the mediation of elders from Zintan and Misrata"),
    which, like a nationality, is no event's place: people carry their origin with them
    to where they act."""
    tok = root
    while tok.dep_ in ("compound", "appos", "conj", "flat") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    owner = tok.head.head
    if tok.head.lower_ == "from":
        return owner.pos_ == "NOUN" and owner.dep_ != "ROOT" and lemma(owner) in _people()
    return tok.head.lower_ == "of" and lemma(owner) in _ORIGIN_NOUNS


@cache
def _people() -> frozenset[str]:
    """Nouns of people and of the groups they form ("elders", "residents", "families",
    "fighters"), whose "from X" says where they come from."""
    from geoevents.events.ontology import load_ontology

    onto = load_ontology()
    return onto.words("person_noun") | onto.words("civilian") | onto.words("protester") | \
        _group_words()


# prepositions by which a route names the place it leads to or from
_ROUTE_PREPS = frozenset({"to", "towards", "toward", "from"})


def _route_end(path: list[Word]) -> bool:
    """Whether the place ends a route the event happened on ("ambushed on the road to
    Kano", "a checkpoint on the highway from Goma"): the event is near that place, not in
    it."""
    return any(lemma(a) in ROUTE_NOUNS and b.dep_ == "prep" and b.lower_ in _ROUTE_PREPS
               for a, b in pairwise(path[1:]))


def _name_modifier(noun: Word, known: dict[int, Place | None]) -> Word | None:
    """The proper-name modifier of a place noun ("the Zahra neighbourhood"), if any;
    demonyms and group names do not name a place ("the Syrian city", "Shiite slum")."""
    for c in noun.children:
        if c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i and (
                c.pos_ == "PROPN" or c.i in known) and not _is_demonym(c) and \
                (c.ent_type_ != "NORP" or c.i in known):  # "al-Bayaa" tagged NORP
            return c
    return None


def _big(place: Place | None) -> bool:
    return place is not None and ((place.feature_class == "P" and (
        place.population or 0) >= 100_000) or place.feature_code.startswith(_BIG_CODES))


def _naming_of(prep: Word, known: dict[int, Place | None]) -> bool:
    """An "of" that names the noun before it: "the town of Jenin", "the outskirts of
    Hama", "the villages of X and Y" — as opposed to a container ("the Zahra
    neighbourhood of Jiddah", "Sadr City of Baghdad")."""
    noun = prep.head
    if noun.pos_ == "PROPN" and noun.i not in known:
        return False
    low = lemma(noun)
    if low in _SETTLEMENT_NOUNS or noun.lower_ in _SETTLEMENT_NOUNS:
        # "the town of Jenin" names the town, but in "Bama town of Borno State" the name
        # is before the noun and a province after "of" is its container
        named = _name_modifier(noun, known) is not None
        return not (named and any(c.dep_ == "pobj" and _broad(known.get(c.i))
                                  for c in prep.children))
    if low in _PART_NOUNS or low in PLACE_NOUNS or low in _UNIT_NOUNS:
        name = _name_modifier(noun, known)
        # "the Homs neighbourhood of Baba Amr": a big known place before the noun is the
        # container and the "of" phrase names the unit
        return name is None or _big(known.get(name.i))
    return noun.pos_ != "PROPN"


def _broadness(root: Word, known: dict[int, Place | None] | None = None) -> int:
    """0 for the most specific slot of a place phrase, higher for the broader places
    around it: "Colombia's northern oil town of Barrancabermeja", "Mogadishu's Huriwaa
    district", "the West Bank city of Hebron" — the named town or district is the event's
    place, its possessor or modifier the wider area. In "the X district of Y" the name X
    is the district and Y its container, unless X is a big known place ("the Homs
    neighbourhood of Baba Amr")."""
    known = known or {}
    head = root.head
    if root.dep_ == "poss":
        return 2
    if root.dep_ in ("compound", "nmod") and _event_name(head):
        return 2  # "the Queens Pride Parade in Jackson Heights": the parade's name
    while head.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and \
            head.head.i != head.i and head.head.pos_ == "NOUN":
        head = head.head  # "the Azov Sea port city of Mariupol"
    if root.dep_ in ("amod", "compound", "nmod") and head.pos_ != "PROPN":
        if lemma(head) not in _SITE_WORDS and head.lower_ not in _SITE_WORDS:
            return 3
        naming = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"),
                      None)
        if naming is None:
            return 0
        return 1 if _naming_of(naming, known) else 0
    return 0


# heads of the names of public events: a place in such a name names the event ("the
# Queens Pride Parade", "the Boston Marathon"), and a place after it locates the event
_EVENT_NAME_HEADS = frozenset({"parade", "marathon", "festival", "carnival", "games",
                               "summit", "conference", "fair", "march", "rally"})


def _event_name(noun: Word) -> bool:
    """A capitalised head of a public event's name ("Parade", "Marathon", "Summit")."""
    return noun.pos_ == "PROPN" and noun.lower_ in _EVENT_NAME_HEADS


def _placey(noun: Word) -> bool:
    """A noun that denotes a place or site: a name, or a place or facility noun."""
    return noun.pos_ == "PROPN" or lemma(noun) in _SITE_WORDS or noun.lower_ in _SITE_WORDS


def _specificity(path: list[Word], known: dict[int, Place | None]) -> tuple[bool, int]:
    """(reference, depth) of a place along its path from the anchor. ``depth`` counts the
    containers passed on the way: in "a market in the Shaab neighborhood of Baghdad" Shaab
    is one place deep and Baghdad two — news phrases go from the specific place to its
    wider area, and the event is at the specific one. ``reference`` marks a landmark that
    locates another place ("50 km south of Algiers", "205 km from Srinagar")."""
    depth = 0
    reference = False
    for k, tok in enumerate(path):
        low = tok.lower_
        if (low in _DIRECTION_WORDS or lemma(tok) in _DISTANCE_WORDS) and any(
                c.dep_ == "prep" for c in tok.children):
            reference = True
        if k == 0:
            continue
        head = tok.head
        if tok.dep_ == "prep":
            if low == "of":
                if not _naming_of(tok, known):
                    depth += 1
            elif low in _CONTAINER_PREPS and _placey(head):
                depth += 1
        elif tok.dep_ == "appos" and _placey(head):
            depth += 1
    return reference, depth


def _located_place(path: list[Word], candidates: list[tuple[Toponym, Word]],
                   set_off: bool = True) -> Toponym | None:
    """The place just before a landmark phrase — "Walungu, about 1,800 kilometers east of
    Kinshasa" → Walungu; "Er Rahad, a railway town about 70 km south-east of El Obeid" →
    Er Rahad (the noun phrase of the apposition says what the place is) — which the
    phrase locates; with ``set_off``, also the place before a locative phrase a comma sets
    off (:func:`_set_off_landmark`: "Bosso, on the shore of Lake Chad" → Bosso)."""
    marker = next((t for t in path if t.lower_ in _DIRECTION_WORDS
                   or lemma(t) in _DISTANCE_WORDS), None)
    phrase = marker is None and set_off
    if phrase:
        marker = _set_off_landmark(path)
    if marker is None:
        return None
    i = marker.left_edge.i - 1
    tokens = doc_words(marker.doc)
    first = marker.sent.start
    while i >= first and (tokens[i].lower_ in _LEAD_INS or tokens[i].like_num):
        i -= 1
    # "…, a railway town about 70 km …", "…, the front-line town some 50 km …"
    if i >= first and lemma(tokens[i]) in _SITE_WORDS:
        while i >= first and tokens[i].text != "," and (
                tokens[i].pos_ in ("DET", "ADJ", "NOUN") or tokens[i].text in ("-", "–")):
            i -= 1
        i -= 1  # the comma that opens the apposition
    if i < first or tokens[i + 1].text not in (",", "("):
        return None
    end = tokens[i].idx + len(tokens[i].text)
    # (after a set-off phrase, the whole mention before it: "west of Bankilaré, near the
    # border" locates the point west of Bankilaré)
    before = [m for m, root in candidates if m.end == end and not _actor_like(m, root) and
              (phrase or getattr(m, "kind", "name") == "name")]
    return min(before, key=lambda m: m.start) if before else None


def _set_off_landmark(path: list[Word]) -> Word | None:
    """The preposition of a locative phrase on a path that a comma sets off after a word
    ("…, on the shore of Lake Chad", "a base in Marte, near Lake Chad"): the parse hangs
    it on the verb or the noun, but it says where the place written before the comma
    lies, as a landmark phrase does (:func:`_located_place` finds that place)."""
    for prep in path:
        if prep.dep_ != "prep" or prep.lower_ not in _EDGE_PREPS or \
                prep.i == prep.sent.start or doc_words(prep.doc)[prep.i - 1].text != ",":
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is not None and (prep.lower_ == "near" or lemma(noun) in _EDGE_NOUNS
                                 or noun.lower_ in _EDGE_NOUNS):
            return prep
    return None


def _by_agent(path: list[Word]) -> bool:
    """Whether a path passes through the doer's "by" phrase ("an attack by fighters of the
    Islamic State West Africa Province (ISWAP)"): a name there the gazetteer lacks is the
    doer's, a group's, no better a place than any other name the gazetteer lacks."""
    return any(t.lower_ == "by" and t.dep_ in ("prep", "agent") for t in path)


def _far_namesakes(candidates: list[tuple[Toponym, Word]]) -> dict[int, Toponym]:
    """The places a landmark phrase locates ("the village of al-Mazraa, west of the city
    of Sweida") that resolved far from the point the phrase tells (an El Mazra'a 150 km
    away), by id, with the phrase: namesakes, which the phrase's own point replaces."""
    far = {}
    for mention, root in candidates:
        if getattr(mention, "kind", "name") != "relative":
            continue
        bounds = char_tokens(root.doc, mention.start, mention.end)
        if bounds is None:
            continue
        located = _located_place(doc_words(root.doc)[bounds[0]:bounds[1]], candidates,
                                 set_off=False)
        if located is not None and _namesake_far_off(located, mention):
            far[id(located)] = mention
    return far


_TOLD_DISTANCE = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*([a-z]+)")  # "12 km"


def _namesake_far_off(located: Toponym, landmark: Toponym) -> bool:
    """Whether the place a landmark phrase locates resolved far from the point the phrase
    tells: farther than twice the told distance, and 50 km at least ("Mangusu, about 12
    km south of Komanda"), or, when no distance is told ("al-Mazraa, west of Sweida"), in
    another country than the landmark and 50 km from it or more — the gazetteer's match
    is a namesake, not the place the text describes."""
    if located.place is None or landmark.place is None:
        return False
    told = _TOLD_DISTANCE.match(landmark.text.lower())
    km = float(told.group(1).replace(",", "")) * DISTANCE_UNITS.get(told.group(2), 0.0) \
        if told else 0.0
    apart = geodesy.distance_km(located.place.lat, located.place.lon, landmark.place.lat,
                                landmark.place.lon)
    if km:
        return apart > max(50.0, 2 * km)
    return apart > 50.0 and located.place.country_code != landmark.place.country_code


def _through_participant(path: list[Word], known: dict[int, Place | None]) -> bool:
    """The place hangs off a participant ("a chieftain in Imo State was killed") rather
    than off the event itself ("killed … at a filling station in Ugwuorji"); a participant
    that is itself a place ("captured the town of Huddur") does not count."""
    deps = ("dobj", "nsubjpass", "nsubj")  # not "agent": "killed by a bomb in X"
    named = path[0].pos_ == "PROPN" and path[0].i not in known and \
        path[0].ent_type_ not in ("GPE", "LOC", "FAC")  # "the APC Congress chieftain in X"
    if path[0].dep_ in deps and _placey(path[0]) and not named:
        return False  # "patrolling the streets in Yendi", "hit an enclave in Baghdad"
    return path[0].dep_ in deps and any(
        t.dep_ == "prep" and not (t.lower_ == "of" and _naming_of(t, known)
                                  and _placey(t.head))  # "a commissioner of Mogadishu"
        for t in path[1:])


def _actor_like(mention: Toponym, token: Word) -> bool:
    """A nationality or a place name used as (part of) an actor's name: "the Israeli
    military", "Yemeni university professor", "the Islamic State of Iraq"."""
    kind = getattr(mention, "kind", "name")
    if _armed_group(mention):
        return True
    if kind == "demonym":
        head = token
        while head.dep_ in ("amod", "compound", "nmod") and head.head.i != head.i:
            head = head.head
        if lemma(head) in _OWNED:
            return True  # "the Israeli Embassy", "a U.S. military base": an owner
        return head.i == token.i or lemma(head) not in PLACE_NOUNS
    modifier = token
    while modifier.dep_ == "conj" and modifier.head.i != modifier.i:
        modifier = modifier.head  # "the Rizeigat and Misseriya tribesmen"
    if modifier.dep_ in ("poss", "compound", "nmod", "amod") and \
            modifier.head.pos_ == "NOUN" and not _site_noun(modifier.head):
        return True  # "the U.S. soldier", "Belgium's plans", "Gulf shipping"
    if _hyphen_modifier(token):
        return True  # "the London-based organization", "a US-Kurdish operation"
    if token.dep_ in ("poss", "compound", "nmod", "amod") and lemma(token.head) in _OWNED \
            and mention.place is not None and mention.place.feature_code.startswith("PCL"):
        return True  # "a U.S. military base in Syria", "the Israeli embassy": an owner
    if token.ent_type_ in ("ORG", "PERSON", "NORP"):
        doc, start, end = token.doc, token.i, token.i + 1  # the entity around the token,
        # found without scanning doc.ents (linear time; golden12), and not across a
        # bracket: "Palmyra (Tadmur" tagged ORG is a name and its alias
        tokens = doc_words(doc)
        while start > 0 and tokens[start].ent_iob_ == "I" and \
                tokens[start - 1].text not in ("(", ")"):
            start -= 1
        while end < len(doc) and tokens[end].ent_iob_ == "I" and \
                tokens[end].text not in ("(", ")"):
            end += 1
        while end - start > 1 and (tokens[start].dep_ == "det" or tokens[start].pos_ == "ADJ"):
            start += 1  # "the Handarat Refugee Camp", "Shiite al-Bayaa"
        ent = doc_span(doc, start, end)
        if (ent.start_char < mention.start or ent.end_char > mention.end) and \
                not _named_site(ent, token) and not _list_of_names(start, end, token) \
                and not _tagged_across(start, end, token):
            return True
    return kind == "name" and token.dep_ in ("compound", "poss") and token.head.pos_ == \
        "PROPN" and token.head.ent_type_ in ("ORG", "PERSON") and \
        not _division_of(token, token.head)


def _tagged_across(start: int, end: int, token: Word) -> bool:
    """Whether the entity at tokens ``start``-``end`` runs on from ``token``, a
    preposition's object, into words of another phrase, neither its dependents nor its
    heads ("in the city of Maracaibo National Guard troops fired": one organisation to
    the tagger, two phrases to the mended parse, see :func:`unglue_places`)."""
    if token.dep_ != "pobj":
        return False
    tokens = doc_words(token.doc)
    rest = [tokens[i] for i in range(start, end) if i != token.i]
    return bool(rest) and not any(w in token.ancestors or token in w.ancestors for w in rest)


def _list_of_names(start: int, end: int, token: Word) -> bool:
    """Whether the entity at tokens ``start``-``end`` around ``token`` is only a list of
    names coordinated with it, told as where something happened ("gathered in Rasht and
    Ahvaz" labelled one organisation; not "talks between Russia and Ukraine")."""
    conjuncts = [token, *token.conjuncts]
    first = min(conjuncts, key=lambda w: w.i)
    if first.dep_ != "pobj" or first.head.lower_ not in _SCENE_PREPS:
        return False
    names = {w.i for c in conjuncts for w in [c, *c.children]
             if w.i == c.i or w.dep_ == "compound"}
    rest = {i for i in range(start, end) if i not in names}
    tokens = doc_words(token.doc)
    return len(names) > 1 and all(tokens[i].dep_ in ("cc", "punct") for i in rest)


def _hyphen_modifier(token: Word) -> bool:
    """A place name joined by a hyphen to the adjective or participle after it, the two
    modifying a noun ("the London-based organization", "a US-Kurdish operation", "the
    ISIS-controlled district", also written without the hyphen: "the Fatah Halab
    controlled districts"): it says whose or where-from the thing is, not where an
    event happened. A hyphen between two names ("the Kabul-Ghazni road") is a route."""
    doc = doc_words(token.doc)
    if token.i + 1 < len(doc) and doc[token.i + 1].tag_ in ("VBN", "VBD") and \
            doc[token.i + 1].dep_ == "amod" and doc[token.i + 1].head.i == token.head.i:
        return True  # the hyphen left out: "the Fatah Halab controlled districts"
    if token.i + 2 >= len(doc) or doc[token.i + 1].text not in ("-", "–"):
        return False
    word = doc[token.i + 2]
    return word.pos_ in ("ADJ", "VERB") and word.head.pos_ in (
        "NOUN", "PROPN") and word.dep_ in ("amod", "compound") and \
        token.head.i in (word.i, word.head.i)


def _named_site(ent: Span, token: Word) -> bool:
    """An organisation name that names a site where things happen ("missiles on Aleppo
    university", "the Kabul airport") or a division named after the place ``token``
    (:func:`_division_of`) rather than a body that acts: its head is a facility noun, not
    a unit ("the Islamic State of Iraq"), and it is not the subject of an active verb
    ("Aleppo University announced")."""
    head = span_root(ent)
    forms = (lemma(head), head.lower_)
    if _division_of(token, head):
        return True
    return any(w in _FACILITY_NOUNS or w in _DWELLINGS for w in forms) and \
        not any(w in _UNIT_NOUNS for w in forms) and head.dep_ != "nsubj"


def _division_of(token: Word, head: Word) -> bool:
    """Whether ``head`` is a unit noun that the place name ``token`` names as a division
    ("Logo Local Government Area", "the Saydabad District"), not as a body acting
    ("the Bauchi State Government" has no unit head; "Aleppo Governorate said" acts)."""
    return head.lower_ in _UNIT_NOUNS and head.dep_ != "nsubj" and token.i < head.i and \
        all(t.dep_ in ("compound", "nmod", "amod") for t in doc_words(head.doc)[token.i:head.i])


def _armed_group(mention: Toponym) -> bool:
    """A name that is an armed group's ("Islamic State"), or opens with the name of one
    ("Islamic State West Africa Province"), whatever place of that name the gazetteer
    has."""
    if getattr(mention, "kind", "name") != "name":
        return False
    groups = _group_words()
    words = mention.text.lower().split(" ")
    # the whole name, or a prefix of two words or more ending at a space: one set lookup
    # per prefix rather than a scan of every group name per mention
    return " ".join(words) in groups or any(
        " ".join(words[:k]) in groups for k in range(2, len(words)))


def _site_noun(noun: Word) -> bool:
    """A common noun of a place or site, which a name before it can locate ("his Amman
    home", "the Beijing office", "the Zahra neighbourhood"); also a "local government"
    named as where something is ("in Sanga local government": Nigeria's division, the
    local government area), not as a body that acts."""
    if lemma(noun) == "government" and noun.dep_ == "pobj" and \
            noun.head.lower_ in _SCENE_PREPS and any(
            c.dep_ == "amod" and c.lower_ == "local" for c in noun.children):
        return True
    return any(w in _SITE_WORDS or w in _DWELLINGS for w in (lemma(noun), noun.lower_))


def _is_demonym(token: Word) -> bool:
    from geoevents.wordlists import demonyms

    return (token.text,) in demonyms() or (token.text.title(),) in demonyms()


def _name_token(tok: Word, first: bool) -> bool:
    """A token that can start or continue a place name."""
    if tok.ent_type_ in _NEVER_PLACES or not tok.text[:1].isupper():
        return False
    if tok.pos_ == "PROPN":
        return tok.ent_type_ not in ("NORP",) or not _is_demonym(tok)
    # a capitalised adjective or noun inside a sentence that is not a demonym: spaCy's
    # tagger often reads an unknown place name so ("rural Idlib", "southern Aleppo")
    return tok.pos_ in ("ADJ", "NOUN") and not (first and tok.i == tok.sent.start) and \
        not _is_demonym(tok) and not tok.is_stop


@cache
def _group_words() -> frozenset[str]:
    from geoevents.events.ontology import load_ontology

    onto = load_ontology()
    return onto.words("non_state") | onto.words("government") | onto.words("armed")


def _group_name(span: Span) -> bool:
    """A name of an armed group or force ("the Taliban", "ISIS", "Islamic State"), from
    the ontology's actor words."""
    groups = _group_words()
    low = span_text(span).lower()
    return low in groups or any(t.lower_ in groups or lemma(t) in groups
                                for t in span_words(span))


def _unrecognised(sent: Span, toponyms: list[Toponym]) -> list[Toponym]:
    """Names the toponym stage did not keep but that the parse puts in a place's slot:
    "in the town of Sheikh Meskin", "captured Jabal al-Sayyid", "the Beledweyne district".
    They can be an event's place (``location_text``) without a gazetteer entry. Each call
    gives new mentions; their names are found once per sentence and set of toponyms
    (the stages ask again for the sentences of the events)."""
    from geoevents.model import Toponym as _Toponym

    doc = sent.doc
    taken = tuple((t.start, t.end) for t in toponyms)
    words, memo = _unrecognised_names(doc)
    if words is not doc_words(doc):  # (the words were made again: lemmas set since)
        words, memo = _unrecognised_names.renew(doc)
    key = (sent.start, sent.end, taken)
    names = memo.get(key)
    if names is None:
        names = memo[key] = _names_in_place_slots(sent, taken)
    return [_Toponym(start=start, end=end, text=text, place=None,
                     reason=SLOT_REASON)
            for start, end, text in names]


# the names of :func:`_unrecognised` of each sentence and set of toponyms asked about,
# for the document being processed (with the words they were read from)
_unrecognised_names: PerDocument[tuple[list[Word], dict[tuple, list[tuple[int, int, str]]]]] \
    = PerDocument(lambda doc: (doc_words(doc), {}))


def forget_unrecognised(doc: Doc) -> None:
    """Drop the names of :func:`_unrecognised` kept for ``doc`` (done with it)."""
    _unrecognised_names.forget(doc)


def _names_in_place_slots(sent: Span, taken: tuple[tuple[int, int], ...]
                          ) -> list[tuple[int, int, str]]:
    """(start, end, text) of each name of :func:`_unrecognised` in ``sent``, outside the
    ``taken`` character spans."""
    out: list[tuple[int, int, str]] = []
    i = sent.start
    doc = sent.doc
    tokens = doc_words(doc)
    while i < sent.end:
        tok = tokens[i]
        article = tok.lower_ in _ARTICLES and i + 2 < sent.end and tokens[i + 1].text == "-"
        if not (article or _name_token(tok, True) or (
                tok.text[:1] in "‘'’" and tok.pos_ == "PROPN")):
            i += 1
            continue
        j = i
        while j + 1 < sent.end and (_name_token(tokens[j + 1], False) or (
                tokens[j + 1].text in ("-", "’", "'") and j + 2 < sent.end
                and _name_token(tokens[j + 2], False))):
            j += 1
        span = doc_span(doc, i, j + 1)
        i = j + 1
        top = span_root(span)
        head = top.head
        start, end = span.start_char, span.end_char
        if any(s < end and start < e for s, e in taken) or _people_or_initials(span) or \
                _common_nouns(span) or span_words(span)[0].lower_ == "operation":
            continue  # (not "during Operation Lafiya Dole": a military operation's name)
        # the name of an armed group is a place only where nothing but a place fits:
        # after a static locative preposition or naming a place noun
        group = _group_name(span)
        nouns = _SITE_WORDS
        of_place = top.dep_ == "pobj" and head.lower_ == "of" and (
            lemma(head.head) in nouns or head.head.lower_ in nouns
            or (not group and head.head.dep_ == "pobj"
                and head.head.head.lower_ in _NAME_PREPS))
        strong = (
            (top.dep_ == "pobj" and head.lower_ in (_SCENE_PREPS if group else _NAME_PREPS))
            or of_place
            or (not group and top.dep_ in ("compound", "nmod", "amod")
                and lemma(head) in nouns)
            or (not group and top.dep_ == "dobj" and lemma(head) in _TERRITORIAL)
            or (not group and top.dep_ == "nsubj" and _scene_subject(top))
        )
        weak = top.ent_type_ in ("GPE", "LOC", "FAC") or (
            top.dep_ == "appos" and lemma(head) in PLACE_NOUNS)
        if not (strong or (weak and top.ent_type_ != "PERSON")):
            continue
        out.append((start, end, span_text(span)))
    return out


# the reason of a name of :func:`_unrecognised`
SLOT_REASON = "a name in a place's slot of the parse; not a resolved toponym"


def placeless(mention: Toponym) -> str:
    """Why a mention has no place, in a few words for an event's reason: "not in the
    gazetteer" only when the resolver found no entry of that name; else what it did
    with the ones it found ("the gazetteer's Eastleigh, Hampshire, GB (PPL) refused",
    "3 gazetteer readings, none likely enough", "only a similar name, 'Quetta' (PK),
    refused"), or that only the parse put the name in a place's slot."""
    why = mention.reason
    if why == SLOT_REASON:
        return "a name the toponym stage did not keep"
    if why.startswith("unresolved: the place called "):
        # "…, Eastleigh, Hampshire, GB (PPL), lies far from the text's places (p=0.12)"
        entry = why.split(" in the gazetteer, ", 1)[1].split(")", 1)[0]
        return f"the gazetteer's {entry}) refused"
    if why.startswith("unresolved: ") and " candidates, none likely enough" in why:
        count = why.removeprefix("unresolved: ").split(" ", 1)[0]
        return f"{count} gazetteer readings, none likely enough"
    if "the similar name " in why:
        similar = why.split("the similar name ", 1)[1].split(")", 1)[0]
        return f"not in the gazetteer; only a similar name, {similar}), refused"
    if why.startswith("unresolved: ") or not mention.candidates:
        return "not in the gazetteer"
    return why  # a relation to an unresolved place ("near Kadarko, which is unresolved")


def _people_or_initials(span: Span) -> bool:
    """A capitalised word that names a people, a faith or a movement rather than a place —
    a nationality-like word (spaCy's NORP) on a noun or in the plural ("the Kurdish
    neighborhood", "a Sufi shrine", "on Shi'ites", "the Islamists") — or initials ("U.N.",
    "A.M."). Names in a list ("shelled Gagrian and Sawjian area") are taken for places."""
    top = span_root(span)
    listed = top.dep_ == "conj" or any(c.dep_ == "conj" for c in top.children)
    if len(span) == 1 and top.ent_type_ == "NORP" and not listed and (
            (top.dep_ in ("amod", "compound", "nmod") and top.head.pos_ == "NOUN")
            or top.lower_.endswith("s")):
        return True
    return _INITIALS.fullmatch(span_text(span)) is not None


_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


# the common nouns of sites and bodies of :func:`_common_nouns`
_COMMON_NOUNS = _SITE_WORDS | _DWELLINGS | SITE_NOUNS | ORGANISATION_WORDS


def _common_nouns(span: Span) -> bool:
    """Capitalised words that are common nouns of sites and bodies, not a name ("Morocco's
    Parliament in Rabat", "a secondary School in Bama", "the city's Police Headquarters"):
    a name needs a word of its own ("the Al-Rasoul Checkpoint"), a number ("Hill 30",
    "the 3000 Apartment Project") or an "of" phrase naming it ("the Temple of Heaven")."""
    nouns = _COMMON_NOUNS
    tokens = doc_words(span.doc)
    if not all(t.lower_ in nouns or lemma(t) in nouns for t in tokens[span.start:span.end]):
        return False
    before = tokens[span.start - 1] if span.start > 0 else None
    after = tokens[span.end] if span.end < len(tokens) else None
    return not ((before is not None and before.like_num) or
                (after is not None and (after.like_num or after.lower_ == "of")))


def sentence_candidates(sent: Span, toponyms: list[Toponym]
                        ) -> list[tuple[Toponym, Word]]:
    """The sentence's toponyms and the names in a place's slot of its parse, each with
    its root token: what :func:`locate` chooses from (compute once per sentence and pass
    it to :func:`locate` for each of the sentence's events). A name the toponym stage kept
    without a place of its own (none, or only one near another place, see
    :func:`~geoevents.resolve.placed_by_context`) that is a people or faith word on a
    noun ("at a Sufi shrine", "to the Nazi concentration camp at Mauthausen") or initials
    is left out, as it is for the names of :func:`_unrecognised`: it says whose the site
    is, not where — unless it names the settlement noun it stands on ("capturing Buyir
    village")."""
    doc = sent.doc
    found = []
    toponyms = list(toponyms) + _unrecognised(sent, toponyms)
    for mention in toponyms:
        if mention.start < sent.start_char or mention.end > sent.end_char:
            continue
        bounds = char_tokens(doc, mention.start, mention.end)
        if bounds is None or bounds[0] == bounds[1]:
            continue
        if (placed_by_context(mention.place) or (
                mention.place is None and not mention.candidates)) and \
                _people_or_initials(doc_span(doc, *bounds)) and \
                not _settlement_name(root_word(doc, *bounds)):
            continue
        found.append((mention, root_word(doc, *bounds)))
    return found


def _settlement_name(token: Word) -> bool:
    """A word naming the settlement or unit noun it stands on ("capturing Buyir
    village", "the Shaab neighbourhood"), whatever the tagger reads it as."""
    head = token.head
    return token.dep_ in ("compound", "nmod", "amod") and head.i != token.i and (
        head.lower_ in _SETTLEMENT_NOUNS or
        (head.lower_ in _UNIT_NOUNS and head.lower_ != "camp"))


def unglue_places(doc: Doc, toponyms: list[Toponym]) -> None:
    """Mend a parse that glues a clause's place to its subject ("while in Kisumu youths
    blocked the highway", "in the western city of Maracaibo National Guard troops fired
    tear gas"): the tagger reads the place as a modifier of the plural noun after it and
    that noun as the preposition's object, so the clause has no subject and its own town
    is lost. When a known place follows "in", "at" or "of" and a plural noun follows it
    with the clause's verb right after, and that verb has no subject, the place becomes
    the preposition's object and the noun the verb's subject (on the words only)."""
    words = doc_words(doc)
    for mention in toponyms:
        if mention.place is None:
            continue
        bounds = char_tokens(doc, mention.start, mention.end)
        if bounds is None or bounds[0] < 1 or bounds[1] + 1 >= len(words):
            continue
        prep, name = words[bounds[0] - 1], words[bounds[1] - 1]
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ not in ("in", "at", "of") or noun is None or noun.i < bounds[1] or \
                noun.pos_ != "NOUN" or noun.tag_ != "NNS" or noun.i + 1 >= len(words):
            continue
        verb = words[noun.i + 1]
        if verb.pos_ != "VERB" or name.dep_ != "compound" or \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or \
                not all(noun in w.ancestors for w in words[bounds[0]:noun.i]) or \
                verb not in prep.ancestors:
            continue
        _reattach(name, prep, "pobj")
        _reattach(noun, verb, "nsubj")


def _reattach(word: Word, head: Word, dep: str) -> None:
    """Hang ``word`` on ``head`` with the dependency ``dep`` (children kept in order)."""
    word.head.children.remove(word)
    word.head, word.dep_ = head, dep
    head.children = sorted([*head.children, word], key=lambda w: w.i)


def mention_root(doc: Doc, mention: Toponym) -> Word | None:
    """The root word of the tokens a mention's characters touch (``doc.char_span(…,
    alignment_mode="expand").root``), None when they touch none."""
    bounds = char_tokens(doc, mention.start, mention.end)
    if bounds is None or bounds[0] == bounds[1]:
        return None
    return root_word(doc, *bounds)


def path_to_place(trigger: Word, location: Location) -> list[Word]:
    """The words from the trigger's child down to the root of the place linked to it
    (empty when the place does not hang on the trigger, or was lent by the context)."""
    if location.toponym is None or not location.linked:
        return []
    root = mention_root(trigger.doc, location.toponym)
    return (_down_path(trigger, root) or []) if root is not None else []


def _linked(trigger: Word, anchors: list[Word], candidates: list[tuple[Toponym, Word]],
            known: dict[int, Place | None], toponyms: list[Toponym],
            ends: dict[str, Toponym]) -> tuple[tuple, Location] | None:
    """The best place the parse links to the trigger, an anchor or the clause above."""
    best: tuple[tuple, Location] | None = None
    # the trigger and its anchors, then the clauses above the trigger (and above a merged
    # mention: "…, killing 12 people and burning houses" told of the villages invaded)
    starts = [(a, 0) for a in [trigger, *anchors]]
    for word in [trigger, *anchors]:
        tok = word
        for level in range(1, 3):  # climb through open clauses, one step at a time
            if tok.dep_ not in _CLIMB or tok.head.i == tok.i or _own_clause(tok):
                break
            tok = tok.head
            if tok.dep_ == "prep" and tok.head.i != tok.i:
                starts.append((tok, level))
                tok = tok.head  # "by slitting", "in an attack": one step with its
                # preposition
            starts.append((tok, level))
    # a clause of what was going on meanwhile ("detonated while he was driving in the
    # Hamar Weyne district", "occurred as the convoy was on its way through Rutshuru")
    # is at the event's place, part of the trigger's own clause
    meanwhile = [(c, 0) for word in [trigger, *anchors] for c in word.children
                 if c.i > word.i and _meanwhile(c)]
    starts.extend(meanwhile)
    below = {w.i for w, _ in meanwhile}
    far = _far_namesakes(candidates)
    for mention, root in candidates:
        if _actor_like(mention, root) or _described_by(mention, candidates) is not None or \
                _of_another_happening(root, trigger, candidates) or id(mention) in far:
            continue  # "20 km south of Gao": the described place, not Gao itself
        # each start that links the place ranks it, and the place keeps its best rank:
        # "repelled an attack on a post in the Savanes region near the border with
        # Burkina Faso" links Savanes below the object (a participant) from "repelled"
        # and from "attack" (the event's own phrase), Burkina Faso only from "attack"
        first = True  # (only the first link records a motion's end)
        for anchor, level in starts:
            path = _down_path(anchor, root)
            role: tuple[str, str] | None
            if path == [] and level > 0 and anchor.i == root.i:
                # "… the Angyom and Tse-Usenda villages, killing …": the participle
                # describes the place itself
                path, role = [root], (SITE, "the place the trigger's clause describes")
            elif not path or (anchor.i in below and path[0].dep_ != "prep"):
                continue  # (of the meanwhile clause only its own locative phrases:
                # not "…, while the lowest state was North Dakota")
            else:
                role = _role_of(path, mention, own=anchor.i == trigger.i)
            if role is None or (anchor.i in below and role[0] not in (SITE, NEAR)):
                continue  # (not the path of a motion going on meanwhile: "struck the
                # attackers as they fled towards Téra")
            if mention.place is None and mention not in toponyms and len(path) == 1 and \
                    path[0].dep_ in ("nsubj", "nsubjpass", "attr") and \
                    lemma(anchor) not in _TERRITORIAL and not _scene_subject(path[0]):
                continue  # "Kupczyk … was shot": a name the toponym stage did not keep
            kind = getattr(mention, "kind", "name")
            # prefer: fewer climbs; not a landmark of another place; the event's own
            # phrase over a participant's; fewer containers; the name over its wider
            # area; destination over origin; recognised toponyms; the earlier mention;
            # composite mentions (borders, "near X") over the names inside them
            reference, depth = _specificity(path, known)
            # a border is a line that locates the event no better than a landmark does:
            # "struck fighters west of Bankilaré, near the border with Burkina Faso"
            reference = reference or any(lemma(t) in _LINE_NOUNS for t in path) or (
                _set_off_landmark(path) is not None and
                _located_place(path, candidates) is not None)
            # "repelled an attack … and carried out air strikes on … Lake Chad": a verb
            # joined to a trigger that has its own object acts on its own object, elsewhere
            other_act = path[0].dep_ == "conj" and path[0].pos_ in ("VERB", "AUX") and \
                any(c.dep_ == "dobj" for c in anchor.children)
            rank = (level, other_act, reference, _through_participant(path, known), depth,
                    _broadness(root, known), role[0] == ORIGIN, kind == "demonym",
                    mention.place is None and (mention not in toponyms or _by_agent(path)),
                    root.i,
                    kind in ("border", "relative", "between"),
                    -(mention.end - mention.start))
            if first and level == 0 and role[0] in (ORIGIN, DESTINATION):
                ends.setdefault(role[0], mention)
            where = f"{role[1]} (the clause of what went on meanwhile)" \
                if anchor.i in below else role[1] if level == 0 else \
                f"{role[1]} (clause above the trigger)"
            loc = Location(mention, role[0], None, where, route_end=_route_end(path))
            located = _located_place(path, candidates) if reference else None
            if located is not None and id(located) in far:
                located = None  # a namesake far off: the landmark phrase's point stands
            if located is not None:
                # "in Shopville, 70 miles south of Lexington": the place the landmark locates
                rank = (level, other_act, False, *rank[3:])
                loc = Location(located, SITE, None,
                               f"{where}, the place that '{mention.text}' locates")
            if best is None or rank < best[0]:
                best = (rank, loc)
            first = False
    return best


def _meanwhile(clause: Word) -> bool:
    """An adverbial clause that "while" or "as" opens, telling what was going on when the
    event happened ("while he was driving in …"), not what caused it ("when a bomb hit
    …", the sentence's setting). (The caller takes it after the trigger only: a fronted
    "While the insurgencies started before the war, …" concedes, it tells no scene.)"""
    return clause.dep_ == "advcl" and clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ in ("while", "as") for c in clause.children)


# verbs whose complement is an act only talked of, wished or planned
_IRREALIS = frozenset({"discuss", "consider", "plan", "threaten", "want", "hope", "seek",
                       "propose", "urge", "vow", "intend", "call"})


def _unrealised(trigger: Word) -> bool:
    """The trigger tells of an act that has not happened: under a modal of possibility
    ("the toll could rise") or the complement of a verb of planning or talk ("has
    discussed protesting the train"). Such an act has no scene of its own, so the
    sentence's setting is not given to it. (A plan told with "will" keeps it: "will
    patrol Athens".)"""
    tok = trigger
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "ccomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if lemma(tok) in _IRREALIS:
            return True
    return False


def locate(trigger: Word, anchors: list[Word], sent: Span,
           toponyms: list[Toponym],
           candidates: list[tuple[Toponym, Word]] | None = None,
           names: CountryNames | None = None) -> Location:
    """The event place among the sentence's toponyms, linked to the trigger or to one of
    the ``anchors`` (the verb that carries an event noun); ``candidates`` are the
    sentence's :func:`sentence_candidates` when already computed, ``names`` the
    document's :func:`country_names` (a name the gazetteer lacks is never placed at a
    stray abroad, see :func:`stray`)."""
    if candidates is None:
        candidates = sentence_candidates(sent, toponyms)
    known: dict[int, Place | None] = {}  # token → place of the sentence's mentions
    for mention, root in candidates:
        known.setdefault(root.i, mention.place)
    ends: dict[str, Toponym] = {}  # origin/destination seen on the trigger itself
    best = _linked(trigger, anchors, candidates, known, toponyms, ends)
    if best is None or best[0][0] > 0:  # nothing in the trigger's own clause
        best = _antecedent(trigger, anchors, candidates) or best
    elif best[1].route_end:
        # a route's end is where the road leads, maybe far away: the place the clause
        # describes or the sentence is set in is where it happened ("on the outskirts of
        # Debre Markos, where fighters attacked positions near the road to Addis Ababa")
        # ("In Nigeria, gunmen ambushed a bus on the road to Kano": a country is no finer)
        other = _antecedent(trigger, anchors, candidates) or \
            _scene(trigger, candidates, known, besides=best[1].toponym)
        if other is not None and other[1].place is not None and not _broad(other[1].place):
            best = other
    if best is None and not _unrealised(trigger):
        best = _scene(trigger, candidates, known) or _other_place(trigger, candidates)
    if best is None:
        return NOWHERE
    chosen = best[1]
    named_area = _named_area(chosen.toponym)
    area = _broad(chosen.place) or _area_phrase(chosen, candidates) or (
        chosen.place is not None and (chosen.place.feature_code.startswith(("ADM2", "ISL"))
                                      or named_area))
    loc = _finer_inside(chosen, trigger, anchors, candidates) if area else \
        _finer_in_unknown_area(chosen, trigger, anchors, candidates) \
        if chosen.place is None and named_area else chosen
    loc = _agreeing(_on_the_way(loc, candidates), candidates)
    assert loc.toponym is not None
    loc.precision = precision_of(loc.place, loc.role or SITE, _context_text(loc.toponym, sent))
    name = loc.place.display_name if loc.place else placeless(loc.toponym)
    loc.reason = f"{loc.toponym.text!r} ({name}) as {loc.role}: {loc.reason}"
    if loc.place is None:
        _approximate(loc, trigger, candidates, names or {})
    others = [f"{role} {m.text!r}" for role, m in sorted(ends.items())
              if m is not loc.toponym and role != loc.role]
    if others:
        loc.reason += f"; also {', '.join(others)}"
    return loc


def _antecedent(trigger: Word, anchors: list[Word], candidates: list[tuple[Toponym, Word]]
                ) -> tuple[tuple, Location] | None:
    """The place a relative clause holding the trigger (or the verb that carries it)
    hangs on when its relative word makes that place the clause's scene: "…, into
    Afghanistan, where violence is rising", "Iraq, whose military targets have been
    bombed" (the owner of the targets); or what the trigger acts on, the antecedent or
    its place ("a prison in Aleppo, which lies near the border and was stormed")."""
    roots = {r.i: m for m, r in candidates}
    for word in [trigger, *anchors]:
        clause = word
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i and \
                not _own_clause(clause):
            clause = clause.head  # "…, where they were shot and killed"
        if clause.dep_ != "relcl":
            continue
        relative = any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children) \
            or any(t.lower_ == "whose" and t.dep_ == "poss" for t in clause.subtree)
        mention = roots.get(_described_head(clause.head, roots).i)
        if relative and mention is not None and mention.place is not None and \
                not _actor_like(mention, clause.head):
            return (0,), Location(mention, SITE, None, "the place a relative clause "
                                  "('where …', 'whose …') with the trigger describes")
        if _relative_patient(word, clause):
            found = _patient_place(clause.head, candidates)
            if found is not None:
                return (0,), Location(found, SITE, None, "what the trigger acted on: "
                                      "the place a relative clause ('…, which was "
                                      "stormed') with the trigger hangs on")
    return None


def _described_head(antecedent: Word, roots: dict[int, Toponym]) -> Word:
    """The place a relative clause describes when the parse hangs it on a place inside an
    appositive of another: "Debre Markos, the capital of East Gojjam zone, where fighters
    attacked …" goes on describing Debre Markos."""
    tok = antecedent
    while tok.dep_ in ("pobj", "prep", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "appos" or tok.i == antecedent.i or tok.head.i not in roots:
        return antecedent
    head = tok.head  # … or the phrase it names ("the outskirts of Debre Markos, …")
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i in roots:
        return head.head.head
    return head


def _relative_patient(word: Word, clause: Word) -> bool:
    """Whether the relative word of ``clause`` ("which", "that") is what ``word`` (the
    clause's verb or a passive verb coordinated with it) acts on: "the camp, which was
    raided", "the town that rebels captured", "Aceh, which lies on Sumatra and was
    raided"."""
    rel = next((c for c in clause.children if c.lower_ in ("which", "that")
                and c.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
    if rel is None:
        return False
    if word.i == clause.i:
        return rel.dep_ in ("nsubjpass", "dobj")
    # a verb coordinated with the clause's shares its subject: passive, it is acted on
    return rel.dep_ in ("nsubj", "nsubjpass") and word.dep_ == "conj" and \
        any(c.dep_ == "auxpass" for c in word.children)


def _patient_place(antecedent: Word, candidates: list[tuple[Toponym, Word]]
                   ) -> Toponym | None:
    """The resolved place a relative clause's antecedent is ("Aceh Province, which …")
    or names in a static locative phrase ("a camp in Aceh Province, which …")."""
    for mention, root in candidates:
        if mention.place is None or _actor_like(mention, root):
            continue
        if root.i == antecedent.i:
            return mention
        path = _down_path(antecedent, root)
        if path and len(path) >= 2 and path[0].dep_ == "prep" and \
                path[0].lower_ in _SCENE_PREPS and path[1].dep_ == "pobj" and \
                all(t.dep_ in ("compound", "appos", "flat", "amod") for t in path[2:]):
            return mention
    return None


def _finer_inside(loc: Location, trigger: Word, anchors: list[Word],
                  candidates: list[tuple[Toponym, Word]]) -> Location:
    """The chosen place is a country, province, region, district or island (or a town
    named as an area: "the Homs countryside"), and the sentence names a town or district inside it
    ("in Pakistan's largest city, Karachi", "patrolling the streets in
    Yendi, … Ghana's capital", "on al-Latmana, in Hama province") or a point at a
    distance from a town inside it ("an airstrike about 10 km northwest of Jilib, in the
    Middle Juba region"), in the clause of that
    place, a clause framing it, or the clause of another mention of the same event (the
    ``anchors``: "struck the Kharkiv region, killing three in Kupiansk"): ACLED codes the
    most specific place the text gives, so the event is at that town, nearest the trigger
    in the parse. A landmark ("531 km north of Accra"), a statement's source, an actor's
    home and the end of a motion's path are not such a place."""
    outer = loc.place
    assert outer is not None and loc.toponym is not None
    outer_root = next(r for m, r in candidates if m is loc.toponym)
    scene = _enclosing_clauses(outer_root) | {a.i for a in anchors}
    # an area only by its own words ("the Bustan Al-Basha District", read as a town)
    by_name = not (_broad(outer) or _area_phrase(loc, candidates) or
                   outer.feature_code.startswith(("ADM2", "ISL")))
    inner = []
    # a direction from a town that places a name the gazetteer read as a namesake far off
    # ("the village of al-Mazraa, west of the city of Sweida"): the town is the finer place
    placing = [id(m) for m in _far_namesakes(candidates).values()]
    for mention, root in candidates:
        place = mention.place
        kind = getattr(mention, "kind", "name")
        # a direction from a town without a distance that places a site the sentence
        # does not name ("on a rural road north of Baqubah, in Diyala province") is near
        # that town: finer than a province or country, but after every place the
        # sentence names itself. Told of a named place ("in Maqbanah district, west of
        # Taiz", "near the town of Riyadh, south-west of Kirkuk city") it only locates
        # that place.
        vague = kind == "relative" and not _measured(place) and id(mention) not in placing
        if mention is loc.toponym or kind not in ("name", "relative") or \
                (vague and not (place is not None and place.feature_class == "P" and
                                _broad(outer) and _unnamed_site(root, candidates))) or \
                (_clause_of(root).i not in scene and not _in_phrase_of(root, trigger, anchors)) or \
                _group_name(root.doc[root.i:root.i + 1]) or _path_end(root) or \
                _landmark(root) or _in_fixed_phrase(root) or \
                _in_grievance(root, trigger, candidates):
            continue
        # a name the gazetteer lacks is finer when its phrase calls it a settlement or
        # puts it in the area; one whose reading lies outside the area ("the villages of
        # Arak" in the Homs countryside: not Arak, Iran) when its phrase calls it a
        # settlement
        namesake = place is not None and not _broad(place) and not _within(outer, place)
        if place is None or namesake:
            named = _settlement_named(mention, root) and not (
                namesake and root.dep_ in ("compound", "nmod") and any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in root.head.children))
            # (not "the Damascus suburb of eastern Ghouta": the name before the noun is
            # the container there)
            if not (named or (not namesake and _put_in(root, outer_root))) or \
                    _actor_like(mention, root) or statement_source(root):
                continue
        elif _broad(place) or not _within(outer, place) or place_tier(mention, root) != _TOWN \
                or (by_name and (_big(place) or _named_area(mention))):
            continue  # (a city is not finer than a district the gazetteer read as a town)
        # (a town the sentence names before a point it measures: "in Yendi, 531
        # kilometers north of Accra" describes Yendi)
        inner.append((vague, place is None or namesake, kind == "relative",
                      _tree_distance(trigger, root), mention.start, mention, root))
    if not inner:
        return loc
    vague, unknown, _, _, _, mention, root = min(inner, key=lambda x: x[:5])
    how = f"{loc.reason}; a place inside '{loc.toponym.text}' that the sentence names, " \
          f"the most specific"
    if unknown and mention.place is not None:
        how += f"; the gazetteer's '{mention.text}' ({mention.place.display_name}) lies " \
               f"outside it, so the event is placed there"
        mention = placed_in(mention, loc.toponym, "the area its sentence names")
    near = vague or mention.text.lower().startswith("near") or \
        _phrase_preposition(root) == "near"
    return Location(mention, NEAR if near else SITE, None, how, linked=loc.linked)


def _unnamed_site(phrase: Word, candidates: list[tuple[Toponym, Word]]) -> bool:
    """Whether a place ``phrase`` hangs on a common noun that no other place name of the
    sentence names ("a rural road north of …", not "Sirwah district west of …")."""
    noun = phrase.head
    names = {root.i for _, root in candidates} - {phrase.i}
    return noun.pos_ == "NOUN" and noun.i not in names and \
        not any(c.i in names for c in noun.children)


def _finer_in_unknown_area(loc: Location, trigger: Word, anchors: list[Word],
                           candidates: list[tuple[Toponym, Word]]) -> Location:
    """The chosen place is an area the gazetteer lacks, named as one by its own words
    ("Damboa Local Government Area", "Riyom LGA"), and the scene's clause names a
    settlement or unit by its noun ("attacked Shawa village in Damboa Local Government
    Area", "in the Rim district of Riyom LGA"): that place is the finer one. Without the
    area's geometry only such names count, and only those the gazetteer lacks too or reads
    in another country than every other place of the sentence (Rim as Rome beside Plateau
    State: a namesake abroad, so the name is kept without that reading)."""
    from geoevents.model import Toponym

    outer_root = next((r for m, r in candidates if m is loc.toponym), None)
    if loc.toponym is None or outer_root is None:
        return loc
    scene = _enclosing_clauses(outer_root) | {a.i for a in anchors}
    inner = []
    for mention, root in candidates:
        place = mention.place
        if mention is loc.toponym or getattr(mention, "kind", "name") != "name" or \
                (_clause_of(root).i not in scene and not _in_phrase_of(root, trigger, anchors)) \
                or not _settlement_named(mention, root) or _named_area(mention) or \
                _group_name(root.doc[root.i:root.i + 1]) or _path_end(root) or \
                _landmark(root) or _in_fixed_phrase(root) or _actor_like(mention, root) or \
                statement_source(root) or _in_grievance(root, trigger, candidates):
            continue
        countries = {m.place.country_code for m, _ in candidates
                     if m.place is not None and m is not mention and m is not loc.toponym}
        if place is not None and (not countries or place.country_code in countries):
            continue  # a reading in the sentence's own country: not a namesake abroad
        inner.append((_tree_distance(trigger, root), mention.start, mention))
    if not inner:
        return loc
    mention = min(inner, key=lambda x: x[:2])[2]
    how = f"{loc.reason}; a place inside '{loc.toponym.text}' that the sentence names, " \
          f"the most specific"
    if mention.place is not None:
        how += f"; the gazetteer's '{mention.text}' ({mention.place.display_name}) lies " \
               f"in another country than the sentence's places"
        mention = Toponym(start=mention.start, end=mention.end, text=mention.text)
    return Location(mention, SITE, None, how, linked=loc.linked)


# how far apart the two ends of a "between" place must lie for a point on the way to be
# finer (half the distance is the between place's own uncertainty)
_WAY_KM = 50.0


def _on_the_way(loc: Location, candidates: list[tuple[Toponym, Word]]) -> Location:
    """A place "between" two towns far apart is only known to half their distance; a
    point that the same clause gives on the way ("on the road between Kaya and Dori, near
    Yalgo", "… between Kayes and Bamako on Saturday, about 40 kilometres west of Kati"),
    or a town it names on its own ("blocked the Jos-Bokkos road at the entrance of Bokkos
    town"), is where it happened."""
    mention, middle = loc.toponym, loc.place
    ends = [p.place for p in getattr(mention, "parts", None) or [] if p.place is not None]
    if mention is None or middle is None or getattr(mention, "kind", "name") != "between" \
            or len(ends) != 2:
        return loc
    half = geodesy.distance_km(ends[0].lat, ends[0].lon, ends[1].lat, ends[1].lon) / 2
    root = next((r for m, r in candidates if m is mention), None)
    if root is None or 2 * half < _WAY_KM:
        return loc
    clause = _clause_of(root).i
    for other, other_root in candidates:
        place = other.place
        near = getattr(other, "relation", None) == "near"
        kind = getattr(other, "kind", "name")
        if place is None:
            continue
        # a town the clause names on its own (not one of the road's ends), or a point
        # told near or measured from a place
        town = kind == "name" and place.feature_class == "P" and \
            not mention.start <= other.start < mention.end
        if not (town or (kind == "relative" and (near or _measured(place)))) or \
                _clause_of(other_root).i != clause or \
                geodesy.distance_km(place.lat, place.lon, middle.lat, middle.lon) > \
                half + _WAY_KM / 2:
            continue
        return Location(other, NEAR if near else SITE, None,
                        f"{loc.reason}; '{other.text}' gives the point on the way between "
                        f"the two, finer than halfway", linked=loc.linked)
    return loc


def _measured(place: Place | None) -> bool:
    """Whether a relative mention's place is the point at the distance the text gives
    ("about 10 km northwest of Jilib"), not the place it is told from ("south-west of
    Kirkuk", which says only in which direction of Kirkuk)."""
    return place is not None and place.id.startswith("derived:")


# how far a town may lie from the town whose area ("the Homs countryside") it is in
_AREA_KM = 100.0


# the last words of a name that make it an area, whatever the gazetteer resolved it to
# ("the Idlib Governorate", "Riyom LGA", "Gujba Local Government Area")
_AREA_NAME_NOUNS = _PROVINCE_NOUNS | frozenset({"governorate", "district", "lga", "area",
                                                "division", "subdistrict", "raion"})


def _named_area(mention: Toponym | None) -> bool:
    """A name whose own words call it an area ("the Idlib Governorate", "Gujba Local
    Government Area"): it names the province or district even when the gazetteer read
    it as the town of that name, so a town the sentence names inside it is finer."""
    words = mention.text.lower().split() if mention is not None else []
    return bool(words) and words[-1] in _AREA_NAME_NOUNS


def _in_phrase_of(root: Word, trigger: Word, anchors: list[Word]) -> bool:
    """Whether a place hangs below the trigger or an anchor, in the phrases of the event
    itself ("targeting the hills that surround the village of Kabbani", "an assault on
    the defenses outside the village of Al-Qasr"), and not in a coordinated clause with
    its own subject, which tells another act."""
    heads = {trigger.i, *(a.i for a in anchors)}
    below = root
    for tok in root.ancestors:
        if below.dep_ == "prep" and below.lower_ not in _LOCATIVE_INNER and tok.i not in heads:
            return False  # "areas under the control of …": not where the areas are
        if tok.i in heads:
            return below.dep_ != "conj"  # (a name coordinated with the verb: a misparse)
        if tok.pos_ in ("VERB", "AUX") and not (
                tok.dep_ in ("acl", "relcl") and (lemma(tok) in _LOCATIVE_ACL
                                                  or tok.head.i in heads)):
            return False  # another predicate's place ("launched an offensive in the
            # Dara'a countryside, targeting the town of Ibtra'a": the town is the
            # targeting's), but not a participle that locates a noun ("the hills that
            # surround the village of Kabbani") nor the event noun's own act ("a
            # landslide buried part of a village in Monkayo")
        below = tok
    return False


def _area_phrase(loc: Location, candidates: list[tuple[Toponym, Word]]) -> bool:
    """Whether the chosen place is named as the area around a town ("in the province of
    Damascus", "in the east Homs countryside"), by a province-sized noun it modifies or
    that names it by "of"."""
    root = next((r for m, r in candidates if m is loc.toponym), None)
    if root is None or loc.place is None:
        return False
    head = root.head
    if root.dep_ in ("compound", "nmod", "poss", "amod") and head.i != root.i:
        return head.lower_ in _PROVINCE_NOUNS
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PROVINCE_NOUNS


def _within(outer: Place, inner: Place) -> bool:
    """Whether ``inner`` lies in the area of ``outer``: a division containing it, or the
    area of a town ("the Homs countryside") or district within :data:`_AREA_KM` of it — a
    district's only in its own province when both provinces are known. The gazetteer
    has no shape of a sea: a town named with one ("struck Hodeidah port on Yemen's Red Sea
    coast") is on its coast, in its area."""
    if outer.feature_code.startswith(_SEAS):
        return True
    if outer.feature_code.startswith(_BROAD_CODES):
        return contains(outer, inner)
    if outer.feature_code.startswith("ADM") and outer.admin1 and inner.admin1 and \
            outer.admin1 != inner.admin1:
        return False
    return inner.country_code == outer.country_code and geodesy.distance_km(
        inner.lat, inner.lon, outer.lat, outer.lon) <= _AREA_KM


def _put_in(name: Word, outer: Word) -> bool:
    """Whether the phrase of a name puts it in the place ``outer`` ("near El Meram in West
    Kordofan", "al-Latmana, in Hama province", "Tora Manda locality of Maywand District"):
    ``outer`` hangs below the name through a locative "in" or "of", or an apposition."""
    path = _down_path(name, outer)
    if path is not None and len(path) > 0 and all(
            t.dep_ in ("pobj", "appos", "compound", "punct", "flat") or
            (t.dep_ == "prep" and t.lower_ in ("in", "of", "inside", "within")) for t in path):
        return True
    # "near El Meram in West Kordofan" with "in …" hung on the noun before the name: the
    # words still put the name in the place right after it
    top = outer
    while top.dep_ in ("compound", "flat", "appos") and top.head.i != top.i:
        top = top.head
    return _in_right_after(name, top)


def _in_right_after(name: Word, pobj: Word) -> bool:
    """Whether ``pobj`` is the object of an "in" (or "inside", "within") right after the
    name, or after a comma after it ("an attack on al-Latmana, in Hama province")."""
    prep = pobj.head
    after = name.right_edge.i + 1
    if after < len(name.doc) and name.doc[after].text == ",":
        after += 1
    return pobj.dep_ == "pobj" and prep.dep_ == "prep" and \
        prep.lower_ in ("in", "inside", "within") and prep.i == after


def _division_named_after(name: Word, outer: Word) -> bool:
    """Whether the words right after a name put it in the division ``outer`` names with
    its generic word, however the parse hangs the phrase: "an orchard near Buenavista, in
    the municipality of Buenavista Tomatlán", "Pokrovske, in the district of Nikopol"."""
    top = outer
    while top.dep_ in ("compound", "flat", "appos") and top.head.i != top.i:
        top = top.head
    of = top.head
    return top.dep_ == "pobj" and of.lower_ == "of" and of.dep_ == "prep" and \
        _unit_noun(of.head) and _in_right_after(name, of.head)


def _settlement_named(mention: Toponym, root: Word) -> bool:
    """A name the gazetteer lacks that a settlement or unit noun names ("the village of
    Al-Qasr", "Katarko village", "the Al-Manashiyah District"): a finer place than the
    province around it, even without coordinates of its own."""
    words = mention.text.lower().split()
    head = root.head
    nouns = _SETTLEMENT_NOUNS | _UNIT_NOUNS
    if words and words[-1] in nouns:
        return True  # "the Al-Manashiyah District"
    if root.dep_ in ("compound", "nmod") and head.i > root.i:
        return head.lower_ in nouns  # "Katarko village"
    return root.dep_ == "pobj" and head.lower_ == "of" and (
        head.head.lower_ in _SETTLEMENT_NOUNS | _LANDFORM_NOUNS or
        lemma(head.head) in _SETTLEMENT_NOUNS | _LANDFORM_NOUNS)



# how far a place may lie from the place its phrase puts it in ("the Capitol in Atlanta")
_CONTAINER_KM = 150.0


def _agreeing(loc: Location, candidates: list[tuple[Toponym, Word]]) -> Location:
    """The chosen place must lie in the place its own phrase puts it in: in "the village
    of Ma'an in the Hama Governorate" the gazetteer's Ma'an in Jordan is the wrong one.
    The name is kept and placed at its container (ACLED codes a place it cannot find at
    the nearest known place around it). Containers are the places of a locative
    preposition or an apposition on the chosen name ("X in Y", "X, Y", "X of Y" after a
    unit noun), or the division the words after it name with its generic word
    (:func:`_division_named_after`: "an orchard near Buenavista, in the municipality of
    Buenavista Tomatlán", however the parse hangs the phrase); of several, the nearest
    that agrees with those around it ("in Okha
    village, Ovia South West area of Edo State": a 'South West' outside Edo State is
    wrong too)."""
    place, mention = loc.place, loc.toponym
    if place is None or mention is None or _broad(place):
        return loc
    root = next((r for m, r in candidates if m is mention), None)
    if root is None:
        return loc
    known = {r.i: m.place for m, r in candidates}
    containers = []
    # "Mogadishu's Madina hospital", "Manhattan's Chelsea section": the possessor of the
    # noun the name modifies is its container
    owner = next((c.i for c in root.head.children if c.dep_ == "poss" and c.i < root.i),
                 None) if root.dep_ in ("compound", "nmod", "amod") else None
    for other, other_root in candidates:
        if other.place is None or other is mention or \
                getattr(other, "kind", "name") != "name" or not other.text[:1].isupper():
            continue  # not "Kherson, on the west bank of the Dnipro"
        if other_root.i == owner and not _actor_like(other, other_root):
            containers.append((1, other))
            continue
        if other_root.i > root.i and _division_named_after(root, other_root) and \
                not _actor_like(other, other_root):
            containers.append((other_root.i - root.i, other))
            continue
        path = _down_path(root, other_root)
        if not path or _actor_like(other, other_root):
            continue
        first = path[0]
        if not all(t.dep_ in ("pobj", "compound", "flat", "poss") or (
                t.dep_ == "prep" and t.lower_ in ("of", "in") and _unit_noun(t.head))
                for t in path[1:]):
            continue  # "on the west bank of the Dnipro": the river is no container
        if (first.dep_ == "prep" and first.lower_ in _CONTAINER_PREPS
                and first.lower_ not in _PATH_PREPS) or \
                (first.dep_ == "prep" and first.lower_ == "of" and
                 not _naming_of(first, known)) or first.dep_ == "appos":
            containers.append((len(path), other))
    containers.sort(key=lambda c: c[0])
    outers = [c[1] for c in containers]
    for k, other in enumerate(outers):
        assert other.place is not None
        if any(not _inside(other.place, o.place) for o in outers[k + 1:]):
            continue  # this container disagrees with those around it
        if _inside(place, other.place):
            return loc
        moved = placed_in(mention, other, "the place its phrase puts it in")
        return Location(moved, loc.role, None,
                        f"{loc.reason}; the gazetteer's '{mention.text}' "
                        f"({place.display_name}) is not in '{other.text}', the place its "
                        f"phrase names, so the event is placed there", linked=loc.linked)
    return loc


def _unit_noun(noun: Word) -> bool:
    """A noun of a division, settlement or surroundings ("Ovia South West area of Edo
    State", "the Hama Governorate's northern countryside")."""
    return any(w in _UNIT_NOUNS or w in _SETTLEMENT_NOUNS or w in SURROUNDINGS
               for w in (lemma(noun), noun.lower_))


def _inside(inner: Place, outer: Place | None) -> bool:
    """Whether ``inner`` can lie in ``outer``: contained, or near enough."""
    return outer is None or contains(outer, inner) or geodesy.distance_km(
        inner.lat, inner.lon, outer.lat, outer.lon) <= _CONTAINER_KM


def _own_clause(verb: Word) -> bool:
    """A coordinated verb with a subject of its own tells another act, at its own place
    ("The 101st captured a bridge in Eerde, but the British found themselves trapped in
    Arnhem"); without one it shares the first verb's ("was shot and left in a ditch")."""
    return verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _clause_of(token: Word) -> Word:
    """The verb of the clause a word belongs to (the sentence's root if none)."""
    for tok in token.ancestors:
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return span_root(token.sent)


def _enclosing_clauses(token: Word) -> set[int]:
    """The clause of a word, the infinitives it governs, which tell the same act ("while
    trying to cross into Turkey near Reyhanlı, in Hatay province"), and the clauses above
    it that frame it — not a coordinated clause, which tells another act ("clashed in
    Amsterdam and demonstrated across the Netherlands")."""
    tok = _clause_of(token)
    out = {tok.i}
    below = [tok]
    while below:
        verb = below.pop()
        complements = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        out.update(c.i for c in complements)
        below.extend(complements)
    while tok.dep_ != "conj" and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            out.add(tok.i)
    return out


def _landmark(root: Word) -> bool:
    """A place named as a landmark that locates another ("531 km north of Accra", "205 km
    from Srinagar")."""
    return any((a.lower_ in _DIRECTION_WORDS or lemma(a) in _DISTANCE_WORDS)
               for a in list(root.ancestors)[:4])



def _resolved_places(trigger: Word, candidates: list[tuple[Toponym, Word]], *,
                     sources: bool = False) -> list[tuple[int, Toponym]]:
    """The sentence's resolved place names that are not actors or owners ("the Syrian
    army"), where a person comes from ("a driver from South Sulawesi", see
    :func:`_origin_of_person`) nor a statement's source ("police in Abuja said"),
    nearest to the trigger in the parse first; with ``sources``, only the places of
    statement sources below the country ("a military source in the Dara'a
    Governorate")."""
    out = []
    for mention, root in candidates:
        if mention.place is None or getattr(mention, "kind", "name") == "demonym" or \
                _actor_like(mention, root) or _origin_of_person(root) or \
                statement_source(root) != sources or \
                (sources and mention.place.feature_code.startswith(_NATIONS)):
            continue
        out.append((_tree_distance(trigger, root), mention))
    return sorted(out, key=lambda x: (x[0], x[1].start))


def _fixed_phrase(pobj: Word) -> bool:
    """Whether a preposition's object makes a fixed phrase with it ("in response to", "on
    behalf of", "in line with") rather than a place ("across the line", "along the
    front line")."""
    return pobj.dep_ == "pobj" and lemma(pobj) in _NOT_SETTINGS and \
        pobj.head.lower_ in _FIXED_PHRASE_PREPS


def _in_fixed_phrase(root: Word) -> bool:
    """Whether the place (its name's root token) is named inside a fixed phrase ("in
    response to the shelling of Donetsk"): it sets the scene of another happening, not of
    the sentence's."""
    return any(_fixed_phrase(a) for a in root.ancestors)


# a strike is also an attack's ("strikes against Gaza"): no protest word here
_STRIKE = frozenset({"strike"})


@cache
def _protest_words() -> frozenset[str]:
    """The one-word verbs and nouns of a protest and its protesters (the typing's own
    list, :func:`geoevents.events.classify.protest_words`), but for :data:`_STRIKE`."""
    from geoevents.events.classify import protest_words
    from geoevents.events.ontology import load_ontology

    return protest_words(load_ontology()) - _STRIKE


# endings of nouns made from verbs ("treatment", "closure", "detention", "removal"): with
# an object of their own ("of prisoners", "China's") they tell an action
_ACTION_ENDINGS = ("ment", "tion", "sion", "ure", "al", "ing")


@cache
def _happening_nouns() -> frozenset[str]:
    """Nouns of happenings: the ontology's one-word event nouns, its attacks and
    operations, and its states of conflict (war, occupation …: no event of the ontology,
    but a state of affairs with a place of its own, "against the war in Iraq")."""
    from geoevents.events.ontology import load_ontology

    onto = load_ontology()
    nouns = {n for sub in onto.sub_types.values() for n in sub.nouns if " " not in n}
    return frozenset(nouns) | onto.words("attack") | onto.words("operation") | \
        onto.words("conflict_state")


@cache
def _actor_nouns() -> frozenset[str]:
    """Nouns of actors (the ontology's government, armed, non-state, diplomatic and
    person words) and its policies (a law, a price hike …, whose "in X" is where they are
    opposed): what a protest may be against that has no place of its own."""
    from geoevents.events.ontology import load_ontology

    onto = load_ontology()
    return _group_words() | onto.words("diplo_actor") | onto.words("person_noun") | \
        onto.words("civilian") | onto.words("protester") | onto.words("policy")


def _happening(noun: Word) -> bool:
    """Whether a noun tells a happening, which has a place of its own: an event noun
    ("the war", "the shelling") or a noun made from a verb with its own object ("the
    treatment of prisoners", "China's closure of the mine"), not an actor or a policy."""
    word = lemma(noun)
    if word in _actor_nouns() or noun.lower_ in _actor_nouns():
        return False
    if word in _happening_nouns():
        return True
    has_object = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                     for c in noun.children)
    return has_object and word.endswith(_ACTION_ENDINGS)


def _in_grievance(root: Word, trigger: Word,
                  candidates: list[tuple[Toponym, Word]]) -> bool:
    """Whether the place is named in what a protest is against — "rallied against the war
    in Iraq outside parliament", "protesting China's treatment of refugees in Tibet" —
    which is another happening's place, not the protest's. An event told inside that
    phrase ("protested against the bombing of Gaza": the bombing) keeps its place. A place
    right on an object that is no happening (an actor or a policy: "protested against the
    government in Bamako", however the parser attaches it) is where the protest is held
    when the sentence (``candidates``) names no place outside that phrase ("Protesters in
    London rallied against the military in Myanmar": London).
    Only the sentence's own steps leave it out: with nothing else, the place the paragraph
    names (:mod:`geoevents.events.extract`) may still stand for the protest's, at a lower
    precision."""
    for tok in [root, *root.ancestors]:
        head = tok.head
        against = tok.dep_ == "pobj" and head.lower_ == "against" and \
            lemma(head.head) in _protest_words()
        if against or (tok.dep_ == "dobj" and lemma(head) == "protest"):
            if any(t.i == tok.i for t in [trigger, *trigger.ancestors]):
                return False
            prep = root.head
            on_object = root.dep_ == "pobj" and prep.dep_ == "prep" and \
                prep.head.i == tok.i and PREPOSITION_ROLES.get(prep.lower_) == SITE and \
                prep.lower_ != "of"
            elsewhere = any(not tok.left_edge.i <= r.i <= tok.right_edge.i
                            for _, r in candidates)
            return not on_object or elsewhere or _happening(tok)
    return False


# prepositions that date an event by another happening ("two days after a rally in Moscow")
_TIME_PREPS = frozenset({"after", "before", "following"})
# units of a time span: "two days after", "the day before", "years after"
_TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade",
                         "anniversary"})


def _another_time(root: Word, trigger: Word) -> bool:
    """Whether the place is named in a phrase that dates the event by another happening
    at a span of time from it — "two days after a rally in Moscow", "eight years to the
    day after a rampage at Columbine" — whose place it is. "After prayers in the X
    mosque, gunmen opened fire" and "killed since the start of the war in Syria" put the
    event in or right after that happening and keep its place, and so does an event told
    inside the phrase."""
    for tok in [root, *root.ancestors]:
        prep = tok.head
        if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _TIME_PREPS or \
                tok.ent_type_ in ("DATE", "TIME") or tok.pos_ != "NOUN":
            continue
        spanned = lemma(prep.head) in _TIME_UNITS or any(
            c.dep_ == "npadvmod" and lemma(c) in _TIME_UNITS for c in prep.children)
        if spanned:
            return not any(t.i == tok.i for t in [trigger, *trigger.ancestors])
    return False


def _of_another_happening(root: Word, trigger: Word,
                          candidates: list[tuple[Toponym, Word]]) -> bool:
    """Whether the place belongs to another happening than the trigger's: what a protest
    is against (:func:`_in_grievance`), what dates the event at a span of time from it
    (:func:`_another_time`) or a clause of another phase (:func:`_sequenced_clause`)."""
    return _in_grievance(root, trigger, candidates) or _another_time(root, trigger) or \
        _sequenced_clause(root, trigger)


# subordinators of a clause that tells an earlier or a later happening than its main
# clause, a phase of its own ("Once the assault at Abu Raweel was repelled, the army
# launched …"); "after" is left out: news tells an act "after" the happening that set
# it off, at the same scene ("were killed after a bomber attacked a court in Mardan")
_SEQUENCE_MARKS = frozenset({"once", "before", "until", "till"})


def _sequenced_clause(root: Word, trigger: Word) -> bool:
    """Whether the place is named in a finite clause subordinated by a marker of
    sequence (:data:`_SEQUENCE_MARKS`) that does not hold the trigger: that clause
    tells another phase, whose place it is."""
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    for tok in root.ancestors:
        if tok.i in above:
            return False
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS
                                       for c in tok.children):
            return True
    return False


# prepositions after which a country or province is where something happens ("a mission
# over Lebanon", "the occupation of Latvia"), not a party to it ("a deal with Russia")
_AREA_PREPS = _SCENE_PREPS | {"of", "over", "into", "on", "against", "along", "from",
                              "off"}
# prepositions of a motion's path: its end points belong to that motion ("captured in
# December and shipped to Guantanamo", "warships from Britain")
_PATH_PREPS = frozenset(p for p, role in PREPOSITION_ROLES.items()
                        if role in (ORIGIN, DESTINATION))
# the tiers of :func:`_other_place`, best first
_TOWN, _AREA, _HOME = 0, 1, 2


def _other_place(trigger: Word, candidates: list[tuple[Toponym, Word]]
                 ) -> tuple[tuple, Location] | None:
    """Neither a parse link nor a setting: another place of the same sentence. A town or
    district first (a news sentence usually reports one scene); then a country, province
    or region named in a locative phrase ("a bombing mission over Lebanon"), not as a
    party ("Turkey shot down a jet", "a deal with Russia"); last, a town or province that
    is the home of a local body or thing ("Tulkarm's governor said …", "the Michoacan
    state attorney general", "the Manbij campaign"). Within a tier, the one nearest the
    trigger in the parse. A reporting verb has no place of its own; the end of another
    verb's path ("… and shipped to Guantanamo") and a place of another act (see
    :func:`_in_another_act`) are that motion's or act's; a place named only as
    the source of a statement ("said in Washington") and a country or nationality that
    is an actor's origin ("the U.S. soldier", "Syrian troops") are never the place."""
    if lemma(trigger) in _REPORTING:
        return None
    places = []
    for mention, root in candidates:
        tier = place_tier(mention, root)
        if tier is not None and not _path_end(root) and \
                not _in_fixed_phrase(root) and \
                not _of_another_happening(root, trigger, candidates) and \
                not _in_another_tense(root, trigger) and not _in_another_act(root, trigger):
            places.append((tier, _tree_distance(trigger, root), mention.start, mention))
    if not places:
        return None
    tier, distance, _, mention = min(places, key=lambda p: p[:3])
    how = ("the home of a body or thing the sentence names" if tier == _HOME else
           "another place of the same sentence")
    return (tier, distance), Location(
        mention, SITE, None, f"{how} (nothing in the parse links a place to the trigger)",
        linked=False)


def place_tier(mention: Toponym, root: Word, *, bodies: bool = False) -> int | None:
    """How well a resolved mention can stand for where a sentence's or a paragraph's
    events happen (see :func:`_other_place`): 0 a town or district, 1 a country or
    province in a locative phrase, 2 the home of a local thing ("the Manbij campaign")
    or, with ``bodies``, of a local person or body ("Tulkarm's governor"); None for no
    place, a nationality, a statement's source, an actor's country, a party, a body's
    base ("the London-based group", which reports on events elsewhere)."""
    place = mention.place
    if place is None or getattr(mention, "kind", "name") == "demonym" or \
            statement_source(root) or _armed_group(mention) or _origin_of_person(root):
        return None
    if _actor_like(mention, root):
        if place.feature_code.startswith(_NATIONS) or _in_fighters_name(root) or \
                _hyphen_modifier(root) or not (bodies or _home_of_thing(root)):
            return None  # a country's forces, a nation's institutions: an origin
        return _HOME
    if _party(root):
        return None
    if _broad(place):
        locative = _phrase_preposition(root) in _AREA_PREPS or (
            root.dep_ in ("compound", "poss", "nmod") and _site_noun(root.head))
        return _AREA if locative else None  # "over Lebanon", "the Aleppo districts"
    return _TOWN


# the verbs of a copula: "Syria is the deadliest place …" sets the sentence in Syria
_COPULAS = frozenset({"be", "remain", "become"})


def acting_state(trigger: Word, anchors: list[Word], sent: Span,
                 toponyms: list[Toponym], *, force: bool) -> Location | None:
    """Step 6 of the chain, for an event that neither its sentence nor the rest of the
    text places: the state the sentence shows acting in it or holding what it is about,
    at precision 3 (ACLED codes an event with no finer place at the most specific place
    the text supports, a country at least). A country or capital that is the subject of
    the trigger or of the verb carrying it ("a claim that Moscow rejects"), a country
    whose own body the sentence tells of ("The arrest occurred after … allegations of
    conspiracies within Congo's security forces"; not a happening of the country's,
    which may be abroad: "Israel's war against Hezbollah"), or a country the sentence
    says something is ("Syria is the deadliest place for health workers, with attacks
    …"). A state's act of force (``force``: "Turkey shot down a Russian jet", "Israel
    captured the eastern sector", "Germany's Luftwaffe shot down the aircraft") is done
    where its forces are, often abroad: only the sentence's description of a country
    places it. Never a nationality or a country used as a modifier ("the U.S. soldier",
    "U.S.-led forces": people carry it abroad), a statement's source, an owner of a site,
    an armed group's name, a person's origin, nor the end of a motion's path."""
    heads = {trigger.i, *(a.i for a in anchors)}
    found: list[tuple[int, int, Toponym, str]] = []
    for mention, root in sentence_candidates(sent, toponyms):
        place = mention.place
        if place is None or getattr(mention, "kind", "name") != "name" or \
                not (_broad(place) or place.feature_code == "PPLC") or \
                statement_source(root) or _armed_group(mention) or \
                _origin_of_person(root) or _path_end(root) or _hyphen_modifier(root):
            continue
        tok = root
        while tok.dep_ in ("conj", "appos", "compound", "flat") and tok.head.i != tok.i:
            tok = tok.head
        head = tok.head
        if tok.dep_ == "nsubj" and lemma(head) in _COPULAS and \
                any(c.dep_ == "attr" for c in head.children):
            found.append((1, _tree_distance(trigger, root), mention,
                          "the country the sentence describes"))
        elif force:
            continue
        elif tok.dep_ == "nsubj" and head.i in heads:
            found.append((0, _tree_distance(trigger, root), mention,
                          "the state that acts in it"))
        elif place.feature_code == "PPLC":
            continue  # a capital stands for its state only as an actor ("Moscow rejects")
        elif tok.dep_ == "poss" and head.pos_ in ("NOUN", "PROPN") and \
                not _happening(head) and lemma(head) not in _OWNED:
            found.append((1, _tree_distance(trigger, root), mention,
                          f"the country of {head.text!r}"))
    if not found:
        return None
    _, _, mention, how = min(found, key=lambda f: f[:2])
    return Location(mention, SITE, 3, f"no place of its own in the text; {how}, "
                    f"{mention.text!r} (lowest precision)", linked=False)


# nouns of a quantity of people, whose "of" phrase names them ("Hundreds of Lebanese")
_CROWD_NOUNS = frozenset({"hundred", "thousand", "dozen", "score", "million", "group",
                          "crowd", "number", "band"})


@cache
def _ordinary_people() -> frozenset[str]:
    """Nouns of ordinary people — the ontology's civilians and protesters, and the
    supporters, citizens and youths of a crowd — who act where they live, unlike a
    state's forces and bodies, which act abroad too."""
    from geoevents.events.ontology import load_ontology

    onto = load_ontology()
    return onto.words("civilian") | onto.words("protester") | {"supporter", "citizen",
                                                                "youth"}


def nationals_at_home(trigger: Word, anchors: list[Word], sent: Span,
                      toponyms: list[Toponym]) -> Location | None:
    """Step 7 of the chain, for an event nothing else places: the country of the people
    who do it when the sentence names them by their nationality and they are ordinary
    people, who act where they live ("Around 800 Nicaraguan agricultural workers …
    protested outside the U.S. Embassy", "Hundreds of Lebanese protested"), at precision
    3. Not a state's forces or bodies ("Russian jets", "French peacekeepers", "the
    Syrian government": they act abroad too), not the people an act is done to (foreign
    workers are kidnapped abroad), and not when the sentence's nationalities name more
    than one country ("an Iranian-American historian")."""
    heads = {trigger.i, *(a.i for a in anchors)}
    nationals = [(m, r) for m, r in sentence_candidates(sent, toponyms)
                 if getattr(m, "kind", "name") == "demonym" and m.place is not None]
    if len({m.place.country_code for m, _ in nationals if m.place is not None}) != 1:
        return None
    for mention, root in nationals:
        if not mention.place or not mention.place.feature_code.startswith("PCL"):
            continue
        noun = root.head if root.dep_ in ("amod", "compound", "nmod") else root
        if noun.i != root.i and lemma(noun) not in _ordinary_people() and \
                noun.lower_ not in _ordinary_people():
            continue
        phrase = noun
        while phrase.dep_ == "conj" and phrase.head.i != phrase.i:
            phrase = phrase.head
        if phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and (
                lemma(phrase.head.head) in _CROWD_NOUNS or phrase.head.head.like_num):
            phrase = phrase.head.head  # "Hundreds of Lebanese"
        # the subject, the agent, or the people a participle describes ("workers
        # protesting outside the embassy"; a past one only when it is a protest, which
        # they hold: "workers kidnapped by gunmen" are no doers)
        doer = (phrase.dep_ == "nsubj" and phrase.head.i in heads) or (
            phrase.dep_ == "pobj" and phrase.head.dep_ == "agent"
            and phrase.head.head.i in heads) or any(
            w.dep_ == "acl" and w.head.i == phrase.i and (
                w.tag_ == "VBG" or lemma(w) in _ordinary_people())
            for w in (trigger, *anchors))
        if doer:
            who = span_text(doc_span(sent.doc, phrase.left_edge.i, noun.i + 1))
            return Location(mention, SITE, 3, "no place of its own in the text; the "
                            f"country of its doers, {who!r} (lowest precision)",
                            linked=False)
    return None


# the head nouns of the names of fighting groups and units
_FIGHTERS_HEADS = frozenset({"brigade", "battalion", "regiment", "martyr"})


def _in_fighters_name(root: Word) -> bool:
    """A place name inside the proper name of a group of fighters ("a commander of the
    Al Aqsa Martyrs Brigades militia", "the Jenin Brigades"): the group is named after
    the place and fights anywhere, so the place is not its home as a local body's is
    ("Tulkarm's governor"), nor as a people's militias' ("Amhara nationalist militias",
    no name: the militias of Amhara)."""
    from geoevents.events.ontology import load_ontology

    words = load_ontology().words("non_state") | _FIGHTERS_HEADS
    tok = root
    while tok.dep_ in ("compound", "flat", "nmod", "poss") and tok.head.i != tok.i:
        tok = tok.head
        if (tok.pos_ == "PROPN" or tok.ent_type_ == "ORG") and (
                lemma(tok) in words or tok.lower_.removesuffix("s") in words):
            return True
    return False


def _home_of_thing(root: Word) -> bool:
    """A place name that says where a thing or a happening is ("the Manbij campaign",
    "the Tokyo subway", "the Istanbul sky"), as opposed to the home of a person or a body
    ("a New York City councilman", "the Baghdad regime", "the London-based group"), which
    may act anywhere."""
    head = root.head
    if root.dep_ not in ("compound", "poss", "nmod", "amod") or head.pos_ != "NOUN":
        return False
    nxt = root.nbor() if root.i + 1 < len(root.doc) else root
    if nxt.text in ("-", "–") or nxt.lower_.startswith("-"):
        return False  # "London-based"
    if root.ent_type_ in ("ORG", "PERSON") or head.ent_type_ in ("ORG", "PERSON"):
        return False
    return lemma(head) not in _group_words() and head.lower_ not in _group_words() and \
        not _person_noun(head) and \
        not any(t.ent_type_ in ("ORG", "PERSON") for t in head.subtree)


# endings of the nouns of people by what they do ("councilman", "journalist", "politician")
_PERSON_ENDINGS = ("man", "men", "woman", "women", "ist", "ists", "ian", "ians")


def _person_noun(noun: Word) -> bool:
    """A noun of a person or of people ("a New York City councilman", "the Baghdad
    journalists"), from the ontology's person words and the endings of agent nouns."""
    word = lemma(noun)
    return word in _people() or noun.lower_ in _people() or \
        noun.lower_.endswith(_PERSON_ENDINGS)


def _party(root: Word) -> bool:
    """A place name that is a party to what its clause tells, by metonymy: the subject of
    an active verb ("Ankara says", "Turkey shot down a jet", "Moscow rejects"), or the
    object of a verb that does not act on a territory ("backed Belgrade")."""
    tok = root
    while tok.dep_ in ("conj", "appos", "compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "nsubj":
        return lemma(tok.head) not in ("be", "see", "witness", "bear", "remain", "become")
    return tok.dep_ == "dobj" and lemma(tok.head) not in _TERRITORIAL


def _path_end(root: Word) -> bool:
    """A place at the end of a motion's path ("shipped to Guantanamo", "fled to Cambodia",
    "warships from Britain"), which belongs to that motion — but not a place that a
    participle on a noun locates it by ("the checkpoint leading to the airport", "the road
    linking Gao to Kidal")."""
    if _phrase_preposition(root) not in _PATH_PREPS:
        return False
    verb = _phrase_head(root)  # the word the preposition hangs off
    return not (verb.dep_ == "acl" and verb.tag_ == "VBG")


def _phrase_preposition(root: Word) -> str:
    """The preposition that governs the phrase of a place name ("over Lebanon" → over;
    "the occupation of Latvia" → of), '' when the name is not in a prepositional phrase."""
    tok = _phrase_top(root)
    return tok.head.lower_ if tok.dep_ == "pobj" else ""


def _phrase_top(root: Word) -> Word:
    """The top of a place name's noun phrase, past the compounds, appositions,
    conjuncts and modifiers it sits in ("Lebanon" in "over southern Lebanon and Syria"):
    the word a preposition takes as its object."""
    tok = root
    while tok.dep_ in ("compound", "appos", "conj", "flat", "nmod", "amod") and \
            tok.head.i != tok.i:
        tok = tok.head
    return tok


def _broad(place: Place | None) -> bool:
    """A country, province, region or sea: a coarse clue to where an event happened."""
    return place is not None and place.feature_code.startswith(_BROAD_CODES)


def _root_of(mention: Toponym, sent: Span) -> Word:
    root = mention_root(sent.doc, mention)
    return span_root(sent) if root is None else root


# verbs of speaking whose place is where words were said, not where an event happened
_SPEECH = _REPORTING | {"speak", "talk", "brief", "testify", "address"}
# what is put out, in words, by an office or a group ("a statement released in X")
_STATEMENT_NOUNS = frozenset({"statement", "communiqué", "communique", "release", "declaration",
                              "bulletin", "notice", "message", "video", "letter"})
# relations a place climbs to reach the verb it belongs to ("sources in Yemen claim",
# "told reporters in Putrajaya", "said in a statement issued in Kabul")
_SOURCE_PATH = frozenset({"pobj", "prep", "compound", "appos", "conj", "flat", "cc",
                          "nmod", "amod", "acl"})


def statement_source(token: Word) -> bool:
    """A place named only as where a statement was made or came from: "officials said
    in Washington", "told reporters in Putrajaya", "speaking to ARA News from Mosul",
    "sources in Yemen claim", "according to officials in Kabul". It is the place of the
    statement, never of the event the statement reports. So is a place where a
    statement noun was put out ("In a statement released in Mogadishu, the ministry said
    the army had repulsed an attack", "said in a statement issued in Kabul"), before or
    after the verb of saying: the participle tells where the words came out."""
    tok = token
    for _ in range(8):
        if tok.lower_ == "according":
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.i != token.i:
            if tok.dep_ == "acl" and lemma(tok.head) in _STATEMENT_NOUNS:
                return True
            break
        if tok.dep_ == "prep" and tok.i < tok.head.i:
            return False  # "In Jericho, officials said …": the scene, set before the verb
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "dobj" and lemma(tok.head) == "tell":
            return True  # "told reporters in Putrajaya"
        if tok.dep_ == "nsubj" and lemma(tok) in _SEATED and any(
                c.dep_ == "prep" and c.lower_ in ("in", "from") and c.i > tok.i
                for c in tok.children):
            return _speaks(tok.head)  # "The health ministry in Ramallah said …": its seat
        if tok.dep_ not in _SOURCE_PATH:
            return False
        tok = tok.head
    else:
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) and \
            lemma(tok) in ("question", "ask", "interrogate"):
        return False  # "while being questioned at the police station": an interrogation
    return lemma(tok) in _SPEECH


# offices that speak from their seat ("the health ministry in Ramallah said …")
_SEATED = frozenset({"ministry", "government", "presidency", "embassy", "office", "agency",
                     "secretariat", "headquarters", "mission"})


def _speaks(verb: Word) -> bool:
    """Whether a verb is one of speech, or one that declines or refuses it ("declined to
    comment on the attack")."""
    return lemma(verb) in _SPEECH or any(
        c.dep_ == "xcomp" and lemma(c) in _SPEECH | {"comment"} for c in verb.children)


# prepositions of the far end of a road ("the highway linking Cochabamba to La Paz")
_FAR_ENDS = frozenset({"to", "towards", "toward"})


# nouns of travel along a route, whose "between X and Y" names the route's ends
_TRAVEL_NOUNS = ROUTE_NOUNS | frozenset({"traffic", "travel", "flight", "transport"})


def _road_far_end(root: Word) -> bool:
    """Whether a place is the far end of a road: "the highway linking Cochabamba to La
    Paz", "the road to Kano" (not where a motion heads: "fled towards Téra")."""
    if _phrase_preposition(root) not in _FAR_ENDS:
        return False
    word = _phrase_head(root)
    return (word.dep_ == "acl" and word.tag_ == "VBG") or lemma(word) in ROUTE_NOUNS


def _road_end(root: Word) -> bool:
    """Whether a place is an end of a road or of the travel along it: its far end (see
    :func:`_road_far_end`) or either end of "traffic between Port-au-Prince and the north
    of the country", "the road between Gimbi and Nejo" — a place the road reaches, maybe
    far from where anything happened on it."""
    return _road_far_end(root) or (_phrase_preposition(root) == "between" and
                                   lemma(_phrase_head(root)) in _TRAVEL_NOUNS)


def _phrase_head(root: Word) -> Word:
    """The word the preposition of a place name's phrase hangs off ("road" in "the road
    to Kano")."""
    return _phrase_top(root).head.head


def _approximate(loc: Location, trigger: Word,
                 candidates: list[tuple[Toponym, Word]], names: CountryNames) -> None:
    """The event's place is a name the gazetteer lacks ("the town of Ashigashiya"):
    keep the name and place the event at the resolved place the sentence names nearest
    to it, at precision 2 at best (ACLED codes an unknown village at the nearest known
    place), or, with no such place, in the country a nationality on its own settlement
    noun names (:func:`_nation_of_settlement`, precision 3) — never at a :func:`stray`
    abroad ("went off near Milimani" in a Kenyan report whose "road between Hindi and
    Kiunga" gave Hindi the reading Mariupol, Ukraine: the unknown village is not in
    Ukraine), nor at the far end of a road
    (:func:`_road_far_end`: "a blockade at Parotani, on the highway linking Cochabamba
    to Oruro and La Paz" is not in La Paz): the fallback chain places it then."""
    assert loc.toponym is not None
    span = trigger.doc.char_span(loc.toponym.start, loc.toponym.end, alignment_mode="expand")
    if span is None or not len(span):
        return
    top = span_root(span)
    # (not the name's own reading: a namesake abroad, set aside by the caller)
    roots = {id(m): r for m, r in candidates}
    places = [p for p in _resolved_places(top, candidates)
              if (p[1].start, p[1].end) != (loc.toponym.start, loc.toponym.end)
              and not stray(p[1], names)
              and not _road_far_end(roots[id(p[1])])]
    nation = None if places else _nation_of_settlement(top, candidates)
    if nation is not None:  # only the country is known: precision 3
        mention, noun = nation
        assert mention.place is not None
        loc.toponym = placed_in(loc.toponym, mention, f"the country of its {noun!r}")
        loc.precision = 3
        loc.reason += (f"; unresolved, so placed in {mention.place.display_name}, "
                       f"the country {mention.text!r} makes its {noun!r}")
        return
    source = not places
    if source:
        # no other place: where the source of the report is ("a military source in the
        # Dara'a Governorate said the rebels stormed the Al-Manashiyah District"), at
        # precision 3
        places = [p for p in _resolved_places(top, candidates, sources=True)
                  if not stray(p[1], names)]
    if not places:
        return
    # equally near in the parse, a place finer than a country, then the place written
    # nearer the name, describes it ("the massacre in Kwatas, in Nigeria's Benue state" in
    # a sentence that opens "In Berlin")
    container = min(places, key=lambda p: (
        p[0], p[1].place is None or p[1].place.feature_code.startswith("PCL"),
        abs(p[1].start - span.start_char)))[1]
    assert container.place is not None
    loc.described = not source and \
        roots[id(container)].i in _phrase_top(top).subtree_indices()
    loc.toponym = placed_in(loc.toponym, container, "named around it")
    loc.precision = 3 if source else max(2, precision_of(container.place, SITE,
                                                         container.text))
    loc.reason += (f"; unresolved, so placed at {container.text!r} "
                   f"({container.place.display_name}), " +
                   ("where the report's source is" if source else
                    "the nearest place the sentence names"))


def _nation_of_settlement(name: Word, candidates: list[tuple[Toponym, Word]]
                          ) -> tuple[Toponym, str] | None:
    """The nationality on the settlement noun that names a place ("the Cameroonian town
    of Ashigashiya", "the Syrian village Rasm al-Abed"), resolved to its country, and
    that noun: the country the place is in, whatever the nationality of the people acting
    there."""
    if name.dep_ == "pobj" and name.head.lower_ == "of":
        noun = name.head.head
    elif name.dep_ in ("compound", "nmod", "appos"):
        noun = name.head
    else:
        return None
    if lemma(noun) not in _SETTLEMENT_NOUNS and noun.lower_ not in _SETTLEMENT_NOUNS:
        return None
    return next(((m, noun.text) for m, r in candidates
                 if getattr(m, "kind", "name") == "demonym" and m.place is not None and
                 m.place.feature_code.startswith(_NATIONS) and r.head.i == noun.i and
                 r.dep_ in ("amod", "compound", "nmod")), None)


def country_names(toponyms: list[Toponym]) -> CountryNames:
    """The names the document gives places in each country (casefolded), to tell a
    :func:`stray` reading. A nationality is no place named ("the German foreign ministry
    condemned the massacre in Kwatas, in Benue state": Berlin and a demonym do not make
    Benue a lone reading abroad)."""
    out: dict[str, set[str]] = {}
    for t in toponyms:
        if t.place is not None and t.place.country_code and \
                getattr(t, "kind", "name") != "demonym":
            out.setdefault(t.place.country_code, set()).add(t.text.casefold())
    return {cc: frozenset(v) for cc, v in out.items()}


def stray(mention: Toponym, names: CountryNames) -> bool:
    """Whether a resolved mention lies in a country that no other name of the document
    (``names``, see :func:`country_names`) is in, while the document names places of
    another country by at least two names: a lone reading abroad ("Hindi" read as
    Mariupol in a Kenyan report), no place to put an event whose own place the gazetteer
    lacks, nor to stand for where a paragraph's events happened."""
    place = mention.place
    if place is None or not place.country_code:
        return False
    cc, own = place.country_code, mention.text.casefold()
    return not names.get(cc, frozenset()) - {own} and any(
        len(v - {own}) >= 2 for k, v in names.items() if k != cc)


def placed_in(unknown: Toponym, where: Toponym, how: str) -> Toponym:
    """A name the gazetteer lacks ("the village of Shurifah") or gives a place that cannot
    be the one meant, kept with its own text and span and placed at the resolved place
    ``where`` around it; ``how`` says how that place was found."""
    from geoevents.model import Toponym

    assert where.place is not None
    why = f"has no place ({placeless(unknown)})" if unknown.place is None else \
        f"is not the gazetteer's {unknown.place.display_name}, which lies elsewhere"
    return Toponym(start=unknown.start, end=unknown.end, text=unknown.text,
                   place=where.place, candidates=[where.place], confidence=where.confidence,
                   reason=f"{unknown.text!r} {why}; placed at "
                          f"{where.place.display_name}, {how}")


def _tree_distance(a: Word, b: Word) -> int:
    up = {t.i: k for k, t in enumerate([a, *a.ancestors])}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in up:
            return up[t.i] + k
    return 99


def _scene(trigger: Word, candidates: list[tuple[Toponym, Word]],
           known: dict[int, Place | None], besides: Toponym | None = None
           ) -> tuple[tuple, Location] | None:
    """No place attaches to the trigger's clause: the sentence's setting — a place in a
    static locative phrase anywhere in the sentence ("In Mosul, gunmen kidnapped two
    traders"; "killed in an attack that targeted a checkpoint in Adhaim"), the most
    specific one, then the one nearest the trigger in the tree. A reporting or cognition
    verb ("said", "believed") has no setting of its own. ``besides`` is a place the
    setting cannot be (a route's end)."""
    if lemma(trigger) in _REPORTING:
        return None
    best: tuple[tuple, Location] | None = None
    for mention, root in candidates:
        if mention is besides or _actor_like(mention, root) or statement_source(root) or \
                _of_another_happening(root, trigger, candidates) or \
                _in_another_tense(root, trigger) or _in_another_act(root, trigger):
            continue
        tok = _phrase_top(root)
        if tok.dep_ != "pobj":
            continue
        prep = tok.head
        if prep.lower_ == "of":
            if not (_naming_of(prep, known) and _placey(prep.head)):
                continue  # "the town of Jenin", not "the request of Carroll"
        elif prep.lower_ not in _SCENE_PREPS:
            continue
        path = [root, *root.ancestors][::-1][1:]  # from below the sentence's root
        reference, depth = _specificity(path, known)
        rank = (_broadness(root, known), reference, depth, _tree_distance(trigger, root),
                abs(root.i - trigger.i))
        # "a village north of Kano": the place the phrase describes, near Kano
        described = _described_by(mention, candidates)
        # "fleeing towards Niafunké, about 100 kilometres east of Léré": the landmark
        # gives way to the place it locates, as on a parse link (see _linked)
        located = _located_place(path, candidates) if reference and described is None \
            else None
        if located is not None and located.place is not None and \
                _described_by(located, candidates) is None:
            rank = (rank[0], False, *rank[2:])
            loc = Location(located, SITE, None,
                           f"the sentence's setting ('{prep.text} …'), the place that "
                           f"'{mention.text}' locates", linked=False)
        else:
            loc = Location(described or mention, NEAR if described else SITE, None,
                           f"the sentence's setting ('{prep.text} …'), not linked to the "
                           f"trigger by the parse", linked=False)
        if best is None or rank < best[0]:
            best = (rank, loc)
    return best


def _described_by(mention: Toponym, candidates: list[tuple[Toponym, Word]]
                  ) -> Toponym | None:
    """The resolved relative or between mention ("20 km south of Gao") that contains
    ``mention`` ("Gao"), if any."""
    return next((m for m, _ in candidates if m is not mention and m.place is not None
                 and getattr(m, "kind", "name") in ("relative", "between")
                 and m.start <= mention.start and mention.end <= m.end), None)


def _context_text(mention: Toponym, sent: Span) -> str:
    """The mention with the two words after it ("the Jenin area")."""
    doc = sent.doc
    bounds = char_tokens(doc, mention.start, mention.end)
    if bounds is None:
        return mention.text
    return token_text(doc, bounds[0], min(bounds[1] + 2, sent.end))


def context_places(doc: Doc, toponyms: list[Toponym], filed: range = range(0)
                   ) -> list[tuple[int, Toponym]]:
    """The document's places that can stand for where its events happen, each with its
    :func:`place_tier` (a local body's home included: "Tulkarm's governor said …" places
    the events the governor reports in Tulkarm when nothing else does), in text order; a
    dateline's place (``filed``, the characters it spans) is
    where the report was filed, never where its events happened, the end of a motion's
    path ("escorting trucks from Gao") belongs to that motion, so does an end of a road
    to the road (:func:`_road_end`: "Traffic between Port-au-Prince and the north of the
    country remained suspended" in the paragraph of a battle at a bridge on the road),
    and a place told by its
    distance from the scene ("relatives in Bolgatanga, about 70 kilometres away", see
    :func:`told_away`) is not the scene."""
    out = []
    text = doc_text(doc)
    for mention in toponyms:
        if mention.start in filed or told_away(text, mention):
            continue
        top = mention_root(doc, mention)
        if top is None:
            continue
        tier = place_tier(mention, top, bodies=True)
        if tier is not None and not _path_end(top) and not _in_a_path_end(top) and \
                not _road_end(top):
            out.append((tier, mention))
    return out


def _in_a_path_end(root: Word) -> bool:
    """A place that locates the end of a motion's path ("fled to a school in Pétion-Ville",
    "moved the wounded to a hospital in Goma"): a refuge or a destination, which belongs to
    that motion as the path's end itself does (see :func:`_path_end`), not to the
    paragraph's events."""
    if PREPOSITION_ROLES.get(_phrase_preposition(root)) not in (SITE, NEAR):
        return False
    tok = _phrase_top(root)
    noun = tok.head.head  # "school" in "to a school in Pétion-Ville"
    return noun.i != tok.head.i and noun.pos_ in ("NOUN", "PROPN") and _path_end(noun)


# a place told by how far it lies from where the report stands: ", about 70 kilometres
# away", ", some 40 miles from here"
# the words that may hedge a distance ("about", "some", "more than")
_ROUGHLY = (r"(?:(?:about|some|around|roughly|nearly|almost|just|more than|less than|over|"
            r"under)\s+)?")
_AWAY = re.compile(r"\s*,\s*" + _ROUGHLY + r"[\d.,]+\s*-?\s*(?:km|kilomet(?:re|er)s?|"
                   r"miles?)\s+(?:away|from (?:here|there))\b", re.IGNORECASE)


def told_away(text: str, mention: Toponym) -> bool:
    """Whether ``mention`` is followed by its distance from the scene ("sent their
    children to relatives in Bolgatanga, about 70 kilometres away"): a writer measures
    the distance to a place elsewhere, so that place is not where the paragraph's events
    happen."""
    return _AWAY.match(text, mention.end, mention.end + 60) is not None


# a place told by how far and which way it lies from the place told before it: ", some 120
# kilometres to the south-east"
_ONWARD = re.compile(r"\s*,\s*" + _ROUGHLY + r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*-?\s*"
                     r"([a-z]+)\s+to\s+the\s+([a-z]+(?:-[a-z]+)?)\b", re.IGNORECASE)


def told_onward(text: str, mention: Toponym) -> tuple[float, str] | None:
    """(km, compass word) when ``mention`` is followed by how far and which way it lies
    from the place the text told before it ("a village near Macina, some 120 kilometres
    to the south-east" after an attack at Sokolo), else None."""
    hit = _ONWARD.match(text, mention.end, mention.end + 80)
    if hit is None:
        return None
    unit, way = hit.group(2).lower(), hit.group(3).lower()
    if unit not in DISTANCE_UNITS or way not in COMPASS_BEARINGS:
        return None
    return float(hit.group(1).replace(",", "")) * DISTANCE_UNITS[unit], way


def measured_from(unknown: Toponym, before: Toponym, km: float, way: str) -> Toponym:
    """A name the gazetteer lacks placed at the point ``km`` towards ``way`` from the
    place told before it (see :func:`told_onward`), on the ellipsoid."""
    assert before.place is not None
    lat, lon = geodesy.destination(before.place.lat, before.place.lon,
                                   COMPASS_BEARINGS[way], km)
    point = derived_place(f"{km:g} km {way} of {before.place.name}", lat, lon,
                          before.place, f"{km:g} km {way} of {before.place.id}")
    return placed_in(unknown, replace(before, place=point),
                     f"{km:g} km {way} of {before.text!r}, the place told before it")


def main_place(places: list[tuple[int, Toponym]]) -> Toponym | None:
    """The place a stretch of text is about: of the best tier, the most mentioned, then
    the first named — or, when that place is a country or division that another place of
    its tier lies in by the gazetteer's admin links ("a tea shop in Pattani's Nong Chik
    district": the province only says where the district is), that finer place."""
    if not places:
        return None
    counts = Counter(m.place.id for _, m in places if m.place is not None)

    def rank(p: tuple[int, Toponym]) -> tuple[int, int, int]:
        return p[0], -counts[p[1].place.id] if p[1].place else 0, p[1].start

    tier, best = min(places, key=rank)
    inner = [p for p in places if p[0] == tier and best.place is not None and
             p[1].place is not None and contains(best.place, p[1].place)]
    return min(inner, key=rank)[1] if inner else best


def local_place_within(placed: Toponym, division: Place, toponyms: list[Toponym]
                       ) -> Toponym | None:
    """The toponym of the text's local place that :func:`geoevents.resolve.place_by_context`
    placed a name the gazetteer lacks near (``placed``: its placed copy of the name) — the
    nearest named before it, else the first after it —, when that place lies inside
    ``division``, the province the chain placed the name in ("a rural area of Magüí Payán,
    in Colombia's Nariño department" after "fighting near Payán": the name is near Payán,
    not at Nariño's centre). None when the name was not placed so, or the local place is
    outside the province (another area's)."""
    if placed.place is None or not placed.place.id.startswith(CONTEXT_ID_PREFIX):
        return None
    anchor_id = placed.place.id.removeprefix(CONTEXT_ID_PREFIX)
    anchors = [t for t in toponyms if t.place is not None and t.place.id == anchor_id]
    before = [t for t in anchors if t.start < placed.start]
    anchor = before[-1] if before else (anchors[0] if anchors else None)
    if anchor is None or anchor.place is None or not contains(division, anchor.place):
        return None
    return anchor


def places_of_other_happenings(trigger: Word, sent: Span, toponyms: list[Toponym]
                               ) -> set[int]:
    """The starts of the places ``trigger``'s sentence tells as another happening's (what
    a protest is against, what dates the event, a clause of another phase: see
    :func:`_of_another_happening`): "protested against the sanctions … for the 1988
    bombing of a jet over Lockerbie" happened nowhere near Lockerbie, so the fallback
    chain does not give the event that place back as its paragraph's or document's."""
    candidates = sentence_candidates(sent, toponyms)
    return {m.start for m, root in candidates
            if _of_another_happening(root, trigger, candidates)}
