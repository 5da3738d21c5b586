"""Demo seed: determinism, validity of NIRs and IBANs, resumption, caps, ORM round trips."""

from __future__ import annotations

import itertools
import os
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from schwifty import BIC, IBAN
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url
from stdnum.fr import nir as stdnum_nir

from advisor_desk.backend import migrate
from advisor_desk.backend.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.orm import (
    Advisor,
    Appointment,
    BankAccount,
    Base,
    Declaration,
    DeductibleEntry,
    Dependent,
    MailThread,
    Member,
    Reimbursement,
    SeedBatch,
    Team,
)
from advisor_desk.backend.seed import seed_database
from advisor_desk.domain.enums import Role, Sex
from advisor_desk.domain.errors import ValidationError

TODAY = date(2026, 3, 16)
PG_URL = os.environ.get("ADVISOR_DESK_TEST_PG")
ENGINES = [
    "sqlite",
    pytest.param(
        "pg",
        marks=[
            pytest.mark.pg,
            pytest.mark.skipif(not PG_URL, reason="ADVISOR_DESK_TEST_PG non défini"),
        ],
    ),
]

MakeDb = Callable[[], Engine]


@pytest.fixture(scope="module", params=ENGINES)
def make_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MakeDb]:
    """Factory of fresh migrated databases on one engine; all dropped at the end."""
    kind: str = request.param
    engines: list[Engine] = []
    pg_names: list[str] = []

    def make() -> Engine:
        if kind == "sqlite":
            path = tmp_path_factory.mktemp("seed") / "seed.db"
            engine = make_engine(f"sqlite:///{path}")
        else:
            assert PG_URL
            name = f"seedtest_{uuid.uuid4().hex[:12]}"
            admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            admin.dispose()
            pg_names.append(name)
            engine = make_engine(make_url(PG_URL).set(database=name).render_as_string(False))
        migrate.upgrade(engine)
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.dispose()
    if pg_names:
        assert PG_URL
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for name in pg_names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def seeded(make_db: MakeDb) -> Engine:
    """300 members in 3 batches, generated in a child process (the large-scale path)."""
    engine = make_db()
    seed_database(engine, members=300, seed=7, batch_size=100, today=TODAY, workers=1)
    return engine


def _fingerprint(engine: Engine) -> dict[str, object]:
    with session_scope(engine, readonly=True) as s:
        return {
            "members": s.execute(
                select(
                    Member.id, Member.nir, Member.last_name, Member.first_names, Member.birth_date
                ).order_by(Member.id)
            ).all(),
            "dependents": s.execute(
                select(Dependent.id, Dependent.nir, Dependent.first_names).order_by(Dependent.id)
            ).all(),
            "ibans": s.scalars(select(BankAccount.iban).order_by(BankAccount.id)).all(),
            "reimbursed": s.execute(
                select(
                    func.count(),
                    func.sum(Reimbursement.reimbursed_cents),
                    func.sum(Reimbursement.franchise_cents),
                )
            ).one(),
            "ledger": s.execute(select(func.count(), func.sum(DeductibleEntry.amount_cents))).one(),
            "appointments": s.execute(
                select(Appointment.advisor_id, Appointment.starts_at, Appointment.status).order_by(
                    Appointment.id
                )
            ).all(),
        }


def test_same_seed_same_data_in_process_or_worker(make_db: MakeDb, seeded: Engine) -> None:
    other = make_db()
    seed_database(other, members=300, seed=7, batch_size=100, today=TODAY, workers=0)
    assert _fingerprint(other) == _fingerprint(seeded)


def test_other_seed_other_data(make_db: MakeDb, seeded: Engine) -> None:
    other = make_db()
    seed_database(other, members=300, seed=8, batch_size=100, today=TODAY)
    a, b = _fingerprint(seeded), _fingerprint(other)
    assert a["members"] != b["members"]
    assert a["ibans"] != b["ibans"]
    assert a["reimbursed"] != b["reimbursed"]


def test_the_summary_says_how_many_members(make_db: MakeDb) -> None:
    # How fast: `python benchmarks/run.py seed` (200 members, target 5 s).
    engine = make_db()
    message = seed_database(engine, members=200, seed=3)
    assert "200 assurés créés (200 au total)" in message


def test_nirs_are_valid_and_match_identity(seeded: Engine) -> None:
    with session_scope(seeded, readonly=True) as s:
        people = s.execute(select(Member.nir, Member.sex, Member.birth_date)).all()
        people += s.execute(
            select(Dependent.nir, Dependent.sex, Dependent.birth_date).where(
                Dependent.nir.is_not(None)
            )
        ).all()
        member_count = s.scalar(select(func.count(Member.id)))
    assert member_count == 300
    nirs = [p[0] for p in people]
    assert len(set(nirs)) == len(nirs)
    departments = set()
    for nir, sex, birth in people:
        assert stdnum_nir.is_valid(nir), nir
        assert nir[0] == ("1" if sex is Sex.MALE else "2")
        assert nir[1:3] == f"{birth.year % 100:02d}"
        assert nir[3:5] == f"{birth.month:02d}"
        departments.add(nir[5:7])
    assert {"69", "99"} <= departments


