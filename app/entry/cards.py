"""One card per indicator on the entry page: a tap for an event, a few figures for the rest.

Saving happens in button callbacks, before Streamlit draws the page again, so a
refused save's problems are known when the fields are drawn and appear under
the field each one names.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from app.board.red_days import show_red_days
from app.board.safety_calendar import calendar_html, read_month
from app.entry.actions import confirm_day, reversal, save_event, save_figures
from app.entry.card_order import is_done
from app.entry.descriptions import (
    entry_fields,
    entry_text,
    figure,
    figures_text,
    period_phrase,
)
from app.focus import focus_on
from app.form_problems import (
    forget_problems,
    remember_problems,
    show_field_problems,
    show_other_problems,
)
from app.indicator_labels import capitalised, indicator_label
from app.language import current_language, text
from app.notices import Notice, announce, forget_notice, refusal, show_notice
from db import StorageError, StoredIndicator, ValidationError, period_start
from indicators import IndicatorDefinition
from reports import format_date

CONFIRMING_KEY = "entry.confirming"  # the event card waiting for "Ja, registrér"
WHOLE_NUMBER_FIELDS = ("numerator", "denominator")


def card_key(stored: StoredIndicator) -> str:
    """Return the name of an indicator's card (its form, inputs and messages hang on it)."""
    return f"card-{stored.id}"


def entry_card(unit_id: int, stored: StoredIndicator, *, day: date, today: date,
               series: pd.DataFrame, language: str, sampling_since: date | None = None) -> None:
    """Show one indicator's card for registering on day.

    sampling_since: the day the unit began to sample this (process) indicator, if it
    samples on day; the card then says to count only the records checked.
    """
    definition = stored.definition
    with st.container(border=True):
        st.markdown(f"### {indicator_label(definition, 'name', language)}")
        if is_done(definition, series, day):
            done = "entry.done.event" if definition.measure == "events" else "entry.done"
            period = period_phrase(day, definition.period, today=today, language=language)
            st.markdown(f'<p class="tavle-done">{text(done, period=period)}</p>',
                        unsafe_allow_html=True)
        counts = indicator_label(definition, "counts", language)
        if counts:  # the måleplan's one line of what to count
            st.caption(":material/info: " + text("entry.counts", what=counts))
        if sampling_since is not None:
            st.caption(":material/fact_check: " + text(
                "entry.sampling", date=format_date(sampling_since, language=language)))
        if definition.measure == "events":
            _event_card(unit_id, stored, day=day, series=series, language=language)
            _safe_day(unit_id, stored, day=day, today=today, language=language)
        else:
            _figures_card(unit_id, stored, day=day, today=today, series=series,
                          language=language)


def field_label(definition: IndicatorDefinition, field: str, period: str, language: str) -> str:
    """Return an input's label from the catalogue: "Triageret i dag", "af borgere", "Sengedage i …"."""
    if field == "value":
        unit = indicator_label(definition, "unit", language)
        return f"{text('entry.value')} ({unit}) {period}" if unit else f"{text('entry.value')} {period}"
    words = indicator_label(definition, field, language)
    if field == "denominator" and definition.measure == "proportion":
        return text("entry.of", denominator=words)
    return f"{capitalised(words)} {period}"


def _figures_card(unit_id: int, stored: StoredIndicator, *, day: date, today: date,
                  series: pd.DataFrame, language: str) -> None:
    """Inputs for the figures of the period that day falls in, and the save button."""
    definition = stored.definition
    form = card_key(stored)
    period = period_phrase(day, definition.period, today=today, language=language)
    before = _recorded_figures(series, period_start(day, definition.period))
    if before is not None:
        st.caption(text("entry.existing", period=period,
                        figures=figures_text(definition, before, language)))
    if definition.counted_from:
        _counted_caption(definition, series, period_start(day, definition.period), period,
                         language)
    show_notice(form)
    fields = entry_fields(definition)
    if not fields:  # a count taken wholly from the events: nothing to enter here
        return
    with st.form(form, border=False):
        for column, field in zip(st.columns(len(fields)), fields, strict=True):
            with column:
                whole = field in WHOLE_NUMBER_FIELDS
                label = field_label(definition, field, period, language)
                st.number_input(label, key=f"{form}-{field}", value=None,
                                min_value=0 if whole else None, step=1 if whole else 0.1,
                                placeholder="")
                show_field_problems(form, field, language, label=capitalised(label))
        show_other_problems(form, fields, language)
        st.form_submit_button(text("entry.save"), type="primary", icon=":material/save:",
                              on_click=_save_figures, width="stretch",
                              args=(form, unit_id, stored, day, period, before))


def _counted_caption(definition: IndicatorDefinition, series: pd.DataFrame, start: date,
                     period: str, language: str) -> None:
    """Say the period's count so far, taken from the registered events (one registration)."""
    found = series[series["date"] == start] if not series.empty else series
    count = 0 if found.empty else int(figure(found.iloc[-1]["numerator"]) or 0)
    st.caption(":material/link: " + text(
        "entry.counted", period=period, count=count,
        what=capitalised(indicator_label(definition, "numerator", language))))


def _recorded_figures(series: pd.DataFrame, start: date) -> dict[str, float | None] | None:
    """Return the figures already recorded for the period starting on start, if any."""
    if series.empty:
        return None
    found = series[series["date"] == start]
    if found.empty:
        return None
    row = found.iloc[-1]
    return {name: figure(row[name]) for name in ("numerator", "denominator", "value")}


