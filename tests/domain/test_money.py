"""Money in cents: French formatting, parsing of typed amounts, rates."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.money import (
    NBSP,
    NNBSP,
    apply_rate,
    format_eur,
    format_eur_plain,
    parse_eur,
)


@pytest.mark.parametrize(
    "cents, text",
    [
        (0, "0,00\u00a0€"),
        (5, "0,05\u00a0€"),
        (1900, "19,00\u00a0€"),
        (123456, "1\u202f234,56\u00a0€"),
        (123456789, "1\u202f234\u202f567,89\u00a0€"),
        (-2150, "-21,50\u00a0€"),
    ],
)
def test_format_eur(cents: int, text: str) -> None:
    assert format_eur(cents) == text


def test_format_eur_separators() -> None:
    assert NNBSP == "\u202f" and NBSP == "\u00a0"
    assert format_eur_plain(123456) == "1234,56"


@pytest.mark.parametrize(
    "text, cents",
    [
        ("12,50", 1250),
        ("12.50", 1250),
        ("12,5 €", 1250),
        ("12,5€", 1250),
        ("1 234,56", 123456),
        ("1\u202f234,56\u00a0€", 123456),
        ("  7 ", 700),
        ("0,05", 5),
        (",5", 50),
        ("30 EUR", 3000),
        ("+3", 300),
    ],
)
def test_parse_eur(text: str, cents: int) -> None:
    assert parse_eur(text) == cents


@pytest.mark.parametrize(
    "text, message",
    [
        ("-12,50", "Le montant ne peut pas être négatif : « -12,50 »."),
        ("12,505", "Le montant « 12,505 » a 3 décimales ; 2 au plus (les centimes)."),
        ("douze", "« douze » n'est pas un montant (exemple : 12,50)."),
        ("12,50,3", "« 12,50,3 » n'est pas un montant (exemple : 12,50)."),
        ("", "Saisissez un montant (par exemple 12,50)."),
        ("€", "Saisissez un montant (par exemple 12,50)."),
        ("99999999999", "Le montant « 99999999999 » est trop grand."),
    ],
)
def test_parse_eur_errors(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as exc:
        parse_eur(text, field="amount")
    assert exc.value.message == message
    assert exc.value.field == "amount"


def test_parse_eur_mixed_separators() -> None:
    with pytest.raises(ValidationError, match="mélange point et virgule"):
        parse_eur("1.234,56")


@given(st.integers(0, 10**12 - 1))
def test_format_parse_round_trip(cents: int) -> None:
    assert parse_eur(format_eur(cents)) == cents
    assert parse_eur(format_eur_plain(cents)) == cents


@pytest.mark.parametrize(
    "base, rate, expected",
    [
        (3000, 70, 2100),
        (2650, 70, 1855),
        (5, 50, 3),
        (1, 50, 1),
        (1, 49, 0),
        (-5, 50, -3),
        (999, 0, 0),
    ],
)
def test_apply_rate_half_up(base: int, rate: int, expected: int) -> None:
    assert apply_rate(base, rate) == expected


def test_apply_rate_decimal_rate() -> None:
    assert apply_rate(1000, Decimal("33.35")) == 334  # 333.5 → 334
    assert apply_rate(1000, Decimal("33.34")) == 333


@given(st.integers(-(10**9), 10**9), st.integers(0, 100))
def test_apply_rate_matches_exact_rounding(base: int, rate: int) -> None:
    exact = Decimal(base) * rate / 100
    expected = int(abs(exact) + Decimal("0.5")) * (1 if base >= 0 else -1)
    assert apply_rate(base, rate) == expected
    assert apply_rate(base, Decimal(rate)) == expected
