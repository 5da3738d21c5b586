"""A handful of crafted members for the lookup and member-file tests, inserted through the ORM."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import (
    Address,
    Ald,
    BankAccount,
    ComplementaryInsurer,
    CoverPeriod,
    Declaration,
    DeductibleEntry,
    Dependent,
    IjPayment,
    Member,
    Professional,
    RightsPeriod,
    SickLeave,
    VitaleCard,
    WorkAccidentCase,
    WorkAccidentStep,
)
from advisor_desk.domain import enums as E
from advisor_desk.domain.iban import make_french_iban
from advisor_desk.domain.nir import compute_key, make_nir
from advisor_desk.domain.text import name_key

TODAY = date.today()
IBAN = make_french_iban("30006", "00001", "12345678901")


@dataclass
class Samples:
    """Ids and NIRs of the crafted rows."""

    ids: dict[str, int] = field(default_factory=dict)
    nirs: dict[str, str] = field(default_factory=dict)
    dependent_ids: dict[str, int] = field(default_factory=dict)


def _member(
    last: str,
    first: str,
    born: date,
    sex: E.Sex,
    *,
    birth_name: str | None = None,
    department: str = "69",
    commune: str = "383",
    order: int = 1,
    nir: str | None = None,
) -> Member:
    number = nir or make_nir(sex, born, department, commune, order).full
    birth = birth_name or last
    return Member(
        nir=number,
        last_name=last,
        birth_name=birth,
        first_names=first,
        name_key=name_key(last),
        first_name_key=name_key(first),
        birth_name_key=name_key(birth),
        sex=sex,
        birth_date=born,
        birth_place="Lyon",
        email=f"{name_key(first).replace(' ', '.')}@example.fr",
        phone="0612345678",
        regime="Régime général",
        fund_code="691",
    )


def _dependent(
    member: Member, rank: int, last: str, first: str, born: date, sex: E.Sex, nir: str | None
) -> Dependent:
    return Dependent(
        member_id=member.id,
        rank=rank,
        relationship=E.Relationship.CHILD,
        nir=nir,
        last_name=last,
        first_names=first,
        name_key=name_key(last),
        first_name_key=name_key(first),
        sex=sex,
        birth_date=born,
    )


def add_samples(engine: Engine, *, martins: int = 0) -> Samples:
    """Lefèvre (née Martin) with a complete file; Dupont family; Corsica, abroad, temporary NIRs."""
    out = Samples()
    with session_scope(engine) as s:
        doctor = Professional(
            rpps="10001234567",
            last_name="Bernard",
            first_name="Claire",
            specialty="Médecine générale",
            sector=E.Sector.SECTOR_1,
            consultation_fee_cents=3000,
            address_line="3 rue Garibaldi",
            postcode="69003",
            city="Lyon 3e",
            latitude=45.76,
            longitude=4.85,
        )
        insurer = ComplementaryInsurer(code="MUT01", name="Mutuelle du Rhône")
        s.add_all([doctor, insurer])
        s.flush()

        anne = _member(
            "Lefèvre", "Anne Marie", date(1984, 3, 12), E.Sex.FEMALE, birth_name="Martin", order=112
        )
        anne.referring_doctor_id = doctor.id
        anne.complementary_insurer_id = insurer.id
        anne.complementary_since = date(2020, 1, 1)
        jean = _member("Dupont", "Jean", date(1975, 6, 1), E.Sex.MALE, order=7)
        jeanne = _member("Dupont", "Jeanne Louise", date(1979, 11, 23), E.Sex.FEMALE, order=8)
        pierre = _member("Dupont", "Pierre", date(1950, 2, 2), E.Sex.MALE, order=9)
        corse = _member(
            "Santoni",
            "Ange",
            date(1968, 7, 14),
            E.Sex.MALE,
            department="2A",
            commune="004",
            order=21,
        )
        abroad = _member(
            "Benali",
            "Karim",
            date(1990, 9, 30),
            E.Sex.MALE,
            department="99",
            commune="352",
            order=33,
        )
        # A temporary number (NIA): sex digit 8, born abroad; its key is computed like any other.
        nia13 = "8010499243044"
        temporary = _member(
            "Nguyen", "Linh", date(2001, 4, 5), E.Sex.FEMALE, nir=nia13 + compute_key(nia13)
        )
        legall = _member("Le Gall", "Yann", date(1988, 1, 20), E.Sex.MALE, order=55)
        members = [anne, jean, jeanne, pierre, corse, abroad, legall, temporary]
        s.add_all(members)
        for i in range(martins):
            s.add(
                _member(
                    "Martin",
                    f"Paul{chr(97 + i // 26)}{chr(97 + i % 26)}",
                    date(1960, 1, 1) + timedelta(days=i),
                    E.Sex.MALE,
                    order=100 + i,
                    commune="384",
                )
            )
        s.flush()
        for name, m in [
            ("anne", anne),
            ("jean", jean),
            ("jeanne", jeanne),
            ("pierre", pierre),
            ("corse", corse),
            ("abroad", abroad),
            ("temporary", temporary),
            ("legall", legall),
        ]:
            out.ids[name] = m.id
            out.nirs[name] = m.nir

        lucas_nir = make_nir(E.Sex.MALE, date(2012, 5, 3), "69", "383", 501).full
        lucas = _dependent(anne, 2, "Lefèvre", "Lucas", date(2012, 5, 3), E.Sex.MALE, lucas_nir)
        emma = _dependent(anne, 3, "Lefèvre", "Emma", date(2015, 8, 19), E.Sex.FEMALE, None)
        s.add_all([lucas, emma])
        s.flush()
        out.dependent_ids = {"lucas": lucas.id, "emma": emma.id}
        out.nirs["lucas"] = lucas_nir

        for m in members:
            s.add(
                Address(
                    member_id=m.id,
                    line1="12 rue Paul Bert",
                    line2=None,
                    postcode="69003",
                    city="Lyon 3e",
                    valid_from=date(2015, 1, 1),
                    valid_to=None,
                )
            )
        s.add(
            Address(
                member_id=anne.id,
                line1="1 rue ancienne",
                line2=None,
                postcode="69001",
                city="Lyon 1er",
                valid_from=date(2010, 1, 1),
                valid_to=date(2014, 12, 31),
            )
        )
        s.add(
            BankAccount(
                member_id=anne.id,
                iban=IBAN,
                bic="AGRIFRPP",
                holder="Anne Lefèvre",
                valid_from=date(2019, 4, 1),
                valid_to=None,
            )
        )
        s.add(RightsPeriod(member_id=anne.id, start=date(2002, 9, 1), end=None, basis="Salariée"))
        s.add(
            RightsPeriod(
                member_id=jean.id,
                start=date(1995, 9, 1),
                end=TODAY - timedelta(days=40),
                basis="Salarié",
            )
        )
        s.add(
            RightsPeriod(
                member_id=jeanne.id,
                start=date(1999, 9, 1),
                end=TODAY + timedelta(days=30),
                basis="Demandeuse d'emploi",
            )
        )
        s.add(
            CoverPeriod(
                member_id=anne.id,
                kind=E.CoverKind.CSS_PARTICIPATION,
                start=TODAY - timedelta(days=100),
                end=TODAY + timedelta(days=265),
                monthly_participation_cents=1500,
            )
        )
        s.add(
            VitaleCard(
                member_id=anne.id,
                dependent_id=None,
                serial="VIT0000001",
                status=E.VitaleStatus.ACTIVE,
                issued_on=date(2018, 2, 1),
                status_changed_on=date(2018, 2, 1),
            )
        )
        s.add(
            VitaleCard(
                member_id=anne.id,
                dependent_id=lucas.id,
                serial="VIT0000002",
                status=E.VitaleStatus.ACTIVE,
                issued_on=date(2024, 9, 1),
                status_changed_on=date(2024, 9, 1),
            )
        )
        s.add(
            VitaleCard(
                member_id=jean.id,
                dependent_id=None,
                serial="VIT0000003",
                status=E.VitaleStatus.LOST,
                issued_on=date(2010, 2, 1),
                status_changed_on=TODAY - timedelta(days=3),
            )
        )

        s.add(
            Ald(
                member_id=anne.id,
                dependent_id=None,
                code=8,
                label="Diabète de type 1 et diabète de type 2",
                start_date=date(2016, 5, 1),
                end_date=TODAY + timedelta(days=45),
                protocol_ref="PS-2016-0042",
                protocol_valid_until=TODAY + timedelta(days=45),
                exonerating=True,
            )
        )
        s.add(
            Ald(
                member_id=anne.id,
                dependent_id=lucas.id,
                code=14,
                label="Insuffisance respiratoire chronique grave",
                start_date=date(2019, 1, 1),
                end_date=None,
                protocol_ref="PS-2019-0007",
                protocol_valid_until=TODAY - timedelta(days=10),
                exonerating=True,
            )
        )
        s.add(
            Ald(
                member_id=anne.id,
                dependent_id=None,
                code=30,
                label="Tumeur maligne",
                start_date=date(2008, 1, 1),
                end_date=date(2013, 1, 1),
                protocol_ref="PS-2008-0001",
                protocol_valid_until=date(2013, 1, 1),
                exonerating=True,
            )
        )

        case = WorkAccidentCase(
            member_id=anne.id,
            number="AT-2024-000123",
            kind=E.WorkCaseKind.ACCIDENT,
            accident_date=date(2024, 3, 4),
            declared_on=date(2024, 3, 5),
            employer="Transports Rhône Express",
            description="Chute dans l'escalier du dépôt",
            decision=E.WorkCaseDecision.RECOGNISED,
            decision_date=date(2024, 4, 20),
            consolidation_date=date(2024, 9, 30),
            ipp_rate=8,
        )
        s.add(case)
        s.flush()
        for on, step, detail in [
            (date(2024, 3, 5), "Déclaration", "Déclaration de l'employeur reçue"),
            (date(2024, 3, 20), "Instruction", "Questionnaires envoyés"),
            (date(2024, 4, 20), "Décision", "Caractère professionnel reconnu"),
            (date(2024, 9, 30), "Consolidation", "Consolidation avec séquelles"),
            (date(2024, 11, 15), "Taux d'IPP", "Taux d'incapacité permanente fixé à 8 %"),
        ]:
            s.add(WorkAccidentStep(case_id=case.id, on=on, step=step, detail=detail))
        leave_at = SickLeave(
            member_id=anne.id,
            kind=E.LeaveKind.WORK_ACCIDENT,
            start_date=date(2024, 3, 4),
            end_date=date(2024, 4, 14),
            prescriber="Dr Claire Bernard",
            ald_related=False,
            work_case_id=case.id,
        )
        leave_sick = SickLeave(
            member_id=anne.id,
            kind=E.LeaveKind.SICKNESS,
            start_date=date(2025, 1, 6),
            end_date=date(2025, 1, 17),
            prescriber="Dr Claire Bernard",
            ald_related=True,
        )
        s.add_all([leave_at, leave_sick])
        s.flush()
        for leave, start, end, daily in [
            (leave_at, date(2024, 3, 5), date(2024, 3, 31), 5210),
            (leave_at, date(2024, 4, 1), date(2024, 4, 14), 5210),
            (leave_sick, date(2025, 1, 9), date(2025, 1, 17), 4180),
        ]:
            days = (end - start).days + 1
            gross = days * daily
            net = gross * 933 // 1000
            s.add(
                IjPayment(
                    member_id=anne.id,
                    sick_leave_id=leave.id,
                    period_start=start,
                    period_end=end,
                    days=days,
                    daily_gross_cents=daily,
                    gross_cents=gross,
                    net_cents=net,
                    taxable_cents=net // 2,
                    paid_on=end + timedelta(days=6),
                )
            )

        for number, kind, state, filed, estimated in [
            (
                "D-2025-000101",
                E.DeclarationKind.VITALE_ORDER,
                E.DeclarationState.IN_INSTRUCTION,
                datetime.now(UTC) - timedelta(days=4),
                TODAY + timedelta(days=10),
            ),
            (
                "D-2024-000055",
                E.DeclarationKind.ADDRESS_CHANGE,
                E.DeclarationState.ACCEPTED,
                datetime(2024, 6, 1, 9, 30, tzinfo=UTC),
                date(2024, 6, 15),
            ),
        ]:
            s.add(
                Declaration(
                    number=number,
                    member_id=anne.id,
                    kind=kind,
                    state=state,
                    payload={},
                    channel=E.FilingChannel.ONLINE,
                    filed_at=filed,
                    estimated_on=estimated,
                    completed_at=None
                    if state is E.DeclarationState.IN_INSTRUCTION
                    else datetime(2024, 6, 10, tzinfo=UTC),
                )
            )
        for entry, amount in [
            (E.LedgerEntryKind.OWED, 1200),
            (E.LedgerEntryKind.PAID, 400),
            (E.LedgerEntryKind.WITHHELD, 5000),
        ]:
            s.add(
                DeductibleEntry(
                    member_id=anne.id,
                    year=TODAY.year,
                    kind=E.DeductibleKind.FRANCHISE,
                    entry=entry,
                    amount_cents=amount,
                    on=TODAY,
                )
            )
    return out
