"""The schedules tab: advisors' opening ranges per office (filtered), add, edit and delete."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.appointments_dto import (
    AdvisorRef,
    OfficeInfo,
    ReasonInfo,
    ScheduleInfo,
)
from advisor_desk.models.offices import SchedulesModel
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.office_filter import refill_combo
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

from .common import TOPIC, ListLoad, confirm, selected_row, table_view
from .schedule_dialog import ScheduleDialog

References = tuple[list[OfficeInfo], list[AdvisorRef], list[ReasonInfo]]


class SchedulesPanel(QWidget):
    """The ranges of one office (or all); a new or edited range opens `ScheduleDialog`."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schedulesPanel")
        self._app = app
        self.offices: list[OfficeInfo] = []
        self.advisors: list[AdvisorRef] = []
        self.reasons: list[ReasonInfo] = []

        self.office = QComboBox(self)
        self.office.setMinimumContentsLength(28)
        self.office.currentIndexChanged.connect(self.reload_schedules)
        office_label = QLabel(self.tr("&Office:"), self)
        office_label.setBuddy(self.office)
        self.model = SchedulesModel(self)
        self.view = table_view(self, self.model, "schedulesView")
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.doubleClicked.connect(self._on_double_click)
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.reload)
        self.add_button = QPushButton(self.tr("&Add a range…"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_schedule)
        self.edit_button = QPushButton(self.tr("&Edit the range…"), self)
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit_schedule)
        self.delete_button = QPushButton(self.tr("&Delete the range"), self)
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_schedule)
        self.message = FormMessage(self)
        self._list = ListLoad(self.state, self.message)

        bar = QHBoxLayout()
        bar.addWidget(office_label)
        bar.addWidget(self.office)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        note = QLabel(
            self.tr(
                "Editing or deleting a range keeps its booked appointments: cancel them from "
                "the agenda."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.state, 1)
        layout.addWidget(note)
        self._on_selection()
        app.bus.changed.connect(self._on_changed)
        self.reload()

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """The offices, advisors and reasons (the choices), then the ranges."""
        self._list.begin()
        svc = self._app.backend.appointments

        def load() -> References:
            return (
                svc.list_offices(include_inactive=True),
                svc.list_advisors(),
                svc.list_reasons(include_inactive=True),
            )

        self._app.ops.call(
            load,
            on_success=self._on_references,
            on_failure=self._list.failed,
            key="offices.schedule_refs",
            owner=self,
        )

    def _on_references(self, refs: References) -> None:
        self.offices, self.advisors, self.reasons = refs
        self.model.set_reasons(self.reasons)
        refill_combo(
            self.office,
            [
                (self.tr("All offices"), None),
                *((f"{o.name} ({o.code})", o.id) for o in self.offices),
            ],
        )
        self.reload_schedules()

    def reload_schedules(self) -> None:
        office_id = self.office.currentData()
        svc = self._app.backend.appointments
        self._app.ops.call(
            lambda: svc.list_schedules(office_id=office_id),
            on_success=self._on_loaded,
            on_failure=self._list.failed,
            key="offices.schedules",
            owner=self,
        )

    def _on_loaded(self, schedules: list[ScheduleInfo]) -> None:
        self.model.set_rows(schedules)
        self._list.show(
            len(schedules), self.tr("No opening range here: add one with “Add a range”.")
        )
        self._on_selection()

    def _on_changed(self, topic: str, payload: object) -> None:
        if topic == Topics.CONNECTION_RESTORED or (
            topic == TOPIC and isinstance(payload, OfficeInfo | ReasonInfo)
        ):
            self.reload()
        elif topic == TOPIC and isinstance(payload, ScheduleInfo):
            self.reload_schedules()

    # -- commands ---------------------------------------------------------------------------

    def selected_schedule(self) -> ScheduleInfo | None:
        row = selected_row(self.view)
        return None if row is None else self.model.row_at(row)

    def _on_selection(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        selected = self.selected_schedule() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def add_schedule(self) -> ScheduleDialog:
        self.message.clear_message()
        dialog = ScheduleDialog(
            self._app, self.advisors, self.offices, self.reasons, self.office.currentData(), self
        )
        dialog.added.connect(self._on_added)
        dialog.open()
        return dialog

    def _on_added(self, schedule: ScheduleInfo) -> None:
        self.message.show_notice(
            self.tr("Opening range of {advisor} added.").format(advisor=schedule.advisor_name)
        )

    def edit_schedule(self) -> ScheduleDialog | None:
        """The selected range in `ScheduleDialog`; the backend decides who may save it."""
        schedule = self.selected_schedule()
        if schedule is None:
            return None
        self.message.clear_message()
        dialog = ScheduleDialog(
            self._app, self.advisors, self.offices, self.reasons, parent=self, schedule=schedule
        )
        dialog.updated.connect(self._on_updated)
        dialog.open()
        return dialog

    def _on_double_click(self, _index: QModelIndex) -> None:
        self.edit_schedule()

    def _on_updated(self, schedule: ScheduleInfo) -> None:
        self.message.show_notice(
            self.tr("Opening range of {advisor} updated.").format(advisor=schedule.advisor_name)
        )  # the dialog's publication on the bus reloads the ranges

    def delete_schedule(self) -> None:
        schedule = self.selected_schedule()
        if schedule is None:
            return
        confirm(
            self,
            self.tr(
                "Delete this opening range of {advisor}? Appointments already booked in it "
                "stay booked."
            ).format(advisor=schedule.advisor_name),
            self.tr("Delete"),
            lambda: self._delete(schedule),
        )

    def _delete(self, schedule: ScheduleInfo) -> None:
        self.message.clear_message()
        self.delete_button.setEnabled(False)
        svc = self._app.backend.appointments
        self._app.ops.call(
            lambda: svc.delete_schedule(schedule.id),
            on_success=lambda _r: self._on_deleted(schedule),
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_deleted(self, schedule: ScheduleInfo) -> None:
        self.message.show_notice(
            self.tr("Opening range of {advisor} deleted.").format(advisor=schedule.advisor_name)
        )
        self.reload_schedules()

    def _on_failed(self, error: OpError) -> None:
        self.message.show_error(error.message)
        self._on_selection()
