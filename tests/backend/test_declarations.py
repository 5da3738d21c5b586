"""Declarations service: filing each kind, its effect on acceptance, the workflow, races, estimates."""

from __future__ import annotations

import csv
import io
import json
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest
from sqlalchemy import Engine, func, select

from advisor_desk.backend import declarations as declarations_module
from advisor_desk.backend.declarations import today_paris
from advisor_desk.backend.declarations_dto import ExportFormat, QueueView
from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import (
    Address,
    AuditEvent,
    BankAccount,
    ComplementaryInsurer,
    CoverPeriod,
    Declaration,
    DeductibleEntry,
    Dependent,
    Member,
    Office,
    VitaleCard,
)
from advisor_desk.domain.calendar import add_business_days
from advisor_desk.domain.enums import (
    CoverKind,
    DeclarationKind,
    DeclarationState,
    DeductibleKind,
    LedgerEntryKind,
    Relationship,
    Role,
    Sex,
    VitaleStatus,
)
from advisor_desk.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from advisor_desk.domain.iban import make_french_iban
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.text import name_key

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from domain.test_declarations_samples import OTHER_NIR, valid_forms

if TYPE_CHECKING:
    from conftest import Transport

K = DeclarationKind
S = DeclarationState
OLD_IBAN = make_french_iban("20041", "00001", "00000000001")


@dataclass(frozen=True)
class Family:
    member_id: int
    other_parent_id: int
    child_id: int


def add_family(engine: Engine) -> Family:
    """Marie Durand (born Lefèvre), her son Léo (rank 02), a card, an address, an IBAN, a debt."""
    with session_scope(engine) as s:
        s.add_all(
            [
                ComplementaryInsurer(code="MGEN", name="MGEN"),
                ComplementaryInsurer(code="HARMONIE", name="Harmonie Mutuelle"),
            ]
        )

        def member(nir: str, last: str, birth: str, first: str, sex: Sex, born: date) -> Member:
            m = Member(
                nir=nir,
                last_name=last,
                birth_name=birth,
                first_names=first,
                name_key=name_key(last),
                first_name_key=name_key(first),
                birth_name_key=name_key(birth),
                sex=sex,
                birth_date=born,
                birth_place="Lyon",
                fund_code="691",
            )
            s.add(m)
            return m

        marie = member(
            make_nir(Sex.FEMALE, date(1990, 5, 4), "69", "123", 12).full,
            "Durand",
            "Lefèvre",
            "Marie",
            Sex.FEMALE,
            date(1990, 5, 4),
        )
        paul = member(OTHER_NIR, "Durand", "Durand", "Paul", Sex.MALE, date(1985, 3, 2))
        s.flush()
        leo = Dependent(
            member_id=marie.id,
            rank=2,
            relationship=Relationship.CHILD,
            last_name="Durand",
            first_names="Léo",
            name_key="durand",
            first_name_key="leo",
            sex=Sex.MALE,
            birth_date=date(2018, 9, 1),
        )
        spouse = Dependent(
            member_id=marie.id,
            rank=3,
            relationship=Relationship.SPOUSE,
            last_name="Martin",
            first_names="Paul",
            name_key="martin",
            first_name_key="paul",
            sex=Sex.MALE,
            birth_date=date(1988, 1, 1),
        )
        s.add_all([leo, spouse])
        s.add(
            Address(
                member_id=marie.id,
                line1="1 rue Ancienne",
                postcode="69001",
                city="LYON",
                valid_from=date(2015, 1, 1),
            )
        )
        s.add(
            BankAccount(
                member_id=marie.id,
                iban=OLD_IBAN,
                bic="CCBPFRPP",
                holder="Marie Durand",
                valid_from=date(2015, 1, 1),
            )
        )
        s.add(
            VitaleCard(
                member_id=marie.id,
                serial="VIT0000000001",
                status=VitaleStatus.ACTIVE,
                issued_on=date(2020, 1, 1),
                status_changed_on=date(2020, 1, 1),
            )
        )
        year = today_paris().year
        for kind, cents in ((DeductibleKind.PARTICIPATION, 1000), (DeductibleKind.FRANCHISE, 500)):
            s.add(
                DeductibleEntry(
                    member_id=marie.id,
                    year=year,
                    kind=kind,
                    entry=LedgerEntryKind.OWED,
                    amount_cents=cents,
                    on=date(year, 1, 10),
                )
            )
        s.flush()
        return Family(marie.id, paul.id, leo.id)


