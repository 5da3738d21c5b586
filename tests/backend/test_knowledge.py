"""Knowledge base: full-text search on both engines, editing by supervisors, retired articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, func, select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.knowledge_dto import ArticleInput
from advisor_desk.backend.orm import AuditEvent, KnowledgeArticle
from advisor_desk.backend.seeding.reference import KNOWLEDGE_ARTICLES
from advisor_desk.domain.enums import MailTheme, Role
from advisor_desk.domain.errors import NotFound, PermissionDenied, ValidationError

if TYPE_CHECKING:
    from conftest import Transport


def add_articles(engine: Engine) -> dict[str, int]:
    with session_scope(engine) as s:
        rows = [
            KnowledgeArticle(code=code, title=title, theme=theme, keywords=keywords, body=body)
            for code, title, theme, keywords, body in KNOWLEDGE_ARTICLES
        ]
        s.add_all(rows)
        s.flush()
        return {r.code: r.id for r in rows}


@pytest.fixture
def articles(engine: Engine) -> dict[str, int]:
    return add_articles(engine)


def test_search_ranks_by_the_database_full_text(
    transport: Transport, articles: dict[str, int]
) -> None:
    agent = transport.open_session(Role.BACKOFFICE)
    found = agent.knowledge.search("J'ai perdu ma carte vitale dans le métro, que faire ?")
    assert found[0].code == "VITALE_PERDUE"
    assert found[0].score is not None and found[0].score > 0
    assert [a.score for a in found] == sorted((a.score or 0 for a in found), reverse=True)
    # Accents and plural forms do not matter.
    assert agent.knowledge.search("indemnites journalieres")[0].code in (
        "IJ_CALCUL",
        "IJ_ARRET_ENVOI",
    )
    assert agent.knowledge.search("zzzz qwerty") == []
    # Without text: every active article, by title; a theme narrows.
    listed = agent.knowledge.search("")
    assert len(listed) == len(KNOWLEDGE_ARTICLES)
    assert [a.title for a in listed] == sorted(a.title for a in listed)
    css = agent.knowledge.search("", theme=MailTheme.CSS)
    assert [a.code for a in css] == ["CSS_CONDITIONS"]
    full = agent.knowledge.article(articles["CEAM"])
    assert full.title == "Carte européenne d'assurance maladie"
    assert "certificat provisoire" in full.body
    assert full.body.startswith(listed[0].excerpt[:20]) or len(listed[0].excerpt) <= 160


def test_supervisor_writes_agent_reads(
    transport: Transport, articles: dict[str, int], engine: Engine
) -> None:
    supervisor = transport.open_session(Role.SUPERVISOR)
    agent = transport.open_session(Role.BACKOFFICE)
    draft = ArticleInput(
        code="tiers-payant",
        title="  Tiers payant  ",
        theme=MailTheme.REIMBURSEMENTS,
        keywords="tiers payant, avance de frais, Tiers payant",
        body="Le tiers payant dispense l'assuré d'avancer les frais.",
    )
    created = supervisor.knowledge.save_article(None, draft)
    assert (created.code, created.title) == ("TIERS_PAYANT", "Tiers payant")
    assert created.keywords == "tiers payant, avance de frais"
    assert created.updated_by == "Test supervisor"
    assert agent.knowledge.search("avancer les frais chez le médecin")[0].id == created.id

    with pytest.raises(ValidationError) as exc:
        supervisor.knowledge.save_article(None, ArticleInput("CEAM", "Doublon", None, "x", "y"))
    assert exc.value.field == "code" and "déjà" in exc.value.message
    with pytest.raises(ValidationError) as exc:
        supervisor.knowledge.save_article(created.id, ArticleInput("TP", "Titre", None, "x", " "))
    assert exc.value.field == "body"
    with pytest.raises(PermissionDenied):
        agent.knowledge.save_article(None, draft)
    with pytest.raises(NotFound):
        supervisor.knowledge.save_article(999_999, draft)

    # Retired: no longer found nor listed for agents; the editors still see it.
    supervisor.knowledge.set_active(created.id, False)
    assert agent.knowledge.search("avancer les frais") == [] or all(
        a.id != created.id for a in agent.knowledge.search("avancer les frais")
    )
    assert created.id not in {a.id for a in agent.knowledge.search("")}
    assert created.id in {a.id for a in supervisor.knowledge.search("", include_retired=True)}
    with pytest.raises(PermissionDenied):
        agent.knowledge.search("", include_retired=True)
    with session_scope(engine) as s:
        actions = list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.action.like("knowledge.%"))
                .order_by(AuditEvent.id)
            )
        )
        kept = s.scalar(select(func.count()).select_from(KnowledgeArticle))
    assert actions[0] == "knowledge.save" and "knowledge.retire" in actions
    assert kept == len(KNOWLEDGE_ARTICLES) + 1


def test_counter_has_no_knowledge_base(transport: Transport, articles: dict[str, int]) -> None:
    with pytest.raises(PermissionDenied):
        transport.open_session(Role.COUNTER).knowledge.search("vitale")
