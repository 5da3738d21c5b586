"""The backend over real HTTP: tokens, typed errors, limits, TLS, the client's failures and retries."""

from __future__ import annotations

import inspect
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import requests
from sqlalchemy import Engine, text, update

from advisor_desk.backend import remote as remote_module
from advisor_desk.backend import security
from advisor_desk.backend import server as server_module
from advisor_desk.backend.engine import is_sqlite, make_engine, session_scope
from advisor_desk.backend.facade import SERVICES, Backend
from advisor_desk.backend.orm import SessionToken
from advisor_desk.backend.orm.base import utcnow
from advisor_desk.backend.remote import RemoteBackend, RemoteBoundBackend
from advisor_desk.backend.server import MAX_BODY_BYTES, harden_engine, serve
from advisor_desk.backend.service import api_methods
from advisor_desk.backend.wire import decoder as wire_decoder
from advisor_desk.domain.enums import AuditOutcome, Role
from advisor_desk.domain.errors import (
    AdvisorDeskError,
    AuthError,
    BackendUnavailable,
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
)

if TYPE_CHECKING:  # tests/backend/conftest.py
    from conftest import Accounts, AuditLog, LiveServer, Transport

ROOT = Path(__file__).resolve().parents[2]
PG = bool(os.environ.get("ADVISOR_DESK_TEST_PG"))
# For what the HTTP layer does whatever the database: one fresh database less to drop on
# PostgreSQL, where that costs seconds.
SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _post(
    server: LiveServer, path: str, body: Any = None, token: str | None = None, **kw: Any
) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return requests.post(f"{server.url}{path}", json=body, headers=headers, timeout=10, **kw)


def _login(server: LiveServer, accounts: Accounts, role: Role) -> str:
    response = _post(
        server, "/api/login", {"login": accounts.logins[role], "password": accounts.password}
    )
    assert response.status_code == 200, response.text
    return str(response.json()["token"])


def _error(response: requests.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "field"}, body
    error: dict[str, Any] = body["error"]
    return error


# -- tokens ----------------------------------------------------------------------------------


def _revoke(engine: Engine, token: str) -> None:
    with session_scope(engine) as s:
        s.execute(
            update(SessionToken)
            .where(SessionToken.token_hash == security.token_hash(token))
            .values(revoked_at=utcnow())
        )


def _expire(engine: Engine, token: str) -> None:
    with session_scope(engine) as s:
        s.execute(
            update(SessionToken)
            .where(SessionToken.token_hash == security.token_hash(token))
            .values(last_seen_at=utcnow() - timedelta(hours=2))
        )


BAD_TOKENS = [
    ("none", "Session absente", "jeton absent"),
    ("forged", "Session inconnue", "Session inconnue"),
    ("expired", "Session expirée", "Session expirée"),
    ("revoked", "Session fermée", "Session fermée"),
]


def test_bad_tokens_are_refused_and_audited(
    server: LiveServer, accounts: Accounts, engine: Engine, audit_log: AuditLog
) -> None:
    for case, message, detail in BAD_TOKENS:
        token: str | None = None
        if case == "forged":
            token = security.new_token()
        elif case in ("expired", "revoked"):
            token = _login(server, accounts, Role.COUNTER)
            (_expire if case == "expired" else _revoke)(engine, token)
        mark = audit_log.mark()
        response = _post(server, "/api/session/me", token=token)
        assert response.status_code == 401, case
        assert response.headers["WWW-Authenticate"] == "Bearer"
        error = _error(response)
        assert error["code"] == "auth", case
        assert error["message"].startswith(message), case
        (event,) = audit_log.since(mark)
        assert (event.action, event.outcome) == ("session.me", AuditOutcome.REFUSED), case
        assert detail in (event.detail or ""), case
        if case in ("expired", "revoked"):
            assert event.login == accounts.logins[Role.COUNTER], case


@SQLITE_ONLY
def test_a_malformed_authorization_header_counts_as_none(
    server: LiveServer, audit_log: AuditLog
) -> None:
    mark = audit_log.mark()
    response = requests.post(
        f"{server.url}/api/session/me", headers={"Authorization": "Basic eDp5"}, timeout=10
    )
    assert response.status_code == 401
    assert [e.detail for e in audit_log.since(mark)] == ["jeton absent"]


