"""Reimbursements and deductibles tabs, document preview, print and verification, with the keyboard."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy import Engine

from advisor_desk.backend.documents_dto import VerificationStatus
from advisor_desk.backend.facade import BoundBackend
from advisor_desk.domain.enums import DocumentKind, Role
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.member.deductibles_panel import DeductiblesPanel
from advisor_desk.ui.member.reimbursements_tab import ReimbursementsTab
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from documents.care_samples import CareSamples, add_care_samples
from documents.pdf_text import page_count, pdf_text

Login = Callable[[Role], BoundBackend]


@pytest.fixture
def samples(engine: Engine) -> CareSamples:
    return add_care_samples(engine)


def _context(login: Login, role: Role, ops: OpRunner, settings: Settings) -> AppContext:
    return AppContext(login(role), ops, settings, database="test")


class MemberFileStandIn(QWidget):
    """A window with the member file's tab widget, holding the two tabs."""

    def __init__(self, app: AppContext, member_id: int) -> None:
        super().__init__()
        self.tabs = QTabWidget(self)
        self.reimbursements = ReimbursementsTab(app, member_id, self.tabs)
        self.deductibles = DeductiblesPanel(app, member_id, self.tabs)
        self.tabs.addTab(self.reimbursements, "Remboursements")
        self.tabs.addTab(self.deductibles, "Franchises")
        QVBoxLayout(self).addWidget(self.tabs)
        self.resize(1280, 800)
        self.reimbursements.load()
        self.deductibles.load()


@pytest.fixture
def member_file(
    qtbot,
    french: QApplication,
    login: Login,
    samples: CareSamples,
    ops: OpRunner,
    settings: Settings,
) -> Iterator[MemberFileStandIn]:  # type: ignore[no-untyped-def]
    app = _context(login, Role.COUNTER, ops, settings)
    window = MemberFileStandIn(app, samples.member_id)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    yield window
    ops.shutdown()


def test_filter_on_a_dependent_then_print_a_rights_certificate_with_the_keyboard(
    qtbot,
    french: QApplication,
    login: Login,
    samples: CareSamples,
    ops: OpRunner,
    settings: Settings,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    from advisor_desk.ui.member.member_file import MemberFileView

    # Open the member in the real member file; Alt+B goes to the Reimbursements tab (French).
    view = MemberFileView(_context(login, Role.COUNTER, ops, settings))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    view.open(samples.member_id)
    qtbot.waitUntil(lambda: view.identity_info is not None, timeout=10_000)
    tab = next(w for w in view._extra if isinstance(w, ReimbursementsTab))
    assert any(isinstance(w, DeductiblesPanel) for w in view._extra)
    assert view.tabs.tabText(view.tabs.indexOf(tab)) == "Rem&boursements"
    qtbot.keyClick(view.tabs, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.tabs.currentWidget() is tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 8, timeout=10_000)
    qtbot.waitUntil(lambda: tab.totals is not None, timeout=10_000)
    assert tab.totals is not None and tab.totals.lines == 8
    assert "8 ligne(s)" in tab.totals_label.text()

    # Filter on Lucas (rank 02): focus the beneficiary filter, arrow down twice.
    tab.filters.beneficiary.setFocus()
    qtbot.waitUntil(tab.filters.beneficiary.hasFocus)
    qtbot.keyClick(tab.filters.beneficiary, Qt.Key.Key_Down)
    qtbot.keyClick(tab.filters.beneficiary, Qt.Key.Key_Down)
    assert tab.filters.beneficiary.currentData() == 2
    qtbot.waitUntil(
        lambda: tab.model.rowCount() == 2 and not tab.model.loading and tab.model.filter.rank == 2,
        timeout=10_000,
    )
    assert {tab.model.row_at(i).beneficiary for i in range(2)} == {"Lucas LEFÈVRE"}
    qtbot.waitUntil(lambda: tab.totals is not None and tab.totals.lines == 2, timeout=10_000)

    # Ctrl+Shift+A: the rights certificate, generated in the background, opens in the preview.
    qtbot.keyClick(
        tab.filters.beneficiary,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: tab.issuer.preview is not None and tab.issuer.preview.isVisible(), timeout=15_000
    )
    preview = tab.issuer.preview
    assert preview is not None
    assert preview.document.kind is DocumentKind.RIGHTS_CERTIFICATE
    assert preview.pdf.pageCount() == 1
    assert "Lucas LEFÈVRE" in pdf_text(preview.document.pdf)

    # Ctrl+P prints (the print dialog is replaced by a PDF printer).
    out = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p

    preview.choose_printer = printer
    with qtbot.waitSignal(preview.printed, timeout=10_000) as printed:
        qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.args == [1]
    assert out.exists() and page_count(out.read_bytes()) == 1

    # Ctrl+S saves the PDF as issued.
    saved = tmp_path / "copie.pdf"
    preview.choose_file = lambda suggested: str(saved)
    qtbot.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(saved.exists)  # a button's shortcut clicks it after a short animation
    assert saved.read_bytes() == preview.document.pdf

    # Ctrl+E: into the member's inbox.
    with qtbot.waitSignal(preview.sent, timeout=10_000) as sent:
        qtbot.keyClick(preview, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert sent.args[0].document_id == preview.document.id
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.issuer.preview is None or not tab.issuer.preview.isVisible())
    ops.shutdown()


def test_monthly_statement_grouping(qtbot, member_file: MemberFileStandIn) -> None:  # type: ignore[no-untyped-def]
    tab = member_file.reimbursements
    qtbot.waitUntil(lambda: tab.model.rowCount() == 8, timeout=10_000)
    tab.group.setChecked(True)
    qtbot.waitUntil(lambda: tab.months.model.rowCount() == 3, timeout=10_000)
    tab.months.view.selectRow(2)  # the oldest month: June of last year, two lines
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2 and not tab.model.loading, timeout=10_000)
    assert tab.model.filter.paid_from is not None and tab.model.filter.care_from is None
    with qtbot.waitSignal(tab.issuer.issued, timeout=15_000) as issued:
        tab.months.issue_button.click()
    assert issued.args[0].kind is DocumentKind.MONTHLY_STATEMENT
    tab.group.setChecked(False)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 8, timeout=10_000)


