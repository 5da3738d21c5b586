"""Search keys for names and the parsing of the counter's single search box."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.nir import is_nir_shaped, normalize_nir_input, parse_nir

# Letters that NFKD does not decompose but that people type without the stroke.
_LIGATURES = str.maketrans(
    {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_DATE_SEP = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
_DATE_COMPACT = re.compile(r"(\d{2})(\d{2})(\d{4})")

SearchKind = Literal["nir", "nir_prefix", "name"]


def name_key(text: str) -> str:
    """Indexed search key: lowercase, no accents, œ → oe, any punctuation → one space."""
    s = _strip_marks(_strip_marks(text).lower().translate(_LIGATURES))
    # Apostrophes (' and ’), hyphens and any other punctuation separate words.
    return " ".join("".join(ch if ch.isalnum() else " " for ch in s).split())


def _strip_marks(text: str) -> str:
    """NFKD, then drop the combining marks (accents); twice-safe, as lower() can add some."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What the advisor typed, understood.

    kind 'nir': `nir` is a full validated NIR (15 characters); 'nir_prefix': `nir` is the start
    of a NIR (3 to 14 characters); 'name': `name_words` are name_key() words (at least one),
    `birth_date` an optional date typed after the name.
    """

    kind: SearchKind
    nir: str | None = None
    name_words: tuple[str, ...] = ()
    birth_date: date | None = None


def _parse_date_token(token: str, field: str) -> date | None:
    """A birth date typed as dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or ddmmyyyy, else None."""
    m = _DATE_SEP.fullmatch(token) or _DATE_COMPACT.fullmatch(token)
    if m is None:
        return None
    groups = [g for g in m.groups() if g not in ("/", ".", "-")]
    day, month, year = int(groups[0]), int(groups[1]), int(groups[2])
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            f"La date {day:02d}/{month:02d}/{year:04d} n'existe pas.", field=field
        ) from None


def parse_search_query(text: str, field: str = "query") -> SearchQuery:
    """Understand the search box: a full NIR, the start of a NIR, or a name with a birth date."""
    raw = text.strip()
    if not raw:
        raise ValidationError(
            "Saisissez un nom (et éventuellement une date de naissance) ou un NIR.", field=field
        )
    compact = normalize_nir_input(raw)
    if compact and is_nir_shaped(compact) and _DATE_SEP.fullmatch(raw) is None:
        if len(compact) == 15:
            nir = parse_nir(compact, field=field)
            return SearchQuery(kind="nir", nir=nir.full)
        if len(compact) > 15:
            raise ValidationError(
                f"Le NIR doit comporter 15 caractères (13 + clé), {len(compact)} saisis.",
                field=field,
            )
        if len(compact) < 3:
            raise ValidationError("Saisissez au moins 3 chiffres du NIR, ou un nom.", field=field)
        return SearchQuery(kind="nir_prefix", nir=compact)
    digits = sum(ch.isdigit() for ch in compact)
    if digits >= 5 and digits >= len(compact) - 2 and _DATE_SEP.fullmatch(raw) is None:
        # A NIR with a typo (O for 0, a stray letter): say what is wrong with it as a NIR.
        parse_nir(compact, field=field)
    tokens = raw.split()
    birth_date = _parse_date_token(tokens[-1], field)
    if birth_date is not None:
        tokens = tokens[:-1]
    for token in tokens:
        if any(ch.isdigit() for ch in token):
            raise ValidationError(
                f"« {token} » n'est ni un nom ni une date au format jj/mm/aaaa.", field=field
            )
    words = tuple(name_key(" ".join(tokens)).split())
    if not words:
        raise ValidationError(
            "Ajoutez le nom : une date de naissance seule ne suffit pas pour chercher.",
            field=field,
        )
    return SearchQuery(kind="name", name_words=words, birth_date=birth_date)