def test_ibans_are_valid(seeded: Engine) -> None:
    with session_scope(seeded, readonly=True) as s:
        accounts = s.execute(select(BankAccount.iban, BankAccount.bic)).all()
        closed = s.scalar(select(func.count()).where(BankAccount.valid_to.is_not(None)))
    assert accounts
    assert closed
    for iban, bic in accounts:
        parsed = IBAN(iban)
        assert parsed.country_code == "FR"
        BIC(bic)


def test_ages_and_households(seeded: Engine) -> None:
    with session_scope(seeded, readonly=True) as s:
        births = s.scalars(select(Member.birth_date)).all()
        with_dependents = s.scalar(select(func.count(func.distinct(Dependent.member_id))))
        other_parent = s.scalar(
            select(func.count()).where(Dependent.other_parent_member_id.is_not(None))
        )
    for birth in births:
        age = (TODAY - birth).days // 365
        assert 18 <= age <= 96
    assert 0.25 <= (with_dependents or 0) / 300 <= 0.55
    assert other_parent


def test_reimbursements_respect_rules(seeded: Engine) -> None:
    caps: dict[tuple[int, int | None, int], list[int]] = defaultdict(lambda: [0, 0])
    lines: dict[tuple[int, int, str, str], int] = defaultdict(int)
    with session_scope(seeded, readonly=True) as s:
        rows = s.execute(
            select(
                Reimbursement.member_id,
                Reimbursement.dependent_id,
                Reimbursement.care_date,
                Reimbursement.payment_date,
                Reimbursement.base_cents,
                Reimbursement.reimbursed_cents,
                Reimbursement.participation_cents,
                Reimbursement.franchise_cents,
                Reimbursement.status,
                Reimbursement.rejection_reason,
                Reimbursement.tiers_payant,
                Reimbursement.rate_pct,
                Reimbursement.act_code,
            )
        ).all()
        ledger = s.execute(
            select(
                DeductibleEntry.member_id,
                DeductibleEntry.year,
                DeductibleEntry.kind,
                DeductibleEntry.entry,
                func.sum(DeductibleEntry.amount_cents),
            ).group_by(
                DeductibleEntry.member_id,
                DeductibleEntry.year,
                DeductibleEntry.kind,
                DeductibleEntry.entry,
            )
        ).all()
    assert len(rows) > 300 * 12
    oldest = min(r.care_date for r in rows)
    assert oldest <= TODAY - timedelta(days=27 * 31)
    for r in rows:
        assert r.reimbursed_cents <= r.base_cents
        if r.status == "rejected":
            assert r.rejection_reason
            assert r.reimbursed_cents == 0
        if r.payment_date is not None:
            assert r.care_date < r.payment_date <= TODAY
        if r.act_code == "G" and r.rate_pct == 70:
            # resources/reference/values.csv: 25 € → 26.50 € (2023-12-22) → 30 € (2024-12-22)
            expected = (
                3000
                if r.care_date >= date(2024, 12, 22)
                else (2650 if r.care_date >= date(2023, 12, 22) else 2500)
            )
            assert r.base_cents == expected
        key = (r.member_id, r.dependent_id, r.care_date.year)
        caps[key][0] += r.participation_cents
        caps[key][1] += r.franchise_cents
        entry = "owed" if r.tiers_payant else "withheld"
        if r.participation_cents:
            lines[(r.member_id, r.care_date.year, "participation", entry)] += r.participation_cents
        if r.franchise_cents:
            lines[(r.member_id, r.care_date.year, "franchise", entry)] += r.franchise_cents
    for participation, franchise in caps.values():
        assert participation <= 5000
        assert franchise <= 5000
    assert any(p == 5000 or f == 5000 for p, f in caps.values()) or len(caps) < 50
    movements = {(m, y, k.value, e.value): total for m, y, k, e, total in ledger}
    assert {k: v for k, v in movements.items() if k[3] != "paid"} == dict(lines)
    statuses = {r.status.value for r in rows}
    assert statuses == {"paid", "pending", "rejected"}


def test_every_table_has_rows(seeded: Engine) -> None:
    with seeded.connect() as conn:
        for table in Base.metadata.sorted_tables:
            # Presence rows exist only while an agent has a thread open: empty at rest.
            if table.name in ("alembic_version", "mail_thread_viewers"):
                continue
            count = conn.execute(select(func.count()).select_from(table)).scalar()
            assert count, f"table {table.name} vide"


