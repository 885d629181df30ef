"""Aggregate the observations of each x (and facet) into one subgroup, as qicharts2 does.

Per subgroup: the sum, count, mean and standard deviation of y, the summed
denominator n, the plotted value y (sum(y) / sum(n) when there is a denominator,
otherwise the chosen aggregate of y) and the joined notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.chart_input import ChartInput
from indicators.control_lines import mean_present


@dataclass(frozen=True)
class Subgroups:
    """The subgroups of one facet, in x order."""

    facet: object
    x: np.ndarray
    y_sum: np.ndarray
    y_length: np.ndarray
    y_mean: np.ndarray
    y_sd: np.ndarray
    n: np.ndarray
    y: np.ndarray
    notes: list[str | None]
    censored: np.ndarray

    def __len__(self) -> int:
        return len(self.x)


_REPEATED_BARS = re.compile(r"\|{2,}")


def joined_notes(texts: list[str]) -> str | None:
    """Join the distinct notes of one subgroup with ' | ' (None when there are none)."""
    unique: list[str] = []
    for text in texts:
        if text not in unique:
            unique.append(text)
    joined = _REPEATED_BARS.sub("|", "|".join(unique)).strip("|")
    joined = joined.replace("|", " | ")
    return joined or None


def _note_text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return ""
    return str(value)


def _order_key(values: np.ndarray, kind: str) -> np.ndarray:
    """Return a sort key that orders x as R orders factor levels."""
    if kind == "category":
        # R sorts character levels by the locale's collation: case-insensitive first.
        texts = [str(value) for value in values]
        return np.array(sorted(range(len(texts)), key=lambda i: (texts[i].casefold(), texts[i])), dtype=np.intp)
    return np.argsort(values, kind="stable")


def _sample_sd(values: np.ndarray, mean: float) -> float:
    """R's sd(): two passes around R's own mean, in extended precision.

    Around mean_present, identical decimals (0.1, 0.1, 0.1) have an SD of exactly 0, as
    in R; numpy's pairwise mean leaves 1e-17 there (issue 13).
    """
    present = values[~np.isnan(values)]
    if len(present) < 2:
        return np.nan
    deviations = present.astype(np.longdouble) - np.longdouble(mean)
    return float(np.sqrt(np.sum(deviations * deviations) / (len(present) - 1)))


def _aggregate_one_facet(facet: object, rows: np.ndarray, data: ChartInput, agg: str) -> Subgroups:
    x = data.x[rows]
    y = data.y[rows]
    n = data.n[rows]
    if data.has_n:
        # qicharts2 keeps only complete (y, n) pairs.
        incomplete = np.isnan(y) | np.isnan(n)
        y = np.where(incomplete, np.nan, y)
        n = np.where(incomplete, np.nan, n)
    given = data.notes[rows].tolist()
    # Most series have no notes at all: a glance at each beats wording each as text.
    noteless = all(note is None for note in given)
    notes = [""] * len(given) if noteless else [_note_text(value) for value in given]
    censored = data.censored[rows]

    if data.x_kind != "category" and len(x) > 1 and bool(np.all(x[1:] > x[:-1])):
        groups = np.arange(len(x))  # already one row per x, in order: the app's usual case
        count = len(x)
        x_sorted = x
    else:
        codes, uniques = pd.factorize(x)
        ranked = _order_key(np.asarray(uniques), data.x_kind)
        rank_of_code = np.empty(len(uniques), dtype=np.intp)
        rank_of_code[ranked] = np.arange(len(uniques))
        groups = rank_of_code[codes]
        count = len(uniques)
        x_sorted = np.asarray(uniques)[ranked]

    valid = ~np.isnan(y)
    rows_per_group = np.bincount(groups, minlength=count)
    y_length = np.bincount(groups, weights=valid, minlength=count)
    y_nansum = np.bincount(groups, weights=np.where(valid, y, 0.0), minlength=count)
    with np.errstate(invalid="ignore", divide="ignore"):
        y_mean = y_nansum / y_length
    # A lone missing value stays missing; several rows sum what is there (R's na.rm rule).
    y_sum = np.where((rows_per_group == 1) & (y_length == 0), np.nan, y_nansum)

    if count == len(groups):  # one row per x: nothing to spread
        order = np.argsort(groups)
        y_sd = np.full(count, np.nan)
        group_notes = ([None] * count if noteless
                       else [joined_notes([notes[i]]) if notes[i] else None for i in order])
        group_censored = censored[order]
        medians = y[order]
    else:
        y_sd = np.empty(count)
        medians = np.empty(count)
        group_notes = []
        group_censored = np.zeros(count, dtype=bool)
        order = np.argsort(groups, kind="stable")
        boundaries = np.searchsorted(groups[order], np.arange(count + 1))
        for group in range(count):
            members = order[boundaries[group]:boundaries[group + 1]]
            values = y[members]
            # R's mean(): identical decimals average to themselves (control_lines.mean_present).
            y_mean[group] = mean_present(values)
            y_sd[group] = _sample_sd(values, y_mean[group])
            present = values[~np.isnan(values)]
            medians[group] = np.median(present) if len(present) else np.nan
            group_notes.append(joined_notes([notes[i] for i in members]))
            group_censored[group] = bool(censored[members].any())

    if data.has_n:
        n_sum = np.bincount(groups, weights=np.where(np.isnan(n), 0.0, n), minlength=count)
        with np.errstate(invalid="ignore", divide="ignore"):
            plotted = y_nansum / n_sum
    else:
        n_sum = np.full(count, np.nan)
        plotted = {"mean": y_mean, "median": medians, "sum": y_nansum}[agg]

    return Subgroups(
        facet=facet,
        x=x_sorted,
        y_sum=y_sum,
        y_length=y_length,
        y_mean=y_mean,
        y_sd=y_sd,
        n=n_sum,
        y=np.asarray(plotted, dtype=float),
        notes=group_notes,
        censored=group_censored,
    )


def aggregate(data: ChartInput, *, agg: str = "mean") -> list[Subgroups]:
    """Aggregate the observations into subgroups per x, one list entry per facet."""
    if data.x_kind == "date" and data.x.dtype.kind == "M":
        present_x = ~np.isnat(data.x)  # pandas' isna of numpy days, without its dispatch
    elif data.x_kind == "date":
        present_x = ~pd.isna(data.x)
    elif data.x_kind == "number":
        present_x = ~np.isnan(data.x.astype(float))
    else:
        present_x = ~pd.isna(data.x)
    facets = data.facet
    if all(facet is None for facet in facets):
        return [_aggregate_one_facet(None, np.flatnonzero(present_x), data, agg)]
    labels = list(facets)
    present = {label for label in labels if label is not None}
    if all(isinstance(label, (int, float, np.number)) and not isinstance(label, bool) for label in present):
        distinct = sorted(present)  # numeric facets in numeric order, as R orders their levels
    else:
        distinct = sorted(present, key=lambda label: (str(label).casefold(), str(label)))
    result = []
    for label in distinct:
        rows = np.flatnonzero(present_x & np.array([value == label for value in labels]))
        result.append(_aggregate_one_facet(label, rows, data, agg))
    return result
