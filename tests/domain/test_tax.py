"""Taxable share of daily allowances."""

from __future__ import annotations

import pytest

from advisor_desk.domain.enums import LeaveKind
from advisor_desk.domain.tax import taxable_ij_cents


@pytest.mark.parametrize(
    "kind, net, ald, taxable",
    [
        (LeaveKind.SICKNESS, 123_456, False, 123_456),
        (LeaveKind.MATERNITY, 250_001, False, 250_001),
        (LeaveKind.PATERNITY, 99_999, False, 99_999),
        (LeaveKind.WORK_ACCIDENT, 100_000, False, 50_000),
        (LeaveKind.WORK_ACCIDENT, 100_001, False, 50_001),  # half a cent rounds up
        (LeaveKind.SICKNESS, 123_456, True, 0),
        (LeaveKind.WORK_ACCIDENT, 100_000, True, 0),
        (LeaveKind.SICKNESS, 0, False, 0),
    ],
)
def test_taxable_ij(kind: LeaveKind, net: int, ald: bool, taxable: int) -> None:
    assert taxable_ij_cents(kind, net, ald) == taxable
