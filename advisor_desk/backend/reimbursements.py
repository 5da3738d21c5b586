"""Reimbursements of a member (keyset pages, SQL totals, monthly statements) and deductibles owed."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, extract, func, literal, or_, select
from sqlalchemy.orm import Session

from advisor_desk.domain.enums import (
    CoverKind,
    DeductibleKind,
    LeaveKind,
    LedgerEntryKind,
    Payee,
    ReimbursementStatus,
)
from advisor_desk.domain.errors import NotFound, ValidationError
from advisor_desk.domain.money import format_eur
from advisor_desk.domain.permissions import Permission
from advisor_desk.domain.reference import DatedValue, value_at

from .orm import (
    CoverPeriod,
    DeductibleEntry,
    Dependent,
    Member,
    Professional,
    ReferenceValue,
    Reimbursement,
    SickLeave,
)
from .reimbursements_dto import (
    PAYMENT_MEANS_FR,
    Beneficiary,
    DebtLine,
    DeductiblesOverview,
    DeductibleYear,
    Exemption,
    ExemptionReason,
    MonthlyStatementSummary,
    PaymentMeans,
    PaymentReceipt,
    ProfessionalRef,
    RateChange,
    ReimbursementFilter,
    ReimbursementOverview,
    ReimbursementPage,
    ReimbursementRow,
    ReimbursementSort,
    ReimbursementTotals,
)
from .service import Service, api

MAX_PAGE = 500
DEFAULT_ONLINE_MONTHS = 27  # used only if the reference value is missing


# --------------------------------------------------------------------------- helpers


def load_reference_values(session: Session) -> list[DatedValue]:
    """The dated reference values of the database (loaded there from resources/reference)."""
    return [
        DatedValue(r.key, r.valid_from, r.valid_to, r.value, r.unit, r.note or "")
        for r in session.scalars(select(ReferenceValue))
    ]


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def person_name(first_names: str, last_name: str) -> str:
    """'Sophie Corinne BRETON': the civil first names (stored "Sophie, Corinne") as printed."""
    firsts = " ".join(first_names.replace(",", " ").split())
    return f"{firsts} {last_name.upper()}".strip()


def professional_name(p: Professional, *, initial: bool = False) -> str:
    """'Paul DURAND', 'P. DURAND' with `initial`; a facility (no first name) by its name only."""
    first = p.first_name.strip()
    if not first:
        return p.last_name.strip().upper()
    return f"{first[:1]}. {p.last_name.upper()}" if initial else person_name(first, p.last_name)


def require_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("Assuré inconnu.")
    return member


_BENEF_RANK = func.coalesce(Dependent.rank, 1)
_PRO_NAME = func.coalesce(Professional.last_name, "")


def _sort_expression(sort: ReimbursementSort) -> ColumnElement[Any]:
    r = Reimbursement
    expressions: dict[ReimbursementSort, Any] = {
        ReimbursementSort.CARE_DATE: r.care_date,
        # Pending lines have no payment date: sort them as if paid in the far future.
        ReimbursementSort.PAYMENT_DATE: func.coalesce(r.payment_date, literal(date(9999, 12, 31))),
        ReimbursementSort.BENEFICIARY: _BENEF_RANK,
        ReimbursementSort.PROFESSIONAL: _PRO_NAME,
        ReimbursementSort.ACT: r.act_label,
        ReimbursementSort.CHARGED: r.charged_cents,
        ReimbursementSort.REIMBURSED: r.reimbursed_cents,
        ReimbursementSort.STATUS: r.status,
    }
    expression: ColumnElement[Any] = expressions[sort]
    return expression


_DATE_SORTS = {ReimbursementSort.CARE_DATE, ReimbursementSort.PAYMENT_DATE}
_INT_SORTS = {
    ReimbursementSort.BENEFICIARY,
    ReimbursementSort.CHARGED,
    ReimbursementSort.REIMBURSED,
}


def encode_cursor(sort: ReimbursementSort, value: object, row_id: int) -> str:
    if isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, StrEnum):
        text = value.value
    else:
        text = str(value)
    return f"{sort.value}|{row_id}|{text}"


def decode_cursor(sort: ReimbursementSort, cursor: str) -> tuple[object, int]:
    try:
        sort_name, row_id, text = cursor.split("|", 2)
        if sort_name != sort.value:
            raise ValueError("cursor of another sort")
        value: object
        if sort in _DATE_SORTS:
            value = date.fromisoformat(text)
        elif sort in _INT_SORTS:
            value = int(text)
        else:
            value = text
        return value, int(row_id)
    except ValueError:
        raise ValidationError("Curseur de pagination invalide : rechargez la liste.") from None


def _filtered(query: Select[Any], member_id: int, f: ReimbursementFilter) -> Select[Any]:
    r = Reimbursement
    query = query.where(r.member_id == member_id)
    if f.care_from is not None:
        query = query.where(r.care_date >= f.care_from)
    if f.care_to is not None:
        query = query.where(r.care_date <= f.care_to)
    if f.paid_from is not None:
        query = query.where(r.payment_date >= f.paid_from)
    if f.paid_to is not None:
        query = query.where(r.payment_date <= f.paid_to)
    if f.rank is not None:
        if f.rank == 1:
            query = query.where(r.dependent_id.is_(None))
        else:
            query = query.where(
                r.dependent_id.in_(
                    select(Dependent.id).where(
                        Dependent.member_id == member_id, Dependent.rank == f.rank
                    )
                )
            )
    if f.categories:
        query = query.where(r.category.in_(f.categories))
    if f.statuses:
        query = query.where(r.status.in_(f.statuses))
    if f.professional_id is not None:
        query = query.where(r.professional_id == f.professional_id)
    return query


def _row(
    r: Reimbursement, dep: Dependent | None, pro: Professional | None, member_name: str
) -> ReimbursementRow:
    return ReimbursementRow(
        id=r.id,
        care_date=r.care_date,
        rank=dep.rank if dep is not None else 1,
        beneficiary=person_name(dep.first_names, dep.last_name) if dep is not None else member_name,
        professional_id=r.professional_id,
        professional=f"{professional_name(pro)} ({pro.specialty})" if pro is not None else None,
        act_code=r.act_code,
        act_label=r.act_label,
        category=r.category,
        quantity=r.quantity,
        charged_cents=r.charged_cents,
        base_cents=r.base_cents,
        rate_pct=r.rate_pct,
        reimbursed_cents=r.reimbursed_cents,
        participation_cents=r.participation_cents,
        franchise_cents=r.franchise_cents,
        tiers_payant=r.tiers_payant,
        ald_related=r.ald_related,
        status=r.status,
        rejection_reason=r.rejection_reason,
        payee=r.payee,
        payment_date=r.payment_date,
    )


def fetch_rows(
    session: Session,
    member: Member,
    f: ReimbursementFilter,
    cursor: str | None,
    limit: int,
) -> ReimbursementPage:
    """One keyset page: (sort value, id) after the cursor, in the filter's order."""
    r = Reimbursement
    key = _sort_expression(f.sort)
    query = (
        select(r, Dependent, Professional, key)
        .outerjoin(Dependent, Dependent.id == r.dependent_id)
        .outerjoin(Professional, Professional.id == r.professional_id)
    )
    query = _filtered(query, member.id, f)
    if cursor is not None:
        value, last_id = decode_cursor(f.sort, cursor)
        if f.descending:
            query = query.where(or_(key < value, and_(key == value, r.id < last_id)))
        else:
            query = query.where(or_(key > value, and_(key == value, r.id > last_id)))
    if f.descending:
        query = query.order_by(key.desc(), r.id.desc())
    else:
        query = query.order_by(key.asc(), r.id.asc())
    result = session.execute(query.limit(limit + 1)).all()
    member_name = person_name(member.first_names, member.last_name)
    rows = [_row(line, dep, pro, member_name) for line, dep, pro, _ in result[:limit]]
    next_cursor = None
    if len(result) > limit:
        last = result[limit - 1]
        next_cursor = encode_cursor(f.sort, last[3], last[0].id)
    return ReimbursementPage(rows=rows, next_cursor=next_cursor)


