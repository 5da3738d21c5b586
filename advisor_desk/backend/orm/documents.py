"""The register of issued official documents, for later verification by a third party."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import DocumentKind

from .base import Base, str_enum, utcnow


class IssuedDocument(Base):
    __tablename__ = "issued_documents"
    __table_args__ = (Index("ix_issued_documents_member", "member_id", "issued_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    verification_code: Mapped[str] = mapped_column(String(16))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[DocumentKind] = mapped_column(str_enum(DocumentKind, "document_kind"))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    advisor_id: Mapped[int | None] = mapped_column(ForeignKey("advisors.id"))
    content_sha256: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
