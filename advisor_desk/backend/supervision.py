"""Supervision: workload dashboard by SQL aggregates, rebalancing, and its exports."""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    and_,
    case,
    cast,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from advisor_desk.domain.declarations.workflow import FINAL_STATES
from advisor_desk.domain.enums import (
    AppointmentStatus,
    DeclarationState,
    MailState,
    Role,
)
from advisor_desk.domain.errors import NotFound, ValidationError
from advisor_desk.domain.permissions import Permission, permissions_of

from .orm import Advisor
from .orm.appointments import Appointment
from .orm.base import utcnow
from .orm.declarations import Declaration, DeclarationEvent
from .orm.mail import MailThread
from .service import Service, api
from .supervision_dto import (
    AGE_BUCKETS,
    AgentItem,
    AgentLoad,
    AppointmentStats,
    BacklogCell,
    Dashboard,
    DayFlow,
    DecisionDay,
    DeclarationCell,
    DeclarationStats,
    Durations,
    MailStats,
    OccupancyCell,
    RebalanceReport,
)

MAX_PERIOD_DAYS = 366
MAX_REBALANCE = 500
DECISIONS = (DeclarationState.ACCEPTED, DeclarationState.REFUSED)
CANCELLED = (AppointmentStatus.EXCUSED, AppointmentStatus.REVOKED)
# IN (…) rather than <> 'closed': the planner can then use the indexes led by `state`.
OPEN_MAIL_STATES = tuple(s for s in MailState if s is not MailState.CLOSED)
OPEN_DECLARATION_STATES = tuple(s for s in DeclarationState if s not in FINAL_STATES)

BUCKET_LABELS_FR = {"lt1d": "< 1 j", "d1_3": "1–3 j", "d3_7": "3–7 j", "gt7d": "> 7 j"}


def _now() -> datetime:
    return utcnow()


# -- portable SQL pieces ----------------------------------------------------------------


def _seconds(sqlite: bool, later: Any, earlier: Any) -> ColumnElement[float]:
    """`later − earlier` in seconds, computed by the database."""
    if sqlite:
        return (func.julianday(later) - func.julianday(earlier)) * 86400.0
    return cast(func.extract("epoch", later - earlier), Float)


def _minutes(sqlite: bool, later: Any, earlier: Any) -> ColumnElement[int]:
    """Whole minutes (floored) between two timestamps: the histogram bin of the percentiles."""
    seconds = _seconds(sqlite, later, earlier)
    if sqlite:
        return cast(seconds / 60, Integer)
    return cast(func.floor(seconds / 60), Integer)


def _day(sqlite: bool, column: Any) -> ColumnElement[Any]:
    """The UTC calendar day of a timestamp."""
    if sqlite:
        return func.date(column)
    return func.date(func.timezone("UTC", column))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _percentile(histogram: Sequence[tuple[int, int]], p: float) -> int | None:
    """Nearest-rank percentile of a (value, count) histogram sorted by value."""
    total = sum(n for _, n in histogram)
    if total == 0:
        return None
    rank = max(1, math.ceil(p * total))
    seen = 0
    for value, n in histogram:
        seen += n
        if seen >= rank:
            return value
    return histogram[-1][0]  # pragma: no cover


def _durations(histogram: Sequence[tuple[int, int]]) -> Durations:
    return Durations(
        count=sum(n for _, n in histogram),
        median_min=_percentile(histogram, 0.5),
        p90_min=_percentile(histogram, 0.9),
    )


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


