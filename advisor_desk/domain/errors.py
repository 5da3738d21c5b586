"""Typed errors: every refusal the backend gives carries a French message an advisor can read."""

from __future__ import annotations


class AdvisorDeskError(Exception):
    """Base of every expected error; `message` is shown to the advisor as is."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(AdvisorDeskError):
    """Input that breaks a rule; `field` names the form field concerned, when there is one."""

    code = "validation"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class AuthError(AdvisorDeskError):
    """Login refused, session expired or revoked."""

    code = "auth"


class PermissionDenied(AdvisorDeskError):
    code = "permission"


class NotFound(AdvisorDeskError):
    code = "not_found"


class ConflictError(AdvisorDeskError):
    """Someone else changed or took the record first."""

    code = "conflict"


class BackendUnavailable(AdvisorDeskError):
    """The database or the server cannot be reached."""

    code = "unavailable"


ERROR_CLASSES: dict[str, type[AdvisorDeskError]] = {
    cls.code: cls
    for cls in (
        AdvisorDeskError,
        ValidationError,
        AuthError,
        PermissionDenied,
        NotFound,
        ConflictError,
        BackendUnavailable,
    )
}
