"""The overview's goal table: one row per unit and indicator with a goal, in words."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from app.indicator_labels import indicator_label
from app.language import translate
from app.overview.matrix_table import date_text, goal_decimals, goal_target_text, value_text
from indicators import IndicatorDefinition
from reports import MISSING, Overview, format_number

# The long goal sentence goes last, so status, progress and assurance fit on the screen.
# Progress towards the goal in whole per cents (0-100): whole, so no decimal mark to get
# wrong, and a space before "%" as Danish writes it.
PROGRESS_FORMAT = "%d %%"
GOAL_COLUMNS = ("unit", "indicator", "latest", "status", "progress", "since", "assurance", "goal")


def goal_words(definition: IndicatorDefinition, baseline: float | None, language: str) -> str:
    """The goal as the programme states it: at least 95 %, at least 300 days, 50 % fewer."""
    goal = definition.goal
    if goal.kind == "min_days_between":
        return translate("overview.goal.min_days_between", language,
                    value=format_number(goal.value, language=language, decimals=0))
    if goal.kind == "min_share":
        return translate("overview.goal.min_share", language,
                    value=value_text(goal.value * definition.multiply, definition,
                                     language=language, decimals=0))
    return translate("overview.goal.reduce_by", language,
                value=f"{format_number(goal.value * 100, language=language, decimals=0)} %",
                baseline=value_text(baseline, definition, language=language,
                                    decimals=goal_decimals(definition)))


def goal_rows(overview: Overview, *, units: pd.DataFrame,
              indicators: Sequence[IndicatorDefinition], language: str) -> pd.DataFrame:
    """Every chosen unit's goals: latest value, met or not and since when, how far, assurance."""
    rows = []
    for definition in indicators:
        if definition.goal is None:
            continue
        for unit in units.itertuples():
            cell = overview.matrix.cell(unit.id, definition.code)
            if cell is None or cell.goal is None:
                continue
            goal = cell.goal
            if definition.measure == "events":
                latest = (MISSING if goal.latest is None else
                          translate("overview.cell.days", language, days=int(goal.latest)))
            else:
                latest = value_text(goal.latest, definition, language=language)
            status = {True: "met", False: "missed", None: "unknown"}[goal.met]
            rows.append({
                "unit": unit.name,
                "indicator": indicator_label(definition, "name", language),
                "goal": f"{goal_words(definition, goal.baseline, language)} "
                        f"({goal_target_text(definition, goal.target, language)})",
                "latest": latest,
                "status": translate(f"overview.goals.status.{status}", language),
                "progress": None if goal.progress is None
                else round(float(np.clip(goal.progress, 0, 1)) * 100),
                "since": date_text(goal.met_since, language=language) if goal.met_since else "",
                "assurance": translate(f"overview.goals.assurance.{goal.assurance or 'none'}", language),
            })
    return pd.DataFrame(rows, columns=list(GOAL_COLUMNS))
