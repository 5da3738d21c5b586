"""Courriels: reply templates searched by keyword beside the suggested ones, and the thread's
theme changed from the combo or from the suggested theme."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from sqlalchemy import Engine, select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import AuditEvent, MailThread, ReplyTemplate
from advisor_desk.domain.enums import MailState, MailTheme, Role
from advisor_desk.models.mail_queue import theme_label
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.screens.courriels import CourrielsScreen
from tests.ui.test_courriels import Mail
from tests.ui.test_courriels import mail as mail
from tests.ui.test_courriels_actions import claim, thread_row
from tests.ui.test_courriels_actions import screen as screen
from tests.ui.test_courriels_actions import unhandled as unhandled

Login = Callable[[Role], BoundBackend]
ALT = Qt.KeyboardModifier.AltModifier


def listed(screen: CourrielsScreen) -> list[str]:
    templates = screen.thread_view.suggestions
    return [templates.item(i).text() for i in range(templates.count())]


def titles_holding(engine: Engine, word: str) -> list[str]:
    """The seeded templates whose title, code or keywords hold `word`, by title."""
    with session_scope(engine, readonly=True) as s:
        return sorted(
            t.title
            for t in s.scalars(select(ReplyTemplate))
            if word in f"{t.title} {t.code} {t.keywords}".lower()
        )


def theme_audits(engine: Engine, thread_id: int) -> list[str | None]:
    with session_scope(engine, readonly=True) as s:
        return list(
            s.scalars(
                select(AuditEvent.detail)
                .where(
                    AuditEvent.action == "mail.set_theme", AuditEvent.target == f"mail:{thread_id}"
                )
                .order_by(AuditEvent.id)
            )
        )


def show_row(qtbot, screen: CourrielsScreen, thread_id: int) -> None:  # type: ignore[no-untyped-def]
    """Click the thread's row in the queue and wait for it to be shown."""
    row = screen.model.row_index_of(thread_id)
    assert row is not None
    rect = screen.table.visualRect(screen.model.index(row, 0))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = screen.thread_view
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.id == thread_id)


def test_search_templates_by_keyword_and_insert_one(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine, login: Login
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    qtbot.waitUntil(lambda: view.suggestions.count() > 0, timeout=10_000)
    suggested = listed(screen)
    assert view.templates_label.text() == "Modèles su&ggérés :"
    expected = titles_holding(engine, "employeur")
    assert len(expected) >= 2 and sorted(suggested) != expected
    # Alt+G goes to the search field; the list follows the typing (after a pause).
    qtbot.keyClick(screen, Qt.Key.Key_G, ALT)
    assert view.template_search.hasFocus()
    assert view.template_search.placeholderText() == "Chercher par mot-clé…"
    qtbot.keyClicks(view.template_search, "employeur")
    qtbot.waitUntil(lambda: sorted(listed(screen)) == expected, timeout=10_000)
    assert view.templates_label.text() == "Modèles trou&vés :"
    # Down goes to the list, Down again to the second template, Enter puts it in the reply.
    qtbot.keyClick(view.template_search, Qt.Key.Key_Down)
    assert view.suggestions.hasFocus() and view.suggestions.currentRow() == 0
    qtbot.keyClick(view.suggestions, Qt.Key.Key_Down)
    chosen = view.suggestions.currentItem()
    assert chosen is not None
    template_id = int(chosen.data(Qt.ItemDataRole.UserRole))
    qtbot.keyClick(view.suggestions, Qt.Key.Key_Return)
    rendered = login(Role.BACKOFFICE).mail.render_template(template_id, thread_id)
    qtbot.waitUntil(lambda: view.editor.toPlainText() == rendered, timeout=10_000)
    assert view.editor.hasFocus()
    # The search emptied: the suggestions for the message are back.
    view.template_search.setFocus()
    qtbot.keyClick(view.template_search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.template_search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: listed(screen) == suggested, timeout=10_000)
    assert view.templates_label.text() == "Modèles su&ggérés :"


def test_an_unknown_word_says_no_template_holds_it(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, unhandled: list[OpError]
) -> None:
    view = screen.thread_view
    claim(qtbot, screen)
    qtbot.waitUntil(lambda: view.suggestions.count() > 0, timeout=10_000)
    qtbot.mouseClick(view.template_search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.template_search, "xyzzy")
    qtbot.waitUntil(
        lambda: view.templates_panel.message == "Aucun modèle ne contient « xyzzy ».",
        timeout=10_000,
    )
    assert view.suggestions.count() == 0
    qtbot.keyClick(view.template_search, Qt.Key.Key_Down)  # nothing to go down to
    assert view.template_search.hasFocus()
    assert unhandled == []


def test_reclassify_the_thread_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine, unhandled: list[OpError]
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    before = thread_row(engine, thread_id).theme
    assert view.theme.currentData() == before and view.theme.isEnabled()
    assert not view.theme_suggestion.isVisible()  # a themed thread: nothing suggested
    # Alt+M goes to the combo; two steps with the arrow keys save one change, the last one.
    qtbot.keyClick(screen, Qt.Key.Key_M, ALT)
    assert view.theme.hasFocus()
    step = Qt.Key.Key_Down if view.theme.currentIndex() + 2 < view.theme.count() else Qt.Key.Key_Up
    qtbot.keyClick(view.theme, step)
    qtbot.wait(150)  # a person's pace: the first step is not saved on its own
    qtbot.keyClick(view.theme, step)
    after = MailTheme(view.theme.currentData())
    assert after is not before
    qtbot.waitUntil(lambda: thread_row(engine, thread_id).theme is after, timeout=10_000)
    assert theme_audits(engine, thread_id) == [f"{before.value} → {after.value}"]
    label = theme_label(after)
    qtbot.waitUntil(lambda: view.message.text() == f"Échange reclassé : {label}.", timeout=10_000)
    # The thread is read again (header, deadline) and its row in the queue follows.
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.theme is after)
    assert label in view.header.text()
    assert view.detail is not None
    assert view.detail.sla.due_at == thread_row(engine, thread_id).sla_due_at
    qtbot.waitUntil(lambda: screen.model.row_at(0).theme is after, timeout=10_000)
    assert unhandled == []


