"""Déclaration d'accident causé par un tiers: when, where, who, their insurer, police report."""

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
    person_rank,
    text,
    yes_no,
)

MAX_PAST_DAYS = 2 * 366

FIELDS = (
    FieldSpec("rank", "Victime (rang)", FieldType.PERSON),
    FieldSpec("accident_date", "Date de l'accident", FieldType.DATE),
    FieldSpec("place", "Lieu de l'accident"),
    FieldSpec("circumstances", "Circonstances", FieldType.MULTILINE),
    FieldSpec("third_party", "Tiers responsable"),
    FieldSpec("third_party_insurer", "Assureur du tiers"),
    FieldSpec("police_report", "Procès-verbal de police ou de gendarmerie", FieldType.YES_NO),
)


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    rank = person_rank(raw, "rank", "la victime", ctx)
    day = a_date(
        raw,
        "accident_date",
        "la date de l'accident",
        not_after=ctx.today,
        not_before=ctx.today - timedelta(days=MAX_PAST_DAYS),
        before_msg="remonte à plus de 2 ans",
    )
    place = text(raw, "place", "le lieu de l'accident", min_len=2)
    circumstances = text(raw, "circumstances", "les circonstances", min_len=10, max_len=500)
    third = text(raw, "third_party", "le tiers responsable", min_len=2)
    insurer = text(raw, "third_party_insurer", "l'assureur du tiers", min_len=2)
    police = yes_no(raw, "police_report", "le procès-verbal")
    return {
        "rank": rank,
        "accident_date": day.isoformat(),
        "place": place,
        "circumstances": circumstances,
        "third_party": third,
        "third_party_insurer": insurer,
        "police_report": police,
    }


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    docs = [DocumentSpec("Constat amiable ou déclaration des circonstances")]
    if payload.get("police_report"):
        docs.append(DocumentSpec("Copie du procès-verbal de police ou de gendarmerie"))
    return tuple(docs)
