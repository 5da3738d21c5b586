"""Plain data of the documents service: issued PDFs, the register, verification results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from advisor_desk.domain.enums import DocumentKind

DOCUMENT_TITLES_FR: dict[DocumentKind, str] = {
    DocumentKind.RIGHTS_CERTIFICATE: "Attestation de droits",
    DocumentKind.IJ_CERTIFICATE: "Attestation d'indemnités journalières",
    DocumentKind.TAX_STATEMENT: "Relevé fiscal",
    DocumentKind.MONTHLY_STATEMENT: "Relevé mensuel",
    DocumentKind.EHIC_PROVISIONAL: "Certificat provisoire de remplacement de la CEAM",
    DocumentKind.DECLARATION_RECEIPT: "Accusé de réception",
}


class VerificationStatus(StrEnum):
    VALID = "valid"
    UNKNOWN = "unknown"  # no such number in the register
    TAMPERED = "tampered"  # the number exists but the code or the content does not match


@dataclass(frozen=True)
class IssuedPdf:
    """A document just issued (or fetched again from the register), with its PDF bytes."""

    id: int
    number: str
    verification_code: str
    kind: DocumentKind
    member_id: int
    issued_at: datetime
    content_sha256: str
    filename: str
    pdf: bytes


@dataclass(frozen=True)
class IssuedDocumentInfo:
    """One row of the register, without the PDF."""

    id: int
    number: str
    kind: DocumentKind
    member_id: int
    holder: str
    issued_at: datetime
    advisor: str | None
    content_sha256: str


@dataclass(frozen=True)
class Verification:
    status: VerificationStatus
    number: str
    message: str  # French, shown as is
    document: IssuedDocumentInfo | None  # when the number is in the register


@dataclass(frozen=True)
class SentDocument:
    document_id: int
    thread_id: int
    message_id: int
