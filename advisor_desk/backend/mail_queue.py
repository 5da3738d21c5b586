"""The SQL behind "Next" (claim without duplicates) and template ranking, per database."""

from __future__ import annotations

import functools
import re
from typing import Any, cast

from sqlalchemy import CursorResult, Select, Table, bindparam, false, select, text, update
from sqlalchemy.orm import Session

from advisor_desk.domain.enums import MailState, MailTheme

from .orm import MailThread

_CLAIM_RETRIES = 5

# Words that say nothing about what a member wants; the PostgreSQL 'french' configuration
# drops its own stop words, this list keeps both engines close.
_STOP_WORDS = frozenset(
    [
        "alors",
        "au",
        "aucun",
        "aussi",
        "autre",
        "avec",
        "avoir",
        "bonjour",
        "bonsoir",
        "car",
        "ce",
        "cela",
        "ces",
        "cet",
        "cette",
        "ceci",
        "chez",
        "comme",
        "comment",
        "cordialement",
        "dans",
        "des",
        "donc",
        "dont",
        "elle",
        "elles",
        "est",
        "et",
        "etre",
        "être",
        "fait",
        "faire",
        "il",
        "ils",
        "je",
        "la",
        "le",
        "les",
        "leur",
        "lui",
        "ma",
        "madame",
        "mais",
        "me",
        "merci",
        "mes",
        "moi",
        "mon",
        "monsieur",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "où",
        "par",
        "pas",
        "pour",
        "pourquoi",
        "quand",
        "que",
        "quel",
        "quelle",
        "qui",
        "sa",
        "sans",
        "se",
        "ses",
        "si",
        "son",
        "sont",
        "sur",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tous",
        "tout",
        "tres",
        "très",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "salutations",
        "bien",
        "depuis",
        "encore",
        "avez",
        "avons",
        "suis",
        "été",
        "était",
        "ai",
        "as",
        "peux",
        "pouvez",
        "pourriez",
        "voudrais",
        "souhaite",
    ]
)
_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_PREFIX = 7  # SQLite FTS5 has no French stemmer: a 7-letter prefix stands in for one
_MAX_WORDS = 40


def query_words(message: str) -> list[str]:
    """The meaningful words of a member's message, in order, without repeats."""
    words: list[str] = []
    for word in _WORD_RE.findall(message.lower()):
        if word not in _STOP_WORDS and word not in words:
            words.append(word)
    return words[:_MAX_WORDS]


_THREADS = cast(Table, MailThread.__table__)


def _candidates(by_theme: bool) -> Select[Any]:
    t = _THREADS.c
    query = (
        select(t.id)
        .where(
            t.assigned_agent_id.is_(None),
            t.state.in_((MailState.NEW, MailState.OPEN)),
            t.escalated.is_(false()),
        )
        .order_by(t.sla_due_at.asc().nulls_last(), t.id)
        .limit(1)
    )
    if by_theme:
        query = query.where(t.theme == bindparam("want_theme"))
    return query


def _claim_values() -> dict[str, Any]:
    t = _THREADS.c
    return {
        "assigned_agent_id": bindparam("claimer_id"),
        "state": MailState.OPEN,
        "version": t.version + 1,
    }


@functools.cache
def _pg_claim(by_theme: bool) -> Any:
    """Claim in one statement: lock one free candidate (skipping rows others hold), take it."""
    t = _THREADS.c
    picked = _candidates(by_theme).with_for_update(skip_locked=True).cte("picked")
    return (
        update(_THREADS)
        .where(t.id == picked.c.id, t.assigned_agent_id.is_(None))
        .values(**_claim_values())
        .returning(t.id)
    )


@functools.cache
def _sqlite_statements(by_theme: bool) -> tuple[Any, Any]:
    t = _THREADS.c
    guarded = (
        update(_THREADS)
        .where(t.id == bindparam("claimed_id"), t.assigned_agent_id.is_(None))
        .values(**_claim_values())
    )
    return _candidates(by_theme), guarded


