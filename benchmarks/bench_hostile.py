"""Hostile shapes of text: CPU time and peak memory of parse + events as they grow.

Run: ``.venv/bin/python benchmarks/bench_hostile.py [--sizes 10,100,1000] [--shapes a,b]
[--timeout 600]`` (sizes in KB).

Each shape runs in a fresh process (peak RSS is per process), its sizes in ascending order,
each timed as the CPU time of ``Geoparser.parse`` with events; ``normal`` (news text: the
seed and golden reports in rotation, as ``bench_long.py`` builds it) runs the same way in
the same run. Printed per shape and size: CPU seconds, the ratio to normal text of the same
size, the growth from the size before (linear = the size ratio; flagged when it exceeds
1.5 × the size ratio, i.e. > 15 × per 10 × size) and the peak RSS of the process so far.
A JSON Lines corpus with one 5 MB line among small ones (``--jsonl``) is timed through
``geoevents extract`` once, against the same corpus without the long line.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PUBLISHED = "2025-06-10"
GROWTH_FLAG = 1.5  # × the size ratio

_NEWS = ("Israeli forces raided Jenin on Tuesday and killed two men, the Palestinian health "
         "ministry said. In Deir ez-Zor, “clashes” broke out near Al-Mayadin — residents "
         "fled to Aleppo’s countryside. ")


def _names(n: int, seed: int = 7) -> list[str]:
    """``n`` capitalised made-up names (two syllables each, a given and a family name)."""
    rng = random.Random(seed)
    syllables = ["al", "ba", "dar", "el", "fa", "gha", "ha", "ja", "ka", "lu", "ma", "na",
                 "qa", "ra", "sa", "ta", "wa", "ya", "za", "mir", "han", "sul", "rif"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()

    return [f"{word()} {word()}" for _ in range(n)]


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _normal(size: int) -> str:
    from bench_long import document

    return document(size)


def _mojibake(size: int) -> str:
    text = _normal(size)
    for _ in range(2):
        text = text.encode("utf-8").decode("cp1252", errors="replace")
    return text[:size]


def _village(size: int) -> str:
    return "".join(f"the village of {n.split()[0]}, " for n in _names(size // 18 + 1))[:size]


def _name_list(size: int) -> str:
    return ", ".join(_names(size // 13 + 1))[:size]


def _nested(size: int) -> str:
    half = size // 2 - 5
    opens = "([{\"'" * (half // 5)
    return (opens + " Gaza " + opens[::-1].translate(str.maketrans("([{", ")]}")))[:size]


def _nested_spaced(size: int) -> str:
    half = size // 4
    return ("( " * half + "Gaza " + ") " * half)[:size]


SHAPES: dict[str, Callable[[int], str]] = {
    "normal": _normal,
    "one long token": _repeat("GazaJeninRafah0123"),
    "no whitespace": lambda size: "".join(_normal(size * 2).split())[:size],
    "newlines": _repeat("\n"),
    "blank paragraphs": _repeat(" \n\n\t\n"),
    "table of numbers/dates": _repeat("| 2024-03-01 | 12.5 | 3,400 | 15 March 2024 | "
                                      "31.52, 34.45 |\n"),
    "'in Gaza' repeated": _repeat("in Gaza, "),
    "'the village of X'": _village,
    "20k capitalised names": _name_list,
    "all caps": lambda size: _normal(size).upper(),
    "every line a dateline": _repeat("GAZA CITY, Jan 5 (Reuters) - Israeli strikes killed "
                                     "three people in Rafah.\n"),
    "nested quotes/brackets": _nested,
    "nested brackets spaced": _nested_spaced,
    "RTL/CJK + English": _repeat("Israeli forces raided جنين on Monday, قالت وزارة الصحة. "
                                 "加沙地带遭到空袭，三人死亡。 Gunmen attacked 北京 too. "),
    "emoji + combining marks": _repeat("Strikes hit Gaza 💥🔥👨‍👩‍👧 near Je\u0301nin; "
                                       "Z̴̢̛a̵̡l̸̨g̷̢o̶̧ R\u0327\u0308afah 🇵🇸. "),
    "mojibake (cp1252 x2)": _mojibake,
    "HTML huge attributes": lambda size: ("<div class=\"x\" data-blob=\"" + "A9+/" * (size // 6)
                                           + "\">Strikes hit <b>Gaza</b> and "
                                           "[Rafah](https://example.org/"
                                           + "p/" * (size // 6) + ")</div>\n")[:size],
}


def measure(shape: str, sizes: list[int]) -> list[dict[str, float]]:
    """CPU seconds of parse + events on each size of ``shape``, in this process."""
    from geoevents.pipeline import geoparser

    parser = geoparser()
    parser.parse("Warm-up: gunmen attacked Kano on Monday.", published=PUBLISHED)
    rows = []
    for size in sizes:
        text = SHAPES[shape](size)
        cpu = time.process_time()
        document = parser.parse(text, published=PUBLISHED)
        rows.append({"size": len(text), "cpu": time.process_time() - cpu,
                     "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                     "toponyms": len(document.toponyms), "events": len(document.events)})
    return rows


def jsonl(tmp: Path) -> None:
    """``geoevents extract`` on 50 small reports with and without one 5 MB line."""
    small = [{"id": f"s{i}", "text": _normal(2000 + i)} for i in range(50)]
    for label, records in (("50 small", small),
                           ("+ one 5 MB line", [*small[:25], {"id": "big",
                            "text": _normal(5_000_000)}, *small[25:]])):
        path = tmp / "corpus.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", "import resource, sys; from geoevents.cli import main\n"
             "try:\n    main(sys.argv[1:])\nfinally:\n    use = resource.getrusage("
             "resource.RUSAGE_SELF)\n    print(use.ru_maxrss // 1024, use.ru_utime, "
             "file=sys.stderr)", "extract", str(path), "-o",
             str(tmp / "out.geojson")], capture_output=True, text=True)
        *said, usage = out.stderr.strip().splitlines()
        peak, cpu = usage.split()[:2]
        summary = next((line for line in reversed(said) if " documents" in line), "?")
        print(f"jsonl {label:<18} exit {out.returncode}  CPU {float(cpu):7.1f} s  wall "
              f"{time.perf_counter() - started:7.1f} s  peak RSS {peak} MB  {summary}",
              flush=True)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--sizes", default="10,100,1000", help="sizes in KB, comma-separated")
    args.add_argument("--shapes", default=",".join(SHAPES),
                      help="shapes, comma-separated (normal is always run)")
    args.add_argument("--timeout", type=float, default=900, help="seconds per shape")
    args.add_argument("--jsonl", action="store_true", help="the JSON Lines corpus only")
    args.add_argument("--one", help=argparse.SUPPRESS)  # child process: one shape
    opts = args.parse_args()
    sizes = [int(s) * 1000 for s in opts.sizes.split(",")]
    if opts.one:
        print(json.dumps(measure(opts.one, sizes)))
        return
    if opts.jsonl:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            jsonl(Path(tmp))
        return
    shapes = ["normal"] + [s for s in opts.shapes.split(",") if s != "normal"]
    normal: list[dict[str, float]] = []
    print(f"{'shape':<26}{'KB':>6}{'CPU s':>9}{'÷ normal':>10}{'growth':>9}"
          f"{'peak MB':>9}  toponyms/events", flush=True)
    for shape in shapes:
        try:
            out = subprocess.run([sys.executable, __file__, "--one", shape, "--sizes",
                                  opts.sizes], capture_output=True, text=True, check=True,
                                 timeout=opts.timeout)
        except subprocess.TimeoutExpired:
            print(f"{shape:<26} over {opts.timeout:.0f} s: SUPERLINEAR?", flush=True)
            continue
        except subprocess.CalledProcessError as exc:
            print(f"{shape:<26} FAILED: {exc.stderr.strip().splitlines()[-1:]}", flush=True)
            continue
        rows = json.loads(out.stdout.strip().splitlines()[-1])
        normal = normal or rows
        for i, r in enumerate(rows):
            ratio = r["cpu"] / max(normal[i]["cpu"], 1e-6)
            growth = flag = ""
            if i:
                grown = r["cpu"] / max(rows[i - 1]["cpu"], 1e-3)
                growth = f"×{grown:.1f}"
                flag = "  FLAG" if grown > GROWTH_FLAG * r["size"] / rows[i - 1]["size"] \
                    and r["cpu"] > 1 else ""
            print(f"{shape:<26}{r['size'] / 1000:>6.0f}{r['cpu']:>9.2f}{ratio:>10.2f}"
                  f"{growth:>9}{r['peak_mb']:>9.0f}  {r['toponyms']}/{r['events']}{flag}",
                  flush=True)


if __name__ == "__main__":
    main()
