"""The form that sets a new password on an advisor's account (and unlocks it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError

if TYPE_CHECKING:
    from advisor_desk.backend.admin import AdvisorAccount


class ResetPasswordDialog(QDialog):
    done_reset = Signal()

    def __init__(
        self, app: AppContext, account: AdvisorAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset a password"))
        self.setMinimumWidth(480)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._app = app
        self._account = account
        intro = QLabel(
            self.tr(
                "New password for {name} ({login}). Give it to the advisor in person; "
                "a locked account is unlocked as well."
            ).format(name=account.full_name, login=account.login),
            self,
        )
        intro.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&New password:"), self.password)
        form.addRow(self.tr("&Confirm password:"), self.confirm)
        self.message = FormMessage(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Reset the password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        title = QLabel(self.tr("Reset a password"), self)
        title.setObjectName("dialogTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        mark_invalid(self.password, False)
        mark_invalid(self.confirm, False)
        self.message.clear_message()
        if self.password.text() != self.confirm.text():
            self._show_error(self.tr("The two passwords differ."), self.confirm)
            return
        admin = self._app.backend.admin
        advisor_id = self._account.id
        password = self.password.text()
        self.ok_button.setEnabled(False)
        self._app.ops.call(
            lambda: admin.reset_password(advisor_id, password),
            on_success=lambda _r: self._on_done(),
            on_failure=self._on_failed,
            owner=self,
        )

    def _show_error(self, message: str, field: QLineEdit) -> None:
        self.message.show_error(message)
        mark_invalid(field, True)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()

    def _on_done(self) -> None:
        self.done_reset.emit()
        self._app.bus.publish(Topics.ADVISORS, self._account)
        self.accept()

    def _on_failed(self, error: OpError) -> None:
        self.ok_button.setEnabled(True)
        self._show_error(error.message, self.password)
