"""The mail queue through the facade: views, Next, replies and conflicts, templates, suggestions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, select, update

from advisor_desk.backend import mail as mail_module
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.mail import record_inbound
from advisor_desk.backend.mail_dto import MailView, QueueFilter, SlaFilter
from advisor_desk.backend.orm import (
    AuditEvent,
    IssuedDocument,
    KnowledgeArticle,
    MailThread,
    Member,
    ReplyTemplate,
)
from advisor_desk.backend.seeding.reference import KNOWLEDGE_ARTICLES, REPLY_TEMPLATES
from advisor_desk.domain.enums import (
    DocumentKind,
    MailState,
    MailTheme,
    MessageDirection,
    Role,
    Sex,
)
from advisor_desk.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.text import name_key

Bound = Callable[[Role], BoundBackend]


@dataclass
class Mail:
    member_id: int
    nir: str
    threads: dict[str, int] = field(default_factory=dict)


def add_member(engine: Engine, last: str = "Martin", first: str = "Anne", order: int = 1) -> Member:
    nir = make_nir(Sex.FEMALE, date(1984, 3, 12), "69", "383", order).full
    with session_scope(engine) as s:
        member = Member(
            nir=nir,
            last_name=last,
            birth_name=last,
            first_names=first,
            name_key=name_key(last),
            first_name_key=name_key(first),
            birth_name_key=name_key(last),
            sex=Sex.FEMALE,
            birth_date=date(1984, 3, 12),
            birth_place="Lyon",
            fund_code="691",
        )
        s.add(member)
        s.flush()
        return member


def add_templates(engine: Engine) -> None:
    with session_scope(engine) as s:
        for code, title, theme, keywords, body in REPLY_TEMPLATES:
            s.add(ReplyTemplate(code=code, title=title, theme=theme, keywords=keywords, body=body))


@pytest.fixture
def mail(engine: Engine) -> Mail:
    member = add_member(engine)
    add_templates(engine)
    data = Mail(member_id=member.id, nir=member.nir)
    now = datetime.now(UTC)
    inbound = {
        # name: (theme, received hours ago, subject, body)
        "vitale": (
            MailTheme.RIGHTS_VITALE,
            30,
            "Carte Vitale",
            "Bonjour, ma carte Vitale n'est toujours pas arrivée, elle est en fabrication ?",
        ),
        "ij": (
            MailTheme.SICK_LEAVE,
            2,
            "Arrêt de travail",
            "Bonjour, mes indemnités journalières ne sont pas versées, mon employeur a envoyé "
            "l'attestation de salaire.",
        ),
        "other": (
            MailTheme.OTHER,
            5,
            "Question",
            "Bonjour, je voudrais changer mon RIB : nouvelles coordonnées bancaires, IBAN joint.",
        ),
    }
    with session_scope(engine) as s:
        for name, (theme, ago, subject, body) in inbound.items():
            data.threads[name] = record_inbound(
                s,
                member_id=member.id,
                subject=subject,
                body=body,
                theme=theme,
                at=now - timedelta(hours=ago),
            )
    return data


def audit(engine: Engine, action: str) -> list[AuditEvent]:
    with session_scope(engine) as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_unassigned_view_most_urgent_first(bound: Bound, mail: Mail) -> None:
    agent = bound(Role.BACKOFFICE)
    page = agent.mail.list_queue(MailView.UNASSIGNED)
    assert page.total == 3
    dues = [r.sla.due_at for r in page.rows]
    assert dues == sorted(d for d in dues if d is not None)
    assert all(r.state is MailState.NEW and r.assigned_agent_id is None for r in page.rows)
    only = agent.mail.list_queue(MailView.UNASSIGNED, QueueFilter(theme=MailTheme.OTHER))
    assert [r.id for r in only.rows] == [mail.threads["other"]]
    old = agent.mail.list_queue(MailView.UNASSIGNED, QueueFilter(min_age_hours=24))
    assert [r.id for r in old.rows] == [mail.threads["vitale"]]


def _issue(engine: Engine, member_id: int, number: str) -> int:
    with session_scope(engine) as s:
        doc = IssuedDocument(
            number=number,
            verification_code="ABCD2345",
            member_id=member_id,
            kind=DocumentKind.RIGHTS_CERTIFICATE,
            content_sha256="0" * 64,
        )
        s.add(doc)
        s.flush()
        return doc.id


def test_reply_attaches_a_document_of_this_member_only(
    bound: Bound, mail: Mail, engine: Engine
) -> None:
    agent = bound(Role.BACKOFFICE)
    thread_id = mail.threads["vitale"]
    other = add_member(engine, last="Durand", first="Paul", order=2)
    mine = _issue(engine, mail.member_id, "ATT-2026-000001")
    theirs = _issue(engine, other.id, "ATT-2026-000002")
    opened = agent.mail.take(thread_id)
    with pytest.raises(ValidationError) as exc:
        agent.mail.reply(thread_id, "Voici le document.", opened.version, document_id=theirs)
    assert exc.value.field == "document"
    after = agent.mail.open_thread(thread_id)
    assert after.version == opened.version  # nothing sent, nothing changed
    agent.mail.reply(thread_id, "Voici votre attestation.", opened.version, document_id=mine)
    sent = agent.mail.open_thread(thread_id).messages[-1]
    assert sent.body == "Voici votre attestation."
    assert sent.document is not None
    assert (sent.document.id, sent.document.number) == (mine, "ATT-2026-000001")
    assert sent.document.title == "Attestation de droits"
    # Replying is the mail right; attaching a member's document also needs the documents right.
    supervisor = bound(Role.SUPERVISOR)
    again = supervisor.mail.open_thread(mail.threads["ij"])
    with pytest.raises(PermissionDenied):
        supervisor.mail.reply(again.id, "Texte", again.version, document_id=mine)


def test_thread_shows_a_summary_of_the_member(bound: Bound, mail: Mail) -> None:
    detail = bound(Role.BACKOFFICE).mail.open_thread(mail.threads["ij"])
    summary = detail.member
    assert summary.name == "Anne Martin"
    assert summary.birth_date == date(1984, 3, 12)
    assert summary.open_threads == 2  # the two other threads of the fixture
    assert summary.open_requests == 0
    assert mail.nir not in summary.nir_masked.replace(" ", "")  # masked, not the NIR


def test_member_threads_for_the_member_file(bound: Bound, mail: Mail, engine: Engine) -> None:
    counter = bound(Role.COUNTER)  # no mail right: the member file's right is enough
    rows = counter.mail.member_threads(mail.member_id)
    assert {r.id for r in rows} == set(mail.threads.values())
    times = [r.last_message_at for r in rows]
    assert times == sorted(times, reverse=True)
    detail = counter.mail.read_thread(mail.threads["ij"])
    assert detail.messages and "indemnités" in detail.messages[0].body
    with pytest.raises(NotFound):
        counter.mail.member_threads(999_999)
    # Reading is audited against the member, like any reading of the file.
    actions = {e.action for e in audit(engine, "mail.member_threads")} | {
        e.action for e in audit(engine, "mail.read_thread")
    }
    assert actions == {"mail.member_threads", "mail.read_thread"}
    assert all(e.member_id == mail.member_id for e in audit(engine, "mail.read_thread"))
    with pytest.raises(PermissionDenied):
        bound(Role.ADMIN).mail.member_threads(mail.member_id)


def test_sla_and_office_filters(
    login: Callable[[Role], BoundBackend],
    mail: Mail,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    noon = datetime(2026, 11, 25, 11, 0, tzinfo=UTC)  # 12:00 in Paris
    monkeypatch.setattr(mail_module, "_now", lambda: noon)
    due = {
        "vitale": noon - timedelta(hours=1),  # breached
        "ij": noon + timedelta(hours=10),  # 22:00 in Paris: still today
        "other": noon + timedelta(hours=13),  # 01:00 tomorrow in Paris
    }
    with session_scope(engine) as s:
        for name, at in due.items():
            thread = s.get(MailThread, mail.threads[name])
            assert thread is not None
            thread.sla_due_at = at
    agent = login(Role.BACKOFFICE)

    def ids(sla: SlaFilter) -> list[int]:
        page = agent.mail.list_queue(MailView.UNASSIGNED, QueueFilter(sla=sla))
        return [r.id for r in page.rows]

    assert ids(SlaFilter.BREACHED) == [mail.threads["vitale"]]
    assert ids(SlaFilter.DUE_TODAY) == [mail.threads["ij"]]
    assert ids(SlaFilter.ON_TIME) == [mail.threads["other"]]
    assert ids(SlaFilter.PAUSED) == []
    counts = agent.mail.queue_counts(QueueFilter(sla=SlaFilter.BREACHED))
    assert counts.unassigned == 1
    # Offices: the list for the filter, and the filter itself.
    offices = agent.mail.offices()
    assert [o.name for o in offices] == ["Accueil de test"]
    with session_scope(engine) as s:
        thread = s.get(MailThread, mail.threads["ij"])
        assert thread is not None
        thread.office_id = offices[0].id
    only = agent.mail.list_queue(MailView.UNASSIGNED, QueueFilter(office_id=offices[0].id))
    assert [r.id for r in only.rows] == [mail.threads["ij"]]


def test_claim_next_takes_the_earliest_deadline_then_runs_dry(
    bound: Bound, mail: Mail, engine: Engine
) -> None:
    agent = bound(Role.BACKOFFICE)
    expected = [r.id for r in agent.mail.list_queue(MailView.UNASSIGNED).rows]
    got = []
    while (detail := agent.mail.claim_next()) is not None:
        assert detail.state is MailState.OPEN
        assert detail.assigned_agent_id == agent.advisor.id
        assert detail.member.id == mail.member_id
        got.append(detail.id)
    assert got == expected
    counts = agent.mail.queue_counts()
    assert (counts.unassigned, counts.mine, counts.escalated, counts.all) == (0, 3, None, None)
    claims = audit(engine, "mail.claim_next")
    assert sorted(e.member_id or 0 for e in claims if e.target) == [mail.member_id] * 3


def test_claim_next_by_theme(bound: Bound, mail: Mail) -> None:
    agent = bound(Role.BACKOFFICE)
    detail = agent.mail.claim_next(MailTheme.OTHER)
    assert detail is not None and detail.id == mail.threads["other"]
    assert agent.mail.claim_next(MailTheme.OTHER) is None


def test_open_thread_masks_the_nir_and_audits_the_member(
    bound: Bound, mail: Mail, engine: Engine
) -> None:
    detail = bound(Role.BACKOFFICE).mail.open_thread(mail.threads["vitale"])
    assert detail.member.name == "Anne Martin"
    assert mail.nir not in detail.member.nir_masked
    assert detail.member.nir_masked.endswith(f"{mail.nir[10:13]} {mail.nir[13:]}")
    assert [m.direction for m in detail.messages] == [MessageDirection.INBOUND]
    assert [e.member_id for e in audit(engine, "mail.open_thread")] == [mail.member_id]


def test_reply_pauses_the_clock_and_waits_for_the_member(
    bound: Bound, mail: Mail, engine: Engine
) -> None:
    agent = bound(Role.BACKOFFICE)
    opened = agent.mail.claim_next()
    assert opened is not None and opened.sla.due_at is not None
    result = agent.mail.reply(opened.id, "Bonjour, c'est en cours.", opened.version)
    assert result.state is MailState.PENDING and result.version > opened.version
    after = agent.mail.open_thread(opened.id)
    assert after.state is MailState.PENDING and after.version == result.version
    assert after.first_response_at == result.first_response_at is not None
    assert after.sla.paused and after.sla.due_at is None
    assert after.messages[-1].direction is MessageDirection.OUTBOUND
    assert after.messages[-1].author_name == agent.advisor.full_name
    assert [r.id for r in agent.mail.list_queue(MailView.PENDING).rows] == [opened.id]
    # The member writes back: back in my queue with a follow-up deadline.
    with session_scope(engine) as s:
        record_inbound(s, member_id=mail.member_id, body="Merci, et ensuite ?", thread_id=opened.id)
    again = agent.mail.open_thread(opened.id)
    assert again.state is MailState.OPEN and again.sla.due_at is not None
    closed = agent.mail.reply(opened.id, "C'est fait.", again.version, close=True)
    assert closed.state is MailState.CLOSED and closed.closed_at is not None
    assert closed.first_response_at == result.first_response_at
    assert [r.id for r in agent.mail.list_queue(MailView.CLOSED).rows] == [opened.id]
    assert len(audit(engine, "mail.reply")) == 2


def test_reply_on_a_changed_thread_is_a_conflict(bound: Bound, mail: Mail, engine: Engine) -> None:
    agent = bound(Role.BACKOFFICE)
    opened = agent.mail.claim_next()
    assert opened is not None
    # While the agent types, the member sends another message.
    with session_scope(engine) as s:
        record_inbound(s, member_id=mail.member_id, body="J'oubliais…", thread_id=opened.id)
    with pytest.raises(ConflictError, match="a changé"):
        agent.mail.reply(opened.id, "Réponse", opened.version)
    fresh = agent.mail.open_thread(opened.id)
    assert [m.direction for m in fresh.messages].count(MessageDirection.OUTBOUND) == 0
    assert agent.mail.reply(opened.id, "Réponse", fresh.version).state is MailState.PENDING


def test_reply_to_a_colleagues_thread_is_refused(bound: Bound, mail: Mail) -> None:
    supervisor = bound(Role.SUPERVISOR)
    theirs = supervisor.mail.claim_next()
    assert theirs is not None
    agent = bound(Role.BACKOFFICE)
    with pytest.raises(ConflictError, match="traite"):
        agent.mail.reply(theirs.id, "Réponse", theirs.version)
    supervisor.mail.reply(theirs.id, "Réponse", theirs.version, close=True)
    with pytest.raises(ConflictError, match="clos"):
        supervisor.mail.open_thread(theirs.id) and supervisor.mail.reply(
            theirs.id, "Encore", supervisor.mail.open_thread(theirs.id).version
        )
    with pytest.raises(ValidationError):
        agent.mail.reply(theirs.id, "   ", theirs.version)


def test_release_transfer_escalate(bound: Bound, mail: Mail) -> None:
    agent = bound(Role.BACKOFFICE)
    supervisor = bound(Role.SUPERVISOR)
    first = agent.mail.claim_next()
    assert first is not None
    agent.mail.release(first.id)
    assert agent.mail.queue_counts().unassigned == 3
    again = agent.mail.take(first.id)
    assert again.assigned_agent_id == agent.advisor.id
    with pytest.raises(ConflictError):
        supervisor.mail.take(first.id)
    agent.mail.transfer(first.id, "Relève du superviseur", agent_id=supervisor.advisor.id)
    moved = supervisor.mail.open_thread(first.id)
    assert moved.assigned_agent_id == supervisor.advisor.id
    assert "Relève du superviseur" in moved.messages[-1].body
    assert moved.messages[-1].direction is MessageDirection.NOTE
    # An agent cannot move a colleague's thread; a supervisor can.
    with pytest.raises(PermissionDenied):
        agent.mail.transfer(first.id, "Je reprends", agent_id=agent.advisor.id)
    supervisor.mail.transfer(first.id, "À toi", agent_id=agent.advisor.id)
    agent.mail.escalate(first.id, "Réclamation : avis du superviseur")
    with pytest.raises(PermissionDenied):
        agent.mail.list_queue(MailView.ESCALATED)
    escalated = supervisor.mail.list_queue(MailView.ESCALATED)
    assert [r.id for r in escalated.rows] == [first.id]
    assert first.id not in [r.id for r in agent.mail.list_queue(MailView.UNASSIGNED).rows]
    with pytest.raises(PermissionDenied):
        agent.mail.take(first.id)
    assert supervisor.mail.take(first.id).escalated
    counts = supervisor.mail.queue_counts()
    assert (counts.escalated, counts.all) == (1, 3)


def test_notes_stay_internal_and_are_audited(bound: Bound, mail: Mail, engine: Engine) -> None:
    agent = bound(Role.BACKOFFICE)
    agent.mail.add_note(mail.threads["ij"], "Appeler l'employeur")
    detail = agent.mail.open_thread(mail.threads["ij"])
    assert detail.messages[-1].direction is MessageDirection.NOTE
    assert [e.member_id for e in audit(engine, "mail.add_note")] == [mail.member_id]


def test_counter_staff_have_no_mail(bound: Bound, mail: Mail, engine: Engine) -> None:
    counter = bound(Role.COUNTER)
    with pytest.raises(PermissionDenied):
        counter.mail.claim_next()
    with pytest.raises(PermissionDenied):
        counter.mail.open_thread(mail.threads["ij"])
    assert len(audit(engine, "mail.open_thread")) == 1  # the refusal is on the trail


def test_unknown_thread(bound: Bound, mail: Mail) -> None:
    with pytest.raises(NotFound):
        bound(Role.BACKOFFICE).mail.open_thread(999_999)


def test_render_template_fills_the_member_and_agent(bound: Bound, mail: Mail) -> None:
    agent = bound(Role.BACKOFFICE)
    tpl = next(
        t for t in agent.mail.list_templates("attestation") if t.code == "ATTESTATION_DROITS"
    )
    text = agent.mail.render_template(tpl.id, mail.threads["vitale"])
    assert text.startswith("Bonjour Anne Martin,")
    assert mail.nir[-5:] in text and mail.nir not in text
    assert agent.advisor.full_name in text and "{" not in text


def test_unknown_template_variable_is_reported_not_sent(
    bound: Bound, mail: Mail, engine: Engine
) -> None:
    with session_scope(engine) as s:
        s.add(
            ReplyTemplate(
                code="BROKEN",
                title="Modèle cassé",
                theme=None,
                keywords="",
                body="Bonjour {member_name}, dossier {numero_dossier}.",
            )
        )
    agent = bound(Role.BACKOFFICE)
    broken = agent.mail.list_templates("cassé")
    assert [t.code for t in broken] == ["BROKEN"]
    with pytest.raises(ValidationError, match=r"\{numero_dossier\}"):
        agent.mail.render_template(broken[0].id, mail.threads["ij"])


@pytest.mark.parametrize(
    ("thread", "expected"),
    [("vitale", "VITALE_EN_COURS"), ("ij", "IJ_PIECES"), ("other", "RIB_OK")],
)
def test_suggestions_rank_the_expected_template_first(
    bound: Bound, mail: Mail, thread: str, expected: str
) -> None:
    result = bound(Role.BACKOFFICE).mail.suggest(mail.threads[thread])
    assert result.suggestions, "no suggestion"
    assert result.suggestions[0].code == expected
    scores = [x.score for x in result.suggestions]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("thread", "expected"),
    [("vitale", "VITALE_PHOTO_NORMES"), ("ij", "IJ_CALCUL"), ("other", "RIB_CHANGEMENT")],
)
def test_suggestions_include_knowledge_articles(
    bound: Bound, mail: Mail, engine: Engine, thread: str, expected: str
) -> None:
    with session_scope(engine) as s:
        for code, title, theme, keywords, body in KNOWLEDGE_ARTICLES:
            s.add(
                KnowledgeArticle(code=code, title=title, theme=theme, keywords=keywords, body=body)
            )
    result = bound(Role.BACKOFFICE).mail.suggest(mail.threads[thread])
    codes = [a.code for a in result.articles]
    assert expected in codes[:2], codes
    scores = [a.score or 0 for a in result.articles]
    assert scores == sorted(scores, reverse=True)
    # A retired article is no longer suggested.
    with session_scope(engine) as s:
        s.execute(
            update(KnowledgeArticle).where(KnowledgeArticle.code == expected).values(active=False)
        )
    again = bound(Role.BACKOFFICE).mail.suggest(mail.threads[thread])
    assert expected not in [a.code for a in again.articles]


def test_a_thread_filed_under_other_gets_a_theme(bound: Bound, mail: Mail) -> None:
    agent = bound(Role.BACKOFFICE)
    result = agent.mail.suggest(mail.threads["other"])
    assert result.suggested_theme is MailTheme.ADDRESS_BANK
    assert agent.mail.suggest(mail.threads["ij"]).suggested_theme is None
    agent.mail.set_theme(mail.threads["other"], MailTheme.ADDRESS_BANK)
    assert agent.mail.open_thread(mail.threads["other"]).theme is MailTheme.ADDRESS_BANK


def test_set_theme_moves_the_deadline(bound: Bound, mail: Mail, engine: Engine) -> None:
    agent = bound(Role.BACKOFFICE)
    before = agent.mail.open_thread(mail.threads["other"]).sla.due_at
    agent.mail.set_theme(mail.threads["other"], MailTheme.SICK_LEAVE)
    after = agent.mail.open_thread(mail.threads["other"]).sla.due_at
    assert before is not None and after is not None and after < before
    with session_scope(engine) as s:
        assert s.get(MailThread, mail.threads["other"]).sla_due_at == after  # type: ignore[union-attr]
