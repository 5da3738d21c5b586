"""Appointments: reasons, opening schedules per advisor × office, absences, bookings."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import AppointmentChannel, AppointmentStatus

from .base import Base, str_enum, utcnow


class AppointmentReason(Base):
    """Motif de rendez-vous with its default duration and booking delays."""

    __tablename__ = "appointment_reasons"
    __table_args__ = (
        CheckConstraint("duration_min > 0", name="duration"),
        CheckConstraint("min_delay_hours >= 0 AND max_delay_days > 0", name="delays"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    duration_min: Mapped[int] = mapped_column(SmallInteger)
    channel: Mapped[AppointmentChannel] = mapped_column(
        str_enum(AppointmentChannel, "appointment_channel")
    )
    min_delay_hours: Mapped[int] = mapped_column(Integer, default=2)
    max_delay_days: Mapped[int] = mapped_column(Integer, default=30)
    active: Mapped[bool] = mapped_column(default=True)


class Schedule(Base):
    """An opening range of one advisor at one office: one-off (weekday NULL) or weekly until end."""

    __tablename__ = "schedules"
    __table_args__ = (
        Index("ix_schedules_office", "office_id", "first_day"),
        Index("ix_schedules_advisor", "advisor_id", "first_day"),
        CheckConstraint("start_time < end_time", name="range"),
        CheckConstraint("weekday IS NULL OR weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("last_day IS NULL OR first_day <= last_day", name="days"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    advisor_id: Mapped[int] = mapped_column(ForeignKey("advisors.id"))
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    weekday: Mapped[int | None] = mapped_column(SmallInteger)
    first_day: Mapped[date]
    last_day: Mapped[date | None]
    start_time: Mapped[time]
    end_time: Mapped[time]
    # Raised by every edit (reasons included): an edit from an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class ScheduleReason(Base):
    __tablename__ = "schedule_reasons"

    schedule_id: Mapped[int] = mapped_column(
        ForeignKey("schedules.id", ondelete="CASCADE"), primary_key=True
    )
    reason_id: Mapped[int] = mapped_column(ForeignKey("appointment_reasons.id"), primary_key=True)


class Absence(Base):
    __tablename__ = "absences"
    __table_args__ = (
        Index("ix_absences_advisor", "advisor_id", "starts_at"),
        CheckConstraint("starts_at < ends_at", name="range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    advisor_id: Mapped[int] = mapped_column(ForeignKey("advisors.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(120))


class Appointment(Base):
    __tablename__ = "appointments"
    __table_args__ = (
        Index("ix_appointments_advisor_start", "advisor_id", "starts_at"),
        Index("ix_appointments_office_start", "office_id", "starts_at"),
        Index("ix_appointments_member", "member_id", "starts_at"),
        # Supervision dashboard: every office's appointments of a period, without the table.
        Index("ix_appointments_start", "starts_at", "office_id", "status", "arrived_at", "seen_at"),
        CheckConstraint("starts_at < ends_at", name="range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    advisor_id: Mapped[int] = mapped_column(ForeignKey("advisors.id"))
    reason_id: Mapped[int] = mapped_column(ForeignKey("appointment_reasons.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    status: Mapped[AppointmentStatus] = mapped_column(
        str_enum(AppointmentStatus, "appointment_status")
    )
    booked_at: Mapped[datetime] = mapped_column(default=utcnow)
    booked_by_advisor_id: Mapped[int | None] = mapped_column(ForeignKey("advisors.id"))
    arrived_at: Mapped[datetime | None]
    seen_at: Mapped[datetime | None]
    cancel_reason: Mapped[str | None] = mapped_column(Text)
