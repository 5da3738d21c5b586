"""Issues a document for a member: asks its parameters, generates it off the GUI thread, previews it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from advisor_desk.backend.documents_dto import IssuedPdf
from advisor_desk.backend.reimbursements_dto import Beneficiary
from advisor_desk.domain.enums import DocumentKind
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.ops import OpError

from .preview_dialog import PdfPreviewDialog
from .request import NEEDS_PARAMETERS, DocumentRequest, issue_call
from .request_dialog import DocumentRequestDialog
from .verify_dialog import VerifyDocumentDialog

TOPIC_ISSUED = "documents.issued"  # payload: the IssuedPdf (without reloading anything)


class DocumentIssuer(QObject):
    """One per member file; `preview` is the open preview dialog, if any.

    Without a member (`member_id` None), it issues only the receipts of requests.
    """

    busy_changed = Signal(bool)
    issued = Signal(object)  # IssuedPdf
    failed = Signal(str)

    def __init__(self, app: AppContext, member_id: int | None, window: QWidget) -> None:
        super().__init__(window)
        self._app = app
        self._member_id = member_id
        self._window = window
        self.beneficiaries: list[Beneficiary] = []
        self.default_month: tuple[int, int] | None = None
        self.preview: PdfPreviewDialog | None = None
        self.request_dialog: DocumentRequestDialog | None = None
        self.busy = False

    def request(self, kind: DocumentKind) -> None:
        """Ask the parameters (if the kind has any), then issue."""
        if self.busy:
            return
        if kind not in NEEDS_PARAMETERS:
            self.issue(DocumentRequest(kind))
            return
        dialog = DocumentRequestDialog(
            kind, self.beneficiaries, self._window, month=self.default_month, today=date.today()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._asked(dialog, result))
        self.request_dialog = dialog
        dialog.open()

    def _asked(self, dialog: DocumentRequestDialog, result: int) -> None:
        self.request_dialog = None
        if result == QDialog.DialogCode.Accepted:
            self.issue(dialog.request())

    def issue(self, request: DocumentRequest) -> None:
        assert self._member_id is not None, "a member's document needs the member"
        self._run(issue_call(self._app.backend, self._member_id, request))

    def issue_receipt(self, declaration_id: int) -> None:
        """The acknowledgement of receipt of a request (for the request's member)."""
        documents = self._app.backend.documents
        self._run(lambda: documents.issue_declaration_receipt(declaration_id))

    def _run(self, call: Callable[[], IssuedPdf]) -> None:
        self._set_busy(True)
        self._app.ops.call(
            call,
            on_success=self._show,
            on_failure=self._failed,
            owner=self,
            parallel=True,  # a PDF takes tens of milliseconds: keep the serial lane free
        )

    def verify(self) -> None:
        dialog = VerifyDocumentDialog(self._app, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _show(self, document: IssuedPdf) -> None:
        self._set_busy(False)
        self._app.bus.publish(TOPIC_ISSUED, document)
        self.issued.emit(document)
        if self.preview is not None:
            self.preview.close()
        dialog = PdfPreviewDialog(self._app, document, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "preview", None))
        self.preview = dialog
        dialog.open()

    def _failed(self, error: OpError) -> None:
        self._set_busy(False)
        self.failed.emit(error.message)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)
