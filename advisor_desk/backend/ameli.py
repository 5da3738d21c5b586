"""The member's ameli account at the counter: its status, a provisional code to create it, unlocking."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from advisor_desk.documents import ameli_code
from advisor_desk.domain.ameli import (
    PARIS,
    AmeliStatus,
    account_status,
    code_expiry,
    code_refusal,
    code_valid_until,
    format_code,
    new_code,
    valid_until,
    vitale_update_advised,
)
from advisor_desk.domain.errors import ConflictError, NotFound, ValidationError
from advisor_desk.domain.permissions import Permission

from .ameli_dto import AmeliAccountInfo, ProvisionalCodeLetter
from .documents import address_lines, format_nir, letterhead_for, today_paris
from .members import rights_status
from .orm import Advisor, AmeliAccount, Member, RightsPeriod
from .orm.base import utcnow
from .reimbursements import person_name, require_member
from .security import hash_password
from .service import Service, api

_CONFLICT = (
    "Un autre conseiller vient d'agir sur le compte ameli de cet assuré ; rien n'a été "
    "enregistré : réessayez."
)


class AmeliService(Service):
    name = "ameli"

    # ------------------------------------------------------------------ reading

    def _row(self, s: Session, member_id: int, *, for_update: bool = False) -> AmeliAccount | None:
        query = select(AmeliAccount).where(AmeliAccount.member_id == member_id)
        return s.scalar(query.with_for_update() if for_update else query)

    def _refusal(
        self, s: Session, member_id: int, status: AmeliStatus, opened: datetime | None
    ) -> tuple[str | None, bool]:
        """Why no code can be handed over now (the one rule, for the status and the issue),
        and whether the member should update the carte Vitale first (self-employed)."""
        rights = s.execute(
            select(RightsPeriod.start, RightsPeriod.end, RightsPeriod.basis)
            .where(RightsPeriod.member_id == member_id)
            .order_by(RightsPeriod.start.desc())
            .limit(1)
        ).one_or_none()
        start, end = (rights.start, rights.end) if rights else (None, None)
        refusal = code_refusal(
            status=status,
            opened_on=opened.astimezone(PARIS).date() if opened else None,
            rights=rights_status(start, end, today_paris()),
            rights_end=end,
        )
        return refusal, vitale_update_advised(rights.basis if rights else None)

    def _info(self, s: Session, member_id: int, row: AmeliAccount | None) -> AmeliAccountInfo:
        now = utcnow()
        if row is None:
            status = AmeliStatus.NONE
            refusal, vitale = self._refusal(s, member_id, status, None)
            return AmeliAccountInfo(
                member_id=member_id,
                status=status,
                opened_at=None,
                last_login_at=None,
                locked_at=None,
                failed_logins=0,
                code_issued_at=None,
                code_valid_until=None,
                code_issued_by=None,
                issue_refusal=refusal,
                vitale_update_advised=vitale,
            )
        status = account_status(
            opened_at=row.opened_at,
            locked_at=row.locked_at,
            code_expires_at=row.code_expires_at,
            now=now,
        )
        refusal, vitale = self._refusal(s, member_id, status, row.opened_at)
        issued_by = (
            s.scalar(select(Advisor.full_name).where(Advisor.id == row.code_issued_by))
            if row.code_issued_by is not None
            else None
        )
        return AmeliAccountInfo(
            member_id=member_id,
            status=status,
            opened_at=row.opened_at,
            last_login_at=row.last_login_at,
            locked_at=row.locked_at,
            failed_logins=row.failed_logins,
            code_issued_at=row.code_issued_at,
            code_valid_until=valid_until(row.code_expires_at) if row.code_expires_at else None,
            code_issued_by=issued_by,
            issue_refusal=refusal,
            vitale_update_advised=vitale,
        )

    @api(Permission.MEMBER_READ, readonly=True)
    def account(self, member_id: int) -> AmeliAccountInfo:
        """The member's ameli account: none, code pending (until when), active, or locked."""
        with self._ctx.tx(readonly=True) as s:
            require_member(s, member_id)
            info = self._info(s, member_id, self._row(s, member_id))
            self._ctx.audit(s, "ameli.account", member_id=member_id, detail=info.status.value)
        return info

    # ------------------------------------------------------------------ writing

    @api(Permission.AMELI_ASSIST)
    def issue_code(self, member_id: int) -> ProvisionalCodeLetter:
        """Hand the member a provisional code to create the account, and the letter to give.

        Refused when the member's account is open and not locked, or the rights are closed.
        A code still pending is replaced (the earlier one stops working). Only the code's
        hash is stored; the code is returned once, printed on the letter, never registered.
        """
        code = new_code()
        # Argon2id, as the advisors' passwords: ~50 ms, so outside the transaction.
        digest = hash_password(code)
        try:
            with self._ctx.tx() as s:
                # The member row, locked: two counters issuing at once take turns.
                member = s.scalar(select(Member).where(Member.id == member_id).with_for_update())
                if member is None:
                    raise NotFound("Assuré inconnu.")
                row = self._row(s, member_id, for_update=True)
                before = self._info(s, member_id, row)
                if before.issue_refusal is not None:
                    raise ValidationError(before.issue_refusal)
                now = utcnow()
                last_day = code_valid_until(now.astimezone(PARIS).date())
                replaced = before.status is AmeliStatus.CODE_PENDING or (
                    before.status is AmeliStatus.LOCKED
                    and before.code_valid_until is not None
                    and before.code_valid_until >= today_paris()
                )
                if row is None:
                    row = AmeliAccount(member_id=member_id, failed_logins=0)
                    s.add(row)
                row.code_hash = digest
                row.code_issued_at = now
                row.code_expires_at = code_expiry(now.astimezone(PARIS).date())
                row.code_issued_by = self._ctx.advisor.id
                s.flush()
                detail = f"valable jusqu'au {last_day:%d/%m/%Y}"
                if replaced and before.code_issued_at is not None:
                    earlier = before.code_issued_at.astimezone(PARIS)
                    detail += f" ; remplace le code du {earlier:%d/%m/%Y}"
                self._ctx.audit(
                    s,
                    "ameli.issue_code",
                    member_id=member_id,
                    target=f"ameli:{row.id}",
                    detail=detail,
                )
                after = self._info(s, member_id, row)
                data = ameli_code.AmeliCodeData(
                    member_name=person_name(member.first_names, member.last_name),
                    nir=format_nir(member.nir) or "",
                    birth_date=member.birth_date,
                    address=address_lines(s, member_id),
                    code=format_code(code),
                    valid_until=last_day,
                    replaces_earlier=replaced,
                    update_vitale_first=after.vitale_update_advised,
                )
                head = letterhead_for(s, self._ctx.advisor, member.fund_code)
        except (IntegrityError, StaleDataError):
            raise ConflictError(_CONFLICT) from None
        # Rendered once the code is stored: the letter never holds a code that is not valid.
        pdf = ameli_code.render(data, head)
        return ProvisionalCodeLetter(
            member_id=member_id,
            code=data.code,
            valid_until=last_day,
            filename=f"code_provisoire_ameli_{head.issued_on:%Y%m%d}.pdf",
            pdf=pdf,
            account=after,
        )

    @api(Permission.AMELI_ASSIST)
    def unlock(self, member_id: int) -> AmeliAccountInfo:
        """Unlock an account locked after too many wrong passwords (the count starts again)."""
        try:
            with self._ctx.tx() as s:
                require_member(s, member_id)
                row = self._row(s, member_id, for_update=True)
                if row is None or row.opened_at is None:
                    raise ValidationError(
                        "Cet assuré n'a pas de compte ameli : il n'y a rien à débloquer. "
                        "Pour qu'il le crée, remettez-lui un code provisoire."
                    )
                if row.locked_at is None:
                    raise ValidationError(
                        "Le compte ameli de cet assuré n'est pas bloqué : il n'y a rien à "
                        "débloquer. S'il a oublié son mot de passe, il le réinitialise sur "
                        "ameli.fr (« Mot de passe oublié »)."
                    )
                locked_at, failed = row.locked_at, row.failed_logins
                row.locked_at = None
                row.failed_logins = 0
                s.flush()
                self._ctx.audit(
                    s,
                    "ameli.unlock",
                    member_id=member_id,
                    target=f"ameli:{row.id}",
                    detail=f"bloqué depuis le {locked_at.astimezone(PARIS):%d/%m/%Y %H:%M}"
                    f" ; {failed} échec(s)",
                )
                return self._info(s, member_id, row)
        except StaleDataError:
            raise ConflictError(_CONFLICT) from None
