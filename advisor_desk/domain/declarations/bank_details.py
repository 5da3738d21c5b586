"""Changement de coordonnées bancaires: IBAN (mod 97, country layout), BIC, account holder."""

from __future__ import annotations

from advisor_desk.domain.iban import validate_bic, validate_iban

from .common import DocumentSpec, FieldSpec, FilingContext, Payload, Raw, person_name, raw_text

FIELDS = (
    FieldSpec("iban", "IBAN"),
    FieldSpec("bic", "BIC"),
    FieldSpec("holder", "Titulaire du compte"),
)


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    iban = validate_iban(raw_text(raw, "iban")[:80], field="iban")
    bic = validate_bic(raw_text(raw, "bic")[:40], iban=iban, field="bic")
    holder = person_name(raw, "holder", "le nom du titulaire du compte")
    return {"iban": iban, "bic": bic, "holder": holder}


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    return (DocumentSpec("Relevé d'identité bancaire (RIB) au nom de l'assuré"),)
