"""health establishments: the directory's care establishments, and everyone's opening hours

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27

A new table of care establishments (établissements de soins), known by their FINESS number:
name, kind, legal status, address and coordinates, phone, whether they run an emergency
department open 24/7 (only hospitals and clinics may: a CHECK says so), their opening hours
and a folded search key (name and commune, as the professionals' of 0011), indexed for the
order by name, the kind filter and a postcode's centre. Professionals get their consultation
hours; the existing rows stay empty ("not published"): nobody knows them yet, and the
directory says so rather than invent them. Hours are domain/opening_hours.py's compact text.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('professionals') as batch:
        batch.add_column(
            sa.Column('hours', sa.String(length=300), nullable=False, server_default='')
        )
    op.create_table(
        'health_establishments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('finess', sa.String(length=9), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column(
            'kind',
            sa.Enum(
                'chu',
                'hospital',
                'clinic',
                'health_centre',
                'health_house',
                'laboratory',
                'imaging',
                'pharmacy',
                name='establishment_kind',
                native_enum=False,
                create_constraint=True,
                length=17,
            ),
            nullable=False,
        ),
        sa.Column(
            'status',
            sa.Enum(
                'public',
                'private_non_profit',
                'private_for_profit',
                name='establishment_status',
                native_enum=False,
                create_constraint=True,
                length=22,
            ),
            nullable=False,
        ),
        sa.Column('address_line', sa.String(length=200), nullable=False),
        sa.Column('postcode', sa.String(length=5), nullable=False),
        sa.Column('city', sa.String(length=80), nullable=False),
        sa.Column('latitude', sa.Double(), nullable=False),
        sa.Column('longitude', sa.Double(), nullable=False),
        sa.Column('phone', sa.String(length=20), nullable=False),
        sa.Column('emergency', sa.Boolean(), nullable=False),
        sa.Column('hours', sa.String(length=300), nullable=False, server_default=''),
        sa.Column('search_key', sa.String(length=300), nullable=False),
        sa.CheckConstraint('length(finess) = 9', name=op.f('ck_health_establishments_finess_length')),
        sa.CheckConstraint(
            'length(postcode) = 5', name=op.f('ck_health_establishments_postcode_length')
        ),
        sa.CheckConstraint(
            'latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180',
            name=op.f('ck_health_establishments_coordinates'),
        ),
        sa.CheckConstraint(
            "NOT emergency OR kind IN ('chu', 'clinic', 'hospital')",
            name=op.f('ck_health_establishments_emergency_kind'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_health_establishments')),
        sa.UniqueConstraint('finess', name=op.f('uq_health_establishments_finess')),
    )
    op.create_index(
        'ix_health_establishments_search_key', 'health_establishments', ['search_key']
    )
    op.create_index(
        'ix_health_establishments_kind', 'health_establishments', ['kind', 'search_key']
    )
    op.create_index('ix_health_establishments_postcode', 'health_establishments', ['postcode'])


def downgrade() -> None:
    op.drop_index('ix_health_establishments_postcode', table_name='health_establishments')
    op.drop_index('ix_health_establishments_kind', table_name='health_establishments')
    op.drop_index('ix_health_establishments_search_key', table_name='health_establishments')
    op.drop_table('health_establishments')
    with op.batch_alter_table('professionals') as batch:
        batch.drop_column('hours')
