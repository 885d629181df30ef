"""Page: Registrér — the tablet page where a nurse records today's figures in seconds."""

import streamlit as st

from app.access.identity import current_actor
from app.entry.card_order import in_fill_order
from app.entry.cards import entry_card
from app.entry.recent_entries import recent_entries
from app.language import current_language, text
from app.resources import database, today
from app.styles import ENTRY_CARDS, use_touch_targets
from app.unit_picker import chosen_unit
from db import (
    empty_series,
    in_exposure,
    list_indicators,
    list_sampling_switches,
    list_unit_indicators,
    read_session,
    read_unit_series,
    sampling_since,
    unit_exposure,
)

use_touch_targets()
language = current_language()
st.title(text("nav.entry"))
unit_column, date_column = st.columns([2, 1])
unit = chosen_unit(where=unit_column, action="entry.write")
if unit is None:
    st.stop()
day_today = today()
day = date_column.date_input(text("entry.date"), value=day_today, max_value=day_today,
                             format="DD-MM-YYYY", key="entry.date")
unit_id = int(unit["id"])
with read_session(database()) as session:
    active = list_unit_indicators(unit_id, session=session)
    series = read_unit_series(unit_id, session=session, actor=current_actor())
    every_indicator = {s.id: s for s in in_exposure(
        list_indicators(session=session, include_deleted=True),
        unit_exposure(unit_id, session=session))}
    # Which packages the unit samples on the day being registered (not today: a late entry
    # for a day before the switch was a full registration).
    sampling = sampling_since(list_sampling_switches(session=session, actor=current_actor(),
                                                     unit_id=unit_id), today=day)
if not active:
    st.info(text("entry.no_indicators"))
with st.container(key=ENTRY_CARDS):
    for stored in in_fill_order(active):
        sampled = (sampling.get((unit_id, stored.definition.package))
                   if stored.definition.kind == "process" else None)
        entry_card(unit_id, stored, day=day, today=day_today, language=language,
                   series=series.get(stored.id, empty_series(stored.definition.measure)),
                   sampling_since=sampled)
recent_entries(unit_id, every_indicator, today=day_today, language=language)
