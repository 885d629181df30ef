"""The visitor's chosen language, kept in the URL so a bookmark keeps it."""

from __future__ import annotations

import streamlit as st

from app.i18n import CATALOGUES, DEFAULT_LANGUAGE, LANGUAGE_NAMES, translate


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
