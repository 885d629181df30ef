"""Administration of the unit tree: create, rename, move, delete and restore units.

A municipality holds areas, areas hold units (the teams that record data).
Deleting is soft: a deleted unit keeps its data and comes back with Undo.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from app.access.identity import current_actor
from app.form_problems import refuse, show_field_problems, show_other_problems_once
from app.language import current_language, text
from app.notices import REMOVED_ICON, Notice, Reversal, announce, show_notice
from app.plain_text import as_text
from app.resources import database
from db import (
    INHERITED_EXPOSURE,
    StorageError,
    chosen_exposures,
    create_unit,
    delete_unit,
    list_units,
    move_unit,
    read_session,
    rename_unit,
    restore_unit,
    set_unit_exposure,
    unit_exposures,
    write_session,
)
from indicators import DEFAULT_EXPOSURE, EXPOSURES

KINDS = ("unit", "area", "municipality")
KEY = "admin.units"
TOP = -1  # the "no parent" choice in a parent picker (Streamlit options must not be None)


def all_units() -> pd.DataFrame:
    """Return the whole tree, deleted units included, in depth-first order."""
    with read_session(database()) as session:
        return list_units(session=session, include_deleted=True)


def tree_markdown(units: pd.DataFrame) -> str:
    """Return the tree as a nested Markdown list; deleted units struck through."""
    lines = []
    for row in units.itertuples():
        plain = as_text(row.name)
        name = f"**{plain}**" if row.kind != "unit" else plain
        label = f"{name} · {text(f'unit.kind.{row.kind}')} · `{row.code}`"  # a code is a slug: a-z, 0-9 and -
        if row.deleted:
            label = f"~~{plain}~~ · {text('admin.units.deleted')}"
        lines.append(f"{'    ' * int(row.depth)}- {label}")
    return "\n".join(lines)


def unit_admin() -> None:
    """Show the tree, the form for a new unit, and the actions on a chosen unit."""
    language = current_language()
    show_notice(KEY)
    units = all_units()
    tree, actions = st.columns([1, 1], gap="large")
    with tree:
        st.markdown(f"**{text('admin.units.tree')}**")
        if units.empty:
            st.caption(text("admin.units.empty"))
        else:
            st.markdown(tree_markdown(units))
    with actions:
        _create_form(units, language)
        if not units.empty:
            _unit_actions(units, language)


def _parent_choices(units: pd.DataFrame, *, exclude: int | None = None) -> list[int]:
    """Return TOP and the live units that can hold others (not exclude)."""
    live = units[~units["deleted"] & (units["kind"] != "unit")]
    return [TOP, *(int(i) for i in live["id"] if i != exclude)]


def _parent_label(units: pd.DataFrame):
    """Return a format function that names a parent choice by its path."""
    paths = dict(zip(units["id"], units["path"], strict=True))
    return lambda unit_id: text("admin.units.top") if unit_id == TOP else paths[unit_id]


def _create_form(units: pd.DataFrame, language: str) -> None:
    """Show the form that creates a unit under a chosen parent."""
    form = f"{KEY}.create"
    with st.form(form, clear_on_submit=False):
        st.markdown(f"**{text('admin.units.create')}**")
        name = st.text_input(text("admin.units.name"), key=f"{KEY}.create.name")
        show_field_problems(form, "name", language)
        kind = st.selectbox(text("admin.units.kind"), KINDS, key=f"{KEY}.create.kind",
                            format_func=lambda k: text(f"unit.kind.{k}"))
        parents = _parent_choices(units)
        areas = set(units.loc[units["kind"] == "area", "id"])
        # A new unit most often joins an area; offer the first one.
        first_area = next((i for i, p in enumerate(parents) if p in areas), 0)
        parent = st.selectbox(text("admin.units.parent"), parents, key=f"{KEY}.create.parent",
                              index=first_area, format_func=_parent_label(units))
        submitted = st.form_submit_button(text("admin.units.create.submit"), type="primary")
        show_other_problems_once(form, ("name",), language)
    if not submitted:
        return
    try:
        with write_session(database()) as session:
            create_unit(name, kind=kind, parent_id=None if parent == TOP else parent,
                        session=session, actor=current_actor())
    except StorageError as refused:
        refuse(form, refused)
    announce(KEY, Notice(text("admin.units.created", name=name.strip())),
             clear=[f"{KEY}.create.name"])
    st.rerun()


def _unit_actions(units: pd.DataFrame, language: str) -> None:
    """Rename, move, delete or restore the chosen unit."""
    ids = [int(i) for i in units["id"]]
    paths = dict(zip(units["id"], units["path"], strict=True))
    st.markdown(f"**{text('admin.units.change')}**")
    unit_id = st.selectbox(text("admin.units.pick"), ids, key=f"{KEY}.pick",
                           format_func=paths.__getitem__)
    row = units[units["id"] == unit_id].iloc[0]
    if bool(row["deleted"]):
        st.info(text("admin.units.is_deleted", name=as_text(row["name"])))
        restore = f"{KEY}.restore"
        if st.button(text("admin.units.restore"), key=restore):
            _write(restore, lambda session: restore_unit(unit_id, session=session,
                                                         actor=current_actor()),
                   Notice(text("admin.units.restored", name=row["name"])))
        show_other_problems_once(restore, (), language)
        return
    rename = f"{KEY}.rename.{unit_id}"
    with st.form(rename):
        name = st.text_input(text("admin.units.new_name"), value=row["name"],
                             key=f"{rename}.name")
        show_field_problems(rename, "name", language)
        if st.form_submit_button(text("admin.units.rename")):
            _write(rename, lambda session: rename_unit(unit_id, name, session=session,
                                                       actor=current_actor()),
                   Notice(text("admin.units.renamed", name=name.strip())))
        show_other_problems_once(rename, ("name",), language)
    move = f"{KEY}.move.{unit_id}"
    with st.form(move):
        parents = _parent_choices(units, exclude=unit_id)
        current = int(row["parent_id"]) if pd.notna(row["parent_id"]) else TOP
        parent = st.selectbox(text("admin.units.new_parent"), parents,
                              index=parents.index(current) if current in parents else 0,
                              format_func=_parent_label(units), key=f"{move}.parent")
        show_field_problems(move, "unit", language)
        if st.form_submit_button(text("admin.units.move")):
            _write(move, lambda session: move_unit(unit_id, None if parent == TOP else parent,
                                                   session=session, actor=current_actor()),
                   Notice(text("admin.units.moved", name=row["name"])))
        show_other_problems_once(move, ("unit",), language)
    _exposure_form(unit_id, row, language)
    delete = f"{KEY}.delete.{unit_id}"
    if st.button(text("admin.units.delete"), key=delete, help=text("admin.units.delete.help"),
                 icon=":material/delete:"):
        name = str(row["name"])
        _write(delete, lambda session: delete_unit(unit_id, session=session,
                                                   actor=current_actor()),
               Notice(text("admin.units.deleted_notice", name=name), tone="info",
                      icon=REMOVED_ICON),
               undo=Reversal(partial(_restore, unit_id),
                             Notice(text("admin.units.restored", name=name))))
    show_other_problems_once(delete, (), language)


def _exposure_word(code: str, language: str) -> str:
    """Return an exposure's word in the language: "beboerdøgn", "resident days"."""
    exposure = EXPOSURES[code]
    return exposure.word_da if language == "da" else exposure.word_en


