"""The page that covers every screen while the session is locked, until the password is given."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LockPage(QWidget):
    """Asks the same advisor's password; shows no member data."""

    unlock_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockPage")
        title = QLabel(self.tr("Session locked"), self)
        title.setObjectName("lockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._who = QLabel(self)
        self._who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._who.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.returnPressed.connect(self._submit)
        self._error = QLabel(self)
        self._error.setObjectName("formError")
        self._error.setWordWrap(True)
        self._error.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        self.sign_out_button.setToolTip(
            self.tr("Close this session; another advisor can then sign in.")
        )
        self.sign_out_button.clicked.connect(self.sign_out_requested)

        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QWidget(self)
        box.setObjectName("lockBox")
        # A fixed width lets the wrapped explanation compute its height (heightForWidth).
        box.setFixedWidth(480)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(self._who)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self._error)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def reset(self, advisor_name: str) -> None:
        self._who.setText(
            self.tr(
                "The session of {name} was locked after a period without activity. "
                "Enter your password to resume where you left off."
            ).format(name=advisor_name)
        )
        self.password.clear()
        self._error.hide()
        self.set_busy(False)

    def focus_password(self) -> None:
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        self.password.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()
        self.password.selectAll()
        self.focus_password()

    @property
    def error_text(self) -> str:
        return self._error.text() if self._error.isVisibleTo(self) else ""

    def _submit(self) -> None:
        if self.password.text() and self.unlock_button.isEnabled():
            self.set_busy(True)
            self.unlock_requested.emit(self.password.text())
