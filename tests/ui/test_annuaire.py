"""Annuaire santé: a counter advisor finds secteur 1 specialists near the office, by keyboard."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from advisor_desk.backend.professionals_dto import ProfessionalRow
from advisor_desk.domain.enums import Role, Sector
from advisor_desk.models.directory import DirectoryModel
from advisor_desk.ui.main_window import MainWindow
from advisor_desk.ui.screens import SCREENS, shortcut_of
from advisor_desk.ui.screens.annuaire import AnnuaireScreen
from tests.ui.helpers import activate, sign_in

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from backend.test_professionals import PEOPLE
from backend.test_professionals import professionals as professionals

CTRL = Qt.KeyboardModifier.ControlModifier


def _row(i: int, fee: int, km: float | None, sector: Sector = Sector.SECTOR_1) -> ProfessionalRow:
    return ProfessionalRow(
        i, f"1000{i}", f"NOM{i} Jean", "Cardiologie", sector, fee, "1 rue", "69003", "Lyon", km
    )


def test_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = DirectoryModel()
    model.set_rows([_row(1, 3000, 1.24), _row(2, 0, None, Sector.OPTAM)])
    qtmodeltester.check(model)
    assert model.columnCount() == 7
    assert model.data(model.index(0, 2)) == "Sector 1"
    assert model.data(model.index(1, 2)) == "OPTAM"
    assert model.data(model.index(0, 3)) == "30,00\u00a0€"
    assert model.data(model.index(1, 3)) == "—"
    assert model.data(model.index(0, 5)) == "69003 Lyon"
    assert model.data(model.index(0, 6)) == "1,2\u00a0km"
    assert model.data(model.index(1, 6)) == "—"


def _open(qtbot, start_app, window: MainWindow, role: Role) -> AnnuaireScreen:  # type: ignore[no-untyped-def]
    """Sign in and go to the directory with its shortcut, as an advisor would."""
    startup = start_app()
    sign_in(qtbot, startup, window, role)
    window.resize(1300, 800)
    activate(qtbot, window)
    spec = next(s for s in SCREENS if s.key == "annuaire")
    assert shortcut_of(spec) == "Ctrl+4"  # after the appointments
    key = getattr(Qt.Key, f"Key_{shortcut_of(spec)[-1]}")
    qtbot.keyClick(QApplication.focusWidget() or window, key, CTRL)
    qtbot.waitUntil(lambda: window.workspace.current_key() == "annuaire", timeout=10_000)
    screen = window.workspace.built_screen("annuaire")
    assert isinstance(screen, AnnuaireScreen)
    return screen


def _rows(screen: AnnuaireScreen) -> list[ProfessionalRow]:
    return screen.model.rows


def test_counter_finds_sector_1_cardiologists_nearest_first(  # type: ignore[no-untyped-def]
    qtbot, start_app, window, professionals: int
) -> None:
    screen = _open(qtbot, start_app, window, Role.COUNTER)
    # Around the advisor's own office by default, everybody.
    qtbot.waitUntil(lambda: screen.model.rowCount() == 7, timeout=10_000)
    assert screen.around.currentData() == professionals
    assert screen.count.text() == "7 professionnel(s)"
    screen.specialty.setFocus()
    qtbot.keyClicks(screen.specialty, "Card")
    assert screen.specialty.currentText() == "Cardiologie"
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5, timeout=10_000)
    screen.sectors.setFocus()
    qtbot.keyClicks(screen.sectors, "Sans")
    assert screen.sectors.currentText() == "Sans dépassement (secteur 1)"
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=10_000)
    rows = _rows(screen)
    assert {r.specialty for r in rows} == {"Cardiologie"}
    assert {screen.model.data(screen.model.index(i, 2)) for i in range(3)} == {"Secteur 1"}
    distances = [r.distance_km for r in rows]
    assert None not in distances and distances == sorted(distances)  # type: ignore[type-var]
    assert [r.name for r in rows] == ["AUBERT Jean", "COLIN Jean", "ZOLA Jean"]
    assert screen.model.headerData(0, Qt.Orientation.Horizontal) == "Nom"
    # Words narrow (Enter searches at once), and Down goes to the results.
    screen.search.setFocus()
    qtbot.keyClicks(screen.search, "villeur")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [r.name for r in _rows(screen)] == ["COLIN Jean"], timeout=10_000)
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    assert screen.table.hasFocus()
    assert screen.table.selectionModel().selectedRows()[0].row() == 0


def test_a_wrong_postcode_is_explained(  # type: ignore[no-untyped-def]
    qtbot, start_app, window, professionals: int
) -> None:
    screen = _open(qtbot, start_app, window, Role.BACKOFFICE)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 7, timeout=10_000)
    screen.postcode.setFocus()
    qtbot.keyClicks(screen.postcode, "380")
    qtbot.keyClick(screen.postcode, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: screen.notice.text() == "Le code postal doit comporter 5 chiffres.", timeout=10_000
    )
    assert screen.model.rowCount() == 0
    qtbot.keyClicks(screen.postcode, "99")
    qtbot.waitUntil(
        lambda: (
            screen.notice.text()
            == "Aucun professionnel n'exerce au code postal 38099 : vérifiez-le."
        ),
        timeout=10_000,
    )
    # A good one measures from there: Grenoble first.
    qtbot.keyClick(screen.postcode, Qt.Key.Key_Backspace)
    qtbot.keyClick(screen.postcode, Qt.Key.Key_Backspace)
    qtbot.keyClicks(screen.postcode, "00")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 7, timeout=10_000)
    assert _rows(screen)[0].name == "BERNARD Jean" and not screen.notice.text()
    assert screen.count.text() == "7 professionnel(s)"


def test_the_admin_has_no_directory(qtbot, start_app, window) -> None:  # type: ignore[no-untyped-def]
    startup = start_app()
    sign_in(qtbot, startup, window, Role.ADMIN)
    keys = window.workspace.nav.keys()
    assert "administration" in keys and "annuaire" not in keys


def test_from_the_member_file_the_directory_searches_around_the_member(  # type: ignore[no-untyped-def]
    qtbot, start_app, window, engine, professionals: int
) -> None:
    from tests.models.member_samples import add_samples

    member_id = add_samples(engine).ids["jean"]  # lives in 69003
    sign_in(qtbot, start_app(), window, Role.COUNTER)
    window.resize(1300, 800)
    activate(qtbot, window)
    accueil = window.workspace.show_screen("accueil")
    accueil.open_member(member_id)
    identity = accueil.file.identity
    qtbot.waitUntil(identity.directory_button.isVisible, timeout=10_000)
    assert identity.directory_button.text() == "Professionnels de santé à &proximité…"
    qtbot.mouseClick(identity.directory_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace.current_key() == "annuaire", timeout=10_000)
    screen = window.workspace.built_screen("annuaire")
    assert isinstance(screen, AnnuaireScreen)
    assert screen.postcode.text() == "69003"
    everyone = len(PEOPLE) + 1  # and the samples' own doctor, in 69003 too
    qtbot.waitUntil(lambda: screen.model.rowCount() == everyone, timeout=10_000)
    assert screen.notice.text() == ""
    distances = [r.distance_km for r in _rows(screen)]
    assert None not in distances and distances == sorted(distances)  # type: ignore[type-var]
    assert distances[0] < 2 < distances[-1]  # from Lyon 3e: Saint-Étienne is far
    assert screen.specialty.hasFocus()  # what the advisor chooses next
