"""French labels of the domain's enumerations shown by several widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from advisor_desk.domain.enums import AuditOutcome, Role


def role_label(role: Role | str) -> str:
    labels = {
        Role.COUNTER: QCoreApplication.translate("labels", "Counter advisor"),
        Role.BACKOFFICE: QCoreApplication.translate("labels", "Back-office agent"),
        Role.SUPERVISOR: QCoreApplication.translate("labels", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("labels", "Administrator"),
    }
    try:
        return labels[Role(role)]
    except ValueError:
        return str(role)


def outcome_label(outcome: AuditOutcome | str) -> str:
    labels = {
        AuditOutcome.OK: QCoreApplication.translate("labels", "Done"),
        AuditOutcome.REFUSED: QCoreApplication.translate("labels", "Refused"),
        AuditOutcome.ERROR: QCoreApplication.translate("labels", "Error"),
    }
    try:
        return labels[AuditOutcome(outcome)]
    except ValueError:
        return str(outcome)
