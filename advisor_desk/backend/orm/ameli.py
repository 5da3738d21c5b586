"""The member's ameli account as the counters see it: opened, locked, or a provisional code pending."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class AmeliAccount(Base):
    """One row per member who has an account, or was handed a provisional code.

    Only a hash of the code is kept (Argon2id): the code itself is printed once, on the letter
    given to the member, and never stored nor sent.
    """

    __tablename__ = "ameli_accounts"
    __table_args__ = (
        CheckConstraint("failed_logins >= 0", name="failed_logins"),
        # Nobody signs in to, nor locks, an account that was never opened.
        CheckConstraint(
            "opened_at IS NOT NULL OR (last_login_at IS NULL AND locked_at IS NULL)",
            name="opened",
        ),
        # A code is its hash, its issue and its expiry together, or none of them.
        CheckConstraint(
            "(code_hash IS NULL AND code_issued_at IS NULL AND code_expires_at IS NULL) "
            "OR (code_hash IS NOT NULL AND code_issued_at IS NOT NULL "
            "AND code_expires_at IS NOT NULL AND code_issued_at < code_expires_at)",
            name="code",
        ),
        # A row stands for an account or a code: an empty one says nothing.
        CheckConstraint("opened_at IS NOT NULL OR code_hash IS NOT NULL", name="account_or_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), unique=True
    )
    opened_at: Mapped[datetime | None]  # NULL while only a code is pending
    last_login_at: Mapped[datetime | None]
    locked_at: Mapped[datetime | None]  # NULL: not locked
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    code_hash: Mapped[str | None] = mapped_column(String(200))
    code_issued_at: Mapped[datetime | None]
    code_expires_at: Mapped[datetime | None]
    code_issued_by: Mapped[int | None] = mapped_column(ForeignKey("advisors.id"))
    # Two counters may act for one member at once: a stale write fails instead of overwriting.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