class SupervisionService(Service):
    """Workload of the supervisor's team and office (every office for administrators)."""

    name = "supervision"

    # -- scope ------------------------------------------------------------------------

    def _all(self) -> bool:
        return self._ctx.advisor.role is Role.ADMIN

    def _scope_label(self) -> str:
        a = self._ctx.advisor
        if self._all():
            return "all"
        if a.team_id is not None:
            return f"team:{a.team_id}"
        return f"office:{a.office_id}"

    def _mail_scope(self) -> ColumnElement[bool]:
        a = self._ctx.advisor
        if self._all():
            return true()
        clauses: list[ColumnElement[bool]] = []
        if a.team_id is not None:
            clauses.append(MailThread.team_id == a.team_id)
        if a.office_id is not None:
            clauses.append(MailThread.office_id == a.office_id)
        # Threads routed to no team nor office are the shared queue: every supervisor's.
        clauses.append(and_(MailThread.team_id.is_(None), MailThread.office_id.is_(None)))
        return or_(*clauses)

    def _office_scope(self, column: Any) -> ColumnElement[bool]:
        a = self._ctx.advisor
        if self._all():
            return true()
        # Requests filed online carry no office: they are the shared queue, every supervisor's.
        if a.office_id is None:
            return column.is_(None)  # type: ignore[no-any-return]
        return or_(column == a.office_id, column.is_(None))

    def _agent_scope(self) -> ColumnElement[bool]:
        a = self._ctx.advisor
        roles = [
            r
            for r in Role
            if {Permission.MAIL_WORK, Permission.DECLARATION_PROCESS} & permissions_of(r)
        ]
        base = and_(Advisor.active.is_(True), Advisor.role.in_(roles))
        if self._all():
            return base
        clauses: list[ColumnElement[bool]] = []
        if a.team_id is not None:
            clauses.append(Advisor.team_id == a.team_id)
        if a.office_id is not None:
            clauses.append(Advisor.office_id == a.office_id)
        return and_(base, or_(*clauses) if clauses else false())

    # -- the dashboard ----------------------------------------------------------------

    @api(Permission.SUPERVISION_VIEW, readonly=True)
    def dashboard(self, period_start: date, period_end: date) -> Dashboard:
        """Every figure of the period [period_start, period_end] (UTC days, both included)."""
        with self._ctx.tx(readonly=True) as s:
            result = self._dashboard(s, period_start, period_end)
            self._ctx.audit(
                s,
                "supervision.dashboard",
                detail=f"{period_start.isoformat()}..{period_end.isoformat()} {result.scope}",
            )
            return result

    def _dashboard(self, s: Session, period_start: date, period_end: date) -> Dashboard:
        if period_end < period_start:
            raise ValidationError("La fin de la période précède son début.", "period_end")
        days = (period_end - period_start).days + 1
        if days > MAX_PERIOD_DAYS:
            raise ValidationError("La période est limitée à un an.", "period_end")
        start = datetime.combine(period_start, time(), UTC)
        end = datetime.combine(period_end + timedelta(days=1), time(), UTC)
        sqlite = s.get_bind().dialect.name == "sqlite"
        now = _now()
        return Dashboard(
            period_start=period_start,
            period_end=period_end,
            computed_at=now,
            scope=self._scope_label(),
            mail=self._mail(s, sqlite, start, end, days, now),
            declarations=self._declarations(s, sqlite, start, end, now),
            appointments=self._appointments(s, sqlite, start, end),
            agents=self._agents(s, sqlite, start, end, days),
        )

    def _histogram(
        self, s: Session, minutes: ColumnElement[int], where: Iterable[ColumnElement[bool]]
    ) -> list[tuple[int, int]]:
        rows = s.execute(
            select(minutes.label("m"), func.count())
            .where(*where)
            .group_by(minutes)
            .order_by(minutes)
        )
        return [(int(m), int(n)) for m, n in rows]

    def _mail(
        self, s: Session, sqlite: bool, start: datetime, end: datetime, days: int, now: datetime
    ) -> MailStats:
        t = MailThread
        scope = self._mail_scope()
        is_open = t.state.in_(OPEN_MAIL_STATES)
        bucket = case(
            (t.created_at > now - timedelta(days=1), "lt1d"),
            (t.created_at > now - timedelta(days=3), "d1_3"),
            (t.created_at > now - timedelta(days=7), "d3_7"),
            else_="gt7d",
        )
        cells = {
            (theme, b): int(n)
            for theme, b, n in s.execute(
                select(t.theme, bucket, func.count())
                .where(scope, is_open)
                .group_by(t.theme, bucket)
            )
        }
        order = {b: i for i, b in enumerate(AGE_BUCKETS)}
        backlog = tuple(
            BacklogCell(theme, b, n)
            for (theme, b), n in sorted(cells.items(), key=lambda kv: (kv[0][0], order[kv[0][1]]))
        )
        open_total = sum(cells.values())

        met = and_(t.first_response_at.is_not(None), t.first_response_at <= t.sla_due_at)
        missed = or_(
            t.first_response_at > t.sla_due_at,
            and_(t.first_response_at.is_(None), t.sla_due_at < now),
        )
        sla_met, sla_missed = s.execute(
            select(
                func.coalesce(func.sum(case((met, 1), else_=0)), 0),
                func.coalesce(func.sum(case((missed, 1), else_=0)), 0),
            ).where(scope, t.sla_due_at.is_not(None), t.created_at >= start, t.created_at < end)
        ).one()

        first = self._histogram(
            s,
            _minutes(sqlite, t.first_response_at, t.created_at),
            [scope, t.first_response_at >= start, t.first_response_at < end],
        )
        resolution = self._histogram(
            s,
            _minutes(sqlite, t.closed_at, t.created_at),
            [scope, t.closed_at >= start, t.closed_at < end],
        )

        arrivals_day = _day(sqlite, t.created_at)
        closures_day = _day(sqlite, t.closed_at)
        flow: dict[date, list[int]] = defaultdict(lambda: [0, 0])
        for d, n in s.execute(
            select(arrivals_day, func.count())
            .where(scope, t.created_at >= start, t.created_at < end)
            .group_by(arrivals_day)
        ):
            flow[_as_date(d)][0] = int(n)
        for d, n in s.execute(
            select(closures_day, func.count())
            .where(scope, t.closed_at >= start, t.closed_at < end)
            .group_by(closures_day)
        ):
            flow[_as_date(d)][1] = int(n)
        closures = sum(c for _, c in flow.values())
        rate = closures / days
        return MailStats(
            backlog=backlog,
            open_total=open_total,
            sla_met=int(sla_met),
            sla_missed=int(sla_missed),
            sla_rate=_rate(int(sla_met), int(sla_met) + int(sla_missed)),
            first_response=_durations(first),
            resolution=_durations(resolution),
            flow=tuple(DayFlow(d, a, c) for d, (a, c) in sorted(flow.items())),
            closure_rate_per_day=rate,
            days_to_clear=(open_total / rate) if rate > 0 else None,
        )

    def _declarations(
        self, s: Session, sqlite: bool, start: datetime, end: datetime, now: datetime
    ) -> DeclarationStats:
        d = Declaration
        scope = self._office_scope(d.office_id)
        is_open = d.state.in_(OPEN_DECLARATION_STATES)
        today = now.date()
        backlog = tuple(
            DeclarationCell(kind, state, int(n))
            for kind, state, n in s.execute(
                select(d.kind, d.state, func.count())
                .where(scope, is_open)
                .group_by(d.kind, d.state)
                .order_by(d.kind, d.state)
            )
        )
        overdue, on_time, no_estimate = s.execute(
            select(
                func.coalesce(func.sum(case((d.estimated_on < today, 1), else_=0)), 0),
                func.coalesce(func.sum(case((d.estimated_on >= today, 1), else_=0)), 0),
                func.coalesce(func.sum(case((d.estimated_on.is_(None), 1), else_=0)), 0),
            ).where(scope, is_open)
        ).one()
        day = _day(sqlite, d.completed_at)
        decisions: dict[date, list[int]] = defaultdict(lambda: [0, 0])
        for when, state, n in s.execute(
            select(day, d.state, func.count())
            .where(scope, d.state.in_(DECISIONS), d.completed_at >= start, d.completed_at < end)
            .group_by(day, d.state)
        ):
            decisions[_as_date(when)][0 if state is DeclarationState.ACCEPTED else 1] = int(n)
        accepted = sum(a for a, _ in decisions.values())
        refused = sum(r for _, r in decisions.values())
        return DeclarationStats(
            backlog=backlog,
            open_total=sum(c.count for c in backlog),
            overdue=int(overdue),
            on_time=int(on_time),
            no_estimate=int(no_estimate),
            decisions=tuple(DecisionDay(k, a, r) for k, (a, r) in sorted(decisions.items())),
            acceptance_rate=_rate(accepted, accepted + refused),
        )

    def _appointments(
        self, s: Session, sqlite: bool, start: datetime, end: datetime
    ) -> AppointmentStats:
        a = Appointment
        scope = and_(self._office_scope(a.office_id), a.starts_at >= start, a.starts_at < end)
        day = _day(sqlite, a.starts_at)
        seen = func.sum(case((a.status == AppointmentStatus.SEEN, 1), else_=0))
        noshow = func.sum(case((a.status == AppointmentStatus.NOSHOW, 1), else_=0))
        occupancy = tuple(
            OccupancyCell(int(office), _as_date(when), int(n), int(k), int(x))
            for office, when, n, k, x in s.execute(
                select(a.office_id, day, func.count(), seen, noshow)
                .where(scope, a.status.not_in(CANCELLED))
                .group_by(a.office_id, day)
                .order_by(a.office_id, day)
            )
        )
        total_seen = sum(c.seen for c in occupancy)
        total_noshow = sum(c.noshow for c in occupancy)
        wait = s.scalar(
            select(func.avg(_seconds(sqlite, a.seen_at, a.arrived_at))).where(
                scope, a.seen_at.is_not(None), a.arrived_at.is_not(None)
            )
        )
        return AppointmentStats(
            occupancy=occupancy,
            noshow_rate=_rate(total_noshow, total_seen + total_noshow),
            avg_wait_min=None if wait is None else float(wait) / 60,
        )

    def _agents(
        self, s: Session, sqlite: bool, start: datetime, end: datetime, days: int
    ) -> tuple[AgentLoad, ...]:
        agents = dict(
            s.execute(
                select(Advisor.id, Advisor.full_name)
                .where(self._agent_scope())
                .order_by(Advisor.id)
            ).all()
        )
        if not agents:
            return ()
        ids = list(agents)
        t, d = MailThread, Declaration
        open_threads = dict(
            s.execute(
                select(t.assigned_agent_id, func.count())
                .where(t.assigned_agent_id.in_(ids), t.state.in_(OPEN_MAIL_STATES))
                .group_by(t.assigned_agent_id)
            ).all()
        )
        open_decl = dict(
            s.execute(
                select(d.assigned_agent_id, func.count())
                .where(d.assigned_agent_id.in_(ids), d.state.in_(OPEN_DECLARATION_STATES))
                .group_by(d.assigned_agent_id)
            ).all()
        )
        closed_decl = dict(
            s.execute(
                select(d.assigned_agent_id, func.count())
                .where(
                    d.assigned_agent_id.in_(ids),
                    d.state.in_(DECISIONS),
                    d.completed_at >= start,
                    d.completed_at < end,
                )
                .group_by(d.assigned_agent_id)
            ).all()
        )
        minutes = _minutes(sqlite, t.closed_at, t.created_at)
        histograms: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for agent, m, n in s.execute(
            select(t.assigned_agent_id, minutes, func.count())
            .where(t.assigned_agent_id.in_(ids), t.closed_at >= start, t.closed_at < end)
            .group_by(t.assigned_agent_id, minutes)
            .order_by(t.assigned_agent_id, minutes)
        ):
            if agent is not None:
                histograms[agent].append((int(m), int(n)))
        result = []
        for agent_id, label in agents.items():
            hist = histograms.get(agent_id, [])
            handled = sum(n for _, n in hist) + int(closed_decl.get(agent_id, 0))
            result.append(
                AgentLoad(
                    agent_id=agent_id,
                    label=label,
                    open_threads=int(open_threads.get(agent_id, 0)),
                    open_declarations=int(open_decl.get(agent_id, 0)),
                    handled=handled,
                    handled_per_day=handled / days,
                    median_handling_min=_percentile(hist, 0.5),
                )
            )
        return tuple(result)

    # -- rebalancing ------------------------------------------------------------------

    @api(Permission.SUPERVISION_VIEW, readonly=True)
    def agent_items(self, agent_id: int | None, limit: int = 200) -> list[AgentItem]:
        """Open threads and declarations of one agent (None: the unassigned queue), oldest first."""
        limit = max(1, min(limit, MAX_REBALANCE))
        t, d = MailThread, Declaration
        with self._ctx.tx(readonly=True) as s:
            threads = s.execute(
                select(t.id, t.theme, t.created_at)
                .where(
                    self._mail_scope(),
                    t.state.in_(OPEN_MAIL_STATES),
                    t.assigned_agent_id.is_(None)
                    if agent_id is None
                    else t.assigned_agent_id == agent_id,
                )
                .order_by(t.created_at, t.id)
                .limit(limit)
            ).all()
            decls = s.execute(
                select(d.id, d.kind, d.filed_at)
                .where(
                    self._office_scope(d.office_id),
                    d.state.in_(OPEN_DECLARATION_STATES),
                    d.assigned_agent_id.is_(None)
                    if agent_id is None
                    else d.assigned_agent_id == agent_id,
                )
                .order_by(d.filed_at, d.id)
                .limit(limit)
            ).all()
            self._ctx.audit(s, "supervision.agent_items", detail=f"agent {agent_id}")
        items = [AgentItem("mail", i, theme.value, at) for i, theme, at in threads]
        items += [AgentItem("declaration", i, kind.value, at) for i, kind, at in decls]
        return sorted(items, key=lambda x: x.since)[:limit]

    @api(Permission.WORK_REBALANCE)
    def rebalance(
        self, thread_ids: list[int], declaration_ids: list[int], to_agent_id: int | None
    ) -> RebalanceReport:
        """Give open threads and declarations to another agent (or back to the queue with None).

        All or nothing: one unknown, closed or out-of-scope id and nothing changes.
        """
        threads = sorted(set(thread_ids))
        decls = sorted(set(declaration_ids))
        if not threads and not decls:
            raise ValidationError("Sélectionnez au moins un élément à réattribuer.")
        if len(threads) + len(decls) > MAX_REBALANCE:
            raise ValidationError(f"Au plus {MAX_REBALANCE} éléments à la fois.")
        me = self._ctx.advisor.id
        with self._ctx.tx() as s:
            label = "Remise dans la file"
            if to_agent_id is not None:
                agent = s.scalar(
                    select(Advisor).where(Advisor.id == to_agent_id, self._agent_scope())
                )
                if agent is None:
                    raise NotFound("Agent inconnu ou hors de votre périmètre.")
                rights = permissions_of(agent.role)
                if threads and Permission.MAIL_WORK not in rights:
                    raise ValidationError("Cet agent ne traite pas les courriels.", "to_agent_id")
                if decls and Permission.DECLARATION_PROCESS not in rights:
                    raise ValidationError(
                        "Cet agent ne peut pas instruire de démarches.", "to_agent_id"
                    )
                label = f"Réattribuée à l'agent {agent.id}"
            if threads:
                found = list(
                    s.scalars(
                        select(MailThread)
                        .where(
                            MailThread.id.in_(threads),
                            self._mail_scope(),
                            MailThread.state.in_(OPEN_MAIL_STATES),
                        )
                        .with_for_update()
                    )
                )
                missing = sorted(set(threads) - {x.id for x in found})
                if missing:
                    raise NotFound(
                        "Échanges introuvables, clos ou hors de votre périmètre : "
                        + ", ".join(map(str, missing))
                    )
                for thread in found:
                    thread.assigned_agent_id = to_agent_id
                    self._ctx.audit(
                        s,
                        "supervision.rebalance",
                        member_id=thread.member_id,
                        target=f"mail:{thread.id}",
                        detail=label,
                    )
            if decls:
                found_d = list(
                    s.scalars(
                        select(Declaration)
                        .where(
                            Declaration.id.in_(decls),
                            self._office_scope(Declaration.office_id),
                            Declaration.state.in_(OPEN_DECLARATION_STATES),
                        )
                        .with_for_update()
                    )
                )
                missing = sorted(set(decls) - {x.id for x in found_d})
                if missing:
                    raise NotFound(
                        "Démarches introuvables, terminées ou hors de votre périmètre : "
                        + ", ".join(map(str, missing))
                    )
                for decl in found_d:
                    decl.assigned_agent_id = to_agent_id
                    s.add(
                        DeclarationEvent(
                            declaration_id=decl.id,
                            advisor_id=me,
                            from_state=decl.state,
                            to_state=decl.state,
                            comment=label,
                        )
                    )
                    self._ctx.audit(
                        s,
                        "supervision.rebalance",
                        member_id=decl.member_id,
                        target=f"declaration:{decl.number}",
                        detail=label,
                    )
            s.flush()
        return RebalanceReport(to_agent_id, tuple(threads), tuple(decls))

    # -- exports ----------------------------------------------------------------------

    @api(Permission.SUPERVISION_VIEW, readonly=True)
    def export_csv(self, period_start: date, period_end: date) -> bytes:
        """The dashboard as one CSV (`;`-separated, UTF-8 with BOM for spreadsheets): section rows."""
        board = self.dashboard(period_start, period_end)
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(["section", "cle", "sous_cle", "valeur"])
        for section, rows in export_rows(board).items():
            for key, sub, value in rows:
                writer.writerow([section, key, sub, value])
        return out.getvalue().encode("utf-8-sig")

    @api(Permission.SUPERVISION_VIEW, readonly=True)
    def export_xlsx(self, period_start: date, period_end: date) -> bytes:
        """The dashboard as a workbook, one sheet per section."""
        from openpyxl import Workbook

        board = self.dashboard(period_start, period_end)
        book = Workbook()
        book.remove(book.active)
        for section, rows in export_rows(board).items():
            sheet = book.create_sheet(section[:31])
            sheet.append(["cle", "sous_cle", "valeur"])
            for row in rows:
                sheet.append(list(row))
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    @api(Permission.SUPERVISION_VIEW, readonly=True)
    def summary_pdf(self, period_start: date, period_end: date) -> bytes:
        """A one-page French summary of the dashboard."""
        return summary_pdf(self.dashboard(period_start, period_end))


