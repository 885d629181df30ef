"""Add, correct and remove the dated changes (PDSA) noted on a unit's charts, with undo.

A note belongs to one indicator, or to every chart of the unit. Free text that
looks like a CPR number is refused by the storage; its message appears under
the text field.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from app.access.identity import current_actor
from app.form_problems import refuse, show_field_problems, show_other_problems_once
from app.language import current_language, text
from app.notices import REMOVED_ICON, Notice, Reversal, announce, show_notice
from app.resources import database, today
from db import (
    StorageError,
    StoredIndicator,
    add_annotation,
    correct_annotation,
    delete_annotation,
    list_annotations,
    read_session,
    restore_annotation,
    write_session,
)
from reports import format_date

DATE_FORMAT = "DD-MM-YYYY"
SCOPES = ("indicator", "unit")


def annotation_editor(unit_id: int, indicator: StoredIndicator, *, key: str) -> None:
    """Show the form for a new change and the unit's changes on this chart, each editable."""
    language = current_language()
    show_notice(key)
    _note_form(unit_id, indicator, key=f"{key}.new", notice_key=key, language=language,
               annotation=None)
    with read_session(database()) as session:
        notes = list_annotations(unit_id, session=session, actor=current_actor(), indicator_id=indicator.id)
    st.markdown(f"**{text('annotation.saved_title')}**")
    if notes.empty:
        st.caption(text("annotation.none"))
        return
    for row in notes.itertuples():
        day = format_date(row.date, language=language)
        scope = "unit" if pd.isna(row.indicator_id) else "indicator"
        when, what, edit, remove = st.columns([2, 6, 1.2, 1.2], vertical_alignment="center")
        when.write(day)
        what.write(f"{row.text}  \n:gray[{text(f'annotation.scope.{scope}')}]")
        with edit.popover(text("annotation.edit"), help=text("annotation.edit.help")):
            _note_form(unit_id, indicator, key=f"{key}.edit.{row.id}", notice_key=key,
                       language=language, annotation=(int(row.id), row.date, row.text, scope))
        if remove.button(text("annotation.remove"), key=f"{key}.remove.{row.id}"):
            with write_session(database()) as session:
                delete_annotation(int(row.id), session=session, actor=current_actor())
            what = f"{day}: {row.text}"
            announce(key, Notice(text("annotation.removed", what=what), tone="info",
                                 icon=REMOVED_ICON),
                     undo=Reversal(partial(_restore, int(row.id)),
                                   Notice(text("annotation.restored", what=what))))
            st.rerun()


def _note_form(unit_id: int, indicator: StoredIndicator, *, key: str, notice_key: str,
               language: str, annotation: tuple[int, date, str, str] | None) -> None:
    """Show the form that adds a change, or corrects `annotation` (id, day, text, scope)."""
    annotation_id, day, note, scope = annotation or (None, today(), "", "indicator")
    with st.form(key, border=annotation is None):
        if annotation is None:
            st.markdown(f"**{text('annotation.new_title')}**")
        day = st.date_input(text("annotation.day"), value=day, max_value=today(),
                            format=DATE_FORMAT, key=f"{key}.day")
        show_field_problems(key, "date", language)
        note = st.text_input(text("annotation.text"), value=note, key=f"{key}.text",
                             placeholder=text("annotation.text.placeholder"),
                             help=text("annotation.text.help"))
        show_field_problems(key, "text", language)
        scope = st.radio(text("annotation.scope"), SCOPES, index=SCOPES.index(scope),
                         horizontal=True, key=f"{key}.scope",
                         format_func=lambda s: text(f"annotation.scope.{s}"))
        submitted = st.form_submit_button(
            text("annotation.add" if annotation is None else "annotation.save"), type="primary")
        show_other_problems_once(key, ("date", "text"), language)
    if not submitted:
        return
    indicator_id = indicator.id if scope == "indicator" else None
    try:
        with write_session(database()) as session:
            if annotation_id is None:
                add_annotation(unit_id, day, note, indicator_id=indicator_id, session=session,
                               actor=current_actor(), today=today())
            else:
                correct_annotation(annotation_id, day=day, text=note, indicator_id=indicator_id,
                                   session=session, actor=current_actor(), today=today())
    except StorageError as refused:
        refuse(key, refused)
    notice = "annotation.added" if annotation_id is None else "annotation.corrected"
    # An empty text field for the next change; a corrected one keeps its new text.
    announce(notice_key, Notice(text(notice, day=format_date(day, language=language))),
             clear=[f"{key}.text"] if annotation_id is None else [])
    st.rerun()


def _restore(annotation_id: int) -> None:
    """Bring a removed change back (the Undo of its removal)."""
    with write_session(database()) as session:
        restore_annotation(annotation_id, session=session, actor=current_actor())
