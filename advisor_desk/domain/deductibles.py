"""Reimbursement rates and the deductibles withheld from them (participation, franchises)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import NamedTuple

from advisor_desk.domain.enums import CareCategory

# Reference keys (resources/reference/values.csv) → DeductibleRules fields.
RULE_KEYS: dict[str, str] = {
    "participation.per_act_cents": "participation_per_act_cents",
    "participation.max_acts_per_day_per_professional": (
        "participation_max_acts_per_day_per_professional"
    ),
    "participation.year_cap_cents": "participation_year_cap_cents",
    "franchise.box_cents": "franchise_box_cents",
    "franchise.paramedical_act_cents": "franchise_paramedical_act_cents",
    "franchise.paramedical_day_cap_cents": "franchise_paramedical_day_cap_cents",
    "franchise.transport_cents": "franchise_transport_cents",
    "franchise.transport_day_cap_cents": "franchise_transport_day_cap_cents",
    "franchise.year_cap_cents": "franchise_year_cap_cents",
}

# The participation forfaitaire applies to acts of doctors, lab tests and imaging only. These
# never carry a franchise (medicines, paramedical acts, transports), which compute_withholding
# relies on.
PARTICIPATION_CATEGORIES = frozenset(
    {CareCategory.CONSULTATION, CareCategory.SPECIALIST, CareCategory.LAB, CareCategory.IMAGING}
)
FRANCHISE_CATEGORIES = frozenset(
    {CareCategory.PHARMACY, CareCategory.PARAMEDICAL, CareCategory.TRANSPORT}
)
assert not PARTICIPATION_CATEGORIES & FRANCHISE_CATEGORIES

RATE_EXONERATED = "rate.exonerated"
# Medicines at this rate (15 %, "service médical rendu faible") are not exonerated by an ALD;
# a reference value so that it can be dropped if the rule changes.
RATE_ALD_EXCLUDED_MEDICINE = "rate.ald_excluded_medicine"


@dataclass(frozen=True, slots=True)
class DeductibleRules:
    """Amounts and caps in force on a given day (integer cents, counts)."""

    participation_per_act_cents: int
    participation_max_acts_per_day_per_professional: int
    participation_year_cap_cents: int
    franchise_box_cents: int
    franchise_paramedical_act_cents: int
    franchise_paramedical_day_cap_cents: int
    franchise_transport_cents: int
    franchise_transport_day_cap_cents: int
    franchise_year_cap_cents: int


def rules_from_values(values: Mapping[str, int]) -> DeductibleRules:
    """Build the rules from reference values in force on a day (see reference.values_at)."""
    missing = [key for key in RULE_KEYS if key not in values]
    if missing:
        raise KeyError(f"Valeurs de référence manquantes : {', '.join(missing)}")
    kwargs = {attr: int(values[key]) for key, attr in RULE_KEYS.items()}
    return DeductibleRules(**kwargs)


def rules_to_values(rules: DeductibleRules) -> dict[str, int]:
    """Inverse of rules_from_values."""
    by_attr = {attr: key for key, attr in RULE_KEYS.items()}
    return {by_attr[f.name]: getattr(rules, f.name) for f in fields(rules)}


def rate_key(category: CareCategory) -> str:
    """Reference key of a category's default rate, e.g. 'rate.consultation'."""
    return f"rate.{category.value}"


def reimbursement_rate(
    category: CareCategory,
    ald_exonerating: bool = False,
    maternity: bool = False,
    work_accident: bool = False,
    medicine_rate: int | None = None,
    *,
    rates: Mapping[str, int],
) -> int:
    """Reimbursement rate in percent of the tariff.

    `rates` holds the reference values in force ('rate.consultation', ..., 'rate.exonerated').
    Maternity (from the 6th month) and work accidents are exonerated for all care; an
    exonerating ALD for all care but medicines at 'rate.ald_excluded_medicine' (15 %) when that
    key is present. `medicine_rate` is the medicine's rate (100, 65, 30 or 15) and overrides
    'rate.pharmacy'.
    """
    base = (
        medicine_rate
        if category is CareCategory.PHARMACY and medicine_rate is not None
        else rates[rate_key(category)]
    )
    if maternity or work_accident:
        return max(base, rates[RATE_EXONERATED])
    if ald_exonerating and not (
        category is CareCategory.PHARMACY and base == rates.get(RATE_ALD_EXCLUDED_MEDICINE)
    ):
        return max(base, rates[RATE_EXONERATED])
    return base


