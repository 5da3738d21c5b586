"""Plain data of the appointments service: offices, reasons, schedules, slots, appointments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from advisor_desk.domain.enums import AppointmentChannel, AppointmentStatus


@dataclass(frozen=True)
class OfficeHoursRange:
    weekday: int  # 0 = Monday
    opens: time
    closes: time


@dataclass(frozen=True)
class OfficeInput:
    code: str
    name: str
    address_line: str
    postcode: str
    city: str
    latitude: float
    longitude: float
    phone: str
    step_free_entrance: bool = False
    accessible_parking: bool = False
    accessible_counter: bool = False
    hearing_loop: bool = False
    active: bool = True


@dataclass(frozen=True)
class OfficeInfo:
    id: int
    code: str
    name: str
    address_line: str
    postcode: str
    city: str
    latitude: float
    longitude: float
    phone: str
    step_free_entrance: bool
    accessible_parking: bool
    accessible_counter: bool
    hearing_loop: bool
    active: bool
    hours: list[OfficeHoursRange]

    @property
    def pmr(self) -> bool:
        """Accessible to a person with reduced mobility: step-free entrance and counter."""
        return self.step_free_entrance and self.accessible_counter


@dataclass(frozen=True)
class ClosureInfo:
    id: int
    office_id: int
    day: date
    reason: str


@dataclass(frozen=True)
class HolidayInfo:
    """A public holiday: every office is closed (not a closure row of its own)."""

    day: date
    name: str


@dataclass(frozen=True)
class ReasonInput:
    code: str
    label: str
    duration_min: int
    channel: AppointmentChannel
    min_delay_hours: int = 2
    max_delay_days: int = 30
    active: bool = True


@dataclass(frozen=True)
class ReasonInfo:
    id: int
    code: str
    label: str
    duration_min: int
    channel: AppointmentChannel
    min_delay_hours: int
    max_delay_days: int
    active: bool


@dataclass(frozen=True)
class AdvisorRef:
    id: int
    full_name: str
    office_id: int | None


@dataclass(frozen=True)
class ScheduleInput:
    """An opening range: weekday None for a one-off on first_day (last_day then ignored)."""

    advisor_id: int
    office_id: int
    weekday: int | None
    first_day: date
    last_day: date | None
    start_time: time
    end_time: time
    reason_ids: list[int]


@dataclass(frozen=True)
class ScheduleInfo:
    id: int
    advisor_id: int
    advisor_name: str
    office_id: int
    office_name: str
    weekday: int | None
    first_day: date
    last_day: date | None
    start_time: time
    end_time: time
    reason_ids: list[int]
    version: int  # to send back with an edit: a range changed since is not overwritten


@dataclass(frozen=True)
class AbsenceInfo:
    id: int
    advisor_id: int
    starts_at: datetime
    ends_at: datetime
    reason: str


@dataclass(frozen=True)
class SlotInfo:
    office_id: int
    advisor_id: int
    advisor_name: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class OfficeChoice:
    """An office offered to a member: distance from their current address, first free slots."""

    office: OfficeInfo
    distance_km: float | None  # None when the member's address has no coordinates
    first_slots: list[SlotInfo]


@dataclass(frozen=True)
class AppointmentView:
    id: int
    member_id: int
    member_name: str
    office_id: int
    office_name: str
    advisor_id: int
    advisor_name: str
    reason_id: int
    reason_label: str
    channel: AppointmentChannel
    starts_at: datetime
    ends_at: datetime
    status: AppointmentStatus
    booked_at: datetime
    arrived_at: datetime | None
    seen_at: datetime | None
    cancel_reason: str | None


@dataclass(frozen=True)
class AgendaOpening:
    """An advisor's opening range on one day of an agenda (after closures and holidays)."""

    advisor_id: int
    advisor_name: str
    office_id: int
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class Agenda:
    first_day: date
    days: int
    office_id: int | None
    advisor_id: int | None
    openings: list[AgendaOpening]
    appointments: list[AppointmentView]
    absences: list[AbsenceInfo]
