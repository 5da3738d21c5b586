"""Démarches: file an address change from the keyboard, accept it from the queue, see the address."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from sqlalchemy import Engine

from advisor_desk.backend.declarations import today_paris
from advisor_desk.backend.declarations_dto import DeclarationRow, QueueView
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import Declaration, Office
from advisor_desk.domain.enums import DeclarationKind, DeclarationState, FilingChannel, Role
from advisor_desk.models.declarations import DeclarationQueueModel
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.declarations.file_button import FileRequestButton
from advisor_desk.ui.declarations.filing_dialog import FilingDialog
from advisor_desk.ui.member.member_file import MemberFileView
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.screens.demarches import DemarchesScreen
from advisor_desk.ui.settings import Settings
from tests.ui.helpers import activate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from backend.test_declarations import Family, add_family, forms

S = DeclarationState


@pytest.fixture
def family(engine: Engine) -> Family:
    return add_family(engine)


def _app(backend: BoundBackend, ops: OpRunner, settings: Settings) -> AppContext:
    return AppContext(backend, ops, settings, database="test")


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_file_accept_and_see_the_new_address(
    qtbot,  # type: ignore[no-untyped-def]
    login: Callable[[Role], BoundBackend],
    family: Family,
    ops: OpRunner,
    settings: Settings,
) -> None:
    app = _app(login(Role.BACKOFFICE), ops, settings)
    dialog = FilingDialog(app, family.member_id, DeclarationKind.ADDRESS_CHANGE)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    f = dialog.fields
    assert f["line1"].hasFocus()
    _type(qtbot, f["line1"], "12 rue des Lilas")
    qtbot.keyClick(f["line2"], Qt.Key.Key_Tab)
    _type(qtbot, f["postcode"], "6900")  # one digit short
    _type(qtbot, f["city"], "Lyon")
    _type(qtbot, f["commune_code"], "69383")
    qtbot.keyClicks(f["effective_date"], today_paris().strftime("%d/%m/%Y"))
    qtbot.keyClick(f["effective_date"], Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: dialog.errors["postcode"].isVisible(), timeout=10_000)
    assert "5 chiffres" in dialog.errors["postcode"].text()
    assert f["postcode"].property("invalid") is True
    assert f["postcode"].hasFocus()
    qtbot.keyClick(f["postcode"], Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(f["postcode"], "69003")
    qtbot.keyClick(f["postcode"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result_detail is not None, timeout=10_000)
    filed = dialog.result_detail
    assert filed is not None and filed.state is S.RECEIVED
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()

    screen = DemarchesScreen(app)
    qtbot.addWidget(screen)
    activate(qtbot, screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Space)  # selects the current (first) row
    panel = screen.detail
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=10_000)
    assert panel.detail is not None and panel.detail.number == filed.number

    panel.start_button.setFocus()
    qtbot.keyClick(panel.start_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail.state is S.IN_INSTRUCTION,
        timeout=10_000,
    )
    # Refusing without a reason is refused, next to the comment field.
    panel.refuse_button.setFocus()
    qtbot.keyClick(panel.refuse_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.message.is_error, timeout=10_000)
    assert "Motivez le refus" in panel.message.text()
    panel.accept_button.setFocus()
    qtbot.keyClick(panel.accept_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail.state is S.ACCEPTED, timeout=10_000
    )
    # The queue reloads itself (open requests only): the accepted one leaves it.
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)

    # The member file shows the new address.
    member_file = MemberFileView(app)
    qtbot.addWidget(member_file)
    member_file.open(family.member_id)
    qtbot.waitUntil(
        lambda: "12 rue des Lilas" in member_file.identity.address.text(), timeout=10_000
    )
    assert "69003" in member_file.identity.address.text()


def test_new_request_menu_opens_the_form_of_the_kind(
    qtbot,  # type: ignore[no-untyped-def]
    login: Callable[[Role], BoundBackend],
    family: Family,
    ops: OpRunner,
    settings: Settings,
) -> None:
    button = FileRequestButton(_app(login(Role.COUNTER), ops, settings))
    qtbot.addWidget(button)
    assert not button.isEnabled()
    button.set_member(family.member_id)
    actions = {a.objectName(): a for a in button.menu().actions()}
    assert len(actions) == len(DeclarationKind)
    actions["file_complementary_choice"].trigger()
    dialog = button.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    combo = dialog.fields["insurer_code"]
    assert isinstance(combo, QComboBox)
    qtbot.waitUntil(lambda: combo.count() == 3, timeout=10_000)  # blank + the two insurers
    dialog.reject()


def test_age_and_office_filters_narrow_the_queue(
    qtbot,  # type: ignore[no-untyped-def]
    login: Callable[[Role], BoundBackend],
    family: Family,
    engine: Engine,
    ops: OpRunner,
    settings: Settings,
) -> None:
    agent = login(Role.BACKOFFICE)
    old = agent.declarations.file(
        family.member_id, DeclarationKind.ADDRESS_CHANGE, forms()[DeclarationKind.ADDRESS_CHANGE]
    )
    recent = agent.declarations.file(
        family.member_id, DeclarationKind.BANK_DETAILS, forms()[DeclarationKind.BANK_DETAILS]
    )
    with session_scope(engine) as s:
        s.add(
            Office(
                code="T02",
                name="Accueil de Vaise",
                address_line="3 place Valmy",
                postcode="69009",
                city="Lyon",
                latitude=45.77,
                longitude=4.80,
                phone="3646",
            )
        )
        row = s.get(Declaration, old.id)
        assert row is not None
        row.filed_at = datetime.now(UTC) - timedelta(days=20)
    screen = DemarchesScreen(_app(agent, ops, settings))
    qtbot.addWidget(screen)
    activate(qtbot, screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: screen.office.count() == 3, timeout=10_000)  # all + two offices

    # Alt+A reaches the age filter; two steps down: "15 days or more".
    qtbot.keyClick(screen, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert screen.age.hasFocus()
    qtbot.keyClick(screen.age, Qt.Key.Key_Down)
    qtbot.keyClick(screen.age, Qt.Key.Key_Down)
    assert screen.age.currentData() == 15
    qtbot.waitUntil(
        lambda: [screen.model.row_at(i).id for i in range(screen.model.rowCount())] == [old.id],
        timeout=10_000,
    )
    assert "1 " in screen.count.text()

    # Back to any age, then the other office: its queue is empty.
    screen.age.setCurrentIndex(0)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    vaise = screen.office.findText("Accueil de Vaise (Lyon)")
    assert vaise > 0
    screen.office.setFocus()
    while screen.office.currentIndex() != vaise:
        qtbot.keyClick(screen.office, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)
    assert screen.panel.message
    own = screen.office.findText("Accueil de test (Lyon)")
    screen.office.setCurrentIndex(own)
    qtbot.waitUntil(
        lambda: (
            {screen.model.row_at(i).id for i in range(screen.model.rowCount())}
            == {old.id, recent.id}
        ),
        timeout=10_000,
    )


def test_export_the_filtered_queue_from_the_menu(
    qtbot,  # type: ignore[no-untyped-def]
    login: Callable[[Role], BoundBackend],
    family: Family,
    ops: OpRunner,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agent = login(Role.BACKOFFICE)
    filed = agent.declarations.file(
        family.member_id, DeclarationKind.ADDRESS_CHANGE, forms()[DeclarationKind.ADDRESS_CHANGE]
    )
    agent.declarations.file(
        family.member_id, DeclarationKind.BANK_DETAILS, forms()[DeclarationKind.BANK_DETAILS]
    )
    screen = DemarchesScreen(_app(agent, ops, settings))
    qtbot.addWidget(screen)
    activate(qtbot, screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    screen.kind.setCurrentIndex(screen.kind.findData(DeclarationKind.ADDRESS_CHANGE))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    target = tmp_path / "file.csv"
    monkeypatch.setattr(
        "advisor_desk.ui.screens.demarches.QFileDialog.getSaveFileName",
        lambda *_args, **_kw: (str(target), ""),
    )
    menu = screen.export_button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["CSV file…", "Excel workbook…"]
    screen.export_csv_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    qtbot.waitUntil(lambda: str(target) in screen.count.text(), timeout=10_000)
    lines = list(csv.reader(io.StringIO(target.read_text("utf-8-sig")), delimiter=";"))
    assert [line[0] for line in lines[1:]] == [filed.number]  # the kind filter applies


def test_private_note_from_the_detail_panel(
    qtbot,  # type: ignore[no-untyped-def]
    login: Callable[[Role], BoundBackend],
    family: Family,
    ops: OpRunner,
    settings: Settings,
) -> None:
    agent = login(Role.BACKOFFICE)
    filed = agent.declarations.file(
        family.member_id, DeclarationKind.BANK_DETAILS, forms()[DeclarationKind.BANK_DETAILS]
    )
    screen = DemarchesScreen(_app(agent, ops, settings))
    qtbot.addWidget(screen)
    activate(qtbot, screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Space)
    panel = screen.detail
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=10_000)
    assert [panel.notes.item(i).text() for i in range(panel.notes.count())] == ["No note yet."]

    # An empty note is refused beside the field, nothing is written.
    qtbot.mouseClick(panel.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.message.is_error, timeout=10_000)
    assert panel.note_edit.property("invalid") is True
    assert agent.declarations.detail(filed.id).notes == ()

    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "RIB illisible, rappeler vendredi")
    qtbot.mouseClick(panel.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.notes.count() == 1 and "Test" in panel.notes.item(0).text(), timeout=10_000
    )
    assert panel.notes.item(0).text().endswith("Test backoffice : RIB illisible, rappeler vendredi")
    assert panel.note_edit.toPlainText() == ""
    assert panel.note_edit.property("invalid") is False


def test_counter_sees_a_notice_instead_of_the_queue(
    qtbot,  # type: ignore[no-untyped-def]
    login: Callable[[Role], BoundBackend],
    ops: OpRunner,
    settings: Settings,
) -> None:
    screen = DemarchesScreen(_app(login(Role.COUNTER), ops, settings))
    qtbot.addWidget(screen)
    assert "back-office" in screen.panel.message or "back-office" in screen.panel.message.lower()


def test_queue_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = DeclarationQueueModel()
    now = datetime.now(UTC)
    rows = [
        DeclarationRow(
            id=i,
            number=f"D-2026-{i:06d}",
            member_id=1,
            member_name="Marie DURAND",
            kind=DeclarationKind.BIRTH,
            state=S.RECEIVED,
            channel=FilingChannel.COUNTER,
            filed_at=now,
            age_days=i,
            estimated_on=today_paris(),
            overdue=i == 2,
            assigned_agent_id=None,
            assigned_agent_name=None,
            office_id=None,
            version=1,
        )
        for i in (1, 2)
    ]
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.row_index_of(2) == 1
    _ = QueueView.ALL


def test_member_file_offers_new_request_and_shows_it_once_filed(
    qtbot,  # type: ignore[no-untyped-def]
    login: Callable[[Role], BoundBackend],
    family: Family,
    ops: OpRunner,
    settings: Settings,
) -> None:
    app = _app(login(Role.COUNTER), ops, settings)
    member_file = MemberFileView(app)
    qtbot.addWidget(member_file)
    button = member_file.file_request
    assert button.isVisibleTo(member_file) and not button.isEnabled()
    member_file.open(family.member_id)
    assert button.isEnabled()
    member_file.tabs.setCurrentWidget(member_file.declarations)
    qtbot.waitUntil(lambda: member_file.declarations in member_file._loaded, timeout=10_000)
    before = member_file.declarations.view.model().rowCount()
    detail = app.backend.declarations.file(
        family.member_id,
        DeclarationKind.VITALE_LOST,
        {
            "rank": "1",
            "loss_kind": "vol",
            "loss_date": today_paris().strftime("%d/%m/%Y"),
            "circumstances": "Sac volé dans le métro ligne B",
        },
    )
    # What a filing dialog publishes after success: the file reloads the member's requests.
    app.bus.publish("declarations", detail)
    qtbot.waitUntil(
        lambda: member_file.declarations.view.model().rowCount() == before + 1, timeout=10_000
    )
    member_file.clear()
    assert not button.isEnabled()


def test_form_lists_the_documents_its_answers_require(
    qtbot,  # type: ignore[no-untyped-def]
    login: Callable[[Role], BoundBackend],
    family: Family,
    ops: OpRunner,
    settings: Settings,
) -> None:
    app = _app(login(Role.COUNTER), ops, settings)
    dialog = FilingDialog(app, family.member_id, DeclarationKind.VITALE_LOST)
    qtbot.addWidget(dialog)
    assert "plainte" not in dialog.documents.text()
    combo = dialog.fields["loss_kind"]
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("stolen"))
    assert "Récépissé de dépôt de plainte" in dialog.documents.text()
    dialog.reject()


def test_one_decision_for_several_selected_requests(
    qtbot,  # type: ignore[no-untyped-def]
    login: Callable[[Role], BoundBackend],
    family: Family,
    ops: OpRunner,
    settings: Settings,
) -> None:
    agent = login(Role.BACKOFFICE)
    for _ in range(2):
        agent.declarations.file(
            family.member_id,
            DeclarationKind.VITALE_LOST,
            {
                "rank": "1",
                "loss_kind": "lost",
                "loss_date": today_paris().strftime("%d/%m/%Y"),
                "circumstances": "Perdue en faisant les courses",
            },
        )
    screen = DemarchesScreen(_app(agent, ops, settings))
    qtbot.addWidget(screen)
    activate(qtbot, screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    assert not screen.batch.apply_button.isVisibleTo(screen)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Space)
    qtbot.keyClick(screen.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert screen.batch.apply_button.isVisibleTo(screen)
    bar = screen.batch
    bar.target.setCurrentIndex(bar.target.findData(S.CLOSED))
    qtbot.keyClicks(bar.comment, "Doublon de la demande en ligne")
    bar.apply_button.setFocus()
    qtbot.keyClick(bar.apply_button, Qt.Key.Key_Space)
    # Received requests may be closed directly: both are, and the open queue empties.
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)
    assert bar.report.text().startswith(("2 ", "2\u00a0"))
    states = {r.state for r in agent.declarations.queue(QueueView.ALL, None, S.CLOSED)}
    assert states == {S.CLOSED}
