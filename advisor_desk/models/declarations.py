"""The declarations queue as a Qt table model: one row per request, overdue ones highlighted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from advisor_desk.backend.declarations_dto import DeclarationRow
from advisor_desk.domain.declarations import KIND_TITLES_FR
from advisor_desk.domain.declarations.workflow import STATE_LABELS_FR
from advisor_desk.models.table import Column, Index, RowTableModel

OVERDUE_BACKGROUND = QColor(255, 228, 220)


def queue_columns() -> list[Column[DeclarationRow]]:
    return [
        Column(QCoreApplication.translate("DeclarationQueueModel", "Number"), lambda r: r.number),
        Column(
            QCoreApplication.translate("DeclarationQueueModel", "Member"), lambda r: r.member_name
        ),
        Column(
            QCoreApplication.translate("DeclarationQueueModel", "Kind"),
            lambda r: KIND_TITLES_FR[r.kind],
        ),
        Column(
            QCoreApplication.translate("DeclarationQueueModel", "State"),
            lambda r: STATE_LABELS_FR[r.state],
        ),
        Column(
            QCoreApplication.translate("DeclarationQueueModel", "Filed"),
            lambda r: r.filed_at.strftime("%d/%m/%Y"),
            sort_key=lambda r: r.filed_at,
        ),
        Column(
            QCoreApplication.translate("DeclarationQueueModel", "Age (days)"),
            lambda r: str(r.age_days),
            sort_key=lambda r: r.age_days,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("DeclarationQueueModel", "Expected"),
            lambda r: r.estimated_on.strftime("%d/%m/%Y") if r.estimated_on else "",
            sort_key=lambda r: r.estimated_on.toordinal() if r.estimated_on else 0,
        ),
        Column(
            QCoreApplication.translate("DeclarationQueueModel", "Agent"),
            lambda r: r.assigned_agent_name or "",
        ),
    ]


class DeclarationQueueModel(RowTableModel[DeclarationRow]):
    """Rows of `declarations.queue`; a request past its expected date is shown tinted and bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(queue_columns(), parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole)
            and index.isValid()
            and 0 <= index.row() < self.rowCount()
            and self.row_at(index.row()).overdue
        ):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(OVERDUE_BACKGROUND)
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)

    def row_index_of(self, declaration_id: int) -> int | None:
        for i, row in enumerate(self.rows):
            if row.id == declaration_id:
                return i
        return None
