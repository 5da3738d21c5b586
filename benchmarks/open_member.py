"""Opening a member's file: identity and rights, ALD, sick leaves, against the same SQL raw.

    python benchmarks/run.py open_member --db URL --members N [--opens Q] [--seed S]

For Q random members, the three backend calls a counter advisor makes first (the identity
tab with the header, then the ALD and the sick-leave tabs: three transactions, three audit
rows) are timed together through the in-process facade (`p50_ms`, `p95_ms`); the statements
they sent are replayed on a DBAPI connection of the same engine (`raw_p95_ms`), and
`ratio_p95` = p95 / raw p95. The database is seeded like the search benchmark's.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import Member
from benchmarks.search import (
    Capture,
    bench_login,
    default_url,
    p,
    prepare,
    random_ids,
    replay,
    timed,
)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="run.py open_member", description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a SQLite file in the temp folder)")
    parser.add_argument("--members", type=int, default=100_000, help="members seeded if empty")
    parser.add_argument("--opens", type=int, default=300)
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args(argv)


def main(argv: list[str]) -> dict[str, Any]:
    args = _parse(argv)
    engine = prepare(args.db or default_url(args.members), args.members, args.seed)
    with session_scope(engine, readonly=True) as s:
        members = s.scalar(select(func.count()).select_from(Member)) or 0
    bound = bench_login(engine)
    ids = random_ids(engine, args.opens, random.Random(args.seed))
    capture = Capture(engine)

    def open_file(member_id: int) -> None:
        bound.members.identity(member_id)
        bound.members.alds(member_id)
        bound.members.leaves(member_id)

    for member_id in ids[:30]:  # warm-up
        open_file(member_id)
    app_ms: list[float] = []
    recorded: list[list[tuple[str, Any]]] = []
    for member_id in ids:
        with capture.recording() as statements:
            elapsed, _ = timed(lambda member_id=member_id: open_file(member_id))
        app_ms.append(elapsed)
        recorded.append(list(statements))
    raw = engine.raw_connection()
    raw_ms: list[float] = []
    try:
        for statements in recorded:
            raw_ms.append(sum(replay(raw, part) for part in _transactions(statements)))
    finally:
        raw.close()
    engine.dispose()
    return {
        "scenario": "open_member",
        "engine": engine.dialect.name,
        "members": members,
        "opens": len(ids),
        "p50_ms": p(app_ms, 0.5),
        "p95_ms": p(app_ms, 0.95),
        "raw_p95_ms": p(raw_ms, 0.95),
        "ratio_p95": round(p(app_ms, 0.95) / max(p(raw_ms, 0.95), 0.001), 2),
        "statements_max": max(len(s) for s in recorded),
    }


def _transactions(statements: list[tuple[str, Any]]) -> list[list[tuple[str, Any]]]:
    """The statements of the three calls, one list per transaction (each ends with its audit)."""
    parts: list[list[tuple[str, Any]]] = [[]]
    for statement, params in statements:
        parts[-1].append((statement, params))
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_EVENTS"):
            parts.append([])
    return [part for part in parts if part]
