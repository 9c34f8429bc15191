"""Toponym recognition: the place mentions of a spaCy ``Doc``.

Sources of mentions, strongest first:

* NER entities labelled GPE, LOC or FAC (leading "the" and a trailing possessive removed);
* demonyms and adjectives from ``data/demonyms.csv`` ("Israeli territory" -> Israel);
* countries, capitals and first-level divisions whatever NER label they carry
  ("rallied in Yerevan", Yerevan tagged PERSON);
* names in locative and descriptive contexts (:func:`_context_names`: "in X", "in the
  strategic X", "eastern X", "the village of X", "residents of X", "the capital X", "X
  district", "between X and Y", "the X-Y road", "X's Y district", "stormed X", "attacks
  on X", "struck the X Checkpoint"), also names the gazetteer lacks, which stay named
  but unresolved;
* names listed with such a place ("attacking A, B and Kidal town");
* gazetteer phrase matching where NER says nothing or says ORG/PERSON: place names that
  head an organisation ("Laurel County Adult Education"), end one ("University of
  Nebraska"), stand in a locative context ("in Gainesville"), a qualifier ("Alexandria,
  Va."), a dateline ("FREMONT — ..."), "City of Lansing", "Barrow and Jackson counties",
  or any other capitalised name the gazetteer knows;
* one sense per discourse: a name recognised once is recognised at its other occurrences.

Non-places are filtered: a name preceded by a personal title ("Mr. Jackson") or used as
a person's surname elsewhere in the text is dropped. Composite expressions become extra
mentions on top of the names they contain: borders ("the border with Egypt", "the Egypt
border", "the Lebanese border", "the Egypt-Israel border"), relative locations ("north
of Gaza City", "near Rafah", "20 km south of Gao") and places between two others
("between Gao and Kidal", "the Gulu-Kampala road").

Word lists come from :mod:`geoevents.wordlists`; thresholds are the module constants
below, which :class:`Recogniser` also takes as keyword arguments.

Mentions found by the gazetteer alone are marked ``weak``; the resolver keeps them only
when their place fits the document (see :mod:`geoevents.resolve`).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from geoevents.gazetteer.names import loose_match, normalize, windows_1252_controls
from geoevents.model import Toponym
from geoevents.nlp import (
    PerDocument,
    doc_span,
    doc_text,
    doc_tokens,
    sentence_of,
    span_text,
    token_lowers,
    token_text,
    token_texts,
)
from geoevents.wordlists import (
    APPOSITION_NOUNS,
    ARABIC_ARTICLES,
    ARABIC_GROUP_HEADS,
    ARABIC_PLACE_HEADS,
    ASSAULT_NOUNS,
    ASSAULT_VERB_STEMS,
    BODY_ACRONYMS,
    BORDER_WORDS,
    CIVIC_WORDS,
    COMPASS_ADJECTIVES,
    COMPASS_POINTS,
    DASHES,
    DISEASE_WORDS,
    DISTANCE_UNITS,
    DIVISION_NOUNS,
    DIVISION_PLURALS,
    FEAST_NAMES,
    GROUP_HEADS,
    GROUP_PROVINCE_NAMES,
    LOCATIVE_PREPOSITIONS,
    ORGANISATION_WORDS,
    PATH_PREPOSITIONS,
    PERSONAL_TITLES,
    PLACE_OF_HEADS,
    PLACE_WORDS,
    POSSESSIVE_ENDINGS,
    RELATIVE_HEADS,
    ROUTE_NOUNS,
    SETTLEMENT_NOUNS,
    SITE_NOUNS,
    STATIC_LOCATIVES,
    STREET_WORDS,
    SURROUNDINGS,
    TERRITORIAL_VERB_STEMS,
    abbreviations,
    demonyms,
    word_tokens,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from geoevents.gazetteer.store import Gazetteer, Match


_DETERMINERS = frozenset({"the", "The", "THE"})
# Universal Dependencies' closed-class parts of speech (see _function_words)
_CLOSED_CLASSES = frozenset({"ADP", "AUX", "CCONJ", "DET", "NUM", "PART", "PRON", "SCONJ"})
_DIRECTIONS = COMPASS_POINTS | COMPASS_ADJECTIVES
_MAX_NAME_TOKENS = 5
# the importance a gazetteer match needs before a bare name is taken for a place
MIN_IMPORTANCE = 0.35
# a name the gazetteer has as a country, capital or first-level division is a place
# whatever label NER gives it (spaCy's small model tags "Yerevan" PERSON, "Lusaka" ORG)
SALIENT_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "PPLC",
                           "ADM1", "CONT"})
# a place this big is a place after a locative preposition whatever NER says ("in
# Kisangani" NORP, "captured Lubumbashi" ORG, "between Gao and Kidal"), if named by its
# main name or mislabelled a person or nationality ("in Mykolaiv" PERSON); smaller ones
# and organisations named like a place ("Hamas", an alternate name of Hamm) must fit
# the document
PROMINENT_POPULATION = 20_000
# a populated place this big is well known: its name is a place whatever non-place label
# NER gives it other than a person's or an organisation's ("west Aleppo" NORP, "targeted
# Aleppo’s" WORK_OF_ART, "Aleppo bore the brunt" an adjective opening the sentence)
WELL_KNOWN_POPULATION = 100_000
# names whose gazetteer lookup one recogniser keeps (least recently used dropped); with the
# candidate cache, about 35 MB at most (benchmarks/bench_server_memory.py)
KNOWN_CACHE_SIZE = 20_000
# a name in capitals that opens the text or a line, before the comma, parenthesis or dash
# of a dateline ("PORT-AU-PRINCE, Aug 19 —", "ST. PETERSBURG, Russia (AP)", "N'DJAMENA
# (AFP) -"): up to five words, joined by spaces, hyphens or apostrophes; or two such
# names joined by a slash ("WASHINGTON/BEIRUT (Reuters) -")
_CAPS_WORD = r"[^\W\d_][^\W\d_'’]*\.?"
_DATELINE_NAME = re.compile(
    rf"^[ \t]*(?P<name>{_CAPS_WORD}(?:(?:[ \t]+|[-'’/]){_CAPS_WORD}){{0,5}}?)"
    r"[ \t]*(?:,|\(|[-\u2013\u2014](?!\w))", re.MULTILINE)
# words in capitals joined by hyphens or apostrophes ("PORT-AU-PRINCE", "AL-FASHER")
_CAPS_COMPOUND = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:[-'’][^\W\d_]+)+(?![\w'’-])")

@dataclass(eq=False)
class Mention(Toponym):
    """A :class:`~geoevents.model.Toponym` with how it was recognised.

    ``kind`` is ``name`` (a place name), ``demonym`` ("Israeli" -> Israel), ``border``
    (a border between two countries), ``relative`` ("north of Gaza City"; ``relation``
    holds "north of") or ``between`` ("between Gao and Kidal", "the Gulu-Kampala road").
    Composite mentions overlap the name mentions they contain.
    """

    kind: str = "name"
    relation: str | None = None
    source: str = field(default="", repr=False)
    weak: bool = field(default=False, repr=False)
    # the text shows it is a place name (NER GPE/LOC/FAC, "the village of X", "in X"
    # with a place-shaped name): kept, unresolved, when the gazetteer lacks it
    named: bool = field(default=False, repr=False)
    # the feature class a descriptive word asks for: "A" for "X district", "P" for
    # "X village"
    feature_class: str | None = field(default=None, repr=False)
    # the first token of the name a description places it in or near: "Kirkuk" in
    # "Hawija, a town near Kirkuk"
    placed_by: int | None = field(default=None, repr=False)
    lookup: str = field(default="", repr=False)  # the name to look up in the gazetteer
    country: str | None = field(default=None, repr=False)  # demonyms: ISO code if a country
    parts: list[Mention] = field(default_factory=list, repr=False)  # border/relative parts
    sentence: tuple[int, int] = field(default=(0, 0), repr=False)  # character span
    token_start: int = field(default=0, repr=False)
    token_end: int = field(default=0, repr=False)

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["kind"] = self.kind
        if self.relation:
            data["relation"] = self.relation
        return data


# the words of a state's long form ("the Democratic Republic of Congo")
_STATE_FORMS = frozenset({"republic", "kingdom", "state", "states", "emirate", "emirates",
                          "federation", "union", "commonwealth", "principality",
                          "sultanate"})


class Recogniser:
    """Finds the toponym mentions of spaCy documents, using a gazetteer for names that
    NER misses. One instance caches name lookups across documents."""

    def __init__(self, gazetteer: Gazetteer, *, min_importance: float = MIN_IMPORTANCE,
                 prominent_population: int = PROMINENT_POPULATION,
                 cache_size: int = KNOWN_CACHE_SIZE) -> None:
        self.gaz = gazetteer
        self.min_importance = min_importance
        self.prominent_population = prominent_population
        self._demonyms = demonyms()
        self._demonym_heads = {key[0] for key in self._demonyms}
        self._abbreviations = abbreviations()
        self.known = lru_cache(maxsize=cache_size)(self._lookup)

    # -- gazetteer -----------------------------------------------------------------------

    def _lookup(self, name: str) -> Match | None:
        """The best exact gazetteer match of ``name`` with a useful prior, else None
        (cached per instance as :meth:`known`)."""
        key = name.strip()
        abbrev = self._abbreviations.get(key)
        query = abbrev[0].name if abbrev and not abbrev[0].qualifier_only else key
        norm = normalize(query)
        if not norm or len(norm) < 2 or norm.isdigit() or not any(c.isalpha() for c in norm):
            return None
        hits = self.gaz.matches(query, limit=1, fuzzy=False)
        # "Khan Younis" for "Khan Yunis", not "Al-Qarassi" for Karachi
        loose_ok = hits and hits[0].kind == "skeleton" and " " in norm and not loose_match(
            query, hits[0].place.name)
        if hits and (hits[0].kind == "exact" or loose_ok) and \
                hits[0].place.importance >= self.min_importance:
            return hits[0]
        return None

    # -- main entry ----------------------------------------------------------------------

    def __call__(self, doc: Doc) -> list[Mention]:
        """All mentions of ``doc``, in text order (composites after their parts)."""
        state = _DocState(doc)
        self._names_in_capitals(state)
        self._linked_names(state)
        self._entities(state)
        self._demonym_mentions(state)
        self._salient_names(state)
        self._place_contexts(state)
        self._coordinated(state)
        self._gazetteer_mentions(state)
        self._propagate(state)
        self._drop_persons(state)
        self._drop_group_names(state)
        self._drop_diseases(state)
        self._drop_time_zones(state)
        self._described(state)
        names = sorted(state.mentions.values(), key=lambda m: m.start)
        composites = list(self._composites(state, names))
        return sorted(names + composites, key=lambda m: (m.start, -m.end))

    def given(self, doc: Doc, spans: Sequence[tuple[int, int]]) -> list[Mention]:
        """Mentions for the character ``spans`` given by the caller (gold spans), in text
        order whatever the order given (the longer first at one start, as
        :meth:`__call__` orders them): a demonym when the span is one, a name otherwise."""
        state = _DocState(doc)
        out = []
        for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
            span = doc.char_span(start, end, alignment_mode="expand")
            text = state.text[start:end]
            entry = self._demonyms.get(word_tokens(text))
            lookup = entry.place if entry else (_division_name(span) if span else None) or text
            mention = Mention(start=start, end=end, text=text, source="given",
                              kind="demonym" if entry else "name", lookup=lookup,
                              country=entry.country if entry else None,
                              sentence=state.sentence_of(span.start) if span else (0, 0),
                              token_start=span.start if span else 0,
                              token_end=span.end if span else 0)
            if span is not None and mention.kind == "name":
                mention.feature_class, mention.placed_by = _description(
                    _words(doc), span.start, span.end)
            out.append(mention)
        return out

    # -- sources -------------------------------------------------------------------------

    def _names_in_capitals(self, state: _DocState) -> None:
        """A name in capitals is read whole, before any other source can take a word of
        it: a dateline's name ("PORT-AU-PRINCE, Aug 19 —", "DAR ES SALAAM, Tanzania
        (Reuters) -") and a hyphenated name in a line of capitals ("CLASHES ERUPT IN
        PORT-AU-PRINCE"), which the tokenizer splits at its hyphens and NER reads by
        pieces ("PORT", "PRINCE" → Cabaret). The whole name is a mention when the
        gazetteer knows it; a word of a dateline's name is never a place of its own,
        known or not."""
        text = state.text
        for match in _DATELINE_NAME.finditer(text):
            if match.group("name").isupper():
                for part in re.finditer(r"[^/]{3,}", match.group("name")):
                    at = match.start("name")
                    self._caps_name(state, at + part.start(), at + part.end(), "dateline",
                                    weak=False)
        for match in _CAPS_COMPOUND.finditer(text):
            if match.group().isupper():
                self._caps_name(state, match.start(), match.end(), "caps", weak=None)
        for line in re.finditer(r"[^\n]+", text):
            if line.group().isupper():
                self._headline_names(state, line.start(), line.end())

    def _headline_names(self, state: _DocState, start: int, end: int) -> None:
        """In a line in capitals, the longest known run of up to four words in capitals
        after a locative preposition ("SHELTER HIT IN KHAN YOUNIS", "FIVE KILLED IN DAR ES
        SALAAM MARKET"); a single word is a weak mention (NER reads such a line badly)."""
        line = state.doc.char_span(start, end, alignment_mode="expand")
        if line is None:
            return
        tokens = state.tokens
        for i in range(line.start, line.end - 1):
            if tokens[i].lower_ not in LOCATIVE_PREPOSITIONS:
                continue
            run = i + 1
            while run < line.end and run - i <= 4 and tokens[run].is_upper and \
                    tokens[run].is_alpha:
                run += 1
            for j in range(run, i + 1, -1):
                span = state.doc[i + 1:j]
                if len(span_text(span)) >= 3 and self._caps_name(
                        state, span.start_char, span.end_char, "caps", weak=j == i + 2):
                    break

    def _linked_names(self, state: _DocState) -> None:
        """A name of words joined by a lower-case Romance particle ("Mocímboa da Praia",
        "Santa Cruz de la Sierra", "Vila do Conde") is read whole when the gazetteer
        knows the whole exactly, before NER's pieces ("Mocimboa", and "Praia" for Cape
        Verde's capital) can take its words. Weak when NER calls it a person ("Maria de
        Jesus")."""
        tokens = state.tokens
        n = len(tokens)
        for i, tok in enumerate(tokens):
            if tok.text not in _NAME_PARTICLES or i == 0 or not _capitalised(tokens[i - 1]):
                continue
            after = i + 1
            while after < n and tokens[after].text in _NAME_PARTICLES:
                after += 1  # "de la", "de los"
            if after >= n or not _capitalised(tokens[after]):
                continue
            for start, end in sorted(((a, b) for a in (i - 2, i - 1) for b in
                                      (after + 2, after + 1)), key=lambda p: p[0] - p[1]):
                if start < 0 or end > n or not all(
                        _capitalised(t) for t in tokens[start:i] + tokens[after:end]):
                    continue
                span = state.doc[start:end]
                if state.covered(span) or len(span) > _MAX_NAME_TOKENS:
                    continue
                match = self.known(span_text(span))
                if match is not None and match.place.feature_class in ("P", "A"):
                    person = any(t.ent_type_ == "PERSON" for t in span)
                    state.add(span, source="linked", weak=person, named=not person)
                    break

    def _caps_name(self, state: _DocState, start: int, end: int, source: str, *,
                   weak: bool | None) -> bool:
        """Add the name in capitals ``text[start:end]`` as one mention when it is known
        (``weak`` None: weak unless after a locative preposition, "NEAR AL-FASHER");
        else, for a dateline's name, keep its words from being mentions of their own.
        Whether it was added."""
        span = state.doc.char_span(start, end)  # None if it is no run of whole tokens
        if span is None or state.covered(span):  # ("D-S.C.": a legislator's party, state)
            return False
        if weak is None:
            weak = span.start == 0 or \
                state.tokens[span.start - 1].text.lower() not in LOCATIVE_PREPOSITIONS
        name = state.text[start:end]
        lookup = next((n for n in (name, name.title()) if self.known(n) is not None), None)
        if lookup is not None:
            state.add(span, source=source, weak=weak, lookup=lookup)
        elif source == "dateline":
            state.block(span)
        return lookup is not None

    def _entities(self, state: _DocState) -> None:
        for ent in state.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                span = _trim(ent)
                if span is not None and self._is_person_context(span):
                    state.titled.add(span_text(span))  # "Dr Ala Alwan": a person's name
                elif span is not None and _clean_name(span_text(span)):
                    span = self._known_container(
                        _head_completed(self._without_direction(span)))
                    # "Tishreen Dam", "Al-Ghaab Plains": a site noun names a place
                    state.add(span, source=f"ner:{ent.label_}",
                              named=len(span) > 1 and span[-1].lower_ in SITE_NOUNS)
            elif ent.label_ in ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"):
                state.other_ents.append(ent)

    def _known_container(self, span: Span) -> Span:
        """NER's "X of Y" that the gazetteer lacks while it knows Y ("the Subúrbio of
        Salvador", "the Valéria neighbourhood of Salvador"): Y is the known place that
        contains X, so Y is the mention rather than no place at all; a name the gazetteer
        holds whole stays whole ("the Gulf of Aden"), and so does a country's long form
        ("the Democratic Republic of Congo" is not the Republic of the Congo)."""
        ofs = [t.i for t in span if t.lower_ == "of"]
        if not ofs or ofs[-1] + 1 >= span.end or self.known(span_text(span)) is not None:
            return span
        if any(t.lower_ in _STATE_FORMS for t in span[:ofs[-1] - span.start]):
            return span
        tail = doc_span(span.doc, ofs[-1] + 1, span.end)
        return tail if self.known(span_text(tail)) is not None else span

    def _without_direction(self, span: Span) -> Span:
        """"Northeast Georgia", "Western Pennsylvania": the place after a compass word,
        unless the gazetteer knows the whole name ("North Carolina", "West Africa")."""
        if len(span) > 1 and span[0].lower_ in _DIRECTIONS and span[0].is_title and \
                self.known(span_text(span)) is None:
            rest = doc_span(span.doc, span.start + 1, span.end)
            if self.known(span_text(rest)) is not None:
                return rest
        return span

    def _with_direction(self, span: Span) -> Span:
        """The name of a place context with the capitalised compass word before it that
        :func:`_context_names` passed over, when the gazetteer knows the whole name as a
        division ("of Central Papua's", Papua Tengah; "in North Darfur"), as for NER's
        names (:meth:`_without_direction`); not a town that has it for an alternate name
        ("Central Valley", Santa Maria)."""
        doc = span.doc
        if span.start == 0:
            return span
        before = doc[span.start - 1]
        if not before.is_title or before.lower_ not in _DIRECTIONS:
            return span
        whole = doc_span(doc, span.start - 1, span.end)
        match = self.known(span_text(whole))
        return whole if match is not None and match.place.feature_class == "A" else span

    def _demonym_mentions(self, state: _DocState) -> None:
        doc, texts = state.doc, token_texts(state.doc)
        heads = self._demonym_heads
        after = 0  # the first token after the last demonym found
        for i in [i for i, text in enumerate(texts) if text in heads and text[:1].isupper()]:
            if i < after:
                continue
            for n in range(min(3, len(texts) - i), 0, -1):
                key = tuple(texts[i:i + n])
                entry = self._demonyms.get(key)
                if entry is None:
                    continue
                span = doc_span(doc, i, i + n)
                if not state.in_person(span) and not state.covered(span):
                    state.add(span, source="demonym", kind="demonym",
                              lookup=entry.place, country=entry.country)
                after = i + n
                break

    def _salient_names(self, state: _DocState) -> None:
        """Countries, capitals and first-level divisions are places whatever label NER
        gives them ("rallied in Yerevan" with Yerevan PERSON, "Lusaka" ORG), unless a
        title makes the name a person's ("President Jordan"). spaCy's small model also
        labels some cities languages ("in Aleppo", "attacks on Aleppo"): a "language"
        that is the main name of a populated place of at least
        :data:`PROMINENT_POPULATION` people is that place, and so is a nationality, work,
        product or event that is the name of a well-known city (at least
        :data:`WELL_KNOWN_POPULATION` people: "west Aleppo" NORP, "Aleppo’s" WORK_OF_ART).
        A person's or organisation's label counts only for the place's main name: the
        alternate names that read as a person or an agency ("Sana", the news agency SANA,
        for Sanaa; "Al-Sham" for Damascus) are no evidence."""
        self._sentence_openers(state)
        for ent in state.ents:
            if ent.label_ in ("GPE", "LOC", "FAC") or (
                    ent.label_ in _NOT_NAMES and ent.label_ != "LANGUAGE"):
                continue
            span = _trim(ent)
            if span is not None and len(span) > 1 and span[0].is_lower and \
                    span[0].lower_ in _DIRECTIONS:
                span = doc_span(span.doc, span.start + 1, span.end)  # "west Aleppo" NORP
            if span is None or state.covered(span) or self._is_person_context(span) or \
                    not all(t.text[:1].isupper() or t.text in DASHES for t in span):
                continue
            name = span_text(span)
            match = self.known(name)
            if match is not None and ent.label_ in _MISNAMED_LABELS:
                nxt = span.end < len(span.doc) and span.doc[span.end].lower_
                if match.primary and self._well_known(match) and not (
                        name.isupper() and len(name) <= 4) and \
                        nxt not in DIVISION_NOUNS and nxt not in SETTLEMENT_NOUNS:
                    state.add(span, source=f"salient:{ent.label_}")
                continue
            if match is not None and ent.label_ == "LANGUAGE":
                if match.primary and match.place.feature_class == "P" and \
                        match.place.population >= self.prominent_population:
                    state.add(span, source="salient:LANGUAGE")
                continue
            if match is None or match.place.feature_code not in SALIENT_CODES or (
                    name.isupper() and len(name) <= 4):
                continue  # "PTA", "DAC": abbreviations of something else
            if match.place.feature_code == "ADM1" and (
                    ent.label_ == "PERSON" or not match.primary
                    or name.lower() in _DIRECTIONS):
                continue  # "Patrick", "Brittany" (Bretagne), "Central" are no places here
            if ent.label_ in ("PERSON", "ORG") and not match.primary:
                continue  # "the state news service, Sana,": an agency, not Sanaa
            state.add(span, source=f"salient:{ent.label_}")

    def _well_known(self, match: Match) -> bool:
        """Whether ``match`` is a populated place of at least
        :data:`WELL_KNOWN_POPULATION` people."""
        return match.place.feature_class == "P" and \
            match.place.population >= WELL_KNOWN_POPULATION

    def _sentence_openers(self, state: _DocState) -> None:
        """A well-known city's name opening a sentence as the subject of its verb, which
        the tagger read as an adjective or a common noun outside any entity ("Aleppo bore
        the brunt of the attacks")."""
        words = _words(state.doc)
        tokens, texts, pos, ents = words.tokens, words.texts, words.pos, words.ents
        for i in range(len(tokens) - 1):
            token = tokens[i]
            if not token.is_sent_start or ents[i] or pos[i] not in ("ADJ", "NOUN") or \
                    not texts[i].istitle() or pos[i + 1] not in ("VERB", "AUX"):
                continue
            match = self.known(texts[i])
            if match is not None and match.primary and self._well_known(match):
                state.add(doc_span(state.doc, i, i + 1), source="salient:opener")

    def _place_contexts(self, state: _DocState) -> None:
        """Names in a locative or descriptive context (see :func:`_context_names`): a
        known name becomes a mention; a name the gazetteer lacks becomes a named,
        unresolved mention when the context or its shape says it is a place.

        A known name that NER labels an organisation or person counts only where the
        context names a place outright ("the town of X", "X district"); after a
        preposition it is weak, kept only when it fits the document ("in Congress",
        "from CNN"). A name inside a longer organisation or person name is skipped."""
        doc = state.doc
        words = _words(doc)
        tokens, lowers = words.tokens, words.lowers
        for span, cue, feature_class in _context_names(doc):
            span = self._without_creed(self._with_direction(span))
            if not _clean_name(span_text(span)) or self._is_person_context(span) or \
                    span[0].text in PERSONAL_TITLES or _division_name(span) is not None:
                continue  # "Barrow and Jackson counties": see _coordinated_divisions
            if span_text(span) in BODY_ACRONYMS:
                continue  # "the UN base in Naqoura": a body's base, no place named UN
            outright = cue in ("named", "descriptive", "route")
            if cue == "route":
                state.split(span)  # NER's "Gulu-Kampala" is two places
            if state.covered(span):
                # "the Kabulonga area", "near Walungu": NER's GPE is a place name
                state.confirm(span, outright or _place_shaped(span), feature_class)
                continue
            numbered = _numbered(words, span.start)
            # (a number's label is not the name's: "3000" CARDINAL in "the 3000 Apartment
            # Project")
            labels = set(words.ents[span.start + numbered:span.end]) - {""}
            # a place's name mislabelled a person where a place stands: "flown into
            # Luang Namtha", "captured Knin", "the siege of Kon Tum"; or an
            # organisation where a capture or an assault takes it ("captured Birao",
            # "shelled Kafr Saghir’s outskirts": NER's name ends with the possessive) or
            # where it owns a place's part ("during Kafr Saghir’s liberation"); a person's
            # there stays weak ("Mubarak's fall")
            taken = cue in ("territorial", "assault")
            # a label of no name that the cue overrules ("in Mahaday" DATE) settles it too
            settled = _misread(span[0], cue, _cue_word(doc, span.start)) or \
                (_entity_is(span) and (
                    (labels == {"ORG"} and (taken or cue == "possessive")) or (
                        # "shelled Robotyne" PRODUCT: an assault's object is no thing
                        cue == "assault" and len(labels) == 1 and labels <= _THING_LABELS)
                    or (labels == {"PERSON"} and (taken or cue == "of" or (
                        cue == "locative" and _cue_word(doc, span.start) in
                        STATIC_LOCATIVES | PATH_PREPOSITIONS)))))
            if not outright and not settled and _inside_longer_entity(span):
                continue
            lookup = _strip_generic(span)
            if lookup is None:
                continue
            name = span_text(lookup)
            match = self.known(name)
            if match is None and name.isupper() and len(name) > 3:
                name = name.title()  # "ALEPPO"
                match = self.known(name)
            if match is not None:
                nxt = tokens[span.end] if span.end < len(doc) else None
                prominent = match.place.population >= self.prominent_population and (
                    match.primary or labels <= {"PERSON", "NORP"}) and not (
                    nxt is not None and nxt.text in POSSESSIVE_ENDINGS)
                weak = not outright and cue != "compass" and not settled and \
                    not labels <= {"GPE", "LOC", "FAC"} and not prominent and \
                    not _place_shaped(span)
                state.add(span, source=f"context:{cue}", lookup=name, named=not weak,
                          weak=weak, feature_class=feature_class)
                continue
            if numbered or not _may_name_unknown_place(span) or (
                    labels == {"ORG"} and _inside_longer_entity(span)) or (
                    len(lookup) < len(span) and
                    set(words.ents[lookup.start:lookup.end]) == {"NORP"}):
                continue  # "the Islamic State of Iraq", "the Islamic State’s defenses":
                # an organisation's name, a nationality or creed before "State"
            propn = all(pos == "PROPN" or text in DASHES for pos, text in zip(
                words.pos[span.start:span.end], words.texts[span.start:span.end], strict=True))
            # "in Adhaim" (no label) counts after a static locative, not after "at" or
            # "from", which also take institutions ("at Holy Family", "from CVCC")
            static = cue == "locative" and _cue_word(doc, span.start) in STATIC_LOCATIVES \
                and lowers[span.start - 1] != "the"  # not "in the Senate"
            proper = (bool(labels) or static) and labels <= {"GPE", "LOC", "FAC"} and propn
            # "Garubula village", "Beledweyne town": NER often says PERSON
            divided = cue == "descriptive" and propn and (
                "ORG" not in labels or _entity_is(span))
            # "stormed Najarah", "eastern Khattab"
            assault = cue in ("assault", "compass", "of") and propn and \
                not labels & {"ORG", "NORP"}
            evidence = cue in ("named", "route") or _place_shaped(span) or divided or \
                assault or (cue in ("locative", "descriptive", "territorial", "assault")
                            and proper)
            if evidence:
                state.add(span, source=f"context:{cue}", lookup=name, named=True,
                          feature_class=feature_class)

    def _without_creed(self, span: Span) -> Span:
        """A name the gazetteer lacks after a creed or nationality adjective that the
        gazetteer knows without it: "the Shiite al-Bayaa district" is al-Bayaa, "the
        Kurdish Sheikh Maqsoud district" Sheikh Maqsoud (NER takes both words for one
        NORP); a name the gazetteer knows whole ("Indian Wells") stays whole."""
        words = _words(span.doc)
        if len(span) < 2 or words.pos[span.start] not in ("ADJ", "PROPN") or \
                words.ents[span.start] != "NORP" or not words.starts[span.start + 1]:
            return span
        rest = doc_span(span.doc, span.start + 1, span.end)
        whole, bare = _strip_generic(span), _strip_generic(rest)
        if whole is None or bare is None or self.known(span_text(whole)) is not None or \
                self.known(span_text(bare)) is None:
            return span
        return rest

    def _coordinated(self, state: _DocState) -> None:
        """Names coordinated with a place are places ("attacking Muqdadiyah, Balad Ruz,
        Kanaan and Khalis", "including Nyabuluze, Muhungu and Dhihamba"): the names listed
        around a mention that NER or a context made a place, kept named (unresolved when
        the gazetteer lacks them). A comma followed by a name and a verb ends the list
        ("..., Huff said")."""
        doc = state.doc
        anchors = [m for m in state.mentions.values() if m.kind == "name" and m.named]
        for m in anchors:
            # names before the place only when a context names it ("A, B and Kidal
            # town"), not when NER alone does (a list of brands ending "and Sun Valley")
            items = list(_list_items(doc, m.token_start, m.token_end,
                                     before=m.source.startswith("context:")))
            verdicts = [self._listed_place(state, span) for span in items]
            for i, (span, verdict) in enumerate(zip(items, verdicts, strict=True)):
                # a "person" between two places is one more place ("Muqdadiyah, Balad
                # Ruz, Kanaan")
                if verdict == "person" and i + 1 < len(items) and verdicts[i + 1] == "place":
                    verdict = "place"
                if verdict != "place":
                    break
                if not state.covered(span):
                    lookup = _strip_generic(span)
                    state.add(span, source="list", named=True,
                              lookup=span_text(lookup) if lookup is not None else None)

    def _listed_place(self, state: _DocState, span: Span) -> str:
        """``place`` when a name listed with a place can be one (a mention already, or
        clean, without a title or an organisation word, and shaped like a place or not
        labelled a person or organisation), ``person`` when NER calls it a person or an
        organisation (a place only between two places), else ``no``."""
        if state.covered(span):
            return "place"
        if not _clean_name(span_text(span)) or span[0].text in PERSONAL_TITLES or \
                any(t.ent_type_ in _NOT_NAMES for t in span) or \
                not _may_name_unknown_place(span):
            return "no"
        labels = {t.ent_type_ for t in span} - {""}
        if _place_shaped(span) or labels <= {"GPE", "LOC", "FAC", "NORP"}:
            return "place"
        return "person" if "PERSON" in labels or "ORG" in labels else "no"

    def _gazetteer_mentions(self, state: _DocState) -> None:
        doc = state.doc
        for ent in state.other_ents:
            if ent.label_ == "ORG":
                self._organisation(state, ent)
            elif ent.label_ in ("PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"):
                self._in_context(state, _trim(ent), source=f"context:{ent.label_}")
        runs = list(_proper_runs(doc))  # read twice: they depend on the parse only
        ents = _words(doc).ents
        for run in runs:
            if not any(ents[run.start:run.end]):
                self._in_context(state, run, source="context")
        self._qualifiers(state)
        self._patterns(state)
        self._datelines(state)
        for run in runs:  # any other known name, if the context supports it
            if not any(ents[run.start:run.end]) and not state.covered(run):
                self._match_span(state, run, "propn", weak=True)

    def _organisation(self, state: _DocState, ent: Span) -> None:
        """A place name heading or ending an organisation's name, or an ORG that is
        really a place ("Lancaster" labelled ORG)."""
        span = _trim(ent)
        if span is None or self._known_list(state, span):
            return
        if all(t.pos_ == "PROPN" for t in span) and len(span) <= _MAX_NAME_TOKENS and \
                self.known(span_text(span)) is not None:
            if not _initials(span, self._abbreviations):
                state.add(span, source="org:whole", weak=True)
            return
        for n in range(min(len(span) - 1, _MAX_NAME_TOKENS), 0, -1):
            head = doc_span(span.doc, span.start, span.start + n)
            if head[-1].is_punct or (not head[0].is_title and not head[0].is_upper):
                continue
            if span[n].lower_.strip(".") in STREET_WORDS:
                continue  # "Avalon Boulevard": the name goes on, as a street's
            if n == 1 and head[0].lower_ in _DIRECTIONS:
                continue  # "West Bastar Division Committee": no region called West
            civic = span[n].lower_ in CIVIC_WORDS
            if self._exact_known(state, head, "org:civic" if civic else "org:head",
                                 weak=not civic):
                break
        of = [t.i for t in span if t.lower_ == "of"]
        if of:
            tail = state.doc[of[-1] + 1:span.end]
            if 0 < len(tail) <= _MAX_NAME_TOKENS:
                self._match_span(state, tail, "org:of", weak=True)

    def _known_list(self, state: _DocState, span: Span) -> bool:
        """An ORG that is a list of known places ("in Rasht and Ahvaz" labelled one
        organisation): each name is a mention (weak, as an organisation's head is). Every
        item must be proper nouns the gazetteer knows as a whole."""
        items, start = [], span.start
        for t in [*span, None]:
            if t is None or t.lower_ in ("and", "&", ","):
                end = t.i if t is not None else span.end
                if end <= start:
                    return False
                items.append(doc_span(span.doc, start, end))
                start = end + 1
        if len(items) < 2 or any(len(item) > _MAX_NAME_TOKENS or not all(
                t.pos_ == "PROPN" for t in item) or state.covered(item) or
                self.known(span_text(item)) is None for item in items):
            return False
        for item in items:
            state.add(item, source="org:list", weak=True)
        return True

    def _in_context(self, state: _DocState, span: Span | None, *, source: str) -> None:
        """A proper-noun span that is a known place and stands where places stand: after
        a locative preposition, before a comma and a region, or as a dateline."""
        if span is None or len(span) > _MAX_NAME_TOKENS or state.covered(span):
            return
        doc = state.doc
        words = _words(doc)
        tokens, texts, lowers = words.tokens, words.texts, words.lowers
        prev = tokens[span.start - 1] if span.start > 0 else None
        nxt = tokens[span.end] if span.end < len(doc) else None
        directional = prev is not None and prev.lower_ == "of" and span.start >= 2 and \
            lowers[span.start - 2] in _DIRECTIONS | SURROUNDINGS  # "south of Khan Younis"
        locative = directional or (prev is not None and prev.text in LOCATIVE_PREPOSITIONS)
        of_place = prev is not None and prev.lower_ == "of" and span.start >= 2 and \
            texts[span.start - 2] == ","  # "Henry, 19, of Alexandria"
        dateline = _is_dateline(span, nxt)
        qualified = nxt is not None and nxt.text == "," and span.end + 1 < len(doc) and \
            self._is_region_token(tokens[span.end + 1])
        if locative or of_place or dateline or qualified:
            strong = dateline or qualified or directional or (locative and source == "context")
            self._match_span(state, span, source, weak=not strong)

    def _qualifiers(self, state: _DocState) -> None:
        """"Fresno, CA", "Alexandria, Va.": the region after a comma is a place too."""
        doc = state.doc
        words = _words(doc)
        tokens, texts = words.tokens, words.texts
        for mention in list(state.mentions.values()):
            end = mention.token_end
            if end + 1 < len(doc) and texts[end] == ",":
                token = tokens[end + 1]
                entries = self._abbreviations.get(token.text)
                qualifier = doc_span(doc, end + 1, end + 2)
                if entries and not state.covered(qualifier):
                    state.add(qualifier, source="qualifier", lookup=entries[0].name)

    def _datelines(self, state: _DocState) -> None:
        """"FREMONT — Violet ...", "BOWLING GREEN, Ohio (AP)": an upper-case place name
        opening the text or a line, followed by a dash or a comma; and the labels of a
        round-up's items ("PAARL: Residents of …" after "ATHLONE: A security guard …"):
        upper-case words opening lines after the first, followed by a colon, when the text
        has two such lines or more (one such line is a heading: "UPDATE:")."""
        doc, tokens = state.doc, state.tokens
        n = len(tokens)
        previous = ""  # the text of the token before (a newline's token holds "\n")
        labels: list[Span] = []
        for i, word in enumerate(token_texts(doc)):
            before, previous = previous, word
            if i > 0 and "\n" not in before and before not in (".", "”", '"'):
                continue
            end = i
            while end < n and end - i < 4 and tokens[end].is_upper and \
                    tokens[end].text.replace(".", "").isalpha():
                end += 1
            if not i < end < n:
                continue
            span = doc_span(doc, i, end)
            if tokens[end].text in DASHES or tokens[end].text == ",":
                if len(span_text(span)) >= 3 and not state.covered(span):
                    self._match_span(state, span, "dateline", weak=False)
            elif tokens[end].text == ":" and "\n" in before:
                labels.append(span)
        if len(labels) >= 2:
            for span in labels:
                if len(span_text(span)) >= 3 and not state.covered(span):
                    self._match_span(state, span, "label", weak=False)

    def _patterns(self, state: _DocState) -> None:
        """"City of Lansing", "R-Westfield" (party and home town of a legislator),
        "Barrow, Jackson and Madison counties"."""
        doc, tokens = state.doc, state.tokens
        texts, lowers = token_texts(doc), token_lowers(doc)
        for i, low in enumerate(lowers):
            if low in DIVISION_PLURALS:
                self._coordinated_divisions(state, i)
            if low == "of" and i > 0 and lowers[i - 1] in (
                    "city", "town", "village", "county", "state", "township", "borough"):
                run = _proper_run_at(doc, i + 1)
                if run is not None:
                    self._match_span(state, run, "pattern:city-of", weak=False)
            if texts[i] in ("R", "D", "I", "DFL") and i + 2 < len(tokens) and \
                    texts[i + 1] == "-" and not tokens[i + 1].whitespace_:
                run = _proper_run_at(doc, i + 2)
                if run is not None:
                    self._match_span(state, run, "pattern:party", weak=False)

    def _coordinated_divisions(self, state: _DocState, i: int) -> None:
        """Names coordinated before "counties" (or "parishes", …), right to left."""
        doc = state.doc
        texts = _words(doc).texts
        j = i - 1
        while j >= 0:
            if texts[j] in _LIST_WORDS:
                j -= 1
                continue
            start = j
            while start > 0 and texts[start - 1][:1].isupper() and \
                    texts[start - 1] not in ("The",) and i - start < 12:
                start -= 1
            if not texts[j][:1].isupper():
                return
            span = doc_span(doc, start, j + 1)
            if not state.covered(span):
                lookup = _division_name(span)
                if lookup and self.known(lookup) is not None:
                    state.add(span, source="pattern:counties", lookup=lookup)
            j = start - 1

    def _exact_known(self, state: _DocState, span: Span, source: str, *,
                     weak: bool = True) -> bool:
        """Add ``span`` as a mention when it is, as a whole, a known place name."""
        name = span_text(span)
        if state.covered(span) or (len(span) == 1 and (span[0].is_stop or len(name) < 3)):
            return False
        if self.known(name) is None:
            return False
        state.add(span, source=source, weak=weak)
        return True

    def _match_span(self, state: _DocState, span: Span, source: str, *, weak: bool) -> bool:
        """Add the longest known place name starting at ``span``'s first token."""
        for n in range(min(len(span), _MAX_NAME_TOKENS), 0, -1):
            sub = doc_span(span.doc, span.start, span.start + n)
            if (sub[-1].is_punct and sub[-1].text not in (".",)) or state.covered(sub):
                continue
            if n == 1 and (sub[0].is_stop or sub[0].like_num or (len(sub[0].text) < 3
                           and sub[0].text not in self._abbreviations)):
                continue
            text = span_text(sub)
            if text.isupper() and len(text) > 3:
                text = text.title()
            if self.known(text) is not None:
                state.add(sub, source=source, weak=weak, lookup=text)
                return True
        return False

    def _is_region_token(self, token: Token) -> bool:
        entries = self._abbreviations.get(token.text)
        if entries:
            return True
        match = self.known(token.text) if token.is_title else None
        return match is not None and match.place.feature_code in ("ADM1", "PCLI")

    def _propagate(self, state: _DocState) -> None:
        """One sense per discourse: other occurrences of a recognised name."""
        doc = state.doc
        strong = {m.text for m in state.mentions.values()
                  if m.kind == "name" and not m.weak and len(m.text) > 2
                  and self.known(m.lookup) is not None}
        if not strong:
            return
        for hit in _names_pattern(strong).finditer(state.text):
            span = doc.char_span(hit.start(), hit.end())
            if span is None or state.covered(span) or self._is_person_context(span):
                continue
            if state.in_person(span) and not _person_is_place(span):
                continue
            state.add(span, source="discourse")

    def _drop_persons(self, state: _DocState) -> None:
        """A name used elsewhere as somebody's surname ("Ripley said") or after a personal
        title ("Alwan said" after "Dr Ala Alwan") is a person; when NER calls it a GPE,
        only if the gazetteer has no prominent place whose main name it is ("Farrin, 43,
        was arrested" after "Henry Farrin", but not "Jackson")."""
        surnames = {e[-1].text for e in state.other_ents if e.label_ == "PERSON" and len(e) > 1}
        surnames |= state.titled
        for key, mention in list(state.mentions.items()):
            if mention.kind != "name" or mention.text not in surnames or \
                    self._abbreviations.get(mention.text) is not None or \
                    mention.source in _PLACE_CONTEXTS:
                continue
            match = self.known(mention.text)
            if mention.source != "ner:GPE" or match is None or not match.primary:
                del state.mentions[key]  # ("Alwan said" after "Dr Ala Alwan": an
                # alternate name of a hamlet)

    def _drop_group_names(self, state: _DocState) -> None:
        """A place name inside an armed group's or movement's proper name is the group's
        (:func:`_in_group_name`): "Al Aqsa" in "the Al Aqsa Martyrs Brigades", "al-Sham"
        in "Ahrar al-Sham", "West Africa Province" after "Islamic State". A country's name
        stays a place: national forces are named after the country they serve ("Israel
        Defense Forces"), as a town's police is. The country a group's own name claims
        as its state is the group's too (:func:`_claimed_by_group`: "Iraq" in "the
        Islamic State of Iraq and al-Sham"), and so is the group's own name."""
        for key, mention in list(state.mentions.items()):
            if mention.kind != "name":
                continue
            if _claimed_by_group(state.doc, mention.token_start) or \
                    mention.text in GROUP_PROVINCE_NAMES:
                del state.mentions[key]  # (the group's own name: "Islamic State" is no
                continue                 # division called "Islamic")
            if not _in_group_name(state.doc, mention.token_start, mention.token_end):
                continue
            match = self.known(mention.lookup)
            if match is None or not match.place.feature_code.startswith("PCL"):
                del state.mentions[key]

    def _drop_diseases(self, state: _DocState) -> None:
        """A place name that names a disease or its agent ("West Nile virus", "Lassa
        fever", "Spanish flu") is not a mention of the place."""
        doc = state.doc
        tokens = _words(doc).tokens
        for key, mention in list(state.mentions.items()):
            nxt = tokens[mention.token_end] if mention.token_end < len(doc) else None
            if nxt is not None and nxt.lower_ in DISEASE_WORDS:
                del state.mentions[key]

    def _drop_time_zones(self, state: _DocState) -> None:
        """A place name that tells the clock a text keeps ("all times Beirut", "at 06:10
        Kyiv time") names a time zone, not where anything happened: live blogs open with
        one, and their strikes are not in the capital."""
        doc = state.doc
        lowers = _words(doc).lowers
        for key, mention in list(state.mentions.items()):
            before = lowers[mention.token_start - 1] if mention.token_start > 0 else ""
            after = lowers[mention.token_end] if mention.token_end < len(doc) else ""
            if before == "times" or after == "time":
                del state.mentions[key]

    def _described(self, state: _DocState) -> None:
        """A name the text describes as a settlement or a division, by an apposition
        ("Hawija, a town near Kirkuk", "Kafr Nabl, a village in Idlib", "Daraya, a
        district of Damascus"), a copula ("Hawija is a town 45 km from Kirkuk") or a noun
        and "of" before it ("the town of Hawija"), asks for that feature class, as "X
        village" does (:func:`_description`); the name the description places it in or near
        ("Kirkuk") is kept as its ``placed_by``."""
        words = _words(state.doc)
        for mention in state.mentions.values():
            if mention.kind != "name":
                continue
            feature_class, anchor = _description(words, mention.token_start,
                                                 mention.token_end)
            mention.feature_class = mention.feature_class or feature_class
            mention.placed_by = anchor

    def _is_person_context(self, span: Span) -> bool:
        """A personal title before the name, or before the one or two given names that
        precede it ("Mr. Jackson", "Dr Ala Alwan")."""
        texts = _words(span.doc).texts
        i = span.start - 1
        while i >= 0 and span.start - i <= 3:
            if texts[i] in PERSONAL_TITLES:
                return True
            if not texts[i].istitle():
                return False
            i -= 1
        return False

    # -- composites ----------------------------------------------------------------------

    def _composites(self, state: _DocState, names: list[Mention]) -> Iterator[Mention]:
        """Border and relative-location mentions built on the name mentions."""
        doc, text = state.doc, state.text
        by_token = {}
        for m in names:
            for i in range(m.token_start, m.token_end):
                by_token[i] = m
        for m in names:
            yield from self._border(doc, text, m, by_token)
            relative = self._relative(doc, text, m)
            if relative is not None:
                yield relative
            between = self._between(doc, text, m, by_token)
            if between is not None:
                yield between

    def _between(self, doc: Doc, text: str, m: Mention,
                 by_token: dict[int, Mention]) -> Mention | None:
        """"between Gao and Kidal", "the Gulu-Kampala road": a place between two named
        places (kind ``between``)."""
        words = _words(doc)
        tokens, texts, lowers = words.tokens, words.texts, words.lowers
        if m.kind != "name":
            return None
        nxt = m.token_end
        prev = m.token_start - 1
        if prev >= 0 and lowers[prev] == "between" and nxt + 1 < len(doc) and \
                lowers[nxt] in ("and", "&") and nxt + 1 in by_token:
            other = by_token[nxt + 1]
            if other.token_start == nxt + 1 and other.kind == "name":
                return _composite(text, tokens[prev].idx, other.end, "between", "between",
                                  [m, other], m)
        if nxt + 2 < len(doc) and texts[nxt] in DASHES and nxt + 1 in by_token:
            other = by_token[nxt + 1]
            after = other.token_end
            if other.token_start == nxt + 1 and after < len(doc) and \
                    lowers[after] in ROUTE_NOUNS and other.kind == "name":
                road = tokens[after]
                return _composite(text, m.start, road.idx + len(road.text), "between",
                                  road.lower_, [m, other], m)
        return None

    def _border(self, doc: Doc, text: str, m: Mention,
                by_token: dict[int, Mention]) -> Iterator[Mention]:
        words = _words(doc)
        tokens, texts, lowers = words.tokens, words.texts, words.lowers
        after = tokens[m.token_end] if m.token_end < len(doc) else None
        # "the Egypt border", "the Lebanese border", "the Egypt-Israel border"
        if after is not None and after.lower_ in BORDER_WORDS:
            parts = [m]
            before = m.token_start - 2
            if before >= 0 and texts[before + 1] in DASHES and before in by_token:
                first = by_token[before]
                if first.token_end == before + 1:
                    parts.insert(0, first)
            if len(parts) == 1 and m.token_start >= 2 and texts[m.token_start - 1] in DASHES:
                return  # the second half of "Egypt-Israel border" builds it
            start = parts[0].start
            yield _composite(text, start, after.idx + len(after.text), "border", "border", parts, m)
            return
        # "the border with Egypt", "the border between Egypt and Israel"
        prev = m.token_start - 1
        if prev >= 1 and lowers[prev] in ("with", "between", "of") and \
                lowers[prev - 1] in BORDER_WORDS:
            parts = [m]
            nxt = m.token_end
            if lowers[prev] == "between" and nxt + 1 < len(doc) and \
                    lowers[nxt] in ("and", "&") and nxt + 1 in by_token:
                parts.append(by_token[nxt + 1])
            end = parts[-1].end
            yield _composite(text, tokens[prev - 1].idx, end, "border", "border", parts, m)

    def _relative(self, doc: Doc, text: str, m: Mention) -> Mention | None:
        words = _words(doc)
        tokens, texts, lowers = words.tokens, words.texts, words.lowers
        i = m.token_start - 1
        if m.kind != "name" or i < 0:
            return None
        prev = tokens[i]
        if prev.lower_ in RELATIVE_HEADS:
            return _composite(text, prev.idx, m.end, "relative", prev.lower_, [m], m)
        if prev.lower_ == "of" and i >= 1 and lowers[i - 1] in SETTLEMENT_NOUNS:
            # "south of the city of Sweida", "south-east of the district town of Macomia":
            # the landmark is the named settlement
            k = i - 2
            while k >= 0 and words.pos[k] in ("ADJ", "NOUN") and lowers[k] not in _DIRECTIONS:
                k -= 1
            if k >= 2 and lowers[k] == "the" and lowers[k - 1] == "of":
                i = k - 1
        if prev.lower_ == "of" and i >= 1:
            head = tokens[i - 1]
            j = i - 1
            if head.lower_ not in SURROUNDINGS and head.lower_ not in _DIRECTIONS:
                return None
            relation = f"{head.lower_} of"
            # "south-east of": the tokenizer splits a hyphenated bearing in three
            if j >= 2 and lowers[j - 1] in DASHES | {"-"} and \
                    f"{lowers[j - 2]}-{head.lower_}" in _DIRECTIONS:
                j -= 2
                relation = f"{lowers[j]}-{head.lower_} of"
            # "5 km north of", "the outskirts of"
            if j >= 2 and lowers[j - 1] in DISTANCE_UNITS and tokens[j - 2].like_num:
                j -= 2
                relation = f"{texts[j]} {texts[j + 1]} {relation}"
            return _composite(text, tokens[j].idx, m.end, "relative", relation, [m], m)
        return None


class _Words(NamedTuple):
    """What the recogniser's scans read of each token of a document, read once per
    document (:data:`_words`): ``doc[i]`` builds a new ``Token`` on every call, and
    ``Token.pos_`` and ``Token.ent_type_`` look their string up on every read."""

    tokens: list[Token]
    texts: list[str]
    lowers: list[str]
    pos: list[str]  # Token.pos_
    ents: list[str]  # Token.ent_type_
    starts: list[bool]  # whether the token can start a place name (_name_start)

    @classmethod
    def of(cls, doc: Doc) -> _Words:
        from spacy.attrs import ENT_TYPE, POS
        from spacy.parts_of_speech import NAMES

        tokens, texts, lowers = doc_tokens(doc), token_texts(doc), token_lowers(doc)
        strings = doc.vocab.strings
        columns = doc.to_array([POS, ENT_TYPE]).tolist() if len(doc) else []
        # most tokens cannot start a name: _name_start's first test (:func:`_may_start`),
        # inlined for a word that opens with no quote (its lower case form is ``lower_``)
        starts = [(word[:1].isupper() or (_may_start(word) if word[:1] in _QUOTES else
                                          lower in ARABIC_ARTICLES)) and _name_start(token)
                  for token, word, lower in zip(tokens, texts, lowers, strict=True)]
        return cls(tokens, texts, lowers, [NAMES[pos] for pos, _ in columns],
                   [strings[ent] if ent else "" for _, ent in columns], starts)


# the token table of the document being processed
_words: PerDocument[_Words] = PerDocument(_Words.of)


class _DocState:
    """Mentions found so far in one document, keyed by token span."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions: dict[tuple[int, int], Mention] = {}
        self.ents = doc.ents  # (built anew on each read of ``doc.ents``)
        self.tokens = doc_tokens(doc)
        self.other_ents: list[Span] = []
        self.titled: set[str] = set()  # names NER calls places that follow a personal title
        self._taken: set[int] = set()
        # the PERSON entity covering each token (entities do not overlap)
        self._person_at = {i: (e.start, e.end) for e in self.ents if e.label_ == "PERSON"
                           for i in range(e.start, e.end)}

    def covered(self, span: Span) -> bool:
        return not self._taken.isdisjoint(range(span.start, span.end))

    def block(self, span: Span) -> None:
        """Keep every word of ``span`` from being part of a mention."""
        self._taken.update(range(span.start, span.end))

    def covering(self, span: Span) -> Mention | None:
        """The GPE mention that ends with ``span`` after one compass word (NER's "West
        Patel Nagar" for the name "Patel Nagar" after "in West"), if any."""
        mention = self.mentions.get((span.start - 1, span.end))
        if mention is None or mention.source != "ner:GPE" or \
                self.doc[span.start - 1].lower_ not in _DIRECTIONS:
            return None
        return mention

    def in_person(self, span: Span) -> bool:
        person = self._person_at.get(span.start)
        return person is not None and span.end <= person[1]

    def add(self, span: Span, *, source: str, kind: str = "name", weak: bool = False,
            lookup: str | None = None, country: str | None = None, named: bool = False,
            feature_class: str | None = None) -> None:
        if self.covered(span) or _function_words(span):
            return  # ("the", "Of", "OF THE": no place, whatever the gazetteer holds)
        if kind == "name" and lookup is None:
            lookup = _division_name(span)
        start, end = span.start_char, span.end_char
        text = self.text
        while start < end and text[start] in _QUOTES:  # a quote glued to the name
            start += 1
        while end > start and text[end - 1] in _QUOTES:
            end -= 1
        if end <= start:
            return
        mention = Mention(start=start, end=end, text=text[start:end],
                          kind=kind, source=source, weak=weak,
                          lookup=lookup or text[start:end],
                          country=country, sentence=self.sentence_of(span.start),
                          token_start=span.start, token_end=span.end, named=named,
                          feature_class=feature_class)
        self.mentions[(span.start, span.end)] = mention
        self._taken.update(range(span.start, span.end))

    def split(self, span: Span) -> None:
        """Drop a mention that joins ``span`` to another name with a dash, so that the
        two names become mentions of their own."""
        for key, mention in list(self.mentions.items()):
            joined = doc_span(self.doc, mention.token_start, mention.token_end)
            if key[0] <= span.start and span.end <= key[1] and len(joined) > len(span) and \
                    any(t.text in DASHES for t in joined):
                del self.mentions[key]
                self._taken.difference_update(range(key[0], key[1]))

    def confirm(self, span: Span, outright: bool, feature_class: str | None = None) -> None:
        """A place context confirms the mention NER found at exactly ``span``: it stays,
        unresolved, if the gazetteer lacks it. A facility name ("at Coronado Meat
        Market") needs a context that names a place outright."""
        mention = self.mentions.get((span.start, span.end)) or self.covering(span)
        if mention is not None and mention.kind == "name" and (
                outright or mention.source != "ner:FAC"):
            mention.named = True
            mention.feature_class = mention.feature_class or feature_class

    def sentence_of(self, token_index: int) -> tuple[int, int]:
        """Character span of the sentence of the token at ``token_index``."""
        sentence = sentence_of(self.tokens[token_index])
        return sentence.start_char, sentence.end_char


# lower-case particles inside Romance place names ("Mocímboa da Praia", "Santa Cruz de la
# Sierra", "Vila do Conde")
_NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "della", "di", "du",
                             "des", "la", "los", "las"})


