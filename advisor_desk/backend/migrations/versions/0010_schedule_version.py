"""schedule version: an opening range edited by two supervisors at once is not silently overwritten

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27

Each opening range gets a version, raised by every edit; an edit made from an older version
is refused (optimistic locking, as the requests have). Existing ranges start at 1.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('schedules') as batch:
        batch.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    with op.batch_alter_table('schedules') as batch:
        batch.drop_column('version')
