"""`advisor-desk db seed`: deterministic, resumable French demo data, written in bulk batches."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from multiprocessing import get_all_start_methods, get_context
from typing import Any

from sqlalchemy import Engine, func, insert, select, text, update

from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.reference import (
    parse_ald_csv,
    parse_css_participation_csv,
    parse_values_csv,
)
from advisor_desk.paths import resources_dir

from . import summaries
from .engine import session_scope
from .orm import (
    Absence,
    Advisor,
    AppointmentReason,
    Base,
    ComplementaryInsurer,
    KnowledgeArticle,
    Member,
    Office,
    OfficeClosure,
    OfficeHours,
    Professional,
    ReplyTemplate,
    Schedule,
    ScheduleReason,
    SeedBatch,
    SeedRun,
    SessionToken,
    Team,
)
from .orm.professionals import HealthEstablishment
from .seeding.bulk import BulkWriter, SqliteWriter, make_writer, write_scratch_file
from .seeding.members import COLUMNS, TABLE_ORDER, BatchGenerator, RunSpec
from .seeding.reference import ReferenceData, build_reference

DEFAULT_BATCH_SIZE = 5000
# Below this many batches the child process costs more (start-up, imports) than it saves.
PARALLEL_MIN_BATCHES = 2
# Two generators and this writer share the two cores with the database server.
DEFAULT_WORKERS = 2

# Reference tables in foreign-key order, with the ORM class that maps them.
_REFERENCE_TABLES: tuple[tuple[str, type[Base]], ...] = (
    ("offices", Office),
    ("office_hours", OfficeHours),
    ("office_closures", OfficeClosure),
    ("teams", Team),
    ("complementary_insurers", ComplementaryInsurer),
    ("professionals", Professional),
    ("health_establishments", HealthEstablishment),
    ("appointment_reasons", AppointmentReason),
    ("advisors", Advisor),
    ("schedules", Schedule),
    ("schedule_reasons", ScheduleReason),
    ("absences", Absence),
    ("reply_templates", ReplyTemplate),
    ("knowledge_articles", KnowledgeArticle),
    ("session_tokens", SessionToken),
)


def _already(seed: int, members: int) -> str:
    return f"Base déjà remplie avec la graine {seed} ({members} assurés)."


def seed_database(
    engine: Engine,
    members: int,
    seed: int,
    progress: bool = False,
    *,
    batch_size: int | None = None,
    today: date | None = None,
    after_batch: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> str:
    """Fill an empty (migrated) database with `members` demo members; resumes an interrupted run.

    Each batch of members is written in one transaction with its `seed_batches` row, so an
    interruption loses at most the batch in progress and a re-run completes the rest. A run
    keeps the day it started as "today" (seed_runs.started_at), so a resumed run produces the
    same data. `after_batch(k)` is called after batch k is committed (tests use it to
    simulate an interruption). `workers`: how many child processes generate batches while
    this one writes (0: everything here); by default 1 when there are enough batches to gain.
    Returns a French summary.
    """
    if members < 1:
        raise ValidationError("Le nombre d'assurés à créer doit être au moins 1.", field="members")
    started = time.perf_counter()
    spec, ref = _prepare_run(engine, members, seed, batch_size, today)
    with session_scope(engine, readonly=True) as s:
        done = set(s.scalars(select(SeedBatch.batch).where(SeedBatch.seed == seed)))
    todo = [b for b in range(spec.n_batches) if b not in done]
    if not todo:
        _finish(engine, spec)
        return _already(seed, members)

    ref_dir = resources_dir() / "reference"
    values = parse_values_csv((ref_dir / "values.csv").read_text(encoding="utf-8"))
    alds = parse_ald_csv((ref_dir / "ald.csv").read_text(encoding="utf-8"))
    css_path = ref_dir / "css_participation.csv"
    css_rows = (
        parse_css_participation_csv(css_path.read_text(encoding="utf-8"))
        if css_path.exists()
        else []
    )
    writer = make_writer(engine)
    rows_written = 0
    reimbursements = 0
    bar = _progress_bar(progress, members, sum(_batch_count(spec, b) for b in done))
    batches: Iterator[tuple[int, BatchRows | BatchFile]] = iter(())
    try:
        if workers is None:
            workers = DEFAULT_WORKERS if len(todo) >= PARALLEL_MIN_BATCHES else 0
        if workers > 0 and "fork" in get_all_start_methods():
            # On SQLite the children also write their batch to a scratch file, which this
            # process copies with INSERT ... SELECT: no Python binding of 20 million rows here.
            scratch = (
                tempfile.mkdtemp(prefix="advisor-desk-seed-")
                if isinstance(writer, SqliteWriter)
                else None
            )
            args = (spec, values, alds, css_rows, writer.ts_suffix, scratch)
            batches = _generate_in_workers(todo, args, workers, scratch)
        else:
            generator = BatchGenerator(spec, ref, values, alds, css_rows, writer.ts_suffix)
            batches = ((b, generator.generate(b)) for b in todo)
        for batch, payload in batches:
            if isinstance(payload, BatchFile):
                assert isinstance(writer, SqliteWriter)
                rows_written += _write_batch_file(writer, spec, batch, payload)
                reimbursements += payload.counts["reimbursements"]
            else:
                rows_written += _write_batch(writer, spec, batch, payload)
                reimbursements += len(payload["reimbursements"])
            if bar is not None:
                bar.update(_batch_count(spec, batch))
            if after_batch is not None:
                after_batch(batch)
    finally:
        if isinstance(batches, Generator):
            batches.close()  # stops the children and removes the scratch files now
        if bar is not None:
            bar.close()
        writer.close()
    _finish(engine, spec)
    elapsed = time.perf_counter() - started
    done_members = sum(_batch_count(spec, b) for b in todo)
    return (
        f"Base remplie avec la graine {seed} : {done_members} assurés créés "
        f"({members} au total), {reimbursements} lignes de remboursement, "
        f"{rows_written} lignes écrites en {elapsed:.1f} s."
    )


BatchRows = dict[str, list[tuple[Any, ...]]]


@dataclass(frozen=True, slots=True)
class BatchFile:
    """A batch written by a child process to a scratch SQLite file (tables without indexes)."""

    path: str
    counts: dict[str, int]


def _init_worker(
    spec: RunSpec, values: Any, alds: Any, css_rows: Any, ts_suffix: str, scratch: str | None
) -> None:
    global _worker_generator, _worker_scratch
    ref = build_reference(spec.seed, spec.today, password_hash="-")
    _worker_generator = BatchGenerator(spec, ref, values, alds, css_rows, ts_suffix)
    _worker_scratch = scratch


def _generate(batch: int) -> BatchRows | BatchFile:
    assert _worker_generator is not None
    rows = _worker_generator.generate(batch)
    if _worker_scratch is None:
        return rows
    path = os.path.join(_worker_scratch, f"batch-{batch}.db")
    write_scratch_file(path, [(t, COLUMNS[t], rows[t]) for t in TABLE_ORDER])
    return BatchFile(path, {t: len(r) for t, r in rows.items()})


_worker_generator: BatchGenerator | None = None
_worker_scratch: str | None = None


def _generate_in_workers(
    todo: list[int], args: tuple[Any, ...], workers: int, scratch: str | None
) -> Iterator[tuple[int, BatchRows | BatchFile]]:
    """Batches generated in child processes while this one writes the previous ones.

    Generating a batch and writing it cost about the same: overlapping them on two cores
    is what brings a million members under a quarter of an hour. Batches stay
    deterministic: a batch's rows depend on its number only.
    """
    # fork, not spawn: spawn re-imports the __main__ module, which breaks scripts without a
    # main guard and frozen bundles. The child never touches the inherited connections and
    # leaves with os._exit, so they are not closed under the parent's feet.
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("fork"),
        initializer=_init_worker,
        initargs=args,
    ) as pool:
        pending: deque[tuple[int, Future[BatchRows | BatchFile]]] = deque()
        queue = iter(todo)
        for batch in queue:
            pending.append((batch, pool.submit(_generate, batch)))
            if len(pending) >= workers + 1:
                break
        try:
            while pending:
                batch, future = pending.popleft()
                rows = future.result()
                nxt = next(queue, None)
                if nxt is not None:
                    pending.append((nxt, pool.submit(_generate, nxt)))
                yield batch, rows
        finally:
            for _, future in pending:
                future.cancel()
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)


def _batch_count(spec: RunSpec, batch: int) -> int:
    return min(spec.batch_size, spec.members - batch * spec.batch_size)


def _progress_bar(enabled: bool, total: int, initial: int) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    # No monitor thread: the generator child is forked and a fork should not copy threads.
    tqdm.monitor_interval = 0
    return tqdm(
        total=total,
        initial=initial,
        unit=" assurés",
        desc="Remplissage",
        file=sys.stderr,
        smoothing=0.05,
    )


def _prepare_run(
    engine: Engine, members: int, seed: int, batch_size: int | None, today: date | None
) -> tuple[RunSpec, ReferenceData]:
    """Find the run to resume, or check the database is empty and write the fixed part."""
    with session_scope(engine, readonly=True) as s:
        runs = list(s.scalars(select(SeedRun)))
        has_data = any(
            s.scalar(select(func.count()).select_from(select(cls.id).limit(1).subquery()))
            for cls in (Member, Advisor, Office, Professional)
        )
    if runs:
        run = runs[0]
        if len(runs) > 1 or run.seed != seed or run.members != members:
            raise ValidationError(
                f"Cette base a déjà été remplie avec la graine {run.seed} "
                f"({run.members} assurés) : impossible d'y ajouter la graine {seed} "
                f"({members} assurés). Utilisez une base vide ou relancez avec les mêmes "
                "paramètres pour terminer le remplissage.",
                field="seed",
            )
        if batch_size is not None and batch_size != run.batch_size:
            raise ValidationError(
                f"Le remplissage en cours utilise des lots de {run.batch_size} assurés, "
                f"pas {batch_size} : relancez sans changer la taille des lots.",
                field="batch_size",
            )
        spec = RunSpec(seed, members, run.batch_size, run.started_at.astimezone(UTC).date())
        # The password hash is only needed for insertion, done by the first run.
        return spec, build_reference(seed, spec.today, password_hash="-")
    if has_data:
        raise ValidationError(
            "Cette base contient déjà des données (assurés, agents ou points d'accueil) : "
            "les données de démonstration ne s'ajoutent qu'à une base vide.",
            field="seed",
        )
    size = batch_size or DEFAULT_BATCH_SIZE
    if size < 1:
        raise ValidationError("La taille des lots doit être au moins 1.", field="batch_size")
    now = datetime.now(UTC)
    day = today or now.date()
    spec = RunSpec(seed, members, size, day)
    ref = build_reference(seed, day)
    with session_scope(engine) as s:
        for table, cls in _REFERENCE_TABLES:
            rows = ref.rows.get(table)
            if rows:
                s.execute(insert(cls), rows)
        s.add(
            SeedRun(
                seed=seed,
                members=members,
                batch_size=size,
                started_at=datetime.combine(day, now.time(), tzinfo=UTC),
            )
        )
    return spec, ref


def _write_batch(
    writer: BulkWriter, spec: RunSpec, batch: int, rows: dict[str, list[tuple[Any, ...]]]
) -> int:
    """One transaction: every row of the batch and its seed_batches marker, or nothing."""
    now = datetime.now(UTC)
    stamp = f"{now.date().isoformat()} {now:%H:%M:%S}{writer.ts_suffix}"
    written = 0
    writer.begin()
    try:
        for table in TABLE_ORDER:
            writer.write(table, COLUMNS[table], rows[table])
            written += len(rows[table])
        writer.write("seed_batches", ("seed", "batch", "done_at"), [(spec.seed, batch, stamp)])
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    return written


def _write_batch_file(writer: SqliteWriter, spec: RunSpec, batch: int, bf: BatchFile) -> int:
    """The same transaction as _write_batch, copying from a child's scratch file."""
    now = datetime.now(UTC)
    stamp = f"{now.date().isoformat()} {now:%H:%M:%S}{writer.ts_suffix}"
    writer.attach(bf.path)
    try:
        writer.begin()
        try:
            for table in TABLE_ORDER:
                if bf.counts[table]:
                    writer.copy_attached(table, COLUMNS[table])
            writer.write("seed_batches", ("seed", "batch", "done_at"), [(spec.seed, batch, stamp)])
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
    finally:
        writer.detach()
        os.remove(bf.path)
    return sum(bf.counts.values())


def _finish(engine: Engine, spec: RunSpec) -> None:
    """Move PostgreSQL sequences past the explicit ids, analyze, then mark the run finished.

    In that order, so that an interruption here is repaired by the next run; a re-run of a
    finished seed finds finished_at set and returns at once.
    """
    with session_scope(engine, readonly=True) as s:
        finished = s.scalar(select(SeedRun.finished_at).where(SeedRun.seed == spec.seed))
    if finished is not None:
        return
    if engine.dialect.name == "sqlite":
        # Planner statistics, sampled (analysis_limit) so that 20 million rows take seconds.
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    elif engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            # The bulk writer ran without triggers: count the dashboard's summaries now.
            summaries.rebuild(conn)
            for table in Base.metadata.sorted_tables:
                if "id" not in table.c or not table.c.id.autoincrement:
                    continue
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f'COALESCE(MAX(id), 0) + 1, false) FROM "{table.name}"'
                    )
                )
        # Fresh statistics, or the application's first queries plan against empty tables.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    with session_scope(engine) as s:
        s.execute(
            update(SeedRun)
            .where(SeedRun.seed == spec.seed, SeedRun.finished_at.is_(None))
            .values(finished_at=datetime.now(UTC))
        )