def _exposure_form(unit_id: int, row: pd.Series, language: str) -> None:
    """Choose what the unit's rates are counted per (beboerdøgn, visiterede borgere …)."""
    with read_session(database()) as session:
        own = chosen_exposures(session=session).get(unit_id, INHERITED_EXPOSURE)
        resolved = unit_exposures(session=session)
    parent = int(row["parent_id"]) if pd.notna(row["parent_id"]) else None
    above = resolved.get(parent, DEFAULT_EXPOSURE) if parent is not None else DEFAULT_EXPOSURE
    choices = [INHERITED_EXPOSURE, *EXPOSURES]
    form = f"{KEY}.exposure.{unit_id}"
    with st.form(form):
        chosen = st.selectbox(
            text("admin.units.exposure"), choices,
            index=choices.index(own) if own in choices else 0,
            format_func=lambda code: text("admin.units.exposure.inherit",
                                          word=_exposure_word(above, language))
            if code == INHERITED_EXPOSURE else _exposure_word(code, language),
            help=text("admin.units.exposure.help"), key=f"{form}.choice")
        show_field_problems(form, "exposure", language)
        if st.form_submit_button(text("admin.units.exposure.save")):
            word = _exposure_word(above if chosen == INHERITED_EXPOSURE else chosen, language)
            _write(form, lambda session: set_unit_exposure(unit_id, chosen, session=session,
                                                           actor=current_actor()),
                   Notice(text("admin.units.exposure.saved", name=row["name"], word=word)),
                   undo=Reversal(partial(_choose_exposure, unit_id, own),
                                 Notice(text("admin.units.exposure.undone", name=row["name"]))))
        show_other_problems_once(form, ("exposure",), language)


def _choose_exposure(unit_id: int, exposure: str) -> None:
    """Put back a unit's earlier exposure (the Undo of choosing another)."""
    with write_session(database()) as session:
        set_unit_exposure(unit_id, exposure, session=session, actor=current_actor())


def _write(form: str, change, notice: Notice, *, undo: Reversal | None = None) -> None:
    """Run one change in a writing session, then announce the notice and draw the page again.

    A refusal is kept for form and the page runs again, to show it under the fields it names.
    """
    try:
        with write_session(database()) as session:
            change(session)
    except StorageError as refused:
        refuse(form, refused)
    announce(KEY, notice, undo=undo)
    st.rerun()


def _restore(unit_id: int) -> None:
    """Bring a deleted unit back (the Undo of its deletion)."""
    with write_session(database()) as session:
        restore_unit(unit_id, session=session, actor=current_actor())