def test_a_refused_reclassification_puts_the_saved_theme_back(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine, unhandled: list[OpError]
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    before = thread_row(engine, thread_id).theme
    with session_scope(engine) as s:  # gone meanwhile (e.g. purged)
        thread = s.get(MailThread, thread_id)
        assert thread is not None
        s.delete(thread)
    view.theme.setFocus()
    step = Qt.Key.Key_Down if view.theme.currentIndex() + 1 < view.theme.count() else Qt.Key.Key_Up
    qtbot.keyClick(view.theme, step)
    assert view.theme.currentData() != before
    qtbot.waitUntil(lambda: view.message.text() == "Échange introuvable.", timeout=10_000)
    assert view.theme.currentData() == before
    assert unhandled == []


def test_apply_the_suggested_theme_to_a_thread_filed_as_other(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, mail: Mail, engine: Engine, login: Login
) -> None:
    view = screen.thread_view
    other = mail.threads["other"]
    suggested = login(Role.BACKOFFICE).mail.suggest(other).suggested_theme
    assert suggested is not None and suggested is not MailTheme.OTHER
    show_row(qtbot, screen, other)
    qtbot.waitUntil(lambda: view.theme_suggestion.isVisible(), timeout=10_000)
    label = theme_label(suggested)
    assert view.theme_hint.text() == f"Ce message semble relever du thème : {label}."
    assert view.theme.currentText() == "Autre"
    assert view.apply_theme_button.text() == "A&ppliquer"
    qtbot.mouseClick(view.apply_theme_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: thread_row(engine, other).theme is suggested, timeout=10_000)
    assert theme_audits(engine, other) == [f"other → {suggested.value}"]
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.theme is suggested)
    assert view.theme.currentData() == suggested
    assert not view.theme_suggestion.isVisible()
    row = screen.model.row_index_of(other)
    qtbot.waitUntil(
        lambda: row is not None and screen.model.row_at(row).theme is suggested, timeout=10_000
    )


def test_a_closed_thread_keeps_its_theme(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine, login: Login
) -> None:
    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    assert view.theme.isEnabled() and view.template_search.isEnabled()
    assert view.detail is not None
    login(Role.BACKOFFICE).mail.reply(thread_id, "Réglé.", view.detail.version, True)
    view.show_thread(thread_id)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.state is MailState.CLOSED)
    assert not view.theme.isEnabled() and not view.template_search.isEnabled()
    assert not view.apply_theme_button.isEnabled()


def test_the_wheel_over_an_unfocused_theme_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, screen: CourrielsScreen, engine: Engine, unhandled: list[OpError]
) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = screen.thread_view
    thread_id = claim(qtbot, screen)
    before = view.theme.currentIndex()
    view.editor.setFocus()

    def wheel() -> None:
        centre = QPointF(view.theme.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(view.theme.mapToGlobal(centre.toPoint())),
            QPoint(),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.theme, event)

    wheel()
    qtbot.wait(800)  # longer than the delay before a theme is saved
    assert view.theme.currentIndex() == before
    assert theme_audits(engine, thread_id) == []
    # Once the agent is on the combo, the wheel is theirs to use.
    view.theme.setFocus()
    qtbot.waitUntil(view.theme.hasFocus)
    wheel()
    assert view.theme.currentIndex() != before
    assert unhandled == []
