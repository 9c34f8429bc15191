"""``geoevents eval``: the project's own evaluation harness (``eval toponyms`` here)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    import csv
    from collections.abc import Sequence
    from contextlib import ExitStack

    from geoevents.evaluation.toponyms import Report

group = typer.Typer(help="Measure geoevents on annotated corpora.", no_args_is_help=True)


class Mode(StrEnum):
    gold = "gold"
    e2e = "e2e"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


class Split(StrEnum):
    all = "all"
    tune = "tune"
    check = "check"


SPLIT_HELP = ("all: every example; tune / check: the half of the examples whose ids "
              "hash even / odd (tune on one half, report the other as well).")


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="eval")


def _details_writer(stack: ExitStack, path: Path, columns: Sequence[str]) -> csv.DictWriter:
    """A CSV writer of ``columns`` on ``path``, with its header written, closed with
    ``stack``; a path that cannot be written fails before the evaluation, not after it."""
    import csv

    from geoevents.errors import InputError

    try:
        fh = stack.enter_context(path.open("w", encoding="utf-8", newline=""))
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    writer = csv.DictWriter(fh, fieldnames=columns)
    writer.writeheader()
    return writer


@group.command()
def toponyms(
    corpus: Annotated[Path, typer.Argument(
        help="LGL- or GeoVirus-style XML corpus, e.g. ../shared/eval/toponyms/lgl.xml.",
        show_default=False)],
    mode: Annotated[Mode, typer.Option(
        "--mode", "-m", help="gold: resolve the gold spans; e2e: recognise, then resolve.")
    ] = Mode.gold,
    limit: Annotated[int | None, typer.Option(
        "--limit", "-n", min=1, help="Only the first N articles.", show_default=False)] = None,
    split: Annotated[Split, typer.Option("--split", help=SPLIT_HELP)] = Split.all,
    ranker: Annotated[str | None, typer.Option(
        "--ranker", help="Ranker: hand-set (the default) or a ranker JSON file, e.g. one "
        "trained on your own gold corpus with geoevents.evaluation.train_ranker.",
        show_default=False)] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = ReportFormat.text,
    gazetteer: Annotated[Path | None, typer.Option(
        "--gazetteer", help="Gazetteer file (default: the embedded one).", show_default=False)
    ] = None,
    details: Annotated[Path | None, typer.Option(
        "--details", help="Also write one CSV row per gold toponym (and, e2e, per spurious "
        "name): the answer, its error, confidence and reason.", show_default=False)
    ] = None,
) -> None:
    """Toponym resolution (and, with --mode e2e, recognition) scores of a corpus:
    A@161, exact GeoNames-id match, AUC, mean/median error, unresolved, candidate recall,
    and recognition precision/recall/F1."""
    from contextlib import ExitStack

    from geoevents.cli.output import emit_json
    from geoevents.evaluation.toponyms import DETAIL_COLUMNS, Detail, evaluate
    from geoevents.geocoding import default_gazetteer
    from geoevents.pipeline import Geoparser
    from geoevents.resolve import Ranker

    parser = Geoparser(gazetteer=default_gazetteer(gazetteer),
                       ranker=Ranker.load(ranker) if ranker else None)

    with ExitStack() as stack:
        write = None
        if details is not None:
            writer = _details_writer(stack, details, DETAIL_COLUMNS)

            def write(detail: Detail) -> None:
                writer.writerow(detail.row())

        report = evaluate(corpus, mode=mode.value, limit=limit, parser=parser,
                          progress=None, details=write, split=split.value)
    if fmt is ReportFormat.json:
        emit_json(report.to_dict())
    else:
        print(format_report(report))


def format_report(report: Report) -> str:
    """The report as aligned text lines."""
    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{100 * x:.1f}%"

    lines = [
        f"corpus              {report.corpus} ({report.articles} articles, "
        f"{report.gold_toponyms} gold toponyms)",
        f"mode                {report.mode}   ranker: {report.ranker}",
    ]
    if report.f1 is not None:
        lines += [
            f"recognition P/R/F1  {pct(report.precision)} / {pct(report.recall)} / "
            f"{report.f1:.3f}   ({report.true_positives} exact spans of "
            f"{report.predicted} predicted)",
        ]
    lines += [
        f"scored toponyms     {report.scored}",
        f"A@161               {pct(report.accuracy_161)}",
        f"exact id match      {pct(report.exact_match)} (of {report.exact_match_n} with an id)",
        f"AUC                 {report.auc:.3f}",
        f"mean error          {report.mean_error_km:,.0f} km",
        f"median error        {report.median_error_km:,.1f} km",
        f"unresolved          {report.unresolved} "
        f"({report.placed_by_context} more placed near the text's local place)",
    ]
    if report.candidate_recall is not None:
        lines.append(f"candidate recall    {pct(report.candidate_recall)} "
                     f"(of {report.candidate_recall_n} the gazetteer contains)")
    lines.append(f"time                {report.seconds:.1f} s")
    lines += [f"note: {n}" for n in report.notes]
    return "\n".join(lines)


class EventTask(StrEnum):
    location = "location"
    case = "case"
    all = "all"


EVENT_FILES = {"location": "event_location_dev.jsonl", "case": "case2021_task2_dev.tsv"}


@group.command()
def events(
    path: Annotated[Path, typer.Argument(
        help="A directory holding event_location_dev.jsonl and case2021_task2_dev.tsv, or "
             "one of those files.")] = Path("../shared/eval/events"),
    task: Annotated[EventTask, typer.Option(
        "--task", "-t", help="location: event-location accuracy; case: CASE 2021 sub-type "
                             "F1; all: both (from a directory).")] = EventTask.all,
    limit: Annotated[int | None, typer.Option(
        "--limit", "-n", min=1, help="Only the first N examples of each file.",
        show_default=False)] = None,
    split: Annotated[Split, typer.Option("--split", help=SPLIT_HELP)] = Split.all,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = ReportFormat.text,
    details: Annotated[Path | None, typer.Option(
        "--details", help="Also write one CSV row per gold location span: recognised, "
        "resolved, the place, its reason, and what the gazetteer holds for the span.",
        show_default=False)] = None,
) -> None:
    """Event extraction scores: event-location accuracy/precision/recall and the
    weighted F1 of the main event's sub-type on CASE 2021 (with per-class figures)."""
    from contextlib import ExitStack

    from geoevents.cli.output import emit_json
    from geoevents.errors import InputError
    from geoevents.evaluation import events as ev
    from geoevents.evaluation.split import select

    if path.is_dir():
        tasks = ["location", "case"] if task is EventTask.all else [task.value]
        files = {t: path / EVENT_FILES[t] for t in tasks}
    elif path.is_file():
        kind = "case" if path.suffix.lower() == ".tsv" else "location"
        if task not in (EventTask.all, EventTask(kind)):
            raise InputError(f"{path} is a {kind} file, not a {task.value} one")
        files = {kind: path}
    else:
        raise InputError(f"no such file or directory: {path}")
    if details is not None and "location" not in files:
        raise InputError("--details needs the location task")
    report: dict = {}
    with ExitStack() as stack:
        write = None
        if details is not None:
            write = _details_writer(stack, details, ev.SPAN_COLUMNS).writerow
        if "location" in files:
            report["location"] = ev.evaluate_locations(
                select(ev.read_event_locations(files["location"], limit=limit),
                       split.value, key=lambda x: x.id), progress=None, details=write)
    if "case" in files:
        case = ev.evaluate_case(select(ev.read_case(files["case"], limit=limit), split.value,
                                       key=lambda x: x.id), progress=None)
        case.pop("predictions")
        report["case"] = case
    if fmt is ReportFormat.json:
        emit_json(report)
    else:
        print(format_event_report(report))