Value = str | int | float


def _fmt(value: float | int | None) -> Value:
    if value is None:
        return ""
    return round(value, 4) if isinstance(value, float) else value


def export_rows(board: Dashboard) -> dict[str, list[tuple[str, str, Value]]]:
    """The dashboard flattened to (key, sub-key, value) rows by section: shared by the exports."""
    m, dcl, ap = board.mail, board.declarations, board.appointments
    return {
        "periode": [
            ("debut", "", board.period_start.isoformat()),
            ("fin", "", board.period_end.isoformat()),
            ("perimetre", "", board.scope),
        ],
        "courriels_stock": [(c.theme.value, c.bucket, c.count) for c in m.backlog],
        "courriels": [
            ("ouverts", "", m.open_total),
            ("sla_respectes", "", m.sla_met),
            ("sla_depasses", "", m.sla_missed),
            ("taux_sla", "", _fmt(m.sla_rate)),
            ("premiere_reponse_min", "mediane", _fmt(m.first_response.median_min)),
            ("premiere_reponse_min", "p90", _fmt(m.first_response.p90_min)),
            ("resolution_min", "mediane", _fmt(m.resolution.median_min)),
            ("resolution_min", "p90", _fmt(m.resolution.p90_min)),
            ("clotures_par_jour", "", _fmt(m.closure_rate_per_day)),
            ("jours_pour_resorber", "", _fmt(m.days_to_clear)),
        ],
        "courriels_flux": [
            (f.day.isoformat(), kind, n)
            for f in m.flow
            for kind, n in (("arrivees", f.arrivals), ("clotures", f.closures))
        ],
        "demarches_stock": [(c.kind.value, c.state.value, c.count) for c in dcl.backlog],
        "demarches": [
            ("ouvertes", "", dcl.open_total),
            ("en_retard", "", dcl.overdue),
            ("dans_les_delais", "", dcl.on_time),
            ("sans_estimation", "", dcl.no_estimate),
            ("taux_acceptation", "", _fmt(dcl.acceptance_rate)),
            *(
                (x.day.isoformat(), kind, n)
                for x in dcl.decisions
                for kind, n in (("acceptees", x.accepted), ("refusees", x.refused))
            ),
        ],
        "rendez_vous": [
            ("taux_absence", "", _fmt(ap.noshow_rate)),
            ("attente_moyenne_min", "", _fmt(ap.avg_wait_min)),
            *(
                (f"accueil {c.office_id} {c.day.isoformat()}", kind, n)
                for c in ap.occupancy
                for kind, n in (("reserves", c.booked), ("vus", c.seen), ("absents", c.noshow))
            ),
        ],
        "agents": [
            (str(a.agent_id), kind, _fmt(v))
            for a in board.agents
            for kind, v in (
                ("courriels_ouverts", a.open_threads),
                ("demarches_ouvertes", a.open_declarations),
                ("traites", a.handled),
                ("traites_par_jour", a.handled_per_day),
                ("mediane_traitement_min", a.median_handling_min),
            )
        ],
    }


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def _num(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:.1f}".replace(".", ",") if isinstance(value, float) else str(value)
    return f"{text} {unit}".rstrip()


