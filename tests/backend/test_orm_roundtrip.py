"""Every aggregate round-trips through the ORM on each engine: types, enums, aware datetimes, constraints."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import (
    Address,
    Advisor,
    Ald,
    Appointment,
    AppointmentReason,
    AuditEvent,
    BankAccount,
    CoverPeriod,
    Declaration,
    DeductibleEntry,
    Dependent,
    IjPayment,
    MailMessage,
    MailThread,
    Member,
    Office,
    Professional,
    Reimbursement,
    SickLeave,
    VitaleCard,
    WorkAccidentCase,
)
from advisor_desk.domain import enums as E

T0 = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night of the DST change in Europe/Paris


def _member(nir: str = "184037511212345") -> Member:
    return Member(
        nir=nir,
        last_name="Lefèvre",
        birth_name="Martin",
        first_names="Anne Marie",
        name_key="lefevre",
        first_name_key="anne marie",
        birth_name_key="martin",
        sex=E.Sex.FEMALE,
        birth_date=date(1984, 3, 12),
        birth_place="Lyon",
        fund_code="691",
    )


def test_aggregates_round_trip(engine: Engine) -> None:
    with session_scope(engine) as s:
        office_id = s.scalar(select(Office.id))
        advisor_id = s.scalar(select(Advisor.id))
        pro = Professional(
            rpps="10001234567",
            last_name="Durand",
            first_name="Paul",
            specialty="Médecine générale",
            sector=E.Sector.SECTOR_1,
            consultation_fee_cents=3000,
            address_line="2 rue X",
            postcode="69003",
            city="Lyon",
            latitude=45.7,
            longitude=4.8,
        )
        m = _member()
        s.add_all([pro, m])
        s.flush()
        dep = Dependent(
            member_id=m.id,
            rank=2,
            relationship=E.Relationship.CHILD,
            last_name="Lefèvre",
            first_names="Léo",
            name_key="lefevre",
            first_name_key="leo",
            sex=E.Sex.MALE,
            birth_date=date(2015, 6, 1),
        )
        s.add(dep)
        s.flush()
        s.add_all(
            [
                Address(
                    member_id=m.id,
                    line1="3 place Bellecour",
                    postcode="69002",
                    city="Lyon",
                    valid_from=date(2020, 1, 1),
                ),
                BankAccount(
                    member_id=m.id,
                    iban="FR7630006000011234567890189",
                    bic="AGRIFRPP",
                    holder="Anne Lefèvre",
                    valid_from=date(2020, 1, 1),
                ),
                VitaleCard(
                    member_id=m.id,
                    serial="V123",
                    status=E.VitaleStatus.LOST,
                    status_changed_on=date(2026, 1, 2),
                ),
                CoverPeriod(
                    member_id=m.id,
                    kind=E.CoverKind.CSS_PARTICIPATION,
                    start=date(2026, 1, 1),
                    end=date(2026, 12, 31),
                    monthly_participation_cents=1500,
                ),
                Reimbursement(
                    member_id=m.id,
                    dependent_id=dep.id,
                    care_date=date(2026, 1, 5),
                    payment_date=date(2026, 1, 8),
                    professional_id=pro.id,
                    act_code="G",
                    act_label="Consultation",
                    category=E.CareCategory.CONSULTATION,
                    charged_cents=3000,
                    base_cents=3000,
                    rate_pct=70,
                    reimbursed_cents=1900,
                    participation_cents=200,
                    status=E.ReimbursementStatus.PAID,
                    payee=E.Payee.MEMBER,
                ),
                DeductibleEntry(
                    member_id=m.id,
                    year=2026,
                    kind=E.DeductibleKind.FRANCHISE,
                    entry=E.LedgerEntryKind.OWED,
                    amount_cents=300,
                    on=date(2026, 1, 5),
                ),
                Ald(
                    member_id=m.id,
                    code=8,
                    label="Diabète de type 1 et diabète de type 2",
                    start_date=date(2020, 1, 1),
                    end_date=date(2026, 4, 1),
                    protocol_ref="P-1",
                ),
                Declaration(
                    number="D-2026-000001",
                    member_id=m.id,
                    kind=E.DeclarationKind.ADDRESS_CHANGE,
                    state=E.DeclarationState.RECEIVED,
                    payload={"city": "Lyon", "n": 3},
                    channel=E.FilingChannel.COUNTER,
                    filed_at=T0,
                    office_id=office_id,
                ),
            ]
        )
        case = WorkAccidentCase(
            member_id=m.id,
            number="AT-1",
            kind=E.WorkCaseKind.ACCIDENT,
            accident_date=date(2025, 5, 1),
            declared_on=date(2025, 5, 2),
            employer="ACME",
            description="Chute",
            decision=E.WorkCaseDecision.RECOGNISED,
            ipp_rate=8,
        )
        s.add(case)
        s.flush()
        leave = SickLeave(
            member_id=m.id,
            kind=E.LeaveKind.WORK_ACCIDENT,
            start_date=date(2025, 5, 1),
            end_date=date(2025, 5, 31),
            prescriber="Dr Durand",
            work_case_id=case.id,
        )
        s.add(leave)
        s.flush()
        s.add(
            IjPayment(
                member_id=m.id,
                sick_leave_id=leave.id,
                period_start=date(2025, 5, 1),
                period_end=date(2025, 5, 15),
                days=15,
                daily_gross_cents=5000,
                gross_cents=75000,
                net_cents=69975,
                taxable_cents=34988,
                paid_on=date(2025, 5, 20),
            )
        )
        reason = AppointmentReason(
            code="droits", label="Droits", duration_min=20, channel=E.AppointmentChannel.OFFICE
        )
        s.add(reason)
        s.flush()
        s.add(
            Appointment(
                member_id=m.id,
                office_id=office_id,
                advisor_id=advisor_id,
                reason_id=reason.id,
                starts_at=T0,
                ends_at=T0 + timedelta(minutes=20),
                status=E.AppointmentStatus.UNKNOWN,
            )
        )
        thread = MailThread(
            member_id=m.id,
            subject="Carte",
            theme=E.MailTheme.RIGHTS_VITALE,
            state=E.MailState.NEW,
            sla_due_at=T0,
        )
        s.add(thread)
        s.flush()
        s.add(
            MailMessage(thread_id=thread.id, direction=E.MessageDirection.INBOUND, body="Bonjour")
        )
        member_id = m.id

    with session_scope(engine, readonly=True) as s:
        m2 = s.get(Member, member_id)
        assert m2 is not None and m2.sex is E.Sex.FEMALE and m2.last_name == "Lefèvre"
        assert m2.created_at.tzinfo is not None
        appt = s.scalars(select(Appointment)).one()
        assert appt.starts_at == T0 and appt.starts_at.utcoffset() == timedelta(0)
        assert appt.status is E.AppointmentStatus.UNKNOWN
        decl = s.scalars(select(Declaration)).one()
        assert decl.payload == {"city": "Lyon", "n": 3}
        assert decl.filed_at == T0
        r = s.scalars(select(Reimbursement)).one()
        assert (r.category, r.reimbursed_cents, r.participation_cents) == (
            E.CareCategory.CONSULTATION,
            1900,
            200,
        )
        assert s.scalars(select(IjPayment)).one().taxable_cents == 34988
        assert s.scalars(select(MailThread)).one().sla_due_at == T0


def test_constraints_hold(engine: Engine) -> None:
    with session_scope(engine) as s:
        s.add(_member())
    with pytest.raises(IntegrityError), session_scope(engine) as s:
        s.add(_member())  # NIR unique
    with pytest.raises(IntegrityError), session_scope(engine) as s:
        m = s.scalars(select(Member)).one()
        s.add(
            Reimbursement(
                member_id=m.id,
                care_date=date(2026, 1, 1),
                act_code="G",
                act_label="x",
                category=E.CareCategory.CONSULTATION,
                charged_cents=100,
                base_cents=100,
                rate_pct=70,
                reimbursed_cents=70,
                status=E.ReimbursementStatus.REJECTED,
                payee=E.Payee.MEMBER,
            )
        )  # rejected without a reason
    with pytest.raises(IntegrityError), session_scope(engine) as s:
        m = s.scalars(select(Member)).one()
        s.add(
            Dependent(
                member_id=m.id,
                rank=1,
                relationship=E.Relationship.CHILD,
                last_name="X",
                first_names="Y",
                name_key="x",
                first_name_key="y",
                sex=E.Sex.MALE,
                birth_date=date(2020, 1, 1),
            )
        )  # rank 1 is the member
    with session_scope(engine, readonly=True) as s:
        assert s.scalars(select(Reimbursement)).all() == []


def test_optimistic_version_refuses_stale_write(engine: Engine) -> None:
    with session_scope(engine) as s:
        s.add(_member())
    with session_scope(engine) as s1:
        stale = s1.scalars(select(Member)).one()
    with session_scope(engine) as s2:
        fresh = s2.scalars(select(Member)).one()
        fresh.phone = "0600000000"
    with pytest.raises(StaleDataError), session_scope(engine) as s3:
        s3.add(stale)
        stale.phone = "0700000000"


def test_audit_rows_keep_time_and_outcome(engine: Engine) -> None:
    with session_scope(engine) as s:
        s.add(AuditEvent(login="x", action="t", outcome=E.AuditOutcome.REFUSED))
    with session_scope(engine, readonly=True) as s:
        ev = s.scalars(select(AuditEvent)).one()
        assert ev.outcome is E.AuditOutcome.REFUSED and ev.at.tzinfo is not None
