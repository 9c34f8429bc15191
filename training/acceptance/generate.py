"""Train the acceptance model of loose candidates on data generated from the gazetteer.

    python training/acceptance/generate.py [--samples 12000] [--seed 11]

Writes ``geoevents/data/models/acceptance.json`` (gradient-boosted trees, see
:mod:`geoevents.resolve.acceptance`) and prints held-out figures of the synthetic data.
Nothing here reads annotated evaluation data.

Each sample is a real gazetteer place (half drawn from all populated places and
divisions, half from countries whose names news transliterate — Arabic, Persian,
Pashto, Urdu, Kurdish, Turkish, Slavic, Sahel; and every country once), looked up in
one of two scenarios:

* **variant**: its name (the main one, or half the time another Latin-script name of
  the place) rewritten as transliterations differ ("Shaykh Miskīn" ->
  "Sheikh Meskin": articles, vowels and digraphs, doubled letters, q/k, -iya/-ia, a
  final h, apostrophes) or reduced to the head before generic words ("Incirlik Air
  Base" -> "Incirlik"), or with a typing error (a fifth of them). Loose candidates
  within 25 km of the place are positives, other places of the same name are left out
  (telling them apart is the ranker's job), other ones are negatives;
* **absent**: its name (as written, or a variant) with the place and every place of
  exactly that name removed from the results — a name the gazetteer lacks. Every loose
  candidate left is a negative (those within 25 km are left out: near misses).

The rest of the text (``context``) points to the place's country with probability 0.5
(else to a neighbouring country with probability 0.3), and to one to three other
countries with probability 0.4.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import numpy as np
from anyascii import anyascii

from geoevents.gazetteer.names import normalize
from geoevents.gazetteer.schema import EMBEDDED_RELEASE, NAME_ALTERNATE
from geoevents.gazetteer.store import COUNTRY_CODES, Gazetteer, Match
from geoevents.geodesy import distance_km
from geoevents.resolve.acceptance import FEATURES, MODEL_FILE, features, neighbours, rivals
from geoevents.resolve.candidates import Candidate
from geoevents.wordlists import ARABIC_ARTICLES, NAME_TAILS

NEAR_KM = 25.0
TRANSLITERATED = frozenset((
    "SY", "IQ", "AF", "PK", "YE", "LY", "SD", "SS", "SO", "NG", "ML", "NE", "TD",
    "BF", "MR", "DZ", "TN", "MA", "EG", "LB", "PS", "IL", "JO", "SA", "KW", "OM",
    "AE", "IR", "TR", "AZ", "AM", "GE", "RU", "UA", "BY", "KZ", "UZ", "TJ", "KG",
    "TM", "BD", "IN", "ET", "ER", "CD", "CF", "CM", "MZ", "KE", "UG", "TZ", "ZW",
))
# (pattern, replacements): rewrites one transliteration makes of another
RULES: list[tuple[str, tuple[str, ...]]] = [
    (r"ou", ("u", "o")), (r"u", ("ou", "o")), (r"o", ("u", "ou")), (r"e", ("a", "i")),
    (r"a", ("e",)), (r"i", ("e", "ee", "y")), (r"ei", ("ay", "ey", "ai")),
    (r"ay", ("ei", "ai", "ey")), (r"ee", ("i",)), (r"iya\b", ("ia", "iyah", "iyeh")),
    (r"ia\b", ("iya", "iyah")), (r"ah\b", ("a", "eh")), (r"a\b", ("ah",)),
    (r"q", ("k", "g")), (r"k", ("q", "c")), (r"kh", ("k", "h")), (r"sh", ("sch", "ch")),
    (r"j", ("dj", "dzh", "zh")), (r"gh", ("g",)), (r"th", ("t",)), (r"dh", ("d", "z")),
    (r"([bcdfglmnprstz])\1", (r"\1",)), (r"([bdlmnrst])(?=[aeiou])", (r"\1\1",)),
    (r"([aeiou])(?=[a-z])", ("\\1’", "\\1'")), (r"y", ("i",)), (r"w", ("u", "v")),
    (r"v", ("w",)), (r"c", ("k",)), (r"-", (" ",)),
]


def variant(name: str, rng: random.Random) -> str:
    """A transliteration variant of ``name``: one to three rewrites, sometimes an
    Arabic article added, dropped or changed."""
    text = anyascii(name).lower()
    if rng.random() < 0.2:
        return _typo(text, rng).title()
    for _ in range(rng.choice((1, 1, 2, 3))):
        usable = [(p, r) for p, r in RULES if re.search(p, text)]
        if not usable:
            break
        pattern, replacements = rng.choice(usable)
        hits = list(re.finditer(pattern, text))
        hit = rng.choice(hits)
        new = hit.expand(rng.choice(replacements))
        text = text[:hit.start()] + new + text[hit.end():]
    words = text.split()
    if words and words[0].split("-")[0] in ARABIC_ARTICLES and rng.random() < 0.5:
        rest = " ".join(words)[len(words[0].split("-")[0]) + 1:]
        text = rng.choice(("", "al-", "el-", "al ", "ad-")) + rest
    elif rng.random() < 0.15:
        text = rng.choice(("al-", "el-")) + text
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def _context(country: str | None, countries: list[str], near: dict[str, frozenset[str]],
             rng: random.Random) -> set[str]:
    """The countries the rest of a text points to: the place's own with probability 0.5,
    else a neighbour of it with probability 0.3; and with probability 0.4 one to three
    others (drawn as places are)."""
    context: set[str] = set()
    if country and rng.random() < 0.5:
        context.add(country)
    elif country and near.get(country) and rng.random() < 0.3:
        context.add(rng.choice(sorted(near[country])))
    if rng.random() < 0.4:
        context.update(rng.choice(countries) for _ in range(rng.randint(1, 3)))
    return context


def _typo(text: str, rng: random.Random) -> str:
    """``text`` with one typing error: two letters swapped, one dropped or doubled."""
    i = rng.randrange(1, max(2, len(text) - 1))
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap" and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if kind == "drop":
        return text[:i] + text[i + 1:]
    return text[:i] + text[i] + text[i:]


def sample_places(gaz: Gazetteer, n: int, rng: random.Random) -> list[tuple]:
    """(place id, name, lat, lon, country) of ``n`` places; half from all, half from
    :data:`TRANSLITERATED` countries, a tenth named with generic tail words; and every
    country (news misspell country names too: "Britian"). The name is
    the main one, or half the time another Latin-script name of the place
    (transliterations often come closest to an alternate name)."""
    base = ("SELECT id, name, lat, lon, country_code, rowid FROM places WHERE geonameid IS "
            "NOT NULL AND (feature_class = 'P' OR feature_code IN ('ADM1', 'ADM2'))")
    every = gaz._rows(base)
    translit = [r for r in every if r[4] in TRANSLITERATED]
    tails = [r for r in every if len(r[1].split()) > 1
             and normalize(r[1]).split()[-1] in NAME_TAILS]
    tails += gaz._rows("SELECT id, name, lat, lon, country_code, rowid FROM places WHERE "
                       "feature_code IN ('AIRP', 'AIRB', 'ADM1') AND name LIKE '% %'")
    countries = gaz._rows("SELECT id, name, lat, lon, country_code, rowid FROM places WHERE "
                          f"feature_code IN ({','.join('?' * len(COUNTRY_CODES))})",
                          COUNTRY_CODES)
    chosen = (rng.sample(every, int(n * 0.45)) + rng.sample(translit, int(n * 0.45))
              + rng.sample(tails, min(len(tails), n // 10)) + countries)
    wanted = {r[5] for r in chosen}
    others: dict[int, list[str]] = {}
    for norm, place in gaz._rows("SELECT norm, place FROM names WHERE kind = ?",
                                 (NAME_ALTERNATE,)):
        if place in wanted and norm.isascii() and norm.strip():
            others.setdefault(place, []).append(norm)
    out = []
    for pid, name, lat, lon, cc, rowid in chosen:
        if rowid in others and rng.random() < 0.5:
            name = " ".join(w.capitalize() for w in rng.choice(others[rowid]).split())
        out.append((pid, name, lat, lon, cc))
    return out


def loose(gaz: Gazetteer, query: str, removed: str | None) -> list[Match]:
    """The loose candidates the pipeline would consider for ``query`` (first tier that
    finds any), with every place named exactly ``removed`` taken out; None when the
    name matches exactly (exact matches are not judged by the model)."""
    drop = set()
    if removed:
        drop = {r[0] for r in gaz._rows(
            "SELECT p.id FROM names n JOIN places p ON p.rowid = n.place WHERE n.norm = ?",
            (removed,))}
    for tier in ("exact", "skeleton", "generic", "fuzzy"):
        found = [m for m in gaz.tier(tier, query, limit=30) if m.place.id not in drop]
        if found:
            return [] if tier == "exact" else found
    return []


def rows(gaz: Gazetteer, places: list[tuple], rng: random.Random):
    """(lookup number, query, candidate name, features, right, weight) of each loose
    candidate of each sample's lookup."""
    countries = [p[4] for p in places if p[4]]
    borders = neighbours(gaz)
    for n, (pid, name, lat, lon, cc) in enumerate(places):
        words = name.split()
        if len(words) > 1 and normalize(name).split()[-1] in NAME_TAILS and rng.random() < 0.7:
            head = " ".join(words[:-1])
            if normalize(head).split()[-1:] and normalize(head).split()[-1] in NAME_TAILS:
                head = " ".join(words[:-2]) or head
            query = head if rng.random() < 0.6 else variant(head, rng)
        else:
            query = variant(name, rng)
        absent = rng.random() < 0.5
        if absent and rng.random() < 0.5:
            query = name
        if normalize(query) == normalize(name) and not absent:
            continue
        found = loose(gaz, query, normalize(name) if absent else None)
        if absent:
            found = [m for m in found if m.place.id != pid]
        context = _context(cc, countries, borders, rng)
        around = set().union(*(borders.get(c, frozenset()) for c in context))
        cands = [Candidate(m.place, m.kind, m.similarity, m.primary, m.score, m.name)
                 for m in found]
        for m, cand in zip(found, cands, strict=True):
            near = distance_km(lat, lon, m.place.lat, m.place.lon) <= NEAR_KM
            if (absent and near) or (not absent and not near and _named(m, name)):
                continue  # near misses, and namesakes of the place (the ranker's choice)
            x = features(query, cand, context, rivals(query, cand, cands), around)
            yield n, query, m.place.name, x, int(near and not absent), 1.0 / len(found)


