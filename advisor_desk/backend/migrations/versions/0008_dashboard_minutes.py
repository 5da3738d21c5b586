"""dashboard minutes: generated duration columns, per-agent resolution index

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26

The dashboard's medians and 90th percentiles sort whole minutes to the first answer and to
the closing of a period's threads. Computing them per row from two timestamps cost as much as
the sort itself: the database now keeps them in generated columns (stored on PostgreSQL,
virtual on SQLite, where ALTER TABLE cannot add a stored one), carried by the period indexes.
The per-agent resolution times read one index range per agent (assigned agent, then closing
time) instead of sorting all the period's closures by agent, and each agent's open threads and
requests are one counted range of a partial index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

OPEN_THREADS = "state IN ('new', 'open', 'pending')"
OPEN_DECLARATIONS = "state IN ('received', 'in_instruction', 'waiting_member')"


def _minutes(later: str, earlier: str, sqlite: bool) -> str:
    if sqlite:
        def micros(at: str) -> str:
            return (
                f"(CAST(strftime('%s', {at}) AS INTEGER) * 1000000"
                f" + CAST(substr({at}, 21, 6) AS INTEGER))"
            )

        return f"(({micros(later)} - {micros(earlier)}) / 60000000)"
    return f"CAST(floor(date_part('epoch', {later} - {earlier}) / 60) AS INTEGER)"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    kind = 'VIRTUAL' if sqlite else 'STORED'
    for name, later in (('first_response_min', 'first_response_at'), ('resolution_min', 'closed_at')):
        op.execute(
            f"ALTER TABLE mail_threads ADD COLUMN {name} INTEGER GENERATED ALWAYS AS "
            f"({_minutes(later, 'created_at', sqlite)}) {kind}"
        )
    op.drop_index('ix_mail_threads_responded', table_name='mail_threads')
    op.drop_index('ix_mail_threads_closed', table_name='mail_threads')
    op.create_index(
        'ix_mail_threads_responded',
        'mail_threads',
        ['first_response_at', 'first_response_min', 'team_id', 'office_id'],
    )
    op.create_index(
        'ix_mail_threads_closed',
        'mail_threads',
        ['closed_at', 'resolution_min', 'assigned_agent_id', 'team_id', 'office_id'],
    )
    op.create_index(
        'ix_mail_threads_agent_closed',
        'mail_threads',
        ['assigned_agent_id', 'closed_at', 'resolution_min', 'team_id', 'office_id'],
    )
    # Each agent's open items in a supervisor's scope: one counted index range per agent.
    op.create_index(
        'ix_mail_threads_agent_open',
        'mail_threads',
        ['assigned_agent_id', 'team_id', 'office_id'],
        postgresql_where=sa.text(OPEN_THREADS),
        sqlite_where=sa.text(OPEN_THREADS),
    )
    op.create_index(
        'ix_declarations_agent_open',
        'declarations',
        ['assigned_agent_id', 'office_id'],
        postgresql_where=sa.text(OPEN_DECLARATIONS),
        sqlite_where=sa.text(OPEN_DECLARATIONS),
    )


def downgrade() -> None:
    op.drop_index('ix_declarations_agent_open', table_name='declarations')
    op.drop_index('ix_mail_threads_agent_open', table_name='mail_threads')
    op.drop_index('ix_mail_threads_agent_closed', table_name='mail_threads')
    op.drop_index('ix_mail_threads_closed', table_name='mail_threads')
    op.drop_index('ix_mail_threads_responded', table_name='mail_threads')
    op.execute("ALTER TABLE mail_threads DROP COLUMN resolution_min")
    op.execute("ALTER TABLE mail_threads DROP COLUMN first_response_min")
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
