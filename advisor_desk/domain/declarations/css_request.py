"""Demande de Complémentaire santé solidaire: household, 12 months of income, eligibility."""

from __future__ import annotations

import re
from datetime import date

from advisor_desk.domain.css import (
    CssDecision,
    css_eligibility,
    css_monthly_participation_cents,
    reference_income_period,
)
from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.money import parse_eur
from advisor_desk.domain.reference import ceilings_at, css_participation_at

from .common import (
    DocumentSpec,
    FieldSpec,
    FieldType,
    FilingContext,
    Payload,
    Raw,
    check_name_chars,
    fr_date,
    lines,
    parse_date_text,
)

_MONTH = re.compile(r"(\d{1,2})[/.\-](\d{4})|(\d{4})-(\d{1,2})")
MAX_HOUSEHOLD = 20

FIELDS = (
    FieldSpec(
        "household",
        "Autres membres du foyer",
        FieldType.MULTILINE,
        required=False,
        help="une personne par ligne : Prénom NOM ; JJ/MM/AAAA",
    ),
    FieldSpec(
        "incomes",
        "Ressources du foyer, mois par mois",
        FieldType.MULTILINE,
        help="une ligne par mois de la période de référence : MM/AAAA ; montant en euros",
    ),
)


def _split(line: str) -> list[str]:
    return [p.strip() for p in re.split(r"[;:\t|]", line)]


def _household(raw: Raw) -> list[tuple[str, date]]:
    out: list[tuple[str, date]] = []
    for n, line in enumerate(lines(raw, "household", "les membres du foyer", required=False), 1):
        parts = _split(line)
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise ValidationError(
                f"Membres du foyer, ligne {n} : écrivez « Prénom NOM ; JJ/MM/AAAA », "
                f"« {line[:60]} » saisi.",
                field="household",
            )
        check_name_chars(parts[0], "household", f"membres du foyer, ligne {n} : le nom")
        born = parse_date_text(parts[1], "household", f"membres du foyer, ligne {n} : la date")
        out.append((parts[0], born))
    if len(out) + 1 > MAX_HOUSEHOLD:
        raise ValidationError(
            f"Un foyer de plus de {MAX_HOUSEHOLD} personnes n'est pas plausible.", "household"
        )
    return out


def _parse_month(text: str, n: int) -> date:
    m = _MONTH.fullmatch(text.strip())
    if m is None:
        raise ValidationError(
            f"Ressources, ligne {n} : « {text[:20]} » n'est pas un mois (MM/AAAA).",
            field="incomes",
        )
    month, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    if not 1 <= int(month) <= 12:
        raise ValidationError(
            f"Ressources, ligne {n} : le mois {month} n'existe pas.", field="incomes"
        )
    return date(int(year), int(month), 1)


def _incomes(raw: Raw, start: date, end: date) -> dict[date, int]:
    months: dict[date, int] = {}
    for n, line in enumerate(lines(raw, "incomes", "les ressources du foyer mois par mois"), 1):
        parts = _split(line)
        if len(parts) != 2:
            raise ValidationError(
                f"Ressources, ligne {n} : écrivez « MM/AAAA ; montant », « {line[:60]} » saisi.",
                field="incomes",
            )
        month = _parse_month(parts[0], n)
        if not start <= month <= end:
            raise ValidationError(
                f"Ressources, ligne {n} : {month.month:02d}/{month.year} est hors de la période "
                f"de référence (du {fr_date(start)} au {fr_date(end)}).",
                field="incomes",
            )
        if month in months:
            raise ValidationError(
                f"Ressources, ligne {n} : le mois {month.month:02d}/{month.year} est saisi "
                "deux fois.",
                field="incomes",
            )
        months[month] = parse_eur(parts[1], field="incomes")
    expected = _months_between(start, end)
    missing = [m for m in expected if m not in months]
    if missing:
        listed = ", ".join(f"{m.month:02d}/{m.year}" for m in missing[:4])
        more = "…" if len(missing) > 4 else ""
        raise ValidationError(
            f"Ressources : il manque {len(missing)} mois de la période de référence "
            f"({listed}{more}) ; déclarez 0 pour un mois sans ressources.",
            field="incomes",
        )
    return months


def _months_between(start: date, end: date) -> list[date]:
    out = []
    day = start
    while day <= end:
        out.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def validate(raw: Raw, ctx: FilingContext) -> Payload:
    member = ctx.person(1)
    if member is None:
        raise ValidationError("La date de naissance de l'assuré est inconnue.", "household")
    household = _household(raw)
    start, end = reference_income_period(ctx.today)
    months = _incomes(raw, start, end)
    yearly = sum(months.values())
    size = 1 + len(household)
    try:
        ceilings = ceilings_at(ctx.css_ceilings, ctx.today)
    except KeyError:
        raise ValidationError(
            f"Aucun barème CSS n'est en vigueur le {fr_date(ctx.today)} : "
            "prévenez l'administrateur.",
            field="incomes",
        ) from None
    decision = css_eligibility(size, yearly, ceilings)
    monthly = 0
    if decision is CssDecision.PARTICIPATION:
        jan1 = date(ctx.today.year, 1, 1)
        ages = [max(0, _age_on(b, jan1)) for b in [member.birth_date, *(b for _, b in household)]]
        try:
            monthly = css_monthly_participation_cents(
                ages, css_participation_at(ctx.css_participation, ctx.today)
            )
        except (KeyError, ValueError):
            raise ValidationError(
                "Le barème de participation CSS en vigueur ne couvre pas l'âge d'un membre "
                "du foyer : prévenez l'administrateur.",
                field="household",
            ) from None
    return {
        "household": [{"name": n, "birth_date": b.isoformat()} for n, b in household],
        "household_size": size,
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "monthly_incomes": {f"{m.year}-{m.month:02d}": c for m, c in sorted(months.items())},
        "yearly_income_cents": yearly,
        "free_ceiling_cents": ceilings.free_ceiling(size),
        "participation_ceiling_cents": ceilings.participation_ceiling(size),
        "eligibility": decision.value,
        "monthly_participation_cents": monthly,
    }


def documents(payload: Payload) -> tuple[DocumentSpec, ...]:
    return (
        DocumentSpec("Justificatifs de ressources des 12 mois de référence"),
        DocumentSpec("Dernier avis d'imposition", required=False),
    )