def compute_totals(session: Session, member_id: int, f: ReimbursementFilter) -> ReimbursementTotals:
    r = Reimbursement
    paid = r.status == ReimbursementStatus.PAID
    query = select(
        func.count(r.id),
        func.coalesce(func.sum(r.charged_cents), 0),
        func.coalesce(func.sum(r.base_cents), 0),
        func.coalesce(func.sum(r.reimbursed_cents), 0),
        func.coalesce(func.sum(r.participation_cents), 0),
        func.coalesce(func.sum(r.franchise_cents), 0),
        func.coalesce(
            func.sum(case((and_(paid, r.payee == Payee.MEMBER), r.reimbursed_cents), else_=0)), 0
        ),
        func.coalesce(
            func.sum(
                case((and_(paid, r.payee == Payee.PROFESSIONAL), r.reimbursed_cents), else_=0)
            ),
            0,
        ),
        func.coalesce(func.sum(case((r.status == ReimbursementStatus.PENDING, 1), else_=0)), 0),
        func.coalesce(func.sum(case((r.status == ReimbursementStatus.REJECTED, 1), else_=0)), 0),
    ).select_from(r)
    values = session.execute(_filtered(query, member_id, f)).one()
    return ReimbursementTotals(*(int(v) for v in values))


def beneficiaries_of(session: Session, member: Member) -> list[Beneficiary]:
    out = [
        Beneficiary(
            rank=1,
            dependent_id=None,
            name=person_name(member.first_names, member.last_name),
            birth_date=member.birth_date,
            relationship=None,
        )
    ]
    for d in session.scalars(
        select(Dependent).where(Dependent.member_id == member.id).order_by(Dependent.rank)
    ):
        out.append(
            Beneficiary(
                rank=d.rank,
                dependent_id=d.id,
                name=person_name(d.first_names, d.last_name),
                birth_date=d.birth_date,
                relationship=d.relationship,
            )
        )
    return out


