"""spaCy's tokenizer on pathological text, with and without :mod:`geoevents.textprep`.

Run: ``.venv/bin/python benchmarks/bench_textprep.py [--skip-raw]``

spaCy's tokenizer is quadratic in the length of a whitespace-free run of punctuation.
For each text this prints the time of the model's own tokenizer (the baseline, same run;
``--skip-raw`` leaves out the minutes it takes) and of
:class:`~geoevents.textprep.SafeTokenizer` around it, at the text's length and at four
times it: linear time gives a ratio of 4, quadratic 16. Target: ratio <= 5.
"""

from __future__ import annotations

import argparse
import time

from geoevents import nlp as nlp_module
from geoevents.textprep import SafeTokenizer

TEXTS = {  # label: (repeated unit, repetitions)
    "')' x 20,000": (")", 20_000),
    "'!?.,;:' x 2,000": ("!?.,;:", 2_000),
    "one 100,000-character word": ("a", 100_000),
}
TARGET_RATIO = 5.0
REPEAT = 7  # best of, against the noise of a shared machine


def timed(tokenizer, text: str) -> float:
    started = time.process_time()  # CPU time: steadier than wall time on a busy machine
    doc = tokenizer(text)
    elapsed = time.process_time() - started
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
    print(f"{'text':<30}{'spaCy s':>10}{'guarded s':>11}{'speed-up':>10}{'x4 s':>9}"
          f"{'x4 ratio':>10}")
    met = True
    for label, (unit, times) in TEXTS.items():
        text = unit * times
        guarded = min(timed(safe, text) for _ in range(REPEAT))
        longer = min(timed(safe, unit * (4 * times)) for _ in range(REPEAT))
        ratio = longer / guarded
        met &= ratio <= TARGET_RATIO
        before = None if args.skip_raw else timed(raw, text)
        speedup = f"{before / guarded:>9.0f}x" if before is not None else f"{'-':>10}"
        print(f"{label:<30}{before if before is not None else float('nan'):>10.2f}"
              f"{guarded:>11.3f}{speedup}{longer:>9.3f}{ratio:>10.1f}")
    print(f"target: 4x the text in <= {TARGET_RATIO:g}x the time: "
          f"{'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
