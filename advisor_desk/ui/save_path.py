"""Where to save a file the advisor takes away: asked, proposed in their documents folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """The path chosen for `suggested` (a file name) in the documents folder; "" if cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested), file_filter)
    return path
