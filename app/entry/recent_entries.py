"""The unit's latest entries and events on the entry page, each with "Ret" and "Slet".

Corrections and deletions go through the storage (audited, soft), and each
comes with an undo, like a new registration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from app.access.identity import current_actor
from app.entry.actions import correct_figures, delete_row, move_event, reversal
from app.entry.cards import WHOLE_NUMBER_FIELDS, field_label
from app.entry.descriptions import (
    FIGURE_FIELDS,
    entry_fields,
    entry_text,
    figure,
    figures_text,
    period_phrase,
)
from app.form_problems import (
    forget_problems,
    remember_problems,
    show_field_problems,
    show_other_problems,
)
from app.indicator_labels import capitalised, indicator_label
from app.language import current_language, text
from app.notices import Notice, announce, forget_notice, refusal, show_notice
from app.resources import database
from db import (
    StorageError,
    StoredIndicator,
    ValidationError,
    list_entries,
    list_events,
    read_session,
)
from reports import format_date

RECENT = "recent"  # the form name the list's confirmations are shown under
EDITING_KEY = "entry.editing"  # (kind, row id) of the row being corrected
RECENT_COUNT = 8
# Recorded times are stored in UTC and shown as the clock on the ward's wall reads.
LOCAL_TIME = ZoneInfo("Europe/Copenhagen")


@dataclass(frozen=True)
class RecentRow:
    """One recent entry or event, as the list shows it."""

    kind: str  # "entry" or "event"
    row_id: int
    indicator_id: int
    day: date  # the period's first day, or the event's day
    figures: tuple[tuple[str, float | None], ...]  # entries only
    note: str | None
    recorded_at: datetime


def recent_rows(unit_id: int, *, limit: int = RECENT_COUNT) -> list[RecentRow]:
    """Return the unit's most recently recorded entries and events, newest first."""
    with read_session(database()) as session:
        entries = list_entries(unit_id, session=session, actor=current_actor(), limit=limit)
        events = list_events(unit_id, session=session, actor=current_actor(), limit=limit)
    rows = [RecentRow("entry", int(e.id), int(e.indicator_id), e.date,
                      tuple((name, figure(getattr(e, name))) for name in FIGURE_FIELDS),
                      e.note, _as_utc(e.recorded_at)) for e in entries.itertuples()]
    rows += [RecentRow("event", int(e.id), int(e.indicator_id), e.date, (), e.note,
                       _as_utc(e.recorded_at)) for e in events.itertuples()]
    return sorted(rows, key=lambda row: (row.recorded_at, row.row_id), reverse=True)[:limit]


def _as_utc(moment: datetime | pd.Timestamp) -> datetime:
    """Return a stored timestamp as an aware UTC datetime (SQLite hands them back naive)."""
    moment = pd.Timestamp(moment).to_pydatetime()
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def describe(row: RecentRow, stored: StoredIndicator, *, today: date, language: str) -> str:
    """Return the row in words: "Andel borgere triageret dagligt, i dag: 23 af 25"."""
    definition = stored.definition
    if row.kind == "event":
        event = indicator_label(definition, "numerator", language)
        return capitalised(text("entry.event.what", event=event,
                                date=format_date(row.day, language=language)))
    period = period_phrase(row.day, definition.period, today=today, language=language)
    return entry_text(definition, period, figures_text(definition, dict(row.figures), language),
                      language)


def recent_entries(unit_id: int, indicators: dict[int, StoredIndicator], *, today: date,
                   language: str) -> None:
    """Show the latest entries and events with their correct and delete buttons."""
    st.markdown(f"## {text('entry.recent')}")
    show_notice(RECENT)
    rows = [row for row in recent_rows(unit_id) if row.indicator_id in indicators]
    if not rows:
        st.caption(text("entry.recent.none"))
    for row in rows:
        _recent_row(row, indicators[row.indicator_id], today=today, language=language)


def _recent_row(row: RecentRow, stored: StoredIndicator, *, today: date, language: str) -> None:
    """One row: what and when, then Ret and Slet (or the correction form while correcting)."""
    what = describe(row, stored, today=today, language=language)
    local = row.recorded_at.astimezone(LOCAL_TIME)
    when = text("entry.recent.when", date=format_date(local.date(), language=language),
                time=f"{local:%H:%M}")
    key = f"{row.kind}-{row.row_id}"
    with st.container(border=True):
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"**{what}**  \n{text('entry.recent.at', when=when)}", width="stretch")
            st.button(text("entry.correct"), key=f"correct-{key}", icon=":material/edit:",
                      on_click=_start_correcting, args=(row,))
            st.button(text("entry.delete"), key=f"delete-{key}", icon=":material/delete:",
                      on_click=_delete, args=(row, what))
        if st.session_state.get(EDITING_KEY) == (row.kind, row.row_id):
            _correction_form(row, stored, today=today, language=language)


