"""Audited reads racing with each other on SQLite: none fails with 'database is locked'."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from sqlalchemy import Engine

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import Member
from advisor_desk.domain.enums import Role, Sex


def test_concurrent_audited_reads_never_fail(
    engine: Engine, login: Callable[[Role], BoundBackend]
) -> None:
    with session_scope(engine) as s:
        member = Member(
            nir="184037511212345",
            last_name="Lefèvre",
            birth_name="Lefèvre",
            first_names="Anne",
            name_key="lefevre",
            first_name_key="anne",
            birth_name_key="lefevre",
            sex=Sex.FEMALE,
            birth_date=date(1984, 3, 12),
            birth_place="Lyon",
            fund_code="691",
        )
        s.add(member)
        s.flush()
        member_id = member.id
    bound = login(Role.COUNTER)

    def work(i: int) -> int:
        # Each call reads, then writes its audit row in the same transaction.
        for _ in range(25):
            bound.declarations.member_declarations(member_id)
            bound.appointments.member_appointments(member_id)
        return i

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert sorted(pool.map(work, range(6))) == list(range(6))
    trail = login(Role.ADMIN).admin.audit_trail(member_id=member_id, limit=1000)
    assert len(trail) == 6 * 25 * 2
