"""Event dates: the date expression of an event, resolved against the publication date.

Relative expressions ("yesterday", "last week", "earlier this month", "on Tuesday") need
the publication date; absolute ones without a year ("May 14", "on July 4") take the most
recent such day on or before it. Without a publication date only expressions that carry a
year resolve; everything else stays ``unresolved`` — a date is never invented.

``date`` is an ISO 8601 calendar date: the day itself, or the first day of the week, month
or year that ``date_precision`` names.

A **dateline** ("KABUL, June 3 — …") is where and when the report was filed: its date
anchors the report's relative days ("on Sunday" is the Sunday before June 3, even in a
digest published a week later) and is itself no event date. A bare number that counts
something ("2000 families", "1500 houses") is no year. Expressions of the future ("next
week", "tomorrow", "next Saturday") resolve to days after the anchor, which the event stage
reads as planned, not happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from geoevents.errors import InputError
from geoevents.events.tokens import doc_words, span_root
from geoevents.events.triggers import FUTURE_AUX, lemma
from geoevents.nlp import doc_entities, entities_in, sentence_of, span_text

if TYPE_CHECKING:
    from spacy.tokens import Span

    from geoevents.events.tokens import Word

DAY, WEEK, MONTH, YEAR, UNRESOLVED = "day", "week", "month", "year", "unresolved"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_RE = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_LEADING = re.compile(r"^(on|in|at|during|since|from|by|early|late|the|of|earlier|later|"
                      r"until|as of|around|about|before|after|between)\s+")
_DURATION = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"several|few|many)[- ](year|month|week|day|hour|minute)s?([- ]old|"
                       r" long)?\b(?! ago)")


# "[LABEL —] CITY[, Region][, Country], Month Day[, Year] [(Agency)] —" (or "Day Month"):
# the filing place and date; a label in capitals ("ANALYSIS —") may open it
# (the label and the place are matched case-sensitively, the month in any case). The
# place is in capitals ("KYIV, Ukraine,"), or every word of it and of its region is
# capitalised ("Kyiv, Ukraine,", "Goma, Democratic Republic of Congo,"): a sentence that
# opens with a name ("UN troops in Goma, June 3 —") has words in lower case. The
# spaces after a comma are taken whole (``\s*+``): were they shared with the part after
# them, a text opening with a list of names ("Jenin, Jenin, …") would be split in 2^n ways
_TITLE_WORD = r"[A-Z\u00C0-\u00DE][\w.'\-]*"
_TITLE_NAME = _TITLE_WORD + r"(?: (?:" + _TITLE_WORD + r"|of|the|and|de|del|du|da|el|al))*"
_DATELINE = re.compile(
    r"^\s*(?:[A-Z]{3,}(?: [A-Z]{3,})?\s*(?:—|–|--|:)\s*)?"
    r"(?P<place>(?P<caps>[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE.'\- ]+(?:,\s*+[^,\n—–]{2,40}?)*?)"
    r"|(?P<title>" + _TITLE_NAME + r"(?:,\s*+" + _TITLE_NAME + r")*?)),\s*"
    r"(?P<date>(?:(?i:" + _MONTH_RE + r")\s+\d{1,2}|\d{1,2}\s+(?i:" + _MONTH_RE + r"))"
    r"(?:,?\s*\d{4})?)"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--|-)\s*")


# a sentence told as happening the day of what was told before it
_SAME_TIME = re.compile(r"\b(?:(?:hours|minutes|moments) later|later (?:that|the same) "
                        r"(?:day|night|evening|morning|afternoon)|the same (?:day|night|"
                        r"evening)|shortly (?:afterwards|after that|afterward))\b")


def same_time_as_before(sentence: str) -> str:
    """The words that date a sentence by the event told before it ("Hours later, a
    second drone hit …", "later that day"), or ''."""
    match = _SAME_TIME.search(sentence.lower())
    return match.group(0) if match else ""


# a sentence told as happening days after what was told before it
_DAYS_LATER = re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|\d) days? later|"
                         r"the (?:next|following) (?:day|morning|evening|night))\b")


# ... and days before it ("A day earlier, RSF fighters stormed …", "the previous night")
_DAYS_EARLIER = re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|\d) days? earlier|"
                           r"the (?:previous|preceding) (?:day|morning|evening|night))\b")


def days_after_before(sentence: str) -> tuple[int, str] | None:
    """How many days after the event told before it a sentence is dated ("A day later,
    soldiers clashed …", "the next morning"; negative for days before it: "A day
    earlier", "the previous night"), with the words; None when it does not say."""
    lowered = sentence.lower()
    for pattern, sign in ((_DAYS_LATER, 1), (_DAYS_EARLIER, -1)):
        match = pattern.search(lowered)
        if match is not None:
            n = match.group("n")
            days = 1 if n is None else int(n) if n.isdigit() else _NUMBER_WORDS[n]
            return sign * days, match.group(0)
    return None


@dataclass(frozen=True)
class Dateline:
    """The filing place and date that open a report."""

    end: int  # character offset where the report proper begins
    place_end: int  # character offset where the place part ends
    date: date | None  # the filing day (None when it does not resolve)
    text: str
    start: int = 0  # character offset where the dateline begins


