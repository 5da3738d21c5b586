"""Typed access to the QSettings the app keeps (theme, idle delay, database, geometry)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

ORGANIZATION = "CPAM"
APPLICATION = "advisor-desk"

THEMES = ("light", "dark")
SEED_PENDING_KEY = "demo/seed_pending"  # a first-start demo seed was interrupted
DEFAULT_IDLE_S = 5 * 60
MIN_IDLE_S = 60
MAX_IDLE_S = 4 * 60 * 60


class Settings(QObject):
    """The app's preferences, read and written through one QSettings."""

    theme_changed = Signal(str)
    idle_delay_changed = Signal(int)

    def __init__(self, qsettings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # QSettings() takes the organisation and application names set on the QApplication.
        self._s = qsettings if qsettings is not None else QSettings()

    def sync(self) -> None:
        self._s.sync()

    def _str(self, key: str, default: str = "") -> str:
        value = self._s.value(key, default)
        return value if isinstance(value, str) else default

    def _int(self, key: str, default: int) -> int:
        value = self._s.value(key, default)
        if isinstance(value, int):
            return value
        try:
            return int(str(value))
        except ValueError:
            return default

    @property
    def theme(self) -> str:
        value = self._str("ui/theme", "light")
        return value if value in THEMES else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(value)
        if value != self.theme:
            self._s.setValue("ui/theme", value)
            self.theme_changed.emit(value)

    @property
    def idle_delay_s(self) -> int:
        return max(MIN_IDLE_S, min(MAX_IDLE_S, self._int("session/idle_seconds", DEFAULT_IDLE_S)))

    @idle_delay_s.setter
    def idle_delay_s(self, value: int) -> None:
        value = max(MIN_IDLE_S, min(MAX_IDLE_S, int(value)))
        if value != self.idle_delay_s:
            self._s.setValue("session/idle_seconds", value)
            self.idle_delay_changed.emit(value)

    @property
    def database_url(self) -> str:
        """Empty: the embedded database. Read at start-up only."""
        return self._str("connection/database_url").strip()

    @database_url.setter
    def database_url(self, value: str) -> None:
        self._s.setValue("connection/database_url", value.strip())

    @property
    def server_url(self) -> str:
        """Empty: no server (direct database access). Read at start-up only."""
        return self._str("connection/server_url").strip()

    @server_url.setter
    def server_url(self, value: str) -> None:
        self._s.setValue("connection/server_url", value.strip())

    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    @property
    def demo_seed_pending(self) -> bool:
        return bool(self._s.value(SEED_PENDING_KEY, False, type=bool))


def set_demo_seed_pending(pending: bool) -> None:
    """Callable from a worker thread: a QSettings of its own (they are reentrant, not shared)."""
    qsettings = QSettings()
    qsettings.setValue(SEED_PENDING_KEY, pending)
    qsettings.sync()
