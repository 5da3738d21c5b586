"""The acknowledgement of receipt of a request: from the member file and from the Démarches queue."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox
from sqlalchemy import Engine

from advisor_desk.backend.declarations_dto import DeclarationDetail
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.domain.enums import DeclarationKind, DocumentKind, Role
from advisor_desk.domain.errors import PermissionDenied
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.declarations.receipt_bar import ReceiptBar
from advisor_desk.ui.documents.issuer import TOPIC_ISSUED
from advisor_desk.ui.member.member_file import MemberFileView
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.screens.demarches import DemarchesScreen
from advisor_desk.ui.settings import Settings
from tests.ui.helpers import activate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from backend.test_declarations import Family, add_family, forms
from documents.pdf_text import pdf_text

Login = Callable[[Role], BoundBackend]
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def family(engine: Engine) -> Family:
    return add_family(engine)


def _app(backend: BoundBackend, ops: OpRunner, settings: Settings) -> AppContext:
    return AppContext(backend, ops, settings, database="test")


def _file(backend: BoundBackend, family: Family, kind: DeclarationKind) -> DeclarationDetail:
    return backend.declarations.file(family.member_id, kind, forms()[kind])


def _member_file(qtbot, app: AppContext, member_id: int) -> MemberFileView:  # type: ignore[no-untyped-def]
    view = MemberFileView(app)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    activate(qtbot, view)
    view.open(member_id)
    qtbot.waitUntil(lambda: view.identity_info is not None, timeout=10_000)
    return view


def _preview_of(qtbot, bar: ReceiptBar) -> str:  # type: ignore[no-untyped-def]
    """Wait for the receipt's preview; the text of the PDF it shows."""
    qtbot.waitUntil(
        lambda: bar.issuer.preview is not None and bar.issuer.preview.isVisible(), timeout=15_000
    )
    preview = bar.issuer.preview
    assert preview is not None
    assert preview.document.kind is DocumentKind.DECLARATION_RECEIPT
    assert preview.windowTitle() == "Aperçu — Accusé de réception"
    return pdf_text(preview.document.pdf)


def test_receipt_of_the_selected_request_from_the_member_file(
    qtbot,  # type: ignore[no-untyped-def]
    french: QApplication,
    login: Login,
    family: Family,
    ops: OpRunner,
    settings: Settings,
) -> None:
    counter = login(Role.COUNTER)
    first = _file(counter, family, DeclarationKind.VITALE_ORDER)
    second = _file(counter, family, DeclarationKind.BANK_DETAILS)
    app = _app(counter, ops, settings)
    view = _member_file(qtbot, app, family.member_id)
    tab = view.declarations
    button = tab.receipt.button
    assert button.text() == "Accusé de réception…"
    assert button.isVisibleTo(tab) and not button.isEnabled()

    # Alt+M: the Requests tab ("Dé&marches"); its first row is selected when it is read.
    qtbot.keyClick(view.tabs, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10_000)
    assert button.isVisible() and button.isEnabled()

    # Click the first request's row, then the button.
    row = next(i for i in range(2) if tab.model.row_at(i).id == first.id)
    cell = tab.view.visualRect(tab.model.index(row, 0, QModelIndex())).center()
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert tab.receipt.declaration_id == first.id
    with qtbot.waitSignal(app.bus.changed, timeout=15_000) as published:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert published.args[0] == TOPIC_ISSUED
    text = _preview_of(qtbot, tab.receipt)
    assert "Accusé de réception" in text
    assert first.number in text and second.number not in text
    assert "Commande de carte Vitale" in text
    assert published.args[1].member_id == family.member_id

    # Member done: no request, no receipt.
    view.clear()
    assert not button.isEnabled()


