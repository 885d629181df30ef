"""Read the database and judge every unit for the managers' overview.

One read of every unit's figures (db.read_overview_series), then the core: the
units × indicators matrix (indicators.overview_matrix), spread readiness per unit
and package with its evidence (indicators.readiness), and a funnel plot of one
indicator across units (indicators.funnel). The page and the area report draw
from the `Overview` this returns; nothing here draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from sqlmodel import Session

from db import (
    StoredIndicator,
    in_exposure,
    list_indicators,
    list_packages,
    list_sampling_switches,
    list_units,
    read_overview_series,
    rights_of,
    sampling_since,
    unit_exposures,
)
from indicators import (
    STABLE_MONTHS,
    FunnelResult,
    OverviewMatrix,
    ProcessEvidence,
    Readiness,
    ResultEvidence,
    funnel,
    month_figures,
    month_table,
    overview_matrix,
)
from reports.content.history_window import DEFAULT_HISTORY_YEARS, history_start

UNIT_COLUMNS = ("id", "code", "name", "area")  # Overview.units; area "" right under the top
FUNNEL_MEASURES = ("proportion", "rate")


@dataclass(frozen=True)
class Overview:
    """Everything the overview shows, judged as of `today`."""

    today: date
    units: pd.DataFrame  # UNIT_COLUMNS, grouped by area, in tree order
    indicators: tuple[StoredIndicator, ...]  # the columns: used by a unit, by package
    packages: pd.DataFrame  # code, name_da, name_en, in catalogue order
    matrix: OverviewMatrix  # rows are unit ids, columns the indicators' definitions
    readiness: tuple[Readiness, ...]  # per unit (id) and package the unit works with
    entries: pd.DataFrame  # the long-form entries (unit, indicator code, date, figures)


def care_units(units: pd.DataFrame) -> pd.DataFrame:
    """The live care units with the name of the area above each, grouped by area."""
    by_id = units.set_index("id")
    areas = []
    for parent in units["parent_id"]:
        name = ""
        while parent is not None and not pd.isna(parent) and int(parent) in by_id.index:
            above = by_id.loc[int(parent)]
            if above["kind"] == "area":
                name = above["name"]
                break
            parent = above["parent_id"]
        areas.append(name)
    found = units.assign(area=areas)
    found = found[found["kind"] == "unit"]
    # Areas keep their tree order; units without an area come last.
    order = {area: rank for rank, area in enumerate(dict.fromkeys(found["area"]))}
    order[""] = len(order)
    found = found.assign(area_rank=found["area"].map(order))
    found = found.sort_values(["area_rank"], kind="stable")
    return found[list(UNIT_COLUMNS)].reset_index(drop=True)


def _coded(frame: pd.DataFrame, codes: dict[int, str]) -> pd.DataFrame:
    """The frame with the indicator code and unit id in the core's column names."""
    lookup = np.full(max(codes, default=0) + 1, None, dtype=object)
    for indicator_id, code in codes.items():
        lookup[indicator_id] = code
    ids = frame["indicator_id"].to_numpy(dtype=np.int64)
    known = ids < len(lookup)
    indicator = np.full(len(ids), None, dtype=object)
    indicator[known] = lookup[ids[known]]
    return frame.assign(unit=frame["unit_id"].to_numpy(), indicator=indicator)


