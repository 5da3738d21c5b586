"""Shared fixtures: a fresh database per test on SQLite and (with ADVISOR_DESK_TEST_PG) PostgreSQL."""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import shutil
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from advisor_desk.backend import migrate
from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import Backend, BoundBackend
from advisor_desk.backend.orm import Advisor, Office, Team
from advisor_desk.backend.security import hash_password
from advisor_desk.domain.enums import Role

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("ADVISOR_DESK_TEST_PG")
ENGINES = ["sqlite", *(["postgresql"] if PG_URL else [])]

TEST_PASSWORD = "Test-password-2026"
ROLE_LOGINS = {
    Role.COUNTER: "t_counter",
    Role.BACKOFFICE: "t_agent",
    Role.SUPERVISOR: "t_super",
    Role.ADMIN: "t_admin",
}


def _pg_admin_engine() -> Engine:
    assert PG_URL
    url = make_url(PG_URL).set(drivername="postgresql+psycopg")
    return create_engine(url, isolation_level="AUTOCOMMIT")


class DatabaseFactory:
    """Creates databases for one test session; drops each when its test ends, off the test's time.

    DROP DATABASE waits for a checkpoint on PostgreSQL (seconds on a busy server): a background
    thread does it while the next tests run, and the session's end waits for the last ones.
    """

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.pg_databases: list[str] = []
        self.run_id = uuid.uuid4().hex[:8]
        self.counter = itertools.count()
        self._admin: Engine | None = None
        self._drops: queue.Queue[str | None] = queue.Queue()
        self._dropper: threading.Thread | None = None

    def admin(self) -> Engine:
        if self._admin is None:
            self._admin = _pg_admin_engine()
        return self._admin

    def new_url(self, kind: str, template: str | None = None) -> str:
        name = f"adtest_{self.run_id}_{next(self.counter)}"
        if kind == "sqlite":
            path = self.tmp / f"{name}.db"
            if template:
                shutil.copyfile(make_url(template).database or "", path)
            return f"sqlite:///{path}"
        assert PG_URL
        with self.admin().connect() as conn:
            tpl = f' TEMPLATE "{make_url(template).database}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{tpl}'))
        self.pg_databases.append(name)
        return str(make_url(PG_URL).set(drivername="postgresql+psycopg", database=name))

    def release(self, url: str) -> None:
        """The test is over: remove its database (SQLite now, PostgreSQL in the background)."""
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
            return
        name = parsed.database or ""
        if name in self.pg_databases:
            self.pg_databases.remove(name)
            if self._dropper is None:
                self._dropper = threading.Thread(target=self._drop_loop, daemon=True)
                self._dropper.start()
            self._drops.put(name)

    def _drop_loop(self) -> None:
        while (name := self._drops.get()) is not None:
            with contextlib.suppress(Exception), self.admin().connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def drop_all(self) -> None:
        if self._dropper is not None:
            self._drops.put(None)
            self._dropper.join()
        if self.pg_databases:
            with self.admin().connect() as conn:
                for name in self.pg_databases:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if self._admin is not None:
            self._admin.dispose()


@pytest.fixture(scope="session")
def db_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseFactory]:
    factory = DatabaseFactory(tmp_path_factory.mktemp("databases"))
    yield factory
    factory.drop_all()


def _add_test_accounts(engine: Engine) -> None:
    digest = hash_password(TEST_PASSWORD)
    with session_scope(engine) as s:
        office = Office(
            code="T01",
            name="Accueil de test",
            address_line="1 rue de la Paix",
            postcode="69003",
            city="Lyon",
            latitude=45.76,
            longitude=4.85,
            phone="3646",
        )
        s.add(office)
        s.flush()
        team = Team(name="Équipe de test", office_id=office.id)
        s.add(team)
        s.flush()
        for role, login in ROLE_LOGINS.items():
            s.add(
                Advisor(
                    login=login,
                    full_name=f"Test {role.value}",
                    role=role,
                    office_id=office.id,
                    team_id=team.id,
                    password_hash=digest,
                    active=True,
                    failed_attempts=0,
                )
            )


@pytest.fixture(scope="session")
def templates(db_factory: DatabaseFactory) -> dict[str, str]:
    """One migrated database with the test accounts per engine, cloned by each test."""
    result = {}
    for kind in ENGINES:
        url = db_factory.new_url(kind)
        engine = make_engine(url)
        migrate.upgrade(engine)
        _add_test_accounts(engine)
        engine.dispose()
        result[kind] = url
    return result


@pytest.fixture(params=ENGINES)
def engine_kind(request: pytest.FixtureRequest) -> str:
    """'sqlite', and 'postgresql' when ADVISOR_DESK_TEST_PG is set."""
    return str(request.param)


@pytest.fixture
def empty_db_url(engine_kind: str, db_factory: DatabaseFactory) -> Iterator[str]:
    """A fresh database with no schema, on each engine."""
    url = db_factory.new_url(engine_kind)
    yield url
    db_factory.release(url)


@pytest.fixture(params=ENGINES)
def db_url(
    request: pytest.FixtureRequest, db_factory: DatabaseFactory, templates: dict[str, str]
) -> Iterator[str]:
    """A fresh, migrated database with the test accounts, on each engine."""
    url = db_factory.new_url(request.param, template=templates[request.param])
    yield url
    db_factory.release(url)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def backend(engine: Engine) -> Backend:
    return Backend(engine)


@dataclass
class Login:
    backend: Backend

    def __call__(self, role: Role) -> BoundBackend:
        return self.backend.login(ROLE_LOGINS[role], TEST_PASSWORD)


@pytest.fixture
def login(backend: Backend) -> Callable[[Role], BoundBackend]:
    return Login(backend)
