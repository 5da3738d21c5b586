"""Down in a search field goes to its results, as in the member search."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit


class DownToResults(QObject):
    """Installed on `field`: Down gives the focus to `results` (the first row selected if none
    is), when they hold any; otherwise the key is the field's."""

    def __init__(self, field: QLineEdit, results: QAbstractItemView) -> None:
        super().__init__(field)
        self._results = results
        field.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if not (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            return False
        model = self._results.model()
        if model is None or not model.rowCount():
            return False
        self._results.setFocus(Qt.FocusReason.ShortcutFocusReason)
        selection = self._results.selectionModel()
        if selection is not None and not selection.hasSelection():
            self._results.setCurrentIndex(model.index(0, 0))
        return True
