"""Courriels: release, transfer and escalate from the open thread; the collision notice."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, delete, select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import Backend, BoundBackend
from advisor_desk.backend.mail_dto import MailView
from advisor_desk.backend.orm import MailMessage, MailThread
from advisor_desk.domain.enums import MessageDirection, Role
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.mail.escalate_dialog import EscalateDialog
from advisor_desk.ui.mail.transfer_dialog import TransferDialog
from advisor_desk.ui.ops import OpError, OpRunner
from advisor_desk.ui.screens.courriels import CourrielsScreen
from advisor_desk.ui.settings import Settings
from tests.conftest import TEST_PASSWORD
from tests.ui.helpers import activate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from backend.test_mail import Mail
from backend.test_mail import mail as mail
from backend.test_mail_presence import add_agent

Login = Callable[[Role], BoundBackend]
D = TypeVar("D")


@pytest.fixture
def marie(backend: Backend, engine: Engine) -> BoundBackend:
    """A second back-office agent, logged in on the same database (her own desktop)."""
    add_agent(engine, "t_agent2", "Marie Dupont", TEST_PASSWORD)
    return backend.login("t_agent2", TEST_PASSWORD)


@pytest.fixture
def unhandled(ops: OpRunner) -> Iterator[list[OpError]]:
    """Errors no callback took: the main window would show each one in a message box."""
    errors: list[OpError] = []
    ops.failed.connect(errors.append)
    yield errors
    ops.failed.disconnect(errors.append)


@pytest.fixture
def screen(  # type: ignore[no-untyped-def]
    qtbot, french: QApplication, login: Login, mail: Mail, ops: OpRunner, settings: Settings
) -> CourrielsScreen:
    app = AppContext(login(Role.BACKOFFICE), ops, settings, database="test")
    widget = CourrielsScreen(app)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    activate(qtbot, widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3, timeout=10_000)
    return widget


def claim(qtbot, screen: CourrielsScreen) -> int:  # type: ignore[no-untyped-def]
    """Next, by a click; waits for the thread and for the "Mine" view that follows."""
    view = screen.thread_view
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    qtbot.waitUntil(
        lambda: screen.view.currentData() == MailView.MINE and screen.model.rowCount() == 1,
        timeout=10_000,
    )
    assert view.detail is not None
    return view.detail.id


def thread_row(engine: Engine, thread_id: int) -> MailThread:
    with session_scope(engine, readonly=True) as s:
        thread = s.get(MailThread, thread_id)
        assert thread is not None
        s.expunge(thread)
        return thread


def last_note(engine: Engine, thread_id: int) -> str:
    with session_scope(engine, readonly=True) as s:
        body = s.scalar(
            select(MailMessage.body)
            .where(
                MailMessage.thread_id == thread_id,
                MailMessage.direction == MessageDirection.NOTE,
            )
            .order_by(MailMessage.id.desc())
            .limit(1)
        )
        return body or ""


def open_dialog(qtbot, screen: CourrielsScreen, button_name: str, kind: type[D]) -> D:  # type: ignore[no-untyped-def]
    view = screen.thread_view
    button = getattr(view, button_name)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.findChild(kind) is not None, timeout=5_000)
    dialog = view.findChild(kind)
    assert dialog is not None
    return dialog


def test_action_buttons_follow_the_thread(qtbot, screen: CourrielsScreen) -> None:  # type: ignore[no-untyped-def]
    view = screen.thread_view
    assert view.release_button.text() == "Relâcher"
    assert view.transfer_button.text() == "&Transférer…"
    assert view.escalate_button.text() == "Escalader…"
    assert not any(
        b.isEnabled() for b in (view.release_button, view.transfer_button, view.escalate_button)
    )
    # An unassigned thread, just read: only escalation applies (release/transfer need it mine).
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    assert view.escalate_button.isEnabled()
    assert not view.release_button.isEnabled() and not view.transfer_button.isEnabled()
    claim(qtbot, screen)
    assert view.release_button.isEnabled() and view.transfer_button.isEnabled()
    # From the keyboard too: Ctrl+Shift+T opens the transfer dialog, Esc closes it.
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.editor, Qt.Key.Key_T, ctrl_shift)
    qtbot.waitUntil(lambda: view.findChild(TransferDialog) is not None, timeout=5_000)
    dialog = view.findChild(TransferDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.agent.count() > 0, timeout=10_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.findChild(TransferDialog) is None, timeout=5_000)


def test_release_puts_the_thread_back_in_the_queue(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine, unhandled: list[OpError]
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    qtbot.waitUntil(lambda: screen.count.text().startswith("2 non attribués · 1 à moi"))
    qtbot.mouseClick(view.release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.assigned_agent_id is None,
        timeout=10_000,
    )
    assert view.message.text() == "Échange remis dans la file commune."
    assert thread_row(engine, thread_id).assigned_agent_id is None
    # The queue and its counts follow; the thread stays on screen, now free.
    qtbot.waitUntil(lambda: screen.count.text().startswith("3 non attribués · 0 à moi"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)
    assert view.detail is not None and view.detail.id == thread_id
    assert not view.release_button.isEnabled() and view.escalate_button.isEnabled()
    assert unhandled == []


def test_release_keeps_the_selection_where_the_thread_stays(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    # Looking at every view of the queue ("Non attribués"), the released row stays selected.
    screen.view.setCurrentIndex(screen.view.findData(MailView.UNASSIGNED))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    qtbot.mouseClick(view.release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: len(screen.table.selectionModel().selectedRows()) == 1)
    selected = screen.table.selectionModel().selectedRows()
    assert screen.model.row_at(selected[0].row()).id == thread_id


def test_transfer_to_a_colleague_with_a_note(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine, marie: BoundBackend
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    dialog = open_dialog(qtbot, screen, "transfer_button", TransferDialog)
    qtbot.waitUntil(lambda: dialog.agent.count() == 2, timeout=10_000)
    assert dialog.agent.hasFocus()
    qtbot.keyClicks(dialog.agent, "Marie")
    assert dialog.agent.currentText().startswith("Marie Dupont")
    # The note is required: said in French, nothing sent.
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.is_error
    assert dialog.message.text() == "Indiquez dans une note pourquoi vous transférez l'échange."
    assert thread_row(engine, thread_id).assigned_agent_id != marie.advisor.id
    qtbot.keyClicks(dialog.note, "Elle connait le dossier")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.text() == "Échange transféré.", timeout=10_000)
    qtbot.waitUntil(lambda: view.findChild(TransferDialog) is None)  # closed and deleted
    assert thread_row(engine, thread_id).assigned_agent_id == marie.advisor.id
    assert last_note(engine, thread_id).endswith("Elle connait le dossier")
    qtbot.waitUntil(lambda: "Pris en charge par Marie Dupont" in view.header.text())
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)
    assert not view.release_button.isEnabled() and not view.transfer_button.isEnabled()


def test_transfer_to_a_team(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    dialog = open_dialog(qtbot, screen, "transfer_button", TransferDialog)
    qtbot.waitUntil(lambda: dialog.team.count() == 1, timeout=10_000)
    assert not dialog.team.isEnabled()
    qtbot.mouseClick(dialog.to_team, Qt.MouseButton.LeftButton)
    assert dialog.team.isEnabled() and not dialog.agent.isEnabled()
    qtbot.keyClicks(dialog.note, "Pour le pole IJ")
    team_id = dialog.team.currentData()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.text() == "Échange transféré.", timeout=10_000)
    thread = thread_row(engine, thread_id)
    assert thread.assigned_agent_id is None and thread.team_id == team_id
    assert "équipe Équipe de test" in last_note(engine, thread_id)


def test_escalate_with_a_note(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    dialog = open_dialog(qtbot, screen, "escalate_button", EscalateDialog)
    qtbot.waitUntil(dialog.note.hasFocus, timeout=5_000)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Écrivez une note pour les superviseurs."
    qtbot.keyClicks(dialog.note, "Reclamation : avis du superviseur")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.escalated, timeout=10_000)
    assert view.message.text() == "Échange escaladé à un superviseur."
    assert "Escaladé à un superviseur" in view.header.text()
    thread = thread_row(engine, thread_id)
    assert thread.escalated and thread.assigned_agent_id is None
    assert last_note(engine, thread_id) == "Escalade : Reclamation : avis du superviseur"
    assert not view.escalate_button.isEnabled() and not view.release_button.isEnabled()
    qtbot.waitUntil(lambda: screen.count.text().startswith("2 non attribués · 0 à moi"))


def test_a_refused_action_is_explained_in_french(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, login: Login, unhandled: list[OpError]
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    # Meanwhile a supervisor hands the thread to themself.
    supervisor = login(Role.SUPERVISOR)
    supervisor.mail.transfer(thread_id, "Je reprends", agent_id=supervisor.advisor.id)
    qtbot.mouseClick(view.release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Votre profil ne permet pas" in view.message.text(), timeout=10_000)
    # The thread is read again: it shows its new owner and the actions no longer apply.
    qtbot.waitUntil(lambda: "Pris en charge par Test supervisor" in view.header.text())
    assert not view.release_button.isEnabled() and not view.transfer_button.isEnabled()
    assert unhandled == []


def test_collision_notice_shows_who_else_has_the_thread(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, marie: BoundBackend, unhandled: list[OpError]
) -> None:
    view = screen.thread_view
    view.presence_timer.setInterval(100)
    thread_id = claim(qtbot, screen)
    me = screen.thread_view._app.backend.advisor
    # Marie opened it too: she sees me, and starts writing.
    qtbot.waitUntil(
        lambda: [v.name for v in marie.mail.touch_presence(thread_id, True)] == [me.full_name]
    )
    qtbot.waitUntil(lambda: view.presence.isVisible(), timeout=5_000)
    assert view.presence.text() == "Aussi ouvert par Marie Dupont — en train de répondre"
    # She discards her draft; then she leaves: the notice follows, then goes.
    marie.mail.touch_presence(thread_id, False)
    qtbot.waitUntil(lambda: view.presence.text() == "Aussi ouvert par Marie Dupont")
    # My heartbeats refresh nothing else: the queue keeps its rows and its selection.
    resets: list[None] = []
    screen.model.modelReset.connect(lambda: resets.append(None))
    selected = [i.row() for i in screen.table.selectionModel().selectedRows()]
    qtbot.wait(400)
    assert resets == []
    assert [i.row() for i in screen.table.selectionModel().selectedRows()] == selected
    marie.mail.leave(thread_id)
    qtbot.waitUntil(lambda: not view.presence.isVisible(), timeout=5_000)
    # As soon as I type, Marie sees that I am replying (without waiting for the timer).
    view.presence_timer.setInterval(60_000)
    view.presence_timer.start()
    qtbot.keyClicks(view.editor, "Bonjour")
    qtbot.waitUntil(
        lambda: [v.replying for v in marie.mail.touch_presence(thread_id, False)] == [True],
        timeout=5_000,
    )
    assert unhandled == []


def test_switching_or_closing_the_thread_leaves_it(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, marie: BoundBackend, mail: Mail
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    qtbot.waitUntil(lambda: len(marie.mail.touch_presence(thread_id, False)) == 1)
    # Another thread shown: the first one is left at once (not after the timeout).
    other = next(t for t in mail.threads.values() if t != thread_id)
    view.show_thread(other)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.id == other)
    qtbot.waitUntil(lambda: marie.mail.touch_presence(thread_id, False) == [])
    qtbot.waitUntil(lambda: len(marie.mail.touch_presence(other, False)) == 1)
    # Another screen shown (the Courriels screen hidden): left too; back: present again.
    screen.hide()
    qtbot.waitUntil(lambda: marie.mail.touch_presence(other, False) == [])
    activate(qtbot, screen)
    qtbot.waitUntil(lambda: len(marie.mail.touch_presence(other, False)) == 1)
    view.clear()
    qtbot.waitUntil(lambda: marie.mail.touch_presence(other, False) == [])
    assert not view.presence_timer.isActive()


def test_a_failing_heartbeat_is_silent(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine, unhandled: list[OpError]
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    view.message.setText("Brouillon en cours")
    with session_scope(engine) as s:
        s.execute(delete(MailThread).where(MailThread.id == thread_id))
    view.presence_timer.setInterval(50)
    qtbot.wait(500)  # about ten heartbeats, each refused with NotFound
    assert view.message.text() == "Brouillon en cours"
    assert unhandled == []
    assert not view.presence.isVisible()
