"""Opening the backend at start-up (in a worker thread): engine, schema, demo data, or server."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from advisor_desk.domain.enums import Role
from advisor_desk.domain.errors import AdvisorDeskError, BackendUnavailable

from .ops import OpControl

if TYPE_CHECKING:
    from advisor_desk.backend.facade import BoundBackend

DB_ENV_VAR = "ADVISOR_DESK_DB"  # advisor_desk.backend.engine.ENV_VAR, without importing it
DEMO_MEMBERS = 5000
DEMO_SEED = 1
SEED_BATCH = 500


class UnboundBackend(Protocol):
    """What the app needs before login: the in-process Backend and RemoteBackend both fit."""

    def login(self, login: str, password: str) -> BoundBackend: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class Target:
    """Where the backend is: a server, a database URL, or (both None) the embedded database."""

    database_url: str | None = None
    server_url: str | None = None
    ca_bundle: str | None = None

    @property
    def embedded_default(self) -> bool:
        return not self.database_url and not self.server_url


def resolve_target(
    cli_db: str | None,
    cli_server: str | None,
    ca_bundle: str | None,
    settings_db: str,
    settings_server: str,
) -> Target:
    """--server/--db first, then $ADVISOR_DESK_DB, then the settings dialog, then embedded."""
    if cli_server:
        return Target(server_url=cli_server, ca_bundle=ca_bundle)
    if cli_db:
        return Target(database_url=cli_db)
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Target(database_url=env)
    if settings_server:
        return Target(server_url=settings_server, ca_bundle=ca_bundle)
    if settings_db:
        return Target(database_url=settings_db)
    return Target()


def open_remote(server_url: str, ca_bundle: str | None) -> UnboundBackend:
    from advisor_desk.backend.remote import RemoteBackend

    backend: UnboundBackend = RemoteBackend(server_url, ca_bundle=ca_bundle)
    return backend


def open_database(
    url: str | None,
    control: OpControl,
    *,
    seed_demo: bool,
    resume_seed: bool = False,
    on_seed_state: Callable[[bool], None] | None = None,
    members: int = DEMO_MEMBERS,
) -> UnboundBackend:
    """Engine, schema check (upgrade when behind), and demo data on a database created now.

    `resume_seed`: a demo seed started at a previous start was interrupted, complete it;
    `on_seed_state(True/False)` is called when a seed starts and when it has finished.
    """
    control.progress(0, None, QCoreApplication.translate("bootstrap", "Opening the database…"))
    from advisor_desk.backend import migrate
    from advisor_desk.backend.engine import make_engine
    from advisor_desk.backend.facade import Backend

    engine = make_engine(url)
    if migrate.schema_is_current(engine):
        current: str | None = "head"
        fresh = False
    else:
        current = migrate.current_revision(engine)
        fresh = current is None
    if fresh or (current != "head" and current != migrate.head_revision()):
        control.progress(
            0, None, QCoreApplication.translate("bootstrap", "Updating the database schema…")
        )
        migrate.upgrade(engine)
    if seed_demo and (fresh or resume_seed):
        if on_seed_state is not None:
            on_seed_state(True)
        seed_demo_data(engine, control, members, fresh=fresh)
        if on_seed_state is not None:
            on_seed_state(False)
    return Backend(engine)


def seed_demo_data(engine: object, control: OpControl, members: int, *, fresh: bool) -> None:
    """The seeder's resumable demo data, with progress after each committed batch."""
    from advisor_desk.backend.seed import seed_database

    label = QCoreApplication.translate(
        "bootstrap", "Creating the demo data ({members} members)…"
    ).format(members=members)
    control.progress(0, members, label)
    done = 0

    def after_batch(_batch: int) -> None:
        nonlocal done
        done = min(members, done + SEED_BATCH)
        control.progress(done, members, label)  # raises OpCancelled: the seed stops cleanly

    seed_database(
        engine,  # type: ignore[arg-type]
        members=members,
        seed=DEMO_SEED,
        # Small batches for a progress bar that moves; a resumed run keeps its own size.
        batch_size=SEED_BATCH if fresh else None,
        after_batch=after_batch,
        # No child process: forking a process that runs Qt threads is not safe.
        workers=0,
    )
    control.progress(members, members, label)


def demo_accounts() -> tuple[str, list[str]]:
    """(password, one login per role) of the demo database."""
    from advisor_desk.backend.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

    logins: list[str] = []
    roles: set[Role] = set()
    for account in DEMO_ACCOUNTS:
        if account.role not in roles:
            roles.add(account.role)
            logins.append(account.login)
    return DEMO_PASSWORD, logins


def connection_probe(unbound: UnboundBackend, bound: BoundBackend) -> Callable[[], object]:
    """A cheap call that reaches the database or the server, for the retry after a failure."""
    token = bound.token
    if not callable(getattr(unbound, "resume", None)) or token is None:
        return bound.session.me

    def probe() -> object:
        # In process, session.me() answers from memory: resuming the token reads the database.
        try:
            unbound.resume(token)  # type: ignore[attr-defined]
        except BackendUnavailable:
            raise
        except AdvisorDeskError:
            return None  # it answered (an expired token, say): the connection is back
        except Exception as exc:
            raise BackendUnavailable(str(exc).splitlines()[0] if str(exc) else "") from exc
        return None

    return probe
