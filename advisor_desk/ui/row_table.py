"""The read-only table of rows the screens list things in."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def row_table(
    parent: QWidget, model: QAbstractItemModel, name: str, *, min_section: int = 0
) -> QTableView:
    """One row selected at a time, nothing editable, no row numbers; columns as wide as their
    contents, the last one taking the rest. Tab leaves the table (arrows move in it).

    `min_section`: the least column width, for headers the theme's style sheet upper-cases
    (wider than Qt measures them).
    """
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    if min_section:
        header.setMinimumSectionSize(min_section)
    return view
