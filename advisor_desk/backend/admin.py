"""Administration of advisor accounts and reading the audit trail."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.enums import AuditOutcome, Role
from advisor_desk.domain.errors import ConflictError, NotFound, ValidationError
from advisor_desk.domain.nir import parse_nir
from advisor_desk.domain.permissions import Permission
from advisor_desk.domain.slots import local

from . import security
from .orm import Advisor, AuditEvent, Dependent, Member, Office, Team
from .orm.base import utcnow
from .service import Service, api
from .spreadsheets import csv_bytes

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
        self,
        member_id: int | None = None,
        login: str | None = None,
        limit: int = 200,
        nir: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[AuditRow]:
        """The latest events first: of a member (internal number, or NIR of the member or of
        a dependent), of a login, between two days (Europe/Paris, both included)."""
        limit = max(1, min(limit, 1000))
        with self._ctx.tx(readonly=True) as s:
            conditions = _audit_conditions(s, member_id, login, nir, since, until)
            query = select(AuditEvent).where(*conditions)
            return [_audit_row(e) for e in s.scalars(_newest_first(query).limit(limit))]

    @api(Permission.AUDIT_READ)
    def export_audit_trail(
        self,
        member_id: int | None = None,
        login: str | None = None,
        nir: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> bytes:
        """The filtered trail as CSV (`;`, UTF-8 with BOM), newest first, up to 100,000 events:
        what answers a member asking who read their file. The export is itself audited."""
        with self._ctx.tx() as s:
            conditions = _audit_conditions(s, member_id, login, nir, since, until)
            query = select(AuditEvent).where(*conditions)
            rows = [_audit_row(e) for e in s.scalars(_newest_first(query).limit(EXPORT_MAX))]
            filters = [
                f"{name}={value}"
                for name, value in (
                    ("assuré", member_id),
                    ("identifiant", login),
                    ("du", since),
                    ("au", until),
                )
                if value
            ] + (["NIR"] if nir else [])
            self._ctx.audit(
                s,
                "admin.audit_export",
                member_id=_member_of(s, member_id, nir),
                detail=f"{', '.join(filters) or 'sans filtre'} ; {len(rows)} événement(s)",
            )
        return _audit_csv(rows)


EXPORT_MAX = 100_000
AUDIT_EXPORT_HEADER = (
    "Date (Europe/Paris)", "Identifiant", "Action", "N° interne assuré", "Cible", "Résultat",
    "Détail",
)  # fmt: skip
OUTCOME_FR = {
    AuditOutcome.OK: "Effectué",
    AuditOutcome.REFUSED: "Refusé",
    AuditOutcome.ERROR: "Erreur",
}


def _audit_row(e: AuditEvent) -> AuditRow:
    return AuditRow(
        id=e.id,
        at=e.at,
        login=e.login,
        action=e.action,
        member_id=e.member_id,
        target=e.target,
        outcome=e.outcome,
        detail=e.detail,
    )


def _newest_first(query: Select[Any]) -> Select[Any]:
    # By time, as the (member, at), (login, at) and (at) indexes are ordered.
    return query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


def _member_of(s: Session, member_id: int | None, nir: str | None) -> int | None:
    """The member a filter names: the internal number, or the one a NIR belongs to."""
    if nir is None or not nir.strip():
        return member_id
    full = parse_nir(nir, field="nir").full
    found = s.scalar(select(Member.id).where(Member.nir == full))
    if found is None:
        found = s.scalar(select(Dependent.member_id).where(Dependent.nir == full).limit(1))
    if found is None:
        raise NotFound("Aucun assuré ni ayant droit n'a ce NIR.")
    if member_id is not None and member_id != found:
        raise ValidationError(
            f"Ce NIR n'est pas celui de l'assuré n° {member_id} : ne gardez que l'un des deux.",
            field="nir",
        )
    return found


def _audit_conditions(
    s: Session,
    member_id: int | None,
    login: str | None,
    nir: str | None,
    since: date | None,
    until: date | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    member = _member_of(s, member_id, nir)
    if member is not None:
        conditions.append(AuditEvent.member_id == member)
    if login and login.strip():
        conditions.append(AuditEvent.login == login.strip().lower())
    if since is not None and until is not None and since > until:
        raise ValidationError("La date de début est après la date de fin.", field="since")
    if since is not None:
        conditions.append(AuditEvent.at >= local(since, time(0)))
    if until is not None:
        conditions.append(AuditEvent.at < local(until + timedelta(days=1), time(0)))
    return conditions


def _audit_csv(rows: list[AuditRow]) -> bytes:
    return csv_bytes(
        [
            AUDIT_EXPORT_HEADER,
            *(
                (
                    r.at.astimezone(PARIS).strftime("%d/%m/%Y %H:%M:%S"),
                    r.login,
                    r.action,
                    r.member_id if r.member_id is not None else "",
                    r.target or "",
                    OUTCOME_FR.get(r.outcome, r.outcome.value),
                    r.detail or "",
                )
                for r in rows
            ),
        ]
    )
