"""Estimated processing date: filing date + the recent median delay of the kind, in business days."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from advisor_desk.domain.calendar import add_business_days, business_days_between
from advisor_desk.domain.enums import DeclarationKind

K = DeclarationKind

# Published delays (business days) used while a kind has too few recent cases: configurable,
# overridden by the reference value "declaration.delay_days.<kind>" when one is in force.
DEFAULT_DELAYS: dict[DeclarationKind, int] = {
    K.VITALE_ORDER: 10,
    K.BANK_DETAILS: 5,
    K.CSS_REQUEST: 30,
    K.EHIC_REQUEST: 10,
    K.ADDRESS_CHANGE: 5,
    K.BIRTH: 10,
    K.VITALE_LOST: 5,
    K.NAME_CHANGE: 10,
    K.CHILD_OTHER_PARENT: 10,
    K.THIRD_PARTY_ACCIDENT: 20,
    K.COMPLEMENTARY_CHOICE: 5,
    K.DEDUCTIBLE_PAYMENT: 3,
}
WINDOW_DAYS = 90
MIN_CASES = 5


def delay_key(kind: DeclarationKind) -> str:
    return f"declaration.delay_days.{kind.value}"


@dataclass(frozen=True, slots=True)
class CompletedCase:
    """A decided declaration: filed, decided, and how many business days it waited for the member."""

    filed_on: date
    completed_on: date
    waiting_days: int = 0

    @property
    def processing_days(self) -> int:
        """Business days the fund worked on it: the waiting for the member does not count."""
        return max(0, business_days_between(self.filed_on, self.completed_on) - self.waiting_days)


@dataclass(frozen=True, slots=True)
class DelayEstimate:
    business_days: int
    cases: int  # how many recent cases the median is made of; 0 when it is the fallback
    from_history: bool


def typical_delay(
    kind: DeclarationKind,
    history: Iterable[CompletedCase],
    today: date,
    *,
    window_days: int = WINDOW_DAYS,
    min_cases: int = MIN_CASES,
    configured: Mapping[DeclarationKind, int] | None = None,
) -> DelayEstimate:
    """The rolling median delay of cases decided in the last `window_days`, rounded up.

    With fewer than `min_cases` such cases, the configured delay of the kind.
    """
    since = today - timedelta(days=window_days)
    recent = [c.processing_days for c in history if since < c.completed_on <= today]
    if len(recent) < min_cases:
        delays = DEFAULT_DELAYS if configured is None else {**DEFAULT_DELAYS, **configured}
        return DelayEstimate(delays[kind], 0, False)
    return DelayEstimate(math.ceil(statistics.median(recent)), len(recent), True)


def estimate_date(filed_on: date, delay_business_days: int, waiting_days: int = 0) -> date:
    """The date a declaration should be decided: the business days after filing, plus waiting."""
    return add_business_days(filed_on, max(0, delay_business_days) + max(0, waiting_days))
