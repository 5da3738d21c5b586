"""RowTableModel under pytest-qt's model tester, and with a sort/filter proxy."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt

from advisor_desk.models.table import ROW_ROLE, SORT_ROLE, Column, RowTableModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str


COLUMNS = [
    Column("Id", lambda r: str(r.id), sort_key=lambda r: r.id, align_right=True),
    Column("Name", lambda r: r.name),
]


def test_model_passes_the_model_tester(qtmodeltester) -> None:
    model: RowTableModel[Row] = RowTableModel(COLUMNS)
    model.set_rows([Row(i, f"name {i}") for i in range(30)])
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_data_roles_and_sorting() -> None:
    model: RowTableModel[Row] = RowTableModel(COLUMNS)
    model.set_rows([Row(10, "b"), Row(9, "a")])
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert model.data(model.index(0, 0)) == "10"
    assert model.data(model.index(0, 0), SORT_ROLE) == 10
    assert model.data(model.index(1, 1), ROW_ROLE) == Row(9, "a")
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, 0)) == "9"  # numeric, not "10" < "9"
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterFixedString("b")
    assert proxy.rowCount() == 1
