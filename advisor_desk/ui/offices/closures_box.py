"""An office's closures from today: local ones (add, remove) and the public holidays."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.appointments_dto import ClosureInfo, HolidayInfo
from advisor_desk.models.offices import ClosureRow, ClosuresModel, closure_rows
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.ops import OpError

from .common import (
    TOPIC,
    FieldErrors,
    confirm,
    from_qdate,
    selected_row,
    table_view,
    to_qdate,
    today,
)

HORIZON_DAYS = 366


class ClosuresBox(QWidget):
    """Shows the closures of `set_office(id)`; a new closure needs a date and a reason."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closuresBox")
        self._app = app
        self._office_id: int | None = None
        self.model = ClosuresModel(self)
        self.view = table_view(self, self.model, "closuresView")
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setDate(to_qdate(today() + timedelta(days=1)))
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Reason, e.g. training"))
        self.reason.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("A&dd closure"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("&Remove closure"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove)
        self.message = FormMessage(self)
        self.errors = FieldErrors(self.message, {"day": self.day, "reason": self.reason})

        add_row = QHBoxLayout()
        add_row.addWidget(self.day)
        add_row.addWidget(self.reason, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addLayout(add_row)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.set_office(None)

    def set_office(self, office_id: int | None) -> None:
        if office_id is not None and office_id == self._office_id:
            self.reload()  # the same office again (its list reloaded): keep the message
            return
        self._office_id = office_id
        self.errors.clear()
        self.model.set_rows([])
        for w in (self.day, self.reason, self.add_button):
            w.setEnabled(office_id is not None)
        self._on_selection()
        if office_id is not None:
            self.reload()

    def reload(self) -> None:
        office_id = self._office_id
        if office_id is None:
            return
        svc = self._app.backend.appointments
        first = today()

        def load() -> tuple[list[ClosureInfo], list[HolidayInfo]]:
            return (
                svc.list_closures(office_id, first),
                svc.list_public_holidays(first, HORIZON_DAYS),
            )

        self._app.ops.call(
            load,
            on_success=lambda result: self._on_loaded(office_id, *result),
            on_failure=lambda error: self.message.show_error(error.message),
            key="offices.closures",
            owner=self,
        )

    def _on_loaded(
        self, office_id: int, closures: list[ClosureInfo], holidays: list[HolidayInfo]
    ) -> None:
        if office_id != self._office_id:
            return
        self.model.set_rows(closure_rows(closures, holidays))
        self._on_selection()

    def selected(self) -> ClosureRow | None:
        row = selected_row(self.view)
        return None if row is None else self.model.row_at(row)

    def _on_selection(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        row = self.selected()
        self.remove_button.setEnabled(row is not None and not row.holiday)
        if row is not None and row.holiday:
            self.remove_button.setToolTip(self.tr("A public holiday cannot be removed"))
        else:
            self.remove_button.setToolTip("")

    def add(self) -> None:
        office_id = self._office_id
        if office_id is None:
            return
        self.errors.clear()
        day: date = from_qdate(self.day.date())
        reason = self.reason.text()
        self.add_button.setEnabled(False)
        svc = self._app.backend.appointments
        self._app.ops.call(
            lambda: svc.add_closure(office_id, day, reason),
            on_success=self._on_added,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_added(self, closure: ClosureInfo) -> None:
        self.add_button.setEnabled(True)
        self.reason.clear()
        self.message.show_notice(
            self.tr("Closure on {day} added.").format(day=f"{closure.day:%d/%m/%Y}")
        )
        self._app.bus.publish(TOPIC, closure)
        self.reload()

    def _on_failed(self, error: OpError) -> None:
        self.add_button.setEnabled(self._office_id is not None)
        self._on_selection()
        self.errors.show(error.message, error.field)

    def remove(self) -> None:
        row = self.selected()
        if row is None or row.closure_id is None:
            return
        confirm(
            self,
            self.tr("Remove this closure? The office opens again that day."),
            self.tr("Remove"),
            lambda: self._remove(row),
        )

    def _remove(self, row: ClosureRow) -> None:
        assert row.closure_id is not None
        closure_id = row.closure_id
        self.errors.clear()
        self.remove_button.setEnabled(False)
        svc = self._app.backend.appointments
        self._app.ops.call(
            lambda: svc.remove_closure(closure_id),
            on_success=lambda _r: self._on_removed(row),
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_removed(self, row: ClosureRow) -> None:
        self.message.show_notice(
            self.tr("Closure on {day} removed.").format(day=f"{row.day:%d/%m/%Y}")
        )
        self._app.bus.publish(TOPIC, None)
        self.reload()
