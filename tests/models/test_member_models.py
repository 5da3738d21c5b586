"""The lookup and member-file table models pass qtmodeltester, empty, filled and cleared."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from advisor_desk.backend.members_dto import (
    AldInfo,
    DeclarationSummary,
    DependentInfo,
    IjPaymentInfo,
    MatchKind,
    QueryKind,
    SearchResult,
    SearchRow,
    SickLeaveInfo,
    VitaleInfo,
    WorkCaseStep,
)
from advisor_desk.domain.enums import (
    DeclarationKind,
    DeclarationState,
    FilingChannel,
    LeaveKind,
    Relationship,
    Sex,
    VitaleStatus,
)
from advisor_desk.models.member_file import (
    AldModel,
    DeclarationsModel,
    DependentsModel,
    IjPaymentsModel,
    SickLeavesModel,
    WorkCaseStepsModel,
)
from advisor_desk.models.member_file_labels import fmt_age, fmt_date, fmt_period
from advisor_desk.models.member_file_table import ROW_ROLE, DtoTableModel
from advisor_desk.models.member_search import SearchResultsModel
from advisor_desk.ui import i18n

D = date(2024, 3, 4)


@pytest.fixture(scope="module")
def french(qapp: Any) -> Iterator[Any]:
    """The French catalogue, as shipped; removed afterwards so other tests see no change."""
    translators = i18n.install_translators(qapp)
    yield qapp
    for translator in translators:
        qapp.removeTranslator(translator)


def _search_rows() -> list[SearchRow]:
    member = SearchRow(1, None, "Lefèvre", "Anne Marie", "Martin", date(1984, 3, 12),
                       "• •• •• •• ••• 112 45", "Lyon 3e", 2, None, MatchKind.NAME)  # fmt: skip
    dependent = SearchRow(1, 7, "Lefèvre", "Lucas", "Lefèvre", date(2012, 5, 3), "",
                          "Lyon 3e", 0, "Lefèvre Anne Marie", MatchKind.CLOSE)  # fmt: skip
    return [member, dependent]


def _payment() -> IjPaymentInfo:
    return IjPaymentInfo(1, D, D, 1, 5210, 5210, 4860, 2430, D)


SAMPLES: list[tuple[type[DtoTableModel[Any]], list[Any]]] = [
    (
        DependentsModel,
        [
            DependentInfo(7, 2, Relationship.CHILD, "Lefèvre", "Lucas", Sex.MALE,
                          date(2012, 5, 3), 13, "1 12 05 69 383 501 41",
                          VitaleInfo("V1", VitaleStatus.ACTIVE, D, D), None, 1),
            DependentInfo(8, 3, Relationship.CHILD, "Lefèvre", "Emma", Sex.FEMALE,
                          date(2015, 8, 19), 10, None, None, 3, 0),
        ],
    ),
    (
        AldModel,
        [
            AldInfo(1, 8, "Diabète", D, None, "PS-1", D, True, None, "", True, False, True),
            AldInfo(2, 30, "Tumeur", D, D, "PS-2", None, True, 7, "Lucas", False, False, False),
        ],
    ),
    (
        SickLeavesModel,
        [SickLeaveInfo(1, LeaveKind.SICKNESS, D, D, 1, "Dr B", True, "AT-1", [_payment()], 4860)],
    ),
    (IjPaymentsModel, [_payment()]),
    (WorkCaseStepsModel, [WorkCaseStep(D, "Décision", "Reconnu")]),
    (
        DeclarationsModel,
        [
            DeclarationSummary(1, "D-1", DeclarationKind.BIRTH, DeclarationState.RECEIVED,
                               FilingChannel.ONLINE, datetime(2025, 1, 2, tzinfo=UTC), None,
                               None, None, True),
            DeclarationSummary(2, "D-2", DeclarationKind.CSS_REQUEST, DeclarationState.ACCEPTED,
                               FilingChannel.MAIL, datetime(2024, 1, 2, tzinfo=UTC), D,
                               datetime(2024, 2, 2, tzinfo=UTC), None, False),
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize("model_cls, rows", SAMPLES, ids=lambda v: getattr(v, "__name__", ""))
def test_member_file_models(qtmodeltester: Any, model_cls: type, rows: list[Any]) -> None:
    model = model_cls()
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows)
    assert model.index(0, 0).data(ROW_ROLE) is rows[0]
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal)
        assert isinstance(model.index(0, column).data(), str)
    model.clear()
    qtmodeltester.check(model)
    assert model.rows == []


def test_search_results_model(qtmodeltester: Any, french: Any) -> None:
    model = SearchResultsModel()
    qtmodeltester.check(model)
    rows = _search_rows()
    model.set_result(SearchResult(QueryKind.NAME, rows, False, False, False))
    qtmodeltester.check(model)
    assert model.index(0, 3).data() == "• •• •• •• ••• 112 45"
    assert model.index(0, 5).data() == "2"
    assert model.index(0, 6).data() == "né(e) Martin"
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 3).data() == "pas de NIR propre"
    assert model.index(1, 5).data() == ""
    assert model.index(1, 6).data() == "Ayant droit de Lefèvre Anne Marie · Nom proche"
    model.clear()
    assert model.result is None and model.rowCount() == 0


def test_formats(french: Any) -> None:
    assert fmt_date(date(2024, 3, 4)) == "04/03/2024"
    assert fmt_date(None) == ""
    assert fmt_period(date(2024, 3, 4), None) == "depuis le 04/03/2024"
    assert fmt_period(date(2024, 3, 4), date(2025, 1, 1)) == "du 04/03/2024 au 01/01/2025"
    assert [fmt_age(n) for n in (0, 1, 2)] == ["0 an", "1 an", "2 ans"]
