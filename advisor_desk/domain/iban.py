"""IBAN and BIC: normalisation, validation with precise French messages, masking, formatting."""

from __future__ import annotations

import re
from functools import cache

from stdnum import numdb

from advisor_desk.domain.errors import ValidationError

_SEPARATORS = re.compile(r"[\s.\-_]+")
_STRUCTURE_PART = re.compile(r"(\d+)!([nac])")
_KIND_LABEL = {"n": "un chiffre", "a": "une lettre", "c": "une lettre ou un chiffre"}
# French overseas territories bank with FR IBANs but their BICs may carry their own ISO code.
_FR_TERRITORIES = frozenset(
    {"FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"}
)
# RIB key: letters of a French account number stand for digits (A/J → 1, B/K/S → 2, ...).
_RIB_LETTERS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")
_RIB_COUNTRIES = frozenset({"FR", "MC"})


def normalize_iban(text: str) -> str:
    """Strip spaces, dots and dashes, uppercase, and drop a leading 'IBAN' label if pasted."""
    s = _SEPARATORS.sub("", text).upper()
    if s.startswith("IBAN") and len(s) > 6 and s[4:6].isalpha():
        s = s[4:]
    return s


@cache
def _bban_structure(country: str) -> tuple[tuple[int, str], ...] | None:
    """The BBAN layout of a country from the SWIFT IBAN registry (as shipped by python-stdnum)."""
    info = numdb.get("iban").info(country)
    props = info[0][1] if info else {}
    structure = props.get("bban")
    if not structure:
        return None
    return tuple((int(n), kind) for n, kind in _STRUCTURE_PART.findall(structure))


def _iban_numeric(text: str) -> int:
    """Letters → 10..35, as ISO 13616 prescribes for the mod-97 check."""
    return int("".join(str(int(ch, 36)) for ch in text))


def _iban_check_digits(country: str, bban: str) -> str:
    return f"{98 - _iban_numeric(bban + country + '00') % 97:02d}"


def rib_key(bank_code: str, branch_code: str, account: str) -> str:
    """French RIB key: 97 − ((89 × bank + 15 × branch + 3 × account) mod 97)."""
    acc = int(account.upper().translate(_RIB_LETTERS))
    total = 89 * int(bank_code) + 15 * int(branch_code) + 3 * acc
    return f"{97 - total % 97:02d}"


def validate_iban(text: str, field: str = "iban") -> str:
    """Return the compact IBAN or raise ValidationError naming the problem."""
    s = normalize_iban(text)
    if not s:
        raise ValidationError("Saisissez l'IBAN.", field=field)
    for pos, ch in enumerate(s):
        if not (ch.isascii() and ch.isalnum()):
            raise ValidationError(
                "L'IBAN ne contient que des lettres et des chiffres : "
                f"caractère « {ch} » en position {pos + 1}.",
                field=field,
            )
    country = s[:2]
    if len(s) < 2 or not country.isalpha():
        raise ValidationError(
            "L'IBAN commence par le code pays en 2 lettres (par exemple FR76…).", field=field
        )
    structure = _bban_structure(country)
    if structure is None:
        raise ValidationError(
            f"« {country} » n'est pas le code d'un pays qui utilise l'IBAN.", field=field
        )
    expected = 4 + sum(n for n, _ in structure)
    if len(s) != expected:
        raise ValidationError(
            f"Un IBAN {country} comporte {expected} caractères, {len(s)} saisis.", field=field
        )
    if not s[2:4].isdigit():
        raise ValidationError(
            f"Les caractères 3 et 4 de l'IBAN (clé) sont des chiffres, « {s[2:4]} » saisi.",
            field=field,
        )
    pos = 4
    for n, kind in structure:
        for ch in s[pos : pos + n]:
            ok = ch.isdigit() if kind == "n" else ch.isalpha() if kind == "a" else True
            if not ok:
                raise ValidationError(
                    f"Le caractère {pos + 1} de l'IBAN (« {ch} ») doit être "
                    f"{_KIND_LABEL[kind]} pour un IBAN {country}.",
                    field=field,
                )
            pos += 1
    computed = _iban_check_digits(country, s[4:])
    if s[2:4] != computed:
        raise ValidationError(
            f"La clé de l'IBAN est {s[2:4]}, la clé calculée est {computed} : "
            "un caractère est probablement mal saisi.",
            field=field,
        )
    if country in _RIB_COUNTRIES:
        key = rib_key(s[4:9], s[9:14], s[14:25])
        if s[25:27] != key:
            raise ValidationError(
                f"La clé RIB de l'IBAN est {s[25:27]}, la clé calculée est {key}.", field=field
            )
    return s


