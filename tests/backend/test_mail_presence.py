"""Who else has a mail thread open (the collision notice), and whom a thread can go to."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, func, select, update

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.mail import PRESENCE_TIMEOUT
from advisor_desk.backend.orm import Advisor, AuditEvent, MailThreadViewer, Team
from advisor_desk.backend.security import hash_password
from advisor_desk.domain.enums import Role
from advisor_desk.domain.errors import NotFound, PermissionDenied

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_mail import Mail
from test_mail import mail as mail

if TYPE_CHECKING:  # tests/backend/conftest.py
    from conftest import Transport

Bound = Callable[[Role], BoundBackend]


def add_agent(
    engine: Engine, login: str, full_name: str, password: str, role: Role = Role.BACKOFFICE
) -> int:
    """One more staff account in the test's office and team (the fixtures have one per role)."""
    with session_scope(engine) as s:
        reference = s.scalar(select(Advisor).where(Advisor.login == "t_agent"))
        assert reference is not None
        advisor = Advisor(
            login=login,
            full_name=full_name,
            role=role,
            office_id=reference.office_id,
            team_id=reference.team_id,
            password_hash=hash_password(password),
            active=True,
            failed_attempts=0,
        )
        s.add(advisor)
        s.flush()
        return advisor.id


@pytest.fixture
def colleague(transport: Transport, engine: Engine) -> BoundBackend:
    """A second back-office agent, Marie Dupont, logged in over the test's transport."""
    add_agent(engine, "t_agent2", "Marie Dupont", transport.accounts.password)
    return transport.login("t_agent2", transport.accounts.password)


def audit_count(engine: Engine) -> int:
    with session_scope(engine, readonly=True) as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def viewer_rows(engine: Engine, thread_id: int) -> dict[int, bool]:
    with session_scope(engine, readonly=True) as s:
        rows = s.execute(
            select(MailThreadViewer.advisor_id, MailThreadViewer.replying).where(
                MailThreadViewer.thread_id == thread_id
            )
        ).all()
        return {advisor_id: replying for advisor_id, replying in rows}


def test_two_agents_on_one_thread_see_each_other(
    bound: Bound, colleague: BoundBackend, mail: Mail, engine: Engine
) -> None:
    agent = bound(Role.BACKOFFICE)
    thread = mail.threads["ij"]
    assert agent.mail.touch_presence(thread, False) == []
    seen = colleague.mail.touch_presence(thread, False)
    assert [(v.advisor_id, v.name, v.replying) for v in seen] == [
        (agent.advisor.id, agent.advisor.full_name, False)
    ]
    assert seen[0].seen_at.tzinfo is not None
    others = agent.mail.touch_presence(thread, False)
    assert [(v.name, v.replying) for v in others] == [("Marie Dupont", False)]
    # Another thread is another room.
    assert agent.mail.touch_presence(mail.threads["vitale"], False) == []
    # One row per agent and thread, however often the screen calls.
    agent.mail.touch_presence(thread, False)
    assert viewer_rows(engine, thread) == {agent.advisor.id: False, colleague.advisor.id: False}


def test_replying_flag_follows_the_editor(
    bound: Bound, colleague: BoundBackend, mail: Mail, engine: Engine
) -> None:
    agent = bound(Role.BACKOFFICE)
    supervisor = bound(Role.SUPERVISOR)
    thread = mail.threads["vitale"]
    agent.mail.touch_presence(thread, True)
    supervisor.mail.touch_presence(thread, False)
    seen = colleague.mail.touch_presence(thread, False)
    # Those writing a reply come first: they are the collision that matters.
    assert [(v.name, v.replying) for v in seen] == [
        (agent.advisor.full_name, True),
        (supervisor.advisor.full_name, False),
    ]
    agent.mail.touch_presence(thread, False)  # the draft was emptied
    assert [v.replying for v in colleague.mail.touch_presence(thread, False)] == [False, False]
    assert viewer_rows(engine, thread)[agent.advisor.id] is False


