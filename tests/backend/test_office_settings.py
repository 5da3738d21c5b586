"""Office settings for administrators: the lists they need, what they still may not do, holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, select

from advisor_desk.backend.appointments import AppointmentsService
from advisor_desk.backend.appointments_dto import (
    HolidayInfo,
    OfficeHoursRange,
    OfficeInput,
    ReasonInput,
    ScheduleInfo,
    ScheduleInput,
)
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import Advisor, AuditEvent
from advisor_desk.backend.service import api_info, api_methods
from advisor_desk.domain.enums import AppointmentChannel, AuditOutcome, Role
from advisor_desk.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from advisor_desk.domain.permissions import Permission, permissions_of

if TYPE_CHECKING:  # tests/backend/conftest.py
    from conftest import AuditLog, Transport

LISTS = (
    "list_offices",
    "list_reasons",
    "list_advisors",
    "list_closures",
    "list_schedules",
    "list_absences",
    "list_public_holidays",
)


def test_the_lists_accept_either_the_agenda_or_the_office_management_right() -> None:
    methods = api_methods(AppointmentsService)
    for name in LISTS:
        info = api_info(methods[name])
        assert info is not None
        assert info.permissions == (Permission.APPOINTMENT_AGENDA, Permission.OFFICE_MANAGE)
        assert info.readonly
        assert info.allows(permissions_of(Role.ADMIN)), name
        assert info.allows(permissions_of(Role.COUNTER)), name
        assert not info.allows(permissions_of(Role.BACKOFFICE)), name
    # The agenda itself (member names) and the bookings stay closed to administrators.
    for name in ("agenda", "free_slots", "book", "revoke", "mark_waiting", "offices_for_member"):
        info = api_info(methods[name])
        assert info is not None and not info.allows(permissions_of(Role.ADMIN)), name


def _advisor(engine: Engine, login: str) -> int:
    with session_scope(engine) as s:
        found = s.scalar(select(Advisor.id).where(Advisor.login == login))
        assert found is not None
        return found


def test_an_administrator_manages_offices_but_reads_no_member(
    transport: Transport, engine: Engine, audit_log: AuditLog
) -> None:
    admin = transport.open_session(Role.ADMIN)
    svc = admin.appointments
    mark = audit_log.mark()

    offices = svc.list_offices(include_inactive=True)
    assert [o.code for o in offices] == ["T01"]
    office = svc.save_office(
        None,
        OfficeInput(
            code="bx1",
            name="Accueil de Bron",
            address_line="2 avenue Camille-Rousset",
            postcode="69500",
            city="Bron",
            latitude=45.73,
            longitude=4.91,
            phone="3646",
            step_free_entrance=True,
        ),
    )
    svc.set_office_hours(office.id, [OfficeHoursRange(0, time(8, 30), time(12))])
    svc.add_closure(office.id, date(2031, 6, 2), "Inventaire")
    assert [c.reason for c in svc.list_closures(office.id, date(2031, 1, 1))] == ["Inventaire"]
    reason = svc.save_reason(
        None, ReasonInput("css", "Complémentaire santé solidaire", 20, AppointmentChannel.PHONE)
    )
    assert [r.code for r in svc.list_reasons(include_inactive=True)] == ["css"]
    counter = _advisor(engine, "t_counter")
    assert counter in {a.id for a in svc.list_advisors()}
    schedule = svc.add_schedule(
        ScheduleInput(counter, office.id, 1, date(2031, 1, 7), None, time(9), time(12), [reason.id])
    )
    assert [x.id for x in svc.list_schedules(office_id=office.id)] == [schedule.id]
    start = datetime(2031, 1, 14, 8, tzinfo=UTC)
    absence = svc.add_absence(counter, start, datetime(2031, 1, 14, 17, tzinfo=UTC), "Formation")
    assert [a.id for a in svc.list_absences(counter, date(2031, 1, 1), 60)] == [absence.id]

    events = [e for e in audit_log.since(mark) if e.login == admin.advisor.login]
    assert all(e.outcome is AuditOutcome.OK for e in events)
    actions = {e.action for e in events}
    assert {
        "appointments.list_offices",
        "appointments.save_office",
        "appointments.set_office_hours",
        "appointments.add_closure",
        "appointments.save_reason",
        "appointments.add_schedule",
        "appointments.add_absence",
    } <= actions

    # Still no member data, no agenda (it names members), no booking.
    with pytest.raises(PermissionDenied):
        admin.members.search("martin")
    with pytest.raises(PermissionDenied):
        svc.agenda(office.id, None, date(2031, 1, 7), 7)
    with pytest.raises(PermissionDenied):
        svc.book(1, reason.id, office.id, counter, start)
    with pytest.raises(PermissionDenied):
        svc.free_slots(reason.id, office.id, date(2031, 1, 7), 7)


def test_a_role_with_neither_right_is_told_both(
    transport: Transport, engine: Engine, audit_log: AuditLog
) -> None:
    agent = transport.open_session(Role.BACKOFFICE)
    mark = audit_log.mark()
    with pytest.raises(PermissionDenied) as refused:
        agent.appointments.list_offices()
    assert "« appointment.agenda » ou « office.manage »" in refused.value.message
    with session_scope(engine) as s:
        event = s.scalar(
            select(AuditEvent).where(AuditEvent.id > mark).order_by(AuditEvent.id.desc())
        )
        assert event is not None
        assert event.outcome is AuditOutcome.REFUSED
        assert event.action == "appointments.list_offices"
        assert event.detail == "permission manquante : appointment.agenda ou office.manage"


def test_public_holidays_have_their_french_names(transport: Transport) -> None:
    svc = transport.open_session(Role.SUPERVISOR).appointments
    assert svc.list_public_holidays(date(2026, 12, 20), 14) == [
        HolidayInfo(date(2026, 12, 25), "Noël"),
        HolidayInfo(date(2027, 1, 1), "Jour de l'an"),
    ]
    year = svc.list_public_holidays(date(2026, 1, 1), 365)
    assert len(year) == 11  # metropolitan France
    assert HolidayInfo(date(2026, 7, 14), "Fête nationale") in year
    assert svc.list_public_holidays(date(2026, 12, 26), 5) == []
    with pytest.raises(ValidationError):
        svc.list_public_holidays(date(2026, 1, 1), 0)


# -- editing an opening range -----------------------------------------------------------------

MONDAY = date(2031, 1, 6)


def _range_setup(transport: Transport, engine: Engine) -> tuple[AppointmentsService, int, int, int]:
    """The supervisor's appointments service, the test office, the counter advisor, a reason."""
    svc = transport.open_session(Role.SUPERVISOR).appointments
    office = next(o.id for o in svc.list_offices() if o.code == "T01")
    reason = svc.save_reason(None, ReasonInput("droits", "Droits", 20, AppointmentChannel.OFFICE))
    return svc, office, _advisor(engine, "t_counter"), reason.id


