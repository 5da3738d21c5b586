"""Words and formats of the member lookup and file: enum labels, dates, alerts (translated)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from advisor_desk.backend.members_dto import Alert, AlertKind, MatchKind
from advisor_desk.domain.enums import (
    CoverKind,
    DeclarationKind,
    DeclarationState,
    FilingChannel,
    LeaveKind,
    Relationship,
    RightsStatus,
    Sex,
    VitaleStatus,
    WorkCaseDecision,
    WorkCaseKind,
)
from advisor_desk.domain.money import format_eur

_CONTEXT = "member_labels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def fmt_date(value: date | datetime | None) -> str:
    """'12/03/1984'; an empty string for no date."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def fmt_period(start: date | None, end: date | None) -> str:
    if start is None:
        return ""
    if end is None:
        return QCoreApplication.translate("member_labels", "since {start}").format(
            start=fmt_date(start)
        )
    return QCoreApplication.translate("member_labels", "{start} to {end}").format(
        start=fmt_date(start), end=fmt_date(end)
    )


def fmt_age(age: int) -> str:
    # French and English agree: singular below 2 (0 an, 1 an, 2 ans).
    return (
        QCoreApplication.translate("member_labels", "{n} year").format(n=age)
        if age < 2
        else QCoreApplication.translate("member_labels", "{n} years").format(n=age)
    )


def label(value: Enum) -> str:
    """The advisor's word for an enumeration value of the member file."""
    text = _LABELS.get(value)
    return _tr(str(text)) if text is not None else str(value.value)


