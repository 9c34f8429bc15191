"""The golden set: analyst-annotated reports and their scorer.

A golden report is one YAML file (schema in ``tests/golden/README.md``): a multi-paragraph
news report with its publication date, the events an analyst would code (event type,
place with coordinates and a tolerance, date, fatalities) and the errors that must not
happen (``must_not`` checks). :func:`score` compares the events extracted from the text
with that annotation:

- a predicted event **matches** a gold event when its event type is one of the gold
  types, its place lies within the gold tolerance of the gold coordinates (when the gold
  names coordinates), and its date period overlaps the gold day (when the gold has a
  date); gold and predicted events are paired one to one with a maximum matching
  (``scipy.optimize.linear_sum_assignment``);
- ``optional`` gold events (a statement an analyst may or may not code) are neither
  missed when absent nor false when found;
- precision = matched predictions / predictions not absorbed by optional gold events;
  recall = matched required gold events / required gold events;
- every ``must_not`` check is run on all predictions; a failing check is an error.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from geoevents.errors import InputError
from geoevents.geodesy import distance_km
from geoevents.model import Event

CHECKS = ("no_event", "max_events", "fatalities_total_max")
# "near where it happened" for a report's main event (issue 11's figure for conflict reports)
MAIN_NEAR_KM = 25.0


@dataclass(frozen=True)
class GoldEvent:
    """One event an analyst codes from a report."""

    event_types: tuple[str, ...]
    sub_event_type: str | None
    place: str
    lat: float | None
    lon: float | None
    tolerance_km: float
    date: date | None
    fatalities: int | None
    optional: bool


@dataclass(frozen=True)
class Check:
    """One error that must not happen (``kind`` is one of :data:`CHECKS`)."""

    kind: str
    why: str
    params: dict[str, Any]


@dataclass
class GoldReport:
    """A report with its annotation."""

    id: str
    path: Path
    part: str  # the sub-folder: "dev", "heldout", …
    published: date
    text: str
    events: list[GoldEvent]
    must_not: list[Check]


@dataclass
class ReportScore:
    """How the predictions for one report compare with its annotation."""

    id: str
    part: str
    predicted: int
    scored_predictions: int  # predictions not absorbed by optional gold events
    matched: int
    required: int
    matched_required: int
    fatalities_right: int
    fatalities_gold: int
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # the report's main event (its first required gold event with a point): km from it to
    # the nearest located prediction of its type family; None when none is located
    main_km: float | None = None
    has_main: bool = False

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def is_held_out(part: str) -> bool:
    """Whether a part (a sub-folder name) holds held-out reports, whose errors nobody
    should read while improving the extraction."""
    return part.startswith("heldout")


@dataclass
class GoldenResult:
    """Totals over a set of reports (micro-averaged)."""

    reports: list[ReportScore]

    def _sum(self, name: str, part: str | None) -> int:
        return sum(getattr(r, name) for r in self.reports if part in (None, r.part))

    def precision(self, part: str | None = None) -> float:
        n = self._sum("scored_predictions", part)
        return self._sum("matched", part) / n if n else 1.0

    def recall(self, part: str | None = None) -> float:
        n = self._sum("required", part)
        return self._sum("matched_required", part) / n if n else 1.0

    def main_located(self, part: str | None = None, within_km: float | None = None
                     ) -> float:
        """Share of reports whose main event has a located prediction of its type family
        (within ``within_km`` of the gold point, if given): the analyst's first question,
        "is the main event on the map, and near where it happened?"
        """
        mains = [r for r in self.reports if part in (None, r.part) and r.has_main]
        hits = [r for r in mains if r.main_km is not None and
                (within_km is None or r.main_km <= within_km)]
        return len(hits) / len(mains) if mains else 1.0

    def errors(self, part: str | None = None) -> list[str]:
        return [f"{r.id}: {e}" for r in self.reports if part in (None, r.part)
                for e in r.errors]

    @property
    def parts(self) -> list[str]:
        return sorted({r.part for r in self.reports})

    def _summary(self, part: str | None) -> dict[str, Any]:
        return {"reports": sum(part in (None, r.part) for r in self.reports),
                "precision": round(self.precision(part), 3),
                "recall": round(self.recall(part), 3), "errors": len(self.errors(part)),
                "main_located": round(self.main_located(part), 3),
                "main_within_25km": round(self.main_located(part, MAIN_NEAR_KM), 3)}

    def to_dict(self) -> dict[str, Any]:
        summary = {p: self._summary(p) for p in self.parts}
        summary["all"] = self._summary(None)
        return {"summary": summary, "reports": [r.to_dict() for r in self.reports]}


# -- reading ---------------------------------------------------------------------------


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{where}: {value!r} is not a YYYY-MM-DD date") from None


def _gold_event(raw: dict[str, Any], where: str) -> GoldEvent:
    types = raw.get("event_type")
    if not types:
        raise InputError(f"{where}: an event needs an event_type")
    lat, lon = raw.get("lat"), raw.get("lon")
    if (lat is None) != (lon is None):
        raise InputError(f"{where}: give both lat and lon, or neither")
    return GoldEvent(
        event_types=tuple(types) if isinstance(types, list) else (str(types),),
        sub_event_type=raw.get("sub_event_type"),
        place=str(raw.get("place", "")),
        lat=None if lat is None else float(lat),
        lon=None if lon is None else float(lon),
        tolerance_km=float(raw.get("tolerance_km", 25)),
        date=_date(raw.get("date"), where),
        fatalities=raw.get("fatalities"),
        optional=bool(raw.get("optional", False)),
    )


def _check(raw: dict[str, Any], where: str) -> Check:
    kind = raw.get("check")
    if kind not in CHECKS:
        raise InputError(f"{where}: unknown check {kind!r} (one of {', '.join(CHECKS)})")
    params = {k: v for k, v in raw.items() if k not in ("check", "why")}
    for key in ("date_before", "date_after"):
        if key in params:
            params[key] = _date(params[key], where)
    return Check(kind=kind, why=str(raw.get("why", "")), params=params)


def load_report(path: Path, part: str = "") -> GoldReport:
    """One golden report from its YAML file."""
    import yaml

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read the golden report {path}: {exc}") from None
    if not isinstance(raw, dict) or not raw.get("text") or not raw.get("published"):
        raise InputError(f"{path}: a golden report needs 'text' and 'published'")
    published = _date(raw["published"], str(path))
    assert published is not None
    return GoldReport(
        id=str(raw.get("id", path.stem)), path=path, part=part, published=published,
        text=str(raw["text"]),
        events=[_gold_event(e, f"{path} event {i + 1}")
                for i, e in enumerate(raw.get("events") or [])],
        must_not=[_check(c, f"{path} check {i + 1}")
                  for i, c in enumerate(raw.get("must_not") or [])])


def load_dir(directory: Path) -> list[GoldReport]:
    """Every report under ``directory`` (``*.yaml``, recursively); the part of a report
    is its sub-folder's name (``dev``, ``heldout``)."""
    if not directory.is_dir():
        raise InputError(f"no such directory: {directory}")
    reports = []
    for path in sorted(directory.rglob("*.yaml")):
        reports.append(load_report(path, path.parent.name))
    if not reports:
        raise InputError(f"no golden reports (*.yaml) in {directory}")
    return reports