def _capitalised(token: Token) -> bool:
    """A word of letters (and hyphens or apostrophes) that starts with a capital."""
    text = token.text
    return text[:1].isupper() and all(c.isalpha() or c in "-’'" for c in text)


def _function_words(span: Span) -> bool:
    """Whether ``span`` holds only determiners and other function words ("the", "A", "OF
    THE"): stop words of the model's language, in lower or upper case or tagged as words
    of a closed class (the gazetteer has "the" as an alternate name of Teresina), unless
    the abbreviations give the one word as a place ("US", "IN" for Indiana). A
    capitalised stop word the tagger reads as a name stays one ("in Side, Turkey")."""
    if len(span) == 1 and span[0].text in abbreviations():
        return False
    return all(t.is_stop and (not t.is_title or t.pos_ in _CLOSED_CLASSES) for t in span)


def _composite(text: str, start: int, end: int, kind: str, relation: str,
               parts: list[Mention], anchor: Mention) -> Mention:
    """A border, relative or between mention over ``text[start:end]`` (``text`` is the
    document's text, read once: ``Doc.text`` joins every token)."""
    mention = Mention(start=start, end=end, text=text[start:end], kind=kind,
                      relation=relation, source="pattern", lookup=text[start:end],
                      parts=parts, sentence=anchor.sentence,
                      token_start=anchor.token_start, token_end=anchor.token_end)
    return mention


