"""The signed-in advisor changes their own password (current one first, then the new one twice)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError


class ChangePasswordDialog(QDialog):
    """The backend checks the current password (wrong ones count towards the lockout) and the
    policy of the new one; its French message is shown beside the field it names."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(480)
        self._app = app
        intro = QLabel(
            self.tr(
                "At least 12 characters, mixing at least two kinds (lower case, upper case, "
                "digits, symbols). The new password is asked at the next sign-in and to unlock."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.current = self._password_field()
        self.password = self._password_field()
        self.confirm = self._password_field()
        form = QFormLayout()
        form.addRow(self.tr("C&urrent password:"), self.current)
        form.addRow(self.tr("&New password:"), self.password)
        form.addRow(self.tr("&Confirm the new password:"), self.confirm)
        self.message = FormMessage(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Change the password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        title = QLabel(self.tr("Change my password"), self)
        title.setObjectName("dialogTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.current.setFocus(Qt.FocusReason.OtherFocusReason)

    def _password_field(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(200)
        return field

    def submit(self) -> None:
        for field in (self.current, self.password, self.confirm):
            mark_invalid(field, False)
        self.message.clear_message()
        if not self.current.text():
            self._show_error(self.tr("Type your current password."), self.current)
            return
        if self.password.text() != self.confirm.text():
            self._show_error(self.tr("The two new passwords differ."), self.confirm)
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

    def _show_error(self, message: str, field: QLineEdit) -> None:
        self.message.show_error(message)
        mark_invalid(field, True)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()

    def _on_failed(self, error: OpError) -> None:
        self.ok_button.setEnabled(True)
        # A refused current password is an authentication error; the rest names its field.
        field = self.password if error.field == "new_password" else self.current
        self._show_error(error.message, field)
