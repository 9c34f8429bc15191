"""What the event stage keeps per document answers as it did when computed each time: the
names in a place's slot (kept per sentence and set of toponyms) and the quotation state
of a token (found with the string's searches)."""

from __future__ import annotations

import pytest

from geoevents.events.extract import _in_quotes
from geoevents.events.location import _unrecognised
from geoevents.nlp import doc_sentences
from geoevents.pipeline import analyse


def test_names_in_place_slots_are_new_mentions_on_each_call():
    _, doc = analyse("Rebels captured Jabal al-Sayyid and the town of Sheikh Meskin on "
                     "Monday.", published="2025-05-12")
    sent = doc_sentences(doc)[0][0]
    first, again = _unrecognised(sent, []), _unrecognised(sent, [])
    assert [t.text for t in first] == ["al-Sayyid", "Sheikh Meskin"]
    assert again == first
    assert all(a is not b for a, b in zip(first, again, strict=True))  # (callers compare
    # mentions by identity: one call's are never another's)


def test_names_in_place_slots_follow_the_toponyms_given():
    _, doc = analyse("Rebels captured Jabal al-Sayyid and the town of Sheikh Meskin on "
                     "Monday.", published="2025-05-12")
    sent = doc_sentences(doc)[0][0]
    taken = _unrecognised(sent, [])[:1]
    assert [t.text for t in _unrecognised(sent, taken)] == ["Sheikh Meskin"]
    assert [t.text for t in _unrecognised(sent, [])] == ["al-Sayyid", "Sheikh Meskin"]


@pytest.mark.parametrize(("word", "inside"), [
    ("army", True),  # a curly quote opened, then a straight pair opened and closed
    ("today", False),  # after the curly quote that closes it
    ("police", True),  # a straight quote opened after a closed curly pair
    ("wrote", False),
])
def test_quotation_marks_of_both_kinds_before_a_word(word, inside):
    _, doc = analyse('He said \u201cwe "left" the town and the army came\u201d today. He wrote '
                     '\u201cno\u201d and "the police came.', published="2025-05-12")
    assert _in_quotes(next(t for t in doc if t.text == word)) is inside