def _correction_form(row: RecentRow, stored: StoredIndicator, *, today: date,
                     language: str) -> None:
    """The row's figures (or the event's day and note), filled in, to be corrected."""
    form = f"correct-{row.kind}-{row.row_id}"
    definition = stored.definition
    with st.form(form, border=False):
        if row.kind == "event":
            fields: tuple[str, ...] = ("date", "note")
            st.date_input(text("entry.date"), value=row.day, max_value=today, key=f"{form}-date",
                          format="DD-MM-YYYY")
            show_field_problems(form, "date", language, label=text("entry.date"))
            st.text_input(text("entry.note"), value=row.note or "", key=f"{form}-note",
                          max_chars=200)
            st.caption(text("entry.note.help"))
            show_field_problems(form, "note", language, label=text("entry.note"))
        else:
            fields = entry_fields(definition)
            current = dict(row.figures)
            for column, field in zip(st.columns(len(fields)) if fields else [], fields,
                                     strict=True):
                with column:
                    whole = field in WHOLE_NUMBER_FIELDS
                    value = current.get(field)
                    label = field_label(definition, field, period_phrase(
                        row.day, definition.period, today=today, language=language), language)
                    st.number_input(label, key=f"{form}-{field}",
                                    value=None if value is None else (int(value) if whole else value),
                                    min_value=0 if whole else None, step=1 if whole else 0.1)
                    show_field_problems(form, field, language, label=capitalised(label))
        show_other_problems(form, fields, language)
        save, cancel = st.columns(2)
        period = period_phrase(row.day, definition.period, today=today, language=language)
        with save:
            st.form_submit_button(text("entry.correct.save"), type="primary", width="stretch",
                                  icon=":material/save:", on_click=_save_correction,
                                  args=(form, row, stored, period))
        with cancel:
            st.form_submit_button(text("entry.cancel"), width="stretch",
                                  on_click=_stop_correcting, args=(form,))


def _start_correcting(row: RecentRow) -> None:
    """Open the row's correction form (button callback)."""
    forget_notice()
    st.session_state[EDITING_KEY] = (row.kind, row.row_id)


def _stop_correcting(form: str) -> None:
    """Close the correction form (button callback)."""
    forget_problems(form)
    st.session_state.pop(EDITING_KEY, None)


def _save_correction(form: str, row: RecentRow, stored: StoredIndicator, period: str) -> None:
    """Save the corrected figures or event (form callback); problems go under their fields."""
    language = current_language()
    try:
        if row.kind == "event":
            day = st.session_state.get(f"{form}-date")
            note = st.session_state.get(f"{form}-note") or None
            undo = move_event(row.row_id, day, note, before_day=row.day, before_note=row.note)
            what = capitalised(text("entry.event.what", event=indicator_label(
                stored.definition, "numerator", language), date=format_date(day, language=language)))
        else:
            fields = entry_fields(stored.definition)
            figures = {field: st.session_state.get(f"{form}-{field}") for field in fields}
            undo = correct_figures(row.row_id, figures, before=dict(row.figures))
            what = entry_text(stored.definition, period, figures_text(
                stored.definition, figures, language), language)
    except ValidationError as refused:
        remember_problems(form, refused)
        return
    except StorageError as refused:
        _stop_correcting(form)
        announce(RECENT, refusal(refused.text(language)))
        return
    _stop_correcting(form)
    announce(RECENT, Notice(text("entry.corrected", what=what)), undo=reversal(undo, what))


def _delete(row: RecentRow, what: str) -> None:
    """Delete the row softly (button callback); the confirmation offers to bring it back."""
    st.session_state.pop(EDITING_KEY, None)
    try:
        undo = delete_row(row.kind, row.row_id)
    except StorageError as refused:
        announce(RECENT, refusal(refused.text(current_language())))
        return
    announce(RECENT, Notice(text("entry.deleted", what=what)), undo=reversal(undo, what))
