"""The storage's validation problems, kept per form and shown under the field each one names."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from db import Problem, StorageError, ValidationError

PROBLEMS_KEY = "field_problems"


def refusal_text(error: StorageError, language: str) -> str:
    """Return the storage's refusal as sentences in language."""
    return error.text(language) if isinstance(error, ValidationError) else str(error)


def remember_problems(form: str, error: ValidationError) -> None:
    """Keep the problems of a refused save until the form is drawn again."""
    st.session_state.setdefault(PROBLEMS_KEY, {})[form] = error.problems


def forget_problems(form: str) -> None:
    """Drop the problems of a form (it was saved, or left)."""
    st.session_state.setdefault(PROBLEMS_KEY, {}).pop(form, None)


def form_problems(form: str) -> tuple[Problem, ...]:
    """Return the problems kept for a form."""
    return st.session_state.get(PROBLEMS_KEY, {}).get(form, ())


def show_field_problems(form: str, field: str, language: str) -> None:
    """Show, right under a field, every problem that names it."""
    for problem in form_problems(form):
        if problem.field == field:
            st.error(problem.text(language), icon=":material/error:")


def show_other_problems(form: str, shown_fields: Iterable[str], language: str) -> None:
    """Show the problems that name none of the form's fields (such as the date)."""
    shown = set(shown_fields)
    for problem in form_problems(form):
        if problem.field not in shown:
            st.error(problem.text(language), icon=":material/error:")
