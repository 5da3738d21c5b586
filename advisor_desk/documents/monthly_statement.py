"""Relevé mensuel: the reimbursements paid in a month, as the member sees them online."""

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
    eur,
    fr_date,
    fr_month,
    key_values,
)


@dataclass(frozen=True)
class StatementLine:
    care_date: date
    beneficiary: str
    professional: str
    act: str
    charged_cents: int
    base_cents: int
    rate_pct: int
    reimbursed_cents: int
    deductibles_cents: int  # participation + franchise withheld
    paid_to: str  # 'vous' / 'le professionnel'
    payment_date: date


@dataclass(frozen=True)
class MonthlyStatementData:
    member_name: str
    nir: str
    address: tuple[str, ...]
    year: int
    month: int
    iban_masked: str | None
    lines: tuple[StatementLine, ...]


def render(data: MonthlyStatementData, head: Letterhead, stamp: Stamp) -> bytes:
    lines = data.lines
    to_member = sum(x.reimbursed_cents for x in lines if x.paid_to == "vous")
    to_pros = sum(x.reimbursed_cents for x in lines if x.paid_to != "vous")
    story: list[Flowable] = [
        key_values(
            [
                ("Assuré(e)", data.member_name),
                ("N° de sécurité sociale", data.nir),
                ("Mois des paiements", fr_month(data.year, data.month)),
                ("Versé sur le compte", data.iban_masked or "—"),
            ]
        ),
        Paragraph("Vos remboursements", HEADING),
    ]
    if lines:
        story.append(
            data_table(
                [
                    "Soins du",
                    "Bénéficiaire",
                    "Professionnel / acte",
                    "Dépense",
                    "Base",
                    "Taux",
                    "Remb.",
                    "Retenues",
                    "Versé à",
                ],
                [
                    [
                        fr_date(x.care_date),
                        x.beneficiary,
                        f"{x.professional} — {x.act}",
                        eur(x.charged_cents),
                        eur(x.base_cents),
                        f"{x.rate_pct} %",
                        eur(x.reimbursed_cents),
                        eur(x.deductibles_cents),
                        x.paid_to,
                    ]
                    for x in lines
                ],
                [17, 25, 41, 15, 15, 10, 15, 15, 21],
                right=(3, 4, 5, 6, 7),
                compact=True,
                total=[
                    "Total",
                    "",
                    f"{len(lines)} ligne(s)",
                    eur(sum(x.charged_cents for x in lines)),
                    eur(sum(x.base_cents for x in lines)),
                    "",
                    eur(sum(x.reimbursed_cents for x in lines)),
                    eur(sum(x.deductibles_cents for x in lines)),
                    "",
                ],
            )
        )
        story.append(Paragraph("Récapitulatif", HEADING))
        story.append(
            key_values(
                [
                    ("Versé sur votre compte", eur(to_member)),
                    ("Versé aux professionnels (tiers payant)", eur(to_pros)),
                    (
                        "Participations et franchises retenues",
                        eur(sum(x.deductibles_cents for x in lines)),
                    ),
                ],
                75 * mm,
                amounts=True,
            )
        )
    else:
        story.append(Paragraph(f"Aucun remboursement en {fr_month(data.year, data.month)}.", BODY))
    story.append(
        Paragraph(
            esc(
                "Les retenues sont la participation forfaitaire et les franchises médicales, "
                "plafonnées chaque année. Relevé consultable 27 mois sur votre compte ameli."
            ),
            SMALL,
        )
    )
    return build_pdf(
        head=head,
        stamp=stamp,
        title=f"Relevé mensuel de remboursements — {fr_month(data.year, data.month)}",
        story=story,
        recipient=Recipient(data.member_name, data.address),
    )
