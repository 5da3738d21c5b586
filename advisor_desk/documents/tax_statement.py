"""Relevé fiscal: the year's daily allowances and their taxable share, with the amount to declare."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from .ij_certificate import LEAVE_LABELS
from .letterhead import (
    BODY,
    HEADING,
    SMALL,
    Letterhead,
    Recipient,
    Stamp,
    amount_box,
    build_pdf,
    data_table,
    esc,
    eur,
    fr_date,
    key_values,
    signature,
)


@dataclass(frozen=True)
class TaxLine:
    paid_on: date
    period_start: date
    period_end: date
    kind: str  # LeaveKind value
    ald: bool  # linked to an exonerating ALD: not taxable
    net_cents: int
    taxable_pct: int


@dataclass(frozen=True)
class TaxGroup:
    """A yearly sum by nature; the taxable share is applied to the sum (roundings do not add up)."""

    label: str
    net_cents: int
    taxable_pct: int
    taxable_cents: int


@dataclass(frozen=True)
class TaxStatementData:
    member_name: str
    nir: str
    address: tuple[str, ...]
    year: int
    lines: tuple[TaxLine, ...]
    groups: tuple[TaxGroup, ...]
    taxable_total_cents: int


def render(data: TaxStatementData, head: Letterhead, stamp: Stamp) -> bytes:
    story: list[Flowable] = [
        key_values(
            [
                ("Assuré(e)", data.member_name),
                ("N° de sécurité sociale", data.nir),
                ("Année des revenus", str(data.year)),
            ]
        ),
        Paragraph(
            esc(
                f"Montant imposable des indemnités journalières versées en {data.year}, à "
                "reporter sur votre déclaration de revenus (traitements et salaires). "
                "Les IJ maladie, maternité et paternité sont imposables en totalité, les IJ "
                "d'accident du travail ou de maladie professionnelle pour 50 %, les IJ liées "
                "à une affection de longue durée exonérante ne sont pas imposables."
            ),
            BODY,
        ),
        Paragraph("Détail des paiements", HEADING),
    ]
    if data.lines:
        story.append(
            data_table(
                ["Payé le", "Période indemnisée", "Nature", "Montant net", "Part imposable"],
                [
                    [
                        fr_date(x.paid_on),
                        f"du {fr_date(x.period_start)} au {fr_date(x.period_end)}",
                        LEAVE_LABELS.get(x.kind, x.kind) + (" (ALD)" if x.ald else ""),
                        eur(x.net_cents),
                        f"{x.taxable_pct} %",
                    ]
                    for x in data.lines
                ],
                [20, 46, 38, 24, 22],
                right=(3, 4),
            )
        )
        story.append(Paragraph("Récapitulatif", HEADING))
        story.append(
            data_table(
                ["Nature", "Total net versé", "Part imposable", "Montant imposable"],
                [
                    [g.label, eur(g.net_cents), f"{g.taxable_pct} %", eur(g.taxable_cents)]
                    for g in data.groups
                ],
                [60, 30, 25, 35],
                right=(1, 2, 3),
                total=[
                    "Total",
                    eur(sum(g.net_cents for g in data.groups)),
                    "",
                    eur(data.taxable_total_cents),
                ],
            )
        )
    else:
        story.append(Paragraph(f"Aucune indemnité journalière versée en {data.year}.", BODY))
    story += [
        amount_box(
            f"Montant à déclarer pour {data.year}",
            eur(data.taxable_total_cents),
            "Ce montant est en principe prérempli sur votre déclaration : vérifiez-le.",
        ),
        Paragraph(
            esc("Conservez ce relevé : il peut vous être demandé par l'administration fiscale."),
            SMALL,
        ),
        *signature(head),
    ]
    return build_pdf(
        head=head,
        stamp=stamp,
        title=f"Relevé fiscal des indemnités journalières {data.year}",
        subtitle=f"Sommes versées du 01/01/{data.year} au 31/12/{data.year}",
        story=story,
        recipient=Recipient(data.member_name, data.address),
    )
