"""Password hashing (Argon2id, OWASP parameters) and session tokens."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from advisor_desk.domain.errors import ValidationError

# OWASP Password Storage Cheat Sheet: Argon2id, m=19 MiB, t=2, p=1.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_dummy_hash: str | None = None


def _dummy() -> str:
    """Verified against when the login is unknown, so both cases take the same time."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("advisor-desk: no such account")
    return _dummy_hash


MAX_FAILED_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_LENGTH = 12


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _dummy(), password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def check_password_policy(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"Le mot de passe doit comporter au moins {MIN_PASSWORD_LENGTH} caractères "
            f"({len(password)} saisis).",
            field,
        )
    if password.strip() != password:
        raise ValidationError(
            "Le mot de passe ne doit pas commencer ni finir par un espace.", field
        )
    kinds = sum(
        [
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
    )
    if kinds < 2:
        raise ValidationError(
            "Le mot de passe doit mêler au moins deux sortes de caractères "
            "(minuscules, majuscules, chiffres, symboles).",
            field,
        )


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
