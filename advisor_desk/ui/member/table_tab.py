"""A member-file tab that is one read-only table, with its loading, empty and error states."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from advisor_desk.models.member_file_table import DtoTableModel
from advisor_desk.ui.state_panel import StatePanel

from .table_columns import fit_columns


class TableTab(QWidget):
    retry_requested = Signal()

    def __init__(
        self,
        model: DtoTableModel[Any],
        empty_text: str,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        model.setParent(self)
        self.empty_text = empty_text
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.retry_requested)
        self.note = QLabel(note, self)
        self.note.setObjectName("formNote")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        layout = QVBoxLayout(self)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.note)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.state.show_content()
            fit_columns(self.view, 420)
            self.view.selectRow(0)
        else:
            self.state.show_empty(self.empty_text)

    def show_loading(self) -> None:
        self.model.clear()
        self.state.show_loading()

    def show_error(self, message: str) -> None:
        self.model.clear()
        self.state.show_error(message)

    def clear(self) -> None:
        self.model.clear()
        self.state.show_empty("")
