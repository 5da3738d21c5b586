"""Check a document a member or a third party shows: its number and code, or the PDF file itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.documents_dto import Verification, VerificationStatus
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.ops import OpError

COLOURS = {
    VerificationStatus.VALID: "#1b5e20",
    VerificationStatus.UNKNOWN: "#8a5300",
    VerificationStatus.TAMPERED: "#b3261e",
}


class VerifyDocumentDialog(QDialog):
    """Type the number and code (or scan the QR code into the number field), or open a PDF."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDocumentDialog")
        self.setWindowTitle(self.tr("Verify a document"))
        self.setMinimumWidth(560)
        self._app = app
        intro = QLabel(
            self.tr(
                "Type the document number and the verification code printed at the bottom of "
                "the page, scan its QR code into the number field, or check a PDF file."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText("AD-2026-XXXXXXXX")
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("XXXX-XXXX")
        form = QFormLayout()
        form.addRow(self.tr("Document &number:"), self.number)
        form.addRow(self.tr("Verification &code:"), self.code)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("verificationResult")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = FormMessage(self)
        self.check_button = QPushButton(self.tr("C&heck"), self)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check_number)
        self.file_button = QPushButton(self.tr("Check a PDF &file…"), self)
        self.file_button.clicked.connect(self.check_file)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.verification: Verification | None = None
        self.choose_file: Callable[[], str] = self._ask_file

    def _ask_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("PDF file to check"), "", self.tr("PDF documents (*.pdf)")
        )
        return path

    def check_number(self) -> None:
        number, code = self.number.text().strip(), self.code.text().strip()
        if not number:
            self.message.show_error(self.tr("Type the document number."))
            return
        self._run(lambda: self._app.backend.documents.verify(number, code or None))

    def check_file(self) -> None:
        path = self.choose_file()
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.message.show_error(
                self.tr("The file could not be read: {error}").format(error=exc.strerror or exc)
            )
            return
        self._run(lambda: self._app.backend.documents.verify_pdf(data))

    def _run(self, call: Callable[[], Verification]) -> None:
        self.message.clear_message()
        self.outcome.clear()
        self.check_button.setEnabled(False)
        self.file_button.setEnabled(False)
        self._app.ops.call(call, on_success=self._show, on_failure=self._failed, owner=self)

    def _show(self, verification: Verification) -> None:
        self.verification = verification
        self._enable()
        titles = {
            VerificationStatus.VALID: self.tr("Valid"),
            VerificationStatus.UNKNOWN: self.tr("Unknown"),
            VerificationStatus.TAMPERED: self.tr("Tampered"),
        }
        colour = COLOURS[verification.status]
        self.outcome.setText(
            f"<b style='color:{colour}'>{titles[verification.status]}</b> — {verification.message}"
        )

    def _failed(self, error: OpError) -> None:
        self._enable()
        self.message.show_error(error.message)

    def _enable(self) -> None:
        self.check_button.setEnabled(True)
        self.file_button.setEnabled(True)
