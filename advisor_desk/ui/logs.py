"""The rotating log file in the user log dir, where unexpected errors are written."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from advisor_desk.paths import log_dir

LOG_FILE_NAME = "advisor-desk.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 5

_handler: logging.handlers.RotatingFileHandler | None = None


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def ensure_file_logging(level: int = logging.INFO) -> Path:
    """Attach the rotating file handler to the root logger once; returns the file's path."""
    global _handler
    path = log_file()
    if _handler is not None and Path(_handler.baseFilename) == path:
        return path
    root = logging.getLogger()
    if _handler is not None:
        # The data dir moved (tests point ADVISOR_DESK_DATA_DIR elsewhere): follow it.
        root.removeHandler(_handler)
        _handler.close()
    _handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
    )
    _handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(_handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


# The offscreen platform (smoke test, benchmarks, screenshots) cannot honour size hints.
_QT_NOISE = ("This plugin does not support propagateSizeHints",)
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if not message.startswith(_QT_NOISE):
        logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), message)


def route_qt_messages() -> None:
    """Qt's own warnings go to the log file rather than the terminal."""
    qInstallMessageHandler(_qt_message)
