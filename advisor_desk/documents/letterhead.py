"""The shared letterhead of official documents: fund, office, date, number, QR code, page frame."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import PageTemplate
from reportlab.platypus.frames import Frame

from advisor_desk.domain.money import NBSP, NNBSP, format_eur

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
HEADER_H = 42 * mm  # first page only: fund and office blocks
FOOTER_H = 30 * mm  # every page: number, verification code, QR code
CONTENT_W = PAGE_W - 2 * MARGIN

BLUE = colors.HexColor("#0c419a")  # Assurance Maladie blue
LIGHT = colors.HexColor("#e8eef8")
GRID = colors.HexColor("#b8c4d8")
GREY = colors.HexColor("#555555")

FONT, BOLD, ITALIC = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


# --------------------------------------------------------------------------- funds


@dataclass(frozen=True)
class Fund:
    """A CPAM: the organisation codes printed on rights certificates, and its postal address."""

    code: str  # caisse, e.g. '691'
    name: str
    address: tuple[str, ...]
    centre: str  # centre de gestion
    regime: str = "01"  # régime général


FUNDS: dict[str, Fund] = {
    "691": Fund("691", "CPAM du Rhône", ("276 cours Émile Zola", "69907 Lyon Cedex 20"), "9881"),
    "751": Fund("751", "CPAM de Paris", ("21 rue Georges Auric", "75948 Paris Cedex 19"), "0751"),
    "131": Fund(
        "131",
        "CPAM des Bouches-du-Rhône",
        ("8 rue Jules Moulet", "13281 Marseille Cedex 06"),
        "1310",
    ),
    "381": Fund("381", "CPAM de l'Isère", ("2 rue des Alliés", "38045 Grenoble Cedex 9"), "3810"),
    "421": Fund(
        "421",
        "CPAM de la Loire",
        ("3 avenue du Président Émile Loubet", "42027 Saint-Étienne Cedex 1"),
        "4210",
    ),
}


def fund_for(code: str) -> Fund:
    """The fund of a member's caisse code; an unknown code still prints its codes."""
    return FUNDS.get(code) or Fund(
        code, f"Caisse primaire d'assurance maladie ({code})", (), "0000"
    )


# --------------------------------------------------------------------------- formatting


def eur(cents: int) -> str:
    """format_eur with a no-break space in place of the narrow one (not in the base-14 fonts)."""
    return format_eur(cents).replace(NNBSP, NBSP)


def fr_date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d is not None else "—"


def fr_long_date(d: date) -> str:
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS_FR[d.month - 1]} {d.year}"


def fr_month(year: int, month: int) -> str:
    return f"{MONTHS_FR[month - 1]} {year}"


def period(start: date, end: date | None) -> str:
    return f"du {fr_date(start)} au {fr_date(end)}" if end else f"depuis le {fr_date(start)}"


