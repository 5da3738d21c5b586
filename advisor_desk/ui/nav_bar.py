"""The navigation list on the left of the main window: one entry per screen the role may open."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

_KEY_ROLE = Qt.ItemDataRole.UserRole


class NavBar(QListWidget):
    """Emits `selected(key)` when the advisor picks an entry (mouse or arrow keys)."""

    selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navBar")
        self.setAccessibleName(self.tr("Navigation"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.currentItemChanged.connect(self._on_current)

    def add_entry(self, key: str, title: str, shortcut: str | None = None) -> None:
        item = QListWidgetItem(title, self)
        item.setData(_KEY_ROLE, key)
        item.setSizeHint(QSize(0, 40))
        if shortcut:
            item.setToolTip(f"{title} ({shortcut})")

    def keys(self) -> list[str]:
        return [str(self.item(i).data(_KEY_ROLE)) for i in range(self.count())]

    def titles(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def current_key(self) -> str | None:
        item = self.currentItem()
        return str(item.data(_KEY_ROLE)) if item is not None else None

    def set_current_key(self, key: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(_KEY_ROLE) == key:
                self.setCurrentRow(i)
                return

    def sizeHint(self) -> QSize:
        return QSize(200, super().sizeHint().height())

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.selected.emit(current.data(_KEY_ROLE))