def test_a_method_outside_the_role_is_forbidden(
    server: LiveServer, accounts: Accounts, audit_log: AuditLog
) -> None:
    token = _login(server, accounts, Role.COUNTER)
    mark = audit_log.mark()
    response = _post(server, "/api/admin/list_advisors", {}, token=token)
    assert response.status_code == 403
    error = _error(response)
    assert error["code"] == "permission" and "admin.accounts" in error["message"]
    (event,) = audit_log.since(mark)
    assert (event.action, event.outcome, event.login) == (
        "admin.list_advisors",
        AuditOutcome.REFUSED,
        accounts.logins[Role.COUNTER],
    )


@SQLITE_ONLY
def test_the_token_is_required_before_the_body(server: LiveServer, audit_log: AuditLog) -> None:
    # A caller without a live token learns nothing about parameters: 401 even on a bad body.
    response = _post(server, "/api/admin/set_active", {"nonsense": 1})
    assert response.status_code == 401
    response = requests.post(
        f"{server.url}/api/admin/set_active",
        data=b"{not json",
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert response.status_code == 401
    mark = audit_log.mark()
    response = _post(server, "/api/admin/set_active", {"nonsense": 1}, security.new_token())
    assert response.status_code == 401 and _error(response)["message"].startswith(
        "Session inconnue"
    )
    assert [e.detail for e in audit_log.since(mark)] == ["Session inconnue : reconnectez-vous."]


# -- typed errors ----------------------------------------------------------------------------


@pytest.fixture
def admin_token(server: LiveServer, accounts: Accounts) -> str:
    return _login(server, accounts, Role.ADMIN)


def test_not_found_and_conflict(server: LiveServer, admin_token: str) -> None:
    response = _post(
        server, "/api/admin/set_active", {"advisor_id": 999_999, "active": True}, admin_token
    )
    assert response.status_code == 404 and _error(response)["code"] == "not_found"
    new = {
        "login": "n.dupont",
        "full_name": "Nadia Dupont",
        "role": "counter",
        "office_id": None,
        "team_id": None,
        "password": "Bienvenue-2026",
    }
    first = _post(server, "/api/admin/create_advisor", new, admin_token)
    assert first.status_code == 200, first.text
    assert first.json()["login"] == "n.dupont" and first.json()["role"] == "counter"
    again = _post(server, "/api/admin/create_advisor", new, admin_token)
    assert again.status_code == 409 and _error(again)["code"] == "conflict"
    assert "n.dupont" in _error(again)["message"]


INVALID_PARAMETERS: list[tuple[dict[str, Any], str, str]] = [
    ({"advisor_id": "12", "active": True}, "advisor_id", "refusé"),
    ({"advisor_id": 1.0, "active": True}, "advisor_id", "refusé"),
    ({"advisor_id": 1}, "active", "manquant"),
    ({"advisor_id": 1, "active": True, "extra": 1}, "extra", "inconnu"),
    ({"advisor_id": 2**70, "active": True}, "advisor_id", "refusé"),  # no BIGINT holds it
]


def test_invalid_parameters_are_422_naming_the_field(server: LiveServer, admin_token: str) -> None:
    for body, field, message in INVALID_PARAMETERS:
        response = _post(server, "/api/admin/set_active", body, admin_token)
        assert response.status_code == 422, body
        error = _error(response)
        assert (error["code"], error["field"]) == ("validation", field), body
        assert message in error["message"], body


@SQLITE_ONLY
def test_malformed_bodies_are_422(server: LiveServer, admin_token: str) -> None:
    body = {"login": "a.b", "full_name": "A B", "role": "nobody", "office_id": None}
    body |= {"team_id": None, "password": "Bienvenue-2026"}
    response = _post(server, "/api/admin/create_advisor", body, admin_token)
    assert response.status_code == 422 and _error(response)["field"] == "role"
    response = requests.post(
        f"{server.url}/api/admin/set_active",
        data=b"{not json",
        headers={"Authorization": f"Bearer {admin_token}", "Content-Type": "application/json"},
        timeout=10,
    )
    assert response.status_code == 422 and "JSON" in _error(response)["message"]
    assert _error(response)["field"] is None


DEEP = b"[" * 100_000 + b"]" * 100_000  # under the size limit, deeper than any parser's stack
NESTED = b"[" * 500 + b"]" * 500
# (path, body, content type, field, words of the message): what no client of ours sends.
MALFORMED_BODIES: list[tuple[str, bytes, str | None, str | None, str]] = [
    ("admin/audit_trail", b"", "application/json", None, "manquant"),
    ("admin/audit_trail", b"[]", "application/json", None, "objet JSON attendu"),
    ("admin/audit_trail", b"null", "application/json", None, "objet JSON attendu"),
    ("admin/audit_trail", b'{"limit": 3}', "text/plain", None, "Content-Type"),
    ("admin/audit_trail", b'{"limit": 3}', None, None, "Content-Type"),
    ("admin/audit_trail", b'{"limit": NaN}', "application/json", None, "illisible"),
    ("admin/audit_trail", b'{"limit": 1e400}', "application/json", None, "illisible"),
    ("admin/audit_trail", b'{"login": "\xff"}', "application/json", None, "illisible"),
    ("admin/audit_trail", b'{"limit": ' + DEEP + b"}", "application/json", None, "illisible"),
    ("admin/audit_trail", b'{"login": "a\\u0000b"}', "application/json", "login", "interdit"),
    ("admin/audit_trail", b'{"login": "\\ud800"}', "application/json", "login", "interdit"),
    ("admin/audit_trail", b'{"login": ' + NESTED + b"}", "application/json", "login", "refusé"),
    ("admin/audit_trail", b'{"limit": true}', "application/json", "limit", "entier attendu"),
    (
        "declarations/batch_transition",
        b'{"declaration_ids": [1, "2"], "to_state": "closed", "comment": null}',
        "application/json",
        "declaration_ids[1]",
        "entier attendu",
    ),
    (
        "declarations/batch_transition",
        b'{"declaration_ids": [1, 9223372036854775808], "to_state": "x", "comment": null}',
        "application/json",
        "declaration_ids[1]",
        "64 bits",
    ),
    (
        "reimbursements/page",
        b'{"member_id": 1, "filter": {"bogus": 1}, "cursor": null, "limit": 10}',
        "application/json",
        "filter",
        "champ inconnu",
    ),
]


@SQLITE_ONLY
def test_bodies_are_decoded_strictly(server: LiveServer, admin_token: str) -> None:
    # Decoded by the server itself (not by the model of /openapi.json): as strict, never a 500.
    for path, body, content_type, field, words in MALFORMED_BODIES:
        headers = {"Authorization": f"Bearer {admin_token}"}
        if content_type is not None:
            headers["Content-Type"] = content_type
        response = requests.post(f"{server.url}/api/{path}", data=body, headers=headers, timeout=10)
        case = (path, body[:60])
        assert response.status_code == 422, case
        error = _error(response)
        assert (error["code"], error["field"]) == ("validation", field), case
        assert words in error["message"], case
    # A method without parameters reads no body, as before.
    response = requests.post(
        f"{server.url}/api/admin/list_offices",
        data=b"{not json",
        headers={"Authorization": f"Bearer {admin_token}"},
        timeout=10,
    )
    assert response.status_code == 200


def test_business_validation_keeps_its_field_over_the_client(transport: Transport) -> None:
    admin = transport.open_session(Role.ADMIN)
    with pytest.raises(ValidationError) as info:
        admin.admin.create_advisor("X y", "Nom Complet", Role.COUNTER, None, None, "Bienvenue-2026")
    assert info.value.field == "login"
    with pytest.raises(NotFound):
        admin.admin.set_active(999_999, True)
    admin.admin.create_advisor(
        "n.dupont", "Nadia Dupont", Role.COUNTER, None, None, "Bienvenue-2026"
    )
    with pytest.raises(ConflictError):
        admin.admin.create_advisor(
            "n.dupont", "Nadia Dupont", Role.COUNTER, None, None, "Bienvenue-2026"
        )


@SQLITE_ONLY
def test_unknown_route_and_method(server: LiveServer) -> None:
    response = _post(server, "/api/admin/drop_everything", {})
    assert response.status_code == 404 and _error(response)["code"] == "not_found"
    response = requests.get(f"{server.url}/api/session/me", timeout=10)
    assert response.status_code == 405 and _error(response)["code"] == "error"


@SQLITE_ONLY
def test_request_size_limit(server: LiveServer, admin_token: str) -> None:
    big = {"member_id": None, "login": "x" * (MAX_BODY_BYTES + 10), "limit": 1}
    response = _post(server, "/api/admin/audit_trail", big, admin_token)
    assert response.status_code == 413
    assert _error(response)["code"] == "validation"

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must still hold
        yield b'{"login": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    response = requests.post(
        f"{server.url}/api/admin/audit_trail",
        data=chunks(),
        headers={"Authorization": f"Bearer {admin_token}", "Content-Type": "application/json"},
        timeout=10,
    )
    assert response.status_code == 413


