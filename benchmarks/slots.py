"""Free slots of every office over four weeks, with an agenda 80 % booked.

    python benchmarks/run.py slots --db postgresql://postgres@127.0.0.1:5432/postgres
    python benchmarks/slots.py --offices 20 --advisors 4      # SQLite file in a temp dir

A fresh database gets `--offices` offices with `--advisors` advisors each, open Monday to
Friday 09:00–12:00 and 13:30–16:30 for a 30-minute reason, and 80 % of the four weeks' slots
booked (random, seeded). Then a counter advisor asks `appointments.free_slots` for each office
over 28 days, `--rounds` times, through the in-process facade (permission check, one
transaction, audit row included). Target: p95 ≤ 100 ms per office. Also times one
`offices_for_member` (every office, sorted by distance, first slots each). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time as clock
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import Backend
from advisor_desk.backend.orm import Appointment
from advisor_desk.backend.security import hash_password
from advisor_desk.domain.calendar import PARIS, is_public_holiday
from advisor_desk.domain.enums import AppointmentStatus
from benchmarks.booking_race import (
    PASSWORD,
    FreshDatabase,
    add_advisor,
    add_members,
    add_office,
    add_reason,
    add_weekly,
    working_monday,
)

DAYS = 28
RANGES = [(time(9), time(12)), (time(13, 30), time(16, 30))]
DURATION = timedelta(minutes=30)


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="run.py slots", description=__doc__.splitlines()[0])
    p.add_argument("--db", default=None, help="PostgreSQL server URL, or sqlite (default)")
    p.add_argument("--offices", type=int, default=20)
    p.add_argument("--advisors", type=int, default=4, help="advisors per office")
    p.add_argument("--booked", type=float, default=0.8, help="share of slots booked")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seed", type=int, default=7)
    return p.parse_args(argv)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def main(argv: list[str]) -> dict[str, Any]:
    args = _parse(argv)
    rng = random.Random(args.seed)
    with FreshDatabase(args.db, "slots_bench") as db:
        engine = make_engine(db.url)
        digest = hash_password(PASSWORD)
        reason = add_reason(engine)
        monday = working_monday()
        members = add_members(engine, 500)
        add_advisor(engine, "bench_desk", None, digest)
        offices: list[int] = []
        rows: list[dict[str, Any]] = []
        slots_total = 0
        for o in range(args.offices):
            office = add_office(
                engine, f"S{o:03d}", 45.0 + rng.random() * 2, 4.0 + rng.random() * 2
            )
            offices.append(office)
            for a in range(args.advisors):
                advisor = add_advisor(engine, f"adv_{o}_{a}", office, digest)
                weekly = [(wd, start, end) for wd in range(5) for start, end in RANGES]
                add_weekly(engine, advisor, office, reason, monday, weekly)
                for d in range(DAYS):
                    day = monday + timedelta(days=d)
                    if day.weekday() >= 5 or is_public_holiday(day):
                        continue
                    for start, end in RANGES:
                        at = datetime.combine(day, start, tzinfo=PARIS).astimezone(UTC)
                        stop = datetime.combine(day, end, tzinfo=PARIS).astimezone(UTC)
                        while at + DURATION <= stop:
                            slots_total += 1
                            if rng.random() < args.booked:
                                rows.append(
                                    {
                                        "member_id": rng.choice(members),
                                        "office_id": office,
                                        "advisor_id": advisor,
                                        "reason_id": reason,
                                        "starts_at": at,
                                        "ends_at": at + DURATION,
                                        "status": AppointmentStatus.UNKNOWN,
                                    }
                                )
                            at += DURATION
        with session_scope(engine) as s:
            for i in range(0, len(rows), 2000):
                s.execute(insert(Appointment), rows[i : i + 2000])
        engine.dispose()

        engine = make_engine(db.url)
        desk = Backend(engine).login("bench_desk", PASSWORD)
        timings: list[float] = []
        free = 0
        for r in range(args.rounds):
            for office in offices:
                started = clock.perf_counter()
                found = desk.appointments.free_slots(reason, office, monday, DAYS)
                timings.append((clock.perf_counter() - started) * 1000)
                if r == 0:
                    free += len(found)
        started = clock.perf_counter()
        choices = desk.appointments.offices_for_member(members[0], reason, False)
        nearest_ms = (clock.perf_counter() - started) * 1000
        engine.dispose()
        return {
            "scenario": "slots",
            "db": db.kind,
            "offices": args.offices,
            "advisors_per_office": args.advisors,
            "days": DAYS,
            "slots": slots_total,
            "booked": len(rows),
            "free": free,
            "calls": len(timings),
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(_percentile(timings, 0.95), 1),
            "max_ms": round(max(timings), 1),
            "offices_for_member_ms": round(nearest_ms, 1),
            "offices_for_member_choices": len(choices),
        }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
