"""Every statement of the lookup and the member file is planned on an index: no table scan.

The statements are captured at the DBAPI cursor while the facade searches and reads files,
then explained on the same database: SQLite's EXPLAIN QUERY PLAN must show no `SCAN <table>`
(a full pass, over the table or a whole index); PostgreSQL, with sequential scans disabled so
that its choice on small test tables reflects what it can do at scale, must show no `Seq Scan`
and no index scan without an index condition.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event

from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import Base
from advisor_desk.domain.enums import Role
from tests.models.member_samples import add_samples

TABLES = set(Base.metadata.tables)


def _capture(engine: Engine, actions: Callable[[], None]) -> list[tuple[str, Any]]:
    statements: list[tuple[str, Any]] = []

    def record(_c: Any, _cur: Any, statement: str, params: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, params))

    event.listen(engine, "before_cursor_execute", record)
    try:
        actions()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    unique: dict[str, Any] = {}
    for statement, params in statements:
        unique.setdefault(statement, params)
    return list(unique.items())


def _sqlite_scans(cursor: Any, statement: str, params: Any) -> list[str]:
    cursor.execute("EXPLAIN QUERY PLAN " + statement, params)
    details = [row[3] for row in cursor.fetchall()]
    return [d for d in details if (m := re.match(r"SCAN (\w+)", d)) and m.group(1) in TABLES]


def _pg_scans(cursor: Any, statement: str, params: Any) -> list[str]:
    cursor.execute("EXPLAIN (FORMAT JSON) " + statement, params)
    raw = cursor.fetchone()[0]
    plan = raw if isinstance(raw, list) else json.loads(raw)
    bad: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        kind, table = node.get("Node Type", ""), node.get("Relation Name")
        if table in TABLES:
            if kind == "Seq Scan":
                bad.append(f"Seq Scan on {table}")
            elif kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node:
                bad.append(f"{kind} on {table} without an index condition")
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    return bad


def test_lookup_and_file_use_indexes(engine: Engine, login: Callable[[Role], BoundBackend]) -> None:
    samples = add_samples(engine, martins=30)
    backend = login(Role.COUNTER)
    anne = samples.ids["anne"]

    def actions() -> None:
        m = backend.members
        for text in (
            samples.nirs["anne"],  # NIR
            samples.nirs["lucas"],  # a dependent's NIR
            samples.nirs["anne"][:7],  # start of a NIR
            "lefevre",  # name alone, with dependents
            "martin",  # a common name, cut at the limit
            "martin anne",  # birth name
            "dupont jean",  # name and first name
            "jean dupont",  # first name typed first
            "le gall yann",  # compound name
            "dupont 23/11/1979",  # with a birth date
            "dupomt 23/11/1979",  # typo with a birth date
            "lefevbre anne",  # typo: close names
            "dupont jaen",  # typo in the first name
            "zzyzx",  # nothing close
        ):
            m.search(text)
        m.identity(anne)
        m.alds(anne)
        m.leaves(anne)
        m.declarations(anne)

    statements = _capture(engine, actions)
    assert len(statements) >= 15
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        if engine.dialect.name == "postgresql":
            cursor.execute("SET enable_seqscan = off")
            scans = {s[:120]: _pg_scans(cursor, s, p) for s, p in statements}
        else:
            scans = {s[:120]: _sqlite_scans(cursor, s, p) for s, p in statements}
        raw.rollback()
    finally:
        raw.close()
    assert {s: found for s, found in scans.items() if found} == {}
