"""Declaration forms: one validator per kind, the documents each needs, and the field specs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from advisor_desk.domain.enums import DeclarationKind
from advisor_desk.domain.errors import ValidationError

from . import (
    address_change,
    bank_details,
    birth,
    child_other_parent,
    complementary_choice,
    css_request,
    deductible_payment,
    ehic_request,
    name_change,
    third_party_accident,
    vitale_lost,
    vitale_order,
)
from .common import DocumentSpec, FieldSpec, FieldType, FilingContext, Payload, PersonRef, Raw

__all__ = [
    "FORMS",
    "KIND_TITLES_FR",
    "DocumentSpec",
    "FieldSpec",
    "FieldType",
    "FilingContext",
    "KindForm",
    "Payload",
    "PersonRef",
    "Raw",
    "required_documents",
    "validate_declaration",
]

KIND_TITLES_FR: dict[DeclarationKind, str] = {
    DeclarationKind.VITALE_ORDER: "Commande de carte Vitale",
    DeclarationKind.BANK_DETAILS: "Changement de coordonnées bancaires",
    DeclarationKind.CSS_REQUEST: "Demande de Complémentaire santé solidaire",
    DeclarationKind.EHIC_REQUEST: "Demande de carte européenne d'assurance maladie",
    DeclarationKind.ADDRESS_CHANGE: "Changement d'adresse",
    DeclarationKind.BIRTH: "Déclaration de naissance",
    DeclarationKind.VITALE_LOST: "Perte ou vol de la carte Vitale",
    DeclarationKind.NAME_CHANGE: "Changement de nom",
    DeclarationKind.CHILD_OTHER_PARENT: "Rattachement d'un enfant à l'autre parent",
    DeclarationKind.THIRD_PARTY_ACCIDENT: "Accident causé par un tiers",
    DeclarationKind.COMPLEMENTARY_CHOICE: "Choix de l'organisme complémentaire",
    DeclarationKind.DEDUCTIBLE_PAYMENT: "Paiement des franchises dues",
}


@dataclass(frozen=True, slots=True)
class KindForm:
    kind: DeclarationKind
    title: str
    fields: tuple[FieldSpec, ...]
    validate: Callable[[Raw, FilingContext], Payload]
    documents: Callable[[Payload], tuple[DocumentSpec, ...]]


_MODULES = {
    DeclarationKind.VITALE_ORDER: vitale_order,
    DeclarationKind.BANK_DETAILS: bank_details,
    DeclarationKind.CSS_REQUEST: css_request,
    DeclarationKind.EHIC_REQUEST: ehic_request,
    DeclarationKind.ADDRESS_CHANGE: address_change,
    DeclarationKind.BIRTH: birth,
    DeclarationKind.VITALE_LOST: vitale_lost,
    DeclarationKind.NAME_CHANGE: name_change,
    DeclarationKind.CHILD_OTHER_PARENT: child_other_parent,
    DeclarationKind.THIRD_PARTY_ACCIDENT: third_party_accident,
    DeclarationKind.COMPLEMENTARY_CHOICE: complementary_choice,
    DeclarationKind.DEDUCTIBLE_PAYMENT: deductible_payment,
}

FORMS: dict[DeclarationKind, KindForm] = {
    kind: KindForm(kind, KIND_TITLES_FR[kind], mod.FIELDS, mod.validate, mod.documents)
    for kind, mod in _MODULES.items()
}


def validate_declaration(kind: DeclarationKind, raw: Raw, ctx: FilingContext) -> Payload:
    """The normalized payload of a form as typed, or ValidationError naming the field."""
    form = FORMS[kind]
    known = {f.name for f in form.fields}
    for name in raw:
        if name not in known:
            raise ValidationError(
                f"Le champ « {str(name)[:40]} » n'existe pas dans le formulaire « {form.title} ».",
                field=str(name)[:40],
            )
    return form.validate(raw, ctx)


def required_documents(kind: DeclarationKind, payload: Payload) -> tuple[DocumentSpec, ...]:
    """The supporting documents a declaration of this kind needs, given its payload."""
    return FORMS[kind].documents(payload)
