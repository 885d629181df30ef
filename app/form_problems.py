"""The problems of a form's refused save, kept in the session and shown under the fields they name.

A save is tried in a button callback, before the page is drawn (the entry cards), or
after the form is drawn, when `refuse` keeps the refusal and draws the page again
(administration, analysis). Either way the run that draws the form knows the problems:
each field shows those that name it, and the form shows the rest (a refusal about no
field, such as a missing right, is one problem naming none) where the page puts them.
The entry cards keep them until the card is saved or closed; a page that saves after
drawing shows them once (`show_other_problems_once`), like its other notices.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NoReturn

import streamlit as st

from db import Problem, StorageError

PROBLEMS_KEY = "form_problems"
ICON = ":material/error:"


def remember_problems(form: str, refused: StorageError) -> None:
    """Keep the problems of a refused save until the form is drawn again (and after)."""
    st.session_state.setdefault(PROBLEMS_KEY, {})[form] = refused.problems


def refuse(form: str, refused: StorageError) -> NoReturn:
    """Keep the problems of a save tried after its form was drawn, and draw the page again."""
    remember_problems(form, refused)
    st.rerun()


def forget_problems(form: str) -> None:
    """Drop the problems of a form (it was saved, or left)."""
    st.session_state.setdefault(PROBLEMS_KEY, {}).pop(form, None)


def form_problems(form: str) -> tuple[Problem, ...]:
    """Return the problems kept for a form."""
    return st.session_state.get(PROBLEMS_KEY, {}).get(form, ())


def show_field_problems(form: str, field: str, language: str, *, label: str | None = None) -> None:
    """Show, right under a field, every problem that names it.

    label: the field's label as the user reads it ("Fik alle elementer i uge 49"); it
    replaces the storage's own name for the field ("tæller") at the start of the message.
    """
    for problem in form_problems(form):
        if problem.field == field:
            message = problem.text(language)
            st.error(message if label is None else as_read(message, label), icon=ICON)


def as_read(message: str, label: str) -> str:
    """Return a problem's message led by the field's label instead of the storage's field name."""
    _, found, rest = message.partition(": ")
    return f"{label}: {rest}" if found else f"{label}: {message}"


def show_other_problems(form: str, shown_fields: Iterable[str], language: str) -> None:
    """Show the problems that name none of the form's fields (such as a refusal about no field)."""
    shown = set(shown_fields)
    for problem in form_problems(form):
        if problem.field not in shown:
            st.error(problem.text(language), icon=ICON)


def show_other_problems_once(form: str, shown_fields: Iterable[str], language: str) -> None:
    """Show the problems that name none of shown_fields, then drop the form's problems.

    For a form drawn after its fields: the next run draws it without them.
    """
    show_other_problems(form, shown_fields, language)
    forget_problems(form)
