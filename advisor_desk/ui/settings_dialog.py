"""The settings dialog: database and server addresses, theme, idle lock delay."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .settings import MAX_IDLE_S, MIN_IDLE_S, Settings


class SettingsDialog(QDialog):
    """Edits the Settings on OK; theme and delay apply at once, connections at next start."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self._settings = settings

        self.database_url = QLineEdit(settings.database_url, self)
        self.database_url.setPlaceholderText(self.tr("Empty: the embedded database"))
        self.database_url.setToolTip(
            self.tr("sqlite:///path/file.db or postgresql+psycopg://user@host:5432/database")
        )
        self.server_url = QLineEdit(settings.server_url, self)
        self.server_url.setPlaceholderText(self.tr("Empty: no server (direct database access)"))
        self.server_url.setToolTip(self.tr("e.g. https://advisor-desk.cpam.example:8765"))
        restart_note = QLabel(
            self.tr(
                "Changes of database or server apply at the next start of the application. "
                "The --db and --server options, and the ADVISOR_DESK_DB variable, take "
                "precedence over them."
            ),
            self,
        )
        restart_note.setObjectName("formNote")
        restart_note.setWordWrap(True)
        connection = QGroupBox(self.tr("Connection"), self)
        connection_form = QFormLayout(connection)
        connection_form.addRow(self.tr("&Database:"), self.database_url)
        connection_form.addRow(self.tr("&Server:"), self.server_url)
        connection_form.addRow(restart_note)

        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setRange(MIN_IDLE_S // 60, MAX_IDLE_S // 60)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(max(1, settings.idle_delay_s // 60))
        self.idle_minutes.setToolTip(
            self.tr("The session locks after this delay without keyboard or mouse input.")
        )
        display = QGroupBox(self.tr("Display and security"), self)
        display_form = QFormLayout(display)
        display_form.addRow(self.tr("&Theme:"), self.theme)
        display_form.addRow(self.tr("&Lock the session after:"), self.idle_minutes)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        title = QLabel(self.tr("Settings"), self)
        title.setObjectName("dialogTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(connection)
        layout.addWidget(display)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self._settings.database_url = self.database_url.text()
        self._settings.server_url = self.server_url.text()
        self._settings.theme = str(self.theme.currentData())
        self._settings.idle_delay_s = self.idle_minutes.value() * 60
        self._settings.sync()
        super().accept()