# two capitals opening a name, an apostrophe between them ("N'DJAMENA") or not
_CAPS_START = r"[A-Z\u00C0-\u00DE]['’]?[A-Z\u00C0-\u00DE]"
# a dateline without a day: the place in capitals, its region, the agency, a dash
# ("KYIV —", "BEIRUT (Reuters) -", "GAO, Mali —")
_BARE_DATELINE = re.compile(
    r"^\s*(?P<place>" + _CAPS_START + r"[A-Z\u00C0-\u00DE.'\- ]*"
    r"(?:,\s*+[A-Z\u00C0-\u00DE][\w.'\- ]{1,40}?)?)"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--|-)\s+")
# ... or its place in title case, before a long dash and the report's first word
# ("Lichinga — Armed insurgents attacked …"; a hyphen would join words: "Kyiv - Paris")
_TITLE_DATELINE = re.compile(r"^\s*(?P<place>" + _TITLE_NAME + r"(?:,\s*+" + _TITLE_NAME +
                             r")?)\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–)\s+(?=[A-Z\u00C0-\u00DE\"“])")
# a headline: one short line without a closing full stop, then a blank line
_HEADLINE = re.compile(r"^\s*[^\n]{3,120}(?<![.!?])\n[ \t]*\n")


# the header lines a dateline may follow: a headline, and an update note or a standfirst
# ("UPDATED at 10:40 with the new death toll")
_HEADLINES = 2


def find_dateline(text: str, published: date | None) -> Dateline | None:
    """The dateline opening ``text`` ("GOMA, Oct. 13 —"), its day resolved as the most
    recent such day on or before the publication date; a dateline without a day
    ("KYIV —", "Lichinga —") has none. A dateline may follow the report's headline (a
    short first line without a full stop, then a blank line: "Niassa: insurgents return
    to Mecula\n\nLichinga — Armed insurgents …"), or a headline and an update note; its
    offsets are the text's."""
    line, at = _opening_dateline(text, published), 0
    for _ in range(_HEADLINES):
        headline = _HEADLINE.match(text[at:]) if line is None else None
        if headline is None:
            break
        at += headline.end()
        line = _opening_dateline(text, published, at)
    return line


def _opening_dateline(text: str, published: date | None, at: int = 0) -> Dateline | None:
    """The dateline that opens ``text`` at character ``at`` (see :func:`find_dateline`),
    with the text's offsets."""
    head = text[at:at + 200]
    match = _DATELINE.match(head)
    if match is None:
        bare = _BARE_DATELINE.match(head) or _TITLE_DATELINE.match(head)
        place = bare.group("place").rstrip() if bare is not None else ""
        if bare is None or len(place.lstrip()) < 3 or _LEADING.match(place.lstrip().lower()):
            return None
        return Dateline(end=at + bare.end(), place_end=at + bare.start("place") + len(place),
                        date=None, text=bare.group(0).strip(), start=at)
    if match.group("caps") is not None and \
            not re.match(r"\s*" + _CAPS_START, match.group("place")):
        return None  # the place in capitals ("CÚCUTA", "N'DJAMENA" too), or every word
        # capitalised
    if match.group("title") is not None and _LEADING.match(match.group("title").lower()):
        return None  # "On Monday, June 3 —" opens a sentence, not a dateline
    info = resolve_date(match.group("date"), published)
    day = date.fromisoformat(info.date) if info.precision == DAY and info.date else None
    return Dateline(end=at + match.end(), place_end=at + match.end("place"), date=day,
                    text=match.group(0).strip(), start=at)


def later_datelines(text: str, published: date | None) -> list[Dateline]:
    """The datelines that open later paragraphs ("BELGRADE, June 9 — Several thousand
    people rallied …" after a part filed from Zvecan on June 8): each re-anchors the
    relative days of what follows it. Only those whose day resolves."""
    out = []
    for para in re.finditer(r"\n\s*\n\s*(?=[A-Z\u00C0-\u00DE]\w)", text):
        line = _opening_dateline(text, published, para.end())
        if line is not None and line.date is not None:
            out.append(line)
    return out


# a line that holds only a full date ("15 July 2026", "May 11, 2026"): the day a release
# or an update was issued, printed under its title
_ISSUE_LINE = re.compile(
    r"^[ \t]*(?:(?:" + "|".join(_WEEKDAYS) + r"),?\s+)?(?:\d{1,2}\s+" + _MONTH_RE +
    r",?\s+\d{4}|" + _MONTH_RE + r"\s+\d{1,2},?\s+\d{4})[ \t]*$",
    re.IGNORECASE | re.MULTILINE)


# a line that says when a report was issued or what period it covers ("Issued by the
# Protection Working Group, 14 August 2026", "Reporting period: 3 to 9 August 2026")
_ISSUED_LINE = re.compile(
    r"^[ \t]*(?:issued|published|released|updated|last updated|posted|reporting period|"
    r"period covered|covering the period)\b[^\n]*?(?:\d{4}|" + _MONTH_RE + r")[^\n]*$",
    re.IGNORECASE | re.MULTILINE)


# a numbered issue's label and its day, under a report's title ("Flash Update No. 3 —
# 14 April 2026", "Situation Report No. 12, 3 May 2026")
_NUMBERED_ISSUE = re.compile(
    r"^[ \t]*[A-Za-z][A-Za-z \t]*?\b(?:update|report|sitrep|bulletin|brief|briefing|"
    r"snapshot|note)[ \t]+(?:no\.?|n[o°]|#)?[ \t]*\d+[ \t]*[—–:,|-][^\n]*?(?:\d{4}|"
    + _MONTH_RE + r")[ \t]*$", re.IGNORECASE | re.MULTILINE)


