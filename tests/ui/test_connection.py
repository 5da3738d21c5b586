"""A lost connection shows a banner, retries until the backend answers, and keeps the screens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from advisor_desk.domain.enums import Role
from advisor_desk.domain.errors import BackendUnavailable
from tests.ui.helpers import activate, sign_in

LOST = "Connexion à la base de données perdue (test)."


def test_banner_then_retries_then_restored_without_rebuilding_screens(
    qtbot, start_app, window, backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    startup = start_app()
    sign_in(qtbot, startup, window, Role.ADMIN)
    window.show()
    screen = window.workspace.show_screen("administration")
    accounts = screen.accounts
    qtbot.waitUntil(lambda: accounts.model.rowCount() == 4, timeout=10_000)
    qtbot.keyClicks(accounts.filter, "t_ag")

    probes: list[str] = []
    down = True
    admin = window.context.backend.admin
    real_list = admin.list_advisors
    real_resume = backend.resume

    def list_advisors():  # type: ignore[no-untyped-def]
        if down:
            raise BackendUnavailable(LOST)
        return real_list()

    def resume(token: str):  # type: ignore[no-untyped-def]
        probes.append(token)
        if down:
            raise BackendUnavailable(LOST)
        return real_resume(token)

    monkeypatch.setattr(admin, "list_advisors", list_advisors)
    monkeypatch.setattr(backend, "resume", resume)
    window.monitor.set_retry_ms(100)

    accounts.view.setFocus()
    activate(qtbot, window)
    qtbot.keyClick(accounts.view, Qt.Key.Key_F5)  # the refresh fails: the banner comes up
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    assert LOST in window.banner.text
    assert window.status.connection.text() == "Connexion perdue"
    assert accounts.message.text() == LOST  # the panel says so, and keeps its rows
    assert accounts.model.rowCount() == 4

    qtbot.waitUntil(lambda: len(probes) >= 2, timeout=5000)  # it keeps trying
    assert window.banner.isVisible()

    down = False
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)
    assert window.status.connection.text() == "Connecté"
    # Restored: screens reload themselves; nothing was rebuilt, the input is still there.
    qtbot.waitUntil(lambda: not accounts.message.is_error, timeout=5000)
    assert window.workspace.built_screen("administration") is screen
    assert accounts.filter.text() == "t_ag"
    assert accounts.proxy.rowCount() == 1
