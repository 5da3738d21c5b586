"""The append-only audit trail: who did what, when, to which member, with what outcome."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import AuditOutcome

from .base import Base, BigId, str_enum, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_member_at", "member_id", "at"),
        Index("ix_audit_events_advisor_at", "advisor_id", "at"),
        Index("ix_audit_events_login_at", "login", "at"),
        Index("ix_audit_events_at", "at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    # No foreign keys: the trail must outlive whatever it mentions, and never block a delete.
    advisor_id: Mapped[int | None]
    login: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(80))
    member_id: Mapped[int | None]
    target: Mapped[str | None] = mapped_column(String(120))
    outcome: Mapped[AuditOutcome] = mapped_column(str_enum(AuditOutcome, "audit_outcome"))
    detail: Mapped[str | None] = mapped_column(Text)
