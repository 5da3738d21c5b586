"""The health directory's search at a département's size, against the same SQL raw.

    python benchmarks/run.py directory [--db URL] [--professionals N] [--establishments E]
                                       [--searches Q] [--seed S]

The seeded database (as the search benchmark's) is topped up to N professionals (default
20,000, about a large département) by copies of the seeded ones moved a few kilometres. Q
searches of four kinds an advisor makes (everyone near the office; one specialty without
extra fees near the office; a commune's name near a postcode; everyone by name, 500 shown)
are timed through the in-process facade (`p50_ms`, `p95_ms`, and per kind); the statements
they sent are replayed on a DBAPI connection of the same engine (`raw_p95_ms`): what the
service adds is the filtering by words, the distances and the sorting, in Python.

The care establishments are topped up the same way to E (default 2,000: a large
département's pharmacies, laboratories, centres and hospitals), and Q searches of four more
kinds are timed and replayed alike (everything near the office; the emergency departments
near the office; one kind near a postcode; a commune's name by name, 500 shown), reported
under `establishments` in the same JSON line.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import Office, Professional
from advisor_desk.backend.orm.professionals import HealthEstablishment
from advisor_desk.backend.seeding.establishments import build_establishments
from advisor_desk.domain.enums import EstablishmentKind, Sector
from advisor_desk.domain.finess import luhn_key
from benchmarks.search import Capture, bench_login, default_url, p, prepare, replay, timed

KINDS = ("near_office", "specialty_s1", "commune_near_postcode", "by_name_500")
ESTABLISHMENT_KINDS = (
    "everything_near_office",
    "emergency_near_office",
    "kind_near_postcode",
    "commune_by_name_500",
)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="run.py directory", description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a SQLite file in the temp folder)")
    parser.add_argument("--members", type=int, default=2000, help="members seeded if empty")
    parser.add_argument("--professionals", type=int, default=20_000)
    parser.add_argument("--establishments", type=int, default=2_000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args(argv)


def top_up(engine: Any, wanted: int, rng: random.Random) -> int:
    """Copies of the seeded professionals, a few km away, until there are `wanted`."""
    with session_scope(engine) as s:
        rows = [dict(r._mapping) for r in s.execute(select(Professional.__table__))]
        have = len(rows)
        if have >= wanted or not rows:
            return have
        used = {r["rpps"] for r in rows}
        next_id = max(r["id"] for r in rows) + 1
        extra: list[dict[str, Any]] = []
        while have + len(extra) < wanted:
            row = dict(rng.choice(rows))
            rpps = f"10{rng.randrange(10**9):09d}"
            while rpps in used:
                rpps = f"10{rng.randrange(10**9):09d}"
            used.add(rpps)
            row.update(
                id=next_id,
                rpps=rpps,
                latitude=round(row["latitude"] + rng.uniform(-0.05, 0.05), 6),
                longitude=round(row["longitude"] + rng.uniform(-0.07, 0.07), 6),
            )
            next_id += 1
            extra.append(row)
        for start in range(0, len(extra), 5000):
            s.execute(insert(Professional), extra[start : start + 5000])
        return have + len(extra)


def top_up_establishments(engine: Any, wanted: int, rng: random.Random, seed: int) -> int:
    """The seed's establishments (a database seeded before they existed gets them now), then
    copies a few km away, with FINESS numbers of their own, until there are `wanted`."""
    with session_scope(engine) as s:
        if s.scalar(select(func.count()).select_from(HealthEstablishment)) == 0:
            rows = build_establishments(random.Random(f"advisor-desk-establishments-{seed}"))
            for row in rows:
                del row["id"]
            s.execute(insert(HealthEstablishment), rows)
    with session_scope(engine) as s:
        rows = [dict(r._mapping) for r in s.execute(select(HealthEstablishment.__table__))]
        have = len(rows)
        if have >= wanted or not rows:
            return have
        used = {r["finess"] for r in rows}
        next_id = max(r["id"] for r in rows) + 1
        extra: list[dict[str, Any]] = []
        while have + len(extra) < wanted:
            row = dict(rng.choice(rows))
            finess = row["finess"]
            while finess in used:
                body = f"69{rng.randrange(10**6):06d}"
                finess = body + luhn_key(body)
            used.add(finess)
            row.update(
                id=next_id,
                finess=finess,
                latitude=round(row["latitude"] + rng.uniform(-0.05, 0.05), 6),
                longitude=round(row["longitude"] + rng.uniform(-0.07, 0.07), 6),
            )
            next_id += 1
            extra.append(row)
        for start in range(0, len(extra), 5000):
            s.execute(insert(HealthEstablishment), extra[start : start + 5000])
        return have + len(extra)


def establishment_searches(bound: BoundBackend, engine: Any, n: int) -> list[tuple[str, Any]]:
    """n establishment searches, the four kinds in turn, each as (kind, call)."""
    directory: Any = bound.professionals
    with session_scope(engine, readonly=True) as s:
        office_id = s.scalar(select(Office.id).where(Office.active).order_by(Office.id))
        postcode, city = s.execute(
            select(HealthEstablishment.postcode, HealthEstablishment.city)
            .group_by(HealthEstablishment.postcode, HealthEstablishment.city)
            .order_by(func.count().desc())
        ).first() or ("69003", "Lyon")
    assert office_id is not None, "the database holds no office"
    word = city.split()[0]
    kinds = list(EstablishmentKind)
    calls: list[tuple[str, Any]] = []
    for i in range(n):
        kind = ESTABLISHMENT_KINDS[i % len(ESTABLISHMENT_KINDS)]
        one = kinds[(i // len(ESTABLISHMENT_KINDS)) % len(kinds)]
        call: Callable[[], Any]
        if kind == "everything_near_office":
            call = lambda: directory.establishments(near_office_id=office_id)  # noqa: E731
        elif kind == "emergency_near_office":
            call = lambda: directory.establishments(  # noqa: E731
                near_office_id=office_id, emergency_only=True
            )
        elif kind == "kind_near_postcode":
            call = partial(directory.establishments, one, near_postcode=postcode)
        else:
            call = lambda: directory.establishments(text=word, limit=500)  # noqa: E731
        calls.append((kind, call))
    return calls


def measure(
    engine: Any, calls: list[tuple[str, Any]], kinds: tuple[str, ...]
) -> tuple[dict[str, list[float]], list[float]]:
    """Each call timed through the facade (per kind), then its statements replayed raw."""
    for _kind, call in calls[: 2 * len(kinds)]:  # warm-up
        call()
    capture = Capture(engine)
    app_ms: dict[str, list[float]] = {kind: [] for kind in kinds}
    recorded: list[list[tuple[str, Any]]] = []
    for kind, call in calls:
        with capture.recording() as statements:
            elapsed, _ = timed(call)
        app_ms[kind].append(elapsed)
        recorded.append(list(statements))
    raw = engine.raw_connection()
    try:
        raw_ms = [replay(raw, statements) for statements in recorded]
    finally:
        raw.close()
    return app_ms, raw_ms


def summary(app_ms: dict[str, list[float]], raw_ms: list[float]) -> dict[str, Any]:
    every = [ms for values in app_ms.values() for ms in values]
    return {
        "per_kind": {
            kind: {"p50_ms": p(values, 0.5), "p95_ms": p(values, 0.95)}
            for kind, values in app_ms.items()
        },
        "p50_ms": p(every, 0.5),
        "p95_ms": p(every, 0.95),
        "raw_p95_ms": p(raw_ms, 0.95),
        "ratio_p95": round(p(every, 0.95) / max(p(raw_ms, 0.95), 0.001), 2),
    }


def searches(bound: BoundBackend, engine: Any, n: int) -> list[tuple[str, Any]]:
    """n searches, the four kinds in turn, each as (kind, call)."""
    directory: Any = bound.professionals
    with session_scope(engine, readonly=True) as s:
        office_id = s.scalar(select(Office.id).where(Office.active).order_by(Office.id))
        postcode, city = s.execute(
            select(Professional.postcode, Professional.city)
            .group_by(Professional.postcode, Professional.city)
            .order_by(func.count().desc())
        ).first() or ("69003", "Lyon")
        specialties = list(s.scalars(select(Professional.specialty).distinct()))
    assert office_id is not None, "the database holds no office"
    word = city.split()[0]
    calls: list[tuple[str, Any]] = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        specialty = specialties[(i // len(KINDS)) % len(specialties)]
        if kind == "near_office":
            call = lambda: directory.search(near_office_id=office_id)  # noqa: E731
        elif kind == "specialty_s1":
            call = lambda sp=specialty: directory.search(  # noqa: E731
                specialty=sp, sectors=[Sector.SECTOR_1], near_office_id=office_id
            )
        elif kind == "commune_near_postcode":
            call = lambda: directory.search(text=word, near_postcode=postcode)  # noqa: E731
        else:
            call = lambda: directory.search(limit=500)  # noqa: E731
        calls.append((kind, call))
    return calls


def main(argv: list[str]) -> dict[str, Any]:
    args = _parse(argv)
    engine = prepare(args.db or default_url(args.members), args.members, args.seed)
    count = top_up(engine, args.professionals, random.Random(args.seed))
    places = top_up_establishments(
        engine, args.establishments, random.Random(args.seed + 1), args.seed
    )
    bound = bench_login(engine)
    app_ms, raw_ms = measure(engine, searches(bound, engine, args.searches), KINDS)
    calls = establishment_searches(bound, engine, args.searches)
    est_app_ms, est_raw_ms = measure(engine, calls, ESTABLISHMENT_KINDS)
    engine.dispose()
    return {
        "scenario": "directory",
        "engine": engine.dialect.name,
        "professionals": count,
        "searches": args.searches,
        **summary(app_ms, raw_ms),
        "establishments": {
            "count": places,
            "searches": len(calls),
            **summary(est_app_ms, est_raw_ms),
        },
    }
