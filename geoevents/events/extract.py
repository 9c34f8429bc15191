"""Events of one parsed document: triggers → type → arguments → date → location → Event.

:func:`extract` works on a spaCy ``Doc`` (the same parse the toponym stage used) and the
document's resolved toponyms.

**One happening, one event.** Within a sentence, consequences ("…, killing three
soldiers") and repeated mentions of one event ("Israeli jets struck … in an air strike")
merge into one event. Across the document, mentions of the same kind of happening
(:func:`geoevents.events.dedup.merge_key`) with compatible places (the same, one inside
the other, or one unlocated nearby), dates (overlapping, or one unknown) and actors
(normalised: "Russian forces" = "Russia's army") merge into the first telling, which lists
every telling in ``mentions``. A *reference* to an event — a definite noun with nothing of
its own ("The interception underscored …") or the object of a reaction ("condemned the
massacre", "investigate the attack", "claimed responsibility for the bombing", "the death
toll from the shelling") — joins the event it refers to and is never a second one.
Tellings of one attack as different kinds of political violence ("Troops raided the
town … Two gunmen were killed in an exchange of fire") and reports dated by their saying
("the ministry said on Saturday that the attackers had been repelled") join it too
(:func:`_one_attack`).
Fatalities are the lowest figure any telling reports, never a sum. An aim ("protested
to demand a trial") folds into its event; an onset ("The fire broke out on Sunday") joins
the happening it names and dates it; a reference with a place of its own ("the shelling
of Kharkiv") joins no event elsewhere.

**No phantom events.** Mentions dated well before the report (:func:`is_background`:
"the 2018 fire", "in 2014", "the coup in February 2021") are background history and are
dropped, as are mentions dated after it (planned: "talks next week"). The report's date is
its dateline's day ("KABUL, June 3 — …") when it has one, else the publication date; the
dateline's own date and place are not an event's.
Nor are the topic of what is said ("stories about trafficking"), undated happenings of a
kind ("similar protests"), a tally of violence over time ("has carried out hundreds of air
strikes since the coup") or the earlier happening a comparison counts from ("the deadliest
attack since July, when gunmen killed 40") new events (:func:`_not_a_happening`,
:func:`geoevents.events.arguments.comparison_point`).

Work is linear in the document's length: toponyms are indexed by sentence, so each event
looks only at its own sentence's places.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from geoevents import geodesy
from geoevents.events.arguments import (
    Arguments,
    casualties,
    comparison_point,
    extract_arguments,
    forget_words,
    number_value,
    own_side_hurt,
)
from geoevents.events.classify import (
    CONSEQUENCES,
    Typing,
    classify,
    forget_backgrounds,
    people_class,
    protest_background,
)
from geoevents.events.dates import (
    CLOCK_TIME,
    DAY,
    DEICTIC_DAY,
    MONTH,
    NUMERIC_DATE,
    UNRESOLVED,
    WEEK,
    YEAR,
    YEAR_IN_TEXT,
    DateInfo,
    covered_until,
    days_after_before,
    event_date,
    find_dateline,
    in_the_year,
    issue_lines,
    later_datelines,
    line_headings,
    parse_published,
    resolve_date,
    same_time_as_before,
    sentence_dates,
    weekdays_named,
)
from geoevents.events.dedup import (
    actor_key,
    compatible_actors,
    contains,
    finer_actor,
    merge_key,
    nested,
    same_place,
)
from geoevents.events.location import (
    NEAR,
    NOWHERE,
    SITE,
    Location,
    acting_state,
    context_places,
    country_names,
    forget_unrecognised,
    local_place_within,
    locate,
    main_place,
    measured_from,
    mention_root,
    nationals_at_home,
    path_to_place,
    placed_in,
    places_of_other_happenings,
    precision_of,
    put_out_at,
    sentence_candidates,
    statement_source,
    stray,
    told_onward,
    unglue_places,
)
from geoevents.events.ontology import (
    GENERIC,
    VIOLENT_EVENT_TYPES,
    WEAPON_EVENT_TYPE,
    Ontology,
    load_ontology,
)
from geoevents.events.tokens import doc_words, release, span_root, word
from geoevents.events.triggers import (
    NON_EVENTS,
    TIME_ENTITIES,
    UNCERTAIN,
    Trigger,
    document_words,
    find_triggers,
    lemma,
    lemma_forms,
    lemma_tables,
)
from geoevents.model import Event, Place
from geoevents.nlp import doc_text, span_text, token_lowers, token_starts
from geoevents.resolve import place_by_context
from geoevents.textprep import LIST_ITEM
from geoevents.wordlists import (
    BODY_ACRONYMS,
    CARE_PLACES,
    CARE_VERBS,
    COLLISION_VERBS,
    DELIBERATE_ADVERBS,
    KNOWN_DOERS,
    NEWSGATHERING_VERBS,
    ROAD_VEHICLES,
    ROUTE_NOUNS,
    SITE_NOUNS,
    SPORT_REAL_HARM,
    SPORT_WORDS,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from geoevents.events.tokens import Word
    from geoevents.model import Toponym

# political violence: one attack may be told as a car bomb, an assault and a clash (see
# _one_attack); weapons fired from afar are another unit's act, not the assault's
_POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence",
                                 "Violence against civilians"})
_FROM_AFAR = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
# developments done by armed forces, which a state carries out where its forces are
_ARMED_DEVELOPMENTS = frozenset({"Disrupted weapons use", "Change to group/activity",
                                 "Looting/property destruction"})
# words that tell a separate act, the next one, or one timed by another (_another_act)
_SEPARATE = frozenset({"separately", "separate", "another", "elsewhere", "meanwhile"})
_NEXT = frozenset({"then", "later", "afterwards", "subsequently", "next"})
_UNTIL = frozenset({"before", "until", "till"})
_DURING = frozenset({"during", "amid", "amidst"})
# what is said, not done: told after a strike, a statement or an offer is not of its day
# ("The Russian ministry commented on the situation …", see _date_by_the_narrative)
_STATEMENT = "Statement"
_SPEECH_ACTS = frozenset({_STATEMENT, "Call", "Mediation offer"})
# where a speech act was made: its speaker, or a preposition of place on its verb
_SPEAKERS = frozenset({"nsubj", "nsubjpass", "agent"})
_SPEAKER_PREPS = frozenset({"in", "at", "from", "inside", "outside"})
# what words are put out in: a place in its phrase is the speaker's
_SPOKEN = frozenset({"statement", "communique", "communiqué", "message", "video", "letter",
                     "speech", "interview", "briefing"})
# nouns whose "that" clause is what someone said ("an accusation that its troops had
# fired", "a statement that its fighters had carried out the attack")
_SAID = _SPOKEN | {"accusation", "allegation", "claim", "report", "assertion"}
# the work of rescuers and aid, which forces sent to a disaster do (see _relief_work)
_RELIEF = frozenset({"rescue", "rescuer", "relief", "aid", "humanitarian", "firefighting",
                     "reconstruction"})
# the speakers whose words are diplomacy (see _no_state_voice): states, their offices
# and international bodies, not "officials", "a spokesman" or "security sources"
_STATE_VOICES = frozenset({
    "minister", "ministry", "president", "government", "embassy", "embassies",
    "ambassador", "union", "nations", "council", "delegation", "envoy",
    "diplomat", "diplomats", "kremlin", "white", "department", "foreign", "secretary",
    "secretary-general", "chancellor", "king", "premier", "prime", "league",
    "commission", "organisation", "organization", "governor", "mayor", "junta", "pope",
    "vatican"})
# international bodies by their acronyms are wordlists.json's ``body_acronyms``
# the meeting words that may name a body meeting on its own (see _one_sided)
_OWN_MEETINGS = frozenset({"meeting", "meet", "conference", "consultation", "confer"})
# gatherings of mourning and worship, which an attack on them makes its scene, not a
# protest (see _gathering_attacked)
_WORSHIP = frozenset({"vigil", "prayer", "funeral", "mass", "service", "ceremony",
                      "procession", "wedding"})
# violence done to people (a crowd met by it is the scene, see _gathering_attacked)
_ATTACKS = frozenset({"Explosions/Remote violence", "Violence against civilians"})
_LINKS = frozenset({"advcl", "conj", "xcomp", "nsubj", "nsubjpass", "dobj", "pobj", "relcl",
                    "acl", "prep", "ccomp", "agent"})
_CARRIED = frozenset({"dobj", "nsubjpass", "xcomp", "relcl"})  # see _carries
_CLAUSES = frozenset({"advcl", "conj"})  # a clause joined to another (_clauses_elsewhere)
_NAME_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})  # "Lubero and Beni territories"
_NEAR_SENTENCES = 2  # an unplaced, undated mention this close to an event may be it
_MERGE_WINDOW = 40  # sentences: tellings farther apart are not compared (linear time)
# sub-types that, told next to a violent event, are part of it (ACLED codes the violence)
_ACCOMPANYING = frozenset({"Looting/property destruction"})
_CROWDS = frozenset({"Protests", "Riots"})
# arrests told near a protest or riot are the authorities' intervention in it ("police
# blocked the march and arrested its leaders"): one event, as ACLED codes it; elsewhere
# they stand alone
_ARRESTS = "Arrests"
_INTERCEPTION = "Disrupted weapons use"
# weapons found after a fight or an attack ("Five rebels were killed, and troops recovered
# three rifles") are its aftermath, as ACLED codes it: one event; found elsewhere, or with
# no violence near, a seizure stays an event of its own
_SEIZING = frozenset({"recover", "find", "discover", "uncover", "seize", "confiscate"})
_REMOTE = "Explosions/Remote violence"
_CLAIM = "Claim of responsibility"
# kinds of event that are words or non-violent acts: told beside a dated happening with
# no place of their own, they are asides of the report (see _detail)
_STRATEGIC = "Strategic developments"
_ASIDES = frozenset({"Diplomacy", _STRATEGIC})
_DESCRIBING = frozenset({"Agreement", _CLAIM})  # see _describes_participant
_PERFECT = frozenset({"has", "have", "had"})
_BLAME = frozenset({"blame", "accuse", "attribute", "accusation", "allegation"})
_DISASTERS = frozenset({"Natural disaster", "Man-made disaster"})
# the sub-types of "Other incidents" that have victims of their own
_WITH_VICTIMS = _DISASTERS | {"Organised crime"}
# a reference to an event: the event noun is the object of a reaction to it
_REACTIONS = frozenset({
    "condemn", "denounce", "deplore", "decry", "criticise", "criticize", "investigate",
    "probe", "review", "mourn", "blame", "claim", "describe", "deny", "confirm", "call",
    "toll", "responsibility", "investigation", "inquiry", "condemnation", "aftermath",
    "survivor", "victim", "response", "retaliation", "after", "following", "connection",
    "suspect", "arrest", "accuse", "against", "over", "protest", "demonstration",
    "rally"})
# verbs of a report's revision: what it was revised with is its source, not news
_EDITS = frozenset({"update", "amend", "revise", "correct"})
# reactions that judge or look into a happening: a statement made of one reacts to what
# the report tells (see _comment)
_JUDGING = frozenset({"condemn", "denounce", "deplore", "decry", "criticise", "criticize",
                      "investigate", "probe", "mourn"})
# the nouns of such a reaction ("an inquiry into the killings")
_JUDGEMENTS = frozenset({"condemnation", "investigation", "inquiry", "probe"})
# a reaction that looks back: an event it is about and the report tells nothing else of
# is history ("marked two years since the collapse of two dams", "convicted a man of
# murder in the 2020 shooting": a trial judges what happened before, and so does a
# charge, "the five, who are charged with murder")
_COMMEMORATIONS = frozenset({"anniversary", "commemorate", "memory", "remember", "recall",
                             "mark", "since", "commemoration", "memorial", "convict", "charge",
                             "acquit", "indict", "sentence", "trial", "verdict", "guilty",
                             "testify", "testimony", "prosecute", "prosecution"})
# the words of a court case: a reaction in a sentence that tells one ("the trial of
# soldiers accused over the attack") looks back at what the court judges
_JUDICIAL = frozenset({"trial", "convict", "acquit", "indict", "verdict", "guilty", "testify",
                       "testimony", "prosecute", "prosecution", "court", "defendant"})
# a witness's account to a court (see _told_in_court): the verbs of telling, who hears it
# (the addressee, or a place: "said in court", "told a hearing"), and the court's words
_ACCOUNTS = frozenset({"tell", "say", "describe", "recount", "recall", "explain"})
_ADDRESSED = frozenset({"dobj", "dative", "prep"})
_COURT = frozenset({"court", "courtroom", "tribunal", "jury", "judge", "magistrate",
                    "hearing", "inquest", "trial"})
# prepositions that make an event noun the topic of what is said ("stories about drug
# trafficking": no happening at all)
_TOPICS = frozenset({"about", "regarding", "concerning"})
# words that make an event noun stand for other happenings of its kind ("similar
# protests", "such attacks", "previous raids", "has seen repeated unrest")
_OTHERS = frozenset({"similar", "such", "previous", "earlier", "past", "former", "repeated",
                     "recurrent", "recurring", "frequent", "periodic"})
# a kind of happening, not one: "every strike on our villages weakens the state", "any
# attack on the convoy will be answered", "no attack was reported"
_ANY = frozenset({"every", "any", "no"})
# "one of the deadliest attacks", "among the worst floods": a happening ranked in its
# class, which the sentence's subject names
_MEMBERS = frozenset({"one", "some", "many", "few", "several"})
# the stretches of time a habit recurs in ("every year", "each night"; see _recurring)
_PERIODS = frozenset({"day", "night", "morning", "evening", "week", "weekend", "month",
                      "year", "season", "summer", "winter", "spring", "autumn", "time"})
# date words of what recurs (see _recurring)
_RECURRING = re.compile(r"\b(?:each|every)\b")
# a run of happenings told as one ("a series of raids", "a spate of killings"), and the
# words that place a happening in it ("the latest in a series of raids")
_SERIES = frozenset({"series", "spate", "string", "succession", "cycle", "wave"})
# a sports report (a match and its score) tells its play in the words of war: "River
# launched their assault", "a 4-0 massacre", "fired a shot against the post"; its words
# (``sport_words``) and the people of real harm at a match (``sport_real_harm``) are in
# wordlists.json
_SCORE = re.compile(r"(?<![\d.,:/-])\d{1,2}-\d{1,2}(?![\d.,:/-])")
# the doers of a happening named again as known (``known_doers``), the wounded carried
# to care (``care_verbs``, ``care_places``), the reporter's own newsgathering
# (``newsgathering_verbs``) and the collisions of a road accident (``collision_verbs``,
# ``road_vehicles``) are lists of wordlists.json; a bomb or a mine is the ontology's
# ``weapon``
_RANKED = frozenset({"latest", "last", "first", "second", "third", "part", "one", "another",
                     "newest"})
# vague counts that make a plural event noun a tally ("hundreds of air strikes")
_TALLIES = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozens", "scores",
                      "tens", "countless"})
# movements that, told as a participle beside a violent event or a protest, are how it
# went ("ground troops entering the camp", "a strike leaving wards short of staff")
_MOVEMENTS = frozenset({"Change to group/activity", "Non-violent transfer of territory"})
_AFTER = frozenset({"after", "following"})
_PERCEPTIONS = frozenset({"hear", "see", "witness", "report", "describe"})
# verbs that tell when a happening already named began ("The fire broke out on Sunday")
_ONSETS = frozenset({"break out", "erupt", "begin", "start", "flare up"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# the words of a reaction that only order it after the happening ("fled after the attack")
_SEQUELS = frozenset({"after", "following"})
_REFERENCE_LINKS = frozenset({"dobj", "nsubjpass", "pobj", "prep", "poss", "compound",
                              "nsubj", "attr", "oprd", "pcomp"})
# a death toll told again as it rises: its figures are never lower than the first one
_TOLL_RISE = re.compile(
    r"\b(toll|number of (dead|deaths|people killed))\b.*\b(rose|risen|rises|climbed|climbs|"
    r"increased|reached|jumped)\b|\b(bringing|brings|brought|raising|raised|pushing)\b.*"
    r"\b(toll|number of (dead|deaths|people killed))\b")
# verbs whose object is an agreement already in force ("accused Israel of undermining
# the ceasefire", "urged all parties to respect the truce"): no agreement is made
_UPHELD = frozenset({"undermine", "violate", "breach", "break", "respect", "uphold", "observe",
                     "honour", "honor", "monitor", "enforce", "maintain", "preserve",
                     "threaten", "jeopardise", "jeopardize", "abide", "implement",
                     "consolidate", "strengthen", "support", "welcome"})
# subordinators that make a clause the time of the sentence's news ("shot dead as he left
# a meeting", "said in a statement after meeting the ambassador")
_TIME_MARKS = frozenset({"as", "after", "before", "when", "while", "since", "following",
                         "once"})
# modalities of what is to come or may come
_AHEAD = frozenset({"future", "hypothetical"})
# how far before the report's date a dated mention is background history, by precision:
# a day told exactly may be news for half a year; a month told alone ("in June", "since
# January") is a look back once it has ended two weeks before the report
_BACKGROUND_DAYS = {DAY: 180, WEEK: 30, MONTH: 14}
_ORDER = {DAY: 0, WEEK: 1, MONTH: 2, YEAR: 3, UNRESOLVED: 4}
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
    reference: bool = False  # refers to an event told elsewhere ("condemned the attack")
    reaction: str = ""  # what refers to it: "reaction", "commemoration" (see _reaction_to)
    accompanying: bool = False  # a consequence or damage told on its own ("2 were hurt")
    # a reference in a sentence that tells a rising toll ("the toll from the attack rose to
    # seven after three wounded officers died"): its figures count only for an event that
    # has none (the first figure told is the lowest)
    toll_update: bool = False
    history: bool = False  # a reference to a happening long before the report
    # a statement whose object is a happening the report tells ("condemned the attack")
    comment: bool = False
    # placed at a town coordinated with the place of the candidate it was copied from
    # ("in Rasht and Ahvaz", see _at_coordinated_towns)
    coordinated: bool = False
    # the index of the "and" opening the gapped clause this candidate was copied for
    # ("killed eight … at Kitsombiro on Sunday, and four more at Bulambo on Monday", see
    # _gapped); -1 for a candidate of its own
    gap: int = -1
    # placed by its paragraph ("In Belgrade, … 23 people were detained"), see _fall_back
    by_paragraph: bool = False
    # placed by a place of another sentence (the paragraph's or the document's), none of
    # its own sentence (see _fall_back, _about_the_news)
    placeless: bool = False


def ensure_lemmas(doc: Doc, nlp: Language) -> None:
    """Run the model's lemmatizer on ``doc`` when the parse skipped it."""
    if doc.has_annotation("LEMMA") or len(doc) == 0:
        return
    if "lemmatizer" in nlp.pipe_names:
        nlp.get_pipe("lemmatizer")(doc)


def event_id(doc_id: str | None, trigger_start: int, trigger_end: int, sub_type: str) -> str:
    """A stable id: the same document, trigger and type always give the same id."""
    key = f"{doc_id or ''}|{trigger_start}|{trigger_end}|{sub_type}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _lemma_set(span: Span) -> set[str]:
    """The lemmas and lower-case forms of a span's event words (not dates nor people's
    names)."""
    return document_words(span.doc).sentence_words(span.start, span.end)


def _clause_head(token: Word) -> Word:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _linked(ta: Word, tb: Word) -> bool:
    """Whether two triggers' clause heads (see :func:`_clause_head`) tell one event."""
    if ta.i == tb.i:
        return True
    return (ta.head.i == tb.i and ta.dep_ in _LINKS) or (
        tb.head.i == ta.i and tb.dep_ in _LINKS) or _through_preposition(ta, tb) or \
        _through_preposition(tb, ta) or (
        ta.head.i == tb.head.i and ta.head.i != ta.i and "conj" in (ta.dep_, tb.dep_))


def _through_preposition(noun, verb) -> bool:
    """An event noun in a prepositional phrase of an event verb: "killed in an attack",
    "abducted in a raid"."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == verb.i


def _purpose_clause(tok: Word) -> bool:
    """Whether a verb heads an infinitive of purpose ("… to demand a trial")."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _host(cand: _Candidate, cands: list[_Candidate]) -> _Candidate | None:
    """The event a mention is the aim of ("protested on Monday to demand a trial", "staged
    a sit-in to demand …": a purpose clause says what someone wants, not a second
    happening), or the start of
    ("fighting broke out on the outskirts": the verb tells when its subject began)."""
    tok = cand.trigger.token
    if cand.trigger.pos == "VERB" and ({lemma(tok)} | {
            f"{lemma(tok)} {c.lower_}" for c in tok.children if c.dep_ == "prt"}) & _ONSETS:
        subjects = {c.i for c in tok.children if c.dep_ == "nsubj"}
        return next((c for c in cands if c is not cand and c.trigger.token.i in subjects),
                    None)
    if cand.trigger.pos != "VERB" or not _purpose_clause(tok):
        return None
    # the aim of the verb's act, or of the happening a light verb's object names
    # ("staged a sit-in … to demand the reopening of the road")
    done = {tok.head.i} | {c.i for c in tok.head.children if c.dep_ == "dobj"}
    return next((c for c in cands if c is not cand and c.trigger.token.i in done), None)


def _gathering_attacked(cand: _Candidate, cands: list[_Candidate], onto: Ontology
                        ) -> _Candidate | None:
    """The attack a gathering of mourning or worship was the scene of ("attacked a
    church during a prayer vigil", "opened fire during a funeral"): the gathering is
    where the attack happened, and ACLED codes the attack alone."""
    tok = cand.trigger.token
    if cand.trigger.pos != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in (
            "during", "amid", "amidst") or cand.trigger.lemma not in _WORSHIP:
        return None
    return next((c for c in cands if c.trigger.token.i == tok.head.head.i and
                 onto.event_type_of(c.typing.sub_event_type) in _ATTACKS), None)


def _framing(cand: _Candidate, cands: list[_Candidate], onto: Ontology
             ) -> _Candidate | None:
    """The one violent event of the sentence that a violent noun after "during" or "amid"
    frames ("a drone strike killed three people, the ministry said, during a military
    raid that continued into Wednesday"): the raid is the operation the strike was part
    of, one happening as ACLED codes it, not a second event of the sentence."""
    tok = cand.trigger.token
    if cand.trigger.pos != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in _DURING \
            or onto.event_type_of(cand.typing.sub_event_type) not in VIOLENT_EVENT_TYPES \
            or lemma(tok.head.head) in CONSEQUENCES:
        return None  # "a fighter was killed during an exchange of fire": the exchange is
        # the happening the death is the toll of, whatever else the sentence tells
    others = [c for c in cands if c is not cand and c.trigger.lemma not in CONSEQUENCES
              and onto.event_type_of(c.typing.sub_event_type) in VIOLENT_EVENT_TYPES]
    return others[0] if len(others) == 1 else None


def _mediated(cand: _Candidate, cands: list[_Candidate]) -> _Candidate | None:
    """The agreement a mediation achieved ("A mediation by elders from Tajura secured a
    truce", "talks mediated by Qatar led to a ceasefire"): no offer of mediation, but
    how the agreement came about."""
    tok = cand.trigger.token
    if cand.typing.sub_event_type != "Mediation offer" or tok.dep_ not in ("nsubj", "csubj"):
        return None
    verb = tok.head
    done = {c.i for c in verb.children if c.dep_ in ("dobj", "attr")} | {
        g.i for c in verb.children if c.dep_ in ("prep", "dative") for g in c.children
        if g.dep_ == "pobj"}
    return next((c for c in cands if c.typing.sub_event_type == "Agreement"
                 and c.trigger.token.i in done), None)


def _part_of_main(cand: _Candidate) -> bool:
    """A movement told as a participle beside the sentence's violence or protest ("drone
    strikes, with ground troops entering the camp")."""
    tok = cand.trigger.token
    return cand.typing.sub_event_type in _MOVEMENTS and tok.tag_ in ("VBG", "VBN") and \
        tok.dep_ in ("acl", "pcomp")


def _participle_of(cand: _Candidate, cands: list[_Candidate], onto: Ontology,
                   toponyms: list[Toponym]) -> _Candidate | None:
    """The event of the same sub-type whose clause a present participle with no subject
    of its own describes ("relatives who had gathered since the morning holding
    photographs of their dead", which the parse may hang on the photographs as an
    adjective): how the one happening went, not a second one (a past
    participle on a noun, "a round fired from Syria", names a thing; a toll, "killing
    19", is a consequence, folded with the sentence's others). Of political violence, the
    participle of the violent verb it hangs from tells how that act went whatever the
    type its words give it ("raiders attacked a kraal, shooting dead three herders",
    "stormed a military base, detonating a car bomb at the gate"), unless each clause
    names a town of its own."""
    tok = cand.trigger.token
    if tok.tag_ != "VBG" or tok.dep_ not in ("amod", "advcl") or \
            cand.trigger.lemma in CONSEQUENCES or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    same = next((c for c in cands if c is not cand and
                 c.typing.sub_event_type == cand.typing.sub_event_type and
                 c.trigger.token.i != tok.i and (tok.dep_ == "amod" or
                                                 tok in c.trigger.token.subtree)), None)
    if same is not None or tok.dep_ != "advcl" or \
            onto.event_type_of(cand.typing.sub_event_type) not in _POLITICAL_VIOLENCE:
        return same
    return next((c for c in cands if c is not cand and c.trigger.token.i == tok.head.i and
                 onto.event_type_of(c.typing.sub_event_type) in _POLITICAL_VIOLENCE and
                 not _clauses_elsewhere(c.trigger.token, tok, toponyms)), None)


def _fold(cand: _Candidate, into: _Candidate, keep: list[_Candidate]) -> None:
    """Fold ``cand`` (with the mentions already folded into it) into ``into``, whose
    event it tells: its trigger and theirs become ``into``'s mentions and the anchors of
    its place (see :func:`_anchors`)."""
    into.merged.append(cand)
    into.merged.extend(cand.merged)
    keep.remove(cand)


def _clause_towns(head: Word, other: Word, toponyms: list[Toponym]) -> list[Place]:
    """The towns (see :func:`_town`) named in ``head``'s clause outside ``other``'s (a
    clause inside another is all its own)."""
    inner = {w.i for w in other.subtree}
    starts = {w.idx for w in head.subtree if head.i in inner or w.i not in inner}
    return [t.place for t in toponyms if t.place is not None and t.start in starts
            and _town(t.place)]


def _clauses_elsewhere(ta: Word, tb: Word, toponyms: list[Toponym]) -> bool:
    """Whether two clauses of a sentence, one joined to the other ("marched through
    Caracas, while in Maracaibo troops fired tear gas to break up a protest"), each name
    towns of their own and none in common: two happenings, one per town."""
    if not ((ta.head.i == tb.i and ta.dep_ in _CLAUSES) or (
            tb.head.i == ta.i and tb.dep_ in _CLAUSES) or (
            ta.head.i == tb.head.i and "conj" in (ta.dep_, tb.dep_))):
        return False
    towns_a, towns_b = _clause_towns(ta, tb, toponyms), _clause_towns(tb, ta, toponyms)
    return bool(towns_a) and bool(towns_b) and not any(
        _one_town(a, b) for a in towns_a for b in towns_b)


