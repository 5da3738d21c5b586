"""Deductibles per year (withheld, owed, paid, caps) and the debts left by tiers-payant care."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from advisor_desk.backend.reimbursements_dto import DebtLine, DeductibleYear
from advisor_desk.domain.enums import DeductibleKind
from advisor_desk.domain.money import format_eur

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def cap_text(counted: int, cap: int) -> str:
    if counted >= cap:
        return QCoreApplication.translate(
            "DeductiblesModel", "{counted} of {cap} — cap reached"
        ).format(counted=format_eur(counted), cap=format_eur(cap))
    return QCoreApplication.translate("DeductiblesModel", "{counted} of {cap}").format(
        counted=format_eur(counted), cap=format_eur(cap)
    )


class DeductibleYearsModel(QAbstractTableModel):
    """One row per year, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DeductibleYear] = []

    def set_rows(self, rows: list[DeductibleYear]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DeductibleYear:
        return self._rows[row]

    def _titles(self) -> list[str]:
        return [
            QCoreApplication.translate("DeductiblesModel", "Year"),
            QCoreApplication.translate("DeductiblesModel", "Participation\nwithheld"),
            QCoreApplication.translate("DeductiblesModel", "Participation\nowed"),
            QCoreApplication.translate("DeductiblesModel", "Participation\ncap"),
            QCoreApplication.translate("DeductiblesModel", "Franchises\nwithheld"),
            QCoreApplication.translate("DeductiblesModel", "Franchises\nowed"),
            QCoreApplication.translate("DeductiblesModel", "Franchise\ncap"),
            QCoreApplication.translate("DeductiblesModel", "Paid"),
            QCoreApplication.translate("DeductiblesModel", "Still\nowed"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 9

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        y = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                str(y.year),
                format_eur(y.participation_withheld_cents),
                format_eur(y.participation_owed_cents),
                cap_text(y.participation_counted_cents, y.participation_cap_cents),
                format_eur(y.franchise_withheld_cents),
                format_eur(y.franchise_owed_cents),
                cap_text(y.franchise_counted_cents, y.franchise_cap_cents),
                format_eur(y.participation_paid_cents + y.franchise_paid_cents),
                format_eur(y.balance_cents),
            ]
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == 8 and y.balance_cents > 0:
            return QBrush(QColor("#b3261e"))
        if role == ROW_ROLE:
            return y
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < 9):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return _RIGHT
        return None


class DebtsModel(QAbstractTableModel):
    """The amounts owed after tiers-payant care, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DebtLine] = []

    def set_rows(self, rows: list[DebtLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        d = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            kind = (
                QCoreApplication.translate("DeductiblesModel", "Participation")
                if d.kind is DeductibleKind.PARTICIPATION
                else QCoreApplication.translate("DeductiblesModel", "Franchise")
            )
            values = [
                d.on.strftime("%d/%m/%Y"),
                kind,
                d.act_label or "—",
                format_eur(d.amount_cents),
            ]
            return values[col] if 0 <= col < 4 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return _RIGHT
        if role == ROW_ROLE:
            return d
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < 4):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("DeductiblesModel", "Date"),
                QCoreApplication.translate("DeductiblesModel", "Kind"),
                QCoreApplication.translate("DeductiblesModel", "Care"),
                QCoreApplication.translate("DeductiblesModel", "Amount"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == 3:
            return _RIGHT
        return None
