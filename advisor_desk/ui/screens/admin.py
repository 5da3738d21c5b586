"""Administration screen: advisor accounts and, for who may read it, the audit trail."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from advisor_desk.ui.admin.accounts_panel import AccountsPanel
from advisor_desk.ui.admin.audit_panel import AuditPanel
from advisor_desk.ui.context import AppContext


class AdminScreen(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminScreen")
        self.tabs = QTabWidget(self)
        self.accounts = AccountsPanel(app, self.tabs)
        self.tabs.addTab(self.accounts, self.tr("&Accounts"))
        self.audit: AuditPanel | None = None
        if app.allows("admin.audit"):
            self.audit = AuditPanel(app, self.tabs)
            self.tabs.addTab(self.audit, self.tr("A&udit trail"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
