"""The Rendez-vous screen and the booking dialog, driven from the keyboard; their models."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine

from advisor_desk.backend.appointments_dto import (
    AppointmentView,
    OfficeChoice,
    OfficeInfo,
    OfficeInput,
    ReasonInput,
    ScheduleInput,
    SlotInfo,
)
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import Appointment
from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.enums import AppointmentChannel, AppointmentStatus, Role
from advisor_desk.models.agenda import AgendaModel, OfficeChoicesModel
from advisor_desk.ui.appointments.booking_dialog import BookingDialog
from advisor_desk.ui.appointments.member_tab import MemberAppointmentsTab
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.offices.common import TOPIC as OFFICES_TOPIC
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.screens.rendez_vous import RendezVousScreen
from advisor_desk.ui.settings import Settings
from tests.backend.test_appointments import (
    add_member,
    advisor_id,
    insert_appointment,
    office_id,
    working_monday,
)
from tests.ui.helpers import activate

NOW = datetime(2027, 3, 1, 9, 40, tzinfo=UTC)
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _view(status: AppointmentStatus, arrived: datetime | None = None) -> AppointmentView:
    start = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
    return AppointmentView(
        id=1,
        member_id=2,
        member_name="MARTIN Anne",
        office_id=3,
        office_name="Accueil de test",
        advisor_id=4,
        advisor_name="Test counter",
        reason_id=5,
        reason_label="Ouverture de droits",
        channel=AppointmentChannel.OFFICE,
        starts_at=start,
        ends_at=start + timedelta(minutes=30),
        status=status,
        booked_at=start - timedelta(days=3),
        arrived_at=arrived,
        seen_at=None,
        cancel_reason=None,
    )


def test_agenda_model(qtmodeltester, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    model = AgendaModel(now=lambda: NOW)
    model.set_rows(
        [
            _view(AppointmentStatus.WAITING, NOW - timedelta(minutes=12)),
            _view(AppointmentStatus.REVOKED),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "10:30"  # Paris time
    assert model.index(0, 6).data() == "12 min"
    assert model.index(1, 6).data() == ""
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    week = AgendaModel(week=True, now=lambda: NOW)
    week.set_rows([_view(AppointmentStatus.UNKNOWN)])
    qtmodeltester.check(week)
    assert week.index(0, 0).data().endswith("01/03 10:30")


def test_office_choices_model(qtmodeltester, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    office = OfficeInfo(
        1, "T01", "Accueil", "1 rue", "69001", "Lyon", 45.7, 4.8, "3646",
        True, False, True, False, True, [],
    )  # fmt: skip
    slot = SlotInfo(1, 2, "Agent", NOW, NOW + timedelta(minutes=30))
    model = OfficeChoicesModel()
    model.set_rows([OfficeChoice(office, 1.234, [slot]), OfficeChoice(office, None, [])])
    qtmodeltester.check(model)
    # In the user's locale: "1,2 km" in French.
    assert model.index(0, 1).data() == QLocale().toString(1.2, "f", 1) + " km"
    assert model.index(1, 1).data() == "—"


@pytest.fixture
def context(
    login: Callable[[Role], BoundBackend], ops: OpRunner, settings: Settings, french: QApplication
) -> Iterator[Callable[[Role], AppContext]]:
    made: list[AppContext] = []

    def make(role: Role) -> AppContext:
        app = AppContext(login(role), ops, settings, database="test")
        made.append(app)
        return app

    yield make


def _reason_and_range(manager: BoundBackend, engine: Engine, first: date) -> tuple[int, int, int]:
    reason = manager.appointments.save_reason(
        None, ReasonInput("droits", "Ouverture de droits", 30, AppointmentChannel.OFFICE, 0, 120)
    )
    office = office_id(engine)
    counter = advisor_id(engine, "t_counter")
    manager.appointments.add_schedule(
        ScheduleInput(
            counter, office, first.weekday(), first, None, time(0), time(23, 30), [reason.id]
        )
    )
    return reason.id, office, counter


def test_arrival_then_seen_from_the_keyboard(qtbot, context, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    today = datetime.now(PARIS).date()
    reason, office, counter = _reason_and_range(context(Role.SUPERVISOR).backend, engine, today)
    member = add_member(engine)
    start = max(
        datetime.now(UTC) - timedelta(minutes=5),
        datetime.combine(today, time(0), tzinfo=PARIS).astimezone(UTC),
    )
    insert_appointment(engine, member, office, counter, reason, start)
    app = context(Role.COUNTER)
    screen = RendezVousScreen(app)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: screen.arrivals_model.rowCount() == 1, timeout=10_000)
    assert screen.target.currentData() == office

    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Return)  # Enter on a row: the member arrived
    qtbot.waitUntil(
        lambda: (
            screen.model.rowCount() == 1
            and screen.model.row_at(0).status is AppointmentStatus.WAITING
        ),
        timeout=10_000,
    )
    assert "MARTIN Anne" in screen.message.text()
    assert screen.model.index(0, 6).data().endswith("min")
    screen.view.setFocus()
    screen.view.selectRow(0)
    screen.seen_button.click()
    qtbot.waitUntil(lambda: screen.model.row_at(0).status is AppointmentStatus.SEEN, timeout=10_000)
    qtbot.waitUntil(lambda: screen.arrivals_model.rowCount() == 0, timeout=10_000)

    # Week view of the advisor, then back one week: nothing there.
    screen.scope.setCurrentIndex(1)
    screen.span.setCurrentIndex(1)
    qtbot.waitUntil(lambda: screen.week_model.rowCount() == 1, timeout=10_000)
    screen.step(-1)
    qtbot.waitUntil(lambda: screen.state.message != "", timeout=10_000)


def test_booking_from_the_member_file_with_the_keyboard(qtbot, context, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    monday = working_monday()
    _reason_and_range(context(Role.SUPERVISOR).backend, engine, monday)
    member = add_member(engine)
    app = context(Role.COUNTER)
    tab = MemberAppointmentsTab(app, member)
    qtbot.addWidget(tab)
    tab.show()
    tab.load()
    qtbot.waitUntil(lambda: tab.state.message != "", timeout=10_000)  # "no appointment"

    dialog = tab.new_appointment()
    qtbot.waitUntil(lambda: dialog.slots.count() == 3, timeout=10_000)
    assert dialog.reason.hasFocus()
    assert dialog.offices_model.rowCount() == 1
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)  # → PMR filter
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # → offices
    assert QApplication.focusWidget() is dialog.offices
    qtbot.keyClick(dialog.offices, Qt.Key.Key_Tab)  # → slots
    assert QApplication.focusWidget() is dialog.slots
    qtbot.keyClick(dialog.slots, Qt.Key.Key_Down)
    chosen = dialog.current_slot()
    assert chosen is not None
    qtbot.keyClick(dialog.slots, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    booked = tab.model.row_at(0)
    assert booked.starts_at == chosen.starts_at and booked.status is AppointmentStatus.UNKNOWN

    tab.view.setFocus()
    tab.cancel_button.click()
    qtbot.waitUntil(lambda: tab.model.row_at(0).status is AppointmentStatus.EXCUSED, timeout=10_000)


def test_a_taken_slot_shows_the_conflict_and_fresh_slots(qtbot, context, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    monday = working_monday()
    reason, office, counter = _reason_and_range(context(Role.SUPERVISOR).backend, engine, monday)
    member = add_member(engine)
    app = context(Role.COUNTER)
    dialog = BookingDialog(app, member, "MARTIN Anne")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.slots.count() == 3, timeout=10_000)
    first = dialog.current_slot()
    assert first is not None
    # Another desk takes it meanwhile.
    app.backend.appointments.book(
        add_member(engine, "Autre"), reason, office, counter, first.starts_at
    )
    dialog.book()
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=10_000)
    assert "vient d'être pris" in dialog.message.text()
    qtbot.waitUntil(
        lambda: (
            dialog.current_slot() is not None and dialog.current_slot().starts_at != first.starts_at
        ),  # type: ignore[union-attr]
        timeout=10_000,
    )
    assert dialog.isVisible()


def test_an_office_created_in_bureaux_appears_and_the_choice_stays(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    counter = context(Role.COUNTER)
    screen = RendezVousScreen(counter)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.target.count() == 1, timeout=10_000)
    shown = screen.target.currentData()
    manager = context(Role.SUPERVISOR)
    created = manager.backend.appointments.save_office(
        None,
        OfficeInput(
            "T03", "Accueil de Gerland", "5 rue Crépet", "69007", "Lyon", 45.73, 4.83, "3646"
        ),
    )
    # What the Bureaux screen publishes after a save (the same bus in one session).
    counter.bus.publish(OFFICES_TOPIC, created)
    qtbot.waitUntil(lambda: screen.target.count() == 2, timeout=10_000)
    assert screen.target.findText("Accueil de Gerland") >= 0
    assert screen.target.currentData() == shown  # the agenda on screen did not jump


def test_undo_an_arrival_with_the_button_and_the_shortcut(qtbot, context, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    today = datetime.now(PARIS).date()
    reason, office, counter = _reason_and_range(context(Role.SUPERVISOR).backend, engine, today)
    member = add_member(engine)
    start = max(
        datetime.now(UTC) - timedelta(minutes=5),
        datetime.combine(today, time(0), tzinfo=PARIS).astimezone(UTC),
    )
    appointment = insert_appointment(engine, member, office, counter, reason, start)
    app = context(Role.COUNTER)
    app.backend.appointments.mark_waiting(appointment)  # recorded by mistake
    screen = RendezVousScreen(app)
    qtbot.addWidget(screen)
    activate(qtbot, screen)  # shortcuts only fire in the active window
    qtbot.waitUntil(
        lambda: (
            screen.model.rowCount() == 1
            and screen.model.row_at(0).status is AppointmentStatus.WAITING
        ),
        timeout=10_000,
    )
    assert screen.undo_arrival_button.text() == "Annuler l'arr&ivée"
    assert screen.undo_arrival_button.toolTip().endswith("(Ctrl+Shift+U)")

    screen.view.setFocus()
    qtbot.mouseClick(screen.undo_arrival_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: screen.model.row_at(0).status is AppointmentStatus.UNKNOWN, timeout=10_000
    )
    assert (
        screen.message.text() == "Arrivée de MARTIN Anne annulée : rendez-vous de nouveau à venir."
    )
    with session_scope(engine) as s:
        row = s.get(Appointment, appointment)
        assert row is not None
        assert row.status is AppointmentStatus.UNKNOWN and row.arrived_at is None

    # Undoing again: the appointment is no longer "arrived", the backend's reason is shown.
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | SHIFT)
    qtbot.waitUntil(lambda: screen.message.is_error, timeout=10_000)
    assert "à venir" in screen.message.text()

    # Arrived again (Ctrl+Shift+A), then undone from the keyboard (Ctrl+Shift+U).
    qtbot.keyClick(screen.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | SHIFT)
    qtbot.waitUntil(
        lambda: screen.model.row_at(0).status is AppointmentStatus.WAITING, timeout=10_000
    )
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | SHIFT)
    qtbot.waitUntil(
        lambda: screen.model.row_at(0).status is AppointmentStatus.UNKNOWN, timeout=10_000
    )
    assert not screen.message.is_error
    with session_scope(engine) as s:
        row = s.get(Appointment, appointment)
        assert row is not None and row.arrived_at is None