def test_stale_rows_are_ignored_and_pruned(
    bound: Bound, colleague: BoundBackend, mail: Mail, engine: Engine
) -> None:
    agent = bound(Role.BACKOFFICE)
    thread = mail.threads["ij"]
    colleague.mail.touch_presence(thread, True)
    assert [v.name for v in agent.mail.touch_presence(thread, False)] == ["Marie Dupont"]
    # Marie's desktop crashed: her last heartbeat is older than the timeout.
    old = datetime.now(UTC) - PRESENCE_TIMEOUT - timedelta(seconds=5)
    with session_scope(engine) as s:
        s.execute(
            update(MailThreadViewer)
            .where(MailThreadViewer.advisor_id == colleague.advisor.id)
            .values(seen_at=old)
        )
    assert agent.mail.touch_presence(thread, False) == []
    assert set(viewer_rows(engine, thread)) == {agent.advisor.id}  # her row was dropped
    # Just within the timeout still counts.
    recent = datetime.now(UTC) - PRESENCE_TIMEOUT + timedelta(seconds=10)
    colleague.mail.touch_presence(thread, False)
    with session_scope(engine) as s:
        s.execute(
            update(MailThreadViewer)
            .where(MailThreadViewer.advisor_id == colleague.advisor.id)
            .values(seen_at=recent)
        )
    assert [v.name for v in agent.mail.touch_presence(thread, False)] == ["Marie Dupont"]


def test_leave_removes_the_row(
    bound: Bound, colleague: BoundBackend, mail: Mail, engine: Engine
) -> None:
    agent = bound(Role.BACKOFFICE)
    thread = mail.threads["other"]
    colleague.mail.touch_presence(thread, False)
    agent.mail.touch_presence(thread, False)
    colleague.mail.leave(thread)
    assert agent.mail.touch_presence(thread, False) == []
    assert set(viewer_rows(engine, thread)) == {agent.advisor.id}
    colleague.mail.leave(thread)  # leaving twice is harmless
    agent.mail.leave(thread)
    assert viewer_rows(engine, thread) == {}


def test_presence_writes_no_audit_row(
    bound: Bound, colleague: BoundBackend, mail: Mail, engine: Engine
) -> None:
    agent = bound(Role.BACKOFFICE)
    before = audit_count(engine)
    for _ in range(3):
        agent.mail.touch_presence(mail.threads["ij"], True)
        colleague.mail.touch_presence(mail.threads["ij"], False)
    agent.mail.leave(mail.threads["ij"])
    assert audit_count(engine) == before


def test_presence_on_an_unknown_thread(bound: Bound, mail: Mail) -> None:
    with pytest.raises(NotFound):
        bound(Role.BACKOFFICE).mail.touch_presence(999_999, False)


def test_counter_staff_cannot_see_or_signal_presence(
    bound: Bound, colleague: BoundBackend, mail: Mail
) -> None:
    colleague.mail.touch_presence(mail.threads["ij"], False)
    counter = bound(Role.COUNTER)
    with pytest.raises(PermissionDenied):
        counter.mail.touch_presence(mail.threads["ij"], False)
    with pytest.raises(PermissionDenied):
        counter.mail.leave(mail.threads["ij"])
    with pytest.raises(PermissionDenied):
        counter.mail.transfer_targets()


def test_transfer_targets_list_mail_agents_and_teams(
    bound: Bound, colleague: BoundBackend, mail: Mail, engine: Engine, transport: Transport
) -> None:
    add_agent(engine, "t_gone", "Agent Parti", transport.accounts.password)
    with session_scope(engine) as s:
        s.execute(update(Advisor).where(Advisor.login == "t_gone").values(active=False))
        s.add(Team(name="Équipe Courriels Villeurbanne"))
    agent = bound(Role.BACKOFFICE)
    targets = agent.mail.transfer_targets()
    names = [a.name for a in targets.agents]
    # Mail workers only (no counter advisor, no administrator), active ones, not myself.
    assert names == sorted(["Marie Dupont", "Test supervisor"])
    assert all(a.team_name == "Équipe de test" for a in targets.agents)
    assert [t.name for t in targets.teams] == ["Équipe Courriels Villeurbanne", "Équipe de test"]
    # The picked agent and team are accepted by `transfer`.
    opened = agent.mail.claim_next()
    assert opened is not None
    marie = next(a for a in targets.agents if a.name == "Marie Dupont")
    agent.mail.transfer(opened.id, "Elle connaît le dossier", agent_id=marie.id)
    assert colleague.mail.open_thread(opened.id).assigned_agent_id == colleague.advisor.id
    team = targets.teams[0]
    colleague.mail.transfer(opened.id, "Pour Villeurbanne", team_id=team.id)
    moved = agent.mail.open_thread(opened.id)
    assert (moved.assigned_agent_id, moved.team_id) == (None, team.id)
