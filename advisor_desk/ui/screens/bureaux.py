"""Bureaux et horaires screen: offices, reasons, advisors' opening ranges and absences."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from advisor_desk.ui.context import AppContext
from advisor_desk.ui.offices.absences_panel import AbsencesPanel
from advisor_desk.ui.offices.offices_panel import OfficesPanel
from advisor_desk.ui.offices.reasons_panel import ReasonsPanel
from advisor_desk.ui.offices.schedules_panel import SchedulesPanel


class BureauxScreen(QWidget):
    """For supervisors and administrators (office.manage): what the slots are built from."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bureauxScreen")
        self.tabs = QTabWidget(self)
        self.offices = OfficesPanel(app, self.tabs)
        self.reasons = ReasonsPanel(app, self.tabs)
        self.schedules = SchedulesPanel(app, self.tabs)
        self.absences = AbsencesPanel(app, self.tabs)
        self.tabs.addTab(self.offices, self.tr("Offices and hours"))
        self.tabs.addTab(self.reasons, self.tr("Reasons"))
        self.tabs.addTab(self.schedules, self.tr("Schedules"))
        self.tabs.addTab(self.absences, self.tr("Absences"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
