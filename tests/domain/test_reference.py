"""Dated reference CSVs: the shipped files and the parsing rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from advisor_desk.domain.css import CssDecision, css_eligibility, css_monthly_participation_cents
from advisor_desk.domain.deductibles import RULE_KEYS, rate_key, rules_from_values
from advisor_desk.domain.enums import CareCategory
from advisor_desk.domain.reference import (
    EXTRA_PERSON,
    ReferenceDataError,
    ald_in_force,
    ceilings_at,
    css_participation_at,
    parse_ald_csv,
    parse_css_ceilings_csv,
    parse_css_participation_csv,
    parse_values_csv,
    value_at,
    values_at,
)

REF = Path(__file__).parents[2] / "resources" / "reference"


def read(name: str) -> str:
    return (REF / name).read_text(encoding="utf-8")


VALUES = parse_values_csv(read("values.csv"))


@pytest.mark.parametrize(
    "key, day, value",
    [
        ("fee.gp_consultation_cents", date(2024, 12, 21), 2650),
        ("fee.gp_consultation_cents", date(2024, 12, 22), 3000),
        ("participation.per_act_cents", date(2024, 5, 14), 100),
        ("participation.per_act_cents", date(2024, 5, 15), 200),
        ("franchise.box_cents", date(2024, 3, 30), 50),
        ("franchise.box_cents", date(2024, 3, 31), 100),
        ("franchise.paramedical_act_cents", date(2024, 3, 31), 100),
        ("franchise.paramedical_day_cap_cents", date(2024, 3, 31), 400),
        ("franchise.transport_cents", date(2024, 3, 31), 400),
        ("franchise.transport_day_cap_cents", date(2024, 3, 30), 400),
        ("franchise.transport_day_cap_cents", date(2024, 3, 31), 800),
        ("franchise.year_cap_cents", date(2026, 11, 26), 5000),
        ("participation.year_cap_cents", date(2026, 11, 26), 5000),
        ("participation.max_acts_per_day_per_professional", date(2026, 11, 26), 4),
        ("ceam.validity_months", date(2026, 11, 26), 24),
        ("ceam.provisional_certificate_validity_months", date(2026, 11, 26), 3),
        ("ceam.provisional_threshold_days", date(2026, 11, 26), 15),
    ],
)
def test_shipped_values_at_boundaries(key: str, day: date, value: int) -> None:
    assert value_at(VALUES, key, day) == value
    assert values_at(VALUES, day)[key] == value


def test_shipped_values_cover_rules_and_rates_today() -> None:
    today = values_at(VALUES, date(2026, 11, 26))
    rules_from_values(today)
    for category in CareCategory:
        assert 0 < today[rate_key(category)] <= 100
    assert set(RULE_KEYS) <= set(today)


def test_value_at_missing_names_key_and_day() -> None:
    with pytest.raises(KeyError, match=r"fee\.gp_consultation_cents.*2000-01-01"):
        value_at(VALUES, "fee.gp_consultation_cents", date(2000, 1, 1))


def test_shipped_ald_list() -> None:
    ald = parse_ald_csv(read("ald.csv"))
    assert [e.code for e in ald] == list(range(1, 33))
    labels = {e.code: e.label for e in ald}
    assert labels[1] == "AVC invalidant"
    assert labels[15] == "Maladie d'Alzheimer et autres démences"
    assert labels[30] == "Tumeur maligne, affection maligne du tissu lymphatique ou hématopoïétique"
    assert labels[31] == "Affection hors liste"
    assert labels[32] == "Polypathologie invalidante"
    assert 12 in [e.code for e in ald_in_force(ald, date(2011, 6, 26))]
    assert 12 not in [e.code for e in ald_in_force(ald, date(2011, 6, 27))]
    assert len(ald_in_force(ald, date(2026, 1, 1))) == 31


def test_shipped_css_ceilings() -> None:
    rows = parse_css_ceilings_csv(read("css_ceilings.csv"))
    c = ceilings_at(rows, date(2025, 4, 1))
    assert c.free_cents == (1_033_900, 1_550_800, 1_860_900, 2_171_100)
    assert c.participation_cents == (1_395_700, 2_093_600, 2_512_300, 2_931_100)
    assert (c.free_extra_cents, c.participation_extra_cents) == (413_500, 558_300)
    assert ceilings_at(rows, date(2026, 11, 26)) == c  # open-ended until the next table
    assert ceilings_at(rows, date(2025, 3, 31)) != c
    assert css_eligibility(1, 1_033_900, c) is CssDecision.FREE
    with pytest.raises(KeyError):
        ceilings_at(rows, date(2020, 1, 1))


def test_shipped_css_participation() -> None:
    table = css_participation_at(
        parse_css_participation_csv(read("css_participation.csv")), date(2025, 6, 1)
    )
    assert [table.monthly_cents_for(a) for a in (0, 29, 30, 49, 50, 59, 60, 69, 70, 99)] == [
        800,
        800,
        1500,
        1500,
        2200,
        2200,
        2500,
        2500,
        3000,
        3000,
    ]
    assert css_monthly_participation_cents([35, 33, 4], table) == 3800


def test_parse_values_rules() -> None:
    text = (
        "key,valid_from,valid_to,value,unit,note\n"
        "a,2024-01-01,2024-06-01,1,cents,\n"
        "a,2024-06-01,,2,cents,later\n"
        "\n"
        "b,2024-01-01,,7,count,\n"
    )
    dated = parse_values_csv(text)
    assert values_at(dated, date(2023, 12, 31)) == {}
    assert values_at(dated, date(2024, 1, 1)) == {"a": 1, "b": 7}
    assert values_at(dated, date(2024, 5, 31)) == {"a": 1, "b": 7}
    assert values_at(dated, date(2024, 6, 1)) == {"a": 2, "b": 7}  # valid_to is exclusive
    assert dated[1].note == "later"


@pytest.mark.parametrize(
    "body, message",
    [
        ("a,2024-01-01,2024-07-01,1,c\na,2024-06-01,,2,c\n", "se chevauchent"),
        ("a,2024-01-01,,1,c\na,2025-01-01,,2,c\n", "se chevauchent"),
        ("a,2024-13-01,,1,c\n", "ligne 2 : valid_from « 2024-13-01 » n'est pas une date"),
        ("a,2024-01-01,2024-01-01,1,c\n", "ligne 2 : valid_to 2024-01-01 doit être après"),
        ("a,2024-01-01,,1.5,c\n", "ligne 2 : value « 1.5 » n'est pas un entier"),
        ("a,,,1,c\n", "ligne 2 : valid_from est obligatoire"),
    ],
)
def test_parse_values_errors(body: str, message: str) -> None:
    with pytest.raises(ReferenceDataError, match=message):
        parse_values_csv("key,valid_from,valid_to,value,unit\n" + body)


def test_parse_values_missing_column() -> None:
    with pytest.raises(ReferenceDataError, match="colonnes manquantes : unit"):
        parse_values_csv("key,valid_from,valid_to,value\n")


def test_parse_ceilings_rules() -> None:
    text = (
        "valid_from,valid_to,household_size,free_cents,participation_cents\n"
        + "".join(f"2025-04-01,,{s},{s}00,{s}50\n" for s in (1, 2, 3, 4))
        + "2025-04-01,,extra,40,55\n"
    )
    rows = parse_css_ceilings_csv(text)
    assert rows[-1].household_size == EXTRA_PERSON
    c = ceilings_at(rows, date(2025, 4, 1))
    assert c.free_ceiling(6) == 400 + 2 * 40
    with pytest.raises(KeyError, match="incomplets"):
        ceilings_at(rows[:-1], date(2025, 4, 1))
    with pytest.raises(ReferenceDataError, match="household_size 7"):
        parse_css_ceilings_csv(text + "2025-04-01,,7,1,1\n")
    with pytest.raises(ReferenceDataError, match="se chevauchent"):
        parse_css_ceilings_csv(text + "2025-05-01,,1,1,1\n")


def test_parse_ald_rules() -> None:
    ald = parse_ald_csv(
        "\ufeffcode,label,valid_from,valid_to\n1,Un,,\n2,Deux,2000-01-01,2010-01-01\n"
    )
    assert [e.code for e in ald_in_force(ald, date(1999, 1, 1))] == [1]
    assert [e.code for e in ald_in_force(ald, date(2005, 1, 1))] == [1, 2]
    with pytest.raises(ReferenceDataError, match="en double"):
        parse_ald_csv("code,label,valid_from,valid_to\n1,Un,,\n1,Deux,,\n")
