"""professional search key: the directory's words and its order by name, found by the database

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27

Each professional gets `search_key` (last name, first name and commune, lowercase and without
accents, as the member search keys are), filled here for the existing rows, and an index for
the directory's order by name. The directory then filters its words and sorts by name in SQL
instead of folding every row in Python.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from advisor_desk.domain.text import name_key

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table('professionals') as batch:
        batch.add_column(
            sa.Column('search_key', sa.String(length=300), nullable=False, server_default='')
        )
    table = sa.table(
        'professionals',
        sa.column('id', sa.Integer()),
        sa.column('last_name', sa.String()),
        sa.column('first_name', sa.String()),
        sa.column('city', sa.String()),
        sa.column('search_key', sa.String()),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(table.c.id, table.c.last_name, table.c.first_name, table.c.city)
    ).all()
    update = (
        sa.update(table)
        .where(table.c.id == sa.bindparam('pid'))
        .values(search_key=sa.bindparam('key'))
    )
    for start in range(0, len(rows), BATCH):
        conn.execute(
            update,
            [
                {'pid': pid, 'key': name_key(f"{last} {first} {city}")}
                for pid, last, first, city in rows[start : start + BATCH]
            ],
        )
    op.create_index('ix_professionals_search_key', 'professionals', ['search_key'])


def downgrade() -> None:
    op.drop_index('ix_professionals_search_key', table_name='professionals')
    with op.batch_alter_table('professionals') as batch:
        batch.drop_column('search_key')
