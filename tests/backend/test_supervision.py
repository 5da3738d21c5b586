"""Supervision service: aggregates against hand-computed figures, forecast, rebalance, exports."""

from __future__ import annotations

import csv
import io
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import Advisor, AuditEvent, Member, Office, Team
from advisor_desk.backend.orm.appointments import Appointment, AppointmentReason
from advisor_desk.backend.orm.declarations import Declaration
from advisor_desk.backend.orm.mail import MailThread
from advisor_desk.backend.supervision import paris_midnight
from advisor_desk.domain.enums import (
    AppointmentChannel,
    AppointmentStatus,
    DeclarationKind,
    DeclarationState,
    FilingChannel,
    MailState,
    MailTheme,
    Role,
    Sex,
)
from advisor_desk.domain.errors import NotFound, PermissionDenied
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.slots import paris_day
from advisor_desk.domain.text import name_key

Bound = Callable[[Role], BoundBackend]
K, S = DeclarationKind, DeclarationState
M = timedelta(minutes=1)
H = timedelta(hours=1)
D = timedelta(days=1)


@dataclass(frozen=True)
class Crafted:
    now: datetime
    day0: date
    agent_id: int
    super_id: int
    outsider_id: int
    threads: dict[str, int]
    declarations: dict[str, int]
    member_id: int


def _id(s: Session, login: str) -> int:
    value = s.scalar(select(Advisor.id).where(Advisor.login == login))
    assert value is not None
    return value