def _merge_sentence(cands: list[_Candidate], onto: Ontology,
                    toponyms: list[Toponym] | None = None) -> list[_Candidate]:
    """Fold aims, gatherings attacked, participle movements, same-type repeats and
    consequences into the event they belong to (see :func:`_fold`); not a clause that
    tells of another town (:func:`_clauses_elsewhere`). What a protest told in the
    sentence is about is left out."""
    keep = list(cands)
    # what a protest of the sentence is about tells no happening of its own ("marched …,
    # demanding that the bodies of the two men killed near Jakuradhor be handed over"):
    # the happening is told where the report tells it, the protest here
    about = [c for c in keep if protest_background(c.trigger.token, onto)]
    if len(about) < len(keep) and any(onto.event_type_of(c.typing.sub_event_type) in _CROWDS
                                      for c in keep if c not in about):
        keep = [c for c in keep if c not in about]
    for cand in list(keep):
        host = _host(cand, keep) or _gathering_attacked(cand, keep, onto) or \
            _mediated(cand, keep) or _framing(cand, keep, onto)
        if host is not None:
            _fold(cand, host, keep)
    hosts = [c for c in keep if onto.event_type_of(c.typing.sub_event_type)
             in VIOLENT_EVENT_TYPES | _CROWDS]
    for cand in [c for c in keep if hosts and _part_of_main(c)]:
        _fold(cand, hosts[0], keep)
    for cand in list(keep):
        outer = _participle_of(cand, keep, onto, toponyms or [])
        if outer is not None:
            _fold(cand, outer, keep)
    # once per sentence: a run-on sentence of thousands of words chains long conj paths
    heads = {id(c): _clause_head(c.trigger.token) for c in keep}
    changed = True
    while changed:
        changed = False
        for a in keep:
            b = next((b for b in keep if b is not a and _linked(heads[id(a)], heads[id(b)])
                      and _repeats_or_follows(a, b, onto) and not _clauses_elsewhere(
                          heads[id(a)], heads[id(b)], toponyms or [])), None)
            if b is not None:
                if onto.event_type_of(a.typing.sub_event_type) == onto.event_type_of(
                        b.typing.sub_event_type) and a.typing.confidence > b.typing.confidence \
                        and not _changes_hands(b, a):
                    b.typing = a.typing  # the more specific reading of the event
                elif _crowd_severity(a.typing.sub_event_type) > _crowd_severity(
                        b.typing.sub_event_type):
                    b.typing = a.typing  # what the demonstration turned into
                _fold(a, b, keep)
                changed = True
                break
    # consequences the parse does not link ("…struck Sumy as residents gathered, killing
    # 35") belong to the sentence's one violent event
    main = [c for c in keep if c.trigger.lemma not in CONSEQUENCES
            and onto.event_type_of(c.typing.sub_event_type) in VIOLENT_EVENT_TYPES]
    if len(main) == 1:
        for c in [c for c in keep if c.trigger.lemma in CONSEQUENCES
                  and not _tells_the_sentence(c, main[0])]:
            _fold(c, main[0], keep)
    return keep


def _tells_the_sentence(consequence: _Candidate, main: _Candidate) -> bool:
    """Whether a consequence is a clause that names its doer and the sentence's violent
    event an event noun elsewhere in it ("Ukrainian drones killed a woman …, as the
    Kremlin accused Kyiv of stepping up attacks"): the killing is the happening, not a
    consequence of the attacks talked of."""
    tok = consequence.trigger.token
    deps = {c.dep_ for c in tok.children}  # a doer and a victim: "drones killed a woman"
    # (the subject of "two of the wounded died" is a victim: a consequence still)
    return consequence.trigger.pos == "VERB" and main.trigger.pos == "NOUN" and \
        {"nsubj", "dobj"} <= deps


def _changes_hands(taking: _Candidate, move: _Candidate) -> bool:
    """Whether ``taking`` tells a place changing hands without fighting and ``move`` a
    group's movement told with it ("IS recaptured Palmyra after Syrian forces pulled
    out"): ACLED codes the change of territory, the withdrawal is how it came about. (The
    takings by fighting are Battles, never folded into a move's reading.)"""
    return taking.typing.sub_event_type == "Non-violent transfer of territory" and \
        move.typing.sub_event_type == "Change to group/activity"


def _repeats_or_follows(a: _Candidate, b: _Candidate, onto: Ontology) -> bool:
    """Whether ``a``, linked to ``b`` in the parse, tells ``b``'s event: a consequence of
    violence ("struck …, killing three"), damage done with it ("killed six men and set
    fire to granaries"), or a later mention of the same type."""
    a_cons = a.trigger.lemma in CONSEQUENCES
    b_cons = b.trigger.lemma in CONSEQUENCES
    kinds = {onto.event_type_of(a.typing.sub_event_type),
             onto.event_type_of(b.typing.sub_event_type)}
    # a protest and the riot it turned into ("gathered …, chanting and burning tyres")
    same = len(kinds) == 1 or kinds == _CROWDS
    violent_b = onto.event_type_of(b.typing.sub_event_type) in VIOLENT_EVENT_TYPES
    # (damage done by the doers of violence, "killed six men and set fire to granaries",
    # is part of their attack)
    return (a_cons and not b_cons and violent_b) or (
        a.typing.sub_event_type in _ACCOMPANYING and violent_b) or (
        same and a_cons == b_cons and a.trigger.start > b.trigger.start)


def _share_carried_places(cands: list[_Candidate], onto: Ontology) -> None:
    """An event that the parse leaves unplaced takes the place linked to the event it
    carries or is carried by — a verb and its event object ("launched an offensive that
    targeted the Aleppo districts", "an airstrike was carried out in X", "began to shell
    Y"): the two words tell one act. A statement or an incident takes only the place of
    its own kind of event, and a happening judged ("In Berlin, the ministry condemned the
    massacre") never the place of its judge (see :func:`_happening_places`). A place
    passes along a chain of such links ("launched an offensive that targeted …")."""
    for cand in [c for _ in range(2) for c in cands]:  # twice: along a chain of links
        if cand.location.toponym is not None:
            continue
        family = onto.event_type_of(cand.typing.sub_event_type)
        judge = _judged_by(cand.trigger.token)
        donor = next((c for c in cands if c is not cand and c.location.linked and
                      c.location.toponym is not None and _carries(cand.trigger, c.trigger)
                      and (judge is None or c.trigger.token.i != judge.i)
                      and (family not in _NO_FALLBACK or
                           onto.event_type_of(c.typing.sub_event_type) == family)), None)
        if donor is not None:
            loc = donor.location
            cand.location = Location(loc.toponym, loc.role, loc.precision,
                                     f"{loc.reason}, the place of {donor.trigger.token.text!r}"
                                     f" that the trigger tells with", linked=True)


def _setting_of_another_day(cands: list[_Candidate]) -> None:
    """An event that only its sentence's setting places, where the setting is the place
    linked to a happening its own words date to another day, is unplaced: "Two farmers were shot
    dead in Bishnupur district on Sunday, and a militant was killed in a gunfight the next
    day" says where the killing was, not the gunfight (the chain's later steps may place
    it)."""
    for cand in cands:
        told = cand.date
        if cand.location.linked or cand.location.toponym is None or told is None or \
                told.precision != DAY or told.date is None:
            continue
        if any(o is not cand and o.location.linked and o.location.toponym is not None
               and o.location.toponym.start == cand.location.toponym.start
               and o.date is not None and o.date.attached and o.date.precision == DAY
               and o.date.date not in (None, told.date) for o in cands):
            cand.location = NOWHERE


def _carries(a: Trigger, b: Trigger) -> bool:
    """Whether one trigger is the other's object or open complement, or a relative
    clause on it ("launched an offensive", "an offensive was launched", "began to shell",
    "an offensive that targeted")."""
    ta, tb = a.token, b.token
    return (tb.head.i == ta.i and tb.dep_ in _CARRIED) or (
        ta.head.i == tb.i and ta.dep_ in _CARRIED)


def _target_of_violence(trigger: Trigger, typing: Typing, onto: Ontology) -> bool:
    """An event noun that a violent verb acted on ("it had hit a meeting of commanders"):
    the target, not an event of its own."""
    tok = trigger.token
    if trigger.pos != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass") or \
            onto.event_type_of(typing.sub_event_type) in VIOLENT_EVENT_TYPES:
        return False
    verb = lemma(tok.head)
    return verb not in onto.words("support_verb") and any(
        s == GENERIC or onto.event_type_of(s) in VIOLENT_EVENT_TYPES
        for s in onto.verb_index.get(verb, ()))


def _anchors(cand: _Candidate, onto: Ontology) -> list:
    """The words whose places are the event's besides its trigger: the verb that carries
    an event noun ("militants launched an attack in X"), also a verb of telling whose
    passive subject the event is ("Fighting was reported on the outskirts of X": what
    is reported there happened there), and the triggers merged into it but the demands
    it was held for."""
    pred = cand.args.predicate
    anchors = []
    token = cand.trigger.token
    if pred is not None and pred.i != token.i and (
            lemma(pred) not in onto.words("speaker") or
            (token.dep_ == "nsubjpass" and token.head.i == pred.i)):
        anchors.append(pred)
    # (not a demand it was held for: what a sit-in demands is not where it was held; an
    # offensive launched "to capture the border crossing" is fought there)
    anchors.extend(other.trigger.token for other in cand.merged if not _voiced_aim(other, onto))
    return anchors


def _voiced_aim(cand: _Candidate, onto: Ontology) -> bool:
    """Whether a mention is the purpose clause of another ("… to demand the reopening of
    the road") that voices something (a protest or words): its object is what is wanted,
    not a place where anything happens."""
    return cand.trigger.pos == "VERB" and _purpose_clause(cand.trigger.token) and (
        cand.typing.sub_event_type in _SPEECH_ACTS or
        onto.event_type_of(cand.typing.sub_event_type) in _CROWDS)


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


# prepositions by which a clause is timed by another happening
_TIMED_BY = frozenset({"before", "after", "since", "following"})


def _is_repeat_mention(cand: _Candidate) -> bool:
    """A definite event noun with nothing of its own: "The interception underscored …",
    "investigators took over the inquiry into the shooting on Sunday" (a date of the
    sentence, not of the noun, is not its own)."""
    tok = cand.trigger.token
    determiners = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
    if cand.trigger.pos == "NOUN" and determiners & _DEFINITE and tok.dep_ == "pobj" and \
            tok.head.lower_ in _TIMED_BY and tok.head.head.pos_ in ("VERB", "AUX"):
        return True  # "two days before the ambush, gunmen abducted …": the clause's
        # places and days are its verb's; the ambush is the one told elsewhere
    if cand.trigger.pos != "NOUN" or (cand.location.toponym is not None
                                      and cand.location.linked):
        return False  # a place of its own (the sentence's setting is not)
    own = cand.args.quantities or cand.args.actor1 or cand.args.actor2 or (
        cand.date is not None and cand.date.text and cand.date.attached)
    return bool(determiners & _DEFINITE) and not own


def _answers_the_told(cand: _Candidate) -> bool:
    """A verb done to an event already told ("troops repelled the attack", "police foiled
    the raid"): its object, a definite event noun, is that event, and the verb tells how
    it went, not a second happening."""
    tok = cand.trigger.token
    return cand.trigger.pos == "VERB" and any(
        m.trigger.token.dep_ == "dobj" and m.trigger.token.head.i == tok.i and
        m.trigger.pos == "NOUN" and any(c.dep_ == "det" and c.lower_ in _DEFINITE
                                        for c in m.trigger.token.children)
        for m in cand.merged)


def _victims_described(cand: _Candidate) -> bool:
    """An undated passive relative clause that says what befell someone ("a man and his
    daughter who were hit in their car", "the soldiers who were killed"): who the
    victims of a happening are, which refers to it rather than telling another."""
    tok = cand.trigger.token
    return cand.trigger.pos == "VERB" and tok.dep_ == "relcl" and any(
        c.dep_ == "auxpass" for c in tok.children) and (
        cand.date is None or cand.date.precision == UNRESOLVED)


def _crowd_described(cand: _Candidate, onto: Ontology) -> bool:
    """A protest told in a relative clause on the people that force was used on ("police
    dispersed residents who had gathered outside the district office"): who the crowd
    is, the protest the intervention is told of, not another one."""
    tok = cand.trigger.token
    crowd = tok.head
    return cand.trigger.pos == "VERB" and tok.dep_ == "relcl" and \
        onto.event_type_of(cand.typing.sub_event_type) == "Protests" and \
        crowd.dep_ == "dobj" and lemma(crowd.head) in onto.words("intervention") and \
        not (cand.date is not None and cand.date.attached)


def _damage_to_the_target(cand: _Candidate, found: list[_Candidate], paragraph: list[int],
                          sentence: int, onto: Ontology) -> bool:
    """Whether damage told in the passive befalls, by a definite noun, what violence told
    before in the paragraph hit ("The strike hit a car …" / "officials said the car was completely
    burned"): the state the target was left in, which refers to that happening. So does
    violence told so with no day of its own ("An Israeli drone has struck a car … The car
    was hit as it left Bint Jbeil"): the same blow told again."""
    tok = cand.trigger.token
    violence = onto.event_type_of(cand.typing.sub_event_type) in VIOLENT_EVENT_TYPES and (
        cand.date is None or not cand.date.attached)
    if not (cand.typing.sub_event_type == "Looting/property destruction" or violence) or \
            cand.trigger.pos != "VERB" or not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not any(c.dep_ == "det" and c.lower_ in _DEFINITE
                                  for c in subject.children):
        return False
    return any(o.sentence < sentence and paragraph[o.sentence] == paragraph[sentence]
               and onto.event_type_of(o.typing.sub_event_type) in VIOLENT_EVENT_TYPES
               and lemma(subject) in _hit_things(o) for o in found)


def _hit_things(cand: _Candidate) -> set[str]:
    """The lemmas of what a violent mention acted on: its target, and the objects of its
    verb or of the verb that carries its noun ("the strike hit a car")."""
    tok = cand.trigger.token
    verbs = [tok] + [v for v in (cand.args.predicate, tok.head if tok.dep_ == "nsubj" else None)
                     if v is not None]
    things = {lemma(c) for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")}
    if cand.args.target is not None:
        things.add(lemma(cand.args.target))
    return things


def _describes_participant(cand: _Candidate, onto: Ontology) -> bool:
    """An undated relative or participle clause that says who someone is ("the countries
    that brokered the truce", "a deal brokered by China", "men they accused of helping
    the army"): it identifies a participant and reports no new happening. Agreements and
    claims are read so, and in a relative clause on a person a speech act ("a member of
    the militia who spoke by telephone": the source), a strategic development told in
    the perfect ("a former commander who had joined the new army": the person's past)
    or anything told in the present perfect ("tribal leaders who have fought alongside
    the army": what they have done at some time). Violence, protests and other acts
    told in the past in such a clause often are the news ("gunmen who stormed the
    village")."""
    tok = cand.trigger.token
    if cand.trigger.pos != "VERB" or tok.dep_ not in ("relcl", "acl") or \
            any(t.ent_type_ in TIME_ENTITIES for t in tok.subtree):
        return False
    if cand.typing.sub_event_type in _DESCRIBING:
        return True
    person = tok.head.ent_type_ == "PERSON" or lemma(tok.head) in onto.words("person_noun")
    if tok.dep_ != "relcl" or not person:
        return False
    # "said a member of the local militia who spoke by telephone": the source
    auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    return cand.typing.sub_event_type in _SPEECH_ACTS or (
        onto.event_type_of(cand.typing.sub_event_type) == _STRATEGIC and bool(
            auxes & _PERFECT)) or auxes in ({"have"}, {"has"})


def _target_described(cand: _Candidate, cands: list[_Candidate], onto: Ontology) -> bool:
    """Whether violence told in the pluperfect, undated, in a relative clause says what
    the target of another violent act of the sentence had done ("the strike targeted an
    armed cell that had opened fire on troops"): the striker's account of whom it hit,
    not a happening the report tells."""
    tok = cand.trigger.token
    if cand.trigger.pos != "VERB" or tok.dep_ != "relcl" or \
            not any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children) or \
            any(t.ent_type_ in TIME_ENTITIES for t in tok.subtree) or \
            onto.event_type_of(cand.typing.sub_event_type) not in VIOLENT_EVENT_TYPES:
        return False
    target = tok.head
    verb = target.head
    if target.dep_ not in ("dobj", "nsubjpass") or lemma(verb) not in onto.verb_index:
        return False  # "the attack followed a rocket salvo that had been launched": what
        # came before the attack, not whom it hit
    return any(o is not cand and onto.event_type_of(o.typing.sub_event_type) in VIOLENT_EVENT_TYPES
               and verb.i in (o.trigger.token.i, o.trigger.token.head.i,
                              o.args.predicate.i if o.args.predicate is not None else -1)
               for o in cands)


def _what_is_said_about(trigger: Word, location: Location) -> bool:
    """Whether the place linked to a speech act is what the words are about or whom they
    address, reached through the trigger's object or a preposition other than one of
    place ("condemned *the shelling of Taiz*", "called *on Iran* to investigate",
    "condemned an airstrike … at a market in Ulang"): a statement is made where the
    speaker is ("in a statement from Islamabad", "In Washington, the State Department
    condemned …", "the governor of Benue said", "a statement issued in Juba"), never at
    its topic."""
    path = path_to_place(trigger, location)
    return bool(path) and not (path[0].dep_ in _SPEAKERS or put_out_at(path[0]) or (
        path[0].dep_ == "prep" and path[0].lower_ in _SPEAKER_PREPS))


def _judged_by(trigger: Word) -> Word | None:
    """The reaction that judges or looks into the happening an event noun names
    ("condemned *the massacre*", "an inquiry into *the killings*", "*The attack* … was
    condemned"), within the few steps a reaction reaches; None for any other trigger."""
    if trigger.pos_ != "NOUN":
        return None
    tok = trigger
    for _ in range(4):
        if tok.dep_ not in _REFERENCE_LINKS or tok.head.i == tok.i:
            return None
        tok = tok.head
        if lemma(tok) in _JUDGING or (tok.pos_ == "NOUN" and lemma(tok) in _JUDGEMENTS):
            return tok
    return None


def _happening_places(trigger: Word, here: list[tuple[Toponym, Word]]
                      ) -> list[tuple[Toponym, Word]]:
    """The sentence's places that may be where a judged happening took place: a reaction
    noun ("condemned the massacre in Kwatas", "an inquiry into the killings at Bama") is
    never placed at the reaction's own scene or speaker ("In Berlin, the ministry
    condemned …", "The governor, speaking in Maroua, condemned …", "Officials in Abuja
    condemned …", "In Abuja, the government said it would investigate …"): that place is
    the speaker's, the happening's comes from its own tellings. Kept: the places of the
    noun's own phrase, and those after the reaction's verb outside any clause of speech
    ("condemned an airstrike that killed eight civilians, among them three children, at
    a market in Ulang town": the place is told of the happening)."""
    judge = _judged_by(trigger)
    if judge is None:
        return here
    verb = judge
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    kept = []
    for mention, root in here:
        path = [root, *root.ancestors]
        if any(t.i == trigger.i for t in path):
            kept.append((mention, root))  # the noun's own phrase
            continue
        at = next((k for k, t in enumerate(path) if t.i == verb.i), None)
        if at and path[at - 1].i > verb.i and not statement_source(root) and not any(
                lemma(t) in _SPOKEN for t in path[:at]):
            kept.append((mention, root))  # told after the reaction's verb
    return kept


def _where_it_was_said(trigger: Word, location: Location) -> bool:
    """Whether the place linked to an event is where words about it were put out ("condemned
    the attack *in a statement from Islamabad*", "a video message from Kabul"): the
    speaker's place, never the happening's."""
    return any(lemma(t) in _SPOKEN for t in path_to_place(trigger, location)[:-1])


def _not_a_happening(cand: _Candidate, onto: Ontology) -> bool:
    """Whether a mention tells no happening: other happenings like it, undated ("unions
    have staged similar protests across Europe"), the topic of what is said ("stories
    about drug trafficking", "broadcasters that reported on attacks"), the class a
    happening is ranked in ("one of the deadliest
    attacks this year"), a tally of violence over a stretch of time ("has carried out
    hundreds of air strikes since the coup"), or any happening of a kind ("every strike
    on our villages", "any attack", "no attack was reported")."""
    tok = cand.trigger.token
    if cand.trigger.pos != "NOUN":
        return False
    if any(c.dep_ == "det" and c.lower_ in _ANY for c in tok.children):
        return True
    if cand.typing.sub_event_type == "Agreement" and _in_force(tok):
        return True
    if _said_of_a_kind(tok, onto):
        return True
    if (cand.date is None or cand.date.precision == UNRESOLVED) and any(
            c.dep_ in ("amod", "det", "predet") and c.lower_ in _OTHERS for c in tok.children):
        return True
    if tok.dep_ != "pobj":
        return False
    if tok.head.lower_ in _TOPICS:
        return True
    if tok.head.lower_ == "on" and lemma(tok.head.head) in onto.words("speaker") and \
            tok.tag_ == "NNS" and (cand.date is None or cand.date.precision == UNRESOLVED) \
            and not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children):
        return True  # "broadcasters that reported on attacks": happenings of a kind talked of
    if tok.tag_ == "NNS" and (tok.head.lower_ == "among" or (
            tok.head.lower_ == "of" and tok.head.head.lower_ in _MEMBERS)):
        return True  # "one of the deadliest attacks on Dnipro this year": the class
    series = tok.head.head
    if tok.head.lower_ == "of" and lemma(series) in _SERIES and (
            series.tag_ == "NNS" or any(c.lower_ in _OTHERS for c in series.children)) and (
            cand.date is None or cand.date.precision == UNRESOLVED):
        return True  # "Peru has seen repeated waves of unrest": runs of happenings, undated
    if tok.head.lower_ == "of" and lemma(series) in _SERIES and series.dep_ == "pobj" and \
            tok.tag_ == "NNS" and \
            not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children) and (
            cand.date is None or cand.date.precision == UNRESOLVED or not cand.date.attached):
        return True  # "alarmed by this cycle of attacks and revenge attacks": the run talked
        # of, no happening of its own (the day of the sentence is the saying's); not a run
        # done or told as the news ("carried out a series of strikes on Monday")
    if tok.tag_ == "NNS" and tok.head.lower_ == "of" and series.lower_ in _SERIES and \
            series.dep_ == "pobj" and series.head.head.lower_ in _RANKED and (
            cand.date is None or cand.date.precision == UNRESOLVED or
            not cand.date.attached):
        return True  # "the latest in a series of cattle raids": the run a happening is in
        # (a date of the sentence is the happening's, not the run's)
    tally = tok.head.lower_ == "of" and tok.tag_ == "NNS" and lemma(tok.head.head) in _TALLIES
    return tally and _cumulative(tok.head.head.head) and onto.event_type_of(
        cand.typing.sub_event_type) in VIOLENT_EVENT_TYPES


def _said_of_a_kind(tok: Word, onto: Ontology) -> bool:
    """Whether a bare plural is the subject of what is true of all happenings of its kind,
    in the present of a copula or a passive ("attacks on civilians are prohibited under
    international humanitarian law", "strikes on hospitals are war crimes"); not a
    present that reports news ("clashes are reported in the north")."""
    verb = tok.head
    if tok.tag_ != "NNS" or tok.dep_ not in ("nsubj", "nsubjpass") or verb.tag_ not in (
            "VBP", "VBZ", "VBN") or any(c.dep_ in ("det", "nummod", "poss", "amod")
                                        for c in tok.children):
        return False
    if verb.tag_ == "VBN":  # "are prohibited": a present passive
        present = any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in verb.children)
        return present and lemma(verb) not in onto.words("speaker")
    return lemma(verb) == "be"


def _counted_over_a_stretch(cand: _Candidate, onto: Ontology) -> bool:
    """Whether a plural event noun counted in tens or more is the object or subject of a
    clause that sums up a stretch of time ("the department had suffered more than 300
    attacks on the security forces since the start of the year"), or a bare plural,
    undated, in the present perfect ("the region has suffered attacks by jihadist groups
    for nearly a decade"): a tally of violence, not one happening."""
    tok = cand.trigger.token
    if cand.trigger.pos != "NOUN" or tok.tag_ != "NNS" or \
            tok.dep_ not in ("dobj", "nsubj", "nsubjpass") or \
            onto.event_type_of(cand.typing.sub_event_type) not in VIOLENT_EVENT_TYPES:
        return False
    verb = tok.head
    if not _cumulative(verb):
        return False
    counts = [number_value(c) for c in tok.children if c.dep_ == "nummod"]
    if any(n is not None and n >= _TALLY_FROM for n in counts):
        return True
    # "the region has suffered attacks by jihadist groups for nearly a decade": a bare
    # plural, undated, in the present perfect is violence of a kind over the years
    bare = not any(c.dep_ in ("det", "nummod", "poss", "predet") for c in tok.children)
    undated = cand.date is None or cand.date.precision == UNRESOLVED or not cand.date.attached
    return bare and undated and any(c.dep_ == "aux" and c.lower_ in ("has", "have")
                                    for c in verb.children)


_TALLY_FROM = 10  # happenings counted in tens or more are a tally
# adjectives that make counted happenings several of their own ("three separate attacks")
_APART = frozenset({"separate", "distinct", "different", "unrelated"})


def _separate_happenings(cand: _Candidate) -> bool:
    """Whether a telling counts two or more happenings as separate ("Jihadist fighters
    carried out three separate attacks in Cameroon's Far North region on Tuesday, killing
    at least 12"): a summary of happenings ACLED codes one by one, each at its own
    place, not one happening at the region's."""
    tok = cand.trigger.token
    if cand.trigger.pos != "NOUN" or tok.tag_ != "NNS" or \
            not any(c.dep_ == "amod" and c.lower_ in _APART for c in tok.children):
        return False
    counts = [number_value(c) for c in tok.children if c.dep_ == "nummod"]
    return any(n is not None and n >= 2 for n in counts)
# words that mark a figure as the sum of others ("In total, …", "in all", "altogether")
_SUMS = frozenset({"total", "all", "altogether", "overall"})


def _summed_up(cand: _Candidate, found: list[_Candidate], onto: Ontology) -> bool:
    """Whether a telling sums up a stretch longer than a day ("In total, at least four
    people were killed in the region this week"), or a day on which the report has
    already told two violent happenings or more ("In total, on Saturday the enemy killed
    two of our residents", after three attacks told that Saturday): the sum of the
    happenings told one by one, not one more."""
    if cand.date is None or cand.date.precision not in (DAY, WEEK, MONTH, YEAR):
        return False
    day = cand.date.precision == DAY
    if day:
        if onto.event_type_of(cand.typing.sub_event_type) not in VIOLENT_EVENT_TYPES:
            return False
        sent = cand.trigger.token.sent
        verbs = [t for t in doc_words(sent.doc)[sent.start:sent.end]
                 if t.pos_ in ("VERB", "AUX")]
    else:
        verbs = [_clause_verb(cand)]
    if not any(_sums_up(child) for verb in verbs for child in verb.children):
        return False
    # (the words first: the day's count runs over the document's events)
    return not day or sum(
        c.date is not None and (c.date.precision == UNRESOLVED or (
            c.date.precision == DAY and c.date.date == cand.date.date)) and
        onto.event_type_of(c.typing.sub_event_type) in VIOLENT_EVENT_TYPES
        for c in found) >= 2


