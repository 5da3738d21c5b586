"""Many desks booking the same slot at once: exactly one must win, the others get a conflict.

    python benchmarks/run.py booking_race --db postgresql://postgres@127.0.0.1:5432/postgres \
        --contenders 16
    python benchmarks/booking_race.py --contenders 16          # SQLite file in a temp dir

A fresh database (created on the server, or a temporary SQLite file) gets one office, one
advisor with a weekly range, one reason and a member per contender. Each contender is a thread
with its own engine (one connection, as a desktop has), logs in, waits at a barrier, then
books the same slot through the facade. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import threading
import time as clock
import uuid
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from advisor_desk.backend import migrate
from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import Backend
from advisor_desk.backend.orm import (
    Address,
    Advisor,
    AppointmentReason,
    Member,
    Office,
    Schedule,
    ScheduleReason,
)
from advisor_desk.backend.security import hash_password
from advisor_desk.domain.calendar import PARIS, is_public_holiday
from advisor_desk.domain.enums import AppointmentChannel, Role, Sex
from advisor_desk.domain.errors import ConflictError
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.text import name_key

PASSWORD = "Bench-password-2026"
DESK_LOGIN = "bench_desk"


class FreshDatabase:
    """A migrated, empty database on the server given (or SQLite), dropped on exit."""

    def __init__(self, db: str | None, prefix: str) -> None:
        self.kind = "postgresql" if db and db.startswith("postgres") else "sqlite"
        self.name = f"{prefix}_{uuid.uuid4().hex[:8]}"
        self.tmp: Path | None = None
        if self.kind == "postgresql":
            assert db is not None
            self.server = make_url(db).set(drivername="postgresql+psycopg")
            admin = create_engine(self.server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self.name}"'))
            admin.dispose()
            self.url = self.server.set(database=self.name).render_as_string(hide_password=False)
        else:
            self.tmp = Path(tempfile.mkdtemp(prefix=f"{prefix}_"))
            self.url = f"sqlite:///{self.tmp / 'bench.db'}"
        engine = make_engine(self.url)
        migrate.upgrade(engine)
        engine.dispose()

    def __enter__(self) -> FreshDatabase:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.kind == "postgresql":
            admin = create_engine(self.server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            admin.dispose()
        elif self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)


def working_monday(weeks_ahead: int = 2) -> date:
    """A Monday `weeks_ahead` weeks away or more, in a week without public holidays."""
    today = datetime.now(PARIS).date()
    day = today + timedelta(days=7 * weeks_ahead + (7 - today.weekday()) % 7)
    while any(is_public_holiday(day + timedelta(days=i)) for i in range(5)):
        day += timedelta(days=7)
    return day


def add_members(engine: Engine, count: int, start: int = 0) -> list[int]:
    """`count` members with a Lyon address."""
    ids = []
    with session_scope(engine) as s:
        for i in range(start, start + count):
            last = f"Bench{i}"
            born = date(1975, 1 + i // 999 % 12, 1)
            commune = f"{100 + i // (999 * 12):03d}"
            member = Member(
                nir=make_nir(Sex.MALE, born, "69", commune, 1 + i % 999).full,
                last_name=last,
                birth_name=last,
                first_names="Paul",
                name_key=name_key(last),
                first_name_key=name_key("Paul"),
                birth_name_key=name_key(last),
                sex=Sex.MALE,
                birth_date=born,
                birth_place="Lyon",
                fund_code="691",
            )
            s.add(member)
            s.flush()
            s.add(
                Address(
                    member_id=member.id,
                    line1="1 place Bellecour",
                    postcode="69002",
                    city="Lyon",
                    latitude=45.757,
                    longitude=4.832,
                    valid_from=date(2020, 1, 1),
                )
            )
            ids.append(member.id)
    return ids


def add_office(engine: Engine, code: str, lat: float, lon: float) -> int:
    with session_scope(engine) as s:
        office = Office(
            code=code,
            name=f"Accueil {code}",
            address_line="1 rue de la République",
            postcode="69001",
            city="Lyon",
            latitude=lat,
            longitude=lon,
            phone="3646",
            step_free_entrance=True,
            accessible_counter=True,
        )
        s.add(office)
        s.flush()
        return office.id


def add_advisor(engine: Engine, login: str, office_id: int | None, digest: str) -> int:
    with session_scope(engine) as s:
        advisor = Advisor(
            login=login,
            full_name=f"Agent {login}",
            role=Role.COUNTER,
            office_id=office_id,
            password_hash=digest,
            active=True,
            failed_attempts=0,
        )
        s.add(advisor)
        s.flush()
        return advisor.id


def add_reason(engine: Engine, duration_min: int = 30) -> int:
    with session_scope(engine) as s:
        reason = AppointmentReason(
            code=f"bench{duration_min}",
            label="Accueil sur rendez-vous",
            duration_min=duration_min,
            channel=AppointmentChannel.OFFICE,
            min_delay_hours=0,
            max_delay_days=120,
            active=True,
        )
        s.add(reason)
        s.flush()
        return reason.id


def add_weekly(
    engine: Engine,
    advisor_id: int,
    office_id: int,
    reason_id: int,
    first_day: date,
    ranges: list[tuple[int, time, time]],
) -> None:
    with session_scope(engine) as s:
        for weekday, start, end in ranges:
            schedule = Schedule(
                advisor_id=advisor_id,
                office_id=office_id,
                weekday=weekday,
                first_day=first_day,
                last_day=None,
                start_time=start,
                end_time=end,
            )
            s.add(schedule)
            s.flush()
            s.add(ScheduleReason(schedule_id=schedule.id, reason_id=reason_id))


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="run.py booking_race", description=__doc__.splitlines()[0])
    p.add_argument("--db", default=None, help="PostgreSQL server URL, or sqlite (default)")
    p.add_argument("--contenders", type=int, default=16)
    return p.parse_args(argv)


def main(argv: list[str]) -> dict[str, Any]:
    args = _parse(argv)
    n = max(2, args.contenders)
    with FreshDatabase(args.db, "booking_race") as db:
        engine = make_engine(db.url)
        digest = hash_password(PASSWORD)
        office = add_office(engine, "R01", 45.76, 4.85)
        advisor = add_advisor(engine, "bench_adv", office, digest)
        add_advisor(engine, DESK_LOGIN, office, digest)
        reason = add_reason(engine)
        monday = working_monday()
        add_weekly(engine, advisor, office, reason, monday, [(0, time(9), time(12))])
        members = add_members(engine, n)
        engine.dispose()
        slot = datetime.combine(monday, time(10), tzinfo=PARIS).astimezone(UTC)

        barrier = threading.Barrier(n)
        outcomes: list[str] = []
        lock = threading.Lock()

        def contend(member: int) -> None:
            own = make_engine(db.url, pool_size=1)
            outcome = "error"
            try:
                desk = Backend(own).login(DESK_LOGIN, PASSWORD)
                barrier.wait()
                try:
                    desk.appointments.book(member, reason, office, advisor, slot)
                    outcome = "success"
                except ConflictError:
                    outcome = "conflict"
            except Exception as exc:
                print(f"contender error: {exc!r}", file=sys.stderr)
            finally:
                own.dispose()
                with lock:
                    outcomes.append(outcome)

        threads = [threading.Thread(target=contend, args=(m,)) for m in members]
        started = clock.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        elapsed = clock.perf_counter() - started
        counts = Counter(outcomes)
        return {
            "scenario": "booking_race",
            "db": db.kind,
            "contenders": n,
            "successes": counts["success"],
            "conflicts": counts["conflict"],
            "errors": counts["error"] + (n - len(outcomes)),
            "elapsed_s": round(elapsed, 2),
        }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