@pytest.fixture
def family(engine: Engine) -> Family:
    return add_family(engine)


def forms() -> dict[DeclarationKind, dict[str, str]]:
    return valid_forms(today_paris())


def snapshot(engine: Engine, member_id: int) -> dict[str, Any]:
    """Everything an effect may touch, as comparable data."""
    with session_scope(engine, readonly=True) as s:
        m = s.get(Member, member_id)
        assert m is not None

        def rows(model: Any, *cols: str) -> list[tuple[Any, ...]]:
            q = select(model).where(model.member_id == member_id).order_by(model.id)
            return [tuple(getattr(x, c) for c in cols) for x in s.scalars(q)]

        return {
            "name": (m.last_name, m.complementary_insurer_id, m.complementary_since),
            "addresses": rows(Address, "line1", "postcode", "valid_from", "valid_to"),
            "banks": rows(BankAccount, "iban", "valid_from", "valid_to"),
            "cards": rows(VitaleCard, "serial", "status"),
            "dependents": rows(Dependent, "rank", "first_names", "other_parent_member_id"),
            "covers": rows(CoverPeriod, "kind", "start", "end", "monthly_participation_cents"),
            "ledger": rows(DeductibleEntry, "kind", "entry", "amount_cents"),
        }


def to_accepted(agent: BoundBackend, declaration_id: int) -> Any:
    d = agent.declarations.detail(declaration_id)
    d = agent.declarations.transition(d.id, S.IN_INSTRUCTION, None, d.version)
    return agent.declarations.transition(d.id, S.ACCEPTED, "Conforme", d.version)


# --------------------------------------------------------------------------- filing


def test_file_registers_number_documents_events_estimate(
    transport: Transport, family: Family, engine: Engine
) -> None:
    counter = transport.open_session(Role.COUNTER)
    d = counter.declarations.file(family.member_id, K.BANK_DETAILS, forms()[K.BANK_DETAILS])
    year = today_paris().year
    assert d.number == f"D-{year}-000001"
    assert d.state is S.RECEIVED and d.version == 1
    assert d.member_name == "Marie DURAND"
    assert d.missing == ("Relevé d'identité bancaire (RIB) au nom de l'assuré",)
    assert [e.to_state for e in d.events] == [S.RECEIVED]
    assert d.events[0].advisor_name == "Test counter"
    # No history yet: the published delay (5 business days for bank details).
    assert d.estimated_on == add_business_days(today_paris(), 5)
    assert json.loads(d.payload_json)["iban"] == forms()[K.BANK_DETAILS]["iban"]
    assert ("IBAN", forms()[K.BANK_DETAILS]["iban"]) in [(x.label, x.value) for x in d.summary]
    again = counter.declarations.file(family.member_id, K.ADDRESS_CHANGE, forms()[K.ADDRESS_CHANGE])
    assert again.number == f"D-{year}-000002"
    with session_scope(engine) as s:
        audit = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "declarations.file")))
    assert [a.member_id for a in audit] == [family.member_id, family.member_id]
    rows = counter.declarations.member_declarations(family.member_id)
    assert [r.number for r in rows] == [again.number, d.number]


def test_file_refuses_bad_form_with_the_field(transport: Transport, family: Family) -> None:
    counter = transport.open_session(Role.COUNTER)
    bad = {**forms()[K.ADDRESS_CHANGE], "postcode": "6900"}
    with pytest.raises(ValidationError) as exc:
        counter.declarations.file(family.member_id, K.ADDRESS_CHANGE, bad)
    assert exc.value.field == "postcode"
    with pytest.raises(ValidationError) as exc:
        counter.declarations.file(
            family.member_id,
            K.DEDUCTIBLE_PAYMENT,
            {**forms()[K.DEDUCTIBLE_PAYMENT], "amount": "16"},
        )
    assert exc.value.field == "amount" and "15,00" in exc.value.message


