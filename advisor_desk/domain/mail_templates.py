"""Reply-template variables: list them, fill them, and name the ones nobody knows."""

from __future__ import annotations

import string
from collections.abc import Mapping

from .errors import ValidationError

# The variables a template may use, with what they mean (shown to template authors).
KNOWN_VARIABLES: dict[str, str] = {
    "member_name": "Prénom et nom de l'assuré",
    "member_first_name": "Prénom de l'assuré",
    "member_last_name": "Nom de l'assuré",
    "nir_last_digits": "Cinq derniers chiffres du NIR (numéro d'ordre et clé)",
    "date": "Date du jour (jj/mm/aaaa)",
    "today": "Date du jour (jj/mm/aaaa)",
    "received_date": "Date de réception du premier message",
    "subject": "Objet de l'échange",
    "thread_ref": "Référence de l'échange",
    "agent_name": "Nom de l'agent qui répond",
    "office_name": "Point d'accueil de l'agent",
    "deductibles_due": "Franchises et participations restant dues (en euros)",
}

_FORMATTER = string.Formatter()


def template_variables(body: str) -> list[str]:
    """The variable names a template uses, in order of first use; raises on a malformed body."""
    names: list[str] = []
    try:
        parsed = list(_FORMATTER.parse(body))
    except ValueError as exc:
        raise ValidationError(f"Modèle mal formé (accolade non fermée ?) : {exc}.") from None
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field or not field.isidentifier() or spec or conversion:
            raise ValidationError(f"Variable de modèle invalide : « {{{field}}} ».")
        if field not in names:
            names.append(field)
    return names


def unknown_variables(body: str, values: Mapping[str, str]) -> list[str]:
    """The variables of `body` that `values` does not provide."""
    return [name for name in template_variables(body) if name not in values]


def fill_template(body: str, values: Mapping[str, str]) -> str:
    """The template with every variable replaced; ValidationError naming any unknown one.

    Nothing is ever half-filled: a reply with a raw '{variable}' left in it must not reach
    a member.
    """
    missing = unknown_variables(body, values)
    if missing:
        names = ", ".join(f"{{{n}}}" for n in missing)
        plural = "s" if len(missing) > 1 else ""
        raise ValidationError(
            f"Variable{plural} inconnue{plural} dans le modèle : {names}. "
            "Corrigez le modèle ou complétez la réponse à la main.",
            "template",
        )
    return body.format_map(dict(values))
