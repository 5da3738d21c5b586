"""French business days (metropolitan public holidays) and business-hours arithmetic for SLAs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

PARIS = ZoneInfo("Europe/Paris")
_ONE_DAY = timedelta(days=1)
_US_PER_HOUR = 3_600_000_000


@lru_cache(maxsize=256)
def public_holidays(year: int) -> frozenset[date]:
    """Metropolitan France's public holidays of a year.

    Alsace-Moselle's two extra days (Good Friday, 26 December) are not included: the funds
    of the three départements would need their own calendar.
    """
    # A frozenset per year, not a live holidays.France object: that object fills itself on
    # lookup, which is not safe to share between threads.
    return frozenset(holidays.country_holidays("FR", years=year).keys())


def is_public_holiday(d: date) -> bool:
    return d in public_holidays(d.year)


def is_business_day(d: date) -> bool:
    """Monday to Friday, not a public holiday."""
    return d.weekday() < 5 and d not in public_holidays(d.year)


def next_business_day(d: date) -> date:
    """The first business day on or after d."""
    while not is_business_day(d):
        d += _ONE_DAY
    return d


def add_business_days(d: date, n: int) -> date:
    """Move n business days forward (backward when n < 0); n == 0 returns d unchanged.

    For n != 0 the result is always a business day, e.g. Friday + 1 → Monday.
    """
    step = _ONE_DAY if n > 0 else -_ONE_DAY
    remaining = abs(n)
    while remaining:
        d += step
        if is_business_day(d):
            remaining -= 1
    return d


def _weekdays_through(d: date) -> int:
    """Number of Mondays-to-Fridays from 0001-01-01 (a Monday) through d, inclusive."""
    days = d.toordinal()  # 0001-01-01 is ordinal 1
    weeks, rest = divmod(days, 7)
    return weeks * 5 + min(rest, 5)


def business_days_between(a: date, b: date) -> int:
    """Business days in the half-open interval (a, b]: a excluded, b included.

    So that business_days_between(d, add_business_days(d, n)) == n for n >= 0, and a delay
    counted from a Friday to the next Monday is 1. Negative when b < a.
    """
    if b < a:
        return -business_days_between(b, a)
    count = _weekdays_through(b) - _weekdays_through(a)
    for year in range(a.year, b.year + 1):
        count -= sum(1 for h in public_holidays(year) if a < h <= b and h.weekday() < 5)
    return count


@dataclass(frozen=True, slots=True)
class BusinessHours:
    """Opening hours of the back office, the same every business day, local time (Paris)."""

    start: time = time(8, 30)
    end: time = time(17, 0)

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError("BusinessHours: start must be before end")

    @property
    def day_hours(self) -> float:
        return _day_us(self) / _US_PER_HOUR


DEFAULT_BUSINESS_HOURS = BusinessHours()


def _time_us(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


def _day_us(bh: BusinessHours) -> int:
    return _time_us(bh.end) - _time_us(bh.start)


def _local(dt: datetime) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("business-hours arithmetic needs a timezone-aware datetime")
    return dt.astimezone(PARIS)


def _at(d: date, t: time) -> datetime:
    return datetime.combine(d, t, tzinfo=PARIS)


def add_business_hours(
    start: datetime, hours: float, bh: BusinessHours = DEFAULT_BUSINESS_HOURS
) -> datetime:
    """The instant `hours` business hours after `start`, in Europe/Paris time.

    Time outside opening hours, on weekends and on public holidays does not count. Adding 0
    hours gives the first business instant at or after `start`; a deadline that falls exactly
    at closing time stays on that day (17:00, not 8:30 the next day).
    """
    if hours < 0:
        raise ValueError("hours must be >= 0")
    remaining = round(hours * _US_PER_HOUR)
    local = _local(start)
    day, now_us = local.date(), _time_us(local.time())
    start_us, end_us = _time_us(bh.start), _time_us(bh.end)
    # Opening hours never span the 2:00-3:00 DST switch, so wall-clock arithmetic within a
    # day is exact.
    if not is_business_day(day) or now_us > end_us or (now_us == end_us and remaining > 0):
        day, now_us = next_business_day(day + _ONE_DAY), start_us
    elif now_us < start_us:
        now_us = start_us
    while remaining > end_us - now_us:
        remaining -= end_us - now_us
        day, now_us = next_business_day(day + _ONE_DAY), start_us
    return _at(day, bh.start) + timedelta(microseconds=now_us - start_us + remaining)


def _business_us_of_day(day: date, from_us: int, to_us: int, bh: BusinessHours) -> int:
    """Business microseconds of one day between two local times of that day."""
    if not is_business_day(day):
        return 0
    lo = max(from_us, _time_us(bh.start))
    hi = min(to_us, _time_us(bh.end))
    return max(0, hi - lo)


def business_hours_between(
    a: datetime, b: datetime, bh: BusinessHours = DEFAULT_BUSINESS_HOURS
) -> float:
    """Business hours elapsed from a to b (negative when b < a), Europe/Paris calendar."""
    la, lb = _local(a), _local(b)
    if lb < la:
        return -business_hours_between(b, a, bh)
    da, db = la.date(), lb.date()
    a_us, b_us = _time_us(la.time()), _time_us(lb.time())
    if da == db:
        total = _business_us_of_day(da, a_us, b_us, bh)
    else:
        day_end = 24 * _US_PER_HOUR
        total = _business_us_of_day(da, a_us, day_end, bh) + _business_us_of_day(db, 0, b_us, bh)
        # Whole business days strictly between the two dates.
        middle = business_days_between(da, db) - (1 if is_business_day(db) else 0)
        total += middle * _day_us(bh)
    return total / _US_PER_HOUR
