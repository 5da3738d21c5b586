"""Member lookup (NIR, name, birth date, typo-tolerant) and the tabs of the member file."""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Integer,
    Select,
    bindparam,
    cast,
    func,
    literal,
    null,
    select,
    text,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from advisor_desk.domain.enums import (
    DeclarationState,
    LedgerEntryKind,
    RightsStatus,
    VitaleStatus,
)
from advisor_desk.domain.errors import NotFound, ValidationError
from advisor_desk.domain.iban import format_iban, mask_iban
from advisor_desk.domain.nir import parse_nir
from advisor_desk.domain.permissions import Permission
from advisor_desk.domain.text import SearchQuery, parse_search_query

from .members_dto import (
    AddressInfo,
    AldInfo,
    Alert,
    AlertKind,
    BankInfo,
    CoverInfo,
    DeclarationSummary,
    DependentInfo,
    DoctorInfo,
    IjPaymentInfo,
    InsurerInfo,
    LeavesInfo,
    MatchKind,
    MemberHeader,
    MemberIdentity,
    QueryKind,
    RightsInfo,
    SearchResult,
    SearchRow,
    SickLeaveInfo,
    VitaleInfo,
    WorkCaseInfo,
    WorkCaseStep,
)
from .orm import (
    Address,
    Ald,
    BankAccount,
    ComplementaryInsurer,
    CoverPeriod,
    Declaration,
    DeductibleEntry,
    Dependent,
    IjPayment,
    Member,
    Professional,
    RightsPeriod,
    SickLeave,
    VitaleCard,
    WorkAccidentCase,
    WorkAccidentStep,
)
from .service import Service, api

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
RENEWAL_MONTHS = 3  # an ALD or a rights period ending within this many months is flagged
_MAX_WORDS = 4  # name words considered; more only add splits nobody types

_PENDING_STATES = frozenset(
    {DeclarationState.RECEIVED, DeclarationState.IN_INSTRUCTION, DeclarationState.WAITING_MEMBER}
)
_VITALE_ALERTS = {
    VitaleStatus.LOST: AlertKind.VITALE_LOST,
    VitaleStatus.STOLEN: AlertKind.VITALE_STOLEN,
    VitaleStatus.BLOCKED: AlertKind.VITALE_BLOCKED,
}
_MATCH_ORDER = {kind: i for i, kind in enumerate(MatchKind)}

_m = Member.__table__
_d = Dependent.__table__
_a = Address.__table__


# --- small helpers ---------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the end of shorter months."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def rights_status(start: date | None, end: date | None, today: date) -> RightsStatus:
    """Open, to renew (ends within RENEWAL_MONTHS) or closed (ended, or never opened)."""
    if start is None:
        return RightsStatus.CLOSED
    if end is None:
        return RightsStatus.OPEN
    if end < today:
        return RightsStatus.CLOSED
    if end <= add_months(today, RENEWAL_MONTHS):
        return RightsStatus.TO_RENEW
    return RightsStatus.OPEN


def _masked_nir(nir: str | None) -> str:
    if not nir:
        return ""
    try:
        return parse_nir(nir).masked()
    except ValidationError:  # never expected in the base; still keep the number hidden
        return "•" * max(0, len(nir) - 5) + nir[-5:]


def _formatted_nir(nir: str) -> str:
    try:
        return parse_nir(nir).formatted()
    except ValidationError:
        return nir


