"""The audit trail: who did what, when, on which member; filtered by login or member."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QIntValidator, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.models.table import SORT_ROLE, Column, RowTableModel
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.labels import outcome_label
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

if TYPE_CHECKING:
    from advisor_desk.backend.admin import AuditRow

LIMITS = (200, 500, 1000)


def _when(at: datetime) -> str:
    return at.astimezone().strftime("%d/%m/%Y %H:%M:%S")


class AuditPanel(QWidget):
    """Newest first; reloads itself when shown after anything changed (every write audits)."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._dirty = True
        self._loaded = False
        self.model: RowTableModel[AuditRow] = RowTableModel(self._columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setObjectName("auditView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.reload)

        self.login = QLineEdit(self)
        self.login.setPlaceholderText(self.tr("All advisors"))
        self.login.setClearButtonEnabled(True)
        self.member = QLineEdit(self)
        self.member.setPlaceholderText(self.tr("All members"))
        self.member.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.member.setClearButtonEnabled(True)
        self.limit = QComboBox(self)
        for limit in LIMITS:
            self.limit.addItem(self.tr("{count} latest").format(count=limit), limit)
        self.search = QPushButton(self.tr("&Show"), self)
        self.search.setToolTip(self.tr("Apply the filters (Enter)"))
        self.search.clicked.connect(self.reload)
        self.login.returnPressed.connect(self.reload)
        self.member.returnPressed.connect(self.reload)
        self.limit.activated.connect(self.reload)
        filters = QHBoxLayout()
        for label, field in (
            (self.tr("&Login:"), self.login),
            (self.tr("&Member no.:"), self.member),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(field)
            filters.addWidget(caption)
            filters.addWidget(field, 1)
        filters.addWidget(self.limit)
        filters.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.state, 1)
        app.bus.changed.connect(self._on_changed)

    def _columns(self) -> list[Column[AuditRow]]:
        return [
            Column(self.tr("Date"), lambda r: _when(r.at), sort_key=lambda r: r.id),
            Column(self.tr("Login"), lambda r: r.login),
            Column(self.tr("Action"), lambda r: r.action),
            Column(
                self.tr("Member"),
                lambda r: str(r.member_id) if r.member_id is not None else "",
                sort_key=lambda r: r.member_id or 0,
                align_right=True,
            ),
            Column(self.tr("Target"), lambda r: r.target or ""),
            Column(self.tr("Outcome"), lambda r: outcome_label(r.outcome)),
            Column(self.tr("Detail"), lambda r: r.detail or ""),
        ]

    def reload(self) -> None:
        self._dirty = False
        if not self._loaded:
            self.state.show_loading()
        admin = self._app.backend.admin
        login = self.login.text().strip() or None
        member = int(self.member.text()) if self.member.text().strip() else None
        limit = int(self.limit.currentData())
        self._app.ops.call(
            lambda: admin.audit_trail(member_id=member, login=login, limit=limit),
            on_success=self._on_loaded,
            on_failure=self._on_failed,
            key="admin.audit_trail",
            owner=self,
        )

    def _on_loaded(self, rows: list[AuditRow]) -> None:
        self._loaded = True
        self.model.set_rows(rows)
        if rows:
            self.state.show_content()
        else:
            self.state.show_empty(self.tr("No audit event matches these filters."))

    def _on_failed(self, error: OpError) -> None:
        self._loaded = False
        self.state.show_error(error.message)

    def _on_changed(self, _topic: str, _payload: object) -> None:
        self._dirty = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()
