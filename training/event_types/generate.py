"""Generate the templated part of the event-type training data (deterministic).

Fills the templates of ``templates.py`` with the slot fillers of ``slots.py`` and builds
short snippets: a single sentence, a sentence with a neutral lead or follow-up, or two
sentences of the same kind. Writes ``generated.tsv`` (``label``, ``text``) next to this
file. Usage: ``python training/event_types/generate.py [--per-label N] [--seed S]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import string
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import slots  # noqa: E402
import templates as tpl  # noqa: E402

# examples per label; the no-event class is larger because it is the most varied
PER_LABEL = 160
NO_EVENT_FACTOR = 4


def _fillers(rng: random.Random) -> dict[str, str]:
    town, region, country = rng.choice(slots.CONFLICT_PLACES)
    official, official2 = rng.sample(slots.OFFICIALS, 2)
    k1, k2 = rng.sample(slots.COUNTRIES, 2)
    team, team2 = rng.sample(tpl.TEAMS, 2)
    return {
        "S": rng.choice(slots.STATE), "N": rng.choice(slots.NONSTATE),
        "A": rng.choice(slots.ARMED), "T": town, "R": region, "C": country,
        "D": rng.choice(slots.DATES), "NUM": rng.choice(slots.NUMBERS),
        "V": rng.choice(slots.VICTIMS), "SRC": rng.choice(slots.SOURCES),
        "P": rng.choice(slots.PROTESTERS), "G": rng.choice(slots.GRIEVANCES),
        "CITY": rng.choice(slots.PROTEST_CITIES), "O": official, "O2": official2,
        "B": rng.choice(slots.BODIES), "K": k1, "K2": k2, "SP": rng.choice(tpl.SPORTS_PLAYERS),
        "TEAM": team, "TEAM2": team2, "VOLC": rng.choice(tpl.VOLCANOES),
        "THING": rng.choice(tpl.THINGS), "GOODS": rng.choice(tpl.GOODS),
        "AGENCY": rng.choice(tpl.AGENCIES),
    }


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;])", r"\1", text)
    text = text.replace(",.", ".").replace("..", ".")
    if text and text[-1] not in ".!?\"":
        text += "."
    return text[0].upper() + text[1:] if text else text


def _lower_first(text: str) -> str:
    """The sentence with a lower-case first letter unless it starts with a name."""
    first = text.split(" ", 1)[0]
    if first in _NAMES or (len(first) > 1 and first[1].isupper()):
        return text
    return text[0].lower() + text[1:]


# first words of the slot fillers that are names ("Boko Haram", "Ukrainian forces")
_NAMES = frozenset(
    value.split(" ", 1)[0]
    for values in (slots.STATE, slots.NONSTATE, slots.PROTEST_CITIES, slots.COUNTRIES,
                   slots.OFFICIALS, tpl.TEAMS, tpl.SPORTS_PLAYERS)
    for value in values if value[0].isupper() and value.split(" ", 1)[0] != "The"
) | {name for place in slots.CONFLICT_PLACES for name in place[0].split()[:1]} | {
    "Ukraine's", "Russia's", "Israel's", "Iraqi", "Israeli", "Russian", "Ukrainian",
    "Syrian", "Islamic", "Mount", "Cyclone", "French", "US", "Iron", "Kyiv's"}


def fill(template: str, rng: random.Random, *, sourced: bool = True) -> str:
    """One sentence from a template (without a source at its end unless ``sourced``)."""
    values = _fillers(rng)
    if not sourced:
        values["SRC"] = "."
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return _tidy(template.format(**{n: values[n] for n in names}))


def snippet(label: str, rng: random.Random) -> str:
    """A sentence or short snippet whose main event is ``label``."""
    lead = rng.random() < 0.15  # "Witnesses said gunmen ...": the source first
    main = fill(rng.choice(tpl.TEMPLATES[label]), rng, sourced=not lead)
    if lead:
        main = _tidy(f"{rng.choice(slots.LEADS)} {_lower_first(main.rstrip('.'))}")
    shape = rng.random()
    if shape < 0.5:
        return main
    if shape < 0.75:
        return f"{main} {rng.choice(slots.FOLLOW_UPS_NEUTRAL)}"
    if shape < 0.88:
        return f"{rng.choice(slots.FOLLOW_UPS_NEUTRAL)} {main}"
    return f"{main} {fill(rng.choice(tpl.TEMPLATES[label]), rng)}"


def generate(per_label: int = PER_LABEL, seed: int = 12) -> list[tuple[str, str]]:
    """(label, text) pairs, without duplicates, in a fixed order."""
    rng = random.Random(seed)
    rows: list[tuple[str, str]] = []
    for label in tpl.TEMPLATES:
        wanted = per_label * (NO_EVENT_FACTOR if label == tpl.NO_EVENT else 1)
        seen: set[str] = set()
        for _ in range(wanted * 5):
            if len(seen) >= wanted:
                break
            text = snippet(label, rng)
            if text not in seen:
                seen.add(text)
                rows.append((label, text))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-label", type=int, default=PER_LABEL)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("-o", "--output", type=Path, default=HERE / "generated.tsv")
    args = ap.parse_args()
    rows = generate(args.per_label, args.seed)
    with args.output.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["label", "text"])
        writer.writerows(rows)
    print(f"{len(rows)} examples → {args.output}")


if __name__ == "__main__":
    main()
