"""The member file through the backend: identity and rights, ALD, leaves, requests, IBAN, audit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.members import add_months, age_on, rights_status
from advisor_desk.backend.members_dto import AlertKind
from advisor_desk.backend.orm import AuditEvent
from advisor_desk.domain.enums import (
    AuditOutcome,
    CoverKind,
    DeclarationState,
    LeaveKind,
    RightsStatus,
    Role,
    VitaleStatus,
)
from advisor_desk.domain.errors import NotFound, PermissionDenied
from advisor_desk.domain.iban import format_iban
from tests.models.member_samples import IBAN, TODAY, Samples, add_samples

Login = Callable[[Role], BoundBackend]


@pytest.fixture
def samples(engine: Engine) -> Samples:
    return add_samples(engine)


@pytest.fixture
def counter(bound: Login, samples: Samples) -> BoundBackend:
    return bound(Role.COUNTER)


def _events(engine: Engine) -> list[tuple[str, int | None, AuditOutcome, str]]:
    with session_scope(engine) as s:
        return [
            (e.action, e.member_id, e.outcome, e.login)
            for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))
            if e.action.startswith("members.")
        ]


def test_identity_tab(counter: BoundBackend, samples: Samples) -> None:
    info = counter.members.identity(samples.ids["anne"])
    h = info.header
    assert (h.last_name, h.first_names) == ("Lefèvre", "Anne Marie")
    assert h.nir_formatted.replace(" ", "") == samples.nirs["anne"]
    assert h.age == age_on(date(1984, 3, 12), TODAY)
    assert h.rights_status is RightsStatus.OPEN
    assert info.birth_name == "Martin"
    assert info.address is not None and info.address.city == "Lyon 3e"
    assert info.rights.basis == "Salariée" and info.rights.end is None
    assert info.cover is not None and info.cover.kind is CoverKind.CSS_PARTICIPATION
    assert info.cover.current and info.cover.monthly_participation_cents == 1500
    assert info.doctor is not None and info.doctor.name == "Claire Bernard"
    assert info.insurer is not None and info.insurer.name == "Mutuelle du Rhône"
    assert info.bank is not None
    assert info.bank.iban_masked.startswith("FR76") and IBAN[-5:] in info.bank.iban_masked.replace(
        " ", ""
    )
    assert IBAN[4:20] not in info.bank.iban_masked.replace(" ", "")
    assert info.vitale is not None and info.vitale.status is VitaleStatus.ACTIVE
    assert [(d.rank, d.first_names) for d in info.dependents] == [(2, "Lucas"), (3, "Emma")]
    lucas, emma = info.dependents
    assert lucas.vitale is not None and lucas.vitale.serial == "VIT0000002"
    assert lucas.ald_count == 1 and emma.ald_count == 0
    assert emma.nir_formatted is None
    assert info.debt_cents == 800


def test_header_alerts(counter: BoundBackend, samples: Samples) -> None:
    anne = counter.members.identity(samples.ids["anne"]).header
    kinds = {a.kind: a for a in anne.alerts}
    assert set(kinds) == {AlertKind.ALD_TO_RENEW, AlertKind.DEBT}
    assert kinds[AlertKind.DEBT].amount_cents == 800
    assert kinds[AlertKind.ALD_TO_RENEW].on == TODAY + timedelta(days=45)

    jean = counter.members.identity(samples.ids["jean"]).header
    assert jean.rights_status is RightsStatus.CLOSED
    assert {a.kind for a in jean.alerts} == {AlertKind.RIGHTS_CLOSED, AlertKind.VITALE_LOST}

    jeanne = counter.members.identity(samples.ids["jeanne"]).header
    assert jeanne.rights_status is RightsStatus.TO_RENEW
    assert [a.kind for a in jeanne.alerts] == [AlertKind.RIGHTS_TO_RENEW]

    # No rights period at all: closed.
    pierre = counter.members.identity(samples.ids["pierre"])
    assert pierre.header.rights_status is RightsStatus.CLOSED
    assert pierre.bank is None and pierre.vitale is None and pierre.dependents == []


def test_alds(counter: BoundBackend, samples: Samples) -> None:
    alds = counter.members.alds(samples.ids["anne"])
    assert [(a.code, a.active) for a in alds] == [(8, True), (14, True), (30, False)]
    diabetes, lucas, old = alds
    assert diabetes.to_renew and not diabetes.protocol_expired and diabetes.person == ""
    assert lucas.person == "Lucas Lefèvre" and lucas.protocol_expired and not lucas.to_renew
    assert not old.to_renew
    assert counter.members.alds(samples.ids["jean"]) == []


def test_leaves_and_work_accidents(counter: BoundBackend, samples: Samples) -> None:
    info = counter.members.leaves(samples.ids["anne"])
    assert [lv.kind for lv in info.leaves] == [LeaveKind.SICKNESS, LeaveKind.WORK_ACCIDENT]
    sick, at = info.leaves
    assert sick.days == 12 and sick.ald_related and len(sick.payments) == 1
    assert at.work_case_number == "AT-2024-000123"
    assert [p.days for p in at.payments] == [27, 14]
    assert at.paid_net_cents == sum(p.net_cents for p in at.payments)
    (case,) = info.work_cases
    assert case.ipp_rate == 8 and case.consolidation_date == date(2024, 9, 30)
    assert [s.step for s in case.steps] == [
        "Déclaration",
        "Instruction",
        "Décision",
        "Consolidation",
        "Taux d'IPP",
    ]
    empty = counter.members.leaves(samples.ids["jean"])
    assert empty.leaves == [] and empty.work_cases == []


def test_declarations(counter: BoundBackend, samples: Samples) -> None:
    decls = counter.members.declarations(samples.ids["anne"])
    assert [d.number for d in decls] == ["D-2025-000101", "D-2024-000055"]
    assert decls[0].pending and decls[0].state is DeclarationState.IN_INSTRUCTION
    assert decls[0].estimated_on == TODAY + timedelta(days=10)
    assert not decls[1].pending


def test_unknown_member(counter: BoundBackend) -> None:
    for method in ("identity", "alds", "leaves", "declarations"):
        with pytest.raises(NotFound):
            getattr(counter.members, method)(999_999)


def test_every_read_is_audited(counter: BoundBackend, engine: Engine, samples: Samples) -> None:
    anne = samples.ids["anne"]
    counter.members.identity(anne)
    counter.members.alds(anne)
    counter.members.leaves(anne)
    counter.members.declarations(anne)
    assert _events(engine) == [
        ("members.identity", anne, AuditOutcome.OK, "t_counter"),
        ("members.alds", anne, AuditOutcome.OK, "t_counter"),
        ("members.leaves", anne, AuditOutcome.OK, "t_counter"),
        ("members.declarations", anne, AuditOutcome.OK, "t_counter"),
    ]


def test_counter_cannot_reveal_the_iban(
    counter: BoundBackend, engine: Engine, samples: Samples
) -> None:
    anne = samples.ids["anne"]
    with pytest.raises(PermissionDenied, match=r"member\.reveal_iban"):
        counter.members.reveal_iban(anne)
    assert _events(engine) == [("members.reveal_iban", anne, AuditOutcome.REFUSED, "t_counter")]


def test_backoffice_agent_reveals_the_iban(bound: Login, engine: Engine, samples: Samples) -> None:
    agent = bound(Role.BACKOFFICE)
    anne = samples.ids["anne"]
    assert agent.members.reveal_iban(anne) == format_iban(IBAN)
    assert _events(engine) == [("members.reveal_iban", anne, AuditOutcome.OK, "t_agent")]
    with pytest.raises(NotFound, match="Aucun compte bancaire"):
        agent.members.reveal_iban(samples.ids["jean"])


def test_supervisor_cannot_open_a_file(bound: Login, engine: Engine, samples: Samples) -> None:
    with pytest.raises(PermissionDenied):
        bound(Role.SUPERVISOR).members.identity(samples.ids["anne"])
    assert _events(engine) == [
        ("members.identity", samples.ids["anne"], AuditOutcome.REFUSED, "t_super")
    ]


def test_dates() -> None:
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert age_on(date(2000, 2, 29), date(2025, 2, 28)) == 24
    assert age_on(date(2000, 2, 29), date(2025, 3, 1)) == 25
    today = date(2026, 1, 15)
    assert rights_status(None, None, today) is RightsStatus.CLOSED
    assert rights_status(date(2020, 1, 1), None, today) is RightsStatus.OPEN
    assert rights_status(date(2020, 1, 1), date(2026, 1, 14), today) is RightsStatus.CLOSED
    assert rights_status(date(2020, 1, 1), date(2026, 1, 15), today) is RightsStatus.TO_RENEW
    assert rights_status(date(2020, 1, 1), date(2026, 4, 15), today) is RightsStatus.TO_RENEW
    assert rights_status(date(2020, 1, 1), date(2026, 4, 16), today) is RightsStatus.OPEN
