"""Courriels: Next from the keyboard, a suggested template, send; a conflict keeps the draft."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.mail import record_inbound
from advisor_desk.backend.mail_dto import MailView
from advisor_desk.backend.orm import MailThread
from advisor_desk.domain.enums import MailState, Role
from advisor_desk.models.mail_queue import MailQueueModel
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.screens.courriels import CourrielsScreen
from advisor_desk.ui.settings import Settings
from tests.ui.helpers import activate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from backend.test_mail import Mail
from backend.test_mail import mail as mail

Login = Callable[[Role], BoundBackend]


@pytest.fixture
def screen(qtbot, login: Login, mail: Mail, ops: OpRunner, settings: Settings):  # type: ignore[no-untyped-def]
    app = AppContext(login(Role.BACKOFFICE), ops, settings, database="test")
    widget = CourrielsScreen(app)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    activate(qtbot, widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3, timeout=10_000)
    return widget


def test_queue_model_passes_the_model_tester(qtmodeltester, login: Login, mail: Mail) -> None:  # type: ignore[no-untyped-def]
    page = login(Role.BACKOFFICE).mail.list_queue(MailView.UNASSIGNED)
    model = MailQueueModel()
    model.set_page(page.rows, page.total)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and not model.canFetchMore()


def test_model_fetches_the_next_page(qtmodeltester, login: Login, mail: Mail) -> None:  # type: ignore[no-untyped-def]
    agent = login(Role.BACKOFFICE)
    first = agent.mail.list_queue(MailView.UNASSIGNED, limit=2)
    model = MailQueueModel()
    asked: list[int] = []
    model.fetcher = asked.append
    model.set_page(first.rows, first.total)
    assert model.canFetchMore()
    model.fetchMore()
    assert asked == [2] and not model.canFetchMore()  # one request at a time
    rest = agent.mail.list_queue(MailView.UNASSIGNED, offset=2, limit=2)
    model.append_rows(rest.rows, rest.offset)
    assert model.rowCount() == 3 and not model.canFetchMore()
    qtmodeltester.check(model)


def test_next_template_and_send_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, mail: Mail, engine: Engine
) -> None:
    view = screen.thread_view
    assert view.header.text() == (
        "Select an e-mail in the queue, or take the most urgent one with Next (Ctrl+N)."
    )
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    assert view.detail is not None
    claimed = view.detail.id
    assert view.editor.hasFocus()
    assert mail.nir not in view.header.text() and "Anne Martin" in view.header.text()
    # The member's messages get more room than the lists or the reply (by the widgets' size
    # hints alone they were left two lines).
    assert view.messages.height() > max(view.suggestions.height(), view.editor.height())
    qtbot.waitUntil(lambda: view.suggestions.count() > 0, timeout=10_000)
    view.suggestions.setFocus()
    qtbot.keyClick(view.suggestions, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.editor.toPlainText().startswith("Bonjour Anne"), timeout=10_000)
    assert view.editor.hasFocus()
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.editor.toPlainText() == "", timeout=10_000)
    with session_scope(engine) as s:
        thread = s.get(MailThread, claimed)
        assert thread is not None and thread.state is MailState.PENDING
    qtbot.waitUntil(lambda: screen.count.text().startswith("2 "), timeout=10_000)


def test_a_conflict_keeps_the_draft_and_shows_the_new_message(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, mail: Mail, engine: Engine
) -> None:
    view = screen.thread_view
    screen.claim_next()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    assert view.detail is not None
    thread_id, messages = view.detail.id, len(view.detail.messages)
    view.editor.setPlainText("Ma réponse")
    with session_scope(engine) as s:
        record_inbound(s, member_id=mail.member_id, body="Autre question", thread_id=thread_id)
    view.send(close=False)
    qtbot.waitUntil(
        lambda: view.detail is not None and len(view.detail.messages) == messages + 1,
        timeout=10_000,
    )
    assert "a changé" in view.message.text()
    assert view.editor.toPlainText() == "Ma réponse"
    view.send(close=True)
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.state is MailState.CLOSED,
        timeout=10_000,
    )


def test_empty_queue_says_so(qtbot, screen: CourrielsScreen) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        screen.claim_next()
        qtbot.waitUntil(lambda: screen.next_button.isEnabled(), timeout=10_000)
    screen.claim_next()
    qtbot.waitUntil(lambda: screen.thread_view.detail is None, timeout=10_000)
    assert screen.thread_view.message.text()
