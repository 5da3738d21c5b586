"""The absences tab: one advisor's absences from today, add and delete."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.appointments_dto import AbsenceInfo, AdvisorRef
from advisor_desk.models.offices import AbsencesModel
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.office_filter import refill_combo
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

from .common import (
    PARIS,
    TOPIC,
    FieldErrors,
    ListLoad,
    confirm,
    from_qdatetime,
    selected_row,
    table_view,
    to_qdatetime,
    today,
)

HORIZON_DAYS = 366


def _datetime_edit(parent: QWidget, at: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(to_qdatetime(at), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy HH:mm")
    return edit


class AbsencesPanel(QWidget):
    """No slot is offered during an absence; appointments already booked then stay booked."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("absencesPanel")
        self._app = app

        self.advisor = QComboBox(self)
        self.advisor.setMinimumContentsLength(24)
        self.advisor.currentIndexChanged.connect(self.reload_absences)
        advisor_label = QLabel(self.tr("&Advisor:"), self)
        advisor_label.setBuddy(self.advisor)
        self.model = AbsencesModel(self)
        self.view = table_view(self, self.model, "absencesView")
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.reload)
        self.delete_button = QPushButton(self.tr("&Delete the absence"), self)
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_absence)

        tomorrow = today() + timedelta(days=1)
        self.starts = _datetime_edit(self, datetime.combine(tomorrow, time(8), tzinfo=PARIS))
        self.ends = _datetime_edit(self, datetime.combine(tomorrow, time(18), tzinfo=PARIS))
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(120)
        self.reason.setPlaceholderText(self.tr("e.g. training, leave"))
        self.reason.returnPressed.connect(self.add_absence)
        self.add_button = QPushButton(self.tr("Add the a&bsence"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_absence)
        self.message = FormMessage(self)
        self._list = ListLoad(self.state, self.message)
        self.errors = FieldErrors(
            self.message, {"starts_at": self.starts, "ends_at": self.ends, "reason": self.reason}
        )

        self.reason.setMinimumWidth(360)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("&From:"), self.starts)
        form.addRow(self.tr("&To:"), self.ends)
        form.addRow(self.tr("&Reason:"), self.reason)
        new_box = QGroupBox(self.tr("New absence"), self)
        new_layout = QVBoxLayout(new_box)
        new_layout.addLayout(form)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        new_layout.addLayout(add_row)

        bar = QHBoxLayout()
        bar.addWidget(advisor_label)
        bar.addWidget(self.advisor)
        bar.addStretch(1)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.message)
        layout.addWidget(new_box)
        self._on_selection()
        app.bus.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self._list.begin()
        svc = self._app.backend.appointments
        self._app.ops.call(
            svc.list_advisors,
            on_success=self._on_advisors,
            on_failure=self._list.failed,
            key="offices.absence_advisors",
            owner=self,
        )

    def _on_advisors(self, advisors: list[AdvisorRef]) -> None:
        refill_combo(self.advisor, [(a.full_name, a.id) for a in advisors])
        enabled = bool(advisors)
        for w in (self.starts, self.ends, self.reason, self.add_button):
            w.setEnabled(enabled)
        self.reload_absences()

    def reload_absences(self) -> None:
        advisor_id = self.advisor.currentData()
        if advisor_id is None:
            self.model.set_rows([])
            self._list.show(0, self.tr("No active advisor."))
            return
        svc = self._app.backend.appointments
        first = today()
        self._app.ops.call(
            lambda: svc.list_absences(advisor_id, first, HORIZON_DAYS),
            on_success=self._on_loaded,
            on_failure=self._list.failed,
            key="offices.absences",
            owner=self,
        )

    def _on_loaded(self, absences: list[AbsenceInfo]) -> None:
        self.model.set_rows(absences)
        self._list.show(len(absences), self.tr("No absence planned for this advisor."))
        self._on_selection()

    def _on_changed(self, topic: str, _payload: object) -> None:
        if topic == Topics.CONNECTION_RESTORED:
            self.reload()

    def selected_absence(self) -> AbsenceInfo | None:
        row = selected_row(self.view)
        return None if row is None else self.model.row_at(row)

    def _on_selection(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        self.delete_button.setEnabled(self.selected_absence() is not None)

    def add_absence(self) -> None:
        advisor_id = self.advisor.currentData()
        if advisor_id is None:
            return
        self.errors.clear()
        starts_at = from_qdatetime(self.starts.dateTime())
        ends_at = from_qdatetime(self.ends.dateTime())
        reason = self.reason.text()
        svc = self._app.backend.appointments
        self.add_button.setEnabled(False)
        self._app.ops.call(
            lambda: svc.add_absence(advisor_id, starts_at, ends_at, reason),
            on_success=self._on_added,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_added(self, absence: AbsenceInfo) -> None:
        self.add_button.setEnabled(True)
        self.reason.clear()
        self.message.show_notice(
            self.tr("Absence of {advisor} added.").format(advisor=self.advisor.currentText())
        )
        self._app.bus.publish(TOPIC, absence)
        self.reload_absences()

    def _on_failed(self, error: OpError) -> None:
        self.add_button.setEnabled(True)
        self._on_selection()
        self.errors.show(error.message, error.field)

    def delete_absence(self) -> None:
        absence = self.selected_absence()
        if absence is None:
            return
        confirm(
            self,
            self.tr("Delete this absence? The advisor becomes bookable again at those times."),
            self.tr("Delete"),
            lambda: self._delete(absence),
        )

    def _delete(self, absence: AbsenceInfo) -> None:
        self.errors.clear()
        self.delete_button.setEnabled(False)
        svc = self._app.backend.appointments
        self._app.ops.call(
            lambda: svc.delete_absence(absence.id),
            on_success=lambda _r: self._on_deleted(),
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_deleted(self) -> None:
        self.message.show_notice(self.tr("Absence deleted."))
        self._app.bus.publish(TOPIC, None)
        self.reload_absences()
