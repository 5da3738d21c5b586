"""CSS eligibility, reference income period and monthly participation."""

from __future__ import annotations

from datetime import date

import pytest

from advisor_desk.domain.css import (
    CssCeilings,
    CssDecision,
    ParticipationBracket,
    css_eligibility,
    css_monthly_participation_cents,
    participation_table,
    reference_income_period,
)
from advisor_desk.domain.errors import ValidationError

# Metropolitan France, 2025-04-01 → 2026-03-31 (DOMAIN.md).
C2025 = CssCeilings(
    free_cents=(1_033_900, 1_550_800, 1_860_900, 2_171_100),
    participation_cents=(1_395_700, 2_093_600, 2_512_300, 2_931_100),
    free_extra_cents=413_500,
    participation_extra_cents=558_300,
)


@pytest.mark.parametrize(
    "size, free, participation",
    [
        (1, 1_033_900, 1_395_700),
        (2, 1_550_800, 2_093_600),
        (3, 1_860_900, 2_512_300),
        (4, 2_171_100, 2_931_100),
        (5, 2_584_600, 3_489_400),
        (6, 2_998_100, 4_047_700),
    ],
)
def test_eligibility_at_and_around_ceilings(size: int, free: int, participation: int) -> None:
    assert C2025.free_ceiling(size) == free
    assert C2025.participation_ceiling(size) == participation
    assert css_eligibility(size, 0, C2025) is CssDecision.FREE
    assert css_eligibility(size, free - 1, C2025) is CssDecision.FREE
    assert css_eligibility(size, free, C2025) is CssDecision.FREE
    assert css_eligibility(size, free + 1, C2025) is CssDecision.PARTICIPATION
    assert css_eligibility(size, participation, C2025) is CssDecision.PARTICIPATION
    assert css_eligibility(size, participation + 1, C2025) is CssDecision.REFUSED


def test_invalid_inputs() -> None:
    with pytest.raises(ValidationError, match="au moins 1 personne"):
        css_eligibility(0, 100, C2025)
    with pytest.raises(ValidationError, match="négatives"):
        css_eligibility(1, -1, C2025)


@pytest.mark.parametrize(
    "request_day, start, end",
    [
        (date(2025, 6, 15), date(2024, 5, 1), date(2025, 4, 30)),
        (date(2025, 1, 1), date(2023, 12, 1), date(2024, 11, 30)),
        (date(2025, 2, 28), date(2024, 1, 1), date(2024, 12, 31)),
        (date(2025, 3, 31), date(2024, 2, 1), date(2025, 1, 31)),
        (date(2024, 3, 10), date(2023, 2, 1), date(2024, 1, 31)),
    ],
)
def test_reference_income_period(request_day: date, start: date, end: date) -> None:
    assert reference_income_period(request_day) == (start, end)


TABLE = participation_table(
    [
        ParticipationBracket(0, 29, 800),
        ParticipationBracket(30, 49, 1500),
        ParticipationBracket(50, 59, 2200),
        ParticipationBracket(60, 69, 2500),
        ParticipationBracket(70, None, 3000),
    ]
)


def test_monthly_participation() -> None:
    assert css_monthly_participation_cents([], TABLE) == 0
    assert css_monthly_participation_cents([29], TABLE) == 800
    assert css_monthly_participation_cents([30], TABLE) == 1500
    assert css_monthly_participation_cents([45, 42, 12, 9], TABLE) == 1500 + 1500 + 800 + 800
    assert (
        css_monthly_participation_cents([59, 60, 69, 70, 101], TABLE)
        == 2200 + 2500 + 2500 + 3000 + 3000
    )


def test_overlapping_brackets_rejected() -> None:
    with pytest.raises(ValueError):
        participation_table(
            [ParticipationBracket(0, 30, 800), ParticipationBracket(30, None, 1500)]
        )
