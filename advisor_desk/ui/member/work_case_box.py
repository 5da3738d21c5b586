"""One work-accident or occupational-disease case: its facts and its timeline of steps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.backend.members_dto import WorkCaseInfo, WorkCaseStep
from advisor_desk.models.member_file import WorkCaseStepsModel
from advisor_desk.models.member_file_labels import fmt_date, label

from .table_columns import fit_columns


def timeline(case: WorkCaseInfo) -> list[WorkCaseStep]:
    """The recorded steps; without any, the case's own dates make the timeline."""
    if case.steps:
        return list(case.steps)
    # Step codes, as the base records them: the model puts them in words.
    steps = [WorkCaseStep(case.declared_on, "declaration", case.employer)]
    if case.decision_date is not None:
        steps.append(WorkCaseStep(case.decision_date, "decision", label(case.decision)))
    if case.consolidation_date is not None:
        steps.append(WorkCaseStep(case.consolidation_date, "consolidation", ""))
    return steps


class WorkCaseBox(QGroupBox):
    def __init__(self, case: WorkCaseInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workCaseBox")
        self.setTitle(
            self.tr("{number} — {kind} of {date} — {decision}").format(
                number=case.number,
                kind=label(case.kind),
                date=fmt_date(case.accident_date),
                decision=label(case.decision),
            )
        )
        facts = [
            self.tr("Employer: {employer}").format(employer=case.employer),
            self.tr("Declared on {date}").format(date=fmt_date(case.declared_on)),
        ]
        if case.decision_date is not None:
            facts.append(self.tr("decision on {date}").format(date=fmt_date(case.decision_date)))
        if case.consolidation_date is not None:
            facts.append(
                self.tr("consolidated on {date}").format(date=fmt_date(case.consolidation_date))
            )
        if case.ipp_rate is not None:
            facts.append(self.tr("permanent incapacity (IPP): {rate} %").format(rate=case.ipp_rate))
        self.facts = QLabel(" · ".join(facts), self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description = QLabel(case.description, self)
        self.description.setWordWrap(True)
        self.description.setObjectName("formNote")
        self.model = WorkCaseStepsModel(self)
        self.model.set_rows(timeline(case))
        self.steps = QTableView(self)
        self.steps.setModel(self.model)
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.verticalHeader().hide()
        self.steps.horizontalHeader().setStretchLastSection(True)
        fit_columns(self.steps, 400)
        rows = max(1, self.model.rowCount())
        self.steps.setFixedHeight(
            self.steps.horizontalHeader().sizeHint().height()
            + rows * self.steps.verticalHeader().defaultSectionSize()
            + 4
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(self.description)
        layout.addWidget(self.steps)
