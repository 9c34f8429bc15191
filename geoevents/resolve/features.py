"""Ranking features of (name, candidate place) pairs in a document, and the linear ranker.

A document's distinct names ("groups": all mentions with the same name share one sense,
one sense per discourse) each have candidate places. Every candidate gets a feature
vector; a linear model scores them and a softmax over a group's candidates gives
probabilities. Context features depend on the other groups' current probabilities, so
ranking runs a few rounds: priors only first, then with context.

Features (see :data:`FEATURES`):

* ``prior``: the gazetteer's score of the match (importance from feature type,
  population and notability, minus penalties for loose or abbreviated names);
  ``top_prior``: the candidate has the best prior of its group;
* ``country_votes`` / ``admin1_votes``: how strongly the other names of the document point
  to the candidate's country / first-level division (log of summed probabilities) — this
  also covers demonyms ("Israeli") and names of countries and states themselves;
* ``contains``: the candidate is a country or division holding other names' places;
* ``qualified``: "Paris, Texas" — the name right after the comma holds the candidate;
* ``proximity``: closeness to the other names' current best places (log-distance scale);
* ``colocated``: how many other names have *some* candidate within 100 km of the
  candidate or in its first-level division, whatever their probabilities ("Richmond" and
  "Madison County" are both in Kentucky) — evidence that needs no prior decision;
* ``same_place``: a longer name of the document that contains this one already resolves
  to this place ("Gaza" after "the Gaza Strip");
* ``alternate``: the name is one of the place's alternate names, not its main name (old
  and foreign names often belong to a famous place: "Berea" is an old name of Aleppo);
* ``borrowed``: the name is only an alternate name of the candidate but the main name of
  a more prominent candidate ("Pittsburgh" is a variant spelling of Pittsburg, California,
  and the name of Pittsburgh, Pennsylvania; "Medina" stays Saudi Arabia's Madinah,
  more prominent than Medina, Ohio); a county named by its short form beside a town in
  it that bears the county's name only as an old one owns the name ("Kanawha" is
  Kanawha County, not Charleston, once "Kanawha Court House"): neither ``alternate``
  nor ``borrowed`` for the county, both for the town;
* ``namesake``: a smaller place named like a country or first-level division that is also
  a candidate under its own main name ("Mexico" the Missouri town or Mexico City against
  Mexico the country, "Kansas" the town against the state): in news the bare name of a
  country or state means that country or state unless the text qualifies it, whatever
  the country the rest of the text is about (which otherwise pulls towards the town);
  towns share a state's name often, so for states only those under
  :data:`NAMESAKE_POPULATION` count, and not the places inside the state (a division
  named after its main city, like the Jenin governorate, does not outrank the city);
  also a town abroad named like a capital or first-level division of a country that
  another name of the text names ("Rome" beside "Italy" is not Rome, New York): such a
  reading gets no votes from the text's focus either;
* ``peers``: for a country, how many other names currently read best as other
  countries; for a first-level division, as other divisions of the same country (log of
  their summed probabilities) — names of one level come together ("Egypt, Bulgaria,
  Nicaragua and Lebanon"; "California, Louisiana and Nevada"), whatever places share
  those names;
* feature-type indicators: country, continent or region, admin-1, admin-2, city,
  other (hydrography, terrain, …).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import numpy as np

from geoevents.errors import InputError
from geoevents.gazetteer.store import COUNTRY_CODES
from geoevents.geodesy import distance_km
from geoevents.model import Place
from geoevents.resolve.candidates import Candidate, normalized
from geoevents.wordlists import DIVISION_NOUNS

FEATURES = (
    "prior", "top_prior", "country_votes", "admin1_votes", "contains", "qualified",
    "proximity", "colocated", "same_place", "alternate", "borrowed", "namesake", "peers",
    "is_country", "is_region", "is_admin1", "is_admin2", "is_city", "is_other",
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}
# the context columns update_context writes for every candidate in every round
_COUNTRY_VOTES = _INDEX["country_votes"]
_ADMIN1_VOTES = _INDEX["admin1_votes"]
_CONTAINS = _INDEX["contains"]
_PEERS = _INDEX["peers"]
_SAME_PLACE = _INDEX["same_place"]
_QUALIFIED = _INDEX["qualified"]
_PROXIMITY = _INDEX["proximity"]
_EARTH_KM = 20037.5  # half the equatorial circumference: the largest possible distance
# a town that qualifies a name ("a town near Kirkuk") holds the candidates this close to it
_NEAR_KM = 100.0
NAMESAKE_POPULATION = 100_000
# a capital or first-level division, whose namesake towns abroad the text does not mean
# when it names the division's country
_HEAD_CODES = frozenset({"PPLC", "ADM1"})
_TOWN_KINDS = frozenset({"is_admin2", "is_city", "is_other"})
_NAMING_MATCHES = frozenset({"exact", "abbreviation", "demonym"})
_REGION_CODES = frozenset({"CONT", "RGN", "ZN", "OCN", "SEA", "GULF", "BAY", "STRT", "BDR"})
DEFAULT_RANKER = "hand-set"  # a file name in geoevents/data/rankers, without ".json"
HAND_SET = "hand-set"


@dataclass
class Group:
    """One distinct name of a document with its candidates and qualifier links."""

    key: str
    candidates: list[Candidate]
    weight: float = 1.0
    qualifier_of: list[int] | None = None  # indexes of groups this one qualifies
    # those of them that a description puts it in or near ("Hawija, a town near Kirkuk")
    placed_by: list[int] | None = None
    # P(right) of each candidate by how its name matched (1 for exact matches; see
    # geoevents.resolve.acceptance), and the best loose candidate found unlikely (with its
    # acceptance and, when the text rather than the spelling rules it out, why)
    acceptance: np.ndarray | None = None
    rejected: tuple[Candidate, float, str] | None = None


@dataclass(frozen=True)
class Ranker:
    """A linear scoring model over :data:`FEATURES`."""

    weights: np.ndarray
    rounds: int = 2
    name: str = "hand-set"
    trained_on: str | None = None  # file name of the training corpus
    corpus_sha256: str | None = None

    @classmethod
    def load(cls, name: str | Path | None = None) -> Ranker:
        """A shipped ranker by name (see :func:`shipped`; default :data:`DEFAULT_RANKER`)
        or a ranker file by path."""
        name = name or DEFAULT_RANKER
        if str(name) in shipped():
            text = files("geoevents.data").joinpath(f"rankers/{name}.json").read_text(
                encoding="utf-8")
        else:
            try:
                text = Path(name).read_text(encoding="utf-8")
            except OSError as exc:
                raise InputError(f"no ranker {str(name)!r}: not one of {', '.join(shipped())} "
                                 f"and not a readable file ({exc.strerror})") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"ranker {str(name)!r} is not valid JSON: {exc}") from None
        weights = np.array([float(data["weights"].get(f, 0.0)) for f in FEATURES])
        return cls(weights, int(data.get("rounds", 2)), data.get("name", "ranker"),
                   data.get("trained_on"), data.get("corpus_sha256"))

    def to_json(self) -> str:
        return json.dumps({
            "name": self.name,
            "trained_on": self.trained_on,
            "corpus_sha256": self.corpus_sha256,
            "rounds": self.rounds,
            "weights": {f: round(float(w), 4)
                        for f, w in zip(FEATURES, self.weights, strict=True)},
        }, indent=2) + "\n"

    def rank(self, groups: list[Group]) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Probabilities of each group's candidates, and their feature matrices."""
        matrices = feature_matrices(groups, self.rounds, self.weights)
        return [_probabilities(m, self.weights) for m in matrices], matrices


