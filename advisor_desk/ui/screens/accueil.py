"""Accueil: find the member in front of the counter, open their file, clear it when done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from advisor_desk.backend.members_dto import SearchResult
from advisor_desk.models.member_search import SearchResultsModel
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.member.member_file import MemberFileView
from advisor_desk.ui.member.results_table import ResultsTable
from advisor_desk.ui.member.search_panel import SearchPanel
from advisor_desk.ui.member.table_columns import fit_columns
from advisor_desk.ui.ops import ErrorKind, OpError, OpHandle
from advisor_desk.ui.state_panel import StatePanel

SEARCH_LIMIT = 50


class AccueilScreen(QWidget):
    """Two pages: the search, and the member file; "Member done" brings back an empty search."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accueilScreen")
        self._app = app
        self._seq = 0  # number of the latest search asked: older results are dropped
        self._shown_text: str | None = None  # the text whose results the table shows
        self._open_when_ready = False
        self._handle: OpHandle | None = None
        self._asked_text: str | None = None  # the text of the latest search asked
        self._lost_text: str | None = None  # a search the lost connection failed: run it again

        self.search_page = QWidget(self)
        self.search = SearchPanel(self.search_page)
        self.model = SearchResultsModel(self)
        self.table = ResultsTable(self.search_page)
        self.table.setModel(self.model)
        self.results_state = StatePanel(self.table, self.search_page)
        self.summary = QLabel(self.search_page)
        self.summary.setObjectName("formNote")
        self.summary.setWordWrap(True)
        search_layout = QVBoxLayout(self.search_page)
        search_layout.addWidget(self.search)
        search_layout.addWidget(self.summary)
        search_layout.addWidget(self.results_state, 1)

        self.file = MemberFileView(app, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.search_page)
        self.pages.addWidget(self.file)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.search.query_changed.connect(self.run_search)
        self.search.submitted.connect(self._on_submitted)
        self.search.down_pressed.connect(self._to_results)
        self.search.escape_pressed.connect(self.clear_results)
        self.table.row_activated.connect(self.open_row)
        self.table.up_from_top.connect(self.search.focus)
        self.results_state.retry_requested.connect(lambda: self.run_search(self.search.text))
        self.file.done_requested.connect(self.member_done)
        app.open_member_requested.connect(self.open_member)
        app.bus.changed.connect(self._bus_changed)
        self.clear_results()

    # -- search -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: back to the search field, its text selected (an open file stays open)."""
        self.pages.setCurrentWidget(self.search_page)
        self.search.focus()

    def run_search(self, text: str) -> None:
        self._seq += 1
        seq = self._seq
        self._asked_text = text
        self._lost_text = None
        if not text:
            self.clear_results()
            return
        members = self._app.backend.members
        self._handle = self._app.ops.call(
            lambda: members.search(text, SEARCH_LIMIT),
            on_success=lambda result: self._on_results(seq, text, result),
            on_failure=lambda error: self._on_search_failed(seq, error),
            key="accueil.search",
            owner=self,
            # Beside the serial lane: the newest query never waits behind a slow older one.
            parallel=True,
        )

    @property
    def searching(self) -> bool:
        return self._handle is not None and self._handle.pending

    def _on_results(self, seq: int, text: str, result: SearchResult) -> None:
        if seq != self._seq:
            return  # typing went on: a newer search is on its way
        self._shown_text = text
        self.search.clear_message()
        self.model.set_result(result)
        if result.rows:
            self.results_state.show_content()
            fit_columns(self.table, 320)
            self.table.select_first()
        else:
            self.results_state.show_empty(
                self.tr("No member or dependent found for “{text}”.").format(text=text)
            )
        self.summary.setText(self._summary(result))
        if self._open_when_ready:
            self._open_when_ready = False
            if result.rows and not result.close_matches:
                self.open_row(0)

    def _summary(self, result: SearchResult) -> str:
        n = len(result.rows)
        if not n:
            return ""
        parts = []
        if result.close_matches:
            parts.append(self.tr("Nothing matches exactly: close names."))
        if result.birth_date_ignored:
            parts.append(self.tr("Nobody of that name was born on that day: other dates shown."))
        if result.truncated:
            parts.append(
                self.tr("The first {n} results: add a first name or a birth date.").format(n=n)
            )
        else:
            parts.append(
                self.tr("{n} result.").format(n=n)
                if n == 1
                else self.tr("{n} results.").format(n=n)
            )
        return " ".join(parts)

    def _on_search_failed(self, seq: int, error: OpError) -> None:
        if seq != self._seq:
            return
        self._open_when_ready = False
        self._shown_text = None
        self.model.clear()
        self.summary.clear()
        if error.kind is ErrorKind.TYPED:
            # What is wrong with the NIR or the date: said under the field, as typed.
            self.search.show_error(error.message)
            self.results_state.show_empty("")
        else:
            self.search.clear_message()
            self.results_state.show_error(error.message)
            self._lost_text = self._asked_text

    def _bus_changed(self, topic: str, _payload: object) -> None:
        # Back after a lost connection: the search that failed runs again by itself, if the
        # field still holds its text (the advisor may have typed on meanwhile).
        lost = self._lost_text
        if topic != Topics.CONNECTION_RESTORED or not lost or self.searching:
            return
        if lost == self.search.text:
            self.run_search(lost)

    def _on_submitted(self, text: str) -> None:
        if not text:
            return
        if text == self._shown_text and not self.searching:
            if self.model.rowCount():
                self.open_row(max(self.table.current_row(), 0))
            return
        self._open_when_ready = True
        if not (self.searching and text == self._asked_text):
            self.run_search(text)  # else the search of this very text is on its way

    def _to_results(self) -> None:
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if self.table.current_row() < 0:
                self.table.select_first()

    def clear_results(self) -> None:
        self._shown_text = None
        self._open_when_ready = False
        self.model.clear()
        self.summary.clear()
        self.results_state.show_empty(
            self.tr(
                "Type a NIR (full or its start) or a name, with or without the first name "
                "and the birth date."
            )
        )

    # -- the member file --------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            hit = self.model.row_at(row)
            self.open_member(hit.member_id, hit.dependent_id)

    def open_member(self, member_id: int, dependent_id: int | None = None) -> None:
        self.pages.setCurrentWidget(self.file)
        self.file.open(member_id, dependent_id)
        self.file.setFocus(Qt.FocusReason.OtherFocusReason)

    def member_done(self) -> None:
        """Clear everything of this member and of the search, ready for the next person."""
        self._seq += 1  # a search still running is for the previous person
        if self._handle is not None:
            self._handle.cancel()
        self.file.clear()
        self.search.clear()
        self.clear_results()
        self.pages.setCurrentWidget(self.search_page)
        self.search.focus()
