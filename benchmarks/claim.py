"""Mail "Next" under load: agents claim-and-close until the queue is empty, vs a raw SQL loop.

    python benchmarks/run.py claim --db postgresql://postgres@127.0.0.1:5432/postgres \
        --workers 8 --messages 10000

Two fresh copies of one seeded database on the server (or two SQLite files): on the first,
`--workers` processes each log in as their own agent and loop `mail.claim_next()` +
`mail.reply(..., close=True)` through the facade; on the second, the same number of
processes run the same writes per message with hand-written SQL (psycopg, SKIP LOCKED; or
sqlite3 with BEGIN IMMEDIATE): claim + audit row, then outbound message + close + audit row.
Prints one JSON line; `duplicates` counts threads claimed more than once (must be 0).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from advisor_desk.backend import migrate
from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import Backend
from advisor_desk.backend.orm import Advisor, MailMessage, MailThread, Member
from advisor_desk.backend.security import hash_password
from advisor_desk.domain.enums import (
    MailState,
    MailTheme,
    MessageDirection,
    Role,
    Sex,
)
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.sla import first_response_due
from advisor_desk.domain.text import name_key

PASSWORD = "Bench-password-2026"
MEMBERS = 50
BATCH = 2000


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="run.py claim", description=__doc__.splitlines()[0])
    p.add_argument("--db", default=None, help="PostgreSQL server URL, or sqlite (default)")
    p.add_argument("--workers", type=int, default=8)
    p.add_argument("--messages", type=int, default=10_000)
    p.add_argument("--keep", action="store_true", help="keep the two databases")
    return p.parse_args(argv)


# -- databases ---------------------------------------------------------------------------------


class Databases:
    """Two fresh copies of one seeded database: `app` and `raw`."""

    def __init__(self, db: str | None) -> None:
        self.kind = "postgresql" if db and db.startswith("postgres") else "sqlite"
        self.tag = f"claim_bench_{uuid.uuid4().hex[:8]}"
        self.tmp: Path | None = None
        if self.kind == "postgresql":
            assert db is not None
            self.server = make_url(db).set(drivername="postgresql+psycopg")
            self.app = self._pg_create(f"{self.tag}_app")
            self.raw = ""
        else:
            self.tmp = Path(tempfile.mkdtemp(prefix="claim_bench_"))
            self.app = f"sqlite:///{self.tmp / 'app.db'}"
            self.raw = f"sqlite:///{self.tmp / 'raw.db'}"

    def _admin(self) -> Any:
        return create_engine(self.server, isolation_level="AUTOCOMMIT")

    def _pg_create(self, name: str, template: str | None = None) -> str:
        admin = self._admin()
        with admin.connect() as conn:
            tpl = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{tpl}'))
        admin.dispose()
        return self.server.set(database=name).render_as_string(hide_password=False)

    def copy(self) -> None:
        """The raw loop's database: a copy of the seeded one, before anyone claims."""
        if self.kind == "postgresql":
            self.raw = self._pg_create(f"{self.tag}_raw", template=f"{self.tag}_app")
        else:
            shutil.copyfile(_sqlite_path(self.app), _sqlite_path(self.raw))

    def drop(self) -> None:
        if self.kind == "postgresql":
            admin = self._admin()
            with admin.connect() as conn:
                for suffix in ("app", "raw"):
                    conn.execute(
                        text(f'DROP DATABASE IF EXISTS "{self.tag}_{suffix}" WITH (FORCE)')
                    )
            admin.dispose()
        elif self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)


def _sqlite_path(url: str) -> str:
    return make_url(url).database or ""


