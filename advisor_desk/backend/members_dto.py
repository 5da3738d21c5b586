"""Plain data returned by the members service: search rows and the tabs of the member file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from advisor_desk.domain.enums import (
    CoverKind,
    DeclarationKind,
    DeclarationState,
    FilingChannel,
    LeaveKind,
    Relationship,
    RightsStatus,
    Sex,
    VitaleStatus,
    WorkCaseDecision,
    WorkCaseKind,
)


class QueryKind(StrEnum):
    """How the search box text was understood."""

    NIR = "nir"
    NIR_PREFIX = "nir_prefix"
    NAME = "name"


class MatchKind(StrEnum):
    """Why a row is in the results, best first."""

    NIR = "nir"  # the full NIR
    NIR_PREFIX = "nir_prefix"  # the start of the NIR
    NAME = "name"  # last name (and first name) as typed
    BIRTH_NAME = "birth_name"  # birth name (nom de naissance) as typed
    REVERSED = "reversed"  # first name typed before the last name
    NAME_PREFIX = "name_prefix"  # start of the last name
    CLOSE = "close"  # typo-tolerant suggestion


@dataclass(frozen=True)
class SearchRow:
    """One line of the results: a member, or a dependent (who opens their member's file)."""

    member_id: int
    dependent_id: int | None
    last_name: str
    first_names: str
    birth_name: str  # differs from last_name only for members known under another name
    birth_date: date
    nir_masked: str  # "" for a dependent without a NIR of their own
    city: str | None
    dependents_count: int  # 0 on a dependent's line
    holder_name: str | None  # a dependent's line: the member they are covered through
    match: MatchKind


@dataclass(frozen=True)
class SearchResult:
    kind: QueryKind
    rows: list[SearchRow]
    truncated: bool  # more rows matched than were returned
    close_matches: bool  # nothing matched as typed: the rows are close names
    birth_date_ignored: bool  # nobody with that name was born that day: rows ignore the date


class AlertKind(StrEnum):
    RIGHTS_CLOSED = "rights_closed"
    RIGHTS_TO_RENEW = "rights_to_renew"
    VITALE_LOST = "vitale_lost"
    VITALE_STOLEN = "vitale_stolen"
    VITALE_BLOCKED = "vitale_blocked"
    ALD_TO_RENEW = "ald_to_renew"
    DEBT = "debt"


@dataclass(frozen=True)
class Alert:
    """Something the advisor must see first; the view words it (`on`: the date concerned)."""

    kind: AlertKind
    on: date | None = None
    amount_cents: int = 0
    count: int = 0


@dataclass(frozen=True)
class MemberHeader:
    member_id: int
    last_name: str
    first_names: str
    nir_formatted: str
    birth_date: date
    age: int
    sex: Sex
    rights_status: RightsStatus
    alerts: list[Alert]


@dataclass(frozen=True)
class AddressInfo:
    line1: str
    line2: str | None
    postcode: str
    city: str
    valid_from: date


@dataclass(frozen=True)
class RightsInfo:
    status: RightsStatus
    start: date | None
    end: date | None
    basis: str


@dataclass(frozen=True)
class CoverInfo:
    """CSS (free or with participation) or AME: the current period, else the latest one."""

    kind: CoverKind
    start: date
    end: date
    monthly_participation_cents: int
    current: bool


@dataclass(frozen=True)
class DoctorInfo:
    name: str
    specialty: str
    city: str
    rpps: str


@dataclass(frozen=True)
class InsurerInfo:
    code: str
    name: str
    since: date | None


@dataclass(frozen=True)
class BankInfo:
    iban_masked: str
    bic: str
    holder: str
    valid_from: date


@dataclass(frozen=True)
class VitaleInfo:
    serial: str
    status: VitaleStatus
    issued_on: date | None
    status_changed_on: date


@dataclass(frozen=True)
class DependentInfo:
    id: int
    rank: int
    relationship: Relationship
    last_name: str
    first_names: str
    sex: Sex
    birth_date: date
    age: int
    nir_formatted: str | None
    vitale: VitaleInfo | None
    other_parent_member_id: int | None
    ald_count: int


@dataclass(frozen=True)
class MemberIdentity:
    """The header and the 'Identity and rights' tab, read in one call."""

    header: MemberHeader
    birth_name: str
    birth_place: str
    email: str | None
    phone: str | None
    regime: str
    fund_code: str
    address: AddressInfo | None
    rights: RightsInfo
    cover: CoverInfo | None
    doctor: DoctorInfo | None
    insurer: InsurerInfo | None
    bank: BankInfo | None
    vitale: VitaleInfo | None
    dependents: list[DependentInfo]
    debt_cents: int  # deductibles owed (tiers payant) minus what was paid


@dataclass(frozen=True)
class AldInfo:
    id: int
    code: int
    label: str
    start_date: date
    end_date: date | None
    protocol_ref: str
    protocol_valid_until: date | None
    exonerating: bool
    dependent_id: int | None
    person: str  # "" for the member, else the dependent's name
    active: bool
    to_renew: bool  # ends within 3 months
    protocol_expired: bool


@dataclass(frozen=True)
class IjPaymentInfo:
    id: int
    period_start: date
    period_end: date
    days: int
    daily_gross_cents: int
    gross_cents: int
    net_cents: int
    taxable_cents: int
    paid_on: date


@dataclass(frozen=True)
class SickLeaveInfo:
    id: int
    kind: LeaveKind
    start_date: date
    end_date: date
    days: int
    prescriber: str
    ald_related: bool
    work_case_number: str | None
    payments: list[IjPaymentInfo]
    paid_net_cents: int


@dataclass(frozen=True)
class WorkCaseStep:
    on: date
    step: str
    detail: str


@dataclass(frozen=True)
class WorkCaseInfo:
    id: int
    number: str
    kind: WorkCaseKind
    accident_date: date
    declared_on: date
    employer: str
    description: str
    decision: WorkCaseDecision
    decision_date: date | None
    consolidation_date: date | None
    ipp_rate: int | None
    steps: list[WorkCaseStep]


@dataclass(frozen=True)
class LeavesInfo:
    leaves: list[SickLeaveInfo]
    work_cases: list[WorkCaseInfo]


@dataclass(frozen=True)
class DeclarationSummary:
    id: int
    number: str
    kind: DeclarationKind
    state: DeclarationState
    channel: FilingChannel
    filed_at: datetime
    estimated_on: date | None
    completed_at: datetime | None
    waiting_since: datetime | None
    pending: bool
