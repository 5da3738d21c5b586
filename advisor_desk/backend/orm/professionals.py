"""Health professionals: specialty, sector (1, 2, OPTAM), fee, where they practise."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import Sector

from .base import Base, str_enum


class Professional(Base):
    __tablename__ = "professionals"

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
