"""Login, lockout, unlock, password change and logout, in-process and over HTTP."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, select, update

from advisor_desk.backend import security
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import Advisor, SessionToken
from advisor_desk.backend.orm.base import utcnow
from advisor_desk.backend.sessions import BAD_CREDENTIALS
from advisor_desk.domain.enums import AuditOutcome, Role
from advisor_desk.domain.errors import AuthError, ValidationError
from advisor_desk.domain.permissions import permissions_of

if TYPE_CHECKING:  # tests/backend/conftest.py (fixtures `transport` and `audit_log`)
    from conftest import AuditLog, Transport

NEW_PASSWORD = "Nouveau-mot-2026"


def _token(bound: BoundBackend) -> str:
    assert bound.token is not None
    return bound.token


def _advisor(engine: Engine, login: str) -> Advisor:
    with session_scope(engine, readonly=True) as s:
        advisor = s.scalar(select(Advisor).where(Advisor.login == login))
        assert advisor is not None
        return advisor


def test_login_binds_the_advisor(transport: Transport, audit_log: AuditLog) -> None:
    bound = transport.bound(Role.COUNTER)
    assert bound.advisor.login == transport.accounts.logins[Role.COUNTER]
    assert bound.advisor.role is Role.COUNTER
    assert bound.advisor.office_name == "Accueil de test"
    assert bound.token and len(bound.token) >= 40
    assert bound.permissions == {p.value for p in permissions_of(Role.COUNTER)}
    assert bound.session.me() == bound.advisor
    assert bound.session.permissions() == sorted(bound.permissions)
    assert transport.backend.resume(_token(bound)).advisor == bound.advisor
    (row,) = [r for r in audit_log.since() if r.action == "session.login"]
    assert row.outcome is AuditOutcome.OK and row.login == bound.advisor.login


def test_login_ignores_case_and_surrounding_spaces(transport: Transport) -> None:
    login = transport.accounts.logins[Role.BACKOFFICE]
    bound = transport.login(f"  {login.upper()} ", transport.accounts.password)
    assert bound.advisor.login == login


def test_wrong_password_and_unknown_login_give_the_same_message(
    transport: Transport, audit_log: AuditLog
) -> None:
    with pytest.raises(AuthError) as wrong:
        transport.login(transport.accounts.logins[Role.COUNTER], "Mauvais-mot-2026")
    with pytest.raises(AuthError) as unknown:
        transport.login("personne", transport.accounts.password)
    assert wrong.value.message == unknown.value.message == BAD_CREDENTIALS
    refused = [(r.login, r.outcome, r.detail) for r in audit_log.since()]
    assert refused == [
        (transport.accounts.logins[Role.COUNTER], AuditOutcome.REFUSED, "mot de passe erroné"),
        ("personne", AuditOutcome.REFUSED, "identifiant inconnu"),
    ]


def test_lockout_after_five_failures_then_unlock_after_expiry(
    transport: Transport, engine: Engine
) -> None:
    login = transport.accounts.logins[Role.BACKOFFICE]
    for _ in range(security.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthError, match="incorrect"):
            transport.login(login, "Mauvais-mot-2026")
    with pytest.raises(AuthError, match="verrouillé"):
        transport.login(login, "Mauvais-mot-2026")
    # Locked: even the right password is refused, without being checked.
    with pytest.raises(AuthError, match="verrouillé"):
        transport.login(login, transport.accounts.password)
    locked_until = _advisor(engine, login).locked_until
    assert locked_until is not None
    expected = utcnow() + timedelta(minutes=security.LOCKOUT_MINUTES)
    assert abs((locked_until - expected).total_seconds()) < 60

    # Fifteen minutes later (the lock's end moved into the past), the account opens again.
    with session_scope(engine) as s:
        s.execute(
            update(Advisor)
            .where(Advisor.login == login)
            .values(locked_until=utcnow() - timedelta(seconds=1))
        )
    bound = transport.login(login, transport.accounts.password)
    assert bound.advisor.login == login
    advisor = _advisor(engine, login)
    assert advisor.failed_attempts == 0 and advisor.locked_until is None


def test_a_success_resets_the_failure_count(transport: Transport, engine: Engine) -> None:
    login = transport.accounts.logins[Role.SUPERVISOR]
    for _ in range(security.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthError):
            transport.login(login, "Mauvais-mot-2026")
    transport.login(login, transport.accounts.password)
    assert _advisor(engine, login).failed_attempts == 0
    with pytest.raises(AuthError, match="incorrect"):
        transport.login(login, "Mauvais-mot-2026")


def test_session_unlock(transport: Transport, engine: Engine, audit_log: AuditLog) -> None:
    bound = transport.bound(Role.COUNTER)
    bound.session.unlock(transport.accounts.password)
    with pytest.raises(AuthError, match="incorrect"):
        bound.session.unlock("Mauvais-mot-2026")
    # A wrong password at the idle lock counts towards the lockout like one at login.
    assert _advisor(engine, bound.advisor.login).failed_attempts == 1
    actions = [(r.action, r.outcome) for r in audit_log.since()]
    assert ("session.unlock", AuditOutcome.OK) in actions
    assert ("session.unlock", AuditOutcome.REFUSED) in actions


POLICY = [
    ("Court-1", "au moins 12"),
    ("toutenminuscules", "deux sortes"),
    (" Espace-devant-2026", "espace"),
]


def test_change_password_policy(transport: Transport) -> None:
    bound = transport.open_session(Role.COUNTER)
    for new_password, message in POLICY:
        with pytest.raises(ValidationError, match=message) as info:
            bound.session.change_password(transport.accounts.password, new_password)
        assert info.value.field == "new_password"


def test_change_password(transport: Transport) -> None:
    bound = transport.bound(Role.COUNTER)
    login, old = bound.advisor.login, transport.accounts.password
    with pytest.raises(ValidationError, match="différer") as same:
        bound.session.change_password(old, old)
    assert same.value.field == "new_password"
    with pytest.raises(AuthError):
        bound.session.change_password("Mauvais-mot-2026", NEW_PASSWORD)
    bound.session.change_password(old, NEW_PASSWORD)
    with pytest.raises(AuthError, match="incorrect"):
        transport.login(login, old)
    assert transport.login(login, NEW_PASSWORD).advisor.login == login


def test_logout_revokes_the_token(transport: Transport, engine: Engine) -> None:
    bound = transport.bound(Role.COUNTER)
    other = transport.bound(Role.COUNTER)  # the same advisor at another desk
    bound.session.logout()
    with pytest.raises(AuthError, match="fermée"):
        transport.backend.resume(_token(bound))
    if transport.remote:
        # Over HTTP every call resumes the token: the very next one is refused.
        with pytest.raises(AuthError, match="fermée"):
            bound.session.me()
    assert other.session.me() == other.advisor
    with session_scope(engine, readonly=True) as s:
        row = s.get(SessionToken, security.token_hash(_token(bound)))
        assert row is not None and row.revoked_at is not None


def test_idle_session_expires(transport: Transport, engine: Engine) -> None:
    bound = transport.bound(Role.COUNTER)
    with session_scope(engine) as s:
        s.execute(
            update(SessionToken)
            .where(SessionToken.token_hash == security.token_hash(_token(bound)))
            .values(last_seen_at=utcnow() - timedelta(hours=1))
        )
    with pytest.raises(AuthError, match="expirée"):
        transport.backend.resume(_token(bound))
    if transport.remote:
        with pytest.raises(AuthError, match="expirée"):
            bound.session.me()


def test_deactivated_account_cannot_log_in(transport: Transport) -> None:
    admin = transport.bound(Role.ADMIN)
    counter = transport.bound(Role.COUNTER)
    admin.admin.set_active(counter.advisor.id, False)
    with pytest.raises(AuthError) as info:
        transport.bound(Role.COUNTER)
    assert info.value.message == BAD_CREDENTIALS  # says nothing of the account to a stranger
    with pytest.raises(AuthError, match="désactivé"):
        transport.backend.resume(_token(counter))