# --------------------------------------------------------------------------- deductibles


def _rate_changes(values: Sequence[DatedValue], year: int) -> list[RateChange]:
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    keys = (
        "participation.per_act_cents",
        "participation.max_acts_per_day_per_professional",
        "franchise.box_cents",
        "franchise.paramedical_act_cents",
        "franchise.paramedical_day_cap_cents",
        "franchise.transport_cents",
        "franchise.transport_day_cap_cents",
    )
    out = [
        RateChange(
            v.key,
            max(v.valid_from, start),
            v.valid_to if v.valid_to and v.valid_to < end else None,
            v.value,
        )
        for v in values
        if v.key in keys and v.valid_from < end and (v.valid_to is None or v.valid_to > start)
    ]
    return sorted(out, key=lambda c: (keys.index(c.key), c.valid_from))


def deductible_years(
    session: Session, member_id: int, years: Sequence[int] | None = None
) -> list[DeductibleYear]:
    """Ledger sums by year and kind (SQL aggregate), caps in force, and the tiers-payant debts."""
    e = DeductibleEntry
    query = select(e.year, e.kind, e.entry, func.sum(e.amount_cents)).where(
        e.member_id == member_id
    )
    if years is not None:
        query = query.where(e.year.in_(years))
    sums: dict[int, dict[tuple[DeductibleKind, LedgerEntryKind], int]] = defaultdict(dict)
    for year, kind, entry, amount in session.execute(query.group_by(e.year, e.kind, e.entry)):
        sums[int(year)][(kind, entry)] = int(amount)
    wanted = sorted(
        set(years) if years is not None else set(sums) | {date.today().year}, reverse=True
    )
    debts_by_year: dict[int, list[DebtLine]] = defaultdict(list)
    debt_query = (
        select(e, Reimbursement.act_label, Reimbursement.care_date)
        .outerjoin(Reimbursement, Reimbursement.id == e.reimbursement_id)
        .where(e.member_id == member_id, e.entry == LedgerEntryKind.OWED, e.year.in_(wanted))
        .order_by(e.on.desc(), e.id.desc())
    )
    for owed, act_label, care_date in session.execute(debt_query):
        debts_by_year[owed.year].append(
            DebtLine(owed.id, owed.on, owed.kind, owed.amount_cents, act_label, care_date)
        )
    values = load_reference_values(session)
    out = []
    for year in wanted:
        s = sums.get(year, {})
        last_day = min(date(year, 12, 31), max(date.today(), date(year, 1, 1)))
        P, F = DeductibleKind.PARTICIPATION, DeductibleKind.FRANCHISE
        W, Ow, Pd = LedgerEntryKind.WITHHELD, LedgerEntryKind.OWED, LedgerEntryKind.PAID
        out.append(
            DeductibleYear(
                year=year,
                participation_withheld_cents=s.get((P, W), 0),
                participation_owed_cents=s.get((P, Ow), 0),
                participation_paid_cents=s.get((P, Pd), 0),
                participation_cap_cents=value_at(values, "participation.year_cap_cents", last_day),
                franchise_withheld_cents=s.get((F, W), 0),
                franchise_owed_cents=s.get((F, Ow), 0),
                franchise_paid_cents=s.get((F, Pd), 0),
                franchise_cap_cents=value_at(values, "franchise.year_cap_cents", last_day),
                rates=_rate_changes(values, year),
                debts=debts_by_year.get(year, []),
            )
        )
    return out