def test_permissions(transport: Transport, family: Family) -> None:
    counter = transport.open_session(Role.COUNTER)
    d = counter.declarations.file(family.member_id, K.BANK_DETAILS, forms()[K.BANK_DETAILS])
    with pytest.raises(PermissionDenied):
        counter.declarations.transition(d.id, S.IN_INSTRUCTION, None, d.version)
    with pytest.raises(PermissionDenied):
        transport.open_session(Role.SUPERVISOR).declarations.file(
            family.member_id, K.BANK_DETAILS, forms()[K.BANK_DETAILS]
        )
    # An agent takes a request for themself, but may not hand it to someone else.
    agent = transport.open_session(Role.BACKOFFICE)
    supervisor = transport.open_session(Role.SUPERVISOR)
    taken = agent.declarations.assign(d.id, agent.advisor.id, d.version)
    assert taken.assigned_agent_id == agent.advisor.id
    with pytest.raises(PermissionDenied):
        agent.declarations.assign(d.id, supervisor.advisor.id, taken.version)
    given = supervisor.declarations.assign(d.id, supervisor.advisor.id, taken.version)
    assert given.assigned_agent_name == "Test supervisor"
    with pytest.raises(ValidationError):  # a counter advisor cannot process declarations
        supervisor.declarations.assign(d.id, counter.advisor.id, given.version)


# --------------------------------------------------------------------------- effects


def _check_effect(
    kind: DeclarationKind, before: dict[str, Any], after: dict[str, Any], f: Family
) -> None:
    today = today_paris()
    changed = {k for k in before if before[k] != after[k]}
    expected = {
        K.VITALE_ORDER: {"cards"},
        K.VITALE_LOST: {"cards"},
        K.BANK_DETAILS: {"banks"},
        K.CSS_REQUEST: {"covers"},
        K.EHIC_REQUEST: set(),
        K.ADDRESS_CHANGE: {"addresses"},
        K.BIRTH: {"dependents"},
        K.NAME_CHANGE: {"name"},
        K.CHILD_OTHER_PARENT: {"dependents"},
        K.THIRD_PARTY_ACCIDENT: set(),
        K.COMPLEMENTARY_CHOICE: {"name"},
        K.DEDUCTIBLE_PAYMENT: {"ledger"},
    }[kind]
    assert changed == expected
    if kind is K.VITALE_ORDER:
        assert after["cards"][-1][1] is VitaleStatus.ORDERED and len(after["cards"]) == 2
    elif kind is K.VITALE_LOST:
        assert after["cards"][0] == ("VIT0000000001", VitaleStatus.STOLEN)
        assert after["cards"][1][1] is VitaleStatus.ORDERED
    elif kind is K.BANK_DETAILS:
        assert after["banks"][0] == (OLD_IBAN, date(2015, 1, 1), today)
        assert after["banks"][1] == (forms()[kind]["iban"], today, None)
    elif kind is K.CSS_REQUEST:
        [(cover, start, end, monthly)] = after["covers"]
        assert cover is CoverKind.CSS_FREE and monthly == 0
        assert (
            start.day == 1
            and start > today
            and end == date(start.year + 1, start.month, 1) - timedelta(days=1)
        )
    elif kind is K.ADDRESS_CHANGE:
        assert after["addresses"][0][3] == today
        assert after["addresses"][1] == ("12 rue des Lilas", "69003", today, None)
    elif kind is K.BIRTH:
        assert after["dependents"][-1] == (4, "Zoé", None)
    elif kind is K.NAME_CHANGE:
        assert after["name"][0] == "BERNARD"
    elif kind is K.CHILD_OTHER_PARENT:
        assert after["dependents"][0] == (2, "Léo", f.other_parent_id)
    elif kind is K.COMPLEMENTARY_CHOICE:
        assert after["name"][1] is not None and after["name"][2] == today
    elif kind is K.DEDUCTIBLE_PAYMENT:
        # 10 € paid: the participation (older first within the year) before the franchise.
        assert after["ledger"][2:] == [
            (DeductibleKind.PARTICIPATION, LedgerEntryKind.PAID, 1000),
        ]


def test_each_kind_accepted_applies_its_effect(
    transport: Transport, family: Family, engine: Engine
) -> None:
    # One database for the twelve kinds (a database per kind costs seconds on PostgreSQL):
    # each effect is checked as the difference it makes to the member file.
    counter = transport.open_session(Role.COUNTER)
    agent = transport.open_session(Role.BACKOFFICE)
    for kind in DeclarationKind:
        d = counter.declarations.file(family.member_id, kind, forms()[kind])
        before = snapshot(engine, family.member_id)
        done = to_accepted(agent, d.id)
        assert done.state is S.ACCEPTED and done.completed_at is not None, kind
        assert done.events[-1].to_state is S.ACCEPTED
        assert done.events[-1].comment and done.events[-1].comment.startswith("Conforme")
        _check_effect(kind, before, snapshot(engine, family.member_id), family)