# English source texts; French in resources/translations (context "member_labels").
_LABELS: dict[Enum, object] = {
    Sex.MALE: QT_TRANSLATE_NOOP("member_labels", "Male"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("member_labels", "Female"),
    RightsStatus.OPEN: QT_TRANSLATE_NOOP("member_labels", "Rights open"),
    RightsStatus.TO_RENEW: QT_TRANSLATE_NOOP("member_labels", "Rights to renew"),
    RightsStatus.CLOSED: QT_TRANSLATE_NOOP("member_labels", "Rights closed"),
    VitaleStatus.ACTIVE: QT_TRANSLATE_NOOP("member_labels", "Active"),
    VitaleStatus.ORDERED: QT_TRANSLATE_NOOP("member_labels", "Ordered"),
    VitaleStatus.IN_PRODUCTION: QT_TRANSLATE_NOOP("member_labels", "In production"),
    VitaleStatus.SENT: QT_TRANSLATE_NOOP("member_labels", "Sent"),
    VitaleStatus.LOST: QT_TRANSLATE_NOOP("member_labels", "Declared lost"),
    VitaleStatus.STOLEN: QT_TRANSLATE_NOOP("member_labels", "Declared stolen"),
    VitaleStatus.BLOCKED: QT_TRANSLATE_NOOP("member_labels", "Blocked"),
    CoverKind.CSS_FREE: QT_TRANSLATE_NOOP("member_labels", "CSS (free)"),
    CoverKind.CSS_PARTICIPATION: QT_TRANSLATE_NOOP("member_labels", "CSS (with participation)"),
    CoverKind.AME: QT_TRANSLATE_NOOP("member_labels", "AME"),
    Relationship.CHILD: QT_TRANSLATE_NOOP("member_labels", "Child"),
    Relationship.SPOUSE: QT_TRANSLATE_NOOP("member_labels", "Spouse"),
    Relationship.OTHER: QT_TRANSLATE_NOOP("member_labels", "Other"),
    LeaveKind.SICKNESS: QT_TRANSLATE_NOOP("member_labels", "Sickness"),
    LeaveKind.MATERNITY: QT_TRANSLATE_NOOP("member_labels", "Maternity"),
    LeaveKind.PATERNITY: QT_TRANSLATE_NOOP("member_labels", "Paternity"),
    LeaveKind.WORK_ACCIDENT: QT_TRANSLATE_NOOP("member_labels", "Work accident"),
    WorkCaseKind.ACCIDENT: QT_TRANSLATE_NOOP("member_labels", "Work accident"),
    WorkCaseKind.COMMUTE: QT_TRANSLATE_NOOP("member_labels", "Commuting accident"),
    WorkCaseKind.OCCUPATIONAL_DISEASE: QT_TRANSLATE_NOOP("member_labels", "Occupational disease"),
    WorkCaseDecision.PENDING: QT_TRANSLATE_NOOP("member_labels", "Decision pending"),
    WorkCaseDecision.RECOGNISED: QT_TRANSLATE_NOOP("member_labels", "Recognised"),
    WorkCaseDecision.REFUSED: QT_TRANSLATE_NOOP("member_labels", "Refused"),
    DeclarationKind.VITALE_ORDER: QT_TRANSLATE_NOOP("member_labels", "Carte Vitale order"),
    DeclarationKind.BANK_DETAILS: QT_TRANSLATE_NOOP("member_labels", "Change of bank details"),
    DeclarationKind.CSS_REQUEST: QT_TRANSLATE_NOOP("member_labels", "CSS request"),
    DeclarationKind.EHIC_REQUEST: QT_TRANSLATE_NOOP("member_labels", "EHIC request"),
    DeclarationKind.ADDRESS_CHANGE: QT_TRANSLATE_NOOP("member_labels", "Change of address"),
    DeclarationKind.BIRTH: QT_TRANSLATE_NOOP("member_labels", "Birth"),
    DeclarationKind.VITALE_LOST: QT_TRANSLATE_NOOP("member_labels", "Carte Vitale lost or stolen"),
    DeclarationKind.NAME_CHANGE: QT_TRANSLATE_NOOP("member_labels", "Change of name"),
    DeclarationKind.CHILD_OTHER_PARENT: QT_TRANSLATE_NOOP(
        "member_labels", "Child on the other parent's card"
    ),
    DeclarationKind.THIRD_PARTY_ACCIDENT: QT_TRANSLATE_NOOP(
        "member_labels", "Accident caused by a third party"
    ),
    DeclarationKind.COMPLEMENTARY_CHOICE: QT_TRANSLATE_NOOP(
        "member_labels", "Complementary insurer choice"
    ),
    DeclarationKind.DEDUCTIBLE_PAYMENT: QT_TRANSLATE_NOOP(
        "member_labels", "Payment of deductibles"
    ),
    DeclarationState.RECEIVED: QT_TRANSLATE_NOOP("member_labels", "Received"),
    DeclarationState.IN_INSTRUCTION: QT_TRANSLATE_NOOP("member_labels", "Being processed"),
    DeclarationState.WAITING_MEMBER: QT_TRANSLATE_NOOP("member_labels", "Waiting for the member"),
    DeclarationState.ACCEPTED: QT_TRANSLATE_NOOP("member_labels", "Accepted"),
    DeclarationState.REFUSED: QT_TRANSLATE_NOOP("member_labels", "Refused"),
    DeclarationState.CLOSED: QT_TRANSLATE_NOOP("member_labels", "Closed without follow-up"),
    FilingChannel.ONLINE: QT_TRANSLATE_NOOP("member_labels", "Online"),
    FilingChannel.COUNTER: QT_TRANSLATE_NOOP("member_labels", "At the counter"),
    FilingChannel.MAIL: QT_TRANSLATE_NOOP("member_labels", "By post"),
    MatchKind.BIRTH_NAME: QT_TRANSLATE_NOOP("member_labels", "Birth name"),
    MatchKind.REVERSED: QT_TRANSLATE_NOOP("member_labels", "First name typed first"),
    MatchKind.NAME_PREFIX: QT_TRANSLATE_NOOP("member_labels", "Start of the name"),
    MatchKind.CLOSE: QT_TRANSLATE_NOOP("member_labels", "Close name"),
}


# Codes of the work-accident steps (work_accident_steps.step) and their words.
_STEPS: dict[str, object] = {
    "declaration": QT_TRANSLATE_NOOP("member_labels", "Declaration"),
    "certificat": QT_TRANSLATE_NOOP("member_labels", "Medical certificate"),
    "instruction": QT_TRANSLATE_NOOP("member_labels", "Investigation"),
    "decision": QT_TRANSLATE_NOOP("member_labels", "Decision"),
    "consolidation": QT_TRANSLATE_NOOP("member_labels", "Consolidation"),
    "ipp": QT_TRANSLATE_NOOP("member_labels", "Permanent incapacity rate"),
}


def step_label(step: str) -> str:
    """A known step code in words; any other text as recorded, capitalised."""
    text = _STEPS.get(step.lower())
    if text is not None:
        return _tr(str(text))
    return step[:1].upper() + step[1:]


def alert_text(alert: Alert) -> str:
    """The header's wording of an alert."""
    on = fmt_date(alert.on)
    if alert.kind is AlertKind.RIGHTS_CLOSED:
        return (
            QCoreApplication.translate("member_labels", "Rights closed since {date}").format(
                date=on
            )
            if on
            else QCoreApplication.translate("member_labels", "No open rights")
        )
    if alert.kind is AlertKind.RIGHTS_TO_RENEW:
        return QCoreApplication.translate("member_labels", "Rights end on {date}: to renew").format(
            date=on
        )
    if alert.kind is AlertKind.VITALE_LOST:
        return QCoreApplication.translate(
            "member_labels", "Carte Vitale declared lost on {date}"
        ).format(date=on)
    if alert.kind is AlertKind.VITALE_STOLEN:
        return QCoreApplication.translate(
            "member_labels", "Carte Vitale declared stolen on {date}"
        ).format(date=on)
    if alert.kind is AlertKind.VITALE_BLOCKED:
        return QCoreApplication.translate(
            "member_labels", "Carte Vitale blocked since {date}"
        ).format(date=on)
    if alert.kind is AlertKind.ALD_TO_RENEW:
        if alert.count > 1:
            return QCoreApplication.translate(
                "member_labels", "{count} ALD to renew (first ends on {date})"
            ).format(count=alert.count, date=on)
        return QCoreApplication.translate("member_labels", "ALD to renew: ends on {date}").format(
            date=on
        )
    if alert.kind is AlertKind.DEBT:
        return QCoreApplication.translate("member_labels", "Deductibles owed: {amount}").format(
            amount=format_eur(alert.amount_cents)
        )
    return str(alert.kind.value)


def money(cents: int) -> str:
    return format_eur(cents)
