"""The Deductibles tab: participations and franchises withheld and owed per year, caps, debts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.reimbursements_dto import (
    DeductiblesOverview,
    DeductibleYear,
    PaymentReceipt,
    RateChange,
)
from advisor_desk.domain.money import format_eur
from advisor_desk.domain.permissions import Permission
from advisor_desk.models.deductibles import DebtsModel, DeductibleYearsModel
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

from .deductibles_payment_dialog import TOPIC_PAID, DeductiblePaymentDialog
from .table_columns import fit_columns


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class DeductiblesPanel(QWidget):
    @staticmethod
    def title() -> str:
        """The tab's title in the member file."""
        return QCoreApplication.translate("DeductiblesPanel", "Deductibles")

    def __init__(self, app: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deductiblesPanel")
        self._app = app
        self.member_id = member_id
        self.overview: DeductiblesOverview | None = None
        self.payment_dialog: DeductiblePaymentDialog | None = None
        self.balance = QLabel(self)
        self.balance.setObjectName("deductiblesBalance")
        self.pay_button = QPushButton(self.tr("&Record a payment…"), self)
        self.pay_button.setEnabled(False)
        self.pay_button.setVisible(app.allows(Permission.DEDUCTIBLE_PAYMENT.value))
        self.pay_button.clicked.connect(self.record_payment)
        self.years_model = DeductibleYearsModel(self)
        self.years = _table(self, "deductibleYearsView")
        self.years.setModel(self.years_model)
        self.years.selectionModel().selectionChanged.connect(self._year_changed)
        self.rules = QLabel(self)
        self.rules.setObjectName("deductibleRules")
        self.rules.setWordWrap(True)
        self.exemptions = QLabel(self)
        self.exemptions.setObjectName("deductibleExemptions")
        self.exemptions.setWordWrap(True)
        self.debts_model = DebtsModel(self)
        self.debts = _table(self, "deductibleDebtsView")
        self.debts.setModel(self.debts_model)
        self.debts_title = QLabel(self)

        content = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.balance, 1)
        top.addWidget(self.pay_button)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(top)
        inner.addWidget(self.years)
        inner.addWidget(self.rules)
        inner.addWidget(self.exemptions)
        inner.addWidget(self.debts_title)
        inner.addWidget(self.debts, 1)
        self.state = StatePanel(content, self)
        self.state.retry_requested.connect(self.load)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        app.bus.changed.connect(self._bus)
        # The member file calls load() when the tab is first shown.

    def load(self) -> None:
        self.state.show_loading(self.tr("Loading the deductibles…"))
        member_id = self.member_id
        self._app.ops.call(
            lambda: self._app.backend.reimbursements.deductibles(member_id),
            on_success=self._loaded,
            on_failure=self._failed,
            owner=self,
            key=f"deductibles.{member_id}",
        )

    def _loaded(self, overview: DeductiblesOverview) -> None:
        self.overview = overview
        self.state.show_content()
        owed = overview.balance_cents
        self.balance.setText(
            self.tr("Still owed by the member: <b>{amount}</b>").format(amount=format_eur(owed))
            if owed
            else self.tr("Nothing is owed.")
        )
        self.pay_button.setEnabled(owed > 0)
        self.years_model.set_rows(overview.years)
        fit_columns(self.years)
        # As tall as its rows: the space below goes to the debts.
        rows = sum(self.years.rowHeight(r) for r in range(self.years_model.rowCount()))
        self.years.setMaximumHeight(
            rows + self.years.horizontalHeader().height() + 2 * self.years.frameWidth() + 4
        )
        if overview.exemptions:
            items = [
                self.tr("{label} ({start} – {end})").format(
                    label=e.label,
                    start=e.start.strftime("%d/%m/%Y"),
                    end=e.end.strftime("%d/%m/%Y") if e.end else "…",
                )
                for e in overview.exemptions
            ]
            self.exemptions.setText(
                self.tr("Exempt from deductibles: {items}").format(items="; ".join(items))
            )
        else:
            self.exemptions.setText(self.tr("No exemption from deductibles."))
        if overview.years:
            self.years.selectRow(0)

    def _failed(self, error: OpError) -> None:
        self.state.show_error(error.message)

    def _year_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.years.selectionModel().selectedRows()
        if not rows:
            return
        year = self.years_model.row_at(rows[0].row())
        self.rules.setText(self._rules_text(year))
        self.debts_title.setText(
            self.tr("Owed after tiers-payant care in {year}:").format(year=year.year)
        )
        self.debts_model.set_rows(year.debts)
        fit_columns(self.debts)

    def _rules_text(self, year: DeductibleYear) -> str:
        def amounts(key: str) -> str:
            changes: list[RateChange] = [r for r in year.rates if r.key == key]
            if len(changes) <= 1:
                return format_eur(changes[0].value) if changes else "—"
            parts = []
            for c in changes:
                if c.valid_to is not None:
                    parts.append(
                        self.tr("{amount} until {day}").format(
                            amount=format_eur(c.value), day=c.valid_to.strftime("%d/%m/%Y")
                        )
                    )
                else:
                    parts.append(
                        self.tr("{amount} from {day}").format(
                            amount=format_eur(c.value), day=c.valid_from.strftime("%d/%m/%Y")
                        )
                    )
            return ", ".join(parts)

        return self.tr(
            "{year}: participation {participation} per act (capped {pcap} a year); franchises "
            "{box} per box of medicine, {para} per paramedical act ({para_day} a day), {transport} "
            "per transport ({transport_day} a day), capped {fcap} a year."
        ).format(
            year=year.year,
            participation=amounts("participation.per_act_cents"),
            pcap=format_eur(year.participation_cap_cents),
            box=amounts("franchise.box_cents"),
            para=amounts("franchise.paramedical_act_cents"),
            para_day=amounts("franchise.paramedical_day_cap_cents"),
            transport=amounts("franchise.transport_cents"),
            transport_day=amounts("franchise.transport_day_cap_cents"),
            fcap=format_eur(year.franchise_cap_cents),
        )

    def record_payment(self) -> None:
        if self.overview is None or self.overview.balance_cents <= 0:
            return
        dialog = DeductiblePaymentDialog(
            self._app, self.member_id, self.overview.balance_cents, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.payment_dialog = dialog
        dialog.open()

    def _bus(self, topic: str, payload: object) -> None:
        if (
            topic == TOPIC_PAID
            and isinstance(payload, PaymentReceipt)
            and payload.member_id == self.member_id
        ):
            self.load()
