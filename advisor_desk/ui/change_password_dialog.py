"""The signed-in advisor changes their own password (current one first, then the new one twice)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from advisor_desk.ui.context import AppContext
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.password_dialog import PasswordDialog


class ChangePasswordDialog(PasswordDialog):
    """The backend checks the current password (wrong ones count towards the lockout) and the
    policy of the new one; its French message is shown beside the field it names."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_texts(
            self.tr("Change my password"),
            self.tr(
                "At least 12 characters, mixing at least two kinds (lower case, upper case, "
                "digits, symbols). The new password is asked at the next sign-in and to unlock."
            ),
            self.tr("Change the password"),
        )
        self.setObjectName("changePasswordDialog")
        self._app = app
        self.current = self.password_field(self.tr("C&urrent password:"))
        self.password = self.password_field(self.tr("&New password:"))
        self.confirm = self.password_field(self.tr("&Confirm the new password:"))
        self.current.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        self.clear_errors(self.current, self.password, self.confirm)
        if not self.current.text():
            self.show_error(self.tr("Type your current password."), self.current)
            return
        if self.password.text() != self.confirm.text():
            self.show_error(self.tr("The two new passwords differ."), self.confirm)
            return
        session = self._app.backend.session
        old, new = self.current.text(), self.password.text()
        self.ok_button.setEnabled(False)
        self._app.ops.call(
            lambda: session.change_password(old, new),
            on_success=lambda _r: self.accept(),
            on_failure=self._on_failed,
            owner=self,
            key="session.change_password",
        )

    def _on_failed(self, error: OpError) -> None:
        self.ok_button.setEnabled(True)
        # A refused current password is an authentication error; the rest names its field.
        self.show_error(
            error.message, self.password if error.field == "new_password" else self.current
        )
