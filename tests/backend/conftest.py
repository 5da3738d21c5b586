"""Backend fixtures: one test, two transports (the in-process facade, and real HTTP to a server)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import uvicorn
from sqlalchemy import Engine, func, select

from advisor_desk.backend import security
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import Backend, BoundBackend
from advisor_desk.backend.orm import Advisor, AuditEvent, SessionToken
from advisor_desk.backend.remote import RemoteBackend
from advisor_desk.backend.server import UVICORN_OPTIONS, create_app, harden_engine
from advisor_desk.domain.enums import Role

TRANSPORTS = ["local", "remote"]


@dataclass(frozen=True)
class Accounts:
    """The test accounts of tests/conftest.py: one per role, all with the same password."""

    logins: dict[Role, str]
    password: str


def _root_conftest(config: pytest.Config) -> ModuleType:
    # Both conftest modules are named "conftest": ask pytest for the one at tests/ by its path.
    path = Path(__file__).resolve().parents[1] / "conftest.py"
    for plugin in config.pluginmanager.get_plugins():
        file = getattr(plugin, "__file__", None)
        if isinstance(plugin, ModuleType) and file and Path(file).resolve() == path:
            return plugin
    raise RuntimeError(f"{path} not loaded")


@pytest.fixture(scope="session")
def accounts(pytestconfig: pytest.Config) -> Accounts:
    root = _root_conftest(pytestconfig)
    return Accounts(logins=dict(root.ROLE_LOGINS), password=str(root.TEST_PASSWORD))


class LiveServer:
    """A real uvicorn server on 127.0.0.1 (random port) in a background thread.

    One per test session: starting it costs the app build (a route per method) and a socket;
    `use(backend)` points it at the current test's database. It keeps no state of its own (as in
    production: tokens live in the database), so switching backends between tests is honest.
    """

    def __init__(self, port: int = 0, **options: Any) -> None:
        self.app = create_app(None)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", port))  # 0: any free port
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        # A short graceful shutdown: clients left with a keep-alive connection must not hold
        # up the end of the session.
        options = {
            **UVICORN_OPTIONS,
            "timeout_graceful_shutdown": 1,
            "log_level": "warning",
            "access_log": False,
            **options,
        }
        config = uvicorn.Config(self.app, **options)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()

    def use(self, backend: Backend | None) -> None:
        if backend is not None:
            harden_engine(backend.engine)
        self.app.state.backend = backend


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    """The session's HTTP server, not yet pointed at a database: prefer `server`."""
    server = LiveServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def spare_server() -> Iterator[Callable[..., LiveServer]]:
    """`spare_server(**uvicorn_options)`: one more started server (e.g. TLS, or a second node)."""
    started: list[LiveServer] = []

    def start(**options: Any) -> LiveServer:
        server = LiveServer(**options)
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def server(live_server: LiveServer, backend: Backend) -> Iterator[LiveServer]:
    """The live server, serving this test's database (`server.url`), for raw HTTP tests."""
    live_server.use(backend)
    yield live_server
    live_server.use(None)


@dataclass
class Transport:
    """How a test reaches the backend: `local` (in-process) or `remote` (HTTP to `server`)."""

    name: str
    backend: Backend  # the in-process facade on the test's database, for direct checks
    facade: Backend | RemoteBackend  # what a desktop would hold: log in through this
    accounts: Accounts
    server: LiveServer | None = None

    @property
    def remote(self) -> bool:
        return self.name == "remote"

    def login(self, login: str, password: str) -> BoundBackend:
        return self.facade.login(login, password)

    def bound(self, role: Role) -> BoundBackend:
        """The facade bound to the test account of `role`, over this transport (a real login)."""
        return self.facade.login(self.accounts.logins[role], self.accounts.password)

    def open_session(self, role: Role) -> BoundBackend:
        """Like `bound(role)`, but the session token is written straight into the database.

        For tests whose subject is not the login: it skips the Argon2 check (~50 ms) and
        writes no `session.login` audit row. Calls then go through `resume`, as usual.
        """
        token = security.new_token()
        with session_scope(self.backend.engine) as s:
            advisor_id = s.scalar(
                select(Advisor.id).where(Advisor.login == self.accounts.logins[role])
            )
            assert advisor_id is not None
            s.add(
                SessionToken(
                    token_hash=security.token_hash(token),
                    advisor_id=advisor_id,
                    idle_timeout_s=self.backend.idle_timeout_s,
                )
            )
        return self.facade.resume(token)


@pytest.fixture(params=TRANSPORTS)
def transport(
    request: pytest.FixtureRequest, backend: Backend, accounts: Accounts
) -> Iterator[Transport]:
    """Runs the test twice: in-process, then over real HTTP (uvicorn on loopback).

    Combined with `db_url`, a test taking `transport` (or `bound`) runs on
    {sqlite, postgresql} × {local, remote}. Use it for every backend test whose subject is
    the facade's behaviour, so that it also proves the behaviour survives the wire:

        def test_search(bound, transport):
            counter = bound(Role.COUNTER)            # BoundBackend or RemoteBoundBackend
            result = counter.members.search("dupont")
            assert result.rows ...
            with pytest.raises(PermissionDenied):     # same exception classes on both
                bound(Role.ADMIN).members.search("dupont")

    `transport.name` is "local" or "remote"; `transport.login(login, password)` logs in any
    account (e.g. one a test created); `transport.open_session(role)` binds without the
    password check (fast: for tests whose subject is not the login); `transport.backend` is the in-process Backend on the
    same database (e.g. `transport.backend.resume(token)`), the `engine` fixture gives SQL
    access for assertions, and `transport.server.url` is the HTTP address when remote.
    """
    if request.param == "local":
        yield Transport("local", backend, backend, accounts)
        return
    live: LiveServer = request.getfixturevalue("server")
    client = RemoteBackend(live.url)
    try:
        yield Transport("remote", backend, client, accounts, live)
    finally:
        client.close()


@pytest.fixture
def local_transport(accounts: Accounts) -> Callable[[Backend], Transport]:
    """`local_transport(backend)`: an in-process Transport over any Backend (another engine)."""
    return lambda backend: Transport("local", backend, backend, accounts)


@pytest.fixture
def bound(transport: Transport) -> Callable[[Role], BoundBackend]:
    """`bound(role)`: the facade logged in as the test account of `role`, over `transport`."""
    return transport.bound


@dataclass
class AuditLog:
    """Reads the audit trail of the test's database: `mark()` now, `since(mark)` what followed."""

    engine: Engine

    def mark(self) -> int:
        with session_scope(self.engine, readonly=True) as s:
            return int(s.scalar(select(func.coalesce(func.max(AuditEvent.id), 0))) or 0)

    def since(self, mark: int = 0) -> list[AuditEvent]:
        with session_scope(self.engine, readonly=True) as s:
            query = select(AuditEvent).where(AuditEvent.id > mark).order_by(AuditEvent.id)
            return list(s.scalars(query))


@pytest.fixture
def audit_log(engine: Engine) -> AuditLog:
    return AuditLog(engine)
