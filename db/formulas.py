"""The one rule for text in a file Tavle writes for Excel: no cell may become a formula.

Excel (and LibreOffice) run a cell that starts with = + - @, a tab or a carriage
return as a formula, also after leading spaces (OWASP "CSV injection"): a note
"=HYPERLINK(...)" would become a live link in a leader's spreadsheet. Such text
gets an apostrophe in front, which Excel shows as text; an import takes it off
again, so an exported file imports to the same text.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"


def neutralise(text: str) -> str:
    """Prefix text that Excel would run as a formula with an apostrophe."""
    return NEUTRALISER + text if text.lstrip(" ").startswith(FORMULA_STARTS) else text


def unneutralise(text: str) -> str:
    """Undo neutralise, so an exported file imports to the same text."""
    if text.startswith(NEUTRALISER) and text[1:].lstrip(" ").startswith(FORMULA_STARTS):
        return text[1:]
    return text


def neutralise_cell(value: object) -> object:
    """Return a cell to write: text neutralised, numbers, dates and gaps as they are."""
    return neutralise(value) if isinstance(value, str) else value
