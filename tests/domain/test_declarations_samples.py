"""Shared samples (no tests here): a filing context and one valid form per declaration kind."""

from __future__ import annotations

from datetime import date, timedelta

from advisor_desk.domain.declarations import FilingContext, PersonRef
from advisor_desk.domain.enums import DeclarationKind, Sex
from advisor_desk.domain.iban import make_french_iban
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.reference import parse_css_ceilings_csv, parse_css_participation_csv
from advisor_desk.paths import resources_dir

TODAY = date(2026, 6, 15)
IBAN = make_french_iban("30006", "00001", "12345678901")
OTHER_NIR = make_nir(Sex.MALE, date(1985, 3, 2), "69", "123", 45).full


def _ref(name: str) -> str:
    return (resources_dir() / "reference" / name).read_text(encoding="utf-8")


CEILINGS = parse_css_ceilings_csv(_ref("css_ceilings.csv"))
PARTICIPATION = parse_css_participation_csv(_ref("css_participation.csv"))


def make_ctx(today: date = TODAY, owed_cents: int = 1500) -> FilingContext:
    return FilingContext(
        today=today,
        people=(
            PersonRef(1, "Marie", "Durand", date(1990, 5, 4)),
            PersonRef(2, "Léo", "Durand", date(2018, 9, 1), is_child=True),
            PersonRef(3, "Paul", "Martin", date(1988, 1, 1), is_child=False),
        ),
        member_birth_name="Lefèvre",
        member_last_name="Durand",
        insurers={"MGEN": "MGEN", "HARMONIE": "Harmonie Mutuelle"},
        owed_cents=owed_cents,
        css_ceilings=CEILINGS,
        css_participation=PARTICIPATION,
    )


def income_lines(today: date, monthly: str) -> str:
    """12 lines 'MM/AAAA ; amount' over the CSS reference period of a request made `today`."""
    from advisor_desk.domain.css import reference_income_period

    start, _ = reference_income_period(today)
    out = []
    y, m = start.year, start.month
    for _ in range(12):
        out.append(f"{m:02d}/{y} ; {monthly}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return "\n".join(out)


def valid_forms(today: date = TODAY) -> dict[DeclarationKind, dict[str, str]]:
    d = today.strftime("%d/%m/%Y")
    K = DeclarationKind
    return {
        K.VITALE_ORDER: {
            "rank": "1",
            "photo_received": "oui",
            "id_received": "non",
            "delivery": "home",
        },
        K.VITALE_LOST: {
            "rank": "1",
            "loss_kind": "vol",
            "loss_date": d,
            "circumstances": "Sac volé dans le métro ligne B",
        },
        K.BANK_DETAILS: {"iban": IBAN, "bic": "AGRIFRPP", "holder": "Marie Durand"},
        K.CSS_REQUEST: {
            "household": "Léo Durand ; 01/09/2018",
            "incomes": income_lines(today, "900,00"),
        },
        K.EHIC_REQUEST: {
            "ranks": "1, 2",
            "departure_date": (today + timedelta(days=60)).isoformat(),
            "destination": "Espagne",
        },
        K.ADDRESS_CHANGE: {
            "line1": "12 rue des Lilas",
            "postcode": "69003",
            "city": "Lyon",
            "commune_code": "69383",
            "effective_date": d,
        },
        K.BIRTH: {
            "last_name": "Durand",
            "first_names": "Zoé",
            "sex": "fille",
            "birth_date": d,
            "birth_place": "Lyon",
            "attach": "member",
        },
        K.NAME_CHANGE: {"reason": "marriage", "usage_name": "Bernard", "event_date": d},
        K.CHILD_OTHER_PARENT: {
            "child_rank": "2",
            "other_parent_nir": OTHER_NIR,
            "other_parent_name": "Paul Durand",
        },
        K.THIRD_PARTY_ACCIDENT: {
            "rank": "1",
            "accident_date": d,
            "place": "Lyon, avenue Jean Jaurès",
            "circumstances": "Renversée par un scooter au passage piéton",
            "third_party": "Jean Dupont",
            "third_party_insurer": "AXA",
            "police_report": "oui",
        },
        K.COMPLEMENTARY_CHOICE: {"insurer_code": "mgen", "start_date": d},
        K.DEDUCTIBLE_PAYMENT: {"amount": "10,00", "means": "card", "reference": "TX-1234"},
    }
