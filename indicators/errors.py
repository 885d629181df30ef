"""Tavle's errors: one tree, every message in Danish and English.

    TavleError                          anything Tavle refuses to do; .text("da" | "en")
    ├── IndicatorError                  the core cannot do what was asked (indicators)
    │   ├── InvalidOptionError          an option is out of range or of the wrong kind
    │   └── InvalidDataError            the data cannot be charted as asked
    │       ├── MissingColumnError      a named column is not in the data
    │       ├── NonNumericValueError    text where a number belongs
    │       └── TooFewPointsError       fewer points than the analysis needs
    ├── StorageError                    the storage refuses (db.errors)
    │   ├── ValidationError             the data breaks a rule; carries every Problem
    │   ├── NotFoundError               the unit, indicator, entry or user does not exist (or is deleted)
    │   ├── PermissionDeniedError       the acting user may not do this (for this unit)
    │   ├── ReadOnlySessionError        a write was attempted in a session opened for reading
    │   ├── BackupError                 a backup or restore could not be made
    │   └── SignInError                 the username and password (or PIN) do not match (db.sign_in)
    │       └── LockedOutError          too many failed sign-ins; try again later
    └── ReportError                     the report cannot be made as asked (reports.content.errors)
        ├── PartFailedError             a part laid out in another process failed (reports.pdf.report_parts)
        └── JoinError                   the parts could not be joined into one PDF (reports.pdf.pdf_join)

The root lives here because `indicators` imports nothing of Tavle's; `db` and
`reports` derive their roots from it. `str(error)` is the Danish message (Tavle's
default language, what the command lines print unless asked for English);
`error.text(language)` is what a page or a command line with a language shows.
"""

from __future__ import annotations


class TavleError(Exception):
    """Tavle refused to do something; the message says why, in Danish (str(error)) and English."""

    def __init__(self, danish: str, english: str) -> None:
        super().__init__(danish)
        self.danish = danish
        self.english = english

    def text(self, language: str) -> str:
        """Return the message in language ("da" or "en")."""
        return self.english if language == "en" else self.danish

    def __reduce__(self) -> tuple:
        """Pickle as what the error holds, whatever a subclass's __init__ takes.

        A forked worker sends its error back pickled (reports' forked work); Exception's
        own pickling would call the class with str(error) alone.
        """
        return _rebuilt, (type(self), self.args, self.__dict__)


def _rebuilt(kind: type[TavleError], args: tuple, state: dict) -> TavleError:
    """An error of kind holding args and state (see TavleError.__reduce__)."""
    error = kind.__new__(kind, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class IndicatorError(TavleError):
    """The core cannot do what was asked; the message says why and what to change."""


class InvalidOptionError(IndicatorError):
    """An option (chart, rules, freeze, part, ...) is out of range or of the wrong kind."""


class InvalidDataError(IndicatorError):
    """The data cannot be charted as asked."""


class MissingColumnError(InvalidDataError):
    """A column named in the call is not in the data."""


class NonNumericValueError(InvalidDataError):
    """A column that must hold numbers holds text."""


class TooFewPointsError(InvalidDataError):
    """The data has fewer points than the analysis needs."""
