"""The member file: a header that stays, and tabs each read in one backend call when first shown."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from advisor_desk.backend.ameli_dto import AmeliAccountInfo, ProvisionalCodeLetter
from advisor_desk.backend.declarations_dto import DeclarationDetail
from advisor_desk.backend.members_dto import (
    AldInfo,
    DeclarationSummary,
    DependentInfo,
    LeavesInfo,
    MemberIdentity,
)
from advisor_desk.models.member_file import AldModel
from advisor_desk.models.member_file_labels import fmt_date
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.declarations.file_button import FileRequestButton
from advisor_desk.ui.declarations.filing_dialog import TOPIC as DECLARATIONS_TOPIC
from advisor_desk.ui.documents.preview_dialog import PdfPreviewDialog, PrivatePdf
from advisor_desk.ui.ops import OpError, OpHandle
from advisor_desk.ui.state_panel import StatePanel

from .dependent_dialog import DependentDialog
from .identity_tab import IdentityTab
from .leaves_tab import LeavesTab
from .member_header import MemberHeaderBar
from .requests_tab import RequestsTab
from .table_tab import TableTab

T = TypeVar("T")

REVEAL_IBAN = "member.reveal_iban"
DIRECTORY_READ = "directory.read"
AMELI_ASSIST = "ameli.assist"


@dataclass(frozen=True)
class MemberTab:
    """A tab a later feature adds to the file (reimbursements, appointments, messages…).

    `factory` ("package.module:Class") is called as Class(app, member_id, parent) each time a
    member is opened, and the widget is destroyed at "Member done"; its `load()`, if any, is
    called the first time the tab is shown.
    """

    title_source: str  # English, translated in the "member_tabs" context; '&' marks the Alt key
    permissions: tuple[str, ...]
    factory: str


# Appended to by the features that bring their own tab; shown after the four tabs below.
EXTRA_TABS: list[MemberTab] = [
    MemberTab(
        str(QT_TRANSLATE_NOOP("member_tabs", "A&ppointments")),
        ("appointment.book",),
        "advisor_desk.ui.appointments.member_tab:MemberAppointmentsTab",
    ),
    MemberTab(
        str(QT_TRANSLATE_NOOP("member_tabs", "Rei&mbursements")),
        ("reimbursement.read",),
        "advisor_desk.ui.member.reimbursements_tab:ReimbursementsTab",
    ),
    MemberTab(
        str(QT_TRANSLATE_NOOP("member_tabs", "Deduc&tibles")),
        ("reimbursement.read",),
        "advisor_desk.ui.member.deductibles_panel:DeductiblesPanel",
    ),
    MemberTab(
        str(QT_TRANSLATE_NOOP("member_tabs", "Me&ssages")),
        ("member.read",),
        "advisor_desk.ui.mail.member_messages_tab:MemberMessagesTab",
    ),
]


class MemberFileView(QWidget):
    done_requested = Signal()
    identity_loaded = Signal(object)  # MemberIdentity

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberFile")
        self._app = app
        self.member_id: int | None = None
        self._select_dependent: int | None = None
        self._loaded: set[QWidget] = set()
        self._failed: set[QWidget] = set()  # the identity or tabs whose last read failed
        self._handles: list[OpHandle] = []
        self._dialogs: list[DependentDialog] = []
        self._extra: list[QWidget] = []
        self.identity_info: MemberIdentity | None = None
        self.ameli_letter: PdfPreviewDialog | None = None  # the code's letter, while shown
        self._filed: DeclarationDetail | None = None  # to select once the requests are read

        self.header = MemberHeaderBar(self)
        self.header.done_requested.connect(self.done_requested)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("memberTabs")
        self.tabs.setDocumentMode(True)
        # Later features add tabs: scroll them rather than widen the window.
        self.tabs.setUsesScrollButtons(True)
        self.identity = IdentityTab(self.tabs)
        self.identity.reveal_requested.connect(self.reveal_iban)
        self.identity.directory_requested.connect(app.open_directory)
        self.identity.dependent_opened.connect(self.open_dependent)
        self.identity.ameli.issue_requested.connect(self.issue_ameli_code)
        self.identity.ameli.unlock_requested.connect(self.unlock_ameli)
        self.alds = TableTab(
            AldModel(),
            self.tr("No ALD (long-term condition) on file."),
            self.tr(
                "An ALD ending within three months is flagged for renewal, "
                "as is an expired care protocol."
            ),
            self.tabs,
        )
        self.alds.setObjectName("aldTab")
        self.leaves = LeavesTab(self.tabs)
        self.declarations = RequestsTab(
            app,
            self.tr("No request filed by or for this member."),
            self.tr("Requests in progress are in bold, with their estimated processing date."),
            self.tabs,
        )
        self.declarations.setObjectName("declarationsTab")
        self.tabs.addTab(self.identity, self.tr("&Identity and rights"))
        self.tabs.addTab(self.alds, self.tr("&ALD"))
        self.tabs.addTab(self.leaves, self.tr("Sick &leaves and AT/MP"))
        self.tabs.addTab(self.declarations, self.tr("&Requests"))
        # Filing a request for the member is done from the file, beside the tabs.
        self.file_request = FileRequestButton(app, self.tabs)
        self.tabs.setCornerWidget(self.file_request, Qt.Corner.TopRightCorner)
        self.file_request.filed.connect(self._request_filed)
        app.bus.changed.connect(self._bus_changed)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.alds.retry_requested.connect(self._reload_current)
        self.leaves.retry_requested.connect(self._reload_current)
        self.declarations.retry_requested.connect(self._reload_current)

        self.state = StatePanel(self.tabs, self)
        self.state.retry_requested.connect(self._reload_identity)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.state, 1)

        self._shortcut("Esc", self.done_requested.emit)
        self._shortcut("Ctrl+Tab", lambda: self._step_tab(1))
        self._shortcut("Ctrl+Shift+Tab", lambda: self._step_tab(-1))
        self._shortcut("Ctrl+PgDown", lambda: self._step_tab(1))
        self._shortcut("Ctrl+PgUp", lambda: self._step_tab(-1))

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        # Only while the file (or one of its widgets) has the focus: other screens keep their keys.
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def _step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
            self.focus_current_tab()

    def focus_current_tab(self) -> None:
        page = self.tabs.currentWidget()
        target = page.focusWidget() if page is not None else None
        if page is self.identity:
            target = self.identity
        elif isinstance(page, TableTab):
            target = page.view
        elif page is self.leaves:
            target = self.leaves.leaves
        (target or self.tabs.tabBar()).setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- opening ----------------------------------------------------------------------------

    def open(self, member_id: int, dependent_id: int | None = None) -> None:
        """Show the member's file: the header and identity now, the other tabs when shown."""
        self.clear()
        self.member_id = member_id
        self._select_dependent = dependent_id
        self._build_extra_tabs(member_id)
        self.file_request.set_member(member_id)
        self.tabs.setCurrentIndex(0)
        self._reload_identity()

    def _bus_changed(self, topic: str, payload: object) -> None:
        """A request of this member was filed or decided: its effects show in the file.

        Back after a lost connection, what failed to load is read again."""
        if topic == Topics.CONNECTION_RESTORED and self.member_id is not None:
            failed, self._failed = self._failed, set()
            for page in failed:
                if page is self.identity or page is self.tabs.currentWidget():
                    self._load(page)
            return
        if topic != DECLARATIONS_TOPIC or self.member_id is None:
            return
        if getattr(payload, "member_id", None) not in (None, self.member_id):
            return
        self._loaded.discard(self.declarations)
        self._reload_identity()
        if self.tabs.currentWidget() is self.declarations:
            self._load(self.declarations)

    def _reload_identity(self) -> None:
        member_id = self.member_id
        if member_id is None:
            return
        self._failed.discard(self.identity)
        self.header.show_loading()
        self.state.show_loading(self.tr("Opening the file…"))
        backend = self._app.backend
        self._call(
            lambda: backend.members.identity(member_id),
            member_id,
            self._identity_loaded,
            self._identity_failed,
            "member_file.identity",
        )
        self._reload_ameli()

    def _reload_ameli(self) -> None:
        """The ameli account group: its own call, read with the identity."""
        member_id = self.member_id
        if member_id is None:
            return
        box = self.identity.ameli
        box.can_act = self._app.allows(AMELI_ASSIST)
        box.show_loading()
        ameli = self._app.backend.ameli
        self._call(
            lambda: ameli.account(member_id),
            member_id,
            box.set_account,
            self._ameli_failed,
            "member_file.ameli",
        )

    def _ameli_failed(self, error: OpError) -> None:
        if error.unavailable:
            self._failed.add(self.identity)  # read again, with the identity, once back
        self.identity.ameli.show_error(error.message)

    def _call(
        self,
        fn: Callable[[], T],
        member_id: int,
        on_success: Callable[[T], None],
        on_failure: Callable[[OpError], None],
        key: str,
    ) -> None:
        """Run a backend read; its result is dropped if another member was opened meanwhile."""

        def success(value: T) -> None:
            if self.member_id == member_id:
                on_success(value)

        def failure(error: OpError) -> None:
            if self.member_id == member_id:
                on_failure(error)

        handle = self._app.ops.call(fn, on_success=success, on_failure=failure, key=key, owner=self)
        self._handles = [h for h in self._handles if h.pending] + [handle]

    def _identity_loaded(self, info: MemberIdentity) -> None:
        self.identity_info = info
        self.header.set_header(info.header)
        self.identity.set_identity(
            info,
            can_reveal=self._app.allows(REVEAL_IBAN),
            can_find_care=self._app.allows(DIRECTORY_READ),
        )
        self._loaded.add(self.identity)
        self.state.show_content()
        if self._select_dependent is not None:
            self.identity.select_dependent(self._select_dependent)
        self.identity_loaded.emit(info)
        self.focus_current_tab()

    def _identity_failed(self, error: OpError) -> None:
        self._failed.add(self.identity)
        self.header.clear()
        self.state.show_error(error.message)

    # -- the other tabs -----------------------------------------------------------------------

    def _on_tab_changed(self, _index: int) -> None:
        page = self.tabs.currentWidget()
        if self.member_id is None or page is None or page in self._loaded:
            return
        self._load(page)

    def _reload_current(self) -> None:
        page = self.tabs.currentWidget()
        if page is not None and self.member_id is not None:
            self._load(page)

    def _load(self, page: QWidget) -> None:
        member_id = self.member_id
        assert member_id is not None
        self._failed.discard(page)
        members = self._app.backend.members
        if page is self.alds:
            self.alds.show_loading()
            self._call(
                lambda: members.alds(member_id), member_id, self._alds_loaded,
                self._tab_failed(self.alds), "member_file.alds",
            )  # fmt: skip
        elif page is self.leaves:
            self.leaves.show_loading()
            self._call(
                lambda: members.leaves(member_id), member_id, self._leaves_loaded,
                self._tab_failed(self.leaves), "member_file.leaves",
            )  # fmt: skip
        elif page is self.declarations:
            self.declarations.show_loading()
            self._call(
                lambda: members.declarations(member_id), member_id, self._declarations_loaded,
                self._tab_failed(self.declarations), "member_file.declarations",
            )  # fmt: skip
        elif page is self.identity:
            self._reload_identity()
        else:
            self._loaded.add(page)
            load = getattr(page, "load", None)
            if callable(load):
                load()

    def _tab_failed(self, tab: TableTab | LeavesTab) -> Callable[[OpError], None]:
        def failed(error: OpError) -> None:
            self._failed.add(tab)
            tab.show_error(error.message)

        return failed

    def _alds_loaded(self, alds: list[AldInfo]) -> None:
        self._loaded.add(self.alds)
        self.alds.set_rows(alds)

    def _leaves_loaded(self, info: LeavesInfo) -> None:
        self._loaded.add(self.leaves)
        self.leaves.set_leaves(info)

    def _declarations_loaded(self, rows: list[DeclarationSummary]) -> None:
        self._loaded.add(self.declarations)
        self.declarations.set_rows(rows)
        filed, self._filed = self._filed, None
        if filed is not None and self.declarations.select_declaration(filed.id):
            self.declarations.receipt.offer(filed.number)

    def _build_extra_tabs(self, member_id: int) -> None:
        for spec in EXTRA_TABS:
            if not self._app.allows(*spec.permissions):
                continue
            module, _, name = spec.factory.partition(":")
            cls: Any = getattr(importlib.import_module(module), name)
            widget = cls(self._app, member_id, self.tabs)
            self._extra.append(widget)
            self.tabs.addTab(widget, QCoreApplication.translate("member_tabs", spec.title_source))

    # -- actions ------------------------------------------------------------------------------

    def _request_filed(self, detail: DeclarationDetail) -> None:
        """Show the new request selected in the Requests tab, its receipt one key away."""
        self._filed = detail
        # The filing's bus message has already marked the tab for reloading.
        self.tabs.setCurrentWidget(self.declarations)

    def reveal_iban(self) -> None:
        member_id = self.member_id
        if member_id is None:
            return
        members = self._app.backend.members
        self._call(
            lambda: members.reveal_iban(member_id),
            member_id,
            self.identity.show_iban,
            lambda error: self.identity.show_bank_error(error.message),
            "member_file.reveal_iban",
        )

    def issue_ameli_code(self) -> None:
        """Hand the member a provisional ameli code: the letter opens in the preview."""
        member_id = self.member_id
        if member_id is None:
            return
        box = self.identity.ameli
        box.set_busy(True, self.tr("Issuing the code…"))
        ameli = self._app.backend.ameli
        self._call(
            lambda: ameli.issue_code(member_id),
            member_id,
            self._ameli_code_issued,
            self._ameli_action_failed,
            "member_file.ameli_code",
        )

    def _ameli_code_issued(self, letter: ProvisionalCodeLetter) -> None:
        box = self.identity.ameli
        box.set_account(letter.account)
        box.show_notice(
            self.tr(
                "Code handed over, valid until {date}: print the letter (or save it) and give "
                "it to the member. It is not kept: once closed, only a new code can replace it."
            ).format(date=fmt_date(letter.valid_until))
        )
        self.show_ameli_letter(letter)

    def show_ameli_letter(self, letter: ProvisionalCodeLetter) -> PdfPreviewDialog:
        if self.ameli_letter is not None:
            self.ameli_letter.close()
        document = PrivatePdf(
            title=self.tr("ameli provisional code"),
            filename=letter.filename,
            pdf=letter.pdf,
            info=self.tr(
                "Letter for the member, with the provisional code valid until {date}. It is "
                "neither registered nor sent: print it or save it now."
            ).format(date=fmt_date(letter.valid_until)),
        )
        dialog = PdfPreviewDialog(self._app, document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "ameli_letter", None))
        self.ameli_letter = dialog
        dialog.open()
        return dialog

    def unlock_ameli(self) -> None:
        member_id = self.member_id
        if member_id is None:
            return
        box = self.identity.ameli
        box.set_busy(True, self.tr("Unlocking…"))
        ameli = self._app.backend.ameli
        self._call(
            lambda: ameli.unlock(member_id),
            member_id,
            self._ameli_unlocked,
            self._ameli_action_failed,
            "member_file.ameli_unlock",
        )

    def _ameli_unlocked(self, info: AmeliAccountInfo) -> None:
        box = self.identity.ameli
        box.set_account(info)
        box.show_notice(self.tr("The account is unlocked: the member can sign in again."))

    def _ameli_action_failed(self, error: OpError) -> None:
        """Refused or failed: say why, and read the account again (it may have changed)."""
        box = self.identity.ameli
        box.show_error(error.message)
        if error.unavailable:
            # Read again once back: a code stored whose letter was lost shows as pending,
            # and a new code replaces it.
            self._failed.add(self.identity)
        elif self.member_id is not None:
            ameli = self._app.backend.ameli
            member_id = self.member_id
            self._call(
                lambda: ameli.account(member_id),
                member_id,
                box.set_account,
                lambda _error: None,
                "member_file.ameli",
            )

    def open_dependent(self, dependent: DependentInfo) -> DependentDialog:
        holder = ""
        if self.identity_info is not None:
            h = self.identity_info.header
            holder = f"{h.last_name} {h.first_names}"
        dialog = DependentDialog(dependent, holder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs = [d for d in self._dialogs if shiboken6.isValid(d)] + [dialog]
        dialog.open()
        return dialog

    # -- member done --------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the member: pending reads dropped, every tab emptied, extra tabs destroyed."""
        for handle in self._handles:
            handle.cancel()
        self._handles = []
        for dialog in self._dialogs:
            if shiboken6.isValid(dialog):
                dialog.close()
        self._dialogs = []
        if self.ameli_letter is not None:
            self.ameli_letter.close()  # the code's letter must not outlive the member
            self.ameli_letter = None
        self.member_id = None
        self.file_request.set_member(None)
        self._select_dependent = None
        self._filed = None
        self.identity_info = None
        self._loaded.clear()
        self._failed.clear()
        self.header.clear()
        self.identity.clear()
        self.alds.clear()
        self.leaves.clear()
        self.declarations.clear()
        for widget in self._extra:
            self.tabs.removeTab(self.tabs.indexOf(widget))
            widget.deleteLater()
        self._extra = []
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(0)
        self.tabs.blockSignals(False)
        self.state.show_content()
