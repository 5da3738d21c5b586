"""`advisor-desk db roles`: the least-privileged PostgreSQL role that `advisor-desk serve` runs as."""

from __future__ import annotations

import re
import secrets
from typing import Any

from sqlalchemy import Connection, Engine, text

from advisor_desk.domain.errors import AdvisorDeskError, ValidationError

from .engine import is_sqlite

ROLE_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# The trail must be tamper-proof from the server: it may add to it and read it, never rewrite it.
APPEND_ONLY_TABLES = ("audit_events",)
# Written by migrations only, which run as the owner; the server just checks the revision.
READ_ONLY_TABLES = ("alembic_version",)
ROLE_SETTINGS = {
    # Defaults for every session of the role, whoever starts it (the server also sets them).
    "statement_timeout": "30s",
    "idle_in_transaction_session_timeout": "60s",
}


def create_server_role(engine: Engine, role: str, password: str | None) -> str:
    """Create or update (idempotently) the server's LOGIN role, with only the rights it needs.

    `engine` connects as the owner of the schema (who runs `db upgrade`). The role gets CONNECT,
    USAGE on schema public, SELECT/INSERT/UPDATE/DELETE on every table but the audit trail
    (SELECT, INSERT) and alembic_version (SELECT), USAGE/SELECT on sequences; it owns nothing
    and may create nothing. Returns what to tell the operator (French).
    """
    if is_sqlite(engine):
        raise AdvisorDeskError(
            "Les rôles à moindres privilèges n'existent que sur PostgreSQL : "
            "une base SQLite embarquée n'a qu'un utilisateur, celui du poste."
        )
    if not ROLE_RE.match(role):
        raise ValidationError(
            "Nom de rôle refusé : lettres minuscules sans accent, chiffres et soulignés, "
            "63 caractères au plus, sans commencer par un chiffre.",
            "role",
        )
    generated = False
    with engine.begin() as conn:
        database, me, db_owner = conn.execute(
            text(
                "SELECT current_database(), current_user, pg_get_userbyid(datdba) "
                "FROM pg_database WHERE datname = current_database()"
            )
        ).one()
        # The schema's owner is whoever ran the migrations: alembic_version's owner.
        owner = (
            conn.scalar(
                text(
                    "SELECT tableowner FROM pg_tables "
                    "WHERE schemaname = 'public' AND tablename = 'alembic_version'"
                )
            )
            or me
        )
        existing = conn.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = :role"), {"role": role}
        ).first()
        if role in (me, owner, db_owner):
            raise ValidationError(
                f"Le rôle du serveur doit différer des propriétaires de la base « {database} » "
                f"et de son schéma ({db_owner}, {owner}) et du compte qui lance cette "
                f"commande ({me}).",
                "role",
            )
        if existing is not None and existing.rolsuper:
            raise ValidationError(
                f"« {role} » est superutilisateur : choisissez un autre nom de rôle.", "role"
            )
        if existing is None:
            if password is None:
                password, generated = secrets.token_urlsafe(24), True
            # NOINHERIT: rights granted later through membership of another role do not apply.
            conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN NOINHERIT')
        else:
            conn.exec_driver_sql(f'ALTER ROLE "{role}" LOGIN NOINHERIT')
        # exec_driver_sql throughout: no ":name" in a literal may be read as a bind parameter.
        if password is not None:
            verifier = _verifier(conn, role, password)
            conn.exec_driver_sql(f"ALTER ROLE \"{role}\" PASSWORD '{verifier}'")
        for name, value in ROLE_SETTINGS.items():
            conn.exec_driver_sql(
                f'ALTER ROLE "{role}" IN DATABASE "{database}" SET {name} = \'{value}\''
            )
        _grant(conn, role, database, owner)
    lines = [
        f"Rôle PostgreSQL « {role} » prêt sur la base « {database} » : connexion, lecture et "
        "écriture des tables, journal d'audit en ajout seul (audit_events : SELECT, INSERT), "
        "alembic_version en lecture seule, séquences ; propriétaire de rien, aucun droit de "
        "création (CREATE sur le schéma public et TEMPORARY retirés à PUBLIC).",
        "Relancez cette commande après chaque « advisor-desk db upgrade » : elle est idempotente.",
    ]
    url = engine.url.set(username=role, password="MOT_DE_PASSE" if not generated else password)
    if generated:
        lines.append(f"Mot de passe généré (il ne sera plus affiché) : {password}")
    lines.append(
        f"URL pour « advisor-desk serve --db » : {url.render_as_string(hide_password=False)}"
    )
    return "\n".join(lines)


def _verifier(conn: Connection, role: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier, computed here: the password itself never reaches the server's logs."""
    driver: Any = conn.connection.driver_connection
    verifier = driver.pgconn.encrypt_password(
        password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256"
    )
    return str(verifier.decode("ascii")).replace("'", "''")


def _grant(conn: Connection, role: str, database: str, owner: str) -> None:
    tables = {
        name
        for (name,) in conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        )
    }
    statements = [
        # Without these, any role may create objects in public (before PostgreSQL 15) or temp
        # tables: the server must not be able to, and nothing of this application needs it.
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f'REVOKE TEMPORARY ON DATABASE "{database}" FROM PUBLIC',
        # Start from nothing, so that a second run also removes rights granted by hand.
        f'REVOKE ALL ON DATABASE "{database}" FROM "{role}"',
        f'REVOKE ALL ON SCHEMA public FROM "{role}"',
        f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{role}"',
        f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "{role}"',
        f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"',
        f'GRANT USAGE ON SCHEMA public TO "{role}"',
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"',
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}"',
    ]
    for table in APPEND_ONLY_TABLES:
        if table in tables:
            statements.append(f'REVOKE UPDATE, DELETE ON TABLE "{table}" FROM "{role}"')
    for table in READ_ONLY_TABLES:
        if table in tables:
            statements.append(f'REVOKE INSERT, UPDATE, DELETE ON TABLE "{table}" FROM "{role}"')
    # Tables a later migration creates are usable at once (re-running this command then
    # applies the audit and alembic exceptions to them too).
    statements += [
        f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA public '
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{role}"',
        f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA public '
        f'GRANT USAGE, SELECT ON SEQUENCES TO "{role}"',
    ]
    for statement in statements:
        conn.exec_driver_sql(statement)
