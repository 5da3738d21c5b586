"""The monthly statements of a member: one row per month of payments; picking one filters the tab."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.reimbursements_dto import MonthlyStatementSummary
from advisor_desk.models.reimbursements import MonthlyStatementsModel


class MonthlyStatementsList(QWidget):
    """`month_selected(year, month)`, or `cleared` when the selection goes."""

    month_selected = Signal(int, int)
    cleared = Signal()
    issue_requested = Signal(int, int)  # print this month's statement

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthlyStatementsList")
        self.setMinimumWidth(320)
        self.model = MonthlyStatementsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("monthlyStatementsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        title = QLabel(self.tr("Monthly &statements"), self)
        title.setBuddy(self.view)
        self.issue_button = QPushButton(self.tr("Issue this statement"), self)
        self.issue_button.setEnabled(False)
        self.issue_button.clicked.connect(self._issue)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.issue_button)

    def set_rows(self, rows: list[MonthlyStatementSummary]) -> None:
        self.model.set_rows(rows)
        self.issue_button.setEnabled(False)

    def selected(self) -> MonthlyStatementSummary | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        month = self.selected()
        self.issue_button.setEnabled(month is not None)
        if month is None:
            self.cleared.emit()
        else:
            self.month_selected.emit(month.year, month.month)

    def _issue(self) -> None:
        month = self.selected()
        if month is not None:
            self.issue_requested.emit(month.year, month.month)
