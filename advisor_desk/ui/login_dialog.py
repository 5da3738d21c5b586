"""The login dialog: identifier and password, Enter submits, errors shown inline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LoginDialog(QDialog):
    """Emits `submitted(login, password)`; the caller answers with `show_error` or `accept`."""

    submitted = Signal(str, str)
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None, demo_hint: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Sign in — Advisor desk"))
        self.setMinimumWidth(420)
        title = QLabel(self.tr("Sign in"), self)
        title.setObjectName("dialogTitle")
        self.login_edit = QLineEdit(self)
        self.login_edit.setObjectName("login")
        self.login_edit.setPlaceholderText(self.tr("e.g. jdupont"))
        self.login_edit.setMaxLength(40)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        self._error = QLabel(self)
        self._error.setObjectName("formError")
        self._error.setWordWrap(True)
        self._error.hide()
        self._status = QLabel(self)
        self._status.setObjectName("formStatus")
        self._status.hide()
        self._buttons = QDialogButtonBox(self)
        self.sign_in_button = self._buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setDefault(True)
        settings_button = QPushButton(self.tr("Settings…"), self)
        self._buttons.addButton(settings_button, QDialogButtonBox.ButtonRole.ResetRole)
        settings_button.clicked.connect(self.settings_requested)
        self._buttons.accepted.connect(self._submit)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addWidget(self._status)
        if demo_hint:
            hint = QLabel(demo_hint, self)
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(hint)
        layout.addWidget(self._buttons)
        self.login_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def error_text(self) -> str:
        return self._error.text() if not self._error.isHidden() else ""

    def set_login(self, login: str) -> None:
        self.login_edit.setText(login)

    def show_error(self, message: str) -> None:
        """Show the refusal inline; the password is cleared, the identifier kept."""
        self.set_busy(False)
        self._error.setText(message)
        self._error.show()
        self.password_edit.clear()
        field = self.password_edit if self.login_edit.text().strip() else self.login_edit
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool, status: str | None = None) -> None:
        for widget in (self.login_edit, self.password_edit, self.sign_in_button):
            widget.setEnabled(not busy)
        self._status.setText(status or self.tr("Signing in…"))
        self._status.setVisible(busy)

    def reset(self) -> None:
        """Ready for the next advisor: empty fields, no message."""
        self.set_busy(False)
        self.login_edit.clear()
        self.password_edit.clear()
        self._error.hide()
        self.login_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        login = self.login_edit.text().strip()
        if not login:
            self.show_error(self.tr("Enter your login."))
            return
        if not self.password_edit.text():
            self._error.setText(self.tr("Enter your password."))
            self._error.show()
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._error.hide()
        self.set_busy(True)
        self.submitted.emit(login, self.password_edit.text())
