"""Arguments of any type given to the Python API: only a valid result or this project's own
error comes out — QueryError for geocoding, InputError for texts and documents — never a
TypeError, AttributeError, OverflowError or a silently accepted wrong value.

Each test states which types an argument accepts; when any argument has another type the
call must raise the stated error, otherwise it may answer or raise that error (a string
that is no date, say), and an answer must have the documented type.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import geoevents
from geoevents.errors import GeoeventsError, InputError, QueryError
from geoevents.model import Document, Event, Place

# values of every kind a careless caller passes: None, bools, small and huge integers
# (10**5000 has no repr), floats with nan and infinities, bytes, text, lists, dicts
WRONG = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70),
    st.sampled_from([30, 63, 400, 5000]).map(lambda digits: 10**digits),
    st.floats(allow_nan=True, allow_infinity=True), st.binary(max_size=12),
    st.text(max_size=20), st.lists(st.integers(-5, 50), max_size=3),
    st.dictionaries(st.text(max_size=6), st.integers(), max_size=2),
)


def or_wrong(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A valid value or (as often) one of :data:`WRONG`."""
    return st.booleans().flatmap(lambda wrong: WRONG if wrong else valid)


SLOW = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(call: Callable[[], Any], error: type[GeoeventsError], *, must_fail: bool) -> Any:
    """The result of ``call``, or the ``error`` it raised; any other exception (or the
    error's sibling type) fails the test, as does a result when ``must_fail``."""
    try:
        result = call()
    except GeoeventsError as exc:
        assert isinstance(exc, error), f"{type(exc).__name__} where {error.__name__} is due"
        assert str(exc) and len(str(exc)) < 500, "the message is one readable sentence"
        event(type(exc).__name__)
        return exc
    assert not must_fail, f"a wrong argument was accepted: {result!r}"
    event("answered")  # --hypothesis-show-statistics shows how often each way is taken
    return result


def is_text(value: object) -> bool:
    return isinstance(value, str)


def is_optional_text(value: object) -> bool:
    return value is None or isinstance(value, str)