def read_overview(*, session: Session, actor: str, today: date,
                  unit_ids: Sequence[int] | None = None,
                  history_years: int | None = DEFAULT_HISTORY_YEARS) -> Overview:
    """Read and judge every care unit actor may read (or the chosen ones) as of today.

    history_years bounds the series judged (see history_window); None: everything.
    """
    rights = rights_of(actor, session=session)
    # A leader bound to their area reads its units alone, not every municipality's tree.
    units = care_units(list_units(session=session, within=rights.unit_ids))
    readable = rights.readable(units["id"].tolist())
    units = units[units["id"].isin(readable)].reset_index(drop=True)
    if unit_ids is not None:
        units = units[units["id"].isin(list(unit_ids))].reset_index(drop=True)
    stored = list_indicators(session=session)
    codes = {indicator.id: indicator.definition.code for indicator in stored}
    series = read_overview_series(session=session, actor=actor, unit_ids=units["id"].tolist(),
                                  since=history_start(today, years=history_years))
    assigned = _coded(series.assigned, codes)
    used = set(assigned["indicator"])
    columns = tuple(_worded([indicator for indicator in stored if indicator.definition.code in used],
                            units["id"].tolist(), session=session))
    entries = _coded(series.entries, codes)
    all_switches = list_sampling_switches(session=session, actor=actor)
    baselines = _coded(series.baselines, codes)
    matrix = overview_matrix(
        entries, _coded(series.events, codes), [indicator.definition for indicator in columns],
        units["id"].tolist(), today=today, assigned=assigned,
        baselines=pd.concat([baselines, _sampling_phases(all_switches, columns, today=today)],
                            ignore_index=True))
    switches = sampling_since(all_switches, today=today)
    packages = list_packages(session=session)[["code", "name_da", "name_en"]]
    return Overview(today, units, columns, packages, matrix,
                    _readiness(matrix, entries, switches, today=today), entries)


def _worded(columns: list[StoredIndicator], unit_ids: Sequence[int], *,
            session: Session) -> list[StoredIndicator]:
    """Return the columns worded in the units' exposure when they all share one.

    Mixed settings keep the catalogue's words: one column cannot name two exposures.
    """
    wanted = set(unit_ids)
    chosen = set(unit_exposures(session=session, unit_ids=wanted).values())
    return in_exposure(columns, chosen.pop()) if len(chosen) == 1 else columns


def _sampling_phases(switches: pd.DataFrame, columns: Sequence[StoredIndicator], *,
                     today: date) -> pd.DataFrame:
    """Each switch to samples (or back) as a new phase of its package's process indicators, as the board charts it."""
    rows = []
    live = switches[~switches["deleted"].astype(bool)] if len(switches) else switches
    for switch in live.itertuples():
        if switch.date > today:
            continue
        rows += [(switch.unit_id, indicator.definition.code, "new_phase", switch.date) for indicator in columns
                 if indicator.definition.kind == "process" and indicator.definition.package == switch.package]
    return pd.DataFrame(rows, columns=["unit", "indicator", "kind", "date"])


def _readiness(matrix: OverviewMatrix, entries: pd.DataFrame,
               switches: dict[tuple[int, str], date], *, today: date) -> tuple[Readiness, ...]:
    """Readiness of every unit and package it works with, from the matrix and the months."""
    definitions = matrix.indicators
    process_columns = [column for column, definition in enumerate(definitions)
                       if definition.kind == "process" and definition.measure == "proportion"]
    # One group per (unit row, process column) pair; month sums for all at once.
    pair_of = np.full(matrix.assigned.shape, -1, dtype=np.int64)
    for column in process_columns:
        pair_of[:, column] = np.where(matrix.assigned[:, column], 0, -1)
    pairs = np.argwhere(pair_of >= 0)  # (row, column), rows first
    pair_of[pairs[:, 0], pairs[:, 1]] = np.arange(len(pairs))
    unit_row = pd.Index(list(matrix.units)).get_indexer(entries["unit"])
    column_of = {definition.code: column for column, definition in enumerate(definitions)}
    # Map each distinct code once, not each of several hundred thousand rows.
    codes, names = pd.factorize(entries["indicator"])
    lookup = np.array([column_of.get(name, -1) for name in names] + [-1], dtype=np.int64)
    entry_column = lookup[codes]  # a missing code (-1) takes the trailing -1
    known = (unit_row >= 0) & (entry_column >= 0)
    group = np.full(len(entries), -1, dtype=np.int64)
    group[known] = pair_of[unit_row[known], entry_column[known]]
    chosen = group >= 0
    months, numerators, denominators = month_table(
        group[chosen], entries["date"].to_numpy()[chosen],
        entries["numerator"].to_numpy(dtype=float)[chosen],
        entries["denominator"].to_numpy(dtype=float)[chosen],
        groups=len(pairs), today=today, months=STABLE_MONTHS)
    found = []
    for row, unit in enumerate(matrix.units):
        packages: dict[str, tuple[list, list]] = {}
        for column in np.flatnonzero(matrix.assigned[row]):
            definition = definitions[column]
            process, results = packages.setdefault(definition.package, ([], []))
            number = pair_of[row, column]
            if number >= 0:
                process.append(ProcessEvidence(
                    definition.code, month_figures(months, numerators[number], denominators[number]),
                    matrix.verdict[row, column]))
            elif definition.kind == "result":
                cell = matrix.cell(unit, definition.code)
                results.append(ResultEvidence(definition.code, cell.verdict,
                                              None if cell.goal is None else cell.goal.met))
        for package, (process, results) in packages.items():
            found.append(Readiness(unit, package, tuple(process), tuple(results),
                                   switches.get((int(unit), package))))
    return tuple(found)


