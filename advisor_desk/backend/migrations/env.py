"""Alembic environment: runs on the connection handed over by advisor_desk.backend.migrate."""

from __future__ import annotations

from alembic import context

from advisor_desk.backend.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - alembic must be driven through migrate.py
    raise RuntimeError("Use `advisor-desk db upgrade`, not the alembic command line.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
