"""Complémentaire santé solidaire: income ceilings, reference period, monthly participation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

from advisor_desk.domain.errors import ValidationError


class CssDecision(StrEnum):
    FREE = "free"  # CSS sans participation financière
    PARTICIPATION = "participation"  # CSS avec participation financière
    REFUSED = "refused"  # ressources au-dessus du plafond


@dataclass(frozen=True, slots=True)
class CssCeilings:
    """Yearly income ceilings (cents) in force for a period.

    `free_cents[i]` and `participation_cents[i]` are for a household of i + 1 persons (1 to
    4); each person beyond 4 adds the `extra` amounts.
    """

    free_cents: tuple[int, int, int, int]
    participation_cents: tuple[int, int, int, int]
    free_extra_cents: int
    participation_extra_cents: int

    def free_ceiling(self, household_size: int) -> int:
        return _ceiling(self.free_cents, self.free_extra_cents, household_size)

    def participation_ceiling(self, household_size: int) -> int:
        return _ceiling(self.participation_cents, self.participation_extra_cents, household_size)


def _ceiling(table: tuple[int, int, int, int], extra: int, household_size: int) -> int:
    if household_size < 1:
        raise ValidationError(
            f"Le foyer compte au moins 1 personne, {household_size} saisi.", field="household_size"
        )
    if household_size <= 4:
        return table[household_size - 1]
    return table[3] + (household_size - 4) * extra


def css_eligibility(
    household_size: int, yearly_income_cents: int, ceilings: CssCeilings
) -> CssDecision:
    """FREE up to the free ceiling (included), PARTICIPATION up to the second one, else REFUSED."""
    if yearly_income_cents < 0:
        raise ValidationError(
            "Les ressources du foyer ne peuvent pas être négatives.", field="yearly_income"
        )
    if yearly_income_cents <= ceilings.free_ceiling(household_size):
        return CssDecision.FREE
    if yearly_income_cents <= ceilings.participation_ceiling(household_size):
        return CssDecision.PARTICIPATION
    return CssDecision.REFUSED


def _month_start(year: int, month: int) -> date:
    """First day of a month given as possibly out-of-range month number (0, -1, 13...)."""
    year += (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def reference_income_period(request_date: date) -> tuple[date, date]:
    """The 12 calendar months whose income is declared, both bounds included.

    They end with the month two months before the request's month: a request on 15 June 2025
    covers 1 May 2024 to 30 April 2025 (the month just before the request, May, is left out
    because its income is not known yet).
    """
    end = _month_start(request_date.year, request_date.month - 1) - timedelta(days=1)
    start = _month_start(request_date.year, request_date.month - 13)
    return start, end


@dataclass(frozen=True, slots=True)
class ParticipationBracket:
    """Monthly participation of one person whose age is in [min_age, max_age] (None = no limit)."""

    min_age: int
    max_age: int | None
    monthly_cents: int

    def contains(self, age: int) -> bool:
        return self.min_age <= age and (self.max_age is None or age <= self.max_age)


@dataclass(frozen=True, slots=True)
class CssParticipationTable:
    brackets: tuple[ParticipationBracket, ...]

    def monthly_cents_for(self, age: int) -> int:
        for bracket in self.brackets:
            if bracket.contains(age):
                return bracket.monthly_cents
        raise ValueError(f"no CSS participation bracket for age {age}")


def css_monthly_participation_cents(ages: Iterable[int], table: CssParticipationTable) -> int:
    """Monthly participation of a household: the sum over its members of their age's amount.

    Ages are those on 1 January of the year the CSS is granted (the caller computes them).
    """
    return sum(table.monthly_cents_for(age) for age in ages)


def participation_table(brackets: Sequence[ParticipationBracket]) -> CssParticipationTable:
    """Build a table, checking that brackets do not overlap (sorted by min_age)."""
    ordered = tuple(sorted(brackets, key=lambda b: b.min_age))
    for lower, upper in pairwise(ordered):
        if lower.max_age is None or lower.max_age >= upper.min_age:
            raise ValueError(f"CSS participation brackets overlap at age {upper.min_age}")
    return CssParticipationTable(ordered)
