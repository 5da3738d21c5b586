"""ameli accounts at the counter: status, provisional code and its letter, refusals, unlocking."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pypdf
import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError

from advisor_desk.backend import migrate
from advisor_desk.backend.demo_accounts import DEMO_PASSWORD
from advisor_desk.backend.documents import today_paris
from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import Backend
from advisor_desk.backend.orm import (
    Address,
    Advisor,
    AmeliAccount,
    AuditEvent,
    IssuedDocument,
    MailMessage,
    RightsPeriod,
)
from advisor_desk.backend.security import verify_password
from advisor_desk.backend.seed import seed_database
from advisor_desk.domain import enums as E
from advisor_desk.domain.ameli import (
    CODE_VALIDITY_DAYS,
    AmeliStatus,
    account_status,
    code_expiry,
    parse_code,
)
from advisor_desk.domain.enums import AuditOutcome, Role
from advisor_desk.domain.errors import NotFound, PermissionDenied, ValidationError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from documents.care_samples import sample_member
from documents.pdf_text import pdf_text, qpdf_problems

if TYPE_CHECKING:
    from conftest import AuditLog, Transport

    from tests.conftest import DatabaseFactory

NOW = datetime.now(UTC)
SEED_DAY = date(2026, 3, 16)


@dataclass
class People:
    """Members in each situation a counter meets."""

    newcomer: int = 0  # no account, rights open, an address
    active: int = 0  # account open, last login yesterday
    locked: int = 0  # account open, locked after 5 wrong passwords
    pending: int = 0  # a provisional code handed over 3 days ago
    expired: int = 0  # a code handed over 40 days ago, never used
    closed: int = 0  # rights closed last year, no account
    no_rights: int = 0  # no rights period at all


def add_people(engine: Engine) -> People:
    out = People()
    with session_scope(engine) as s:
        counter_id = s.scalar(select(Advisor.id).where(Advisor.login == "t_counter"))
        rows = {
            "newcomer": sample_member(
                "Moreau", "Camille, Lise", date(1990, 6, 2), E.Sex.FEMALE, 601
            ),
            "active": sample_member("Petit", "Marc", date(1975, 1, 9), E.Sex.MALE, 602),
            "locked": sample_member("Garnier", "Hélène", date(1958, 11, 23), E.Sex.FEMALE, 603),
            "pending": sample_member("Roussel", "Yann", date(2001, 4, 30), E.Sex.MALE, 604),
            "expired": sample_member("Blanc", "Inès", date(1999, 8, 14), E.Sex.FEMALE, 605),
            "closed": sample_member("Faure", "Louis", date(1970, 5, 5), E.Sex.MALE, 606),
            "no_rights": sample_member("Caron", "Julie", date(1988, 2, 17), E.Sex.FEMALE, 607),
        }
        s.add_all(rows.values())
        s.flush()
        for key, m in rows.items():
            setattr(out, key, m.id)
            s.add(
                Address(
                    member_id=m.id,
                    line1=f"{m.id} rue Garibaldi",
                    line2=None,
                    postcode="69003",
                    city="Lyon",
                    valid_from=date(2015, 1, 1),
                    valid_to=None,
                )
            )
            if key == "no_rights":
                continue
            end = date(NOW.year - 1, 6, 30) if key == "closed" else None
            s.add(RightsPeriod(member_id=m.id, start=date(2010, 1, 1), end=end, basis="Activité"))
        s.add_all(
            [
                AmeliAccount(
                    member_id=out.active,
                    opened_at=NOW - timedelta(days=800),
                    last_login_at=NOW - timedelta(days=1),
                ),
                AmeliAccount(
                    member_id=out.locked,
                    opened_at=NOW - timedelta(days=2000),
                    last_login_at=NOW - timedelta(days=90),
                    locked_at=NOW - timedelta(hours=5),
                    failed_logins=5,
                ),
                AmeliAccount(
                    member_id=out.pending,
                    code_hash="$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
                    code_issued_at=NOW - timedelta(days=3),
                    code_expires_at=code_expiry(today_paris() - timedelta(days=3)),
                    code_issued_by=counter_id,
                ),
                AmeliAccount(
                    member_id=out.expired,
                    code_hash="$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
                    code_issued_at=NOW - timedelta(days=40),
                    code_expires_at=code_expiry(today_paris() - timedelta(days=40)),
                    code_issued_by=counter_id,
                ),
            ]
        )
    return out


@pytest.fixture
def people(engine: Engine) -> People:
    return add_people(engine)


def _row(engine: Engine, member_id: int) -> AmeliAccount | None:
    with session_scope(engine) as s:
        return s.scalar(select(AmeliAccount).where(AmeliAccount.member_id == member_id))


def _events(audit_log: AuditLog, mark: int, action: str) -> list[AuditEvent]:
    return [e for e in audit_log.since(mark) if e.action == action]


# --------------------------------------------------------------------------- status


def test_status_of_each_situation(
    transport: Transport, people: People, audit_log: AuditLog
) -> None:
    counter = transport.open_session(Role.COUNTER)
    mark = audit_log.mark()

    none = counter.ameli.account(people.newcomer)
    assert none.status is AmeliStatus.NONE and none.opened_at is None
    assert none.can_issue_code and not none.can_unlock

    active = counter.ameli.account(people.active)
    assert active.status is AmeliStatus.ACTIVE
    assert active.opened_at is not None and active.last_login_at is not None
    assert active.last_login_at > NOW - timedelta(days=2)
    assert not active.can_issue_code and not active.can_unlock
    assert active.issue_refusal is not None and "déjà un compte ameli" in active.issue_refusal

    locked = counter.ameli.account(people.locked)
    assert locked.status is AmeliStatus.LOCKED and locked.failed_logins == 5
    assert locked.locked_at is not None and locked.can_unlock and locked.can_issue_code

    pending = counter.ameli.account(people.pending)
    assert pending.status is AmeliStatus.CODE_PENDING
    assert pending.code_valid_until == today_paris() + timedelta(days=CODE_VALIDITY_DAYS - 3)
    assert pending.code_issued_by == "Test counter"

    expired = counter.ameli.account(people.expired)
    assert expired.status is AmeliStatus.CODE_EXPIRED and expired.can_issue_code

    closed = counter.ameli.account(people.closed)
    assert closed.status is AmeliStatus.NONE
    assert closed.issue_refusal is not None and "fermés depuis le 30/06/" in closed.issue_refusal
    no_rights = counter.ameli.account(people.no_rights)
    assert no_rights.issue_refusal is not None and "Aucune période" in no_rights.issue_refusal

    # Every reading is audited with its member.
    events = _events(audit_log, mark, "ameli.account")
    assert [e.member_id for e in events] == [
        people.newcomer,
        people.active,
        people.locked,
        people.pending,
        people.expired,
        people.closed,
        people.no_rights,
    ]
    assert events[0].detail == "none" and events[2].detail == "locked"
    assert all(e.outcome is AuditOutcome.OK for e in events)

    with pytest.raises(NotFound):
        counter.ameli.account(999_999)


# --------------------------------------------------------------------------- issuing


def test_issue_code_stores_a_hash_and_returns_the_letter(
    transport: Transport, people: People, engine: Engine, audit_log: AuditLog
) -> None:
    counter = transport.open_session(Role.COUNTER)
    mark = audit_log.mark()
    letter = counter.ameli.issue_code(people.newcomer)

    compact = parse_code(letter.code)
    assert len(letter.code) == 9 and letter.code[4] == "-"
    assert letter.valid_until == today_paris() + timedelta(days=CODE_VALIDITY_DAYS)
    assert letter.account.status is AmeliStatus.CODE_PENDING
    assert letter.account.code_valid_until == letter.valid_until
    assert letter.account.code_issued_by == "Test counter"
    assert letter.filename.startswith("code_provisoire_ameli_") and letter.filename.endswith(".pdf")

    row = _row(engine, people.newcomer)
    assert row is not None and row.code_hash is not None
    assert compact not in row.code_hash and letter.code not in row.code_hash
    assert row.code_hash.startswith("$argon2id$")
    assert verify_password(row.code_hash, compact)
    assert not verify_password(row.code_hash, "23456789")
    assert row.opened_at is None and row.code_issued_by is not None

    # The letter: the member's name and address, the code, its last day, the steps.
    assert letter.pdf.startswith(b"%PDF")
    assert qpdf_problems(letter.pdf) == []
    text = pdf_text(letter.pdf)
    assert "Camille Lise MOREAU" in text
    assert f"{people.newcomer} rue Garibaldi" in text and "69003 Lyon" in text
    assert letter.code in text
    assert "Créer mon compte" in text and "ameli.fr" in text
    assert "Valable jusqu'au" in text and "inclus" in text
    assert "confidentiel" in text
    # Not a registered document: no number, no verification code in the metadata.
    meta = pypdf.PdfReader(io.BytesIO(letter.pdf)).metadata
    assert meta is not None and "CPAM-DOC" not in str(meta.get("/Keywords", ""))
    assert "Document n°" not in text

    # Neither registered as an issued document nor sent to the member's inbox.
    with session_scope(engine) as s:
        assert s.scalar(select(IssuedDocument.id)) is None
        assert s.scalar(select(MailMessage.id)) is None

    (event,) = _events(audit_log, mark, "ameli.issue_code")
    assert event.member_id == people.newcomer and event.outcome is AuditOutcome.OK
    assert event.target == f"ameli:{row.id}"
    assert compact not in (event.detail or "") and letter.code not in (event.detail or "")
    assert f"{letter.valid_until:%d/%m/%Y}" in (event.detail or "")

    # The status now reads "code pending".
    assert counter.ameli.account(people.newcomer).status is AmeliStatus.CODE_PENDING


def test_a_self_employed_member_is_told_to_update_the_vitale_card_first(
    transport: Transport, people: People, engine: Engine
) -> None:
    counter = transport.open_session(Role.COUNTER)
    assert not counter.ameli.account(people.newcomer).vitale_update_advised
    assert "Avant de créer votre compte" not in pdf_text(
        counter.ameli.issue_code(people.expired).pdf
    )
    with session_scope(engine) as s:
        s.add(
            RightsPeriod(
                member_id=people.newcomer,
                start=date(NOW.year, 1, 1),
                end=None,
                basis="Activité indépendante (travailleur indépendant)",
            )
        )
    assert counter.ameli.account(people.newcomer).vitale_update_advised
    letter = counter.ameli.issue_code(people.newcomer)
    assert letter.account.vitale_update_advised
    text = pdf_text(letter.pdf)
    assert "Avant de créer votre compte" in text and "carte Vitale" in text


def test_a_new_code_replaces_the_pending_one(
    transport: Transport, people: People, engine: Engine, audit_log: AuditLog
) -> None:
    agent = transport.open_session(Role.BACKOFFICE)
    before = _row(engine, people.pending)
    assert before is not None
    mark = audit_log.mark()
    first = agent.ameli.issue_code(people.pending)
    second = agent.ameli.issue_code(people.pending)
    assert first.code != second.code
    row = _row(engine, people.pending)
    assert row is not None and row.id == before.id  # still one row per member
    assert row.code_hash is not None and row.code_hash != before.code_hash
    assert verify_password(row.code_hash, parse_code(second.code))
    assert not verify_password(row.code_hash, parse_code(first.code))
    assert row.code_issued_by != before.code_issued_by  # the agent, not the counter
    assert "remplace" in pdf_text(second.pdf)
    events = _events(audit_log, mark, "ameli.issue_code")
    assert len(events) == 2 and all("remplace le code du" in (e.detail or "") for e in events)
    # An expired code is replaced without saying so on the letter.
    fresh = agent.ameli.issue_code(people.expired)
    assert fresh.account.status is AmeliStatus.CODE_PENDING
    assert "remplace" not in pdf_text(fresh.pdf)


def test_a_locked_account_may_get_a_code_and_stays_locked(
    transport: Transport, people: People
) -> None:
    counter = transport.open_session(Role.COUNTER)
    letter = counter.ameli.issue_code(people.locked)
    assert letter.account.status is AmeliStatus.LOCKED
    assert letter.account.code_valid_until == letter.valid_until


def test_issue_is_refused_for_an_open_account_or_closed_rights(
    transport: Transport, people: People, engine: Engine, audit_log: AuditLog
) -> None:
    counter = transport.open_session(Role.COUNTER)
    before = _row(engine, people.active)
    mark = audit_log.mark()
    with pytest.raises(ValidationError, match="déjà un compte ameli, ouvert le"):
        counter.ameli.issue_code(people.active)
    with pytest.raises(ValidationError, match=r"droits de cet assuré sont fermés depuis le 30/06"):
        counter.ameli.issue_code(people.closed)
    with pytest.raises(ValidationError, match="Aucune période de droits"):
        counter.ameli.issue_code(people.no_rights)
    with pytest.raises(NotFound):
        counter.ameli.issue_code(999_999)
    # Nothing written: no code for the account, no row for the others, no audit row.
    after = _row(engine, people.active)
    assert after is not None and before is not None
    assert after.code_hash is None and after.version == before.version
    assert _row(engine, people.closed) is None and _row(engine, people.no_rights) is None
    assert _events(audit_log, mark, "ameli.issue_code") == []


# --------------------------------------------------------------------------- unlocking


def test_unlock(transport: Transport, people: People, engine: Engine, audit_log: AuditLog) -> None:
    counter = transport.open_session(Role.COUNTER)
    mark = audit_log.mark()
    info = counter.ameli.unlock(people.locked)
    assert info.status is AmeliStatus.ACTIVE and info.locked_at is None
    assert info.failed_logins == 0 and not info.can_unlock
    row = _row(engine, people.locked)
    assert row is not None and row.locked_at is None and row.failed_logins == 0
    assert row.opened_at is not None  # the account itself is untouched
    (event,) = _events(audit_log, mark, "ameli.unlock")
    assert event.member_id == people.locked and event.target == f"ameli:{row.id}"
    assert "5 échec(s)" in (event.detail or "")
    # Once unlocked, there is nothing more to unlock.
    with pytest.raises(ValidationError, match="n'est pas bloqué"):
        counter.ameli.unlock(people.locked)


def test_unlock_is_refused_when_nothing_is_locked(transport: Transport, people: People) -> None:
    agent = transport.open_session(Role.BACKOFFICE)
    with pytest.raises(ValidationError, match="n'est pas bloqué"):
        agent.ameli.unlock(people.active)
    with pytest.raises(ValidationError, match="pas de compte ameli"):
        agent.ameli.unlock(people.newcomer)
    with pytest.raises(ValidationError, match="pas de compte ameli"):
        agent.ameli.unlock(people.pending)
    with pytest.raises(NotFound):
        agent.ameli.unlock(999_999)


# --------------------------------------------------------------------------- permissions


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN])
def test_supervisors_and_admins_are_refused(
    transport: Transport, people: People, engine: Engine, audit_log: AuditLog, role: Role
) -> None:
    bound = transport.open_session(role)
    mark = audit_log.mark()
    with pytest.raises(PermissionDenied, match=r"ameli\.assist"):
        bound.ameli.issue_code(people.newcomer)
    with pytest.raises(PermissionDenied, match=r"ameli\.assist"):
        bound.ameli.unlock(people.locked)
    with pytest.raises(PermissionDenied, match=r"member\.read"):
        bound.ameli.account(people.newcomer)
    refused = [e for e in audit_log.since(mark) if e.outcome is AuditOutcome.REFUSED]
    assert [(e.action, e.member_id) for e in refused] == [
        ("ameli.issue_code", people.newcomer),
        ("ameli.unlock", people.locked),
        ("ameli.account", people.newcomer),
    ]
    assert _row(engine, people.newcomer) is None
    locked = _row(engine, people.locked)
    assert locked is not None and locked.locked_at is not None


# --------------------------------------------------------------------------- the schema


def test_the_database_refuses_impossible_rows(engine: Engine, people: People) -> None:
    bad_rows = [
        # A second row for one member.
        {"member_id": people.active, "opened_at": NOW},
        # Locked, or signed in to, without ever being opened.
        {
            "member_id": people.newcomer,
            "code_hash": "h",
            "code_issued_at": NOW,
            "code_expires_at": NOW + timedelta(days=1),
            "locked_at": NOW,
        },
        # Half a code.
        {"member_id": people.newcomer, "opened_at": NOW, "code_hash": "h"},
        # A code that expires before it is issued.
        {
            "member_id": people.newcomer,
            "code_hash": "h",
            "code_issued_at": NOW,
            "code_expires_at": NOW - timedelta(days=1),
        },
        # Neither account nor code.
        {"member_id": people.newcomer},
        # A negative count.
        {"member_id": people.newcomer, "opened_at": NOW, "failed_logins": -1},
    ]
    for values in bad_rows:
        with pytest.raises(IntegrityError), session_scope(engine) as s:
            s.add(AmeliAccount(**values))
            s.flush()


def test_a_stale_write_is_refused(engine: Engine, people: People) -> None:
    from sqlalchemy.orm.exc import StaleDataError

    with session_scope(engine) as s:
        row = s.scalar(select(AmeliAccount).where(AmeliAccount.member_id == people.locked))
        assert row is not None
        version = row.version
    with session_scope(engine) as s:
        s.execute(
            update(AmeliAccount)
            .where(AmeliAccount.id == row.id)
            .values(failed_logins=6, version=version + 1)
        )
    with pytest.raises(StaleDataError), session_scope(engine) as s:
        stale = s.merge(row, load=False)
        stale.failed_logins = 0
        s.flush()


# --------------------------------------------------------------------------- the demo seed


def _seeded(db_factory: DatabaseFactory, kind: str, workers: int) -> tuple[str, Engine]:
    url = db_factory.new_url(kind)
    engine = make_engine(url)
    migrate.upgrade(engine)
    seed_database(engine, members=400, seed=11, batch_size=200, today=SEED_DAY, workers=workers)
    return url, engine


def _ameli_rows(engine: Engine) -> list[tuple[object, ...]]:
    with session_scope(engine) as s:
        return [
            tuple(r)
            for r in s.execute(
                select(
                    AmeliAccount.member_id,
                    AmeliAccount.opened_at,
                    AmeliAccount.last_login_at,
                    AmeliAccount.locked_at,
                    AmeliAccount.failed_logins,
                    AmeliAccount.code_hash,
                    AmeliAccount.code_issued_at,
                    AmeliAccount.code_expires_at,
                    AmeliAccount.code_issued_by,
                ).order_by(AmeliAccount.member_id)
            )
        ]


def test_the_seed_gives_most_members_an_account(
    db_factory: DatabaseFactory, engine_kind: str
) -> None:
    url, engine = _seeded(db_factory, engine_kind, workers=0)
    other_url, other = _seeded(db_factory, engine_kind, workers=1)
    try:
        rows = _ameli_rows(engine)
        # The same seed gives the same accounts, in process or in a worker process.
        assert rows == _ameli_rows(other)
        now = datetime.combine(SEED_DAY, datetime.min.time(), tzinfo=UTC)
        statuses = [
            account_status(opened_at=r[1], locked_at=r[3], code_expires_at=r[7], now=now)  # type: ignore[arg-type]
            for r in rows
        ]
        share = {status: statuses.count(status) / 400 for status in AmeliStatus}
        assert 0.62 <= share[AmeliStatus.ACTIVE] <= 0.78, share
        assert 0.005 <= share[AmeliStatus.LOCKED] <= 0.05, share
        assert 0.01 <= share[AmeliStatus.CODE_PENDING] <= 0.06, share
        assert share[AmeliStatus.CODE_EXPIRED] == 0 and share[AmeliStatus.NONE] == 0
        year_ago = now - timedelta(days=366)
        for r, status in zip(rows, statuses, strict=True):
            if status in (AmeliStatus.ACTIVE, AmeliStatus.LOCKED):
                assert r[1] < r[2] and year_ago < r[2] < now  # type: ignore[operator]
            if status is AmeliStatus.LOCKED:
                assert r[4] == 5
            if status is AmeliStatus.CODE_PENDING:
                assert str(r[5]).startswith("$argon2id$") and r[8] is not None
                assert r[6] < now < r[7]  # type: ignore[operator]
        # A seeded locked account unlocks like any other.
        locked_member = next(
            r[0] for r, st in zip(rows, statuses, strict=True) if st is AmeliStatus.LOCKED
        )
        backend = Backend(engine)
        agent = backend.login("agent", DEMO_PASSWORD)
        assert agent.ameli.account(locked_member).status is AmeliStatus.LOCKED  # type: ignore[arg-type]
        assert agent.ameli.unlock(locked_member).status is AmeliStatus.ACTIVE  # type: ignore[arg-type]
    finally:
        for eng, u in ((engine, url), (other, other_url)):
            eng.dispose()
            db_factory.release(u)