def _upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix` (binary order)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


# --- typo tolerance --------------------------------------------------------------------------


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours counts 1), `limit + 1` beyond limit."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


_PHONETIC_STEPS = (
    (" ", ""),
    ("sch", "ch"),
    ("ph", "f"),
    ("qu", "k"),
    ("ck", "k"),
    ("gu", "g"),
    ("eau", "o"),
    ("au", "o"),
    ("ai", "e"),
    ("ei", "e"),
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "si"),
    ("ge", "je"),
    ("gi", "ji"),
    ("c", "k"),
    ("q", "k"),
    ("y", "i"),
    ("w", "v"),
    ("z", "s"),
)


@functools.lru_cache(maxsize=65536)
def phonetic_key(word: str) -> str:
    """A rough French sound key: 'Philippe' and 'Filipe', 'Dupond' and 'Dupont' agree."""
    s = word
    for old, new in _PHONETIC_STEPS:
        s = s.replace(old, new)
    # A silent h, except in ch.
    s = "".join(ch for i, ch in enumerate(s) if ch != "h" or (i > 0 and s[i - 1] == "c"))
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    s = "".join(out)
    while len(s) > 3 and s[-1] in "estdxp":
        s = s[:-1]
    return s


def allowed_typos(word: str) -> int:
    return 1 if len(word) <= 5 else 2 if len(word) <= 9 else 3


def _bigrams(word: str) -> frozenset[str]:
    return frozenset(word[i : i + 2] for i in range(len(word) - 1))


@functools.lru_cache(maxsize=65536)
def close_distance(typed: str, key: str) -> int | None:
    """How far a name key is from what was typed, or None when it is not close enough."""
    if typed == key:
        return 0
    limit = allowed_typos(typed)
    if len(typed) >= 3 and phonetic_key(typed) == phonetic_key(key):
        return min(limit, edit_distance(typed, key, limit))
    # An edit breaks at most two letter pairs, a swap of neighbours three: with too few pairs
    # in common the key is too far, without computing the distance.
    if abs(len(typed) - len(key)) > limit or len(_bigrams(typed) & _bigrams(key)) < (
        len(typed) - 1 - 3 * limit
    ):
        return None
    dist = edit_distance(typed, key, limit)
    return dist if dist <= limit else None


def close_first_name(typed: str, key: str) -> int | None:
    """First names: the whole key, one of its words, or its start may be what was typed."""
    candidates = {key, *key.split()}
    candidates |= {c[: len(typed)] for c in list(candidates) if len(c) > len(typed)}
    best: int | None = None
    for cand in candidates:
        dist = close_distance(typed, cand)
        if dist is not None and (best is None or dist < best):
            best = dist
    return best


def _alternative_prefixes(word: str) -> set[str]:
    """Starts of names that sound like the start of `word` (ph/f, c/k/q, silent h, y/i…)."""
    alts = {word[1::-1]}  # the first two letters swapped
    first, rest = word[0], word[1:2]
    if word.startswith("ph"):
        alts.add("f" + word[2:3])
    if first == "f":
        alts.add("ph")
    swaps = {"c": "kqs", "k": "cq", "q": "ck", "y": "i", "i": "y", "w": "v", "v": "w",
             "z": "s", "s": "zc", "j": "g", "g": "j", "e": "a", "a": "e"}  # fmt: skip
    for other in swaps.get(first, ""):
        alts.add(other + rest)
    if first == "h":
        alts.add(word[1:3])
    else:
        alts.add("h" + first)
    alts.discard(word[:2])
    return {a for a in alts if a}


# --- search ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    member_id: int
    dependent_id: int | None
    nir: str | None
    last_name: str
    first_names: str
    birth_name: str
    name_key: str
    first_name_key: str
    birth_name_key: str
    birth_date: date
    match: MatchKind = MatchKind.CLOSE
    quality: int = 0  # within a match kind, lower is better (first name exactness, typo count)

    @property
    def key(self) -> tuple[int, int | None]:
        return (self.member_id, self.dependent_id)

    def sort_key(self) -> tuple[Any, ...]:
        return (
            _MATCH_ORDER[self.match],
            self.quality,
            self.dependent_id is not None,
            self.name_key,
            self.first_name_key,
            self.birth_date,
            self.member_id,
            self.dependent_id or 0,
        )


_MEMBER_COLS = (
    _m.c.id.label("member_id"),
    cast(null(), Integer).label("dependent_id"),
    _m.c.nir,
    _m.c.last_name,
    _m.c.first_names,
    _m.c.birth_name,
    _m.c.name_key,
    _m.c.first_name_key,
    _m.c.birth_name_key,
    _m.c.birth_date,
)
_DEPENDENT_COLS = (
    _d.c.member_id,
    _d.c.id.label("dependent_id"),
    _d.c.nir,
    _d.c.last_name,
    _d.c.first_names,
    _d.c.last_name.label("birth_name"),
    _d.c.name_key,
    _d.c.first_name_key,
    _d.c.name_key.label("birth_name_key"),
    _d.c.birth_date,
)


class Arm(StrEnum):
    """One index range scan of a search; its parameters are bound as a0, a1… (see `_arm`)."""

    M_NIR = "m_nir"  # members.nir = a
    D_NIR = "d_nir"
    M_NIR_RANGE = "m_nir_range"  # a <= nir < b
    D_NIR_RANGE = "d_nir_range"
    M_NAME_RANGE = "m_name_range"  # a <= name_key < b (exact names first in index order)
    D_NAME_RANGE = "d_name_range"
    M_NAME_FIRST = "m_name_first"  # name_key = a and b <= first_name_key < c
    D_NAME_FIRST = "d_name_first"
    M_BIRTH = "m_birth"  # birth_name_key = a
    M_BIRTH_FIRST = "m_birth_first"  # birth_name_key = a and b <= first_name_key < c
    M_BORN = "m_born"  # birth_date = a
    D_BORN = "d_born"
    # Close names: one arm per table whatever their number (the lists are expanded at run
    # time), so a single statement shape serves every typo-tolerant search.
    M_NAMES = "m_names"  # name_key IN a
    D_NAMES = "d_names"
    M_BIRTH_NAMES = "m_birth_names"  # birth_name_key IN a
    M_PAIRS = "m_pairs"  # name_key IN a and first_name_key IN b
    D_PAIRS = "d_pairs"
    M_BIRTH_PAIRS = "m_birth_pairs"  # birth_name_key IN a and first_name_key IN b


def _arm(kind: Arm, i: int) -> Select[Any]:
    """The SELECT of one arm, its parameters named p{i}_0, p{i}_1…"""
    members = kind.value.startswith("m_")
    t = _m if members else _d
    p: list[Any] = [bindparam(f"p{i}_{n}") for n in range(3)]
    q = select(*(_MEMBER_COLS if members else _DEPENDENT_COLS))
    base = kind.value[2:]
    if base == "nir":
        return q.where(t.c.nir == p[0])
    if base == "nir_range":
        return q.where(t.c.nir >= p[0], t.c.nir < p[1]).order_by(t.c.nir)
    if base == "born":
        return q.where(t.c.birth_date == p[0])
    if base == "name_range":
        return q.where(t.c.name_key >= p[0], t.c.name_key < p[1]).order_by(
            t.c.name_key, t.c.first_name_key
        )
    column = _m.c.birth_name_key if base.startswith("birth") else t.c.name_key
    if base.endswith("names"):
        names: Any = bindparam(f"p{i}_0", expanding=True)
        return q.where(column.in_(names)).order_by(column, t.c.first_name_key)
    if base.endswith("pairs"):
        # Both lists as IN: two-column index seeks on both engines (a row-value IN is not
        # always planned so); the few extra combinations are dropped by the caller.
        pair_names: Any = bindparam(f"p{i}_0", expanding=True)
        firsts: Any = bindparam(f"p{i}_1", expanding=True)
        return q.where(column.in_(pair_names), t.c.first_name_key.in_(firsts)).order_by(
            column, t.c.first_name_key
        )
    q = q.where(column == p[0])
    if base.endswith("_first"):
        q = q.where(t.c.first_name_key >= p[1], t.c.first_name_key < p[2])
    return q.order_by(t.c.first_name_key)


@functools.lru_cache(maxsize=512)
def _union(kinds: tuple[Arm, ...], limit: int) -> Any:
    """The UNION ALL of the arms, each cut at `limit` rows and tagged with its position.

    Built once per shape: the statement (and SQLAlchemy's compiled form of it) is reused by
    every search of that shape, only the bound values change.
    """
    subs = [_arm(kind, i).limit(limit).subquery(f"arm{i}") for i, kind in enumerate(kinds)]
    tagged = [select(*sub.c, literal(i).label("arm")) for i, sub in enumerate(subs)]
    return tagged[0] if len(tagged) == 1 else union_all(*tagged)


# A loose index scan: (table, indexed column, equality column of the same index or None).
_Scan = tuple[str, str, str | None]
# What a scan asks for: the scan, the start of the values, the equality value, how many at most.
_ScanRequest = tuple[_Scan, str, str | None, int]


@functools.lru_cache(maxsize=16)
def _distinct_sql(scan: _Scan) -> Any:
    """Loose index scan: distinct values of an indexed column from a start, one seek each.

    The recursive CTE asks for the next value greater than the last one found, so the cost is
    the number of distinct values returned, not the number of rows: 'martin' is one step
    whether 10 or 30 000 members bear it. One fixed text per scan: prepared once, reused.
    """
    table, column, eq_column = scan
    where = f"{eq_column} = :e AND " if eq_column else ""
    return text(
        f"WITH RECURSIVE k(v, n) AS ("
        f"SELECT (SELECT {column} FROM {table} WHERE {where}{column} >= :lo"
        f" AND {column} < :hi ORDER BY {column} LIMIT 1), 1"
        f" UNION ALL "
        f"SELECT (SELECT {column} FROM {table} WHERE {where}{column} > k.v"
        f" AND {column} < :hi ORDER BY {column} LIMIT 1), k.n + 1"
        f" FROM k WHERE k.v IS NOT NULL AND k.n < :cap"
        f") SELECT v FROM k WHERE v IS NOT NULL"
    )


@functools.lru_cache(maxsize=1)
def _details_sql() -> Any:
    """Name, current commune and number of dependents of the members shown."""
    city = (
        select(_a.c.city)
        .where(_a.c.member_id == _m.c.id, _a.c.valid_to.is_(None))
        .order_by(_a.c.valid_from.desc())
        .limit(1)
        .scalar_subquery()
    )
    count = select(func.count()).where(_d.c.member_id == _m.c.id).scalar_subquery()
    return select(
        _m.c.id, _m.c.last_name, _m.c.first_names, city.label("city"), count.label("n")
    ).where(_m.c.id.in_(bindparam("ids", expanding=True)))


def _first_quality(first_key: str, typed: str) -> int | None:
    """0: the typed first name is a whole first name (or none typed); 1: its start; None: no."""
    if not typed or first_key == typed or first_key.startswith(typed + " "):
        return 0
    if first_key.startswith(typed) or f" {typed}" in f" {first_key}":
        return 1
    return None


def _splits(words: Sequence[str]) -> list[tuple[str, str, bool]]:
    """(last name, first name, reversed): the ways the words may split, as typed first."""
    n = len(words)
    out = [(" ".join(words[:i]), " ".join(words[i:]), False) for i in range(n, 0, -1)]
    out += [(" ".join(words[j:]), " ".join(words[:j]), True) for j in range(1, n)]
    return out


def classify(hit: _Hit, words: Sequence[str]) -> bool:
    """Set the hit's match kind from its keys and the typed words; False when it does not match."""
    best: tuple[int, int, MatchKind] | None = None
    for last, first, reverse in _splits(words):
        if hit.name_key == last:
            q = _first_quality(hit.first_name_key, first)
            if q is not None:
                kind = MatchKind.REVERSED if reverse else MatchKind.NAME
                best = min(best or (99, 0, kind), (_MATCH_ORDER[kind], q, kind))
        if hit.birth_name_key == last and hit.birth_name_key != hit.name_key and not reverse:
            q = _first_quality(hit.first_name_key, first)
            if q is not None:
                kind = MatchKind.BIRTH_NAME
                best = min(best or (99, 0, kind), (_MATCH_ORDER[kind], q, kind))
    if best is None and hit.name_key.startswith(" ".join(words)):
        best = (0, 0, MatchKind.NAME_PREFIX)
    if best is None:
        return False
    hit.match, hit.quality = best[2], best[1]
    return True


def close_score(hit: _Hit, words: Sequence[str]) -> int | None:
    """Typo count of the closest way to read the words as this hit's names, or None."""
    best: int | None = None
    for last, first, _reverse in _splits(words):
        for key in {hit.name_key, hit.birth_name_key}:
            dn = close_distance(last, key)
            if dn is None:
                continue
            df = close_first_name(first, hit.first_name_key) if first else 0
            if df is None:
                continue
            if best is None or dn + df < best:
                best = dn + df
    return best


class _Searcher:
    """One search, in the caller's transaction: a few index range scans, no table scan."""

    # Loose-scan budgets of the typo-tolerant search: (letters of the typed start shared,
    # distinct values looked at), then a few values per start that sounds the same.
    NAME_BUDGET = ((3, 40), (2, 60))
    FIRST_NAME_BUDGET = ((2, 40),)
    WIDE_NAME_BUDGET = ((1, 100),)
    WIDE_FIRST_NAME_BUDGET = ((1, 100),)
    CAP_ALTERNATIVE = 30
    NAME_SCAN: _Scan = ("members", "name_key", None)
    # First names under a close last name: of members, and of dependents (who share it).
    FIRST_NAME_SCANS: tuple[_Scan, ...] = (
        ("members", "first_name_key", "name_key"),
        ("dependents", "first_name_key", "name_key"),
    )
    CLOSE_NAMES = 3  # closest last names looked at per reading of the words
    CLOSE_PAIRS = 10  # closest (last name, first name) pairs fetched

    def __init__(self, session: Session, limit: int) -> None:
        # Core statements straight on the connection: the ORM session adds nothing here but
        # its per-statement overhead, and a typo-tolerant search runs a couple of dozen.
        self.conn = session.connection()
        self.limit = limit
        self.truncated = False
        self._scanned: dict[_ScanRequest, list[str]] = {}

    def _fetch(self, arms: Sequence[tuple[Arm, tuple[Any, ...]]], limit: int) -> list[_Hit]:
        """Run the arms as one UNION ALL; dedupe; note when an arm was cut at its limit."""
        if not arms:
            return []
        stmt = _union(tuple(kind for kind, _ in arms), limit + 1)
        params = {
            f"p{i}_{n}": v for i, (_, values) in enumerate(arms) for n, v in enumerate(values)
        }
        per_arm: dict[int, int] = {}
        seen: dict[tuple[int, int | None], _Hit] = {}
        for row in self.conn.execute(stmt, params):
            *values, arm = row
            per_arm[arm] = per_arm.get(arm, 0) + 1
            hit = _Hit(*values)
            seen.setdefault(hit.key, hit)
        if any(n > limit for n in per_arm.values()):
            self.truncated = True
        return list(seen.values())

    def _distinct(self, requests: Sequence[_ScanRequest]) -> list[str]:
        """The distinct values the loose scans find (each request run once per search)."""
        out: list[str] = []
        for request in requests:
            values = self._scanned.get(request)
            if values is None:
                scan, prefix, eq_value, cap = request
                params: dict[str, Any] = {"lo": prefix, "hi": _upper_bound(prefix), "cap": cap}
                if eq_value is not None:
                    params["e"] = eq_value
                values = list(self.conn.execute(_distinct_sql(scan), params).scalars())
                self._scanned[request] = values
            out.extend(values)
        return out

    # .. the kinds of query ..

    def run(self, q: SearchQuery) -> SearchResult:
        kind = QueryKind(q.kind)
        close = date_ignored = False
        if q.kind in ("nir", "nir_prefix"):
            assert q.nir is not None
            hits = self._by_nir(q.nir, exact=q.kind == "nir")
            if not hits and len(q.nir) >= 13:
                # Nobody's NIR starts so: what was typed is most likely a NIR with a wrong or
                # missing key, and the advisor should be told which.
                parse_nir(q.nir)
        else:
            words = q.name_words[:_MAX_WORDS]
            hits = []
            if q.birth_date is not None:
                hits, close = self._by_birth_date(words, q.birth_date)
                date_ignored = not hits
            if not hits:
                hits = self._by_name(words)
                if not hits:
                    hits = self._close_names(words)
                    close = bool(hits)
        hits.sort(key=_Hit.sort_key)
        if len(hits) > self.limit:
            self.truncated = True
            del hits[self.limit :]
        return SearchResult(
            kind=kind,
            rows=self._rows(hits),
            truncated=self.truncated,
            close_matches=close,
            birth_date_ignored=date_ignored and bool(hits),
        )

    def _by_nir(self, nir: str, *, exact: bool) -> list[_Hit]:
        arms: list[tuple[Arm, tuple[Any, ...]]]
        if exact:
            arms = [(Arm.M_NIR, (nir,)), (Arm.D_NIR, (nir,))]
        else:
            hi = _upper_bound(nir)
            arms = [(Arm.M_NIR_RANGE, (nir, hi)), (Arm.D_NIR_RANGE, (nir, hi))]
        hits = self._fetch(arms, self.limit)
        for hit in hits:
            hit.match = MatchKind.NIR if exact else MatchKind.NIR_PREFIX
        return hits

    def _by_name(self, words: Sequence[str]) -> list[_Hit]:
        full = " ".join(words)
        # The whole text as the start of a last name: exact names come first in index order.
        arms: list[tuple[Arm, tuple[Any, ...]]] = [
            (Arm.M_NAME_RANGE, (full, _upper_bound(full))),
            (Arm.D_NAME_RANGE, (full, _upper_bound(full))),
        ]
        for last, first, reverse in _splits(words):
            if first:
                bounds = (last, first, _upper_bound(first))
                arms += [(Arm.M_NAME_FIRST, bounds), (Arm.D_NAME_FIRST, bounds)]
                if not reverse:
                    arms.append((Arm.M_BIRTH_FIRST, bounds))
            else:
                arms.append((Arm.M_BIRTH, (last,)))
        return [h for h in self._fetch(arms, self.limit) if classify(h, words)]

    def _by_birth_date(self, words: Sequence[str], born: date) -> tuple[list[_Hit], bool]:
        """Everyone born that day (a few dozen per million), matched by name in Python."""
        everyone = self._fetch([(Arm.M_BORN, (born,)), (Arm.D_BORN, (born,))], 10 * self.limit)
        self.truncated = False
        hits = [h for h in everyone if classify(h, words)]
        if hits:
            return hits, False
        close = []
        for h in everyone:
            score = close_score(h, words)
            if score is not None:
                h.match, h.quality = MatchKind.CLOSE, score
                close.append(h)
        return close, bool(close)

    def _scan_requests(
        self,
        typed: str,
        scan: _Scan,
        eq_value: str | None,
        budget: Sequence[tuple[int, int]],
        *,
        alts: bool,
    ) -> list[_ScanRequest]:
        """Scans of the values sharing the typed start, or a start that sounds the same."""
        starts = [(typed[:n], cap) for n, cap in budget if len(typed) >= n]
        if alts:
            starts += [(alt, self.CAP_ALTERNATIVE) for alt in _alternative_prefixes(typed)]
        return [(scan, start, eq_value, cap) for start, cap in starts]

    @staticmethod
    def _closest(
        typed: str, values: Iterable[str], *, first_names: bool = False
    ) -> list[tuple[int, str]]:
        score = close_first_name if first_names else close_distance
        scored = []
        for value in set(values):
            dist = score(typed, value)
            if dist is not None:
                scored.append((dist, value))
        scored.sort()
        return scored

    def _close_pairs(
        self, last: str, first: str, *, wide: bool
    ) -> set[tuple[int, str, str | None]]:
        """(typos, last name, first name or None) close to one reading of the words."""
        name_budget = self.WIDE_NAME_BUDGET if wide else self.NAME_BUDGET
        requests = self._scan_requests(last, self.NAME_SCAN, None, name_budget, alts=wide)
        closest = self._closest(last, self._distinct(requests))
        pairs: set[tuple[int, str, str | None]] = set()
        if not closest:
            return pairs
        best = closest[0][0]
        first_budget = self.WIDE_FIRST_NAME_BUDGET if wide else self.FIRST_NAME_BUDGET
        for dn, name in closest[: self.CLOSE_NAMES]:
            # The closest names only (their first names cost index seeks), or one typo more
            # when no first name was typed (the rows are fetched directly).
            if dn > best + (0 if first else 1):
                break
            if not first:
                pairs.add((dn, name, None))
                continue
            first_requests = [
                r
                for scan in self.FIRST_NAME_SCANS
                for r in self._scan_requests(first, scan, name, first_budget, alts=wide)
            ]
            firsts = self._closest(first, self._distinct(first_requests), first_names=True)
            pairs.update((dn + df, name, fk) for df, fk in firsts)
        return pairs

    def _close_names(self, words: Sequence[str]) -> list[_Hit]:
        """Names close to what was typed, compared over a bounded set of index values.

        Two tiers. Narrow first: the names sharing the first three or two typed letters, then
        the first names of the closest sharing the first two (most typos are further in the
        word). Only if nothing is close: the names sharing the first letter, or a start that
        sounds the same (ph/f, c/k/qu, silent h…), and first names likewise. The readings of
        the words (last name first, then first name first) are tried in that order, and a
        reading that finds close names ends the search: a few dozen index seeks at most.
        """
        pairs: set[tuple[int, str, str | None]] = set()  # (typos, last name, first name)
        for wide in (False, True):
            for last, first, _reverse in _splits(words):
                if len(last) >= 3:
                    pairs |= self._close_pairs(last, first, wide=wide)
                if pairs:
                    break
            if pairs:
                break
        chosen = sorted(pairs, key=lambda p: (p[0], p[1], p[2] or ""))[: self.CLOSE_PAIRS]
        names = sorted({name for _typos, name, fk in chosen if fk is None})
        pairs_in = sorted({(name, fk) for _typos, name, fk in chosen if fk is not None})
        arms: list[tuple[Arm, tuple[Any, ...]]] = []
        if names:
            arms += [(kind, (names,)) for kind in (Arm.M_NAMES, Arm.D_NAMES, Arm.M_BIRTH_NAMES)]
        if pairs_in:
            lists = (sorted({n for n, _ in pairs_in}), sorted({f for _, f in pairs_in}))
            arms += [(kind, lists) for kind in (Arm.M_PAIRS, Arm.D_PAIRS, Arm.M_BIRTH_PAIRS)]
        hits = []
        for h in self._fetch(arms, self.limit):
            score = close_score(h, words)
            if score is not None:
                h.match, h.quality = MatchKind.CLOSE, score
                hits.append(h)
        return hits

    # .. the rows shown ..

    def _rows(self, hits: list[_Hit]) -> list[SearchRow]:
        if not hits:
            return []
        ids = sorted({h.member_id for h in hits})
        info = {r.id: r for r in self.conn.execute(_details_sql(), {"ids": ids})}
        rows = []
        for h in hits:
            holder = info.get(h.member_id)
            is_dep = h.dependent_id is not None
            rows.append(
                SearchRow(
                    member_id=h.member_id,
                    dependent_id=h.dependent_id,
                    last_name=h.last_name,
                    first_names=h.first_names,
                    birth_name=h.birth_name,
                    birth_date=h.birth_date,
                    nir_masked=_masked_nir(h.nir),
                    city=holder.city if holder else None,
                    dependents_count=0 if is_dep or holder is None else int(holder.n),
                    holder_name=(
                        f"{holder.last_name} {holder.first_names}" if is_dep and holder else None
                    ),
                    match=h.match,
                )
            )
        return rows


# --- the service -----------------------------------------------------------------------------

_NOT_FOUND = "Assuré introuvable : le dossier a peut-être été supprimé ou fusionné."
_M: Any = bindparam("m")  # the member id of every member-file statement


class _FileSql:
    """The member file's statements, built once (bound by member id) and reused by every call."""

    @functools.cached_property
    def exists(self) -> Any:
        return select(Member.id).where(Member.id == _M)

    @functools.cached_property
    def member(self) -> Any:
        return (
            select(
                Member.last_name,
                Member.first_names,
                Member.birth_name,
                Member.nir,
                Member.sex,
                Member.birth_date,
                Member.birth_place,
                Member.email,
                Member.phone,
                Member.regime,
                Member.fund_code,
                Member.complementary_since,
                Professional.last_name.label("doc_last"),
                Professional.first_name.label("doc_first"),
                Professional.specialty,
                Professional.city.label("doc_city"),
                Professional.rpps,
                ComplementaryInsurer.code.label("ins_code"),
                ComplementaryInsurer.name.label("ins_name"),
            )
            .outerjoin(Professional, Professional.id == Member.referring_doctor_id)
            .outerjoin(
                ComplementaryInsurer, ComplementaryInsurer.id == Member.complementary_insurer_id
            )
            .where(Member.id == _M)
        )

    @functools.cached_property
    def address(self) -> Any:
        return (
            select(Address.line1, Address.line2, Address.postcode, Address.city, Address.valid_from)
            .where(Address.member_id == _M, Address.valid_to.is_(None))
            .order_by(Address.valid_from.desc())
            .limit(1)
        )

    @functools.cached_property
    def bank(self) -> Any:
        return (
            select(
                BankAccount.id,
                BankAccount.iban,
                BankAccount.bic,
                BankAccount.holder,
                BankAccount.valid_from,
            )
            .where(BankAccount.member_id == _M, BankAccount.valid_to.is_(None))
            .order_by(BankAccount.valid_from.desc())
            .limit(1)
        )

    @functools.cached_property
    def rights(self) -> Any:
        return (
            select(RightsPeriod.start, RightsPeriod.end, RightsPeriod.basis)
            .where(RightsPeriod.member_id == _M)
            .order_by(RightsPeriod.start.desc())
            .limit(1)
        )

    @functools.cached_property
    def covers(self) -> Any:
        return (
            select(
                CoverPeriod.kind,
                CoverPeriod.start,
                CoverPeriod.end,
                CoverPeriod.monthly_participation_cents,
            )
            .where(CoverPeriod.member_id == _M)
            .order_by(CoverPeriod.start.desc())
            .limit(4)
        )

    @functools.cached_property
    def cards(self) -> Any:
        return select(
            VitaleCard.id,
            VitaleCard.dependent_id,
            VitaleCard.serial,
            VitaleCard.status,
            VitaleCard.issued_on,
            VitaleCard.status_changed_on,
        ).where(VitaleCard.member_id == _M)

    @functools.cached_property
    def dependents(self) -> Any:
        return (
            select(
                Dependent.id,
                Dependent.rank,
                Dependent.relationship,
                Dependent.last_name,
                Dependent.first_names,
                Dependent.sex,
                Dependent.birth_date,
                Dependent.nir,
                Dependent.other_parent_member_id,
            )
            .where(Dependent.member_id == _M)
            .order_by(Dependent.rank)
        )

    @functools.cached_property
    def ald_ends(self) -> Any:
        return select(Ald.dependent_id, Ald.end_date).where(Ald.member_id == _M)

    @functools.cached_property
    def ledger(self) -> Any:
        return (
            select(DeductibleEntry.entry, func.sum(DeductibleEntry.amount_cents))
            .where(
                DeductibleEntry.member_id == _M,
                DeductibleEntry.entry.in_([LedgerEntryKind.OWED, LedgerEntryKind.PAID]),
            )
            .group_by(DeductibleEntry.entry)
        )

    @functools.cached_property
    def alds(self) -> Any:
        return (
            select(
                Ald.id,
                Ald.code,
                Ald.label,
                Ald.start_date,
                Ald.end_date,
                Ald.protocol_ref,
                Ald.protocol_valid_until,
                Ald.exonerating,
                Ald.dependent_id,
                Dependent.last_name.label("dep_last"),
                Dependent.first_names.label("dep_first"),
            )
            .outerjoin(Dependent, Dependent.id == Ald.dependent_id)
            .where(Ald.member_id == _M)
        )

    @functools.cached_property
    def leaves(self) -> Any:
        return (
            select(
                SickLeave.id,
                SickLeave.kind,
                SickLeave.start_date,
                SickLeave.end_date,
                SickLeave.prescriber,
                SickLeave.ald_related,
                SickLeave.work_case_id,
            )
            .where(SickLeave.member_id == _M)
            .order_by(SickLeave.start_date.desc(), SickLeave.id.desc())
        )

    @functools.cached_property
    def payments(self) -> Any:
        return (
            select(
                IjPayment.sick_leave_id,
                IjPayment.id,
                IjPayment.period_start,
                IjPayment.period_end,
                IjPayment.days,
                IjPayment.daily_gross_cents,
                IjPayment.gross_cents,
                IjPayment.net_cents,
                IjPayment.taxable_cents,
                IjPayment.paid_on,
            )
            .where(IjPayment.member_id == _M)
            .order_by(IjPayment.paid_on, IjPayment.id)
        )

    @functools.cached_property
    def cases(self) -> Any:
        c = WorkAccidentCase
        return (
            select(
                c.id,
                c.number,
                c.kind,
                c.accident_date,
                c.declared_on,
                c.employer,
                c.description,
                c.decision,
                c.decision_date,
                c.consolidation_date,
                c.ipp_rate,
            )
            .where(c.member_id == _M)
            .order_by(c.accident_date.desc(), c.id.desc())
        )

    @functools.cached_property
    def steps(self) -> Any:
        # The steps of the member's cases, through the case index, without a list of ids.
        return (
            select(
                WorkAccidentStep.case_id,
                WorkAccidentStep.on,
                WorkAccidentStep.step,
                WorkAccidentStep.detail,
            )
            .join(WorkAccidentCase, WorkAccidentCase.id == WorkAccidentStep.case_id)
            .where(WorkAccidentCase.member_id == _M)
            .order_by(WorkAccidentStep.on, WorkAccidentStep.id)
        )

    @functools.cached_property
    def declarations(self) -> Any:
        d = Declaration
        return (
            select(
                d.id,
                d.number,
                d.kind,
                d.state,
                d.channel,
                d.filed_at,
                d.estimated_on,
                d.completed_at,
                d.waiting_since,
            )
            .where(d.member_id == _M)
            .order_by(d.filed_at.desc(), d.id.desc())
        )


_SQL = _FileSql()


def _vitale(rows: Iterable[Any]) -> VitaleInfo | None:
    """The card that counts: the latest status change (a lost card replaced by an order…)."""
    latest = max(rows, key=lambda r: (r.status_changed_on, r.id), default=None)
    if latest is None:
        return None
    return VitaleInfo(
        serial=latest.serial,
        status=latest.status,
        issued_on=latest.issued_on,
        status_changed_on=latest.status_changed_on,
    )


def _alerts(
    status: RightsStatus,
    rights_end: date | None,
    card: VitaleInfo | None,
    ald_ends: Iterable[date | None],
    debt: int,
    today: date,
) -> list[Alert]:
    alerts: list[Alert] = []
    if status is RightsStatus.CLOSED:
        alerts.append(Alert(AlertKind.RIGHTS_CLOSED, on=rights_end))
    elif status is RightsStatus.TO_RENEW:
        alerts.append(Alert(AlertKind.RIGHTS_TO_RENEW, on=rights_end))
    if card is not None and card.status in _VITALE_ALERTS:
        alerts.append(Alert(_VITALE_ALERTS[card.status], on=card.status_changed_on))
    horizon = add_months(today, RENEWAL_MONTHS)
    renew = sorted(end for end in ald_ends if end is not None and today <= end <= horizon)
    if renew:
        alerts.append(Alert(AlertKind.ALD_TO_RENEW, on=renew[0], count=len(renew)))
    if debt > 0:
        alerts.append(Alert(AlertKind.DEBT, amount_cents=debt))
    return alerts


class MembersService(Service):
    name = "members"

    @staticmethod
    def _require_member(conn: Connection, member_id: int) -> None:
        if conn.execute(_SQL.exists, {"m": member_id}).first() is None:
            raise NotFound(_NOT_FOUND)

    @api(Permission.MEMBER_SEARCH, readonly=True)
    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> SearchResult:
        """Find members (and dependents) by NIR, start of NIR, or name with an optional birth date."""
        parsed = parse_search_query(query)
        limit = max(1, min(limit, MAX_LIMIT))
        with self._ctx.tx() as s:
            result = _Searcher(s, limit).run(parsed)
            # The query itself is personal data: the trail keeps its kind and outcome only.
            detail = f"type={parsed.kind}; résultats={len(result.rows)}"
            if parsed.birth_date is not None:
                detail += "; avec date de naissance"
            if result.close_matches:
                detail += "; noms proches"
            self._ctx.audit(s, "members.search", detail=detail)
        return result

    @api(Permission.MEMBER_READ, readonly=True)
    def identity(self, member_id: int) -> MemberIdentity:
        """The header and the 'Identity and rights' tab; reading it is 'opening the file'."""
        today = date.today()
        m = {"m": member_id}
        with self._ctx.tx() as s:
            conn = s.connection()
            row = conn.execute(_SQL.member, m).one_or_none()
            if row is None:
                raise NotFound(_NOT_FOUND)
            address = conn.execute(_SQL.address, m).one_or_none()
            bank = conn.execute(_SQL.bank, m).one_or_none()
            rights = conn.execute(_SQL.rights, m).one_or_none()
            covers = conn.execute(_SQL.covers, m).all()
            cards = conn.execute(_SQL.cards, m).all()
            dependents = conn.execute(_SQL.dependents, m).all()
            alds = conn.execute(_SQL.ald_ends, m).all()
            ledger = {entry: int(total or 0) for entry, total in conn.execute(_SQL.ledger, m)}
            self._ctx.audit(s, "members.identity", member_id=member_id)

        debt = ledger.get(LedgerEntryKind.OWED, 0) - ledger.get(LedgerEntryKind.PAID, 0)
        start, end = (rights.start, rights.end) if rights else (None, None)
        status = rights_status(start, end, today)
        member_card = _vitale(c for c in cards if c.dependent_id is None)
        cover = None
        for c in covers:
            current = c.start <= today <= c.end
            if current or cover is None:
                cover = CoverInfo(c.kind, c.start, c.end, c.monthly_participation_cents, current)
            if current:
                break
        ald_counts: dict[int, int] = {}
        for a in alds:
            if a.dependent_id is not None and (a.end_date is None or a.end_date >= today):
                ald_counts[a.dependent_id] = ald_counts.get(a.dependent_id, 0) + 1
        header = MemberHeader(
            member_id=member_id,
            last_name=row.last_name,
            first_names=row.first_names,
            nir_formatted=_formatted_nir(row.nir),
            birth_date=row.birth_date,
            age=age_on(row.birth_date, today),
            sex=row.sex,
            rights_status=status,
            alerts=_alerts(status, end, member_card, (a.end_date for a in alds), debt, today),
        )
        return MemberIdentity(
            header=header,
            birth_name=row.birth_name,
            birth_place=row.birth_place,
            email=row.email,
            phone=row.phone,
            regime=row.regime,
            fund_code=row.fund_code,
            address=AddressInfo(*address) if address else None,
            rights=RightsInfo(status, start, end, rights.basis if rights else ""),
            cover=cover,
            doctor=(
                DoctorInfo(f"{row.doc_first} {row.doc_last}", row.specialty, row.doc_city, row.rpps)
                if row.rpps
                else None
            ),
            insurer=(
                InsurerInfo(row.ins_code, row.ins_name, row.complementary_since)
                if row.ins_code
                else None
            ),
            bank=(
                BankInfo(mask_iban(bank.iban), bank.bic, bank.holder, bank.valid_from)
                if bank
                else None
            ),
            vitale=member_card,
            dependents=[
                DependentInfo(
                    id=d.id,
                    rank=d.rank,
                    relationship=d.relationship,
                    last_name=d.last_name,
                    first_names=d.first_names,
                    sex=d.sex,
                    birth_date=d.birth_date,
                    age=age_on(d.birth_date, today),
                    nir_formatted=_formatted_nir(d.nir) if d.nir else None,
                    vitale=_vitale(c for c in cards if c.dependent_id == d.id),
                    other_parent_member_id=d.other_parent_member_id,
                    ald_count=ald_counts.get(d.id, 0),
                )
                for d in dependents
            ],
            debt_cents=max(debt, 0),
        )

    @api(Permission.MEMBER_READ, readonly=True)
    def alds(self, member_id: int) -> list[AldInfo]:
        """The member's and dependents' ALD exemptions, current first."""
        today = date.today()
        horizon = add_months(today, RENEWAL_MONTHS)
        with self._ctx.tx() as s:
            conn = s.connection()
            self._require_member(conn, member_id)
            rows = conn.execute(_SQL.alds, {"m": member_id}).all()
            self._ctx.audit(s, "members.alds", member_id=member_id)
        out = []
        for a in rows:
            active = a.start_date <= today and (a.end_date is None or a.end_date >= today)
            out.append(
                AldInfo(
                    id=a.id,
                    code=a.code,
                    label=a.label,
                    start_date=a.start_date,
                    end_date=a.end_date,
                    protocol_ref=a.protocol_ref,
                    protocol_valid_until=a.protocol_valid_until,
                    exonerating=a.exonerating,
                    dependent_id=a.dependent_id,
                    person=f"{a.dep_first} {a.dep_last}" if a.dependent_id else "",
                    active=active,
                    to_renew=a.end_date is not None and today <= a.end_date <= horizon,
                    protocol_expired=a.protocol_valid_until is not None
                    and a.protocol_valid_until < today,
                )
            )
        out.sort(key=lambda a: (not a.active, a.dependent_id is not None, a.code, a.start_date))
        return out

    @api(Permission.MEMBER_READ, readonly=True)
    def leaves(self, member_id: int) -> LeavesInfo:
        """Sick leaves with their IJ payments, and the work-accident cases with their timeline."""
        m = {"m": member_id}
        with self._ctx.tx() as s:
            conn = s.connection()
            self._require_member(conn, member_id)
            leaves = conn.execute(_SQL.leaves, m).all()
            payments = conn.execute(_SQL.payments, m).all()
            cases = conn.execute(_SQL.cases, m).all()
            steps = conn.execute(_SQL.steps, m).all() if cases else []
            self._ctx.audit(s, "members.leaves", member_id=member_id)
        by_leave: dict[int, list[IjPaymentInfo]] = {}
        for p in payments:
            by_leave.setdefault(p.sick_leave_id, []).append(
                IjPaymentInfo(
                    id=p.id,
                    period_start=p.period_start,
                    period_end=p.period_end,
                    days=p.days,
                    daily_gross_cents=p.daily_gross_cents,
                    gross_cents=p.gross_cents,
                    net_cents=p.net_cents,
                    taxable_cents=p.taxable_cents,
                    paid_on=p.paid_on,
                )
            )
        numbers = {c.id: c.number for c in cases}
        by_case: dict[int, list[WorkCaseStep]] = {}
        for st in steps:
            by_case.setdefault(st.case_id, []).append(WorkCaseStep(st.on, st.step, st.detail))
        return LeavesInfo(
            leaves=[
                SickLeaveInfo(
                    id=lv.id,
                    kind=lv.kind,
                    start_date=lv.start_date,
                    end_date=lv.end_date,
                    days=(lv.end_date - lv.start_date).days + 1,
                    prescriber=lv.prescriber,
                    ald_related=lv.ald_related,
                    work_case_number=numbers.get(lv.work_case_id) if lv.work_case_id else None,
                    payments=by_leave.get(lv.id, []),
                    paid_net_cents=sum(p.net_cents for p in by_leave.get(lv.id, [])),
                )
                for lv in leaves
            ],
            work_cases=[
                WorkCaseInfo(
                    id=c.id,
                    number=c.number,
                    kind=c.kind,
                    accident_date=c.accident_date,
                    declared_on=c.declared_on,
                    employer=c.employer,
                    description=c.description,
                    decision=c.decision,
                    decision_date=c.decision_date,
                    consolidation_date=c.consolidation_date,
                    ipp_rate=c.ipp_rate,
                    steps=by_case.get(c.id, []),
                )
                for c in cases
            ],
        )

    @api(Permission.MEMBER_READ, readonly=True)
    def declarations(self, member_id: int) -> list[DeclarationSummary]:
        """The member's requests, newest first, with their state and estimated processing date."""
        with self._ctx.tx() as s:
            conn = s.connection()
            self._require_member(conn, member_id)
            rows = conn.execute(_SQL.declarations, {"m": member_id}).all()
            self._ctx.audit(s, "members.declarations", member_id=member_id)
        return [
            DeclarationSummary(
                id=r.id,
                number=r.number,
                kind=r.kind,
                state=r.state,
                channel=r.channel,
                filed_at=r.filed_at,
                estimated_on=r.estimated_on,
                completed_at=r.completed_at,
                waiting_since=r.waiting_since,
                pending=r.state in _PENDING_STATES,
            )
            for r in rows
        ]

    @api(Permission.MEMBER_REVEAL_IBAN, readonly=True)
    def reveal_iban(self, member_id: int) -> str:
        """The full IBAN of the active bank account; every reveal is in the audit trail."""
        with self._ctx.tx() as s:
            conn = s.connection()
            row = conn.execute(_SQL.bank, {"m": member_id}).one_or_none()
            if row is None:
                self._require_member(conn, member_id)
                raise NotFound("Aucun compte bancaire actif n'est enregistré pour cet assuré.")
            self._ctx.audit(
                s, "members.reveal_iban", member_id=member_id, target=f"bank_account:{row.id}"
            )
        return format_iban(row.iban)
