"""After a BackendUnavailable, probes the backend periodically until it answers again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from .ops import OpError, OpRunner

DEFAULT_RETRY_MS = 5000


class ConnectionMonitor(QObject):
    """Emits `lost(message)` once, then `restored()` after the first probe that succeeds."""

    lost = Signal(str)
    restored = Signal()
    probing = Signal()

    def __init__(
        self,
        ops: OpRunner,
        probe: Callable[[], object],
        retry_ms: int = DEFAULT_RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._probe = probe
        self._lost = False
        self._timer = QTimer(self)
        self._timer.setInterval(retry_ms)
        self._timer.timeout.connect(self.retry_now)
        ops.unavailable.connect(self.report_lost)

    @property
    def is_lost(self) -> bool:
        return self._lost

    @property
    def retry_ms(self) -> int:
        return self._timer.interval()

    def set_retry_ms(self, retry_ms: int) -> None:
        self._timer.setInterval(retry_ms)

    def report_lost(self, message: str) -> None:
        if self._lost:
            return
        self._lost = True
        self._timer.start()
        self.lost.emit(message)

    def retry_now(self) -> None:
        if not self._lost:
            return
        self.probing.emit()
        # Parallel lane: the probe must not wait behind calls stuck on the dead connection.
        self._ops.call(
            self._probe,
            on_success=self._on_probe_ok,
            on_failure=self._on_probe_failed,
            key="connection.probe",
            owner=self,
            parallel=True,
        )

    def stop(self) -> None:
        self._timer.stop()
        self._lost = False

    def _on_probe_ok(self, _result: object) -> None:
        if self._lost:
            self._lost = False
            self._timer.stop()
            self.restored.emit()

    def _on_probe_failed(self, _error: OpError) -> None:
        # Still down (or the probe failed otherwise): the timer tries again.
        pass