@pytest.fixture
def crafted(engine: Engine) -> Crafted:
    """A small dataset whose figures are computed by hand in the tests below."""
    now = datetime.now(UTC)
    day0 = paris_day(now)  # the fund's day: the dashboard counts Europe/Paris days
    mid = paris_midnight(day0)
    with session_scope(engine) as s:
        office_id = s.scalar(select(Office.id).where(Office.code == "T01"))
        team_id = s.scalar(select(Team.id))
        assert office_id is not None and team_id is not None
        other_office = Office(
            code="T02",
            name="Autre accueil",
            address_line="2 rue X",
            postcode="69001",
            city="Lyon",
            latitude=45.7,
            longitude=4.8,
            phone="3646",
        )
        s.add(other_office)
        s.flush()
        template = s.get(Advisor, _id(s, "t_agent"))
        assert template is not None
        outsider = Advisor(
            login="t_other",
            full_name="Agent ailleurs",
            password_hash=template.password_hash,
            role=Role.BACKOFFICE,
            office_id=other_office.id,
            team_id=None,
            active=True,
            failed_attempts=0,
        )
        s.add(outsider)
        member = Member(
            nir=make_nir(Sex.FEMALE, date(1984, 3, 12), "69", "383", 1).full,
            last_name="Martin",
            birth_name="Martin",
            first_names="Anne",
            name_key=name_key("Martin"),
            first_name_key=name_key("Anne"),
            birth_name_key=name_key("Martin"),
            sex=Sex.FEMALE,
            birth_date=date(1984, 3, 12),
            birth_place="Lyon",
            fund_code="691",
        )
        s.add(member)
        s.flush()
        agent = _id(s, "t_agent")

        def thread(
            theme: MailTheme,
            created: datetime,
            *,
            state: MailState = MailState.OPEN,
            first: timedelta | None = None,
            sla: timedelta | None = None,
            closed: timedelta | None = None,
            agent_id: int | None = agent,
            inside: bool = True,
        ) -> int:
            t = MailThread(
                member_id=member.id,
                subject="Objet",
                theme=theme,
                state=state,
                office_id=office_id if inside else other_office.id,
                team_id=team_id if inside else None,
                assigned_agent_id=agent_id,
                created_at=created,
                last_message_at=created,
                first_response_at=None if first is None else created + first,
                sla_due_at=None if sla is None else created + sla,
                closed_at=None if closed is None else created + closed,
            )
            s.add(t)
            s.flush()
            return t.id

        threads = {
            "T1": thread(MailTheme.REIMBURSEMENTS, now - M, sla=D),
            "T2": thread(
                MailTheme.REIMBURSEMENTS,
                mid - 2 * D + H,
                state=MailState.PENDING,
                first=30 * M,
                sla=2 * D,
            ),
            "T3": thread(MailTheme.CSS, mid - 5 * D + H, first=120 * M, sla=H, agent_id=None),
            "T4": thread(MailTheme.CSS, mid - 10 * D, sla=D, agent_id=None),
            "T5": thread(
                MailTheme.OTHER,
                mid - 3 * D + H,
                state=MailState.CLOSED,
                first=60 * M,
                sla=D,
                closed=240 * M,
            ),
            "T6": thread(
                MailTheme.OTHER,
                mid - D + H,
                state=MailState.CLOSED,
                first=10 * M,
                sla=2 * H,
                closed=60 * M,
            ),
            "T7": thread(MailTheme.REIMBURSEMENTS, now - M, inside=False, agent_id=None),
        }

        def decl(
            n: int,
            kind: K,
            state: S,
            *,
            estimated: date | None = None,
            completed: datetime | None = None,
            agent_id: int | None = None,
            inside: bool = True,
        ) -> int:
            d = Declaration(
                number=f"D-TEST-{n:04d}",
                member_id=member.id,
                kind=kind,
                state=state,
                payload={},
                channel=FilingChannel.ONLINE,
                filed_at=mid - 20 * D,
                office_id=office_id if inside else other_office.id,
                assigned_agent_id=agent_id,
                estimated_on=estimated,
                completed_at=completed,
                waiting_days=0,
            )
            s.add(d)
            s.flush()
            return d.id

        declarations = {
            "D1": decl(1, K.VITALE_ORDER, S.RECEIVED, estimated=day0 - D, agent_id=agent),
            "D2": decl(2, K.VITALE_ORDER, S.IN_INSTRUCTION, estimated=day0 + 5 * D),
            "D3": decl(3, K.CSS_REQUEST, S.WAITING_MEMBER),
            "D4": decl(4, K.CSS_REQUEST, S.ACCEPTED, completed=mid - 2 * D + 3 * H, agent_id=agent),
            "D5": decl(5, K.CSS_REQUEST, S.REFUSED, completed=mid - 2 * D + 4 * H),
            "D6": decl(6, K.BANK_DETAILS, S.ACCEPTED, completed=mid - D + 2 * H, agent_id=agent),
            "D7": decl(7, K.VITALE_ORDER, S.RECEIVED, inside=False),
        }

        reason = AppointmentReason(
            code="TEST",
            label="Test",
            duration_min=15,
            channel=AppointmentChannel.OFFICE,
        )
        s.add(reason)
        s.flush()
        counter = _id(s, "t_counter")

        def rdv(
            start: datetime,
            status: AppointmentStatus,
            arrived: timedelta | None = None,
            seen: timedelta | None = None,
        ) -> None:
            s.add(
                Appointment(
                    member_id=member.id,
                    office_id=office_id,
                    advisor_id=counter,
                    reason_id=reason.id,
                    starts_at=start,
                    ends_at=start + 15 * M,
                    status=status,
                    arrived_at=None if arrived is None else start + arrived,
                    seen_at=None if seen is None else start + seen,
                )
            )

        rdv(mid - D + 9 * H, AppointmentStatus.SEEN, -5 * M, 5 * M)
        rdv(mid - D + 10 * H, AppointmentStatus.NOSHOW)
        rdv(mid - D + 11 * H, AppointmentStatus.EXCUSED)
        rdv(mid - 2 * D + 9 * H, AppointmentStatus.SEEN, -10 * M, 10 * M)
        rdv(mid - 2 * D + 14 * H, AppointmentStatus.UNKNOWN)
        s.flush()
        return Crafted(
            now=now,
            day0=day0,
            agent_id=agent,
            super_id=_id(s, "t_super"),
            outsider_id=outsider.id,
            threads=threads,
            declarations=declarations,
            member_id=member.id,
        )


