"""Parsing of the dated reference CSVs (resources/reference) and lookup of what is in force on a day."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from advisor_desk.domain.css import (
    CssCeilings,
    CssParticipationTable,
    ParticipationBracket,
    participation_table,
)

# Dates are ISO (YYYY-MM-DD). A row is in force on valid_from <= day < valid_to: `valid_to` is
# the first day it no longer applies, so a change on 2024-12-22 reads "valid_to 2024-12-22" on
# the old row and "valid_from 2024-12-22" on the new one, with no gap to get wrong. Empty
# `valid_to` means open-ended; an empty `valid_from` (ALD list only) means "since always".
# The backend reads the files and passes their text in: nothing here opens a file.

# household_size value of the per-extra-person increment row ('extra' in the CSV).
EXTRA_PERSON = 0


class ReferenceDataError(ValueError):
    """A reference CSV is malformed; the message names the file line."""


@dataclass(frozen=True, slots=True)
class DatedValue:
    key: str
    valid_from: date
    valid_to: date | None
    value: int
    unit: str
    note: str = ""

    def in_force(self, day: date) -> bool:
        return _in_force(self.valid_from, self.valid_to, day)


@dataclass(frozen=True, slots=True)
class AldEntry:
    code: int
    label: str
    valid_from: date | None
    valid_to: date | None

    def in_force(self, day: date) -> bool:
        return _in_force(self.valid_from, self.valid_to, day)


@dataclass(frozen=True, slots=True)
class CeilingRow:
    """One row of css_ceilings.csv; household_size EXTRA_PERSON (0) is the increment row."""

    valid_from: date
    valid_to: date | None
    household_size: int
    free_cents: int
    participation_cents: int
    note: str = ""

    def in_force(self, day: date) -> bool:
        return _in_force(self.valid_from, self.valid_to, day)


@dataclass(frozen=True, slots=True)
class ParticipationRow:
    valid_from: date
    valid_to: date | None
    min_age: int
    max_age: int | None
    monthly_cents: int
    note: str = ""

    def in_force(self, day: date) -> bool:
        return _in_force(self.valid_from, self.valid_to, day)


def _in_force(valid_from: date | None, valid_to: date | None, day: date) -> bool:
    return (valid_from is None or valid_from <= day) and (valid_to is None or day < valid_to)


def _rows(text: str, required: Sequence[str]) -> Iterable[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = reader.fieldnames or []
    missing = [name for name in required if name not in header]
    if missing:
        raise ReferenceDataError(f"colonnes manquantes : {', '.join(missing)}")
    for row in reader:
        if not any((v or "").strip() for v in row.values()):
            continue  # blank line
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}


def _optional_date(value: str, line: int, column: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ReferenceDataError(
            f"ligne {line} : {column} « {value} » n'est pas une date AAAA-MM-JJ"
        ) from None


def _date(value: str, line: int, column: str) -> date:
    day = _optional_date(value, line, column)
    if day is None:
        raise ReferenceDataError(f"ligne {line} : {column} est obligatoire")
    return day


def _int(value: str, line: int, column: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ReferenceDataError(
            f"ligne {line} : {column} « {value} » n'est pas un entier"
        ) from None


def _check_period(start: date | None, end: date | None, line: int) -> None:
    if start is not None and end is not None and end <= start:
        raise ReferenceDataError(
            f"ligne {line} : valid_to {end} doit être après valid_from {start}"
        )


def _period(row: dict[str, str], line: int) -> tuple[date, date | None]:
    start = _date(row["valid_from"], line, "valid_from")
    end = _optional_date(row["valid_to"], line, "valid_to")
    _check_period(start, end, line)
    return start, end


def _check_no_overlap(
    periods: dict[object, list[tuple[date | None, date | None]]], what: str
) -> None:
    for group, spans in periods.items():
        ordered = sorted(spans, key=lambda p: p[0] or date.min)
        for (_, end), (start, _) in pairwise(ordered):
            if end is None or start is None or end > start:
                raise ReferenceDataError(f"{what} {group} : périodes qui se chevauchent")


def parse_values_csv(text: str) -> list[DatedValue]:
    """Parse values.csv (key,valid_from,valid_to,value,unit,note)."""
    out: list[DatedValue] = []
    periods: dict[object, list[tuple[date | None, date | None]]] = defaultdict(list)
    for line, row in _rows(text, ("key", "valid_from", "valid_to", "value", "unit")):
        if not row["key"]:
            raise ReferenceDataError(f"ligne {line} : key est obligatoire")
        start, end = _period(row, line)
        out.append(
            DatedValue(
                row["key"],
                start,
                end,
                _int(row["value"], line, "value"),
                row["unit"],
                row.get("note", ""),
            )
        )
        periods[row["key"]].append((start, end))
    _check_no_overlap(periods, "clé")
    return out


def values_at(dated: Sequence[DatedValue], day: date) -> dict[str, int]:
    """Every key's value in force on `day` (keys with no value on that day are absent)."""
    return {v.key: v.value for v in dated if v.in_force(day)}


