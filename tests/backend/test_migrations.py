"""The revision chain is linear, and upgrade → downgrade → upgrade works on each engine."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from advisor_desk.backend import migrate
from advisor_desk.backend.engine import make_engine
from advisor_desk.backend.orm import Base
from advisor_desk.domain.errors import BackendUnavailable


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    heads = script.get_heads()
    assert len(heads) == 1, f"several heads: {heads}"
    bases = script.get_bases()
    assert len(bases) == 1, f"several bases: {bases}"
    for rev in script.walk_revisions():
        down = rev.down_revision
        assert down is None or isinstance(down, str), f"merge revision {rev.revision}"
        assert len(script.get_revision(rev.revision).nextrev) <= 1, f"branch at {rev.revision}"


def test_upgrade_downgrade_upgrade(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        migrate.upgrade(engine)
        assert migrate.is_up_to_date(engine)
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM ald_reference")).scalar_one() >= 30
        migrate.downgrade(engine, "base")
        assert migrate.current_revision(engine) is None
        assert not set(Base.metadata.tables) & set(inspect(engine).get_table_names())
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_schema_matches_models(engine: object) -> None:
    """The migrations produce what the ORM declares (no pending autogenerate diff)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import Engine

    assert isinstance(engine, Engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_newer_schema_is_refused(engine: object) -> None:
    from sqlalchemy import Engine

    assert isinstance(engine, Engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    with pytest.raises(BackendUnavailable, match="plus récente"):
        migrate.upgrade(engine)
