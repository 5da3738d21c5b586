"""The appointments service: offices, reasons, schedules, slots, bookings, statuses, agenda."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, select

from advisor_desk.backend.appointments_dto import (
    AppointmentView,
    OfficeHoursRange,
    OfficeInput,
    ReasonInput,
    ScheduleInput,
    SlotInfo,
)
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import (
    Address,
    Advisor,
    Appointment,
    AuditEvent,
    MailMessage,
    MailThread,
    Member,
    Office,
)
from advisor_desk.domain.calendar import PARIS, is_public_holiday
from advisor_desk.domain.enums import (
    AppointmentChannel,
    AppointmentStatus,
    MailState,
    MessageDirection,
    Role,
    Sex,
)
from advisor_desk.domain.errors import ConflictError, NotFound, ValidationError
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.text import name_key

if TYPE_CHECKING:  # tests/backend/conftest.py
    from conftest import AuditLog, Transport


def working_monday(weeks_ahead: int = 2) -> date:
    """A Monday at least `weeks_ahead` weeks away whose week has no public holiday."""
    today = datetime.now(PARIS).date()
    day = today + timedelta(days=7 * weeks_ahead + (7 - today.weekday()) % 7)
    while any(is_public_holiday(day + timedelta(days=i)) for i in range(5)):
        day += timedelta(days=7)
    return day


def paris(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=PARIS).astimezone(UTC)


def add_member(
    engine: Engine, last: str = "Martin", lat: float | None = 45.75, lon: float | None = 4.85
) -> int:
    """A member living at (lat, lon), Lyon by default."""
    born = date(1980, 4, 2)
    with session_scope(engine) as s:
        n = len(list(s.scalars(select(Member.id))))
        member = Member(
            nir=make_nir(Sex.FEMALE, born, "69", "123", 100 + n).full,
            last_name=last,
            birth_name=last,
            first_names="Anne",
            name_key=name_key(last),
            first_name_key=name_key("Anne"),
            birth_name_key=name_key(last),
            sex=Sex.FEMALE,
            birth_date=born,
            birth_place="Lyon",
            fund_code="691",
        )
        s.add(member)
        s.flush()
        s.add(
            Address(
                member_id=member.id,
                line1="3 place Bellecour",
                postcode="69002",
                city="Lyon",
                latitude=lat,
                longitude=lon,
                valid_from=date(2020, 1, 1),
            )
        )
        return member.id


def advisor_id(engine: Engine, login: str) -> int:
    with session_scope(engine) as s:
        found = s.scalar(select(Advisor.id).where(Advisor.login == login))
        assert found is not None
        return found


def office_id(engine: Engine, code: str = "T01") -> int:
    with session_scope(engine) as s:
        found = s.scalar(select(Office.id).where(Office.code == code))
        assert found is not None
        return found


def setup_agenda(
    manager: BoundBackend, engine: Engine, monday: date, min_delay_hours: int = 2
) -> tuple[int, int, int]:
    """A 30-minute reason and a weekly Monday 09:00–11:00 range of the counter advisor."""
    reason = manager.appointments.save_reason(
        None,
        ReasonInput(
            code="droits",
            label="Ouverture de droits",
            duration_min=30,
            channel=AppointmentChannel.OFFICE,
            min_delay_hours=min_delay_hours,
            max_delay_days=120,
        ),
    )
    office = office_id(engine)
    counter = advisor_id(engine, "t_counter")
    manager.appointments.add_schedule(
        ScheduleInput(counter, office, 0, monday, None, time(9), time(11), [reason.id])
    )
    return reason.id, office, counter


def setup_shifted_agenda(
    manager: BoundBackend, desk: BoundBackend, engine: Engine, monday: date
) -> tuple[int, int, int, int, AppointmentView]:
    """Monday 09:00-11:00 for a 30-minute and a 45-minute reason; a member's 30-minute
    appointment at 10:00, then someone else's 45-minute one at 09:00 (booked since).
    Returns (30-minute reason, office, counter advisor, member, the member's appointment)."""
    short = manager.appointments.save_reason(
        None, ReasonInput("droits", "Ouverture de droits", 30, AppointmentChannel.OFFICE, 2, 120)
    )
    long = manager.appointments.save_reason(
        None, ReasonInput("long", "Dossier complexe", 45, AppointmentChannel.OFFICE, 2, 120)
    )
    office, counter = office_id(engine), advisor_id(engine, "t_counter")
    manager.appointments.add_schedule(
        ScheduleInput(counter, office, 0, monday, None, time(9), time(11), [short.id, long.id])
    )
    member = add_member(engine)
    ours = desk.appointments.book(member, short.id, office, counter, paris(monday, 10))
    desk.appointments.book(add_member(engine, "Autre"), long.id, office, counter, paris(monday, 9))
    return short.id, office, counter, member, ours


def test_offices_and_reasons(transport: Transport) -> None:
    manager = transport.open_session(Role.SUPERVISOR)
    svc = manager.appointments
    created = svc.save_office(
        None,
        OfficeInput(
            code="v01",
            name="Accueil de Villeurbanne",
            address_line="10 cours Émile Zola",
            postcode="69100",
            city="Villeurbanne",
            latitude=45.77,
            longitude=4.88,
            phone="3646",
            step_free_entrance=True,
            accessible_counter=True,
        ),
    )
    assert created.code == "V01" and created.pmr and created.hours == []
    with pytest.raises(ConflictError, match="V01"):
        svc.save_office(None, OfficeInput("V01", "Autre", "x", "69001", "Lyon", 45, 4, "1"))
    with pytest.raises(NotFound, match="Point d'accueil inconnu"):
        svc.save_office(10**6, OfficeInput("V03", "Autre", "x", "69001", "Lyon", 45, 4, "1"))
    # Saving an office under its own code is no clash.
    renamed = svc.save_office(
        created.id, OfficeInput("V01", "Accueil Villeurbanne", "x", "69100", "Lyon", 45, 4, "1")
    )
    assert (renamed.id, renamed.name) == (created.id, "Accueil Villeurbanne")
    with pytest.raises(ValidationError):
        svc.save_office(None, OfficeInput("V02", "Autre", "x", "6900", "Lyon", 45, 4, "1"))
    hours = [
        OfficeHoursRange(0, time(13, 30), time(16, 30)),
        OfficeHoursRange(0, time(8, 30), time(12)),
    ]
    updated = svc.set_office_hours(created.id, hours)
    assert [h.opens for h in updated.hours] == [time(8, 30), time(13, 30)]
    with pytest.raises(ValidationError, match="chevauchent"):
        svc.set_office_hours(created.id, [*hours, OfficeHoursRange(0, time(11), time(14))])
    closure = svc.add_closure(created.id, date(2027, 6, 3), "Formation")
    with pytest.raises(ConflictError):
        svc.add_closure(created.id, date(2027, 6, 3), "Encore")
    assert svc.list_closures(created.id, date(2027, 1, 1)) == [closure]
    svc.remove_closure(closure.id)
    assert svc.list_closures(created.id, date(2027, 1, 1)) == []
    assert created.id in {o.id for o in svc.list_offices()}

    reason = svc.save_reason(
        None, ReasonInput("ij", "Indemnités journalières", 20, AppointmentChannel.PHONE, 4, 15)
    )
    assert reason.duration_min == 20 and reason.channel is AppointmentChannel.PHONE
    with pytest.raises(ValidationError):
        svc.save_reason(None, ReasonInput("x", "Trop long", 600, AppointmentChannel.OFFICE))
    with pytest.raises(ConflictError, match="« ij » existe déjà"):
        svc.save_reason(None, ReasonInput("IJ", "Autre motif", 20, AppointmentChannel.OFFICE))
    with pytest.raises(NotFound, match="Motif de rendez-vous inconnu"):
        svc.save_reason(10**6, ReasonInput("autre", "Autre motif", 20, AppointmentChannel.OFFICE))
    retired = svc.save_reason(
        reason.id,
        ReasonInput("ij", "Indemnités journalières", 20, AppointmentChannel.PHONE, 4, 15, False),
    )
    assert not retired.active
    assert reason.id not in {r.id for r in svc.list_reasons()}
    assert reason.id in {r.id for r in svc.list_reasons(include_inactive=True)}


def test_schedule_overlap_is_refused_naming_the_other_range(
    transport: Transport, engine: Engine
) -> None:
    manager = transport.open_session(Role.SUPERVISOR)
    monday = working_monday()
    reason_id, office, counter = setup_agenda(manager, engine, monday)
    svc = manager.appointments
    (existing,) = svc.list_schedules(advisor_id=counter)
    with pytest.raises(ConflictError) as refused:
        svc.add_schedule(
            ScheduleInput(
                counter,
                office,
                None,
                monday + timedelta(days=14),
                None,
                time(10),
                time(12),
                [reason_id],
            )
        )
    message = refused.value.message
    assert f"plage n° {existing.id}" in message and "lundi de 09:00 à 11:00" in message
    assert "Test counter" in message and "Accueil de test" in message
    # Adjacent, another weekday, another advisor: accepted.
    svc.add_schedule(
        ScheduleInput(counter, office, 0, monday, None, time(11), time(12), [reason_id])
    )
    svc.add_schedule(
        ScheduleInput(counter, office, 1, monday, None, time(9), time(11), [reason_id])
    )
    other = advisor_id(engine, "t_agent")
    svc.add_schedule(ScheduleInput(other, office, 0, monday, None, time(9), time(11), [reason_id]))
    assert len(svc.list_schedules(office_id=office)) == 4
    with pytest.raises(ValidationError):
        svc.add_schedule(
            ScheduleInput(other, office, 2, monday, None, time(11), time(9), [reason_id])
        )
    with pytest.raises(NotFound):
        svc.add_schedule(ScheduleInput(other, office, 2, monday, None, time(9), time(11), [999]))


def test_editing_a_range_keeps_the_appointments_booked_in_it(
    transport: Transport, engine: Engine
) -> None:
    monday = working_monday()
    manager = transport.open_session(Role.SUPERVISOR)
    reason_id, office, counter = setup_agenda(manager, engine, monday)
    desk = transport.open_session(Role.COUNTER)
    first = desk.appointments.free_slots(reason_id, office, monday, 7)[0]
    booked = desk.appointments.book(add_member(engine), reason_id, office, counter, first.starts_at)
    (schedule,) = manager.appointments.list_schedules(advisor_id=counter)
    manager.appointments.update_schedule(
        schedule.id,
        ScheduleInput(counter, office, 0, monday, None, time(14), time(15), [reason_id]),
        schedule.version,
    )
    # The slots follow the new hours; the 09:00 appointment is still booked.
    assert [x.starts_at for x in desk.appointments.free_slots(reason_id, office, monday, 7)] == [
        paris(monday, 14),
        paris(monday, 14, 30),
    ]
    with session_scope(engine) as s:
        kept = s.get(Appointment, booked.id)
        assert kept is not None
        assert (kept.status, kept.starts_at) == (AppointmentStatus.UNKNOWN, first.starts_at)


def test_free_slots_booking_confirmation_and_cancellations(
    transport: Transport, engine: Engine, audit_log: AuditLog
) -> None:
    monday = working_monday()
    reason_id, office, counter = setup_agenda(
        transport.open_session(Role.SUPERVISOR), engine, monday
    )
    member = add_member(engine)
    desk = transport.open_session(Role.COUNTER)
    slots = desk.appointments.free_slots(reason_id, office, monday, 7)
    assert [x.starts_at for x in slots] == [
        paris(monday, 9) + timedelta(minutes=30 * i) for i in range(4)
    ]
    assert {x.advisor_name for x in slots} == {"Test counter"}

    mark = audit_log.mark()
    booked = desk.appointments.book(member, reason_id, office, counter, slots[1].starts_at)
    assert booked.status is AppointmentStatus.UNKNOWN
    assert booked.ends_at - booked.starts_at == timedelta(minutes=30)
    assert booked.member_name == "MARTIN Anne" and booked.office_name == "Accueil de test"
    (event,) = [e for e in audit_log.since(mark) if e.action == "appointments.book"]
    assert event.member_id == member
    left = desk.appointments.free_slots(reason_id, office, monday, 7)
    assert slots[1].starts_at not in {x.starts_at for x in left} and len(left) == 3

    with pytest.raises(ConflictError, match="vient d'être pris"):
        desk.appointments.book(
            add_member(engine, "Bernard"), reason_id, office, counter, slots[1].starts_at
        )
    agent = advisor_id(engine, "t_agent")
    transport.open_session(Role.SUPERVISOR).appointments.add_schedule(
        ScheduleInput(agent, office, 0, monday, None, time(9), time(11), [reason_id])
    )
    with pytest.raises(ConflictError, match="déjà un rendez-vous"):
        desk.appointments.book(member, reason_id, office, agent, slots[1].starts_at)
    with pytest.raises(ValidationError, match="pas proposé"):
        desk.appointments.book(member, reason_id, office, counter, paris(monday, 14))
    with pytest.raises(ValidationError, match="pas proposé"):  # off the grid
        desk.appointments.book(member, reason_id, office, counter, paris(monday, 10, 10))

    with session_scope(engine) as s:
        thread = s.scalars(select(MailThread).where(MailThread.member_id == member)).one()
        assert thread.state is MailState.CLOSED
        (message,) = s.scalars(select(MailMessage).where(MailMessage.thread_id == thread.id))
        assert message.direction is MessageDirection.OUTBOUND
        assert "est confirmé" in message.body and "BEGIN:VCALENDAR" in message.body
    ics = desk.appointments.confirmation_ics(booked.id)
    assert ics.startswith("BEGIN:VCALENDAR") and f"UID:rdv-{booked.id}@" in ics

    assert [a.id for a in desk.appointments.member_appointments(member)] == [booked.id]
    moved = desk.appointments.reschedule(booked.id, office, counter, slots[3].starts_at)
    assert moved.id == booked.id and moved.starts_at == slots[3].starts_at
    again = desk.appointments.free_slots(reason_id, office, monday, 7)
    assert slots[1].starts_at in {x.starts_at for x in again if x.advisor_id == counter}

    cancelled = desk.appointments.cancel_by_member(booked.id)
    assert cancelled.status is AppointmentStatus.EXCUSED
    with pytest.raises(ConflictError):
        desk.appointments.cancel_by_member(booked.id)
    assert len(desk.appointments.free_slots(reason_id, office, monday, 7)) == 8  # two advisors
    rebooked = desk.appointments.book(member, reason_id, office, counter, slots[3].starts_at)
    with pytest.raises(ValidationError):
        desk.appointments.revoke(rebooked.id, " ")
    revoked = desk.appointments.revoke(rebooked.id, "Agent en formation")
    assert revoked.status is AppointmentStatus.REVOKED
    assert revoked.cancel_reason == "Agent en formation"
    with session_scope(engine) as s:
        bodies = [m.body for m in s.scalars(select(MailMessage).order_by(MailMessage.id))]
    assert len(bodies) == 5
    assert "déplacé" in bodies[1] and "annulé à votre demande" in bodies[2]
    assert "Agent en formation" in bodies[4] and "METHOD:CANCEL" in bodies[4]


def test_a_move_is_offered_the_time_the_appointment_holds(
    transport: Transport, engine: Engine
) -> None:
    """Ours is 10:00-10:30 (30-minute reason); a 45-minute appointment of someone else took
    09:00-09:45 since. Moving ours, the time it holds counts as free: 09:45 and 10:15 are
    offered (they overlap it), not its own 10:00, and not only 10:30."""
    monday = working_monday()
    short, office, counter, member, ours = setup_shifted_agenda(
        transport.open_session(Role.SUPERVISOR),
        transport.open_session(Role.COUNTER),
        engine,
        monday,
    )
    desk = transport.open_session(Role.COUNTER)

    def starts(slots: list[SlotInfo]) -> list[datetime]:
        return [x.starts_at for x in slots if x.starts_at.date() == monday]

    plain = desk.appointments.free_slots(short, office, monday, 1)
    assert starts(plain) == [paris(monday, 10, 30)]
    moving = desk.appointments.free_slots(short, office, monday, 1, ours.id)
    assert starts(moving) == [paris(monday, 9, 45), paris(monday, 10, 15)]
    (choice,) = [
        c
        for c in desk.appointments.offices_for_member(member, short, False, ours.id)
        if c.office.id == office
    ]
    assert starts(choice.first_slots) == [paris(monday, 9, 45), paris(monday, 10, 15)]
    moved = desk.appointments.reschedule(ours.id, office, counter, paris(monday, 10, 15))
    assert moved.starts_at == paris(monday, 10, 15)

    with pytest.raises(NotFound):
        desk.appointments.free_slots(short, office, monday, 1, ours.id + 1000)
    with pytest.raises(NotFound):  # another member's appointment
        desk.appointments.offices_for_member(add_member(engine, "Tiers"), short, False, ours.id)
    desk.appointments.cancel_by_member(ours.id)
    with pytest.raises(ConflictError, match="à venir"):
        desk.appointments.free_slots(short, office, monday, 1, ours.id)


def test_absence_closure_and_booking_delay_remove_slots(
    transport: Transport, engine: Engine
) -> None:
    monday = working_monday()
    manager = transport.open_session(Role.SUPERVISOR)
    reason_id, office, counter = setup_agenda(manager, engine, monday)
    desk = transport.open_session(Role.COUNTER)
    manager.appointments.add_absence(counter, paris(monday, 9), paris(monday, 10), "Réunion")
    manager.appointments.add_closure(office, monday + timedelta(days=7), "Inventaire")
    slots = desk.appointments.free_slots(reason_id, office, monday, 14)
    assert [x.starts_at for x in slots] == [paris(monday, 10), paris(monday, 10, 30)]
    (absence,) = manager.appointments.list_absences(counter, monday, 7)
    manager.appointments.delete_absence(absence.id)
    assert len(desk.appointments.free_slots(reason_id, office, monday, 14)) == 4
    with pytest.raises(ValidationError):
        desk.appointments.free_slots(reason_id, office, monday, 0)
    with pytest.raises(NotFound):
        desk.appointments.free_slots(999, office, monday, 7)


def test_offices_for_member_sorted_by_distance_with_pmr_filter(
    transport: Transport, engine: Engine, audit_log: AuditLog
) -> None:
    monday = working_monday()
    manager = transport.open_session(Role.SUPERVISOR)
    reason_id, office, _ = setup_agenda(manager, engine, monday)
    far = manager.appointments.save_office(
        None,
        OfficeInput(
            "M01",
            "Accueil de Marseille",
            "1 rue",
            "13001",
            "Marseille",
            43.30,
            5.37,
            "3646",
            step_free_entrance=True,
            accessible_counter=True,
        ),
    )
    near = manager.appointments.save_office(
        None, OfficeInput("L02", "Accueil Part-Dieu", "2 rue", "69003", "Lyon", 45.76, 4.86, "3646")
    )
    agent = advisor_id(engine, "t_agent")
    manager.appointments.add_schedule(
        ScheduleInput(agent, far.id, 0, monday, None, time(14), time(15), [reason_id])
    )
    member = add_member(engine)
    desk = transport.open_session(Role.COUNTER)
    mark = audit_log.mark()
    choices = desk.appointments.offices_for_member(member, reason_id, False)
    assert [c.office.id for c in choices] == [office, near.id, far.id]
    assert choices[0].distance_km is not None and choices[0].distance_km < 2
    assert 250 < (choices[2].distance_km or 0) < 300
    assert len(choices[0].first_slots) == 3 and choices[0].first_slots[0].starts_at == paris(
        monday, 9
    )
    assert choices[1].first_slots == []
    assert [x.starts_at for x in choices[2].first_slots] == [
        paris(monday, 14),
        paris(monday, 14, 30),
        paris(monday + timedelta(days=7), 14),
    ]
    pmr = desk.appointments.offices_for_member(member, reason_id, True)
    assert [c.office.id for c in pmr] == [far.id]
    assert {e.member_id for e in audit_log.since(mark)} == {member}
    homeless = add_member(engine, "Sansgps", None, None)
    unknown = desk.appointments.offices_for_member(homeless, reason_id, False)
    assert {c.distance_km for c in unknown} == {None}
    assert [c.office.name for c in unknown] == sorted(c.office.name for c in unknown)


def insert_appointment(
    engine: Engine, member: int, office: int, advisor: int, reason: int, starts: datetime
) -> int:
    with session_scope(engine) as s:
        row = Appointment(
            member_id=member,
            office_id=office,
            advisor_id=advisor,
            reason_id=reason,
            starts_at=starts,
            ends_at=starts + timedelta(minutes=30),
            status=AppointmentStatus.UNKNOWN,
        )
        s.add(row)
        s.flush()
        return row.id


def test_status_transitions(transport: Transport, engine: Engine, audit_log: AuditLog) -> None:
    monday = working_monday()
    reason_id, office, counter = setup_agenda(
        transport.open_session(Role.SUPERVISOR), engine, monday
    )
    member = add_member(engine)
    now = datetime.now(UTC).replace(microsecond=0)
    midnight = datetime.combine(now.astimezone(PARIS).date(), time(0), tzinfo=PARIS)
    start = max(now - timedelta(minutes=10), midnight.astimezone(UTC))
    today = insert_appointment(engine, member, office, counter, reason_id, start)
    later = insert_appointment(engine, member, office, counter, reason_id, paris(monday, 9))
    desk = transport.open_session(Role.COUNTER)
    svc = desk.appointments

    waiting = svc.mark_waiting(today)
    assert waiting.status is AppointmentStatus.WAITING and waiting.arrived_at is not None
    assert svc.undo_arrival(today).arrived_at is None
    svc.mark_waiting(today)
    seen = svc.mark_seen(today)
    assert seen.status is AppointmentStatus.SEEN and seen.seen_at is not None
    for refused in (svc.mark_noshow, svc.mark_waiting, svc.cancel_by_member):
        with pytest.raises(ConflictError, match="reçu"):
            refused(today)
    with pytest.raises(ValidationError):
        svc.mark_noshow(later)  # not yet happened
    with pytest.raises(ValidationError):
        svc.mark_waiting(later)  # not today
    with pytest.raises(NotFound):
        svc.mark_seen(999_999)


def test_noshow_after_start(engine: Engine, login: Callable[[Role], BoundBackend]) -> None:
    monday = working_monday()
    manager = login(Role.SUPERVISOR)
    reason_id, office, counter = setup_agenda(manager, engine, monday)
    member = add_member(engine)
    past = insert_appointment(
        engine, member, office, counter, reason_id, datetime.now(UTC) - timedelta(days=1)
    )
    desk = login(Role.COUNTER)
    assert desk.appointments.mark_noshow(past).status is AppointmentStatus.NOSHOW
    with pytest.raises(ConflictError):
        desk.appointments.undo_arrival(past)
    with session_scope(engine) as s:
        actions = [
            e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.member_id == member))
        ]
    assert actions == ["appointments.mark_noshow"]


