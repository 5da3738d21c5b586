"""Rattachement d'un enfant à l'autre parent: the child of the file, the other parent's NIR."""

from __future__ import annotations

from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.nir import parse_nir

from .common import (
    DocumentSpec,
    FieldSpec,
    FieldType,
    FilingContext,
    Payload,
    Raw,
    person_name,
    person_rank,
    raw_text,
)

FIELDS = (
    FieldSpec("child_rank", "Enfant (rang)", FieldType.PERSON),
    FieldSpec("other_parent_nir", "NIR de l'autre parent"),
    FieldSpec("other_parent_name", "Nom de l'autre parent"),
)


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    rank = person_rank(raw, "child_rank", "l'enfant", ctx, default=0)
    if rank < 2:
        raise ValidationError(
            "Choisissez l'enfant à rattacher parmi les ayants droit (rang 02 et suivants).",
            field="child_rank",
        )
    child = ctx.person(rank)
    if child is not None and not child.is_child:
        raise ValidationError(
            f"{child.display} (rang {rank:02d}) n'est pas un enfant de l'assuré.",
            field="child_rank",
        )
    nir = parse_nir(raw_text(raw, "other_parent_nir")[:40], field="other_parent_nir")
    if nir.is_temporary:
        raise ValidationError(
            "Le NIR de l'autre parent est un numéro provisoire : attendez son immatriculation.",
            field="other_parent_nir",
        )
    name = person_name(raw, "other_parent_name", "le nom de l'autre parent")
    return {"child_rank": rank, "other_parent_nir": nir.full, "other_parent_name": name}


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    return (DocumentSpec("Copie du livret de famille ou de l'acte de naissance de l'enfant"),)
