"""Call back once a widget has been painted (start-up marks, screenshots)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _PaintProbe(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # After the whole paint pass: the children are painted in the same pass.
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        callback = self._callback
        self.deleteLater()
        callback()


def on_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """`callback()` runs once, just after the next paint of `widget`."""
    _PaintProbe(widget, callback)
