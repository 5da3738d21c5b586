"""member search indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Birth-name search narrows by first name like the last-name index does, and a typed birth
date finds the few dozen people born that day (per million) before any name is compared.
"""

from __future__ import annotations

from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE/DROP INDEX: both engines do it in place, no batch copy of a large table.
    op.drop_index('ix_members_birth_name_key', table_name='members')
    op.create_index(
        'ix_members_birth_name_key', 'members', ['birth_name_key', 'first_name_key'], unique=False
    )
    op.create_index('ix_members_birth_date', 'members', ['birth_date'], unique=False)
    op.create_index('ix_dependents_birth_date', 'dependents', ['birth_date'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_dependents_birth_date', table_name='dependents')
    op.drop_index('ix_members_birth_date', table_name='members')
    op.drop_index('ix_members_birth_name_key', table_name='members')
    op.create_index('ix_members_birth_name_key', 'members', ['birth_name_key'], unique=False)
