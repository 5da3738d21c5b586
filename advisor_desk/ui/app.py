"""`run_app(args)`: the desktop application, its smoke test, and its start-up marks."""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import shutil
import sys
import tempfile
from functools import partial
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from advisor_desk.domain.errors import BackendUnavailable

from . import bootstrap, i18n, logs, startup_mark
from .main_window import MainWindow
from .ops import OpControl, OpRunner
from .settings import APPLICATION, ORGANIZATION, Settings, set_demo_seed_pending
from .startup import Opener, Startup
from .theme import apply_theme

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_MS = 300_000
SMOKE_MEMBERS = 20
LOGOUT_WAIT_MS = 3000


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An exception escaping a slot: logged with its traceback, a short apology on screen."""
    path = logs.ensure_file_logging()
    log.error("Unexpected error", exc_info=(kind, exc, tb))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("app", "Advisor desk"),
            QCoreApplication.translate(
                "app",
                "Sorry, something unexpected went wrong. The details were written to the log "
                "file {path}. Please tell your support team.",
            ).format(path=path),
            QMessageBox.StandardButton.Close,
            app.activeWindow(),
        )
        box.open()


def _demo_hint(target: bootstrap.Target) -> str | None:
    if not target.embedded_default:
        return None
    password, logins = bootstrap.demo_accounts()
    return QCoreApplication.translate(
        "app", "Demo database — logins: {logins}; password: {password}"
    ).format(logins=", ".join(logins), password=password)


def _demo_credentials(login: str | None) -> tuple[str, str] | None:
    if not login:
        return None
    return login, bootstrap.demo_accounts()[0]


def _opener(
    target: bootstrap.Target,
    *,
    demo_login: bool,
    seed_demo: bool,
    resume_seed: bool,
    members: int,
) -> Opener:
    def open_backend(control: OpControl) -> bootstrap.UnboundBackend:
        if target.server_url:
            if demo_login:
                raise BackendUnavailable(
                    QCoreApplication.translate(
                        "app", "--demo-login only works on the embedded demo database."
                    )
                )
            return bootstrap.open_remote(target.server_url, target.ca_bundle)
        backend = bootstrap.open_database(
            target.database_url,
            control,
            seed_demo=seed_demo,
            resume_seed=resume_seed,
            on_seed_state=set_demo_seed_pending if seed_demo else None,
            members=members,
        )
        if demo_login and not getattr(backend, "embedded", False):
            raise BackendUnavailable(
                QCoreApplication.translate(
                    "app", "--demo-login only works on the embedded demo database."
                )
            )
        return backend

    return open_backend


def _prepare_smoke() -> str:
    """An offscreen run on a temporary database, data dir and settings: touches nothing else."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = tempfile.mkdtemp(prefix="advisor-desk-smoke-")
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    os.environ["ADVISOR_DESK_DATA_DIR"] = tmp
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
    return f"sqlite:///{tmp}/smoke.db"


def run_app(args: argparse.Namespace) -> int:
    smoke_url = _prepare_smoke() if args.smoke else None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    logs.ensure_file_logging()
    logs.route_qt_messages()
    sys.excepthook = _excepthook
    translators = i18n.install_translators(app)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Advisor desk"))
    settings = Settings(parent=app)
    apply_theme(app, settings.theme)

    if smoke_url is not None:
        # The temporary database is the embedded demo one: created, migrated, seeded.
        target = bootstrap.Target(database_url=smoke_url)
        password, logins = bootstrap.demo_accounts()
        demo_login: tuple[str, str] | None = (logins[0], password)
    else:
        target = bootstrap.resolve_target(
            args.db, args.server, args.ca_bundle, settings.database_url, settings.server_url
        )
        demo_login = _demo_credentials(args.demo_login)

    ops = OpRunner(app)
    window = MainWindow(ops, settings)
    opener = _opener(
        target,
        demo_login=demo_login is not None,
        # First start of the embedded database (or the smoke test's): create the demo data.
        seed_demo=smoke_url is not None or target.embedded_default,
        resume_seed=target.embedded_default and settings.demo_seed_pending,
        members=SMOKE_MEMBERS if smoke_url else bootstrap.DEMO_MEMBERS,
    )
    startup = Startup(
        window,
        ops,
        settings,
        opener,
        demo_login=demo_login,
        demo_hint=_demo_hint(target),
        parent=app,
    )
    if smoke_url is not None:
        _watch_smoke(startup, window)
    elif startup_mark.enabled():
        startup_mark.StartupMarks(window, wait_for_session=demo_login is not None)
    elif demo_login is not None:
        startup.failed.connect(partial(print, file=sys.stderr))
    startup.start()
    code = app.exec()
    ops.wait(LOGOUT_WAIT_MS)
    ops.shutdown()
    del translators
    return code


def _watch_smoke(startup: Startup, window: MainWindow) -> None:
    def ready() -> None:
        from .paint_probe import on_first_paint

        assert window.workspace is not None
        on_first_paint(window.workspace, lambda: QCoreApplication.exit(0))

    def failed(message: str) -> None:
        print(f"advisor-desk --smoke : {message}", file=sys.stderr)
        QCoreApplication.exit(1)

    startup.session_opened.connect(ready)
    startup.failed.connect(failed)
    QTimer.singleShot(
        SMOKE_TIMEOUT_MS, lambda: failed(QCoreApplication.translate("app", "timed out"))
    )