def _seed(url: str, workers: int, messages: int) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    digest = hash_password(PASSWORD)
    now = datetime.now(UTC)
    themes = list(MailTheme)
    with session_scope(engine) as s:
        for i in range(workers):
            s.add(
                Advisor(
                    login=f"bench{i}",
                    full_name=f"Agent de test {i}",
                    role=Role.BACKOFFICE,
                    password_hash=digest,
                    active=True,
                    failed_attempts=0,
                )
            )
        member_ids = []
        for i in range(MEMBERS):
            last = f"Banc{i}"
            member = Member(
                nir=make_nir(Sex.FEMALE, date(1980, 1 + i % 12, 1), "69", "383", 1 + i).full,
                last_name=last,
                birth_name=last,
                first_names="Claire",
                name_key=name_key(last),
                first_name_key="claire",
                birth_name_key=name_key(last),
                sex=Sex.FEMALE,
                birth_date=date(1980, 1 + i % 12, 1),
                birth_place="Lyon",
                fund_code="691",
            )
            s.add(member)
            s.flush()
            member_ids.append(member.id)
    for start in range(0, messages, BATCH):
        with session_scope(engine) as s:
            threads = []
            for i in range(start, min(messages, start + BATCH)):
                at = now - timedelta(minutes=3 * i)
                theme = themes[i % len(themes)]
                threads.append(
                    {
                        "id": i + 1,
                        "member_id": member_ids[i % MEMBERS],
                        "subject": f"Demande {i}",
                        "theme": theme,
                        "state": MailState.NEW,
                        "escalated": False,
                        "created_at": at,
                        "last_message_at": at,
                        "sla_due_at": first_response_due(at, theme),
                        "version": 1,
                    }
                )
            s.execute(insert(MailThread), threads)
            s.execute(
                insert(MailMessage),
                [
                    {
                        "thread_id": t["id"],
                        "at": t["created_at"],
                        "direction": MessageDirection.INBOUND,
                        "body": "Bonjour, j'ai une question sur mon dossier.",
                    }
                    for t in threads
                ],
            )
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT setval('mail_threads_id_seq', :n)"), {"n": messages})
            conn.execute(text("ANALYZE"))
    engine.dispose()


# -- the two loops -----------------------------------------------------------------------------


def _app_worker(url: str, login: str, barrier: Any, out: Any) -> None:
    engine = make_engine(url, pool_size=1)
    agent = Backend(engine).login(login, PASSWORD)
    ids: list[int] = []
    barrier.wait()
    while (detail := agent.mail.claim_next()) is not None:
        ids.append(detail.id)
        agent.mail.reply(detail.id, "Votre demande est traitée.", detail.version, close=True)
    engine.dispose()
    out.put(ids)


_PG_CLAIM = """
WITH picked AS (
    SELECT id FROM mail_threads
    WHERE assigned_agent_id IS NULL AND state IN ('new', 'open') AND NOT escalated
    ORDER BY sla_due_at ASC NULLS LAST, id
    LIMIT 1 FOR UPDATE SKIP LOCKED
)
UPDATE mail_threads AS t SET assigned_agent_id = %s, state = 'open', version = t.version + 1
FROM picked WHERE t.id = picked.id
RETURNING t.id, t.member_id, t.version
"""
_AUDIT = (
    "INSERT INTO audit_events (at, advisor_id, login, action, member_id, target, outcome) "
    "VALUES ({now}, {p}, {p}, {p}, {p}, {p}, 'ok')"
)
_MESSAGE = (
    "INSERT INTO mail_messages (thread_id, at, direction, author_advisor_id, body) "
    "VALUES ({p}, {now}, 'outbound', {p}, 'Votre demande est traitée.')"
)
_CLOSE = (
    "UPDATE mail_threads SET state = 'closed', closed_at = {now}, last_message_at = {now}, "
    "first_response_at = coalesce(first_response_at, {now}), sla_due_at = NULL, "
    "version = version + 1 WHERE id = {p} AND version = {p}"
)


def _raw_pg_worker(url: str, login: str, barrier: Any, out: Any) -> None:
    import psycopg

    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    fmt = {"p": "%s", "now": "now()"}
    audit, message, close = _AUDIT.format(**fmt), _MESSAGE.format(**fmt), _CLOSE.format(**fmt)
    ids: list[int] = []
    with psycopg.connect(dsn) as conn:
        agent = conn.execute("SELECT id FROM advisors WHERE login = %s", (login,)).fetchone()
        conn.commit()
        assert agent is not None
        me = agent[0]
        barrier.wait()
        while True:
            with conn.transaction():
                row = conn.execute(_PG_CLAIM, (me,)).fetchone()
                if row is None:
                    break
                thread_id, member_id, version = row
                conn.execute(audit, (me, login, "mail.claim_next", member_id, f"mail:{thread_id}"))
            with conn.transaction():
                conn.execute(message, (thread_id, me))
                done = conn.execute(close, (thread_id, version)).rowcount
                assert done == 1
                conn.execute(audit, (me, login, "mail.reply", member_id, f"mail:{thread_id}"))
            ids.append(thread_id)
    out.put(ids)