def _sums_up(child: Word) -> bool:
    """Whether a verb's dependent marks a sum: "altogether", "overall", "in total"."""
    return (child.dep_ == "advmod" and child.lower_ in ("altogether", "overall")) or (
        child.dep_ == "prep" and child.lower_ == "in" and any(
            g.dep_ == "pobj" and g.lower_ in _SUMS for g in child.children))


# the nouns of the places a plural telling spreads over ("on border districts")
_SPREAD = frozenset({"place", "location", "site", "district", "village", "town", "area",
                     "locality", "community", "settlement", "neighbourhood", "neighborhood"})


def _over_places(noun: Word) -> bool:
    """Whether a noun names several places: a plural of :data:`_SPREAD` ("border
    districts", "three places")."""
    return noun.tag_ == "NNS" and lemma(noun) in _SPREAD


def _told_one_by_one(cand: _Candidate, found: list[_Candidate], onto: Ontology) -> bool:
    """Whether a plural telling of violence over several places ("Two people were killed
    in drone and artillery attacks on border districts on Saturday", "Strikes hit three
    places in the valley on Tuesday") sums up happenings the report then tells one by one,
    two or more after it, on its day or with no day of their own: ACLED codes each at its
    own place, and the summary's toll is theirs, not one more."""
    tok = cand.trigger.token
    if cand.trigger.pos != "NOUN" or tok.tag_ != "NNS" or \
            onto.event_type_of(cand.typing.sub_event_type) not in VIOLENT_EVENT_TYPES or \
            cand.date is None or cand.date.precision != DAY:
        return False
    spread = list(tok.subtree)
    # the places of its verb: "strikes hit three places", "killed in strikes on villages"
    verb = tok.head if tok.dep_ == "nsubj" else tok.head.head if tok.dep_ == "pobj" and \
        tok.head.dep_ == "prep" else None
    if verb is not None:
        spread += [t for c in verb.children if c.dep_ in ("dobj", "prep") and c.i != tok.head.i
                   for t in c.subtree]
    if not any(_over_places(t) for t in spread):
        return False
    return sum(c.sentence > cand.sentence and c.date is not None and (
        c.date.precision == UNRESOLVED or c.date.date == cand.date.date) and
        onto.event_type_of(c.typing.sub_event_type) in VIOLENT_EVENT_TYPES
        for c in found) >= 2


def _in_force(noun: Word) -> bool:
    """Whether an agreement noun names one already in force: the object of a verb that
    keeps or breaks it ("undermining the ceasefire", "respect the truce"), or a modifier
    of another noun ("the ceasefire monitoring committee", which the parse may read as a
    participle with its object: "ceasefire (monitoring committee)")."""
    if noun.dep_ == "compound" or any(
            c.dep_ == "acl" and c.tag_ == "VBG" and c.i == noun.i + 1 and any(
                g.dep_ == "dobj" and g.i == c.i + 1 for g in c.children)
            for c in noun.children):
        return True
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return noun.dep_ in ("dobj", "pobj", "nsubjpass") and lemma(verb) in _UPHELD


def _time_of_the_news(cand: _Candidate) -> bool:
    """Whether a meeting is told only as the time of the sentence's news: a clause of
    time ("shot dead as he left a meeting", "said after meeting the ambassador"), not a
    meeting the report tells."""
    if cand.typing.sub_event_type != "Meeting":
        return False
    tok = cand.trigger.token
    verb = tok.head if tok.dep_ in ("dobj", "pobj") and tok.pos_ == "NOUN" else tok
    if verb.dep_ == "pobj":
        verb = verb.head
    if verb.dep_ == "pcomp" or verb.dep_ == "prep":
        return verb.head.lower_ in _TIME_MARKS if verb.dep_ == "pcomp" else \
            verb.lower_ in _TIME_MARKS
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS
                                        for c in verb.children)


def sports_report(sentences: list[Span], sentence_lemmas: list[set[str]],
                  onto: Ontology) -> bool:
    """Whether a report tells a sports match: at least three words only the game uses
    (referee, striker, league, stadium …) and a score ("4-0") in a sentence of the game,
    one with such a word or telling no real harm ("River crushed Boca 4-0, a massacre";
    not "12-14 reported casualties")."""
    words = set().union(*sentence_lemmas) if sentence_lemmas else set()
    return len(words & SPORT_WORDS) >= 3 and any(
        (not lemmas.isdisjoint(SPORT_WORDS) or _play_told_as_war(lemmas, onto))
        and _SCORE.search(sent.text) is not None
        for sent, lemmas in zip(sentences, sentence_lemmas, strict=True))


def _play_told_as_war(sentence: set[str], onto: Ontology) -> bool:
    """Whether a sentence of a sports report tells the game in the words of war: no one
    dead or hurt, no police, fans or weapons in it, and no one killed ("killed the game
    off" is play; "killed two men" is not)."""
    killed = "kill" in sentence and not sentence.isdisjoint(onto.words("person_noun"))
    return not killed and sentence.isdisjoint(onto.words("lethal")) and \
        sentence.isdisjoint(SPORT_REAL_HARM)


def _asked(cand: _Candidate) -> bool:
    """Whether a mention is part of a question ("Why is there fighting again in Western
    Sahara?", "Was the attack planned?"): a question asserts no happening; a happening it
    names is told, if at all, where it is answered. The question must hold the trigger: a
    question quoted after it ('killing five villagers, and survivors asked: "Where was
    the army?"') asks of something else."""
    trigger = cand.trigger.token
    doc = trigger.doc
    end = min(trigger.sent.end, trigger.i + 60)
    tokens = doc_words(doc)
    for tok in tokens[trigger.i + 1: end]:
        if tok.text in ("?", ".", "!") or "\n" in tok.text_with_ws:
            return tok.text == "?"
        if tok.text in (":", "\u201c") or (tok.text == '"' and tokens[tok.i - 1].whitespace_):
            return False  # a colon or an opening quote: what follows is said of it
    return False


def _clause_verb(cand: _Candidate) -> Word:
    """The verb of a mention's clause: a verb trigger itself (its arguments' predicate),
    a noun trigger's support verb or predicate ("issued a joint statement"), else the
    noun."""
    return cand.args.predicate if cand.args.predicate is not None else cand.trigger.token


def _no_state_voice(cand: _Candidate) -> bool:
    """Whether a statement is spoken by no state or international body: "Officials warned
    that further strikes could …", "a police spokesman said …", "the armed group said in
    a communique" are the report's sources, not the diplomacy a Statement codes (a
    government, a ministry, a president, a governor, the UN, a country or its people
    named: "Russia warned", "Russian officials", "Erdogan condemned"). The speaker is the
    subject of the statement's verb (of its support verb for a noun: "issued a joint
    statement"), else what the sentence tells before it."""
    if cand.typing.sub_event_type != _STATEMENT:
        return False
    tok = cand.trigger.token
    verb = _clause_verb(cand)
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head  # "condemned the attack and called on …"
    speakers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    sent = tok.sent
    words = [t for s in speakers for t in _naming(s)] or doc_words(tok.doc)[sent.start:tok.i]
    return not any(w.lower_ in _STATE_VOICES or w.text.replace(".", "") in BODY_ACRONYMS or
                   w.ent_type_ in ("GPE", "NORP", "PERSON") for w in words)


def _one_sided(cand: _Candidate) -> bool:
    """Whether a meeting names no second party: "the President held a meeting of the
    Security Council in Bishkek" is a government's own business, not diplomacy, which
    needs someone met ("met the envoy", "talks with the rebels", "a meeting between the
    two ministers", a summit, negotiations)."""
    if cand.typing.sub_event_type != "Meeting" or cand.trigger.lemma not in _OWN_MEETINGS:
        return False
    tok = cand.trigger.token
    verb = _clause_verb(cand)
    if cand.trigger.pos == "VERB" and any(c.dep_ in ("dobj", "conj") for c in tok.children):
        return False  # "met the envoy"
    if cand.trigger.pos == "VERB" and any(
            s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.subtree)
            for s in tok.children if s.dep_ == "nsubj"):
        return False  # "the foreign ministers of Rwanda and Congo met"
    return not any(t.lower_ in ("with", "between", "among")
                   for t in (*tok.subtree, *verb.children))


def _naming(phrase: Word) -> list[Word]:
    """The words that name who a noun phrase is: itself and its modifiers, with the
    objects of "of" ("the embassies of France"), not where it is ("a spokesman in Kano")."""
    out = [phrase]
    for child in phrase.children:
        if child.dep_ != "prep" or child.lower_ == "of":
            out.extend(_naming(child))
    return out


def _source_of_the_report(cand: _Candidate) -> bool:
    """Whether a mention tells where the report's information comes from, not a
    happening: "according to a statement released on Monday by the police", or the
    reporter's own newsgathering ("We spoke by telephone to the mayor"), or what the
    report was updated with ("UPDATED at 10:40 with the new death toll and the statement
    of the Public Security Secretariat")."""
    tok = cand.trigger.token
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0 and \
            doc_words(tok.doc)[tok.head.i - 1].lower_ == "according":
        return True
    added = tok
    while added.dep_ == "conj" and added.head.i != added.i:
        added = added.head
    if added.dep_ == "pobj" and added.head.lower_ == "with" and \
            lemma(added.head.head) in _EDITS:
        return True
    return lemma(tok) in NEWSGATHERING_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in tok.children) and \
        not _in_quotes(tok)


def _source_of_the_told(cand: _Candidate, cands: list[_Candidate], onto: Ontology) -> bool:
    """Whether a statement is where the sentence's violence is told from: what it says is
    a violent happening of the sentence ("Niger's defence ministry said in a statement
    read on state television in Niamey that four soldiers were killed", "issued a
    statement saying two soldiers were killed", "two soldiers were killed, the army said
    in a statement"). The report's source of the news, not a diplomatic act where it
    was read."""
    if cand.typing.sub_event_type != _STATEMENT:
        return False
    tok = cand.trigger.token
    speaker = {tok.i, _clause_verb(cand).i}
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        speaker.add(tok.head.head.i)  # "said in a statement"
    elif tok.dep_ == "dobj":
        speaker.add(tok.head.i)  # "issued a statement"
    for other in cands:
        if other is cand or onto.event_type_of(other.typing.sub_event_type) not in \
                VIOLENT_EVENT_TYPES:
            continue
        told = _clause_verb(other)
        if any(t.dep_ == "parataxis" and t.head.i == told.i for t in (
                doc_words(tok.doc)[i] for i in speaker)):
            return True  # "…, the army said"
        for _ in range(3):  # "said … that four soldiers were killed", "a statement saying"
            if told.dep_ not in ("ccomp", "acl", "conj") or told.head.i == told.i:
                break
            told = told.head
            if told.i in speaker:
                return True
    return False


def _told_in_court(cand: _Candidate) -> bool:
    """Whether a mention is what a witness tells a court ("a survivor told the court that
    the gunmen opened fire", "an officer testified that the vehicle had been hit"): a
    court hears an account of a happening it judges, which came before the trial; the
    hearing's day is not the happening's, and the account is no new happening."""
    tok = cand.trigger.token
    content = False
    while tok.head.i != tok.i:
        content = content or tok.dep_ == "ccomp"
        tok = tok.head
        if not content or tok.pos_ not in ("VERB", "AUX"):
            continue
        if lemma(tok) == "testify":
            return True
        if lemma(tok) in _ACCOUNTS and any(
                lemma(w) in _COURT for c in tok.children if c.dep_ in _ADDRESSED
                for w in c.subtree):
            return True
    return False


def _announced(cand: _Candidate, onto: Ontology) -> bool:
    """Whether a protest is what someone announced ("a teachers' union has announced a
    march in Tuxtla on Tuesday"): a protest is announced before it is held, so the
    announcement tells one to come, whatever day the parse gives it."""
    tok = cand.trigger.token
    return cand.trigger.pos == "NOUN" and tok.dep_ == "dobj" and \
        lemma(tok.head) == "announce" and \
        onto.event_type_of(cand.typing.sub_event_type) == "Protests"


def _in_quotes(tok: Word) -> bool:
    """Whether a token is inside quotation marks opened before it in its paragraph (a
    straight quote opens or closes, a curly one opens or closes as it is drawn; a closing
    mark left over from an earlier paragraph opens nothing)."""
    text, end = doc_text(tok.doc), tok.idx
    start = text.rfind("\n", 0, end) + 1
    # (the last curly mark sets the state, each straight one after it flips it: found
    # with the string's own searches, not read a character at a time)
    curly = max(text.rfind("\u201c", start, end), text.rfind("\u201d", start, end))
    if curly < 0:
        return text.count('"', start, end) % 2 == 1
    return (text[curly] == "\u201c") != (text.count('"', curly + 1, end) % 2 == 1)


_QUOTES = "\"\u201c\u201d"


def _words_quoted(cand: _Candidate, sent: Span, onto: Ontology) -> bool:
    """Whether violence is told only inside a phrase a speaker is quoted with in the
    writer's sentence ("condemned on Friday "the heinous killings in Bosso"", "there
    would be "no negotiation with those who murder""), with no day of its own: what was
    said, not a happening the sentence tells. Not a quotation that opens the sentence
    or began before it (a speaker's own account: ""Gunmen came at night," a witness
    said"), a quoted clause that tells the happening itself, its doer or its verb quoted
    with it ("Reuters reported "three bombs exploded in Hit"", ""The blast killed 15
    people""), a single word quoted in the writer's own telling ("said five assailants
    had been "neutralised""), or a quoted act the sentence dates ("said it had "stormed
    a base" in Bankilare on Friday")."""
    tok = cand.trigger.token
    if onto.event_type_of(cand.typing.sub_event_type) not in VIOLENT_EVENT_TYPES or \
            not _in_quotes(tok):
        return False
    text = doc_text(tok.doc)
    before = text[sent.start_char:tok.idx]
    opening = sent.start_char + max(before.rfind(q) for q in _QUOTES)
    if opening < sent.start_char or not text[sent.start_char:opening].strip():
        return False
    ends = [k for k in (text.find(q, tok.idx, sent.end_char) for q in _QUOTES) if k >= 0]
    closing = min(ends, default=sent.end_char)

    def quoted(word: Word) -> bool:
        return opening < word.idx < closing

    if tok.pos_ == "VERB":
        told = any(c.dep_ in ("nsubj", "nsubjpass") and quoted(c) and
                   c.lower_ not in ("who", "which", "that")
                   for c in _clause_head(tok).children)
    else:  # a noun: the verb of its clause ("killed in three blasts", "condemned …")
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        told = verb is not None and quoted(verb)
    alone = not text[opening + 1:tok.idx].strip() and closing - tok.idx - len(tok.text) <= 1
    dated = cand.date is not None and cand.date.precision != UNRESOLVED and \
        cand.date.attached and not cand.date.telling
    return not (told or alone or dated)


def _taken_for_care(cand: _Candidate) -> bool:
    """Whether a movement tells the wounded taken for care ("8 were evacuated to the
    provincial hospital in Bol", "airlifted to a clinic"): the care of the hurt, which the
    happening that hurt them counts, not a change in what a group does."""
    tok = cand.trigger.token
    return lemma(tok) in CARE_VERBS and any(
        c.dep_ == "prep" and c.lower_ in ("to", "for") and any(
            g.dep_ == "pobj" and lemma(g) in CARE_PLACES for g in c.children)
        for c in tok.children)


def _in_care(cand: _Candidate) -> bool:
    """Whether a consequence is told where the hurt were cared for ("the victims who died
    in hospital in Maiduguri", "succumbed to his wounds at a clinic in Goma"): the
    hospital's town is where the wounded were treated, not where the happening that hurt
    them took place."""
    tok = cand.trigger.token
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
        g.dep_ == "pobj" and (lemma(g) in CARE_PLACES or _care_named(g))
        for g in c.children) for c in tok.children)


def _care_town(root: Word | None) -> bool:
    """Whether a place is told as the town of a place of care ("at the Bokaro Institute
    of Medical Sciences in Ranchi", "a hospital in Goma")."""
    if root is None or root.dep_ != "pobj" or root.head.lower_ not in ("in", "at"):
        return False
    noun = root.head.head
    return noun.i != root.head.i and (lemma(noun) in CARE_PLACES or _care_named(noun))


def _care_named(noun: Word) -> bool:
    """Whether a name calls its place one of care ("the Rajendra Institute of Medical
    Sciences", "Al-Shifa Hospital")."""
    return noun.pos_ == "PROPN" and any(
        t.lower_ in CARE_PLACES or t.lower_ == "medical" for t in noun.subtree)


def _relief_work(cand: _Candidate) -> bool:
    """Whether a movement of forces is told as relief work ("Soldiers and police joined
    rescue teams digging through the mud", "troops deployed for flood relief"): help
    after a disaster, not a change in what an armed group does in a conflict."""
    tok = cand.trigger.token
    if cand.typing.sub_event_type != "Change to group/activity":
        return False
    told = [t for c in tok.children if c.dep_ in ("dobj", "prep", "xcomp", "advcl")
            for t in c.subtree]
    return any(t.pos_ == "NOUN" and lemma(t) in _RELIEF for t in told)


# verbs of going away from a place (a group that mobilises or recruits civilians is
# still changing its activity)
_DEPARTURES = frozenset({"leave", "abandon", "withdraw", "evacuate", "vacate", "retreat",
                         "relocate", "pull out", "pull back"})


def _mover(verb: Word) -> Word | None:
    """Who moves: the subject of a movement verb or of the verb it is joined to ("most of
    the teachers posted to Lafey had left"), the noun a relative clause hangs from, or
    the object of the verb an infinitive completes ("pushed thousands of families to
    abandon their lands"); the people a part is of ("most of the teachers")."""
    def subject_of(word: Word) -> Word | None:
        return next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    subject = subject_of(verb)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None and verb.dep_ == "conj":
        subject = subject_of(verb.head)
    if subject is None and verb.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if subject is None:
        return None
    part = next((p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), None)
    return part if part is not None and subject.pos_ in ("ADJ", "NUM", "PRON", "DET") \
        else subject


def _civilians_moving(cand: _Candidate, onto: Ontology) -> bool:
    """Whether a group's going away is done by civilians ("most of the teachers
    had left on the weekly convoy", "pushed thousands of herding families to abandon their
    grazing lands", "co-accused who have since withdrawn them"): people going about
    their lives, not an armed group withdrawing or leaving a place."""
    if cand.typing.sub_event_type != "Change to group/activity" or \
            cand.trigger.pos != "VERB" or cand.trigger.lemma not in _DEPARTURES:
        return False
    mover = _mover(cand.trigger.token)
    return mover is not None and people_class(mover, onto) in ("civilian", "protester")


def _left_in_a_state(cand: _Candidate) -> bool:
    """Whether a movement verb tells the state a happening left its object in, a
    resultative ("Police operation leaves seven dead in Valéria", "the storm left 12
    people dead", "left three soldiers wounded"): the toll of the happening, not a
    group leaving a place. The state is an adjective or participle that is the verb's
    object or describes it, or the predicate of a small clause ("left [at least four people
    dead]")."""
    tok = cand.trigger.token
    if cand.typing.sub_event_type != "Change to group/activity" or cand.trigger.pos != "VERB":
        return False
    def state(word: Word) -> bool:
        return word.pos_ == "ADJ" or word.tag_ == "VBN"

    return any((c.dep_ == "dobj" and c.pos_ == "ADJ") or (
        c.dep_ in ("oprd", "acomp", "advcl", "xcomp", "ccomp") and state(c)) or (
        c.dep_ == "dobj" and any(d.dep_ in ("acl", "amod") and d.i == c.i + 1 and state(d)
                                 for d in c.children))  # "left three soldiers wounded"
        for c in tok.children)


def _no_base_set_up(cand: _Candidate, onto: Ontology) -> bool:
    """Whether a verb of setting up is coded as a base established while what it sets up is
    no base: the base word must head the verb's object or subject ("the army opened a new
    post", "a camp was set up", "the rebels' headquarters opened"), not sit elsewhere in
    the clause ("the trial over the post-election killings opened", "set up a committee
    on the attacks on army posts")."""
    if cand.typing.sub_event_type != _BASE_SET_UP or cand.trigger.pos != "VERB":
        return False
    bases = onto.words("base")
    heads = [c for c in cand.trigger.token.children
             if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    named = [w for h in heads for w in [h, *(c for c in h.children if c.dep_ in (
        "compound", "conj")), *(g for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                                for g in c.children if g.dep_ == "pobj")]]
    return not any(set(lemma_forms(w)) & bases for w in named)  # ("a number of barracks")


_BASE_SET_UP = "Headquarters or base established"


def _same_doers(cand: _Candidate, onto: Ontology) -> bool:
    """Whether an undated violent mention goes on telling the happening of the sentence
    before it by its doers, named again as known ("A guard was wounded when armed men
    attacked a van. The suspects fired several shots, blew open the safe with
    explosives and escaped"): "the suspects", "the attackers", "they"."""
    if onto.event_type_of(cand.typing.sub_event_type) not in VIOLENT_EVENT_TYPES:
        return False
    verb = cand.args.predicate if cand.trigger.pos == "NOUN" else cand.trigger.token
    if verb is None:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ == "they":
        return True
    return lemma(subject) in KNOWN_DOERS and any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in subject.children)


def _road_accident(cand: _Candidate) -> bool:
    """Whether a mention tells a road accident: someone "hit by a vehicle of the governor's
    escort", "knocked down by a truck" (the vehicle is the agent of a verb of collision),
    not a car bomb ("hit by a car bomb") nor a collision done on purpose ("a truck
    deliberately hit the crowd"; "rammed", "drove into" are no verbs of collision)."""
    tok = cand.trigger.token
    if lemma(tok) not in COLLISION_VERBS or tok.pos_ != "VERB" or any(
            _explosive(c) for c in tok.children if c.dep_ in ("dobj", "prep")):
        return False  # "their vehicle hit a landmine", "ran over a mine"
    if any(c.dep_ == "advmod" and c.lower_ in DELIBERATE_ADVERBS for c in tok.children):
        return False
    agents = [c for c in tok.children if c.dep_ == "nsubj"]
    agents += [p for c in tok.children if c.dep_ == "agent" for p in c.children
               if p.dep_ == "pobj"]
    return any(lemma(a) in ROAD_VEHICLES and not _explosive(a) for a in agents)


def _explosive(phrase: Word) -> bool:
    """Whether a phrase names a bomb or a mine ("a car bomb", "a vehicle carrying
    explosives", "a landmine")."""
    weapons = load_ontology().words("weapon")
    return any(lemma(m) in weapons or m.lower_.startswith("bomb") for m in phrase.subtree)


