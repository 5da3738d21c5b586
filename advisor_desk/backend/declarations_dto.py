"""Plain data of the declarations service: queue rows, the detail with its history, batch reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from advisor_desk.domain.enums import DeclarationKind, DeclarationState, FilingChannel


class QueueView(StrEnum):
    UNASSIGNED = "unassigned"
    MINE = "mine"
    ALL = "all"


@dataclass(frozen=True)
class DeclarationRow:
    id: int
    number: str
    member_id: int
    member_name: str
    kind: DeclarationKind
    state: DeclarationState
    channel: FilingChannel
    filed_at: datetime
    age_days: int
    estimated_on: date | None
    overdue: bool  # still open after its estimated date
    assigned_agent_id: int | None
    assigned_agent_name: str | None
    office_id: int | None
    version: int


@dataclass(frozen=True)
class DeclarationEventInfo:
    at: datetime
    advisor_name: str | None
    from_state: DeclarationState | None
    to_state: DeclarationState
    comment: str | None


@dataclass(frozen=True)
class DeclarationDocumentInfo:
    id: int
    label: str
    required: bool
    received_on: date | None


@dataclass(frozen=True)
class PayloadLine:
    label: str
    value: str


@dataclass(frozen=True)
class DeclarationNoteInfo:
    at: datetime
    advisor_name: str
    body: str


@dataclass(frozen=True)
class DeclarationDetail:
    id: int
    number: str
    member_id: int
    member_name: str
    kind: DeclarationKind
    title: str  # French name of the kind
    state: DeclarationState
    channel: FilingChannel
    filed_at: datetime
    filed_by: str | None
    office_id: int | None
    assigned_agent_id: int | None
    assigned_agent_name: str | None
    estimated_on: date | None
    overdue: bool
    completed_at: datetime | None
    decision_reason: str | None
    waiting_since: datetime | None
    waiting_days: int
    version: int
    payload_json: str  # the normalized payload, as stored
    summary: tuple[PayloadLine, ...]
    documents: tuple[DeclarationDocumentInfo, ...]
    missing: tuple[str, ...]  # required documents not received yet
    events: tuple[DeclarationEventInfo, ...]
    allowed: tuple[DeclarationState, ...]  # the states it may go to next
    # Agents' private annotations, oldest first: empty for a caller who does not process
    # requests (a counter advisor filing one), never sent to the member.
    notes: tuple[DeclarationNoteInfo, ...]


@dataclass(frozen=True)
class BatchItem:
    id: int
    number: str | None
    reason: str | None  # why it was skipped (French); None when done


@dataclass(frozen=True)
class BatchReport:
    to_state: DeclarationState
    done: tuple[BatchItem, ...]
    skipped: tuple[BatchItem, ...]


@dataclass(frozen=True)
class AgentRef:
    id: int
    full_name: str


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True)
class OfficeRef:
    id: int
    name: str
    city: str


@dataclass(frozen=True)
class InsurerRef:
    code: str
    name: str