def funnel_figures(overview: Overview, indicator_code: str, *, months: int = STABLE_MONTHS,
                   units: Sequence[int] | None = None) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Unit names and their numerators and denominators summed over the last complete months
    (NaN for a unit without figures), for the units (all, or the chosen ids) that use it."""
    column = [definition.code for definition in overview.matrix.indicators].index(indicator_code)
    chosen_units = np.ones(len(overview.matrix.units), dtype=bool) if units is None else np.isin(
        np.array(overview.matrix.units), np.asarray(list(units)))
    rows = np.flatnonzero(overview.matrix.assigned[:, column] & chosen_units)
    mine = overview.entries[overview.entries["indicator"] == indicator_code]
    where = np.full(len(overview.matrix.units), -1)
    where[rows] = np.arange(len(rows))
    group = where[pd.Index(list(overview.matrix.units)).get_indexer(mine["unit"])]
    chosen = group >= 0
    _, numerators, denominators = month_table(
        group[chosen], mine["date"].to_numpy()[chosen], mine["numerator"].to_numpy(dtype=float)[chosen],
        mine["denominator"].to_numpy(dtype=float)[chosen], groups=len(rows), today=overview.today,
        months=months)
    names = overview.units.set_index("id")["name"]
    has = ~np.isnan(denominators).all(axis=1)
    return ([str(names[overview.matrix.units[row]]) for row in rows],
            np.where(has, np.nansum(numerators, axis=1), np.nan),
            np.where(has, np.nansum(denominators, axis=1), np.nan))


def funnel_choices(overview: Overview, *, months: int = STABLE_MONTHS,
                   units: Sequence[int] | None = None) -> list[str]:
    """Codes of the proportions and rates with figures from at least two units, most units first."""
    counted = []
    for definition in overview.matrix.indicators:
        if definition.measure in FUNNEL_MEASURES:
            _, _, denominators = funnel_figures(overview, definition.code, months=months,
                                                units=units)
            counted.append((int((~np.isnan(denominators)).sum()), definition.code))
    return [code for count, code in sorted(counted, key=lambda pair: -pair[0]) if count >= 2]


def funnel_for(overview: Overview, indicator_code: str, *, months: int = STABLE_MONTHS,
               units: Sequence[int] | None = None, overdispersion: bool = False) -> FunnelResult:
    """A funnel plot of one proportion or rate across units (all, or the chosen ids), over the
    last complete months."""
    definition = next(d for d in overview.matrix.indicators if d.code == indicator_code)
    labels, numerators, denominators = funnel_figures(overview, indicator_code, months=months,
                                                      units=units)
    return funnel(labels, numerators, denominators, measure=definition.measure,
                  multiply=definition.multiply, improvement=definition.improvement,
                  overdispersion=overdispersion)
