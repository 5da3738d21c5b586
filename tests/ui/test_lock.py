"""The idle lock hides the session's screens; the same advisor's password restores them as left."""

from __future__ import annotations

from PySide6.QtCore import Qt

from advisor_desk.domain.enums import Role
from tests.conftest import TEST_PASSWORD
from tests.ui.helpers import sign_in


def test_idle_lock_hides_everything_and_unlock_restores_the_same_state(
    qtbot, start_app, window
) -> None:
    startup = start_app()
    sign_in(qtbot, startup, window, Role.ADMIN)
    window.show()
    screen = window.workspace.show_screen("administration")
    accounts = screen.accounts
    qtbot.waitUntil(lambda: accounts.model.rowCount() > 0, timeout=10_000)
    # Some screen state: a half-typed filter, the audit tab visited, back to accounts.
    qtbot.keyClicks(accounts.filter, "t_ag")
    assert accounts.proxy.rowCount() == 1

    window.idle.set_delay_ms(150)
    qtbot.waitUntil(lambda: window.locked, timeout=5000)

    assert not window.workspace.isVisible()
    assert not accounts.view.isVisible()
    assert window.lock_page.isVisible()
    assert not window.search_action.isEnabled()
    assert not window.lock_action.isEnabled()

    # A wrong password is refused inline; the screens stay hidden.
    qtbot.keyClicks(window.lock_page.password, "wrong password")
    qtbot.keyClick(window.lock_page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.lock_page.error_text != "", timeout=10_000)
    assert window.lock_page.error_text == "Identifiant ou mot de passe incorrect."
    assert window.locked

    window.lock_page.password.clear()
    qtbot.keyClicks(window.lock_page.password, TEST_PASSWORD)
    qtbot.keyClick(window.lock_page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)

    assert window.workspace.built_screen("administration") is screen
    assert accounts.isVisible()
    assert accounts.filter.text() == "t_ag"
    assert accounts.proxy.rowCount() == 1
    assert window.lock_action.isEnabled()


def test_input_postpones_the_lock(qtbot, start_app, window) -> None:
    startup = start_app()
    sign_in(qtbot, startup, window, Role.COUNTER)
    window.show()
    window.idle.set_delay_ms(300)
    for _ in range(4):
        qtbot.wait(120)
        qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=5000)


def test_lock_shortcut_and_dialogs_are_hidden_while_locked(qtbot, start_app, window) -> None:
    startup = start_app()
    sign_in(qtbot, startup, window, Role.ADMIN)
    window.show()
    screen = window.workspace.show_screen("administration")
    dialog = screen.accounts.create_account()
    qtbot.keyClicks(dialog.full_name, "Jeanne Martin")
    assert dialog.isVisible()

    window.lock_action.trigger()
    assert window.locked
    assert not dialog.isVisible()

    qtbot.keyClicks(window.lock_page.password, TEST_PASSWORD)
    qtbot.keyClick(window.lock_page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert dialog.isVisible()
    assert dialog.full_name.text() == "Jeanne Martin"
    dialog.reject()
