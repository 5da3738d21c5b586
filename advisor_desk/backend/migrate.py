"""Schema migrations (alembic, one linear chain) and the reference data synchronised from resources/."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, delete, insert, text
from sqlalchemy.exc import DBAPIError, OperationalError

from advisor_desk.domain.errors import BackendUnavailable
from advisor_desk.paths import resources_dir

from .engine import describe, session_scope
from .orm import AldReference, CssCeiling, ReferenceValue

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION_LINE = re.compile(
    r"^(down_revision|revision)\s*(?::[^=]*)?=\s*['\"]?([\w-]+)", re.MULTILINE
)


def schema_is_current(engine: Engine) -> bool:
    """Start-up fast path without importing alembic (~0.35 s): is the database at the head?"""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            (revisions if name == "revision" else parents).add(value)
    heads = revisions - parents
    try:
        with engine.connect() as conn:
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return False
    return len(heads) == 1 and current in heads


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        raise BackendUnavailable(
            f"Base de données injoignable ({describe(engine)}) : {_first_line(exc)}"
        ) from None


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def check_revision_known(engine: Engine) -> str | None:
    """Refuse a database whose schema was written by a newer advisor-desk."""
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    if current is not None:
        script = ScriptDirectory.from_config(alembic_config())
        if current not in {rev.revision for rev in script.walk_revisions()}:
            raise BackendUnavailable(
                f"Cette base de données a été mise à jour par une version plus récente "
                f"d'advisor-desk (révision de schéma {current}) : mettez l'application à jour."
            )
    return current


def ensure_database(engine: Engine) -> bool:
    """Create the PostgreSQL database of the URL when it does not exist yet; True if created."""
    if engine.dialect.name != "postgresql":
        return False
    name = engine.url.database
    admin = create_engine(engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            ).scalar()
            if exists:
                return False
            conn.execute(text(f'CREATE DATABASE "{name}"'))
            return True
    except OperationalError as exc:
        raise BackendUnavailable(
            f"Base de données injoignable ({describe(engine)}) : {_first_line(exc)}"
        ) from None
    finally:
        admin.dispose()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    check_revision_known(engine)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    sync_reference_data(engine)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def is_up_to_date(engine: Engine) -> bool:
    return check_revision_known(engine) == head_revision()


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(resources_dir() / "reference" / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def sync_reference_data(engine: Engine) -> None:
    """Replace the dated reference tables by the CSVs shipped in resources/reference."""
    ald = [
        {
            "code": int(r["code"]),
            "label": r["label"],
            "valid_from": _date(r.get("valid_from", "")),
            "valid_to": _date(r.get("valid_to", "")),
        }
        for r in _read_csv("ald.csv")
    ]
    values = [
        {
            "key": r["key"],
            "valid_from": _date(r["valid_from"]) or date(1945, 10, 4),
            "valid_to": _date(r.get("valid_to", "")),
            "value": int(r["value"]),
            "unit": r.get("unit", ""),
            "note": r.get("note") or None,
        }
        for r in _read_csv("values.csv")
    ]
    ceilings = [
        {
            "valid_from": _date(r["valid_from"]),
            "valid_to": _date(r.get("valid_to", "")),
            "household_size": 0 if r["household_size"] == "extra" else int(r["household_size"]),
            "free_cents": int(r["free_cents"]),
            "participation_cents": int(r["participation_cents"]),
        }
        for r in _read_csv("css_ceilings.csv")
    ]
    with session_scope(engine) as s:
        s.execute(delete(AldReference))
        s.execute(delete(ReferenceValue))
        s.execute(delete(CssCeiling))
        s.execute(insert(AldReference), ald)
        s.execute(insert(ReferenceValue), values)
        s.execute(insert(CssCeiling), ceilings)
