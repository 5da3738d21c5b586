"""Administration of advisor accounts and reading the audit trail."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from advisor_desk.domain.enums import AuditOutcome, Role
from advisor_desk.domain.errors import ConflictError, NotFound, ValidationError
from advisor_desk.domain.permissions import Permission

from . import security
from .orm import Advisor, AuditEvent, Office, Team
from .orm.base import utcnow
from .service import Service, api

LOGIN_RE = re.compile(r"^[a-z][a-z0-9._-]{2,39}$")


@dataclass(frozen=True)
class AdvisorAccount:
    id: int
    login: str
    full_name: str
    role: Role
    office_id: int | None
    office_name: str | None
    team_id: int | None
    team_name: str | None
    active: bool
    locked: bool


@dataclass(frozen=True)
class OfficeRef:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class TeamRef:
    id: int
    name: str
    office_id: int | None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    login: str
    action: str
    member_id: int | None
    target: str | None
    outcome: AuditOutcome
    detail: str | None


class AdminService(Service):
    name = "admin"

    @api(Permission.ACCOUNTS_MANAGE, readonly=True)
    def list_advisors(self) -> list[AdvisorAccount]:
        now = utcnow()
        with self._ctx.tx(readonly=True) as s:
            rows = s.execute(
                select(Advisor, Office.name, Team.name)
                .outerjoin(Office, Office.id == Advisor.office_id)
                .outerjoin(Team, Team.id == Advisor.team_id)
                .order_by(Advisor.login)
            ).all()
            return [
                AdvisorAccount(
                    id=a.id,
                    login=a.login,
                    full_name=a.full_name,
                    role=a.role,
                    office_id=a.office_id,
                    office_name=office,
                    team_id=a.team_id,
                    team_name=team,
                    active=a.active,
                    locked=a.locked_until is not None and a.locked_until > now,
                )
                for a, office, team in rows
            ]

    @api(Permission.ACCOUNTS_MANAGE, readonly=True)
    def list_offices(self) -> list[OfficeRef]:
        with self._ctx.tx(readonly=True) as s:
            return [
                OfficeRef(id=o.id, code=o.code, name=o.name)
                for o in s.scalars(select(Office).order_by(Office.name))
            ]

    @api(Permission.ACCOUNTS_MANAGE, readonly=True)
    def list_teams(self) -> list[TeamRef]:
        with self._ctx.tx(readonly=True) as s:
            return [
                TeamRef(id=t.id, name=t.name, office_id=t.office_id)
                for t in s.scalars(select(Team).order_by(Team.name))
            ]

    @api(Permission.ACCOUNTS_MANAGE)
    def create_advisor(
        self,
        login: str,
        full_name: str,
        role: Role,
        office_id: int | None,
        team_id: int | None,
        password: str,
    ) -> AdvisorAccount:
        login = login.strip().lower()
        if not LOGIN_RE.match(login):
            raise ValidationError(
                "L'identifiant doit faire 3 à 40 caractères : lettres minuscules sans accent, "
                "chiffres, point, tiret ou souligné, en commençant par une lettre.",
                "login",
            )
        full_name = " ".join(full_name.split())
        if len(full_name) < 3:
            raise ValidationError("Indiquez le nom complet de l'agent.", "full_name")
        security.check_password_policy(password)
        with self._ctx.tx() as s:
            if s.scalar(select(func.count()).where(func.lower(Advisor.login) == login)):
                raise ConflictError(f"L'identifiant « {login} » est déjà utilisé.")
            if office_id is not None and s.get(Office, office_id) is None:
                raise NotFound("Point d'accueil inconnu.")
            if team_id is not None and s.get(Team, team_id) is None:
                raise NotFound("Équipe inconnue.")
            advisor = Advisor(
                login=login,
                full_name=full_name,
                role=role,
                office_id=office_id,
                team_id=team_id,
                password_hash=security.hash_password(password),
                active=True,
                failed_attempts=0,
            )
            s.add(advisor)
            try:
                s.flush()
            except IntegrityError:
                raise ConflictError(f"L'identifiant « {login} » est déjà utilisé.") from None
            self._ctx.audit(s, "admin.create_advisor", target=f"advisor:{advisor.id}")
            new_id = advisor.id
        return next(a for a in self.list_advisors() if a.id == new_id)

    @api(Permission.ACCOUNTS_MANAGE)
    def set_active(self, advisor_id: int, active: bool) -> None:
        if advisor_id == self._ctx.advisor.id and not active:
            raise ValidationError("Vous ne pouvez pas désactiver votre propre compte.")
        with self._ctx.tx() as s:
            advisor = s.get(Advisor, advisor_id)
            if advisor is None:
                raise NotFound("Compte inconnu.")
            advisor.active = active
            self._ctx.audit(
                s, "admin.set_active", target=f"advisor:{advisor_id}", detail=f"actif={active}"
            )

    @api(Permission.ACCOUNTS_MANAGE)
    def reset_password(self, advisor_id: int, new_password: str) -> None:
        security.check_password_policy(new_password, "new_password")
        with self._ctx.tx() as s:
            advisor = s.get(Advisor, advisor_id)
            if advisor is None:
                raise NotFound("Compte inconnu.")
            advisor.password_hash = security.hash_password(new_password)
            advisor.password_changed_at = utcnow()
            advisor.failed_attempts = 0
            advisor.locked_until = None  # a reset is also how a locked account is unlocked
            self._ctx.audit(s, "admin.reset_password", target=f"advisor:{advisor_id}")

    @api(Permission.AUDIT_READ, readonly=True)
    def audit_trail(
        self, member_id: int | None = None, login: str | None = None, limit: int = 200
    ) -> list[AuditRow]:
        limit = max(1, min(limit, 1000))
        with self._ctx.tx(readonly=True) as s:
            query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
            if member_id is not None:
                query = query.where(AuditEvent.member_id == member_id)
            if login:
                query = query.where(AuditEvent.login == login.strip().lower())
            return [
                AuditRow(
                    id=e.id,
                    at=e.at,
                    login=e.login,
                    action=e.action,
                    member_id=e.member_id,
                    target=e.target,
                    outcome=e.outcome,
                    detail=e.detail,
                )
                for e in s.scalars(query)
            ]
