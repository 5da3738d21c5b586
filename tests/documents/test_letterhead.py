"""The shared letterhead: formatting, funds, A4 pages, metadata, and a QR code that decodes."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pypdf
import pytest

from advisor_desk.documents import declaration_receipt, letterhead
from advisor_desk.documents.letterhead import Letterhead, Stamp, eur, fr_long_date, fund_for

HEAD = Letterhead(
    fund_for("691"), date(2026, 3, 1), "Accueil Lyon 3e", ("1 rue de la Paix", "69003 Lyon"), "3646"
)
STAMP = Stamp("AR-2026-7F3K9Q2M", "K7P29QXM")


def _receipt() -> bytes:
    data = declaration_receipt.DeclarationReceiptData(
        member_name="Anne Marie LEFÈVRE",
        nir="2 84 03 69 383 412 12",
        address=("12 rue Paul Bert", "69003 Lyon"),
        request_number="D-2026-000123",
        kind="bank_details",
        filed_on=date(2026, 3, 1),
        channel="counter",
        estimated_on=date(2026, 3, 13),
        documents=(("RIB", True), ("Pièce d'identité", False)),
    )
    return declaration_receipt.render(data, HEAD, STAMP)


def test_formatting() -> None:
    assert eur(123456) == "1\u00a0234,56\u00a0€"  # no narrow space: not in the base-14 fonts
    assert fr_long_date(date(2026, 5, 1)) == "1er mai 2026"
    assert fr_long_date(date(2026, 8, 15)) == "15 août 2026"
    assert fund_for("691").name == "CPAM du Rhône"
    assert fund_for("999").code == "999"
    assert HEAD.place == "Lyon"
    assert STAMP.display_code == "K7P2-9QXM"


def test_declaration_receipt_content_and_metadata() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from documents.pdf_text import pdf_text, qpdf_problems

    pdf = _receipt()
    assert qpdf_problems(pdf) == []
    text = pdf_text(pdf)
    for expected in (
        "Accusé de réception",
        "Changement de coordonnées bancaires",
        "N° de la demande D-2026-000123",
        "Déposée le 01/03/2026 (à l'accueil)",
        "Traitement estimé au 13/03/2026",
        "Pièce d'identité à fournir",
        "Fait à Lyon, le 1er mars 2026.",
    ):
        assert expected in text, expected
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert reader.metadata is not None and "AR-2026-7F3K9Q2M" in (
        reader.metadata.get("/Keywords") or ""
    )
    assert b"CPAM-DOC:AR-2026-7F3K9Q2M" in pdf  # found by verify_pdf without parsing


def test_qr_matrix_is_square() -> None:
    matrix = letterhead.qr_matrix(STAMP.qr_payload)
    assert len(matrix) == len(matrix[0]) >= 21


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs poppler-utils and zbar-tools",
)
def test_qr_code_decodes(tmp_path: Path) -> None:
    source = tmp_path / "doc.pdf"
    source.write_bytes(_receipt())
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(source), str(tmp_path / "page")],
        check=True,
    )
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "page.png")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "CPAM-DOC:AR-2026-7F3K9Q2M:K7P29QXM"