def is_valid_iban(text: str) -> bool:
    try:
        validate_iban(text)
    except ValidationError:
        return False
    return True


def validate_bic(bic: str, iban: str | None = None, field: str = "bic") -> str:
    """Return the compact BIC (8 or 11 characters) or raise ValidationError.

    With `iban`, the BIC's country must be the IBAN's (French overseas codes count as FR).
    """
    s = _SEPARATORS.sub("", bic).upper()
    if not s:
        raise ValidationError("Saisissez le BIC.", field=field)
    if not (s.isascii() and s.isalnum()):
        raise ValidationError("Le BIC ne contient que des lettres et des chiffres.", field=field)
    if len(s) not in (8, 11):
        raise ValidationError(f"Le BIC comporte 8 ou 11 caractères, {len(s)} saisis.", field=field)
    if not s[:4].isalpha():
        raise ValidationError(
            f"Les 4 premiers caractères du BIC (code banque) sont des lettres, « {s[:4]} » saisi.",
            field=field,
        )
    country = s[4:6]
    if not country.isalpha():
        raise ValidationError(
            f"Les caractères 5 et 6 du BIC (code pays) sont des lettres, « {country} » saisi.",
            field=field,
        )
    if iban:
        iban_country = normalize_iban(iban)[:2]
        same = country == iban_country or (iban_country == "FR" and country in _FR_TERRITORIES)
        if not same:
            raise ValidationError(
                f"Le BIC est celui d'une banque du pays {country}, "
                f"alors que l'IBAN est un IBAN {iban_country}.",
                field=field,
            )
    return s


def format_iban(iban: str) -> str:
    """Groups of 4 separated by spaces: 'FR76 3000 6000 0112 3456 7890 189'."""
    s = normalize_iban(iban)
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def mask_iban(iban: str) -> str:
    """Keep the country, the check digits and the last 5 characters: 'FR76 •••• … ••89 012'."""
    s = normalize_iban(iban)
    if len(s) <= 9:
        return format_iban(s)
    masked = s[:4] + "•" * (len(s) - 9) + s[-5:]
    return " ".join(masked[i : i + 4] for i in range(0, len(masked), 4))


def make_french_iban(bank_code: str, branch_code: str, account: str) -> str:
    """Build a valid French IBAN (for demo data): computes the RIB key and the IBAN check digits.

    Codes shorter than their width (5, 5, 11) are zero-padded on the left.
    """
    if not (bank_code.isdigit() and len(bank_code) <= 5):
        raise ValueError(f"code banque {bank_code!r} invalide (5 chiffres)")
    if not (branch_code.isdigit() and len(branch_code) <= 5):
        raise ValueError(f"code guichet {branch_code!r} invalide (5 chiffres)")
    account = account.upper()
    if not (account.isascii() and account.isalnum() and len(account) <= 11):
        raise ValueError(f"numéro de compte {account!r} invalide (11 caractères)")
    bank, branch, acc = bank_code.zfill(5), branch_code.zfill(5), account.zfill(11)
    bban = bank + branch + acc + rib_key(bank, branch, acc)
    return "FR" + _iban_check_digits("FR", bban) + bban