def test_update_schedule_needs_what_add_schedule_needs() -> None:
    methods = api_methods(AppointmentsService)
    update, add = api_info(methods["update_schedule"]), api_info(methods["add_schedule"])
    assert update is not None and add is not None
    assert update.permissions == add.permissions == (Permission.OFFICE_MANAGE,)
    assert not update.readonly


def test_a_range_is_edited_in_place_and_audited(
    transport: Transport, engine: Engine, audit_log: AuditLog
) -> None:
    svc, office, counter, reason = _range_setup(transport, engine)
    other_reason = svc.save_reason(
        None, ReasonInput("ij", "Indemnités", 30, AppointmentChannel.OFFICE)
    ).id
    schedule = svc.add_schedule(
        ScheduleInput(counter, office, 0, MONDAY, None, time(9), time(11), [reason])
    )
    mark = audit_log.mark()

    # Later and longer, over its own old hours (a range is not compared with itself).
    updated = svc.update_schedule(
        schedule.id,
        ScheduleInput(
            counter,
            office,
            0,
            MONDAY,
            date(2031, 6, 30),
            time(10),
            time(12, 30),
            [other_reason, reason],
        ),
        schedule.version,
    )
    assert updated == ScheduleInfo(
        schedule.id,
        counter,
        "Test counter",
        office,
        "Accueil de test",
        0,
        MONDAY,
        date(2031, 6, 30),
        time(10),
        time(12, 30),
        sorted([reason, other_reason]),
        version=2,
    )
    assert svc.list_schedules(advisor_id=counter) == [updated]

    # Every week → once: a one-off range ends on its day, whatever the end date says.
    once = svc.update_schedule(
        schedule.id,
        ScheduleInput(
            counter, office, None, date(2031, 2, 4), date(2031, 9, 9), time(14), time(15), [reason]
        ),
        updated.version,
    )
    assert (once.id, once.weekday, once.first_day, once.last_day) == (
        schedule.id,
        None,
        date(2031, 2, 4),
        date(2031, 2, 4),
    )
    assert once.reason_ids == [reason]
    assert svc.list_schedules(advisor_id=counter) == [once]

    # The checks of add_schedule: refused, nothing changed.
    with pytest.raises(ValidationError) as invalid:
        svc.update_schedule(
            schedule.id,
            ScheduleInput(counter, office, 0, MONDAY, None, time(12), time(9), [reason]),
            once.version,
        )
    assert invalid.value.field == "start_time"
    with pytest.raises(ValidationError) as no_reason:
        svc.update_schedule(
            schedule.id,
            ScheduleInput(counter, office, 0, MONDAY, None, time(9), time(11), []),
            once.version,
        )
    assert no_reason.value.field == "reason_ids"
    with pytest.raises(NotFound, match="Motif"):
        svc.update_schedule(
            schedule.id,
            ScheduleInput(counter, office, 0, MONDAY, None, time(9), time(11), [999]),
            once.version,
        )
    assert svc.list_schedules(advisor_id=counter) == [once]

    events = [e for e in audit_log.since(mark) if e.action == "appointments.update_schedule"]
    assert [(e.outcome, e.login, e.target) for e in events] == [
        (AuditOutcome.OK, "t_super", f"schedule:{schedule.id}")
    ] * 2
    assert events[0].detail == (
        f"agent {counter}, accueil {office}, jour 0, 2031-01-06 → 2031-06-30, 10:00–12:30 "
        f"(avant : agent {counter}, accueil {office}, jour 0, 2031-01-06 → …, 09:00–11:00)"
    )
    assert events[1].detail == (
        f"agent {counter}, accueil {office}, 2031-02-04, 14:00–15:00 "
        f"(avant : agent {counter}, accueil {office}, jour 0, 2031-01-06 → 2031-06-30, "
        "10:00–12:30)"
    )