# words between the names of a list of divisions: "Barrow, Jackson and Madison
# counties", "from Ellsworth to Riley counties"
_LIST_WORDS = frozenset({",", "and", "or", "&", "to"})


def _division_name(span: Span) -> str | None:
    """"Barrow, Jackson and Madison counties": each name is that of a county, so look up
    "Madison County" rather than "Madison". A lone name before the plural is not one of a
    list: "Indiana counties" are the counties of Indiana."""
    doc = span.doc
    words = _words(doc)
    tokens, texts = words.tokens, words.texts
    listed = span.start > 0 and texts[span.start - 1] in _LIST_WORDS
    for i in range(span.end, min(span.end + 16, len(doc))):
        token = tokens[i]
        word = DIVISION_PLURALS.get(token.lower_)
        if word:
            return f"{span_text(span)} {word}" if listed or i > span.end else None
        if not (token.text in _LIST_WORDS or token.text[:1].isupper()):
            break
    return _division_after_plural(span)


# words that introduce examples of a plural noun: "counties such as Leavenworth and
# Shawnee", "parishes including Orleans"
_EXAMPLE_WORDS = frozenset({"including", "like"})


def _division_after_plural(span: Span) -> str | None:
    """"other counties through which US-24 runs, such as Leavenworth and Shawnee": names
    listed as examples of a plural division noun earlier in the sentence are divisions."""
    words = _words(span.doc)
    tokens, texts = words.tokens, words.texts
    j = span.start - 1
    while j >= 0 and (texts[j] in _LIST_WORDS or texts[j][:1].isupper()) and \
            not tokens[j].is_sent_start:
        j -= 1
    if j >= 1 and texts[j].lower() == "as" and texts[j - 1].lower() == "such":
        j -= 2
    elif j >= 0 and texts[j].lower() in _EXAMPLE_WORDS:
        j -= 1
    else:
        return None
    for i in range(j, max(-1, j - 10), -1):
        word = DIVISION_PLURALS.get(texts[i].lower())
        if word:
            return f"{span_text(span)} {word}"
        if tokens[i].is_sent_start or texts[i] in (".", ";"):
            return None
    return None