def value_at(dated: Sequence[DatedValue], key: str, day: date) -> int:
    """One key's value on `day`; KeyError naming the key and the day when there is none."""
    for v in dated:
        if v.key == key and v.in_force(day):
            return v.value
    raise KeyError(f"aucune valeur de référence « {key} » en vigueur le {day.isoformat()}")


def parse_ald_csv(text: str) -> list[AldEntry]:
    """Parse ald.csv (code,label,valid_from,valid_to)."""
    out: list[AldEntry] = []
    seen: set[int] = set()
    for line, row in _rows(text, ("code", "label", "valid_from", "valid_to")):
        code = _int(row["code"], line, "code")
        if code in seen:
            raise ReferenceDataError(f"ligne {line} : ALD {code} en double")
        seen.add(code)
        start = _optional_date(row["valid_from"], line, "valid_from")
        end = _optional_date(row["valid_to"], line, "valid_to")
        _check_period(start, end, line)
        out.append(AldEntry(code, row["label"], start, end))
    return out


def ald_in_force(entries: Sequence[AldEntry], day: date) -> list[AldEntry]:
    """The ALDs that can be granted on `day`, by code."""
    return sorted((e for e in entries if e.in_force(day)), key=lambda e: e.code)


def parse_css_ceilings_csv(text: str) -> list[CeilingRow]:
    """Parse css_ceilings.csv (valid_from,valid_to,household_size,free_cents,participation_cents).

    household_size is 1 to 4, or 'extra' (stored as EXTRA_PERSON = 0) for each further person.
    """
    out: list[CeilingRow] = []
    periods: dict[object, list[tuple[date | None, date | None]]] = defaultdict(list)
    required = ("valid_from", "valid_to", "household_size", "free_cents", "participation_cents")
    for line, row in _rows(text, required):
        size_text = row["household_size"].lower()
        size = EXTRA_PERSON if size_text == "extra" else _int(size_text, line, "household_size")
        if not 0 <= size <= 4:
            raise ReferenceDataError(f"ligne {line} : household_size {size} hors de 1..4/extra")
        start, end = _period(row, line)
        out.append(
            CeilingRow(
                start,
                end,
                size,
                _int(row["free_cents"], line, "free_cents"),
                _int(row["participation_cents"], line, "participation_cents"),
                row.get("note", ""),
            )
        )
        periods[size].append((start, end))
    _check_no_overlap(periods, "taille de foyer")
    return out


def ceilings_at(rows: Sequence[CeilingRow], day: date) -> CssCeilings:
    """The CSS ceilings in force on `day`; KeyError when the table is incomplete for that day."""
    by_size = {r.household_size: r for r in rows if r.in_force(day)}
    missing = [s for s in (1, 2, 3, 4, EXTRA_PERSON) if s not in by_size]
    if missing:
        raise KeyError(f"plafonds CSS incomplets le {day.isoformat()} (tailles {missing})")
    return CssCeilings(
        free_cents=(
            by_size[1].free_cents,
            by_size[2].free_cents,
            by_size[3].free_cents,
            by_size[4].free_cents,
        ),
        participation_cents=(
            by_size[1].participation_cents,
            by_size[2].participation_cents,
            by_size[3].participation_cents,
            by_size[4].participation_cents,
        ),
        free_extra_cents=by_size[EXTRA_PERSON].free_cents,
        participation_extra_cents=by_size[EXTRA_PERSON].participation_cents,
    )


def parse_css_participation_csv(text: str) -> list[ParticipationRow]:
    """Parse css_participation.csv (valid_from,valid_to,min_age,max_age,monthly_cents)."""
    out: list[ParticipationRow] = []
    for line, row in _rows(text, ("valid_from", "valid_to", "min_age", "max_age", "monthly_cents")):
        start, end = _period(row, line)
        max_age = _int(row["max_age"], line, "max_age") if row["max_age"] else None
        out.append(
            ParticipationRow(
                start,
                end,
                _int(row["min_age"], line, "min_age"),
                max_age,
                _int(row["monthly_cents"], line, "monthly_cents"),
                row.get("note", ""),
            )
        )
    return out


def css_participation_at(rows: Sequence[ParticipationRow], day: date) -> CssParticipationTable:
    """The age brackets in force on `day`; KeyError when none."""
    brackets = [
        ParticipationBracket(r.min_age, r.max_age, r.monthly_cents) for r in rows if r.in_force(day)
    ]
    if not brackets:
        raise KeyError(f"aucun barème de participation CSS le {day.isoformat()}")
    return participation_table(brackets)
