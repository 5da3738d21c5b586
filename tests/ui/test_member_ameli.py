"""The 'Compte ameli' group of the member file: status, handing over a code, unlocking, refusals."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import Engine, select, update

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.orm import AmeliAccount, AuditEvent
from advisor_desk.backend.security import verify_password
from advisor_desk.domain.ameli import parse_code
from advisor_desk.domain.enums import Role
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.documents.preview_dialog import PdfPreviewDialog, PrivatePdf
from advisor_desk.ui.member.ameli_box import AmeliBox
from advisor_desk.ui.member.member_file import MemberFileView
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.settings import Settings
from tests.ui.helpers import activate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from backend.test_ameli import People, add_people
from documents.pdf_text import pdf_text

Login = Callable[[Role], BoundBackend]
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def people(engine: Engine) -> People:
    return add_people(engine)


@pytest.fixture
def open_file(
    qtbot: Any, french: QApplication, login: Login, ops: OpRunner, settings: Settings
) -> Callable[..., MemberFileView]:
    def open_(member_id: int, role: Role = Role.COUNTER) -> MemberFileView:
        app = AppContext(login(role), ops, settings, database="test")
        view = MemberFileView(app)
        qtbot.addWidget(view)
        view.resize(1280, 900)
        activate(qtbot, view)
        view.open(member_id)
        box = view.identity.ameli
        qtbot.waitUntil(
            lambda: view.identity_info is not None and box.info is not None, timeout=10_000
        )
        return view

    return open_


def _question(qtbot: Any, box: AmeliBox) -> QMessageBox:
    # A button's mnemonic clicks it after a short animation: wait for the question.
    qtbot.waitUntil(lambda: box.question is not None and box.question.isVisible())
    question = box.question
    assert question is not None and question.isVisible()
    assert question.objectName() == "ameliConfirmCode"
    # Keys go to the active window's shortcuts first (the file's Esc is "Member done"): wait
    # for the question to be the active window, as it is for the advisor once it shows.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is question)
    return question


def _preview(qtbot: Any, view: MemberFileView) -> PdfPreviewDialog:
    qtbot.waitUntil(
        lambda: view.ameli_letter is not None and view.ameli_letter.isVisible(), timeout=15_000
    )
    dialog = view.ameli_letter
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # its keys, not the file's
    return dialog


def _row(engine: Engine, member_id: int) -> AmeliAccount | None:
    with session_scope(engine) as s:
        return s.scalar(select(AmeliAccount).where(AmeliAccount.member_id == member_id))


def test_hand_over_a_code_with_the_mouse(
    qtbot: Any,
    open_file: Callable[..., MemberFileView],
    people: People,
    engine: Engine,
    tmp_path: Path,
) -> None:
    view = open_file(people.newcomer)
    box = view.identity.ameli
    assert box.title() == "Compte ameli"
    assert box.status.text() == "Aucun compte"
    assert "ni compte ameli ni code provisoire" in box.details.text()
    assert box.issue_button.text() == "Remettre un c&ode provisoire…"
    assert box.unlock_button.text() == "Débloq&uer le compte"
    assert box.issue_button.isEnabled() and not box.unlock_button.isEnabled()
    assert "30 jours" in box.issue_button.toolTip()

    qtbot.mouseClick(box.issue_button, Qt.MouseButton.LeftButton)
    question = _question(qtbot, box)
    assert "Remettre un code provisoire à Camille Lise Moreau ?" in question.text()
    assert "ne fonctionnera plus" not in question.text()
    yes = next(b for b in question.buttons() if b.text() == "Remettre le code")
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)

    dialog = _preview(qtbot, view)
    assert dialog.windowTitle() == "Aperçu — Code provisoire ameli"
    assert isinstance(dialog.document, PrivatePdf)
    # A private letter: print and save, never sent (no button, disabled anyway).
    assert not dialog.send_button.isVisible() and not dialog.send_button.isEnabled()
    assert dialog.print_button.isVisible() and dialog.save_button.isVisible()
    text = pdf_text(dialog.document.pdf)
    assert "Camille Lise MOREAU" in text and "Créer mon compte" in text
    # The code on the letter is the one whose hash is stored.
    row = _row(engine, people.newcomer)
    assert row is not None and row.code_hash is not None
    code = next(w for w in text.split() if len(w) == 9 and w[4] == "-" and w.isupper())
    assert verify_password(row.code_hash, parse_code(code))

    qtbot.waitUntil(lambda: box.status.text() == "Code provisoire en attente", timeout=5_000)
    assert "Code provisoire remis le" in box.details.text()
    assert "Test counter" in box.details.text()
    assert "imprimez le courrier" in box.message.text() and not box.message.is_error
    assert box.issue_button.isEnabled()  # a new code may replace this one

    # Save: the file holds the letter's bytes.
    saved = tmp_path / "lettre.pdf"
    dialog.choose_file = lambda _suggested: str(saved)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(saved.exists)  # a button's shortcut clicks it after a short animation
    assert saved.read_bytes() == dialog.document.pdf

    # Member done: the letter goes with the member.
    view.clear()
    assert view.ameli_letter is None
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert box.info is None and box.status.text() == ""


def test_keyboard_cancel_then_confirm_replaces_the_pending_code(
    qtbot: Any, open_file: Callable[..., MemberFileView], people: People, engine: Engine
) -> None:
    view = open_file(people.pending)
    box = view.identity.ameli
    assert box.status.text() == "Code provisoire en attente"
    before = _row(engine, people.pending)
    assert before is not None

    # Alt+O opens the question; Esc keeps everything as it was.
    qtbot.keyClick(view.identity, Qt.Key.Key_O, ALT)
    question = _question(qtbot, box)
    assert "Le code remis auparavant ne fonctionnera plus." in question.text()
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: box.question is None, timeout=5_000)
    qtbot.wait(100)
    assert view.ameli_letter is None
    after_cancel = _row(engine, people.pending)
    assert after_cancel is not None and after_cancel.code_hash == before.code_hash

    # Alt+O, then Enter: the default button hands the code over.
    # (The offscreen platform gives no window back the activation a closed dialog had.)
    activate(qtbot, view)
    qtbot.keyClick(view.identity, Qt.Key.Key_O, ALT)
    question = _question(qtbot, box)
    qtbot.keyClick(question, Qt.Key.Key_Return)
    dialog = _preview(qtbot, view)
    assert "remplace celui qui vous avait été remis" in pdf_text(dialog.document.pdf)
    replaced = _row(engine, people.pending)
    assert replaced is not None and replaced.code_hash != before.code_hash
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.ameli_letter is None, timeout=5_000)


def test_unlock_with_the_keyboard(
    qtbot: Any, open_file: Callable[..., MemberFileView], people: People, engine: Engine
) -> None:
    view = open_file(people.locked, Role.BACKOFFICE)
    box = view.identity.ameli
    assert box.status.text() == "Compte bloqué"
    assert "après 5 mot(s) de passe erroné(s)" in box.details.text()
    assert "Dernière connexion :" in box.details.text()
    assert box.unlock_button.isEnabled()

    qtbot.keyClick(view.identity, Qt.Key.Key_U, ALT)
    qtbot.waitUntil(lambda: box.status.text() == "Compte actif", timeout=10_000)
    assert box.message.text() == "Le compte est débloqué : l'assuré peut de nouveau se connecter."
    assert not box.unlock_button.isEnabled() and not box.issue_button.isEnabled()
    row = _row(engine, people.locked)
    assert row is not None and row.locked_at is None and row.failed_logins == 0
    with session_scope(engine) as s:
        actions = list(
            s.scalars(select(AuditEvent.action).where(AuditEvent.member_id == people.locked))
        )
    assert actions.count("ameli.unlock") == 1 and "ameli.account" in actions


def test_buttons_follow_what_makes_sense(
    qtbot: Any, open_file: Callable[..., MemberFileView], people: People
) -> None:
    active = open_file(people.active).identity.ameli
    assert active.status.text() == "Compte actif"
    assert "Ouvert depuis le" in active.details.text()
    assert not active.issue_button.isEnabled() and not active.unlock_button.isEnabled()
    # The disabled button says why, in the backend's words.
    assert "déjà un compte ameli" in active.issue_button.toolTip()

    closed = open_file(people.closed).identity.ameli
    assert closed.status.text() == "Aucun compte"
    assert not closed.issue_button.isEnabled()
    assert "droits de cet assuré sont fermés" in closed.issue_button.toolTip()

    expired = open_file(people.expired).identity.ameli
    assert expired.status.text() == "Aucun compte (code expiré)"
    assert "ne peut plus servir" in expired.details.text()
    assert expired.issue_button.isEnabled() and not expired.unlock_button.isEnabled()


def test_a_refusal_shows_the_backends_message_and_the_new_status(
    qtbot: Any, open_file: Callable[..., MemberFileView], people: People, engine: Engine
) -> None:
    view = open_file(people.newcomer)
    box = view.identity.ameli
    assert box.issue_button.isEnabled()
    # Meanwhile, the member created the account online: the screen does not know yet.
    with session_scope(engine) as s:
        s.add(AmeliAccount(member_id=people.newcomer, opened_at=datetime.now(UTC)))
    qtbot.mouseClick(box.issue_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(_question(qtbot, box), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.message.is_error, timeout=10_000)
    assert "Cet assuré a déjà un compte ameli" in box.message.text()
    # The account is read again: the buttons follow.
    qtbot.waitUntil(lambda: box.status.text() == "Compte actif", timeout=10_000)
    assert not box.issue_button.isEnabled()
    assert view.ameli_letter is None
    # Unlocking an account that is not locked is refused the same way (a stale screen).
    with session_scope(engine) as s:
        s.execute(
            update(AmeliAccount)
            .where(AmeliAccount.member_id == people.newcomer)
            .values(locked_at=datetime.now(UTC), failed_logins=5)
        )
    view.open(people.newcomer)
    qtbot.waitUntil(lambda: box.status.text() == "Compte bloqué", timeout=10_000)
    with session_scope(engine) as s:
        s.execute(
            update(AmeliAccount)
            .where(AmeliAccount.member_id == people.newcomer)
            .values(locked_at=None, failed_logins=0)
        )
    qtbot.mouseClick(box.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.message.is_error, timeout=10_000)
    assert "n'est pas bloqué" in box.message.text()
    qtbot.waitUntil(lambda: box.status.text() == "Compte actif", timeout=10_000)


def test_a_self_employed_member_is_told_to_update_the_vitale_card(
    open_file: Callable[..., MemberFileView], people: People, engine: Engine
) -> None:
    from advisor_desk.backend.orm import RightsPeriod

    with session_scope(engine) as s:
        s.execute(
            update(RightsPeriod)
            .where(RightsPeriod.member_id == people.newcomer)
            .values(basis="Activité indépendante (travailleur indépendant)")
        )
    box = open_file(people.newcomer).identity.ameli
    assert box.details.text().splitlines()[-1] == (
        "Travailleur indépendant : mettre à jour la carte Vitale avant de créer le compte."
    )
    other = open_file(people.locked).identity.ameli
    assert "carte Vitale" not in other.details.text()
