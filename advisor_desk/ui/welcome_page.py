"""The page shown before login (start-up status) and as home when no screen is available."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .labels import role_label


class WelcomePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self._title = QLabel(self)
        self._title.setObjectName("welcomeTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._text = QLabel(self)
        self._text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addWidget(self._text)
        layout.addStretch(2)
        self.show_starting()

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def text(self) -> str:
        return self._text.text()

    def show_starting(self, status: str = "") -> None:
        self._title.setText(self.tr("Advisor desk"))
        self._text.setText(status or self.tr("Opening the database…"))

    def show_home(self, full_name: str, role: str, office: str | None) -> None:
        self._title.setText(self.tr("Hello, {name}").format(name=full_name))
        where = office or self.tr("no office")
        self._text.setText(
            self.tr(
                "{role} — {office}\n\nNo screen is available for your profile in this version "
                "yet. Settings are in the File menu (Ctrl+,)."
            ).format(role=role_label(role), office=where)
        )
