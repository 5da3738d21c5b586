"""The member file's Appointments tab: move an appointment, save its calendar file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid
from sqlalchemy import Engine, select

from advisor_desk.backend.appointments_dto import ReasonInput
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import Appointment, MailMessage, MailThread
from advisor_desk.domain.enums import AppointmentChannel, AppointmentStatus, Role
from advisor_desk.ui.appointments.booking_dialog import SLOT_ROLE, BookingDialog
from advisor_desk.ui.appointments.member_tab import MemberAppointmentsTab
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.settings import Settings
from tests.backend.test_appointments import (
    add_member,
    paris,
    setup_agenda,
    setup_shifted_agenda,
    working_monday,
)

FILE_DIALOG = "advisor_desk.ui.save_path.QFileDialog.getSaveFileName"


@pytest.fixture
def counter_tab(
    qtbot,  # type: ignore[no-untyped-def]
    login: Callable[[Role], BoundBackend],
    ops: OpRunner,
    settings: Settings,
    french: QApplication,
) -> Callable[[int], MemberAppointmentsTab]:
    """The Appointments tab of a member, opened by a counter advisor, loaded and shown."""

    def make(member: int) -> MemberAppointmentsTab:
        app = AppContext(login(Role.COUNTER), ops, settings, database="test")
        tab = MemberAppointmentsTab(app, member)
        qtbot.addWidget(tab)
        tab.show()
        tab.load()
        qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=10_000)
        return tab

    return make


def _message_bodies(engine: Engine, member: int) -> list[str]:
    with session_scope(engine) as s:
        return list(
            s.scalars(
                select(MailMessage.body)
                .join(MailThread, MailThread.id == MailMessage.thread_id)
                .where(MailThread.member_id == member)
                .order_by(MailMessage.id)
            )
        )


def _slot_starts(dialog: BookingDialog) -> list[datetime]:
    return [dialog.slots.item(i).data(SLOT_ROLE).starts_at for i in range(dialog.slots.count())]


def test_move_a_booked_appointment_then_save_its_calendar_file(  # type: ignore[no-untyped-def]
    qtbot,
    login: Callable[[Role], BoundBackend],
    counter_tab: Callable[[int], MemberAppointmentsTab],
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monday = working_monday()  # Monday 09:00–11:00, 30-minute slots
    reason, office, counter = setup_agenda(login(Role.SUPERVISOR), engine, monday)
    member = add_member(engine)
    desk = login(Role.COUNTER).appointments
    booked = desk.book(member, reason, office, counter, paris(monday, 9))
    tab = counter_tab(member)
    assert tab.move_button.text() == "Dé&placer…" and tab.move_button.isEnabled()

    tab.view.setFocus()
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.move_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    first = [paris(monday, 9, 30), paris(monday, 10), paris(monday, 10, 30)]
    qtbot.waitUntil(lambda: _slot_starts(dialog) == first, timeout=10_000)
    assert dialog.windowTitle() == "Déplacer le rendez-vous de MARTIN Anne"
    assert dialog.book_button.text() == "&Déplacer ici"
    assert not dialog.reason.isEnabled() and dialog.reason.currentData() == reason
    assert dialog.offices.hasFocus()
    qtbot.keyClick(dialog.offices, Qt.Key.Key_Tab)  # → slots
    qtbot.keyClick(dialog.slots, Qt.Key.Key_Down)
    taken = dialog.current_slot()
    assert taken is not None and taken.starts_at == paris(monday, 10)
    # Another desk books 10:00 meanwhile: the move is refused, fresh slots are offered.
    desk.book(add_member(engine, "Autre"), reason, office, counter, taken.starts_at)
    qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=10_000)
    assert "vient d'être pris" in dialog.message.text()
    fresh = [paris(monday, 9, 30), paris(monday, 10, 30), paris(monday + timedelta(7), 9)]
    qtbot.waitUntil(lambda: _slot_starts(dialog) == fresh, timeout=10_000)
    assert dialog.isVisible()

    dialog.slots.setFocus()
    qtbot.keyClick(dialog.slots, Qt.Key.Key_Down)
    chosen = dialog.current_slot()
    assert chosen is not None and chosen.starts_at == paris(monday, 10, 30)
    qtbot.keyClick(dialog.slots, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.row_at(0).starts_at == chosen.starts_at, timeout=10_000)
    assert tab.message.text() == "Rendez-vous déplacé ; l'assuré en est informé."
    assert not isValid(dialog)  # closed, and deleted on close
    with session_scope(engine) as s:
        row = s.get(Appointment, booked.id)
        assert row is not None
        assert row.starts_at == paris(monday, 10, 30)
        assert row.status is AppointmentStatus.UNKNOWN
    bodies = _message_bodies(engine, member)
    assert len(bodies) == 2 and "est confirmé" in bodies[0]
    assert "déplacé (au lieu du lundi" in bodies[1] and "à 09:00" in bodies[1]
    assert "à 10:30" in bodies[1]

    # The calendar file of the moved appointment, saved where the person chose.
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "rdv"), ""  # no extension typed: ".ics" is added

    monkeypatch.setattr(FILE_DIALOG, choose)
    tab.view.setFocus()
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.ics_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "rdv.ics"
    qtbot.waitUntil(saved.exists, timeout=10_000)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked == [str(Path(documents) / f"rendez-vous-{monday.isoformat()}.ics")]
    data = saved.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"\r\r\n" not in data
    start = paris(monday, 10, 30).strftime("%Y%m%dT%H%M%SZ")  # UTC
    end = (paris(monday, 10, 30) + timedelta(minutes=30)).strftime("%Y%m%dT%H%M%SZ")
    text = data.decode("utf-8")
    assert f"DTSTART:{start}" in text and f"DTEND:{end}" in text
    assert f"UID:rdv-{booked.id}@" in text
    assert tab.message.text() == f"Fichier calendrier enregistré : {saved}."


def test_a_calendar_file_that_cannot_be_written_says_why(  # type: ignore[no-untyped-def]
    qtbot,
    login: Callable[[Role], BoundBackend],
    counter_tab: Callable[[int], MemberAppointmentsTab],
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monday = working_monday()
    reason, office, counter = setup_agenda(login(Role.SUPERVISOR), engine, monday)
    member = add_member(engine)
    login(Role.COUNTER).appointments.book(member, reason, office, counter, paris(monday, 9))
    tab = counter_tab(member)
    missing = tmp_path / "no such folder" / "rdv.ics"
    monkeypatch.setattr(FILE_DIALOG, lambda *_args, **_kw: (str(missing), ""))
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.ics_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.is_error, timeout=10_000)
    assert tab.message.text().startswith("Le fichier n'a pas pu être écrit : ")
    assert not missing.exists()


def test_only_a_coming_appointment_can_be_moved(  # type: ignore[no-untyped-def]
    qtbot,
    login: Callable[[Role], BoundBackend],
    counter_tab: Callable[[int], MemberAppointmentsTab],
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monday = working_monday()
    reason, office, counter = setup_agenda(login(Role.SUPERVISOR), engine, monday)
    member = add_member(engine)
    desk = login(Role.COUNTER).appointments
    desk.cancel_by_member(desk.book(member, reason, office, counter, paris(monday, 9)).id)
    tab = counter_tab(member)
    assert tab.model.row_at(0).status is AppointmentStatus.EXCUSED

    tab.view.selectRow(0)
    qtbot.mouseClick(tab.move_button, Qt.MouseButton.LeftButton)
    assert tab.message.is_error
    assert tab.message.text() == "Seul un rendez-vous à venir peut être déplacé."
    assert tab.dialog is None
    # Nor has a cancelled appointment a calendar file to hand over.
    monkeypatch.setattr(FILE_DIALOG, lambda *_args, **_kw: pytest.fail("no file to ask"))
    qtbot.mouseClick(tab.ics_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Seul un rendez-vous à venir a un fichier calendrier."


def test_moving_an_appointment_whose_reason_was_withdrawn(  # type: ignore[no-untyped-def]
    qtbot,
    login: Callable[[Role], BoundBackend],
    counter_tab: Callable[[int], MemberAppointmentsTab],
    engine: Engine,
) -> None:
    monday = working_monday()
    manager = login(Role.SUPERVISOR)
    reason, office, counter = setup_agenda(manager, engine, monday)
    member = add_member(engine)
    login(Role.COUNTER).appointments.book(member, reason, office, counter, paris(monday, 9))
    manager.appointments.save_reason(
        reason,
        ReasonInput(
            "droits", "Ouverture de droits", 30, AppointmentChannel.OFFICE, 2, 120, active=False
        ),
    )
    tab = counter_tab(member)
    tab.view.selectRow(0)
    dialog = tab.move_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=10_000)
    assert "n'est plus proposé" in dialog.message.text()
    assert dialog.offices_model.rowCount() == 0 and dialog.slots.count() == 0
    assert not dialog.book_button.isEnabled() and not dialog.reason.isEnabled()


def test_a_move_may_shift_the_appointment_by_less_than_its_length(  # type: ignore[no-untyped-def]
    qtbot,
    login: Callable[[Role], BoundBackend],
    counter_tab: Callable[[int], MemberAppointmentsTab],
    engine: Engine,
) -> None:
    """Ours is 10:00-10:30; a 45-minute appointment of someone else took 09:00-09:45 since.
    The time ours holds counts as free: 09:45 and 10:15 are offered, not only 10:30."""
    monday = working_monday()
    *_, member, _ours = setup_shifted_agenda(
        login(Role.SUPERVISOR), login(Role.COUNTER), engine, monday
    )
    tab = counter_tab(member)
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.move_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.slots.count() > 0, timeout=10_000)
    assert _slot_starts(dialog)[:3] == [
        paris(monday, 9, 45),
        paris(monday, 10, 15),
        paris(monday + timedelta(7), 9),
    ]