# the days a report covers, said on one of its first lines ("THE WEEK IN SECURITY: 9-15
# November", "Reporting period: 3 to 9 August 2026")
_COVERED = re.compile(
    r"\b(?P<first>\d{1,2})\s*(?:-|–|—|to|until)\s*(?P<last>\d{1,2})\s+(?P<month>"
    + _MONTH_RE + r")(?:,?\s+(?P<year>\d{4}))?\b", re.IGNORECASE)
_COVERED_HEAD = 300  # characters: the title and the lines under it
_COVERED_LINES = 4  # of which the first lines only
_HEADING_CHARS = 100  # a longer line is the story's text
_COVERED_DAYS = 14  # how long before the report the period may end


def covered_until(text: str, published: date | None) -> date | None:
    """The last day of the period a report covers, when a heading among its first lines
    says it ("THE WEEK IN SECURITY: 9-15 November" in a round-up published on Monday
    16th) and it ends before the report, at most :data:`_COVERED_DAYS` earlier: the
    report's weekdays count back from it ("on Monday night" is the 9th, not the 16th).
    A sentence of the story ("Clashes on 10-12 May killed …") is no heading."""
    if published is None:
        return None
    headings = [line for line in text[:_COVERED_HEAD].splitlines()[:_COVERED_LINES]
                if len(line) <= _HEADING_CHARS and not line.rstrip().endswith(".")]
    match = next((m for m in map(_COVERED.search, headings) if m is not None), None)
    if match is None:
        return None
    month = next(i for i, name in enumerate(_MONTHS, 1)
                 if name.startswith(match.group("month").lower().rstrip(".")[:3]))
    year = int(match.group("year")) if match.group("year") else published.year
    try:
        last = date(year, month, int(match.group("last")))
    except ValueError:
        return None
    if last > published and not match.group("year"):
        last = last.replace(year=year - 1)
    return last if published - timedelta(days=_COVERED_DAYS) <= last < published else None


