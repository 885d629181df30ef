"""What a board shows besides its series, read for many units at once.

A municipality's report reads fifty boards. Their annotations, saved baselines
and measuring starts were five small queries a unit; here they are five queries
for all the units together, each unit's share given in the shapes of
list_annotations, list_unit_baselines and measuring_starts (the same values, in
the same order).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from db.annotations import ANNOTATION_COLUMNS
from db.baselines import BASELINE_COLUMNS
from db.measurement_start import read_measuring_starts
from db.models import Annotation, Baseline
from db.permissions import check_permission

# The frames' column names, built once: an index made from a list for each unit's two or
# three frames cost a third of making them. The same index list_annotations' list gives.
_ANNOTATION_INDEX = pd.Index(list(ANNOTATION_COLUMNS))
_BASELINE_INDEX = pd.Index(list(BASELINE_COLUMNS))


@dataclass(frozen=True)
class BoardExtras:
    """One unit's annotations, live baselines by indicator and measuring starts by indicator."""

    annotations: pd.DataFrame  # as list_annotations(unit_id)
    baselines: dict[int, pd.DataFrame] = field(default_factory=dict)  # as list_unit_baselines
    measuring_starts: dict[int, date] = field(default_factory=dict)  # as measuring_starts


def read_board_extras(unit_ids: Sequence[int], *, session: Session,
                      actor: str) -> dict[int, BoardExtras]:
    """Return each unit's BoardExtras, by unit id (actor must be allowed to read every unit)."""
    units = list(dict.fromkeys(unit_ids))
    for unit_id in units:
        check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    if not units:
        return {}
    annotations: dict[int, list[tuple]] = {unit_id: [] for unit_id in units}
    for unit_id, *row in session.execute(
            select(Annotation.unit_id, Annotation.id, Annotation.indicator_id, Annotation.day,
                   Annotation.text)
            .where(Annotation.unit_id.in_(units), Annotation.deleted_at.is_(None))
            .order_by(Annotation.day, Annotation.id)):
        annotations[unit_id].append((*row, False))
    baselines: dict[int, dict[int, list[tuple]]] = {unit_id: {} for unit_id in units}
    for unit_id, indicator_id, *row in session.execute(
            select(Baseline.unit_id, Baseline.indicator_id, Baseline.id, Baseline.kind,
                   Baseline.day, Baseline.reason)
            .where(Baseline.unit_id.in_(units), Baseline.deleted_at.is_(None))
            .order_by(Baseline.day, Baseline.id)):
        baselines[unit_id].setdefault(indicator_id, []).append((*row, False))
    return {unit_id: BoardExtras(
        pd.DataFrame(annotations[unit_id], columns=_ANNOTATION_INDEX),
        {indicator_id: pd.DataFrame(rows, columns=_BASELINE_INDEX)
         for indicator_id, rows in baselines[unit_id].items()},
        starts) for unit_id, starts in read_measuring_starts(units, session=session).items()}
