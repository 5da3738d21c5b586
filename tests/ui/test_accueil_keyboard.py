"""The counter's first minute with the keyboard only, in the real main window (French)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import Engine, select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import AuditEvent
from advisor_desk.domain.enums import Role
from advisor_desk.ui.screens.accueil import AccueilScreen
from tests.models.member_samples import add_samples
from tests.ui.helpers import sign_in

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_counter_flow_with_the_keyboard_only(
    qtbot: Any, start_app: Any, window: Any, engine: Engine
) -> None:
    samples = add_samples(engine)
    startup = start_app()
    sign_in(qtbot, startup, window, Role.COUNTER)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    screen = window.workspace.built_screen("accueil")
    assert isinstance(screen, AccueilScreen)
    file = screen.file

    qtbot.keyClick(_focus(), Qt.Key.Key_F, CTRL)
    assert _focus() is screen.search.edit
    qtbot.keyClicks(_focus(), "lefevre anne")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: file.identity_info is not None, timeout=10_000)
    assert file.member_id == samples.ids["anne"]
    assert file.isAncestorOf(_focus())

    # Alt + the underlined letter of a tab (French titles), then Ctrl+Tab to the next one.
    qtbot.keyClick(_focus(), Qt.Key.Key_D, ALT)  # AL&D
    qtbot.waitUntil(lambda: file.alds.model.rowCount() == 3, timeout=10_000)
    assert file.tabs.currentWidget() is file.alds
    qtbot.keyClick(_focus(), Qt.Key.Key_Tab, CTRL)
    qtbot.waitUntil(lambda: file.leaves.leaves_model.rowCount() == 2, timeout=10_000)
    assert file.tabs.currentWidget() is file.leaves
    qtbot.keyClick(_focus(), Qt.Key.Key_M, ALT)  # Dé&marches
    qtbot.waitUntil(lambda: file.declarations.model.rowCount() == 2, timeout=10_000)
    qtbot.keyClick(_focus(), Qt.Key.Key_I, ALT)  # &Identité et droits
    assert file.tabs.currentWidget() is file.identity

    qtbot.keyClick(_focus(), Qt.Key.Key_Escape)
    assert screen.pages.currentWidget() is screen.search_page
    assert _focus() is screen.search.edit
    assert screen.search.edit.text() == "" and screen.model.rowCount() == 0
    assert file.member_id is None and file.header.name.text() == ""

    with session_scope(engine) as s:
        actions = [
            e.action
            for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))
            if e.action.startswith("members.")
        ]
    assert actions[-5:] == [
        "members.search",
        "members.identity",
        "members.alds",
        "members.leaves",
        "members.declarations",
    ]