def exemptions_of(session: Session, member: Member, since: date) -> list[Exemption]:
    out: list[Exemption] = []
    adult_on = add_months(member.birth_date, 18 * 12)
    if adult_on > since:
        out.append(
            Exemption(
                ExemptionReason.MINOR,
                member.birth_date,
                adult_on,
                "Assuré mineur (moins de 18 ans)",
            )
        )
    for c in session.scalars(
        select(CoverPeriod)
        .where(CoverPeriod.member_id == member.id, CoverPeriod.end >= since)
        .order_by(CoverPeriod.start)
    ):
        if c.kind is CoverKind.AME:
            out.append(Exemption(ExemptionReason.AME, c.start, c.end, "Aide médicale de l'État"))
        else:
            label = (
                "Complémentaire santé solidaire gratuite"
                if c.kind is CoverKind.CSS_FREE
                else "Complémentaire santé solidaire avec participation"
            )
            out.append(Exemption(ExemptionReason.CSS, c.start, c.end, label))
    for leave in session.scalars(
        select(SickLeave)
        .where(
            SickLeave.member_id == member.id,
            SickLeave.kind == LeaveKind.MATERNITY,
            SickLeave.end_date >= since,
        )
        .order_by(SickLeave.start_date)
    ):
        out.append(
            Exemption(
                ExemptionReason.MATERNITY,
                leave.start_date,
                leave.end_date,
                "Maternité (du 6e mois de grossesse au 12e jour après l'accouchement)",
            )
        )
    return out


# --------------------------------------------------------------------------- the service


