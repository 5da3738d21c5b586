"""What the knowledge-base service returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from advisor_desk.domain.enums import MailTheme


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    code: str
    title: str
    theme: MailTheme | None
    active: bool
    excerpt: str  # the first lines of the body
    score: float | None  # full-text rank when found by a search (higher is better)


@dataclass(frozen=True)
class Article:
    id: int
    code: str
    title: str
    theme: MailTheme | None
    keywords: str
    body: str
    active: bool
    updated_at: datetime
    updated_by: str | None


@dataclass(frozen=True)
class ArticleInput:
    code: str
    title: str
    theme: MailTheme | None
    keywords: str
    body: str