def test_each_kind_refused_changes_nothing(
    login: Callable[[Role], BoundBackend], family: Family, engine: Engine
) -> None:
    counter, agent = login(Role.COUNTER), login(Role.BACKOFFICE)
    for kind in DeclarationKind:
        d = counter.declarations.file(family.member_id, kind, forms()[kind])
        before = snapshot(engine, family.member_id)
        d = agent.declarations.transition(d.id, S.IN_INSTRUCTION, None, d.version)
        with pytest.raises(ValidationError):
            agent.declarations.transition(d.id, S.REFUSED, "", d.version)
        d = agent.declarations.transition(d.id, S.REFUSED, "Pièces illisibles", d.version)
        assert d.state is S.REFUSED and d.decision_reason == "Pièces illisibles"
        assert snapshot(engine, family.member_id) == before, kind


def test_css_above_the_ceiling_cannot_be_accepted(
    login: Callable[[Role], BoundBackend], family: Family, engine: Engine
) -> None:
    from domain.test_declarations_samples import income_lines

    form = {"household": "", "incomes": income_lines(today_paris(), "3000")}
    d = login(Role.COUNTER).declarations.file(family.member_id, K.CSS_REQUEST, form)
    assert json.loads(d.payload_json)["eligibility"] == "refused"
    agent = login(Role.BACKOFFICE)
    d = agent.declarations.transition(d.id, S.IN_INSTRUCTION, None, d.version)
    before = snapshot(engine, family.member_id)
    with pytest.raises(ValidationError) as exc:
        agent.declarations.transition(d.id, S.ACCEPTED, None, d.version)
    assert "plafond" in exc.value.message
    assert snapshot(engine, family.member_id) == before
    assert agent.declarations.detail(d.id).state is S.IN_INSTRUCTION  # rolled back as a whole


# --------------------------------------------------------------------------- workflow


def test_state_machine_through_the_service(
    login: Callable[[Role], BoundBackend], family: Family
) -> None:
    agent = login(Role.BACKOFFICE)
    d = login(Role.COUNTER).declarations.file(
        family.member_id, K.VITALE_ORDER, forms()[K.VITALE_ORDER]
    )
    for illegal in (S.RECEIVED, S.WAITING_MEMBER, S.ACCEPTED, S.REFUSED):
        with pytest.raises(ValidationError) as exc:
            agent.declarations.transition(d.id, illegal, "motif", d.version, ["x"])
        assert exc.value.field in ("to_state", "missing")
    d = agent.declarations.transition(d.id, S.IN_INSTRUCTION, None, d.version)
    assert d.assigned_agent_id == agent.advisor.id  # taking it into instruction assigns it
    with pytest.raises(ValidationError) as exc:
        agent.declarations.transition(d.id, S.WAITING_MEMBER, None, d.version, [])
    assert exc.value.field == "missing"
    d = agent.declarations.transition(d.id, S.WAITING_MEMBER, None, d.version, ["Photo lisible"])
    assert d.waiting_since is not None
    assert "Photo lisible" in d.missing
    assert S.IN_INSTRUCTION in d.allowed and S.ACCEPTED not in d.allowed
    d = agent.declarations.transition(d.id, S.IN_INSTRUCTION, "Photo reçue", d.version)
    assert d.waiting_since is None
    d = agent.declarations.transition(d.id, S.CLOSED, "Doublon", d.version)
    with pytest.raises(ValidationError):
        agent.declarations.transition(d.id, S.IN_INSTRUCTION, None, d.version)
    d = agent.declarations.transition(d.id, S.IN_INSTRUCTION, "Classée par erreur", d.version)
    assert d.completed_at is None
    d = agent.declarations.transition(d.id, S.ACCEPTED, None, d.version)
    assert d.allowed == ()
    with pytest.raises(ValidationError) as exc:
        agent.declarations.transition(d.id, S.IN_INSTRUCTION, "revoir", d.version)
    assert "nouvelle demande" in exc.value.message
    assert [e.to_state for e in d.events] == [
        S.RECEIVED,
        S.IN_INSTRUCTION,
        S.WAITING_MEMBER,
        S.IN_INSTRUCTION,
        S.CLOSED,
        S.IN_INSTRUCTION,
        S.ACCEPTED,
    ]


