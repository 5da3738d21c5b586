"""Members (assurés) and their dependents, addresses, bank accounts, cards, covers and rights."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import CoverKind, Relationship, Sex, VitaleStatus

from .base import Base, str_enum, utcnow


class ComplementaryInsurer(Base):
    """Organisme complémentaire (mutuelle) receiving claims by NOEMIE."""

    __tablename__ = "complementary_insurers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(120))


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (
        # Search keys: normalized (lowercase, no accents) last name + first name, and birth name.
        Index("ix_members_name_key", "name_key", "first_name_key"),
        Index("ix_members_birth_name_key", "birth_name_key", "first_name_key"),
        # A typed birth date finds the few people born that day before names are compared.
        Index("ix_members_birth_date", "birth_date"),
        CheckConstraint("length(nir) = 15", name="nir_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nir: Mapped[str] = mapped_column(String(15), unique=True)
    last_name: Mapped[str] = mapped_column(String(80))
    birth_name: Mapped[str] = mapped_column(String(80))
    first_names: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(80))
    first_name_key: Mapped[str] = mapped_column(String(120))
    birth_name_key: Mapped[str] = mapped_column(String(80))
    sex: Mapped[Sex] = mapped_column(str_enum(Sex, "sex"))
    birth_date: Mapped[date]
    birth_place: Mapped[str] = mapped_column(String(80))
    email: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20))
    regime: Mapped[str] = mapped_column(String(40), default="Régime général")
    fund_code: Mapped[str] = mapped_column(String(3))
    referring_doctor_id: Mapped[int | None] = mapped_column(ForeignKey("professionals.id"))
    complementary_insurer_id: Mapped[int | None] = mapped_column(
        ForeignKey("complementary_insurers.id")
    )
    complementary_since: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Two advisors may edit one member: stale writes fail instead of overwriting.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Dependent(Base):
    """Ayant droit: a person covered through a member; rank 01 is the member, so dependents start at 2."""

    __tablename__ = "dependents"
    __table_args__ = (
        UniqueConstraint("member_id", "rank"),
        CheckConstraint("rank >= 2", name="rank"),
        Index("ix_dependents_name_key", "name_key", "first_name_key"),
        Index("ix_dependents_birth_date", "birth_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer)
    relationship: Mapped[Relationship] = mapped_column(str_enum(Relationship, "relationship"))
    nir: Mapped[str | None] = mapped_column(String(15), index=True)
    last_name: Mapped[str] = mapped_column(String(80))
    first_names: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(80))
    first_name_key: Mapped[str] = mapped_column(String(120))
    sex: Mapped[Sex] = mapped_column(str_enum(Sex, "sex"))
    birth_date: Mapped[date]
    # A child may also be registered on the other parent's card.
    other_parent_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Address(Base):
    """Postal address history; the current one has valid_to NULL."""

    __tablename__ = "addresses"
    __table_args__ = (Index("ix_addresses_member_current", "member_id", "valid_to"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    line1: Mapped[str] = mapped_column(String(120))
    line2: Mapped[str | None] = mapped_column(String(120))
    postcode: Mapped[str] = mapped_column(String(5))
    city: Mapped[str] = mapped_column(String(80))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]


class BankAccount(Base):
    """Bank details history; the active one has valid_to NULL."""

    __tablename__ = "bank_accounts"
    __table_args__ = (Index("ix_bank_accounts_member_current", "member_id", "valid_to"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    iban: Mapped[str] = mapped_column(String(34))
    bic: Mapped[str] = mapped_column(String(11))
    holder: Mapped[str] = mapped_column(String(120))
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]


class VitaleCard(Base):
    __tablename__ = "vitale_cards"
    __table_args__ = (Index("ix_vitale_cards_member", "member_id", "dependent_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    dependent_id: Mapped[int | None] = mapped_column(ForeignKey("dependents.id"))
    serial: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[VitaleStatus] = mapped_column(str_enum(VitaleStatus, "vitale_status"))
    issued_on: Mapped[date | None]
    status_changed_on: Mapped[date]


class CoverPeriod(Base):
    """CSS (free or with participation) or AME cover over a period."""

    __tablename__ = "cover_periods"
    __table_args__ = (
        Index("ix_cover_periods_member", "member_id", "start"),
        CheckConstraint('start <= "end"', name="range"),
        CheckConstraint("monthly_participation_cents >= 0", name="participation"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[CoverKind] = mapped_column(str_enum(CoverKind, "cover_kind"))
    start: Mapped[date]
    end: Mapped[date]
    monthly_participation_cents: Mapped[int] = mapped_column(Integer, default=0)


class RightsPeriod(Base):
    """A period over which the member is covered by the régime général."""

    __tablename__ = "rights_periods"
    __table_args__ = (Index("ix_rights_periods_member", "member_id", "start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    start: Mapped[date]
    end: Mapped[date | None]
    basis: Mapped[str] = mapped_column(String(60))