def _week(c: Crafted) -> tuple[date, date]:
    return c.day0 - timedelta(days=6), c.day0


def test_dashboard_matches_hand_computed_figures(bound: Bound, crafted: Crafted) -> None:
    board = bound(Role.SUPERVISOR).supervision.dashboard(*_week(crafted))
    m = board.mail
    cells = {(c.theme, c.bucket): c.count for c in m.backlog}
    assert cells == {
        (MailTheme.REIMBURSEMENTS, "lt1d"): 1,
        (MailTheme.REIMBURSEMENTS, "d1_3"): 1,
        (MailTheme.CSS, "d3_7"): 1,
        (MailTheme.CSS, "gt7d"): 1,
    }
    assert m.open_total == 4
    assert (m.sla_met, m.sla_missed, m.sla_rate) == (3, 1, 0.75)
    assert (m.first_response.count, m.first_response.median_min, m.first_response.p90_min) == (
        4,
        30,
        120,
    )
    assert (m.resolution.count, m.resolution.median_min, m.resolution.p90_min) == (2, 60, 240)
    d0 = crafted.day0
    flow = {f.day: (f.arrivals, f.closures) for f in m.flow}
    assert flow[d0 - timedelta(days=2)] == (1, 0)
    assert flow[d0 - timedelta(days=3)] == (1, 1)
    assert flow[d0 - timedelta(days=1)] == (1, 1)
    assert flow[d0 - timedelta(days=5)] == (1, 0)
    assert sum(a for a, _ in flow.values()) == 5
    # Forecast: 2 closures in 7 days, 4 open → 14 days to clear.
    assert m.closure_rate_per_day == pytest.approx(2 / 7)
    assert m.days_to_clear == pytest.approx(14.0)

    dc = board.declarations
    assert {(c.kind, c.state): c.count for c in dc.backlog} == {
        (K.VITALE_ORDER, S.RECEIVED): 1,
        (K.VITALE_ORDER, S.IN_INSTRUCTION): 1,
        (K.CSS_REQUEST, S.WAITING_MEMBER): 1,
    }
    assert (dc.open_total, dc.overdue, dc.on_time, dc.no_estimate) == (3, 1, 1, 1)
    assert {x.day: (x.accepted, x.refused) for x in dc.decisions} == {
        d0 - timedelta(days=2): (1, 1),
        d0 - timedelta(days=1): (1, 0),
    }
    assert dc.acceptance_rate == pytest.approx(2 / 3)

    ap = board.appointments
    assert {(c.day, c.booked, c.seen, c.noshow) for c in ap.occupancy} == {
        (d0 - timedelta(days=1), 2, 1, 1),
        (d0 - timedelta(days=2), 2, 1, 0),
    }
    assert ap.noshow_rate == pytest.approx(1 / 3)
    assert ap.avg_wait_min == pytest.approx(15.0, abs=0.01)

    agents = {a.agent_id: a for a in board.agents}
    assert crafted.outsider_id not in agents
    a = agents[crafted.agent_id]
    assert (a.open_threads, a.open_declarations, a.handled, a.median_handling_min) == (
        2,
        1,
        4,
        60,
    )
    assert a.handled_per_day == pytest.approx(4 / 7)
    assert agents[crafted.super_id].handled == 0
    assert board.scope.startswith("team:")


def test_administrator_sees_every_office(bound: Bound, crafted: Crafted) -> None:
    board = bound(Role.ADMIN).supervision.dashboard(*_week(crafted))
    assert board.mail.open_total == 5
    assert board.declarations.open_total == 4
    assert crafted.outsider_id in {a.agent_id for a in board.agents}
    # Every office is counted by index ranges on PostgreSQL: the same buckets, plus the
    # other office's thread received a minute ago.
    assert {(c.theme, c.bucket): c.count for c in board.mail.backlog} == {
        (MailTheme.REIMBURSEMENTS, "lt1d"): 2,
        (MailTheme.REIMBURSEMENTS, "d1_3"): 1,
        (MailTheme.CSS, "d3_7"): 1,
        (MailTheme.CSS, "gt7d"): 1,
    }
    dc = board.declarations
    # The other office's request has no estimated date yet.
    assert (dc.overdue, dc.on_time, dc.no_estimate) == (1, 1, 2)
    agent = next(a for a in board.agents if a.agent_id == crafted.agent_id)
    assert (agent.open_threads, agent.open_declarations) == (2, 1)


