"""Estimated processing date: rolling median over 90 days, business days, waiting not counted."""

from __future__ import annotations

from datetime import date

from advisor_desk.domain.calendar import add_business_days
from advisor_desk.domain.declarations.estimate import (
    DEFAULT_DELAYS,
    CompletedCase,
    estimate_date,
    typical_delay,
)
from advisor_desk.domain.enums import DeclarationKind

K = DeclarationKind
TODAY = date(2026, 6, 15)  # a Monday


def case(filed: date, days: int, waiting: int = 0) -> CompletedCase:
    return CompletedCase(filed, add_business_days(filed, days + waiting), waiting)


def test_processing_days_skip_weekends_holidays_and_waiting() -> None:
    # Thu 30 April 2026 → Mon 11 May 2026: 1 and 8 May are holidays (Friday both).
    c = CompletedCase(date(2026, 4, 30), date(2026, 5, 11))
    assert c.processing_days == 5
    assert CompletedCase(date(2026, 4, 30), date(2026, 5, 11), waiting_days=2).processing_days == 3


def test_fallback_with_too_few_cases() -> None:
    history = [case(date(2026, 5, 4), 2) for _ in range(4)]
    est = typical_delay(K.BANK_DETAILS, history, TODAY)
    assert est.business_days == DEFAULT_DELAYS[K.BANK_DETAILS] and not est.from_history
    est = typical_delay(K.BANK_DETAILS, history, TODAY, configured={K.BANK_DETAILS: 8})
    assert est.business_days == 8


def test_median_of_the_last_90_days() -> None:
    recent = [case(date(2026, 5, 4), d) for d in (2, 3, 4, 10, 12)]
    old = [case(date(2026, 1, 5), 40) for _ in range(10)]  # decided before the window
    est = typical_delay(K.ADDRESS_CHANGE, recent + old, TODAY)
    assert est.from_history and est.cases == 5 and est.business_days == 4


def test_median_rounded_up_and_waiting_excluded() -> None:
    history = [case(date(2026, 5, 4), d, waiting=7) for d in (3, 4, 5, 6)]
    history.append(case(date(2026, 5, 4), 5))
    history.append(case(date(2026, 5, 4), 2))
    est = typical_delay(K.BIRTH, history, TODAY, min_cases=5)
    assert est.business_days == 5  # median of 2,3,4,5,5,6 = 4.5 → 5


def test_estimate_date_counts_business_days_and_waiting() -> None:
    # Friday 8 May 2026 is a holiday; filed Thursday 7 May, 3 business days → Wed 13 May.
    assert estimate_date(date(2026, 5, 7), 3) == date(2026, 5, 13)
    # Two more for the waiting: Thursday 14 May is Ascension, so Friday 15 then Monday 18.
    assert estimate_date(date(2026, 5, 7), 3, waiting_days=2) == date(2026, 5, 18)