class ActForDeductible(NamedTuple):
    """One reimbursed line, as the deductible rules see it.

    `quantity` counts the acts (consultations, paramedical acts, trips) or, for pharmacy, the
    boxes of medicine. `professional` is any hashable id of the professional (or facility).
    A NamedTuple rather than a dataclass: the demo seeder builds millions of them.
    """

    day: date
    category: CareCategory
    professional: Hashable
    reimbursed_cents: int
    quantity: int = 1


class Withholding(NamedTuple):
    participation_cents: int
    franchise_cents: int

    @property
    def total_cents(self) -> int:
        return self.participation_cents + self.franchise_cents


NOTHING = Withholding(0, 0)


class DeductibleState:
    """What was withheld so far for one member in one calendar year. Mutable on purpose.

    compute_withholding() updates it in place: the seeder runs it millions of times and a
    copy per act would dominate the cost. Keep one instance per (member, year).
    """

    __slots__ = (
        "franchise_cents",
        "paramedical_by_day",
        "participation_acts",
        "participation_cents",
        "transport_by_day",
        "year",
    )

    def __init__(self, year: int, participation_cents: int = 0, franchise_cents: int = 0) -> None:
        self.year = year
        self.participation_cents = participation_cents
        self.franchise_cents = franchise_cents
        # (day, professional) → acts counted for the participation that day.
        self.participation_acts: dict[tuple[date, Hashable], int] = {}
        # day → franchise withheld that day on paramedical acts / transports.
        self.paramedical_by_day: dict[date, int] = {}
        self.transport_by_day: dict[date, int] = {}

    def __repr__(self) -> str:
        return (
            f"DeductibleState(year={self.year}, participation_cents={self.participation_cents}, "
            f"franchise_cents={self.franchise_cents})"
        )


# Enum members bound once: attribute access on an Enum class costs a descriptor call per use.
_PHARMACY = CareCategory.PHARMACY
_PARAMEDICAL = CareCategory.PARAMEDICAL
_TRANSPORT = CareCategory.TRANSPORT
_new_withholding = tuple.__new__  # skips NamedTuple's Python-level __new__ in the hot path


def compute_withholding(
    act: ActForDeductible, state: DeductibleState, rules: DeductibleRules, exempt: bool
) -> Withholding:
    """Participation and franchise to withhold from one act; updates `state` in place.

    `exempt` is true for under-18s, CSS and AME beneficiaries and pregnant women from the 6th
    month to 12 days after birth: nothing is withheld and nothing is counted. Never more is
    withheld than the act's reimbursement. Acts must come in chronological order per member.
    """
    day, category, professional, available, quantity = act
    if day.year != state.year:
        raise ValueError(f"act of {day} applied to the deductible state of {state.year}")
    if exempt or available <= 0 or quantity <= 0:
        return NOTHING
    if category in PARTICIPATION_CATEGORIES:
        slot = (day, professional)
        already = state.participation_acts.get(slot, 0)
        # Every act counts towards the day's maximum, even one no longer withheld.
        state.participation_acts[slot] = already + quantity
        acts = min(quantity, rules.participation_max_acts_per_day_per_professional - already)
        if acts <= 0:
            return NOTHING
        participation = min(
            acts * rules.participation_per_act_cents,
            rules.participation_year_cap_cents - state.participation_cents,
            available,
        )
        if participation <= 0:
            return NOTHING
        state.participation_cents += participation
        return _new_withholding(Withholding, (participation, 0))
    if category is _PHARMACY:
        franchise = quantity * rules.franchise_box_cents
        by_day = None
    elif category is _PARAMEDICAL:
        by_day = state.paramedical_by_day
        franchise = min(
            quantity * rules.franchise_paramedical_act_cents,
            rules.franchise_paramedical_day_cap_cents - by_day.get(day, 0),
        )
    elif category is _TRANSPORT:
        by_day = state.transport_by_day
        franchise = min(
            quantity * rules.franchise_transport_cents,
            rules.franchise_transport_day_cap_cents - by_day.get(day, 0),
        )
    else:
        return NOTHING
    franchise = min(franchise, rules.franchise_year_cap_cents - state.franchise_cents, available)
    if franchise <= 0:
        return NOTHING
    state.franchise_cents += franchise
    if by_day is not None:
        by_day[day] = by_day.get(day, 0) + franchise
    return _new_withholding(Withholding, (0, franchise))


def is_exempt_from_deductibles(
    birth_date: date, day: date, css_or_ame: bool, maternity_exempt: bool
) -> bool:
    """Under 18 on the day of care, CSS/AME beneficiary, or pregnant (6th month to birth + 12 days).

    `maternity_exempt` is computed by the caller from the pregnancy dates.
    """
    if css_or_ame or maternity_exempt:
        return True
    age = day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
    return age < 18
