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
    ScheduleInput,
)
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import Advisor, AuditEvent
from advisor_desk.backend.service import api_info, api_methods
from advisor_desk.domain.enums import AppointmentChannel, AuditOutcome, Role
from advisor_desk.domain.errors import PermissionDenied, ValidationError
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
