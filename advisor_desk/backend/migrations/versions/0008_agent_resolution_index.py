"""per-agent resolution index

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26

The dashboard's per-agent median resolution time reads each agent's closures of the period
as one index range (assigned agent, then closing time), instead of sorting all the period's
closures by agent.
"""

from __future__ import annotations

from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        'ix_mail_threads_agent_closed',
        'mail_threads',
        ['assigned_agent_id', 'closed_at', 'created_at', 'team_id', 'office_id'],
    )


def downgrade() -> None:
    op.drop_index('ix_mail_threads_agent_closed', table_name='mail_threads')
