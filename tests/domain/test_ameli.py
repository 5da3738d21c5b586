"""ameli provisional codes (alphabet, format, typed back) and the account status rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_desk.domain.ameli import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CODE_VALIDITY_DAYS,
    AmeliStatus,
    account_status,
    code_refusal,
    code_valid_until,
    format_code,
    new_code,
    parse_code,
)
from advisor_desk.domain.enums import RightsStatus
from advisor_desk.domain.errors import ValidationError

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def test_alphabet_has_no_look_alikes() -> None:
    assert len(set(CODE_ALPHABET)) == len(CODE_ALPHABET) == 30
    assert not set("01OILU") & set(CODE_ALPHABET)
    assert CODE_ALPHABET.upper() == CODE_ALPHABET


def test_new_codes_are_random_and_well_formed() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200  # 30^8 possibilities: a repeat here would be a broken generator
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    # Every character of the alphabet shows up over many codes (no truncated alphabet).
    assert set("".join(codes)) == set(CODE_ALPHABET)


def test_format_groups_by_four() -> None:
    assert format_code("7KQ4MZ2T") == "7KQ4-MZ2T"


@given(st.text(alphabet=CODE_ALPHABET, min_size=CODE_LENGTH, max_size=CODE_LENGTH))
def test_a_printed_code_reads_back(code: str) -> None:
    assert parse_code(format_code(code)) == code
    assert parse_code(format_code(code).lower()) == code
    assert parse_code(" " + code[:4] + " " + code[4:] + " ") == code


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Saisissez le code"),
        ("7KQ4-MZ2", r"8 caractères \(7 saisis\)"),
        ("7KQ4-MZ2TA", r"8 caractères \(9 saisis\)"),
        ("7KQ4-MZ0T", "chiffre 0"),
        ("7KQ4-MZOT", "lettre O"),
        ("7KQ4-MZ1T", "chiffre 1"),
        ("7kq4-mzlt", "lettre L"),
        ("7KQ4-MZIT", "lettre I"),
        ("7KQ4-MZUT", "lettre U"),
        ("7KQ4-MZ#T", "« # »"),
    ],
)
def test_a_wrong_code_says_what_is_wrong(typed: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as exc:
        parse_code(typed)
    assert exc.value.field == "code"


def test_validity() -> None:
    assert CODE_VALIDITY_DAYS == 30
    assert code_valid_until(date(2026, 11, 27)) == date(2026, 12, 27)
    assert code_valid_until(date(2026, 2, 10)) == date(2026, 3, 12)


def test_status() -> None:
    def status(**kw: datetime | None) -> AmeliStatus:
        args: dict[str, datetime | None] = {
            "opened_at": None,
            "locked_at": None,
            "code_expires_at": None,
        }
        args.update(kw)
        return account_status(now=NOW, **args)

    assert status() is AmeliStatus.NONE
    assert status(code_expires_at=NOW + timedelta(seconds=1)) is AmeliStatus.CODE_PENDING
    assert status(code_expires_at=NOW) is AmeliStatus.CODE_EXPIRED
    assert status(opened_at=NOW) is AmeliStatus.ACTIVE
    assert status(opened_at=NOW, code_expires_at=NOW + timedelta(days=3)) is AmeliStatus.ACTIVE
    assert status(opened_at=NOW, locked_at=NOW) is AmeliStatus.LOCKED
    # A code handed over for a locked account does not unlock it.
    locked_with_code = status(opened_at=NOW, locked_at=NOW, code_expires_at=NOW + timedelta(days=3))
    assert locked_with_code is AmeliStatus.LOCKED


@pytest.mark.parametrize("status", list(AmeliStatus))
def test_who_may_get_a_code(status: AmeliStatus) -> None:
    open_rights = code_refusal(
        status=status, opened_on=date(2020, 5, 4), rights=RightsStatus.OPEN, rights_end=None
    )
    to_renew = code_refusal(
        status=status,
        opened_on=date(2020, 5, 4),
        rights=RightsStatus.TO_RENEW,
        rights_end=date(2027, 1, 31),
    )
    if status is AmeliStatus.ACTIVE:
        assert (
            open_rights is not None and "déjà un compte ameli, ouvert le 04/05/2020" in open_rights
        )
        assert to_renew == open_rights
    else:
        assert open_rights is None and to_renew is None
    closed = code_refusal(
        status=status, opened_on=None, rights=RightsStatus.CLOSED, rights_end=date(2025, 6, 30)
    )
    assert closed is not None
    if status is not AmeliStatus.ACTIVE:
        assert "fermés depuis le 30/06/2025" in closed
    never = code_refusal(status=status, opened_on=None, rights=RightsStatus.CLOSED, rights_end=None)
    assert never is not None
    if status is not AmeliStatus.ACTIVE:
        assert "Aucune période de droits" in never


def test_the_vitale_card_update_is_advised_to_the_self_employed() -> None:
    from advisor_desk.domain.ameli import vitale_update_advised

    assert vitale_update_advised("Activité indépendante (travailleur indépendant)")
    assert vitale_update_advised("Travailleur INDÉPENDANT")
    assert not vitale_update_advised("Activité salariée")
    assert not vitale_update_advised(None)
