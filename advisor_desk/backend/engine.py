"""Engine creation for SQLite (embedded) and PostgreSQL (shared), and the one-transaction scope."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from advisor_desk.domain.errors import BackendUnavailable
from advisor_desk.paths import default_database_path

ENV_VAR = "ADVISOR_DESK_DB"
SQLITE_BUSY_TIMEOUT_S = 15
# A pooled PostgreSQL connection idle for longer than this is tested before use.
PING_AFTER_IDLE_S = 2.0


def resolve_url(cli_url: str | None = None) -> str:
    """`--db`, then $ADVISOR_DESK_DB, then the embedded file in the user data dir."""
    if cli_url:
        return cli_url
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    return f"sqlite:///{default_database_path()}"


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise BackendUnavailable(
            f"Adresse de base de données illisible : « {url} ». "
            "Exemples : sqlite:///chemin/fichier.db ou postgresql+psycopg://user@hôte:5432/base"
        ) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise BackendUnavailable(
            f"Moteur « {parsed.get_backend_name()} » non pris en charge : "
            "utilisez SQLite ou PostgreSQL."
        )
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() != "psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_setup(engine: Engine) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; take it over
    # (SQLAlchemy SQLite dialect docs, "Serializable isolation / Savepoints / Transactional DDL").
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Almost every call writes (the audit trail records reads), and a deferred transaction
        # that later upgrades to a write can fail with SQLITE_BUSY without waiting: take the
        # write lock up front, unless the caller asked for a read-only transaction.
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")


def _ping_idle_connections(engine: Engine) -> None:
    """Test a pooled connection before use only when it sat idle (SQLAlchemy's "pessimistic"
    disconnect handling, with a checkout event as its documentation shows).

    `pool_pre_ping` would test it on every checkout: a round trip (and, with psycopg, a
    transaction to end) before each transaction, although a connection in steady use has
    just shown it works. A server restarted, or a connection cut by a firewall, while the
    connection sat in the pool is what the test is for; a connection lost during a burst of
    use fails its transaction (BackendUnavailable) and SQLAlchemy empties the pool.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(_dbapi_connection: Any, record: Any) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get("returned_at", 0.0) < PING_AFTER_IDLE_S:
            return
        try:
            with closing(dbapi_connection.cursor()) as cursor:
                cursor.execute("SELECT 1")
            dbapi_connection.rollback()
        except engine.dialect.loaded_dbapi.Error as exc:
            # The pool drops this connection and hands out a new one (PoolEvents.checkout).
            raise DisconnectionError(str(exc)) from exc


def make_engine(url: str | None = None, *, pool_size: int = 5, echo: bool = False) -> Engine:
    """An engine for the given URL (see `resolve_url`); raises BackendUnavailable on a bad URL."""
    parsed = parse_url(resolve_url(url))
    try:
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            if database and database != ":memory:":
                os.makedirs(os.path.dirname(os.path.abspath(database)), exist_ok=True)
            engine = create_engine(
                parsed,
                echo=echo,
                connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
                poolclass=StaticPool if database in ("", ":memory:") else None,
            )
            _sqlite_setup(engine)
        else:
            engine = create_engine(
                parsed,
                echo=echo,
                pool_size=pool_size,
                max_overflow=pool_size,
                connect_args={"connect_timeout": 5},
            )
            _ping_idle_connections(engine)
    except NoSuchModuleError as exc:
        raise BackendUnavailable(f"Pilote de base de données absent : {exc}") from None
    return engine


def describe(engine: Engine) -> str:
    """'embarquée (chemin)' or 'partagée (hôte:port/base)', for the status bar and messages."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return f"embarquée ({url.database})"
    return f"partagée ({url.host or 'localhost'}:{url.port or 5432}/{url.database})"


_factories: dict[int, sessionmaker[Session]] = {}


@contextmanager
def session_scope(engine: Engine, *, readonly: bool = False) -> Iterator[Session]:
    """One short transaction: commit on success, roll back on any error."""
    key = id(engine)
    factory = _factories.get(key)
    if factory is None:
        factory = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
        _factories[key] = factory
    session = factory()
    # `readonly` calls still write their audit row: a DEFERRED transaction that upgrades to a
    # write fails at once with SQLITE_BUSY when another connection committed meanwhile (WAL
    # snapshot), so on SQLite every transaction takes the write lock up front. Kept as a
    # hint of intent for the callers (and for pure reads such as the migration check).
    del readonly
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
