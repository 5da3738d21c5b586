"""No double booking: advisors racing for one slot, each with their own connection."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import time, timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from advisor_desk.backend.appointments import AppointmentsService
from advisor_desk.backend.appointments_dto import ReasonInput, ScheduleInput
from advisor_desk.backend.engine import is_sqlite, make_engine, session_scope
from advisor_desk.backend.facade import Backend, BoundBackend
from advisor_desk.backend.orm import Appointment
from advisor_desk.domain.enums import AppointmentChannel, AppointmentStatus, Role
from advisor_desk.domain.errors import ConflictError

from .test_appointments import (  # type: ignore[import-not-found]
    add_member,
    advisor_id,
    office_id,
    paris,
    working_monday,
)

CONTENDERS = 8
PASSWORD = "Test-password-2026"


def test_one_slot_many_bookers_exactly_one_wins(
    db_url: str, engine: Engine, login: Callable[[Role], BoundBackend]
) -> None:
    monday = working_monday()
    manager = login(Role.SUPERVISOR)
    reason = manager.appointments.save_reason(
        None, ReasonInput("race", "Course", 30, AppointmentChannel.OFFICE, 0, 120)
    )
    office = office_id(engine)
    counter = advisor_id(engine, "t_counter")
    manager.appointments.add_schedule(
        ScheduleInput(counter, office, 0, monday, None, time(9), time(10), [reason.id])
    )
    members = [add_member(engine, f"Racer{i}") for i in range(CONTENDERS)]
    slot = paris(monday, 9, 30)
    barrier = threading.Barrier(CONTENDERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def contend(member: int) -> None:
        own = make_engine(db_url, pool_size=1)  # one connection per desktop
        try:
            desk = Backend(own).login("t_counter", PASSWORD)
            barrier.wait()
            try:
                desk.appointments.book(member, reason.id, office, counter, slot)
                outcome = "ok"
            except ConflictError as exc:
                outcome = "conflict" if "vient d'être pris" in exc.message else exc.message
            except Exception as exc:  # reported by the main thread
                outcome = repr(exc)
        finally:
            own.dispose()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=contend, args=(m,)) for m in members]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert Counter(outcomes) == {"ok": 1, "conflict": CONTENDERS - 1}
    with session_scope(engine) as s:
        active = s.scalar(
            select(func.count())
            .select_from(Appointment)
            .where(Appointment.status == AppointmentStatus.UNKNOWN)
        )
    assert active == 1


def test_the_database_refuses_overlaps_on_postgresql(
    engine: Engine, login: Callable[[Role], BoundBackend]
) -> None:
    if is_sqlite(engine):
        pytest.skip("SQLite relies on serialized writes and the service's check")
    monday = working_monday()
    reason = login(Role.SUPERVISOR).appointments.save_reason(
        None, ReasonInput("raw", "Brut", 30, AppointmentChannel.OFFICE, 0, 120)
    )
    office = office_id(engine)
    counter = advisor_id(engine, "t_counter")
    member = add_member(engine)

    def row(start_min: int, status: AppointmentStatus, advisor: int = counter) -> Appointment:
        start = paris(monday, 9) + timedelta(minutes=start_min)
        return Appointment(
            member_id=member,
            office_id=office,
            advisor_id=advisor,
            reason_id=reason.id,
            starts_at=start,
            ends_at=start + timedelta(minutes=30),
            status=status,
        )

    with session_scope(engine) as s:
        s.add(row(0, AppointmentStatus.UNKNOWN))
        s.add(row(15, AppointmentStatus.EXCUSED))  # cancelled: not in the way
        s.add(row(30, AppointmentStatus.UNKNOWN))  # adjacent: [9:00, 9:30) and [9:30, 10:00)
        s.add(row(15, AppointmentStatus.UNKNOWN, advisor_id(engine, "t_agent")))
    with (
        pytest.raises(IntegrityError, match="ex_appointments_no_overlap"),
        session_scope(engine) as s,
    ):
        s.add(row(10, AppointmentStatus.WAITING))


def test_a_booking_past_the_service_check_still_loses_on_postgresql(
    engine: Engine, login: Callable[[Role], BoundBackend], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the in-transaction check (as in a race), the constraint gives a ConflictError."""
    if is_sqlite(engine):
        pytest.skip("SQLite relies on serialized writes and the service's check")
    monday = working_monday()
    manager = login(Role.SUPERVISOR)
    reason = manager.appointments.save_reason(
        None, ReasonInput("late", "Tardif", 30, AppointmentChannel.OFFICE, 0, 120)
    )
    office = office_id(engine)
    counter = advisor_id(engine, "t_counter")
    manager.appointments.add_schedule(
        ScheduleInput(counter, office, 0, monday, None, time(9), time(10), [reason.id])
    )
    desk = login(Role.COUNTER)
    slot = paris(monday, 9)
    desk.appointments.book(add_member(engine, "Premier"), reason.id, office, counter, slot)
    monkeypatch.setattr(AppointmentsService, "_check_slot", lambda *args, **kwargs: None)
    with pytest.raises(ConflictError, match="vient d'être pris"):
        desk.appointments.book(add_member(engine, "Second"), reason.id, office, counter, slot)
