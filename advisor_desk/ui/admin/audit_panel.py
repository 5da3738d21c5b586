"""The audit trail: who did what, when, on which member; filtered by login, member (NIR or
internal number) and period; exported as CSV."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
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
from advisor_desk.ui.save_path import ask_save_path
from advisor_desk.ui.state_panel import StatePanel

if TYPE_CHECKING:
    from advisor_desk.backend.admin import AuditRow

LIMITS = (200, 500, 1000)
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum: shown as "—", no limit


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
        self.member.setObjectName("auditMember")
        self.member.setPlaceholderText(self.tr("All members (NIR or internal number)"))
        self.member.setToolTip(
            self.tr(
                "A NIR (the member's or a dependent's: the member's file) or the internal "
                "number of the Member column"
            )
        )
        self.member.setClearButtonEnabled(True)
        self.since = self._date_edit("auditSince")
        self.until = self._date_edit("auditUntil")
        self.limit = QComboBox(self)
        for limit in LIMITS:
            self.limit.addItem(self.tr("{count} latest").format(count=limit), limit)
        self.search = QPushButton(self.tr("&Show"), self)
        self.search.setToolTip(self.tr("Apply the filters (Enter)"))
        self.search.clicked.connect(self.reload)
        self.export_button = QPushButton(self.tr("E&xport (CSV)…"), self)
        self.export_button.setObjectName("auditExport")
        self.export_button.setToolTip(
            self.tr("Every event of these filters (up to 100,000), to answer a member's request")
        )
        self.export_button.clicked.connect(self.ask_export)
        self.login.returnPressed.connect(self.reload)
        self.member.returnPressed.connect(self.reload)
        self.limit.activated.connect(self.reload)
        filters = QGridLayout()
        for column, (label, field) in enumerate(
            (
                (self.tr("&Login:"), self.login),
                (self.tr("&Member:"), self.member),
            )
        ):
            caption = QLabel(label, self)
            caption.setBuddy(field)
            filters.addWidget(caption, 0, 2 * column)
            filters.addWidget(field, 0, 2 * column + 1)
        period = QHBoxLayout()
        for label, day in ((self.tr("&From:"), self.since), (self.tr("&to:"), self.until)):
            caption = QLabel(label, self)
            caption.setBuddy(day)
            period.addWidget(caption)
            period.addWidget(day)
        period.addStretch(1)
        period.addWidget(self.limit)
        period.addWidget(self.search)
        period.addWidget(self.export_button)
        filters.addLayout(period, 1, 0, 1, 4)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        self.message = QLabel(self)
        self.message.setObjectName("formNote")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.state, 1)
        app.bus.changed.connect(self._on_changed)

    def _columns(self) -> list[Column[AuditRow]]:
        return [
            Column(self.tr("Date"), lambda r: _when(r.at), sort_key=lambda r: (r.at, r.id)),
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

    def _date_edit(self, name: str) -> QDateEdit:
        """A day, or "—" (no limit) at its minimum, which it starts at."""
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(NO_DATE)
        return edit

    def filters(self) -> dict[str, Any]:
        """The filters as the backend takes them: a NIR or an internal number, login, days."""
        text = self.member.text().strip()
        compact = text.replace(" ", "")
        member_id = int(compact) if compact.isdigit() and len(compact) <= 10 else None
        days = [
            None if edit.date() == NO_DATE else edit.date().toPython()
            for edit in (self.since, self.until)
        ]
        return {
            "member_id": member_id,
            "nir": text if text and member_id is None else None,
            "login": self.login.text().strip() or None,
            "since": days[0],
            "until": days[1],
        }

    def reload(self) -> None:
        self._dirty = False
        if not self._loaded:
            self.state.show_loading()
        admin = self._app.backend.admin
        filters = self.filters()
        limit = int(self.limit.currentData())
        self._app.ops.call(
            lambda: admin.audit_trail(limit=limit, **filters),
            on_success=self._on_loaded,
            on_failure=self._on_failed,
            key="admin.audit_trail",
            owner=self,
        )

    def ask_export(self) -> None:
        suggested = f"journal_audit_{date.today().isoformat()}.csv"
        path = ask_save_path(
            self, self.tr("Export the audit trail"), suggested, self.tr("CSV files (*.csv)")
        )
        if path:
            chosen = Path(path)
            self.export_to(chosen if chosen.suffix else chosen.with_suffix(".csv"))

    def export_to(self, path: Path) -> None:
        """Fetch the export of the current filters in the background and write it to `path`."""
        admin = self._app.backend.admin
        filters = self.filters()

        def run() -> Path:
            path.write_bytes(admin.export_audit_trail(**filters))
            return path

        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting the audit trail…"))
        self._app.ops.call(
            run,
            on_success=self._exported,
            on_failure=self._export_failed,
            key="admin.audit_export",
            owner=self,
        )

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.message.setText(self.tr("Saved to {path}.").format(path=path))

    def _export_failed(self, error: OpError) -> None:
        self.export_button.setEnabled(True)
        self.message.setText(error.message)

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
