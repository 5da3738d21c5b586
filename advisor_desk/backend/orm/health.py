"""ALD exemptions, sick leaves with their daily-allowance payments, work-accident cases."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import LeaveKind, WorkCaseDecision, WorkCaseKind

from .base import Base, str_enum


class Ald(Base):
    """An ALD exemption of a member or dependent (ALD 30 code, 31 hors liste, 32 polypathologie)."""

    __tablename__ = "alds"
    __table_args__ = (
        Index("ix_alds_member", "member_id"),
        CheckConstraint("code BETWEEN 1 AND 32", name="code"),
        CheckConstraint("end_date IS NULL OR start_date <= end_date", name="range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    dependent_id: Mapped[int | None] = mapped_column(ForeignKey("dependents.id"))
    code: Mapped[int] = mapped_column(SmallInteger)
    label: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    protocol_ref: Mapped[str] = mapped_column(String(20))
    protocol_valid_until: Mapped[date | None]
    exonerating: Mapped[bool] = mapped_column(default=True)


class WorkAccidentCase(Base):
    """AT/MP case: recognition decision, consolidation, IPP rate."""

    __tablename__ = "work_accident_cases"
    __table_args__ = (
        Index("ix_work_accident_cases_member", "member_id"),
        CheckConstraint("ipp_rate IS NULL OR ipp_rate BETWEEN 0 AND 100", name="ipp"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[WorkCaseKind] = mapped_column(str_enum(WorkCaseKind, "work_case_kind"))
    accident_date: Mapped[date]
    declared_on: Mapped[date]
    employer: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text)
    decision: Mapped[WorkCaseDecision] = mapped_column(
        str_enum(WorkCaseDecision, "work_case_decision")
    )
    decision_date: Mapped[date | None]
    consolidation_date: Mapped[date | None]
    ipp_rate: Mapped[int | None] = mapped_column(SmallInteger)


class WorkAccidentStep(Base):
    """Timeline of a case: declaration, investigation, decision, consolidation, IPP…"""

    __tablename__ = "work_accident_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("work_accident_cases.id", ondelete="CASCADE"), index=True
    )
    on: Mapped[date]
    step: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(300))


class SickLeave(Base):
    __tablename__ = "sick_leaves"
    __table_args__ = (
        Index("ix_sick_leaves_member", "member_id", "start_date"),
        CheckConstraint("start_date <= end_date", name="range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[LeaveKind] = mapped_column(str_enum(LeaveKind, "leave_kind"))
    start_date: Mapped[date]
    end_date: Mapped[date]
    prescriber: Mapped[str] = mapped_column(String(120))
    ald_related: Mapped[bool] = mapped_column(default=False)
    work_case_id: Mapped[int | None] = mapped_column(ForeignKey("work_accident_cases.id"))


class IjPayment(Base):
    """A daily-allowance payment (IJ) for part of a sick leave."""

    __tablename__ = "ij_payments"
    __table_args__ = (
        Index("ix_ij_payments_member", "member_id", "paid_on"),
        CheckConstraint("period_start <= period_end", name="range"),
        CheckConstraint("gross_cents >= net_cents AND net_cents >= 0", name="amounts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    sick_leave_id: Mapped[int] = mapped_column(
        ForeignKey("sick_leaves.id", ondelete="CASCADE"), index=True
    )
    period_start: Mapped[date]
    period_end: Mapped[date]
    days: Mapped[int] = mapped_column(Integer)
    daily_gross_cents: Mapped[int] = mapped_column(Integer)
    gross_cents: Mapped[int] = mapped_column(Integer)
    net_cents: Mapped[int] = mapped_column(Integer)
    taxable_cents: Mapped[int] = mapped_column(Integer)
    paid_on: Mapped[date]
