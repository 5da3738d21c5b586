"""The banner over the screens while the database or the server cannot be reached."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ConnectionBanner(QFrame):
    """Hidden while connected; says what failed and that the app retries by itself."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry now"), self)
        self.retry_button.clicked.connect(self.retry_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    @property
    def text(self) -> str:
        return self._label.text()

    def show_lost(self, message: str, retry_seconds: int) -> None:
        self._label.setText(
            self.tr(
                "{message} Your input is kept; the application tries again every {seconds} s."
            ).format(message=message, seconds=retry_seconds)
        )
        self.retry_button.setEnabled(True)
        self.show()

    def set_retrying(self) -> None:
        self.retry_button.setEnabled(False)
