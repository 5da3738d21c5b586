"""The mail queue as a Qt table model: pages loaded on demand, breached deadlines highlighted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from advisor_desk.backend.mail_dto import ThreadRow
from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.enums import MailState, MailTheme
from advisor_desk.models.table import Column, Index, RowTableModel

BREACHED_BACKGROUND = QColor(255, 228, 220)


def theme_label(theme: MailTheme) -> str:
    labels = {
        MailTheme.RIGHTS_VITALE: QCoreApplication.translate(
            "MailQueueModel", "Rights, Vitale card"
        ),
        MailTheme.REIMBURSEMENTS: QCoreApplication.translate("MailQueueModel", "Reimbursements"),
        MailTheme.SICK_LEAVE: QCoreApplication.translate("MailQueueModel", "Sick leave"),
        MailTheme.CSS: QCoreApplication.translate("MailQueueModel", "CSS"),
        MailTheme.WORK_ACCIDENT: QCoreApplication.translate("MailQueueModel", "Work accident"),
        MailTheme.MATERNITY: QCoreApplication.translate("MailQueueModel", "Maternity, paternity"),
        MailTheme.ADDRESS_BANK: QCoreApplication.translate(
            "MailQueueModel", "Address, bank details"
        ),
        MailTheme.OTHER: QCoreApplication.translate("MailQueueModel", "Other"),
    }
    return labels[theme]


def state_label(state: MailState) -> str:
    labels = {
        MailState.NEW: QCoreApplication.translate("MailQueueModel", "New"),
        MailState.OPEN: QCoreApplication.translate("MailQueueModel", "Open"),
        MailState.PENDING: QCoreApplication.translate("MailQueueModel", "Waiting for member"),
        MailState.CLOSED: QCoreApplication.translate("MailQueueModel", "Closed"),
    }
    return labels[state]


def _when(at: datetime | None, now: datetime | None = None) -> str:
    """Day and time in Paris; the year only when it is not the current one (as mail
    clients do: the queue's columns stay narrow)."""
    if at is None:
        return ""
    local = at.astimezone(PARIS)
    this_year = (now or datetime.now(UTC)).astimezone(PARIS).year
    return local.strftime("%d/%m %H:%M" if local.year == this_year else "%d/%m/%Y %H:%M")


def sla_text(row: ThreadRow) -> str:
    sla = row.sla
    if sla.paused:
        return QCoreApplication.translate("MailQueueModel", "paused")
    if sla.hours_left is None:
        return ""
    if sla.breached:
        return QCoreApplication.translate("MailQueueModel", "late by {h} h").format(
            h=QLocale().toString(-sla.hours_left, "f", 1)
        )
    return QCoreApplication.translate("MailQueueModel", "{h} h left").format(
        h=QLocale().toString(sla.hours_left, "f", 1)
    )


def queue_columns() -> list[Column[ThreadRow]]:
    return [
        Column(QCoreApplication.translate("MailQueueModel", "Subject"), lambda r: r.subject),
        Column(
            QCoreApplication.translate("MailQueueModel", "Theme"), lambda r: theme_label(r.theme)
        ),
        Column(
            QCoreApplication.translate("MailQueueModel", "State"), lambda r: state_label(r.state)
        ),
        Column(
            QCoreApplication.translate("MailQueueModel", "Received"),
            lambda r: _when(r.created_at),
            sort_key=lambda r: r.created_at,
        ),
        Column(
            QCoreApplication.translate("MailQueueModel", "Deadline"),
            sla_text,
            sort_key=lambda r: r.sla.hours_left if r.sla.hours_left is not None else 1e9,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("MailQueueModel", "Agent"),
            lambda r: r.assigned_agent_name or "",
        ),
    ]


class MailQueueModel(RowTableModel[ThreadRow]):
    """One view of the queue; the next page is asked for when the view scrolls to the end."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(queue_columns(), parent)
        self._total = 0
        self._loading = False
        # Set by the screen: asks the backend for the rows from `offset` (in the background).
        self.fetcher: Callable[[int], None] | None = None

    @property
    def total(self) -> int:
        return self._total

    def set_page(self, rows: Sequence[ThreadRow], total: int) -> None:
        self._total = max(total, len(rows))
        self._loading = False
        self.set_rows(rows)

    def append_rows(self, rows: Sequence[ThreadRow], offset: int) -> None:
        """Rows of a later page; dropped when the list was reloaded in between."""
        self._loading = False
        if offset != self.rowCount() or not rows:
            return
        first = self.rowCount()
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return (
            not parent.isValid()
            and self.fetcher is not None
            and not self._loading
            and self.rowCount() < self._total
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if self.canFetchMore(parent) and self.fetcher is not None:
            self._loading = True
            self.fetcher(self.rowCount())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole)
            and index.isValid()
            and 0 <= index.row() < self.rowCount()
            and self.row_at(index.row()).sla.breached
        ):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(BREACHED_BACKGROUND)
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)

    def row_index_of(self, thread_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == thread_id:
                return i
        return None


class MemberThreadsModel(RowTableModel[ThreadRow]):
    """The member file's Messages tab: every thread of one member, the latest exchange first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("MailQueueModel", "Last message"),
                    lambda r: _when(r.last_message_at),
                    sort_key=lambda r: r.last_message_at,
                ),
                Column(
                    QCoreApplication.translate("MailQueueModel", "Subject"), lambda r: r.subject
                ),
                Column(
                    QCoreApplication.translate("MailQueueModel", "Theme"),
                    lambda r: theme_label(r.theme),
                ),
                Column(
                    QCoreApplication.translate("MailQueueModel", "State"),
                    lambda r: state_label(r.state),
                ),
                Column(
                    QCoreApplication.translate("MailQueueModel", "Agent"),
                    lambda r: r.assigned_agent_name or "",
                ),
            ],
            parent,
        )
