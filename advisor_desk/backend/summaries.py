"""The dashboard's summary tables and the triggers that keep them, on both engines.

The supervision dashboard counts a period's arrivals, closures and answers within the deadline,
its appointments, and the open threads and requests. At a million threads, reading those rows takes most of its
time; the database keeps the counts instead (`orm/summaries.py`), in the same transaction as
the change:

- `mail_flow_hours`: per UTC hour, team and office, the threads that arrived (and of those, the
  ones first answered within / after their deadline) and the ones closed;
- `mail_open_days`: per UTC day of arrival, theme, team and office, the open threads;
- `declaration_open_counts`: per kind, state, office and estimated date, the open requests;
- `appointment_hours`: per UTC hour of the start and office, the appointments booked (not
  cancelled), seen and not come, and the waits of those seen after arriving.

A row's contribution is removed with its old values and added with its new ones. PostgreSQL:
inserts and deletes are counted per statement (transition tables: a bulk insert costs one
grouped upsert), updates per row, and only when a counted column changes (a claim or a reply
touches nothing); each upsert takes its summary rows in key order, so two transactions cannot
lock them in opposite orders. SQLite: per row (SQLite has no statement-level triggers).

Anything that writes with the triggers disabled (the PostgreSQL bulk seeder runs with
`session_replication_role = replica`) calls `rebuild` afterwards. Migration 0009 installs what
this module generates: a change here needs a migration that runs `uninstall` then `install`.
A new database runs 0009 with the code of the day, on 0009's tables, before that migration: a
change of a summary table's columns (a stripe for the request counts, say) must therefore keep
the SQL of 0009's tables for 0009 (frozen in the migration or selected by revision).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import Connection

from advisor_desk.domain.declarations.workflow import OPEN_STATES
from advisor_desk.domain.enums import AppointmentStatus, DeclarationState, MailState

from .orm.base import sqlite_micros

# The mail and appointment summaries split each key in stripes (row id modulo STRIPES): the
# threads closed in one hour by one team all add to one count, whose row stays locked until
# each closing transaction commits; spread over stripes, up to that many commit at once.
# Reads add them up.
STRIPES = 8

# The estimated date of a request that has none (a key cannot be NULL).
NO_ESTIMATE = date(1, 1, 1)

# What counts as open, here and in the dashboard's own reads (supervision.py). Listed (IN …)
# rather than "<> 'closed'": the planner can then use the indexes led by `state`.
OPEN_MAIL_STATES = tuple(s for s in MailState if s is not MailState.CLOSED)
OPEN_DECLARATION_STATES = tuple(s for s in DeclarationState if s in OPEN_STATES)
# Appointments that hold their slot (not cancelled by the member or the office).
BOOKED_STATUSES = tuple(
    s for s in AppointmentStatus if s not in (AppointmentStatus.EXCUSED, AppointmentStatus.REVOKED)
)


def _in(column: str, values: tuple[StrEnum, ...]) -> str:
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"


@dataclass(frozen=True)
class _Dialect:
    sqlite: bool

    def hour(self, at: str) -> str:
        """The UTC hour an instant falls in, as the column type stores it."""
        if self.sqlite:  # UTC text 'YYYY-MM-DD HH:MM:SS.ffffff'
            return f"substr({at}, 1, 13) || ':00:00.000000'"
        return f"date_trunc('hour', {at}, 'UTC')"

    def day(self, at: str) -> str:
        """The UTC day an instant falls in."""
        if self.sqlite:
            return f"substr({at}, 1, 10)"
        return f"CAST(({at} AT TIME ZONE 'UTC') AS date)"

    def micros(self, later: str, earlier: str) -> str:
        """Whole microseconds from `earlier` to `later`."""
        if self.sqlite:
            return f"({sqlite_micros(later)} - {sqlite_micros(earlier)})"
        return f"CAST(round(date_part('epoch', {later} - {earlier}) * 1000000) AS bigint)"

    def stripe(self) -> str:
        """The row's stripe of its summary key (see `STRIPES`)."""
        return f"(id % {STRIPES})" if self.sqlite else f"mod(id, {STRIPES})"

    def no_estimate(self) -> str:
        return f"'{NO_ESTIMATE.isoformat()}'" if self.sqlite else f"DATE '{NO_ESTIMATE}'"


