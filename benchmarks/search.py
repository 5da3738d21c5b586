"""Member lookup: the facade's search, the same SQL replayed raw, and the Accueil screen.

    python benchmarks/run.py search --db URL --members N [--queries Q] [--seed S]

The database is seeded with `seed_database` when it has no member (default: a SQLite file in
the temporary folder, reused by later runs). Q queries of every kind the counter types (full
NIR with spaces, start of a NIR, last name, name + first name, name + birth date, capitals
without accents, a typo, a dependent) are drawn from random members, then:

- `p50_ms`/`p95_ms`: `backend.members.search` through the in-process facade (one short
  transaction with its audit row, as the application does);
- `raw_p95_ms`: the very statements the facade sent (captured at the DBAPI cursor), replayed
  on a DBAPI connection of the same engine, transaction and audit insert included: the
  physical limit; `ratio_p95` = p95 / raw p95;
- `ui_p95_ms`: the text set in the search field of an offscreen AccueilScreen, from the end
  of the typing pause (the 150 ms debounce is by design and not counted) to the rows in the
  model, through the ops runner's worker thread.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from advisor_desk.backend import migrate
from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import Backend, BoundBackend
from advisor_desk.backend.orm import Advisor, Dependent, Member
from advisor_desk.backend.security import hash_password
from advisor_desk.domain.enums import Role

BENCH_LOGIN = "bench_counter"
BENCH_PASSWORD = "Bench-password-2026"
KINDS = (
    "nir",
    "nir_prefix",
    "name",
    "name_first",
    "name_birth",
    "caps",
    "typo",
    "dependent",
)


# -- shared by the member benchmarks ----------------------------------------------------------


def default_url(members: int) -> str:
    return f"sqlite:///{Path(tempfile.gettempdir()) / f'advisor_desk_bench_{members}.db'}"


def prepare(url: str, members: int, seed: int) -> Engine:
    """The engine on a migrated database holding members (seeded here if it has none)."""
    engine = make_engine(url)
    migrate.upgrade(engine)
    with session_scope(engine, readonly=True) as s:
        count = s.scalar(select(func.count()).select_from(Member)) or 0
    if count == 0:
        from advisor_desk.backend.seed import seed_database

        print(f"seeding {members} members into {engine.url!r}…", file=sys.stderr, flush=True)
        seed_database(engine, members=members, seed=seed, progress=sys.stderr.isatty())
    return engine


def bench_login(engine: Engine) -> BoundBackend:
    """A counter advisor of our own, created on first use."""
    with session_scope(engine) as s:
        if s.scalar(select(Advisor.id).where(Advisor.login == BENCH_LOGIN)) is None:
            s.add(
                Advisor(
                    login=BENCH_LOGIN,
                    full_name="Banc d'essai",
                    role=Role.COUNTER,
                    password_hash=hash_password(BENCH_PASSWORD),
                    active=True,
                    failed_attempts=0,
                )
            )
    return Backend(engine).login(BENCH_LOGIN, BENCH_PASSWORD)


class Capture:
    """The DBAPI statements an engine sends, to replay them raw."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.statements: list[tuple[str, Any]] = []
        self.on = False
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
        if self.on:
            self.statements.append((statement, params))

    @contextmanager
    def recording(self) -> Iterator[list[tuple[str, Any]]]:
        self.statements = []
        self.on = True
        try:
            yield self.statements
        finally:
            self.on = False


def replay(raw: Any, statements: list[tuple[str, Any]]) -> float:
    """Run the statements on a DBAPI connection, fetching every row, then commit; in ms."""
    cursor = raw.cursor()
    start = time.perf_counter()
    for statement, params in statements:
        cursor.execute(statement, params)
        if cursor.description is not None:
            cursor.fetchall()
    raw.commit()
    elapsed = (time.perf_counter() - start) * 1000
    cursor.close()
    return elapsed


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2)


def random_ids(engine: Engine, n: int, rng: random.Random, model: Any = Member) -> list[int]:
    """n existing ids drawn at random (by id range: ids may have gaps)."""
    with session_scope(engine, readonly=True) as s:
        low, high = s.execute(select(func.min(model.id), func.max(model.id))).one()
        ids: list[int] = []
        while len(ids) < n and low is not None:
            wanted = [rng.randint(low, high) for _ in range(n - len(ids))]
            ids += list(s.scalars(select(model.id).where(model.id.in_(wanted))))
        return ids[:n]


# -- the search queries -----------------------------------------------------------------------


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word + word[-1]
    i = rng.randrange(2, len(word) - 1)
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]  # fmt: skip


def _first(first_names: str) -> str:
    return first_names.replace(",", " ").split()[0]


