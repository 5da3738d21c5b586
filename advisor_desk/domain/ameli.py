"""The member's ameli account: its status, and the provisional code handed over at a counter."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from .enums import RightsStatus
from .errors import ValidationError

# Digits and capitals without the look-alikes 0/O, 1/I/L and U/V: the member copies the code
# from a letter into ameli.fr, often on a phone keyboard, and must not have to guess.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8  # 30^8 ≈ 6.6 × 10^11 codes
CODE_GROUP = 4  # printed "7KQ4-MZ2T": two groups of four are read and typed without a slip
# A code must be used within 30 days (the day it is issued plus 30, Europe/Paris, inclusive):
# long enough for a member who has no computer at home to find help, short enough that a
# lost letter soon becomes useless. After that, the counter hands over a new one.
CODE_VALIDITY_DAYS = 30
# Wrong passwords in a row after which ameli.fr locks the account (a counter unlocks it).
MAX_FAILED_LOGINS = 5

PARIS = ZoneInfo("Europe/Paris")  # a code's days are the fund's days

_SEPARATORS = re.compile(r"[\s\-.]+")
_LOOK_ALIKES = {
    "0": "le chiffre 0 (confondu avec la lettre O)",
    "O": "la lettre O (confondue avec le chiffre 0)",
    "1": "le chiffre 1 (confondu avec les lettres I et L)",
    "I": "la lettre I (confondue avec le chiffre 1)",
    "L": "la lettre L (confondue avec le chiffre 1)",
    "U": "la lettre U (confondue avec la lettre V)",
}


class AmeliStatus(StrEnum):
    """Where the member stands with the ameli account, as a counter advisor sees it."""

    NONE = "none"  # no account, no valid code
    CODE_PENDING = "code_pending"  # a provisional code was handed over and is still valid
    CODE_EXPIRED = "code_expired"  # a code was handed over but not used in time
    ACTIVE = "active"  # the account is open
    LOCKED = "locked"  # open, but locked after too many wrong passwords


def new_code() -> str:
    """A fresh provisional code, compact (8 characters of CODE_ALPHABET), from the OS's CSPRNG."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """'7KQ4MZ2T' → '7KQ4-MZ2T', as printed on the letter."""
    return "-".join(code[i : i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))


def parse_code(text: str) -> str:
    """A code as typed or read back ('7kq4 mz2t', '7KQ4-MZ2T') in its compact form.

    Says what is wrong: the length, or which character is not part of a code and why.
    """
    compact = _SEPARATORS.sub("", text).upper()
    if not compact:
        raise ValidationError("Saisissez le code provisoire (8 caractères).", "code")
    for char in compact:
        if char in _LOOK_ALIKES:
            raise ValidationError(
                f"Un code provisoire ne contient jamais {_LOOK_ALIKES[char]} : "
                "vérifiez le caractère recopié.",
                "code",
            )
        if char not in CODE_ALPHABET:
            raise ValidationError(
                f"Le caractère « {char} » n'appartient pas aux codes provisoires "
                "(chiffres de 2 à 9 et lettres majuscules).",
                "code",
            )
    if len(compact) != CODE_LENGTH:
        raise ValidationError(
            f"Le code provisoire compte {CODE_LENGTH} caractères ({len(compact)} saisis).",
            "code",
        )
    return compact


def code_valid_until(issued_on: date) -> date:
    """The last day (inclusive) a code handed over on `issued_on` can be used."""
    return issued_on + timedelta(days=CODE_VALIDITY_DAYS)


def code_expiry(issued_on: date) -> datetime:
    """The instant a code handed over on `issued_on` stops working: the end of its last valid
    day in Europe/Paris, in UTC."""
    last = code_valid_until(issued_on)
    return datetime.combine(last + timedelta(days=1), time(0), PARIS).astimezone(UTC)


def valid_until(expires_at: datetime) -> date:
    """The last valid day (Europe/Paris) of a code that stops working at `expires_at`."""
    return (expires_at.astimezone(PARIS) - timedelta(microseconds=1)).date()


def account_status(
    *,
    opened_at: datetime | None,
    locked_at: datetime | None,
    code_expires_at: datetime | None,
    now: datetime,
) -> AmeliStatus:
    """The status of an account row (or of no row: every argument None).

    An open account wins over a code: a code handed over for a locked account does not
    unlock it until the member has used it on ameli.fr.
    """
    if opened_at is not None:
        return AmeliStatus.LOCKED if locked_at is not None else AmeliStatus.ACTIVE
    if code_expires_at is None:
        return AmeliStatus.NONE
    return AmeliStatus.CODE_PENDING if now < code_expires_at else AmeliStatus.CODE_EXPIRED


def code_refusal(
    *,
    status: AmeliStatus,
    opened_on: date | None,
    rights: RightsStatus,
    rights_end: date | None,
) -> str | None:
    """Why a provisional code cannot be handed over now (French, shown as is), or None.

    A member with an open account signs in with the password (or resets it on ameli.fr);
    a locked account may get a code, a new way in. Closed rights open no account.
    """
    if status is AmeliStatus.ACTIVE:
        since = f", ouvert le {opened_on:%d/%m/%Y}" if opened_on else ""
        return (
            f"Cet assuré a déjà un compte ameli{since} : il se connecte avec son mot de "
            "passe, ou le réinitialise sur ameli.fr (« Mot de passe oublié »)."
        )
    if rights is RightsStatus.CLOSED:
        if rights_end is None:
            return (
                "Aucune période de droits ouverte pour cet assuré : un code provisoire ne "
                "peut pas lui être remis. Vérifiez sa situation (onglet Identité et droits)."
            )
        return (
            f"Les droits de cet assuré sont fermés depuis le {rights_end:%d/%m/%Y} : un code "
            "provisoire ne peut pas lui être remis."
        )
    return None


def vitale_update_advised(rights_basis: str | None) -> bool:
    """Self-employed workers are asked to update their carte Vitale (at a pharmacy's or the
    fund's terminal) before they create the ameli account: their rights moved to the general
    scheme, and the card still carries the old ones until it is updated."""
    return rights_basis is not None and "indépendant" in rights_basis.lower()
