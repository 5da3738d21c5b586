"""The reasons tab: appointment reasons with duration, channel, booking delays, active."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.appointments_dto import ReasonInfo, ReasonInput
from advisor_desk.domain.enums import AppointmentChannel
from advisor_desk.models.offices import ReasonsModel, channel_label
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

from .common import TOPIC, FieldErrors, ListLoad, select_source_row, selected_row, table_view


def _spin(parent: QWidget, low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class ReasonsPanel(QWidget):
    """Create or edit a reason; a withdrawn (inactive) reason is no longer offered to book."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonsPanel")
        self._app = app
        self._select_id: int | None = None
        self._reason: ReasonInfo | None = None

        self.model = ReasonsModel(self)
        self.view = table_view(self, self.model, "reasonsView")
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.reload)
        self.new_button = QPushButton(self.tr("&New reason"), self)
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_reason)

        self.code = QLineEdit(self)
        self.code.setMaxLength(30)
        self.code.setPlaceholderText(self.tr("e.g. css"))
        self.label = QLineEdit(self)
        self.label.setMaxLength(120)
        self.duration = _spin(self, 5, 240, 20, self.tr(" min"))
        self.duration.setSingleStep(5)
        self.channel = QComboBox(self)
        for channel in AppointmentChannel:
            self.channel.addItem(channel_label(channel), channel.value)
        self.min_delay = _spin(self, 0, 24 * 365, 2, self.tr(" h"))
        self.min_delay.setToolTip(self.tr("No booking later than this many hours before"))
        self.max_delay = _spin(self, 1, 365, 30, self.tr(" days"))
        self.max_delay.setToolTip(self.tr("No booking further ahead than this many days"))
        self.active = QCheckBox(self.tr("Offered to book (active)"), self)
        self.active.setChecked(True)
        self.save_button = QPushButton(self.tr("&Save the reason"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.message = FormMessage(self)
        self._list = ListLoad(self.state, self.message)
        self.errors = FieldErrors(
            self.message,
            {
                "code": self.code,
                "label": self.label,
                "duration_min": self.duration,
                "min_delay_hours": self.min_delay,
                "max_delay_days": self.max_delay,
            },
        )

        form = QFormLayout()
        form.addRow(self.tr("C&ode:"), self.code)
        form.addRow(self.tr("&Label:"), self.label)
        form.addRow(self.tr("&Duration:"), self.duration)
        form.addRow(self.tr("C&hannel:"), self.channel)
        form.addRow(self.tr("Minimum d&elay:"), self.min_delay)
        form.addRow(self.tr("Ma&ximum delay:"), self.max_delay)
        form.addRow("", self.active)
        details = QGroupBox(self.tr("Reason"), self)
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(form)
        details_layout.addWidget(self.message)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        details_layout.addLayout(save_row)
        details_layout.addStretch(1)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.state, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._show_reason(None)
        app.bus.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self._list.begin()
        svc = self._app.backend.appointments
        self._app.ops.call(
            lambda: svc.list_reasons(include_inactive=True),
            on_success=self._on_loaded,
            on_failure=self._list.failed,
            key="offices.reasons",
            owner=self,
        )

    def _on_loaded(self, reasons: list[ReasonInfo]) -> None:
        wanted = self._select_id if self._select_id is not None else self._selected_id()
        self._select_id = None
        self.model.set_rows(reasons)
        self._list.show(len(reasons), self.tr("No reason yet: create one with “New reason”."))
        row = self.model.index_of(wanted) if wanted is not None else -1
        if row >= 0:
            select_source_row(self.view, row)

    def _on_changed(self, topic: str, payload: object) -> None:
        if topic == Topics.CONNECTION_RESTORED or (
            topic == TOPIC and isinstance(payload, ReasonInfo)
        ):
            self.reload()

    def selected_reason(self) -> ReasonInfo | None:
        row = selected_row(self.view)
        return None if row is None else self.model.row_at(row)

    def _selected_id(self) -> int | None:
        reason = self.selected_reason()
        return None if reason is None else reason.id

    def _on_selection(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        reason = self.selected_reason()
        if reason is not None:
            self._show_reason(reason)

    def _show_reason(self, reason: ReasonInfo | None) -> None:
        if not (reason and self._reason and reason.id == self._reason.id):
            self.errors.clear()
        self._reason = reason
        self.code.setText(reason.code if reason else "")
        self.label.setText(reason.label if reason else "")
        self.duration.setValue(reason.duration_min if reason else 20)
        channel = reason.channel if reason else AppointmentChannel.OFFICE
        self.channel.setCurrentIndex(self.channel.findData(channel.value))
        self.min_delay.setValue(reason.min_delay_hours if reason else 2)
        self.max_delay.setValue(reason.max_delay_days if reason else 30)
        self.active.setChecked(reason.active if reason else True)

    def new_reason(self) -> None:
        self.view.clearSelection()
        self._show_reason(None)
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        self.errors.clear()
        data = ReasonInput(
            code=self.code.text(),
            label=self.label.text(),
            duration_min=self.duration.value(),
            channel=AppointmentChannel(self.channel.currentData()),
            min_delay_hours=self.min_delay.value(),
            max_delay_days=self.max_delay.value(),
            active=self.active.isChecked(),
        )
        reason_id = self._reason.id if self._reason is not None else None
        svc = self._app.backend.appointments
        self.save_button.setEnabled(False)
        self._app.ops.call(
            lambda: svc.save_reason(reason_id, data),
            on_success=lambda reason: self._on_saved(reason, reason_id is None),
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_saved(self, reason: ReasonInfo, created: bool) -> None:
        self.save_button.setEnabled(True)
        self._select_id = reason.id
        self._reason = reason
        self._app.bus.publish(TOPIC, reason)
        text = (
            self.tr("Reason “{label}” created.") if created else self.tr("Reason “{label}” saved.")
        )
        self.message.show_notice(text.format(label=reason.label))

    def _on_failed(self, error: OpError) -> None:
        self.save_button.setEnabled(True)
        field = error.field
        if field is None and "code" in error.message.lower():
            field = "code"
        self.errors.show(error.message, field)
