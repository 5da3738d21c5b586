"""Screenshots of the app, offscreen, with stable names: `screenshots.py --out DIR [--db URL]`.

Each shot is a function registered with `@shot("name")` that returns the widget (or pixmap)
to save; a later screen adds its own shots the same way. Main windows are grabbed at
1280×800; a dialog is drawn centred over the window it belongs to.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, QSize
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

SIZE = QSize(1280, 800)
ROLES = ("counter", "backoffice", "supervisor", "admin")


@dataclass
class Shot:
    name: str
    make: Callable[[Shooter], QWidget | QPixmap]


SHOTS: list[Shot] = []


def shot(name: str) -> Callable[[Callable[[Shooter], QWidget | QPixmap]], Callable[..., object]]:
    def register(fn: Callable[[Shooter], QWidget | QPixmap]) -> Callable[..., object]:
        SHOTS.append(Shot(name, fn))
        return fn

    return register


def prepare_database(url: str | None, tmp: Path) -> tuple[str, str, dict[str, str]]:
    """A migrated database with demo data; returns (url, password, login by role)."""
    from advisor_desk.backend import migrate
    from advisor_desk.backend.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
    from advisor_desk.backend.engine import make_engine

    logins: dict[str, str] = {}
    for account in DEMO_ACCOUNTS:
        logins.setdefault(account.role.value, account.login)
    if url is not None:
        return url, DEMO_PASSWORD, logins
    url = f"sqlite:///{tmp / 'screenshots.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    try:
        from advisor_desk.backend.seed import seed_database  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        _add_demo_accounts(engine)
    else:
        seed_database(engine, members=200, seed=1)
    engine.dispose()
    return url, DEMO_PASSWORD, logins


def _add_demo_accounts(engine: object) -> None:
    """Without the seeder: one office, one team and the documented demo accounts."""
    from advisor_desk.backend.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
    from advisor_desk.backend.engine import session_scope
    from advisor_desk.backend.orm import Advisor, Office, Team
    from advisor_desk.backend.security import hash_password

    digest = hash_password(DEMO_PASSWORD)
    with session_scope(engine) as s:  # type: ignore[arg-type]
        office = Office(
            code="LYO3",
            name="Lyon 3e — Part-Dieu",
            address_line="276 cours Émile-Zola",
            postcode="69003",
            city="Lyon",
            latitude=45.76,
            longitude=4.86,
            phone="3646",
        )
        s.add(office)
        s.flush()
        teams: dict[str, int] = {}
        for account in DEMO_ACCOUNTS[:6]:
            if account.team and account.team not in teams:
                team = Team(name=account.team, office_id=office.id)
                s.add(team)
                s.flush()
                teams[account.team] = team.id
            s.add(
                Advisor(
                    login=account.login,
                    full_name=account.full_name,
                    role=account.role,
                    office_id=office.id,
                    team_id=teams.get(account.team or ""),
                    password_hash=digest,
                    active=True,
                    failed_attempts=0,
                )
            )


class Shooter:
    """The app's pieces, shared by the shots: one QApplication, one ops runner."""

    def __init__(self, url: str, password: str, logins: dict[str, str]) -> None:
        from advisor_desk.backend.facade import Backend
        from advisor_desk.ui import i18n
        from advisor_desk.ui.ops import OpRunner
        from advisor_desk.ui.settings import APPLICATION, ORGANIZATION, Settings
        from advisor_desk.ui.theme import apply_theme

        self.app = QApplication.instance() or QApplication([])
        self.app.setOrganizationName(ORGANIZATION)
        self.app.setApplicationName(APPLICATION)
        self.translators = i18n.install_translators(self.app)
        self.settings = Settings()
        apply_theme(self.app, "light")  # type: ignore[arg-type]
        self.ops = OpRunner()
        self.backend = Backend.from_url(url)
        self.password = password
        self.logins = logins
        self.windows: list[QWidget] = []

    def settle(self, seconds: float = 0.3, timeout: float = 30.0) -> None:
        """Let the background ops finish and the widgets repaint."""
        deadline = time.monotonic() + timeout
        quiet_since: float | None = None
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if self.ops.pending == 0:
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since >= seconds:
                    return
            else:
                quiet_since = None
            time.sleep(0.01)

    def main_window(self, role: str):  # type: ignore[no-untyped-def]
        """A main window with the role's session open, at the fixed size."""
        from advisor_desk.ui.bootstrap import connection_probe
        from advisor_desk.ui.context import AppContext
        from advisor_desk.ui.main_window import MainWindow

        window = MainWindow(self.ops, self.settings)
        bound = self.backend.login(self.logins[role], self.password)
        context = AppContext(
            bound, self.ops, self.settings, database=self.backend.describe(), parent=window
        )
        window.open_session(context, connection_probe(self.backend, bound))
        window.resize(SIZE)
        window.show()
        self.windows.append(window)
        self.settle()
        return window

    def over(self, window: QWidget, dialog: QWidget) -> QPixmap:
        """The window with the dialog drawn centred over it, behind a light veil."""
        self.settle()
        pixmap = window.grab()
        painter = QPainter(pixmap)
        painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 70))
        image = dialog.grab()
        painter.drawPixmap(
            QPoint((pixmap.width() - image.width()) // 2, (pixmap.height() - image.height()) // 3),
            image,
        )
        painter.end()
        return pixmap

    def close_all(self) -> None:
        """Close and delete the shot's windows: kept alive, every later theme switch would
        restyle all of them (a run of some seventy shots stalled on the dark ones)."""
        from PySide6.QtCore import QEvent

        for window in self.windows:
            window.close()
            window.deleteLater()
        self.windows = []
        self.settle(0.1)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@shot("login")
def login_shot(s: Shooter) -> QPixmap:
    from advisor_desk.ui.bootstrap import demo_accounts
    from advisor_desk.ui.login_dialog import LoginDialog
    from advisor_desk.ui.main_window import MainWindow

    window = MainWindow(s.ops, s.settings)
    window.status.set_database(s.backend.describe())
    window.welcome.show_starting(QCoreApplication.translate("app", "Ready. Please sign in."))
    window.resize(SIZE)
    window.show()
    s.windows.append(window)
    password, logins = demo_accounts()
    hint = QCoreApplication.translate(
        "app", "Demo database — logins: {logins}; password: {password}"
    ).format(logins=", ".join(logins), password=password)
    dialog = LoginDialog(window, hint)
    dialog.set_login(s.logins["counter"])
    dialog.show()
    pixmap = s.over(window, dialog)
    dialog.close()
    return pixmap


def _main(role: str) -> Callable[[Shooter], QWidget]:
    def make(s: Shooter) -> QWidget:
        return s.main_window(role)  # type: ignore[no-any-return]

    return make


for _role in ROLES:
    shot(f"main-{_role}")(_main(_role))


@shot("settings")
def settings_shot(s: Shooter) -> QPixmap:
    window = s.main_window("counter")
    dialog = window.open_settings()
    pixmap = s.over(window, dialog)
    dialog.close()
    return pixmap


@shot("admin-accounts")
def admin_accounts_shot(s: Shooter) -> QWidget:
    window = s.main_window("admin")
    screen = window.workspace.show_screen("administration")
    screen.accounts.view.selectRow(1)
    s.settle()
    return window  # type: ignore[no-any-return]


@shot("admin-audit")
def admin_audit_shot(s: Shooter) -> QWidget:
    window = s.main_window("admin")
    screen = window.workspace.show_screen("administration")
    screen.tabs.setCurrentWidget(screen.audit)
    s.settle()
    return window  # type: ignore[no-any-return]


@shot("admin-create")
def admin_create_shot(s: Shooter) -> QPixmap:
    window = s.main_window("admin")
    screen = window.workspace.show_screen("administration")
    dialog = screen.accounts.create_account()
    s.settle()
    dialog.login.setText("Jean Dupont")
    dialog.full_name.setText("Jean Dupont")
    dialog.password.setText("motdepasse-2026")
    dialog.confirm.setText("motdepasse-2026")
    dialog.submit()
    s.settle()
    pixmap = s.over(window, dialog)
    dialog.close()
    return pixmap


@shot("lock")
def lock_shot(s: Shooter) -> QWidget:
    window = s.main_window("counter")
    window.lock()
    s.settle()
    return window  # type: ignore[no-any-return]


@shot("error-banner")
def error_banner_shot(s: Shooter) -> QWidget:
    window = s.main_window("admin")
    assert window.monitor is not None
    window.monitor.set_retry_ms(60_000)  # keep the banner up while the picture is taken
    window.monitor.report_lost(
        "Connexion à la base de données perdue (partagée (db.cpam-lyon.local:5432/advisor_desk))."
    )
    window.status.set_database("partagée (db.cpam-lyon.local:5432/advisor_desk)")
    s.settle()
    return window  # type: ignore[no-any-return]


@shot("main-counter-dark")
def dark_shot(s: Shooter) -> QWidget:
    from advisor_desk.ui.theme import apply_theme

    apply_theme(s.app, "dark")  # type: ignore[arg-type]
    window = s.main_window("counter")
    s.settle()
    pixmap = window.grab()
    apply_theme(s.app, "light")  # type: ignore[arg-type]
    return pixmap  # type: ignore[return-value]


# --- Reimbursements, deductibles and documents (issue #5) ------------------------------------


def _care_member(s: Shooter, *, with_ij: bool = False) -> int:
    """The demo member with the most reimbursement lines (and IJ payments, if asked)."""
    from sqlalchemy import func, select

    from advisor_desk.backend.engine import session_scope
    from advisor_desk.backend.orm import Dependent, IjPayment, Reimbursement

    with session_scope(s.backend.engine, readonly=True) as session:
        query = (
            select(Reimbursement.member_id)
            .where(Reimbursement.member_id.in_(select(Dependent.member_id)))
            .group_by(Reimbursement.member_id)
            .order_by(func.count().desc())
            .limit(1)
        )
        if with_ij:
            query = query.where(Reimbursement.member_id.in_(select(IjPayment.member_id)))
        member_id = session.scalar(query)
    assert member_id is not None, "the screenshots database has no reimbursements"
    return int(member_id)


def _care_context(s: Shooter):  # type: ignore[no-untyped-def]
    from advisor_desk.ui.context import AppContext

    bound = s.backend.login(s.logins["counter"], s.password)
    return AppContext(bound, s.ops, s.settings, database=s.backend.describe())


def _care_window(s: Shooter, member_id: int):  # type: ignore[no-untyped-def]
    """The member file, opened on the member, its Reimbursements tab shown."""
    from advisor_desk.ui.member.deductibles_panel import DeductiblesPanel
    from advisor_desk.ui.member.member_file import MemberFileView
    from advisor_desk.ui.member.reimbursements_tab import ReimbursementsTab

    view = MemberFileView(_care_context(s))
    view.resize(SIZE)
    view.show()
    s.windows.append(view)
    view.open(member_id)
    s.settle()
    view.reimbursements = next(w for w in view._extra if isinstance(w, ReimbursementsTab))  # type: ignore[attr-defined]
    view.deductibles = next(w for w in view._extra if isinstance(w, DeductiblesPanel))  # type: ignore[attr-defined]
    view.tabs.setCurrentWidget(view.reimbursements)  # type: ignore[attr-defined]
    s.settle()
    return view


@shot("reimbursements")
def reimbursements_shot(s: Shooter) -> QWidget:
    return _care_window(s, _care_member(s))  # type: ignore[no-any-return]


@shot("reimbursements-statements")
def reimbursements_statements_shot(s: Shooter) -> QWidget:
    window = _care_window(s, _care_member(s))
    tab = window.reimbursements
    tab.group.setChecked(True)
    s.settle()
    tab.months.view.selectRow(1)
    s.settle()
    return window  # type: ignore[no-any-return]


@shot("deductibles")
def deductibles_shot(s: Shooter) -> QWidget:
    window = _care_window(s, _care_member(s))
    window.tabs.setCurrentWidget(window.deductibles)
    s.settle()
    return window  # type: ignore[no-any-return]


_DOCUMENT_SHOTS = (
    "rights_certificate",
    "ij_certificate",
    "tax_statement",
    "monthly_statement",
    "ehic_provisional",
    "declaration_receipt",
)


def _issue(s: Shooter, kind: str):  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    member_id = _care_member(s, with_ij=kind in ("ij_certificate", "tax_statement"))
    docs = s.backend.login(s.logins["counter"], s.password).documents
    today = date.today()
    if kind == "rights_certificate":
        return docs.issue_rights_certificate(member_id)
    if kind == "ij_certificate":
        return docs.issue_ij_certificate(member_id, today - timedelta(days=730), today)
    if kind == "tax_statement":
        return docs.issue_tax_statement(member_id, today.year - 1)
    if kind == "monthly_statement":
        last = today.replace(day=1) - timedelta(days=1)
        return docs.issue_monthly_statement(member_id, last.year, last.month)
    if kind == "declaration_receipt":
        from sqlalchemy import func, select

        from advisor_desk.backend.engine import session_scope
        from advisor_desk.backend.orm import Declaration

        with session_scope(s.backend.engine, readonly=True) as db:
            latest = db.scalar(select(func.max(Declaration.id)))
        assert latest is not None, "the demo database holds no request"
        return docs.issue_declaration_receipt(latest)
    return docs.issue_ehic_provisional(member_id)


def _preview_shot(kind: str) -> Callable[[Shooter], QWidget]:
    def make(s: Shooter) -> QWidget:
        from advisor_desk.ui.documents.preview_dialog import PdfPreviewDialog

        dialog = PdfPreviewDialog(_care_context(s), _issue(s, kind))
        dialog.resize(900, 1000)
        dialog.show()
        s.windows.append(dialog)
        s.settle(0.6)
        return dialog

    return make


def _pdf_page_shot(kind: str) -> Callable[[Shooter], QPixmap]:
    def make(s: Shooter) -> QPixmap:
        return _pdf_page(_issue(s, kind).pdf)

    return make


def _pdf_page(pdf: bytes) -> QPixmap:
    """Page 1 of a PDF as pdftoppm renders it (poppler-utils), else as QtPdf does."""
    import shutil
    import subprocess

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    if shutil.which("pdftoppm"):
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "doc.pdf"
            source.write_bytes(pdf)
            page = Path(tmp) / "page"
            subprocess.run(
                ["pdftoppm", "-r", "110", "-png", "-f", "1", "-l", "1", "-singlefile",
                 str(source), str(page)],
                check=True,
            )  # fmt: skip
            return QPixmap(str(page) + ".png")
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    size = (document.pagePointSize(0) * (110 / 72)).toSize()  # 110 dpi
    return QPixmap.fromImage(document.render(0, size))


for _kind in _DOCUMENT_SHOTS:
    shot(f"preview-{_kind}")(_preview_shot(_kind))
    shot(f"pdf-{_kind}")(_pdf_page_shot(_kind))


@shot("verify-document")
def verify_document_shot(s: Shooter) -> QPixmap:
    from advisor_desk.ui.documents.verify_dialog import VerifyDocumentDialog

    issued = _issue(s, "rights_certificate")
    window = _care_window(s, issued.member_id)
    dialog = VerifyDocumentDialog(_care_context(s), window)
    dialog.number.setText(issued.number)
    dialog.code.setText(issued.verification_code)
    dialog.show()
    dialog.check_number()
    s.settle()
    pixmap = s.over(window, dialog)
    dialog.close()
    return pixmap


# --- Member lookup and member file (issue #4) ------------------------------------------------


def _accueil(s: Shooter):  # type: ignore[no-untyped-def]
    """The counter's main window on the Accueil screen."""
    window = s.main_window("counter")
    screen = window.workspace.show_screen("accueil")
    return window, screen


def _lookup(s: Shooter, text: str) -> QWidget:
    window, screen = _accueil(s)
    screen.search.edit.setText(text)
    screen.search.flush()
    screen.run_search(text)
    s.settle()
    return window  # type: ignore[no-any-return]


def _rich_member(s: Shooter) -> tuple[int, str]:
    """A demo member with an ALD, sick leaves and a work accident (dependents if possible)."""
    from sqlalchemy import func, select

    from advisor_desk.backend.engine import session_scope
    from advisor_desk.backend.orm import Ald, Dependent, Member, SickLeave, WorkAccidentCase

    with session_scope(s.backend.engine, readonly=True) as session:
        score = (
            select(func.count()).where(Dependent.member_id == Member.id).scalar_subquery()
            + select(func.count()).where(SickLeave.member_id == Member.id).scalar_subquery()
        )
        row = session.execute(
            select(Member.id, Member.name_key)
            .where(
                Member.id.in_(select(Ald.member_id)),
                Member.id.in_(select(WorkAccidentCase.member_id)),
            )
            .order_by(score.desc(), Member.id)
            .limit(1)
        ).first()
        if row is None:
            row = session.execute(select(Member.id, Member.name_key).limit(1)).first()
    assert row is not None, "the screenshots database has no member"
    return int(row.id), str(row.name_key)


def _member_tab(index: int) -> Callable[[Shooter], QWidget]:
    def make(s: Shooter) -> QWidget:
        window, screen = _accueil(s)
        member_id, _name = _rich_member(s)
        screen.open_member(member_id)
        s.settle()
        screen.file.tabs.setCurrentIndex(index)
        s.settle()
        return window  # type: ignore[no-any-return]

    return make


@shot("accueil-empty")
def accueil_empty_shot(s: Shooter) -> QWidget:
    window, screen = _accueil(s)
    screen.focus_search()
    s.settle()
    return window  # type: ignore[no-any-return]


def _common_name(s: Shooter) -> str:
    """The most frequent last name of the demo base: a list with members and dependents."""
    from sqlalchemy import func, select

    from advisor_desk.backend.engine import session_scope
    from advisor_desk.backend.orm import Member

    with session_scope(s.backend.engine, readonly=True) as session:
        name = session.scalar(
            select(Member.name_key).group_by(Member.name_key).order_by(func.count().desc())
        )
    return str(name or "martin")


@shot("accueil-results")
def accueil_results_shot(s: Shooter) -> QWidget:
    return _lookup(s, _common_name(s))


@shot("accueil-no-result")
def accueil_no_result_shot(s: Shooter) -> QWidget:
    return _lookup(s, "Zyzzyva")


@shot("accueil-close-names")
def accueil_close_names_shot(s: Shooter) -> QWidget:
    name = _common_name(s)
    return _lookup(s, name[:-2] + name[-1] + name[-2])  # the last two letters swapped


@shot("accueil-invalid-nir")
def accueil_invalid_nir_shot(s: Shooter) -> QWidget:
    return _lookup(s, "1 84 03 75 112 123 46")


for _index, _tab in enumerate(("identity", "ald", "leaves", "requests")):
    shot(f"member-{_tab}")(_member_tab(_index))


# --- Rendez-vous: agenda, arrivals, booking (appointments) -------------------------------------


_RDV_DEMO_DONE: set[str] = set()


def _rendez_vous_demo(s: Shooter) -> None:
    """A busy morning at the counter's office: seen, waiting and expected members today."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from advisor_desk.backend.engine import session_scope
    from advisor_desk.backend.orm import Advisor, Appointment, AppointmentReason, Member
    from advisor_desk.domain.enums import AppointmentStatus

    if s.backend.describe() in _RDV_DEMO_DONE:
        return
    _RDV_DEMO_DONE.add(s.backend.describe())
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    plan = [
        (-95, AppointmentStatus.SEEN),
        (-60, AppointmentStatus.SEEN),
        (-40, AppointmentStatus.NOSHOW),
        (-10, AppointmentStatus.WAITING),
        (-5, AppointmentStatus.WAITING),
        (20, AppointmentStatus.UNKNOWN),
        (50, AppointmentStatus.UNKNOWN),
        (80, AppointmentStatus.UNKNOWN),
    ]
    active = (AppointmentStatus.UNKNOWN, AppointmentStatus.WAITING, AppointmentStatus.SEEN)
    with session_scope(s.backend.engine) as session:
        office = session.scalar(
            select(Advisor.office_id).where(Advisor.login == s.logins["counter"])
        )
        advisors = list(
            session.scalars(select(Advisor.id).where(Advisor.office_id == office).limit(3))
        )
        reasons = list(session.scalars(select(AppointmentReason.id).limit(4)))
        members = list(session.scalars(select(Member.id).order_by(Member.id.desc()).limit(8)))
        if office is None or not advisors or not reasons or not members:
            return
        for i, (offset, status) in enumerate(plan):
            advisor = advisors[i % len(advisors)]
            start = now + timedelta(minutes=offset - offset % 5)
            end = start + timedelta(minutes=20)
            taken = session.scalar(
                select(Appointment.id).where(
                    Appointment.advisor_id == advisor,
                    Appointment.status.in_(active),
                    Appointment.starts_at < end,
                    Appointment.ends_at > start,
                )
            )
            if taken is not None:
                continue  # the demo agenda already has someone then
            arrived = status in (AppointmentStatus.WAITING, AppointmentStatus.SEEN)
            session.add(
                Appointment(
                    member_id=members[i % len(members)],
                    office_id=office,
                    advisor_id=advisor,
                    reason_id=reasons[i % len(reasons)],
                    starts_at=start,
                    ends_at=end,
                    status=status,
                    booked_at=start - timedelta(days=6),
                    arrived_at=start - timedelta(minutes=7 + 3 * i) if arrived else None,
                    seen_at=start + timedelta(minutes=4)
                    if status is AppointmentStatus.SEEN
                    else None,
                )
            )
            session.flush()


def _rendez_vous(s: Shooter, week: bool = False) -> QWidget:
    _rendez_vous_demo(s)
    window = s.main_window("counter")
    screen = window.workspace.show_screen("rendez_vous")
    s.settle()
    if week:
        screen.span.setCurrentIndex(1)
        s.settle()
    return window  # type: ignore[no-any-return]


@shot("rendez-vous-day")
def rendez_vous_day_shot(s: Shooter) -> QWidget:
    return _rendez_vous(s)


@shot("rendez-vous-week")
def rendez_vous_week_shot(s: Shooter) -> QWidget:
    return _rendez_vous(s, week=True)


@shot("rendez-vous-booking")
def rendez_vous_booking_shot(s: Shooter) -> QPixmap:
    from advisor_desk.ui.appointments.booking_dialog import BookingDialog

    window, screen = _accueil(s)
    member_id, _name = _rich_member(s)
    screen.open_member(member_id)
    s.settle()
    dialog = BookingDialog(window.context, member_id, "", window)
    dialog.show()
    s.settle()
    pixmap = s.over(window, dialog)
    dialog.close()
    return pixmap


# -- Démarches and Courriels -------------------------------------------------------------------


def _demarches(s: Shooter, select_first: bool) -> QWidget:
    window = s.main_window("backoffice")
    screen = window.workspace.show_screen("demarches")
    s.settle()
    screen.view.setCurrentIndex(screen.view.count() - 1)  # "All": the agent's and the others'
    s.settle()
    if select_first and screen.model.rowCount():
        screen.table.selectRow(0)
        s.settle()
    return window  # type: ignore[no-any-return]


@shot("demarches-queue")
def demarches_queue_shot(s: Shooter) -> QWidget:
    return _demarches(s, select_first=False)


@shot("demarches-history")
def demarches_history_shot(s: Shooter) -> QWidget:
    return _demarches(s, select_first=True)


def _filing(s: Shooter, kind_value: str, invalid: bool) -> QPixmap:
    from advisor_desk.domain.enums import DeclarationKind
    from advisor_desk.ui.declarations.filing_dialog import FilingDialog

    window, screen = _accueil(s)
    member_id, _name = _rich_member(s)
    screen.open_member(member_id)
    s.settle()
    dialog = FilingDialog(window.context, member_id, DeclarationKind(kind_value), window)
    dialog.show()
    s.settle()
    if invalid:
        for name, widget in dialog.fields.items():
            if hasattr(widget, "setText"):
                widget.setText({"postcode": "6900", "effective_date": "31/02/2026"}.get(name, ""))
        dialog.submit()
        s.settle()
    pixmap = s.over(window, dialog)
    dialog.close()
    return pixmap


for _kind in (
    "vitale_order",
    "bank_details",
    "css_request",
    "ehic_request",
    "address_change",
    "birth",
    "vitale_lost",
    "name_change",
    "child_other_parent",
    "third_party_accident",
    "complementary_choice",
    "deductible_payment",
):
    shot(f"form-{_kind}")(lambda s, k=_kind: _filing(s, k, invalid=False))
    shot(f"form-{_kind}-errors")(lambda s, k=_kind: _filing(s, k, invalid=True))


_MAIL_DEMO = (
    (
        "Carte Vitale perdue",
        "rights_vitale",
        "Bonjour, j'ai perdu ma carte Vitale hier dans le bus. Comment en obtenir une "
        "nouvelle ? Merci.",
    ),
    (
        "Remboursement consultation",
        "reimbursements",
        "Bonjour, je n'ai toujours pas été remboursée de ma consultation chez le dentiste "
        "du 3 novembre. Pouvez-vous vérifier ?",
    ),
    (
        "Attestation de droits",
        "other",
        "Bonjour, mon employeur me demande une attestation de droits, pouvez-vous me l'envoyer ?",
    ),
)


def _mail_demo(s: Shooter) -> None:
    """A few fresh member messages, so the queue shows work waiting."""
    from sqlalchemy import select

    from advisor_desk.backend.engine import session_scope
    from advisor_desk.backend.mail import record_inbound
    from advisor_desk.backend.orm import Member
    from advisor_desk.domain.enums import MailTheme

    with session_scope(s.backend.engine) as session:
        members = session.scalars(select(Member.id).order_by(Member.id).limit(3)).all()
        for member_id, (subject, theme, body) in zip(members, _MAIL_DEMO, strict=False):
            record_inbound(
                session, member_id=member_id, subject=subject, theme=MailTheme(theme), body=body
            )


def _courriels(s: Shooter, claim: bool) -> QWidget:
    _mail_demo(s)  # the small seeded base may leave nothing unassigned to claim
    window = s.main_window("backoffice")
    screen = window.workspace.show_screen("courriels")
    s.settle()
    if claim:
        screen.claim_next()
        s.settle()
    return window  # type: ignore[no-any-return]


@shot("courriels-queue")
def courriels_queue_shot(s: Shooter) -> QWidget:
    return _courriels(s, claim=False)


@shot("courriels-thread")
def courriels_thread_shot(s: Shooter) -> QWidget:
    return _courriels(s, claim=True)


@shot("member-messages")
def member_messages_shot(s: Shooter) -> QWidget:
    """From a claimed thread, *Dossier assuré*, then the member file's Messages tab."""
    from advisor_desk.ui.mail.member_messages_tab import MemberMessagesTab

    window = _courriels(s, claim=True)
    window.workspace.show_screen("courriels").thread_view.open_member_file()
    s.settle()
    member_file = window.workspace.show_screen("accueil").file
    tab = next(w for w in member_file._extra if isinstance(w, MemberMessagesTab))
    member_file.tabs.setCurrentWidget(tab)
    s.settle()
    return window  # type: ignore[no-any-return]


def _courriels_collision(s: Shooter):  # type: ignore[no-untyped-def]
    """A claimed thread that a colleague (agent2, on their own desktop) is answering too."""
    window = _courriels(s, claim=True)
    view = window.workspace.show_screen("courriels").thread_view
    assert view.detail is not None
    colleague = s.backend.login("agent2", s.password)
    colleague.mail.touch_presence(view.detail.id, True)
    view.heartbeat()
    s.settle()
    return window, view


@shot("courriels-collision")
def courriels_collision_shot(s: Shooter) -> QWidget:
    window, _view = _courriels_collision(s)
    return window  # type: ignore[no-any-return]


@shot("courriels-transfer")
def courriels_transfer_shot(s: Shooter) -> QPixmap:
    window, view = _courriels_collision(s)
    dialog = view.transfer()
    assert dialog is not None
    s.settle()
    agents = dialog.agent
    karim = next(i for i in range(agents.count()) if agents.itemText(i).startswith("Karim"))
    agents.setCurrentIndex(karim)
    dialog.note.setPlainText("Karim connaît ce dossier d'indemnités journalières.")
    dialog.adjustSize()
    return s.over(window, dialog)


# --- Supervision -------------------------------------------------------------------------------


def _supervision(s: Shooter) -> QWidget:
    _mail_demo(s)
    window = s.main_window("supervisor")
    window.workspace.show_screen("supervision")
    s.settle(0.5)
    return window  # type: ignore[no-any-return]


@shot("supervision")
def supervision_shot(s: Shooter) -> QWidget:
    return _supervision(s)


@shot("supervision-dark")
def supervision_dark_shot(s: Shooter) -> QWidget:
    from advisor_desk.ui.theme import apply_theme

    apply_theme(s.app, "dark")  # type: ignore[arg-type]
    window = _supervision(s)
    pixmap = window.grab()
    apply_theme(s.app, "light")  # type: ignore[arg-type]
    return pixmap  # type: ignore[return-value]


# -- Bureaux et horaires ------------------------------------------------------------------------


@shot("connaissances")
def connaissances_shot(s: Shooter) -> QWidget:
    """The knowledge base as a supervisor sees it: a search, the matches, the editing buttons."""
    window = s.main_window("supervisor")
    screen = window.workspace.show_screen("connaissances")
    s.settle()
    screen.search.setText("carte vitale perdue")
    screen.reload()
    s.settle()
    if screen.model.rowCount():
        screen.table.selectRow(0)
        s.settle()
    return window  # type: ignore[no-any-return]


@shot("annuaire")
def annuaire_shot(s: Shooter) -> QWidget:
    """The health directory at the counter: secteur 1 cardiologists nearest the office."""
    window = s.main_window("counter")
    screen = window.workspace.show_screen("annuaire")
    s.settle()
    screen.specialty.setCurrentIndex(max(screen.specialty.findData("Cardiologie"), 0))
    screen.sectors.setCurrentIndex(1)
    s.settle()
    return window  # type: ignore[no-any-return]


@shot("annuaire-establishments")
def annuaire_establishments_shot(s: Shooter) -> QWidget:
    """The care establishments with an emergency department, nearest the office first."""
    window = s.main_window("counter")
    screen = window.workspace.show_screen("annuaire")
    s.settle()
    screen.show_establishments.click()
    s.settle()
    screen.emergency.setChecked(True)
    s.settle()
    if screen.establishment_model.rowCount():
        screen.establishment_table.selectRow(0)
        s.settle()
    return window  # type: ignore[no-any-return]


def _member_without_ameli(s: Shooter) -> int:
    """A demo member with open rights and no ameli account: the one a code is handed to."""
    from sqlalchemy import select

    from advisor_desk.backend.engine import session_scope
    from advisor_desk.backend.orm import AmeliAccount, Member

    counter = s.backend.login(s.logins["counter"], s.password)
    with session_scope(s.backend.engine, readonly=True) as session:
        ids = session.scalars(
            select(Member.id)
            .where(Member.id.not_in(select(AmeliAccount.member_id)))
            .order_by(Member.id)
            .limit(50)
        ).all()
    for member_id in ids:
        if counter.ameli.account(member_id).can_issue_code:
            return int(member_id)
    raise AssertionError("the screenshots database has no member to give an ameli code")


@shot("member-ameli")
def member_ameli_shot(s: Shooter) -> QWidget:
    """The identity tab of a member without an ameli account: the code can be handed over."""
    window = s.main_window("counter")
    screen = window.workspace.show_screen("accueil")
    screen.open_member(_member_without_ameli(s))
    s.settle()
    return window  # type: ignore[no-any-return]


@shot("pdf-ameli_code")
def pdf_ameli_code_shot(s: Shooter) -> QPixmap:
    counter = s.backend.login(s.logins["counter"], s.password)
    return _pdf_page(counter.ameli.issue_code(_member_without_ameli(s)).pdf)


@shot("bureaux")
def bureaux_shot(s: Shooter) -> QWidget:
    window = s.main_window("supervisor")
    screen = window.workspace.show_screen("bureaux")
    s.settle()
    if screen.offices.model.rowCount():
        screen.offices.view.selectRow(0)
        s.settle()
    return window  # type: ignore[no-any-return]


@shot("bureaux-overlap")
def bureaux_overlap_shot(s: Shooter) -> QPixmap:
    """The new-range dialog refusing a range that overlaps one of the demo agenda's."""
    from PySide6.QtCore import QTime

    window = s.main_window("supervisor")
    screen = window.workspace.show_screen("bureaux")
    screen.tabs.setCurrentWidget(screen.schedules)
    s.settle()
    dialog = screen.schedules.add_schedule()
    if screen.schedules.model.rowCount():
        taken = screen.schedules.model.row_at(0)
        dialog.advisor.setCurrentIndex(dialog.advisor.findData(taken.advisor_id))
        dialog.office.setCurrentIndex(dialog.office.findData(taken.office_id))
        if taken.weekday is not None:
            dialog.weekday.setCurrentIndex(taken.weekday)
        dialog.start_time.setTime(QTime(taken.start_time.hour, taken.start_time.minute))
        dialog.end_time.setTime(QTime(taken.end_time.hour, taken.end_time.minute))
        for reason_id in taken.reason_ids[:2]:
            box = dialog.reason_boxes.get(reason_id)
            if box is not None:
                box.setChecked(True)
        dialog.submit()
    pixmap = s.over(window, dialog)
    dialog.close()
    return pixmap


@shot("bureaux-edit")
def bureaux_edit_shot(s: Shooter) -> QPixmap:
    """The dialog that edits an opening range, prefilled from the first one of the list."""
    window = s.main_window("supervisor")
    screen = window.workspace.show_screen("bureaux")
    screen.tabs.setCurrentWidget(screen.schedules)
    s.settle()
    panel = screen.schedules
    if not panel.model.rowCount():
        return window.grab()
    panel.view.selectRow(0)
    s.settle()
    dialog = panel.edit_schedule()
    assert dialog is not None
    s.settle()
    pixmap = s.over(window, dialog)
    dialog.close()
    return pixmap


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a temporary seeded SQLite file)")
    parser.add_argument("--out", default="screenshots", help="output folder")
    parser.add_argument("--only", nargs="*", help="names of the shots to take")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="advisor-desk-shots-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["ADVISOR_DESK_DATA_DIR"] = str(tmp / "data")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
        url, password, logins = prepare_database(args.db, tmp)
        shooter = Shooter(url, password, logins)
        for item in SHOTS:
            if args.only and item.name not in args.only:
                continue
            result = item.make(shooter)
            pixmap = result if isinstance(result, QPixmap) else result.grab()
            path = out / f"{item.name}.png"
            pixmap.save(str(path))
            print(path)
            shooter.close_all()
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog):
                    widget.close()
        shooter.ops.shutdown()
        shooter.backend.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
