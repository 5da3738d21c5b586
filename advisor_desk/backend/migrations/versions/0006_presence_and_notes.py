"""mail presence, private notes on declarations, knowledge base

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

mail_thread_viewers: one row per (thread, agent) while the agent has the thread open,
refreshed by the screen; it feeds the collision notice of the mail queue.
declaration_notes: agents' private annotations on a request (never shown to the member).
knowledge_articles: the knowledge base agents search and quote when answering mail.
PostgreSQL: the unaccent extension, so that full-text search ignores accents on both engines.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Full-text search that ignores accents, as SQLite's FTS5 does (remove_diacritics).
        op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.create_table(
        "mail_thread_viewers",
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("advisor_id", sa.Integer(), nullable=False),
        sa.Column("replying", sa.Boolean(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["advisor_id"],
            ["advisors.id"],
            name=op.f("fk_mail_thread_viewers_advisor_id_advisors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["mail_threads.id"],
            name=op.f("fk_mail_thread_viewers_thread_id_mail_threads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("thread_id", "advisor_id", name=op.f("pk_mail_thread_viewers")),
    )

    op.create_table(
        "declaration_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("advisor_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["advisor_id"], ["advisors.id"], name=op.f("fk_declaration_notes_advisor_id_advisors")
        ),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["declarations.id"],
            name=op.f("fk_declaration_notes_declaration_id_declarations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration_notes")),
    )
    op.create_index(
        op.f("ix_declaration_notes_declaration_id"),
        "declaration_notes",
        ["declaration_id"],
        unique=False,
    )

    op.create_table(
        "knowledge_articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=160), nullable=False),
        sa.Column(
            "theme",
            sa.Enum(
                "rights_vitale",
                "reimbursements",
                "sick_leave",
                "css",
                "work_accident",
                "maternity",
                "address_bank",
                "other",
                name="kb_theme",
                native_enum=False,
                create_constraint=True,
                length=18,
            ),
            nullable=True,
        ),
        sa.Column("keywords", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_advisor_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_advisor_id"],
            ["advisors.id"],
            name=op.f("fk_knowledge_articles_updated_by_advisor_id_advisors"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_articles")),
        sa.UniqueConstraint("code", name=op.f("uq_knowledge_articles_code")),
    )


def downgrade() -> None:
    op.drop_table("knowledge_articles")
    op.drop_index(op.f("ix_declaration_notes_declaration_id"), table_name="declaration_notes")
    op.drop_table("declaration_notes")
    op.drop_table("mail_thread_viewers")
