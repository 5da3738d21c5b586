"""dashboard summaries: mail flow, open threads, open requests, appointments, kept by triggers

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26

At a million threads the dashboard spent most of its time counting rows: a month's arrivals
and closures per day, the open threads by theme and age, the open requests by kind and state,
the appointments per office and day. The database now keeps those counts in four summary
tables, updated by triggers in the transaction that changes a thread, a request or an
appointment (see advisor_desk/backend/summaries.py), and
counted once here from the existing rows. Threads not yet answered are found through a small
partial index (their deadline may pass at any moment, so they are not summarised).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from advisor_desk.backend import summaries

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

MAIL_THEME = sa.Enum(
    'rights_vitale', 'reimbursements', 'sick_leave', 'css', 'work_accident', 'maternity',
    'address_bank', 'other', name='mail_theme', native_enum=False, create_constraint=True,
    length=18,
)
DECLARATION_KIND = sa.Enum(
    'vitale_order', 'bank_details', 'css_request', 'ehic_request', 'address_change', 'birth',
    'vitale_lost', 'name_change', 'child_other_parent', 'third_party_accident',
    'complementary_choice', 'deductible_payment', name='declaration_kind', native_enum=False,
    create_constraint=True, length=24,
)
DECLARATION_STATE = sa.Enum(
    'received', 'in_instruction', 'waiting_member', 'accepted', 'refused', 'closed',
    name='declaration_state', native_enum=False, create_constraint=True, length=18,
)


def upgrade() -> None:
    op.create_table(
        'mail_flow_hours',
        sa.Column('hour', sa.DateTime(timezone=True), nullable=False),
        sa.Column('team_key', sa.Integer(), nullable=False),
        sa.Column('office_key', sa.Integer(), nullable=False),
        sa.Column('stripe', sa.SmallInteger(), nullable=False),
        sa.Column('arrivals', sa.Integer(), nullable=False),
        sa.Column('sla_met', sa.Integer(), nullable=False),
        sa.Column('sla_late', sa.Integer(), nullable=False),
        sa.Column('closures', sa.Integer(), nullable=False),
        sa.CheckConstraint(
            'arrivals >= 0 AND sla_met >= 0 AND sla_late >= 0 AND closures >= 0',
            name=op.f('ck_mail_flow_hours_counts'),
        ),
        sa.PrimaryKeyConstraint(
            'hour', 'team_key', 'office_key', 'stripe', name=op.f('pk_mail_flow_hours')
        ),
    )
    op.create_table(
        'mail_open_days',
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('theme', MAIL_THEME, nullable=False),
        sa.Column('team_key', sa.Integer(), nullable=False),
        sa.Column('office_key', sa.Integer(), nullable=False),
        sa.Column('stripe', sa.SmallInteger(), nullable=False),
        sa.Column('open_count', sa.Integer(), nullable=False),
        sa.CheckConstraint('open_count >= 0', name=op.f('ck_mail_open_days_counts')),
        sa.PrimaryKeyConstraint(
            'day', 'theme', 'team_key', 'office_key', 'stripe', name=op.f('pk_mail_open_days')
        ),
    )
    op.create_table(
        'declaration_open_counts',
        sa.Column('kind', DECLARATION_KIND, nullable=False),
        sa.Column('state', DECLARATION_STATE, nullable=False),
        sa.Column('office_key', sa.Integer(), nullable=False),
        sa.Column('estimated_key', sa.Date(), nullable=False),
        sa.Column('open_count', sa.Integer(), nullable=False),
        sa.CheckConstraint('open_count >= 0', name=op.f('ck_declaration_open_counts_counts')),
        sa.PrimaryKeyConstraint(
            'kind', 'state', 'office_key', 'estimated_key', name=op.f('pk_declaration_open_counts')
        ),
    )
    op.create_table(
        'appointment_hours',
        sa.Column('hour', sa.DateTime(timezone=True), nullable=False),
        sa.Column('office_key', sa.Integer(), nullable=False),
        sa.Column('stripe', sa.SmallInteger(), nullable=False),
        sa.Column('booked', sa.Integer(), nullable=False),
        sa.Column('seen', sa.Integer(), nullable=False),
        sa.Column('noshow', sa.Integer(), nullable=False),
        sa.Column('wait_us', sa.BigInteger(), nullable=False),
        sa.Column('waits', sa.Integer(), nullable=False),
        sa.CheckConstraint(
            'booked >= 0 AND seen >= 0 AND noshow >= 0 AND waits >= 0',
            name=op.f('ck_appointment_hours_counts'),
        ),
        sa.PrimaryKeyConstraint(
            'hour', 'office_key', 'stripe', name=op.f('pk_appointment_hours')
        ),
    )
    # The period's threads without an answer yet, and their deadline.
    op.create_index(
        'ix_mail_threads_unanswered',
        'mail_threads',
        ['created_at', 'sla_due_at', 'team_id', 'office_id'],
        postgresql_where=sa.text('first_response_at IS NULL'),
        sqlite_where=sa.text('first_response_at IS NULL'),
    )
    summaries.install(op.get_bind())


def downgrade() -> None:
    summaries.uninstall(op.get_bind())
    op.drop_index('ix_mail_threads_unanswered', table_name='mail_threads')
    op.drop_table('appointment_hours')
    op.drop_table('declaration_open_counts')
    op.drop_table('mail_open_days')
    op.drop_table('mail_flow_hours')
