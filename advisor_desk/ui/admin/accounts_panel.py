"""The list of advisor accounts with create, deactivate/reactivate and reset password."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.models.table import SORT_ROLE, Column, RowTableModel
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.labels import role_label
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

from .create_account_dialog import CreateAccountDialog
from .reset_password_dialog import ResetPasswordDialog

if TYPE_CHECKING:
    from advisor_desk.backend.admin import AdvisorAccount


class AccountsPanel(QWidget):
    """Loads the accounts in the background and reloads them when the bus says they changed."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._loaded = False
        self._select_id: int | None = None
        self.model: RowTableModel[AdvisorAccount] = RowTableModel(self._columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.view = QTableView(self)
        self.view.setObjectName("accountsView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.reload)

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter the accounts…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button = self._button(self.tr("&New account…"), "Ctrl+N", self.create_account)
        self.toggle_button = self._button(
            self.tr("Deactivate"),
            "Ctrl+D",
            self.toggle_active,
            self.tr("Deactivate or reactivate the selected account"),
        )
        self.reset_button = self._button(
            self.tr("New &password…"),
            "Ctrl+R",
            self.reset_password,
            self.tr("Reset the password of the selected account"),
        )
        self.refresh_button = self._button(self.tr("Refresh"), "F5", self.reload)
        self.message = FormMessage(self)

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.new_button)
        toolbar.addWidget(self.toggle_button)
        toolbar.addWidget(self.reset_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.filter, 1)
        toolbar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.state, 1)
        self._on_selection()
        app.bus.changed.connect(self._on_changed)
        self.reload()

    def _columns(self) -> list[Column[AdvisorAccount]]:
        return [
            Column(self.tr("Login"), lambda a: a.login),
            Column(self.tr("Name"), lambda a: a.full_name),
            Column(self.tr("Role"), lambda a: role_label(a.role)),
            Column(self.tr("Office"), lambda a: a.office_name or "—"),
            Column(self.tr("Team"), lambda a: a.team_name or "—"),
            Column(self.tr("Status"), self._status_text),
        ]

    def _status_text(self, account: AdvisorAccount) -> str:
        if not account.active:
            return self.tr("Deactivated")
        if account.locked:
            return self.tr("Locked (failed attempts)")
        return self.tr("Active")

    def _button(
        self, text: str, shortcut: str, slot: Callable[[], object], tip: str | None = None
    ) -> QPushButton:
        button = QPushButton(text, self)
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        # Only while this panel (or a child) has the focus: other screens keep their keys.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(button.click)
        self.addAction(action)
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{tip or text.replace('&', '').rstrip('…')} ({keys})")
        button.clicked.connect(slot)
        return button

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        if not self._loaded:
            self.state.show_loading()
        self._app.ops.call(
            self._app.backend.admin.list_advisors,
            on_success=self._on_loaded,
            on_failure=self._on_load_failed,
            key="admin.list_advisors",
            owner=self,
        )

    def _on_loaded(self, accounts: list[AdvisorAccount]) -> None:
        selected = self._select_id if self._select_id is not None else self._selected_id()
        self._select_id = None
        self._loaded = True
        if self.message.is_error:
            self.message.clear_message()  # the failure it reported is over
        self.model.set_rows(accounts)
        if accounts:
            self.state.show_content()
        else:
            self.state.show_empty(self.tr("No account yet: create one with “New account”."))
        if selected is not None:
            self.select_account(selected)
        self._on_selection()

    def _on_load_failed(self, error: OpError) -> None:
        if self._loaded:
            self.message.show_error(error.message)  # keep the rows shown: they are still useful
        else:
            self.state.show_error(error.message)

    def _on_changed(self, topic: str, _payload: object) -> None:
        if topic in (Topics.ADVISORS, Topics.CONNECTION_RESTORED):
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- selection --------------------------------------------------------------------------

    def selected_account(self) -> AdvisorAccount | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def _selected_id(self) -> int | None:
        account = self.selected_account()
        return account.id if account is not None else None

    def select_account(self, advisor_id: int) -> None:
        for row, account in enumerate(self.model.rows):
            if account.id == advisor_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.view.selectRow(index.row())
                    self.view.scrollTo(index)
                return

    def _on_selection(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        account = self.selected_account()
        own = account is not None and account.id == self._app.backend.advisor.id
        self.toggle_button.setEnabled(account is not None and not own)
        self.reset_button.setEnabled(account is not None)
        text = self.tr("Reactivate") if account and not account.active else self.tr("Deactivate")
        self.toggle_button.setText(text)

    # -- commands ---------------------------------------------------------------------------

    def create_account(self) -> CreateAccountDialog:
        dialog = CreateAccountDialog(self._app, self)
        dialog.created.connect(self._on_created)
        dialog.open()
        return dialog

    def _on_created(self, account: AdvisorAccount) -> None:
        self._select_id = account.id
        self.message.show_notice(self.tr("Account “{login}” created.").format(login=account.login))

    def toggle_active(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        active = not account.active
        admin = self._app.backend.admin
        self.toggle_button.setEnabled(False)
        self._app.ops.call(
            lambda: admin.set_active(account.id, active),
            on_success=lambda _r: self._on_toggled(account, active),
            on_failure=self._on_command_failed,
            owner=self,
        )

    def _on_toggled(self, account: AdvisorAccount, active: bool) -> None:
        if active:
            text = self.tr("Account “{login}” reactivated.")
        else:
            text = self.tr("Account “{login}” deactivated: it can no longer sign in.")
        self.message.show_notice(text.format(login=account.login))
        self._app.bus.publish(Topics.ADVISORS, account)

    def _on_command_failed(self, error: OpError) -> None:
        self.message.show_error(error.message)
        self._on_selection()

    def reset_password(self) -> ResetPasswordDialog | None:
        account = self.selected_account()
        if account is None:
            return None
        dialog = ResetPasswordDialog(self._app, account, self)
        dialog.done_reset.connect(
            lambda: self.message.show_notice(
                self.tr("Password of “{login}” reset; the account is unlocked.").format(
                    login=account.login
                )
            )
        )
        dialog.open()
        return dialog
