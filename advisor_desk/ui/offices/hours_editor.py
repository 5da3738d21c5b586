"""The weekly opening hours of an office: one line per weekday, several ranges allowed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from advisor_desk.backend.appointments_dto import OfficeHoursRange, OfficeInfo
from advisor_desk.models.offices import (
    hours_ranges,
    hours_text,
    parse_hours,
    week_hours,
    weekday_name,
)


class HoursEditor(QWidget):
    """`08:30-12:00, 13:30-16:30` per day; an empty line is a closed day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hoursEditor")
        self.days: list[QLineEdit] = []
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(2)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        tip = self.tr("Opening ranges, e.g. 08:30-12:00, 13:30-16:30; empty: closed all day")
        for weekday in range(7):
            edit = QLineEdit(self)
            edit.setObjectName(f"hoursDay{weekday}")
            edit.setPlaceholderText(self.tr("closed"))
            edit.setToolTip(tip)
            form.addRow(self.tr("{day}:").format(day=weekday_name(weekday)), edit)
            self.days.append(edit)

    def set_office(self, office: OfficeInfo | None) -> None:
        week = week_hours(office) if office is not None else {}
        for weekday, edit in enumerate(self.days):
            edit.setText(hours_text(week.get(weekday, [])))

    def ranges(self) -> list[OfficeHoursRange]:
        """The typed week; ValueError(weekday) on the first unreadable line."""
        week = {}
        for weekday, edit in enumerate(self.days):
            try:
                week[weekday] = parse_hours(edit.text())
            except ValueError:
                raise ValueError(weekday) from None
        return hours_ranges(week)
