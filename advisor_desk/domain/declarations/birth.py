"""Déclaration de naissance: the newborn's names, sex, birth date; attached to one or both parents."""

from __future__ import annotations

from advisor_desk.domain.enums import Sex
from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.nir import parse_nir

from .common import (
    DocumentSpec,
    FieldSpec,
    FieldType,
    FilingContext,
    Payload,
    Raw,
    a_date,
    add_months,
    choice,
    person_name,
    raw_text,
)

SEXES = ((Sex.MALE.value, "garçon"), (Sex.FEMALE.value, "fille"))
ATTACH = (("member", "à l'assuré seul"), ("both", "aux deux parents"))
# A birth is declared within the first months; older children are added as a plain dependent.
MAX_AGE_MONTHS = 12

FIELDS = (
    FieldSpec("last_name", "Nom de l'enfant"),
    FieldSpec("first_names", "Prénoms de l'enfant"),
    FieldSpec("sex", "Sexe", FieldType.CHOICE, choices=SEXES),
    FieldSpec("birth_date", "Date de naissance", FieldType.DATE),
    FieldSpec("birth_place", "Lieu de naissance"),
    FieldSpec("attach", "Rattachement", FieldType.CHOICE, choices=ATTACH),
    FieldSpec("other_parent_nir", "NIR de l'autre parent", required=False),
)


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    last = person_name(raw, "last_name", "le nom de l'enfant")
    first = person_name(raw, "first_names", "les prénoms de l'enfant", required=True)
    sex = choice(raw, "sex", "le sexe de l'enfant", SEXES)
    born = a_date(
        raw,
        "birth_date",
        "la date de naissance",
        not_after=ctx.today,
        not_before=add_months(ctx.today, -MAX_AGE_MONTHS),
        before_msg=(
            f"remonte à plus de {MAX_AGE_MONTHS} mois : ajoutez l'enfant comme ayant droit "
            "plutôt que de déclarer sa naissance"
        ),
    )
    place = person_name(raw, "birth_place", "le lieu de naissance")
    attach = choice(raw, "attach", "le rattachement", ATTACH)
    payload: Payload = {
        "last_name": last.upper(),
        "first_names": first,
        "sex": sex,
        "birth_date": born.isoformat(),
        "birth_place": place,
        "attach": attach,
    }
    nir_text = raw_text(raw, "other_parent_nir")[:40]
    if attach == "both":
        if not nir_text.strip():
            raise ValidationError(
                "Saisissez le NIR de l'autre parent pour rattacher l'enfant aux deux parents.",
                field="other_parent_nir",
            )
        payload["other_parent_nir"] = parse_nir(nir_text, field="other_parent_nir").full
    elif nir_text.strip():
        raise ValidationError(
            "Le NIR de l'autre parent n'est utile que pour un rattachement aux deux parents.",
            field="other_parent_nir",
        )
    return payload


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    return (DocumentSpec("Acte de naissance ou copie du livret de famille"),)