def test_backend_sorting_from_the_header(qtbot, member_file: MemberFileStandIn) -> None:  # type: ignore[no-untyped-def]
    tab = member_file.reimbursements
    qtbot.waitUntil(lambda: tab.model.rowCount() == 8, timeout=10_000)
    tab.view.sortByColumn(7, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(
        lambda: tab.model.filter.sort.value == "reimbursed" and tab.model.rowCount() == 8,
        timeout=10_000,
    )
    values = [tab.model.row_at(i).reimbursed_cents for i in range(8)]
    assert values == sorted(values)


def test_deductible_payment_refuses_overpaying(qtbot, member_file: MemberFileStandIn) -> None:  # type: ignore[no-untyped-def]
    panel = member_file.deductibles
    member_file.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.overview is not None, timeout=10_000)
    assert "5,50" in panel.balance.text()
    assert panel.years_model.rowCount() == 2
    assert "franchises" in panel.rules.text() or "franchise" in panel.rules.text().lower()
    panel.pay_button.click()
    dialog = panel.payment_dialog
    assert dialog is not None
    dialog.amount.setText("9,99")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=10_000)
    assert "dépasse la somme due" in dialog.message.text()
    dialog.amount.setText("5,50")
    dialog.means.setCurrentIndex(1)  # cash: no reference needed
    with qtbot.waitSignal(dialog.recorded, timeout=10_000):
        dialog.submit()
    qtbot.waitUntil(
        lambda: panel.overview is not None and panel.overview.balance_cents == 0, timeout=10_000
    )
    assert not panel.pay_button.isEnabled()


def test_verify_dialog(
    qtbot, member_file: MemberFileStandIn, login: Login, samples: CareSamples, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from advisor_desk.ui.documents.verify_dialog import VerifyDocumentDialog

    doc = login(Role.COUNTER).documents.issue_rights_certificate(samples.member_id)
    app = member_file.reimbursements._app
    dialog = VerifyDocumentDialog(app, member_file)
    qtbot.addWidget(dialog)
    dialog.number.setText(doc.number)
    dialog.code.setText(doc.verification_code)
    dialog.check_number()
    qtbot.waitUntil(lambda: dialog.verification is not None, timeout=10_000)
    assert (
        dialog.verification is not None and dialog.verification.status is VerificationStatus.VALID
    )
    dialog.code.setText("AAAA-AAAA")
    dialog.verification = None
    dialog.check_number()
    qtbot.waitUntil(lambda: dialog.verification is not None, timeout=10_000)
    assert dialog.verification.status is VerificationStatus.TAMPERED
    assert "NON CONFORME" in dialog.outcome.text()
    path = tmp_path / "x.pdf"
    path.write_bytes(doc.pdf)
    dialog.choose_file = lambda: str(path)
    dialog.verification = None
    dialog.check_file()
    qtbot.waitUntil(lambda: dialog.verification is not None, timeout=10_000)
    assert dialog.verification.status is VerificationStatus.VALID


def test_supervisor_cannot_issue(
    qtbot,
    french: QApplication,
    login: Login,
    samples: CareSamples,
    ops: OpRunner,
    settings: Settings,
) -> None:  # type: ignore[no-untyped-def]
    app = _context(login, Role.COUNTER, ops, settings)
    tab = ReimbursementsTab(app, samples.member_id)
    qtbot.addWidget(tab)
    assert all(a.isEnabled() for a in tab.menu.kind_actions.values())
    supervisor = _context(login, Role.SUPERVISOR, ops, settings)
    other = ReimbursementsTab(supervisor, samples.member_id)
    qtbot.addWidget(other)
    other.load()
    assert not any(a.isEnabled() for a in other.menu.kind_actions.values())
    assert other.menu.verify_action.isEnabled()
    qtbot.waitUntil(lambda: "droit" in other.state.message, timeout=10_000)
    ops.shutdown()


def test_the_tab_fits_beside_the_sidebar_at_1280_px(qtbot, member_file: MemberFileStandIn) -> None:  # type: ignore[no-untyped-def]
    """Filled with the member's people and professionals, the filters still leave the tab
    narrow enough for the member file beside the navigation (1280 px minus about 200)."""
    tab = member_file.reimbursements
    qtbot.waitUntil(lambda: tab.model.rowCount() == 8, timeout=10_000)
    assert tab.filters.professional.count() > 1
    assert tab.minimumSizeHint().width() <= 1000
