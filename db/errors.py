"""Exceptions raised by the storage: the StorageError branch of Tavle's one error tree.

    StorageError                 anything the storage refuses, with a sentence a person can act on
    ├── ValidationError          the data breaks a rule; carries every Problem (row, field, da, en)
    ├── NotFoundError            the unit, indicator, entry or user does not exist (or is deleted)
    ├── PermissionDeniedError    the acting user may not do this (for this unit)
    ├── ReadOnlySessionError     a write was attempted in a session opened for reading
    ├── BackupError              a backup or restore could not be made
    └── SignInError              the username and password (or PIN) do not match (db.sign_in)
        └── LockedOutError       too many failed sign-ins; try again later

StorageError is a TavleError (the whole tree is drawn in `indicators/errors.py`):
raised with a Danish and an English message, `str(error)` is the Danish one and
`error.text(language)` the one to show. Every StorageError also reads as `problems`:
a ValidationError's broken rules, each naming its field, or else one naming none.
"""

from __future__ import annotations

from dataclasses import dataclass

from indicators import TavleError


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (row, field key) and what, in Danish and English.

    The messages begin with the field's name in their language ("tæller: mangler").
    """

    row: int | None
    field: str | None
    message_da: str
    message_en: str
    sheet: str | None = None  # the workbook's sheet, when the file has several
    column: str | None = None  # the column as Excel names it ("C"), when known

    def text(self, language: str = "da") -> str:
        """Return the problem as one sentence, starting with where it is when that is known."""
        message = self.message_en if language == "en" else self.message_da
        where = self.where(language)
        return f"{where}: {message}" if where else message

    def where(self, language: str = "da") -> str:
        """Return where the problem is: sheet, row and column, those that are known."""
        english = language == "en"
        parts = []
        if self.sheet is not None:
            parts.append(f"{'Sheet' if english else 'Ark'} {self.sheet!r}")
        if self.row is not None:
            parts.append(f"{'row' if english else 'række'} {self.row}")
        if self.column is not None:
            parts.append(f"{'column' if english else 'kolonne'} {self.column}")
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]


class StorageError(TavleError):
    """The storage refused to do something; the message says why, in Danish and English."""

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The refusal as broken rules: here one that names no field (a form shows it apart)."""
        return (Problem(None, None, self.danish, self.english),)


class ValidationError(StorageError):
    """The data breaks one or more rules; nothing was written."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self._problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(_joined(self._problems, "da"), _joined(self._problems, "en"))

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every broken rule, each naming its row and field where it has them."""
        return self._problems


class NotFoundError(StorageError):
    """The thing asked for does not exist or is deleted."""


class PermissionDeniedError(StorageError):
    """The acting user may not do this, or no acting user was given."""


class ReadOnlySessionError(StorageError):
    """A repository write was given a session opened with read_session()."""


class BackupError(StorageError):
    """A backup or restore could not be made."""


def _joined(problems: tuple[Problem, ...], language: str) -> str:
    """Return every problem, one per line, in language: a ValidationError's message."""
    return "\n".join(problem.text(language) for problem in problems)
