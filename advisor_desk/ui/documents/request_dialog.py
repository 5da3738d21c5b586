"""Asks for what a document needs: a period (IJ), a year (tax), a month, a beneficiary (CEAM)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.documents_dto import DOCUMENT_TITLES_FR
from advisor_desk.backend.reimbursements_dto import Beneficiary
from advisor_desk.domain.enums import DocumentKind
from advisor_desk.models.reimbursements import month_label

from .request import DocumentRequest


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class DocumentRequestDialog(QDialog):
    """One form per kind; `request()` gives the DocumentRequest once accepted."""

    def __init__(
        self,
        kind: DocumentKind,
        beneficiaries: list[Beneficiary],
        parent: QWidget | None = None,
        *,
        month: tuple[int, int] | None = None,
        months_online: int = 27,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentRequestDialog")
        self.kind = kind
        today = today or date.today()
        self.setWindowTitle(DOCUMENT_TITLES_FR.get(kind, kind.value))
        form = QFormLayout()
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        self.year = QSpinBox(self)
        self.month = QComboBox(self)
        self.beneficiary = QComboBox(self)
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy")
        if kind is DocumentKind.IJ_CERTIFICATE:
            self.start.setDate(_qdate(today.replace(day=1) - timedelta(days=365)))
            self.end.setDate(_qdate(today))
            form.addRow(self.tr("&From:"), self.start)
            form.addRow(self.tr("&To:"), self.end)
        elif kind is DocumentKind.TAX_STATEMENT:
            self.year.setRange(2000, today.year)
            self.year.setValue(today.year - 1)
            form.addRow(self.tr("Income &year:"), self.year)
        elif kind is DocumentKind.MONTHLY_STATEMENT:
            y, m = today.year, today.month
            for _ in range(months_online):
                self.month.addItem(month_label(y, m), (y, m))
                y, m = (y, m - 1) if m > 1 else (y - 1, 12)
            if month is not None:
                i = self.month.findData(month)
                self.month.setCurrentIndex(max(0, i))
            else:
                self.month.setCurrentIndex(min(1, self.month.count() - 1))
            form.addRow(self.tr("&Month of the payments:"), self.month)
        elif kind is DocumentKind.EHIC_PROVISIONAL:
            for b in beneficiaries:
                self.beneficiary.addItem(f"{b.rank:02d} — {b.name}", b.rank)
            self.start.setDate(_qdate(today))
            self.start.setMinimumDate(_qdate(today))
            form.addRow(self.tr("&Beneficiary:"), self.beneficiary)
            form.addRow(self.tr("Valid &from:"), self.start)
            note = QLabel(self.tr("The certificate is valid for 3 months."), self)
            form.addRow("", note)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("&Issue"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def request(self) -> DocumentRequest:
        kind = self.kind
        if kind is DocumentKind.IJ_CERTIFICATE:
            return DocumentRequest(
                kind, start=_pydate(self.start.date()), end=_pydate(self.end.date())
            )
        if kind is DocumentKind.TAX_STATEMENT:
            return DocumentRequest(kind, year=self.year.value())
        if kind is DocumentKind.MONTHLY_STATEMENT:
            y, m = self.month.currentData()
            return DocumentRequest(kind, year=y, month=m)
        if kind is DocumentKind.EHIC_PROVISIONAL:
            return DocumentRequest(
                kind,
                rank=int(self.beneficiary.currentData() or 1),
                start=_pydate(self.start.date()),
            )
        return DocumentRequest(kind)