# -- matching --------------------------------------------------------------------------


_SPAN_DAYS = {"day": 1, "week": 7}


def period(event: Event) -> tuple[date, date] | None:
    """The first and last day an event's date stands for (None when unresolved)."""
    if event.date is None or event.date_precision == "unresolved":
        return None
    start = date.fromisoformat(event.date[:10])
    if event.date_precision in _SPAN_DAYS:
        return start, start + timedelta(days=_SPAN_DAYS[event.date_precision] - 1)
    if event.date_precision == "month":
        return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start, date(start.year, 12, 31)


def _near(event: Event, lat: float, lon: float, km: float) -> bool:
    loc = event.location
    return loc is not None and distance_km(loc.lat, loc.lon, lat, lon) <= km


def matches(gold: GoldEvent, event: Event) -> bool:
    """Whether a predicted event is the gold event: type family, place, date."""
    if event.event_type not in gold.event_types:
        return False
    if gold.lat is not None and gold.lon is not None and not _near(
            event, gold.lat, gold.lon, gold.tolerance_km):
        return False
    if gold.date is not None:
        span = period(event)
        if span is None or not span[0] <= gold.date <= span[1]:
            return False
    return True


def _describe(event: Event) -> str:
    place = event.location.name if event.location else "unlocated"
    return (f"{event.sub_event_type} ({event.trigger!r}) at {place}, "
            f"{event.date or 'no date'}, fatalities {event.fatalities}")