def issue_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) character offsets of lines that hold only a full date, or say
    when a report was issued or what period it covers: the day a release or an update
    was issued, which, like a dateline, dates no event."""
    return sorted([m.span() for m in _ISSUE_LINE.finditer(text)] +
                  [m.span() for m in _ISSUED_LINE.finditer(text)] +
                  [m.span() for m in _NUMBERED_ISSUE.finditer(text)])


@dataclass
class DateInfo:
    """A resolved (or unresolved) event date with its evidence."""

    date: str | None
    precision: str
    text: str | None
    reason: str
    attached: bool = False  # the expression hangs from the event's words in the parse
    # the expression is the day of the telling the event is reported in ("the ministry
    # said on Sunday", "in a statement posted on Monday"), not attached to the event
    telling: bool = False


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


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12, "thirteen": 13, "fifteen": 15, "twenty": 20, "thirty": 30}


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_start(day: date, back: int = 0) -> date:
    year, month = day.year, day.month - back
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


def _future(text: str, base: date) -> tuple[date, str] | None:
    """Expressions of days after ``base``: "tomorrow", "next week", "next Saturday"."""
    if re.search(r"\btomorrow\b", text):
        return base + timedelta(days=1), DAY
    match = re.search(r"\b(next|coming|following)\s+(week|weekend|month|year|" +
                      "|".join(_WEEKDAYS) + r")\b", text)
    if match is None or re.search(r"\b(the|a)\s+following\b", text):
        return None
    unit = match.group(2)
    if unit in ("week", "weekend"):
        return _monday(base) + timedelta(days=7), WEEK
    if unit == "month":
        return (date(base.year + 1, 1, 1) if base.month == 12 else
                date(base.year, base.month + 1, 1)), MONTH
    if unit == "year":
        return date(base.year + 1, 1, 1), YEAR
    ahead = (_WEEKDAYS.index(unit) - base.weekday()) % 7 or 7
    return base + timedelta(days=ahead), DAY


def _relative(text: str, base: date) -> tuple[date, str] | None:
    """Expressions resolved by rule against the publication date."""
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", text):
        return base, DAY
    future = _future(text, base)
    if future is not None:
        return future
    match = re.search(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                      r"eleven|twelve|fifteen|twenty|thirty) (month|year)s? ago\b", text)
    if match:  # "ten years ago (this week)": an anniversary looks back that far
        amount = match.group(1)
        n = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
        if match.group(2) == "year":
            return date(base.year - n, 1, 1), YEAR
        return _month_start(base, n), MONTH
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
    if re.search(r"\b(this|current) month\b", text):
        return _month_start(base), MONTH
    if re.search(r"\b(last|previous) year\b|\byear ago\b", text):
        return date(base.year - 1, 1, 1), YEAR
    if re.search(r"\b(this|current|present) year\b", text):
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


# a day of the week as a whole word (whole words do not overlap: one scan finds them all)
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")


def weekdays_named(text: str) -> set[int]:
    """The days of the week (0 = Monday) that ``text`` names as whole words."""
    return {_WEEKDAYS.index(name) for name in _WEEKDAY_WORD.findall(text.lower())}


@lru_cache(maxsize=4096)
def resolve_date(expression: str, published: date | None) -> DateInfo:
    """Resolve one date expression ("the evening of May 14", "last week")."""
    text = " ".join(expression.lower().split()).rstrip(" :;,-–—")  # "Friday 6 November:"
    while True:
        stripped = _LEADING.sub("", text)
        if stripped == text:
            break
        text = stripped
    if not text or (_DURATION.search(text) and "ago" not in text):
        return DateInfo(None, UNRESOLVED, expression, f"{expression!r} is a duration, not a date")
    numeric = _numeric_day(text)
    if numeric is not None:
        return DateInfo(numeric.isoformat(), DAY, expression,
                        f"{expression!r} read as a day (day.month.year)")
    has_year = re.search(r"\b(1[89]|20)\d\d\b", text) is not None
    has_month = re.search(rf"\b{_MONTH_RE}(?=\s|$|,)", text) is not None
    has_day = re.search(r"\b([0-3]?\d)(st|nd|rd|th)?\b", re.sub(r"\b(1[89]|20)\d\d\b", "",
                                                                 text)) is not None
    if published is not None:
        rel = _relative(text, published)
        if rel is not None:
            day, precision = rel
            return DateInfo(day.isoformat(), precision, expression,
                            f"{expression!r} counted from the report's date "
                            f"{published.isoformat()}")
    elif not has_year:
        return DateInfo(None, UNRESOLVED, expression,
                        f"{expression!r} needs a publication date to resolve")
    if not (has_year or has_month):
        return DateInfo(None, UNRESOLVED, expression, f"{expression!r} is not a calendar date")
    clean = re.sub(r"\b(early|late|mid|the|evening|morning|night|afternoon|of|on|dawn|"
                   r"noon|midnight|summer|winter|spring|autumn|fall)\b", " ", text)
    clean = re.sub(r"[\[\]()]", " ", clean)
    clean = _COUNT_AFTER.sub("", clean)  # "15 May three [residents]": the tagger's overreach
    parsed = _dateparser(" ".join(clean.split()), published)
    first = _first_of_range(clean)
    if parsed is None and first:
        # "November and December 2024", "May 3 to 5": the stretch begins with the first
        info = resolve_date(first, published)
        return DateInfo(info.date, info.precision, expression,
                        f"{info.reason}, the start of {expression!r}")
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


def in_the_year(info: DateInfo, year: int) -> DateInfo:
    """A calendar day or month told without a year ("on August 15") read in ``year``, the
    year its paragraph is set in ("In August 2014, fighters overran Sinjar. … on August
    15 they shot dead several hundred men"): the narrative keeps the year it last named.
    Any other date (one with its own year, a weekday, "last week") stays as it is."""
    text = info.text
    if text is None or info.precision not in (DAY, MONTH) or \
            YEAR_IN_TEXT.search(text) is not None or \
            re.search(rf"\b{_MONTH_RE}(?=\s|$|,)", text.lower()) is None:
        return info
    again = resolve_date(text, date(year, 12, 31))
    if again.date is None or again.date[:4] != str(year) or again.precision != info.precision:
        return info
    return DateInfo(again.date, again.precision, text,
                    f"{text!r} read as a {again.precision} of {year}, the year its paragraph "
                    f"is set in", info.attached, info.telling)


# an hour of the day with no calendar day ("6 p.m.", "11:42", "around 3 a.m.", "midnight")
CLOCK_TIME = re.compile(r"^(?:(?:about|around|at|by|until|before|after|shortly|just)\s+)*"
                        r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|\d{1,2}:\d{2}|"
                        r"midnight|noon)$", re.IGNORECASE)


# a line that opens with a time label: a live blog's "08:15 —", a round-up's "Monday:"
# (also after the item's place: "Daraa — Monday:"), a log's "12 March:" or "Saturday,
# 7 November -" (the entries under it happened then)
_HEADING = re.compile(
    r"\s*(?:[-•*]\s*)?(?:[A-Z][\w'’ .-]{0,40}?\s+(?:—|–)\s+(?=(?:" + "|".join(_WEEKDAYS)
    + r")\s*:))?(?:(?P<clock>\d{1,2}[:.]\d{2}(?:\s*(?:a\.m\.|p\.m\.|am|pm|gmt|utc|"
    r"local))?)|(?P<day>(?:(?:" + "|".join(_WEEKDAYS) + r"),?\s+)?(?:(?:" + _MONTH_RE
    + r")\s+\d{1,2}|\d{1,2}\s+(?:" + _MONTH_RE + r"))|(?:" + "|".join(_WEEKDAYS) + r")))"
    r"\s*(?:—|–|--|:|-\s)", re.IGNORECASE)


def line_headings(text: str, anchor: date | None) -> dict[int, DateInfo]:
    """The date of each line (by its start offset) that opens with a time label: a clock
    time is the anchor's day (a live blog's entries are of the day it is filed), a day
    or a date resolves against the anchor."""
    out: dict[int, DateInfo] = {}
    if anchor is None:
        return out
    start = 0
    for line in text.split("\n"):
        match = _HEADING.match(line)
        if match is not None:
            if match.group("clock"):
                out[start] = DateInfo(anchor.isoformat(), DAY, match.group("clock"),
                                      f"the entry's time {match.group('clock')!r}: "
                                      f"the day the report was filed")
            else:
                info = resolve_date(match.group("day"), anchor)
                if info.precision != UNRESOLVED:
                    out[start] = DateInfo(info.date, info.precision, info.text,
                                          f"{info.reason}, the label the line opens with")
        start += len(line) + 1
    return _in_order(out)


def _in_order(headings: dict[int, DateInfo]) -> dict[int, DateInfo]:
    """A round-up's weekday labels told in the order of the days ("Monday: … Tuesday: …"
    in a digest filed on the Monday after): a weekday named before a later-told earlier
    weekday is the week before, not the day of filing (dated labels keep their dates)."""
    later: date | None = None
    for start in sorted(headings, reverse=True):
        info = headings[start]
        if info.precision != DAY or info.date is None or info.text is None or \
                not weekdays_named(info.text):
            continue
        day = date.fromisoformat(info.date)
        if later is not None and day > later:
            day -= timedelta(days=7 * -(-(day - later).days // 7))
            headings[start] = DateInfo(day.isoformat(), DAY, info.text,
                                       f"{info.reason}; the week before, as the labels "
                                       f"after it go on from it")
        later = day
    return headings


# a count the date tagger took into a date ("on 15 May three residents died")
_COUNT_AFTER = re.compile(r"(?<=[a-z.])\s+(?:one|two|three|four|five|six|seven|eight|nine|"
                          r"ten|dozens|hundreds)\s*$")


def _first_of_range(text: str) -> str:
    """The first part of a stretch told as two ("november and december 2024" ->
    "november 2024"), with the year the second part carries; '' when it is not one."""
    parts = re.split(r"\s+(?:and|to|through|until|or)\s+|\s*[-–]\s*", text.strip(), maxsplit=1)
    if len(parts) != 2 or not parts[0]:
        return ""
    year = re.search(r"\b(1[89]|20)\d\d\b", parts[1])
    if year and not re.search(r"\b(1[89]|20)\d\d\b", parts[0]):
        return f"{parts[0]} {year.group(0)}"
    return parts[0]


def _attached(ent: Span, anchors: set[int], *, through_since: bool = True) -> bool:
    """Whether a date entity hangs from one of the ``anchors`` in the parse (at most four
    steps up); with ``through_since`` false, not by way of "since" (the start of a
    comparison: "the deadliest attack since July")."""
    tok = span_root(ent)
    for _ in range(4):
        if tok.i in anchors:
            return True
        if tok.head.i == tok.i or (not through_since and tok.lower_ == "since"):
            return False
        tok = tok.head
    return False


YEAR_SHAPE = re.compile(r"(?:1[89]|20)\d\d")  # a number that may be a year
# such a number as a word of a text: ``\b(?:1[89]|20)\d\d\b``, the word boundary before
# it tested once its first two digits have matched (the same matches, but the search
# skips ahead to a 1 or a 2 instead of trying the boundary at every character)
YEAR_IN_TEXT = re.compile(r"(?:1[89]|20)(?<!\w..)\d\d\b")
# a day written in figures with dots, day first as everywhere it is so written
# ("On 14.02.2026 at about 07:30 hours": police notes, European and South Asian press)
# the days a report counts from its own ("this morning", "last night"), which the tagger
# sometimes leaves out in a long text (not as a possessive, "this morning's shelling": a
# happening already told, referred to)
DEICTIC_DAY = re.compile(r"\b(?:[Tt]his (?:morning|afternoon|evening)|[Yy]esterday(?: (?:morning|"
                         r"afternoon|evening))?|[Ll]ast night|[Tt]onight)\b(?!['’]s\b)")
NUMERIC_DATE = re.compile(rf"\b([0-3]?\d)\.([01]?\d)\.({YEAR_SHAPE.pattern})\b")


def _numeric_day(text: str) -> date | None:
    """The day a dotted numeric date names ("14.02.2026"), None if there is none or it is
    no calendar day."""
    match = NUMERIC_DATE.search(text)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None

# a year named by the one told before it ("In May of that year", "the following year")
_TOLD_YEAR = re.compile(r"\b(that|the same|the following|the next|the previous) year\b",
                        re.IGNORECASE)
_YEAR_STEP = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1}


def with_told_year(ent: Span) -> str:
    """A date expression with the year it refers back to written out ("In May of that
    year", after "since September 2023", -> "In May of 2023"); the expression itself when
    it names no such year or no year was told before it. Only a year told as a date counts
    ("the Hotel 2000", "killed 1990 cattle" tell none)."""
    text = span_text(ent)
    match = _TOLD_YEAR.search(text)
    if match is None:
        return text
    years = [year for told in doc_entities(ent.doc)[0] if told.label_ == "DATE" and
             told.end_char <= ent.start_char and not _counts_something(told)
             for year in YEAR_IN_TEXT.findall(told.text)]
    if not years:
        return text
    year = int(years[-1]) + _YEAR_STEP[match.group(1).lower()]
    return f"{text[:match.start()]}{year}{text[match.end():]}"


# the future auxiliaries, and "would" of a future told in reported speech ("said he would travel")
_FUTURE_AUX = FUTURE_AUX | {"would"}


def _of_another_future(ent: Span, anchors: set[int]) -> bool:
    """Whether a date expression belongs to another clause in the future ("condemned the
    attacks and said he would travel to Cauca on Thursday"): not the event's date."""
    tok = span_root(ent)
    for _ in range(4):
        if tok.i in anchors:
            return False
        if tok.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_STRETCH_TO = frozenset({"to", "until", "till", "through", "-", "–", "—"})


def _ends_a_stretch(ent: Span, ents: Sequence[Span]) -> bool:
    """Whether a date expression is the end of a stretch another one begins ("the night
    from Monday to Tuesday", "Tuesday to Wednesday"): the happening is dated by the
    first day, when it began."""
    if ent.start < 2:
        return False
    words = doc_words(ent.doc)
    if words[ent.start - 1].lower_ not in _STRETCH_TO:
        return False
    return any(other.end == ent.start - 1 for other in ents)


def _counts_something(ent: Span) -> bool:
    """A bare number that counts a noun ("2000 families", "1500 houses"), not a year. A
    year that names one thing ("the 2004 Tak Bai incident", "the 2018 fire") counts
    nothing: a singular noun is not counted."""
    if len(ent) != 1 or not ent[0].like_num or NUMERIC_DATE.fullmatch(ent.text):
        return False  # a day written in figures ("14.02.2026") counts nothing
    tok = doc_words(ent.doc)[ent.start]
    plural_next = tok.i + 1 < len(tok.doc) and tok.nbor(1).tag_ in ("NNS", "NNPS")
    if YEAR_SHAPE.fullmatch(tok.text) and tok.head.tag_ in ("NN", "NNP") and not plural_next:
        return False
    counts = tok.dep_ in ("nummod", "quantmod", "compound") and tok.head.pos_ in ("NOUN",
                                                                                "PROPN")
    return counts or plural_next


def _some_weekday(ent: Span) -> bool:
    """A day of the week with an indefinite article ("on a Saturday evening in October
    2025"): some such day, not the last one before the report; the month or year the
    sentence names dates the event."""
    if ent.start == 0 or not weekdays_named(ent.text) or re.search(r"\d", ent.text):
        return False
    return doc_words(ent.doc)[ent.start - 1].lower_ in ("a", "an", "one")


_SPAN_BACK = re.compile(r"(\d+|[a-z]+)[- ](day|week|month|year)s?")


def _counted_back(ent: Span, trigger: Word, published: date | None) -> DateInfo | None:
    """The date of an event told in a clause that a stretch of time comes "after" ("two
    days after rival groups fought", "Two years after thousands filled the avenue"): that
    stretch before the day the rest of the sentence tells, else before the report's day
    (see ``_main_clause_day``). None when the expression is not such a stretch or the
    trigger is not in its clause."""
    doc = ent.doc
    match = _SPAN_BACK.fullmatch(" ".join(span_text(ent).lower().split()))
    if published is None or match is None or ent.end >= len(doc) or \
            doc_words(doc)[ent.end].lower_ != "after":
        return None
    amount = match.group(1)
    n = int(amount) if amount.isdigit() else _NUMBER_WORDS.get(amount)
    after = doc_words(doc)[ent.end]
    clause = after.head if after.dep_ == "mark" else after
    if n is None or not clause.left_edge.i <= trigger.i <= clause.right_edge.i or \
            trigger.i < after.i:
        return None
    unit = match.group(2)
    base, whose = _main_clause_day(ent, clause, published)
    if unit == "day":
        day, precision = base - timedelta(days=n), DAY
    elif unit == "week":
        day, precision = _monday(base) - timedelta(days=7 * n), WEEK
    elif unit == "month":
        day, precision = _month_start(base, n), MONTH
    else:
        day, precision = date(base.year - n, 1, 1), YEAR
    return DateInfo(day.isoformat(), precision, ent.text,
                    f"{ent.text!r} after it: counted back from {whose} "
                    f"{base.isoformat()}", _attached(ent, {trigger.i}))


def _unnamed_stretch(trigger: Word) -> Span | None:
    """A stretch of time before "after" in the trigger's clause that the entity
    recogniser leaves out ("stopped work …, *a day* after two drivers were shot dead"), as
    a DATE span for :func:`_counted_back`; None when there is none."""
    from spacy.tokens import Span

    doc = trigger.doc
    for head in [trigger, *list(trigger.ancestors)[:3]]:
        after = next((c for c in head.children if c.lower_ == "after"), None)
        if after is None:
            continue
        noun = next((c for c in (*head.children, *after.children)
                     if c.dep_ == "npadvmod" and c.i + 1 == after.i), None)
        if noun is None or not _SPAN_BACK.fullmatch(
                " ".join(w.lower_ for w in doc[noun.left_edge.i:after.i])):
            return None
        return Span(doc, noun.left_edge.i, after.i, label="DATE")
    return None


def _clause_has_own_date(ent: Span, trigger: Word, ents: Sequence[Span]) -> bool:
    """Whether ``ent`` is a stretch before "after" ("a day after mortar shells struck …")
    whose clause, which holds the trigger, names a date of its own ("… on Tuesday
    afternoon"): that date is the happening's; the stretch counts back from another
    happening ("The attack came a day after …"), whose day the sentence may not tell."""
    doc = ent.doc
    if ent.end >= len(doc) or doc_words(doc)[ent.end].lower_ != "after" or \
            _SPAN_BACK.fullmatch(" ".join(span_text(ent).lower().split())) is None:
        return False
    after = doc_words(doc)[ent.end]
    clause = after.head if after.dep_ == "mark" else after
    if not clause.left_edge.i <= trigger.i <= clause.right_edge.i:
        return False
    return any(other.start != ent.start and
               clause.left_edge.i <= other.start <= clause.right_edge.i for other in ents)


def _purpose(verb: Word) -> bool:
    """Whether a verb is an infinitive of purpose ("blocked the road to protest …")."""
    return verb.dep_ in ("advcl", "xcomp", "acl") and verb.head.pos_ in ("VERB", "AUX") and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _in_a_purpose(ent: Span, trigger: Word) -> bool:
    """Whether a date belongs to an infinitive of purpose (the first verb above it is "to
    protest", "to demand" …) whose words do not hold the trigger, or which is the
    trigger: "youths blocked the highway yesterday to protest the abduction of travellers
    last week" — "last week" is the day of what the protest is about, not of the
    blockade."""
    tok = span_root(ent)
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            break
    return _purpose(tok) and (tok.i == trigger.i or
                              not tok.left_edge.i <= trigger.i <= tok.right_edge.i)


def _main_clause_day(ent: Span, clause: Word, published: date) -> tuple[date, str]:
    """The day a stretch "after" a clause counts back from: the day the rest of the
    sentence tells ("On Friday, two days after rival groups fought, police arrested 20
    people": Friday), else the report's day."""
    for other in entities_in(sentence_of(ent.root)):
        if other.label_ != "DATE" or other.start == ent.start or \
                clause.left_edge.i <= other.start <= clause.right_edge.i:
            continue
        info = resolve_date(other.text, published)
        if info.precision == DAY and info.date is not None:
            return date.fromisoformat(info.date), f"the day the sentence tells, {other.text!r},"
    return published, "the report's date"


# verbs whose subject is the cause of what they tell ("the killing sparked protests")
_CAUSES = frozenset({"spark", "trigger", "prompt", "provoke", "fuel", "ignite", "cause"})


def _hangs_from(ent: Span, trigger: Word, anchors: set[int], *,
                through_since: bool = True) -> bool:
    """Whether a date expression belongs to the trigger's words: attached in the parse,
    except that a bare date between a subject and its verb ("The killing of the activist
    last month sparked protests", which the parser hangs from the verb) is the subject's."""
    subject = _subject_of(ent)
    if subject is not None:
        return subject.left_edge.i <= trigger.i <= subject.right_edge.i
    return _told_clause_of(ent) is None and _attached(ent, anchors, through_since=through_since)


def _told_clause_of(ent: Span) -> Word | None:
    """The reported clause a date told right after its verb of telling and before the
    clause's subject is put in front of ("the army said on Sunday it had repelled an
    attack", which the parser hangs from "repelled"): the date is the verb of telling's,
    not attached to the reported happening, since the clause begins at its subject. None
    when the date is inside the clause."""
    tok = span_root(ent)
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.dep_ != "ccomp" or not _telling_verb(verb.head) or verb.head.i > ent.start:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    # the clause begins at its "that" when it has one ("said that on Thursday the air
    # force struck …": Thursday is the strike's)
    start = min([subject.left_edge.i] + [c.i for c in verb.children if c.dep_ == "mark"])
    return verb if start >= ent.end else None


def _subject_of(ent: Span) -> Word | None:
    """The subject a bare date told between it and its verb belongs to, or None."""
    head = span_root(ent)
    verb = head.head
    if head.dep_ != "npadvmod" or verb.pos_ not in ("VERB", "AUX") or ent.end > verb.i:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.i < ent.start), None)


