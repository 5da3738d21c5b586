"""What an accepted declaration changes in the member file, applied in the decision's transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from advisor_desk.domain.css import CssDecision
from advisor_desk.domain.declarations.common import add_years
from advisor_desk.domain.enums import (
    CoverKind,
    DeclarationKind,
    DeductibleKind,
    LedgerEntryKind,
    Relationship,
    Sex,
    VitaleStatus,
)
from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.money import format_eur
from advisor_desk.domain.text import name_key

from .orm import (
    Address,
    BankAccount,
    ComplementaryInsurer,
    CoverPeriod,
    DeductibleEntry,
    Dependent,
    Member,
    VitaleCard,
)
from .orm.declarations import Declaration

K = DeclarationKind
Effect = Callable[[Session, Declaration, Member, date, int], str]


def _str(payload: dict[str, Any], key: str) -> str:
    value = payload.get(key)
    if not isinstance(value, str):
        raise ValidationError(f"La demande est incomplète (« {key} » manquant) : refusez-la.")
    return value


def _int(payload: dict[str, Any], key: str) -> int:
    value = payload.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(f"La demande est incomplète (« {key} » manquant) : refusez-la.")
    return value


def _day(payload: dict[str, Any], key: str) -> date:
    return date.fromisoformat(_str(payload, key))


def _dependent_id(s: Session, member_id: int, rank: int) -> int | None:
    """None for the member (rank 1), else the dependent's id; ValidationError if gone."""
    if rank == 1:
        return None
    dep_id = s.scalar(
        select(Dependent.id).where(Dependent.member_id == member_id, Dependent.rank == rank)
    )
    if dep_id is None:
        raise ValidationError(f"Le bénéficiaire de rang {rank:02d} n'est plus sur le dossier.")
    return dep_id


def _new_card(
    s: Session, d: Declaration, dependent_id: int | None, today: date, n: int
) -> VitaleCard:
    card = VitaleCard(
        member_id=d.member_id,
        dependent_id=dependent_id,
        serial=f"CMD{d.id:09d}{n:02d}",
        status=VitaleStatus.ORDERED,
        issued_on=None,
        status_changed_on=today,
    )
    s.add(card)
    return card


