"""The period selector of the Supervision screen: today, this week, this month, or custom."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from advisor_desk.domain.slots import paris_day

TODAY, WEEK, MONTH, CUSTOM = "today", "week", "month", "custom"


def period_of(preset: str, today: date) -> tuple[date, date]:
    """The (first, last) day of a preset period ending today."""
    if preset == TODAY:
        return today, today
    if preset == WEEK:
        return today - timedelta(days=today.weekday()), today
    if preset == MONTH:
        return today.replace(day=1), today
    raise ValueError(preset)


class PeriodBar(QWidget):
    """Emits `changed(first, last)` when the advisor picks another period.

    Days are Europe/Paris days, like the backend's; the presets are recomputed from the clock
    each time one is applied, so a screen left open overnight moves on to the new day.
    """

    changed = Signal(object, object)

    def __init__(
        self, parent: QWidget | None = None, now: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now or (lambda: datetime.now(UTC))
        self.preset = QComboBox(self)
        self.preset.setObjectName("supervisionPeriod")
        for text, key in (
            (self.tr("Today"), TODAY),
            (self.tr("This week"), WEEK),
            (self.tr("This month"), MONTH),
            (self.tr("Custom"), CUSTOM),
        ):
            self.preset.addItem(text, key)
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
        label = QLabel(self.tr("&Period:"), self)
        label.setBuddy(self.preset)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.preset)
        layout.addWidget(self.first)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.last)
        self.preset.setCurrentIndex(1)
        self._show(*period_of(WEEK, self.today()))
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.first.dateChanged.connect(self._custom_changed)
        self.last.dateChanged.connect(self._custom_changed)

    def today(self) -> date:
        # The backend counts Europe/Paris days: the fund's day, not the workstation's.
        return paris_day(self._now())

    def refresh(self) -> None:
        """Recompute a preset period from the clock (the day may have changed)."""
        preset = str(self.preset.currentData())
        if preset != CUSTOM:
            self._show(*period_of(preset, self.today()))

    def period(self) -> tuple[date, date]:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return (first, last) if first <= last else (last, first)

    def select(self, preset: str) -> None:
        index = self.preset.findData(preset)
        if index >= 0:
            self.preset.setCurrentIndex(index)

    def set_custom(self, first: date, last: date) -> None:
        self.select(CUSTOM)
        self._show(first, last)
        self.changed.emit(*self.period())

    def _show(self, first: date, last: date) -> None:
        for edit, value in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.blockSignals(False)

    def _preset_changed(self) -> None:
        preset = str(self.preset.currentData())
        custom = preset == CUSTOM
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        if not custom:
            self._show(*period_of(preset, self.today()))
        self.changed.emit(*self.period())

    def _custom_changed(self) -> None:
        if self.preset.currentData() == CUSTOM:
            self.changed.emit(*self.period())