# verbs of telling and publishing: the day they carry is the report's, not the event's
_TELLING = frozenset({"say", "tell", "report", "announce", "claim", "post", "publish",
                      "carry", "read", "state", "confirm", "add", "issue", "release",
                      "broadcast", "write", "quote"})


# what a verb like "give" tells when it carries them ("gave different accounts on
# Wednesday of a battle", "gave details on Monday"): then it is a verb of telling
_TOLD_THINGS = frozenset({"account", "statement", "detail", "version", "briefing",
                          "update", "interview", "testimony"})


def _telling_verb(verb: Word) -> bool:
    """A verb of telling or publishing, or one that gives an account (:data:`_TOLD_THINGS`)."""
    return lemma(verb) in _TELLING or (lemma(verb) in ("give", "provide") and any(
        c.dep_ == "dobj" and lemma(c) in _TOLD_THINGS for c in verb.children))


def _day_of_telling(ent: Span) -> bool:
    """Whether a date expression belongs to a verb of telling or publishing told before it:
    the first verb above it in the parse ("the disaster management ministry said on
    Sunday", "in a statement posted on its channel on Monday", "a communique read on
    Saturday"; a date fronted before the verb sets the sentence's time: "Early on Tuesday,
    the Assam Rifles said it had arrested …", and a happening "was reported on Sunday"
    happened then)."""
    tok = span_root(ent)
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            # a happening "was reported on Sunday": it happened then
            return _telling_verb(tok) and tok.i < ent.start and not any(
                c.dep_ == "nsubjpass" for c in tok.children)
    return False