@SQLITE_ONLY
def test_internal_errors_say_nothing_and_are_logged(
    server: LiveServer,
    admin_token: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from advisor_desk.backend.admin import AdminService

    def broken(self: AdminService) -> Any:
        raise RuntimeError("secret: password=hunter2 at /srv/advisor_desk/admin.py")

    # The route looks the method up on each call: replacing the class attribute reaches it.
    monkeypatch.setattr(AdminService, "list_offices", broken)
    with caplog.at_level("ERROR", logger="advisor_desk.backend.server"):
        response = _post(server, "/api/admin/list_offices", {}, admin_token)
    assert response.status_code == 500
    error = _error(response)
    assert error["code"] == "error" and "Erreur interne" in error["message"]
    assert "hunter2" not in response.text and "Traceback" not in response.text
    assert "RuntimeError" not in response.text
    incident = error["message"].split("incident ")[1].split(")")[0]
    assert any(incident in r.getMessage() and r.exc_info for r in caplog.records)


@SQLITE_ONLY
def test_responses_are_not_cacheable(server: LiveServer, admin_token: str) -> None:
    response = _post(server, "/api/admin/list_offices", {}, admin_token)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Server-Timing"].startswith("app;dur=")
    assert "server" not in {k.lower() for k in response.headers}


# -- the OpenAPI description -----------------------------------------------------------------


@SQLITE_ONLY
def test_the_router_still_serves_what_the_dispatch_leaves(
    backend: Backend,
    accounts: Accounts,
    audit_log: AuditLog,
    spare_server: Callable[..., LiveServer],
) -> None:
    # Under a root path (uvicorn --root-path, behind a proxy) facade calls go through
    # FastAPI's router, not FacadeDispatchMiddleware: the same answers and typed errors.
    rooted = spare_server(root_path="/desk")
    rooted.use(backend)
    bound = RemoteBackend(rooted.url).login(accounts.logins[Role.COUNTER], accounts.password)
    assert bound.session.me().login == accounts.logins[Role.COUNTER]
    assert bound.token is not None
    mark = audit_log.mark()
    with pytest.raises(PermissionDenied):
        bound.admin.list_advisors()
    assert [e.action for e in audit_log.since(mark)] == ["admin.list_advisors"]
    response = _post(rooted, "/api/session/me", token=bound.token)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    response = requests.post(
        f"{rooted.url}/api/admin/set_active",
        data=b"{not json",
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert response.status_code == 401 and _error(response)["code"] == "auth"
    response = _post(rooted, "/api/admin/set_active", {"nonsense": 1}, bound.token)
    assert response.status_code == 422 and _error(response)["field"] == "advisor_id"


@SQLITE_ONLY
def test_openapi_documents_every_method(server: LiveServer) -> None:
    spec = requests.get(f"{server.url}/openapi.json", timeout=10).json()
    expected = {f"/api/{s}/{m}" for s, cls in SERVICES.items() for m in api_methods(cls)}
    assert expected <= set(spec["paths"])
    create = spec["paths"]["/api/admin/create_advisor"]["post"]
    assert create["operationId"] == "admin.create_advisor"
    assert create["security"] == [{"HTTPBearer": []}]
    body_ref = create["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    body = spec["components"]["schemas"][body_ref.rsplit("/", 1)[1]]
    assert set(body["required"]) == {
        "login",
        "full_name",
        "role",
        "office_id",
        "team_id",
        "password",
    }
    assert create["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/AdvisorAccount"
    )
    assert {"401", "403", "422", "503"} <= set(create["responses"])
    trail = spec["components"]["schemas"]["AuditRow"]["properties"]["at"]
    assert trail["format"] == "date-time"


# -- statelessness: several servers side by side ----------------------------------------------


def test_servers_share_nothing_but_the_database(
    server: LiveServer,
    backend: Backend,
    accounts: Accounts,
    spare_server: Callable[..., LiveServer],
) -> None:
    other = spare_server()
    other.use(backend)
    a = RemoteBackend(server.url).login(accounts.logins[Role.COUNTER], accounts.password)
    assert a.token is not None
    b = RemoteBackend(other.url).resume(a.token)  # the token opened on A works on B
    assert b.session.me() == a.advisor
    b.session.logout()  # and a logout on B is seen by A at once
    with pytest.raises(AuthError, match="fermée"):
        a.session.me()


# -- the client's side of failures -----------------------------------------------------------


class FakeServer:
    """A TCP listener answering every connection with `reply` (None: close it at once)."""

    def __init__(self, reply: bytes | None, delay: float = 0.0) -> None:
        self.reply = reply
        self.delay = delay
        self.connections = 0
        self.received: list[bytes] = []  # the first read of each connection
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            with conn:
                if self.reply is None:
                    continue
                conn.settimeout(2)
                try:
                    self.received.append(conn.recv(65536))
                    time.sleep(self.delay)
                    conn.sendall(self.reply)
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()


@pytest.fixture
def fake() -> Iterator[type[FakeServer]]:
    made: list[FakeServer] = []

    class Made(FakeServer):
        def __init__(self, reply: bytes | None, delay: float = 0.0) -> None:
            super().__init__(reply, delay)
            made.append(self)

    yield Made
    for server in made:
        server.close()


def _offline_bound(client: RemoteBackend) -> RemoteBoundBackend:
    return RemoteBoundBackend(client, None, "token")  # proxies only: no call made yet


def test_unreachable_server() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there any more
    client = RemoteBackend(f"http://127.0.0.1:{port}", timeout=(1, 1))
    with pytest.raises(BackendUnavailable, match="Serveur injoignable") as info:
        client.login("t_counter", "x")
    assert "connexion refusée" in info.value.message


def test_reads_are_retried_writes_never(
    fake: type[FakeServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remote_module, "RETRY_BACKOFF_S", 0.01)
    dropping = fake(None)
    bound = _offline_bound(RemoteBackend(dropping.url, timeout=(1, 2)))
    with pytest.raises(BackendUnavailable, match="Serveur injoignable"):
        bound.session.me()  # readonly
    assert dropping.connections == 1 + remote_module.READ_RETRIES
    before = dropping.connections
    with pytest.raises(BackendUnavailable):
        bound.session.logout()  # a write: the server may have done it, never resent
    assert dropping.connections == before + 1


def test_a_slow_server_times_out(fake: type[FakeServer]) -> None:
    slow = fake(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnull", delay=2)
    bound = _offline_bound(RemoteBackend(slow.url, timeout=(1, 0.3)))
    with pytest.raises(BackendUnavailable, match="n'a pas répondu"):
        bound.session.logout()


@pytest.mark.parametrize(
    ("reply", "error", "message"),
    [
        (b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 3\r\n\r\nbad", BackendUnavailable, "502"),
        (b"HTTP/1.1 418 I'm a teapot\r\nContent-Length: 2\r\n\r\nno", AdvisorDeskError, "418"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n{oops", BackendUnavailable, "illisible"),
        (b'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"abc"', BackendUnavailable, "illisible"),
    ],
)
def test_answers_that_are_not_ours(
    fake: type[FakeServer], reply: bytes, error: type[Exception], message: str
) -> None:
    server = fake(reply)
    bound = _offline_bound(RemoteBackend(server.url, timeout=(1, 2)))
    with pytest.raises(error, match=message):
        bound.session.me()  # expects an AdvisorInfo: "abc" does not decode


def test_unknown_error_codes_become_the_base_class(fake: type[FakeServer]) -> None:
    body = json.dumps({"error": {"code": "martian", "message": "Hé", "field": None}}).encode()
    reply = b"HTTP/1.1 400 Bad Request\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
    bound = _offline_bound(RemoteBackend(fake(reply).url))
    with pytest.raises(AdvisorDeskError) as info:
        bound.session.me()
    assert type(info.value) is AdvisorDeskError and info.value.message == "Hé"


def test_a_request_is_written_in_one_piece() -> None:
    # Headers and body in one write: the server wakes up once per call, not twice.
    class Socket:
        def __init__(self) -> None:
            self.writes: list[bytes] = []

        def sendall(self, data: bytes) -> None:
            self.writes.append(bytes(data))

        def settimeout(self, _timeout: float | None) -> None:
            pass

    def connected(cls: type[remote_module._HTTPConnection]) -> Any:
        connection = cls("127.0.0.1", 1)
        connection.sock = Socket()  # type: ignore[assignment]
        return connection

    body = b'{"query":"dupont"}'
    for cls in (remote_module._HTTPConnection, remote_module._HTTPSConnection):
        connection = connected(cls)
        headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
        connection.request("POST", "/api/members/search", body=body, headers=headers)
        (write,) = connection.sock.writes
        assert write.startswith(b"POST /api/members/search HTTP/1.1\r\n")
        assert write.endswith(b"\r\nContent-Length: 18\r\n\r\n" + body)
        # Without a length the body is urllib3's to frame (chunks), as before.
        connection = connected(cls)
        connection.request("POST", "/api/x", body=[body], headers={}, chunked=True)
        assert connection.sock.writes[-1] == b"0\r\n\r\n"
        assert len(connection.sock.writes) == 3


def test_proxies_of_the_environment_are_used(
    fake: type[FakeServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = fake(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nnull")
    for name in ("http_proxy", "HTTP_PROXY"):
        monkeypatch.setenv(name, proxy.url)
    for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    client = RemoteBackend("http://advisor-desk.invalid:8765", timeout=(1, 2))
    bound = _offline_bound(client)
    for _ in range(2):  # the second call through what the adapter kept from the first
        assert bound.session.logout() is None
    assert len(proxy.received) == 2
    for request in proxy.received:
        # An HTTP proxy is sent the absolute URL (urllib3's own connections, in two writes).
        assert request.startswith(b"POST http://advisor-desk.invalid:8765/api/session/logout ")
        assert b"\r\nAuthorization: Bearer token\r\n" in request


def test_a_closed_client_connects_again(server: LiveServer, accounts: Accounts) -> None:
    client = RemoteBackend(server.url)
    bound = client.login(accounts.logins[Role.COUNTER], accounts.password)
    client.close()  # forgets its pools: the next call opens a new connection
    assert bound.session.me().login == accounts.logins[Role.COUNTER]
    # A pool closed behind the adapter's back (urllib3 evicting it) is not reused either.
    adapter = client._http.get_adapter(server.url)
    assert isinstance(adapter, requests.adapters.HTTPAdapter)
    adapter.poolmanager.clear()
    assert bound.session.me().login == accounts.logins[Role.COUNTER]


def test_describe_and_bad_addresses() -> None:
    assert (
        RemoteBackend("https://srv.cpam.local").describe() == "serveur https://srv.cpam.local:443"
    )
    assert RemoteBackend("srv:8765").describe() == "serveur https://srv:8765"
    assert RemoteBackend("http://[::1]:8765/").describe() == "serveur http://[::1]:8765"
    assert RemoteBackend("http://127.0.0.1:1").embedded is False
    with pytest.raises(BackendUnavailable, match="illisible"):
        RemoteBackend("ftp://srv")


def test_proxies_have_the_real_signatures() -> None:
    bound = _offline_bound(RemoteBackend("http://127.0.0.1:1"))
    assert isinstance(bound, RemoteBoundBackend)
    for service, cls in SERVICES.items():
        proxy = bound.service(service)
        for name, fn in api_methods(cls).items():
            real = inspect.signature(fn)
            mine = inspect.signature(getattr(proxy, name))
            assert list(mine.parameters.values()) == list(real.parameters.values())[1:], name
            assert mine.return_annotation == real.return_annotation
        assert sorted(n for n in vars(proxy) if not n.startswith("_")) == sorted(api_methods(cls))
    with pytest.raises(TypeError):
        bound.admin.set_active(1)  # type: ignore[call-arg]  # a wrong call fails before sending


# -- TLS -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@SQLITE_ONLY
def test_tls_with_a_private_authority(
    certificate: tuple[Path, Path],
    server: LiveServer,
    backend: Backend,
    accounts: Accounts,
    spare_server: Callable[..., LiveServer],
) -> None:
    cert, key = certificate
    tls = spare_server(ssl_certfile=str(cert), ssl_keyfile=str(key))
    tls.use(backend)
    url = tls.url.replace("http://", "https://")
    login = accounts.logins[Role.COUNTER]
    bound = RemoteBackend(url, ca_bundle=str(cert)).login(login, accounts.password)
    assert bound.session.me().login == login
    with pytest.raises(BackendUnavailable, match="certificat non reconnu"):
        RemoteBackend(url).login(login, accounts.password)  # the system's authorities only
    plain = server.url.replace("http://", "https://")  # HTTPS to a plain HTTP server
    with pytest.raises(BackendUnavailable, match="ne parle pas HTTPS"):
        RemoteBackend(plain, ca_bundle=str(cert)).login(login, accounts.password)


# -- the real command ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("db_url", "workers", "access_log"),
    [("sqlite", 1, False), ("sqlite", 2, True), *([("postgresql", 1, False)] if PG else [])],
    indirect=["db_url"],
)
def test_serve_command(db_url: str, accounts: Accounts, workers: int, access_log: bool) -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "advisor_desk",
            "serve",
            "--db",
            db_url,
            "--port",
            str(port),
            "--workers",
            str(workers),
            *(["--access-log"] if access_log else []),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{url}/api/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        bound = RemoteBackend(url).login(accounts.logins[Role.ADMIN], accounts.password)
        assert [o.code for o in bound.admin.list_offices()] == ["T01"]
    finally:
        proc.send_signal(signal.SIGTERM)
        output = proc.communicate(timeout=30)[0]
    # uvicorn stops gracefully on SIGTERM, then exits by that signal, as a service should.
    assert proc.returncode in (0, -signal.SIGTERM), output
    assert "advisor-desk" in output and "Traceback" not in output
    # One line per request with --access-log; otherwise the audit trail is the only record.
    assert ('"POST /api/admin/list_offices HTTP/1.1" 200' in output) is access_log, output


def test_serve_refuses_a_key_without_certificate() -> None:
    with pytest.raises(AdvisorDeskError, match="--certfile"):
        serve("sqlite:///unused.db", keyfile="key.pem")


# -- PostgreSQL limits -----------------------------------------------------------------------


def test_statement_timeout_on_postgresql(db_url: str) -> None:
    engine = make_engine(db_url)
    if is_sqlite(engine):
        pytest.skip("PostgreSQL only")
    harden_engine(engine)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "15s"
            assert conn.execute(text("SHOW idle_in_transaction_session_timeout")).scalar() == "1min"
    finally:
        engine.dispose()


# -- the JSON of the responses ----------------------------------------------------------------


def _response(content: bytes, status: int = 200) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = content
    return response


def test_responses_are_utf8_and_what_orjson_refuses_goes_through_the_standard_encoder() -> None:
    assert server_module._dumps({"ville": "Évreux", "n": 2**63 - 1}) == (
        '{"ville":"Évreux","n":9223372036854775807}'.encode()
    )
    # A lone surrogate, an integer over 64 bits: the standard encoder, ASCII, exact.
    assert server_module._dumps({"a": "\ud800", "n": 2**70}) == (
        b'{"a":"\\ud800","n":1180591620717411303424}'
    )
    # Only JSON's types get here (the codecs made them): anything else fails, as it did.
    with pytest.raises(TypeError):
        server_module._dumps({"on": date(2026, 11, 27)})


def test_the_client_reads_exactly_what_orjson_would_round() -> None:
    decode = wire_decoder(dict[str, int])
    # orjson reads an integer over 64 bits as a float; the standard parser keeps it exact.
    assert remote_module._result(_response(b'{"n":1180591620717411303424}'), decode) == {"n": 2**70}
    assert remote_module._result(_response('{"n":3}'.encode("utf-16")), decode) == {"n": 3}
    assert remote_module._result(_response('{"é":1}'.encode()), decode) == {"é": 1}
    for content in (b'{"n":"3"}', b"<html>proxy</html>", b'{"n":1.5}'):
        with pytest.raises(BackendUnavailable, match="illisible"):
            remote_module._result(_response(content), decode)
