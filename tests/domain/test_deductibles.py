"""Reimbursement rates and the deductibles withheld from them: worked examples and invariants."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor_desk.domain.deductibles import (
    NOTHING,
    RULE_KEYS,
    ActForDeductible,
    DeductibleRules,
    DeductibleState,
    Withholding,
    compute_withholding,
    is_exempt_from_deductibles,
    reimbursement_rate,
    rules_from_values,
    rules_to_values,
)
from advisor_desk.domain.enums import CareCategory
from advisor_desk.domain.money import apply_rate
from advisor_desk.domain.reference import parse_values_csv, values_at

VALUES = parse_values_csv(
    (Path(__file__).parents[2] / "resources/reference/values.csv").read_text(encoding="utf-8")
)
C = CareCategory


def values(day: date) -> dict[str, int]:
    return values_at(VALUES, day)


def rules(day: date) -> DeductibleRules:
    return rules_from_values(values(day))


R2025 = rules(date(2025, 6, 1))


def act(
    day: date,
    category: CareCategory = C.CONSULTATION,
    reimbursed: int = 2100,
    professional: Hashable = "dr-a",
    quantity: int = 1,
) -> ActForDeductible:
    return ActForDeductible(day, category, professional, reimbursed, quantity)


def test_rules_in_force_2025() -> None:
    expected = DeductibleRules(200, 4, 5000, 100, 100, 400, 400, 800, 5000)
    assert expected == R2025
    assert rules_from_values(rules_to_values(R2025)) == R2025


def test_rules_from_values_names_missing_keys() -> None:
    partial = {k: 1 for k in RULE_KEYS if k != "franchise.box_cents"}
    with pytest.raises(KeyError, match=r"franchise\.box_cents"):
        rules_from_values(partial)


def test_gp_consultation_worked_example() -> None:
    day = date(2025, 1, 10)
    v = values(day)
    fee = v["fee.gp_consultation_cents"]
    rate = reimbursement_rate(C.CONSULTATION, rates=v)
    reimbursed = apply_rate(fee, rate)
    assert (fee, rate, reimbursed) == (3000, 70, 2100)
    state = DeductibleState(2025)
    w = compute_withholding(act(day, reimbursed=reimbursed), state, rules(day), exempt=False)
    assert w == Withholding(200, 0)
    assert reimbursed - w.total_cents == 1900  # 19,00 € paid to the member
    assert state.participation_cents == 200


def test_one_euro_before_2024_05_15() -> None:
    before, after = date(2024, 5, 14), date(2024, 5, 15)
    assert compute_withholding(act(before), DeductibleState(2024), rules(before), False) == (100, 0)
    assert compute_withholding(act(after), DeductibleState(2024), rules(after), False) == (200, 0)
    assert values(date(2024, 12, 21))["fee.gp_consultation_cents"] == 2650


def test_fifth_act_same_day_same_professional_not_withheld() -> None:
    day = date(2025, 3, 3)
    state = DeductibleState(2025)
    got = [
        compute_withholding(act(day, C.LAB), state, R2025, False).participation_cents
        for _ in range(5)
    ]
    assert got == [200, 200, 200, 200, 0]
    # Another professional the same day, or the same one the next day, counts afresh.
    assert compute_withholding(act(day, C.LAB, professional="lab-b"), state, R2025, False) == (
        200,
        0,
    )
    assert compute_withholding(act(day + timedelta(days=1), C.LAB), state, R2025, False) == (200, 0)


def test_quantity_counts_acts_against_the_daily_maximum() -> None:
    state = DeductibleState(2025)
    day = date(2025, 3, 3)
    assert compute_withholding(act(day, quantity=3), state, R2025, False) == (600, 0)
    assert compute_withholding(act(day, quantity=3), state, R2025, False) == (200, 0)


def test_act_crossing_year_cap_is_withheld_partly() -> None:
    state = DeductibleState(2025, participation_cents=4900)
    day = date(2025, 11, 2)
    assert compute_withholding(act(day), state, R2025, False) == (100, 0)
    assert state.participation_cents == 5000
    assert compute_withholding(act(day, professional="dr-b"), state, R2025, False) == NOTHING


def test_participation_only_on_doctors_lab_and_imaging() -> None:
    day = date(2025, 3, 3)
    for category in (C.CONSULTATION, C.SPECIALIST, C.LAB, C.IMAGING):
        w = compute_withholding(act(day, category), DeductibleState(2025), R2025, False)
        assert w.participation_cents == 200, category
    for category in (C.PHARMACY, C.PARAMEDICAL, C.TRANSPORT, C.HOSPITAL, C.DENTAL, C.OPTICAL):
        w = compute_withholding(act(day, category), DeductibleState(2025), R2025, False)
        assert w.participation_cents == 0, category
    for category in (C.HOSPITAL, C.DENTAL, C.OPTICAL):
        assert (
            compute_withholding(act(day, category), DeductibleState(2025), R2025, False) == NOTHING
        )


def test_franchise_per_box() -> None:
    state = DeductibleState(2025)
    w = compute_withholding(
        act(date(2025, 2, 1), C.PHARMACY, 1500, "pharma", 3), state, R2025, False
    )
    assert w == (0, 300)
    old = rules(date(2024, 3, 30))
    assert compute_withholding(
        act(date(2024, 3, 30), C.PHARMACY, 1500, "pharma", 3), DeductibleState(2024), old, False
    ) == (0, 150)


def test_paramedical_daily_cap() -> None:
    state = DeductibleState(2025)
    day = date(2025, 4, 7)
    got = [
        compute_withholding(act(day, C.PARAMEDICAL, 1000, f"nurse-{i}"), state, R2025, False)
        for i in range(5)
    ]
    assert [w.franchise_cents for w in got] == [100, 100, 100, 100, 0]  # 4 € a day
    assert compute_withholding(
        act(day, C.PARAMEDICAL, 1000, "nurse", quantity=3), DeductibleState(2025), R2025, False
    ) == (0, 300)
    next_day = compute_withholding(
        act(day + timedelta(days=1), C.PARAMEDICAL, 1000), state, R2025, False
    )
    assert next_day == (0, 100)


def test_transport_daily_cap() -> None:
    state = DeductibleState(2025)
    day = date(2025, 4, 7)
    got = [
        compute_withholding(act(day, C.TRANSPORT, 5000, "taxi"), state, R2025, False)
        for _ in range(3)
    ]
    assert [w.franchise_cents for w in got] == [400, 400, 0]  # 8 € a day
    assert state.transport_by_day[day] == 800


def test_franchise_year_cap_separate_from_participation() -> None:
    state = DeductibleState(2025, participation_cents=5000, franchise_cents=4950)
    day = date(2025, 12, 1)
    assert compute_withholding(act(day), state, R2025, False) == NOTHING
    assert compute_withholding(act(day, C.PHARMACY, 2000, "p", 3), state, R2025, False) == (0, 50)
    assert compute_withholding(act(day, C.PHARMACY, 2000, "p", 3), state, R2025, False) == NOTHING
    assert state.franchise_cents == 5000


def test_never_more_than_reimbursed() -> None:
    day = date(2025, 5, 5)
    assert compute_withholding(act(day, reimbursed=150), DeductibleState(2025), R2025, False) == (
        150,
        0,
    )
    assert compute_withholding(
        act(day, C.PHARMACY, 80, "p", 2), DeductibleState(2025), R2025, False
    ) == (0, 80)
    assert (
        compute_withholding(act(day, reimbursed=0), DeductibleState(2025), R2025, False) == NOTHING
    )


def test_exempt_withholds_nothing_and_counts_nothing() -> None:
    state = DeductibleState(2025)
    day = date(2025, 5, 5)
    for category in (C.CONSULTATION, C.PHARMACY, C.TRANSPORT):
        assert compute_withholding(act(day, category, 5000), state, R2025, exempt=True) == NOTHING
    assert (state.participation_cents, state.franchise_cents) == (0, 0)
    assert not state.participation_acts and not state.transport_by_day


def test_act_of_another_year_is_refused() -> None:
    with pytest.raises(ValueError):
        compute_withholding(act(date(2026, 1, 1)), DeductibleState(2025), R2025, False)


def test_exemptions() -> None:
    day = date(2025, 6, 10)
    assert is_exempt_from_deductibles(date(2007, 6, 11), day, False, False)  # 17 until tomorrow
    assert not is_exempt_from_deductibles(date(2007, 6, 10), day, False, False)  # 18 today
    assert is_exempt_from_deductibles(date(1980, 1, 1), day, True, False)  # CSS / AME
    assert is_exempt_from_deductibles(date(1990, 1, 1), day, False, True)  # maternity


@pytest.mark.parametrize(
    "category, kwargs, expected",
    [
        (C.CONSULTATION, {}, 70),
        (C.SPECIALIST, {}, 70),
        (C.PARAMEDICAL, {}, 60),
        (C.HOSPITAL, {}, 80),
        (C.LAB, {}, 60),
        (C.TRANSPORT, {}, 65),
        (C.OPTICAL, {}, 60),
        (C.IMAGING, {}, 70),
        (C.PHARMACY, {}, 65),
        (C.PHARMACY, {"medicine_rate": 30}, 30),
        (C.PHARMACY, {"medicine_rate": 100}, 100),
        (C.CONSULTATION, {"ald_exonerating": True}, 100),
        (C.PHARMACY, {"ald_exonerating": True, "medicine_rate": 30}, 100),
        (C.PHARMACY, {"ald_exonerating": True, "medicine_rate": 15}, 15),
        (C.PHARMACY, {"maternity": True, "medicine_rate": 15}, 100),
        (C.PARAMEDICAL, {"maternity": True}, 100),
        (C.TRANSPORT, {"work_accident": True}, 100),
    ],
)
def test_reimbursement_rate(
    category: CareCategory, kwargs: Mapping[str, object], expected: int
) -> None:
    assert reimbursement_rate(category, rates=values(date(2025, 6, 1)), **kwargs) == expected  # type: ignore[arg-type]


def test_dental_rate_is_dated() -> None:
    assert reimbursement_rate(C.DENTAL, rates=values(date(2023, 9, 30))) == 70
    assert reimbursement_rate(C.DENTAL, rates=values(date(2023, 10, 1))) == 60


def test_rates_come_from_the_mapping() -> None:
    rates = dict(values(date(2025, 6, 1)), **{"rate.consultation": 55})
    assert reimbursement_rate(C.CONSULTATION, rates=rates) == 55


_acts = st.lists(
    st.tuples(
        st.integers(0, 30),
        st.sampled_from(list(CareCategory)),
        st.sampled_from(["a", "b", "c"]),
        st.integers(0, 10_000),
        st.integers(1, 5),
    ),
    max_size=120,
)


@settings(max_examples=60)
@given(_acts, st.booleans())
def test_caps_hold_for_any_sequence(
    raw: list[tuple[int, CareCategory, str, int, int]], exempt: bool
) -> None:
    state = DeductibleState(2025)
    start = date(2025, 12, 1)
    total_p = total_f = 0
    per_day_transport: dict[date, int] = {}
    per_day_para: dict[date, int] = {}
    for offset, category, prof, reimbursed, qty in sorted(raw, key=lambda r: r[0]):
        day = start + timedelta(days=offset)
        w = compute_withholding(act(day, category, reimbursed, prof, qty), state, R2025, exempt)
        assert w.participation_cents >= 0
        assert w.franchise_cents >= 0
        assert w.total_cents <= reimbursed
        total_p += w.participation_cents
        total_f += w.franchise_cents
        if category is C.TRANSPORT:
            per_day_transport[day] = per_day_transport.get(day, 0) + w.franchise_cents
        if category is C.PARAMEDICAL:
            per_day_para[day] = per_day_para.get(day, 0) + w.franchise_cents
    assert total_p == state.participation_cents <= 5000
    assert total_f == state.franchise_cents <= 5000
    assert all(v <= 800 for v in per_day_transport.values())
    assert all(v <= 400 for v in per_day_para.values())
    if exempt:
        assert total_p == total_f == 0
