"""The report's words, one catalogue per language (texts_da, texts_en), looked up by key."""

from __future__ import annotations

from reports.wording.texts_da import TEXTS as DANISH
from reports.wording.texts_en import TEXTS as ENGLISH

CATALOGUES: dict[str, dict[str, str]] = {"da": DANISH, "en": ENGLISH}


def report_text(key: str, language: str = "da", **values: object) -> str:
    """Return the text for key in language, with {values} filled in."""
    if language not in CATALOGUES:
        raise ValueError(f"Unknown language {language!r}; expected one of {', '.join(CATALOGUES)}.")
    return CATALOGUES[language][key].format(**values)


def counted(count: int, noun: str, language: str = "da") -> str:
    """Return a count with its noun in the singular or plural: "1 enhed", "3 enheder"."""
    return report_text(f"{noun}.{'one' if count == 1 else 'many'}", language, count=count)