def test_counter_and_backoffice_are_refused(bound: Bound, crafted: Crafted) -> None:
    for role in (Role.COUNTER, Role.BACKOFFICE):
        with pytest.raises(PermissionDenied):
            bound(role).supervision.dashboard(*_week(crafted))
        with pytest.raises(PermissionDenied):
            bound(role).supervision.rebalance([crafted.threads["T1"]], [], None)


def test_supervisor_still_cannot_read_a_member(bound: Bound, crafted: Crafted) -> None:
    with pytest.raises(PermissionDenied):
        bound(Role.SUPERVISOR).members.identity(crafted.member_id)


def _assignees(engine: Engine, c: Crafted) -> tuple[int | None, int | None]:
    with session_scope(engine) as s:
        t = s.get(MailThread, c.threads["T1"])
        d = s.get(Declaration, c.declarations["D1"])
        assert t is not None and d is not None
        return t.assigned_agent_id, d.assigned_agent_id


def test_rebalance_moves_all_and_audits_each(
    bound: Bound, crafted: Crafted, engine: Engine
) -> None:
    sup = bound(Role.SUPERVISOR).supervision
    t1, d1 = crafted.threads["T1"], crafted.declarations["D1"]
    report = sup.rebalance([t1], [d1], crafted.super_id)
    assert (report.thread_ids, report.declaration_ids) == ((t1,), (d1,))
    assert _assignees(engine, crafted) == (crafted.super_id, crafted.super_id)
    sup.rebalance([t1], [d1], None)
    assert _assignees(engine, crafted) == (None, None)
    with session_scope(engine) as s:
        targets = list(
            s.scalars(
                select(AuditEvent.target)
                .where(AuditEvent.action == "supervision.rebalance")
                .order_by(AuditEvent.id)
            )
        )
    assert targets == [f"mail:{t1}", "declaration:D-TEST-0001"] * 2


def test_agent_items_lists_open_work_without_member_data(bound: Bound, crafted: Crafted) -> None:
    items = bound(Role.SUPERVISOR).supervision.agent_items(crafted.agent_id)
    assert {(i.kind, i.id) for i in items} == {
        ("mail", crafted.threads["T1"]),
        ("mail", crafted.threads["T2"]),
        ("declaration", crafted.declarations["D1"]),
    }
    queue = bound(Role.SUPERVISOR).supervision.agent_items(None)
    assert ("mail", crafted.threads["T7"]) not in {(i.kind, i.id) for i in queue}
    assert ("mail", crafted.threads["T3"]) in {(i.kind, i.id) for i in queue}


@pytest.mark.parametrize("bad", ["closed", "outside", "unknown", "agent"])
def test_rebalance_is_all_or_nothing(
    bound: Bound, crafted: Crafted, engine: Engine, bad: str
) -> None:
    sup = bound(Role.SUPERVISOR).supervision
    threads = [crafted.threads["T1"]]
    target: int | None = crafted.super_id
    if bad == "closed":
        threads.append(crafted.threads["T5"])
    elif bad == "outside":
        threads.append(crafted.threads["T7"])
    elif bad == "unknown":
        threads.append(999_999)
    else:
        target = crafted.outsider_id
    with pytest.raises(NotFound):
        sup.rebalance(threads, [crafted.declarations["D1"]], target)
    assert _assignees(engine, crafted) == (crafted.agent_id, crafted.agent_id)


