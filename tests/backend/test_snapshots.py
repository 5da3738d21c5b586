"""Reads spread over connections see the calling transaction's snapshot."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.orm import Session

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import Advisor
from advisor_desk.backend.snapshots import SharedSnapshot, read_in_snapshot


def _advisors(s: Session) -> int:
    return int(s.execute(select(func.count()).select_from(Advisor)).scalar_one())


def _active(s: Session) -> int:
    return int(s.execute(select(func.count()).where(Advisor.active.is_(True))).scalar_one())


def test_helper_reads_see_the_snapshot_not_later_commits(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has one writer, and reads in the caller's transaction")
    with session_scope(engine) as s, SharedSnapshot(s, engine) as shared:
        before = _active(s)
        # Another transaction commits after the snapshot was taken.
        with session_scope(engine) as other:
            other.execute(update(Advisor).values(active=False))
        helper = shared.submit(_active)
        # The helper connection and the caller's own later statements both keep it.
        assert helper.result() == before > 0
        assert _active(s) == before
    with session_scope(engine) as s:
        assert _active(s) == 0


def test_sqlite_runs_the_work_in_the_calling_transaction(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with session_scope(engine) as s, SharedSnapshot(s, engine) as shared:
        seen: list[Session] = []
        assert shared.submit(lambda w: seen.append(w) or _advisors(w)).result() > 0
        assert seen == [s]


def test_errors_of_a_helper_read_reach_the_caller(engine: Engine) -> None:
    with session_scope(engine) as s, SharedSnapshot(s, engine) as shared:
        failing = shared.submit(lambda w: w.execute(text("SELECT * FROM no_such_table")))
        with pytest.raises(Exception, match="no_such_table"):
            failing.result()


def test_a_snapshot_identifier_is_checked_before_use(engine: Engine) -> None:
    with pytest.raises(ValueError, match="snapshot"):
        read_in_snapshot(engine, "1'; DROP TABLE advisors; --", _advisors)


def test_callers_beyond_two_read_in_their_own_transaction(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    with (
        session_scope(engine) as s1,
        SharedSnapshot(s1, engine) as first,
        session_scope(engine) as s2,
        SharedSnapshot(s2, engine) as second,
        session_scope(engine) as s3,
        SharedSnapshot(s3, engine) as third,
    ):
        assert first.submit(lambda w: w).result() is not s1
        assert second.submit(lambda w: w).result() is not s2
        assert third.submit(lambda w: w).result() is s3
    # Leaving gave the places back.
    with session_scope(engine) as s4, SharedSnapshot(s4, engine) as fourth:
        assert fourth.submit(lambda w: w).result() is not s4
