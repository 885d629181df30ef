"""Errors raised while making a report, each with a message a person can act on.

    ReportError          the report cannot be made as asked (unknown unit, month not begun, ...)

Storage errors (db.StorageError) and engine errors (indicators.IndicatorError)
pass through unchanged; the command line and the app turn each into a sentence.
"""

from __future__ import annotations


class ReportError(Exception):
    """The report cannot be made as asked; the message says why and what to change."""

    def __init__(self, danish: str, english: str | None = None) -> None:
        super().__init__(danish)
        self.danish = danish
        self.english = english or danish

    def text(self, language: str) -> str:
        """Return the message in language ("da" or "en")."""
        return self.english if language == "en" else self.danish
