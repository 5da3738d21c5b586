"""The Bureaux et horaires screen, driven like a supervisor: offices, hours, closures, reasons,
opening ranges (an overlap refused), absences; an administrator reaches it too."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTimeEdit, QWidget

from advisor_desk.backend.appointments_dto import (
    OfficeInput,
    ReasonInput,
    ScheduleInput,
)
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.domain.enums import AppointmentChannel, Role
from advisor_desk.ui.offices.common import PARIS, select_source_row, to_qdate
from advisor_desk.ui.offices.schedule_dialog import ScheduleDialog
from advisor_desk.ui.screens.bureaux import BureauxScreen
from tests.ui.helpers import activate, sign_in

WAIT = 10_000


def _screen(qtbot, start_app, window, role: Role = Role.SUPERVISOR) -> BureauxScreen:
    startup = start_app()
    sign_in(qtbot, startup, window, role)
    activate(qtbot, window)  # focus checks need the active window
    screen = window.workspace.show_screen("bureaux")
    assert isinstance(screen, BureauxScreen)
    qtbot.waitUntil(lambda: screen.offices.model.rowCount() == 1, timeout=WAIT)  # T01
    return screen


def _click(qtbot, button: QWidget) -> None:
    assert button.isEnabled(), button.objectName() or getattr(button, "text", lambda: "")()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _answer(qtbot, confirm: bool) -> None:  # type: ignore[no-untyped-def]
    """Answer the deletion question that the last click opened."""
    qtbot.waitUntil(lambda: _question() is not None, timeout=WAIT)
    box = _question()
    assert box is not None
    keep = box.escapeButton()
    buttons = [b for b in box.buttons() if b is not keep]
    assert box.defaultButton() is keep  # Enter keeps the record
    qtbot.mouseClick(buttons[0] if confirm else keep, Qt.MouseButton.LeftButton)


def _question() -> QMessageBox | None:
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "confirmDeletion" and w.isVisible()
    ]
    return found[-1] if found else None


def _tab(qtbot, screen: BureauxScreen, index: int) -> None:
    bar = screen.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert screen.tabs.currentIndex() == index


def _tick(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    """Click a check box on its indicator (a wide box does not react to a click on blank)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _choose(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item with the arrow keys, as a person would (a space would open the list)."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def _schedule_dialog(qtbot, screen: BureauxScreen, button: QWidget | None = None) -> ScheduleDialog:
    """The dialog that a click on `button` (by default "Add a range…") opened."""
    _click(qtbot, button or screen.schedules.add_button)
    return _open_schedule_dialog()


def _open_schedule_dialog() -> ScheduleDialog:
    dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ScheduleDialog) and shiboken6.isValid(w) and w.isVisible()
    ]
    assert len(dialogs) == 1
    return dialogs[0]


def _backend(window) -> BoundBackend:  # type: ignore[no-untyped-def]
    return window.context.backend  # type: ignore[no-any-return]


def _today() -> date:
    return datetime.now(PARIS).date()


