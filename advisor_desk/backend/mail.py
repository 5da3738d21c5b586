"""The shared e-mail queue: views and counts, "Next" (claim), replies, notes, templates, SLA."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from typing import Any, NoReturn, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    and_,
    bindparam,
    delete,
    false,
    func,
    insert,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.declarations.workflow import OPEN_STATES
from advisor_desk.domain.enums import (
    DocumentKind,
    LedgerEntryKind,
    MailState,
    MailTheme,
    MessageDirection,
    Role,
)
from advisor_desk.domain.errors import ConflictError, NotFound, ValidationError
from advisor_desk.domain.mail_templates import fill_template
from advisor_desk.domain.money import format_eur
from advisor_desk.domain.nir import parse_nir
from advisor_desk.domain.permissions import Permission, permissions_of
from advisor_desk.domain.sla import SlaStatus, first_response_due, follow_up_due, sla_status

from .declarations import active_offices
from .declarations_dto import OfficeRef
from .documents_dto import DOCUMENT_TITLES_FR
from .knowledge import summary as article_summary
from .mail_dto import (
    SUPERVISOR_VIEWS,
    AttachedDocument,
    MailView,
    MemberSummary,
    MessageView,
    QueueCounts,
    QueueFilter,
    QueuePage,
    ReplyResult,
    SlaFilter,
    Suggestion,
    SuggestionList,
    TemplateInfo,
    ThreadDetail,
    ThreadRow,
    ThreadViewer,
    TransferAgent,
    TransferTargets,
    TransferTeam,
)
from .mail_queue import claim_one, rank_templates, rank_texts
from .orm import (
    Address,
    Advisor,
    Declaration,
    DeductibleEntry,
    IssuedDocument,
    KnowledgeArticle,
    MailMessage,
    MailThread,
    MailThreadViewer,
    Member,
    Office,
    ReplyTemplate,
    Team,
)
from .orm.base import utcnow
from .service import Service, api

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_BODY = 20_000
SUGGESTIONS = 5

_WORKING = (MailState.NEW, MailState.OPEN)
# Core tables for the hot paths (claim, reply, opening): no ORM unit of work to pay for.
_THREADS = cast(Table, MailThread.__table__)
_MESSAGES = cast(Table, MailMessage.__table__)
_MEMBERS = cast(Table, Member.__table__)
_ADVISORS = cast(Table, Advisor.__table__)
_DOCUMENTS = cast(Table, IssuedDocument.__table__)
_VIEWERS = cast(Table, MailThreadViewer.__table__)

# A viewer row older than this no longer counts: the screen refreshes its own every 10 s, so
# two missed heartbeats (a closed laptop, a crash, a lost network) make the notice go away.
PRESENCE_TIMEOUT = timedelta(seconds=30)


def _now() -> datetime:
    return utcnow()


def _row(thread: MailThread, agent_name: str | None, now: datetime) -> ThreadRow:
    return ThreadRow(
        id=thread.id,
        subject=thread.subject,
        theme=thread.theme,
        state=thread.state,
        member_id=thread.member_id,
        office_id=thread.office_id,
        team_id=thread.team_id,
        assigned_agent_id=thread.assigned_agent_id,
        assigned_agent_name=agent_name,
        escalated=thread.escalated,
        created_at=thread.created_at,
        last_message_at=thread.last_message_at,
        first_response_at=thread.first_response_at,
        sla=_sla(thread, now),
        version=thread.version,
    )


def _sla(thread: MailThread, now: datetime) -> SlaStatus:
    return _sla_of(thread.state, thread.sla_due_at, now)


def _sla_of(state: MailState, due_at: datetime | None, now: datetime) -> SlaStatus:
    if state is MailState.CLOSED:
        return sla_status(None, now)
    return sla_status(due_at, now, paused=state is MailState.PENDING)


def _member_name(member: Member) -> tuple[str, str]:
    first = member.first_names.replace(",", " ").split()
    return (first[0] if first else ""), member.last_name


def _masked_nir(nir: str) -> str:
    try:
        return parse_nir(nir).masked()
    except ValidationError:
        return "• •• •• •• ••• " + nir[-5:-2] + " " + nir[-2:]


def _clean_body(body: str, field: str = "body") -> str:
    text = body.strip()
    if not text:
        raise ValidationError("Le message est vide.", field)
    if len(text) > MAX_BODY:
        raise ValidationError(
            f"Le message dépasse {MAX_BODY} caractères : raccourcissez-le.", field
        )
    return text


def record_inbound(
    session: Session,
    *,
    member_id: int,
    body: str,
    subject: str = "",
    theme: MailTheme = MailTheme.OTHER,
    office_id: int | None = None,
    thread_id: int | None = None,
    at: datetime | None = None,
) -> int:
    """Store a member's message (from the ameli account gateway, the seeder, tests).

    A new thread starts the first-response clock; a reply on an existing thread reopens it
    (back to its agent when it had one) and starts the follow-up clock.
    """
    at = at or _now()
    if thread_id is None:
        thread = MailThread(
            member_id=member_id,
            subject=subject[:200] or "(sans objet)",
            theme=theme,
            state=MailState.NEW,
            office_id=office_id,
            escalated=False,
            created_at=at,
            last_message_at=at,
            sla_due_at=first_response_due(at, theme),
        )
        session.add(thread)
        session.flush()
    else:
        found = session.get(MailThread, thread_id)
        if found is None:
            raise NotFound("Échange introuvable.")
        thread = found
        thread.last_message_at = at
        if thread.state in (MailState.PENDING, MailState.CLOSED):
            thread.state = MailState.OPEN if thread.assigned_agent_id else MailState.NEW
            thread.closed_at = None
            thread.sla_due_at = (
                follow_up_due(at, thread.theme)
                if thread.first_response_at
                else first_response_due(at, thread.theme)
            )
    session.add(
        MailMessage(thread_id=thread.id, at=at, direction=MessageDirection.INBOUND, body=body)
    )
    session.flush()
    return thread.id


@functools.cache
def _detail_statements() -> tuple[Any, Any]:
    """The thread with its member and agent, and its messages (built once: hot path)."""
    th, mb, ad, msg = _THREADS, _MEMBERS, _ADVISORS, _MESSAGES
    # The member summary beside the thread, as correlated subqueries of the same statement
    # (one round trip: "Next" runs this for every claim).
    others = aliased(MailThread)
    city = (
        select(Address.city)
        .where(Address.member_id == th.c.member_id, Address.valid_to.is_(None))
        .limit(1)
        .scalar_subquery()
    )
    open_requests = (
        select(func.count())
        .select_from(Declaration)
        .where(
            Declaration.member_id == th.c.member_id,
            Declaration.state.in_(sorted(OPEN_STATES)),
        )
        .scalar_subquery()
    )
    open_threads = (
        select(func.count())
        .select_from(others)
        .where(
            others.member_id == th.c.member_id,
            others.id != th.c.id,
            others.state != MailState.CLOSED,
        )
        .scalar_subquery()
    )
    head = (
        select(
            th,
            mb.c.first_names,
            mb.c.last_name,
            mb.c.nir,
            mb.c.birth_date,
            ad.c.full_name.label("agent_name"),
            city.label("member_city"),
            open_requests.label("member_open_requests"),
            open_threads.label("member_open_threads"),
        )
        .join(mb, mb.c.id == th.c.member_id)
        .outerjoin(ad, ad.c.id == th.c.assigned_agent_id)
        .where(th.c.id == bindparam("tid"))
    )
    doc = _DOCUMENTS
    body = (
        select(
            msg.c.id,
            msg.c.at,
            msg.c.direction,
            msg.c.body,
            ad.c.full_name.label("name"),
            doc.c.id.label("doc_id"),
            doc.c.number.label("doc_number"),
            doc.c.kind.label("doc_kind"),
        )
        .outerjoin(ad, ad.c.id == msg.c.author_advisor_id)
        .outerjoin(doc, doc.c.id == msg.c.document_id)
        .where(msg.c.thread_id == bindparam("tid"))
        .order_by(msg.c.at, msg.c.id)
    )
    return head, body


@functools.cache
def _reply_statements() -> tuple[Any, Any, Any]:
    """Guarded UPDATE (answer, or answer and close) and the message INSERT, built once."""
    t = _THREADS.c
    now = bindparam("now", type_=t.last_message_at.type)
    me = bindparam("me", type_=t.assigned_agent_id.type)
    guard = (
        t.id == bindparam("tid"),
        t.version == bindparam("expected"),
        t.state != MailState.CLOSED,
        or_(t.assigned_agent_id.is_(None), t.assigned_agent_id == me),
    )
    values: dict[str, Any] = {
        "assigned_agent_id": me,
        "first_response_at": func.coalesce(t.first_response_at, now),
        "last_message_at": now,
        # Answered: nothing is due until the member writes again (the clock pauses).
        "sla_due_at": None,
        "version": t.version + 1,
    }
    returning = (t.member_id, t.state, t.version, t.first_response_at, t.closed_at)
    pending = (
        update(_THREADS)
        .where(*guard)
        .values(**values, state=MailState.PENDING)
        .returning(*returning)
    )
    closing = (
        update(_THREADS)
        .where(*guard)
        .values(**values, state=MailState.CLOSED, closed_at=now, escalated=False)
        .returning(*returning)
    )
    message = insert(_MESSAGES).values(
        thread_id=bindparam("tid"),
        at=now,
        direction=MessageDirection.OUTBOUND,
        author_advisor_id=me,
        body=bindparam("text"),
        document_id=bindparam("doc"),
    )
    return pending, closing, message


@functools.cache
def _presence_statements(dialect: str) -> tuple[Any, Any, Any, Any]:
    """Presence: does the thread exist, my row upserted, stale rows dropped, the others' rows.

    The upsert is the dialect's own INSERT … ON CONFLICT DO UPDATE (same syntax on SQLite
    ≥ 3.24 and PostgreSQL): one statement, no read-then-write race between two windows.
    """
    v = _VIEWERS.c
    when = v.seen_at.type
    exists = select(_THREADS.c.id).where(_THREADS.c.id == bindparam("tid"))
    module: Any = postgresql if dialect == "postgresql" else sqlite
    insert_ = module.insert(_VIEWERS).values(
        thread_id=bindparam("tid"),
        advisor_id=bindparam("me"),
        replying=bindparam("replying"),
        seen_at=bindparam("now", type_=when),
    )
    upsert = insert_.on_conflict_do_update(
        index_elements=[v.thread_id, v.advisor_id],
        set_={"replying": insert_.excluded.replying, "seen_at": insert_.excluded.seen_at},
    )
    prune = delete(_VIEWERS).where(
        v.thread_id == bindparam("tid"), v.seen_at < bindparam("since", type_=when)
    )
    others = (
        select(v.advisor_id, _ADVISORS.c.full_name, v.replying, v.seen_at)
        .join(_ADVISORS, _ADVISORS.c.id == v.advisor_id)
        .where(
            v.thread_id == bindparam("tid"),
            v.advisor_id != bindparam("me"),
            v.seen_at >= bindparam("since", type_=when),
        )
        .order_by(v.replying.desc(), _ADVISORS.c.full_name, v.advisor_id)
    )
    return exists, upsert, prune, others


class _Refused(Exception):
    """Raised inside a transaction; the refusal is audited once it is rolled back."""

    def __init__(self, action: str, member_id: int | None) -> None:
        super().__init__(action)
        self.action = action
        self.member_id = member_id


class MailService(Service):
    name = "mail"

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        """A write transaction; a supervisor-only step refused inside it is audited after.

        (Auditing needs its own transaction, which on SQLite would wait for this one.)
        """
        try:
            with self._ctx.tx() as s:
                yield s
        except _Refused as refused:
            self._ctx.refuse(refused.action, Permission.MAIL_SUPERVISE, refused.member_id)

    # -- queue -------------------------------------------------------------------------

    def _supervisor(self) -> bool:
        return Permission.MAIL_SUPERVISE in self._ctx.permissions

    def _view_clause(self, view: MailView) -> ColumnElement[bool]:
        me = self._ctx.advisor.id
        t = MailThread
        if view is MailView.UNASSIGNED:
            return and_(
                t.assigned_agent_id.is_(None), t.state.in_(_WORKING), t.escalated.is_(false())
            )
        if view is MailView.MINE:
            return and_(t.assigned_agent_id == me, t.state.in_(_WORKING))
        if view is MailView.PENDING:
            return and_(t.assigned_agent_id == me, t.state == MailState.PENDING)
        if view is MailView.ESCALATED:
            return and_(t.escalated.is_(true()), t.state != MailState.CLOSED)
        if view is MailView.CLOSED:
            closed = t.state == MailState.CLOSED
            return closed if self._supervisor() else and_(closed, t.assigned_agent_id == me)
        return true()

    @staticmethod
    def _filter_clauses(flt: QueueFilter | None, now: datetime) -> list[ColumnElement[bool]]:
        if flt is None:
            return []
        t = MailThread
        clauses: list[ColumnElement[bool]] = []
        if flt.theme is not None:
            clauses.append(t.theme == flt.theme)
        if flt.state is not None:
            clauses.append(t.state == flt.state)
        if flt.min_age_hours is not None:
            if flt.min_age_hours < 0:
                raise ValidationError("L'ancienneté doit être positive.", "min_age_hours")
            clauses.append(t.created_at <= now - timedelta(hours=flt.min_age_hours))
        if flt.office_id is not None:
            clauses.append(t.office_id == flt.office_id)
        if flt.team_id is not None:
            clauses.append(t.team_id == flt.team_id)
        if flt.sla is not None:
            clauses.append(_sla_clause(SlaFilter(flt.sla), now))
        return clauses

    def _check_view(self, view: MailView, action: str) -> None:
        if view in SUPERVISOR_VIEWS and not self._supervisor():
            self._ctx.refuse(action, Permission.MAIL_SUPERVISE, None)

    @api(Permission.MAIL_WORK, readonly=True)
    def list_queue(
        self,
        view: MailView,
        filter: QueueFilter | None = None,
        offset: int = 0,
        limit: int = DEFAULT_LIMIT,
    ) -> QueuePage:
        """One page of a view, most urgent first (closed: most recent first)."""
        self._check_view(view, "mail.list_queue")
        offset = max(0, offset)
        limit = max(1, min(limit, MAX_LIMIT))
        now = _now()
        t = MailThread
        where = [self._view_clause(view), *self._filter_clauses(filter, now)]
        order: list[ColumnElement[Any]]
        if view is MailView.CLOSED:
            order = [t.closed_at.desc(), t.id.desc()]
        else:
            order = [t.sla_due_at.asc().nulls_last(), t.id.asc()]
        with self._ctx.tx() as s:
            total = s.scalar(select(func.count()).select_from(t).where(*where)) or 0
            rows = s.execute(
                select(t, Advisor.full_name)
                .outerjoin(Advisor, Advisor.id == t.assigned_agent_id)
                .where(*where)
                .order_by(*order)
                .offset(offset)
                .limit(limit)
            ).all()
            self._ctx.audit(
                s, "mail.list_queue", detail=f"vue={view.value} offset={offset} n={len(rows)}"
            )
            return QueuePage(
                rows=[_row(thread, name, now) for thread, name in rows],
                total=total,
                offset=offset,
            )

    @api(Permission.MAIL_WORK, readonly=True)
    def offices(self) -> list[OfficeRef]:
        """Active offices, for the queue's office filter (no member data: not audited)."""
        with self._ctx.tx(readonly=True) as s:
            return active_offices(s)

    @api(Permission.MAIL_WORK, readonly=True)
    def queue_counts(self, filter: QueueFilter | None = None) -> QueueCounts:
        """How many threads each view holds (with the same filters as the list)."""
        now = _now()
        extra = self._filter_clauses(filter, now)
        sup = self._supervisor()
        views = [v for v in MailView if sup or v not in SUPERVISOR_VIEWS]
        columns = [
            func.count().filter(and_(self._view_clause(v), *extra)).label(v.value) for v in views
        ]
        with self._ctx.tx() as s:
            result = s.execute(select(*columns).select_from(MailThread)).one()._mapping
            self._ctx.audit(s, "mail.queue_counts")
        counts = {v: int(result[v.value] or 0) for v in views}
        return QueueCounts(
            unassigned=counts[MailView.UNASSIGNED],
            mine=counts[MailView.MINE],
            pending=counts[MailView.PENDING],
            closed=counts[MailView.CLOSED],
            escalated=counts.get(MailView.ESCALATED),
            all=counts.get(MailView.ALL),
        )

    # -- taking work ---------------------------------------------------------------------

    @api(Permission.MAIL_WORK)
    def claim_next(self, theme: MailTheme | None = None) -> ThreadDetail | None:
        """Give me the most urgent unassigned thread (None when the queue is empty).

        Atomic in the database: two agents pressing "Next" at once never get the same one.
        """
        with self._ctx.tx() as s:
            thread_id = claim_one(s, self._ctx.advisor.id, theme)
            if thread_id is None:
                self._ctx.audit(s, "mail.claim_next", detail="file vide")
                return None
            detail = self._detail(s, thread_id)
            self._ctx.audit(
                s, "mail.claim_next", member_id=detail.member.id, target=f"mail:{thread_id}"
            )
            return detail

    @api(Permission.MAIL_WORK)
    def take(self, thread_id: int) -> ThreadDetail:
        """Take one given unassigned thread (escalated ones: supervisors only)."""
        with self._tx() as s:
            thread = self._get(s, thread_id, lock=True)
            if thread.escalated and not self._supervisor():
                raise _Refused("mail.take", thread.member_id)
            if thread.state is MailState.CLOSED:
                raise ConflictError("Cet échange est clos.")
            if thread.assigned_agent_id not in (None, self._ctx.advisor.id):
                raise ConflictError(f"{self._agent_name(s, thread)} traite déjà cet échange.")
            # The row is locked (FOR UPDATE on PostgreSQL, the write lock on SQLite): a
            # concurrent "Next" either skipped it or already shows here as its owner.
            thread.assigned_agent_id = self._ctx.advisor.id
            if thread.state is MailState.NEW:
                thread.state = MailState.OPEN
            self._flush(s)
            detail = self._detail(s, thread_id)
            self._ctx.audit(s, "mail.take", member_id=detail.member.id, target=f"mail:{thread_id}")
            return detail

    @api(Permission.MAIL_WORK)
    def release(self, thread_id: int) -> None:
        """Put my thread back in the shared queue (a supervisor may release anyone's)."""
        with self._tx() as s:
            thread = self._mine(s, thread_id, "mail.release")
            thread.assigned_agent_id = None
            if thread.state is MailState.PENDING:
                thread.state = MailState.OPEN
            self._flush(s)
            self._ctx.audit(
                s, "mail.release", member_id=thread.member_id, target=f"mail:{thread_id}"
            )

    @api(Permission.MAIL_WORK)
    def transfer(
        self,
        thread_id: int,
        note: str,
        agent_id: int | None = None,
        team_id: int | None = None,
    ) -> None:
        """Hand a thread to an agent, or back to a team's queue, with a note saying why.

        An agent transfers their own threads; others' need MAIL_SUPERVISE.
        """
        if (agent_id is None) == (team_id is None):
            raise ValidationError("Choisissez un agent ou une équipe, pas les deux.", "agent_id")
        text = _clean_body(note, "note")
        with self._tx() as s:
            thread = self._mine(s, thread_id, "mail.transfer")
            if agent_id is not None:
                agent = s.get(Advisor, agent_id)
                if (
                    agent is None
                    or not agent.active
                    or Permission.MAIL_WORK not in permissions_of(agent.role)
                ):
                    raise NotFound("Cet agent ne traite pas les courriels (ou n'existe pas).")
                thread.assigned_agent_id = agent_id
                target = f"agent {agent.login}"
            else:
                team = s.get(Team, team_id)
                if team is None:
                    raise NotFound("Équipe inconnue.")
                thread.assigned_agent_id = None
                thread.team_id = team.id
                target = f"équipe {team.name}"
            if thread.state is MailState.PENDING:
                thread.state = MailState.OPEN
            s.add(self._note(thread_id, f"Transfert à {target} : {text}"))
            self._flush(s)
            self._ctx.audit(
                s,
                "mail.transfer",
                member_id=thread.member_id,
                target=f"mail:{thread_id}",
                detail=target,
            )

    @api(Permission.MAIL_WORK)
    def escalate(self, thread_id: int, note: str) -> None:
        """Hand a thread to the supervisors, with a note; it leaves the shared queue."""
        text = _clean_body(note, "note")
        with self._ctx.tx() as s:
            thread = self._get(s, thread_id, lock=True)
            me = self._ctx.advisor.id
            if thread.assigned_agent_id not in (None, me) and not self._supervisor():
                raise ConflictError(f"{self._agent_name(s, thread)} traite cet échange.")
            if thread.state is MailState.CLOSED:
                raise ConflictError("Cet échange est clos.")
            thread.escalated = True
            thread.assigned_agent_id = None
            s.add(self._note(thread_id, f"Escalade : {text}"))
            self._flush(s)
            self._ctx.audit(
                s, "mail.escalate", member_id=thread.member_id, target=f"mail:{thread_id}"
            )

    @api(Permission.MAIL_WORK, readonly=True)
    def transfer_targets(self) -> TransferTargets:
        """Who a thread can be transferred to: active mail agents (not me) and the teams.

        Staff names and team names only, no member data: not audited.
        """
        roles = [r for r in Role if Permission.MAIL_WORK in permissions_of(r)]
        with self._ctx.tx(readonly=True) as s:
            agents = s.execute(
                select(Advisor.id, Advisor.full_name, Team.name)
                .outerjoin(Team, Team.id == Advisor.team_id)
                .where(
                    Advisor.active.is_(true()),
                    Advisor.role.in_(roles),
                    Advisor.id != self._ctx.advisor.id,
                )
                .order_by(Advisor.full_name, Advisor.id)
            ).all()
            teams = s.execute(select(Team.id, Team.name).order_by(Team.name)).all()
        return TransferTargets(
            agents=[TransferAgent(id=i, name=n, team_name=t) for i, n, t in agents],
            teams=[TransferTeam(id=i, name=n) for i, n in teams],
        )

    # -- presence (the collision notice) ----------------------------------------------

    @api(Permission.MAIL_WORK)
    def touch_presence(self, thread_id: int, replying: bool = False) -> list[ThreadViewer]:
        """I have this thread open (and am writing a reply, or not): who else has it open?

        The screen calls it when it shows a thread and every few seconds after; it returns
        the other advisors seen within PRESENCE_TIMEOUT, those replying first. One small
        transaction (an upsert of my row, stale rows of the thread dropped, one select).
        Presence is neither member data nor a decision: no audit row is written per
        heartbeat (opening the thread was audited by `open_thread`).
        """
        now = _now()
        exists, upsert, prune, others = _presence_statements(self._ctx.engine.dialect.name)
        params = {
            "tid": thread_id,
            "me": self._ctx.advisor.id,
            "replying": bool(replying),
            "now": now,
            "since": now - PRESENCE_TIMEOUT,
        }
        with self._ctx.tx() as s:
            if s.execute(exists, params).first() is None:
                raise NotFound("Échange introuvable.")
            s.execute(upsert, params)
            s.execute(prune, params)
            return [
                ThreadViewer(advisor_id=r[0], name=r[1], replying=bool(r[2]), seen_at=r[3])
                for r in s.execute(others, params)
            ]

    @api(Permission.MAIL_WORK)
    def leave(self, thread_id: int) -> None:
        """I closed this thread (or switched to another): drop my presence row. Not audited."""
        v = _VIEWERS.c
        with self._ctx.tx() as s:
            s.execute(
                delete(_VIEWERS).where(
                    v.thread_id == thread_id, v.advisor_id == self._ctx.advisor.id
                )
            )

    # -- one thread ---------------------------------------------------------------------

    @api(Permission.MAIL_WORK, readonly=True)
    def open_thread(self, thread_id: int) -> ThreadDetail:
        with self._ctx.tx() as s:
            detail = self._detail(s, thread_id)
            self._ctx.audit(
                s, "mail.open_thread", member_id=detail.member.id, target=f"mail:{thread_id}"
            )
            return detail

    # -- the member file's Messages tab -----------------------------------------------------

    @api(Permission.MEMBER_READ, Permission.MAIL_WORK, readonly=True)
    def member_threads(self, member_id: int, limit: int = 200) -> list[ThreadRow]:
        """Every thread of one member, the most recent exchange first (the member file)."""
        limit = max(1, min(limit, MAX_LIMIT))
        now = _now()
        t = MailThread
        with self._ctx.tx() as s:
            if s.get(Member, member_id) is None:
                raise NotFound("Assuré introuvable.")
            rows = s.execute(
                select(t, Advisor.full_name)
                .outerjoin(Advisor, Advisor.id == t.assigned_agent_id)
                .where(t.member_id == member_id)
                .order_by(t.last_message_at.desc(), t.id.desc())
                .limit(limit)
            ).all()
            self._ctx.audit(
                s, "mail.member_threads", member_id=member_id, detail=f"{len(rows)} échange(s)"
            )
            return [_row(thread, name, now) for thread, name in rows]

    @api(Permission.MEMBER_READ, Permission.MAIL_WORK, readonly=True)
    def read_thread(self, thread_id: int) -> ThreadDetail:
        """One thread read from the member file (counter advisors too; nothing is claimed)."""
        with self._ctx.tx() as s:
            detail = self._detail(s, thread_id)
            self._ctx.audit(
                s, "mail.read_thread", member_id=detail.member.id, target=f"mail:{thread_id}"
            )
            return detail

    @api(Permission.MAIL_WORK)
    def reply(
        self,
        thread_id: int,
        body: str,
        expected_version: int,
        close: bool = False,
        document_id: int | None = None,
    ) -> ReplyResult:
        """Send an answer; the thread then waits for the member (or is closed).

        Refused with ConflictError when the thread changed since `expected_version` was read:
        the advisor re-reads it before sending, nothing is overwritten. `document_id` attaches
        a document issued for this member (it needs the right to issue documents).
        """
        text = _clean_body(body)
        if document_id is not None and Permission.DOCUMENT_ISSUE not in self._ctx.permissions:
            self._ctx.refuse("mail.reply", Permission.DOCUMENT_ISSUE, None)
        now = _now()
        pending, closing, message = _reply_statements()
        params = {
            "tid": thread_id,
            "expected": expected_version,
            "me": self._ctx.advisor.id,
            "now": now,
        }
        with self._ctx.tx() as s:
            # One guarded UPDATE: the version, the state and the owner are checked by the
            # database in the statement that changes them.
            row = s.execute(closing if close else pending, params).one_or_none()
            if row is None:
                self._refuse_reply(s, thread_id, expected_version)
            if document_id is not None:
                owner = s.scalar(
                    select(IssuedDocument.member_id).where(IssuedDocument.id == document_id)
                )
                if owner != row.member_id:  # the transaction rolls back: nothing is sent
                    raise ValidationError(
                        "Ce document n'a pas été délivré pour cet assuré.", "document"
                    )
            s.execute(message, {**params, "text": text, "doc": document_id})
            self._ctx.audit(
                s,
                "mail.reply",
                member_id=row.member_id,
                target=f"mail:{thread_id}",
                detail=("clôture" if close else "attente assuré")
                + (f", document {document_id}" if document_id is not None else ""),
            )
            return ReplyResult(
                thread_id=thread_id,
                state=row.state,
                version=row.version,
                first_response_at=row.first_response_at,
                closed_at=row.closed_at,
            )

    def _refuse_reply(self, s: Session, thread_id: int, expected_version: int) -> NoReturn:
        """Say why a guarded reply updated nothing."""
        thread = self._get(s, thread_id)
        if thread.version != expected_version:
            raise ConflictError(
                "L'échange a changé depuis que vous l'avez ouvert (nouveau message, "
                "transfert ou réponse d'un collègue) : relisez-le avant d'envoyer."
            )
        if thread.state is MailState.CLOSED:
            raise ConflictError("Cet échange est clos.")
        raise ConflictError(f"{self._agent_name(s, thread)} traite cet échange.")

    @api(Permission.MAIL_WORK)
    def add_note(self, thread_id: int, body: str) -> None:
        """An internal note, never shown to the member."""
        text = _clean_body(body)
        with self._ctx.tx() as s:
            thread = self._get(s, thread_id)
            s.add(self._note(thread_id, text))
            self._ctx.audit(
                s, "mail.add_note", member_id=thread.member_id, target=f"mail:{thread_id}"
            )

    @api(Permission.MAIL_WORK)
    def set_theme(self, thread_id: int, theme: MailTheme) -> None:
        """Reclassify a thread (e.g. 'other' after a suggestion); the deadline follows."""
        with self._ctx.tx() as s:
            thread = self._get(s, thread_id, lock=True)
            old = thread.theme
            thread.theme = theme
            if thread.first_response_at is None and thread.state in _WORKING:
                thread.sla_due_at = first_response_due(thread.created_at, theme)
            self._flush(s)
            self._ctx.audit(
                s,
                "mail.set_theme",
                member_id=thread.member_id,
                target=f"mail:{thread_id}",
                detail=f"{old.value} → {theme.value}",
            )

    # -- templates ----------------------------------------------------------------------

    @api(Permission.MAIL_WORK, readonly=True)
    def list_templates(self, search: str = "") -> list[TemplateInfo]:
        words = search.strip().lower().split()
        r = ReplyTemplate
        query = select(r).order_by(r.title)
        for word in words[:5]:
            pattern = f"%{word}%"
            query = query.where(
                or_(
                    func.lower(r.title).like(pattern),
                    func.lower(r.code).like(pattern),
                    func.lower(r.keywords).like(pattern),
                )
            )
        with self._ctx.tx(readonly=True) as s:
            return [
                TemplateInfo(id=t.id, code=t.code, title=t.title, theme=t.theme, body=t.body)
                for t in s.scalars(query)
            ]

    @api(Permission.MAIL_WORK, readonly=True)
    def render_template(self, template_id: int, thread_id: int) -> str:
        """The template filled for this thread; ValidationError naming any unknown variable."""
        with self._ctx.tx() as s:
            template = s.get(ReplyTemplate, template_id)
            if template is None:
                raise NotFound("Modèle de réponse introuvable.")
            thread = self._get(s, thread_id)
            values = self._variables(s, thread)
            text = fill_template(template.body, values)
            self._ctx.audit(
                s,
                "mail.render_template",
                member_id=thread.member_id,
                target=f"mail:{thread_id}",
                detail=template.code,
            )
            return text

    @api(Permission.MAIL_WORK, readonly=True)
    def suggest(self, thread_id: int) -> SuggestionList:
        """Templates and knowledge-base articles ranked by the database's full-text search on
        the subject and last inbound message."""
        with self._ctx.tx() as s:
            thread = self._get(s, thread_id)
            last = s.scalar(
                select(MailMessage.body)
                .where(
                    MailMessage.thread_id == thread_id,
                    MailMessage.direction == MessageDirection.INBOUND,
                )
                .order_by(MailMessage.at.desc(), MailMessage.id.desc())
                .limit(1)
            )
            text = f"{thread.subject}\n{last or ''}"
            ranked = rank_templates(s, text, SUGGESTIONS)
            templates = {
                t.id: t
                for t in s.scalars(
                    select(ReplyTemplate).where(ReplyTemplate.id.in_([i for i, _ in ranked]))
                )
            }
            suggestions = [
                Suggestion(
                    template_id=i,
                    code=templates[i].code,
                    title=templates[i].title,
                    theme=templates[i].theme,
                    score=round(score, 6),
                )
                for i, score in ranked
                if i in templates
            ]
            theme = None
            if thread.theme is MailTheme.OTHER:
                theme = next(
                    (x.theme for x in suggestions if x.theme not in (None, MailTheme.OTHER)),
                    None,
                )
            found = rank_texts(s, "knowledge_articles", text, SUGGESTIONS)
            rows = {
                a.id: a
                for a in s.scalars(
                    select(KnowledgeArticle).where(KnowledgeArticle.id.in_([i for i, _ in found]))
                )
            }
            articles = [
                article_summary(rows[i], round(score, 6)) for i, score in found if i in rows
            ]
            self._ctx.audit(
                s, "mail.suggest", member_id=thread.member_id, target=f"mail:{thread_id}"
            )
            return SuggestionList(suggestions=suggestions, suggested_theme=theme, articles=articles)

    # -- helpers ------------------------------------------------------------------------

    def _get(self, s: Session, thread_id: int, *, lock: bool = False) -> MailThread:
        query = select(MailThread).where(MailThread.id == thread_id)
        if lock:
            query = query.with_for_update()
        thread = s.scalar(query)
        if thread is None:
            raise NotFound("Échange introuvable.")
        return thread

    def _mine(self, s: Session, thread_id: int, action: str) -> MailThread:
        """A thread assigned to me (or anyone's, for a supervisor), locked for the change."""
        thread = self._get(s, thread_id, lock=True)
        if thread.state is MailState.CLOSED:
            raise ConflictError("Cet échange est clos.")
        if thread.assigned_agent_id != self._ctx.advisor.id and not self._supervisor():
            if thread.assigned_agent_id is None:
                raise ConflictError("Prenez d'abord cet échange.")
            raise _Refused(action, thread.member_id)
        return thread

    @staticmethod
    def _flush(s: Session) -> None:
        try:
            s.flush()
        except StaleDataError:
            raise ConflictError(
                "Un collègue vient de modifier cet échange : rouvrez-le et recommencez."
            ) from None

    def _note(self, thread_id: int, body: str) -> MailMessage:
        return MailMessage(
            thread_id=thread_id,
            at=_now(),
            direction=MessageDirection.NOTE,
            author_advisor_id=self._ctx.advisor.id,
            body=body,
        )

    @staticmethod
    def _agent_name(s: Session, thread: MailThread) -> str:
        if thread.assigned_agent_id is None:
            return "Personne"
        agent = s.get(Advisor, thread.assigned_agent_id)
        return agent.full_name if agent else "Un autre agent"

    def _detail(self, s: Session, thread_id: int) -> ThreadDetail:
        # Core rows, not ORM objects: this runs on every "Next" and every opening.
        now = _now()
        head, body = _detail_statements()
        row = s.execute(head, {"tid": thread_id}).one_or_none()
        if row is None:
            raise NotFound("Échange introuvable.")
        messages = [
            MessageView(
                id=m.id,
                at=m.at,
                direction=m.direction,
                author_name=m.name,
                body=m.body,
                document=AttachedDocument(
                    m.doc_id, m.doc_number, DOCUMENT_TITLES_FR[DocumentKind(m.doc_kind)]
                )
                if m.doc_id is not None
                else None,
            )
            for m in s.execute(body, {"tid": thread_id})
        ]
        first = row.first_names.replace(",", " ").split()
        name = f"{first[0] if first else ''} {row.last_name}".strip()
        return ThreadDetail(
            id=row.id,
            subject=row.subject,
            theme=row.theme,
            state=row.state,
            escalated=row.escalated,
            office_id=row.office_id,
            team_id=row.team_id,
            assigned_agent_id=row.assigned_agent_id,
            assigned_agent_name=row.agent_name,
            created_at=row.created_at,
            first_response_at=row.first_response_at,
            closed_at=row.closed_at,
            sla=_sla_of(row.state, row.sla_due_at, now),
            version=row.version,
            member=self._member_summary(row, name),
            messages=messages,
        )

    @staticmethod
    def _member_summary(row: Any, name: str) -> MemberSummary:
        return MemberSummary(
            id=row.member_id,
            name=name,
            nir_masked=_masked_nir(row.nir),
            birth_date=row.birth_date,
            city=row.member_city,
            open_requests=row.member_open_requests or 0,
            open_threads=row.member_open_threads or 0,
        )

    def _variables(self, s: Session, thread: MailThread) -> dict[str, str]:
        member = s.get(Member, thread.member_id)
        if member is None:
            raise NotFound("Assuré introuvable.")
        first, last = _member_name(member)
        today = datetime.now(UTC).astimezone(PARIS).date()
        year = today.year
        owed = s.execute(
            select(DeductibleEntry.entry, func.coalesce(func.sum(DeductibleEntry.amount_cents), 0))
            .where(DeductibleEntry.member_id == member.id, DeductibleEntry.year == year)
            .group_by(DeductibleEntry.entry)
        ).all()
        sums = {entry: int(total) for entry, total in owed}
        due = max(0, sums.get(LedgerEntryKind.OWED, 0) - sums.get(LedgerEntryKind.PAID, 0))
        office = None
        if self._ctx.advisor.office_id is not None:
            office = s.get(Office, self._ctx.advisor.office_id)
        return {
            "member_name": f"{first} {last}".strip(),
            "member_first_name": first,
            "member_last_name": last,
            "nir_last_digits": member.nir[-5:],
            "date": today.strftime("%d/%m/%Y"),
            "today": today.strftime("%d/%m/%Y"),
            "received_date": thread.created_at.astimezone(PARIS).strftime("%d/%m/%Y"),
            "subject": thread.subject,
            "thread_ref": f"C-{thread.id:07d}",
            "agent_name": self._ctx.advisor.full_name,
            "office_name": office.name if office else (self._ctx.advisor.office_name or ""),
            "deductibles_due": format_eur(due),
        }


def _sla_clause(sla: SlaFilter, now: datetime) -> ColumnElement[bool]:
    """The SQL form of a deadline filter (wall-clock instants; the clock runs on new and open
    threads, and stops while waiting for the member)."""
    t = MailThread
    if sla is SlaFilter.PAUSED:
        return t.state == MailState.PENDING
    running = and_(t.state.in_(_WORKING), t.sla_due_at.is_not(None))
    if sla is SlaFilter.BREACHED:
        return and_(running, t.sla_due_at < now)
    today_paris = now.astimezone(PARIS).date()
    end_of_day = datetime.combine(today_paris + timedelta(days=1), time.min, tzinfo=PARIS)
    if sla is SlaFilter.DUE_TODAY:
        return and_(running, t.sla_due_at >= now, t.sla_due_at < end_of_day.astimezone(UTC))
    return and_(running, t.sla_due_at >= end_of_day.astimezone(UTC))
