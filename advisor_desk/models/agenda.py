"""Table models of the appointments: an agenda (day or week) and offices offered to a member."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from advisor_desk.backend.appointments_dto import AppointmentView, OfficeChoice
from advisor_desk.domain.enums import AppointmentStatus

PARIS = ZoneInfo("Europe/Paris")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

WEEKDAYS = (
    QT_TRANSLATE_NOOP("agenda", "Mon"),
    QT_TRANSLATE_NOOP("agenda", "Tue"),
    QT_TRANSLATE_NOOP("agenda", "Wed"),
    QT_TRANSLATE_NOOP("agenda", "Thu"),
    QT_TRANSLATE_NOOP("agenda", "Fri"),
    QT_TRANSLATE_NOOP("agenda", "Sat"),
    QT_TRANSLATE_NOOP("agenda", "Sun"),
)
CANCELLED = (AppointmentStatus.EXCUSED, AppointmentStatus.REVOKED, AppointmentStatus.NOSHOW)


def _tr(text: str) -> str:
    return QCoreApplication.translate("agenda", text)


def status_label(status: AppointmentStatus) -> str:
    labels = {
        AppointmentStatus.UNKNOWN: QCoreApplication.translate("agenda", "Booked"),
        AppointmentStatus.WAITING: QCoreApplication.translate("agenda", "Waiting"),
        AppointmentStatus.SEEN: QCoreApplication.translate("agenda", "Seen"),
        AppointmentStatus.EXCUSED: QCoreApplication.translate("agenda", "Cancelled by the member"),
        AppointmentStatus.REVOKED: QCoreApplication.translate("agenda", "Cancelled by the office"),
        AppointmentStatus.NOSHOW: QCoreApplication.translate("agenda", "No-show"),
    }
    return labels[status]


def local_time(at: datetime) -> str:
    return at.astimezone(PARIS).strftime("%H:%M")


def local_day_time(at: datetime) -> str:
    local = at.astimezone(PARIS)
    return f"{_tr(str(WEEKDAYS[local.weekday()]))} {local:%d/%m %H:%M}"


def waiting_text(a: AppointmentView, now: datetime) -> str:
    """Minutes in the waiting room (while waiting), or how long they waited (once seen)."""
    if a.arrived_at is None:
        return ""
    end = a.seen_at if a.seen_at is not None else now
    minutes = max(0, int((end - a.arrived_at).total_seconds() // 60))
    return QCoreApplication.translate("agenda", "{n} min").format(n=minutes)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None


class _RowsModel(QAbstractTableModel, Generic[R]):
    """Read-only rows of frozen dataclasses, replaced as a whole."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key is not None else column.text(row)
        if role == ROW_ROLE:
            return row
        return self._extra(row, role)

    def _extra(self, row: R, role: int) -> Any:
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None


class AgendaModel(_RowsModel[AppointmentView]):
    """Appointments of a day or a week; cancelled ones greyed, waiting members in bold."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        week: bool = False,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self._now = now or (lambda: datetime.now(PARIS))
        when = local_day_time if week else local_time
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("agenda", "Time"),
                    lambda a: when(a.starts_at),
                    lambda a: a.starts_at.isoformat(),
                ),
                Column(QCoreApplication.translate("agenda", "Member"), lambda a: a.member_name),
                Column(QCoreApplication.translate("agenda", "Reason"), lambda a: a.reason_label),
                Column(QCoreApplication.translate("agenda", "Advisor"), lambda a: a.advisor_name),
                Column(QCoreApplication.translate("agenda", "Office"), lambda a: a.office_name),
                Column(
                    QCoreApplication.translate("agenda", "Status"), lambda a: status_label(a.status)
                ),
                Column(
                    QCoreApplication.translate("agenda", "Wait time"),
                    lambda a: waiting_text(a, self._now()),
                ),
            ],
            parent,
        )

    def _extra(self, row: AppointmentView, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status in CANCELLED:
            return QBrush(QColor("#808080"))
        if role == Qt.ItemDataRole.FontRole and row.status is AppointmentStatus.WAITING:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def index_of(self, appointment_id: int) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == appointment_id), -1)


class OfficeChoicesModel(_RowsModel[OfficeChoice]):
    """Offices by distance from the member, with accessibility and the first free slot."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("agenda", "Office"),
                    lambda c: f"{c.office.name} ({c.office.city})",
                ),
                Column(
                    QCoreApplication.translate("agenda", "Distance"),
                    lambda c: (
                        "—"
                        if c.distance_km is None
                        else QLocale().toString(c.distance_km, "f", 1) + " km"
                    ),
                    lambda c: c.distance_km if c.distance_km is not None else 1e9,
                ),
                Column(
                    QCoreApplication.translate("agenda", "Accessible"),
                    lambda c: (
                        QCoreApplication.translate("agenda", "Yes")
                        if c.office.pmr
                        else QCoreApplication.translate("agenda", "No")
                    ),
                ),
                Column(
                    QCoreApplication.translate("agenda", "First free slot"),
                    lambda c: (
                        local_day_time(c.first_slots[0].starts_at)
                        if c.first_slots
                        else QCoreApplication.translate("agenda", "None")
                    ),
                ),
            ],
            parent,
        )
