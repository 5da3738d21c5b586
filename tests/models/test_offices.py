"""The office settings models under the model tester; hours text; closures and holidays merged."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import Qt

from advisor_desk.backend.appointments_dto import (
    AbsenceInfo,
    ClosureInfo,
    HolidayInfo,
    OfficeHoursRange,
    OfficeInfo,
    ReasonInfo,
    ScheduleInfo,
)
from advisor_desk.domain.enums import AppointmentChannel
from advisor_desk.models.offices import (
    AbsencesModel,
    ClosureRow,
    ClosuresModel,
    OfficesModel,
    ReasonsModel,
    SchedulesModel,
    closure_rows,
    hours_ranges,
    hours_text,
    parse_hours,
    week_hours,
)
from advisor_desk.models.table import SORT_ROLE


def office(i: int, *, active: bool = True, pmr: bool = False) -> OfficeInfo:
    return OfficeInfo(
        id=i,
        code=f"O{i}",
        name=f"Accueil {i}",
        address_line="1 rue de la Paix",
        postcode="69003",
        city="Lyon",
        latitude=45.76,
        longitude=4.85,
        phone="3646",
        step_free_entrance=pmr,
        accessible_parking=False,
        accessible_counter=pmr,
        hearing_loop=False,
        active=active,
        hours=[
            OfficeHoursRange(0, time(13, 30), time(16, 30)),
            OfficeHoursRange(0, time(8, 30), time(12)),
            OfficeHoursRange(2, time(9), time(12)),
        ],
    )


def reason(i: int, *, active: bool = True) -> ReasonInfo:
    return ReasonInfo(i, f"r{i}", f"Motif {i}", 5 * i, AppointmentChannel.PHONE, 2, 30, active)


def schedule(i: int, weekday: int | None, last_day: date | None = None) -> ScheduleInfo:
    return ScheduleInfo(
        id=i,
        advisor_id=1,
        advisor_name="Anne Martin",
        office_id=1,
        office_name="Accueil 1",
        weekday=weekday,
        first_day=date(2031, 1, 6),
        last_day=last_day,
        start_time=time(9),
        end_time=time(12),
        reason_ids=[1, 2],
        version=1,
    )


def text(model, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return str(model.data(model.index(row, column)))


def test_the_models_pass_the_model_tester(qtmodeltester) -> None:
    models_and_rows = [
        (OfficesModel(), [office(1), office(2, active=False, pmr=True)]),
        (ReasonsModel(), [reason(1), reason(2, active=False)]),
        (SchedulesModel(), [schedule(1, 0), schedule(2, None), schedule(3, 4, date(2031, 6, 30))]),
        (
            ClosuresModel(),
            [
                ClosureRow(date(2031, 6, 2), "Inventaire", 4),
                ClosureRow(date(2031, 7, 14), "F", None),
            ],
        ),
        (
            AbsencesModel(),
            [
                AbsenceInfo(
                    1,
                    1,
                    datetime(2031, 1, 14, 7, tzinfo=UTC),
                    datetime(2031, 1, 14, 16, tzinfo=UTC),
                    "Formation",
                )
            ],
        ),
    ]
    for model, rows in models_and_rows:
        model.set_rows(rows)  # type: ignore[attr-defined]
        qtmodeltester.check(model, force_py=True)
        model.set_rows([])  # type: ignore[attr-defined]
        qtmodeltester.check(model, force_py=True)


def test_offices_show_accessibility_and_grey_the_inactive() -> None:
    model = OfficesModel()
    model.set_rows([office(1), office(2, active=False, pmr=True)])
    assert [text(model, 1, c) for c in range(model.columnCount())] == [
        "O2",
        "Accueil 2",
        "Accessible",
        "Inactive",
    ]
    assert text(model, 0, 2) == "—"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index_of(2) == 1 and model.index_of(9) == -1


def test_reasons_show_duration_channel_and_delays() -> None:
    model = ReasonsModel()
    model.set_rows([reason(4)])
    assert [text(model, 0, c) for c in range(model.columnCount())] == [
        "r4",
        "Motif 4",
        "20 min",
        "By phone",
        "2 h to 30 days",
        "Active",
    ]
    assert model.data(model.index(0, 2), SORT_ROLE) == 20


def test_schedules_describe_recurrence_period_and_reasons() -> None:
    model = SchedulesModel()
    model.set_rows([schedule(1, 1), schedule(2, None), schedule(3, 4, date(2031, 6, 30))])
    assert text(model, 0, 5) == "n° 1, n° 2"  # reasons not known yet
    model.set_reasons([reason(1), reason(2)])
    assert text(model, 0, 5) == "Motif 1, Motif 2"
    assert [text(model, 0, c) for c in (2, 3, 4)] == [
        "Every tuesday",
        "from 06/01/2031, no end",
        "09:00–12:00",
    ]
    assert [text(model, 1, c) for c in (2, 3)] == ["Once, 06/01/2031", "06/01/2031"]
    assert text(model, 2, 3) == "06/01/2031 to 30/06/2031"
    # One-offs sort before Monday ranges.
    assert model.data(model.index(1, 2), SORT_ROLE) < model.data(model.index(0, 2), SORT_ROLE)


def test_closures_and_holidays_merge_by_date() -> None:
    rows = closure_rows(
        [ClosureInfo(7, 1, date(2031, 6, 2), "Inventaire")],
        [HolidayInfo(date(2031, 5, 1), "Fête du Travail"), HolidayInfo(date(2031, 7, 14), "F")],
    )
    assert [(r.day.isoformat(), r.holiday) for r in rows] == [
        ("2031-05-01", True),
        ("2031-06-02", False),
        ("2031-07-14", True),
    ]
    model = ClosuresModel()
    model.set_rows(rows)
    assert [text(model, 0, c) for c in range(3)] == [
        "01/05/2031",
        "Public holiday",
        "Fête du Travail",
    ]
    assert text(model, 1, 1) == "Closure"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).italic()
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole) is None


def test_absences_show_paris_times() -> None:
    model = AbsencesModel()
    start = datetime(2031, 7, 14, 6, tzinfo=UTC)  # 08:00 in Paris (summer time)
    model.set_rows([AbsenceInfo(1, 1, start, datetime(2031, 7, 14, 16, tzinfo=UTC), "Congé")])
    assert [text(model, 0, c) for c in range(3)] == [
        "14/07/2031 08:00",
        "14/07/2031 18:00",
        "Congé",
    ]


def test_hours_text_round_trips() -> None:
    week = week_hours(office(1))
    assert hours_text(week[0]) == "08:30-12:00, 13:30-16:30"  # in order, whatever was given
    assert week[1] == []
    assert parse_hours("8h30-12h00, 13:30 – 16:30;") == [
        (time(8, 30), time(12)),
        (time(13, 30), time(16, 30)),
    ]
    assert parse_hours("9h-12h") == [(time(9), time(12))]
    assert parse_hours("  ") == []
    assert hours_ranges({0: parse_hours("09:00-12:00"), 3: []}) == [
        OfficeHoursRange(0, time(9), time(12))
    ]


@pytest.mark.parametrize("typed", ["9-12", "09:00", "25:00-26:00", "09:00-12:61", "matin"])
def test_unreadable_hours_are_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=typed.split("-")[0][:2]):
        parse_hours(f"08:00-08:30, {typed}")
