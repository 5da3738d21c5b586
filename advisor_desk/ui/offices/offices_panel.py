"""The offices tab: the list, the selected office's form, its weekly hours and its closures."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.appointments_dto import OfficeInfo
from advisor_desk.models.offices import OfficesModel, weekday_name
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

from .closures_box import ClosuresBox
from .common import TOPIC, FieldErrors, ListLoad, select_source_row, selected_row, table_view
from .hours_editor import HoursEditor
from .office_form import OfficeForm


class OfficesPanel(QWidget):
    """Create or edit an office; hours and closures apply to the saved, selected office."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officesPanel")
        self._app = app
        self._select_id: int | None = None
        self._office: OfficeInfo | None = None  # the office the form shows (None: a new one)

        self.model = OfficesModel(self)
        self.view = table_view(self, self.model, "officesView")
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.reload)
        self.new_button = QPushButton(self.tr("&New office"), self)
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_office)

        self.form = OfficeForm(self)
        self.save_button = QPushButton(self.tr("&Save the office"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.message = FormMessage(self)
        self._list = ListLoad(self.state, self.message)
        self.errors = FieldErrors(self.message, self.form.fields)

        self.hours = HoursEditor(self)
        self.save_hours_button = QPushButton(self.tr("Save the &hours"), self)
        self.save_hours_button.setAutoDefault(False)
        self.save_hours_button.clicked.connect(self.save_hours)
        self.hours_message = FormMessage(self)
        self.closures = ClosuresBox(app, self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.state, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.new_button)
        left_buttons.addStretch(1)
        left_layout.addLayout(left_buttons)

        details = QGroupBox(self.tr("Office"), self)
        details_layout = QVBoxLayout(details)
        details_layout.setSpacing(4)
        details_layout.addWidget(self.form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addStretch(0)
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        details_layout.addLayout(save_row)

        hours_box = QGroupBox(self.tr("Weekly opening hours"), self)
        hours_layout = QVBoxLayout(hours_box)
        hours_layout.setSpacing(4)
        hours_layout.addWidget(self.hours)
        hours_layout.addWidget(self.hours_message)
        hours_layout.addWidget(self.save_hours_button, 0, Qt.AlignmentFlag.AlignRight)
        hours_layout.addStretch(1)
        closures_box = QGroupBox(self.tr("Closures (from today)"), self)
        QVBoxLayout(closures_box).addWidget(self.closures)

        lower = QHBoxLayout()
        lower.addWidget(hours_box, 2)
        lower.addWidget(closures_box, 3)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(details)
        right_layout.addLayout(lower, 1)
        # A small window scrolls the form rather than squeezing the fields.
        scroll = QScrollArea(self)
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([380, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._show_office(None)
        app.bus.changed.connect(self._on_changed)
        self.reload()

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        self._list.begin()
        svc = self._app.backend.appointments
        self._app.ops.call(
            lambda: svc.list_offices(include_inactive=True),
            on_success=self._on_loaded,
            on_failure=self._list.failed,
            key="offices.list",
            owner=self,
        )

    def _on_loaded(self, offices: list[OfficeInfo]) -> None:
        wanted = self._select_id if self._select_id is not None else self._selected_id()
        self._select_id = None
        self.model.set_rows(offices)
        self._list.show(len(offices), self.tr("No office yet: create one with “New office”."))
        row = self.model.index_of(wanted) if wanted is not None else -1
        if row >= 0:
            select_source_row(self.view, row)
        elif self._office is not None:
            self._show_office(None)

    def _on_changed(self, topic: str, payload: object) -> None:
        if topic == Topics.CONNECTION_RESTORED or (
            topic == TOPIC and isinstance(payload, OfficeInfo)
        ):
            self.reload()

    # -- selection --------------------------------------------------------------------------

    def selected_office(self) -> OfficeInfo | None:
        row = selected_row(self.view)
        return None if row is None else self.model.row_at(row)

    def _selected_id(self) -> int | None:
        office = self.selected_office()
        return None if office is None else office.id

    def select_office(self, office_id: int) -> None:
        row = self.model.index_of(office_id)
        if row >= 0:
            select_source_row(self.view, row)

    def _on_selection(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        office = self.selected_office()
        if office is not None:
            self._show_office(office)

    def _show_office(self, office: OfficeInfo | None) -> None:
        same = office is not None and self._office is not None and office.id == self._office.id
        self._office = office
        if not same:  # the list reloaded after a save: keep its notice
            self.errors.clear()
            self.hours_message.clear_message()
        self.form.set_office(office)
        self.hours.set_office(office)
        self.hours.setEnabled(office is not None)
        self.save_hours_button.setEnabled(office is not None)
        self.closures.set_office(office.id if office is not None else None)

    # -- commands ---------------------------------------------------------------------------

    def new_office(self) -> None:
        self.view.clearSelection()
        self._show_office(None)
        self.form.code.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        self.errors.clear()
        try:
            data = self.form.office_input()
        except ValueError as exc:
            self.errors.show(self.tr("Type the coordinates as decimal numbers."), str(exc))
            return
        office_id = self._office.id if self._office is not None else None
        svc = self._app.backend.appointments
        self.save_button.setEnabled(False)
        self._app.ops.call(
            lambda: svc.save_office(office_id, data),
            on_success=lambda office: self._on_saved(office, office_id is None),
            on_failure=self._on_save_failed,
            owner=self,
        )

    def _on_saved(self, office: OfficeInfo, created: bool) -> None:
        self.save_button.setEnabled(True)
        self._select_id = office.id
        self._office = office
        text = self.tr("Office “{name}” created.") if created else self.tr("Office “{name}” saved.")
        self._app.bus.publish(TOPIC, office)  # reloads the list, which selects it
        self.message.show_notice(text.format(name=office.name))

    def _on_save_failed(self, error: OpError) -> None:
        self.save_button.setEnabled(True)
        field = error.field
        if field is None and "code" in error.message.lower():
            field = "code"  # the one conflict: the code belongs to another office
        self.errors.show(error.message, field)

    def save_hours(self) -> None:
        office = self._office
        if office is None:
            return
        self.hours_message.clear_message()
        try:
            ranges = self.hours.ranges()
        except ValueError as exc:
            weekday = int(exc.args[0])
            self.hours_message.show_error(
                self.tr("{day}: type the ranges as 08:30-12:00, 13:30-16:30.").format(
                    day=weekday_name(weekday)
                )
            )
            self.hours.days[weekday].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        svc = self._app.backend.appointments
        self.save_hours_button.setEnabled(False)
        self._app.ops.call(
            lambda: svc.set_office_hours(office.id, ranges),
            on_success=self._on_hours_saved,
            on_failure=self._on_hours_failed,
            owner=self,
        )

    def _on_hours_saved(self, office: OfficeInfo) -> None:
        self.save_hours_button.setEnabled(True)
        self._select_id = office.id
        self._app.bus.publish(TOPIC, office)
        self.hours_message.show_notice(
            self.tr("Opening hours of “{name}” saved.").format(name=office.name)
        )

    def _on_hours_failed(self, error: OpError) -> None:
        self.save_hours_button.setEnabled(True)
        self.hours_message.show_error(error.message)