def _trim(span: Span) -> Span | None:
    """Drop a leading determiner and trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    words = _words(doc)
    tokens, texts = words.tokens, words.texts
    while start < end and (texts[start] in _DETERMINERS or tokens[start].is_punct or
                           texts[start] in _QUOTES):
        start += 1
    while end > start and (texts[end - 1] in POSSESSIVE_ENDINGS or texts[end - 1] in _QUOTES
                           or (tokens[end - 1].is_punct and texts[end - 1] != ".")):
        end -= 1
    if end > start and texts[end - 1] == "." and \
            not _abbreviation_like(token_text(doc, start, end)):
        end -= 1
    return doc_span(doc, start, end) if end > start else None


def _abbreviation_like(text: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z][a-z]{0,4}\.\s?)+", text))


def _proper_runs(doc: Doc) -> Iterator[Span]:
    """Maximal runs of capitalised proper-noun tokens (allowing "St." inside)."""
    words = _words(doc)
    names = [pos == "PROPN" and text[:1].isupper() for pos, text in zip(words.pos, words.texts,
                                                                        strict=True)]
    i = 0
    while i < len(names):
        if names[i]:
            j = i + 1
            while j < len(names) and names[j]:
                j += 1
            yield doc_span(doc, i, j)
            i = j
        else:
            i += 1


def _proper_run_at(doc: Doc, i: int) -> Span | None:
    words = _words(doc)
    tokens, texts = words.tokens, words.texts
    if i >= len(doc) or not texts[i][:1].isupper():
        return None
    j = i + 1
    while j < len(doc) and j - i < _MAX_NAME_TOKENS and _is_name_token(tokens[j]):
        j += 1
    return doc_span(doc, i, j)


def _is_name_token(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()  # (as _proper_runs reads it)


def _initials(span: Span, abbreviations: Mapping[str, object]) -> bool:
    """An organisation's initials ("a joint team of DRG, STF and CoBRA"): one upper-case
    word of two to four letters that no place is abbreviated to ("UAE", "DRC" are), which
    the gazetteer may still hold as a code of some town (Durg's "DRG")."""
    text = span_text(span)
    return len(span) == 1 and text.isupper() and text.isalpha() and 2 <= len(text) <= 4 \
        and text not in abbreviations


def _is_dateline(span: Span, nxt: Token | None) -> bool:
    """"FREMONT — Violet ..." / "BOWLING GREEN, Ohio (AP)": an upper-case place name at
    the start of a sentence followed by a dash or a comma."""
    text = span_text(span)
    if not text.isupper() or len(text) < 3 or nxt is None:
        return False
    starts_sentence = span.start == 0 or span.doc[span.start - 1].text in (".", "\n") or \
        span[0].is_sent_start
    return bool(starts_sentence) and (nxt.text in DASHES or nxt.text == ",")


def _person_is_place(span: Span) -> bool:
    """Inside a PERSON entity, a name still counts when the entity is just that name."""
    ent = _entity_at(span.doc, span.start)
    return ent is None or ent[0].ent_type_ != "PERSON" or (
        ent.start == span.start and ent.end == span.end)


def _entity_at(doc: Doc, i: int) -> Span | None:
    """The entity of ``doc`` covering token ``i``, if any, from the tokens' IOB tags
    (``doc.ents`` builds every entity of the document on each call)."""
    words = _words(doc)
    tokens, ents = words.tokens, words.ents
    if i < 0 or i >= len(doc) or not ents[i]:
        return None
    start = i
    while start > 0 and tokens[start].ent_iob_ == "I" and ents[start - 1]:
        start -= 1
    end = i + 1
    while end < len(doc) and tokens[end].ent_iob_ == "I":
        end += 1
    return doc_span(doc, start, end)


# NER labels of no place that a well-known city's name still gets now and then
_MISNAMED_LABELS = frozenset({"NORP", "WORK_OF_ART", "PRODUCT", "EVENT"})
# NER labels that are never place names
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL",
                        "CARDINAL", "LAW", "LANGUAGE"})
