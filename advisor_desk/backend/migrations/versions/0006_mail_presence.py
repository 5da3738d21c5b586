"""who is viewing or replying to a mail thread

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

One row per (thread, agent) while the agent has the thread open, refreshed by the screen;
it feeds the collision notice of the mail queue.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'mail_thread_viewers',
        sa.Column('thread_id', sa.Integer(), nullable=False),
        sa.Column('advisor_id', sa.Integer(), nullable=False),
        sa.Column('replying', sa.Boolean(), nullable=False),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['advisor_id'],
            ['advisors.id'],
            name=op.f('fk_mail_thread_viewers_advisor_id_advisors'),
            ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['thread_id'],
            ['mail_threads.id'],
            name=op.f('fk_mail_thread_viewers_thread_id_mail_threads'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('thread_id', 'advisor_id', name=op.f('pk_mail_thread_viewers')),
    )


def downgrade() -> None:
    op.drop_table('mail_thread_viewers')
