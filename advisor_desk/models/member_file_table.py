"""A read-only table model over frozen dataclass rows, with per-row emphasis (bold, dimmed)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole  # the row's dataclass, for the views


@dataclass(frozen=True)
class Col(Generic[R]):
    title: str
    text: Callable[[R], str]
    right: bool = False  # numbers and amounts
    tooltip: Callable[[R], str] | None = None


class DtoTableModel(QAbstractTableModel, Generic[R]):
    """Rows replaced as a whole by `set_rows`, emptied by `clear` (nothing kept after)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cols: list[Col[R]] = self.columns()
        self._rows: list[R] = []

    # Subclasses: the columns, and which rows stand out.
    def columns(self) -> list[Col[R]]:
        raise NotImplementedError

    def emphasized(self, row: R) -> bool:
        return False

    def dimmed(self, row: R) -> bool:
        return False

    # --

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._cols)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._cols)):
            return None
        row = self._rows[index.row()]
        col = self._cols[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(row) if col.tooltip is not None else col.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.emphasized(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self.dimmed(row):
            return QGuiApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._cols)
        ):
            return self._cols[section].title
        return None