# (with the invisible format characters that scraped text glues to names: bidi controls,
# zero-width spaces and joiners, soft hyphens; see :mod:`geoevents.textprep`)
_QUOTES = "\"'‘’“”`´\u0091\u0092\u0093\u0094\u00ad\u200b\u200c\u200d\u200e\u200f" \
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
# characters that betray mojibake ("Ã©", "â€™") or a lost character ("\ufffd")
_MOJIBAKE = re.compile(r"[\u0080-\u00bf\ufffd]|Ã|Â|â€")
_MAX_CONTEXT_TOKENS = 8
# names listed on each side of a place that :func:`_list_items` reads at most
_MAX_LISTED = 20
# contexts that make a name a place whatever else the text does with the name
_PLACE_CONTEXTS = frozenset({"context:named", "context:descriptive", "context:route"})


def _may_name_unknown_place(span: Span) -> bool:
    """Whether ``span``, a name the gazetteer lacks, can still be a place name: not an
    organisation's name ("Maintenance Fund"), not a generic word alone ("District",
    "Block"), and not a modifier of the noun after it ("the Marsh home", "Claflin
    elementary schools", "District 7")."""
    words = [t.lower_ for t in span]
    if any(w in ORGANISATION_WORDS for w in words):
        return False
    if all(w in PLACE_WORDS or w in DIVISION_NOUNS or w in SITE_NOUNS for w in words):
        return False
    doc = span.doc
    tokens = _words(doc).tokens
    nxt = tokens[span.end] if span.end < len(doc) else None
    return nxt is None or _site_follows(doc, span.end) or nxt.ent_type_ in _NOT_NAMES or \
        not (nxt.like_num or (
        nxt.pos_ in ("NOUN", "ADJ") and nxt.text.islower() and nxt.lower_ not in DIVISION_NOUNS
        and nxt.lower_ not in SETTLEMENT_NOUNS and nxt.lower_ not in ROUTE_NOUNS))


