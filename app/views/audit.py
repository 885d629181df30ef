"""Revisionslog: who changed what and when, by unit and user; a deleted row restored from here."""

import pandas as pd
import streamlit as st

from app.access.identity import current_actor
from app.admin.audit_table import audit_rows, local_time
from app.language import current_language, text, translate
from app.notices import Notice, announce, refusal, show_notice
from app.resources import database
from db import (
    StorageError,
    audit_actors,
    is_deleted,
    list_units,
    read_audit,
    read_session,
    redact_text,
    restore_deleted,
    write_session,
)

PLACE = "audit"
REDACT_KEY = "audit.redact.text"
RESTORED_ICON = ":material/restore:"
# Enough for an afternoon's changes in a municipality; the filters narrow the rest.
ROWS_SHOWN = 500

language = current_language()
st.title(text("nav.audit"))
st.caption(text("audit.intro"))
show_notice(PLACE)

with read_session(database()) as session:
    units = list_units(session=session, include_deleted=True)
    actors = audit_actors(session=session, actor=current_actor())
unit_names = dict(zip(units["id"].astype(int), units["name"], strict=True))
paths = dict(zip(units["id"].astype(int), units["path"], strict=True))
left, right = st.columns(2)
unit_id = left.selectbox(text("audit.unit"), [None, *paths], key="audit.unit",
                         format_func=lambda u: text("audit.unit.all") if u is None else paths[u])
by = right.selectbox(text("audit.user"), [None, *actors], key="audit.user",
                     format_func=lambda a: text("audit.user.all") if a is None else a)
with read_session(database()) as session:
    audit = read_audit(session=session, actor=current_actor(), unit_id=unit_id, by=by,
                       limit=ROWS_SHOWN)
    deletes = audit[audit["action"] == "delete"]
    restorable = [row for row in deletes.itertuples()
                  if is_deleted(row.table_name, int(row.row_id), session=session)]


def _redact() -> None:
    """Remove the typed text everywhere; the field forgets it whatever happens."""
    typed = st.session_state.get(REDACT_KEY, "")
    st.session_state[REDACT_KEY] = ""
    try:
        with write_session(database()) as session:
            count = redact_text(typed, session=session, actor=current_actor())
    except StorageError as refused:
        announce(PLACE, refusal(refused.text(language)))
    else:
        announce(PLACE, Notice(text("audit.redact.done", count=count), icon=":material/ink_eraser:"))


with st.expander(text("audit.redact.title"), icon=":material/ink_eraser:"):
    st.caption(text("audit.redact.intro"))
    with st.form("audit.redact", border=False):
        st.text_input(text("audit.redact.text"), type="password", autocomplete="off",
                      key=REDACT_KEY)
        st.form_submit_button(text("audit.redact.button"), on_click=_redact)
if audit.empty:
    st.info(text("audit.none"))
    st.stop()
st.dataframe(audit_rows(audit, unit_names, language), hide_index=True, width="stretch")

st.subheader(text("audit.restore.title"))
if not restorable:
    st.caption(text("audit.restore.none"))
    st.stop()
described = {row.id: " · ".join([
    f"{translate('audit.table.' + row.table_name, language)} #{int(row.row_id)}",
    "" if pd.isna(row.unit_id) else unit_names.get(int(row.unit_id), ""),
    f"{text('audit.action.delete')} {local_time(row.at)}", row.actor]) for row in restorable}
chosen = st.selectbox(text("audit.restore.choose"), list(described), key="audit.restore",
                      format_func=described.__getitem__)
if st.button(text("audit.restore.button"), type="primary", icon=":material/restore:"):
    row = next(r for r in restorable if r.id == chosen)
    try:
        with write_session(database()) as session:
            restore_deleted(row.table_name, int(row.row_id), session=session,
                            actor=current_actor())
    except StorageError as refused:
        announce(PLACE, refusal(refused.text(language)))
    else:
        announce(PLACE, Notice(text("audit.restore.done", what=described[chosen]),
                               icon=RESTORED_ICON))
    st.rerun()