def test_exports_read_back(bound: Bound, crafted: Crafted) -> None:
    sup = bound(Role.SUPERVISOR).supervision
    week = _week(crafted)
    raw = sup.export_csv(*week)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["section", "cle", "sous_cle", "valeur"]
    assert ["courriels", "ouverts", "", "4"] in rows
    assert ["courriels_stock", "css", "gt7d", "3"] not in rows
    assert ["courriels_stock", "css", "gt7d", "1"] in rows
    assert ["demarches", "en_retard", "", "1"] in rows

    book = load_workbook(io.BytesIO(sup.export_xlsx(*week)))
    sheet = book["courriels"]
    values = {(r[0], r[1]): r[2] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert values[("jours_pour_resorber", None)] == pytest.approx(14.0)
    assert values[("ouverts", None)] == 4

    pdf = PdfReader(io.BytesIO(sup.summary_pdf(*week)))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Synthèse de supervision" in text
    assert "Taux d'acceptation" in text
    assert "Martin" not in text


def test_the_benchmark_runs_on_a_small_sqlite_database() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from benchmarks import dashboard

    result = dashboard.main(["--messages", "300", "--runs", "2", "--keep"])
    assert result["scenario"] == "dashboard"
    assert (result["messages"], result["declarations"], result["appointments"]) == (300, 100, 60)
    assert result["p95_ms"] > 0
    kept = result["database"]
    try:
        again = dashboard.main(["--reuse", kept, "--runs", "2"])  # times it again, no new seed
        assert again["messages"] == 300
        assert "seed_s" not in again
    finally:
        shutil.rmtree(Path(kept.removeprefix("sqlite:///")).parent)


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_offset_changes_are_found_to_the_instant() -> None:
    from advisor_desk.backend.supervision import _offset_changes

    start, end = paris_midnight(date(2025, 3, 29)), paris_midnight(date(2025, 10, 28))
    assert _offset_changes(start, end) == [
        (_utc("2025-03-28 23:00"), H),
        (_utc("2025-03-30 01:00"), 2 * H),  # 2:00 CET → 3:00 CEST
        (_utc("2025-10-26 01:00"), H),  # 3:00 CEST → 2:00 CET
    ]
    winter = paris_midnight(date(2025, 1, 15))
    assert _offset_changes(winter, winter + D) == [(_utc("2025-01-14 23:00"), H)]


def test_days_are_europe_paris_days(bound: Bound, crafted: Crafted, engine: Engine) -> None:
    """An item at 23:30 Paris time belongs to that day, on both sides of each DST change."""
    with session_scope(engine) as s:
        office_id = s.scalar(select(Office.id).where(Office.code == "T01"))
        team_id = s.scalar(select(Team.id))
        reason_id = s.scalar(select(AppointmentReason.id).where(AppointmentReason.code == "TEST"))
        assert office_id and team_id and reason_id
        for at in (
            "2025-01-15 22:30",  # 23:30 CET, 15 January
            "2025-01-15 23:30",  # 00:30 CET, 16 January
            "2025-03-28 22:30",  # 23:30 CET, 28 March: before the period
            "2025-03-28 23:30",  # 00:30 CET, 29 March (UTC still says the 28th)
            "2025-03-29 22:30",  # 23:30 CET, 29 March
            "2025-03-30 21:30",  # 23:30 CEST, 30 March (summer time since 01:00 UTC)
            "2025-03-30 22:30",  # 00:30 CEST, 31 March
            "2025-10-25 21:30",  # 23:30 CEST, 25 October
            "2025-10-25 22:30",  # 00:30 CEST, 26 October (winter time from 01:00 UTC)
            "2025-10-26 22:30",  # 23:30 CET, 26 October
            "2025-10-27 22:30",  # 23:30 CET, 27 October: the period's last day
            "2025-10-27 23:30",  # 00:30 CET, 28 October: after the period
        ):
            created = _utc(at)
            s.add(
                MailThread(
                    member_id=crafted.member_id,
                    subject="Fuseau",
                    theme=MailTheme.OTHER,
                    state=MailState.CLOSED,
                    office_id=office_id,
                    team_id=team_id,
                    created_at=created,
                    last_message_at=created,
                    first_response_at=created + 5 * M,
                    closed_at=created + 10 * M,
                )
            )
        seen = _utc("2025-07-10 21:30")  # 23:30 CEST, 10 July
        s.add(
            Appointment(
                member_id=crafted.member_id,
                office_id=office_id,
                advisor_id=_id(s, "t_counter"),
                reason_id=reason_id,
                starts_at=seen,
                ends_at=seen + 15 * M,
                status=AppointmentStatus.SEEN,
                arrived_at=seen - 5 * M,
                seen_at=seen,
            )
        )
        s.add(
            Declaration(
                number="D-TZ-0001",
                member_id=crafted.member_id,
                kind=K.CSS_REQUEST,
                state=S.ACCEPTED,
                payload={},
                channel=FilingChannel.ONLINE,
                filed_at=seen - 10 * D,
                office_id=office_id,
                completed_at=seen + 20 * M,  # 23:50 CEST
                waiting_days=0,
            )
        )
    sup = bound(Role.SUPERVISOR).supervision

    winter = sup.dashboard(date(2025, 1, 15), date(2025, 1, 15)).mail
    assert [(f.day, f.arrivals, f.closures) for f in winter.flow] == [(date(2025, 1, 15), 1, 1)]
    assert winter.resolution.count == 1

    board = sup.dashboard(date(2025, 3, 29), date(2025, 10, 27))
    assert [(f.day, f.arrivals, f.closures) for f in board.mail.flow] == [
        (date(2025, 3, 29), 2, 2),
        (date(2025, 3, 30), 1, 1),
        (date(2025, 3, 31), 1, 1),
        (date(2025, 10, 25), 1, 1),
        (date(2025, 10, 26), 2, 2),
        (date(2025, 10, 27), 1, 1),
    ]
    assert board.mail.first_response.count == 8
    assert [(c.day, c.booked, c.seen) for c in board.appointments.occupancy] == [
        (date(2025, 7, 10), 1, 1)
    ]
    assert [(x.day, x.accepted) for x in board.declarations.decisions] == [(date(2025, 7, 10), 1)]


def test_agent_figures_stay_within_the_scope(
    bound: Bound, crafted: Crafted, engine: Engine
) -> None:
    """Another team's agent is not listed; our agent's work for another team is not counted.

    The other team sits in the other office: the scope is the supervisor's team or office.
    """
    mid = paris_midnight(crafted.day0)
    with session_scope(engine) as s:
        other_office = s.scalar(select(Office.id).where(Office.code == "T02"))
        assert other_office
        neighbours = Team(name="Équipe voisine", office_id=other_office)
        s.add(neighbours)
        s.flush()
        template = s.get(Advisor, crafted.agent_id)
        assert template is not None
        neighbour = Advisor(
            login="t_neighbour",
            full_name="Agent voisin",
            password_hash=template.password_hash,
            role=Role.BACKOFFICE,
            office_id=other_office,
            team_id=neighbours.id,
            active=True,
            failed_attempts=0,
        )
        s.add(neighbour)
        s.flush()

        def thread(agent_id: int, closed: bool) -> None:
            created = mid - D + H
            s.add(
                MailThread(
                    member_id=crafted.member_id,
                    subject="Voisins",
                    theme=MailTheme.OTHER,
                    state=MailState.CLOSED if closed else MailState.OPEN,
                    office_id=other_office,
                    team_id=neighbours.id,
                    assigned_agent_id=agent_id,
                    created_at=created,
                    last_message_at=created,
                    closed_at=created + 30 * M if closed else None,
                )
            )

        thread(neighbour.id, closed=False)
        thread(crafted.agent_id, closed=False)  # our agent, helping the other team
        thread(crafted.agent_id, closed=True)
        for n, state in ((1, S.RECEIVED), (2, S.ACCEPTED)):
            s.add(
                Declaration(
                    number=f"D-OUT-{n:04d}",
                    member_id=crafted.member_id,
                    kind=K.VITALE_ORDER,
                    state=state,
                    payload={},
                    channel=FilingChannel.ONLINE,
                    filed_at=mid - 5 * D,
                    office_id=other_office,
                    assigned_agent_id=crafted.agent_id,
                    completed_at=mid - D + 5 * H if state is S.ACCEPTED else None,
                    waiting_days=0,
                )
            )
        neighbour_id = neighbour.id

    sup = bound(Role.SUPERVISOR).supervision
    board = sup.dashboard(*_week(crafted))
    agents = {a.agent_id: a for a in board.agents}
    assert neighbour_id not in agents
    a = agents[crafted.agent_id]
    # Exactly the figures of the crafted dataset alone.
    assert (a.open_threads, a.open_declarations, a.handled, a.median_handling_min) == (2, 1, 4, 60)
    assert board.mail.open_total == 4
    with pytest.raises(NotFound):
        sup.rebalance([crafted.threads["T1"]], [], neighbour_id)

    everyone = {
        a.agent_id: a for a in bound(Role.ADMIN).supervision.dashboard(*_week(crafted)).agents
    }
    assert everyone[neighbour_id].open_threads == 1
    mine = everyone[crafted.agent_id]
    assert (mine.open_threads, mine.open_declarations, mine.handled) == (3, 2, 6)


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN])
def test_backlog_buckets_at_their_edges(
    bound: Bound, engine: Engine, monkeypatch: pytest.MonkeyPatch, role: Role
) -> None:
    """The open threads are summarised per day of arrival; an age edge (now − 7, 3 and 1 days)
    cuts its day in two, counted from the rows: a thread arrived exactly at the edge is the
    older bucket's, a microsecond later the newer one's, whatever the day's other threads."""
    now = datetime(2026, 11, 26, 9, 30, 15, 250000, tzinfo=UTC)
    monkeypatch.setattr("advisor_desk.backend.supervision._now", lambda: now)
    us = timedelta(microseconds=1)
    arrivals = [now + H]  # dated in the future: counts as the newest
    for days in (7, 3, 1):
        edge = now - days * D
        midnight = datetime.combine(edge.date(), datetime.min.time(), UTC)
        arrivals += [edge, midnight, midnight - us]  # at or before the edge
        arrivals += [edge + us, midnight + D]  # after it
    with session_scope(engine) as s:
        office_id = s.scalar(select(Office.id).where(Office.code == "T01"))
        team_id = s.scalar(select(Team.id))
        member = Member(
            nir=make_nir(Sex.MALE, date(1975, 6, 1), "69", "383", 9).full,
            last_name="Petit",
            birth_name="Petit",
            first_names="Luc",
            name_key=name_key("Petit"),
            first_name_key="luc",
            birth_name_key=name_key("Petit"),
            sex=Sex.MALE,
            birth_date=date(1975, 6, 1),
            birth_place="Lyon",
            fund_code="691",
        )
        s.add(member)
        s.flush()
        for i, at in enumerate([*arrivals, now - 2 * D]):
            s.add(
                MailThread(
                    member_id=member.id,
                    subject=f"Bord {i}",
                    theme=MailTheme.CSS,
                    # The last one is closed: out of the backlog.
                    state=MailState.OPEN if i < len(arrivals) else MailState.CLOSED,
                    office_id=office_id,
                    team_id=team_id,
                    created_at=at,
                    last_message_at=at,
                    sla_due_at=at + 2 * D,
                    closed_at=None if i < len(arrivals) else now - D,
                )
            )
    day = paris_day(now)
    board = bound(role).supervision.dashboard(day - timedelta(days=6), day)
    assert {(c.theme, c.bucket): c.count for c in board.mail.backlog} == {
        (MailTheme.CSS, "gt7d"): 3,
        (MailTheme.CSS, "d3_7"): 5,
        (MailTheme.CSS, "d1_3"): 5,
        (MailTheme.CSS, "lt1d"): 3,
    }
    assert board.mail.open_total == 16
