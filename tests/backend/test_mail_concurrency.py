"""Agents racing on "Next": each with its own connection, every thread handled exactly once."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select

from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import Backend
from advisor_desk.backend.mail import record_inbound
from advisor_desk.backend.mail_queue import claim_one
from advisor_desk.backend.orm import Advisor, AuditEvent, MailMessage, MailThread, Member
from advisor_desk.backend.security import hash_password
from advisor_desk.domain.enums import MailState, MailTheme, MessageDirection, Role, Sex
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.text import name_key

WORKERS = 8
THREADS = 160
PASSWORD = "Race-password-2026"


def _setup(engine: Engine) -> list[str]:
    """WORKERS agents and THREADS unassigned threads with various deadlines."""
    digest = hash_password(PASSWORD)
    logins = [f"racer{i}" for i in range(WORKERS)]
    now = datetime.now(UTC)
    themes = list(MailTheme)
    with session_scope(engine) as s:
        for login in logins:
            s.add(
                Advisor(
                    login=login,
                    full_name=f"Agent {login}",
                    role=Role.BACKOFFICE,
                    password_hash=digest,
                    active=True,
                    failed_attempts=0,
                )
            )
        member = Member(
            nir=make_nir(Sex.MALE, date(1970, 1, 5), "75", "112", 7).full,
            last_name="Durand",
            birth_name="Durand",
            first_names="Paul",
            name_key=name_key("Durand"),
            first_name_key=name_key("Paul"),
            birth_name_key=name_key("Durand"),
            sex=Sex.MALE,
            birth_date=date(1970, 1, 5),
            birth_place="Paris",
            fund_code="751",
        )
        s.add(member)
        s.flush()
        for i in range(THREADS):
            record_inbound(
                s,
                member_id=member.id,
                subject=f"Demande {i}",
                body="Bonjour, une question.",
                theme=themes[i % len(themes)],
                at=now - timedelta(minutes=7 * i),
            )
    return logins


def test_every_thread_is_claimed_exactly_once(db_url: str, engine: Engine) -> None:
    logins = _setup(engine)
    barrier = threading.Barrier(WORKERS)
    claimed: dict[str, list[int]] = {login: [] for login in logins}
    errors: list[BaseException] = []

    def work(login: str) -> None:
        own = make_engine(db_url, pool_size=1)  # one connection per agent, as on a desktop
        try:
            agent = Backend(own).login(login, PASSWORD)
            barrier.wait()
            while (detail := agent.mail.claim_next()) is not None:
                claimed[login].append(detail.id)
                agent.mail.reply(detail.id, "Réponse.", detail.version, close=True)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            own.dispose()

    workers = [threading.Thread(target=work, args=(login,)) for login in logins]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=240)
    assert not errors, errors
    assert not any(w.is_alive() for w in workers)

    counts = Counter(i for ids in claimed.values() for i in ids)
    assert len(counts) == THREADS
    assert max(counts.values()) == 1, [i for i, n in counts.items() if n > 1]
    assert sum(1 for ids in claimed.values() if ids) > 1, "one agent took everything"

    owner = {i: login for login, ids in claimed.items() for i in ids}
    with session_scope(engine) as s:
        agent_ids = {a.login: a.id for a in s.scalars(select(Advisor))}
        rows = s.execute(select(MailThread.id, MailThread.state, MailThread.assigned_agent_id))
        for thread_id, state, agent_id in rows:
            assert state is MailState.CLOSED
            assert agent_id == agent_ids[owner[thread_id]]
        replies = s.execute(
            select(MailMessage.thread_id, func.count())
            .where(MailMessage.direction == MessageDirection.OUTBOUND)
            .group_by(MailMessage.thread_id)
        ).all()
        assert len(replies) == THREADS and {n for _, n in replies} == {1}
        audited = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "mail.claim_next", AuditEvent.target.is_not(None))
        )
        assert audited == THREADS


def test_claim_order_follows_the_deadline_under_contention(db_url: str, engine: Engine) -> None:
    """Claims come out in deadline order overall: nobody skips the most urgent thread for long."""
    logins = _setup(engine)
    with session_scope(engine) as s:
        ordered = list(
            s.scalars(select(MailThread.id).order_by(MailThread.sla_due_at, MailThread.id))
        )
    agent = Backend(engine).login(logins[0], PASSWORD)
    first = [agent.mail.claim_next() for _ in range(5)]
    assert [d.id for d in first if d is not None] == ordered[:5]


def test_postgresql_skips_a_thread_another_agent_is_claiming(engine: Engine) -> None:
    """SKIP LOCKED: an uncommitted claim neither blocks nor duplicates the next one."""
    if engine.dialect.name != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises writers instead")
    logins = _setup(engine)
    with session_scope(engine) as s:
        ids = {a.login: a.id for a in s.scalars(select(Advisor))}
    with session_scope(engine) as first:
        held = claim_one(first, ids[logins[0]])
        with session_scope(engine) as second:
            second.connection().exec_driver_sql("SET LOCAL lock_timeout = '2s'")
            other = claim_one(second, ids[logins[1]])
        assert held is not None and other is not None and held != other