def _cumulative(verb) -> bool:
    """Whether a clause sums up a stretch of time: the present perfect ("has carried
    out") or a "since" phrase ("… since the coup")."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children) or \
        any(c.lower_ == "since" for c in verb.children)


def _over_a_stretch(cand: _Candidate, onto: Ontology) -> bool:
    """Whether a verb sums up what was done over a stretch of time, in the present perfect
    with a "since" phrase ("The government has deployed additional troops to Lower
    Shabelle since the start of the year", "hundreds of protesters have been detained
    since June") or, undated, done to several things counted by no number ("several
    planned attacks have been foiled", not "several protesters have been detained"): a
    course of action, not one happening."""
    tok = cand.trigger.token
    if cand.trigger.pos != "VERB" or not any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve")
            for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "since" for c in tok.children):
        return True
    # "several planned attacks have been foiled", "dozens of raids have been repelled":
    # an undated count of happenings done, a tally, not one of them
    undated = cand.date is None or cand.date.precision == UNRESOLVED or not cand.date.attached
    return undated and any(
        c.dep_ in ("nsubjpass", "dobj") and c.tag_ == "NNS" and lemma(c) in onto.noun_index
        and any(d.dep_ in ("amod", "nummod", "det") and d.lower_ in _SOME_MANY
                for d in c.children) for c in tok.children)


def _running_toll(cand: _Candidate, anchor: date | None, onto: Ontology) -> bool:
    """Whether a violent verb in the present perfect sums up a conflict that began in an
    earlier year, named in its subject ("The insurgency that began in 2017 has killed more
    than 4,000 people", "Fighting between the clans, which started in 2001, has killed
    thousands"): the running total of a lasting conflict, not one happening."""
    tok = cand.trigger.token
    if anchor is None or cand.trigger.pos != "VERB" or onto.event_type_of(
            cand.typing.sub_event_type) not in VIOLENT_EVENT_TYPES or not any(
            c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in tok.children):
        return False
    before = [t for c in tok.children if c.i < tok.i and c.dep_ not in ("aux", "neg")
              for t in c.subtree]
    return any(int(y) < anchor.year and _began_then(t) for t in before
               for y in _YEAR.findall(t.text))


def _began_then(year: Word) -> bool:
    """Whether a year is when something began: the object of "since" or of a preposition
    on a verb of onset ("since 2001", "which started in 2001", "that erupted in mid-2022"),
    not the day of any act ("gunmen who escaped from prison in 2019")."""
    prep = year.head
    if year.dep_ != "pobj":
        return False
    verb = prep.head
    words = {lemma(verb)} | {f"{lemma(verb)} {c.lower_}" for c in verb.children
                             if c.dep_ == "prt"}
    return prep.lower_ == "since" or (prep.lower_ == "in" and bool(words & _ONSETS))


_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


# counts of no number that make a plural a tally of several happenings
_SOME_MANY = _TALLIES | {"several", "many", "numerous", "multiple", "various", "some"}


def _witnessed(cand: _Candidate) -> bool:
    """An undated event noun that people heard or saw ("Residents reported mortar fire",
    "explosions could be heard"): what a fight told nearby sounded like, not a second
    one (it stands alone when no such fight is told)."""
    tok = cand.trigger.token
    return cand.trigger.pos == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and \
        lemma(tok.head) in _PERCEPTIONS and (cand.date is None or not cand.date.text)


def _attribution(cand: _Candidate) -> bool:
    """Others blaming a group for an event ("the mayor blamed dissidents for the blast")
    speak about that event: they name its actor, they are no event of their own."""
    return cand.typing.sub_event_type == _CLAIM and cand.trigger.lemma in _BLAME


def _onset(tok) -> bool:
    """Whether a trigger says when a happening already named began: an onset verb with a
    definite event noun as subject ("The fire broke out on Sunday"), or that noun."""
    verb = tok.head if tok.dep_ == "nsubj" else tok
    words = {lemma(verb)} | {f"{lemma(verb)} {c.lower_}" for c in verb.children
                             if c.dep_ == "prt"}
    return bool(words & _ONSETS) and any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and (c.i == tok.i or verb.i == tok.i) and any(
            d.dep_ == "det" and d.lower_ in _DEFINITE for d in c.children)
        for c in verb.children)


def _comment(cand: _Candidate, cands: list[_Candidate]) -> bool:
    """Whether a statement reacts to a happening: it governs a mention of one that a
    reaction is about ("condemned the massacre"), or it judges or looks into one -- its
    verb, a verb joined to it or the verb of what it says condemns, deplores or
    investigates ("condemned 'barbaric acts'", "said that the death of Baleel Ahmed would
    be investigated"); a participle on the speaker ("The governor, speaking in Maroua on
    Wednesday, condemned …") speaks through its clause's verb. Told after the report's
    news, such a statement is comment on the happening, not a diplomatic act of its own
    (see :func:`_merge_document`); a report that leads with it is about it."""
    if cand.typing.sub_event_type != _STATEMENT:
        return False
    tok = cand.trigger.token
    if any(o is not cand and o.reaction == "reaction" and _governs(tok, o.trigger.token)
           for o in cands):
        return True
    verbs = [tok]
    if tok.dep_ == "acl" and tok.head.dep_ in _SPEAKERS and tok.head.head.i != tok.head.i:
        verbs.append(tok.head.head)  # "the governor, speaking in Maroua, condemned"
    said = verbs + [c for v in verbs for c in v.children if c.dep_ in ("conj", "ccomp")]
    return any(lemma(v) in _JUDGING for v in said)


def _said_at_its_own_place(cand: _Candidate) -> bool:
    """Whether a statement's sentence opens with where it was made ("In Berlin, the German
    foreign ministry condemned the massacre in Kwatas"): a statement with a scene of its
    own is a diplomatic act at that place, also when it judges the report's news (issue
    12: "a Statement in Berlin"). Other places of speaking stay the report's sources
    (measured on the golden reports: "condemned the Bannu attack in a statement from
    Islamabad" and "the governor, speaking in Maroua, condemned" are coded as no event
    there), and a bare "condemned the attack in Kidal" names the happening's place."""
    path = path_to_place(cand.trigger.token, cand.location)
    return bool(path) and path[0].dep_ == "prep" and path[0].i < cand.trigger.token.i and \
        path[0].lower_ in _SPEAKER_PREPS


def _governs(verb: Word, noun: Word) -> bool:
    """Whether ``noun`` hangs on ``verb`` within the few steps a reaction reaches
    ("condemned *the attack*", "condemned the killing *of the farmers*")."""
    tok = noun
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == verb.i:
            return True
    return False


def _reaction_to(trigger: Trigger) -> str:
    """``reaction`` for an event noun that a reaction is about ("condemned the massacre",
    "an investigation into the killings", "claimed responsibility for the bombing", "the
    toll from the shelling", "fled after the attack"), ``commemoration`` for one a
    look back is about ("two years since the collapse"), ``onset`` for the start of a
    happening already named ("The fire broke out on Sunday"), else ''."""
    if _onset(trigger.token):
        return "onset"
    if trigger.pos != "NOUN":
        return ""
    tok = trigger.token
    if tok.dep_ == "attr" and lemma(tok.head) == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in tok.head.children):
        return "reaction"  # "It was the second strike on the area": the strike just told
    told_anew = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
    while tok.dep_ == "conj" and tok.head.pos_ == "NOUN" and tok.head.i != tok.i:
        tok = tok.head  # "charged with terrorism, murder and attempted murder"
    for _ in range(4):
        if tok.dep_ not in _REFERENCE_LINKS or tok.head.i == tok.i:
            return ""
        tok = tok.head
        if lemma(tok) in _SEQUELS and told_anew:
            return ""  # "rescued 12 captives after a gunfight with the kidnappers": an
            # indefinite noun after "after" introduces its happening, it refers to none
        if lemma(tok) in _REACTIONS:
            return "commemoration" if any(lemma(word(t)) in _JUDICIAL for t in tok.sent) \
                else "reaction"
        if lemma(tok) in _COMMEMORATIONS or any(
                c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
            return "commemoration"  # "the second strike since a ceasefire took effect"
    return ""


def _victim_event(cands: list[_Candidate], onto: Ontology) -> _Candidate | None:
    """The one event of a sentence that its casualty figures belong to: the first violent
    one, else the first protest or disaster (never two: that would count the dead
    twice)."""
    def family(c: _Candidate) -> str:
        return onto.event_type_of(c.typing.sub_event_type)

    for wanted in (lambda c: family(c) in VIOLENT_EVENT_TYPES,
                   lambda c: family(c) == "Protests" or c.typing.sub_event_type
                   in _WITH_VICTIMS):
        found = [c for c in cands if wanted(c)]
        if found:  # the one the killing is told of ("…; a drone struck a market, killing
            # eight"), else the first
            return next((c for c in found if any(m.trigger.lemma in CONSEQUENCES
                                                 for m in c.merged)), found[0])
    return None


def _drop_dateline_actors(args: Arguments, dateline: range) -> None:
    """The dateline's place ("MAKURDI, Nigeria, April 14 — Gunmen killed …") is no actor."""
    if args.actor1_token is not None and args.actor1_token.idx in dateline:
        args.actor1, args.actor1_token = None, None
    if args.actor2_token is not None and args.actor2_token.idx in dateline:
        args.actor2, args.actor2_token = None, None


def _sentence_toponyms(sentences: list[Span], toponyms: list[Toponym],
                       filed: range) -> list[list[Toponym]]:
    """The toponyms inside each sentence (those in ``filed``, the dateline's place, left
    out), found by bisection: linear in the number of toponyms."""
    ordered = sorted((t for t in toponyms if t.start not in filed), key=lambda t: t.start)
    starts = [t.start for t in ordered]
    out = []
    for sent in sentences:
        lo = bisect.bisect_left(starts, sent.start_char)
        hi = bisect.bisect_left(starts, sent.end_char)
        out.append([t for t in ordered[lo:hi] if t.end <= sent.end_char])
    return out


# what every dotted numeric date (NUMERIC_DATE) holds: a text without it has none (this
# is found much faster than the dates themselves)
_DOTTED = re.compile(r"\d\.[01]?\d\.")


def _sentence_dates(sentences: list[Span], text: str, toponyms: list[Toponym]
                    ) -> list[list[Span]]:
    """The DATE and TIME entities of each sentence, in one pass over the document's
    entities (``Span.ents`` scans them all for every sentence), and the years the
    tagger left out ("The summer of 2020 saw …" untagged in a long report). An entity
    inside a resolved toponym is a place the tagger misread ("in Mahaday" DATE), no date."""
    from spacy.tokens import Span as SpanType

    out: list[list[Span]] = [[] for _ in sentences]
    if not sentences:
        return out
    doc = sentences[0].doc
    starts = [s.start for s in sentences]
    years = []
    offsets = token_starts(doc)  # (read once per document, by the recogniser too)
    # years and days written in figures ("On 15.02.2026, …") that the tagger left out or
    # read as counts: a number it put in a name or a sum ("the Route 1960 bus station",
    # "the Hotel 2000", "$1950") is none; only untagged numbers and bare counts are, and
    # only as a whole token
    patterns = (YEAR_IN_TEXT, NUMERIC_DATE) if _DOTTED.search(text) else (YEAR_IN_TEXT,)
    for pattern in patterns:
        for match in pattern.finditer(text):
            i = bisect.bisect_left(offsets, match.start())
            if i < len(offsets) and offsets[i] == match.start() and \
                    doc[i].text == match.group() and doc[i].ent_type_ in ("", "CARDINAL"):
                years.append(SpanType(doc, i, i + 1, label="DATE"))
    for match in DEICTIC_DAY.finditer(text):
        i = bisect.bisect_left(offsets, match.start())
        j = bisect.bisect_left(offsets, match.end())  # the token after the expression
        if i < j and offsets[i] == match.start() and \
                all(doc[k].ent_type_ == "" for k in range(i, j)) and \
                doc[j - 1].idx + len(doc[j - 1].text) == match.end():
            years.append(SpanType(doc, i, j, label="DATE"))
    placed = [(t.start, t.end) for t in toponyms if t.place is not None]
    dated = [e for e in doc.ents if e.label_ in ("DATE", "TIME") and not any(
        s <= e.start_char and e.end_char <= t for s, t in placed)]  # (sorted: only these)
    for ent in sorted([*dated, *years], key=lambda e: e.start):
        ent = _without_a_clause(ent)
        i = bisect.bisect_right(starts, ent.start) - 1
        if i >= 0 and ent.end <= sentences[i].end:
            out[i].append(ent)
    return out


def _without_a_clause(ent: Span) -> Span:
    """A date entity cut before the first verb in it: the tagger runs a date on into the
    clause it opens ("The ceasefire of November 27, 2024 ended more than a year of
    fighting" tagged 'November 27, 2024 ended more than a year', then read as a duration),
    and a time expression has no verb of its own."""
    from spacy.tokens import Span as SpanType

    words = doc_words(ent.doc)
    for k in range(ent.start + 1, ent.end):
        if words[k].pos_ in ("VERB", "AUX"):
            end = k
            while end > ent.start + 1 and words[end - 1].pos_ == "PUNCT":
                end -= 1
            return SpanType(ent.doc, ent.start, end, label=ent.label_)
    return ent


def _period(info: DateInfo | None) -> tuple[date, date] | None:
    """The first and last day a resolved date stands for."""
    if info is None or info.date is None or info.precision == UNRESOLVED:
        return None
    start = date.fromisoformat(info.date)
    if info.precision == DAY:
        return start, start
    if info.precision == WEEK:
        return start, start + timedelta(days=6)
    if info.precision == MONTH:
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, nxt - timedelta(days=1)
    return start, date(start.year, 12, 31)


def is_background(info: DateInfo | None, reference: date | None) -> bool:
    """Whether a mention's date lies well before the report's date: a year ("the 2018
    fire", "last year"; "this year" sums up or looks back: "the attack brings to 50 the
    officers killed this year"), or a day, week or month that ended more than
    :data:`_BACKGROUND_DAYS` days before it ("in June", told in September, is history
    quoted for comparison)."""
    span = _period(info)
    if span is None or reference is None or info is None:
        return False
    if info.precision == YEAR:
        return span[0] <= reference
    return span[1] < reference - timedelta(days=_BACKGROUND_DAYS[info.precision])


def _out_of_time(cand: _Candidate, reference: date | None, latest: date | None) -> str:
    """Why a mention is not a new event of this report ('' when it is one)."""
    if is_background(cand.date, reference):
        return "background"
    span = _period(cand.date)
    if span is not None and latest is not None and span[0] > latest:
        return "future"
    return ""


def _latest(published: date | None, anchor: date | None) -> date | None:
    """The latest day a report can tell of: the later of its publication date and the
    dateline's day it is filed under (None without a dateline day or publication date)."""
    return max(d for d in (published, anchor) if d is not None) if anchor else None


def extract(doc: Doc, toponyms: list[Toponym], *, published: str | date | None = None,
            doc_id: str | None = None, nlp: Language | None = None) -> list[Event]:
    """The events of a parsed document, in text order."""
    try:
        return _extract(doc, toponyms, published=published, doc_id=doc_id, nlp=nlp)
    finally:  # the document's words are done with: free them now (see tokens.release)
        forget_words(doc)
        forget_backgrounds(doc)
        forget_unrecognised(doc)
        release(doc)


def _extract(doc: Doc, toponyms: list[Toponym], *, published: str | date | None,
             doc_id: str | None, nlp: Language | None) -> list[Event]:
    onto = load_ontology()
    if nlp is None:  # (the pipeline the document came from, else the default model)
        from geoevents import nlp as nlp_module

        nlp = nlp_module.load()
    ensure_lemmas(doc, nlp)
    tables = lemma_tables(nlp)
    unglue_places(doc, toponyms)
    base = parse_published(published)
    text = doc_text(doc)
    dateline = find_dateline(text, base)
    # (a round-up with no dateline counts its weekdays back from the last day it covers)
    anchor = dateline.date if dateline is not None and dateline.date is not None else \
        covered_until(text, base) or base
    latest = _latest(base, anchor)
    # (a dateline after the headline: the headline's days are the report's, its own not)
    skip = dateline.end if dateline is not None and not dateline.start else 0
    opening = range(dateline.start, dateline.end) if dateline is not None else range(0)
    sentences = list(doc.sents)
    sentence_lemmas = [_lemma_set(s) for s in sentences]
    sports = sports_report(sentences, sentence_lemmas, onto)
    place_filed = range(opening.start, dateline.place_end if dateline is not None else 0)
    places = _sentence_toponyms(sentences, toponyms, place_filed)
    known_names = _resolved_names(toponyms)
    names = country_names(toponyms)
    # the starts of the places a reaction's speaker is at ("In Berlin, the ministry
    # condemned the massacre"): no place the fallback lends a happening (see _fall_back)
    speakers: set[int] = set()
    dates = _sentence_dates(sentences, text, toponyms)
    # a later paragraph that opens with its own dateline is filed on its own day
    refiled = later_datelines(text, base)
    # (and a line holding only the day an update was issued dates no event)
    filing = [(d.start, d.end) for d in refiled] + issue_lines(text) + \
        ([(opening.start, opening.stop)] if opening.start else [])
    if filing:
        dates = [[e for e in ents if not any(a <= e.start_char < b for a, b in filing)]
                 for ents in dates]
    first_anchor = anchor
    found: list[_Candidate] = []
    summaries: list[_Candidate] = []  # tellings of separate happenings (they set the time)
    days: list[Event] = []  # the days sentences tell without a dated event (see _day_told)
    planned: list[Span] = []  # sentences that tell only what is to come (see _unplanned)
    told_before: DateInfo | None = None  # the date of the last dated event told
    told_paragraph = -2  # ... and its paragraph
    # (paragraph, sentence) of the last sentence that told a dated violent event
    violent_before: tuple[int, int] | None = None
    # the paragraph whose last violence told is history ("The ambush, on 14 August 2025,
    # killed six"), None once violence of the news is told after it (see _looks_back)
    looked_back: int | None = None
    headings = line_headings(text, anchor)
    if headings:  # a line's time label dates the line's events (see _date_from_heading),
        # never the sentence before it that the parser ran on into the label
        dates = [[e for e in ents if not _is_label(e, headings, text)] for ents in dates]
    paragraph = _paragraphs(sentences, text)
    # the time the paragraph last told, and whether a sentence without events told it
    # ("On Tuesday, in Lyon, farmers dumped manure …")
    scene_time: list[DateInfo] = []
    scene_setting = False
    scene_year: int | None = None  # the past year the paragraph is set in (_year_set)
    for i, sent in enumerate(sentences):
        if i and paragraph[i] != paragraph[i - 1]:
            scene_time, scene_setting, scene_year = [], False, None
        if refiled:
            filed = next((d.date for d in reversed(refiled) if d.start <= sent.start_char),
                         None)
            anchor = filed or first_anchor
            latest = _latest(base, anchor)
        told = sentence_dates(dates[i], anchor, skip_before=skip)
        lowered = f" {' '.join(document_words(doc).lowers[sent.start:sent.end])} "
        # (a weekday names a day of the report's own week: "On Thursday (Feb. 12), …")
        past_year = None if weekdays_named(lowered) else scene_year
        on_a_day = _on_a_day(dates[i], sent) if past_year is not None else set()
        if past_year is not None:
            told = [in_the_year(t, past_year) if t.text in on_a_day else t for t in told]
        scene_year = _year_set(dates[i], sent, told, anchor, scene_year)
        scene = set().union(*sentence_lemmas[max(0, i - 1): i + 2])
        cands = []
        ahead = False  # the sentence tells a planned or hypothetical happening
        for trig in find_triggers(sent, onto, tables):
            if trig.modality in NON_EVENTS:
                ahead = ahead or trig.modality in _AHEAD
                continue
            args = extract_arguments(trig, onto)
            if opening:
                _drop_dateline_actors(args, opening)
            typing = classify(trig, args, onto, sentence=sentence_lemmas[i], text=lowered,
                              scene=scene)
            if typing is not None and not _target_of_violence(trig, typing, onto) and \
                    not comparison_point(trig.token):
                cands.append(_Candidate(trig, args, typing, i))
        if not cands:
            if ahead or _dated_ahead(dates[i], anchor, latest):
                planned.append(sent)
            else:
                days.extend(_day_told(sent, day) for day in _present_day(told, anchor))
                if told and told[0].precision == DAY and not is_background(told[0], anchor):
                    # "Funeral prayers were held on Monday. Hours later, a suicide bomber
                    # …": what is told next as happening then is dated by the time last
                    # told, whether or not what was told then is an event
                    told_before, told_paragraph = told[0], paragraph[i]
            scene_time, scene_setting = (told, True) if told else (scene_time, False)
            continue
        cands = _merge_sentence(cands, onto, places[i])
        dead, hurt = casualties(sent, onto)
        victim = _victim_event(cands, onto)
        if victim is not None and onto.event_type_of(victim.typing.sub_event_type) in _CROWDS:
            # the dead a protest is about ("demanding the prosecution of those responsible
            # for the collapse … that killed 16 people") are not its toll
            dead, hurt = casualties(sent, onto, lambda t: protest_background(t, onto))
        if victim is not None:
            victim.args.fatalities = dead
            if hurt is not None:
                victim.args.quantities.append(f"{hurt} injured")
        # (the dateline's words are no place the parse can link: "KYIV, Ukraine, May 3 —")
        here = [(_read_as_elsewhere(m, root, known_names), root)
                for m, root in sentence_candidates(sent, places[i]) if m.start not in place_filed]
        for cand in cands:
            own = _happening_places(cand.trigger.token, here)
            speakers.update(m.start for m, _ in here if all(m is not o for o, _ in own))
            cand.location = locate(cand.trigger.token, _anchors(cand, onto), sent, places[i],
                                   own, names)
            if cand.typing.sub_event_type in _SPEECH_ACTS and _what_is_said_about(
                    cand.trigger.token, cand.location):
                cand.location = NOWHERE  # "condemned the shelling of Taiz", "called on
                # Iran to investigate": the topic or the addressee, not where it was said
            elif cand.typing.sub_event_type not in _SPEECH_ACTS and _where_it_was_said(
                    cand.trigger.token, cand.location):
                cand.location = NOWHERE
            if not cand.location.linked and onto.event_type_of(
                    cand.typing.sub_event_type) in _NO_SETTING:
                cand.location = NOWHERE  # "Moscow offered to mediate as tensions around
                # Jenin remain": a diplomatic act does not happen in the sentence's setting
            cand.reaction = _reaction_to(cand.trigger)
            cand.reference = bool(cand.reaction) or _attribution(cand)
            # the day an onset tells ("The fighting broke out on Tuesday") is the
            # happening's first; a reaction's own day is not the happening's
            cand.date = event_date(cand.trigger.token, cand.args.predicate, dates[i], anchor,
                                   skip_before=skip,
                                   attached_only=cand.reference and cand.reaction != "onset")
            if past_year is not None and cand.date.text in on_a_day:
                cand.date = in_the_year(cand.date, past_year)
            cand.reference = cand.reference or _is_repeat_mention(cand) or \
                _victims_described(cand) or _crowd_described(cand, onto) or \
                _answers_the_told(cand) or \
                _damage_to_the_target(cand, found, paragraph, i, onto)
            if not cand.reference and _account_told_again(cand, here, found, onto):
                cand.reference, cand.location = True, NOWHERE  # the speaker's place only
            cand.accompanying = cand.trigger.lemma in CONSEQUENCES or \
                cand.typing.sub_event_type in _ACCOMPANYING | {_ARRESTS} or \
                _witnessed(cand) or _ends_another(cand, onto) or _seizure(cand)
            if cand.date.telling and not cand.reference:
                _date_before_the_telling(cand, scene_time, told_before
                                         if paragraph[i] == told_paragraph else None)
            if told_before is not None and not cand.reference:
                _date_from_before(cand, told_before, lowered, onto)
            if not cand.reference:
                _date_from_heading(cand, headings, text)
            if cand.date.precision == UNRESOLVED:
                cand.history = (_refers_to_the_past(cand, told, anchor) or
                                _looks_back(cand, looked_back == paragraph[i], onto)) \
                    if cand.reference else _in_a_past_scene(told, scene_time, anchor)
                if not cand.history and not cand.reference and not told and scene_setting:
                    cand.date = _scene_date(scene_time)
                cand.reference = cand.reference or (
                    violent_before == (paragraph[i], i - 1) and _same_doers(cand, onto))
        for cand in cands:
            cand.comment = _comment(cand, cands) and not _said_at_its_own_place(cand)
        _share_carried_places(cands, onto)
        _setting_of_another_day(cands)
        if victim is not None and victim.reference and _TOLL_RISE.search(lowered):
            victim.toll_update = True
        kept = [c for c in cands if not _out_of_time(c, anchor, latest) and not c.history
                and not _recurring(c)
                and not _describes_participant(c, onto) and not _not_a_happening(c, onto)
                and not _time_of_the_news(c)
                and not _road_accident(c) and not _asked(c)
                and not _source_of_the_report(c) and not _source_of_the_told(c, cands, onto)
                and not _told_in_court(c) and not _announced(c, onto)
                and not _taken_for_care(c) and not _words_quoted(c, sent, onto)
                and not _arrests_protested(c, onto)
                and not _relief_work(c) and not _left_in_a_state(c)
                and not _no_base_set_up(c, onto)
                and not _civilians_moving(c, onto)
                and not _no_state_voice(c) and not _one_sided(c)
                and not _over_a_stretch(c, onto) and not _running_toll(c, anchor, onto)
                and not _target_described(c, cands, onto)
                and not _counted_over_a_stretch(c, onto) and not _summed_up(c, found, onto)
                and not _separate_happenings(c)
                and not (sports and _play_told_as_war(sentence_lemmas[i], onto))]
        kept = [k for c in kept for k in [c, *_at_coordinated_towns(c, places[i], doc),
                                          *_gapped(c, places[i], dates[i], anchor, skip)]]
        if victim is not None and dead is not None and all(c is not victim for c in kept) \
                and _not_a_happening(victim, onto):
            # "Fighting between gangs killed 14 inmates, the latest in a string of
            # massacres": the run a happening is in takes no figures; its happening does
            heir = _victim_event(kept, onto)
            if heir is not None and heir.args.fatalities is None:
                heir.args.fatalities = dead
        # (the day a telling names is the report's, not the time the narrative is in);
        # a summary of separate happenings sets the time of those it tells next
        separate = [c for c in cands if _separate_happenings(c)]
        summaries += separate
        timed = kept + separate
        dated = next((c.date for c in reversed(timed) if c.date is not None
                      and c.date.precision != UNRESOLVED and not c.date.telling), None)
        if dated is not None:
            told_before, told_paragraph = dated, paragraph[i]
        elif not (ahead or _dated_ahead(dates[i], anchor, latest)) and all(
                c.date is None or c.date.precision == UNRESOLVED for c in timed):
            days.extend(_day_told(sent, day) for day in _present_day(told, anchor))
        if any(onto.event_type_of(c.typing.sub_event_type) in VIOLENT_EVENT_TYPES and
               c.date is not None and c.date.precision != UNRESOLVED for c in timed):
            violent_before = (paragraph[i], i)
        for c in cands:
            if onto.event_type_of(c.typing.sub_event_type) in VIOLENT_EVENT_TYPES:
                looked_back = None if c in kept else paragraph[i] if (
                    c.history or _out_of_time(c, anchor, latest) == "background") \
                    else looked_back
        if not kept and (ahead or any(_out_of_time(c, anchor, latest) == "future" or
                                      _announced(c, onto) for c in cands)):
            planned.append(sent)
        found.extend(kept)
        scene_time, scene_setting = (told or scene_time), False
    for lede in [c for c in found if _told_one_by_one(c, found, onto)]:
        found.remove(lede)
        summaries.append(lede)
    # (a lone reading abroad stands for no paragraph's place: see stray)
    _fall_back(found, sentences, [
        (tier, m) for tier, m in context_places(
            doc, _unplanned(_one_place_per_name(toponyms, found), planned),
            filed=place_filed) if not stray(m, names) and m.start not in speakers],
        paragraph, onto, places)
    _local_in_province(found, [m for m in _unplanned(toponyms, planned)
                               if not stray(m, names) and m.start not in speakers],
                       place_filed)
    mentions = [(_to_event(cand, sentences[cand.sentence], text, doc_id, onto), cand)
                for cand in found]
    told_days = _told_days(mentions)  # (before the merge changes the events' dates)
    scenes = [_to_event(cand, sentences[cand.sentence], text, doc_id, onto)
              for cand in summaries] + days
    return _date_by_the_narrative(_merge_document(mentions, onto), told_days, scenes)


def _present_day(told: list[DateInfo], anchor: date | None) -> list[DateInfo]:
    """The first day of the report's present a sentence tells (none, or one), past the
    background it may also name ("… killed eight years ago sat outside the courthouse on
    Wednesday")."""
    return [t for t in told if t.precision == DAY and not is_background(t, anchor)][:1]


def _day_told(sent: Span, day: DateInfo) -> Event:
    """The day a sentence tells without a dated event ("A court in Cuenca on Tuesday
    sentenced nine inmates …", "Relatives sat in silence outside the courthouse on
    Wednesday"), as a scene of :func:`_date_by_the_narrative`: the report goes on in
    that day ("… held a protest during the three-hour hearing")."""
    return Event(id="", event_type="", sub_event_type="", trigger="",
                 trigger_start=sent.start_char, trigger_end=sent.start_char,
                 sentence=sent.text, date=day.date, date_precision=day.precision,
                 date_text=day.text)


def _told_days(mentions: list[tuple[Event, _Candidate]]) -> set[tuple[str, str]]:
    """The (date, words) of the days the report's tellings name ("the ministry said on
    Wednesday") that no violent happening's own words name."""
    told = {(e.date, e.date_text) for e, c in mentions if e.date and e.date_text
            and c.date is not None and c.date.telling}
    return told - {(e.date, e.date_text) for e, c in mentions
                   if c.date is not None and not c.date.telling
                   and e.event_type in VIOLENT_EVENT_TYPES}


def _date_by_the_narrative(events: list[Event],
                           told_days: set[tuple[str, str]] | None = None,
                           scenes: Sequence[Event] = ()) -> list[Event]:
    """Date each event the text gives no time of its own by the event told before it
    ("Supporters of two parties threw stones at each other outside a polling station on
    Thursday. Police fired tear gas to disperse them."): a report goes on in the time it
    last set, as an analyst reads it. Events before the first dated one stay undated, and
    so does a speech act told after violence ("… struck two sites on the evening of May 14.
    The Russian ministry commented on the situation"): what is said is said when reported,
    not on the day of the strike it speaks about. ``scenes`` are summaries that are no
    events ("three separate attacks … on Tuesday") and the days sentences tell without a
    dated event ("A court in Cuenca on Tuesday sentenced nine inmates", see
    :func:`_day_told`): they set the time of what follows them as an event would."""
    before: Event | None = None
    scene_ids = {id(e) for e in scenes}
    for event in sorted([*events, *scenes], key=lambda e: e.trigger_start):  # text order
        if id(event) in scene_ids:
            if event.date is not None and event.date_precision != UNRESOLVED:
                before = event
            continue
        if before is not None and _day_of_the_telling_only(event, before, told_days or set()):
            event.reason += (f"; {event.date_text!r} is the day it was told: dated "
                             f"{before.date} like the {before.sub_event_type.lower()} "
                             f"told before it")
            event.date, event.date_precision, event.date_text = (
                before.date, before.date_precision, before.date_text)
        elif event.date is not None and event.date_precision != UNRESOLVED:
            before = event
        elif before is not None and not (event.sub_event_type in _SPEECH_ACTS and
                                         before.event_type in VIOLENT_EVENT_TYPES):
            event.date, event.date_precision = before.date, before.date_precision
            event.reason += (f"; no time of its own: dated {before.date} like the "
                             f"{before.sub_event_type.lower() or 'day'} told before it")
    return events


def _day_of_the_telling_only(event: Event, before: Event,
                             told_days: set[tuple[str, str]]) -> bool:
    """Whether a violent event's only day is the one a telling names, up to a week after
    the day of the violent event told before it ("Jihadists carried out three attacks on
    Tuesday … dozens of fighters attacked a military post at Sagmé … The defence ministry
    said on Wednesday that five assailants had been neutralised"): the report goes on in
    the time it set; what is told happened before the telling."""
    if (event.date, event.date_text) not in told_days or event.date_precision != DAY or \
            before.date_precision != DAY or before.date is None or event.date is None or \
            event.event_type not in VIOLENT_EVENT_TYPES or \
            before.event_type not in VIOLENT_EVENT_TYPES:
        return False
    gap = (date.fromisoformat(event.date[:10]) - date.fromisoformat(before.date[:10])).days
    return 0 < gap <= _TOLD_WITHIN


def _date_from_before(cand: _Candidate, before: DateInfo, sentence: str,
                      onto: Ontology) -> None:
    """Date an undated event by the one told before it when the text says it happened
    then: "Hours later, a second drone hit …", "shelled the market during the clashes"."""
    if cand.date is not None and cand.date.precision != UNRESOLVED:
        return
    during = _during_another(cand, onto)
    said = during or same_time_as_before(sentence)
    later = days_after_before(sentence)
    if said:
        cand.date = DateInfo(before.date, before.precision, said,
                             f"{said!r}: the day of the event told before it")
    elif later is not None and before.precision == DAY and before.date is not None:
        day = date.fromisoformat(before.date) + timedelta(days=later[0])
        cand.date = DateInfo(day.isoformat(), DAY, later[1],
                             f"{later[1]!r}: counted from the day of the event told before it")


def _date_before_the_telling(cand: _Candidate, scene: list[DateInfo],
                             before: DateInfo | None) -> None:
    """Date an event whose only date is the day it was told ("At least 14 people were
    killed, the ministry said on Sunday"; "… said on Monday that the group's fighters had
    stormed the camp") by the time its paragraph set before (the night the cyclone came
    ashore), else by the event told just before it in its paragraph: what is told
    happened before the telling. The telling's day stays when neither is known or neither
    comes before it (an event told before, in another paragraph, is often another
    incident: taking its day lost more than it gained on the golden reports)."""
    told = cand.date
    if told is None or told.date is None or told.precision != DAY:
        return
    for earlier, how in ((scene[-1] if scene else None, "the time its paragraph set"),
                         (before, "the day of the event told before it")):
        if earlier is None or earlier.date is None or earlier.precision != DAY:
            continue
        gap = (date.fromisoformat(told.date) - date.fromisoformat(earlier.date)).days
        if 0 <= gap <= 7:
            cand.date = DateInfo(earlier.date, DAY, earlier.text,
                                 f"{told.text!r} is the day it was told; {how}, "
                                 f"{earlier.text!r}")
            return


def _in_a_past_scene(told: list[DateInfo], scene: list[DateInfo], anchor: date | None
                     ) -> bool:
    """Whether an undated mention in a sentence that tells no time continues a paragraph
    set in the past ("In 2014 the group seized the city. Fighters executed hundreds of
    cadets."): the narrative keeps the time last told."""
    return not told and bool(scene) and all(is_background(t, anchor) for t in scene)


def _year_set(ents: list[Span], sent: Span, told: list[DateInfo], anchor: date | None,
              year: int | None) -> int | None:
    """The past year a sentence leaves its paragraph in, for the days told next without
    a year: one a time opening the sentence names, long past ("In August 2014, Islamic
    State fighters overran Sinjar."); none once a sentence tells a time of the report's
    days; else the year it was in (a year named inside a clause, "since a raid in 2023",
    sets no scene)."""
    opening = next((e for e in ents if e.start - sent.start <= 1), None)
    if opening is not None and YEAR_IN_TEXT.search(span_text(opening)):
        info = resolve_date(span_text(opening), anchor)
        if info.date is not None and is_background(info, anchor):
            return int(info.date[:4])
    if any(not is_background(t, anchor) for t in told):
        return None
    return year


def _on_a_day(ents: list[Span], sent: Span) -> set[str]:
    """The date expressions of a sentence that tell when something happened, "on …" or
    "in …" or opening it ("on August 15"), not the end or start of a stretch ("until
    February 2", "since January", "adjourned to November 17") nor a name's part ("the
    uprising of July")."""
    words = doc_words(sent.doc)
    return {span_text(e) for e in ents
            if e.start == sent.start or words[e.start - 1].lower_ in ("on", "in")}


def _scene_date(scene: list[DateInfo]) -> DateInfo:
    """The time a sentence without events set for what its paragraph tells next: its
    first date that is no day of a telling ("the ISPR said in a statement on Friday that
    the violence began on Thursday afternoon": Thursday)."""
    first = next((t for t in scene if not t.telling), scene[0])
    return DateInfo(first.date, first.precision, first.text,
                    f"{first.reason}, the time the paragraph set before it")


def _recurring(cand: _Candidate) -> bool:
    """Whether a mention tells what recurs, dated by "each" or "every" ("demonstrators who
    gather outside parliament each evening"): a habit, not a happening. (A stretch that
    ends now, "over the past week", is not read so: CASE 2021 codes such summaries as
    events, and dropping them lowered its check half.)"""
    told = cand.date.text if cand.date is not None else None
    if told is not None and _RECURRING.search(told.lower()) is not None:
        return True
    # "the island is hit by several cyclones every year": the same words on the clause's
    # verb, when the date reader took them for no date
    verb = _clause_verb(cand)
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ in ("npadvmod", "advmod") and lemma(c) in _PERIODS and any(
        d.dep_ == "det" and d.lower_ in ("each", "every") for d in c.children)
        for c in verb.children)


