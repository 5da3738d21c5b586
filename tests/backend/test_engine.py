"""Engine selection and the messages for bad database URLs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from advisor_desk.backend.engine import make_engine, resolve_url, session_scope
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
