"""Supervision: workload dashboard by SQL aggregates, rebalancing, and its exports."""

from __future__ import annotations

import io
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from itertools import pairwise
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    bindparam,
    case,
    false,
    func,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy import String as SqlString
from sqlalchemy import column as sql_column
from sqlalchemy import values as sql_values
from sqlalchemy.dialects.postgresql import ARRAY as PG_ARRAY
from sqlalchemy.orm import Session

from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.enums import (
    DeclarationKind,
    DeclarationState,
    MailTheme,
    Role,
)
from advisor_desk.domain.errors import NotFound, ValidationError
from advisor_desk.domain.permissions import Permission, permissions_of
from advisor_desk.domain.sla import minutes_text
from advisor_desk.domain.slots import paris_day

from .orm import Advisor
from .orm.base import UtcDateTime, utcnow
from .orm.declarations import Declaration, DeclarationEvent
from .orm.mail import MailThread
from .orm.summaries import AppointmentHour, DeclarationOpenCount, MailFlowHour, MailOpenDay
from .service import Service, api
from .snapshots import SharedSnapshot
from .spreadsheets import csv_bytes
from .summaries import NO_ESTIMATE, OPEN_DECLARATION_STATES, OPEN_MAIL_STATES
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


def _now() -> datetime:
    return utcnow()


# -- portable SQL pieces ----------------------------------------------------------------


# The fund's calendar: the period's days and the per-day figures are Europe/Paris days.


def paris_midnight(day: date) -> datetime:
    """The UTC instant at which a Europe/Paris calendar day begins."""
    return datetime.combine(day, time(), PARIS).astimezone(UTC)


def _offset_changes(start: datetime, end: datetime) -> list[tuple[datetime, timedelta]]:
    """The Europe/Paris UTC offset over [start, end): (from this instant, offset), in order.

    The first entry starts at `start`; a new one begins at each daylight-saving change, found
    by bisection (to the microsecond) between two Paris midnights with different offsets.
    """

    def offset(at: datetime) -> timedelta:
        value = at.astimezone(PARIS).utcoffset()
        assert value is not None
        return value

    changes = [(start, offset(start))]
    day = start.astimezone(PARIS).date()
    while (lower := max(start, paris_midnight(day))) < end:
        upper = min(end, paris_midnight(day + timedelta(days=1)))
        if offset(upper) != offset(lower):
            lo, hi = lower, upper  # offset(lo) is the old one, offset(hi) the new one
            while hi - lo > timedelta(microseconds=1):
                mid = lo + (hi - lo) / 2
                lo, hi = (mid, hi) if offset(mid) == offset(lo) else (lo, mid)
            if hi < end:
                changes.append((hi, offset(hi)))
        day += timedelta(days=1)
    return changes


@dataclass(frozen=True)
class _Period:
    """The dashboard's period: Paris days [first, first + days), i.e. instants [start, end)."""

    first: date
    days: int
    start: datetime
    end: datetime
    sqlite: bool

    def midnights(self) -> list[datetime]:
        return [paris_midnight(self.first + timedelta(days=i)) for i in range(self.days + 1)]

    def day(self, value: Any) -> date:
        """The day of a `_day()` value: a date (SQLite) or a 1-based bucket (PostgreSQL)."""
        if isinstance(value, int):
            return self.first + timedelta(days=value - 1)
        return _as_date(value)


def _in(column: Any, p: _Period) -> ColumnElement[bool]:
    return and_(column >= p.start, column < p.end)


