"""Exceptions raised by the storage.

    StorageError                 anything the storage refuses, with a sentence a person can act on
    ├── ValidationError          the data breaks a rule; carries every Problem (row, field, da, en)
    ├── NotFoundError                 the unit, indicator, entry or user does not exist (or is deleted)
    ├── PermissionDeniedError         the acting user may not do this (for this unit)
    ├── ReadOnlySessionError          a write was attempted in a session opened for reading
    └── BackupError              a backup or restore could not be made
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (row, field key) and what, in Danish and English.

    The messages begin with the field's name in their language ("tæller: mangler").
    """

    row: int | None
    field: str | None
    message_da: str
    message_en: str

    def text(self, language: str = "da") -> str:
        """Return the problem as one sentence, starting with its row when it has one."""
        message = self.message_en if language == "en" else self.message_da
        if self.row is None:
            return message
        return f"{'Row' if language == 'en' else 'Række'} {self.row}: {message}"


class StorageError(Exception):
    """The storage refused to do something; the message says why."""


class ValidationError(StorageError):
    """The data breaks one or more rules; nothing was written."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.text("da"))

    def text(self, language: str = "da") -> str:
        """Return every problem, one per line, in language ("da" or "en")."""
        return "\n".join(problem.text(language) for problem in self.problems)


class NotFoundError(StorageError):
    """The thing asked for does not exist or is deleted."""


class PermissionDeniedError(StorageError):
    """The acting user may not do this, or no acting user was given."""


class ReadOnlySessionError(StorageError):
    """A repository write was given a session opened with read_session()."""


class BackupError(StorageError):
    """A backup or restore could not be made."""
