"""The 'Sick leaves and AT/MP' tab: leaves with their IJ payments, work-accident timelines."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.members_dto import LeavesInfo
from advisor_desk.models.member_file import IjPaymentsModel, SickLeavesModel
from advisor_desk.ui.state_panel import StatePanel

from .table_columns import fit_columns
from .work_case_box import WorkCaseBox


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class LeavesTab(QWidget):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leavesTab")
        content = QSplitter(Qt.Orientation.Vertical, self)
        content.setChildrenCollapsible(False)

        leaves_pane = QWidget(content)
        self.leaves_title = QLabel(self.tr("Sick leaves"), leaves_pane)
        self.leaves_title.setObjectName("sectionTitle")
        self.leaves_model = SickLeavesModel(self)
        self.leaves = _table(leaves_pane)
        self.leaves.setObjectName("sickLeavesView")
        self.leaves.setModel(self.leaves_model)
        self.leaves.selectionModel().selectionChanged.connect(self._on_leave_selected)
        leaves_layout = QVBoxLayout(leaves_pane)
        leaves_layout.setContentsMargins(0, 0, 0, 0)
        leaves_layout.addWidget(self.leaves_title)
        leaves_layout.addWidget(self.leaves)

        payments_pane = QWidget(content)
        self.payments_title = QLabel(self.tr("IJ payments of the selected leave"), payments_pane)
        self.payments_title.setObjectName("sectionTitle")
        self.payments_model = IjPaymentsModel(self)
        self.payments = _table(payments_pane)
        self.payments.setObjectName("ijPaymentsView")
        self.payments.setModel(self.payments_model)
        payments_layout = QVBoxLayout(payments_pane)
        payments_layout.setContentsMargins(0, 0, 0, 0)
        payments_layout.addWidget(self.payments_title)
        payments_layout.addWidget(self.payments)

        self.content = content
        self.cases_area = QScrollArea(content)
        self.cases_area.setWidgetResizable(True)
        self.cases_body = QWidget(self.cases_area)
        self.cases_layout = QVBoxLayout(self.cases_body)
        self.cases_title = QLabel(
            self.tr("Work accidents and occupational diseases"), self.cases_body
        )
        self.cases_title.setObjectName("sectionTitle")
        self.no_cases = QLabel(
            self.tr("No work accident or occupational disease."), self.cases_body
        )
        self.cases_layout.addWidget(self.cases_title)
        self.cases_layout.addWidget(self.no_cases)
        self.cases_layout.addStretch(1)
        self.cases_area.setWidget(self.cases_body)
        self.case_boxes: list[WorkCaseBox] = []
        # Leaves, their payments, and the AT/MP timelines share the height about equally.
        content.setStretchFactor(0, 1)
        content.setStretchFactor(1, 1)
        content.setStretchFactor(2, 1)
        content.setSizes([1000, 1000, 1000])

        self.state = StatePanel(content, self)
        self.state.retry_requested.connect(self.retry_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        self._leaves: LeavesInfo | None = None

    def set_leaves(self, info: LeavesInfo) -> None:
        self.clear()
        self._leaves = info
        if not info.leaves and not info.work_cases:
            self.state.show_empty(
                self.tr("No sick leave and no work accident or occupational disease.")
            )
            return
        self.state.show_content()
        self.leaves_model.set_rows(info.leaves)
        fit_columns(self.leaves)
        if info.leaves:
            self.leaves.selectRow(0)
        self.no_cases.setVisible(not info.work_cases)
        for case in info.work_cases:
            box = WorkCaseBox(case, self.cases_body)
            self.cases_layout.insertWidget(self.cases_layout.count() - 1, box)
            self.case_boxes.append(box)
        self._balance(info)

    def _balance(self, info: LeavesInfo) -> None:
        """Tables as tall as their rows (a few, then they scroll), the timelines get the rest."""
        row = self.leaves.verticalHeader().defaultSectionSize()
        chrome = (
            self.leaves.horizontalHeader().sizeHint().height()
            + self.leaves_title.sizeHint().height()
            + row // 2
        )
        most_payments = max((len(lv.payments) for lv in info.leaves), default=0)
        leaves = chrome + row * min(max(len(info.leaves), 1), 4)
        payments = chrome + row * min(max(most_payments, 1), 3)
        total = max(self.content.height(), leaves + payments + chrome)
        # The timelines scroll: they take what is left, never more.
        self.content.setSizes([leaves, payments, max(total - leaves - payments, chrome)])

    def _on_leave_selected(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        rows = self.leaves.selectionModel().selectedRows()
        if not rows:
            self.payments_model.clear()
            return
        leave = self.leaves_model.row_at(rows[0].row())
        self.payments_model.set_rows(leave.payments)
        fit_columns(self.payments)

    def show_loading(self) -> None:
        self.clear()
        self.state.show_loading()

    def show_error(self, message: str) -> None:
        self.clear()
        self.state.show_error(message)

    def clear(self) -> None:
        self._leaves = None
        self.leaves_model.clear()
        self.payments_model.clear()
        for box in self.case_boxes:
            self.cases_layout.removeWidget(box)
            box.deleteLater()
        self.case_boxes = []
        self.no_cases.setVisible(True)
        self.state.show_empty("")
