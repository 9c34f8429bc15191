"""The event ontology: ACLED event/sub-event types plus geoevents' extensions.

Everything lives in one data file, ``geoevents/data/event_ontology.json``: per sub-event
type a short definition, trigger verbs and nouns (lemmas or short phrases), the trigger
words that need a particular argument (``requires``) and the CASE 2021 labels that map to
it; per weapon sub-type the cue words that name the weapon; and the named word classes the
rules read (``civilian``, ``crime``, ``intervention``, …). Type names are ACLED's; the
definitions are our own paraphrases.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

GENERIC = "*generic violence*"
# the event type whose sub-types are told apart by the weapon named (their ``cues``)
WEAPON_EVENT_TYPE = "Explosions/Remote violence"
# the event types of violence (Strategic developments, Protests and the rest are not)
VIOLENT_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence",
                                 "Violence against civilians", "Riots"})
DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "event_ontology.json"


@dataclass(frozen=True)
class SubEventType:
    """One sub-event type and the words that signal it."""

    name: str
    event_type: str
    definition: str
    acled: bool
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    cues: tuple[str, ...]  # words naming the weapon (weapon sub-types only)
    requires: dict[str, tuple[str, ...]] = field(hash=False)
    case2021: tuple[str, ...] = ()

    def required_classes(self, lemma: str, pos: str) -> tuple[str, ...]:
        """Word classes one of which must occur around a ``lemma`` trigger ('' → none)."""
        if pos == "NOUN":
            return self.requires.get(f"{lemma}@n", ())
        return self.requires.get(lemma, ())


@dataclass(frozen=True)
class Ontology:
    """Event types, sub-event types, trigger indexes and word classes."""

    event_types: dict[str, str]  # name -> definition
    sub_types: dict[str, SubEventType]
    word_classes: dict[str, frozenset[str]]
    verb_index: dict[str, tuple[str, ...]]  # one-word verb trigger -> sub-types
    noun_index: dict[str, tuple[str, ...]]  # one-word noun trigger -> sub-types
    # head lemma -> ((words, sub-type), ...) for multiword triggers, longest first;
    # the sub-type GENERIC marks generic violence ("open fire")
    verb_phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    noun_phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]

    def event_type_of(self, sub_event_type: str) -> str:
        return self.sub_types[sub_event_type].event_type

    def words(self, word_class: str) -> frozenset[str]:
        """The words of a named class (``civilian``, ``armed``, ``weapon``, …)."""
        return self.word_classes.get(word_class, frozenset())

    def to_case2021(self, sub_event_type: str) -> str:
        """The CASE 2021 label of one of our sub-event types (``OTHER`` when none)."""
        labels = self.sub_types[sub_event_type].case2021
        return labels[0] if labels else "OTHER"

    def from_case2021(self, label: str) -> list[str]:
        """Our sub-event types that a CASE 2021 label maps to."""
        return [s.name for s in self.sub_types.values() if label in s.case2021]


def _raw() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The ontology from the packaged data file (parsed once per process)."""
    raw = _raw()
    event_types: dict[str, str] = {}
    sub_types: dict[str, SubEventType] = {}
    verb_index: dict[str, list[str]] = {}
    noun_index: dict[str, list[str]] = {}
    verb_phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    noun_phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def add(words_text: str, sub_type: str, *, noun: bool) -> None:
        words = tuple(words_text.split())
        if len(words) == 1:
            (noun_index if noun else verb_index).setdefault(words[0], []).append(sub_type)
        elif noun:
            head = words[0] if "of" in words else words[-1]
            noun_phrases.setdefault(head, []).append((words, sub_type))
        else:
            verb_phrases.setdefault(words[0], []).append((words, sub_type))

    for et in raw["event_types"]:
        event_types[et["name"]] = et["definition"]
        for st in et["sub_event_types"]:
            sub = SubEventType(
                name=st["name"], event_type=et["name"], definition=st["definition"],
                acled=bool(et["acled"]), verbs=tuple(st["verbs"]), nouns=tuple(st["nouns"]),
                cues=tuple(st.get("cues", ())),
                requires={k: tuple(v) for k, v in st.get("requires", {}).items()},
                case2021=tuple(st.get("case2021", ())),
            )
            sub_types[sub.name] = sub
            for verb in sub.verbs:
                add(verb, sub.name, noun=False)
            for noun in sub.nouns:
                add(noun, sub.name, noun=True)
    generic = raw["generic_violence"]
    for verb in generic["verbs"]:
        add(verb, GENERIC, noun=False)
    for noun in generic["nouns"]:
        add(noun, GENERIC, noun=True)

    def freeze(index: dict[str, list]) -> dict[str, tuple]:
        return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}

    def by_length(index: dict[str, list]) -> dict[str, tuple]:
        return {k: tuple(sorted(dict.fromkeys(v), key=lambda p: -len(p[0])))
                for k, v in index.items()}

    return Ontology(
        event_types=event_types,
        sub_types=sub_types,
        word_classes={k: frozenset(v) for k, v in raw["word_classes"].items()},
        verb_index=freeze(verb_index),
        noun_index=freeze(noun_index),
        verb_phrases=by_length(verb_phrases),
        noun_phrases=by_length(noun_phrases),
    )


def validate(raw: dict | None = None) -> list[str]:
    """Problems in the ontology data (empty when it is consistent)."""
    raw = raw or _raw()
    problems: list[str] = []
    seen: set[str] = set()
    known_classes = set(raw["word_classes"]) | {"GPE", "PERSON", "STATE_SUBJECT"}
    for et in raw["event_types"]:
        if not et.get("definition"):
            problems.append(f"event type {et['name']!r} has no definition")
        for st in et["sub_event_types"]:
            name = st["name"]
            if name in seen:
                problems.append(f"sub-event type {name!r} is defined twice")
            seen.add(name)
            if not st.get("definition"):
                problems.append(f"sub-event type {name!r} has no definition")
            if st.get("cues") and et["name"] != WEAPON_EVENT_TYPE:
                problems.append(f"{name}: cues are read only for weapon sub-types "
                                f"({WEAPON_EVENT_TYPE}); use a word class")
            if not st.get("case2021"):
                problems.append(f"sub-event type {name!r} has no CASE 2021 label")
            for key, classes in st.get("requires", {}).items():
                problems.extend(
                    f"{name}: requirement {key!r} names unknown word class {c!r}"
                    for c in classes if c not in known_classes)
    return problems
