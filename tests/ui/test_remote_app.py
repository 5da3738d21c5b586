"""The whole app over a real server (`--server`): sign in, search, open a file; then the server
stops, the banner comes up, and once a server answers again the failed reads run again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine, select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import Backend
from advisor_desk.backend.orm import AuditEvent
from advisor_desk.backend.remote import RemoteBackend
from advisor_desk.domain.enums import Role
from advisor_desk.ui import bootstrap
from advisor_desk.ui.screens import ACCUEIL
from advisor_desk.ui.screens.accueil import AccueilScreen
from advisor_desk.ui.startup import Startup
from tests.backend.conftest import LiveServer
from tests.models.member_samples import Samples, add_samples
from tests.ui.helpers import activate, sign_in


@pytest.fixture
def samples(engine: Engine) -> Samples:
    return add_samples(engine)


@pytest.fixture
def servers(backend: Backend) -> Iterator[list[LiveServer]]:
    """A started server on the test database; the test may append the ones it starts."""
    first = LiveServer()
    first.start()
    first.use(backend)
    started = [first]
    yield started
    for server in started:
        server.stop()


def _audited(engine: Engine) -> list[str]:
    with session_scope(engine, readonly=True) as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def _search(qtbot, screen: AccueilScreen, text: str) -> None:  # type: ignore[no-untyped-def]
    screen.search.edit.clear()
    qtbot.keyClicks(screen.search.edit, text)


def test_the_app_over_a_server_that_stops_and_comes_back(
    qtbot, window, ops, settings, backend: Backend, engine: Engine, samples: Samples,
    servers: list[LiveServer],
) -> None:  # fmt: skip
    server = servers[0]
    startup = Startup(window, ops, settings, lambda _c: bootstrap.open_remote(server.url, None))
    startup.start()
    qtbot.waitUntil(lambda: startup.backend is not None, timeout=10_000)
    assert isinstance(startup.backend, RemoteBackend)
    sign_in(qtbot, startup, window, Role.COUNTER)
    activate(qtbot, window)
    window.monitor.set_retry_ms(100)
    screen = window.workspace.show_screen(ACCUEIL)
    assert isinstance(screen, AccueilScreen)

    # Search as you type, Enter opens the file: every read went through the server.
    _search(qtbot, screen, "lefevre")
    qtbot.waitUntil(lambda: screen._shown_text == "lefevre", timeout=10_000)
    assert [r.first_names for r in screen.model.rows] == ["Anne Marie", "Emma", "Lucas"]
    qtbot.keyClick(screen.search.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.file.identity_info is not None, timeout=10_000)
    assert screen.file.header.name.text() == "LEFÈVRE Anne Marie"
    members_reads = [a for a in _audited(engine) if a.startswith("members.")]
    assert members_reads[-2:] == ["members.search", "members.identity"]
    # The identity tab's ameli account group is read with it, through the server too.
    qtbot.waitUntil(lambda: _audited(engine)[-1] == "ameli.account", timeout=10_000)

    # The server stops while the advisor works on: the next person's search fails.
    server.stop()
    qtbot.mouseClick(screen.file.header.done_button, Qt.MouseButton.LeftButton)
    _search(qtbot, screen, "dupont jean")
    qtbot.waitUntil(window.banner.isVisible, timeout=15_000)
    assert window.status.connection.text() == "Connexion perdue"
    qtbot.waitUntil(lambda: screen.results_state.shown_state == "error", timeout=15_000)
    assert screen.model.rowCount() == 0

    # A server answers again on the same address (tokens live in the database: the session
    # goes on); the search that failed runs again by itself, and what was typed is still there.
    again = LiveServer(port=server.port)
    servers.append(again)
    again.start()
    again.use(backend)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=15_000)
    assert window.status.connection.text() == "Connecté"
    qtbot.waitUntil(lambda: screen._shown_text == "dupont jean", timeout=10_000)
    assert screen.search.text == "dupont jean"
    assert screen.model.rowCount() >= 1
    assert screen.model.row_at(0).member_id == samples.ids["jean"]


def test_a_file_that_failed_to_open_is_read_again_when_the_server_is_back(
    qtbot, window, ops, settings, backend: Backend, samples: Samples,
    servers: list[LiveServer],
) -> None:  # fmt: skip
    server = servers[0]
    startup = Startup(window, ops, settings, lambda _c: bootstrap.open_remote(server.url, None))
    startup.start()
    qtbot.waitUntil(lambda: startup.backend is not None, timeout=10_000)
    sign_in(qtbot, startup, window, Role.COUNTER)
    activate(qtbot, window)
    window.monitor.set_retry_ms(100)
    screen = window.workspace.show_screen(ACCUEIL)
    assert isinstance(screen, AccueilScreen)

    server.stop()
    screen.open_member(samples.ids["anne"])
    qtbot.waitUntil(lambda: screen.file.state.shown_state == "error", timeout=15_000)
    assert screen.file.identity_info is None

    again = LiveServer(port=server.port)
    servers.append(again)
    again.start()
    again.use(backend)
    qtbot.waitUntil(lambda: screen.file.identity_info is not None, timeout=15_000)
    assert screen.file.header.name.text() == "LEFÈVRE Anne Marie"
    assert screen.file.state.shown_state == "content"
