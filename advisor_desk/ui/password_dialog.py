"""The frame of the password dialogs: a title, a word of explanation, password fields, a message
line and one button that submits (the subclass adds its fields and says what submitting does)."""

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

from advisor_desk.ui.form_message import FormMessage, mark_invalid


class PasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.message = FormMessage(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.title = QLabel(self)
        self.title.setObjectName("dialogTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def set_texts(self, title: str, intro: str, submit: str) -> None:
        """The subclass's words (translated in its own context)."""
        self.setWindowTitle(title)
        self.title.setText(title)
        self.intro.setText(intro)
        self.ok_button.setText(submit)

    def password_field(self, label: str) -> QLineEdit:
        """A masked field, added to the form under `label` (with its & accelerator)."""
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, field)
        return field

    def submit(self) -> None:
        raise NotImplementedError

    def clear_errors(self, *fields: QLineEdit) -> None:
        for field in fields:
            mark_invalid(field, False)
        self.message.clear_message()

    def show_error(self, message: str, field: QLineEdit) -> None:
        """The message under the form, the field marked, selected and focused to retype."""
        self.message.show_error(message)
        mark_invalid(field, True)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()