@dataclass(frozen=True)
class _Summary:
    """One summary table: its key and count columns, and the rows a source contributes."""

    table: str
    keys: tuple[str, ...]
    counts: tuple[str, ...]
    # (dialect, source, sign) -> SELECT of keys and counts, one row per contribution
    rows: Callable[[_Dialect, str, int], str]

    def _deltas(self, sources: str) -> str:
        """The net change per key of the contributions in `sources` (zero changes left out)."""
        keys = ", ".join(self.keys)
        sums = ", ".join(f"sum({c}) AS {c}" for c in self.counts)
        nonzero = " OR ".join(f"sum({c}) <> 0" for c in self.counts)
        return (
            f"SELECT {keys}, {sums} FROM ({sources}) AS d WHERE true "
            f"GROUP BY {keys} HAVING {nonzero} ORDER BY {keys}"
        )

    def _on_conflict_add(self) -> str:
        update = ", ".join(f"{c} = {self.table}.{c} + excluded.{c}" for c in self.counts)
        return f"ON CONFLICT ({', '.join(self.keys)}) DO UPDATE SET {update}"

    def upsert(self, sources: str) -> str:
        """Add contributions that are all positive (inserted rows): one statement."""
        return (
            f"INSERT INTO {self.table} ({', '.join((*self.keys, *self.counts))}) "
            f"{self._deltas(sources)} {self._on_conflict_add()}"
        )

    # Signed changes update the existing counts, so that the CHECK (count >= 0) judges the
    # result (an INSERT ... ON CONFLICT would check the negative change itself first).

    def apply_postgresql(self, sources: str) -> str:
        """PL/pgSQL: one key at a time, in key order (no two transactions wait on each other
        in opposite orders); a missing row is created."""
        match = " AND ".join(f"{k} = r.{k}" for k in self.keys)
        add = ", ".join(f"{c} = {self.table}.{c} + r.{c}" for c in self.counts)
        values = ", ".join(f"r.{c}" for c in (*self.keys, *self.counts))
        return (
            f"FOR r IN {self._deltas(sources)} LOOP\n"
            f"    UPDATE {self.table} SET {add} WHERE {match};\n"
            f"    IF NOT FOUND THEN\n"
            f"      INSERT INTO {self.table} ({', '.join((*self.keys, *self.counts))}) "
            f"VALUES ({values}) {self._on_conflict_add()};\n"
            f"    END IF;\n  END LOOP"
        )

    def apply_sqlite(self, sources: str) -> list[str]:
        """SQLite (one writer at a time): create the missing keys at zero, then add."""
        keys = ", ".join(self.keys)
        zeros = ", ".join("0" for _ in self.counts)
        add = ", ".join(f"{c} = {self.table}.{c} + d.{c}" for c in self.counts)
        match = " AND ".join(f"{self.table}.{k} = d.{k}" for k in self.keys)
        deltas = self._deltas(sources)
        return [
            f"INSERT INTO {self.table} ({keys}, {', '.join(self.counts)}) "
            f"SELECT {keys}, {zeros} FROM ({deltas}) AS d WHERE true "
            f"ON CONFLICT ({keys}) DO NOTHING",
            f"UPDATE {self.table} SET {add} FROM ({deltas}) AS d WHERE {match}",
        ]


def _mail_flow(d: _Dialect, src: str, sign: int) -> str:
    def answered(op: str) -> str:
        return f"CASE WHEN first_response_at {op} sla_due_at THEN {sign} ELSE 0 END"

    keys = (
        f"coalesce(team_id, 0) AS team_key, coalesce(office_id, 0) AS office_key, "
        f"{d.stripe()} AS stripe"
    )
    return (
        f"SELECT {d.hour('created_at')} AS hour, {keys}, {sign} AS arrivals, "
        f"{answered('<=')} AS sla_met, {answered('>')} AS sla_late, 0 AS closures FROM {src} "
        f"UNION ALL SELECT {d.hour('closed_at')} AS hour, {keys}, 0 AS arrivals, 0 AS sla_met, "
        f"0 AS sla_late, {sign} AS closures FROM {src} WHERE closed_at IS NOT NULL"
    )


