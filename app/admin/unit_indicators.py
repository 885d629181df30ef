"""Which packages and indicators each unit works with: a table of all units, and a form per unit."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.access.identity import current_actor
from app.form_problems import refuse, show_other_problems_once
from app.indicator_labels import indicator_label
from app.language import current_language, text
from app.notices import Notice, announce, show_notice
from app.resources import database, today
from db import (
    StorageError,
    StoredIndicator,
    indicators_with_data,
    list_indicators,
    list_packages,
    list_unit_indicators,
    list_units,
    read_session,
    set_unit_indicators,
    write_session,
)

KEY = "admin.unit_indicators"


def package_names(language: str) -> dict[str, str]:
    """Return each package's name in language, by code."""
    with read_session(database()) as session:
        packages = list_packages(session=session)
    column = "name_en" if language == "en" else "name_da"
    return dict(zip(packages["code"], packages[column], strict=True))


def unit_indicators_admin() -> None:
    """Show what every unit uses, and let the admin choose one unit's indicators."""
    language = current_language()
    show_notice(KEY)
    with read_session(database()) as session:
        units = list_units(session=session)
        units = units[units["kind"] == "unit"]
        chosen = {int(u): list_unit_indicators(int(u), session=session) for u in units["id"]}
        with_data = {int(u): indicators_with_data(int(u), session=session, actor=current_actor())
                     for u in units["id"]}
        everything = list_indicators(session=session)
    packages = package_names(language)
    if units.empty:
        st.caption(text("admin.units.empty"))
        return
    st.table(pd.DataFrame([{
        text("admin.uses.unit"): row.name,
        text("admin.uses.packages"): ", ".join(dict.fromkeys(
            packages[i.definition.package] for i in chosen[int(row.id)])) or "–",
        text("admin.uses.count"): len(chosen[int(row.id)]),
    } for row in units.itertuples()]), hide_index=True, border="horizontal")
    names = dict(zip(units["id"], units["name"], strict=True))
    unit_id = st.selectbox(text("admin.uses.pick"), [int(i) for i in units["id"]],
                           format_func=names.__getitem__, key=f"{KEY}.unit")
    _choose_form(unit_id, chosen[unit_id], everything, packages, language, with_data[unit_id])


def _choose_form(unit_id: int, current: list[StoredIndicator], everything: list[StoredIndicator],
                 packages: dict[str, str], language: str, with_data: set[int]) -> None:
    """Show a box per indicator, grouped by package; saving keeps the board order of the kept ones."""
    active = {i.id for i in current}
    by_package: dict[str, list[StoredIndicator]] = {}
    for indicator in everything:
        by_package.setdefault(indicator.definition.package, []).append(indicator)
    form = f"{KEY}.form.{unit_id}"
    with st.form(form):
        st.caption(text("admin.uses.help"))
        columns = st.columns(2)
        ticked: dict[int, bool] = {}
        for index, (package, indicators) in enumerate(by_package.items()):
            with columns[index % 2]:
                used = sum(i.id in active for i in indicators)
                st.markdown(f"**{packages.get(package, package)}** · "
                            f"{text('admin.uses.of', used=used, total=len(indicators))}")
                for indicator in indicators:
                    label = indicator_label(indicator.definition, "name", language)
                    if indicator.id in with_data:  # e.g. imported, but not on the board yet
                        label = text("admin.uses.has_data", indicator=label)
                    ticked[indicator.id] = st.checkbox(
                        label,
                        value=indicator.id in active,
                        key=f"{KEY}.{unit_id}.{indicator.id}")
        submitted = st.form_submit_button(text("admin.uses.save"), type="primary")
        show_other_problems_once(form, (), language)
    if not submitted:
        return
    kept = [i.id for i in current if ticked.get(i.id)]
    added = [i for i, on in ticked.items() if on and i not in active]
    try:
        with write_session(database()) as session:
            set_unit_indicators(unit_id, kept + added, session=session, actor=current_actor(),
                                today=today())
    except StorageError as refused:
        refuse(form, refused)
    announce(KEY, Notice(text("admin.uses.saved", count=len(kept) + len(added))))
    st.rerun()