class ReimbursementsService(Service):
    name = "reimbursements"

    @api(Permission.REIMBURSEMENT_READ, readonly=True)
    def overview(self, member_id: int) -> ReimbursementOverview:
        """Beneficiaries, professionals seen and the default period, for the tab's filters."""
        with self._ctx.tx() as s:
            member = require_member(s, member_id)
            pro_ids = (
                select(Reimbursement.professional_id)
                .where(Reimbursement.member_id == member_id)
                .distinct()
            )
            pros = [
                ProfessionalRef(p.id, professional_name(p), p.specialty)
                for p in s.scalars(
                    select(Professional)
                    .where(Professional.id.in_(pro_ids))
                    .order_by(Professional.last_name, Professional.first_name)
                )
            ]
            values = load_reference_values(s)
            today = date.today()
            try:
                months = value_at(values, "statement.online_months", today)
            except KeyError:
                months = DEFAULT_ONLINE_MONTHS
            self._ctx.audit(s, "reimbursements.overview", member_id=member_id)
            return ReimbursementOverview(
                member_id=member_id,
                member_name=person_name(member.first_names, member.last_name),
                beneficiaries=beneficiaries_of(s, member),
                professionals=pros,
                default_from=add_months(today.replace(day=1), -(months - 1)),
                online_months=months,
            )

    @api(Permission.REIMBURSEMENT_READ, readonly=True)
    def page(
        self,
        member_id: int,
        filter: ReimbursementFilter,
        cursor: str | None = None,
        limit: int = 200,
    ) -> ReimbursementPage:
        """One page of lines after `cursor` (None: the first page, which is audited)."""
        limit = max(1, min(limit, MAX_PAGE))
        with self._ctx.tx(readonly=cursor is not None) as s:
            member = require_member(s, member_id)
            page = fetch_rows(s, member, filter, cursor, limit)
            if cursor is None:
                # One audit row per listing, not per page scrolled.
                self._ctx.audit(s, "reimbursements.page", member_id=member_id)
            return page

    @api(Permission.REIMBURSEMENT_READ, readonly=True)
    def totals(self, member_id: int, filter: ReimbursementFilter) -> ReimbursementTotals:
        """Sums over every line the filter selects (SQL aggregate, not the loaded pages)."""
        with self._ctx.tx(readonly=True) as s:
            require_member(s, member_id)
            return compute_totals(s, member_id, filter)

    @api(Permission.REIMBURSEMENT_READ, readonly=True)
    def monthly_statements(
        self, member_id: int, paid_from: date, paid_to: date
    ) -> list[MonthlyStatementSummary]:
        """The months with payments, newest first, as the member sees the statements online."""
        r = Reimbursement
        year, month = extract("year", r.payment_date), extract("month", r.payment_date)
        query = (
            select(
                year,
                month,
                func.count(r.id),
                func.sum(r.reimbursed_cents),
                func.sum(case((r.payee == Payee.MEMBER, r.reimbursed_cents), else_=0)),
                func.sum(r.participation_cents + r.franchise_cents),
            )
            .where(
                r.member_id == member_id,
                r.status == ReimbursementStatus.PAID,
                r.payment_date >= paid_from,
                r.payment_date <= paid_to,
            )
            .group_by(year, month)
            .order_by(year.desc(), month.desc())
        )
        with self._ctx.tx() as s:
            require_member(s, member_id)
            rows = s.execute(query).all()
            self._ctx.audit(s, "reimbursements.monthly_statements", member_id=member_id)
        return [MonthlyStatementSummary(*(int(v) for v in row)) for row in rows]

    @api(Permission.REIMBURSEMENT_READ, readonly=True)
    def deductibles(self, member_id: int) -> DeductiblesOverview:
        """Withheld, owed and paid deductibles per year, caps, exemptions and debts."""
        with self._ctx.tx() as s:
            member = require_member(s, member_id)
            years = deductible_years(s, member_id)
            since = date(min(y.year for y in years), 1, 1)
            exemptions = exemptions_of(s, member, since)
            self._ctx.audit(s, "reimbursements.deductibles", member_id=member_id)
        return DeductiblesOverview(
            member_id=member_id,
            years=years,
            exemptions=exemptions,
            balance_cents=sum(y.balance_cents for y in years),
        )

    @api(Permission.DEDUCTIBLE_PAYMENT)
    def record_deductible_payment(
        self,
        member_id: int,
        amount_cents: int,
        means: PaymentMeans,
        reference: str | None = None,
    ) -> PaymentReceipt:
        """Record a payment of deductibles owed: oldest year first, participation before franchise.

        The ledger rows and the audit row are written in one transaction; the member row is
        locked first (FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE on SQLite) so two counters
        cannot both take the same debt.
        """
        if amount_cents <= 0:
            raise ValidationError("Le montant réglé doit être positif.", "amount")
        reference = (reference or "").strip() or None
        if reference is not None and len(reference) > 60:
            raise ValidationError(
                "La référence du paiement fait 60 caractères au plus.", "reference"
            )
        today = date.today()
        with self._ctx.tx() as s:
            member = s.scalar(select(Member).where(Member.id == member_id).with_for_update())
            if member is None:
                raise NotFound("Assuré inconnu.")
            e = DeductibleEntry
            signed = case((e.entry == LedgerEntryKind.PAID, -e.amount_cents), else_=e.amount_cents)
            due = [
                (int(year), kind, int(amount))
                for year, kind, amount in s.execute(
                    select(e.year, e.kind, func.sum(signed))
                    .where(
                        e.member_id == member_id,
                        e.entry.in_((LedgerEntryKind.OWED, LedgerEntryKind.PAID)),
                    )
                    .group_by(e.year, e.kind)
                    .order_by(e.year)
                )
                if amount > 0
            ]
            due.sort(key=lambda d: (d[0], d[1] is not DeductibleKind.PARTICIPATION))
            owed = sum(amount for _, _, amount in due)
            if owed == 0:
                raise ValidationError(
                    "Cet assuré ne doit rien au titre des franchises et participations "
                    "forfaitaires : aucun paiement à enregistrer.",
                    "amount",
                )
            if amount_cents > owed:
                raise ValidationError(
                    f"Le montant réglé ({format_eur(amount_cents)}) dépasse la somme due "
                    f"({format_eur(owed)}) : encaissez au plus {format_eur(owed)}.",
                    "amount",
                )
            if means is not PaymentMeans.CASH and reference is None:
                raise ValidationError(
                    "Indiquez la référence du paiement (n° de chèque, de transaction ou de virement).",
                    "reference",
                )
            left = amount_cents
            entries: list[DeductibleEntry] = []
            for year, kind, amount in due:
                if left == 0:
                    break
                part = min(left, amount)
                left -= part
                entries.append(
                    DeductibleEntry(
                        member_id=member_id,
                        year=year,
                        kind=kind,
                        entry=LedgerEntryKind.PAID,
                        amount_cents=part,
                        on=today,
                        means=means.value,
                        reference=reference,
                        advisor_id=self._ctx.advisor.id,
                    )
                )
            s.add_all(entries)
            s.flush()
            self._ctx.audit(
                s,
                "reimbursements.record_deductible_payment",
                member_id=member_id,
                target=",".join(f"deductible_entry:{x.id}" for x in entries),
                detail=f"{format_eur(amount_cents)} par {PAYMENT_MEANS_FR[means]}"
                + (f", réf. {reference}" if reference else ""),
            )
            return PaymentReceipt(
                member_id=member_id,
                amount_cents=amount_cents,
                means=means,
                reference=reference,
                entry_ids=[x.id for x in entries],
                balance_cents=owed - amount_cents,
            )