def test_waiting_stops_the_clock(
    login: Callable[[Role], BoundBackend], family: Family, engine: Engine
) -> None:
    agent = login(Role.BACKOFFICE)
    d = login(Role.COUNTER).declarations.file(
        family.member_id, K.BANK_DETAILS, forms()[K.BANK_DETAILS]
    )
    d = agent.declarations.transition(d.id, S.IN_INSTRUCTION, None, d.version)
    d = agent.declarations.transition(d.id, S.WAITING_MEMBER, None, d.version, ["RIB"])
    estimated = d.estimated_on
    assert estimated is not None
    # The member took three business days to answer.
    with session_scope(engine) as s:
        row = s.get(Declaration, d.id)
        assert row is not None
        back = add_business_days(today_paris(), -3)
        row.waiting_since = datetime(back.year, back.month, back.day, 12, tzinfo=UTC)
        version = row.version + 1
    d = agent.declarations.transition(d.id, S.IN_INSTRUCTION, "RIB reçu", version)
    assert d.waiting_days == 3
    assert d.estimated_on == add_business_days(estimated, 3)


def test_queue_views_filters_and_overdue(
    login: Callable[[Role], BoundBackend], family: Family, engine: Engine
) -> None:
    counter, agent = login(Role.COUNTER), login(Role.BACKOFFICE)
    a = counter.declarations.file(family.member_id, K.BANK_DETAILS, forms()[K.BANK_DETAILS])
    b = counter.declarations.file(family.member_id, K.ADDRESS_CHANGE, forms()[K.ADDRESS_CHANGE])
    c = counter.declarations.file(family.member_id, K.EHIC_REQUEST, forms()[K.EHIC_REQUEST])
    agent.declarations.assign(b.id, agent.advisor.id, b.version)
    with session_scope(engine) as s:
        row = s.get(Declaration, a.id)
        assert row is not None
        row.filed_at = datetime.now(UTC) - timedelta(days=40)
        row.estimated_on = today_paris() - timedelta(days=20)
    q = agent.declarations.queue
    assert [r.number for r in q(QueueView.ALL)] == [a.number, b.number, c.number]
    assert [r.id for r in q(QueueView.UNASSIGNED)] == [a.id, c.id]
    assert [r.id for r in q(QueueView.MINE)] == [b.id]
    assert [r.id for r in q(QueueView.ALL, kind=K.EHIC_REQUEST)] == [c.id]
    assert [r.id for r in q(QueueView.ALL, min_age_days=30)] == [a.id]
    overdue = {r.id: r.overdue for r in q(QueueView.ALL)}
    assert overdue == {a.id: True, b.id: False, c.id: False}
    office = agent.advisor.office_id
    assert len(q(QueueView.ALL, office_id=office)) == 3
    assert q(QueueView.ALL, office_id=(office or 0) + 999) == []
    agent.declarations.transition(c.id, S.CLOSED, "Doublon", c.version)
    assert [r.id for r in q(QueueView.ALL)] == [a.id, b.id]
    assert [r.id for r in q(QueueView.ALL, state=S.CLOSED)] == [c.id]


def test_offices_for_the_queue_filter(
    login: Callable[[Role], BoundBackend], engine: Engine
) -> None:
    agent = login(Role.BACKOFFICE)
    with session_scope(engine) as s:
        s.add(
            Office(
                code="T99",
                name="Accueil fermé",
                address_line="2 rue Neuve",
                postcode="69001",
                city="Lyon",
                latitude=45.76,
                longitude=4.83,
                phone="3646",
                active=False,
            )
        )
    offices = agent.declarations.offices()
    assert [(o.name, o.city) for o in offices] == [("Accueil de test", "Lyon")]
    assert offices[0].id == agent.advisor.office_id
    with pytest.raises(PermissionDenied):
        login(Role.COUNTER).declarations.offices()


