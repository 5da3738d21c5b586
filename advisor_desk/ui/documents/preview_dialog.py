"""The in-app preview of an issued document: read it, print it, save it, send it to the member."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.documents_dto import DOCUMENT_TITLES_FR, IssuedPdf, SentDocument
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.save_path import ask_save_path

from .printing import print_pdf

TOPIC_SENT = "documents.sent"  # payload: SentDocument


@dataclass(frozen=True)
class PrivatePdf:
    """A PDF that is not a registered document (no number, never sent): a letter holding a
    secret, shown once to be printed or saved."""

    title: str
    filename: str
    pdf: bytes
    info: str  # the line above the pages


class PdfPreviewDialog(QDialog):
    """Shows the PDF as issued (QPdfView); Ctrl+P prints, Ctrl+S saves, Ctrl+E sends.

    A PrivatePdf has no number and no send button: print and save only.
    """

    sent = Signal(object)  # SentDocument
    printed = Signal(int)  # pages

    def __init__(
        self,
        app: AppContext | None,
        document: IssuedPdf | PrivatePdf,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self._app = app
        self.document = document
        if isinstance(document, PrivatePdf):
            title = document.title
        else:
            title = DOCUMENT_TITLES_FR.get(document.kind, document.kind.value)
        self.setWindowTitle(self.tr("Preview — {title}").format(title=title))
        self.resize(860, 980)
        self._bytes = QByteArray(document.pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf = QPdfDocument(self)
        self.pdf.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf)

        if isinstance(document, PrivatePdf):
            text = document.info
        else:
            text = self.tr(
                "Document no. {number} — verification code {code} — {pages} page(s)"
            ).format(
                number=document.number,
                code=f"{document.verification_code[:4]}-{document.verification_code[4:]}",
                pages=self.pdf.pageCount(),
            )
        info = QLabel(text, self)
        info.setWordWrap(isinstance(document, PrivatePdf))
        info.setObjectName("previewInfo")
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = FormMessage(self)

        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(self.tr("Print the document (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save…"), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save the PDF file (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_document)
        self.send_button = QPushButton(self.tr("Send to the member's &inbox"), self)
        self.send_button.setShortcut(QKeySequence("Ctrl+E"))
        self.send_button.setToolTip(
            self.tr("Put the document in the member's ameli inbox (Ctrl+E)")
        )
        self.send_button.clicked.connect(self.send_document)
        self.send_button.setEnabled(app is not None and isinstance(document, IssuedPdf))
        close = QPushButton(self.tr("&Close"), self)
        close.setToolTip(self.tr("Close the preview (Esc)"))
        close.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.send_button)
        if isinstance(document, PrivatePdf):
            self.send_button.hide()  # a private letter is never sent: no button, no Ctrl+E
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

        # Seams for the tests: how a printer and a file name are chosen.
        self.choose_printer: Callable[[], QPrinter | None] = self._ask_printer
        self.choose_file: Callable[[str], str] = self._ask_file

    # ------------------------------------------------------------------ actions

    def _ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.document.filename)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.pdf.pageCount()))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_file(self, suggested: str) -> str:
        return ask_save_path(
            self, self.tr("Save the document"), suggested, self.tr("PDF documents (*.pdf)")
        )

    def print_document(self) -> None:
        printer = self.choose_printer()
        if printer is None:
            return
        pages = print_pdf(self.pdf, printer)
        if pages:
            self.message.show_notice(
                self.tr("Sent to the printer ({pages} page(s)).").format(pages=pages)
            )
            self.printed.emit(pages)
        else:
            self.message.show_error(self.tr("The printer could not be used."))

    def save_document(self) -> None:
        path = self.choose_file(self.document.filename)
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).write_bytes(self.document.pdf)
        except OSError as exc:
            self.message.show_error(
                self.tr("The file could not be written: {error}").format(error=exc.strerror or exc)
            )
            return
        self.message.show_notice(self.tr("Saved to {path}.").format(path=path))

    def send_document(self) -> None:
        app = self._app
        if app is None or not isinstance(self.document, IssuedPdf):
            return
        self.send_button.setEnabled(False)
        self.message.show_notice(self.tr("Sending…"))
        doc_id = self.document.id
        app.ops.call(
            lambda: app.backend.documents.send_to_inbox(doc_id),
            on_success=self._sent,
            on_failure=self._send_failed,
            owner=self,
        )

    def _sent(self, result: SentDocument) -> None:
        self.message.show_notice(self.tr("The document is in the member's inbox."))
        if self._app is not None:
            self._app.bus.publish(TOPIC_SENT, result)
        self.sent.emit(result)

    def _send_failed(self, error: OpError) -> None:
        self.send_button.setEnabled(True)
        self.message.show_error(error.message)
