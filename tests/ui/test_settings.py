"""Settings: the dialog edits them, theme and idle delay apply at once, geometry is kept."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from advisor_desk.ui.main_window import MainWindow
from advisor_desk.ui.settings import DEFAULT_IDLE_S, Settings


def test_defaults(settings: Settings) -> None:
    assert settings.theme == "light"
    assert settings.idle_delay_s == DEFAULT_IDLE_S == 300
    assert settings.database_url == "" and settings.server_url == ""


def test_dialog_saves_and_applies(qtbot, window: MainWindow, settings: Settings, tmp_path) -> None:
    themes: list[str] = []
    settings.theme_changed.connect(themes.append)
    dialog = window.open_settings()
    assert dialog.windowTitle() == "Paramètres"
    dialog.database_url.setText("  postgresql+psycopg://agent@db:5432/cpam ")
    dialog.server_url.setText("")
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.idle_minutes.setValue(10)
    dialog.accept()

    assert themes == ["dark"]
    assert window.dark_action.isChecked()
    assert window.idle.delay_ms == 600_000
    reread = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert reread.database_url == "postgresql+psycopg://agent@db:5432/cpam"
    assert reread.theme == "dark"
    assert reread.idle_delay_s == 600


def test_the_dialog_says_connection_changes_need_a_restart(qtbot, window: MainWindow) -> None:
    dialog = window.open_settings()
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("prochain démarrage" in text for text in notes), notes
    dialog.reject()


def test_window_geometry_is_remembered(qtbot, french, ops, settings: Settings) -> None:
    first = MainWindow(ops, settings)
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show()
    first.close()
    second = MainWindow(ops, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_out_of_range_values_are_clamped(settings: Settings) -> None:
    settings.idle_delay_s = 5
    assert settings.idle_delay_s == 60
