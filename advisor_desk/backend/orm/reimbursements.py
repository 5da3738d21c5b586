"""Reimbursement lines (prestations) and the deductible ledger."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import (
    CareCategory,
    DeductibleKind,
    LedgerEntryKind,
    Payee,
    ReimbursementStatus,
)

from .base import Base, BigId, str_enum, utcnow


class Reimbursement(Base):
    __tablename__ = "reimbursements"
    __table_args__ = (
        # The member file lists a member's lines newest first; monthly statements go by payment date.
        Index("ix_reimbursements_member_care", "member_id", "care_date"),
        Index("ix_reimbursements_member_paid", "member_id", "payment_date"),
        CheckConstraint("rate_pct BETWEEN 0 AND 100", name="rate"),
        CheckConstraint(
            "charged_cents >= 0 AND base_cents >= 0 AND reimbursed_cents >= 0"
            " AND participation_cents >= 0 AND franchise_cents >= 0",
            name="amounts",
        ),
        CheckConstraint(
            "status <> 'rejected' OR rejection_reason IS NOT NULL", name="rejection_reason"
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    # NULL: the care was for the member; else for this dependent.
    dependent_id: Mapped[int | None] = mapped_column(ForeignKey("dependents.id"))
    care_date: Mapped[date]
    payment_date: Mapped[date | None]
    professional_id: Mapped[int | None] = mapped_column(ForeignKey("professionals.id"))
    act_code: Mapped[str] = mapped_column(String(12))
    act_label: Mapped[str] = mapped_column(String(120))
    category: Mapped[CareCategory] = mapped_column(str_enum(CareCategory, "care_category"))
    quantity: Mapped[int] = mapped_column(SmallInteger, default=1)
    charged_cents: Mapped[int] = mapped_column(Integer)
    base_cents: Mapped[int] = mapped_column(Integer)
    rate_pct: Mapped[int] = mapped_column(SmallInteger)
    reimbursed_cents: Mapped[int] = mapped_column(Integer)
    participation_cents: Mapped[int] = mapped_column(Integer, default=0)
    franchise_cents: Mapped[int] = mapped_column(Integer, default=0)
    tiers_payant: Mapped[bool] = mapped_column(default=False)
    ald_related: Mapped[bool] = mapped_column(default=False)
    status: Mapped[ReimbursementStatus] = mapped_column(
        str_enum(ReimbursementStatus, "reimbursement_status")
    )
    rejection_reason: Mapped[str | None] = mapped_column(String(200))
    payee: Mapped[Payee] = mapped_column(str_enum(Payee, "payee"))


class DeductibleEntry(Base):
    """One movement of the deductible ledger: withheld, owed (tiers payant), or paid."""

    __tablename__ = "deductible_entries"
    __table_args__ = (
        Index("ix_deductible_entries_member_year", "member_id", "year", "kind"),
        CheckConstraint("amount_cents > 0", name="amount"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[DeductibleKind] = mapped_column(str_enum(DeductibleKind, "deductible_kind"))
    entry: Mapped[LedgerEntryKind] = mapped_column(str_enum(LedgerEntryKind, "ledger_entry"))
    amount_cents: Mapped[int] = mapped_column(Integer)
    on: Mapped[date]
    reimbursement_id: Mapped[int | None] = mapped_column(ForeignKey("reimbursements.id"))
    means: Mapped[str | None] = mapped_column(String(40))
    reference: Mapped[str | None] = mapped_column(String(60))
    advisor_id: Mapped[int | None] = mapped_column(ForeignKey("advisors.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
