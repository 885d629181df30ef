"""Import a CSV or XLSX file: first a preview (every problem, or what will be written), then import.

The preview writes nothing. Only a file without problems offers "Importér", and
the import checks the whole file again inside its transaction: all of it or nothing.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.access.identity import current_actor
from app.language import current_language, text
from app.notices import Notice, announce, show_notice
from app.plain_text import as_text
from app.resources import database, today
from db import (
    ImportPlan,
    StorageError,
    import_file,
    preview_import,
    read_session,
    write_session,
)

KEY = "admin.import"
# The order the summary lists what an import does (keys of ImportPlan.summary()).
SUMMARY_ORDER = ("new_units", "new_entries", "corrected_entries", "unchanged_entries",
                 "new_events", "unchanged_events", "new_annotations", "unchanged_annotations")


def problems_table(plan: ImportPlan, *, language: str) -> pd.DataFrame:
    """Return one row per problem: the file's row (blank for the whole file), field and message."""
    return pd.DataFrame([{
        text("admin.import.row"): "" if problem.row is None else str(problem.row),
        text("admin.import.problem"): problem.message_en if language == "en" else problem.message_da,
    } for problem in plan.problems])


def summary_table(plan: ImportPlan) -> pd.DataFrame:
    """Return what the import will write, one line per kind of row."""
    summary = plan.summary()
    return pd.DataFrame([{text("admin.import.what"): text(f"admin.import.summary.{name}"),
                          text("admin.import.count"): summary[name]} for name in SUMMARY_ORDER])


def import_panel() -> None:
    """Show the uploader, the preview of the chosen file, and the import button when it is clean."""
    language = current_language()
    show_notice(KEY)
    st.caption(text("admin.import.help"))
    # A fresh uploader after each import, so the same file is not offered twice.
    round_number = st.session_state.get(f"{KEY}.round", 0)
    upload = st.file_uploader(text("admin.import.file"), type=["csv", "xlsx"],
                              key=f"{KEY}.file.{round_number}")
    create_units = st.checkbox(text("admin.import.create_units"), key=f"{KEY}.create_units",
                               help=text("admin.import.create_units.help"))
    if upload is None:
        return
    content = upload.getvalue()
    with read_session(database()) as session:
        plan = preview_import(content, filename=upload.name, session=session, today=today(),
                              create_units=create_units)
    if plan.problems:
        st.error(text("admin.import.refused", count=len(plan.problems), file=as_text(upload.name)),
                 icon=":material/error:")
        st.dataframe(problems_table(plan, language=language), hide_index=True, width="stretch")
        return
    st.success(text("admin.import.ready", file=as_text(upload.name)), icon=":material/fact_check:")
    st.table(summary_table(plan), hide_index=True, border="horizontal")
    if plan.new_units:
        st.caption(text("admin.import.new_units", units=", ".join(map(as_text, plan.new_units))))
    if not st.button(text("admin.import.submit"), type="primary", key=f"{KEY}.submit",
                     icon=":material/upload:"):
        return
    try:
        with write_session(database()) as session:
            done = import_file(content, filename=upload.name, session=session,
                               actor=current_actor(), today=today(), create_units=create_units)
    except StorageError as refused:  # the data changed since the preview, or the database is busy
        st.error(refused.text(language))
        return
    summary = done.summary()
    st.session_state[f"{KEY}.round"] = round_number + 1
    announce(KEY, Notice(text("admin.import.done", file=upload.name,
                              entries=summary["new_entries"] + summary["corrected_entries"],
                              events=summary["new_events"],
                              annotations=summary["new_annotations"])))
    st.rerun()
