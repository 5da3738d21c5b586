"""A declaration's payload as French (label, value) lines, for the detail view and the receipt."""

from __future__ import annotations

from datetime import date

from advisor_desk.domain.enums import DeclarationKind
from advisor_desk.domain.money import format_eur

from . import FORMS
from .common import Payload

_EXTRA_LABELS = {
    "new_last_name": "Nouveau nom",
    "insurer_name": "Nom de l'organisme",
    "amount_cents": "Montant réglé",
    "household_size": "Personnes au foyer",
    "period_start": "Période de référence, du",
    "period_end": "Période de référence, au",
    "monthly_incomes": "Ressources mensuelles",
    "yearly_income_cents": "Ressources sur 12 mois",
    "free_ceiling_cents": "Plafond CSS gratuite",
    "participation_ceiling_cents": "Plafond CSS avec participation",
    "eligibility": "Éligibilité calculée",
    "monthly_participation_cents": "Participation mensuelle",
    "provisional_offered": "Certificat provisoire proposé",
    "card_valid_until": "Carte valable jusqu'au",
    "provisional_valid_until": "Certificat provisoire valable jusqu'au",
}
_ELIGIBILITY = {
    "free": "CSS sans participation",
    "participation": "CSS avec participation",
    "refused": "ressources au-dessus du plafond",
}


def _value(key: str, value: object, choices: dict[str, str]) -> str:
    if isinstance(value, bool):
        return "oui" if value else "non"
    if key == "eligibility" and isinstance(value, str):
        return _ELIGIBILITY.get(value, value)
    if isinstance(value, int) and key.endswith("_cents"):
        return format_eur(value)
    if isinstance(value, str) and value in choices:
        return choices[value]
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append(" ".join(_value(k, v, {}) for k, v in item.items()))
            elif isinstance(item, int):
                parts.append(f"{item:02d}")
            else:
                parts.append(str(item))
        return ", ".join(parts) if parts else "—"
    if isinstance(value, dict):
        return ", ".join(
            f"{k} : {format_eur(v) if isinstance(v, int) else v}" for k, v in value.items()
        )
    if value is None:
        return "—"
    return str(value)


def summarize(kind: DeclarationKind, payload: Payload) -> list[tuple[str, str]]:
    """The payload in form order, then the computed values, as French (label, value) pairs."""
    form = FORMS[kind]
    lines: list[tuple[str, str]] = []
    seen: set[str] = set()
    for spec in form.fields:
        if spec.name in payload:
            seen.add(spec.name)
            lines.append((spec.label, _value(spec.name, payload[spec.name], dict(spec.choices))))
    for key, value in payload.items():
        if key not in seen:
            lines.append((_EXTRA_LABELS.get(key, key), _value(key, value, {})))
    return lines
