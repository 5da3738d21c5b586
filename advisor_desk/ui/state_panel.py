"""A content widget that gives way to a loading, empty or error message while it has nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget


class StatePanel(QStackedWidget):
    """Shows `content`, or a centred message with an optional retry button."""

    retry_requested = Signal()

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self._message_page = QWidget(self)
        self._message = QLabel(self._message_page)
        self._message.setObjectName("stateMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._retry = QPushButton(self.tr("Try again"), self._message_page)
        self._retry.clicked.connect(self.retry_requested)
        layout = QVBoxLayout(self._message_page)
        layout.addStretch(1)
        layout.addWidget(self._message)
        layout.addWidget(self._retry, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.addWidget(content)
        self.addWidget(self._message_page)

    @property
    def message(self) -> str:
        return self._message.text() if self.currentWidget() is self._message_page else ""

    @property
    def shown_state(self) -> str:
        """ "content", or the kind of message shown: "loading", "empty" or "error"."""
        if self.currentWidget() is not self._message_page:
            return "content"
        return str(self._message.property("state"))

    def show_content(self) -> None:
        self.setCurrentWidget(self.content)

    def show_loading(self, text: str | None = None) -> None:
        self._show(text or self.tr("Loading…"), "loading", retry=False)

    def show_empty(self, text: str) -> None:
        self._show(text, "empty", retry=False)

    def show_error(self, text: str) -> None:
        self._show(text, "error", retry=True)

    def _show(self, text: str, state: str, *, retry: bool) -> None:
        self._message.setText(text)
        self._message.setProperty("state", state)
        # A dynamic property only restyles after the style is re-applied.
        self._message.style().unpolish(self._message)
        self._message.style().polish(self._message)
        self._retry.setVisible(retry)
        self.setCurrentWidget(self._message_page)