def _refers_to_the_past(cand: _Candidate, told: list[DateInfo], anchor: date | None) -> bool:
    """Whether an undated reference is to history: a look back (a trial, an anniversary)
    in a sentence that names a time long past ("sentenced on Monday for the bombings in
    October 2022"), or any reference in a sentence set wholly in the past ("The summer
    of 2020 saw nights of protest after the killing of George Floyd")."""
    past = [is_background(info, anchor) for info in told]
    return any(past) if cand.reaction == "commemoration" else bool(past) and all(past)


def _looks_back(cand: _Candidate, after_history: bool, onto: Ontology) -> bool:
    """Whether an undated reference to violence ("Prosecutors say the attack grew out of a
    land dispute", "Six passengers were killed in that attack") points back at the
    history its paragraph has just told ("The ambush, on 14 August 2025, killed six"):
    a definite noun names the happening last told of its kind, which is no news here."""
    return after_history and onto.event_type_of(cand.typing.sub_event_type) in \
        VIOLENT_EVENT_TYPES


def _is_label(ent: Span, headings: dict[int, DateInfo], text: str) -> bool:
    """Whether a date expression is the time label a line opens with ("Tuesday: …"), or
    a part of it (the "November" NER finds in "7 November: …")."""
    line = text.rfind("\n", 0, ent.start_char) + 1
    heading = headings.get(line)
    if heading is None:
        return False
    if not text[line:ent.start_char].strip():
        return True
    label = text.find(heading.text, line) if heading.text else -1
    return 0 <= label <= ent.start_char and ent.end_char <= label + len(heading.text or "")


def _date_from_heading(cand: _Candidate, headings: dict[int, DateInfo], text: str) -> None:
    """Date an undated event by the time label its line opens with ("Monday: A roadside
    bomb struck …", "11:05 — A shell has landed …")."""
    if not headings or (cand.date is not None and cand.date.precision != UNRESOLVED):
        return
    heading = headings.get(text.rfind("\n", 0, cand.trigger.token.idx) + 1)
    if heading is not None:
        cand.date = heading


def _during_another(cand: _Candidate, onto: Ontology,
                    preps: frozenset[str] = frozenset({"during", "amid", "amidst"})) -> str:
    """The phrase that sets an event during another ("during the clashes", "amid the
    fighting"; with other ``preps``, "after the clash"), or ''."""
    pred = cand.args.predicate
    for tok in [t for t in (cand.trigger.token, pred) if t is not None]:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if noun is not None and lemma(noun) in onto.noun_index:
                    return f"{prep.text} {noun.text}"
    return ""


def _ends_another(cand: _Candidate, onto: Ontology) -> bool:
    """A movement told as what came after another happening ("the fighters withdrew
    into the forest after the clash"): how that happening ended, not an event of its
    own."""
    return cand.typing.sub_event_type in _MOVEMENTS and bool(
        _during_another(cand, onto, _AFTER))


def _dated_ahead(ents: list[Span], anchor: date | None, latest: date | None) -> bool:
    """Whether a sentence is dated after the report ("… resume in Istanbul next week")."""
    if anchor is None or latest is None:
        return False
    spans = [_period(resolve_date(e.text, anchor)) for e in ents]
    return any(span is not None and span[0] > latest for span in spans)


def _unplanned(toponyms: list[Toponym], planned: list[Span]) -> list[Toponym]:
    """The toponyms outside the sentences that tell only what is to come ("Talks are
    scheduled to resume in Istanbul next week"): the place of a planned happening is not
    where the report's events happened."""
    if not planned:
        return toponyms
    # (the sentences do not overlap: only the last one starting at or before a toponym
    # can hold it, found by bisection rather than by trying every planned sentence)
    spans = sorted((s.start_char, s.end_char) for s in planned)
    starts = [start for start, _ in spans]
    out = []
    for t in toponyms:
        k = bisect.bisect_right(starts, t.start) - 1
        if k < 0 or t.start >= spans[k][1]:
            out.append(t)
    return out


def _paragraphs(sentences: list[Span], text: str) -> list[int]:
    """The paragraph of each sentence: a line break between two sentences starts one."""
    out: list[int] = []
    n, end = 0, None
    for sent in sentences:
        if end is not None and "\n" in text[end:sent.start_char]:
            n += 1
        out.append(n)
        end = sent.start_char + len(span_text(sent).rstrip())
    return out


# the precision of a place no finer than a region (see precision_of)
_COARSE = 3


_PORTS = frozenset({"port", "harbour", "harbor", "terminal", "airport"})


def _resolved_names(toponyms: list[Toponym]) -> dict[str, Toponym]:
    """The first mention the gazetteer resolved of each name of the report (casefolded),
    for the names the toponym stage passed over elsewhere (:func:`_read_as_elsewhere`)."""
    out: dict[str, Toponym] = {}
    for t in toponyms:
        if t.place is not None:
            out.setdefault(t.text.casefold(), t)
    return out


def _read_as_elsewhere(mention: Toponym, root: Word, known: dict[str, Toponym]
                       ) -> Toponym:
    """A name the toponym stage did not keep in this sentence but that names a site noun
    it stands on ("it struck 'infrastructure …' at Hodeidah port"), read as the report
    reads it where the stage resolved it ("struck Hodeidah port on Yemen's Red Sea
    coast"): one name, one place in a report. Other mentions are returned as they are
    (the stage's reasons hold there: "all times Beirut" names no place)."""
    if mention.place is not None or mention.candidates or \
            root.dep_ not in ("compound", "nmod") or root.head.i == root.i or \
            lemma(root.head) not in SITE_NOUNS | _PORTS:
        return mention
    same = known.get(mention.text.casefold())
    if same is None:
        return mention
    return replace(same, start=mention.start, end=mention.end, text=mention.text,
                   reason=f"{mention.text!r}: the report's reading of the name elsewhere, "
                          f"{same.reason}")


def _unknown_name(mention: Toponym) -> bool:
    """Whether a mention names a place the gazetteer lacks (no reading at all)."""
    return mention.place is None and not mention.candidates


def _names_of_unknowns(toponyms: list[Toponym]) -> dict[tuple[int, int], str]:
    """The name (casefolded) of each mention of a place the gazetteer lacks, by span: its
    own text, or for a relative mention ("near Ulang") the name it is told from."""
    spans = {(t.start, t.end): t.text for t in toponyms if _unknown_name(t)}
    # the innermost unknown mention that ends where this one ends: itself at least
    return {(start, end): spans[max((s, e) for s, e in spans if e == end and s >= start)]
            .casefold() for start, end in spans}


def _unknown_places(names: dict[tuple[int, int], str], resolved: set[tuple[int, int]],
                    found: list[_Candidate]) -> dict[str, tuple[int, Toponym, bool]]:
    """Where the text places each name the gazetteer lacks (``names``: the name of each
    such mention, by span): the place a sentence put an event at that name at ("an
    airstrike at a market in Ulang town in Upper Nile state": Ulang in Upper Nile, see
    :func:`~geoevents.events.location.locate`) — a place the name's own phrase names
    first ("an attack on Kwatas in Benue state" keeps Kwatas in Benue when "survivors of
    the attack on Kwatas were taken to a hospital in Makurdi": the same name is the same
    place), then the finest such place, then the first; with the precision of that
    placement. A name the toponym stage missed and the sentence found (``resolved``: the
    spans of the mentions the gazetteer resolved) counts too."""
    where: dict[str, tuple[int, Toponym, bool]] = {}
    for cand in sorted(found, key=lambda c: c.trigger.start):
        at, precision = cand.location.toponym, cand.location.precision or _COARSE
        if at is None or at.place is None or (at.start, at.end) in resolved or \
                cand.location.inferred:
            continue
        name = names.get((at.start, at.end), at.text.casefold())
        described = cand.location.described
        if name not in where or (not described, precision) < (not where[name][2],
                                                               where[name][0]):
            where[name] = (precision, at, described)
    return where


def _one_place_per_name(toponyms: list[Toponym], found: list[_Candidate]) -> list[Toponym]:
    """A name the gazetteer lacks keeps, for the whole report, the place the text puts
    it in (see :func:`_unknown_places`): a writer places a small town once ("a market
    in Ulang town in Upper Nile state"), so "officials in Ulang" two sentences on, or
    "targets near Ulang" that a spokesman in Juba named, are in Upper Nile — not
    unplaced, and not in the spokesman's city (nor at the place of the paragraph's
    other event: "the attack on the Konna post" told before the drones struck "near
    Youwarou"). An event that its own sentence placed only coarsely (precision 3: a
    region, or where the report's source is) moves there; one its sentence put beside a
    town ("fleeing towards Niafunké, about 100 kilometres east of Léré") keeps that
    town, unless only the sentence's other places put it there while the text placed
    the name by its own phrase ("Kwatas in Benue state"). The document's mentions are
    returned with each such name placed, so that they say where their paragraph is (see
    :func:`_fall_back`). A name no sentence places stays unresolved."""
    names = _names_of_unknowns(toponyms)
    where = _unknown_places(names, {(t.start, t.end) for t in toponyms if t.place is not None},
                            found)
    if not where:
        return toponyms
    unknown = {(t.start, t.end): t for t in toponyms if _unknown_name(t)}
    for cand in found:
        at = cand.location.toponym
        if at is None or (at.start, at.end) not in unknown:
            continue
        if names[(at.start, at.end)] not in where:
            continue
        precision, known, described = where[names[(at.start, at.end)]]
        if known.place is None or (at.place is not None and (
                ((cand.location.precision or _COARSE) < _COARSE and
                 (cand.location.described or not described))
                or known.place.id == at.place.id)):
            continue
        if at.place is None or (cand.location.precision or _COARSE) < _COARSE:
            # its sentence left it unplaced ("the attack on the Konna post") or placed it
            # only by the sentence's other places
            cand.location.precision = max(cand.location.precision or 2, precision)
        cand.location.toponym = placed_in(unknown[(at.start, at.end)], known,
                                          f"where the text places {known.text!r}")
        cand.location.reason += (f"; the text places {known.text!r} at "
                                 f"{known.place.display_name}")
        cand.location.inferred = True  # placed by another sentence
    out = []
    for t in toponyms:
        held = where.get(names[(t.start, t.end)]) if _unknown_name(t) else None
        out.append(t if held is None else
                   placed_in(t, held[1], f"where the text places {held[1].text!r}"))
    return out


def _country_of(cand: _Candidate, onto: Ontology, sent: Span, toponyms: list[Toponym],
                family: str) -> Location | None:
    """Steps 6 and 7 of the chain: the state ``cand``'s sentence shows acting
    (:func:`~geoevents.events.location.acting_state`), else the country of its doers named
    as ordinary people by their nationality
    (:func:`~geoevents.events.location.nationals_at_home`)."""
    trigger, anchors = cand.trigger.token, _anchors(cand, onto)
    force = family in VIOLENT_EVENT_TYPES or cand.typing.sub_event_type in _ARMED_DEVELOPMENTS
    return acting_state(trigger, anchors, sent, toponyms, force=force) or \
        nationals_at_home(trigger, anchors, sent, toponyms)


def _fall_back(found: list[_Candidate], sentences: list[Span],
               places: list[tuple[int, Toponym]], paragraph: list[int],
               onto: Ontology, sentence_places: list[list[Toponym]]) -> None:
    """The place of each event its sentence leaves unplaced, steps 4 to 7 of the chain
    in :mod:`geoevents.events.location`: the place of the nearest located event of
    another sentence of the same paragraph told before it, else where a site its sentence
    names again was named before (:func:`_site_named_before`; an event without a name of
    its own placed so lends its place to the paragraph's others), else the place of the
    nearest such event told after it, else the place the paragraph names (see
    :func:`~geoevents.events.location.main_place`), else the document's main place, else
    the state its own sentence shows acting in it or holding what it tells of
    (:func:`~geoevents.events.location.acting_state`; ``sentence_places`` are each
    sentence's toponyms, the dateline's left out), else the country of its doers named as
    ordinary people by their nationality
    (:func:`~geoevents.events.location.nationals_at_home`), at a precision no finer than
    2 (3 for the document's, the state's and the doers' country, and for a diplomatic
    act, which the text places only
    by what it is about). A named place the gazetteer lacks ("the village of Shurifah")
    keeps its name and is placed there too; a name the resolver left unresolved among
    several candidates is not guessed. A reference
    that joins the event it refers to takes that event's place, not this one (see
    :func:`_absorb`)."""
    starts = [s.start_char for s in sentences]
    text = doc_text(sentences[0].doc) if sentences else ""
    # where the hurt were cared for places no happening ("died … at the Rajendra Institute
    # of Medical Sciences in Ranchi, where the injured had been flown")
    cared = {c.location.toponym.start for c in found if c.accompanying and _in_care(c)
             and c.location.toponym is not None}
    if sentences:
        cared |= {m.start for _, m in places if _care_town(mention_root(sentences[0].doc, m))}
    places = [(tier, mention) for tier, mention in places if mention.start not in cared]
    # the resolved places by start, once for every site named again (_site_named_before)
    resolved_at = {m.start: m for _, m in places if m.place is not None}
    by_paragraph: dict[int, list[tuple[int, Toponym]]] = {}
    for tier, mention in places:
        i = bisect.bisect_right(starts, mention.start) - 1
        by_paragraph.setdefault(paragraph[max(i, 0)], []).append((tier, mention))
    focus = main_place(places)
    named = {par: main_place(found_here) for par, found_here in by_paragraph.items()}
    placed: dict[int, list[_Candidate]] = {}  # located events by paragraph, in text order
    for c in found:
        if c.location.place is not None:
            placed.setdefault(paragraph[c.sentence], []).append(c)
    order = {par: [c.sentence for c in cands] for par, cands in placed.items()}
    # a sentence that names again a site told before ("on the edge of the village") links
    # its events there, before any later event of the paragraph lends its place
    for cand in found:
        if cand.location.place is not None or cand.location.toponym is not None or (
                site := _site_named_before(cand, sentences, resolved_at)) is None:
            continue
        par = paragraph[cand.sentence]
        family = onto.event_type_of(cand.typing.sub_event_type)
        donor = _nearest_donor(cand, placed.get(par, []), order.get(par, []), family, onto,
                               cared)
        if donor is not None and donor.sentence < cand.sentence:
            continue  # (the paragraph's place told before it comes first)
        noun, at = site
        _place_inferred(cand, at, SITE, max(precision_of(at.place, "site", at.text), 2),
                        f"where 'the {noun}' was named before, {at.text!r}", family,
                        sentences[cand.sentence])
        placed[par] = sorted([*placed.get(par, []), cand], key=lambda c: c.sentence)
        order[par] = [c.sentence for c in placed[par]]
    for cand in found:
        unknown = cand.location.toponym
        if cand.location.place is not None or (unknown is not None and unknown.candidates):
            continue  # placed, or a known name left unresolved (which Hamilton?): no guess
        family = onto.event_type_of(cand.typing.sub_event_type)
        par = paragraph[cand.sentence]
        donor = _nearest_donor(cand, placed.get(par, []), order.get(par, []), family, onto,
                               cared)
        here = named.get(par)
        main = focus
        other = places_of_other_happenings(cand.trigger.token, sentences[cand.sentence],
                                           sentence_places[cand.sentence])
        if other:  # (not the places its own sentence gives another happening)
            here = main_place([p for p in by_paragraph.get(par, []) if p[1].start not in other])
            main = main_place([p for p in places if p[1].start not in other])
        onward = told_onward(text, unknown) if unknown is not None else None
        before = _told_before(cand, found) if onward is not None else None
        if unknown is not None and onward is not None and before is not None:
            km, way = onward
            cand.location.toponym = measured_from(unknown, before, km, way)
            cand.location.precision = 2
            cand.location.reason += (f"; unresolved, so placed at the point {km:g} "
                                     f"km {way} of {before.text!r}, the place told before it")
            cand.location.inferred = True
            continue
        if donor is not None:
            where = donor.location.toponym
            role = NEAR if donor.location.role == NEAR else SITE
            precision = max(donor.location.precision or 2, 2)
            how = (f"the paragraph's place: its event {donor.trigger.token.text!r} is at "
                   f"{where.text!r}" if where is not None else "")
        elif here is not None:
            where, role = here, SITE
            precision = max(precision_of(here.place, "site", here.text), 2)
            how = f"the place the paragraph names, {here.text!r}"
        elif (site := _site_named_before(cand, sentences, resolved_at)) is not None:
            noun, where = site
            role, precision = SITE, max(precision_of(where.place, "site", where.text), 2)
            how = f"where 'the {noun}' was named before, {where.text!r}"
        elif main is not None:
            where, role, precision = main, SITE, 3
            how = f"the document's main place, {main.text!r}"
        elif (state := _country_of(cand, onto, sentences[cand.sentence],
                                   sentence_places[cand.sentence], family)) is not None:
            if unknown is None:
                cand.location = state
                continue
            where, role, precision, how = state.toponym, SITE, 3, state.reason
        else:
            continue
        assert where is not None and where.place is not None
        if unknown is not None:  # a name the gazetteer lacks: keep it, placed in its area
            cand.location.toponym = placed_in(unknown, where, how)
            cand.location.precision = max(cand.location.precision or 2, precision)
            cand.location.reason += f"; unresolved, so placed at {how}"
            cand.location.inferred = True
        else:
            _place_inferred(cand, where, role, precision, how, family,
                            sentences[cand.sentence])
        cand.by_paragraph = donor is not None or here is not None


def _place_inferred(cand: _Candidate, where: Toponym, role: str, precision: int, how: str,
                    family: str, own: Span) -> None:
    """Place ``cand``, which its sentence (``own``) leaves unplaced, at ``where``, a place
    of the text found by the fallback chain (``how`` says which step): at the precision
    given, 3 for a statement or a meeting."""
    if family in _NO_SETTING:
        precision = 3  # where a statement or a meeting is about, not where it was
    cand.location = Location(where, role, precision,
                             f"no place of its own in the sentence; {how} (lower "
                             f"precision)", linked=False, inferred=True)
    # (a one-sentence text's place is its own)
    cand.placeless = not own.start_char <= where.start < own.end_char


def _local_in_province(found: list[_Candidate], toponyms: list[Toponym], filed: range
                       ) -> None:
    """The last step of the chain: an event at a name the gazetteer lacks that the steps
    before placed only at a province moves to the text's nearest local place inside that
    province (:func:`~geoevents.events.location.local_place_within`), at precision 2.
    ``toponyms`` are those that may stand for where events happened, as for
    :func:`_fall_back`: not the places of what is only planned ("a peace conference in
    Bor"), of a speaker, nor a lone reading abroad; a place of the dateline (``filed``)
    is where the report was filed, no local place."""
    unknown = {(t.start, t.end): t for t in toponyms if _unknown_name(t)}
    due = [cand for cand in found if cand.location.toponym is not None
           and cand.location.place is not None
           and cand.location.place.feature_code.startswith("ADM1")
           and (cand.location.toponym.start, cand.location.toponym.end) in unknown]
    if not due:
        return
    # the unknown names placed near the text's local places, once for the document
    placed = {(t.start, t.end): t
              for t in place_by_context([t for t in toponyms if t.start not in filed])}
    for cand in due:
        at, province = cand.location.toponym, cand.location.place
        assert at is not None and province is not None
        name = placed.get((at.start, at.end))  # (none for a name of the dateline)
        local = local_place_within(name, province, toponyms) if name is not None else None
        if local is None or local.place is None:
            continue
        how = f"the text's nearest local place, {local.text!r}, in {province.name}"
        cand.location.toponym = placed_in(unknown[(at.start, at.end)], local, how)
        cand.location.precision = 2
        cand.location.reason += f"; moved to {how}"


def _told_before(cand: _Candidate, found: list[_Candidate]) -> Toponym | None:
    """The place of the event its own sentence placed last before ``cand`` in the text,
    finer than a province: the place a writer measures the next one from ("attacked …
    at Sokolo …. On Monday, a drone strike hit … a village near Macina, some 120
    kilometres to the south-east")."""
    told = [c for c in found if c.trigger.start < cand.trigger.start and
            c.location.place is not None and not c.location.inferred and
            (c.location.precision or 3) < 3]
    if not told:
        return None
    return max(told, key=lambda c: c.trigger.start).location.toponym


_SITE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "of"})


# the sites a sentence names again with "the" (:func:`_site_named_before`): those whose
# names end with their noun, and the facilities news tells of before naming them again
# ("The market in Tawila …" then "A drone struck the market")
_SITES_NAMED_AGAIN = SITE_NOUNS | frozenset({
    "market", "marketplace", "hospital", "clinic", "school", "church", "station",
    "university", "college", "court", "courthouse", "embassy", "port", "harbour", "harbor",
    "mall", "plant", "depot", "stadium"})


