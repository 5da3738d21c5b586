"""Command line: the desktop app by default, plus `db upgrade|seed|roles` and `serve`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from advisor_desk.domain.errors import AdvisorDeskError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisor-desk",
        description="Poste de travail des conseillers, agents et superviseurs de la CPAM.",
    )
    parser.add_argument(
        "--db", help="URL de la base (sinon $ADVISOR_DESK_DB, sinon la base embarquée)"
    )
    parser.add_argument("--server", help="URL d'un serveur advisor-desk (déploiement partagé)")
    parser.add_argument("--ca-bundle", help="certificats d'autorité pour vérifier le serveur (TLS)")
    parser.add_argument(
        "--demo-login",
        metavar="LOGIN",
        help="ouvre directement la session de ce compte de démonstration (mot de passe de démo)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="démarre hors écran sur une base temporaire, ouvre la fenêtre principale et quitte (code 0)",
    )
    sub = parser.add_subparsers(dest="command")

    db = sub.add_parser("db", help="gestion de la base de données").add_subparsers(
        dest="db_command", required=True
    )
    up = db.add_parser("upgrade", help="crée ou met à jour le schéma")
    up.add_argument("--db", dest="db_sub")
    seed = db.add_parser("seed", help="remplit la base avec des données de démonstration")
    seed.add_argument("--db", dest="db_sub")
    seed.add_argument("--members", type=int, default=2000)
    seed.add_argument("--seed", type=int, default=1)
    seed.add_argument("--quiet", action="store_true", help="sans barre de progression")
    roles = db.add_parser("roles", help="crée le rôle PostgreSQL à moindres privilèges du serveur")
    roles.add_argument("--db", dest="db_sub")
    roles.add_argument("--role", default="advisor_desk_server")
    roles.add_argument("--password", default=None)

    serve = sub.add_parser("serve", help="sert le backend en HTTP(S) pour les postes clients")
    serve.add_argument("--db", dest="db_sub")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--certfile")
    serve.add_argument("--keyfile")
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument(
        "--access-log",
        action="store_true",
        help="une ligne par requête HTTP sur stderr (le journal d'audit trace déjà chaque appel)",
    )
    return parser


def _db_url(args: argparse.Namespace) -> str | None:
    url = getattr(args, "db_sub", None) or args.db
    return str(url) if url else None


def run_db(args: argparse.Namespace) -> int:
    from advisor_desk.backend import migrate
    from advisor_desk.backend.engine import describe, make_engine

    engine = make_engine(_db_url(args))
    if args.db_command in ("upgrade", "seed") and migrate.ensure_database(engine):
        print(f"Base créée : {describe(engine)}")
    if args.db_command == "upgrade":
        migrate.upgrade(engine)
        print(f"Schéma à jour ({migrate.head_revision()}) : {describe(engine)}")
        return 0
    if args.db_command == "seed":
        from advisor_desk.backend.seed import seed_database

        migrate.upgrade(engine)
        result = seed_database(
            engine, members=args.members, seed=args.seed, progress=not args.quiet
        )
        print(result)
        return 0
    if args.db_command == "roles":
        from advisor_desk.backend.pgroles import create_server_role

        print(create_server_role(engine, args.role, args.password))
        return 0
    raise AssertionError(args.db_command)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "db":
            return run_db(args)
        if args.command == "serve":
            from advisor_desk.backend.server import serve

            return int(
                serve(
                    _db_url(args),
                    host=args.host,
                    port=args.port,
                    certfile=args.certfile,
                    keyfile=args.keyfile,
                    workers=args.workers,
                    access_log=args.access_log,
                )
            )
        from advisor_desk.ui.app import run_app

        return int(run_app(args))
    except AdvisorDeskError as exc:
        print(f"advisor-desk : {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("advisor-desk : interrompu.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
