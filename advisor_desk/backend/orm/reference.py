"""Dated reference data loaded from resources/reference (ALD list, amounts and caps, CSS ceilings)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Integer, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class AldReference(Base):
    __tablename__ = "ald_reference"

    code: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]


class ReferenceValue(Base):
    """A figure that changes by law (cents or percent), in force from valid_from to valid_to."""

    __tablename__ = "reference_values"
    __table_args__ = (
        UniqueConstraint("key", "valid_from"),
        CheckConstraint("valid_to IS NULL OR valid_from < valid_to", name="range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]
    value: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(String(200))


class CssCeiling(Base):
    """CSS yearly income ceilings by household size (size 0 holds the per-extra-person increment)."""

    __tablename__ = "css_ceilings"
    __table_args__ = (UniqueConstraint("valid_from", "household_size"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]
    household_size: Mapped[int] = mapped_column(SmallInteger)
    free_cents: Mapped[int] = mapped_column(Integer)
    participation_cents: Mapped[int] = mapped_column(Integer)
