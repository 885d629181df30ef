"""User-facing strings in Danish or English, and the visitor's language, kept in the URL so a bookmark keeps it."""

from __future__ import annotations

import streamlit as st

from app.strings import da, en

CATALOGUES: dict[str, dict[str, str]] = {"da": da.STRINGS, "en": en.STRINGS}
DEFAULT_LANGUAGE = "da"
LANGUAGE_NAMES: dict[str, str] = {"da": "Dansk", "en": "English"}


def translate(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """Return the string for key in language, filled with values."""
    catalogue = CATALOGUES.get(language, CATALOGUES[DEFAULT_LANGUAGE])
    text = catalogue.get(key) or CATALOGUES[DEFAULT_LANGUAGE][key]
    return text.format(**values) if values else text


def current_language() -> str:
    """Return the language code chosen in the URL, Danish by default."""
    code = st.query_params.get("lang", DEFAULT_LANGUAGE)
    return code if code in CATALOGUES else DEFAULT_LANGUAGE


def text(key: str, **values: object) -> str:
    """Return the string for key in the visitor's language."""
    return translate(key, current_language(), **values)


def language_picker() -> None:
    """Show the language switch in the sidebar and store the choice in the URL."""
    codes = list(LANGUAGE_NAMES)
    chosen = st.sidebar.selectbox(
        text("language.label"),
        codes,
        index=codes.index(current_language()),
        format_func=LANGUAGE_NAMES.__getitem__,
        key="language_picker",
    )
    if chosen != current_language():
        if chosen == DEFAULT_LANGUAGE:
            del st.query_params["lang"]
        else:
            st.query_params["lang"] = chosen
        st.rerun()
