"""The Administration screen: create an account (an error first), deactivate, reset, audit."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from advisor_desk.domain.enums import Role
from advisor_desk.ui.admin.create_account_dialog import CreateAccountDialog
from advisor_desk.ui.screens.admin import AdminScreen
from tests.ui.helpers import sign_in


def _admin_screen(qtbot, start_app, window) -> AdminScreen:
    startup = start_app()
    sign_in(qtbot, startup, window, Role.ADMIN)
    window.show()
    screen = window.workspace.show_screen("administration")
    assert isinstance(screen, AdminScreen)
    qtbot.waitUntil(lambda: screen.accounts.model.rowCount() == 4, timeout=10_000)
    return screen


def _open_create_dialog(qtbot, screen: AdminScreen) -> CreateAccountDialog:
    qtbot.mouseClick(screen.accounts.new_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CreateAccountDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.office.count() > 1, timeout=10_000)  # offices loaded
    return dialog


def _closed(dialog: QWidget) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _type_line(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_create_account_shows_the_validation_error_then_succeeds(qtbot, start_app, window) -> None:
    screen = _admin_screen(qtbot, start_app, window)
    dialog = _open_create_dialog(qtbot, screen)
    assert dialog.login.hasFocus()

    _type_line(qtbot, "Jean Dupont")  # not a valid login: spaces and capitals
    _type_line(qtbot, "Jean Dupont")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # role: counter advisor
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # office: the admin's
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # team: none
    assert QApplication.focusWidget() is dialog.password
    _type_line(qtbot, "Motdepasse-2026")
    qtbot.keyClicks(dialog.confirm, "Motdepasse-2026")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=10_000)
    assert dialog.message.text().startswith("L'identifiant doit faire 3 à 40 caractères")
    assert dialog.login.property("invalid") is True
    assert dialog.login.hasFocus()  # the faulty field, its text selected for retyping
    assert dialog.isVisible()

    qtbot.keyClicks(dialog.login, "jdupont")  # replaces the selected text
    qtbot.keyClick(dialog.login, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: _closed(dialog), timeout=10_000)
    accounts = screen.accounts
    qtbot.waitUntil(lambda: accounts.model.rowCount() == 5, timeout=10_000)
    created = accounts.selected_account()
    assert created is not None and created.login == "jdupont"
    assert created.full_name == "Jean Dupont" and created.role is Role.COUNTER
    assert created.office_name == "Accueil de test"
    assert accounts.message.text() == "Compte « jdupont » créé."


def test_mismatched_confirmation_is_caught_before_the_backend(
    qtbot, start_app, window, ops
) -> None:
    screen = _admin_screen(qtbot, start_app, window)
    dialog = _open_create_dialog(qtbot, screen)
    dialog.login.setText("mlefort")
    dialog.full_name.setText("Marie Lefort")
    dialog.password.setText("Motdepasse-2026")
    dialog.confirm.setText("Motdepasse-2025")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Les deux mots de passe ne sont pas identiques."
    assert dialog.confirm.hasFocus()
    assert ops.pending == 0
    dialog.reject()


def test_deactivate_then_reactivate_an_account(qtbot, start_app, window) -> None:
    screen = _admin_screen(qtbot, start_app, window)
    accounts = screen.accounts
    accounts.select_account(next(a.id for a in accounts.model.rows if a.login == "t_agent"))
    assert accounts.toggle_button.text() == "Désactiver"

    qtbot.mouseClick(accounts.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: accounts.toggle_button.text() == "Réactiver", timeout=10_000)
    agent = accounts.selected_account()
    assert agent is not None and agent.login == "t_agent" and not agent.active
    assert accounts.message.text().startswith("Compte « t_agent » désactivé")

    qtbot.mouseClick(accounts.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: accounts.toggle_button.text() == "Désactiver", timeout=10_000)
    assert accounts.selected_account().active


def test_own_account_cannot_be_deactivated(qtbot, start_app, window) -> None:
    screen = _admin_screen(qtbot, start_app, window)
    accounts = screen.accounts
    accounts.select_account(window.context.backend.advisor.id)
    assert not accounts.toggle_button.isEnabled()
    assert accounts.reset_button.isEnabled()


def test_reset_password_with_a_weak_password_first(qtbot, start_app, window) -> None:
    screen = _admin_screen(qtbot, start_app, window)
    accounts = screen.accounts
    accounts.select_account(next(a.id for a in accounts.model.rows if a.login == "t_counter"))
    dialog = accounts.reset_password()
    assert dialog is not None
    qtbot.keyClicks(dialog.password, "court")
    qtbot.keyClicks(dialog.confirm, "court")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=10_000)
    assert "au moins 12 caractères" in dialog.message.text()

    dialog.password.setText("Nouveau-mot-2026")
    dialog.confirm.setText("Nouveau-mot-2026")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _closed(dialog), timeout=10_000)
    assert accounts.message.text().startswith("Mot de passe de « t_counter » réinitialisé")


def test_audit_trail_shows_the_admin_actions(qtbot, start_app, window) -> None:
    screen = _admin_screen(qtbot, start_app, window)
    assert screen.audit is not None
    screen.tabs.setCurrentWidget(screen.audit)
    audit = screen.audit
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0, timeout=10_000)
    actions = [row.action for row in audit.model.rows]
    assert "session.login" in actions
    qtbot.keyClicks(audit.login, "nobody")
    qtbot.keyClick(audit.login, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: audit.model.rowCount() == 0, timeout=10_000)
    assert audit.state.message == "Aucun événement du journal ne correspond à ces filtres."


def test_audit_trail_of_a_member_by_nir_and_period_then_exported(  # type: ignore[no-untyped-def]
    qtbot, start_app, window, engine, tmp_path, monkeypatch
) -> None:
    from datetime import date, timedelta

    from PySide6.QtCore import QDate

    from tests.backend.test_appointments import add_member
    from tests.backend.test_audit_trail import _nir, _old_event

    anne, other = add_member(engine), add_member(engine, "Bernard")
    _old_event(engine, anne, days_ago=40)
    _old_event(engine, anne, days_ago=400, login="p.meunier")
    _old_event(engine, other, days_ago=5)
    screen = _admin_screen(qtbot, start_app, window)
    assert screen.audit is not None
    screen.tabs.setCurrentWidget(screen.audit)
    audit = screen.audit
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0, timeout=10_000)

    # A mistyped NIR is said in French, in the panel.
    qtbot.keyClicks(audit.member, _nir(engine, anne)[:13] + "00")
    qtbot.keyClick(audit.member, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "clé" in audit.state.message, timeout=10_000)

    audit.member.clear()
    qtbot.keyClicks(audit.member, _nir(engine, anne))
    qtbot.keyClick(audit.member, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: audit.model.rowCount() == 2, timeout=10_000)
    assert [r.login for r in audit.model.rows] == ["m.boyer", "p.meunier"]

    since = date.today() - timedelta(days=100)
    audit.since.setDate(QDate(since.year, since.month, since.day))
    qtbot.mouseClick(audit.search, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: audit.model.rowCount() == 1, timeout=10_000)
    assert audit.model.rows[0].login == "m.boyer"
    assert audit.until.text() == "—"  # no end day

    target = tmp_path / "journal"
    monkeypatch.setattr(
        "advisor_desk.ui.save_path.QFileDialog.getSaveFileName",
        lambda *_args: (str(target), ""),
    )
    qtbot.mouseClick(audit.export_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "journal.csv"  # no extension typed: ".csv" is added
    qtbot.waitUntil(saved.exists, timeout=10_000)
    lines = saved.read_bytes().decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and ";m.boyer;members.identity;" in lines[1]
    qtbot.waitUntil(lambda: audit.message.text() == f"Enregistré dans {saved}.", timeout=10_000)
