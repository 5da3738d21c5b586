"""Table models of the office settings: offices, reasons, schedules, closures, absences."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from advisor_desk.backend.appointments_dto import (
    AbsenceInfo,
    ClosureInfo,
    HolidayInfo,
    OfficeHoursRange,
    OfficeInfo,
    ReasonInfo,
    ScheduleInfo,
)
from advisor_desk.domain.enums import AppointmentChannel
from advisor_desk.models.table import Column, RowTableModel

PARIS = ZoneInfo("Europe/Paris")
GREY = "#808080"

WEEKDAYS = (
    QT_TRANSLATE_NOOP("offices", "Monday"),
    QT_TRANSLATE_NOOP("offices", "Tuesday"),
    QT_TRANSLATE_NOOP("offices", "Wednesday"),
    QT_TRANSLATE_NOOP("offices", "Thursday"),
    QT_TRANSLATE_NOOP("offices", "Friday"),
    QT_TRANSLATE_NOOP("offices", "Saturday"),
    QT_TRANSLATE_NOOP("offices", "Sunday"),
)

# 08:30, 8h30 or 8h (not a bare 8: a typo as likely as a time).
_TIME = r"(\d{1,2})(?::(\d{2})|h(\d{2})?)"
_RANGE = re.compile(rf"^{_TIME}\s*[-–]\s*{_TIME}$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("offices", text)


def weekday_name(weekday: int) -> str:
    return _tr(str(WEEKDAYS[weekday]))


def channel_label(channel: AppointmentChannel) -> str:
    labels = {
        AppointmentChannel.OFFICE: QCoreApplication.translate("offices", "At the office"),
        AppointmentChannel.PHONE: QCoreApplication.translate("offices", "By phone"),
        AppointmentChannel.VIDEO: QCoreApplication.translate("offices", "By video"),
    }
    return labels[channel]


def day_text(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def hours_text(ranges: Iterable[tuple[time, time]]) -> str:
    """`08:30-12:00, 13:30-16:30`: one weekday's opening ranges as the hours editor shows them."""
    return ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in ranges)


def parse_hours(text: str) -> list[tuple[time, time]]:
    """The ranges typed for one weekday (`8h30-12h00, 13:30-16:30`); ValueError when unreadable.

    Order and overlaps are the backend's to check: it names the day in its message.
    """
    ranges: list[tuple[time, time]] = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        match = _RANGE.match(part)
        if match is None:
            raise ValueError(part)
        h1, a1, b1, h2, a2, b2 = match.groups()
        try:
            ranges.append((time(int(h1), int(a1 or b1 or 0)), time(int(h2), int(a2 or b2 or 0))))
        except ValueError:
            raise ValueError(part) from None
    return ranges


def week_hours(office: OfficeInfo) -> dict[int, list[tuple[time, time]]]:
    week: dict[int, list[tuple[time, time]]] = {d: [] for d in range(7)}
    for h in sorted(office.hours, key=lambda h: (h.weekday, h.opens)):
        week[h.weekday].append((h.opens, h.closes))
    return week


def hours_ranges(week: Mapping[int, Sequence[tuple[time, time]]]) -> list[OfficeHoursRange]:
    return [OfficeHoursRange(d, a, b) for d in sorted(week) for a, b in week[d]]


def _status(active: bool) -> str:
    return (
        QCoreApplication.translate("offices", "Active")
        if active
        else QCoreApplication.translate("offices", "Inactive")
    )


def _grey_when_inactive(active: bool, role: int) -> Any:
    if role == Qt.ItemDataRole.ForegroundRole and not active:
        return QBrush(QColor(GREY))
    return None


class OfficesModel(RowTableModel[OfficeInfo]):
    """The reception offices, inactive ones greyed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("offices", "Code"), lambda o: o.code),
                Column(QCoreApplication.translate("offices", "Name"), lambda o: o.name),
                Column(
                    QCoreApplication.translate("offices", "Reduced mobility"),
                    lambda o: QCoreApplication.translate("offices", "Accessible") if o.pmr else "—",
                ),
                Column(
                    QCoreApplication.translate("offices", "Status"), lambda o: _status(o.active)
                ),
            ],
            parent,
        )

    def _extra(self, row: OfficeInfo, role: int) -> Any:
        return _grey_when_inactive(row.active, role)

    def index_of(self, office_id: int) -> int:
        return next((i for i, o in enumerate(self._rows) if o.id == office_id), -1)


def delay_text(reason: ReasonInfo) -> str:
    return QCoreApplication.translate("offices", "{min} h to {max} days").format(
        min=reason.min_delay_hours, max=reason.max_delay_days
    )


class ReasonsModel(RowTableModel[ReasonInfo]):
    """Appointment reasons with duration, channel and booking delays; withdrawn ones greyed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("offices", "Code"), lambda r: r.code),
                Column(QCoreApplication.translate("offices", "Label"), lambda r: r.label),
                Column(
                    QCoreApplication.translate("offices", "Duration"),
                    lambda r: QCoreApplication.translate("offices", "{n} min").format(
                        n=r.duration_min
                    ),
                    lambda r: r.duration_min,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("offices", "Channel"),
                    lambda r: channel_label(r.channel),
                ),
                Column(QCoreApplication.translate("offices", "Booking delay"), delay_text),
                Column(
                    QCoreApplication.translate("offices", "Status"), lambda r: _status(r.active)
                ),
            ],
            parent,
        )

    def _extra(self, row: ReasonInfo, role: int) -> Any:
        return _grey_when_inactive(row.active, role)

    def index_of(self, reason_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == reason_id), -1)