def claim_one(s: Session, agent_id: int, theme: MailTheme | None = None) -> int | None:
    """Assign the most urgent unassigned thread to `agent_id`; its id, or None if none is left.

    PostgreSQL: lock one candidate with FOR UPDATE SKIP LOCKED and update it in the same
    statement (procrastinate's fetch-job query), so concurrent agents each lock a different
    row and nobody waits. SQLite: the transaction already holds the write lock (BEGIN
    IMMEDIATE), and the guarded UPDATE's row count proves the thread was still free.
    (The statements are built once: "Next" is the hottest call of the mail screen.)
    """
    by_theme = theme is not None
    params: dict[str, Any] = {"claimer_id": agent_id}
    if by_theme:
        params["want_theme"] = theme
    if s.get_bind().dialect.name == "postgresql":
        claimed: int | None = s.execute(_pg_claim(by_theme), params).scalar_one_or_none()
        return claimed
    pick, guarded = _sqlite_statements(by_theme)
    for _ in range(_CLAIM_RETRIES):
        thread_id = s.scalar(pick, params)
        if thread_id is None:
            return None
        result = s.execute(guarded, {**params, "claimed_id": thread_id})
        if cast(CursorResult[Any], result).rowcount == 1:
            return int(thread_id)
    return None


# Tables with (id, title, keywords, body) that full-text ranking serves, and the filter on
# rows that may be suggested.
_RANKED_TABLES = {"reply_templates": "TRUE", "knowledge_articles": "active"}


def rank_templates(s: Session, message: str, limit: int) -> list[tuple[int, float]]:
    """Reply templates matching `message`, best first, as (template id, rank)."""
    return rank_texts(s, "reply_templates", message, limit)


def rank_texts(s: Session, table: str, message: str, limit: int) -> list[tuple[int, float]]:
    """Rows of `table` (templates, knowledge articles) matching `message`, best first.

    The database's own full-text search: to_tsvector('french', …) and ts_rank on PostgreSQL,
    an FTS5 index with bm25 on SQLite (a per-connection temporary table, refreshed on each
    call: there are a few dozen to a few hundred rows, and no schema object to migrate).
    Title and keywords weigh more than the body. Returns (id, rank) pairs.
    """
    where = _RANKED_TABLES[table]  # a fixed list: the table name is never user input
    words = query_words(message)
    if not words:
        return []
    if s.get_bind().dialect.name == "postgresql":
        # unaccent on both sides: a member (or an agent) typing without accents still matches.
        document = (
            "setweight(to_tsvector('french', unaccent(title)), 'A') || "
            "setweight(to_tsvector('french', unaccent(keywords)), 'A') || "
            "setweight(to_tsvector('french', unaccent(body)), 'C')"
        )
        rows = s.execute(
            text(
                f"SELECT id, ts_rank({document}, q) AS rank "
                f"FROM {table}, to_tsquery('french', unaccent(:q)) AS q "
                f"WHERE {where} AND {document} @@ q ORDER BY rank DESC, id LIMIT :n"
            ),
            {"q": " | ".join(words), "n": limit},
        ).all()
        return [(int(i), float(r)) for i, r in rows]
    fts = f"{table}_fts"
    s.execute(
        text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{fts} USING fts5("
            "title, keywords, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    )
    s.execute(text(f"DELETE FROM temp.{fts}"))
    s.execute(
        text(
            f"INSERT INTO temp.{fts} (rowid, title, keywords, body) "
            f"SELECT id, title, keywords, body FROM {table} WHERE {where}"
        )
    )
    match = " OR ".join(f'"{w[:_PREFIX]}"*' for w in words)
    rows = s.execute(
        text(
            f"SELECT rowid, -bm25({fts}, 10.0, 10.0, 1.0) AS rank "
            f"FROM temp.{fts} WHERE {fts} MATCH :q "
            "ORDER BY rank DESC, rowid LIMIT :n"
        ),
        {"q": match, "n": limit},
    ).all()
    return [(int(i), float(r)) for i, r in rows]