def test_set_up_an_office_from_scratch(qtbot, start_app, window) -> None:
    screen = _screen(qtbot, start_app, window)
    panel = screen.offices
    form = panel.form

    # A new office; a four-digit postcode first: the backend's message, the field marked.
    _click(qtbot, panel.new_button)
    assert form.code.hasFocus() and form.code.text() == ""
    qtbot.keyClicks(form.code, "v01")
    qtbot.keyClicks(form.name, "Accueil de Villeurbanne")
    qtbot.keyClicks(form.address, "12 rue Francis-de-Pressense")
    qtbot.keyClicks(form.postcode, "6910")
    qtbot.keyClicks(form.city, "Villeurbanne")
    qtbot.keyClicks(form.latitude, "45,7719")  # a French decimal comma is fine
    qtbot.keyClicks(form.longitude, "4.8902")
    qtbot.keyClicks(form.phone, "3646")
    _tick(qtbot, form.step_free)
    _tick(qtbot, form.counter)
    _click(qtbot, panel.save_button)
    qtbot.waitUntil(lambda: panel.message.is_error, timeout=WAIT)
    assert panel.message.text() == "Le code postal fait 5 chiffres."
    assert form.postcode.property("invalid") is True and form.postcode.hasFocus()
    qtbot.keyClicks(form.postcode, "69100")  # replaces the selected text
    _click(qtbot, panel.save_button)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: panel.selected_office() is not None, timeout=WAIT)
    created = panel.selected_office()
    assert created is not None and created.code == "V01" and created.pmr
    assert (created.latitude, created.postcode) == (45.7719, "69100")
    assert panel.message.text() == "Point d'accueil « Accueil de Villeurbanne » créé."
    assert form.postcode.property("invalid") is False

    # Weekly hours: an unreadable line is caught before the backend, then saved.
    days = panel.hours.days
    qtbot.keyClicks(days[1], "08:30-12:00, 13:30-16:30")
    qtbot.keyClicks(days[3], "8h30-12h")
    qtbot.keyClicks(days[5], "matin")
    _click(qtbot, panel.save_hours_button)
    assert panel.hours_message.is_error
    assert panel.hours_message.text().startswith("Samedi : saisissez les plages")
    assert days[5].hasFocus()
    days[5].clear()
    _click(qtbot, panel.save_hours_button)
    qtbot.waitUntil(lambda: not panel.hours_message.isHidden(), timeout=WAIT)
    assert panel.hours_message.text() == (
        "Horaires d'ouverture de « Accueil de Villeurbanne » enregistrés."
    )
    qtbot.waitUntil(lambda: days[3].text() == "08:30-12:00", timeout=WAIT)  # as saved
    saved = next(o for o in _backend(window).appointments.list_offices() if o.code == "V01")
    assert [(h.weekday, h.opens, h.closes) for h in saved.hours] == [
        (1, time(8, 30), time(12)),
        (1, time(13, 30), time(16, 30)),
        (3, time(8, 30), time(12)),
    ]

    # A local closure beside the public holidays, which cannot be removed.
    closures = panel.closures
    qtbot.waitUntil(lambda: closures.model.rowCount() > 0, timeout=WAIT)
    holidays = closures.model.rowCount()
    assert all(row.holiday for row in closures.model.rows)
    closures.view.selectRow(0)
    assert not closures.remove_button.isEnabled()
    day = _today() + timedelta(days=10)
    closures.day.setDate(to_qdate(day))
    qtbot.keyClicks(closures.reason, "Inventaire")
    _click(qtbot, closures.add_button)
    qtbot.waitUntil(lambda: closures.model.rowCount() == holidays + 1, timeout=WAIT)
    local = [row for row in closures.model.rows if not row.holiday]
    assert [(row.day, row.reason) for row in local] == [(day, "Inventaire")]
    assert closures.message.text() == f"Fermeture du {day:%d/%m/%Y} ajoutée."

    # A reason: code, label, a 30-minute duration, by phone.
    _tab(qtbot, screen, 1)
    reasons = screen.reasons
    qtbot.waitUntil(lambda: reasons.state.message != "Chargement…", timeout=WAIT)
    _click(qtbot, reasons.new_button)
    qtbot.keyClicks(reasons.code, "css")
    qtbot.keyClicks(reasons.label, "Aide CSS")
    qtbot.keyClick(reasons.duration, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(reasons.duration, "30")
    qtbot.keyClick(reasons.channel, Qt.Key.Key_Down)
    assert reasons.duration.value() == 30 and reasons.channel.currentText() == "Par téléphone"
    _click(qtbot, reasons.save_button)
    qtbot.waitUntil(lambda: reasons.model.rowCount() == 1, timeout=WAIT)
    reason = reasons.model.row_at(0)
    assert (reason.code, reason.label, reason.duration_min) == ("css", "Aide CSS", 30)
    assert reason.channel is AppointmentChannel.PHONE
    assert reasons.message.text() == "Motif « Aide CSS » créé."

    # An opening range: Test counter, every Tuesday at Villeurbanne, for that reason.
    _tab(qtbot, screen, 2)
    schedules = screen.schedules
    qtbot.waitUntil(lambda: schedules.office.count() == 3 and len(schedules.reasons) == 1)
    dialog = _schedule_dialog(qtbot, screen)
    _choose(qtbot, dialog.advisor, "Test counter")
    _choose(qtbot, dialog.office, "Accueil de Villeurbanne (V01)")
    qtbot.keyClick(dialog.weekday, Qt.Key.Key_Down)
    assert dialog.advisor.currentText() == "Test counter"
    assert dialog.office.currentText() == "Accueil de Villeurbanne (V01)"
    assert dialog.weekday.currentText() == "Mardi"
    _click(qtbot, dialog.accept_button)  # no reason checked yet
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=WAIT)
    assert dialog.message.text() == "Choisissez au moins un motif pour cette plage."
    _tick(qtbot, dialog.reason_boxes[reason.id])
    assert dialog.reason_boxes[reason.id].isChecked()
    _click(qtbot, dialog.accept_button)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: schedules.model.rowCount() == 1, timeout=WAIT)
    added = schedules.model.row_at(0)
    assert (added.advisor_name, added.weekday, added.reason_ids) == ("Test counter", 1, [reason.id])
    assert schedules.message.text() == "Plage d'ouverture de Test counter ajoutée."
    row = [schedules.model.data(schedules.model.index(0, c)) for c in range(6)]
    assert row[2] == "Chaque mardi" and row[4] == "09:00–12:00" and row[5] == "Aide CSS"

    # The same range again overlaps: the backend's message in the dialog, nothing lost.
    dialog = _schedule_dialog(qtbot, screen)
    _choose(qtbot, dialog.advisor, "Test counter")
    _choose(qtbot, dialog.office, "Accueil de Villeurbanne (V01)")
    qtbot.keyClick(dialog.weekday, Qt.Key.Key_Down)
    _tick(qtbot, dialog.reason_boxes[reason.id])
    _click(qtbot, dialog.accept_button)
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=WAIT)
    assert dialog.message.text().startswith(
        f"Cette plage chevauche la plage n° {added.id} de Test counter à "
        "« Accueil de Villeurbanne », le mardi de 09:00 à 12:00"
    )
    assert dialog.isVisible() and dialog.accept_button.isEnabled()
    assert dialog.advisor.currentText() == "Test counter"
    assert dialog.weekday.currentText() == "Mardi"
    assert dialog.checked_reasons() == [reason.id]
    assert len(_backend(window).appointments.list_schedules()) == 1
    dialog.reject()

    # An absence of Test counter.
    _tab(qtbot, screen, 3)
    absences = screen.absences
    qtbot.waitUntil(lambda: absences.advisor.count() >= 4, timeout=WAIT)
    _choose(qtbot, absences.advisor, "Test counter")
    assert absences.advisor.currentText() == "Test counter"
    qtbot.keyClicks(absences.reason, "Formation")
    qtbot.keyClick(absences.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: absences.model.rowCount() == 1, timeout=WAIT)
    absence = absences.model.row_at(0)
    tomorrow = _today() + timedelta(days=1)
    assert absence.reason == "Formation"
    assert absence.starts_at.astimezone(PARIS) == datetime.combine(tomorrow, time(8), PARIS)
    assert absence.ends_at.astimezone(PARIS) == datetime.combine(tomorrow, time(18), PARIS)
    assert absences.message.text() == "Absence de Test counter ajoutée."


