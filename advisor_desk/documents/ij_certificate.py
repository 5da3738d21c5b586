"""Attestation d'indemnités journalières: each payment of a chosen period (period, days, gross, net)."""

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
    eur,
    fr_date,
    key_values,
    signature,
)

LEAVE_LABELS = {
    "sickness": "Maladie",
    "maternity": "Maternité",
    "paternity": "Paternité",
    "work_accident": "Accident du travail",
}


@dataclass(frozen=True)
class IjLine:
    period_start: date
    period_end: date
    kind: str  # LeaveKind value
    days: int
    daily_gross_cents: int
    gross_cents: int
    net_cents: int
    paid_on: date


@dataclass(frozen=True)
class IjCertificateData:
    member_name: str
    nir: str
    birth_date: date
    address: tuple[str, ...]
    start: date
    end: date
    lines: tuple[IjLine, ...]


def render(data: IjCertificateData, head: Letterhead, stamp: Stamp) -> bytes:
    total_days = sum(x.days for x in data.lines)
    total_gross = sum(x.gross_cents for x in data.lines)
    total_net = sum(x.net_cents for x in data.lines)
    story: list[Flowable] = [
        key_values(
            [
                ("Assuré(e)", data.member_name),
                ("N° de sécurité sociale", data.nir),
                ("Date de naissance", fr_date(data.birth_date)),
                ("Période demandée", f"du {fr_date(data.start)} au {fr_date(data.end)}"),
            ]
        ),
        Paragraph("Indemnités journalières versées", HEADING),
    ]
    if data.lines:
        story.append(
            data_table(
                [
                    "Période indemnisée",
                    "Nature",
                    "Jours",
                    "IJ brute / jour",
                    "Montant brut",
                    "Montant net",
                    "Payé le",
                ],
                [
                    [
                        f"du {fr_date(x.period_start)} au {fr_date(x.period_end)}",
                        LEAVE_LABELS.get(x.kind, x.kind),
                        str(x.days),
                        eur(x.daily_gross_cents),
                        eur(x.gross_cents),
                        eur(x.net_cents),
                        fr_date(x.paid_on),
                    ]
                    for x in data.lines
                ],
                [44, 26, 12, 22, 22, 22, 20],
                right=(2, 3, 4, 5),
                total=["Total", "", str(total_days), "", eur(total_gross), eur(total_net), ""],
            )
        )
    else:
        story.append(
            Paragraph("Aucune indemnité journalière n'a été versée sur cette période.", BODY)
        )
    story += [
        Paragraph(
            esc(
                "Le montant net s'entend après déduction de la CSG et de la CRDS. "
                "Attestation établie pour servir et valoir ce que de droit."
            ),
            SMALL,
        ),
        *signature(head),
    ]
    return build_pdf(
        head=head,
        stamp=stamp,
        title="Attestation de paiement des indemnités journalières",
        subtitle=f"Période du {fr_date(data.start)} au {fr_date(data.end)}",
        story=story,
        recipient=Recipient(data.member_name, data.address),
    )
