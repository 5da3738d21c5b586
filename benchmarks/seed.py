"""Demo data: `seed_database` against writing the very same rows, already generated.

    python benchmarks/run.py seed [--members 200] [--workers N] [--pg SERVER_URL] [--seed S]

Two fresh, migrated databases (SQLite files in the temporary folder, or with `--pg` two
databases created on that PostgreSQL server and dropped at the end):

- `seed_s`: `seed_database` on the first one, as `advisor-desk db seed` and the first start
  of the embedded demo database run it (reference data, generation, writes, summaries);
- `raw_write_s`: every member row it wrote (the tables of `seeding.members.COLUMNS`), read
  back from the first database before timing, written into the second by the same bulk
  writer in one transaction, foreign-key checks off: what writing alone costs;
- `ratio` = seed_s / raw_write_s: what generating the data adds to writing it.

Target: 200 members (the demo of the embedded database's smoke start) in 5 s or less.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from advisor_desk.backend.engine import make_engine
from advisor_desk.backend.seed import seed_database
from advisor_desk.backend.seeding.bulk import make_writer
from advisor_desk.backend.seeding.members import COLUMNS, TABLE_ORDER
from benchmarks.booking_race import FreshDatabase

TARGET_S = 5.0
TARGET_MEMBERS = 200


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="seed", description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=TARGET_MEMBERS)
    parser.add_argument("--workers", type=int, default=None, help="generator processes")
    parser.add_argument("--pg", help="a PostgreSQL server URL (default: SQLite files)")
    parser.add_argument("--seed", type=int, default=3)
    return parser.parse_args(list(argv))


def member_rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the member tables, as the database gives it back to a raw cursor."""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for table in TABLE_ORDER:
            cols = ", ".join(f'"{c}"' for c in COLUMNS[table])
            cur.execute(f'SELECT {cols} FROM "{table}"')
            rows[table] = [tuple(map(_as_written, r)) for r in cur.fetchall()]
        cur.close()
        raw.rollback()
        return rows
    finally:
        raw.close()


def _as_written(value: Any) -> Any:
    """JSON columns come back decoded; the writer takes them as the generator gives them."""
    return json.dumps(value) if isinstance(value, dict | list) else value


def write_raw(engine: Engine, rows: dict[str, list[tuple[Any, ...]]]) -> float:
    """Seconds to write `rows` with the seed's own bulk writer, in one transaction."""
    writer = make_writer(engine)
    try:
        if engine.dialect.name == "sqlite":
            # Outside a transaction (SQLite ignores it inside one): the reference rows the
            # member rows point to are not in this database.
            writer.execute("PRAGMA foreign_keys = OFF")
        start = time.perf_counter()
        writer.begin()
        for table in TABLE_ORDER:
            writer.write(table, COLUMNS[table], rows[table])
        writer.commit()
        return time.perf_counter() - start
    finally:
        writer.close()


def main(argv: Sequence[str]) -> dict[str, Any]:
    args = parse(argv)
    # Two fresh, migrated databases (the booking race's helper), dropped at the end.
    with (
        FreshDatabase(args.pg, "bench_seed") as first,
        FreshDatabase(args.pg, "bench_raw") as other,
    ):
        seeded, raw = make_engine(first.url), make_engine(other.url)
        try:
            start = time.perf_counter()
            seed_database(seeded, members=args.members, seed=args.seed, workers=args.workers)
            seed_s = time.perf_counter() - start
            rows = member_rows(seeded)
            raw_s = write_raw(raw, rows)
        finally:
            seeded.dispose()
            raw.dispose()
    result: dict[str, Any] = {
        "scenario": "seed",
        "engine": "postgresql" if args.pg else "sqlite",
        "members": args.members,
        "rows": sum(len(r) for r in rows.values()),
        "seed_s": round(seed_s, 3),
        "raw_write_s": round(raw_s, 3),
        "ratio": round(seed_s / max(raw_s, 1e-6), 2),
        "members_per_s": round(args.members / seed_s, 1),
    }
    if args.members == TARGET_MEMBERS:
        result["target_s"] = TARGET_S
        result["met"] = seed_s <= TARGET_S
    return result


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
