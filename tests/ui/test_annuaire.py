"""Annuaire santé: a counter advisor finds secteur 1 specialists, or emergency departments, near the office."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import Professional
from advisor_desk.backend.professionals_dto import EstablishmentRow, ProfessionalRow
from advisor_desk.domain.enums import EstablishmentKind, EstablishmentStatus, Role, Sector
from advisor_desk.models.directory import DirectoryModel, EstablishmentModel, hours_text
from advisor_desk.ui.main_window import MainWindow
from advisor_desk.ui.screens import SCREENS, shortcut_of
from advisor_desk.ui.screens.annuaire import AnnuaireScreen
from tests.ui.helpers import activate, sign_in

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from backend.test_professionals import PEOPLE, PLACES
from backend.test_professionals import establishments as establishments
from backend.test_professionals import professionals as professionals

from ui.test_mnemonics import clashes

ALT = Qt.KeyboardModifier.AltModifier

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


def _place(i: int, km: float | None, emergency: bool = False) -> EstablishmentRow:
    return EstablishmentRow(
        i,
        f"69000000{i}",
        f"Établissement {i}",
        EstablishmentKind.CHU if emergency else EstablishmentKind.PHARMACY,
        EstablishmentStatus.PUBLIC if emergency else EstablishmentStatus.PRIVATE_FOR_PROFIT,
        "1 rue",
        "69003",
        "Lyon",
        "04 72 00 00 00",
        emergency,
        "24/7" if emergency else "",
        km,
    )


def test_establishment_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = EstablishmentModel()
    model.set_rows([_place(1, 0.36, emergency=True), _place(2, None)])
    qtmodeltester.check(model)
    assert model.columnCount() == 7
    assert [model.data(model.index(0, c)) for c in range(7)] == [
        "Établissement 1",
        "University hospital",
        "24/7",
        "Public",
        "1 rue, 69003 Lyon",
        "04 72 00 00 00",
        "0,4\u00a0km",
    ]
    assert model.data(model.index(1, 1)) == "Pharmacy"
    assert model.data(model.index(1, 2)) == "—"
    assert model.data(model.index(1, 3)) == "Private for-profit"
    assert model.data(model.index(1, 6)) == "—"


def test_hours_are_read_out_by_groups_of_days() -> None:
    assert hours_text("Mo-Fr 08:30-12:00,14:00-19:00; Sa 09:00-12:00") == (
        "Mon.–Fri. 8:30–12:00, 14:00–19:00; Sat. 9:00–12:00"
    )
    assert (
        hours_text("Mo-Tu 08:00-12:00; Th 08:00-12:00") == "Mon.–Tue. 8:00–12:00; Thu. 8:00–12:00"
    )
    assert hours_text("24/7") == "Open 24/7"
    assert hours_text("") == "Hours not published"
    assert hours_text("lundi matin") == "lundi matin"  # unreadable: shown as stored


def _switch_to_establishments(qtbot, screen: AnnuaireScreen) -> None:  # type: ignore[no-untyped-def]
    """Alt+B (« Éta&blissements de soins »), as an advisor would."""
    qtbot.keyClick(screen.search, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(screen.show_establishments.isChecked, timeout=2_000)  # an animated click


def test_counter_finds_the_emergency_departments_near_the_office_by_keyboard(  # type: ignore[no-untyped-def]
    qtbot, start_app, window, establishments: int
) -> None:
    screen = _open(qtbot, start_app, window, Role.COUNTER)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 7, timeout=10_000)
    assert screen.show_professionals.text() == "Pr&ofessionnels de santé"
    assert screen.show_establishments.text() == "Éta&blissements de soins"
    assert screen.details.text() == "Sélectionnez une ligne pour voir ses horaires."
    _switch_to_establishments(qtbot, screen)
    # The establishments' filters replace the professionals'; the place stays the office.
    assert screen.kind.isVisible() and screen.emergency.isVisible()
    assert not screen.specialty.isVisible() and not screen.table.isVisible()
    assert screen.around.currentData() == establishments
    table = screen.establishment_table
    model = screen.establishment_model
    qtbot.waitUntil(lambda: model.rowCount() == len(PLACES), timeout=10_000)
    assert table.isVisible() and screen.count.text() == "8 établissement(s)"
    assert model.rows[0].name == "Pharmacie de la Mairie"  # 0.1 km from the office
    distances = [r.distance_km for r in model.rows]
    assert None not in distances and distances == sorted(distances)  # type: ignore[type-var]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Nom",
        "Type",
        "Urgences",
        "Statut",
        "Adresse",
        "Téléphone",
        "Distance",
    ]
    assert model.data(model.index(0, 1)) == "Pharmacie"
    assert model.data(model.index(0, 3)) == "Privé commercial"
    # Alt+G: the emergency departments only, nearest first.
    qtbot.keyClick(screen.search, Qt.Key.Key_G, ALT)
    qtbot.waitUntil(screen.emergency.isChecked, timeout=2_000)
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=10_000)
    assert [r.city for r in model.rows] == ["Lyon", "Givors", "La Tronche", "Ajaccio"]
    assert {model.data(model.index(i, 2)) for i in range(4)} == {"24h/24"}
    # The type, typed in its list: no hospital is a clinic.
    screen.kind.setFocus()
    qtbot.keyClicks(screen.kind, "Cl")
    assert screen.kind.currentText() == "Clinique"
    qtbot.waitUntil(lambda: screen.establishment_panel.shown_state == "empty", timeout=10_000)
    assert screen.establishment_panel.message == (
        "Aucun service d'urgences ne correspond à ces critères."
    )
    assert screen.count.text() == "0 établissement(s)"
    screen.kind.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=10_000)
    # Words narrow; Down goes to the results, and the row's hours show below.
    screen.search.setFocus()
    qtbot.keyClicks(screen.search, "givors")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [r.city for r in model.rows] == ["Givors"], timeout=10_000)
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    assert table.hasFocus() and table.selectionModel().selectedRows()[0].row() == 0
    assert screen.details.text() == (
        "Centre hospitalier de Givors — horaires d'ouverture : Ouvert 24h/24, 7j/7"
        " — urgences ouvertes 24h/24 — téléphone 04 72 00 00 00"
    )
    assert clashes(window, "annuaire › établissements") == []


def test_the_mouse_goes_back_to_the_professionals_and_their_hours(  # type: ignore[no-untyped-def]
    qtbot, start_app, window, engine, establishments: int
) -> None:
    with session_scope(engine) as s:
        s.execute(
            update(Professional)
            .where(Professional.last_name == "Durand")
            .values(hours="Mo-Fr 08:30-12:00,14:00-19:00; Sa 09:00-12:00")
        )
    screen = _open(qtbot, start_app, window, Role.BACKOFFICE)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 7, timeout=10_000)
    qtbot.mouseClick(screen.show_establishments, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.establishment_model.rowCount() == 8, timeout=10_000)
    # A postcode nobody practises at is explained by the field.
    screen.postcode.setFocus()
    qtbot.keyClicks(screen.postcode, "99999")
    qtbot.waitUntil(
        lambda: (
            screen.notice.text()
            == ("Aucun établissement ni professionnel de santé au code postal 99999 : vérifiez-le.")
        ),
        timeout=10_000,
    )
    assert screen.establishment_model.rowCount() == 0
    screen.postcode.clear()
    qtbot.waitUntil(lambda: screen.establishment_model.rowCount() == 8, timeout=10_000)
    assert not screen.notice.text()
    # Back to the professionals with the mouse: their list, their filters, their hours.
    qtbot.mouseClick(screen.show_professionals, Qt.MouseButton.LeftButton)
    assert screen.specialty.isVisible() and not screen.kind.isVisible()
    qtbot.waitUntil(
        lambda: screen.model.rowCount() == 7 and bool(screen.count.text()), timeout=10_000
    )
    assert screen.count.text() == "7 professionnel(s)"
    assert screen.details.text() == "Sélectionnez une ligne pour voir ses horaires."
    durand = next(i for i, r in enumerate(_rows(screen)) if r.name == "DURAND Jean")
    rect = screen.table.visualRect(screen.model.index(durand, 0))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.details.text() == (
        "DURAND Jean — horaires de consultation : "
        "Lun.–ven. 8:30–12:00, 14:00–19:00 ; sam. 9:00–12:00"
    )
    # The keyboard moves on: a neighbour who does not publish theirs.
    below = durand + 1 if durand + 1 < 7 else durand - 1
    qtbot.keyClick(screen.table, Qt.Key.Key_Down if below > durand else Qt.Key.Key_Up)
    assert screen.details.text() == (
        f"{_rows(screen)[below].name} — horaires de consultation : Horaires non communiqués"
    )


def test_the_member_files_link_lists_professionals_even_after_establishments(  # type: ignore[no-untyped-def]
    qtbot, start_app, window, engine, establishments: int
) -> None:
    from tests.models.member_samples import add_samples

    member_id = add_samples(engine).ids["jean"]  # lives in 69003
    screen = _open(qtbot, start_app, window, Role.COUNTER)
    qtbot.mouseClick(screen.show_establishments, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.establishment_model.rowCount() == len(PLACES), timeout=10_000)
    accueil = window.workspace.show_screen("accueil")
    accueil.open_member(member_id)
    identity = accueil.file.identity
    qtbot.waitUntil(identity.directory_button.isVisible, timeout=10_000)
    qtbot.mouseClick(identity.directory_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace.current_key() == "annuaire", timeout=10_000)
    assert window.workspace.built_screen("annuaire") is screen
    assert screen.show_professionals.isChecked() and screen.specialty.isVisible()
    assert screen.postcode.text() == "69003"
    qtbot.waitUntil(lambda: screen.model.rowCount() == len(PEOPLE) + 1, timeout=10_000)
    assert screen.table.isVisible() and not screen.establishment_table.isVisible()
    assert screen.count.text() == f"{len(PEOPLE) + 1} professionnel(s)"
    assert screen.specialty.hasFocus()


def test_the_filters_cross_the_wire(  # type: ignore[no-untyped-def]
    qtbot, window, ops, settings, backend, establishments: int
) -> None:
    """Through a server (`--server`): a sector and a type are sent as the enums they are."""
    from advisor_desk.backend.remote import RemoteBackend
    from advisor_desk.ui import bootstrap
    from advisor_desk.ui.startup import Startup
    from tests.backend.conftest import LiveServer

    server = LiveServer()
    server.start()
    server.use(backend)
    try:
        startup = Startup(window, ops, settings, lambda _c: bootstrap.open_remote(server.url, None))
        startup.start()
        qtbot.waitUntil(lambda: startup.backend is not None, timeout=10_000)
        assert isinstance(startup.backend, RemoteBackend)
        sign_in(qtbot, startup, window, Role.COUNTER)
        screen = window.workspace.show_screen("annuaire")
        assert isinstance(screen, AnnuaireScreen)
        qtbot.waitUntil(lambda: screen.model.rowCount() == 7, timeout=10_000)
        screen.sectors.setCurrentIndex(1)  # sector 1 only
        qtbot.waitUntil(lambda: screen.model.rowCount() == 5, timeout=10_000)
        assert {r.sector for r in _rows(screen)} == {Sector.SECTOR_1}
        screen.show_establishments.click()
        qtbot.waitUntil(lambda: screen.establishment_model.rowCount() == 8, timeout=10_000)
        screen.kind.setCurrentIndex(screen.kind.findText("CHU"))
        qtbot.waitUntil(lambda: screen.establishment_model.rowCount() == 2, timeout=10_000)
        assert {r.kind for r in screen.establishment_model.rows} == {EstablishmentKind.CHU}
        assert screen.establishment_panel.shown_state == "content"
    finally:
        server.stop()
