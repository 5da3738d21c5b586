"""IBAN and BIC validation, masking and demo generation, cross-checked with schwifty."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from schwifty import IBAN

from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.iban import (
    format_iban,
    is_valid_iban,
    make_french_iban,
    mask_iban,
    normalize_iban,
    rib_key,
    validate_bic,
    validate_iban,
)

FR = "FR7630006000011234567890189"


def test_normalize() -> None:
    assert normalize_iban(" fr76-3000 6000.0112 3456 7890 189 ") == FR
    assert normalize_iban("IBAN FR76 3000 6000 0112 3456 7890 189") == FR


@pytest.mark.parametrize(
    "text",
    [FR, "FR76 3000 6000 0112 3456 7890 189", "DE89370400440532013000", "GB82WEST12345698765432"],
)
def test_valid(text: str) -> None:
    assert validate_iban(text) == normalize_iban(text)
    assert IBAN(text).validate()


def test_wrong_check_digits_names_both() -> None:
    with pytest.raises(ValidationError) as exc:
        validate_iban("FR7730006000011234567890189")
    assert exc.value.message.startswith("La clé de l'IBAN est 77, la clé calculée est 76")
    assert exc.value.field == "iban"


def test_transposed_digits_detected() -> None:
    assert not is_valid_iban("FR7630006000011234567980189")


def test_wrong_length_for_country() -> None:
    with pytest.raises(ValidationError) as exc:
        validate_iban("FR763000600001123456789018", field="new_iban")
    assert exc.value.message == "Un IBAN FR comporte 27 caractères, 26 saisis."
    assert exc.value.field == "new_iban"


def test_unknown_country_and_bad_characters() -> None:
    with pytest.raises(ValidationError, match="« XX » n'est pas le code d'un pays"):
        validate_iban("XX7630006000011234567890189")
    with pytest.raises(ValidationError, match="code pays en 2 lettres"):
        validate_iban("7630006000011234567890189")
    with pytest.raises(ValidationError, match=r"caractère « \* » en position 5"):
        validate_iban("FR76*0006000011234567890189")
    with pytest.raises(ValidationError, match="Saisissez l'IBAN"):
        validate_iban("   ")


def test_bban_structure_checked() -> None:
    # Letter in the bank code, where France expects digits.
    with pytest.raises(
        ValidationError, match=r"Le caractère 5 de l'IBAN \(« A »\) doit être un chiffre"
    ):
        validate_iban("FR76A0006000011234567890189")


def test_french_rib_key_checked_even_when_iban_key_matches() -> None:
    bban = "30006000011234567890188"  # wrong RIB key 88 (right one is 89)
    check = 98 - int("".join(str(int(c, 36)) for c in bban + "FR00")) % 97
    with pytest.raises(ValidationError) as exc:
        validate_iban(f"FR{check:02d}{bban}")
    assert exc.value.message == "La clé RIB de l'IBAN est 88, la clé calculée est 89."


def test_rib_key_with_letters_in_account() -> None:
    iban = make_french_iban("20041", "01005", "0500013M026")
    assert IBAN(iban).validate(validate_bban=True)
    assert iban[-2:] == rib_key("20041", "01005", "0500013M026")


def test_format_and_mask() -> None:
    assert format_iban(FR) == "FR76 3000 6000 0112 3456 7890 189"
    assert mask_iban(FR) == "FR76 •••• •••• •••• •••• ••90 189"
    assert mask_iban("DE89370400440532013000") == "DE89 •••• •••• •••• •130 00"
    masked = mask_iban(FR).replace(" ", "")
    assert len(masked) == len(FR)
    assert masked[:4] == FR[:4] and masked[-5:] == FR[-5:]
    assert set(masked[4:-5]) == {"•"}


def test_bic() -> None:
    assert validate_bic("bnpa fr pp xxx") == "BNPAFRPPXXX"
    assert validate_bic("BNPAFRPP", iban=FR) == "BNPAFRPP"
    assert validate_bic("BNPARERX", iban=FR) == "BNPARERX"  # La Réunion banks use FR IBANs
    with pytest.raises(ValidationError) as exc:
        validate_bic("DEUTDEFF", iban=FR)
    assert (
        exc.value.message
        == "Le BIC est celui d'une banque du pays DE, alors que l'IBAN est un IBAN FR."
    )
    with pytest.raises(ValidationError, match="8 ou 11 caractères, 9 saisis"):
        validate_bic("BNPAFRPPX")
    with pytest.raises(ValidationError, match="code banque"):
        validate_bic("BN1AFRPP")
    with pytest.raises(ValidationError, match="code pays"):
        validate_bic("BNPA1RPP")


def test_make_french_iban_pads_and_rejects() -> None:
    assert make_french_iban("30006", "1", "12345678901")[4:14] == "3000600001"
    with pytest.raises(ValueError):
        make_french_iban("3000X", "00001", "1")
    with pytest.raises(ValueError):
        make_french_iban("30006", "00001", "123456789012")


@given(
    bank=st.integers(0, 99999),
    branch=st.integers(0, 99999),
    account=st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=11),
)
def test_make_french_iban_valid_per_schwifty(bank: int, branch: int, account: str) -> None:
    iban = make_french_iban(f"{bank:05d}", f"{branch:05d}", account)
    assert IBAN(iban).validate(validate_bban=True)
    assert validate_iban(format_iban(iban)) == iban


@given(
    bank=st.integers(0, 99999),
    account=st.integers(0, 10**11 - 1),
    pos=st.integers(4, 26),
    digit=st.sampled_from("0123456789"),
)
def test_single_digit_typo_rejected_like_schwifty(
    bank: int, account: int, pos: int, digit: str
) -> None:
    iban = make_french_iban(f"{bank:05d}", "00001", f"{account:011d}")
    typo = iban[:pos] + digit + iban[pos + 1 :]
    assert is_valid_iban(typo) == IBAN(typo, allow_invalid=True).is_valid
    if typo != iban:
        assert not is_valid_iban(typo)
