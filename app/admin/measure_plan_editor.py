"""An indicator's måleplan in the administration: custom ones edited, built-in ones shown.

What is counted, the data source, how and when it is collected, the sample and the data
owner (DSP's måleplan). A built-in indicator's plan is the programme's and is shown as it
is; an organisation's own indicator gets its plan typed in here. Audited, with Undo.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from app.access.identity import current_actor
from app.charts.measure_plan import show_measure_plan
from app.form_problems import refuse, show_other_problems_once
from app.language import text
from app.notices import Notice, Reversal, announce
from app.resources import database
from db import StorageError, StoredIndicator, update_indicator, write_session

PLAN_FIELDS = ("counts", "source", "collection", "sample", "owner")
KEY = "admin.indicators"


def measure_plan_form(stored: StoredIndicator, language: str) -> None:
    """Show the chosen indicator's måleplan: a form for a custom one, the plan for a built-in."""
    st.markdown(f"**{text('admin.plan.title')}**")
    definition = stored.definition
    if stored.builtin:
        st.caption(text("admin.plan.builtin"))
        show_measure_plan(definition, language=language)
        return
    form = f"{KEY}.plan.{stored.id}"
    with st.form(form):
        typed = {field: st.text_input(text(f"admin.plan.{field}"),
                                      getattr(definition, f"{field}_da"), key=f"{form}.{field}")
                 for field in PLAN_FIELDS}
        submitted = st.form_submit_button(text("admin.plan.save"))
        show_other_problems_once(form, (), language)
    if not submitted:
        return
    before = {f"{field}_{language_code}": getattr(definition, f"{field}_{language_code}")
              for field in PLAN_FIELDS for language_code in ("da", "en")}
    # One language typed: the English plan follows the Danish until someone writes its own.
    changes = {f"{field}_da": value.strip() for field, value in typed.items()}
    changes |= {f"{field}_en": value.strip() for field, value in typed.items()
                if getattr(definition, f"{field}_en") in ("", getattr(definition, f"{field}_da"))}
    try:
        with write_session(database()) as session:
            update_indicator(stored.id, session=session, actor=current_actor(), **changes)
    except StorageError as refused:
        refuse(form, refused)
    announce(KEY, Notice(text("admin.plan.saved", name=definition.name_da)),
             undo=Reversal(partial(_put_back, stored.id, before),
                           Notice(text("admin.plan.undone", name=definition.name_da))),
             clear=[f"{form}.{field}" for field in PLAN_FIELDS])
    st.rerun()


def _put_back(indicator_id: int, plan: dict[str, str]) -> None:
    """Write the plan back as it was (the Undo of a save)."""
    with write_session(database()) as session:
        update_indicator(indicator_id, session=session, actor=current_actor(), **plan)
