"""Free appointment slots: advisors' openings minus busy times, absences, closures and holidays."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from .calendar import PARIS, is_public_holiday

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Opening:
    """An opening range of one advisor at one office, in Europe/Paris local time.

    `weekday` None: a one-off range on `first_day` only; otherwise every such weekday from
    `first_day` to `last_day` (None: no end).
    """

    advisor_id: int
    office_id: int
    weekday: int | None
    first_day: date
    last_day: date | None
    start: time
    end: time
    schedule_id: int = 0

    def occurs_on(self, day: date) -> bool:
        if self.weekday is None:
            return day == self.first_day
        if day < self.first_day or (self.last_day is not None and day > self.last_day):
            return False
        return day.weekday() == self.weekday

    def days(self, first: date, last: date) -> Iterator[date]:
        """The days of [first, last] on which the range opens."""
        if self.weekday is None:
            if first <= self.first_day <= last:
                yield self.first_day
            return
        start = max(first, self.first_day)
        end = last if self.last_day is None else min(last, self.last_day)
        day = start + timedelta(days=(self.weekday - start.weekday()) % 7)
        while day <= end:
            yield day
            day += timedelta(days=7)


@dataclass(frozen=True)
class Busy:
    """A time an advisor cannot take a booking: an appointment or an absence (aware datetimes)."""

    advisor_id: int
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, order=True)
class Slot:
    starts_at: datetime  # aware, UTC
    ends_at: datetime
    advisor_id: int
    office_id: int


@dataclass(frozen=True)
class SlotRules:
    """What a reason asks of its slots, and when we are asking."""

    duration: timedelta
    now: datetime
    min_delay: timedelta = timedelta(0)
    max_delay: timedelta = timedelta(days=365)

    @property
    def earliest(self) -> datetime:
        return self.now + self.min_delay

    @property
    def latest(self) -> datetime:
        return self.now + self.max_delay


@dataclass
class Calendar:
    """Days and hours an office is open: local closures, weekly hours, public holidays."""

    closures: Mapping[int, Collection[date]] = field(default_factory=dict)
    # office id → weekday → [(opens, closes)]; an office absent from the map is not clipped.
    hours: Mapping[int, Mapping[int, Sequence[tuple[time, time]]]] = field(default_factory=dict)
    is_holiday: Callable[[date], bool] = is_public_holiday

    def closed(self, office_id: int, day: date) -> bool:
        return self.is_holiday(day) or day in self.closures.get(office_id, ())

    def office_ranges(self, office_id: int, day: date) -> Sequence[tuple[time, time]] | None:
        week = self.hours.get(office_id)
        if week is None:
            return None
        return week.get(day.weekday(), ())


def local(day: date, at: time) -> datetime:
    """A Europe/Paris wall-clock time as an aware UTC datetime (DST handled by zoneinfo)."""
    return datetime.combine(day, at, tzinfo=PARIS).astimezone(UTC)


def paris_day(at: datetime) -> date:
    return at.astimezone(PARIS).date()


def _intersect(
    ranges: list[tuple[datetime, datetime]], clip: list[tuple[datetime, datetime]]
) -> list[tuple[datetime, datetime]]:
    out = []
    for a, b in ranges:
        for c, d in clip:
            lo, hi = max(a, c), min(b, d)
            if lo < hi:
                out.append((lo, hi))
    return out


def _subtract(
    start: datetime,
    end: datetime,
    busy: Sequence[tuple[datetime, datetime]],
    ends: Sequence[datetime],
) -> list[tuple[datetime, datetime]]:
    """[start, end) minus the busy ranges (sorted by start; `ends` their running max ends)."""
    free: list[tuple[datetime, datetime]] = []
    cursor = start
    # Skip the busy ranges that ended before `start`: their running max end is <= start.
    i = bisect_left(ends, start)
    while i < len(busy) and busy[i][0] < end:
        b_start, b_end = busy[i]
        if b_end > cursor:
            if b_start > cursor:
                free.append((cursor, min(b_start, end)))
            cursor = max(cursor, b_end)
            if cursor >= end:
                break
        i += 1
    if cursor < end:
        free.append((cursor, end))
    return free


class _BusyIndex:
    """Busy ranges of one advisor, sorted, with running max ends for a bisect."""

    def __init__(self, ranges: Iterable[tuple[datetime, datetime]]) -> None:
        self.ranges = sorted(ranges)
        self.ends: list[datetime] = []
        top: datetime | None = None
        for _, end in self.ranges:
            top = end if top is None or end > top else top
            self.ends.append(top)


def build_slots(
    openings: Iterable[Opening],
    rules: SlotRules,
    first_day: date,
    days: int,
    busy: Iterable[Busy] = (),
    calendar: Calendar | None = None,
) -> list[Slot]:
    """The free slots of `duration` in the openings of [first_day, first_day + days).

    Each opening, on each day it occurs, is clipped to the office's hours, loses the
    advisor's busy times, and each free stretch is cut into consecutive slots from its start;
    closures and public holidays remove whole days; slots must start within the booking
    delays. Sorted by start time, then advisor.
    """
    if days <= 0 or rules.duration <= timedelta(0):
        return []
    cal = calendar or Calendar()
    last_day = first_day + timedelta(days=days - 1)
    by_advisor: dict[int, list[tuple[datetime, datetime]]] = {}
    for b in busy:
        by_advisor.setdefault(b.advisor_id, []).append((b.starts_at, b.ends_at))
    index = {a: _BusyIndex(r) for a, r in by_advisor.items()}
    empty = _BusyIndex(())
    earliest, latest = rules.earliest, rules.latest
    step = rules.duration
    out: list[Slot] = []
    for opening in openings:
        advisor_busy = index.get(opening.advisor_id, empty)
        for day in opening.days(first_day, last_day):
            if cal.closed(opening.office_id, day):
                continue
            ranges = [(local(day, opening.start), local(day, opening.end))]
            office = cal.office_ranges(opening.office_id, day)
            if office is not None:
                ranges = _intersect(ranges, [(local(day, o), local(day, c)) for o, c in office])
            for r_start, r_end in ranges:
                if r_end <= earliest or r_start > latest:
                    continue
                for f_start, f_end in _subtract(
                    r_start, r_end, advisor_busy.ranges, advisor_busy.ends
                ):
                    at = f_start
                    if at < earliest:
                        # Keep the grid of the free stretch: jump whole slots past `earliest`.
                        at += step * math.ceil((earliest - at) / step)
                    while at + step <= f_end and at <= latest:
                        out.append(Slot(at, at + step, opening.advisor_id, opening.office_id))
                        at += step
    out.sort()
    return out


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open ranges: [9:00, 9:30) and [9:30, 10:00) do not overlap."""
    return a_start < b_end and b_start < a_end


def opening_conflicts(new: Opening, others: Iterable[Opening]) -> Opening | None:
    """The first of `others` of the same advisor whose hours overlap `new` on a common day."""
    for other in others:
        if other.advisor_id != new.advisor_id:
            continue
        if not (new.start < other.end and other.start < new.end):
            continue
        if new.weekday is None:
            if other.occurs_on(new.first_day):
                return other
            continue
        if other.weekday is None:
            if new.occurs_on(other.first_day):
                return other
            continue
        if new.weekday != other.weekday:
            continue
        lo = max(new.first_day, other.first_day)
        ends = [d for d in (new.last_day, other.last_day) if d is not None]
        hi = min(ends) if ends else lo + timedelta(days=6)
        if next(new.days(lo, hi), None) is not None:
            return other
    return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance between two WGS84 points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
