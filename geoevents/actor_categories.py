"""ACLED's actor categories (``inter1``/``inter2``) and ``interaction`` from the actor
phrases of an event, as the text names them.

ACLED sorts every actor into one of eight categories: 1 state forces (a government's
military, police and officials acting in their own country), 2 rebel groups (organised
armed groups that fight to take or break away from the state, jihadist groups among
them), 3 political militias (armed groups serving a political end without seeking to
replace the government; ACLED also files unidentified armed groups and gangs here),
4 identity militias (armed groups of a community, clan or ethnic group), 5 rioters,
6 protesters, 7 civilians (always the victims, never the side that acts) and 8 external
or other forces (a state's forces outside its own country, international missions,
private security). ``interaction`` joins the two codes of an event, the lower digit
first (a state's forces against civilians: 17, whichever is actor1), or the actor1 code
and 0 when the event has a single actor (peaceful protesters alone: 60).

:func:`categories` reads the phrase in this order, and leaves it empty when none fits
(never a guess):

1. a group named in :data:`KNOWN_GROUPS` (its acronym too: "ADF rebels", "the RSF");
2. words of international missions and private forces (:data:`EXTERNAL_WORDS`) -> 8;
3. communal words with an armed noun ("tribal fighters", "rival clans") -> 4;
4. rebel words ("insurgents", "militants", "jihadists", "separatists") -> 2;
5. unidentified armed men, gangs and settlers ("gunmen", "bandits", "armed men") -> 3;
6. a state's role (:data:`geoevents.events.dedup.ROLES`: "soldiers", "police",
   "Russian troops", "the authorities"; "officers", and aircraft with a state's name)
   whose other words are only the state's name or demonym, state qualifiers and the
   force's posts ("army patrol"; not "Myanmar National Democratic Alliance Army")
   -> 1 when the state is the event's country or none is named, 8 when it is another
   (from the demonym table, :func:`dedup.actor_key`); a named state with no event
   country stays empty; a bare demonym or country ("Israeli strikes", "Russian
   shelling") as the actor1 of a battle or explosion is that state's forces;
7. by the event type: in a protest, people ("farmers", "hundreds", no actor1 at all)
   are protesters (6); in a riot, rioters (5); civilian nouns ("villagers",
   "worshippers", "journalists") as actor2 are civilians (7), and the actor2 of
   violence against civilians is civilians by definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from geoevents.events.dedup import ROLES, actor_key

STATE, REBEL, POLITICAL, IDENTITY, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)
NAMES = {STATE: "State forces", REBEL: "Rebel groups", POLITICAL: "Political militias",
         IDENTITY: "Identity militias", RIOTERS: "Rioters", PROTESTERS: "Protesters",
         CIVILIANS: "Civilians", EXTERNAL: "External/Other forces"}
CIVILIAN_TARGETING = "Civilian targeting"

# named armed groups, as lower-case phrases or acronyms, and ACLED's category of each
# (a de facto government's forces are state forces in its country: the Taliban in
# Afghanistan; elsewhere they are the Pakistani Taliban, a rebel group)
KNOWN_GROUPS: dict[str, int] = {
    **dict.fromkeys((
        "islamic state", "isis", "isil", "daesh", "iswap", "al-qaeda", "al qaeda",
        "jnim", "al-shabaab", "al shabaab", "shabaab", "boko haram", "jas", "hamas",
        "allied democratic forces", "adf", "m23", "eln", "national liberation army",
        "farc", "npa", "new people's army", "oromo liberation army", "ola",
        "myanmar national democratic alliance army", "mndaa", "tnla",
        "ta'ang national liberation army", "kachin independence army", "kia",
        "arakan army", "syrian democratic forces", "sdf", "rapid support forces", "rsf",
        "maoists", "maoist", "naxals", "ttp", "tehrik-i-taliban", "pakistani taliban",
        "3r", "upc", "crp", "ambazonian", "pkk", "al-nusra", "hts",
        "hayat tahrir al-sham", "bla", "baloch liberation army"), REBEL),
    **dict.fromkeys(("fano", "codeco", "cjng", "cárteles unidos", "carteles unidos",
                     "sinaloa cartel"), POLITICAL),
    **dict.fromkeys(("white army", "aakg", "azande ani kpi gbe", "dozo", "dozos"),
                    IDENTITY),
    **dict.fromkeys(("monusco", "unifil", "minusca", "unmiss", "atmis", "amisom",
                     "africa corps", "wagner"), EXTERNAL),
}
# Fano is not an identity or state actor; Wagner, a private military company, is an
# external force like Russia's Africa Corps; CODECO and the Mexican cartels are
# coded as political militias (armed groups without a claim to the state)
EXTERNAL_WORDS = ("peacekeeper", "peacekeepers", "peacekeeping", "private security",
                  "contractors", "mercenaries", "mercenary")
COMMUNAL_WORDS = ("tribal", "tribe", "tribes", "clan", "clans", "ethnic", "communal",
                  "community militia", "self-defence", "self-defense")
ARMED_NOUNS = ("fighters", "fighter", "militia", "militias", "militiamen", "gunmen",
               "men", "youths", "youth", "group", "groups", "clans", "clan", "tribes")
REBEL_WORDS = ("rebel", "rebels", "insurgent", "insurgents", "militant", "militants",
               "jihadist", "jihadists", "guerrilla", "guerrillas", "guerillas",
               "separatist", "separatists", "islamist", "islamists", "terrorist",
               "terrorists", "dissidents", "dissident", "extremists")
POLITICAL_WORDS = ("gunmen", "gunman", "bandit", "bandits", "armed men", "armed man",
                   "armed individuals", "armed group", "armed groups", "gang", "gangs",
                   "gang members", "cartel", "kidnappers", "militia", "militias",
                   "militiamen", "vigilantes", "assailants", "attackers",
                   "armed factions", "settlers")
# words that may stand beside a state's role noun in its forces' name or post
STATE_WORDS = frozenset((
    "the", "a", "an", "its", "his", "their", "our", "of", "and", "state",
    "national", "armed", "defence", "defense", "security", "special", "border", "federal",
    "government", "regional", "interior", "foreign", "riot", "military", "army", "air",
    "naval", "local", "other", "some", "several", "two", "three", "four", "five",
    "base", "bases", "post", "posts", "position", "positions", "outpost", "patrol",
    "convoy", "checkpoint", "camp", "barracks", "unit", "units", "officer", "officers",
    "policemen", "agents", "guard", "guards", "gendarmes", "gendarmerie", "personnel",
    "corps", "frontier", "ministry", "spokesman", "task", "team", "commander",
    "soldier", "soldiers", "troop", "troops", "forces", "force", "police", "navy",
    "jets", "jet", "warplanes", "artillery", "drones", "aircraft", "helicopter",
    "helicopters", "marines", "paratroopers", "authorities", "government", "junta",
    "administration", "suspected", "pro-government", "loyalist", "loyalists", "external",
    "affairs", "provincial", "spokesperson"))
STATE_NOUNS = frozenset({noun for nouns in ROLES.values() for noun in nouns} | {
    "gendarmes", "gendarmerie", "policemen", "officers", "agents", "guards", "corps",
    "personnel", "soldier", "troops", "aircraft", "helicopters"})
PEOPLE_NOUNS = frozenset((
    "people", "persons", "person", "men", "man", "women", "woman", "youths", "youth",
    "young", "residents", "resident", "villagers", "inhabitants", "citizens", "crowd",
    "crowds", "hundreds", "thousands", "dozens", "supporters", "workers", "students",
    "farmers", "traders", "drivers", "teachers", "nurses", "doctors", "producers",
    "growers", "miners", "veterans", "relatives", "families", "members",
    "employees", "staff", "activists", "protesters", "protester", "demonstrators",
    "marchers", "rioters", "mob", "locals", "opposition"))
RIOT_WORDS = ("rioters", "mob")
PROTEST_WORDS = ("protesters", "protestors", "protester", "demonstrators", "marchers")
# nouns of a state's forces that dedup's roles lack ("Russian aircraft", "officers")
_AIRCRAFT = frozenset({"aircraft", "helicopters", "helicopter"})
_FORCE_NOUNS = _AIRCRAFT | {"officers", "policemen"}
# the crowd that a protest or riot has by definition
_CROWDS = {"Protests": PROTESTERS, "Riots": RIOTERS}
# violent types, in which a bare demonym or country as actor1 is that state's forces
_ARMED_TYPES = frozenset({"Battles", "Explosions/Remote violence"})


@dataclass(frozen=True)
class Categories:
    """ACLED's codes of an event's actors: inter1, inter2, interaction and whether it
    targets civilians (each None where unknown)."""

    inter1: int | None
    inter2: int | None
    interaction: int | None
    civilian_targeting: str | None


def categories(event_type: str | None, actor1: str | None, actor2: str | None,
               country: str | None) -> Categories:
    """ACLED's actor codes of an event of ``event_type`` in ``country`` (ISO alpha-2)
    with these actor phrases; see the module's docstring for the rules."""
    inter1 = actor_category(actor1, country, event_type, first=True)
    inter2 = actor_category(actor2, country, event_type, first=False)
    crowd = _CROWDS.get(event_type or "")
    second = _words(actor2 or "")
    if crowd is not None and ((second and _people(second)) or (
            not second and inter1 not in (None, crowd))):
        inter2 = crowd  # the people of a protest or riot, or the crowd the police face
    if event_type == "Violence against civilians":
        inter2 = CIVILIANS
    return Categories(inter1, inter2, interaction(inter1, inter2, actor2),
                      CIVILIAN_TARGETING if inter2 == CIVILIANS else None)