def test_orm_reads_seeded_rows(seeded: Engine) -> None:
    with session_scope(seeded, readonly=True) as s:
        member = s.scalars(select(Member).order_by(Member.id).limit(1)).one()
        assert member.created_at.tzinfo is not None
        assert member.created_at.utcoffset() == timedelta(0)
        assert isinstance(member.sex, Sex)
        assert member.fund_code == "691"
        declaration = s.scalars(select(Declaration).limit(1)).one()
        assert isinstance(declaration.payload, dict)
        assert declaration.filed_at.tzinfo is not None
        thread = s.scalars(select(MailThread).limit(1)).one()
        assert thread.created_at <= thread.last_message_at
        assert isinstance(thread.escalated, bool)
        entry = s.scalars(select(DeductibleEntry).limit(1)).one()
        assert entry.recorded_at.tzinfo is not None
        appointments = s.scalars(select(Appointment)).all()
        now = datetime.now(UTC)
        assert any(a.starts_at < now for a in appointments)
        by_advisor: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
        for a in appointments:
            assert a.starts_at.tzinfo is not None and a.starts_at < a.ends_at
            by_advisor[a.advisor_id].append((a.starts_at, a.ends_at))
        for spans in by_advisor.values():
            spans.sort()
            for (_, end), (start, _) in itertools.pairwise(spans):
                assert end <= start


def test_demo_accounts(seeded: Engine) -> None:
    with session_scope(seeded, readonly=True) as s:
        advisors = s.scalars(select(Advisor)).all()
    logins = {a.login: a for a in advisors}
    assert len(logins) == len(DEMO_ACCOUNTS)
    for login in ("conseiller", "conseiller2", "agent", "agent2", "superviseur", "admin"):
        assert login in logins
    assert {a.role for a in advisors} == set(Role)
    assert len({a.password_hash for a in advisors}) == 1
    assert PasswordHasher().verify(logins["conseiller"].password_hash, DEMO_PASSWORD)


def test_resume_after_interruption(make_db: MakeDb) -> None:
    engine = make_db()

    def interrupt(batch: int) -> None:
        if batch == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        seed_database(
            engine,
            members=130,
            seed=5,
            batch_size=50,
            today=TODAY,
            after_batch=interrupt,
            workers=0,
        )
    with session_scope(engine, readonly=True) as s:
        assert s.scalar(select(func.count(Member.id))) == 100
        assert s.scalars(select(SeedBatch.batch).order_by(SeedBatch.batch)).all() == [0, 1]
    with pytest.raises(ValidationError):
        seed_database(engine, members=130, seed=6)
    with pytest.raises(ValidationError):
        seed_database(engine, members=200, seed=5)
    message = seed_database(engine, members=130, seed=5)
    assert "30 assurés créés" in message
    with session_scope(engine, readonly=True) as s:
        assert s.scalar(select(func.count(Member.id))) == 130
        assert s.scalar(select(func.count(func.distinct(Member.nir)))) == 130
        assert s.scalar(select(func.max(Member.id))) == 130
    assert seed_database(engine, members=130, seed=5) == (
        "Base déjà remplie avec la graine 5 (130 assurés)."
    )
    # The interrupted run's data equals an uninterrupted one.
    fresh = make_db()
    seed_database(fresh, members=130, seed=5, batch_size=50, today=TODAY)
    assert _fingerprint(fresh) == _fingerprint(engine)


def test_refuses_a_database_with_data(make_db: MakeDb) -> None:
    engine = make_db()
    seed_database(engine, members=20, seed=1, today=TODAY)
    with session_scope(engine) as s:
        s.execute(text("DELETE FROM seed_batches"))
        s.execute(text("DELETE FROM seed_runs"))
    with pytest.raises(ValidationError, match="base vide"):
        seed_database(engine, members=20, seed=1)


def test_database_usable_after_seed(seeded: Engine) -> None:
    """Sequences continue after the explicit ids; pooled connections check foreign keys again."""
    with session_scope(seeded) as s:
        team = Team(name=f"Équipe de test {uuid.uuid4().hex[:6]}", office_id=None)
        s.add(team)
        s.flush()
        assert team.id > 5
        s.delete(team)
    if seeded.dialect.name == "postgresql":
        for _ in range(3):  # every connection of the pool
            with seeded.connect() as conn:
                assert conn.execute(text("SHOW session_replication_role")).scalar() == "origin"


def test_dashboard_summaries_count_the_seeded_rows(seeded: Engine) -> None:
    """The PostgreSQL bulk writer runs without triggers: the summaries are counted after."""
    with seeded.connect() as conn:

        def one(sql: str) -> int:
            return int(conn.exec_driver_sql(sql).scalar_one() or 0)

        threads = one("SELECT count(*) FROM mail_threads")
        assert threads > 0
        assert one("SELECT sum(arrivals) FROM mail_flow_hours") == threads
        assert one("SELECT sum(closures) FROM mail_flow_hours") == one(
            "SELECT count(*) FROM mail_threads WHERE closed_at IS NOT NULL"
        )
        assert one("SELECT sum(open_count) FROM mail_open_days") == one(
            "SELECT count(*) FROM mail_threads WHERE state <> 'closed'"
        )
        assert one("SELECT sum(booked) FROM appointment_hours") == one(
            "SELECT count(*) FROM appointments WHERE status NOT IN ('excused', 'revoked')"
        )
        assert one("SELECT sum(open_count) FROM declaration_open_counts") == one(
            "SELECT count(*) FROM declarations"
            " WHERE state IN ('received', 'in_instruction', 'waiting_member')"
        )
