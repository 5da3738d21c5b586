"""The mail queue's dates: day and time in Paris, the year only when it is not this one."""

from __future__ import annotations

from datetime import UTC, datetime

from advisor_desk.models.mail_queue import _when

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def test_this_year_without_the_year_in_paris_time() -> None:
    assert _when(datetime(2026, 11, 18, 7, 15, tzinfo=UTC), NOW) == "18/11 08:15"
    assert _when(datetime(2026, 7, 1, 22, 30, tzinfo=UTC), NOW) == "02/07 00:30"  # summer time


def test_another_year_with_it() -> None:
    assert _when(datetime(2025, 12, 31, 22, 59, tzinfo=UTC), NOW) == "31/12/2025 23:59"
    # New Year's Eve after 23:00 UTC is already the next year in Paris.
    assert _when(datetime(2025, 12, 31, 23, 30, tzinfo=UTC), NOW) == "01/01 00:30"


def test_no_date() -> None:
    assert _when(None, NOW) == ""
