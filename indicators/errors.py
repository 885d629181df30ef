"""Errors raised by the indicators core, each with a message a person can act on.

    IndicatorError                 anything the core refuses to do
    ├── InvalidOptionError         an option is out of range or of the wrong kind
    └── InvalidDataError           the data cannot be charted as asked
        ├── MissingColumnError     a named column is not in the data
        ├── NonNumericValueError   text where a number belongs
        └── TooFewPointsError      fewer points than the analysis needs

Every error carries a Danish message (`str(error)`, the default language of Tavle)
and an English one (`error.english`): TwoLanguageError, which the reports' errors share.
"""

from __future__ import annotations


class TwoLanguageError(Exception):
    """An error whose message a person can act on, in Danish (str(error)) and English."""

    def __init__(self, danish: str, english: str | None = None) -> None:
        super().__init__(danish)
        self.danish = danish
        self.english = english or danish

    def text(self, language: str) -> str:
        """Return the message in language ("da" or "en")."""
        return self.english if language == "en" else self.danish


class IndicatorError(TwoLanguageError):
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