def test_agenda(transport: Transport, engine: Engine) -> None:
    monday = working_monday()
    manager = transport.open_session(Role.SUPERVISOR)
    reason_id, office, counter = setup_agenda(manager, engine, monday)
    manager.appointments.add_schedule(
        ScheduleInput(counter, office, 2, monday, None, time(14), time(16), [reason_id])
    )
    manager.appointments.add_absence(counter, paris(monday, 12), paris(monday, 13), "Déjeuner")
    member = add_member(engine)
    desk = transport.open_session(Role.COUNTER)
    slot = desk.appointments.free_slots(reason_id, office, monday, 1)[0]
    booked = desk.appointments.book(member, reason_id, office, counter, slot.starts_at)

    day = desk.appointments.agenda(office, None, monday, 1)
    assert [(o.starts_at, o.ends_at) for o in day.openings] == [
        (paris(monday, 9), paris(monday, 11))
    ]
    assert [a.id for a in day.appointments] == [booked.id]
    assert [a.reason for a in day.absences] == ["Déjeuner"]
    week = desk.appointments.agenda(None, counter, monday, 7)
    assert [o.starts_at for o in week.openings] == [
        paris(monday, 9),
        paris(monday + timedelta(days=2), 14),
    ]
    assert [a.id for a in week.appointments] == [booked.id]
    empty = desk.appointments.agenda(office, None, monday + timedelta(days=1), 1)
    assert empty.openings == [] and empty.appointments == []
    with pytest.raises(ValidationError):
        desk.appointments.agenda(office, None, monday, 3)
    with pytest.raises(ValidationError):
        desk.appointments.agenda(None, None, monday, 1)
