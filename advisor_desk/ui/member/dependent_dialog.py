"""A dependent's details, opened from the member file (everything was read with the identity)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from advisor_desk.backend.members_dto import DependentInfo
from advisor_desk.models.member_file_labels import fmt_age, fmt_date, label


class DependentDialog(QDialog):
    def __init__(
        self, dependent: DependentInfo, holder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dependentDialog")
        self.setWindowTitle(
            self.tr("Dependent: {first} {last}").format(
                first=dependent.first_names, last=dependent.last_name
            )
        )
        title = QLabel(f"{dependent.last_name.upper()} {dependent.first_names}", self)
        title.setObjectName("dialogTitle")
        form = QFormLayout()
        rows = [
            (self.tr("Rank"), f"{dependent.rank:02d}"),
            (self.tr("Relationship"), label(dependent.relationship)),
            (self.tr("Covered through"), holder),
            (self.tr("Sex"), label(dependent.sex)),
            (
                self.tr("Birth date"),
                f"{fmt_date(dependent.birth_date)} ({fmt_age(dependent.age)})",
            ),
            (self.tr("NIR"), dependent.nir_formatted or self.tr("None of their own")),
        ]
        card = dependent.vitale
        if card is not None:
            rows.append(
                (
                    self.tr("Carte Vitale"),
                    self.tr("{serial}, {status} since {date}").format(
                        serial=card.serial,
                        status=label(card.status).lower(),
                        date=fmt_date(card.status_changed_on),
                    ),
                )
            )
        else:
            rows.append((self.tr("Carte Vitale"), self.tr("None (on the member's card)")))
        rows.append((self.tr("ALD in progress"), str(dependent.ald_count)))
        if dependent.other_parent_member_id is not None:
            rows.append(
                (self.tr("Other parent"), self.tr("Also registered on the other parent's card"))
            )
        for name, value in rows:
            text = QLabel(value, self)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)
