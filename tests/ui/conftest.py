"""Qt fixtures for the UI tests: French translators, temporary settings and data dir, ops."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from advisor_desk.backend.facade import Backend
from advisor_desk.ui import i18n
from advisor_desk.ui.main_window import MainWindow
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.settings import APPLICATION, ORGANIZATION, Settings
from advisor_desk.ui.startup import Startup

# The offscreen platform cannot resize a window to its size hints, nor raise a popup menu or
# let it grab the keyboard: harmless, but it warns.
_OFFSCREEN_NOISE = "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "expect_errors: the test logs errors on purpose")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))


@pytest.fixture(scope="session", autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Logs, settings and theme files of the tests go to a temporary folder, never $HOME."""
    root = tmp_path_factory.mktemp("user")
    previous = os.environ.get("ADVISOR_DESK_DATA_DIR")
    os.environ["ADVISOR_DESK_DATA_DIR"] = str(root / "data")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(root / "cfg"))
    yield root
    if previous is None:
        os.environ.pop("ADVISOR_DESK_DATA_DIR", None)
    else:
        os.environ["ADVISOR_DESK_DATA_DIR"] = previous


@pytest.fixture
def french(qapp: QApplication) -> Iterator[QApplication]:
    """The application in French, as shipped (removed after the test: others may not want it)."""
    qapp.setOrganizationName(ORGANIZATION)
    qapp.setApplicationName(APPLICATION)
    locale = QLocale()
    translators = i18n.install_translators(qapp)
    yield qapp
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture(autouse=True)
def _no_unexpected_errors(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """An error logged by the app (a bug shown as an apology) fails the test."""
    caplog.set_level(logging.WARNING, logger="advisor_desk")
    yield
    if request.node.get_closest_marker("expect_errors"):
        return
    errors = [
        r
        for r in caplog.get_records("call")
        if r.levelno >= logging.ERROR and r.name.startswith("advisor_desk")
    ]
    assert not errors, [r.getMessage() for r in errors]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ops(qapp: QApplication) -> Iterator[OpRunner]:
    runner = OpRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def window(qtbot, french: QApplication, ops: OpRunner, settings: Settings) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(ops, settings)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def start_app(
    qtbot, window: MainWindow, ops: OpRunner, settings: Settings, backend: Backend
) -> Callable[..., Startup]:  # type: ignore[no-untyped-def]
    """Start the app as `run_app` does, on the test database; returns the Startup."""

    def start(**kwargs: object) -> Startup:
        startup = Startup(window, ops, settings, lambda _control: backend, **kwargs)  # type: ignore[arg-type]
        startup.start()
        qtbot.waitUntil(lambda: startup.backend is not None, timeout=10_000)
        return startup

    return start
