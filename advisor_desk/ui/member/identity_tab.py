"""The 'Identity and rights' tab: identity, contact, rights and covers, bank, card, ameli account,
dependents."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.members_dto import DependentInfo, MemberIdentity, VitaleInfo
from advisor_desk.models.member_file import DependentsModel
from advisor_desk.models.member_file_labels import fmt_age, fmt_date, fmt_period, label, money
from advisor_desk.ui.form_message import FormMessage

from .ameli_box import AmeliBox
from .results_table import ResultsTable
from .table_columns import fit_columns

IBAN_SHOWN_MS = 60_000  # a revealed IBAN is masked again after a minute


class IdentityTab(QScrollArea):
    reveal_requested = Signal()
    directory_requested = Signal(str)  # the member's postcode
    dependent_opened = Signal(object)  # DependentInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityTab")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self._values: list[QLabel] = []

        identity_box, identity = self._group(self.tr("Identity"), body)
        self.last_name = self._row(identity, self.tr("Name"))
        self.birth_name = self._row(identity, self.tr("Birth name"))
        self.first_names = self._row(identity, self.tr("First names"))
        self.sex = self._row(identity, self.tr("Sex"))
        self.birth = self._row(identity, self.tr("Born"))
        self.nir = self._row(identity, self.tr("NIR"))

        contact_box, contact = self._group(self.tr("Address and contact"), body)
        self.address = self._row(contact, self.tr("Address"))
        self.phone = self._row(contact, self.tr("Phone"))
        self.email = self._row(contact, self.tr("E-mail"))
        self.directory_button = QPushButton(self.tr("Health professionals &nearby…"), contact_box)
        self.directory_button.setObjectName("directoryNearby")
        self.directory_button.setToolTip(
            self.tr("The health directory around the member's postcode")
        )
        self.directory_button.clicked.connect(self._find_care)
        directory_row = QHBoxLayout()
        directory_row.addWidget(self.directory_button)
        directory_row.addStretch(1)
        contact.addRow("", directory_row)
        self._postcode = ""

        rights_box, rights = self._group(self.tr("Rights"), body)
        self.rights_status = self._row(rights, self.tr("Status"))
        self.rights_period = self._row(rights, self.tr("Period"))
        self.rights_basis = self._row(rights, self.tr("Basis"))
        self.regime = self._row(rights, self.tr("Scheme"))
        self.fund = self._row(rights, self.tr("CPAM"))
        self.doctor = self._row(rights, self.tr("Referring doctor"))
        self.insurer = self._row(rights, self.tr("Complementary insurer"))
        self.cover = self._row(rights, self.tr("CSS / AME"))
        self.debt = self._row(rights, self.tr("Deductibles owed"))

        bank_box, bank = self._group(self.tr("Bank account"), body)
        self.iban = self._value(bank_box)
        self.reveal_button = QPushButton(self.tr("&Show the IBAN"), bank_box)
        self.reveal_button.setObjectName("revealIban")
        self.reveal_button.clicked.connect(self.reveal_requested)
        iban_row = QHBoxLayout()
        iban_row.addWidget(self.iban, 1)
        iban_row.addWidget(self.reveal_button)
        bank.addRow(self.tr("IBAN"), iban_row)
        self.bic = self._row(bank, self.tr("BIC"))
        self.holder = self._row(bank, self.tr("Holder"))
        self.bank_since = self._row(bank, self.tr("Since"))
        self.bank_message = FormMessage(bank_box)
        bank.addRow(self.bank_message)

        card_box, card = self._group(self.tr("Carte Vitale"), body)
        self.card_serial = self._row(card, self.tr("Number"))
        self.card_status = self._row(card, self.tr("Status"))
        self.card_issued = self._row(card, self.tr("Issued on"))
        self.card_changed = self._row(card, self.tr("Status since"))

        self.ameli = AmeliBox(body)

        self.dependents_model = DependentsModel(self)
        # The results table's keys suit the dependents too: Enter or double-click opens one.
        self.dependents = ResultsTable(body)
        self.dependents.setObjectName("dependentsView")
        self.dependents.setModel(self.dependents_model)
        self.dependents.setMinimumHeight(150)
        self.dependents.row_activated.connect(self._open_dependent)
        dependents_box = QGroupBox(self.tr("Dependents (Enter: details)"), body)
        box_layout = QVBoxLayout(dependents_box)
        self.no_dependents = QLabel(self.tr("No dependent."), dependents_box)
        box_layout.addWidget(self.no_dependents)
        box_layout.addWidget(self.dependents)

        grid = QGridLayout(body)
        grid.addWidget(identity_box, 0, 0)
        grid.addWidget(contact_box, 1, 0)
        grid.addWidget(card_box, 2, 0)
        # The ameli account beside the contact details: on a 1280 × 800 screen it is in
        # view with the rest of the first groups, without scrolling.
        grid.addWidget(rights_box, 0, 1)
        grid.addWidget(self.ameli, 1, 1)
        grid.addWidget(bank_box, 2, 1)
        grid.addWidget(dependents_box, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        self.setWidget(body)

        self._mask_timer = QTimer(self)
        self._mask_timer.setSingleShot(True)
        self._mask_timer.setInterval(IBAN_SHOWN_MS)
        self._mask_timer.timeout.connect(self.mask_iban)
        self._masked_iban = ""
        self.clear()

    # -- building -----------------------------------------------------------------------------

    def _group(self, title: str, parent: QWidget) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, parent)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        return box, form

    def _value(self, parent: QWidget | None) -> QLabel:
        value = QLabel(parent)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._values.append(value)
        return value

    def _row(self, form: QFormLayout, title: str) -> QLabel:
        value = self._value(form.parentWidget())
        form.addRow(title, value)
        return value

    # -- contents -----------------------------------------------------------------------------

    def set_identity(
        self, info: MemberIdentity, *, can_reveal: bool, can_find_care: bool = False
    ) -> None:
        self._clear_identity()
        h = info.header
        firsts = " ".join(h.first_names.replace(",", " ").split())
        self.ameli.member_name = f"{firsts} {h.last_name}"
        self.last_name.setText(h.last_name)
        self.birth_name.setText(info.birth_name)
        self.first_names.setText(h.first_names)
        self.sex.setText(label(h.sex))
        self.birth.setText(
            self.tr("{date} in {place} ({age})").format(
                date=fmt_date(h.birth_date), place=info.birth_place, age=fmt_age(h.age)
            )
        )
        self.nir.setText(h.nir_formatted)
        if info.address is not None:
            a = info.address
            lines = [a.line1, *([a.line2] if a.line2 else []), f"{a.postcode} {a.city}"]
            self.address.setText("\n".join(lines))
            self._postcode = a.postcode
        else:
            self.address.setText(self.tr("No address on file"))
        self.phone.setText(info.phone or "—")
        self.email.setText(info.email or "—")
        self.directory_button.setVisible(can_find_care and bool(self._postcode))

        self.rights_status.setText(label(info.rights.status))
        self.rights_period.setText(fmt_period(info.rights.start, info.rights.end) or "—")
        self.rights_basis.setText(info.rights.basis or "—")
        self.regime.setText(info.regime)
        self.fund.setText(self.tr("Fund {code}").format(code=info.fund_code))
        if info.doctor is not None:
            d = info.doctor
            self.doctor.setText(
                self.tr("Dr {name}, {specialty}, {city}").format(
                    name=d.name, specialty=d.specialty, city=d.city
                )
            )
        else:
            self.doctor.setText(self.tr("None declared"))
        if info.insurer is not None:
            since = fmt_date(info.insurer.since)
            text = info.insurer.name
            if since:
                text = self.tr("{name} (since {date})").format(name=text, date=since)
            self.insurer.setText(text)
        else:
            self.insurer.setText(self.tr("None"))
        if info.cover is not None:
            c = info.cover
            text = f"{label(c.kind)} — {fmt_period(c.start, c.end)}"
            if c.monthly_participation_cents:
                text += " — " + self.tr("{amount} per month").format(
                    amount=money(c.monthly_participation_cents)
                )
            if not c.current:
                text += " " + self.tr("(ended)")
            self.cover.setText(text)
        else:
            self.cover.setText(self.tr("None"))
        self.debt.setText(money(info.debt_cents) if info.debt_cents else self.tr("None"))

        if info.bank is not None:
            self._masked_iban = info.bank.iban_masked
            self.iban.setText(info.bank.iban_masked)
            self.bic.setText(info.bank.bic)
            self.holder.setText(info.bank.holder)
            self.bank_since.setText(fmt_date(info.bank.valid_from))
            self.reveal_button.setVisible(True)
            self.reveal_button.setEnabled(can_reveal)
            self.reveal_button.setToolTip(
                self.tr("Shows the full IBAN; the access is recorded in the audit trail.")
                if can_reveal
                else self.tr("Your profile does not allow showing the full IBAN.")
            )
        else:
            self.iban.setText(self.tr("No bank account on file"))
        self._set_card(info.vitale)
        self.dependents_model.set_rows(info.dependents)
        self.no_dependents.setVisible(not info.dependents)
        self.dependents.setVisible(bool(info.dependents))
        fit_columns(self.dependents)

    def _set_card(self, card: VitaleInfo | None) -> None:
        if card is None:
            self.card_serial.setText(self.tr("No card"))
            return
        self.card_serial.setText(card.serial)
        self.card_status.setText(label(card.status))
        self.card_issued.setText(fmt_date(card.issued_on) or "—")
        self.card_changed.setText(fmt_date(card.status_changed_on))

    def show_iban(self, iban: str) -> None:
        self.iban.setText(iban)
        self.reveal_button.setEnabled(False)
        self._mask_timer.start()

    def mask_iban(self) -> None:
        self._mask_timer.stop()
        if self._masked_iban:
            self.iban.setText(self._masked_iban)
            self.reveal_button.setEnabled(True)

    def show_bank_error(self, message: str) -> None:
        self.bank_message.show_error(message)

    def select_dependent(self, dependent_id: int) -> None:
        for row, d in enumerate(self.dependents_model.rows):
            if d.id == dependent_id:
                self.dependents.selectRow(row)
                self.dependents.scrollTo(self.dependents_model.index(row, 0))

    def _open_dependent(self, row: int) -> None:
        dependent: DependentInfo = self.dependents_model.row_at(row)
        self.dependent_opened.emit(dependent)

    def _find_care(self) -> None:
        if self._postcode:
            self.directory_requested.emit(self._postcode)

    def clear(self) -> None:
        """Nothing of the member stays in the widgets."""
        self.ameli.clear()
        self._clear_identity()

    def _clear_identity(self) -> None:
        """Every group but the ameli account's, which its own call fills."""
        self._mask_timer.stop()
        self._masked_iban = ""
        for value in self._values:
            value.clear()
        self.bank_message.clear_message()
        self.reveal_button.setVisible(False)
        self.directory_button.setVisible(False)
        self._postcode = ""
        self.dependents_model.clear()
        self.no_dependents.setVisible(False)
        self.dependents.setVisible(False)
        self.verticalScrollBar().setValue(0)
