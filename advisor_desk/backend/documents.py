"""Issuing official documents as PDF, the register of issued documents, and their verification."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from advisor_desk.documents import (
    declaration_receipt,
    ehic_provisional,
    ij_certificate,
    monthly_statement,
    rights_certificate,
    tax_statement,
)
from advisor_desk.documents.letterhead import QR_PREFIX, Letterhead, Stamp, fund_for
from advisor_desk.domain.enums import (
    DocumentKind,
    LeaveKind,
    MailState,
    MailTheme,
    MessageDirection,
    Payee,
    ReimbursementStatus,
    Relationship,
    Sex,
)
from advisor_desk.domain.errors import NotFound, ValidationError
from advisor_desk.domain.nir import parse_nir
from advisor_desk.domain.permissions import Permission
from advisor_desk.domain.reference import value_at
from advisor_desk.domain.tax import WORK_ACCIDENT_TAXABLE_PCT, taxable_ij_cents

from .documents_dto import (
    DOCUMENT_TITLES_FR,
    IssuedDocumentInfo,
    IssuedPdf,
    SentDocument,
    Verification,
    VerificationStatus,
)
from .orm import (
    Address,
    Advisor,
    Ald,
    BankAccount,
    CoverPeriod,
    Declaration,
    DeclarationDocument,
    Dependent,
    IjPayment,
    IssuedDocument,
    MailMessage,
    MailThread,
    Member,
    Office,
    Professional,
    Reimbursement,
    RightsPeriod,
    SickLeave,
)
from .orm.base import utcnow
from .reimbursements import (
    add_months,
    load_reference_values,
    person_name,
    professional_name,
    require_member,
)
from .service import AdvisorInfo, Service, api

PARIS = ZoneInfo("Europe/Paris")
# Crockford's base 32: no I, L, O, U, so a number read aloud or retyped is not misread.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIXES: dict[DocumentKind, str] = {
    DocumentKind.RIGHTS_CERTIFICATE: "AD",
    DocumentKind.IJ_CERTIFICATE: "IJ",
    DocumentKind.TAX_STATEMENT: "RF",
    DocumentKind.MONTHLY_STATEMENT: "RM",
    DocumentKind.EHIC_PROVISIONAL: "CP",
    DocumentKind.DECLARATION_RECEIPT: "AR",
}
FILE_STEMS: dict[DocumentKind, str] = {
    DocumentKind.RIGHTS_CERTIFICATE: "attestation_droits",
    DocumentKind.IJ_CERTIFICATE: "attestation_ij",
    DocumentKind.TAX_STATEMENT: "releve_fiscal",
    DocumentKind.MONTHLY_STATEMENT: "releve_mensuel",
    DocumentKind.EHIC_PROVISIONAL: "certificat_provisoire_ceam",
    DocumentKind.DECLARATION_RECEIPT: "accuse_reception",
}
MAIL_THEMES: dict[DocumentKind, MailTheme] = {
    DocumentKind.RIGHTS_CERTIFICATE: MailTheme.RIGHTS_VITALE,
    DocumentKind.IJ_CERTIFICATE: MailTheme.SICK_LEAVE,
    DocumentKind.TAX_STATEMENT: MailTheme.SICK_LEAVE,
    DocumentKind.MONTHLY_STATEMENT: MailTheme.REIMBURSEMENTS,
    DocumentKind.EHIC_PROVISIONAL: MailTheme.RIGHTS_VITALE,
    DocumentKind.DECLARATION_RECEIPT: MailTheme.OTHER,
}
NUMBER_RE = re.compile(r"^[A-Z]{2}-\d{4}-[0-9A-Z]{8}$")
KEYWORDS_RE = re.compile(rb"CPAM-DOC:([A-Z]{2}-\d{4}-[0-9A-Z]{8})")
MAX_IJ_SPAN_DAYS = 366 * 3

Renderer = Callable[[Letterhead, Stamp], bytes]


def _random_code(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_number(kind: DocumentKind, year: int) -> str:
    """'AD-2026-7F3K9Q2M': kind, year, 8 random characters (unguessable, unique in practice)."""
    return f"{PREFIXES[kind]}-{year}-{_random_code(8)}"


def normalize_code(text: str) -> str:
    """A verification code as typed: case, spaces, dashes and look-alike letters forgiven."""
    s = re.sub(r"[\s\-.]", "", text.upper())
    return s.translate(str.maketrans("OIL", "011"))


def parse_reference(text: str) -> tuple[str, str | None]:
    """A typed number (with an optional code), or a scanned QR payload 'CPAM-DOC:number:code'."""
    s = text.strip()
    if s.upper().startswith(QR_PREFIX + ":"):
        parts = s.split(":")
        return parts[1].strip().upper(), (parts[2] if len(parts) > 2 else None)
    return s.upper().replace(" ", ""), None


def today_paris() -> date:
    return datetime.now(UTC).astimezone(PARIS).date()


def format_nir(nir: str | None) -> str | None:
    if not nir:
        return None
    try:
        return parse_nir(nir).formatted()
    except ValidationError:
        return nir


def mask_iban(iban: str) -> str:
    compact = iban.replace(" ", "")
    return f"{compact[:4]} •••• •••• •••• {compact[-4:]}"


def address_lines(session: Session, member_id: int) -> tuple[str, ...]:
    """The member's current address as the lines of a letter (none if unknown)."""
    a = session.scalar(
        select(Address)
        .where(Address.member_id == member_id, Address.valid_to.is_(None))
        .order_by(Address.valid_from.desc())
        .limit(1)
    )
    if a is None:
        return ()
    return tuple(x for x in (a.line1, a.line2, f"{a.postcode} {a.city}") if x)