def format_event_report(report: dict) -> str:
    """The event report as aligned text lines."""
    lines = []
    loc = report.get("location")
    if loc:
        lines += [
            f"event location      {loc['examples']} sentences, "
            f"{loc['with_gold_location']} with a gold location",
            f"  accuracy          {loc['accuracy']:.3f}",
            f"  precision         {loc['precision']:.3f}",
            f"  recall            {loc['recall']:.3f}",
            f"  F1                {loc['f1']:.3f}",
            f"  trigger coverage  {loc['trigger_coverage']:.3f}",
            f"  toponym recall    {loc['toponym_recall']:.3f} recognised, "
            f"{loc['toponym_recall_resolved']:.3f} resolved, "
            f"{loc['toponym_recall_placed_by_context']:.3f} more placed by context "
            f"(of {loc['gold_toponyms']} gold location spans)",
            f"  events located    {loc['events_located']:.3f} "
            f"(of {loc['events_in_placed_sentences']} events in sentences naming a "
            f"resolved place; {loc['events_located_with_demonyms']:.3f} of "
            f"{loc['events_in_sentences_with_demonyms']} counting nationalities; "
            f"{loc['events_located_gold']:.3f} of {loc['events_in_gold_placed_sentences']} "
            f"where the gold place was resolved)",
        ]
    case = report.get("case")
    if case:
        lines += [
            f"CASE 2021 sub-type  {case['examples']} snippets",
            f"  weighted F1       {case['weighted_f1']:.3f}",
            f"  macro F1          {case['macro_f1']:.3f}",
            f"  accuracy          {case['accuracy']:.3f}",
            f"  {'class':32} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}",
        ]
        for label, c in case["per_class"].items():
            lines.append(f"  {label:32} {c['precision']:5.2f} {c['recall']:5.2f} "
                         f"{c['f1']:5.2f} {c['support']:4d}")
    return "\n".join(lines)


@group.command()
def golden(
    path: Annotated[Path, typer.Argument(
        help="A folder of golden reports (*.yaml, searched recursively; each sub-folder is "
             "reported as one part), or one report.")] = Path("tests/golden"),
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = ReportFormat.text,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="List the missed and false events of every report.")
    ] = False,
    held_out_details: Annotated[bool, typer.Option(
        "--held-out-details", help="Also print the errors, misses and false events of the "
        "held-out parts (folders named heldout*), which are hidden so that nobody tunes on "
        "them by accident.")] = False,
) -> None:
    """Event precision/recall and must-not-happen errors on the analyst-annotated golden
    reports (see tests/golden/README.md). Held-out parts show their totals only unless
    --held-out-details is given."""
    from geoevents.cli.output import emit_json
    from geoevents.evaluation import golden as gold

    reports = [gold.load_report(path, path.parent.name)] if path.is_file() else \
        gold.load_dir(path)
    result = gold.evaluate(reports)
    shown = result if held_out_details else gold.GoldenResult(
        [r for r in result.reports if not gold.is_held_out(r.part)])
    if fmt is ReportFormat.json:
        emit_json({"summary": result.to_dict()["summary"],
                   "reports": shown.to_dict()["reports"]})
        return
    summary = result.to_dict()["summary"]
    for part, s in summary.items():
        print(f"{part:8} {s['reports']:3d} reports   precision {s['precision']:.3f}   "
              f"recall {s['recall']:.3f}   errors {s['errors']}   main event located "
              f"{s['main_located']:.2f}, within 25 km {s['main_within_25km']:.2f}")
    for error in shown.errors():
        print(f"error: {error}")
    if verbose:
        for r in shown.reports:
            for miss in r.missed:
                print(f"missed: {r.id}: {miss}")
            for false in r.false:
                print(f"false: {r.id}: {false}")
