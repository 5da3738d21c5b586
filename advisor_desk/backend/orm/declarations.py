"""Declarations (démarches) filed by or for a member, their events and supporting documents."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import DeclarationKind, DeclarationState, FilingChannel

from .base import Base, str_enum, utcnow


class Declaration(Base):
    __tablename__ = "declarations"
    __table_args__ = (
        Index("ix_declarations_member", "member_id", "filed_at"),
        Index("ix_declarations_queue", "state", "assigned_agent_id", "filed_at"),
        Index("ix_declarations_kind_state", "kind", "state"),
        # Supervision dashboard: the open requests (partial), and the decisions of a period.
        Index(
            "ix_declarations_open",
            "kind",
            "state",
            "estimated_on",
            "assigned_agent_id",
            "office_id",
            postgresql_where=text("state IN ('received', 'in_instruction', 'waiting_member')"),
            sqlite_where=text("state IN ('received', 'in_instruction', 'waiting_member')"),
        ),
        Index(
            "ix_declarations_completed", "completed_at", "state", "assigned_agent_id", "office_id"
        ),
        Index(
            "ix_declarations_agent_open",
            "assigned_agent_id",
            "office_id",
            postgresql_where=text("state IN ('received', 'in_instruction', 'waiting_member')"),
            sqlite_where=text("state IN ('received', 'in_instruction', 'waiting_member')"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[DeclarationKind] = mapped_column(str_enum(DeclarationKind, "declaration_kind"))
    state: Mapped[DeclarationState] = mapped_column(str_enum(DeclarationState, "declaration_state"))
    payload: Mapped[dict[str, object]] = mapped_column(JSON)
    channel: Mapped[FilingChannel] = mapped_column(str_enum(FilingChannel, "filing_channel"))
    filed_at: Mapped[datetime] = mapped_column(default=utcnow)
    filed_by_advisor_id: Mapped[int | None] = mapped_column(ForeignKey("advisors.id"))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    assigned_agent_id: Mapped[int | None] = mapped_column(ForeignKey("advisors.id"))
    estimated_on: Mapped[date | None]
    completed_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)
    # Waiting for the member stops the clock of the processing delay.
    waiting_since: Mapped[datetime | None]
    waiting_days: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class DeclarationEvent(Base):
    __tablename__ = "declaration_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declarations.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    advisor_id: Mapped[int | None] = mapped_column(ForeignKey("advisors.id"))
    from_state: Mapped[DeclarationState | None] = mapped_column(
        str_enum(DeclarationState, "from_state")
    )
    to_state: Mapped[DeclarationState] = mapped_column(str_enum(DeclarationState, "to_state"))
    comment: Mapped[str | None] = mapped_column(Text)


class DeclarationNote(Base):
    """A private annotation by an agent: never shown to the member, not part of the decision."""

    __tablename__ = "declaration_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declarations.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    advisor_id: Mapped[int] = mapped_column(ForeignKey("advisors.id"))
    body: Mapped[str] = mapped_column(Text)


class DeclarationDocument(Base):
    """A supporting document a declaration needs, and when it was received."""

    __tablename__ = "declaration_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        ForeignKey("declarations.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(120))
    required: Mapped[bool] = mapped_column(default=True)
    received_on: Mapped[date | None]
