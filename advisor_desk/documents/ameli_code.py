"""The letter handing a member the provisional code that creates the ameli account.

It carries a secret: it is printed or handed over, never registered nor sent by message,
so it has no document number nor QR code (the letterhead's confidential footer instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from .letterhead import (
    BLUE,
    BODY,
    BOLD,
    CONTENT_W,
    FONT,
    HEADING,
    LIGHT,
    SMALL,
    Letterhead,
    Recipient,
    build_pdf,
    esc,
    fr_long_date,
    key_values,
    signature,
)

TITLE = "Votre code provisoire pour créer votre compte ameli"

_CODE = ParagraphStyle(
    "ameli_code",
    fontName="Courier-Bold",
    fontSize=30,
    leading=36,
    alignment=TA_CENTER,
    textColor=BLUE,
)
_CODE_LABEL = ParagraphStyle(
    "ameli_code_label", fontName=BOLD, fontSize=10.5, leading=13, alignment=TA_CENTER
)
_CODE_NOTE = ParagraphStyle(
    "ameli_code_note", fontName=FONT, fontSize=9.5, leading=12, alignment=TA_CENTER
)
_STEP = ParagraphStyle("ameli_step", parent=BODY, leftIndent=6 * mm, bulletIndent=0, spaceAfter=3)


@dataclass(frozen=True)
class AmeliCodeData:
    member_name: str
    nir: str  # formatted
    birth_date: date
    address: tuple[str, ...]
    code: str  # as printed: '7KQ4-MZ2T'
    valid_until: date  # last day the code can be used (inclusive)
    replaces_earlier: bool = False  # an earlier code handed over is no longer valid
    update_vitale_first: bool = False  # self-employed: update the carte Vitale first


def _code_box(data: AmeliCodeData) -> Flowable:
    cells = [
        [Paragraph("Votre code provisoire", _CODE_LABEL)],
        [Paragraph(esc(data.code), _CODE)],
        [Paragraph(esc(f"Valable jusqu'au {fr_long_date(data.valid_until)} inclus"), _CODE_NOTE)],
    ]
    t = Table(cells, colWidths=[CONTENT_W - 40 * mm], hAlign="CENTER")
    t.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, BLUE),
                ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return KeepTogether([Spacer(1, 6), t, Spacer(1, 8)])


STEPS = (
    "Rendez-vous sur <b>ameli.fr</b> (ou ouvrez l'application ameli sur votre téléphone), "
    "rubrique « Compte ameli », puis choisissez <b>« Créer mon compte »</b>.",
    "Saisissez votre numéro de sécurité sociale (les 13 premiers chiffres, sans la clé), "
    "votre date de naissance et le code postal de votre domicile.",
    "Choisissez <b>« J'ai un code provisoire »</b> et saisissez le code ci-dessus, "
    "avec ou sans le tiret.",
    "Indiquez votre adresse électronique, puis choisissez votre mot de passe personnel : "
    "c'est lui qui vous servira désormais, le code provisoire ne sera plus utile.",
    "Validez : votre compte est créé. Vous recevez un message de confirmation à l'adresse "
    "électronique indiquée.",
)


def render(data: AmeliCodeData, head: Letterhead) -> bytes:
    intro = (
        "Madame, Monsieur,",
        "Vous avez demandé à créer votre compte ameli. Votre compte vous permet de suivre "
        "vos remboursements, de télécharger vos attestations, de faire vos démarches et "
        "d'échanger avec votre caisse en ligne, à tout moment.",
    )
    story: list[Flowable] = [
        *(Paragraph(esc(line), BODY) for line in intro),
        key_values(
            [
                ("Assuré(e)", data.member_name),
                ("N° de sécurité sociale", data.nir),
                ("Né(e) le", data.birth_date.strftime("%d/%m/%Y")),
            ]
        ),
        _code_box(data),
    ]
    if data.replaces_earlier:
        story.append(
            Paragraph(
                esc(
                    "Ce code remplace celui qui vous avait été remis auparavant : "
                    "l'ancien ne fonctionne plus."
                ),
                BODY,
            )
        )
    if data.update_vitale_first:
        story += [
            Paragraph("Avant de créer votre compte", HEADING),
            Paragraph(
                esc(
                    "Travailleur indépendant, vous relevez désormais de l'Assurance Maladie : "
                    "mettez d'abord à jour votre carte Vitale, dans une pharmacie ou à la "
                    "borne de l'accueil de votre caisse. Votre compte ameli reprendra alors "
                    "vos droits à jour."
                ),
                BODY,
            ),
        ]
    story += [
        Paragraph("Pour créer votre compte", HEADING),
        *(Paragraph(step, _STEP, bulletText=f"{i}.") for i, step in enumerate(STEPS, start=1)),
        Paragraph("Important", HEADING),
        Paragraph(
            esc(
                "Ce code est personnel et confidentiel : ne le communiquez à personne. "
                "Il ne sert qu'une fois, pour créer votre compte. Passé le "
                f"{fr_long_date(data.valid_until)}, il ne fonctionne plus : demandez un "
                "nouveau code à l'accueil de votre caisse."
            ),
            BODY,
        ),
        Paragraph(
            esc(
                "Besoin d'aide ? Les conseillers de l'accueil peuvent vous accompagner, et "
                "le 3646 (service gratuit + prix d'un appel) vous répond du lundi au vendredi."
            ),
            SMALL,
        ),
        *signature(head),
    ]
    return build_pdf(
        head=head,
        stamp=None,
        title=TITLE,
        story=story,
        recipient=Recipient(data.member_name, data.address),
    )
