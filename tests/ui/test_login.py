"""Login with the keyboard only, the role's navigation, and the inline refusal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from advisor_desk.domain.enums import Role
from advisor_desk.domain.permissions import permissions_of
from advisor_desk.ui.screens import SCREENS, available_screens
from advisor_desk.ui.welcome_page import WelcomePage
from tests.conftest import ROLE_LOGINS, TEST_PASSWORD


def _type_credentials(qtbot, dialog, login: str, password: str) -> None:
    qtbot.keyClicks(dialog.login_edit, login)
    qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is dialog.password_edit
    qtbot.keyClicks(focused, password)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


@pytest.mark.parametrize("role", list(Role))
def test_keyboard_login_lands_on_the_role_home(qtbot, start_app, window, role: Role) -> None:
    startup = start_app()
    dialog = startup.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.login_edit.hasFocus()

    _type_credentials(qtbot, dialog, ROLE_LOGINS[role], TEST_PASSWORD)

    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert not dialog.isVisible()
    expected = [s.key for s in available_screens(p.value for p in permissions_of(role))]
    workspace = window.workspace
    assert workspace.nav.keys() == expected
    assert ("administration" in expected) == (role is Role.ADMIN)
    # Each entry is there because the role holds one of its permissions.
    for spec in SCREENS:
        allowed = any(p in {q.value for q in permissions_of(role)} for p in spec.permissions)
        if spec.key in expected:
            assert allowed
    if expected:
        assert workspace.current_key() == expected[0]
        assert workspace.stack.currentWidget() is workspace.built_screen(expected[0])
    else:
        home = workspace.stack.currentWidget()
        assert isinstance(home, WelcomePage)
        assert home.title == f"Bonjour, Test {role.value}"
    # The status bar names the advisor, the role in French, the office and the database.
    assert window.status.advisor.text().startswith(f"Test {role.value}")
    assert window.status.office.text() == "Accueil de test"
    assert window.status.database.text().startswith("Base de données : ")
    assert window.status.connection.text() == "Connecté"


def test_wrong_password_is_refused_inline_in_french(qtbot, start_app, window) -> None:
    startup = start_app()
    dialog = startup.dialog
    _type_credentials(qtbot, dialog, ROLE_LOGINS[Role.COUNTER], "not-the-password")

    qtbot.waitUntil(lambda: dialog.error_text != "", timeout=10_000)
    assert dialog.error_text == "Identifiant ou mot de passe incorrect."
    assert dialog.isVisible()
    assert window.workspace is None
    assert dialog.password_edit.text() == ""
    assert dialog.login_edit.text() == ROLE_LOGINS[Role.COUNTER]
    assert dialog.password_edit.hasFocus()
    assert dialog.sign_in_button.text() == "Se connecter"


def test_empty_login_is_refused_without_calling_the_backend(qtbot, start_app, ops) -> None:
    startup = start_app()
    dialog = startup.dialog
    qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Return)
    assert dialog.error_text == "Saisissez votre identifiant."
    assert ops.pending == 0


def test_sign_out_brings_the_login_dialog_back(qtbot, start_app, window) -> None:
    startup = start_app()
    _type_credentials(qtbot, startup.dialog, ROLE_LOGINS[Role.ADMIN], TEST_PASSWORD)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)

    window.sign_out_action.trigger()

    assert window.workspace is None
    assert startup.dialog.isVisible()
    assert startup.dialog.login_edit.text() == ""
    assert window.status.advisor.isHidden()
