"""Record a member's payment of the deductibles owed: amount, means, reference."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.reimbursements_dto import PaymentMeans, PaymentReceipt
from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.money import format_eur, format_eur_plain, parse_eur
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError

TOPIC_PAID = "deductibles.paid"  # payload: PaymentReceipt


class DeductiblePaymentDialog(QDialog):
    """The backend refuses an overpayment; its French message is shown under the form."""

    recorded = Signal(object)  # PaymentReceipt

    def __init__(
        self, app: AppContext, member_id: int, owed_cents: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deductiblePaymentDialog")
        self.setWindowTitle(self.tr("Record a payment of deductibles"))
        self.setMinimumWidth(460)
        self._app = app
        self._member_id = member_id
        intro = QLabel(
            self.tr("Amount owed: {owed}. The payment settles the oldest years first.").format(
                owed=format_eur(owed_cents)
            ),
            self,
        )
        intro.setWordWrap(True)
        self.amount = QLineEdit(format_eur_plain(owed_cents), self)
        self.amount.setObjectName("paymentAmount")
        self.means = QComboBox(self)
        for means, label in (
            (PaymentMeans.CARD, self.tr("Bank card")),
            (PaymentMeans.CASH, self.tr("Cash")),
            (PaymentMeans.CHEQUE, self.tr("Cheque")),
            (PaymentMeans.TRANSFER, self.tr("Transfer")),
        ):
            self.means.addItem(label, means)
        self.reference = QLineEdit(self)
        self.reference.setMaxLength(60)
        self.reference.setPlaceholderText(self.tr("Transaction, cheque or transfer number"))
        form = QFormLayout()
        form.addRow(self.tr("&Amount (€):"), self.amount)
        form.addRow(self.tr("&Means:"), self.means)
        form.addRow(self.tr("&Reference:"), self.reference)
        self.message = FormMessage(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Record the payment"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.amount.selectAll()
        self.amount.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        mark_invalid(self.amount, False)
        mark_invalid(self.reference, False)
        try:
            cents = parse_eur(self.amount.text(), "amount")
        except ValidationError as exc:
            self._invalid(exc.message, exc.field)
            return
        means = PaymentMeans(self.means.currentData())
        reference = self.reference.text().strip() or None
        member_id = self._member_id
        self.ok_button.setEnabled(False)
        self._app.ops.call(
            lambda: self._app.backend.reimbursements.record_deductible_payment(
                member_id, cents, means, reference
            ),
            on_success=self._done,
            on_failure=self._failed,
            owner=self,
        )

    def _done(self, receipt: PaymentReceipt) -> None:
        self._app.bus.publish(TOPIC_PAID, receipt)
        self.recorded.emit(receipt)
        self.accept()

    def _failed(self, error: OpError) -> None:
        self.ok_button.setEnabled(True)
        self._invalid(error.message, error.field)

    def _invalid(self, message: str, field: str | None) -> None:
        self.message.show_error(message)
        widget = self.reference if field == "reference" else self.amount
        mark_invalid(widget, True)
        widget.setFocus()
