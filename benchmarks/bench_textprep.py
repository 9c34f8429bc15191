"""spaCy's tokenizer on pathological text, with and without :mod:`geoevents.textprep`.

Run: ``.venv/bin/python benchmarks/bench_textprep.py [--skip-raw]``

spaCy's tokenizer is quadratic in the length of a whitespace-free run of punctuation.
For each text this prints the time of the model's own tokenizer (the baseline, same run;
``--skip-raw`` leaves out the minutes it takes), of :class:`~geoevents.textprep.SafeTokenizer`
around it, and, as the linear reference, of the safe tokenizer on ordinary news text of
the same length. Target: every pathological text within 5x of ordinary text of its length.
"""

from __future__ import annotations

import argparse
import time

from geoevents import nlp as nlp_module
from geoevents.textprep import SafeTokenizer

NEWS = ("An air strike hit a house in Khan Younis on Monday, killing four people, the "
        "Gaza health ministry said. ")
TEXTS = {
    "')' x 20,000": ")" * 20_000,
    "'!?.,;:' x 2,000": "!?.,;:" * 2_000,
    "one 100,000-character word": "a" * 100_000,
}
TARGET_RATIO = 5.0


def timed(tokenizer, text: str) -> float:
    started = time.perf_counter()
    doc = tokenizer(text)
    elapsed = time.perf_counter() - started
    assert doc.text == text
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-raw", action="store_true",
                        help="do not time the unguarded tokenizer (minutes)")
    args = parser.parse_args()
    raw = nlp_module.load().tokenizer
    if isinstance(raw, SafeTokenizer):
        raw = raw.tokenizer
    safe = SafeTokenizer(raw)
    print(f"{'text':<30}{'chars':>9}{'spaCy s':>10}{'guarded s':>11}{'news s':>9}"
          f"{'speed-up':>10}{'vs news':>9}")
    met = True
    for label, text in TEXTS.items():
        news = (NEWS * (len(text) // len(NEWS) + 1))[:len(text)]
        reference = timed(safe, news)
        guarded = timed(safe, text)
        before = None if args.skip_raw else timed(raw, text)
        ratio = guarded / reference
        met &= ratio <= TARGET_RATIO
        speedup = f"{before / guarded:>9.0f}x" if before is not None else f"{'-':>10}"
        print(f"{label:<30}{len(text):>9,}{before if before is not None else float('nan'):>10.2f}"
              f"{guarded:>11.3f}{reference:>9.3f}{speedup}{ratio:>8.1f}x")
    print(f"target: guarded <= {TARGET_RATIO:g}x ordinary text: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
