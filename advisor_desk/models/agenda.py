"""Table models of the appointments: an agenda (day or week) and offices offered to a member."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from advisor_desk.backend.appointments_dto import AppointmentView, OfficeChoice
from advisor_desk.domain.enums import AppointmentStatus
from advisor_desk.models.table import Column, RowTableModel

PARIS = ZoneInfo("Europe/Paris")

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


class _RowsModel(RowTableModel[R]):
    """Read-only rows of frozen dataclasses, replaced as a whole."""


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
