"""Alt+letter: on every screen of every role, in French, one letter reaches one widget.

Two visible widgets (or a widget and a menu) with the same underlined letter make Alt+letter
cycle between them instead of acting: the keyboard user loses the shortcut.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget, QWidget

from advisor_desk.domain.enums import Role
from advisor_desk.ui.main_window import MainWindow
from tests.models.member_samples import add_samples
from tests.ui.helpers import sign_in


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonics(window: MainWindow, root: QWidget) -> dict[str, list[str]]:
    """Letter → the visible texts underlining it (menus, buttons, labels, groups, tabs)."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        if letter := mnemonic(text):
            found[letter].append(text)

    for action in window.menuBar().actions():
        add(action.text())
    for button in root.findChildren(QAbstractButton):
        if button.isVisible():
            add(button.text())
    for label in root.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            add(label.text())
    for group in root.findChildren(QGroupBox):
        if group.isVisible():
            add(group.title())
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisible():
            for i in range(tabs.count()):
                add(tabs.tabText(i))
    return found


def clashes(window: MainWindow, where: str) -> list[str]:
    assert window.workspace is not None
    return [
        f"{where}: Alt+{letter.upper()} → {texts}"
        for letter, texts in sorted(mnemonics(window, window.workspace).items())
        if len(texts) > 1
    ]


@pytest.mark.parametrize("role", list(Role))
def test_each_screen_gives_a_letter_to_one_widget(qtbot, start_app, window, role: Role) -> None:
    sign_in(qtbot, start_app(), window, role)
    window.resize(1280, 800)
    window.show()
    assert window.workspace is not None
    found: list[str] = []
    for key in window.workspace.keys:
        window.workspace.show_screen(key)
        qtbot.wait(200)  # the screen's first load
        found += clashes(window, key)
    assert found == [], "\n".join(found)


def test_the_member_file_gives_a_letter_to_one_widget(qtbot, start_app, window, engine) -> None:
    member_id = add_samples(engine).ids["jean"]
    sign_in(qtbot, start_app(), window, Role.COUNTER)
    window.resize(1280, 800)
    window.show()
    assert window.workspace is not None
    screen = window.workspace.show_screen("accueil")
    screen.open_member(member_id)
    file = screen.file
    qtbot.waitUntil(lambda: file.identity_info is not None, timeout=10_000)
    found: list[str] = []
    for index in range(file.tabs.count()):
        file.tabs.setCurrentIndex(index)
        qtbot.wait(200)
        found += clashes(window, f"dossier › {file.tabs.tabText(index).replace('&', '')}")
    assert found == [], "\n".join(found)