def _info(doc: IssuedDocument, holder: str, advisor: str | None) -> IssuedDocumentInfo:
    return IssuedDocumentInfo(
        id=doc.id,
        number=doc.number,
        kind=doc.kind,
        member_id=doc.member_id,
        holder=holder,
        issued_at=doc.issued_at,
        advisor=advisor,
        content_sha256=doc.content_sha256,
    )


def _filename(kind: DocumentKind, number: str) -> str:
    return f"{FILE_STEMS[kind]}_{number}.pdf"


def _rights_open(session: Session, member_id: int, day: date) -> RightsPeriod:
    current = session.scalar(
        select(RightsPeriod)
        .where(RightsPeriod.member_id == member_id, RightsPeriod.start <= day)
        .order_by(RightsPeriod.start.desc())
        .limit(1)
    )
    if current is None:
        raise ValidationError(
            "Aucune période de droits ouverte pour cet assuré : le document ne peut pas être "
            "délivré. Vérifiez sa situation (onglet Droits)."
        )
    if current.end is not None and current.end < day:
        raise ValidationError(
            f"Les droits de cet assuré sont fermés depuis le {current.end:%d/%m/%Y} : "
            "le document ne peut pas être délivré."
        )
    return current


def letterhead_for(session: Session, advisor: AdvisorInfo, fund_code: str) -> Letterhead:
    """The member's fund, and the advisor's office and name, as printed at the top of a letter."""
    office = session.get(Office, advisor.office_id) if advisor.office_id else None
    return Letterhead(
        fund=fund_for(fund_code),
        issued_on=today_paris(),
        office_name=office.name if office else None,
        office_address=(office.address_line, f"{office.postcode} {office.city}") if office else (),
        office_phone=office.phone if office else None,
        advisor_name=advisor.full_name,
    )


def _quality(relationship: Relationship | None, sex: Sex) -> str:
    if relationship is None:
        return "Assurée" if sex is Sex.FEMALE else "Assuré"
    return {
        Relationship.CHILD: "Enfant",
        Relationship.SPOUSE: "Conjointe" if sex is Sex.FEMALE else "Conjoint",
        Relationship.OTHER: "Autre ayant droit",
    }[relationship]


