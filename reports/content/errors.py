"""Errors raised while making a report, each with a message a person can act on.

    ReportError          the report cannot be made as asked (unknown unit, month not begun, ...)

ReportError is one branch of Tavle's one error tree, drawn in `indicators/errors.py`:
like storage errors (db.StorageError) and engine errors (indicators.IndicatorError),
which pass through unchanged, it is a TavleError, so the command line and the app
show any of them with `error.text(language)`.
"""

from __future__ import annotations

from indicators import TavleError


class ReportError(TavleError):
    """The report cannot be made as asked; the message says why and what to change."""
