"""Taxable share of daily allowances (IJ) for the yearly tax statement."""

from __future__ import annotations

from advisor_desk.domain.enums import LeaveKind
from advisor_desk.domain.money import apply_rate

# Code général des impôts, art. 80 quinquies: work-accident IJ are taxable for half.
WORK_ACCIDENT_TAXABLE_PCT = 50


def taxable_ij_cents(kind: LeaveKind, net_cents: int, ald_exonerating: bool) -> int:
    """Taxable part of net IJ: sickness, maternity, paternity 100 %; work accident 50 %;
    IJ for an exonerating ALD 0 %. Rounded half up to the cent; apply it to a yearly sum
    rather than to each payment so that roundings do not add up.
    """
    if ald_exonerating:
        return 0
    if kind is LeaveKind.WORK_ACCIDENT:
        return apply_rate(net_cents, WORK_ACCIDENT_TAXABLE_PCT)
    return net_cents