def _raw_sqlite_worker(url: str, login: str, barrier: Any, out: Any) -> None:
    fmt = {"p": "?", "now": "?"}
    audit, message, close = _AUDIT.format(**fmt), _MESSAGE.format(**fmt), _CLOSE.format(**fmt)
    conn = sqlite3.connect(_sqlite_path(url), timeout=30, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    me = conn.execute("SELECT id FROM advisors WHERE login = ?", (login,)).fetchone()[0]
    ids: list[int] = []
    barrier.wait()
    while True:
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute(
            "SELECT id, member_id, version FROM mail_threads WHERE assigned_agent_id IS NULL "
            "AND state IN ('new', 'open') AND NOT escalated "
            "ORDER BY sla_due_at ASC NULLS LAST, id LIMIT 1"
        ).fetchone()
        if row is None:
            conn.execute("COMMIT")
            break
        thread_id, member_id, version = row
        conn.execute(
            "UPDATE mail_threads SET assigned_agent_id = ?, state = 'open', version = version + 1 "
            "WHERE id = ? AND assigned_agent_id IS NULL",
            (me, thread_id),
        )
        conn.execute(audit, (now, me, login, "mail.claim_next", member_id, f"mail:{thread_id}"))
        conn.execute("COMMIT")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(message, (thread_id, now, me))
        conn.execute(close, (now, now, now, thread_id, version + 1))
        conn.execute(audit, (now, me, login, "mail.reply", member_id, f"mail:{thread_id}"))
        conn.execute("COMMIT")
        ids.append(thread_id)
    conn.close()
    out.put(ids)


def _run(
    worker: Callable[[str, str, Any, Any], None], url: str, workers: int
) -> tuple[list[int], float]:
    """Start the workers, release them together, and time them until the queue is empty."""
    # fork: the workers are this module's functions, whatever name run.py imported it under.
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    barrier = ctx.Barrier(workers + 1)
    out = ctx.Queue()
    procs = [
        ctx.Process(target=worker, args=(url, f"bench{i}", barrier, out)) for i in range(workers)
    ]
    for p in procs:
        p.start()
    barrier.wait(timeout=120)
    start = time.perf_counter()
    ids: list[int] = []
    for _ in procs:
        ids.extend(out.get(timeout=3600))
    elapsed = time.perf_counter() - start
    for p in procs:
        p.join()
        if p.exitcode != 0:
            raise RuntimeError(f"a worker failed (exit code {p.exitcode})")
    return ids, elapsed


def _closed(url: str) -> int:
    engine = make_engine(url)
    with session_scope(engine) as s:
        n = s.scalar(
            select(func.count()).select_from(MailThread).where(MailThread.state == MailState.CLOSED)
        )
    engine.dispose()
    return int(n or 0)


def main(argv: list[str]) -> dict[str, Any]:
    args = _parse(argv)
    dbs = Databases(args.db)
    try:
        _seed(dbs.app, args.workers, args.messages)
        dbs.copy()
        ids, elapsed = _run(_app_worker, dbs.app, args.workers)
        raw_worker = _raw_pg_worker if dbs.kind == "postgresql" else _raw_sqlite_worker
        raw_ids, raw_elapsed = _run(raw_worker, dbs.raw, args.workers)
        counts, raw_counts = Counter(ids), Counter(raw_ids)
        per_s = len(ids) / elapsed if elapsed else 0.0
        raw_per_s = len(raw_ids) / raw_elapsed if raw_elapsed else 0.0
        return {
            "scenario": "claim",
            "db": dbs.kind,
            "workers": args.workers,
            "messages": args.messages,
            "claimed": len(counts),
            "duplicates": sum(n - 1 for n in counts.values()),
            "closed": _closed(dbs.app),
            "per_s": round(per_s, 1),
            "raw_claimed": len(raw_counts),
            "raw_duplicates": sum(n - 1 for n in raw_counts.values()),
            "raw_per_s": round(raw_per_s, 1),
            "ratio": round(per_s / raw_per_s, 3) if raw_per_s else 0.0,
        }
    finally:
        if not args.keep:
            dbs.drop()


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
