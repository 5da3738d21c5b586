"""Cap edge cases of the deductible rules: the act that crosses a cap is withheld only partly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from advisor_desk.domain.deductibles import (
    NOTHING,
    ActForDeductible,
    DeductibleRules,
    DeductibleState,
    compute_withholding,
    rules_from_values,
)
from advisor_desk.domain.enums import CareCategory
from advisor_desk.domain.reference import parse_values_csv, values_at

VALUES = parse_values_csv(
    (Path(__file__).parents[2] / "resources/reference/values.csv").read_text(encoding="utf-8")
)
C = CareCategory


def rules(day: date) -> DeductibleRules:
    return rules_from_values(values_at(VALUES, day))


def act(
    day: date, category: CareCategory, reimbursed: int, professional: str = "p", quantity: int = 1
) -> ActForDeductible:
    return ActForDeductible(day, category, professional, reimbursed, quantity)


def test_paramedical_act_crossing_the_day_cap_is_withheld_partly() -> None:
    day = date(2025, 3, 10)
    r = rules(day)
    state = DeductibleState(2025)
    assert compute_withholding(act(day, C.PARAMEDICAL, 2000, quantity=3), state, r, False) == (
        0,
        300,
    )
    # 3 more acts the same day: only 1 € left under the 4 € daily cap.
    assert compute_withholding(act(day, C.PARAMEDICAL, 2000, quantity=3), state, r, False) == (
        0,
        100,
    )
    assert state.paramedical_by_day[day] == 400


def test_transport_crossing_the_day_cap_is_withheld_partly() -> None:
    day = date(2025, 3, 10)
    r = rules(day)
    state = DeductibleState(2025)
    assert compute_withholding(act(day, C.TRANSPORT, 6000), state, r, False) == (0, 400)
    assert compute_withholding(act(day, C.TRANSPORT, 6000, quantity=2), state, r, False) == (0, 400)
    assert compute_withholding(act(day, C.TRANSPORT, 6000), state, r, False) == NOTHING


def test_boxes_crossing_the_franchise_year_cap() -> None:
    day = date(2025, 12, 20)
    r = rules(day)
    state = DeductibleState(2025, franchise_cents=4850)
    # 3 boxes at 1 € but 1,50 € left under the 50 € cap.
    assert compute_withholding(act(day, C.PHARMACY, 3000, quantity=3), state, r, False) == (0, 150)
    assert state.franchise_cents == 5000
    assert compute_withholding(act(day, C.PHARMACY, 3000), state, r, False) == NOTHING


def test_one_euro_participation_crossing_the_cap_before_2024_05_15() -> None:
    day = date(2024, 5, 14)
    r = rules(day)
    assert r.participation_per_act_cents == 100
    state = DeductibleState(2024, participation_cents=4850)
    # 3 acts (under the 4-a-day maximum) at 1 €: 1,50 € left under the cap.
    got = compute_withholding(act(day, C.LAB, 2000, quantity=3), state, r, False)
    assert got == (150, 0)
    after = date(2024, 5, 15)
    assert rules(after).participation_per_act_cents == 200


def test_cap_crossing_act_also_limited_by_its_reimbursement() -> None:
    day = date(2025, 6, 2)
    r = rules(day)
    state = DeductibleState(2025, participation_cents=4700)
    # 3 € left under the cap, 2 € per act, 2 acts: 3 € by the cap, but only 2,50 € reimbursed.
    got = compute_withholding(act(day, C.CONSULTATION, 250, quantity=2), state, r, False)
    assert got == (250, 0)
    assert state.participation_cents == 4950
