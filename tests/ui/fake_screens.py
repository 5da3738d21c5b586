"""Stand-ins for screens other issues deliver, to test the registry and the shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from advisor_desk.ui.context import AppContext


class FakeAccueil(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.search = QLineEdit(self)
        self.focus_calls = 0
        QVBoxLayout(self).addWidget(self.search)

    def focus_search(self) -> None:
        self.focus_calls += 1
        self.search.setFocus()


class FakeScreen(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app


class BrokenScreen(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        raise RuntimeError("this screen is broken")
