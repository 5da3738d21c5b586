"""Mail SLA arithmetic: response deadlines per theme on the back office's business hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .calendar import (
    DEFAULT_BUSINESS_HOURS,
    BusinessHours,
    add_business_hours,
    business_hours_between,
)
from .enums import MailTheme

# First-response targets in business hours (one business day = 8.5 h with the default
# hours). Income-replacing benefits come first: a member waiting for sick-leave or
# work-accident money has nothing else to live on.
FIRST_RESPONSE_HOURS: dict[MailTheme, float] = {
    MailTheme.SICK_LEAVE: 8.5,
    MailTheme.WORK_ACCIDENT: 8.5,
    MailTheme.MATERNITY: 17.0,
    MailTheme.CSS: 17.0,
    MailTheme.RIGHTS_VITALE: 17.0,
    MailTheme.REIMBURSEMENTS: 25.5,
    MailTheme.ADDRESS_BANK: 25.5,
    MailTheme.OTHER: 42.5,
}

# When the member writes again after an answer, the next answer is due sooner than a first
# one would be, but never later than the theme's first-response target.
FOLLOW_UP_HOURS = 17.0


def first_response_hours(theme: MailTheme) -> float:
    return FIRST_RESPONSE_HOURS[theme]


def first_response_due(
    received_at: datetime, theme: MailTheme, bh: BusinessHours = DEFAULT_BUSINESS_HOURS
) -> datetime:
    """When the first answer to a message received at `received_at` is due."""
    return add_business_hours(received_at, first_response_hours(theme), bh)


def follow_up_due(
    received_at: datetime, theme: MailTheme, bh: BusinessHours = DEFAULT_BUSINESS_HOURS
) -> datetime:
    """When the answer to a member's reply (thread already answered once) is due."""
    return add_business_hours(received_at, min(FOLLOW_UP_HOURS, first_response_hours(theme)), bh)


def hours_left(
    due_at: datetime, now: datetime, bh: BusinessHours = DEFAULT_BUSINESS_HOURS
) -> float:
    """Business hours until the deadline; negative once it has passed."""
    return business_hours_between(now, due_at, bh)


def pause(due_at: datetime, at: datetime, bh: BusinessHours = DEFAULT_BUSINESS_HOURS) -> float:
    """Stop the clock (thread waiting for the member): the business hours that were left."""
    return hours_left(due_at, at, bh)


def resume(
    remaining_hours: float, at: datetime, bh: BusinessHours = DEFAULT_BUSINESS_HOURS
) -> datetime:
    """Restart a paused clock at `at`: the new deadline (already due now if none were left)."""
    return add_business_hours(at, max(0.0, remaining_hours), bh)


@dataclass(frozen=True)
class SlaStatus:
    """Where a thread stands against its deadline, for the queue and the thread header."""

    due_at: datetime | None
    hours_left: float | None  # business hours; negative when breached; None when no clock runs
    breached: bool
    paused: bool  # waiting for the member: the clock does not run


def sla_status(
    due_at: datetime | None,
    now: datetime,
    *,
    paused: bool = False,
    bh: BusinessHours = DEFAULT_BUSINESS_HOURS,
) -> SlaStatus:
    """The status of a deadline at `now`; a paused or closed thread has no running clock."""
    if paused or due_at is None:
        return SlaStatus(due_at=None, hours_left=None, breached=False, paused=paused)
    left = hours_left(due_at, now, bh)
    # A deadline passed outside business hours counts as breached even though no business
    # hour has elapsed since: compare instants, not only business time.
    breached = now > due_at
    return SlaStatus(due_at=due_at, hours_left=round(left, 2), breached=breached, paused=False)


def minutes_text(minutes: int | None) -> str:
    """A duration in whole minutes as people read it: '45 min', '12 h 05', '—' when unknown."""
    if minutes is None:
        return "—"
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}"
