"""Weekly opening hours kept as one compact text: "Mo-Fr 08:30-12:00,14:00-19:00; Sa 09:00-12:00".

The text is the stored and transported form (a subset of OpenStreetMap's `opening_hours`):
groups of days (`Mo`…`Su`, single or `Mo-Fr` ranges, comma-separated) each followed by
their time ranges, groups separated by "; ", or `24/7`; "" means not published. Parsing
gives a week of minute ranges, Monday first, which the views render in the advisor's
language; `format_hours` writes the one canonical text of a week (consecutive days with the
same ranges grouped), so that equal weeks are equal strings.
"""

from __future__ import annotations

import re
from itertools import groupby, pairwise

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
ALWAYS = "24/7"
DAY_MINUTES = 24 * 60

Range = tuple[int, int]  # minutes since midnight, start < end ≤ 1440
Day = tuple[Range, ...]
Week = tuple[Day, ...]  # seven days, Monday first; () is a closed day

_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_GROUP = re.compile(r"([A-Za-z ,\-]+?)\s+(\S.*)")


def closed_week() -> Week:
    return ((),) * 7


def always_open() -> Week:
    return (((0, DAY_MINUTES),),) * 7


def _minutes(text: str, *, end: bool) -> int:
    found = _TIME.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"not a time: {text!r}")
    hours, minutes = int(found.group(1)), int(found.group(2))
    value = hours * 60 + minutes
    if minutes >= 60 or value > DAY_MINUTES or (value == DAY_MINUTES and not end):
        raise ValueError(f"not a time of day: {text!r}")
    return value


def _days(text: str) -> list[int]:
    days: list[int] = []
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise ValueError(f"not a day or a range of days: {part.strip()!r}")
        a, b = DAYS.index(first), DAYS.index(last or first)
        if b < a:
            raise ValueError(f"days out of order: {part.strip()!r}")
        days.extend(range(a, b + 1))
    return days


def _ranges(text: str) -> Day:
    ranges: list[Range] = []
    for part in text.split(","):
        start, sep, stop = part.strip().partition("-")
        if not sep:
            raise ValueError(f"not a time range: {part.strip()!r}")
        ranges.append((_minutes(start, end=False), _minutes(stop, end=True)))
    ranges.sort()
    for (_a, b), (c, _d) in pairwise(ranges):
        if c < b:
            raise ValueError("overlapping time ranges")
    if any(a >= b for a, b in ranges):
        raise ValueError("a time range ends before it starts")
    return tuple(ranges)


def parse_hours(text: str) -> Week:
    """The week a compact text describes; "" gives a closed week. ValueError when unreadable."""
    text = text.strip()
    if not text:
        return closed_week()
    if text == ALWAYS:
        return always_open()
    week: list[Day] = [()] * 7
    seen: set[int] = set()
    for group in text.split(";"):
        found = _GROUP.fullmatch(group.strip())
        if found is None:
            raise ValueError(f"not days followed by times: {group.strip()!r}")
        days, ranges = _days(found.group(1)), _ranges(found.group(2))
        if seen & set(days):
            raise ValueError("a day is given twice")
        seen |= set(days)
        for day in days:
            week[day] = ranges
    return tuple(week)


def _time_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def day_groups(week: Week) -> list[tuple[int, int, Day]]:
    """(first day, last day, ranges) of each run of consecutive open days with equal ranges."""
    groups: list[tuple[int, int, Day]] = []
    numbered = list(enumerate(week))
    for ranges, run in groupby(numbered, key=lambda item: item[1]):
        days = [d for d, _ in run]
        if ranges:
            groups.append((days[0], days[-1], ranges))
    return groups


def format_hours(week: Week) -> str:
    """The canonical compact text of a week ("" when closed every day)."""
    if len(week) != 7:
        raise ValueError("a week has seven days")
    if week == always_open():
        return ALWAYS
    parts = []
    for first, last, ranges in day_groups(week):
        days = DAYS[first] if first == last else f"{DAYS[first]}-{DAYS[last]}"
        times = ",".join(f"{_time_text(a)}-{_time_text(b)}" for a, b in _ranges_checked(ranges))
        parts.append(f"{days} {times}")
    return "; ".join(parts)


def _ranges_checked(ranges: Day) -> Day:
    # Through the parser's checks, so that format_hours never writes what parse_hours refuses.
    return _ranges(",".join(f"{_time_text(a)}-{_time_text(b)}" for a, b in ranges))
