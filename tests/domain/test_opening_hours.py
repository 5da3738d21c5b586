"""Opening hours: the compact text read and written back, and what is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_desk.domain.opening_hours import (
    ALWAYS,
    always_open,
    closed_week,
    day_groups,
    format_hours,
    parse_hours,
)


def test_a_doctors_week() -> None:
    week = parse_hours("Mo-Fr 08:30-12:00,14:00-19:00; Sa 09:00-12:00")
    assert week[0] == week[4] == ((510, 720), (840, 1140))
    assert week[5] == ((540, 720),) and week[6] == ()
    assert format_hours(week) == "Mo-Fr 08:30-12:00,14:00-19:00; Sa 09:00-12:00"
    assert day_groups(week) == [(0, 4, week[0]), (5, 5, week[5])]


def test_canonical_text_groups_equal_days_and_sorts_ranges() -> None:
    week = parse_hours(
        "Mo,Tu 14:00-18:00,8:00-12:00; We 08:00-12:00; Th-Fr 08:00-12:00,14:00-18:00"
    )
    assert format_hours(week) == (
        "Mo-Tu 08:00-12:00,14:00-18:00; We 08:00-12:00; Th-Fr 08:00-12:00,14:00-18:00"
    )


def test_always_and_never() -> None:
    assert parse_hours(ALWAYS) == always_open() and format_hours(always_open()) == "24/7"
    assert parse_hours("") == closed_week() and format_hours(closed_week()) == ""
    assert parse_hours("Mo-Su 00:00-24:00") == always_open()


@pytest.mark.parametrize(
    "text",
    [
        "Lu-Ve 08:00-12:00",  # French day names are for display only
        "Mo 08:00",
        "Mo 12:00-08:00",
        "Mo 08:00-12:00,11:00-14:00",
        "Mo 24:00-24:00",
        "Mo 08:60-12:00",
        "Fr-Mo 08:00-12:00",
        "Mo-Fr 08:00-12:00; We 14:00-16:00",
        "08:00-12:00",
    ],
)
def test_unreadable_hours_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_hours(text)


ranges = st.lists(st.integers(0, 48), min_size=0, max_size=6, unique=True).map(
    lambda cuts: tuple(
        (a * 30, b * 30) for a, b in zip(sorted(cuts)[::2], sorted(cuts)[1::2], strict=False)
    )
)


@given(st.tuples(*(ranges for _ in range(7))))
def test_format_then_parse_gives_the_week_back(
    week: tuple[tuple[tuple[int, int], ...], ...],
) -> None:
    assert parse_hours(format_hours(week)) == week
