"""What every declaration form shares: field specs, the filing context, typed-input parsers."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.money import format_eur, parse_eur
from advisor_desk.domain.reference import CeilingRow, ParticipationRow

Payload = dict[str, object]
Raw = Mapping[str, str]

_DATE_SEP = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_COMPACT = re.compile(r"(\d{2})(\d{2})(\d{4})")
_YES = frozenset({"oui", "o", "yes", "y", "true", "1", "vrai", "x"})
_NO = frozenset({"non", "n", "no", "false", "0", "faux", ""})
MAX_TEXT = 500


class FieldType(StrEnum):
    TEXT = "text"
    MULTILINE = "multiline"
    DATE = "date"
    CHOICE = "choice"
    YES_NO = "yes_no"
    AMOUNT = "amount"
    PERSON = "person"  # a beneficiary of the member file, by rank (1 = the member)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One form field: the UI builds its dialog from these, the validator reads the same names."""

    name: str
    label: str  # French, as shown next to the field
    type: FieldType = FieldType.TEXT
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()  # (value, French label)
    help: str = ""


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person of the member file: rank 1 is the member, 2+ the dependents."""

    rank: int
    first_names: str
    last_name: str
    birth_date: date
    is_child: bool = False

    @property
    def display(self) -> str:
        return f"{self.first_names} {self.last_name.upper()}"


@dataclass(frozen=True, slots=True)
class FilingContext:
    """What a validator needs to know beyond the form: today, the member file, reference data."""

    today: date
    people: tuple[PersonRef, ...] = ()
    member_birth_name: str = ""
    member_last_name: str = ""
    insurers: Mapping[str, str] = field(default_factory=dict)  # code → name
    owed_cents: int = 0  # deductibles owed and not paid yet
    css_ceilings: Sequence[CeilingRow] = ()
    css_participation: Sequence[ParticipationRow] = ()

    def person(self, rank: int) -> PersonRef | None:
        return next((p for p in self.people if p.rank == rank), None)


@dataclass(frozen=True, slots=True)
class DocumentSpec:
    """A supporting document a filed declaration needs."""

    label: str
    required: bool = True
    received: bool = False


def raw_text(raw: Raw, name: str) -> str:
    value = raw.get(name, "")
    if not isinstance(value, str):
        raise ValidationError(f"Le champ « {name} » doit être du texte.", field=name)
    return value


def _clean(text: str) -> str:
    """NFC, control characters removed, whitespace runs collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in text)
    return " ".join(text.split())


def text(
    raw: Raw,
    name: str,
    label: str,
    *,
    required: bool = True,
    min_len: int = 1,
    max_len: int = 120,
) -> str:
    """A single-line text: trimmed, whitespace collapsed, length checked."""
    value = _clean(raw_text(raw, name))
    if not value:
        if required:
            raise ValidationError(f"Saisissez {label}.", field=name)
        return ""
    if len(value) < min_len:
        raise ValidationError(
            f"{_cap(label)} est trop court : {min_len} caractères au moins.", field=name
        )
    if len(value) > max_len:
        raise ValidationError(
            f"{_cap(label)} est trop long : {max_len} caractères au plus, {len(value)} saisis.",
            field=name,
        )
    return value


def lines(raw: Raw, name: str, label: str, *, required: bool = True) -> list[str]:
    """A multi-line text as its non-empty cleaned lines."""
    value = raw_text(raw, name)
    if len(value) > 20 * MAX_TEXT:
        raise ValidationError(f"{_cap(label)} est trop long.", field=name)
    out = [_clean(line) for line in value.splitlines()]
    out = [line for line in out if line]
    if required and not out:
        raise ValidationError(f"Saisissez {label}.", field=name)
    return out


def person_name(raw: Raw, name: str, label: str, *, required: bool = True) -> str:
    """A name: letters, spaces, hyphens and apostrophes only."""
    value = text(raw, name, label, required=required, max_len=80)
    if value:
        check_name_chars(value, name, label)
    return value


