"""Engine selection, the messages for bad database URLs, and the pool's connection test."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from advisor_desk.backend import engine as engine_module
from advisor_desk.backend.engine import make_engine, resolve_url, session_scope
from advisor_desk.backend.service import AdvisorInfo, Context
from advisor_desk.domain.enums import Role
from advisor_desk.domain.errors import BackendUnavailable


def test_url_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ADVISOR_DESK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ADVISOR_DESK_DB", raising=False)
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'advisor_desk.db'}"
    monkeypatch.setenv("ADVISOR_DESK_DB", "sqlite:///env.db")
    assert resolve_url(None) == "sqlite:///env.db"
    assert resolve_url("sqlite:///cli.db") == "sqlite:///cli.db"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("pas une url", "illisible"),
        ("mysql://root@localhost/x", "non pris en charge"),
    ],
)
def test_bad_urls(url: str, message: str) -> None:
    with pytest.raises(BackendUnavailable, match=message):
        make_engine(url)


def test_sqlite_pragmas_and_explicit_begin(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    with session_scope(engine) as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))
        s.execute(text("INSERT INTO t VALUES (1)"))
    with pytest.raises(RuntimeError), session_scope(engine) as s:
        s.execute(text("INSERT INTO t VALUES (2)"))
        raise RuntimeError("rollback")
    with session_scope(engine, readonly=True) as s:
        assert s.execute(text("SELECT count(*) FROM t")).scalar_one() == 1
    engine.dispose()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["db", "upgrade", "--db", "nope://x"], "non pris en charge"),
        (
            ["db", "upgrade", "--db", "postgresql+psycopg://postgres@127.0.0.1:1/x"],
            "injoignable",
        ),
    ],
)
def test_cli_gives_one_clear_line(args: list[str], message: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "advisor_desk", *args], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def _terminate_backend_of(engine: Engine) -> int:
    """Have PostgreSQL close the pooled connection (as a restart would); returns its pid."""
    with engine.connect() as conn:
        pid = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
    admin = create_engine(engine.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
            for _ in range(100):  # the backend exits asynchronously
                gone = not conn.execute(
                    text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
                ).scalar()
                if gone:
                    break
                time.sleep(0.05)
    finally:
        admin.dispose()
    return pid


def _pid(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _postgresql_engine(url: str) -> Engine:
    if not url.startswith("postgresql"):
        pytest.skip("the pool's connection test is PostgreSQL's (SQLite has no server)")
    return make_engine(url, pool_size=1)


def test_an_idle_pooled_connection_is_tested_and_replaced(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _postgresql_engine(empty_db_url)
    try:
        old = _terminate_backend_of(engine)
        monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_S", 0.0)  # every checkout is "idle"
        assert _pid(engine) != old  # no error: the test found it dead, the pool reconnected
    finally:
        engine.dispose()


def test_a_connection_in_steady_use_is_not_tested_first(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _postgresql_engine(empty_db_url)
    try:
        _terminate_backend_of(engine)
        monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_S", 3600.0)
        ctx = Context(engine, AdvisorInfo(1, "t", "T", Role.ADMIN, None, None, None, None), None)
        # No round trip before the transaction: the lost connection shows in it, as "try again".
        with pytest.raises(BackendUnavailable, match="perdue"), ctx.tx() as s:
            s.execute(text("SELECT 1"))
        with ctx.tx() as s:  # and SQLAlchemy has emptied the pool: the next one works
            assert s.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        engine.dispose()
