"""Import a CSV or XLSX file: upload, say what the columns mean, see the data as read, then import.

Nothing is written before "Importér", and only a file without problems offers it;
the import checks the whole file again inside its transaction: all of it or nothing.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from app.access.identity import current_actor
from app.admin.import_mapping import mapping_step
from app.indicator_labels import indicator_label
from app.language import current_language, text
from app.notices import Notice, announce, show_notice
from app.plain_text import as_text
from app.resources import database, today
from db import (
    ImportMapping,
    ImportPlan,
    StorageError,
    build_template,
    import_file,
    list_indicators,
    list_units,
    open_import_file,
    preview_import,
    read_session,
    write_session,
)
from reports import format_date, format_number, format_week

KEY = "admin.import"
# The order the summary lists what an import does (keys of ImportPlan.summary()).
SUMMARY_ORDER = ("new_units", "new_entries", "corrected_entries", "unchanged_entries",
                 "new_events", "corrected_events", "unchanged_events", "new_annotations",
                 "unchanged_annotations")
# How many rows per indicator the preview shows as read.
ROWS_SHOWN = 5


def problems_table(plan: ImportPlan, *, language: str) -> pd.DataFrame:
    """Return one row per problem: its sheet, row and column (blank when not known), and message."""
    with_sheets = any(problem.sheet for problem in plan.problems)
    return pd.DataFrame([{
        **({text("admin.import.sheet_column"): problem.sheet or ""} if with_sheets else {}),
        text("admin.import.row"): "" if problem.row is None else str(problem.row),
        text("admin.import.column_column"): problem.column or "",
        text("admin.import.problem"): problem.message_en if language == "en" else problem.message_da,
    } for problem in plan.problems])


def summary_table(plan: ImportPlan) -> pd.DataFrame:
    """Return what the import will write, one line per kind of row."""
    summary = plan.summary()
    return pd.DataFrame([{text("admin.import.what"): text(f"admin.import.summary.{name}"),
                          text("admin.import.count"): summary[name]} for name in SUMMARY_ORDER])


def rows_as_read(plan: ImportPlan, *, language: str) -> dict[str, pd.DataFrame]:
    """Return the first rows of each indicator as read: dates and figures in the language's format."""
    status = plan.row_status()
    by_indicator: dict[str, list] = {}
    for row in plan.rows:
        by_indicator.setdefault(row.indicator, []).append(row)
    tables = {}
    for indicator, rows in by_indicator.items():
        shown = [{
            text("admin.import.read.row"): (f"{row.sheet}: {row.row}" if row.sheet
                                            else str(row.row)),
            text("admin.import.read.date"): format_date(row.day, language=language),
            text("admin.import.read.week"): format_week(row.day, language=language,
                                                        with_year=True),
            text("admin.import.read.kind"): text(f"admin.import.kind.{row.row_type}")
            if row.row_type else "",
            text("admin.import.read.numerator"): _figure(row.numerator, language),
            text("admin.import.read.denominator"): _figure(row.denominator, language),
            text("admin.import.read.value"): _figure(row.value, language),
            text("admin.import.read.note"): row.note or "",
            text("admin.import.read.status"): text(
                f"admin.import.status.{status[(row.sheet, row.row, row.indicator)]}"),
        } for row in rows[:ROWS_SHOWN]]
        tables[indicator] = pd.DataFrame(shown)
    return tables


def _figure(figure: float | None, language: str) -> str:
    return "" if figure is None else format_number(figure, language=language)


def template_download() -> None:
    """Offer a unit's template ("Hent skabelon"): its indicators laid out as teams keep sheets."""
    with read_session(database()) as session:
        units = list_units(session=session)
    units = units[units["kind"] == "unit"]
    if units.empty:
        return
    names = dict(zip(units["id"], units["name"], strict=True))
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    with left:
        unit_id = st.selectbox(text("admin.import.template.unit"), [int(i) for i in units["id"]],
                               format_func=names.__getitem__, key=f"{KEY}.template.unit")
    with read_session(database()) as session:
        content = build_template(unit_id, session=session, actor=current_actor(), today=today())
    with right:
        st.download_button(text("admin.import.template"), content,
                           file_name=text("admin.import.template.file", unit=names[unit_id]),
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           icon=":material/download:", key=f"{KEY}.template")


