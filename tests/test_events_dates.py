"""Event dates resolve against the publication date, or stay unresolved."""

from __future__ import annotations

from datetime import date

import pytest

from geoevents.errors import InputError
from geoevents.events.dates import parse_published, resolve_date

PUBLISHED = date(2025, 7, 10)  # a Thursday


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("on May 14", "2025-05-14", "day"),
    ("the evening of May 14", "2025-05-14", "day"),
    ("July 4", "2025-07-04", "day"),
    ("yesterday", "2025-07-09", "day"),
    ("last week", "2025-06-30", "week"),
    ("Earlier this month", "2025-07-01", "month"),
    ("on Tuesday", "2025-07-08", "day"),
    ("two days ago", "2025-07-08", "day"),
    ("11 December 2007", "2007-12-11", "day"),
    ("December 2001", "2001-12-01", "month"),
    ("last year", "2024-01-01", "year"),
])
def test_resolves_against_publication_date(text, expected, precision):
    info = resolve_date(text, PUBLISHED)
    assert (info.date, info.precision) == (expected, precision)
    assert info.text == text and info.reason


def test_day_after_publication_goes_to_previous_year():
    assert resolve_date("December 24", PUBLISHED).date == "2024-12-24"


@pytest.mark.parametrize("text", ["yesterday", "May 14", "last week", "earlier this month"])
def test_unresolved_without_publication_date(text):
    info = resolve_date(text, None)
    assert info.date is None and info.precision == "unresolved"
    assert "publication date" in info.reason


def test_absolute_dates_need_no_publication_date():
    assert resolve_date("Sept. 11, 2001", None).date == "2001-09-11"


@pytest.mark.parametrize("text", ["three days", "earlier", "the night before"])
def test_non_dates_stay_unresolved(text):
    assert resolve_date(text, PUBLISHED).precision == "unresolved"


def test_parse_published():
    assert parse_published("2025-07-10") == PUBLISHED
    assert parse_published(None) is None
    with pytest.raises(InputError):
        parse_published("not a date")
