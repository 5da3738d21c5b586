"""A transaction PostgreSQL cancels to break a deadlock comes back as a ConflictError."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, select, text

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import Office
from advisor_desk.backend.service import AdvisorInfo, Context
from advisor_desk.domain.enums import Role
from advisor_desk.domain.errors import ConflictError


def test_a_deadlock_victim_gets_a_conflict_error(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: no deadlock")
    with session_scope(engine) as s:
        s.add(
            Office(
                code="T88",
                name="Autre",
                address_line="x",
                postcode="69001",
                city="Lyon",
                latitude=45.7,
                longitude=4.8,
                phone="3646",
            )
        )
    with session_scope(engine) as s:
        first, second = s.scalars(select(Office.id).order_by(Office.id).limit(2)).all()
    ctx = Context(engine, AdvisorInfo(1, "t", "T", Role.ADMIN, None, None, None, None), None)
    both_hold = threading.Barrier(2, timeout=10)
    other_error: list[BaseException] = []

    def other() -> None:
        try:
            with engine.begin() as conn:
                # This one waits longer before looking for a deadlock: the test's transaction
                # below is the one PostgreSQL cancels.
                conn.execute(text("SET LOCAL deadlock_timeout = '20s'"))
                conn.execute(text("UPDATE offices SET phone = phone WHERE id = :i"), {"i": second})
                both_hold.wait()
                conn.execute(text("UPDATE offices SET phone = phone WHERE id = :i"), {"i": first})
        except BaseException as exc:
            other_error.append(exc)

    worker = threading.Thread(target=other)
    worker.start()
    with pytest.raises(ConflictError, match="réessayez"), ctx.tx() as s:
        s.execute(text("UPDATE offices SET phone = phone WHERE id = :i"), {"i": first})
        both_hold.wait()
        s.execute(text("UPDATE offices SET phone = phone WHERE id = :i"), {"i": second})
    worker.join(timeout=30)
    assert other_error == []
