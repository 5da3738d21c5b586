"""The reimbursement lines of one member, fetched page by page (keyset) as the view scrolls.

Sorting and filtering are the backend's: `sort()` and `set_filter()` start a new listing, and
the rows never hold more than what was scrolled through.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from advisor_desk.backend.reimbursements_dto import (
    MonthlyStatementSummary,
    ReimbursementFilter,
    ReimbursementPage,
    ReimbursementRow,
    ReimbursementSort,
)
from advisor_desk.domain.enums import Payee, ReimbursementStatus
from advisor_desk.domain.errors import AdvisorDeskError
from advisor_desk.domain.money import format_eur

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200

# fetch(filter, cursor, limit) → one page; runs wherever the runner runs it.
Fetch = Callable[[ReimbursementFilter, str | None, int], ReimbursementPage]
# runner(task, on_success, on_failure): the shell's ops runner in the app, direct in tests.
Runner = Callable[
    [Callable[[], ReimbursementPage], Callable[[ReimbursementPage], None], Callable[[str], None]],
    None,
]


def direct_runner(
    task: Callable[[], ReimbursementPage],
    on_success: Callable[[ReimbursementPage], None],
    on_failure: Callable[[str], None],
) -> None:
    """Run the fetch in the calling thread (tests, scripts)."""
    try:
        page = task()
    except AdvisorDeskError as exc:
        on_failure(exc.message)
    else:
        on_success(page)


def fr_date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d is not None else ""


def status_text(row: ReimbursementRow) -> str:
    if row.status is ReimbursementStatus.PAID:
        return QCoreApplication.translate("ReimbursementsModel", "Paid")
    if row.status is ReimbursementStatus.PENDING:
        return QCoreApplication.translate("ReimbursementsModel", "Pending")
    return QCoreApplication.translate("ReimbursementsModel", "Rejected: {reason}").format(
        reason=row.rejection_reason or ""
    )


@dataclass(frozen=True)
class _Column:
    title: str
    text: Callable[[ReimbursementRow], str]
    sort: ReimbursementSort | None = None
    amount: bool = False


def _columns() -> list[_Column]:
    c = _Column
    return [
        c(
            QCoreApplication.translate("ReimbursementsModel", "Care date"),
            lambda r: fr_date(r.care_date),
            ReimbursementSort.CARE_DATE,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Beneficiary"),
            lambda r: r.beneficiary,
            ReimbursementSort.BENEFICIARY,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Professional"),
            lambda r: r.professional or "",
            ReimbursementSort.PROFESSIONAL,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Act"),
            lambda r: r.act_label,
            ReimbursementSort.ACT,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Charged"),
            lambda r: format_eur(r.charged_cents),
            ReimbursementSort.CHARGED,
            True,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Base"),
            lambda r: format_eur(r.base_cents),
            None,
            True,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Rate"),
            lambda r: f"{r.rate_pct} %",
            None,
            True,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Reimbursed"),
            lambda r: format_eur(r.reimbursed_cents),
            ReimbursementSort.REIMBURSED,
            True,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Participation"),
            lambda r: format_eur(r.participation_cents),
            None,
            True,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Franchise"),
            lambda r: format_eur(r.franchise_cents),
            None,
            True,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Paid to"),
            lambda r: (
                QCoreApplication.translate("ReimbursementsModel", "Member")
                if r.payee is Payee.MEMBER
                else QCoreApplication.translate("ReimbursementsModel", "Professional")
            ),
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Payment date"),
            lambda r: fr_date(r.payment_date),
            ReimbursementSort.PAYMENT_DATE,
        ),
        c(
            QCoreApplication.translate("ReimbursementsModel", "Status"),
            status_text,
            ReimbursementSort.STATUS,
        ),
    ]


class ReimbursementsModel(QAbstractTableModel):
    """Rows of the current filter; `fetchMore` asks the backend for the page after the last row."""

    loading_changed = Signal(bool)
    failed = Signal(str)
    sort_applied = Signal(int, Qt.SortOrder)  # the column and order the rows are sorted by

    def __init__(
        self,
        fetch: Fetch,
        runner: Runner = direct_runner,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._runner = runner
        self._page_size = page_size
        self._columns = _columns()
        self._rows: list[ReimbursementRow] = []
        self._filter = ReimbursementFilter()
        self._cursor: str | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self._error: str | None = None

    # ---------------------------------------------------------------- state

    @property
    def filter(self) -> ReimbursementFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def error(self) -> str | None:
        return self._error

    def row_at(self, row: int) -> ReimbursementRow:
        return self._rows[row]

    def set_filter(self, new: ReimbursementFilter) -> None:
        """Start a new listing with this filter (keeps nothing of the previous one)."""
        self.beginResetModel()
        self._filter = new
        self._rows = []
        self._cursor = None
        self._more = True
        self._error = None
        self._generation += 1  # results of the previous listing are dropped
        self._set_loading(False)
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def reload(self) -> None:
        self.set_filter(self._filter)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._more = False
        self._generation += 1
        self._set_loading(False)
        self.endResetModel()

    def sort_column(self) -> int:
        for i, c in enumerate(self._columns):
            if c.sort is self._filter.sort:
                return i
        return 0

    # ---------------------------------------------------------------- Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.status is ReimbursementStatus.REJECTED:
                return status_text(row)
            return (
                f"{row.act_code} — {row.act_label}"
                if column.sort is ReimbursementSort.ACT
                else None
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.amount:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.status is ReimbursementStatus.REJECTED:
            return QBrush(QColor("#b3261e"))
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self._columns)):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole and column.sort is None:
            return QCoreApplication.translate("ReimbursementsModel", "This column cannot be sorted")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.amount:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._loading and self._error is None

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more or self._loading:
            return
        generation = self._generation
        f, cursor, size = self._filter, self._cursor, self._page_size
        self._set_loading(True)
        self._runner(
            lambda: self._fetch(f, cursor, size),
            lambda page: self._append(generation, page),
            lambda message: self._fail(generation, message),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the backend's: a sortable column starts a new listing in that order."""
        if not (0 <= column < len(self._columns)):
            return
        key = self._columns[column].sort
        if key is None:
            # Not sortable server-side: keep the current order and say so to the header.
            current = self._filter
            order_now = (
                Qt.SortOrder.DescendingOrder if current.descending else Qt.SortOrder.AscendingOrder
            )
            self.sort_applied.emit(self.sort_column(), order_now)
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key is self._filter.sort and descending == self._filter.descending:
            return
        self.set_filter(dataclasses.replace(self._filter, sort=key, descending=descending))
        self.sort_applied.emit(column, order)

    # ---------------------------------------------------------------- internals

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _append(self, generation: int, page: ReimbursementPage) -> None:
        if generation != self._generation:
            return  # a page of a listing that was replaced meanwhile
        self._cursor = page.next_cursor
        self._more = page.next_cursor is not None
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            # Still "loading" until the views have seen the insertion: a view that asks for
            # more from its rowsInserted handler must not start a nested insertion.
            self.endInsertRows()
        self._set_loading(False)

    def _fail(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._error = message
        self._set_loading(False)
        self.failed.emit(message)


def _months_tr(text: str) -> str:
    return QCoreApplication.translate("MonthlyStatementsModel", text)


MONTHS: tuple[str, ...] = (  # type: ignore[assignment]
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "January"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "February"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "March"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "April"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "May"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "June"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "July"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "August"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "September"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "October"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "November"),
    QT_TRANSLATE_NOOP("MonthlyStatementsModel", "December"),
)


def month_label(year: int, month: int) -> str:
    return f"{_months_tr(MONTHS[month - 1])} {year}"


class MonthlyStatementsModel(QAbstractTableModel):
    """The months with payments (a member's monthly statements), newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MonthlyStatementSummary] = []

    def set_rows(self, rows: list[MonthlyStatementSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> MonthlyStatementSummary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return month_label(r.year, r.month)
            if col == 1:
                return str(r.lines)
            if col == 2:
                return format_eur(r.reimbursed_cents)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "MonthlyStatementsModel", "Paid to the member: {amount}; withheld: {withheld}"
            ).format(
                amount=format_eur(r.paid_to_member_cents),
                withheld=format_eur(r.deductibles_cents),
            )
        if role == ROW_ROLE:
            return r
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("MonthlyStatementsModel", "Statement"),
            QCoreApplication.translate("MonthlyStatementsModel", "Lines"),
            QCoreApplication.translate("MonthlyStatementsModel", "Reimbursed"),
        )
        return titles[section] if 0 <= section < 3 else None
