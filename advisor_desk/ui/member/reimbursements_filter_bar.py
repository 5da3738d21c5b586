"""The filters of the reimbursements tab: period, beneficiary, category, status, professional."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.reimbursements_dto import ReimbursementFilter, ReimbursementOverview
from advisor_desk.domain.enums import CareCategory, ReimbursementStatus


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReimbursementsFilterBar(QWidget):
    """Emits `changed` whenever a filter changes; `apply_to` puts the filters into a filter."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reimbursementsFilterBar")
        self._default_from = date.today().replace(day=1)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy")
        self.date_to.setDate(_qdate(date.today()))
        self.reset_period = QPushButton(self.tr("&27 months"), self)
        self.reset_period.setToolTip(self.tr("Back to the months kept online"))
        self.reset_period.clicked.connect(self.reset)
        self.beneficiary = QComboBox(self)
        self.beneficiary.setObjectName("beneficiaryFilter")
        self.beneficiary.setToolTip(self.tr("Beneficiary"))
        self.category = QComboBox(self)
        self.category.setToolTip(self.tr("Category of care"))
        self.category.addItem(self.tr("All care"), None)
        categories = {
            CareCategory.CONSULTATION: self.tr("GP consultations"),
            CareCategory.SPECIALIST: self.tr("Specialists"),
            CareCategory.PHARMACY: self.tr("Pharmacy"),
            CareCategory.PARAMEDICAL: self.tr("Paramedical care"),
            CareCategory.TRANSPORT: self.tr("Transport"),
            CareCategory.HOSPITAL: self.tr("Hospital"),
            CareCategory.DENTAL: self.tr("Dental care"),
            CareCategory.OPTICAL: self.tr("Optical"),
            CareCategory.LAB: self.tr("Laboratory"),
            CareCategory.IMAGING: self.tr("Imaging"),
        }
        for category, label in categories.items():
            self.category.addItem(label, category)
        self.status = QComboBox(self)
        self.status.setToolTip(self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Paid"), ReimbursementStatus.PAID)
        self.status.addItem(self.tr("Pending"), ReimbursementStatus.PENDING)
        self.status.addItem(self.tr("Rejected"), ReimbursementStatus.REJECTED)
        self.professional = QComboBox(self)
        self.professional.setToolTip(self.tr("Professional"))
        self.professional.setMinimumContentsLength(18)
        self.set_overview(None)

        period = QLabel(self.tr("&Care from"), self)
        period.setBuddy(self.date_from)
        to = QLabel(self.tr("to"), self)
        who = QLabel(self.tr("&For"), self)
        who.setBuddy(self.beneficiary)
        # Two rows, and lists that may be narrower than their longest entry (they show it
        # when opened): on one row the bar alone was wider than the member file at 1280 px.
        for combo, length in (
            (self.beneficiary, 16),
            (self.category, 14),
            (self.status, 12),
            (self.professional, 18),
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(length)
        when = QHBoxLayout()
        widgets: list[QWidget] = [period, self.date_from, to, self.date_to, self.reset_period]
        for widget in widgets:
            when.addWidget(widget)
        when.addSpacing(12)
        when.addWidget(who)
        when.addWidget(self.beneficiary, 1)
        what = QHBoxLayout()
        what.addWidget(self.category, 1)
        what.addWidget(self.status, 1)
        what.addWidget(self.professional, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(when)
        layout.addLayout(what)

        self.date_from.dateChanged.connect(self.changed)
        self.date_to.dateChanged.connect(self.changed)
        for combo in (self.beneficiary, self.category, self.status, self.professional):
            combo.currentIndexChanged.connect(self.changed)

    def set_overview(self, overview: ReimbursementOverview | None) -> None:
        """Fill the beneficiaries and professionals, and the default period (27 months)."""
        blocked: list[QWidget] = [self, self.beneficiary, self.professional, self.date_from]
        for w in blocked:
            w.blockSignals(True)
        try:
            self.beneficiary.clear()
            self.beneficiary.addItem(self.tr("Everyone"), None)
            self.professional.clear()
            self.professional.addItem(self.tr("All professionals"), None)
            if overview is not None:
                for b in overview.beneficiaries:
                    self.beneficiary.addItem(f"{b.rank:02d} — {b.name}", b.rank)
                for p in overview.professionals:
                    self.professional.addItem(f"{p.name} ({p.specialty})", p.id)
                self._default_from = overview.default_from
            self.date_from.setDate(_qdate(self._default_from))
        finally:
            for w in blocked:
                w.blockSignals(False)

    def reset(self) -> None:
        self.date_from.setDate(_qdate(self._default_from))
        self.date_to.setDate(_qdate(date.today()))

    def select_rank(self, rank: int | None) -> None:
        self.beneficiary.setCurrentIndex(max(0, self.beneficiary.findData(rank)))

    def apply_to(self, current: ReimbursementFilter) -> ReimbursementFilter:
        category = self.category.currentData()
        status = self.status.currentData()
        return dataclasses.replace(
            current,
            care_from=_pydate(self.date_from.date()),
            care_to=_pydate(self.date_to.date()),
            rank=self.beneficiary.currentData(),
            categories=(category,) if category is not None else (),
            statuses=(status,) if status is not None else (),
            professional_id=self.professional.currentData(),
        )