def is_int(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


# -- geocoding: QueryError ---------------------------------------------------------------------


@FAST
@given(query=or_wrong(st.sampled_from(["Jenin", "Austin, TX", "Gaza Strip"])),
       country=or_wrong(st.sampled_from(["PS", "US", "Israel"])),
       feature_class=or_wrong(st.sampled_from(["P", "A"])),
       fuzzy=or_wrong(st.booleans()))
@example(query="Paris", country=5, feature_class=None, fuzzy=True)
@example(query="Paris", country=None, feature_class=5, fuzzy=True)
@example(query={"city": 10**5000}, country=None, feature_class=None, fuzzy=True)
def test_geocode(query, country, feature_class, fuzzy):
    wrong = not (is_text(query) or isinstance(query, Mapping)) or not is_optional_text(country) \
        or not is_optional_text(feature_class) or not isinstance(fuzzy, bool)
    result = outcome(lambda: geoevents.geocode(query, country=country,
                                               feature_class=feature_class, fuzzy=fuzzy),
                     QueryError, must_fail=wrong)
    assert result is None or isinstance(result, (Place, QueryError))


@FAST
@given(name=or_wrong(st.sampled_from(["Jenin", "Springfield"])),
       limit=or_wrong(st.integers(1, 40)), fuzzy=or_wrong(st.booleans()))
@example(name="Paris", limit="x", fuzzy=True)
@example(name="Paris", limit=10**30, fuzzy=True)
@example(name="Paris", limit=2.5, fuzzy=True)
def test_search_and_matches(gaz, name, limit, fuzzy):
    wrong = not is_text(name) or not is_int(limit) or not isinstance(fuzzy, bool)
    out_of_range = is_int(limit) and not 1 <= limit <= 10_000
    places = outcome(lambda: gaz.search(name, limit=limit, fuzzy=fuzzy), QueryError,
                     must_fail=wrong or out_of_range)
    if isinstance(places, list):
        assert len(places) <= limit and all(isinstance(p, Place) for p in places)
    matches = outcome(lambda: gaz.matches(name, limit=limit, fuzzy=fuzzy), QueryError,
                      must_fail=wrong or out_of_range)
    if isinstance(matches, list):
        assert len(matches) <= limit


@FAST
@given(lat=or_wrong(st.floats(-90, 90)), lon=or_wrong(st.floats(-180, 180)))
@example(lat=10**400, lon=0)
@example(lat=True, lon=0)
def test_reverse(gaz, lat, lon):
    in_range = is_number(lat) and is_number(lon) and abs(lat) <= 90 and abs(lon) <= 180
    for call in (lambda: geoevents.reverse(lat, lon), lambda: gaz.reverse(lat, lon)):
        result = outcome(call, QueryError, must_fail=not in_range)  # nan is out of range
        assert result is None or isinstance(result, (Place, QueryError))


@FAST
@given(place_id=or_wrong(st.sampled_from(["geonames:281133", "local:gaza-strip"])),
       geonameid=or_wrong(st.just(281133)))
@example(place_id=5, geonameid="x")
@example(place_id=None, geonameid=10**30)
def test_get_and_by_geonameid(gaz, place_id, geonameid):
    place = outcome(lambda: gaz.get(place_id), QueryError, must_fail=not is_text(place_id))
    assert place is None or isinstance(place, (Place, QueryError))
    if isinstance(place, Place):
        assert place.id == place_id
    place = outcome(lambda: gaz.by_geonameid(geonameid), QueryError,
                    must_fail=not is_int(geonameid))
    assert place is None or isinstance(place, (Place, QueryError))
    if isinstance(place, Place):
        assert place.geonameid == geonameid


# -- texts and documents: InputError -----------------------------------------------------------

PUBLISHED = or_wrong(st.one_of(st.dates(), st.just("2023-07-05")))
SPANS = or_wrong(st.one_of(
    st.none(), st.lists(st.tuples(WRONG, WRONG), max_size=2),
    st.lists(st.tuples(st.integers(-2, 12), st.integers(-2, 12)), max_size=2)))


def spans_are_pairs(spans: object) -> bool:
    """Whether ``spans`` has the accepted type: None or a list of integer pairs."""
    return spans is None or (isinstance(spans, list) and all(
        isinstance(s, tuple) and len(s) == 2 and all(is_int(i) for i in s) for s in spans))


@SLOW
@given(text=or_wrong(st.just("Shelling hit Gaza City on Monday.")),
       toponyms=SPANS, published=PUBLISHED, doc_id=or_wrong(st.just("a1")))
@example(text="Gaza", toponyms=None, published=5, doc_id=None)
@example(text="Gaza", toponyms=None, published=None, doc_id=[5])
@example(text="Gaza City", toponyms=[(True, 3)], published=None, doc_id=None)
@example(text="Gaza City", toponyms=[(0, 10**5000)], published=None, doc_id=None)
@example(text="Gaza City", toponyms=[(5, 9), (0, 4)], published=None, doc_id=None)
def test_parse(text, toponyms, published, doc_id):
    wrong = not is_text(text) or not spans_are_pairs(toponyms) or \
        not (published is None or isinstance(published, (str, date))) or \
        not is_optional_text(doc_id)
    document = outcome(lambda: geoevents.parse(text, toponyms=toponyms, published=published,
                                               doc_id=doc_id),
                       InputError, must_fail=wrong)
    if isinstance(document, Document):
        assert document.text == text and document.doc_id == doc_id and document.error is None
        if toponyms is not None:
            found = [(t.start, t.end) for t in document.toponyms]
            assert sorted(found) == sorted((s, e) for s, e in toponyms)
            assert [start for start, _ in found] == sorted(s for s, _ in toponyms)  # text order


@SLOW
@given(text=or_wrong(st.just("Rockets were fired at Sderot yesterday.")),
       published=PUBLISHED)
@example(text="Rockets were fired at Sderot yesterday.", published=5)
def test_extract_events(text, published):
    wrong = not is_text(text) or not (published is None or isinstance(published, (str, date)))
    events = outcome(lambda: geoevents.extract_events(text, published=published), InputError,
                     must_fail=wrong)
    if isinstance(events, list):
        assert all(isinstance(e, Event) for e in events)


# n_process above 1 would start processes that load spaCy: only 1 and wrong values here
N_PROCESS = or_wrong(st.just(1)).filter(lambda v: not (is_int(v) and (v > 1 or v == -1)))


@SLOW
@given(items=or_wrong(st.lists(or_wrong(st.one_of(
           st.just("Shelling hit Gaza."),
           st.fixed_dictionaries({"text": or_wrong(st.just("Rockets hit Sderot."))},
                                 optional={"id": WRONG, "published": PUBLISHED}))),
           max_size=3)),
       n_process=N_PROCESS, batch_size=or_wrong(st.integers(1, 4)),
       events=or_wrong(st.booleans()))
@example(items=5, n_process=1, batch_size=64, events=True)
@example(items=["Gaza"], n_process="x", batch_size=64, events=True)
@example(items=["Gaza"], n_process=1, batch_size=0, events=True)
@example(items="Gaza", n_process=1, batch_size=64, events=True)
def test_parse_many(items, n_process, batch_size, events):
    """Settings of the wrong type fail at the call, before any document; items of the wrong
    type each become a Document with an error, and the batch goes on."""
    iterable = isinstance(items, list)
    wrong = not iterable or not is_int(n_process) or not is_int(batch_size) or \
        batch_size < 1 or not isinstance(events, bool)
    stream = outcome(lambda: geoevents.parse_many(items, n_process=n_process,
                                                  batch_size=batch_size, events=events),
                     InputError, must_fail=wrong)
    if isinstance(stream, InputError):
        return
    documents = list(stream)
    assert len(documents) == len(items) and all(isinstance(d, Document) for d in documents)
    for item, document in zip(items, documents, strict=True):
        usable = is_text(item) or (isinstance(item, dict) and is_text(item.get("text")))
        if not usable:
            assert document.error, f"{item!r} is no text, yet no error was recorded"


def test_batch_size_zero_is_refused_before_any_work():
    """It used to yield no documents at all, losing the whole input silently."""
    with pytest.raises(InputError, match=r"batch_size must be an integer from 1 to .*, got 0"):
        geoevents.parse_many(["Shelling hit Gaza."], batch_size=0)


@FAST
@given(value=or_wrong(st.floats(0, 1)))
@example(value=10**400)
@example(value=float("nan"))
def test_min_confidence(value):
    from geoevents.pipeline import geoparser

    valid = is_number(value) and 0 <= value <= 1
    parser = outcome(lambda: geoparser().with_min_confidence(value), InputError,
                     must_fail=not valid)
    if valid:
        assert parser.resolver.min_confidence == value


def test_an_id_with_no_text_form_fails_its_document_only():
    # an integer of thousands of digits has no str(): that record is an error, the batch
    # goes on (hypothesis found it in test_parse_many)
    documents = list(geoevents.parse_many([{"text": "Rockets hit Sderot.", "id": 10 ** 5000},
                                           "Shelling hit Gaza."], events=False))
    assert len(documents) == 2
    assert documents[0].error and "id" in documents[0].error and documents[0].doc_id is None
    assert not documents[1].error