def _mail_open(d: _Dialect, src: str, sign: int) -> str:
    return (
        f"SELECT {d.day('created_at')} AS day, theme, coalesce(team_id, 0) AS team_key, "
        f"coalesce(office_id, 0) AS office_key, {d.stripe()} AS stripe, {sign} AS open_count "
        f"FROM {src} WHERE {_in('state', OPEN_MAIL_STATES)}"
    )


def _declarations_open(d: _Dialect, src: str, sign: int) -> str:
    return (
        f"SELECT kind, state, coalesce(office_id, 0) AS office_key, "
        f"coalesce(estimated_on, {d.no_estimate()}) AS estimated_key, {sign} AS open_count "
        f"FROM {src} WHERE {_in('state', OPEN_DECLARATION_STATES)}"
    )


def _appointments(d: _Dialect, src: str, sign: int) -> str:
    def where(condition: str, value: str = str(sign)) -> str:
        return f"CASE WHEN {condition} THEN {value} ELSE 0 END"

    waited = "seen_at IS NOT NULL AND arrived_at IS NOT NULL"
    wait = f"{sign} * {d.micros('seen_at', 'arrived_at')}"
    seen, noshow = "status = 'seen'", "status = 'noshow'"
    return (
        f"SELECT {d.hour('starts_at')} AS hour, office_id AS office_key, {d.stripe()} AS stripe, "
        f"{where(_in('status', BOOKED_STATUSES))} AS booked, {where(seen)} AS seen, "
        f"{where(noshow)} AS noshow, {where(waited, wait)} AS wait_us, {where(waited)} AS waits "
        f"FROM {src}"
    )


MAIL_FLOW = _Summary(
    "mail_flow_hours",
    ("hour", "team_key", "office_key", "stripe"),
    ("arrivals", "sla_met", "sla_late", "closures"),
    _mail_flow,
)
MAIL_OPEN = _Summary(
    "mail_open_days",
    ("day", "theme", "team_key", "office_key", "stripe"),
    ("open_count",),
    _mail_open,
)
DECLARATIONS_OPEN = _Summary(
    "declaration_open_counts",
    ("kind", "state", "office_key", "estimated_key"),
    ("open_count",),
    _declarations_open,
)

APPOINTMENTS = _Summary(
    "appointment_hours",
    ("hour", "office_key", "stripe"),
    ("booked", "seen", "noshow", "wait_us", "waits"),
    _appointments,
)


@dataclass(frozen=True)
class _Source:
    """A counted table: the columns its summaries read, and the summaries."""

    table: str
    columns: tuple[str, ...]
    summaries: tuple[_Summary, ...]
    # When set, the state counts only as open (one of these) or not: an update from one open
    # state to another changes nothing. Otherwise (None) it is a key, or not a column.
    open_states: tuple[StrEnum, ...] | None = None

    def changed(self, sqlite: bool) -> str:
        """An update changes a count: it changes a counted column."""
        differs = "IS NOT" if sqlite else "IS DISTINCT FROM"
        only_open = self.open_states
        tests = [
            f"OLD.{c} {differs} NEW.{c}" for c in self.columns if c != "state" or not only_open
        ]
        if only_open:
            tests.append(f"({_in('OLD.state', only_open)}) <> ({_in('NEW.state', only_open)})")
        return " OR ".join(tests)

    def row(self, record: str) -> str:
        """The trigger's OLD or NEW row as a FROM item."""
        picked = ", ".join(f"{record}.{c} AS {c}" for c in ("id", *self.columns))
        return f"(SELECT {picked}) AS r"


SOURCES = (
    _Source(
        "mail_threads",
        (
            "created_at",
            "first_response_at",
            "sla_due_at",
            "closed_at",
            "state",
            "theme",
            "team_id",
            "office_id",
        ),
        (MAIL_FLOW, MAIL_OPEN),
        open_states=OPEN_MAIL_STATES,
    ),
    _Source(
        "declarations",
        ("kind", "state", "office_id", "estimated_on"),
        (DECLARATIONS_OPEN,),
    ),
    _Source(
        "appointments",
        ("starts_at", "office_id", "status", "arrived_at", "seen_at"),
        (APPOINTMENTS,),
    ),
)


