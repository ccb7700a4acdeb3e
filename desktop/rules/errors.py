"""The one error the rule set raises: bad input, with the field it concerns.

It subclasses ValueError so callers that only know "the value was wrong" still catch it,
and it carries a Vietnamese message so the GUI can show it beside the field unchanged.
"""

from __future__ import annotations


class RuleInputError(ValueError):
    """An input a rule cannot work with; `message` is Vietnamese and shown to the user."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"
