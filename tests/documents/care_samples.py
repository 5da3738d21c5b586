"""A crafted family with reimbursements, deductibles and daily allowances, for backend, PDF and UI tests.

Every amount is chosen so that the tests can compute the expected totals by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Engine, insert

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import (
    Address,
    Ald,
    BankAccount,
    CoverPeriod,
    DeductibleEntry,
    Dependent,
    IjPayment,
    Member,
    Professional,
    Reimbursement,
    RightsPeriod,
    SickLeave,
)
from advisor_desk.domain import enums as E
from advisor_desk.domain.iban import make_french_iban
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.text import name_key

TODAY = date.today()
THIS_YEAR = TODAY.year
TAX_YEAR = THIS_YEAR - 1
C, S, P = E.CareCategory, E.ReimbursementStatus, E.Payee


@dataclass
class CareSamples:
    member_id: int = 0
    nir: str = ""
    child_nir: str = ""
    lucas_id: int = 0  # rank 2
    emma_id: int = 0  # rank 3
    doctor_id: int = 0
    nurse_id: int = 0
    minor_id: int = 0  # a member aged 16 with CSS: exemptions
    big_id: int = 0  # a member with many lines
    closed_id: int = 0  # a member whose rights are closed
    lines: list[dict[str, object]] = field(default_factory=list)  # the family's lines
    ij: list[dict[str, object]] = field(default_factory=list)


def sample_member(last: str, first: str, born: date, sex: E.Sex, order: int) -> Member:
    return Member(
        nir=make_nir(sex, born, "69", "383", order).full,
        last_name=last,
        birth_name=last,
        first_names=first,
        name_key=name_key(last),
        first_name_key=name_key(first),
        birth_name_key=name_key(last),
        sex=sex,
        birth_date=born,
        birth_place="Lyon",
        fund_code="691",
    )


def _line(
    member_id: int,
    care: date,
    *,
    dependent_id: int | None = None,
    professional_id: int | None = None,
    category: E.CareCategory = C.CONSULTATION,
    act: tuple[str, str] = ("G", "Consultation de médecin généraliste"),
    charged: int = 3000,
    base: int = 3000,
    rate: int = 70,
    participation: int = 200,
    franchise: int = 0,
    status: E.ReimbursementStatus = S.PAID,
    reason: str | None = None,
    payee: E.Payee = P.MEMBER,
    tiers_payant: bool = False,
    paid: date | None = None,
) -> dict[str, object]:
    reimbursed = 0 if status is S.REJECTED else base * rate // 100 - participation - franchise
    return {
        "member_id": member_id,
        "dependent_id": dependent_id,
        "care_date": care,
        "payment_date": None if status is not S.PAID else (paid or care + timedelta(days=3)),
        "professional_id": professional_id,
        "act_code": act[0],
        "act_label": act[1],
        "category": category,
        "quantity": 1,
        "charged_cents": charged,
        "base_cents": base,
        "rate_pct": rate,
        "reimbursed_cents": reimbursed,
        "participation_cents": participation if status is not S.REJECTED else 0,
        "franchise_cents": franchise if status is not S.REJECTED else 0,
        "tiers_payant": tiers_payant,
        "ald_related": False,
        "status": status,
        "rejection_reason": reason,
        "payee": payee,
    }


def add_care_samples(engine: Engine, *, big_lines: int = 0) -> CareSamples:
    out = CareSamples()
    with session_scope(engine) as s:
        doctor = Professional(
            rpps="10009876543",
            last_name="Durand",
            first_name="Paul",
            specialty="Médecine générale",
            sector=E.Sector.SECTOR_1,
            consultation_fee_cents=3000,
            address_line="2 rue Servient",
            postcode="69003",
            city="Lyon",
            latitude=45.76,
            longitude=4.85,
        )
        nurse = Professional(
            rpps="10009876544",
            last_name="Roux",
            first_name="Sophie",
            specialty="Infirmier",
            sector=E.Sector.SECTOR_1,
            consultation_fee_cents=0,
            address_line="5 rue Paul Bert",
            postcode="69003",
            city="Lyon",
            latitude=45.76,
            longitude=4.85,
        )
        s.add_all([doctor, nurse])
        s.flush()
        out.doctor_id, out.nurse_id = doctor.id, nurse.id

        anne = sample_member("Lefèvre", "Anne Marie", date(1984, 3, 12), E.Sex.FEMALE, 412)
        anne.referring_doctor_id = doctor.id
        minor = sample_member(
            "Girard",
            "Zoé",
            TODAY.replace(year=TODAY.year - 16) - timedelta(days=30),
            E.Sex.FEMALE,
            413,
        )
        big = sample_member("Martin", "Paul", date(1960, 1, 1), E.Sex.MALE, 414)
        closed = sample_member("Faure", "Louis", date(1970, 5, 5), E.Sex.MALE, 415)
        s.add_all([anne, minor, big, closed])
        s.flush()
        out.member_id, out.nir = anne.id, anne.nir
        out.minor_id, out.big_id, out.closed_id = minor.id, big.id, closed.id

        out.child_nir = make_nir(E.Sex.MALE, date(2012, 5, 3), "69", "383", 501).full
        lucas = Dependent(
            member_id=anne.id,
            rank=2,
            relationship=E.Relationship.CHILD,
            nir=out.child_nir,
            last_name="Lefèvre",
            first_names="Lucas",
            name_key="lefevre",
            first_name_key="lucas",
            sex=E.Sex.MALE,
            birth_date=date(2012, 5, 3),
        )
        emma = Dependent(
            member_id=anne.id,
            rank=3,
            relationship=E.Relationship.CHILD,
            nir=None,
            last_name="Lefèvre",
            first_names="Emma",
            name_key="lefevre",
            first_name_key="emma",
            sex=E.Sex.FEMALE,
            birth_date=date(2015, 8, 19),
        )
        s.add_all([lucas, emma])
        s.flush()
        out.lucas_id, out.emma_id = lucas.id, emma.id

        for m in (anne, minor, big, closed):
            s.add(
                Address(
                    member_id=m.id,
                    line1="12 rue Paul Bert",
                    line2=None,
                    postcode="69003",
                    city="Lyon",
                    valid_from=date(2015, 1, 1),
                    valid_to=None,
                )
            )
            s.add(
                RightsPeriod(
                    member_id=m.id,
                    start=date(2015, 1, 1),
                    end=date(2024, 6, 30) if m is closed else None,
                    basis="Salariée" if m.sex is E.Sex.FEMALE else "Salarié",
                )
            )
        s.add(
            BankAccount(
                member_id=anne.id,
                iban=make_french_iban("30006", "00001", "12345678901"),
                bic="AGRIFRPP",
                holder="Anne Marie Lefèvre",
                valid_from=date(2015, 1, 1),
                valid_to=None,
            )
        )
        s.add(
            Ald(
                member_id=anne.id,
                dependent_id=None,
                code=8,
                label="Diabète de type 1 et diabète de type 2",
                start_date=date(2022, 1, 10),
                end_date=None,
                protocol_ref="P-2022-0001",
                protocol_valid_until=date(2027, 1, 9),
                exonerating=True,
            )
        )
        s.add(
            CoverPeriod(
                member_id=minor.id,
                kind=E.CoverKind.CSS_FREE,
                start=date(THIS_YEAR, 1, 1),
                end=date(THIS_YEAR, 12, 31),
                monthly_participation_cents=0,
            )
        )

        # The family's reimbursement lines: this year and last year.
        m0 = date(THIS_YEAR, 1, 1)
        lines = [
            _line(anne.id, m0 + timedelta(days=9), professional_id=doctor.id),
            _line(
                anne.id,
                m0 + timedelta(days=9),
                professional_id=doctor.id,
                category=C.PHARMACY,
                act=("PH7", "Médicaments (2 boîtes)"),
                charged=1240,
                base=1240,
                rate=65,
                participation=0,
                franchise=200,
            ),
            _line(
                anne.id,
                m0 + timedelta(days=20),
                dependent_id=lucas.id,
                professional_id=doctor.id,
                participation=0,
                payee=P.PROFESSIONAL,
                tiers_payant=True,
            ),
            _line(
                anne.id,
                m0 + timedelta(days=33),
                dependent_id=emma.id,
                professional_id=nurse.id,
                category=C.PARAMEDICAL,
                act=("AMI", "Soins infirmiers"),
                charged=1500,
                base=1500,
                rate=60,
                participation=0,
                franchise=100,
            ),
            _line(
                anne.id,
                m0 + timedelta(days=40),
                professional_id=doctor.id,
                status=S.REJECTED,
                reason="Droits non ouverts à la date des soins",
                participation=0,
            ),
            _line(
                anne.id,
                m0 + timedelta(days=45),
                professional_id=nurse.id,
                status=S.PENDING,
                category=C.PARAMEDICAL,
                act=("AMI", "Soins infirmiers"),
                charged=1500,
                base=1500,
                rate=60,
                participation=0,
                franchise=100,
            ),
            _line(
                anne.id,
                date(TAX_YEAR, 6, 3),
                professional_id=doctor.id,
                payee=P.PROFESSIONAL,
                tiers_payant=True,
                participation=0,
            ),
            _line(
                anne.id,
                date(TAX_YEAR, 6, 3),
                dependent_id=lucas.id,
                professional_id=doctor.id,
                participation=0,
            ),
        ]
        s.execute(insert(Reimbursement), lines)
        out.lines = lines
        # The ledger: what was withheld from the lines, what is owed after tiers payant.
        ledger = [
            (THIS_YEAR, E.DeductibleKind.PARTICIPATION, E.LedgerEntryKind.WITHHELD, 200),
            (THIS_YEAR, E.DeductibleKind.FRANCHISE, E.LedgerEntryKind.WITHHELD, 300),
            (THIS_YEAR, E.DeductibleKind.PARTICIPATION, E.LedgerEntryKind.OWED, 200),
            (THIS_YEAR, E.DeductibleKind.FRANCHISE, E.LedgerEntryKind.OWED, 150),
            (TAX_YEAR, E.DeductibleKind.PARTICIPATION, E.LedgerEntryKind.WITHHELD, 4800),
            (TAX_YEAR, E.DeductibleKind.PARTICIPATION, E.LedgerEntryKind.OWED, 200),
            (TAX_YEAR, E.DeductibleKind.FRANCHISE, E.LedgerEntryKind.WITHHELD, 5000),
        ]
        for year, kind, entry, amount in ledger:
            s.add(
                DeductibleEntry(
                    member_id=anne.id,
                    year=year,
                    kind=kind,
                    entry=entry,
                    amount_cents=amount,
                    on=date(year, 1, 21) if year == THIS_YEAR else date(year, 6, 3),
                )
            )

        # Daily allowances: paid in TAX_YEAR (and one paid in THIS_YEAR, not in the statement).
        leaves = {
            "sick": SickLeave(
                member_id=anne.id,
                kind=E.LeaveKind.SICKNESS,
                start_date=date(TAX_YEAR, 2, 1),
                end_date=date(TAX_YEAR, 2, 28),
                prescriber="Dr Paul Durand",
            ),
            "accident": SickLeave(
                member_id=anne.id,
                kind=E.LeaveKind.WORK_ACCIDENT,
                start_date=date(TAX_YEAR, 5, 1),
                end_date=date(TAX_YEAR, 5, 31),
                prescriber="Dr Paul Durand",
            ),
            "ald": SickLeave(
                member_id=anne.id,
                kind=E.LeaveKind.SICKNESS,
                start_date=date(TAX_YEAR, 9, 1),
                end_date=date(TAX_YEAR, 9, 20),
                prescriber="Dr Paul Durand",
                ald_related=True,
            ),
            "late": SickLeave(
                member_id=anne.id,
                kind=E.LeaveKind.SICKNESS,
                start_date=date(TAX_YEAR, 12, 15),
                end_date=date(TAX_YEAR, 12, 31),
                prescriber="Dr Paul Durand",
            ),
        }
        s.add_all(leaves.values())
        s.flush()
        ij = [
            # leave, start, end, days, daily gross, net, paid on
            (
                "sick",
                date(TAX_YEAR, 2, 4),
                date(TAX_YEAR, 2, 17),
                14,
                4512,
                58_071,
                date(TAX_YEAR, 2, 20),
            ),
            (
                "sick",
                date(TAX_YEAR, 2, 18),
                date(TAX_YEAR, 2, 28),
                11,
                4512,
                45_627,
                date(TAX_YEAR, 3, 4),
            ),
            (
                "accident",
                date(TAX_YEAR, 5, 2),
                date(TAX_YEAR, 5, 31),
                30,
                6015,
                165_333,
                date(TAX_YEAR, 6, 5),
            ),
            (
                "ald",
                date(TAX_YEAR, 9, 4),
                date(TAX_YEAR, 9, 20),
                17,
                4512,
                70_515,
                date(TAX_YEAR, 9, 25),
            ),
            (
                "late",
                date(TAX_YEAR, 12, 18),
                date(TAX_YEAR, 12, 31),
                14,
                4512,
                58_071,
                date(THIS_YEAR, 1, 6),
            ),
        ]
        for key, start, end, days, daily, net, paid_on in ij:
            row = {
                "member_id": anne.id,
                "sick_leave_id": leaves[key].id,
                "period_start": start,
                "period_end": end,
                "days": days,
                "daily_gross_cents": daily,
                "gross_cents": daily * days,
                "net_cents": net,
                "taxable_cents": net,
                "paid_on": paid_on,
            }
            s.add(IjPayment(**row))
            out.ij.append({"kind": key, **row})

        if big_lines:
            start = TODAY - timedelta(days=big_lines // 10)
            rows = [
                _line(
                    big.id,
                    start + timedelta(days=i // 10),
                    professional_id=doctor.id if i % 3 else nurse.id,
                    charged=3000 + i % 7,
                    status=S.REJECTED if i % 50 == 0 else S.PAID,
                    reason="Acte non remboursable" if i % 50 == 0 else None,
                    participation=0 if i % 50 == 0 else 200,
                )
                for i in range(big_lines)
            ]
            s.execute(insert(Reimbursement), rows)
    return out
