"""Courriels screen: the shared mail queue (views, filters, "Next") beside one thread."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
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
    ThreadDetail,
)
from advisor_desk.domain.enums import MailTheme
from advisor_desk.models.mail_queue import MailQueueModel, theme_label
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.mail.thread_view import TOPIC, ThreadView
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

PAGE = 100


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
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.next_button.setObjectName("nextThread")
        self.next_button.setShortcut(QKeySequence("Ctrl+N"))
        self.next_button.setToolTip(self.tr("Take the most urgent unassigned e-mail (Ctrl+N)"))
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.setToolTip(self.tr("Reload the queue (F5)"))
        self.count = QLabel(self)
        self.count.setObjectName("mailCounts")
        filters = QHBoxLayout()
        view_label = QLabel(self.tr("&Queue:"), self)
        view_label.setBuddy(self.view)
        filters.addWidget(view_label)
        filters.addWidget(self.view)
        theme_label_ = QLabel(self.tr("T&heme:"), self)
        theme_label_.setBuddy(self.theme)
        filters.addWidget(theme_label_)
        filters.addWidget(self.theme)
        filters.addStretch(1)
        filters.addWidget(self.next_button)
        status = QHBoxLayout()
        status.addWidget(self.count, 1)
        status.addWidget(self.refresh_button)

        self.model = MailQueueModel(self)
        self.model.fetcher = self._fetch_more
        self.table = QTableView(self)
        self.table.setObjectName("mailQueue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.panel = StatePanel(self.table, self)
        self.panel.retry_requested.connect(self.reload)
        self.thread_view = ThreadView(app, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(status)
        left_layout.addWidget(self.panel)
        splitter.addWidget(left)
        splitter.addWidget(self.thread_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.currentIndexChanged.connect(self.reload)
        self.theme.currentIndexChanged.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.next_button.clicked.connect(self.claim_next)
        app.bus.changed.connect(self._bus_changed)
        self._selected_id: int | None = None
        self.reload()

    # -- queue ---------------------------------------------------------------------------

    def _current(self) -> tuple[MailView, QueueFilter]:
        # Qt hands the enums back as plain strings.
        view = MailView(self.view.currentData())
        theme_value = self.theme.currentData()
        theme = MailTheme(theme_value) if theme_value else None
        return view, QueueFilter(theme=theme)

    def reload(self) -> None:
        view, flt = self._current()
        if not self.model.rowCount():
            self.panel.show_loading()
        mail = self._app.backend.mail
        self._app.ops.call(
            lambda: mail.list_queue(view, flt, 0, PAGE),
            on_success=self._loaded,
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

    def _loaded(self, page: QueuePage) -> None:
        self.model.set_page(page.rows, page.total)
        if not page.rows:
            self.panel.show_empty(self.tr("No e-mail in this queue."))
            return
        self.panel.show_content()
        if self._selected_id is not None:
            row = self.model.row_index_of(self._selected_id)
            if row is not None:
                self.table.selectRow(row)

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
            self.reload()
