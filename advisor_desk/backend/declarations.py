"""Declarations (démarches): filing with validation, the agents' queue, instruction and decisions."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from advisor_desk.domain.calendar import PARIS, add_business_days, business_days_between
from advisor_desk.domain.declarations import (
    FORMS,
    KIND_TITLES_FR,
    FilingContext,
    PersonRef,
    required_documents,
    validate_declaration,
)
from advisor_desk.domain.declarations.estimate import (
    CompletedCase,
    delay_key,
    estimate_date,
    typical_delay,
)
from advisor_desk.domain.declarations.summary import summarize
from advisor_desk.domain.declarations.workflow import (
    FINAL_STATES,
    OPEN_STATES,
    STATE_LABELS_FR,
    allowed_targets,
    check_note,
    check_transition,
)
from advisor_desk.domain.enums import (
    DeclarationKind,
    DeclarationState,
    FilingChannel,
    LedgerEntryKind,
    Relationship,
    Role,
)
from advisor_desk.domain.errors import AdvisorDeskError, ConflictError, NotFound, ValidationError
from advisor_desk.domain.permissions import Permission, permissions_of
from advisor_desk.domain.reference import (
    CeilingRow,
    ParticipationRow,
    parse_css_participation_csv,
    values_at,
)
from advisor_desk.paths import resources_dir

from .declaration_effects import apply_effect
from .declarations_dto import (
    AgentRef,
    BatchItem,
    BatchReport,
    DeclarationDetail,
    DeclarationDocumentInfo,
    DeclarationEventInfo,
    DeclarationNoteInfo,
    DeclarationRow,
    ExportFormat,
    InsurerRef,
    OfficeRef,
    PayloadLine,
    QueueView,
)
from .orm import (
    Advisor,
    ComplementaryInsurer,
    CssCeiling,
    DeductibleEntry,
    Dependent,
    Member,
    Office,
)
from .orm.base import utcnow
from .orm.declarations import (
    Declaration,
    DeclarationDocument,
    DeclarationEvent,
    DeclarationNote,
)
from .reimbursements import load_reference_values, person_name
from .service import Service, api
from .spreadsheets import csv_bytes

S = DeclarationState
MAX_ROWS = 500
EXPORT_MAX_ROWS = 100_000
EXPORT_HEADER = (
    "Numéro",
    "Nature",
    "État",
    "Canal",
    "Déposée le",
    "Ancienneté (jours)",
    "Date estimée",
    "En retard",
    "Adhérent",
    "Agent",
    "Accueil",
)
CHANNEL_LABELS_FR = {
    FilingChannel.ONLINE: "En ligne",
    FilingChannel.COUNTER: "Au guichet",
    FilingChannel.MAIL: "Par courrier",
}
MAX_BATCH = 200
CHANNEL_FR = {
    FilingChannel.ONLINE: "en ligne",
    FilingChannel.COUNTER: "à l'accueil",
    FilingChannel.MAIL: "par courrier",
}


def today_paris() -> date:
    return datetime.now(UTC).astimezone(PARIS).date()


def _paris_day(at: datetime) -> date:
    return at.astimezone(PARIS).date()


@cache
def _participation_rows() -> tuple[ParticipationRow, ...]:
    path = resources_dir() / "reference" / "css_participation.csv"
    return tuple(parse_css_participation_csv(path.read_text(encoding="utf-8")))


def _ceiling_rows(s: Session) -> list[CeilingRow]:
    return [
        CeilingRow(r.valid_from, r.valid_to, r.household_size, r.free_cents, r.participation_cents)
        for r in s.scalars(select(CssCeiling))
    ]


def filing_context(s: Session, member: Member, today: date) -> FilingContext:
    """Everything a form validator needs to know about the member and the reference tables."""
    people = [PersonRef(1, member.first_names, member.last_name, member.birth_date)]
    for dep in s.scalars(
        select(Dependent).where(Dependent.member_id == member.id).order_by(Dependent.rank)
    ):
        people.append(
            PersonRef(
                dep.rank,
                dep.first_names,
                dep.last_name,
                dep.birth_date,
                is_child=dep.relationship is Relationship.CHILD,
            )
        )
    insurers = {i.code: i.name for i in s.scalars(select(ComplementaryInsurer))}
    e = DeductibleEntry
    signed = case((e.entry == LedgerEntryKind.PAID, -e.amount_cents), else_=e.amount_cents)
    owed_by_group = s.execute(
        select(func.sum(signed))
        .where(e.member_id == member.id, e.entry.in_((LedgerEntryKind.OWED, LedgerEntryKind.PAID)))
        .group_by(e.year, e.kind)
    ).scalars()
    owed = sum(int(v) for v in owed_by_group if v and v > 0)
    return FilingContext(
        today=today,
        people=tuple(people),
        member_birth_name=member.birth_name,
        member_last_name=member.last_name,
        insurers=insurers,
        owed_cents=owed,
        css_ceilings=_ceiling_rows(s),
        css_participation=_participation_rows(),
    )


def _configured_delays(s: Session, today: date) -> dict[DeclarationKind, int]:
    values = values_at(load_reference_values(s), today)
    return {k: values[delay_key(k)] for k in DeclarationKind if delay_key(k) in values}


def _history(s: Session, kind: DeclarationKind, today: date) -> list[CompletedCase]:
    since = datetime.combine(today - timedelta(days=91), datetime.min.time(), tzinfo=PARIS)
    rows = s.execute(
        select(Declaration.filed_at, Declaration.completed_at, Declaration.waiting_days).where(
            Declaration.kind == kind,
            Declaration.state.in_((S.ACCEPTED, S.REFUSED)),
            Declaration.completed_at >= since,
        )
    )
    return [
        CompletedCase(_paris_day(filed), _paris_day(done), waiting or 0)
        for filed, done, waiting in rows
        if done is not None
    ]


def _next_number(s: Session, year: int) -> str:
    prefix = f"D-{year}-"
    last = s.scalar(
        select(func.max(Declaration.number)).where(Declaration.number.like(prefix + "%"))
    )
    n = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{n:06d}"


def _overdue(d: Declaration, today: date) -> bool:
    return d.state in OPEN_STATES and d.estimated_on is not None and d.estimated_on < today


class DeclarationsService(Service):
    name = "declarations"

    # ------------------------------------------------------------------ filing

    @api(Permission.DECLARATION_FILE)
    def file(
        self,
        member_id: int,
        kind: DeclarationKind,
        payload: dict[str, str],
        channel: FilingChannel = FilingChannel.COUNTER,
    ) -> DeclarationDetail:
        """Validate the form, register the request with its documents and estimated date."""
        today = today_paris()
        advisor = self._ctx.advisor
        with self._ctx.tx() as s:
            member = s.get(Member, member_id)
            if member is None:
                raise NotFound("Assuré inconnu.")
            normalized = validate_declaration(kind, payload, filing_context(s, member, today))
            delay = typical_delay(
                kind, _history(s, kind, today), today, configured=_configured_delays(s, today)
            )
            declaration: Declaration | None = None
            for _ in range(5):
                try:
                    with s.begin_nested():
                        declaration = Declaration(
                            number=_next_number(s, today.year),
                            member_id=member_id,
                            kind=kind,
                            state=S.RECEIVED,
                            payload=normalized,
                            channel=channel,
                            filed_by_advisor_id=advisor.id,
                            office_id=advisor.office_id,
                            estimated_on=estimate_date(today, delay.business_days),
                            waiting_days=0,
                        )
                        s.add(declaration)
                        s.flush()
                    break
                except IntegrityError:
                    declaration = None  # a concurrent filing took the number: draw the next
            if declaration is None:
                raise ConflictError("Trop de demandes déposées en même temps : réessayez.")
            for doc in required_documents(kind, normalized):
                s.add(
                    DeclarationDocument(
                        declaration_id=declaration.id,
                        label=doc.label,
                        required=doc.required,
                        received_on=today if doc.received else None,
                    )
                )
            basis = (
                f"délai médian constaté sur {delay.cases} demandes"
                if delay.from_history
                else "délai publié"
            )
            s.add(
                DeclarationEvent(
                    declaration_id=declaration.id,
                    advisor_id=advisor.id,
                    from_state=None,
                    to_state=S.RECEIVED,
                    comment=f"Déposée {CHANNEL_FR[channel]} ; traitement estimé en "
                    f"{delay.business_days} jours ouvrés ({basis}).",
                )
            )
            s.flush()
            self._ctx.audit(
                s,
                "declarations.file",
                member_id=member_id,
                target=f"declaration:{declaration.number}",
                detail=kind.value,
            )
            return self._detail(s, declaration.id)

    @api(Permission.DECLARATION_FILE, readonly=True)
    def insurers(self) -> list[InsurerRef]:
        """The complementary insurers a member may choose (NOEMIE table)."""
        with self._ctx.tx(readonly=True) as s:
            return [
                InsurerRef(i.code, i.name)
                for i in s.scalars(select(ComplementaryInsurer).order_by(ComplementaryInsurer.name))
            ]

    @api(Permission.MEMBER_READ, readonly=True)
    def member_declarations(self, member_id: int) -> list[DeclarationRow]:
        """A member's declarations, newest first (the member file's Démarches tab)."""
        with self._ctx.tx() as s:
            if s.get(Member, member_id) is None:
                raise NotFound("Assuré inconnu.")
            rows = self._rows(s, [Declaration.member_id == member_id], newest_first=True)
            self._ctx.audit(s, "declarations.member_declarations", member_id=member_id)
            return rows

    # ------------------------------------------------------------------ the queue

    @api(Permission.DECLARATION_PROCESS, readonly=True)
    def queue(
        self,
        view: QueueView = QueueView.ALL,
        kind: DeclarationKind | None = None,
        state: DeclarationState | None = None,
        min_age_days: int | None = None,
        office_id: int | None = None,
    ) -> list[DeclarationRow]:
        """Open requests (or those in `state`), oldest first, at most 500."""
        view = QueueView(view)
        conditions = self._queue_conditions(view, kind, state, min_age_days, office_id)
        with self._ctx.tx() as s:
            rows = self._rows(s, conditions, newest_first=False)
            self._ctx.audit(
                s, "declarations.queue", detail=f"vue={view.value}, {len(rows)} demande(s)"
            )
            return rows

    @api(Permission.DECLARATION_PROCESS, readonly=True)
    def export_queue(
        self,
        view: QueueView = QueueView.ALL,
        kind: DeclarationKind | None = None,
        state: DeclarationState | None = None,
        min_age_days: int | None = None,
        office_id: int | None = None,
        fmt: ExportFormat = ExportFormat.CSV,
    ) -> bytes:
        """The filtered queue as a spreadsheet (CSV `;` UTF-8 with BOM, or XLSX), oldest first.

        Unlike the screen's queue it is not cut at 500 rows (up to 100,000); the export is
        audited with its filter and row count, since it carries members' names.
        """
        view, fmt = QueueView(view), ExportFormat(fmt)
        conditions = self._queue_conditions(view, kind, state, min_age_days, office_id)
        with self._ctx.tx() as s:
            rows = self._rows(s, conditions, newest_first=False, limit=EXPORT_MAX_ROWS)
            offices = {i: name for i, name in s.execute(select(Office.id, Office.name))}
            self._ctx.audit(
                s,
                "declarations.export",
                detail=f"vue={view.value}, format={fmt.value}, {len(rows)} demande(s)",
            )
        table = [EXPORT_HEADER, *(_export_line(r, offices) for r in rows)]
        return csv_bytes(table) if fmt is ExportFormat.CSV else _xlsx_bytes(table)

    def _queue_conditions(
        self,
        view: QueueView,
        kind: DeclarationKind | None,
        state: DeclarationState | None,
        min_age_days: int | None,
        office_id: int | None,
    ) -> list[Any]:
        conditions: list[Any] = []
        if view is QueueView.UNASSIGNED:
            conditions.append(Declaration.assigned_agent_id.is_(None))
        elif view is QueueView.MINE:
            conditions.append(Declaration.assigned_agent_id == self._ctx.advisor.id)
        if kind is not None:
            conditions.append(Declaration.kind == kind)
        if state is not None:
            conditions.append(Declaration.state == state)
        else:
            conditions.append(Declaration.state.in_(sorted(OPEN_STATES)))
        if min_age_days is not None and min_age_days > 0:
            conditions.append(Declaration.filed_at <= utcnow() - timedelta(days=min_age_days))
        if office_id is not None:
            conditions.append(Declaration.office_id == office_id)
        return conditions

    def _rows(
        self,
        s: Session,
        conditions: Sequence[Any],
        newest_first: bool,
        limit: int = MAX_ROWS,
    ) -> list[DeclarationRow]:
        today = today_paris()
        now = utcnow()
        agent = aliased(Advisor)
        order = Declaration.filed_at.desc() if newest_first else Declaration.filed_at
        query = (
            select(Declaration, Member.first_names, Member.last_name, agent.full_name)
            .join(Member, Member.id == Declaration.member_id)
            .outerjoin(agent, agent.id == Declaration.assigned_agent_id)
            .where(*conditions)
            .order_by(order, Declaration.id)
            .limit(limit)
        )
        return [
            DeclarationRow(
                id=d.id,
                number=d.number,
                member_id=d.member_id,
                member_name=person_name(first, last),
                kind=d.kind,
                state=d.state,
                channel=d.channel,
                filed_at=d.filed_at,
                age_days=(now - d.filed_at).days,
                estimated_on=d.estimated_on,
                overdue=_overdue(d, today),
                assigned_agent_id=d.assigned_agent_id,
                assigned_agent_name=agent_name,
                office_id=d.office_id,
                version=d.version,
            )
            for d, first, last, agent_name in s.execute(query)
        ]

    @api(Permission.DECLARATION_PROCESS, readonly=True)
    def agents(self) -> list[AgentRef]:
        """Active advisors who may process declarations (for assignment)."""
        roles = [r for r in Role if Permission.DECLARATION_PROCESS in permissions_of(r)]
        with self._ctx.tx(readonly=True) as s:
            return [
                AgentRef(a.id, a.full_name)
                for a in s.scalars(
                    select(Advisor)
                    .where(Advisor.active.is_(True), Advisor.role.in_(roles))
                    .order_by(Advisor.full_name)
                )
            ]

    @api(Permission.DECLARATION_PROCESS, readonly=True)
    def offices(self) -> list[OfficeRef]:
        """Active offices, for the queue's office filter (an office's name is not member data)."""
        with self._ctx.tx(readonly=True) as s:
            return active_offices(s)

    # ------------------------------------------------------------------ one request

    @api(Permission.DECLARATION_PROCESS, readonly=True)
    def detail(self, declaration_id: int) -> DeclarationDetail:
        with self._ctx.tx() as s:
            detail = self._detail(s, declaration_id)
            self._ctx.audit(
                s,
                "declarations.detail",
                member_id=detail.member_id,
                target=f"declaration:{detail.number}",
            )
            return detail

    @api(Permission.DECLARATION_PROCESS)
    def add_note(self, declaration_id: int, body: str) -> DeclarationDetail:
        """Add a private note (for agents only; never sent to the member) to a request.

        A note is not a decision: it leaves the request's state and version alone, so it never
        conflicts with another agent's action, and works on closed requests too.
        """
        text = check_note(body)
        with self._ctx.tx() as s:
            d = s.get(Declaration, declaration_id)
            if d is None:
                raise NotFound("Demande inconnue.")
            s.add(DeclarationNote(declaration_id=d.id, advisor_id=self._ctx.advisor.id, body=text))
            s.flush()
            self._ctx.audit(
                s, "declarations.note", member_id=d.member_id, target=f"declaration:{d.number}"
            )
            return self._detail(s, d.id)

    def _detail(self, s: Session, declaration_id: int) -> DeclarationDetail:
        d = s.get(Declaration, declaration_id, populate_existing=True)
        if d is None:
            raise NotFound("Demande inconnue.")
        member = s.get(Member, d.member_id)
        assert member is not None
        names = {
            a.id: a.full_name
            for a in s.scalars(
                select(Advisor).where(
                    Advisor.id.in_(
                        select(DeclarationEvent.advisor_id).where(
                            DeclarationEvent.declaration_id == d.id
                        )
                    )
                    | Advisor.id.in_(
                        [x for x in (d.assigned_agent_id, d.filed_by_advisor_id) if x is not None]
                    )
                )
            )
        }
        docs = tuple(
            DeclarationDocumentInfo(x.id, x.label, x.required, x.received_on)
            for x in s.scalars(
                select(DeclarationDocument)
                .where(DeclarationDocument.declaration_id == d.id)
                .order_by(DeclarationDocument.id)
            )
        )
        events = tuple(
            DeclarationEventInfo(
                e.at,
                names.get(e.advisor_id) if e.advisor_id is not None else None,
                e.from_state,
                e.to_state,
                e.comment,
            )
            for e in s.scalars(
                select(DeclarationEvent)
                .where(DeclarationEvent.declaration_id == d.id)
                .order_by(DeclarationEvent.at, DeclarationEvent.id)
            )
        )
        notes: tuple[DeclarationNoteInfo, ...] = ()
        if Permission.DECLARATION_PROCESS in self._ctx.permissions:
            notes = tuple(
                DeclarationNoteInfo(at, name, body)
                for at, name, body in s.execute(
                    select(DeclarationNote.at, Advisor.full_name, DeclarationNote.body)
                    .join(Advisor, Advisor.id == DeclarationNote.advisor_id)
                    .where(DeclarationNote.declaration_id == d.id)
                    .order_by(DeclarationNote.at, DeclarationNote.id)
                )
            )
        payload = dict(d.payload)
        return DeclarationDetail(
            id=d.id,
            number=d.number,
            member_id=d.member_id,
            member_name=person_name(member.first_names, member.last_name),
            kind=d.kind,
            title=FORMS[d.kind].title,
            state=d.state,
            channel=d.channel,
            filed_at=d.filed_at,
            filed_by=names.get(d.filed_by_advisor_id) if d.filed_by_advisor_id else None,
            office_id=d.office_id,
            assigned_agent_id=d.assigned_agent_id,
            assigned_agent_name=names.get(d.assigned_agent_id) if d.assigned_agent_id else None,
            estimated_on=d.estimated_on,
            overdue=_overdue(d, today_paris()),
            completed_at=d.completed_at,
            decision_reason=d.decision_reason,
            waiting_since=d.waiting_since,
            waiting_days=d.waiting_days,
            version=d.version,
            payload_json=json.dumps(payload, ensure_ascii=False, sort_keys=True),
            summary=tuple(PayloadLine(label, value) for label, value in summarize(d.kind, payload)),
            documents=docs,
            missing=tuple(x.label for x in docs if x.required and x.received_on is None),
            events=events,
            allowed=tuple(t for t in S if t in allowed_targets(d.state)),
            notes=notes,
        )

    # ------------------------------------------------------------------ assignment

    @api(Permission.DECLARATION_PROCESS)
    def assign(
        self, declaration_id: int, agent_id: int | None, expected_version: int
    ) -> DeclarationDetail:
        """Take a request (agent_id = yourself), give it back (None), or give it to another agent.

        Assigning someone else, or taking a request from someone else, is for supervisors.
        """
        me = self._ctx.advisor.id
        refuse_member: int | None = None
        try:
            with self._ctx.tx() as s:
                d = s.get(Declaration, declaration_id)
                if d is None:
                    raise NotFound("Demande inconnue.")
                self._check_version(s, d, expected_version)
                if d.state in FINAL_STATES:
                    raise ValidationError(
                        f"La demande est « {STATE_LABELS_FR[d.state]} » : "
                        "rouvrez-la avant de l'attribuer.",
                        field="agent_id",
                    )
                others = agent_id not in (None, me) or d.assigned_agent_id not in (None, me)
                if others and Permission.DECLARATION_ASSIGN not in self._ctx.permissions:
                    refuse_member = d.member_id
                else:
                    label = "Remise dans la file"
                    if agent_id is not None:
                        agent = s.get(Advisor, agent_id)
                        if (
                            agent is None
                            or not agent.active
                            or Permission.DECLARATION_PROCESS not in permissions_of(agent.role)
                        ):
                            raise ValidationError(
                                "Cet agent ne peut pas instruire de démarches.", field="agent_id"
                            )
                        label = f"Attribuée à {agent.full_name}"
                    d.assigned_agent_id = agent_id
                    s.add(
                        DeclarationEvent(
                            declaration_id=d.id,
                            advisor_id=me,
                            from_state=d.state,
                            to_state=d.state,
                            comment=label,
                        )
                    )
                    s.flush()
                    self._ctx.audit(
                        s,
                        "declarations.assign",
                        member_id=d.member_id,
                        target=f"declaration:{d.number}",
                        detail=label,
                    )
                    return self._detail(s, d.id)
        except StaleDataError:
            raise self._conflict(declaration_id) from None
        self._ctx.refuse("declarations.assign", Permission.DECLARATION_ASSIGN, refuse_member)
        raise AssertionError("unreachable")  # pragma: no cover

    # ------------------------------------------------------------------ decisions

    @api(Permission.DECLARATION_PROCESS)
    def transition(
        self,
        declaration_id: int,
        to_state: DeclarationState,
        comment: str | None,
        expected_version: int,
        missing: list[str] | None = None,
    ) -> DeclarationDetail:
        """Move a request along the workflow; accepting applies its effect in the same transaction."""
        try:
            with self._ctx.tx() as s:
                d = s.get(Declaration, declaration_id)
                if d is None:
                    raise NotFound("Demande inconnue.")
                self._check_version(s, d, expected_version)
                self._apply_transition(s, d, to_state, comment, missing or [])
                return self._detail(s, d.id)
        except StaleDataError:
            raise self._conflict(declaration_id) from None

    @api(Permission.DECLARATION_PROCESS)
    def batch_transition(
        self, declaration_ids: list[int], to_state: DeclarationState, comment: str | None
    ) -> BatchReport:
        """Apply one decision to many requests, each in its own transaction, re-checking its state."""
        if len(declaration_ids) > MAX_BATCH:
            raise ValidationError(
                f"Une action groupée porte sur {MAX_BATCH} demandes au plus.", "declaration_ids"
            )
        if to_state is S.WAITING_MEMBER:
            raise ValidationError(
                "Demander des pièces se fait demande par demande : la liste diffère.", "to_state"
            )
        done: list[BatchItem] = []
        skipped: list[BatchItem] = []
        for declaration_id in dict.fromkeys(declaration_ids):
            number: str | None = None
            try:
                with self._ctx.tx() as s:
                    d = s.get(Declaration, declaration_id)
                    if d is None:
                        raise NotFound("Demande inconnue.")
                    number = d.number
                    self._apply_transition(s, d, to_state, comment, [])
                done.append(BatchItem(declaration_id, number, None))
            except StaleDataError:
                skipped.append(
                    BatchItem(declaration_id, number, self._conflict(declaration_id).message)
                )
            except AdvisorDeskError as exc:
                skipped.append(BatchItem(declaration_id, number, exc.message))
        return BatchReport(to_state, tuple(done), tuple(skipped))

    def _apply_transition(
        self,
        s: Session,
        d: Declaration,
        to_state: DeclarationState,
        comment: str | None,
        missing: list[str],
    ) -> None:
        checked = check_transition(d.state, to_state, comment, missing)
        me = self._ctx.advisor.id
        now = utcnow()
        today = today_paris()
        notes: list[str] = []
        if checked.comment:
            notes.append(checked.comment)
        if d.state is S.WAITING_MEMBER and d.waiting_since is not None:
            waited = max(0, business_days_between(_paris_day(d.waiting_since), today))
            d.waiting_days = (d.waiting_days or 0) + waited
            if d.estimated_on is not None and waited:
                # Waiting for the member stops the clock: the estimate moves by as much.
                d.estimated_on = add_business_days(d.estimated_on, waited)
            d.waiting_since = None
        if to_state is S.WAITING_MEMBER:
            d.waiting_since = now
            for item in checked.missing:
                s.add(
                    DeclarationDocument(
                        declaration_id=d.id, label=item, required=True, received_on=None
                    )
                )
            notes.append("À fournir : " + " ; ".join(checked.missing))
        if checked.is_decision:
            d.completed_at = now
            d.decision_reason = checked.comment
        if checked.is_reopening:
            d.completed_at = None
            d.decision_reason = None
        if to_state is S.IN_INSTRUCTION and d.assigned_agent_id is None:
            d.assigned_agent_id = me
        d.state = to_state
        # The versioned UPDATE first: it takes the row lock, and a stale version fails here
        # before any effect is written.
        s.flush()
        if to_state is S.ACCEPTED:
            notes.append(apply_effect(s, d, today, me))
        s.add(
            DeclarationEvent(
                declaration_id=d.id,
                advisor_id=me,
                from_state=checked.from_state,
                to_state=to_state,
                comment="\n".join(notes) or None,
            )
        )
        s.flush()
        self._ctx.audit(
            s,
            "declarations.transition",
            member_id=d.member_id,
            target=f"declaration:{d.number}",
            detail=f"{checked.from_state.value} → {to_state.value}",
        )

    def _check_version(self, s: Session, d: Declaration, expected_version: int) -> None:
        if d.version != expected_version:
            raise ConflictError(self._conflict_message(s, d.id))

    def _conflict_message(self, s: Session, declaration_id: int) -> str:
        who = s.scalar(
            select(Advisor.full_name)
            .join(DeclarationEvent, DeclarationEvent.advisor_id == Advisor.id)
            .where(DeclarationEvent.declaration_id == declaration_id)
            .order_by(DeclarationEvent.at.desc(), DeclarationEvent.id.desc())
            .limit(1)
        )
        return f"Cette démarche a été modifiée par {who or 'un autre agent'} : rechargez-la."

    def _conflict(self, declaration_id: int) -> ConflictError:
        with self._ctx.tx(readonly=True) as s:
            return ConflictError(self._conflict_message(s, declaration_id))

    # ------------------------------------------------------------------ documents

    @api(Permission.DECLARATION_FILE)
    def receipt_pdf(self, declaration_id: int) -> bytes:
        """The accusé de réception (PDF), issued and registered by the documents service."""
        from .documents import DocumentsService

        return DocumentsService(self._ctx).issue_declaration_receipt(declaration_id).pdf


def _export_line(row: DeclarationRow, offices: dict[int, str]) -> tuple[str | int, ...]:
    return (
        row.number,
        KIND_TITLES_FR[row.kind],
        STATE_LABELS_FR[row.state],
        CHANNEL_LABELS_FR[row.channel],
        row.filed_at.astimezone(PARIS).date().isoformat(),
        row.age_days,
        row.estimated_on.isoformat() if row.estimated_on else "",
        "oui" if row.overdue else "non",
        row.member_name,
        row.assigned_agent_name or "",
        offices.get(row.office_id, "") if row.office_id is not None else "",
    )


def _xlsx_bytes(table: Sequence[Sequence[str | int]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Démarches")
    for line in table:
        sheet.append(list(line))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def active_offices(s: Session) -> list[OfficeRef]:
    """Active offices by name: the office filters of the queues (not member data)."""
    return [
        OfficeRef(o.id, o.name, o.city)
        for o in s.scalars(select(Office).where(Office.active.is_(True)).order_by(Office.name))
    ]