def _threshold(lookup: np.ndarray, p: np.ndarray, y: np.ndarray, precision: float) -> float:
    """The lowest acceptance threshold at which the best candidate of each lookup, when
    accepted, is right at least ``precision`` of the time; prints the curve."""
    best: dict[int, tuple[float, int]] = {}
    for n, pi, yi in zip(lookup, p, y, strict=True):
        if n not in best or pi > best[n][0]:
            best[n] = (float(pi), int(yi))
    scores = np.array([b[0] for b in best.values()])
    right = np.array([b[1] for b in best.values()])
    chosen = 0.95
    print("  threshold  accepted  precision  (of lookups, best candidate)")
    for t in np.arange(0.95, 0.0, -0.05):
        kept = scores >= t
        prec = right[kept].mean() if kept.any() else 1.0
        print(f"  {t:9.2f}  {kept.mean():8.3f}  {prec:9.3f}")
        if prec >= precision:
            chosen = round(float(t), 2)
    return chosen


def _named(match: Match, name: str) -> bool:
    """Whether the matched place is called ``name`` too (another "Las Rosas")."""
    return normalize(match.place.name) == normalize(name) or match.name == normalize(name)


def _tree(tree) -> dict:
    """A fitted regression tree as lists (feature, threshold, left, right, value);
    leaves have feature -1."""
    return {"feature": [int(f) for f in tree.feature],
            "threshold": [round(float(t), 6) for t in tree.threshold],
            "left": [int(c) for c in tree.children_left],
            "right": [int(c) for c in tree.children_right],
            "value": [round(float(v), 6) for v in tree.value[:, 0, 0]]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=12000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--trees", type=int, default=120)
    parser.add_argument("--precision", type=float, default=0.8,
                        help="precision of accepted best candidates the threshold keeps")
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parents[2] / "geoevents" / "data"
                        / MODEL_FILE)
    args = parser.parse_args(argv)
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.metrics import roc_auc_score

    rng = random.Random(args.seed)
    gaz = Gazetteer.open()
    data = list(rows(gaz, sample_places(gaz, args.samples, rng), rng))
    lookup = np.array([d[0] for d in data])
    x = np.array([d[3] for d in data])
    y = np.array([d[4] for d in data])
    w = np.array([d[5] for d in data])  # each lookup counts once, however many candidates
    held = lookup % 5 == 0
    model = GradientBoostingClassifier(n_estimators=args.trees, max_depth=3,
                                       learning_rate=0.1, subsample=0.8, min_samples_leaf=40,
                                       random_state=args.seed)
    model.fit(x[~held], y[~held], sample_weight=w[~held])
    p = model.predict_proba(x[held])[:, 1]
    print(f"{len(y)} loose candidates of {len(set(lookup))} lookups ({y.mean():.1%} right); "
          f"held-out fifth: AUC {roc_auc_score(y[held], p):.3f}")
    threshold = _threshold(lookup[held], p, y[held], args.precision)
    model.fit(x, y, sample_weight=w)
    trees = [_tree(est[0].tree_) for est in model.estimators_]
    raw = model.decision_function(x[:1])[0]
    base = raw - model.learning_rate * sum(est[0].predict(x[:1])[0] for est in model.estimators_)
    importance = sorted(zip(FEATURES, model.feature_importances_, strict=True),
                        key=lambda t: -t[1])
    print("  feature importance: " + ", ".join(f"{f} {v:.2f}" for f, v in importance if v))
    args.out.write_text(json.dumps({
        "name": "acceptance of loose candidates (gradient-boosted trees)",
        "trained_on": f"generated from the embedded gazetteer (release {EMBEDDED_RELEASE}) "
                      f"by training/acceptance/generate.py",
        "samples": args.samples, "seed": args.seed, "rows": len(y),
        "threshold": threshold, "threshold_rule": f"lowest with precision >= "
        f"{args.precision} of the best candidate on held-out generated lookups",
        "features": list(FEATURES), "base": round(float(base), 6),
        "learning_rate": model.learning_rate, "trees": trees}) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
