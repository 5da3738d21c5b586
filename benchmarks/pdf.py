"""Official documents as PDF: each kind issued for random members, against bare reportlab.

    python benchmarks/run.py pdf --db URL [--runs 40] [--seed 7]
    python benchmarks/pdf.py [--db URL] ...      (the same, without the dispatcher)

Each document is issued through the facade as at the counter (data loading, rendering with
the letterhead and QR code, registration of number, hash and PDF); the reference, in the same
run, is a bare platypus A4 page: a title, 5 paragraphs and a 40-row table. Without `--db`, a
temporary SQLite database is seeded with demo members (backend/seed.py). The documents issued
by the benchmark are removed from the register at the end (their audit rows stay).
Result: {"scenario": "pdf", "docs": {kind: {"p50_ms", "p95_ms", ...}}, "bare_p95_ms", "max_ratio"}.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import delete, func, select

from advisor_desk.backend import migrate
from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import (
    Advisor,
    IssuedDocument,
    Member,
    Office,
    RightsPeriod,
)
from advisor_desk.backend.service import AdvisorInfo
from advisor_desk.domain.enums import Role

TARGET_RATIO = 3.0


def bare_reference() -> bytes:
    """The fixed reference: an A4 page with a title, 5 paragraphs and a 40-row table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    text = (
        "L'Assurance Maladie rembourse les soins sur la base des tarifs de la Sécurité "
        "sociale ; la participation forfaitaire et les franchises sont retenues sur les "
        "remboursements, dans la limite de plafonds annuels. "
    )
    story: list[Any] = [Paragraph("Relevé de référence", styles["Title"])]
    story += [Paragraph(text * 2, styles["BodyText"]) for _ in range(5)]
    story.append(Spacer(1, 12))
    rows = [["Date", "Acte", "Base", "Taux", "Remboursé"]]
    rows += [
        [f"{(i % 28) + 1:02d}/03/2026", f"Acte n° {i}", "30,00 €", "70 %", "19,00 €"]
        for i in range(40)
    ]
    table = Table(rows, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
            ]
        )
    )
    story.append(table)
    doc.build(story)
    return buffer.getvalue()


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def _stats(samples: list[float]) -> dict[str, float]:
    return {
        "n": len(samples),
        "p50_ms": round(_p(samples, 0.50), 2),
        "p95_ms": round(_p(samples, 0.95), 2),
        "mean_ms": round(statistics.fmean(samples), 2),
        "max_ms": round(max(samples), 2),
    }


def _counter(engine: Any) -> AdvisorInfo:
    """A counter advisor of the database (created if there is none), bound without a password."""
    with session_scope(engine) as s:
        advisor = s.scalar(
            select(Advisor).where(Advisor.role == Role.COUNTER, Advisor.active.is_(True)).limit(1)
        )
        if advisor is None:
            office = s.scalar(select(Office).limit(1))
            advisor = Advisor(
                login="bench.pdf",
                full_name="Banc d'essai PDF",
                role=Role.COUNTER,
                office_id=office.id if office else None,
                password_hash="!",
                active=False,  # cannot log in
                failed_attempts=0,
            )
            s.add(advisor)
            s.flush()
        office_name = s.scalar(select(Office.name).where(Office.id == advisor.office_id))
        return AdvisorInfo(
            advisor.id,
            advisor.login,
            advisor.full_name,
            advisor.role,
            advisor.office_id,
            office_name,
            None,
            None,
        )


def _members(engine: Any, rng: random.Random, count: int) -> list[int]:
    """Random members whose rights are open today."""
    today = date.today()
    with session_scope(engine, readonly=True) as s:
        ids = list(
            s.scalars(
                select(Member.id)
                .join(RightsPeriod, RightsPeriod.member_id == Member.id)
                .where(
                    RightsPeriod.start <= today,
                    (RightsPeriod.end.is_(None)) | (RightsPeriod.end >= today),
                )
                .distinct()
            )
        )
    if not ids:
        raise SystemExit("no member with open rights in this database: seed it first")
    return [rng.choice(ids) for _ in range(count)]


def _seeded_temp_db(members: int, seed: int, folder: Path) -> str:
    from advisor_desk.backend.seed import seed_database

    url = f"sqlite:///{folder / 'bench.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    seed_database(engine, members=members, seed=seed)
    engine.dispose()
    return url


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="pdf", description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a temporary seeded SQLite)")
    parser.add_argument("--runs", type=int, default=40, help="documents per kind (default 40)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--members", type=int, default=300, help="members of the temporary DB")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        return _run(args, args.db or _seeded_temp_db(args.members, args.seed, Path(tmp)))


def _run(args: argparse.Namespace, url: str) -> dict[str, Any]:
    engine = make_engine(url)
    rng = random.Random(args.seed)
    backend = BoundBackend(engine, _counter(engine), None)
    docs = backend.documents
    today = date.today()
    with session_scope(engine, readonly=True) as s:
        first_new_id = (s.scalar(select(func.max(IssuedDocument.id))) or 0) + 1

    def last_month() -> tuple[int, int]:
        d = today.replace(day=1) - timedelta(days=rng.randint(1, 330))
        return d.year, d.month

    kinds: dict[str, Callable[[int], object]] = {
        "rights_certificate": lambda m: docs.issue_rights_certificate(m),
        "ij_certificate": lambda m: docs.issue_ij_certificate(
            m, today - timedelta(days=365), today
        ),
        "tax_statement": lambda m: docs.issue_tax_statement(m, today.year - 1),
        "monthly_statement": lambda m: docs.issue_monthly_statement(m, *last_month()),
        "ehic_provisional": lambda m: docs.issue_ehic_provisional(m),
    }
    members = _members(engine, rng, args.runs)
    # Warm-up: imports, fonts, statement caches; not measured.
    for issue in kinds.values():
        issue(members[0])
    bare_reference()

    timings: dict[str, list[float]] = {k: [] for k in kinds}
    bare: list[float] = []
    pages = 0
    for i in range(args.runs):
        # Interleaved so that both sides see the same machine state.
        for name, issue in kinds.items():
            t0 = time.perf_counter()
            result = issue(members[i])
            timings[name].append((time.perf_counter() - t0) * 1000)
            pdf = getattr(result, "pdf", b"")
            pages += pdf.count(b"/Type /Page\n") if isinstance(pdf, bytes) else 0
        t0 = time.perf_counter()
        bare_reference()
        bare.append((time.perf_counter() - t0) * 1000)

    with session_scope(engine) as s:
        s.execute(delete(IssuedDocument).where(IssuedDocument.id >= first_new_id))
    engine.dispose()
    doc_stats = {name: _stats(values) for name, values in timings.items()}
    bare_p95 = _p(bare, 0.95)
    ratios = {name: stats["p95_ms"] / bare_p95 for name, stats in doc_stats.items()}
    return {
        "scenario": "pdf",
        "db": engine.dialect.name,
        "runs": args.runs,
        "docs": doc_stats,
        "bare_p95_ms": round(bare_p95, 2),
        "bare_p50_ms": round(_p(bare, 0.5), 2),
        "ratios": {k: round(v, 2) for k, v in ratios.items()},
        "max_ratio": round(max(ratios.values()), 2),
        "target_max_ratio": TARGET_RATIO,
        "ok": max(ratios.values()) <= TARGET_RATIO,
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
