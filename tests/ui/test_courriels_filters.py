"""Courriels: the age, deadline and office filters, and the periodic refresh that keeps the
agent's place (selection, open thread) while new mail arrives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import Engine

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.mail import record_inbound
from advisor_desk.backend.mail_dto import SlaFilter
from advisor_desk.backend.orm import MailThread
from advisor_desk.domain.enums import MailTheme
from advisor_desk.ui.screens.courriels import CourrielsScreen
from tests.ui.test_courriels import Mail
from tests.ui.test_courriels import mail as mail
from tests.ui.test_courriels import screen as screen


def _ids(screen: CourrielsScreen) -> list[int]:
    return [screen.model.row_at(i).id for i in range(screen.model.rowCount())]


def test_age_deadline_and_office_filters(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, mail: Mail, engine: Engine
) -> None:
    # The age filter from the keyboard: Alt+A, then down to "24 h or more".
    qtbot.keyClick(screen, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert screen.age.hasFocus()
    qtbot.keyClick(screen.age, Qt.Key.Key_Down)
    qtbot.keyClick(screen.age, Qt.Key.Key_Down)
    assert screen.age.currentData() == 24
    qtbot.waitUntil(lambda: _ids(screen) == [mail.threads["vitale"]], timeout=10_000)
    qtbot.waitUntil(lambda: screen.count.text().startswith("1 "), timeout=10_000)
    screen.age.setCurrentIndex(0)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=10_000)

    with session_scope(engine) as s:
        thread = s.get(MailThread, mail.threads["ij"])
        assert thread is not None
        thread.sla_due_at = datetime.now(UTC) - timedelta(minutes=5)
    screen.sla.setCurrentIndex(screen.sla.findData(SlaFilter.BREACHED))
    qtbot.waitUntil(
        lambda: mail.threads["ij"] in _ids(screen) and mail.threads["other"] not in _ids(screen),
        timeout=10_000,
    )
    screen.sla.setCurrentIndex(0)

    qtbot.waitUntil(lambda: screen.office.count() == 2, timeout=10_000)  # all + the office
    screen.office.setCurrentIndex(1)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)
    assert screen.panel.message == "No e-mail in this queue."


def test_periodic_refresh_keeps_the_selection(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, mail: Mail, engine: Engine
) -> None:
    screen.table.selectRow(1)
    chosen = screen.model.row_at(1).id
    view = screen.thread_view
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.id == chosen, timeout=10_000)
    shown = view.detail
    with session_scope(engine) as s:
        record_inbound(
            s,
            member_id=mail.member_id,
            subject="Nouveau message",
            body="Bonjour, une question sur mon remboursement.",
            theme=MailTheme.REIMBURSEMENTS,
            at=datetime.now(UTC),
        )
    screen.auto_refresh.setInterval(50)
    screen.auto_refresh.start()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 4, timeout=10_000)
    screen.auto_refresh.stop()
    rows = screen.table.selectionModel().selectedRows()
    assert [screen.model.row_at(r.row()).id for r in rows] == [chosen]
    assert view.detail is shown  # the open thread was not reloaded (nor a draft lost)
    qtbot.waitUntil(lambda: screen.count.text().startswith("4 "), timeout=10_000)


def test_refresh_runs_only_while_shown(qtbot, screen: CourrielsScreen) -> None:  # type: ignore[no-untyped-def]
    assert screen.auto_refresh.isActive()
    screen.hide()
    assert not screen.auto_refresh.isActive()
    screen.show()
    assert screen.auto_refresh.isActive()
