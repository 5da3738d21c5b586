"""Book an appointment for a member, or move one: reason, office by distance (PMR filter), slot."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.models.agenda import PARIS, OfficeChoicesModel, local_day_time
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.ops import OpError

if TYPE_CHECKING:
    from advisor_desk.backend.appointments_dto import (
        AppointmentView,
        OfficeChoice,
        ReasonInfo,
        SlotInfo,
    )

TOPIC = "appointments"  # payload: the AppointmentView booked or changed
SLOT_ROLE = Qt.ItemDataRole.UserRole + 1
MORE_DAYS = 28


class BookingDialog(QDialog):
    """Emits `booked(AppointmentView)` and publishes it on the bus, then closes.

    With `moving`, the dialog moves that coming appointment to the chosen slot (same reason).
    """

    booked = Signal(object)

    def __init__(
        self,
        app: AppContext,
        member_id: int,
        member_name: str,
        parent: QWidget | None = None,
        *,
        moving: AppointmentView | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookingDialog")
        if moving is not None:
            title = self.tr("Move the appointment of {name}").format(name=moving.member_name)
        elif member_name:
            title = self.tr("New appointment for {name}").format(name=member_name)
        else:
            title = self.tr("New appointment")
        self.setWindowTitle(title)
        self.setMinimumSize(720, 520)
        self._app = app
        self._member_id = member_id
        self._moving = moving
        self._reasons: list[ReasonInfo] = []
        self._pending_error: str | None = None

        self.reason = QComboBox(self)
        self.reason.currentIndexChanged.connect(self.load_offices)
        self.pmr = QCheckBox(self.tr("&Accessible offices only (reduced mobility)"), self)
        self.pmr.toggled.connect(self.load_offices)
        self.offices_model = OfficeChoicesModel(self)
        self.offices = QTableView(self)
        self.offices.setObjectName("bookingOffices")
        self.offices.setModel(self.offices_model)
        self.offices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.offices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.offices.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.offices.setTabKeyNavigation(False)
        self.offices.verticalHeader().hide()
        self.offices.horizontalHeader().setStretchLastSection(True)
        self.offices.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.offices.selectionModel().selectionChanged.connect(self._on_office)
        self.slots = QListWidget(self)
        self.slots.setObjectName("bookingSlots")
        self.slots.itemActivated.connect(lambda _item: self.book())
        self.slots.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.more = QPushButton(self.tr("&More slots (4 weeks)"), self)
        self.more.clicked.connect(self.load_more_slots)
        self.message = FormMessage(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.book_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.book_button.setText(self.tr("&Book") if moving is None else self.tr("&Move here"))
        self.buttons.accepted.connect(self.book)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow("", self.pmr)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.offices, 2)
        layout.addWidget(self.slots, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update_buttons()
        # Moving keeps the reason: the choice starts at the offices.
        self.reason.setEnabled(moving is None)
        (self.reason if moving is None else self.offices).setFocus()
        app.ops.call(
            app.backend.appointments.list_reasons,
            on_success=self._reasons_loaded,
            on_failure=self._failed,
            owner=self,
        )

    # -- loading -------------------------------------------------------------------------------

    def _reasons_loaded(self, reasons: list[ReasonInfo]) -> None:
        self._reasons = reasons
        self.reason.blockSignals(True)
        self.reason.clear()
        for r in reasons:
            self.reason.addItem(
                self.tr("{label} ({minutes} min)").format(label=r.label, minutes=r.duration_min),
                r.id,
            )
        if self._moving is not None:
            self.reason.setCurrentIndex(self.reason.findData(self._moving.reason_id))
        self.reason.blockSignals(False)
        if self._moving is not None and self.reason.currentIndex() < 0:  # withdrawn since
            self.message.show_error(
                self.tr(
                    "The reason of this appointment is no longer offered: it cannot be moved. "
                    "Cancel it and book a new appointment if needed."
                )
            )
            return
        if not reasons:
            self.message.show_error(self.tr("No appointment reason is open for booking."))
            return
        self.load_offices()

    def load_offices(self) -> None:
        reason_id = self.reason.currentData()
        if reason_id is None:
            return
        member_id, pmr = self._member_id, self.pmr.isChecked()
        moving_id = None if self._moving is None else self._moving.id
        service = self._app.backend.appointments
        self.offices_model.set_rows([])
        self.slots.clear()
        self._update_buttons()
        self._app.ops.call(
            lambda: service.offices_for_member(member_id, reason_id, pmr, moving_id),
            on_success=self._offices_loaded,
            on_failure=self._failed,
            key=f"booking.offices.{id(self)}",
            owner=self,
        )

    def _offices_loaded(self, choices: list[OfficeChoice]) -> None:
        self.offices_model.set_rows(choices)
        if not choices:
            self.message.show_notice(self.tr("No office matches these criteria."))
            return
        if self._pending_error is not None:
            self.message.show_error(self._pending_error)
            self._pending_error = None
        else:
            self.message.clear_message()
        # Preselect the nearest office that has a free slot.
        row = next((i for i, c in enumerate(choices) if c.first_slots), 0)
        self.offices.selectRow(row)

    def _on_office(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        choice = self.current_office()
        self._fill_slots([] if choice is None else choice.first_slots)

    def load_more_slots(self) -> None:
        choice = self.current_office()
        reason_id = self.reason.currentData()
        if choice is None or reason_id is None:
            return
        office_id = choice.office.id
        today = datetime.now(PARIS).date()
        moving_id = None if self._moving is None else self._moving.id
        service = self._app.backend.appointments
        self._app.ops.call(
            lambda: service.free_slots(reason_id, office_id, today, MORE_DAYS, moving_id),
            on_success=self._fill_slots,
            on_failure=self._failed,
            key=f"booking.slots.{id(self)}",
            owner=self,
        )

    def _fill_slots(self, slots: list[SlotInfo]) -> None:
        self.slots.clear()
        for slot in slots:
            item = QListWidgetItem(
                self.tr("{when} with {advisor}").format(
                    when=local_day_time(slot.starts_at), advisor=slot.advisor_name
                )
            )
            item.setData(SLOT_ROLE, slot)
            self.slots.addItem(item)
        if slots:
            self.slots.setCurrentRow(0)
        self._update_buttons()

    # -- booking -------------------------------------------------------------------------------

    def current_office(self) -> OfficeChoice | None:
        rows = self.offices.selectionModel().selectedRows()
        return self.offices_model.row_at(rows[0].row()) if rows else None

    def current_slot(self) -> SlotInfo | None:
        item = self.slots.currentItem()
        if item is None:
            return None
        slot: SlotInfo = item.data(SLOT_ROLE)
        return slot

    def _update_buttons(self) -> None:
        self.book_button.setEnabled(self.slots.currentItem() is not None)
        self.more.setEnabled(self.current_office() is not None)

    def book(self) -> None:
        """Book the chosen slot, or move the appointment there (move mode)."""
        slot = self.current_slot()
        reason_id = self.reason.currentData()
        if slot is None or reason_id is None:
            return
        member_id = self._member_id
        moving_id = None if self._moving is None else self._moving.id
        service = self._app.backend.appointments

        def run() -> AppointmentView:
            if moving_id is None:
                return service.book(
                    member_id, reason_id, slot.office_id, slot.advisor_id, slot.starts_at
                )
            return service.reschedule(moving_id, slot.office_id, slot.advisor_id, slot.starts_at)

        self.book_button.setEnabled(False)
        self._app.ops.call(
            run,
            on_success=self._booked,
            on_failure=self._book_failed,
            owner=self,
        )

    def _booked(self, appointment: AppointmentView) -> None:
        self._app.bus.publish(TOPIC, appointment)
        self.booked.emit(appointment)
        self.accept()

    def _book_failed(self, error: OpError) -> None:
        self._failed(error)
        self._pending_error = error.message
        self.load_offices()  # the slot may be gone: offer the current ones

    def _failed(self, error: OpError) -> None:
        self.message.show_error(error.message)
