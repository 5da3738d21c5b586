"""ADVISOR_DESK_STARTUP_MARK=1: print when the window is first painted, and when ready, then quit."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QObject

from .main_window import MainWindow
from .paint_probe import on_first_paint

ENV_VAR = "ADVISOR_DESK_STARTUP_MARK"
_T0 = time.monotonic()  # fallback origin: when this module was imported


def enabled() -> bool:
    return os.environ.get(ENV_VAR) == "1"


def ms_since_process_start() -> float:
    """Milliseconds since the process started (Linux /proc; else since this module loaded)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rpartition(")")[2].split()
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return (uptime - started) * 1000
    except (OSError, ValueError, IndexError):
        return (time.monotonic() - _T0) * 1000


class StartupMarks(QObject):
    """'painted <ms>' at the window's first paint; 'ready <ms>' once the session's home is
    painted (with --demo-login), then the app quits."""

    def __init__(self, window: MainWindow, wait_for_session: bool) -> None:
        super().__init__(window)
        self._window = window
        self._wait = wait_for_session
        window.first_painted.connect(self._painted)
        window.session_opened.connect(self._session_opened)

    def _print(self, what: str) -> None:
        print(f"{what} {ms_since_process_start():.0f}", flush=True)
        sys.stdout.flush()

    def _painted(self) -> None:
        self._print("painted")
        if not self._wait:
            QCoreApplication.exit(0)

    def _session_opened(self) -> None:
        workspace = self._window.workspace
        if workspace is None:
            return
        on_first_paint(workspace, self._ready)

    def _ready(self) -> None:
        self._print("ready")
        QCoreApplication.exit(0)
