"""Reimbursements service: keyset pages, backend sorting and filtering, SQL totals, deductibles."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import AuditEvent, DeductibleEntry
from advisor_desk.backend.reimbursements_dto import (
    PaymentMeans,
    ReimbursementFilter,
    ReimbursementSort,
)
from advisor_desk.domain.enums import (
    AuditOutcome,
    CareCategory,
    LedgerEntryKind,
    ReimbursementStatus,
    Role,
)
from advisor_desk.domain.errors import NotFound, PermissionDenied, ValidationError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from documents.care_samples import TAX_YEAR, THIS_YEAR, CareSamples, add_care_samples

Bound = Callable[[Role], BoundBackend]


@pytest.fixture
def samples(engine: Engine) -> CareSamples:
    return add_care_samples(engine)


@pytest.fixture
def big(engine: Engine) -> CareSamples:
    """The same rows plus a member with 1,200 lines, for the paging tests."""
    return add_care_samples(engine, big_lines=1200)


def _audit(engine: Engine, action: str) -> list[AuditEvent]:
    with session_scope(engine) as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _all_ids(
    backend: BoundBackend, member_id: int, f: ReimbursementFilter, limit: int
) -> list[int]:
    ids: list[int] = []
    cursor = None
    while True:
        page = backend.reimbursements.page(member_id, f, cursor, limit)
        assert len(page.rows) <= limit
        ids += [r.id for r in page.rows]
        cursor = page.next_cursor
        if cursor is None:
            return ids


def test_overview_lists_beneficiaries_professionals_and_27_months(
    bound: Bound, samples: CareSamples, engine: Engine
) -> None:
    ov = bound(Role.COUNTER).reimbursements.overview(samples.member_id)
    assert [(b.rank, b.name) for b in ov.beneficiaries] == [
        (1, "Anne Marie LEFÈVRE"),
        (2, "Lucas LEFÈVRE"),
        (3, "Emma LEFÈVRE"),
    ]
    assert {p.name for p in ov.professionals} == {"Paul DURAND", "Sophie ROUX"}
    assert ov.online_months == 27
    today = date.today()
    assert ov.default_from.day == 1
    assert (today.year - ov.default_from.year) * 12 + today.month - ov.default_from.month == 26
    assert [e.member_id for e in _audit(engine, "reimbursements.overview")] == [samples.member_id]


def test_first_page_newest_first_with_all_columns(bound: Bound, samples: CareSamples) -> None:
    page = bound(Role.COUNTER).reimbursements.page(
        samples.member_id, ReimbursementFilter(), None, 3
    )
    assert page.next_cursor is not None
    dates = [r.care_date for r in page.rows]
    assert dates == sorted(dates, reverse=True)
    rejected = bound(Role.COUNTER).reimbursements.page(
        samples.member_id, ReimbursementFilter(statuses=(ReimbursementStatus.REJECTED,))
    )
    assert len(rejected.rows) == 1
    row = rejected.rows[0]
    assert row.rejection_reason == "Droits non ouverts à la date des soins"
    assert row.reimbursed_cents == 0
    assert row.professional == "Paul DURAND (Médecine générale)"
    assert row.payment_date is None


@pytest.mark.parametrize("sort", list(ReimbursementSort))
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_cover_every_line_once_in_order(
    login: Callable[[Role], BoundBackend],
    big: CareSamples,
    sort: ReimbursementSort,
    descending: bool,
) -> None:
    counter = login(Role.COUNTER)
    f = ReimbursementFilter(sort=sort, descending=descending)
    ids = _all_ids(counter, big.big_id, f, 97)
    assert len(ids) == len(set(ids)) == 1200
    one_page = counter.reimbursements.page(big.big_id, f, None, 500)
    assert [r.id for r in one_page.rows] == ids[:500]


def test_dates_sorted_by_care_date_then_id(
    login: Callable[[Role], BoundBackend], big: CareSamples
) -> None:
    counter = login(Role.COUNTER)
    rows = []
    cursor = None
    while True:
        page = counter.reimbursements.page(big.big_id, ReimbursementFilter(), cursor, 250)
        rows += page.rows
        cursor = page.next_cursor
        if cursor is None:
            break
    keys = [(r.care_date, r.id) for r in rows]
    assert keys == sorted(keys, reverse=True)


def test_filters_run_in_the_backend(bound: Bound, samples: CareSamples) -> None:
    counter = bound(Role.COUNTER)
    m = samples.member_id

    def rows(**kw: object) -> list[tuple[int, str]]:
        page = counter.reimbursements.page(m, ReimbursementFilter(**kw), None, 100)  # type: ignore[arg-type]
        return [(r.rank, r.act_code) for r in page.rows]

    assert {rank for rank, _ in rows(rank=2)} == {2}
    assert len(rows(rank=2)) == 2
    assert rows(rank=3) == [(3, "AMI")]
    assert len(rows(rank=1)) == 5
    assert {a for _, a in rows(categories=(CareCategory.PARAMEDICAL,))} == {"AMI"}
    assert len(rows(professional_id=samples.nurse_id)) == 2
    assert len(rows(statuses=(ReimbursementStatus.PENDING,))) == 1
    assert len(rows(care_from=date(THIS_YEAR, 1, 1))) == 6
    assert len(rows(care_to=date(TAX_YEAR, 12, 31))) == 2
    assert len(rows(paid_from=date(TAX_YEAR, 6, 1), paid_to=date(TAX_YEAR, 6, 30))) == 2


def test_totals_are_sql_sums_of_the_filtered_lines(bound: Bound, samples: CareSamples) -> None:
    counter = bound(Role.COUNTER)
    f = ReimbursementFilter(care_from=date(THIS_YEAR, 1, 1))
    totals = counter.reimbursements.totals(samples.member_id, f)
    lines = [x for x in samples.lines if x["care_date"] >= date(THIS_YEAR, 1, 1)]  # type: ignore[operator]
    assert totals.lines == len(lines) == 6
    assert totals.charged_cents == sum(x["charged_cents"] for x in lines)  # type: ignore[misc]
    assert totals.reimbursed_cents == sum(x["reimbursed_cents"] for x in lines)  # type: ignore[misc]
    # 2100 - 200 + 806 - 200 + 2100 (tiers payant) + 900 - 100 + 0 + 900 - 100 (pending)
    assert totals.reimbursed_cents == 1900 + 606 + 2100 + 800 + 0 + 800
    assert totals.participation_cents == 200
    assert totals.franchise_cents == 400
    assert totals.paid_to_professional_cents == 2100
    assert totals.paid_to_member_cents == 1900 + 606 + 800
    assert (totals.pending_lines, totals.rejected_lines) == (1, 1)
    empty = counter.reimbursements.totals(samples.member_id, ReimbursementFilter(rank=9))
    assert empty.lines == 0 and empty.reimbursed_cents == 0


def test_monthly_statements_group_paid_lines_by_payment_month(
    bound: Bound, samples: CareSamples
) -> None:
    months = bound(Role.COUNTER).reimbursements.monthly_statements(
        samples.member_id, date(TAX_YEAR, 1, 1), date.today()
    )
    by_month = {(m.year, m.month): m for m in months}
    june = by_month[(TAX_YEAR, 6)]
    assert (june.lines, june.reimbursed_cents, june.paid_to_member_cents) == (2, 4200, 2100)
    assert sum(m.lines for m in months) == 6  # pending and rejected lines are on no statement
    assert [(m.year, m.month) for m in months] == sorted(by_month, reverse=True)


def test_deductibles_years_caps_and_debts(bound: Bound, samples: CareSamples) -> None:
    d = bound(Role.COUNTER).reimbursements.deductibles(samples.member_id)
    assert [y.year for y in d.years] == [THIS_YEAR, TAX_YEAR]
    now, last = d.years
    assert (now.participation_withheld_cents, now.participation_owed_cents) == (200, 200)
    assert (now.franchise_withheld_cents, now.franchise_owed_cents) == (300, 150)
    assert now.participation_cap_cents == now.franchise_cap_cents == 5000
    assert not now.participation_cap_reached and not now.franchise_cap_reached
    assert last.participation_cap_reached and last.franchise_cap_reached  # 4800 + 200; 5000
    assert [x.amount_cents for x in now.debts] == [150, 200]
    assert d.balance_cents == 550
    assert d.exemptions == []
    per_act = [r for r in last.rates if r.key == "participation.per_act_cents"]
    assert [r.value for r in per_act] == [200]


def test_deductible_rates_show_the_2024_change(
    login: Callable[[Role], BoundBackend], samples: CareSamples, engine: Engine
) -> None:
    with session_scope(engine) as s:
        s.add(
            DeductibleEntry(
                member_id=samples.member_id,
                year=2024,
                kind="participation",
                entry=LedgerEntryKind.WITHHELD,
                amount_cents=100,
                on=date(2024, 3, 1),
            )
        )
    d = login(Role.COUNTER).reimbursements.deductibles(samples.member_id)
    y2024 = next(y for y in d.years if y.year == 2024)
    per_act = [
        (r.valid_from, r.valid_to, r.value)
        for r in y2024.rates
        if r.key == "participation.per_act_cents"
    ]
    assert per_act == [(date(2024, 1, 1), date(2024, 5, 15), 100), (date(2024, 5, 15), None, 200)]


def test_exemptions_minor_and_css(bound: Bound, samples: CareSamples) -> None:
    d = bound(Role.COUNTER).reimbursements.deductibles(samples.minor_id)
    assert {e.reason.value for e in d.exemptions} == {"minor", "css"}


def test_record_payment_oldest_year_first_in_one_transaction(
    bound: Bound, samples: CareSamples, engine: Engine
) -> None:
    counter = bound(Role.COUNTER)
    receipt = counter.reimbursements.record_deductible_payment(
        samples.member_id, 300, PaymentMeans.CARD, "TX-123"
    )
    assert receipt.balance_cents == 250
    assert len(receipt.entry_ids) == 2
    with session_scope(engine) as s:
        paid = list(
            s.scalars(
                select(DeductibleEntry)
                .where(DeductibleEntry.entry == LedgerEntryKind.PAID)
                .order_by(DeductibleEntry.id)
            )
        )
    assert [(p.year, p.kind.value, p.amount_cents, p.means, p.reference) for p in paid] == [
        (TAX_YEAR, "participation", 200, "card", "TX-123"),
        (THIS_YEAR, "participation", 100, "card", "TX-123"),
    ]
    (event,) = _audit(engine, "reimbursements.record_deductible_payment")
    assert event.member_id == samples.member_id and "3,00" in (event.detail or "")
    after = counter.reimbursements.deductibles(samples.member_id)
    assert after.balance_cents == 250
    assert after.years[1].balance_cents == 0


def test_overpaying_is_refused_in_french(
    bound: Bound, samples: CareSamples, engine: Engine
) -> None:
    counter = bound(Role.COUNTER)
    with pytest.raises(ValidationError, match=r"dépasse la somme due \(5,50"):
        counter.reimbursements.record_deductible_payment(samples.member_id, 551, PaymentMeans.CASH)
    with pytest.raises(ValidationError, match="référence"):
        counter.reimbursements.record_deductible_payment(
            samples.member_id, 100, PaymentMeans.CHEQUE
        )
    with pytest.raises(ValidationError, match="positif"):
        counter.reimbursements.record_deductible_payment(samples.member_id, 0, PaymentMeans.CASH)
    counter.reimbursements.record_deductible_payment(samples.member_id, 550, PaymentMeans.CASH)
    with pytest.raises(ValidationError, match="ne doit rien"):
        counter.reimbursements.record_deductible_payment(samples.member_id, 1, PaymentMeans.CASH)
    with session_scope(engine) as s:
        paid = s.scalars(
            select(DeductibleEntry.amount_cents).where(
                DeductibleEntry.entry == LedgerEntryKind.PAID
            )
        ).all()
    assert sum(paid) == 550


def test_permissions_and_audit(bound: Bound, samples: CareSamples, engine: Engine) -> None:
    for role in (Role.SUPERVISOR, Role.ADMIN):
        with pytest.raises(PermissionDenied):
            bound(role).reimbursements.page(samples.member_id, ReimbursementFilter())
        with pytest.raises(PermissionDenied):
            bound(role).reimbursements.record_deductible_payment(
                samples.member_id, 100, PaymentMeans.CASH
            )
    refused = [
        e for e in _audit(engine, "reimbursements.page") if e.outcome is AuditOutcome.REFUSED
    ]
    assert len(refused) == 2 and all(e.member_id == samples.member_id for e in refused)
    agent = bound(Role.BACKOFFICE)
    page = agent.reimbursements.page(samples.member_id, ReimbursementFilter(), None, 2)
    agent.reimbursements.page(samples.member_id, ReimbursementFilter(), page.next_cursor, 2)
    ok = [e for e in _audit(engine, "reimbursements.page") if e.outcome is AuditOutcome.OK]
    assert len(ok) == 1  # one audit row per listing, not per page scrolled
    with pytest.raises(NotFound):
        agent.reimbursements.overview(999_999)


def test_bad_cursor_is_a_validation_error(bound: Bound, samples: CareSamples) -> None:
    with pytest.raises(ValidationError):
        bound(Role.COUNTER).reimbursements.page(
            samples.member_id, ReimbursementFilter(), "care_date|x|y"
        )