def summary_pdf(board: Dashboard) -> bytes:
    """The French one-page summary (reportlab)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title="Synthèse de supervision",
        author="Assurance Maladie",
    )
    m, dcl, ap = board.mail, board.declarations, board.appointments
    start = board.period_start.strftime("%d/%m/%Y")
    end = board.period_end.strftime("%d/%m/%Y")

    def table(rows: list[list[str]]) -> Table:
        tbl = Table(rows, hAlign="LEFT", colWidths=[110 * mm, 50 * mm])
        tbl.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("FONTSIZE", (0, 0), (-1, -1), 9),
                    ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ]
            )
        )
        return tbl

    story: list[Any] = [
        Paragraph("Synthèse de supervision", styles["Title"]),
        Paragraph(f"Période du {start} au {end} — périmètre : {board.scope}", styles["Normal"]),
        Spacer(1, 6 * mm),
        Paragraph("Courriels", styles["Heading2"]),
        table(
            [
                ["Échanges ouverts", str(m.open_total)],
                ["Délai de réponse respecté", _pct(m.sla_rate)],
                [
                    "Première réponse (médiane / p90)",
                    f"{_num(m.first_response.median_min)} / {_num(m.first_response.p90_min)} min",
                ],
                [
                    "Résolution (médiane / p90)",
                    f"{_num(m.resolution.median_min)} / {_num(m.resolution.p90_min)} min",
                ],
                ["Clôtures par jour", _num(m.closure_rate_per_day)],
                ["Jours pour résorber le stock", _num(m.days_to_clear, "j")],
            ]
        ),
        Spacer(1, 4 * mm),
        Paragraph("Démarches", styles["Heading2"]),
        table(
            [
                ["Demandes en cours", str(dcl.open_total)],
                ["En retard sur la date estimée", str(dcl.overdue)],
                ["Taux d'acceptation", _pct(dcl.acceptance_rate)],
            ]
        ),
        Spacer(1, 4 * mm),
        Paragraph("Rendez-vous", styles["Heading2"]),
        table(
            [
                ["Rendez-vous réservés", str(sum(c.booked for c in ap.occupancy))],
                ["Taux d'absence", _pct(ap.noshow_rate)],
                ["Attente moyenne à l'accueil", _num(ap.avg_wait_min, "min")],
            ]
        ),
        Spacer(1, 4 * mm),
        Paragraph("Charge par agent", styles["Heading2"]),
        table(
            [["Agent (identifiant)", "Ouverts / traités"]]
            + [
                [f"Agent {a.agent_id}", f"{a.open_threads + a.open_declarations} / {a.handled}"]
                for a in board.agents
            ]
        ),
    ]
    doc.build(story)
    return buffer.getvalue()


__all__ = ["BUCKET_LABELS_FR", "SupervisionService", "export_rows", "summary_pdf"]
