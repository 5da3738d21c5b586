"""Bulk row writers on the raw DBAPI connection: COPY on PostgreSQL, executemany on SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine

Row = tuple[Any, ...]


class BulkWriter:
    """Writes prebuilt tuples (ints, strs, bools, floats, None) in one explicit transaction.

    Dates are ISO text; datetimes are text in the form the ORM's UtcDateTime reads back
    (`ts_suffix` tells the generator how to end them). Never used for ORM objects: at
    20 million rows, per-object overhead is the whole budget.
    """

    ts_suffix = ""

    def __init__(self, engine: Engine) -> None:
        self._fairy = engine.raw_connection()
        self.dbapi: Any = self._fairy.driver_connection

    def begin(self) -> None:
        raise NotImplementedError

    def write(self, table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        raise NotImplementedError

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self.dbapi.cursor()
        try:
            cur.execute(sql, params)
            return list(cur.fetchall()) if cur.description else []
        finally:
            cur.close()

    def commit(self) -> None:
        self.dbapi.commit()

    def rollback(self) -> None:
        self.dbapi.rollback()

    def close(self) -> None:
        self._fairy.close()


class SqliteWriter(BulkWriter):
    # SQLAlchemy's SQLite DATETIME storage format, naive UTC: '2026-01-31 09:30:00.000000'.
    ts_suffix = ".000000"

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        cur = self.dbapi.cursor()
        # A bigger page cache keeps the reimbursements indexes in memory during the seed.
        cur.execute("PRAGMA cache_size=-262144")
        cur.close()

    def begin(self) -> None:
        # The engine's connect hook switched pysqlite to manual transactions.
        self.dbapi.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.dbapi.execute("COMMIT")

    def rollback(self) -> None:
        if self.dbapi.in_transaction:
            self.dbapi.execute("ROLLBACK")

    def write(self, table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        if not rows:
            return
        cols = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        self.dbapi.executemany(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', rows)

    def attach(self, path: str) -> None:
        # ATTACH is refused inside a transaction: before begin().
        self.dbapi.execute("ATTACH DATABASE ? AS seed_batch", (path,))

    def detach(self) -> None:
        self.dbapi.execute("DETACH DATABASE seed_batch")

    def copy_attached(self, table: str, columns: Sequence[str]) -> None:
        cols = ", ".join(f'"{c}"' for c in columns)
        self.dbapi.execute(
            f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM seed_batch."{table}"'
        )

    def close(self) -> None:
        cur = self.dbapi.cursor()
        cur.execute("PRAGMA cache_size=-2000")
        cur.close()
        super().close()


class PostgresWriter(BulkWriter):
    # timestamptz text input: explicit UTC offset, whatever the session's TimeZone.
    ts_suffix = "+00"

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        # Foreign keys are checked by one trigger call per row and key: at 20 million rows
        # that is more than half of the server's work. The generator builds consistent
        # batches (the SQLite tests run with the checks on), so skip the triggers as
        # pg_restore --disable-triggers does; this needs a superuser, else keep them.
        self.triggers_disabled = False
        try:
            self.execute("SET session_replication_role = replica")
            self.dbapi.commit()
            self.triggers_disabled = True
        except Exception:
            self.dbapi.rollback()

    def close(self) -> None:
        # The connection goes back to the pool: it must check foreign keys again.
        if self.triggers_disabled:
            try:
                self.dbapi.rollback()
                self.execute("RESET session_replication_role")
                self.dbapi.commit()
            except Exception:
                self._fairy.invalidate()
        super().close()

    def begin(self) -> None:
        # psycopg opens the transaction implicitly on the first statement.
        pass

    def write(self, table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        if not rows:
            return
        cols = ", ".join(f'"{c}"' for c in columns)
        with (
            self.dbapi.cursor() as cur,
            cur.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy,
        ):
            write_row = copy.write_row
            for row in rows:
                write_row(row)


def make_writer(engine: Engine) -> BulkWriter:
    if engine.dialect.name == "sqlite":
        return SqliteWriter(engine)
    return PostgresWriter(engine)


def write_scratch_file(
    path: str, tables: Sequence[tuple[str, Sequence[str], Sequence[Row]]]
) -> None:
    """A throw-away SQLite file with one plain table per batch table (no keys, no journal)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("BEGIN")
        for table, columns, rows in tables:
            cols = ", ".join(f'"{c}"' for c in columns)
            conn.execute(f'CREATE TABLE "{table}" ({cols})')
            marks = ", ".join("?" * len(columns))
            conn.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
        conn.execute("COMMIT")
    finally:
        conn.close()
