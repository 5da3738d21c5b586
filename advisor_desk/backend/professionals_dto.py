"""What the health directory service returns: professionals and care establishments."""

from __future__ import annotations

from dataclasses import dataclass

from advisor_desk.domain.enums import EstablishmentKind, EstablishmentStatus, Sector


@dataclass(frozen=True)
class ProfessionalRow:
    id: int
    rpps: str
    name: str  # "LAST First"
    specialty: str
    sector: Sector
    fee_cents: int  # consultation fee; 0 when not published
    address: str
    postcode: str
    city: str
    distance_km: float | None  # from the search origin, None without one
    hours: str = ""  # consultation hours, domain/opening_hours.py's text; "" when not published


@dataclass(frozen=True)
class ProfessionalSearch:
    rows: list[ProfessionalRow]  # at most the requested limit, nearest (or by name) first
    total: int  # every professional matching the filters
    origin: str | None  # what distances are measured from (office name or postcode)


@dataclass(frozen=True)
class EstablishmentRow:
    id: int
    finess: str
    name: str
    kind: EstablishmentKind
    status: EstablishmentStatus
    address: str
    postcode: str
    city: str
    phone: str
    emergency: bool  # runs an emergency department open 24/7
    hours: str  # opening hours, domain/opening_hours.py's text; "" when not published
    distance_km: float | None  # from the search origin, None without one


@dataclass(frozen=True)
class EstablishmentSearch:
    rows: list[EstablishmentRow]  # at most the requested limit, nearest (or by name) first
    total: int  # every establishment matching the filters
    origin: str | None  # what distances are measured from (office name or postcode)


@dataclass(frozen=True)
class DirectoryOffice:
    """A reception office distances can be measured from."""

    id: int
    name: str
    city: str
