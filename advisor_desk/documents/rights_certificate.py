"""Attestation de droits: the member, the dependents with their rank, rights, exemptions."""

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
    data_table,
    esc,
    fr_date,
    key_values,
    period,
    signature,
)


@dataclass(frozen=True)
class Beneficiary:
    rank: int  # 1: the member
    name: str
    birth_date: date
    nir: str | None  # formatted; None for a child without a number of their own
    quality: str  # 'Assuré', 'Enfant', 'Conjoint'…


@dataclass(frozen=True)
class Exoneration:
    rank: int
    beneficiary: str
    label: str  # 'ALD 8 — Diabète…'
    start: date
    end: date | None


@dataclass(frozen=True)
class RightsCertificateData:
    member: Beneficiary
    address: tuple[str, ...]
    rights_start: date
    rights_end: date | None
    rights_basis: str
    dependents: tuple[Beneficiary, ...]
    exonerations: tuple[Exoneration, ...]
    covers: tuple[tuple[str, date, date], ...]  # CSS / AME periods
    referring_doctor: str | None
    valid_on: date


def render(data: RightsCertificateData, head: Letterhead, stamp: Stamp) -> bytes:
    fund = head.fund
    m = data.member
    story: list[Flowable] = [
        Paragraph(
            esc(
                f"La {fund.name} atteste que la personne désignée ci-dessous est affiliée "
                "au régime général de l'Assurance Maladie et a droit aux prestations en nature "
                "de l'assurance maladie et maternité pour elle-même et les bénéficiaires "
                "rattachés listés."
            ),
            BODY,
        ),
        Paragraph("Assuré(e)", HEADING),
        key_values(
            [
                ("Nom et prénoms", m.name),
                ("N° de sécurité sociale", m.nir or "—"),
                ("Date de naissance", fr_date(m.birth_date)),
                ("Régime — caisse — centre", f"{fund.regime} — {fund.code} — {fund.centre}"),
                ("Organisme de rattachement", fund.name),
                ("Période de droits", period(data.rights_start, data.rights_end)),
                ("Qualité", data.rights_basis),
                (
                    "Médecin traitant",
                    f"déclaré : {data.referring_doctor}"
                    if data.referring_doctor
                    else "non déclaré",
                ),
            ]
        ),
        Paragraph("Bénéficiaires", HEADING),
        data_table(
            ["Rang", "Nom et prénoms", "Qualité", "Date de naissance", "N° de sécurité sociale"],
            [
                [
                    f"{b.rank:02d}",
                    b.name,
                    b.quality,
                    fr_date(b.birth_date),
                    b.nir or "rattaché à l'assuré",
                ]
                for b in (m, *data.dependents)
            ],
            [12, 60, 24, 28, 46],
        ),
        Paragraph("Exonérations du ticket modérateur", HEADING),
    ]
    if data.exonerations:
        story.append(
            data_table(
                ["Rang", "Bénéficiaire", "Motif", "Période"],
                [
                    [f"{e.rank:02d}", e.beneficiary, e.label, period(e.start, e.end)]
                    for e in data.exonerations
                ],
                [12, 38, 74, 46],
            )
        )
    else:
        story.append(Paragraph("Aucune exonération en cours.", BODY))
    if data.covers:
        story.append(Paragraph("Complémentaire santé", HEADING))
        story.append(
            key_values([(label, period(start, end)) for label, start, end in data.covers], 80 * mm)
        )
    story += [
        Paragraph(
            esc(
                f"Attestation valable à la date du {fr_date(data.valid_on)}, sous réserve de "
                "modification de la situation de l'assuré(e). Elle ne remplace pas la carte Vitale."
            ),
            SMALL,
        ),
        *signature(head),
    ]
    return build_pdf(
        head=head,
        stamp=stamp,
        title="Attestation de droits à l'assurance maladie",
        subtitle=f"Droits ouverts à la date du {fr_date(data.valid_on)}",
        story=story,
        recipient=Recipient(m.name, data.address),
    )
