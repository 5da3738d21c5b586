"""Health professionals: specialty, sector (1, 2, OPTAM), fee, where they practise."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import Sector
from advisor_desk.domain.text import name_key

from .base import Base, str_enum


def search_key(last_name: str, first_name: str, city: str) -> str:
    """What the directory's words are looked for in, and its order by name: the last name,
    first name and commune, lowercase and without accents."""
    return name_key(f"{last_name} {first_name} {city}")


def _search_key(context: Any) -> str:
    row = context.get_current_parameters()
    return search_key(row["last_name"], row["first_name"], row["city"])


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
