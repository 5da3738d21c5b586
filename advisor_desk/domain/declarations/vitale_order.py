"""Commande de carte Vitale: who it is for, photo and ID received, where to deliver it."""

from __future__ import annotations

from advisor_desk.domain.errors import ValidationError

from .address_change import check_postcode
from .common import (
    DocumentSpec,
    FieldSpec,
    FieldType,
    FilingContext,
    Payload,
    Raw,
    choice,
    person_rank,
    text,
    yes_no,
)

DELIVERY = (("home", "à l'adresse du dossier"), ("other", "à une autre adresse"))

FIELDS = (
    FieldSpec("rank", "Bénéficiaire (rang)", FieldType.PERSON),
    FieldSpec("photo_received", "Photo d'identité reçue", FieldType.YES_NO),
    FieldSpec("id_received", "Pièce d'identité reçue", FieldType.YES_NO),
    FieldSpec("delivery", "Livraison", FieldType.CHOICE, choices=DELIVERY),
    FieldSpec("delivery_line1", "Adresse de livraison (n° et voie)", required=False),
    FieldSpec("delivery_postcode", "Code postal de livraison", required=False),
    FieldSpec("delivery_city", "Commune de livraison", required=False),
)


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    rank = person_rank(raw, "rank", "le bénéficiaire", ctx)
    photo = yes_no(raw, "photo_received", "la photo d'identité")
    ident = yes_no(raw, "id_received", "la pièce d'identité")
    delivery = choice(raw, "delivery", "le lieu de livraison", DELIVERY)
    payload: Payload = {
        "rank": rank,
        "photo_received": photo,
        "id_received": ident,
        "delivery": delivery,
    }
    if delivery == "other":
        line1 = text(raw, "delivery_line1", "l'adresse de livraison", min_len=3)
        postcode = check_postcode(raw.get("delivery_postcode", ""), "delivery_postcode")
        city = text(raw, "delivery_city", "la commune de livraison", max_len=80)
        payload.update(delivery_line1=line1, delivery_postcode=postcode, delivery_city=city)
    else:
        for name in ("delivery_line1", "delivery_postcode", "delivery_city"):
            if raw.get(name, "").strip():
                raise ValidationError(
                    "Une adresse de livraison est saisie alors que la carte part à l'adresse "
                    "du dossier : choisissez « à une autre adresse » ou videz ce champ.",
                    field=name,
                )
    return payload


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    return (
        DocumentSpec("Photo d'identité récente", received=bool(payload.get("photo_received"))),
        DocumentSpec("Copie d'une pièce d'identité", received=bool(payload.get("id_received"))),
    )
