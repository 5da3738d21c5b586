"""The Accueil screen: search as you type, messages, stale results, the file, 'Member done'."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import Engine, select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import Backend, BoundBackend
from advisor_desk.backend.members_dto import SearchResult
from advisor_desk.backend.orm import AuditEvent
from advisor_desk.domain.enums import AuditOutcome, Role
from advisor_desk.domain.iban import format_iban
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.member.dependent_dialog import DependentDialog
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.screens.accueil import AccueilScreen
from advisor_desk.ui.settings import Settings
from tests.conftest import ROLE_LOGINS, TEST_PASSWORD
from tests.models.member_samples import IBAN, Samples, add_samples


@pytest.fixture
def samples(engine: Engine) -> Samples:
    return add_samples(engine)


def _context(backend: Backend, role: Role, ops: OpRunner, settings: Settings) -> AppContext:
    bound = backend.login(ROLE_LOGINS[role], TEST_PASSWORD)
    return AppContext(bound, ops, settings, database="test")


@pytest.fixture
def make_screen(
    qtbot: Any, french: QApplication, backend: Backend, ops: OpRunner, settings: Settings
) -> Iterator[Any]:
    def make(role: Role = Role.COUNTER, bound: BoundBackend | None = None) -> AccueilScreen:
        app = _context(backend, role, ops, settings)
        if bound is not None:
            app.backend = bound
        screen = AccueilScreen(app)
        qtbot.addWidget(screen)
        screen.resize(1200, 800)
        screen.show()
        return screen

    yield make


def _type(qtbot: Any, screen: AccueilScreen, text: str) -> None:
    screen.search.edit.clear()
    qtbot.keyClicks(screen.search.edit, text)


def _wait_results(qtbot: Any, screen: AccueilScreen, text: str) -> None:
    qtbot.waitUntil(lambda: screen._shown_text == text, timeout=10_000)


def _actions(engine: Engine) -> list[tuple[str, AuditOutcome]]:
    with session_scope(engine) as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.id))
        return [(e.action, e.outcome) for e in events if e.action.startswith("members.")]


def test_search_as_you_type_and_open_with_enter(
    qtbot: Any, make_screen: Any, samples: Samples, engine: Engine
) -> None:
    screen = make_screen()
    _type(qtbot, screen, "lefevre")
    _wait_results(qtbot, screen, "lefevre")
    rows = screen.model.rows
    assert [r.first_names for r in rows] == ["Anne Marie", "Emma", "Lucas"]
    assert screen.table.current_row() == 0
    assert screen.summary.text() == "3 résultats."
    note = screen.model.index(1, 6).data()
    assert note == "Ayant droit de Lefèvre Anne Marie"
    qtbot.keyClick(screen.search.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.file.identity_info is not None, timeout=10_000)
    assert screen.pages.currentWidget() is screen.file
    assert screen.file.header.name.text() == "LEFÈVRE Anne Marie"
    assert "Franchises dues : 8,00" in " ".join(screen.file.header.alert_texts)
    assert _actions(engine) == [
        ("members.search", AuditOutcome.OK),
        ("members.identity", AuditOutcome.OK),
    ]


def test_enter_before_the_results_opens_the_best_match(
    qtbot: Any, make_screen: Any, samples: Samples
) -> None:
    screen = make_screen()
    qtbot.keyClicks(screen.search.edit, "dupont jean")
    qtbot.keyClick(screen.search.edit, Qt.Key.Key_Return)  # before the 150 ms pause
    qtbot.waitUntil(lambda: screen.file.identity_info is not None, timeout=10_000)
    assert screen.file.member_id == samples.ids["jean"]
    texts = " ".join(screen.file.header.alert_texts)
    assert "Carte Vitale déclarée perdue" in texts and "Droits fermés" in texts


def test_invalid_nir_says_what_is_wrong(qtbot: Any, make_screen: Any, samples: Samples) -> None:
    screen = make_screen()
    _type(qtbot, screen, "1 84 03 75 112 123 46")
    qtbot.waitUntil(lambda: screen.search.message.is_error, timeout=10_000)
    assert screen.search.message.text() == "La clé du NIR est 46, la clé calculée est 74."
    assert screen.search.edit.property("invalid") is True
    assert screen.model.rowCount() == 0
    _type(qtbot, screen, samples.nirs["anne"])
    _wait_results(qtbot, screen, samples.nirs["anne"])
    assert not screen.search.message.is_error
    assert [r.member_id for r in screen.model.rows] == [samples.ids["anne"]]


def test_no_result_and_close_names(qtbot: Any, make_screen: Any, samples: Samples) -> None:
    screen = make_screen()
    _type(qtbot, screen, "zzyzx")
    _wait_results(qtbot, screen, "zzyzx")
    assert screen.results_state.message == "Aucun assuré ni ayant droit trouvé pour « zzyzx »."
    _type(qtbot, screen, "lefebvre")
    _wait_results(qtbot, screen, "lefebvre")
    assert screen.summary.text().startswith("Aucune correspondance exacte : noms proches.")
    assert screen.model.index(0, 6).data().endswith("Nom proche")


class _SlowMembers:
    """The members service, with searches for 'lef' held until released."""

    def __init__(self, inner: Any, release: threading.Event) -> None:
        self._inner = inner
        self._release = release

    def search(self, query: str, limit: int = 50) -> SearchResult:
        if query == "lef":
            self._release.wait(10)
        result: SearchResult = self._inner.search(query, limit)
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _SlowBackend:
    def __init__(self, inner: BoundBackend, release: threading.Event) -> None:
        self._inner = inner
        self.members = _SlowMembers(inner.members, release)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def test_stale_results_are_dropped(
    qtbot: Any, make_screen: Any, backend: Backend, samples: Samples
) -> None:
    release = threading.Event()
    bound = backend.login(ROLE_LOGINS[Role.COUNTER], TEST_PASSWORD)
    screen = make_screen(bound=_SlowBackend(bound, release))
    shown: list[str | None] = []
    screen.model.modelReset.connect(lambda: shown.append(screen._shown_text))
    _type(qtbot, screen, "lef")
    qtbot.waitUntil(lambda: screen.searching, timeout=5000)  # 'lef' is held in the backend
    qtbot.keyClicks(screen.search.edit, "evre lucas")
    _wait_results(qtbot, screen, "lefevre lucas")
    release.set()
    qtbot.wait(300)
    assert screen._shown_text == "lefevre lucas"
    assert [r.first_names for r in screen.model.rows] == ["Lucas"]
    assert "lef" not in shown


def test_member_done_leaves_nothing(qtbot: Any, make_screen: Any, samples: Samples) -> None:
    screen = make_screen()
    screen.open_member(samples.ids["anne"])
    file = screen.file
    qtbot.waitUntil(lambda: file.identity_info is not None, timeout=10_000)
    for index in range(1, 4):
        file.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: file.declarations.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: file.leaves.leaves_model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: file.alds.model.rowCount() == 3, timeout=10_000)
    screen.member_done()
    assert screen.pages.currentWidget() is screen.search_page
    assert file.member_id is None and file.identity_info is None
    assert file.header.name.text() == "" and file.header.alert_texts == []
    assert all(not lbl.text() for lbl in file.identity.findChildren(QLabel) if lbl.buddy() is None
               and lbl in file.identity._values)  # fmt: skip
    models = [
        screen.model,
        file.identity.dependents_model,
        file.alds.model,
        file.leaves.leaves_model,
        file.leaves.payments_model,
        file.declarations.model,
    ]
    assert [m.rowCount() for m in models] == [0] * len(models)
    assert file.leaves.case_boxes == []
    assert screen.search.edit.text() == ""
    assert file.tabs.currentIndex() == 0


def test_dependent_line_opens_the_member_with_the_dependent_selected(
    qtbot: Any, make_screen: Any, samples: Samples
) -> None:
    screen = make_screen()
    _type(qtbot, screen, "lefevre lucas")
    _wait_results(qtbot, screen, "lefevre lucas")
    screen.open_row(0)
    qtbot.waitUntil(lambda: screen.file.identity_info is not None, timeout=10_000)
    assert screen.file.member_id == samples.ids["anne"]
    view = screen.file.identity.dependents
    assert view.current_row() == 0 or view.selectionModel().selectedRows()[0].row() == 0
    dialog = screen.file.open_dependent(screen.file.identity.dependents_model.row_at(0))
    assert isinstance(dialog, DependentDialog)
    assert dialog.windowTitle() == "Ayant droit : Lucas Lefèvre"
    screen.member_done()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_counter_cannot_reveal_the_iban(qtbot: Any, make_screen: Any, samples: Samples) -> None:
    screen = make_screen(Role.COUNTER)
    screen.open_member(samples.ids["anne"])
    qtbot.waitUntil(lambda: screen.file.identity_info is not None, timeout=10_000)
    identity = screen.file.identity
    assert identity.reveal_button.isVisible() and not identity.reveal_button.isEnabled()
    assert "•" in identity.iban.text()


def test_agent_reveals_the_iban(
    qtbot: Any, make_screen: Any, samples: Samples, engine: Engine
) -> None:
    screen = make_screen(Role.BACKOFFICE)
    screen.open_member(samples.ids["anne"])
    qtbot.waitUntil(lambda: screen.file.identity_info is not None, timeout=10_000)
    identity = screen.file.identity
    assert identity.reveal_button.isEnabled()
    qtbot.mouseClick(identity.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: identity.iban.text() == format_iban(IBAN), timeout=10_000)
    identity.mask_iban()
    assert "•" in identity.iban.text()
    assert ("members.reveal_iban", AuditOutcome.OK) in _actions(engine)