def event_date(trigger: Word, predicate: Word | None, sent: Span | list[Span],
               published: date | None, *, skip_before: int = 0,
               attached_only: bool = False) -> DateInfo:
    """The date of the event whose trigger is ``trigger``: the date expression attached
    to it in the parse, else the sentence's only or first date expression. ``sent`` is
    the trigger's sentence or, faster in long documents, its DATE/TIME entities.

    ``published`` is the anchor of relative expressions (the dateline's day when the
    report has one); date expressions that start before character ``skip_before`` (the
    dateline's, also when the parse runs them on into the text: "8 July - Niger's") and
    numbers that count something are not the event's date. With
    ``attached_only`` (a reference to an event: "condemned the massacre on Wednesday"),
    only a date attached to the trigger itself, not by way of "since", counts, and a
    stretch counted from it ("twelve years after the attack")."""
    anchors = {trigger.i}
    if predicate is not None:
        anchors.add(predicate.i)
    # a happening told as the cause of another ("The killing of the activist sparked
    # protests on Friday") has only the dates of its own words
    attached_only = attached_only or (trigger.dep_ in ("nsubj", "nsubjpass") and
                                      lemma(trigger.head) in _CAUSES)
    found = entities_in(sent) if not isinstance(sent, list) else sent
    stretch = _unnamed_stretch(trigger)
    if stretch is not None and not any(e.start < stretch.end and stretch.start < e.end
                                       for e in found):
        found = [*found, stretch]
    ents = [e for e in found if e.label_ in ("DATE", "TIME")
            and e.start_char >= skip_before and not _counts_something(e)
            and not _some_weekday(e)
            and not _of_another_future(e, anchors) and not _ends_a_stretch(e, found)
            and not _of_a_relative_clause(e, trigger)
            and (not attached_only or _hangs_from(e, trigger, {trigger.i}, through_since=False)
                 or _counted_back(e, trigger, published) is not None)]
    if not ents:
        return DateInfo(None, UNRESOLVED, None, "no date in the sentence")
    # "blocked the road on Monday to protest …": the blockade's day ranks as the trigger's
    ranking = anchors | {trigger.head.i} if _purpose(trigger) else anchors
    # (a stretch counted back from another happening never dates one whose clause
    # names its own day, even when the parse hangs that day on a noun: "a day after
    # fighters abducted five people on the Muyuka road on Sunday evening")
    ranked = sorted(ents, key=lambda e: (_clause_has_own_date(e, trigger, ents),
                                         not _hangs_from(e, trigger, ranking),
                                         _in_a_purpose(e, trigger),
                                         _subject_of(e) is not None,
                                         abs(e.start - trigger.i)))
    first_failure: DateInfo | None = None
    for ent in ranked:
        info = _counted_back(ent, trigger, published) or resolve_date(
            with_told_year(ent), published)
        if info.precision == UNRESOLVED:
            info = _days_after_told(ent, found, published, skip_before) or info
        if info.precision != UNRESOLVED:
            attached = _hangs_from(ent, trigger, anchors)
            telling = not attached and _day_of_telling(ent)
            where = "attached to the trigger" if attached else \
                "the day it was told" if telling else "in the sentence"
            return DateInfo(info.date, info.precision, info.text, f"{info.reason}, {where}",
                            attached, telling)
        first_failure = first_failure or info
    assert first_failure is not None
    return first_failure


