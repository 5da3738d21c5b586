"""Demande de CEAM: one card per person; under 15 days before departure, a provisional certificate."""

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
    add_months,
    add_years,
    raw_text,
    text,
)

# Below this many days before departure the card would not arrive in time.
PROVISIONAL_THRESHOLD_DAYS = 15
CARD_VALIDITY_YEARS = 2
PROVISIONAL_VALIDITY_MONTHS = 3

FIELDS = (
    FieldSpec(
        "ranks", "Bénéficiaires (rangs)", help="rangs séparés par des virgules, par exemple 1, 2"
    ),
    FieldSpec("departure_date", "Date de départ", FieldType.DATE),
    FieldSpec("destination", "Pays de destination", required=False),
)


def _ranks(raw: Raw, ctx: FilingContext) -> list[int]:
    value = raw_text(raw, "ranks")[:200]
    parts = [p.strip() for p in value.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    if not parts:
        if ctx.people:
            return [1]
        raise ValidationError("Indiquez pour qui la carte est demandée.", field="ranks")
    ranks: list[int] = []
    for part in parts:
        if not (part.isascii() and part.isdigit()) or len(part) > 2:
            raise ValidationError(
                f"Bénéficiaires : « {part[:20]} » n'est pas un rang (1 pour l'assuré, 2, 3…).",
                field="ranks",
            )
        rank = int(part)
        if ctx.people and ctx.person(rank) is None:
            raise ValidationError(
                f"Bénéficiaires : aucun bénéficiaire de rang {rank:02d} sur ce dossier.",
                field="ranks",
            )
        if rank in ranks:
            raise ValidationError(
                f"Bénéficiaires : le rang {rank:02d} est saisi deux fois (une carte par personne).",
                field="ranks",
            )
        ranks.append(rank)
    return sorted(ranks)


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    ranks = _ranks(raw, ctx)
    departure = a_date(
        raw,
        "departure_date",
        "la date de départ",
        not_before=ctx.today,
        not_after=ctx.today + timedelta(days=366),
        before_msg="est passée",
        after_msg="est à plus d'un an",
    )
    destination = text(raw, "destination", "le pays de destination", required=False, max_len=60)
    provisional = (departure - ctx.today).days < PROVISIONAL_THRESHOLD_DAYS
    payload: Payload = {
        "ranks": ranks,
        "departure_date": departure.isoformat(),
        "provisional_offered": provisional,
        "card_valid_until": add_years(ctx.today, CARD_VALIDITY_YEARS).isoformat(),
    }
    if provisional:
        payload["provisional_valid_until"] = add_months(
            ctx.today, PROVISIONAL_VALIDITY_MONTHS
        ).isoformat()
    if destination:
        payload["destination"] = destination
    return payload


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    return ()
