"""Accusé de réception of a declaration: request number, kind, filing date, estimated date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from .letterhead import (
    BODY,
    HEADING,
    SMALL,
    Letterhead,
    Recipient,
    Stamp,
    build_pdf,
    data_table,
    esc,
    fr_date,
    key_values,
    signature,
)

DECLARATION_LABELS = {
    "vitale_order": "Commande de carte Vitale",
    "bank_details": "Changement de coordonnées bancaires",
    "css_request": "Demande de Complémentaire santé solidaire",
    "ehic_request": "Demande de carte européenne d'assurance maladie",
    "address_change": "Déclaration de changement d'adresse",
    "birth": "Déclaration de naissance",
    "vitale_lost": "Déclaration de perte ou de vol de la carte Vitale",
    "name_change": "Changement de nom",
    "child_other_parent": "Rattachement d'un enfant à l'autre parent",
    "third_party_accident": "Déclaration d'accident causé par un tiers",
    "complementary_choice": "Choix de l'organisme complémentaire",
    "deductible_payment": "Paiement des franchises et participations",
}
CHANNEL_LABELS = {"online": "en ligne", "counter": "à l'accueil", "mail": "par courrier"}


@dataclass(frozen=True)
class DeclarationReceiptData:
    member_name: str
    nir: str
    address: tuple[str, ...]
    request_number: str
    kind: str  # DeclarationKind value
    filed_on: date
    channel: str  # FilingChannel value
    estimated_on: date | None
    documents: tuple[tuple[str, bool], ...] = ()  # (supporting document, received)


def render(data: DeclarationReceiptData, head: Letterhead, stamp: Stamp) -> bytes:
    kind = DECLARATION_LABELS.get(data.kind, data.kind)
    story: list[Flowable] = [
        Paragraph(
            esc("Nous avons bien reçu votre demande et la traitons dans les meilleurs délais."),
            BODY,
        ),
        key_values(
            [
                ("Assuré(e)", data.member_name),
                ("N° de sécurité sociale", data.nir),
                ("N° de la demande", data.request_number),
                ("Nature", kind),
                (
                    "Déposée le",
                    f"{fr_date(data.filed_on)} ({CHANNEL_LABELS.get(data.channel, data.channel)})",
                ),
                (
                    "Traitement estimé au",
                    fr_date(data.estimated_on) if data.estimated_on else "non communiqué",
                ),
            ]
        ),
    ]
    if data.documents:
        story += [
            Paragraph("Pièces justificatives", HEADING),
            data_table(
                ["Pièce", "Reçue"],
                [[label, "oui" if received else "à fournir"] for label, received in data.documents],
                [130, 40],
            ),
        ]
    story += [
        Paragraph(
            esc(
                "La date de traitement est une estimation fondée sur les délais constatés par "
                "votre caisse. Rappelez le numéro de la demande dans tout échange."
            ),
            SMALL,
        ),
        *signature(head),
    ]
    return build_pdf(
        head=head,
        stamp=stamp,
        title="Accusé de réception",
        subtitle=kind,
        story=story,
        recipient=Recipient(data.member_name, data.address),
    )
