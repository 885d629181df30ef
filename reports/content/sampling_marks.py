"""Mark on a chart where a unit switched a package's processes to samples, or back.

When a unit samples (stikprøver), its process figures are n of m checked rather
than every citizen; the chart keeps one series and says from which day the
figures are sampled, so nobody mistakes a wider spread for a change in practice.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from db import StoredIndicator
from indicators import Annotation
from reports.wording.formats import format_date

SAMPLING_TEXT = "Stikprøver fra {day}"
FULL_REGISTRATION_TEXT = "Fuld registrering fra {day}"


def sampling_days(switches: pd.DataFrame, indicator: StoredIndicator, *, today: date) -> tuple[date, ...]:
    """The days the unit switched the indicator's package to samples or back: each starts a phase."""
    definition = indicator.definition
    if switches.empty or definition.kind != "process":
        return ()
    mine = switches[(switches["package"] == definition.package) & ~switches["deleted"].astype(bool)
                    & (switches["date"] <= today)]
    return tuple(mine["date"].tolist())


def sampling_annotations(switches: pd.DataFrame, indicator: StoredIndicator, *,
                         today: date) -> tuple[Annotation, ...]:
    """The switches of the indicator's package, on a process indicator, up to today."""
    definition = indicator.definition
    if switches.empty or definition.kind != "process":
        return ()
    mine = switches[(switches["package"] == definition.package) & ~switches["deleted"].astype(bool)
                    & (switches["date"] <= today)]
    return tuple(
        Annotation(row.date, (SAMPLING_TEXT if row.sampling else FULL_REGISTRATION_TEXT).format(
            day=format_date(row.date)))
        for row in mine.itertuples())
