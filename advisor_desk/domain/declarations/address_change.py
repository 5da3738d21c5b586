"""Déclaration de changement d'adresse: street, postcode consistent with the commune, date."""

from __future__ import annotations

import re
from datetime import timedelta

from advisor_desk.domain.errors import ValidationError

from .common import (
    DocumentSpec,
    FieldSpec,
    FieldType,
    FilingContext,
    Payload,
    Raw,
    a_date,
    raw_text,
    text,
)

_COMMUNE_CODE = re.compile(r"(\d{2}|2A|2B)(\d{3})")
MAX_PAST_DAYS = 365
MAX_FUTURE_DAYS = 92

FIELDS = (
    FieldSpec("line1", "N° et voie"),
    FieldSpec("line2", "Complément d'adresse", required=False),
    FieldSpec("postcode", "Code postal"),
    FieldSpec("city", "Commune"),
    FieldSpec(
        "commune_code",
        "Code INSEE de la commune",
        required=False,
        help="5 caractères, par exemple 69123 (Lyon) ou 2A004 (Ajaccio)",
    ),
    FieldSpec("effective_date", "Date d'emménagement", FieldType.DATE),
)


def postcode_department(postcode: str) -> str:
    """The département a postcode belongs to: '69003' → '69', '20000' → '2A', '97400' → '974'."""
    if postcode.startswith("97") or postcode.startswith("98"):
        return postcode[:3]
    if postcode.startswith("20"):
        # Corsica: 200xx and 201xx are Corse-du-Sud, 202xx and up Haute-Corse.
        return "2A" if postcode[2] in "01" else "2B"
    return postcode[:2]


def check_postcode(value: str, field: str = "postcode") -> str:
    s = "".join(value.split())
    if not s:
        raise ValidationError("Saisissez le code postal.", field=field)
    if len(s) > 10 or not (s.isascii() and s.isdigit()) or len(s) != 5:
        raise ValidationError(f"Le code postal compte 5 chiffres, « {s[:12]} » saisi.", field=field)
    dept = postcode_department(s)
    valid = (
        dept in ("2A", "2B")
        or (len(dept) == 2 and 1 <= int(dept) <= 95)
        or dept in ("971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988")
    )
    if not valid:
        raise ValidationError(
            f"Le code postal {s} ne correspond à aucun département français.", field=field
        )
    return s


def _commune_department(code: str) -> str:
    if code.startswith("97") or code.startswith("98"):
        return code[:3]
    return code[:2]


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    line1 = text(raw, "line1", "le numéro et la voie", min_len=3)
    if not any(ch.isalpha() for ch in line1):
        raise ValidationError("Le numéro et la voie doivent contenir le nom de la voie.", "line1")
    line2 = text(raw, "line2", "le complément d'adresse", required=False)
    postcode = check_postcode(raw_text(raw, "postcode"), "postcode")
    city = text(raw, "city", "la commune", max_len=80)
    code = "".join(raw_text(raw, "commune_code").split()).upper()
    if code:
        if not _COMMUNE_CODE.fullmatch(code):
            raise ValidationError(
                f"Le code INSEE de la commune compte 5 caractères (par exemple 69123), "
                f"« {code[:12]} » saisi.",
                field="commune_code",
            )
        dept = postcode_department(postcode)
        commune_dept = _commune_department(code)
        if commune_dept != dept:
            raise ValidationError(
                f"Le code postal {postcode} est celui du département {dept}, alors que la "
                f"commune {code} est dans le département {commune_dept}.",
                field="postcode",
            )
    effective = a_date(
        raw,
        "effective_date",
        "la date d'emménagement",
        not_after=ctx.today + timedelta(days=MAX_FUTURE_DAYS),
        not_before=ctx.today - timedelta(days=MAX_PAST_DAYS),
        after_msg="est trop lointaine : déclarez le déménagement moins de 3 mois avant",
        before_msg="remonte à plus d'un an",
    )
    payload: Payload = {
        "line1": line1,
        "line2": line2 or None,
        "postcode": postcode,
        "city": city.upper(),
        "effective_date": effective.isoformat(),
    }
    if code:
        payload["commune_code"] = code
    return payload


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    return (DocumentSpec("Justificatif de domicile de moins de 3 mois", required=False),)
