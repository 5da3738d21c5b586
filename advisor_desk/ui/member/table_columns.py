"""Column widths that show whole header titles (the theme draws them in capitals) and contents."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

HEADER_PADDING = 56  # the theme's section padding and the sort arrow


def fit_columns(view: QTableView, max_width: int = 260) -> None:
    """Each column as wide as its title in capitals or its loaded contents, at most max_width."""
    model = view.model()
    if model is None:
        return
    header = view.horizontalHeader()
    font = QFont(header.font())
    font.setCapitalization(QFont.Capitalization.AllUppercase)
    metrics = QFontMetrics(font)
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        lines = title.upper().splitlines() or [""]
        title_width = max(metrics.horizontalAdvance(line) for line in lines) + HEADER_PADDING
        contents = view.sizeHintForColumn(column)
        view.setColumnWidth(column, min(max(title_width, contents), max(max_width, title_width)))