def _inside_longer_entity(span: Span) -> bool:
    """Whether ``span`` is part of a longer organisation, person or work name ("the Texas
    Department of Transportation", "Jackson County Circuit Court")."""
    ent = _entity_at(span.doc, span.start)  # entities do not overlap: the only candidate
    if ent is None or ent[0].ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    return start <= span.start and span.end <= ent.end and ent.end - start > len(span)


def _entity_end(ent: Span) -> int:
    """The end of an entity without a trailing possessive: NER takes "Kafr Saghir’s" for
    one name, which is the name "Kafr Saghir"."""
    return ent.end - (len(ent) > 1 and ent[-1].text in POSSESSIVE_ENDINGS)


def _in_group_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the name ``doc[start:end]`` is part of an armed group's proper name: the
    capitalised name it begins or continues ends with a group word ("Sinjar Resistance
    Units", "Oromo Liberation Front", "Sudan People's Liberation Army"), an Arabic group
    word heads it ("Jaysh al-Islam", "Jund Al-Aqsa"), or it is (a branch "Province" of) a
    group that names its branches so ("Islamic State West Africa Province")."""
    words = _words(doc)
    tokens, texts, lowers, ents = words.tokens, words.texts, words.lowers, words.ents
    n = len(doc)
    # the proper name going on after the mention, within its sentence
    j = end
    while j < n and j - end < _MAX_CONTEXT_TOKENS and not tokens[j].is_sent_start:
        if texts[j] in ("'s", "’s") and j + 1 < n and texts[j + 1][:1].isupper():
            j += 1
        elif texts[j][:1].isupper() and ents[j] not in _NOT_NAMES and not tokens[j].like_num:
            j = _name_end(doc, j, n)
        else:
            break
    if j > end and lowers[j - 1] in GROUP_HEADS:
        return True
    # an Arabic group word before it, joined by capitalised words, articles and dashes
    k = start - 1
    while k >= 0 and start - k <= 4 and not tokens[k + 1].is_sent_start and (
            texts[k][:1].isupper() or lowers[k] in ARABIC_ARTICLES or texts[k] in DASHES):
        if lowers[k] in ARABIC_GROUP_HEADS:
            return True
        k -= 1
    # a group's own name, or its "X Province" after it ("the Islamic State's")
    for size in (1, 2, 3):
        if start - size >= 0 and " ".join(texts[start - size:end]) in GROUP_PROVINCE_NAMES:
            return True
    before = start - (1 if start > 0 and texts[start - 1] in ("'s", "’s") else 0)
    last = lowers[max(end, j) - 1]
    return last in ("province", "wilayat", "wilayah") and any(
        " ".join(texts[before - size:before]) in GROUP_PROVINCE_NAMES
        for size in (1, 2) if before - size >= 0)


# how many words back from a name the "of" of a group's claimed state may lie ("of Iraq
# and the Levant": 4)
_CLAIM_WORDS = 6


def _claimed_by_group(doc: Doc, start: int) -> bool:
    """Whether the name at token ``start`` is a territory a group's own name claims as its
    state: it follows the group's name (:data:`GROUP_PROVINCE_NAMES`) and "of", alone or
    joined to another such name by "and" ("Iraq" and "Syria" in "the Islamic State of
    Iraq and Syria", "the Levant" in "Islamic State of Iraq and the Levant"). "Islamic
    State in Iraq" may say where the group fights ("the coalition fighting Islamic State
    in Iraq"), and stays a place."""
    texts = _words(doc).texts
    k = start - 1
    stop = max(start - _CLAIM_WORDS, 0)  # a bounded walk: capitals need not end (all caps)
    while k >= stop and (texts[k] in ("and", "the") or texts[k] in DASHES
                         or texts[k][:1].isupper()) and texts[k] != "of":
        k -= 1  # back over "Iraq and the" to the "of" before them
    return k >= max(stop, 1) and texts[k] == "of" and any(
        " ".join(texts[k - size:k]) in GROUP_PROVINCE_NAMES for size in (1, 2) if k >= size)


def _entity_is(span: Span) -> bool:
    """Whether an entity of the document covers exactly ``span`` (with a leading "the",
    without a trailing possessive)."""
    e = _entity_at(span.doc, span.end - 1)
    return e is not None and _entity_end(e) == span.end and (e.start == span.start or (
        e.start == span.start - 1 and e[0].lower_ == "the"))


def _names_pattern(names: set[str]) -> re.Pattern[str]:
    """A regex for any of ``names`` as whole words, the longest that fits at a position
    first: the names grouped by their first character, so that at each position the
    regex tries only the names that start with the character found there (one flat
    alternation tried every name at every word boundary: slow on a long text with many
    names). It matches exactly what ``\\b(name1|name2|…)\\b`` with the names longest first
    matches."""
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name[1:])
    groups = (re.escape(first) + "(?:" + "|".join(
        map(re.escape, sorted(rests, key=len, reverse=True))) + ")"
        for first, rests in sorted(by_first.items()))
    return re.compile(r"\b(?:" + "|".join(groups) + r")\b")


@lru_cache(maxsize=8192)  # (the same names recur in document after document)
def _clean_name(text: str) -> bool:
    """Whether ``text`` can be a place name: at least two letters and no mojibake or
    control characters (scraped text must not give names made of fragments)."""
    text = windows_1252_controls(text)
    letters = sum(c.isalpha() for c in text)
    return letters >= 2 and not _MOJIBAKE.search(text) and \
        not any(unicodedata.category(c) == "Cc" for c in text)


def _may_start(word: str) -> bool:
    """:func:`_name_start`'s test of the token's text alone: capitalised after any opening
    quote, or an Arabic article."""
    text = word.lstrip(_QUOTES)
    return text[:1].isupper() or text.lower() in ARABIC_ARTICLES


def _name_start(token: Token) -> bool:
    """A token that can start a place name: capitalised (after any opening quote), or an
    Arabic article joined by a hyphen ("al-Bukamal")."""
    if not _may_start(token.text):
        return False  # (most words: checked first, as it is the cheapest test)
    text = token.text.lstrip(_QUOTES)
    if _not_a_name(token.ent_type_, token) or token.like_num or not text:
        return False
    if text.lower() in ARABIC_ARTICLES and token.i + 2 < len(token.doc) and \
            token.nbor(1).text in DASHES and not token.whitespace_:
        return True
    return text[:1].isupper() and not token.is_stop and token.text not in _DETERMINERS


# NER labels of numbers, which a capitalised word without a digit is not ("Tal Al-‘Eiss"
# PERCENT): the small model's misreading of a transliterated name
_NUMBER_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})


def _not_a_name(label: str, token: Token) -> bool:
    """Whether NER ``label`` of ``token`` makes it no part of a place name: a label of
    :data:`_NOT_NAMES`, except a number's on a word without a digit."""
    return label in _NOT_NAMES and not (
        label in _NUMBER_LABELS and not any(c.isdigit() for c in token.text)
        and not token.like_num)


def _head_completed(span: Span) -> Span:
    """NER's place name that stops at a generic Arabic head word ("Tal", "Kafr",
    "Deir") continued by the name that follows it, glued apostrophes and articles
    included ("Tal Na'am", "Tal Al-‘Eiss"): a head word alone names no place."""
    if span[-1].lower_ not in ARABIC_PLACE_HEADS or span.end >= len(span.doc):
        return span
    return doc_span(span.doc, span.start, _name_end(span.doc, span.end - 1, len(span.doc)))


def _name_end(doc: Doc, i: int, limit: int) -> int:
    """The end (exclusive) of the name starting at token ``i``: capitalised tokens,
    joined by hyphens or apostrophes ("Deir ez-Zor", "Sa’eed"), at most
    :data:`_MAX_CONTEXT_TOKENS` tokens."""
    words = _words(doc)
    tokens, texts, lowers, ents = words.tokens, words.texts, words.lowers, words.ents
    j = i + 1
    while j < limit and j - i < _MAX_CONTEXT_TOKENS:
        tok, text = tokens[j], texts[j]
        joined = not tokens[j - 1].whitespace_
        if text in DASHES and joined and not tok.whitespace_ and j + 1 < limit and (
                texts[j + 1][:1].isupper() or lowers[j + 1] in ARABIC_ARTICLES or
                (texts[j + 1].isdigit() and texts[j - 1].isupper() and len(texts[j - 1]) <= 2)):
            # "Deir ez-Zor", "T-4 Military Airport"
            j += 2
            continue
        if (text[:1].isupper() and not _not_a_name(ents[j], tok)
                and not tok.like_num and text not in _DETERMINERS) or \
                (joined and text[:1] in "’'" and len(text) > 1
                 and text not in POSSESSIVE_ENDINGS) or \
                (lowers[j] in ARABIC_ARTICLES and j + 1 < limit
                 and texts[j + 1] in DASHES):
            j += 1
            continue
        break
    return j


