"""The member file's Messages tab: the member's threads, newest first, and one read in full."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from advisor_desk.backend.facade import BoundBackend
from advisor_desk.domain.enums import Role
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.mail.member_messages_tab import MemberMessagesTab
from advisor_desk.ui.member.member_file import MemberFileView
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.settings import Settings
from tests.ui.helpers import activate
from tests.ui.test_courriels import Mail
from tests.ui.test_courriels import mail as mail

Login = Callable[[Role], BoundBackend]


def test_counter_reads_the_members_threads_from_the_file(  # type: ignore[no-untyped-def]
    qtbot, login: Login, mail: Mail, ops: OpRunner, settings: Settings
) -> None:
    app = AppContext(login(Role.COUNTER), ops, settings, database="test")
    view = MemberFileView(app)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    activate(qtbot, view)
    view.open(mail.member_id)
    qtbot.waitUntil(lambda: view.identity_info is not None, timeout=10_000)
    tab = next(w for w in view._extra if isinstance(w, MemberMessagesTab))
    assert view.tabs.tabText(view.tabs.indexOf(tab)) == "Me&ssages"
    qtbot.keyClick(view.tabs, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.tabs.currentWidget() is tab, timeout=5_000)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=10_000)
    times = [tab.model.row_at(i).last_message_at for i in range(3)]
    assert times == sorted(times, reverse=True)  # the latest exchange first
    qtbot.waitUntil(lambda: tab.detail is not None, timeout=10_000)  # the first one, read
    assert tab.detail is not None and tab.detail.id == tab.model.row_at(0).id
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)
    second = tab.model.row_at(1)
    qtbot.waitUntil(lambda: tab.detail is not None and tab.detail.id == second.id, timeout=10_000)
    assert tab.detail.messages[0].body in tab.messages.toPlainText()
