"""File › Change my password: the advisor's own password, checked and changed by the backend."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm.audit import AuditEvent
from advisor_desk.domain.enums import AuditOutcome, Role
from advisor_desk.domain.errors import AuthError
from advisor_desk.ui.change_password_dialog import ChangePasswordDialog
from tests.conftest import ROLE_LOGINS, TEST_PASSWORD
from tests.ui.helpers import sign_in

NEW_PASSWORD = "Guichet-Lyon-2027"


def _open(qtbot, window) -> ChangePasswordDialog:  # type: ignore[no-untyped-def]
    window.password_action.trigger()
    dialog = window.findChild(ChangePasswordDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _fill(qtbot, dialog: ChangePasswordDialog, current: str, new: str, confirm: str) -> None:  # type: ignore[no-untyped-def]
    for field, text in (
        (dialog.current, current),
        (dialog.password, new),
        (dialog.confirm, confirm),
    ):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)


def test_an_advisor_changes_their_password_from_the_file_menu(
    qtbot, start_app, window, backend, engine
) -> None:
    sign_in(qtbot, start_app(), window, Role.COUNTER)
    window.show()
    assert window.password_action.isEnabled()
    dialog = _open(qtbot, window)

    # The two new passwords differ: said at once, nothing sent.
    _fill(qtbot, dialog, TEST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert dialog.message.text() == "Les deux nouveaux mots de passe diffèrent."
    assert dialog.focusWidget() is dialog.confirm

    # The policy is the backend's, its message beside the new password.
    _fill(qtbot, dialog, TEST_PASSWORD, "court1", "court1")
    qtbot.waitUntil(lambda: "au moins 12 caractères" in dialog.message.text(), timeout=10_000)
    assert dialog.focusWidget() is dialog.password

    # A wrong current password is refused (and counts towards the lockout).
    _fill(qtbot, dialog, "not my password", NEW_PASSWORD, NEW_PASSWORD)
    qtbot.waitUntil(
        lambda: dialog.message.text() == "Identifiant ou mot de passe incorrect.", timeout=10_000
    )
    assert dialog.focusWidget() is dialog.current
    assert dialog.isVisible()

    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _fill(qtbot, dialog, TEST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    qtbot.waitUntil(lambda: window.findChild(ChangePasswordDialog) is None)
    assert window.status.currentMessage() == "Votre mot de passe a été modifié."

    login = ROLE_LOGINS[Role.COUNTER]
    assert backend.login(login, NEW_PASSWORD).advisor.login == login
    with pytest.raises(AuthError):
        backend.login(login, TEST_PASSWORD)
    with session_scope(engine, readonly=True) as s:
        outcomes = list(
            s.scalars(
                select(AuditEvent.outcome).where(AuditEvent.action == "session.change_password")
            )
        )
    assert sorted(outcomes) == sorted([AuditOutcome.REFUSED, AuditOutcome.OK])


def test_the_action_is_off_while_the_session_is_locked(qtbot, start_app, window) -> None:
    sign_in(qtbot, start_app(), window, Role.BACKOFFICE)
    window.show()
    window.lock()
    assert not window.password_action.isEnabled()
    assert window.change_password() is None
    QApplication.processEvents()
    assert window.findChild(ChangePasswordDialog) is None
