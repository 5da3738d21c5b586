"""Paiement des franchises et participations dues: an amount, at most what is owed."""

from __future__ import annotations

from advisor_desk.domain.errors import ValidationError

from .common import (
    DocumentSpec,
    FieldSpec,
    FieldType,
    FilingContext,
    Payload,
    Raw,
    amount,
    choice,
    eur,
    text,
)

MEANS = (("card", "carte bancaire"), ("transfer", "virement"), ("cheque", "chèque"))

FIELDS = (
    FieldSpec("amount", "Montant réglé (€)", FieldType.AMOUNT),
    FieldSpec("means", "Moyen de paiement", FieldType.CHOICE, choices=MEANS),
    FieldSpec("reference", "Référence du paiement"),
)


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    cents = amount(raw, "amount", "le montant réglé")
    if cents <= 0:
        raise ValidationError("Le montant réglé doit être positif.", field="amount")
    if ctx.owed_cents <= 0:
        raise ValidationError(
            "Cet assuré ne doit rien au titre des franchises et participations forfaitaires.",
            field="amount",
        )
    if cents > ctx.owed_cents:
        raise ValidationError(
            f"Le montant réglé ({eur(cents)}) dépasse la somme due ({eur(ctx.owed_cents)}).",
            field="amount",
        )
    means = choice(raw, "means", "le moyen de paiement", MEANS)
    reference = text(raw, "reference", "la référence du paiement", max_len=60)
    return {"amount_cents": cents, "means": means, "reference": reference}


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    return ()