def test_export_queue_as_csv_and_xlsx(
    login: Callable[[Role], BoundBackend], family: Family, engine: Engine
) -> None:
    counter, agent = login(Role.COUNTER), login(Role.BACKOFFICE)
    a = counter.declarations.file(family.member_id, K.BANK_DETAILS, forms()[K.BANK_DETAILS])
    b = counter.declarations.file(family.member_id, K.ADDRESS_CHANGE, forms()[K.ADDRESS_CHANGE])
    with session_scope(engine) as s:
        row = s.get(Declaration, a.id)
        assert row is not None
        row.filed_at = datetime.now(UTC) - timedelta(days=40)
        row.estimated_on = today_paris() - timedelta(days=20)
    data = agent.declarations.export_queue(QueueView.ALL)
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheets read the accents right
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert lines[0][:3] == ["Numéro", "Nature", "État"]
    assert [line[0] for line in lines[1:]] == [a.number, b.number]
    first = dict(zip(lines[0], lines[1], strict=True))
    assert first["État"] == "reçue"
    assert first["En retard"] == "oui"
    assert first["Ancienneté (jours)"] == "40"
    assert first["Accueil"] == "Accueil de test"
    # The same filters as the queue.
    old = agent.declarations.export_queue(QueueView.ALL, min_age_days=30, fmt=ExportFormat.XLSX)
    sheet = openpyxl.load_workbook(io.BytesIO(old)).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "Numéro"
    assert [r[0] for r in values[1:]] == [a.number]
    with session_scope(engine) as s:
        details = list(
            s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "declarations.export"))
        )
    assert details == ["vue=all, format=csv, 2 demande(s)", "vue=all, format=xlsx, 1 demande(s)"]
    with pytest.raises(PermissionDenied):
        counter.declarations.export_queue(QueueView.ALL)


def test_private_notes_for_agents_only(
    transport: Transport, family: Family, engine: Engine
) -> None:
    counter, agent = transport.open_session(Role.COUNTER), transport.open_session(Role.BACKOFFICE)
    d = counter.declarations.file(family.member_id, K.BANK_DETAILS, forms()[K.BANK_DETAILS])
    with pytest.raises(ValidationError) as exc:
        agent.declarations.add_note(d.id, "   ")
    assert exc.value.field == "note"
    detail = agent.declarations.add_note(d.id, "  RIB illisible, rappeler l'assuré.  ")
    assert [(n.advisor_name, n.body) for n in detail.notes] == [
        ("Test backoffice", "RIB illisible, rappeler l'assuré.")
    ]
    # Not a decision: the state and version stay, so another agent's action still applies.
    assert (detail.state, detail.version) == (d.state, d.version)
    agent.declarations.transition(d.id, S.IN_INSTRUCTION, None, d.version)
    assert len(agent.declarations.detail(d.id).notes) == 1
    with pytest.raises(PermissionDenied):
        counter.declarations.add_note(d.id, "Note")
    with pytest.raises(NotFound):
        agent.declarations.add_note(999_999, "Note")
    with session_scope(engine) as s:
        audited = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.action == "declarations.note",
                AuditEvent.member_id == family.member_id,
            )
        )
    assert audited == 1


def test_batch_rechecks_each_state(login: Callable[[Role], BoundBackend], family: Family) -> None:
    counter, agent = login(Role.COUNTER), login(Role.BACKOFFICE)
    ids = [
        counter.declarations.file(
            family.member_id, K.THIRD_PARTY_ACCIDENT, forms()[K.THIRD_PARTY_ACCIDENT]
        ).id
        for _ in range(3)
    ]
    first = agent.declarations.detail(ids[0])
    agent.declarations.transition(first.id, S.CLOSED, "Doublon", first.version)
    report = agent.declarations.batch_transition([*ids, 999999], S.IN_INSTRUCTION, None)
    assert [i.id for i in report.done] == ids[1:]
    assert [i.id for i in report.skipped] == [ids[0], 999999]
    assert "rouverte" in (report.skipped[0].reason or "")
    assert report.skipped[1].reason == "Demande inconnue."
    report = agent.declarations.batch_transition(ids, S.ACCEPTED, None)
    assert [i.id for i in report.done] == ids[1:]
    assert "classée sans suite" in (report.skipped[0].reason or "")


# --------------------------------------------------------------------------- conflicts


def test_stale_version_is_a_conflict_naming_the_agent(transport: Transport, family: Family) -> None:
    counter = transport.open_session(Role.COUNTER)
    agent, supervisor = (
        transport.open_session(Role.BACKOFFICE),
        transport.open_session(Role.SUPERVISOR),
    )
    d = counter.declarations.file(family.member_id, K.BANK_DETAILS, forms()[K.BANK_DETAILS])
    agent.declarations.transition(d.id, S.IN_INSTRUCTION, None, d.version)
    with pytest.raises(ConflictError) as exc:
        supervisor.declarations.transition(d.id, S.CLOSED, "Doublon", d.version)
    assert exc.value.message == "Cette démarche a été modifiée par Test backoffice : rechargez-la."


