"""no double booking of an advisor

Revision ID: 0005
Revises: 0002
Create Date: 2026-11-26

PostgreSQL refuses two active appointments of one advisor whose times overlap (an
exclusion constraint over tstzrange, btree_gist for the equality on advisor_id). SQLite has
no such constraint: there writes are serialized (BEGIN IMMEDIATE) and the service checks the
overlap inside the booking transaction.
"""

from __future__ import annotations

from alembic import op


revision = '0005'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute('CREATE EXTENSION IF NOT EXISTS btree_gist')
    op.execute(
        'ALTER TABLE appointments ADD CONSTRAINT ex_appointments_no_overlap '
        'EXCLUDE USING gist (advisor_id WITH =, tstzrange(starts_at, ends_at) WITH &&) '
        "WHERE (status IN ('unknown', 'waiting', 'seen'))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    # The extension stays: other objects may use it, and it is harmless.
    op.execute('ALTER TABLE appointments DROP CONSTRAINT IF EXISTS ex_appointments_no_overlap')
