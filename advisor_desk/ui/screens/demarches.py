"""Démarches screen: the declarations queue (filters, overdue highlighted) beside one request."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.declarations_dto import (
    DeclarationDetail,
    DeclarationRow,
    ExportFormat,
    QueueView,
)
from advisor_desk.domain.declarations import KIND_TITLES_FR
from advisor_desk.domain.declarations.workflow import STATE_LABELS_FR
from advisor_desk.domain.enums import DeclarationKind, DeclarationState
from advisor_desk.models.declarations import DeclarationQueueModel
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.declarations.batch_bar import BatchBar
from advisor_desk.ui.declarations.detail_panel import DeclarationDetailPanel
from advisor_desk.ui.declarations.filing_dialog import TOPIC
from advisor_desk.ui.office_filter import OfficeFilter
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

# The age filter's thresholds, in calendar days since filing.
AGE_THRESHOLDS = (7, 15, 30, 60)


MEMBER_COLUMN, KIND_COLUMN = 1, 2  # of DeclarationQueueModel


class DemarchesScreen(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demarchesScreen")
        self._app = app
        self.view = QComboBox(self)
        self.view.setObjectName("queueView")
        for label, value in (
            (self.tr("Unassigned"), QueueView.UNASSIGNED),
            (self.tr("Mine"), QueueView.MINE),
            (self.tr("All"), QueueView.ALL),
        ):
            self.view.addItem(label, value)
        self.view.setCurrentIndex(2)
        self.kind = QComboBox(self)
        self.kind.setObjectName("queueKind")
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in DeclarationKind:
            self.kind.addItem(KIND_TITLES_FR[kind], kind)
        self.state = QComboBox(self)
        self.state.setObjectName("queueState")
        self.state.addItem(self.tr("Open"), None)
        for state in DeclarationState:
            self.state.addItem(STATE_LABELS_FR[state], state)
        self.age = QComboBox(self)
        self.age.setObjectName("queueAge")
        self.age.addItem(self.tr("Any age"), 0)
        for days in AGE_THRESHOLDS:
            self.age.addItem(self.tr("Filed {n} days ago or more").format(n=days), days)
        self.office = OfficeFilter(
            app, lambda: app.backend.declarations.offices(), "declarations.offices", self
        )
        self.office.setObjectName("queueOffice")
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setShortcut("F5")
        self.refresh_button.setToolTip(self.tr("Reload the queue (F5)"))
        self.export_button = QPushButton(self.tr("E&xport"), self)
        self.export_button.setObjectName("queueExport")
        self.export_button.setToolTip(
            self.tr("Save the filtered queue as a spreadsheet (every row, not only the first 500)")
        )
        export_menu = QMenu(self.export_button)
        self.export_csv_action = export_menu.addAction(self.tr("CSV file…"))
        self.export_xlsx_action = export_menu.addAction(self.tr("Excel workbook…"))
        self.export_button.setMenu(export_menu)
        self.export_csv_action.triggered.connect(lambda: self._ask_export(ExportFormat.CSV))
        self.export_xlsx_action.triggered.connect(lambda: self._ask_export(ExportFormat.XLSX))
        self.count = QLabel(self)
        filters = QHBoxLayout()
        view_label = QLabel(self.tr("&Queue:"), self)
        view_label.setBuddy(self.view)
        filters.addWidget(view_label)
        filters.addWidget(self.view)
        kind_label = QLabel(self.tr("&Kind:"), self)
        kind_label.setBuddy(self.kind)
        filters.addWidget(kind_label)
        filters.addWidget(self.kind)
        state_label = QLabel(self.tr("S&tate:"), self)
        state_label.setBuddy(self.state)
        filters.addWidget(state_label)
        filters.addWidget(self.state)
        filters.addStretch(1)
        more_filters = QHBoxLayout()
        age_label = QLabel(self.tr("&Age:"), self)
        age_label.setBuddy(self.age)
        more_filters.addWidget(age_label)
        more_filters.addWidget(self.age)
        office_label = QLabel(self.tr("&Office:"), self)
        office_label.setBuddy(self.office)
        more_filters.addWidget(office_label)
        more_filters.addWidget(self.office)
        more_filters.addStretch(1)
        # Long kind names must not widen the window: the combo shows a short width, lists in full.
        for combo in (self.view, self.kind, self.state, self.age, self.office):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)

        self.model = DeclarationQueueModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("declarationQueue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows: one decision for all of them (the batch bar below the queue).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        # A queue view holds at most a few hundred rows: columns fit their contents, but the
        # member's name and the kind (up to "Demande de carte européenne d'assurance maladie")
        # are elided, whole in their tooltip, so that the state and dates stay in view.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((MEMBER_COLUMN, 170), (KIND_COLUMN, 190)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.panel = StatePanel(self.table, self)
        self.batch = BatchBar(app, self)
        self.batch.applied.connect(lambda _report: self._app.bus.publish(TOPIC, None))
        self.panel.retry_requested.connect(self.reload)
        self.detail = DeclarationDetailPanel(app, self)
        self.detail.changed.connect(self._detail_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(more_filters)
        status = QHBoxLayout()
        status.addWidget(self.count, 1)
        status.addWidget(self.export_button)
        status.addWidget(self.refresh_button)
        left_layout.addLayout(status)
        left_layout.addWidget(self.panel)
        left_layout.addWidget(self.batch)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for combo in (self.view, self.kind, self.state, self.age, self.office):
            combo.currentIndexChanged.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        app.bus.changed.connect(self._bus_changed)
        self._selected_id: int | None = None
        if app.allows("declaration.process"):
            self.office.load()
            self.reload()
        else:
            self.detail.setEnabled(False)
            self.export_button.setEnabled(False)
            self.panel.show_empty(
                self.tr(
                    "Requests are processed by back-office agents. "
                    "File a new request from the member file."
                )
            )

    def reload(self) -> None:
        if not self._app.allows("declaration.process"):
            return
        view, kind, state, min_age, office_id = self.filters()
        if not self.model.rowCount():
            self.panel.show_loading()
        declarations = self._app.backend.declarations
        self._app.ops.call(
            lambda: declarations.queue(view, kind, state, min_age, office_id),
            on_success=self._loaded,
            on_failure=self._failed,
            key="declarations.queue",
            owner=self,
        )

    def filters(
        self,
    ) -> tuple[QueueView, DeclarationKind | None, DeclarationState | None, int | None, int | None]:
        """The queue's filters as the backend takes them (Qt hands enums back as strings)."""
        view = QueueView(self.view.currentData())
        kind_value, state_value = self.kind.currentData(), self.state.currentData()
        kind = DeclarationKind(kind_value) if kind_value else None
        state = DeclarationState(state_value) if state_value else None
        min_age = int(self.age.currentData() or 0) or None
        return view, kind, state, min_age, self.office.office_id()

    def _ask_export(self, fmt: ExportFormat) -> None:
        filters = {
            ExportFormat.CSV: self.tr("CSV files (*.csv)"),
            ExportFormat.XLSX: self.tr("Excel workbooks (*.xlsx)"),
        }
        suggested = f"demarches_{date.today().isoformat()}.{fmt.value}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), suggested, filters[fmt])
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: ExportFormat, path: Path) -> None:
        """Fetch the export of the current filters in the background and write it to `path`."""
        view, kind, state, min_age, office_id = self.filters()
        declarations = self._app.backend.declarations

        def run() -> Path:
            data = declarations.export_queue(view, kind, state, min_age, office_id, fmt)
            path.write_bytes(data)
            return path

        self.export_button.setEnabled(False)
        self._app.ops.call(
            run,
            on_success=self._exported,
            on_failure=self._export_failed,
            key="declarations.export",
            owner=self,
        )

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.count.setText(self.tr("Saved to {path}.").format(path=path))

    def _export_failed(self, error: OpError) -> None:
        self.export_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("Export"), error.message)

    def _loaded(self, rows: list[DeclarationRow]) -> None:
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        self.count.setText(
            self.tr("{n} request(s), {late} overdue").format(n=len(rows), late=overdue)
        )
        if not rows:
            self.panel.show_empty(self.tr("No request in this queue."))
            return
        self.panel.show_content()
        if self._selected_id is not None:
            row = self.model.row_index_of(self._selected_id)
            if row is not None:
                self.table.selectRow(row)

    def _failed(self, error: OpError) -> None:
        self.panel.show_error(error.message)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.batch.set_selection([self.model.row_at(r.row()).id for r in rows])
        if not rows:
            return
        row = self.model.row_at(rows[0].row())
        if row.id != self._selected_id or self.detail.detail is None:
            self._selected_id = row.id
            self.detail.show_declaration(row.id)

    def _detail_changed(self, detail: DeclarationDetail) -> None:
        self._selected_id = detail.id  # the bus message that follows reloads the queue

    def _bus_changed(self, topic: str, _payload: object) -> None:
        if topic in (TOPIC, Topics.CONNECTION_RESTORED):
            self.reload()
