"""mail presence and private notes on declarations

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

mail_thread_viewers: one row per (thread, agent) while the agent has the thread open,
refreshed by the screen; it feeds the collision notice of the mail queue.
declaration_notes: agents' private annotations on a request (never shown to the member).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
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


def downgrade() -> None:
    op.drop_index(op.f("ix_declaration_notes_declaration_id"), table_name="declaration_notes")
    op.drop_table("declaration_notes")
    op.drop_table("mail_thread_viewers")