def _violations(check: Check, events: Sequence[Event]) -> list[str]:
    p = check.params
    why = f" — {check.why}" if check.why else ""
    if check.kind == "fatalities_total_max":
        total = sum(e.fatalities or 0 for e in events if _selected(e, p))
        return [f"fatalities add up to {total} > {p['value']}{why}"] if total > p["value"] \
            else []
    selected = [e for e in events if _selected(e, p)]
    if check.kind == "max_events":
        if len(selected) > p["count"]:
            return [f"{len(selected)} events of {p.get('event_type', 'any type')} > "
                    f"{p['count']}{why}: " + "; ".join(_describe(e) for e in selected)]
        return []
    return [f"unwanted event {_describe(e)}{why}" for e in selected]


def _selected(event: Event, p: dict[str, Any]) -> bool:
    """Whether an event meets every filter of a check."""
    types = p.get("event_type")
    if types and event.event_type not in ([types] if isinstance(types, str) else types):
        return False
    if p.get("sub_event_type") and event.sub_event_type != p["sub_event_type"]:
        return False
    if p.get("trigger") and p["trigger"].lower() not in event.trigger.lower():
        return False
    span = period(event)
    if "date_before" in p and (span is None or span[0] >= p["date_before"]):
        return False
    if "date_after" in p and (span is None or span[0] <= p["date_after"]):
        return False
    if "year" in p and (span is None or span[0].year != int(p["year"])):
        return False
    near = p.get("near")
    return not (near and not _near(event, near["lat"], near["lon"], near["km"]))


def score(report: GoldReport, events: Sequence[Event]) -> ReportScore:
    """Compare the predicted ``events`` of one report with its annotation."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    gold = report.events
    # cost: -2 for a required match, -1 for an optional one, 0 for no match; a matching
    # sub-event type breaks ties
    cost = np.zeros((len(events), len(gold)))
    for i, event in enumerate(events):
        for j, g in enumerate(gold):
            if matches(g, event):
                cost[i, j] = (-1.0 if g.optional else -2.0) - 0.1 * (
                    g.sub_event_type == event.sub_event_type)
    pairs = [(i, j) for i, j in zip(*linear_sum_assignment(cost), strict=True)
             if cost[i, j] < 0] if events and gold else []
    paired_events = {i for i, _ in pairs}
    paired_gold = {j for _, j in pairs}
    matched_required = [(i, j) for i, j in pairs if not gold[j].optional]
    optional_hits = len(pairs) - len(matched_required)
    with_fatalities = [(i, j) for i, j in matched_required if gold[j].fatalities is not None]
    result = ReportScore(
        id=report.id, part=report.part, predicted=len(events),
        scored_predictions=len(events) - optional_hits, matched=len(matched_required),
        required=sum(not g.optional for g in gold), matched_required=len(matched_required),
        fatalities_right=sum(events[i].fatalities == gold[j].fatalities
                             for i, j in with_fatalities),
        fatalities_gold=len(with_fatalities))
    result.missed = [f"{'/'.join(g.event_types)} at {g.place}, {g.date or 'any date'}"
                     for j, g in enumerate(gold) if j not in paired_gold and not g.optional]
    result.false = [_describe(e) for i, e in enumerate(events) if i not in paired_events]
    for check in report.must_not:
        result.errors.extend(_violations(check, events))
    main = next((g for g in gold if not g.optional and g.lat is not None and
                 g.lon is not None), None)
    if main is not None and main.lat is not None and main.lon is not None:
        result.has_main = True
        result.main_km = min((distance_km(e.location.lat, e.location.lon, main.lat, main.lon)
                              for e in events if e.location is not None and
                              e.event_type in main.event_types), default=None)
    return result


Extractor = Callable[[GoldReport], list[Event]]


def extract_with_pipeline(report: GoldReport) -> list[Event]:
    """The events geoevents extracts from a report (the full pipeline)."""
    from geoevents.pipeline import parse

    return parse(report.text, published=report.published, doc_id=report.id).events


def evaluate(reports: Iterable[GoldReport], extract: Extractor = extract_with_pipeline
             ) -> GoldenResult:
    """Score every report with the events ``extract`` returns for it."""
    return GoldenResult([score(r, extract(r)) for r in reports])