def _save_figures(form: str, unit_id: int, stored: StoredIndicator, day: date, period: str,
                  before: dict[str, float | None] | None) -> None:
    """Save the card's figures (form callback); problems go under their fields."""
    definition = stored.definition
    language = current_language()
    fields = entry_fields(definition)
    figures = {field: st.session_state.get(f"{form}-{field}") for field in fields}
    forget_notice()
    try:
        undo = save_figures(unit_id, stored.id, day, figures, before=before)
    except ValidationError as refused:
        remember_problems(form, refused)
        return
    except StorageError as refused:
        forget_problems(form)
        announce(form, refusal(refused.text(language)))
        return
    forget_problems(form)
    for field in fields:  # empty again, so a second tap cannot save the same figures twice
        st.session_state[f"{form}-{field}"] = None
    what = entry_text(definition, period, figures_text(definition, figures, language), language)
    announce(form, Notice(text("entry.saved", what=what)), undo=reversal(undo, what))


def _event_card(unit_id: int, stored: StoredIndicator, *, day: date, series: pd.DataFrame,
                language: str) -> None:
    """One big button for the event; a second tap confirms it, with an optional note."""
    definition = stored.definition
    form = card_key(stored)
    event = indicator_label(definition, "numerator", language) or indicator_label(
        definition, "name", language)
    latest = None if series.empty else series["date"].max()
    st.caption(text("entry.event.last", date=format_date(latest, language=language))
               if latest is not None else text("entry.event.none"))
    show_notice(form)
    if st.session_state.get(CONFIRMING_KEY) != stored.id:
        st.button(text("entry.event.add", event=capitalised(event)), key=f"{form}-add",
                  icon=":material/add_circle:", type="primary", width="stretch",
                  on_click=_ask_to_confirm, args=(form, stored.id))
        return
    with st.form(form, border=False):
        st.markdown("**" + text("entry.event.confirm", event=event,
                                date=format_date(day, language=language)) + "**")
        st.text_input(text("entry.note"), key=f"{form}-note", max_chars=200)
        focus_on(f"{form}-note")  # the keyboard follows the tap into the confirmation
        st.caption(text("entry.note.help"))
        show_field_problems(form, "note", language, label=text("entry.note"))
        show_other_problems(form, ("note",), language)
        yes, no = st.columns(2)
        with yes:
            st.form_submit_button(text("entry.event.yes"), type="primary", width="stretch",
                                  icon=":material/check:", on_click=_save_event,
                                  args=(form, unit_id, stored, event, day))
        with no:
            st.form_submit_button(text("entry.cancel"), width="stretch",
                                  on_click=_stop_confirming, args=(form,))


def _safe_day(unit_id: int, stored: StoredIndicator, *, day: date, today: date,
              language: str) -> None:
    """The month's safety calendar and one tap for "the day passed without the event"."""
    definition = stored.definition
    event = indicator_label(definition, "numerator", language) or indicator_label(
        definition, "name", language)
    days = read_month(unit_id, stored.id, today=today)
    st.markdown(calendar_html(days, title=capitalised(event), today=today, language=language,
                              compact=True), unsafe_allow_html=True)
    show_red_days(unit_id, stored.id, days, language=language,
                  key=f"{card_key(stored)}-red-days")
    shown = next((box for box in days if box.day == day), None)
    if shown is not None and shown.state == "event":
        return  # a day with the event cannot be confirmed without it
    if shown is not None and shown.state == "safe":
        st.caption(":material/check_circle: " + text(
            "entry.safe_day.done", date=format_date(day, language=language)))
        return
    st.button(text("entry.safe_day", event=event), key=f"{card_key(stored)}-safe",
              icon=":material/check_circle:", width="stretch", on_click=_confirm_day,
              args=(card_key(stored), unit_id, stored, event, day))


def _confirm_day(form: str, unit_id: int, stored: StoredIndicator, event: str, day: date) -> None:
    """Confirm the day without the event (button callback), with Undo."""
    language = current_language()
    forget_notice()
    try:
        undo = confirm_day(unit_id, stored.id, day)
    except StorageError as refused:  # ValidationError too: a refusal in the reader's language
        announce(form, refusal(refused.text(language)))
        return
    what = text("entry.safe_day.what", event=event, date=format_date(day, language=language))
    announce(form, Notice(text("entry.saved", what=what)), undo=reversal(undo, what))


def _ask_to_confirm(form: str, indicator_id: int) -> None:
    """Open the confirmation of an event (button callback)."""
    forget_notice()
    forget_problems(form)
    st.session_state[CONFIRMING_KEY] = indicator_id


def _stop_confirming(form: str) -> None:
    """Close the confirmation without saving (button callback)."""
    forget_problems(form)
    st.session_state.pop(CONFIRMING_KEY, None)


def _save_event(form: str, unit_id: int, stored: StoredIndicator, event: str, day: date) -> None:
    """Record the event (confirm callback); problems stay in the open confirmation."""
    language = current_language()
    note = st.session_state.get(f"{form}-note") or None
    try:
        undo = save_event(unit_id, stored.id, day, note)
    except ValidationError as refused:
        remember_problems(form, refused)
        return
    except StorageError as refused:
        _stop_confirming(form)
        announce(form, refusal(refused.text(language)))
        return
    _stop_confirming(form)
    what = capitalised(text("entry.event.what", event=event,
                            date=format_date(day, language=language)))
    announce(form, Notice(text("entry.saved", what=what)), undo=reversal(undo, what))