def test_an_edit_overlapping_another_range_is_refused_and_changes_nothing(
    transport: Transport, engine: Engine
) -> None:
    svc, office, counter, reason = _range_setup(transport, engine)
    morning = svc.add_schedule(
        ScheduleInput(counter, office, 0, MONDAY, None, time(9), time(11), [reason])
    )
    afternoon = svc.add_schedule(
        ScheduleInput(counter, office, 0, MONDAY, None, time(14), time(16), [reason])
    )
    with pytest.raises(ConflictError) as refused:
        svc.update_schedule(
            afternoon.id,
            ScheduleInput(counter, office, 0, MONDAY, None, time(10), time(16), [reason]),
            afternoon.version,
        )
    assert refused.value.message == (
        f"Cette plage chevauche la plage n° {morning.id} de Test counter à « Accueil de test », "
        "le lundi de 09:00 à 11:00, du 06/01/2031 sans date de fin. "
        "Modifiez les horaires ou les dates."
    )
    assert svc.list_schedules(advisor_id=counter) == [morning, afternoon]

    # Given to another advisor, the range is checked against that advisor's ranges.
    agent = _advisor(engine, "t_agent")
    theirs = svc.add_schedule(
        ScheduleInput(agent, office, 0, MONDAY, None, time(15), time(17), [reason])
    )
    with pytest.raises(ConflictError, match=f"plage n° {theirs.id} de Test backoffice"):
        svc.update_schedule(
            afternoon.id,
            ScheduleInput(agent, office, 0, MONDAY, None, time(14), time(16), [reason]),
            afternoon.version,
        )
    assert svc.list_schedules(office_id=office) == [morning, afternoon, theirs]
    moved = svc.update_schedule(
        afternoon.id,
        ScheduleInput(agent, office, 0, MONDAY, None, time(13), time(15), [reason]),
        afternoon.version,
    )
    assert (moved.advisor_id, moved.advisor_name) == (agent, "Test backoffice")