def _site_named_before(cand: _Candidate, sentences: list[Span],
                       resolved_at: dict[int, Toponym]) -> tuple[str, Toponym] | None:
    """The place an earlier sentence gave a site that ``cand``'s sentence names again
    with "the" and no place ("Fighting between rival gangs inside the prison in Machala
    …" then, a paragraph on, "Police and soldiers entered the prison on Monday morning
    and said they had regained control of all its wings"): the site's lemma
    (:data:`_SITES_NAMED_AGAIN`) with a resolved place in its phrase, the nearest before
    (``resolved_at``: the document's resolved places by start). With the site noun, None
    when there is none."""
    sent = sentences[cand.sentence]
    words = doc_words(sent.doc)
    nouns = [t for t in words[sent.start:sent.end]
             if t.pos_ == "NOUN" and lemma(t) in _SITES_NAMED_AGAIN
             and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
             and not any(c.dep_ == "prep" and not _of_time(c) for c in t.children)]
    if not nouns:
        return None
    wanted = {lemma(t) for t in nouns}
    for earlier in reversed(sentences[:cand.sentence]):
        for t in reversed(words[earlier.start:earlier.end]):
            # "the prison in Machala" (however the parse hangs the phrase)
            if t.pos_ == "NOUN" and lemma(t) in wanted and t.i + 2 < earlier.end and \
                    words[t.i + 1].lower_ in _SITE_PREPOSITIONS and \
                    words[t.i + 2].idx in resolved_at:
                return lemma(t), resolved_at[words[t.i + 2].idx]
    return None


def _of_time(prep: Word) -> bool:
    """Whether a preposition's phrase tells a time, not a place ("the market at around
    10 a.m.": the parse may hang it on the noun)."""
    return any(t.ent_type_ in ("TIME", "DATE") for t in prep.subtree)


def _nearest_donor(cand: _Candidate, located: list[_Candidate], sentences: list[int],
                   family: str, onto: Ontology, cared: set[int]) -> _Candidate | None:
    """The located event of another sentence of the paragraph nearest before ``cand``
    (else after it) whose place ``cand`` may share: a statement's or an incident's place
    goes only to events of its own family, and a movement's destination and where the
    hurt were cared for (``cared``: the starts of such places, :func:`_in_care`) to none.
    ``located`` is in text order (``sentences`` their sentence numbers); the search walks
    out from ``cand``'s position and stops at the first fit."""
    def fits(c: _Candidate) -> bool:
        other = onto.event_type_of(c.typing.sub_event_type)
        # (where a movement went, "withdrew towards the Shabelle river", is not where
        # the paragraph's happenings were, nor where the hurt were cared for)
        return c.sentence != cand.sentence and c.location.role != "destination" and (
            other not in _NO_FALLBACK or other == family) and (
            c.location.toponym is None or c.location.toponym.start not in cared)

    at = bisect.bisect_left(sentences, cand.sentence)
    before = next((c for c in reversed(located[:at]) if fits(c)), None)
    if before is not None:
        return before
    return next((c for c in located[at:] if fits(c)), None)


def _at_coordinated_towns(cand: _Candidate, toponyms: list[Toponym], doc: Doc
                          ) -> list[_Candidate]:
    """Copies of a candidate for the towns coordinated with the town the parse links to it
    ("hundreds of retirees gathered outside the social security offices in Rasht and
    Ahvaz"): ACLED codes one event per place. Not for a reference, a place from the
    sentence's setting or another sentence, the two ends of a stretch ("the road between
    Juliaca and Puno"), nor an event with a toll (one figure for several places cannot be
    shared out)."""
    loc = cand.location
    top = loc.toponym
    if top is None or top.place is None or not loc.linked or loc.inferred or \
            cand.reference or cand.args.fatalities is not None or not _town(top.place):
        return []
    span = doc.char_span(top.start, top.end, alignment_mode="expand")
    if span is None:
        return []
    root = span_root(span)
    first = min([root, *root.conjuncts], key=lambda w: w.i)
    if first.dep_ in _NAME_MODIFIERS:
        return []  # "in Lubero and Beni territories": the names of areas, not towns
    if first.head.lower_ == "between":
        return []  # "blocked the main road between Juliaca and Puno": one stretch's ends
    coordinated = {w.i for w in root.conjuncts}
    copies = []
    for other in toponyms:
        if other is top or other.place is None or not _town(other.place) or \
                _one_town(other.place, top.place):
            continue
        named = doc.char_span(other.start, other.end, alignment_mode="expand")
        if named is not None and span_root(named).i in coordinated:
            copies.append(replace(cand, merged=list(cand.merged), coordinated=True,
                                  location=Location(
                                      other, loc.role,
                                      precision_of(other.place, loc.role or SITE, other.text),
                                      f"{other.text!r}, coordinated with {top.text!r} "
                                      f"({loc.reason}): one event per place")))
    return copies


def _gapped(cand: _Candidate, toponyms: list[Toponym], ents: list[Span],
            anchor: date | None, skip: int) -> list[_Candidate]:
    """A copy of a candidate for the gapped clause after its verb that tells another
    happening ("… killed eight farmers at Kitsombiro on Sunday morning, and four more
    people at Bulambo on Monday"). The parse of such clauses varies (the clause's count
    a conjunct of the verb, or a modifier of its place), so the clause is read in linear
    order: the words after an "and" that depends on the verb, up to the next verb (not
    "including") or "according". It is another happening when it names its own place (a
    proper noun after a preposition) and its own day: victims counted at two places on
    one day ("killed five … and three more at …") may be one attack. The copy takes the
    clause's day, count and place (a recognised town there, else the original's place when
    that is told before the verb, as the setting: "in Lubero territory, rebels killed …")."""
    verb = cand.trigger.token
    if verb.pos_ != "VERB" or cand.reference:
        return []
    cc = next((w for w in verb.children if w.dep_ == "cc" and w.i > verb.i), None)
    if cc is None:
        return []
    words = doc_words(verb.doc)
    end = next((w.i for w in words[cc.i + 1:verb.sent.end] if w.lower_ == "according" or (
        w.pos_ in ("VERB", "AUX") and w.dep_ != "prep")), verb.sent.end)
    clause = words[cc.i + 1:end]
    named = [w for w in clause if w.pos_ == "PROPN" and w.dep_ == "pobj"
             and w.ent_type_ not in TIME_ENTITIES]
    if not named:
        return []
    count = next((number_value(w) for w in clause if w.pos_ == "NUM"), None)
    days = [resolve_date(e.text, anchor) for e in ents
            if cc.i < e.start and e.end <= end and e.start_char >= skip]
    day = next((d for d in days if d.precision != UNRESOLVED), None)
    if day is not None and cand.date is not None and day.date == cand.date.date:
        day = None
    if day is None:
        return []
    start, stop = named[0].idx, named[-1].idx + len(named[-1].text)
    own = next((t for t in toponyms if t.place is not None and start <= t.start < stop), None)
    loc = cand.location
    if loc.toponym is not None and loc.toponym.start >= cc.idx:
        # the parse hung the gapped clause's place on the verb: the first clause keeps
        # the place it names itself, if any
        first = next((t for t in toponyms if t.place is not None
                      and verb.idx < t.start < cc.idx), None)
        cand.location = NOWHERE if first is None else Location(
            first, loc.role, precision_of(first.place, loc.role or SITE, first.text),
            f"{first.text!r}, the place of the first of two gapped clauses")
    if own is not None:
        loc = Location(own, loc.role, precision_of(own.place, loc.role or SITE, own.text),
                       f"{own.text!r}, the place of a gapped clause")
    elif loc.toponym is not None and verb.idx < loc.toponym.start:
        loc = NOWHERE  # a clause's own place is not the other's
    args = replace(cand.args, quantities=list(cand.args.quantities),
                   fatalities=count if cand.args.fatalities is not None else None)
    return [replace(cand, merged=[], args=args, location=loc, gap=cc.i,
                    date=day or cand.date)]


def _to_event(cand: _Candidate, sent: Span, text: str, doc_id: str | None,
              onto: Ontology) -> Event:
    trig = cand.trigger
    doc = sent.doc
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
    sentence = text[sent.start_char:sent.end_char].strip()
    return Event(
        id=event_id(doc_id, trig.start, end, f"{sub}~{cand.gap}" if cand.gap >= 0 else
                    sub if not cand.coordinated or toponym is None
                    else f"{sub}@{toponym.start}"),
        event_type=onto.event_type_of(sub),
        sub_event_type=sub,
        trigger=text[trig.start:end],
        trigger_start=trig.start,
        trigger_end=end,
        sentence=sentence,
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
        mentions=sorted(
            [{"trigger": text[trig.start:end], "start": trig.start, "end": end,
              "sentence": sentence}] +
            [{"trigger": m.trigger.token.text, "start": m.trigger.start, "end": m.trigger.end,
              "sentence": sentence} for m in cand.merged], key=lambda m: m["start"]),
    )


def _other_weekday(a: Event, b: Event) -> bool:
    """Whether two mentions name different days of the week ("arrested the student leader
    on Friday. On Saturday, students marched"): other days, even when neither resolves
    (no publication date)."""
    first, second = (weekdays_named(e.date_text or "") for e in (a, b))
    return bool(first) and bool(second) and first.isdisjoint(second)


def _dates_agree(a: Event, b: Event) -> bool:
    pa = _period(DateInfo(a.date, a.date_precision, None, ""))
    pb = _period(DateInfo(b.date, b.date_precision, None, ""))
    return pa is None or pb is None or (pa[0] <= pb[1] and pb[0] <= pa[1])


def _site(event: Event) -> Place | None:
    """Where an event happened, as far as the mention says: not the place a strike or a
    shelling came from ("fired on the city from positions across the river")."""
    return None if event.location_role == "origin" else event.location


def _places_agree(a: Event, b: Event, near: bool) -> bool:
    """The same place, one inside the other, or (``near`` mentions only) one unknown."""
    site_a, site_b = _site(a), _site(b)
    if site_a is not None and site_b is not None:
        return same_place(site_a, site_b)
    return near


# a town's quarters (PPLX) are parts of it; the other populated places are towns of their own
_QUARTERS = frozenset({"PPLX"})
# how far apart two gazetteer entries of one town may lie (a town entered twice)
_ONE_TOWN_KM = 5.0


def _town(place: Place) -> bool:
    """A populated place that is no quarter of another."""
    return place.feature_class == "P" and place.feature_code not in _QUARTERS


def _one_town(a: Place, b: Place) -> bool:
    """One place, one inside the other, or two entries of one town (same name, or within
    :data:`_ONE_TOWN_KM`)."""
    return nested(a, b) or a.name == b.name or geodesy.distance_km(
        a.lat, a.lon, b.lat, b.lon) <= _ONE_TOWN_KM


def _towns(a: Event, b: Event) -> tuple[Place, Place] | None:
    """The sites of two tellings when both are towns (see :func:`_town`), else None."""
    site_a, site_b = _site(a), _site(b)
    if site_a is None or site_b is None or not _town(site_a) or not _town(site_b):
        return None
    return site_a, site_b


def _other_towns(a: Event, b: Event) -> bool:
    """Whether two dated tellings each name a town of their own, and other towns
    ("youths blocked Seke Road in Chitungwiza" after "23 were arrested in central
    Harare", 25 km away): ACLED codes a happening per place, so these are two happenings
    however near the towns lie. A quarter of a town is part of it (Cité Soleil in
    Port-au-Prince); a telling with no time of its own may go on with the one before
    ("its forces were still holding positions near the village … along the Pokrovsk
    front" after "had taken the village of Udachne")."""
    towns = _towns(a, b)
    if towns is None or towns[0].id == towns[1].id or not _timed(a) or not _timed(b):
        return False
    return not _one_town(*towns)


# people per km² of a town's built-up area: a town of 1.4 million spreads about 12 km
# from its centre, one of 100,000 about 3 km
_URBAN_DENSITY = 3000.0


def _in_the_town(a: Place, b: Place) -> bool:
    """Whether one place lies within the other's built-up area, a disc as large as its
    population at :data:`_URBAN_DENSITY` (Saltivka, 7 km from the centre of Kharkiv, is
    a district of the city)."""
    km = geodesy.distance_km(a.lat, a.lon, b.lat, b.lon)
    return any(km <= math.sqrt((p.population or 0) / _URBAN_DENSITY / math.pi)
               for p in (a, b))


def _untimed_elsewhere(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate]
                       ) -> bool:
    """Whether of two tellings placed at other towns (:func:`_other_towns`) one has a
    time of its own and the other, told by a verb, has none ("Around midday, a drone hit
    a minibus on the outskirts of Marhanets" after artillery "hit a bus stop in the centre
    of Nikopol" on Monday): a report telling a day place by place tells a happening per
    town, dated or not. Not when one town lies within the other's built-up area
    (:func:`_in_the_town`), nor for an event noun or a gerund, which may name a
    happening told elsewhere ("LIVE: Fighting near Goma" over the fighting at Sake)."""
    towns = _towns(first[0], later[0])
    if towns is None or towns[0].id == towns[1].id or _timed(first[0]) == _timed(later[0]):
        return False
    verb = (first if not _timed(first[0]) else later)[1].trigger.token
    return verb.pos_ == "VERB" and verb.tag_ != "VBG" and not _one_town(*towns) and \
        not _in_the_town(*towns)


def _paragraph_elsewhere(placed: tuple[Event, _Candidate],
                         own: tuple[Event, _Candidate]) -> bool:
    """Whether a telling placed by its paragraph ("In Belgrade, … the interior ministry
    said 23 people were detained") is at another town than the one the other telling
    names by its own words ("marched in Serbian cities … the collapse of a canopy in Novi
    Sad"): the paragraph tells the happening of its town, not one told elsewhere. Not a
    bare event noun, which may name a happening told before ("the rally was unrelated
    to Wednesday's attack")."""
    if not placed[1].by_paragraph or placed[1].trigger.pos == "NOUN" or \
            own[1].location.inferred:
        return False
    towns = _towns(placed[0], own[0])
    return towns is not None and not _one_town(*towns)


# the time of day a telling names: "shortly before 8 a.m.", "around midday", "in the
# afternoon", "at dusk"
_TIME_OF_DAY = re.compile(r"\b(?:\d{1,2}(?:[:.h]\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?|h\b|o'clock)|"
                          r"\d{1,2}[:h]\d{2}|morning|afternoon|evening|night|nightfall|midday|"
                          r"noon|midnight|dawn|dusk|daybreak|sunrise|sunset)", re.IGNORECASE)


def _timed(event: Event) -> bool:
    """Whether a telling has a time of its own: a date, or the time of day it happened
    ("In the afternoon the Russians dropped a guided bomb on Bilozerka" after a drone hit
    a bus in Antonivka "shortly before 8 a.m."): a report telling a day hour by hour tells
    a happening per time and town."""
    return event.date is not None or bool(
        event.date_text and _TIME_OF_DAY.search(event.date_text))


def _actors_conflict(a: str | None, b: str | None) -> bool:
    """Two actors of different countries ("Russian forces" / "Ukrainian troops"); within
    one report, differently worded actors ("Thousands" / "Protesters") may be one."""
    if compatible_actors(a, b):
        return False
    ka, kb = actor_key(a), actor_key(b)
    return ka is not None and kb is not None and None not in (ka[0], kb[0]) and ka[0] != kb[0]


def _account_told_again(cand: _Candidate, here: list[tuple[Toponym, Word]],
                        found: list[_Candidate], onto: Ontology) -> bool:
    """Whether a violent verb is a speaker's account, in the reported past perfect, of a
    happening the report has already told ("A drone strike hit Kabo on Monday. In Bangui,
    a spokesman said the army *had targeted* a rebel base"): a clause with no place and no
    day of its own, in a sentence (``here``: its places) placed only where the words were
    said, refers back to the happening of its kind told before (one of another kind,
    "the air force said its jets had struck the attackers", is news). A toll ("said four
    soldiers had been killed") is another account's figure, joined as a consequence."""
    verb, kind = _clause_verb(cand), onto.event_type_of(cand.typing.sub_event_type)
    if cand.trigger.pos != "VERB" or cand.trigger.lemma in CONSEQUENCES or \
            kind not in VIOLENT_EVENT_TYPES or not _reported(verb, onto) or not any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children):
        return False
    if not here or any(verb.left_edge.i <= root.i <= verb.right_edge.i for _, root in here) \
            or (cand.date is not None and cand.date.attached
                and cand.date.precision != UNRESOLVED):
        return False  # the sentence's places must all be outside the reported clause
    return any(onto.event_type_of(f.typing.sub_event_type) == kind for f in found)


def _anterior(cand: _Candidate, onto: Ontology) -> bool:
    """Told in the past perfect ("a salvo that had been launched earlier"): a happening
    before the one the narrative tells. Not in reported speech, where the past perfect is
    the reported past ("the ministry said it had struck military targets", also in a
    clause coordinated with the reported one: "said five soldiers were killed and that 23
    assailants had been neutralised")."""
    verb = _clause_verb(cand)
    if _reported(verb, onto):
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in
               verb.children)


def _reported(verb: Word, onto: Ontology) -> bool:
    """Whether a clause is what a speaker said: the complement of a speech verb or the
    content of a spoken noun ("said in a statement that its fighters had carried out the
    attack"), or a clause coordinated with one ("said five soldiers were killed *and
    that* …")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "acl" and lemma(verb.head) in _SAID and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return True  # the content of a statement or an accusation (see _SAID)
    return verb.dep_ == "ccomp" and lemma(verb.head) in onto.words("speaker")


def _gapped_apart(a: _Candidate, b: _Candidate) -> bool:
    """Whether two candidates are one verb's happening and its gapped clause's copy."""
    return a.trigger is b.trigger and a.gap != b.gap


# a mob attacking people ("a group of around 20 men attacked students who were putting up a
# tent") is a happening of its own, not a phase of the demonstration told with it
_MOB = "Mob violence"


def _one_happening(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate], *,
                   near: bool, onto: Ontology) -> bool:
    """Whether ``later`` tells the happening ``first`` told (see the module doc). A
    telling with neither a date nor a place of its own ("Russia said it had struck
    military targets") may be the other however far apart they are told. A gapped
    clause's copy is never its verb's first happening (see :func:`_gapped`)."""
    if _gapped_apart(first[1], later[1]):
        return False
    if (first[0].sub_event_type == _MOB) != (later[0].sub_event_type == _MOB):
        return False  # a mob's attack is no demonstration (see _MOB)
    if _anterior(first[1], onto) != _anterior(later[1], onto) and not _one_scene(
            first, later, onto):
        return False
    inferred = first[1].location.inferred or later[1].location.inferred or \
        _along_the_front(first, later) or _on_the_stretch(first, later)
    if not inferred and (_other_towns(first[0], later[0])
                         or _untimed_elsewhere(first, later)):
        return False
    if _paragraph_elsewhere(first, later) or _paragraph_elsewhere(later, first):
        return False
    near = near or _vague(*first) or _vague(*later)
    # (remote violence by another weapon on another day is another happening: "an
    # explosive device went off beside their patrol, the source said on Tuesday … The day
    # before, army aviation struck a hideout"; a protest's outcomes are one happening's)
    said_later = _said_later(first[1], later[1]) and not (
        first[0].event_type == later[0].event_type == WEAPON_EVENT_TYPE and
        first[0].sub_event_type != later[0].sub_event_type)
    return _same_kind_place_time(first[0], later[0], near=near, inferred=inferred,
                                 said_later=said_later or _still(later[1]))


def _still(cand: _Candidate) -> bool:
    """Whether a telling is a state that goes on ("the three others are *still* being
    held"): the happening told before it lasting, dated by the telling, not a happening
    of that day."""
    return any(c.dep_ == "advmod" and c.lower_ == "still"
               for c in _clause_verb(cand).children)


_FRONT = re.compile(r"\s+(?:front|frontline|front line|axis)\b", re.IGNORECASE)
# how far from the town a front is named after a happening on that front may be placed
_FRONT_KM = 60.0


def _on_a_front(cand: _Candidate) -> bool:
    """Whether a telling is placed by the front a town names ("Fighting has also been
    reported on the Marib front"): the line of contact in the town's area, not the town."""
    mention = cand.location.toponym
    if mention is None or cand.location.inferred:
        return False
    return bool(_FRONT.match(doc_text(cand.trigger.token.doc), mention.end))


def _along_the_front(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate]
                     ) -> bool:
    """Whether one telling is placed on a town's front (:func:`_on_a_front`) and the
    other at a place of the town's first-level division within :data:`_FRONT_KM` of it
    ("Houthi fighters attacked their positions in Sirwah district, west of Marib city"):
    their places agree."""
    if not (_on_a_front(first[1]) or _on_a_front(later[1])):
        return False
    a, b = _site(first[0]), _site(later[0])
    return a is not None and b is not None and a.country_code == b.country_code and \
        a.admin1 is not None and a.admin1 == b.admin1 and \
        geodesy.distance_km(a.lat, a.lon, b.lat, b.lon) <= _FRONT_KM


def _on_the_stretch(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate]
                    ) -> bool:
    """Whether one telling is placed "between" two towns ("The town, which lies on the
    main highway between Addis Ababa and Dessie, was the scene of gunfire") and the
    other's place lies within half their distance of the midpoint: a between place is
    only known to that (see :func:`geoevents.events.location._on_the_way`), so the two
    places agree."""
    for stretch, other in ((first, later), (later, first)):
        mention, site = stretch[1].location.toponym, _site(other[0])
        ends = [p.place for p in getattr(mention, "parts", None) or [] if p.place is not None]
        middle = _site(stretch[0])
        if getattr(mention, "kind", "name") != "between" or len(ends) != 2 or \
                middle is None or site is None or stretch[1].location.inferred:
            continue
        half = geodesy.distance_km(ends[0].lat, ends[0].lon, ends[1].lat, ends[1].lon) / 2
        if geodesy.distance_km(site.lat, site.lon, middle.lat, middle.lon) <= half:
            return True
    return False


# words after a name that make it the name of a first-level division ("Russia's Belgorod
# region"), whatever place of that name the gazetteer gave
_REGION = re.compile(r"\s+(?:region|province|oblast|governorate|prefecture)\b",
                     re.IGNORECASE)


def _in_the_named_region(region: tuple[Event, _Candidate],
                         other: tuple[Event, _Candidate]) -> bool:
    """Whether one telling is placed by a name followed by "region" or "province"
    ("Ukrainian drones killed a woman … in Russia's Belgorod region") and the other at a
    place of that name's first-level division ("on the edge of the village of Novaya
    Tavolzhanka"): the region named after its capital contains the village, however far
    the capital lies from it, so a toll told there is not told elsewhere. Only a
    consequence told on its own joins this way, the one happening nearest to it: a
    region's own telling ("how Russian troops hit Kherson region on Wednesday") sums up
    every happening in it."""
    mention = region[1].location.toponym
    if mention is None or region[1].location.inferred or \
            not _REGION.match(doc_text(region[1].trigger.token.doc), mention.end):
        return False
    a, b = _site(region[0]), _site(other[0])
    return a is not None and b is not None and a.country_code == b.country_code and \
        a.admin1 is not None and a.admin1 == b.admin1


def _one_scene(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate],
               onto: Ontology) -> bool:
    """Whether two tellings of a demonstration are phases of one: the later one, in the
    past perfect, told right after the first (within :data:`_NEAR_SENTENCES`), both
    dated to the same day by their own words and placed at one place (the same, or one
    inside the other). The past perfect then sets the scene of the news just told
    ("Hundreds of protesters had gathered outside the governorate on Sunday" after
    "security forces opened fire on protesters on Sunday"), not an earlier happening.
    A later telling timed only by the clock ("About 300 people had gathered outside the
    facility by 6 p.m.") is on the day of the telling it follows."""
    (a, ca), (b, cb) = first, later
    site_a, site_b = _site(a), _site(b)
    same_day = (a.date_precision == b.date_precision == DAY and a.date == b.date) or \
        (a.date_precision == DAY and _clock_time_only(cb.date))
    return merge_key(a) == merge_key(b) == "Protests" and _anterior(cb, onto) and \
        0 < cb.sentence - ca.sentence <= _NEAR_SENTENCES and same_day and \
        not ca.location.inferred and not cb.location.inferred and \
        site_a is not None and site_b is not None and nested(site_a, site_b)


def _clock_time_only(info: DateInfo | None) -> bool:
    """Whether a telling's only time is an hour of the day ("by 6 p.m."): a time
    expression that names no calendar day."""
    return info is not None and info.precision == UNRESOLVED and info.text is not None \
        and bool(CLOCK_TIME.match(info.text.strip()))


def _force_on_the_crowd(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate],
                        onto: Ontology, told: Sequence[tuple[int, Place | None]] = ()
                        ) -> bool:
    """Whether an attack on people (violence against civilians) and a demonstration are
    one happening: the police's fire on the crowd, which ACLED codes once, as the
    demonstration with the force used against it. The attack's victims are protesters
    ("troops shot dead two demonstrators") or it is told in the sentence that tells the
    demonstration ("Two people were shot dead as police fired tear gas to disperse
    thousands"); its doer is no armed group (gunmen who fire on a march commit an attack
    of their own); the two fall on one day (or one is undated and told next to the other)
    at one place (the same, or one inside the other; a place lent by another sentence
    only next to the other); neither is marked as an act of its own ("separately", "in
    another incident"). ``told`` holds the sentences (and places) of every telling of a
    demonstration, also one that joins it later ("The protest began on Tuesday evening
    outside parliament"): the attack is near the demonstration when near one of them at
    its place."""
    (a, ca), (b, cb) = first, later
    pair = {merge_key(a), merge_key(b)}
    if pair != {"Protests", "Attack"}:
        return False
    attack, acand = (a, ca) if merge_key(a) == "Attack" else (b, cb)
    if _another_act(cb, onto) or _listed_apart(ca, cb) or \
            _side_is(attack.actor1, onto.words("non_state")):
        return False
    site = _site(a)
    near = cb.sentence - ca.sentence <= _NEAR_SENTENCES or (
        merge_key(a) == "Protests" and site is not None and any(
            0 <= cb.sentence - sentence <= _NEAR_SENTENCES and (
                place is None or nested(place, site)) for sentence, place in told))
    if not ((a.date_precision == b.date_precision == DAY and a.date == b.date)
            or (near and (a.date is None or b.date is None))):
        return False
    site_a, site_b = _site(a), _site(b)
    if site_a is None or site_b is None or ca.location.inferred or cb.location.inferred:
        if not near:
            return False
    elif not nested(site_a, site_b):
        return False
    return ca.sentence == cb.sentence or \
        people_class(acand.args.target, onto) == "protester" or \
        _side_is(attack.actor2, onto.words("protester")) or \
        (near and _police_on_unnamed(acand))


# the police, whose force on people told beside a demonstration is force on its crowd
_POLICE = frozenset({"police", "policeman", "policemen", "policewoman", "officer",
                     "riot", "gendarme", "gendarmerie"})
# victims named only as people or by a pronoun: who they are the telling before says
_UNNAMED = frozenset({"people", "person", "man", "woman", "they", "them", "he", "him",
                      "she", "her", "some", "several", "many", "dozen", "dozens", "one",
                      "two", "three", "hundreds", "others"})


