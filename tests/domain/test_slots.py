"""The slot builder against crafted schedules, and the straight-line distance."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.ics import appointment_ics
from advisor_desk.domain.slots import (
    Busy,
    Calendar,
    Opening,
    Slot,
    SlotRules,
    build_slots,
    distance_km,
    local,
    opening_conflicts,
)

LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)
HALF_HOUR = SlotRules(duration=timedelta(minutes=30), now=LONG_AGO, max_delay=timedelta(days=3650))
MONDAY = date(2027, 3, 1)  # a Monday with no holiday in its week


def weekly(
    weekday: int = 0,
    first: date = MONDAY,
    last: date | None = None,
    start: time = time(9),
    end: time = time(11),
    advisor: int = 1,
    office: int = 10,
) -> Opening:
    return Opening(advisor, office, weekday, first, last, start, end)


def starts(slots: list[Slot]) -> list[str]:
    """Start times as Europe/Paris wall-clock "MM-DD HH:MM"."""
    return [s.starts_at.astimezone(PARIS).strftime("%m-%d %H:%M") for s in slots]


def test_weekly_recurrence_stops_at_its_last_day() -> None:
    opening = weekly(last=MONDAY + timedelta(days=14))
    slots = build_slots([opening], HALF_HOUR, MONDAY, 35)
    days = sorted({s.starts_at.date() for s in slots})
    assert days == [MONDAY, MONDAY + timedelta(days=7), MONDAY + timedelta(days=14)]
    assert len(slots) == 3 * 4
    assert starts(slots)[:4] == ["03-01 09:00", "03-01 09:30", "03-01 10:00", "03-01 10:30"]
    assert all(s.ends_at - s.starts_at == timedelta(minutes=30) for s in slots)
    assert all(s.starts_at.tzinfo is not None for s in slots)


def test_window_starts_mid_week_and_first_day_after_window() -> None:
    # Weekly on Wednesdays from 3 March; the window 4–9 March holds no Wednesday.
    opening = weekly(weekday=2, first=date(2027, 3, 3))
    assert build_slots([opening], HALF_HOUR, date(2027, 3, 4), 6) == []
    assert starts(build_slots([opening], HALF_HOUR, date(2027, 3, 4), 7))[0] == "03-10 09:00"
    # Not before first_day.
    late = weekly(first=date(2027, 3, 8))
    assert {s.starts_at.date() for s in build_slots([late], HALF_HOUR, MONDAY, 8)} == {
        date(2027, 3, 8)
    }


def test_one_off_opening() -> None:
    one = Opening(1, 10, None, date(2027, 3, 4), None, time(14), time(15, 30))
    slots = build_slots([one], HALF_HOUR, MONDAY, 7)
    assert starts(slots) == ["03-04 14:00", "03-04 14:30", "03-04 15:00"]
    assert build_slots([one], HALF_HOUR, date(2027, 3, 5), 7) == []


def test_duration_cuts_and_leftover_is_dropped() -> None:
    rules = SlotRules(duration=timedelta(minutes=45), now=LONG_AGO, max_delay=timedelta(days=3650))
    slots = build_slots([weekly()], rules, MONDAY, 1)
    assert starts(slots) == ["03-01 09:00", "03-01 09:45"]  # 10:30–11:00 is too short


def test_absence_and_busy_appointments() -> None:
    busy = [
        Busy(1, local(MONDAY, time(9, 30)), local(MONDAY, time(10))),  # an appointment
        Busy(2, local(MONDAY, time(9)), local(MONDAY, time(11))),  # another advisor: ignored
        Busy(
            1,
            local(MONDAY + timedelta(days=7), time(8)),
            local(MONDAY + timedelta(days=7), time(18)),
        ),
    ]
    slots = build_slots([weekly()], HALF_HOUR, MONDAY, 14, busy)
    assert starts(slots) == ["03-01 09:00", "03-01 10:00", "03-01 10:30"]


def test_busy_of_another_length_restarts_the_grid_after_it() -> None:
    busy = [Busy(1, local(MONDAY, time(9)), local(MONDAY, time(9, 20)))]
    slots = build_slots([weekly()], HALF_HOUR, MONDAY, 1, busy)
    assert starts(slots) == ["03-01 09:20", "03-01 09:50", "03-01 10:20"]


def test_overlapping_busy_ranges() -> None:
    busy = [
        Busy(1, local(MONDAY, time(8)), local(MONDAY, time(10, 30))),
        Busy(1, local(MONDAY, time(9)), local(MONDAY, time(9, 30))),
        Busy(1, local(MONDAY, time(10)), local(MONDAY, time(10, 15))),
    ]
    slots = build_slots([weekly()], HALF_HOUR, MONDAY, 1, busy)
    assert starts(slots) == ["03-01 10:30"]


def test_public_holiday_and_local_closure() -> None:
    # Ascension 2027 is Thursday 6 May; the office also closes Thursday 13 May.
    opening = weekly(weekday=3, first=date(2027, 5, 1))
    cal = Calendar(closures={10: {date(2027, 5, 13)}})
    slots = build_slots([opening], HALF_HOUR, date(2027, 5, 1), 21, calendar=cal)
    assert {s.starts_at.date() for s in slots} == {date(2027, 5, 20)}
    # Another office is not closed on the 13th.
    other = weekly(weekday=3, first=date(2027, 5, 1), office=11)
    slots = build_slots([other], HALF_HOUR, date(2027, 5, 1), 21, calendar=cal)
    assert {s.starts_at.date() for s in slots} == {date(2027, 5, 13), date(2027, 5, 20)}


def test_office_hours_clip_the_openings() -> None:
    cal = Calendar(hours={10: {0: [(time(8, 30), time(10)), (time(10, 30), time(17))]}})
    slots = build_slots([weekly()], HALF_HOUR, MONDAY, 2, calendar=cal)
    assert starts(slots) == ["03-01 09:00", "03-01 09:30", "03-01 10:30"]
    # Hours known for the office but none on Tuesday: closed that day.
    tuesday = weekly(weekday=1)
    assert build_slots([tuesday], HALF_HOUR, MONDAY, 7, calendar=cal) == []


def test_daylight_saving_night_opening_has_one_hour_less() -> None:
    sunday = date(2027, 3, 28)
    night = Opening(1, 10, None, sunday, None, time(1), time(4))
    slots = build_slots(
        [night], HALF_HOUR, sunday, 1, calendar=Calendar(is_holiday=lambda d: False)
    )
    # 01:00 CET → 04:00 CEST is two real hours: four half-hour slots, no slot at 02:xx.
    assert len(slots) == 4
    assert slots[0].starts_at == datetime(2027, 3, 28, 0, 0, tzinfo=UTC)
    assert slots[-1].ends_at == datetime(2027, 3, 28, 2, 0, tzinfo=UTC)
    autumn = date(2027, 10, 31)
    night = Opening(1, 10, None, autumn, None, time(1), time(4))
    slots = build_slots(
        [night], HALF_HOUR, autumn, 1, calendar=Calendar(is_holiday=lambda d: False)
    )
    assert len(slots) == 8  # one hour more


def test_daylight_saving_change_keeps_local_times_and_easter_monday() -> None:
    # Summer time starts on Sunday 28 March 2027; Monday 29 March is Easter Monday.
    opening = weekly(first=date(2027, 3, 22))
    slots = build_slots([opening], HALF_HOUR, date(2027, 3, 22), 15)
    days = sorted({s.starts_at.date() for s in slots})
    assert days == [date(2027, 3, 22), date(2027, 4, 5)]
    assert slots[0].starts_at == datetime(2027, 3, 22, 8, 0, tzinfo=UTC)  # 09:00 CET
    assert slots[4].starts_at == datetime(2027, 4, 5, 7, 0, tzinfo=UTC)  # 09:00 CEST
    assert slots[-1].starts_at == datetime(2027, 4, 5, 8, 30, tzinfo=UTC)  # 10:30 CEST


def test_min_and_max_booking_delay() -> None:
    now = local(MONDAY, time(7, 45))
    rules = SlotRules(
        duration=timedelta(minutes=30),
        now=now,
        min_delay=timedelta(hours=2),
        max_delay=timedelta(days=7, hours=2),
    )
    slots = build_slots([weekly()], rules, MONDAY, 21)
    # Earliest start 09:45: the grid stays on the half hours (10:00, 10:30).
    # Latest start: next Monday 09:45 → 09:00 and 09:30 only.
    assert starts(slots) == ["03-01 10:00", "03-01 10:30", "03-08 09:00", "03-08 09:30"]


def test_several_advisors_sorted_by_time() -> None:
    a = weekly(advisor=1)
    b = weekly(advisor=2, start=time(9, 15), end=time(10, 15))
    slots = build_slots([a, b], HALF_HOUR, MONDAY, 1)
    assert [(s.advisor_id, starts([s])[0][-5:]) for s in slots] == [
        (1, "09:00"),
        (2, "09:15"),
        (1, "09:30"),
        (2, "09:45"),
        (1, "10:00"),
        (1, "10:30"),
    ]


def test_opening_conflicts() -> None:
    base = weekly(last=date(2027, 6, 28))
    assert opening_conflicts(weekly(start=time(10), end=time(12)), [base]) is base
    assert opening_conflicts(weekly(start=time(11), end=time(12)), [base]) is None  # adjacent
    assert opening_conflicts(weekly(weekday=1), [base]) is None
    assert opening_conflicts(weekly(advisor=2), [base]) is None
    assert opening_conflicts(weekly(first=date(2027, 7, 5)), [base]) is None  # after its end
    one_off_monday = Opening(1, 11, None, date(2027, 3, 15), None, time(10), time(10, 30))
    assert opening_conflicts(one_off_monday, [base]) is base
    one_off_tuesday = Opening(1, 11, None, date(2027, 3, 16), None, time(10), time(10, 30))
    assert opening_conflicts(one_off_tuesday, [base]) is None
    assert opening_conflicts(base, [one_off_monday]) is one_off_monday
    assert opening_conflicts(one_off_monday, [one_off_monday]) is one_off_monday


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((48.8566, 2.3522), (45.7640, 4.8357), 391.5),  # Paris – Lyon
        ((43.2965, 5.3698), (43.2965, 5.3698), 0.0),
        ((48.8566, 2.3522), (51.5074, -0.1278), 343.6),  # Paris – London
    ],
)
def test_distance_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert distance_km(*a, *b) == pytest.approx(km, abs=1.0)


def test_ics_text() -> None:
    text = appointment_ics(
        uid="rdv-42@advisor-desk",
        starts_at=datetime(2027, 3, 1, 8, 0, tzinfo=UTC),
        ends_at=datetime(2027, 3, 1, 8, 30, tzinfo=UTC),
        summary="Rendez-vous CPAM : dossier, pièces; à fournir",
        location="Accueil de Lyon, 1 rue de la Paix, 69003 Lyon",
        description="Apportez votre carte Vitale.\nMerci." + " x" * 60,
        stamp=datetime(2027, 2, 1, tzinfo=UTC),
    )
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART:20270301T080000Z\r\n" in text
    assert "SUMMARY:Rendez-vous CPAM : dossier\\, pièces\\; à fournir" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:Apportez votre carte Vitale.\\nMerci. x x" in unfolded
    cancel = appointment_ics(
        uid="rdv-42@advisor-desk",
        starts_at=datetime(2027, 3, 1, 8, 0, tzinfo=UTC),
        ends_at=datetime(2027, 3, 1, 8, 30, tzinfo=UTC),
        summary="s",
        location="l",
        description="d",
        stamp=datetime(2027, 2, 1, tzinfo=UTC),
        sequence=1,
        cancelled=True,
    )
    assert "METHOD:CANCEL" in cancel and "STATUS:CANCELLED" in cancel
