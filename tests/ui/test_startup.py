"""Start-up: the backend opens in the background, failures shown in the login dialog,
the first-start progress dialog, and --demo-login."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog

from advisor_desk.domain.enums import Role
from advisor_desk.domain.errors import BackendUnavailable
from advisor_desk.ui.ops import OpControl
from advisor_desk.ui.startup import Startup
from tests.conftest import ROLE_LOGINS, TEST_PASSWORD
from tests.ui.helpers import sign_in

UNREACHABLE = "Base de données injoignable (partagée (db:5432/cpam)) : connection refused"


def test_an_unreachable_database_is_reported_in_the_login_dialog(
    qtbot, window, ops, settings, backend
) -> None:
    attempts: list[int] = []

    def opener(_control: OpControl):  # type: ignore[no-untyped-def]
        attempts.append(1)
        if len(attempts) == 1:
            raise BackendUnavailable(UNREACHABLE)
        return backend

    startup = Startup(window, ops, settings, opener)
    startup.start()
    qtbot.waitUntil(
        lambda: startup.dialog is not None and startup.dialog.error_text != "", timeout=10_000
    )
    assert startup.dialog.error_text == UNREACHABLE
    assert window.welcome.text == UNREACHABLE

    # Signing in tries to open the database again, then logs in.
    sign_in(qtbot, startup, window, Role.COUNTER)
    assert len(attempts) == 2


def test_first_start_shows_the_seed_progress(qtbot, window, ops, settings, backend) -> None:
    release = threading.Event()
    seen: list[int] = []

    def opener(control: OpControl):  # type: ignore[no-untyped-def]
        for done in (0, 500, 1000):
            control.progress(done, 1000, "Création des données de démonstration (1000 assurés)…")
            if done == 500:
                release.wait(5)
        return backend

    startup = Startup(window, ops, settings, opener)
    startup.start()

    def progress_dialog() -> QProgressDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        return found[0] if found and found[0].isVisible() else None

    qtbot.waitUntil(
        lambda: progress_dialog() is not None and progress_dialog().value() == 500, timeout=10_000
    )
    dialog = progress_dialog()
    seen.append(dialog.value())
    assert dialog.labelText().startswith("Création des données de démonstration")
    assert dialog.maximum() == 1000
    release.set()
    qtbot.waitUntil(lambda: startup.backend is not None, timeout=10_000)
    assert progress_dialog() is None
    assert window.welcome.text == "Prêt. Connectez-vous."


def test_demo_login_opens_the_session_without_the_dialog(
    qtbot, window, ops, settings, backend
) -> None:
    startup = Startup(
        window,
        ops,
        settings,
        lambda _c: backend,
        demo_login=(ROLE_LOGINS[Role.ADMIN], TEST_PASSWORD),
    )
    opened: list[bool] = []
    startup.session_opened.connect(lambda: opened.append(True))
    startup.start()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert startup.dialog is None
    assert window.workspace.nav.keys() == ["supervision", "administration", "bureaux"]


@pytest.mark.parametrize("password", ["wrong-password"])
def test_a_refused_demo_login_falls_back_to_the_dialog(
    qtbot, window, ops, settings, backend, password: str
) -> None:
    startup = Startup(
        window, ops, settings, lambda _c: backend, demo_login=(ROLE_LOGINS[Role.ADMIN], password)
    )
    failures: list[str] = []
    startup.failed.connect(failures.append)
    startup.start()
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert failures == ["Identifiant ou mot de passe incorrect."]
    assert startup.dialog is not None and startup.dialog.isVisible()
    assert startup.dialog.login_edit.text() == ROLE_LOGINS[Role.ADMIN]