def _police_on_unnamed(acand: _Candidate) -> bool:
    """Whether an attack is the police's on people it names no further ("officers beat
    at least two people who had fallen", "police clubbed them"): told beside a
    demonstration, the people are its crowd by coreference, and ACLED codes the force
    once, with the demonstration. Not soldiers, gunmen or anyone else, and not victims
    named as anyone in particular ("a journalist", "the mayor")."""
    doer, target = acand.args.actor1_token, acand.args.target
    if doer is None or target is None or lemma(doer) not in _POLICE or \
            target.ent_type_ == "PERSON":
        return False
    return lemma(target) in _UNNAMED or target.lower_ in _UNNAMED


def _same_disaster(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate],
                   onto: Ontology) -> bool:
    """Whether a later telling of a disaster tells the one ``first`` told, where the
    rules for one happening did not join them: the disaster named by a noun, named again
    by a definite noun dated by nothing of its own or on the same day ("A magnitude 6.9 earthquake
    struck off the coast …" / "The quake hit at 10:42 p.m., with its epicentre in the
    Pacific": the epicentre is where it began, not another quake), or told with no place
    of its own on its day or up to two days after (the rescue and the rising toll: "the
    toll rose to 11 by the evening as rescuers reached villages cut off by
    landslides"). Not when marked as another ("another earthquake", "a second quake",
    "separately")."""
    (a, ca), (b, cb) = first, later
    if merge_key(a) != "Disaster" or merge_key(b) != "Disaster" or \
            _another_act(cb, onto) or _listed_apart(ca, cb):
        return False
    tok = cb.trigger.token
    marks = {c.lower_ for c in tok.children if c.dep_ in ("amod", "advmod", "det", "poss")}
    if marks & _RANKED:
        return False
    named = any(c.trigger.pos == "NOUN" for c in [ca, *ca.merged])
    if cb.trigger.pos == "NOUN" and marks & _DEFINITE and named and (
            cb.date is None or not cb.date.attached or _dates_agree(a, b)):
        return True
    if b.location is not None and not cb.location.inferred:
        return _struck_there(first, later)
    if a.date is None or b.date is None or _dates_agree(a, b):
        return True
    if a.date_precision != DAY or b.date_precision != DAY:
        return False
    return 0 < (date.fromisoformat(b.date) - date.fromisoformat(a.date)).days <= 2


def _struck_there(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate]
                  ) -> bool:
    """Whether a disaster told with a place of its own is damage the disaster ``first``
    told did there: told right after it (within :data:`_NEAR_SENTENCES`), dated by no
    words of its own to another day, and in the first-level division the disaster is
    placed in or within :data:`_STRUCK_KM` of it ("The quake hit … about 40 km
    southwest of Chala. Most of the deaths were in Chala, Yauca and Acarí, where adobe
    houses collapsed": an earthquake or a storm strikes an area, not a point)."""
    (a, ca), (b, cb) = first, later
    where, there = _site(a), _site(b)
    if where is None or there is None or not 0 <= cb.sentence - ca.sentence <= \
            _NEAR_SENTENCES or not (b.date is None or _dates_agree(a, b)):
        return False
    return geodesy.distance_km(where.lat, where.lon, there.lat, there.lon) <= _STRUCK_KM \
        or (where.country_code == there.country_code and bool(where.admin1)
            and where.admin1 == there.admin1)


def _code_demonstration(event: Event, protest: tuple[str, str]) -> None:
    """Type a demonstration (``protest``: its event type and sub-type) joined with an
    attack on it (:func:`_force_on_the_crowd`): a riot stays a riot (ACLED codes violent
    demonstrators met with force as the riot), and a protest becomes excessive force
    against protesters."""
    if protest[0] == "Riots" or protest[1] == "Excessive force against protesters":
        event.event_type, event.sub_event_type = protest
    else:
        event.event_type, event.sub_event_type = \
            "Protests", "Excessive force against protesters"


def _one_attack(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate],
                onto: Ontology) -> bool:
    """Whether a later telling of political violence tells the attack ``first`` told,
    where the rules for one kind (:func:`_one_happening`) did not join them. Not when it
    is marked as an act of its own (:func:`_another_act`), is another item of a list
    (:func:`_listed_apart`), or pairs other sides (:func:`_other_pair`). Both must fall
    on one day, or one is undated and told next to the other, or the later one is a
    report of the happening dated by its saying (:func:`_reported_after`: "the ministry
    said on Saturday that the attackers had been repelled"); and at one place (the same,
    or one inside the other; a telling placed only by another sentence or not at all
    joins only next to the other, and two such tellings never join). Of one kind, that
    is enough. Of different kinds, one of them must also have neither a place nor a
    doer of its own and be told next to the other ("Two gunmen were killed in an
    exchange of fire", "Residents report a large explosion followed by heavy gunfire":
    no other side is named), and neither may be fired from afar (an air or drone
    strike, shelling): a strike is the act of another unit than the one fighting on the
    ground ("RSF artillery shelled the market during the clashes"), while a car bomb, an
    IED or a grenade is carried by the attackers. A telling told next to the other with
    its word ("a drone strike hit the fair" then "the army said it had struck 'a
    gathering of terrorists' in the area") and with neither a date nor a place of its
    own is another party's word for that happening, whatever kind each was typed."""
    (a, ca), (b, cb) = first, later
    claim = a.date is not None and _claim_of_the_told(later, onto)
    if (_anterior(ca, onto) != _anterior(cb, onto) and not claim) or \
            _another_act(cb, onto) or _listed_apart(ca, cb) or _other_pair(first, later, onto):
        return False
    if claim:
        return True
    near = cb.sentence - ca.sentence <= _NEAR_SENTENCES
    if near and _vague(b, cb) and _told_alike(a, cb):
        return True
    if not ((a.date_precision == b.date_precision == DAY and a.date == b.date)
            or (near and (a.date is None or b.date is None))
            or _reported_after(ca, cb, onto)):
        return False
    if ca.location.inferred and cb.location.inferred:
        return False
    site_a, site_b = _site(a), _site(b)
    if site_a is not None and site_b is not None and not nested(site_a, site_b):
        return False
    if (site_a is None or site_b is None) and not near:
        return False
    if merge_key(a) == merge_key(b) or _claim_and_account(first, later, onto):
        return True
    return near and any((e.location is None or c.location.inferred) and e.actor1 is None
                        for e, c in (first, later)) and \
        not {a.sub_event_type, b.sub_event_type} & _FROM_AFAR


def _bare_claim(event: Event, cand: _Candidate, onto: Ontology) -> bool:
    """Whether a telling is a party's word that it attacked, saying nothing of how: the
    word "attack" with no weapon (an Attack or an Armed clash by the rules), told in the
    past perfect as what someone said ("the column said its 'special forces' had attacked
    the Toribío station on Sunday night"). A report's own news attributed to a source
    ("fighters attacked an army base in Afgooye, officials said") is no claim."""
    verb = _clause_verb(cand)
    return lemma(cand.trigger.token) == "attack" and \
        event.sub_event_type in ("Attack", "Armed clash") and _reported(verb, onto) and \
        any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children)


def _claim_of_the_told(told: tuple[Event, _Candidate], onto: Ontology) -> bool:
    """Whether a telling is a bare claim (:func:`_bare_claim`) of "the attack", with no
    date and no place of its own ("the group said its fighters had carried out the attack
    and killed three soldiers"): the definite noun names the attack the report told
    before, however far back, not another one."""
    event, cand = told
    tok = cand.trigger.token
    return event.date is None and (cand.location.inferred or event.location is None) and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and \
        _bare_claim(event, cand, onto)


def _claim_and_account(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate],
                       onto: Ontology) -> bool:
    """Whether two tellings of political violence of different kinds are one attack
    claimed by one party and told by another (a communiqué's "had attacked the Toribío
    station on Sunday night" and the police's "drones dropped explosives on the station"
    that Sunday): one of them is a bare claim (:func:`_bare_claim`), and both name the
    place by their own words (the same, or one inside the other) and the same day. The
    account that says how it was done gives the type (:func:`_coded_as`)."""
    (a, ca), (b, cb) = first, later
    if not (_bare_claim(a, ca, onto) or _bare_claim(b, cb, onto)):
        return False
    if ca.location.inferred or cb.location.inferred or a.date != b.date or \
            not a.date_precision == b.date_precision == DAY:
        return False
    site_a, site_b = _site(a), _site(b)
    return site_a is not None and site_b is not None and nested(site_a, site_b)


def _reported_after(first: _Candidate, later: _Candidate, onto: Ontology) -> bool:
    """Whether ``later`` is what someone said of ``first``'s happening, dated only by the
    saying, one or two days after the happening's own day ("the ministry said on Saturday
    that the attackers had been repelled" after an attack on Friday)."""
    told, own = later.date, first.date
    if told is None or own is None or told.attached or told.precision != DAY or \
            own.precision != DAY or told.date is None or own.date is None:
        return False
    lag = (date.fromisoformat(told.date) - date.fromisoformat(own.date)).days
    return 0 < lag <= 2 and _reported(_clause_verb(later), onto)


def _coded_as(first: Event, later: Event, onto: Ontology) -> bool:
    """Code an attack told as violence against civilians (``first``) and as a battle
    (``later``) as a battle: ACLED's violence against civilians is violence against
    unarmed people, and a telling that the targets fired back ("Two gunmen were killed
    in an exchange of fire" after "troops raided the town") says they were an armed
    side. Otherwise the first telling's type holds: the lead says what happened, and an
    explosion that opened an assault or a killing in a fight does not change it. A crowd
    is no armed side ("running battles" with protesters). Whether the type changed."""
    if (first.event_type, later.event_type) != ("Violence against civilians", "Battles") \
            or _crowd_side(first, onto):
        return False
    first.event_type, first.sub_event_type = later.event_type, later.sub_event_type
    return True


def _typed_by_the_account(first: tuple[Event, _Candidate],
                          later: tuple[Event, _Candidate], onto: Ontology) -> bool:
    """Code a bare claim (:func:`_bare_claim`) joined by an account of another kind
    (:func:`_claim_and_account`) as the account says it was done: "drones dropped
    explosives on the station" is an air/drone strike, whatever "attacked" was read as.
    Whether the type changed."""
    (a, ca), (b, cb) = first, later
    if merge_key(a) == merge_key(b) or not _bare_claim(a, ca, onto) or \
            _bare_claim(b, cb, onto) or not _claim_and_account(first, later, onto):
        return False
    a.event_type, a.sub_event_type = b.event_type, b.sub_event_type
    return True


def _listed(cand: _Candidate) -> bool:
    """Whether a telling is told in an item of a list (a line opened by a list mark)."""
    text = doc_text(cand.trigger.token.doc)
    return bool(LIST_ITEM.match(text, text.rfind("\n", 0, cand.trigger.token.idx) + 1))


def _summarises(item: tuple[Event, _Candidate], told: tuple[Event, _Candidate]) -> bool:
    """Whether a list item ("- Attack on self-defence volunteers near Fada N'Gourma; nine
    killed") is the summary of a happening the report then tells in full, outside the
    list ("On 5 August, … attacked a position of the VDP in the village of Tanwalbougou,
    about 40 km east of Fada N'Gourma"): a report's key points name one happening per
    item, by the town it is known by. Both are political violence, or of one kind; the
    item has no date of its own, or the same; and the full telling is at the item's
    place, within :data:`_REFINE_KM` of it, or its sentence names the item's place."""
    (a, ca), (b, cb) = item, told
    if not _listed(ca) or cb.sentence <= ca.sentence:
        return False
    if merge_key(a) != merge_key(b) and not (
            a.event_type in _POLITICAL_VIOLENCE and b.event_type in _POLITICAL_VIOLENCE):
        return False
    if a.date is not None and not _dates_agree(a, b):
        return False
    # (a place the full telling names as the origin, "abducted … from a camp 4 km from
    # Ayorou", is where the happening was)
    if a.location is None or b.location is None or ca.location.inferred:
        return False
    if same_place(a.location, b.location, distance=_REFINE_KM):
        return True
    return bool(a.location_text) and ((a.location_text or "").lower() in b.sentence.lower()
                                      or _route_told(a.location_text or "", b.sentence))


def _route_told(route: str, sentence: str) -> bool:
    """Whether a sentence names both ends of a route an item names by them ("the Kaya-Dori
    road" / "the national road between Kaya and Dori"): the route is its place too."""
    words = route.split()
    if len(words) < 2 or words[-1].lower() not in ROUTE_NOUNS:
        return False
    ends = [e for e in re.split(r"\s*[-–]\s*", " ".join(words[:-1])) if e]
    return len(ends) >= 2 and all(
        re.search(rf"\b{re.escape(e)}\b", sentence, re.IGNORECASE) for e in ends)


def _told_in_full(item: Event, told: Event, guessed: set[str]) -> None:
    """A list item joined by its full telling (:func:`_summarises`) takes the full
    telling's type, date and place: the item only names the happening. Not a place
    farther than :data:`_REFINE_KM` from the item's own, where the item was joined by
    the name the full telling relates its place to ("south of Komanda" / "near the
    village of Mangusu, about 12 km south of Komanda"): the two places cannot both be
    right, and the one read from the shared name is the nearer reading."""
    item.event_type, item.sub_event_type = told.event_type, told.sub_event_type
    if told.date is not None:
        item.date, item.date_precision, item.date_text = (
            told.date, told.date_precision, told.date_text)
    if told.location is not None and told.id not in guessed and (
            item.location is None or same_place(item.location, told.location,
                                                 distance=_REFINE_KM)):
        item.location, item.location_text = told.location, told.location_text
        item.location_start, item.location_end = told.location_start, told.location_end
        item.location_role, item.geo_precision = told.location_role, told.geo_precision
        guessed.discard(item.id)


def _listed_apart(a: _Candidate, b: _Candidate) -> bool:
    """Whether two tellings are two items of a list ("- Attack on volunteers near Fada
    N'Gourma" / "- Twelve women abducted outside Aribinda"): a list of key points or
    incidents names one happening per item."""
    lines = []
    for cand in (a, b):
        text = doc_text(cand.trigger.token.doc)
        start = text.rfind("\n", 0, cand.trigger.token.idx) + 1
        if not LIST_ITEM.match(text, start):
            return False
        lines.append(start)
    return lines[0] != lines[1]


def _other_pair(first: tuple[Event, _Candidate], later: tuple[Event, _Candidate],
                onto: Ontology) -> bool:
    """Whether a battle and violence against civilians are two pairs of sides: gunmen
    who killed villagers and the troops who then fought them are two events, as ACLED
    codes them (one pair of actors per event)."""
    kinds = {first[0].event_type, later[0].event_type}
    if kinds != {"Battles", "Violence against civilians"}:
        return False
    cand = first[1] if first[0].event_type != "Battles" else later[1]
    return people_class(cand.args.target, onto) == "civilian"


def _side_is(actor: str | None, words: frozenset[str]) -> bool:
    """Whether an actor phrase names one of ``words`` ("young protesters", "six
    civilians")."""
    found = re.findall(r"[a-z-]+", (actor or "").lower())
    return any(w in words or w.removesuffix("s") in words for w in found)


def _crowd_side(event: Event, onto: Ontology) -> bool:
    """Whether a side of an event is a crowd ("young protesters", "the marchers")."""
    return _side_is(event.actor1, onto.words("protester")) or \
        _side_is(event.actor2, onto.words("protester"))


def _another_act(cand: _Candidate, onto: Ontology) -> bool:
    """A telling marked as an act of its own: told as separate ("Separately, …", "in a
    separate incident", "another attack"), as what came next ("the army's drones then
    struck …", "later on Sunday") or as done during another happening ("shelled the
    market during the clashes")."""
    sent = cand.trigger.token.sent
    words = set(token_lowers(sent.doc)[sent.start:sent.end])  # (no Token built per word)
    if words & _SEPARATE:
        return True
    if cand.date is not None and cand.date.text and "later" in cand.date.text.lower():
        return True
    verb = _clause_verb(cand)
    if any(c.lower_ in _NEXT and c.dep_ == "advmod" for c in verb.children):
        return True
    # "before peacekeepers arrived and exchanged fire with them": what came next
    clause = verb.head if verb.dep_ == "conj" else verb
    if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _UNTIL
                                      for c in clause.children):
        return True
    # "had taken shelter after fighting nearby": the time of another happening
    tok = cand.trigger.token
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in _AFTER | {"since", "before"}:
        return True
    # "two days before the ambush, gunmen abducted …": timed by another happening
    return bool(_during_another(cand, onto, _DURING | _AFTER | _UNTIL | {"since"}))


# how many days after a happening the day a telling names (a communiqué read on Tuesday about
# an attack on Saturday) may come: a week, the span of a weekly update
_TOLD_WITHIN = 7


def _said_later(first: _Candidate, later: _Candidate) -> bool:
    """Whether the first telling has only the day its sentence was told on ("killed six
    people in an overnight attack, the army said on Wednesday") and the later one the
    day the happening's own words give, up to two days before ("The attackers struck on
    Tuesday night"): a report comes after the event; the later day is the event's. When
    the first day is that of a verb of telling ("gave different accounts on Wednesday of a
    battle"), the later day may be any of the week before and told in the later sentence
    ("The fighting broke out before dawn on Sunday when Fano units attacked …"); not for
    a disaster, whose tellings of other days tell other stages of it (a landfall, then
    landslides) and whose toll told that day is the whole disaster's."""
    told, own = first.date, later.date
    told_week = told is not None and told.telling and \
        later.typing.sub_event_type not in _DISASTERS
    if told is None or own is None or told.attached or own.telling or \
            not (own.attached or told_week) or \
            told.precision != DAY or own.precision != DAY or \
            told.date is None or own.date is None:
        return False
    lag = (date.fromisoformat(told.date) - date.fromisoformat(own.date)).days
    return 0 < lag <= (_TOLD_WITHIN if told_week else 2)


def _vague(event: Event, cand: _Candidate) -> bool:
    """Undated, and placed by no word of its own sentence (unplaced, or placed by the
    paragraph or document around it)."""
    return event.date is None and (event.location is None or cand.location.inferred)


def _same_kind_place_time(first: Event, later: Event, *, near: bool,
                          inferred: bool = False, said_later: bool = False) -> bool:
    if merge_key(first) != merge_key(later) or not (said_later or _dates_agree(first, later)):
        return False
    both_dated = first.date is not None and later.date is not None
    # a place taken from another sentence agrees as an unknown one does, or as itself
    if not (_places_agree(first, later, near or both_dated) or
            (inferred and (near or both_dated))):
        return False
    return not _actors_conflict(first.actor1, later.actor1)


_SEVERITY = ("Violent demonstration", "Excessive force against protesters",
             "Protest with intervention", "Government regains territory",
             "Non-state actor overtakes territory")


def _severity(event: Event) -> int:
    """How far a happening went, where ACLED codes an event by its most severe part: a
    protest that turned violent or met force is coded as what it became, and fighting
    that changed who holds a place as the change of territory."""
    return len(_SEVERITY) - _SEVERITY.index(event.sub_event_type) \
        if event.sub_event_type in _SEVERITY else 0


def _crowd_severity(sub_event_type: str) -> int:
    """:func:`_severity` among the outcomes of a demonstration (0 for the rest)."""
    return len(_SEVERITY) - _SEVERITY.index(sub_event_type) \
        if sub_event_type in _SEVERITY[:3] else 0


def _absorb(first: Event, later: Event, guessed: set[str], *, place: bool = True,
            onset: bool = False, linked: bool = False, outcome: bool = True,
            front: bool = False) -> None:
    """Fold a later telling into the first: the better place (:func:`_better_place`;
    unless ``place`` is false: a reference is placed where the reaction is and names its
    speakers, unless its place is ``linked`` to it) and finer actors, finer date (or, with
    ``onset``, the day it began), the first telling's type (unless a later one is more
    severe, and an ``outcome`` of it: not what a protest is about), the lowest fatality
    figure, the union of the rest. ``guessed`` holds the ids of the events placed only by
    another sentence (kept up to date). With ``front`` the first telling is placed on a
    town's front (:func:`_on_a_front`), and the later one's place, the site, is better."""
    if outcome and merge_key(first) == merge_key(later) and \
            _severity(later) > _severity(first):
        first.sub_event_type, first.event_type = later.sub_event_type, later.event_type
    if outcome and later.sub_event_type == _ARRESTS and \
            first.sub_event_type == "Peaceful protest":
        first.sub_event_type = "Protest with intervention"  # the arrests were the intervention
    if (place or linked) and (_better_place(first, later, guessed) or (
            front and later.location is not None)):
        first.location, first.location_text = later.location, later.location_text
        first.location_start, first.location_end = later.location_start, later.location_end
        first.location_role, first.geo_precision = later.location_role, later.geo_precision
        if later.id in guessed:
            guessed.add(first.id)
        else:
            guessed.discard(first.id)
    if _ORDER.get(later.date_precision, 4) < _ORDER.get(first.date_precision, 4) or (
            onset and _began_before(later, first)):
        first.date, first.date_precision, first.date_text = (
            later.date, later.date_precision, later.date_text)
    if later.fatalities is not None:
        first.fatalities = later.fatalities if first.fatalities is None else min(
            first.fatalities, later.fatalities)
    first.quantities = list(dict.fromkeys(first.quantities + later.quantities))
    first.instruments = list(dict.fromkeys(first.instruments + later.instruments))
    if place:  # a reference's actors are the reaction's ("reports of Ugandan strikes")
        first.actor1 = finer_actor(first.actor1, later.actor1)
        first.actor2 = finer_actor(first.actor2, later.actor2)
    first.mentions.extend(later.mentions)
    first.reason += f" Told again as {later.trigger!r}: {later.sentence[:80]!r}."


# how far a later telling's finer place may lie from the site or district a first telling
# names for the happening and still refine it ("near Ancuabe" → "in Ancuabe town")
_REFINE_KM = 50.0
# how far from a disaster's place the damage it did may be told (see _struck_there)
_STRUCK_KM = 100.0


def _better_place(first: Event, later: Event, guessed: set[str]) -> bool:
    """Whether a later telling of ``first``'s happening places it better: the finer
    geo-precision, the site over the place a strike came from, or a place the telling
    itself names inside the first one (Benue state inside Nigeria) — not a place it
    only inherited from another sentence ("The attack on Kwatas" placed at the report's
    main town does not move the attack told "in Kwatas, in Benue state"). A first
    telling that names its own site, a town or district or a village the gazetteer lacks
    placed in its district (precision 2 or finer, not lent by another sentence), keeps
    it against a finer place more than :data:`_REFINE_KM` away: "a raid on the village
    of Nacuca in Chiúre district" is not moved to Pemba by "setting fire to the village,
    the priest told the diocese of Pemba's radio station" — a later telling's place
    elsewhere is its speaker's or another happening's, not a finer reading of this one."""
    if later.location is None:
        return False
    if first.location is None:
        return True
    if later.id in guessed and first.id not in guessed:
        return False  # a place lent by another sentence never beats the sentence's own
    if first.id in guessed and later.id not in guessed and \
            (later.geo_precision or 3) <= min(2, first.geo_precision or 3):
        return True  # nor keeps a telling's own town or district from the happening
    finer = (later.geo_precision or 3) < (first.geo_precision or 3)
    if finer and first.id not in guessed and (first.geo_precision or 3) <= 2 and \
            not same_place(first.location, later.location, distance=_REFINE_KM):
        finer = False  # a site its own telling names is not moved to a place elsewhere
    return finer or (
        first.location_role == "origin" and _site(later) is not None) or (
        later.id not in guessed and contains(first.location, later.location))


def _at_its_town(first: tuple[Event, _Candidate], recent: list[tuple[Event, _Candidate]],
                 later: tuple[Event, _Candidate], onto: Ontology) -> tuple[Event, _Candidate]:
    """The happening an undated telling placed only by its paragraph tells, of the
    recent ones it may tell (``first``, the earliest, among them): the one at the
    paragraph's town when the earliest is at another ("Rioters looted shops" in the
    paragraph on Abéché is the Abéché riot told the sentence before, not the protest in
    Bria told before it)."""
    if _at_one_town(first[0], later[0]):
        return first
    cand = later[1]
    return next((k for k in recent if _at_one_town(k[0], later[0]) and _one_happening(
        k, later, near=abs(cand.sentence - k[1].sentence) <= _NEAR_SENTENCES, onto=onto)),
        first)


def _at_one_town(a: Event, b: Event) -> bool:
    """Whether two tellings are placed at one town (see :func:`_one_town`)."""
    towns = _towns(a, b)
    return towns is not None and _one_town(*towns)


def _began_before(onset: Event, event: Event) -> bool:
    """Whether an onset ("The fire broke out on Sunday") dates a happening told as of a
    later day ("a wildfire forced evacuations on Monday") to its first day, within a
    week."""
    if onset.date_precision != DAY or event.date_precision != DAY or \
            onset.date is None or event.date is None:
        return False
    start, told = date.fromisoformat(onset.date), date.fromisoformat(event.date)
    return told - timedelta(days=7) <= start < told


