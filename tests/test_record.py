"""Records behave as the frozen dataclasses they replace: the rules rely on equality,
hashing (figures and claims are dict keys) and ordering (the latest period wins)."""

from __future__ import annotations

import pickle

import pytest

from statlint.periods import Period, Point
from statlint.record import FrozenInstanceError, field, record, replace


@record
class Pair:
    left: int
    right: list = field(default_factory=list, compare=False)


@record
class Single:
    left: int


@record(frozen=False)
class Tally:
    seen: list = field(default_factory=list)


def test_equal_by_value_within_a_class_only():
    assert Point(2019, 3) == Point(2019, 3, 0) and hash(Point(2019, 3)) == hash(Point(2019, 3))
    assert Pair(1, [2]) == Pair(1, [3])  # right is not compared
    assert Pair(2019) != Single(2019)  # the same values in another class
    assert len({Point(2019), Point(2019), Point(2020)}) == 2


def test_ordering_follows_the_fields_in_order():
    spring, winter = Point(2024, 3), Point(2023, 12)
    assert sorted([spring, winter]) == [winter, spring] and max(spring, winter) is spring
    assert Period(winter, spring) < Period(spring, spring)
    with pytest.raises(TypeError):
        _ = Point(2024) < Period(winter, spring)


def test_frozen_records_refuse_assignment_and_replace_copies():
    point = Point(2024, 3)
    with pytest.raises(FrozenInstanceError):
        point.year = 2025
    assert replace(point, day=31) == Point(2024, 3, 31) and point.day == 0


def test_default_factories_give_each_record_its_own_value():
    first, second = Tally(), Tally()
    first.seen.append(1)
    assert second.seen == [] and Tally.__hash__ is None


def test_records_survive_pickling_between_processes():
    point = Point(2024, 3, 31)
    assert pickle.loads(pickle.dumps(point)) == point
    assert repr(point) == "Point(year=2024, month=3, day=31)"
