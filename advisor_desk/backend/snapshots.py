"""Several read-only transactions that see one snapshot of the database, run side by side.

A long read made of independent queries (the supervision dashboard) can spread them over
connections on PostgreSQL: the calling transaction exports its snapshot
(`pg_export_snapshot()`) and each helper connection opens a REPEATABLE READ, READ ONLY
transaction on that very snapshot (`SET TRANSACTION SNAPSHOT`), so every figure comes from
the same state of the data, as if read by one transaction. On SQLite (one writer, in-process)
the work simply runs in the calling transaction, in turn.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

T = TypeVar("T")

# Two helpers per process: the dashboard's reads are CPU-bound on the database server, and
# more of them at once would only queue there. Queued work waits for a free helper.
_HELPERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="snapshot-reader")
# Callers that may spread their reads at once: each holds its own connection and waits for
# the helpers' two, so a few of them cannot take the whole connection pool. The others read
# in their own transaction, in turn, as on SQLite.
_SPREADERS = threading.BoundedSemaphore(2)
_SNAPSHOT_ID = re.compile(r"[0-9A-F]+-[0-9A-F]+(-[0-9]+)?")
WORK_MEM = "64MB"


def read_in_snapshot(engine: Engine, snapshot: str, work: Callable[[Session], T]) -> T:
    """`work(session)` in a new read-only transaction on an exported PostgreSQL snapshot."""
    if not _SNAPSHOT_ID.fullmatch(snapshot):
        raise ValueError(f"not a snapshot identifier: {snapshot!r}")
    with engine.connect() as conn:
        conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            # First statement of the transaction, as PostgreSQL requires; the identifier was
            # checked above (it cannot be a bound parameter).
            conn.exec_driver_sql(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            conn.exec_driver_sql(f"SET LOCAL work_mem = '{WORK_MEM}'")
            with Session(bind=conn) as session:
                return work(session)


class SharedSnapshot:
    """Run `submit()`-ted reads beside the calling transaction, on its snapshot.

    Use it before the session has run any statement: on PostgreSQL, entering switches the
    transaction to REPEATABLE READ (its own queries then keep the exported snapshot too).
    Leaving waits for every submitted read, so that none outlives the transaction.
    """

    def __init__(self, session: Session, engine: Engine) -> None:
        self._session = session
        self._engine = engine
        self._snapshot: str | None = None
        self._spreading = False
        self._pending: list[Future[object]] = []

    def __enter__(self) -> SharedSnapshot:
        if self._session.get_bind().dialect.name == "postgresql":
            s = self._session
            s.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
            s.execute(text(f"SET LOCAL work_mem = '{WORK_MEM}'"))
            self._spreading = _SPREADERS.acquire(blocking=False)
            if self._spreading:
                try:
                    exported = s.execute(text("SELECT pg_export_snapshot()")).scalar_one()
                except BaseException:
                    self._spreading = False
                    _SPREADERS.release()
                    raise
                self._snapshot = str(exported)
        return self

    def submit(self, work: Callable[[Session], T]) -> Future[T]:
        if self._snapshot is None:
            done: Future[T] = Future()
            try:
                done.set_result(work(self._session))
            except BaseException as exc:
                done.set_exception(exc)
            return done
        later = _HELPERS.submit(read_in_snapshot, self._engine, self._snapshot, work)
        self._pending.append(later)  # type: ignore[arg-type]
        return later

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            for later in self._pending:
                if not later.cancel():
                    later.exception()  # wait; its error, if any, is the caller's to read
        finally:
            if self._spreading:
                _SPREADERS.release()
