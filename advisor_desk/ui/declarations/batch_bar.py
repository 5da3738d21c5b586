"""One decision applied to the requests selected in the queue; the backend re-checks each one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.declarations_dto import BatchReport
from advisor_desk.domain.declarations.workflow import STATE_LABELS_FR
from advisor_desk.domain.enums import DeclarationState
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.ops import OpError

# Asking the member for documents is per request (the missing list differs): not in a batch.
BATCH_STATES = (
    DeclarationState.IN_INSTRUCTION,
    DeclarationState.ACCEPTED,
    DeclarationState.REFUSED,
    DeclarationState.CLOSED,
)


class BatchBar(QWidget):
    """Shown with the number of selected requests; reports what was done and what was skipped."""

    applied = Signal(object)  # BatchReport

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("declarationBatchBar")
        self._app = app
        self._ids: list[int] = []
        self.label = QLabel(self)
        self.target = QComboBox(self)
        self.target.setObjectName("batchTarget")
        for state in BATCH_STATES:
            self.target.addItem(STATE_LABELS_FR[state], state)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("batchComment")
        self.comment.setPlaceholderText(self.tr("Reason (required to refuse or close)"))
        self.apply_button = QPushButton(self.tr("Apply to the &selection"), self)
        self.apply_button.clicked.connect(self.apply)
        self.report = QLabel(self)
        self.report.setObjectName("batchReport")
        self.report.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.target)
        row.addWidget(self.comment, 1)
        row.addWidget(self.apply_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(row)
        outer.addWidget(self.report)
        self.set_selection([])

    def set_selection(self, ids: list[int]) -> None:
        self._ids = list(ids)
        several = len(self._ids) > 1
        self.label.setText(self.tr("{n} selected:").format(n=len(self._ids)))
        for widget in (self.label, self.target, self.comment, self.apply_button):
            widget.setVisible(several)

    def apply(self) -> None:
        ids = list(self._ids)
        state = DeclarationState(self.target.currentData())
        comment = self.comment.text().strip() or None
        declarations = self._app.backend.declarations
        self.apply_button.setEnabled(False)
        self._app.ops.call(
            lambda: declarations.batch_transition(ids, state, comment),
            on_success=self._applied,
            on_failure=self._failed,
            owner=self,
        )

    def _applied(self, report: BatchReport) -> None:
        self.apply_button.setEnabled(True)
        text = self.tr("{done} request(s) done, {skipped} skipped.").format(
            done=len(report.done), skipped=len(report.skipped)
        )
        reasons = [f"{item.number or item.id} : {item.reason}" for item in report.skipped]
        self.report.setText("\n".join([text, *reasons]))
        self.comment.clear()
        self.applied.emit(report)

    def _failed(self, error: OpError) -> None:
        self.apply_button.setEnabled(True)
        self.report.setText(error.message)
