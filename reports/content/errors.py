"""Errors raised while making a report, each with a message a person can act on.

    ReportError          the report cannot be made as asked (unknown unit, month not begun, ...)

Storage errors (db.StorageError) and engine errors (indicators.IndicatorError)
pass through unchanged; the command line and the app turn each into a sentence.
"""

from __future__ import annotations

from indicators import TwoLanguageError


class ReportError(TwoLanguageError):
    """The report cannot be made as asked; the message says why and what to change."""
