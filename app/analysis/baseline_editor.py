"""Freeze a baseline ("Frys") or start a new phase ("Skift") with a reason; list and remove them.

Nothing rebases by itself: the chart only splits or freezes when a team saves
it here, with the reason written down. A removed setting can be brought back.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from app.access.identity import current_actor
from app.form_problems import refuse, show_field_problems, show_other_problems_once
from app.language import current_language, text
from app.notices import REMOVED_ICON, Notice, Reversal, announce, show_notice
from app.resources import database, today
from db import (
    StorageError,
    StoredIndicator,
    add_baseline,
    delete_baseline,
    list_baselines,
    read_session,
    restore_baseline,
    write_session,
)
from reports import format_date

KINDS = ("new_phase", "freeze")
DATE_FORMAT = "DD-MM-YYYY"


def baseline_editor(unit_id: int, indicator: StoredIndicator, *, key: str,
                    suggested_day: date | None = None) -> None:
    """Show the form that saves a freeze or phase, and the saved ones with remove and undo."""
    language = current_language()
    show_notice(key)
    form = f"{key}.form"
    with st.form(form, clear_on_submit=False, border=True):
        kind = st.radio(text("baseline.kind"), KINDS, horizontal=True, key=f"{key}.kind",
                        format_func=lambda k: text(f"baseline.kind.{k}"))
        day = st.date_input(text("baseline.day"), value=suggested_day or today(),
                            max_value=today(), format=DATE_FORMAT, key=f"{key}.day",
                            help=text("baseline.day.help"))
        show_field_problems(form, "date", language)
        reason = st.text_input(text("baseline.reason"), key=f"{key}.reason",
                               placeholder=text("baseline.reason.placeholder"))
        show_field_problems(form, "reason", language)
        saved = st.form_submit_button(text("baseline.save"), type="primary")
        show_other_problems_once(form, ("date", "reason"), language)
    if saved:
        try:
            with write_session(database()) as session:
                add_baseline(unit_id, indicator.id, kind, day, reason, session=session,
                             actor=current_actor(), today=today())
        except StorageError as refused:
            refuse(form, refused)
        announce(key, Notice(text(f"baseline.saved.{kind}",
                                  day=format_date(day, language=language))),
                 clear=[f"{key}.reason"])
        st.rerun()
    _saved_list(unit_id, indicator, key=key, language=language)


def _saved_list(unit_id: int, indicator: StoredIndicator, *, key: str, language: str) -> None:
    """List the saved freeze and phases with a remove button each."""
    with read_session(database()) as session:
        saved = list_baselines(unit_id, indicator.id, session=session, actor=current_actor())
    st.markdown(f"**{text('baseline.saved_title')}**")
    if saved.empty:
        st.caption(text("baseline.none"))
        return
    for row in saved.itertuples():
        day = format_date(row.date, language=language)
        what, reason, remove = st.columns([3, 5, 2], vertical_alignment="center")
        what.write(text(f"baseline.row.{row.kind}", day=day))
        reason.write(row.reason)
        if remove.button(text("baseline.remove"), key=f"{key}.remove.{row.id}",
                         help=text("baseline.remove.help")):
            with write_session(database()) as session:
                delete_baseline(int(row.id), session=session, actor=current_actor())
            what = text(f"baseline.row.{row.kind}", day=day)
            announce(key, Notice(text("baseline.removed", what=what), tone="info",
                                 icon=REMOVED_ICON),
                     undo=Reversal(partial(_restore, int(row.id)),
                                   Notice(text("baseline.restored", what=what))))
            st.rerun()


def _restore(baseline_id: int) -> None:
    """Bring a removed setting back (the Undo of its removal)."""
    with write_session(database()) as session:
        restore_baseline(baseline_id, session=session, actor=current_actor())