def _modifiers_end(tokens: Sequence[Token], i: int, *, adjectives: bool = True,
                   titled_compass: bool = True) -> int:
    """The first token at or after ``i`` past the words that can stand between a
    preposition or verb and a name (:func:`_modifier`), and (``adjectives``) hyphenated
    modifiers ("into the strategic", "in government-held", "in northern rural")."""
    n = len(tokens)
    j = i
    while j < n and j - i < 5:
        tok = tokens[j]
        if _modifier(tok, adjectives=adjectives, titled_compass=titled_compass):
            j += 1
        elif adjectives and tok.text.islower() and j + 2 < n and tokens[j + 1].text in DASHES \
                and not tok.whitespace_ and not tokens[j + 1].whitespace_ and \
                tokens[j + 2].text.islower():
            j += 3  # "government-held", "rebel-controlled"
        else:
            break
    return j


def _modifier(tok: Token, *, adjectives: bool = True, titled_compass: bool = True) -> bool:
    """Whether ``tok`` can stand between a cue and a name: "the", a quote or a hashtag
    sign, a compass adjective or point (``titled_compass``: also capitalised, "in North
    Darfur" -> "Darfur"), and (``adjectives``) a lower-case adjective that is no
    settlement noun."""
    text = tok.text
    low = tok.lower_
    if low == "the" or text in _QUOTES or text == "#":
        return True
    lower = text.islower()
    if (titled_compass or lower) and low in _DIRECTIONS:
        return True
    return adjectives and lower and tok.pos_ == "ADJ" and low not in SETTLEMENT_NOUNS


def _cue_word(doc: Doc, start: int) -> str:
    """The lower-case word before the name at ``start`` and its modifiers (see
    :func:`_modifier`; dashes and any lower-case adjective too): "in" for "in the
    strategic X"."""
    words = _words(doc)
    tokens, texts, lowers, pos = words.tokens, words.texts, words.lowers, words.pos
    j = start - 1
    while j > 0 and (_modifier(tokens[j], titled_compass=False) or texts[j] in DASHES or
                     (texts[j].islower() and pos[j] == "ADJ")):
        j -= 1
    return lowers[j] if j >= 0 else ""


# "Hawija, a town", "Hawija, which is a town", "Hawija is a town": what opens a
# description of the name before it
_DESCRIBING = (("is",), ("was",), (",", "which", "is"), (",", "which", "was"), (",",))
_DESCRIBING_ARTICLES = frozenset({"a", "an", "the"})
# the nouns that say what a described name is: those of :data:`DIVISION_NOUNS` with a
# class, and a capital, a town ("Ramadi, the capital of Anbar province")
_DESCRIBING_NOUNS = {**{k: v for k, v in DIVISION_NOUNS.items() if v}, "capital": "P"}


def _description(words: _Words, start: int, end: int) -> tuple[str | None, int | None]:
    """The feature class ("P" or "A", :data:`DIVISION_NOUNS`) of the settlement or
    division noun that describes the name at tokens ``start:end``, and the first token of
    the name the description places it in or near (:func:`_placed_by`): after it, an
    apposition or a copula with an article, a few lower-case modifiers and the
    noun, which heads its phrase ("Hawija, a small farming town near Kirkuk", "X is a
    village 30 km from Y"; not "X, a town council"); before it, a settlement noun and
    "of" ("the town of Hawija")."""
    lowers, texts, pos = words.lowers, words.texts, words.pos
    n = len(lowers)
    # before it, settlement nouns only: "the province of Damascus" often has no reading
    # but a district named after the city (Damascus, ADM2), no finer than the city
    if start >= 3 and lowers[start - 1] == "of" and \
            DIVISION_NOUNS.get(lowers[start - 2]) == "P" and texts[start - 2].islower():
        j = start - 3  # "the town of", "the key village of"; not "Y, a district of X"
        while j > 0 and texts[j].islower() and pos[j] == "ADJ":
            j -= 1
        # a plural noun names the list after it ("the villages of Arbin and Jobar"), or
        # parts of one place ("the eastern towns of Idlib")
        listed = not lowers[start - 2].endswith("s") or (end < n and lowers[end] in (",", "and"))
        if lowers[j] == "the" and listed:
            return DIVISION_NOUNS[lowers[start - 2]], None
    for opener in _DESCRIBING:
        i = end + len(opener)
        if tuple(lowers[end:i]) != opener or i >= n or lowers[i] not in _DESCRIBING_ARTICLES:
            continue
        i += 1
        for _ in range(6):
            if i < n and texts[i] in DASHES:
                i += 1  # "rebel-held"
                continue
            if i >= n or not (texts[i].islower() or pos[i] == "ADJ"):
                break
            noun = _DESCRIBING_NOUNS.get(lowers[i])
            if noun and texts[i].islower():
                nxt = i + 1
                if nxt < n and (pos[nxt] in ("NOUN", "PROPN")
                                or texts[nxt] in POSSESSIVE_ENDINGS):
                    break  # "a town council", "the town's mayor"
                return noun, _placed_by(words, nxt)
            if pos[i] not in ("ADJ", "NOUN", "VERB", "ADV", "NUM"):
                break  # a modifier: "small", "farming", "rebel-held", "mainly"
            i += 1
        break
    return None, None


# what puts a described place in or by another: "a village in Idlib", "a town near
# Kirkuk", "a district of Damascus", "a town 45 km north of Kirkuk", "... from Kirkuk"
_PLACING = frozenset({"in", "near", "outside", "of", "from", "on", "by"})


def _placed_by(words: _Words, i: int) -> int | None:
    """The first token of the name that the words from token ``i`` on, after a
    description's noun, place it in or near ("near Kirkuk", "in northern Idlib", "45 km
    south of Kirkuk", "on the outskirts of Aleppo"), within the clause; None if none."""
    lowers, texts, starts = words.lowers, words.texts, words.starts
    n = len(lowers)
    stop = min(n, i + 8)
    while i < stop and texts[i] not in (",", ";", ".", "("):
        if lowers[i] in _PLACING:
            j = _modifiers_end(words.tokens, i + 1)
            if j < n and starts[j]:
                return j
        i += 1
    return None


def _names_place_of(noun: Token) -> bool:
    """Whether the "of" phrase after ``noun`` names a place, as in "residents of", "20 km
    north of", "the outskirts of" (settlement nouns aside: "the village of")."""
    low = noun.lower_
    return low in PLACE_OF_HEADS or low in COMPASS_POINTS or low in SURROUNDINGS or \
        low in DISTANCE_UNITS


# nouns whose "of" phrase is a place but whose possessor may be a person ("Smith's seat",
# "Ahmed's siege"): no cue after a possessive
_PERSONAL_HEADS = frozenset({"hometown", "seat", "siege", "battle"})


# the words and parts of speech that can be a cue of :func:`_context_names`
_CUE_WORDS = STATIC_LOCATIVES | APPOSITION_NOUNS | COMPASS_ADJECTIVES | {"of", "on", "against"}
_CUE_TAGS = frozenset({"VERB", "AUX", "ADP"})


def _context_names(doc: Doc) -> Iterator[tuple[Span, str, str | None]]:
    """(name, cue, feature class) for every name that stands where a place stands:

    * ``locative``: after a locative preposition, past "the", adjectives and compass
      words ("in Chinhoyi", "in the southern Hama countryside", "into the strategic
      T-4 Military Airport", "between Gao and Kidal");
    * ``named``: named by a settlement or division noun ("the town of Al-Qarassi", "the
      villages of A, B and C", "the capital city Lashkar Gah") or by a noun whose "of"
      phrase is a place ("residents of Kasumbalesa", "the siege of Luang Nam Tha",
      "11 km of Menbeij");
    * ``compass``: after a lower-case compass adjective ("eastern Ghouta", "northern
      rural Homs"), which modifies places, not people or organisations;
    * ``descriptive``: before one ("Garubula village", "the East Ghouta region",
      "Yerevan's Kentron district");
    * ``possessive``: before the possessive of a noun whose "of" phrase is a place
      ("during Kafr Saghir’s liberation", "Kafr Saghir’s eastern perimeter"), for names the
      gazetteer knows;
    * ``route``: the ends of a route ("the Gulu-Kampala road").

    A list after a cue ("in X, Y and Z") shares it. The feature class is "A" or "P" when
    a division or settlement noun follows the name ("Biu district", "Okha village").
    """
    words = _words(doc)
    tokens, texts, lowers, tags, starts = \
        words.tokens, words.texts, words.lowers, words.pos, words.starts
    n = len(tokens)
    after = 0  # the first token after the last name found
    # the tokens that may be a cue (the first test of each below), or start a name
    for i in [i for i, (low, text, pos, start) in enumerate(zip(lowers, texts, tags, starts,
                                                                strict=True))
              if start or pos in _CUE_TAGS or low in _CUE_WORDS or text in LOCATIVE_PREPOSITIONS]:
        if i < after:
            continue
        low, text, pos = lowers[i], texts[i], tags[i]
        cue = None
        start = i + 1
        if low in STATIC_LOCATIVES or text in LOCATIVE_PREPOSITIONS:
            cue = "locative"
            start = _modifiers_end(tokens, start)
            if any(t in COMPASS_ADJECTIVES for t in texts[i + 1:start]):
                cue = "compass"  # "in eastern Ghouta"
        elif low == "of" and i > 0 and lowers[i - 1] in SETTLEMENT_NOUNS:
            if words.ents[i - 1] == "ORG" and texts[i - 1].istitle():
                continue  # "the Islamic State of Iraq and Al-Sham": an organisation's name
            cue = "named"
            start = _modifiers_end(tokens, start, adjectives=False)
        elif low == "of" and i > 0 and _names_place_of(tokens[i - 1]):
            cue = "of"  # "residents of Kasumbalesa", "11 km of Menbeij"
            start = _modifiers_end(tokens, start, adjectives=False)
        elif text.islower() and low in APPOSITION_NOUNS and i > 0 and \
                lowers[i - 1] in ("the", "city", "capital", "provincial", "regional"):
            cue = "named"  # "the capital city Lashkar Gah", "the town Al-Bab"
        elif text.islower() and low in COMPASS_ADJECTIVES:
            cue = "compass"
            start = _modifiers_end(tokens, start)
        elif pos in ("VERB", "AUX") and low.startswith(TERRITORIAL_VERB_STEMS):
            # "captured Birao", "storming Jabal Thardeh", "enter eastern Aleppo"
            cue = "assault" if low.startswith(ASSAULT_VERB_STEMS) else "territorial"
            start = _modifiers_end(tokens, start)
        elif low in ("on", "against") and i > 0 and lowers[i - 1] in ASSAULT_NOUNS:
            cue = "territorial"  # "attacks on Aleppo", "the assault on Taqsis"
            start = _modifiers_end(tokens, start)
        elif pos == "VERB" and low in _STRIKING_VERBS and _weapon_subject(tokens[i]):
            cue = "assault"  # "An air strike hit Khan Younis", "shells struck Kharkiv"
            start = _modifiers_end(tokens, start)
        elif pos == "ADP" and i + 1 < n:
            cue = "preposition"  # only for site names: "on the Deir Ezzor Military Airport"
            start = _modifiers_end(tokens, start, titled_compass=False)
        elif pos == "VERB" and i + 1 < n and lowers[i + 1] == "the":
            cue = "object"  # only for site names: "struck the Al-Rasoul Checkpoint"
            start = _modifiers_end(tokens, start, titled_compass=False)
        elif starts[i] and (i == 0 or not starts[i - 1]):
            cue, start = "bare", i  # "Garubula village", "the Gulu-Kampala road"
        if cue in ("locative", "compass", "territorial", "assault") and start + 2 < n and \
                lowers[start] in _PARTITIVES and lowers[start + 1] == "of":
            # "capturing half of Darayya", "in most of eastern Ghouta": the part of a place
            # a cue takes is in that place
            start = _modifiers_end(tokens, start + 2)
        if cue is None or start >= n or not (
                starts[start] or _misread(tokens[start], cue, low)
                or _numbered(words, start)):
            continue
        end = _name_end(doc, start, n)
        yield from _listed(doc, start, end, cue)
        after = max(end, i + 1)


# verbs whose object is the target of the weapon or strike that is their subject
_STRIKING_VERBS = frozenset({"hit", "hits", "hitting", "struck", "strike", "strikes",
                             "striking", "target", "targets", "targeted", "targeting",
                             "rock", "rocks", "rocked", "rocking"})


