"""Choix de l'organisme complémentaire: an insurer of the table, from a start date."""

from __future__ import annotations

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
)

MAX_PAST_DAYS = 92
MAX_FUTURE_DAYS = 366

FIELDS = (
    FieldSpec("insurer_code", "Organisme complémentaire", FieldType.CHOICE),
    FieldSpec("start_date", "Date d'effet du contrat", FieldType.DATE),
)


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    code = " ".join(raw_text(raw, "insurer_code").split()).upper()[:40]
    if not code:
        raise ValidationError("Choisissez l'organisme complémentaire.", field="insurer_code")
    by_code = {c.upper(): c for c in ctx.insurers}
    if code not in by_code:
        raise ValidationError(
            f"« {code} » n'est pas un organisme complémentaire de la table "
            "(conventionné NOEMIE) : choisissez-le dans la liste.",
            field="insurer_code",
        )
    start = a_date(
        raw,
        "start_date",
        "la date d'effet du contrat",
        not_after=ctx.today + timedelta(days=MAX_FUTURE_DAYS),
        not_before=ctx.today - timedelta(days=MAX_PAST_DAYS),
        after_msg="est à plus d'un an",
        before_msg="remonte à plus de 3 mois",
    )
    real = by_code[code]
    return {
        "insurer_code": real,
        "insurer_name": ctx.insurers[real],
        "start_date": start.isoformat(),
    }


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    return (DocumentSpec("Attestation d'adhésion de l'organisme complémentaire"),)
