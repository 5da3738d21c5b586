"""The member file's Messages tab: the member's exchanges with the fund, read-only."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.mail_dto import ThreadDetail, ThreadRow
from advisor_desk.models.mail_queue import MemberThreadsModel
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.mail.thread_view import TOPIC, messages_html
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel


class MemberMessagesTab(QWidget):
    """Built per member by the member file; `load()` reads the threads when first shown."""

    def __init__(self, app: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberMessagesTab")
        self._app = app
        self.member_id = member_id
        self.model = MemberThreadsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("memberThreadsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.load)
        self.messages = QTextBrowser(self)
        self.messages.setObjectName("memberThreadMessages")
        self.detail: ThreadDetail | None = None
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.state)
        splitter.addWidget(self.messages)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        app.bus.changed.connect(self._on_changed)

    def load(self) -> None:
        member_id = self.member_id
        mail = self._app.backend.mail
        if not self.model.rowCount():
            self.state.show_loading()
        self._app.ops.call(
            lambda: mail.member_threads(member_id),
            on_success=self._loaded,
            on_failure=lambda error: self.state.show_error(error.message),
            key=f"member_threads.{id(self)}",
            owner=self,
        )

    def _loaded(self, rows: list[ThreadRow]) -> None:
        shown = self.detail.id if self.detail is not None else None
        self.model.set_rows(rows)
        if not rows:
            self.messages.clear()
            self.state.show_empty(self.tr("No message exchanged with this member."))
            return
        self.state.show_content()
        index = next((i for i, r in enumerate(rows) if r.id == shown), 0)
        self.view.selectRow(index)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        thread_id = self.model.row_at(rows[0].row()).id
        mail = self._app.backend.mail
        self._app.ops.call(
            lambda: mail.read_thread(thread_id),
            on_success=self._shown,
            on_failure=self._failed,
            key=f"member_thread.{id(self)}",
            owner=self,
        )

    def _shown(self, detail: ThreadDetail) -> None:
        self.detail = detail
        self.messages.setHtml(messages_html(detail))

    def _failed(self, error: OpError) -> None:
        self.messages.setPlainText(error.message)

    def _on_changed(self, topic: str, payload: object) -> None:
        # An answer sent from Courriels (payload: the thread id) shows here at once.
        mine = isinstance(payload, int) and any(r.id == payload for r in self.model.rows)
        if topic == TOPIC and mine:
            self.load()
