"""Every official document, issued through the backend for a crafted family, read back with pypdf."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from advisor_desk.backend.facade import BoundBackend
from advisor_desk.domain.enums import DocumentKind, Role
from advisor_desk.domain.errors import NotFound, ValidationError
from advisor_desk.domain.money import apply_rate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from documents.care_samples import TAX_YEAR, THIS_YEAR, CareSamples, add_care_samples
from documents.pdf_text import eur, page_count, pdf_text, qpdf_problems

Login = Callable[[Role], BoundBackend]


@pytest.fixture
def samples(engine: Engine) -> CareSamples:
    return add_care_samples(engine)


@pytest.fixture
def counter(login: Login, samples: CareSamples) -> BoundBackend:
    return login(Role.COUNTER)


def _nir(nir: str) -> str:
    return f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"


def _common(text: str, pdf: bytes, number: str) -> None:
    assert qpdf_problems(pdf) == []
    assert "CPAM du Rhône" in text
    assert "276 cours Émile Zola" in text
    assert "Accueil de test" in text  # the advisor's office
    assert f"Document n° {number}" in text
    assert "Code de vérification" in text


def test_rights_certificate(counter: BoundBackend, samples: CareSamples) -> None:
    doc = counter.documents.issue_rights_certificate(samples.member_id)
    assert doc.kind is DocumentKind.RIGHTS_CERTIFICATE
    assert doc.pdf.startswith(b"%PDF-")
    text = pdf_text(doc.pdf)
    _common(text, doc.pdf, doc.number)
    assert "Attestation de droits à l'assurance maladie" in text
    assert "Anne Marie LEFÈVRE" in text
    assert _nir(samples.nir) in text
    assert "01 — 691 — 9881" in text  # régime, caisse, centre
    assert "depuis le 01/01/2015" in text
    assert "02 Lucas LEFÈVRE Enfant 03/05/2012 " + _nir(samples.child_nir) in text
    assert "03 Emma LEFÈVRE Enfant 19/08/2015 rattaché à l'assuré" in text
    assert "ALD 8 — Diabète de type 1 et diabète de type 2" in text
    assert "depuis le 10/01/2022" in text
    assert "déclaré : Dr Paul DURAND" in text
    assert "12 rue Paul Bert" in text


def test_rights_certificate_refused_when_rights_closed(
    counter: BoundBackend, samples: CareSamples
) -> None:
    with pytest.raises(ValidationError, match="fermés depuis le 30/06/2024"):
        counter.documents.issue_rights_certificate(samples.closed_id)


def test_ij_certificate(counter: BoundBackend, samples: CareSamples) -> None:
    doc = counter.documents.issue_ij_certificate(
        samples.member_id, date(TAX_YEAR, 1, 1), date(TAX_YEAR, 6, 30)
    )
    text = pdf_text(doc.pdf)
    _common(text, doc.pdf, doc.number)
    assert f"du 01/01/{TAX_YEAR} au 30/06/{TAX_YEAR}" in text
    assert _nir(samples.nir) in text
    wanted = [x for x in samples.ij if x["period_start"] <= date(TAX_YEAR, 6, 30)]  # type: ignore[operator]
    assert len(wanted) == 3
    for x in wanted:
        start, end = x["period_start"], x["period_end"]
        assert f"du {start:%d/%m/%Y} au {end:%d/%m/%Y}" in text  # type: ignore[str-format]
        assert eur(x["net_cents"]) in text  # type: ignore[arg-type]
        assert eur(x["gross_cents"]) in text  # type: ignore[arg-type]
    assert "Accident du travail" in text
    total_net = sum(x["net_cents"] for x in wanted)  # type: ignore[misc]
    assert "Total 55 " in text  # 14 + 11 + 30 days
    assert eur(total_net) in text


def test_ij_certificate_checks_the_period(counter: BoundBackend, samples: CareSamples) -> None:
    with pytest.raises(ValidationError, match="précède"):
        counter.documents.issue_ij_certificate(
            samples.member_id, date(2025, 2, 1), date(2025, 1, 1)
        )


def test_tax_statement_taxable_total_by_hand(counter: BoundBackend, samples: CareSamples) -> None:
    doc = counter.documents.issue_tax_statement(samples.member_id, TAX_YEAR)
    text = pdf_text(doc.pdf)
    _common(text, doc.pdf, doc.number)
    # Paid in TAX_YEAR: sickness 580,71 + 456,27 (100 %), work accident 1 653,33 (50 % →
    # 826,665 → 826,67 half up), ALD-linked 705,15 (not taxable). The December leave paid in
    # January of the next year is not in this statement.
    sickness = 58_071 + 45_627
    accident = 165_333
    expected = sickness + apply_rate(accident, 50)
    assert expected == 103_698 + 82_667 == 186_365
    assert f"Montant à déclarer pour {TAX_YEAR} {eur(expected)}" in text
    assert "1 863,65 €" in text
    assert eur(70_515) in text  # listed, at 0 %
    assert "0 %" in text and "50 %" in text
    assert f"{date(THIS_YEAR, 1, 6):%d/%m/%Y}" not in text


def test_tax_statement_refuses_a_future_year(counter: BoundBackend, samples: CareSamples) -> None:
    with pytest.raises(ValidationError):
        counter.documents.issue_tax_statement(samples.member_id, THIS_YEAR + 1)


def test_monthly_statement(counter: BoundBackend, samples: CareSamples) -> None:
    doc = counter.documents.issue_monthly_statement(samples.member_id, TAX_YEAR, 6)
    text = pdf_text(doc.pdf)
    _common(text, doc.pdf, doc.number)
    assert f"Relevé mensuel de remboursements — juin {TAX_YEAR}" in text
    assert "Lucas LEFÈVRE" in text
    assert "P. DURAND — Consultation de médecin généraliste" in text
    assert "le professionnel" in text and "vous" in text
    assert "Total 2 ligne(s) 60,00 € 60,00 € 42,00 € 0,00 €" in text
    assert "Versé sur votre compte 21,00 €" in text
    assert "FR76 •••• •••• •••• " in text or "FR76" in text


def test_ehic_provisional_certificate_valid_three_months(
    counter: BoundBackend, samples: CareSamples
) -> None:
    start = date.today()
    doc = counter.documents.issue_ehic_provisional(samples.member_id, rank=2, valid_from=start)
    text = pdf_text(doc.pdf)
    _common(text, doc.pdf, doc.number)
    month0 = start.month - 1 + 3
    year, month = start.year + month0 // 12, month0 % 12 + 1
    import calendar

    end = date(year, month, min(start.day, calendar.monthrange(year, month)[1])) - timedelta(days=1)
    assert f"Valable du {start:%d/%m/%Y} au {end:%d/%m/%Y}" in text
    assert "LEFÈVRE" in text and "Lucas" in text
    assert _nir(samples.child_nir) in text
    assert "01691 - CPAM du Rhône" in text
    with pytest.raises(NotFound):
        counter.documents.issue_ehic_provisional(samples.member_id, rank=7)


def test_long_monthly_statement_runs_over_pages(login: Login, engine: Engine) -> None:
    counter = login(Role.COUNTER)
    samples = add_care_samples(engine, big_lines=400)
    month = date.today().replace(day=1) - timedelta(days=1)
    doc = counter.documents.issue_monthly_statement(samples.big_id, month.year, month.month)
    assert page_count(doc.pdf) > 1
    text = pdf_text(doc.pdf)
    assert "suite" in text and "Page 2" in text
    assert qpdf_problems(doc.pdf) == []
