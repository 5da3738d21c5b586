"""Certificat provisoire de remplacement de la carte européenne d'assurance maladie (3 months)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from .letterhead import (
    BODY,
    HEADING,
    SMALL,
    Letterhead,
    Recipient,
    Stamp,
    build_pdf,
    esc,
    fr_date,
    key_values,
    signature,
)


@dataclass(frozen=True)
class EhicProvisionalData:
    holder_name: str  # the beneficiary the certificate is for
    last_name: str
    first_names: str
    birth_date: date
    nir: str | None
    member_name: str  # the insured person (may be the holder)
    address: tuple[str, ...]
    institution_id: str  # '01691 - CPAM du Rhône'
    valid_from: date
    valid_to: date


def render(data: EhicProvisionalData, head: Letterhead, stamp: Stamp) -> bytes:
    story: list[Flowable] = [
        Paragraph(
            esc(
                "Ce certificat remplace provisoirement la carte européenne d'assurance maladie "
                "(CEAM). Il atteste des droits du titulaire aux soins médicalement nécessaires "
                "lors d'un séjour temporaire dans un autre État de l'Union européenne, de l'Espace "
                "économique européen, en Suisse ou au Royaume-Uni."
            ),
            BODY,
        ),
        Paragraph("Titulaire", HEADING),
        key_values(
            [
                ("3. Nom", data.last_name.upper()),
                ("4. Prénoms", data.first_names),
                ("5. Date de naissance", fr_date(data.birth_date)),
                ("6. Numéro d'identification personnel", data.nir or "—"),
                ("7. Numéro d'identification de l'institution", data.institution_id),
                (
                    "8. Numéro d'identification de la carte",
                    "certificat provisoire — n° " + stamp.number,
                ),
                ("Assuré(e) ouvrant droit", data.member_name),
            ],
            75 * mm,
        ),
        Paragraph("Période de validité du certificat", HEADING),
        key_values(
            [
                ("a) Début", fr_date(data.valid_from)),
                ("b) Fin", fr_date(data.valid_to)),
            ],
            75 * mm,
        ),
        Paragraph(
            esc(
                "Présentez ce certificat au professionnel de santé avec une pièce d'identité. "
                "Demandez votre carte européenne au moins 15 jours avant votre prochain départ."
            ),
            SMALL,
        ),
        *signature(head),
    ]
    return build_pdf(
        head=head,
        stamp=stamp,
        title="Certificat provisoire de remplacement de la carte européenne d'assurance maladie",
        subtitle=f"Valable du {fr_date(data.valid_from)} au {fr_date(data.valid_to)}",
        story=story,
        recipient=Recipient(data.member_name, data.address),
    )
