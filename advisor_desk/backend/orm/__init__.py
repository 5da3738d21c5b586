"""SQLAlchemy mapped classes, one module per aggregate; importing this registers them all."""

from .advisors import Advisor, SessionToken, Team
from .ameli import AmeliAccount
from .appointments import Absence, Appointment, AppointmentReason, Schedule, ScheduleReason
from .audit import AuditEvent
from .base import Base
from .declarations import Declaration, DeclarationDocument, DeclarationEvent, DeclarationNote
from .documents import IssuedDocument
from .health import Ald, IjPayment, SickLeave, WorkAccidentCase, WorkAccidentStep
from .knowledge import KnowledgeArticle
from .mail import MailMessage, MailThread, MailThreadViewer, ReplyTemplate
from .members import (
    Address,
    BankAccount,
    ComplementaryInsurer,
    CoverPeriod,
    Dependent,
    Member,
    RightsPeriod,
    VitaleCard,
)
from .offices import Office, OfficeClosure, OfficeHours
from .professionals import Professional
from .reference import AldReference, CssCeiling, ReferenceValue
from .reimbursements import DeductibleEntry, Reimbursement
from .seed import SeedBatch, SeedRun
from .summaries import AppointmentHour, DeclarationOpenCount, MailFlowHour, MailOpenDay

__all__ = [
    "Absence",
    "Address",
    "Advisor",
    "Ald",
    "AldReference",
    "AmeliAccount",
    "Appointment",
    "AppointmentHour",
    "AppointmentReason",
    "AuditEvent",
    "BankAccount",
    "Base",
    "ComplementaryInsurer",
    "CoverPeriod",
    "CssCeiling",
    "Declaration",
    "DeclarationDocument",
    "DeclarationEvent",
    "DeclarationNote",
    "DeclarationOpenCount",
    "DeductibleEntry",
    "Dependent",
    "IjPayment",
    "IssuedDocument",
    "KnowledgeArticle",
    "MailFlowHour",
    "MailMessage",
    "MailOpenDay",
    "MailThread",
    "MailThreadViewer",
    "Member",
    "Office",
    "OfficeClosure",
    "OfficeHours",
    "Professional",
    "ReferenceValue",
    "Reimbursement",
    "ReplyTemplate",
    "RightsPeriod",
    "Schedule",
    "ScheduleReason",
    "SeedBatch",
    "SeedRun",
    "SessionToken",
    "SickLeave",
    "Team",
    "VitaleCard",
    "WorkAccidentCase",
    "WorkAccidentStep",
]