def _seed(manager: BoundBackend) -> tuple[int, int]:
    """A closure, a reason, a range and an absence at the test office; (office, counter)."""
    svc = manager.appointments
    office = next(o for o in svc.list_offices() if o.code == "T01")
    counter = next(a.id for a in svc.list_advisors() if a.full_name == "Test counter")
    start = datetime.now(PARIS).date() + timedelta(days=20)
    svc.add_closure(office.id, start, "Travaux")
    reason = svc.save_reason(None, ReasonInput("droits", "Droits", 20, AppointmentChannel.OFFICE))
    svc.add_schedule(
        ScheduleInput(counter, office.id, 2, start, None, time(9), time(12), [reason.id])
    )
    at = datetime.combine(start, time(9), PARIS)
    svc.add_absence(counter, at, at + timedelta(hours=3), "Congé")
    return office.id, counter


def test_remove_a_closure_delete_a_range_and_an_absence(qtbot, start_app, window) -> None:
    screen = _screen(qtbot, start_app, window)
    _seed(_backend(window))
    screen.offices.reload()
    qtbot.waitUntil(lambda: screen.offices.model.rowCount() == 1, timeout=WAIT)

    panel = screen.offices
    panel.view.selectRow(0)
    closures = panel.closures
    qtbot.waitUntil(lambda: any(not r.holiday for r in closures.model.rows), timeout=WAIT)
    local = next(i for i, r in enumerate(closures.model.rows) if not r.holiday)
    closures.view.selectRow(local)  # sorted by date in the view as in the model
    assert closures.selected() is not None and closures.selected().reason == "Travaux"
    _click(qtbot, closures.remove_button)
    _answer(qtbot, confirm=False)  # kept: nothing was sent (the button stays usable)
    assert closures.remove_button.isEnabled()
    assert any(not r.holiday for r in closures.model.rows)
    _click(qtbot, closures.remove_button)
    _answer(qtbot, confirm=True)
    qtbot.waitUntil(lambda: all(r.holiday for r in closures.model.rows), timeout=WAIT)
    assert closures.message.text().startswith("Fermeture du ")
    assert closures.message.text().endswith(" retirée.")

    _tab(qtbot, screen, 2)
    schedules = screen.schedules
    schedules.reload()
    qtbot.waitUntil(lambda: schedules.model.rowCount() == 1, timeout=WAIT)
    assert not schedules.delete_button.isEnabled()
    schedules.view.selectRow(0)
    _click(qtbot, schedules.delete_button)
    _answer(qtbot, confirm=True)
    qtbot.waitUntil(lambda: schedules.model.rowCount() == 0, timeout=WAIT)
    assert schedules.message.text() == "Plage d'ouverture de Test counter supprimée."
    assert _backend(window).appointments.list_schedules() == []

    _tab(qtbot, screen, 3)
    absences = screen.absences
    qtbot.waitUntil(lambda: absences.advisor.count() >= 4, timeout=WAIT)
    _choose(qtbot, absences.advisor, "Test counter")
    qtbot.waitUntil(lambda: absences.model.rowCount() == 1, timeout=WAIT)
    absences.view.selectRow(0)
    _click(qtbot, absences.delete_button)
    _answer(qtbot, confirm=True)
    qtbot.waitUntil(lambda: absences.model.rowCount() == 0, timeout=WAIT)
    assert absences.message.text() == "Absence supprimée."


