"""The mapping step of an import: the unit the file is for, each sheet's heading row, each column's role."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st
from openpyxl.utils import get_column_letter

from app.indicator_labels import indicator_label
from app.language import text
from app.resources import database
from db import (
    INDICATOR_ROLES,
    ColumnRole,
    ImportFile,
    ImportMapping,
    StoredIndicator,
    list_indicators,
    list_unit_indicators,
    list_units,
    mapping_at_heading_row,
    proposed_mapping,
    read_session,
)

# The roles offered for every column, before those of each indicator.
PLAIN_CHOICES = ("ignore", "computed", "date", "week", "year", "note", "unit", "indicator",
                 "type", "numerator_any", "denominator_any", "value_any")
# Which figures each measure's indicator offers as columns.
MEASURE_ROLES = {"proportion": ("numerator", "denominator"), "rate": ("numerator", "denominator"),
                 "count": ("numerator",), "measurement": ("value",), "events": ("event",)}
CSV_SHEET = "CSV"


def mapping_step(file: ImportFile, *, key: str, language: str) -> ImportMapping:
    """Show the unit choice and a role per column of each sheet; return the mapping chosen."""
    st.markdown(f"**{text('admin.import.mapping')}**")
    st.caption(text("admin.import.mapping.help"))
    with read_session(database()) as session:
        units = list_units(session=session)
        units = units[units["kind"] == "unit"]
        names = dict(zip(units["code"], units["name"], strict=True))
        ids = dict(zip(units["code"], units["id"], strict=True))
        guessed = proposed_mapping(file, unit=None, unit_id=None, session=session)
        codes = [None, *names]
        default = codes.index(guessed.unit) if guessed.unit in codes else 0
        unit = st.selectbox(text("admin.import.unit"), codes, index=default,
                            format_func=lambda code: names.get(code, text(
                                "admin.import.unit.column")), key=f"{key}.unit")
        unit_id = int(ids[unit]) if unit is not None else None
        mapping = proposed_mapping(file, unit=unit, unit_id=unit_id, session=session)
        board = list_unit_indicators(unit_id, session=session) if unit_id is not None else []
        everything = list_indicators(session=session)
        sheets = []
        skipped = list(mapping.skipped)
        for index, sheet in enumerate(file.sheets):
            current = next((s for s in mapping.sheets if s.sheet == sheet.name), None)
            if sheet.name != CSV_SHEET:
                st.markdown(f"**{text('admin.import.sheet', sheet=sheet.name)}**")
                used = st.checkbox(text("admin.import.sheet.use", sheet=sheet.name),
                                   value=current is not None, key=f"{key}.{index}.use")
                if not used:
                    skipped.append(sheet.name)
                    continue
            if current is None:
                current = next(s for s in mapping_at_heading_row(
                    file, mapping, sheet.name, 1, session=session).sheets if s.sheet == sheet.name)
            heading_row = int(st.number_input(
                text("admin.import.heading_row"), min_value=1,
                max_value=max(1, len(sheet.rows)), value=current.heading_row, step=1,
                key=f"{key}.{index}.heading_row"))
            if heading_row != current.heading_row:
                current = next(s for s in mapping_at_heading_row(
                    file, mapping, sheet.name, heading_row, session=session).sheets
                    if s.sheet == sheet.name)
            sheets.append(_columns(current, index, key=key,
                                   choices=role_choices(board, everything), language=language))
    return replace(mapping, unit=unit, sheets=tuple(sheets),
                   skipped=tuple(dict.fromkeys(skipped)))


def role_choices(board: list[StoredIndicator],
                 everything: list[StoredIndicator]) -> dict[str, tuple[str, StoredIndicator | None]]:
    """Return every role a column may take, by label: the plain ones, then each indicator's
    (the unit's board first)."""
    choices: dict[str, tuple[str, StoredIndicator | None]] = {
        role: (role, None) for role in PLAIN_CHOICES}
    on_board = {stored.id for stored in board}
    for stored in board + [s for s in everything if s.id not in on_board]:
        for role in MEASURE_ROLES.get(stored.definition.measure, ()):
            choices[ColumnRole(role, stored.definition.code).label()] = (role, stored)
    return choices


def _columns(sheet, index: int, *, key: str, choices: dict, language: str):
    """Show one selectbox per column of a sheet; return the sheet's mapping as chosen."""
    labels = list(choices)

    def name(label: str) -> str:
        role, stored = choices.get(label, ("unknown", None))
        if stored is None:
            return text(f"admin.import.role.{role}")
        indicator = indicator_label(stored.definition, "name", language)
        return text(f"admin.import.role.{role}", indicator=indicator)

    grid = st.columns(3)
    chosen = sheet
    for position, (heading, role) in enumerate(zip(sheet.headings, sheet.columns, strict=True)):
        options = labels if role.label() in choices else ["unknown", *labels]
        with grid[position % 3]:
            picked = st.selectbox(
                text("admin.import.column", column=get_column_letter(position + 1),
                     heading=heading or "–"),
                options, index=options.index(role.label()) if role.label() in options else 0,
                format_func=name, key=f"{key}.{index}.{sheet.heading_row}.{position}")
        if picked != role.label():
            chosen = chosen.with_role(position, _parse(picked))
    return chosen


def _parse(label: str) -> ColumnRole:
    """Return the role a choice label names."""
    role, _, code = label.partition(":")
    return ColumnRole(role, code or None) if role in INDICATOR_ROLES else ColumnRole(role)