def _merge_document(mentions: list[tuple[Event, _Candidate]],
                    onto: Ontology) -> list[Event]:
    """One event per happening. Each telling joins the first compatible event within
    :data:`_MERGE_WINDOW` sentences (of its kind, :func:`_one_happening`, else any
    political violence, :func:`_one_attack`). A reference joins the event it most likely
    refers to (same kind, same place, same date, nearest), and a consequence or damage
    told on its own joins a violent event at most :data:`_NEAR_SENTENCES` away from a
    telling of it (any telling that joined it), or the happening told before it that it
    is another account of (:func:`_account_of`); either stands alone only when there is
    no such event."""
    guessed = {e.id for e, c in mentions if c.location.inferred}
    kept: list[tuple[Event, _Candidate]] = []
    # the sentence of each kept event: the mentions come in text order, so kept events
    # are in sentence order, and only those within _MERGE_WINDOW are compared (by
    # bisection: the comparisons stay linear in the number of mentions)
    kept_at: list[int] = []
    by_kind: dict[str, list[tuple[Event, _Candidate]]] = {}
    later: list[tuple[Event, _Candidate]] = []
    coded: set[int] = set()  # events typed by _one_attack's rules
    joined: list[tuple[int, tuple[Event, _Candidate]]] = []  # (sentence, event it told)
    summarised: set[int] = set()  # list items already joined by their full telling
    # where demonstrations are told (see _force_on_the_crowd): sentence, place
    protests_told = [(c.sentence, None if c.location.inferred else _site(e))
                     for e, c in mentions if merge_key(e) == "Protests"]
    for event, cand in mentions:
        if cand.reference or cand.accompanying:
            later.append((event, cand))
            continue
        # (the events of the kind told too far back are dropped: they never come back
        # within the window of a later mention)
        recent = by_kind[merge_key(event)] = [
            k for k in by_kind.get(merge_key(event), ())
            if cand.sentence - k[1].sentence <= _MERGE_WINDOW]
        # the kept events told within _MERGE_WINDOW sentences before this one
        window = kept[bisect.bisect_left(kept_at, cand.sentence - _MERGE_WINDOW):]
        first = next((k for k in recent if _one_happening(
            k, (event, cand), near=abs(cand.sentence - k[1].sentence) <= _NEAR_SENTENCES,
            onto=onto)), None)
        if first is not None and _vague(event, cand):
            first = _at_its_town(first, recent, (event, cand), onto)
        if first is None and event.event_type in _POLITICAL_VIOLENCE:
            first = next((k for k in window if k[0].event_type in _POLITICAL_VIOLENCE
                          and not _gapped_apart(k[1], cand)
                          and _one_attack(k, (event, cand), onto)), None)
            if first is not None:
                coded.add(id(first))
                if _coded_as(first[0], event, onto) or \
                        _typed_by_the_account(first, (event, cand), onto):
                    by_kind.setdefault(merge_key(event), []).append(first)
        item = None
        if first is None and not _listed(cand):
            item = next((k for k in window if id(k) not in summarised
                         and _summarises(k, (event, cand))), None)
        if item is not None:
            summarised.add(id(item))
            _absorb(item[0], event, guessed)
            _told_in_full(item[0], event, guessed)
            by_kind.setdefault(merge_key(event), []).append(item)
            continue
        disaster = None
        if first is None and merge_key(event) == "Disaster":
            disaster = next((k for k in recent if _same_disaster(k, (event, cand), onto)),
                            None)
        crowd = None
        if first is None and merge_key(event) in ("Protests", "Attack"):
            crowd = next((k for k in window if _force_on_the_crowd(k, (event, cand), onto,
                                                                   protests_told)), None)
        if disaster is not None:
            # the disaster's place stays unless the telling names a place inside it (an
            # epicentre offshore is where it began, not where it struck)
            where = disaster[0].location
            _absorb(disaster[0], event, guessed, place=where is None or (
                event.location is not None and contains(where, event.location)))
        elif crowd is not None:
            protest = crowd[0] if merge_key(crowd[0]) == "Protests" else event
            kind = (protest.event_type, protest.sub_event_type)
            _absorb(crowd[0], event, guessed)
            _code_demonstration(crowd[0], kind)
            by_kind.setdefault("Protests", []).append(crowd)
        elif first is None:
            kept.append((event, cand))
            kept_at.append(cand.sentence)
            by_kind.setdefault(merge_key(event), []).append((event, cand))
        else:
            if _said_later(first[1], cand):  # the happening's own day, not the telling's
                first[0].date, first[0].date_precision, first[0].date_text = (
                    event.date, event.date_precision, event.date_text)
                first[1].date = cand.date
            # what a protest is about is no outcome of it ("rallied to mourn dozens of
            # demonstrators killed last month in a brutal raid on a sit-in")
            _absorb(first[0], event, guessed,
                    outcome=not protest_background(cand.trigger.token, onto),
                    place=not _on_a_front(cand), front=_on_a_front(first[1]))
            joined.append((cand.sentence, first))
    # where each event is told: its first telling and every telling that joined it, of
    # its kind ("A fighter jet dropped two bombs …" after "an airstrike killed 19") or
    # by _one_attack (a car bomb told after the attack it opened)
    index = {id(k[0]): i for i, k in enumerate(kept)}
    tellings = sorted([(k[1].sentence, i) for i, k in enumerate(kept)] +
                      [(sentence, index[id(k[0])]) for sentence, k in joined])
    sentences = [s for s, _ in tellings]
    alone: list[tuple[Event, _Candidate]] = []  # references with no event to join
    # consequences told apart that joined an event, as that event told there: a reference
    # joins it as it would join the consequence standing alone
    consequences: list[tuple[Event, _Candidate]] = []
    # where the hurt were cared for ("died … at the Rajendra Institute of Medical Sciences
    # in Ranchi, where the injured had been flown"): the place of no consequence told there
    care = {c.location.toponym.start for _, c in later if c.accompanying and _in_care(c)
            and c.location.toponym is not None}
    for event, cand in later:
        # the kept events within _MERGE_WINDOW sentences before or after the mention
        around_it = kept[bisect.bisect_left(kept_at, cand.sentence - _MERGE_WINDOW):
                         bisect.bisect_right(kept_at, cand.sentence + _MERGE_WINDOW)]
        if _sum_of_the_told(event, cand, around_it):
            continue
        # a consequence with no date and no place of its own may be told far from its
        # event ("Residents said the insurgents looted shops before they left")
        reach = _MERGE_WINDOW if cand.reference or _vague(event, cand) else _NEAR_SENTENCES
        lo = bisect.bisect_left(sentences, cand.sentence - reach)
        hi = bisect.bisect_right(sentences, cand.sentence + reach)
        nearest: dict[int, int] = {}  # kept event → its telling nearest to this one
        for sentence, i in tellings[lo:hi]:
            if i not in nearest or abs(sentence - cand.sentence) < abs(
                    nearest[i] - cand.sentence):
                nearest[i] = sentence
        around = [kept[i] for i in sorted(nearest)]
        told_at = {id(kept[i]): sentence for i, sentence in nearest.items()}
        cared = cand.accompanying and (_in_care(cand) or (
            cand.location.toponym is not None and cand.location.toponym.start in care))
        own = _own_place(event, cand, around) and not cared
        targets = [k for k in around if _may_refer(
            k[0], event, _seizure(cand), told_after=_dated_by_the_telling(k[1], cand)) and (
            cand.reference or event.sub_event_type not in _ACCOMPANYING
            or k[0].trigger_start < event.trigger_start or _harm_told_next(k, cand))
            and not (own and _elsewhere(k[0], event) and not k[1].location.inferred
                     and not _along_the_front(k, (event, cand))
                     and not _in_the_named_region((event, cand), k))
            and not _listed_apart(k[1], cand)] or [
            k for k in (alone + (consequences if cand.reference else []))[-_MERGE_WINDOW:]
            if (merge_key(k[0]) == merge_key(event) or (
                cand.reference and k[1].accompanying and _may_refer(k[0], event)))
            and cand.sentence - k[1].sentence <= reach]
        if not cand.reference and not any(merge_key(k[0]) == merge_key(event)
                                          for k in targets):
            # a toll in another account ("the rebels gave their own version: six soldiers
            # were killed") is the happening of its kind told before, not a neighbour of
            # another kind
            account = _account_of(event, cand, around_it, onto)
            targets = [account] if account is not None else targets
        targets = [k for k in targets if not _gapped_apart(k[1], cand)]
        if not targets and _listed(cand):
            # a consequence told as a list item ("- Two truck drivers killed by an
            # explosive device on the Kaya-Dori road") names a happening told in full
            # further on
            targets = [k for k in kept if id(k) not in summarised and
                       k[1].sentence - cand.sentence <= _MERGE_WINDOW and
                       _summarises((event, cand), k)][:1]
            summarised.update(id(k) for k in targets)
        if targets:
            target = min(targets, key=lambda k: (
                # a reference that names its own place ("the attack on Toribío") is
                # about the happening there before one of its kind nearby
                own and not _at_the_same_place(k[0], event),
                merge_key(k[0]) != merge_key(event),
                not (k[0].location is None or event.location is None
                     or same_place(k[0].location, event.location)),
                not _dates_agree(k[0], event), not _told_alike(k[0], cand),
                told_at.get(id(k), k[1].sentence) > cand.sentence,
                abs(told_at.get(id(k), k[1].sentence) - cand.sentence)))
            if cand.toll_update and target[0].fatalities is not None:
                event.fatalities = None
            if _own_date_is_better(cand, target[1]) and not (
                    cand.accompanying and target[0].date is not None
                    and event.date is not None and event.date > target[0].date):
                # "the death toll from Friday's earthquake rose … on Monday": the day
                # the event's own words give, not the day of the sentence it was told in
                # (a toll revised, or the hurt dying, on a later day is not the
                # happening's day)
                target[0].date, target[0].date_precision, target[0].date_text = (
                    event.date, event.date_precision, event.date_text)
            if _tells_how(target[0], event) and id(target) not in coded:
                target[0].event_type, target[0].sub_event_type = (
                    event.event_type, event.sub_event_type)
            front = _on_a_front(cand)  # the town a front is named after is no site
            # a reference tells nothing of its own: the type its sentence's words gave it
            # ("The protest came as violence flared elsewhere") is no outcome of the event
            _absorb(target[0], event, guessed, place=not (cand.reference or cared or front),
                    onset=cand.reaction == "onset", linked=own and not front,
                    outcome=not cand.reference)
            if not cand.reference:
                consequences.append((target[0], cand))
                if id(target[0]) in index:
                    # a toll that joined an event is a telling of it there too ("its
                    # units had destroyed a group … and that 45 of them were killed")
                    told_here = (cand.sentence, index[id(target[0])])
                    at = bisect.bisect_right(tellings, told_here)
                    tellings.insert(at, told_here)
                    sentences.insert(at, cand.sentence)
        elif cand.reaction != "commemoration" or event.date is not None:
            alone.append((event, cand))  # a look back at nothing the report tells ("two
            # years since the collapse of two dams") is history, not a new event
    told = _intercepted_launches(sorted(kept + alone, key=lambda k: k[0].trigger_start),
                                 onto, guessed)
    dated = [e for e, _ in told if e.date is not None]
    if dated:
        news = min(e.trigger_start for e in dated)
        # (a report whose only dated happening is a statement is about that statement)
        told = [k for k in told if not _detail(*k) and not (
            dated != [k[0]] and _aside(k, guessed, news))
            and not (k[1].comment and k[0].trigger_start > news)]
    if any(e.event_type in VIOLENT_EVENT_TYPES | _CROWDS for e, _ in told):
        told = [k for k in told if not _about_the_news(k, guessed)]
    violence = [e.trigger_start for e, _ in told if e.event_type in _POLITICAL_VIOLENCE]
    return [e for e, _ in told if not (violence and _harmless_disaster(e)
                                       and e.trigger_start > min(violence))]


# what is told with no place of its own and still coded: the violence a claim or an
# interception is about places it, arrests are an act of the report's place, and a
# handover or a base is of the place named before it ("withdrew from the Abu Ghraib
# base … handed control of the military camp back to the army")
_PLACED_BY_THE_TOLD = frozenset({_CLAIM, _INTERCEPTION, _ARRESTS,
                                 "Non-violent transfer of territory",
                                 "Headquarters or base established"})


def _about_the_news(told: tuple[Event, _Candidate], guessed: set[str]) -> bool:
    """Whether a development or other incident (no violence, demonstration or diplomacy)
    in a report of violence or demonstrations is told in a sentence that names no place
    and is still placed only by another sentence or the document: what was done around
    the report's happenings ("the statements of two co-accused who have since withdrawn
    them", "the group's fighters had laid down arms", "a dispute over the death of a
    young man in a road accident", "a police spokesman said four gang members had been
    killed"), not an event an analyst
    codes at the place the report is about: ACLED places a development where it
    happened, which such a sentence does not say. (A statement is coded at the place of
    what it is about, at a coarser precision: see _fall_back.)"""
    event, cand = told
    return cand.placeless and event.id in guessed and \
        event.event_type not in VIOLENT_EVENT_TYPES | _CROWDS | _NO_SETTING and \
        event.sub_event_type not in _PLACED_BY_THE_TOLD


def _harmless_disaster(event: Event) -> bool:
    """Whether an event is a natural disaster that killed and hurt nobody ("heavy rain on
    13 April flooded parts of the 7th arrondissement, damaging about 300 houses. No
    casualties were reported."). Told after political violence, it is a side item of a
    report about that violence, which ACLED does not code; a harmless disaster that is
    the report's news (a wildfire forcing evacuations) stays."""
    return event.sub_event_type == "Natural disaster" and not event.fatalities and \
        not any(q.endswith(" injured") and not q.startswith("0 ") for q in event.quantities)


def _account_of(event: Event, cand: _Candidate, kept: list[tuple[Event, _Candidate]],
                onto: Ontology) -> tuple[Event, _Candidate] | None:
    """The one happening of a consequence's kind told before it in the report (within
    :data:`_MERGE_WINDOW` sentences) that it may be another account of ("the rebels gave
    their own version: six soldiers were killed", "militants attacked the station …"
    then, entries later in a live blog, "all five attackers have been killed"): at a
    place that agrees (the same, one inside the other, or unknown) on the same day, or
    dated only by its telling or told as what someone said up to two days after. None
    when it is marked as an act of its own ("separately", "another"), or when two such
    happenings could be meant."""
    # (a bare toll's kind is a guess: "two suspected gang members were killed, he said"
    # read as organised crime is the toll of the exchange of fire told before it)
    bare = _bare_toll(event, cand)
    if _another_act(cand, onto) or (event.event_type not in _POLITICAL_VIOLENCE
                                    and not bare):
        return None
    # the hurt dying where they were cared for ("two of the wounded died at the
    # hospital") are the toll of whatever violence hurt them, of any kind
    cared = cand.accompanying and _in_care(cand)
    # police hurt at a demonstration ("three police officers were injured") are hurt by
    # its crowd: the toll is the demonstration's
    policed = bare and own_side_hurt(cand.trigger.token, onto)
    told = [k for k in kept if 0 < cand.sentence - k[1].sentence <= _MERGE_WINDOW
            and (_dates_agree(k[0], event) or _reported_after(k[1], cand, onto)
                 or _dated_by_the_telling(k[1], cand))]
    kind = [k for k in told if merge_key(k[0]) == merge_key(event) or (
                (cared or bare) and k[0].event_type in _POLITICAL_VIOLENCE) or (
                policed and k[0].event_type in _CROWDS)]
    if not kind and _reported(_clause_verb(cand), onto):
        # a party's word on the toll ("in a press release, it said three Pahari men had
        # been killed by settlers") is its account of the violence told before, whatever
        # kind its words make it, when no violence of its kind was told
        kind = [k for k in told if k[0].event_type in VIOLENT_EVENT_TYPES]
    told = kind
    if event.event_type not in _POLITICAL_VIOLENCE:  # (a bare toll, see above)
        # of the violence told last before it, with no other happening told between
        # (the toll after "police launched an operation" is not the attack's before it)
        last = max((k[1].sentence for k in kept if k[1].sentence < cand.sentence),
                   default=None)
        told = [k for k in told if k[1].sentence == last]
    found = [k for k in told if _places_agree(k[0], event, near=True)]
    if bare and len(found) > 1:
        # the toll of the paragraph's place is of the happening there, not of one nearby
        found = [k for k in found if _at_the_same_place(k[0], event)]
    elif bare and not found and cand.location.inferred:
        # a bare toll has no place of its own: the place lent to it (by a paragraph
        # whose own place the gazetteer lacks, from the next paragraph) cannot make it
        # another happening than the one its kind told before it ("three police officers
        # were slightly injured" after the police dispersed the march)
        found = told
    if not found and _listed(cand):
        # a key point ("- On 6 May, … two Palestinians were killed") sums up a happening
        # the report tells after it, outside the list, on its day and at its place
        found = [k for k in kept if merge_key(k[0]) == merge_key(event)
                 and 0 < k[1].sentence - cand.sentence <= _MERGE_WINDOW
                 and not _listed(k[1]) and event.date is not None
                 and k[0].date == event.date and _places_agree(k[0], event, near=False)]
    return found[0] if len(found) == 1 else None


def _sum_of_the_told(event: Event, cand: _Candidate,
                     kept: list[tuple[Event, _Candidate]]) -> bool:
    """Whether a toll told on its own (a consequence with no weapon of its own) is the sum
    of the tolls of happenings the report tells one by one: two or more happenings of
    political violence in its area (the same place, one inside the other, or within
    :data:`~geoevents.events.dedup.DISTANCE_KM`) on its day, told within
    :data:`_MERGE_WINDOW` sentences before or after it, whose figures add up to no more
    than it ("The Ministry of Health says nine people have been killed in Tripoli today"
    after five at Souq al-Jumaa, two in Abu Salim and two in Janzour; a key point's "two
    Palestinians were killed" before the clash and the shooting told in full). A summary
    is no happening of its own, and its figure is no happening's toll. (``kept``: the
    events kept, at least those within the window.)"""
    if not cand.accompanying or cand.reference or not event.fatalities or \
            cand.trigger.lemma not in CONSEQUENCES or event.instruments or \
            cand.args.weapon_doer is not None:
        return False
    told = [k for k, c in kept if k.event_type in _POLITICAL_VIOLENCE
            and abs(cand.sentence - c.sentence) <= _MERGE_WINDOW
            and k.date is not None and event.date is not None and k.date == event.date
            and _places_agree(k, event, near=True)]
    figures = [k.fatalities for k in told if k.fatalities is not None]
    return len(told) > 1 and bool(figures) and sum(figures) <= event.fatalities


def _harm_told_next(violence: tuple[Event, _Candidate], damage: _Candidate) -> bool:
    """Whether violence on people told in the sentence right after damage is that
    damage's happening: it has no place and no doer of its own, so it takes the scene the
    damage was told with ("militants set fire to at least 20 fuel tankers on the road
    between Kayes and Bamako on Saturday. Three drivers were abducted."). ACLED codes
    the two as one event, the violence (its most severe part)."""
    event, cand = violence
    return cand.sentence - damage.sentence == 1 and event.actor1 is None and \
        cand.args.weapon_doer is None and event.event_type in _POLITICAL_VIOLENCE and \
        (event.location is None or cand.location.inferred)


def _bare_toll(event: Event, cand: _Candidate) -> bool:
    """Whether a mention only counts the hurt ("Eight other people were wounded"): a
    consequence with no doer, no weapon and no place of its own. Its kind is a guess,
    so it may be the toll of violence of any kind told before it."""
    return cand.accompanying and cand.trigger.lemma in CONSEQUENCES and \
        (event.actor1 is None or cand.args.actor1_reported) and not event.instruments and \
        cand.args.weapon_doer is None and (event.location is None or cand.location.inferred)


def _dated_by_the_telling(first: _Candidate, later: _Candidate) -> bool:
    """Whether ``later`` is dated only by its sentence (a statement "sent on Wednesday
    night"), one or two days after ``first``'s own day: the day of the telling."""
    told, own = later.date, first.date
    if told is None or own is None or told.attached or told.precision != DAY or \
            own.precision != DAY or told.date is None or own.date is None:
        return False
    return 0 < (date.fromisoformat(told.date) - date.fromisoformat(own.date)).days <= 2


def _told_alike(event: Event, cand: _Candidate) -> bool:
    """Whether a telling uses a word the event was told with ("its fighters had killed
    nine soldiers in the ambush" after "killed four soldiers in an ambush"): what a
    reference most likely points back to, before a nearer event of the same kind."""
    words = {m["trigger"].lower() for m in event.mentions}
    return cand.trigger.token.lower_ in words or lemma(cand.trigger.token) in words


def _detail(event: Event, cand: _Candidate) -> bool:
    """A detail of a report about a dated happening, not an event an analyst can code:
    no date, no place of its own, nothing counted and no weapon ("The woman entered the
    crowded market shortly after sunset"), and so is a statement told so ("The interior
    minister condemned 'unacceptable violence'"): a reaction placed and dated by nothing
    of its own is commentary on the happening, not a diplomatic event of its own (see
    also :func:`_aside`)."""
    return _vague(event, cand) and not event.quantities and not event.instruments


def _aside(told_here: tuple[Event, _Candidate], guessed: set[str], news: int) -> bool:
    """Words or a non-violent act (:data:`_ASIDES`, claims) told in one sentence in a
    report about a dated happening, whose coordinates only another sentence lends (the
    paragraph's or the document's place, also when it names a place the gazetteer lacks;
    ``guessed`` holds their ids, see :func:`_absorb`): an aside of the report ("said the
    commander, who visited the scene on Saturday", "bodies were recovered along with
    weapons" after an encounter told before), since the lent place is the violence's,
    not its own, and an analyst codes such acts only where the text says they happened.
    A strategic development with no time of its own told after the first dated event
    (``news``, its offset) is an aside wherever it is placed ("Police in Gusau said
    officers had been deployed to track the kidnappers": a response, or a state of
    things, told around the news; a lead that tells one is the news). Not a call, whose two sides
    are in two places and which the text places only by what it is about, nor a weapon
    stopped in flight, which is where the strike it stopped was going (a seizure is
    not)."""
    event, cand = told_here
    if event.sub_event_type == "Call" or (
            event.sub_event_type == _INTERCEPTION and not _seizure(cand)):
        return False
    if event.event_type == _STRATEGIC and event.date is None and event.trigger_start > news:
        return True
    if event.id not in guessed or len({m["sentence"] for m in event.mentions}) > 1:
        return False
    return event.event_type in _ASIDES or event.sub_event_type == _CLAIM


def _intercepted_launches(told: list[tuple[Event, _Candidate]], onto: Ontology,
                          guessed: set[str]) -> list[tuple[Event, _Candidate]]:
    """A launch and the interception of the same weapon ("fired a ballistic missile at
    Tel Aviv … the missile was intercepted") are one happening, coded as the
    interception: the launch joins it."""
    out: list[tuple[Event, _Candidate]] = []
    for event, cand in told:
        launch = next((k for k in reversed(out[-3:]) if k[0].event_type == _REMOTE
                       and 0 <= cand.sentence - k[1].sentence <= _NEAR_SENTENCES
                       and _dates_agree(k[0], event)), None) \
            if event.sub_event_type == _INTERCEPTION and _the_weapon(cand, onto) else None
        if launch is not None:
            out.remove(launch)
            _absorb(event, launch[0], guessed)
        out.append((event, cand))
    return out


def _the_weapon(cand: _Candidate, onto: Ontology) -> bool:
    """Whether an interception names a weapon already told ("the missile was
    intercepted", "shot down the drone")."""
    return any(c.dep_ in ("nsubjpass", "dobj") and lemma(c) in onto.words("weapon") and
               any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in c.children)
               for c in cand.trigger.token.children)


def _own_date_is_better(mention: _Candidate, event: _Candidate) -> bool:
    """Whether a reference's date, attached to its own words, should replace an event's
    date that was only the date of the sentence the event was told in."""
    own, told = mention.date, event.date
    return own is not None and own.attached and own.precision == DAY and \
        told is not None and not told.attached and told.precision == DAY


def _tells_how(event: Event, mention: Event) -> bool:
    """Whether a reference says better how a violent event was done ("synchronised
    attacks … the attacks were carried out with grenades"): it names the weapon the
    event lacks and its type is the surer one."""
    return bool(mention.instruments) and not event.instruments and \
        mention.confidence > event.confidence and \
        {event.event_type, mention.event_type} <= VIOLENT_EVENT_TYPES


def _own_place(mention: Event, cand: _Candidate,
               nearby: list[tuple[Event, _Candidate]]) -> bool:
    """Whether a reference's place is the event's own ("the shelling of Kharkiv"): linked
    to it by the parse, and not where a reaction told in the same sentence happens
    ("the minister condemned the attack in Accra": the condemnation's place)."""
    if not cand.location.linked or mention.location is None:
        return False
    return not any(k[1].sentence == cand.sentence and k[0].location is not None
                   and same_place(k[0].location, mention.location) for k in nearby)


def _at_the_same_place(event: Event, mention: Event) -> bool:
    """Whether a mention's own place is the gazetteer place of ``event``'s site."""
    site, own = _site(event), _site(mention)
    return site is not None and own is not None and site.id == own.id


def _elsewhere(event: Event, mention: Event) -> bool:
    """Whether a mention's own place lies away from ``event``'s: then it tells another
    happening."""
    site, own = _site(event), _site(mention)
    return site is not None and own is not None and not same_place(site, own)


def _arrests_protested(cand: _Candidate, onto: Ontology) -> bool:
    """Whether an undated mention of arrests is what a protest of its sentence is about
    ("staged a sit-in to protest the detention of two colleagues", "rallied in support of
    the arrested leader"): no arrest told there and then, so no intervention in it. An
    arrest participle describing the one the protest is for is so however it is dated
    ("held a vigil for a local father of three detained last week"), also when the rules
    took it for arrests at the protest."""
    token = cand.trigger.token
    described = token.tag_ == "VBN" and token.dep_ in ("amod", "acl") and \
        cand.trigger.lemma in onto.sub_types[_ARRESTS].verbs
    undated = cand.typing.sub_event_type == _ARRESTS and (
        cand.date is None or cand.date.precision == UNRESOLVED)
    return (described or undated) and protest_background(token, onto)


def _seizure(cand: _Candidate) -> bool:
    """Whether a mention tells weapons found or seized (not a launch stopped: an
    interception, a bomb defused), also when the gang the weapons were taken from made
    it read as organised crime ("police said a rifle and two grenades were seized")."""
    return cand.typing.sub_event_type in (_INTERCEPTION, "Organised crime") and \
        cand.trigger.lemma in _SEIZING


def _may_refer(event: Event, mention: Event, seized: bool = False, *,
               told_after: bool = False) -> bool:
    """Whether a reference or accompanying mention can be about ``event``: the same
    kind, or violence of any kind (organised crime included) for violence or damage,
    or for weapons ``seized`` there and then, or by a party's account dated only by its
    telling a day or two after (``told_after``: "in a statement released on Saturday,
    the group said its fighters had … seized weapons" after Friday's battle)."""
    if merge_key(event) == merge_key(mention):
        return True
    if seized:  # a dated fight or attack, not a detail told around it
        return event.event_type in VIOLENT_EVENT_TYPES and event.date is not None and \
            (_dates_agree(event, mention) or told_after)
    if mention.sub_event_type == _CLAIM:  # who did it: any violence
        return event.event_type in VIOLENT_EVENT_TYPES
    if mention.sub_event_type == _ARRESTS:  # arrests at a protest are its intervention:
        # there and then, not arrests in another city ("… in Hamilton. Protesters marched
        # in Accra.")
        if event.location is not None and mention.location is not None:
            here = same_place(event.location, mention.location)
        else:  # a place named but not resolved is still another place
            here = not (event.location_text and mention.location_text
                        and event.location_text != mention.location_text)
        return event.event_type in _CROWDS and _dates_agree(event, mention) and here and \
            not _other_weekday(event, mention)
    if mention.sub_event_type in _ACCOMPANYING:  # damage done by violence or a disaster
        return event.event_type in VIOLENT_EVENT_TYPES or event.sub_event_type in _DISASTERS
    if mention.sub_event_type in _MOVEMENTS:  # how a fight or an attack ended
        return event.event_type in VIOLENT_EVENT_TYPES
    # gang and cartel violence is violence ("gang members attacked the town … 10 people
    # were killed in the attack")
    return (event.event_type in VIOLENT_EVENT_TYPES or event.sub_event_type == "Organised crime"
            ) and mention.event_type in VIOLENT_EVENT_TYPES


def locate_trigger(token, toponyms: list[Toponym]) -> Location:
    """The place of the event a given word announces, whether or not the lexicon knows
    the word (evaluation data name their own trigger words)."""
    onto = load_ontology()
    token = word(token)
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
    trig = Trigger(token=token, lemma=lemma(token), pos=pos, phrase=None, sub_types=())
    args = extract_arguments(trig, onto)
    cand = _Candidate(trig, args, Typing("Other", 0.0, ""), 0)
    return locate(token, _anchors(cand, onto), token.sent, toponyms)
