"""Autogenerate a new alembic revision by diffing the ORM against a scratch database at head."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from advisor_desk.backend.engine import make_engine
from advisor_desk.backend.migrate import alembic_config


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/new_migration.py 'message'")
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            command.revision(cfg, message=sys.argv[1], autogenerate=True)


if __name__ == "__main__":
    main()