def test_two_agents_racing_on_postgresql(
    login: Callable[[Role], BoundBackend],
    family: Family,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Both read version 1 and pass the check together; the database lets one UPDATE win."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): there is no overlap to race")
    counter, first, second = login(Role.COUNTER), login(Role.BACKOFFICE), login(Role.SUPERVISOR)
    d = counter.declarations.file(family.member_id, K.BANK_DETAILS, forms()[K.BANK_DETAILS])
    d = first.declarations.transition(d.id, S.IN_INSTRUCTION, None, d.version)
    # Hold both threads after their read and version check, so both UPDATEs really overlap.
    barrier = threading.Barrier(2, timeout=20)
    original = declarations_module.check_transition

    def gated(*args: Any, **kwargs: Any) -> Any:
        barrier.wait()
        return original(*args, **kwargs)

    monkeypatch.setattr(declarations_module, "check_transition", gated)
    results: dict[str, Any] = {}

    def run(name: str, agent: BoundBackend) -> None:
        try:
            results[name] = agent.declarations.transition(d.id, S.ACCEPTED, None, d.version)
        except Exception as exc:
            results[name] = exc

    threads = [
        threading.Thread(target=run, args=(name, agent))
        for name, agent in (("first", first), ("second", second))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    winners = [k for k, v in results.items() if not isinstance(v, Exception)]
    losers = [k for k, v in results.items() if isinstance(v, ConflictError)]
    assert len(winners) == 1 and len(losers) == 1, results
    winner_name = {"first": "Test backoffice", "second": "Test supervisor"}[winners[0]]
    assert results[losers[0]].message == (
        f"Cette démarche a été modifiée par {winner_name} : rechargez-la."
    )
    # The effect was applied once: one new bank account, the old one closed once.
    banks = snapshot(engine, family.member_id)["banks"]
    assert len(banks) == 2 and banks[1][2] is None
    with session_scope(engine) as s:
        accepted = s.scalar(
            select(func.count()).select_from(Declaration).where(Declaration.state == S.ACCEPTED)
        )
    assert accepted == 1


# --------------------------------------------------------------------------- estimate


def test_estimate_uses_the_median_of_recent_history(
    login: Callable[[Role], BoundBackend], family: Family, engine: Engine
) -> None:
    """Seven address changes decided in 2, 3, 3, 4, 6, 8 and 9 business days: median 4."""
    today = today_paris()
    with session_scope(engine) as s:
        for n, days in enumerate((2, 3, 3, 4, 6, 8, 9), 1):
            filed = add_business_days(today, -(days + 5))
            done = add_business_days(filed, days)
            s.add(
                Declaration(
                    number=f"D-1999-{n:06d}",
                    member_id=family.member_id,
                    kind=K.ADDRESS_CHANGE,
                    state=S.ACCEPTED,
                    payload={},
                    channel="online",
                    filed_at=datetime(filed.year, filed.month, filed.day, 10, tzinfo=UTC),
                    completed_at=datetime(done.year, done.month, done.day, 10, tzinfo=UTC),
                    waiting_days=0,
                )
            )
        # An old slow case outside the 90 days, and a refused-as-closed one: ignored.
        s.add(
            Declaration(
                number="D-1999-000100",
                member_id=family.member_id,
                kind=K.ADDRESS_CHANGE,
                state=S.ACCEPTED,
                payload={},
                channel="online",
                filed_at=datetime.now(UTC) - timedelta(days=200),
                completed_at=datetime.now(UTC) - timedelta(days=120),
                waiting_days=0,
            )
        )
    d = login(Role.COUNTER).declarations.file(
        family.member_id, K.ADDRESS_CHANGE, forms()[K.ADDRESS_CHANGE]
    )
    assert d.estimated_on == add_business_days(today, 4)
    assert "médian constaté sur 7 demandes" in (d.events[0].comment or "")
    # Another kind has no history: its published delay.
    e = login(Role.COUNTER).declarations.file(family.member_id, K.BIRTH, forms()[K.BIRTH])
    assert e.estimated_on == add_business_days(today, 10)


def test_receipt_pdf(login: Callable[[Role], BoundBackend], family: Family) -> None:
    counter = login(Role.COUNTER)
    d = counter.declarations.file(family.member_id, K.VITALE_ORDER, forms()[K.VITALE_ORDER])
    pdf = counter.declarations.receipt_pdf(d.id)
    assert pdf.startswith(b"%PDF")
