"""Mail SLA deadlines on business hours: weekends, public holidays, breach and pause."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.enums import MailTheme
from advisor_desk.domain.sla import (
    FIRST_RESPONSE_HOURS,
    first_response_due,
    follow_up_due,
    hours_left,
    pause,
    resume,
    sla_status,
)


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)  # type: ignore[misc]


def test_every_theme_has_a_target() -> None:
    assert set(FIRST_RESPONSE_HOURS) == set(MailTheme)


def test_friday_afternoon_deadline_skips_the_weekend() -> None:
    # Fri 27 Nov 2026 15:00 + 8.5 h: 2 h on Friday, 6.5 h on Monday → Mon 30 Nov 15:00.
    due = first_response_due(paris(2026, 11, 27, 15, 0), MailTheme.SICK_LEAVE)
    assert due == paris(2026, 11, 30, 15, 0)


def test_christmas_is_not_a_business_day() -> None:
    # Thu 24 Dec 15:00 + 8.5 h: 2 h on Thursday; Fri 25 (Noël), Sat, Sun skipped.
    due = first_response_due(paris(2026, 12, 24, 15, 0), MailTheme.WORK_ACCIDENT)
    assert due == paris(2026, 12, 28, 15, 0)


def test_ascension_thursday_and_a_weekend() -> None:
    # Wed 13 May 2026 10:00 + 17 h: 7 h Wed, Thu 14 (Ascension) skipped, 8.5 h Fri, 1.5 h Mon.
    due = first_response_due(paris(2026, 5, 13, 10, 0), MailTheme.CSS)
    assert due == paris(2026, 5, 18, 10, 0)


def test_message_received_at_night_counts_from_opening() -> None:
    due = first_response_due(paris(2026, 11, 25, 22, 40), MailTheme.SICK_LEAVE)
    assert due == paris(2026, 11, 26, 17, 0)


def test_follow_up_is_never_later_than_first_response() -> None:
    at = paris(2026, 11, 23, 9, 0)
    assert follow_up_due(at, MailTheme.SICK_LEAVE) == first_response_due(at, MailTheme.SICK_LEAVE)
    assert follow_up_due(at, MailTheme.OTHER) < first_response_due(at, MailTheme.OTHER)


def test_hours_left_ignore_the_weekend() -> None:
    due = paris(2026, 11, 30, 15, 0)
    assert hours_left(due, paris(2026, 11, 27, 15, 0)) == pytest.approx(8.5)
    assert hours_left(due, paris(2026, 11, 28, 11, 0)) == pytest.approx(6.5)  # Saturday


def test_breached_after_the_deadline_even_outside_business_hours() -> None:
    due = paris(2026, 11, 27, 17, 0)
    on_saturday = sla_status(due, paris(2026, 11, 28, 10, 0))
    assert on_saturday.breached and on_saturday.hours_left == 0
    monday = sla_status(due, paris(2026, 11, 30, 10, 30))
    assert monday.breached and monday.hours_left == pytest.approx(-2.0)
    before = sla_status(due, paris(2026, 11, 27, 16, 0))
    assert not before.breached and before.hours_left == pytest.approx(1.0)


def test_pending_thread_has_no_running_clock() -> None:
    status = sla_status(paris(2026, 11, 27, 17, 0), paris(2026, 12, 10, 10, 0), paused=True)
    assert status.paused and not status.breached and status.hours_left is None


def test_pause_then_resume_keeps_the_business_hours_left() -> None:
    due = paris(2026, 11, 27, 12, 0)  # Friday noon
    left = pause(due, paris(2026, 11, 26, 12, 0))  # paused on Thursday noon: 8.5 h left
    assert left == pytest.approx(8.5)
    # Resumed on Thursday 24 Dec at 16:00: 1 h Thursday, Christmas and weekend, 7.5 h Monday.
    assert resume(left, paris(2026, 12, 24, 16, 0)) == paris(2026, 12, 28, 16, 0)


def test_utc_input_gives_the_same_instant() -> None:
    local = first_response_due(paris(2026, 11, 27, 15, 0), MailTheme.SICK_LEAVE)
    utc = first_response_due(datetime(2026, 11, 27, 14, 0, tzinfo=UTC), MailTheme.SICK_LEAVE)
    assert local == utc


def test_minutes_are_read_in_hours_beyond_one_hour() -> None:
    from advisor_desk.domain.sla import minutes_text

    assert [minutes_text(m) for m in (None, 0, 45, 60, 725, 1987)] == [
        "—",
        "0 min",
        "45 min",
        "1 h 00",
        "12 h 05",
        "33 h 07",
    ]