def _vitale_order(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    rank = _int(d.payload, "rank")
    _new_card(s, d, _dependent_id(s, m.id, rank), today, 1)
    return f"Carte Vitale commandée (rang {rank:02d})."


def _vitale_lost(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    rank = _int(d.payload, "rank")
    dep = _dependent_id(s, m.id, rank)
    status = VitaleStatus.STOLEN if d.payload.get("loss_kind") == "stolen" else VitaleStatus.LOST
    live = (VitaleStatus.ACTIVE, VitaleStatus.SENT, VitaleStatus.IN_PRODUCTION)
    query = select(VitaleCard).where(
        VitaleCard.member_id == m.id,
        VitaleCard.dependent_id.is_(None) if dep is None else VitaleCard.dependent_id == dep,
        VitaleCard.status.in_(live),
    )
    blocked = 0
    for card in s.scalars(query.with_for_update()):
        card.status = status
        card.status_changed_on = today
        blocked += 1
    _new_card(s, d, dep, today, 1)
    what = "volée" if status is VitaleStatus.STOLEN else "perdue"
    return f"{blocked} carte(s) mise(s) en opposition ({what}) ; nouvelle carte commandée."


def _bank_details(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    iban = _str(d.payload, "iban")
    closed = 0
    for account in s.scalars(
        select(BankAccount)
        .where(BankAccount.member_id == m.id, BankAccount.valid_to.is_(None))
        .with_for_update()
    ):
        account.valid_to = max(today, account.valid_from)
        closed += 1
    s.add(
        BankAccount(
            member_id=m.id,
            iban=iban,
            bic=_str(d.payload, "bic"),
            holder=_str(d.payload, "holder"),
            valid_from=today,
            valid_to=None,
        )
    )
    return f"Nouvel IBAN actif au {today:%d/%m/%Y} ; {closed} ancien(s) clôturé(s)."


def _address_change(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    start = _day(d.payload, "effective_date")
    for current in s.scalars(
        select(Address)
        .where(Address.member_id == m.id, Address.valid_to.is_(None))
        .with_for_update()
    ):
        current.valid_to = max(start, current.valid_from)
    line2 = d.payload.get("line2")
    s.add(
        Address(
            member_id=m.id,
            line1=_str(d.payload, "line1"),
            line2=line2 if isinstance(line2, str) else None,
            postcode=_str(d.payload, "postcode"),
            city=_str(d.payload, "city"),
            valid_from=start,
            valid_to=None,
        )
    )
    return f"Adresse changée à compter du {start:%d/%m/%Y} (l'ancienne est gardée à l'historique)."


def _member_by_nir(s: Session, nir: str) -> Member | None:
    return s.scalar(select(Member).where(Member.nir == nir))


def _birth(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    # The (member_id, rank) unique constraint refuses a rank taken by a concurrent decision.
    rank = s.scalar(select(func.max(Dependent.rank)).where(Dependent.member_id == m.id))
    next_rank = max(2, (rank or 1) + 1)
    other_id = None
    note = ""
    nir = d.payload.get("other_parent_nir")
    if isinstance(nir, str):
        other = _member_by_nir(s, nir)
        if other is not None and other.id != m.id:
            other_id = other.id
        else:
            note = " L'autre parent n'est pas assuré de la caisse : rattachement à faire par sa caisse."
    last, first = _str(d.payload, "last_name"), _str(d.payload, "first_names")
    s.add(
        Dependent(
            member_id=m.id,
            rank=next_rank,
            relationship=Relationship.CHILD,
            nir=None,
            last_name=last,
            first_names=first,
            name_key=name_key(last),
            first_name_key=name_key(first),
            sex=Sex(_str(d.payload, "sex")),
            birth_date=_day(d.payload, "birth_date"),
            other_parent_member_id=other_id,
        )
    )
    return f"{first} {last} ajouté(e) comme ayant droit de rang {next_rank:02d}.{note}"


def _name_change(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    old = m.last_name
    new = _str(d.payload, "new_last_name")
    m.last_name = new
    m.name_key = name_key(new)
    return f"Nom d'usage changé : {old} → {new}."


def _child_other_parent(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    rank = _int(d.payload, "child_rank")
    child = s.scalar(select(Dependent).where(Dependent.member_id == m.id, Dependent.rank == rank))
    if child is None:
        raise ValidationError(f"L'enfant de rang {rank:02d} n'est plus sur le dossier.")
    other = _member_by_nir(s, _str(d.payload, "other_parent_nir"))
    if other is None or other.id == m.id:
        raise ValidationError(
            "L'autre parent n'est pas assuré de la caisse sous ce NIR : "
            "la demande ne peut pas être acceptée ici (refusez-la ou demandez une correction)."
        )
    child.other_parent_member_id = other.id
    return f"{child.first_names} rattaché(e) aussi à {other.first_names} {other.last_name}."


def _third_party(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    return "Recours contre tiers ouvert auprès de " + _str(d.payload, "third_party_insurer") + "."


def _complementary(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    code = _str(d.payload, "insurer_code")
    insurer = s.scalar(select(ComplementaryInsurer).where(ComplementaryInsurer.code == code))
    if insurer is None:
        raise ValidationError(f"L'organisme « {code} » n'est plus dans la table.")
    m.complementary_insurer_id = insurer.id
    m.complementary_since = _day(d.payload, "start_date")
    return (
        f"Organisme complémentaire : {insurer.name} à compter du {m.complementary_since:%d/%m/%Y}."
    )


def _css(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    decision = _str(d.payload, "eligibility")
    if decision == CssDecision.REFUSED.value:
        raise ValidationError(
            "Les ressources déclarées dépassent le plafond de la CSS : refusez la demande.",
            field="to_state",
        )
    kind = CoverKind.CSS_FREE if decision == CssDecision.FREE.value else CoverKind.CSS_PARTICIPATION
    start = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    last_end = s.scalar(
        select(func.max(CoverPeriod.end)).where(
            CoverPeriod.member_id == m.id,
            CoverPeriod.kind.in_((CoverKind.CSS_FREE, CoverKind.CSS_PARTICIPATION)),
        )
    )
    if last_end is not None and last_end >= start:
        start = last_end + timedelta(days=1)
    end = add_years(start, 1) - timedelta(days=1)
    monthly = _int(d.payload, "monthly_participation_cents")
    s.add(
        CoverPeriod(
            member_id=m.id, kind=kind, start=start, end=end, monthly_participation_cents=monthly
        )
    )
    paid = f", participation {format_eur(monthly)} par mois" if monthly else ""
    return f"CSS ouverte du {start:%d/%m/%Y} au {end:%d/%m/%Y}{paid}."


def _ehic(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    ranks = d.payload.get("ranks")
    listed = ", ".join(f"{r:02d}" for r in ranks) if isinstance(ranks, list) else "01"
    text = f"CEAM commandée(s) pour les rangs {listed}, valable(s) 2 ans."
    if d.payload.get("provisional_offered"):
        text += " Départ sous 15 jours : certificat provisoire de remplacement à remettre."
    return text


def _deductible(s: Session, d: Declaration, m: Member, today: date, agent: int) -> str:
    amount = _int(d.payload, "amount_cents")
    s.scalar(select(Member.id).where(Member.id == m.id).with_for_update())
    e = DeductibleEntry
    signed = case((e.entry == LedgerEntryKind.PAID, -e.amount_cents), else_=e.amount_cents)
    due = [
        (int(year), kind, int(total))
        for year, kind, total in s.execute(
            select(e.year, e.kind, func.sum(signed))
            .where(e.member_id == m.id, e.entry.in_((LedgerEntryKind.OWED, LedgerEntryKind.PAID)))
            .group_by(e.year, e.kind)
        )
        if total > 0
    ]
    due.sort(key=lambda x: (x[0], x[1] is not DeductibleKind.PARTICIPATION))
    owed = sum(t for _, _, t in due)
    if amount > owed:
        raise ValidationError(
            f"Le paiement ({format_eur(amount)}) dépasse désormais la somme due "
            f"({format_eur(owed)}) : refusez la demande.",
            field="to_state",
        )
    left = amount
    for year, kind, total in due:
        if left == 0:
            break
        part = min(left, total)
        left -= part
        s.add(
            DeductibleEntry(
                member_id=m.id,
                year=year,
                kind=kind,
                entry=LedgerEntryKind.PAID,
                amount_cents=part,
                on=today,
                means=str(d.payload.get("means") or "")[:40] or None,
                reference=str(d.payload.get("reference") or "")[:60] or None,
                advisor_id=agent,
            )
        )
    return f"Paiement de {format_eur(amount)} imputé ; reste dû {format_eur(owed - amount)}."


EFFECTS: dict[DeclarationKind, Effect] = {
    K.VITALE_ORDER: _vitale_order,
    K.VITALE_LOST: _vitale_lost,
    K.BANK_DETAILS: _bank_details,
    K.ADDRESS_CHANGE: _address_change,
    K.BIRTH: _birth,
    K.NAME_CHANGE: _name_change,
    K.CHILD_OTHER_PARENT: _child_other_parent,
    K.THIRD_PARTY_ACCIDENT: _third_party,
    K.COMPLEMENTARY_CHOICE: _complementary,
    K.CSS_REQUEST: _css,
    K.EHIC_REQUEST: _ehic,
    K.DEDUCTIBLE_PAYMENT: _deductible,
}


def apply_effect(s: Session, d: Declaration, today: date, agent_id: int) -> str:
    """Apply what an accepted declaration changes; returns a French description of it."""
    member = s.get(Member, d.member_id)
    if member is None:
        raise ValidationError("L'assuré de cette demande n'existe plus.")
    return EFFECTS[d.kind](s, d, member, today, agent_id)
