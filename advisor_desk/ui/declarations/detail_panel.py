"""One declaration in the queue: its content, documents, history, and the decision buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.declarations_dto import DeclarationDetail
from advisor_desk.domain.declarations.workflow import STATE_LABELS_FR
from advisor_desk.domain.enums import DeclarationState
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError

from .filing_dialog import TOPIC
from .receipt_bar import ReceiptBar

S = DeclarationState


class DeclarationDetailPanel(QWidget):
    """Shows the detail of `show(id)`; every action sends the version it was shown with."""

    changed = Signal(object)  # DeclarationDetail after an action

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("declarationDetail")
        self._app = app
        self.detail: DeclarationDetail | None = None
        self.title = QLabel(self)
        self.title.setObjectName("declarationTitle")
        self.title.setWordWrap(True)
        self.state = QLabel(self)
        self.summary = QFormLayout()
        summary_box = QGroupBox(self.tr("Request"), self)
        summary_box.setLayout(self.summary)
        self.documents = QListWidget(self)
        self.documents.setObjectName("declarationDocuments")
        self.history = QListWidget(self)
        self.history.setObjectName("declarationHistory")
        self.notes = QListWidget(self)
        self.notes.setObjectName("declarationNotes")
        self.notes.setWordWrap(True)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("declarationNoteEdit")
        self.note_edit.setPlaceholderText(
            self.tr("Private note for the agents (never sent to the member)")
        )
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 12)
        self.note_button = QPushButton(self.tr("Add &note"), self)
        self.note_button.clicked.connect(self.add_note)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("declarationComment")
        self.comment.setPlaceholderText(self.tr("Comment or reason (required to refuse or close)"))
        self.missing = QLineEdit(self)
        self.missing.setObjectName("declarationMissing")
        self.missing.setPlaceholderText(self.tr("Missing items, separated by ';'"))
        self.message = FormMessage(self)
        self.take_button = QPushButton(self.tr("&Take"), self)
        self.start_button = QPushButton(self.tr("&Start instruction"), self)
        self.ask_button = QPushButton(self.tr("Ask the &member"), self)
        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.refuse_button = QPushButton(self.tr("&Refuse"), self)
        self.close_button = QPushButton(self.tr("C&lose without follow-up"), self)
        self.reopen_button = QPushButton(self.tr("Re&open"), self)
        # Back-office agents re-send the receipt of a request (print it or put it in the inbox).
        self.receipt = ReceiptBar(app, self)
        self._targets = {
            self.start_button: S.IN_INSTRUCTION,
            self.ask_button: S.WAITING_MEMBER,
            self.accept_button: S.ACCEPTED,
            self.refuse_button: S.REFUSED,
            self.close_button: S.CLOSED,
            self.reopen_button: S.IN_INSTRUCTION,
        }
        for button, target in self._targets.items():
            button.clicked.connect(lambda _=False, t=target: self.move_to(t))
        self.take_button.clicked.connect(self.take)
        # Three rows: seven buttons on one line would widen the window past a counter screen.
        actions = QGridLayout()
        for index, button in enumerate((self.take_button, *self._targets)):
            actions.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(summary_box)
        layout.addWidget(QLabel(self.tr("Supporting documents"), self))
        layout.addWidget(self.documents)
        layout.addWidget(QLabel(self.tr("History"), self))
        layout.addWidget(self.history)
        notes_box = QGroupBox(self.tr("Private notes"), self)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.notes)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.note_button)
        notes_layout.addLayout(note_row)
        layout.addWidget(notes_box)
        layout.addWidget(self.comment)
        layout.addWidget(self.missing)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addWidget(self.receipt)
        self.set_detail(None)

    def show_declaration(self, declaration_id: int) -> None:
        self._app.ops.call(
            lambda: self._app.backend.declarations.detail(declaration_id),
            on_success=self.set_detail,
            on_failure=self._failed,
            key="declarations.detail",
            owner=self,
        )

    def set_detail(self, detail: DeclarationDetail | None) -> None:
        self.detail = detail
        self.message.clear_message()
        mark_invalid(self.comment, False)
        mark_invalid(self.missing, False)
        while self.summary.rowCount():
            self.summary.removeRow(0)
        self.documents.clear()
        self.history.clear()
        self.notes.clear()
        mark_invalid(self.note_edit, False)
        self.receipt.set_declaration(detail.id if detail is not None else None)
        if detail is None:
            self.title.setText(self.tr("Select a request in the queue."))
            self.state.clear()
            for button in (self.take_button, self.note_button, *self._targets):
                button.setEnabled(False)
            return
        self.note_button.setEnabled(True)
        for note in detail.notes:
            when = note.at.astimezone().strftime("%d/%m/%Y %H:%M")
            self.notes.addItem(f"{when} {note.advisor_name} : {note.body}")
        if not detail.notes:
            self.notes.addItem(self.tr("No note yet."))
        self.title.setText(f"{detail.number} — {detail.title} — {detail.member_name}")
        expected = detail.estimated_on.strftime("%d/%m/%Y") if detail.estimated_on else "—"
        state = self.tr("State: {state} · expected by {date}").format(
            state=STATE_LABELS_FR[detail.state], date=expected
        )
        if detail.overdue:
            state += " · " + self.tr("OVERDUE")
        if detail.assigned_agent_name:
            state += " · " + self.tr("agent: {name}").format(name=detail.assigned_agent_name)
        self.state.setText(state)
        for line in detail.summary:
            value = QLabel(line.value, self)
            value.setWordWrap(True)
            self.summary.addRow(line.label, value)
        for doc in detail.documents:
            status = (
                self.tr("received {date}").format(date=doc.received_on.strftime("%d/%m/%Y"))
                if doc.received_on
                else self.tr("missing")
                if doc.required
                else self.tr("optional")
            )
            self.documents.addItem(f"{doc.label} — {status}")
        for event in detail.events:
            who = event.advisor_name or ""
            text = f"{event.at.astimezone().strftime('%d/%m/%Y %H:%M')} {who} : "
            text += STATE_LABELS_FR[event.to_state]
            if event.comment:
                text += f" — {event.comment}"
            self.history.addItem(text)
        allowed = set(detail.allowed)
        final = detail.state in (S.ACCEPTED, S.REFUSED, S.CLOSED)
        self.take_button.setEnabled(
            not final and detail.assigned_agent_id != self._app.backend.advisor.id
        )
        self.start_button.setEnabled(S.IN_INSTRUCTION in allowed and not final)
        self.reopen_button.setEnabled(S.IN_INSTRUCTION in allowed and final)
        for button in (self.ask_button, self.accept_button, self.refuse_button, self.close_button):
            button.setEnabled(self._targets[button] in allowed)

    def take(self) -> None:
        detail = self.detail
        if detail is None:
            return
        me = self._app.backend.advisor.id
        self._run(lambda: self._app.backend.declarations.assign(detail.id, me, detail.version))

    def add_note(self) -> None:
        detail = self.detail
        if detail is None:
            return
        body = self.note_edit.toPlainText()
        declarations = self._app.backend.declarations
        self.message.clear_message()
        self._app.ops.call(
            lambda: declarations.add_note(detail.id, body),
            on_success=self._noted,
            on_failure=self._failed,
            owner=self,
        )

    def _noted(self, detail: DeclarationDetail) -> None:
        self.note_edit.clear()
        self.set_detail(detail)

    def move_to(self, target: DeclarationState) -> None:
        detail = self.detail
        if detail is None:
            return
        comment = self.comment.text().strip() or None
        missing = [m.strip() for m in self.missing.text().split(";") if m.strip()]
        declarations = self._app.backend.declarations
        self._run(
            lambda: declarations.transition(detail.id, target, comment, detail.version, missing)
        )

    def _run(self, call: Callable[[], DeclarationDetail]) -> None:
        self.message.clear_message()
        self._app.ops.call(call, on_success=self._done, on_failure=self._failed, owner=self)

    def _done(self, detail: DeclarationDetail) -> None:
        self.comment.clear()
        self.missing.clear()
        self.set_detail(detail)
        self._app.bus.publish(TOPIC, detail)
        self.changed.emit(detail)

    def _failed(self, error: OpError) -> None:
        self.message.show_error(error.message)
        if error.field == "comment":
            mark_invalid(self.comment, True)
            self.comment.setFocus()
        elif error.field == "note":
            mark_invalid(self.note_edit, True)
            self.note_edit.setFocus()
        elif error.field == "missing":
            mark_invalid(self.missing, True)
            self.missing.setFocus()
