"""Login, lockout, session tokens, and the bound advisor's own session (unlock, password, logout)."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta

from sqlalchemy import Engine, Executable, bindparam, func, select, update
from sqlalchemy.orm import Session

from advisor_desk.domain.enums import AuditOutcome
from advisor_desk.domain.errors import AuthError, ValidationError
from advisor_desk.domain.permissions import Permission

from . import security
from .engine import session_scope
from .orm import Advisor, Office, SessionToken, Team
from .orm.base import utcnow
from .service import AdvisorInfo, Service, api, write_audit

BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect."
DEFAULT_IDLE_TIMEOUT_S = 5 * 60


def _info(session: Session, advisor: Advisor) -> AdvisorInfo:
    office_name = (
        session.scalar(select(Office.name).where(Office.id == advisor.office_id))
        if advisor.office_id
        else None
    )
    team_name = (
        session.scalar(select(Team.name).where(Team.id == advisor.team_id))
        if advisor.team_id
        else None
    )
    return AdvisorInfo(
        id=advisor.id,
        login=advisor.login,
        full_name=advisor.full_name,
        role=advisor.role,
        office_id=advisor.office_id,
        office_name=office_name,
        team_id=advisor.team_id,
        team_name=team_name,
    )


def _locked_message(until: datetime) -> str:
    local = until.astimezone()
    return (
        f"Compte verrouillé après {security.MAX_FAILED_ATTEMPTS} essais infructueux : "
        f"réessayez après {local:%H:%M}."
    )


def check_credentials(session: Session, login: str, password: str, action: str) -> Advisor:
    """Verify a password with lockout; failures are counted and audited, then AuthError raised.

    The caller's transaction must commit even when this raises, so the counters persist:
    see `authenticate`.
    """
    login = login.strip().lower()
    advisor = session.scalar(select(Advisor).where(func.lower(Advisor.login) == login))
    now = utcnow()
    if advisor is not None and advisor.locked_until is not None and advisor.locked_until > now:
        write_audit(
            session,
            advisor_id=advisor.id,
            login=login,
            action=action,
            outcome=AuditOutcome.REFUSED,
            detail="compte verrouillé",
        )
        raise AuthError(_locked_message(advisor.locked_until))
    ok = security.verify_password(advisor.password_hash if advisor else None, password)
    if advisor is None or not ok or not advisor.active:
        detail = (
            "identifiant inconnu"
            if advisor is None
            else ("compte désactivé" if ok else "mot de passe erroné")
        )
        if advisor is not None and not ok:
            advisor.failed_attempts += 1
            if advisor.failed_attempts >= security.MAX_FAILED_ATTEMPTS:
                advisor.failed_attempts = 0
                advisor.locked_until = now + timedelta(minutes=security.LOCKOUT_MINUTES)
                detail += " ; compte verrouillé"
        write_audit(
            session,
            advisor_id=advisor.id if advisor else None,
            login=login[:40],
            action=action,
            outcome=AuditOutcome.REFUSED,
            detail=detail,
        )
        if advisor is not None and advisor.locked_until is not None and advisor.locked_until > now:
            raise AuthError(_locked_message(advisor.locked_until))
        raise AuthError(BAD_CREDENTIALS)
    advisor.failed_attempts = 0
    advisor.locked_until = None
    if security.needs_rehash(advisor.password_hash):
        advisor.password_hash = security.hash_password(password)
    return advisor


def authenticate(
    engine: Engine, login: str, password: str, idle_timeout_s: int
) -> tuple[AdvisorInfo, str]:
    """Check the credentials and open a session token; returns the advisor and the token."""
    error: AuthError | None = None
    result: tuple[AdvisorInfo, str] | None = None
    with session_scope(engine) as s:
        try:
            advisor = check_credentials(s, login, password, "session.login")
        except AuthError as exc:
            error = exc  # commit the failure counters and the audit row first
        else:
            token = security.new_token()
            s.add(
                SessionToken(
                    token_hash=security.token_hash(token),
                    advisor_id=advisor.id,
                    idle_timeout_s=idle_timeout_s,
                )
            )
            write_audit(s, advisor_id=advisor.id, login=advisor.login, action="session.login")
            result = (_info(s, advisor), token)
    if error is not None:
        raise error
    assert result is not None
    return result


def resume(engine: Engine, token: str, action: str = "session.resume") -> AdvisorInfo:
    """The advisor of a live token (and touch it); AuthError, audited, for any other token.

    The server calls this before every method, so the usual case is one read: token, advisor,
    office and team in a single query, in a read-only transaction (on SQLite a deferred one,
    which does not queue behind writers). Only a refusal (its audit row) or a touch that is
    due (at most every few seconds) opens a write transaction.
    """
    digest = security.token_hash(token)
    now = utcnow()
    error: str | None = None
    # Core, not ORM objects: this runs before every call of the server.
    # One read, no transaction to open and close around it: autocommit on PostgreSQL (saves
    # two round trips), a deferred transaction on SQLite (it does not wait for writers).
    postgres = engine.dialect.name == "postgresql"
    options = {"isolation_level": "AUTOCOMMIT"} if postgres else {"sqlite_begin": "DEFERRED"}
    with engine.connect() as conn:
        conn = conn.execution_options(**options)
        found = conn.execute(_resume_statement(), {"digest": digest}).one_or_none()
        conn.rollback()
    if found is None:
        error = "Session inconnue : reconnectez-vous."
    elif found.revoked_at is not None:
        error = "Session fermée : reconnectez-vous."
    elif found.last_seen_at + timedelta(seconds=found.idle_timeout_s) < now:
        error = "Session expirée après inactivité : reconnectez-vous."
    elif not found.active:
        error = "Compte désactivé."
    if error is not None:
        with session_scope(engine) as s:
            write_audit(
                s,
                advisor_id=found.id if found is not None else None,
                login=found.login if found is not None else "?",
                action=action,
                outcome=AuditOutcome.REFUSED,
                detail=error,
            )
        raise AuthError(error)
    assert found is not None
    # Touch at most every few seconds: one UPDATE per call would serialize the server. The
    # UPDATE re-checks the token is still live, so a logout in between is not undone.
    if (now - found.last_seen_at).total_seconds() > 5:
        with session_scope(engine) as s:
            s.execute(
                update(SessionToken)
                .where(
                    SessionToken.token_hash == digest,
                    SessionToken.revoked_at.is_(None),
                    SessionToken.last_seen_at < now,
                )
                .values(last_seen_at=now)
            )
    return AdvisorInfo(
        id=found.id,
        login=found.login,
        full_name=found.full_name,
        role=found.role,
        office_id=found.office_id,
        office_name=found.office_name,
        team_id=found.team_id,
        team_name=found.team_name,
    )


@functools.cache
def _resume_statement() -> Executable:
    """Token, advisor, office and team in one statement (built once)."""
    t = SessionToken
    return (
        select(
            t.revoked_at,
            t.last_seen_at,
            t.idle_timeout_s,
            Advisor.id,
            Advisor.login,
            Advisor.full_name,
            Advisor.role,
            Advisor.office_id,
            Advisor.team_id,
            Advisor.active,
            Office.name.label("office_name"),
            Team.name.label("team_name"),
        )
        .join(Advisor, Advisor.id == t.advisor_id)
        .outerjoin(Office, Office.id == Advisor.office_id)
        .outerjoin(Team, Team.id == Advisor.team_id)
        .where(t.token_hash == bindparam("digest"))
    )


class SessionService(Service):
    """The bound advisor's own session."""

    name = "session"

    @api(Permission.SESSION, readonly=True)
    def me(self) -> AdvisorInfo:
        return self._ctx.advisor

    @api(Permission.SESSION, readonly=True)
    def permissions(self) -> list[str]:
        return sorted(p.value for p in self._ctx.permissions)

    @api(Permission.SESSION)
    def unlock(self, password: str) -> None:
        """Re-enter the password after the idle lock (counts towards the lockout)."""
        error: AuthError | None = None
        with self._ctx.tx() as s:
            try:
                check_credentials(s, self._ctx.advisor.login, password, "session.unlock")
            except AuthError as exc:
                error = exc
            else:
                self._ctx.audit(s, "session.unlock")
        if error is not None:
            raise error

    @api(Permission.SESSION)
    def change_password(self, old_password: str, new_password: str) -> None:
        security.check_password_policy(new_password, "new_password")
        if old_password == new_password:
            raise ValidationError(
                "Le nouveau mot de passe doit différer de l'ancien.", "new_password"
            )
        error: AuthError | None = None
        with self._ctx.tx() as s:
            try:
                advisor = check_credentials(
                    s, self._ctx.advisor.login, old_password, "session.change_password"
                )
            except AuthError as exc:
                error = exc
            else:
                advisor.password_hash = security.hash_password(new_password)
                advisor.password_changed_at = utcnow()
                self._ctx.audit(s, "session.change_password")
        if error is not None:
            raise error

    @api(Permission.SESSION)
    def logout(self) -> None:
        with self._ctx.tx() as s:
            if self._ctx.token is not None:
                s.execute(
                    update(SessionToken)
                    .where(SessionToken.token_hash == security.token_hash(self._ctx.token))
                    .values(revoked_at=utcnow())
                )
            self._ctx.audit(s, "session.logout")
