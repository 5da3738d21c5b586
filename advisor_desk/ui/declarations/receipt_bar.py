"""The "Acknowledgement of receipt…" button of a request, with its progress or error beside it."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from advisor_desk.domain.permissions import Permission
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.documents.issuer import DocumentIssuer
from advisor_desk.ui.form_message import FormMessage

# Ctrl+Shift+letter issues a document, as in the member file's Documents menu. Not a mnemonic:
# in French, Alt+A is already the View menu and, in the Démarches queue, the age filter.
RECEIPT_SHORTCUT = "Ctrl+Shift+R"


class ReceiptBar(QWidget):
    """Issues the receipt of `set_declaration(id)` and opens its preview (print, save, send).

    The button is hidden from an advisor who may not issue documents, and disabled while no
    request is chosen or a receipt is being generated.
    """

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptBar")
        self._allowed = app.allows(Permission.DOCUMENT_ISSUE.value)
        self.declaration_id: int | None = None
        self.button = QPushButton(self.tr("Acknowledgement of receipt…"), self)
        self.button.setObjectName("receiptButton")
        self.button.setShortcut(QKeySequence(RECEIPT_SHORTCUT))
        self.button.setToolTip(
            self.tr(
                "Issue the request's acknowledgement of receipt, to print or send (Ctrl+Shift+R)"
            )
        )
        self.button.setVisible(self._allowed)
        self.button.clicked.connect(self.issue)
        self.message = FormMessage(self)
        self.issuer = DocumentIssuer(app, None, self)
        self.issuer.busy_changed.connect(self._busy)
        self.issuer.failed.connect(self.message.show_error)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.message, 1)
        self._update()

    def set_declaration(self, declaration_id: int | None) -> None:
        """The request whose receipt the button issues (None: no request chosen)."""
        if declaration_id != self.declaration_id:
            self.message.clear_message()
        self.declaration_id = declaration_id
        self._update()

    def offer(self, number: str) -> None:
        """Right after filing: say so, with the receipt one key (or one click) away."""
        if not self._allowed:
            return
        self.message.show_notice(
            self.tr(
                "Request {number} filed: hand over its acknowledgement of receipt (Ctrl+Shift+R)."
            ).format(number=number)
        )
        self.button.setFocus()

    def issue(self) -> None:
        if self.declaration_id is not None:
            self.issuer.issue_receipt(self.declaration_id)

    def _busy(self, busy: bool) -> None:
        if busy:
            self.message.show_notice(self.tr("Generating the document…"))
        else:
            self.message.clear_message()
        self._update()

    def _update(self) -> None:
        self.button.setEnabled(
            self._allowed and self.declaration_id is not None and not self.issuer.busy
        )
