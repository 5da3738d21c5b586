"""Schemathesis against /openapi.json of a live server: no input, valid or not, makes a 5xx."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from sqlalchemy import select, update

from advisor_desk.backend import security
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import SERVICES, Backend
from advisor_desk.backend.orm import Advisor, SessionToken
from advisor_desk.backend.service import api_info, api_methods
from advisor_desk.domain.enums import Role
from advisor_desk.domain.permissions import permissions_of

if TYPE_CHECKING:  # tests/backend/conftest.py
    from conftest import Accounts, LiveServer

# Bounded so that the whole run stays well under a minute per database.
POSITIVE_EXAMPLES = 6
NEGATIVE_EXAMPLES = 3


def _role_for(operation_id: str) -> Role | None:
    """A role allowed to call the operation, so that generated calls reach the method body."""
    service, _, method = operation_id.partition(".")
    cls = SERVICES.get(service)
    if cls is None or method not in api_methods(cls):
        return None  # login, health: no token
    info = api_info(api_methods(cls)[method])
    assert info is not None
    return next(r for r in Role if info.permission in permissions_of(r))


class Tokens:
    """A fresh token per generated call: a fuzzed logout or password change must not starve the rest."""

    def __init__(self, backend: Backend, accounts: Accounts) -> None:
        self.backend = backend
        with session_scope(backend.engine, readonly=True) as s:
            self.ids = {
                role: s.scalar(select(Advisor.id).where(Advisor.login == login))
                for role, login in accounts.logins.items()
            }

    def header(self, role: Role | None) -> dict[str, str]:
        if role is None:
            return {}
        token = security.new_token()
        with session_scope(self.backend.engine) as s:
            # Fuzzed admin calls may have deactivated or locked the test accounts: undo it.
            s.execute(update(Advisor).values(active=True, locked_until=None, failed_attempts=0))
            s.add(
                SessionToken(
                    token_hash=security.token_hash(token),
                    advisor_id=self.ids[role],
                    idle_timeout_s=self.backend.idle_timeout_s,
                )
            )
        return {"Authorization": f"Bearer {token}"}


def _send(server: LiveServer, tokens: Tokens, role: Role | None) -> Callable[[Any], None]:
    def send(case: Any) -> None:
        response = case.call(base_url=server.url, headers=tokens.header(role), timeout=30)
        case.validate_response(response, checks=[not_a_server_error])
        if response.status_code >= 400:
            # Every refusal is one of ours: typed, in French, never a stack trace.
            body = response.json()
            assert set(body) == {"error"}, body
            assert "Traceback" not in response.text

    return send


def _run(strategy: Any, examples: int, send: Callable[[Any], None]) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,  # the same cases on every run: a CI failure reproduces
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        send(case)

    run()


def test_no_input_makes_a_server_error(
    server: LiveServer, backend: Backend, accounts: Accounts
) -> None:
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    tokens = Tokens(backend, accounts)
    checked: list[str] = []
    failures: list[str] = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result
        operation = result.ok()
        operation_id = str(operation.definition.raw.get("operationId", operation.label))
        send = _send(server, tokens, _role_for(operation_id))
        for mode, examples in (
            (schemathesis.GenerationMode.POSITIVE, POSITIVE_EXAMPLES),
            (schemathesis.GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES),
        ):
            try:
                _run(operation.as_strategy(generation_mode=mode), examples, send)
            except Unsatisfiable:
                assert mode is schemathesis.GenerationMode.NEGATIVE  # nothing to get wrong
            except (Exception, BaseExceptionGroup) as exc:  # one report for every operation
                failures.append(f"{operation_id} ({mode.value}): {exc}")
        checked.append(operation_id)
    assert failures == [], "\n\n".join(failures)
    assert "admin.create_advisor" in checked and "login" in checked


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # the same on any database
def test_the_description_is_valid_openapi(server: LiveServer) -> None:
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    operations = [r.ok() for r in schema.get_all_operations() if isinstance(r, Ok)]
    assert len(operations) >= sum(len(api_methods(c)) for c in SERVICES.values()) + 2