def import_panel() -> None:
    """Show the uploader, the mapping step, the preview of the data as read, and the import button."""
    language = current_language()
    show_notice(KEY)
    st.caption(text("admin.import.help"))
    template_download()
    # A fresh uploader after each import, so the same file is not offered twice.
    round_number = st.session_state.get(f"{KEY}.round", 0)
    upload = st.file_uploader(text("admin.import.file"), type=["csv", "xlsx"],
                              key=f"{KEY}.file.{round_number}")
    create_units = st.checkbox(text("admin.import.create_units"), key=f"{KEY}.create_units",
                               help=text("admin.import.create_units.help"))
    if upload is None:
        return
    content = upload.getvalue()
    mapping: ImportMapping | None = None
    try:
        file = open_import_file(content, filename=upload.name)
    except StorageError:
        file = None  # the preview says why the file cannot be read
    if file is not None and not file.long:
        key = f"{KEY}.map.{hashlib.sha256(content).hexdigest()[:12]}"
        mapping = mapping_step(file, key=key, language=language)
    with read_session(database()) as session:
        plan = preview_import(content, filename=upload.name, session=session, today=today(),
                              create_units=create_units, mapping=mapping)
        names = {s.id: s for s in list_indicators(session=session)}
        codes = {s.definition.code: s for s in names.values()}
        units = list_units(session=session)
    unit_names = dict(zip(units["id"], units["name"], strict=True))
    if plan.notices:
        st.warning("\n".join([text("admin.import.notices")]
                             + [f"- {notice.text(language)}" for notice in plan.notices]),
                   icon=":material/info:")
    if plan.problems:
        st.error(text("admin.import.refused", count=len(plan.problems), file=as_text(upload.name)),
                 icon=":material/error:")
        # A table, not a grid: a problem's whole sentence must be readable, never cut off.
        st.table(problems_table(plan, language=language), hide_index=True, border="horizontal")
        return
    st.success(text("admin.import.ready", file=as_text(upload.name)), icon=":material/fact_check:")
    st.table(summary_table(plan), hide_index=True, border="horizontal")
    if plan.new_units:
        st.caption(text("admin.import.new_units", units=", ".join(map(as_text, plan.new_units))))
    st.markdown(f"**{text('admin.import.as_read', count=ROWS_SHOWN)}**")
    counts = {}
    for row in plan.rows:
        counts[row.indicator] = counts.get(row.indicator, 0) + 1
    for indicator, table in rows_as_read(plan, language=language).items():
        stored = codes.get(indicator)
        st.caption(indicator_label(stored.definition, "name", language) if stored else indicator)
        st.dataframe(table, hide_index=True, width="stretch")
        if counts[indicator] > ROWS_SHOWN:
            st.caption(text("admin.import.rows_more", count=counts[indicator] - ROWS_SHOWN))
    off_board = [(unit, names[indicator]) for unit, indicator in plan.off_board
                 if isinstance(unit, int)]
    add_to_board = False
    if off_board:
        add_to_board = st.checkbox(
            text("admin.import.add_to_board",
                 indicators=", ".join(indicator_label(s.definition, "name", language)
                                      for _, s in off_board),
                 unit=", ".join(dict.fromkeys(as_text(unit_names[u]) for u, _ in off_board))),
            value=True, key=f"{KEY}.add_to_board", help=text("admin.import.add_to_board.help"))
    if not st.button(text("admin.import.submit"), type="primary", key=f"{KEY}.submit",
                     icon=":material/upload:"):
        return
    try:
        with write_session(database()) as session:
            done = import_file(content, filename=upload.name, session=session,
                               actor=current_actor(), today=today(), create_units=create_units,
                               mapping=mapping, add_to_board=add_to_board)
    except StorageError as refused:  # the data changed since the preview, or the database is busy
        st.error(refused.text(language))
        return
    summary = done.summary()
    st.session_state[f"{KEY}.round"] = round_number + 1
    figures = {"file": upload.name, "entries": summary["new_entries"] + summary["corrected_entries"],
               "events": summary["new_events"] + summary["corrected_events"],
               "annotations": summary["new_annotations"]}
    listed = ", ".join(indicator_label(s.definition, "name", language) for _, s in off_board)
    if off_board and add_to_board:
        message = text("admin.import.done_board", indicators=listed, **figures)
    elif off_board:
        message = text("admin.import.done_off_board", indicators=listed, **figures)
    else:
        message = text("admin.import.done", **figures)
    announce(KEY, Notice(message))
    st.rerun()
