"""Combo boxes refilled in the background without losing the choice, and the "office"
filter of the work queues built on them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from advisor_desk.backend.declarations_dto import OfficeRef
from advisor_desk.ui.context import AppContext, Topics


def refill_combo(combo: QComboBox, items: Iterable[tuple[str, object]]) -> None:
    """Replace the items (text, data); the item chosen before stays chosen if still there.

    Signals are held meanwhile: a refill is not a choice of the user's.
    """
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
    finally:
        combo.blockSignals(False)


class OfficeFilter(QComboBox):
    """All offices, then each active office by name, listed in the background.

    Without the list the queue still works (the filter stays on "All offices"); it is asked
    again when the connection comes back.
    """

    def __init__(
        self,
        app: AppContext,
        fetch: Callable[[], list[OfficeRef]],
        key: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._fetch = fetch
        self._key = key
        self._wanted = False  # load() was asked for (a screen without the right never does)
        self.addItem(_all_offices(), None)
        app.bus.changed.connect(self._bus_changed)

    def load(self) -> None:
        self._wanted = True
        self._app.ops.call(
            self._fetch,
            on_success=self.fill,
            on_failure=lambda _error: None,
            key=self._key,
            owner=self,
        )

    def fill(self, offices: list[OfficeRef]) -> None:
        refill_combo(
            self,
            [(_all_offices(), None), *((f"{o.name} ({o.city})", o.id) for o in offices)],
        )

    def office_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def _bus_changed(self, topic: str, _payload: object) -> None:
        if topic == Topics.CONNECTION_RESTORED and self._wanted and self.count() <= 1:
            self.load()


def _all_offices() -> str:
    return QCoreApplication.translate("office_filter", "All offices")
