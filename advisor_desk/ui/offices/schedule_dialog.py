"""The dialog that adds or edits an opening range: advisor, office, days, hours, reasons."""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.appointments_dto import (
    AdvisorRef,
    OfficeInfo,
    ReasonInfo,
    ScheduleInfo,
    ScheduleInput,
)
from advisor_desk.models.offices import weekday_name
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.ops import OpError

from .common import TOPIC, FieldErrors, from_qdate, to_qdate, today

WEEKLY, ONE_OFF = "weekly", "once"


def _time_edit(parent: QWidget, hour: int) -> QTimeEdit:
    edit = QTimeEdit(QTime(hour, 0), parent)
    edit.setDisplayFormat("HH:mm")
    return edit


class ScheduleDialog(QDialog):
    """Adds a range, or edits `schedule` (prefilled from it) when one is given.

    Stays open when the backend refuses (an overlap): its message shows, nothing is lost.
    """

    added = Signal(object)  # the ScheduleInfo created
    updated = Signal(object)  # the ScheduleInfo edited

    def __init__(
        self,
        app: AppContext,
        advisors: list[AdvisorRef],
        offices: list[OfficeInfo],
        reasons: list[ReasonInfo],
        office_id: int | None = None,
        parent: QWidget | None = None,
        schedule: ScheduleInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleDialog")
        self.schedule = schedule
        heading = (
            self.tr("New opening range") if schedule is None else self.tr("Edit the opening range")
        )
        self.setWindowTitle(heading)
        self.setMinimumWidth(560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._app = app
        self._focus_before: QWidget | None = None

        self.advisor = QComboBox(self)
        for a in advisors:
            self.advisor.addItem(a.full_name, a.id)
        self.office = QComboBox(self)
        for o in offices:
            if o.active:
                self.office.addItem(f"{o.name} ({o.code})", o.id)
        if office_id is not None and self.office.findData(office_id) >= 0:
            self.office.setCurrentIndex(self.office.findData(office_id))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Every week"), WEEKLY)
        self.kind.addItem(self.tr("Once"), ONE_OFF)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.weekday = QComboBox(self)
        for d in range(7):
            self.weekday.addItem(weekday_name(d), d)
        start = today() + timedelta(days=1)
        self.first_day = QDateEdit(to_qdate(start), self)
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat("dd/MM/yyyy")
        self.last_day = QDateEdit(to_qdate(start + timedelta(days=90)), self)
        self.last_day.setCalendarPopup(True)
        self.last_day.setDisplayFormat("dd/MM/yyyy")
        self.no_end = QCheckBox(self.tr("No end date"), self)
        self.no_end.toggled.connect(lambda on: self.last_day.setEnabled(not on))
        self.start_time = _time_edit(self, 9)
        self.end_time = _time_edit(self, 12)
        # One check box per active reason (the theme draws no check marks in item views).
        self.reason_boxes: dict[int, QCheckBox] = {}
        boxes = QWidget(self)
        boxes_layout = QVBoxLayout(boxes)
        boxes_layout.setContentsMargins(0, 0, 0, 0)
        boxes_layout.setSpacing(0)
        kept = set(schedule.reason_ids) if schedule is not None else set()
        for r in reasons:
            # An edited range keeps its withdrawn reasons unless they are unticked.
            if r.active or r.id in kept:
                label = r.label if r.active else self.inactive(r.label)
                box = QCheckBox(label, boxes)
                boxes_layout.addWidget(box)
                self.reason_boxes[r.id] = box
        boxes_layout.addStretch(1)
        self.reasons = QScrollArea(self)
        self.reasons.setObjectName("scheduleReasons")
        self.reasons.setWidget(boxes)
        self.reasons.setWidgetResizable(True)
        self.reasons.setMaximumHeight(170)

        self.first_label = QLabel(self.tr("&From:"), self)
        self.first_label.setBuddy(self.first_day)
        self.until = QHBoxLayout()
        self.until.addWidget(self.last_day)
        self.until.addWidget(self.no_end)
        self.until.addStretch(1)
        hours = QHBoxLayout()
        hours.addWidget(self.start_time)
        hours.addWidget(QLabel("–", self))
        hours.addWidget(self.end_time)
        hours.addStretch(1)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Advisor:"), self.advisor)
        self.form.addRow(self.tr("&Office:"), self.office)
        self.form.addRow(self.tr("&Recurrence:"), self.kind)
        self.form.addRow(self.tr("&Weekday:"), self.weekday)
        self.form.addRow(self.first_label, self.first_day)
        self.form.addRow(self.tr("Until:"), self.until)
        self.form.addRow(self.tr("Hours:"), hours)
        self.form.addRow(self.tr("Rea&sons:"), self.reasons)
        self.message = FormMessage(self)
        self.errors = FieldErrors(
            self.message,
            {
                "weekday": self.weekday,
                "first_day": self.first_day,
                "last_day": self.last_day,
                "start_time": self.start_time,
                "end_time": self.end_time,
                "reason_ids": self.reasons,
            },
        )
        self.buttons = QDialogButtonBox(self)
        self.accept_button = self.buttons.addButton(
            self.tr("Add the range") if schedule is None else self.tr("Save the range"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.accept_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        title = QLabel(heading, self)
        title.setObjectName("dialogTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if schedule is not None:
            self._fill(schedule)
        self._on_kind()
        self.advisor.setFocus(Qt.FocusReason.OtherFocusReason)

    def inactive(self, name: str) -> str:
        return self.tr("{name} — inactive").format(name=name)

    def _fill(self, schedule: ScheduleInfo) -> None:
        """The edited range's values; its advisor or office is kept even if now inactive."""
        if self.advisor.findData(schedule.advisor_id) < 0:
            self.advisor.addItem(self.inactive(schedule.advisor_name), schedule.advisor_id)
        self.advisor.setCurrentIndex(self.advisor.findData(schedule.advisor_id))
        if self.office.findData(schedule.office_id) < 0:
            self.office.addItem(self.inactive(schedule.office_name), schedule.office_id)
        self.office.setCurrentIndex(self.office.findData(schedule.office_id))
        weekly = schedule.weekday is not None
        self.kind.setCurrentIndex(self.kind.findData(WEEKLY if weekly else ONE_OFF))
        # A one-off range offers its own weekday, should it become weekly.
        weekday = schedule.first_day.weekday() if schedule.weekday is None else schedule.weekday
        self.weekday.setCurrentIndex(self.weekday.findData(weekday))
        self.first_day.setDate(to_qdate(schedule.first_day))
        if schedule.weekday is not None and schedule.last_day is not None:
            self.last_day.setDate(to_qdate(schedule.last_day))
        else:
            self.last_day.setDate(to_qdate(schedule.first_day + timedelta(days=90)))
        self.no_end.setChecked(weekly and schedule.last_day is None)
        self.start_time.setTime(QTime(schedule.start_time.hour, schedule.start_time.minute))
        self.end_time.setTime(QTime(schedule.end_time.hour, schedule.end_time.minute))
        for reason_id, box in self.reason_boxes.items():
            box.setChecked(reason_id in schedule.reason_ids)

    def _on_kind(self) -> None:
        weekly = self.kind.currentData() == WEEKLY
        self.form.setRowVisible(self.weekday, weekly)
        self.form.setRowVisible(self.until, weekly)
        self.first_label.setText(self.tr("&From:") if weekly else self.tr("&Day:"))

    def checked_reasons(self) -> list[int]:
        return [reason_id for reason_id, box in self.reason_boxes.items() if box.isChecked()]

    def schedule_input(self) -> ScheduleInput:
        weekly = self.kind.currentData() == WEEKLY
        start, end = self.start_time.time(), self.end_time.time()
        return ScheduleInput(
            advisor_id=int(self.advisor.currentData()),
            office_id=int(self.office.currentData()),
            weekday=int(self.weekday.currentData()) if weekly else None,
            first_day=from_qdate(self.first_day.date()),
            last_day=None
            if not weekly or self.no_end.isChecked()
            else from_qdate(self.last_day.date()),
            start_time=time(start.hour(), start.minute()),
            end_time=time(end.hour(), end.minute()),
            reason_ids=self.checked_reasons(),
        )

    def submit(self) -> None:
        self.errors.clear()
        if self.advisor.currentIndex() < 0 or self.office.currentIndex() < 0:
            self.errors.show(self.tr("Choose an advisor and an office."))
            return
        data = self.schedule_input()
        svc = self._app.backend.appointments
        edited = self.schedule
        self._focus_before = self.focusWidget()
        self.accept_button.setEnabled(False)
        self._app.ops.call(
            (lambda: svc.add_schedule(data))
            if edited is None
            else (lambda: svc.update_schedule(edited.id, data, edited.version)),
            on_success=self._on_saved,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_saved(self, schedule: ScheduleInfo) -> None:
        if self.schedule is None:
            self.added.emit(schedule)
        else:
            self.updated.emit(schedule)
        self._app.bus.publish(TOPIC, schedule)
        self.accept()

    def _on_failed(self, error: OpError) -> None:
        self.accept_button.setEnabled(True)
        # Disabling the button passed the focus on to Cancel, where Enter would close the
        # dialog and lose what was typed: give it back (a field named by the error takes it).
        (self._focus_before or self.accept_button).setFocus(Qt.FocusReason.OtherFocusReason)
        self.errors.show(error.message, error.field)
