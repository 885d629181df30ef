"""Choose the unit once and keep it in the URL (?enhed=CODE), so a tablet can bookmark it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.access.identity import current_rights
from app.language import text
from app.resources import database
from db import list_units, read_session

UNIT_PARAMETER = "enhed"


def care_units(*, action: str = "unit.read") -> pd.DataFrame:
    """Return the live units that record data (leaves of the tree), with their paths.

    Only those the current user (or wall screen) may do action for: "unit.read" to see,
    "entry.write" to record.
    """
    rights = current_rights()
    with read_session(database()) as session:
        # A user bound to their units reads those alone, not every municipality's tree.
        units = list_units(session=session, within=(
            () if rights is None else rights.unit_ids))
    units = units[units["kind"] == "unit"]
    shown = [] if rights is None else [unit_id for unit_id in units["id"].tolist()
                                       if rights.allows(action, unit_id)]
    return units[units["id"].isin(shown)].reset_index(drop=True)


def chosen_unit(*, where=st.sidebar, action: str = "unit.read") -> pd.Series | None:
    """Show the unit picker and return the chosen unit's row, or None when there are no units."""
    units = care_units(action=action)
    if units.empty:
        st.info(text("unit.none"))
        return None
    codes = units["code"].tolist()
    wanted = st.query_params.get(UNIT_PARAMETER)
    index = codes.index(wanted) if wanted in codes else 0
    labels = dict(zip(codes, units["name"], strict=True))
    code = where.selectbox(text("unit.label"), codes, index=index,
                           format_func=labels.__getitem__, key="unit_picker")
    if st.query_params.get(UNIT_PARAMETER) != code:
        st.query_params[UNIT_PARAMETER] = code
    return units.iloc[codes.index(code)]