def _open(column: Any, states: Iterable[StrEnum]) -> ColumnElement[bool]:
    """`column IN ('a', 'b')` with the values written out, not bound: the planner can then
    match the partial indexes on open items (a bound parameter might be anything)."""
    written: list[ColumnElement[Any]] = [literal_column(f"'{state.value}'") for state in states]
    return column.in_(written)  # type: ignore[no-any-return]


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def _day(p: _Period, column: Any) -> ColumnElement[Any]:
    """The Europe/Paris calendar day of a timestamp lying in the period (see `_Period.day`).

    PostgreSQL: the bucket among the period's Paris midnights (computed here by zoneinfo),
    a binary search that costs less per row than a time-zone conversion. SQLite: the date
    shifted by the period's UTC offsets (one, or a few around daylight-saving changes).
    """
    if not p.sqlite:
        bounds = bindparam("paris_midnights", p.midnights(), type_=PG_ARRAY(UtcDateTime()))
        return func.width_bucket(column, bounds, type_=Integer)

    def shifted(delta: timedelta) -> ColumnElement[Any]:
        return func.date(column, f"{int(delta.total_seconds()):+d} seconds")

    changes = _offset_changes(p.start, p.end)
    if len(changes) == 1:
        return shifted(changes[0][1])
    whens = [(column < at, shifted(off)) for (_, off), (at, _) in pairwise(changes)]
    return case(*whens, else_=shifted(changes[-1][1]))


def _durations_of(
    s: Session, p: _Period, minutes: Any, where: Iterable[ColumnElement[bool]]
) -> Durations:
    """Count, median and 90th percentile (nearest rank) of `minutes` over the rows."""
    if p.sqlite:
        rows = s.execute(
            select(minutes, func.count()).where(*where).group_by(minutes).order_by(minutes)
        )
        return _durations([(int(m), int(n)) for m, n in rows])
    n, percentiles = s.execute(select(func.count(), _percentiles(minutes)).where(*where)).one()
    return _durations_from(int(n), percentiles)


def _histograms_by(
    s: Session, key: Any, minutes: Any, where: Iterable[ColumnElement[bool]]
) -> tuple[Durations, dict[Any, Durations]]:
    """SQLite: `_durations_of` over all the rows and per value of `key`, from one histogram."""
    histograms: dict[Any, list[tuple[int, int]]] = defaultdict(list)
    overall: dict[int, int] = defaultdict(int)
    for k, m, n in s.execute(
        select(key, minutes, func.count()).where(*where).group_by(key, minutes).order_by(minutes)
    ):
        histograms[k].append((int(m), int(n)))
        overall[int(m)] += int(n)
    return _durations(sorted(overall.items())), {k: _durations(h) for k, h in histograms.items()}


def _percentiles(minutes: Any) -> ColumnElement[Any]:
    # percentile_disc is the nearest rank, like `_percentile`: ceil(p × n)-th smallest value.
    return func.percentile_disc(literal_column("ARRAY[0.5, 0.9]")).within_group(minutes)