def shipped() -> list[str]:
    """Names of the rankers shipped with geoevents."""
    folder = files("geoevents.data").joinpath("rankers")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def feature_matrices(groups: list[Group], rounds: int, weights: np.ndarray) -> list[np.ndarray]:
    """Feature matrices (candidates x features) of each group after ``rounds`` rounds of
    context, computed with ``weights`` for the intermediate probabilities."""
    if len(groups) < 2:
        # a lone name has no context: every context column stays 0 whatever the rounds
        return [_static(group.candidates) for group in groups]
    doc = _DocFeatures(groups)
    for _ in range(rounds):
        # the probabilities before this round (after the last, Ranker.rank computes them)
        probs = [_probabilities(m, weights) for m in doc.matrices]
        doc.update_context(probs)
    return doc.matrices


class _DocFeatures:
    """The candidates of all groups of one document, as flat arrays: one feature matrix
    of every candidate (``flat``), of which each group's matrix is a view (its rows), so
    that a context column is written once for all groups."""

    def __init__(self, groups: list[Group]) -> None:
        self.groups = groups
        cands = [c for g in groups for c in g.candidates]
        self.owner = np.array([gi for gi, g in enumerate(groups) for _ in g.candidates], int)
        self.weight = np.array([g.weight for g in groups for _ in g.candidates], float)
        self.lat = np.radians([c.place.lat for c in cands])
        self.lon = np.radians([c.place.lon for c in cands])
        self.country = [c.place.country_code or "" for c in cands]
        self.admin_key = [_admin_key(c) for c in cands]
        self.ids = [c.place.id for c in cands]
        self.part = [c.match == "part" for c in cands]
        self.is_country = [c.place.feature_code in COUNTRY_CODES for c in cands]
        self.is_admin1 = [c.place.feature_code == "ADM1" for c in cands]
        self.is_town = [c.place.feature_class == "P" for c in cands]
        self._closeness_to: dict[tuple[int, ...], np.ndarray] = {}
        self._km: np.ndarray | None = None
        offset = 0
        self.slices: list[slice] = []
        rows: list[list[float]] = []
        for group in groups:
            n = len(group.candidates)
            self.slices.append(slice(offset, offset + n))
            rows += _static_rows(group.candidates)
            offset += n
        self.flat = np.array(rows, dtype=float).reshape(len(rows), len(FEATURES))
        self.matrices = [self.flat[sl] for sl in self.slices]
        self.abroad = np.zeros(len(self.owner), bool)
        self._abroad_namesakes()
        self.namesake = self.flat[:, _INDEX["namesake"]] > 0
        self._colocated()

    def _abroad_namesakes(self) -> None:
        """Mark as namesakes (``abroad``) the towns abroad named like a capital or
        first-level division whose country another name of the text names: "Cairo"
        beside "Egypt" is not Cairo, Illinois, nor "Ontario" beside "Canada" Ontario,
        California, however many places of the other country the text lists — so these
        readings get no country, division or ``colocated`` votes either; only a
        qualifier ("Cairo, Illinois") picks them."""
        named: dict[str, set[int]] = {}  # country code -> groups that name the country
        for g, group in enumerate(self.groups):
            if not group.candidates:
                continue
            top = max(group.candidates, key=lambda c: c.prior)
            if top.place.feature_code in COUNTRY_CODES and top.place.country_code and \
                    top.match in _NAMING_MATCHES:
                named.setdefault(top.place.country_code, set()).add(g)
        if not named:
            return
        column = _INDEX["namesake"]
        for g, (group, sl) in enumerate(zip(self.groups, self.slices, strict=True)):
            heads = {c.place.country_code for c in group.candidates
                     if c.match == "exact" and c.primary
                     and c.place.feature_code in _HEAD_CODES
                     and named.get(c.place.country_code or "", set()) - {g}}
            if not heads:
                continue
            for row, c in enumerate(group.candidates):
                if c.place.country_code not in heads and _type_feature(c) in _TOWN_KINDS:
                    self.flat[sl.start + row, column] = 1.0
                    self.abroad[sl.start + row] = True

    def _colocated(self) -> None:
        """Fill ``colocated``: other groups with a candidate near or in the same
        first-level division (see the module docstring)."""
        if len(self.groups) < 2 or not len(self.lat):
            return
        km = self._distances()
        keys = {k: i for i, k in enumerate(sorted({k for k in self.admin_key if k}))}
        ak = np.array([keys[k] if k else -1 for k in self.admin_key])
        adm = np.array(self.is_admin1)
        related = (km < _NEAR_KM) | ((ak[:, None] == ak[None, :]) & (ak[:, None] >= 0)
                                     & (adm[:, None] | adm[None, :]))
        # which groups each candidate is related to, a namesake reading being no evidence
        # for others: an "or" over each group's columns (a group's candidates are
        # consecutive); a boolean matrix product did the same in O(candidates² × groups)
        related[:, self.namesake] = False
        filled = [g for g, sl in enumerate(self.slices) if sl.stop > sl.start]
        hits = np.logical_or.reduceat(related, [self.slices[g].start for g in filled], axis=1)
        column = np.zeros(len(self.groups), int)
        column[filled] = np.arange(len(filled))
        hits[np.arange(len(self.owner)), column[self.owner]] = False
        self.flat[:, _INDEX["colocated"]] = np.log1p(hits.sum(axis=1)) * ~self.abroad

    def update_context(self, probs: list[np.ndarray]) -> None:
        """Recompute the context columns from the groups' current probabilities."""
        groups = self.groups
        prob = np.concatenate(probs) if probs else np.zeros(0)
        # namesake readings ("Lebanon", Ohio, next to "Russia", Ohio) do not vote for
        # their country or state, or they would confirm each other
        weight = self.weight * prob * ~self.namesake
        # (Python floats: the same sums as numpy scalars, without their overhead)
        weights, owner = weight.tolist(), self.owner.tolist()
        country_total: dict[str, float] = {}
        admin_total: dict[tuple[str, str], float] = {}
        namesake = self.namesake.tolist()
        best = [int(p.argmax()) if len(p) else -1 for p in probs]
        best_owner = [g for g, b in enumerate(best) if b >= 0]
        best_k = [self.slices[g].start + best[g] for g in best_owner]
        # names whose best reading is a country or a division: (group, reading, weight)
        levels = [(owner[k], k, weights[k]) for k in best_k
                  if self.is_country[k] or (self.is_admin1[k] and self.admin_key[k])]
        per_group_country: list[dict[str, float]] = [{} for _ in groups]
        per_group_admin: list[dict[tuple[str, str], float]] = [{} for _ in groups]
        for k, (w, g) in enumerate(zip(weights, owner, strict=True)):
            cc, ak = self.country[k], self.admin_key[k]
            if cc:
                country_total[cc] = country_total.get(cc, 0.0) + w
                per_group_country[g][cc] = per_group_country[g].get(cc, 0.0) + w
            if ak:
                admin_total[ak] = admin_total.get(ak, 0.0) + w
                per_group_admin[g][ak] = per_group_admin[g].get(ak, 0.0) + w
        # (the probabilities as Python floats: the same products as numpy scalars')
        prob_of = prob.tolist()
        best_conf = np.array([prob_of[k] * groups[g].weight * (not namesake[k])
                              for g, k in zip(best_owner, best_k, strict=True)])
        chosen: dict[str, set[int]] = {}  # (not a guess: "Greer Station" read as Greer)
        for g, k in zip(best_owner, best_k, strict=True):
            if not self.part[k]:
                chosen.setdefault(self.ids[k], set()).add(g)
        proximity = self._proximity(best_k, best_conf, best_owner)
        if proximity is not None and len(best_owner) > 1:
            # (each name with candidates has another name with a best reading)
            self.flat[:, _PROXIMITY] = proximity
        country, admin_key, ids = self.country, self.admin_key, self.ids
        is_country, is_admin1 = self.is_country, self.is_admin1
        log1p = math.log1p
        # the context columns of all rows, each written at once (setting numpy cells one
        # at a time costs more than the arithmetic)
        country_votes, admin1_votes, same_place, qualified = [], [], [], []
        contains, peers = self.flat[:, _CONTAINS].tolist(), self.flat[:, _PEERS].tolist()
        for k, g in enumerate(owner):
            group = groups[g]
            cc, ak = country[k], admin_key[k]
            cv = log1p(country_total.get(cc, 0.0) - per_group_country[g].get(cc, 0.0)) \
                if cc else 0.0
            av = log1p(admin_total.get(ak, 0.0) - per_group_admin[g].get(ak, 0.0)) \
                if ak else 0.0
            country_votes.append(cv)
            admin1_votes.append(av)
            if is_country[k]:
                contains[k] = cv
                peers[k] = log1p(sum(
                    w for h, j, w in levels if h != g and is_country[j]
                    and country[j] != cc)) if levels else 0.0
            elif is_admin1[k]:
                contains[k] = av
                peers[k] = log1p(sum(
                    w for h, j, w in levels if h != g and is_admin1[j]
                    and country[j] == cc and admin_key[j] != ak)) if levels else 0.0
            # a short form that is itself a country's or state's name ("Mexico" next
            # to "Mexico City") names that country or state, not the longer place
            others = chosen.get(ids[k])
            same_place.append(1.0 if others and not namesake[k] and any(
                _short_form(group.key, groups[h].key) for h in others if h != g) else 0.0)
            qualified.append(self._qualified(g, k, probs) if group.qualifier_of else 0.0)
        self.flat[:, _COUNTRY_VOTES] = country_votes
        self.flat[:, _ADMIN1_VOTES] = admin1_votes
        self.flat[self.abroad, _COUNTRY_VOTES] = 0.0  # namesakes abroad take no votes
        self.flat[self.abroad, _ADMIN1_VOTES] = 0.0
        self.flat[:, _CONTAINS] = contains
        self.flat[:, _PEERS] = peers
        self.flat[:, _SAME_PLACE] = same_place
        self.flat[:, _QUALIFIED] = qualified

    def _proximity(self, best_k: list[int], best_conf: np.ndarray,
                   best_owner: list[int]) -> np.ndarray | None:
        """Each candidate's greatest closeness to the best reading of another name, times
        that reading's confidence (one masked maximum for all groups at once)."""
        closeness = self._closeness(best_k)
        if closeness is None:
            return None
        weighted = closeness * best_conf
        column = {g: j for j, g in enumerate(best_owner)}
        owner = self.owner.tolist()
        rows = [k for k, g in enumerate(owner) if g in column]
        weighted[rows, [column[owner[k]] for k in rows]] = -np.inf  # its own name's
        return weighted.max(axis=1)

    def _closeness(self, best_k: list[int]) -> np.ndarray | None:
        """1 - log(1+km)/log(1+20037) between every candidate and each group's best
        (kept for the next round, whose best readings are mostly the same)."""
        if not best_k:
            return None
        key = tuple(best_k)
        if key not in self._closeness_to:
            km = self._distances()[:, best_k]
            self._closeness_to[key] = 1.0 - np.log1p(km) / math.log1p(_EARTH_KM)
        return self._closeness_to[key]

    def _distances(self) -> np.ndarray:
        """Great-circle km between every two candidates (computed once per document)."""
        if self._km is None:
            self._km = _km(self.lat, self.lon, self.lat, self.lon)
        return self._km

    def _qualified(self, g: int, k: int, probs: list[np.ndarray]) -> float:
        """Probability mass of qualifier candidates ("Texas" in "Paris, Texas") that
        hold candidate ``k``: its country or first-level division; for a place a
        description puts the name in or near ("Kirkuk" in "Hawija, a town near Kirkuk"),
        also a town in that division or within :data:`_NEAR_KM` of it."""
        targets = self.groups[g].qualifier_of
        if not targets:
            return 0.0
        total = 0.0
        cc, ak = self.country[k], self.admin_key[k]
        placed = self.groups[g].placed_by or []
        for q in targets:
            sl = self.slices[q]
            for row, j in enumerate(range(sl.start, sl.stop)):
                holds = (self.is_country[j] and self.country[j] == cc) or \
                    (self.is_admin1[j] and self.admin_key[j] == ak) or \
                    (q in placed and self.is_town[j] and (
                        (ak is not None and self.admin_key[j] == ak) or
                        self._distances()[j, k] <= _NEAR_KM))
                if holds:
                    total += float(probs[q][row])
        return min(total, 1.0)


