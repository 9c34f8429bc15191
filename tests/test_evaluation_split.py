"""The tuning/check split of development files: stable, disjoint, about half each."""

import pytest

from geoevents.evaluation.split import half, select


def test_halves_are_disjoint_and_cover_everything():
    ids = [str(n) for n in range(2000)]
    tune = select(ids, "tune", key=str)
    check = select(ids, "check", key=str)
    assert set(tune).isdisjoint(check)
    assert sorted(tune + check, key=int) == ids
    assert 900 < len(tune) < 1100  # a hash split, not a prefix or a parity of the number


def test_half_depends_only_on_the_id():
    assert half("-571254129") == half("-571254129")
    assert {half(str(n)) for n in range(50)} == {"tune", "check"}
    assert select(["a", "b"], "all", key=str) == ["a", "b"]


def test_unknown_split_is_refused():
    with pytest.raises(ValueError, match="unknown split"):
        select(["a"], "dev", key=str)
