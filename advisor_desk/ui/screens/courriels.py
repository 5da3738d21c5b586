"""Courriels screen: the shared mail queue (views, filters, "Next") beside one thread."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.mail_dto import (
    SUPERVISOR_VIEWS,
    MailView,
    QueueCounts,
    QueueFilter,
    QueuePage,
    SlaFilter,
    ThreadDetail,
)
from advisor_desk.domain.enums import MailTheme
from advisor_desk.models.mail_queue import MailQueueModel, theme_label
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.mail.thread_view import TOPIC, ThreadView
from advisor_desk.ui.office_filter import OfficeFilter
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

PAGE = 100
MAX_ROWS = 500  # the backend's page limit
# The queue and its counts refresh themselves this often while the screen is shown.
AUTO_REFRESH_MS = 30_000
# The age filter's thresholds, in hours since the member wrote.
AGE_HOURS = (4, 24, 48, 72, 168)
SUBJECT_COLUMN, THEME_COLUMN, AGENT_COLUMN = 0, 1, 5  # of MailQueueModel
THEME_WIDTH = 150


class CourrielsScreen(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("courrielsScreen")
        self._app = app
        supervisor = app.allows("mail.supervise")
        self.view = QComboBox(self)
        self.view.setObjectName("mailView")
        for label, value in (
            (self.tr("Unassigned"), MailView.UNASSIGNED),
            (self.tr("Mine"), MailView.MINE),
            (self.tr("Waiting for member"), MailView.PENDING),
            (self.tr("Escalated"), MailView.ESCALATED),
            (self.tr("Closed"), MailView.CLOSED),
            (self.tr("All"), MailView.ALL),
        ):
            if supervisor or value not in SUPERVISOR_VIEWS:
                self.view.addItem(label, value)
        self.theme = QComboBox(self)
        self.theme.setObjectName("mailTheme")
        self.theme.addItem(self.tr("All themes"), None)
        for theme in MailTheme:
            self.theme.addItem(theme_label(theme), theme)
        self.age = QComboBox(self)
        self.age.setObjectName("mailAge")
        self.age.addItem(self.tr("Any age"), 0)
        for hours in AGE_HOURS:
            age_text = (
                self.tr("Received {n} h ago or more").format(n=hours)
                if hours < 48
                else self.tr("Received {n} days ago or more").format(n=hours // 24)
            )
            self.age.addItem(age_text, hours)
        self.sla = QComboBox(self)
        self.sla.setObjectName("mailSla")
        self.sla.addItem(self.tr("Any deadline"), None)
        for sla_text, sla in (
            (self.tr("Overdue"), SlaFilter.BREACHED),
            (self.tr("Due today"), SlaFilter.DUE_TODAY),
            (self.tr("On time"), SlaFilter.ON_TIME),
            (self.tr("Paused (waiting for the member)"), SlaFilter.PAUSED),
        ):
            self.sla.addItem(sla_text, sla)
        self.office = OfficeFilter(app, lambda: app.backend.mail.offices(), "mail.offices", self)
        self.office.setObjectName("mailOffice")
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.next_button.setObjectName("nextThread")
        self.next_button.setShortcut(QKeySequence("Ctrl+N"))
        self.next_button.setToolTip(self.tr("Take the most urgent unassigned e-mail (Ctrl+N)"))
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.setToolTip(self.tr("Reload the queue (F5)"))
        self.count = QLabel(self)
        self.count.setObjectName("mailCounts")
        # Two filters a row, aligned in columns: the queue stays narrow enough for the thread
        # beside it to keep half of a 1280-pixel screen.
        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        for n, (text, combo) in enumerate(
            (
                (self.tr("&Queue:"), self.view),
                (self.tr("T&heme:"), self.theme),
                (self.tr("&Age:"), self.age),
                (self.tr("&Deadline:"), self.sla),
                (self.tr("O&ffice:"), self.office),
            )
        ):
            caption = QLabel(text, self)
            caption.setBuddy(combo)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            row, column = divmod(n, 2)
            filters.addWidget(caption, row, 2 * column)
            filters.addWidget(combo, row, 2 * column + 1)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        filters.addWidget(self.next_button, 0, 4)
        filters.addWidget(self.refresh_button, 2, 4)
        filters.addWidget(self.count, 2, 2, 1, 2)

        self.model = MailQueueModel(self)
        self.model.fetcher = self._fetch_more
        self.table = QTableView(self)
        self.table.setObjectName("mailQueue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # The subject takes what is left; the other columns are as wide as their contents.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SUBJECT_COLUMN, QHeaderView.ResizeMode.Stretch)
        # A theme may be long ("Adresse, coordonnées bancaires"): elided, whole in the tooltip.
        header.setSectionResizeMode(THEME_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(THEME_COLUMN, THEME_WIDTH)
        self.panel = StatePanel(self.table, self)
        self.panel.retry_requested.connect(self.reload)
        self.thread_view = ThreadView(app, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.panel)
        splitter.addWidget(left)
        splitter.addWidget(self.thread_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.currentIndexChanged.connect(self.reload)
        self.theme.currentIndexChanged.connect(self.reload)
        for combo in (self.age, self.sla, self.office):
            combo.currentIndexChanged.connect(self.reload)
        self.auto_refresh = QTimer(self)
        self.auto_refresh.setInterval(AUTO_REFRESH_MS)
        self.auto_refresh.timeout.connect(self.refresh)
        self.refresh_button.clicked.connect(self.reload)
        self.next_button.clicked.connect(self.claim_next)
        app.bus.changed.connect(self._bus_changed)
        self._selected_id: int | None = None
        self.office.load()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.auto_refresh.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.auto_refresh.stop()  # a hidden screen polls nobody's database
        super().hideEvent(event)

    # -- queue ---------------------------------------------------------------------------

    def _current(self) -> tuple[MailView, QueueFilter]:
        # Qt hands the enums back as plain strings.
        view = MailView(self.view.currentData())
        theme_value = self.theme.currentData()
        theme = MailTheme(theme_value) if theme_value else None
        sla_value = self.sla.currentData()
        return view, QueueFilter(
            theme=theme,
            min_age_hours=int(self.age.currentData() or 0) or None,
            office_id=self.office.office_id(),
            sla=SlaFilter(sla_value) if sla_value else None,
        )

    def reload(self) -> None:
        self._reload(rows=PAGE, keep_scroll=False)

    def refresh(self) -> None:
        """The periodic refresh: same rows loaded, same selection, same scroll position."""
        self._reload(rows=max(PAGE, self.model.rowCount()), keep_scroll=True)

    def _reload(self, rows: int, keep_scroll: bool) -> None:
        view, flt = self._current()
        # Mine or unassigned, the agent column would only repeat one name or nothing.
        self.table.setColumnHidden(AGENT_COLUMN, view in (MailView.MINE, MailView.UNASSIGNED))
        if not self.model.rowCount():
            self.panel.show_loading()
        mail = self._app.backend.mail
        scroll = self.table.verticalScrollBar().value() if keep_scroll else 0
        self._app.ops.call(
            lambda: mail.list_queue(view, flt, 0, min(rows, MAX_ROWS)),
            on_success=lambda page: self._loaded(page, scroll),
            on_failure=self._failed,
            key="mail.list_queue",
            owner=self,
        )
        self._app.ops.call(
            lambda: mail.queue_counts(flt),
            on_success=self._counted,
            key="mail.queue_counts",
            owner=self,
        )

    def _fetch_more(self, offset: int) -> None:
        view, flt = self._current()
        mail = self._app.backend.mail
        self._app.ops.call(
            lambda: mail.list_queue(view, flt, offset, PAGE),
            on_success=lambda page: self.model.append_rows(page.rows, page.offset),
            on_failure=self._failed,
            key="mail.list_queue.more",
            owner=self,
        )

    def _loaded(self, page: QueuePage, scroll: int = 0) -> None:
        self.model.set_page(page.rows, page.total)
        if not page.rows:
            self.panel.show_empty(self.tr("No e-mail in this queue."))
            return
        self.panel.show_content()
        if self._selected_id is not None:
            row = self.model.row_index_of(self._selected_id)
            if row is not None:
                self.table.selectRow(row)
        self.table.verticalScrollBar().setValue(scroll)

    def _counted(self, counts: QueueCounts) -> None:
        self.count.setText(
            self.tr("{free} unassigned · {mine} mine · {pending} waiting").format(
                free=counts.unassigned, mine=counts.mine, pending=counts.pending
            )
        )

    def _failed(self, error: OpError) -> None:
        self.panel.show_error(error.message)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.row_at(rows[0].row())
        if row.id != self._selected_id or self.thread_view.detail is None:
            self._selected_id = row.id
            self.thread_view.show_thread(row.id)

    # -- next ----------------------------------------------------------------------------

    def claim_next(self) -> None:
        theme = self._current()[1].theme
        mail = self._app.backend.mail
        self.next_button.setEnabled(False)
        self._app.ops.call(
            lambda: mail.claim_next(theme),
            on_success=self._claimed,
            on_failure=self._claim_failed,
            key="mail.claim_next",
            owner=self,
        )

    def _claimed(self, detail: ThreadDetail | None) -> None:
        self.next_button.setEnabled(True)
        if detail is None:
            self.thread_view.clear()
            self.thread_view.message.setText(self.tr("The queue is empty: well done."))
            return
        self._selected_id = detail.id
        self.thread_view.set_detail(detail)
        self.thread_view.editor.setFocus()
        self.view.setCurrentIndex(max(0, self.view.findData(MailView.MINE)))
        self.reload()

    def _claim_failed(self, error: OpError) -> None:
        self.next_button.setEnabled(True)
        self.thread_view.message.setText(error.message)

    def _bus_changed(self, topic: str, _payload: object) -> None:
        if topic in (TOPIC, Topics.CONNECTION_RESTORED):
            self.refresh()