def recurrence_text(s: ScheduleInfo) -> str:
    if s.weekday is None:
        return QCoreApplication.translate("offices", "Once, {day}").format(
            day=day_text(s.first_day)
        )
    return QCoreApplication.translate("offices", "Every {weekday}").format(
        weekday=weekday_name(s.weekday).lower()
    )


def period_text(s: ScheduleInfo) -> str:
    if s.weekday is None:
        return day_text(s.first_day)
    if s.last_day is None:
        return QCoreApplication.translate("offices", "from {first}, no end").format(
            first=day_text(s.first_day)
        )
    return QCoreApplication.translate("offices", "{first} to {last}").format(
        first=day_text(s.first_day), last=day_text(s.last_day)
    )


class SchedulesModel(RowTableModel[ScheduleInfo]):
    """Opening ranges of the advisors; the reasons are named from `set_reasons`."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._reason_labels: dict[int, str] = {}
        super().__init__(
            [
                Column(QCoreApplication.translate("offices", "Advisor"), lambda s: s.advisor_name),
                Column(QCoreApplication.translate("offices", "Office"), lambda s: s.office_name),
                Column(
                    QCoreApplication.translate("offices", "Recurrence"),
                    recurrence_text,
                    lambda s: -1 if s.weekday is None else s.weekday,
                ),
                Column(
                    QCoreApplication.translate("offices", "Period"),
                    period_text,
                    lambda s: s.first_day.isoformat(),
                ),
                Column(
                    QCoreApplication.translate("offices", "Hours"),
                    lambda s: f"{s.start_time:%H:%M}–{s.end_time:%H:%M}",
                    lambda s: s.start_time.isoformat(),
                ),
                Column(QCoreApplication.translate("offices", "Reasons"), self._reasons_text),
            ],
            parent,
        )

    def set_reasons(self, reasons: Iterable[ReasonInfo]) -> None:
        self._reason_labels = {r.id: r.label for r in reasons}
        if self._rows:
            last = self.index(len(self._rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _reasons_text(self, s: ScheduleInfo) -> str:
        return ", ".join(self._reason_labels.get(r, f"n° {r}") for r in s.reason_ids)


@dataclass(frozen=True)
class ClosureRow:
    """A day an office is closed: a local closure (removable) or a public holiday."""

    day: date
    reason: str
    closure_id: int | None  # None: a public holiday

    @property
    def holiday(self) -> bool:
        return self.closure_id is None


def closure_rows(
    closures: Iterable[ClosureInfo], holidays: Iterable[HolidayInfo]
) -> list[ClosureRow]:
    rows = [ClosureRow(c.day, c.reason, c.id) for c in closures]
    rows += [ClosureRow(h.day, h.name, None) for h in holidays]
    return sorted(rows, key=lambda r: (r.day, r.closure_id is not None))


class ClosuresModel(RowTableModel[ClosureRow]):
    """Local closures and public holidays by date; holidays in italics (they cannot be removed)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("offices", "Date"),
                    lambda r: day_text(r.day),
                    lambda r: r.day.isoformat(),
                ),
                Column(
                    QCoreApplication.translate("offices", "Kind"),
                    lambda r: (
                        QCoreApplication.translate("offices", "Public holiday")
                        if r.holiday
                        else QCoreApplication.translate("offices", "Closure")
                    ),
                ),
                Column(QCoreApplication.translate("offices", "Reason"), lambda r: r.reason),
            ],
            parent,
        )

    def _extra(self, row: ClosureRow, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.holiday:
            font = QFont()
            font.setItalic(True)
            return font
        return None


def local_text(at: datetime) -> str:
    return f"{at.astimezone(PARIS):%d/%m/%Y %H:%M}"


class AbsencesModel(RowTableModel[AbsenceInfo]):
    """An advisor's absences, by start."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("offices", "From"),
                    lambda a: local_text(a.starts_at),
                    lambda a: a.starts_at.timestamp(),
                ),
                Column(
                    QCoreApplication.translate("offices", "To"),
                    lambda a: local_text(a.ends_at),
                    lambda a: a.ends_at.timestamp(),
                ),
                Column(QCoreApplication.translate("offices", "Reason"), lambda a: a.reason),
            ],
            parent,
        )
