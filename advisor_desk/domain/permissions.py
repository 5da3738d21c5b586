"""The role → permission table: the one place that says who may do what."""

from __future__ import annotations

from enum import StrEnum

from .enums import Role


class Permission(StrEnum):
    MEMBER_SEARCH = "member.search"
    MEMBER_READ = "member.read"
    MEMBER_REVEAL_IBAN = "member.reveal_iban"
    REIMBURSEMENT_READ = "reimbursement.read"
    DEDUCTIBLE_PAYMENT = "deductible.record_payment"
    DOCUMENT_ISSUE = "document.issue"
    DOCUMENT_VERIFY = "document.verify"
    DECLARATION_FILE = "declaration.file"
    DECLARATION_PROCESS = "declaration.process"
    DECLARATION_ASSIGN = "declaration.assign_others"
    APPOINTMENT_BOOK = "appointment.book"
    APPOINTMENT_AGENDA = "appointment.agenda"
    OFFICE_MANAGE = "office.manage"
    MAIL_WORK = "mail.work"
    MAIL_SUPERVISE = "mail.supervise"
    SUPERVISION_VIEW = "supervision.view"
    WORK_REBALANCE = "supervision.rebalance"
    ACCOUNTS_MANAGE = "admin.accounts"
    AUDIT_READ = "admin.audit"
    DIRECTORY_READ = "directory.read"  # the health-professionals directory (no member data)
    AMELI_ASSIST = "ameli.assist"  # hand over an ameli provisional code, unlock an account
    SESSION = "session"  # every logged-in advisor: own profile, password, logout


P = Permission

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.COUNTER: frozenset(
        {
            P.SESSION,
            P.MEMBER_SEARCH,
            P.MEMBER_READ,
            P.REIMBURSEMENT_READ,
            P.DEDUCTIBLE_PAYMENT,
            P.DOCUMENT_ISSUE,
            P.DOCUMENT_VERIFY,
            P.DECLARATION_FILE,
            P.APPOINTMENT_BOOK,
            P.APPOINTMENT_AGENDA,
            P.DIRECTORY_READ,
            P.AMELI_ASSIST,
        }
    ),
    Role.BACKOFFICE: frozenset(
        {
            P.SESSION,
            P.MEMBER_SEARCH,
            P.MEMBER_READ,
            P.MEMBER_REVEAL_IBAN,
            P.REIMBURSEMENT_READ,
            P.DEDUCTIBLE_PAYMENT,
            P.DOCUMENT_ISSUE,
            P.DOCUMENT_VERIFY,
            P.DECLARATION_FILE,
            P.DECLARATION_PROCESS,
            P.MAIL_WORK,
            P.DIRECTORY_READ,
            P.AMELI_ASSIST,
        }
    ),
    # Supervisors manage workloads, not members: no member read without an explicit grant.
    Role.SUPERVISOR: frozenset(
        {
            P.SESSION,
            P.DECLARATION_PROCESS,
            P.DECLARATION_ASSIGN,
            P.APPOINTMENT_AGENDA,
            P.OFFICE_MANAGE,
            P.MAIL_WORK,
            P.MAIL_SUPERVISE,
            P.SUPERVISION_VIEW,
            P.WORK_REBALANCE,
            P.DOCUMENT_VERIFY,
            P.DIRECTORY_READ,
        }
    ),
    Role.ADMIN: frozenset(
        {
            P.SESSION,
            P.ACCOUNTS_MANAGE,
            P.AUDIT_READ,
            P.OFFICE_MANAGE,
            P.SUPERVISION_VIEW,
            P.DOCUMENT_VERIFY,
        }
    ),
}


def permissions_of(role: Role) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[role]
