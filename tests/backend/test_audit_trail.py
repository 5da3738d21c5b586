"""The administrators' audit trail: by member (number or NIR), login and period; the CSV export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import AuditEvent, Dependent, Member
from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.enums import AuditOutcome, Relationship, Role, Sex
from advisor_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from advisor_desk.domain.nir import make_nir
from tests.backend.test_appointments import add_member

if TYPE_CHECKING:
    from conftest import AuditLog, Transport

NOW = datetime.now(UTC)


def _nir(engine: Engine, member_id: int) -> str:
    with session_scope(engine, readonly=True) as s:
        nir = s.scalar(select(Member.nir).where(Member.id == member_id))
    assert nir is not None
    return nir


def _old_event(engine: Engine, member_id: int, days_ago: int, login: str = "m.boyer") -> None:
    with session_scope(engine) as s:
        s.add(
            AuditEvent(
                at=NOW - timedelta(days=days_ago),
                advisor_id=None,
                login=login,
                action="members.identity",
                member_id=member_id,
                outcome=AuditOutcome.OK,
            )
        )


def test_by_member_number_nir_login_and_period(
    transport: Transport, engine: Engine, audit_log: AuditLog
) -> None:
    anne, other = add_member(engine), add_member(engine, "Bernard")
    with session_scope(engine) as s:
        child_nir = make_nir(Sex.MALE, datetime(2015, 6, 1).date(), "69", "123", 900).full
        s.add(
            Dependent(
                member_id=anne,
                rank=2,
                nir=child_nir,
                last_name="Martin",
                first_names="Léo",
                name_key="martin",
                first_name_key="leo",
                sex=Sex.MALE,
                birth_date=datetime(2015, 6, 1).date(),
                relationship=Relationship.CHILD,
            )
        )
    counter = transport.open_session(Role.COUNTER)
    counter.members.identity(anne)
    counter.members.identity(other)
    _old_event(engine, anne, days_ago=40)
    _old_event(engine, anne, days_ago=400, login="p.meunier")
    admin = transport.open_session(Role.ADMIN)

    by_number = admin.admin.audit_trail(member_id=anne)
    assert [r.login for r in by_number] == ["t_counter", "m.boyer", "p.meunier"]  # newest first
    assert {r.member_id for r in by_number} == {anne}
    spaced = " ".join(_nir(engine, anne)[i : i + 3] for i in range(0, 15, 3))
    assert admin.admin.audit_trail(nir=spaced) == by_number
    assert admin.admin.audit_trail(nir=child_nir) == by_number  # a dependent: the holder's
    assert admin.admin.audit_trail(member_id=anne, nir=_nir(engine, anne)) == by_number

    today = NOW.astimezone(PARIS).date()
    recent = admin.admin.audit_trail(member_id=anne, since=today - timedelta(days=60))
    assert [r.login for r in recent] == ["t_counter", "m.boyer"]
    window = admin.admin.audit_trail(
        member_id=anne, since=today - timedelta(days=60), until=today - timedelta(days=1)
    )
    assert [r.login for r in window] == ["m.boyer"]
    assert [r.member_id for r in admin.admin.audit_trail(login="M.Boyer ")] == [anne]

    with pytest.raises(ValidationError, match="clé"):
        admin.admin.audit_trail(nir=_nir(engine, anne)[:13] + "00")
    with pytest.raises(NotFound, match="Aucun assuré"):
        admin.admin.audit_trail(
            nir=make_nir(Sex.FEMALE, today.replace(year=1990), "75", "101", 1).full
        )
    with pytest.raises(ValidationError, match="n'est pas celui"):
        admin.admin.audit_trail(member_id=other, nir=_nir(engine, anne))
    with pytest.raises(ValidationError, match="début est après"):
        admin.admin.audit_trail(since=today, until=today - timedelta(days=1))


def test_the_export_is_csv_and_audited(
    transport: Transport, engine: Engine, audit_log: AuditLog
) -> None:
    anne = add_member(engine)
    transport.open_session(Role.COUNTER).members.identity(anne)
    _old_event(engine, anne, days_ago=3)
    admin = transport.open_session(Role.ADMIN)
    mark = audit_log.mark()

    data = admin.admin.export_audit_trail(nir=_nir(engine, anne))
    assert data.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert lines[0][:3] == ["Date (Europe/Paris)", "Identifiant", "Action"]
    assert [(line[1], line[2], line[3], line[5]) for line in lines[1:]] == [
        ("t_counter", "members.identity", str(anne), "Effectué"),
        ("m.boyer", "members.identity", str(anne), "Effectué"),
    ]
    (event,) = [e for e in audit_log.since(mark) if e.action == "admin.audit_export"]
    assert event.member_id == anne and event.login == "t_admin"
    assert event.detail == "NIR ; 2 événement(s)"
    assert _nir(engine, anne) not in (event.detail or "")


def test_only_administrators_read_the_trail(transport: Transport) -> None:
    for role in (Role.COUNTER, Role.BACKOFFICE, Role.SUPERVISOR):
        bound = transport.open_session(role)
        with pytest.raises(PermissionDenied):
            bound.admin.audit_trail()
        with pytest.raises(PermissionDenied):
            bound.admin.export_audit_trail()
