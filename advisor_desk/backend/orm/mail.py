"""The shared e-mail queue: threads, messages and internal notes, reply templates."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Computed, ForeignKey, Index, Integer, String, Text, column, text
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import MailState, MailTheme, MessageDirection

from .base import Base, minutes_between, str_enum, utcnow


class MailThread(Base):
    __tablename__ = "mail_threads"
    __table_args__ = (
        Index("ix_mail_threads_member", "member_id", "last_message_at"),
        # "Next": the most urgent unassigned open thread.
        Index("ix_mail_threads_queue", "state", "assigned_agent_id", "sla_due_at"),
        Index("ix_mail_threads_agent", "assigned_agent_id", "state"),
        # Supervision dashboard: covering indexes for its aggregates over a period, and a
        # partial one over the open threads (the backlog), so it reads no table row.
        Index(
            "ix_mail_threads_created",
            "created_at",
            "team_id",
            "office_id",
            "sla_due_at",
            "first_response_at",
        ),
        Index(
            "ix_mail_threads_responded",
            "first_response_at",
            "first_response_min",
            "team_id",
            "office_id",
        ),
        Index(
            "ix_mail_threads_closed",
            "closed_at",
            "resolution_min",
            "assigned_agent_id",
            "team_id",
            "office_id",
        ),
        # Each agent's resolution times over a period: one index range per agent.
        Index(
            "ix_mail_threads_agent_closed",
            "assigned_agent_id",
            "closed_at",
            "resolution_min",
            "team_id",
            "office_id",
        ),
        # The period's threads not answered yet (their deadline passes with time: not counted
        # in the summaries of orm/summaries.py).
        Index(
            "ix_mail_threads_unanswered",
            "created_at",
            "sla_due_at",
            "team_id",
            "office_id",
            postgresql_where=text("first_response_at IS NULL"),
            sqlite_where=text("first_response_at IS NULL"),
        ),
        Index(
            "ix_mail_threads_open",
            "theme",
            "created_at",
            "assigned_agent_id",
            "team_id",
            "office_id",
            postgresql_where=text("state IN ('new', 'open', 'pending')"),
            sqlite_where=text("state IN ('new', 'open', 'pending')"),
        ),
        # Each agent's open threads in a supervisor's scope: one counted range per agent.
        Index(
            "ix_mail_threads_agent_open",
            "assigned_agent_id",
            "team_id",
            "office_id",
            postgresql_where=text("state IN ('new', 'open', 'pending')"),
            sqlite_where=text("state IN ('new', 'open', 'pending')"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(200))
    theme: Mapped[MailTheme] = mapped_column(str_enum(MailTheme, "mail_theme"))
    state: Mapped[MailState] = mapped_column(str_enum(MailState, "mail_state"))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    assigned_agent_id: Mapped[int | None] = mapped_column(ForeignKey("advisors.id"))
    escalated: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(default=utcnow)
    first_response_at: Mapped[datetime | None]
    sla_due_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Whole minutes to the first answer and to the closing, kept by the database (stored on
    # PostgreSQL, computed on read on SQLite) and carried by the dashboard's indexes.
    first_response_min: Mapped[int | None] = mapped_column(
        Computed(minutes_between(column("first_response_at"), column("created_at")))
    )
    resolution_min: Mapped[int | None] = mapped_column(
        Computed(minutes_between(column("closed_at"), column("created_at")))
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class MailMessage(Base):
    __tablename__ = "mail_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(
        ForeignKey("mail_threads.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    direction: Mapped[MessageDirection] = mapped_column(
        str_enum(MessageDirection, "message_direction")
    )
    author_advisor_id: Mapped[int | None] = mapped_column(ForeignKey("advisors.id"))
    body: Mapped[str] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("issued_documents.id"))


class ReplyTemplate(Base):
    __tablename__ = "reply_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    theme: Mapped[MailTheme | None] = mapped_column(str_enum(MailTheme, "mail_theme"))
    keywords: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)


class MailThreadViewer(Base):
    """Who has a thread open right now, and whether they are writing a reply.

    The screen refreshes its row every few seconds while the thread is shown; a row older
    than the presence timeout no longer counts. Nothing else depends on it: it only feeds
    the collision notice.
    """

    __tablename__ = "mail_thread_viewers"

    thread_id: Mapped[int] = mapped_column(
        ForeignKey("mail_threads.id", ondelete="CASCADE"), primary_key=True
    )
    advisor_id: Mapped[int] = mapped_column(
        ForeignKey("advisors.id", ondelete="CASCADE"), primary_key=True
    )
    replying: Mapped[bool] = mapped_column(default=False)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)
