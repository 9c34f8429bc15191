"""Toponym resolution: pick the place each mention of a document refers to.

:class:`Resolver` groups a document's mentions by name (one sense per discourse), asks
:mod:`~geoevents.resolve.candidates` for candidate places, ranks them with the document
context (:mod:`~geoevents.resolve.features`), and fills each mention's ``place``,
``candidates``, ``confidence`` and ``reason``. Border mentions resolve to the shared
boundary line of two countries (:mod:`~geoevents.resolve.borders`); relative mentions
("north of Gaza City") to the place they are relative to, or with a distance ("15 km
north of X") to the point that far along the compass bearing; ``between`` mentions
("between X and Y", "the X-Y road") to the geodesic midpoint of the two places (derived
places, :func:`derived_place`). Loose candidates (other transliterations, longer names
with generic words, similar spellings) count only when the acceptance model
(:mod:`~geoevents.resolve.acceptance`) finds them likely in the document's context;
every name with candidates then gets its best one, with the ranker's probability times
that acceptance as its confidence (``min_confidence`` restores abstention below it). A
name unknown to the gazetteer stays (unresolved) when the recogniser saw it is a place
name (``named``); a mention found by the gazetteer alone (``weak``) is dropped unless
its place fits the document or is a well-known place (a capital or a city of 100,000
people, by its main name).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from geoevents.gazetteer.names import consonant_key, core_words
from geoevents.gazetteer.store import COUNTRY_CODES
from geoevents.geodesy import destination, distance_km, midpoint
from geoevents.model import Place, Toponym
from geoevents.resolve.acceptance import AcceptanceModel, is_loose, neighbours
from geoevents.resolve.borders import resolve_border
from geoevents.resolve.candidates import (
    ABOVE_TOWN_NOUNS,
    CACHE_SIZE,
    CITY_AREA_KM,
    Candidate,
    CandidateGenerator,
    normalized,
)
from geoevents.resolve.features import FEATURES, Group, Ranker
from geoevents.wordlists import (
    COMPASS_BEARINGS,
    DASHES,
    DISTANCE_UNITS,
    DIVISION_NOUNS,
    FEATURE_NOUNS,
    MUNICIPAL_BODIES,
    PLACE_WORDS,
    QUARTER_NOUNS,
    RESIDENT_NOUNS,
    STREET_WORDS,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from geoevents.gazetteer.store import Gazetteer
    from geoevents.recognise import Mention

__all__ = ["Candidate", "CandidateGenerator", "Ranker", "Resolver", "place_by_context"]

# By default every mention with candidates gets its best one, with the ranker's
# probability (times a loose candidate's acceptance) as its confidence; a positive
# ``min_confidence`` restores abstention below it (0.1 was the old default).
MIN_CONFIDENCE = 0.0
# a mention found by the gazetteer alone (``weak``) needs this much, and support
WEAK_MIN_CONFIDENCE = 0.5
_MAX_LISTED_CANDIDATES = 10
_I = {name: i for i, name in enumerate(FEATURES)}


class Resolver:
    """Resolves the mentions of documents against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, *, ranker: Ranker | None = None,
                 min_confidence: float = MIN_CONFIDENCE,
                 weak_min_confidence: float = WEAK_MIN_CONFIDENCE,
                 cache_size: int = CACHE_SIZE,
                 acceptance: AcceptanceModel | None = None) -> None:
        self.gaz = gazetteer
        self.candidates = CandidateGenerator(gazetteer, cache_size=cache_size)
        self.ranker = ranker or Ranker.load()
        self.acceptance = acceptance or AcceptanceModel.load()
        self.min_confidence = min_confidence
        self.weak_min_confidence = weak_min_confidence

    def __call__(self, mentions: list[Mention], text: str) -> list[Mention]:
        """Resolve ``mentions`` of ``text`` in place; returns the mentions kept."""
        names = [m for m in mentions if m.kind in ("name", "demonym")]
        groups, members = self.groups(names, text)
        probs, matrices = self.ranker.rank(groups)
        if any(_needs_support(c) for g in groups for c in g.candidates):
            _reject_stray_loose(groups, members, probs, neighbours(self.gaz))
        _reject_unsupported_small(groups, members, probs, neighbours(self.gaz))
        _reject_foreign_namesakes(groups, members, probs, neighbours(self.gaz))
        _reject_feature_namesakes(groups, members, probs, neighbours(self.gaz), text)
        _reject_outside_container(groups, members, probs, text)
        dropped: set[int] = set()
        in_lists = _listed_with_divisions(groups, members, probs, text)
        for group, mentions_of, p, x in zip(groups, members, probs, matrices, strict=False):
            self._assign(group, mentions_of, p, x, dropped, text, in_lists)
        kept = [m for m in mentions if id(m) not in dropped]
        resolved = [m for m in kept if m.kind in ("name", "demonym")]
        for m in kept:
            if m.kind == "border":
                resolve_border(m, resolved, self.gaz)
            elif m.kind == "relative":
                _resolve_relative(m)
            elif m.kind == "between":
                _resolve_between(m)
        return [m for m in kept if m.kind in ("name", "demonym")
                or all(id(p) not in dropped for p in m.parts)]

    def groups(self, names: list[Mention], text: str) -> tuple[list[Group], list[list[Mention]]]:
        """The distinct names of a document (with candidates and qualifier links) and the
        mentions of each."""
        by_key: dict[str, list[Mention]] = defaultdict(list)
        for m in names:
            by_key[_group_key(m)].append(m)
        keys = list(by_key)
        index = {k: i for i, k in enumerate(keys)}
        candidates = {k: self._candidates(by_key[k], text) for k in keys}
        pointed = {k: _countries(Group(k, candidates[k], weight=1.0)) for k in keys}
        counts = Counter(c for k in keys for c in pointed[k])
        near = neighbours(self.gaz)
        groups = [Group(k, _as_town(candidates[k], by_key[k], text, counts, pointed[k], near),
                        weight=1.0) for k in keys]
        ordered = sorted(names, key=lambda m: m.start)
        pairs = list(itertools.pairwise(ordered))
        comma = [text[a.end:b.start].strip() == "," for a, b in pairs]
        for i, (first, second) in enumerate(pairs):
            # "Paris, Texas" qualifies Paris; in a list ("California, Oklahoma,
            # Pennsylvania") names separated by commas are items, not head and qualifier,
            # and so are two divisions or countries joined by a conjunction after it
            # ("Washington, Pennsylvania and California"; "Paris, Texas and Dallas" stays)
            third = pairs[i + 1][1] if i + 1 < len(pairs) else None
            in_list = (i > 0 and comma[i - 1]) or (third is not None and (
                comma[i + 1] or (_joined(text, second, third) and all(
                    _region_first(groups[index[_group_key(m)]].candidates)
                    for m in (second, third)))))
            if comma[i] and first.kind == "name" and not in_list:
                group = groups[index[_group_key(first)]]
                target = index[_group_key(second)]
                if target != index[_group_key(first)]:
                    group.qualifier_of = [*(group.qualifier_of or []), target]
        # "Hawija, a town near Kirkuk", "Kafr Nabl, a village in Idlib": the place a
        # description puts a name in or near qualifies it as "Paris, Texas" does
        starting = {m.token_start: m for m in names if m.kind == "name"}
        for m in names:
            anchor = starting.get(m.placed_by) if m.placed_by is not None else None
            if anchor is not None and index[_group_key(anchor)] != index[_group_key(m)]:
                group = groups[index[_group_key(m)]]
                target = index[_group_key(anchor)]
                if target not in (group.qualifier_of or []):
                    group.qualifier_of = [*(group.qualifier_of or []), target]
                group.placed_by = [*(group.placed_by or []), target]
        self._accept(groups, [by_key[k][0] for k in keys])
        return groups, [by_key[k] for k in keys]

    def _candidates(self, mentions: list[Mention], text: str) -> list[Candidate]:
        """The candidates of a name (its first mention's); a name the text calls a
        governor's ("the Murmansk governor", "the Governor of Kandahar") reads as the
        first-level division when it has such a reading: governors head them (Murmansk
        Oblast, Kandahar province, Texas), not the towns that share their names. A name
        the gazetteer lacks that contains a town's name (``part`` readings) gets them only
        when given, seen as a place by the recogniser or shaped like one."""
        first = mentions[0]
        if first.kind == "name" and any(_ARTICLE_BEFORE.search(text, max(0, m.start - 4),
                                                               m.start) for m in mentions) \
                and not any(_noun_class(m, text) for m in mentions):
            features = self._with_article(first.lookup or first.text)
            bare = {c.place.id for c in self.candidates(first)}
            if features and not any(c.place.id in bare for c in features):
                return features
        if first.kind == "name" and not first.feature_class and any(
                _governed(m, text) for m in mentions):
            divisions = [c for c in self.candidates(replace(first, feature_class="A"))
                         if c.place.feature_code == "ADM1" and not is_loose(c)]
            if divisions:
                return divisions
        if first.kind == "name" and not first.feature_class:
            # "a Washington state farm": the name's reading, unless the text also calls
            # it another kind ("Nakuru town" and "Nakuru county": see _seat)
            wanted = {_noun_class(m, text) for m in mentions} - {None}
            if len(wanted) == 1 and "other" not in wanted:
                first = replace(first, feature_class=wanted.pop())
        found = self.candidates(first)
        if found and all(c.match == "part" for c in found) and not any(
                m.source == "given" or m.named or _place_like(m.text) for m in mentions):
            return []  # no more a place for containing a town's name ("Southern Baptist")
        return found

    def _with_article(self, name: str) -> list[Candidate]:
        """The readings of "the NAME" that are no settlements ("the Gulf": the Persian
        Gulf region, not Gulf province, Papua New Guinea): a feature or region whose
        gazetteer name takes the article, as English names it with one. When the bare
        name has none of them among its readings, the text's "the" before it says it
        means one of them (the bare name "Bronx" already reads as the county), unless a
        division noun follows ("the Gulf province"). Settlements named with the article
        are mostly nicknames ("the Bridge" for Bridgeton)."""
        if name.lower().startswith("the "):
            return []
        # (the name's own hits, which "the NAME" also finds tried bare, are not such)
        return [c for c in self.candidates.for_name(f"the {name}")
                if c.match == "exact" and c.place.feature_class not in ("P", "S")
                and c.name.startswith("the ")]

    def _accept(self, groups: list[Group], first: list[Mention]) -> None:
        """Judge the loose candidates of each name (:mod:`~geoevents.resolve.acceptance`)
        against the countries the document's other names point to; those found unlikely
        are no candidates."""
        if not any(is_loose(c) for g in groups for c in g.candidates):
            return
        countries = [_countries(g) for g in groups]
        near = neighbours(self.gaz)
        for i, (group, mention) in enumerate(zip(groups, first, strict=True)):
            cands = group.candidates
            if not any(is_loose(c) for c in cands):
                continue
            context: set[str] = set().union(*(c for j, c in enumerate(countries) if j != i))
            around = set().union(*(near.get(c, frozenset()) for c in context))
            p = self.acceptance.probability(mention.lookup or mention.text, cands, context,
                                            around)
            keep = p >= self.acceptance.threshold
            if not keep.any():
                best = int(p.argmax())
                group.rejected = (cands[best], float(p[best]), "")
            group.candidates = [c for c, k in zip(cands, keep, strict=True) if k]
            group.acceptance = p[keep]

    def _assign(self, group: Group, mentions: list[Mention], p: np.ndarray, x: np.ndarray,
                dropped: set[int], text: str, in_lists: frozenset[int]) -> None:
        """Give ``mentions`` their group's best place (or the town named like the division
        read, where the text names the town), or drop them or leave them unresolved;
        ``in_lists``: ids of mentions that a list of divisions keeps divisions
        (:func:`_listed_with_divisions`)."""
        cands = group.candidates
        if not cands or group.rejected is not None:
            # a name whose only exact readings lie abroad is still a place name
            namesake = group.rejected is not None and not is_loose(group.rejected[0])
            for m in mentions:
                if m.source != "given" and (m.weak or not (m.named or namesake
                                                           or _place_like(m.text))):
                    dropped.add(id(m))  # a name unknown to the gazetteer and not shaped
                else:                   # like a place ("Saakashvili") is no toponym
                    m.reason = _unknown(m, group.rejected)
            return
        order = (-p).argsort()
        best = int(order[0])
        accepted = 1.0 if group.acceptance is None else float(group.acceptance[best])
        conf = float(p[best]) * accepted
        listed = [cands[int(i)].place for i in order[:_MAX_LISTED_CANDIDATES]]
        supported = _supported(x[best], cands[best])
        reason = self._reason(group, cands, p, x, order)
        if is_loose(cands[best]):
            reason = (f"{reason}; {_MATCH_WORDS[cands[best].match]} of "
                      f"{mentions[0].lookup or mentions[0].text!r} (acceptance {accepted:.2f})")
        elif cands[best].match == "part":
            reason = (f"{reason}; {mentions[0].lookup or mentions[0].text!r} is not in the "
                      f"gazetteer: a feature or part named after {cands[best].place.name}")
        town = self._seat(mentions, cands, best, text)
        own = town is not None and town_owns_name(town, cands[best],
                                                  mentions[0].lookup or mentions[0].text)
        # a tie between the division and the town it is named after goes to the town
        # ("the Jenin area"), unless a mention names the division ("Jenin governorate")
        tie = own and any(c is town and p[best] - p[i] < TOWN_TIE
                          for i, c in enumerate(cands)) and not any(
            _division_named(m, text) for m in mentions)
        for m in mentions:
            if m.weak and (conf < self.weak_min_confidence
                           or not (supported or _well_known(cands[best], m.text))):
                dropped.add(id(m))
                continue
            m.candidates = listed
            m.confidence = conf
            if conf >= self.min_confidence and town is not None and (
                    _named_as_town(m, text) or (id(m) not in in_lists and (
                        (own and _locative_town(m, text)) or tie))):
                m.place = town.place
                m.reason = (f"{town.place.display_name} ({town.place.feature_code}): the "
                            f"text names the town here, not the division of its name "
                            f"({reason})")
            elif conf >= self.min_confidence and (
                    division := self._division(mentions[0], cands[best], m, text)) is not None:
                m.place = division.place
                m.reason = (f"{division.place.display_name} ({division.place.feature_code}): "
                            f"the text names the division here, not the town of its name "
                            f"({reason})")
            elif conf >= self.min_confidence:
                m.place = cands[best].place
                m.reason = reason
            else:
                m.reason = f"unresolved: {len(cands)} candidates, none likely enough ({reason})"

    def _seat(self, mentions: list[Mention], cands: list[Candidate], best: int,
              text: str) -> Candidate | None:
        """The town named like the division read as a name's best place (:func:`_seat`),
        looked up as a settlement when the text's division noun kept the name's readings
        to divisions ("Mopti region" and "between Mopti and Douentza") and one of its
        mentions names the town in the text's body (a dateline alone does not: a report
        filed from "KHERSON —" about the Kherson region is about the region)."""
        town = _seat(cands, best)
        first = mentions[0]
        if town is not None or first.feature_class != "A" or \
                cands[best].place.feature_code not in _DIVISIONS or not any(
                    (_named_as_town(m, text) and not _dateline(m, text))
                    or _locative_town(m, text) for m in mentions):
            return town
        return _seat([cands[best], *self.candidates(replace(first, feature_class=None))], 0)

    def _division(self, first: Mention, town: Candidate, m: Mention, text: str
                  ) -> Candidate | None:
        """The division named after the ``town`` read as a name's place, for a mention
        that a noun of a division above a town follows (:data:`ABOVE_TOWN_NOUNS`): "the
        Bryansk region" in a report filed from "BRYANSK, Russia" is the oblast, whatever
        the name's other mentions say. Only a division the town lies in, read with the
        name as a division: "the Houston region" stays the city, which no division of
        that name holds (Houston County, Texas, lies far from it)."""
        province = normalized(town.place.admin1 or "")
        if town.place.feature_class != "P" or not province or not any(
                after is not None and after.group(1) in ABOVE_TOWN_NOUNS
                for after in (_NEXT_WORD.match(text, m.end),
                              _COORDINATED_AFTER.match(text, m.end))):
            return None
        divisions = [c for c in self.candidates(replace(first, feature_class="A"))
                     if c.place.feature_code in _DIVISIONS and not is_loose(c)
                     and c.place.country_code == town.place.country_code
                     and province == normalized(c.place.name if c.place.feature_code == "ADM1"
                                                else c.place.admin1 or "")
                     and (c.place.feature_code == "ADM1" or distance_km(
                         town.place.lat, town.place.lon, c.place.lat, c.place.lon)
                          <= CITY_AREA_KM)]
        return max(divisions, key=lambda c: (c.place.feature_code == "ADM1", c.prior),
                   default=None)

    def _reason(self, group: Group, cands: list[Candidate], p: np.ndarray, x: np.ndarray,
                order: np.ndarray) -> str:
        best = int(order[0])
        place = cands[best].place
        head = f"{place.display_name} ({place.feature_code})"
        if len(cands) == 1:
            return f"{head}: the only gazetteer match"
        runner = int(order[1])
        gain = self.ranker.weights * (x[best] - x[runner])
        why: list[str] = []
        for i in (-gain).argsort()[:3]:
            text = _EXPLAIN[FEATURES[i]](place) if FEATURES[i] in _EXPLAIN else None
            if gain[i] > 0.2 and text and text not in why:
                why.append(text)
        if not why:
            why = ["best overall score"]
        return f"{head}: {', '.join(why)}; p={p[best]:.2f} over {len(cands)} candidates"


