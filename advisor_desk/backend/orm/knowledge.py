"""The knowledge base: articles agents read (and quote) while answering members' mail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advisor_desk.domain.enums import MailTheme

from .base import Base, str_enum, utcnow


class KnowledgeArticle(Base):
    __tablename__ = "knowledge_articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(160))
    theme: Mapped[MailTheme | None] = mapped_column(str_enum(MailTheme, "kb_theme"))
    keywords: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_advisor_id: Mapped[int | None] = mapped_column(ForeignKey("advisors.id"))
