"""Shared steps of the UI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt

from advisor_desk.domain.enums import Role
from advisor_desk.ui.main_window import MainWindow
from advisor_desk.ui.startup import Startup
from tests.conftest import ROLE_LOGINS, TEST_PASSWORD


def sign_in(qtbot, startup: Startup, window: MainWindow, role: Role) -> None:
    """Type the role's test credentials in the login dialog and wait for the session."""
    dialog = startup.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.login_edit, ROLE_LOGINS[role])
    qtbot.keyClicks(dialog.password_edit, TEST_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)


def activate(qtbot, widget) -> None:
    """Make the window active: keyboard shortcuts only fire in the active window."""
    widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
