"""Event dates: the date expression of an event, resolved against the publication date.

Relative expressions ("yesterday", "last week", "earlier this month", "on Tuesday") need
the publication date; absolute ones without a year ("May 14", "on July 4") take the most
recent such day on or before it. Without a publication date only expressions that carry a
year resolve; everything else stays ``unresolved`` — a date is never invented.

``date`` is an ISO 8601 calendar date: the day itself, or the first day of the week, month
or year that ``date_precision`` names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from geoevents.errors import InputError

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

DAY, WEEK, MONTH, YEAR, UNRESOLVED = "day", "week", "month", "year", "unresolved"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_RE = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_LEADING = re.compile(r"^(on|in|at|during|since|from|by|early|late|the|of|earlier|later|"
                      r"until|as of|around|about|before|after)\s+")
_DURATION = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"several|few|many)[- ](year|month|week|day|hour|minute)s?([- ]old|"
                       r" long)?\b(?! ago)")


@dataclass
class DateInfo:
    """A resolved (or unresolved) event date with its evidence."""

    date: str | None
    precision: str
    text: str | None
    reason: str


def parse_published(value: str | date | datetime | None) -> date | None:
    """A publication date from ISO text or a date; None stays None; bad text is an error."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    parsed = _dateparser(text, None)
    if parsed is None:
        raise InputError(f"cannot read the publication date {value!r} (use YYYY-MM-DD)")
    return parsed.date()


def _dateparser(text: str, base: date | None) -> datetime | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12)
    try:
        return dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_start(day: date, back: int = 0) -> date:
    year, month = day.year, day.month - back
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


def _relative(text: str, base: date) -> tuple[date, str] | None:
    """Expressions resolved by rule against the publication date."""
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", text):
        return base, DAY
    if re.search(r"\bday before yesterday\b", text):
        return base - timedelta(days=2), DAY
    if re.search(r"\b(yesterday|last night)\b", text):
        return base - timedelta(days=1), DAY
    if re.search(r"\blast (week|weekend)\b|\bweek (ago|earlier)\b|\bprevious week\b", text):
        return _monday(base) - timedelta(days=7), WEEK
    if re.search(r"\bthis (week|weekend)\b", text):
        return _monday(base), WEEK
    if re.search(r"\b(last|previous) month\b|\bmonth ago\b", text):
        return _month_start(base, 1), MONTH
    if re.search(r"\bthis month\b", text):
        return _month_start(base), MONTH
    if re.search(r"\b(last|previous) year\b|\byear ago\b", text):
        return date(base.year - 1, 1, 1), YEAR
    if re.search(r"\bthis year\b", text):
        return date(base.year, 1, 1), YEAR
    match = re.search(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten) "
                      r"(day|week)s? ago\b", text)
    if match:
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
        n = int(match.group(1)) if match.group(1).isdigit() else words[match.group(1)]
        if match.group(2) == "day":
            return base - timedelta(days=n), DAY
        return _monday(base) - timedelta(days=7 * n), WEEK
    for i, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", text) and not re.search(_MONTH_RE + r"\s+\d|\d{1,2}\s+"
                                                            + _MONTH_RE, text):
            return base - timedelta(days=(base.weekday() - i) % 7), DAY
    return None


@lru_cache(maxsize=4096)
def resolve_date(expression: str, published: date | None) -> DateInfo:
    """Resolve one date expression ("the evening of May 14", "last week")."""
    text = " ".join(expression.lower().split())
    while True:
        stripped = _LEADING.sub("", text)
        if stripped == text:
            break
        text = stripped
    if not text or (_DURATION.search(text) and "ago" not in text):
        return DateInfo(None, UNRESOLVED, expression, f"{expression!r} is a duration, not a date")
    has_year = re.search(r"\b(1[89]|20)\d\d\b", text) is not None
    has_month = re.search(rf"\b{_MONTH_RE}(?=\s|$|,)", text) is not None
    has_day = re.search(r"\b([0-3]?\d)(st|nd|rd|th)?\b", re.sub(r"\b(1[89]|20)\d\d\b", "",
                                                                 text)) is not None
    if published is not None:
        rel = _relative(text, published)
        if rel is not None:
            day, precision = rel
            return DateInfo(day.isoformat(), precision, expression,
                            f"{expression!r} counted back from the publication date "
                            f"{published.isoformat()}")
    elif not has_year:
        return DateInfo(None, UNRESOLVED, expression,
                        f"{expression!r} needs a publication date to resolve")
    if not (has_year or has_month):
        return DateInfo(None, UNRESOLVED, expression, f"{expression!r} is not a calendar date")
    clean = re.sub(r"\b(early|late|mid|the|evening|morning|night|afternoon|of|on|dawn|"
                   r"noon|midnight)\b", " ", text)
    clean = re.sub(r"[\[\]()]", " ", clean)
    parsed = _dateparser(" ".join(clean.split()), published)
    if parsed is None:
        return DateInfo(None, UNRESOLVED, expression, f"{expression!r} could not be parsed")
    day = parsed.date()
    if published is not None and day > published and not has_year:
        day = day.replace(year=day.year - 1)
    if has_month and has_day:
        precision = DAY
    elif has_month:
        precision, day = MONTH, day.replace(day=1)
    else:
        precision, day = YEAR, date(day.year, 1, 1)
    source = ("" if has_year else
              f" (year from the publication date {published.isoformat()})" if published else "")
    return DateInfo(day.isoformat(), precision, expression,
                    f"{expression!r} read as a {precision}{source}")


def _attached(ent: Span, anchors: set[int]) -> bool:
    tok: Token = ent.root
    for _ in range(4):
        if tok.i in anchors:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def event_date(trigger: Token, predicate: Token | None, sent: Span,
               published: date | None) -> DateInfo:
    """The date of the event whose trigger is ``trigger``: the date expression attached
    to it in the parse, else the sentence's only or first date expression."""
    ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    if not ents:
        return DateInfo(None, UNRESOLVED, None, "no date in the sentence")
    anchors = {trigger.i}
    if predicate is not None:
        anchors.add(predicate.i)
    ranked = sorted(ents, key=lambda e: (not _attached(e, anchors),
                                         abs(e.start - trigger.i)))
    first_failure: DateInfo | None = None
    for ent in ranked:
        info = resolve_date(ent.text, published)
        if info.precision != UNRESOLVED:
            where = "attached to the trigger" if _attached(ent, anchors) else "in the sentence"
            return DateInfo(info.date, info.precision, info.text, f"{info.reason}, {where}")
        first_failure = first_failure or info
    assert first_failure is not None
    return first_failure
