"""Phases (parts), the frozen baseline and excluded points of one facet.

Positions are 1-based, as in qicharts2: `part=(12, 24)` starts new phases after
the 12th and the 24th point; `freeze=12` computes the centre line and limits
from the first 12 points only; `exclude=(7,)` leaves the 7th point out of every
calculation while still showing it. A phase break cancels `freeze`, as in qicharts2.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class PhaseLayout:
    """Per point of one facet: its phase number, baseline flag and inclusion flag."""

    part: np.ndarray  # 1-based phase number
    position: np.ndarray  # 1-based position within the facet
    baseline: np.ndarray  # inside the frozen baseline (all points when nothing is frozen)
    include: np.ndarray  # False for excluded points

    def phase_slices(self) -> list[slice]:
        """Return the index range of each phase, in order."""
        if len(self.part) == 0:
            return []
        # Plain lists: np.diff with prepend costs more than the rest of a one-phase chart's split.
        bounds = [0, *(np.flatnonzero(self.part[1:] != self.part[:-1]) + 1).tolist(), len(self.part)]
        return [slice(start, end) for start, end in zip(bounds[:-1], bounds[1:], strict=True)]


def phase_numbers(breaks: tuple[int, ...], count: int) -> np.ndarray:
    """Number the phases of count points that restart after each break position."""
    cuts = sorted({0, *breaks})
    cuts = [cut for cut in cuts if 0 <= cut < count]
    if count == 0:
        return np.zeros(0, dtype=int)
    lengths = np.diff([*cuts, count])
    return np.repeat(np.arange(1, len(cuts) + 1), lengths)


def layout(count: int, *, part: tuple[int, ...] = (), freeze: int | None = None,
           exclude: tuple[int, ...] = ()) -> PhaseLayout:
    """Lay out phases, baseline and exclusions for count points."""
    position = np.arange(1, count + 1)
    frozen = freeze if (freeze is not None and not part) else None
    baseline = position <= frozen if frozen is not None else np.ones(count, dtype=bool)
    include = ~np.isin(position, np.array(exclude, dtype=int)) if exclude else np.ones(count, dtype=bool)
    return PhaseLayout(
        part=phase_numbers(part, count),
        position=position,
        baseline=baseline,
        include=include,
    )