def _step_hours(qtbot, edit, steps: int) -> None:  # type: ignore[no-untyped-def]
    """Up or Down arrow on a time edit's hour section (the section it starts on)."""
    assert edit.currentSection() == QTimeEdit.Section.HourSection
    key = Qt.Key.Key_Up if steps > 0 else Qt.Key.Key_Down
    for _ in range(abs(steps)):
        qtbot.keyClick(edit, key)


def test_edit_a_range_an_overlap_keeps_what_was_typed(qtbot, start_app, window) -> None:
    screen = _screen(qtbot, start_app, window)
    backend = _backend(window)
    office, counter = _seed(backend)  # every Wednesday 09:00–12:00
    (morning,) = backend.appointments.list_schedules()
    afternoon = backend.appointments.add_schedule(
        ScheduleInput(
            counter, office, 2, morning.first_day, None, time(14), time(16), morning.reason_ids
        )
    )
    _tab(qtbot, screen, 2)
    schedules = screen.schedules
    schedules.reload()
    qtbot.waitUntil(lambda: schedules.model.rowCount() == 2, timeout=WAIT)
    assert not schedules.edit_button.isEnabled()
    select_source_row(schedules.view, schedules.model.rows.index(morning))
    assert schedules.selected_schedule() == morning

    dialog = _schedule_dialog(qtbot, screen, schedules.edit_button)
    assert dialog.windowTitle() == "Modifier la plage d'ouverture"
    assert dialog.accept_button.text() == "Enregistrer la plage"
    assert dialog.advisor.currentText() == "Test counter"
    assert dialog.office.currentText() == "Accueil de test (T01)"
    assert (
        dialog.kind.currentText() == "Chaque semaine" and dialog.weekday.currentText() == "Mercredi"
    )
    assert dialog.first_day.date() == to_qdate(morning.first_day) and dialog.no_end.isChecked()
    assert dialog.checked_reasons() == morning.reason_ids
    assert dialog.start_time.time().toString("HH:mm") == "09:00"
    assert dialog.end_time.time().toString("HH:mm") == "12:00"

    # 10:00–15:00 runs into the afternoon range: refused inside the dialog, nothing lost.
    _step_hours(qtbot, dialog.start_time, 1)
    _step_hours(qtbot, dialog.end_time, 3)
    assert dialog.start_time.time().toString("HH:mm") == "10:00"
    assert dialog.end_time.time().toString("HH:mm") == "15:00"
    _click(qtbot, dialog.accept_button)
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=WAIT)
    assert dialog.message.text().startswith(
        f"Cette plage chevauche la plage n° {afternoon.id} de Test counter à "
        "« Accueil de test », le mercredi de 14:00 à 16:00"
    )
    assert dialog.isVisible() and dialog.accept_button.isEnabled()
    # The focus is back on Save, not on Cancel, where Enter would close the dialog.
    assert dialog.accept_button.hasFocus() and dialog.accept_button.isDefault()
    assert dialog.start_time.time().toString("HH:mm") == "10:00"
    assert dialog.end_time.time().toString("HH:mm") == "15:00"
    assert dialog.checked_reasons() == morning.reason_ids
    assert backend.appointments.list_schedules() == [morning, afternoon]

    # 10:00–13:00 fits: saved, the dialog closes, the table shows the new hours.
    _step_hours(qtbot, dialog.end_time, -2)
    qtbot.keyClick(dialog.end_time, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(
        lambda: (
            "10:00–13:00" in [schedules.model.data(schedules.model.index(r, 4)) for r in range(2)]
        ),
        timeout=WAIT,
    )
    assert schedules.message.text() == "Plage d'ouverture de Test counter modifiée."
    hours = sorted(schedules.model.data(schedules.model.index(r, 4)) for r in range(2))
    assert hours == ["10:00–13:00", "14:00–16:00"]
    edited = next(x for x in backend.appointments.list_schedules() if x.id == morning.id)
    assert (edited.start_time, edited.end_time) == (time(10), time(13))

    # A double click on a row opens that range too (a press, then the double click).
    view = schedules.view
    proxy_row = view.model().mapFromSource(
        schedules.model.index(schedules.model.rows.index(afternoon), 0)
    )
    at = view.visualRect(proxy_row).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    dialog = _open_schedule_dialog()
    assert dialog.schedule == afternoon
    assert dialog.start_time.time().toString("HH:mm") == "14:00"
    dialog.reject()


def test_edit_an_office_and_deactivate_a_reason(qtbot, start_app, window) -> None:
    screen = _screen(qtbot, start_app, window)
    panel = screen.offices
    panel.view.selectRow(0)
    assert panel.form.code.text() == "T01"
    panel.form.phone.selectAll()
    qtbot.keyClicks(panel.form.phone, "04 72 00 00 00")
    _tick(qtbot, panel.form.hearing_loop)
    _click(qtbot, panel.save_button)
    qtbot.waitUntil(lambda: panel.message.text() != "", timeout=WAIT)
    assert panel.message.text() == "Point d'accueil « Accueil de test » enregistré."
    office = _backend(window).appointments.list_offices()[0]
    assert (office.phone, office.hearing_loop, office.code) == ("04 72 00 00 00", True, "T01")

    _backend(window).appointments.save_reason(
        None, ReasonInput("visio", "Rendez-vous en visio", 20, AppointmentChannel.VIDEO)
    )
    _tab(qtbot, screen, 1)
    reasons = screen.reasons
    reasons.reload()
    qtbot.waitUntil(lambda: reasons.model.rowCount() == 1, timeout=WAIT)
    reasons.view.selectRow(0)
    assert reasons.channel.currentText() == "En visio"
    _tick(qtbot, reasons.active)
    _click(qtbot, reasons.save_button)
    qtbot.waitUntil(lambda: reasons.message.text() != "", timeout=WAIT)
    assert reasons.message.text() == "Motif « Rendez-vous en visio » enregistré."
    assert _backend(window).appointments.list_reasons() == []  # no longer offered
    qtbot.waitUntil(  # the list reloads, greyed
        lambda: reasons.model.data(reasons.model.index(0, 5)) == "Inactif", timeout=WAIT
    )


def test_an_administrator_manages_offices_a_counter_does_not_see_them(
    qtbot, start_app, window
) -> None:
    screen = _screen(qtbot, start_app, window, Role.ADMIN)
    assert "Bureaux et horaires" in window.workspace.nav.titles()
    _tab(qtbot, screen, 2)
    qtbot.waitUntil(lambda: screen.schedules.office.count() == 2, timeout=WAIT)
    qtbot.waitUntil(
        lambda: screen.schedules.state.message.startswith("Aucune plage d'ouverture"),
        timeout=WAIT,
    )
    assert screen.offices.model.row_at(0).code == "T01"


def test_the_screen_is_not_offered_to_a_counter(qtbot, start_app, window) -> None:
    startup = start_app()
    sign_in(qtbot, startup, window, Role.COUNTER)
    assert "Bureaux et horaires" not in window.workspace.nav.titles()


def test_office_input_round_trip(qtbot, start_app, window) -> None:
    """What the form shows for an office is what it sends back unchanged."""
    screen = _screen(qtbot, start_app, window)
    svc = _backend(window).appointments
    data = OfficeInput(
        code="BRO",
        name="Bron – Parilly",
        address_line="22 avenue Franklin Roosevelt",
        postcode="69500",
        city="Bron",
        latitude=45.7386,
        longitude=4.9131,
        phone="04 78 26 47 50",
        accessible_parking=True,
        active=False,
    )
    office = svc.save_office(None, data)
    screen.offices.reload()
    qtbot.waitUntil(lambda: screen.offices.model.rowCount() == 2, timeout=WAIT)
    screen.offices.select_office(office.id)
    assert screen.offices.form.office_input() == data


def test_a_range_edited_meanwhile_is_not_overwritten(qtbot, start_app, window) -> None:
    screen = _screen(qtbot, start_app, window)
    backend = _backend(window)
    office, counter = _seed(backend)  # every Wednesday 09:00–12:00
    (morning,) = backend.appointments.list_schedules()
    _tab(qtbot, screen, 2)
    schedules = screen.schedules
    schedules.reload()
    qtbot.waitUntil(lambda: schedules.model.rowCount() == 1, timeout=WAIT)
    select_source_row(schedules.view, 0)
    dialog = _schedule_dialog(qtbot, screen, schedules.edit_button)
    # Another supervisor moves the range to 08:00–11:00 while this dialog is open.
    theirs = backend.appointments.update_schedule(
        morning.id,
        ScheduleInput(
            counter, office, 2, morning.first_day, None, time(8), time(11), morning.reason_ids
        ),
        morning.version,
    )
    _step_hours(qtbot, dialog.end_time, 1)  # 09:00–13:00 typed here
    _click(qtbot, dialog.accept_button)
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=WAIT)
    assert "vient d'être modifiée par ailleurs" in dialog.message.text()
    assert dialog.isVisible() and dialog.end_time.time().toString("HH:mm") == "13:00"
    assert backend.appointments.list_schedules() == [theirs]  # their edit stands
    dialog.reject()
