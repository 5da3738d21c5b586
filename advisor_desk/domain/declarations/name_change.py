"""Changement de nom: marriage or separation; the usage name against the birth name."""

from __future__ import annotations

from datetime import timedelta

from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.text import name_key

from .common import (
    DocumentSpec,
    FieldSpec,
    FieldType,
    FilingContext,
    Payload,
    Raw,
    a_date,
    choice,
    person_name,
)

REASONS = (("marriage", "mariage"), ("separation", "séparation ou divorce"))
MAX_PAST_DAYS = 5 * 366

FIELDS = (
    FieldSpec("reason", "Motif", FieldType.CHOICE, choices=REASONS),
    FieldSpec(
        "usage_name",
        "Nom d'usage",
        required=False,
        help="vide après une séparation : l'assuré reprend son nom de naissance",
    ),
    FieldSpec("event_date", "Date du mariage ou du jugement", FieldType.DATE),
)


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    reason = choice(raw, "reason", "le motif", REASONS)
    usage = person_name(raw, "usage_name", "le nom d'usage", required=reason == "marriage")
    day = a_date(
        raw,
        "event_date",
        "la date du mariage ou du jugement",
        not_after=ctx.today,
        not_before=ctx.today - timedelta(days=MAX_PAST_DAYS),
        before_msg="remonte à plus de 5 ans",
    )
    birth = ctx.member_birth_name
    if reason == "marriage":
        if birth and name_key(usage) == name_key(birth):
            raise ValidationError(
                f"Le nom d'usage « {usage} » est le nom de naissance de l'assuré : rien ne change.",
                field="usage_name",
            )
        new_name = usage.upper()
    else:
        if usage and birth and name_key(usage) != name_key(birth):
            raise ValidationError(
                f"Après une séparation, l'assuré reprend son nom de naissance ({birth}), "
                f"pas « {usage} » : laissez le nom d'usage vide.",
                field="usage_name",
            )
        new_name = (birth or usage).upper()
        if not new_name:
            raise ValidationError("Saisissez le nom repris après la séparation.", "usage_name")
    if ctx.member_last_name and name_key(new_name) == name_key(ctx.member_last_name):
        raise ValidationError(
            f"L'assuré porte déjà le nom « {ctx.member_last_name} » : rien ne change.",
            field="usage_name",
        )
    return {"reason": reason, "new_last_name": new_name, "event_date": day.isoformat()}


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    if payload.get("reason") == "marriage":
        return (DocumentSpec("Copie de l'acte de mariage"),)
    return (DocumentSpec("Copie du jugement de divorce ou de l'acte de séparation"),)