def _update_sources(d: _Dialect, source: _Source, summary: _Summary) -> str:
    old = summary.rows(d, source.row("OLD"), -1)
    new = summary.rows(d, source.row("NEW"), 1)
    return f"{old} UNION ALL {new}"


def _postgresql_ddl() -> list[str]:
    d = _Dialect(sqlite=False)
    ddl = []
    for source in SOURCES:
        t = source.table
        bodies = {
            "inserted": [s.upsert(s.rows(d, "new_rows", 1)) for s in source.summaries],
            "deleted": [s.apply_postgresql(s.rows(d, "old_rows", -1)) for s in source.summaries],
            "updated": [
                s.apply_postgresql(_update_sources(d, source, s)) for s in source.summaries
            ],
        }
        for event, statements in bodies.items():
            body = "".join(f"  {stmt};\n" for stmt in statements)
            ddl.append(
                f"CREATE FUNCTION {t}_{event}_summarize() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                f"DECLARE\n  r record;\nBEGIN\n{body}  RETURN NULL;\nEND\n$$"
            )
        ddl.append(
            f"CREATE TRIGGER {t}_inserted_summary AFTER INSERT ON {t} "
            f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {t}_inserted_summarize()"
        )
        ddl.append(
            f"CREATE TRIGGER {t}_deleted_summary AFTER DELETE ON {t} "
            f"REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {t}_deleted_summarize()"
        )
        ddl.append(
            f"CREATE TRIGGER {t}_updated_summary AFTER UPDATE OF {', '.join(source.columns)} "
            f"ON {t} FOR EACH ROW WHEN ({source.changed(sqlite=False)}) "
            f"EXECUTE FUNCTION {t}_updated_summarize()"
        )
    return ddl


def _sqlite_ddl() -> list[str]:
    d = _Dialect(sqlite=True)
    ddl = []
    for source in SOURCES:
        t = source.table
        bodies = {
            "inserted": (
                "AFTER INSERT",
                [s.upsert(s.rows(d, source.row("NEW"), 1)) for s in source.summaries],
            ),
            "deleted": (
                "AFTER DELETE",
                [
                    x
                    for s in source.summaries
                    for x in s.apply_sqlite(s.rows(d, source.row("OLD"), -1))
                ],
            ),
            "updated": (
                f"AFTER UPDATE OF {', '.join(source.columns)}",
                [
                    x
                    for s in source.summaries
                    for x in s.apply_sqlite(_update_sources(d, source, s))
                ],
            ),
        }
        for event, (when, statements) in bodies.items():
            condition = f" WHEN {source.changed(sqlite=True)}" if event == "updated" else ""
            body = "".join(f"  {stmt};\n" for stmt in statements)
            ddl.append(
                f"CREATE TRIGGER {t}_{event}_summary {when} ON {t} FOR EACH ROW{condition}\n"
                f"BEGIN\n{body}END"
            )
    return ddl


def _sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def install(conn: Connection) -> None:
    """Create the triggers (the tables exist) and count what the tables already hold."""
    for statement in _sqlite_ddl() if _sqlite(conn) else _postgresql_ddl():
        conn.exec_driver_sql(statement)
    rebuild(conn)


def uninstall(conn: Connection) -> None:
    """Drop the triggers (and, on PostgreSQL, their functions)."""
    for source in SOURCES:
        for event in ("inserted", "deleted", "updated"):
            if _sqlite(conn):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {source.table}_{event}_summary")
            else:
                conn.exec_driver_sql(
                    f"DROP TRIGGER IF EXISTS {source.table}_{event}_summary ON {source.table}"
                )
                conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {source.table}_{event}_summarize()")


def rebuild(conn: Connection) -> None:
    """Count every summary again from the rows (in the caller's transaction)."""
    d = _Dialect(sqlite=_sqlite(conn))
    for source in SOURCES:
        for summary in source.summaries:
            conn.exec_driver_sql(f"DELETE FROM {summary.table}")
            conn.exec_driver_sql(summary.upsert(summary.rows(d, source.table, 1)))
