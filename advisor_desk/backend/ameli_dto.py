"""Plain data of the ameli service: the member's account status, and the provisional code letter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from advisor_desk.domain.ameli import AmeliStatus


@dataclass(frozen=True)
class AmeliAccountInfo:
    """Where the member stands with the ameli account, and what a counter may do about it."""

    member_id: int
    status: AmeliStatus
    opened_at: datetime | None  # the account's creation (None while only a code is pending)
    last_login_at: datetime | None
    locked_at: datetime | None  # locked since (None: not locked)
    failed_logins: int  # wrong passwords in a row
    code_issued_at: datetime | None  # the last provisional code handed over, if any
    code_valid_until: date | None  # its last valid day (Europe/Paris, inclusive)
    code_issued_by: str | None  # the advisor who handed it over
    issue_refusal: str | None  # why no code can be handed over now (French), None if it can
    # A self-employed worker: update the carte Vitale before creating the account.
    vitale_update_advised: bool = False

    @property
    def can_issue_code(self) -> bool:
        return self.issue_refusal is None

    @property
    def can_unlock(self) -> bool:
        return self.status is AmeliStatus.LOCKED


@dataclass(frozen=True)
class ProvisionalCodeLetter:
    """A provisional code just issued: shown once, with the letter to hand to the member.

    Neither the code nor the letter is kept anywhere (only the code's hash): print it or give
    it now; a lost letter means issuing a new code.
    """

    member_id: int
    code: str  # as printed, '7KQ4-MZ2T'
    valid_until: date
    filename: str
    pdf: bytes
    account: AmeliAccountInfo  # the account after the issue (status: code pending, or locked)
