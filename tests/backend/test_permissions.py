"""The permission matrix: every public method × every role, in-process and over HTTP."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import types
import typing
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from advisor_desk.backend.engine import is_sqlite, make_engine
from advisor_desk.backend.facade import SERVICES, Backend
from advisor_desk.backend.pgroles import create_server_role
from advisor_desk.backend.service import api_info, api_methods
from advisor_desk.domain.enums import AuditOutcome, Role
from advisor_desk.domain.errors import (
    AuthError,
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from advisor_desk.domain.permissions import permissions_of

if TYPE_CHECKING:  # tests/backend/conftest.py (fixtures `transport` and `audit_log`)
    from conftest import AuditLog, Transport

# What an allowed call may still raise with dummy arguments: it got past the permission check.
ALLOWED_OUTCOMES = (ValidationError, NotFound, ConflictError, AuthError)

METHODS = [
    (service, name, fn)
    for service, cls in SERVICES.items()
    for name, fn in sorted(api_methods(cls).items())
]


def dummy(hint: Any) -> Any:
    """A plausible value of `hint`, built from the type alone."""
    while typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    simple: dict[Any, Any] = {
        bool: True,
        int: 1,
        float: 1.0,
        str: "x",
        bytes: b"%PDF-1.7\n",
        date: date(2026, 1, 15),
        datetime: datetime(2026, 1, 15, 9, 0, tzinfo=UTC),
        time: time(9, 0),
        type(None): None,
    }
    if hint in simple:
        return simple[hint]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return next(iter(hint))
    if origin is Literal:
        return args[0]
    if origin in (typing.Union, types.UnionType):
        return dummy(next(a for a in args if a is not type(None)))
    if origin is list:
        return [dummy(args[0])]
    if origin is frozenset:
        return frozenset({dummy(args[0])})
    if origin is tuple:
        return (dummy(args[0]),) if args[-1] is Ellipsis else tuple(dummy(a) for a in args)
    if origin is dict:
        return {dummy(args[0]): dummy(args[1])}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return hint(**{f.name: dummy(hints[f.name]) for f in dataclasses.fields(hint) if f.init})
    raise TypeError(f"no dummy value for {hint!r}")


def dummy_arguments(fn: Callable[..., Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(fn)
    return {
        p.name: dummy(hints[p.name])
        for p in list(inspect.signature(fn).parameters.values())[1:]
        if p.default is inspect.Parameter.empty
    }


@contextmanager
def body_probe(fn: Callable[..., Any]) -> Iterator[list[str]]:
    """Records entries into the body of an `api` method (the function the decorator wraps).

    The wrapper calls the body through its closure: swapping the cell's content observes
    exactly "the permission check let it through", in this process and in the test server's
    threads alike.
    """
    original = fn.__wrapped__  # type: ignore[attr-defined]
    cell = next(c for c in fn.__closure__ or () if c.cell_contents is original)
    reached: list[str] = []

    @functools.wraps(original)
    def probe(*args: Any, **kwargs: Any) -> Any:
        reached.append(fn.__name__)
        return original(*args, **kwargs)

    cell.cell_contents = probe
    try:
        yield reached
    finally:
        cell.cell_contents = original


def test_every_method_is_open_to_some_role() -> None:
    for service, name, fn in METHODS:
        info = api_info(fn)
        assert info is not None
        for permission in info.permissions:  # each alternative opens the method to someone
            assert any(permission in permissions_of(role) for role in Role), f"{service}.{name}"


def test_permission_matrix(transport: Transport, audit_log: AuditLog) -> None:
    """Every public method of every service, as every role, on one database per transport.

    One database for the whole matrix: on PostgreSQL each extra database costs seconds to
    drop, and the checks do not depend on one another (a side effect of an allowed call can
    only turn another allowed call into a domain error, which the check accepts).
    """
    failures = []
    for service, method, fn in METHODS:
        for role in Role:
            try:
                check_one(transport, audit_log, service, method, fn, role)
            except AssertionError as exc:  # report every cell that fails, not just the first
                failures.append(str(exc).splitlines()[0])
    assert not failures, f"{len(failures)} failing cells:\n" + "\n".join(failures)


def test_permission_matrix_as_the_servers_database_role(
    engine: Engine,
    db_url: str,
    local_transport: Callable[[Backend], Transport],
    audit_log: AuditLog,
) -> None:
    """The matrix again, on an engine logged in as `advisor-desk db roles`' role (PostgreSQL).

    Proves the least-privileged role has every right some method needs: a missing one would
    surface here as a database error instead of the method's normal outcome.
    """
    if is_sqlite(engine):
        pytest.skip("PostgreSQL only (set ADVISOR_DESK_TEST_PG)")
    role_name = f"adtest_srv_{uuid.uuid4().hex[:8]}"
    create_server_role(engine, role_name, "Serveur-2026-pg")
    limited = make_engine(str(make_url(db_url).set(username=role_name, password="Serveur-2026-pg")))
    try:
        transport = local_transport(Backend(limited))
        failures = []
        for service, method, fn in METHODS:
            for role in Role:
                try:
                    check_one(transport, audit_log, service, method, fn, role)
                except AssertionError as exc:
                    failures.append(str(exc).splitlines()[0])
        assert not failures, f"{len(failures)} failing cells:\n" + "\n".join(failures)
    finally:
        limited.dispose()
        with engine.connect() as conn:
            conn.execute(text(f'DROP OWNED BY "{role_name}"'))
            conn.execute(text(f'DROP ROLE "{role_name}"'))
            conn.commit()


def check_one(
    transport: Transport,
    audit_log: AuditLog,
    service: str,
    method: str,
    fn: Callable[..., Any],
    role: Role,
) -> None:
    info = api_info(fn)
    assert info is not None
    allowed = info.allows(permissions_of(role))
    where = f"{service}.{method} as {role.value} ({'allowed' if allowed else 'refused'})"
    bound = transport.open_session(role)
    call = getattr(getattr(bound, service), method)
    kwargs = dummy_arguments(fn)
    mark = audit_log.mark()
    with body_probe(fn) as reached:
        if allowed:
            try:
                call(**kwargs)
            except ALLOWED_OUTCOMES:
                pass  # refused by the method itself, on dummy values
            except Exception as exc:
                raise AssertionError(f"{where}: {type(exc).__name__}: {exc}") from exc
            assert reached == [method], f"{where}: an allowed call must reach the method body"
        else:
            try:
                call(**kwargs)
            except PermissionDenied as exc:
                assert all(p.value in exc.message for p in info.permissions), where
            except Exception as exc:
                raise AssertionError(f"{where}: {type(exc).__name__}: {exc}") from exc
            else:
                raise AssertionError(f"{where}: no PermissionDenied")
            assert reached == [], f"{where}: a refused call must never reach the method body"
    denials = [
        e
        for e in audit_log.since(mark)
        if e.outcome is AuditOutcome.REFUSED and (e.detail or "").startswith("permission")
    ]
    if allowed:
        assert denials == [], where
        return
    assert len(denials) == 1, f"{where}: one audit row for the refusal, got {denials}"
    event = denials[0]
    assert event.login == bound.advisor.login, where
    assert event.advisor_id == bound.advisor.id, where
    assert event.action.endswith(f".{method}"), where
    assert all(p.value in (event.detail or "") for p in info.permissions), where
    if "member_id" in kwargs:
        assert event.member_id == kwargs["member_id"], where
