"""Reading generated PDFs back: text with spaces normalised, and qpdf's structural check."""

from __future__ import annotations

import io
import re

import pikepdf
import pypdf


def pdf_text(pdf: bytes) -> str:
    """All pages' text, every run of whitespace (no-break spaces included) as one space."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def qpdf_problems(pdf: bytes) -> list[str]:
    """qpdf's structural check: `Pdf.check()`, renamed `check_pdf_syntax()` in pikepdf 10."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        check = getattr(doc, "check_pdf_syntax", None) or doc.check
        return [str(p) for p in check()]


def eur(cents: int) -> str:
    """An amount as it reads in the extracted text ('1 234,56 €')."""
    euros, rest = divmod(cents, 100)
    return f"{euros:,}".replace(",", " ") + f",{rest:02d} €"