def _of_a_relative_clause(ent: Span, trigger: Word) -> bool:
    """Whether a date belongs to a relative clause on a participant of the trigger, its
    subject or object ("are fighting AFC/M23 rebels who took positions on the hills above
    the village last week": the day of the taking, not of the fighting). A relative
    clause on the trigger itself ("the attack, which took place last week") dates it, and
    so does one on the time it names ("were killed during the war, which ended in
    1996")."""
    tok = span_root(ent)
    for _ in range(4):
        if tok.i == trigger.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "relcl":
            noun = tok.head
            return noun.head.i == trigger.i and noun.dep_ in _PARTICIPANTS
        tok = tok.head
    return False


_PARTICIPANTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _days_after_told(ent: Span, found: Sequence[Span], published: date | None,
                     skip_before: int) -> DateInfo | None:
    """The day a relative expression counts from a day told before it in its sentence
    ("shot dead … on Sunday, and one militant was killed in a gunfight *the next day*":
    Monday); None when it is no such expression or nothing before it names a day."""
    later = days_after_before(ent.text)
    if later is None:
        return None
    for before in reversed([e for e in found if e.label_ in ("DATE", "TIME")
                            and e.end <= ent.start and e.start_char >= skip_before
                            and not _counts_something(e)]):
        info = resolve_date(with_told_year(before), published)
        if info.precision == DAY and info.date is not None:
            day = date.fromisoformat(info.date) + timedelta(days=later[0])
            return DateInfo(day.isoformat(), DAY, ent.text,
                            f"{ent.text!r}: {abs(later[0])} day(s) "
                            f"{'after' if later[0] > 0 else 'before'} {before.text!r}")
    return None


def sentence_dates(ents: list[Span], published: date | None, *,
                   skip_before: int = 0) -> list[DateInfo]:
    """The resolved dates a sentence tells (``ents``: its DATE/TIME entities), leaving out
    the dateline, numbers that count something and the start of a comparison ("since
    2019"). A date that is the day of a telling (:func:`_day_of_telling`) is marked so."""
    out = []
    for ent in ents:
        if ent.start_char < skip_before or _counts_something(ent) or (
                ent.start > 0 and doc_words(ent.doc)[ent.start - 1].lower_ == "since"):
            continue
        info = resolve_date(with_told_year(ent), published)
        if info.precision != UNRESOLVED:
            info.telling = _day_of_telling(ent)
            out.append(info)
    return out
