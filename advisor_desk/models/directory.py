"""The health-professionals directory results as a Qt table model."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from advisor_desk.backend.professionals_dto import ProfessionalRow
from advisor_desk.domain.enums import Sector
from advisor_desk.domain.money import NBSP, format_eur
from advisor_desk.models.table import Column, RowTableModel

NO_VALUE = "—"


def sector_label(sector: Sector) -> str:
    labels = {
        Sector.SECTOR_1: QCoreApplication.translate("DirectoryModel", "Sector 1"),
        Sector.SECTOR_2: QCoreApplication.translate("DirectoryModel", "Sector 2"),
        Sector.OPTAM: QCoreApplication.translate("DirectoryModel", "OPTAM"),
    }
    return labels[Sector(sector)]


def fee_text(cents: int) -> str:
    """The consultation fee; a dash when none is published (pharmacies, laboratories)."""
    return format_eur(cents) if cents > 0 else NO_VALUE


def distance_text(km: float | None) -> str:
    if km is None:
        return NO_VALUE
    return f"{km:.1f}".replace(".", ",") + f"{NBSP}km"


class DirectoryModel(RowTableModel[ProfessionalRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("DirectoryModel", "Name"), lambda p: p.name),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Specialty"), lambda p: p.specialty
                ),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Sector"),
                    lambda p: sector_label(p.sector),
                ),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Consultation"),
                    lambda p: fee_text(p.fee_cents),
                    sort_key=lambda p: p.fee_cents,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Address"), lambda p: p.address
                ),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Commune"),
                    lambda p: f"{p.postcode} {p.city}",
                ),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Distance"),
                    lambda p: distance_text(p.distance_km),
                    sort_key=lambda p: (p.distance_km is None, p.distance_km or 0.0),
                    align_right=True,
                ),
            ],
            parent,
        )
