"""Declaration forms: one valid filing per kind, and the refusals naming the field in French."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advisor_desk.domain.declarations import (
    FORMS,
    FieldType,
    required_documents,
    validate_declaration,
)
from advisor_desk.domain.enums import DeclarationKind
from advisor_desk.domain.errors import ValidationError

from .test_declarations_samples import IBAN, OTHER_NIR, TODAY, income_lines, make_ctx, valid_forms

K = DeclarationKind


def refuse(kind: DeclarationKind, changes: dict[str, str], owed: int = 1500) -> ValidationError:
    form = {**valid_forms()[kind], **changes}
    form = {k: v for k, v in form.items() if v is not None}
    with pytest.raises(ValidationError) as exc:
        validate_declaration(kind, form, make_ctx(owed_cents=owed))
    return exc.value


def test_every_kind_has_a_form_and_a_sample() -> None:
    assert set(FORMS) == set(DeclarationKind)
    assert set(valid_forms()) == set(DeclarationKind)


@pytest.mark.parametrize("kind", list(DeclarationKind))
def test_valid_form_normalizes(kind: DeclarationKind) -> None:
    payload = validate_declaration(kind, valid_forms()[kind], make_ctx())
    assert payload
    # The same payload stored as JSON must come back identical: only JSON types.
    import json

    assert json.loads(json.dumps(payload)) == payload
    for doc in required_documents(kind, payload):
        assert doc.label


@pytest.mark.parametrize("kind", list(DeclarationKind))
def test_field_specs_cover_the_sample(kind: DeclarationKind) -> None:
    names = {f.name for f in FORMS[kind].fields}
    assert set(valid_forms()[kind]) <= names
    for f in FORMS[kind].fields:
        if f.type is FieldType.CHOICE and kind is not K.COMPLEMENTARY_CHOICE:
            assert f.choices, f.name


def test_unknown_field_refused() -> None:
    err = refuse(K.BANK_DETAILS, {"colour": "bleu"})
    assert err.field == "colour"
    assert "n'existe pas" in err.message


# --- carte Vitale


def test_vitale_order_other_address_needs_the_address() -> None:
    err = refuse(K.VITALE_ORDER, {"delivery": "other"})
    assert err.field == "delivery_line1"
    ok = validate_declaration(
        K.VITALE_ORDER,
        {
            **valid_forms()[K.VITALE_ORDER],
            "delivery": "à une autre adresse",
            "delivery_line1": "3 place Bellecour",
            "delivery_postcode": "69002",
            "delivery_city": "Lyon",
        },
        make_ctx(),
    )
    assert ok["delivery_postcode"] == "69002"


def test_vitale_order_unknown_rank() -> None:
    err = refuse(K.VITALE_ORDER, {"rank": "7"})
    assert err.field == "rank" and "rang 07" in err.message


def test_vitale_order_documents_follow_what_was_received() -> None:
    payload = validate_declaration(K.VITALE_ORDER, valid_forms()[K.VITALE_ORDER], make_ctx())
    docs = required_documents(K.VITALE_ORDER, payload)
    assert [d.received for d in docs] == [True, False]


def test_vitale_lost_future_date_refused() -> None:
    err = refuse(K.VITALE_LOST, {"loss_date": (TODAY + timedelta(days=1)).isoformat()})
    assert err.field == "loss_date" and "futur" in err.message


def test_vitale_lost_needs_circumstances_and_kind() -> None:
    assert refuse(K.VITALE_LOST, {"circumstances": "  "}).field == "circumstances"
    assert refuse(K.VITALE_LOST, {"loss_kind": "égarée"}).field == "loss_kind"


def test_vitale_lost_stolen_asks_for_the_complaint() -> None:
    payload = validate_declaration(K.VITALE_LOST, valid_forms()[K.VITALE_LOST], make_ctx())
    assert payload["loss_kind"] == "stolen"
    assert [d.required for d in required_documents(K.VITALE_LOST, payload)] == [False]


# --- bank details


def test_bank_details_bad_key_names_the_iban() -> None:
    bad = IBAN[:2] + ("00" if IBAN[2:4] != "00" else "01") + IBAN[4:]
    err = refuse(K.BANK_DETAILS, {"iban": bad})
    assert err.field == "iban" and "clé" in err.message


def test_bank_details_bic_country_must_match() -> None:
    err = refuse(K.BANK_DETAILS, {"bic": "DEUTDEFF"})
    assert err.field == "bic" and "DE" in err.message


def test_bank_details_holder_is_a_name() -> None:
    assert refuse(K.BANK_DETAILS, {"holder": ""}).field == "holder"
    assert refuse(K.BANK_DETAILS, {"holder": "Marie 42"}).field == "holder"


def test_bank_details_normalizes_spaces() -> None:
    spaced = " ".join(IBAN[i : i + 4] for i in range(0, len(IBAN), 4))
    payload = validate_declaration(
        K.BANK_DETAILS,
        {"iban": spaced, "bic": "agri fr pp", "holder": "  Marie   Durand "},
        make_ctx(),
    )
    assert payload == {"iban": IBAN, "bic": "AGRIFRPP", "holder": "Marie Durand"}


# --- CSS


def test_css_free_with_low_income() -> None:
    payload = validate_declaration(K.CSS_REQUEST, valid_forms()[K.CSS_REQUEST], make_ctx())
    assert payload["eligibility"] == "free"
    assert payload["household_size"] == 2
    assert payload["period_start"] == "2025-05-01" and payload["period_end"] == "2026-04-30"
    assert payload["monthly_participation_cents"] == 0


def test_css_participation_computes_the_monthly_amount() -> None:
    # Household of 2 in 2026: free up to 15 508 €, participation up to 20 936 €.
    form = {**valid_forms()[K.CSS_REQUEST], "incomes": income_lines(TODAY, "1500")}
    payload = validate_declaration(K.CSS_REQUEST, form, make_ctx())
    assert payload["yearly_income_cents"] == 1_800_000
    assert payload["eligibility"] == "participation"
    # Member aged 35 on 1 January 2026 (30-49 bracket) + a child of 7 (0-29 bracket).
    assert payload["monthly_participation_cents"] == 1500 + 800


def test_css_refused_above_the_ceiling() -> None:
    form = {"household": "", "incomes": income_lines(TODAY, "2000")}
    payload = validate_declaration(K.CSS_REQUEST, form, make_ctx())
    assert payload["eligibility"] == "refused"


def test_css_ceiling_is_the_one_in_force_on_the_request_date() -> None:
    # 10 200 € a year, alone: free under the 2024 ceiling (10 166 €)? no; under 2025's (10 339 €): yes.
    form = {"household": "", "incomes": income_lines(date(2025, 6, 2), "850")}
    p2025 = validate_declaration(K.CSS_REQUEST, form, make_ctx(today=date(2025, 6, 2)))
    assert p2025["eligibility"] == "free"
    form = {"household": "", "incomes": income_lines(date(2025, 3, 3), "850")}
    p2024 = validate_declaration(K.CSS_REQUEST, form, make_ctx(today=date(2025, 3, 3)))
    assert p2024["eligibility"] == "participation"


def test_css_needs_the_right_twelve_months() -> None:
    lines = income_lines(TODAY, "900").splitlines()
    err = refuse(K.CSS_REQUEST, {"incomes": "\n".join(lines[1:])})
    assert err.field == "incomes" and "il manque 1 mois" in err.message and "05/2025" in err.message
    err = refuse(K.CSS_REQUEST, {"incomes": "\n".join([*lines, "05/2026 ; 100"])})
    assert err.field == "incomes" and "hors de la période" in err.message
    err = refuse(K.CSS_REQUEST, {"incomes": "\n".join([*lines, lines[0]])})
    assert "deux fois" in err.message


def test_css_household_lines_are_checked() -> None:
    err = refuse(K.CSS_REQUEST, {"household": "Léo Durand"})
    assert err.field == "household" and "ligne 1" in err.message
    err = refuse(K.CSS_REQUEST, {"household": "Léo Durand ; 31/02/2018"})
    assert err.field == "household"


# --- CEAM


def test_ehic_per_person_and_no_provisional_when_far() -> None:
    payload = validate_declaration(K.EHIC_REQUEST, valid_forms()[K.EHIC_REQUEST], make_ctx())
    assert payload["ranks"] == [1, 2]
    assert payload["provisional_offered"] is False
    assert payload["card_valid_until"] == "2028-06-15"


def test_ehic_under_15_days_offers_the_provisional_certificate() -> None:
    soon = (TODAY + timedelta(days=14)).isoformat()
    form = {**valid_forms()[K.EHIC_REQUEST], "departure_date": soon}
    payload = validate_declaration(K.EHIC_REQUEST, form, make_ctx())
    assert payload["provisional_offered"] is True
    assert payload["provisional_valid_until"] == "2026-09-15"
    form["departure_date"] = (TODAY + timedelta(days=15)).isoformat()
    assert validate_declaration(K.EHIC_REQUEST, form, make_ctx())["provisional_offered"] is False


def test_ehic_refusals() -> None:
    assert refuse(K.EHIC_REQUEST, {"departure_date": "2026-06-14"}).field == "departure_date"
    assert refuse(K.EHIC_REQUEST, {"ranks": "1, 1"}).field == "ranks"
    assert refuse(K.EHIC_REQUEST, {"ranks": "1, 9"}).field == "ranks"
    assert refuse(K.EHIC_REQUEST, {"ranks": "moi"}).field == "ranks"


# --- address


def test_address_postcode_must_have_five_digits() -> None:
    err = refuse(K.ADDRESS_CHANGE, {"postcode": "6903"})
    assert err.field == "postcode" and "5 chiffres" in err.message
    assert refuse(K.ADDRESS_CHANGE, {"postcode": "00100", "commune_code": ""}).field == "postcode"


def test_address_postcode_consistent_with_the_commune() -> None:
    err = refuse(K.ADDRESS_CHANGE, {"postcode": "75011", "commune_code": "69383"})
    assert err.field == "postcode"
    assert "75" in err.message and "69" in err.message
    ok = {
        **valid_forms()[K.ADDRESS_CHANGE],
        "postcode": "20000",
        "city": "Ajaccio",
        "commune_code": "2A004",
    }
    assert validate_declaration(K.ADDRESS_CHANGE, ok, make_ctx())["postcode"] == "20000"
    ok = {**ok, "postcode": "97400", "city": "Saint-Denis", "commune_code": "97411"}
    assert validate_declaration(K.ADDRESS_CHANGE, ok, make_ctx())["commune_code"] == "97411"


def test_address_street_and_date() -> None:
    assert refuse(K.ADDRESS_CHANGE, {"line1": ""}).field == "line1"
    assert refuse(K.ADDRESS_CHANGE, {"effective_date": "2027-01-01"}).field == "effective_date"
    assert refuse(K.ADDRESS_CHANGE, {"effective_date": "2025-01-01"}).field == "effective_date"


# --- birth


def test_birth_dates() -> None:
    err = refuse(K.BIRTH, {"birth_date": "16/06/2026"})
    assert err.field == "birth_date" and "futur" in err.message
    err = refuse(K.BIRTH, {"birth_date": "01/01/2025"})
    assert err.field == "birth_date" and "12 mois" in err.message
    assert refuse(K.BIRTH, {"birth_date": "30/02/2026"}).field == "birth_date"


def test_birth_attached_to_both_parents_needs_a_valid_nir() -> None:
    assert refuse(K.BIRTH, {"attach": "both"}).field == "other_parent_nir"
    bad = OTHER_NIR[:-2] + ("00" if OTHER_NIR[-2:] != "00" else "01")
    assert refuse(K.BIRTH, {"attach": "both", "other_parent_nir": bad}).field == "other_parent_nir"
    form = {**valid_forms()[K.BIRTH], "attach": "both", "other_parent_nir": OTHER_NIR}
    assert validate_declaration(K.BIRTH, form, make_ctx())["other_parent_nir"] == OTHER_NIR


def test_birth_names_and_sex() -> None:
    assert refuse(K.BIRTH, {"first_names": ""}).field == "first_names"
    assert refuse(K.BIRTH, {"last_name": "Dur@nd"}).field == "last_name"
    assert refuse(K.BIRTH, {"sex": "X"}).field == "sex"


# --- name change


def test_name_change_marriage_needs_a_new_usage_name() -> None:
    assert refuse(K.NAME_CHANGE, {"usage_name": ""}).field == "usage_name"
    assert refuse(K.NAME_CHANGE, {"usage_name": "LEFEVRE"}).field == "usage_name"
    assert refuse(K.NAME_CHANGE, {"usage_name": "durand"}).field == "usage_name"


def test_name_change_separation_goes_back_to_the_birth_name() -> None:
    form = {"reason": "separation", "usage_name": "", "event_date": "01/06/2026"}
    payload = validate_declaration(K.NAME_CHANGE, form, make_ctx())
    assert payload["new_last_name"] == "LEFÈVRE"
    err = refuse(K.NAME_CHANGE, {"reason": "separation", "usage_name": "Bernard"})
    assert err.field == "usage_name" and "nom de naissance" in err.message


# --- child on the other parent's card


def test_child_other_parent() -> None:
    err = refuse(K.CHILD_OTHER_PARENT, {"other_parent_nir": "1850369123045"})
    assert err.field == "other_parent_nir"
    assert refuse(K.CHILD_OTHER_PARENT, {"child_rank": "1"}).field == "child_rank"
    err = refuse(K.CHILD_OTHER_PARENT, {"child_rank": "3"})
    assert err.field == "child_rank" and "pas un enfant" in err.message


# --- third-party accident


def test_third_party_accident() -> None:
    assert refuse(K.THIRD_PARTY_ACCIDENT, {"accident_date": "2030-01-01"}).field == "accident_date"
    assert refuse(K.THIRD_PARTY_ACCIDENT, {"third_party_insurer": ""}).field == (
        "third_party_insurer"
    )
    assert refuse(K.THIRD_PARTY_ACCIDENT, {"police_report": "peut-être"}).field == "police_report"
    form = {**valid_forms()[K.THIRD_PARTY_ACCIDENT], "police_report": "non"}
    payload = validate_declaration(K.THIRD_PARTY_ACCIDENT, form, make_ctx())
    assert len(required_documents(K.THIRD_PARTY_ACCIDENT, payload)) == 1


# --- complementary insurer


def test_complementary_choice_from_the_table() -> None:
    payload = validate_declaration(
        K.COMPLEMENTARY_CHOICE, valid_forms()[K.COMPLEMENTARY_CHOICE], make_ctx()
    )
    assert payload["insurer_code"] == "MGEN"
    err = refuse(K.COMPLEMENTARY_CHOICE, {"insurer_code": "ACME"})
    assert err.field == "insurer_code" and "table" in err.message
    assert refuse(K.COMPLEMENTARY_CHOICE, {"start_date": "2020-01-01"}).field == "start_date"


# --- deductibles


def test_deductible_payment_at_most_what_is_owed() -> None:
    err = refuse(K.DEDUCTIBLE_PAYMENT, {"amount": "15,01"})
    assert err.field == "amount" and "15,00" in err.message
    assert refuse(K.DEDUCTIBLE_PAYMENT, {"amount": "0"}).field == "amount"
    assert refuse(K.DEDUCTIBLE_PAYMENT, {"amount": "-3"}).field == "amount"
    assert refuse(K.DEDUCTIBLE_PAYMENT, {}, owed=0).field == "amount"
    ok = {**valid_forms()[K.DEDUCTIBLE_PAYMENT], "amount": "15"}
    assert validate_declaration(K.DEDUCTIBLE_PAYMENT, ok, make_ctx())["amount_cents"] == 1500
