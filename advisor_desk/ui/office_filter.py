"""The "office" filter of the work queues: a combo filled in the background, kept on refill."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from advisor_desk.backend.declarations_dto import OfficeRef


def fill_office_combo(combo: QComboBox, offices: list[OfficeRef]) -> None:
    """All offices first, then each by name; the office chosen before stays chosen."""
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(QCoreApplication.translate("office_filter", "All offices"), None)
        for office in offices:
            combo.addItem(f"{office.name} ({office.city})", office.id)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
    finally:
        combo.blockSignals(False)
