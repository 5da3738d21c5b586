"""Hand a mail thread to another agent or to a team's queue, with a note saying why."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.mail_dto import TransferTargets
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.form_message import FormMessage, mark_invalid
from advisor_desk.ui.ops import OpError


class TransferDialog(QDialog):
    """Loads the agents and teams, then calls `mail.transfer`; stays open on an error."""

    transferred = Signal(int)  # the thread id

    def __init__(self, app: AppContext, thread_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Transfer the thread"))
        self.setMinimumWidth(520)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._app = app
        self._thread_id = thread_id
        title = QLabel(self.tr("Transfer the thread"), self)
        title.setObjectName("dialogTitle")
        self.to_agent = QRadioButton(self.tr("To an &agent:"), self)
        self.to_agent.setChecked(True)
        self.agent = QComboBox(self)
        self.agent.setObjectName("transferAgent")
        self.to_team = QRadioButton(self.tr("To a team's &queue:"), self)
        self.team = QComboBox(self)
        self.team.setObjectName("transferTeam")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("transferNote")
        self.note.setPlaceholderText(
            self.tr("Why, and what the colleague should know (internal note)")
        )
        self.note.setTabChangesFocus(True)
        note_label = QLabel(self.tr("&Note (required):"), self)
        note_label.setBuddy(self.note)
        grid = QGridLayout()
        grid.addWidget(self.to_agent, 0, 0)
        grid.addWidget(self.agent, 0, 1)
        grid.addWidget(self.to_team, 1, 0)
        grid.addWidget(self.team, 1, 1)
        grid.setColumnStretch(1, 1)
        self.message = FormMessage(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("&Transfer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("transferOk")
        self.ok_button.setEnabled(False)  # until the agents and teams are there
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(note_label)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.to_agent.toggled.connect(self._sync)
        self._sync()
        mail = app.backend.mail
        app.ops.call(
            mail.transfer_targets,
            on_success=self._loaded,
            on_failure=lambda error: self.message.show_error(error.message),
            key="mail.transfer_targets",
            owner=self,
        )

    def _loaded(self, targets: TransferTargets) -> None:
        for agent in targets.agents:
            label = f"{agent.name} ({agent.team_name})" if agent.team_name else agent.name
            self.agent.addItem(label, agent.id)
        for team in targets.teams:
            self.team.addItem(team.name, team.id)
        self.to_agent.setEnabled(bool(targets.agents))
        self.to_team.setEnabled(bool(targets.teams))
        if not targets.agents and targets.teams:
            self.to_team.setChecked(True)
        self.ok_button.setEnabled(bool(targets.agents or targets.teams))
        self.ok_button.setDefault(True)
        self._sync()
        (self.agent if self.to_agent.isChecked() else self.team).setFocus()

    def _sync(self) -> None:
        to_agent = self.to_agent.isChecked()
        self.agent.setEnabled(to_agent and self.agent.count() > 0)
        self.team.setEnabled(not to_agent and self.team.count() > 0)

    def submit(self) -> None:
        mark_invalid(self.note, False)
        self.message.clear_message()
        note = self.note.toPlainText()
        if not note.strip():
            self.message.show_error(self.tr("Write a note saying why you transfer the thread."))
            mark_invalid(self.note, True)
            self.note.setFocus()
            return
        agent_id: int | None = None
        team_id: int | None = None
        if self.to_agent.isChecked():
            agent_id = self.agent.currentData()
        else:
            team_id = self.team.currentData()
        if agent_id is None and team_id is None:
            self.message.show_error(self.tr("Choose an agent or a team."))
            return
        mail = self._app.backend.mail
        thread_id = self._thread_id
        self.ok_button.setEnabled(False)
        self._app.ops.call(
            lambda: mail.transfer(thread_id, note, agent_id=agent_id, team_id=team_id),
            on_success=lambda _none: self._done(),
            on_failure=self._failed,
            owner=self,
        )

    def _done(self) -> None:
        self.transferred.emit(self._thread_id)
        self.accept()

    def _failed(self, error: OpError) -> None:
        self.ok_button.setEnabled(True)
        self.message.show_error(error.message)
