"""audit trail indexes: the trail read by period and by login, newest first

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27

The administrators' audit viewer filters by member (already indexed with the time), by login
and by period, and always shows the latest events first: an index on (login, at) and one on
(at) let those reads stop after the rows shown instead of scanning a trail that grows by a
row per backend call. On a large PostgreSQL trail, build them beforehand with
CREATE INDEX CONCURRENTLY under the same names: this migration then finds them.
"""

from __future__ import annotations

from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_audit_events_at', 'audit_events', ['at'], if_not_exists=True)
    op.create_index(
        'ix_audit_events_login_at', 'audit_events', ['login', 'at'], if_not_exists=True
    )


def downgrade() -> None:
    op.drop_index('ix_audit_events_login_at', table_name='audit_events')
    op.drop_index('ix_audit_events_at', table_name='audit_events')
