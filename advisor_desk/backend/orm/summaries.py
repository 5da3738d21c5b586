"""Dashboard summaries: counts kept by database triggers (see `backend/summaries.py`).

Nothing in the application writes these tables: the triggers on `mail_threads`,
`declarations` and `appointments` keep them, in the transaction that changes the rows they count. A thread or
a request routed to no team or office counts under key 0; the mail and appointment counts are split in
stripes (row id modulo `summaries.STRIPES`), which reads add up.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Integer, SmallInteger
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import DeclarationKind, DeclarationState, MailTheme

from .base import Base, str_enum


class MailFlowHour(Base):
    """Threads arrived and closed per UTC hour (a Paris day is whole UTC hours), and the
    arrivals' first answers within or after their deadline."""

    __tablename__ = "mail_flow_hours"
    __table_args__ = (
        CheckConstraint(
            "arrivals >= 0 AND sla_met >= 0 AND sla_late >= 0 AND closures >= 0",
            name="counts",
        ),
    )

    hour: Mapped[datetime] = mapped_column(primary_key=True)
    team_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    stripe: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    arrivals: Mapped[int] = mapped_column(Integer)
    sla_met: Mapped[int] = mapped_column(Integer)
    sla_late: Mapped[int] = mapped_column(Integer)
    closures: Mapped[int] = mapped_column(Integer)


class MailOpenDay(Base):
    """Open threads by the UTC day they arrived on and their theme."""

    __tablename__ = "mail_open_days"
    __table_args__ = (CheckConstraint("open_count >= 0", name="counts"),)

    day: Mapped[date] = mapped_column(primary_key=True)
    theme: Mapped[MailTheme] = mapped_column(str_enum(MailTheme, "mail_theme"), primary_key=True)
    team_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    stripe: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    open_count: Mapped[int] = mapped_column(Integer)


class DeclarationOpenCount(Base):
    """Open requests by kind, state, office and estimated date (`NO_ESTIMATE` when none)."""

    __tablename__ = "declaration_open_counts"
    __table_args__ = (CheckConstraint("open_count >= 0", name="counts"),)

    kind: Mapped[DeclarationKind] = mapped_column(
        str_enum(DeclarationKind, "declaration_kind"), primary_key=True
    )
    state: Mapped[DeclarationState] = mapped_column(
        str_enum(DeclarationState, "declaration_state"), primary_key=True
    )
    office_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    estimated_key: Mapped[date] = mapped_column(primary_key=True)
    open_count: Mapped[int] = mapped_column(Integer)


class AppointmentHour(Base):
    """Appointments per UTC hour of their start and office: booked (not cancelled), seen, not
    come, and the wait of those seen after arriving (microseconds, summed)."""

    __tablename__ = "appointment_hours"
    __table_args__ = (
        CheckConstraint("booked >= 0 AND seen >= 0 AND noshow >= 0 AND waits >= 0", name="counts"),
    )

    hour: Mapped[datetime] = mapped_column(primary_key=True)
    office_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    stripe: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    booked: Mapped[int] = mapped_column(Integer)
    seen: Mapped[int] = mapped_column(Integer)
    noshow: Mapped[int] = mapped_column(Integer)
    wait_us: Mapped[int] = mapped_column(BigInteger)
    waits: Mapped[int] = mapped_column(Integer)
