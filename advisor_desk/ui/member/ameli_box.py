"""The 'ameli account' group of the identity tab: the member's status, a code to hand over, unlocking."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from advisor_desk.backend.ameli_dto import AmeliAccountInfo
from advisor_desk.domain.ameli import CODE_VALIDITY_DAYS, AmeliStatus
from advisor_desk.models.member_file_labels import fmt_date
from advisor_desk.ui.form_message import FormMessage


class AmeliBox(QGroupBox):
    """Shows `AmeliAccountInfo`; asks before handing over a code. The file makes the calls."""

    issue_requested = Signal()  # confirmed: hand the member a provisional code
    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("ameli account"), parent)
        self.setObjectName("ameliBox")
        self.info: AmeliAccountInfo | None = None
        self.member_name = ""  # for the confirmation's question
        self.can_act = False  # the advisor's profile allows issuing and unlocking
        self.busy = False
        self.question: QMessageBox | None = None

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.status = QLabel(self)
        self.status.setObjectName("ameliStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(self)
        self.details.setObjectName("ameliDetails")
        # Short lines, one fact each: no word wrap (a wrapped multi-line label makes the form
        # reserve room for more lines than it has).
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Status"), self.status)
        form.addRow("", self.details)

        self.issue_button = QPushButton(self.tr("Hand over a provisional c&ode…"), self)
        self.issue_button.setObjectName("ameliIssueCode")
        self.issue_button.clicked.connect(self.ask_issue)
        self.unlock_button = QPushButton(self.tr("&Unlock the account"), self)
        self.unlock_button.setObjectName("ameliUnlock")
        self.unlock_button.setToolTip(
            self.tr("Unlocks an account locked after too many wrong passwords")
        )
        self.unlock_button.clicked.connect(self._unlock)
        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.message = FormMessage(self)
        form.addRow(self.message)
        self.clear()

    # -- contents -----------------------------------------------------------------------------

    def show_loading(self) -> None:
        self.info = None
        self.status.setText(self.tr("Reading…"))
        self.details.clear()
        self.message.clear_message()
        self._update_buttons()

    def show_error(self, message: str) -> None:
        """A failed call: the message in red; the status stays as it was read."""
        self.busy = False
        self.message.show_error(message)
        if self.info is None:
            self.status.setText("—")
        self._update_buttons()

    def show_notice(self, message: str) -> None:
        self.message.show_notice(message)

    def set_account(self, info: AmeliAccountInfo) -> None:
        self.info = info
        self.busy = False
        self.status.setText(self._status_text(info))
        self.details.setText(self._details_text(info))
        self._update_buttons()

    def set_busy(self, busy: bool, notice: str = "") -> None:
        self.busy = busy
        if busy and notice:
            self.message.show_notice(notice)
        self._update_buttons()

    def _status_text(self, info: AmeliAccountInfo) -> str:
        return {
            AmeliStatus.NONE: self.tr("No account"),
            AmeliStatus.CODE_PENDING: self.tr("Provisional code pending"),
            AmeliStatus.CODE_EXPIRED: self.tr("No account (code expired)"),
            AmeliStatus.ACTIVE: self.tr("Account active"),
            AmeliStatus.LOCKED: self.tr("Account locked"),
        }[info.status]

    def _when(self, at: datetime | None) -> str:
        if at is None:
            return "—"
        local = at.astimezone()
        return self.tr("{date} at {time}").format(date=fmt_date(local), time=f"{local:%H:%M}")

    def _code_text(self, info: AmeliAccountInfo) -> str:
        if info.code_issued_at is None or info.code_valid_until is None:
            return ""
        by = info.code_issued_by or "—"
        if info.status is AmeliStatus.CODE_EXPIRED:
            return self.tr(
                "The provisional code handed over on {date} by {advisor} was valid until "
                "{until}; it can no longer be used."
            ).format(
                date=fmt_date(info.code_issued_at),
                advisor=by,
                until=fmt_date(info.code_valid_until),
            )
        return self.tr(
            "Provisional code handed over on {date} by {advisor}, valid until {until}."
        ).format(
            date=fmt_date(info.code_issued_at), advisor=by, until=fmt_date(info.code_valid_until)
        )

    def _details_text(self, info: AmeliAccountInfo) -> str:
        lines: list[str] = []
        if info.status in (AmeliStatus.ACTIVE, AmeliStatus.LOCKED):
            lines.append(self.tr("Open since {date}.").format(date=fmt_date(info.opened_at)))
            lines.append(
                self.tr("Last login: {when}.").format(when=self._when(info.last_login_at))
                if info.last_login_at
                else self.tr("No login since it was opened.")
            )
        if info.status is AmeliStatus.LOCKED:
            lines.append(
                self.tr("Locked since {when} after {count} wrong password(s).").format(
                    when=self._when(info.locked_at), count=info.failed_logins
                )
            )
        elif info.status is AmeliStatus.NONE:
            lines.append(self.tr("The member has no ameli account and no provisional code."))
        code = self._code_text(info)
        if code and info.status is not AmeliStatus.ACTIVE:
            lines.append(code)
        if info.vitale_update_advised and info.status is not AmeliStatus.ACTIVE:
            lines.append(
                self.tr("Self-employed: the carte Vitale is to be updated before the account.")
            )
        return "\n".join(lines)

    def _update_buttons(self) -> None:
        info = self.info
        self.issue_button.setVisible(self.can_act)
        self.unlock_button.setVisible(self.can_act)
        ready = info is not None and not self.busy and self.can_act
        self.issue_button.setEnabled(ready and info is not None and info.can_issue_code)
        self.unlock_button.setEnabled(ready and info is not None and info.can_unlock)
        if info is not None and info.issue_refusal:
            self.issue_button.setToolTip(info.issue_refusal)
        else:
            self.issue_button.setToolTip(
                self.tr(
                    "Prints a letter with a code valid {days} days to create the ameli account"
                ).format(days=CODE_VALIDITY_DAYS)
            )

    # -- actions ------------------------------------------------------------------------------

    def ask_issue(self) -> QMessageBox | None:
        """Ask before handing over a code (window-modal, not blocking); Enter confirms."""
        info = self.info
        if info is None or not info.can_issue_code or self.busy:
            return None
        text = self.tr(
            "Hand a provisional code to {name}? With it, the member creates the ameli account "
            "on ameli.fr within {days} days. The code is printed on a letter to give in person; "
            "it is not kept."
        ).format(name=self.member_name or self.tr("the member"), days=CODE_VALIDITY_DAYS)
        if info.status is AmeliStatus.CODE_PENDING or (
            info.status is AmeliStatus.LOCKED and info.code_valid_until is not None
        ):
            text += "\n\n" + self.tr("The code handed over earlier will no longer work.")
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Provisional ameli code"), text, parent=self
        )
        yes = box.addButton(self.tr("Hand over the code"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.setEscapeButton(no)
        box.setObjectName("ameliConfirmCode")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._answered(button is yes))
        # Answered (or closed) is enough: the deletion that follows waits for the event loop.
        box.finished.connect(lambda _result: self._question_closed(box))
        self.question = box
        box.open()
        return box

    def _question_closed(self, box: QMessageBox) -> None:
        if self.question is box:
            self.question = None

    def _answered(self, confirmed: bool) -> None:
        if confirmed and self.info is not None and self.info.can_issue_code and not self.busy:
            self.issue_requested.emit()

    def _unlock(self) -> None:
        if self.info is not None and self.info.can_unlock and not self.busy:
            self.unlock_requested.emit()

    def clear(self) -> None:
        """Nothing of the member stays (the question included)."""
        if self.question is not None:
            self.question.close()
            self.question = None
        self.info = None
        self.member_name = ""
        self.busy = False
        self.status.clear()
        self.details.clear()
        self.message.clear_message()
        self._update_buttons()
