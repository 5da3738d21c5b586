"""Base de connaissances: search and read as an agent, write and retire as a supervisor, and an
article suggested beside a mail thread goes into the reply."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import Engine

from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.knowledge_dto import ArticleSummary
from advisor_desk.domain.enums import MailTheme, Role
from advisor_desk.models.knowledge import ArticleListModel
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.knowledge.article_dialog import ArticleDialog
from advisor_desk.ui.knowledge.editor_dialog import ArticleEditorDialog
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.screens.connaissances import ConnaissancesScreen
from advisor_desk.ui.screens.courriels import CourrielsScreen
from advisor_desk.ui.settings import Settings
from tests.ui.helpers import activate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from backend.test_knowledge import add_articles
from backend.test_mail import Mail
from backend.test_mail import mail as mail

Login = Callable[[Role], BoundBackend]


@pytest.fixture
def articles(engine: Engine) -> dict[str, int]:
    return add_articles(engine)


def _screen(qtbot, backend: BoundBackend, ops: OpRunner, settings: Settings) -> ConnaissancesScreen:  # type: ignore[no-untyped-def]
    screen = ConnaissancesScreen(AppContext(backend, ops, settings, database="test"))
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    activate(qtbot, screen)
    return screen


def _titles(screen: ConnaissancesScreen) -> list[str]:
    return [screen.model.row_at(i).title for i in range(screen.model.rowCount())]


def _dialog(kind: type) -> object:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[-1] if found else None


def test_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ArticleListModel()
    model.set_rows(
        [
            ArticleSummary(1, "A", "Carte perdue", MailTheme.RIGHTS_VITALE, True, "Texte", 1.5),
            ArticleSummary(2, "B", "Ancien", None, False, "Texte", None),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(1, 2)) == "Retired"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None


def test_agent_searches_and_reads(  # type: ignore[no-untyped-def]
    qtbot, login: Login, articles: dict[str, int], ops: OpRunner, settings: Settings
) -> None:
    screen = _screen(qtbot, login(Role.BACKOFFICE), ops, settings)
    qtbot.waitUntil(lambda: screen.model.rowCount() == len(articles), timeout=10_000)
    assert not screen.new_button.isVisible() and not screen.retired.isVisible()
    screen.search.setFocus()
    qtbot.keyClicks(screen.search, "carte perdue metro")
    qtbot.waitUntil(lambda: _titles(screen)[:1] == ["Carte Vitale perdue ou volée"], timeout=10_000)
    assert len(_titles(screen)) < len(articles)
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.model.index(0, 0))
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(_dialog(ArticleDialog), ArticleDialog), timeout=5_000)
    dialog = _dialog(ArticleDialog)
    assert isinstance(dialog, ArticleDialog)
    qtbot.waitUntil(lambda: dialog.article is not None, timeout=10_000)
    assert "opposition" in dialog.body.toPlainText()
    assert dialog.insert_button is None  # nothing to insert into from this screen
    dialog.reject()

    screen.search.clear()
    qtbot.keyClicks(screen.search, "zzzz")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)
    assert screen.panel.message == "No article matches these words."


def test_supervisor_writes_then_retires(  # type: ignore[no-untyped-def]
    qtbot, login: Login, articles: dict[str, int], ops: OpRunner, settings: Settings
) -> None:
    supervisor = login(Role.SUPERVISOR)
    screen = _screen(qtbot, supervisor, ops, settings)
    qtbot.waitUntil(lambda: screen.model.rowCount() == len(articles), timeout=10_000)
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: isinstance(_dialog(ArticleEditorDialog), ArticleEditorDialog), timeout=5_000
    )
    editor = _dialog(ArticleEditorDialog)
    assert isinstance(editor, ArticleEditorDialog)
    qtbot.waitUntil(editor.code.hasFocus, timeout=5_000)
    qtbot.keyClicks(editor.code, "9 bad")
    qtbot.keyClick(editor.code, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.title, "Tiers payant")
    editor.theme.setCurrentIndex(editor.theme.findData(MailTheme.REIMBURSEMENTS))
    qtbot.keyClicks(editor.keywords, "tiers payant, avance de frais")
    qtbot.keyClicks(editor.body, "Le tiers payant evite l'avance de frais.")
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.is_error, timeout=10_000)
    assert editor.code.property("invalid") is True and editor.code.hasFocus()
    assert "majuscules" in editor.message.text()
    editor.code.selectAll()
    qtbot.keyClicks(editor.code, "tiers-payant")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Tiers payant" in _titles(screen), timeout=10_000)
    assert len(_titles(screen)) == len(articles) + 1

    row = _titles(screen).index("Tiers payant")
    screen.table.selectRow(row)
    assert screen.retire_button.isEnabled()
    qtbot.mouseClick(screen.retire_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Tiers payant" not in _titles(screen), timeout=10_000)
    assert "retired" in screen.notice.text()
    screen.retired.setChecked(True)
    qtbot.waitUntil(lambda: "Tiers payant" in _titles(screen), timeout=10_000)
    found = [
        a for a in supervisor.knowledge.search("", include_retired=True) if a.code == "TIERS_PAYANT"
    ]
    assert found and not found[0].active


def test_a_suggested_article_goes_into_the_reply(  # type: ignore[no-untyped-def]
    qtbot, login: Login, mail: Mail, articles: dict[str, int], ops: OpRunner, settings: Settings
) -> None:
    app = AppContext(login(Role.BACKOFFICE), ops, settings, database="test")
    screen = CourrielsScreen(app)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    activate(qtbot, screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=10_000)
    view = screen.thread_view
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.detail is not None and view.articles.count() > 0, timeout=10_000)
    qtbot.keyClicks(view.editor, "Bonjour,")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    view.articles.setFocus()
    qtbot.keyClick(view.articles, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(_dialog(ArticleDialog), ArticleDialog), timeout=5_000)
    dialog = _dialog(ArticleDialog)
    assert isinstance(dialog, ArticleDialog) and dialog.insert_button is not None
    qtbot.waitUntil(
        lambda: dialog.insert_button is not None and dialog.insert_button.isEnabled(),
        timeout=10_000,
    )
    assert dialog.article is not None
    body = dialog.article.body
    qtbot.mouseClick(dialog.insert_button, Qt.MouseButton.LeftButton)
    assert view.editor.toPlainText() == "Bonjour,\n" + body
    # The window takes the focus back when it is next activated: the reply has it then.
    assert view.window().focusWidget() is view.editor
