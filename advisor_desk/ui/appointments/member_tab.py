"""The member file's Appointments tab: past and coming appointments, book, move, cancel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.domain.enums import AppointmentStatus
from advisor_desk.models.agenda import PARIS, AgendaModel
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.save_path import ask_save_path
from advisor_desk.ui.state_panel import StatePanel

from .booking_dialog import TOPIC, BookingDialog

if TYPE_CHECKING:
    from advisor_desk.backend.appointments_dto import AppointmentView


class MemberAppointmentsTab(QWidget):
    """Built per member by the member file; `load()` reads the appointments when first shown."""

    def __init__(self, app: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberAppointmentsTab")
        self._app = app
        self.member_id = member_id
        self.member_name = ""
        self.dialog: BookingDialog | None = None
        self.model = AgendaModel(self, week=True)
        self.view = QTableView(self)
        self.view.setObjectName("memberAppointmentsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.load)
        self.new_button = QPushButton(self.tr("&New appointment…"), self)
        self.new_button.clicked.connect(self.new_appointment)
        self.new_button.setEnabled(app.allows("appointment.book"))
        self.cancel_button = QPushButton(self.tr("Cancel at the member's &request"), self)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.move_button = QPushButton(self.tr("&Move…"), self)
        self.move_button.clicked.connect(self.move_selected)
        self.move_button.setEnabled(app.allows("appointment.book"))
        self.ics_button = QPushButton(self.tr("Save the &calendar file…"), self)
        self.ics_button.clicked.connect(self.save_calendar_file)
        self.ics_button.setEnabled(app.allows("appointment.book"))
        self.message = FormMessage(self)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.cancel_button, self.move_button, self.ics_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.state, 1)
        app.bus.changed.connect(self._on_changed)

    def load(self) -> None:
        member_id = self.member_id
        service = self._app.backend.appointments
        self.state.show_loading()
        self._app.ops.call(
            lambda: service.member_appointments(member_id),
            on_success=self._loaded,
            on_failure=lambda error: self.state.show_error(error.message),
            key=f"member_appointments.{id(self)}",
            owner=self,
        )

    def _loaded(self, rows: list[AppointmentView]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.member_name = rows[0].member_name
            self.state.show_content()
            self.view.selectRow(0)
        else:
            self.state.show_empty(self.tr("No appointment for this member."))

    def _on_changed(self, topic: str, payload: object) -> None:
        if topic == TOPIC and getattr(payload, "member_id", None) == self.member_id:
            self.load()

    def new_appointment(self) -> BookingDialog:
        dialog = BookingDialog(self._app, self.member_id, self.member_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def selected(self) -> AppointmentView | None:
        """The selected appointment; without one, says so and gives None."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.message.show_error(self.tr("Select an appointment first."))
            return None
        return self.model.row_at(rows[0].row())

    def move_selected(self) -> BookingDialog | None:
        """The booking dialog in move mode for the selected coming appointment."""
        appointment = self.selected()
        if appointment is None:
            return None
        if appointment.status is not AppointmentStatus.UNKNOWN:
            self.message.show_error(self.tr("Only a coming appointment can be moved."))
            return None
        dialog = BookingDialog(
            self._app, self.member_id, self.member_name, self, moving=appointment
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.booked.connect(
            lambda _moved: self.message.show_notice(
                self.tr("Appointment moved; the member is informed.")
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def cancel_selected(self) -> None:
        appointment = self.selected()
        if appointment is None:
            return
        if appointment.status is not AppointmentStatus.UNKNOWN:
            self.message.show_error(self.tr("Only a coming appointment can be cancelled."))
            return
        service = self._app.backend.appointments
        appointment_id = appointment.id

        def done(changed: AppointmentView) -> None:
            self.message.show_notice(self.tr("Appointment cancelled; the member is informed."))
            self._app.bus.publish(TOPIC, changed)

        self._app.ops.call(
            lambda: service.cancel_by_member(appointment_id),
            on_success=done,
            on_failure=self._failed,
            owner=self,
        )

    def save_calendar_file(self) -> None:
        """Fetch the selected coming appointment as iCalendar text, then save it to a file."""
        appointment = self.selected()
        if appointment is None:
            return
        if appointment.status is not AppointmentStatus.UNKNOWN:
            self.message.show_error(self.tr("Only a coming appointment has a calendar file."))
            return
        service = self._app.backend.appointments
        appointment_id = appointment.id
        day = appointment.starts_at.astimezone(PARIS).date()
        self._app.ops.call(
            lambda: service.confirmation_ics(appointment_id),
            on_success=lambda text: self._write_calendar_file(text, f"rendez-vous-{day}.ics"),
            on_failure=self._failed,
            owner=self,
        )

    def _write_calendar_file(self, text: str, suggested: str) -> None:
        path = ask_save_path(
            self, self.tr("Save the calendar file"), suggested, self.tr("Calendar files (*.ics)")
        )
        if not path:
            return
        if not path.lower().endswith(".ics"):
            path += ".ics"
        try:
            # The text has CRLF line ends (RFC 5545): written as they are.
            Path(path).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            self.message.show_error(
                self.tr("The file could not be written: {error}").format(error=exc.strerror or exc)
            )
            return
        self.message.show_notice(self.tr("Calendar file saved to {path}.").format(path=path))

    def _failed(self, error: OpError) -> None:
        self.message.show_error(error.message)
