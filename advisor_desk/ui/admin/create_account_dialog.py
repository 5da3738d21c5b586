"""The form that creates an advisor account; the backend validates, errors show inline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.domain.enums import Role
from advisor_desk.domain.errors import ConflictError
from advisor_desk.ui.context import AppContext, Topics
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.labels import role_label
from advisor_desk.ui.ops import OpError

if TYPE_CHECKING:
    from advisor_desk.backend.admin import AdvisorAccount, OfficeRef, TeamRef


class CreateAccountDialog(QDialog):
    """Emits `created(account)` and broadcasts it on the bus, then closes."""

    created = Signal(object)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createAccountDialog")
        self.setWindowTitle(self.tr("New advisor account"))
        self.setMinimumWidth(520)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._app = app
        self._teams: list[TeamRef] = []

        self.login = QLineEdit(self)
        self.login.setPlaceholderText(self.tr("e.g. jdupont"))
        self.login.setMaxLength(40)
        self.full_name = QLineEdit(self)
        self.full_name.setPlaceholderText(self.tr("First name and last name"))
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.office = QComboBox(self)
        self.office.addItem(self.tr("— none —"), None)
        self.office.currentIndexChanged.connect(self._fill_teams)
        self.team = QComboBox(self)
        self.team.addItem(self.tr("— none —"), None)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setToolTip(
            self.tr("At least 12 characters, mixing at least two kinds (letters, digits, symbols).")
        )
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("Full &name:"), self.full_name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Office:"), self.office)
        form.addRow(self.tr("&Team:"), self.team)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Confirm password:"), self.confirm)
        self.message = FormMessage(self)
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(
            self.tr("Create the account"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        title = QLabel(self.tr("New advisor account"), self)
        title.setObjectName("dialogTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._fields: dict[str, QWidget] = {
            "login": self.login,
            "full_name": self.full_name,
            "password": self.password,
            "confirm": self.confirm,
        }
        self.login.setFocus(Qt.FocusReason.OtherFocusReason)
        self._load_references()

    def _load_references(self) -> None:
        admin = self._app.backend.admin
        self._app.ops.call(
            lambda: (admin.list_offices(), admin.list_teams()),
            on_success=self._on_references,
            on_failure=lambda error: self.message.show_error(error.message),
            key="admin.references",
            owner=self,
        )

    def _on_references(self, refs: tuple[list[OfficeRef], list[TeamRef]]) -> None:
        offices, self._teams = refs
        for office in offices:
            self.office.addItem(f"{office.name} ({office.code})", office.id)
        # An admin usually creates accounts for the office they work in.
        own = self.office.findData(self._app.backend.advisor.office_id)
        if own > 0:
            self.office.setCurrentIndex(own)
        self._fill_teams()

    def _fill_teams(self) -> None:
        office_id = self.office.currentData()
        current = self.team.currentData()
        self.team.clear()
        self.team.addItem(self.tr("— none —"), None)
        for team in self._teams:
            if office_id is None or team.office_id in (None, office_id):
                self.team.addItem(team.name, team.id)
        self.team.setCurrentIndex(max(0, self.team.findData(current)))

    def _clear_marks(self) -> None:
        for widget in self._fields.values():
            mark_invalid(widget, False)
        self.message.clear_message()

    def show_error(self, message: str, field: str | None = None) -> None:
        self.message.show_error(message)
        widget = self._fields.get(field or "")
        if widget is not None:
            mark_invalid(widget, True)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def submit(self) -> None:
        self._clear_marks()
        if self.password.text() != self.confirm.text():
            self.show_error(self.tr("The two passwords differ."), "confirm")
            return
        admin = self._app.backend.admin
        login = self.login.text()
        full_name = self.full_name.text()
        role = Role(self.role.currentData())
        office_id = self.office.currentData()
        team_id = self.team.currentData()
        password = self.password.text()
        self.create_button.setEnabled(False)
        self._app.ops.call(
            lambda: admin.create_advisor(login, full_name, role, office_id, team_id, password),
            on_success=self._on_created,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_created(self, account: AdvisorAccount) -> None:
        self.created.emit(account)
        self._app.bus.publish(Topics.ADVISORS, account)
        self.accept()

    def _on_failed(self, error: OpError) -> None:
        self.create_button.setEnabled(True)
        field = error.field
        if field is None and isinstance(error.exception, ConflictError):
            field = "login"  # the only conflict here: the login is taken
        self.show_error(error.message, field)