def _durations_from(count: int, percentiles: Sequence[Any] | None) -> Durations:
    if not count or percentiles is None:
        return Durations(count, None, None)
    median, p90 = percentiles
    return Durations(count, int(median), int(p90))


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

    # The scope: what is routed to the supervisor's team or office, and the shared queue;
    # the agents of that team or office. Per-agent figures count only the scope's items.

    def _mail_scope(
        self, team: Any = MailThread.team_id, office: Any = MailThread.office_id
    ) -> ColumnElement[bool]:
        """Threads (or their summaries' keys, where 0 stands for none) in the scope."""
        a = self._ctx.advisor
        if self._all():
            return true()

        def none(column: Any) -> ColumnElement[bool]:
            return column.is_(None) if column.nullable else column == 0  # type: ignore[no-any-return]

        clauses: list[ColumnElement[bool]] = []
        if a.team_id is not None:
            clauses.append(team == a.team_id)
        if a.office_id is not None:
            clauses.append(office == a.office_id)
        # Threads routed to no team nor office are the shared queue: every supervisor's.
        clauses.append(and_(none(team), none(office)))
        return or_(*clauses)

    def _office_scope(self, column: Any) -> ColumnElement[bool]:
        """Rows (or summaries' keys, 0 for none) of the supervisor's office or of none."""
        a = self._ctx.advisor
        if self._all():
            return true()
        # Requests filed online carry no office: they are the shared queue, every supervisor's.
        none = column.is_(None) if column.nullable else column == 0
        if a.office_id is None:
            return none  # type: ignore[no-any-return]
        return or_(column == a.office_id, none)

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
        """Every figure of the period [period_start, period_end] (Paris days, both included)."""
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
        p = _Period(
            first=period_start,
            days=days,
            start=paris_midnight(period_start),
            end=paris_midnight(period_end + timedelta(days=1)),
            sqlite=s.get_bind().dialect.name == "sqlite",
        )
        now = _now()
        today = paris_day(now)
        with SharedSnapshot(s, self._ctx.engine) as shared:
            # On PostgreSQL the longest reads (each goes through a few hundred thousand index
            # entries at 1 M threads) run beside the others, on the same snapshot.
            resolution_later = shared.submit(lambda w: self._resolution(w, p))
            others_later = shared.submit(
                lambda w: (self._first_response(w, p), self._mail_backlog(w, p, now))
            )
            agents = dict(
                s.execute(
                    select(Advisor.id, Advisor.full_name)
                    .where(self._agent_scope())
                    .order_by(Advisor.id)
                ).all()
            )
            flow, sla_met, sla_missed = self._mail_flow(s, p, now)
            declaration_cells, estimates, requests_of = self._declaration_backlog(s, p, today)
            decisions, decided_by = self._decisions(s, p)
            appointments = self._appointments(s, p)
            resolution, resolved_by = resolution_later.result()
            first, (mail_cells, threads_of) = others_later.result()

        order = {b: i for i, b in enumerate(AGE_BUCKETS)}
        backlog = tuple(
            BacklogCell(theme, b, n)
            for (theme, b), n in sorted(
                mail_cells.items(), key=lambda kv: (kv[0][0], order[kv[0][1]])
            )
        )
        open_total = sum(mail_cells.values())
        closures = sum(c for _, c in flow.values())
        rate = closures / p.days
        mail = MailStats(
            backlog=backlog,
            open_total=open_total,
            sla_met=sla_met,
            sla_missed=sla_missed,
            sla_rate=_rate(sla_met, sla_met + sla_missed),
            first_response=first,
            resolution=resolution,
            flow=tuple(DayFlow(d, a, c) for d, (a, c) in sorted(flow.items())),
            closure_rate_per_day=rate,
            days_to_clear=(open_total / rate) if rate > 0 else None,
        )
        accepted = sum(a for a, _ in decisions.values())
        refused = sum(r for _, r in decisions.values())
        declaration_backlog = tuple(
            DeclarationCell(kind, state, n)
            for (kind, state), n in sorted(declaration_cells.items())
        )
        declarations = DeclarationStats(
            backlog=declaration_backlog,
            open_total=sum(c.count for c in declaration_backlog),
            overdue=estimates["overdue"],
            on_time=estimates["on_time"],
            no_estimate=estimates["none"],
            decisions=tuple(DecisionDay(k, a, r) for k, (a, r) in sorted(decisions.items())),
            acceptance_rate=_rate(accepted, accepted + refused),
        )

        def agent_load(agent_id: int, label: str) -> AgentLoad:
            mail_done = resolved_by.get(agent_id, Durations(0, None, None))
            handled = mail_done.count + decided_by.get(agent_id, 0)
            return AgentLoad(
                agent_id=agent_id,
                label=label,
                open_threads=threads_of.get(agent_id, 0),
                open_declarations=requests_of.get(agent_id, 0),
                handled=handled,
                handled_per_day=handled / days,
                median_handling_min=mail_done.median_min,
            )

        return Dashboard(
            period_start=period_start,
            period_end=period_end,
            computed_at=now,
            scope=self._scope_label(),
            mail=mail,
            declarations=declarations,
            appointments=appointments,
            agents=tuple(agent_load(agent_id, label) for agent_id, label in agents.items()),
        )

    # Each query below answers several figures in one pass over its rows (the backlog and
    # each agent's open items, say), and touches nothing but its own session.

    def _mail_backlog(
        self, s: Session, p: _Period, now: datetime
    ) -> tuple[dict[tuple[MailTheme, str], int], dict[int, int]]:
        """Open threads by theme and age bucket, and per assigned agent.

        The summary counts the open threads per UTC day of arrival; each bucket edge (now − 7,
        3 and 1 days) falls inside a day, whose part before the edge is counted from the rows.
        """
        t, o = MailThread, MailOpenDay
        edges = [now - timedelta(days=n) for n in (7, 3, 1)]
        starts = [datetime.combine(e.date(), time(), UTC) for e in edges]
        # Per theme: all open threads, and those of the days before each edge's day.
        older: dict[MailTheme, list[int]] = defaultdict(lambda: [0, 0, 0])
        totals: dict[MailTheme, int] = {}
        for theme, total, *before in s.execute(
            select(
                o.theme,
                func.sum(o.open_count),
                *(func.sum(case((o.day < e.date(), o.open_count), else_=0)) for e in edges),
            )
            .where(self._mail_scope(o.team_key, o.office_key))
            .group_by(o.theme)
        ):
            totals[theme] = int(total or 0)
            older[theme] = [int(n or 0) for n in before]
        # The edges' days, from the open-threads index: arrived that day up to the edge.
        is_open = _open(t.state, OPEN_MAIL_STATES)
        scope = self._mail_scope()
        for theme, k, n in self._open_before_edges(s, p, list(zip(starts, edges, strict=True))):
            older[theme][k] += n
        cells: dict[tuple[MailTheme, str], int] = {}
        for theme, total in totals.items():
            gt7, gt3, gt1 = older[theme]
            counts = {"gt7d": gt7, "d3_7": gt3 - gt7, "d1_3": gt1 - gt3, "lt1d": total - gt1}
            cells |= {(theme, b): n for b, n in counts.items() if n}
        per_agent = self._count_per_agent(s, p, t.assigned_agent_id, is_open, scope)
        return cells, per_agent

    def _open_before_edges(
        self, s: Session, p: _Period, ranges: list[tuple[datetime, datetime]]
    ) -> list[tuple[MailTheme, int, int]]:
        """(theme, k, open threads of the scope arrived in [start_k, edge_k]) where not zero."""
        t = MailThread
        is_open = _open(t.state, OPEN_MAIL_STATES)
        scope = self._mail_scope()
        if p.sqlite:
            within = [and_(t.created_at >= lo, t.created_at <= hi) for lo, hi in ranges]
            return [
                (theme, k, int(n))
                for theme, *counts in s.execute(
                    select(t.theme, *(_count_if(w) for w in within))
                    .where(is_open, scope, or_(*within))
                    .group_by(t.theme)
                )
                for k, n in enumerate(counts)
                if n
            ]
        # PostgreSQL: one counted range of the open-threads index per theme and edge.
        values = sql_values(
            sql_column("theme", SqlString()),
            sql_column("k", Integer),
            sql_column("after", UtcDateTime()),
            sql_column("until", UtcDateTime()),
            name="ranges",
        ).data([(th.value, k, lo, hi) for th in MailTheme for k, (lo, hi) in enumerate(ranges)])
        counted = (
            select(func.count().label("n"))
            .where(
                t.theme == values.c.theme,
                is_open,
                t.created_at >= values.c.after,
                t.created_at <= values.c.until,
                scope,
            )
            .lateral("counted")
        )
        return [
            (MailTheme(theme), int(k), int(n))
            for theme, k, n in s.execute(
                select(values.c.theme, values.c.k, counted.c.n).select_from(
                    values.join(counted, true())
                )
            )
            if n
        ]

    def _mail_flow(
        self, s: Session, p: _Period, now: datetime
    ) -> tuple[dict[date, list[int]], int, int]:
        """Arrivals and closures per day, and the response deadline of the period's arrivals."""
        f, t = MailFlowHour, MailThread
        day = _day(p, f.hour)
        flow: dict[date, list[int]] = {}
        sla_met = sla_missed = 0
        for d, arrivals, met, late, closures in s.execute(
            select(
                day,
                func.sum(f.arrivals),
                func.sum(f.sla_met),
                func.sum(f.sla_late),
                func.sum(f.closures),
            )
            .where(self._mail_scope(f.team_key, f.office_key), _in(f.hour, p))
            .group_by(day)
        ):
            if arrivals or closures:
                flow[p.day(d)] = [int(arrivals or 0), int(closures or 0)]
            sla_met += int(met or 0)
            sla_missed += int(late or 0)
        # Not answered yet: late once the deadline has passed (not summarised, as time passes).
        sla_missed += int(
            s.scalar(
                select(func.count()).where(
                    t.first_response_at.is_(None),
                    _in(t.created_at, p),
                    t.sla_due_at < now,
                    self._mail_scope(),
                )
            )
            or 0
        )
        return flow, sla_met, sla_missed

    def _first_response(self, s: Session, p: _Period) -> Durations:
        t = MailThread
        return _durations_of(
            s,
            p,
            t.first_response_min,
            [self._mail_scope(), _in(t.first_response_at, p)],
        )

    def _resolution(self, s: Session, p: _Period) -> tuple[Durations, dict[int, Durations]]:
        """Resolution times of the threads closed in the period: overall and per agent."""
        t = MailThread
        minutes = t.resolution_min
        where = [self._mail_scope(), _in(t.closed_at, p)]
        if p.sqlite:
            return _histograms_by(s, t.assigned_agent_id, minutes, where)
        # Per agent, one range of the (agent, closed) index each: no sort of the period's
        # closures by agent, only each agent's own durations (a few thousand) sorted.
        per_agent = (
            select(func.count().label("n"), _percentiles(minutes).label("pct"))
            .where(t.assigned_agent_id == Advisor.id, *where)
            .lateral("per_agent")
        )
        by = {
            int(agent): _durations_from(int(n), pct)
            for agent, n, pct in s.execute(
                select(Advisor.id, per_agent.c.n, per_agent.c.pct)
                .select_from(Advisor)
                .join(per_agent, true())
                .where(self._agent_scope())
            )
            if n
        }
        return _durations_of(s, p, minutes, where), by

    def _declaration_backlog(
        self, s: Session, p: _Period, today: date
    ) -> tuple[dict[tuple[DeclarationKind, DeclarationState], int], dict[str, int], dict[int, int]]:
        """Open requests by kind and state, against their estimated date, and per agent."""
        d, c = Declaration, DeclarationOpenCount
        cells: dict[tuple[DeclarationKind, DeclarationState], int] = {}
        estimates: dict[str, int] = defaultdict(int)
        estimated = c.estimated_key != NO_ESTIMATE
        for kind, state, n, overdue, on_time in s.execute(
            select(
                c.kind,
                c.state,
                func.sum(c.open_count),
                func.sum(case((and_(estimated, c.estimated_key < today), c.open_count), else_=0)),
                func.sum(case((and_(estimated, c.estimated_key >= today), c.open_count), else_=0)),
            )
            .where(self._office_scope(c.office_key))
            .group_by(c.kind, c.state)
        ):
            if n:
                cells[kind, state] = int(n)
                estimates["overdue"] += int(overdue or 0)
                estimates["on_time"] += int(on_time or 0)
                estimates["none"] += int(n) - int(overdue or 0) - int(on_time or 0)
        scope = self._office_scope(d.office_id)
        is_open = _open(d.state, OPEN_DECLARATION_STATES)
        per_agent = self._count_per_agent(s, p, d.assigned_agent_id, is_open, scope)
        return cells, estimates, per_agent

    def _count_per_agent(
        self, s: Session, p: _Period, agent_column: Any, *where: ColumnElement[bool]
    ) -> dict[int, int]:
        """The rows matching `where` of each agent. PostgreSQL: of each agent in scope, one
        counted range of an (agent, …) index each; SQLite: grouped by agent."""
        if p.sqlite:
            return {
                int(agent): int(n)
                for agent, n in s.execute(
                    select(agent_column, func.count())
                    .where(*where, agent_column.is_not(None))
                    .group_by(agent_column)
                )
            }
        mine = (
            select(func.count().label("n"))
            .where(agent_column == Advisor.id, *where)
            .lateral("mine")
        )
        return {
            int(agent): int(n)
            for agent, n in s.execute(
                select(Advisor.id, mine.c.n)
                .select_from(Advisor)
                .join(mine, true())
                .where(self._agent_scope())
            )
            if n
        }

    def _decisions(self, s: Session, p: _Period) -> tuple[dict[date, list[int]], dict[int, int]]:
        """Acceptances and refusals per day of the period, and decisions per agent."""
        d = Declaration
        day = _day(p, d.completed_at)
        decisions: dict[date, list[int]] = defaultdict(lambda: [0, 0])
        per_agent: dict[int, int] = defaultdict(int)
        for when, state, agent, n in s.execute(
            select(day, d.state, d.assigned_agent_id, func.count())
            .where(self._office_scope(d.office_id), d.state.in_(DECISIONS), _in(d.completed_at, p))
            .group_by(day, d.state, d.assigned_agent_id)
        ):
            decisions[p.day(when)][0 if state is DeclarationState.ACCEPTED else 1] += int(n)
            if agent is not None:
                per_agent[agent] += int(n)
        return decisions, per_agent

    def _appointments(self, s: Session, p: _Period) -> AppointmentStats:
        h = AppointmentHour
        day = _day(p, h.hour)
        # Cancelled appointments are not booked, but the average wait counts every arrival.
        rows = s.execute(
            select(
                h.office_key,
                day,
                func.sum(h.booked),
                func.sum(h.seen),
                func.sum(h.noshow),
                func.sum(h.wait_us),
                func.sum(h.waits),
            )
            .where(self._office_scope(h.office_key), _in(h.hour, p))
            .group_by(h.office_key, day)
        ).all()
        occupancy = tuple(
            sorted(
                (
                    OccupancyCell(int(office), p.day(when), int(n), int(k or 0), int(x or 0))
                    for office, when, n, k, x, _, _ in rows
                    if n
                ),
                key=lambda c: (c.office_id, c.day),
            )
        )
        total_seen = sum(c.seen for c in occupancy)
        total_noshow = sum(c.noshow for c in occupancy)
        wait_us = sum(int(w or 0) for *_, w, _ in rows)
        waits = sum(int(n or 0) for *_, n in rows)
        return AppointmentStats(
            occupancy=occupancy,
            noshow_rate=_rate(total_noshow, total_seen + total_noshow),
            avg_wait_min=wait_us / waits / 60e6 if waits else None,
        )

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
        return csv_bytes(
            [
                ("section", "cle", "sous_cle", "valeur"),
                *(
                    (section, key, sub, value)
                    for section, rows in export_rows(board).items()
                    for key, sub, value in rows
                ),
            ]
        )

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
                    f"{minutes_text(m.first_response.median_min)} / "
                    f"{minutes_text(m.first_response.p90_min)}",
                ],
                [
                    "Résolution (médiane / p90)",
                    f"{minutes_text(m.resolution.median_min)} / "
                    f"{minutes_text(m.resolution.p90_min)}",
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


__all__ = ["SupervisionService", "export_rows", "summary_pdf"]
