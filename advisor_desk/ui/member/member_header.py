"""The band above the member file's tabs: who it is, their rights, and what needs attention."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from advisor_desk.backend.members_dto import MemberHeader
from advisor_desk.domain.enums import RightsStatus, Sex
from advisor_desk.models.member_file_labels import alert_text, fmt_age, fmt_date, label

# Scoped to the header: badges readable on the light and the dark theme alike.
_STYLE = """
#memberName { font-size: 20px; font-weight: bold; }
#memberFacts { font-size: 13px; }
QLabel[badge="ok"] { background: #2e7d32; color: white; border-radius: 4px; padding: 2px 8px; }
QLabel[badge="warn"] { background: #ef6c00; color: white; border-radius: 4px; padding: 2px 8px; }
QLabel[badge="alert"] { background: #c62828; color: white; border-radius: 4px; padding: 2px 8px; }
"""
_BADGE = {RightsStatus.OPEN: "ok", RightsStatus.TO_RENEW: "warn", RightsStatus.CLOSED: "alert"}


class MemberHeaderBar(QFrame):
    """Stays visible over every tab; cleared to nothing when the member is done."""

    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(_STYLE)
        self.name = QLabel(self)
        self.name.setObjectName("memberName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel(self)
        self.facts.setObjectName("memberFacts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rights = QLabel(self)
        self.rights.setObjectName("memberRights")
        self.alerts_row = QHBoxLayout()
        self.alerts_row.setSpacing(6)
        self._alert_labels: list[QLabel] = []
        self.done_button = QPushButton(self.tr("Member &done"), self)
        self.done_button.setObjectName("memberDone")
        self.done_button.setToolTip(self.tr("Clear the screen for the next person (Esc)"))
        self.done_button.clicked.connect(self.done_requested)

        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addSpacing(12)
        top.addWidget(self.rights, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        top.addWidget(self.done_button)
        bottom = QHBoxLayout()
        bottom.addLayout(self.alerts_row)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addLayout(bottom)
        self.clear()

    @property
    def alert_texts(self) -> list[str]:
        return [lbl.text() for lbl in self._alert_labels]

    def set_header(self, h: MemberHeader) -> None:
        self.clear()
        self.name.setText(f"{h.last_name.upper()} {h.first_names}")
        # French agrees the participle with the person: né le / née le.
        born = (
            self.tr("born on {date}") if h.sex is Sex.MALE else self.tr("born on {date}", "female")
        ).format(date=fmt_date(h.birth_date))
        self.facts.setText(
            self.tr("NIR {nir} · {born} ({age}) · {sex}").format(
                nir=h.nir_formatted, born=born, age=fmt_age(h.age), sex=label(h.sex)
            )
        )
        self._badge(self.rights, label(h.rights_status), _BADGE[h.rights_status])
        self.rights.show()
        for alert in h.alerts:
            badge = QLabel(alert_text(alert), self)
            badge.setObjectName("memberAlert")
            self._badge(badge, badge.text(), "alert")
            self.alerts_row.addWidget(badge)
            self._alert_labels.append(badge)

    def show_loading(self) -> None:
        self.clear()
        self.name.setText(self.tr("Opening the file…"))

    def clear(self) -> None:
        self.name.clear()
        self.facts.clear()
        self.rights.clear()
        self.rights.hide()
        for badge in self._alert_labels:
            self.alerts_row.removeWidget(badge)
            badge.deleteLater()
        self._alert_labels = []

    @staticmethod
    def _badge(widget: QLabel, text: str, kind: str) -> None:
        widget.setText(text)
        widget.setProperty("badge", kind)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
