"""The screens registry, the navigation shortcuts, and a broken or missing screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from advisor_desk.domain.enums import Role
from advisor_desk.ui import screens
from advisor_desk.ui.screens import ScreenSpec, available_screens
from tests.ui.fake_screens import FakeAccueil
from tests.ui.helpers import activate, sign_in


def _register(monkeypatch: pytest.MonkeyPatch, demarches: str) -> None:
    """Accueil and Démarches delivered (stand-ins), the others missing."""
    factories = {
        screens.ACCUEIL: "tests.ui.fake_screens:FakeAccueil",
        screens.DEMARCHES: f"tests.ui.fake_screens:{demarches}",
    }
    replaced = tuple(
        ScreenSpec(
            s.key, s.title_source, s.permissions, factories.get(s.key, "tests.ui.no_such:Screen")
        )
        for s in screens.SCREENS
    )
    monkeypatch.setattr(screens, "SCREENS", replaced)


@pytest.fixture
def fake_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    _register(monkeypatch, "FakeScreen")


@pytest.fixture
def broken_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    _register(monkeypatch, "BrokenScreen")


def test_missing_modules_are_left_out() -> None:
    spec = ScreenSpec("nothing", "Nothing", ("member.search",), "advisor_desk.ui.screens.nope:X")
    assert available_screens({"member.search"}, [spec]) == []
    assert [s.key for s in available_screens({"admin.accounts"})] == ["administration"]


def test_titles_are_french(french) -> None:
    assert [s.title for s in screens.SCREENS] == [
        "Accueil",
        "Démarches",
        "Rendez-vous",
        "Annuaire santé",
        "Courriels",
        "Supervision",
        "Administration",
        "Bureaux et horaires",
        "Base de connaissances",
    ]


def test_ctrl_f_and_ctrl_k_go_to_the_member_search_from_anywhere(
    qtbot, fake_registry, start_app, window
) -> None:
    startup = start_app()
    sign_in(qtbot, startup, window, Role.COUNTER)
    workspace = window.workspace
    assert workspace.nav.keys() == ["accueil", "demarches"]
    assert workspace.nav.titles() == ["Accueil", "Démarches"]
    activate(qtbot, window)
    workspace.nav.set_current_key("demarches")
    assert workspace.current_key() == "demarches"

    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
    )
    accueil = workspace.built_screen("accueil")
    assert isinstance(accueil, FakeAccueil)
    assert workspace.current_key() == "accueil"
    assert accueil.focus_calls == 1
    assert accueil.search.hasFocus()

    workspace.nav.set_current_key("demarches")
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
    )
    assert workspace.current_key() == "accueil" and accueil.focus_calls == 2
    # The shortcuts are shown in the menu's tooltips and the navigation's.
    assert window.search_action.toolTip() == "Rechercher un assuré (Ctrl+F, Ctrl+K)"
    assert workspace.nav.item(0).toolTip() == "Accueil (Ctrl+1)"


@pytest.mark.expect_errors
def test_a_broken_screen_apologises_in_its_place(qtbot, broken_registry, start_app, window) -> None:
    startup = start_app()
    sign_in(qtbot, startup, window, Role.BACKOFFICE)
    widget = window.workspace.show_screen("demarches")
    assert isinstance(widget, QLabel)
    assert widget.text().startswith("Désolé, l'écran « Démarches » n'a pas pu s'ouvrir.")
    assert isinstance(window.workspace.show_screen("accueil"), FakeAccueil)


def test_ctrl_number_switches_screens(qtbot, fake_registry, start_app, window) -> None:
    startup = start_app()
    sign_in(qtbot, startup, window, Role.COUNTER)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.current_key() == "demarches"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.current_key() == "accueil"


def test_f1_lists_each_screen_of_the_advisor_with_its_key(qtbot, start_app, window) -> None:
    from PySide6.QtWidgets import QMessageBox

    sign_in(qtbot, start_app(), window, Role.COUNTER)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    text = box.text()
    # Counters: Accueil, Démarches, Rendez-vous, Annuaire santé (4th in the registry).
    assert "<b>Ctrl+4</b></td><td>Annuaire santé" in text
    assert "<b>Ctrl+1</b></td><td>Accueil" in text
    assert "Supervision" not in text
    box.close()