def test_filing_from_the_member_file_offers_the_receipt(
    qtbot,  # type: ignore[no-untyped-def]
    french: QApplication,
    login: Login,
    family: Family,
    ops: OpRunner,
    settings: Settings,
) -> None:
    counter = login(Role.COUNTER)
    older = _file(counter, family, DeclarationKind.BANK_DETAILS)
    app = _app(counter, ops, settings)
    view = _member_file(qtbot, app, family.member_id)
    assert view.tabs.currentWidget() is view.identity

    # New request → Vitale card order, typed in its form and filed.
    actions = {a.objectName(): a for a in view.file_request.menu().actions()}
    actions["file_vitale_order"].trigger()
    dialog = view.file_request.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields["rank"], "1")
    delivery = dialog.fields["delivery"]
    assert isinstance(delivery, QComboBox)
    delivery.setFocus()
    qtbot.keyClick(delivery, Qt.Key.Key_Down)  # "à l'adresse du dossier"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_detail is not None, timeout=10_000)
    filed = dialog.result_detail
    assert filed is not None

    # The file shows its Requests tab, the new request selected, the receipt one key away.
    tab = view.declarations
    qtbot.waitUntil(lambda: tab.receipt.declaration_id == filed.id, timeout=10_000)
    assert view.tabs.currentWidget() is tab
    assert tab.model.rowCount() == 2
    selected = tab.view.selectionModel().selectedRows()
    assert [tab.model.row_at(i.row()).id for i in selected] == [filed.id]
    assert filed.number in tab.receipt.message.text()
    assert "accusé de réception" in tab.receipt.message.text()
    qtbot.waitUntil(lambda: view.focusWidget() is tab.receipt.button, timeout=10_000)

    qtbot.keyClick(tab.receipt.button, Qt.Key.Key_Space)
    text = _preview_of(qtbot, tab.receipt)
    assert filed.number in text and older.number not in text


def test_receipt_from_the_demarches_detail_panel(
    qtbot,  # type: ignore[no-untyped-def]
    french: QApplication,
    login: Login,
    family: Family,
    ops: OpRunner,
    settings: Settings,
) -> None:
    agent = login(Role.BACKOFFICE)
    filed = _file(agent, family, DeclarationKind.ADDRESS_CHANGE)
    screen = DemarchesScreen(_app(agent, ops, settings))
    qtbot.addWidget(screen)
    activate(qtbot, screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    receipt = screen.detail.receipt
    assert receipt.button.isVisibleTo(screen) and not receipt.button.isEnabled()

    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.detail.detail is not None, timeout=10_000)
    assert receipt.button.isEnabled()

    # Ctrl+Shift+R from the queue: the receipt of the request shown in the panel.
    qtbot.keyClick(screen.table, Qt.Key.Key_R, CTRL_SHIFT)
    text = _preview_of(qtbot, receipt)
    assert filed.number in text
    assert "Accusé de réception" in text
    assert "Déclaration de changement d'adresse" in text
    assert receipt.button.isEnabled()  # not busy any more


def test_a_refused_receipt_is_shown_in_french_beside_the_button(
    qtbot,  # type: ignore[no-untyped-def]
    french: QApplication,
    login: Login,
    family: Family,
    ops: OpRunner,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agent = login(Role.BACKOFFICE)
    _file(agent, family, DeclarationKind.ADDRESS_CHANGE)
    screen = DemarchesScreen(_app(agent, ops, settings))
    qtbot.addWidget(screen)
    activate(qtbot, screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Space)
    receipt = screen.detail.receipt
    qtbot.waitUntil(lambda: receipt.button.isEnabled(), timeout=10_000)

    # The right withdrawn since the screen was built: the backend refuses.
    monkeypatch.setattr(agent, "documents", login(Role.SUPERVISOR).documents)
    qtbot.mouseClick(receipt.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: receipt.message.is_error, timeout=10_000)
    assert "Votre profil ne permet pas cette action" in receipt.message.text()
    assert receipt.issuer.preview is None
    assert receipt.button.isEnabled()


def test_no_receipt_without_the_right_to_issue_documents(
    qtbot,  # type: ignore[no-untyped-def]
    french: QApplication,
    login: Login,
    family: Family,
    ops: OpRunner,
    settings: Settings,
) -> None:
    filed = _file(login(Role.BACKOFFICE), family, DeclarationKind.BANK_DETAILS)
    supervisor = login(Role.SUPERVISOR)
    assert "document.issue" not in supervisor.permissions
    assert "declaration.process" in supervisor.permissions

    # The supervisor works the queue, but the panel offers no receipt.
    screen = DemarchesScreen(_app(supervisor, ops, settings))
    qtbot.addWidget(screen)
    activate(qtbot, screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.detail.detail is not None, timeout=10_000)
    receipt = screen.detail.receipt
    assert not receipt.button.isVisibleTo(screen)
    assert not receipt.button.isEnabled()
    qtbot.keyClick(screen.table, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.wait(200)
    assert not receipt.issuer.busy and receipt.issuer.preview is None

    # Nor does the member file's Requests tab, even with a request chosen.
    view = MemberFileView(_app(supervisor, ops, settings))
    qtbot.addWidget(view)
    view.declarations.receipt.set_declaration(filed.id)
    assert not view.declarations.receipt.button.isVisibleTo(view.declarations)
    assert not view.declarations.receipt.button.isEnabled()

    # And the backend refuses anyway.
    with pytest.raises(PermissionDenied):
        supervisor.documents.issue_declaration_receipt(filed.id)