_EXPLAIN = {
    "prior": lambda p: "most prominent place of that name",
    "top_prior": lambda p: "most prominent place of that name",
    "country_votes": lambda p: f"the text is about {p.country_code}",
    "admin1_votes": lambda p: f"the text is about {p.admin1 or p.name}",
    "contains": lambda p: "contains other places of the text",
    "qualified": lambda p: "named with its region",
    "proximity": lambda p: "near the other places of the text",
    "same_place": lambda p: "another name of the text refers to it",
    "is_country": lambda p: "a country",
    "is_region": lambda p: "a region",
    "is_admin1": lambda p: "a first-level division",
}


def _as_town(cands: list[Candidate], mentions: list[Mention], text: str,
             pointed: Counter[str], own: set[str],
             near: dict[str, frozenset[str]]) -> list[Candidate]:
    """A country's name that the text uses as a town's ("a Lebanon woman", "the Jordan
    middle school", "400 S. Locust St., Lebanon", the dateline "MALTA –") names a town
    of that name: its country readings are dropped when it has exact town readings. A
    dateline alone is no such use when the text's other names point to the country or its
    neighbours (``pointed``: how many names point to each country, ``own`` of them this
    name; ``near``: each country's neighbours): "LEBANON — Israeli strikes killed three
    people" names the country."""
    countries = [c for c in cands if c.place.feature_code in COUNTRY_CODES]
    if not countries or not any(c.place.feature_class == "P" and not is_loose(c)
                                for c in cands):
        return cands
    uses = [m for m in mentions if _town_use(m, text)]
    if not uses:
        return cands
    if all(_dateline(m, text) for m in uses):
        codes = {c.place.country_code for c in countries if c.place.country_code}
        area = codes.union(*(near.get(c, frozenset()) for c in codes))
        if any(pointed[c] > (c in own) for c in area):
            return cands
    return [c for c in cands if c.place.feature_code not in COUNTRY_CODES]


