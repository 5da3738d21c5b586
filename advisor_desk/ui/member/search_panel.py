"""The counter's single search field: NIR, start of NIR, or name with an optional birth date."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from advisor_desk.ui.form_message import FormMessage, mark_invalid

DEBOUNCE_MS = 150


class SearchPanel(QWidget):
    """Emits the text once typing pauses; Enter, Down and Escape are passed on as signals."""

    query_changed = Signal(str)  # the stripped text, after DEBOUNCE_MS without typing
    submitted = Signal(str)  # Enter: the stripped text, right away
    down_pressed = Signal()
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberSearchPanel")
        self.title = QLabel(self.tr("Find a member"), self)
        self.title.setObjectName("memberSearchTitle")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("memberSearchEdit")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(
            self.tr("NIR, start of the NIR, or name and first name (dupont jean 12/03/1984)")
        )
        self.title.setBuddy(self.edit)
        self.hint = QLabel(
            self.tr(
                "Accents and case do not matter; close names are offered when nothing matches. "
                "Enter opens the first line, Down goes to the results."
            ),
            self,
        )
        self.hint.setObjectName("formNote")
        self.hint.setWordWrap(True)
        self.message = FormMessage(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_query)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)

    @property
    def text(self) -> str:
        return self.edit.text().strip()

    def _on_edited(self, _text: str) -> None:
        self._timer.start()

    def _emit_query(self) -> None:
        self.query_changed.emit(self.text)

    def flush(self) -> None:
        """Emit the pending query now (Enter does not wait for the pause)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit_query()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def show_error(self, message: str) -> None:
        self.message.show_error(message)
        mark_invalid(self.edit, True)

    def show_notice(self, message: str) -> None:
        self.message.show_notice(message)
        mark_invalid(self.edit, False)

    def clear_message(self) -> None:
        self.message.clear_message()
        mark_invalid(self.edit, False)

    def clear(self) -> None:
        self._timer.stop()
        self.edit.clear()
        self.clear_message()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._timer.stop()
                self.submitted.emit(self.text)
                return True
            if key == Qt.Key.Key_Down:
                self.down_pressed.emit()
                return True
            if key == Qt.Key.Key_Escape and self.edit.text():
                self.clear()
                self.escape_pressed.emit()
                return True
        return super().eventFilter(watched, event)
