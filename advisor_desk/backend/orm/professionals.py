"""The health directory: professionals (specialty, sector, fee, hours) and care establishments."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import (
    EMERGENCY_KINDS,
    EstablishmentKind,
    EstablishmentStatus,
    Sector,
)
from advisor_desk.domain.text import name_key

from .base import Base, str_enum

HOURS_LENGTH = 300


def search_key(last_name: str, first_name: str, city: str) -> str:
    """What the directory's words are looked for in, and its order by name: the last name,
    first name and commune, lowercase and without accents."""
    return name_key(f"{last_name} {first_name} {city}")


def _search_key(context: Any) -> str:
    row = context.get_current_parameters()
    return search_key(row["last_name"], row["first_name"], row["city"])


def establishment_key(name: str, city: str) -> str:
    """An establishment's words and order by name: its name and commune, folded."""
    return name_key(f"{name} {city}")


def _establishment_key(context: Any) -> str:
    row = context.get_current_parameters()
    return establishment_key(row["name"], row["city"])


class Professional(Base):
    __tablename__ = "professionals"
    __table_args__ = (Index("ix_professionals_search_key", "search_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rpps: Mapped[str] = mapped_column(String(11), unique=True)
    last_name: Mapped[str] = mapped_column(String(80))
    first_name: Mapped[str] = mapped_column(String(80))
    specialty: Mapped[str] = mapped_column(String(80), index=True)
    sector: Mapped[Sector] = mapped_column(str_enum(Sector, "sector"))
    consultation_fee_cents: Mapped[int] = mapped_column(Integer)
    address_line: Mapped[str] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(5))
    city: Mapped[str] = mapped_column(String(80))
    latitude: Mapped[float]
    longitude: Mapped[float]
    # Filled from the name and commune when a row is inserted (the directory is not edited).
    search_key: Mapped[str] = mapped_column(String(300), default=_search_key)
    # Consultation hours, domain/opening_hours.py's compact text; "" when not published.
    hours: Mapped[str] = mapped_column(String(HOURS_LENGTH), default="", server_default="")


_EMERGENCY_KINDS_SQL = ", ".join(f"'{k.value}'" for k in sorted(EMERGENCY_KINDS))


class HealthEstablishment(Base):
    """A care establishment (établissement de soins) of the directory, known by its FINESS."""

    __tablename__ = "health_establishments"
    __table_args__ = (
        Index("ix_health_establishments_search_key", "search_key"),
        Index("ix_health_establishments_kind", "kind", "search_key"),
        Index("ix_health_establishments_postcode", "postcode"),
        CheckConstraint("length(finess) = 9", name="finess_length"),
        CheckConstraint("length(postcode) = 5", name="postcode_length"),
        CheckConstraint(
            "latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180", name="coordinates"
        ),
        CheckConstraint(
            f"NOT emergency OR kind IN ({_EMERGENCY_KINDS_SQL})", name="emergency_kind"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    finess: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[EstablishmentKind] = mapped_column(
        str_enum(EstablishmentKind, "establishment_kind")
    )
    status: Mapped[EstablishmentStatus] = mapped_column(
        str_enum(EstablishmentStatus, "establishment_status")
    )
    address_line: Mapped[str] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(5))
    city: Mapped[str] = mapped_column(String(80))
    latitude: Mapped[float]
    longitude: Mapped[float]
    phone: Mapped[str] = mapped_column(String(20))
    emergency: Mapped[bool] = mapped_column(default=False)  # urgences 24h/24
    hours: Mapped[str] = mapped_column(String(HOURS_LENGTH), default="", server_default="")
    search_key: Mapped[str] = mapped_column(String(300), default=_establishment_key)
