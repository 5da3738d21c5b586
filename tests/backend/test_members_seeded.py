"""Lookup and member file on the demo seed: every member is found, every file reads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select

from advisor_desk.backend import migrate
from advisor_desk.backend.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import Backend
from advisor_desk.backend.members_dto import MatchKind
from advisor_desk.backend.orm import Ald, Dependent, Member, WorkAccidentCase
from advisor_desk.backend.seed import seed_database
from advisor_desk.domain.enums import Role


@pytest.fixture
def seeded(empty_db_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_db_url)
    migrate.upgrade(engine)
    seed_database(engine, members=200, seed=7)
    yield engine
    engine.dispose()


def test_seeded_members_are_found_and_their_files_read(seeded: Engine) -> None:
    engine = seeded
    counter = next(a.login for a in DEMO_ACCOUNTS if a.role is Role.COUNTER)
    backend = Backend(engine).login(counter, DEMO_PASSWORD)
    with session_scope(engine, readonly=True) as s:
        members = s.execute(
            select(Member.id, Member.nir, Member.last_name, Member.first_names, Member.birth_date)
            .order_by(Member.id)
            .limit(40)
        ).all()
        dependent = s.execute(
            select(Dependent.member_id, Dependent.id, Dependent.last_name, Dependent.first_names)
        ).first()
        rich = s.scalar(
            select(Member.id)
            .where(Member.id.in_(select(Ald.member_id)))
            .where(Member.id.in_(select(WorkAccidentCase.member_id)))
            .limit(1)
        )
        total = s.scalar(select(func.count()).select_from(Member))
    assert total == 200

    for m in members:
        by_nir = backend.members.search(m.nir)
        assert [r.member_id for r in by_nir.rows] == [m.id]
        first = m.first_names.replace(",", " ").split()[0]
        by_name = backend.members.search(f"{m.last_name.upper()} {first}")
        assert m.id in {r.member_id for r in by_name.rows if r.dependent_id is None}
        with_date = backend.members.search(f"{m.last_name} {m.birth_date:%d/%m/%Y}")
        assert with_date.rows[0].member_id == m.id
        assert with_date.rows[0].match in (MatchKind.NAME, MatchKind.BIRTH_NAME)

    assert dependent is not None
    first = dependent.first_names.replace(",", " ").split()[0]
    rows = backend.members.search(f"{dependent.last_name} {first}").rows
    assert (dependent.member_id, dependent.id) in {(r.member_id, r.dependent_id) for r in rows}

    assert rich is not None
    info = backend.members.identity(rich)
    assert info.header.member_id == rich
    assert backend.members.alds(rich)
    leaves = backend.members.leaves(rich)
    assert leaves.work_cases and all(case.steps for case in leaves.work_cases)
    backend.members.declarations(rich)
    for m in members[:10]:
        backend.members.identity(m.id)
        backend.members.leaves(m.id)
