"""What the office settings panels share: the bus topic, table views, dates, list loading,
error display."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QSortFilterProxyModel,
    Qt,
    QTime,
)
from PySide6.QtWidgets import (
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from advisor_desk.models.table import SORT_ROLE
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError
from advisor_desk.ui.row_table import row_table
from advisor_desk.ui.state_panel import StatePanel

PARIS = ZoneInfo("Europe/Paris")

# Published after any write of the office settings (payload: the saved record, or None):
# the panels reload their lists and choices.
TOPIC = "offices"


def today() -> date:
    return datetime.now(PARIS).date()


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdatetime(at: datetime) -> QDateTime:
    local = at.astimezone(PARIS)
    return QDateTime(to_qdate(local.date()), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    """The wall-clock time typed, in Europe/Paris (the backend wants an aware datetime)."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=PARIS)


def table_view(parent: QWidget, model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only, sortable, one-row-selection view of `model` (through a proxy)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = row_table(parent, proxy, name)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return view


def selected_row(view: QTableView) -> int | None:
    """The source-model row selected in a `table_view`, or None."""
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    return proxy.mapToSource(rows[0]).row()


def select_source_row(view: QTableView, row: int) -> None:
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    index = proxy.mapFromSource(proxy.sourceModel().index(row, 0))
    if index.isValid():
        view.selectRow(index.row())
        view.scrollTo(index)


def confirm(parent: QWidget, text: str, action: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask before a deletion (window-modal, not blocking); `on_yes` runs if confirmed.

    "No" is the default button: Enter on the question keeps the record.
    """
    box = QMessageBox(QMessageBox.Icon.Question, action, text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(
        QCoreApplication.translate("offices", "Keep"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.setObjectName("confirmDeletion")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: on_yes() if button is yes else None)
    box.open()
    return box


class ListLoad:
    """How a panel's list shows its loading: the loading state the first time only, then the
    rows or the empty state. A failure takes the state panel's place until a list was shown;
    after that it goes to the message line and the list stays."""

    def __init__(self, state: StatePanel, message: FormMessage) -> None:
        self.state = state
        self.message = message
        self.loaded = False

    def begin(self) -> None:
        if not self.loaded:
            self.state.show_loading()

    def show(self, count: int, empty: str) -> None:
        self.loaded = True
        if count:
            self.state.show_content()
        else:
            self.state.show_empty(empty)

    def failed(self, error: OpError) -> None:
        if self.loaded:
            self.message.show_error(error.message)
        else:
            self.state.show_error(error.message)


class FieldErrors:
    """Marks the field a ValidationError names, and clears the marks on the next try."""

    def __init__(self, message: FormMessage, fields: dict[str, QWidget]) -> None:
        self.message = message
        self.fields = fields

    def clear(self) -> None:
        for widget in self.fields.values():
            mark_invalid(widget, False)
        self.message.clear_message()

    def show(self, text: str, field: str | None = None) -> None:
        self.message.show_error(text)
        widget = self.fields.get(field or "")
        if widget is not None:
            mark_invalid(widget, True)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()