def _short_form(short: str, long: str) -> bool:
    """Whether name ``short`` is a leading or trailing part of name ``long`` ("gaza" of
    "gaza strip", "york" of "new york") — but not a name beside the same name with a
    division noun: "Kingman" next to "Kingman County" is the town, the county's seat."""
    if long.startswith(short + " "):
        return DIVISION_NOUNS.get(long[len(short) + 1:]) != "A"
    return long.endswith(" " + short)


def _km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) between two sets of points given in radians."""
    la1, lo1 = lat1[:, None], lon1[:, None]
    la2, lo2 = lat2[None, :], lon2[None, :]
    a = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(a.clip(0.0, 1.0)))


def _static(candidates: list[Candidate]) -> np.ndarray:
    if not candidates:
        return np.zeros((0, len(FEATURES)))
    return np.array(_static_rows(candidates), dtype=float)


def _static_rows(candidates: list[Candidate]) -> list[list[float]]:
    """The features of each candidate that need no context, as lists."""
    if not candidates:
        return []
    best = max(c.prior for c in candidates)
    named = [c.place for c in candidates
             if c.primary and c.match in ("exact", "abbreviation")]
    # the most prominent candidate whose main name this is
    owner = max((c.prior for c in candidates if c.primary and c.match == "exact"), default=None)
    country = any(p.feature_code in COUNTRY_CODES for p in named)
    states = {(p.country_code, normalized(p.name)) for p in named if p.feature_code == "ADM1"}
    # a county named by its short form ("Kanawha") and a town in it that carries the
    # county's name only as an old or alternate one (Charleston, once "Kanawha Court
    # House"; Beckley, once "Raleigh"): the name is the county's, not the seat's
    short = [c.place for c in candidates if _division_short_form(c)]
    seats = {i for i, c in enumerate(candidates) if short and not c.primary
             and c.place.feature_class == "P" and any(_seat_of(c.place, d) for d in short)}
    owned = {c.place.id for c in candidates if _division_short_form(c) and any(
        _seat_of(candidates[i].place, c.place) for i in seats)}
    rows = []  # (built as lists: setting numpy cells one at a time costs more)
    for i, c in enumerate(candidates):
        row = [0.0] * len(FEATURES)
        row[_INDEX["prior"]] = c.prior
        row[_INDEX["top_prior"]] = 1.0 if c.prior == best else 0.0
        if c.place.id in owned:
            pass  # its own name, without the noun: neither alternate nor borrowed
        elif i in seats:
            row[_INDEX["alternate"]] = row[_INDEX["borrowed"]] = 1.0
        else:
            row[_INDEX["alternate"]] = 0.0 if c.primary else 1.0
            row[_INDEX["borrowed"]] = 1.0 if (
                owner is not None and not c.primary and c.prior < owner) else 0.0
        kind = _type_feature(c)
        row[_INDEX[kind]] = 1.0
        if kind in _TOWN_KINDS and (
                country or (states and c.place.population < NAMESAKE_POPULATION
                            and _admin_key(c) not in states)):
            row[_INDEX["namesake"]] = 1.0
        rows.append(row)
    return rows


# nouns that end the main name of a second-level division named after its short form
# ("Kanawha County", "Avoyelles Parish", "Mahnomen County")
_DIVISION_SUFFIXES = frozenset({"county", "parish", "borough"})
# a town this close to a division's point may be its seat
_SEAT_KM = 60.0


def _division_short_form(c: Candidate) -> bool:
    """Whether a candidate is a second-level division matched exactly by its main name
    without the division noun ("Kanawha" for Kanawha County)."""
    if c.match != "exact" or c.primary or c.place.feature_code != "ADM2" or not c.name:
        return False
    name = normalized(c.place.name)
    return name.startswith(c.name + " ") and name[len(c.name) + 1:] in _DIVISION_SUFFIXES


def _seat_of(town: Place, division: Place) -> bool:
    """Whether a town lies in (or by) a second-level division: same country and
    first-level division, within :data:`_SEAT_KM` of its point."""
    return town.country_code == division.country_code and \
        town.admin1 == division.admin1 and \
        distance_km(town.lat, town.lon, division.lat, division.lon) <= _SEAT_KM


def _type_feature(c: Candidate) -> str:
    code = c.place.feature_code
    if code in COUNTRY_CODES:
        return "is_country"
    if code in _REGION_CODES:
        return "is_region"
    if code == "ADM1":
        return "is_admin1"
    if code == "ADM2":
        return "is_admin2"
    if c.place.feature_class == "P":
        return "is_city"
    return "is_other"


def _admin_key(c: Candidate) -> tuple[str, str] | None:
    """(country, first-level division) a candidate belongs to, or is."""
    place = c.place
    if not place.country_code:
        return None
    if place.feature_code == "ADM1":
        return place.country_code, normalized(place.name)
    if place.admin1:
        return place.country_code, normalized(place.admin1)
    return None


def _probabilities(m: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The softmax of the candidates' scores; a lone candidate's is 1 (exp(0) / exp(0))
    without the arithmetic."""
    if len(m) == 1:
        return np.array((1.0,))
    return _softmax(m @ weights)


def _softmax(scores: np.ndarray) -> np.ndarray:
    if not len(scores):
        return scores
    # (the reductions of ndarray.max and .sum, without their Python wrappers)
    e = np.exp(scores - np.maximum.reduce(scores))
    return e / np.add.reduce(e)