_GOVERNOR_AFTER = re.compile(r"(?:'s\s+|’s\s+|\s+)(?:lt\.\s+|lieutenant\s+|deputy\s+|vice\s+)?"
                             r"(?:governor|governorship|gubernatorial)\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_GOVERNOR_BEFORE = re.compile(r"\bgovernor\s+of\s+(?:the\s+)?$", re.IGNORECASE)


_DIVISIONS = frozenset({"ADM1", "ADM2", "ADM3"})


# what stands between two items of a list of names: a comma or a conjunction, then at
# most two lower-case words of the next item's own ("fourteen in Nova Scotia, twelve in
# Ontario, and one in Quebec"; not ", and a newspaper in", a clause of its own)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:[a-z0-9]+\s+){0,2}")


def _listed_with_divisions(groups: list[Group], members: list[list[Mention]],
                           probs: list[np.ndarray], text: str) -> frozenset[int]:
    """Ids of the mentions read as first-level divisions that stand in a list next to a
    division of the same country that no town is named like (its :func:`_seat`): "one
    in New Brunswick, and one in Quebec" counts cases per province, and "in Quebec" there
    is the province, though a bare name after "in" is the town named like a division
    elsewhere ("a newspaper based in Yogyakarta"). Items of one list are of one kind;
    a division named like its own town beside another such ("in Idlib and Aleppo") says
    nothing of the kind of the list."""
    best = [int(p.argmax()) if len(p) else -1 for p in probs]
    owner = {id(m): i for i, ms in enumerate(members) for m in ms}

    def division(i: int) -> Place | None:
        group = groups[i]
        if best[i] < 0 or group.rejected is not None:
            return None
        place = group.candidates[best[i]].place
        return place if place.feature_code == "ADM1" else None

    ordered = sorted((m for ms in members for m in ms if m.kind == "name"),
                     key=lambda m: m.start)
    listed: set[int] = set()
    for a, b in itertools.pairwise(ordered):
        gap = text[a.end:b.start]
        i, j = owner[id(a)], owner[id(b)]
        if i == j or not _LIST_GAP.fullmatch(gap):
            continue
        first, second = division(i), division(j)
        if first is None or second is None or first.country_code != second.country_code:
            continue
        for m, k in ((a, j), (b, i)):
            if _seat(groups[k].candidates, best[k]) is None:
                listed.add(id(m))
    return frozenset(listed)


def _seat(cands: list[Candidate], best: int) -> Candidate | None:
    """The town that a division read as a name's best place is named after, among the
    name's exact candidates (Nakuru the town for Nakuru county, Kayes the town for the
    Kayes region): a town of that name inside the division."""
    division = cands[best].place
    if division.feature_code not in _DIVISIONS:
        return None
    inside = normalized(division.name) if division.feature_code == "ADM1" else \
        normalized(division.admin1 or "")
    towns = [c for c in cands if c.place.feature_class == "P" and not is_loose(c)
             and c.place.country_code == division.country_code
             and normalized(c.place.admin1 or "") == inside]
    return max(towns, key=lambda c: c.prior, default=None)


def town_owns_name(town: Candidate, division: Candidate, name: str) -> bool:
    """Whether a bare ``name`` in a locative slot ("in Jenin", "near Mopti") is the town
    named like the ``division`` that is the name's best reading (its seat, :func:`_seat`)
    rather than the division: when the town carries the name as its own main name, or
    as a transliteration of it (as many words, with the same consonant frame: "Jenin"
    for Janīn; not "Montana" for Montana City), or the division does not carry it as
    its main name. Not "in Goa", the state, for Mormugao, of which "Goa" is an
    alternate name. "X governorate" names the division whatever this says
    (:func:`_locative_town`)."""
    own = town.place.name
    return (town.primary or not division.primary
            or (len(own.split()) == len(name.split())
                and consonant_key(own) == consonant_key(name)))


# probabilities closer than this are a tie (the seed's Jenin: 0.5005 and 0.5002)
TOWN_TIE = 0.01


def _division_named(m: Mention, text: str) -> bool:
    """Whether a noun of a division follows mention ``m`` ("Jenin governorate", "the
    Idlib and Hama governorates") or ends it ("Mohammad Agha District"); "area" names
    no division ("the Jenin area")."""
    last = m.text.split()[-1].lower()
    if DIVISION_NOUNS.get(last) or last in _REGION_AFTER:
        return True
    return any(after is not None and (bool(DIVISION_NOUNS.get(after.group(1)))
                                      or after.group(1) in _REGION_AFTER)
               for after in (_NEXT_WORD.match(text, m.end),
                             _COORDINATED_AFTER.match(text, m.end)))


# "Nakuru town", "the town of Kayes", "on the outskirts of Kayes", "streets of Pattani",
# "the Pattani campus" (a campus is named by its town)
_TOWN_AFTER = re.compile(r"\s+(?:town|city|municipality|township|campus)\b", re.IGNORECASE)
_TOWN_BEFORE = re.compile(r"\b(?:town|city|outskirts|suburbs?|centre|center|streets|"
                          r"municipality|township|downtown)\s+of\s+(?:the\s+)?$",
                          re.IGNORECASE)


def _named_as_town(m: Mention, text: str) -> bool:
    """Whether the text names a town with mention ``m`` ("Nakuru town", "the town of
    Kayes", "a cement plant on the outskirts of Kayes", the dateline "NAKURU —" — a
    report is filed from a town), though the name's reading in the document is the
    division named after that town: one name, used for both, read per mention."""
    return bool(_TOWN_AFTER.match(text, m.end)) or bool(
        _TOWN_BEFORE.search(text[max(0, m.start - 30):m.start])) or _dateline(m, text)


# "near Mopti", "between Mopti and Douentza", "outside Lubero", "30 km south of Tillaberi":
# prepositions of a point
_POINT_BEFORE = re.compile(r"\b(?:in|near|at|outside|around|from|into|between)\s+$"
                           r"|(?<!the )\b(?:north|south|east|west)(?:-?(?:east|west))?"
                           r"\s+of\s+$"  # not "the south of Mopti", a part of the region
                           r"|\bbetween\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,3}\s+and\s+$",
                           re.IGNORECASE)
# "Mopti's main market", "Mopti's streets": a possessive before a lower-case noun
_POSSESSED_AFTER = re.compile(r"(?:'s|’s)\s+(?:[a-z]+\s+){0,2}?([a-z]+)\b")


def _locative_town(m: Mention, text: str) -> bool:
    """Whether mention ``m`` stands bare where English puts a point: after a locative
    preposition ("in Mopti", "near Lubero", "between Mopti and Douentza") or before a
    possessive and a noun that is no division's ("Mopti's main market"), with no
    division or region noun after it ("in Mopti region", "Kandahar's governor")."""
    last = m.text.split()[-1].lower()
    if (m.start > 0 and text[m.start - 1] == "-") or last in DIVISION_NOUNS or \
            last in _REGION_AFTER:
        return False  # "in Mohammad Agha District"
    for after in (_NEXT_WORD.match(text, m.end), _COORDINATED_AFTER.match(text, m.end)):
        if after is not None and (after.group(1) in DIVISION_NOUNS
                                  or after.group(1) in _REGION_AFTER):
            return False  # "in Mopti region", "in the Idlib and Hama governorates"
    if text.startswith(("'s", "’s"), m.end):
        # "Mopti's main market"; not "Pattani's Nong Chik district", which the division holds
        possessed = _POSSESSED_AFTER.match(text, m.end)
        return possessed is not None and possessed.group(1) not in DIVISION_NOUNS and \
            possessed.group(1) not in _REGION_AFTER
    return bool(_POINT_BEFORE.search(text[max(0, m.start - 60):m.start]))


# words after a name that make it a division's, besides :data:`DIVISION_NOUNS`
_REGION_AFTER = frozenset({"territory", "territories", "governor", "governors",
                           "governorship", "commune", "department", "municipality",
                           "countryside"})
_COORDINATED_AFTER = re.compile(r",?\s+(?:and|or)\s+(?:[A-Z][\w'’-]*\s+){1,3}([a-z]+)\b")


def _governed(m: Mention, text: str) -> bool:
    """Whether a governor's title names mention ``m``: "Murmansk Governor", "Kandahar's
    governor", "the Governor of Krasnodar"."""
    return bool(_GOVERNOR_AFTER.match(text, m.end)) or bool(
        _GOVERNOR_BEFORE.search(text[max(0, m.start - 30):m.start]))


def _joined(text: str, a: Mention, b: Mention) -> bool:
    """Whether a conjunction alone joins mentions ``a`` and ``b`` ("X and Y", "X, or Y")."""
    return text[a.end:b.start].strip(" ,").lower() in ("and", "or")


def _region_first(cands: list[Candidate]) -> bool:
    """Whether a name's most likely reading is a country or first-level division."""
    return bool(cands) and (cands[0].place.feature_code in COUNTRY_CODES
                            or cands[0].place.feature_code == "ADM1")


def _noun_class(m: Mention, text: str) -> str | None:
    """The feature class a lower-case division noun right after mention ``m`` gives it
    ("Washington state", "Gaza city", "Biu district": :data:`DIVISION_NOUNS`), as the
    recogniser reads "X state" when the noun is not part of the name; None otherwise.
    Only nouns of first-level divisions and of settlements: "the Houston region" is the
    city and its surroundings, and a district or county named after its seat is often
    the seat's ("Matara district" around the town of Matara): those give "other".
    A name whose own last word is such a noun, looked up without it ("the Aleppo
    Governorate", looked up as "Aleppo"), reads the same: the text calls it so."""
    words = m.text.split()
    own = words[-1].lower() if len(words) > 1 and m.lookup and \
        normalized(m.lookup) == normalized(" ".join(words[:-1])) else None
    after = _NEXT_WORD.match(text, m.end)
    noun = own or (after.group(1) if after else None)
    if noun in _FIRST_LEVEL_NOUNS or noun in _SETTLEMENT_NOUNS:
        return DIVISION_NOUNS[noun]
    return "other" if DIVISION_NOUNS.get(noun or "") else None


_FIRST_LEVEL_NOUNS = frozenset({"state", "province", "governorate", "oblast", "prefecture"})
_SETTLEMENT_NOUNS = frozenset({"town", "village", "city", "hamlet"})
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_WORD = re.compile(r"[\w'’.]+")
# "400 S. Locust St., Lebanon": a street address ends with its town
_ADDRESS_END = re.compile(r"\d+\s+(?:[\w'’.]+\s+){1,4}?([\w]+)\.?,\s*$")


def _town_use(m: Mention, text: str) -> bool:
    """Whether the text uses mention ``m`` as the name of a town: a town's body or service
    follows it (:data:`MUNICIPAL_BODIES`), it modifies a noun of people after "a"/"an"
    (:data:`RESIDENT_NOUNS`), a street address ends with it, or it is a dateline (a name
    in capitals that opens a line or sentence, before a dash)."""
    after = text[m.end:m.end + 40].lower()
    words = _WORD.findall(after)
    if any(" ".join(words[:n]).rstrip(".") in MUNICIPAL_BODIES for n in (1, 2, 3, 4)):
        return True
    before = text[max(0, m.start - 60):m.start]
    head = before.split()[-1:] if before.strip() else []
    if words and words[0] in RESIDENT_NOUNS and head and head[0].lower() in ("a", "an"):
        return True
    address = _ADDRESS_END.search(before)
    if address and address.group(1).lower() in STREET_WORDS:
        return True
    return _dateline(m, text)


def _dateline(m: Mention, text: str) -> bool:
    """Whether mention ``m`` is a dateline: a name in capitals that opens a line or
    sentence, before a dash ("MALTA – About 5,000 books")."""
    before = text[max(0, m.start - 60):m.start]
    opens = before.rstrip(" ")[-1:] in ("", "\n", ".", "\"", "”")
    dash = text[m.end:m.end + 4].split()[:1]
    return opens and len(m.text) > 2 and m.text.isupper() and bool(dash) and dash[0] in DASHES


def _place_like(text: str) -> bool:
    """Whether a name contains a generic place word ("Osney Island", "Pingle Drive")."""
    words = [w.strip(".").lower() for w in text.split()]
    return len(words) > 1 and any(w in PLACE_WORDS for w in words)


_MATCH_WORDS = {"skeleton": "another transliteration", "generic": "a longer name",
                "fuzzy": "a similar spelling"}


# a loose candidate (a similar spelling, another transliteration, a longer name) of a
# town or site lies this close to another place of the text, or it is a guess the text
# does not support (see _reject_stray_loose)
STRAY_KM = 300.0
# alone in its text, a loose match by an old or alternate name must be more likely right
# than wrong
LONE_ALIAS_ACCEPTANCE = 0.5


def _best_and_anchors(groups: list[Group], members: list[list[Mention]],
                      probs: list[np.ndarray]) -> tuple[list[int], list[tuple[int, Place]]]:
    """Each group's best candidate index (-1 when it has none) and the anchors that support
    other names: (group index, place) of the exact, unrejected best readings of names the
    recogniser saw (not only the gazetteer)."""
    best = [int(p.argmax()) if len(p) else -1 for p in probs]
    anchors = [(i, g.candidates[b].place) for i, (g, b, ms) in
               enumerate(zip(groups, best, members, strict=True))
               if b >= 0 and g.rejected is None and not is_loose(g.candidates[b])
               and not all(m.weak for m in ms)]
    return best, anchors


def _needs_support(candidate: Candidate) -> bool:
    """Whether a reading stands only when another place of the text supports it: a loose
    match, or a town a name the gazetteer lacks is named after (``part``)."""
    return is_loose(candidate) or candidate.match == "part"


def _reject_stray_loose(groups: list[Group], members: list[list[Mention]],
                        probs: list[np.ndarray], near: dict[str, frozenset[str]]) -> None:
    """A name whose best candidate matched only loosely ("Kabbani": Krasnorichenske, Ukraine,
    by its old name Kabannie; "North Dallas": Dallesport, Washington, by North Dalles) is a
    guess; it stands only when the text supports it. A town or site (not a country,
    first-level division or larger region) is supported by the exact best reading of
    another name of the text (one the recogniser saw, not the gazetteer alone) that lies
    within :data:`STRAY_KM`, shares its first-level division or is that division, or is
    its country or a country bordering it ("Syrian troops", "Turkish shelling"); a town
    that a name the gazetteer lacks is named after (``part``) needs a place below country
    level to support it when the text names one: "Islington Bay", beside Auckland, is no
    bay named after Islington, Canterbury, 750 km away, though both are in New Zealand.
    When the text has no such name, the match must be on the place's main name, or by an
    old or alternate name with an acceptance of at least :data:`LONE_ALIAS_ACCEPTANCE`.
    Otherwise the name keeps no candidate and its reason says why."""
    best, anchors = _best_and_anchors(groups, members, probs)
    for i, (group, b) in enumerate(zip(groups, best, strict=True)):
        if b < 0 or not _needs_support(group.candidates[b]):
            continue
        cand = group.candidates[b]
        place = cand.place
        if cand.match != "part" and (place.feature_code in COUNTRY_CODES
                                     or place.feature_code in _LARGE_CODES):
            continue
        accepted = 1.0 if group.acceptance is None else float(group.acceptance[b])
        others = [a for j, a in anchors if j != i]
        if others and _namesake_by_one_letter(members[i][0].lookup or members[i][0].text,
                                              cand, others):
            group.rejected = (cand, accepted, "differs from it by one letter and lies "
                              "outside the region of the text's other places")
            continue
        if others:
            local = [a for a in others if a.country_code and a.feature_code not in COUNTRY_CODES]
            if any(_supports(a, place, near)
                   for a in (local if cand.match == "part" and local else others)):
                continue
            why = "is far from the other places of the text"
        elif cand.match == "part":
            why = "is supported by no other place of the text"
        else:
            if cand.primary or accepted >= LONE_ALIAS_ACCEPTANCE:
                continue
            why = "matches only an old or alternate name of it, and nothing else in the text " \
                  "supports it"
        group.rejected = (cand, accepted, why)


# how near a place of the text a one-letter namesake must lie when it is not in that
# place's first-level division (see _namesake_by_one_letter)
NAMESAKE_KM = 30.0


def _namesake_by_one_letter(name: str, cand: Candidate, others: list[Place]) -> bool:
    """Whether a similar spelling that swaps one letter of ``name`` for another ("Kangemi":
    Kangema, Kenya; "Hòa Lạc": Hòa Mạc, Vietnam) names a different place: the candidate is
    a small place (:func:`_small`), the text names a place below country level
    (``others``: its established places) and the candidate lies in none of their
    first-level divisions nor within :data:`NAMESAKE_KM` of one.
    A typo adds or drops a letter more often than it swaps one ("Cibourne" for
    Ciboure beside Guéthary), and transliterations differ in more than one vowel
    ("Harbinefseh", Ḩarbinafsah); a swapped letter in a name the text's region lacks is
    another name."""
    from rapidfuzz.distance import Levenshtein

    if cand.match != "fuzzy" or not _small(cand.place):
        return False
    query = " ".join(core_words(name))
    found = " ".join(core_words(cand.name or cand.place.name))
    if len(query) != len(found) or Levenshtein.distance(query, found) != 1:
        return False
    place = cand.place
    local = [a for a in others if a.feature_code not in COUNTRY_CODES]
    return bool(local) and not any(
        (a.country_code == place.country_code and place.admin1 and normalized(place.admin1)
         in (normalized(a.admin1 or ""), normalized(a.name) if a.feature_code == "ADM1" else ""))
        or distance_km(a.lat, a.lon, place.lat, place.lon) <= NAMESAKE_KM for a in local)


# a town, site or lower division this small that only the gazetteer found in a text, and
# that none of the text's places supports, is no place (see _reject_unsupported_small)
SMALL_POPULATION = 20_000
# a text is about one country when at least this share of its established places, and at
# least this many names, lie there; a namesake abroad may then be bigger, up to
# FOCUSED_CAP people (see _namesake_cap)
FOCUS_SHARE = 0.75
FOCUS_MIN = 3
FOCUSED_CAP = 100_000


def _reject_unsupported_small(groups: list[Group], members: list[list[Mention]],
                              probs: list[np.ndarray], near: dict[str, frozenset[str]]
                              ) -> None:
    """A name only the gazetteer found (every mention ``weak``: "Sgt", "Dodge",
    "Continental") whose best reading is a small place (:func:`_small`) that none of the
    text's other places supports (see :func:`_supports`; the exact best readings of the
    names the recogniser saw, at least one of them a place name: a nationality names an
    actor's origin, not where the text is) is no place: it keeps no candidate, so the
    resolver drops it. A name the recogniser saw as a place keeps such a reading: a local
    paper names small towns far from the other places it mentions."""
    best, anchors = _best_and_anchors(groups, members, probs)
    for group, b, ms in zip(groups, best, members, strict=True):
        # a weak-only group is never an anchor, so every anchor is another name's
        if b < 0 or group.rejected is not None or not all(m.weak for m in ms):
            continue
        cand = group.candidates[b]
        if not _small(cand.place) or all(groups[j].key.startswith("demonym:")
                                         for j, _ in anchors):
            continue
        if any(_supports(a, cand.place, near) for _, a in anchors):
            continue
        accepted = 1.0 if group.acceptance is None else float(group.acceptance[b])
        group.rejected = (cand, accepted, "is far from the text's other places")


def _reject_foreign_namesakes(groups: list[Group], members: list[list[Mention]],
                              probs: list[np.ndarray], near: dict[str, frozenset[str]]
                              ) -> None:
    """A name the recogniser saw whose best reading is a small place (:func:`_small`) in a
    country that none of the text's established places is in, borders or lies within
    :data:`STRAY_KM` of (or a town of any size read for a name that says it is a
    division, :func:`_town_for_division`), is a namesake abroad: "Arbin" shelled in the
    province of Damascus
    (Arbin, France), "Konna" in central Mali (Conna, Ireland), "the camp's Al Manshiya
    neighbourhood" in a West Bank text (a suburb of Khartoum). The name stays a place,
    unresolved: the gazetteer lacks the place meant. A bigger town abroad is kept ("camps
    such as Auschwitz" in a text about France), unless the text is about one country: then
    the cap grows with the number of its places there (:func:`_namesake_cap`: "the Tirah
    valley" in a report whose every other place is in Pakistan is not Tirat Karmel,
    Israel, 27,822 people, by an alternate name). The text's established places are
    the exact best readings of its other names that are neither small nor
    nationalities (which name an actor's origin), or the countries they are in; without
    one, nothing is judged. A place of no country (a continent, a sea, a region across
    borders: "African Union mediators") says nothing about which country the text is
    in, so it is no established place: it neither supports a namesake nor lets one be
    judged ("Nasir" in a South Sudanese text that names the African Union is not Demirci,
    Turkey, by an alternate name). A nationality does not vouch for a namesake either:
    "French forces" in a text about Mali leave "Léré" no village in France, and "the
    Saudi hospital" in El Fasher leaves "Tawila" no village in Yemen. A small place in
    the text's country is a namesake too when the text is about one of its first-level
    divisions and the place lies far from it (:func:`_far_from_focus`)."""
    best, anchors = _best_and_anchors(groups, members, probs)
    obscure = {i for i, g in enumerate(groups) if best[i] >= 0 and
               (_small(g.candidates[best[i]].place)
                or _town_for_division(g.key, g.candidates[best[i]].place))}
    places = [(i, a) for i, a in anchors if i not in obscure and a.country_code
              and not groups[i].key.startswith("demonym:")]
    for i, (group, b, ms) in enumerate(zip(groups, best, members, strict=True)):
        if b < 0 or group.rejected is not None or all(m.weak for m in ms) \
                or group.key.startswith("demonym:") or is_loose(group.candidates[b]):
            continue
        others = [a for j, a in places if j != i]
        if not others:
            continue
        place = group.candidates[b].place
        if i not in obscure and not _small(place, _namesake_cap(others)):
            continue
        if any(j != i and _same_region(a, place, near) for j, a in places):
            if i in obscure and _far_from_focus(place, others):
                group.rejected = (group.candidates[b], float(probs[i][b]),
                                  "lies in another first-level division than the text's "
                                  "other places, far from all of them")
            continue
        group.rejected = (group.candidates[b], float(probs[i][b]),
                          "lies in a country that none of the text's other places is in "
                          "or borders")


def _far_from_focus(place: Place, others: list[Place]) -> bool:
    """Whether a small place of the text's own country is a namesake in another part of
    it: the text's established places below country level (``others``) lie in one
    first-level division (at least :data:`FOCUS_MIN` names and :data:`FOCUS_SHARE` of
    them), ``place`` lies in another division of that country, more than
    :data:`STRAY_KM` from each of them ("Union Park" in a Chicago report is not the town
    of 9,765 in Florida)."""
    local = [a for a in others if a.feature_code not in COUNTRY_CODES and a.admin1]
    focus = _focus([(a.country_code, normalized(a.admin1 or "")) for a in local])
    if focus is None:
        return False
    (cc, adm), _ = focus
    if place.country_code != cc:
        return False
    if normalized(place.admin1 or "") == adm:
        return False
    return all(distance_km(a.lat, a.lon, place.lat, place.lon) > STRAY_KM for a in others)


def _reject_feature_namesakes(groups: list[Group], members: list[list[Mention]],
                              probs: list[np.ndarray], near: dict[str, frozenset[str]],
                              text: str) -> None:
    """A name the text gives a feature ("the Saranda forest", "Beaufort Castle": a
    feature noun right after a mention, :data:`FEATURE_NOUNS`) whose best reading is a
    town, site or lower division stands for a place named after that town only where
    another place of the text supports the town (:func:`_supports`, as for the towns a
    lake or river is named after): Sarandë, Albania, is no reading of the Saranda forest
    of Jharkhand, nor Beaufort, South Carolina, of the castle in south Lebanon. The name
    stays a place, unresolved. So does a name of a part of a city (a quarter noun after
    it or ending it, :data:`QUARTER_NOUNS`) read as a town that no other place of the
    text supports:
    "the Emiliano Zapata neighbourhood" in a report from Chilpancingo is no town in
    Tabasco, "Union Park" in Chicago no town in Florida. Such a name is judged only when
    the text has another place (a local paper names its city's quarters alone)."""
    best, anchors = _best_and_anchors(groups, members, probs)
    for i, (group, b, ms) in enumerate(zip(groups, best, members, strict=True)):
        if b < 0 or group.rejected is not None or group.key.startswith("demonym:"):
            continue
        place = group.candidates[b].place
        if not (place.feature_class in ("P", "S") or place.feature_code in _LOWER_DIVISIONS):
            continue
        quarter = place.feature_class == "P" and any(j != i for j, _ in anchors) and any(
            _feature_after(m, text, QUARTER_NOUNS) or
            m.text.split()[-1].lower() in QUARTER_NOUNS for m in ms)
        if not (quarter or any(_feature_after(m, text) for m in ms)):
            continue
        if any(_supports(a, place, near) for j, a in anchors if j != i):
            continue
        group.rejected = (group.candidates[b], float(probs[i][b]),
                          "is a town the text's feature of that name may be named after, "
                          "and none of the text's other places supports it")


def _feature_after(m: Mention, text: str, nouns: frozenset[str] = FEATURE_NOUNS) -> bool:
    """Whether one of ``nouns`` (a feature noun) follows mention ``m`` ("Saranda forest",
    "Beaufort Castle")."""
    after = _NEXT_WORD_ANY_CASE.match(text, m.end)
    return after is not None and after.group(1).lower() in nouns


_NEXT_WORD_ANY_CASE = re.compile(r"[ \t]+([A-Za-z]+)\b")


# "the village of Bagacay, in Las Navas", "El Aguaje, in the municipality of Aguililla":
# the text puts the first name in the second
_PUT_IN = re.compile(r"\s*,\s*in\s+(?:the\s+)?(?:([a-z]+)\s+of\s+(?:the\s+)?)?$",
                     re.IGNORECASE)
# how far from a town the text puts it in a village of that name may lie (a town's
# municipality, or a district's point)
CONTAINER_KM = 75.0


def _reject_outside_container(groups: list[Group], members: list[list[Mention]],
                              probs: list[np.ndarray], text: str) -> None:
    """A town or site the text puts in another place it names ("the upland village of
    Bagacay, in Las Navas, Northern Samar") is none of its gazetteer namesakes that lie
    outside that place (four villages called Bagacay in Bicol and Central Visayas, the
    nearest 110 km from Las Navas): the gazetteer lacks the village, and the name stays
    a place, unresolved (an event there is placed at the container, see
    :mod:`geoevents.events.location`). The container is the exact best reading of the
    name that follows ", in" or ", in the <division noun> of" ("El Aguaje, in the
    municipality of Aguililla"), or a first-level division of a country where the name
    has readings that qualifies it after a bare comma ("Orient, Ohio", when the
    gazetteer's only Orient is in New York);
    a reading is inside a country or first-level division by
    the gazetteer's links, inside a town or lower division within
    :data:`CONTAINER_KM` of its point, or inside its province when the text names it as
    one ("Léré, in the Timbuktu region"). A name with any reading inside stays for the
    ranker to judge, and so does one whose reading lies in the province of another of
    the text's places (then the container may be the misread name)."""
    best, anchors = _best_and_anchors(groups, members, probs)
    established = dict(anchors)
    owner = {id(m): i for i, ms in enumerate(members) for m in ms}
    ordered = sorted((m for ms in members for m in ms if m.kind == "name"),
                     key=lambda m: m.start)
    for first, second in itertools.pairwise(ordered):
        i, j = owner[id(first)], owner[id(second)]
        group = groups[i]
        put = _PUT_IN.match(text[first.end:second.start])
        if i == j or j not in established or best[i] < 0 or group.rejected is not None \
                or first.weak or not put:
            continue
        noun = (put.group(1) or "").lower()
        if noun and DIVISION_NOUNS.get(noun) != "A":
            continue  # "in the south of X" is no division of X
        if group.candidates[best[i]].place.feature_class not in ("P", "S"):
            continue
        after = _WORD.findall(text[second.end:second.end + 20].lower())[:1]
        as_area = noun in ABOVE_TOWN_NOUNS or (bool(after) and after[0] in ABOVE_TOWN_NOUNS)
        _reject_outside(groups, probs, best, anchors, i, j, established[j], as_area,
                        "puts it in")
    # "Orient, Ohio": a first-level division after a comma qualifies the name as "in"
    # does, when the name has readings in the division's country (not "Kansas City,
    # North ." with "North" read as a region of Cameroon)
    for i, group in enumerate(groups):
        if best[i] < 0 or group.rejected is not None or all(m.weak for m in members[i]) or \
                group.candidates[best[i]].place.feature_class not in ("P", "S"):
            continue
        for j in group.qualifier_of or []:
            outer = established.get(j)
            if j not in (group.placed_by or []) and outer is not None and \
                    outer.feature_code == "ADM1" and any(
                        c.place.country_code == outer.country_code for c in group.candidates):
                _reject_outside(groups, probs, best, anchors, i, j, outer, False,
                                "names it with")


def _reject_outside(groups: list[Group], probs: list[np.ndarray], best: list[int],
                    anchors: list[tuple[int, Place]], i: int, j: int, outer: Place,
                    as_area: bool, how: str) -> None:
    """Reject group ``i``'s readings when none lies in ``outer``, group ``j``'s
    established best place (see :func:`_reject_outside_container`)."""
    group = groups[i]
    if any(_in_container(c.place, outer, as_area) for c in group.candidates):
        return
    cand = group.candidates[best[i]]
    province = normalized(cand.place.admin1 or "")
    if province and any(k not in (i, j) and a.country_code == cand.place.country_code
                        and normalized(a.admin1 or "") == province for k, a in anchors):
        return  # the text's other places are in the reading's province: the container
        # may be the misread one ("Butig, in Lanao del Sur" read "Lanao")
    group.rejected = (cand, float(probs[i][best[i]]),
                      f"lies outside {outer.name}, which the text {how}")


def _in_container(place: Place, outer: Place, as_area: bool) -> bool:
    """Whether ``place`` may lie in ``outer`` (see :func:`_reject_outside_container`)."""
    if place.country_code != outer.country_code:
        return False
    if outer.feature_code in COUNTRY_CODES:
        return True
    if outer.feature_code == "ADM1" or as_area:
        inside = {normalized(outer.admin1 or "")} | (
            {normalized(outer.name)} if outer.feature_code == "ADM1" else set())
        return normalized(place.admin1 or "") in inside
    return distance_km(place.lat, place.lon, outer.lat, outer.lon) <= CONTAINER_KM


def _same_region(anchor: Place, place: Place, near: dict[str, frozenset[str]]) -> bool:
    """Whether a place of the text puts ``place`` in its region: same country, a
    neighbouring one, or within :data:`STRAY_KM`. A place in a country without land
    borders (an island state or territory: St. Croix, U.S. Virgin Islands, beside
    "U.S.") is not judged: its ties are across the sea."""
    cc = place.country_code
    if not cc or not near.get(cc):
        return True
    return anchor.country_code == cc or cc in near.get(anchor.country_code or "", ()) or \
        distance_km(anchor.lat, anchor.lon, place.lat, place.lon) <= STRAY_KM


def _namesake_cap(others: list[Place]) -> int:
    """The population under which a town abroad is a namesake (see
    :func:`_reject_foreign_namesakes`), given the text's other established places: a text
    whose places lie in one country (at least :data:`FOCUS_SHARE` of them, and at least
    :data:`FOCUS_MIN` names) is about that country, and each of its names there raises the
    cap by :data:`SMALL_POPULATION`, up to :data:`FOCUSED_CAP` (a report on Cameroon's
    North West that names six places there does not mean Bambuí, Brazil, 23,546 people, by
    "Bambui"); a text spread over several countries keeps :data:`SMALL_POPULATION`."""
    focus = _focus([a.country_code for a in others])
    return SMALL_POPULATION if focus is None else min(FOCUSED_CAP, SMALL_POPULATION * focus[1])


_Key = TypeVar("_Key", bound=Hashable)


def _focus(keys: Sequence[_Key]) -> tuple[_Key, int] | None:
    """The key most of ``keys`` share (a country, a first-level division) and how many
    share it, when a text is about it: at least :data:`FOCUS_MIN` of them and at least
    :data:`FOCUS_SHARE` of all; else None."""
    if not keys:
        return None
    key, k = Counter(keys).most_common(1)[0]
    return (key, k) if k >= FOCUS_MIN and k >= FOCUS_SHARE * len(keys) else None


def _small(place: Place, cap: float = SMALL_POPULATION) -> bool:
    """Whether a place is a town, site or lower division of fewer than ``cap`` people
    (:data:`SMALL_POPULATION`) in a known country (not a region, island or water)."""
    return bool(place.country_code) and place.population < cap and (
        place.feature_class in ("P", "S") or place.feature_code in _LOWER_DIVISIONS)


_LOWER_DIVISIONS = frozenset({"ADM2", "ADM3", "ADM4", "ADM5"})


def _town_for_division(key: str, place: Place) -> bool:
    """Whether a name that ends in a division noun above a town ("Duk county", "Bong
    county") reads as a town: the gazetteer lacks the division, and the town (Mtubatuba,
    South Africa, by its alternate name Duk) is a guess, however big, that the text's
    other places must put in their region (see :func:`_reject_foreign_namesakes`)."""
    words = key.split()
    return len(words) > 1 and words[-1] in ABOVE_TOWN_NOUNS and place.feature_class == "P"


def _supports(anchor: Place, place: Place, near: dict[str, frozenset[str]]) -> bool:
    """Whether a resolved place of the text makes a loose candidate ``place`` plausible:
    near it, in its first-level division (or that division), or its country or a
    neighbour of it."""
    cc = place.country_code
    if anchor.feature_code in COUNTRY_CODES:
        return bool(cc) and (anchor.country_code == cc or cc in near.get(anchor.country_code
                                                                          or "", ()))
    if anchor.country_code == cc and place.admin1 and normalized(place.admin1) in (
            normalized(anchor.admin1 or ""),
            normalized(anchor.name) if anchor.feature_code == "ADM1" else ""):
        return True
    return distance_km(anchor.lat, anchor.lon, place.lat, place.lon) <= STRAY_KM


# the loose readings that need no support from the text's other places
# (:func:`_reject_stray_loose`): divisions, regions, seas and the straits and channels
# between them ("the Malacca Straits" for the Strait of Malacca, in no country), ranges,
# deserts, peninsulas
_LARGE_CODES = frozenset({"ADM1", "CONT", "RGN", "OCN", "SEA", "GULF", "STRT", "CHNM",
                          "TERR", "ISLS", "MTS", "DSRT", "PEN"})


def _unknown(m: Mention, rejected: tuple[Candidate, float, str] | None) -> str:
    """The reason of a mention whose name has no (likely) place in the gazetteer."""
    name = m.lookup or m.text
    if rejected is None:
        return f"unresolved: no place called {name!r} in the gazetteer"
    cand, p, why = rejected
    place = cand.place
    if cand.match == "part":
        return (f"unresolved: {name!r} is not in the gazetteer, and {place.name!r} "
                f"({place.country_code or place.feature_code}), which it may be named "
                f"after, {why}")
    if not is_loose(cand):
        return (f"unresolved: the place called {name!r} in the gazetteer, "
                f"{place.display_name} ({place.feature_code}), {why} (p={p:.2f})")
    if why:
        return (f"unresolved: {name!r} is not in the gazetteer and the similar name "
                f"{place.name!r} ({place.country_code or place.feature_code}) {why} "
                f"(acceptance {p:.2f})")
    return (f"unresolved: {name!r} is not in the gazetteer and the similar name "
            f"{place.name!r} ({place.country_code or place.feature_code}) is unlikely to "
            f"be it (acceptance {p:.2f})")


def _countries(group: Group) -> set[str]:
    """The countries a name points to: its exact candidates' (all of a demonym's, the
    most prominent one's otherwise)."""
    exact = [c for c in group.candidates if not is_loose(c)]
    if not exact:
        return set()
    if group.key.startswith("demonym:"):
        return {c.place.country_code for c in exact if c.place.country_code}
    top = max(exact, key=lambda c: c.prior)
    return {top.place.country_code} if top.place.country_code else set()


def _group_key(m: Mention) -> str:
    if m.kind == "demonym":
        return f"demonym:{m.country or m.lookup}"
    return normalized(m.lookup) or m.lookup


def _supported(x: np.ndarray, cand: Candidate) -> bool:
    """Whether a weak mention's place fits the document: the text also points to its
    division or sits near it, or it is itself a country, continent or division."""
    if cand.place.feature_code in COUNTRY_CODES or cand.place.feature_code in ("CONT", "ADM1"):
        return True
    return bool(x[_I["admin1_votes"]] > 0.3 or x[_I["qualified"]] > 0.3 or x[_I["proximity"]] > 0.5
                or x[_I["same_place"]] > 0)


# a city this big, or a capital, named in a text is a place even where nothing else in the
# text supports it (NER of another language's text says nothing: "Protestos em Recife e
# Porto Alegre")
WELL_KNOWN_POPULATION = 100_000


def _well_known(cand: Candidate, text: str) -> bool:
    """Whether a weak mention names a capital or a large city by its main name, and not as
    an all-capital acronym ("SWAT" is no mention of Swat)."""
    place = cand.place
    return (cand.primary and cand.match == "exact" and not text.isupper()
            and (place.feature_code == "PPLC" or place.population >= WELL_KNOWN_POPULATION))


def _resolve_relative(m: Mention) -> None:
    """"north of Gaza City" is Gaza City; "15 km north of X" is the point 15 km north
    of X on the ellipsoid (a derived place, see :func:`derived_place`)."""
    anchor = m.parts[0]
    if anchor.place is None:
        m.reason = f"{m.relation} {anchor.text}, which is unresolved"
        return
    m.candidates = [anchor.place]
    m.confidence = anchor.confidence
    offset = _offset(m.relation or "")
    if offset is None:
        m.place = anchor.place
        m.reason = f"{m.relation} {anchor.place.display_name}"
        return
    km, direction = offset
    lat, lon = destination(anchor.place.lat, anchor.place.lon, COMPASS_BEARINGS[direction], km)
    m.place = derived_place(f"{m.relation} {anchor.place.name}", lat, lon, anchor.place,
                            f"{km:g} km {direction} of {anchor.place.id}")
    m.reason = (f"the point {km:g} km {direction} of {anchor.place.display_name} "
                f"(geodesic, WGS84)")


def _resolve_between(m: Mention) -> None:
    """"between X and Y", "the X-Y road": the point halfway between X and Y."""
    a, b = (p.place for p in m.parts[:2])
    if a is None or b is None:
        missing = m.parts[0].text if a is None else m.parts[1].text
        m.reason = f"{m.relation} {m.parts[0].text} and {m.parts[1].text}: {missing} is " \
                   f"unresolved"
        return
    lat, lon = midpoint(a.lat, a.lon, b.lat, b.lon)
    m.place = derived_place(m.text, lat, lon, a, f"between {a.id} and {b.id}")
    m.candidates = [a, b]
    m.confidence = min(m.parts[0].confidence or 0.0, m.parts[1].confidence or 0.0)
    m.reason = (f"halfway between {a.display_name} and {b.display_name} "
                f"({distance_km(a.lat, a.lon, b.lat, b.lon):.0f} km apart)")


DERIVED_SOURCE = "geoevents:derived"


def derived_place(name: str, lat: float, lon: float, base: Place, how: str) -> Place:
    """A point the text describes relative to gazetteer places ("20 km south of Gao",
    "between Gao and Kidal"): no gazetteer id of its own; its ``source`` says how it
    was derived, and it keeps the country of ``base``."""
    return Place(id=f"derived:{how}", name=name, lat=round(lat, 6), lon=round(lon, 6),
                 feature_class="L", feature_code="AREA", country_code=base.country_code,
                 admin1=base.admin1, source=f"{DERIVED_SOURCE}: {how}")


_OFFSET = re.compile(r"^(\d+(?:[.,]\d+)?)\s*([a-z]+)\s+([a-z-]+)\s+of$")


def _offset(relation: str) -> tuple[float, str] | None:
    """(km, compass word) of a relation like "20 km south of", else None."""
    hit = _OFFSET.match(relation.lower())
    if hit is None or hit.group(2) not in DISTANCE_UNITS or \
            hit.group(3) not in COMPASS_BEARINGS:
        return None
    return float(hit.group(1).replace(",", ".")) * DISTANCE_UNITS[hit.group(2)], hit.group(3)


# a name the gazetteer cannot place is put at a place of its text only when that place is
# a town, site or lower division of fewer people than this: a bigger city sets the scale of
# a regional or national story, whose unknown places may lie anywhere in it (on LGL's tune
# half, a known small place read as the text's nearest such place before it lay within
# 161 km of it 79–90% of the time for anchors under 200,000 people, 61% for 200,000–500,000
# and 41% above; see place_by_context)
CONTEXT_MAX_POPULATION = 200_000
# the confidence of such a placement: an approximation, not the named place
CONTEXT_CONFIDENCE = 0.1
# a text with no such local place places its unknown names near its nearest town or city
# of any size (or lower division) instead, at this lower confidence ("Mukuru kwa Njenga"
# in a report from Nairobi, "St. Peter's Square" in one from Rome): a guess at the scale
# of a city, as unknown names of regional stories may lie far from it, where leaving the
# name unresolved gives no point at all (on the tune halves, such placements lay within
# 161 km of the gold point for 4 of 10 GeoVirus names and 0 of 8 LGL names)
CITY_CONTEXT_CONFIDENCE = 0.05
# an anchor must itself be this likely: a wrongly read anchor ("Italy" read as the Texas
# town) carries its error to every name placed near it (on LGL's tune half, anchors of any
# confidence gave 40 right and 21 wrong placements, anchors of 0.4 or more 36 and 13)
CONTEXT_MIN_ANCHOR_CONFIDENCE = 0.4
CONTEXT_ID_PREFIX = "derived:near "


def placed_by_context(place: Place | None) -> bool:
    """Whether ``place`` is :func:`place_by_context`'s approximation, not a reading."""
    return place is not None and place.id.startswith(CONTEXT_ID_PREFIX)


def place_by_context(toponyms: Sequence[Toponym], *, cities: bool = False) -> list[Toponym]:
    """The toponyms of a document with each unresolved name (one the gazetteer lacks, or
    whose readings were all refused) placed at the text's nearest local place named before
    it, else the first one after it: a town, site or lower division of fewer than
    :data:`CONTEXT_MAX_POPULATION` people that another name resolved to with at least
    :data:`CONTEXT_MIN_ANCHOR_CONFIDENCE` ("Harwinton" in a story from Litchfield,
    Connecticut, is placed at Litchfield). Such a place is derived
    (:func:`derived_place`, id "derived:near <id>"), at :data:`CONTEXT_CONFIDENCE`, and its
    reason says why the name itself is unresolved, then where it was placed. A text with
    no such place leaves its unknown names unresolved, unless ``cities`` asks to place them
    near its nearest town or city of any size instead, at :data:`CITY_CONTEXT_CONFIDENCE`.
    Placed mentions are copies: the toponyms given, which the event step reads with its
    own fallback for unknown names, are unchanged."""
    anchors = _context_anchors(toponyms, CONTEXT_MAX_POPULATION)
    confidence, scale = CONTEXT_CONFIDENCE, "local place"
    if not anchors and cities:
        anchors = _context_anchors(toponyms, math.inf)
        confidence, scale = CITY_CONTEXT_CONFIDENCE, "town or city"
    if not anchors:
        return list(toponyms)
    starts = [a.start for a in anchors]
    out: list[Toponym] = []
    for t in toponyms:
        if t.place is not None or getattr(t, "kind", "name") != "name":
            out.append(t)
            continue
        k = bisect.bisect_left(starts, t.start)  # anchors[:k] start before the name
        anchor = anchors[k - 1] if k else anchors[0]
        base = anchor.place
        assert base is not None
        where = "named before it" if k else "named first after it"
        out.append(replace(
            t, place=derived_place(f"{t.text} (near {base.name})", base.lat, base.lon, base,
                                   f"near {base.id}"),
            confidence=confidence,
            reason=f"{t.reason or 'unresolved'}; placed near {base.display_name}, the "
                   f"text's nearest {scale} {where}"))
    return out


def _context_anchors(toponyms: Sequence[Toponym], cap: float) -> list[Toponym]:
    """The toponyms, in text order, that :func:`place_by_context` may place unknown names
    near: names confidently resolved to a town, site or lower division of fewer than
    ``cap`` people."""
    return sorted((t for t in toponyms if t.place is not None
                   and getattr(t, "kind", "name") == "name"
                   and not t.place.source.startswith(DERIVED_SOURCE)
                   and t.confidence >= CONTEXT_MIN_ANCHOR_CONFIDENCE
                   and _small(t.place, cap)), key=lambda t: t.start)