def check_name_chars(value: str, name: str, label: str) -> None:
    for ch in value:
        if not (ch.isalpha() or ch in " -'’."):
            raise ValidationError(
                f"{_cap(label)} ne contient que des lettres, espaces, tirets et apostrophes : "
                f"caractère « {ch} » refusé.",
                field=name,
            )
    if not any(ch.isalpha() for ch in value):
        raise ValidationError(f"{_cap(label)} doit contenir des lettres.", field=name)


def parse_date_text(value: str, name: str, label: str) -> date:
    s = value.strip()
    m = _DATE_ISO.fullmatch(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DATE_SEP.fullmatch(s) or _DATE_COMPACT.fullmatch(s)
        if m is None:
            raise ValidationError(
                f"{_cap(label)} « {s} » n'est pas une date (JJ/MM/AAAA).", field=name
            )
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValidationError(
            f"{_cap(label)} « {s} » n'existe pas au calendrier.", field=name
        ) from None


def a_date(
    raw: Raw,
    name: str,
    label: str,
    *,
    not_after: date | None = None,
    not_before: date | None = None,
    after_msg: str = "ne peut pas être dans le futur",
    before_msg: str = "est trop ancienne",
) -> date:
    value = raw_text(raw, name)
    if not value.strip():
        raise ValidationError(f"Saisissez {label}.", field=name)
    day = parse_date_text(value, name, label)
    if not_after is not None and day > not_after:
        raise ValidationError(
            f"{_cap(label)} ({fr_date(day)}) {after_msg} (au plus tard le {fr_date(not_after)}).",
            field=name,
        )
    if not_before is not None and day < not_before:
        raise ValidationError(
            f"{_cap(label)} ({fr_date(day)}) {before_msg} (au plus tôt le {fr_date(not_before)}).",
            field=name,
        )
    return day


def optional_date(raw: Raw, name: str, label: str) -> date | None:
    value = raw_text(raw, name)
    if not value.strip():
        return None
    return parse_date_text(value, name, label)


def choice(raw: Raw, name: str, label: str, choices: Sequence[tuple[str, str]]) -> str:
    """One of the allowed values (compared without case or accents, on value or label)."""
    value = _clean(raw_text(raw, name))
    if not value:
        raise ValidationError(f"Choisissez {label}.", field=name)
    wanted = _fold(value)
    for code, text_label in choices:
        if wanted in (_fold(code), _fold(text_label)):
            return code
    allowed = ", ".join(text_label for _, text_label in choices)
    raise ValidationError(
        f"{_cap(label)} « {value[:40]} » n'est pas une valeur possible ({allowed}).", field=name
    )


def yes_no(raw: Raw, name: str, label: str) -> bool:
    value = _fold(_clean(raw_text(raw, name)))
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValidationError(f"Répondez oui ou non pour {label}.", field=name)


def amount(raw: Raw, name: str, label: str) -> int:
    value = raw_text(raw, name)
    if len(value) > 40:
        raise ValidationError(f"{_cap(label)} est trop long.", field=name)
    return parse_eur(value, field=name)


def person_rank(raw: Raw, name: str, label: str, ctx: FilingContext, *, default: int = 1) -> int:
    """A beneficiary of the member file by rank ('1', '02', or empty for the default)."""
    value = _clean(raw_text(raw, name))
    if not value:
        rank = default
    else:
        if not (value.isascii() and value.isdigit()) or len(value) > 2:
            raise ValidationError(
                f"{_cap(label)} : indiquez le rang du bénéficiaire (1 pour l'assuré), "
                f"« {value[:20]} » saisi.",
                field=name,
            )
        rank = int(value)
    if ctx.people and ctx.person(rank) is None:
        raise ValidationError(
            f"{_cap(label)} : aucun bénéficiaire de rang {rank:02d} sur ce dossier.", field=name
        )
    return rank


def fr_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def eur(cents: int) -> str:
    return format_eur(cents)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _fold(text_value: str) -> str:
    return "".join(
        ch
        for ch in unicodedata.normalize("NFKD", text_value.lower())
        if not unicodedata.combining(ch)
    )


def _cap(label: str) -> str:
    """'la date de perte' → 'La date de perte'."""
    return label[:1].upper() + label[1:]
