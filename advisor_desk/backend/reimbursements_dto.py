"""Plain data of the reimbursements service: lines, totals, statements, deductibles owed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from advisor_desk.domain.enums import (
    CareCategory,
    DeductibleKind,
    Payee,
    ReimbursementStatus,
    Relationship,
)


class ReimbursementSort(StrEnum):
    """Sort keys the backend supports; each is paired with the line id for keyset paging."""

    CARE_DATE = "care_date"
    PAYMENT_DATE = "payment_date"
    BENEFICIARY = "beneficiary"
    PROFESSIONAL = "professional"
    ACT = "act"
    CHARGED = "charged"
    REIMBURSED = "reimbursed"
    STATUS = "status"


class PaymentMeans(StrEnum):
    CARD = "card"
    CASH = "cash"
    CHEQUE = "cheque"
    TRANSFER = "transfer"


PAYMENT_MEANS_FR = {
    PaymentMeans.CARD: "carte bancaire",
    PaymentMeans.CASH: "espèces",
    PaymentMeans.CHEQUE: "chèque",
    PaymentMeans.TRANSFER: "virement",
}


@dataclass(frozen=True)
class ReimbursementFilter:
    """What the reimbursements tab asks for; every field narrows, empty tuples mean 'all'.

    `rank` is the beneficiary: 1 for the member, 2+ for a dependent. Care dates are
    inclusive; `paid_from`/`paid_to` select by payment date (a monthly statement).
    """

    care_from: date | None = None
    care_to: date | None = None
    paid_from: date | None = None
    paid_to: date | None = None
    rank: int | None = None
    categories: tuple[CareCategory, ...] = ()
    statuses: tuple[ReimbursementStatus, ...] = ()
    professional_id: int | None = None
    sort: ReimbursementSort = ReimbursementSort.CARE_DATE
    descending: bool = True


@dataclass(frozen=True)
class ReimbursementRow:
    id: int
    care_date: date
    rank: int
    beneficiary: str
    professional_id: int | None
    professional: str | None
    act_code: str
    act_label: str
    category: CareCategory
    quantity: int
    charged_cents: int
    base_cents: int
    rate_pct: int
    reimbursed_cents: int
    participation_cents: int
    franchise_cents: int
    tiers_payant: bool
    ald_related: bool
    status: ReimbursementStatus
    rejection_reason: str | None
    payee: Payee
    payment_date: date | None


@dataclass(frozen=True)
class ReimbursementPage:
    rows: list[ReimbursementRow]
    # Opaque keyset cursor for the next page; None when this page is the last.
    next_cursor: str | None


@dataclass(frozen=True)
class ReimbursementTotals:
    lines: int
    charged_cents: int
    base_cents: int
    reimbursed_cents: int
    participation_cents: int
    franchise_cents: int
    paid_to_member_cents: int
    paid_to_professional_cents: int
    pending_lines: int
    rejected_lines: int


@dataclass(frozen=True)
class Beneficiary:
    rank: int
    dependent_id: int | None
    name: str
    birth_date: date
    relationship: Relationship | None  # None for the member


@dataclass(frozen=True)
class ProfessionalRef:
    id: int
    name: str
    specialty: str


@dataclass(frozen=True)
class ReimbursementOverview:
    """What the tab needs once, when it opens."""

    member_id: int
    member_name: str
    beneficiaries: list[Beneficiary]
    professionals: list[ProfessionalRef]
    default_from: date  # first day of the months kept online (27 months)
    online_months: int


@dataclass(frozen=True)
class MonthlyStatementSummary:
    year: int
    month: int
    lines: int
    reimbursed_cents: int
    paid_to_member_cents: int
    deductibles_cents: int


@dataclass(frozen=True)
class RateChange:
    """A per-act amount or cap in force over part of the year (e.g. 1 € then 2 €)."""

    key: str
    valid_from: date
    valid_to: date | None  # exclusive
    value: int


@dataclass(frozen=True)
class DebtLine:
    """An amount owed after tiers-payant care (nothing to withhold it from)."""

    entry_id: int
    on: date
    kind: DeductibleKind
    amount_cents: int
    act_label: str | None
    care_date: date | None


@dataclass(frozen=True)
class DeductibleYear:
    year: int
    participation_withheld_cents: int
    participation_owed_cents: int
    participation_paid_cents: int
    participation_cap_cents: int
    franchise_withheld_cents: int
    franchise_owed_cents: int
    franchise_paid_cents: int
    franchise_cap_cents: int
    rates: list[RateChange]
    debts: list[DebtLine]

    @property
    def participation_counted_cents(self) -> int:
        return self.participation_withheld_cents + self.participation_owed_cents

    @property
    def franchise_counted_cents(self) -> int:
        return self.franchise_withheld_cents + self.franchise_owed_cents

    @property
    def participation_cap_reached(self) -> bool:
        return self.participation_counted_cents >= self.participation_cap_cents

    @property
    def franchise_cap_reached(self) -> bool:
        return self.franchise_counted_cents >= self.franchise_cap_cents

    @property
    def balance_cents(self) -> int:
        """Still owed for the year (owed minus paid, both kinds)."""
        return (
            self.participation_owed_cents
            - self.participation_paid_cents
            + self.franchise_owed_cents
            - self.franchise_paid_cents
        )


class ExemptionReason(StrEnum):
    MINOR = "minor"
    CSS = "css"
    AME = "ame"
    MATERNITY = "maternity"


@dataclass(frozen=True)
class Exemption:
    reason: ExemptionReason
    start: date
    end: date | None
    label: str  # French, as on the member's account


@dataclass(frozen=True)
class DeductiblesOverview:
    member_id: int
    years: list[DeductibleYear]  # newest first, the current year always present
    exemptions: list[Exemption]
    balance_cents: int  # everything still owed, all years


@dataclass(frozen=True)
class PaymentReceipt:
    member_id: int
    amount_cents: int
    means: PaymentMeans
    reference: str | None
    entry_ids: list[int]
    balance_cents: int  # what is still owed after this payment
