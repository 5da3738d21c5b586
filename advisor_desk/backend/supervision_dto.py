"""What the supervision service returns: counts and ids only, never a member's name or health data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from advisor_desk.domain.enums import DeclarationKind, DeclarationState, MailTheme

AGE_BUCKETS: tuple[str, ...] = ("lt1d", "d1_3", "d3_7", "gt7d")


@dataclass(frozen=True)
class BacklogCell:
    """Open mail threads of one theme in one age bucket (`AGE_BUCKETS`)."""

    theme: MailTheme
    bucket: str
    count: int


@dataclass(frozen=True)
class DayFlow:
    """Arrivals and closures of one Europe/Paris day."""

    day: date
    arrivals: int
    closures: int


@dataclass(frozen=True)
class Durations:
    """Median and 90th percentile in minutes (None when nothing was measured), and the sample size."""

    count: int
    median_min: int | None
    p90_min: int | None


@dataclass(frozen=True)
class MailStats:
    backlog: tuple[BacklogCell, ...]
    open_total: int
    sla_met: int
    sla_missed: int
    sla_rate: float | None  # met / (met + missed)
    first_response: Durations
    resolution: Durations
    flow: tuple[DayFlow, ...]
    closure_rate_per_day: float
    days_to_clear: float | None  # None when nothing is being closed


@dataclass(frozen=True)
class DeclarationCell:
    kind: DeclarationKind
    state: DeclarationState
    count: int


@dataclass(frozen=True)
class DecisionDay:
    day: date
    accepted: int
    refused: int


@dataclass(frozen=True)
class DeclarationStats:
    backlog: tuple[DeclarationCell, ...]
    open_total: int
    overdue: int  # open, past their estimated date
    on_time: int  # open, estimated date today or later
    no_estimate: int
    decisions: tuple[DecisionDay, ...]
    acceptance_rate: float | None


@dataclass(frozen=True)
class OccupancyCell:
    """Appointments of one office on one day (cancelled ones are not booked)."""

    office_id: int
    day: date
    booked: int
    seen: int
    noshow: int


@dataclass(frozen=True)
class AppointmentStats:
    occupancy: tuple[OccupancyCell, ...]
    noshow_rate: float | None  # noshow / (seen + noshow)
    avg_wait_min: float | None  # seen_at − arrived_at


@dataclass(frozen=True)
class AgentLoad:
    """One agent of the scope: staff, not members (the label is the advisor's name)."""

    agent_id: int
    label: str
    open_threads: int
    open_declarations: int
    handled: int  # threads closed and declarations decided in the period
    handled_per_day: float
    median_handling_min: int | None  # threads closed in the period: closed_at − created_at


@dataclass(frozen=True)
class Dashboard:
    period_start: date
    period_end: date
    computed_at: datetime
    scope: str  # "all", "team:ID" or "office:ID"
    mail: MailStats
    declarations: DeclarationStats
    appointments: AppointmentStats
    agents: tuple[AgentLoad, ...]


@dataclass(frozen=True)
class RebalanceReport:
    to_agent_id: int | None
    thread_ids: tuple[int, ...]
    declaration_ids: tuple[int, ...]


@dataclass(frozen=True)
class AgentItem:
    """One open item of an agent, for rebalancing: what and since when, no member data."""

    kind: str  # "mail" or "declaration"
    id: int
    topic: str  # the mail theme or the declaration kind (enum value)
    since: datetime
