"""The Reimbursements tab of the member file: "was I reimbursed?" answered in a few seconds.

Lines are fetched page by page as the table scrolls; sorting, filters and totals run in the
backend. Documents (certificates, statements) are issued from here, off the GUI thread.
"""

from __future__ import annotations

import dataclasses
from calendar import monthrange
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.reimbursements_dto import (
    MonthlyStatementSummary,
    ReimbursementFilter,
    ReimbursementOverview,
    ReimbursementPage,
    ReimbursementTotals,
)
from advisor_desk.domain.enums import DocumentKind
from advisor_desk.domain.money import format_eur
from advisor_desk.domain.permissions import Permission
from advisor_desk.models.reimbursements import PAGE_SIZE, ReimbursementsModel
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.documents.documents_menu import DocumentsMenu
from advisor_desk.ui.documents.issuer import DocumentIssuer
from advisor_desk.ui.documents.request import DocumentRequest
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.state_panel import StatePanel

from .reimbursements_filter_bar import ReimbursementsFilterBar
from .reimbursements_months import MonthlyStatementsList
from .table_columns import fit_columns

FILTER_DELAY_MS = 250  # typing a date or going through a combo with the arrows


class ReimbursementsTab(QWidget):
    @staticmethod
    def title() -> str:
        """The tab's title in the member file."""
        return QCoreApplication.translate("ReimbursementsTab", "Reimbursements")

    def __init__(self, app: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reimbursementsTab")
        self._app = app
        self.member_id = member_id
        self.overview: ReimbursementOverview | None = None
        self.totals: ReimbursementTotals | None = None
        self._month: tuple[int, int] | None = None

        self.filters = ReimbursementsFilterBar(self)
        self.filters.setEnabled(False)
        self.group = QCheckBox(self.tr("&Group by monthly statement"), self)
        self.group.setToolTip(self.tr("Show the month's payments as on the member's account"))
        self.menu = DocumentsMenu(self)
        self.menu.set_can_issue(app.allows(Permission.DOCUMENT_ISSUE.value))
        self.menu.verify_action.setEnabled(app.allows(Permission.DOCUMENT_VERIFY.value))
        # The shortcuts work while the focus is anywhere in the tab.
        self.addActions(self.menu.actions())
        self.documents = QToolButton(self)
        self.documents.setObjectName("documentsButton")
        self.documents.setText(self.tr("&Documents"))
        self.documents.setToolTip(
            self.tr("Issue a certificate or a statement (Ctrl+Shift+A: rights certificate)")
        )
        self.documents.setMenu(self.menu)
        self.documents.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.busy = QLabel(self)
        self.busy.setObjectName("documentsBusy")

        self.model = ReimbursementsModel(self._fetch, self._run, self, page_size=PAGE_SIZE)
        self.view = QTableView(self)
        self.view.setObjectName("reimbursementsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # Fixed row heights: the view never measures 10,000 rows.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        self._fitted = False
        self.state = StatePanel(self.view, self)
        self.state.retry_requested.connect(self.load)
        self.months = MonthlyStatementsList(self)
        self.months.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.months)
        self.splitter.addWidget(self.state)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 940])
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("reimbursementTotals")
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The totals of many lines run long: on two lines rather than a wider member file.
        self.totals_label.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(self.group)
        bar.addStretch(1)
        bar.addWidget(self.busy)
        bar.addWidget(self.documents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.totals_label)

        self.issuer = DocumentIssuer(app, member_id, self)
        self.issuer.busy_changed.connect(self._issuing)
        self.issuer.failed.connect(self._issue_failed)
        self.menu.requested.connect(self.issuer.request)
        self.menu.verify_requested.connect(self.issuer.verify)
        self.months.issue_requested.connect(
            lambda y, m: self.issuer.issue(
                DocumentRequest(DocumentKind.MONTHLY_STATEMENT, year=y, month=m)
            )
        )

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.filters.changed.connect(self._debounce.start)
        self.group.toggled.connect(self._group_toggled)
        self.months.month_selected.connect(self._month_selected)
        self.months.cleared.connect(self._month_cleared)
        self.model.loading_changed.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)
        self.model.modelReset.connect(self._update_state)
        self.model.failed.connect(self._update_state)
        self.model.sort_applied.connect(self._show_sort)
        # The member file calls load() when the tab is first shown.

    # ------------------------------------------------------------------ loading

    def _fetch(self, f: ReimbursementFilter, cursor: str | None, limit: int) -> ReimbursementPage:
        return self._app.backend.reimbursements.page(self.member_id, f, cursor, limit)

    def _run(self, task, on_success, on_failure) -> None:  # type: ignore[no-untyped-def]
        self._app.ops.call(
            task, on_success=on_success, on_failure=lambda e: on_failure(e.message), owner=self
        )

    def load(self) -> None:
        """(Re)load the filters' choices, then the lines."""
        self.state.show_loading(self.tr("Loading the reimbursements…"))
        member_id = self.member_id
        self._app.ops.call(
            lambda: self._app.backend.reimbursements.overview(member_id),
            on_success=self._overview_loaded,
            on_failure=self._overview_failed,
            owner=self,
            key=f"reimbursements.overview.{member_id}",
        )

    def _overview_loaded(self, overview: ReimbursementOverview) -> None:
        self.overview = overview
        self.issuer.beneficiaries = list(overview.beneficiaries)
        self.filters.set_overview(overview)
        self.filters.setEnabled(True)
        self.apply_filters()
        self.view.setSortingEnabled(True)

    def _overview_failed(self, error: OpError) -> None:
        self.state.show_error(error.message)

    def current_filter(self) -> ReimbursementFilter:
        f = self.filters.apply_to(self.model.filter)
        if self._month is not None:
            # A statement is the month's payments, whatever the care dates.
            y, m = self._month
            return dataclasses.replace(
                f,
                care_from=None,
                care_to=None,
                paid_from=date(y, m, 1),
                paid_to=date(y, m, monthrange(y, m)[1]),
            )
        return dataclasses.replace(f, paid_from=None, paid_to=None)

    def apply_filters(self) -> None:
        self._debounce.stop()
        f = self.current_filter()
        self.model.set_filter(f)
        self.totals_label.setText(self.tr("Computing the totals…"))
        member_id = self.member_id
        self._app.ops.call(
            lambda: self._app.backend.reimbursements.totals(member_id, f),
            on_success=self._show_totals,
            on_failure=lambda e: self.totals_label.setText(e.message),
            owner=self,
            key=f"reimbursements.totals.{member_id}",
        )
        if self.group.isChecked() and self._month is None:
            self._load_months()

    def _show_totals(self, t: ReimbursementTotals) -> None:
        self.totals = t
        self.totals_label.setText(
            self.tr(
                "{lines} line(s) — charged {charged} — reimbursed {reimbursed} (to the member "
                "{member}, to professionals {pros}) — participation {participation} — "
                "franchises {franchise} — pending {pending}, rejected {rejected}"
            ).format(
                lines=t.lines,
                charged=format_eur(t.charged_cents),
                reimbursed=format_eur(t.reimbursed_cents),
                member=format_eur(t.paid_to_member_cents),
                pros=format_eur(t.paid_to_professional_cents),
                participation=format_eur(t.participation_cents),
                franchise=format_eur(t.franchise_cents),
                pending=t.pending_lines,
                rejected=t.rejected_lines,
            )
        )

    def _update_state(self, *_args: object) -> None:
        if not self._fitted and self.model.rowCount() > 0:
            # Once, on the first page: the columns keep their widths while pages arrive.
            self._fitted = True
            fit_columns(self.view)
        if self.model.error is not None:
            self.state.show_error(self.model.error)
        elif self.model.rowCount() > 0:
            self.state.show_content()
        elif self.model.loading:
            self.state.show_loading(self.tr("Loading the reimbursements…"))
        elif self.overview is not None:
            self.state.show_empty(self.tr("No reimbursement matches these filters."))

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    # ------------------------------------------------------------------ monthly statements

    def _group_toggled(self, on: bool) -> None:
        self.months.setVisible(on)
        if on:
            self._load_months()
        elif self._month is not None:
            self._month = None
            self.apply_filters()

    def _load_months(self) -> None:
        f = self.filters.apply_to(ReimbursementFilter())
        start, end = f.care_from or date(2000, 1, 1), f.care_to or date.today()
        member_id = self.member_id
        self._app.ops.call(
            lambda: self._app.backend.reimbursements.monthly_statements(member_id, start, end),
            on_success=self._months_loaded,
            on_failure=lambda e: self.state.show_error(e.message),
            owner=self,
            key=f"reimbursements.months.{member_id}",
        )

    def _months_loaded(self, rows: list[MonthlyStatementSummary]) -> None:
        self.months.set_rows(rows)

    def _month_selected(self, year: int, month: int) -> None:
        self._month = (year, month)
        self.issuer.default_month = (year, month)
        self.apply_filters()

    def _month_cleared(self) -> None:
        if self._month is not None:
            self._month = None
            self.apply_filters()

    # ------------------------------------------------------------------ documents

    def _issuing(self, busy: bool) -> None:
        self.busy.setText(self.tr("Generating the document…") if busy else "")
        self.documents.setEnabled(not busy)

    def _issue_failed(self, message: str) -> None:
        self.busy.setText(message)

    def select_line(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0, QModelIndex()))
