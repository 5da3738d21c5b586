"""Money as integer cents: French formatting, parsing of typed amounts, rates."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from advisor_desk.domain.errors import ValidationError

NNBSP = "\u202f"  # espace fine insécable: French thousands separator
NBSP = "\u00a0"  # espace insécable: before the € sign

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")
_CURRENCY = re.compile(r"(€|eur|euros?)$", re.IGNORECASE)
_AMOUNT = re.compile(r"(\d*)(?:([.,])(\d*))?")
_MAX_INTEGER_DIGITS = 10  # 100 million euros: far above anything an advisor types


def format_eur(cents: int) -> str:
    """'1 234,56 €' with a narrow no-break space between thousands and a no-break space before €."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}".replace(",", NNBSP)
    return f"{sign}{grouped},{rest:02d}{NBSP}€"


def format_eur_plain(cents: int) -> str:
    """'1234,56' without separators or sign, for editable fields."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros},{rest:02d}"


def parse_eur(text: str, field: str = "montant") -> int:
    """Parse an amount typed in euros ('12,50', '12.50', '12,5 €', '1 234,56') into cents."""
    s = _SPACES.sub("", text.strip())
    s = _CURRENCY.sub("", s)
    if not s:
        raise ValidationError("Saisissez un montant (par exemple 12,50).", field=field)
    if s[0] in "-−":
        raise ValidationError(
            f"Le montant ne peut pas être négatif : « {text.strip()} ».", field=field
        )
    if s[0] == "+":
        s = s[1:]
    if "," in s and "." in s:
        raise ValidationError(
            f"« {text.strip()} » mélange point et virgule : utilisez la virgule pour les "
            "centimes seulement (par exemple 1234,56).",
            field=field,
        )
    m = _AMOUNT.fullmatch(s)
    if m is None or not (m.group(1) or m.group(3)):
        raise ValidationError(
            f"« {text.strip()} » n'est pas un montant (exemple : 12,50).", field=field
        )
    whole, decimals = m.group(1) or "0", m.group(3) or ""
    if len(decimals) > 2:
        raise ValidationError(
            f"Le montant « {text.strip()} » a {len(decimals)} décimales ; "
            "2 au plus (les centimes).",
            field=field,
        )
    if len(whole.lstrip("0")) > _MAX_INTEGER_DIGITS:
        raise ValidationError(f"Le montant « {text.strip()} » est trop grand.", field=field)
    return int(whole) * 100 + int(decimals.ljust(2, "0"))


def apply_rate(base_cents: int, rate_pct: int | Decimal | Fraction) -> int:
    """base × rate / 100, rounded half up to the cent (half away from zero for negatives)."""
    if type(rate_pct) is int:
        # Hot path (the demo seeder calls this millions of times): integer arithmetic only.
        product = abs(base_cents) * rate_pct
        cents = (product + 50) // 100 if product >= 0 else -((-product + 50) // 100)
    else:
        exact = Fraction(abs(base_cents)) * Fraction(rate_pct) / 100
        magnitude = int(abs(exact) + Fraction(1, 2))
        cents = magnitude if exact >= 0 else -magnitude
    return cents if base_cents >= 0 else -cents