def make_queries(engine: Engine, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, text) pairs, the kinds in turn, from random members and dependents."""
    member_ids = random_ids(engine, n, rng)
    dependent_ids = random_ids(engine, max(1, n // len(KINDS) + 1), rng, Dependent)
    with session_scope(engine, readonly=True) as s:
        members = {
            m.id: m
            for m in s.execute(
                select(Member.id, Member.nir, Member.last_name, Member.first_names,
                       Member.birth_date).where(Member.id.in_(member_ids))
            )
        }  # fmt: skip
        dependents = list(
            s.execute(
                select(Dependent.last_name, Dependent.first_names).where(
                    Dependent.id.in_(dependent_ids)
                )
            )
        )
    queries = []
    for i, member_id in enumerate(member_ids):
        m = members[member_id]
        kind = KINDS[i % len(KINDS)]
        nir = m.nir
        born: date = m.birth_date
        text = {
            "nir": f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}",
            "nir_prefix": nir[:7],
            "name": m.last_name,
            "name_first": f"{m.last_name} {_first(m.first_names)}",
            "name_birth": f"{m.last_name} {born:%d/%m/%Y}",
            "caps": f"{m.last_name.upper()} {_first(m.first_names).upper()}",
            "typo": f"{_typo(m.last_name.lower(), rng)} {_first(m.first_names).lower()}",
            "dependent": "",
        }[kind]
        if kind == "dependent":
            d = dependents[i // len(KINDS) % len(dependents)]
            text = f"{d.last_name} {_first(d.first_names)}"
        queries.append((kind, text))
    return queries


def ui_times(bound: BoundBackend, queries: list[tuple[str, str]]) -> list[float]:
    """Text in the search field → rows in the model, on an offscreen AccueilScreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from advisor_desk.ui.context import AppContext
    from advisor_desk.ui.ops import OpRunner
    from advisor_desk.ui.screens.accueil import AccueilScreen
    from advisor_desk.ui.settings import Settings

    qapp = QApplication.instance() or QApplication([])
    tmp = tempfile.mkdtemp(prefix="search_bench_")
    ops = OpRunner()
    settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
    screen = AccueilScreen(AppContext(bound, ops, settings, database="bench"))
    screen.resize(1280, 760)
    screen.show()
    # An event loop's own processEvents: PySide6 6.12's static QCoreApplication.processEvents()
    # drops a reference to None on each call, and a few thousand calls abort the interpreter.
    loop = QEventLoop()
    wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    times = []
    for _kind, text in queries:
        screen.search.edit.setText(text)
        start = time.perf_counter()
        screen.search.query_changed.emit(text)  # what the end of the typing pause does
        while screen._shown_text != text and not screen.search.message.is_error:
            loop.processEvents(wait)
            if time.perf_counter() - start > 30:
                raise RuntimeError(f"no result for {text!r} in 30 s")
        times.append((time.perf_counter() - start) * 1000)
        screen.member_done()
    ops.shutdown()
    screen.close()
    assert qapp is not None  # kept alive until here
    return times


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="run.py search", description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a SQLite file in the temp folder)")
    parser.add_argument("--members", type=int, default=100_000, help="members seeded if empty")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-ui", action="store_true", help="skip the screen measurement")
    return parser.parse_args(argv)


def main(argv: list[str]) -> dict[str, Any]:
    args = _parse(argv)
    engine = prepare(args.db or default_url(args.members), args.members, args.seed)
    with session_scope(engine, readonly=True) as s:
        members = s.scalar(select(func.count()).select_from(Member)) or 0
    bound = bench_login(engine)
    rng = random.Random(args.seed)
    queries = make_queries(engine, args.queries, rng)
    capture = Capture(engine)
    # Warm-up: caches, prepared statements, the pages of the indexes.
    for _kind, text in queries[: min(len(queries), 40)]:
        bound.members.search(text)

    app_ms: list[float] = []
    raw_ms: list[float] = []
    by_kind: dict[str, list[float]] = {}
    recorded: list[list[tuple[str, Any]]] = []
    for kind, text in queries:
        with capture.recording() as statements:
            elapsed, _result = timed(lambda text=text: bound.members.search(text))
        app_ms.append(elapsed)
        by_kind.setdefault(kind, []).append(elapsed)
        recorded.append(list(statements))
    raw = engine.raw_connection()
    try:
        for statements in recorded:
            raw_ms.append(replay(raw, statements))
    finally:
        raw.close()
    result: dict[str, Any] = {
        "scenario": "search",
        "engine": engine.dialect.name,
        "members": members,
        "queries": len(queries),
        "p50_ms": p(app_ms, 0.5),
        "p95_ms": p(app_ms, 0.95),
        "raw_p95_ms": p(raw_ms, 0.95),
        "ratio_p95": round(p(app_ms, 0.95) / max(p(raw_ms, 0.95), 0.001), 2),
        "p95_by_kind_ms": {k: p(v, 0.95) for k, v in by_kind.items()},
        "statements_max": max(len(s) for s in recorded),
    }
    if not args.no_ui:
        ui = ui_times(bound, queries[: min(len(queries), 200)])
        result["ui_p50_ms"] = p(ui, 0.5)
        result["ui_p95_ms"] = p(ui, 0.95)
    result["mean_ms"] = round(statistics.fmean(app_ms), 2)
    engine.dispose()
    return result
