"""NIR parsing, key, formatting and demo generation, cross-checked with python-stdnum."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.fr import nir as std_nir

from advisor_desk.domain.enums import Sex
from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.nir import (
    Nir,
    compute_key,
    is_valid_nir,
    looks_like_nir_fragment,
    make_nir,
    normalize_nir_input,
    parse_nir,
)


def with_key(number13: str) -> str:
    """Reference key from stdnum, independent from ours."""
    return number13 + std_nir.calc_check_digits(number13 + "00")


def test_normalize_strips_separators_and_uppercases() -> None:
    assert normalize_nir_input(" 2 53-07.2a 073 004 43 ") == "253072A07300443"
    assert normalize_nir_input("1\u00a084\u202f03") == "18403"


@pytest.mark.parametrize(
    "text",
    ["2 95 10 99 126 111 93", "253072B07300470", "253072A07300443", "2.53.07.2a.073.004.43"],
)
def test_known_valid_numbers(text: str) -> None:
    n = parse_nir(text)
    assert std_nir.is_valid(n.full)
    assert n.full == std_nir.compact(text)


def test_parts_metropolitan() -> None:
    full = with_key("1840375112123")
    n = parse_nir(full)
    assert n == Nir("1", "84", "03", "75", "112", "123", full[13:])
    assert n.number13 == "1840375112123"
    assert n.sex is Sex.MALE
    assert not n.is_temporary
    assert n.birth_month_known
    assert n.formatted() == f"1 84 03 75 112 123 {full[13:]}"


def test_corsica_key_uses_19_and_18() -> None:
    a = parse_nir("253072A07300443")
    b = parse_nir("253072B07300470")
    assert (a.department, a.commune) == ("2A", "073")
    assert (b.department, b.commune) == ("2B", "073")
    # 2A → 19: the key is the one of the all-digit number with 19 in place of 2A.
    assert compute_key("253072A073004") == f"{97 - 2530719073004 % 97:02d}" == "43"
    assert compute_key("253072B073004") == f"{97 - 2530718073004 % 97:02d}" == "70"


def test_overseas_department_has_three_digits_and_two_digit_commune() -> None:
    n = parse_nir(with_key("2900797105042"))
    assert (n.department, n.commune, n.order) == ("971", "05", "042")
    n = parse_nir(with_key("1751198812001"))
    assert (n.department, n.commune) == ("988", "12")


def test_born_abroad_commune_is_country_code() -> None:
    n = parse_nir("295109912611193")
    assert n.born_abroad
    assert (n.department, n.commune) == ("99", "126")


@pytest.mark.parametrize("sex_digit, sex", [("7", Sex.MALE), ("8", Sex.FEMALE)])
def test_temporary_numbers(sex_digit: str, sex: Sex) -> None:
    n = parse_nir(with_key(sex_digit + "850199352001"))
    assert n.is_temporary
    assert n.sex is sex


@pytest.mark.parametrize("month", ["20", "42", "50", "99"])
def test_unknown_birth_month_accepted(month: str) -> None:
    n = parse_nir(with_key(f"184{month}75112123"))
    assert n.month == month
    assert not n.birth_month_known


@pytest.mark.parametrize("month", ["00", "13", "19", "43", "49"])
def test_bad_month(month: str) -> None:
    with pytest.raises(ValidationError) as exc:
        parse_nir(with_key(f"184{month}75112123"))
    assert exc.value.message == f"Le mois de naissance {month} n'existe pas."
    assert exc.value.field == "nir"


def test_wrong_key_gives_both_keys() -> None:
    good = with_key("1840375112123")
    bad = "42" if good[13:] != "42" else "41"
    with pytest.raises(ValidationError) as exc:
        parse_nir("1840375112123" + bad, field="member_nir")
    assert exc.value.message == f"La clé du NIR est {bad}, la clé calculée est {good[13:]}."
    assert exc.value.field == "member_nir"


def test_missing_key() -> None:
    with pytest.raises(ValidationError, match="clé du NIR est manquante"):
        parse_nir("1 84 03 75 112 123")


@pytest.mark.parametrize("text, typed", [("184037511212", 12), ("1840375112123456", 16)])
def test_wrong_length(text: str, typed: int) -> None:
    with pytest.raises(ValidationError) as exc:
        parse_nir(text)
    assert exc.value.message == (f"Le NIR doit comporter 15 caractères (13 + clé), {typed} saisis.")


def test_letters_are_named_with_position() -> None:
    with pytest.raises(ValidationError) as exc:
        parse_nir("18403751O212345")  # letter O for zero
    assert "« O » en position 9" in exc.value.message
    with pytest.raises(ValidationError, match="département de naissance « 2C »"):
        parse_nir("253072C07300443")


def test_bad_sex_digit_and_department() -> None:
    with pytest.raises(ValidationError, match="sexe"):
        parse_nir(with_key("3840375112123"))
    with pytest.raises(ValidationError, match="département de naissance 00"):
        parse_nir(with_key("1840300112123"))
    with pytest.raises(ValidationError, match="département de naissance 96"):
        parse_nir(with_key("1840396112123"))


def test_empty_input() -> None:
    with pytest.raises(ValidationError, match="Saisissez le NIR"):
        parse_nir("  ")


def test_masked_shows_only_last_five() -> None:
    n = parse_nir("295109912611193")
    assert n.masked() == "• •• •• •• ••• 111 93"
    assert "95" not in n.masked().replace("93", "")


def test_compute_key_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        compute_key("123")


def test_looks_like_nir_fragment() -> None:
    assert looks_like_nir_fragment("1 84 03")
    assert looks_like_nir_fragment("253072A")
    assert looks_like_nir_fragment("295109912611193")
    assert not looks_like_nir_fragment("18")
    assert not looks_like_nir_fragment("2950A")
    assert not looks_like_nir_fragment("1234567890123456")
    assert not looks_like_nir_fragment("dupont")


def test_make_nir_examples() -> None:
    n = make_nir(Sex.FEMALE, date(1990, 7, 3), "2A", "4", 17)
    assert n.full.startswith("290072A004017")
    assert std_nir.is_valid(n.full)
    n = make_nir(Sex.MALE, date(2001, 12, 31), "974", "11", 999)
    assert (n.department, n.commune, n.number13) == ("974", "11", "1011297411999")
    n = make_nir(Sex.MALE, date(1965, 1, 2), "99", "352", 1)
    assert n.born_abroad and n.commune == "352"
    with pytest.raises(ValueError):
        make_nir(Sex.MALE, date(1965, 1, 2), "00", "352", 1)
    with pytest.raises(ValueError):
        make_nir(Sex.MALE, date(1965, 1, 2), "75", "1234", 1)
    with pytest.raises(ValueError):
        make_nir(Sex.MALE, date(1965, 1, 2), "75", "123", 0)


_departments = st.one_of(
    st.integers(1, 95).map(lambda d: f"{d:02d}"),
    st.sampled_from(["2A", "2B", "99"]),
    st.integers(971, 978).map(str),
    st.integers(984, 989).map(str),
)


@given(
    sex=st.sampled_from(Sex),
    birth=st.dates(date(1900, 1, 1), date(2030, 12, 31)),
    department=_departments,
    commune=st.integers(1, 99),
    order=st.integers(1, 999),
)
def test_make_nir_always_valid(
    sex: Sex, birth: date, department: str, commune: int, order: int
) -> None:
    n = make_nir(sex, birth, department, str(commune), order)
    assert std_nir.is_valid(n.full)
    assert parse_nir(n.formatted()) == n
    assert n.sex is sex
    assert n.year == f"{birth.year % 100:02d}" and n.month == f"{birth.month:02d}"
    assert n.department == department


@given(st.text(alphabet="0123456789AB ", max_size=18))
def test_never_accepts_what_stdnum_rejects(text: str) -> None:
    if is_valid_nir(text):
        assert std_nir.is_valid(text)


@given(number=st.integers(0, 10**13 - 1))
def test_key_matches_stdnum(number: int) -> None:
    digits = f"{number:013d}"
    assert compute_key(digits) == std_nir.calc_check_digits(digits + "00")


@given(number=st.integers(0, 10**13 - 1), key=st.integers(0, 99))
def test_exactly_one_key_is_accepted(number: int, key: int) -> None:
    digits = f"{number:013d}"
    assert std_nir.is_valid(digits + f"{key:02d}") == (compute_key(digits) == f"{key:02d}")
