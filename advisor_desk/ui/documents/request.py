"""What the advisor asked for: a document kind and its parameters, and the backend call it makes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from advisor_desk.backend.documents_dto import IssuedPdf
from advisor_desk.domain.enums import DocumentKind

if TYPE_CHECKING:
    from advisor_desk.backend.facade import BoundBackend

# The kinds an advisor issues from the member file (receipts come with declarations).
MEMBER_KINDS = (
    DocumentKind.RIGHTS_CERTIFICATE,
    DocumentKind.IJ_CERTIFICATE,
    DocumentKind.TAX_STATEMENT,
    DocumentKind.MONTHLY_STATEMENT,
    DocumentKind.EHIC_PROVISIONAL,
)
NEEDS_PARAMETERS = frozenset(MEMBER_KINDS) - {DocumentKind.RIGHTS_CERTIFICATE}


@dataclass(frozen=True)
class DocumentRequest:
    kind: DocumentKind
    start: date | None = None  # IJ certificate period; CEAM certificate first day
    end: date | None = None
    year: int | None = None  # tax statement, monthly statement
    month: int | None = None  # monthly statement
    rank: int = 1  # CEAM certificate beneficiary


def issue_call(
    backend: BoundBackend, member_id: int, r: DocumentRequest
) -> Callable[[], IssuedPdf]:
    """The backend call for a request, to run off the GUI thread."""
    docs = backend.documents
    if r.kind is DocumentKind.RIGHTS_CERTIFICATE:
        return lambda: docs.issue_rights_certificate(member_id)
    if r.kind is DocumentKind.IJ_CERTIFICATE:
        assert r.start is not None and r.end is not None
        start, end = r.start, r.end
        return lambda: docs.issue_ij_certificate(member_id, start, end)
    if r.kind is DocumentKind.TAX_STATEMENT:
        assert r.year is not None
        year = r.year
        return lambda: docs.issue_tax_statement(member_id, year)
    if r.kind is DocumentKind.MONTHLY_STATEMENT:
        assert r.year is not None and r.month is not None
        y, m = r.year, r.month
        return lambda: docs.issue_monthly_statement(member_id, y, m)
    if r.kind is DocumentKind.EHIC_PROVISIONAL:
        rank, start_ = r.rank, r.start
        return lambda: docs.issue_ehic_provisional(member_id, rank, start_)
    raise ValueError(f"not issued from the member file: {r.kind}")
