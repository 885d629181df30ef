"""Look up user-facing strings in the chosen language."""

from __future__ import annotations

from app.strings import da, en

CATALOGUES: dict[str, dict[str, str]] = {"da": da.STRINGS, "en": en.STRINGS}
DEFAULT_LANGUAGE = "da"
LANGUAGE_NAMES: dict[str, str] = {"da": "Dansk", "en": "English"}


def translate(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """Return the string for key in language, filled with values."""
    catalogue = CATALOGUES.get(language, CATALOGUES[DEFAULT_LANGUAGE])
    text = catalogue.get(key) or CATALOGUES[DEFAULT_LANGUAGE][key]
    return text.format(**values) if values else text
