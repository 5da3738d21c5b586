"""Enumerations shared by every layer (stored as their string values)."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    MALE = "1"
    FEMALE = "2"


class Role(StrEnum):
    COUNTER = "counter"  # conseiller accueil
    BACKOFFICE = "backoffice"  # agent back-office
    SUPERVISOR = "supervisor"  # superviseur
    ADMIN = "admin"  # administrateur


class RightsStatus(StrEnum):
    OPEN = "open"
    TO_RENEW = "to_renew"
    CLOSED = "closed"


class VitaleStatus(StrEnum):
    ACTIVE = "active"
    ORDERED = "ordered"
    IN_PRODUCTION = "in_production"
    SENT = "sent"
    LOST = "lost"
    STOLEN = "stolen"
    BLOCKED = "blocked"


class CoverKind(StrEnum):
    """Complementary cover granted by the fund itself."""

    CSS_FREE = "css_free"
    CSS_PARTICIPATION = "css_participation"
    AME = "ame"


class Relationship(StrEnum):
    CHILD = "child"
    SPOUSE = "spouse"
    OTHER = "other"


class CareCategory(StrEnum):
    CONSULTATION = "consultation"
    SPECIALIST = "specialist"
    PHARMACY = "pharmacy"
    PARAMEDICAL = "paramedical"
    TRANSPORT = "transport"
    HOSPITAL = "hospital"
    DENTAL = "dental"
    OPTICAL = "optical"
    LAB = "lab"
    IMAGING = "imaging"


class ReimbursementStatus(StrEnum):
    PAID = "paid"
    PENDING = "pending"
    REJECTED = "rejected"


class Payee(StrEnum):
    MEMBER = "member"
    PROFESSIONAL = "professional"


class DeductibleKind(StrEnum):
    PARTICIPATION = "participation"  # participation forfaitaire
    FRANCHISE = "franchise"  # franchise médicale


class LedgerEntryKind(StrEnum):
    WITHHELD = "withheld"  # taken from a reimbursement
    OWED = "owed"  # tiers payant: nothing to withhold from, the member owes it
    PAID = "paid"  # the member paid what was owed


class LeaveKind(StrEnum):
    SICKNESS = "sickness"
    MATERNITY = "maternity"
    PATERNITY = "paternity"
    WORK_ACCIDENT = "work_accident"


class WorkCaseKind(StrEnum):
    ACCIDENT = "accident"
    COMMUTE = "commute"
    OCCUPATIONAL_DISEASE = "occupational_disease"


class WorkCaseDecision(StrEnum):
    PENDING = "pending"
    RECOGNISED = "recognised"
    REFUSED = "refused"


class DeclarationKind(StrEnum):
    VITALE_ORDER = "vitale_order"
    BANK_DETAILS = "bank_details"
    CSS_REQUEST = "css_request"
    EHIC_REQUEST = "ehic_request"
    ADDRESS_CHANGE = "address_change"
    BIRTH = "birth"
    VITALE_LOST = "vitale_lost"
    NAME_CHANGE = "name_change"
    CHILD_OTHER_PARENT = "child_other_parent"
    THIRD_PARTY_ACCIDENT = "third_party_accident"
    COMPLEMENTARY_CHOICE = "complementary_choice"
    DEDUCTIBLE_PAYMENT = "deductible_payment"


class DeclarationState(StrEnum):
    RECEIVED = "received"
    IN_INSTRUCTION = "in_instruction"
    WAITING_MEMBER = "waiting_member"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    CLOSED = "closed"  # classée sans suite


class FilingChannel(StrEnum):
    ONLINE = "online"
    COUNTER = "counter"
    MAIL = "mail"


class AppointmentChannel(StrEnum):
    OFFICE = "office"
    PHONE = "phone"
    VIDEO = "video"


class AppointmentStatus(StrEnum):
    """RDV Service Public statuses."""

    UNKNOWN = "unknown"  # booked, not yet happened
    WAITING = "waiting"  # arrived, in the waiting room
    SEEN = "seen"
    EXCUSED = "excused"  # cancelled by the member
    REVOKED = "revoked"  # cancelled by the office
    NOSHOW = "noshow"


class MailTheme(StrEnum):
    RIGHTS_VITALE = "rights_vitale"
    REIMBURSEMENTS = "reimbursements"
    SICK_LEAVE = "sick_leave"
    CSS = "css"
    WORK_ACCIDENT = "work_accident"
    MATERNITY = "maternity"
    ADDRESS_BANK = "address_bank"
    OTHER = "other"


class MailState(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"  # waiting for the member
    CLOSED = "closed"


class MessageDirection(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    NOTE = "note"  # internal note, never shown to the member


class Sector(StrEnum):
    SECTOR_1 = "s1"
    SECTOR_2 = "s2"
    OPTAM = "optam"


class EstablishmentKind(StrEnum):
    """What a care establishment (établissement de soins) of the health directory is."""

    CHU = "chu"  # centre hospitalier universitaire
    HOSPITAL = "hospital"  # centre hospitalier
    CLINIC = "clinic"  # clinique, hôpital privé
    HEALTH_CENTRE = "health_centre"  # centre de santé (salaried professionals, tiers payant)
    HEALTH_HOUSE = "health_house"  # maison de santé pluriprofessionnelle
    LABORATORY = "laboratory"  # laboratoire de biologie médicale
    IMAGING = "imaging"  # centre de radiologie, imagerie médicale
    PHARMACY = "pharmacy"


# Only these may run an emergency department (urgences 24h/24); the database checks it too.
EMERGENCY_KINDS = frozenset(
    {EstablishmentKind.CHU, EstablishmentKind.HOSPITAL, EstablishmentKind.CLINIC}
)


class EstablishmentStatus(StrEnum):
    """Legal status of an establishment (statut juridique)."""

    PUBLIC = "public"
    PRIVATE_NON_PROFIT = "private_non_profit"  # privé non lucratif (ESPIC, mutualiste…)
    PRIVATE_FOR_PROFIT = "private_for_profit"  # privé commercial


class DocumentKind(StrEnum):
    RIGHTS_CERTIFICATE = "rights_certificate"
    IJ_CERTIFICATE = "ij_certificate"
    TAX_STATEMENT = "tax_statement"
    MONTHLY_STATEMENT = "monthly_statement"
    EHIC_PROVISIONAL = "ehic_provisional"
    DECLARATION_RECEIPT = "declaration_receipt"


class AuditOutcome(StrEnum):
    OK = "ok"
    REFUSED = "refused"
    ERROR = "error"
