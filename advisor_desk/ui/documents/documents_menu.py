"""The Documents menu of the member file: each document kind with its shortcut, and Verify."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from advisor_desk.domain.enums import DocumentKind

SHORTCUTS: dict[DocumentKind, str] = {
    DocumentKind.RIGHTS_CERTIFICATE: "Ctrl+Shift+A",
    DocumentKind.IJ_CERTIFICATE: "Ctrl+Shift+J",
    DocumentKind.TAX_STATEMENT: "Ctrl+Shift+F",
    DocumentKind.MONTHLY_STATEMENT: "Ctrl+Shift+M",
    DocumentKind.EHIC_PROVISIONAL: "Ctrl+Shift+E",
}
VERIFY_SHORTCUT = "Ctrl+Shift+V"


class DocumentsMenu(QMenu):
    """Add `actions()` to the widget that owns the shortcuts (they work while it has focus)."""

    requested = Signal(object)  # DocumentKind
    verify_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsMenu")
        self.setTitle(self.tr("&Documents"))
        labels = {
            DocumentKind.RIGHTS_CERTIFICATE: self.tr("&Rights certificate"),
            DocumentKind.IJ_CERTIFICATE: self.tr("&Daily allowances certificate…"),
            DocumentKind.TAX_STATEMENT: self.tr("&Tax statement…"),
            DocumentKind.MONTHLY_STATEMENT: self.tr("&Monthly statement…"),
            DocumentKind.EHIC_PROVISIONAL: self.tr("Provisional &EHIC certificate…"),
        }
        self.kind_actions: dict[DocumentKind, QAction] = {}
        for kind, label in labels.items():
            action = QAction(label, self)
            action.setObjectName(f"issue_{kind.value}")
            action.setShortcut(QKeySequence(SHORTCUTS[kind]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{label.replace('&', '').rstrip('…')} ({SHORTCUTS[kind]})")
            action.triggered.connect(lambda _=False, k=kind: self.requested.emit(k))
            self.addAction(action)
            self.kind_actions[kind] = action
        self.addSeparator()
        self.verify_action = QAction(self.tr("&Verify a document…"), self)
        self.verify_action.setObjectName("verify_document")
        self.verify_action.setShortcut(QKeySequence(VERIFY_SHORTCUT))
        self.verify_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.verify_action.triggered.connect(self.verify_requested)
        self.addAction(self.verify_action)

    def set_can_issue(self, allowed: bool) -> None:
        for action in self.kind_actions.values():
            action.setEnabled(allowed)
