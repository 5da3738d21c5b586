"""NIR (numéro de sécurité sociale): parsing, key, formatting and masking."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from advisor_desk.domain.enums import Sex
from advisor_desk.domain.errors import ValidationError

# Typed at a counter, from a card or a letter: people put spaces, dots or dashes between groups.
_SEPARATORS = re.compile(r"[\s.\-_/]+")
_SEX_DIGITS = frozenset("1278")
_CORSICA = {"2A": "19", "2B": "18"}


def normalize_nir_input(text: str) -> str:
    """Strip spaces (any kind), dots, dashes, underscores and slashes; uppercase."""
    return _SEPARATORS.sub("", text).upper()


def _numeric13(number13: str) -> int:
    """The 13-character number as an integer, Corsica's 2A/2B replaced by 19/18."""
    dept = number13[5:7]
    if dept in _CORSICA:
        number13 = number13[:5] + _CORSICA[dept] + number13[7:]
    return int(number13)


def compute_key(number13: str) -> str:
    """Key of a 13-character NIR: 97 − (number mod 97), two digits (2A → 19, 2B → 18 first)."""
    if len(number13) != 13 or not is_nir_shaped(number13):
        raise ValueError(f"compute_key attend 13 caractères de NIR, reçu {number13!r}")
    return f"{97 - _numeric13(number13) % 97:02d}"


def is_nir_shaped(text: str) -> bool:
    """Digits everywhere, except 2A/2B allowed in the département position (characters 6-7)."""
    if text.isdigit() and text.isascii():
        return True
    return (
        len(text) >= 7
        and text[5:7] in _CORSICA
        and (text[:5] + text[7:]).isdigit()
        and text.isascii()
    )


@dataclass(frozen=True, slots=True)
class Nir:
    """A validated NIR split into its parts.

    `department` is 2 characters ('75', '2A', '99') or 3 for overseas ('971', '988'), in which
    case `commune` has 2 digits; for '99' (born abroad) `commune` is the INSEE country code.
    """

    sex_digit: str
    year: str
    month: str
    department: str
    commune: str
    order: str
    key: str

    @property
    def number13(self) -> str:
        return self.sex_digit + self.year + self.month + self.department + self.commune + self.order

    @property
    def full(self) -> str:
        return self.number13 + self.key

    @property
    def is_temporary(self) -> bool:
        # 7 and 8 are temporary numbers (NIA) given while the RNIPP registration is pending.
        return self.sex_digit in "78"

    @property
    def sex(self) -> Sex:
        return Sex.MALE if self.sex_digit in "17" else Sex.FEMALE

    @property
    def birth_month_known(self) -> bool:
        return 1 <= int(self.month) <= 12

    @property
    def born_abroad(self) -> bool:
        return self.department == "99"

    def formatted(self) -> str:
        """Print form by position, as on the carte Vitale: '1 84 03 75 112 123 45'."""
        f = self.full
        return f"{f[0]} {f[1:3]} {f[3:5]} {f[5:7]} {f[7:10]} {f[10:13]} {f[13:]}"

    def masked(self) -> str:
        """Print form keeping only the last 5 characters (order number and key).

        Sex, birth year and month and place of birth identify the person; the order number
        and key alone do not, but let the member recognise their number: '• •• •• •• ••• 123 45'.
        """
        f = self.full
        return f"• •• •• •• ••• {f[10:13]} {f[13:]}"

    def __str__(self) -> str:
        return self.full


def parse_nir(text: str, field: str = "nir") -> Nir:
    """Validate a NIR typed by hand; raise ValidationError saying exactly what is wrong."""
    s = normalize_nir_input(text)
    if not s:
        raise ValidationError("Saisissez le NIR (15 caractères, clé comprise).", field=field)
    for pos, ch in enumerate(s):
        if "0" <= ch <= "9":
            continue
        if pos in (5, 6) and s[5:7] in _CORSICA:
            continue
        if pos in (5, 6) and ch.isalpha():
            raise ValidationError(
                f"Le département de naissance « {s[5:7]} » n'existe pas "
                "(seuls 2A et 2B contiennent une lettre).",
                field=field,
            )
        raise ValidationError(
            "Le NIR ne contient que des chiffres (et 2A ou 2B pour la Corse) : "
            f"caractère « {ch} » en position {pos + 1}.",
            field=field,
        )
    if len(s) == 13:
        raise ValidationError(
            "La clé du NIR est manquante : 13 caractères saisis, 15 attendus (13 + clé de 2 chiffres).",
            field=field,
        )
    if len(s) != 15:
        raise ValidationError(
            f"Le NIR doit comporter 15 caractères (13 + clé), {len(s)} saisis.", field=field
        )
    sex_digit, year, month = s[0], s[1:3], s[3:5]
    if sex_digit not in _SEX_DIGITS:
        raise ValidationError(
            f"Le premier chiffre du NIR (sexe) doit être 1, 2, 7 ou 8, pas {sex_digit}.",
            field=field,
        )
    m = int(month)
    # 20-42 and 50-99 are given when the birth month is unknown (RNIPP convention).
    if not (1 <= m <= 12 or 20 <= m <= 42 or m >= 50):
        raise ValidationError(f"Le mois de naissance {month} n'existe pas.", field=field)
    dept2 = s[5:7]
    if dept2 in ("97", "98"):
        department, commune = s[5:8], s[8:10]
    elif dept2 in _CORSICA or dept2 == "99" or 1 <= int(dept2) <= 95:
        department, commune = dept2, s[7:10]
    else:
        raise ValidationError(
            f"Le département de naissance {dept2} n'existe pas "
            "(01 à 95, 2A, 2B, 97x, 98x ou 99 pour l'étranger).",
            field=field,
        )
    order, key = s[10:13], s[13:15]
    computed = compute_key(s[:13])
    if key != computed:
        raise ValidationError(
            f"La clé du NIR est {key}, la clé calculée est {computed}.", field=field
        )
    return Nir(sex_digit, year, month, department, commune, order, key)


def is_valid_nir(text: str) -> bool:
    try:
        parse_nir(text)
    except ValidationError:
        return False
    return True


def make_nir(sex: Sex, birth_date: date, department: str, commune: str, order: int) -> Nir:
    """Build a valid NIR (for demo data) from its parts; the key is computed.

    `department` is '01'-'95', '2A', '2B', '971'-'989' (commune then has 2 digits) or '99'
    (commune is then the INSEE country code, e.g. '352' for Algeria). Raises ValueError on
    parts that cannot form a NIR.
    """
    department = department.upper()
    width = 2 if len(department) == 3 else 3
    if not commune.isdigit() or len(commune) > width:
        raise ValueError(f"commune {commune!r} invalide pour le département {department}")
    if not 1 <= order <= 999:
        raise ValueError(f"numéro d'ordre {order} hors de 1..999")
    number13 = (
        f"{sex.value}{birth_date.year % 100:02d}{birth_date.month:02d}"
        f"{department}{commune.zfill(width)}{order:03d}"
    )
    if len(number13) != 13 or not is_nir_shaped(number13):
        raise ValueError(f"département {department!r} invalide")
    try:
        return parse_nir(number13 + compute_key(number13))
    except ValidationError as exc:
        raise ValueError(exc.message) from exc


def looks_like_nir_fragment(text: str) -> bool:
    """True when the text could be the start of a NIR: 3 to 15 digits (2A/2B in place allowed)."""
    s = normalize_nir_input(text)
    return 3 <= len(s) <= 15 and is_nir_shaped(s)
