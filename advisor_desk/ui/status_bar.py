"""The status bar: advisor and role, office, database, connection state."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from .labels import role_label


class SessionStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionStatusBar")
        self.advisor = QLabel(self)
        self.office = QLabel(self)
        self.database = QLabel(self)
        self.connection = QLabel(self)
        self.connection.setObjectName("connectionState")
        for label in (self.advisor, self.office, self.database, self.connection):
            self.addPermanentWidget(label)
        self.clear_session()

    def set_session(self, full_name: str, role: str, office: str | None) -> None:
        self.advisor.setText(
            self.tr("{name} — {role}").format(name=full_name, role=role_label(role))
        )
        self.office.setText(office or self.tr("No office"))
        self.advisor.show()
        self.office.show()

    def clear_session(self) -> None:
        self.advisor.hide()
        self.office.hide()
        self.advisor.clear()
        self.office.clear()

    def set_database(self, description: str) -> None:
        self.database.setText(self.tr("Database: {description}").format(description=description))
        self.database.setToolTip(description)

    def set_connected(self, connected: bool) -> None:
        self.connection.setText(self.tr("Connected") if connected else self.tr("Connection lost"))
        self.connection.setProperty("state", "ok" if connected else "lost")
        self.connection.style().unpolish(self.connection)
        self.connection.style().polish(self.connection)
