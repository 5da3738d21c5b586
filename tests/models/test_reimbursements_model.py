"""The reimbursements model: qtmodeltester, keyset pages on fetchMore, backend sorting and filters."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from sqlalchemy import Engine

from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.reimbursements_dto import (
    ReimbursementFilter,
    ReimbursementPage,
    ReimbursementSort,
)
from advisor_desk.domain.enums import ReimbursementStatus, Role
from advisor_desk.models.deductibles import DebtsModel, DeductibleYearsModel, cap_text
from advisor_desk.models.reimbursements import (
    ROW_ROLE,
    MonthlyStatementsModel,
    ReimbursementsModel,
    month_label,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from documents.care_samples import TAX_YEAR, CareSamples, add_care_samples


@pytest.fixture
def samples(engine: Engine) -> CareSamples:
    return add_care_samples(engine, big_lines=1000)


@pytest.fixture
def counter(login: Callable[[Role], BoundBackend], samples: CareSamples) -> BoundBackend:
    return login(Role.COUNTER)


class Recorder:
    def __init__(self, counter: BoundBackend, member_id: int) -> None:
        self.calls: list[tuple[ReimbursementFilter, str | None, int]] = []
        self.counter = counter
        self.member_id = member_id

    def __call__(self, f: ReimbursementFilter, cursor: str | None, limit: int) -> ReimbursementPage:
        self.calls.append((f, cursor, limit))
        return self.counter.reimbursements.page(self.member_id, f, cursor, limit)


def _fetch_all(model: ReimbursementsModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_model_tester_while_pages_arrive(
    qtmodeltester: ModelTester, counter: BoundBackend, samples: CareSamples
) -> None:
    fetch = Recorder(counter, samples.big_id)
    model = ReimbursementsModel(fetch, page_size=100)
    model.set_filter(ReimbursementFilter())
    assert model.rowCount() == 100  # one page, until the view asks for more
    qtmodeltester.check(model, force_py=True)  # (it calls fetchMore itself)
    _fetch_all(model)
    assert model.rowCount() == 1000
    assert len(fetch.calls) == 10
    assert [c[1] is None for c in fetch.calls] == [True] + [False] * 9
    qtmodeltester.check(model, force_py=True)


def test_sorting_is_a_new_backend_listing(counter: BoundBackend, samples: CareSamples) -> None:
    fetch = Recorder(counter, samples.big_id)
    model = ReimbursementsModel(fetch, page_size=100)
    applied: list[tuple[int, Qt.SortOrder]] = []
    model.sort_applied.connect(lambda c, o: applied.append((c, o)))
    model.set_filter(ReimbursementFilter())
    reimbursed = 7  # the "Reimbursed" column
    model.sort(reimbursed, Qt.SortOrder.AscendingOrder)
    assert fetch.calls[-1][0].sort is ReimbursementSort.REIMBURSED
    assert fetch.calls[-1][0].descending is False and fetch.calls[-1][1] is None
    _fetch_all(model)
    values = [model.row_at(i).reimbursed_cents for i in range(model.rowCount())]
    assert values == sorted(values)
    calls = len(fetch.calls)
    model.sort(5, Qt.SortOrder.AscendingOrder)  # "Base": not sortable, nothing fetched
    assert len(fetch.calls) == calls
    assert applied[-1] == (reimbursed, Qt.SortOrder.AscendingOrder)


def test_filter_and_display(counter: BoundBackend, samples: CareSamples) -> None:
    model = ReimbursementsModel(Recorder(counter, samples.member_id))
    model.set_filter(ReimbursementFilter(rank=2))
    assert model.rowCount() == 2
    assert {model.row_at(i).beneficiary for i in range(2)} == {"Lucas LEFÈVRE"}
    model.set_filter(ReimbursementFilter(statuses=(ReimbursementStatus.REJECTED,)))
    assert model.rowCount() == 1
    status = model.index(0, 12)
    # The status reads "Rejected: <reason>" (translated when the French translator is loaded).
    assert model.data(status).endswith(": Droits non ouverts à la date des soins")
    assert model.data(model.index(0, 7)) == "0,00\u00a0€"
    align = model.data(model.index(0, 7), Qt.ItemDataRole.TextAlignmentRole)
    assert align & int(Qt.AlignmentFlag.AlignRight)
    assert model.data(model.index(0, 0), ROW_ROLE).status is ReimbursementStatus.REJECTED


def test_failure_stops_fetching(qtmodeltester: ModelTester) -> None:
    from advisor_desk.domain.errors import BackendUnavailable

    def broken(f: ReimbursementFilter, cursor: str | None, limit: int) -> ReimbursementPage:
        raise BackendUnavailable("Connexion perdue")

    model = ReimbursementsModel(broken)
    errors: list[str] = []
    model.failed.connect(errors.append)
    model.set_filter(ReimbursementFilter())
    assert errors == ["Connexion perdue"]
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)


def test_stale_page_is_dropped(counter: BoundBackend, samples: CareSamples) -> None:
    pending: list[Callable[[], None]] = []

    def deferred(task, ok, err):  # type: ignore[no-untyped-def]
        pending.append(lambda: ok(task()))

    model = ReimbursementsModel(Recorder(counter, samples.member_id), deferred)
    model.set_filter(ReimbursementFilter(rank=2))
    model.set_filter(ReimbursementFilter(rank=3))
    assert model.loading
    for run in pending:
        run()
    assert model.rowCount() == 1  # only the second listing's page was kept
    assert model.row_at(0).rank == 3


def test_small_models(
    qtmodeltester: ModelTester, counter: BoundBackend, samples: CareSamples
) -> None:
    months = MonthlyStatementsModel()
    from datetime import date

    months.set_rows(
        counter.reimbursements.monthly_statements(
            samples.member_id, date(TAX_YEAR, 1, 1), date.today()
        )
    )
    qtmodeltester.check(months, force_py=True)
    assert months.data(months.index(months.rowCount() - 1, 0)) == month_label(TAX_YEAR, 6)
    overview = counter.reimbursements.deductibles(samples.member_id)
    years = DeductibleYearsModel()
    years.set_rows(overview.years)
    qtmodeltester.check(years, force_py=True)
    assert years.data(years.index(1, 3)) == cap_text(5000, 5000)  # 4 800 withheld + 200 owed
    debts = DebtsModel()
    debts.set_rows(overview.years[0].debts)
    qtmodeltester.check(debts, force_py=True)
    assert debts.rowCount() == 2