class DocumentsService(Service):
    name = "documents"

    # ------------------------------------------------------------------ issuing

    def _letterhead_for(self, session: Session, fund_code: str) -> Letterhead:
        return letterhead_for(session, self._ctx.advisor, fund_code)

    def _issue(
        self,
        kind: DocumentKind,
        member_id: int,
        load: Callable[[Session, Member], Renderer],
        action: str,
        detail: str | None = None,
    ) -> IssuedPdf:
        """Load the data (one read transaction), render outside any transaction, register."""
        with self._ctx.tx(readonly=True) as s:
            member = require_member(s, member_id)
            head = self._letterhead_for(s, member.fund_code)
            render = load(s, member)
        for _ in range(3):
            stamp = Stamp(new_number(kind, head.issued_on.year), _random_code(8))
            pdf = render(head, stamp)
            digest = hashlib.sha256(pdf).hexdigest()
            try:
                with self._ctx.tx() as s:
                    doc = IssuedDocument(
                        number=stamp.number,
                        verification_code=stamp.verification_code,
                        member_id=member_id,
                        kind=kind,
                        advisor_id=self._ctx.advisor.id,
                        content_sha256=digest,
                        pdf=pdf,
                    )
                    s.add(doc)
                    s.flush()
                    self._ctx.audit(
                        s,
                        action,
                        member_id=member_id,
                        target=f"document:{doc.number}",
                        detail=detail,
                    )
                    return IssuedPdf(
                        id=doc.id,
                        number=doc.number,
                        verification_code=doc.verification_code,
                        kind=kind,
                        member_id=member_id,
                        issued_at=doc.issued_at,
                        content_sha256=digest,
                        filename=_filename(kind, doc.number),
                        pdf=pdf,
                    )
            except IntegrityError:
                continue  # the random number was taken: draw another
        raise RuntimeError("could not draw a free document number")

    @api(Permission.DOCUMENT_ISSUE)
    def issue_rights_certificate(self, member_id: int) -> IssuedPdf:
        """Attestation de droits: member, dependents with rank, rights, ALD, CSS, doctor."""

        def load(s: Session, member: Member) -> Renderer:
            today = today_paris()
            rights = _rights_open(s, member.id, today)
            dependents = list(
                s.scalars(
                    select(Dependent)
                    .where(Dependent.member_id == member.id)
                    .order_by(Dependent.rank)
                )
            )
            names = {d.id: (d.rank, person_name(d.first_names, d.last_name)) for d in dependents}
            member_name = person_name(member.first_names, member.last_name)
            exonerations = tuple(
                rights_certificate.Exoneration(
                    rank=names[a.dependent_id][0] if a.dependent_id in names else 1,
                    beneficiary=names[a.dependent_id][1]
                    if a.dependent_id in names
                    else member_name,
                    label=f"ALD {a.code} — {a.label}",
                    start=a.start_date,
                    end=a.end_date,
                )
                for a in s.scalars(
                    select(Ald)
                    .where(
                        Ald.member_id == member.id,
                        Ald.exonerating.is_(True),
                        (Ald.end_date.is_(None)) | (Ald.end_date >= today),
                    )
                    .order_by(Ald.start_date)
                )
            )
            covers = tuple(
                (
                    {
                        "css_free": "Complémentaire santé solidaire (sans participation)",
                        "css_participation": "Complémentaire santé solidaire (avec participation)",
                        "ame": "Aide médicale de l'État",
                    }[c.kind.value],
                    c.start,
                    c.end,
                )
                for c in s.scalars(
                    select(CoverPeriod)
                    .where(CoverPeriod.member_id == member.id, CoverPeriod.end >= today)
                    .order_by(CoverPeriod.start)
                )
            )
            doctor = (
                s.get(Professional, member.referring_doctor_id)
                if member.referring_doctor_id
                else None
            )
            data = rights_certificate.RightsCertificateData(
                member=rights_certificate.Beneficiary(
                    1,
                    member_name,
                    member.birth_date,
                    format_nir(member.nir),
                    _quality(None, member.sex),
                ),
                address=address_lines(s, member.id),
                rights_start=rights.start,
                rights_end=rights.end,
                rights_basis=rights.basis,
                dependents=tuple(
                    rights_certificate.Beneficiary(
                        d.rank,
                        person_name(d.first_names, d.last_name),
                        d.birth_date,
                        format_nir(d.nir),
                        _quality(d.relationship, d.sex),
                    )
                    for d in dependents
                ),
                exonerations=exonerations,
                covers=covers,
                referring_doctor=f"Dr {doctor.first_name} {doctor.last_name.upper()}"
                if doctor
                else None,
                valid_on=today,
            )
            return lambda head, stamp: rights_certificate.render(data, head, stamp)

        return self._issue(
            DocumentKind.RIGHTS_CERTIFICATE, member_id, load, "documents.issue_rights_certificate"
        )

    @api(Permission.DOCUMENT_ISSUE)
    def issue_ij_certificate(self, member_id: int, start: date, end: date) -> IssuedPdf:
        """Attestation d'IJ: every payment whose indemnified period meets [start, end]."""
        if end < start:
            raise ValidationError("La fin de la période précède son début.", "end")
        if (end - start).days > MAX_IJ_SPAN_DAYS:
            raise ValidationError("Choisissez une période de trois ans au plus.", "start")

        def load(s: Session, member: Member) -> Renderer:
            rows = s.execute(
                select(IjPayment, SickLeave.kind)
                .join(SickLeave, SickLeave.id == IjPayment.sick_leave_id)
                .where(
                    IjPayment.member_id == member.id,
                    IjPayment.period_end >= start,
                    IjPayment.period_start <= end,
                )
                .order_by(IjPayment.period_start, IjPayment.id)
            ).all()
            data = ij_certificate.IjCertificateData(
                member_name=person_name(member.first_names, member.last_name),
                nir=format_nir(member.nir) or "",
                birth_date=member.birth_date,
                address=address_lines(s, member.id),
                start=start,
                end=end,
                lines=tuple(
                    ij_certificate.IjLine(
                        p.period_start,
                        p.period_end,
                        kind.value,
                        p.days,
                        p.daily_gross_cents,
                        p.gross_cents,
                        p.net_cents,
                        p.paid_on,
                    )
                    for p, kind in rows
                ),
            )
            return lambda head, stamp: ij_certificate.render(data, head, stamp)

        return self._issue(
            DocumentKind.IJ_CERTIFICATE,
            member_id,
            load,
            "documents.issue_ij_certificate",
            f"{start.isoformat()}..{end.isoformat()}",
        )

    @api(Permission.DOCUMENT_ISSUE)
    def issue_tax_statement(self, member_id: int, year: int) -> IssuedPdf:
        """Relevé fiscal: IJ paid in `year`, taxable 100 % / 50 % (work accident) / 0 % (ALD)."""
        if not 2000 <= year <= today_paris().year:
            raise ValidationError(f"Année {year} impossible pour un relevé fiscal.", "year")

        def load(s: Session, member: Member) -> Renderer:
            rows = s.execute(
                select(IjPayment, SickLeave.kind, SickLeave.ald_related)
                .join(SickLeave, SickLeave.id == IjPayment.sick_leave_id)
                .where(
                    IjPayment.member_id == member.id,
                    IjPayment.paid_on >= date(year, 1, 1),
                    IjPayment.paid_on <= date(year, 12, 31),
                )
                .order_by(IjPayment.paid_on, IjPayment.id)
            ).all()
            lines = tuple(
                tax_statement.TaxLine(
                    paid_on=p.paid_on,
                    period_start=p.period_start,
                    period_end=p.period_end,
                    kind=kind.value,
                    ald=ald,
                    net_cents=p.net_cents,
                    taxable_pct=0
                    if ald
                    else (WORK_ACCIDENT_TAXABLE_PCT if kind is LeaveKind.WORK_ACCIDENT else 100),
                )
                for p, kind, ald in rows
            )
            data = tax_statement.TaxStatementData(
                member_name=person_name(member.first_names, member.last_name),
                nir=format_nir(member.nir) or "",
                address=address_lines(s, member.id),
                year=year,
                lines=lines,
                groups=tax_groups(lines),
                taxable_total_cents=sum(g.taxable_cents for g in tax_groups(lines)),
            )
            return lambda head, stamp: tax_statement.render(data, head, stamp)

        return self._issue(
            DocumentKind.TAX_STATEMENT, member_id, load, "documents.issue_tax_statement", str(year)
        )

    @api(Permission.DOCUMENT_ISSUE)
    def issue_monthly_statement(self, member_id: int, year: int, month: int) -> IssuedPdf:
        """Relevé mensuel: the reimbursements paid in that month."""
        if not 1 <= month <= 12:
            raise ValidationError("Mois invalide.", "month")
        first = date(year, month, 1)
        if first > today_paris():
            raise ValidationError("Ce mois n'est pas encore commencé.", "month")
        last = add_months(first, 1) - timedelta(days=1)

        def load(s: Session, member: Member) -> Renderer:
            member_name = person_name(member.first_names, member.last_name)
            rows = s.execute(
                select(Reimbursement, Dependent, Professional)
                .outerjoin(Dependent, Dependent.id == Reimbursement.dependent_id)
                .outerjoin(Professional, Professional.id == Reimbursement.professional_id)
                .where(
                    Reimbursement.member_id == member.id,
                    Reimbursement.status == ReimbursementStatus.PAID,
                    Reimbursement.payment_date >= first,
                    Reimbursement.payment_date <= last,
                )
                .order_by(Reimbursement.payment_date, Reimbursement.care_date, Reimbursement.id)
            ).all()
            bank = s.scalar(
                select(BankAccount)
                .where(BankAccount.member_id == member.id, BankAccount.valid_to.is_(None))
                .limit(1)
            )
            data = monthly_statement.MonthlyStatementData(
                member_name=member_name,
                nir=format_nir(member.nir) or "",
                address=address_lines(s, member.id),
                year=year,
                month=month,
                iban_masked=mask_iban(bank.iban) if bank else None,
                lines=tuple(
                    monthly_statement.StatementLine(
                        care_date=r.care_date,
                        beneficiary=person_name(d.first_names, d.last_name) if d else member_name,
                        professional=professional_name(p, initial=True) if p else "—",
                        act=r.act_label,
                        charged_cents=r.charged_cents,
                        base_cents=r.base_cents,
                        rate_pct=r.rate_pct,
                        reimbursed_cents=r.reimbursed_cents,
                        deductibles_cents=r.participation_cents + r.franchise_cents,
                        paid_to="vous" if r.payee is Payee.MEMBER else "le professionnel",
                        payment_date=r.payment_date or last,
                    )
                    for r, d, p in rows
                ),
            )
            return lambda head, stamp: monthly_statement.render(data, head, stamp)

        return self._issue(
            DocumentKind.MONTHLY_STATEMENT,
            member_id,
            load,
            "documents.issue_monthly_statement",
            f"{year}-{month:02d}",
        )

    @api(Permission.DOCUMENT_ISSUE)
    def issue_ehic_provisional(
        self, member_id: int, rank: int = 1, valid_from: date | None = None
    ) -> IssuedPdf:
        """Certificat provisoire de remplacement de la CEAM for the member (rank 1) or a dependent."""
        start = valid_from or today_paris()
        if start < today_paris():
            raise ValidationError(
                "Le certificat ne peut pas commencer dans le passé.", "valid_from"
            )

        def load(s: Session, member: Member) -> Renderer:
            _rights_open(s, member.id, start)
            values = load_reference_values(s)
            months = value_at(values, "ceam.provisional_certificate_validity_months", start)
            end = add_months(start, months) - timedelta(days=1)
            fund = fund_for(member.fund_code)
            member_name = person_name(member.first_names, member.last_name)
            nir: str | None
            if rank == 1:
                last, first, born, nir = (
                    member.last_name,
                    member.first_names,
                    member.birth_date,
                    member.nir,
                )
            else:
                dep = s.scalar(
                    select(Dependent).where(
                        Dependent.member_id == member.id, Dependent.rank == rank
                    )
                )
                if dep is None:
                    raise NotFound(f"Aucun bénéficiaire de rang {rank:02d} pour cet assuré.")
                last, first, born, nir = dep.last_name, dep.first_names, dep.birth_date, dep.nir
            data = ehic_provisional.EhicProvisionalData(
                holder_name=person_name(first, last),
                last_name=last,
                first_names=first,
                birth_date=born,
                nir=format_nir(nir) if nir else format_nir(member.nir),
                member_name=member_name,
                address=address_lines(s, member.id),
                institution_id=f"{fund.regime}{fund.code} - {fund.name}",
                valid_from=start,
                valid_to=end,
            )
            return lambda head, stamp: ehic_provisional.render(data, head, stamp)

        return self._issue(
            DocumentKind.EHIC_PROVISIONAL,
            member_id,
            load,
            "documents.issue_ehic_provisional",
            f"rang {rank:02d}",
        )

    @api(Permission.DOCUMENT_ISSUE)
    def issue_declaration_receipt(self, declaration_id: int) -> IssuedPdf:
        """Accusé de réception of a declaration (number, kind, filing and estimated dates)."""
        with self._ctx.tx(readonly=True) as s:
            declaration = s.get(Declaration, declaration_id)
            if declaration is None:
                raise NotFound("Demande inconnue.")
            member_id = declaration.member_id

        def load(s: Session, member: Member) -> Renderer:
            d = s.get(Declaration, declaration_id)
            assert d is not None
            docs = tuple(
                (doc.label, doc.received_on is not None)
                for doc in s.scalars(
                    select(DeclarationDocument)
                    .where(DeclarationDocument.declaration_id == declaration_id)
                    .order_by(DeclarationDocument.id)
                )
            )
            data = declaration_receipt.DeclarationReceiptData(
                member_name=person_name(member.first_names, member.last_name),
                nir=format_nir(member.nir) or "",
                address=address_lines(s, member.id),
                request_number=d.number,
                kind=d.kind.value,
                filed_on=d.filed_at.astimezone(PARIS).date(),
                channel=d.channel.value,
                estimated_on=d.estimated_on,
                documents=docs,
            )
            return lambda head, stamp: declaration_receipt.render(data, head, stamp)

        return self._issue(
            DocumentKind.DECLARATION_RECEIPT,
            member_id,
            load,
            "documents.issue_declaration_receipt",
            f"declaration:{declaration_id}",
        )

    # ------------------------------------------------------------------ the register

    @api(Permission.DOCUMENT_ISSUE, readonly=True)
    def register(self, member_id: int, limit: int = 100) -> list[IssuedDocumentInfo]:
        """The documents issued for a member, newest first (without their PDF)."""
        limit = max(1, min(limit, 500))
        with self._ctx.tx() as s:
            member = require_member(s, member_id)
            holder = person_name(member.first_names, member.last_name)
            rows = s.execute(
                select(IssuedDocument, Advisor.full_name)
                .outerjoin(Advisor, Advisor.id == IssuedDocument.advisor_id)
                .where(IssuedDocument.member_id == member_id)
                .order_by(IssuedDocument.issued_at.desc(), IssuedDocument.id.desc())
                .limit(limit)
            ).all()
            self._ctx.audit(s, "documents.register", member_id=member_id)
            return [_info(d, holder, a) for d, a in rows]

    @api(Permission.DOCUMENT_ISSUE, readonly=True)
    def fetch(self, document_id: int) -> IssuedPdf:
        """An issued document again, with the PDF as it was issued."""
        with self._ctx.tx() as s:
            doc = s.get(IssuedDocument, document_id)
            if doc is None or doc.pdf is None:
                raise NotFound("Document inconnu ou sans PDF conservé.")
            self._ctx.audit(
                s, "documents.fetch", member_id=doc.member_id, target=f"document:{doc.number}"
            )
            return IssuedPdf(
                id=doc.id,
                number=doc.number,
                verification_code=doc.verification_code,
                kind=doc.kind,
                member_id=doc.member_id,
                issued_at=doc.issued_at,
                content_sha256=doc.content_sha256,
                filename=_filename(doc.kind, doc.number),
                pdf=doc.pdf,
            )

    def _lookup(self, s: Session, number: str) -> tuple[IssuedDocument, IssuedDocumentInfo] | None:
        row = s.execute(
            select(IssuedDocument, Member.first_names, Member.last_name, Advisor.full_name)
            .join(Member, Member.id == IssuedDocument.member_id)
            .outerjoin(Advisor, Advisor.id == IssuedDocument.advisor_id)
            .where(IssuedDocument.number == number)
        ).first()
        if row is None:
            return None
        doc, first, last, advisor = row
        return doc, _info(doc, person_name(first, last), advisor)

    def _verdict(
        self,
        s: Session,
        number: str,
        found: tuple[IssuedDocument, IssuedDocumentInfo] | None,
        ok: bool,
        why: str,
    ) -> Verification:
        if found is None:
            status = VerificationStatus.UNKNOWN
            message = (
                f"Aucun document n° {number} n'a été délivré : numéro inconnu du registre."
                if number
                else "Ce fichier ne porte pas de numéro de document de l'Assurance Maladie."
            )
            info = None
            member_id = None
        else:
            doc, info = found
            member_id = doc.member_id
            title = DOCUMENT_TITLES_FR[doc.kind]
            when = doc.issued_at.astimezone(PARIS).strftime("%d/%m/%Y à %H:%M")
            if ok:
                status = VerificationStatus.VALID
                message = (
                    f"Document authentique : « {title} » n° {number}, délivré le {when}, "
                    f"au nom de {info.holder}."
                )
            else:
                status = VerificationStatus.TAMPERED
                message = (
                    f"Document n° {number} NON CONFORME : {why} (original : {title} du {when})."
                )
        self._ctx.audit(
            s,
            "documents.verify",
            member_id=member_id,
            target=f"document:{number}",
            detail=status.value,
        )
        return Verification(status=status, number=number, message=message, document=info)

    @api(Permission.DOCUMENT_VERIFY, readonly=True)
    def verify(self, number: str, code: str | None = None) -> Verification:
        """Check a document number and its verification code (or a scanned QR payload)."""
        parsed, qr_code = parse_reference(number)
        code = code or qr_code
        if not parsed:
            raise ValidationError("Saisissez le numéro du document.", "number")
        if not code:
            raise ValidationError(
                "Saisissez le code de vérification imprimé sous le numéro.", "code"
            )
        with self._ctx.tx() as s:
            found = self._lookup(s, parsed)
            ok = found is not None and secrets.compare_digest(
                normalize_code(code), normalize_code(found[0].verification_code)
            )
            return self._verdict(
                s, parsed, found, ok, "le code de vérification ne correspond pas au numéro"
            )

    @api(Permission.DOCUMENT_VERIFY, readonly=True)
    def verify_pdf(self, pdf: bytes) -> Verification:
        """Check a PDF file handed back: its number (from the metadata) and its SHA-256."""
        match = KEYWORDS_RE.search(pdf)
        number = match.group(1).decode("ascii") if match else ""
        digest = hashlib.sha256(pdf).hexdigest()
        with self._ctx.tx() as s:
            found = self._lookup(s, number) if number else None
            if found is None and not number:
                # No number in the metadata: the exact file may still be in the register.
                doc_number = s.scalar(
                    select(IssuedDocument.number).where(IssuedDocument.content_sha256 == digest)
                )
                if doc_number:
                    number = doc_number
                    found = self._lookup(s, number)
            ok = found is not None and found[0].content_sha256 == digest
            return self._verdict(
                s,
                number,
                found,
                ok,
                "le fichier a été modifié depuis sa délivrance (empreinte différente)",
            )

    # ------------------------------------------------------------------ sending

    @api(Permission.DOCUMENT_ISSUE)
    def send_to_inbox(self, document_id: int, thread_id: int | None = None) -> SentDocument:
        """Put an issued document in the member's ameli inbox (an outbound message)."""
        now = utcnow()
        with self._ctx.tx() as s:
            doc = s.get(IssuedDocument, document_id)
            if doc is None:
                raise NotFound("Document inconnu.")
            title = DOCUMENT_TITLES_FR[doc.kind]
            if thread_id is not None:
                thread = s.get(MailThread, thread_id)
                if thread is None or thread.member_id != doc.member_id:
                    raise NotFound("Fil de messages inconnu pour cet assuré.")
                thread.last_message_at = now
                if thread.first_response_at is None:
                    thread.first_response_at = now
            else:
                thread = MailThread(
                    member_id=doc.member_id,
                    subject=f"{title} n° {doc.number}",
                    theme=MAIL_THEMES[doc.kind],
                    # Nothing to answer: the thread does not enter the agents' queue.
                    state=MailState.CLOSED,
                    office_id=self._ctx.advisor.office_id,
                    created_at=now,
                    last_message_at=now,
                    first_response_at=now,
                    closed_at=now,
                )
                s.add(thread)
            s.flush()
            message = MailMessage(
                thread_id=thread.id,
                at=now,
                direction=MessageDirection.OUTBOUND,
                author_advisor_id=self._ctx.advisor.id,
                body=(
                    "Bonjour,\n\nVous trouverez ci-joint le document demandé : "
                    f"{title} (n° {doc.number}).\n\nCordialement,\n{self._ctx.advisor.full_name}\n"
                    "Votre conseiller de l'Assurance Maladie"
                ),
                document_id=doc.id,
            )
            s.add(message)
            s.flush()
            self._ctx.audit(
                s,
                "documents.send_to_inbox",
                member_id=doc.member_id,
                target=f"document:{doc.number}",
                detail=f"thread:{thread.id}",
            )
            return SentDocument(document_id=doc.id, thread_id=thread.id, message_id=message.id)


