"""Supervision screen: workload dashboard (charts beside tables), rebalancing, exports, drill-down."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.supervision_dto import (
    AgentItem,
    Dashboard,
    DeclarationCell,
    RebalanceReport,
)
from advisor_desk.domain.enums import DeclarationKind, DeclarationState, MailTheme
from advisor_desk.domain.sla import minutes_text
from advisor_desk.models.supervision import (
    AgentItemsModel,
    AgentLoadModel,
    BacklogModel,
    DeclarationBacklogModel,
    theme_rows,
)
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.screens import COURRIELS, DEMARCHES
from advisor_desk.ui.supervision.charts import BacklogChart, FlowChart
from advisor_desk.ui.supervision.period_bar import PeriodBar

TOPIC = "supervision.rebalanced"  # payload: the RebalanceReport
# Written elsewhere, and what the Courriels and Démarches screens reload on.
MAIL_TOPIC = "mail"
DECLARATIONS_TOPIC = "declarations"


def _table(parent: QWidget, name: str, multi: bool = False) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    # Few rows, short figures: every column as wide as its title or its widest cell.
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _select(combo: QComboBox, value: object) -> None:
    # Qt may hand enums back as plain strings: StrEnum compares equal to its value.
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return


class SupervisionScreen(QWidget):
    """Figures of the supervisor's team and office; administrators see every office."""

    # key of the screen to open, and its filters: {"theme": …} or {"kind": …, "state": …}
    drilldown_requested = Signal(str, object)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionScreen")
        self._app = app
        self.dashboard: Dashboard | None = None
        self.period = PeriodBar(self)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setShortcut("F5")
        self.refresh_button.setToolTip(self.tr("Reload the figures (F5)"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"), self)
        self.xlsx_button = QPushButton(self.tr("Export &XLSX…"), self)
        self.pdf_button = QPushButton(self.tr("&PDF summary…"), self)
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addStretch(1)
        for button in (self.refresh_button, self.csv_button, self.xlsx_button, self.pdf_button):
            top.addWidget(button)
        self.status = QLabel(self)
        self.status.setObjectName("supervisionStatus")
        self.status.setWordWrap(True)
        self.mail_figures = QLabel(self)
        self.mail_figures.setObjectName("mailFigures")
        self.mail_figures.setWordWrap(True)
        self.other_figures = QLabel(self)
        self.other_figures.setObjectName("otherFigures")
        self.other_figures.setWordWrap(True)

        self.backlog_chart = BacklogChart(self)
        self.flow_chart = FlowChart(self)
        self.backlog_model = BacklogModel(self)
        self.backlog_table = _table(self, "backlogTable")
        self.backlog_table.setModel(self.backlog_model)
        self.declaration_model = DeclarationBacklogModel(self)
        self.declaration_table = _table(self, "declarationBacklogTable")
        self.declaration_table.setModel(self.declaration_model)
        self.agent_model = AgentLoadModel(self)
        self.agent_table = _table(self, "agentTable")
        self.agent_table.setModel(self.agent_model)
        self.items_model = AgentItemsModel(self)
        self.items_table = _table(self, "agentItems", multi=True)
        self.items_table.setModel(self.items_model)
        self.target = QComboBox(self)
        self.target.setObjectName("rebalanceTarget")
        self.rebalance_button = QPushButton(self.tr("&Reassign"), self)
        self.rebalance_button.setObjectName("rebalanceButton")
        self.rebalance_button.setEnabled(app.allows("supervision.rebalance"))

        charts = QGridLayout()
        charts.addWidget(self.backlog_chart, 0, 0)
        charts.addWidget(self.backlog_table, 0, 1)
        charts.addWidget(self.flow_chart, 1, 0)
        charts.addWidget(self.declaration_table, 1, 1)
        figures = QWidget(self)
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addWidget(self.mail_figures)
        figures_layout.addWidget(self.other_figures)
        figures_layout.addLayout(charts, 1)

        rebalance = QGroupBox(self.tr("Agents and rebalancing"), self)
        target_label = QLabel(self.tr("Reassign the selected items &to:"), rebalance)
        target_label.setBuddy(self.target)
        # The label above the list: beside it, it left the list a few letters of a name.
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.rebalance_button)
        rebalance_layout = QVBoxLayout(rebalance)
        rebalance_layout.addWidget(self.agent_table, 2)
        rebalance_layout.addWidget(self.items_table, 1)
        rebalance_layout.addWidget(target_label)
        rebalance_layout.addLayout(target_row)

        splitter = QSplitter(self)
        splitter.addWidget(figures)
        splitter.addWidget(rebalance)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

        self.period.changed.connect(lambda _first, _last: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        self.backlog_chart.theme_clicked.connect(self.open_mail_queue)
        self.backlog_table.activated.connect(self._backlog_activated)
        self.declaration_table.activated.connect(self._declaration_activated)
        self.agent_table.selectionModel().selectionChanged.connect(self._agent_changed)
        self.rebalance_button.clicked.connect(self.rebalance_selected)
        app.bus.changed.connect(self._bus_changed)
        self.reload()

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        self.period.refresh()
        first, last = self.period.period()
        supervision = self._app.backend.supervision
        self.status.setText(self.tr("Loading…"))
        self._app.ops.call(
            lambda: supervision.dashboard(first, last),
            on_success=self._loaded,
            on_failure=self._failed,
            key="supervision.dashboard",
            owner=self,
        )

    def _loaded(self, board: Dashboard) -> None:
        self.dashboard = board
        m, d, a = board.mail, board.declarations, board.appointments
        self.status.setText(
            self.tr("From {first} to {last}.").format(
                first=board.period_start.strftime("%d/%m/%Y"),
                last=board.period_end.strftime("%d/%m/%Y"),
            )
        )
        rows = theme_rows(m.backlog)
        self.backlog_model.set_rows(rows)
        self.backlog_chart.set_rows(rows)
        self.flow_chart.set_flow(m.flow)
        self.declaration_model.set_rows(d.backlog)
        self.mail_figures.setText(
            self.tr(
                "E-mails: {open} open; response deadline met: {sla}; first response median "
                "{fr} (p90 {fr90}); resolution median {res} (p90 {res90}); "
                "backlog cleared in {days} days at {rate} closures a day."
            ).format(
                open=m.open_total,
                sla=_pct(m.sla_rate),
                fr=minutes_text(m.first_response.median_min),
                fr90=minutes_text(m.first_response.p90_min),
                res=minutes_text(m.resolution.median_min),
                res90=minutes_text(m.resolution.p90_min),
                days=_num(m.days_to_clear),
                rate=_num(m.closure_rate_per_day),
            )
        )
        self.other_figures.setText(
            self.tr(
                "Procedures: {open} open, {overdue} overdue; acceptance rate {acc}. "
                "Appointments: {booked} booked, no-show rate {noshow}, average wait {wait}."
            ).format(
                open=d.open_total,
                overdue=d.overdue,
                acc=_pct(d.acceptance_rate),
                booked=sum(c.booked for c in a.occupancy),
                noshow=_pct(a.noshow_rate),
                wait="—" if a.avg_wait_min is None else f"{_num(a.avg_wait_min)} min",
            )
        )
        selected = self._selected_agent()
        self.agent_model.set_rows(board.agents)
        self._fill_targets()
        if selected is not None:
            for row, agent in enumerate(board.agents):
                if agent.agent_id == selected:
                    self.agent_table.selectRow(row)

    def _failed(self, error: OpError) -> None:
        self.status.setText(error.message)

    def _bus_changed(self, topic: str, _payload: object) -> None:
        if topic in (MAIL_TOPIC, DECLARATIONS_TOPIC, Topics.CONNECTION_RESTORED):
            self.reload()

    # -- drill-down --------------------------------------------------------------------

    def _show(self, key: str) -> QWidget | None:
        """Bring another screen to the front through the workspace that holds this one."""
        widget = self.parentWidget()
        while widget is not None:
            show = getattr(widget, "show_screen", None)
            if callable(show):
                screen = show(key)
                return screen if isinstance(screen, QWidget) else None
            widget = widget.parentWidget()
        return None

    def open_mail_queue(self, theme: MailTheme) -> None:
        self.drilldown_requested.emit(COURRIELS, {"theme": theme})
        screen = self._show(COURRIELS)
        if screen is None:
            return
        view = getattr(screen, "view", None)
        if isinstance(view, QComboBox):
            _select(view, "all")
        combo = getattr(screen, "theme", None)
        if isinstance(combo, QComboBox):
            _select(combo, theme)

    def open_declaration_queue(self, kind: DeclarationKind, state: DeclarationState) -> None:
        self.drilldown_requested.emit(DEMARCHES, {"kind": kind, "state": state})
        screen = self._show(DEMARCHES)
        if screen is None:
            return
        for name, value in (("view", "all"), ("kind", kind), ("state", state)):
            combo = getattr(screen, name, None)
            if isinstance(combo, QComboBox):
                _select(combo, value)

    def _backlog_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_mail_queue(self.backlog_model.row_at(index.row()).theme)

    def _declaration_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            cell: DeclarationCell = self.declaration_model.row_at(index.row())
            self.open_declaration_queue(cell.kind, cell.state)

    # -- rebalancing -------------------------------------------------------------------

    def _selected_agent(self) -> int | None:
        rows = self.agent_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.agent_model.row_at(rows[0].row()).agent_id

    def _fill_targets(self) -> None:
        current = self.target.currentData()
        self.target.clear()
        self.target.addItem(self.tr("Back to the queue"), None)
        for agent in self.agent_model.rows:
            self.target.addItem(agent.label, agent.agent_id)
        _select(self.target, current)

    def _agent_changed(self) -> None:
        agent_id = self._selected_agent()
        if agent_id is None:
            self.items_model.set_rows([])
            return
        supervision = self._app.backend.supervision
        self._app.ops.call(
            lambda: supervision.agent_items(agent_id),
            on_success=self._items_loaded,
            on_failure=self._failed,
            key="supervision.agent_items",
            owner=self,
        )

    def _items_loaded(self, items: list[AgentItem]) -> None:
        self.items_model.set_rows(items)

    def selected_items(self) -> list[AgentItem]:
        return [
            self.items_model.row_at(i.row())
            for i in self.items_table.selectionModel().selectedRows()
        ]

    def rebalance_selected(self) -> None:
        items = self.selected_items()
        if not items:
            self.status.setText(self.tr("Select the items to reassign first."))
            return
        threads = [i.id for i in items if i.kind == "mail"]
        declarations = [i.id for i in items if i.kind == "declaration"]
        raw = self.target.currentData()
        target = int(raw) if raw is not None else None
        supervision = self._app.backend.supervision
        self._app.ops.call(
            lambda: supervision.rebalance(threads, declarations, target),
            on_success=self._rebalanced,
            on_failure=self._failed,
            owner=self,
        )

    def _rebalanced(self, report: RebalanceReport) -> None:
        count = len(report.thread_ids) + len(report.declaration_ids)
        self.status.setText(self.tr("{count} item(s) reassigned.").format(count=count))
        self._app.bus.publish(TOPIC, report)
        # The queues refresh themselves, and so does this screen.
        if report.thread_ids:
            self._app.bus.publish(MAIL_TOPIC, None)
        if report.declaration_ids:
            self._app.bus.publish(DECLARATIONS_TOPIC, None)
        self._agent_changed()

    # -- exports -----------------------------------------------------------------------

    def _ask_export(self, kind: str) -> None:
        filters = {
            "csv": self.tr("CSV files (*.csv)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
        }
        first, last = self.period.period()
        suggested = f"supervision_{first.isoformat()}_{last.isoformat()}.{kind}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), suggested, filters[kind])
        if path:
            self.export_to(kind, Path(path))

    def export_to(self, kind: str, path: Path) -> None:
        """Fetch the export of the current period in the background and write it to `path`."""
        first, last = self.period.period()
        supervision = self._app.backend.supervision
        calls: dict[str, Callable[[date, date], bytes]] = {
            "csv": supervision.export_csv,
            "xlsx": supervision.export_xlsx,
            "pdf": supervision.summary_pdf,
        }
        fetch = calls[kind]

        def run() -> Path:
            path.write_bytes(fetch(first, last))
            return path

        self._app.ops.call(
            run, on_success=self._exported, on_failure=self._export_failed, owner=self
        )

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to {path}.").format(path=path))

    def _export_failed(self, error: OpError) -> None:
        QMessageBox.warning(self, self.tr("Export"), error.message)


def _pct(value: float | None) -> str:
    return "—" if value is None else QLocale().toString(value * 100, "f", 1) + "\u00a0%"


def _num(value: float | int | None) -> str:
    if value is None:
        return "—"
    return QLocale().toString(value, "f", 1) if isinstance(value, float) else str(value)