def test_a_counter_advisor_cannot_edit_a_range(
    transport: Transport, engine: Engine, audit_log: AuditLog
) -> None:
    svc, office, counter, reason = _range_setup(transport, engine)
    data = ScheduleInput(counter, office, 0, MONDAY, None, time(9), time(11), [reason])
    schedule = svc.add_schedule(data)
    desk = transport.open_session(Role.COUNTER).appointments
    mark = audit_log.mark()
    with pytest.raises(PermissionDenied):
        desk.update_schedule(
            schedule.id,
            ScheduleInput(counter, office, 0, MONDAY, None, time(13), time(17), [reason]),
            schedule.version,
        )
    assert svc.list_schedules(advisor_id=counter) == [schedule]
    events = [e for e in audit_log.since(mark) if e.action == "appointments.update_schedule"]
    assert [(e.outcome, e.login) for e in events] == [(AuditOutcome.REFUSED, "t_counter")]


def test_editing_a_deleted_range_is_not_found(transport: Transport, engine: Engine) -> None:
    svc, office, counter, reason = _range_setup(transport, engine)
    data = ScheduleInput(counter, office, 0, MONDAY, None, time(9), time(11), [reason])
    schedule = svc.add_schedule(data)
    svc.delete_schedule(schedule.id)
    with pytest.raises(NotFound, match="Plage d'ouverture inconnue"):
        svc.update_schedule(schedule.id, data, schedule.version)
    assert svc.list_schedules(advisor_id=counter) == []


def test_two_supervisors_editing_one_range_the_second_is_refused(
    transport: Transport, engine: Engine
) -> None:
    svc, office, counter, reason = _range_setup(transport, engine)
    read = svc.add_schedule(
        ScheduleInput(counter, office, 0, MONDAY, None, time(9), time(11), [reason])
    )
    other = transport.open_session(Role.SUPERVISOR).appointments  # a second desk, same range
    first = other.update_schedule(
        read.id,
        ScheduleInput(counter, office, 0, MONDAY, None, time(9), time(12), [reason]),
        read.version,
    )
    assert first.version == read.version + 1
    with pytest.raises(ConflictError, match="vient d'être modifiée par ailleurs"):
        svc.update_schedule(
            read.id,
            ScheduleInput(counter, office, 0, MONDAY, None, time(8), time(10), [reason]),
            read.version,
        )
    assert svc.list_schedules(advisor_id=counter) == [first]  # the first edit stands
    # Only the reasons changed: still a new version.
    other_reason = svc.save_reason(
        None, ReasonInput("ij", "Indemnités", 30, AppointmentChannel.OFFICE)
    ).id
    second = svc.update_schedule(
        read.id,
        ScheduleInput(counter, office, 0, MONDAY, None, time(9), time(12), [reason, other_reason]),
        first.version,
    )
    assert second.version == first.version + 1
