"""The form that sets a new password on an advisor's account (and unlocks it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.password_dialog import PasswordDialog

if TYPE_CHECKING:
    from advisor_desk.backend.admin import AdvisorAccount


class ResetPasswordDialog(PasswordDialog):
    done_reset = Signal()

    def __init__(
        self, app: AppContext, account: AdvisorAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self.set_texts(
            self.tr("Reset a password"),
            self.tr(
                "New password for {name} ({login}). Give it to the advisor in person; "
                "a locked account is unlocked as well."
            ).format(name=account.full_name, login=account.login),
            self.tr("Reset the password"),
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._app = app
        self._account = account
        self.password = self.password_field(self.tr("&New password:"))
        self.confirm = self.password_field(self.tr("&Confirm password:"))
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        self.clear_errors(self.password, self.confirm)
        if self.password.text() != self.confirm.text():
            self.show_error(self.tr("The two passwords differ."), self.confirm)
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

    def _on_done(self) -> None:
        self.done_reset.emit()
        self._app.bus.publish(Topics.ADVISORS, self._account)
        self.accept()

    def _on_failed(self, error: OpError) -> None:
        self.ok_button.setEnabled(True)
        self.show_error(error.message, self.password)
