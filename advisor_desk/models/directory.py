"""The health directory's results as Qt table models: professionals and care establishments."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from advisor_desk.backend.professionals_dto import EstablishmentRow, ProfessionalRow
from advisor_desk.domain.enums import EstablishmentKind, EstablishmentStatus, Sector
from advisor_desk.domain.money import NBSP, format_eur
from advisor_desk.domain.opening_hours import always_open, day_groups, parse_hours
from advisor_desk.models.table import Column, RowTableModel

NO_VALUE = "—"


def sector_label(sector: Sector) -> str:
    labels = {
        Sector.SECTOR_1: QCoreApplication.translate("DirectoryModel", "Sector 1"),
        Sector.SECTOR_2: QCoreApplication.translate("DirectoryModel", "Sector 2"),
        Sector.OPTAM: QCoreApplication.translate("DirectoryModel", "OPTAM"),
    }
    return labels[Sector(sector)]


def kind_label(kind: EstablishmentKind) -> str:
    labels = {
        EstablishmentKind.CHU: QCoreApplication.translate("DirectoryModel", "University hospital"),
        EstablishmentKind.HOSPITAL: QCoreApplication.translate("DirectoryModel", "Hospital"),
        EstablishmentKind.CLINIC: QCoreApplication.translate("DirectoryModel", "Private clinic"),
        EstablishmentKind.HEALTH_CENTRE: QCoreApplication.translate(
            "DirectoryModel", "Health centre"
        ),
        EstablishmentKind.HEALTH_HOUSE: QCoreApplication.translate(
            "DirectoryModel", "Multi-professional practice"
        ),
        EstablishmentKind.LABORATORY: QCoreApplication.translate(
            "DirectoryModel", "Medical laboratory"
        ),
        EstablishmentKind.IMAGING: QCoreApplication.translate("DirectoryModel", "Radiology centre"),
        EstablishmentKind.PHARMACY: QCoreApplication.translate("DirectoryModel", "Pharmacy"),
    }
    return labels[EstablishmentKind(kind)]


def status_label(status: EstablishmentStatus) -> str:
    labels = {
        EstablishmentStatus.PUBLIC: QCoreApplication.translate("DirectoryModel", "Public"),
        EstablishmentStatus.PRIVATE_NON_PROFIT: QCoreApplication.translate(
            "DirectoryModel", "Private non-profit"
        ),
        EstablishmentStatus.PRIVATE_FOR_PROFIT: QCoreApplication.translate(
            "DirectoryModel", "Private for-profit"
        ),
    }
    return labels[EstablishmentStatus(status)]


def fee_text(cents: int) -> str:
    """The consultation fee; a dash when none is published (pharmacies, laboratories)."""
    return format_eur(cents) if cents > 0 else NO_VALUE


def distance_text(km: float | None) -> str:
    if km is None:
        return NO_VALUE
    return f"{km:.1f}".replace(".", ",") + f"{NBSP}km"


def _day_names() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("DirectoryModel", "Mon."),
        QCoreApplication.translate("DirectoryModel", "Tue."),
        QCoreApplication.translate("DirectoryModel", "Wed."),
        QCoreApplication.translate("DirectoryModel", "Thu."),
        QCoreApplication.translate("DirectoryModel", "Fri."),
        QCoreApplication.translate("DirectoryModel", "Sat."),
        QCoreApplication.translate("DirectoryModel", "Sun."),
    )


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def hours_text(hours: str) -> str:
    """Opening hours as an advisor reads them out: "Mon.–Fri. 8:30–12:00, 14:00–19:00; Sat.
    9:00–12:00" (in French "Lun.–ven. … ; sam. …"), "Open 24/7", or "Hours not published"."""
    if not hours:
        return QCoreApplication.translate("DirectoryModel", "Hours not published")
    try:
        week = parse_hours(hours)
    except ValueError:
        return hours  # unreadable: shown as stored rather than hidden
    if week == always_open():
        return QCoreApplication.translate("DirectoryModel", "Open 24/7")
    names = _day_names()
    parts = []
    for first, last, ranges in day_groups(week):
        days = names[first] if first == last else f"{names[first]}–{names[last]}"
        parts.append(f"{days} " + ", ".join(f"{_clock(a)}–{_clock(b)}" for a, b in ranges))
    # The separator between groups of days: French sets a space before the semicolon.
    text = QCoreApplication.translate("DirectoryModel", "; ").join(parts)
    return text[:1].upper() + text[1:]


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


class EstablishmentModel(RowTableModel[EstablishmentRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("DirectoryModel", "Name"), lambda e: e.name),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Type"),
                    lambda e: kind_label(e.kind),
                ),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Emergency"),
                    lambda e: (
                        QCoreApplication.translate("DirectoryModel", "24/7")
                        if e.emergency
                        else NO_VALUE
                    ),
                ),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Status"),
                    lambda e: status_label(e.status),
                ),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Address"),
                    lambda e: f"{e.address}, {e.postcode} {e.city}",
                ),
                Column(QCoreApplication.translate("DirectoryModel", "Phone"), lambda e: e.phone),
                Column(
                    QCoreApplication.translate("DirectoryModel", "Distance"),
                    lambda e: distance_text(e.distance_km),
                    sort_key=lambda e: (e.distance_km is None, e.distance_km or 0.0),
                    align_right=True,
                ),
            ],
            parent,
        )
