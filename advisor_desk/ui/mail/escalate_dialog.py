"""Hand a mail thread to the supervisors, with a note saying why."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError


class EscalateDialog(QDialog):
    """Calls `mail.escalate` with the note; stays open on an error."""

    escalated = Signal(int)  # the thread id

    def __init__(self, app: AppContext, thread_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalateDialog")
        self.setWindowTitle(self.tr("Escalate to a supervisor"))
        self.setMinimumWidth(480)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._app = app
        self._thread_id = thread_id
        title = QLabel(self.tr("Escalate to a supervisor"), self)
        title.setObjectName("dialogTitle")
        intro = QLabel(
            self.tr(
                "The thread leaves the shared queue and goes to the supervisors' "
                "“Escalated” view. Say what they should decide."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("escalateNote")
        self.note.setTabChangesFocus(True)
        note_label = QLabel(self.tr("&Note (required):"), self)
        note_label.setBuddy(self.note)
        self.message = FormMessage(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("&Escalate"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("escalateOk")
        self.ok_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(note_label)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        mark_invalid(self.note, False)
        self.message.clear_message()
        note = self.note.toPlainText()
        if not note.strip():
            self.message.show_error(self.tr("Write a note for the supervisors."))
            mark_invalid(self.note, True)
            self.note.setFocus()
            return
        mail = self._app.backend.mail
        thread_id = self._thread_id
        self.ok_button.setEnabled(False)
        self._app.ops.call(
            lambda: mail.escalate(thread_id, note),
            on_success=lambda _none: self._done(),
            on_failure=self._failed,
            owner=self,
        )

    def _done(self) -> None:
        self.escalated.emit(self._thread_id)
        self.accept()

    def _failed(self, error: OpError) -> None:
        self.ok_button.setEnabled(True)
        self.message.show_error(error.message)
