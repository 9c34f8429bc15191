"""A synthetic news corpus from templates, for tests, benchmarks and smoke-testing a cluster.

Every document is a few sentences of conflict and diplomacy news about places the
embedded gazetteer knows, with a publication date, so each one yields toponyms and events.
The output is deterministic for a given ``seed``::

    python -m geoevents.batch.synthetic 10000 corpus.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

PLACES = ("Jenin", "Rafah", "Gaza City", "Khan Younis", "Hebron", "Nablus", "Kharkiv",
          "Donetsk", "Kherson", "Aleppo", "Idlib", "Sanaa", "Aden", "Mogadishu", "Khartoum",
          "Bamako", "Kabul", "Mosul", "Beirut", "Tripoli")
CAPITALS = ("Cairo", "Doha", "Amman", "Ankara", "Geneva", "Paris", "Riyadh", "Nairobi")
ACTORS = ("Israeli forces", "Russian troops", "government forces", "rebel fighters",
          "militants", "the army", "security forces", "an armed group")
OFFICIALS = ("Foreign ministers", "Mediators", "Delegations", "Senior officials")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TEMPLATES = (
    "{actor} struck targets in {place} on {weekday}, killing {n} people, officials said.",
    "Shelling hit {place} overnight, wounding {n} civilians, according to local medics.",
    "Clashes broke out between {actor} and residents near {place} on {weekday}.",
    "Hundreds of protesters gathered in {place} on {weekday} to demand an end to the war.",
    "{actor} withdrew from {place} after a week of fighting, witnesses said.",
    "A drone strike on a car in {place} killed {n} fighters on {weekday}.",
    "{officials} met in {capital} on {weekday} to discuss a ceasefire in {place}.",
    "Aid agencies said {n} trucks reached {place} through the crossing on {weekday}.",
)
FILLER = (
    "The situation remains tense.",
    "Residents described a night of loud explosions.",
    "The claims could not be independently verified.",
    "Talks are expected to continue next week.",
)


def documents(n: int, *, seed: int = 7, start: date = date(2024, 1, 1)) -> Iterator[dict[str, str]]:
    """``n`` records (``id``, ``text``, ``published``, ``title``), deterministic for ``seed``."""
    rng = random.Random(seed)
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            template = rng.choice(TEMPLATES)
            sentence = template.format(
                actor=rng.choice(ACTORS), place=rng.choice(PLACES), n=rng.randint(2, 40),
                weekday=rng.choice(WEEKDAYS), officials=rng.choice(OFFICIALS),
                capital=rng.choice(CAPITALS))
            sentences.append(sentence[0].upper() + sentence[1:])
            if rng.random() < 0.5:
                sentences.append(rng.choice(FILLER))
        published = start + timedelta(days=rng.randint(0, 365))
        yield {"id": f"syn-{i:06d}", "text": " ".join(sentences),
               "published": published.isoformat(), "title": sentences[0][:60]}


def write_jsonl(path: Path, n: int, *, seed: int = 7) -> Path:
    """Write ``n`` synthetic records to ``path`` as JSON Lines, streaming."""
    with path.open("w", encoding="utf-8") as fh:
        for record in documents(n, seed=seed):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m geoevents.batch.synthetic N OUT.jsonl")
    write_jsonl(Path(sys.argv[2]), int(sys.argv[1]))