def _weapon_subject(verb: Token) -> bool:
    """Whether a verb's subject is an attack or a munition ("An air strike hit …",
    "Shells struck …"): its object is then where they fell, not a person."""
    return any(c.dep_ == "nsubj" and c.lower_ in ASSAULT_NOUNS for c in verb.children)


# the words of a part of a place before "of" and the place's name
_PARTITIVES = frozenset({"half", "most", "much", "all", "part", "parts", "some"})


# the words of dates that start with a capital: months and weekdays, in full or short
_CALENDAR = frozenset(name.lower() for name in (
    *calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name,
    *calendar.day_abbr)) | {"sept", "tues", "thur", "thurs"} | FEAST_NAMES


def _numbered(words: _Words, i: int) -> bool:
    """Whether a number at token ``i`` opens a site's name ("entered the 3000 Apartment
    Project", "near the 1070 Apartment Complex"): digits alone, then a name's first word.
    Such a name counts only when the gazetteer knows it (see :meth:`_place_contexts`)."""
    return words.texts[i].isdigit() and i + 1 < len(words.texts) and words.starts[i + 1]


# NER labels of things, works and happenings, which the object of an assault verb is not
_THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT"})


def _misread(token: Token, cue: str, cue_word: str) -> bool:
    """Whether a capitalised word that NER gave a label of no name can still start one
    where a strong cue stands before it: a "date" that is no calendar word after a
    settlement noun, a static locative or an assault verb ("the village of Ma’ardes", "in
    Mahaday", "seized Ma’ardes"), and a "language" that an assault or a capture takes
    ("shelled Robotyne": a language is never shelled)."""
    if token.pos_ != "PROPN":
        return False
    taken = cue in ("territorial", "assault")
    if _misdated(token):
        return taken or cue == "named" or (cue == "locative" and cue_word in STATIC_LOCATIVES)
    return taken and token.ent_type_ == "LANGUAGE" and token.text[:1].isupper()


def _misdated(token: Token) -> bool:
    """Whether a capitalised word that NER took for (part of) a date or time is no
    calendar word, so that a settlement noun can name it ("the key village of Ma’ardes",
    Ma’ardes DATE)."""
    text = token.text.lstrip(_QUOTES)
    return token.ent_type_ in ("DATE", "TIME") and text[:1].isupper() and \
        not any(c.isdigit() for c in text) and text.lower().rstrip(".") not in _CALENDAR


def _listed(doc: Doc, start: int, end: int, cue: str
            ) -> Iterator[tuple[Span, str, str | None]]:
    """The name ``doc[start:end]`` and the names listed after it, with their cue."""
    words = _words(doc)
    tokens, lowers, starts = words.tokens, words.lowers, words.starts
    n = len(doc)
    while True:
        span = doc_span(doc, start, end)
        after = end  # past a closing quote: 'the "Hama" countryside'
        while after < n and _is_quote(tokens[after]):
            after += 1
        nxt = tokens[after] if after < n else None
        feature_class = None
        kind = cue
        if nxt is not None and nxt.lower_ in ROUTE_NOUNS and any(
                t.text in DASHES for t in span):
            parts = _split_dashes(span)  # "the Gulu-Kampala road"
            for part in parts:
                yield part, "route", None
            return
        if nxt is not None and nxt.lower_ in DIVISION_NOUNS:
            feature_class = DIVISION_NOUNS[nxt.lower_] or None
            kind = "descriptive"
        elif _site_follows(doc, after):
            kind = "descriptive"  # "Palmasola prison", "Kawkab army base"
        elif nxt is not None and nxt.text in ("'s", "’s") and after + 1 < n and \
                starts[after + 1]:
            # "Yerevan's Kentron district", "Central Papua's Intan Jaya regency": both are
            # places when a place or division noun follows
            inner_end = _name_end(doc, after + 1, n)
            if inner_end < n and (lowers[inner_end] in SETTLEMENT_NOUNS or
                                  lowers[inner_end] in DIVISION_NOUNS):
                yield span, "descriptive", None
                start, end, cue = after + 1, inner_end, "descriptive"
                continue
        elif nxt is not None and nxt.text in ("'s", "’s") and kind in ("bare", "preposition"):
            # "during Kafr Saghir’s liberation", "Kafr Saghir’s eastern perimeter": the
            # possessive of a noun whose "of" phrase is a place ("the liberation of Kafr
            # Saghir"), unless that noun has its own "of" phrase, which the place is
            # ("Assad's liberation of Aleppo"); a cue for names the gazetteer knows only
            # ("Mubarak's fall")
            noun = after + 1
            while noun < n and lowers[noun] in COMPASS_ADJECTIVES:
                noun += 1
            if noun + 1 < n and tokens[noun].text.islower() and lowers[noun + 1] != "of" \
                    and lowers[noun] not in _PERSONAL_HEADS and _names_place_of(tokens[noun]):
                kind = "possessive"
        if feature_class is None and kind not in ("route", "named"):
            described = _description(words, start, end)[0]
            if described:  # "Hawija, a town near Kirkuk", "Hawija is a town"
                feature_class, kind = described, "descriptive"
        if kind == "bare" and nxt is not None and nxt.text in (",", "and"):
            listed = _coordinated_before_noun(doc, start, end)
            if listed:  # "the Al-Assad and Minyan suburbs", "Angyom, X and Y villages"
                for item in listed:
                    yield item, "descriptive", None
                return
        if kind == "of" and _modifies_next(doc, end):
            return  # "the vicinity of the Marsh home"
        if kind in ("bare", "territorial", "assault", "preposition", "object", "locative"):
            last = span[-1].lower_
            if last in DIVISION_NOUNS and len(span) > 1 and kind != "locative":
                feature_class = DIVISION_NOUNS[last] or None
                kind = "descriptive"  # "Al-‘Arfi District", "Yarmouk Camp"
            elif last in SITE_NOUNS and len(span) > 1 and kind != "bare":
                kind = "named"  # "storming the Mennagh Military Airport", "near the
                # Panorama Checkpoint", "struck the Al-Rasoul Checkpoint"
            elif kind == "preposition" and _place_shaped(span):
                pass  # "an army attack on al-Latmana"
            elif kind in ("bare", "preposition", "object") or (
                    kind != "locative" and _modifies_next(doc, end)):
                return  # "captured Hamas fighters": a modifier, not the object
        yield span, kind, feature_class
        # a list after the cue: "in X, Y and Z", "between X and Y"
        if cue == "bare" or (end < n and lowers[end] in DIVISION_NOUNS):
            return
        following = _next_listed(doc, end, _is_quote)
        if following is None:
            return
        start, end = following


def _next_listed(doc: Doc, j: int, filler: Callable[[Token], bool]) -> tuple[int, int] | None:
    """(start, end) of the name listed after token ``j`` past commas, "and", "or", "&"
    and ``filler`` words; None when no name follows, or when only commas lead to a name
    that a verb follows ("west of the Streets of Woodfield, Huff said": a clause's
    subject)."""
    words = _words(doc)
    tokens, texts, pos, starts = words.tokens, words.texts, words.pos, words.starts
    n = len(doc)
    k = j
    while k < n and (texts[k] in (",", "and", "or", "&") or filler(tokens[k])):
        k += 1
    if k == j or k >= n or not starts[k]:
        return None
    comma_only = all(texts[t] == "," or filler(tokens[t]) for t in range(j, k))
    end = _name_end(doc, k, n)
    if comma_only and end < n and pos[end] in ("VERB", "AUX"):
        return None
    return k, end


def _is_quote(token: Token) -> bool:
    return token.text in _QUOTES


def _is_the(token: Token) -> bool:
    return token.lower_ == "the"


def _modifies_next(doc: Doc, end: int) -> bool:
    """Whether the name ending before token ``end`` modifies a common noun after it
    ("captured Hamas fighters", "seized Russian tanks"; not "today")."""
    words = _words(doc)
    return end < len(doc) and words.texts[end].islower() and \
        words.pos[end] in ("NOUN", "ADJ", "PROPN") and words.ents[end] not in _NOT_NAMES


def _site_follows(doc: Doc, end: int) -> bool:
    """Whether a lower-case site noun follows the name ending before token ``end``, alone
    or after a noun or a hyphen: "Palmasola prison", "Kawkab army base", "the Al-Walid
    border-crossing"."""
    words = _words(doc)
    texts, pos = words.texts, words.pos
    n = len(doc)
    if end >= n or not texts[end].islower():
        return False
    if texts[end] in SITE_NOUNS:
        return True
    k = end + 1 + (end + 1 < n and texts[end + 1] in DASHES)
    return k < n and (pos[end] == "NOUN" or k == end + 2) and texts[k] in SITE_NOUNS


def _list_items(doc: Doc, start: int, end: int, *, before: bool = True) -> Iterator[Span]:
    """The names listed with the name ``doc[start:end]``: after it ("X, Y and Z"), and
    (``before``) before it when it ends a list or stands inside one ("A, B and X", "A, X
    and C")."""
    words = _words(doc)
    texts, lowers, starts = words.texts, words.lowers, words.starts
    n = len(doc)
    j = end
    listed = 0
    while j < n and listed < _MAX_LISTED:
        listed += 1
        item = _next_listed(doc, j, _is_the)
        if item is None:
            break
        yield doc_span(doc, *item)
        j = item[1]
    prev = texts[start - 1] if start > 0 else ""
    after = texts[end] if end < n else ""
    if not before or not (prev in ("and", "or") or (prev == "," and after in (",", "and",
                                                                              "or"))):
        return
    j = start
    while j > 0 and listed < 2 * _MAX_LISTED:
        listed += 1
        k = j
        while k > 0 and texts[k - 1] in (",", "and", "or"):
            k -= 1
        if k == j:
            break
        s = k
        while s > 0 and k - s < _MAX_CONTEXT_TOKENS and (
                texts[s - 1][:1].isupper() or texts[s - 1] in DASHES or
                lowers[s - 1] in ARABIC_ARTICLES):
            s -= 1
        while s < k and not starts[s]:
            s += 1
        if s >= k or _name_end(doc, s, n) != k:
            break
        yield doc_span(doc, s, k)
        j = s


def _coordinated_before_noun(doc: Doc, start: int, end: int) -> list[Span]:
    """Names coordinated before a plural settlement or division noun ("the Al-Assad and
    Minyan suburbs"): all of them, else []."""
    words = _words(doc)
    texts, lowers, starts = words.texts, words.lowers, words.starts
    n = len(doc)
    items = [doc_span(doc, start, end)]
    j = end
    while j < n and len(items) < 8:
        k = j
        while k < n and texts[k] in (",", "and", "&"):
            k += 1
        if k == j:
            break
        if k >= n or not starts[k]:
            return []
        j = _name_end(doc, k, n)
        items.append(doc_span(doc, k, j))
        if j < n and lowers[j] in SETTLEMENT_NOUNS and texts[j].islower() and \
                texts[j - 1] not in (",",):
            return items if lowers[j].endswith("s") else []
    return []


def _split_dashes(span: Span) -> list[Span]:
    parts, begin = [], span.start
    for tok in span:
        if tok.text in DASHES:
            if tok.i > begin:
                parts.append(doc_span(span.doc, begin, tok.i))
            begin = tok.i + 1
    if span.end > begin:
        parts.append(doc_span(span.doc, begin, span.end))
    return parts


def _strip_generic(span: Span) -> Span | None:
    """The name without a trailing division or settlement noun ("Aleppo City" ->
    "Aleppo", "Al-Manashiyah District" -> "Al-Manashiyah") and without quotes."""
    doc = span.doc
    words = _words(doc)
    texts, lowers = words.texts, words.lowers
    start, end = span.start, span.end
    while start < end and texts[start] in _QUOTES:
        start += 1
    while end > start and texts[end - 1] in _QUOTES:
        end -= 1
    if end - start > 1 and lowers[end - 1] in DIVISION_NOUNS:
        end -= 1
    return doc_span(doc, start, end) if end > start else None


def _place_shaped(span: Span) -> bool:
    """A name shaped like a place name: it starts with an Arabic article or a generic
    Arabic place word ("al-Bukamal", "Tal Ayyoub", "Kafr Nabuda") or ends with a place
    word ("Yarmouk Camp")."""
    first = span[0].lower_.lstrip(_QUOTES)
    if (first in ARABIC_ARTICLES and len(span) > 2 and span[1].text in DASHES) or \
            (first in ARABIC_PLACE_HEADS and len(span) > 1):
        return True
    return len(span) > 1 and span[-1].lower_ in PLACE_WORDS
