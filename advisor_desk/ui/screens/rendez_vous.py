"""Rendez-vous screen: the agenda of an office or an advisor (day or week), and today's arrivals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.domain.enums import AppointmentStatus
from advisor_desk.models.agenda import PARIS, AgendaModel
from advisor_desk.ui.appointments.booking_dialog import TOPIC
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.offices.common import TOPIC as OFFICES_TOPIC
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.row_table import row_table
from advisor_desk.ui.state_panel import StatePanel

if TYPE_CHECKING:
    from advisor_desk.backend.appointments_dto import (
        AdvisorRef,
        Agenda,
        AppointmentView,
        OfficeInfo,
    )

BY_OFFICE, BY_ADVISOR = "office", "advisor"


def _today() -> date:
    return datetime.now(PARIS).date()


class RendezVousScreen(QWidget):
    """Counters mark arrivals, seen and no-shows; supervisors watch the offices' agendas."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rendezVousScreen")
        self._app = app
        self._offices: list[OfficeInfo] = []
        self._advisors: list[AdvisorRef] = []

        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("By office"), BY_OFFICE)
        self.scope.addItem(self.tr("By advisor"), BY_ADVISOR)
        self.scope.currentIndexChanged.connect(self._fill_targets)
        self.target = QComboBox(self)
        self.target.setMinimumContentsLength(24)
        self.target.currentIndexChanged.connect(self.reload)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        today = _today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.dateChanged.connect(self.reload)
        self.span = QComboBox(self)
        self.span.addItem(self.tr("Day"), 1)
        self.span.addItem(self.tr("Week"), 7)
        self.span.currentIndexChanged.connect(self.reload)
        scope_label = QLabel(self.tr("&Agenda:"), self)
        scope_label.setBuddy(self.scope)

        self.model = AgendaModel(self)
        self.week_model = AgendaModel(self, week=True)
        self.view = row_table(self, self.model, "agendaView")
        self.view.activated.connect(lambda _index: self.mark_waiting())
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.reload)
        self.openings = QLabel(self)
        self.openings.setObjectName("agendaOpenings")
        self.openings.setWordWrap(True)

        self.arrivals_model = AgendaModel(self)
        self.arrivals = row_table(self, self.arrivals_model, "arrivalsView")
        arrivals_box = QGroupBox(self.tr("Today's arrivals"), self)
        box_layout = QVBoxLayout(arrivals_box)
        box_layout.addWidget(self.arrivals)

        self.message = FormMessage(self)
        self.waiting_button = self._button(self.tr("&Arrived"), "Ctrl+Shift+A", self.mark_waiting)
        self.undo_arrival_button = self._button(
            self.tr("&Undo arrival"), "Ctrl+Shift+U", self.undo_arrival
        )
        self.seen_button = self._button(self.tr("&Seen"), "Ctrl+Shift+S", self.mark_seen)
        self.noshow_button = self._button(self.tr("&No-show"), "Ctrl+Shift+N", self.mark_noshow)
        self.revoke_button = self._button(self.tr("&Cancel…"), "Ctrl+Shift+C", self.revoke)
        previous = self._button(self.tr("Previous"), "Alt+Left", lambda: self.step(-1))
        today_button = self._button(self.tr("Today"), "Alt+Home", self.go_today)
        following = self._button(self.tr("Next"), "Alt+Right", lambda: self.step(1))
        refresh = self._button(self.tr("Refresh"), "F5", self.reload)

        bar = QHBoxLayout()
        for w in (scope_label, self.scope, self.target, self.day, self.span):
            bar.addWidget(w)
        for button in (previous, today_button, following):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(refresh)
        actions = QHBoxLayout()
        for b in (
            self.waiting_button,
            self.undo_arrival_button,
            self.seen_button,
            self.noshow_button,
            self.revoke_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.openings)
        layout.addWidget(self.state, 3)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(arrivals_box, 2)

        # Waiting times grow while the screen is shown.
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self._repaint_waiting)
        self._tick.start()
        app.bus.changed.connect(self._on_changed)
        self._load_targets()

    def _button(self, text: str, keys: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        button.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
        return button

    # -- loading -------------------------------------------------------------------------------

    def _load_targets(self) -> None:
        service = self._app.backend.appointments
        self.state.show_loading()

        def both() -> tuple[list[OfficeInfo], list[AdvisorRef]]:
            return service.list_offices(), service.list_advisors(None)

        self._app.ops.call(
            both, on_success=self._targets_loaded, on_failure=self._failed, owner=self
        )

    def _targets_loaded(self, loaded: tuple[list[OfficeInfo], list[AdvisorRef]]) -> None:
        self._offices, self._advisors = loaded
        self._fill_targets()

    def _fill_targets(self) -> None:
        current = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        mine = self._app.backend.advisor
        if self.scope.currentData() == BY_OFFICE:
            for o in self._offices:
                self.target.addItem(o.name, o.id)
            preferred = mine.office_id
        else:
            for a in self._advisors:
                self.target.addItem(a.full_name, a.id)
            preferred = mine.id
        # A refill after a change (an office renamed, an advisor added) keeps what was shown.
        index = self.target.findData(current) if current is not None else -1
        if index < 0:
            index = self.target.findData(preferred)
        self.target.setCurrentIndex(max(0, index))
        self.target.blockSignals(False)
        self.reload()

    def selected_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def reload(self) -> None:
        target = self.target.currentData()
        if target is None:
            self.state.show_empty(self.tr("No office or advisor to show."))
            return
        by_office = self.scope.currentData() == BY_OFFICE
        office_id = target if by_office else None
        advisor_id = None if by_office else target
        day, days = self.selected_day(), int(self.span.currentData())
        service = self._app.backend.appointments
        self.view.setModel(self.week_model if days == 7 else self.model)
        self._app.ops.call(
            lambda: service.agenda(office_id, advisor_id, day, days),
            on_success=self._agenda_loaded,
            on_failure=self._failed,
            key=f"rendez_vous.agenda.{id(self)}",
            owner=self,
        )
        today = _today()
        self._app.ops.call(
            lambda: service.agenda(office_id, advisor_id, today, 1),
            on_success=self._arrivals_loaded,
            key=f"rendez_vous.arrivals.{id(self)}",
            owner=self,
        )

    def current_model(self) -> AgendaModel:
        model = self.view.model()
        assert isinstance(model, AgendaModel)
        return model

    def _agenda_loaded(self, agenda: Agenda) -> None:
        self.current_model().set_rows(agenda.appointments)
        if agenda.openings:
            parts = [
                self.tr("{advisor} {start}–{end}").format(
                    advisor=o.advisor_name,
                    start=o.starts_at.astimezone(PARIS).strftime("%d/%m %H:%M"),
                    end=o.ends_at.astimezone(PARIS).strftime("%H:%M"),
                )
                for o in agenda.openings
            ]
            self.openings.setText(self.tr("Open: {ranges}").format(ranges=" · ".join(parts)))
        else:
            self.openings.setText(self.tr("No opening range in this period."))
        if agenda.appointments:
            self.state.show_content()
            self.view.selectRow(0)
        else:
            self.state.show_empty(self.tr("No appointment in this period."))

    def _arrivals_loaded(self, agenda: Agenda) -> None:
        expected = (AppointmentStatus.UNKNOWN, AppointmentStatus.WAITING)
        self.arrivals_model.set_rows([a for a in agenda.appointments if a.status in expected])

    def _repaint_waiting(self) -> None:
        self.arrivals.viewport().update()
        self.view.viewport().update()

    def _failed(self, error: OpError) -> None:
        self.state.show_error(error.message)

    def _on_changed(self, topic: str, _payload: object) -> None:
        if topic == OFFICES_TOPIC:  # offices, advisors or schedules changed in Bureaux
            self._load_targets()
        elif topic in (TOPIC, Topics.CONNECTION_RESTORED):
            self.reload()

    # -- navigation ----------------------------------------------------------------------------

    def step(self, direction: int) -> None:
        days = int(self.span.currentData())
        self.day.setDate(self.day.date().addDays(direction * days))

    def go_today(self) -> None:
        today = _today()
        self.day.setDate(QDate(today.year, today.month, today.day))

    # -- actions -------------------------------------------------------------------------------

    def selected(self) -> AppointmentView | None:
        """The appointment selected in the table that has (or last had) the focus."""
        view = self.arrivals if self.arrivals.hasFocus() else self.view
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        if not rows:
            return None
        model = view.model()
        assert isinstance(model, AgendaModel)
        return model.row_at(rows[0].row())

    def _act(self, call: Callable[[int], AppointmentView], done: str) -> None:
        appointment = self.selected()
        if appointment is None:
            self.message.show_error(self.tr("Select an appointment first."))
            return
        appointment_id = appointment.id

        def success(changed: AppointmentView) -> None:
            self.message.show_notice(done.format(name=changed.member_name))
            self._app.bus.publish(TOPIC, changed)

        self._app.ops.call(
            lambda: call(appointment_id),
            on_success=success,
            on_failure=lambda error: self.message.show_error(error.message),
            owner=self,
        )

    def mark_waiting(self) -> None:
        service = self._app.backend.appointments
        self._act(service.mark_waiting, self.tr("{name} is in the waiting room."))

    def undo_arrival(self) -> None:
        """An arrival recorded by mistake: the member is back to booked."""
        service = self._app.backend.appointments
        self._act(service.undo_arrival, self.tr("{name} is back to booked (arrival undone)."))

    def mark_seen(self) -> None:
        service = self._app.backend.appointments
        self._act(service.mark_seen, self.tr("{name} was seen."))

    def mark_noshow(self) -> None:
        service = self._app.backend.appointments
        self._act(service.mark_noshow, self.tr("{name} marked as a no-show."))

    def revoke(self) -> None:
        if self.selected() is None:
            self.message.show_error(self.tr("Select an appointment first."))
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Cancel the appointment"),
            self.tr("Reason given to the member:"),
        )
        if not ok:
            return
        service = self._app.backend.appointments
        self._act(
            lambda appointment_id: service.revoke(appointment_id, reason),
            self.tr("Appointment of {name} cancelled."),
        )
