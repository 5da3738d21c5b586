"""The edit form of one office: address, coordinates, phone, accessibility, active."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from advisor_desk.backend.appointments_dto import OfficeInfo, OfficeInput


def _coordinate(text: str) -> float:
    """A latitude or longitude typed with a dot or a French decimal comma."""
    return float(text.strip().replace(",", ".").replace(" ", ""))


class OfficeForm(QWidget):
    """Fields of an office; `office_input()` reads them (ValueError names the faulty field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeForm")
        self.code = QLineEdit(self)
        self.code.setMaxLength(16)
        self.code.setPlaceholderText(self.tr("e.g. LYO3"))
        self.name = QLineEdit(self)
        self.name.setMaxLength(120)
        self.address = QLineEdit(self)
        self.address.setMaxLength(200)
        self.postcode = QLineEdit(self)
        self.postcode.setMaxLength(5)
        self.city = QLineEdit(self)
        self.city.setMaxLength(80)
        self.latitude = QLineEdit(self)
        self.latitude.setPlaceholderText(self.tr("e.g. 45.7602"))
        self.longitude = QLineEdit(self)
        self.longitude.setPlaceholderText(self.tr("e.g. 4.8600"))
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(30)
        self.step_free = QCheckBox(self.tr("Step-free entrance"), self)
        self.parking = QCheckBox(self.tr("Accessible parking"), self)
        self.counter = QCheckBox(self.tr("Accessible counter"), self)
        self.hearing_loop = QCheckBox(self.tr("Hearing loop"), self)
        self.active = QCheckBox(self.tr("Active (open to bookings)"), self)
        self.active.setChecked(True)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)

        def row(r: int, c: int, text: str, field: QWidget, span: int = 1) -> None:
            label = QLabel(text, self)
            label.setBuddy(field)
            grid.addWidget(label, r, c, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(field, r, c + 1, 1, span)

        row(0, 0, self.tr("C&ode:"), self.code)
        row(0, 2, self.tr("Na&me:"), self.name)
        row(1, 0, self.tr("&Address:"), self.address, 3)
        row(2, 0, self.tr("Post&code:"), self.postcode)
        row(2, 2, self.tr("&Town:"), self.city)
        row(3, 0, self.tr("&Latitude:"), self.latitude)
        row(3, 2, self.tr("Lon&gitude:"), self.longitude)
        row(4, 0, self.tr("&Phone:"), self.phone)
        grid.addWidget(self.active, 4, 3)
        access = QGridLayout()
        access.setVerticalSpacing(0)
        access.addWidget(self.step_free, 0, 0)
        access.addWidget(self.counter, 0, 1)
        access.addWidget(self.parking, 1, 0)
        access.addWidget(self.hearing_loop, 1, 1)
        access_label = QLabel(self.tr("Reduced mobility:"), self)
        grid.addWidget(access_label, 5, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addLayout(access, 5, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)

        self.fields: dict[str, QWidget] = {
            "code": self.code,
            "name": self.name,
            "address_line": self.address,
            "postcode": self.postcode,
            "city": self.city,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "phone": self.phone,
        }

    def set_office(self, office: OfficeInfo | None) -> None:
        """Show an office, or empty fields for a new one."""
        self.code.setText(office.code if office else "")
        self.name.setText(office.name if office else "")
        self.address.setText(office.address_line if office else "")
        self.postcode.setText(office.postcode if office else "")
        self.city.setText(office.city if office else "")
        self.latitude.setText(f"{office.latitude:.5f}" if office else "")
        self.longitude.setText(f"{office.longitude:.5f}" if office else "")
        self.phone.setText(office.phone if office else "")
        self.step_free.setChecked(bool(office and office.step_free_entrance))
        self.parking.setChecked(bool(office and office.accessible_parking))
        self.counter.setChecked(bool(office and office.accessible_counter))
        self.hearing_loop.setChecked(bool(office and office.hearing_loop))
        self.active.setChecked(office.active if office else True)

    def office_input(self) -> OfficeInput:
        """The typed office; ValueError(field) when a coordinate is not a number."""
        coordinates = []
        for field, edit in (("latitude", self.latitude), ("longitude", self.longitude)):
            try:
                coordinates.append(_coordinate(edit.text()))
            except ValueError:
                raise ValueError(field) from None
        return OfficeInput(
            code=self.code.text(),
            name=self.name.text(),
            address_line=self.address.text(),
            postcode=self.postcode.text().strip(),
            city=self.city.text(),
            latitude=coordinates[0],
            longitude=coordinates[1],
            phone=self.phone.text(),
            step_free_entrance=self.step_free.isChecked(),
            accessible_parking=self.parking.isChecked(),
            accessible_counter=self.counter.isChecked(),
            hearing_loop=self.hearing_loop.isChecked(),
            active=self.active.isChecked(),
        )