def esc(text: str) -> str:
    """Escape text for a Paragraph (its markup is XML-like)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- styles


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": FONT, "fontSize": 9.5, "leading": 12.5}
    base.update(kw)
    return ParagraphStyle(name, **base)


BODY = _style("body", spaceAfter=4)
SMALL = _style("small", fontSize=8, leading=10, textColor=GREY, spaceBefore=5)
TITLE = _style("title", fontName=BOLD, fontSize=15, leading=19, textColor=BLUE, spaceAfter=2)
SUBTITLE = _style("subtitle", fontSize=10, leading=13, textColor=GREY, spaceAfter=8)
HEADING = _style(
    "heading", fontName=BOLD, fontSize=11, leading=14, textColor=BLUE, spaceBefore=8, spaceAfter=4
)
CELL = _style("cell", fontSize=8.5, leading=10.5)
CELL_BOLD = _style("cell_bold", fontName=BOLD, fontSize=8.5, leading=10.5)
CELL_RIGHT = _style("cell_right", fontSize=8.5, leading=10.5, alignment=TA_RIGHT)
CELL_HEAD = _style("cell_head", fontName=BOLD, fontSize=8, leading=10, textColor=colors.white)
CELL_HEAD_RIGHT = _style(
    "cell_head_right",
    fontName=BOLD,
    fontSize=8,
    leading=10,
    textColor=colors.white,
    alignment=TA_RIGHT,
)


# --------------------------------------------------------------------------- building blocks


@dataclass(frozen=True)
class Letterhead:
    """Who issues the document, where and when."""

    fund: Fund
    issued_on: date
    office_name: str | None = None
    office_address: tuple[str, ...] = ()
    office_phone: str | None = None
    advisor_name: str | None = None

    @property
    def place(self) -> str:
        """The town of 'Fait à …' (the office's, else the fund's)."""
        last = (self.office_address or self.fund.address or ("",))[-1]
        words = last.split()
        town = " ".join(
            w for w in words[1:] if not w.lower().startswith("cedex") and not w.isdigit()
        )
        return town or "Lyon"


@dataclass(frozen=True)
class Stamp:
    """The document number and verification code, printed and in the QR code."""

    number: str
    verification_code: str

    @property
    def display_code(self) -> str:
        c = self.verification_code
        return f"{c[:4]}-{c[4:]}" if len(c) == 8 else c

    @property
    def qr_payload(self) -> str:
        return qr_payload(self.number, self.verification_code)


QR_PREFIX = "CPAM-DOC"


def qr_payload(number: str, code: str) -> str:
    """What the QR code holds: 'CPAM-DOC:<number>:<code>' (parsed back by the verify dialog)."""
    return f"{QR_PREFIX}:{number}:{code}"


@dataclass(frozen=True)
class Recipient:
    name: str
    address: tuple[str, ...] = ()


def key_values(
    rows: Sequence[tuple[str, str]], label_width: float = 55 * mm, *, amounts: bool = False
) -> Table:
    """A two-column 'label: value' block; with `amounts`, a narrow right-aligned value column."""
    value_style = CELL_RIGHT if amounts else CELL
    data = [[Paragraph(esc(k), CELL_BOLD), Paragraph(esc(v), value_style)] for k, v in rows]
    value_width = 35 * mm if amounts else CONTENT_W - label_width
    t = Table(data, colWidths=[label_width, value_width], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return t


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    right: Sequence[int] = (),
    total: Sequence[str] | None = None,
    compact: bool = False,
) -> Table:
    """A ruled table with a blue header row repeated on each page; `right` columns are amounts.

    `compact` uses a smaller font, for wide tables (the monthly statement's nine columns).
    """
    right_cols = set(right)
    size = {"fontSize": 7.5, "leading": 9} if compact else {}

    def styled(style: ParagraphStyle) -> ParagraphStyle:
        return ParagraphStyle(style.name + "_c", parent=style, **size) if size else style

    plain, bold_, right_, right_bold = (
        styled(x) for x in (CELL, CELL_BOLD, CELL_RIGHT, _RIGHT_BOLD)
    )

    def cells(values: Sequence[str], bold: bool = False) -> list[Paragraph]:
        out = []
        for i, v in enumerate(values):
            if i in right_cols:
                style = right_bold if bold else right_
            else:
                style = bold_ if bold else plain
            out.append(Paragraph(esc(v), style))
        return out

    head = [
        Paragraph(esc(h), CELL_HEAD_RIGHT if i in right_cols else CELL_HEAD)
        for i, h in enumerate(header)
    ]
    data: list[list[Paragraph]] = [head, *(cells(r) for r in rows)]
    if total is not None:
        data.append(cells(total, bold=True))
    scale = CONTENT_W / sum(widths)
    t = Table(data, colWidths=[w * scale for w in widths], repeatRows=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), BLUE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for i in range(2, len(rows) + 1, 2):
        style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f5f7fb")))
    if total is not None:
        style += [
            ("BACKGROUND", (0, -1), (-1, -1), LIGHT),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, BLUE),
        ]
    t.setStyle(TableStyle(style))
    return t


_RIGHT_BOLD = _style(
    "cell_right_bold", fontName=BOLD, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
)


def amount_box(label: str, amount: str, note: str | None = None) -> Flowable:
    """A framed highlighted amount (e.g. the amount to declare)."""
    cells: list[list[Any]] = [
        [
            Paragraph(esc(label), _style("box_label", fontName=BOLD, fontSize=10.5, leading=13)),
            Paragraph(
                esc(amount),
                _style(
                    "box_amount",
                    fontName=BOLD,
                    fontSize=13,
                    leading=16,
                    alignment=TA_RIGHT,
                    textColor=BLUE,
                ),
            ),
        ]
    ]
    if note:
        cells.append([Paragraph(esc(note), SMALL), ""])
    t = Table(cells, colWidths=[CONTENT_W - 50 * mm, 50 * mm], hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("BOX", (0, 0), (-1, -1), 1, BLUE),
        ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if note:
        style.append(("SPAN", (0, 1), (-1, 1)))
    t.setStyle(TableStyle(style))
    return KeepTogether([Spacer(1, 4), t, Spacer(1, 4)])


def signature(head: Letterhead) -> list[Flowable]:
    who = f"Pour le directeur de la {head.fund.name}"
    lines = [f"Fait à {head.place}, le {fr_long_date(head.issued_on)}.", who]
    if head.advisor_name:
        lines.append(
            f"Délivré par {head.advisor_name}"
            + (f", {head.office_name}" if head.office_name else "")
        )
    return [Spacer(1, 8), *(Paragraph(esc(line), BODY) for line in lines)]


# --------------------------------------------------------------------------- page frame


def _draw_header(c: Canvas, head: Letterhead, recipient: Recipient | None) -> None:
    top = PAGE_H - MARGIN
    c.setFillColor(BLUE)
    c.rect(MARGIN, top - 11 * mm, 3 * mm, 11 * mm, stroke=0, fill=1)
    c.setFont(BOLD, 9)
    c.drawString(MARGIN + 5 * mm, top - 4 * mm, "l'Assurance Maladie")
    c.setFont(BOLD, 14)
    c.drawString(MARGIN + 5 * mm, top - 10 * mm, head.fund.name)
    c.setFillColor(GREY)
    c.setFont(FONT, 8)
    y = top - 15 * mm
    for line in head.fund.address:
        c.drawString(MARGIN + 5 * mm, y, line)
        y -= 3.6 * mm
    # The issuing office, top right.
    x = PAGE_W - MARGIN
    y = top - 4 * mm
    if head.office_name:
        c.setFillColor(colors.black)
        c.setFont(BOLD, 8.5)
        c.drawRightString(x, y, head.office_name)
        y -= 3.8 * mm
        c.setFont(FONT, 8)
        c.setFillColor(GREY)
        for line in head.office_address:
            c.drawRightString(x, y, line)
            y -= 3.6 * mm
        if head.office_phone:
            c.drawRightString(x, y, f"Tél. {head.office_phone}")
            y -= 3.6 * mm
    c.setFillColor(colors.black)
    c.setFont(FONT, 8.5)
    c.drawRightString(x, y - 1 * mm, f"{head.place}, le {fr_long_date(head.issued_on)}")
    # The addressee, placed for a window envelope.
    if recipient is not None:
        rx, ry = PAGE_W / 2 + 10 * mm, top - 27 * mm
        c.setFont(BOLD, 9.5)
        c.drawString(rx, ry, recipient.name)
        c.setFont(FONT, 9)
        for line in recipient.address:
            ry -= 4.2 * mm
            c.drawString(rx, ry, line)


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR code's modules (medium error correction, no quiet zone)."""
    # A fixed mask skips qrcode's trial of the eight masks (8 encodings for a few percent
    # better contrast balance): any reader decodes every mask.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=2)
    code.add_data(payload)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def _draw_qr(c: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the QR code as one filled path, each horizontal run of dark modules one rectangle."""
    matrix = qr_matrix(payload)
    n = len(matrix)
    cell = size / n
    path = c.beginPath()
    for i, row in enumerate(matrix):
        top = y + size - (i + 1) * cell
        j = 0
        while j < n:
            if row[j]:
                start = j
                while j < n and row[j]:
                    j += 1
                path.rect(x + start * cell, top, (j - start) * cell, cell)
            else:
                j += 1
    c.saveState()
    c.setFillColor(colors.black)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()


def _draw_footer(c: Canvas, head: Letterhead, stamp: Stamp | None, page: int) -> None:
    qr = 20 * mm
    base = MARGIN - 6 * mm
    if stamp is None:
        _draw_private_footer(c, base + qr, page)
        return
    c.setStrokeColor(GRID)
    c.setLineWidth(0.5)
    c.line(MARGIN, base + qr + 3 * mm, PAGE_W - MARGIN, base + qr + 3 * mm)
    _draw_qr(c, stamp.qr_payload, PAGE_W - MARGIN - qr, base, qr)
    c.setFillColor(colors.black)
    c.setFont(BOLD, 8.5)
    c.drawString(MARGIN, base + qr - 3 * mm, f"Document n° {stamp.number}")
    c.setFont(FONT, 8)
    c.drawString(MARGIN, base + qr - 7.5 * mm, f"Code de vérification : {stamp.display_code}")
    c.setFillColor(GREY)
    c.setFont(FONT, 7)
    c.drawString(
        MARGIN,
        base + qr - 12 * mm,
        f"Authenticité vérifiable auprès de la {head.fund.name} avec ce numéro et ce code (ou le code QR).",
    )
    c.drawString(
        MARGIN, base + qr - 15.5 * mm, "Toute modification de ce document le rend invalide."
    )
    c.drawRightString(PAGE_W - MARGIN - qr - 4 * mm, base, f"Page {page}")


def _draw_private_footer(c: Canvas, top: float, page: int) -> None:
    """The footer of a letter that is not a registered document (no number, no QR code)."""
    c.setStrokeColor(GRID)
    c.setLineWidth(0.5)
    c.line(MARGIN, top + 3 * mm, PAGE_W - MARGIN, top + 3 * mm)
    c.setFillColor(colors.black)
    c.setFont(BOLD, 8.5)
    c.drawString(MARGIN, top - 3 * mm, "Courrier personnel et confidentiel")
    c.setFillColor(GREY)
    c.setFont(FONT, 7)
    c.drawString(
        MARGIN,
        top - 7.5 * mm,
        "L'Assurance Maladie ne vous demandera jamais ce code, ni par téléphone, ni par "
        "courriel, ni par SMS.",
    )
    c.drawRightString(PAGE_W - MARGIN, top - 20 * mm, f"Page {page}")


class _DocTemplate(SimpleDocTemplate):  # type: ignore[misc]
    """A4 with a taller top margin on the first page (the letterhead) and the footer everywhere."""

    def __init__(
        self,
        buffer: io.BytesIO,
        head: Letterhead,
        stamp: Stamp | None,
        recipient: Recipient | None,
        **kw: Any,
    ) -> None:
        super().__init__(buffer, pagesize=A4, **kw)
        self._head, self._stamp, self._recipient = head, stamp, recipient
        bottom = MARGIN + FOOTER_H - 8 * mm
        first = Frame(
            MARGIN,
            bottom,
            CONTENT_W,
            PAGE_H - MARGIN - HEADER_H - bottom,
            id="first",
            leftPadding=0,
            rightPadding=0,
        )
        later = Frame(
            MARGIN,
            bottom,
            CONTENT_W,
            PAGE_H - 2 * MARGIN - bottom + MARGIN,
            id="later",
            leftPadding=0,
            rightPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(
                    id="First",
                    frames=[first],
                    onPage=self._first_page,
                    autoNextPageTemplate="Later",
                ),
                PageTemplate(id="Later", frames=[later], onPage=self._later_page),
            ]
        )

    def _first_page(self, c: Canvas, doc: Any) -> None:
        _draw_header(c, self._head, self._recipient)
        _draw_footer(c, self._head, self._stamp, doc.page)

    def _later_page(self, c: Canvas, doc: Any) -> None:
        c.setFont(BOLD, 9)
        c.setFillColor(BLUE)
        c.drawString(MARGIN, PAGE_H - MARGIN + 2 * mm, f"{self._head.fund.name} — suite")
        _draw_footer(c, self._head, self._stamp, doc.page)


def build_pdf(
    *,
    head: Letterhead,
    stamp: Stamp | None,
    title: str,
    story: Sequence[Flowable],
    subtitle: str | None = None,
    recipient: Recipient | None = None,
) -> bytes:
    """Lay out one official document: letterhead, title, the story, and the stamped footer.

    The document number goes into the PDF's metadata (Keywords) as well, so that a PDF handed
    back can be matched to the register even when its bytes were changed. Without a stamp
    (a personal letter that is not registered), the footer says it is confidential instead.
    """
    buffer = io.BytesIO()
    doc = _DocTemplate(
        buffer,
        head,
        stamp,
        recipient,
        title=title,
        author=head.fund.name,
        subject=f"{title} — document n° {stamp.number}" if stamp else title,
        keywords=f"{QR_PREFIX}:{stamp.number}" if stamp else "",
        creator="advisor-desk",
        lang="fr-FR",
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    )
    flow: list[Flowable] = [Paragraph(esc(title), TITLE)]
    if subtitle:
        flow.append(Paragraph(esc(subtitle), SUBTITLE))
    else:
        flow.append(Spacer(1, 6))
    flow.extend(story)
    doc.build(flow)
    return buffer.getvalue()
