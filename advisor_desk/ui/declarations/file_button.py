"""The member file's "New request" button: a menu of the twelve kinds, each opening its form."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from advisor_desk.domain.declarations import KIND_TITLES_FR
from advisor_desk.domain.enums import DeclarationKind
from advisor_desk.ui.context import AppContext

from .filing_dialog import FilingDialog


class FileRequestButton(QToolButton):
    """Disabled until `set_member`; hidden for an advisor who may not file requests."""

    filed = Signal(object)  # DeclarationDetail, once its form has filed it

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileRequestButton")
        self._app = app
        self._member_id: int | None = None
        self.dialog: FilingDialog | None = None
        self.setText(self.tr("&New request"))
        self.setToolTip(self.tr("File a request for this member"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        for kind in DeclarationKind:
            action = menu.addAction(KIND_TITLES_FR[kind])
            action.setObjectName(f"file_{kind.value}")
            action.triggered.connect(lambda _=False, k=kind: self.open_form(k))
        self.setMenu(menu)
        self.setVisible(app.allows("declaration.file"))
        self.setEnabled(False)

    def set_member(self, member_id: int | None) -> None:
        self._member_id = member_id
        self.setEnabled(member_id is not None)

    def open_form(self, kind: DeclarationKind) -> FilingDialog | None:
        if self._member_id is None:
            return None
        self.dialog = FilingDialog(self._app, self._member_id, kind, self.window())
        self.dialog.filed.connect(self.filed)
        self.dialog.open()
        return self.dialog
