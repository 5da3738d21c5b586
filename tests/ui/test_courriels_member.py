"""Courriels: the member beside the thread (summary, one click to the file) and a document
issued for the member attached to the answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import Engine

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import IssuedDocument
from advisor_desk.domain.enums import DocumentKind, MailState
from advisor_desk.ui.screens.courriels import CourrielsScreen
from tests.ui.test_courriels import Mail
from tests.ui.test_courriels import mail as mail
from tests.ui.test_courriels import screen as screen


def _claim(qtbot, screen: CourrielsScreen) -> None:  # type: ignore[no-untyped-def]
    view = screen.thread_view
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)


def test_summary_and_open_the_member_file(qtbot, screen: CourrielsScreen, mail: Mail) -> None:  # type: ignore[no-untyped-def]
    _claim(qtbot, screen)
    view = screen.thread_view
    header = view.header.text()
    assert "born 12/03/1984" in header and "2 other open thread(s)" in header
    assert mail.nir not in header
    opened: list[int] = []
    view._app.open_member_requested.connect(opened.append)
    assert view.open_member_button.isVisible()
    qtbot.mouseClick(view.open_member_button, Qt.MouseButton.LeftButton)
    assert opened == [mail.member_id]


def test_attach_an_issued_document_to_the_answer(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, mail: Mail, engine: Engine
) -> None:
    _claim(qtbot, screen)
    view = screen.thread_view
    assert not view.attachment_label.isVisible()
    # Nothing issued yet: the agent is told where to issue one.
    qtbot.mouseClick(view.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "member file" in view.message.text(), timeout=10_000)
    with session_scope(engine) as s:
        s.add(
            IssuedDocument(
                number="ATT-2026-000042",
                verification_code="ABCD2345",
                member_id=mail.member_id,
                kind=DocumentKind.RIGHTS_CERTIFICATE,
                content_sha256="0" * 64,
            )
        )
    qtbot.mouseClick(view.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.attachment_menu is not None, timeout=10_000)
    menu = view.attachment_menu
    assert menu is not None
    actions = menu.actions()
    assert len(actions) == 1 and "ATT-2026-000042" in actions[0].text()
    qtbot.waitUntil(menu.isVisible, timeout=5_000)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(actions[0]).center())
    assert not menu.isVisible()
    assert view.attachment_label.isVisible()
    assert "ATT-2026-000042" in view.attachment_label.text()

    view.editor.setFocus()
    qtbot.keyClicks(view.editor, "Bonjour, voici votre attestation.")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.state is MailState.PENDING, timeout=10_000
    )
    qtbot.waitUntil(lambda: "ATT-2026-000042" in view.messages.toPlainText(), timeout=10_000)
    assert not view.attachment_label.isVisible()  # the next answer starts without it
    last = view.detail.messages[-1] if view.detail else None
    assert last is not None and last.document is not None