def tax_groups(lines: tuple[tax_statement.TaxLine, ...]) -> tuple[tax_statement.TaxGroup, ...]:
    """Yearly sums by nature, with the taxable share applied to each sum (domain/tax.py)."""
    sickness = sum(x.net_cents for x in lines if not x.ald and x.kind != LeaveKind.WORK_ACCIDENT)
    accident = sum(x.net_cents for x in lines if not x.ald and x.kind == LeaveKind.WORK_ACCIDENT)
    ald = sum(x.net_cents for x in lines if x.ald)
    groups = []
    if sickness:
        groups.append(
            tax_statement.TaxGroup(
                "IJ maladie, maternité, paternité",
                sickness,
                100,
                taxable_ij_cents(LeaveKind.SICKNESS, sickness, False),
            )
        )
    if accident:
        groups.append(
            tax_statement.TaxGroup(
                "IJ accident du travail, maladie professionnelle",
                accident,
                WORK_ACCIDENT_TAXABLE_PCT,
                taxable_ij_cents(LeaveKind.WORK_ACCIDENT, accident, False),
            )
        )
    if ald:
        groups.append(
            tax_statement.TaxGroup(
                "IJ liées à une affection de longue durée",
                ald,
                0,
                taxable_ij_cents(LeaveKind.SICKNESS, ald, True),
            )
        )
    return tuple(groups)
