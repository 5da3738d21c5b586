"""What the mail service takes and returns: frozen dataclasses and enums, nothing lazy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from advisor_desk.domain.enums import MailState, MailTheme, MessageDirection
from advisor_desk.domain.sla import SlaStatus

from .knowledge_dto import ArticleSummary


class MailView(StrEnum):
    UNASSIGNED = "unassigned"  # the shared queue: nobody works on it yet
    MINE = "mine"  # assigned to me, to answer
    PENDING = "pending"  # mine, answered, waiting for the member
    ESCALATED = "escalated"  # handed to a supervisor (MAIL_SUPERVISE)
    CLOSED = "closed"  # mine (every agent's for a supervisor)
    ALL = "all"  # everything (MAIL_SUPERVISE)


SUPERVISOR_VIEWS = frozenset({MailView.ESCALATED, MailView.ALL})


class SlaFilter(StrEnum):
    """Where a thread stands against its deadline, as the queue filters it."""

    BREACHED = "breached"  # the clock runs and the deadline has passed
    DUE_TODAY = "due_today"  # the clock runs, due before the end of today (Paris)
    ON_TIME = "on_time"  # the clock runs, due after today
    PAUSED = "paused"  # waiting for the member: the clock is stopped


@dataclass(frozen=True)
class QueueFilter:
    theme: MailTheme | None = None
    state: MailState | None = None
    min_age_hours: int | None = None  # received at least this many hours ago
    office_id: int | None = None
    team_id: int | None = None
    sla: SlaFilter | None = None


@dataclass(frozen=True)
class ThreadRow:
    id: int
    subject: str
    theme: MailTheme
    state: MailState
    member_id: int
    office_id: int | None
    team_id: int | None
    assigned_agent_id: int | None
    assigned_agent_name: str | None
    escalated: bool
    created_at: datetime
    last_message_at: datetime
    first_response_at: datetime | None
    sla: SlaStatus
    version: int


@dataclass(frozen=True)
class QueuePage:
    rows: list[ThreadRow]
    total: int
    offset: int


@dataclass(frozen=True)
class QueueCounts:
    """Threads per view; None for a view the advisor may not see."""

    unassigned: int
    mine: int
    pending: int
    closed: int
    escalated: int | None
    all: int | None


@dataclass(frozen=True)
class MemberSummary:
    """What an agent sees of the member beside a thread (the file is one click away)."""

    id: int
    name: str
    nir_masked: str
    birth_date: date
    city: str | None  # of the current address
    open_requests: int  # declarations not decided yet
    open_threads: int  # the member's other threads not closed


@dataclass(frozen=True)
class AttachedDocument:
    """A document issued for the member, attached to a message."""

    id: int
    number: str
    title: str


@dataclass(frozen=True)
class MessageView:
    id: int
    at: datetime
    direction: MessageDirection
    author_name: str | None
    body: str
    document: AttachedDocument | None = None


@dataclass(frozen=True)
class ThreadDetail:
    id: int
    subject: str
    theme: MailTheme
    state: MailState
    escalated: bool
    office_id: int | None
    team_id: int | None
    assigned_agent_id: int | None
    assigned_agent_name: str | None
    created_at: datetime
    first_response_at: datetime | None
    closed_at: datetime | None
    sla: SlaStatus
    version: int  # give it back to `reply`: a change in between is refused, not overwritten
    member: MemberSummary
    messages: list[MessageView]


@dataclass(frozen=True)
class ReplyResult:
    """Where a thread stands after a reply (open it again for the messages)."""

    thread_id: int
    state: MailState
    version: int
    first_response_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    code: str
    title: str
    theme: MailTheme | None
    body: str


@dataclass(frozen=True)
class Suggestion:
    template_id: int
    code: str
    title: str
    theme: MailTheme | None
    score: float  # the database's full-text rank; higher is better


@dataclass(frozen=True)
class SuggestionList:
    suggestions: list[Suggestion]
    # For a thread filed under 'other': the theme of the best-ranked themed template.
    suggested_theme: MailTheme | None
    # Knowledge-base articles matching the same message, best first (active ones only).
    articles: list[ArticleSummary]


@dataclass(frozen=True)
class ThreadViewer:
    """Another advisor who has the thread open right now (the collision notice)."""

    advisor_id: int
    name: str
    replying: bool  # their reply editor holds text
    seen_at: datetime


@dataclass(frozen=True)
class TransferAgent:
    id: int
    name: str
    team_name: str | None


@dataclass(frozen=True)
class TransferTeam:
    id: int
    name: str


@dataclass(frozen=True)
class TransferTargets:
    """Whom a thread may be handed to: the active agents who work mail, and the teams."""

    agents: list[TransferAgent]
    teams: list[TransferTeam]
