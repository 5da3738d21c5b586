"""ameli accounts: whether a member has an account, is locked out, or holds a provisional code

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27

ameli_accounts: one row per member who opened an ameli account or was handed a provisional
code at a counter (unique member_id). opened_at is NULL while only a code is pending,
locked_at NULL while the account is not locked. Of the code only an Argon2id hash is kept,
with its issue and expiry times and the advisor who handed it over. CHECK constraints refuse
an impossible row (a login or a lock on an account never opened, half a code, a code that
expires before it is issued, a row with neither account nor code). The version column makes
a stale write of two counters acting at once fail instead of overwriting. No data to carry
over: the table starts empty (the demo seed fills it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'ameli_accounts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('opened_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('failed_logins', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('code_hash', sa.String(length=200), nullable=True),
        sa.Column('code_issued_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('code_expires_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('code_issued_by', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False, server_default='1'),
        sa.CheckConstraint('failed_logins >= 0', name=op.f('ck_ameli_accounts_failed_logins')),
        sa.CheckConstraint(
            'opened_at IS NOT NULL OR (last_login_at IS NULL AND locked_at IS NULL)',
            name=op.f('ck_ameli_accounts_opened'),
        ),
        sa.CheckConstraint(
            '(code_hash IS NULL AND code_issued_at IS NULL AND code_expires_at IS NULL) '
            'OR (code_hash IS NOT NULL AND code_issued_at IS NOT NULL '
            'AND code_expires_at IS NOT NULL AND code_issued_at < code_expires_at)',
            name=op.f('ck_ameli_accounts_code'),
        ),
        sa.CheckConstraint(
            'opened_at IS NOT NULL OR code_hash IS NOT NULL',
            name=op.f('ck_ameli_accounts_account_or_code'),
        ),
        sa.ForeignKeyConstraint(
            ['code_issued_by'],
            ['advisors.id'],
            name=op.f('fk_ameli_accounts_code_issued_by_advisors'),
        ),
        sa.ForeignKeyConstraint(
            ['member_id'],
            ['members.id'],
            name=op.f('fk_ameli_accounts_member_id_members'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ameli_accounts')),
        sa.UniqueConstraint('member_id', name=op.f('uq_ameli_accounts_member_id')),
    )


def downgrade() -> None:
    op.drop_table('ameli_accounts')
