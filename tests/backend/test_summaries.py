"""The dashboard's summary tables follow every change of the threads and requests they count."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from advisor_desk.backend import summaries
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import (
    Advisor,
    Appointment,
    AppointmentHour,
    AppointmentReason,
    Declaration,
    DeclarationOpenCount,
    MailFlowHour,
    MailOpenDay,
    MailThread,
    Member,
    Office,
    Team,
)
from advisor_desk.domain.enums import (
    AppointmentChannel,
    AppointmentStatus,
    DeclarationKind,
    DeclarationState,
    FilingChannel,
    MailState,
    MailTheme,
    Sex,
)
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.text import name_key

NOW = datetime(2026, 11, 20, 10, 17, 43, 123456, tzinfo=UTC)
OPEN_MAIL = {MailState.NEW, MailState.OPEN, MailState.PENDING}
OPEN_DECLARATIONS = {
    DeclarationState.RECEIVED,
    DeclarationState.IN_INSTRUCTION,
    DeclarationState.WAITING_MEMBER,
}


def _expected(s: Session) -> dict[str, Counter[Any]]:
    """The summaries computed in Python from the rows."""
    flow: Counter[Any] = Counter()
    open_days: Counter[Any] = Counter()
    for t in s.scalars(select(MailThread)):
        keys = (t.team_id or 0, t.office_id or 0, t.id % summaries.STRIPES)
        hour = t.created_at.replace(minute=0, second=0, microsecond=0)
        flow[(hour, *keys, "arrivals")] += 1
        if t.first_response_at is not None and t.sla_due_at is not None:
            late = t.first_response_at > t.sla_due_at
            flow[(hour, *keys, "sla_late" if late else "sla_met")] += 1
        if t.closed_at is not None:
            flow[(t.closed_at.replace(minute=0, second=0, microsecond=0), *keys, "closures")] += 1
        if t.state in OPEN_MAIL:
            open_days[(t.created_at.date(), t.theme, *keys)] += 1
    requests: Counter[Any] = Counter()
    for d in s.scalars(select(Declaration)):
        if d.state in OPEN_DECLARATIONS:
            estimated = d.estimated_on or summaries.NO_ESTIMATE
            requests[(d.kind, d.state, d.office_id or 0, estimated)] += 1
    slots: Counter[Any] = Counter()
    for a in s.scalars(select(Appointment)):
        key = (
            a.starts_at.replace(minute=0, second=0, microsecond=0),
            a.office_id,
            a.id % summaries.STRIPES,
        )
        if a.status not in (AppointmentStatus.EXCUSED, AppointmentStatus.REVOKED):
            slots[(*key, "booked")] += 1
        if a.status is AppointmentStatus.SEEN:
            slots[(*key, "seen")] += 1
        if a.status is AppointmentStatus.NOSHOW:
            slots[(*key, "noshow")] += 1
        if a.seen_at is not None and a.arrived_at is not None:
            slots[(*key, "waits")] += 1
            slots[(*key, "wait_us")] += (a.seen_at - a.arrived_at) // timedelta(microseconds=1)
    return {"flow": flow, "open": open_days, "requests": requests, "slots": slots}


def _stored(s: Session) -> dict[str, Counter[Any]]:
    flow: Counter[Any] = Counter()
    for f in s.scalars(select(MailFlowHour)):
        for name in ("arrivals", "sla_met", "sla_late", "closures"):
            flow[(f.hour, f.team_key, f.office_key, f.stripe, name)] += getattr(f, name)
    open_days: Counter[Any] = Counter(
        {
            (o.day, o.theme, o.team_key, o.office_key, o.stripe): o.open_count
            for o in s.scalars(select(MailOpenDay))
        }
    )
    requests: Counter[Any] = Counter(
        {
            (r.kind, r.state, r.office_key, r.estimated_key): r.open_count
            for r in s.scalars(select(DeclarationOpenCount))
        }
    )
    slots: Counter[Any] = Counter()
    for h in s.scalars(select(AppointmentHour)):
        for name in ("booked", "seen", "noshow", "wait_us", "waits"):
            slots[(h.hour, h.office_key, h.stripe, name)] += getattr(h, name)
    # Rows whose counts came back to zero stay; they count nothing.
    return {
        name: +counter
        for name, counter in {
            "flow": flow,
            "open": open_days,
            "requests": requests,
            "slots": slots,
        }.items()
    }


def _check(engine: Engine) -> None:
    with session_scope(engine) as s:
        stored, expected = _stored(s), _expected(s)
    for name in expected:
        extra, missing = stored[name] - expected[name], expected[name] - stored[name]
        assert not extra and not missing, f"{name}: extra {dict(extra)}, missing {dict(missing)}"


class World:
    """Random threads and requests over a few days, offices and teams."""

    def __init__(self, engine: Engine, seed: int) -> None:
        self.engine = engine
        self.rnd = random.Random(seed)
        self.n = 0
        with session_scope(engine) as s:
            office = Office(
                code="T09",
                name="Autre accueil",
                address_line="2 rue X",
                postcode="69001",
                city="Lyon",
                latitude=45.7,
                longitude=4.8,
                phone="3646",
            )
            s.add(office)
            s.flush()
            team = Team(name="Autre équipe", office_id=office.id)
            member = Member(
                nir=make_nir(Sex.MALE, date(1970, 5, 2), "69", "383", 7).full,
                last_name="Bernard",
                birth_name="Bernard",
                first_names="Paul",
                name_key=name_key("Bernard"),
                first_name_key="paul",
                birth_name_key=name_key("Bernard"),
                sex=Sex.MALE,
                birth_date=date(1970, 5, 2),
                birth_place="Lyon",
                fund_code="691",
            )
            s.add_all([team, member])
            s.flush()
            self.member = member.id
            self.offices = [
                None,
                office.id,
                *s.scalars(select(Office.id).where(Office.id != office.id)),
            ]
            self.teams = [None, team.id, *s.scalars(select(Team.id).where(Team.id != team.id))]
            reason = AppointmentReason(
                code="SUMM", label="Test", duration_min=15, channel=AppointmentChannel.OFFICE
            )
            s.add(reason)
            s.flush()
            self.reason = reason.id
            self.advisor = s.scalars(select(Advisor.id)).first()
        self.slot = 0

    def instant(self) -> datetime:
        return NOW - timedelta(
            minutes=self.rnd.randrange(4 * 24 * 60), microseconds=self.rnd.randrange(10**6)
        )

    def thread(self) -> dict[str, Any]:
        rnd = self.rnd
        self.n += 1
        created = self.instant()
        state = rnd.choice(list(MailState))
        closed = (
            created + timedelta(minutes=rnd.randrange(3000)) if state is MailState.CLOSED else None
        )
        answered = created + timedelta(minutes=rnd.randrange(4000)) if rnd.random() < 0.6 else None
        return {
            "member_id": self.member,
            "subject": f"Sujet {self.n}",
            "theme": rnd.choice(list(MailTheme)),
            "state": state,
            "office_id": rnd.choice(self.offices),
            "team_id": rnd.choice(self.teams),
            "escalated": False,
            "created_at": created,
            "last_message_at": created,
            "first_response_at": answered,
            "sla_due_at": created + timedelta(days=2),
            "closed_at": closed,
            "version": 1,
        }

    def declaration(self) -> dict[str, Any]:
        rnd = self.rnd
        self.n += 1
        filed = self.instant()
        return {
            "number": f"S{self.n:09d}",
            "member_id": self.member,
            "kind": rnd.choice(list(DeclarationKind)),
            "state": rnd.choice(list(DeclarationState)),
            "payload": {},
            "channel": FilingChannel.ONLINE,
            "filed_at": filed,
            "office_id": rnd.choice(self.offices),
            "estimated_on": rnd.choice([None, (filed + timedelta(days=rnd.randrange(30))).date()]),
            "waiting_days": 0,
            "version": 1,
        }

    def thread_change(self) -> dict[str, Any]:
        rnd = self.rnd
        change = rnd.choice(
            ["close", "reopen", "answer", "route", "theme", "created", "claim", "state"]
        )
        if change == "close":
            return {"state": MailState.CLOSED, "closed_at": self.instant()}
        if change == "reopen":
            return {"state": MailState.OPEN, "closed_at": None}
        if change == "answer":
            return {"first_response_at": rnd.choice([None, self.instant()])}
        if change == "route":
            return {"team_id": rnd.choice(self.teams), "office_id": rnd.choice(self.offices)}
        if change == "theme":
            return {"theme": rnd.choice(list(MailTheme))}
        if change == "created":
            return {"created_at": self.instant(), "sla_due_at": rnd.choice([None, self.instant()])}
        if change == "claim":
            return {"assigned_agent_id": None, "escalated": True}
        return {"state": rnd.choice(list(MailState))}

    def appointment_slot(self) -> dict[str, Any]:
        """A start no other appointment of the advisor overlaps (half an hour apart)."""
        self.slot += 1
        starts = NOW - timedelta(days=3) + timedelta(minutes=30 * self.slot)
        return {"starts_at": starts, "ends_at": starts + timedelta(minutes=15)}

    def appointment(self) -> dict[str, Any]:
        return {
            "member_id": self.member,
            "office_id": self.rnd.choice([o for o in self.offices if o is not None]),
            "advisor_id": self.advisor,
            "reason_id": self.reason,
            "status": AppointmentStatus.UNKNOWN,
            "booked_at": NOW - timedelta(days=5),
            **self.appointment_slot(),
            **self.appointment_change(),
        }

    def appointment_change(self) -> dict[str, Any]:
        rnd = self.rnd
        change = rnd.choice(["seen", "noshow", "cancel", "wait", "move", "office"])
        arrived = NOW - timedelta(minutes=rnd.randrange(600), microseconds=rnd.randrange(10**6))
        if change == "seen":
            seen = arrived + timedelta(
                seconds=rnd.randrange(3600), microseconds=rnd.randrange(10**6)
            )
            return {"status": AppointmentStatus.SEEN, "arrived_at": arrived, "seen_at": seen}
        if change == "noshow":
            return {"status": AppointmentStatus.NOSHOW, "arrived_at": None, "seen_at": None}
        if change == "cancel":
            return {"status": rnd.choice([AppointmentStatus.EXCUSED, AppointmentStatus.REVOKED])}
        if change == "wait":
            return {"status": AppointmentStatus.WAITING, "arrived_at": arrived, "seen_at": None}
        if change == "move":
            return self.appointment_slot()
        return {"office_id": rnd.choice([o for o in self.offices if o is not None])}

    def declaration_change(self) -> dict[str, Any]:
        rnd = self.rnd
        change = rnd.choice(["state", "office", "estimate", "kind"])
        if change == "state":
            return {"state": rnd.choice(list(DeclarationState))}
        if change == "office":
            return {"office_id": rnd.choice(self.offices)}
        if change == "estimate":
            return {
                "estimated_on": rnd.choice(
                    [None, (NOW + timedelta(days=rnd.randrange(-5, 5))).date()]
                )
            }
        return {"kind": rnd.choice(list(DeclarationKind))}


def _step(world: World, s: Session) -> None:
    rnd = world.rnd
    action = rnd.randrange(11)
    thread_ids = list(s.scalars(select(MailThread.id)))
    request_ids = list(s.scalars(select(Declaration.id)))
    if action == 0 or not thread_ids:
        # One statement, several rows (some with the same keys): counted once per statement.
        s.execute(insert(MailThread), [world.thread() for _ in range(rnd.randrange(1, 6))])
    elif action == 1:
        s.execute(insert(MailThread).values(**world.thread()))
    elif action == 2:
        picked = rnd.sample(thread_ids, min(len(thread_ids), rnd.randrange(1, 4)))
        s.execute(
            update(MailThread).where(MailThread.id.in_(picked)).values(**world.thread_change())
        )
    elif action == 3:
        s.execute(delete(MailThread).where(MailThread.id == rnd.choice(thread_ids)))
    elif action == 4 or not request_ids:
        s.execute(insert(Declaration), [world.declaration() for _ in range(rnd.randrange(1, 4))])
    elif action == 5:
        picked = rnd.sample(request_ids, min(len(request_ids), rnd.randrange(1, 3)))
        s.execute(
            update(Declaration)
            .where(Declaration.id.in_(picked))
            .values(**world.declaration_change())
        )
    elif action == 6:
        s.execute(delete(Declaration).where(Declaration.id == rnd.choice(request_ids)))
    elif action in (8, 9, 10):
        appointment_ids = list(s.scalars(select(Appointment.id)))
        if action == 8 or not appointment_ids:
            s.execute(
                insert(Appointment), [world.appointment() for _ in range(rnd.randrange(1, 4))]
            )
        elif action == 9:
            appointment = s.get(Appointment, rnd.choice(appointment_ids))
            assert appointment is not None
            for name, value in world.appointment_change().items():
                setattr(appointment, name, value)
            s.flush()
        else:
            s.execute(delete(Appointment).where(Appointment.id == rnd.choice(appointment_ids)))
    else:
        # Through the ORM, as the services do.
        thread = s.get(MailThread, rnd.choice(thread_ids))
        assert thread is not None
        for name, value in world.thread_change().items():
            setattr(thread, name, value)
        s.flush()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_summaries_follow_random_changes(engine: Engine, seed: int) -> None:
    world = World(engine, seed)
    for _ in range(60):
        with session_scope(engine) as s:
            for _ in range(world.rnd.randrange(1, 4)):
                _step(world, s)
        _check(engine)
    with session_scope(engine) as s:
        assert s.scalar(select(MailThread.id).limit(1)) is not None


def test_a_rolled_back_change_leaves_the_summaries_alone(engine: Engine) -> None:
    world = World(engine, 3)
    with session_scope(engine) as s:
        s.execute(insert(MailThread), [world.thread() for _ in range(5)])
    _check(engine)
    with pytest.raises(RuntimeError), session_scope(engine) as s:
        s.execute(insert(MailThread), [world.thread() for _ in range(5)])
        s.execute(update(MailThread).values(state=MailState.CLOSED, closed_at=NOW))
        raise RuntimeError("abandoned")
    _check(engine)
    with session_scope(engine) as s:
        assert s.scalar(select(MailFlowHour.hour).limit(1)) is not None


def test_rebuild_counts_again_from_the_rows(engine: Engine) -> None:
    world = World(engine, 4)
    with session_scope(engine) as s:
        s.execute(insert(MailThread), [world.thread() for _ in range(20)])
        s.execute(insert(Declaration), [world.declaration() for _ in range(20)])
    with engine.begin() as conn:
        conn.execute(delete(MailFlowHour))
        conn.execute(update(MailOpenDay).values(open_count=MailOpenDay.open_count + 3))
        conn.execute(delete(DeclarationOpenCount))
    with session_scope(engine) as s:
        assert _stored(s) != _expected(s)
    with engine.begin() as conn:
        summaries.rebuild(conn)
    _check(engine)


def test_a_count_cannot_go_below_zero(engine: Engine) -> None:
    """A summary that lost track fails the change loudly instead of showing wrong figures."""
    world = World(engine, 5)
    with session_scope(engine) as s:
        s.execute(insert(MailThread).values(**{**world.thread(), "state": MailState.NEW}))
    with engine.begin() as conn:
        conn.execute(delete(MailOpenDay))
    with (
        pytest.raises(IntegrityError, match=r"ck_mail_open_days_counts|CHECK constraint failed"),
        session_scope(engine) as s,
    ):
        s.execute(update(MailThread).values(state=MailState.CLOSED, closed_at=NOW))
