"""The knowledge base: articles agents search and quote; supervisors write and retire them.

Articles are the fund's own reference texts, not member data: reading them is not audited,
every change is. Search uses the database's full-text engine (`mail_queue.rank_texts`), the
same one that suggests articles and templates for an incoming message.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from advisor_desk.domain.enums import MailTheme
from advisor_desk.domain.errors import NotFound, ValidationError
from advisor_desk.domain.knowledge import check_article
from advisor_desk.domain.permissions import Permission

from .knowledge_dto import Article, ArticleInput, ArticleSummary
from .mail_queue import rank_texts
from .orm import Advisor, KnowledgeArticle
from .orm.base import utcnow
from .service import Service, api

MAX_LIST = 500
MAX_FOUND = 50
EXCERPT_CHARS = 160


def excerpt(body: str) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[: EXCERPT_CHARS - 1].rstrip() + "…"


def summary(a: KnowledgeArticle, score: float | None = None) -> ArticleSummary:
    return ArticleSummary(a.id, a.code, a.title, a.theme, a.active, excerpt(a.body), score)


class KnowledgeService(Service):
    name = "knowledge"

    @api(Permission.MAIL_WORK, readonly=True)
    def search(
        self, text: str = "", theme: MailTheme | None = None, include_retired: bool = False
    ) -> list[ArticleSummary]:
        """Articles matching `text` (best first, active ones only, as suggestions are), or
        all of them by title when it is empty; the list then takes in retired articles for
        those who edit the base (`include_retired`)."""
        if include_retired and Permission.MAIL_SUPERVISE not in self._ctx.permissions:
            self._ctx.refuse("knowledge.search", Permission.MAIL_SUPERVISE, None)
        theme = MailTheme(theme) if theme else None
        with self._ctx.tx(readonly=True) as s:
            if text.strip():
                ranked = rank_texts(s, "knowledge_articles", text, MAX_FOUND)
                found = {
                    a.id: a
                    for a in s.scalars(
                        select(KnowledgeArticle).where(
                            KnowledgeArticle.id.in_([i for i, _ in ranked])
                        )
                    )
                }
                return [
                    summary(found[i], score)
                    for i, score in ranked
                    if i in found and (theme is None or found[i].theme in (theme, None))
                ]
            query = select(KnowledgeArticle).order_by(KnowledgeArticle.title).limit(MAX_LIST)
            if not include_retired:
                query = query.where(KnowledgeArticle.active.is_(True))
            if theme is not None:
                query = query.where(KnowledgeArticle.theme == theme)
            return [summary(a) for a in s.scalars(query)]

    @api(Permission.MAIL_WORK, readonly=True)
    def article(self, article_id: int) -> Article:
        with self._ctx.tx(readonly=True) as s:
            return self._article(s, article_id)

    @api(Permission.MAIL_SUPERVISE)
    def save_article(self, article_id: int | None, data: ArticleInput) -> Article:
        """Create (`article_id` None) or update an article; the code must be unique."""
        checked = check_article(data.code, data.title, data.theme, data.keywords, data.body)
        try:
            with self._ctx.tx() as s:
                if article_id is None:
                    row = KnowledgeArticle(code=checked.code, active=True)
                    s.add(row)
                else:
                    found = s.get(KnowledgeArticle, article_id)
                    if found is None:
                        raise NotFound("Article inconnu.")
                    row = found
                row.code, row.title, row.theme = checked.code, checked.title, checked.theme
                row.keywords, row.body = checked.keywords, checked.body
                row.updated_at, row.updated_by_advisor_id = utcnow(), self._ctx.advisor.id
                s.flush()
                self._ctx.audit(s, "knowledge.save", target=f"article:{row.code}")
                return self._article(s, row.id)
        except IntegrityError:
            raise ValidationError(
                f"Le code {checked.code} est déjà celui d'un autre article.", field="code"
            ) from None

    @api(Permission.MAIL_SUPERVISE)
    def set_active(self, article_id: int, active: bool) -> Article:
        """Retire an article (no longer suggested nor listed to agents) or bring it back."""
        with self._ctx.tx() as s:
            row = s.get(KnowledgeArticle, article_id)
            if row is None:
                raise NotFound("Article inconnu.")
            row.active = bool(active)
            row.updated_at, row.updated_by_advisor_id = utcnow(), self._ctx.advisor.id
            s.flush()
            self._ctx.audit(
                s,
                "knowledge.activate" if active else "knowledge.retire",
                target=f"article:{row.code}",
            )
            return self._article(s, row.id)

    def _article(self, s: Session, article_id: int) -> Article:
        row = s.get(KnowledgeArticle, article_id)
        if row is None:
            raise NotFound("Article inconnu.")
        editor = (
            s.scalar(select(Advisor.full_name).where(Advisor.id == row.updated_by_advisor_id))
            if row.updated_by_advisor_id is not None
            else None
        )
        return Article(
            row.id,
            row.code,
            row.title,
            row.theme,
            row.keywords,
            row.body,
            row.active,
            row.updated_at,
            editor,
        )
