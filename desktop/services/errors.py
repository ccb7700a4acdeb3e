"""The errors services raise; each carries a Vietnamese message for the user."""

from __future__ import annotations


class ServiceError(Exception):
    """A known, user-facing failure of a use case."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(ServiceError):
    """Invalid input; `field` names the input so the GUI can show the message beside it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class PeriodLocked(ValidationError):
    """The write touches a period whose report is signed: it needs an adjustment reason,
    passed again as `adjustment_reason` (the GUI then asks for one)."""


class PermissionDenied(ServiceError):
    """The caller's role may not do this (SPEC §8)."""


class NotFound(ServiceError):
    """The record does not exist, was deleted, or belongs to another unit."""


class AuthenticationError(ServiceError):
    """Wrong user name or password, or a locked account."""
