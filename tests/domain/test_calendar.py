"""Business days and business-hours arithmetic on the French calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_desk.domain.calendar import (
    PARIS,
    BusinessHours,
    add_business_days,
    add_business_hours,
    business_days_between,
    business_hours_between,
    is_business_day,
    is_public_holiday,
    next_business_day,
)


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2026, 5, 1), False),  # Fête du travail (Friday)
        (date(2026, 7, 14), False),  # Fête nationale (Tuesday)
        (date(2026, 4, 6), False),  # Lundi de Pâques
        (date(2026, 4, 3), True),  # Good Friday: a holiday in Alsace-Moselle only
        (date(2026, 11, 28), False),  # Saturday
        (date(2026, 11, 29), False),  # Sunday
        (date(2026, 11, 30), True),
    ],
)
def test_is_business_day(day: date, expected: bool) -> None:
    assert is_business_day(day) is expected


def test_public_holiday_lookup() -> None:
    assert is_public_holiday(date(2026, 12, 25))
    assert not is_public_holiday(date(2026, 12, 24))


def test_add_business_days_across_weekend_and_holidays() -> None:
    assert add_business_days(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Fri → Mon
    assert add_business_days(date(2026, 4, 30), 1) == date(2026, 5, 4)  # Thu → (1 May) → Mon
    assert add_business_days(date(2026, 4, 2), 2) == date(2026, 4, 7)  # over Easter Monday
    assert add_business_days(date(2026, 7, 13), 1) == date(2026, 7, 15)  # over 14 July
    assert add_business_days(date(2026, 5, 4), -1) == date(2026, 4, 30)
    assert add_business_days(date(2026, 11, 28), 0) == date(2026, 11, 28)
    assert next_business_day(date(2026, 5, 1)) == date(2026, 5, 4)


def test_business_days_between_excludes_start_includes_end() -> None:
    assert business_days_between(date(2026, 11, 27), date(2026, 11, 30)) == 1
    assert business_days_between(date(2026, 4, 30), date(2026, 5, 4)) == 1
    assert business_days_between(date(2026, 11, 30), date(2026, 11, 30)) == 0
    assert business_days_between(date(2026, 11, 30), date(2026, 11, 27)) == -1
    # 2026: 261 weekdays, 9 of the 11 holidays fall on a weekday (15 Aug and 1 Nov on weekends).
    assert business_days_between(date(2025, 12, 31), date(2026, 12, 31)) == 252


@given(st.dates(date(2020, 1, 1), date(2030, 12, 31)), st.integers(0, 80))
def test_business_days_round_trip_and_brute_force(start: date, n: int) -> None:
    end = add_business_days(start, n)
    assert business_days_between(start, end) == n
    brute = sum(
        1 for k in range(1, (end - start).days + 1) if is_business_day(start + timedelta(days=k))
    )
    assert brute == n


def test_sla_hours_across_weekend() -> None:
    # Friday 15:00 + 4 business hours: 2 h on Friday, 2 h from Monday 8:30.
    assert add_business_hours(paris(2026, 11, 27, 15, 0), 4) == paris(2026, 11, 30, 10, 30)
    assert business_hours_between(paris(2026, 11, 27, 15, 0), paris(2026, 11, 30, 10, 30)) == 4


def test_sla_hours_across_public_holiday() -> None:
    # Thursday 30 April 2026 16:00 + 2 h: 1 h, then Friday 1 May and the weekend are skipped.
    assert add_business_hours(paris(2026, 4, 30, 16, 0), 2) == paris(2026, 5, 4, 9, 30)


def test_sla_start_outside_opening_hours() -> None:
    assert add_business_hours(paris(2026, 11, 30, 7, 0), 1) == paris(2026, 11, 30, 9, 30)
    assert add_business_hours(paris(2026, 11, 30, 18, 0), 1) == paris(2026, 12, 1, 9, 30)
    assert add_business_hours(paris(2026, 11, 28, 12, 0), 0) == paris(2026, 11, 30, 8, 30)
    # A deadline landing exactly on closing time stays on that day.
    assert add_business_hours(paris(2026, 11, 30, 16, 0), 1) == paris(2026, 11, 30, 17, 0)
    assert business_hours_between(paris(2026, 11, 28, 9), paris(2026, 11, 29, 18)) == 0


def test_sla_accepts_utc_and_returns_paris() -> None:
    start = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)  # 15:00 in Paris (UTC+1)
    end = add_business_hours(start, 4)
    assert end == paris(2026, 11, 30, 10, 30)
    assert end.tzinfo is PARIS


def test_sla_across_dst_change() -> None:
    # Friday 27 March 2026 16:00 (UTC+1) + 2 h → Monday 30 March 9:30 (UTC+2).
    end = add_business_hours(paris(2026, 3, 27, 16, 0), 2)
    assert end == paris(2026, 3, 30, 9, 30)
    assert end.utcoffset() == timedelta(hours=2)


def test_custom_hours_and_errors() -> None:
    bh = BusinessHours(time(9, 0), time(12, 0))
    assert bh.day_hours == 3
    assert add_business_hours(paris(2026, 11, 30, 11, 0), 2, bh) == paris(2026, 12, 1, 10, 0)
    with pytest.raises(ValueError):
        add_business_hours(datetime(2026, 11, 30, 11, 0), 1)  # naive
    with pytest.raises(ValueError):
        add_business_hours(paris(2026, 11, 30, 11, 0), -1)
    with pytest.raises(ValueError):
        BusinessHours(time(17, 0), time(8, 30))


def test_business_hours_between_negative_and_same_day() -> None:
    a, b = paris(2026, 11, 30, 8, 0), paris(2026, 11, 30, 12, 0)
    assert business_hours_between(a, b) == 3.5
    assert business_hours_between(b, a) == -3.5


@given(
    st.datetimes(datetime(2024, 1, 1), datetime(2027, 12, 31)),
    st.integers(0, 400).map(lambda q: q / 4),
)
def test_business_hours_round_trip(start: datetime, hours: float) -> None:
    aware = start.replace(tzinfo=UTC)
    end = add_business_hours(aware, hours)
    assert end >= aware
    assert business_hours_between(aware, end) == pytest.approx(hours)
