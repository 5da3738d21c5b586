"""The server's least-privileged PostgreSQL role: it can serve, and cannot rewrite the audit or the schema."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from advisor_desk.__main__ import main
from advisor_desk.backend import migrate
from advisor_desk.backend.engine import is_sqlite, make_engine
from advisor_desk.backend.facade import Backend
from advisor_desk.backend.pgroles import create_server_role
from advisor_desk.backend.remote import RemoteBackend
from advisor_desk.domain.enums import Role
from advisor_desk.domain.errors import AdvisorDeskError, ValidationError

if TYPE_CHECKING:  # tests/backend/conftest.py
    from conftest import Accounts, LiveServer

PASSWORD = "Serveur-2026-pg"


@pytest.fixture
def server_role(engine: Engine) -> Iterator[str]:
    """A fresh role name (roles are cluster-wide), dropped with everything granted to it."""
    if is_sqlite(engine):
        pytest.skip("PostgreSQL only (set ADVISOR_DESK_TEST_PG)")
    role = f"adtest_srv_{uuid.uuid4().hex[:8]}"
    yield role
    with engine.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first():
            conn.execute(text(f'DROP OWNED BY "{role}"'))  # its grants and default privileges
            conn.execute(text(f'DROP ROLE "{role}"'))
        conn.commit()


def _as(db_url: str, role: str) -> Engine:
    return make_engine(str(make_url(db_url).set(username=role, password=PASSWORD)))


def test_the_server_runs_as_the_role(
    engine: Engine,
    db_url: str,
    server_role: str,
    live_server: LiveServer,
    accounts: Accounts,
) -> None:
    message = create_server_role(engine, server_role, PASSWORD)
    assert server_role in message and "MOT_DE_PASSE" in message
    create_server_role(engine, server_role, PASSWORD)  # idempotent
    limited = _as(db_url, server_role)
    try:
        assert migrate.is_up_to_date(limited)  # reads alembic_version
        live_server.use(Backend(limited))
        client = RemoteBackend(live_server.url)
        admin = client.login(accounts.logins[Role.ADMIN], accounts.password)
        assert [o.code for o in admin.admin.list_offices()] == ["T01"]
        assert "session.login" in {row.action for row in admin.admin.audit_trail(limit=20)}
        counter = client.login(accounts.logins[Role.COUNTER], accounts.password)
        counter.session.change_password(accounts.password, "Autre-mot-2026!")
        counter.session.logout()
        with limited.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar() == server_role
    finally:
        live_server.use(None)
        limited.dispose()


REFUSED = [
    "UPDATE audit_events SET detail = 'effacé'",
    "DELETE FROM audit_events",
    "TRUNCATE audit_events",
    "CREATE TABLE evil (x int)",
    "CREATE TEMP TABLE evil (x int)",
    "ALTER TABLE advisors ADD COLUMN evil int",
    "DROP TABLE session_tokens",
    "INSERT INTO alembic_version VALUES ('9999')",
    "UPDATE alembic_version SET version_num = '0000'",
    "CREATE INDEX evil ON advisors (full_name)",
]


def test_the_database_refuses(engine: Engine, db_url: str, server_role: str) -> None:
    create_server_role(engine, server_role, PASSWORD)
    limited = _as(db_url, server_role)
    try:
        with limited.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM audit_events")).scalar() is not None
            for statement in REFUSED:
                with pytest.raises(ProgrammingError) as info:
                    conn.execute(text(statement))
                assert "permission denied" in str(info.value) or "must be owner" in str(
                    info.value
                ), statement
                conn.rollback()
    finally:
        limited.dispose()


def test_rights_granted_by_hand_are_taken_back(
    engine: Engine, db_url: str, server_role: str
) -> None:
    create_server_role(engine, server_role, PASSWORD)
    with engine.connect() as conn:
        conn.execute(text(f'GRANT UPDATE, DELETE ON audit_events TO "{server_role}"'))
        conn.commit()
    create_server_role(engine, server_role, None)  # keeps the password
    limited = _as(db_url, server_role)
    try:
        with limited.connect() as conn, pytest.raises(ProgrammingError):
            conn.execute(text("DELETE FROM audit_events"))
    finally:
        limited.dispose()


def test_refusals(engine: Engine, server_role: str) -> None:
    with pytest.raises(ValidationError):
        create_server_role(engine, "Robert'); DROP TABLE advisors;--", PASSWORD)
    owner = engine.url.username or "postgres"
    with pytest.raises(ValidationError, match="différer"):
        create_server_role(engine, owner, PASSWORD)


def test_role_defaults_apply_without_the_server(
    engine: Engine, db_url: str, server_role: str
) -> None:
    create_server_role(engine, server_role, PASSWORD)
    probe = create_engine(make_url(db_url).set(username=server_role, password=PASSWORD))
    try:
        with probe.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "30s"
    finally:
        probe.dispose()


def test_generated_password(engine: Engine, db_url: str, server_role: str) -> None:
    message = create_server_role(engine, server_role, None)
    password = message.split("Mot de passe généré (il ne sera plus affiché) : ")[1].split()[0]
    assert len(password) >= 24 and password in message
    url = make_url(db_url).set(username=server_role, password=password)
    probe = create_engine(url)
    try:
        with probe.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar() == server_role
    finally:
        probe.dispose()


def test_command_line(db_url: str, server_role: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "roles", "--db", db_url, "--role", server_role, "--password", PASSWORD]) == 0
    assert f"« {server_role} » prêt" in capsys.readouterr().out


def test_sqlite_has_no_roles(tmp_path: object) -> None:
    engine = make_engine("sqlite://")
    with pytest.raises(AdvisorDeskError, match="PostgreSQL"):
        create_server_role(engine, "advisor_desk_server", PASSWORD)
