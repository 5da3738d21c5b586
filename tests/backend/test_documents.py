"""Documents service: the register, verification (valid / unknown / tampered), sending, permissions."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from advisor_desk.backend.documents import normalize_code, parse_reference
from advisor_desk.backend.documents_dto import VerificationStatus
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import AuditEvent, IssuedDocument, MailMessage, MailThread
from advisor_desk.documents.letterhead import qr_payload
from advisor_desk.domain.enums import AuditOutcome, DocumentKind, MailState, MessageDirection, Role
from advisor_desk.domain.errors import NotFound, PermissionDenied, ValidationError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from documents.care_samples import TAX_YEAR, CareSamples, add_care_samples

Bound = Callable[[Role], object]


@pytest.fixture
def samples(engine: Engine) -> CareSamples:
    return add_care_samples(engine)


def _audit(engine: Engine, action: str) -> list[AuditEvent]:
    with session_scope(engine) as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_issue_registers_number_code_hash_and_pdf(
    bound, samples: CareSamples, engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    counter = bound(Role.COUNTER)
    doc = counter.documents.issue_tax_statement(samples.member_id, TAX_YEAR)
    assert isinstance(doc.pdf, bytes) and doc.pdf.startswith(b"%PDF")
    assert doc.number.startswith("RF-") and len(doc.verification_code) == 8
    assert doc.content_sha256 == hashlib.sha256(doc.pdf).hexdigest()
    assert doc.filename == f"releve_fiscal_{doc.number}.pdf"
    with session_scope(engine) as s:
        row = s.scalar(select(IssuedDocument).where(IssuedDocument.number == doc.number))
        assert row is not None
        assert row.pdf == doc.pdf and row.content_sha256 == doc.content_sha256
        assert row.kind is DocumentKind.TAX_STATEMENT and row.member_id == samples.member_id
        assert row.advisor_id is not None
    (event,) = _audit(engine, "documents.issue_tax_statement")
    assert event.member_id == samples.member_id and event.target == f"document:{doc.number}"
    register = counter.documents.register(samples.member_id)
    assert [(r.number, r.kind) for r in register] == [(doc.number, DocumentKind.TAX_STATEMENT)]
    again = counter.documents.fetch(doc.id)
    assert again.pdf == doc.pdf


def test_numbers_are_unique(bound, samples: CareSamples) -> None:  # type: ignore[no-untyped-def]
    counter = bound(Role.COUNTER)
    numbers = {
        counter.documents.issue_rights_certificate(samples.member_id).number for _ in range(5)
    }
    assert len(numbers) == 5


def test_verify_valid_unknown_tampered(bound, samples: CareSamples, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    counter = bound(Role.COUNTER)
    doc = counter.documents.issue_rights_certificate(samples.member_id)
    # A supervisor cannot issue, but can verify (e.g. a document shown by a third party).
    checker = bound(Role.SUPERVISOR)
    ok = checker.documents.verify(doc.number, doc.verification_code)
    assert ok.status is VerificationStatus.VALID
    assert ok.document is not None and ok.document.holder == "Anne Marie LEFÈVRE"
    assert "authentique" in ok.message
    typed = f"{doc.verification_code[:4].lower()}-{doc.verification_code[4:].lower()}"
    assert checker.documents.verify(doc.number.lower(), typed).status is VerificationStatus.VALID
    scanned = checker.documents.verify(qr_payload(doc.number, doc.verification_code))
    assert scanned.status is VerificationStatus.VALID
    wrong = "ZZZZZZZZ" if doc.verification_code != "ZZZZZZZZ" else "YYYYYYYY"
    bad = checker.documents.verify(doc.number, wrong)
    assert bad.status is VerificationStatus.TAMPERED
    assert "NON CONFORME" in bad.message
    unknown = checker.documents.verify("AD-2020-00000000", "ABCD1234")
    assert unknown.status is VerificationStatus.UNKNOWN and unknown.document is None
    assert "inconnu" in unknown.message
    with pytest.raises(ValidationError):
        checker.documents.verify(doc.number, "")
    events = _audit(engine, "documents.verify")
    assert [e.detail for e in events] == ["valid", "valid", "valid", "tampered", "unknown"]


def test_verify_pdf_hash(bound, samples: CareSamples) -> None:  # type: ignore[no-untyped-def]
    counter = bound(Role.COUNTER)
    doc = counter.documents.issue_monthly_statement(samples.member_id, TAX_YEAR, 6)
    assert counter.documents.verify_pdf(doc.pdf).status is VerificationStatus.VALID
    # One byte changed in the page content: same number in the metadata, another hash.
    i = doc.pdf.index(b"stream") + 40
    altered = doc.pdf[:i] + bytes([doc.pdf[i] ^ 0x01]) + doc.pdf[i + 1 :]
    result = counter.documents.verify_pdf(altered)
    assert result.status is VerificationStatus.TAMPERED
    assert result.number == doc.number and "modifié" in result.message
    assert counter.documents.verify_pdf(b"%PDF-1.4 nothing").status is VerificationStatus.UNKNOWN


def test_send_to_inbox_new_then_existing_thread(
    bound, samples: CareSamples, engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    counter = bound(Role.COUNTER)
    doc = counter.documents.issue_rights_certificate(samples.member_id)
    sent = counter.documents.send_to_inbox(doc.id)
    second = counter.documents.issue_tax_statement(samples.member_id, TAX_YEAR)
    again = counter.documents.send_to_inbox(second.id, sent.thread_id)
    assert again.thread_id == sent.thread_id
    with session_scope(engine) as s:
        thread = s.get(MailThread, sent.thread_id)
        assert thread is not None and thread.member_id == samples.member_id
        assert thread.state is MailState.CLOSED  # nothing for the agents' queue
        messages = list(s.scalars(select(MailMessage).where(MailMessage.thread_id == thread.id)))
    assert [(m.direction, m.document_id) for m in messages] == [
        (MessageDirection.OUTBOUND, doc.id),
        (MessageDirection.OUTBOUND, second.id),
    ]
    assert doc.number in messages[0].body
    assert len(_audit(engine, "documents.send_to_inbox")) == 2
    with pytest.raises(NotFound):
        counter.documents.send_to_inbox(doc.id, 999_999)


def test_permissions(bound, samples: CareSamples, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    for role in (Role.SUPERVISOR, Role.ADMIN):
        with pytest.raises(PermissionDenied):
            bound(role).documents.issue_rights_certificate(samples.member_id)
        with pytest.raises(PermissionDenied):
            bound(role).documents.register(samples.member_id)
    refused = _audit(engine, "documents.issue_rights_certificate")
    assert [e.outcome for e in refused] == [AuditOutcome.REFUSED, AuditOutcome.REFUSED]
    assert all(e.member_id == samples.member_id for e in refused)
    agent = bound(Role.BACKOFFICE)
    assert agent.documents.issue_rights_certificate(samples.member_id).pdf


def test_reference_parsing() -> None:
    assert parse_reference(" cpam-doc:AD-2026-ABCDEFGH:K7P29QXM ") == (
        "AD-2026-ABCDEFGH",
        "K7P29QXM",
    )
    assert parse_reference("ad-2026-abcd efgh") == ("AD-2026-ABCDEFGH", None)
    assert normalize_code("k7p2-9qxm") == "K7P29QXM"
    assert normalize_code("O1IL") == "0111"


def test_names_print_the_civil_first_names_without_their_commas() -> None:
    from advisor_desk.backend.reimbursements import person_name

    # Stored as the civil registry lists them; a document prints "Sophie Corinne BRETON".
    assert person_name("Sophie, Corinne", "Breton") == "Sophie Corinne BRETON"
    assert person_name("Jean-Marc,  Paul", "de la Tour") == "Jean-Marc Paul DE LA TOUR"
    assert person_name("", "Clinique du Parc") == "CLINIQUE DU PARC"
