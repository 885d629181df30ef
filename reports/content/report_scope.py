"""What a report covers: one unit, an area's units, or every unit of the municipality."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlmodel import Session

from db import list_units
from reports.content.errors import ReportError

SCOPE_KINDS = ("unit", "area", "municipality")  # the kinds of the unit tree a scope is named after


@dataclass(frozen=True)
class ScopeUnit:
    """A care unit in a report: its id, code, name and the area it belongs to."""

    id: int
    code: str
    name: str
    area: str  # the name of the area above it, "" when it sits right under the municipality


@dataclass(frozen=True)
class ReportScope:
    """The units a report covers and the names its cover prints."""

    kind: str  # one of SCOPE_KINDS
    code: str  # the code of the unit, area or municipality the report is about
    name: str
    organisation: str  # the municipality's name
    units: tuple[ScopeUnit, ...]  # care units in tree order

    def only(self, unit: ScopeUnit) -> ReportScope:
        """Return the scope of one of this scope's units on its own."""
        return ReportScope("unit", unit.code, unit.name, self.organisation, (unit,))


def scope_of(unit_id: int, *, session: Session) -> ReportScope:
    """Return the scope named after a unit, area or municipality of the tree, by id."""
    tree = list_units(session=session)
    row = tree[tree["id"] == unit_id]
    if row.empty:
        raise ReportError(f"Enheden findes ikke (id {unit_id}).", f"There is no unit with id {unit_id}.")
    return _scope(tree, row.iloc[0])


def find_scope(name: str, *, kind: str, session: Session) -> ReportScope:
    """Return the scope of the unit, area or municipality with this name or code."""
    if kind not in SCOPE_KINDS:
        raise ReportError(f"Rapporten kan dække {', '.join(SCOPE_KINDS)}, ikke {kind!r}.",
                          f"A report covers one of {', '.join(SCOPE_KINDS)}, not {kind!r}.")
    tree = list_units(session=session)
    candidates = tree[tree["kind"] == kind]
    wanted = name.strip().casefold()
    # Codes are lower case (db checks them at the door); "SOLBAKKEN" still means solbakken.
    found = candidates[(candidates["code"].str.casefold() == wanted)
                       | (candidates["name"].str.casefold() == wanted)]
    if found.empty:
        known = ", ".join(f"{unit.name} ({unit.code})" for unit in candidates.itertuples()) or "ingen"
        what_da, what_en = {"unit": ("ingen enhed", "unit"), "area": ("intet område", "area"),
                            "municipality": ("ingen kommune", "municipality")}[kind]
        raise ReportError(f"Der er {what_da} der hedder {name!r}. Kendte: {known}.",
                          f"There is no {what_en} called {name!r}. Known: {known}.")
    if len(found) > 1:
        codes = ", ".join(found["code"])
        raise ReportError(f"Flere hedder {name!r}; brug koden: {codes}.",
                          f"Several are called {name!r}; use the code: {codes}.")
    return _scope(tree, found.iloc[0])


def municipality_scope(*, session: Session) -> ReportScope:
    """Return the scope of the whole municipality (the top of the tree)."""
    tree = list_units(session=session)
    tops = tree[tree["parent_id"].isna()]
    if tops.empty:
        raise ReportError("Der er ingen enheder endnu.", "There are no units yet.")
    if len(tops) > 1:
        names = ", ".join(tops["name"])
        raise ReportError(f"Databasen rummer flere kommuner ({names}); vælg en af dem.",
                          f"The database holds several municipalities ({names}); choose one.")
    return _scope(tree, tops.iloc[0])


def _scope(tree: pd.DataFrame, row: pd.Series) -> ReportScope:
    """Return the scope of one row of the tree: the care units at or below it."""
    names = dict(zip(tree["id"], tree["name"], strict=True))
    kinds = dict(zip(tree["id"], tree["kind"], strict=True))
    parents = dict(zip(tree["id"], tree["parent_id"], strict=True))
    organisation = row["name"]
    top = row["id"]
    while not pd.isna(parents.get(top)):
        top = int(parents[top])
        if kinds[top] == "municipality":
            organisation = names[top]
    below = _descendants(tree, int(row["id"]))
    units = tuple(
        ScopeUnit(int(unit.id), unit.code, unit.name, _area_of(int(unit.id), names, kinds, parents))
        for unit in tree.itertuples() if unit.kind == "unit" and unit.id in below
    )
    kind = row["kind"] if row["kind"] in SCOPE_KINDS else "unit"
    return ReportScope(kind, row["code"], row["name"], organisation, units)


def _descendants(tree: pd.DataFrame, unit_id: int) -> set[int]:
    """Return unit_id and the ids below it, from the tree's parent links."""
    children: dict[int, list[int]] = {}
    for child, parent in zip(tree["id"], tree["parent_id"], strict=True):
        if not pd.isna(parent):
            children.setdefault(int(parent), []).append(int(child))
    found, frontier = {unit_id}, [unit_id]
    while frontier:
        for child in children.get(frontier.pop(), []):
            found.add(child)
            frontier.append(child)
    return found


def _area_of(unit_id: int, names: dict, kinds: dict, parents: dict) -> str:
    """Return the name of the nearest area above a unit, or ""."""
    current = parents.get(unit_id)
    while not pd.isna(current):
        if kinds[int(current)] == "area":
            return names[int(current)]
        current = parents.get(int(current))
    return ""