def category_code(value: object) -> int | None:
    """An ACLED category as its number, from a number (``1``, ``"1"``, ``1.0``) or
    ACLED's name of it ("State forces", "Rebel group", "Civilians"); None otherwise."""
    if isinstance(value, str):
        text = value.strip().lower()
        named = next((code for code, name in NAMES.items()
                      if text and name.lower().startswith(text.removesuffix("s"))), None)
        value = named if named is not None else text
    try:
        code = int(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return code if code in NAMES else None


def interaction(inter1: int | None, inter2: int | None, actor2: str | None) -> int | None:
    """ACLED's interaction code: the two categories, lower digit first (17), or
    actor1's and 0 for an event with no second actor (60); None when a side is
    unknown."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10 if not (actor2 or "").strip() else None
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def actor_category(actor: str | None, country: str | None, event_type: str | None,
                   *, first: bool) -> int | None:
    """The ACLED category of one actor phrase (actor1 when ``first``) in an event of
    ``event_type`` in ``country``; None when the phrase does not tell it."""
    text = " ".join((actor or "").split())
    plain = _words(re.sub(r"\([^)]*\)", " ", text))
    whole = _words(text)
    padded = f" {' '.join(whole)} "
    crowd = _CROWDS.get(event_type or "") if first else None
    if crowd is not None and (not plain or _people(plain)):
        return crowd
    if not plain:
        return None
    found = _known_group(padded, country)
    if found is not None:
        return found
    if _has(padded, EXTERNAL_WORDS):
        return EXTERNAL
    if _has(padded, COMMUNAL_WORDS) and _has(padded, ARMED_NOUNS):
        return IDENTITY
    if _has(padded, REBEL_WORDS):
        return REBEL
    if _has(padded, POLITICAL_WORDS):
        return POLITICAL
    state = _state(text, plain, country, event_type if first else None)
    if state is not None:
        return state
    if _has(padded, RIOT_WORDS):
        return RIOTERS
    if _has(padded, PROTEST_WORDS):
        return PROTESTERS
    if not first and _civilian(plain):
        return CIVILIANS
    if crowd is not None and not set(plain) & _armed_words():
        return crowd  # a protest's or riot's first side, whatever the phrase names
    return None


def _words(text: str) -> list[str]:
    """The lower-case words of a phrase, without possessive 's ("Niger's army")."""
    return re.findall(r"[\w'-]+", re.sub(r"['’]s\b", "", text.lower()))


def _has(padded: str, phrases: tuple[str, ...]) -> bool:
    return any(f" {p} " in padded for p in phrases)


def _known_group(padded: str, country: str | None) -> int | None:
    """The category of a group of :data:`KNOWN_GROUPS` that the padded phrase names."""
    if " taliban " in padded and not _has(padded, ("pakistani taliban", "ttp")):
        return STATE if country == "AF" else REBEL
    return next((category for name, category in KNOWN_GROUPS.items()
                 if f" {name} " in padded), None)


def _state(text: str, words: list[str], country: str | None, event_type: str | None
           ) -> int | None:
    """1 or 8 for a state's forces or government named by role (see rule 6), else
    None."""
    key = actor_key(text)
    role = key[1] if key else None
    nouns = set(words) & _FORCE_NOUNS
    # aircraft without a state's name may be any side's; officers are a state's
    if role is None and nouns and (key is not None or nouns - _AIRCRAFT):
        role = "military"
    if key is None and role is None:
        return None
    others = set(words) - _country_name_words()
    if role is None:
        if event_type not in _ARMED_TYPES or others:
            return None
    elif others - STATE_WORDS or not set(words) & STATE_NOUNS:
        return None
    states = _states(words)
    if not states or country in states:
        return STATE
    return EXTERNAL if country else None


def _states(words: list[str]) -> set[str]:
    """The states whose names or demonyms (dedup's table, from the project's demonyms)
    are word sequences of the phrase ("Rwandan and Mozambican troops": RW and MZ)."""
    from geoevents.events.dedup import country_words

    table = country_words()
    return {code for n in (1, 2, 3) for i in range(len(words) - n + 1)
            if (code := table.get(" ".join(words[i:i + n])))}


@cache
def _country_name_words() -> frozenset[str]:
    """The words of all demonyms and country names (lower case)."""
    from geoevents.events.dedup import country_words

    return frozenset(w for name in country_words() for w in _words(name))


def _people(words: list[str]) -> bool:
    """Whether a phrase names a group of people (no armed force): its head is a people
    noun or a civilian noun."""
    return _head(words) in PEOPLE_NOUNS or _civilian(words)


def _head(words: list[str]) -> str:
    """The head noun of a phrase: its last word before "of" ("residents of Beni",
    "hundreds of Yazidis"), else its last word."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


@cache
def _armed_words() -> frozenset[str]:
    """Nouns of armed people and forces (the event ontology's class, plural forms
    too)."""
    from geoevents.events.ontology import load_ontology

    armed = load_ontology().words("armed")
    return frozenset(armed | {w + "s" for w in armed} | STATE_NOUNS)


@cache
def _civilian_lemmas() -> frozenset[str]:
    from geoevents.events.ontology import load_ontology

    return load_ontology().words("civilian") | load_ontology().words("person_noun")


# the ontology's person nouns that name no civilians: armed people, suspects, leaders
_NOT_CIVILIANS = frozenset({"soldier", "officer", "policeman", "militant", "fighter",
                            "rebel", "insurgent", "suspect", "commander", "opposition",
                            "member", "leader", "chief", "head"})


def _civilian(words: list[str]) -> bool:
    """Whether the phrase's head (:func:`_head`) is a civilian noun of the event
    ontology ("villagers", "worshippers", "aid workers"), or a people noun."""
    head = _head(words)
    lemmas = _civilian_lemmas()
    forms = {head, head.removesuffix("s"), head.removesuffix("es"),
             re.sub(r"men$", "man", head), re.sub(r"ren$", "", head)}
    return head in PEOPLE_NOUNS - {"members", "opposition"} or bool(
        forms & lemmas and not forms & _NOT_CIVILIANS)
