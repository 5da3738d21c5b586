"""Locks the session after a delay without keyboard or mouse input anywhere in the app."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """An event filter on the QApplication: `idle` fires after `delay_ms` without input."""

    idle = Signal()

    def __init__(self, delay_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._delay_ms = delay_ms
        self._last_input = time.monotonic()
        self._running = False
        # One timer re-armed lazily: restarting a QTimer on every mouse move would be wasteful.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)

    @property
    def delay_ms(self) -> int:
        return self._delay_ms

    def set_delay_ms(self, delay_ms: int) -> None:
        self._delay_ms = delay_ms
        if self._running:
            self._timer.start(self._remaining_ms())

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._running:
            app.installEventFilter(self)
        self._running = True
        self._last_input = time.monotonic()
        self._timer.start(self._delay_ms)

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._running:
            app.removeEventFilter(self)
        self._running = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _remaining_ms(self) -> int:
        elapsed_ms = (time.monotonic() - self._last_input) * 1000
        return max(0, int(self._delay_ms - elapsed_ms))

    def _check(self) -> None:
        if not self._running:
            return
        remaining = self._remaining_ms()
        if remaining > 0:
            self._timer.start(remaining)
            return
        self.stop()
        self.idle.emit()
