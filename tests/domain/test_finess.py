"""FINESS numbers: nine characters, the département first (2A and 2B for Corsica)."""

from __future__ import annotations

import pytest

from advisor_desk.domain.finess import is_finess, luhn_key, normalize_finess


@pytest.mark.parametrize("code", ["690781810", "2A0000014", "2B0000013", "970100228", "010000024"])
def test_shaped_numbers(code: str) -> None:
    assert is_finess(code)


@pytest.mark.parametrize(
    "code",
    ["69078181", "6907818100", "000000000", "200000000", "960000000", "2C0000000", "69A000000"],
)
def test_misshaped_numbers(code: str) -> None:
    assert not is_finess(code)


def test_typed_numbers_are_normalized_and_keys_computed() -> None:
    assert normalize_finess(" 2a 000 001 4 ") == "2A0000014"
    assert luhn_key("7992739871") == "3"  # the classic Luhn example
