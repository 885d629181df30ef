"""Home page: what Tavle is, the demo on an empty database, and each unit's way in."""

import streamlit as st

from app.access.identity import current_actor, current_rights
from app.language import current_language, text
from app.notices import Notice, announce, show_notice
from app.plain_text import as_text
from app.resources import database, today
from app.styles import use_touch_targets
from app.unit_picker import care_units
from db import StorageError, seed_demo, write_session

PLACE = "home"

use_touch_targets()
st.title(text("app.title"))
st.subheader(text("app.tagline"))
st.write(text("home.intro"))

units = care_units()
rights = current_rights()  # read once: the loop below asks for every unit
if units.empty and not (rights and rights.allows("import")):
    st.info(text("home.no_units"))
elif units.empty:
    st.info(text("home.empty"))
    if st.button(text("home.demo.button"), type="primary", icon=":material/play_circle:"):
        try:
            with st.spinner(text("home.demo.loading")), write_session(database()) as session:
                seed_demo(session=session, actor=current_actor(), today=today())
        except StorageError as refused:  # another browser loaded it a moment ago
            st.error(refused.text(current_language()))
        else:
            announce(PLACE, Notice(text("home.demo.done")))
            st.rerun()
else:
    show_notice(PLACE)
    st.markdown(f"### {text('home.start')}")
    language = current_language()
    # The language rides along, so a Danish-or-English choice survives the jump.
    extra = {} if language == "da" else {"lang": language}
    for unit in units.itertuples():
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            parent = unit.path.rpartition(" / ")[0]
            name = as_text(unit.name)
            st.markdown(f"**{name}**  \n{as_text(parent)}" if parent else f"**{name}**",
                        width="stretch")
            st.page_link("views/board.py", label=text("home.start.board"),
                         icon=":material/dashboard:",
                         query_params={"enhed": unit.code, **extra})
            if rights and rights.allows("entry.write", unit.id):
                st.page_link("views/entry.py", label=text("home.start.entry"),
                             icon=":material/edit_note:",
                             query_params={"enhed": unit.code, **extra})
            st.page_link("views/board.py", label=text("home.start.kiosk"),
                         icon=":material/tv:",
                         query_params={"enhed": unit.code, "kiosk": "1", **extra})

st.markdown(f"#### {text('home.how')}")
for step in ("entry", "board", "analysis", "reports", "admin"):
    st.markdown(f"- {text('home.step.' + step)}")
