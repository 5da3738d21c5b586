"""Supervision dashboard under volume: N mail threads (+ N/3 declarations, N/5 appointments).

    python benchmarks/run.py dashboard --db postgresql://postgres@127.0.0.1:5432/postgres \
        --messages 100000 [--keep]
    python benchmarks/run.py dashboard --reuse postgresql://postgres@127.0.0.1:5432/<kept db>

Creates a fresh database (on the PostgreSQL server, or a temporary SQLite file), bulk-inserts
the rows with Core `insert()` batches spread over the last 90 days and 4 offices/teams, then
times `supervision.dashboard()` over the last 30 days through the facade, as an administrator
(every office) and as a team supervisor. Prints one JSON line (times in milliseconds).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, insert, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from advisor_desk.backend import migrate
from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import Backend
from advisor_desk.backend.orm import Advisor, Member, Office, Team
from advisor_desk.backend.orm.appointments import Appointment, AppointmentReason
from advisor_desk.backend.orm.declarations import Declaration
from advisor_desk.backend.orm.mail import MailThread
from advisor_desk.backend.security import hash_password
from advisor_desk.domain.enums import (
    AppointmentChannel,
    AppointmentStatus,
    DeclarationKind,
    DeclarationState,
    FilingChannel,
    MailState,
    MailTheme,
    Role,
    Sex,
)
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.slots import paris_day
from advisor_desk.domain.text import name_key

PASSWORD = "Bench-password-2026"
OFFICES = 4
AGENTS_PER_TEAM = 10
MEMBERS = 50
BATCH = 5000
DAYS = 90


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="run.py dashboard", description=__doc__.splitlines()[0])
    p.add_argument("--db", default=None, help="PostgreSQL server URL, or sqlite (default)")
    p.add_argument("--messages", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--keep", action="store_true", help="keep the database (its URL is printed)")
    p.add_argument(
        "--reuse",
        metavar="URL",
        default=None,
        help="time an already seeded database (from --keep) instead of creating one",
    )
    return p.parse_args(argv)


class Database:
    """One fresh database: a new one on the PostgreSQL server, or a temporary SQLite file."""

    def __init__(self, db: str | None) -> None:
        self.tmp: Path | None = None
        self.name = f"dashboard_bench_{uuid.uuid4().hex[:8]}"
        if db and db.startswith("postgres"):
            self.server: Any = make_url(db).set(drivername="postgresql+psycopg")
            admin = create_engine(self.server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self.name}"'))
            admin.dispose()
            self.url = self.server.set(database=self.name).render_as_string(hide_password=False)
        else:
            self.server = None
            self.tmp = Path(tempfile.mkdtemp(prefix="dashboard_bench_"))
            self.url = f"sqlite:///{self.tmp / 'bench.db'}"

    def drop(self) -> None:
        if self.server is not None:
            admin = create_engine(self.server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            admin.dispose()
        elif self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)


def _people(engine: Engine) -> tuple[list[int], list[int], list[list[int]], list[int]]:
    """Offices, teams, agents per team, members; plus one supervisor (t0) and one admin."""
    digest = hash_password(PASSWORD)
    offices, teams, agents, members = [], [], [], []
    with session_scope(engine) as s:
        reason = AppointmentReason(
            code="BENCH", label="Banc", duration_min=15, channel=AppointmentChannel.OFFICE
        )
        s.add(reason)
        for o in range(OFFICES):
            office = Office(
                code=f"B{o:02d}",
                name=f"Accueil {o}",
                address_line="1 rue du Banc",
                postcode="69003",
                city="Lyon",
                latitude=45.7,
                longitude=4.8,
                phone="3646",
            )
            s.add(office)
            s.flush()
            team = Team(name=f"Équipe {o}", office_id=office.id)
            s.add(team)
            s.flush()
            offices.append(office.id)
            teams.append(team.id)
            ids = []
            for a in range(AGENTS_PER_TEAM):
                agent = Advisor(
                    login=f"bench_{o}_{a}",
                    full_name=f"Agent {o}-{a}",
                    role=Role.BACKOFFICE,
                    password_hash=digest,
                    office_id=office.id,
                    team_id=team.id,
                    active=True,
                    failed_attempts=0,
                )
                s.add(agent)
                s.flush()
                ids.append(agent.id)
            agents.append(ids)
        for login, role in (("bench_super", Role.SUPERVISOR), ("bench_admin", Role.ADMIN)):
            s.add(
                Advisor(
                    login=login,
                    full_name=login,
                    role=role,
                    password_hash=digest,
                    office_id=offices[0],
                    team_id=teams[0],
                    active=True,
                    failed_attempts=0,
                )
            )
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
            members.append(member.id)
        s.flush()
        reason_id = reason.id
    return offices, teams, agents, [*members, reason_id]


def _seed(engine: Engine, n: int) -> None:
    rnd = random.Random(20261126)
    offices, teams, agents, rest = _people(engine)
    members, reason_id = rest[:-1], rest[-1]
    now = datetime.now(UTC)
    themes, kinds = list(MailTheme), list(DeclarationKind)

    def batches(total: int, make: Any, model: Any) -> None:
        for start in range(0, total, BATCH):
            rows = [make(i) for i in range(start, min(total, start + BATCH))]
            with session_scope(engine) as s:
                s.execute(insert(model), rows)

    def thread(i: int) -> dict[str, Any]:
        o = i % OFFICES
        created = now - timedelta(minutes=rnd.randrange(DAYS * 24 * 60))
        closed = rnd.random() < 0.8
        responded = closed or rnd.random() < 0.5
        first = created + timedelta(minutes=rnd.randrange(10, 3 * 24 * 60))
        done = first + timedelta(minutes=rnd.randrange(0, 2 * 24 * 60))
        assigned = closed or rnd.random() < 0.6
        return {
            "member_id": members[i % MEMBERS],
            "subject": f"Demande {i}",
            "theme": themes[i % len(themes)],
            "state": MailState.CLOSED if closed else rnd.choice(list(MailState)[:3]),
            "office_id": offices[o],
            "team_id": teams[o],
            "assigned_agent_id": rnd.choice(agents[o]) if assigned else None,
            "escalated": False,
            "created_at": created,
            "last_message_at": created,
            "first_response_at": first if responded and first < now else None,
            "sla_due_at": created + timedelta(days=2),
            "closed_at": done if closed and done < now else None,
            "version": 1,
        }

    def declaration(i: int) -> dict[str, Any]:
        o = i % OFFICES
        filed = now - timedelta(minutes=rnd.randrange(DAYS * 24 * 60))
        state = rnd.choice(list(DeclarationState))
        final = state in (DeclarationState.ACCEPTED, DeclarationState.REFUSED)
        done = filed + timedelta(days=rnd.randrange(1, 20))
        return {
            "number": f"B{i:09d}",
            "member_id": members[i % MEMBERS],
            "kind": kinds[i % len(kinds)],
            "state": state,
            "payload": {},
            "channel": FilingChannel.ONLINE,
            "filed_at": filed,
            "office_id": offices[o],
            "assigned_agent_id": rnd.choice(agents[o]) if rnd.random() < 0.7 else None,
            "estimated_on": (filed + timedelta(days=15)).date(),
            "completed_at": done if final and done < now else None,
            "waiting_days": 0,
            "version": 1,
        }

    def appointment(i: int) -> dict[str, Any]:
        # One advisor never has two overlapping appointments (an exclusion constraint on
        # PostgreSQL): slot k of advisor j is the k-th quarter hour of 8:00-17:00, day by day.
        everyone = [a for team in agents for a in team]
        j, k = i % len(everyone), i // len(everyone)
        o = j // AGENTS_PER_TEAM
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        start = midnight - timedelta(days=1 + k // 36) + timedelta(minutes=8 * 60 + 15 * (k % 36))
        status = rnd.choice(list(AppointmentStatus))
        seen = status is AppointmentStatus.SEEN
        return {
            "member_id": members[i % MEMBERS],
            "office_id": offices[o],
            "advisor_id": everyone[j],
            "reason_id": reason_id,
            "starts_at": start,
            "ends_at": start + timedelta(minutes=15),
            "status": status,
            "booked_at": start - timedelta(days=3),
            "arrived_at": start - timedelta(minutes=rnd.randrange(15)) if seen else None,
            "seen_at": start + timedelta(minutes=rnd.randrange(20)) if seen else None,
        }

    batches(n, thread, MailThread)
    batches(n // 3, declaration, Declaration)
    batches(n // 5, appointment, Appointment)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))


def _time(call: Any, runs: int) -> dict[str, float]:
    call()  # warm-up: plan cache, connection pool
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, max(0, round(0.95 * len(samples)) - 1))]
    return {"p50_ms": round(statistics.median(samples), 1), "p95_ms": round(p95, 1)}


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def main(argv: list[str]) -> dict[str, Any]:
    args = _parse(argv)
    db = None if args.reuse else Database(args.db)
    try:
        engine = make_engine(db.url if db is not None else args.reuse)
        migrate.upgrade(engine)
        t0 = time.perf_counter()
        if db is not None:
            _seed(engine, args.messages)
        elif engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))  # statistics for new indexes, if any
        seed_s = time.perf_counter() - t0
        backend = Backend(engine)
        # The benchmark's "today" is the fund's (Europe/Paris) day, like the screen's.
        today = paris_day(datetime.now(UTC))
        month = (today - timedelta(days=29), today)
        admin = backend.login("bench_admin", PASSWORD).supervision
        sup = backend.login("bench_super", PASSWORD).supervision
        all_offices = _time(lambda: admin.dashboard(*month), args.runs)
        team = _time(lambda: sup.dashboard(*month), args.runs)
        result: dict[str, Any] = {
            "scenario": "dashboard",
            "engine": engine.dialect.name,
            "messages": _count(engine, "mail_threads"),
            "declarations": _count(engine, "declarations"),
            "appointments": _count(engine, "appointments"),
            "runs": args.runs,
            "seed_s" if db is not None else "analyze_s": round(seed_s, 1),
            "p95_ms": all_offices["p95_ms"],
            "p50_ms": all_offices["p50_ms"],
            "team_p95_ms": team["p95_ms"],
            "team_p50_ms": team["p50_ms"],
            "load_average": [round(x, 2) for x in os.getloadavg()],
        }
        engine.dispose()
        if args.keep and db is not None:
            result["database"] = db.url
        return result
    finally:
        if db is not None and not args.keep:
            db.drop()
