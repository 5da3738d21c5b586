"""Déclaration de perte ou de vol de la carte Vitale: date, circumstances, lost or stolen."""

from __future__ import annotations

from datetime import timedelta

from .common import (
    DocumentSpec,
    FieldSpec,
    FieldType,
    FilingContext,
    Payload,
    Raw,
    a_date,
    choice,
    person_rank,
    text,
)

LOSS_KINDS = (("lost", "perte"), ("stolen", "vol"))
MAX_AGE_DAYS = 366  # older losses are declared as a plain new order

FIELDS = (
    FieldSpec("rank", "Bénéficiaire (rang)", FieldType.PERSON),
    FieldSpec("loss_kind", "Perte ou vol", FieldType.CHOICE, choices=LOSS_KINDS),
    FieldSpec("loss_date", "Date de la perte ou du vol", FieldType.DATE),
    FieldSpec("circumstances", "Circonstances", FieldType.MULTILINE),
)


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    rank = person_rank(raw, "rank", "le bénéficiaire", ctx)
    kind = choice(raw, "loss_kind", "la nature (perte ou vol)", LOSS_KINDS)
    day = a_date(
        raw,
        "loss_date",
        "la date de la perte ou du vol",
        not_after=ctx.today,
        not_before=ctx.today - timedelta(days=MAX_AGE_DAYS),
        before_msg="remonte à plus d'un an : commandez simplement une nouvelle carte",
    )
    circumstances = text(raw, "circumstances", "les circonstances", min_len=10, max_len=500)
    return {
        "rank": rank,
        "loss_kind": kind,
        "loss_date": day.isoformat(),
        "circumstances": circumstances,
    }


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    if payload.get("loss_kind") == "stolen":
        return (DocumentSpec("Récépissé de dépôt de plainte", required=False),)
    return ()
