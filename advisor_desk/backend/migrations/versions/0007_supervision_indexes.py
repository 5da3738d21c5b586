"""supervision dashboard indexes

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26

The dashboard aggregates a period's threads, requests and appointments: covering indexes
led by the period's timestamp let both engines answer from the index alone, and partial
indexes over the open items keep the backlog figures to the open rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

OPEN_THREADS = "state IN ('new', 'open', 'pending')"
OPEN_DECLARATIONS = "state IN ('received', 'in_instruction', 'waiting_member')"


def upgrade() -> None:
    # Plain CREATE INDEX: both engines build it in place, no batch copy of a large table.
    op.create_index(
        'ix_mail_threads_created',
        'mail_threads',
        ['created_at', 'team_id', 'office_id', 'sla_due_at', 'first_response_at'],
    )
    op.create_index(
        'ix_mail_threads_responded',
        'mail_threads',
        ['first_response_at', 'created_at', 'team_id', 'office_id'],
    )
    op.create_index(
        'ix_mail_threads_closed',
        'mail_threads',
        ['closed_at', 'created_at', 'assigned_agent_id', 'team_id', 'office_id'],
    )
    op.create_index(
        'ix_mail_threads_open',
        'mail_threads',
        ['theme', 'created_at', 'assigned_agent_id', 'team_id', 'office_id'],
        postgresql_where=sa.text(OPEN_THREADS),
        sqlite_where=sa.text(OPEN_THREADS),
    )
    op.create_index(
        'ix_declarations_open',
        'declarations',
        ['kind', 'state', 'estimated_on', 'assigned_agent_id', 'office_id'],
        postgresql_where=sa.text(OPEN_DECLARATIONS),
        sqlite_where=sa.text(OPEN_DECLARATIONS),
    )
    op.create_index(
        'ix_declarations_completed',
        'declarations',
        ['completed_at', 'state', 'assigned_agent_id', 'office_id'],
    )
    op.create_index(
        'ix_appointments_start',
        'appointments',
        ['starts_at', 'office_id', 'status', 'arrived_at', 'seen_at'],
    )


def downgrade() -> None:
    op.drop_index('ix_appointments_start', table_name='appointments')
    op.drop_index('ix_declarations_completed', table_name='declarations')
    op.drop_index('ix_declarations_open', table_name='declarations')
    op.drop_index('ix_mail_threads_open', table_name='mail_threads')
    op.drop_index('ix_mail_threads_closed', table_name='mail_threads')
    op.drop_index('ix_mail_threads_responded', table_name='mail_threads')
    op.drop_index('ix_mail_threads_created', table_name='mail_threads')
